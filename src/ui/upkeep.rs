//! The Upkeep screen (`5`): each held credential's and license's current
//! cycle, logged against needed, and the CE log; the activity form; and
//! the dashboard's one-row summary.
//! Every mark reads without colour: `[!]` within 90 days, `[!!]` within 30.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::advisor::upkeep::{self, Cycle, Warning};
use crate::app::{App, CeForm, FIELD_HINTS, FIELDS};
use crate::profile::{Credit, tenths_words};
use crate::text::{sanitize, truncate};
use crate::textarea::TextAreaView;

/// What the screen says while nothing is held.
pub const NOTHING_HELD: &str = "Nothing held yet. Once you hold a credential or a license, \
its continuing-education cycle, what it needs and its next renewal appear here: add the \
credential to your background (p) with the month you earned it, or mark the certification \
exam or your state's license step done with its date (d).";

/// How much is said beside each cycle's numbers, by the room there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Said {
    /// The numbers alone.
    Numbers,
    /// And where the rule is uncertain, what to verify.
    Verify,
    /// And the guide's note.
    Notes,
}

/// One line of the cycles' box: `lead` (a mark or an indent) in its first
/// columns and `body` wrapped beside it, so the body's wrapped rows line up
/// under its first row's text instead of at the box's edge.
struct Row {
    lead: Line<'static>,
    body: Line<'static>,
}

impl Row {
    fn new(lead: impl Into<Line<'static>>, body: impl Into<Line<'static>>) -> Row {
        Row {
            lead: lead.into(),
            body: body.into(),
        }
    }

    /// Indented by `indent` spaces.
    fn indented(indent: usize, body: impl Into<Line<'static>>) -> Row {
        Row::new(" ".repeat(indent), body)
    }

    fn lead_width(&self, width: u16) -> u16 {
        u16::try_from(self.lead.width()).unwrap_or(0).min(width)
    }

    fn paragraph(&self) -> Paragraph<'static> {
        Paragraph::new(self.body.clone()).wrap(Wrap { trim: false })
    }

    /// The rows it takes in `width` columns.
    fn height(&self, width: u16) -> u16 {
        let body = width.saturating_sub(self.lead_width(width)).max(1);
        u16::try_from(self.paragraph().line_count(body))
            .unwrap_or(u16::MAX)
            .max(1)
    }
}

/// The rows' total height in `width` columns.
fn height(rows: &[Row], width: u16) -> u16 {
    rows.iter()
        .map(|r| r.height(width))
        .fold(0, u16::saturating_add)
}

/// Each row's lead and its wrapped body, one under the other, as far as
/// `area` reaches.
fn draw_rows(frame: &mut Frame, area: Rect, rows: &[Row]) {
    let mut y = area.y;
    for row in rows {
        if y >= area.bottom() {
            break;
        }
        let lead = row.lead_width(area.width);
        let rows_left = area.bottom() - y;
        let height = row.height(area.width).min(rows_left);
        frame.render_widget(row.lead.clone(), Rect::new(area.x, y, lead, 1));
        frame.render_widget(
            row.paragraph(),
            Rect::new(area.x + lead, y, area.width - lead, height),
        );
        y = y.saturating_add(height);
    }
}

fn cycle_lines(c: &Cycle, app: &App, said: Said) -> Vec<Row> {
    let theme = app.theme;
    let name = sanitize(&c.held.name);
    let verify = if c.upkeep.as_ref().is_some_and(|u| u.caveat.is_some()) {
        " (verify)"
    } else {
        ""
    };
    let mut lines = Vec::new();
    if !c.is_known() {
        lines.push(Row::new(
            "",
            vec![
                Span::styled(format!("{name}{verify}"), theme.heading()),
                Span::styled(
                    format!(" [?] the guide does not know: ask {}", c.ask_whom()),
                    theme.warning(),
                ),
            ],
        ));
        if let Some(d) = c.dates {
            lines.push(Row::indented(2, format!("cycle {} to {}", d.start, d.end)));
        }
        if let Some(url) = &c.source_url {
            lines.push(Row::indented(2, Span::styled(url.to_owned(), theme.link())));
        }
        return lines;
    }
    let unit = c.unit.word();
    let needed = c.needed.unwrap_or(0);
    let (mark, style) = if c.logged >= needed {
        ("[✓]", theme.done())
    } else {
        ("[ ]", theme.todo())
    };
    let mut first = vec![
        Span::styled(format!("{name}{verify}"), theme.heading()),
        Span::raw(format!(
            " {} of {} {unit}",
            tenths_words(c.logged),
            tenths_words(needed)
        )),
    ];
    if let Some(days) = c.days_left {
        first.push(Span::raw(format!(" · {days} days left")));
    }
    match c.warning {
        Some(Warning::Days30) => first.push(Span::styled(" [!!] 30 days", theme.error())),
        Some(Warning::Days90) => first.push(Span::styled(" [!] 90 days", theme.warning())),
        None => {}
    }
    lines.push(Row::new(Span::styled(format!("{mark} "), style), first));
    if let Some(d) = c.dates {
        let mut second = format!("{} to {}", d.start, d.end);
        match c.next_fee {
            Some(fee) => {
                let _ = write!(second, " · fee ${} due {}", fee.usd, fee.due);
            }
            None => second.push_str(" · fee: not in the guide"),
        }
        if c.voluntary {
            second.push_str(" · voluntary");
        }
        lines.push(Row::indented(4, second));
    }
    if !c.categories.is_empty() {
        let parts: Vec<String> = c
            .categories
            .iter()
            .map(|k| {
                let needed = k.needed.map_or_else(|| "?".to_owned(), tenths_words);
                let mark = if k.needed.is_some_and(|n| k.logged >= n)
                    || (k.needed.is_none() && k.logged > 0)
                {
                    "✓"
                } else {
                    "·"
                };
                format!(
                    "{mark} {}: {}/{needed}",
                    sanitize(&k.name),
                    tenths_words(k.logged)
                )
            })
            .collect();
        lines.push(Row::indented(4, parts.join("  ")));
    }
    if said > Said::Numbers {
        lines.extend(note_lines(c, app, said == Said::Notes));
    }
    if said < Said::Notes && (c.over_cap > 0 || c.academic_uncounted) {
        lines.push(Row::indented(
            4,
            Span::styled(
                "some college credit is not counted (see medtech status)",
                theme.muted(),
            ),
        ));
    }
    lines
}

/// The guide's note and, where its rule is uncertain, what to verify.
fn note_lines(c: &Cycle, app: &App, note: bool) -> Vec<Row> {
    let mut lines = Vec::new();
    if note {
        lines.push(Row::indented(
            4,
            Span::styled(sanitize(&upkeep::note(c)), app.theme.muted()),
        ));
    }
    if let Some(verify) = upkeep::caveat(c) {
        lines.push(Row::indented(
            4,
            Span::styled(format!("Verify: {}", sanitize(verify)), app.theme.muted()),
        ));
    }
    lines
}

/// One row for the dashboard once something is held: each cycle's count,
/// its end and its warning, in `rows` rows of `width` at most; `None` while
/// nothing is held. In one row (a short terminal) the warned cycles come
/// first, their mark before the name, so the warning is never cut off.
pub fn dashboard_line(app: &App, width: u16, rows: u16) -> Option<Line<'static>> {
    let mut cycles: Vec<&Cycle> = app.advice().cycles.iter().collect();
    if cycles.is_empty() {
        return None;
    }
    let one_row = rows <= 1;
    if one_row {
        // The nearest warning first (a stable sort keeps the guide's order).
        cycles.sort_by_key(|c| match c.warning {
            Some(Warning::Days30) => 0,
            Some(Warning::Days90) => 1,
            None => 2,
        });
    }
    let parts: Vec<String> = cycles
        .iter()
        .map(|c| {
            let name = sanitize(&c.held.name);
            match (c.needed, c.dates) {
                (Some(needed), Some(d)) => {
                    let warn = match c.warning {
                        Some(Warning::Days30) => "[!!]",
                        Some(Warning::Days90) => "[!]",
                        None => "",
                    };
                    let count = format!(
                        "{name} {}/{} to {}",
                        tenths_words(c.logged),
                        tenths_words(needed),
                        d.end
                    );
                    match (warn, one_row) {
                        ("", _) => count,
                        (_, true) => format!("{warn} {count}"),
                        (_, false) => format!("{count} {warn}"),
                    }
                }
                _ => format!("{name} ?"),
            }
        })
        .collect();
    let label = "Upkeep: ";
    let suffix = " (5)";
    let room = if one_row {
        // Exactly one row: nothing left for word wrapping to move.
        usize::from(width).saturating_sub(label.len() + suffix.len())
    } else {
        // Two rows at most, with room to spare for word wrapping.
        (usize::from(width) * usize::from(rows)).saturating_sub(label.len() + 4 + 12)
    };
    Some(Line::from(vec![
        Span::styled(label, app.theme.heading()),
        Span::raw(format!("{}{suffix}", truncate(&parts.join(" · "), room))),
    ]))
}

/// The activity's row in the log.
fn activity_line(a: &crate::profile::Activity) -> String {
    let unit = match a.credit {
        Credit::Hours => "h",
        Credit::SemesterHours => "sem",
        Credit::QuarterHours => "qtr",
    };
    let mut text = format!(
        "{}  {:>4} {unit}  {}",
        a.date,
        tenths_words(a.tenths),
        sanitize(&a.title)
    );
    if !a.categories.is_empty() {
        let _ = write!(text, " [{}]", sanitize(&a.categories.join(", ")));
    }
    if !a.counts_for.is_empty() {
        let _ = write!(text, " → {}", sanitize(&a.counts_for.join(", ")));
    }
    text
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let cycles = &app.advice().cycles;
    let inner_width = area.width.saturating_sub(2);
    let activities = &app.profile().ce.activities;
    // An activity dated in no cycle takes a second row that says so.
    let outside = &app.advice().ce_outside;
    let item_rows = activities.len() + outside.iter().filter(|o| **o).count();
    let log_rows = u16::try_from(item_rows.clamp(1, 6)).unwrap_or(6) + 2;
    let text = |said: Said| {
        let rows: Vec<Row> = if cycles.is_empty() {
            vec![Row::new("", NOTHING_HELD)]
        } else {
            cycles
                .iter()
                .flat_map(|c| cycle_lines(c, app, said))
                .collect()
        };
        let height = height(&rows, inner_width).saturating_add(2);
        (rows, height)
    };
    // The notes where they fit beside the whole log; else what to verify,
    // beside three rows of the log (it scrolls); else the numbers alone.
    let (rows, wanted) = [(Said::Notes, log_rows), (Said::Verify, log_rows.min(5))]
        .into_iter()
        .map(|(said, log)| (text(said), log))
        .find(|((_, height), log)| height + log <= area.height)
        .map_or_else(|| text(Said::Numbers), |(t, _)| t);
    // The cycles first: at 60x16 the log keeps one row, and scrolls.
    let top = wanted.min(area.height.saturating_sub(3));
    let [top_area, log_area] =
        Layout::vertical([Constraint::Length(top), Constraint::Min(3)]).areas(area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keeping it: CE and renewals ");
    let inner = block.inner(top_area);
    frame.render_widget(block, top_area);
    draw_rows(frame, inner, &rows);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" CE log ({}) ", activities.len()));
    if activities.is_empty() {
        frame.render_widget(
            Paragraph::new("No activity logged yet: press a to log one.")
                .wrap(Wrap { trim: false })
                .block(block),
            log_area,
        );
        return;
    }
    let width = usize::from(log_area.width.saturating_sub(4));
    let items: Vec<ListItem> = activities
        .iter()
        .zip(outside)
        .map(|(a, outside)| {
            let mut rows = vec![Line::from(truncate(&activity_line(a), width))];
            if *outside {
                rows.push(Line::from(Span::styled(
                    truncate(&format!("  {}", upkeep::OUTSIDE_EVERY_CYCLE), width),
                    app.theme.warning(),
                )));
            }
            ListItem::new(rows)
        })
        .collect();
    let selected = app.upkeep_view().selected.min(activities.len() - 1);
    let mut state = ListState::default().with_selected(Some(selected));
    let list = List::new(items)
        .block(block)
        .highlight_symbol("> ")
        .highlight_style(app.theme.selected());
    frame.render_stateful_widget(list, log_area, &mut state);
}

/// The activity form, over the screen.
pub fn draw_form(frame: &mut Frame, area: Rect, app: &App, form: &CeForm) {
    let width = area.width.saturating_sub(4).min(72);
    let height = (u16::try_from(FIELDS.len()).unwrap_or(6) + 6).min(area.height);
    let rect = super::popup::centered(area, width, height);
    frame.render_widget(Clear, rect);
    let title = if form.editing.is_some() {
        " Edit a CE activity "
    } else {
        " Log a CE activity "
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut rows = vec![Constraint::Length(1); FIELDS.len()];
    rows.push(Constraint::Length(2));
    rows.push(Constraint::Length(1));
    let parts = Layout::vertical(rows).split(inner);
    for (i, name) in FIELDS.iter().enumerate() {
        let [label, input] =
            Layout::horizontal([Constraint::Length(13), Constraint::Min(1)]).areas(parts[i]);
        let marked = form.error.as_ref().is_some_and(|(at, _)| *at == i);
        let mark = if marked {
            "✗"
        } else if i == form.cursor {
            ">"
        } else {
            " "
        };
        let label_text = format!("{mark}{name}:");
        let style = if i == form.cursor {
            app.theme.heading()
        } else {
            app.theme.muted()
        };
        frame.render_widget(Paragraph::new(Span::styled(label_text, style)), label);
        let mut view = TextAreaView::new(&form.fields[i]);
        if i == form.cursor {
            view = view.style(app.theme.selected());
        }
        frame.render_widget(&view, input);
        if i == form.cursor
            && let Some(position) = view.cursor_position(input)
        {
            frame.set_cursor_position(position);
        }
    }
    let message = match &form.error {
        Some((_, why)) => Line::from(Span::styled(
            format!(" ✗ {}", sanitize(why)),
            app.theme.error(),
        )),
        None => Line::from(Span::styled(
            format!(" {}", FIELD_HINTS[form.cursor.min(FIELD_HINTS.len() - 1)]),
            app.theme.muted(),
        )),
    };
    frame.render_widget(
        Paragraph::new(message).wrap(Wrap { trim: false }),
        parts[FIELDS.len()],
    );
    frame.render_widget(
        Paragraph::new(super::hint_line(app, parts[FIELDS.len() + 1].width)),
        parts[FIELDS.len() + 1],
    );
}
