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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen: Option<String>,
}

impl Shortlist {
    pub fn is_empty(&self) -> bool {
        *self == Shortlist::default()
    }

    /// The program called `name`, however its case or spaces were typed.
    pub fn find(&self, name: &str) -> Option<&Candidate> {
        self.programs.iter().find(|c| same_name(&c.name, name))
    }

    pub fn find_mut(&mut self, name: &str) -> Option<&mut Candidate> {
        self.programs.iter_mut().find(|c| same_name(&c.name, name))
    }

    /// The chosen program, when it is still on the list.
    pub fn chosen(&self) -> Option<&Candidate> {
        self.find(self.chosen.as_deref()?)
    }

    /// Takes a program off the list (and the choice, if it was chosen).
    /// Whether it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.programs.len();
        self.programs.retain(|c| !same_name(&c.name, name));
        if self.chosen.as_deref().is_some_and(|c| same_name(c, name)) {
            self.chosen = None;
        }
        self.programs.len() != before
    }
}

/// Names are the same program when they differ only in case and spaces at
/// the ends: "Columbus State" and "columbus state " are one entry.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// One program, with what its own pages say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Candidate {
    /// How the person calls it; unique within the shortlist.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<CandidateKind>,
    /// `None` is "not known yet".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accreditor: Option<CandidateAccreditor>,
    /// USPS code of the state it is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<u16>,
    /// The day the program starts (the term the person would begin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starts: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tuition: Option<Tuition>,
    /// ASCP BOC pass rate within a year of graduating, by graduation year.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub boc: BTreeMap<i16, Rate>,
    /// Graduation rate of students who began the final half, by year.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub graduation: BTreeMap<i16, Rate>,
    /// Placement rate (job or further study), by year.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub placement: BTreeMap<i16, Rate>,
    /// Whether the program guarantees a clinical placement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clinical_guaranteed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CandidateKind {
    MltAssociate,
    MlsBachelor,
    PostBaccalaureate,
    /// MLT to MLS.
    Bridge,
}

impl CandidateKind {
    pub const ALL: [CandidateKind; 4] = [
        CandidateKind::MltAssociate,
        CandidateKind::MlsBachelor,
        CandidateKind::PostBaccalaureate,
        CandidateKind::Bridge,
    ];

    /// `mlt`, `mls`, `post-bacc`, `bridge`: what the command line takes.
    pub fn key(self) -> &'static str {
        match self {
            CandidateKind::MltAssociate => "mlt",
            CandidateKind::MlsBachelor => "mls",
            CandidateKind::PostBaccalaureate => "post-bacc",
            CandidateKind::Bridge => "bridge",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            CandidateKind::MltAssociate => "MLT associate",
            CandidateKind::MlsBachelor => "MLS bachelor's",
            CandidateKind::PostBaccalaureate => "post-baccalaureate",
            CandidateKind::Bridge => "MLT-to-MLS bridge",
        }
    }

    /// Whether it leads to the MLS (else the MLT).
    pub fn is_mls(self) -> bool {
        self != CandidateKind::MltAssociate
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CandidateAccreditor {
    Naacls,
    Abhes,
    /// Accredited by some other agency.
    Other,
    NotAccredited,
}

impl CandidateAccreditor {
    pub const ALL: [CandidateAccreditor; 4] = [
        CandidateAccreditor::Naacls,
        CandidateAccreditor::Abhes,
        CandidateAccreditor::Other,
        CandidateAccreditor::NotAccredited,
    ];

    /// `naacls`, `abhes`, `other`, `none`: what the command line takes.
    pub fn key(self) -> &'static str {
        match self {
            CandidateAccreditor::Naacls => "naacls",
            CandidateAccreditor::Abhes => "abhes",
            CandidateAccreditor::Other => "other",
            CandidateAccreditor::NotAccredited => "none",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            CandidateAccreditor::Naacls => "NAACLS",
            CandidateAccreditor::Abhes => "ABHES",
            CandidateAccreditor::Other => "another agency",
            CandidateAccreditor::NotAccredited => "not accredited",
        }
    }
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
    /// `Counted(passed, took)`: the part and the whole (graduated of
    /// began, placed of responded).
    Counted(u32, u32),
    Percent(u8),
}

impl Rate {
    /// "12/15" or "80%".
    pub fn words(self) -> String {
        match self {
            Rate::Counted(part, whole) => format!("{part}/{whole}"),
            Rate::Percent(p) => format!("{p}%"),
        }
    }
}
