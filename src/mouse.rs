//! Mouse clicks and the wheel, turned into the same actions as keys: a tab
//! switches screen, a row is selected, its checkbox toggles, the wheel
//! scrolls the list or the details under it. Where things are comes from
//! `layout`, the functions drawing uses too.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::app::{Action, App, MIN_HEIGHT, MIN_WIDTH, Mode};
use crate::layout;
use crate::profile::Screen;

/// The action a mouse event asks for, if any. Only the main screens take
/// the mouse; popups and forms are for the keyboard.
pub fn action_for(app: &App, event: MouseEvent) -> Option<Action> {
    if app.mode != Mode::Normal || app.size().0 < MIN_WIDTH || app.size().1 < MIN_HEIGHT {
        return None;
    }
    let at = Position::new(event.column, event.row);
    let inside = |r: Rect| r.contains(at);
    let areas = app.areas();
    let parts = app
        .screen
        .area()
        .map(|which| (which, layout::checklist(areas.body, which)));
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if let Some(i) = areas.tab.iter().position(|r| inside(*r)) {
                return Some(Action::Show(Screen::ALL[i]));
            }
            let (area, parts) = parts?;
            let list = parts.list;
            if !inside(list) {
                return None;
            }
            let index = app.view(area).list().offset() + usize::from(at.y - list.y);
            let rows = app.rows(area);
            let row = rows.get(index)?;
            // The checkbox sits after the selection marker and the indent.
            let boxed = list.x + 1 + 2 * u16::try_from(row.depth).unwrap_or(0);
            if (boxed..boxed + 3).contains(&at.x) {
                Some(Action::ToggleRow(index))
            } else {
                Some(Action::SelectRow(index))
            }
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let down = event.kind == MouseEventKind::ScrollDown;
            let (_, parts) = parts?;
            if inside(parts.details_block) {
                Some(Action::DetailsLine(down))
            } else if inside(parts.list) {
                Some(if down { Action::Down } else { Action::Up })
            } else {
                None
            }
        }
        _ => None,
    }
}
