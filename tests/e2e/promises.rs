//! Issue 21, what medtech promises about your files, with the real binary:
//! it never moves or changes a file it did not write, one writer per file
//! however reached, and `reset --yes` gives a fresh start. Each test
//! reproduces one reported fault; every test has its own folders.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};

use crate::shared::{DataDir, Launch, Pty, TIMEOUT, TODAY, mode, names};
use medtech::content::Date;
use medtech::profile::Profile;

fn sample() -> Profile {
    let today: Date = TODAY.parse().expect("TODAY is a date");
    let mut profile = Profile::default();
    profile.set_done("edu.prereqs.bio", true, today);
    profile
}

/// Waits for an app that must stop before its screen: the exit code and
/// what it wrote.
fn refused(mut app: Pty) -> (u32, String) {
    let status = app.wait_exit(TIMEOUT);
    (status.exit_code(), app.raw_output())
}

/// `medtech --profile ~/.profile`: the shell file was renamed to
/// `.profile.corrupt-<time>` before any key. Now: exit 1, a clear message,
/// the file exactly as it was and nothing added beside it.
#[test]
fn a_shell_file_given_as_the_profile_is_refused_and_left_alone() {
    const SHELL: &[u8] = b"# ~/.profile\nexport PATH=\"$HOME/bin:$PATH\"\n";
    let data = DataDir::new();
    let home_file = data.root().join(".profile");
    fs::write(&home_file, SHELL).expect("the shell file");
    fs::set_permissions(&home_file, fs::Permissions::from_mode(0o644)).expect("chmod");
    let (code, said) = refused(Launch::new(&data).arg("--profile").arg(".profile").spawn());
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("not a medtech profile"), "{said}");
    assert!(said.contains("left where it is"), "{said}");
    assert_eq!(
        names(data.root()),
        [".profile"],
        "something was created beside it"
    );
    assert_eq!(fs::read(&home_file).expect("still there"), SHELL);
    assert_eq!(mode(&home_file), 0o644);
    assert!(
        !names(data.root()).iter().any(|n| n.contains("corrupt")),
        "{:?}",
        names(data.root())
    );
    // `reset` does not move it either.
    let output = data.run(&["--profile", ".profile", "reset", "--yes"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("not a medtech profile"),
        "{output:?}"
    );
    assert_eq!(fs::read(&home_file).expect("still there"), SHELL);
}

/// A regular file where the data folder should be was chmod-ed to 0700
/// and called a folder. Now: exit 1, and the file is as it was.
#[test]
fn a_file_where_the_data_folder_should_be_is_refused_and_not_chmodded() {
    let data = DataDir::new();
    fs::write(data.app_dir(), "not a folder").expect("a file as the folder");
    fs::set_permissions(data.app_dir(), fs::Permissions::from_mode(0o644)).expect("chmod");
    let (code, said) = refused(Pty::launch(&data));
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("is a file, not a folder"), "{said}");
    assert_eq!(mode(&data.app_dir()), 0o644);
    assert_eq!(
        fs::read_to_string(data.app_dir()).expect("kept"),
        "not a folder"
    );
}

/// `data/medtech/profile.ron` a symlink to `~/x/medtech.ron`, one copy
/// started plain and one with `--profile ~/x/medtech.ron`: neither was
/// read-only. Now the second is.
#[test]
fn one_file_reached_by_a_link_and_by_its_path_has_one_writer() {
    let data = DataDir::new();
    let dotfiles = data.root().join("x");
    fs::create_dir(&dotfiles).expect("dotfiles");
    let real = dotfiles.join("medtech.ron");
    fs::write(&real, sample().to_ron().expect("encodes")).expect("the real file");
    fs::create_dir_all(data.app_dir()).expect("the data folder");
    symlink(&real, data.profile_path()).expect("the link");

    let mut first = Pty::launch(&data);
    first.wait_for("medtech · Dashboard");
    let mut second = Launch::new(&data)
        .arg("--profile")
        .arg(real.to_str().expect("UTF-8"))
        .spawn();
    second.wait_for("READ-ONLY");
    second.send("q");
    assert_eq!(second.wait_exit(TIMEOUT).exit_code(), 0);
    first.send("q");
    assert_eq!(first.wait_exit(TIMEOUT).exit_code(), 0);
}

/// A 0400 profile was silently rewritten as 0600. Now it opens read-only
/// and says why; a tick changes nothing on disk.
#[test]
fn a_read_only_profile_opens_read_only_and_is_never_rewritten() {
    let data = DataDir::new();
    let text = sample().to_ron().expect("encodes");
    data.write_profile(text.as_bytes());
    fs::set_permissions(data.profile_path(), fs::Permissions::from_mode(0o400)).expect("chmod");
    let mut app = Pty::launch(&data);
    app.wait_for("READ-ONLY");
    app.wait_for("mode 0400");
    app.send("2");
    app.wait_for("medtech · Education");
    app.send(" ");
    app.send("q");
    app.wait_exit(TIMEOUT);
    assert_eq!(mode(&data.profile_path()), 0o400);
    assert_eq!(fs::read_to_string(data.profile_path()).expect("kept"), text);
}

/// `reset --yes` left the `.corrupt-*` files, so the next launch said
/// "could not be read … profile.ron is missing". Now they are set aside
/// (kept, renamed) and the next launch is a fresh start.
#[test]
fn reset_sets_damaged_copies_aside_so_the_next_launch_is_fresh() {
    let data = DataDir::new();
    data.write_profile(sample().to_ron().expect("encodes").as_bytes());
    let damaged = data.app_dir().join("profile.ron.corrupt-20261101T101010Z");
    fs::write(&damaged, "Profile(version: 2, oops").expect("a damaged copy");
    let output = data.run(&["reset", "--yes"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(!damaged.exists(), "{:?}", data.files());
    let kept: Vec<String> = data
        .files()
        .into_iter()
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", data.files());
    assert_eq!(
        fs::read_to_string(data.app_dir().join(&kept[0])).expect("kept"),
        "Profile(version: 2, oops"
    );

    let mut app = Pty::launch(&data);
    app.wait_for("Welcome to medtech");
    assert!(!app.screen_text().contains("could not be read"));
    app.send("q");
    app.wait_exit(TIMEOUT);
}

/// With no profile left but a damaged copy beside it, `reset --yes` still
/// sets the copy aside instead of saying there is nothing to reset.
#[test]
fn reset_without_a_profile_still_clears_what_was_left() {
    let data = DataDir::new();
    fs::create_dir_all(data.app_dir()).expect("the data folder");
    let damaged = data.app_dir().join("profile.ron.corrupt-20261101T101010Z");
    fs::write(&damaged, "Profile(version: 2, oops").expect("a damaged copy");
    let output = data.run(&["reset", "--yes"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(!damaged.exists(), "{:?}", data.files());
    let mut app = Pty::launch(&data);
    app.wait_for("Welcome to medtech");
    app.send("q");
    app.wait_exit(TIMEOUT);
}
