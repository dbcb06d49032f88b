//! What the screens show from the advisor, worked out in one go: `App`
//! keeps one `Advice` and makes it again after each change to the record
//! (and when the day changes), so drawing only reads it.

use jiff::Span;

use crate::content::{Area, Credential, Date, Guide, Route};
use crate::profile::Profile;

use super::eligibility::{self, Reason, Verdict};
use super::estimate::{self, Cost, Finish};
use super::plan::{self, LicenseAdvice};
use super::progress::{self, Check, Excluded, Progress};

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
    /// "MLT(ASCP) Route 3": the first met route, whose education is covered.
    pub first_met: Option<String>,
    /// The met route whose window closes first (an index into `routes`).
    pub closest: Option<usize>,
    pub next: Option<Next>,
    pub license: Option<LicenseAdvice>,
    pub finish: Finish,
    pub cost: Cost,
    /// Every unfinished unit of required work, in path order.
    pub upcoming: Vec<Upcoming>,
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
    /// "⚠ per a third-party summary; confirm with ASCP" when the verdict
    /// rests on third-party text.
    pub third_party_warning: Option<String>,
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
        let closest = plan::closest_window(&routes)
            .and_then(|found| routes.iter().position(|r| std::ptr::eq(r, found)));
        Advice {
            today,
            overall: progress::overall_progress(guide, profile),
            areas: Area::ALL.map(|area| progress::area_progress(guide, profile, area)),
            excluded: progress::excluded(guide, profile),
            first_met: plan::education_covered(&routes).map(eligibility::RouteAdvice::label),
            closest,
            next: plan::next_step(guide, profile, &routes).map(|next| Next {
                area: next.area,
                step: next.step.id.clone(),
                title: next.step.title.clone(),
                why: next.why,
            }),
            license: plan::license_advice(guide, profile, &routes),
            finish: estimate::finish(guide, profile, &routes, today),
            cost: estimate::cost(guide, profile, &routes),
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
