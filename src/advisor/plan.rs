//! The way to the finish for this user: one plan (a credential and route
//! for the goal, chosen), the next step and why, what a step would open,
//! and whether the state accepts the credential.

use serde::Serialize;

use super::eligibility::{self, Reason, ReasonKind, RouteAdvice, Verdict};
use super::progress::{self, Check};
use crate::content::{
    Accepts, Accreditor, Area, Date, Goal, Guide, Level, LicenseRule, Program, Requirement,
    StateRecord, Step,
};
use crate::profile::{
    Background, Education, HeldCredential, MilitaryCourse, PartialDate, Profile, ProgramDone,
};

/// The step to do next, and why it is next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep<'g> {
    pub area: Area,
    pub step: &'g Step,
    pub why: String,
}

/// Whether the background already covers the education a route asks for:
/// some route of a credential for the goal is met. Blind to the state: the
/// plan ([`choose`]) is what says whether education is covered.
pub fn education_covered<'a, 'g>(routes: &'a [RouteAdvice<'g>]) -> Option<&'a RouteAdvice<'g>> {
    routes.iter().find(|r| r.verdict == Verdict::Met)
}

/// A state's own education and experience rule for the goal's license,
/// checked against the background like a route requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCheck {
    /// "New York technician education (Educ. Law 8606)".
    pub name: String,
    /// `met`, `not_met` or `unknown` (never `closed`).
    pub status: Verdict,
    /// Every requirement not met (with the step that meets it) or
    /// unanswered (with the question); every one when met.
    pub reasons: Vec<Reason>,
    /// Met only once the plan's credential is held (a state that takes a
    /// national certification in place of its education).
    pub by_credential: bool,
    /// Time alone meets it on this day.
    pub when_met: Option<Date>,
}

/// How a plan stands, best first: the order the plan is chosen in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    /// Every requirement holds today.
    Met,
    /// Time alone meets it, on `when_met`.
    Dated,
    /// Nothing fails, but an answer is missing.
    Unknown,
    NotMet,
}

impl Standing {
    fn of(verdict: Verdict, when_met: Option<Date>) -> Standing {
        match verdict {
            Verdict::Met => Standing::Met,
            Verdict::Unknown => Standing::Unknown,
            _ if when_met.is_some() => Standing::Dated,
            _ => Standing::NotMet,
        }
    }

    /// `met`, `not_met` or `unknown`, as `status --json` writes it (a
    /// dated plan is not met yet).
    pub fn key(self) -> &'static str {
        match self {
            Standing::Met => "met",
            Standing::Unknown => "unknown",
            Standing::Dated | Standing::NotMet => "not_met",
        }
    }

    fn words(self) -> &'static str {
        match self {
            Standing::Met => "met now",
            Standing::Dated => "met by a known date",
            Standing::Unknown => "open on a question",
            Standing::NotMet => "not met",
        }
    }
}

/// One credential and route for the goal, chosen for this user.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent facts of the plan, each read on its own"
)]
pub struct Plan<'g> {
    pub route: RouteAdvice<'g>,
    /// The route and the state's rule together.
    pub standing: Standing,
    /// When time alone meets the route and the state's rule.
    pub when_met: Option<Date>,
    /// Whether the state accepts the credential for the goal's license:
    /// `None` when no state is chosen, it licenses no one, or the guide
    /// does not know.
    pub accepted: Option<bool>,
    /// The state licenses at the goal's level.
    pub state_licenses: bool,
    /// The state's own rule for the license, checked.
    pub rule: Option<RuleCheck>,
    /// Why this one, in a sentence or two.
    pub why: String,
    pub runner_up: Option<RouteAdvice<'g>>,
    /// The user holds the runner-up's credential already (see
    /// [`Plan::held`]).
    pub runner_up_held: bool,
    /// Every requirement not met or unanswered, of the route and the
    /// state's rule, each once.
    pub missing: Vec<Reason>,
    /// The one question whose answer would narrow the plan most.
    pub question: Option<String>,
    /// Typical weeks of the education still missing: `(earliest, latest)`
    /// where earliest assumes every open question goes the user's way.
    pub weeks: (u32, u32),
    /// The gaps whose step has no typical time in the guide (an MLT
    /// training program outside a degree): the finish cannot count them,
    /// so it is not known until they are done.
    pub untimed: Vec<String>,
    /// Something of the background is known (the setup, or a degree ticked
    /// on the checklist): without it the plan is a guess, and the next
    /// step, the estimates and the screens do not follow it.
    pub answered: bool,
    /// The user holds the plan's credential already: the education is
    /// behind them, so an open question of the state's rule is asked, not
    /// planned for with school steps.
    pub held: bool,
}

/// "MLT(ASCP) Route 3", or "MLT(ASCP), held" for a credential the user
/// holds: its routes are behind them, and naming one (among equals) would
/// say something the plan did not choose.
pub fn label_of(route: &RouteAdvice<'_>, held: bool) -> String {
    if held {
        format!("{}, {HELD}", route.credential.name)
    } else {
        route.label()
    }
}

/// What the plan's route is called when its credential is held: `"held"`
/// (`status --json`'s `plan.route`).
pub const HELD: &str = "held";

impl Plan<'_> {
    /// "MLT(ASCP) Route 3", or "MLT(ASCP), held" (see [`label_of`]).
    pub fn label(&self) -> String {
        label_of(&self.route, self.held)
    }

    /// The route's name, or "held" (see [`label_of`]).
    pub fn route_name(&self) -> &str {
        if self.held {
            HELD
        } else {
            &self.route.route.name
        }
    }

    /// The runner-up as [`Plan::label`] words it.
    pub fn runner_up_label(&self) -> Option<String> {
        self.runner_up
            .as_ref()
            .map(|r| label_of(r, self.runner_up_held))
    }

    /// The education the route and rule ask for is behind the user.
    pub fn education_covered(&self) -> bool {
        self.standing == Standing::Met
    }

    /// The steps that meet what is missing; with `questions`, also those
    /// that meet an unanswered requirement should the answer be no (never
    /// for a credential held: see [`Plan::held`]).
    pub fn gap_steps(&self, questions: bool) -> Vec<&str> {
        steps_of(&self.missing, questions && !self.held)
    }
}

/// The state the user chose, if it issues a personal license.
fn licensing_state<'g>(guide: &'g Guide, profile: &Profile) -> Option<&'g StateRecord> {
    let state = guide.state(profile.state.as_deref()?)?;
    (state.license == LicenseRule::Required).then_some(state)
}

/// Whether a licensing state accepts a credential for a level: `None` when
/// the guide does not know. A held credential from before the state's
/// first accepted exam date is not accepted.
pub fn accepts(
    guide: &Guide,
    state: &StateRecord,
    level: Level,
    credential: &crate::content::Credential,
    background: &Background,
) -> Option<bool> {
    let row = guide.acceptance(&state.code, level, &credential.id)?;
    match row.accepts {
        Accepts::Yes => {
            let since = background
                .credentials
                .iter()
                .find(|h| h.is(&credential.name))
                .map(|h| h.since);
            Some(
                !matches!((row.exam_from, since), (Some(from), Some(since)) if since.last_day() < from),
            )
        }
        Accepts::No => Some(false),
        Accepts::Unknown => None,
    }
}

/// A state's rule for a level checked against the background, and, when it
/// fails there, against the background plus `credential` held (a rule that
/// takes the credential in place of its education).
pub fn check_rule(
    guide: &Guide,
    state: &StateRecord,
    level: Level,
    background: &Background,
    credential: Option<&crate::content::Credential>,
    today: Date,
) -> Option<RuleCheck> {
    let rule = state.rules.iter().find(|r| r.level == level)?;
    let (verdict, reasons, when_met) =
        eligibility::evaluate_requirements(guide, &rule.requirements, background, today);
    let mut check = RuleCheck {
        name: rule.name.clone(),
        status: verdict,
        reasons,
        by_credential: false,
        when_met,
    };
    if verdict != Verdict::Met
        && let Some(credential) = credential
        && names_credential(&rule.requirements, &credential.id)
    {
        let mut with = background.clone();
        with.credentials.push(HeldCredential {
            name: credential.name.clone(),
            since: PartialDate::month_of(today),
        });
        let (after, _, _) =
            eligibility::evaluate_requirements(guide, &rule.requirements, &with, today);
        if after == Verdict::Met {
            check.by_credential = true;
            check.status = Verdict::Met;
            check.when_met = None;
            check.reasons = vec![Reason {
                text: format!(
                    "✓ met once you hold {}, which {} may take in place of its education",
                    credential.name, state.name
                ),
                step: Some("cert.exam".to_owned()),
                kind: ReasonKind::Met,
                when: None,
            }];
        }
    }
    Some(check)
}

fn names_credential(requirements: &[Requirement], id: &str) -> bool {
    requirements.iter().any(|r| match r {
        Requirement::Credential(c) => c == id,
        Requirement::AnyOf(list) | Requirement::AllOf(list) => names_credential(list, id),
        _ => false,
    })
}

/// One candidate for the plan, with what it is chosen by.
struct Candidate<'a, 'g> {
    route: &'a RouteAdvice<'g>,
    accepted: Option<bool>,
    rule: Option<RuleCheck>,
    standing: Standing,
    when_met: Option<Date>,
    missing: Vec<Reason>,
    /// Weeks of missing education, earliest and latest.
    weeks: (u32, u32),
    /// Gaps whose step has no typical time (see [`Plan::untimed`]).
    untimed: Vec<String>,
    /// Gaps only a step "not for you" meets ([`not_for_user`]).
    ruled_out: usize,
    cost: u32,
    preferred: bool,
    /// The user holds the credential already: among equals it comes first.
    held: bool,
}

impl Candidate<'_, '_> {
    /// State acceptance first: accepted, unknown, then not accepted.
    fn acceptance_rank(&self) -> u8 {
        match self.accepted {
            Some(true) => 0,
            None => 1,
            Some(false) => 2,
        }
    }

    /// Requirements of the route already met: how much of the background
    /// it uses.
    fn uses(&self) -> usize {
        let failed = match self.route.verdict {
            Verdict::NotMet => self.route.rests_on.len(),
            _ => 0,
        };
        self.route.route.requirements.len().saturating_sub(failed)
    }

    /// Gaps no step of the guide meets and time alone does not either
    /// (experience not being earned): their finish cannot be counted.
    fn blind(&self) -> usize {
        self.missing
            .iter()
            .filter(|r| r.kind == ReasonKind::Missing && r.step.is_none() && r.when.is_none())
            .count()
    }

    /// Gaps a step meets, but in no time the guide gives (no typical
    /// time, or a step "not for you"): after the blind ones, since a step
    /// of the guide still leads there.
    fn untimed_count(&self) -> usize {
        self.untimed.len() + self.ruled_out
    }

    #[allow(clippy::type_complexity, reason = "the choice order, field by field")]
    fn key(
        &self,
        today: Date,
    ) -> (
        u8,
        Standing,
        bool,
        (usize, usize, u32, u32),
        bool,
        u32,
        std::cmp::Reverse<usize>,
    ) {
        let waiting = self
            .when_met
            .and_then(|d| u32::try_from((d - today).get_days() / 7).ok())
            .unwrap_or(0);
        (
            self.acceptance_rank(),
            self.standing,
            !self.held,
            (
                self.blind(),
                self.untimed_count(),
                self.weeks.0.max(waiting),
                self.weeks.1.max(waiting),
            ),
            !self.preferred,
            self.cost,
            std::cmp::Reverse(self.uses()),
        )
    }
}

/// The plan: from the routes for the goal (as [`eligibility::for_goal`]
/// gives them), one credential and route, chosen in this order: those the
/// user's state accepts for the goal's license level (every route when no
/// state is chosen or it licenses no one); then met now, over met by a
/// known date, over unknown, over not met (the state's own rule counting
/// as a requirement); then the earliest finish; then the certifier the user
/// chose (their choice outweighs a small fee difference); then the lowest
/// cost; then the route that uses more of the background; then the guide's
/// order. `None` when no route is open.
pub fn choose<'g>(
    guide: &'g Guide,
    profile: &Profile,
    routes: &[RouteAdvice<'g>],
    today: Date,
) -> Option<Plan<'g>> {
    let level = profile.goal.license_level();
    let state = licensing_state(guide, profile);
    let background = eligibility::effective_background(guide, profile);
    let preferred = eligibility::preferred_certifier(profile);
    let abroad = profile.background.educated_abroad == Some(true);
    let candidates: Vec<Candidate<'_, 'g>> = routes
        .iter()
        .filter(|r| r.verdict != Verdict::Closed && r.credential.goal == profile.goal)
        // International credentials only for those educated abroad.
        .filter(|r| abroad || !r.credential.name.contains("ASCPi"))
        .map(|route| {
            let accepted =
                state.and_then(|s| accepts(guide, s, level, route.credential, &background));
            let rule = state.and_then(|s| {
                check_rule(guide, s, level, &background, Some(route.credential), today)
            });
            // A credential held already: its routes are behind the user.
            let held = background
                .credentials
                .iter()
                .any(|h| h.is(&route.credential.name));
            let route_standing = if held {
                Standing::Met
            } else {
                Standing::of(route.verdict, route.when_met)
            };
            let rule_standing = rule
                .as_ref()
                .map_or(Standing::Met, |r| Standing::of(r.status, r.when_met));
            let standing = route_standing.max(rule_standing);
            let when_met = (standing == Standing::Dated)
                .then(|| route.when_met.max(rule.as_ref().and_then(|r| r.when_met)))
                .flatten();
            let mut missing: Vec<Reason> = Vec::new();
            let gaps = route
                .reasons
                .iter()
                .filter(|_| !held)
                .chain(rule.iter().flat_map(|r| r.reasons.iter()))
                .filter(|r| r.kind != ReasonKind::Met);
            for reason in gaps {
                if !missing.iter().any(|m| m.text == reason.text) {
                    missing.push(reason.clone());
                }
            }
            let mut c = Candidate {
                route,
                accepted,
                rule,
                standing,
                when_met,
                missing,
                weeks: (0, 0),
                untimed: Vec::new(),
                ruled_out: 0,
                cost: credential_fee(guide, route.credential).unwrap_or(u32::MAX),
                preferred: Some(route.credential.certifier.as_str()) == preferred,
                held,
            };
            c.weeks = (
                gap_weeks(guide, profile, &steps_of(&c.missing, false)).0,
                gap_weeks(guide, profile, &steps_of(&c.missing, !held)).1,
            );
            c.untimed = untimed(guide, profile, &c.missing);
            // A gap only a step the screens call "not for you" meets (the
            // military course of someone who said they have none) is not
            // a finish to plan on.
            c.ruled_out = steps_of(&c.missing, false)
                .into_iter()
                .filter(|id| not_for_user(profile, id).is_some())
                .count();
            c
        })
        .collect();
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| candidates[i].key(today));
    let first = *order.first()?;
    let chosen = &candidates[first];
    // A credential held is one plan, not one per route: the runner-up is
    // another credential.
    let runner = order
        .iter()
        .skip(1)
        .map(|&i| &candidates[i])
        .find(|c| !(c.held && c.route.credential.id == chosen.route.credential.id));
    let question = narrowing_question(&candidates, chosen);
    let why = why(guide, profile, state, &candidates, chosen, runner, today);
    // A credential held for the goal is known background too.
    let answered = background.is_answered() || candidates.iter().any(|c| c.held);
    Some(Plan {
        route: chosen.route.clone(),
        standing: chosen.standing,
        when_met: chosen.when_met,
        accepted: chosen.accepted,
        state_licenses: state.is_some(),
        rule: chosen.rule.clone(),
        why,
        runner_up: runner.map(|r| r.route.clone()),
        runner_up_held: runner.is_some_and(|r| r.held),
        missing: chosen.missing.clone(),
        question,
        weeks: chosen.weeks,
        untimed: chosen.untimed.clone(),
        answered,
        held: chosen.held,
    })
}

fn steps_of(missing: &[Reason], questions: bool) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    for r in missing {
        let wanted = match r.kind {
            ReasonKind::Missing => r.when.is_none(),
            ReasonKind::Question => questions,
            ReasonKind::Met => false,
        };
        if let Some(id) = r.step.as_deref().filter(|_| wanted)
            && !ids.contains(&id)
        {
            ids.push(id);
        }
    }
    ids
}

/// The steps to count for a set of gap steps: each once, none inside
/// another counted one, and the practicum not beside the program that
/// contains it.
pub fn counted_steps<'a>(ids: &[&'a str]) -> Vec<&'a str> {
    let inside = |id: &str| {
        ids.iter().any(|other| {
            id.len() > other.len() && id.starts_with(other) && id[other.len()..].starts_with('.')
        })
    };
    let mut out: Vec<&str> = Vec::new();
    for &id in ids {
        if inside(id) || out.contains(&id) {
            continue;
        }
        if id == "edu.practicum" && ids.contains(&"edu.associate") {
            continue;
        }
        // The accredited MLT program asked beside the associate degree is
        // that degree's program: counted once, by the degree.
        if id == "edu.accredited" && ids.contains(&"edu.associate") {
            continue;
        }
        out.push(id);
    }
    out
}

/// The gaps sure to be needed (not met, not waiting for time alone) whose
/// step, still to do, has no typical time in the guide, nor its sub-steps:
/// `"an MLT program accredited by an HHS-approved body"` when only the
/// accreditation choice meets it. Counting them as no time would make the
/// finish look near.
fn untimed(guide: &Guide, profile: &Profile, missing: &[Reason]) -> Vec<String> {
    let sure = steps_of(missing, false);
    let counted = counted_steps(&sure);
    let mut out: Vec<String> = Vec::new();
    for r in missing
        .iter()
        .filter(|r| r.kind == ReasonKind::Missing && r.when.is_none())
    {
        let Some(id) = r.step.as_deref().filter(|id| counted.contains(id)) else {
            continue;
        };
        let Some((_, step)) = guide.step(id) else {
            continue;
        };
        let check = progress::check(step, profile);
        if check == Check::Done || check.is_excluded() || step_weeks(step, profile) != (0, 0) {
            continue;
        }
        // A course inside a step with a typical time (a prerequisite of
        // the prerequisites step) is timed by it.
        let timed_above = id
            .match_indices('.')
            .skip(1)
            .filter_map(|(at, _)| guide.step(&id[..at]))
            .any(|(_, parent)| parent.duration.is_some());
        if timed_above {
            continue;
        }
        let words = r.words().to_owned();
        if !out.contains(&words) {
            out.push(words);
        }
    }
    out
}

/// Typical weeks of the steps still open among `ids`: `(low, high)`. A
/// chosen program of known length stands, once, for the school steps it
/// replaces (as in the finish estimate), so a route whose school gap the
/// choice covers does not look instant beside one whose gap it counts.
pub fn gap_weeks(guide: &Guide, profile: &Profile, ids: &[&str]) -> (u32, u32) {
    let program = super::programs::for_goal(profile).filter(|c| c.months.is_some());
    let mut total = (0, 0);
    let mut program_counted = false;
    for id in counted_steps(ids) {
        if let Some((_, step)) = guide.step(id) {
            if super::estimate::replaced_by(program, step, profile) {
                if !program_counted {
                    program_counted = true;
                    if let Some((_, w)) = program.and_then(super::programs::counted) {
                        total.0 += u32::from(w.min);
                        total.1 += u32::from(w.max);
                    }
                }
                continue;
            }
            let (lo, hi) = step_weeks(step, profile);
            total.0 += lo;
            total.1 += hi;
        }
    }
    total
}

/// A step's own typical weeks, else its sub-steps' (the shortest option of
/// a choose-one step); nothing for what is done or set aside.
pub fn step_weeks(step: &Step, profile: &Profile) -> (u32, u32) {
    let check = progress::check(step, profile);
    if check == Check::Done || check.is_excluded() {
        return (0, 0);
    }
    if let Some(w) = step.duration {
        return (u32::from(w.min), u32::from(w.max));
    }
    let subs = step.substeps.iter().map(|s| step_weeks(s, profile));
    if step.one_of {
        subs.min().unwrap_or((0, 0))
    } else {
        subs.fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
    }
}

/// The lowest application fee the guide gives for a credential.
pub fn credential_fee(guide: &Guide, credential: &crate::content::Credential) -> Option<u32> {
    guide
        .all_steps()
        .flat_map(|(_, s)| s.fees.iter())
        .filter(|f| super::estimate::fee_is_for(f, credential))
        .map(|f| f.usd)
        .min()
}

/// The question asked by the most routes as good as the chosen one (the
/// same acceptance): its answer moves the most of the plan.
fn narrowing_question(
    candidates: &[Candidate<'_, '_>],
    chosen: &Candidate<'_, '_>,
) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for q in chosen
        .missing
        .iter()
        .filter(|r| r.kind == ReasonKind::Question)
    {
        let count = candidates
            .iter()
            .filter(|c| c.acceptance_rank() == chosen.acceptance_rank())
            .filter(|c| c.missing.iter().any(|m| m.text == q.text))
            .count();
        if best.is_none_or(|(n, _)| count > n) {
            best = Some((count, q.words()));
        }
    }
    best.map(|(_, q)| q.to_owned())
}

/// Why the plan is this route, and what set it above the runner-up.
#[allow(clippy::too_many_lines, reason = "one sentence per part, in order")]
fn why(
    guide: &Guide,
    profile: &Profile,
    state: Option<&StateRecord>,
    all: &[Candidate<'_, '_>],
    chosen: &Candidate<'_, '_>,
    runner: Option<&Candidate<'_, '_>>,
    today: Date,
) -> String {
    let name = &chosen.route.credential.name;
    let level = match profile.goal {
        Goal::Mlt => "technician",
        Goal::Mls => "technologist",
    };
    let mut parts: Vec<String> = Vec::new();
    match (state, chosen.accepted) {
        (Some(s), Some(true)) => {
            parts.push(format!("{} accepts {name} for its {level} license.", s.name));
        }
        (Some(s), None) => parts.push(format!(
            "The guide does not know whether {} accepts {name} for its {level} license; ask the board.",
            s.name
        )),
        (Some(s), Some(false)) => parts.push(format!(
            "{} accepts none of the credentials in this guide that you could earn for its {level} license; this is the closest route.",
            s.name
        )),
        (None, _) => match profile.state.as_deref().and_then(|c| guide.state(c)) {
            Some(s) => parts.push(format!(
                "{} issues no personal license, so every route counts.",
                s.name
            )),
            None => parts.push("No state is chosen, so every route counts.".to_owned()),
        },
    }
    // A met route the state does not take: say so, never "covered".
    if let Some(s) = state
        && chosen.standing != Standing::Met
        && let Some(other) = all
            .iter()
            .find(|c| c.accepted == Some(false) && c.route.verdict == Verdict::Met)
    {
        parts.push(format!(
            "You meet {} already, but {} does not accept {} for this license.",
            other.route.label(),
            s.name,
            other.route.credential.name
        ));
    }
    if state.is_some() && matches!(chosen.standing, Standing::NotMet | Standing::Dated) {
        parts.push(format!(
            "No route leads to a {} license for you yet.",
            state.map_or("", |s| s.name.as_str())
        ));
    }
    let held = profile
        .background
        .credentials
        .iter()
        .any(|h| h.is(&chosen.route.credential.name));
    parts.push(match chosen.standing {
        _ if held => format!("You hold {} already.", chosen.route.credential.name),
        Standing::Met => format!("You meet {} now.", chosen.route.label()),
        Standing::Dated => format!(
            "Time alone meets {} around {}.",
            chosen.route.label(),
            chosen
                .when_met
                .map_or_else(String::new, |d| d.strftime("%Y-%m").to_string())
        ),
        Standing::Unknown => format!(
            "Nothing rules out {}, but {} answer{} missing.",
            chosen.route.label(),
            chosen
                .missing
                .iter()
                .filter(|r| r.kind == ReasonKind::Question)
                .count(),
            if chosen
                .missing
                .iter()
                .filter(|r| r.kind == ReasonKind::Question)
                .count()
                == 1
            {
                " is"
            } else {
                "s are"
            }
        ),
        Standing::NotMet => format!(
            "{} is the closest: {} thing{} missing.",
            chosen.route.label(),
            chosen.missing.len(),
            if chosen.missing.len() == 1 { "" } else { "s" }
        ),
    });
    if let Some(r) = runner {
        let (a, b) = (chosen.key(today), r.key(today));
        let label = label_of(r.route, r.held);
        let reason = if a.0 != b.0 {
            match (state, r.accepted) {
                (Some(s), Some(false)) => {
                    format!("{} does not accept {}", s.name, r.route.credential.name)
                }
                (Some(s), _) => format!(
                    "whether {} accepts {} is not known",
                    s.name, r.route.credential.name
                ),
                (None, _) => "it ranks lower".to_owned(),
            }
        } else if a.1 != b.1 {
            format!("it is {}", b.1.words())
        } else if a.2 != b.2 {
            format!("you hold {} already", chosen.route.credential.name)
        } else if a.3 != b.3 {
            "it would take longer".to_owned()
        } else if a.4 != b.4 {
            format!(
                "you chose {}",
                chosen.route.credential.certifier.to_uppercase()
            )
        } else if a.5 != b.5 {
            "it costs more".to_owned()
        } else if a.6 != b.6 {
            "it uses less of your background".to_owned()
        } else {
            "it comes later in the guide".to_owned()
        };
        parts.push(format!("Runner-up: {label} ({reason})."));
    }
    // A route with fewer gaps passed over because its finish cannot be
    // counted, or the plan's own gap with no typical time: said, not hidden.
    if let Some(gap) = chosen.untimed.first() {
        parts.push(format!(
            "The guide has no typical time for {gap}, so the finish is not known."
        ));
    } else if let Some(c) = all.iter().find(|c| {
        !c.untimed.is_empty()
            && c.acceptance_rank() == chosen.acceptance_rank()
            && c.standing == chosen.standing
            && c.missing.len() < chosen.missing.len()
    }) {
        parts.push(format!(
            "{} misses less, but the guide has no typical time for {}, so its finish \
             cannot be counted.",
            c.route.label(),
            c.untimed.join("; ")
        ));
    }
    parts.join(" ")
}

/// The first step to do for the plan: a step that meets what the plan is
/// missing (in path order), else the first open step after the education
/// the plan does not need, else the first open step. With no plan (or no
/// background answered) the path order alone.
pub fn next_step<'g>(
    guide: &'g Guide,
    profile: &Profile,
    plan: Option<&Plan<'_>>,
) -> Option<NextStep<'g>> {
    // Choosing the program answered the gap the plan had: finishing that
    // program is what is left of it.
    if let Some(plan) = plan.filter(|p| p.answered)
        && progress::covered(profile, super::programs::STEP) == Some(super::programs::CHOICE_COVER)
        && plan.gap_steps(true).contains(&super::programs::STEP)
        && let Some(chosen) = super::programs::for_goal(profile)
    {
        let school = if super::programs::kind_of(chosen, profile.goal).is_mls() {
            "edu.bachelor"
        } else {
            "edu.associate"
        };
        // Its prerequisites come first.
        let toward = |id: &str| {
            ["edu.prereqs", school]
                .iter()
                .any(|s| id == *s || id.starts_with(&format!("{s}.")))
        };
        if let Some((area, step)) = progress::upcoming(guide, profile).find(|(_, s)| toward(&s.id))
        {
            let why = format!(
                "Your chosen program, {}, is accredited as {} asks; finishing it is what the plan still needs, and this is the first open step toward it.",
                crate::text::sanitize(&chosen.name),
                plan.label()
            );
            return Some(NextStep { area, step, why });
        }
    }
    let mut next = first_open(guide, profile, plan)?;
    // A chosen program that does not answer the step: say why it is open.
    if next.step.id == super::programs::STEP
        && let Some(short) = super::programs::choice_short_of_step(profile)
    {
        next.why = format!("{short} {}", next.why);
    }
    Some(next)
}

fn first_open<'g>(
    guide: &'g Guide,
    profile: &Profile,
    plan: Option<&Plan<'_>>,
) -> Option<NextStep<'g>> {
    let plan = plan.filter(|p| p.answered);
    let in_progress = |step: &Step| progress::check(step, profile) == Check::InProgress;
    if let Some(plan) = plan {
        // Every gap step, not only those counted for time: choosing the
        // accredited program comes before the degree's first course.
        let gaps = plan.gap_steps(true);
        let meets = |id: &str| {
            gaps.iter()
                .any(|g| id == *g || (id.starts_with(g) && id[g.len()..].starts_with('.')))
        };
        // A choose-one step counts whole among the open steps: the option
        // that meets the gap is the step.
        let found = progress::upcoming(guide, profile).find_map(|(area, s)| {
            if meets(&s.id) {
                return Some((area, s));
            }
            gaps.iter()
                .find(|g| g.starts_with(&s.id) && g[s.id.len()..].starts_with('.'))
                .and_then(|g| guide.step(g))
                .map(|(_, sub)| (area, sub))
        });
        if let Some((area, step)) = found {
            let reason = plan.missing.iter().find(|r| {
                r.step
                    .as_deref()
                    .is_some_and(|g| step.id == g || step.id.starts_with(&format!("{g}.")))
            });
            let label = plan.label();
            let why = match reason {
                Some(r) if r.kind == ReasonKind::Question => format!(
                    "{label} is open on a question: {} Answer it on the setup screen; if the answer falls short, this step meets it.",
                    r.words()
                ),
                _ => {
                    let what = reason.map_or_else(String::new, |r| format!(" ({})", r.words()));
                    if in_progress(step) {
                        format!(
                            "You marked it in progress; it meets what {label} still needs{what}."
                        )
                    } else {
                        format!("It meets what {label} still needs{what}.")
                    }
                }
            };
            return Some(NextStep { area, step, why });
        }
        // Nothing in education meets a gap: the education the plan needs is
        // behind the user (or time alone meets it).
        if let Some(next) = after_school(guide, profile, plan) {
            return Some(next);
        }
    }
    let (area, step) = progress::upcoming(guide, profile).next()?;
    let why = if in_progress(step) {
        "You marked it in progress.".to_owned()
    } else if progress::overall_progress(guide, profile).done == 0
        // A later step done (a chosen program, the background) leaves the
        // first step the first.
        || Area::ALL
            .into_iter()
            .flat_map(|a| guide.steps(a, profile.goal, profile.state.as_deref()))
            .find(|s| s.is_required_for(profile.goal))
            .is_some_and(|first| first.id == step.id)
    {
        "It is the first step on the path.".to_owned()
    } else {
        format!(
            "Every required step before it in {} is done or set aside.",
            area.title()
        )
    };
    Some(NextStep { area, step, why })
}

/// The plan's next step once no school step meets a gap of it: the first
/// open step after education. Keeping a credential current goes on for
/// years: it is next only once nothing else of the path is open (the
/// state's license first).
fn after_school<'g>(guide: &'g Guide, profile: &Profile, plan: &Plan<'_>) -> Option<NextStep<'g>> {
    let after: Vec<(Area, &Step)> = progress::upcoming(guide, profile)
        .filter(|(a, _)| *a != Area::Education)
        .collect();
    let &(area, step) = after
        .iter()
        .find(|(_, s)| !is_upkeep(&s.id))
        .or_else(|| after.first())?;
    let rule = if plan.rule.is_some() {
        " and your state's own rule"
    } else {
        ""
    };
    // The state's own license step: named.
    let license = profile
        .state
        .as_deref()
        .and_then(|c| guide.state(c))
        .filter(|s| {
            plan.state_licenses
                && s.steps
                    .iter()
                    .any(|t| step.id == t.id || step.id.starts_with(&format!("{}.", t.id)))
        })
        .map(|s| format!("this is the first open step of the {} license", s.name));
    let then = |otherwise: &str| license.clone().unwrap_or_else(|| otherwise.to_owned());
    let why = match plan.standing {
        _ if plan.held => format!(
            "You hold {} already, so no school step is planned for it; {}.",
            plan.route.credential.name,
            then("this is the first open step after the education")
        ),
        Standing::Met => format!(
            "You meet {}{rule}, so no more school is needed for it; {}.",
            plan.label(),
            then("this is the first open step after it")
        ),
        _ => format!(
            "No school step meets what {} still needs; this is the first open step after it.",
            plan.label()
        ),
    };
    Some(NextStep { area, step, why })
}

/// Keeping a credential current (continuing education, every cycle):
/// the step and its options.
fn is_upkeep(step_id: &str) -> bool {
    step_id == "cert.maintain" || step_id.starts_with("cert.maintain.")
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

/// For the user's state: is the credential they hold or plan accepted?
pub fn license_advice(
    guide: &Guide,
    profile: &Profile,
    plan: Option<&Plan<'_>>,
) -> Option<LicenseAdvice> {
    let code = profile.state.as_deref()?;
    let state = guide.state(code)?;
    let credential = planned_credential(guide, profile, plan);
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
    let Some(row) = guide.acceptance(code, profile.goal.license_level(), &credential.id) else {
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
    (step_id == "edu.military" && bg.has_none(crate::profile::Listed::MilitaryCourse))
        .then_some("not for you")
}

/// The credential the user is heading for: one they hold for the goal,
/// else the plan's. With no background answered the plan is a guess, and
/// no credential is named.
pub fn planned_credential<'g>(
    guide: &'g Guide,
    profile: &Profile,
    plan: Option<&Plan<'g>>,
) -> Option<&'g crate::content::Credential> {
    let plan = plan.filter(|p| p.answered);
    held_for_goal(guide, profile).or(plan.map(|p| p.route.credential))
}

/// A credential for the goal the user holds already.
pub fn held_for_goal<'g>(
    guide: &'g Guide,
    profile: &Profile,
) -> Option<&'g crate::content::Credential> {
    guide.credentials.iter().find(|c| {
        c.goal == profile.goal && profile.background.credentials.iter().any(|h| h.is(&c.name))
    })
}
