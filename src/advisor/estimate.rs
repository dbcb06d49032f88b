//! When the user can expect to finish, and what it will still cost, from the
//! typical durations and fees in the guide. Every figure comes with the
//! assumptions behind it.

use jiff::Span;
use serde::Serialize;

use super::eligibility::{self, RouteAdvice};
use super::plan;
use super::progress::{self, Check};
use crate::content::{Area, Credential, Date, Fee, Guide, LicenseRule, Step};
use crate::profile::Profile;

/// The time still ahead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finish {
    /// The middle of the range; `None` when nothing left has a typical time.
    pub expected: Option<Date>,
    pub earliest: Option<Date>,
    pub latest: Option<Date>,
    /// Steps left that have a typical duration, with it in weeks.
    pub counted: Vec<(String, u16, u16)>,
    /// Steps left with no typical duration in the guide.
    pub without_duration: usize,
}

/// The money still to spend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cost {
    pub usd_min: u32,
    pub usd_max: u32,
    /// `(what, low, high, year)` of every fee counted.
    pub items: Vec<(String, u32, u32, u16)>,
    /// What the guide has no amount for.
    pub unknown: Vec<String>,
}

/// Sums the typical durations of what is left, one after another.
pub fn finish(guide: &Guide, profile: &Profile, routes: &[RouteAdvice<'_>], today: Date) -> Finish {
    let mut counted = Vec::new();
    let mut without_duration = 0;
    for step in remaining_top(guide, profile, routes) {
        walk_duration(step, profile, &mut counted, &mut without_duration);
    }
    let (min, max) = counted.iter().fold((0u32, 0u32), |(a, b), (_, lo, hi)| {
        (a + u32::from(*lo), b + u32::from(*hi))
    });
    let after = |weeks: u32| today.checked_add(Span::new().weeks(i64::from(weeks))).ok();
    let nothing_left = counted.is_empty() && without_duration == 0;
    let (expected, earliest, latest) = if nothing_left {
        (Some(today), Some(today), Some(today))
    } else if counted.is_empty() {
        (None, None, None)
    } else {
        (after(u32::midpoint(min, max)), after(min), after(max))
    };
    Finish {
        expected,
        earliest,
        latest,
        counted,
        without_duration,
    }
}

/// A step with a typical time counts whole; otherwise its sub-steps do.
fn walk_duration(
    step: &Step,
    profile: &Profile,
    out: &mut Vec<(String, u16, u16)>,
    without: &mut usize,
) {
    let check = progress::check(step, profile);
    if check == Check::Done || check.is_excluded() {
        return;
    }
    if let Some(weeks) = step.duration {
        out.push((step.title.clone(), weeks.min, weeks.max));
    } else if step.substeps.is_empty() || step.one_of {
        *without += 1;
    } else {
        for sub in &step.substeps {
            walk_duration(sub, profile, out, without);
        }
    }
}

/// The required top-level steps still ahead, education left out when a
/// route is already met.
fn remaining_top<'g>(
    guide: &'g Guide,
    profile: &Profile,
    routes: &[RouteAdvice<'_>],
) -> Vec<&'g Step> {
    let covered = plan::education_covered(routes).is_some();
    Area::ALL
        .into_iter()
        .filter(|area| !(covered && *area == Area::Education))
        .flat_map(|area| guide.steps(area, profile.goal, profile.state.as_deref()))
        .filter(|s| s.is_required_for(profile.goal))
        .collect()
}

/// Sums the fees of the steps left: the application fee of the credential
/// the user is heading for, and the state's license fees.
pub fn cost(guide: &Guide, profile: &Profile, routes: &[RouteAdvice<'_>]) -> Cost {
    let target = eligibility::target_credential(guide, profile, routes);
    let goal_credentials: Vec<&Credential> = guide
        .credentials
        .iter()
        .filter(|c| c.goal == profile.goal && !c.name.contains("ASCPi"))
        .collect();
    let mut items = Vec::new();
    let mut unknown = Vec::new();
    let mut state_fee_seen = false;
    // The certification fee step: still to do, and whether it gave an amount.
    let mut cert_fee_open = false;
    let mut cert_fee_found = false;
    let state_ids: Vec<&str> = profile
        .state
        .as_deref()
        .and_then(|c| guide.state(c))
        .map(|s| s.steps.iter().map(|st| st.id.as_str()).collect())
        .unwrap_or_default();
    let mut visit = |step: &Step, in_state: bool| {
        let check = progress::check(step, profile);
        if check == Check::Done || check.is_excluded() || step.fees.is_empty() {
            return;
        }
        let per_credential = step
            .fees
            .iter()
            .any(|f| goal_credentials.iter().any(|c| fee_is_for(f, c)));
        let chosen: Vec<&Fee> = if per_credential {
            cert_fee_open = true;
            step.fees
                .iter()
                .filter(|f| match target {
                    Some(c) => fee_is_for(f, c),
                    None => goal_credentials.iter().any(|c| fee_is_for(f, c)),
                })
                .collect()
        } else {
            step.fees.iter().collect()
        };
        if per_credential && !chosen.is_empty() {
            cert_fee_found = true;
        }
        if per_credential && target.is_none() && chosen.len() > 1 {
            // Not yet decided: the range runs from the cheapest to the dearest.
            let low = chosen.iter().map(|f| f.usd).min().unwrap_or(0);
            let high = chosen
                .iter()
                .map(|f| f.usd_max.unwrap_or(f.usd))
                .max()
                .unwrap_or(0);
            let year = chosen.iter().map(|f| f.year).max().unwrap_or(0);
            items.push((
                format!(
                    "{} application fee (certifier not chosen yet)",
                    profile.goal.short()
                ),
                low,
                high,
                year,
            ));
        } else {
            for fee in chosen {
                items.push((
                    fee.what.clone(),
                    fee.usd,
                    fee.usd_max.unwrap_or(fee.usd),
                    fee.year,
                ));
            }
        }
        if in_state {
            state_fee_seen = true;
        }
    };
    for area in Area::ALL {
        for top in guide.steps(area, profile.goal, profile.state.as_deref()) {
            let in_state = state_ids.contains(&top.id.as_str());
            walk_all(top, &mut |s| visit(s, in_state));
        }
    }
    if target.is_some() && cert_fee_open && !cert_fee_found {
        unknown.push("the certification application fee".to_owned());
    }
    if let Some(state) = profile.state.as_deref().and_then(|c| guide.state(c))
        && state.license == LicenseRule::Required
        && !state_fee_seen
    {
        unknown.push(format!("the {} license fee", state.name));
    }
    Cost {
        usd_min: items.iter().map(|(_, lo, _, _)| lo).sum(),
        usd_max: items.iter().map(|(_, _, hi, _)| hi).sum(),
        items,
        unknown,
    }
}

/// Whether a fee is a credential's: it names it ("MLT(ASCP) application
/// fee"), or names its certifier and its level ("AAB application plus MT or
/// MLT generalist exam").
fn fee_is_for(fee: &Fee, credential: &Credential) -> bool {
    // The whole name: "MLS(ASCP)" is not "MLS(ASCPi)".
    let named = fee
        .what
        .match_indices(credential.name.as_str())
        .any(|(at, name)| {
            !fee.what[at + name.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        });
    if named {
        return true;
    }
    let level = credential.name.split('(').next().unwrap_or_default();
    let tag = credential.certifier.to_uppercase();
    let words: Vec<&str> = fee
        .what
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    !level.is_empty() && words.contains(&tag.as_str()) && words.contains(&level)
}

fn walk_all<'g>(step: &'g Step, f: &mut impl FnMut(&'g Step)) {
    f(step);
    for sub in &step.substeps {
        walk_all(sub, f);
    }
}
