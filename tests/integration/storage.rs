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

use crate::shared::names;

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
fn the_version_2_golden_file_still_reads_unchanged() {
    let path = fixture("v2.ron");
    let expected = v2_full();
    let text = fs::read_to_string(&path).expect("fixture text");
    // The v2 file is what v2 wrote: the same text but for the version.
    assert_eq!(
        expected
            .to_ron()
            .expect("encodes")
            .replacen("version: 3,", "version: 2,", 1),
        text,
        "the v2 golden file is frozen: never regenerate it"
    );
    let profile = storage::load_file(&path)
        .expect("v2 loads")
        .expect("v2 exists");
    assert_eq!(profile, expected);
    assert_eq!(profile.version, 3);
}

/// A version 3 profile using every part of the format.
fn v3_full() -> Profile {
    use medtech::profile::{
        Activity, Candidate, CandidateAccreditor, CandidateKind, CeLog, Credit, Format, Practice,
        Rate, Shortlist, Study, Tuition,
    };
    let mut profile = v2_full();
    // Said "none" of credentials (issue 20): written only when said.
    profile
        .background
        .say_none(medtech::profile::Listed::Credentials, true);
    profile.shortlist = Shortlist {
        programs: vec![Candidate {
            name: "Valencia MLT".into(),
            kind: Some(CandidateKind::MltAssociate),
            accreditor: Some(CandidateAccreditor::Naacls),
            state: Some("FL".into()),
            format: Some(Format::OnCampus),
            months: Some(24),
            starts: Some(date("2027-08-24")),
            tuition: Some(Tuition::PerCredit(104)),
            boc: [(2023, Rate::Counted(12, 15)), (2024, Rate::Percent(80))].into(),
            graduation: [(2024, Rate::Counted(15, 18))].into(),
            placement: BTreeMap::new(),
            clinical_guaranteed: Some(true),
            deadline: Some(date("2027-03-01")),
            note: "Open house in January".into(),
        }],
        chosen: Some("Valencia MLT".into()),
    };
    profile.ce = CeLog {
        activities: vec![
            Activity {
                id: 1,
                date: date("2026-10-02"),
                tenths: 15,
                credit: Credit::Hours,
                title: "Laboratory safety update".into(),
                provider: "ASCP".into(),
                categories: vec!["Safety".into()],
                counts_for: vec!["MLT(ASCP)".into(), "California MLT license".into()],
            },
            Activity {
                id: 2,
                date: date("2026-11-20"),
                tenths: 30,
                credit: Credit::SemesterHours,
                title: "Immunology (college course)".into(),
                provider: String::new(),
                categories: vec![],
                counts_for: vec![],
            },
        ],
    };
    profile.study = Study {
        exam: Some("MLT(ASCP)".into()),
        date: Some(date("2027-02-15")),
        from: Some(date("2026-12-07")),
        hours_per_week: Some(8),
        weeks_done: vec![date("2026-12-07")],
        practice: vec![Practice {
            date: date("2026-12-05"),
            area: "Blood Banking".into(),
            score: 62,
        }],
    };
    profile
}

#[test]
fn the_version_3_golden_file_reads_and_writes_back_byte_for_byte() {
    let path = fixture("v3.ron");
    let expected = v3_full();
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
        .expect("v3 loads")
        .expect("v3 exists");
    assert_eq!(profile, expected);
}

#[test]
fn a_version_2_file_is_kept_byte_for_byte_before_the_first_version_3_save() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let original = fs::read(fixture("v2.ron")).expect("fixture");
    fs::write(&path, &original).expect("write v2");
    let storage = Storage::unlocked(path.clone());
    let mut profile = storage.load().expect("loads").expect("exists");
    profile.set_done("edu.prereqs.chem", true, date("2026-11-25"));
    storage.save(&profile).expect("first save");
    assert_eq!(
        fs::read(storage.version_backup_path(2)).expect("the v2 copy"),
        original
    );
    let saved = fs::read_to_string(&path).expect("saved");
    assert!(saved.starts_with("Profile(\n    version: 3,"), "{saved}");
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
    assert!(saved.starts_with("Profile(\n    version: 3,"), "{saved}");
    // A second session does not replace the v1 copy with a newer file.
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
    let mut changed = sample();
    changed.set_done("edu.prereqs.chem", true, date("2026-11-24"));
    storage
        .save(&changed)
        .expect("second, a change, makes a backup");
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
    assert_eq!(
        names(dir.path()),
        ["profile.ron.bak"],
        "the backup must still be offered next time, and nothing else written"
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
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Profile("));
    assert_eq!(
        lines.next(),
        Some(format!("    version: {CURRENT_VERSION},").as_str())
    );
}

/// Each bad file: what `load` must say, and the bytes must be untouched.
#[test]
fn damaged_files_are_named_and_never_changed_by_loading() {
    let cases = [
        // Not a profile at all: named, but none of its text is quoted.
        (
            "garbage.ron",
            (1, 1),
            "this is not a medtech profile (a profile starts with `Profile(`)",
        ),
        (
            "truncated.ron",
            (7, 21),
            "Unexpected variant named `Do` in enum `Status`, expected `Done` instead \
             (the line reads `status: Do`)",
        ),
        ("empty.ron", (1, 1), "the file is empty"),
        (
            "wrong_type.ron",
            (4, 11),
            "Expected option (the line reads `state: 42,`)",
        ),
        // A check with no place of its own (line 1, column 1) quotes no line.
        ("version0.ron", (1, 1), "profile version 0 never existed"),
        ("binary.ron", (1, 1), "the file is not text (invalid UTF-8)"),
        // A mistyped field name must not silently drop what it held.
        (
            "misspelled_field.ron",
            (4, 5),
            "Unexpected field named `stpes` in `Profile`, expected one of `version`, `goal`, `state`, `steps`, or `position` instead \
             (the line reads `stpes: {\"edu.a\": StepRecord(status: Done, date: \"2026-01-01…`)",
        ),
    ];
    for (name, (line, col), expected) in cases {
        let dir = temp();
        let path = dir.path().join("profile.ron");
        let original = fs::read(fixture(name)).expect("fixture");
        fs::write(&path, &original).expect("copy fixture");
        let storage = Storage::unlocked(path.clone());
        let err = storage.load().expect_err(name);
        let LoadError::Corrupt {
            path: at,
            line: found_line,
            col: found_col,
            message,
        } = &err
        else {
            panic!("{name}: {err:?}");
        };
        assert_eq!((at, *found_line, *found_col), (&path, line, col), "{name}");
        assert_eq!(message, expected, "{name}");
        assert_eq!(
            err.to_string(),
            format!(
                "{} is damaged at line {line}, column {col}: {expected}",
                path.display()
            ),
            "{name}"
        );
        assert_eq!(
            fs::read(&path).expect("still there"),
            original,
            "{name} changed"
        );

        // Moving it aside keeps every byte and frees the name.
        let moved = storage.quarantine().expect("moved aside");
        assert!(!path.exists());
        assert_eq!(moved.parent(), Some(dir.path()));
        let moved_name = moved.file_name().expect("a name").to_string_lossy();
        let stamp = moved_name
            .strip_prefix("profile.ron.corrupt-")
            .expect(&moved_name);
        // profile.ron.corrupt-20261124T101500Z
        assert_eq!(stamp.len(), 16, "{moved_name}");
        assert!(
            stamp.ends_with('Z') && stamp.as_bytes()[8] == b'T',
            "{moved_name}"
        );
        assert_eq!(names(dir.path()), [moved_name.as_ref()]);
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
    assert!(
        matches!(&err, LoadError::TooNew { found: 4, path: at } if *at == path),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{} was written by a newer medtech (profile version 4; this one reads up to {CURRENT_VERSION}). \
             It was left untouched: update medtech to open it.",
            path.display()
        )
    );
    assert_eq!(fs::read(&path).expect("still there"), original);
    assert_eq!(names(dir.path()), ["profile.ron"]);
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
    let saved = storage.load().expect("loads").expect("exists");
    assert_eq!(saved, profile);
    assert_eq!(
        saved.steps.get("retired.step.id"),
        v1_migrated().steps.get("retired.step.id")
    );
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
    let mut changed = sample();
    changed.set_done("edu.prereqs.chem", true, date("2026-11-24"));
    storage
        .save(&changed)
        .expect("second, a change, makes a backup");
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
    let archived_name = archived[0]
        .file_name()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    // The new profile, its own first backup, and the old backup set aside
    // under a name no rotation touches.
    assert_eq!(
        names(dir.path()),
        ["profile.ron", "profile.ron.bak", archived_name.as_str()]
    );
    assert_ne!(
        fs::read(fresh.backup_path()).expect("new backup"),
        original,
        "the live backup is the new profile's, not the old one"
    );
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
    // Nothing else: no temp file, no staging copy left behind.
    assert_eq!(
        names(path.parent().expect("dir")),
        ["profile.ron", "profile.ron.bak"]
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
    assert!(first.holds_lock());
    assert_eq!(first.read_only_reason(), None);
    let (second, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadOnly);
    assert!(!second.holds_lock());
    assert!(second.held_elsewhere());
    assert_eq!(
        medtech::session::read_only_reason(&second).as_deref(),
        Some("another medtech has this profile open")
    );
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
    assert!(!storage.is_read_only(), "{:?}", storage.read_only_reason());
    let err = storage.save(&sample()).expect_err("cannot write");
    let SaveError::Io { path: at, source } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(at, &path);
    assert_eq!(source.kind(), std::io::ErrorKind::NotADirectory, "{source}");
    assert_eq!(
        err.to_string(),
        format!("cannot write {}: {source}", path.display())
    );
    assert_eq!(names(dir.path()), ["not-a-folder"]);
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

/// Runs `f` on another thread and fails, instead of hanging, if it blocks.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(5))
        .expect("blocked for 5 seconds")
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo(1)");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_as_the_profile_is_named_and_never_waited_on() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    mkfifo(&path);
    let probe = path.clone();
    let err = within_seconds(move || Storage::unlocked(probe).load()).expect_err("a FIFO");
    assert!(
        matches!(&err, LoadError::NotAFile { path: at, kind: "a named pipe (FIFO)" } if *at == path),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{} is a named pipe (FIFO), not a profile file. It was left where it is: \
             remove it, or choose another file with --profile.",
            path.display()
        )
    );
    // A FIFO draft or backup is skipped the same way.
    let storage = Storage::unlocked(path.clone());
    mkfifo(&storage.draft_path());
    mkfifo(&storage.backup_path());
    let (draft, backup) = within_seconds(move || (storage.load_draft(), storage.load_backup()));
    assert!(draft.is_none());
    assert!(
        matches!(backup, Err(LoadError::NotAFile { .. })),
        "{backup:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_as_the_lock_gives_read_only_access_with_the_reason() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    mkfifo(&dir.path().join("profile.lock"));
    let probe = path.clone();
    let (storage, access) = within_seconds(move || Storage::open(probe));
    assert_eq!(access, Access::ReadOnly);
    assert!(!storage.holds_lock());
    assert_eq!(
        storage.read_only_reason(),
        Some(
            format!(
                "{} is a named pipe (FIFO), not a lock file (remove it to make changes), \
                 so whether another medtech is writing cannot be known",
                dir.path().join("profile.lock").display()
            )
            .as_str()
        )
    );
    assert!(matches!(storage.save(&sample()), Err(SaveError::ReadOnly)));
    assert!(!path.exists());
}

#[test]
fn a_profile_over_the_size_cap_is_refused_and_left_in_place() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let cap = usize::try_from(storage::MAX_PROFILE_BYTES).expect("fits");
    assert_eq!(cap, 16 * 1024 * 1024);
    // Exactly at the cap is read (and found damaged); one byte over is not.
    let mut text = sample().to_ron().expect("encodes").into_bytes();
    text.resize(cap, b' ');
    fs::write(&path, &text).expect("write");
    let err = Storage::unlocked(path.clone()).load();
    assert!(matches!(err, Ok(Some(ref p)) if *p == sample()), "{err:?}");
    text.push(b' ');
    fs::write(&path, &text).expect("write");
    let err = Storage::unlocked(path.clone()).load().expect_err("too big");
    assert!(
        matches!(&err, LoadError::TooBig { path: at, size } if *at == path && *size == cap as u64 + 1),
        "{err:?}"
    );
    assert!(err.to_string().contains("is larger than 16 MB"), "{err}");
    assert_eq!(fs::read(&path).expect("still there"), text);
    assert_eq!(names(dir.path()), ["profile.ron"]);
}

#[cfg(unix)]
#[test]
fn a_device_as_the_profile_is_refused_not_read() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    std::os::unix::fs::symlink("/dev/zero", &path).expect("link");
    let err = within_seconds(move || Storage::unlocked(path).load()).expect_err("a device");
    assert!(
        matches!(
            err,
            LoadError::NotAFile {
                kind: "a device",
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn a_folder_as_the_lock_gives_read_only_access_with_the_reason() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let lock = dir.path().join("profile.lock");
    fs::create_dir(&lock).expect("a folder as the lock");
    let (first, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadOnly);
    let (second, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadOnly, "both copies would write");
    for storage in [&first, &second] {
        assert!(!storage.holds_lock());
        assert_eq!(
            storage.read_only_reason(),
            Some(
                format!(
                    "{} is a folder, not a lock file (remove it to make changes), \
                     so whether another medtech is writing cannot be known",
                    lock.display()
                )
                .as_str()
            )
        );
        assert!(matches!(storage.save(&sample()), Err(SaveError::ReadOnly)));
    }
    assert_eq!(names(dir.path()), ["profile.lock"]);
}

#[cfg(unix)]
#[test]
fn a_damaged_file_linked_from_outside_is_never_moved_or_locked_beside() {
    let data = temp();
    let outside = temp();
    let target = outside.path().join("passwd");
    let content = b"root:x:0:0:root:/root:/bin/bash\n";
    fs::write(&target, content).expect("outside file");
    let link = data.path().join("profile.ron");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    let (storage, access) = Storage::open(link.clone());
    assert_eq!(access, Access::ReadWrite);
    assert!(storage.linked_elsewhere());
    assert_eq!(storage.path(), fs::canonicalize(&target).expect("real"));
    assert_eq!(storage.data_path(), link);
    assert_eq!(storage.lock_path(), data.path().join("profile.lock"));
    let err = storage.load().expect_err("not a profile");
    let LoadError::Corrupt { message, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(
        message,
        "this is not a medtech profile (a profile starts with `Profile(`)"
    );
    assert!(!err.to_string().contains("root"), "{err}");
    assert!(storage.quarantine().is_err(), "moved a file outside");
    assert_eq!(fs::read(&target).expect("still there"), content);
    assert_eq!(names(outside.path()), ["passwd"]);
    assert_eq!(names(data.path()), ["profile.lock", "profile.ron"]);
    assert_eq!(fs::read_link(&link).expect("still a link"), target);
}

#[cfg(unix)]
#[test]
fn a_good_file_linked_from_outside_is_saved_through_the_link() {
    let data = temp();
    let outside = temp();
    let target = outside.path().join("medtech.ron");
    fs::write(&target, sample().to_ron().expect("encodes")).expect("outside file");
    let link = data.path().join("profile.ron");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    let (storage, access) = Storage::open(link.clone());
    assert_eq!(access, Access::ReadWrite);
    assert_eq!(storage.load().expect("loads"), Some(sample()));
    storage.save(&Profile::default()).expect("saves");
    assert_eq!(
        storage::load_file(&target).expect("reads"),
        Some(Profile::default())
    );
    assert_eq!(fs::read_link(&link).expect("still a link"), target);
    assert_eq!(names(outside.path()), ["medtech.ron"]);
    assert_eq!(
        names(data.path()),
        ["profile.lock", "profile.ron", "profile.ron.bak"]
    );
    assert_eq!(storage.load_backup().expect("backup"), Some(sample()));
}

#[cfg(unix)]
#[test]
fn an_open_folder_is_made_private_only_when_it_is_medtechs_own() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).expect("metadata").permissions().mode() & 0o7777;
    let dir = temp();
    let folder = dir.path().join("medtech");
    fs::create_dir(&folder).expect("folder");
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o777)).expect("chmod");
    let (storage, _) = Storage::open(folder.join("profile.ron"));

    let note = storage.guard_folder(false).expect("a note");
    assert_eq!(
        mode(&folder),
        0o777,
        "a folder medtech does not own changed"
    );
    assert_eq!(
        note,
        format!(
            "{} is shared with other users (mode 0777), so medtech leaves its permissions alone. \
             Your profile stays private to you (0600), but others can delete or replace it.",
            folder.display()
        )
    );

    let note = storage.guard_folder(true).expect("a note");
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(
        note,
        format!(
            "{} was open to other users (mode 0777); it is now private to you (0700).",
            folder.display()
        )
    );
    assert_eq!(storage.guard_folder(true), None, "already private");
    assert_eq!(storage.guard_folder(false), None, "not shared");
}

#[test]
fn three_backup_generations_rotate_once_a_session() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let storage = Storage::unlocked(path.clone());
    assert_eq!(
        storage.backup_paths(),
        [
            dir.path().join("profile.ron.bak"),
            dir.path().join("profile.ron.bak.1"),
            dir.path().join("profile.ron.bak.2"),
        ]
    );
    let mut sessions = Vec::new();
    let mut profile = Profile::default();
    storage.save(&profile).expect("the first save");
    for n in 0..5 {
        sessions.push(profile.clone());
        let session = Storage::unlocked(path.clone());
        session.load().expect("loads");
        profile.set_done(&format!("step.{n}"), true, date("2026-11-24"));
        session.save(&profile).expect("a save");
        session
            .save(&profile)
            .expect("a second save rotates nothing");
    }
    let backups: Vec<Option<Profile>> = storage
        .backup_paths()
        .iter()
        .map(|p| storage::load_file(p).expect("a backup reads"))
        .collect();
    let newest: Vec<Option<Profile>> = sessions.iter().rev().take(3).cloned().map(Some).collect();
    assert_eq!(backups, newest);
    assert_eq!(
        names(dir.path()),
        [
            "profile.ron",
            "profile.ron.bak",
            "profile.ron.bak.1",
            "profile.ron.bak.2"
        ]
    );

    // Recovery falls back, newest first, to a generation that reads.
    fs::write(storage.backup_path(), "Profile(version: 2, oops").expect("damage");
    assert_eq!(storage.load_backup().expect("reads"), newest[1]);
    fs::remove_file(&storage.backup_paths()[1]).expect("remove");
    assert_eq!(storage.load_backup().expect("reads"), newest[2]);
    // Only the damaged one is set aside.
    let moved = storage.quarantine_backup().expect("set aside");
    assert!(
        moved.to_string_lossy().contains("profile.ron.bak.corrupt-"),
        "{moved:?}"
    );
    assert_eq!(storage.load_backup().expect("reads"), newest[2]);
}

#[test]
fn a_version_1_file_written_by_the_last_release_migrates_with_nothing_lost() {
    // Written by medtech 0.1 (commit 2b13496): four ticks, Florida, resuming
    // on Certification.
    let profile = storage::load_file(&fixture("v1_release.ron"))
        .expect("loads")
        .expect("exists");
    let ticked: Vec<(&str, String)> = profile
        .steps
        .iter()
        .map(|(id, r)| {
            assert_eq!(r.status, Status::Done, "{id}");
            (
                id.as_str(),
                r.date.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        ticked,
        [
            ("cert.choose.ascp", "2026-11-24".to_owned()),
            ("edu.prereqs.chemistry", "2026-11-24".to_owned()),
            ("edu.prereqs.math", "2026-11-24".to_owned()),
            ("edu.prereqs.microbiology", "2026-11-24".to_owned()),
        ]
    );
    assert_eq!(profile.state.as_deref(), Some("FL"));
    assert_eq!(profile.resume.screen, Screen::Certification);
    assert_eq!(
        profile
            .resume
            .selected
            .get(&Area::Certification)
            .map(String::as_str),
        Some("cert.choose.ascp")
    );
}

#[cfg(unix)]
#[test]
fn saving_an_unchanged_profile_writes_nothing() {
    use std::os::unix::fs::MetadataExt;
    // A save writes a temp file and renames it: a new inode each time.
    let inode = |path: &std::path::Path| fs::metadata(path).expect("saved").ino();
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let storage = Storage::unlocked(path.clone());
    storage.save(&sample()).expect("first");
    let before = inode(&path);
    storage.save(&sample()).expect("the same again");
    assert_eq!(
        inode(&path),
        before,
        "an unchanged profile was written again"
    );
    assert!(!storage.backup_path().exists(), "a backup of nothing new");
    // A session that loads it and changes nothing writes nothing either.
    let again = Storage::unlocked(path.clone());
    let loaded = again.load().expect("loads").expect("exists");
    again.save(&loaded).expect("no change");
    assert_eq!(inode(&path), before);
    // Not vacuous: a change is written, as a new file.
    let mut changed = loaded;
    changed.state = Some("NY".to_owned());
    again.save(&changed).expect("a change");
    assert_ne!(inode(&path), before, "a change was not written");
}

/// Issue 26: keeping this copy's version over a file that does not read
/// sets that file aside (renamed, byte for byte, never deleted) and saves
/// this version; a file that reads is never moved.
#[test]
fn keeping_your_version_sets_only_an_unreadable_file_aside() {
    let dir = temp();
    let path = dir.path().join("profile.ron");
    let (storage, access) = Storage::open(path.clone());
    assert_eq!(access, Access::ReadWrite);
    storage.save(&Profile::default()).expect("save");
    // A file that reads: nothing to set aside.
    fs::write(&path, sample().to_ron().expect("encodes")).expect("theirs");
    assert_eq!(storage.keep_mine(&Profile::default()).expect("kept"), None);
    assert!(storage.damaged_files().is_empty());
    // Half a file: set aside, and this version written.
    let half = b"Profile(version: 2, goal: Ml";
    fs::write(&path, half).expect("half a file");
    assert!(matches!(
        storage.save(&sample()),
        Err(SaveError::Waiting { .. })
    ));
    assert!(storage.waits_on_unreadable());
    let moved = storage
        .keep_mine(&sample())
        .expect("kept")
        .expect("set aside");
    assert_eq!(moved.parent(), path.parent(), "beside the profile");
    assert!(
        moved
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("profile.ron.corrupt-")),
        "{moved:?}"
    );
    assert_eq!(fs::read(&moved).expect("kept"), half);
    assert!(!storage.waits_on_unreadable());
    let on_disk = medtech::storage::load_file(&path)
        .expect("reads")
        .expect("a profile");
    assert_eq!(on_disk.steps, sample().steps);
}

/// A long parser message still ends with the line it stopped at, whole.
#[test]
fn a_damaged_profile_quotes_the_line_even_after_a_long_message() {
    let text = "Profile(\n    version: 3,\n    goal: Mls,\n    field: Some(Biology),\n)\n";
    let err = medtech::storage::parse(text, Path::new("profile.ron")).expect_err("damaged");
    let LoadError::Corrupt { line, message, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(*line, 4);
    assert!(
        message.contains("Unexpected field named `field`"),
        "{message}"
    );
    assert!(
        message.ends_with("(the line reads `field: Some(Biology),`)"),
        "{message}"
    );
}

/// The quoting limit counts characters, zero-width ones too: a line of
/// them is cut, and the parser's own message is kept.
#[test]
fn a_line_of_zero_width_characters_is_cut_within_the_limit() {
    let text = format!(
        "Profile(\n    version: 3,\n    goal: X{},\n)\n",
        "\u{200B}".repeat(600)
    );
    let err = medtech::storage::parse(&text, Path::new("profile.ron")).expect_err("damaged");
    let LoadError::Corrupt { line, message, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(*line, 3);
    assert!(
        message.chars().count() <= 200,
        "{}",
        message.chars().count()
    );
    assert!(message.contains("(the line reads `goal: X"), "{message}");
    assert!(
        !message.starts_with(" (the line"),
        "the parser's message is kept: {message}"
    );
}
