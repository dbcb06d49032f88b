//! The way to the finish for this user: the next step and why, what a step
//! would open, and whether the state accepts the credential.

use serde::Serialize;

use super::eligibility::{self, RouteAdvice, Verdict};
use super::progress::{self, Check};
use crate::content::{
    Accepts, Accreditor, Area, Date, Goal, Guide, Level, LicenseRule, Program, Step,
};
use crate::profile::{Education, MilitaryCourse, PartialDate, Profile, ProgramDone};

/// The step to do next, and why it is next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep<'g> {
    pub area: Area,
    pub step: &'g Step,
    pub why: String,
}

/// Whether the background already covers the education a route asks for:
/// some route of a credential for the goal is met.
pub fn education_covered<'a, 'g>(routes: &'a [RouteAdvice<'g>]) -> Option<&'a RouteAdvice<'g>> {
    routes.iter().find(|r| r.verdict == Verdict::Met)
}

/// The first unfinished applicable step, in path order, whose earlier steps
/// are done. When a route is already met, the education steps are covered
/// and the next step comes from certification or licensing.
pub fn next_step<'g>(
    guide: &'g Guide,
    profile: &Profile,
    routes: &[RouteAdvice<'g>],
) -> Option<NextStep<'g>> {
    let covered = education_covered(routes);
    let mut upcoming = progress::upcoming(guide, profile)
        .filter(|(area, _)| covered.is_none() || *area != Area::Education);
    let (area, step) = upcoming.next()?;
    let why = if let Some(route) = covered
        && area != Area::Education
    {
        format!(
            "You qualify for {} already, so your education is covered; this is the first open step after it.",
            route.label()
        )
    } else if progress::check(step, profile) == Check::InProgress {
        "You marked it in progress.".to_owned()
    } else {
        let done_before = progress::overall_progress(guide, profile).done;
        if done_before == 0 {
            "It is the first step on the path.".to_owned()
        } else {
            format!(
                "Every required step before it in {} is done or set aside.",
                area.title()
            )
        }
    };
    Some(NextStep { area, step, why })
}

/// What finishing a step would change: the routes it would open, and the
/// window it would start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    /// "MLT(ASCP) Route 1" and the day its window would close, if any.
    pub opens: Vec<(String, Option<Date>)>,
    /// What medtech assumed finishing the step means.
    pub assumption: String,
}

/// The routes a step would open if it were finished today. `None` when
/// medtech does not know what the step changes in the background.
pub fn what_if(guide: &Guide, profile: &Profile, step_id: &str, today: Date) -> Option<WhatIf> {
    let mut imagined = profile.clone();
    let bg = &mut imagined.background;
    let this_month = PartialDate::month_of(today);
    let raise = |e: &mut Option<Education>, to: Education| {
        if e.is_none_or(|now| now < to) {
            *e = Some(to);
        }
    };
    let assumption = match step_id {
        "edu.associate" | "edu.accredited" | "edu.practicum" => {
            raise(&mut bg.education, Education::Associate);
            bg.programs.push(ProgramDone {
                kind: Program::Mlt,
                accreditor: Accreditor::Naacls,
                finished: this_month,
            });
            "an associate degree and a NAACLS-accredited MLT program finished this month"
        }
        id if id.starts_with("edu.bachelor") => {
            raise(&mut bg.education, Education::Bachelor);
            bg.programs.push(ProgramDone {
                kind: Program::Mls,
                accreditor: Accreditor::Naacls,
                finished: this_month,
            });
            "a bachelor's degree and a NAACLS-accredited MLS program finished this month"
        }
        "edu.military" => {
            bg.military_course = Some(MilitaryCourse {
                weeks: 50,
                finished: this_month,
            });
            "a 50-week military laboratory course finished this month"
        }
        _ => return None,
    };
    let before = eligibility::evaluate(guide, profile, today);
    let after = eligibility::evaluate(guide, &imagined, today);
    let opens = after
        .iter()
        .zip(&before)
        .filter(|(a, b)| {
            a.verdict == Verdict::Met
                && b.verdict != Verdict::Met
                && a.credential.goal == profile.goal
        })
        .map(|(a, _)| (a.label(), a.closes))
        .collect();
    Some(WhatIf {
        opens,
        assumption: assumption.to_owned(),
    })
}

/// Whether the user's state accepts their credential for a license.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LicenseAdvice {
    pub state: String,
    /// "MLT(AMT)".
    pub credential: String,
    /// `accepted`, `not_accepted`, `unknown` or `no_license`.
    pub verdict: &'static str,
    pub text: String,
}

/// The license level a goal leads to.
fn level_of(goal: Goal) -> Level {
    match goal {
        Goal::Mlt => Level::Technician,
        Goal::Mls => Level::Technologist,
    }
}

/// For the user's state: is the credential they hold or plan accepted?
pub fn license_advice(
    guide: &Guide,
    profile: &Profile,
    routes: &[RouteAdvice<'_>],
) -> Option<LicenseAdvice> {
    let code = profile.state.as_deref()?;
    let state = guide.state(code)?;
    let credential = eligibility::target_credential(guide, profile, routes);
    let name = credential.map_or_else(|| "your credential".to_owned(), |c| c.name.clone());
    let advice = |verdict, text: String| LicenseAdvice {
        state: state.name.clone(),
        credential: name.clone(),
        verdict,
        text,
    };
    if state.license == LicenseRule::NotRequired {
        return Some(advice(
            "no_license",
            format!(
                "{} issues no personal license; employers decide.",
                state.name
            ),
        ));
    }
    let Some(credential) = credential else {
        return Some(advice(
            "unknown",
            "Choose a certifier (on the setup screen) to see whether your state accepts it."
                .to_owned(),
        ));
    };
    let held_since = profile
        .background
        .credentials
        .iter()
        .find(|h| h.is(&credential.name))
        .map(|h| h.since);
    let Some(row) = guide.acceptance(code, level_of(profile.goal), &credential.id) else {
        let ask = state.accepts_unknown.clone().unwrap_or_else(|| {
            format!(
                "Ask the {} board which certifications it accepts.",
                state.name
            )
        });
        return Some(advice(
            "unknown",
            format!(
                "The guide does not say whether {} accepts {}. {ask}",
                state.name, credential.name
            ),
        ));
    };
    Some(match row.accepts {
        Accepts::Yes => match (row.exam_from, held_since) {
            (Some(from), Some(since)) if since.last_day() < from => advice(
                "not_accepted",
                format!(
                    "Your {} from {since} is not accepted in {}: {} exams count from {from}.",
                    credential.name, state.name, credential.name
                ),
            ),
            (Some(from), None) => advice(
                "accepted",
                format!(
                    "{} accepts {} if the exam was taken on or after {from}.",
                    state.name, credential.name
                ),
            ),
            _ => advice(
                "accepted",
                format!(
                    "{} accepts {} for its license.",
                    state.name, credential.name
                ),
            ),
        },
        Accepts::No => advice(
            "not_accepted",
            format!(
                "{} does not accept {} for this license{}",
                state.name,
                credential.name,
                row.note
                    .as_deref()
                    .map_or_else(|| ".".to_owned(), |n| format!(": {n}"))
            ),
        ),
        Accepts::Unknown => advice(
            "unknown",
            format!(
                "Unconfirmed whether {} accepts {}{}",
                state.name,
                credential.name,
                row.note
                    .as_deref()
                    .map_or_else(|| ".".to_owned(), |n| format!(": {n}"))
            ),
        ),
    })
}

/// The window of a route that closes first among those met, for the
/// dashboard: "Route 1 closes on 2029-05-31".
pub fn closest_window<'a, 'g>(routes: &'a [RouteAdvice<'g>]) -> Option<&'a RouteAdvice<'g>> {
    routes
        .iter()
        .filter(|r| r.verdict == Verdict::Met && r.closes.is_some())
        .min_by_key(|r| r.closes)
}

/// Why a step does not apply to this user, from their background: the
/// military training step for someone whose setup says they have no
/// military course. Shown beside the step; the user's own marks win.
pub fn not_for_user(profile: &Profile, step_id: &str) -> Option<&'static str> {
    let bg = &profile.background;
    (step_id == "edu.military" && bg.is_answered() && bg.military_course.is_none())
        .then_some("not for you")
}
