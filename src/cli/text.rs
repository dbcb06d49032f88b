//! `medtech status` and `medtech next` as text for the terminal: readable
//! without colour, and plain enough to grep.

use std::fmt::Write;

use super::report::{
    CostInfo, FinishInfo, LicenseInfo, NextInfo, NextReport, ProgramInfo, Report, RouteInfo,
    SetAside, Share, UpkeepInfo, Writer, walk,
};
use crate::text::sanitize_lines;

/// A bar that reads without colour: filled and empty cells differ in shape.
pub fn bar(p: Share, width: usize) -> String {
    let filled = (p.done * width).checked_div(p.total).unwrap_or(width);
    format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(width - filled.min(width))
    )
}

/// "12%  5 of 40 done".
pub fn counts(p: Share) -> String {
    format!("{:>3}%  {} of {} done", p.percent, p.done, p.total)
}

/// A note on the first lines when the report is not of a real profile.
fn header(out: &mut String, path: &str, exists: bool, backup: Option<&str>) {
    if exists {
        let _ = writeln!(out, "Profile: {path}");
        return;
    }
    let _ = writeln!(
        out,
        "No profile yet at {path}: this is what a new one shows. Run `medtech` to start."
    );
    if let Some(backup) = backup {
        let _ = writeln!(
            out,
            "A backup is there ({backup}): run `medtech` to restore it."
        );
    }
}

pub fn license_symbol(verdict: &str) -> &'static str {
    match verdict {
        "accepted" => "[✓]",
        "not_accepted" => "[✗]",
        "no_license" => "[-]",
        _ => "[?]",
    }
}

/// The state line: "Florida (licenses lab staff)".
pub fn state_words(report: &Report) -> String {
    match &report.state {
        None => "not chosen yet".to_owned(),
        Some(state) => match (&state.name, state.license) {
            (Some(name), Some("required")) => format!("{name} (licenses lab staff)"),
            (Some(name), Some("not_required")) => format!("{name} (no personal license)"),
            (Some(name), _) => format!("{name} (whether it licenses lab staff is unsettled)"),
            (None, _) => format!("\"{}\" is not in the guide", state.code),
        },
    }
}

pub fn status(report: &Report) -> String {
    let mut w = Status(String::new());
    walk(report, &[], &mut w);
    plan(&mut w.0, report);
    sanitize_lines(&w.0)
}

/// The plan: the credential and route chosen, why, what is missing, and
/// its finish range.
fn plan(out: &mut String, report: &Report) {
    let Some(plan) = &report.plan else {
        return;
    };
    let state = report
        .state
        .as_ref()
        .and_then(|s| s.name.as_deref())
        .unwrap_or("your state");
    let accepted = match plan.accepted_in_state {
        Some(true) => format!(" · accepted in {state}"),
        Some(false) => format!(" · not accepted in {state}"),
        None => String::new(),
    };
    let when = plan
        .when_met
        .as_deref()
        .map_or_else(String::new, |m| format!(" (met around {m})"));
    let _ = writeln!(
        out,
        "\nPlan: {} · {}{when}{accepted}",
        plan.label(),
        plan.status.replace('_', " ")
    );
    let _ = writeln!(out, "  Why: {}", plan.why);
    for gap in &plan.missing {
        let _ = writeln!(out, "  {}", gap.line());
    }
    if let Some(q) = &plan.question {
        let _ = writeln!(out, "  Answer first: {q}");
    }
    match (
        &plan.finish.expected,
        &plan.finish.earliest,
        &plan.finish.latest,
    ) {
        (Some(e), Some(a), Some(b)) if a != b => {
            let _ = writeln!(out, "  Finish: around {e} (between {a} and {b})");
        }
        // Both ends the same day: one date, not a range of one.
        (Some(e), Some(_), Some(_)) => {
            let _ = writeln!(out, "  Finish: {e}");
        }
        _ => {}
    }
}

/// `medtech status`: the report without the steps.
struct Status(String);

impl Writer for Status {
    fn heading(&mut self, report: &Report) {
        let out = &mut self.0;
        header(
            out,
            &report.profile.path,
            report.profile.exists,
            report.profile.backup.as_deref(),
        );
        let _ = writeln!(
            out,
            "Goal: {} ({}) · State: {} · Today: {}",
            report.goal,
            report.goal_title,
            state_words(report),
            report.today
        );
    }

    fn progress(&mut self, rows: &[(&'static str, Share)], aside: SetAside) {
        let out = &mut self.0;
        let _ = writeln!(out, "\nProgress");
        for &(label, share) in rows {
            let _ = writeln!(out, "  {label:<14} {} {}", bar(share, 20), counts(share));
        }
        if aside.not_applicable + aside.skipped > 0 {
            let _ = writeln!(
                out,
                "  Left out of the totals: {} not applicable, {} skipped",
                aside.not_applicable, aside.skipped
            );
        }
        let _ = writeln!(out);
    }

    fn next_step(&mut self, next: Option<&NextInfo>) {
        let out = &mut self.0;
        match next {
            Some(next) => {
                let _ = writeln!(out, "Next step: {} ({})", next.title, next.area);
                let _ = writeln!(out, "  Why: {}", next.why);
            }
            None => {
                let _ = writeln!(
                    out,
                    "Next step: none: every required step is done or set aside."
                );
            }
        }
    }

    /// The finish date with its range, and the fees still ahead.
    fn finish(&mut self, finish: &FinishInfo, cost: &CostInfo) {
        let out = &mut self.0;
        match (&finish.expected, &finish.earliest, &finish.latest) {
            (Some(expected), Some(earliest), Some(latest)) if earliest != latest => {
                let _ = writeln!(
                    out,
                    "Finish: around {expected} (between {earliest} and {latest})"
                );
            }
            (Some(expected), ..) => {
                let _ = writeln!(out, "Finish: {expected}");
            }
            _ if !finish.untimed.is_empty() => {
                let _ = writeln!(
                    out,
                    "Finish: not known (a gap of the plan has no typical time in the guide)"
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "Finish: not known (the guide has no typical time for what is left)"
                );
            }
        }
        for gap in &finish.untimed {
            let _ = writeln!(
                out,
                "  Open: {gap} (the guide has no typical time for it; ask the programs)"
            );
        }
        if finish.steps_without_duration > 0 && finish.expected.is_some() {
            let _ = writeln!(
                out,
                "  Not counted: {} steps with no typical time in the guide",
                finish.steps_without_duration
            );
        }
        if cost.usd_max > 0 {
            let range = if cost.usd_min == cost.usd_max {
                format!("${}", cost.usd_min)
            } else {
                format!("${} to ${}", cost.usd_min, cost.usd_max)
            };
            match cost.program_tuition {
                Some(tuition) => {
                    let _ = writeln!(
                        out,
                        "Still to pay: {range} (fees, and ${tuition} tuition at your chosen program)"
                    );
                }
                None => {
                    let _ = writeln!(out, "Fees still ahead: {range}");
                }
            }
        }
        for unknown in &cost.unknown {
            let _ = writeln!(out, "  Not in the guide: {unknown}");
        }
        for note in &cost.notes {
            let _ = writeln!(out, "  Note: {note}");
        }
    }

    fn routes_begin(&mut self, goal: &str, _count: usize) {
        let _ = writeln!(self.0, "\nRoutes to {goal}");
    }

    fn route(&mut self, route: &RouteInfo) {
        let out = &mut self.0;
        let _ = writeln!(
            out,
            "  {} {}: {}{}",
            route.status.symbol(),
            route.label(),
            route.status.word(),
            route.closes_words()
        );
        for reason in &route.reasons {
            let _ = writeln!(out, "      {reason}");
        }
    }

    fn routes_end(&mut self, _count: usize) {
        let _ = writeln!(self.0);
    }

    fn programs(&mut self, programs: &[ProgramInfo]) {
        if programs.is_empty() {
            return;
        }
        let out = &mut self.0;
        let _ = writeln!(out, "Programs considered (medtech program list for more):");
        for p in programs {
            let _ = writeln!(out, "  {}: {}", p.title(), p.summary());
            for flag in &p.flags {
                let _ = writeln!(out, "    {flag}");
            }
        }
    }

    fn upkeep(&mut self, cycles: &[UpkeepInfo]) {
        if cycles.is_empty() {
            return;
        }
        let _ = writeln!(self.0, "Keeping it (continuing education and renewals):");
        for c in cycles {
            for line in upkeep_lines(c) {
                let _ = writeln!(self.0, "  {line}");
            }
        }
    }

    fn license(&mut self, license: Option<&LicenseInfo>) {
        let out = &mut self.0;
        match license {
            Some(license) => {
                let _ = writeln!(
                    out,
                    "License ({}): {} {}",
                    license.state,
                    license_symbol(license.verdict),
                    license.text
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "License: choose your state (`s` in medtech) to see whether it licenses lab staff"
                );
            }
        }
    }
}

/// A number of hours or points as people write it: 1.5, 36.
pub fn amount(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
}

/// One held credential's or license's cycle, in a few lines (status, `ce`).
pub fn upkeep_lines(c: &UpkeepInfo) -> Vec<String> {
    let mut lines = Vec::new();
    let needed = c.needed.map_or_else(
        || format!("{} {} (needed: not known)", amount(c.logged), c.unit),
        |n| format!("{} of {} {}", amount(c.logged), amount(n), c.unit),
    );
    let dates = match (&c.cycle_start, &c.cycle_end, c.days_left) {
        (Some(start), Some(end), Some(left)) => format!(", {start} to {end}, {left} days left"),
        _ => ", cycle not known".to_owned(),
    };
    let warn = match c.warning {
        Some("30_days") => " [!!] ends within 30 days",
        Some(_) => " [!] ends within 90 days",
        None => "",
    };
    lines.push(format!("{}: {needed}{dates}{warn}", c.name));
    for k in &c.categories {
        let needed = k.needed.map_or_else(
            || "logged (amount needed not known)".to_owned(),
            |n| format!("of {}", amount(n)),
        );
        lines.push(format!("  {}: {} {needed}", k.name, amount(k.logged)));
    }
    if let Some(fee) = &c.next_fee {
        lines.push(format!("  Next fee: ${} due {}", fee.usd, fee.due));
    }
    lines.push(format!("  {}", c.note));
    if let Some(verify) = &c.verify {
        lines.push(format!("  Verify: {verify}"));
    }
    if let Some(source) = &c.source {
        lines.push(format!("  Source: {source}"));
    }
    lines
}

pub fn next(next: &NextReport) -> String {
    let mut out = String::new();
    if !next.profile.exists {
        header(
            &mut out,
            &next.profile.path,
            false,
            next.profile.backup.as_deref(),
        );
    }
    let Some(step) = &next.next_step else {
        out.push_str("Nothing left: every required step is done or set aside.\n");
        return sanitize_lines(&out);
    };
    let _ = writeln!(out, "Next step: {} ({})", step.title, step.area);
    let _ = writeln!(out, "  Why: {}", step.why);
    if next.unlocks.is_empty() {
        if next.assumption.is_some() {
            let _ = writeln!(
                out,
                "  Opens: no new certification route by itself (any it would open are open already)."
            );
        }
    } else {
        let _ = writeln!(out, "  Opens:");
        for opens in &next.unlocks {
            let closes = opens
                .closes
                .as_deref()
                .map_or_else(String::new, |d| format!(" (counts until {d})"));
            let _ = writeln!(out, "    {}{closes}", opens.route);
        }
    }
    if let Some(assumption) = &next.assumption {
        let _ = writeln!(out, "  Assuming: {assumption}");
    }
    sanitize_lines(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::Context;
    use crate::content::{Goal, Guide};
    use crate::profile::{
        Background, Candidate, CandidateAccreditor, CandidateKind, Education, HeldCredential,
        Profile, Shortlist, Tuition,
    };

    fn report(profile: &Profile) -> Report {
        let guide = Guide::embedded().expect("the embedded guide");
        let context = Context {
            today: "2026-12-08".parse().expect("a date"),
            path: "profile.ron".to_owned(),
            exists: true,
            backup: None,
        };
        Report::build(&guide, profile, &context)
    }

    /// The California MLT(ASCP) holder: the plan is the credential held,
    /// and its finish (the license's 10 weeks) is one date.
    fn ca_holder() -> Profile {
        Profile {
            goal: Goal::Mlt,
            state: Some("CA".to_owned()),
            background: Background {
                credentials: vec![HeldCredential {
                    name: "MLT(ASCP)".to_owned(),
                    since: "2024-03".parse().expect("a month"),
                }],
                ..Background::default()
            },
            ..Profile::default()
        }
    }

    #[test]
    fn a_held_plan_is_named_held_and_a_one_date_finish_is_one_date() {
        let r = report(&ca_holder());
        let text = status(&r);
        assert!(
            text.contains("Plan: MLT(ASCP), held · unknown · accepted in California"),
            "{text}"
        );
        assert!(text.contains("  Finish: 2027-02-16\n"), "{text}");
        assert!(
            !text.contains("between 2027-02-16 and 2027-02-16"),
            "{text}"
        );
        // The runner-up is another credential, not one of MLT(ASCP)'s routes.
        assert!(!text.contains("Runner-up: MLT(ASCP)"), "{text}");
        assert!(
            !text.contains("Next step: Keep your credential current"),
            "{text}"
        );
        // JSON keeps its fields: the route is "held".
        let json = serde_json::to_value(&r).expect("JSON");
        assert_eq!(json["plan"]["credential"], "MLT(ASCP)");
        assert_eq!(json["plan"]["route"], "held");
        assert_ne!(json["plan"]["runner_up"]["credential"], "MLT(ASCP)");
    }

    #[test]
    fn a_chosen_program_not_for_the_goal_says_its_tuition_is_not_counted() {
        let profile = Profile {
            goal: Goal::Mls,
            state: Some("TX".to_owned()),
            background: Background {
                education: Some(Education::HighSchool),
                ..Background::default()
            },
            shortlist: Shortlist {
                programs: vec![Candidate {
                    name: "Austin MLT".to_owned(),
                    kind: Some(CandidateKind::MltAssociate),
                    accreditor: Some(CandidateAccreditor::Naacls),
                    months: Some(24),
                    tuition: Some(Tuition::Total(9_000)),
                    ..Candidate::default()
                }],
                chosen: Some("Austin MLT".to_owned()),
            },
            ..Profile::default()
        };
        let r = report(&profile);
        let text = status(&r);
        assert!(
            text.contains(
                "  Note: Your chosen program, Austin MLT (an MLT associate program), is not for \
                 your goal (MLS): its tuition is not counted"
            ),
            "{text}"
        );
        assert!(!text.contains("$9000"), "{text}");
        let json = serde_json::to_value(&r).expect("JSON");
        assert!(json["cost"]["program_tuition"].is_null());
        assert_eq!(json["cost"]["notes"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn a_bar_fills_in_proportion_and_nothing_to_do_is_full() {
        let p = |done, total| Share {
            done,
            total,
            percent: 0,
            covered: 0,
        };
        assert_eq!(bar(p(1, 4), 8), "██░░░░░░");
        assert_eq!(bar(p(0, 0), 4), "████");
    }
}
