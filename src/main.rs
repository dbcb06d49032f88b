//! The `medtech` binary: arguments, paths, error hooks; the rest is the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use medtech::app::{App, Recovery};
use medtech::content::{Date, Guide};
use medtech::storage::{self, Access, LoadError, Storage};
use medtech::ui::theme::Theme;

/// An interactive guide from "I want to become a medical laboratory
/// technician" to certified and licensed.
#[derive(Debug, Parser)]
#[command(name = "medtech", version, about)]
struct Cli {
    #[arg(
        long,
        value_name = "PATH",
        help = "Use this profile file instead of the one in your data folder (or set MEDTECH_PROFILE)"
    )]
    profile: Option<PathBuf>,
}

fn today() -> Date {
    // For tests and demos: pin the date the app believes it is.
    if let Some(date) = std::env::var("MEDTECH_TODAY")
        .ok()
        .and_then(|s| s.parse::<Date>().ok())
    {
        return date;
    }
    jiff::ZonedDateTime::now().date()
}

/// Where the profile is: the flag, else a non-empty `MEDTECH_PROFILE`, else
/// the data folder. Symlinks are followed, so the lock, backup and temp files
/// sit beside the real file and a linked profile is updated, not replaced.
fn profile_path(cli: Cli) -> Result<PathBuf, String> {
    let given = cli.profile.or_else(|| {
        std::env::var_os("MEDTECH_PROFILE")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    let path = match given {
        Some(path) => path,
        None => storage::default_path().ok_or(
            "cannot find your data folder (is HOME set?). \
             Choose a file with --profile PATH or MEDTECH_PROFILE.",
        )?,
    };
    if path.is_dir() {
        return Err(format!(
            "{} is a folder; give the path of a profile file inside it, such as {}",
            path.display(),
            path.join(storage::PROFILE_FILE).display()
        ));
    }
    let Some(name) = path.file_name().map(ToOwned::to_owned) else {
        return Err(format!("{} does not name a file", path.display()));
    };
    if let Ok(real) = std::fs::canonicalize(&path) {
        return Ok(real);
    }
    // Not created yet: resolve the folder it will live in, if that exists.
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    Ok(std::fs::canonicalize(&folder).map_or(path, |real| real.join(name)))
}

/// What the user sees when there is no profile. A readable backup, or a
/// damaged profile moved aside earlier, leads to the recovery screen so
/// nothing is silently left behind.
fn without_profile(guide: Guide, storage: &Storage, read_only: bool) -> Result<App, String> {
    let damaged = storage.latest_damaged();
    let backup = match storage.load_backup() {
        Ok(backup) => backup,
        Err(e @ LoadError::TooNew { .. }) => return Err(e.to_string()),
        Err(e) if !read_only => {
            // Never let a new profile's backup replace a damaged one.
            let moved = storage.quarantine_backup().map_err(|io| {
                format!("{e}\nIt could not be moved aside ({io}). Nothing was changed.")
            })?;
            eprintln!(
                "medtech: {e}\nmedtech: the backup was moved to {}",
                moved.display()
            );
            None
        }
        Err(_) => None,
    };
    if read_only || (backup.is_none() && damaged.is_none()) {
        return Ok(App::first_launch(guide, today()));
    }
    Ok(App::recover(
        guide,
        today(),
        Recovery {
            problem: format!("{} is missing.", storage.path().display()),
            moved_to: damaged,
            backup,
        },
    ))
}

/// Loads the profile and decides what the user sees first. An `Err` is a
/// message for stderr: the app does not start, and nothing on disk changed.
fn open_app(guide: Guide, storage: &Storage, read_only: bool) -> Result<App, String> {
    match storage.load() {
        Ok(Some(profile)) => Ok(App::new(guide, profile, today())),
        Ok(None) => without_profile(guide, storage, read_only),
        Err(e @ LoadError::Corrupt { .. }) => {
            if read_only {
                return Err(format!(
                    "{e}\nAnother medtech has this profile open; close it first. Nothing was changed."
                ));
            }
            let moved_to = storage.quarantine().map_err(|io| {
                format!("{e}\nIt could not be moved aside ({io}), so medtech stops here. Nothing was changed.")
            })?;
            eprintln!(
                "medtech: {e}\nmedtech: the file was moved to {}",
                moved_to.display()
            );
            let backup = storage.load_backup().ok().flatten();
            Ok(App::recover(
                guide,
                today(),
                Recovery {
                    problem: e.to_string(),
                    moved_to: Some(moved_to),
                    backup,
                },
            ))
        }
        Err(e) => Err(format!("{e}\nNothing was changed on disk.")),
    }
}

fn main() -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    let cli = Cli::parse();
    let path = match profile_path(cli) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("medtech: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    let guide = Guide::embedded()?;
    let (storage, access) = Storage::open(path);
    let read_only = access == Access::ReadOnly;
    let mut app = match open_app(guide, &storage, read_only) {
        Ok(app) => app,
        Err(message) => {
            eprintln!("medtech: {message}");
            return Ok(ExitCode::from(1));
        }
    };
    app.read_only = read_only;
    app.theme = Theme::from_env();
    medtech::run(&mut app, &storage)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn cli(path: &Path) -> Cli {
        Cli {
            profile: Some(path.to_owned()),
        }
    }

    #[test]
    fn a_folder_is_refused_with_the_file_to_use_instead() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = profile_path(cli(dir.path())).expect_err("a folder");
        assert!(err.contains("is a folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_profile_resolves_to_the_real_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "x").expect("real file");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let resolved = profile_path(cli(&link)).expect("resolves");
        assert_eq!(resolved, std::fs::canonicalize(&real).expect("real path"));
    }
}
