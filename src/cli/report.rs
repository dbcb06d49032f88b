//! What the commands say, as plain data: worked out once from the guide,
//! the profile and today, then printed as text, JSON, Markdown, HTML or a
//! calendar. The values are the dashboard's (same advisor functions).
//!
//! Every string is sanitized here, so no format can forget to: one-line
//! fields with [`sanitize`] (a line break in a profile's answer becomes a
//! space), notes with [`sanitize_lines`]. Then [`walk`] takes the report
//! through one [`Writer`] per text format.

use serde::Serialize;

use crate::advisor::eligibility::{self, RouteAdvice, Verdict};
use crate::advisor::upkeep;
use crate::advisor::{self, Check, Progress, estimate};
use crate::advisor::{plan, programs};
use crate::content::{Area, Caveat, Date, Guide, LicenseRule, Step, Tier};
use crate::profile::Profile;
use crate::text::{sanitize, sanitize_lines};

pub use crate::advisor::summary::FORMAT_VERSION;
use crate::advisor::summary::PlanInfo;

/// Where the report comes from.
#[derive(Debug, Clone)]
pub struct Context {
    pub today: Date,
    /// The profile's path, sanitized.
    pub path: String,
    pub exists: bool,
    /// With no profile: a backup that is there (sanitized path).
    pub backup: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProfileFile {
    pub path: String,
    /// `false`: there is no profile yet, and the report is a new profile's.
    pub exists: bool,
    /// With no profile, a backup the app would offer to restore.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StateInfo {
    /// The code as the profile has it ("FL").
    pub code: String,
    /// `None` when the guide does not know the code.
    pub name: Option<String>,
    /// `required`, `not_required` or `verify`; `None` for an unknown code.
    pub license: Option<&'static str>,
}

/// Done and total units of required work, and the whole percent (rounded
/// down, so 99.6% is 99).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Share {
    pub done: usize,
    pub total: usize,
    pub percent: u16,
    /// Of `done`, the units the background covers ("from your background").
    pub covered: usize,
}

impl From<Progress> for Share {
    fn from(p: Progress) -> Share {
        Share {
            done: p.done,
            total: p.total,
            percent: p.percent(),
            covered: 0,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Progresses {
    pub overall: Share,
    pub education: Share,
    pub certification: Share,
    pub licensing: Share,
}

impl Progresses {
    /// Overall first, then each area, with the words every format uses.
    pub fn rows(&self) -> [(&'static str, Share); 4] {
        [
            ("Overall", self.overall),
            ("Education", self.education),
            ("Certification", self.certification),
            ("Licensing", self.licensing),
        ]
    }
}

impl Progresses {
    pub fn of(&self, area: Area) -> Share {
        match area {
            Area::Education => self.education,
            Area::Certification => self.certification,
            Area::Licensing => self.licensing,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct SetAside {
    pub not_applicable: usize,
    pub skipped: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct NextInfo {
    pub id: String,
    pub title: String,
    /// `education`, `certification` or `licensing`.
    pub area: &'static str,
    pub why: String,
}

impl NextInfo {
    fn of(next: &plan::NextStep<'_>) -> NextInfo {
        NextInfo {
            id: sanitize(&next.step.id),
            title: sanitize(&next.step.title),
            area: area_key(next.area),
            why: sanitize(&next.why),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FinishInfo {
    pub expected: Option<String>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    /// Steps left with no typical time in the guide (not in the dates).
    pub steps_without_duration: usize,
    /// The plan's gaps with no typical time in the guide: while there are
    /// any, the dates are `null`.
    pub untimed: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CostInfo {
    pub usd_min: u32,
    pub usd_max: u32,
    /// What the guide has no amount for.
    pub unknown: Vec<String>,
    /// Tuition beside the fees (not in the sums), while school is ahead:
    /// `{ label, text, dated }` as the guide's sources give it.
    pub tuition: Vec<estimate::Tuition>,
    /// The chosen program's total tuition, in the sums (while school is
    /// ahead); `None` otherwise.
    pub program_tuition: Option<u32>,
    /// What is left out of the sums and why, in plain words (a chosen
    /// program not for the goal, or one whose school the plan no longer
    /// needs).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RouteInfo {
    /// As the certifier writes it: "MLT(ASCP)".
    pub credential: String,
    /// "Route 1".
    pub route: String,
    pub status: Verdict,
    /// Why, one line each, starting with ✓, ✗ or ?.
    pub reasons: Vec<String>,
    /// A met route: the last day its time window counts.
    pub closes: Option<String>,
    /// `YYYY-MM` when time alone will meet the route (experience still
    /// being earned), else `None`.
    pub when_met: Option<String>,
    /// The weakest source tier the verdict rests on: `official`, `copy` or
    /// `third_party`.
    pub confidence: &'static str,
}

impl RouteInfo {
    fn of(guide: &Guide, advice: &RouteAdvice<'_>) -> RouteInfo {
        RouteInfo {
            credential: sanitize(&advice.credential.name),
            route: sanitize(&advice.route.name),
            status: advice.verdict,
            // The same question can come from two requirements: ask it once.
            reasons: advice.reasons.iter().fold(Vec::new(), |mut seen, r| {
                let text = sanitize(&r.text);
                if !seen.contains(&text) {
                    seen.push(text);
                }
                seen
            }),
            closes: advice
                .closes
                .filter(|_| advice.verdict == Verdict::Met)
                .map(|d| d.to_string()),
            when_met: advice.when_met.map(|d| d.strftime("%Y-%m").to_string()),
            confidence: advice.confidence_key(guide),
        }
    }

    /// ", counts until 2029-05-31" for a route with a window, else nothing.
    pub fn closes_words(&self) -> String {
        self.closes
            .as_deref()
            .map_or_else(String::new, |d| format!(", counts until {d}"))
    }

    pub fn label(&self) -> String {
        format!("{} {}", self.credential, self.route)
    }
}

/// `medtech status`: where the user stands today.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    pub today: String,
    pub profile: ProfileFile,
    /// "MLT" or "MLS".
    pub goal: &'static str,
    pub goal_title: &'static str,
    pub state: Option<StateInfo>,
    pub progress: Progresses,
    /// Required work the user marked not applicable or skipped.
    pub set_aside: SetAside,
    pub next_step: Option<NextInfo>,
    /// The expected finish, `YYYY-MM-DD`; `finish` has the range.
    pub finish_date: Option<String>,
    pub finish: FinishInfo,
    pub cost: CostInfo,
    /// Every route of the credentials for the goal, preferred certifier first.
    pub routes: Vec<RouteInfo>,
    /// Whether the state accepts the credential; `None` with no state.
    pub license: Option<LicenseInfo>,
    /// The one credential and route chosen for the goal; `None` when no
    /// route is open.
    pub plan: Option<PlanInfo>,
    /// The exam study plan (`medtech study`); `None` until one is set.
    pub study: Option<super::study::StudyInfo>,
    /// The shortlist of programs, measured against NAACLS's benchmarks.
    pub programs: Vec<ProgramInfo>,
    /// Each credential and license held: its current cycle and the CE
    /// logged in it (empty while nothing is held).
    pub upkeep: Vec<UpkeepInfo>,
}

/// One held credential's or license's current maintenance cycle. Amounts
/// are in `unit`s (tenths kept: 1.5); dates `YYYY-MM-DD`; `null` where the
/// guide does not know (then `note` says whom to ask and `source` is the page).
#[derive(Debug, Clone, Serialize)]
pub struct UpkeepInfo {
    #[serde(rename = "for")]
    pub name: String,
    /// `credential` or `license`.
    pub kind: &'static str,
    /// When it was earned, as precisely as the record says.
    pub since: String,
    pub cycle_start: Option<String>,
    pub cycle_end: Option<String>,
    pub needed: Option<f64>,
    /// `points` or `hours`.
    pub unit: &'static str,
    pub logged: f64,
    pub categories: Vec<CategoryInfo>,
    pub next_fee: Option<FeeDue>,
    pub days_left: Option<i64>,
    /// `90_days` or `30_days` before the cycle ends.
    pub warning: Option<&'static str>,
    pub note: String,
    /// Where the guide's rule is uncertain and what to check; `null`: sourced.
    pub verify: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryInfo {
    pub name: String,
    pub needed: Option<f64>,
    pub logged: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeeDue {
    pub usd: u32,
    pub due: String,
}

impl UpkeepInfo {
    pub fn of(c: &upkeep::Cycle) -> UpkeepInfo {
        let tenths = |t: u32| upkeep::tenths_f64(t);
        UpkeepInfo {
            name: sanitize(&c.held.name),
            kind: match c.held.kind {
                upkeep::HeldKind::Credential => "credential",
                upkeep::HeldKind::License => "license",
            },
            since: c.held.since.to_string(),
            cycle_start: c.dates.map(|d| d.start.to_string()),
            cycle_end: c.dates.map(|d| d.end.to_string()),
            needed: c.needed.map(tenths),
            unit: c.unit.word(),
            logged: tenths(c.logged),
            categories: c
                .categories
                .iter()
                .map(|k| CategoryInfo {
                    name: sanitize(&k.name),
                    needed: k.needed.map(tenths),
                    logged: tenths(k.logged),
                })
                .collect(),
            next_fee: c.next_fee.map(|f| FeeDue {
                usd: f.usd,
                due: f.due.to_string(),
            }),
            days_left: c.days_left,
            warning: c.warning.map(|w| match w {
                upkeep::Warning::Days90 => "90_days",
                upkeep::Warning::Days30 => "30_days",
            }),
            note: sanitize(&upkeep::note(c)),
            verify: upkeep::caveat(c).map(sanitize),
            source: c.source_url.as_deref().map(sanitize),
        }
    }
}

/// One outcome's three-year average against its benchmark.
#[derive(Debug, Clone, Serialize)]
pub struct BenchmarkInfo {
    /// Percent with one decimal; `None` with no data.
    pub average: Option<f64>,
    /// `None` with no data.
    pub met: Option<bool>,
    pub benchmark: u32,
    /// The years averaged (the last three with data).
    pub years: Vec<i16>,
    /// Some year is known only as a percentage, so the percentages were
    /// averaged instead of the raw numbers summed.
    pub from_percentages: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Benchmarks {
    pub boc: BenchmarkInfo,
    pub graduation: BenchmarkInfo,
    pub placement: BenchmarkInfo,
}

/// One program of the shortlist (`status --json`'s `programs`).
#[derive(Debug, Clone, Serialize)]
pub struct ProgramInfo {
    pub name: String,
    /// `mlt`, `mls`, `post-bacc`, `bridge`; `None` when not given.
    pub kind: Option<&'static str>,
    /// `naacls`, `abhes`, `other`, `none`; `None` when not known.
    pub accreditor: Option<&'static str>,
    pub chosen: bool,
    pub state: Option<String>,
    pub months: Option<u16>,
    /// `YYYY-MM-DD`.
    pub starts: Option<String>,
    pub tuition_usd: Option<u32>,
    /// `tuition_usd` is per credit.
    pub per_credit: bool,
    pub deadline: Option<String>,
    pub benchmarks: Benchmarks,
    /// Each starts with ⚠, ✗ or ?.
    pub flags: Vec<String>,
    /// The routes finishing it would meet.
    pub opens: Vec<String>,
    /// The routes and state rules a NAACLS program would meet and it does not.
    pub closes: Vec<String>,
    #[serde(skip)]
    pub kind_words: String,
    #[serde(skip)]
    pub accreditor_words: String,
    /// "BOC pass 55.0% ✗ not met (benchmark 75%; …)", one an outcome.
    #[serde(skip)]
    pub measure_lines: Vec<String>,
}

impl ProgramInfo {
    /// "BOC pass 97.7% ✓ · Graduation 85.7% ✓ · Placement no data ?": the
    /// three averages with a mark readable without colour.
    pub fn summary(&self) -> String {
        let b = &self.benchmarks;
        [
            ("BOC pass", &b.boc),
            ("Graduation", &b.graduation),
            ("Placement", &b.placement),
        ]
        .iter()
        .map(|(what, info)| {
            let average = info
                .average
                .map_or_else(|| "no data".to_owned(), |a| format!("{a:.1}%"));
            let mark = match info.met {
                Some(true) => "✓",
                Some(false) => "✗",
                None => "?",
            };
            format!("{what} {average} {mark}")
        })
        .collect::<Vec<_>>()
        .join(" · ")
    }

    /// "Columbus State MLT (chosen)".
    pub fn title(&self) -> String {
        if self.chosen {
            format!("{} (chosen)", self.name)
        } else {
            self.name.clone()
        }
    }
}

/// `medtech program list --json`.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramList {
    pub version: u32,
    pub today: String,
    /// Where the benchmarks come from (URLs).
    pub benchmark_sources: Vec<String>,
    pub programs: Vec<ProgramInfo>,
}

/// The URLs of the benchmarks' sources.
pub fn benchmark_sources(guide: &Guide) -> Vec<String> {
    programs::benchmark_sources(guide)
        .iter()
        .map(|s| sanitize(&s.url))
        .collect()
}

/// The shortlist, measured, in its order.
pub fn programs(guide: &Guide, profile: &Profile, today: Date) -> Vec<ProgramInfo> {
    programs::assess_all(guide, profile, today)
        .into_iter()
        .zip(&profile.shortlist.programs)
        .map(|(a, c)| {
            let bench = |m: &programs::Measure| BenchmarkInfo {
                average: m.percent(),
                met: m.met,
                benchmark: m.outcome.benchmark(),
                years: m.years.clone(),
                from_percentages: m.from_percentages,
            };
            let kind = programs::kind_of(c, profile.goal);
            ProgramInfo {
                name: sanitize(&a.name),
                kind: c.kind.map(crate::profile::CandidateKind::key),
                accreditor: c.accreditor.map(crate::profile::CandidateAccreditor::key),
                chosen: a.chosen,
                state: c.state.as_deref().map(sanitize),
                months: c.months,
                starts: c.starts.map(|d| d.to_string()),
                tuition_usd: c.tuition.map(|t| match t {
                    crate::profile::Tuition::Total(n) | crate::profile::Tuition::PerCredit(n) => n,
                }),
                per_credit: matches!(c.tuition, Some(crate::profile::Tuition::PerCredit(_))),
                deadline: c.deadline.map(|d| d.to_string()),
                benchmarks: Benchmarks {
                    boc: bench(&a.measures[0]),
                    graduation: bench(&a.measures[1]),
                    placement: bench(&a.measures[2]),
                },
                flags: a.flags.iter().map(|f| sanitize(&f.text)).collect(),
                opens: a.opens.iter().map(|r| sanitize(r)).collect(),
                closes: a
                    .closes
                    .iter()
                    .chain(&a.rules_closed)
                    .map(|r| sanitize(r))
                    .collect(),
                kind_words: if c.kind.is_some() {
                    kind.words().to_owned()
                } else {
                    format!("{} (assumed)", kind.words())
                },
                accreditor_words: c.accreditor.map_or_else(
                    || "accreditor not known".to_owned(),
                    |a| match a {
                        crate::profile::CandidateAccreditor::Naacls
                        | crate::profile::CandidateAccreditor::Abhes => {
                            format!("{}-accredited", a.words())
                        }
                        other => other.words().to_owned(),
                    },
                ),
                measure_lines: a.measures.iter().map(programs::Measure::line).collect(),
            }
        })
        .collect()
}

/// The state's license verdict for the credential held or planned.
#[derive(Debug, Clone, Serialize)]
pub struct LicenseInfo {
    pub state: String,
    /// "MLT(AMT)"; `None` while no credential is held or chosen.
    pub credential: Option<String>,
    /// `accepted`, `not_accepted`, `unknown` or `no_license`.
    pub verdict: &'static str,
    pub text: String,
}

impl CostInfo {
    pub fn of(cost: &estimate::Cost) -> CostInfo {
        CostInfo {
            usd_min: cost.usd_min,
            usd_max: cost.usd_max,
            unknown: cost.unknown.iter().map(|u| sanitize(u)).collect(),
            tuition: cost
                .tuition
                .iter()
                .map(|t| estimate::Tuition {
                    label: sanitize(&t.label),
                    text: sanitize(&t.text),
                    dated: sanitize(&t.dated),
                })
                .collect(),
            // The figure the person entered (their program's).
            program_tuition: cost
                .items
                .iter()
                .find(|(_, _, _, dated)| dated == estimate::YOUR_ENTRY)
                .map(|(_, usd, _, _)| *usd),
            notes: cost.notes.iter().map(|n| sanitize(n)).collect(),
        }
    }
}

impl Report {
    pub fn build(guide: &Guide, profile: &Profile, context: &Context) -> Report {
        let today = context.today;
        let routes = eligibility::for_goal(guide, profile, today);
        let chosen = plan::choose(guide, profile, &routes, today);
        let next = plan::next_step(guide, profile, chosen.as_ref());
        let finish = estimate::finish(guide, profile, chosen.as_ref(), today);
        let cost = estimate::cost(guide, profile, chosen.as_ref());
        let excluded = advisor::excluded(guide, profile);
        let area = |a| Share {
            covered: advisor::covered_units(guide, profile, a),
            ..Share::from(advisor::area_progress(guide, profile, a))
        };
        let state = profile.state.as_deref().map(|code| {
            let record = guide.state(code);
            StateInfo {
                code: sanitize(code),
                name: record.map(|r| sanitize(&r.name)),
                license: record.map(|r| match r.license {
                    LicenseRule::Required => "required",
                    LicenseRule::NotRequired => "not_required",
                    LicenseRule::Verify => "verify",
                }),
            }
        });
        let date = |d: Option<Date>| d.map(|d| d.to_string());
        Report {
            version: FORMAT_VERSION,
            today: today.to_string(),
            profile: ProfileFile {
                path: context.path.clone(),
                exists: context.exists,
                backup: context.backup.clone(),
            },
            goal: profile.goal.short(),
            goal_title: profile.goal.title(),
            state,
            progress: {
                let (education, certification, licensing) = (
                    area(Area::Education),
                    area(Area::Certification),
                    area(Area::Licensing),
                );
                Progresses {
                    overall: Share {
                        covered: education.covered + certification.covered + licensing.covered,
                        ..advisor::overall_progress(guide, profile).into()
                    },
                    education,
                    certification,
                    licensing,
                }
            },
            set_aside: SetAside {
                not_applicable: excluded.not_applicable,
                skipped: excluded.skipped,
            },
            next_step: next.as_ref().map(NextInfo::of),
            finish_date: date(finish.expected),
            finish: FinishInfo {
                expected: date(finish.expected),
                earliest: date(finish.earliest),
                latest: date(finish.latest),
                steps_without_duration: finish.without_duration,
                untimed: finish.untimed.clone(),
            },
            cost: CostInfo::of(&cost),
            routes: routes.iter().map(|r| RouteInfo::of(guide, r)).collect(),
            license: plan::license_advice(guide, profile, chosen.as_ref()).map(|advice| {
                LicenseInfo {
                    state: sanitize(&advice.state),
                    credential: plan::planned_credential(guide, profile, chosen.as_ref())
                        .map(|c| sanitize(&c.name)),
                    verdict: advice.verdict,
                    text: sanitize(&advice.text),
                }
            }),
            // With no background answered the plan is a guess: none is shown.
            plan: chosen
                .as_ref()
                .filter(|p| p.answered)
                .map(|p| PlanInfo::of(guide, p, &finish)),
            study: super::study::StudyInfo::build(guide, &profile.study, today),
            programs: programs(guide, profile, today),
            upkeep: upkeep::cycles(guide, profile, today)
                .iter()
                .map(UpkeepInfo::of)
                .collect(),
        }
    }
}

/// `education`, `certification`, `licensing`.
pub fn area_key(area: Area) -> &'static str {
    match area {
        Area::Education => "education",
        Area::Certification => "certification",
        Area::Licensing => "licensing",
    }
}

/// A route that finishing the next step would open.
#[derive(Debug, Clone, Serialize)]
pub struct Opens {
    /// "MLT(ASCP) Route 1".
    pub route: String,
    /// The last day its window would count, if it has one.
    pub closes: Option<String>,
}

/// `medtech next`.
#[derive(Debug, Clone, Serialize)]
pub struct NextReport {
    pub version: u32,
    pub today: String,
    pub profile: ProfileFile,
    pub next_step: Option<NextInfo>,
    /// The routes finishing it would open (empty: none, or not known).
    pub unlocks: Vec<Opens>,
    /// What medtech assumed finishing it means; `None` when it does not
    /// know what the step changes for eligibility.
    pub assumption: Option<String>,
}

impl NextReport {
    pub fn build(guide: &Guide, profile: &Profile, context: &Context) -> NextReport {
        let today = context.today;
        let routes = eligibility::for_goal(guide, profile, today);
        let chosen = plan::choose(guide, profile, &routes, today);
        let next = plan::next_step(guide, profile, chosen.as_ref());
        let what_if = next
            .as_ref()
            .and_then(|n| plan::what_if(guide, profile, &n.step.id, today));
        NextReport {
            version: FORMAT_VERSION,
            today: today.to_string(),
            profile: ProfileFile {
                path: context.path.clone(),
                exists: context.exists,
                backup: context.backup.clone(),
            },
            next_step: next.as_ref().map(NextInfo::of),
            unlocks: what_if
                .as_ref()
                .map(|w| {
                    w.opens
                        .iter()
                        .map(|(route, closes)| Opens {
                            route: sanitize(route),
                            closes: closes.map(|d| d.to_string()),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            assumption: what_if.map(|w| sanitize(&w.assumption)),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    pub title: String,
    pub publisher: String,
    pub url: String,
    /// The day the guide last checked the page, `YYYY-MM-DD`.
    pub verified: String,
    /// `official`, `copy` or `third_party`.
    pub tier: &'static str,
}

/// One step as the user's record shows it, sub-steps nested.
#[derive(Debug, Clone, Serialize)]
pub struct StepPlan {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Shown but not counted in progress for this goal.
    pub optional: bool,
    /// Sub-steps are alternatives: done when one is.
    pub one_of: bool,
    /// `todo`, `in_progress`, `partly`, `done`, `not_applicable`, `skipped`.
    pub status: &'static str,
    /// The checkbox: `[ ]`, `[~]`, `[+]`, `[x]`, `[-]`, `[/]`.
    pub symbol: &'static str,
    /// "to do", "in progress", "partly done", "done", ...
    pub word: &'static str,
    /// When it was done: `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The user's note, control characters made harmless; one entry a line.
    pub note: Vec<String>,
    /// Something to verify, or where sources disagree.
    pub caveat: Option<String>,
    pub sources: Vec<SourceInfo>,
    pub substeps: Vec<StepPlan>,
    /// Done "from your background": what covers it ("your MLT program"),
    /// or `None`.
    pub from_background: Option<String>,
}

impl StepPlan {
    /// "done 2020-05, optional, choose one"; "done from your MLT program".
    pub fn status_words(&self) -> String {
        let mut status = self.word.to_owned();
        if let Some(date) = &self.date {
            status.push(' ');
            status.push_str(date);
        }
        if let Some(why) = &self.from_background {
            status.push_str(" from ");
            status.push_str(why);
        }
        if self.optional {
            status.push_str(", optional");
        }
        if self.one_of {
            status.push_str(", choose one");
        }
        status
    }

    fn of(guide: &Guide, profile: &Profile, step: &Step) -> StepPlan {
        let check = advisor::check(step, profile);
        StepPlan {
            id: step.id.clone(),
            title: sanitize(&step.title),
            summary: sanitize(&step.summary),
            optional: !step.is_required_for(profile.goal),
            one_of: step.one_of,
            status: check_key(check),
            symbol: check.symbol(),
            word: check.word(),
            date: profile.done_on(&step.id).map(|d| d.to_string()),
            note: note_lines(profile.note(&step.id)),
            caveat: step.caveat.as_ref().map(|c| match c {
                Caveat::Unverified(text) => sanitize(&format!("Unverified: {text}")),
                Caveat::Conflict(text) => sanitize(&format!("Sources disagree: {text}")),
            }),
            sources: step
                .sources
                .iter()
                .filter_map(|id| guide.source(id))
                .map(|s| SourceInfo {
                    title: sanitize(&s.title),
                    publisher: sanitize(&s.publisher),
                    url: sanitize(&s.url),
                    verified: s.verified.to_string(),
                    tier: match s.tier {
                        Tier::Official => "official",
                        Tier::Copy => "copy",
                        Tier::ThirdParty => "third_party",
                    },
                })
                .collect(),
            substeps: step
                .substeps
                .iter()
                .map(|s| StepPlan::of(guide, profile, s))
                .collect(),
            from_background: advisor::covered_step(profile, step)
                .filter(|_| check == Check::Done)
                .map(str::to_owned),
        }
    }
}

fn check_key(check: Check) -> &'static str {
    match check {
        Check::Todo => "todo",
        Check::InProgress => "in_progress",
        Check::Partly => "partly",
        Check::Done => "done",
        Check::NotApplicable => "not_applicable",
        Check::Skipped => "skipped",
    }
}

/// A note as lines of harmless text: tabs become spaces, every other
/// control character a visible `�`, and blank lines at the ends go.
pub fn note_lines(note: &str) -> Vec<String> {
    let text = sanitize_lines(note).replace('\t', "    ");
    let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    match (first, last) {
        (Some(a), Some(b)) => lines[a..=b].iter().map(|&l| l.to_owned()).collect(),
        _ => Vec::new(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaPlan {
    /// `education`, `certification` or `licensing`.
    pub area: &'static str,
    pub title: &'static str,
    pub progress: Share,
    pub steps: Vec<StepPlan>,
}

/// `medtech export`: the status report and every step of every area.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    #[serde(flatten)]
    pub report: Report,
    pub areas: Vec<AreaPlan>,
}

impl Plan {
    pub fn build(guide: &Guide, profile: &Profile, context: &Context) -> Plan {
        let report = Report::build(guide, profile, context);
        let areas = Area::ALL
            .into_iter()
            .map(|area| AreaPlan {
                area: area_key(area),
                title: area.title(),
                progress: report.progress.of(area),
                steps: guide
                    .steps(area, profile.goal, profile.state.as_deref())
                    .into_iter()
                    .map(|s| StepPlan::of(guide, profile, s))
                    .collect(),
            })
            .collect();
        Plan { report, areas }
    }
}

/// One format's way of writing each part of a report. [`walk`] calls the
/// parts in order; a format writes what it shows of each, and nothing for a
/// part it leaves out (the defaults).
pub trait Writer {
    /// The title, the profile, the goal, the state and the day.
    fn heading(&mut self, report: &Report);
    /// Overall first, then each area; and the work set aside.
    fn progress(&mut self, rows: &[(&'static str, Share)], aside: SetAside);
    fn next_step(&mut self, next: Option<&NextInfo>);
    fn finish(&mut self, finish: &FinishInfo, cost: &CostInfo);
    /// Before the routes to `goal` (there may be none).
    fn routes_begin(&mut self, goal: &str, count: usize);
    fn route(&mut self, route: &RouteInfo);
    fn routes_end(&mut self, _count: usize) {}
    fn license(&mut self, license: Option<&LicenseInfo>);
    /// The shortlist of programs (may be empty).
    fn programs(&mut self, _programs: &[ProgramInfo]) {}
    /// Each held credential's and license's cycle (none while nothing is held).
    fn upkeep(&mut self, _cycles: &[UpkeepInfo]) {}
    fn area_begin(&mut self, _area: &AreaPlan) {}
    /// A step at `depth` (0 for an area's own steps); its sub-steps follow,
    /// then [`Writer::step_end`].
    fn step_begin(&mut self, _step: &StepPlan, _depth: usize) {}
    fn step_end(&mut self, _step: &StepPlan, _depth: usize) {}
    fn area_end(&mut self, _area: &AreaPlan) {}
    fn end(&mut self) {}
}

/// Walks a report, and the steps of `areas` after it, through one writer:
/// the order every text format shares.
pub fn walk(report: &Report, areas: &[AreaPlan], w: &mut impl Writer) {
    w.heading(report);
    w.progress(&report.progress.rows(), report.set_aside);
    w.next_step(report.next_step.as_ref());
    w.finish(&report.finish, &report.cost);
    w.routes_begin(report.goal, report.routes.len());
    for route in &report.routes {
        w.route(route);
    }
    w.routes_end(report.routes.len());
    w.license(report.license.as_ref());
    w.programs(&report.programs);
    w.upkeep(&report.upkeep);
    for area in areas {
        w.area_begin(area);
        for step in &area.steps {
            walk_step(step, 0, w);
        }
        w.area_end(area);
    }
    w.end();
}

fn walk_step(step: &StepPlan, depth: usize, w: &mut impl Writer) {
    w.step_begin(step, depth);
    for sub in &step.substeps {
        walk_step(sub, depth + 1, w);
    }
    w.step_end(step, depth);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_keeps_its_lines_and_loses_its_control_characters() {
        let lines = note_lines("\n Valencia\tCollege\n\u{1b}[2Jcall\r\n\n");
        assert_eq!(lines, [" Valencia    College", "\u{FFFD}[2Jcall"]);
        assert!(note_lines(" \n ").is_empty());
    }
}
