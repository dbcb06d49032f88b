//! Popups drawn over the current screen: help, the state picker, the goal
//! question, the note editor and the date prompt.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::{App, DatePrompt, Mode, NoteEditor, Picker, SearchView, WhatIfView};
use crate::content::LicenseRule;
pub use crate::layout::centered;
use crate::layout::{help_rect, info_layout};
pub use crate::panes::wrap;
use crate::panes::{compare_lines, info_paragraph};
use crate::text::{sanitize, truncate};
use crate::textarea::TextAreaView;

/// What the help popup is titled: the screen or popup it describes.
fn help_title(app: &App) -> &'static str {
    match app.base_mode() {
        Mode::Welcome(_) => "Welcome",
        Mode::Recovery(_) => "Recovery",
        Mode::StatePicker(_) => "Choose your state",
        Mode::Programs(_) => "Programs",
        _ => app.screen.title(),
    }
}

pub fn draw_help(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let lines = app.help_lines(area);
    let (rect, max) = help_rect(area, lines.len());
    let scroll = app.help_scroll().min(max);
    let mut title = vec![Span::raw(format!(" Keys: {} ", help_title(app)))];
    if scroll > 0 {
        title.push(Span::styled("↑ more ", theme.key()));
    }
    if scroll < max {
        title.push(Span::styled("↓ more ", theme.key()));
    }
    frame.render_widget(Clear, rect);
    // Lines wrapped to fit already.
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(Block::bordered().title(Line::from(title))),
        rect,
    );
}

/// The list of states shared by the welcome screen and the picker popup.
/// The state list (the welcome's and the picker's) in `area`, with
/// `selected` marked: "no state" first, then every state and its rule.
/// Drawn as ratatui's `List` draws it, building only the rows in view.
pub fn draw_state_list(frame: &mut Frame, area: Rect, app: &App, title: &str, selected: usize) {
    let choices = app.state_choices();
    let none = std::iter::once(ListItem::new(
        "— No state / outside the US / decide later —",
    ));
    let states = choices.iter().map(|(code, name)| {
        let words = match app.guide().state(code).map(|s| s.license) {
            Some(LicenseRule::Required) => "license required",
            Some(LicenseRule::NotRequired) => "no license",
            Some(LicenseRule::Verify) | None => "verify",
        };
        ListItem::new(format!("{name} ({code}) — {words}"))
    });
    let list = List::new(none.chain(states))
        .block(Block::bordered().title(title.to_owned()))
        .highlight_style(app.theme.selected())
        .highlight_symbol("›");
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(list, area, &mut state);
}

/// The picker's title: how to use it, and what has been typed.
pub fn picker_title(picker: &Picker, what: &str) -> String {
    if picker.typed.is_empty() {
        format!(" {what} · j/k move · type a name to jump ")
    } else {
        format!(" {what} · typed: {} (↑↓ move) ", sanitize(&picker.typed))
    }
}

pub fn draw_state_picker(frame: &mut Frame, area: Rect, app: &App, picker: &Picker) {
    let (rect, list, footer) = super::layout::state_picker(area);
    frame.render_widget(Clear, rect);
    let what = if picker.compare {
        "Compare yours with"
    } else {
        "Choose your state"
    };
    let title = picker_title(picker, what);
    draw_state_list(frame, list, app, &title, picker.selected);
    frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
}

pub fn draw_confirm_goal(frame: &mut Frame, area: Rect, app: &App) {
    let from = app.profile().goal;
    let to = from.other();
    let lines = vec![
        Line::from(format!(
            " Switch your goal from {} to {}?",
            from.short(),
            to.short()
        )),
        Line::from(format!(" {}", to.long())),
        Line::from(" Everything you marked is kept; the checklists change."),
        Line::default(),
        super::hint_line(app, 56),
    ];
    let rect = centered(area, 60, 7);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(" Change goal "),
        ),
        rect,
    );
}

pub fn draw_note(frame: &mut Frame, area: Rect, app: &App, editor: &NoteEditor) {
    let width = area.width.saturating_sub(4).min(72);
    let height = area.height.saturating_sub(4).min(16);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let [text_area, footer] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(rect);
    let title = format!(
        " Note: {} ",
        truncate(&editor.title, usize::from(width.saturating_sub(10)))
    );
    let view = TextAreaView::new(&editor.text).block(
        Block::default()
            .borders(Borders::ALL)
            .title(title)
            .border_style(app.theme.key()),
    );
    frame.render_widget(&view, text_area);
    if let Some(position) = view.cursor_position(text_area) {
        frame.set_cursor_position(position);
    }
    let footer_line = super::hint_line(app, footer.width);
    frame.render_widget(Paragraph::new(footer_line).style(app.theme.muted()), footer);
}

pub fn draw_date(frame: &mut Frame, area: Rect, app: &App, prompt: &DatePrompt) {
    let width = area.width.saturating_sub(4).min(60);
    let rect = centered(area, width, 8);
    frame.render_widget(Clear, rect);
    let block = Block::default().borders(Borders::ALL).title(" Date done ");
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [question, field, message, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(format!(
            " When did you finish “{}”? YYYY-MM or YYYY-MM-DD",
            prompt.title
        ))
        .wrap(Wrap { trim: false }),
        question,
    );
    let [label, input] =
        Layout::horizontal([Constraint::Length(7), Constraint::Min(1)]).areas(field);
    frame.render_widget(Paragraph::new(" Date: "), label);
    let view = TextAreaView::new(&prompt.input).style(app.theme.selected());
    frame.render_widget(&view, input);
    if let Some(position) = view.cursor_position(input) {
        frame.set_cursor_position(position);
    }
    if let Some(error) = &prompt.error {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" ✗ {error}"), app.theme.error()))
                .wrap(Wrap { trim: false }),
            message,
        );
    }
    frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
}

/// A popup of wrapped lines with the key hints at the bottom.
fn info_popup(frame: &mut Frame, area: Rect, app: &App, title: &str, lines: Vec<Line<'static>>) {
    let paragraph = info_paragraph(lines);
    let (rect, _, max) = info_layout(area, &paragraph);
    let scroll = app.help_scroll().min(max);
    let mut heading = vec![Span::raw(format!(" {title} "))];
    if scroll > 0 {
        heading.push(Span::styled("↑ more ", app.theme.key()));
    }
    if scroll < max {
        heading.push(Span::styled("↓ more ", app.theme.key()));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::from(heading));
    let body = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let [text, keys] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(body);
    frame.render_widget(paragraph.scroll((scroll, 0)), text);
    frame.render_widget(Paragraph::new(super::hint_line(app, keys.width)), keys);
}

pub fn draw_what_if(frame: &mut Frame, area: Rect, app: &App, view: &WhatIfView) {
    info_popup(
        frame,
        area,
        app,
        "What if",
        crate::panes::what_if_lines(app.theme, &view.title, view.result.as_ref()),
    );
}

/// Your state beside another: the text `medtech compare` prints.
pub fn draw_compare(frame: &mut Frame, area: Rect, app: &App, text: &str) {
    info_popup(
        frame,
        area,
        app,
        "Your state beside another",
        compare_lines(text),
    );
}

pub fn draw_explain(frame: &mut Frame, area: Rect, app: &App) {
    info_popup(
        frame,
        area,
        app,
        "How the estimates are made",
        crate::panes::explain_lines(app.theme, app.advice()),
    );
}

pub fn draw_search(frame: &mut Frame, area: Rect, app: &App, view: &SearchView) {
    let theme = app.theme;
    let width = area.width.saturating_sub(4).min(76);
    let height = area.height.saturating_sub(4).min(20);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Search every checklist ");
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [field, count, list, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let [label, input] =
        Layout::horizontal([Constraint::Length(3), Constraint::Min(1)]).areas(field);
    frame.render_widget(Paragraph::new(Span::styled(" / ", theme.key())), label);
    let input_view = TextAreaView::new(&view.query);
    frame.render_widget(&input_view, input);
    if let Some(position) = input_view.cursor_position(input) {
        frame.set_cursor_position(position);
    }
    let words = if view.query.is_empty() {
        "Type words from a step's title, text or facts.".to_owned()
    } else if view.hits.is_empty() {
        "No step matches.".to_owned()
    } else {
        format!(
            "{} match{}",
            view.hits.len(),
            if view.hits.len() == 1 { "" } else { "es" }
        )
    };
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {words}"), theme.muted())),
        count,
    );
    let room = usize::from(list.width.saturating_sub(2));
    let items: Vec<ListItem> = view
        .hits
        .iter()
        .map(|hit| {
            let place = format!("{} › ", hit.area.title());
            let found = format!(" ({})", hit.found_in);
            let title = truncate(
                &hit.title,
                room.saturating_sub(place.chars().count() + found.chars().count()),
            );
            ListItem::new(Line::from(vec![
                Span::styled(place, theme.muted()),
                Span::raw(title),
                Span::styled(found, theme.muted()),
            ]))
        })
        .collect();
    let mut state =
        ListState::default().with_selected((!view.hits.is_empty()).then_some(view.selected));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(theme.selected())
            .highlight_symbol("›"),
        list,
        &mut state,
    );
    frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
}
