//! Popups drawn over the current screen: help, the state picker, the goal
//! question, the note editor and the date prompt.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::advisor::eligibility;
use crate::app::{Action, App, DatePrompt, Mode, NoteEditor, Picker, SearchView, WhatIfView};
use crate::content::LicenseRule;
use crate::keymap;
use crate::text::{sanitize, truncate};
use crate::textarea::TextAreaView;

/// A centred rectangle of at most `width` x `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

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

/// The help popup's lines, at a terminal of `area`.
fn help_lines(app: &App, area: Rect) -> Vec<Line<'static>> {
    let theme = app.theme;
    // Help lists the keys of the screen underneath, not of the popup itself.
    let entries = keymap::help_now(app);
    let key_width = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let close = keymap::keys_for(keymap::contexts_of(app, &app.mode), &Action::Close);
    let legend = [
        " [ ] to do  [~] in progress  [x] done  [+] partly done".to_owned(),
        " [-] not applicable  [/] skipped  ✎ note  ! verify".to_owned(),
        format!(" {close} closes this help."),
    ];
    let inner = usize::from(help_width(area).saturating_sub(2));
    // One column; a description longer than its room wraps under itself,
    // and what does not fit the screen scrolls: nothing is cut.
    let room = inner.saturating_sub(key_width + 3).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for (keys, description) in &entries {
        for (i, part) in wrap(description, room).into_iter().enumerate() {
            let keys = if i == 0 { keys.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!(" {keys:<key_width$}  "), theme.key()),
                Span::raw(part),
            ]));
        }
    }
    // The legend always follows; what does not fit scrolls.
    lines.push(Line::default());
    for text in legend {
        for part in wrap(&text, inner.saturating_sub(1).max(10)) {
            lines.push(Line::from(Span::styled(
                format!(" {}", part.trim_start()),
                theme.muted(),
            )));
        }
    }
    lines
}

/// Breaks `text` into lines at most `width` columns wide, at spaces where
/// it can and inside a word (a URL) only when a word is longer than a line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split(' ') {
        let word_width = unicode_width::UnicodeWidthStr::width(word);
        let gap = usize::from(!line.is_empty());
        if line_width + gap + word_width <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            line_width += gap + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if line_width + w > width {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push(c);
            line_width += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn help_width(area: Rect) -> u16 {
    area.width.min(76)
}

/// The help popup's box and how far its text scrolls, for `lines`.
fn help_rect(area: Rect, lines: usize) -> (Rect, u16) {
    let total = u16::try_from(lines).unwrap_or(u16::MAX);
    let height = total.saturating_add(2).min(area.height);
    let max = total.saturating_sub(height.saturating_sub(2));
    (centered(area, help_width(area), height), max)
}

/// How far the help, what-if or explain popup scrolls at the app's size.
pub fn scroll_max(app: &App) -> u16 {
    let (width, height) = app.size();
    let area = Rect::new(0, 0, width, height);
    match &app.mode {
        Mode::Help(_) => help_rect(area, help_lines(app, area).len()).1,
        Mode::WhatIf(view) => info_layout(area, &info_paragraph(what_if_lines(app, view))).2,
        Mode::Explain => info_layout(area, &info_paragraph(explain_lines(app))).2,
        Mode::Compare(text) => info_layout(area, &info_paragraph(compare_lines(text))).2,
        _ => 0,
    }
}

pub fn draw_help(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let lines = help_lines(app, area);
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

/// A popup's text, wrapped, with a blank row before the key hints.
fn info_paragraph(mut lines: Vec<Line<'static>>) -> Paragraph<'static> {
    lines.push(Line::default());
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// An info popup's box, the rows its text shows, and how far it scrolls.
fn info_layout(area: Rect, paragraph: &Paragraph) -> (Rect, u16, u16) {
    let width = area.width.saturating_sub(4).min(72);
    let rows = u16::try_from(paragraph.line_count(width.saturating_sub(2))).unwrap_or(u16::MAX);
    // The text scrolls; the keys stay on the last row.
    let height = rows.saturating_add(3).min(area.height);
    let visible = height.saturating_sub(3);
    (
        centered(area, width, height),
        visible,
        rows.saturating_sub(visible),
    )
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
    info_popup(frame, area, app, "What if", what_if_lines(app, view));
}

fn what_if_lines(app: &App, view: &WhatIfView) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = vec![Line::from(Span::styled(
        format!("If you finished “{}” now:", view.title),
        theme.heading(),
    ))];
    match &view.result {
        None => lines.push(Line::from(
            "This step does not change which certification routes you qualify for.",
        )),
        Some(result) => {
            lines.push(Line::from(Span::styled(
                format!("(taken as: {})", result.assumption),
                theme.muted(),
            )));
            if result.opens.is_empty() {
                lines.push(Line::from(
                    "No new route would open: see the Certification screen for what is missing.",
                ));
            }
            for (label, closes) in &result.opens {
                let window = closes.map_or_else(
                    || " (no time limit)".to_owned(),
                    |d| format!(", a window that stays open until {d}"),
                );
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{} ", eligibility::Verdict::Met.symbol()),
                        theme.done(),
                    ),
                    Span::raw(format!("{label} would be met{window}")),
                ]));
            }
        }
    }
    lines
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

fn compare_lines(text: &str) -> Vec<Line<'static>> {
    text.lines().map(|l| Line::from(sanitize(l))).collect()
}

pub fn draw_explain(frame: &mut Frame, area: Rect, app: &App) {
    info_popup(
        frame,
        area,
        app,
        "How the estimates are made",
        explain_lines(app),
    );
}

fn explain_lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let finish = &app.advice().finish;
    let cost = &app.advice().cost;
    let mut lines = vec![Line::from(Span::styled("Finish date", theme.heading()))];
    lines.push(Line::from(
        "The typical durations of the required steps still ahead, one after another \
         (steps done, not applicable or skipped are left out; so is education when a \
         route is already met). Real paths often overlap steps.",
    ));
    for (title, weeks) in &finish.counted {
        lines.push(Line::from(format!("• {title}: {}", weeks.words())));
    }
    if finish.without_duration > 0 {
        lines.push(Line::from(Span::styled(
            format!(
                "{} step(s) ahead have no typical time in the guide and count as none.",
                finish.without_duration
            ),
            theme.muted(),
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Money still to spend",
        theme.heading(),
    )));
    lines.push(Line::from(
        "Fees from the guide, each with the year it was published; they change, so check \
         them before you pay.",
    ));
    for (what, low, high, year) in &cost.items {
        let amount = if low == high {
            format!("${low}")
        } else {
            format!("${low}–${high}")
        };
        // Year 0: a figure the person entered (their program's tuition).
        let year = if *year == 0 {
            "your entry".to_owned()
        } else {
            year.to_string()
        };
        lines.push(Line::from(format!("• {what}: {amount} ({year})")));
    }
    for unknown in &cost.unknown {
        lines.push(Line::from(Span::styled(
            format!("• {unknown}: unknown (not in the guide)"),
            theme.warning(),
        )));
    }
    lines
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
