//! What the user has done: the saved model. The file format is versioned;
//! `version` comes first so a reader can refuse a file it does not understand
//! before trying to read the rest. Older versions are frozen in their own
//! modules and migrated forward on load.

mod background;
mod change;
mod date;
pub mod merge;
mod shortlist;
mod study;
mod upkeep;
pub mod v1;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

pub use background::{
    Background, Education, Experience, HeldCredential, Listed, MilitaryCourse, Preference,
    ProgramDone, credential_key,
};
pub use change::{Change, Edit, Entry, Event, HISTORY_LIMIT, UndoStack};
pub use date::{DateError, PartialDate};
pub use shortlist::{
    Candidate, CandidateAccreditor, CandidateKind, Format, NAME_MAX_CHARS, Rate, Shortlist,
    Tuition, parse_rates, parse_year_rate, rates_text, same_name,
};
pub use study::{Practice, Study, week_spans};
pub use upkeep::{Activity, CeLog, Credit, parse_tenths, tenths_words};

use crate::content::{Area, Date, Goal};

/// The version this build writes. Older versions are migrated on load.
pub const CURRENT_VERSION: u32 = 3;

/// The whole saved profile (version 3).
///
/// Unknown fields are refused, not dropped: a mistyped field name in a hand
/// edit must not silently lose what it held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Always first in the file.
    pub version: u32,
    pub goal: Goal,
    /// USPS code of the user's state, DC or territory.
    #[serde(default)]
    pub state: Option<String>,
    /// The record of every step the user has touched, by step id. Ids the
    /// current content does not know are kept and written back unchanged.
    #[serde(default, deserialize_with = "unique_keys")]
    pub steps: BTreeMap<String, StepRecord>,
    /// Who the user is, for eligibility.
    #[serde(default)]
    pub background: Background,
    /// Every change, dated, oldest first (at most [`HISTORY_LIMIT`]).
    #[serde(default)]
    pub history: Vec<Entry>,
    /// Where to resume. Not progress: nothing here counts towards anything.
    #[serde(default)]
    pub resume: Resume,
    /// The programs the person is considering (new in version 3).
    #[serde(default, skip_serializing_if = "Shortlist::is_empty")]
    pub shortlist: Shortlist,
    /// The continuing-education log (new in version 3).
    #[serde(default, skip_serializing_if = "CeLog::is_empty")]
    pub ce: CeLog,
    /// The exam study plan and practice tests (new in version 3).
    #[serde(default, skip_serializing_if = "Study::is_empty")]
    pub study: Study,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            version: CURRENT_VERSION,
            goal: Goal::default(),
            state: None,
            steps: BTreeMap::new(),
            background: Background::default(),
            history: Vec::new(),
            resume: Resume::default(),
            shortlist: Shortlist::default(),
            ce: CeLog::default(),
            study: Study::default(),
        }
    }
}

/// What the user has said about one step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRecord {
    #[serde(default)]
    pub status: Status,
    /// When it was done, as precisely as the user knows (`Done` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The user's own words: a program's name, a deadline, a phone number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl StepRecord {
    fn is_blank(&self) -> bool {
        *self == StepRecord::default()
    }
}

/// Where a step stands. A step with no record is to do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Todo,
    InProgress,
    Done,
    /// Does not apply to this user; left out of the totals.
    NotApplicable,
    /// The user chose not to do it; left out of the totals.
    Skipped,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Todo,
        Status::InProgress,
        Status::Done,
        Status::NotApplicable,
        Status::Skipped,
    ];

    /// The checkbox, readable without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Todo => "[ ]",
            Status::InProgress => "[~]",
            Status::Done => "[x]",
            Status::NotApplicable => "[-]",
            Status::Skipped => "[/]",
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Status::Todo => "to do",
            Status::InProgress => "in progress",
            Status::Done => "done",
            Status::NotApplicable => "not applicable",
            Status::Skipped => "skipped",
        }
    }

    /// Left out of progress totals.
    pub fn is_excluded(self) -> bool {
        matches!(self, Status::NotApplicable | Status::Skipped)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// The screens, as saved in the profile to resume on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Screen {
    #[default]
    Dashboard,
    Education,
    Certification,
    Licensing,
    /// Keeping it: CE and renewals (new in version 3).
    Upkeep,
}

impl Screen {
    pub const ALL: [Screen; 5] = [
        Screen::Dashboard,
        Screen::Education,
        Screen::Certification,
        Screen::Licensing,
        Screen::Upkeep,
    ];

    pub fn area(self) -> Option<Area> {
        match self {
            Screen::Dashboard | Screen::Upkeep => None,
            Screen::Education => Some(Area::Education),
            Screen::Certification => Some(Area::Certification),
            Screen::Licensing => Some(Area::Licensing),
        }
    }

    pub fn of(area: Area) -> Screen {
        match area {
            Area::Education => Screen::Education,
            Area::Certification => Screen::Certification,
            Area::Licensing => Screen::Licensing,
        }
    }

    pub fn title(self) -> &'static str {
        match (self, self.area()) {
            (Screen::Upkeep, _) => "Upkeep",
            (_, None) => "Dashboard",
            (_, Some(area)) => area.title(),
        }
    }

    /// The title in a narrow terminal's tab row.
    pub fn short_title(self) -> &'static str {
        match self {
            Screen::Education => "Edu",
            Screen::Certification => "Cert",
            other => other.title(),
        }
    }

    /// The digit key that opens this screen.
    pub fn number(self) -> usize {
        match self {
            Screen::Dashboard => 1,
            Screen::Education => 2,
            Screen::Certification => 3,
            Screen::Licensing => 4,
            Screen::Upkeep => 5,
        }
    }

    #[must_use]
    pub fn next(self) -> Screen {
        Screen::ALL[self.number() % Screen::ALL.len()]
    }

    #[must_use]
    pub fn prev(self) -> Screen {
        Screen::ALL[(self.number() + Screen::ALL.len() - 2) % Screen::ALL.len()]
    }
}

/// Where to resume: the screen and, per checklist, the selected step id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resume {
    pub screen: Screen,
    #[serde(default)]
    pub selected: BTreeMap<Area, String>,
}

impl Profile {
    /// Made by a command (`medtech program add`, `ce add`, `study set`)
    /// before the app ever opened it: no goal or state was ever chosen, so
    /// the app still greets with the welcome. The welcome records its goal,
    /// so a skipped welcome is not shown again.
    pub fn never_greeted(&self) -> bool {
        self.state.is_none()
            && self.steps.is_empty()
            && self.background.is_empty()
            && !self.history.is_empty()
            && self
                .history
                .iter()
                .all(|e| matches!(e.event, Event::Shortlist | Event::Ce | Event::Study))
    }

    /// The status the user gave a step (to do when there is no record).
    pub fn status(&self, step_id: &str) -> Status {
        self.steps.get(step_id).map_or(Status::Todo, |r| r.status)
    }

    pub fn is_done(&self, step_id: &str) -> bool {
        self.status(step_id) == Status::Done
    }

    /// The date a step was done, if it is done.
    pub fn done_on(&self, step_id: &str) -> Option<PartialDate> {
        self.steps
            .get(step_id)
            .filter(|r| r.status == Status::Done)
            .and_then(|r| r.date)
    }

    pub fn note(&self, step_id: &str) -> &str {
        self.steps.get(step_id).map_or("", |r| r.note.as_str())
    }

    /// Marks a step done on `today` or back to do, without history; for
    /// tests and fixtures. The app goes through [`Profile::apply`].
    pub fn set_done(&mut self, step_id: &str, done: bool, today: Date) {
        let record = self.steps.entry(step_id.to_owned()).or_default();
        if done {
            if record.status != Status::Done {
                record.status = Status::Done;
                record.date = Some(PartialDate::Day(today));
            }
        } else {
            record.status = Status::Todo;
            record.date = None;
        }
        self.tidy(step_id);
    }

    /// Sets the new value of a change and logs it, dated `on`.
    pub fn apply(&mut self, change: &Change, on: Date) {
        match change {
            Change::Status { step, to, .. } => {
                self.steps.entry(step.clone()).or_default().status = *to;
                self.tidy(step);
            }
            Change::Date { step, to, .. } => {
                self.steps.entry(step.clone()).or_default().date = *to;
                self.tidy(step);
            }
            Change::Note { step, to, .. } => {
                self.steps
                    .entry(step.clone())
                    .or_default()
                    .note
                    .clone_from(to);
                self.tidy(step);
            }
            Change::Goal { to, .. } => self.goal = *to,
            Change::State { to, .. } => self.state.clone_from(to),
            Change::Background { to, .. } => self.background = (**to).clone(),
            Change::Shortlist { to, .. } => self.shortlist = (**to).clone(),
            Change::Ce { to, .. } => self.ce = (**to).clone(),
            Change::Study { to, .. } => self.study = (**to).clone(),
        }
        self.history.push(Entry {
            on,
            event: change.event(),
        });
        if self.history.len() > HISTORY_LIMIT {
            let extra = self.history.len() - HISTORY_LIMIT;
            self.history.drain(..extra);
        }
    }

    /// A record that says nothing is dropped, so the file lists only what the
    /// user has said.
    fn tidy(&mut self, step_id: &str) {
        if self.steps.get(step_id).is_some_and(StepRecord::is_blank) {
            self.steps.remove(step_id);
        }
    }

    /// The changes that give a step a new status. Done gets today's date
    /// unless it already has one; leaving done clears the date.
    pub fn status_changes(&self, step_id: &str, to: Status, today: Date) -> Vec<Change> {
        let from = self.status(step_id);
        let date = self.steps.get(step_id).and_then(|r| r.date);
        let mut changes = vec![Change::Status {
            step: step_id.to_owned(),
            from,
            to,
        }];
        let new_date = match to {
            Status::Done => date.or(Some(PartialDate::Day(today))),
            _ => None,
        };
        changes.push(Change::Date {
            step: step_id.to_owned(),
            from: date,
            to: new_date,
        });
        changes.retain(|c| !c.is_noop());
        changes
    }

    /// The profile as the RON text written to disk.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n")
            .struct_names(true);
        ron::ser::to_string_pretty(self, config).map(|mut s| {
            s.push('\n');
            s
        })
    }
}

/// Why profile text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not a profile this build can read, at this line and column.
    Damaged {
        line: usize,
        col: usize,
        message: String,
    },
    /// Written by a newer medtech.
    TooNew { found: u32 },
    /// An older version this build reads, holding something the current
    /// version cannot keep (a date it refuses): migrating would write a
    /// file this build could not read back.
    CannotMigrate { from: u32, message: String },
}

/// A profile read from text, and the version the text was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub profile: Profile,
    pub from_version: u32,
}

/// Reads profile text of any known version, migrating it to the current one.
/// A byte-order mark (some editors add one) is ignored.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let damaged = |e: ron::error::SpannedError| DecodeError::Damaged {
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Damaged {
            line: 1,
            col: 1,
            message: "the file is empty".to_owned(),
        });
    }
    let Some(version) = probe_version(text) else {
        {
            #[derive(Deserialize)]
            #[serde(rename = "Profile")]
            struct VersionProbe {
                #[allow(dead_code)]
                version: u32,
            }
            // Not even a version: let the parser say where it went wrong.
            return Err(
                ron::from_str::<VersionProbe>(text).map_or_else(damaged, |_| {
                    DecodeError::Damaged {
                        line: 1,
                        col: 1,
                        message: "no `version` field at the start of the file".to_owned(),
                    }
                }),
            );
        }
    };
    let profile = match version {
        CURRENT_VERSION => {
            let profile = ron::from_str::<Profile>(text).map_err(damaged)?;
            check_sections(&profile, text)?;
            profile
        }
        2 => v2_to_v3(ron::from_str::<Profile>(text).map_err(damaged)?)?,
        1 => ron::from_str::<v1::ProfileV1>(text)
            .map_err(damaged)?
            .migrate()
            .map_err(|message| DecodeError::CannotMigrate { from: 1, message })?,
        found if found > CURRENT_VERSION => return Err(DecodeError::TooNew { found }),
        found => {
            return Err(DecodeError::Damaged {
                line: 1,
                col: 1,
                message: format!("profile version {found} never existed"),
            });
        }
    };
    Ok(Decoded {
        profile,
        from_version: version,
    })
}

/// What the types cannot say of the version 3 sections, checked as a
/// step listed twice is: a hand edit that repeats a CE id or a program's
/// name, chooses a program that is not listed, or gives a score over 100
/// is refused with where, never half-used (`ce remove 1` could not say
/// which activity it meant).
fn check_sections(profile: &Profile, text: &str) -> Result<(), DecodeError> {
    let refuse = |needle: String, nth: usize, message: String| {
        let line = text
            .match_indices(&needle)
            .nth(nth)
            .map_or(1, |(at, _)| text[..at].matches('\n').count() + 1);
        Err(DecodeError::Damaged {
            line,
            col: 1,
            message,
        })
    };
    let activities = &profile.ce.activities;
    for (i, a) in activities.iter().enumerate() {
        if activities[..i].iter().any(|b| b.id == a.id) {
            return refuse(
                format!("id: {}", a.id),
                1,
                format!(
                    "the CE activity id {} is listed twice; give one of them a new id",
                    a.id
                ),
            );
        }
    }
    let programs = &profile.shortlist.programs;
    for (i, c) in programs.iter().enumerate() {
        if programs[..i].iter().any(|b| same_name(&b.name, &c.name)) {
            return refuse(
                format!("\"{}\"", c.name),
                0,
                format!(
                    "the program \"{}\" is listed twice (names are the same whatever the case); keep one",
                    c.name
                ),
            );
        }
        if c.months.is_some_and(|m| !(1..=120).contains(&m)) {
            return refuse(
                format!("\"{}\"", c.name),
                0,
                format!("the program \"{}\" runs 1 to 120 months", c.name),
            );
        }
    }
    if let Some(chosen) = &profile.shortlist.chosen
        && !programs.iter().any(|c| same_name(&c.name, chosen))
    {
        return refuse(
            "chosen:".to_owned(),
            0,
            format!("the chosen program \"{chosen}\" is not among the programs listed"),
        );
    }
    if let Some(p) = profile.study.practice.iter().find(|p| p.score > 100) {
        return refuse(
            format!("score: {}", p.score),
            0,
            format!("a practice score of {} is over 100", p.score),
        );
    }
    Ok(())
}

/// Version 3 only added sections (`shortlist`, `ce`, `study`), each empty
/// when left out, so a version 2 file reads as version 3 with those empty.
/// A file that says version 2 but holds one of them was edited by hand or
/// by a newer build's idea of version 2: refused, never half-read.
fn v2_to_v3(mut profile: Profile) -> Result<Profile, DecodeError> {
    let new = [
        ("shortlist", !profile.shortlist.is_empty()),
        ("ce", !profile.ce.is_empty()),
        ("study", !profile.study.is_empty()),
        ("screen: Upkeep", profile.resume.screen == Screen::Upkeep),
    ];
    if let Some((name, _)) = new.iter().find(|(_, present)| *present) {
        return Err(DecodeError::Damaged {
            line: 1,
            col: 1,
            message: format!(
                "`{name}` is new in profile version 3, but the file says version 2; change the version to 3"
            ),
        });
    }
    profile.version = CURRENT_VERSION;
    Ok(profile)
}

/// Whether the text starts the way every medtech profile does, with
/// `Profile(version: N` (comments and blank space allowed): damaged or not,
/// a file that does not was never written by medtech.
pub fn names_a_version(text: &str) -> bool {
    probe_version(text.strip_prefix('\u{FEFF}').unwrap_or(text)).is_some()
}

/// Finds `version: N` at the start of the text without parsing the rest, so
/// a file from a newer medtech, whose syntax this build may not know, is
/// recognised as newer rather than called damaged.
fn probe_version(text: &str) -> Option<u32> {
    let mut rest = skip_space_and_comments(text);
    // An optional struct name, then the opening parenthesis.
    if let Some(after) = rest.strip_prefix("Profile") {
        rest = skip_space_and_comments(after);
    }
    rest = skip_space_and_comments(rest.strip_prefix('(')?);
    rest = skip_space_and_comments(rest.strip_prefix("version")?);
    rest = skip_space_and_comments(rest.strip_prefix(':')?);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = &rest[digits.len()..];
    if !after.starts_with([',', ')', ' ', '\n', '\r', '\t', '/']) {
        return None;
    }
    digits.parse().ok()
}

fn skip_space_and_comments(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start();
        if let Some(comment) = trimmed.strip_prefix("//") {
            text = comment.find('\n').map_or("", |i| &comment[i..]);
        } else if let Some(comment) = trimmed.strip_prefix("/*") {
            text = comment.find("*/").map_or("", |i| &comment[i + 2..]);
        } else {
            return trimmed;
        }
    }
}

/// Reads the step map, refusing a step id given twice: a hand edit that
/// repeats a key would otherwise lose one of the two on the next save.
fn unique_keys<'de, D>(deserializer: D) -> Result<BTreeMap<String, StepRecord>, D::Error>
where
    D: Deserializer<'de>,
{
    struct Unique;
    impl<'de> serde::de::Visitor<'de> for Unique {
        type Value = BTreeMap<String, StepRecord>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map of step ids to records")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "the step \"{key}\" is listed twice; keep one of the two"
                    )));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Unique)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_found_without_reading_the_rest() {
        assert_eq!(
            probe_version("Profile(\n    version: 7,\n  new: ???"),
            Some(7)
        );
        assert_eq!(probe_version("// hi\n(version: 2)"), Some(2));
        assert_eq!(probe_version("Profile(goal: Mlt, version: 2)"), None);
        assert_eq!(probe_version("Profile(version: 2x)"), None);
    }

    #[test]
    fn a_newer_file_with_unknown_syntax_is_too_new_not_damaged() {
        let text = "Profile(version: 4, goal: Mlt, shiny: #{new syntax}#)";
        assert_eq!(decode(text), Err(DecodeError::TooNew { found: 4 }));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = "\u{FEFF}Profile(version: 3, goal: Mls)";
        let decoded = decode(text).expect("a BOM is not damage");
        assert_eq!(decoded.profile.goal, Goal::Mls);
    }

    #[test]
    fn a_step_listed_twice_is_damage_with_its_position() {
        let text = "Profile(version: 2, goal: Mlt, steps: {\n \"a\": (status: Done),\n \"a\": (status: Skipped),\n})";
        match decode(text) {
            Err(DecodeError::Damaged { line, message, .. }) => {
                assert_eq!(line, 3, "{message}");
                assert!(message.contains("listed twice"), "{message}");
            }
            other => panic!("expected damage, got {other:?}"),
        }
    }

    #[test]
    fn a_version_2_file_reads_as_version_3_with_the_new_sections_empty() {
        let decoded =
            decode("Profile(version: 2, goal: Mls, state: Some(\"CA\"))").expect("v2 reads");
        assert_eq!(decoded.from_version, 2);
        assert_eq!(decoded.profile.version, CURRENT_VERSION);
        assert_eq!(decoded.profile.state.as_deref(), Some("CA"));
        assert!(decoded.profile.shortlist.is_empty() && decoded.profile.ce.is_empty());
    }

    #[test]
    fn a_version_2_file_holding_a_version_3_section_is_refused_with_its_name() {
        let text = "Profile(version: 2, goal: Mlt, study: (hours_per_week: Some(8)))";
        match decode(text) {
            Err(DecodeError::Damaged { message, .. }) => {
                assert!(
                    message.contains("`study` is new in profile version 3"),
                    "{message}"
                );
            }
            other => panic!("expected damage, got {other:?}"),
        }
    }

    #[test]
    fn a_version_2_file_resuming_on_the_upkeep_screen_is_refused_with_its_name() {
        let text = "Profile(version: 2, goal: Mlt, resume: (screen: Upkeep))";
        match decode(text) {
            Err(DecodeError::Damaged { message, .. }) => {
                assert!(
                    message.contains("`screen: Upkeep` is new in profile version 3"),
                    "{message}"
                );
            }
            other => panic!("expected damage, got {other:?}"),
        }
        let v3 = "Profile(version: 3, goal: Mlt, resume: (screen: Upkeep))";
        assert_eq!(
            decode(v3).map(|d| d.profile.resume.screen),
            Ok(Screen::Upkeep)
        );
    }

    #[test]
    fn hand_edits_the_v3_sections_cannot_hold_are_refused_with_their_line() {
        let cases = [
            (
                "Profile(version: 3, goal: Mlt,\n ce: (activities: [\n (id: 1, date: \"2026-01-01\", tenths: 15, title: \"x\"),\n (id: 1, date: \"2026-02-01\", tenths: 10, title: \"y\"),\n]))",
                4,
                "the CE activity id 1 is listed twice",
            ),
            (
                "Profile(version: 3, goal: Mlt,\n shortlist: (programs: [(name: \"Valencia\"),\n (name: \"valencia \")]))",
                3,
                "the program \"valencia \" is listed twice",
            ),
            (
                "Profile(version: 3, goal: Mlt,\n shortlist: (programs: [(name: \"A\", months: Some(0))]))",
                2,
                "runs 1 to 120 months",
            ),
            (
                "Profile(version: 3, goal: Mlt,\n shortlist: (programs: [(name: \"A\")],\n chosen: Some(\"B\")))",
                3,
                "the chosen program \"B\" is not among the programs listed",
            ),
            (
                "Profile(version: 3, goal: Mlt,\n study: (practice: [(date: \"2026-01-01\", area: \"Chemistry\", score: 250)]))",
                2,
                "a practice score of 250 is over 100",
            ),
        ];
        for (text, want_line, want) in cases {
            match decode(text) {
                Err(DecodeError::Damaged { line, message, .. }) => {
                    assert!(message.contains(want), "{message}");
                    assert_eq!(line, want_line, "{message}");
                }
                other => panic!("expected damage for {want}, got {other:?}"),
            }
        }
        // The same sections, well formed, read.
        let fine = "Profile(version: 3, goal: Mlt, shortlist: (programs: [(name: \"A\", months: Some(24)), (name: \"B\")], chosen: Some(\"b\")))";
        assert!(decode(fine).is_ok());
    }

    #[test]
    fn history_is_bounded_and_dated() {
        let mut profile = Profile::default();
        let on: Date = "2026-11-25".parse().expect("date");
        for i in 0..(HISTORY_LIMIT + 5) {
            let change = Change::Note {
                step: "s".into(),
                from: String::new(),
                to: i.to_string(),
            };
            profile.apply(&change, on);
        }
        assert_eq!(profile.history.len(), HISTORY_LIMIT);
        assert_eq!(profile.note("s"), (HISTORY_LIMIT + 4).to_string());
        assert!(profile.history.iter().all(|e| e.on == on));
    }

    #[test]
    fn a_record_that_says_nothing_is_dropped() {
        let mut profile = Profile::default();
        let on: Date = "2026-11-25".parse().expect("date");
        let changes = profile.status_changes("x", Status::Done, on);
        for c in &changes {
            profile.apply(c, on);
        }
        assert_eq!(profile.done_on("x"), Some(PartialDate::Day(on)));
        for c in changes.iter().rev() {
            profile.apply(&c.inverse(), on);
        }
        assert!(profile.steps.is_empty(), "{:?}", profile.steps);
        assert_eq!(profile.history.len(), 4);
    }
}
