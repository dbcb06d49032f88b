//! Studying for the exam: the date, the hours, the weeks done and the
//! practice tests ("The exam").
//!
//! The names here are part of the profile's file format (version 3).

use serde::{Deserialize, Serialize};

use crate::content::Date;

/// The study plan's settings and what the person logged against it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Study {
    /// The exam, by the credential it leads to ("MLT(ASCP)").
    pub exam: Option<String>,
    pub date: Option<Date>,
    /// The day the plan was set: its weeks run from then to the exam
    /// (`None`: from today).
    pub from: Option<Date>,
    pub hours_per_week: Option<u8>,
    /// The weeks ticked done, by the day each week starts.
    pub weeks_done: Vec<Date>,
    pub practice: Vec<Practice>,
}

impl Study {
    pub fn is_empty(&self) -> bool {
        *self == Study::default()
    }
}

/// One practice-test result for one content area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    pub date: Date,
    pub area: String,
    /// Percent correct.
    pub score: u8,
}
