//! Issue 10: files that are not what they seem. Each test reproduces one
//! report with the real binary in a pseudo-terminal (or the storage layer
//! where the binary adds nothing) and checks what is on disk afterwards.
//!
//! Every test gets its own data folder, so nothing here touches the real
//! profile. Unix only: symlinks, FIFOs and file modes.
#![cfg(unix)]

#[allow(dead_code)]
use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use crate::shared::{DataDir, Launch, Pty, TIMEOUT, mode, names};
use medtech::content::Date;
use medtech::profile::Profile;
use medtech::storage::Storage;

/// What `/etc/passwd` starts with: a file that is not a profile.
const PASSWD: &[u8] =
    b"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n";

fn today() -> Date {
    crate::shared::TODAY.parse().expect("TODAY is a date")
}

fn sample() -> Profile {
    let mut profile = Profile::default();
    profile.set_done("edu.prereqs.bio", true, today());
    profile
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo(1)");
    assert!(status.success(), "mkfifo {} failed", path.display());
}

/// Launches medtech on the profile at `path` (through `MEDTECH_PROFILE`).
fn launch_on(data: &DataDir, path: &Path) -> Pty {
    let mut launch = Launch::new(data);
    launch.env.push((
        "MEDTECH_PROFILE".to_owned(),
        path.to_str().expect("a UTF-8 path").to_owned(),
    ));
    launch.spawn()
}

/// Waits for an app that must stop before its screen; returns the exit code
/// and everything it wrote (stderr, as the TUI never started).
fn refused(mut app: Pty) -> (u32, String) {
    let status = app.wait_exit(TIMEOUT);
    assert!(status.signal().is_none(), "killed by a signal: {status:?}");
    (status.exit_code(), app.raw_output())
}

/// 1. `profile.ron -> /etc/passwd`: the target is reported, left exactly
///    where it is, nothing is created beside it and none of it is printed.
#[test]
fn a_damaged_profile_linked_outside_the_data_folder_is_left_where_it_is() {
    let data = DataDir::new();
    let outside = tempfile::tempdir().expect("a folder outside the data folder");
    let target = outside.path().join("passwd");
    fs::write(&target, PASSWD).expect("the outside file");
    fs::create_dir_all(data.app_dir()).expect("the data folder");
    std::os::unix::fs::symlink(&target, data.profile_path()).expect("the link");

    let (code, said) = refused(Pty::launch(&data));
    assert_eq!(code, 1, "{said}");
    assert_eq!(fs::read(&target).expect("still there"), PASSWD);
    assert_eq!(
        names(outside.path()),
        ["passwd"],
        "files were added beside it"
    );
    assert_eq!(
        fs::read_link(data.profile_path()).expect("the link is kept"),
        target
    );
    assert!(!said.contains("root"), "content was printed: {said}");
    assert!(said.contains("not a medtech profile"), "{said}");
    assert!(said.contains("left where it is"), "{said}");
    // The lock, if any, is medtech's own file in the data folder.
    let ours: Vec<String> = data
        .files()
        .into_iter()
        .filter(|n| n != "profile.ron" && n != "profile.lock")
        .collect();
    assert!(ours.is_empty(), "{ours:?}");
}

/// 1b. A linked profile that reads is updated in place through the link:
///     the link stays, the backup and lock live in the data folder.
#[test]
fn a_good_profile_linked_from_a_dotfiles_folder_is_updated_through_the_link() {
    let data = DataDir::new();
    let dotfiles = tempfile::tempdir().expect("a dotfiles folder");
    let target = dotfiles.path().join("medtech.ron");
    fs::write(&target, sample().to_ron().expect("encodes")).expect("the real file");
    fs::create_dir_all(data.app_dir()).expect("the data folder");
    std::os::unix::fs::symlink(&target, data.profile_path()).expect("the link");

    let mut app = Pty::launch(&data);
    app.wait_for("medtech · Dashboard");
    app.send("2");
    app.wait_for("medtech · Education");
    app.send(" ");
    app.wait_until("a saved change", |_| {
        fs::read(&target).is_ok_and(|now| now != sample().to_ron().expect("encodes").as_bytes())
    });
    app.send("q");
    let status = app.wait_exit(TIMEOUT);
    assert_eq!(status.exit_code(), 0);
    assert!(
        fs::symlink_metadata(data.profile_path())
            .expect("the link")
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(names(dotfiles.path()), ["medtech.ron"]);
    assert_eq!(
        data.files(),
        ["profile.lock", "profile.ron", "profile.ron.bak"]
    );
    assert_eq!(
        medtech::storage::load_file(&data.app_dir().join("profile.ron.bak")).expect("backup reads"),
        Some(sample())
    );
}

/// Puts something at a path: a file, a FIFO, a folder, a link.
type MakeFile = fn(&Path);

/// A folder name holding escape sequences: a window title and a colour.
const HOSTILE: &str = "evil\u{1b}]0;pwned\u{7}\u{1b}[31mred\u{9b}2J";

/// 2. Paths with escape sequences never reach the terminal raw, whatever
///    the message that carries them.
#[test]
fn escape_sequences_in_the_profile_path_never_reach_stderr() {
    let data = DataDir::new();
    let folder = data.root().join(HOSTILE);
    fs::create_dir_all(&folder).expect("the hostile folder");

    let cases: [(&str, &str, MakeFile); 5] = [
        ("too new", "new.ron", |p| {
            fs::write(p, "Profile(version: 99)").expect("write");
        }),
        ("a FIFO", "fifo.ron", mkfifo),
        ("too big", "big.ron", |p| {
            fs::write(p, vec![b' '; 17 * 1024 * 1024]).expect("write");
        }),
        ("a folder", "dir.ron", |p| fs::create_dir(p).expect("mkdir")),
        ("damaged, linked outside", "link.ron", |p| {
            let outside = p
                .parent()
                .and_then(Path::parent)
                .expect("the data root")
                .join(format!("outside-{HOSTILE}"));
            fs::create_dir_all(&outside).expect("outside");
            let target = outside.join(format!("{HOSTILE}.ron"));
            fs::write(&target, "Profile(version: 2, goal: \u{1b}[2J)").expect("write");
            std::os::unix::fs::symlink(&target, p).expect("link");
        }),
    ];
    for (what, name, make) in cases {
        let path = folder.join(name);
        make(&path);
        let (code, said) = refused(launch_on(&data, &path));
        assert_ne!(code, 0, "{what}: {said}");
        assert!(said.contains("medtech:"), "{what}: said nothing: {said:?}");
        assert!(
            !said.contains('\u{1b}'),
            "{what}: raw ESC on stderr: {said:?}"
        );
        assert!(
            !said.contains('\u{9b}'),
            "{what}: raw CSI on stderr: {said:?}"
        );
        assert!(
            !said.contains('\u{7}'),
            "{what}: raw BEL on stderr: {said:?}"
        );
    }
}

/// 3. A FIFO as the profile is named for what it is, at once.
#[test]
fn a_fifo_as_the_profile_is_refused_without_hanging() {
    let data = DataDir::new();
    fs::create_dir_all(data.app_dir()).expect("the data folder");
    mkfifo(&data.profile_path());
    let (code, said) = refused(Pty::launch(&data));
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("named pipe"), "{said}");
    assert!(said.contains("left where it is"), "{said}");
    assert!(
        fs::symlink_metadata(data.profile_path())
            .expect("still there")
            .file_type()
            .is_fifo(),
        "the FIFO was moved"
    );
}

/// 3b. A FIFO where the lock file should be: read-only, with the reason.
#[test]
fn a_fifo_as_the_lock_opens_read_only_without_hanging() {
    let data = DataDir::new();
    data.write_profile(sample().to_ron().expect("encodes").as_bytes());
    mkfifo(&data.app_dir().join("profile.lock"));
    let mut app = Pty::launch(&data);
    app.wait_for("READ-ONLY");
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
    assert!(app.raw_output().contains("named pipe"));
}

/// 4. A profile over 16 MB is refused and left in place, quickly.
#[test]
fn a_profile_over_16_mb_is_refused_and_left_in_place() {
    let data = DataDir::new();
    let mut big = b"Profile(version: 2, goal: Mlt, state: None, steps: {".to_vec();
    big.resize(17 * 1024 * 1024, b' ');
    big.extend_from_slice(b"})");
    data.write_profile(&big);
    let (code, said) = refused(Pty::launch(&data));
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("larger than 16 MB"), "{said}");
    assert_eq!(fs::read(data.profile_path()).expect("still there"), big);
    assert_eq!(data.files(), ["profile.lock", "profile.ron"]);
}

/// 4b. A link to `/dev/zero` (endless) is refused, not read into memory.
#[test]
fn a_profile_linked_to_dev_zero_is_refused() {
    let data = DataDir::new();
    fs::create_dir_all(data.app_dir()).expect("the data folder");
    std::os::unix::fs::symlink("/dev/zero", data.profile_path()).expect("link");
    let (code, said) = refused(Pty::launch(&data));
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("is a device"), "{said}");
}

/// 4c. A parse error quotes at most about 200 characters of the file, even
///     when the parser's own message quotes thousands.
#[test]
fn a_parse_error_quotes_little_of_the_file() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("profile.ron");
    let long = "x".repeat(5000);
    for text in [
        format!("Profile(version: 2, goal: X{long})"),
        format!("Profile(version: 2, {long}: 1)"),
    ] {
        let medtech::profile::DecodeError::Damaged { message: raw, .. } =
            medtech::profile::decode(&text).expect_err("damaged")
        else {
            panic!("not reported as damaged");
        };
        assert!(raw.len() > 5000, "the parser quotes the file: {raw}");
        fs::write(&path, &text).expect("write");
        let err = Storage::unlocked(path.clone()).load().expect_err("damaged");
        let medtech::storage::LoadError::Corrupt { message, .. } = &err else {
            panic!("{err:?}");
        };
        assert!(message.chars().count() <= 200, "{message}");
        // The parser's message is cut; the line it stopped at is quoted,
        // cut too, within the same 200.
        assert!(message.contains("…"), "{message}");
        assert!(
            message.contains("(the line reads `Profile(version: 2, "),
            "{message}"
        );
    }
}

/// 5. A folder where the lock file should be: the state of the lock cannot
///    be known, so this copy opens read-only and says why; nothing is written.
#[test]
fn a_folder_as_the_lock_opens_read_only_and_writes_nothing() {
    let data = DataDir::new();
    let text = sample().to_ron().expect("encodes");
    data.write_profile(text.as_bytes());
    fs::create_dir(data.app_dir().join("profile.lock")).expect("a folder as the lock");
    let mut app = Pty::launch(&data);
    app.wait_for("READ-ONLY");
    app.send("2");
    app.wait_for("medtech · Education");
    app.send(" ");
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
    assert_eq!(
        fs::read_to_string(data.profile_path()).expect("profile"),
        text
    );
    assert_eq!(data.files(), ["profile.lock", "profile.ron"]);
    assert!(app.raw_output().contains("is a folder, not a lock file"));
}

/// 6. medtech's own data folder left world-readable is made private.
#[test]
fn an_open_data_folder_is_made_private() {
    let data = DataDir::new();
    data.write_profile(sample().to_ron().expect("encodes").as_bytes());
    fs::set_permissions(data.app_dir(), fs::Permissions::from_mode(0o777)).expect("chmod");
    let mut app = Pty::launch(&data);
    app.wait_for("medtech · Dashboard");
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
    assert_eq!(mode(&data.app_dir()), 0o700);
}

/// 6b. A folder medtech does not own (`--profile` elsewhere) is never
///     changed; medtech says it is shared.
#[test]
fn a_shared_folder_given_by_path_is_left_alone_and_named() {
    let data = DataDir::new();
    let shared = data.root().join("shared");
    fs::create_dir(&shared).expect("shared folder");
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o777)).expect("chmod");
    let path = shared.join("x.ron");
    fs::write(&path, sample().to_ron().expect("encodes")).expect("profile");
    let mut app = launch_on(&data, &path);
    app.wait_for("medtech · Dashboard");
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
    assert_eq!(mode(&shared), 0o777);
    assert!(app.raw_output().contains("shared with other users"));
}

/// 7. Three sessions in a row keep three generations of backup, and
///    recovery falls back to the newest one that reads.
#[test]
fn backups_keep_the_last_three_sessions() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("profile.ron");
    let step = |n: usize| format!("step.{n}");
    let mut profile = Profile::default();
    Storage::unlocked(path.clone())
        .save(&profile)
        .expect("first session");
    let mut seen = vec![profile.clone()];
    for n in 1..=4 {
        let session = Storage::unlocked(path.clone());
        assert_eq!(session.load().expect("loads"), Some(profile.clone()));
        profile.set_done(&step(n), true, today());
        session.save(&profile).expect("a change");
        session
            .save(&profile)
            .expect("another change, same session");
        seen.push(profile.clone());
    }
    let read = |name: &str| medtech::storage::load_file(&dir.path().join(name)).expect(name);
    // Each backup is the profile as a session found it, newest first.
    assert_eq!(read("profile.ron.bak"), Some(seen[3].clone()));
    assert_eq!(read("profile.ron.bak.1"), Some(seen[2].clone()));
    assert_eq!(read("profile.ron.bak.2"), Some(seen[1].clone()));
    assert_eq!(
        names(dir.path()),
        [
            "profile.ron",
            "profile.ron.bak",
            "profile.ron.bak.1",
            "profile.ron.bak.2"
        ]
    );

    fs::write(dir.path().join("profile.ron.bak"), "Profile(oops").expect("damage");
    assert_eq!(
        Storage::unlocked(path)
            .load_backup()
            .expect("a backup reads"),
        Some(seen[2].clone()),
        "recovery must fall back to the newest readable backup"
    );
}
