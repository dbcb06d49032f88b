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
    /// Use this profile file instead of the one in your data folder.
    #[arg(long, value_name = "PATH", env = "MEDTECH_PROFILE")]
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

/// Loads the profile and decides what the user sees first. An `Err` is a
/// message for stderr: the app does not start, and nothing on disk changed.
fn open_app(guide: Guide, storage: &Storage, read_only: bool) -> Result<App, String> {
    let backup = || storage.load_backup().ok().flatten();
    match storage.load() {
        Ok(Some(profile)) => Ok(App::new(guide, profile, today())),
        Ok(None) => match backup() {
            // The profile is gone but its backup is not: offer it.
            Some(backup) if !read_only => Ok(App::recover(
                guide,
                today(),
                Recovery {
                    problem: format!("{} is missing.", storage.path().display()),
                    moved_to: storage.latest_damaged(),
                    backup: Some(backup),
                },
            )),
            _ => Ok(App::first_launch(guide, today())),
        },
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
            Ok(App::recover(
                guide,
                today(),
                Recovery {
                    problem: e.to_string(),
                    moved_to: Some(moved_to),
                    backup: backup(),
                },
            ))
        }
        Err(e) => Err(format!("{e}\nNothing was changed on disk.")),
    }
}

fn main() -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    let cli = Cli::parse();
    let Some(path) = cli.profile.or_else(storage::default_path) else {
        eprintln!(
            "medtech: cannot find your data folder (is HOME set?). \
             Choose a file with --profile PATH or MEDTECH_PROFILE."
        );
        return Ok(ExitCode::from(2));
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
