//! Two computers and the shortlist (issue 25): merged program by program,
//! keyed by name, with the choice as an item of its own.

use medtech::content::Date;
use medtech::profile::merge::{Item, Side, merge, merge_without_base};
use medtech::profile::{Candidate, CandidateAccreditor, Change, Profile, Shortlist};

fn day(s: &str) -> Date {
    s.parse().expect("a date")
}

fn program(name: &str) -> Candidate {
    Candidate {
        name: name.into(),
        ..Candidate::default()
    }
}

/// Sets the shortlist as the app and `medtech program` do: one change,
/// in the history.
fn set(profile: &mut Profile, to: Shortlist, on: &str) {
    let change = Change::Shortlist {
        from: Box::new(profile.shortlist.clone()),
        to: Box::new(to),
    };
    profile.apply(&change, day(on));
}

fn names(profile: &Profile) -> Vec<&str> {
    profile
        .shortlist
        .programs
        .iter()
        .map(|c| c.name.as_str())
        .collect()
}

#[test]
fn a_program_added_on_each_computer_keeps_both_and_the_choice_travels() {
    let mut base = Profile::default();
    set(
        &mut base,
        Shortlist {
            programs: vec![program("Columbus State MLT")],
            chosen: None,
        },
        "2026-12-01",
    );
    let mut laptop = base.clone();
    let mut desktop = base.clone();
    let mut with_miramar = laptop.shortlist.clone();
    with_miramar.programs.push(program("San Diego Miramar MLT"));
    set(&mut laptop, with_miramar, "2026-12-02");
    let mut chosen = desktop.shortlist.clone();
    chosen.programs.push(program("Lone Star Lab Academy"));
    chosen.chosen = Some("Columbus State MLT".into());
    set(&mut desktop, chosen, "2026-12-03");

    for merged in [
        merge(&base, &laptop, &desktop),
        merge_without_base(&laptop, &desktop),
    ] {
        assert_eq!(
            names(&merged.profile),
            [
                "Columbus State MLT",
                "San Diego Miramar MLT",
                "Lone Star Lab Academy"
            ]
        );
        assert_eq!(
            merged.profile.shortlist.chosen.as_deref(),
            Some("Columbus State MLT")
        );
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert!(
            merged
                .summary
                .taken
                .contains(&Item::Program("Lone Star Lab Academy".into()))
        );
        assert!(merged.summary.taken.contains(&Item::Choice));
    }
}

#[test]
fn a_program_edited_on_both_is_a_conflict_the_newer_kept_the_others_untouched() {
    let mut base = Profile::default();
    set(
        &mut base,
        Shortlist {
            programs: vec![program("Columbus State MLT"), program("Miramar")],
            chosen: None,
        },
        "2026-12-01",
    );
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let mut a = ours.shortlist.clone();
    a.programs[0].accreditor = Some(CandidateAccreditor::Naacls);
    set(&mut ours, a, "2026-12-02");
    let mut b = theirs.shortlist.clone();
    b.programs[0].accreditor = Some(CandidateAccreditor::NotAccredited);
    b.programs.retain(|c| c.name != "Miramar");
    set(&mut theirs, b, "2026-12-04");

    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.item, Item::Program("Columbus State MLT".into()));
    assert_eq!(conflict.kept, Side::Theirs, "the newer side");
    assert!(
        conflict.kept_value.contains("not accredited"),
        "{}",
        conflict.kept_value
    );
    // Removed on one side, untouched on the other: removed.
    assert_eq!(names(&merged.profile), ["Columbus State MLT"]);
    // Undoing the switch gives our version of the entry back.
    let mut switched = merged.profile.clone();
    for change in conflict.switch.iter().rev() {
        switched.apply(&change.inverse(), day("2026-12-05"));
    }
    assert_eq!(
        switched
            .shortlist
            .find("Columbus State MLT")
            .and_then(|c| c.accreditor),
        Some(CandidateAccreditor::Naacls)
    );
}

#[test]
fn a_choice_of_a_program_removed_elsewhere_is_dropped() {
    let mut base = Profile::default();
    set(
        &mut base,
        Shortlist {
            programs: vec![program("A"), program("B")],
            chosen: None,
        },
        "2026-12-01",
    );
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let mut a = ours.shortlist.clone();
    a.chosen = Some("B".into());
    set(&mut ours, a, "2026-12-02");
    let mut b = theirs.shortlist.clone();
    b.programs.retain(|c| c.name != "B");
    set(&mut theirs, b, "2026-12-02");
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(names(&merged.profile), ["A"]);
    assert_eq!(merged.profile.shortlist.chosen, None);
}
