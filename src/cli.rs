//! The non-interactive subcommands: `status`, `next`, `compare`, `export`,
//! `path`, `reset`, `merge`, `completions` and `man`. The TUI is what runs
//! with none.
//!
//! The commands that only look (`status`, `next`, `export`, `path`) read the
//! profile through [`session::open_read_only`]: no lock, nothing moved,
//! nothing created. Every value they print comes from the same advisor
//! functions the dashboard uses.
//!
//! Exit codes: 0 success, 1 error (one line on stderr), 2 usage (clap).

mod files;
mod html;
mod ics;
mod man;
mod markdown;
mod merge;
mod report;
mod text;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::advisor::compare;
use crate::clock::Clock;
use crate::content::Guide;
use crate::profile::Profile;
use crate::session::{self, SessionError};
use crate::text::sanitize;

pub use report::{FORMAT_VERSION, Plan, Report};

/// An interactive guide from "I want to become a medical laboratory
/// technician" to certified and licensed.
///
/// With no command, medtech opens the interactive guide in the terminal.
#[derive(Debug, Default, Parser)]
#[command(name = "medtech", version, about, long_about, after_help = AFTER_HELP)]
pub struct Cli {
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        help = "Use this profile file instead of the one in your data folder (or set MEDTECH_PROFILE)"
    )]
    pub profile: Option<PathBuf>,

    /// Leave the mouse to the terminal (to select text with it); the TUI
    /// then takes no clicks or wheel
    #[arg(long)]
    pub no_mouse: bool,

    /// Draw with ASCII symbols and borders only (the default where the
    /// locale is not UTF-8, such as LANG=C)
    #[arg(long)]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Progress, the next step, the finish date, every route and the license
    Status {
        /// Print one JSON object (format version 1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// The next step, why it is next, and what finishing it would open
    Next {
        /// Print one JSON object (format version 1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Two states side by side: licenses, accepted credentials, the
    /// education rule, fees, renewal, and what you would still need in each
    Compare {
        /// The first state's code (CA)
        first: String,
        /// The second state's code (NY)
        second: String,
        /// Print one JSON object (format version 1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// The whole plan as Markdown, JSON, a printable HTML page or a calendar
    Export {
        /// What to write
        #[arg(long, value_enum)]
        format: Format,
        /// Write to this file instead of standard output (`-` is standard
        /// output; never over an existing file unless --force)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists and is a regular file
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Where the profile, its backups, the draft, the lock and the config
    /// file are, and whether each exists
    Path {
        /// Print one JSON object (format version 1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Set the profile aside (kept, renamed) so the next launch starts fresh
    Reset {
        /// Do not ask first
        #[arg(long)]
        yes: bool,
    },
    /// Merge another copy of a profile into yours (a sync tool's conflict copy, the other computer's file)
    Merge {
        /// The profile to merge in; it is never changed
        file: PathBuf,
        /// Show what would change, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `medtech man | man -l -`
    Man,
}

/// What `--help` says after the options: the files and the environment.
pub const AFTER_HELP: &str = "\
Files:
  The profile (your progress) is in your data folder, the settings in
  config.ron in your config folder (on Linux ~/.local/share/medtech/ and
  ~/.config/medtech/); `medtech path` prints where each is.

Environment:
  MEDTECH_PROFILE  the profile file to use (--profile wins)
  MEDTECH_CONFIG   the settings file to use instead of config.ron
  MEDTECH_TODAY    pin the date, as YYYY-MM-DD (demos, tests)
  NO_COLOR         any value but empty turns colour off
  TERM=dumb        no colour, no mouse, no links
  LANG, LC_ALL     a locale without UTF-8 (LANG=C) draws in ASCII

`medtech man | man -l -` reads the manual: keys, files, exit status.";

/// The formats of `medtech export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A Markdown checklist, to print or paste
    Markdown,
    /// Everything, for scripts (format version 1)
    Json,
    /// One self-contained page with progress bars, printable
    Html,
    /// An iCalendar file of the dates that matter (refused while there are none)
    Ics,
}

/// Why a command failed: what to print, and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    /// An error (exit 1). The message is sanitized when printed.
    pub fn new(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 1,
        }
    }

    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
        }
    }
}

impl From<SessionError> for Failure {
    fn from(e: SessionError) -> Failure {
        match e {
            // The flag or variable named something that cannot be a profile.
            SessionError::IsFolder { .. } | SessionError::NotAFile(_) => {
                Failure::usage(e.to_string())
            }
            other => Failure::new(other.to_string()),
        }
    }
}

/// Prints a message on stderr as one clean line per paragraph: control
/// characters made harmless, each line prefixed `medtech:`.
pub fn say(message: &str) {
    let mut err = io::stderr().lock();
    for line in message.lines().filter(|l| !l.trim().is_empty()) {
        let _ = writeln!(err, "medtech: {}", sanitize(line));
    }
}

/// Runs a subcommand and turns its outcome into an exit code.
pub fn run(command: Command, profile: Option<PathBuf>) -> ExitCode {
    match dispatch(command, profile) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // One line: a multi-line library message is joined, each part
            // ending as a sentence so the parts do not run together.
            let joined: Vec<String> = failure
                .message
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| {
                    if l.ends_with(['.', '!', '?', ':']) {
                        l.to_owned()
                    } else {
                        format!("{l}.")
                    }
                })
                .collect();
            say(&joined.join(" "));
            ExitCode::from(failure.code)
        }
    }
}

fn dispatch(command: Command, profile: Option<PathBuf>) -> Result<(), Failure> {
    match command {
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "medtech", &mut out);
            print_bytes(&out)
        }
        Command::Man => {
            let page = man::render(Cli::command())
                .map_err(|e| Failure::new(format!("cannot write the manual page: {e}")))?;
            print(&page)
        }
        Command::Path { json } => {
            let path = session::resolve_path(profile)?;
            if json {
                print(&to_json(&files::paths_json(&path))?)
            } else {
                print(&files::paths(&path))
            }
        }
        Command::Reset { yes } => {
            let path = session::resolve_path(profile)?;
            files::reset(&path, yes)
        }
        Command::Merge { file, dry_run } => {
            let path = session::resolve_path(profile)?;
            merge::run(&path, &file, dry_run)
        }
        Command::Status { json } => {
            let loaded = Loaded::open(profile)?;
            let report = Report::build(&loaded.guide, &loaded.profile, &loaded.context());
            if json {
                print(&to_json(&report)?)
            } else {
                print(&for_locale(text::status(&report)))
            }
        }
        Command::Next { json } => {
            let loaded = Loaded::open(profile)?;
            let next = report::NextReport::build(&loaded.guide, &loaded.profile, &loaded.context());
            if json {
                print(&to_json(&next)?)
            } else {
                print(&for_locale(text::next(&next)))
            }
        }
        Command::Compare {
            first,
            second,
            json,
        } => compare(profile, &[first, second], json),
        Command::Export {
            format,
            output,
            force,
        } => {
            // A file size limit (`ulimit -f`) makes a write fail with an
            // error instead of killing medtech with its temp file left.
            #[cfg(unix)]
            let _ = signal_hook::flag::register(
                signal_hook::consts::SIGXFSZ,
                std::sync::Arc::default(),
            );
            let loaded = Loaded::open(profile)?;
            let context = loaded.context();
            let plan = Plan::build(&loaded.guide, &loaded.profile, &context);
            let body = match format {
                Format::Markdown => markdown::render(&plan),
                Format::Json => to_json(&plan)?,
                Format::Html => html::render(&plan),
                Format::Ics => {
                    let calendar =
                        ics::Calendar::build(&loaded.guide, &loaded.profile, context.today);
                    // RFC 5545 asks for at least one event: an empty
                    // calendar is refused, and nothing is written.
                    if calendar.events.is_empty() {
                        return Err(Failure::new(
                            "no dates to put in a calendar yet: no route window is open and no credential is held. Nothing was written.",
                        ));
                    }
                    calendar.render(jiff::Timestamp::now())
                }
            };
            match output {
                // `-o -` is standard output, as in most tools.
                None => print(&body),
                Some(file) if file == Path::new("-") => print(&body),
                Some(file) => {
                    files::write_new(&file, body.as_bytes(), force)?;
                    say(&format!(
                        "wrote the {} plan to {}",
                        format_name(format),
                        session::shown(&file)
                    ));
                    Ok(())
                }
            }
        }
    }
}

/// `medtech compare A B`.
fn compare(profile: Option<PathBuf>, codes: &[String; 2], json: bool) -> Result<(), Failure> {
    let loaded = Loaded::open(profile)?;
    let today = loaded.context().today;
    let comparison = compare::Comparison::build(&loaded.guide, &loaded.profile, codes, today)
        .map_err(|e| {
            Failure::usage(format!(
                "\"{}\" is not a state code medtech knows: use two-letter codes such as CA or NY",
                e.0
            ))
        })?;
    if json {
        print(&to_json(&comparison)?)
    } else {
        print(&for_locale(compare::text(&comparison)))
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown",
        Format::Json => "JSON",
        Format::Html => "HTML",
        Format::Ics => "iCalendar",
    }
}

/// The guide and the profile, read without side effects. With no profile
/// yet, a new default one stands in and the report says so.
struct Loaded {
    guide: Guide,
    path: PathBuf,
    profile: Profile,
    exists: bool,
}

impl Loaded {
    fn open(flag: Option<PathBuf>) -> Result<Loaded, Failure> {
        let path = session::resolve_path(flag)?;
        let guide = Guide::embedded()
            .map_err(|e| Failure::new(format!("the built-in guide does not load: {e}")))?;
        let found = session::open_read_only(&path)?;
        let exists = found.is_some();
        Ok(Loaded {
            guide,
            path,
            profile: found.unwrap_or_default(),
            exists,
        })
    }

    fn context(&self) -> report::Context {
        report::Context {
            today: Clock::from_env().today(),
            path: session::shown(&self.path),
            exists: self.exists,
            backup: (!self.exists)
                .then(|| files::existing_backup(&self.path))
                .flatten(),
        }
    }
}

/// Text for the terminal in the locale's terms: in a locale that is not
/// UTF-8 (`LANG=C`), every symbol becomes its ASCII stand-in, as on the
/// screen. JSON and exports stay UTF-8 (files, not the terminal).
fn for_locale(text: String) -> String {
    if crate::theme::locale_is_utf8(|name| {
        std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
    }) {
        text
    } else {
        text.chars().map(crate::theme::ascii_for).collect()
    }
}

fn to_json(value: &impl serde::Serialize) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| Failure::new(format!("cannot encode JSON: {e}")))
}

fn print(text: &str) -> Result<(), Failure> {
    print_bytes(text.as_bytes())
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
fn print_bytes(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::new(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// Whether the interactive app can run here: it needs a terminal on both
/// ends. Checked before any file is touched.
pub fn has_terminal() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// What to say when the TUI is started without a terminal.
pub const NEEDS_TERMINAL: &str = "medtech needs a terminal; try `medtech status`";

/// Whether `path` names something, a dangling symlink included.
fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}
