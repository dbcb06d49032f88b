//! The profile on disk: atomic saves, the backup, damaged and too-new files,
//! the lock, file modes and paths that cannot be written.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use medtech::content::{Area, Date, Goal};
use medtech::profile::{
    CURRENT_VERSION, Change, PartialDate, Profile, Resume, Screen, Status, StepRecord,
};
use medtech::storage::{self, Access, LoadError, SaveError, Storage};
use proptest::prelude::*;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/profiles")
        .join(name)
}

fn date(s: &str) -> Date {
    s.parse().expect("a valid date")
}

fn sample() -> Profile {
    let mut p = Profile {
        goal: Goal::Mls,
        state: Some("FL".into()),
        ..Profile::default()
    };
    p.set_done("edu.prereqs.bio", true, date("2026-03-02"));
    p
}

/// What the v1 golden file holds, as version 2 reads it.
fn v1_migrated() -> Profile {
    let mut steps = BTreeMap::new();
    steps.insert(
        "edu.prereqs.bio".to_owned(),
        StepRecord {
            status: Status::Done,
            date: Some(PartialDate::Day(date("2026-03-02"))),
            note: String::new(),
        },
    );
    steps.insert(
        "retired.step.id".to_owned(),
        StepRecord {
            status: Status::Done,
            date: Some(PartialDate::Day(date("2025-12-31"))),
            note: String::new(),
        },
    );
    let mut selected = BTreeMap::new();
    selected.insert(Area::Education, "edu.prereqs.chem".to_owned());
    Profile {
        goal: Goal::Mls,
        state: Some("FL".into()),
        steps,
        resume: Resume {
            screen: Screen::Education,
            selected,
        },
        ..Profile::default()
    }
}

#[test]
fn the_version_1_golden_file_migrates_with_every_tick_and_date() {
    let profile = storage::load_file(&fixture("v1.ron"))
        .expect("v1 loads")
        .expect("v1 exists");
    assert_eq!(profile, v1_migrated());
    assert_eq!(profile.version, CURRENT_VERSION);
}

/// A version 2 profile using every part of the format.
fn v2_full() -> Profile {
    use medtech::content::{Accreditor, Discipline, Program};
    use medtech::profile::{Background, Education, Experience, MilitaryCourse, ProgramDone};
    let mut profile = v1_migrated();
    let on = date("2026-11-25");
    let month = |s: &str| s.parse::<PartialDate>().expect("a month");
    for change in [
        Change::Status {
            step: "edu.prereqs.chem".into(),
            from: Status::Todo,
            to: Status::InProgress,
        },
        Change::Status {
            step: "edu.bachelor.bridge".into(),
            from: Status::Todo,
            to: Status::NotApplicable,
        },
        Change::Status {
            step: "cert.study".into(),
            from: Status::Todo,
            to: Status::Skipped,
        },
        Change::Date {
            step: "edu.prereqs.bio".into(),
            from: Some(PartialDate::Day(date("2026-03-02"))),
            to: Some(month("2020-05")),
        },
        Change::Note {
            step: "edu.prereqs.bio".into(),
            from: String::new(),
            to: "Took it at Valencia.\nGrade: A (\"quoted\")".into(),
        },
    ] {
        profile.apply(&change, on);
    }
    profile.background = Background {
        education: Some(Education::Associate),
        semester_hours: Some(64),
        chemistry_hours: Some(8),
        biology_hours: Some(8),
        programs: vec![ProgramDone {
            kind: Program::Mlt,
            accreditor: Accreditor::Naacls,
            finished: month("2024-05"),
        }],
        military_course: Some(MilitaryCourse {
            weeks: 50,
            finished: month("2019-06"),
        }),
        experience: vec![Experience {
            months: 36,
            ended: Some(month("2025-01")),
            areas: vec![Discipline::Chemistry, Discipline::Hematology],
        }],
        ..Background::default()
    };
    profile
}

#[test]
fn the_version_2_golden_file_reads_and_writes_back_byte_for_byte() {
    let path = fixture("v2.ron");
    let expected = v2_full();
    if std::env::var_os("MEDTECH_WRITE_GOLDEN").is_some() {
        fs::write(&path, expected.to_ron().expect("encodes")).expect("write the golden file");
    }
    let text = fs::read_to_string(&path).expect("fixture text");
    assert_eq!(
        expected.to_ron().expect("encodes"),
        text,
        "the file format changed: a new format needs a new version"
    );
    let profile = storage::load_file(&path)
        .expect("v2 loads")
        .expect("v2 exists");
    assert_eq!(profile, expected);
}

#[test]
fn a_version_1_file_is_kept_byte_for_byte_before_the_first_version_2_save() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let original = fs::read(fixture("v1.ron")).expect("fixture");
    fs::write(&path, &original).expect("write v1");
    let storage = Storage::unlocked(path.clone());
    let mut profile = storage.load().expect("loads").expect("exists");
    profile.set_done("edu.prereqs.chem", true, date("2026-11-25"));
    storage.save(&profile).expect("first save");
    storage.save(&profile).expect("second save");
    assert_eq!(
        fs::read(storage.version_backup_path(1)).expect("the v1 copy"),
        original
    );
    let saved = fs::read_to_string(&path).expect("saved");
    assert!(saved.starts_with("Profile(\n    version: 2,"), "{saved}");
    // A second session does not replace the v1 copy with a v2 file.
    let again = Storage::unlocked(path);
    again.load().expect("loads");
    again.save(&profile).expect("saves");
    assert_eq!(
        fs::read(again.version_backup_path(1)).expect("the v1 copy"),
        original
    );
}

#[test]
fn quitting_the_welcome_after_start_fresh_keeps_the_backup_on_offer() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let storage = Storage::unlocked(path.clone());
    storage.save(&sample()).expect("first");
    storage.save(&sample()).expect("second, makes a backup");
    fs::remove_file(&path).expect("the profile is gone");
    let mut app = medtech::app::App::recover(
        medtech::content::Guide::from_files(&[]).expect("empty guide"),
        medtech::clock::Clock::Fixed(date("2026-11-24")),
        medtech::session::Recovery {
            problem: "missing".into(),
            moved_to: None,
            backup: Some(sample()),
        },
    );
    let fresh = Storage::unlocked(path);
    medtech::apply(&mut app, &fresh, medtech::app::Action::StartFresh);
    assert!(medtech::apply(&mut app, &fresh, medtech::app::Action::Quit));
    assert!(
        fresh.backup_path().exists(),
        "the backup must still be offered next time"
    );
    assert_eq!(
        storage.load_backup().expect("readable"),
        Some(sample()),
        "the backup is unchanged"
    );
}

#[test]
fn the_version_field_comes_first() {
    let text = sample().to_ron().expect("encodes");
    let first_field = text.lines().nth(1).unwrap_or_default().trim();
    assert_eq!(first_field, format!("version: {CURRENT_VERSION},"));
}

/// Each bad file: what `load` must say, and the bytes must be untouched.
#[test]
fn damaged_files_are_named_and_never_changed_by_loading() {
    let cases = [
        ("garbage.ron", "line 1"),
        ("truncated.ron", "line 7"),
        ("empty.ron", "empty"),
        ("wrong_type.ron", "line 4"),
        ("version0.ron", "version 0"),
        ("binary.ron", "not text"),
        // A mistyped field name must not silently drop what it held.
        ("misspelled_field.ron", "stpes"),
    ];
    for (name, expected) in cases {
        let dir = temp();
        let path = dir.path().join("profile.ron");
        let original = fs::read(fixture(name)).expect("fixture");
        fs::write(&path, &original).expect("copy fixture");
        let storage = Storage::unlocked(path.clone());
        let err = storage.load().expect_err(name);
        assert!(matches!(err, LoadError::Corrupt { .. }), "{name}: {err:?}");
        let message = err.to_string();
        assert!(message.contains(expected), "{name}: {message}");
        assert!(message.contains("profile.ron"), "{name}: {message}");
        assert_eq!(
            fs::read(&path).expect("still there"),
            original,
            "{name} changed"
        );

        // Moving it aside keeps every byte and frees the name.
        let moved = storage.quarantine().expect("moved aside");
        assert!(!path.exists());
        let moved_name = moved.file_name().unwrap_or_default().to_string_lossy();
        assert!(
            moved_name.starts_with("profile.ron.corrupt-"),
            "{moved_name}"
        );
        assert_eq!(fs::read(&moved).expect("moved file"), original);
    }
}

#[test]
fn a_profile_from_a_newer_version_is_refused_and_left_alone() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let original = fs::read(fixture("newer.ron")).expect("fixture");
    fs::write(&path, &original).expect("copy");
    let err = Storage::unlocked(path.clone()).load().expect_err("too new");
    assert!(matches!(err, LoadError::TooNew { found: 3, .. }), "{err:?}");
    assert!(err.to_string().contains("newer medtech"), "{err}");
    assert_eq!(fs::read(&path).expect("still there"), original);
}

#[test]
fn unknown_step_ids_are_kept_through_load_and_save() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    fs::copy(fixture("v1.ron"), &path).expect("copy");
    let storage = Storage::unlocked(path.clone());
    let mut profile = storage.load().expect("loads").expect("exists");
    profile.set_done("cert.exam", true, date("2026-11-24"));
    storage.save(&profile).expect("saves");
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains("\"retired.step.id\""), "{text}");
}

/// A slip just before quitting (one Space on a big step, then q) must not
/// reach the backup too: it keeps the profile as the session found it.
#[test]
fn the_backup_holds_the_profile_as_this_session_found_it() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let before = sample();
    Storage::unlocked(path.clone())
        .save(&before)
        .expect("an earlier session");
    let session = Storage::unlocked(path);
    let mut now = before.clone();
    now.set_done("edu.prereqs.bio", false, date("2026-11-24"));
    session.save(&now).expect("the slip");
    session.save(&now).expect("the save on quit");
    assert_eq!(session.load().expect("loads"), Some(now));
    assert_eq!(session.load_backup().expect("backup"), Some(before));
}

#[test]
fn starting_fresh_sets_the_old_backup_aside_for_good() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let storage = Storage::unlocked(path.clone());
    storage.save(&sample()).expect("first");
    storage.save(&sample()).expect("second, makes a backup");
    let original = fs::read(storage.backup_path()).expect("backup bytes");
    fs::remove_file(&path).expect("the profile is gone");
    let mut app = medtech::app::App::recover(
        medtech::content::Guide::from_files(&[]).expect("empty guide"),
        medtech::clock::Clock::Fixed(date("2026-11-24")),
        medtech::session::Recovery {
            problem: "missing".into(),
            moved_to: None,
            backup: Some(sample()),
        },
    );
    let fresh = Storage::unlocked(path);
    medtech::apply(&mut app, &fresh, medtech::app::Action::StartFresh);
    medtech::apply(&mut app, &fresh, medtech::app::Action::Close);
    medtech::apply(&mut app, &fresh, medtech::app::Action::SwitchGoal);
    medtech::apply(&mut app, &fresh, medtech::app::Action::Confirm);
    let archived: Vec<PathBuf> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".bak-"))
        .collect();
    assert_eq!(archived.len(), 1, "{archived:?}");
    assert_eq!(fs::read(&archived[0]).expect("archived"), original);
}

#[test]
fn saving_keeps_the_previous_profile_as_a_backup() {
    let dir = temp();
    let path = dir.path().join("medtech").join("profile.ron");
    let storage = Storage::unlocked(path.clone());
    let first = sample();
    storage.save(&first).expect("first save");
    assert!(!storage.backup_path().exists(), "nothing to back up yet");
    let mut second = first.clone();
    second.set_done("cert.exam", true, date("2026-11-24"));
    storage.save(&second).expect("second save");
    assert_eq!(storage.load().expect("loads"), Some(second));
    assert_eq!(storage.load_backup().expect("backup loads"), Some(first));
    let leftovers: Vec<_> = fs::read_dir(path.parent().expect("dir"))
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temp files left behind: {leftovers:?}"
    );
}

#[cfg(unix)]
#[test]
fn the_profile_and_backup_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let folder = dir.path().join("medtech");
    let path = folder.join("profile.ron");
    let (storage, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadWrite);
    storage.save(&sample()).expect("save");
    storage.save(&Profile::default()).expect("save again");
    let mode = |p: &Path| fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600, "profile");
    assert_eq!(mode(&storage.backup_path()), 0o600, "backup");
    assert_eq!(mode(&folder), 0o700, "data folder");
    assert_eq!(mode(&folder.join("profile.lock")), 0o600, "lock");
}

#[test]
fn a_second_copy_gets_read_only_access_until_the_first_closes() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let (first, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadWrite);
    let (second, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadOnly);
    assert!(!second.holds_lock());
    assert!(matches!(second.save(&sample()), Err(SaveError::ReadOnly)));
    assert!(!path.exists(), "the read-only copy wrote nothing");
    drop(first);
    let (_third, access) = Storage::open(path);
    assert_eq!(access, Access::ReadWrite);
}

/// Root ignores permission bits, so the unwritable path is one whose parent
/// is a regular file: no user can create a file inside it.
#[test]
fn an_unwritable_path_reports_why_and_loses_nothing_in_memory() {
    let dir = temp();
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "I am a file").expect("blocker");
    let path = blocker.join("medtech").join("profile.ron");
    let (storage, _) = Storage::open(path.clone());
    assert_eq!(storage.load().expect("no profile yet"), None);
    let err = storage.save(&sample()).expect_err("cannot write");
    let message = err.to_string();
    assert!(message.contains("cannot write"), "{message}");
    assert!(message.contains("profile.ron"), "{message}");
    assert_eq!(
        fs::read_to_string(&blocker).expect("blocker"),
        "I am a file"
    );
}

fn any_profile() -> impl Strategy<Value = Profile> {
    let date = (2000i16..2100, 1i8..=12, 1i8..=28)
        .prop_map(|(y, m, d)| Date::new(y, m, d).expect("a valid date"));
    let steps = prop::collection::btree_map(
        "\\PC{0,24}",
        (
            date,
            prop::sample::select(Status::ALL.to_vec()),
            "\\PC{0,40}",
        )
            .prop_map(|(date, status, note)| StepRecord {
                status,
                date: Some(PartialDate::Day(date)),
                note,
            }),
        0..20,
    );
    let selected =
        prop::collection::btree_map(prop::sample::select(Area::ALL.to_vec()), "\\PC{0,16}", 0..3);
    (
        prop::sample::select(Goal::ALL.to_vec()),
        prop::option::of("\\PC{0,8}"),
        steps,
        prop::sample::select(Screen::ALL.to_vec()),
        selected,
    )
        .prop_map(|(goal, state, steps, screen, selected)| Profile {
            version: CURRENT_VERSION,
            goal,
            state,
            steps,
            resume: Resume { screen, selected },
            ..Profile::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn save_then_load_gives_back_the_same_profile(profile in any_profile()) {
        let dir = temp();
        let storage = Storage::unlocked(dir.path().join("profile.ron"));
        storage.save(&profile).expect("saves");
        prop_assert_eq!(storage.load().expect("loads"), Some(profile));
    }
}

#[test]
fn temp_files_left_by_a_killed_save_are_cleaned_up_by_the_next_writer() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let stale = dir.path().join(".profile.ron.AbC123.tmp");
    fs::write(&stale, "half a profile").expect("stale temp");
    let unrelated = dir.path().join("notes.tmp");
    fs::write(&unrelated, "mine").expect("unrelated");
    // Another profile in the same folder may be mid-save: leave it alone.
    let other = dir.path().join(".work.ron.XyZ789.tmp");
    fs::write(&other, "in flight").expect("other profile's temp");
    let (_storage, access) = Storage::open(path);
    assert_eq!(access, Access::ReadWrite);
    assert!(!stale.exists(), "the stale temp file is still there");
    assert!(
        unrelated.exists(),
        "a file that is not medtech's was removed"
    );
    assert!(
        other.exists(),
        "another profile's save in flight was removed"
    );
}
