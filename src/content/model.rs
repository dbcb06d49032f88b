//! The types the guide's RON files are written in.
//!
//! Every file under `assets/` is one [`Part`]; the loader merges the parts in
//! path order (education, certification, licensing, states) into a [`Guide`].
//! Field names here are the words content maintainers type, so they are kept
//! plain and stable. Avoid `flatten`/`untagged`: ron supports them only partly.

use serde::{Deserialize, Serialize};

/// A date as written in the content files (`"2026-11-24"`).
pub type Date = jiff::civil::Date;

// ---- Source hygiene --------------------------------------------------------

/// Hosts no source may use: spam-injected or AI-generated copies of other pages.
/// A host matches itself and its subdomains.
pub const SPAM_HOSTS: &[&str] = &[
    // A copy of AMT's MLT page with injected spam text.
    "loveandrosen.com",
    // A copy of AMT's California FAQ with injected spam text.
    "entpsummer.com",
    // AI-written "recipe" content farms that answer lab-career questions.
    "winenfood.com",
    "eatsip365.com",
    "visualfoodie.com",
];

/// The host of an http(s) URL, lowercased, without `www.` or a port.
pub fn url_host(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    let host = host.to_ascii_lowercase();
    host.strip_prefix("www.")
        .map_or(host.clone(), str::to_owned)
}

/// Whether a URL is on the spam-host list.
pub fn is_spam_url(url: &str) -> bool {
    let host = url_host(url);
    SPAM_HOSTS
        .iter()
        .any(|spam| host == *spam || host.ends_with(&format!(".{spam}")))
}

/// One content file. Every section is optional so a file holds only what it is about.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
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
    /// The exams' content outlines, for the study plan ("The exam").
    pub exams: Vec<Exam>,
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
    /// The day the items citing this source were written (or last edited
    /// from it). Not a check of the page: see `checked`.
    pub verified: Date,
    /// The day someone last compared the page with the guide's claims;
    /// `None`: not re-checked since written.
    #[serde(default)]
    pub checked: Option<Date>,
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

    /// The license level a goal leads to.
    #[must_use]
    pub fn license_level(self) -> Level {
        match self {
            Goal::Mlt => Level::Technician,
            Goal::Mls => Level::Technologist,
        }
    }

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

/// A typical duration, in weeks: `(min: 8, max: 12)`, one figure as
/// `(min: 10, max: 10)`, or a floor the source gives without a ceiling as
/// `(min: 10, max: 10, at_least: true)` ("at least 10 weeks": the estimate
/// counts the floor).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Weeks {
    pub min: u16,
    pub max: u16,
    /// The source says "at least `min`" and gives no upper figure; `max`
    /// equals `min`. (Always written: the embedded guide is postcard,
    /// which cannot skip a field.)
    #[serde(default)]
    pub at_least: bool,
}

impl Weeks {
    /// In weeks, as the source words it: "at least 10 weeks", "10 weeks",
    /// "up to 13 weeks", "8–12 weeks".
    pub fn words(self) -> String {
        let unit = |n: u16| if n == 1 { "week" } else { "weeks" };
        if self.at_least {
            format!("at least {} {}", self.min, unit(self.min))
        } else if self.min == self.max {
            format!("{} {}", self.min, unit(self.min))
        } else if self.min == 0 {
            format!("up to {} {}", self.max, unit(self.max))
        } else {
            format!("{}–{} weeks", self.min, self.max)
        }
    }
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
    /// A typical duration.
    #[serde(default)]
    pub duration: Option<Weeks>,
    /// Where the typical `duration` comes from (source ids).
    #[serde(default)]
    pub duration_sources: Vec<String>,
    /// Money spent at this step, each amount with its year and sources.
    #[serde(default)]
    pub fees: Vec<Fee>,
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
    /// Shown as a "verify" mark in the checklist, beside the title.
    #[serde(default)]
    pub caveat: Option<Caveat>,
    #[serde(default)]
    pub substeps: Vec<Step>,
    /// Guide-wide tables shown in this step's details.
    #[serde(default)]
    pub panels: Vec<Panel>,
    /// The credentials whose exam meets this step when held (a state's
    /// exam step: the national exams it accepts).
    #[serde(default)]
    pub met_by: Vec<MetBy>,
}

/// A credential that meets a step when held, earned on or after a day if
/// the step's rule names one.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MetBy {
    /// As the guide's credentials name it: "MLT(ASCP)".
    pub credential: String,
    #[serde(default)]
    pub from: Option<Date>,
}

/// An amount of money a step costs, as structured data for the advisor's estimates.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    /// What the money is for ("MLT(ASCP) application fee").
    pub what: String,
    /// The lowest amount, in US dollars.
    pub usd: u32,
    /// The highest amount, when the source gives a range or several amounts.
    #[serde(default)]
    pub usd_max: Option<u32>,
    /// The year the amount was published or checked.
    pub year: u16,
    pub sources: Vec<String>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
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
    /// Which national credentials the jurisdiction accepts, by license level.
    #[serde(default)]
    pub accepts: Vec<Acceptance>,
    /// For a licensing jurisdiction whose accepted credentials are not known: what to ask the board.
    #[serde(default)]
    pub accepts_unknown: Option<String>,
    /// The jurisdiction's own education and experience rule for a license
    /// level, as requirements the advisor checks against the background.
    #[serde(default)]
    pub rules: Vec<StateRule>,
    /// How a license here is kept current (licensing jurisdictions only).
    #[serde(default)]
    pub renewal: Option<Renewal>,
}

/// How a state license is renewed, and which steps mean it is held.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Renewal {
    /// The licenses: each is held once its step is marked done with a date.
    pub licenses: Vec<HeldLicense>,
    pub upkeep: Upkeep,
}

/// A license as the upkeep screen names it, and the step that earns it.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct HeldLicense {
    /// A step id in the state's steps ("ca.mlt-apply").
    pub step: String,
    /// "California MLT license".
    pub name: String,
    /// This license's renewal fee, when it differs by license.
    #[serde(default)]
    pub fee: Option<RenewalFee>,
}

/// What keeping a credential or license current takes: its cycle, the
/// continuing education (CE) it needs, its fee. A `None` is something the
/// guide does not know; the screens then say to ask, with the page.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Upkeep {
    /// How long one cycle runs, in months; `None`: not known.
    pub months: Option<u16>,
    pub anchor: Anchor,
    /// CE needed per cycle, in `unit`s; `None`: not known.
    pub needed: Option<u16>,
    pub unit: CeUnit,
    /// Required parts of `needed` (a safety element, a state's set courses).
    #[serde(default)]
    pub categories: Vec<CeCategory>,
    /// How academic credit counts, if the source says.
    #[serde(default)]
    pub academic: Option<Academic>,
    /// A fee paid to keep it current.
    #[serde(default)]
    pub fee: Option<RenewalFee>,
    /// Nothing but the categories marked `always` is needed in the first cycle.
    #[serde(default)]
    pub first_cycle_exempt: bool,
    /// Required only for those who earned it on or after this day.
    #[serde(default)]
    pub required_from: Option<Date>,
    /// One or two sentences in plain words, shown with the cycle.
    pub note: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
}

/// Where the cycles fall.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Anchor {
    /// Cycles run back to back from the day it was earned.
    Earned,
    /// Every cycle ends on this day of the year; with `even_years` set, only
    /// in even (true) or odd (false) years. The first cycle is the one the
    /// day earned falls in.
    EndsOn {
        month: i8,
        day: i8,
        even_years: Option<bool>,
    },
    /// Cycles of whole calendar years, the first starting January 1 of the
    /// year it was earned.
    CalendarYears,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum CeUnit {
    /// CMP or CCP points (one per contact hour).
    Points,
    /// Contact hours.
    Hours,
}

impl CeUnit {
    pub fn word(self) -> &'static str {
        match self {
            CeUnit::Points => "points",
            CeUnit::Hours => "hours",
        }
    }
}

/// A required part of a cycle's CE.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CeCategory {
    pub name: String,
    /// Other names an activity's category may be given ("safety").
    #[serde(default)]
    pub also: Vec<String>,
    /// How much; `None`: required, amount not known.
    pub needed: Option<u16>,
    /// Still required in an exempt first cycle.
    #[serde(default)]
    pub always: bool,
    pub sources: Vec<String>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
}

/// How college credit converts, and its cap.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Academic {
    pub per_semester_hour: u16,
    pub per_quarter_hour: u16,
    /// At most this share of `needed`, in percent.
    pub cap_percent: u8,
    pub sources: Vec<String>,
}

/// A fee paid to keep a credential or license.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RenewalFee {
    pub usd: u32,
    /// Due every this many months from the day earned; `None`: at each cycle's end.
    #[serde(default)]
    pub every_months: Option<u16>,
    /// The year the amount was published or checked.
    pub year: u16,
    pub sources: Vec<String>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
}

/// A jurisdiction's own education and experience rule for one license level:
/// every requirement must hold (alternatives go inside `AnyOf`).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct StateRule {
    pub level: Level,
    /// In a few words: "New York technician education (Educ. Law 8606)".
    pub name: String,
    pub requirements: Vec<Requirement>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
}

/// Whether a licensing jurisdiction accepts a national credential for a license level.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Accepts {
    Yes,
    No,
    Unknown,
}

/// One row of a jurisdiction's accepted-credentials table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// The license level the credential is accepted for.
    pub level: Level,
    /// A credential id from `credentials` ("mlt-amt").
    pub credential: String,
    pub accepts: Accepts,
    /// Exams taken before this date do not count.
    #[serde(default)]
    pub exam_from: Option<Date>,
    #[serde(default)]
    pub note: Option<String>,
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
    /// How it is kept current; `None`: the guide does not know.
    #[serde(default)]
    pub upkeep: Option<Upkeep>,
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
    /// The sources each requirement rests on, in the order of `requirements`
    /// (a window such as "within 5 years" counts as part of its requirement).
    /// Empty: every requirement rests on the route's `sources`.
    #[serde(default)]
    pub requirement_sources: Vec<Vec<String>>,
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
    /// Medical laboratory technology courses.
    MedicalLaboratory,
}

/// The field a degree or diploma is in.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Field {
    /// Medical laboratory science, medical technology, clinical or biomedical laboratory science.
    MedicalLaboratoryScience,
    /// Medical laboratory technology (the technician-level field).
    MedicalLaboratoryTechnology,
    /// A chemical, physical, biological or clinical laboratory science, or medical technology.
    LaboratoryScience,
    /// A biological science or chemistry.
    BiologyOrChemistry,
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
    /// An organisation the US Department of Health and Human Services approves
    /// (the CLIA wording for clinical laboratory training programs).
    HhsApproved,
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
    /// All of these; used inside `AnyOf` when one option has several parts.
    AllOf(Vec<Requirement>),
    /// A high school diploma or equivalent.
    HighSchool,
    /// A degree at least this high, in this field, from an accredited institution.
    DegreeIn { degree: Degree, field: Field },
    /// At least this many semester hours of college courses, completed within the last N years.
    RecentCoursework {
        semester_hours: u16,
        within_years: u8,
    },
    /// A diploma or degree in `field` earned outside the US and Canada at an institution
    /// the country's ministry or regulator approves, shown to be equivalent to a US one by a
    /// transcript evaluation the certifier accepts. `Associate` stands for a two-year diploma.
    ForeignEducation { degree: Degree, field: Field },
}

/// A certification exam as its certifier publishes it: the content outline
/// the study plan spreads hours over, its size, time, format and retake rules.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Exam {
    /// Stable id ("exam-mlt-ascp").
    pub id: String,
    /// The credentials this exam leads to (credential ids, "mlt-ascp").
    pub credentials: Vec<String>,
    /// Number of questions, when a source gives it.
    #[serde(default)]
    pub questions: Option<u16>,
    /// Time allowed, in minutes, when a source gives it.
    #[serde(default)]
    pub minutes: Option<u16>,
    /// Computer-adaptive (ASCP's CAT): each answer shapes the next question.
    #[serde(default)]
    pub adaptive: bool,
    /// Where the questions, time and format come from (source ids).
    pub format_sources: Vec<String>,
    /// Retakes: waiting time and attempts, as the certifier words them.
    pub retakes: Fact,
    /// Other facts (passing score, test centers).
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// The content areas, in the outline's order.
    pub areas: Vec<ExamArea>,
    pub sources: Vec<String>,
    /// What is missing or uncertain about the outline as a whole.
    #[serde(default)]
    pub caveat: Option<Caveat>,
}

/// One content area of an exam's outline.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ExamArea {
    pub name: String,
    /// The published share of the exam, as a range in percent ("15-20%");
    /// `None` when no source gives one.
    #[serde(default)]
    pub weight: Option<Percent>,
    /// The number of items, when the outline counts items instead.
    #[serde(default)]
    pub items: Option<u16>,
    pub sources: Vec<String>,
    /// Set when the weight is not confirmed on the certifier's own outline.
    #[serde(default)]
    pub caveat: Option<Caveat>,
}

/// A published percentage range (`(min: 15, max: 20)`).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Percent {
    pub min: u8,
    pub max: u8,
}
