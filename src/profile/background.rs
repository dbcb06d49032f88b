//! Who the user is, as far as eligibility goes: schooling, programs, military
//! training, lab experience and credentials. Every answer is optional: an
//! unanswered question makes a route "unknown", never "not met".
//!
//! The names here are part of the profile's file format, which people read
//! and edit by hand: keep them stable.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::PartialDate;
use crate::content::{Accreditor, Discipline, Program};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Background {
    /// The highest education finished.
    pub education: Option<Education>,
    /// The field of that education ("Biology").
    pub field: Option<String>,
    /// Semester hours of college credit in all.
    pub semester_hours: Option<u16>,
    pub chemistry_hours: Option<u16>,
    pub biology_hours: Option<u16>,
    /// Of which organic chemistry or biochemistry.
    pub organic_or_biochemistry_hours: Option<u16>,
    pub microbiology_hours: Option<u16>,
    /// Accredited MLT or MLS programs finished.
    pub programs: Vec<ProgramDone>,
    /// The US military medical laboratory course.
    pub military_course: Option<MilitaryCourse>,
    /// Full-time clinical laboratory experience, one entry per job.
    pub experience: Vec<Experience>,
    /// Credentials already held.
    pub credentials: Vec<HeldCredential>,
    /// The certifier the user prefers.
    pub certifier: Option<Preference>,
    /// Whether the education was earned outside the US and Canada (the
    /// international `ASCPi` routes).
    pub educated_abroad: Option<bool>,
    /// The lists the user said they have none of ("0" military weeks, no
    /// program, no credential), so an empty list there is "none" and not
    /// "not answered", whatever else is left blank. Left out of the file
    /// while empty (a version 2 file has no such field).
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub said_none: BTreeSet<Listed>,
}

/// A list of the background a user can answer with "none".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Listed {
    Programs,
    MilitaryCourse,
    Experience,
    Credentials,
}

impl Background {
    /// Nothing answered yet.
    pub fn is_empty(&self) -> bool {
        *self == Background::default()
    }

    /// Once the highest education is answered, an empty list (no programs,
    /// no experience, no credentials, no military course) means "none";
    /// before that it means "not answered yet".
    pub fn is_answered(&self) -> bool {
        self.education.is_some()
    }

    /// Whether the list is empty because the user has none: they said so
    /// (`said_none`), or answered the highest education. An entry in the list
    /// wins over a "none" beside it.
    pub fn has_none(&self, list: Listed) -> bool {
        self.is_empty_list(list) && (self.is_answered() || self.said_none.contains(&list))
    }

    fn is_empty_list(&self, list: Listed) -> bool {
        match list {
            Listed::Programs => self.programs.is_empty(),
            Listed::MilitaryCourse => self.military_course.is_none(),
            Listed::Experience => self.experience.is_empty(),
            Listed::Credentials => self.credentials.is_empty(),
        }
    }

    /// Records the user's answer for a list: `true` for "none", `false`
    /// for an entry or "not answered".
    pub fn say_none(&mut self, list: Listed, none: bool) {
        if none && self.is_empty_list(list) {
            self.said_none.insert(list);
        } else {
            self.said_none.remove(&list);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Education {
    HighSchool,
    SomeCollege,
    Associate,
    Bachelor,
}

impl Education {
    pub const ALL: [Education; 4] = [
        Education::HighSchool,
        Education::SomeCollege,
        Education::Associate,
        Education::Bachelor,
    ];

    pub fn words(self) -> &'static str {
        match self {
            Education::HighSchool => "high school",
            Education::SomeCollege => "some college",
            Education::Associate => "associate degree",
            Education::Bachelor => "bachelor's degree or higher",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramDone {
    pub kind: Program,
    pub accreditor: Accreditor,
    pub finished: PartialDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilitaryCourse {
    pub weeks: u16,
    pub finished: PartialDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    pub months: u16,
    /// When the job ended; `None` while it goes on.
    #[serde(default)]
    pub ended: Option<PartialDate>,
    #[serde(default)]
    pub areas: Vec<Discipline>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeldCredential {
    /// As the certifier writes it: "MLT(ASCP)".
    pub name: String,
    pub since: PartialDate,
}

impl HeldCredential {
    /// Whether this is the credential the certifier writes `name`, however
    /// it was typed: `MLT (ASCP)`, `ascp mlt` and `mlt(ascp)` are all
    /// MLT(ASCP).
    pub fn is(&self, name: &str) -> bool {
        credential_key(&self.name) == credential_key(name)
    }
}

/// A credential's name as its words, upper-case and sorted: the order,
/// case, spaces and brackets people type do not matter.
pub fn credential_key(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect();
    words.sort();
    words
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preference {
    Ascp,
    Amt,
    Aab,
    Undecided,
}
