//! What the user has done: the saved model. The file format is versioned;
//! `version` comes first so a reader can refuse a file it does not understand
//! before trying to read the rest.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::{Area, Date, Goal};

/// The version this build writes. Older versions are migrated on load.
pub const CURRENT_VERSION: u32 = 1;

/// The whole saved profile.
/// Unknown fields are refused, not dropped: a mistyped field name in a hand
/// edit must not silently lose what it held. A new field therefore means a
/// new `version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Always first in the file.
    pub version: u32,
    pub goal: Goal,
    /// USPS code of the user's state, DC or territory.
    #[serde(default)]
    pub state: Option<String>,
    /// Status of every step the user has touched, by step id. Ids the current
    /// content does not know are kept and written back unchanged.
    #[serde(default)]
    pub steps: BTreeMap<String, StepRecord>,
    /// Where to resume.
    #[serde(default)]
    pub position: Position,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            version: CURRENT_VERSION,
            goal: Goal::default(),
            state: None,
            steps: BTreeMap::new(),
            position: Position::default(),
        }
    }
}

/// A step's status and when it was set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRecord {
    pub status: Status,
    /// The day the status was set (for `Done`, the day it was completed).
    pub date: Date,
}

/// What the user has said about a step. A step with no record is to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Done,
}

/// The screens, as saved in the profile to resume on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Screen {
    #[default]
    Dashboard,
    Education,
    Certification,
    Licensing,
}

impl Screen {
    pub const ALL: [Screen; 4] = [
        Screen::Dashboard,
        Screen::Education,
        Screen::Certification,
        Screen::Licensing,
    ];

    pub fn area(self) -> Option<Area> {
        match self {
            Screen::Dashboard => None,
            Screen::Education => Some(Area::Education),
            Screen::Certification => Some(Area::Certification),
            Screen::Licensing => Some(Area::Licensing),
        }
    }

    pub fn title(self) -> &'static str {
        match self.area() {
            None => "Dashboard",
            Some(area) => area.title(),
        }
    }

    /// The digit key that opens this screen.
    pub fn number(self) -> usize {
        match self {
            Screen::Dashboard => 1,
            Screen::Education => 2,
            Screen::Certification => 3,
            Screen::Licensing => 4,
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

/// The screen and, per checklist, the selected step id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub screen: Screen,
    #[serde(default)]
    pub selected: BTreeMap<Area, String>,
}

impl Profile {
    pub fn is_done(&self, step_id: &str) -> bool {
        self.steps
            .get(step_id)
            .is_some_and(|r| r.status == Status::Done)
    }

    /// The date a step was completed, if it is done.
    pub fn done_on(&self, step_id: &str) -> Option<Date> {
        self.steps
            .get(step_id)
            .filter(|r| r.status == Status::Done)
            .map(|r| r.date)
    }

    pub fn set_done(&mut self, step_id: &str, done: bool, today: Date) {
        if done {
            if !self.is_done(step_id) {
                self.steps.insert(
                    step_id.to_owned(),
                    StepRecord {
                        status: Status::Done,
                        date: today,
                    },
                );
            }
        } else {
            self.steps.remove(step_id);
        }
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
