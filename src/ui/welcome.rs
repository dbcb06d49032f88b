//! The first-launch welcome: what medtech does, and the user's goal and state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{Action, App, Picker, usable_backup};
use crate::content::Goal;
use crate::keymap::{self, Context};
use crate::profile::Status;
use crate::session::Recovery;
use crate::text::sanitize;

/// The welcome's parts: the intro, the goal, the state list, the keys.
pub(crate) fn areas(app: &App, area: Rect) -> [Rect; 4] {
    crate::layout::welcome(area, app.intro_rows(area.width))
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, picker: &Picker) {
    let theme = app.theme;
    let [intro, goal, list, footer] = areas(app, area);
    frame.render_widget(app.welcome_intro(), intro);

    let goal_keys = keymap::keys_for(&[Context::Welcome], &Action::SwitchGoal);
    let mut goal_lines = vec![Line::from(Span::styled(
        format!(" Your goal ({goal_keys} to switch):"),
        theme.heading(),
    ))];
    for g in Goal::ALL {
        let mark = if g == picker.goal { "(•)" } else { "( )" };
        let style = if g == picker.goal {
            theme.heading()
        } else {
            theme.muted()
        };
        // Where the terminal is narrow the degree in brackets goes first,
        // then anything still too long ends with "…".
        let mut text = format!("   {mark} {} — {}", g.short(), g.long());
        if text.chars().count() > usize::from(goal.width)
            && let Some((name, _)) = g.long().split_once(" (")
        {
            text = format!("   {mark} {} — {name}", g.short());
        }
        goal_lines.push(Line::from(Span::styled(
            crate::text::truncate(&text, usize::from(goal.width)),
            style,
        )));
    }
    frame.render_widget(Paragraph::new(goal_lines), goal);

    let title = super::popup::picker_title(picker, "Your state");
    super::popup::draw_state_list(frame, list, app, &title, picker.selected);
    frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
}

/// The profile could not be read: what happened, what was kept, what next.
pub fn draw_recovery(frame: &mut Frame, area: Rect, app: &App, recovery: &Recovery) {
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
    let key = |action: Action| keymap::keys_for(keymap::contexts_of(app, &app.mode), &action);
    match (usable_backup(recovery), &recovery.backup) {
        (Some(backup), _) => {
            let done = backup
                .steps
                .values()
                .filter(|r| r.status == Status::Done)
                .count();
            lines.push(Line::from(format!(
                " A backup from your previous session is available: {done} step{} done, goal {}. \
                 Press {} to restore it.",
                if done == 1 { "" } else { "s" },
                backup.goal.short(),
                key(Action::RestoreBackup),
            )));
        }
        (None, Some(_)) => lines.push(Line::from(
            " The backup holds no progress, so there is nothing to restore from it.",
        )),
        (None, None) => lines.push(Line::from(" There is no readable backup.")),
    }
    lines.push(Line::from(format!(
        " Press {} to start a new profile, or {} to quit now and decide next time.",
        key(Action::StartFresh),
        key(Action::Quit),
    )));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
}
