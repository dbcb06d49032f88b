//! The programs the person is considering, as their pages describe them
//! ("Choosing a program"). Every field but the name is optional: a program
//! is added with what is known and filled in later.
//!
//! The names here are part of the profile's file format (version 3).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::Date;

/// The shortlist and the choice made from it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Shortlist {
    pub programs: Vec<Candidate>,
    /// The name of the chosen program (one of `programs`).
    pub chosen: Option<String>,
}

impl Shortlist {
    pub fn is_empty(&self) -> bool {
        *self == Shortlist::default()
    }
}

/// One program, with what its own pages say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Candidate {
    /// How the person calls it; unique within the shortlist.
    pub name: String,
    pub kind: Option<CandidateKind>,
    /// `None` is "not known yet".
    pub accreditor: Option<CandidateAccreditor>,
    /// USPS code of the state it is in.
    pub state: Option<String>,
    pub format: Option<Format>,
    pub months: Option<u16>,
    pub tuition: Option<Tuition>,
    /// ASCP BOC pass rate within a year of graduating, by graduation year.
    pub boc: BTreeMap<i16, Rate>,
    /// Graduation rate of students who began the final half, by year.
    pub graduation: BTreeMap<i16, Rate>,
    /// Placement rate (job or further study), by year.
    pub placement: BTreeMap<i16, Rate>,
    /// Whether the program guarantees a clinical placement.
    pub clinical_guaranteed: Option<bool>,
    pub deadline: Option<Date>,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CandidateKind {
    MltAssociate,
    MlsBachelor,
    PostBaccalaureate,
    Bridge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CandidateAccreditor {
    Naacls,
    Abhes,
    Other,
    NotAccredited,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    OnCampus,
    /// Online classes with a clinical placement near home.
    Online,
}

/// Tuition in whole US dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tuition {
    Total(u32),
    PerCredit(u32),
}

/// An outcome for one year: raw numbers where the program publishes them,
/// else the percentage it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rate {
    /// `Counted(passed, took)`.
    Counted(u32, u32),
    Percent(u8),
}
