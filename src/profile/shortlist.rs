//! The programs the person is considering, as their pages describe them
//! ("Choosing a program"). Every field but the name is optional: a program
//! is added with what is known and filled in later.
//!
//! The names here are part of the profile's file format (version 3).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::Date;

/// The longest program name, in characters: what the program form takes
/// (`medtech program add` refuses a longer one, which could not be edited
/// there).
pub const NAME_MAX_CHARS: usize = 200;

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

/// One year's outcome as people type it: `2023=12/15` (the part, then the
/// whole) or `2023=80%`.
pub fn parse_year_rate(text: &str) -> Result<(i16, Rate), String> {
    let (year, value) = text
        .split_once('=')
        .ok_or_else(|| format!("\"{text}\": write YEAR=N/M (2023=12/15) or YEAR=P% (2023=80%)"))?;
    let year: i16 = year
        .trim()
        .parse()
        .ok()
        .filter(|y| (1950..=2100).contains(y))
        .ok_or_else(|| format!("\"{year}\" is not a year: write YEAR=N/M, such as 2023=12/15"))?;
    let value = value.trim();
    if let Some(percent) = value.strip_suffix('%') {
        let p: u8 = percent
            .trim()
            .parse()
            .ok()
            .filter(|p| *p <= 100)
            .ok_or_else(|| format!("\"{value}\" is not a percentage from 0% to 100%"))?;
        return Ok((year, Rate::Percent(p)));
    }
    let (part, whole) = value
        .split_once('/')
        .ok_or_else(|| format!("\"{value}\": write N/M (12/15) or a percentage (80%)"))?;
    let number = |n: &str| {
        n.trim()
            .parse::<u32>()
            .map_err(|_| format!("\"{n}\" is not a whole number in \"{value}\""))
    };
    let (part, whole) = (number(part)?, number(whole)?);
    if whole == 0 {
        return Err(format!(
            "\"{value}\": the second number (how many in all) cannot be 0; leave the year out"
        ));
    }
    if part > whole {
        return Err(format!(
            "\"{value}\": {part} is more than {whole}; write the part first, then the whole"
        ));
    }
    Ok((year, Rate::Counted(part, whole)))
}

/// Several years at once, separated by spaces or commas:
/// `2022=14/14 2023=15/15, 2024=80%`. Empty text is no years.
pub fn parse_rates(text: &str) -> Result<BTreeMap<i16, Rate>, String> {
    text.split([' ', ','])
        .filter(|part| !part.trim().is_empty())
        .map(parse_year_rate)
        .collect()
}

/// Years as they are typed back: `2022=14/14 2023=80%`.
pub fn rates_text(rates: &BTreeMap<i16, Rate>) -> String {
    rates
        .iter()
        .map(|(year, rate)| format!("{year}={}", rate.words()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_as_people_type_them() {
        assert_eq!(
            parse_year_rate("2023=12/15"),
            Ok((2023, Rate::Counted(12, 15)))
        );
        assert_eq!(
            parse_year_rate(" 2023 = 80% "),
            Ok((2023, Rate::Percent(80)))
        );
        assert!(
            parse_year_rate("2023=3/0")
                .expect_err("M=0")
                .contains("cannot be 0")
        );
        assert!(
            parse_year_rate("2023=16/15")
                .expect_err("N>M")
                .contains("16 is more than 15")
        );
        assert!(
            parse_year_rate("2023")
                .expect_err("no =")
                .contains("YEAR=N/M")
        );
        assert!(
            parse_year_rate("23x=1/2")
                .expect_err("year")
                .contains("not a year")
        );
        assert!(
            parse_year_rate("2023=120%")
                .expect_err("pct")
                .contains("0% to 100%")
        );
        assert!(
            parse_year_rate("2023=a/2")
                .expect_err("nan")
                .contains("whole number")
        );
        let many = parse_rates("2022=14/14 2023=15/15, 2024=80%").expect("three");
        assert_eq!(many.len(), 3);
        assert_eq!(rates_text(&many), "2022=14/14 2023=15/15 2024=80%");
        assert_eq!(parse_rates("  "), Ok(BTreeMap::new()));
    }
}
