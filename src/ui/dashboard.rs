//! The dashboard: where the user stands and what to do next.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::advisor::{self, Progress};
use crate::app::{Action, App};
use crate::content::Area;
use crate::keymap;
use crate::text::sanitize;
use crate::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let [path, progress, next] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(7),
        Constraint::Min(3),
    ])
    .areas(area);
    draw_path(frame, path, app);
    draw_progress(frame, progress, app);
    draw_next(frame, next, app);
}

fn draw_path(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let goal = app.profile.goal;
    let state_key = keymap::key_for(&Action::ChooseState);
    let goal_key = keymap::key_for(&Action::SwitchGoal);
    let state = match app.profile.state.as_deref() {
        None => format!("not chosen yet (press {state_key})"),
        Some(code) => match app.guide.state(code) {
            Some(record) => format!("{}: {}", record.name, super::license_words(record.license)),
            None => format!(
                "\"{}\" is not in the guide (press {state_key})",
                sanitize(code)
            ),
        },
    };
    let lines = vec![
        Line::from(vec![
            Span::styled("Goal:  ", theme.heading()),
            Span::raw(format!(
                "{} · {} · {goal_key} changes",
                goal.short(),
                goal.title()
            )),
        ]),
        Line::from(vec![
            Span::styled("State: ", theme.heading()),
            Span::raw(state),
        ]),
    ];
    let block = Block::default().borders(Borders::ALL).title(" Your path ");
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

/// A text bar that reads without colour: filled and empty cells differ in shape.
fn bar(progress: Progress, width: usize) -> String {
    let filled = progress.cells(width).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

fn progress_line(label: &str, progress: Progress, width: u16, theme: Theme) -> Line<'static> {
    let counts = format!(
        " {:>3}%  {:>3} done · {:>3} left",
        progress.percent(),
        progress.done,
        progress.left()
    );
    let label = format!(" {label:<14}");
    let used = label.chars().count() + counts.chars().count() + 2;
    let bar_width = usize::from(width).saturating_sub(used).clamp(4, 40);
    Line::from(vec![
        Span::styled(label, theme.heading()),
        Span::styled(bar(progress, bar_width), theme.gauge()),
        Span::raw(counts),
    ])
}

fn draw_progress(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let width = area.width.saturating_sub(2);
    let mut lines = vec![progress_line(
        "Overall",
        advisor::overall_progress(&app.guide, &app.profile),
        width,
        theme,
    )];
    for which in Area::ALL {
        lines.push(progress_line(
            which.title(),
            advisor::area_progress(&app.guide, &app.profile, which),
            width,
            theme,
        ));
    }
    let excluded = advisor::excluded(&app.guide, &app.profile);
    let mut left_out = Vec::new();
    if excluded.not_applicable > 0 {
        left_out.push(format!(
            "{} step{} marked not applicable",
            excluded.not_applicable,
            if excluded.not_applicable == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    if excluded.skipped > 0 {
        left_out.push(format!("{} skipped", excluded.skipped));
    }
    if !left_out.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" {} (left out of the totals)", left_out.join(" · ")),
            theme.muted(),
        )));
    }
    let block = Block::default().borders(Borders::ALL).title(" Progress ");
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn draw_next(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let mut upcoming = advisor::upcoming(&app.guide, &app.profile);
    let mut lines = match upcoming.next() {
        Some((which, step)) => {
            vec![
                Line::from(vec![
                    Span::styled(format!("{} › ", which.title()), theme.muted()),
                    Span::styled(step.title.clone(), theme.heading()),
                ]),
                Line::from(step.summary.clone()),
                Line::default(),
                Line::from(format!(
                    "Press {} to open it; mark it there when it is done.",
                    keymap::key_for(&Action::Confirm)
                )),
            ]
        }
        None => vec![Line::from(Span::styled(
            "[x] Every required step is done. Keep your certification and license current.",
            theme.done(),
        ))],
    };
    let room = usize::from(area.height.saturating_sub(2)).saturating_sub(lines.len() + 2);
    let after: Vec<_> = upcoming.take(room).collect();
    if !after.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("After that", theme.heading())));
        for (which, step) in after {
            lines.push(Line::from(vec![
                Span::raw(format!("{} ", advisor::check(step, &app.profile).symbol())),
                Span::raw(step.title.clone()),
                Span::styled(format!(" ({})", which.title()), theme.muted()),
            ]));
        }
    }
    let block = Block::default().borders(Borders::ALL).title(" Next step ");
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
