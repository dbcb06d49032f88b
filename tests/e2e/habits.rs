//! The habits of the terminal (issue 22), outside the TUI's drawing: the
//! manual page, `--help`, `path --json`, `MEDTECH_TODAY`, completions, and
//! what `LANG=C` and `TERM=dumb` get in the real binary.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::shared::{DataDir, Launch, TODAY};
use medtech::keymap;
use serde_json::Value;

/// The binary with a clean environment and its own home.
fn medtech(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_medtech"));
    cmd.args(args)
        .env_clear()
        .env("XDG_DATA_HOME", home)
        .env("HOME", home)
        .env("MEDTECH_TODAY", TODAY)
        .env("RUST_BACKTRACE", "0")
        .current_dir(home)
        .stdin(Stdio::null());
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.output().expect("run medtech")
}

fn ok(home: &Path, args: &[&str]) -> String {
    let output = medtech(home, args, &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Roff text as a reader sees it: the escapes medtech's page uses undone.
fn unroff(text: &str) -> String {
    text.replace("\\-", "-")
        .replace("\\(aq", "'")
        .replace("\\*(Aq", "'")
        .replace("\\(en", "–")
        .replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "")
        .replace("\\&", "")
        .replace("\\e", "\\")
}

#[test]
fn the_man_page_has_every_section_and_no_dead_reference() {
    let home = tempfile::tempdir().expect("home");
    let page = ok(home.path(), &["man"]);
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH \"EXIT STATUS\"",
        ".SH KEYS",
    ] {
        assert_eq!(page.matches(section).count(), 1, "{section} once:\n{page}");
    }
    // One page: nothing points at per-command pages that do not exist.
    assert!(!page.contains("medtech\\-status("), "{page}");
    let reader = unroff(&page);
    assert!(!reader.contains("(1)"), "a cross reference:\n{reader}");
    // The preamble clap_mangen writes is there once, not once a part.
    assert_eq!(page.matches(".ds Aq").count(), 2, "{page}");
    // Every line is ASCII (non-ASCII as groff glyphs), so `man -l -`
    // renders it in any locale.
    assert!(page.is_ascii(), "{page}");
    let section = |name: &str| {
        let start = reader.find(&format!(".SH {name}")).expect(name);
        let rest = &reader[start + 4..];
        rest[..rest.find(".SH ").unwrap_or(rest.len())].to_owned()
    };
    let environment = section("ENVIRONMENT");
    for variable in [
        "MEDTECH_PROFILE",
        "MEDTECH_TODAY",
        "MEDTECH_CONFIG",
        "NO_COLOR",
        "XDG_DATA_HOME",
        "XDG_CONFIG_HOME",
        "TERM",
        "LANG",
    ] {
        assert!(environment.contains(variable), "{variable}:\n{environment}");
    }
    let files = section("FILES");
    for file in [
        "profile.ron",
        "profile.ron.bak",
        "profile.ron.draft",
        "profile.lock",
        "config.ron",
    ] {
        assert!(files.contains(file), "{file}:\n{files}");
    }
    let exit = section("\"EXIT STATUS\"");
    for code in ["\n0\n", "\n1\n", "\n2\n"] {
        assert!(exit.contains(code), "{code:?}:\n{exit}");
    }
    let commands = section("COMMANDS");
    for command in [
        "status",
        "next",
        "export",
        "path",
        "reset",
        "completions",
        "man",
    ] {
        assert!(
            commands.contains(&format!("medtech {command}")),
            "{command}:\n{commands}"
        );
    }
}

#[test]
fn the_man_pages_keys_are_the_keymaps() {
    let home = tempfile::tempdir().expect("home");
    let page = unroff(&ok(home.path(), &["man"]));
    let keys = &page[page.find(".SH KEYS").expect("KEYS")..];
    for contexts in keymap::CONTEXT_SETS {
        for (_, description) in keymap::help_lines(contexts) {
            assert!(
                keys.contains(&description.replace('`', "")),
                "{description:?} is not in KEYS:\n{keys}"
            );
        }
    }
    // Arrows are words, so the page reads in a terminal without UTF-8.
    assert!(keys.contains("Up/k"), "{keys}");
}

#[test]
fn help_names_the_config_file_and_every_variable() {
    let home = tempfile::tempdir().expect("home");
    for flag in ["-h", "--help"] {
        let help = ok(home.path(), &[flag]);
        for word in [
            "config.ron",
            "NO_COLOR",
            "MEDTECH_PROFILE",
            "MEDTECH_TODAY",
            "MEDTECH_CONFIG",
            "--ascii",
            "medtech path",
        ] {
            assert!(help.contains(word), "{flag} lacks {word}:\n{help}");
        }
    }
}

#[test]
fn path_lists_the_config_file_and_speaks_json() {
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("xdg-config/medtech/config.ron");
    std::fs::create_dir_all(config.parent().expect("folder")).expect("folder");
    std::fs::write(&config, "(theme: HighContrast)\n").expect("config");
    let xdg = home.path().join("xdg-config");
    let env = [("XDG_CONFIG_HOME", xdg.to_str().expect("UTF-8"))];
    let output = medtech(home.path(), &["path"], &env);
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let line = format!("{:<8} {:<8} {}", "config", "exists", config.display());
    assert!(text.lines().any(|l| l == line), "{line:?} in\n{text}");

    let output = medtech(home.path(), &["path", "--json"], &env);
    assert_eq!(output.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["version"], 1);
    let files = json["files"].as_array().expect("files");
    let kinds: Vec<&str> = files.iter().filter_map(|f| f["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        [
            "profile", "backup", "backup", "backup", "draft", "lock", "config"
        ]
    );
    let config_row = &files[6];
    assert_eq!(config_row["path"], config.display().to_string());
    assert_eq!(config_row["exists"], true);
    assert_eq!(files[0]["exists"], false);
    assert!(json["link_target"].is_null());
    // It only looks: nothing was created.
    assert!(!home.path().join("medtech").exists());
}

#[test]
fn an_unreadable_medtech_today_is_a_warning_and_today_is_used() {
    let home = tempfile::tempdir().expect("home");
    let output = medtech(
        home.path(),
        &["status", "--json"],
        &[("MEDTECH_TODAY", "garbage")],
    );
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.starts_with("medtech: MEDTECH_TODAY=garbage is not a date (YYYY-MM-DD)"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let today = medtech::clock::Clock::System.today().to_string();
    assert_eq!(json["today"], today.as_str());
    assert!(stderr.contains(&today), "{stderr}");
    // A date that reads, or none at all, says nothing.
    for value in [TODAY, ""] {
        let output = medtech(home.path(), &["path"], &[("MEDTECH_TODAY", value)]);
        assert!(output.stderr.is_empty(), "{value:?}: {output:?}");
    }
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    let home = tempfile::tempdir().expect("home");
    for (shell, marker) in [
        ("bash", "complete -F _medtech"),
        ("zsh", "#compdef medtech"),
        ("fish", "complete -c medtech"),
    ] {
        let script = ok(home.path(), &["completions", shell]);
        assert!(script.contains(marker), "{shell}:\n{script}");
        assert!(script.contains("ascii"), "{shell} knows --ascii");
    }
}

/// Waits for the dashboard of a default profile under `env`, and gives the
/// screen and every byte written.
fn dashboard_under(env: &[(&str, &str)], args: &[&str]) -> (String, String) {
    let data = DataDir::new();
    data.write_profile(
        medtech::profile::Profile::default()
            .to_ron()
            .expect("encode")
            .as_bytes(),
    );
    let mut launch = Launch::new(&data).size(80, 24);
    launch.env = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    for arg in args {
        launch = launch.arg(arg);
    }
    let mut pty = launch.spawn();
    let screen = pty.wait_for("Overall");
    let raw = pty.raw_output();
    pty.send("q");
    pty.wait_exit(crate::shared::TIMEOUT);
    (screen, raw)
}

#[test]
fn lang_c_and_ascii_draw_in_ascii() {
    for (env, args) in [
        (&[("LANG", "C")][..], &[][..]),
        (&[("LC_ALL", "POSIX"), ("LANG", "en_US.UTF-8")], &[]),
        (&[("LANG", "en_US.UTF-8")], &["--ascii"]),
    ] {
        let (screen, _) = dashboard_under(env, args);
        assert!(screen.is_ascii(), "{env:?} {args:?}:\n{screen}");
        assert!(screen.contains("+-"), "ASCII borders:\n{screen}");
    }
    // A UTF-8 locale keeps the box drawing.
    let (screen, _) = dashboard_under(&[("LANG", "en_US.UTF-8")], &[]);
    assert!(screen.contains('┌') && screen.contains('─'), "{screen}");
}

#[test]
fn term_dumb_gets_no_colour_and_no_mouse() {
    /// An SGR sequence that sets a colour: `ESC[3xm`, `ESC[38;…`, `ESC[9xm`.
    fn has_colour(raw: &str) -> bool {
        raw.split("\x1b[").skip(1).any(|rest| {
            let params = rest
                .split(|c: char| c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            rest[params.len()..].starts_with('m')
                && params.split(';').any(|p| {
                    matches!(p.len(), 2)
                        && (p.starts_with('3') || p.starts_with('4') || p.starts_with('9'))
                        && p != "39"
                        && p != "49"
                })
        })
    }
    let (screen, raw) = dashboard_under(&[("TERM", "xterm-256color")], &[]);
    assert!(has_colour(&raw), "xterm gets colour:\n{screen}");
    assert!(raw.contains("\x1b[?1000h"), "and the mouse");
    let (screen, raw) = dashboard_under(&[("TERM", "dumb")], &[]);
    assert!(screen.contains("Overall"), "{screen}");
    assert!(!has_colour(&raw), "TERM=dumb gets no colour: {raw:?}");
    assert!(!raw.contains("\x1b[?1000h"), "nor mouse capture: {raw:?}");
}

#[test]
fn the_readme_says_how_to_install_where_completions_go_and_every_variable() {
    const README: &str = include_str!("../../README.md");
    assert!(
        README.lines().any(|l| l
            .trim_start()
            .starts_with("cargo install --locked --path .")),
        "the install command"
    );
    for place in [
        "medtech completions bash > ~/.local/share/bash-completion/completions/medtech",
        "medtech completions zsh > ~/.zfunc/_medtech",
        "medtech completions fish > ~/.config/fish/completions/medtech.fish",
        "medtech man | man -l -",
    ] {
        assert!(README.contains(place), "{place}");
    }
    for variable in [
        "MEDTECH_PROFILE",
        "MEDTECH_CONFIG",
        "MEDTECH_TODAY",
        "NO_COLOR",
        "TERM",
        "LC_ALL",
        "XDG_DATA_HOME",
        "XDG_CONFIG_HOME",
    ] {
        assert!(
            README.contains(&format!("| `{variable}`")),
            "{variable} in the table of variables"
        );
    }
}

#[test]
fn status_and_next_speak_ascii_in_a_locale_without_utf8() {
    let home = tempfile::tempdir().expect("home");
    for command in ["status", "next"] {
        let utf8 = medtech(home.path(), &[command], &[("LANG", "en_US.UTF-8")]);
        let utf8 = String::from_utf8(utf8.stdout).expect("UTF-8");
        let c = medtech(home.path(), &[command], &[("LANG", "C")]);
        let c = String::from_utf8(c.stdout).expect("UTF-8");
        assert!(c.is_ascii(), "{command} under LANG=C:\n{c}");
        // The same text, one character for one.
        assert_eq!(c.chars().count(), utf8.chars().count(), "{command}");
        if command == "status" {
            assert!(
                !utf8.is_ascii(),
                "a UTF-8 locale keeps the symbols:\n{utf8}"
            );
        }
    }
}
