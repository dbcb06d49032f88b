//! The first-launch welcome: what medtech does, and the user's goal and state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListState, Paragraph, Wrap};

use super::text::sanitize;
use crate::app::App;
use crate::content::Goal;

fn intro_paragraph(app: &App) -> Paragraph<'static> {
    let text = vec![
        Line::from(Span::styled(" Welcome to medtech", app.theme.title())),
        Line::from(
            " medtech walks you from \"I want to work in a medical lab\" to certified and \
             licensed: education, national certification and your state's license, with \
             sources for every fact. Tick steps as you finish them; progress is saved on \
             this computer.",
        ),
    ];
    Paragraph::new(text).wrap(Wrap { trim: false })
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(picker) = &app.welcome else {
        return;
    };
    let theme = app.theme;
    let intro_text = intro_paragraph(app);
    let intro_rows = u16::try_from(intro_text.line_count(area.width)).unwrap_or(5);
    let [intro, goal, list, footer] = Layout::vertical([
        Constraint::Length(intro_rows),
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(intro_text, intro);

    let mut goal_lines = vec![Line::from(Span::styled(
        " Your goal (← → to switch):",
        theme.heading(),
    ))];
    for g in Goal::ALL {
        let mark = if g == picker.goal { "(•)" } else { "( )" };
        let style = if g == picker.goal {
            theme.heading()
        } else {
            theme.muted()
        };
        goal_lines.push(Line::from(Span::styled(
            format!("   {mark} {} — {}", g.short(), g.long()),
            style,
        )));
    }
    frame.render_widget(Paragraph::new(goal_lines), goal);

    let mut state = ListState::default().with_selected(Some(picker.selected));
    frame.render_stateful_widget(
        super::popup::state_list(app, " Your state (↑ ↓, Enter to start) "),
        list,
        &mut state,
    );
    frame.render_widget(Paragraph::new(super::hint_line(app)), footer);
}

/// The profile could not be read: what happened, what was kept, what next.
pub fn draw_recovery(frame: &mut Frame, area: Rect, app: &App) {
    let Some(recovery) = &app.recovery else {
        return;
    };
    let theme = app.theme;
    let [body, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let mut lines = vec![
        Line::from(Span::styled(
            " Your profile could not be read",
            theme.error(),
        )),
        Line::default(),
        Line::from(format!(" {}", sanitize(&recovery.problem))),
        Line::default(),
    ];
    match &recovery.moved_to {
        Some(path) => lines.push(Line::from(format!(
            " Nothing was deleted: the file was moved to {} so you can inspect or repair it.",
            sanitize(&path.display().to_string())
        ))),
        None => lines.push(Line::from(" Nothing on disk was changed.")),
    }
    lines.push(Line::default());
    match &recovery.backup {
        Some(backup) => {
            let done = backup.steps.len();
            lines.push(Line::from(format!(
                " A backup from your previous save is available ({done} step(s) done, goal {}). \
                 Press b to restore it.",
                backup.goal.short()
            )));
        }
        None => lines.push(Line::from(" There is no readable backup.")),
    }
    lines.push(Line::from(
        " Press n to start a new profile, or q to quit now and decide next time.",
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    frame.render_widget(Paragraph::new(super::hint_line(app)), footer);
}
