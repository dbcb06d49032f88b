//! Where each part of the screen goes, as a pure function of the
//! terminal's size and what is shown. Drawing, mouse hit-testing and
//! `update` (page sizes, how far a text scrolls) all ask here, so they
//! cannot disagree and drawing writes nothing back.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;

use crate::app::App;
use crate::content::Area;
use crate::profile::Screen;

/// The main screen's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub tabs: Rect,
    /// Each screen's tab, in `Screen::ALL` order, for the mouse.
    pub tab: [Rect; 5],
    pub body: Rect,
    /// The warnings above the footer (no rows when there are none).
    pub banner: Rect,
    pub footer: Rect,
    /// The sources view's list of links (one a row), and its key hints.
    pub sources: Rect,
    pub sources_keys: Rect,
}

/// A checklist screen's parts, inside the main screen's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checklist {
    /// The state's two lines above the Licensing list (empty elsewhere).
    pub info: Rect,
    pub list_block: Rect,
    /// The list's rows, inside its border.
    pub list: Rect,
    pub details_block: Rect,
    /// The details' text, inside its border.
    pub details_text: Rect,
}

/// The parts of a screen of `area` with `banner_rows` of warnings.
pub fn areas(area: Rect, banner_rows: u16) -> Areas {
    let [header, tabs, body, banner, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(banner_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    let [sources, sources_keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)])
        .areas(Block::bordered().inner(area));
    Areas {
        header,
        tabs,
        tab: tab_areas(tabs),
        body,
        banner,
        footer,
        sources,
        sources_keys,
    }
}

/// Where each tab's label sits: " 1 Dashboard " and the rest, a space apart.
fn tab_areas(tabs: Rect) -> [Rect; 5] {
    let mut x = tabs.x + 1;
    Screen::ALL.map(|screen| {
        let label = super::tab_label(screen, tabs.width);
        let width = u16::try_from(label.chars().count() + 2).unwrap_or(0);
        let rect = Rect::new(x, tabs.y, width.min(tabs.right().saturating_sub(x)), 1);
        x = x.saturating_add(width + 1);
        rect
    })
}

/// The parts of checklist `which` in `body`.
pub fn checklist(body: Rect, which: Area) -> Checklist {
    let info_height = if which == Area::Licensing { 2 } else { 0 };
    let [info, lists] =
        Layout::vertical([Constraint::Length(info_height), Constraint::Min(1)]).areas(body);
    // About half, but a wide terminal gives the extra room to the details
    // rather than stretching the titles.
    let list_width = (lists.width * 48 / 100).min(64);
    let [list_block, details_block] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(1)]).areas(lists);
    Checklist {
        info,
        list_block,
        list: Block::bordered().inner(list_block),
        details_block,
        details_text: Block::bordered().inner(details_block),
    }
}

/// The main screen's parts at the app's size.
pub fn of(app: &App) -> Areas {
    let (width, height) = app.size();
    areas(
        Rect::new(0, 0, width, height),
        super::banner_rows(app, width),
    )
}

/// Checklist `which`'s parts at the app's size.
pub fn checklist_of(app: &App, which: Area) -> Checklist {
    checklist(of(app).body, which)
}

/// The state picker popup over `area`: its box, the list, the key hints.
pub fn state_picker(area: Rect) -> (Rect, Rect, Rect) {
    let rect = super::popup::centered(area, 56, area.height.saturating_sub(4).max(8));
    let [list, keys] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(rect);
    (rect, list, keys)
}
