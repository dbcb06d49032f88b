//! Issue 21, what medtech promises about your files, in process: it never
//! moves, replaces or chmods a file it did not write; it never writes what
//! it cannot read; one writer per file however reached; bounded files.
//! Each test reproduces one reported fault and failed before its fix.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;

use medtech::config::{self, Config};
use medtech::content::Date;
use medtech::profile::{self, DecodeError, PartialDate, Profile, StepRecord};
use medtech::session::{self, SessionError, Start};
use medtech::storage::{self, Access, LoadError, MAX_PROFILE_BYTES, SaveError, Storage};
use medtech::theme::Palette;
use proptest::prelude::*;

use crate::shared::{mode, names};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

fn day(text: &str) -> Date {
    text.parse().expect("a date")
}

fn sample() -> Profile {
    let mut profile = Profile::default();
    profile.set_done("edu.prereqs.bio", true, day("2026-03-02"));
    profile
}

fn other() -> Profile {
    let mut profile = sample();
    profile.set_done("edu.prereqs.chem", true, day("2026-04-01"));
    profile
}

/// A version 1 profile with one tick dated `date` (as version 1 wrote it).
fn v1_with(date: &str) -> String {
    format!(
        "Profile(\n    version: 1,\n    goal: Mls,\n    steps: {{\n        \"edu.prereqs.bio\": StepRecord(\n            status: Done,\n            date: \"{date}\",\n        ),\n    }},\n)\n"
    )
}

// 1. Never move, replace or chmod a file it did not write.

/// `medtech --profile ~/.profile`: the shell file was renamed to
/// `.profile.corrupt-<time>` on launch. Not a medtech profile (the version
/// probe finds none): refused, every byte and name left as it was.
#[test]
fn a_file_that_is_not_a_medtech_profile_is_refused_and_never_moved() {
    let cases: [(&str, &[u8]); 4] = [
        (
            ".profile",
            b"# ~/.profile: executed by the login shell\nexport PATH=\"$HOME/bin:$PATH\"\n",
        ),
        ("empty.ron", b""),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
        ("notes.ron", b"(title: \"my notes\", pages: 3)"),
    ];
    for (name, bytes) in cases {
        let home = temp();
        let path = home.path().join(name);
        fs::write(&path, bytes).expect("the user's file");
        let err = session::open(path.clone()).expect_err(name);
        assert!(matches!(err, SessionError::NotAProfile(_)), "{name}: {err}");
        let message = err.to_string();
        assert!(message.contains("not a medtech profile"), "{message}");
        assert!(message.contains("left where it is"), "{message}");
        assert_eq!(
            names(home.path()),
            [name],
            "something was created beside it"
        );
        assert_eq!(fs::read(&path).expect("still there"), bytes, "{name}");
        assert!(
            !names(home.path()).iter().any(|n| n.contains("corrupt")),
            "{name}: {:?}",
            names(home.path())
        );
    }
}

/// A damaged medtech profile (it names its version) is still set aside.
#[test]
fn a_damaged_medtech_profile_is_still_set_aside() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    fs::write(&path, "Profile(version: 2, goal: Mlt, oops").expect("damaged");
    let session = session::open(path.clone()).expect("opens on recovery");
    assert!(matches!(session.start, Start::Recover(_)));
    assert!(!path.exists());
    assert!(
        names(dir.path())
            .iter()
            .any(|n| n.starts_with("profile.ron.corrupt-"))
    );
}

/// A regular file where the data folder should be was chmod-ed to 0700
/// and called a folder. Now refused, its mode unchanged.
#[test]
fn a_file_where_the_data_folder_should_be_is_refused() {
    let root = temp();
    let folder = root.path().join("medtech");
    fs::write(&folder, "a file, not a folder").expect("file");
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o644)).expect("chmod");
    let err = session::open(folder.join("profile.ron")).expect_err("refused");
    assert!(matches!(err, SessionError::FolderIsAFile { .. }), "{err}");
    assert!(err.to_string().contains("is a file, not a folder"), "{err}");
    assert_eq!(mode(&folder), 0o644);
    assert_eq!(
        fs::read_to_string(&folder).expect("kept"),
        "a file, not a folder"
    );
    // Nor does the storage layer chmod it, whoever asks.
    let storage = Storage::unlocked(folder.join("profile.ron"));
    assert_eq!(storage.guard_folder(true), None);
    assert_eq!(mode(&folder), 0o644);
}

/// `T` with a symlinked `config.ron` replaced the link with a plain file.
#[test]
fn a_symlinked_config_is_written_through_its_link() {
    let root = temp();
    let dotfiles = root.path().join("dotfiles");
    fs::create_dir(&dotfiles).expect("dotfiles");
    let real = dotfiles.join("medtech-config.ron");
    fs::write(&real, "(mouse: true)").expect("real config");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o644)).expect("chmod");
    let link = root.path().join("config.ron");
    symlink(&real, &link).expect("link");
    let config = Config {
        theme: Palette::HighContrast,
        ..Config::default()
    };
    config::save(&link, &config).expect("saved through the link");
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link was replaced by a plain file"
    );
    assert_eq!(config::load(&real), Ok(config.clone()));
    assert_eq!(mode(&real), 0o644, "the file's mode was changed");
    assert_eq!(names(&dotfiles), ["medtech-config.ron"]);

    // A link to nothing is refused, saying why, and stays a link.
    let dangling = root.path().join("dangling.ron");
    symlink(root.path().join("nowhere.ron"), &dangling).expect("link");
    let err = config::save(&dangling, &config).expect_err("refused");
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(
        fs::symlink_metadata(&dangling)
            .expect("link")
            .file_type()
            .is_symlink()
    );
}

/// A 0400 profile was silently rewritten as 0600. It opens read-only with
/// the reason, and nothing is written. (Root ignores the mode, so the test
/// checks medtech's decision, not a permission error.)
#[test]
fn a_read_only_profile_opens_read_only_with_the_reason() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let text = sample().to_ron().expect("encodes");
    fs::write(&path, &text).expect("profile");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o400)).expect("chmod");
    let (storage, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadOnly);
    let reason = storage.read_only_reason().expect("a reason");
    assert!(reason.contains("read-only (mode 0400)"), "{reason}");
    assert!(matches!(storage.save(&other()), Err(SaveError::ReadOnly)));
    assert_eq!(mode(&path), 0o400);
    assert_eq!(fs::read_to_string(&path).expect("kept"), text);
    drop(storage);

    let session = session::open(path.clone()).expect("opens");
    assert!(session.read_only);
    assert!(
        session.notes.iter().any(|n| n.contains("mode 0400")),
        "{:?}",
        session.notes
    );
}

// 2. Never write what it cannot read.

/// A v1 profile dated 1899-12-31 migrated into a v2 file v2 refuses. Now
/// the migration refuses the file, unchanged, with a message.
#[test]
fn a_v1_date_v2_refuses_stops_the_migration_and_changes_nothing() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let text = v1_with("1899-12-31");
    fs::write(&path, &text).expect("v1 profile");
    let err = session::open(path.clone()).expect_err("refused");
    let message = err.to_string();
    assert!(
        matches!(&err, SessionError::Load(LoadError::CannotMigrate { .. })),
        "{message}"
    );
    assert!(message.contains("1899-12-31"), "{message}");
    assert!(message.contains("edu.prereqs.bio"), "{message}");
    assert_eq!(fs::read_to_string(&path).expect("kept"), text);
    assert_eq!(names(dir.path()), ["profile.lock", "profile.ron"]);
}

/// Restoring a v1 backup holding 1899 looped: each launch set the new,
/// unreadable profile aside and offered the same backup again.
#[test]
fn restoring_the_backup_never_loops_adding_damaged_copies() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    fs::write(&path, "Profile(version: 2, goal: Mlt, oops").expect("damaged");
    fs::write(dir.path().join("profile.ron.bak"), v1_with("1899-12-31")).expect("v1 backup");
    for _ in 0..3 {
        let Ok(session) = session::open(path.clone()) else {
            break;
        };
        // What `b` on the recovery screen does: save the backup.
        if let Start::Recover(recovery) = &session.start
            && let Some(backup) = &recovery.backup
        {
            let _ = session.storage.save(backup);
        }
    }
    let damaged = names(dir.path())
        .into_iter()
        .filter(|n| n.contains(".corrupt-"))
        .count();
    assert!(damaged <= 1, "{:?}", names(dir.path()));
    if let Ok(Some(profile)) = storage::load_file(&path) {
        // Whatever was written reads.
        assert_eq!(storage::load_file(&path).ok().flatten(), Some(profile));
    }
}

/// A profile this build would not read back is never renamed into place.
#[test]
fn a_save_that_would_not_read_back_is_refused_and_writes_nothing() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let storage = Storage::unlocked(path.clone());
    storage.save(&sample()).expect("first save");
    let before = fs::read(&path).expect("saved");
    let mut bad = sample();
    bad.steps.insert(
        "edu.prereqs.chem".to_owned(),
        StepRecord {
            date: Some(PartialDate::Day(day("1899-12-31"))),
            ..StepRecord::default()
        },
    );
    let err = storage.save(&bad).expect_err("would not read back");
    assert!(matches!(err, SaveError::Unreadable { .. }), "{err}");
    assert!(err.to_string().contains("not saved"), "{err}");
    // It names the profile, never the temp file.
    assert!(!err.to_string().contains(".profile.ron."), "{err}");
    assert_eq!(fs::read(&path).expect("kept"), before);
    assert_eq!(names(dir.path()), ["profile.ron"], "a temp file was left");
}

fn check_migration_agrees(date: Date) {
    let text = v1_with(&date.to_string());
    // Version 1 took this day, whatever it is.
    assert!(
        ron::from_str::<profile::v1::ProfileV1>(&text).is_ok(),
        "v1 refuses {date}"
    );
    match profile::decode(&text) {
        Ok(decoded) => {
            let written = decoded.profile.to_ron().expect("encodes");
            assert_eq!(
                profile::decode(&written).map(|d| d.profile),
                Ok(decoded.profile),
                "{date} migrates into a file v2 does not read back"
            );
        }
        Err(DecodeError::CannotMigrate { from: 1, message }) => {
            assert!(message.contains(&date.to_string()), "{message}");
            // Refused only when v2 refuses the day too.
            assert!(
                date.to_string().parse::<PartialDate>().is_err(),
                "{date} refused by the migration but read by v2"
            );
        }
        Err(e) => panic!("{date}: {e:?}"),
    }
}

#[test]
fn the_loader_and_the_migration_agree_on_the_edges() {
    for text in [
        "1899-12-31",
        "1900-01-01",
        "0001-01-01",
        "9999-12-31",
        "2024-02-29",
        "-000001-01-01",
        "-009999-01-01",
    ] {
        check_migration_agrees(text.parse().expect(text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every day version 1 accepted either migrates into a file version 2
    /// reads back as the same profile, or is refused with a message.
    #[test]
    fn the_loader_and_the_migration_agree_on_every_date(
        year in prop_oneof![-9999i16..=9999, 1890i16..=2100],
        month in 1i8..=12,
        day in 1i8..=31,
    ) {
        let first = jiff::civil::date(year, month, 1);
        check_migration_agrees(jiff::civil::date(year, month, day.min(first.days_in_month())));
    }
}

// 3. One writer per file, however reached.

/// `data/profile.ron` a symlink to `~/x/medtech.ron`, opened once plain and
/// once by the real path: both could write, and one's ticks were lost.
#[test]
fn one_file_reached_by_two_paths_has_one_writer() {
    let data = temp();
    let elsewhere = temp();
    let real = elsewhere.path().join("medtech.ron");
    fs::write(&real, sample().to_ron().expect("encodes")).expect("real");
    let link = data.path().join("profile.ron");
    symlink(&real, &link).expect("link");
    let (first, access) = Storage::open(link);
    assert_eq!(access, Access::ReadWrite);
    let (second, access) = Storage::open(real.clone());
    assert_eq!(access, Access::ReadOnly, "two writers on one file");
    assert!(second.held_elsewhere());
    // Still so after the first copy's save put a new file in place.
    first.load().expect("loads");
    first.save(&other()).expect("saves");
    let (third, access) = Storage::open(real.clone());
    assert_eq!(access, Access::ReadOnly, "the lock did not follow the save");
    drop((first, second, third));
    let (_fourth, access) = Storage::open(real);
    assert_eq!(access, Access::ReadWrite);
}

/// Deleting `profile.lock` while a copy runs let a second copy write.
#[test]
fn a_deleted_lock_file_does_not_let_a_second_writer_in() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    fs::write(&path, sample().to_ron().expect("encodes")).expect("profile");
    let (first, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadWrite);
    fs::remove_file(first.lock_path()).expect("delete the lock");
    let (second, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadOnly);
    assert!(second.held_elsewhere());
    assert!(matches!(second.save(&other()), Err(SaveError::ReadOnly)));
    first.load().expect("loads");
    first.save(&other()).expect("the first copy still saves");
}

/// With no profile yet, two copies can both hold a lock once the lock file
/// is deleted; the one that saves second must not write over the other.
/// (Issue 26: it now merges the two instead of refusing.)
#[test]
fn a_profile_created_by_another_copy_is_never_written_over() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let (first, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadWrite);
    fs::remove_file(first.lock_path()).expect("delete the lock");
    let (second, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadWrite, "nothing to tell them apart yet");
    first.save(&sample()).expect("first save");
    let mut chem = Profile::default();
    chem.set_done("edu.prereqs.chem", true, day("2026-04-01"));
    let saved = second.save(&chem).expect("merges");
    let merged = saved.merged.expect("the first copy's file was merged in");
    assert_eq!(merged.profile, other());
    assert_eq!(storage::load_file(&path).expect("reads"), Some(other()));
}

/// A hard link split into two files at the first save. A profile with
/// other names opens read-only and says why.
#[test]
fn a_hard_linked_profile_opens_read_only_with_the_reason() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let text = sample().to_ron().expect("encodes");
    fs::write(&path, &text).expect("profile");
    let other_name = dir.path().join("copy.ron");
    fs::hard_link(&path, &other_name).expect("hard link");
    let (storage, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadOnly);
    let reason = storage.read_only_reason().expect("a reason");
    assert!(reason.contains("hard links"), "{reason}");
    assert!(storage.save(&other()).is_err());
    assert_eq!(
        fs::metadata(&path).expect("meta").ino(),
        fs::metadata(&other_name).expect("meta").ino(),
        "the link was split"
    );
}

// 4. Bounded files.

/// A 17 MB note was saved, and every later launch refused the file.
#[test]
fn a_save_over_the_read_cap_is_refused_with_a_message() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let storage = Storage::unlocked(path.clone());
    storage.save(&sample()).expect("first save");
    let before = fs::read(&path).expect("saved");
    let mut big = sample();
    big.steps
        .entry("edu.prereqs.bio".to_owned())
        .or_default()
        .note = "x".repeat(usize::try_from(MAX_PROFILE_BYTES).expect("fits") + 1);
    let err = storage.save(&big).expect_err("too big");
    assert!(matches!(err, SaveError::TooBig { .. }), "{err}");
    assert!(err.to_string().contains("16 MB"), "{err}");
    assert_eq!(fs::read(&path).expect("kept"), before);
    assert_eq!(names(dir.path()), ["profile.ron"]);
}

/// A profile over the cap with a readable backup offers the backup, and
/// the big file is kept aside, not a dead end.
#[test]
fn a_profile_over_the_cap_offers_the_backup() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let mut big = b"Profile(version: 2, goal: Mlt, steps: {".to_vec();
    big.resize(usize::try_from(MAX_PROFILE_BYTES).expect("fits") + 10, b' ');
    big.extend_from_slice(b"})");
    fs::write(&path, &big).expect("big profile");
    fs::write(
        dir.path().join("profile.ron.bak"),
        sample().to_ron().expect("encodes"),
    )
    .expect("backup");
    let session = session::open(path.clone()).expect("opens on recovery");
    let Start::Recover(recovery) = &session.start else {
        panic!("{:?}", session.start);
    };
    assert_eq!(recovery.backup, Some(sample()));
    assert!(recovery.problem.contains("16 MB"), "{}", recovery.problem);
    let moved = recovery.moved_to.as_ref().expect("set aside");
    assert_eq!(fs::read(moved).expect("kept whole"), big);
}

/// The fuzz target's property over its corpus, in every `cargo test`: a
/// profile the loader accepts survives a save. The corpus holds the 1899
/// case that broke it (a v1 date v2 refused).
#[test]
fn the_fuzz_corpus_survives_a_save() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/profile_loader");
    let mut seen = 0;
    for entry in fs::read_dir(&corpus).expect("the fuzz corpus") {
        let path = entry.expect("entry").path();
        let bytes = fs::read(&path).expect("a corpus file");
        seen += 1;
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        if let Ok(profile) = storage::parse(text, Path::new("fuzz.ron")) {
            let written = profile.to_ron().expect("encodes");
            assert_eq!(
                storage::parse(&written, Path::new("fuzz.ron")).ok(),
                Some(profile),
                "{} does not survive a save",
                path.display()
            );
        }
    }
    assert!(seen >= 2, "the corpus is missing");
}
