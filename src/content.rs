//! What the guide says: steps, certification routes and state rules, loaded
//! from the RON files under `assets/` that are embedded in the binary.

mod load;
mod model;
mod text;
mod validate;

pub use load::{ContentError, EMBEDDED_FILES};
pub use model::*;
pub use text::{decode_compact, encode_compact};
pub use validate::{Problem, REFUSED_HOSTS, is_refused_url};

use std::borrow::Cow;
use std::collections::HashMap;

/// The index's maps: keyed by the guide's own ids (borrowed, not copied),
/// hashed with foldhash (the ids are the guide's, not an attacker's, so a
/// fast hash is safe; the standard `SipHash` was a tenth of the start's decoding).
type Map<V> = HashMap<Text, V, Hasher>;
type Hasher = foldhash::fast::RandomState;

/// A state code in upper case, without a copy when it already is.
fn upper(code: &str) -> Cow<'_, str> {
    if code.bytes().any(|b| b.is_ascii_lowercase()) {
        Cow::Owned(code.to_ascii_uppercase())
    } else {
        Cow::Borrowed(code)
    }
}

use serde::{Deserialize, Serialize};

/// The three checklist areas, in path order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Area {
    Education,
    Certification,
    Licensing,
}

impl Area {
    pub const ALL: [Area; 3] = [Area::Education, Area::Certification, Area::Licensing];

    pub fn title(self) -> &'static str {
        match self {
            Area::Education => "Education",
            Area::Certification => "Certification",
            Area::Licensing => "Licensing",
        }
    }
}

/// The guide's sources, read as one list (none is shown at the start).
pub type Sources = Gathered<Source>;

/// The whole guide, merged from every content file.
#[derive(Debug, Clone)]
pub struct Guide {
    pub sources: Sources,
    pub education: Gathered<Step>,
    pub certification: Gathered<Step>,
    pub licensing: Gathered<Step>,
    pub no_license_step: Option<Step>,
    pub states: States,
    pub certifiers: Vec<Certifier>,
    pub credentials: Vec<Credential>,
    pub routes: Vec<Route>,
    pub career: Gathered<Fact>,
    /// Ids to positions, each map built the first time it is needed (the
    /// credentials' at loading), so a lookup costs the same however large
    /// the guide is.
    index: Index,
}

/// Two guides are equal when they say the same: the index is worked out
/// from the content (and partly only when first needed), so it is left out.
impl PartialEq for Guide {
    fn eq(&self, other: &Guide) -> bool {
        // Every field named, so a new one cannot be forgotten here.
        let Guide {
            sources,
            education,
            certification,
            licensing,
            no_license_step,
            states,
            certifiers,
            credentials,
            routes,
            career,
            index: _,
        } = self;
        *sources == other.sources
            && *education == other.education
            && *certification == other.certification
            && *licensing == other.licensing
            && *no_license_step == other.no_license_step
            && *states == other.states
            && *certifiers == other.certifiers
            && *credentials == other.credentials
            && *routes == other.routes
            && *career == other.career
    }
}

#[derive(Debug, Clone, Default)]
struct Index {
    /// Built when a source is first looked for (see [`Sources`]).
    sources: std::sync::OnceLock<Map<usize>>,
    /// By upper-case code, built when a state is first looked for.
    states: std::sync::OnceLock<Map<usize>>,
    credentials: Map<usize>,
    /// Each checklist's steps (Licensing's with the no-license step),
    /// indexed when a step is first looked for on that list: a step found
    /// on an earlier list does not read the later ones.
    steps: [std::sync::OnceLock<Map<StepPath>>; 3],
    /// The states' own steps, indexed when one is first looked for (the
    /// states' lists are decoded only when read).
    state_steps: std::sync::OnceLock<Map<StepPath>>,
}

/// Each id to the place of its first occurrence.
fn first<'a>(ids: impl ExactSizeIterator<Item = &'a Text>) -> Map<usize> {
    let mut map = Map::with_capacity_and_hasher(ids.len(), Hasher::default());
    for (i, id) in ids.enumerate() {
        map.entry(id.clone()).or_insert(i);
    }
    map
}

/// Adds `steps` and their sub-steps to `out` by id (the first of each id
/// wins), with where each sits.
fn index_steps(
    steps: &[Step],
    area: Area,
    root: Root,
    path: &mut Vec<usize>,
    out: &mut Map<StepPath>,
) {
    for (i, step) in steps.iter().enumerate() {
        path.push(i);
        out.entry(step.id.clone()).or_insert_with(|| StepPath {
            area,
            root,
            path: Place::new(path),
        });
        index_steps(&step.substeps, area, root, path, out);
        path.pop();
    }
}

/// Where a step sits: its list, then the index at each level down.
#[derive(Debug, Clone)]
struct StepPath {
    area: Area,
    root: Root,
    path: Place,
}

/// The index at each level down, kept without an allocation for steps
/// up to four deep (the guide's are at most three).
#[derive(Debug, Clone)]
enum Place {
    Near { at: [u16; 4], depth: u8 },
    Far(Box<[usize]>),
}

impl Place {
    fn new(path: &[usize]) -> Place {
        let mut at = [0; 4];
        if path.len() <= at.len() {
            for (slot, &i) in at.iter_mut().zip(path) {
                match u16::try_from(i) {
                    Ok(i) => *slot = i,
                    Err(_) => return Place::Far(path.into()),
                }
            }
            let depth = u8::try_from(path.len()).unwrap_or(u8::MAX);
            return Place::Near { at, depth };
        }
        Place::Far(path.into())
    }

    /// The indexes, outermost first.
    fn levels(&self) -> impl Iterator<Item = usize> + '_ {
        let (near, far): (&[u16], &[usize]) = match self {
            Place::Near { at, depth } => (&at[..usize::from(*depth)], &[]),
            Place::Far(path) => (&[], path),
        };
        near.iter()
            .map(|&i| usize::from(i))
            .chain(far.iter().copied())
    }
}

#[derive(Debug, Clone, Copy)]
enum Root {
    Education,
    Certification,
    Licensing,
    NoLicense,
    State(usize),
}

impl Guide {
    /// The guide the binary carries: the RON files as build.rs wrote them
    /// in compact form (the same parts `from_files(EMBEDDED_FILES)` parses,
    /// a test checks), decoded in a fraction of the time.
    pub fn embedded() -> Result<Guide, ContentError> {
        Ok(Guide::from_parts(load::compact_parts()?))
    }

    /// The guide kept for the rest of the process, as the app keeps it
    /// (one per run; see `App::guide`).
    pub fn leak(self) -> &'static Guide {
        Box::leak(Box::new(self))
    }

    /// A guide in the compact form `build.rs` writes for the binary
    /// (`encode_compact` of the parts in path order): its postcard bytes and
    /// the words they point into. For generated guides (`examples/scaled.rs`).
    pub fn from_compact(bytes: &'static [u8], words: &'static str) -> Result<Guide, ContentError> {
        Ok(Guide::from_parts(load::decode_parts(bytes, words)?))
    }

    /// Parses and merges content files given as `(name, text)` pairs, in path order.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Guide, ContentError> {
        let parts = files
            .iter()
            .map(|(name, text)| load::parse_part(name, text))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Guide::from_parts(parts))
    }

    fn from_parts(parts: Vec<Part>) -> Guide {
        let mut guide = Guide {
            sources: Sources::default(),
            education: Gathered::default(),
            certification: Gathered::default(),
            licensing: Gathered::default(),
            no_license_step: None,
            states: States::default(),
            certifiers: Vec::new(),
            credentials: Vec::new(),
            routes: Vec::new(),
            career: Gathered::default(),
            index: Index::default(),
        };
        for part in parts {
            guide.merge(part);
        }
        guide.index = guide.build_index();
        guide
    }

    /// The credentials by id; the states and the steps are indexed when
    /// first looked for (see [`Guide::state`] and [`Guide::step`]).
    fn build_index(&self) -> Index {
        Index {
            sources: std::sync::OnceLock::new(),
            states: std::sync::OnceLock::new(),
            credentials: first(self.credentials.iter().map(|c| &c.id)),
            steps: Default::default(),
            state_steps: std::sync::OnceLock::new(),
        }
    }

    fn merge(&mut self, part: Part) {
        /// `to` followed by `from`; a list that is the first of its kind is
        /// kept as it is, not copied (new memory is most of what copying
        /// costs).
        fn append<T>(to: &mut Vec<T>, mut from: Vec<T>) {
            if to.is_empty() {
                std::mem::swap(to, &mut from);
            } else {
                to.append(&mut from);
            }
        }
        self.sources.push(part.sources);
        self.education.push(part.education);
        self.certification.push(part.certification);
        self.licensing.push(part.licensing);
        if part.no_license_step.is_some() {
            self.no_license_step = part.no_license_step;
        }
        self.states.append(part.states);
        append(&mut self.certifiers, part.certifiers);
        append(&mut self.credentials, part.credentials);
        append(&mut self.routes, part.routes);
        self.career.push(part.career);
    }

    /// Every problem a content maintainer must fix, with the file and line.
    pub fn validate(&self, files: &[(&str, &str)]) -> Vec<Problem> {
        validate::validate(self, files)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        let index = self
            .index
            .sources
            .get_or_init(|| first(self.sources.iter().map(|s| &s.id)));
        self.sources.get(*index.get(id)?)
    }

    pub fn state(&self, code: &str) -> Option<&StateRecord> {
        let index = self.index.states.get_or_init(|| {
            self.states.codes().enumerate().fold(
                Map::with_capacity_and_hasher(self.states.len(), Hasher::default()),
                |mut map, (i, given)| {
                    let code = match upper(given) {
                        Cow::Borrowed(_) => given.clone(),
                        Cow::Owned(code) => Text::from(code),
                    };
                    map.entry(code).or_insert(i);
                    map
                },
            )
        });
        self.states.get(*index.get(&*upper(code))?)
    }

    pub fn credential(&self, id: &str) -> Option<&Credential> {
        self.credentials.get(*self.index.credentials.get(id)?)
    }

    /// Whether a jurisdiction accepts a credential for a license level, with its
    /// table row. `None` when the jurisdiction's table has no such row.
    pub fn acceptance(&self, code: &str, level: Level, credential: &str) -> Option<&Acceptance> {
        self.state(code)?
            .accepts
            .iter()
            .find(|a| a.level == level && a.credential == credential)
    }

    /// The best tier among these sources (Official before Copy before `ThirdParty`);
    /// `None` when none of the ids is a known source.
    pub fn best_tier(&self, sources: &[Text]) -> Option<Tier> {
        sources
            .iter()
            .filter_map(|id| self.source(id).map(|s| s.tier))
            .min()
    }

    /// True when every cited source is third-party (and at least one is cited).
    pub fn third_party_only(&self, sources: &[Text]) -> bool {
        self.best_tier(sources) == Some(Tier::ThirdParty)
    }

    /// The earliest `verified` date among these sources: how old the evidence is.
    pub fn oldest_verified(&self, sources: &[Text]) -> Option<Date> {
        sources
            .iter()
            .filter_map(|id| self.source(id).map(|s| s.verified))
            .min()
    }

    /// The top-level steps of an area as they apply to this goal and state, in path order.
    pub fn steps(&self, area: Area, goal: Goal, state: Option<&str>) -> Vec<&Step> {
        let applies = |s: &&Step| s.is_shown_for(goal);
        match area {
            Area::Education => self.education.iter().filter(applies).collect(),
            Area::Certification => self.certification.iter().filter(applies).collect(),
            Area::Licensing => {
                let mut steps: Vec<&Step> = self.licensing.iter().filter(applies).collect();
                if let Some(record) = state.and_then(|code| self.state(code)) {
                    if record.steps.is_empty() {
                        steps.extend(self.no_license_step.iter());
                    } else {
                        steps.extend(record.steps.iter().filter(applies));
                    }
                }
                steps
            }
        }
    }

    /// Every step of the guide, sub-steps included, with its area.
    pub fn all_steps(&self) -> impl Iterator<Item = (Area, &Step)> {
        fn walk<'a>(area: Area, steps: &'a [Step], out: &mut Vec<(Area, &'a Step)>) {
            for step in steps {
                out.push((area, step));
                walk(area, &step.substeps, out);
            }
        }
        let mut out = Vec::new();
        walk(Area::Education, &self.education, &mut out);
        walk(Area::Certification, &self.certification, &mut out);
        walk(Area::Licensing, &self.licensing, &mut out);
        if let Some(step) = &self.no_license_step {
            walk(Area::Licensing, std::slice::from_ref(step), &mut out);
        }
        for state in &self.states {
            walk(Area::Licensing, &state.steps, &mut out);
        }
        out.into_iter()
    }

    /// The states' steps by id (decoding every state's steps, once).
    fn state_steps(&self) -> &Map<StepPath> {
        self.index.state_steps.get_or_init(|| {
            let mut map = Map::default();
            let mut path = Vec::new();
            for (si, state) in self.states.iter().enumerate() {
                let root = Root::State(si);
                index_steps(&state.steps, Area::Licensing, root, &mut path, &mut map);
            }
            map
        })
    }

    /// A checklist's steps by id, the first of each id (validation reports
    /// duplicates); Licensing's include the no-license step.
    fn area_steps(&self, area: Area) -> &Map<StepPath> {
        fn count(steps: &[Step]) -> usize {
            steps.iter().map(|s| 1 + count(&s.substeps)).sum()
        }
        self.index.steps[area as usize].get_or_init(|| {
            let (list, root): (&[Step], Root) = match area {
                Area::Education => (&self.education, Root::Education),
                Area::Certification => (&self.certification, Root::Certification),
                Area::Licensing => (&self.licensing, Root::Licensing),
            };
            let no_license = match area {
                Area::Licensing => self.no_license_step.as_slice(),
                _ => &[],
            };
            let mut map =
                Map::with_capacity_and_hasher(count(list) + count(no_license), Hasher::default());
            let mut path = Vec::new();
            index_steps(list, area, root, &mut path, &mut map);
            index_steps(no_license, area, Root::NoLicense, &mut path, &mut map);
            map
        })
    }

    /// Finds a step anywhere in the guide by id: the checklists in order
    /// (the first of each id wins, as a search from the start would
    /// find), then the states' own steps.
    pub fn step(&self, id: &str) -> Option<(Area, &Step)> {
        let at = Area::ALL
            .into_iter()
            .find_map(|area| self.area_steps(area).get(id))
            .or_else(|| self.state_steps().get(id))?;
        let mut list: &[Step] = match at.root {
            Root::Education => &self.education,
            Root::Certification => &self.certification,
            Root::Licensing => &self.licensing,
            Root::NoLicense => std::slice::from_ref(self.no_license_step.as_ref()?),
            Root::State(i) => &self.states.get(i)?.steps,
        };
        let mut levels = at.path.levels().peekable();
        while let Some(i) = levels.next() {
            let step = list.get(i)?;
            if levels.peek().is_none() {
                return Some((at.area, step));
            }
            list = &step.substeps;
        }
        None
    }
}

impl Requirement {
    /// The requirement in plain words, as the details pane shows it.
    #[allow(clippy::too_many_lines, reason = "one arm per variant reads best")]
    pub fn describe(&self, guide: &Guide) -> String {
        fn years(within: Option<u8>) -> String {
            within.map_or_else(String::new, |y| format!(", within the last {y} years"))
        }
        fn accreditor(a: Accreditor) -> &'static str {
            match a {
                Accreditor::Naacls => "NAACLS",
                Accreditor::Abhes => "ABHES",
                Accreditor::Caahep => "CAAHEP",
                Accreditor::DoeOrChea => {
                    "an agency the US Department of Education or CHEA recognises"
                }
                Accreditor::HhsApproved => {
                    "an organisation the US Department of Health and Human Services approves"
                }
            }
        }
        fn field(f: Field) -> &'static str {
            match f {
                Field::MedicalLaboratoryScience => {
                    "medical laboratory science (or medical technology)"
                }
                Field::MedicalLaboratoryTechnology => "medical laboratory technology",
                Field::LaboratoryScience => {
                    "a chemical, physical, biological or clinical laboratory science, or medical technology"
                }
                Field::BiologyOrChemistry => "a biological science or chemistry",
            }
        }
        fn discipline(d: Discipline) -> &'static str {
            d.words()
        }
        match self {
            Requirement::Degree(Degree::Associate) => "an associate degree".to_owned(),
            Requirement::Degree(Degree::Bachelor) => "a bachelor's degree".to_owned(),
            Requirement::SemesterHours(h) => {
                format!("at least {h} semester hours of college credit")
            }
            Requirement::SubjectHours { subject, hours } => {
                let subject = match subject {
                    Subject::Chemistry => "chemistry",
                    Subject::Biology => "biology",
                    Subject::Science => "science",
                    Subject::OrganicOrBiochemistry => "organic chemistry or biochemistry",
                    Subject::Microbiology => "microbiology",
                    Subject::MedicalLaboratory => "medical laboratory technology courses",
                };
                format!("at least {hours} semester hours of {subject}")
            }
            Requirement::Program {
                program,
                accreditors,
                within_years,
            } => {
                let kind = match program {
                    Program::Mlt => "an MLT program",
                    Program::Mls => "an MLS program",
                };
                let by: Vec<&str> = accreditors.iter().copied().map(accreditor).collect();
                let by = by.join(" or ");
                format!("{kind} accredited by {by}{}", years(*within_years))
            }
            Requirement::MilitaryCourse {
                min_weeks,
                within_years,
            } => format!(
                "a US military medical laboratory course of at least {min_weeks} weeks{}",
                years(*within_years)
            ),
            Requirement::Experience {
                months,
                within_years,
                areas,
            } => {
                let areas = if areas.is_empty() {
                    String::new()
                } else {
                    let areas: Vec<&str> = areas.iter().copied().map(discipline).collect();
                    format!(" in {}", areas.join(", "))
                };
                format!(
                    "{months} months of full-time clinical lab experience{areas}{}",
                    years(*within_years)
                )
            }
            Requirement::Credential(id) => match guide.credential(id) {
                Some(c) => format!("a current {} credential", c.name),
                None => format!("the credential {id}"),
            },
            Requirement::AnyOf(options) => {
                let words: Vec<String> = options.iter().map(|o| o.describe(guide)).collect();
                format!("one of: {}", words.join("; or "))
            }
            Requirement::AllOf(parts) => {
                let words: Vec<String> = parts.iter().map(|o| o.describe(guide)).collect();
                words.join(", and ")
            }
            Requirement::HighSchool => "a high school diploma or equivalent".to_owned(),
            Requirement::DegreeIn { degree, field: f } => {
                let degree = match degree {
                    Degree::Associate => "an associate degree",
                    Degree::Bachelor => "a bachelor's degree",
                };
                format!("{degree} in {}", field(*f))
            }
            Requirement::RecentCoursework {
                semester_hours,
                within_years,
            } => format!(
                "at least {semester_hours} semester hours of college courses, within the last {within_years} years"
            ),
            Requirement::ForeignEducation { degree, field: f } => {
                let degree = match degree {
                    Degree::Associate => "a two-year diploma",
                    Degree::Bachelor => "a bachelor's degree",
                };
                format!(
                    "{degree} in {} earned outside the US and Canada, approved in its country and evaluated as equivalent to a US one",
                    field(*f)
                )
            }
        }
    }
}

impl Step {
    /// Shown to a user with this goal (required or optional).
    pub fn is_shown_for(&self, goal: Goal) -> bool {
        self.goals.is_empty() || self.goals.contains(&goal) || self.optional_for.contains(&goal)
    }

    /// Counted in progress for this goal.
    pub fn is_required_for(&self, goal: Goal) -> bool {
        !self.optional_for.contains(&goal) && (self.goals.is_empty() || self.goals.contains(&goal))
    }
}

impl Discipline {
    /// The area in words, as the requirements and the advisor say it.
    pub fn words(self) -> &'static str {
        match self {
            Discipline::BloodBank => "blood bank",
            Discipline::Chemistry => "chemistry",
            Discipline::Hematology => "hematology",
            Discipline::Microbiology => "microbiology",
            Discipline::Immunology => "immunology",
            Discipline::Urinalysis => "urinalysis and body fluids",
            Discipline::LabOperations => "laboratory operations",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index keeps where a step sits however deep or far down its list.
    #[test]
    fn a_place_keeps_any_path() {
        for path in [
            vec![],
            vec![3],
            vec![1, 2, 3, 4],
            vec![1, 2, 3, 4, 5],
            vec![70_000, 1],
        ] {
            assert_eq!(Place::new(&path).levels().collect::<Vec<_>>(), path);
        }
    }

    #[test]
    fn every_lookup_by_index_finds_what_a_search_would() {
        let guide = Guide::embedded().expect("guide");
        for (area, step) in guide.all_steps() {
            let found = guide.step(&step.id).expect("indexed");
            let searched = guide
                .all_steps()
                .find(|(_, s)| s.id == step.id)
                .expect("found");
            assert_eq!(found.0, searched.0);
            assert!(std::ptr::eq(found.1, searched.1), "{}", step.id);
            let _ = area;
        }
        for source in &guide.sources {
            assert!(std::ptr::eq(
                guide.source(&source.id).expect("source"),
                source
            ));
        }
        assert_eq!(guide.state("fl").map(|s| s.code.as_str()), Some("FL"));
        assert!(guide.step("no.such.step").is_none());
        assert!(guide.credential("mlt-ascp").is_some());
    }
}
