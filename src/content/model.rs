//! The types the guide's RON files are written in.
//!
//! Every file under `assets/` is one [`Part`]; the loader merges the parts in
//! path order (education, certification, licensing, states) into a [`Guide`].
//! Field names here are the words content maintainers type, so they are kept
//! plain and stable. Avoid `flatten`/`untagged`: ron supports them only partly.

use serde::{Deserialize, Serialize};

pub use super::text::{Gathered, Lazy, Text};

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
    /// Decoded when a source is first read (the start shows none).
    pub sources: Lazy<Vec<Source>>,
    /// Each checklist is decoded when first read (the start reads the one
    /// it shows).
    pub education: Lazy<Vec<Step>>,
    pub certification: Lazy<Vec<Step>>,
    pub licensing: Lazy<Vec<Step>>,
    /// The one step shown to a user whose state has no personal license.
    pub no_license_step: Option<Step>,
    pub states: States,
    pub certifiers: Vec<Certifier>,
    pub credentials: Vec<Credential>,
    pub routes: Vec<Route>,
    /// Decoded when first read (the dashboard and the career panel).
    pub career: Lazy<Vec<Fact>>,
}

/// Where a fact comes from. Cited by id from steps, facts, routes and states.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Text,
    /// What the page is called, in a few words.
    pub title: Text,
    /// Who publishes it (e.g. "ASCP Board of Certification").
    pub publisher: Text,
    pub url: Text,
    pub tier: Tier,
    /// A date or edition the page itself shows, if any ("current through Sep 2024").
    #[serde(default)]
    pub dated: Option<Text>,
    /// The day the items citing this source were written (or last edited
    /// from it). Not a check of the page: see `checked`.
    #[serde(with = "date_field")]
    pub verified: Date,
    /// The day someone last compared the page with the guide's claims;
    /// `None`: not re-checked since written.
    #[serde(default)]
    pub checked: Option<Date>,
}

/// A date as text in the content files, and as three numbers in the
/// compact guide: parsing the text was a third of decoding a source.
mod date_field {
    use super::Date;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[allow(
        clippy::trivially_copy_pass_by_ref,
        reason = "serde's `with` passes a reference"
    )]
    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            date.serialize(serializer)
        } else {
            (date.year(), date.month(), date.day()).serialize(serializer)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        if deserializer.is_human_readable() {
            Date::deserialize(deserializer)
        } else {
            let (year, month, day) = <(i16, i8, i8)>::deserialize(deserializer)?;
            Date::new(year, month, day).map_err(serde::de::Error::custom)
        }
    }
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
    Unverified(Text),
    /// Sources disagree; the text says what differs.
    Conflict(Text),
}

/// A sourced statement shown in a detail pane: a fee, an hour count, a deadline.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// A short label ("CE", "Renewal", "Fee").
    pub label: Text,
    pub text: Text,
    pub sources: Vec<Text>,
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
///
/// In the content files a step is one flat record (see [`StepFile`]). In
/// the app it is what the checklists need of every step (its id, title,
/// goals, sub-steps), and a [`StepBody`] with what its details show, read
/// when first needed: in the compact guide the body is its own bytes, so
/// the start does not decode the text of steps nobody has looked at. A step
/// reads as its body too (`step.what`), so code that shows a step need not
/// know which half a field is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Stable id saved in profiles. Never reuse or rename one that has shipped.
    pub id: Text,
    pub title: Text,
    pub duration: Option<Weeks>,
    /// Goals the step is required for; empty means every goal.
    pub goals: Vec<Goal>,
    /// Goals for which the step is shown but optional (not counted in progress).
    pub optional_for: Vec<Goal>,
    /// Sub-steps are alternatives: the step is done when any one of them is.
    pub one_of: bool,
    /// Shown as a "verify" mark in the checklist, beside the title.
    pub caveat: Option<Caveat>,
    pub substeps: Vec<Step>,
    /// Guide-wide tables shown in this step's details.
    pub panels: Vec<Panel>,
    pub body: Lazy<StepBody>,
}

/// What a step's details say: decoded the first time they are read.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct StepBody {
    /// One line shown under the title.
    pub summary: Text,
    pub what: Text,
    pub why: Text,
    pub how: Text,
    /// Where the typical `duration` comes from (source ids).
    pub duration_sources: Vec<Text>,
    /// Money spent at this step, each amount with its year and sources.
    pub fees: Vec<Fee>,
    pub facts: Vec<Fact>,
    pub sources: Vec<Text>,
}

impl std::ops::Deref for Step {
    type Target = StepBody;
    fn deref(&self) -> &StepBody {
        &self.body
    }
}

impl std::ops::DerefMut for Step {
    fn deref_mut(&mut self) -> &mut StepBody {
        &mut self.body
    }
}

/// A step as the content files write it: every field in one record, in
/// the words content maintainers type.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Step", deny_unknown_fields)]
pub struct StepFile {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub what: Text,
    pub why: Text,
    pub how: Text,
    #[serde(default)]
    pub duration: Option<Weeks>,
    #[serde(default)]
    pub duration_sources: Vec<Text>,
    #[serde(default)]
    pub fees: Vec<Fee>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub optional_for: Vec<Goal>,
    #[serde(default)]
    pub one_of: bool,
    #[serde(default)]
    pub facts: Vec<Fact>,
    pub sources: Vec<Text>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
    #[serde(default)]
    pub substeps: Vec<Step>,
    #[serde(default)]
    pub panels: Vec<Panel>,
}

/// A step in the compact guide: what every checklist reads, then the body
/// as its own bytes. The same fields as [`Step`], read and written straight
/// from and into it (`remote`): no copy of a step on either way.
#[derive(Deserialize, Serialize)]
#[serde(remote = "Step")]
struct StepCompact {
    id: Text,
    title: Text,
    duration: Option<Weeks>,
    goals: Vec<Goal>,
    optional_for: Vec<Goal>,
    one_of: bool,
    caveat: Option<Caveat>,
    substeps: Vec<Step>,
    panels: Vec<Panel>,
    body: Lazy<StepBody>,
}

impl From<StepFile> for Step {
    fn from(file: StepFile) -> Step {
        let StepFile {
            id,
            title,
            summary,
            what,
            why,
            how,
            duration,
            duration_sources,
            fees,
            goals,
            optional_for,
            one_of,
            facts,
            sources,
            caveat,
            substeps,
            panels,
        } = file;
        Step {
            id,
            title,
            duration,
            goals,
            optional_for,
            one_of,
            caveat,
            substeps,
            panels,
            body: Lazy::from(StepBody {
                summary,
                what,
                why,
                how,
                duration_sources,
                fees,
                facts,
                sources,
            }),
        }
    }
}

impl From<Step> for StepFile {
    fn from(step: Step) -> StepFile {
        let body = step.body.to_value();
        StepFile {
            id: step.id,
            title: step.title,
            summary: body.summary,
            what: body.what,
            why: body.why,
            how: body.how,
            duration: step.duration,
            duration_sources: body.duration_sources,
            fees: body.fees,
            goals: step.goals,
            optional_for: step.optional_for,
            one_of: step.one_of,
            facts: body.facts,
            sources: body.sources,
            caveat: step.caveat,
            substeps: step.substeps,
            panels: step.panels,
        }
    }
}

impl Serialize for Step {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            StepFile::from(self.clone()).serialize(serializer)
        } else {
            StepCompact::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Step, D::Error> {
        if deserializer.is_human_readable() {
            StepFile::deserialize(deserializer).map(Step::from)
        } else {
            StepCompact::deserialize(deserializer)
        }
    }
}

/// An amount of money a step costs, as structured data for the advisor's estimates.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    /// What the money is for ("MLT(ASCP) application fee").
    pub what: Text,
    /// The lowest amount, in US dollars.
    pub usd: u32,
    /// The highest amount, when the source gives a range or several amounts.
    #[serde(default)]
    pub usd_max: Option<u32>,
    /// The year the amount was published or checked.
    pub year: u16,
    pub sources: Vec<Text>,
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
    pub name: Text,
    pub level: Level,
}

/// A state, DC or territory, and what it asks of lab personnel.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct StateRecord {
    /// USPS code ("FL", "DC", "PR").
    pub code: Text,
    pub name: Text,
    pub license: LicenseRule,
    /// One paragraph: the situation in this state, in plain words.
    pub summary: Text,
    /// The licensing body, if any.
    #[serde(default)]
    pub body: Option<Text>,
    // The lists below are most of the guide's bytes and are read for one
    // state at a time: the compact guide decodes each when first read.
    #[serde(default)]
    pub titles: Lazy<Vec<LicenseTitle>>,
    /// Renewal, CE, fees, processing times: each with its sources.
    #[serde(default)]
    pub facts: Lazy<Vec<Fact>>,
    /// The state's requirements as steps. Empty for states without a license,
    /// which show the shared `no_license_step`.
    #[serde(default)]
    pub steps: Lazy<Vec<Step>>,
    pub sources: Lazy<Vec<Text>>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
    /// Which national credentials the jurisdiction accepts, by license level.
    #[serde(default)]
    pub accepts: Lazy<Vec<Acceptance>>,
    /// For a licensing jurisdiction whose accepted credentials are not known: what to ask the board.
    #[serde(default)]
    pub accepts_unknown: Option<Text>,
}

/// The jurisdictions, in file order. The content files write them as a
/// list of records; in the compact guide each file's list is its own
/// bytes, the codes read the first time a state is asked for, and each
/// record is its own bytes beside its code, read the first time it is
/// asked for: a start without a state reads none, one with a state reads
/// the codes and the user's own record.
#[derive(Clone, Default, PartialEq)]
pub struct States {
    entries: Gathered<StateEntry>,
}

#[derive(Clone, PartialEq, Deserialize, Serialize)]
struct StateEntry {
    /// As the record says (`record.code`), kept outside it for the index.
    code: Text,
    record: Lazy<StateRecord>,
}

impl States {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the codes have been read (always, once a state has).
    pub fn is_decoded(&self) -> bool {
        self.entries.is_decoded()
    }

    pub fn get(&self, i: usize) -> Option<&StateRecord> {
        self.entries.get(i).map(|entry| &*entry.record)
    }

    pub fn iter(&self) -> StatesIter<'_> {
        StatesIter(self.entries.iter())
    }

    /// The codes, in order, without reading the records.
    pub fn codes(&self) -> impl ExactSizeIterator<Item = &Text> {
        self.entries.iter().map(|entry| &entry.code)
    }

    /// The codes of the records read so far.
    pub fn read(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|entry| entry.record.is_decoded())
            .map(|entry| entry.code.as_str())
    }

    pub fn push(&mut self, record: StateRecord) {
        self.entries.push(Lazy::from(vec![StateEntry {
            code: record.code.clone(),
            record: Lazy::from(record),
        }]));
    }

    /// These followed by `other`'s.
    pub fn append(&mut self, other: States) {
        self.entries.append(other.entries);
    }
}

impl std::fmt::Debug for States {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The records of [`States`], in order, each read when reached.
pub struct StatesIter<'a>(std::slice::Iter<'a, StateEntry>);

impl<'a> Iterator for StatesIter<'a> {
    type Item = &'a StateRecord;
    fn next(&mut self) -> Option<&'a StateRecord> {
        self.0.next().map(|entry| &*entry.record)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for StatesIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|entry| &*entry.record)
    }
}

impl ExactSizeIterator for StatesIter<'_> {}

impl<'a> IntoIterator for &'a States {
    type Item = &'a StateRecord;
    type IntoIter = StatesIter<'a>;
    fn into_iter(self) -> StatesIter<'a> {
        self.iter()
    }
}

impl FromIterator<StateRecord> for States {
    fn from_iter<I: IntoIterator<Item = StateRecord>>(records: I) -> States {
        let mut states = States::default();
        for record in records {
            states.push(record);
        }
        states
    }
}

impl Serialize for States {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_seq(self.iter())
        } else {
            Lazy::from(self.entries.to_vec()).serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for States {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<States, D::Error> {
        if deserializer.is_human_readable() {
            return Vec::<StateRecord>::deserialize(deserializer).map(States::from_iter);
        }
        let mut states = States::default();
        states
            .entries
            .push(Lazy::<Vec<StateEntry>>::deserialize(deserializer)?);
        Ok(states)
    }
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
    pub credential: Text,
    pub accepts: Accepts,
    /// Exams taken before this date do not count.
    #[serde(default)]
    pub exam_from: Option<Date>,
    #[serde(default)]
    pub note: Option<Text>,
    pub sources: Vec<Text>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
}

/// An organisation that grants national certification (ASCP BOC, AMT, AAB).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Certifier {
    pub id: Text,
    pub name: Text,
    pub summary: Text,
    #[serde(default)]
    pub facts: Vec<Fact>,
    pub sources: Vec<Text>,
}

/// A credential such as MLT(ASCP).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Credential {
    pub id: Text,
    /// As printed after a name: "MLT(ASCP)".
    pub name: Text,
    pub certifier: Text,
    pub goal: Goal,
    pub summary: Text,
    #[serde(default)]
    pub facts: Vec<Fact>,
    pub sources: Vec<Text>,
}

/// Whether a route is open to new applicants.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub enum RouteStatus {
    Open,
    /// Closed; the text says since when and according to whom.
    Closed(Text),
}

/// One eligibility route to a credential: all requirements must hold.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: Text,
    pub credential: Text,
    /// As the certifier names it ("Route 1").
    pub name: Text,
    pub summary: Text,
    pub status: RouteStatus,
    pub requirements: Vec<Requirement>,
    pub sources: Vec<Text>,
    #[serde(default)]
    pub caveat: Option<Caveat>,
    /// The sources each requirement rests on, in the order of `requirements`
    /// (a window such as "within 5 years" counts as part of its requirement).
    /// Empty: every requirement rests on the route's `sources`.
    #[serde(default)]
    pub requirement_sources: Vec<Vec<Text>>,
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
    Credential(Text),
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
