//! The plan as Markdown: a checklist to print or paste into notes. Done
//! steps are ticked task-list items (`- [x]`), so they render as checked
//! boxes on GitHub and in most note apps.

use std::fmt::Write;

use super::report::{
    AreaPlan, CostInfo, FinishInfo, LicenseInfo, NextInfo, Plan, ProgramInfo, Report, RouteInfo,
    SetAside, Share, StepPlan, UpkeepInfo, Writer, walk,
};
use super::text::{counts, license_symbol, state_words, upkeep_lines};

pub fn render(plan: &Plan) -> String {
    let mut w = Markdown(String::new());
    walk(&plan.report, &plan.areas, &mut w);
    w.0
}

struct Markdown(String);

impl Writer for Markdown {
    fn heading(&mut self, report: &Report) {
        let out = &mut self.0;
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
    }

    fn progress(&mut self, rows: &[(&'static str, Share)], _aside: SetAside) {
        let out = &mut self.0;
        let _ = writeln!(out, "## Progress\n");
        let _ = writeln!(out, "| Area | Progress |\n|---|---|");
        for &(label, share) in rows {
            let _ = writeln!(out, "| {label} | {} |", counts(share).trim());
        }
        out.push('\n');
    }

    fn next_step(&mut self, next: Option<&NextInfo>) {
        if let Some(next) = next {
            let _ = writeln!(
                self.0,
                "**Next step:** {}. {}\n",
                inline(&next.title),
                inline(&next.why)
            );
        }
    }

    fn finish(&mut self, finish: &FinishInfo, _cost: &CostInfo) {
        if let Some(date) = &finish.expected {
            let _ = writeln!(self.0, "**Expected finish:** {date}\n");
        }
    }

    fn routes_begin(&mut self, _goal: &str, count: usize) {
        if count > 0 {
            let _ = writeln!(self.0, "## Certification routes\n");
        }
    }

    fn route(&mut self, route: &RouteInfo) {
        let out = &mut self.0;
        let _ = writeln!(
            out,
            "- **{}**: {}{}",
            inline(&route.label()),
            route.status.word(),
            route.closes_words()
        );
        for reason in &route.reasons {
            let _ = writeln!(out, "  - {}", inline(reason));
        }
    }

    fn routes_end(&mut self, count: usize) {
        if count > 0 {
            self.0.push('\n');
        }
    }

    fn programs(&mut self, programs: &[ProgramInfo]) {
        if programs.is_empty() {
            return;
        }
        let _ = writeln!(self.0, "## Programs considered\n");
        for p in programs {
            let _ = writeln!(
                self.0,
                "- **{}**: {}",
                inline(&p.title()),
                inline(&p.summary())
            );
            for flag in &p.flags {
                let _ = writeln!(self.0, "  - {}", inline(flag));
            }
        }
        self.0.push('\n');
    }

    fn license(&mut self, license: Option<&LicenseInfo>) {
        if let Some(license) = license {
            let _ = writeln!(
                self.0,
                "**License ({}):** {} {}\n",
                inline(&license.state),
                license_symbol(license.verdict),
                inline(&license.text)
            );
        }
    }

    fn upkeep(&mut self, cycles: &[UpkeepInfo]) {
        if cycles.is_empty() {
            return;
        }
        let _ = writeln!(self.0, "## Keeping it: CE and renewals\n");
        for c in cycles {
            for (i, line) in upkeep_lines(c).iter().enumerate() {
                let pad = if i == 0 { "- " } else { "  - " };
                let _ = writeln!(self.0, "{pad}{}", inline(line.trim_start()));
            }
        }
        self.0.push('\n');
    }

    fn area_begin(&mut self, area: &AreaPlan) {
        let _ = writeln!(
            self.0,
            "## {} ({})\n",
            area.title,
            counts(area.progress).trim()
        );
    }

    fn step_begin(&mut self, step: &StepPlan, depth: usize) {
        let out = &mut self.0;
        let pad = "  ".repeat(depth);
        let inner = "  ".repeat(depth + 1);
        // `[ ]` and `[x]` are task-list boxes; the other symbols read as text.
        let _ = writeln!(
            out,
            "{pad}- {} **{}** ({})",
            step.symbol,
            inline(&step.title),
            step.status_words()
        );
        if !step.summary.is_empty() {
            let _ = writeln!(out, "{inner}{}", inline(&step.summary));
        }
        // The note as written: every line its own (a hard break, `\`, ends
        // each but the last), nothing in it read as Markdown.
        for (i, line) in step.note.iter().enumerate() {
            let lead = if i == 0 { "- Note: " } else { "  " };
            let end = if i + 1 < step.note.len() { "\\" } else { "" };
            let _ = writeln!(out, "{inner}{lead}{}{end}", note_line(line));
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
    }

    fn area_end(&mut self, _area: &AreaPlan) {
        self.0.push('\n');
    }
}

/// A line of a note, shown as typed: [`inline`], and a list marker (`- `,
/// `+ `, `1. `) or a heading underline (`=`) at its start escaped too.
fn note_line(line: &str) -> String {
    let text = inline(line);
    let indent = text.len() - text.trim_start().len();
    let (lead, rest) = text.split_at(indent);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if rest.starts_with(['-', '+', '=']) {
        format!("{lead}\\{rest}")
    } else if digits > 0 && rest[digits..].starts_with(['.', ')']) {
        format!("{lead}{}\\{}", &rest[..digits], &rest[digits..])
    } else {
        text
    }
}

/// Text made safe for one Markdown line: characters that would start HTML,
/// links, emphasis or strikethrough are escaped, so a note shows as typed.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{inline, note_line};

    #[test]
    fn markup_in_a_note_is_escaped() {
        assert_eq!(inline("<b>*x*</b>"), "\\<b\\>\\*x\\*\\</b\\>");
        assert_eq!(inline("~~x~~"), "\\~\\~x\\~\\~");
    }

    #[test]
    fn a_note_line_never_starts_a_list_or_a_heading() {
        assert_eq!(note_line("- a"), "\\- a");
        assert_eq!(note_line("  + a"), "  \\+ a");
        assert_eq!(note_line("12. a"), "12\\. a");
        assert_eq!(note_line("3) a"), "3\\) a");
        assert_eq!(note_line("==="), "\\===");
        assert_eq!(note_line("2026 was good"), "2026 was good");
    }
}
