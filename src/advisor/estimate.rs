//! When the user can expect to finish, and what it will still cost, from the
//! typical durations and fees in the guide. Every figure comes with the
//! assumptions behind it.

use jiff::Span;
use serde::Serialize;

use super::plan::{self, Plan, Standing};
use super::programs;
use super::progress::{self, Check};
use crate::content::{Area, Credential, Date, Fee, Guide, LicenseRule, Step, Weeks};
use crate::profile::{Candidate, Profile};

/// The time still ahead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finish {
    /// The middle of the range; `None` when nothing left has a typical time.
    pub expected: Option<Date>,
    pub earliest: Option<Date>,
    pub latest: Option<Date>,
    /// Steps left that have a typical duration, with it: those the
    /// earliest date counts, then those only the latest does (see
    /// `latest_only`).
    pub counted: Vec<(String, Weeks)>,
    /// How many of the last of `counted` only the latest date counts: the
    /// school that only an open question of the plan asks for.
    pub latest_only: usize,
    /// Steps left with no typical duration in the guide.
    pub without_duration: usize,
    /// The plan's gaps whose step has no typical time in the guide (see
    /// [`Plan::untimed`]): while there are any, the dates are not known.
    pub untimed: Vec<String>,
    /// The open questions the earliest date assumes go the user's way
    /// (the latest assumes they do not).
    pub assumed: Vec<String>,
    /// The plan waits for time alone (experience still being earned) until
    /// this day before the steps counted.
    pub waits_until: Option<Date>,
    /// The chosen program's start, when the count runs from it (after
    /// today and any wait).
    pub program_start: Option<Date>,
}

/// The `dated` of a cost item the person entered themselves.
pub const YOUR_ENTRY: &str = "your entry";

/// The money still to spend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cost {
    pub usd_min: u32,
    pub usd_max: u32,
    /// `(what, low, high, dated)` of every fee counted; `dated` is the date
    /// its page shows, or "page undated, seen YYYY-MM" ([`fee_dated`]), or
    /// [`YOUR_ENTRY`] for a figure the person entered (the chosen program's
    /// tuition).
    pub items: Vec<(String, u32, u32, String)>,
    /// The credential whose application fee is counted (held, the plan's,
    /// or the certifier chosen); `None` while not decided.
    pub credential: Option<String>,
    /// What the guide has no amount for.
    pub unknown: Vec<String>,
    /// Tuition, beside the fees (not in the sums): the guide's sourced
    /// ranges, shown while school is still ahead.
    pub tuition: Vec<Tuition>,
    /// What is left out of the sums and why, in plain words: the chosen
    /// program's tuition when the program is not for the goal, or when the
    /// plan needs no more school.
    pub notes: Vec<String>,
}

/// A sourced tuition figure, as the guide words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tuition {
    /// "Tuition (2024-25)".
    pub label: String,
    pub text: String,
    /// The date or edition its page shows.
    pub dated: String,
}

/// The guide's tuition figures, when the school still ahead (of the plan,
/// or of the path with no plan) needs them.
fn tuition(guide: &Guide, profile: &Profile, plan: Option<&Plan<'_>>) -> Vec<Tuition> {
    let school = |id: &str| id.starts_with("edu.") && id != "edu.career" && id != "edu.graduate";
    let ahead = match plan {
        Some(p) => p.gap_steps(true).into_iter().any(school),
        None => progress::upcoming(guide, profile).any(|(_, s)| school(&s.id)),
    };
    if !ahead {
        return Vec::new();
    }
    guide
        .career
        .iter()
        .filter(|f| f.label.starts_with("Tuition"))
        .map(|f| Tuition {
            label: f.label.clone(),
            text: f.text.clone(),
            dated: f
                .sources
                .iter()
                .filter_map(|id| guide.source(id))
                .find_map(|s| s.dated.clone())
                .unwrap_or_else(|| "page undated".to_owned()),
        })
        .collect()
}

/// Sums the typical durations of what is left, one after another. With a
/// plan, the education counted is only what the plan is missing: the
/// earliest date leaves out what an unanswered question may make
/// unnecessary, the latest counts it. Steps the background covers count as
/// done.
pub fn finish(guide: &Guide, profile: &Profile, plan: Option<&Plan<'_>>, today: Date) -> Finish {
    let plan = plan.filter(|p| p.answered);
    // Only a program for the goal stands for its school.
    let program = programs::for_goal(profile).filter(|c| c.months.is_some());
    // The chosen program's length stands for the school steps it replaces.
    let mut school_ahead = false;
    let mut counted = Vec::new();
    let mut without_duration = 0;
    // The education of the plan that only the unanswered questions ask for.
    let mut maybe = Vec::new();
    let mut maybe_without = 0;
    match plan {
        Some(plan) => {
            let sure = plan::counted_steps(&plan.gap_steps(false));
            let all = plan::counted_steps(&plan.gap_steps(true));
            for id in &all {
                if let Some((_, step)) = guide.step(id) {
                    if replaced_by(program, step, profile) {
                        school_ahead = true;
                    } else if sure.contains(id) {
                        walk_duration(step, profile, &mut counted, &mut without_duration);
                    } else {
                        walk_duration(step, profile, &mut maybe, &mut maybe_without);
                    }
                }
            }
        }
        None => {
            for step in guide
                .steps(Area::Education, profile.goal, profile.state.as_deref())
                .into_iter()
                .filter(|s| s.is_required_for(profile.goal))
                // The practicum is inside the program.
                .filter(|s| s.id != "edu.practicum")
            {
                if replaced_by(program, step, profile) {
                    school_ahead = true;
                } else {
                    walk_duration(step, profile, &mut counted, &mut without_duration);
                }
            }
        }
    }
    for step in [Area::Certification, Area::Licensing]
        .into_iter()
        .flat_map(|area| guide.steps(area, profile.goal, profile.state.as_deref()))
        .filter(|s| s.is_required_for(profile.goal))
    {
        walk_duration(step, profile, &mut counted, &mut without_duration);
    }
    let program = program.filter(|_| school_ahead);
    if let Some(entry) = program.and_then(programs::counted) {
        counted.insert(0, entry);
    }
    let sum = |list: &[(String, Weeks)]| {
        list.iter().fold((0u32, 0u32), |(a, b), (_, w)| {
            (a + u32::from(w.min), b + u32::from(w.max))
        })
    };
    let (min, _) = sum(&counted);
    let (_, max) = {
        let (a, b) = sum(&counted);
        let (c, d) = sum(&maybe);
        (a + c, b + d)
    };
    let waits_until = plan
        .filter(|p| p.standing == Standing::Dated)
        .and_then(|p| p.when_met)
        .filter(|d| *d > today);
    // The program's own start, when later: the clock runs from it.
    let program_start = program
        .and_then(|c| c.starts)
        .filter(|d| *d > waits_until.unwrap_or(today));
    let start = program_start.or(waits_until).unwrap_or(today);
    let after = |weeks: u32| start.checked_add(Span::new().weeks(i64::from(weeks))).ok();
    let assumed = plan.map(open_questions).unwrap_or_default();
    let latest_only = maybe.len();
    counted.append(&mut maybe);
    without_duration += maybe_without;
    let untimed = plan.map(|p| p.untimed.clone()).unwrap_or_default();
    let nothing_left = counted.is_empty() && without_duration == 0;
    let (expected, earliest, latest) = if nothing_left {
        (Some(start), Some(start), Some(start))
    } else if counted.is_empty() || !untimed.is_empty() {
        (None, None, None)
    } else {
        (after(u32::midpoint(min, max)), after(min), after(max))
    };
    Finish {
        expected,
        earliest,
        latest,
        counted,
        latest_only,
        without_duration,
        untimed,
        assumed,
        waits_until,
        program_start,
    }
}

/// The plan's unanswered questions, in its words.
fn open_questions(plan: &Plan<'_>) -> Vec<String> {
    plan.missing
        .iter()
        .filter(|r| r.kind == super::eligibility::ReasonKind::Question)
        .map(|r| r.words().to_owned())
        .collect()
}

/// Whether the chosen program stands for this step: the school steps (the
/// program, its practicum, the accreditation choice; the prerequisites too
/// when the program's start is known, since they come before it), still
/// to do.
pub(crate) fn replaced_by(program: Option<&Candidate>, step: &Step, profile: &Profile) -> bool {
    let Some(program) = program else {
        return false;
    };
    // Choosing it is the step: done, yet the program is still ahead.
    if progress::covered(profile, &step.id) == Some(programs::CHOICE_COVER) {
        return true;
    }
    let check = progress::check(step, profile);
    if check == Check::Done || check.is_excluded() {
        return false;
    }
    programs::replaces(&step.id) || (step.id == "edu.prereqs" && program.starts.is_some())
}

/// A step with a typical time counts whole; otherwise its sub-steps do.
fn walk_duration(
    step: &Step,
    profile: &Profile,
    out: &mut Vec<(String, Weeks)>,
    without: &mut usize,
) {
    let check = progress::check(step, profile);
    if check == Check::Done || check.is_excluded() {
        return;
    }
    if let Some(weeks) = step.duration {
        out.push((step.title.clone(), weeks));
    } else if step.substeps.is_empty() || step.one_of {
        *without += 1;
    } else {
        for sub in &step.substeps {
            walk_duration(sub, profile, out, without);
        }
    }
}

/// Sums the fees of the steps left: the application fee of the credential
/// the user is heading for, and the state's license fees.
#[allow(clippy::too_many_lines, reason = "one walk over the fees")]
pub fn cost(guide: &Guide, profile: &Profile, plan: Option<&Plan<'_>>) -> Cost {
    // With no background answered the plan is a guess: the chosen
    // certifier's fee, else the range of every certifier's.
    let preferred = super::eligibility::preferred_certifier(profile).and_then(|id| {
        guide
            .credentials
            .iter()
            .find(|c| c.goal == profile.goal && c.certifier == id && !c.name.contains("ASCPi"))
    });
    let target = plan::planned_credential(guide, profile, plan).or(preferred);
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
            let mut dated: Vec<String> = chosen.iter().map(|f| fee_dated(guide, f)).collect();
            dated.sort();
            dated.dedup();
            items.push((
                format!(
                    "{} application fee (certifier not chosen yet)",
                    profile.goal.short()
                ),
                low,
                high,
                dated.join("; "),
            ));
        } else {
            for fee in chosen {
                items.push((
                    fee.what.clone(),
                    fee.usd,
                    fee.usd_max.unwrap_or(fee.usd),
                    fee_dated(guide, fee),
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
    // With no background answered the plan is a guess (as for the finish):
    // the school ahead is the path's.
    let mut tuition = tuition(guide, profile, plan.filter(|p| p.answered));
    let mut notes = Vec::new();
    // A chosen program that is not for the goal stands for nothing.
    if let Some(off) = programs::off_goal_words(profile) {
        notes.push(format!(
            "{off}: its tuition is not counted, nor its length in the finish date."
        ));
    } else if let Some(c) =
        programs::chosen(profile).filter(|c| tuition.is_empty() && c.tuition.is_some())
    {
        notes.push(format!(
            "Your plan needs no more school, so the tuition of your chosen program, {}, is not counted.",
            crate::text::sanitize(&c.name)
        ));
    }
    // The chosen program's own tuition, while school is ahead: a total
    // replaces the guide's averages and counts in the sums.
    if let Some(c) = programs::for_goal(profile).filter(|_| !tuition.is_empty()) {
        match c.tuition {
            Some(crate::profile::Tuition::Total(usd)) => {
                items.insert(
                    0,
                    (
                        format!("Tuition at {} (your chosen program)", c.name),
                        usd,
                        usd,
                        YOUR_ENTRY.to_owned(),
                    ),
                );
                tuition.clear();
            }
            Some(crate::profile::Tuition::PerCredit(usd)) => unknown.push(format!(
                "tuition at {} (${usd} a credit; the number of credits is not known)",
                c.name
            )),
            None => unknown.push(format!("tuition at {} (not entered yet)", c.name)),
        }
    }
    Cost {
        usd_min: items.iter().map(|(_, lo, _, _)| lo).sum(),
        usd_max: items.iter().map(|(_, _, hi, _)| hi).sum(),
        items,
        credential: target.map(|c| c.name.clone()),
        unknown,
        tuition,
        notes,
    }
}

/// When a fee's amount is from, as its pages show it: the date or edition
/// a source page shows ("current through Sep 24, 2024"), else "page
/// undated, seen 2026-11" (the month its sources were read). Never a year
/// the page does not show.
pub fn fee_dated(guide: &Guide, fee: &Fee) -> String {
    let sources: Vec<&crate::content::Source> = fee
        .sources
        .iter()
        .filter_map(|id| guide.source(id))
        .collect();
    if let Some(shown) = sources.iter().find_map(|s| s.dated.as_deref()) {
        return shown.to_owned();
    }
    sources
        .iter()
        .map(|s| s.checked.unwrap_or(s.verified))
        .max()
        .map_or_else(
            || "page undated".to_owned(),
            |seen| format!("page undated, seen {}", seen.strftime("%Y-%m")),
        )
}

/// Whether a fee is a credential's: it names it ("MLT(ASCP) application
/// fee"), or names its certifier and its level ("AAB application plus MT or
/// MLT generalist exam").
pub fn fee_is_for(fee: &Fee, credential: &Credential) -> bool {
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
