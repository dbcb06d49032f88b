//! Issue 26: the three-way merge of two computers' profiles, item by item.
//! Each kind of item (a step's status and date, a step's note, a
//! background field, a setting) × one side changed / both the same /
//! a conflict; the history union; step ids nobody knows kept.

use medtech::content::{Date, Goal};
use medtech::profile::merge::{Item, NOTE_SEPARATOR_THEIRS, Side, merge, merge_without_base};
use medtech::profile::{Change, Education, Entry, Event, PartialDate, Profile, Status};

fn day(s: &str) -> Date {
    s.parse().expect("a date")
}

/// The profile both computers last agreed on.
fn base() -> Profile {
    let mut profile = Profile::default();
    profile.apply(
        &Change::Status {
            step: "edu.a".into(),
            from: Status::Todo,
            to: Status::InProgress,
        },
        day("2026-11-01"),
    );
    profile.apply(
        &Change::Note {
            step: "edu.a".into(),
            from: String::new(),
            to: "call the college".into(),
        },
        day("2026-11-01"),
    );
    profile
}

fn set_status(p: &mut Profile, step: &str, to: Status, on: &str) {
    for change in p.status_changes(step, to, day(on)) {
        p.apply(&change, day(on));
    }
}

fn set_note(p: &mut Profile, step: &str, to: &str, on: &str) {
    let change = Change::Note {
        step: step.into(),
        from: p.note(step).to_owned(),
        to: to.into(),
    };
    p.apply(&change, day(on));
}

fn set_education(p: &mut Profile, to: Education, on: &str) {
    let mut background = p.background.clone();
    background.education = Some(to);
    let change = Change::Background {
        from: Box::new(p.background.clone()),
        to: Box::new(background),
    };
    p.apply(&change, day(on));
}

fn set_state(p: &mut Profile, to: &str, on: &str) {
    let change = Change::State {
        from: p.state.clone(),
        to: Some(to.into()),
    };
    p.apply(&change, day(on));
}

/// What one side does to a profile, on a day.
type Edit = fn(&mut Profile, &str);

struct Case {
    name: &'static str,
    ours: Option<Edit>,
    theirs: Option<Edit>,
    /// Checks the merged profile.
    check: fn(&Profile) -> bool,
    /// The item, if it must be a conflict, and who wins.
    conflict: Option<(Item, Side)>,
    /// Whether the item counts as taken from the other side.
    taken: Option<Item>,
}

// One table, read top to bottom.
#[allow(clippy::too_many_lines)]
#[test]
fn each_kind_of_item_one_side_both_sides_and_conflict() {
    let cases = [
        // A step's status (with its date).
        Case {
            name: "status: only theirs",
            ours: None,
            theirs: Some(|p, on| set_status(p, "edu.b", Status::Done, on)),
            check: |m| m.done_on("edu.b") == Some(PartialDate::Day(day("2026-12-02"))),
            conflict: None,
            taken: Some(Item::Status("edu.b".into())),
        },
        Case {
            name: "status: only ours",
            ours: Some(|p, on| set_status(p, "edu.b", Status::Skipped, on)),
            theirs: None,
            check: |m| m.status("edu.b") == Status::Skipped,
            conflict: None,
            taken: None,
        },
        Case {
            name: "status: both the same",
            ours: Some(|p, on| set_status(p, "edu.a", Status::Done, on)),
            theirs: Some(|p, on| set_status(p, "edu.a", Status::Done, on)),
            check: |m| m.is_done("edu.a"),
            conflict: None,
            taken: None,
        },
        Case {
            name: "status: conflict, theirs newer",
            ours: Some(|p, _| set_status(p, "edu.a", Status::Skipped, "2026-12-01")),
            theirs: Some(|p, on| set_status(p, "edu.a", Status::Done, on)),
            check: |m| m.is_done("edu.a"),
            conflict: Some((Item::Status("edu.a".into()), Side::Theirs)),
            taken: Some(Item::Status("edu.a".into())),
        },
        Case {
            name: "status: conflict, ours newer",
            ours: Some(|p, _| set_status(p, "edu.a", Status::Skipped, "2026-12-05")),
            theirs: Some(|p, on| set_status(p, "edu.a", Status::Done, on)),
            check: |m| m.status("edu.a") == Status::Skipped,
            conflict: Some((Item::Status("edu.a".into()), Side::Ours)),
            taken: None,
        },
        // A step's note.
        Case {
            name: "note: only theirs",
            ours: None,
            theirs: Some(|p, on| set_note(p, "edu.a", "from my laptop", on)),
            check: |m| m.note("edu.a") == "from my laptop",
            conflict: None,
            taken: Some(Item::Note("edu.a".into())),
        },
        Case {
            name: "note: only ours",
            ours: Some(|p, on| set_note(p, "edu.a", "mine", on)),
            theirs: None,
            check: |m| m.note("edu.a") == "mine",
            conflict: None,
            taken: None,
        },
        Case {
            name: "note: both the same",
            ours: Some(|p, on| set_note(p, "edu.a", "same", on)),
            theirs: Some(|p, on| set_note(p, "edu.a", "same", on)),
            check: |m| m.note("edu.a") == "same",
            conflict: None,
            taken: None,
        },
        Case {
            name: "note: conflict keeps both texts, the newer first",
            ours: Some(|p, _| set_note(p, "edu.a", "desk note", "2026-12-03")),
            theirs: Some(|p, _| set_note(p, "edu.a", "laptop note", "2026-12-01")),
            check: |m| {
                m.note("edu.a")
                    == format!("desk note\n\n{NOTE_SEPARATOR_THEIRS}\nlaptop note").as_str()
            },
            conflict: Some((Item::Note("edu.a".into()), Side::Ours)),
            taken: None,
        },
        // A background field.
        Case {
            name: "background: only theirs",
            ours: None,
            theirs: Some(|p, on| set_education(p, Education::Associate, on)),
            check: |m| m.background.education == Some(Education::Associate),
            conflict: None,
            taken: Some(Item::Background("education")),
        },
        Case {
            name: "background: both the same",
            ours: Some(|p, on| set_education(p, Education::Bachelor, on)),
            theirs: Some(|p, on| set_education(p, Education::Bachelor, on)),
            check: |m| m.background.education == Some(Education::Bachelor),
            conflict: None,
            taken: None,
        },
        Case {
            name: "background: conflict, theirs newer",
            ours: Some(|p, _| set_education(p, Education::HighSchool, "2026-11-20")),
            theirs: Some(|p, on| set_education(p, Education::Associate, on)),
            check: |m| m.background.education == Some(Education::Associate),
            conflict: Some((Item::Background("education"), Side::Theirs)),
            taken: Some(Item::Background("education")),
        },
        // A setting.
        Case {
            name: "state: only theirs",
            ours: None,
            theirs: Some(|p, on| set_state(p, "FL", on)),
            check: |m| m.state.as_deref() == Some("FL"),
            conflict: None,
            taken: Some(Item::State),
        },
        Case {
            name: "state: both the same",
            ours: Some(|p, on| set_state(p, "CA", on)),
            theirs: Some(|p, on| set_state(p, "CA", on)),
            check: |m| m.state.as_deref() == Some("CA"),
            conflict: None,
            taken: None,
        },
        Case {
            name: "state: conflict on the same day, this computer wins",
            ours: Some(|p, on| set_state(p, "NY", on)),
            theirs: Some(|p, on| set_state(p, "FL", on)),
            check: |m| m.state.as_deref() == Some("NY"),
            conflict: Some((Item::State, Side::Ours)),
            taken: None,
        },
    ];
    for case in cases {
        let base = base();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        if let Some(edit) = case.ours {
            edit(&mut ours, "2026-12-02");
        }
        if let Some(edit) = case.theirs {
            edit(&mut theirs, "2026-12-02");
        }
        let merged = merge(&base, &ours, &theirs);
        assert!(
            (case.check)(&merged.profile),
            "{}: {:?}",
            case.name,
            merged.profile
        );
        match &case.conflict {
            None => assert!(
                merged.conflicts.is_empty(),
                "{}: {:?}",
                case.name,
                merged.conflicts
            ),
            Some((item, side)) => {
                assert_eq!(
                    merged.conflicts.len(),
                    1,
                    "{}: {:?}",
                    case.name,
                    merged.conflicts
                );
                assert_eq!(&merged.conflicts[0].item, item, "{}", case.name);
                assert_eq!(merged.conflicts[0].kept, *side, "{}", case.name);
                assert_ne!(
                    merged.conflicts[0].kept_value, merged.conflicts[0].other_value,
                    "{}",
                    case.name
                );
                // Undoing the switch gives the other side's value.
                let other = match side {
                    Side::Ours => &theirs,
                    Side::Theirs => &ours,
                };
                let mut switched = merged.profile.clone();
                for change in merged.conflicts[0].switch.iter().rev() {
                    switched.apply(&change.inverse(), day("2026-12-09"));
                }
                let value = |p: &Profile| match item {
                    Item::Status(id) => {
                        format!("{:?}", p.steps.get(id).map(|r| (r.status, r.date)))
                    }
                    Item::Note(id) => p.note(id).to_owned(),
                    Item::Background(_) => format!("{:?}", p.background),
                    Item::Goal => format!("{:?}", p.goal),
                    Item::State => format!("{:?}", p.state),
                    Item::Program(_) | Item::Choice => format!("{:?}", p.shortlist),
                    Item::Ce => format!("{:?}", p.ce),
                    Item::Study => format!("{:?}", p.study),
                };
                if !matches!(item, Item::Note(_)) {
                    assert_eq!(value(&switched), value(other), "{}", case.name);
                }
            }
        }
        assert_eq!(
            merged.summary.taken,
            case.taken.into_iter().collect::<Vec<_>>(),
            "{}",
            case.name
        );
        // Nothing changed on either side is lost: both histories are in.
        for entry in ours.history.iter().chain(&theirs.history) {
            assert!(
                merged.profile.history.contains(entry),
                "{}: {entry:?}",
                case.name
            );
        }
    }
}

/// The scene: the laptop marked one step done with a note, this
/// computer ticked another; both are in the merge, and the summary counts
/// what came from the laptop.
#[test]
fn both_computers_changes_are_kept_and_counted() {
    let base = base();
    let mut laptop = base.clone();
    set_status(&mut laptop, "cert.choose", Status::Done, "2026-12-06");
    set_note(&mut laptop, "cert.choose", "from my laptop", "2026-12-06");
    let mut desk = base.clone();
    set_status(&mut desk, "edu.know-the-job", Status::Done, "2026-12-07");
    let merged = merge(&base, &desk, &laptop);
    assert!(merged.profile.is_done("cert.choose"));
    assert_eq!(merged.profile.note("cert.choose"), "from my laptop");
    assert!(merged.profile.is_done("edu.know-the-job"));
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.summary.steps(), ["cert.choose"]);
    assert_eq!(
        merged.summary.describe(&merged.conflicts),
        "1 step changed on another computer."
    );
}

/// Issue 20: "no military course" said on the laptop and the education
/// answered on the desk are both kept, field by field.
#[test]
fn a_none_said_on_one_computer_and_a_field_on_the_other_are_both_kept() {
    use medtech::profile::Listed;
    let base = base();
    let mut laptop = base.clone();
    let mut background = laptop.background.clone();
    background.say_none(Listed::MilitaryCourse, true);
    let change = Change::Background {
        from: Box::new(laptop.background.clone()),
        to: Box::new(background),
    };
    laptop.apply(&change, day("2026-12-06"));
    let mut desk = base.clone();
    set_education(&mut desk, Education::HighSchool, "2026-12-07");
    let merged = merge(&base, &desk, &laptop);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let bg = &merged.profile.background;
    assert_eq!(bg.education, Some(Education::HighSchool));
    assert!(bg.said_none.contains(&Listed::MilitaryCourse), "{bg:?}");
    // And the other way round.
    let merged = merge(&base, &laptop, &desk);
    assert!(
        merged
            .profile
            .background
            .said_none
            .contains(&Listed::MilitaryCourse)
    );
    assert_eq!(
        merged.profile.background.education,
        Some(Education::HighSchool)
    );
}

#[test]
fn histories_are_unioned_in_date_order_each_entry_once() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    set_status(&mut ours, "edu.x", Status::Done, "2026-12-03");
    set_status(&mut theirs, "edu.y", Status::Done, "2026-12-02");
    // The same change on the same day on both: one entry.
    set_note(&mut ours, "edu.z", "same", "2026-12-04");
    set_note(&mut theirs, "edu.z", "same", "2026-12-04");
    let merged = merge(&base, &ours, &theirs);
    let days: Vec<Date> = merged.profile.history.iter().map(|e| e.on).collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted, "in date order");
    let notes = merged
        .profile
        .history
        .iter()
        .filter(|e| {
            e.event
                == Event::Note {
                    step: "edu.z".into(),
                }
        })
        .count();
    assert_eq!(notes, 1, "{:?}", merged.profile.history);
    assert_eq!(merged.profile.history.len(), base.history.len() + 2 + 2 + 1);
    assert_eq!(merged.summary.history_added, 2);
    assert!(merged.profile.history.contains(&Entry {
        on: day("2026-12-02"),
        event: Event::Status {
            step: "edu.y".into(),
            to: Status::Done
        },
    }));
}

#[test]
fn step_ids_nobody_knows_are_kept_from_either_side() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    set_status(&mut ours, "old.renamed-step", Status::Done, "2026-12-01");
    set_note(
        &mut theirs,
        "future.step",
        "from a newer guide",
        "2026-12-01",
    );
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.profile.is_done("old.renamed-step"));
    assert_eq!(merged.profile.note("future.step"), "from a newer guide");
}

#[test]
fn a_step_reset_on_one_side_is_removed_not_kept_blank() {
    let mut base = base();
    set_status(&mut base, "edu.b", Status::Done, "2026-11-02");
    let mut ours = base.clone();
    set_status(&mut ours, "edu.b", Status::Todo, "2026-12-01");
    let merged = merge(&base, &ours, &base.clone());
    assert!(!merged.profile.steps.contains_key("edu.b"));
}

/// The goal is a setting too, and this computer's place on screen stays.
#[test]
fn the_goal_comes_from_the_side_that_changed_it_and_the_place_stays_ours() {
    let base = base();
    let mut ours = base.clone();
    ours.resume.screen = medtech::profile::Screen::Education;
    let mut theirs = base.clone();
    theirs.apply(
        &Change::Goal {
            from: Goal::Mlt,
            to: Goal::Mls,
        },
        day("2026-12-01"),
    );
    theirs.resume.screen = medtech::profile::Screen::Licensing;
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.profile.goal, Goal::Mls);
    assert_eq!(
        merged.profile.resume.screen,
        medtech::profile::Screen::Education
    );
    assert_eq!(merged.summary.taken, [Item::Goal]);
}

/// Without a known base (a conflict copy): what only one side's history
/// names came from that side; what both name is a conflict.
#[test]
fn without_a_base_the_history_says_who_changed_what() {
    let base = base();
    let mut ours = base.clone();
    set_status(&mut ours, "edu.mine", Status::Done, "2026-12-01");
    let mut theirs = base.clone();
    set_status(&mut theirs, "edu.theirs", Status::Done, "2026-12-01");
    set_note(&mut ours, "edu.both", "desk", "2026-12-01");
    set_note(&mut theirs, "edu.both", "laptop", "2026-12-02");
    let merged = merge_without_base(&ours, &theirs);
    assert!(merged.profile.is_done("edu.mine"));
    assert!(merged.profile.is_done("edu.theirs"));
    let note = merged.profile.note("edu.both");
    assert!(note.starts_with("laptop"), "{note}");
    assert!(note.contains("desk"), "{note}");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(merged.conflicts[0].item, Item::Note("edu.both".into()));
}

#[test]
fn merging_with_no_change_on_either_side_changes_nothing() {
    let base = base();
    let merged = merge(&base, &base, &base);
    assert_eq!(merged.profile, base);
    assert!(merged.summary.is_empty());
    assert!(merged.conflicts.is_empty());
}

// Storage: notice and merge on save (issue 26 item 2).

mod on_save {
    use std::fs;

    use medtech::profile::{Profile, Status};
    use medtech::storage::{self, Access, SaveError, Storage};

    use super::{set_note, set_status};

    fn start() -> (tempfile::TempDir, std::path::PathBuf, Profile) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("profile.ron");
        let base = super::base();
        fs::write(&path, base.to_ron().expect("encodes")).expect("the profile");
        (dir, path, base)
    }

    /// What a sync tool does: a new file renamed over the profile.
    fn replace(path: &std::path::Path, bytes: &[u8]) {
        let tmp = path.with_extension("synctmp");
        fs::write(&tmp, bytes).expect("the other computer's file");
        fs::rename(&tmp, path).expect("renamed into place");
    }

    #[test]
    fn a_file_replaced_by_a_sync_tool_is_merged_not_written_over() {
        let (_dir, path, base) = start();
        let (storage, access) = Storage::open(path.clone());
        assert_eq!(access, Access::ReadWrite);
        let mut ours = storage.load().expect("loads").expect("a profile");
        let mut laptop = base.clone();
        set_status(&mut laptop, "cert.choose", Status::Done, "2026-12-06");
        set_note(&mut laptop, "cert.choose", "from my laptop", "2026-12-06");
        replace(&path, laptop.to_ron().expect("encodes").as_bytes());
        assert!(storage.changed_on_disk());
        set_status(&mut ours, "edu.know", Status::Done, "2026-12-07");
        let saved = storage.save(&ours).expect("merges and saves");
        let merged = saved.merged.expect("what came from the laptop");
        assert_eq!(merged.summary.steps(), ["cert.choose"]);
        let on_disk = storage::load_file(&path)
            .expect("reads")
            .expect("a profile");
        assert_eq!(on_disk, merged.profile);
        assert!(on_disk.is_done("cert.choose") && on_disk.is_done("edu.know"));
        assert_eq!(on_disk.note("cert.choose"), "from my laptop");
        assert!(!storage.changed_on_disk(), "its own save is no change");
        // One writer on this computer still: a second copy is read-only.
        let (_second, access) = Storage::open(path.clone());
        assert_eq!(access, Access::ReadOnly);
    }

    #[test]
    fn a_half_written_file_is_never_written_over_and_the_changes_wait() {
        let (_dir, path, base) = start();
        let (storage, _) = Storage::open(path.clone());
        let mut ours = storage.load().expect("loads").expect("a profile");
        let half = b"Profile(version: 2, goal: Mlt, steps: {\n \"cert.ch";
        replace(&path, half);
        set_status(&mut ours, "edu.know", Status::Done, "2026-12-07");
        let err = storage.save(&ours).expect_err("does not read");
        assert!(matches!(err, SaveError::Waiting { .. }), "{err}");
        assert!(err.to_string().contains("profile.ron.unsaved"), "{err}");
        assert_eq!(fs::read(&path).expect("left alone"), half);
        let kept = storage::load_file(&storage.unsaved_path())
            .expect("reads")
            .expect("the changes kept");
        assert!(kept.is_done("edu.know"));
        // The sync tool finishes: the next save merges and writes.
        let mut laptop = base.clone();
        set_note(&mut laptop, "edu.a", "laptop", "2026-12-06");
        replace(&path, laptop.to_ron().expect("encodes").as_bytes());
        storage.save(&ours).expect("saves now");
        let on_disk = storage::load_file(&path)
            .expect("reads")
            .expect("a profile");
        assert!(on_disk.is_done("edu.know"));
        assert_eq!(on_disk.note("edu.a"), "laptop");
        assert!(!storage.unsaved_path().exists(), "no longer needed");
    }

    #[test]
    fn while_idle_a_change_is_reloaded_without_writing() {
        let (_dir, path, base) = start();
        let (storage, _) = Storage::open(path.clone());
        let ours = storage.load().expect("loads").expect("a profile");
        assert_eq!(storage.refresh(&ours).expect("nothing"), None);
        let mut laptop = base.clone();
        set_status(&mut laptop, "cert.choose", Status::Done, "2026-12-06");
        let text = laptop.to_ron().expect("encodes");
        replace(&path, text.as_bytes());
        let merged = storage.refresh(&ours).expect("reads").expect("a change");
        assert_eq!(merged.profile, laptop);
        assert_eq!(fs::read_to_string(&path).expect("as it was"), text);
        assert!(!storage.changed_on_disk());
        // A read-only second copy follows too.
        let (reader, access) = Storage::open(path.clone());
        assert_eq!(access, Access::ReadOnly);
        let seen = reader.load().expect("loads").expect("a profile");
        let mut again = laptop.clone();
        set_note(&mut again, "cert.choose", "later", "2026-12-07");
        replace(&path, again.to_ron().expect("encodes").as_bytes());
        let merged = reader.refresh(&seen).expect("reads").expect("a change");
        assert_eq!(merged.profile.note("cert.choose"), "later");
    }

    /// Two computers open at once each save their place on quit: taking
    /// the other's file in never writes it back (no endless back and forth
    /// through the sync tool).
    #[test]
    fn the_other_computers_place_alone_is_never_written_back() {
        let (_dir, path, base) = start();
        let (storage, _) = Storage::open(path.clone());
        let mut ours = storage.load().expect("loads").expect("a profile");
        ours.resume.screen = medtech::profile::Screen::Education;
        let mut laptop = base.clone();
        laptop.resume.screen = medtech::profile::Screen::Licensing;
        let text = laptop.to_ron().expect("encodes");
        replace(&path, text.as_bytes());
        let merged = storage.refresh(&ours).expect("reads").expect("a change");
        assert!(merged.summary.is_empty());
        assert_eq!(fs::read_to_string(&path).expect("not written"), text);
        assert!(!storage.changed_on_disk());
    }

    #[test]
    fn a_touched_file_with_the_same_content_is_no_change() {
        let (_dir, path, base) = start();
        let (storage, _) = Storage::open(path.clone());
        let ours = storage.load().expect("loads").expect("a profile");
        replace(&path, base.to_ron().expect("encodes").as_bytes());
        assert!(storage.changed_on_disk());
        assert_eq!(storage.refresh(&ours).expect("reads"), None);
        assert!(!storage.changed_on_disk());
    }
}

// The app takes a merge in (issue 26 item 3): its place, its undo.

mod in_the_app {
    use medtech::app::Action;
    use medtech::profile::merge::merge;
    use medtech::profile::{Screen, Status};

    use crate::shared;

    #[test]
    fn a_merge_keeps_the_place_says_what_changed_and_undo_still_works() {
        let mut app = shared::app();
        app.update(Action::Show(Screen::Education));
        app.update(Action::Down);
        let mine = app.selected_step().expect("a step").id.clone();
        let base = app.profile().clone();
        app.update(Action::Toggle);
        assert!(app.profile().is_done(&mine));
        // Meanwhile, on the laptop: another step done.
        let theirs_step = "cert.laptop-only";
        let mut laptop = base.clone();
        super::set_status(&mut laptop, theirs_step, Status::Done, "2026-11-23");
        let merged = merge(&base, app.profile(), &laptop);
        app.update(Action::Reloaded(Ok(Box::new(merged))));
        assert!(app.profile().is_done(&mine) && app.profile().is_done(theirs_step));
        assert_eq!(app.screen, Screen::Education);
        assert_eq!(app.selected_step().expect("a step").id, mine, "same row");
        let notice = app.notice.clone().unwrap_or_default();
        assert!(notice.contains("changed on another computer"), "{notice}");
        // Undo takes back this computer's tick, not the laptop's.
        app.update(Action::Undo);
        assert!(!app.profile().is_done(&mine));
        assert!(app.profile().is_done(theirs_step));
    }

    #[test]
    fn a_file_that_does_not_read_is_said_and_nothing_changes() {
        let mut app = shared::app();
        let before = app.profile().clone();
        app.update(Action::Reloaded(Err(
            "profile.ron changed on disk and does not read yet".into(),
        )));
        assert_eq!(app.profile(), &before);
        assert!(
            app.notice
                .as_deref()
                .is_some_and(|n| n.contains("does not read yet")),
            "{:?}",
            app.notice
        );
    }
}

/// A conflict is told, and one key (undo) switches to the other value;
/// redo switches back.
#[test]
fn a_conflict_can_be_switched_with_one_key() {
    use medtech::app::Action;
    let base = base();
    let mut app = crate::shared::app_with(base.clone());
    let mut ours = base.clone();
    set_state(&mut ours, "NY", "2026-11-20");
    app.edit_profile(|p| *p = ours.clone());
    let mut laptop = base.clone();
    set_state(&mut laptop, "FL", "2026-11-23");
    let merged = merge(&base, &ours, &laptop);
    assert_eq!(merged.conflicts.len(), 1);
    app.update(Action::Reloaded(Ok(Box::new(merged))));
    assert_eq!(app.profile().state.as_deref(), Some("FL"), "the newer");
    let notice = app.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("Your state was changed on both"),
        "{notice}"
    );
    assert!(notice.contains("switches to the other"), "{notice}");
    app.update(Action::Undo);
    assert_eq!(app.profile().state.as_deref(), Some("NY"), "switched");
    app.update(Action::Redo);
    assert_eq!(app.profile().state.as_deref(), Some("FL"), "and back");
}

/// The copies sync tools leave are found; other files, and copies already
/// merged, are not.
#[test]
fn conflict_copies_of_each_sync_tool_are_found() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("profile.ron");
    std::fs::write(&path, base().to_ron().expect("encodes")).expect("the profile");
    let names = [
        ("profile.sync-conflict-20261207-101010-ABCDEFG.ron", true),
        ("profile (Ana's conflicted copy 2026-12-07).ron", true),
        ("profile.ron.orig", true),
        ("profile.ron.unsaved", true),
        (
            "profile.sync-conflict-20261201-101010-ABCDEFG.ron.merged-20261207T101010Z",
            false,
        ),
        ("profile.ron.bak", false),
        ("profile.ron.draft", false),
        ("notes (conflicted copy).txt", false),
        ("other.sync-conflict-20261207-101010-ABCDEFG.ron", false),
    ];
    for (name, _) in names {
        std::fs::write(dir.path().join(name), "x").expect("a file");
    }
    let storage = medtech::storage::Storage::unlocked(path);
    let found: Vec<String> = storage
        .conflict_copies()
        .iter()
        .map(|p| {
            p.file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut expected: Vec<String> = names
        .iter()
        .filter(|(_, offered)| *offered)
        .map(|(n, _)| (*n).to_owned())
        .collect();
    expected.sort();
    assert_eq!(found, expected);
    let notice = medtech::session::conflict_notice(&storage).expect("offered");
    assert!(notice.contains("medtech merge"), "{notice}");
}

/// The other computer only moved around (its place on screen is saved on
/// quit): nothing is said, and this computer's place stays.
#[test]
fn a_change_of_the_other_computers_place_only_says_nothing() {
    use medtech::app::Action;
    use medtech::profile::Screen;
    let base = base();
    let mut app = crate::shared::app_with(base.clone());
    app.update(Action::Show(Screen::Education));
    let mut laptop = base.clone();
    laptop.resume.screen = Screen::Licensing;
    let merged = merge(&base, app.profile(), &laptop);
    app.update(Action::Reloaded(Ok(Box::new(merged))));
    assert_eq!(app.notice, None);
    assert_eq!(app.screen, Screen::Education);
}

mod ce_log {
    use medtech::profile::merge::{merge, merge_ce, merge_without_base};
    use medtech::profile::{Activity, CeLog, Credit, Profile};

    fn activity(id: u32, date: &str, tenths: u32, title: &str) -> Activity {
        Activity {
            id,
            date: date.parse().expect("a day"),
            tenths,
            credit: Credit::Hours,
            title: title.into(),
            provider: String::new(),
            categories: vec![],
            counts_for: vec![],
        }
    }

    fn log(activities: &[Activity]) -> CeLog {
        CeLog {
            activities: activities.to_vec(),
        }
    }

    fn titles(log: &CeLog) -> Vec<(u32, &str, u32)> {
        log.activities
            .iter()
            .map(|a| (a.id, a.title.as_str(), a.tenths))
            .collect()
    }

    #[test]
    fn an_activity_added_on_each_computer_under_the_same_id_keeps_both() {
        let base = log(&[activity(1, "2026-01-05", 10, "Ethics")]);
        let ours = log(&[
            activity(1, "2026-01-05", 10, "Ethics"),
            activity(2, "2026-03-01", 15, "Lab safety (laptop)"),
        ]);
        let theirs = log(&[
            activity(1, "2026-01-05", 10, "Ethics"),
            activity(2, "2026-02-01", 20, "Hematology (desktop)"),
        ]);
        let merged = merge_ce(Some(&base), &ours, &theirs);
        assert_eq!(
            titles(&merged),
            [
                (1, "Ethics", 10),
                (3, "Hematology (desktop)", 20),
                (2, "Lab safety (laptop)", 15),
            ]
        );
        // And through the whole profile merge, named in the summary.
        let profile = |ce: &CeLog| Profile {
            ce: ce.clone(),
            ..Profile::default()
        };
        let whole = merge(&profile(&base), &profile(&ours), &profile(&theirs));
        assert_eq!(whole.profile.ce, merged);
        assert!(whole.conflicts.is_empty());
        assert!(
            whole
                .summary
                .taken
                .contains(&medtech::profile::merge::Item::Ce)
        );
    }

    #[test]
    fn an_edit_on_one_side_is_taken_a_removal_goes_and_an_edit_on_both_keeps_both() {
        let base = log(&[
            activity(1, "2026-01-05", 10, "Ethics"),
            activity(2, "2026-02-01", 20, "Hematology"),
            activity(3, "2026-03-01", 30, "Chemistry"),
        ]);
        // Ours removes 1 and edits 3; theirs edits 2 and 3.
        let ours = log(&[
            activity(2, "2026-02-01", 20, "Hematology"),
            activity(3, "2026-03-01", 35, "Chemistry"),
        ]);
        let theirs = log(&[
            activity(1, "2026-01-05", 10, "Ethics"),
            activity(2, "2026-02-01", 25, "Hematology"),
            activity(3, "2026-03-01", 40, "Chemistry"),
        ]);
        let merged = merge_ce(Some(&base), &ours, &theirs);
        assert_eq!(
            titles(&merged),
            [
                (2, "Hematology", 25),
                (3, "Chemistry", 35),
                (4, "Chemistry", 40),
            ]
        );
    }

    #[test]
    fn with_no_common_version_every_activity_of_both_is_kept_once() {
        let ours = log(&[activity(1, "2026-01-05", 10, "Ethics")]);
        let theirs = log(&[
            activity(1, "2026-01-05", 10, "Ethics"),
            activity(2, "2026-02-01", 20, "Hematology"),
        ]);
        assert_eq!(
            titles(&merge_ce(None, &ours, &theirs)),
            [(1, "Ethics", 10), (2, "Hematology", 20)]
        );
        let profile = |ce: &CeLog| Profile {
            ce: ce.clone(),
            ..Profile::default()
        };
        let whole = merge_without_base(&profile(&ours), &profile(&theirs));
        assert_eq!(whole.profile.ce.activities.len(), 2);
    }
}
