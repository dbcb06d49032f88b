//! `medtech man`: one manual page. The name, synopsis, description and
//! options come from clap (through `clap_mangen`); the commands, the
//! environment, the files, the exit status and the keys are written here,
//! the keys from the keymap's table (the same rows as the README's), so the
//! page cannot drift from what the keys do. No `medtech-status(1)` style
//! references: there is one page, and this is it.

use std::fmt::Write as _;

use super::Shell;
use super::roff::{bold, esc, item};

/// The page as roff, ready for `man -l -`: what build.rs made of the
/// command line's definition, and the keys.
pub fn render() -> String {
    let mut page = include_str!(concat!(env!("OUT_DIR"), "/man-head.roff")).to_owned();
    keys(&mut page);
    page.push_str(include_str!(concat!(env!("OUT_DIR"), "/man-tail.roff")));
    page
}

/// The completion script for `shell`, made by build.rs with `clap_complete`.
pub fn completions(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => include_str!(concat!(env!("OUT_DIR"), "/medtech.bash")),
        Shell::Elvish => include_str!(concat!(env!("OUT_DIR"), "/medtech.elv")),
        Shell::Fish => include_str!(concat!(env!("OUT_DIR"), "/medtech.fish")),
        Shell::Powershell => include_str!(concat!(env!("OUT_DIR"), "/medtech.ps1")),
        Shell::Zsh => include_str!(concat!(env!("OUT_DIR"), "/_medtech")),
    }
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
