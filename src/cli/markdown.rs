//! The plan as Markdown: a checklist to print or paste into notes. Done
//! steps are ticked task-list items (`- [x]`), so they render as checked
//! boxes on GitHub and in most note apps.

use std::fmt::Write;

use super::report::{Plan, StepPlan};
use super::text::{counts, license_symbol, state_words};

pub fn render(plan: &Plan) -> String {
    let report = &plan.report;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# My path to {} ({})\n",
        report.goal,
        inline(report.goal_title)
    );
    let _ = writeln!(
        out,
        "State: {} · As of {} · From medtech\n",
        inline(&state_words(report)),
        report.today
    );
    if !report.profile.exists {
        let _ = writeln!(
            out,
            "_No profile yet: this is the plan a new profile starts with._\n"
        );
    }
    let _ = writeln!(out, "## Progress\n");
    let _ = writeln!(out, "| Area | Progress |\n|---|---|");
    for (label, percent) in report.progress.rows() {
        let _ = writeln!(out, "| {label} | {} |", counts(percent).trim());
    }
    out.push('\n');
    if let Some(next) = &report.next_step {
        let _ = writeln!(
            out,
            "**Next step:** {}. {}\n",
            inline(&next.title),
            inline(&next.why)
        );
    }
    if let Some(date) = &report.finish_date {
        let _ = writeln!(out, "**Expected finish:** {date}\n");
    }
    if !report.routes.is_empty() {
        let _ = writeln!(out, "## Certification routes\n");
        for route in &report.routes {
            let closes = route.closes_words();
            let _ = writeln!(
                out,
                "- **{}**: {}{closes}",
                inline(&route.label()),
                route.status.word()
            );
            for reason in &route.reasons {
                let _ = writeln!(out, "  - {}", inline(reason));
            }
        }
        out.push('\n');
    }
    if let Some(license) = &report.license {
        let _ = writeln!(
            out,
            "**License ({}):** {} {}\n",
            inline(&license.state),
            license_symbol(license.verdict),
            inline(&license.text)
        );
    }
    for area in &plan.areas {
        let _ = writeln!(
            out,
            "## {} ({})\n",
            area.title,
            counts(area.progress).trim()
        );
        for step in &area.steps {
            write_step(&mut out, step, 0);
        }
        out.push('\n');
    }
    out
}

fn write_step(out: &mut String, step: &StepPlan, depth: usize) {
    let pad = "  ".repeat(depth);
    let inner = "  ".repeat(depth + 1);
    // `[ ]` and `[x]` are task-list boxes; the other symbols read as text.
    let mut line = format!("{pad}- {} **{}**", step.symbol, inline(&step.title));
    let mut status = step.word.to_owned();
    if let Some(date) = &step.date {
        let _ = write!(status, " {date}");
    }
    if step.optional {
        status.push_str(", optional");
    }
    if step.one_of {
        status.push_str(", choose one");
    }
    let _ = write!(line, " ({status})");
    let _ = writeln!(out, "{line}");
    if !step.summary.is_empty() {
        let _ = writeln!(out, "{inner}{}", inline(&step.summary));
    }
    if let Some((first, rest)) = step.note.split_first() {
        let _ = writeln!(out, "{inner}- Note: {}", inline(first));
        for line in rest {
            let _ = writeln!(out, "{inner}  {}", inline(line));
        }
    }
    if let Some(caveat) = &step.caveat {
        let _ = writeln!(out, "{inner}- ⚠ {}", inline(caveat));
    }
    for source in &step.sources {
        let _ = writeln!(
            out,
            "{inner}- Source: [{}](<{}>), {}, verified {}",
            inline(&source.title),
            source.url.replace(['<', '>', ' '], ""),
            inline(&source.publisher),
            source.verified
        );
    }
    for sub in &step.substeps {
        write_step(out, sub, depth + 1);
    }
}

/// Text made safe for one Markdown line: characters that would start HTML,
/// links or emphasis are escaped, so a note shows as typed.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn markup_in_a_note_is_escaped() {
        assert_eq!(inline("<b>*x*</b>"), "\\<b\\>\\*x\\*\\</b\\>");
    }
}
