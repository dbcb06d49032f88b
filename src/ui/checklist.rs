//! A checklist screen: the steps with checkboxes, and the selected step's
//! details and sources beside them.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::text::sanitize;
use super::theme::Theme;
use crate::advisor::{self, Check};
use crate::app::App;
use crate::content::{Area, Caveat, Fact, Guide, Panel, RouteStatus, Step, Tier, Weeks};
use crate::profile::Profile;

/// The state line (Licensing only), the list and the details pane.
fn areas(area: Rect, which: Area) -> [Rect; 3] {
    let info_height = if which == Area::Licensing { 2 } else { 0 };
    let [info, body] =
        Layout::vertical([Constraint::Length(info_height), Constraint::Min(1)]).areas(area);
    let [list, details] =
        Layout::horizontal([Constraint::Percentage(48), Constraint::Percentage(52)]).areas(body);
    [info, list, details]
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, which: Area) {
    let [info, list_area, details_area] = areas(area, which);
    if which == Area::Licensing {
        draw_state_info(frame, info, app);
    }
    draw_list(frame, list_area, app, which);
    draw_details(frame, details_area, app);
}

fn details_paragraph(app: &App) -> Paragraph<'static> {
    let lines = match app.selected_step() {
        Some(step) => details(step, app),
        None => vec![Line::from("Nothing to show here yet.")],
    };
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// Lines of details that do not fit in the pane.
fn overflow(paragraph: &Paragraph, pane: Rect) -> u16 {
    let total = paragraph.line_count(pane.width.saturating_sub(2));
    let visible = usize::from(pane.height.saturating_sub(2));
    u16::try_from(total.saturating_sub(visible)).unwrap_or(u16::MAX)
}

pub fn max_scroll(app: &App, body: Rect, which: Area) -> u16 {
    let [_, _, details] = areas(body, which);
    overflow(&details_paragraph(app), details)
}

/// The two lines above the Licensing list: the user's state and its rule.
fn draw_state_info(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let lines = match app.profile.state.as_deref() {
        None => vec![
            Line::from(Span::styled(" No state chosen yet.", theme.warning())),
            Line::from(" Press s to choose your state and see its rules."),
        ],
        Some(code) => match app.guide.state(code) {
            None => vec![
                Line::from(Span::styled(
                    format!(" medtech has no record for \"{}\".", sanitize(code)),
                    theme.warning(),
                )),
                Line::from(" Press s to choose a state from the list."),
            ],
            Some(record) => {
                let mut first = vec![
                    Span::styled(format!(" {}: ", record.name), theme.heading()),
                    Span::raw(super::license_words(record.license)),
                ];
                if record.caveat.is_some() {
                    first.push(Span::styled(" [verify]", theme.warning()));
                }
                let second = match &record.body {
                    Some(body) => format!(" {body} · s changes state"),
                    None => " s changes state".to_owned(),
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

fn checkbox(check: Check) -> &'static str {
    match check {
        Check::Done => "[x]",
        Check::Partly => "[~]",
        Check::Todo => "[ ]",
    }
}

fn check_style(theme: Theme, check: Check) -> Style {
    match check {
        Check::Done => theme.done(),
        Check::Partly => theme.partly(),
        Check::Todo => theme.todo(),
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, which: Area) {
    let theme = app.theme;
    let goal = app.profile.goal;
    let rows = app.rows(which);
    // Inside the borders and the one-column selection marker.
    let room = usize::from(area.width.saturating_sub(3));
    let items: Vec<ListItem> = rows
        .iter()
        .map(|row| {
            let check = advisor::check(row.step, &app.profile);
            let optional = row.depth == 0 && !row.step.is_required_for(goal);
            let verify = row.step.caveat.is_some();
            // Markers always show; the title gives way with an ellipsis.
            let markers = if optional { 11 } else { 0 } + if verify { 2 } else { 0 };
            let fixed = 2 * row.depth + 4 + markers;
            let mut spans = vec![
                Span::raw("  ".repeat(row.depth)),
                Span::styled(checkbox(check), check_style(theme, check)),
                Span::raw(" "),
                Span::raw(truncate(&row.step.title, room.saturating_sub(fixed))),
            ];
            if optional {
                spans.push(Span::styled(" (optional)", theme.muted()));
            }
            if verify {
                spans.push(Span::styled(" !", theme.warning()));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let progress = advisor::area_progress(&app.guide, &app.profile, which);
    let title = format!(
        " {} · {} of {} done ",
        which.title(),
        progress.done,
        progress.total
    );
    let empty = items.is_empty();
    let list = List::new(items)
        .block(Block::default().borders(Borders::ALL).title(title))
        .highlight_style(theme.selected())
        .highlight_symbol("›");
    let mut state = ListState::default();
    if !empty {
        state.select(Some(app.cursor_in(which)));
    }
    frame.render_stateful_widget(list, area, &mut state);
}

/// Shortens text to `width` characters, ending in "…" when cut.
fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else if width == 0 {
        String::new()
    } else {
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}

fn draw_details(frame: &mut Frame, area: Rect, app: &App) {
    let paragraph = details_paragraph(app);
    // Say when there is more to read, and never scroll past the end.
    let max_scroll = overflow(&paragraph, area);
    let scroll = app.detail_scroll.min(max_scroll);
    let mut title = vec![Span::raw(" Details ")];
    if scroll > 0 {
        title.push(Span::styled("↑ PgUp ", app.theme.key()));
    }
    if scroll < max_scroll {
        title.push(Span::styled("↓ PgDn more ", app.theme.key()));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::from(title));
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), area);
}

fn weeks_words(weeks: Weeks) -> String {
    let months = |w: u16| (f32::from(w) / 4.345).round();
    if weeks.max < 9 {
        if weeks.min == weeks.max {
            format!("about {} weeks", weeks.max)
        } else {
            format!("about {}–{} weeks", weeks.min, weeks.max)
        }
    } else if weeks.min == weeks.max {
        format!("about {} months", months(weeks.max))
    } else {
        format!("about {}–{} months", months(weeks.min), months(weeks.max))
    }
}

fn status_line(step: &Step, profile: &Profile, theme: Theme) -> Line<'static> {
    let check = advisor::check(step, profile);
    let words = match check {
        Check::Done => match profile.done_on(&step.id) {
            Some(date) => format!("[x] Done on {date}"),
            None => "[x] Done".to_owned(),
        },
        Check::Partly => {
            let done = step
                .substeps
                .iter()
                .filter(|s| advisor::check(s, profile) == Check::Done)
                .count();
            format!("[~] Partly done: {done} of {}", step.substeps.len())
        }
        Check::Todo if step.one_of => "[ ] Not done: tick the option you took".to_owned(),
        Check::Todo => "[ ] Not done".to_owned(),
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
}

impl<'g> Citations<'g> {
    fn mark(&mut self, ids: &'g [String]) -> String {
        let mut marks = String::new();
        for id in ids {
            let n = if let Some(i) = self.ids.iter().position(|x| x == id) {
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
            let mut meta = format!("    verified {}", source.verified);
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

fn details(step: &Step, app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let goal = app.profile.goal;
    let mut cites = Citations {
        guide: &app.guide,
        ids: Vec::new(),
    };
    let mut lines = vec![
        Line::from(Span::styled(step.title.clone(), theme.heading())),
        Line::from(Span::styled(step.summary.clone(), theme.muted())),
        Line::default(),
        status_line(step, &app.profile, theme),
    ];
    let need = if step.is_required_for(goal) {
        format!("Required for {}", goal.short())
    } else {
        format!("Optional for {}", goal.short())
    };
    let mut meta = need;
    if let Some(weeks) = step.duration {
        let _ = write!(meta, " · typical time: {}", weeks_words(weeks));
    }
    lines.push(Line::from(meta));
    if let Some(caveat) = &step.caveat {
        lines.push(caveat_line(caveat, theme));
    }
    for (label, text) in [("What", &step.what), ("Why", &step.why), ("How", &step.how)] {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(label, theme.heading())));
        lines.push(Line::from(text.clone()));
    }
    let state_record = app
        .profile
        .state
        .as_deref()
        .and_then(|code| app.guide.state(code))
        .filter(|record| {
            record.steps.iter().any(|s| s.id == step.id)
                || app
                    .guide
                    .no_license_step
                    .as_ref()
                    .is_some_and(|s| s.id == step.id)
        });
    push_facts(&mut lines, "Facts", &step.facts, &mut cites, theme);
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Sources for this step ", theme.heading()),
        Span::raw(cites.mark(&step.sources)),
    ]));
    for panel in &step.panels {
        match panel {
            Panel::Routes => push_routes(&mut lines, app, &mut cites),
            Panel::Certifiers => push_certifiers(&mut lines, app, &mut cites),
            Panel::Career => {
                push_facts(&mut lines, "The job", &app.guide.career, &mut cites, theme);
            }
        }
    }
    if let Some(record) = state_record {
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
        for title in &record.titles {
            lines.push(Line::from(format!("• {} ({:?})", title.name, title.level)));
        }
        push_facts(&mut lines, "", &record.facts, &mut cites, theme);
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Sources", theme.heading())));
    lines.extend(cites.lines(theme));
    lines
}

/// Every credential for the user's goal with its eligibility routes.
fn push_routes<'g>(lines: &mut Vec<Line<'static>>, app: &'g App, cites: &mut Citations<'g>) {
    let theme = app.theme;
    let goal = app.profile.goal;
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!(
            "Eligibility routes for {} (meet all of one route)",
            goal.short()
        ),
        theme.heading(),
    )));
    for credential in app.guide.credentials.iter().filter(|c| c.goal == goal) {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(credential.name.clone(), theme.heading()),
            Span::raw(format!(" — {}", credential.summary)),
        ]));
        push_facts(lines, "", &credential.facts, cites, theme);
        let routes: Vec<_> = app
            .guide
            .routes
            .iter()
            .filter(|r| r.credential == credential.id)
            .collect();
        if routes.is_empty() {
            lines.push(Line::from(Span::styled(
                "  No routes in this guide yet: see the certifier's site.",
                theme.muted(),
            )));
        }
        for route in routes {
            let status = match &route.status {
                RouteStatus::Open => Span::raw(" (open)"),
                RouteStatus::Closed(why) => {
                    Span::styled(format!(" (closed: {why})"), theme.warning())
                }
            };
            lines.push(Line::from(vec![
                Span::styled(format!("• {}", route.name), theme.heading()),
                status,
                Span::raw(format!(" {}", cites.mark(&route.sources))),
            ]));
            lines.push(Line::from(format!("  {}", route.summary)));
            for req in &route.requirements {
                lines.push(Line::from(format!("  – {}", req.describe(&app.guide))));
            }
            if let Some(caveat) = &route.caveat {
                lines.push(caveat_line(caveat, theme));
            }
        }
    }
}

/// The certifiers, what they grant, and their facts.
fn push_certifiers<'g>(lines: &mut Vec<Line<'static>>, app: &'g App, cites: &mut Citations<'g>) {
    let theme = app.theme;
    for certifier in &app.guide.certifiers {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(certifier.name.clone(), theme.heading()),
            Span::raw(format!(" {}", cites.mark(&certifier.sources))),
        ]));
        lines.push(Line::from(certifier.summary.clone()));
        let credentials: Vec<&str> = app
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
