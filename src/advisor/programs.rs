//! The shortlist measured for this person: each program's outcomes against
//! NAACLS's benchmarks (averaged the way NAACLS states it), what finishing
//! it would open or close for their goal and state (asked of the
//! eligibility engine, not listed by hand), and the flags worth a look.
//! Pure: the guide, the profile and today go in.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::Span;
use serde::Serialize;

use super::eligibility::{self, Verdict};
use super::plan;
use crate::content::{Accreditor, Date, Fact, Goal, Guide, Program, Source, Weeks};
use crate::profile::{
    Candidate, CandidateAccreditor, CandidateKind, Education, Format, PartialDate, Profile,
    ProgramDone, Rate,
};

/// The step whose facts hold the benchmarks and the questions to ask.
pub const STEP: &str = "edu.accredited";
/// The label of the fact that states the benchmarks.
const BENCHMARK_FACT: &str = "Outcome benchmarks";
/// The label of each question worth asking a program.
const QUESTION_FACT: &str = "Ask";
/// How many years NAACLS averages over.
pub const YEARS: usize = 3;
/// A deadline this close is flagged.
pub const DEADLINE_DAYS: i64 = 60;

/// The three outcomes programs publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// ASCP BOC pass rate within a year of graduating.
    Boc,
    /// Graduation rate of students who began the final half.
    Graduation,
    /// Placement rate of graduates who answered.
    Placement,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Boc, Outcome::Graduation, Outcome::Placement];

    /// The benchmark, in percent (NAACLS: 75, 70, 70; see the guide's
    /// "Outcome benchmarks" fact, which a test keeps in step).
    pub fn benchmark(self) -> u32 {
        match self {
            Outcome::Boc => 75,
            Outcome::Graduation | Outcome::Placement => 70,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Outcome::Boc => "boc",
            Outcome::Graduation => "graduation",
            Outcome::Placement => "placement",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Outcome::Boc => "BOC pass",
            Outcome::Graduation => "Graduation",
            Outcome::Placement => "Placement",
        }
    }

    pub fn of(self, candidate: &Candidate) -> &BTreeMap<i16, Rate> {
        match self {
            Outcome::Boc => &candidate.boc,
            Outcome::Graduation => &candidate.graduation,
            Outcome::Placement => &candidate.placement,
        }
    }
}

/// One outcome's three-year average against its benchmark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub outcome: Outcome,
    /// The years averaged: the last three with data, oldest first.
    pub years: Vec<i16>,
    /// The average in tenths of a percent (553 is 55.3%).
    pub tenths: Option<u32>,
    /// Some year is known only as a percentage, so the percentages were
    /// averaged (NAACLS sums raw numbers).
    pub from_percentages: bool,
    /// `None` with no data.
    pub met: Option<bool>,
}

impl Measure {
    /// The average as a percentage with one decimal.
    pub fn percent(&self) -> Option<f64> {
        self.tenths.map(|t| f64::from(t) / 10.0)
    }

    /// "55.0%", or "no data".
    pub fn average_words(&self) -> String {
        self.tenths.map_or_else(
            || "no data".to_owned(),
            |t| format!("{}.{}%", t / 10, t % 10),
        )
    }

    /// "✓ met", "✗ not met", "? unknown": readable without colour.
    pub fn verdict_words(&self) -> &'static str {
        match self.met {
            Some(true) => "✓ met",
            Some(false) => "✗ not met",
            None => "? unknown",
        }
    }

    /// "BOC pass 55.0% ✗ not met (benchmark 75%; 2021-2023, percentages averaged)".
    pub fn line(&self) -> String {
        let mut how = format!("benchmark {}%", self.outcome.benchmark());
        if let (Some(first), Some(last)) = (self.years.first(), self.years.last()) {
            if first == last {
                let _ = write!(how, "; {first} only");
            } else {
                let _ = write!(how, "; {first}-{last}");
            }
        }
        if self.from_percentages {
            how.push_str(", percentages averaged: raw numbers not given");
        }
        format!(
            "{} {} {} ({how})",
            self.outcome.words(),
            self.average_words(),
            self.verdict_words()
        )
    }
}

/// The three-year average of one outcome, the NAACLS way: the last three
/// years with data, raw numbers summed (passed over took); when a year is
/// known only as a percentage, the percentages are averaged and
/// `from_percentages` says so. A year with no one counted (`0/0`) is no data.
pub fn measure(outcome: Outcome, rates: &BTreeMap<i16, Rate>) -> Measure {
    let recent: Vec<(i16, Rate)> = rates
        .iter()
        .rev()
        .filter(|(_, r)| !matches!(r, Rate::Counted(_, 0)))
        .take(YEARS)
        .map(|(y, r)| (*y, *r))
        .collect();
    let mut years: Vec<i16> = recent.iter().map(|(y, _)| *y).collect();
    years.reverse();
    let from_percentages = recent.iter().any(|(_, r)| matches!(r, Rate::Percent(_)));
    let tenths = if recent.is_empty() {
        None
    } else if from_percentages {
        let n = u32::try_from(recent.len()).unwrap_or(1);
        let sum: u32 = recent.iter().map(|(_, r)| percent_tenths(*r)).sum();
        Some((2 * sum + n) / (2 * n))
    } else {
        let (part, whole) = recent.iter().fold((0u32, 0u32), |(p, w), (_, r)| match r {
            Rate::Counted(a, b) => (p + a, w + b),
            Rate::Percent(_) => (p, w),
        });
        Some(ratio_tenths(part, whole))
    };
    Measure {
        outcome,
        years,
        met: tenths.map(|t| t >= outcome.benchmark() * 10),
        tenths,
        from_percentages,
    }
}

/// `part / whole` in tenths of a percent, rounded half up.
fn ratio_tenths(part: u32, whole: u32) -> u32 {
    let (part, whole) = (u64::from(part), u64::from(whole.max(1)));
    u32::try_from((part * 2000 + whole) / (2 * whole)).unwrap_or(u32::MAX)
}

fn percent_tenths(rate: Rate) -> u32 {
    match rate {
        Rate::Percent(p) => u32::from(p) * 10,
        Rate::Counted(a, b) => ratio_tenths(a, b),
    }
}

/// Why a program deserves a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// Not accredited, or not by NAACLS: routes and state rules it closes.
    Closes,
    /// Which agency accredits it is not known yet.
    AccreditationUnknown,
    /// Online, and no clinical site is guaranteed.
    NoClinicalSite,
    /// The application deadline is within 60 days.
    DeadlineSoon,
    /// The application deadline has passed.
    DeadlinePassed,
    /// An outcome below its benchmark.
    BelowBenchmark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub kind: FlagKind,
    /// "⚠ not accredited: closes MLT(ASCP) Route 1".
    pub text: String,
}

/// One program of the shortlist, measured for this person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub name: String,
    pub chosen: bool,
    /// BOC, graduation, placement.
    pub measures: [Measure; 3],
    pub flags: Vec<Flag>,
    /// The routes finishing it would meet, for its level ("MLT(ASCP) Route 1").
    pub opens: Vec<String>,
    /// The routes a NAACLS program would meet and this one does not.
    pub closes: Vec<String>,
    /// The person's state's rule for the level and how finishing this
    /// program leaves it; `None` with no licensing state or no rule.
    pub state_rule: Option<(String, Verdict)>,
    /// The state rules a NAACLS program would meet and this one does not.
    pub rules_closed: Vec<String>,
}

/// Every program of the shortlist, in its order.
pub fn assess_all(guide: &Guide, profile: &Profile, today: Date) -> Vec<Assessment> {
    profile
        .shortlist
        .programs
        .iter()
        .map(|c| assess(guide, profile, c, today))
        .collect()
}

/// The kind of a program, or the person's goal's usual one when not given.
pub fn kind_of(candidate: &Candidate, goal: Goal) -> CandidateKind {
    candidate.kind.unwrap_or(match goal {
        Goal::Mlt => CandidateKind::MltAssociate,
        Goal::Mls => CandidateKind::MlsBachelor,
    })
}

pub fn assess(guide: &Guide, profile: &Profile, candidate: &Candidate, today: Date) -> Assessment {
    let measures = Outcome::ALL.map(|o| measure(o, o.of(candidate)));
    let kind = kind_of(candidate, profile.goal);
    let goal = if kind.is_mls() { Goal::Mls } else { Goal::Mlt };
    let actual = candidate
        .accreditor
        .map(|a| finished(guide, profile, goal, a, today));
    let naacls = finished(guide, profile, goal, CandidateAccreditor::Naacls, today);
    let closes: Vec<String> = actual
        .as_ref()
        .map(|after| {
            naacls
                .routes
                .iter()
                .filter(|(label, v)| {
                    *v != Verdict::NotMet
                        && after
                            .routes
                            .iter()
                            .any(|(l, w)| l == label && *w == Verdict::NotMet)
                })
                .map(|(label, _)| label.clone())
                .collect()
        })
        .unwrap_or_default();
    let rules_closed: Vec<String> = match (&actual, &naacls.rule) {
        (Some(after), Some((name, v))) => after
            .rule
            .as_ref()
            .filter(|(_, w)| *v != Verdict::NotMet && *w == Verdict::NotMet)
            .map(|_| vec![name.clone()])
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let flags = flags(candidate, &measures, &closes, &rules_closed, today);
    let after = actual.unwrap_or(naacls);
    Assessment {
        name: candidate.name.clone(),
        chosen: profile
            .shortlist
            .chosen
            .as_deref()
            .is_some_and(|c| crate::profile::same_name(c, &candidate.name)),
        measures,
        flags,
        opens: after
            .routes
            .iter()
            .filter(|(_, v)| *v == Verdict::Met)
            .map(|(l, _)| l.clone())
            .collect(),
        closes,
        state_rule: after.rule,
        rules_closed,
    }
}

/// The flags of one program, in the order they matter.
fn flags(
    candidate: &Candidate,
    measures: &[Measure; 3],
    closes: &[String],
    rules_closed: &[String],
    today: Date,
) -> Vec<Flag> {
    let mut flags = Vec::new();
    match candidate.accreditor {
        None => flags.push(Flag {
            kind: FlagKind::AccreditationUnknown,
            text: "? accreditation not known: ask which agency accredits it".to_owned(),
        }),
        Some(a) if !closes.is_empty() || !rules_closed.is_empty() => {
            let mut what = closes.to_vec();
            what.extend(rules_closed.iter().map(|r| format!("{r} in your state")));
            flags.push(Flag {
                kind: FlagKind::Closes,
                text: format!("⚠ {}: closes {}", a.words(), what.join(", ")),
            });
        }
        Some(_) => {}
    }
    for m in measures {
        if m.met == Some(false) {
            flags.push(Flag {
                kind: FlagKind::BelowBenchmark,
                text: format!(
                    "✗ {} average {} is below the {}% benchmark",
                    m.outcome.words(),
                    m.average_words(),
                    m.outcome.benchmark()
                ),
            });
        }
    }
    if candidate.format == Some(Format::Online) && candidate.clinical_guaranteed != Some(true) {
        let known = if candidate.clinical_guaranteed == Some(false) {
            "no clinical site is guaranteed"
        } else {
            "not known whether a clinical site is guaranteed"
        };
        flags.push(Flag {
            kind: FlagKind::NoClinicalSite,
            text: format!("⚠ online, {known}: you may have to find a lab yourself"),
        });
    }
    if let Some(deadline) = candidate.deadline {
        let days = (deadline - today).get_days();
        let days = i64::from(days);
        if days < 0 {
            flags.push(Flag {
                kind: FlagKind::DeadlinePassed,
                text: format!("✗ application deadline {deadline} has passed"),
            });
        } else if days <= DEADLINE_DAYS {
            flags.push(Flag {
                kind: FlagKind::DeadlineSoon,
                text: format!(
                    "⚠ application deadline {deadline}: in {days} day{}",
                    if days == 1 { "" } else { "s" }
                ),
            });
        }
    }
    flags
}

/// Where a person would stand after finishing a program of `goal`'s level
/// accredited by `accreditor`, this month.
struct After {
    /// Every route of the level's credentials and its verdict.
    routes: Vec<(String, Verdict)>,
    /// The state's rule for the level, if the state licenses it.
    rule: Option<(String, Verdict)>,
}

fn finished(
    guide: &Guide,
    profile: &Profile,
    goal: Goal,
    accreditor: CandidateAccreditor,
    today: Date,
) -> After {
    let mut imagined = profile.clone();
    imagined.goal = goal;
    let bg = &mut imagined.background;
    let degree = if goal == Goal::Mls {
        Education::Bachelor
    } else {
        Education::Associate
    };
    if bg.education.is_none_or(|e| e < degree) {
        bg.education = Some(degree);
    }
    let program = if goal == Goal::Mls {
        Program::Mls
    } else {
        Program::Mlt
    };
    let accreditor = match accreditor {
        CandidateAccreditor::Naacls => Some(Accreditor::Naacls),
        CandidateAccreditor::Abhes => Some(Accreditor::Abhes),
        // Another agency counts where a route takes any accreditor the US
        // Department of Education or CHEA recognizes (AMT's wording), and
        // nowhere a route names NAACLS or ABHES.
        CandidateAccreditor::Other => Some(Accreditor::DoeOrChea),
        CandidateAccreditor::NotAccredited => None,
    };
    if let Some(accreditor) = accreditor {
        bg.programs.push(ProgramDone {
            kind: program,
            accreditor,
            finished: PartialDate::month_of(today),
        });
    }
    let routes = eligibility::for_goal(guide, &imagined, today)
        .into_iter()
        .filter(|r| !r.credential.name.contains("ASCPi"))
        .map(|r| (r.label(), r.verdict))
        .collect();
    let background = eligibility::effective_background(guide, &imagined);
    let rule = imagined
        .state
        .as_deref()
        .and_then(|code| guide.state(code))
        .filter(|s| s.license == crate::content::LicenseRule::Required)
        .and_then(|state| {
            plan::check_rule(guide, state, goal.license_level(), &background, None, today)
        })
        .map(|r| (r.name, r.status));
    After { routes, rule }
}

/// Whether a step is one of the school steps a chosen program stands for:
/// the program itself (associate or bachelor's, with their options), its
/// practicum, and choosing an accredited program.
pub fn replaces(step_id: &str) -> bool {
    [
        "edu.accredited",
        "edu.associate",
        "edu.practicum",
        "edu.bachelor",
    ]
    .iter()
    .any(|id| step_id == *id || step_id.starts_with(&format!("{id}.")))
}

/// What the finish estimate counts for a chosen program: its name and
/// length, when the length is known.
pub fn counted(program: &Candidate) -> Option<(String, Weeks)> {
    let weeks = weeks(program.months?);
    let from = program
        .starts
        .map_or_else(String::new, |d| format!(", from its start {d}"));
    Some((
        format!("{} (your chosen program{from})", program.name),
        Weeks {
            min: weeks,
            max: weeks,
            at_least: false,
        },
    ))
}

/// What the chosen program's cover of [`STEP`] is called ("Done from
/// your choice").
pub const CHOICE_COVER: &str = "your chosen program, accredited as the step asks";

/// Whether the chosen program answers "Choose a NAACLS-accredited
/// program": NAACLS-accredited, or ABHES-accredited for an MLT program
/// (MLT(ASCP) Route 1 takes both; its MLS Route 1 only NAACLS).
pub fn choice_covers_step(profile: &Profile) -> bool {
    choice_short_of_step(profile).is_none() && chosen(profile).is_some()
}

/// Why the chosen program does not count for [`STEP`], in words; `None`
/// with no choice or one that counts.
pub fn choice_short_of_step(profile: &Profile) -> Option<String> {
    let c = chosen(profile)?;
    let mlt = !kind_of(c, profile.goal).is_mls();
    let name = crate::text::sanitize(&c.name);
    if let Some(off) = off_goal_words(profile) {
        return Some(format!("{off}, so it does not count for this step."));
    }
    let wanted = if mlt {
        "NAACLS or ABHES accreditation (an MLT program)"
    } else {
        "NAACLS accreditation (an MLS program)"
    };
    let is = match c.accreditor {
        Some(CandidateAccreditor::Naacls) => return None,
        Some(CandidateAccreditor::Abhes) if mlt => return None,
        Some(CandidateAccreditor::Abhes) => "is accredited by ABHES",
        Some(CandidateAccreditor::Other) => "is accredited by another agency",
        Some(CandidateAccreditor::NotAccredited) => "is not accredited",
        None => "has no accreditor entered",
    };
    Some(format!(
        "Your chosen program, {name}, {is}, so it does not count for this step: it asks for {wanted}."
    ))
}

/// The chosen program, when it is on the list.
pub fn chosen(profile: &Profile) -> Option<&Candidate> {
    profile.shortlist.chosen()
}

/// The chosen program when it leads to the person's goal (an MLT program
/// for the MLT, an MLS, post-baccalaureate or bridge program for the MLS):
/// only such a program stands for the plan's school, in its length and
/// its tuition.
pub fn for_goal(profile: &Profile) -> Option<&Candidate> {
    chosen(profile).filter(|_| off_goal(profile).is_none())
}

/// The kind of the chosen program when it does not lead to the person's
/// goal (an MLT program with an MLS goal); `None` otherwise.
pub fn off_goal(profile: &Profile) -> Option<CandidateKind> {
    let kind = kind_of(chosen(profile)?, profile.goal);
    (kind.is_mls() != (profile.goal == Goal::Mls)).then_some(kind)
}

/// "Your chosen program, Austin MLT (an MLT associate program), is not for
/// your goal (MLS)", when it is not; `None` otherwise.
pub fn off_goal_words(profile: &Profile) -> Option<String> {
    let kind = off_goal(profile)?;
    let name = crate::text::sanitize(&chosen(profile)?.name);
    let article = match kind {
        CandidateKind::PostBaccalaureate => "a",
        _ => "an",
    };
    Some(format!(
        "Your chosen program, {name} ({article} {} program), is not for your goal ({})",
        kind.words(),
        profile.goal.short()
    ))
}

/// A program's length in weeks (a month is 52/12 weeks), rounded up.
pub fn weeks(months: u16) -> u16 {
    u16::try_from((u32::from(months) * 52).div_ceil(12)).unwrap_or(u16::MAX)
}

/// The first day a deadline is no longer "within 60 days".
pub fn deadline_horizon(today: Date) -> Option<Date> {
    today.checked_add(Span::new().days(DEADLINE_DAYS + 1)).ok()
}

/// The guide's fact stating the benchmarks.
pub fn benchmark_fact(guide: &Guide) -> Option<&Fact> {
    let (_, step) = guide.step(STEP)?;
    step.facts.iter().find(|f| f.label == BENCHMARK_FACT)
}

/// The sources of the benchmarks, as the guide cites them.
pub fn benchmark_sources(guide: &Guide) -> Vec<&Source> {
    benchmark_fact(guide)
        .map(|f| f.sources.iter().filter_map(|id| guide.source(id)).collect())
        .unwrap_or_default()
}

/// The questions worth asking a program, each with its sources, as the
/// guide has them.
pub fn questions(guide: &Guide) -> Vec<&Fact> {
    guide
        .step(STEP)
        .map(|(_, step)| {
            step.facts
                .iter()
                .filter(|f| f.label == QUESTION_FACT)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Shortlist;

    fn day(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn rates(list: &[(i16, Rate)]) -> BTreeMap<i16, Rate> {
        list.iter().copied().collect()
    }

    #[test]
    fn raw_numbers_are_summed_not_percentages_averaged() {
        // 9/10, 1/2, 3/4: the percentages average 71.7%, the raw numbers
        // 13/16 = 81.3%.
        let m = measure(
            Outcome::Boc,
            &rates(&[
                (2021, Rate::Counted(9, 10)),
                (2022, Rate::Counted(1, 2)),
                (2023, Rate::Counted(3, 4)),
            ]),
        );
        assert_eq!(m.tenths, Some(813));
        assert_eq!(m.met, Some(true));
        assert!(!m.from_percentages);
        assert_eq!(m.years, [2021, 2022, 2023]);
        assert_eq!(m.average_words(), "81.3%");
    }

    #[test]
    fn only_the_last_three_years_with_data_count() {
        let m = measure(
            Outcome::Graduation,
            &rates(&[
                (2019, Rate::Counted(0, 10)),
                (2020, Rate::Counted(7, 10)),
                (2021, Rate::Counted(0, 0)),
                (2022, Rate::Counted(7, 10)),
                (2023, Rate::Counted(7, 10)),
            ]),
        );
        assert_eq!(m.years, [2020, 2022, 2023]);
        assert_eq!(m.tenths, Some(700));
        assert_eq!(m.met, Some(true), "70% meets a 70% benchmark");
    }

    #[test]
    fn percentages_only_are_averaged_and_said_so() {
        // San Diego Miramar's MLT page (facts §12.3): 67%, 38%, 60%, three-year 55%.
        let m = measure(
            Outcome::Boc,
            &rates(&[
                (2021, Rate::Percent(67)),
                (2022, Rate::Percent(38)),
                (2023, Rate::Percent(60)),
            ]),
        );
        assert_eq!(m.tenths, Some(550));
        assert_eq!(m.met, Some(false));
        assert!(m.from_percentages);
        assert!(m.line().contains("percentages averaged"), "{}", m.line());
        assert!(m.line().contains("✗ not met"), "{}", m.line());
    }

    #[test]
    fn no_data_is_unknown() {
        let m = measure(Outcome::Placement, &BTreeMap::new());
        assert_eq!((m.tenths, m.met), (None, None));
        assert_eq!(m.verdict_words(), "? unknown");
    }

    fn guide() -> Guide {
        Guide::embedded().expect("guide")
    }

    fn texan(programs: Vec<Candidate>) -> Profile {
        Profile {
            state: Some("TX".into()),
            background: crate::profile::Background {
                education: Some(Education::HighSchool),
                ..Default::default()
            },
            shortlist: Shortlist {
                programs,
                chosen: None,
            },
            ..Profile::default()
        }
    }

    fn program(name: &str, accreditor: Option<CandidateAccreditor>) -> Candidate {
        Candidate {
            name: name.into(),
            kind: Some(CandidateKind::MltAssociate),
            accreditor,
            ..Candidate::default()
        }
    }

    #[test]
    fn a_program_without_accreditation_says_which_routes_it_closes() {
        let guide = guide();
        let c = program("Unaccredited", Some(CandidateAccreditor::NotAccredited));
        let profile = texan(vec![c.clone()]);
        let a = assess(&guide, &profile, &c, day("2026-12-08"));
        assert!(
            a.closes.iter().any(|r| r == "MLT(ASCP) Route 1"),
            "{:?}",
            a.closes
        );
        let flag = a
            .flags
            .iter()
            .find(|f| f.kind == FlagKind::Closes)
            .expect("closes flag");
        assert!(
            flag.text
                .contains("not accredited: closes MLT(ASCP) Route 1"),
            "{}",
            flag.text
        );
        // A NAACLS program closes nothing and opens Route 1.
        let n = program("Accredited", Some(CandidateAccreditor::Naacls));
        let a = assess(&guide, &profile, &n, day("2026-12-08"));
        assert!(a.closes.is_empty() && !a.flags.iter().any(|f| f.kind == FlagKind::Closes));
        assert!(
            a.opens.iter().any(|r| r == "MLT(ASCP) Route 1"),
            "{:?}",
            a.opens
        );
    }

    #[test]
    fn abhes_keeps_the_mlt_route_and_closes_florida_s_naacls_rule_for_an_mls() {
        let guide = guide();
        let abhes = program("ABHES MLT", Some(CandidateAccreditor::Abhes));
        let profile = texan(vec![abhes.clone()]);
        let a = assess(&guide, &profile, &abhes, day("2026-12-08"));
        assert!(
            !a.closes.iter().any(|r| r == "MLT(ASCP) Route 1"),
            "{:?}",
            a.closes
        );
        // Florida's technologist rule names NAACLS programs (facts §1.2).
        let mls = Candidate {
            kind: Some(CandidateKind::MlsBachelor),
            ..program("Unaccredited MLS", Some(CandidateAccreditor::NotAccredited))
        };
        let mut floridian = texan(vec![mls.clone()]);
        floridian.state = Some("FL".into());
        let a = assess(&guide, &floridian, &mls, day("2026-12-08"));
        assert_eq!(a.rules_closed.len(), 1, "{a:?}");
        assert!(
            a.rules_closed[0].contains("Florida"),
            "{:?}",
            a.rules_closed
        );
        let flag = &a
            .flags
            .iter()
            .find(|f| f.kind == FlagKind::Closes)
            .expect("flag")
            .text;
        assert!(flag.contains("in your state"), "{flag}");
    }

    #[test]
    fn unknown_accreditation_is_a_question_not_a_verdict() {
        let guide = guide();
        let c = program("Somewhere", None);
        let a = assess(&guide, &texan(vec![c.clone()]), &c, day("2026-12-08"));
        assert!(a.closes.is_empty());
        assert_eq!(a.flags[0].kind, FlagKind::AccreditationUnknown);
    }

    #[test]
    fn online_without_a_guaranteed_site_and_a_near_deadline_are_flagged() {
        let guide = guide();
        let today = day("2026-12-08");
        let mut c = program("Online", Some(CandidateAccreditor::Naacls));
        c.format = Some(Format::Online);
        c.deadline = Some(day("2027-02-06")); // 60 days
        let a = assess(&guide, &texan(vec![c.clone()]), &c, today);
        let kinds: Vec<FlagKind> = a.flags.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [FlagKind::NoClinicalSite, FlagKind::DeadlineSoon]);
        assert!(
            a.flags[1].text.contains("in 60 days"),
            "{}",
            a.flags[1].text
        );

        c.clinical_guaranteed = Some(true);
        c.deadline = Some(day("2027-02-07")); // 61 days
        let a = assess(&guide, &texan(vec![c.clone()]), &c, today);
        assert!(a.flags.is_empty(), "{:?}", a.flags);

        c.deadline = Some(day("2026-12-01"));
        let a = assess(&guide, &texan(vec![c.clone()]), &c, today);
        assert_eq!(a.flags[0].kind, FlagKind::DeadlinePassed);
    }

    #[test]
    fn an_outcome_below_its_benchmark_is_flagged() {
        let guide = guide();
        let mut c = program("Miramar", Some(CandidateAccreditor::Naacls));
        c.boc = rates(&[
            (2021, Rate::Percent(67)),
            (2022, Rate::Percent(38)),
            (2023, Rate::Percent(60)),
        ]);
        let a = assess(&guide, &texan(vec![c.clone()]), &c, day("2026-12-08"));
        assert_eq!(a.flags.len(), 1);
        assert_eq!(
            a.flags[0].text,
            "✗ BOC pass average 55.0% is below the 75% benchmark"
        );
    }

    #[test]
    fn the_guide_states_the_benchmarks_the_code_uses_with_sources() {
        let guide = guide();
        let fact = benchmark_fact(&guide).expect("the benchmark fact");
        assert!(
            fact.text.contains("75%") && fact.text.contains("70%"),
            "{}",
            fact.text
        );
        assert!(fact.text.contains("raw student numbers"));
        let sources = benchmark_sources(&guide);
        assert!(
            sources.iter().any(|s| s.url.contains("naacls")),
            "{sources:?}"
        );
        assert!(sources.iter().all(|s| s.checked.is_some()));
        assert!(questions(&guide).len() >= 3);
        assert!(questions(&guide).iter().all(|q| !q.sources.is_empty()));
    }

    #[test]
    fn a_month_is_52_12ths_of_a_week() {
        assert_eq!(weeks(24), 104);
        assert_eq!(weeks(12), 52);
        assert_eq!(weeks(1), 5);
    }

    #[test]
    fn choosing_a_program_sets_the_plan_s_length_start_and_tuition() {
        let guide = guide();
        let today = day("2026-12-08");
        let columbus = Candidate {
            months: Some(24),
            starts: Some(day("2027-08-24")),
            tuition: Some(crate::profile::Tuition::Total(9_000)),
            ..program("Columbus State", Some(CandidateAccreditor::Naacls))
        };
        let mut profile = texan(vec![columbus]);
        let before = super::super::Advice::new(&guide, &profile, today);
        profile.shortlist.chosen = Some("columbus state".into());
        let after = super::super::Advice::new(&guide, &profile, today);
        // The plan stays the one of the same school: the program's length
        // stands for every route's school gap, so the choice does not make
        // a route whose gap it covers look instant.
        assert_eq!(
            before.plan.as_ref().map(super::super::PlanSummary::label),
            after.plan.as_ref().map(super::super::PlanSummary::label)
        );

        // The program's 24 months (104 weeks) from its start replace the
        // guide's typical prerequisites and associate degree.
        let counted: Vec<&str> = after
            .finish
            .counted
            .iter()
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            counted[0],
            "Columbus State (your chosen program, from its start 2027-08-24)"
        );
        assert!(
            !counted
                .iter()
                .any(|t| t.contains("associate") || t.contains("prerequisites")),
            "{counted:?}"
        );
        assert_eq!(after.finish.counted[0].1.min, 104);
        let rest: u32 = after.finish.counted[1..]
            .iter()
            .map(|(_, w)| u32::from(w.min))
            .sum();
        let expected_earliest = day("2027-08-24")
            .checked_add(Span::new().weeks(i64::from(104 + rest)))
            .expect("date");
        assert_eq!(after.finish.earliest, Some(expected_earliest));
        assert_ne!(before.finish.expected, after.finish.expected);
        // The estimates popup says where the count starts: the program's
        // start, not today.
        assert_eq!(after.finish.program_start, Some(day("2027-08-24")));
        let explained: Vec<String> =
            crate::panes::explain_lines(crate::theme::Theme::default(), &after)
                .iter()
                .map(ToString::to_string)
                .collect();
        assert!(
            explained
                .iter()
                .any(|l| l == "The count starts 2027-08, when your chosen program starts."),
            "{explained:?}"
        );

        // Its tuition counts in the cost, in place of the guide's averages.
        assert_eq!(after.cost.usd_min, before.cost.usd_min + 9_000);
        assert!(after.cost.tuition.is_empty() && !before.cost.tuition.is_empty());
        assert!(
            after.cost.items[0]
                .0
                .starts_with("Tuition at Columbus State")
        );

        // Per credit: the cost cannot be summed, and says so.
        profile.shortlist.programs[0].tuition = Some(crate::profile::Tuition::PerCredit(150));
        let per_credit = super::super::Advice::new(&guide, &profile, today);
        assert_eq!(per_credit.cost.usd_min, before.cost.usd_min);
        assert!(
            per_credit
                .cost
                .unknown
                .iter()
                .any(|u| u.contains("$150 a credit")),
            "{:?}",
            per_credit.cost.unknown
        );
    }

    #[test]
    fn a_chosen_program_is_not_counted_once_school_is_done() {
        let guide = guide();
        let today = day("2026-12-08");
        let mut profile = texan(vec![Candidate {
            months: Some(24),
            tuition: Some(crate::profile::Tuition::Total(9_000)),
            ..program("Columbus State", Some(CandidateAccreditor::Naacls))
        }]);
        profile.shortlist.chosen = Some("Columbus State".into());
        profile.background.education = Some(Education::Associate);
        profile.background.programs.push(ProgramDone {
            kind: Program::Mlt,
            accreditor: Accreditor::Naacls,
            finished: PartialDate::month_of(today),
        });
        let advice = super::super::Advice::new(&guide, &profile, today);
        assert!(
            !advice
                .finish
                .counted
                .iter()
                .any(|(t, _)| t.contains("Columbus"))
        );
        assert!(
            !advice
                .cost
                .items
                .iter()
                .any(|(t, ..)| t.contains("Columbus"))
        );
    }

    #[test]
    fn an_accredited_choice_answers_choosing_a_program_an_unaccredited_one_says_why() {
        use crate::profile::{Status, StepRecord};
        let guide = guide();
        let today = day("2026-12-08");
        let mut profile = texan(vec![
            program("Columbus State", Some(CandidateAccreditor::Naacls)),
            program("Bay Career College", Some(CandidateAccreditor::Abhes)),
            program("Acme Lab Academy", Some(CandidateAccreditor::NotAccredited)),
            program("Somewhere", None),
        ]);
        // The step before it done: choosing a program is next.
        profile.steps.insert(
            "edu.career".into(),
            StepRecord {
                status: Status::Done,
                ..StepRecord::default()
            },
        );
        let next = |p: &Profile| super::super::Advice::new(&guide, p, today).next;
        let open = next(&profile).expect("a next step");
        assert_eq!(open.step, STEP);
        assert!(!open.why.contains("chosen"), "{}", open.why);

        for name in ["Columbus State", "Bay Career College"] {
            profile.shortlist.chosen = Some(name.into());
            assert_eq!(super::super::covered(&profile, STEP), Some(CHOICE_COVER));
            let advice = super::super::Advice::new(&guide, &profile, today);
            // What is left is finishing that program, and the next step
            // says so (not "no school step meets what the plan needs").
            let next = advice.next.as_ref().expect("a next step");
            assert!(
                next.step.starts_with("edu.prereqs.") || next.step.starts_with("edu.associate."),
                "{next:?}"
            );
            assert!(
                next.why
                    .starts_with(&format!("Your chosen program, {name}, is accredited as")),
                "{}",
                next.why
            );
            assert!(
                advice
                    .covered
                    .iter()
                    .any(|(t, why)| t == "Choose a NAACLS-accredited program"
                        && *why == CHOICE_COVER),
                "{:?}",
                advice.covered
            );
        }

        for (name, is) in [
            ("Acme Lab Academy", "is not accredited"),
            ("Somewhere", "has no accreditor entered"),
        ] {
            profile.shortlist.chosen = Some(name.into());
            assert_eq!(super::super::covered(&profile, STEP), None);
            let open = next(&profile).expect("a next step");
            assert_eq!(open.step, STEP);
            assert!(
                open.why.starts_with(&format!(
                    "Your chosen program, {name}, {is}, so it does not count"
                )),
                "{}",
                open.why
            );
        }

        // An MLS program needs NAACLS: ABHES does not answer it.
        profile.goal = Goal::Mls;
        profile.shortlist.programs[1].kind = Some(CandidateKind::MlsBachelor);
        profile.shortlist.chosen = Some("Bay Career College".into());
        assert_eq!(super::super::covered(&profile, STEP), None);
        profile.goal = Goal::Mlt;

        // The person's own mark wins over the choice.
        profile.shortlist.chosen = Some("Columbus State".into());
        profile.steps.insert(
            STEP.into(),
            StepRecord {
                status: Status::InProgress,
                ..StepRecord::default()
            },
        );
        assert_eq!(super::super::covered(&profile, STEP), None);
        let (_, step) = guide.step(STEP).expect("the step");
        assert_eq!(
            super::super::check(step, &profile),
            super::super::Check::InProgress
        );
    }

    #[test]
    fn the_first_step_stays_the_first_when_a_choice_ticks_a_later_one() {
        let guide = guide();
        let mut profile = texan(vec![program(
            "Columbus State",
            Some(CandidateAccreditor::Naacls),
        )]);
        // Nothing of the background answered: the path order alone.
        profile.background = crate::profile::Background::default();
        profile.shortlist.chosen = Some("Columbus State".into());
        let next = super::super::Advice::new(&guide, &profile, day("2026-12-08"))
            .next
            .expect("a next step");
        assert_eq!(next.step, "edu.career");
        assert_eq!(next.why, "It is the first step on the path.");
    }

    #[test]
    fn an_associate_marked_done_at_a_chosen_abhes_program_counts_as_abhes() {
        use crate::profile::{Status, StepRecord};
        let guide = guide();
        let mut profile = texan(vec![program(
            "Bay Career College",
            Some(CandidateAccreditor::Abhes),
        )]);
        profile.shortlist.chosen = Some("Bay Career College".into());
        // The associate degree done (each of its parts), in May 2026.
        let (_, associate) = guide.step("edu.associate").expect("the step");
        for id in std::iter::once(&associate.id).chain(associate.substeps.iter().map(|s| &s.id)) {
            profile.steps.insert(
                id.clone(),
                StepRecord {
                    status: Status::Done,
                    date: Some("2026-05".parse().expect("month")),
                    ..StepRecord::default()
                },
            );
        }
        let bg = eligibility::effective_background(&guide, &profile);
        let finished: Vec<_> = bg.programs.iter().map(|p| (p.kind, p.accreditor)).collect();
        assert_eq!(finished, [(Program::Mlt, Accreditor::Abhes)]);
    }
}
