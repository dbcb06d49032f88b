//! Two computers, one plan: a three-way merge of profiles.
//!
//! `base` is the profile as this copy last read or wrote it, `ours` what it
//! holds now, `theirs` what another program (a sync tool bringing the other
//! computer's file) put on disk since. Each item is merged on its own: a
//! step's status with its date, a step's note, each background field, the
//! goal and the state. What changed on one side only is taken; what changed
//! the same way on both sides is taken once; what changed differently on
//! both sides is a conflict: the side whose history names the item on the
//! later day wins (this computer on a tie), and the other is kept (a note's
//! text is kept in the note itself, anything else in the conflict list, and
//! the history keeps both sides' entries). History entries are unioned.
//! Step ids neither side knows are kept as they are.
//!
//! Pure: no files, no clock.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Background, Change, Entry, Event, HISTORY_LIMIT, PartialDate, Profile, Status, StepRecord,
};
use crate::content::Date;

/// Where an item came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// This computer (the copy that merges).
    Ours,
    /// The file on disk, from another computer or program.
    Theirs,
}

/// One item of a profile, as the merge sees it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// A step's status and the date it was done (they change together).
    Status(String),
    /// A step's note.
    Note(String),
    /// One field of the background, by its name in the file.
    Background(&'static str),
    Goal,
    State,
    /// The programs considered and the choice (version 3).
    Shortlist,
    /// The continuing-education log (version 3).
    Ce,
    /// The study plan and practice tests (version 3).
    Study,
}

impl Item {
    /// The step the item belongs to, if it is a step's.
    pub fn step(&self) -> Option<&str> {
        match self {
            Item::Status(id) | Item::Note(id) => Some(id),
            _ => None,
        }
    }
}

/// An item changed differently on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub item: Item,
    /// The side whose value is in the merged profile.
    pub kept: Side,
    /// The kept value and the other one, in words ("done 2026-12-01").
    pub kept_value: String,
    pub other_value: String,
    /// The changes from the other value to the kept one, as they are in
    /// the merged profile: undoing them switches to the other value. Empty
    /// for a note, which keeps both texts.
    pub switch: Vec<Change>,
}

/// What came from the other side, item by item (conflicts it won included).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Items whose merged value is theirs, where ours was different.
    pub taken: Vec<Item>,
    /// History entries only they had.
    pub history_added: usize,
}

impl Summary {
    /// Nothing came from the other side.
    pub fn is_empty(&self) -> bool {
        self.taken.is_empty() && self.history_added == 0
    }

    /// The steps something came in for, each once, in order.
    pub fn steps(&self) -> Vec<&str> {
        let steps: BTreeSet<&str> = self.taken.iter().filter_map(Item::step).collect();
        steps.into_iter().collect()
    }

    /// "2 steps and your background changed on another computer."
    pub fn describe(&self, conflicts: &[Conflict]) -> String {
        let mut parts = Vec::new();
        let steps = self.steps().len();
        match steps {
            0 => {}
            1 => parts.push("1 step".to_owned()),
            n => parts.push(format!("{n} steps")),
        }
        if self.taken.iter().any(|i| matches!(i, Item::Background(_))) {
            parts.push("your background".to_owned());
        }
        if self.taken.contains(&Item::Goal) {
            parts.push("your goal".to_owned());
        }
        if self.taken.contains(&Item::State) {
            parts.push("your state".to_owned());
        }
        if self.taken.contains(&Item::Shortlist) {
            parts.push("your programs".to_owned());
        }
        if self.taken.contains(&Item::Ce) {
            parts.push("your CE log".to_owned());
        }
        if self.taken.contains(&Item::Study) {
            parts.push("your study plan".to_owned());
        }
        let mut out = match parts.len() {
            0 if self.history_added == 0 => "Nothing changed on another computer".to_owned(),
            0 => "The history changed on another computer".to_owned(),
            1 => format!("{} changed on another computer", parts[0]),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!(
                    "{} and {last} changed on another computer",
                    parts.join(", ")
                )
            }
        };
        out.push('.');
        match conflicts.len() {
            0 => {}
            1 => out.push_str(
                " 1 was changed on both: the newer kept, the other in its note or the history.",
            ),
            n => {
                use std::fmt::Write as _;
                let _ = write!(
                    out,
                    " {n} were changed on both: the newer kept, the other in its note or the history."
                );
            }
        }
        out
    }
}

/// The merged profile, its conflicts and what came from the other side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub profile: Profile,
    pub conflicts: Vec<Conflict>,
    pub summary: Summary,
}

/// The line that starts the other side's text in a note both sides changed.
pub const NOTE_SEPARATOR_OURS: &str = "[Also written for this step, on this computer:]";
pub const NOTE_SEPARATOR_THEIRS: &str = "[Also written for this step, on another computer:]";

/// Merges the changes of `ours` and `theirs` since `base`.
pub fn merge(base: &Profile, ours: &Profile, theirs: &Profile) -> Merged {
    merge_from(Some(base), ours, theirs)
}

/// Merges two profiles with no known common version (a sync tool's
/// conflict copy, `medtech merge FILE`): an item that differs was changed
/// by the side whose history names it; if both or neither do, a side that
/// holds nothing for it (no record, no answer) adds nothing, and otherwise
/// it is a conflict.
pub fn merge_without_base(ours: &Profile, theirs: &Profile) -> Merged {
    merge_from(None, ours, theirs)
}

fn merge_from(base: Option<&Profile>, ours: &Profile, theirs: &Profile) -> Merged {
    let mut merger = Merger {
        ours,
        theirs,
        conflicts: Vec::new(),
        taken: Vec::new(),
    };
    let mut profile = ours.clone();
    profile.version = super::CURRENT_VERSION;

    let m = &mut merger;
    profile.goal = m.pick(
        Item::Goal,
        base.map(|b| &b.goal),
        &ours.goal,
        &theirs.goal,
        |g| format!("{g:?}"),
    );
    profile.state = m.pick(
        Item::State,
        base.map(|b| &b.state),
        &ours.state,
        &theirs.state,
        |s| s.clone().unwrap_or_else(|| "no state".to_owned()),
    );
    profile.background = m.background(base.map(|b| &b.background));
    profile.shortlist = m.pick(
        Item::Shortlist,
        base.map(|b| &b.shortlist),
        &ours.shortlist,
        &theirs.shortlist,
        |s| format!("{} programs", s.programs.len()),
    );
    profile.ce = m.pick(
        Item::Ce,
        base.map(|b| &b.ce),
        &ours.ce,
        &theirs.ce,
        |c| format!("{} activities", c.activities.len()),
    );
    profile.study = m.pick(
        Item::Study,
        base.map(|b| &b.study),
        &ours.study,
        &theirs.study,
        |s| format!("{} practice tests", s.practice.len()),
    );

    let ids: BTreeSet<&String> = ours.steps.keys().chain(theirs.steps.keys()).collect();
    let blank = StepRecord::default();
    let mut steps = BTreeMap::new();
    for id in ids {
        let was = base.map(|b| b.steps.get(id).unwrap_or(&blank));
        let mine = ours.steps.get(id).unwrap_or(&blank);
        let other = theirs.steps.get(id).unwrap_or(&blank);
        let (status, date) = m.pick(
            Item::Status(id.clone()),
            was.map(|r| (r.status, r.date)).as_ref(),
            &(mine.status, mine.date),
            &(other.status, other.date),
            |(s, d): &(Status, Option<PartialDate>)| match d {
                Some(d) => format!("{} {d}", s.word()),
                None => s.word().to_owned(),
            },
        );
        let note = m.note(id, was.map(|r| &r.note), &mine.note, &other.note);
        let record = StepRecord { status, date, note };
        if !record.is_blank() {
            steps.insert(id.clone(), record);
        }
    }
    profile.steps = steps;
    // Only the side that is not ours brings anything in: resume is where
    // this copy is, and stays.
    let (history, added) = union(&ours.history, &theirs.history);
    profile.history = history;
    for conflict in &mut merger.conflicts {
        let other = match conflict.kept {
            Side::Ours => theirs,
            Side::Theirs => ours,
        };
        conflict.switch = switch(&conflict.item, other, &profile);
    }
    Merged {
        profile,
        conflicts: merger.conflicts,
        summary: Summary {
            taken: merger.taken,
            history_added: added,
        },
    }
}

struct Merger<'a> {
    ours: &'a Profile,
    theirs: &'a Profile,
    conflicts: Vec<Conflict>,
    taken: Vec<Item>,
}

impl Merger<'_> {
    /// The three-way choice for one item.
    fn pick<T: PartialEq + Clone + Default>(
        &mut self,
        item: Item,
        base: Option<&T>,
        ours: &T,
        theirs: &T,
        words: impl Fn(&T) -> String,
    ) -> T {
        if ours == theirs {
            return ours.clone();
        }
        let (ours_day, theirs_day) = (
            self.last_day(&item, Side::Ours),
            self.last_day(&item, Side::Theirs),
        );
        let changed = match base {
            Some(base) if base == ours => Some(Side::Theirs),
            Some(base) if base == theirs => Some(Side::Ours),
            Some(_) => None,
            // No base: the side whose history names the item changed it;
            // if both or neither do, a side that holds nothing adds nothing.
            None => match (ours_day, theirs_day) {
                (Some(_), None) => Some(Side::Ours),
                (None, Some(_)) => Some(Side::Theirs),
                _ if *ours == T::default() => Some(Side::Theirs),
                _ if *theirs == T::default() => Some(Side::Ours),
                _ => None,
            },
        };
        let side = if let Some(side) = changed {
            side
        } else {
            let kept = if theirs_day > ours_day {
                Side::Theirs
            } else {
                Side::Ours
            };
            let (k, o) = match kept {
                Side::Ours => (ours, theirs),
                Side::Theirs => (theirs, ours),
            };
            self.conflicts.push(Conflict {
                item: item.clone(),
                kept,
                kept_value: words(k),
                other_value: words(o),
                switch: Vec::new(),
            });
            kept
        };
        match side {
            Side::Ours => ours.clone(),
            Side::Theirs => {
                self.taken.push(item);
                theirs.clone()
            }
        }
    }

    /// A note changed differently on both sides keeps both texts: the
    /// newer first, the other after a line that says where it came from.
    fn note(&mut self, id: &str, base: Option<&String>, ours: &String, theirs: &String) -> String {
        let before = self.conflicts.len();
        let picked = self.pick(Item::Note(id.to_owned()), base, ours, theirs, |n| {
            crate::text::truncate(n, 40)
        });
        if self.conflicts.len() == before {
            return picked;
        }
        let Some(conflict) = self.conflicts.last() else {
            return picked;
        };
        let (kept, other, label) = match conflict.kept {
            Side::Ours => (ours, theirs, NOTE_SEPARATOR_THEIRS),
            Side::Theirs => (theirs, ours, NOTE_SEPARATOR_OURS),
        };
        if other.is_empty() || kept.contains(other.as_str()) {
            return kept.clone();
        }
        if kept.is_empty() {
            return other.clone();
        }
        format!("{kept}\n\n{label}\n{other}")
    }

    /// Each field of the background on its own.
    fn background(&mut self, base: Option<&Background>) -> Background {
        let (o, t) = (&self.ours.background, &self.theirs.background);
        macro_rules! field {
            ($name:ident) => {
                self.pick(
                    Item::Background(stringify!($name)),
                    base.map(|b| &b.$name),
                    &o.$name,
                    &t.$name,
                    |v| format!("{v:?}"),
                )
            };
        }
        Background {
            education: field!(education),
            field: field!(field),
            semester_hours: field!(semester_hours),
            chemistry_hours: field!(chemistry_hours),
            biology_hours: field!(biology_hours),
            organic_or_biochemistry_hours: field!(organic_or_biochemistry_hours),
            microbiology_hours: field!(microbiology_hours),
            programs: field!(programs),
            military_course: field!(military_course),
            experience: field!(experience),
            credentials: field!(credentials),
            certifier: field!(certifier),
            educated_abroad: field!(educated_abroad),
        }
    }

    /// The last day a side's history names the item.
    fn last_day(&self, item: &Item, side: Side) -> Option<Date> {
        let profile = match side {
            Side::Ours => self.ours,
            Side::Theirs => self.theirs,
        };
        profile
            .history
            .iter()
            .filter(|e| names(&e.event, item))
            .map(|e| e.on)
            .max()
    }
}

/// The changes that take `item` from its value in `other` to its value
/// in `merged`.
fn switch(item: &Item, other: &Profile, merged: &Profile) -> Vec<Change> {
    let mut changes = match item {
        Item::Status(id) => {
            let was = |p: &Profile| p.steps.get(id).map(|r| (r.status, r.date));
            let (from, from_date) = was(other).unwrap_or_default();
            let (to, to_date) = was(merged).unwrap_or_default();
            vec![
                Change::Status {
                    step: id.clone(),
                    from,
                    to,
                },
                Change::Date {
                    step: id.clone(),
                    from: from_date,
                    to: to_date,
                },
            ]
        }
        // Both texts are in the note already.
        Item::Note(_) => Vec::new(),
        Item::Background(field) => {
            let mut from = merged.background.clone();
            set_field(&mut from, &other.background, field);
            vec![Change::Background {
                from: Box::new(from),
                to: Box::new(merged.background.clone()),
            }]
        }
        Item::Goal => vec![Change::Goal {
            from: other.goal,
            to: merged.goal,
        }],
        Item::State => vec![Change::State {
            from: other.state.clone(),
            to: merged.state.clone(),
        }],
        Item::Shortlist => vec![Change::Shortlist {
            from: Box::new(other.shortlist.clone()),
            to: Box::new(merged.shortlist.clone()),
        }],
        Item::Ce => vec![Change::Ce {
            from: Box::new(other.ce.clone()),
            to: Box::new(merged.ce.clone()),
        }],
        Item::Study => vec![Change::Study {
            from: Box::new(other.study.clone()),
            to: Box::new(merged.study.clone()),
        }],
    };
    changes.retain(|c| !c.is_noop());
    changes
}

/// Copies one background field, by its name, from `source`.
fn set_field(target: &mut Background, source: &Background, field: &str) {
    macro_rules! fields {
        ($($name:ident),*) => {
            match field {
                $(stringify!($name) => target.$name.clone_from(&source.$name),)*
                _ => {}
            }
        };
    }
    fields!(
        education,
        field,
        semester_hours,
        chemistry_hours,
        biology_hours,
        organic_or_biochemistry_hours,
        microbiology_hours,
        programs,
        military_course,
        experience,
        credentials,
        certifier,
        educated_abroad
    );
}

/// Whether a history event is about the item.
fn names(event: &Event, item: &Item) -> bool {
    match (event, item) {
        (Event::Status { step, .. } | Event::Date { step, .. }, Item::Status(id))
        | (Event::Note { step }, Item::Note(id)) => step == id,
        (Event::Background, Item::Background(_))
        | (Event::Goal(_), Item::Goal)
        | (Event::State(_), Item::State)
        | (Event::Shortlist, Item::Shortlist)
        | (Event::Ce, Item::Ce)
        | (Event::Study, Item::Study) => true,
        _ => false,
    }
}

/// Every entry of both histories, each as many times as the side that has
/// it most often, in date order (ours first within a day), the oldest
/// dropped past the limit. Also says how many came only from theirs.
fn union(ours: &[Entry], theirs: &[Entry]) -> (Vec<Entry>, usize) {
    let mut used = vec![false; ours.len()];
    let mut extra = Vec::new();
    for entry in theirs {
        let found = ours
            .iter()
            .enumerate()
            .position(|(i, e)| !used[i] && e == entry);
        match found {
            Some(i) => used[i] = true,
            None => extra.push(entry.clone()),
        }
    }
    let added = extra.len();
    let mut all: Vec<Entry> = ours.iter().cloned().chain(extra).collect();
    // Stable: within a day, ours stay before theirs, each in its order.
    all.sort_by_key(|e| e.on);
    if all.len() > HISTORY_LIMIT {
        let cut = all.len() - HISTORY_LIMIT;
        all.drain(..cut);
    }
    (all, added)
}
