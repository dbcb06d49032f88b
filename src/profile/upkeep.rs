//! Keeping a credential: the continuing-education log ("Keeping it").
//!
//! The names here are part of the profile's file format (version 3).

use serde::{Deserialize, Serialize};

use crate::content::Date;

/// Every continuing-education activity the person logged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CeLog {
    pub activities: Vec<Activity>,
}

impl CeLog {
    pub fn is_empty(&self) -> bool {
        *self == CeLog::default()
    }
}

/// One course, lecture or college class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Unique within the log; never reused.
    pub id: u32,
    pub date: Date,
    /// Contact hours (or CMP/CCP points, one per hour), in tenths: `15` is 1.5.
    pub tenths: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// The credentials and licenses it counts toward; empty is all of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts_for: Vec<String>,
}
