//! A checklist screen: the steps with checkboxes, and the selected step's
//! details and sources beside them.

use std::borrow::Cow;
use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, List, ListItem, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap,
};

use crate::advisor::eligibility::Verdict;
use crate::advisor::{self, Check, plan};
use crate::app::{Action, App};
use crate::content::{
    Area, Caveat, Date, Fact, Guide, Level, LicenseTitle, Panel, Step, Tier, Weeks,
};
use crate::keymap;
use crate::profile::Profile;
use crate::text::{sanitize, truncate};
use crate::theme::Theme;
use crate::ui::layout;

pub fn draw(frame: &mut Frame, parts: layout::Checklist, app: &App, which: Area) {
    if which == Area::Licensing {
        draw_state_info(frame, parts.info, app);
    }
    draw_list(frame, parts.list_block, app, which);
    draw_details(frame, parts.details_block, app, which);
}

/// The two lines above the Licensing list: the user's state and its rule.
fn draw_state_info(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let state_key = keymap::key_for(&Action::ChooseState);
    let width = usize::from(area.width);
    let lines = match app.profile().state.as_deref() {
        None => vec![
            Line::from(Span::styled(" No state chosen yet.", theme.warning())),
            Line::from(format!(
                " Press {state_key} to choose your state and see its rules."
            )),
        ],
        Some(code) => match app.guide().state(code) {
            None => vec![
                Line::from(Span::styled(
                    format!(" medtech has no record for \"{}\".", sanitize(code)),
                    theme.warning(),
                )),
                Line::from(format!(
                    " Press {state_key} to choose a state from the list."
                )),
            ],
            Some(record) => {
                let mut first = vec![
                    Span::styled(format!(" {}: ", record.name), theme.heading()),
                    Span::raw(super::license_words(record.license)),
                ];
                if record.caveat.is_some() {
                    first.push(Span::styled(" [verify]", theme.warning()));
                }
                // The key hint is kept whole; the body's name gives way.
                let hint = format!(" · {state_key} changes state");
                let second = match &record.body {
                    Some(body) => format!(
                        " {}{hint}",
                        truncate(body, width.saturating_sub(hint.chars().count() + 1))
                    ),
                    None => format!(" {state_key} changes state"),
                };
                vec![
                    Line::from(first),
                    Line::from(Span::styled(second, theme.muted())),
                ]
            }
        },
    };
    frame.render_widget(Paragraph::new(lines), area);
}

pub(crate) fn check_style(theme: Theme, check: Check) -> Style {
    match check {
        Check::Done => theme.done(),
        Check::Partly | Check::InProgress => theme.partly(),
        Check::NotApplicable | Check::Skipped => theme.muted(),
        Check::Todo => theme.todo(),
    }
}

/// The word shown after a row's title for statuses a box alone would not
/// make plain.
fn row_word(check: Check) -> Option<&'static str> {
    match check {
        Check::InProgress => Some("in progress"),
        Check::NotApplicable => Some("n/a"),
        Check::Skipped => Some("skipped"),
        Check::Partly => Some("partly"),
        Check::Todo | Check::Done => None,
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, which: Area) {
    let theme = app.theme;
    let goal = app.profile().goal;
    let rows = app.rows(which);
    let len = rows.len();
    let view = app.view(which);
    let visible = area.height.saturating_sub(2);
    // Inside the borders, the selection marker and the scrollbar.
    let room = usize::from(area.width.saturating_sub(4));
    let item = |row: &crate::app::Row| -> ListItem<'static> {
        let check = advisor::check(row.step, app.profile());
        let verify = row.step.caveat.is_some();
        let note = !app.profile().note(&row.step.id).is_empty();
        // Marked by the user first; else what the background says.
        let not_for_you = (check == Check::Todo)
            .then(|| plan::not_for_user(app.profile(), &row.step.id))
            .flatten();
        let word = row_word(check).or(not_for_you);
        // "Not for you" says more than "optional": one marker, not two.
        let optional = row.depth == 0 && !row.step.is_required_for(goal) && not_for_you.is_none();
        // Markers always show; the title gives way with an ellipsis.
        let markers = if optional { 11 } else { 0 }
            + if verify { 2 } else { 0 }
            + if note { 2 } else { 0 }
            + word.map_or(0, |w| w.chars().count() + 3);
        let fixed = 2 * row.depth + 4 + markers;
        let mut spans = vec![
            Span::raw("  ".repeat(row.depth)),
            Span::styled(check.symbol(), check_style(theme, check)),
            Span::raw(" "),
            Span::raw(truncate(&row.step.title, room.saturating_sub(fixed))),
        ];
        if let Some(word) = word {
            spans.push(Span::styled(
                format!(" · {word}"),
                check_style(theme, check),
            ));
        }
        if optional {
            spans.push(Span::styled(" (optional)", theme.muted()));
        }
        if note {
            spans.push(Span::styled(" ✎", theme.muted()));
        }
        if verify {
            spans.push(Span::styled(" !", theme.warning()));
        }
        ListItem::new(Line::from(spans))
    };
    let progress = app.advice().area(which);
    let mut title = format!(
        " {} · {} of {} done ",
        which.title(),
        progress.done,
        progress.total
    );
    if which == Area::Certification {
        let met = app.advice().met();
        let more = format!("· {met} route{} met ", if met == 1 { "" } else { "s" });
        // Only when it fits: the title must not be cut.
        if title.chars().count() + more.chars().count() + 2 <= usize::from(area.width) {
            title.push_str(&more);
        }
    }
    // A title never runs into the corner: cut with an ellipsis.
    let title = crate::text::truncate(&title, usize::from(area.width.saturating_sub(2)));
    let list = List::new(rows.iter().map(item))
        .block(Block::bordered().title(title))
        .highlight_style(theme.selected())
        .highlight_symbol("›");
    // `update` keeps the selection in view: drawing a copy shows the same rows.
    let mut state = view.list();
    frame.render_stateful_widget(list, area, &mut state);
    // Say what is out of sight, in words and with a scrollbar.
    let above = view.list().offset();
    let below = len.saturating_sub(above + usize::from(visible));
    let mut more = Vec::new();
    if above > 0 {
        more.push(format!("↑ {above} more"));
    }
    if below > 0 {
        more.push(format!("↓ {below} more"));
    }
    if !more.is_empty() {
        let text = format!(" {} ", more.join(" · "));
        let width = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
        let x = area.x + area.width.saturating_sub(width + 2);
        let rect = Rect::new(x, area.bottom().saturating_sub(1), width.min(area.width), 1);
        frame.render_widget(Paragraph::new(Span::styled(text, theme.key())), rect);
        let mut bar = ScrollbarState::new(len.saturating_sub(usize::from(visible)))
            .position(above)
            .viewport_content_length(usize::from(visible));
        let track = Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(2),
        );
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .thumb_symbol("█"),
            track,
            &mut bar,
        );
    }
}

/// The selected step's details on checklist `which`.
fn details_lines(app: &App, which: Area) -> Vec<Line<'static>> {
    match app.view(which).list().selected() {
        Some(index) => match app.rows(which).get(index) {
            Some(row) => details(row.step, app, which),
            None => vec![Line::from("Nothing to show here yet.")],
        },
        None => vec![Line::from("Nothing to show here yet.")],
    }
}

fn wrapped(lines: Vec<Line<'static>>) -> Paragraph<'static> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// How far the details of checklist `which` scroll at the app's size:
/// until their last row is at the bottom of the pane.
pub fn details_max(app: &App, which: Area) -> u16 {
    let text = layout::checklist_of(app, which).details_text;
    let rows = wrapped(details_lines(app, which)).line_count(text.width);
    u16::try_from(rows.saturating_sub(usize::from(text.height))).unwrap_or(u16::MAX)
}

/// The rows `lines` wrap to at `width`, counted until they pass `enough`
/// (each line wraps on its own), and whether that is all of them: a frame
/// wraps what it shows and a row more, not the whole text.
fn rows_past(lines: &[Line<'static>], width: u16, enough: usize) -> (usize, bool) {
    let mut rows = 0;
    for line in lines {
        if rows > enough {
            return (rows, false);
        }
        rows += wrapped(vec![line.clone()]).line_count(width);
    }
    (rows, true)
}

fn draw_details(frame: &mut Frame, area: Rect, app: &App, which: Area) {
    let lines = details_lines(app, which);
    let inner = Block::bordered().inner(area);
    let visible = usize::from(inner.height);
    let mut scroll = app.view(which).details_scroll();
    let (rows, all) = rows_past(&lines, inner.width, usize::from(scroll) + visible);
    if all {
        // Never past the end (a taller pane after a resize needs less).
        let max = u16::try_from(rows.saturating_sub(visible)).unwrap_or(u16::MAX);
        scroll = scroll.min(max);
    }
    let more = rows > usize::from(scroll) + visible;
    let up = keymap::key_for(&Action::DetailsUp);
    let down = keymap::key_for(&Action::DetailsDown);
    let mut title = vec![Span::raw(" Details ")];
    if scroll > 0 {
        title.push(Span::styled(format!("↑ {up} "), app.theme.key()));
    }
    if more {
        title.push(Span::styled(format!("↓ {down} more "), app.theme.key()));
    }
    frame.render_widget(
        wrapped(lines)
            .scroll((scroll, 0))
            .block(Block::bordered().title(Line::from(title))),
        area,
    );
    // Ratatui's wrapping can leave a two-column symbol in the last column,
    // where it would cover the border (a test shows it): it is left out.
    if let Some(last) = inner.right().checked_sub(1) {
        for y in inner.top()..inner.bottom() {
            let cell = &mut frame.buffer_mut()[(last, y)];
            if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
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
        Check::Done => match profile.done_on(&step.id) {
            Some(date) => format!("{} Done on {date}", check.symbol()),
            None => format!("{} Done", check.symbol()),
        },
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
fn ancestors<'g>(app: &'g App, which: Area, id: &str) -> Vec<&'g Step> {
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
    for top in app
        .guide()
        .steps(which, app.profile().goal, app.profile().state.as_deref())
    {
        if find(top, id, &mut path) {
            break;
        }
    }
    path
}

/// The details of `step`: what it is, the user's routes or state where
/// they belong, and the sources cited.
fn details(step: &Step, app: &App, which: Area) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    details_into(&mut lines, step, app, which);
    lines
}

fn details_into(lines: &mut Vec<Line<'static>>, step: &Step, app: &App, which: Area) {
    let theme = app.theme;
    let goal = app.profile().goal;
    let mut cites = Citations {
        guide: app.guide(),
        ids: Vec::new(),
        today: app.advice().today,
    };
    lines.extend([
        Line::from(Span::styled(step.title.clone(), theme.heading())),
        Line::from(Span::styled(step.summary.clone(), theme.muted())),
        Line::default(),
        status_line(step, app.profile(), theme),
    ]);
    // A sub-step is only as required as every step above it.
    let path = ancestors(app, which, &step.id);
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
        && advisor::check(step, app.profile()) != Check::Done
        && let Some(route) = &app.advice().first_met
    {
        lines.push(Line::from(Span::styled(
            format!(
                "{} Your background already meets {route}: certification does not need this step.",
                Verdict::Met.symbol(),
            ),
            theme.done(),
        )));
    }
    let note = app.profile().note(&step.id);
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
        push_routes(lines, app, &mut cites);
    }
    for (label, text) in [("What", &step.what), ("Why", &step.why), ("How", &step.how)] {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(label, theme.heading())));
        lines.push(Line::from(Cow::from(text.clone())));
    }
    let state_record = app
        .profile()
        .state
        .as_deref()
        .and_then(|code| app.guide().state(code))
        .filter(|record| {
            record.steps.iter().any(|s| s.id == step.id)
                || app
                    .guide()
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
            Panel::Certifiers => push_certifiers(lines, app, &mut cites),
            Panel::Career => {
                push_facts(lines, "The job", &app.guide().career, &mut cites, theme);
            }
        }
    }
    if let Some(record) = state_record {
        push_state(lines, app, record, &mut cites);
    }
    // The sources cited above: as many as the lines shown cite.
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Sources", theme.heading())));
    lines.extend(cites.lines(theme));
}

/// Every credential for the user's goal with its eligibility routes, each
/// with its verdict for this user and the reasons.
fn push_routes<'g>(lines: &mut Vec<Line<'static>>, app: &'g App, cites: &mut Citations<'g>) {
    let theme = app.theme;
    let goal = app.profile().goal;
    let today = app.advice().today;
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("Your routes to {} (meet all of one route)", goal.short()),
        theme.heading(),
    )));
    if app.profile().background.is_empty() {
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
    for route in &app.advice().routes {
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
            if let Some(step) = reason.step.as_deref().and_then(|id| app.guide().step(id)) {
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
fn push_certifiers<'g>(lines: &mut Vec<Line<'static>>, app: &'g App, cites: &mut Citations<'g>) {
    let theme = app.theme;
    for certifier in &app.guide().certifiers {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(certifier.name.clone(), theme.heading()),
            Span::raw(format!(" {}", cites.mark(&certifier.sources))),
        ]));
        lines.push(Line::from(Cow::from(certifier.summary.clone())));
        let credentials: Vec<&str> = app
            .guide()
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
    app: &'g App,
    record: &'g crate::content::StateRecord,
    cites: &mut Citations<'g>,
) {
    let theme = app.theme;
    if record.accepts.is_empty() {
        if let Some(ask) = &record.accepts_unknown {
            lines.push(Line::from(vec![
                Span::styled("Accepted certifications: unknown. ", theme.warning()),
                Span::raw(ask.clone()),
            ]));
        }
        return;
    }
    let level = match app.profile().goal {
        crate::content::Goal::Mlt => Level::Technician,
        crate::content::Goal::Mls => Level::Technologist,
    };
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
        let name = app
            .guide()
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
    app: &'g App,
    record: &'g crate::content::StateRecord,
    cites: &mut Citations<'g>,
) {
    let theme = app.theme;
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
    if let Some(license) = &app.advice().license {
        let (symbol, style) = super::license_mark(license.verdict, theme);
        lines.push(Line::from(vec![
            Span::styled(format!("{symbol} {}: ", license.credential), style),
            Span::raw(license.text.clone()),
        ]));
    }
    push_acceptance(lines, app, record, cites);
    for title in &record.titles {
        lines.push(Line::from(title_words(title)));
    }
    push_facts(lines, "", &record.facts, cites, theme);
}
