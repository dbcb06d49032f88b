//! The `medtech` binary: arguments and error hooks; the rest is the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use medtech::app::App;
use medtech::clock::Clock;
use medtech::content::Guide;
use medtech::session::{self, Start};
use medtech::text::sanitize;
use medtech::theme::Theme;

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

/// Prints a message that may hold paths or file content, made harmless.
fn say(message: &str) {
    for line in message.lines() {
        eprintln!("medtech: {}", sanitize(line));
    }
}

fn main() -> color_eyre::Result<ExitCode> {
    color_eyre::install()?;
    let cli = Cli::parse();
    let path = match session::resolve_path(cli.profile) {
        Ok(path) => path,
        Err(e) => {
            say(&e.to_string());
            return Ok(ExitCode::from(2));
        }
    };
    let guide = Guide::embedded()?;
    let session = match session::open(path) {
        Ok(session) => session,
        Err(e) => {
            say(&e.to_string());
            return Ok(ExitCode::from(1));
        }
    };
    for note in &session.notes {
        say(note);
    }
    let draft = match &session.start {
        Start::Resume(_) if !session.read_only => session.storage.load_draft(),
        _ => None,
    };
    let mut app = App::start(guide, session.start, Clock::from_env());
    app.read_only = session.read_only;
    app.read_only_reason.clone_from(&session.read_only_reason);
    app.theme = Theme::from_env();
    if let Some(draft) = draft {
        app.resume_draft(draft);
    }
    medtech::run(&mut app, &session.storage)?;
    Ok(ExitCode::SUCCESS)
}
