//! A step's details: what it is, the user's routes or state where they
//! belong, and the sources cited. Built from the guide, the profile and the
//! advice; `update` counts their rows and `ui` draws them.

use std::borrow::Cow;
use std::fmt::Write as _;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Facts, license_mark};
use crate::advisor::eligibility::Verdict;
use crate::advisor::{self, Check};
use crate::app::Action;
use crate::content::{
    Area, Caveat, Date, Fact, Guide, Level, LicenseTitle, Panel, Step, Tier, Weeks,
};
use crate::keymap;
use crate::profile::Profile;
use crate::text::sanitize;
use crate::theme::Theme;

pub fn check_style(theme: Theme, check: Check) -> Style {
    match check {
        Check::Done => theme.done(),
        Check::Partly | Check::InProgress => theme.partly(),
        Check::NotApplicable | Check::Skipped => theme.muted(),
        Check::Todo => theme.todo(),
    }
}

fn weeks_words(weeks: Weeks) -> String {
    if weeks.at_least {
        return weeks.words();
    }
    // Whole months, rounded to the nearest (4.345 weeks a month).
    let months = |w: u16| (u32::from(w) * 1000 + 2172) / 4345;
    let (unit, min, max) = if weeks.max < 9 {
        ("weeks", u32::from(weeks.min), u32::from(weeks.max))
    } else {
        ("months", months(weeks.min), months(weeks.max))
    };
    if min == max {
        format!("about {max} {unit}")
    } else if min == 0 {
        format!("up to {max} {unit}")
    } else {
        format!("about {min}–{max} {unit}")
    }
}

fn status_line(step: &Step, profile: &Profile, theme: Theme) -> Line<'static> {
    let check = advisor::check(step, profile);
    let words = match check {
        Check::Done => match (
            profile.done_on(&step.id),
            advisor::covered_step(profile, step),
        ) {
            (Some(date), _) => format!("{} Done on {date}", check.symbol()),
            (None, Some(advisor::programs::CHOICE_COVER)) => format!(
                "{} Done from your choice: {} (your own mark on the step wins)",
                check.symbol(),
                advisor::programs::chosen(profile).map_or_else(String::new, |c| sanitize(&c.name))
            ),
            (None, Some(why)) => format!(
                "{} Done from {why}, as your background says (your own mark on the step wins)",
                check.symbol()
            ),
            (None, None) => format!("{} Done", check.symbol()),
        },
        Check::Todo
            if let Some(short) = (step.id == advisor::programs::STEP)
                .then(|| advisor::programs::choice_short_of_step(profile))
                .flatten() =>
        {
            format!("{} To do. {short}", check.symbol())
        }
        Check::Partly => {
            let done = step
                .substeps
                .iter()
                .filter(|s| advisor::check(s, profile) == Check::Done)
                .count();
            format!(
                "{} Partly done: {done} of {}",
                check.symbol(),
                step.substeps.len()
            )
        }
        Check::Todo if step.one_of => {
            format!("{} To do: mark the option you took", check.symbol())
        }
        other => {
            let word = other.word();
            let mut chars = word.chars();
            let word = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default();
            format!("{} {word}", other.symbol())
        }
    };
    Line::from(vec![
        Span::styled("Status: ", theme.heading()),
        Span::styled(words, check_style(theme, check)),
    ])
}

fn caveat_line(caveat: &Caveat, theme: Theme) -> Line<'static> {
    let (label, text) = match caveat {
        Caveat::Unverified(t) => ("⚠ Verify: ", t),
        Caveat::Conflict(t) => ("⚠ Sources disagree: ", t),
    };
    Line::from(vec![
        Span::styled(label, theme.warning()),
        Span::raw(text.clone()),
    ])
}

/// Numbers each cited source in order of first citation.
struct Citations<'g> {
    guide: &'g Guide,
    ids: Vec<&'g str>,
    /// Sources checked more than a year before this are flagged.
    today: Date,
}

impl<'g> Citations<'g> {
    fn mark(&mut self, ids: &'g [String]) -> String {
        let mut marks = String::new();
        for id in ids.iter().map(String::as_str) {
            let n = if let Some(i) = self.ids.iter().position(|x| *x == id) {
                i + 1
            } else {
                self.ids.push(id);
                self.ids.len()
            };
            let _ = write!(marks, "[{n}]");
        }
        marks
    }

    fn lines(&self, theme: Theme) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for (i, id) in self.ids.iter().enumerate() {
            let Some(source) = self.guide.source(id) else {
                out.push(Line::from(format!("[{}] {id} (missing source)", i + 1)));
                continue;
            };
            out.push(Line::from(vec![
                Span::styled(format!("[{}] ", i + 1), theme.heading()),
                Span::raw(format!("{} — {}", source.title, source.publisher)),
            ]));
            out.push(Line::from(Span::styled(
                format!("    {}", source.url),
                theme.link(),
            )));
            let mut meta = match source.checked {
                Some(day) => format!("    written {} · page checked {day}", source.verified),
                None => format!(
                    "    written {} · not re-checked since written",
                    source.verified
                ),
            };
            let last = source.checked.unwrap_or(source.verified);
            if last.saturating_add(jiff::Span::new().years(1)) < self.today {
                meta.push_str(" (over a year ago)");
            }
            if let Some(dated) = &source.dated {
                let _ = write!(meta, " · page: {dated}");
            }
            match source.tier {
                Tier::Official => meta.push_str(" · official"),
                Tier::Copy => meta.push_str(" · copy of an official text"),
                Tier::ThirdParty => meta.push_str(" · third party"),
            }
            out.push(Line::from(Span::styled(meta, theme.muted())));
        }
        out
    }
}

/// The steps above `id` on this checklist, outermost first.
fn ancestors<'g>(facts: Facts<'g>, which: Area, id: &str) -> Vec<&'g Step> {
    fn find<'g>(step: &'g Step, id: &str, path: &mut Vec<&'g Step>) -> bool {
        if step.id == id {
            return true;
        }
        path.push(step);
        if step.substeps.iter().any(|s| find(s, id, path)) {
            return true;
        }
        path.pop();
        false
    }
    let mut path = Vec::new();
    for top in facts
        .guide
        .steps(which, facts.profile.goal, facts.profile.state.as_deref())
    {
        if find(top, id, &mut path) {
            break;
        }
    }
    path
}

/// The details of `step`: what it is, the user's routes or state where
/// they belong, and the sources cited.
pub fn details(step: &Step, facts: Facts<'_>, which: Area) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    details_into(&mut lines, step, facts, which);
    lines
}

fn details_into(lines: &mut Vec<Line<'static>>, step: &Step, facts: Facts<'_>, which: Area) {
    let theme = facts.theme;
    let goal = facts.profile.goal;
    let mut cites = Citations {
        guide: facts.guide,
        ids: Vec::new(),
        today: facts.advice.today,
    };
    lines.extend([
        Line::from(Span::styled(step.title.clone(), theme.heading())),
        Line::from(Span::styled(step.summary.clone(), theme.muted())),
        Line::default(),
        status_line(step, facts.profile, theme),
    ]);
    // A sub-step is only as required as every step above it.
    let path = ancestors(facts, which, &step.id);
    let required = step.is_required_for(goal) && path.iter().all(|s| s.is_required_for(goal));
    let mut meta = match path.last() {
        Some(parent) if parent.one_of => format!("One option of “{}”", parent.title),
        _ if required => format!("Required for {}", goal.short()),
        _ => format!("Optional for {}", goal.short()),
    };
    if let Some(weeks) = step.duration {
        let _ = write!(meta, " · typical time: {}", weeks_words(weeks));
    }
    lines.push(Line::from(meta));
    if which == Area::Education
        && advisor::check(step, facts.profile) != Check::Done
        && let Some(route) = &facts.advice.first_met
    {
        lines.push(Line::from(Span::styled(
            format!(
                "{} Your background already meets {route}: certification does not need this step.",
                Verdict::Met.symbol(),
            ),
            theme.done(),
        )));
    }
    let note = facts.profile.note(&step.id);
    if !note.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Your note ✎", theme.heading())));
        for line in note.lines() {
            lines.push(Line::from(sanitize(line)));
        }
    }
    if let Some(caveat) = &step.caveat {
        lines.push(caveat_line(caveat, theme));
    }
    // The user's own routes are what this step is for: show them first.
    if step.panels.contains(&Panel::Routes) {
        push_routes(lines, facts, &mut cites);
    }
    for (label, text) in [("What", &step.what), ("Why", &step.why), ("How", &step.how)] {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(label, theme.heading())));
        lines.push(Line::from(Cow::from(text.clone())));
    }
    let state_record = facts
        .profile
        .state
        .as_deref()
        .and_then(|code| facts.guide.state(code))
        .filter(|record| {
            record.steps.iter().any(|s| s.id == step.id)
                || facts
                    .guide
                    .no_license_step
                    .as_ref()
                    .is_some_and(|s| s.id == step.id)
        });
    push_facts(lines, "Facts", &step.facts, &mut cites, theme);
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Sources for this step ", theme.heading()),
        Span::raw(cites.mark(&step.sources)),
    ]));
    for panel in &step.panels {
        match panel {
            Panel::Routes => {}
            Panel::Certifiers => push_certifiers(lines, facts, &mut cites),
            Panel::Career => {
                push_facts(lines, "The job", &facts.guide.career, &mut cites, theme);
            }
        }
    }
    if let Some(record) = state_record {
        push_state(lines, facts, record, &mut cites);
    }
    // The sources cited above: as many as the lines shown cite.
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Sources", theme.heading())));
    lines.extend(cites.lines(theme));
}

/// Every credential for the user's goal with its eligibility routes, each
/// with its verdict for this user and the reasons.
fn push_routes<'g>(lines: &mut Vec<Line<'static>>, facts: Facts<'g>, cites: &mut Citations<'g>) {
    let theme = facts.theme;
    let goal = facts.profile.goal;
    let today = facts.advice.today;
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("Your routes to {} (meet all of one route)", goal.short()),
        theme.heading(),
    )));
    if facts.profile.background.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "Answer the setup ({}) so medtech can tell which routes you meet.",
                keymap::key_for(&Action::OpenSetup)
            ),
            theme.warning(),
        )));
    }
    lines.push(Line::from(Span::styled(
        "A planning aid: confirm your route with the certifier before you apply.",
        theme.muted(),
    )));
    let mut last_credential = "";
    for route in &facts.advice.routes {
        let credential = &route.credential;
        if credential.id != last_credential {
            last_credential = &credential.id;
            lines.push(Line::default());
            lines.push(Line::from(vec![
                Span::styled(credential.name.clone(), theme.heading()),
                Span::raw(format!(" — {}", credential.summary)),
            ]));
        }
        let (symbol, word) = (route.verdict.symbol(), route.verdict.word());
        let style = verdict_style(theme, route.verdict);
        lines.push(Line::from(vec![
            Span::styled(format!("{symbol} {} · {word}", route.route.name), style),
            Span::raw(format!(" {}", cites.mark(&route.route.sources))),
        ]));
        lines.push(Line::from(format!("  {}", route.route.summary)));
        if let Some(closes) = route.closing_soon(today) {
            lines.push(Line::from(Span::styled(
                format!(
                    "  ⚠ {} closes on {closes}: apply before then.",
                    route.route.name
                ),
                theme.warning(),
            )));
        }
        for reason in &route.reasons {
            let mut spans = vec![Span::raw(format!("  {}", reason.text))];
            if let Some(step) = reason.step.as_deref().and_then(|id| facts.guide.step(id)) {
                spans.push(Span::styled(
                    format!(" → step: {}", step.1.title),
                    theme.muted(),
                ));
            }
            lines.push(Line::from(spans));
        }
        if let Some(warning) = &route.third_party_warning {
            lines.push(Line::from(Span::styled(
                format!("  {warning}"),
                theme.warning(),
            )));
        }
        if let Some(caveat) = &route.route.caveat {
            lines.push(caveat_line(caveat, theme));
        }
    }
}

fn verdict_style(theme: Theme, verdict: Verdict) -> Style {
    match verdict {
        Verdict::Met => theme.done(),
        Verdict::NotMet => theme.error(),
        Verdict::Unknown => theme.warning(),
        Verdict::Closed => theme.muted(),
    }
}

/// The certifiers, what they grant, and their facts.
fn push_certifiers<'g>(
    lines: &mut Vec<Line<'static>>,
    facts: Facts<'g>,
    cites: &mut Citations<'g>,
) {
    let theme = facts.theme;
    for certifier in &facts.guide.certifiers {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(certifier.name.clone(), theme.heading()),
            Span::raw(format!(" {}", cites.mark(&certifier.sources))),
        ]));
        lines.push(Line::from(Cow::from(certifier.summary.clone())));
        let credentials: Vec<&str> = facts
            .guide
            .credentials
            .iter()
            .filter(|c| c.certifier == certifier.id)
            .map(|c| c.name.as_str())
            .collect();
        if !credentials.is_empty() {
            lines.push(Line::from(format!(
                "Credentials: {}",
                credentials.join(", ")
            )));
        }
        push_facts(lines, "", &certifier.facts, cites, theme);
    }
}

fn push_facts<'g>(
    lines: &mut Vec<Line<'static>>,
    heading: &str,
    facts: &'g [Fact],
    cites: &mut Citations<'g>,
    theme: Theme,
) {
    if facts.is_empty() {
        return;
    }
    if !heading.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            heading.to_owned(),
            theme.heading(),
        )));
    }
    for fact in facts {
        lines.push(Line::from(vec![
            Span::styled(format!("• {}: ", fact.label), theme.heading()),
            Span::raw(format!("{} {}", fact.text, cites.mark(&fact.sources))),
        ]));
        if let Some(caveat) = &fact.caveat {
            lines.push(caveat_line(caveat, theme));
        }
    }
}

/// A license title with its level, without saying the same word twice
/// ("Technician", not "Technician (Technician)").
fn title_words(title: &LicenseTitle) -> String {
    let level = match title.level {
        Level::Trainee => "trainee level",
        Level::Technician => "technician level",
        Level::Technologist => "technologist level",
        Level::Other => "",
    };
    let name_says_it = level
        .split(' ')
        .next()
        .is_some_and(|word| title.name.to_lowercase().contains(word));
    if level.is_empty() || name_says_it {
        format!("• {}", title.name)
    } else {
        format!("• {} ({level})", title.name)
    }
}

/// The state's table of accepted credentials for the user's license level.
fn push_acceptance<'g>(
    lines: &mut Vec<Line<'static>>,
    facts: Facts<'g>,
    record: &'g crate::content::StateRecord,
    cites: &mut Citations<'g>,
) {
    let theme = facts.theme;
    if record.accepts.is_empty() {
        if let Some(ask) = &record.accepts_unknown {
            lines.push(Line::from(vec![
                Span::styled("Accepted certifications: unknown. ", theme.warning()),
                Span::raw(ask.clone()),
            ]));
        }
        return;
    }
    let level = facts.profile.goal.license_level();
    let rows: Vec<_> = record.accepts.iter().filter(|a| a.level == level).collect();
    if rows.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("Certifications {} accepts at this level", record.name),
        theme.heading(),
    )));
    for row in rows {
        let name = facts
            .guide
            .credential(&row.credential)
            .map_or(row.credential.as_str(), |c| c.name.as_str());
        let (symbol, word) = match row.accepts {
            crate::content::Accepts::Yes => ("[✓]", "accepted"),
            crate::content::Accepts::No => ("[✗]", "not accepted"),
            crate::content::Accepts::Unknown => ("[?]", "unconfirmed"),
        };
        let mut text = format!("{symbol} {name}: {word}");
        if let Some(from) = row.exam_from {
            let _ = write!(text, " (exams from {from})");
        }
        if let Some(note) = &row.note {
            let _ = write!(text, ". {note}");
        }
        lines.push(Line::from(format!("{text} {}", cites.mark(&row.sources))));
        if let Some(caveat) = &row.caveat {
            lines.push(caveat_line(caveat, theme));
        }
    }
}

/// What the guide says about the user's state, under a state step.
fn push_state<'g>(
    lines: &mut Vec<Line<'static>>,
    facts: Facts<'g>,
    record: &'g crate::content::StateRecord,
    cites: &mut Citations<'g>,
) {
    let theme = facts.theme;
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("About {}", record.name),
        theme.heading(),
    )));
    lines.push(Line::from(format!(
        "{} {}",
        record.summary,
        cites.mark(&record.sources)
    )));
    if let Some(caveat) = &record.caveat {
        lines.push(caveat_line(caveat, theme));
    }
    if let Some(body) = &record.body {
        lines.push(Line::from(format!("Licensing body: {body}")));
    }
    if let Some(license) = &facts.advice.license {
        let (symbol, style) = license_mark(license.verdict, theme);
        lines.push(Line::from(vec![
            Span::styled(format!("{symbol} {}: ", license.credential), style),
            Span::raw(license.text.clone()),
        ]));
    }
    push_acceptance(lines, facts, record, cites);
    for title in &record.titles {
        lines.push(Line::from(title_words(title)));
    }
    push_facts(lines, "", &record.facts, cites, theme);
}
