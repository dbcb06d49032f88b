//! The command line's definition: what `--help`, the manual page and the
//! completion scripts are made from. Plain clap types only, so build.rs
//! compiles this file too and writes the page and the scripts into the
//! binary as text (`medtech man`, `medtech completions`), with no
//! `clap_mangen` or `clap_complete` in it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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
        shell: Shell,
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

/// The shells `medtech completions` writes a script for (`clap_complete`'s
/// names, in its order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Elvish,
    Fish,
    Powershell,
    Zsh,
}

impl Shell {
    pub const ALL: [Shell; 5] = [
        Shell::Bash,
        Shell::Elvish,
        Shell::Fish,
        Shell::Powershell,
        Shell::Zsh,
    ];

    /// The name of its script in the build's output folder.
    pub fn file(self) -> &'static str {
        match self {
            Shell::Bash => "medtech.bash",
            Shell::Elvish => "medtech.elv",
            Shell::Fish => "medtech.fish",
            Shell::Powershell => "medtech.ps1",
            Shell::Zsh => "_medtech",
        }
    }
}
