//! The types the guide's RON files are written in.
//!
//! Every file under `assets/` is one [`Part`]; the loader merges the parts in
//! path order (education, certification, licensing, states) into a [`Guide`].
//! Field names here are the words content maintainers type, so they are kept
//! plain and stable. Avoid `flatten`/`untagged`: ron supports them only partly.

use serde::{Deserialize, Serialize};

/// A date as written in the content files (`"2026-11-24"`).
pub type Date = jiff::civil::Date;

/// One content file. Every section is optional so a file holds only what it is about.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Part {
    pub sources: Vec<Source>,
    pub education: Vec<Step>,
    pub certification: Vec<Step>,
    pub licensing: Vec<Step>,
    /// The one step shown to a user whose state has no personal license.
    pub no_license_step: Option<Step>,
    pub states: Vec<StateRecord>,
    pub certifiers: Vec<Certifier>,
    pub credentials: Vec<Credential>,
    pub routes: Vec<Route>,
    pub career: Vec<Fact>,
}

/// Where a fact comes from. Cited by id from steps, facts, routes and states.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// What the page is called, in a few words.
    pub title: String,
    /// Who publishes it (e.g. "ASCP Board of Certification").
    pub publisher: String,
    pub url: String,
    pub tier: Tier,
    /// A date or edition the page itself shows, if any ("current through Sep 2024").
    #[serde(default)]
    pub dated: Option<String>,
    /// The day a maintainer last checked this guide's facts against the page.
    pub verified: Date,
}

/// How much weight a source carries, most to least.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// The body that sets the rule: ASCP, AMT, AAB, a state board or code, BLS, CMS.
    Official,
    /// A copy of an official text, or a college catalog.
    Copy,
    /// A guide, forum or article by someone else.
    ThirdParty,
}

/// Why a claim is not simply true: shown as a visible "verify" marker.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub enum Caveat {
    /// Not confirmed by an official source; the text says what is missing.
    Unverified(String),
    /// Sources disagree; the text says what differs.
    Conflict(String),
}

/// A sourced statement shown in a detail pane: a fee, an hour count, a deadline.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// A short label ("CE", "Renewal", "Fee").
    pub label: String,
    pub text: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
}

/// Which goal the user is working towards.
#[derive(
    Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
pub enum Goal {
    /// Medical Laboratory Technician: associate level.
    #[default]
    Mlt,
    /// Medical Laboratory Scientist: bachelor's level.
    Mls,
}

impl Goal {
    pub const ALL: [Goal; 2] = [Goal::Mlt, Goal::Mls];

    /// The goal `g` switches to.
    #[must_use]
    pub fn other(self) -> Goal {
        match self {
            Goal::Mlt => Goal::Mls,
            Goal::Mls => Goal::Mlt,
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Goal::Mlt => "MLT",
            Goal::Mls => "MLS",
        }
    }

    /// The job title, without the degree.
    pub fn title(self) -> &'static str {
        match self {
            Goal::Mlt => "Medical Laboratory Technician",
            Goal::Mls => "Medical Laboratory Scientist",
        }
    }

    pub fn long(self) -> &'static str {
        match self {
            Goal::Mlt => "Medical Laboratory Technician (associate degree)",
            Goal::Mls => "Medical Laboratory Scientist (bachelor's degree)",
        }
    }
}

/// A typical duration, in weeks.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Weeks {
    pub min: u16,
    pub max: u16,
}

/// One thing the user does on the way, with its reasons and sources.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id saved in profiles. Never reuse or rename one that has shipped.
    pub id: String,
    pub title: String,
    /// One line shown under the title.
    pub summary: String,
    pub what: String,
    pub why: String,
    pub how: String,
    #[serde(default)]
    pub duration: Option<Weeks>,
    /// Goals the step is required for; empty means every goal.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Goals for which the step is shown but optional (not counted in progress).
    #[serde(default)]
    pub optional_for: Vec<Goal>,
    /// Sub-steps are alternatives: the step is done when any one of them is.
    #[serde(default)]
    pub one_of: bool,
    #[serde(default)]
    pub facts: Vec<Fact>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
    #[serde(default)]
    pub substeps: Vec<Step>,
    /// Guide-wide tables shown in this step's details.
    #[serde(default)]
    pub panels: Vec<Panel>,
}

/// A table of the guide shown inside a step's details.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Panel {
    /// Every eligibility route for the user's goal, with its requirements.
    Routes,
    /// The certifiers and their credentials.
    Certifiers,
    /// Pay, jobs and outlook, and the typical timeline.
    Career,
}

/// Whether a jurisdiction requires a personal license to work as lab personnel.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum LicenseRule {
    Required,
    NotRequired,
    /// The sources do not settle it; the record says what to check.
    Verify,
}

/// The level a state license is issued at.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Level {
    Trainee,
    Technician,
    Technologist,
    Other,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LicenseTitle {
    pub name: String,
    pub level: Level,
}

/// A state, DC or territory, and what it asks of lab personnel.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct StateRecord {
    /// USPS code ("FL", "DC", "PR").
    pub code: String,
    pub name: String,
    pub license: LicenseRule,
    /// One paragraph: the situation in this state, in plain words.
    pub summary: String,
    /// The licensing body, if any.
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub titles: Vec<LicenseTitle>,
    /// Renewal, CE, fees, processing times: each with its sources.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// The state's requirements as steps. Empty for states without a license,
    /// which show the shared `no_license_step`.
    #[serde(default)]
    pub steps: Vec<Step>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
}

/// An organisation that grants national certification (ASCP BOC, AMT, AAB).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Certifier {
    pub id: String,
    pub name: String,
    pub summary: String,
    #[serde(default)]
    pub facts: Vec<Fact>,
    pub sources: Vec<String>,
}

/// A credential such as MLT(ASCP).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Credential {
    pub id: String,
    /// As printed after a name: "MLT(ASCP)".
    pub name: String,
    pub certifier: String,
    pub goal: Goal,
    pub summary: String,
    #[serde(default)]
    pub facts: Vec<Fact>,
    pub sources: Vec<String>,
}

/// Whether a route is open to new applicants.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub enum RouteStatus {
    Open,
    /// Closed; the text says since when and according to whom.
    Closed(String),
}

/// One eligibility route to a credential: all requirements must hold.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    pub credential: String,
    /// As the certifier names it ("Route 1").
    pub name: String,
    pub summary: String,
    pub status: RouteStatus,
    pub requirements: Vec<Requirement>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub enum Degree {
    Associate,
    Bachelor,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Subject {
    Chemistry,
    Biology,
    /// Chemistry, physics, biology or clinical laboratory science together.
    Science,
    /// Organic chemistry or biochemistry.
    OrganicOrBiochemistry,
    Microbiology,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Program {
    /// A medical laboratory technician (associate-level) program.
    Mlt,
    /// A medical laboratory scientist (bachelor's-level) program.
    Mls,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Accreditor {
    Naacls,
    Abhes,
    Caahep,
    /// Any accreditor recognised by the US Department of Education or CHEA.
    DoeOrChea,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Discipline {
    BloodBank,
    Chemistry,
    Hematology,
    Microbiology,
    Immunology,
    Urinalysis,
    LabOperations,
}

/// One condition of an eligibility route, as data an engine can evaluate.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub enum Requirement {
    /// A college degree at least this high, from an accredited institution.
    Degree(Degree),
    /// At least this many semester hours of college credit in all.
    SemesterHours(u16),
    /// At least this many semester hours in a subject.
    SubjectHours { subject: Subject, hours: u16 },
    /// Completed an accredited program, optionally within the last N years.
    Program {
        program: Program,
        accreditors: Vec<Accreditor>,
        within_years: Option<u8>,
    },
    /// Completed a US military medical laboratory course of at least N weeks.
    MilitaryCourse {
        min_weeks: u16,
        within_years: Option<u8>,
    },
    /// Full-time clinical laboratory experience.
    Experience {
        months: u16,
        within_years: Option<u8>,
        areas: Vec<Discipline>,
    },
    /// Holds a current credential (by credential id).
    Credential(String),
    /// Any one of these.
    AnyOf(Vec<Requirement>),
}
