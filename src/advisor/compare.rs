//! Two states side by side for the user's goal (`medtech compare CA NY`
//! and `C` in the app):
//! whether and at which level each licenses, which credentials each accepts
//! and from which exam dates, its own education rule checked against the
//! background, fees, renewal and continuing education, and the plan the
//! user would have in each. Plain data first, printed as text or JSON.

use serde::Serialize;

use super::summary::{FORMAT_VERSION, PlanInfo, RuleInfo};
use crate::advisor::{eligibility, estimate, plan};
use crate::content::{Accepts, Date, Guide, LicenseRule, StateRecord};
use crate::profile::Profile;
use crate::text::sanitize;

/// The whole comparison (`--json`).
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub version: u32,
    pub today: String,
    /// "MLT" or "MLS".
    pub goal: &'static str,
    pub states: Vec<StateColumn>,
}

/// One accepted-credentials row.
#[derive(Debug, Clone, Serialize)]
pub struct AcceptRow {
    pub credential: String,
    /// `yes`, `no` or `unknown`.
    pub accepts: &'static str,
    /// Exams before this day (`YYYY-MM-DD`) do not count.
    pub exam_from: Option<String>,
}

/// A fee of one of the state's steps for the goal.
#[derive(Debug, Clone, Serialize)]
pub struct FeeRow {
    pub what: String,
    pub usd_min: u32,
    pub usd_max: u32,
    /// The year the guide gives the amount.
    pub year: u16,
    /// The date its page shows, or "page undated, seen YYYY-MM".
    pub dated: String,
}

/// One state, as the comparison shows it.
#[derive(Debug, Clone, Serialize)]
pub struct StateColumn {
    pub code: String,
    pub name: String,
    /// `required`, `not_required` or `verify`.
    pub license: &'static str,
    /// The license titles at the goal's level.
    pub titles: Vec<String>,
    /// The national credentials for the goal's level, and whether the state
    /// takes each.
    pub accepts: Vec<AcceptRow>,
    /// What to ask the board when the guide has no list.
    pub accepts_unknown: Option<String>,
    /// The state's own education and experience rule, checked.
    pub education_rule: Option<RuleInfo>,
    pub fees: Vec<FeeRow>,
    /// Renewal and continuing education, as the guide words them.
    pub renewal: Vec<String>,
    /// The plan the user would have in this state.
    pub plan: Option<PlanInfo>,
}

/// Why a comparison cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownState(pub String);

impl Comparison {
    pub fn build(
        guide: &Guide,
        profile: &Profile,
        codes: &[String],
        today: Date,
    ) -> Result<Comparison, UnknownState> {
        let states = codes
            .iter()
            .map(|code| {
                let state = guide
                    .state(code)
                    .ok_or_else(|| UnknownState(sanitize(code)))?;
                Ok(column(guide, profile, state, today))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Comparison {
            version: FORMAT_VERSION,
            today: today.to_string(),
            goal: profile.goal.short(),
            states,
        })
    }
}

fn column(guide: &Guide, profile: &Profile, state: &StateRecord, today: Date) -> StateColumn {
    let level = profile.goal.license_level();
    let mut here = profile.clone();
    here.state = Some(state.code.clone());
    let routes = eligibility::for_goal(guide, &here, today);
    let chosen = plan::choose(guide, &here, &routes, today);
    let finish = estimate::finish(guide, &here, chosen.as_ref(), today);
    let background = eligibility::effective_background(guide, &here);
    let rule = plan::check_rule(
        guide,
        state,
        level,
        &background,
        chosen.as_ref().map(|p| p.route.credential),
        today,
    );
    let accepts = guide
        .credentials
        .iter()
        .filter(|c| c.goal == profile.goal)
        .filter_map(|c| {
            let row = guide.acceptance(&state.code, level, &c.id)?;
            Some(AcceptRow {
                credential: sanitize(&c.name),
                accepts: match row.accepts {
                    Accepts::Yes => "yes",
                    Accepts::No => "no",
                    Accepts::Unknown => "unknown",
                },
                exam_from: row.exam_from.map(|d| d.to_string()),
            })
        })
        .collect();
    let fees = state
        .steps
        .iter()
        .filter(|s| s.is_shown_for(profile.goal))
        .flat_map(|s| s.fees.iter())
        .map(|f| FeeRow {
            what: sanitize(&f.what),
            usd_min: f.usd,
            usd_max: f.usd_max.unwrap_or(f.usd),
            year: f.year,
            dated: sanitize(&estimate::fee_dated(guide, f)),
        })
        .collect();
    let renewal = state
        .facts
        .iter()
        .filter(|f| {
            let label = f.label.to_lowercase();
            ["renewal", "registration", "ce", "recertification", "cycle"]
                .iter()
                .any(|w| label.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
        })
        .map(|f| sanitize(&format!("{}: {}", f.label, f.text)))
        .collect();
    StateColumn {
        code: sanitize(&state.code),
        name: sanitize(&state.name),
        license: match state.license {
            LicenseRule::Required => "required",
            LicenseRule::NotRequired => "not_required",
            LicenseRule::Verify => "verify",
        },
        titles: state
            .titles
            .iter()
            .filter(|t| t.level == level)
            .map(|t| sanitize(&t.name))
            .collect(),
        accepts,
        accepts_unknown: state.accepts_unknown.as_deref().map(sanitize),
        education_rule: rule.as_ref().map(RuleInfo::of),
        fees,
        renewal,
        // With no background answered the plan is a guess: none is shown.
        plan: chosen
            .as_ref()
            .filter(|p| p.answered)
            .map(|p| PlanInfo::of(guide, p, &finish)),
    }
}

/// The comparison as text: one heading per topic, a line per state.
#[allow(clippy::too_many_lines, reason = "one section per topic, in order")]
pub fn text(c: &Comparison) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let names: Vec<String> = c
        .states
        .iter()
        .map(|s| format!("{} ({})", s.name, s.code))
        .collect();
    let _ = writeln!(
        out,
        "{} · goal {} · as of {}",
        names.join(" vs "),
        c.goal,
        c.today
    );
    let section = |out: &mut String, title: &str, line: &dyn Fn(&StateColumn) -> Vec<String>| {
        let _ = writeln!(out, "\n{title}");
        for s in &c.states {
            let lines = line(s);
            if lines.is_empty() {
                let _ = writeln!(out, "  {}: (nothing in the guide)", s.code);
            }
            for (i, l) in lines.iter().enumerate() {
                let tag = if i == 0 {
                    format!("{}:", s.code)
                } else {
                    String::new()
                };
                let _ = writeln!(out, "  {tag:<4}{l}");
            }
        }
    };
    section(&mut out, "License", &|s| {
        let what = match s.license {
            "required" => "a personal license is required",
            "not_required" => "no personal license; employers decide",
            _ => "unsettled: check with the state",
        };
        let titles = if s.titles.is_empty() {
            String::new()
        } else {
            format!(" ({})", s.titles.join(", "))
        };
        vec![format!("{what}{titles}")]
    });
    section(&mut out, "Credentials accepted", &|s| {
        let mut lines: Vec<String> = s
            .accepts
            .iter()
            .map(|a| {
                let from = a
                    .exam_from
                    .as_deref()
                    .map_or_else(String::new, |d| format!(", exams from {d}"));
                format!("{}: {}{from}", a.credential, a.accepts)
            })
            .collect();
        if let Some(ask) = &s.accepts_unknown {
            lines.push(ask.clone());
        }
        if lines.is_empty() && s.license != "required" {
            lines.push("no license to accept them for".to_owned());
        }
        lines
    });
    section(
        &mut out,
        "Education rule (checked against your background)",
        &|s| {
            s.education_rule.as_ref().map_or_else(
                || vec!["not in the guide as a rule medtech can check".to_owned()],
                |r| {
                    let mut lines = vec![format!("{}: {}", r.name, r.status.replace('_', " "))];
                    lines.extend(r.reasons.iter().cloned());
                    lines
                },
            )
        },
    );
    section(&mut out, "Fees", &|s| {
        s.fees
            .iter()
            .map(|f| {
                let amount = if f.usd_min == f.usd_max {
                    format!("${}", f.usd_min)
                } else {
                    format!("${}–${}", f.usd_min, f.usd_max)
                };
                format!("{}: {amount} ({})", f.what, f.dated)
            })
            .collect()
    });
    section(&mut out, "Renewal and continuing education", &|s| {
        s.renewal.clone()
    });
    section(&mut out, "What you would still need", &|s| {
        s.plan.as_ref().map_or_else(
            || vec!["no open route for your goal".to_owned()],
            |p| {
                let accepted = match p.accepted_in_state {
                    Some(true) => "accepted here",
                    Some(false) => "not accepted here",
                    None => "acceptance unknown",
                };
                let mut lines = vec![format!(
                    "{}: {} ({accepted})",
                    p.label(),
                    p.status.replace('_', " ")
                )];
                lines.extend(p.missing.iter().map(super::summary::Gap::line));
                if let Some(expected) = &p.finish.expected {
                    let (earliest, latest) = (&p.finish.earliest, &p.finish.latest);
                    // Both ends the same day: one date, not a range of one.
                    lines.push(if earliest.is_some() && earliest == latest {
                        format!("finish {expected}")
                    } else {
                        format!(
                            "finish about {expected} ({} to {})",
                            earliest.as_deref().unwrap_or("?"),
                            latest.as_deref().unwrap_or("?")
                        )
                    });
                }
                lines
            },
        )
    });
    out
}
