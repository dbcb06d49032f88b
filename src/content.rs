//! What the guide says: steps, certification routes and state rules, loaded
//! from the RON files under `assets/` that are embedded in the binary.

mod load;
mod model;
mod validate;

pub use load::{ContentError, EMBEDDED_FILES};
pub use model::*;
pub use validate::{Problem, REFUSED_HOSTS, is_refused_url};

use std::collections::HashMap;

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

/// The whole guide, merged from every content file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Guide {
    pub sources: Vec<Source>,
    pub education: Vec<Step>,
    pub certification: Vec<Step>,
    pub licensing: Vec<Step>,
    pub no_license_step: Option<Step>,
    pub states: Vec<StateRecord>,
    pub certifiers: Vec<Certifier>,
    pub credentials: Vec<Credential>,
    pub routes: Vec<Route>,
    pub career: Vec<Fact>,
    pub exams: Vec<Exam>,
    /// Ids (state codes in upper case) to positions, the first of each id.
    sources_by_id: HashMap<String, usize>,
    states_by_code: HashMap<String, usize>,
    credentials_by_id: HashMap<String, usize>,
}

/// Each id to the position of its first occurrence.
fn positions(ids: impl Iterator<Item = String>) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

impl Guide {
    /// The guide the binary carries: the RON files as build.rs wrote them
    /// with postcard (the same parts `from_files(EMBEDDED_FILES)` parses,
    /// a test checks), decoded whole.
    pub fn embedded() -> Result<Guide, ContentError> {
        Ok(Guide::from_parts(load::embedded_parts()?))
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
        let mut guide = Guide::default();
        for mut part in parts {
            guide.sources.append(&mut part.sources);
            guide.education.append(&mut part.education);
            guide.certification.append(&mut part.certification);
            guide.licensing.append(&mut part.licensing);
            if part.no_license_step.is_some() {
                guide.no_license_step = part.no_license_step;
            }
            guide.states.append(&mut part.states);
            guide.certifiers.append(&mut part.certifiers);
            guide.credentials.append(&mut part.credentials);
            guide.routes.append(&mut part.routes);
            guide.career.append(&mut part.career);
            guide.exams.append(&mut part.exams);
        }
        guide.sources_by_id = positions(guide.sources.iter().map(|s| s.id.clone()));
        guide.states_by_code = positions(guide.states.iter().map(|s| s.code.to_ascii_uppercase()));
        guide.credentials_by_id = positions(guide.credentials.iter().map(|c| c.id.clone()));
        guide
    }

    /// Every problem a content maintainer must fix, with the file and line.
    pub fn validate(&self, files: &[(&str, &str)]) -> Vec<Problem> {
        validate::validate(self, files)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(*self.sources_by_id.get(id)?)
    }

    pub fn state(&self, code: &str) -> Option<&StateRecord> {
        let at = self.states_by_code.get(&code.to_ascii_uppercase())?;
        self.states.get(*at)
    }

    pub fn credential(&self, id: &str) -> Option<&Credential> {
        self.credentials.get(*self.credentials_by_id.get(id)?)
    }

    /// The exam leading to a credential, by the credential's id or its
    /// printed name ("mlt-ascp" or "MLT(ASCP)", any case).
    pub fn exam(&self, credential: &str) -> Option<&Exam> {
        let id = self
            .credentials
            .iter()
            .find(|c| {
                c.id.eq_ignore_ascii_case(credential) || c.name.eq_ignore_ascii_case(credential)
            })?
            .id
            .as_str();
        self.exams
            .iter()
            .find(|e| e.credentials.iter().any(|c| c == id))
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
    pub fn best_tier(&self, sources: &[String]) -> Option<Tier> {
        sources
            .iter()
            .filter_map(|id| self.source(id).map(|s| s.tier))
            .min()
    }

    /// True when every cited source is third-party (and at least one is cited).
    pub fn third_party_only(&self, sources: &[String]) -> bool {
        self.best_tier(sources) == Some(Tier::ThirdParty)
    }

    /// The earliest `verified` date among these sources: how old the evidence is.
    pub fn oldest_verified(&self, sources: &[String]) -> Option<Date> {
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

    /// Every step of the guide, sub-steps included, with its area: the
    /// checklists in order, then the no-license step, then the states' own.
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

    /// Finds a step anywhere in the guide by id, the first in
    /// [`Guide::all_steps`]'s order (validation reports duplicates).
    pub fn step(&self, id: &str) -> Option<(Area, &Step)> {
        fn find<'a>(steps: &'a [Step], id: &str) -> Option<&'a Step> {
            steps.iter().find_map(|s| {
                if s.id == id {
                    Some(s)
                } else {
                    find(&s.substeps, id)
                }
            })
        }
        let mut licensing = self
            .no_license_step
            .iter()
            .chain(self.states.iter().flat_map(|s| &s.steps));
        find(&self.education, id)
            .map(|s| (Area::Education, s))
            .or_else(|| find(&self.certification, id).map(|s| (Area::Certification, s)))
            .or_else(|| find(&self.licensing, id).map(|s| (Area::Licensing, s)))
            .or_else(|| {
                licensing
                    .find_map(|s| find(std::slice::from_ref(s), id))
                    .map(|s| (Area::Licensing, s))
            })
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

    #[test]
    fn every_lookup_by_id_finds_what_a_search_would() {
        let guide = Guide::embedded().expect("guide");
        for (area, step) in guide.all_steps() {
            let found = guide.step(&step.id).expect("found");
            let searched = guide
                .all_steps()
                .find(|(_, s)| s.id == step.id)
                .expect("found");
            assert_eq!(found.0, searched.0);
            assert!(std::ptr::eq(found.1, searched.1), "{}", step.id);
            assert_eq!(area, found.0);
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
