//! The first-launch welcome: what medtech does, and the user's goal and state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListState, Paragraph, Wrap};

use crate::app::App;
use crate::content::Goal;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(picker) = &app.welcome else {
        return;
    };
    let theme = app.theme;
    let [intro, goal, list, footer] = Layout::vertical([
        Constraint::Length(5),
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let text = vec![
        Line::from(Span::styled(" Welcome to medtech", theme.title())),
        Line::from(
            " medtech walks you from \"I want to work in a medical lab\" to certified and \
             licensed: education, national certification and your state's license, with \
             sources for every fact. Tick steps as you finish them; progress is saved on \
             this computer.",
        ),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), intro);

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
