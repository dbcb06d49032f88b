//! Which certification routes the user qualifies for, and why: every route of
//! every credential evaluated against the background, with "today" passed in.
//! The clock is never read here.

use jiff::Span;
use serde::Serialize;

use crate::content::{
    Accreditor, Credential, Date, Degree, Discipline, Field, Guide, Program, Requirement, Route,
    RouteStatus, Subject, Tier,
};
use crate::profile::{Background, Education, Listed, PartialDate, Preference, Profile};

/// A route's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every requirement holds today.
    Met,
    /// At least one requirement does not hold.
    NotMet,
    /// Nothing fails, but some answer is missing.
    Unknown,
    /// The route no longer takes applicants.
    Closed,
}

impl Verdict {
    /// A symbol and a word, readable without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Verdict::Met => "[✓]",
            Verdict::NotMet => "[✗]",
            Verdict::Unknown => "[?]",
            Verdict::Closed => "[#]",
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::NotMet => "not met",
            Verdict::Unknown => "unknown",
            Verdict::Closed => "closed",
        }
    }
}

/// One line under a route: why it is met, what is missing, or what to answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub text: String,
    /// The guide step that would meet a missing requirement (or an
    /// unanswered one, should the answer be no).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// Whether the line says what holds, what is missing or what to answer.
    #[serde(skip)]
    pub kind: ReasonKind,
    /// For a missing requirement that time alone meets (experience still
    /// being earned): the day it will hold.
    #[serde(skip)]
    pub when: Option<Date>,
}

/// What a [`Reason`] line is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ReasonKind {
    #[default]
    Met,
    Missing,
    Question,
}

impl ReasonKind {
    /// The symbol a [`Reason`]'s text starts with: `✓`, `✗` or `?`.
    pub fn symbol(self) -> &'static str {
        match self {
            ReasonKind::Met => "✓",
            ReasonKind::Missing => "✗",
            ReasonKind::Question => "?",
        }
    }
}

impl Reason {
    /// The line's words, without the symbol it starts with ("an associate
    /// degree", not "✗ an associate degree").
    pub fn words(&self) -> &str {
        self.text
            .strip_prefix(self.kind.symbol())
            .map_or(self.text.as_str(), str::trim_start)
    }
}

/// A route evaluated for this user today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteAdvice<'g> {
    pub route: &'g Route,
    pub credential: &'g Credential,
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    /// For a met route: the day its earliest time window closes.
    pub closes: Option<Date>,
    /// For a route not met that time alone will meet (experience still
    /// being earned, nothing else missing): the day it will be met.
    pub when_met: Option<Date>,
    /// The requirements (indices into `route.requirements`) the verdict
    /// rests on: every one for a met or unknown route, the failed ones for
    /// a route not met, none for a closed route (it rests on the route's
    /// own sources). [`Self::confidence`] weighs their sources, read only
    /// when asked: a start that shows no route reads no source.
    pub rests_on: Vec<usize>,
}

impl RouteAdvice<'_> {
    /// "MLT(ASCP) Route 1".
    pub fn label(&self) -> String {
        format!("{} {}", self.credential.name, self.route.name)
    }

    /// How firm the verdict is: the tier of the weakest requirement it
    /// rests on (see [`requirement_tier`]); a route not met is as firm as
    /// its firmest failed requirement.
    pub fn confidence(&self, guide: &Guide) -> Tier {
        let tiers = self
            .rests_on
            .iter()
            .map(|&i| requirement_tier(guide, self.route, i));
        let tier = match self.verdict {
            Verdict::Closed => guide.best_tier(&self.route.sources),
            Verdict::NotMet => tiers.min(),
            Verdict::Met | Verdict::Unknown => tiers.max(),
        };
        tier.unwrap_or(Tier::ThirdParty)
    }

    /// `official`, `copy` or `third_party`: [`Self::confidence`] as
    /// `status --json` writes it.
    pub fn confidence_key(&self, guide: &Guide) -> &'static str {
        tier_key(self.confidence(guide))
    }

    /// For a verdict resting on third-party text, the line that says so and
    /// whom to ask: "⚠ per a third-party summary; confirm with ASCP".
    pub fn third_party_warning(&self, guide: &Guide) -> Option<String> {
        (self.confidence(guide) == Tier::ThirdParty).then(|| {
            format!(
                "⚠ per a third-party summary; confirm with {}",
                self.credential.certifier.to_uppercase()
            )
        })
    }

    /// A met route whose window closes within six months of `today`.
    pub fn closing_soon(&self, today: Date) -> Option<Date> {
        let closes = self.closes?;
        let soon = today.checked_add(Span::new().months(6)).ok()?;
        (self.verdict == Verdict::Met && closes <= soon).then_some(closes)
    }
}

/// `official`, `copy` or `third_party`.
pub fn tier_key(tier: Tier) -> &'static str {
    match tier {
        Tier::Official => "official",
        Tier::Copy => "copy",
        Tier::ThirdParty => "third_party",
    }
}

/// The tier of the best source a requirement of a route rests on: its own
/// `requirement_sources` if the route lists them, else the route's
/// sources. A requirement whose sources cannot be found counts as
/// third-party text.
pub fn requirement_tier(guide: &Guide, route: &Route, index: usize) -> Tier {
    let own = route
        .requirement_sources
        .get(index)
        .filter(|ids| !ids.is_empty());
    guide
        .best_tier(own.unwrap_or(&route.sources))
        .unwrap_or(Tier::ThirdParty)
}

/// How one requirement stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Eval {
    Met {
        why: String,
        closes: Option<Date>,
    },
    NotMet {
        why: String,
        step: Option<&'static str>,
        /// Met on this day by time alone (a job still going on).
        when: Option<Date>,
    },
    Unknown {
        question: String,
        /// The step that would meet it should the answer be no.
        step: Option<&'static str>,
    },
}

impl Eval {
    fn unknown(question: String, step: Option<&'static str>) -> Eval {
        Eval::Unknown { question, step }
    }
}

/// Every route of every credential, in the guide's order.
pub fn evaluate<'g>(guide: &'g Guide, profile: &Profile, today: Date) -> Vec<RouteAdvice<'g>> {
    evaluate_given(guide, profile, &effective_background(guide, profile), today)
}

/// [`evaluate`] with the effective background already worked out.
fn evaluate_given<'g>(
    guide: &'g Guide,
    profile: &Profile,
    background: &Background,
    today: Date,
) -> Vec<RouteAdvice<'g>> {
    guide
        .routes
        .iter()
        .filter_map(|route| {
            let credential = guide.credential(&route.credential)?;
            // Only the setup's answer makes empty lists mean "none".
            let facts = Facts {
                bg: background,
                answered: profile.background.is_answered(),
            };
            Some(route_advice(guide, route, credential, facts, today))
        })
        .collect()
}

/// The latest date a step (or any step under it) was done.
fn latest(step: &crate::content::Step, profile: &Profile) -> Option<PartialDate> {
    let own = profile.done_on(&step.id);
    step.substeps
        .iter()
        .filter_map(|s| latest(s, profile))
        .chain(own)
        .max_by_key(|d| d.last_day())
}

/// The background as the record shows it: what the setup says, plus what the
/// checklist says was done and when, where the setup is silent. Marking the
/// MLT associate degree done (with its date) counts as an associate degree,
/// and with "Choose a NAACLS-accredited program" done too, as a NAACLS MLT
/// program finished on the latest date among those steps; an option of the
/// bachelor's step done counts as a bachelor's degree.
pub fn effective_background(guide: &Guide, profile: &Profile) -> Background {
    let mut bg = profile.background.clone();
    let done = |id: &str| {
        guide
            .step(id)
            .is_some_and(|(_, s)| super::progress::check(s, profile) == super::Check::Done)
    };
    let date_of = |id: &str| guide.step(id).and_then(|(_, s)| latest(s, profile));
    let raise = |e: &mut Option<Education>, to: Education| {
        if e.is_none_or(|now| now < to) {
            *e = Some(to);
        }
    };
    if done("edu.associate") {
        raise(&mut bg.education, Education::Associate);
        let finished = [date_of("edu.associate"), date_of("edu.practicum")]
            .into_iter()
            .flatten()
            .max_by_key(|d| d.last_day());
        if done("edu.accredited")
            && !bg.programs.iter().any(|p| p.kind == Program::Mlt)
            && let Some(finished) = finished
        {
            // Done by choosing an ABHES program: that program, not NAACLS.
            let abhes = super::progress::covered(profile, "edu.accredited").is_some()
                && super::programs::chosen(profile).is_some_and(|c| {
                    c.accreditor == Some(crate::profile::CandidateAccreditor::Abhes)
                });
            bg.programs.push(crate::profile::ProgramDone {
                kind: Program::Mlt,
                accreditor: if abhes {
                    Accreditor::Abhes
                } else {
                    Accreditor::Naacls
                },
                finished,
            });
        }
    }
    if done("edu.bachelor") {
        raise(&mut bg.education, Education::Bachelor);
    }
    bg
}

/// The routes of the credentials that fit the user's goal, preferred
/// certifier first.
pub fn for_goal<'g>(guide: &'g Guide, profile: &Profile, today: Date) -> Vec<RouteAdvice<'g>> {
    for_goal_given(guide, profile, &effective_background(guide, profile), today)
}

/// [`for_goal`] with the effective background already worked out (what
/// the routes depend on besides the goal and the day).
pub fn for_goal_given<'g>(
    guide: &'g Guide,
    profile: &Profile,
    background: &Background,
    today: Date,
) -> Vec<RouteAdvice<'g>> {
    let mut routes: Vec<RouteAdvice<'g>> = evaluate_given(guide, profile, background, today)
        .into_iter()
        .filter(|r| r.credential.goal == profile.goal)
        .collect();
    let preferred = preferred_certifier(profile);
    routes.sort_by_key(|r| Some(r.credential.certifier.as_str()) != preferred);
    routes
}

/// The certifier id the user prefers, if they chose one.
pub fn preferred_certifier(profile: &Profile) -> Option<&'static str> {
    match profile.background.certifier? {
        Preference::Ascp => Some("ascp"),
        Preference::Amt => Some("amt"),
        Preference::Aab => Some("aab"),
        Preference::Undecided => None,
    }
}

/// One route against one background.
pub fn evaluate_route<'g>(
    guide: &'g Guide,
    route: &'g Route,
    credential: &'g Credential,
    background: &Background,
    today: Date,
) -> RouteAdvice<'g> {
    let facts = Facts {
        bg: background,
        answered: background.is_answered(),
    };
    route_advice(guide, route, credential, facts, today)
}

/// The background and whether the user answered the setup: only then, or
/// where they said "none" of a list, does an empty list mean "none". The
/// checklist can raise the education level (`effective_background`)
/// without answering anything else.
#[derive(Clone, Copy)]
struct Facts<'a> {
    bg: &'a Background,
    answered: bool,
}

impl Facts<'_> {
    /// Whether an empty `list` means the user has none (rather than that
    /// they did not say).
    fn none(self, list: Listed) -> bool {
        self.answered || self.bg.said_none.contains(&list)
    }
}

fn route_advice<'g>(
    guide: &'g Guide,
    route: &'g Route,
    credential: &'g Credential,
    facts: Facts<'_>,
    today: Date,
) -> RouteAdvice<'g> {
    if let RouteStatus::Closed(why) = &route.status {
        return RouteAdvice {
            route,
            credential,
            verdict: Verdict::Closed,
            reasons: vec![Reason {
                text: format!("Closed: {why}"),
                step: None,
                kind: ReasonKind::Missing,
                when: None,
            }],
            closes: None,
            when_met: None,
            rests_on: Vec::new(),
        };
    }
    let evals: Vec<Eval> = route
        .requirements
        .iter()
        .map(|r| check(r, facts, guide, today))
        .collect();
    let (verdict, reasons, closes) = combine_all(&evals, guide);
    let when_met = when_met(&evals);
    let rests_on = evals
        .iter()
        .enumerate()
        .filter(|(_, e)| verdict != Verdict::NotMet || matches!(e, Eval::NotMet { .. }))
        .map(|(i, _)| i)
        .collect();
    RouteAdvice {
        route,
        credential,
        verdict,
        reasons,
        closes,
        when_met,
        rests_on,
    }
}

/// The day time alone meets every missing requirement, when nothing else
/// is missing or unanswered.
fn when_met(evals: &[Eval]) -> Option<Date> {
    let mut latest = None;
    for e in evals {
        match e {
            Eval::Met { .. } => {}
            Eval::NotMet { when: Some(d), .. } => latest = latest.max(Some(*d)),
            Eval::NotMet { when: None, .. } | Eval::Unknown { .. } => return None,
        }
    }
    latest
}

/// A list of requirements (a state's own rule) against the background:
/// the verdict, a line for every requirement not met or unanswered (every
/// line when met), and the day time alone meets it.
pub fn evaluate_requirements(
    guide: &Guide,
    requirements: &[Requirement],
    background: &Background,
    today: Date,
) -> (Verdict, Vec<Reason>, Option<Date>) {
    let facts = Facts {
        bg: background,
        answered: background.is_answered(),
    };
    let evals: Vec<Eval> = requirements
        .iter()
        .map(|r| check(r, facts, guide, today))
        .collect();
    let (verdict, reasons, _) = combine_all(&evals, guide);
    (verdict, reasons, when_met(&evals))
}

/// All requirements must hold: any failure fails, else any unknown is
/// unknown, else met until the first window closes.
fn combine_all(evals: &[Eval], guide: &Guide) -> (Verdict, Vec<Reason>, Option<Date>) {
    let failed = evals.iter().any(|e| matches!(e, Eval::NotMet { .. }));
    let unknown = evals.iter().any(|e| matches!(e, Eval::Unknown { .. }));
    let step = |s: Option<&str>| {
        s.filter(|id| guide.step(id).is_some())
            .map(ToOwned::to_owned)
    };
    let mut reasons: Vec<Reason> = evals
        .iter()
        .filter_map(|e| match e {
            Eval::Met { why, .. } if !failed && !unknown => Some(Reason {
                text: format!("✓ {why}"),
                step: None,
                kind: ReasonKind::Met,
                when: None,
            }),
            Eval::Met { .. } => None,
            Eval::NotMet { why, step: s, when } => Some(Reason {
                text: format!("✗ {why}"),
                step: step(*s),
                kind: ReasonKind::Missing,
                when: *when,
            }),
            Eval::Unknown { question, step: s } => Some(Reason {
                text: format!("? {question}"),
                step: step(*s),
                kind: ReasonKind::Question,
                when: None,
            }),
        })
        .collect();
    // The same question asked by two requirements is asked once.
    let mut seen = std::collections::HashSet::new();
    reasons.retain(|r| seen.insert(r.text.clone()));
    let verdict = if failed {
        Verdict::NotMet
    } else if unknown {
        Verdict::Unknown
    } else {
        Verdict::Met
    };
    let closes = evals
        .iter()
        .filter_map(|e| match e {
            Eval::Met { closes, .. } => *closes,
            _ => None,
        })
        .min();
    (verdict, reasons, closes)
}

/// The last day a window of `years` from `finished` includes.
pub fn window_end(finished: PartialDate, years: u8) -> Date {
    let last = finished.last_day();
    last.checked_add(Span::new().years(i64::from(years)))
        .unwrap_or(last)
}

/// Whether something finished on `finished` is inside a window of `years`
/// today; `Ok` carries the day the window closes.
fn in_window(finished: PartialDate, years: Option<u8>, today: Date) -> Result<Option<Date>, Date> {
    match years {
        None => Ok(None),
        Some(years) => {
            let end = window_end(finished, years);
            if today <= end {
                Ok(Some(end))
            } else {
                Err(end)
            }
        }
    }
}

fn within_words(years: Option<u8>) -> String {
    years.map_or_else(String::new, |y| format!(" within the last {y} years"))
}

fn education_of(degree: Degree) -> Education {
    match degree {
        Degree::Associate => Education::Associate,
        Degree::Bachelor => Education::Bachelor,
    }
}

fn degree_words(degree: Degree) -> &'static str {
    match degree {
        Degree::Associate => "an associate degree",
        Degree::Bachelor => "a bachelor's degree",
    }
}

fn degree_step(degree: Degree) -> &'static str {
    match degree {
        Degree::Associate => "edu.associate",
        Degree::Bachelor => "edu.bachelor",
    }
}

fn accreditor_words(a: Accreditor) -> &'static str {
    match a {
        Accreditor::Naacls => "NAACLS",
        Accreditor::Abhes => "ABHES",
        Accreditor::Caahep => "CAAHEP",
        Accreditor::DoeOrChea => "another DOE or CHEA recognised accreditor",
        Accreditor::HhsApproved => "an HHS-approved body",
    }
}

/// Whether a program accredited by `had` satisfies a route naming `wanted`.
/// NAACLS, ABHES and CAAHEP are themselves recognised by the Department of
/// Education or CHEA.
fn accreditor_counts(had: Accreditor, wanted: &[Accreditor]) -> bool {
    wanted.contains(&had)
        || (wanted.contains(&Accreditor::DoeOrChea)
            && matches!(
                had,
                Accreditor::Naacls | Accreditor::Abhes | Accreditor::Caahep
            ))
}

/// Whether a free-text field of study is the field a route names. `None`
/// when medtech cannot tell.
fn field_matches(field: &str, wanted: Field) -> Option<bool> {
    let f = field.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| f.contains(w));
    let lab_science = has(&[
        "medical laboratory science",
        "clinical laboratory science",
        "medical technology",
        "biomedical laboratory",
        "mls",
        "cls",
    ]);
    let lab_tech = has(&[
        "laboratory technology",
        "laboratory technician",
        "mlt",
        "clinical laboratory technician",
    ]);
    let bio_chem = has(&["biology", "chemistry", "biochem", "microbio", "biological"]);
    let answer = match wanted {
        Field::MedicalLaboratoryScience => lab_science,
        Field::MedicalLaboratoryTechnology => lab_tech,
        Field::LaboratoryScience => lab_science || lab_tech || bio_chem || has(&["physics"]),
        Field::BiologyOrChemistry => bio_chem,
    };
    // A field that names none of these may still count: say so, not "no".
    if answer { Some(true) } else { None }
}

fn field_words(field: Field) -> &'static str {
    match field {
        Field::MedicalLaboratoryScience => "medical laboratory science",
        Field::MedicalLaboratoryTechnology => "medical laboratory technology",
        Field::LaboratoryScience => "a laboratory science",
        Field::BiologyOrChemistry => "biology or chemistry",
    }
}

/// College hours as known: someone whose highest education is high school
/// has none, answered or not.
fn hours(answer: Option<u16>, bg: &Background) -> Option<u16> {
    answer.or((bg.education == Some(Education::HighSchool)).then_some(0))
}

/// One requirement against the background.
#[allow(clippy::too_many_lines)]
fn check(req: &Requirement, facts: Facts<'_>, guide: &Guide, today: Date) -> Eval {
    let bg = facts.bg;
    let unknown = |q: &str| Eval::Unknown {
        step: None,
        question: q.to_owned(),
    };
    match req {
        Requirement::HighSchool => match bg.education {
            None => unknown("What is your highest education? (on the setup screen)"),
            Some(e) => Eval::Met {
                why: format!("High school finished ({})", e.words()),
                closes: None,
            },
        },
        Requirement::Degree(degree) => check_degree(*degree, bg),
        Requirement::DegreeIn { degree, field } => match check_degree(*degree, bg) {
            Eval::Met { .. } => match bg.field.as_deref() {
                None => unknown(&format!(
                    "In what field is your degree? This route needs {} in {}.",
                    degree_words(*degree),
                    field_words(*field)
                )),
                Some(text) => match field_matches(text, *field) {
                    Some(true) => Eval::Met {
                        why: format!("{} in {text}", degree_words(*degree)),
                        closes: None,
                    },
                    _ => unknown(&format!(
                        "Does your degree in \"{}\" count as {}? Ask the certifier.",
                        crate::text::sanitize(text),
                        field_words(*field)
                    )),
                },
            },
            other => other,
        },
        Requirement::SemesterHours(needed) => match hours(bg.semester_hours, bg) {
            None => Eval::unknown(
                "How many semester hours of college credit do you have?".to_owned(),
                Some("edu.associate"),
            ),
            Some(h) if h >= *needed => Eval::Met {
                why: format!("{h} semester hours (needs {needed})"),
                closes: None,
            },
            Some(h) => Eval::NotMet {
                when: None,
                why: format!("{needed} semester hours of college credit; you have {h}"),
                step: Some("edu.associate"),
            },
        },
        Requirement::SubjectHours { subject, hours } => check_subject(*subject, *hours, bg),
        // Fewer college hours than asked in all: not met, whenever taken.
        Requirement::RecentCoursework {
            semester_hours,
            within_years,
        } if hours(bg.semester_hours, bg).is_some_and(|h| h < *semester_hours) => Eval::NotMet {
            when: None,
            why: format!(
                "{semester_hours} semester hours of college within the last {within_years} \
                 years; you have {}",
                hours(bg.semester_hours, bg).unwrap_or(0)
            ),
            step: Some("edu.associate"),
        },
        Requirement::RecentCoursework {
            semester_hours,
            within_years,
        } => unknown(&format!(
            "Did you complete {semester_hours} semester hours of college within the last \
             {within_years} years? medtech does not ask when your courses were taken."
        )),
        Requirement::Program {
            program,
            accreditors,
            within_years,
        } => check_program(
            *program,
            accreditors,
            *within_years,
            bg,
            facts.none(Listed::Programs),
            today,
        ),
        Requirement::MilitaryCourse {
            min_weeks,
            within_years,
        } => match &bg.military_course {
            None if !facts.none(Listed::MilitaryCourse) => Eval::unknown(
                "Did you finish a US military medical laboratory course?".to_owned(),
                Some("edu.military"),
            ),
            None => Eval::NotMet {
                when: None,
                why: format!(
                    "a US military medical laboratory course of {min_weeks} weeks{}",
                    within_words(*within_years)
                ),
                step: Some("edu.military"),
            },
            Some(course) if course.weeks < *min_weeks => Eval::NotMet {
                when: None,
                why: format!(
                    "your military course was {} weeks; this needs {min_weeks}",
                    course.weeks
                ),
                step: Some("edu.military"),
            },
            Some(course) if course.finished.is_after(today) => Eval::NotMet {
                when: None,
                why: format!(
                    "your military course finishes {}, after today",
                    course.finished
                ),
                step: None,
            },
            Some(course) => match in_window(course.finished, *within_years, today) {
                Ok(closes) => Eval::Met {
                    why: format!(
                        "{}-week military course finished {}{}",
                        course.weeks,
                        course.finished,
                        closes.map_or_else(String::new, |d| format!(" (counts until {d})"))
                    ),
                    closes,
                },
                Err(ended) => Eval::NotMet {
                    when: None,
                    why: format!(
                        "your military course ({}) is more than {} years ago: that window closed on {ended}",
                        course.finished,
                        within_years.unwrap_or_default()
                    ),
                    step: None,
                },
            },
        },
        Requirement::Experience {
            months,
            within_years,
            areas,
        } => check_experience(
            *months,
            *within_years,
            areas,
            bg,
            facts.none(Listed::Experience),
            today,
        ),
        Requirement::Credential(id) => {
            let name = guide
                .credential(id)
                .map_or(id.as_str(), |c| c.name.as_str());
            let held = bg.credentials.iter().find(|c| c.is(name));
            match held {
                Some(c) => Eval::Met {
                    why: format!("{name} held since {}", c.since),
                    closes: None,
                },
                None if !facts.none(Listed::Credentials) => {
                    Eval::unknown(format!("Do you hold {name}?"), Some("cert.exam"))
                }
                None => Eval::NotMet {
                    when: None,
                    why: format!("a current {name} credential"),
                    step: Some("cert.exam"),
                },
            }
        }
        Requirement::ForeignEducation { degree, field } => match bg.educated_abroad {
            None => unknown("Was your education earned outside the US and Canada?"),
            Some(false) => Eval::NotMet {
                when: None,
                why: "this route is for education earned outside the US and Canada".to_owned(),
                step: None,
            },
            Some(true) => check(
                &Requirement::DegreeIn {
                    degree: *degree,
                    field: *field,
                },
                facts,
                guide,
                today,
            ),
        },
        Requirement::AnyOf(options) => {
            let evals: Vec<Eval> = options
                .iter()
                .map(|o| check(o, facts, guide, today))
                .collect();
            any_of(&evals)
        }
        Requirement::AllOf(parts) => {
            let evals: Vec<Eval> = parts
                .iter()
                .map(|p| check(p, facts, guide, today))
                .collect();
            all_of(&evals)
        }
    }
}

/// Any one option holds: the one open longest wins; else an unanswered one
/// leaves it open; else every alternative, each written once.
fn any_of(evals: &[Eval]) -> Eval {
    let met = evals.iter().filter_map(|e| match e {
        Eval::Met { why, closes } => Some((why, closes)),
        _ => None,
    });
    if let Some((why, closes)) = met.max_by_key(|(_, c)| c.unwrap_or(Date::MAX)) {
        return Eval::Met {
            why: why.clone(),
            closes: *closes,
        };
    }
    if let Some(e) = evals.iter().find(|e| matches!(e, Eval::Unknown { .. })) {
        return e.clone();
    }
    let mut whys: Vec<String> = Vec::new();
    for e in evals {
        if let Eval::NotMet { why, .. } = e
            && !whys.contains(why)
        {
            whys.push(why.clone());
        }
    }
    let step = evals.iter().find_map(|e| match e {
        Eval::NotMet { step, .. } => *step,
        _ => None,
    });
    // Time alone meets it when it meets any option.
    let when = evals
        .iter()
        .filter_map(|e| match e {
            Eval::NotMet { when, .. } => *when,
            _ => None,
        })
        .min();
    let why = if whys.len() == 1 {
        whys.remove(0)
    } else {
        format!("one of: {}", whys.join("; or "))
    };
    Eval::NotMet { why, step, when }
}

/// Every part holds: the gaps are all written (once each), else the first
/// question, else met.
fn all_of(evals: &[Eval]) -> Eval {
    let mut whys: Vec<String> = Vec::new();
    let mut step = None;
    let mut when = Some(None);
    for e in evals {
        if let Eval::NotMet {
            why,
            step: s,
            when: w,
        } = e
        {
            if !whys.contains(why) {
                whys.push(why.clone());
            }
            step = step.or(*s);
            when = match (when, w) {
                (Some(a), Some(b)) => Some(a.max(Some(*b))),
                _ => None,
            };
        }
    }
    if !whys.is_empty() {
        return Eval::NotMet {
            why: whys.join(", and "),
            step,
            when: when.flatten(),
        };
    }
    if let Some(unknown) = evals.iter().find(|e| matches!(e, Eval::Unknown { .. })) {
        return unknown.clone();
    }
    let whys: Vec<String> = evals
        .iter()
        .filter_map(|e| match e {
            Eval::Met { why, .. } => Some(why.clone()),
            _ => None,
        })
        .collect();
    Eval::Met {
        why: whys.join(", "),
        closes: evals
            .iter()
            .filter_map(|e| match e {
                Eval::Met { closes, .. } => *closes,
                _ => None,
            })
            .min(),
    }
}

fn check_degree(degree: Degree, bg: &Background) -> Eval {
    match bg.education {
        None => Eval::unknown(
            "What is your highest education? (on the setup screen)".to_owned(),
            Some(degree_step(degree)),
        ),
        Some(e) if e >= education_of(degree) => Eval::Met {
            why: format!("{} ({})", degree_words(degree), e.words()),
            closes: None,
        },
        Some(e) => Eval::NotMet {
            when: None,
            why: format!("{} (your highest is {})", degree_words(degree), e.words()),
            step: Some(degree_step(degree)),
        },
    }
}

fn check_subject(subject: Subject, needed: u16, bg: &Background) -> Eval {
    let (known, words, step) = match subject {
        Subject::Chemistry => (
            hours(bg.chemistry_hours, bg),
            "chemistry",
            "edu.prereqs.chemistry",
        ),
        Subject::Biology => (
            hours(bg.biology_hours, bg),
            "biology",
            "edu.prereqs.biology",
        ),
        Subject::Microbiology => (
            hours(bg.microbiology_hours, bg),
            "microbiology",
            "edu.prereqs.microbiology",
        ),
        Subject::OrganicOrBiochemistry => (
            hours(bg.organic_or_biochemistry_hours, bg),
            "organic chemistry or biochemistry",
            "edu.prereqs.chemistry",
        ),
        Subject::Science => {
            let parts = [
                hours(bg.chemistry_hours, bg),
                hours(bg.biology_hours, bg),
                hours(bg.microbiology_hours, bg),
            ];
            let sum = parts.iter().flatten().sum::<u16>();
            // Short with a part unanswered: the missing part may make it up.
            let complete = parts.iter().all(Option::is_some);
            (
                (complete || sum >= needed).then_some(sum),
                "science (chemistry, biology, microbiology)",
                "edu.prereqs",
            )
        }
        Subject::MedicalLaboratory => {
            return Eval::Unknown {
                step: None,
                question: format!(
                    "Do you have {needed} semester hours of medical laboratory courses? \
                     medtech does not ask for these."
                ),
            };
        }
    };
    match known {
        None => Eval::unknown(
            format!("How many semester hours of {words} do you have?"),
            Some(step),
        ),
        Some(h) if h >= needed => Eval::Met {
            why: format!("{h} semester hours of {words} (needs {needed})"),
            closes: None,
        },
        Some(h) => Eval::NotMet {
            when: None,
            why: format!("{needed} semester hours of {words}; you have {h}"),
            step: Some(step),
        },
    }
}

fn check_program(
    program: Program,
    accreditors: &[Accreditor],
    within_years: Option<u8>,
    bg: &Background,
    answered: bool,
    today: Date,
) -> Eval {
    let kind = match program {
        Program::Mlt => "MLT",
        Program::Mls => "MLS",
    };
    let by: Vec<&str> = accreditors.iter().copied().map(accreditor_words).collect();
    // Someone with a bachelor's already needs the one-year certificate,
    // not a second degree.
    let step = match program {
        Program::Mlt => "edu.accredited",
        Program::Mls if bg.education >= Some(Education::Bachelor) => "edu.bachelor.post-bacc",
        Program::Mls => "edu.bachelor",
    };
    let matching: Vec<_> = bg
        .programs
        .iter()
        .filter(|p| p.kind == program && accreditor_counts(p.accreditor, accreditors))
        .collect();
    if matching.is_empty() {
        if !answered {
            return Eval::unknown(
                format!("Did you finish an accredited {kind} program?"),
                Some(step),
            );
        }
        // "HHS-approved" is CLIA's wording; whether a NAACLS program counts
        // is the certifier's call, and the source does not say: a question,
        // never a "no".
        if accreditors.contains(&Accreditor::HhsApproved)
            && let Some(p) = bg.programs.iter().find(|p| p.kind == program)
        {
            return Eval::unknown(
                format!(
                    "Does the certifier count your {} {kind} program as \"HHS-approved\"? \
                     The source does not say; ask the certifier.",
                    accreditor_words(p.accreditor)
                ),
                Some(step),
            );
        }
        // A route that takes any program (a foreign clinical training
        // program has no US accreditor) names none.
        let any = [
            Accreditor::Naacls,
            Accreditor::Abhes,
            Accreditor::Caahep,
            Accreditor::DoeOrChea,
            Accreditor::HhsApproved,
        ]
        .iter()
        .all(|a| accreditors.contains(a));
        let what = if any {
            format!("an {kind} clinical training program")
        } else {
            format!("an {kind} program accredited by {}", by.join(" or "))
        };
        return Eval::NotMet {
            when: None,
            why: format!("{what}{}", within_words(within_years)),
            step: Some(step),
        };
    }
    // The most recent program gives the longest window.
    let latest = matching
        .iter()
        .max_by_key(|p| p.finished.last_day())
        .expect("not empty");
    // A hand-edited date after today: not finished yet.
    if latest.finished.is_after(today) {
        return Eval::NotMet {
            when: None,
            why: format!(
                "your {kind} program finishes {}, after today",
                latest.finished
            ),
            step: None,
        };
    }
    match in_window(latest.finished, within_years, today) {
        Ok(closes) => Eval::Met {
            why: format!(
                "{kind} program ({}) finished {}{}",
                accreditor_words(latest.accreditor),
                latest.finished,
                closes.map_or_else(String::new, |d| format!(", counts until {d}"))
            ),
            closes,
        },
        Err(ended) => Eval::NotMet {
            when: None,
            why: format!(
                "your {kind} program finished {}, more than {} years ago: that window closed on {ended}",
                latest.finished,
                within_years.unwrap_or_default()
            ),
            step: None,
        },
    }
}

#[allow(
    clippy::too_many_lines,
    reason = "every gap of one requirement, in order"
)]
fn check_experience(
    months: u16,
    within_years: Option<u8>,
    areas: &[Discipline],
    bg: &Background,
    answered: bool,
    today: Date,
) -> Eval {
    let needs = format!(
        "{months} months of full-time clinical lab experience{}",
        within_words(within_years)
    );
    if bg.experience.is_empty() {
        if !answered {
            return Eval::Unknown {
                step: None,
                question: "How many months of full-time clinical lab experience do you have?"
                    .to_owned(),
            };
        }
        return Eval::NotMet {
            when: None,
            why: needs,
            step: None,
        };
    }
    // Jobs still inside the window (a current job always is), with the day
    // each leaves it.
    let mut counted: Vec<(u16, Option<Date>)> = bg
        .experience
        .iter()
        .filter_map(|job| match (job.ended, within_years) {
            (None, _) => Some((job.months, None)),
            (Some(ended), years) => in_window(ended, years, today)
                .ok()
                .map(|closes| (job.months, closes)),
        })
        .collect();
    let total: u16 = counted.iter().map(|(m, _)| m).sum();
    // Every gap: too few months, and areas not covered.
    let mut gaps: Vec<String> = Vec::new();
    let mut when = None;
    if total < months {
        let all: u16 = bg.experience.iter().map(|j| j.months).sum();
        let still_working = bg.experience.iter().any(|j| j.ended.is_none());
        when = still_working
            .then(|| {
                today
                    .checked_add(Span::new().months(i64::from(months - total)))
                    .ok()
            })
            .flatten();
        let ahead = when.map_or_else(String::new, |d| {
            format!(
                " (met around {} if you keep working full time)",
                d.strftime("%Y-%m")
            )
        });
        gaps.push(if all >= months {
            format!("{needs}: only {total} of your {all} months fall inside that window{ahead}")
        } else {
            format!("{needs}; you have {total}{ahead}")
        });
    }
    if !areas.is_empty() {
        let covered: Vec<Discipline> = bg
            .experience
            .iter()
            .flat_map(|j| j.areas.iter().copied())
            .collect();
        if covered.is_empty() {
            if gaps.is_empty() {
                return Eval::unknown(
                    "Which lab areas did your experience cover?".to_owned(),
                    None,
                );
            }
        } else {
            let missing: Vec<&str> = areas
                .iter()
                .filter(|a| !covered.contains(a))
                .map(|a| a.words())
                .collect();
            if !missing.is_empty() {
                gaps.push(format!("experience in {}", missing.join(", ")));
                when = None;
            }
        }
    }
    if !gaps.is_empty() {
        return Eval::NotMet {
            why: gaps.join(", and "),
            step: None,
            when,
        };
    }
    // The window closes when dropping the oldest job leaves too few months.
    counted.sort_by_key(|(_, closes)| closes.unwrap_or(Date::MAX));
    let mut left = total;
    let mut closes = None;
    for (m, end) in &counted {
        left -= m;
        if left < months {
            closes = *end;
            break;
        }
    }
    Eval::Met {
        why: format!(
            "{total} months of lab experience (needs {months}){}",
            closes.map_or_else(String::new, |d| format!(", counts until {d}"))
        ),
        closes,
    }
}
