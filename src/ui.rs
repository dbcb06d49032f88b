//! Rendering: reads the app and draws it; never changes state.

mod checklist;
mod dashboard;
mod popup;
mod programs;
mod setup;
pub mod sources;
mod study;
mod upkeep;
mod welcome;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Mode};
use crate::content::LicenseRule;
use crate::keymap;
use crate::profile::Screen;
use crate::text;

pub use crate::layout;
pub(crate) use crate::panes::license_mark;

/// How far the help, what-if or explain popup scrolls at the app's size.
pub fn scroll_max(app: &App) -> u16 {
    app.scroll_max()
}

/// Draws the app into the frame, the text cursor included (in a field
/// being typed in). Reads the app and changes nothing.
pub fn draw(frame: &mut Frame, app: &App) {
    draw_screen(frame, app);
    // ASCII stand-ins where the locale is not UTF-8 (or `--ascii`).
    app.theme.fold(frame.buffer_mut());
}

fn draw_screen(frame: &mut Frame, app: &App) {
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
        Mode::Help(under) => {
            // The help over the view it was opened from.
            if let Mode::Programs(view) = under.as_ref() {
                programs::draw(frame, area, app, view);
            }
            popup::draw_help(frame, area, app);
        }
        Mode::StatePicker(picker) => popup::draw_state_picker(frame, area, app, picker),
        Mode::ConfirmGoal => popup::draw_confirm_goal(frame, area, app),
        Mode::Note(editor) => popup::draw_note(frame, area, app, editor),
        Mode::Date(prompt) => popup::draw_date(frame, area, app, prompt),
        Mode::WhatIf(view) => popup::draw_what_if(frame, area, app, view),
        Mode::Explain => popup::draw_explain(frame, area, app),
        Mode::Compare(text) => popup::draw_compare(frame, area, app, text),
        Mode::Search(view) => popup::draw_search(frame, area, app, view),
        Mode::Sources(first) => sources::draw(frame, area, app, *first),
        Mode::Study(view) => study::draw(frame, area, app, view),
        Mode::Programs(view) => programs::draw(frame, area, app, view),
        Mode::Ce(form) => upkeep::draw_form(frame, area, app, form),
        Mode::Normal | Mode::Welcome(_) | Mode::Recovery(_) | Mode::Setup(_) => {}
    }
}

fn draw_main(frame: &mut Frame, area: Rect, app: &App) {
    let banner = app.banner();
    let areas = layout::areas(area, crate::panes::banner_rows(&banner, area.width));
    draw_header(frame, areas.header, app);
    draw_tabs(frame, areas.tabs, app);
    match app.screen.area() {
        None if app.screen == Screen::Upkeep => upkeep::draw(frame, areas.body, app),
        None => dashboard::draw(frame, areas.body, app),
        Some(which) => checklist::draw(frame, layout::checklist(areas.body, which), app, which),
    }
    frame.render_widget(crate::panes::wrapped(banner), areas.banner);
    frame.render_widget(hint_line(app, areas.footer.width), areas.footer);
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let title = Line::from(vec![
        Span::styled(" medtech", theme.title()),
        Span::raw(" · "),
        Span::styled(app.screen.title(), theme.heading()),
    ]);
    frame.render_widget(Paragraph::new(title), area);
    let state = match app.profile().state.as_deref() {
        Some(code) => app
            .guide()
            .state(code)
            .map_or_else(|| text::sanitize(code), |s| s.name.clone()),
        None => "no state chosen".to_owned(),
    };
    let right = Line::from(format!("Goal: {} · {state} ", app.profile().goal.short()));
    frame.render_widget(Paragraph::new(right).alignment(Alignment::Right), area);
}

fn draw_tabs(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let mut spans = vec![Span::raw(" ")];
    for screen in Screen::ALL {
        let label = layout::tab_label(screen, area.width);
        if screen == app.screen {
            spans.push(Span::styled(format!("[{label}]"), theme.tab_active()));
        } else {
            spans.push(Span::styled(format!(" {label} "), theme.tab()));
        }
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Line::from(spans), area);
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
