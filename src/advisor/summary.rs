//! What `status --json` and `compare --json` say of a plan: plain,
//! sanitized data, shared by the command line and the app's comparison.

use serde::Serialize;

use crate::advisor::eligibility::Verdict;
use crate::advisor::{estimate, plan};
use crate::content::{Date, Guide};
use crate::text::sanitize;

/// The version of the JSON formats (`status`, `next`, `export`). Raised
/// when a field changes meaning or goes away; new fields may appear in the
/// same version.
pub const FORMAT_VERSION: u32 = 1;

/// A credential and one of its routes.
#[derive(Debug, Clone, Serialize)]
pub struct RouteRef {
    pub credential: String,
    pub route: String,
}

/// The plan's finish: `YYYY-MM-DD`. `earliest` assumes the open questions
/// go the user's way, `latest` that they do not.
#[derive(Debug, Clone, Serialize)]
pub struct PlanFinish {
    pub expected: Option<String>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
}

/// The state's own education and experience rule, checked.
#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    pub name: String,
    /// `met`, `not_met` or `unknown`.
    pub status: &'static str,
    pub reasons: Vec<String>,
    /// Met once the plan's credential is held.
    pub by_credential: bool,
}

/// `status --json`'s `plan`.
#[derive(Debug, Clone, Serialize)]
pub struct PlanInfo {
    pub credential: String,
    /// "Route 3", or "held" when the user holds the credential already (the
    /// plan is the credential, not one of its routes).
    pub route: String,
    /// `met`, `not_met` or `unknown`: the route and the state's rule
    /// together.
    pub status: &'static str,
    /// `YYYY-MM` when time alone meets the plan.
    pub when_met: Option<String>,
    /// `None` with no state, a state that licenses no one, or when the
    /// guide does not know.
    pub accepted_in_state: Option<bool>,
    pub why: String,
    pub runner_up: Option<RouteRef>,
    /// Every requirement not met or unanswered, of the route and the
    /// state's rule: the words only in JSON, the text view adds the symbol.
    pub missing: Vec<Gap>,
    /// The one question whose answer would narrow the plan most.
    pub question: Option<String>,
    pub state_rule: Option<RuleInfo>,
    pub finish: PlanFinish,
    /// The weakest source tier the chosen route rests on, as in `routes`:
    /// `official`, `copy` or `third_party`.
    pub confidence: &'static str,
}

/// One of `plan.missing`: a requirement not met (`✗`) or unanswered (`?`).
/// JSON has its words only; the text views write the symbol before them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub kind: crate::advisor::eligibility::ReasonKind,
    pub words: String,
}

impl Gap {
    /// "✗ an associate degree", as the text views write it.
    pub fn line(&self) -> String {
        format!("{} {}", self.kind.symbol(), self.words)
    }
}

impl Serialize for Gap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.words)
    }
}

impl RuleInfo {
    pub fn of(r: &plan::RuleCheck) -> RuleInfo {
        RuleInfo {
            name: sanitize(&r.name),
            status: match r.status {
                Verdict::Met => "met",
                Verdict::Unknown => "unknown",
                _ => "not_met",
            },
            reasons: r.reasons.iter().map(|x| sanitize(&x.text)).collect(),
            by_credential: r.by_credential,
        }
    }
}

impl PlanInfo {
    /// "MLT(ASCP) Route 3", or "MLT(ASCP), held", as the screens write it.
    pub fn label(&self) -> String {
        if self.route == plan::HELD {
            format!("{}, {}", self.credential, self.route)
        } else {
            format!("{} {}", self.credential, self.route)
        }
    }

    pub fn of(guide: &Guide, chosen: &plan::Plan<'_>, finish: &estimate::Finish) -> PlanInfo {
        let date = |d: Option<Date>| d.map(|d| d.to_string());
        PlanInfo {
            credential: sanitize(&chosen.route.credential.name),
            route: sanitize(chosen.route_name()),
            status: chosen.standing.key(),
            when_met: chosen.when_met.map(|d| d.strftime("%Y-%m").to_string()),
            accepted_in_state: chosen.accepted,
            why: sanitize(&chosen.why),
            runner_up: chosen.runner_up.as_ref().map(|r| RouteRef {
                credential: sanitize(&r.credential.name),
                route: if chosen.runner_up_held {
                    plan::HELD.to_owned()
                } else {
                    sanitize(&r.route.name)
                },
            }),
            missing: chosen
                .missing
                .iter()
                .map(|r| Gap {
                    kind: r.kind,
                    words: sanitize(r.words()),
                })
                .collect(),
            question: chosen.question.as_deref().map(sanitize),
            state_rule: chosen.rule.as_ref().map(RuleInfo::of),
            finish: PlanFinish {
                expected: date(finish.expected),
                earliest: date(finish.earliest),
                latest: date(finish.latest),
            },
            confidence: chosen.route.confidence_key(guide),
        }
    }
}
