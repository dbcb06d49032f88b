//! The `medtech` binary: arguments, paths, error hooks; the rest is the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use medtech::app::App;
use medtech::content::{Date, Guide};
use medtech::storage::{self, Access, Storage};
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
    let mut app = match storage.load() {
        Ok(Some(profile)) => App::new(guide, profile, today()),
        Ok(None) => App::first_launch(guide, today()),
        Err(e) => {
            eprintln!("medtech: {e}");
            eprintln!("medtech: nothing was changed on disk.");
            return Ok(ExitCode::from(1));
        }
    };
    app.read_only = access == Access::ReadOnly;
    app.theme = Theme::from_env();
    medtech::run(&mut app, &storage)?;
    Ok(ExitCode::SUCCESS)
}
