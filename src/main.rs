//! The `medtech` binary: arguments and error hooks; the rest is the library.

use std::process::ExitCode;

use clap::Parser;
use medtech::Tui;
use medtech::app::App;
use medtech::cli::{self, Cli, say};
use medtech::clock::Clock;
use medtech::config::{self, Settings};
use medtech::content::Guide;
use medtech::session::{self, Start};
use medtech::theme::Theme;

fn main() -> ExitCode {
    // A file size limit (`ulimit -f`) makes a save fail with an error the
    // app shows (NOT SAVED), instead of SIGXFSZ killing it mid-write.
    #[cfg(unix)]
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    // With no arguments (the usual start) there is nothing for clap to
    // read, and building its parser is a tenth of the start.
    let cli = if std::env::args_os().len() > 1 {
        Cli::parse()
    } else {
        Cli::default()
    };
    // Said once, before anything else, whichever command runs.
    if let Some(problem) = Clock::env_problem() {
        say(&problem);
    }
    if let Some(command) = cli.command {
        // The commands print their own one-line errors; no report hook.
        return cli::run(command, cli.profile);
    }
    // Before any file is touched: no lock, nothing created.
    if !cli::has_terminal() {
        eprintln!("{}", cli::NEEDS_TERMINAL);
        return ExitCode::from(1);
    }
    match interactive(&cli) {
        Ok(code) => code,
        Err(error) => {
            // What should never happen, with its causes; the terminal is
            // restored. A panic prints its own message (and a backtrace with
            // RUST_BACKTRACE=1) through std's hook, after the screen's.
            eprintln!("Error: {error}");
            let mut cause = error.source();
            while let Some(e) = cause {
                eprintln!("  caused by: {e}");
                cause = e.source();
            }
            ExitCode::from(1)
        }
    }
}

fn interactive(cli: &Cli) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let path = match session::resolve_path(cli.profile.clone()) {
        Ok(path) => path,
        Err(e) => {
            say(&e.to_string());
            return Ok(ExitCode::from(2));
        }
    };
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
    let settings = Settings::read();
    // No colour with NO_COLOR or TERM=dumb; ASCII in a locale that is not
    // UTF-8, or with --ascii.
    let mut theme = Theme::from_env();
    theme.ascii |= cli.ascii;
    // A dumb terminal would print the mouse's escape codes as text.
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    let mouse = !cli.no_mouse && !dumb && settings.mouse();
    let mut tui = Tui::open(mouse)?;
    // A failure here is a bug (the compact guide is checked by the tests);
    // the screen is given back before the report.
    let guide = Guide::embedded()?;
    // Laid out once, at the terminal's size (the loop resizes if it is off).
    let size = tui.size().unwrap_or((80, 24));
    let mut app = App::start(guide, session.start, Clock::from_env(), size);
    app.read_only = session.read_only;
    app.read_only_reason.clone_from(&session.read_only_reason);
    app.theme = theme;
    app.mouse = mouse;
    if let Some(problem) = config::configure(&mut app, settings) {
        app.notice = Some(problem);
    }
    if let Some(draft) = draft {
        app.resume_draft(draft);
    }
    if let Some(copies) = session::conflict_notice(&session.storage) {
        app.notice.get_or_insert(copies);
    }
    tui.run(&mut app, &session.storage)?;
    drop(tui);
    let code = match &app.unsaved {
        None => ExitCode::SUCCESS,
        // Left without the last changes (a second `q` after a failed
        // save, or a signal while saving fails).
        Some(why) => {
            say(&format!("your last changes were not saved: {why}"));
            ExitCode::from(1)
        }
    };
    // The terminal is restored: the process ends now, and freeing the
    // guide piece by piece would only delay the prompt.
    std::mem::forget(app);
    Ok(code)
}
