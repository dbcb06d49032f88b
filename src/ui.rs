//! Rendering: reads the app and draws it; never changes state.

mod checklist;
mod dashboard;
pub mod layout;
pub mod paint;
mod popup;
mod setup;
pub mod sources;
mod welcome;
pub mod wrap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Mode};
use crate::content::LicenseRule;
use crate::keymap;
use crate::profile::Screen;
use crate::text;

/// Where a screen is drawn: the cells of the whole terminal. What
/// ratatui's `Frame` offers the drawing code, over a buffer the app owns
/// (`Frames` in `lib.rs` keeps two, where ratatui's `Terminal` keeps two
/// and the app needed a third). The cursor goes to `App::cursor`.
pub struct Frame<'a> {
    buffer: &'a mut Buffer,
}

impl<'a> Frame<'a> {
    pub fn new(buffer: &'a mut Buffer) -> Frame<'a> {
        Frame { buffer }
    }

    pub fn area(&self) -> Rect {
        self.buffer.area
    }

    pub fn buffer_mut(&mut self) -> &mut Buffer {
        self.buffer
    }

    pub fn render_widget<W: ratatui::widgets::Widget>(&mut self, widget: W, area: Rect) {
        widget.render(area, self.buffer);
    }

    pub fn render_stateful_widget<W: ratatui::widgets::StatefulWidget>(
        &mut self,
        widget: W,
        area: Rect,
        state: &mut W::State,
    ) {
        widget.render(area, self.buffer, state);
    }
}

/// Draws the app into ratatui's frame (tests, benches, and any
/// `Terminal::draw`): the same cells and cursor as the app's own loop.
pub fn draw(frame: &mut ratatui::Frame, app: &App) {
    render(&mut Frame::new(frame.buffer_mut()), app);
    if let Some(position) = app.cursor.get() {
        frame.set_cursor_position(position);
    }
}

/// Draws the app into a blank buffer the size of the terminal, and sets
/// `App::cursor` to where the text cursor shows, if anywhere.
pub fn render(frame: &mut Frame, app: &App) {
    app.cursor.set(None);
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, area, app);
        return;
    }
    match app.base_mode() {
        Mode::Recovery(recovery) => welcome::draw_recovery(frame, area, app, recovery),
        Mode::Welcome(picker) => welcome::draw(frame, area, app, picker),
        Mode::Setup(form) => setup::draw(frame, area, app, form),
        _ => draw_main(frame, area, app),
    }
    match &app.mode {
        Mode::Help(_) => popup::draw_help(frame, area, app),
        Mode::StatePicker(picker) => popup::draw_state_picker(frame, area, app, picker),
        Mode::ConfirmGoal => popup::draw_confirm_goal(frame, area, app),
        Mode::Note(editor) => popup::draw_note(frame, area, app, editor),
        Mode::Date(prompt) => popup::draw_date(frame, area, app, prompt),
        Mode::WhatIf(view) => popup::draw_what_if(frame, area, app, view),
        Mode::Explain => popup::draw_explain(frame, area, app),
        Mode::Search(view) => popup::draw_search(frame, area, app, view),
        Mode::Sources(first) => sources::draw(frame, area, app, *first),
        Mode::Normal | Mode::Welcome(_) | Mode::Recovery(_) | Mode::Setup(_) => {}
    }
}

/// Work for the time between keys: the details of the steps beside the
/// selected one.
pub use checklist::prefetch;

/// Shows the terminal's cursor at `position` after this frame (in the
/// field being typed in), and tells the loop where it is.
pub(crate) fn place_cursor(app: &App, position: Position) {
    app.cursor.set(Some(position));
}

fn draw_main(frame: &mut Frame, area: Rect, app: &App) {
    let (banner, banner_rows) = banner_paragraph(app, area.width);
    let [header, tabs, body, status, footer] = layout::column(area, [1, 1, 1, banner_rows, 1], 2);
    draw_header(frame, header, app);
    draw_tabs(frame, tabs, app);
    match app.screen.area() {
        None => dashboard::draw(frame, body, app),
        Some(area) => checklist::draw(frame, body, app, area),
    }
    frame.render_widget(banner, status);
    draw_footer(frame, footer, app);
}

/// The warnings above the footer: read-only, unsaved, and a notice.
fn banner(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = Vec::new();
    if app.read_only {
        let why = app
            .read_only_reason
            .as_deref()
            .unwrap_or(crate::session::HELD_ELSEWHERE);
        lines.push(Line::from(Span::styled(
            format!(
                " READ-ONLY: {}. Nothing here is saved.",
                text::sanitize(why)
            ),
            theme.warning(),
        )));
    }
    if let Some(why) = &app.unsaved {
        lines.push(Line::from(Span::styled(
            format!(
                " NOT SAVED: {}. Your changes are kept in memory; medtech retries on the next change.",
                text::sanitize(why)
            ),
            theme.error(),
        )));
    }
    if let Some(notice) = &app.notice {
        lines.push(Line::from(Span::styled(
            format!(" {}", text::sanitize(&keymap::expand(notice))),
            theme.warning(),
        )));
    }
    lines
}

/// The banner as a wrapped paragraph and the rows it needs (at most 4).
fn banner_paragraph(app: &App, width: u16) -> (Paragraph<'static>, u16) {
    let paragraph = Paragraph::new(banner(app)).wrap(Wrap { trim: false });
    let rows = u16::try_from(paragraph.line_count(width)).unwrap_or(u16::MAX);
    (paragraph, rows.min(4))
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let title = Line::from(vec![
        Span::styled(" medtech", theme.title()),
        Span::raw(" · "),
        Span::styled(app.screen.title(), theme.heading()),
    ]);
    paint::line(frame.buffer_mut(), area, 0, &title);
    let state = match app.profile.state.as_deref() {
        Some(code) => app
            .guide
            .state(code)
            .map_or_else(|| text::sanitize(code), |s| s.name.clone()),
        None => "no state chosen".to_owned(),
    };
    let right = Line::from(format!("Goal: {} · {state} ", app.profile.goal.short()));
    // Right-aligned, as `Paragraph` aligns it; one too long for the row is
    // left to `Paragraph`, which cuts it from the left.
    match u16::try_from(right.width()) {
        Ok(width) if width <= area.width => {
            let at = Rect {
                x: area.right() - width,
                width,
                ..area
            };
            paint::line(frame.buffer_mut(), at, 0, &right);
        }
        _ => frame.render_widget(Paragraph::new(right).alignment(Alignment::Right), area),
    }
}

fn draw_tabs(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let mut spans = vec![Span::raw(" ")];
    let mut rects = [Rect::default(); 4];
    let mut x = area.x + 1;
    for (i, screen) in Screen::ALL.into_iter().enumerate() {
        let label = format!("{} {}", screen.number(), screen.title());
        let width = u16::try_from(label.chars().count() + 2).unwrap_or(0);
        rects[i] = Rect::new(x, area.y, width.min(area.right().saturating_sub(x)), 1);
        x = x.saturating_add(width + 1);
        if screen == app.screen {
            spans.push(Span::styled(format!("[{label}]"), theme.tab_active()));
        } else {
            spans.push(Span::styled(format!(" {label} "), theme.tab()));
        }
        spans.push(Span::raw(" "));
    }
    app.tab_rects.set(rects);
    paint::line(frame.buffer_mut(), area, 0, &Line::from(spans));
}

/// Key hints generated from the keymap for what is on screen now. Hints
/// that do not fit are left out whole, never cut; help and quit go last.
pub(crate) fn hint_line(app: &App, width: u16) -> Line<'static> {
    let theme = app.theme;
    let mut hints = keymap::hints_now(app);
    let cost = |hints: &[(String, &str)]| -> usize {
        1 + hints
            .iter()
            .map(|(k, w)| k.chars().count() + w.chars().count() + 3)
            .sum::<usize>()
    };
    while cost(&hints) > usize::from(width) && !hints.is_empty() {
        // Drop the least needed: the last hint before help and quit.
        let keep_last = hints
            .iter()
            .rev()
            .take_while(|(_, w)| matches!(*w, "help" | "quit"))
            .count();
        let drop = hints.len().saturating_sub(keep_last + 1);
        hints.remove(drop.min(hints.len() - 1));
    }
    let mut spans = vec![Span::raw(" ")];
    for (keys, words) in hints {
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::raw(format!(" {words}  ")));
    }
    Line::from(spans)
}

/// What the footer's hints depend on: they are worked out again only when
/// one of these changes, not on every key.
#[derive(Clone, PartialEq)]
struct FooterKey {
    contexts: &'static [keymap::Context],
    read_only: bool,
    width: u16,
    theme: crate::theme::Theme,
}

thread_local! {
    static FOOTER: std::cell::RefCell<Option<(FooterKey, Line<'static>)>> =
        const { std::cell::RefCell::new(None) };
}

fn draw_footer(frame: &mut Frame, area: Rect, app: &App) {
    let key = FooterKey {
        contexts: keymap::active_contexts(app),
        read_only: app.read_only,
        width: area.width,
        theme: app.theme,
    };
    FOOTER.with_borrow_mut(|cache| {
        let line = match cache {
            Some((cached, line)) if *cached == key => line,
            _ => &mut cache.insert((key, hint_line(app, area.width))).1,
        };
        paint::line(frame.buffer_mut(), area, 0, line);
    });
}

fn draw_too_small(frame: &mut Frame, area: Rect, app: &App) {
    let message = format!(
        "medtech needs a terminal of at least {MIN_WIDTH}x{MIN_HEIGHT}; this one is {}x{}. \
         Make the window larger, or press {} to quit.",
        area.width,
        area.height,
        keymap::keys_for(&[keymap::Context::TooSmall], &crate::app::Action::Quit)
    );
    let paragraph = Paragraph::new(message)
        .style(app.theme.warning())
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}

/// How a state's license rule reads, in words.
pub(crate) fn license_words(rule: LicenseRule) -> &'static str {
    match rule {
        LicenseRule::Required => "a personal license is required",
        LicenseRule::NotRequired => "no personal license is required",
        LicenseRule::Verify => "license rule unclear: verify with the state",
    }
}

/// A license verdict as a symbol and a style, readable without colour.
pub(crate) fn license_mark(
    verdict: &str,
    theme: crate::theme::Theme,
) -> (&'static str, ratatui::style::Style) {
    match verdict {
        "accepted" => ("[✓]", theme.done()),
        "not_accepted" => ("[✗]", theme.error()),
        "no_license" => ("[-]", theme.muted()),
        _ => ("[?]", theme.warning()),
    }
}
