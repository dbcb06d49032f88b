//! `medtech man`: one manual page. The name, synopsis, description and
//! options come from clap (through `clap_mangen`); the commands, the
//! environment, the files, the exit status and the keys are written here,
//! the keys from the keymap's table (the same rows as the README's), so the
//! page cannot drift from what the keys do. No `medtech-status(1)` style
//! references: there is one page, and this is it.

use std::fmt::Write as _;

use clap::Command;

/// The page as roff, ready for `man -l -`.
pub fn render(cmd: Command) -> std::io::Result<String> {
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut title = Vec::new();
    man.render_title(&mut title)?;
    let title = String::from_utf8_lossy(&title).into_owned();
    // Every part clap_mangen renders starts with the same preamble (the
    // apostrophe string); the page needs it once.
    let preamble = title.find(".TH").map_or("", |at| &title[..at]).to_owned();
    let part = |render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut out = Vec::new();
        render(&mut out)?;
        let text = String::from_utf8_lossy(&out).into_owned();
        Ok::<String, std::io::Error>(
            text.strip_prefix(preamble.as_str())
                .map_or_else(|| text.clone(), ToOwned::to_owned),
        )
    };
    let mut page = title.clone();
    page.push_str(&part(&|w| man.render_name_section(w))?);
    page.push_str(&part(&|w| man.render_synopsis_section(w))?);
    page.push_str(&part(&|w| man.render_description_section(w))?);
    page.push_str(&part(&|w| man.render_options_section(w))?);
    commands(&cmd, &mut page);
    page.push_str(&sections());
    keys(&mut page);
    page.push_str(&part(&|w| man.render_version_section(w))?);
    Ok(page)
}

/// Text made safe for a roff text line: backslashes and dashes escaped,
/// anything not ASCII as a groff glyph (`\[u2191]`), arrows as words.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            '\'' => out.push_str("\\(aq"),
            '↑' => out.push_str("Up"),
            '↓' => out.push_str("Down"),
            '←' => out.push_str("Left"),
            '→' => out.push_str("Right"),
            '–' => out.push_str("\\(en"),
            c if c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "\\[u{:04X}]", u32::from(c));
            }
        }
    }
    // A line starting with `.` would be a request.
    if out.starts_with('.') {
        out.insert_str(0, "\\&");
    }
    out
}

fn bold(text: &str) -> String {
    format!("\\fB{}\\fR", esc(text))
}

fn italic(text: &str) -> String {
    format!("\\fI{}\\fR", esc(text))
}

/// A tagged paragraph: `tag` (already roff) and its text.
fn item(page: &mut String, tag: &str, text: &str) {
    let _ = write!(page, ".TP\n{tag}\n{}\n", esc(text));
}

/// One entry per command, with its flags, in this page.
fn commands(cmd: &Command, page: &mut String) {
    page.push_str(".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let args: Vec<&clap::Arg> = sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set())
            .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
            .collect();
        let mut usage = bold(&format!("medtech {}", sub.get_name()));
        for arg in &args {
            let _ = write!(usage, " {}", synopsis(arg));
        }
        let about = sub
            .get_long_about()
            .or_else(|| sub.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        item(page, &usage, &about);
        if args.is_empty() {
            continue;
        }
        page.push_str(".RS\n");
        for arg in args {
            let help = arg
                .get_long_help()
                .or_else(|| arg.get_help())
                .map(ToString::to_string)
                .unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| match v.get_help() {
                    Some(h) => format!("{}: {h}", v.get_name()),
                    None => v.get_name().to_owned(),
                })
                .collect();
            let text = if values.is_empty() || arg.get_id() == "shell" {
                help
            } else {
                format!("{help}. One of: {}", values.join("; "))
            };
            item(page, &flag(arg), &text);
        }
        page.push_str(".RE\n");
    }
}

/// `--format FORMAT`, `-o, --output FILE`, `SHELL`.
fn flag(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
    if arg.is_positional() {
        return italic(&value);
    }
    let mut names = Vec::new();
    if let Some(short) = arg.get_short() {
        names.push(bold(&format!("-{short}")));
    }
    if let Some(long) = arg.get_long() {
        names.push(bold(&format!("--{long}")));
    }
    let mut out = names.join(", ");
    if arg.get_action().takes_values() {
        let _ = write!(out, " {}", italic(&value));
    }
    out
}

/// The flag as the synopsis shows it: `[--json]`, `--format FORMAT`.
fn synopsis(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
    let text = if arg.is_positional() {
        italic(&value)
    } else {
        let name = arg.get_long().map_or_else(
            || format!("-{}", arg.get_short().unwrap_or('?')),
            |l| format!("--{l}"),
        );
        if arg.get_action().takes_values() {
            format!("{} {}", bold(&name), italic(&value))
        } else {
            bold(&name)
        }
    };
    if arg.is_required_set() || arg.is_positional() {
        text
    } else {
        format!("[{text}]")
    }
}

/// ENVIRONMENT, FILES and EXIT STATUS.
fn sections() -> String {
    let mut page = String::new();
    page.push_str(".SH ENVIRONMENT\n");
    let environment = [
        (
            "MEDTECH_PROFILE",
            "The profile file to use instead of the one in the data folder. --profile wins over it.",
        ),
        (
            "MEDTECH_CONFIG",
            "The settings file to use instead of config.ron in the config folder.",
        ),
        (
            "MEDTECH_TODAY",
            "Pins the date medtech believes it is, as YYYY-MM-DD (for demos and tests). A value that is not a date is reported on standard error, and the real date is used.",
        ),
        (
            "NO_COLOR",
            "Any value but empty turns colour off (https://no-color.org). Every status still reads as a symbol and a word.",
        ),
        (
            "TERM",
            "dumb: no colour, no mouse and no OSC 8 links. linux (the Linux console): no OSC 8 links.",
        ),
        (
            "LC_ALL, LC_CTYPE, LANG",
            "The first of them set (and not empty) is the locale. A locale without UTF-8 in its name (C, POSIX, en_US.ISO-8859-1) gets ASCII symbols and borders, as --ascii does. None set: UTF-8 is assumed.",
        ),
        (
            "XDG_DATA_HOME",
            "On Linux, the profile is in $XDG_DATA_HOME/medtech (default ~/.local/share/medtech).",
        ),
        (
            "XDG_CONFIG_HOME",
            "On Linux, config.ron is in $XDG_CONFIG_HOME/medtech (default ~/.config/medtech).",
        ),
    ];
    for (name, text) in environment {
        item(&mut page, &bold(name), text);
    }
    page.push_str(".SH FILES\n");
    page.push_str(&esc(
        "On Linux (macOS and Windows use their own folders; medtech path prints them for this profile):",
    ));
    page.push('\n');
    let files = [
        (
            "~/.local/share/medtech/profile.ron",
            "Your progress, in RON, readable by you only. Saved after every change.",
        ),
        (
            "profile.ron.bak, profile.ron.bak.1, profile.ron.bak.2",
            "The profile as it was when this session and the two before it began.",
        ),
        (
            "profile.ron.draft",
            "A note or the background form as you type it; brought back after a crash.",
        ),
        (
            "profile.lock",
            "Held while a medtech has the profile open; a second one opens read-only.",
        ),
        (
            "profile.ron.corrupt-TIME, profile.ron.reset-TIME, profile.ron.v1.bak",
            "A damaged profile set aside, a profile set aside by medtech reset, and a version 1 profile as it was before conversion. medtech never deletes them.",
        ),
        (
            "~/.config/medtech/config.ron",
            "Your settings: theme, mouse, hyperlinks. Edit it freely: pressing T changes only its theme line, and comments are kept. A file medtech cannot read is reported and left as it is.",
        ),
    ];
    for (name, text) in files {
        item(&mut page, &italic(name), text);
    }
    page.push_str(".SH \"EXIT STATUS\"\n");
    let codes = [
        (
            "0",
            "Done (also: status with no profile yet, reset with nothing to reset).",
        ),
        (
            "1",
            "Refused or failed, said in one line on standard error; nothing was changed on disk. Or the interactive guide was left with changes it could not save.",
        ),
        (
            "2",
            "The command line is wrong: an unknown command or flag, a missing value, --profile naming a folder.",
        ),
    ];
    for (code, text) in codes {
        item(&mut page, &bold(code), text);
    }
    page
}

/// KEYS: the keymap's tables, one subsection a place, from
/// [`crate::keymap::readme_tables`] (the README's tables are the same).
fn keys(page: &mut String) {
    page.push_str(".SH KEYS\n");
    page.push_str(&esc(
        "In the interactive guide. ? shows the keys that work where you are.",
    ));
    page.push('\n');
    for line in crate::keymap::readme_tables().lines() {
        if let Some(name) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**")) {
            let _ = writeln!(page, ".SS \"{}\"", esc(name).replace('"', "\\(dq"));
            continue;
        }
        let Some(row) = line.strip_prefix("| ").and_then(|l| l.strip_suffix(" |")) else {
            continue;
        };
        let Some((keys, what)) = row.split_once(" | ") else {
            continue;
        };
        if keys == "Keys" {
            continue;
        }
        let keys = keys.trim_matches('`');
        let what = what.replace('`', "");
        item(page, &bold(keys), &what);
    }
}
