//! The plan as one self-contained HTML page: inline CSS, no scripts, no
//! external requests (no fonts, no images), readable on screen and on
//! paper. Every piece of text is escaped.

use std::fmt::Write;

use super::report::{
    AreaPlan, CostInfo, FinishInfo, LicenseInfo, NextInfo, Plan, ProgramInfo, Report, RouteInfo,
    SetAside, Share, StepPlan, UpkeepInfo, Writer, walk,
};
use super::text::{counts, license_symbol, state_words, upkeep_lines};
use crate::advisor::Verdict;

const STYLE: &str = "
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1b1b1b;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #bbb; margin-top: 2rem; }
.meta { color: #555; margin-top: 0; }
table.progress { border-collapse: collapse; width: 100%; }
table.progress td { padding: .2rem .5rem .2rem 0; vertical-align: middle; }
table.progress td.label { width: 9rem; font-weight: 600; }
table.progress td.count { width: 12rem; white-space: nowrap; }
.bar { height: .9rem; border: 1px solid #333; background: #fff; }
.fill { height: 100%; background: #2f6f4f; }
ul.steps, ul.steps ul { list-style: none; padding-left: 1.4rem; }
ul.steps { padding-left: 0; }
li.step { margin: .45rem 0; break-inside: avoid; }
.box { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; white-space: pre; }
.title { font-weight: 600; }
.status { color: #444; }
.summary, .source, .note, .caveat { margin: .1rem 0 0 2.6rem; }
.summary { color: #333; }
.note { font-style: italic; white-space: pre-wrap; }
.caveat { color: #7a4b00; }
.source { font-size: .85rem; color: #444; }
.done > .line .title { color: #2f6f4f; }
.route { margin: .5rem 0; break-inside: avoid; }
.route ul { margin: .2rem 0; }
.met { color: #2f6f4f; } .not_met { color: #9b1c1c; } .unknown { color: #7a4b00; } .closed { color: #555; }
@media print {
  body { font-size: 11pt; margin: 0; max-width: none; color: #000; }
  a { color: #000; text-decoration: none; }
  .source a::after { content: ' (' attr(href) ')'; word-break: break-all; }
  .bar, .fill { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
}
";

pub fn render(plan: &Plan) -> String {
    let mut w = Html(String::new());
    walk(&plan.report, &plan.areas, &mut w);
    w.0
}

struct Html(String);

impl Writer for Html {
    fn heading(&mut self, report: &Report) {
        let out = &mut self.0;
        let title = format!("My path to {}", report.goal);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
             <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
            escape(&title)
        );
        let _ = writeln!(
            out,
            "<h1>{} ({})</h1>",
            escape(&title),
            escape(report.goal_title)
        );
        let _ = writeln!(
            out,
            "<p class=\"meta\">State: {} · As of {} · From medtech</p>",
            escape(&state_words(report)),
            escape(&report.today)
        );
        if !report.profile.exists {
            let _ = writeln!(
                out,
                "<p><em>No profile yet: this is the plan a new profile starts with.</em></p>"
            );
        }
    }

    fn progress(&mut self, rows: &[(&'static str, Share)], _aside: SetAside) {
        let out = &mut self.0;
        let _ = writeln!(out, "<h2>Progress</h2>\n<table class=\"progress\">");
        for &(label, p) in rows {
            let width = (p.done * 100).checked_div(p.total).unwrap_or(100);
            let _ = writeln!(
                out,
                "<tr><td class=\"label\">{}</td><td><div class=\"bar\" role=\"img\" aria-label=\"{}%\">\
                 <div class=\"fill\" style=\"width: {width}%\"></div></div></td><td class=\"count\">{}</td></tr>",
                escape(label),
                p.percent,
                escape(counts(p).trim())
            );
        }
        let _ = writeln!(out, "</table>");
    }

    fn next_step(&mut self, next: Option<&NextInfo>) {
        if let Some(next) = next {
            let _ = writeln!(
                self.0,
                "<p><strong>Next step:</strong> {}. {}</p>",
                escape(&next.title),
                escape(&next.why)
            );
        }
    }

    fn finish(&mut self, finish: &FinishInfo, _cost: &CostInfo) {
        if let Some(date) = &finish.expected {
            let _ = writeln!(
                self.0,
                "<p><strong>Expected finish:</strong> {}</p>",
                escape(date)
            );
        }
    }

    fn routes_begin(&mut self, _goal: &str, count: usize) {
        if count > 0 {
            let _ = writeln!(self.0, "<h2>Certification routes</h2>");
        }
    }

    fn route(&mut self, route: &RouteInfo) {
        let out = &mut self.0;
        let _ = writeln!(
            out,
            "<div class=\"route\"><span class=\"box {}\">{}</span> <strong>{}</strong>: {}{}",
            verdict_class(route.status),
            escape(route.status.symbol()),
            escape(&route.label()),
            escape(route.status.word()),
            escape(&route.closes_words())
        );
        if !route.reasons.is_empty() {
            let _ = writeln!(out, "<ul>");
            for reason in &route.reasons {
                let _ = writeln!(out, "<li>{}</li>", escape(reason));
            }
            let _ = writeln!(out, "</ul>");
        }
        let _ = writeln!(out, "</div>");
    }

    fn programs(&mut self, programs: &[ProgramInfo]) {
        if programs.is_empty() {
            return;
        }
        let _ = writeln!(self.0, "<h2>Programs considered</h2>\n<ul>");
        for p in programs {
            let flags: Vec<String> = p.flags.iter().map(|f| escape(f)).collect();
            let _ = writeln!(
                self.0,
                "<li><strong>{}</strong>: {}{}</li>",
                escape(&p.title()),
                escape(&p.summary()),
                if flags.is_empty() {
                    String::new()
                } else {
                    format!("<br>{}", flags.join("<br>"))
                }
            );
        }
        let _ = writeln!(self.0, "</ul>");
    }

    fn license(&mut self, license: Option<&LicenseInfo>) {
        if let Some(license) = license {
            let _ = writeln!(
                self.0,
                "<h2>License</h2>\n<p><span class=\"box\">{}</span> <strong>{}:</strong> {}</p>",
                escape(license_symbol(license.verdict)),
                escape(&license.state),
                escape(&license.text)
            );
        }
    }

    fn upkeep(&mut self, cycles: &[UpkeepInfo]) {
        if cycles.is_empty() {
            return;
        }
        let _ = writeln!(self.0, "<h2>Keeping it: CE and renewals</h2>\n<ul>");
        for c in cycles {
            let lines = upkeep_lines(c);
            let _ = write!(self.0, "<li>{}", escape(&lines[0]));
            for line in &lines[1..] {
                let _ = write!(self.0, "<br>{}", escape(line.trim_start()));
            }
            let _ = writeln!(self.0, "</li>");
        }
        let _ = writeln!(self.0, "</ul>");
    }

    fn area_begin(&mut self, area: &AreaPlan) {
        let _ = writeln!(
            self.0,
            "<h2>{} <span class=\"status\">({})</span></h2>\n<ul class=\"steps\">",
            escape(area.title),
            escape(counts(area.progress).trim())
        );
    }

    fn step_begin(&mut self, step: &StepPlan, _depth: usize) {
        let out = &mut self.0;
        let _ = writeln!(
            out,
            "<li class=\"step {}\"><div class=\"line\"><span class=\"box\">{}</span> \
             <span class=\"title\">{}</span> <span class=\"status\">({})</span></div>",
            escape(step.status),
            escape(step.symbol),
            escape(&step.title),
            escape(&step.status_words())
        );
        if !step.summary.is_empty() {
            let _ = writeln!(out, "<p class=\"summary\">{}</p>", escape(&step.summary));
        }
        if !step.note.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"note\">Note: {}</p>",
                escape(&step.note.join("\n"))
            );
        }
        if let Some(caveat) = &step.caveat {
            let _ = writeln!(out, "<p class=\"caveat\">⚠ {}</p>", escape(caveat));
        }
        for source in &step.sources {
            let _ = writeln!(
                out,
                "<p class=\"source\">Source: <a href=\"{}\">{}</a>, {}, verified {}</p>",
                escape(&safe_url(&source.url)),
                escape(&source.title),
                escape(&source.publisher),
                escape(&source.verified)
            );
        }
        if !step.substeps.is_empty() {
            let _ = writeln!(out, "<ul>");
        }
    }

    fn step_end(&mut self, step: &StepPlan, _depth: usize) {
        if !step.substeps.is_empty() {
            let _ = writeln!(self.0, "</ul>");
        }
        let _ = writeln!(self.0, "</li>");
    }

    fn area_end(&mut self, _area: &AreaPlan) {
        let _ = writeln!(self.0, "</ul>");
    }

    fn end(&mut self) {
        self.0.push_str("</body>\n</html>\n");
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "met",
        Verdict::NotMet => "not_met",
        Verdict::Unknown => "unknown",
        Verdict::Closed => "closed",
    }
}

/// Only web links become links; anything else (`javascript:`) is dropped.
fn safe_url(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        url.trim().to_owned()
    } else {
        String::new()
    }
}

/// Escapes text for HTML content and attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">O'Neil & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;"
        );
    }

    #[test]
    fn only_web_links_are_kept() {
        assert_eq!(safe_url("javascript:alert(1)"), "");
        assert_eq!(safe_url("https://ascp.org/x"), "https://ascp.org/x");
    }
}
