//! What the screens show from the advisor, worked out in one go: `App`
//! keeps one `Advice` and makes it again after each change to the record
//! (and when the day changes), so drawing only reads it.

use jiff::Span;

use crate::content::{Area, Credential, Date, Guide, Route, Step};
use crate::profile::Profile;

use super::eligibility::{self, Reason, Verdict};
use super::estimate::{self, Cost, Finish};
use super::plan::{self, LicenseAdvice};
use super::progress::{self, Check, Excluded, Progress};
use super::upkeep;

/// The advisor's view of the record on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// The day it was worked out for.
    pub today: Date,
    pub overall: Progress,
    /// Indexed by `Area as usize`.
    pub areas: [Progress; 3],
    pub excluded: Excluded,
    /// The routes to the goal's credentials, preferred certifier first.
    pub routes: Vec<Standing>,
    /// "MLT(ASCP) Route 3": the plan's route when the plan is met (its
    /// state's acceptance and rule included), so school is behind the user;
    /// the credential alone ("MLT(ASCP)") when the user holds it.
    pub first_met: Option<String>,
    /// The one credential and route chosen for the goal; `None` when no
    /// route is open or nothing of the background is answered yet.
    pub plan: Option<PlanSummary>,
    /// The met route whose window closes first (an index into `routes`).
    pub closest: Option<usize>,
    pub next: Option<Next>,
    pub license: Option<LicenseAdvice>,
    pub finish: Finish,
    pub cost: Cost,
    /// Every unfinished unit of required work, in path order.
    pub upcoming: Vec<Upcoming>,
    /// The required steps the background covers (done "from your
    /// background", so out of the finish date and the cost), outermost
    /// only, in path order: the title, and what covers it.
    pub covered: Vec<(String, &'static str)>,
    /// Each held credential's and license's current CE cycle.
    pub cycles: Vec<upkeep::Cycle>,
    /// For each CE activity in the log's order: dated in no cycle of
    /// anything it counts for.
    pub ce_outside: Vec<bool>,
}

/// One route and how it stands for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub credential: Credential,
    pub route: Route,
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    /// For a met route: the day its earliest time window closes.
    pub closes: Option<Date>,
    /// For a route that time alone will meet: the day.
    pub when_met: Option<Date>,
    /// "⚠ per a third-party summary; confirm with ASCP" when the verdict
    /// rests on third-party text.
    pub third_party_warning: Option<String>,
}

/// The plan as the screens show it (see [`plan::choose`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSummary {
    /// "MLT(ASCP)".
    pub credential: String,
    /// "Route 3", or "held" (see [`plan::label_of`]).
    pub route: String,
    /// The user holds the credential already: the plan is the credential,
    /// not one of its routes.
    pub held: bool,
    /// Met now, met by a known date, open on a question, or not met: the
    /// route and the state's own rule together.
    pub standing: plan::Standing,
    /// When time alone meets it.
    pub when_met: Option<Date>,
    /// Whether the state accepts the credential for the goal's license
    /// (`None`: no state, no license, or not known).
    pub accepted: Option<bool>,
    pub why: String,
    /// "MLT(ASCP) Route 1".
    pub runner_up: Option<String>,
    /// Every requirement not met (with its step) or unanswered.
    pub missing: Vec<Reason>,
    /// The one question whose answer would narrow the plan most.
    pub question: Option<String>,
    /// The state's own rule: its name, verdict, and whether it is met only
    /// once the plan's credential is held.
    pub rule: Option<(String, Verdict, bool)>,
}

impl PlanSummary {
    /// "MLT(ASCP) Route 3", or "MLT(ASCP), held".
    pub fn label(&self) -> String {
        if self.held {
            format!("{}, {}", self.credential, self.route)
        } else {
            format!("{} {}", self.credential, self.route)
        }
    }
}

/// The step to do next, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Next {
    pub area: Area,
    pub step: String,
    pub title: String,
    pub why: String,
}

/// A step still ahead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    pub area: Area,
    pub step: String,
    pub title: String,
    pub check: Check,
}

impl Advice {
    pub fn new(guide: &Guide, profile: &Profile, today: Date) -> Advice {
        let routes = eligibility::for_goal(guide, profile, today);
        let chosen = plan::choose(guide, profile, &routes, today);
        // With nothing of the background answered the plan is a guess.
        let shown = chosen.as_ref().filter(|p| p.answered);
        let cycles = upkeep::cycles(guide, profile, today);
        let ce_outside = profile
            .ce
            .activities
            .iter()
            .map(|a| upkeep::outside_every_cycle(&cycles, a))
            .collect();
        let closest = plan::closest_window(&routes)
            .and_then(|found| routes.iter().position(|r| std::ptr::eq(r, found)));
        Advice {
            today,
            overall: progress::overall_progress(guide, profile),
            areas: Area::ALL.map(|area| progress::area_progress(guide, profile, area)),
            excluded: progress::excluded(guide, profile),
            first_met: shown.filter(|p| p.education_covered()).map(|p| {
                if p.held {
                    p.route.credential.name.clone()
                } else {
                    p.label()
                }
            }),
            plan: shown.map(|p| PlanSummary {
                credential: p.route.credential.name.clone(),
                route: p.route_name().to_owned(),
                held: p.held,
                standing: p.standing,
                when_met: p.when_met,
                accepted: p.accepted,
                why: p.why.clone(),
                runner_up: p.runner_up_label(),
                missing: p.missing.clone(),
                question: p.question.clone(),
                rule: p
                    .rule
                    .as_ref()
                    .map(|r| (r.name.clone(), r.status, r.by_credential)),
            }),
            closest,
            next: plan::next_step(guide, profile, chosen.as_ref()).map(|next| Next {
                area: next.area,
                step: next.step.id.clone(),
                title: next.step.title.clone(),
                why: next.why,
            }),
            license: plan::license_advice(guide, profile, chosen.as_ref()),
            finish: estimate::finish(guide, profile, chosen.as_ref(), today),
            cost: estimate::cost(guide, profile, chosen.as_ref()),
            covered: covered_steps(guide, profile),
            cycles,
            ce_outside,
            upcoming: progress::upcoming(guide, profile)
                .map(|(area, step)| Upcoming {
                    area,
                    step: step.id.clone(),
                    title: step.title.clone(),
                    check: progress::check(step, profile),
                })
                .collect(),
            routes: routes
                .into_iter()
                .map(|r| Standing {
                    third_party_warning: r.third_party_warning(guide),
                    credential: r.credential.clone(),
                    route: r.route.clone(),
                    verdict: r.verdict,
                    reasons: r.reasons,
                    closes: r.closes,
                    when_met: r.when_met,
                })
                .collect(),
        }
    }

    pub fn area(&self, area: Area) -> Progress {
        self.areas[area as usize]
    }

    /// How many routes to the goal are met.
    pub fn met(&self) -> usize {
        self.routes
            .iter()
            .filter(|r| r.verdict == Verdict::Met)
            .count()
    }
}

/// The required steps the background covers, outermost only.
fn covered_steps(guide: &Guide, profile: &Profile) -> Vec<(String, &'static str)> {
    fn walk(step: &Step, profile: &Profile, out: &mut Vec<(String, &'static str)>) {
        if let Some(why) = progress::covered_step(profile, step)
            && progress::check(step, profile) == Check::Done
        {
            out.push((step.title.clone(), why));
            return;
        }
        for sub in step
            .substeps
            .iter()
            .filter(|s| s.is_required_for(profile.goal))
        {
            walk(sub, profile, out);
        }
    }
    let mut out = Vec::new();
    for area in Area::ALL {
        for step in guide
            .steps(area, profile.goal, profile.state.as_deref())
            .into_iter()
            .filter(|s| s.is_required_for(profile.goal))
        {
            walk(step, profile, &mut out);
        }
    }
    out
}

impl Standing {
    /// "MLT(ASCP) Route 1".
    pub fn label(&self) -> String {
        format!("{} {}", self.credential.name, self.route.name)
    }

    /// A met route whose window closes within six months of `today`.
    pub fn closing_soon(&self, today: Date) -> Option<Date> {
        let closes = self.closes?;
        let soon = today.checked_add(Span::new().months(6)).ok()?;
        (self.verdict == Verdict::Met && closes <= soon).then_some(closes)
    }
}
