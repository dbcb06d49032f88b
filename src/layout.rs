//! Where each part of the screen goes, as pure functions of sizes (the
//! terminal's, and the rows a text takes): no `App`, no drawing. Drawing,
//! mouse hit-testing and `update` (page sizes, how far a text scrolls) all
//! ask here, so they cannot disagree and drawing writes nothing back.

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::widgets::{Block, Paragraph};

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

/// A tab's words, "1 Dashboard"; short titles ("2 Edu") where the whole
/// row would not fit `width`.
pub fn tab_label(screen: Screen, width: u16) -> String {
    let full: usize = 1 + Screen::ALL
        .iter()
        .map(|s| s.title().chars().count() + 5)
        .sum::<usize>();
    let title = if full > usize::from(width) {
        screen.short_title()
    } else {
        screen.title()
    };
    format!("{} {title}", screen.number())
}

/// Where each tab's label sits: " 1 Dashboard " and the rest, a space apart.
fn tab_areas(tabs: Rect) -> [Rect; 5] {
    let mut x = tabs.x + 1;
    Screen::ALL.map(|screen| {
        let label = tab_label(screen, tabs.width);
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

/// The state picker popup over `area`: its box, the list, the key hints.
pub fn state_picker(area: Rect) -> (Rect, Rect, Rect) {
    let rect = centered(area, 56, area.height.saturating_sub(4).max(8));
    let [list, keys] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(rect);
    (rect, list, keys)
}

/// The welcome's parts for an intro of `intro_rows`: the intro, the goal,
/// the state list, the keys.
pub fn welcome(area: Rect, intro_rows: u16) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(intro_rows),
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The rows a state list (`list`, with its border) shows at once.
pub fn list_page(list: Rect) -> usize {
    usize::from(list.height.saturating_sub(2)).max(1)
}

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

/// The help popup's width over `area`.
pub fn help_width(area: Rect) -> u16 {
    area.width.min(76)
}

/// The help popup's box and how far its text scrolls, for `lines`.
pub fn help_rect(area: Rect, lines: usize) -> (Rect, u16) {
    let total = u16::try_from(lines).unwrap_or(u16::MAX);
    let height = total.saturating_add(2).min(area.height);
    let max = total.saturating_sub(height.saturating_sub(2));
    (centered(area, help_width(area), height), max)
}

/// An info popup's box, the rows its text shows, and how far it scrolls.
pub fn info_layout(area: Rect, paragraph: &Paragraph) -> (Rect, u16, u16) {
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
