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
    Activity, Background, Candidate, CeLog, Change, Entry, Event, HISTORY_LIMIT, PartialDate,
    Practice, Profile, Shortlist, Status, StepRecord, Study, same_name,
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
    /// One program of the shortlist, by its name (version 3).
    Program(String),
    /// Which program of the shortlist is chosen (version 3).
    Choice,
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
        if self
            .taken
            .iter()
            .any(|i| matches!(i, Item::Program(_) | Item::Choice))
        {
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
    profile.shortlist = m.shortlist(base.map(|b| &b.shortlist));
    profile.ce = merge_ce(base.map(|b| &b.ce), &ours.ce, &theirs.ce);
    if profile.ce != ours.ce {
        m.taken.push(Item::Ce);
    }
    profile.study = m.study(base.map(|b| &b.study));

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

    /// The shortlist entry by entry, keyed by name (a program added on
    /// each computer keeps both; one edited on both is a conflict, the
    /// newer kept), and the choice as an item of its own. A choice naming
    /// a program no longer listed is dropped.
    fn shortlist(&mut self, base: Option<&Shortlist>) -> Shortlist {
        let (o, t) = (&self.ours.shortlist, &self.theirs.shortlist);
        let mut names: Vec<&str> = Vec::new();
        for c in o.programs.iter().chain(&t.programs) {
            if !names.iter().any(|n| same_name(n, &c.name)) {
                names.push(&c.name);
            }
        }
        let mut programs = Vec::new();
        for name in names {
            let entry = |s: &Shortlist| s.find(name).cloned();
            let picked = self.pick(
                Item::Program(name.to_owned()),
                base.map(entry).as_ref(),
                &entry(o),
                &entry(t),
                |c: &Option<Candidate>| {
                    c.as_ref()
                        .map_or_else(|| "removed".to_owned(), candidate_words)
                },
            );
            programs.extend(picked);
        }
        let mut merged = Shortlist {
            programs,
            chosen: None,
        };
        let chosen = self.pick(
            Item::Choice,
            base.map(|b| &b.chosen),
            &o.chosen,
            &t.chosen,
            |c| c.clone().unwrap_or_else(|| "none chosen".to_owned()),
        );
        merged.chosen = chosen.filter(|c| merged.find(c).is_some());
        merged
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
            said_none: field!(said_none),
        }
    }

    /// The study section per entry: the settings (exam, date, start,
    /// hours) as one item; the weeks ticked done as a set (a week ticked on
    /// either side stays ticked, unless one side unticked it since the
    /// base); practice results keyed by day and area, each merged on its
    /// own (changed on both sides: the side whose history names the study
    /// plan later wins, this computer on a tie).
    fn study(&mut self, base: Option<&Study>) -> Study {
        let (o, t) = (&self.ours.study, &self.theirs.study);
        let settings = |s: &Study| (s.exam.clone(), s.date, s.from, s.hours_per_week);
        let taken_before = self.taken.len();
        let (exam, date, from, hours_per_week) = self.pick(
            Item::Study,
            base.map(settings).as_ref(),
            &settings(o),
            &settings(t),
            |(exam, date, _, hours)| {
                format!(
                    "{} on {}, {} hours a week",
                    exam.as_deref().unwrap_or("no exam"),
                    date.map_or_else(|| "no date".to_owned(), |d| d.to_string()),
                    hours.unwrap_or(0)
                )
            },
        );
        self.taken.truncate(taken_before);
        let weeks: BTreeSet<Date> = o.weeks_done.iter().chain(&t.weeks_done).copied().collect();
        let weeks_done = weeks
            .into_iter()
            .filter(|w| {
                let (mine, other) = (o.weeks_done.contains(w), t.weeks_done.contains(w));
                match base {
                    Some(b) if b.weeks_done.contains(w) => mine && other,
                    _ => mine || other,
                }
            })
            .collect();
        let key = |p: &Practice| (p.date, p.area.to_lowercase());
        let keys: BTreeSet<(Date, String)> =
            o.practice.iter().chain(&t.practice).map(key).collect();
        let find =
            |list: &[Practice], k: &(Date, String)| list.iter().find(|p| key(p) == *k).cloned();
        let theirs_newer =
            self.last_day(&Item::Study, Side::Theirs) > self.last_day(&Item::Study, Side::Ours);
        let practice = keys
            .iter()
            .filter_map(|k| {
                let (mine, other) = (find(&o.practice, k), find(&t.practice, k));
                let was = base.map(|b| find(&b.practice, k));
                match was {
                    _ if mine == other => mine,
                    Some(was) if was == mine => other,
                    Some(was) if was == other => mine,
                    // No base: an entry only one side has was added there.
                    None if mine.is_none() || other.is_none() => mine.or(other),
                    _ if theirs_newer => other,
                    _ => mine,
                }
            })
            .collect();
        let merged = Study {
            exam,
            date,
            from,
            hours_per_week,
            weeks_done,
            practice,
        };
        if merged != *o {
            self.taken.push(Item::Study);
        }
        merged
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

/// A program in a few words, for a conflict line.
fn candidate_words(c: &Candidate) -> String {
    let mut words = vec![c.name.clone()];
    if let Some(a) = c.accreditor {
        words.push(a.words().to_owned());
    }
    if let Some(m) = c.months {
        words.push(format!("{m} months"));
    }
    if let Some(d) = c.deadline {
        words.push(format!("apply by {d}"));
    }
    words.join(", ")
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
        Item::Program(name) => {
            // The merged list with the other side's version of this entry.
            let mut from = merged.shortlist.clone();
            match (from.find_mut(name), other.shortlist.find(name)) {
                (Some(entry), Some(theirs)) => *entry = theirs.clone(),
                (Some(_), None) => {
                    from.programs.retain(|c| !same_name(&c.name, name));
                }
                (None, Some(theirs)) => from.programs.push(theirs.clone()),
                (None, None) => {}
            }
            vec![Change::Shortlist {
                from: Box::new(from),
                to: Box::new(merged.shortlist.clone()),
            }]
        }
        Item::Choice => vec![Change::Shortlist {
            from: Box::new(Shortlist {
                chosen: other.shortlist.chosen.clone(),
                ..merged.shortlist.clone()
            }),
            to: Box::new(merged.shortlist.clone()),
        }],
        Item::Ce => vec![Change::Ce {
            from: Box::new(other.ce.clone()),
            to: Box::new(merged.ce.clone()),
        }],
        // A conflict of the study plan is one of its settings: switching
        // takes the other side's settings and keeps the merged weeks and
        // practice tests.
        Item::Study => {
            let from = Study {
                exam: other.study.exam.clone(),
                date: other.study.date,
                from: other.study.from,
                hours_per_week: other.study.hours_per_week,
                ..merged.study.clone()
            };
            vec![Change::Study {
                from: Box::new(from),
                to: Box::new(merged.study.clone()),
            }]
        }
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
        educated_abroad,
        said_none
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
        | (Event::Shortlist, Item::Program(_) | Item::Choice)
        | (Event::Ce, Item::Ce)
        | (Event::Study, Item::Study) => true,
        _ => false,
    }
}

/// The CE log entry by entry, keyed by id: an activity added on either
/// computer is kept; one removed on a side where the other left it as it
/// was goes; one edited on one side takes the edit; one edited on both, or
/// an activity each computer added under the same id, keeps both, theirs
/// under a new id. With no common version nothing is known to be removed:
/// every activity of both sides is kept (the same one once).
pub fn merge_ce(base: Option<&CeLog>, ours: &CeLog, theirs: &CeLog) -> CeLog {
    let find = |log: &CeLog, id: u32| log.activities.iter().find(|a| a.id == id).cloned();
    let mut kept: Vec<Activity> = Vec::new();
    let mut renumber: Vec<Activity> = Vec::new();
    for mine in &ours.activities {
        let was = base.and_then(|b| find(b, mine.id));
        match (find(theirs, mine.id), was) {
            (Some(other), _) if other == *mine => kept.push(mine.clone()),
            (Some(other), Some(was)) if was == *mine => kept.push(other),
            (Some(other), Some(was)) if was == other => kept.push(mine.clone()),
            (Some(other), _) => {
                // Both changed it, or both added one under this id.
                kept.push(mine.clone());
                renumber.push(other);
            }
            // Removed there, left as it was here: it goes.
            (None, Some(was)) if was == *mine => {}
            (None, _) => kept.push(mine.clone()),
        }
    }
    for other in &theirs.activities {
        if ours.activities.iter().any(|a| a.id == other.id) {
            continue;
        }
        match base.and_then(|b| find(b, other.id)) {
            // Removed here, left as it was there: it goes.
            Some(was) if was == *other => {}
            _ => kept.push(other.clone()),
        }
    }
    let mut next = kept
        .iter()
        .chain(&ours.activities)
        .chain(&theirs.activities)
        .map(|a| a.id)
        .max()
        .unwrap_or(0);
    for mut other in renumber {
        if kept.iter().any(|a| {
            Activity {
                id: a.id,
                ..other.clone()
            } == *a
        }) {
            continue;
        }
        next += 1;
        other.id = next;
        kept.push(other);
    }
    kept.sort_by_key(|a| (a.date, a.id));
    CeLog { activities: kept }
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

#[cfg(test)]
mod study_tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn practice(date: &str, area: &str, score: u8) -> Practice {
        Practice {
            date: d(date),
            area: area.into(),
            score,
        }
    }

    fn with(study: Study) -> Profile {
        Profile {
            study,
            ..Profile::default()
        }
    }

    #[test]
    fn the_study_plan_merges_per_week_and_per_practice_test() {
        let plan = Study {
            exam: Some("MLT(ASCP)".into()),
            date: Some(d("2027-02-16")),
            from: Some(d("2026-12-08")),
            hours_per_week: Some(8),
            weeks_done: vec![d("2026-12-08"), d("2026-12-15")],
            practice: vec![practice("2026-12-08", "Chemistry", 60)],
        };
        let base = with(plan.clone());
        // This computer: unticks 12-15, ticks 12-22, logs blood banking.
        let mut ours = plan.clone();
        ours.weeks_done = vec![d("2026-12-08"), d("2026-12-22")];
        ours.practice
            .push(practice("2026-12-20", "Blood banking", 48));
        // The other: ticks 12-29, logs hematology, changes the hours.
        let mut theirs = plan.clone();
        theirs.weeks_done.push(d("2026-12-29"));
        theirs
            .practice
            .push(practice("2026-12-21", "Hematology", 85));
        theirs.hours_per_week = Some(10);
        let merged = merge(&base, &with(ours), &with(theirs));
        let study = &merged.profile.study;
        assert_eq!(
            study.weeks_done,
            vec![d("2026-12-08"), d("2026-12-22"), d("2026-12-29")],
            "12-15 was unticked here since the base, so it stays unticked"
        );
        let areas: Vec<&str> = study.practice.iter().map(|p| p.area.as_str()).collect();
        assert_eq!(areas, ["Chemistry", "Blood banking", "Hematology"]);
        assert_eq!(
            study.hours_per_week,
            Some(10),
            "the settings changed on one side only"
        );
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert!(merged.summary.taken.contains(&Item::Study));
    }

    #[test]
    fn without_a_base_both_sides_ticks_and_tests_are_kept() {
        let mut ours = Study::default().with_week(d("2026-12-08"), true);
        ours.practice.push(practice("2026-12-08", "Chemistry", 60));
        let mut theirs = Study::default().with_week(d("2026-12-15"), true);
        theirs
            .practice
            .push(practice("2026-12-09", "Chemistry", 70));
        let merged = merge_without_base(&with(ours), &with(theirs));
        assert_eq!(merged.profile.study.weeks_done.len(), 2);
        assert_eq!(merged.profile.study.practice.len(), 2);
    }
}
