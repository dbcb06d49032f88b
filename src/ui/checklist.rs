//! A checklist screen: the steps with checkboxes, and the selected step's
//! details and sources beside them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, List, ListItem, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap,
};

use crate::advisor::{self, Check, plan};
use crate::app::{Action, App};
use crate::content::Area;
use crate::keymap;
use crate::panes::check_style;
use crate::text::{sanitize, truncate};
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

fn wrapped(lines: Vec<Line<'static>>) -> Paragraph<'static> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

fn draw_details(frame: &mut Frame, area: Rect, app: &App, which: Area) {
    let lines = app.details_lines(which);
    let inner = Block::bordered().inner(area);
    let visible = usize::from(inner.height);
    let mut scroll = app.view(which).details_scroll();
    let (rows, all) = crate::panes::rows_past(&lines, inner.width, usize::from(scroll) + visible);
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
