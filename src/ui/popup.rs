//! Popups drawn over the current screen: help and the state picker.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::App;
use crate::content::LicenseRule;
use crate::keymap;

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

pub fn draw_help(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    // Help lists the keys of the screen underneath, not of the popup itself.
    let entries = keymap::help_lines(keymap::screen_contexts(app));
    let key_width = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let legend = [
        " Status: [x] done  [~] partly done  [ ] not done  ! verify",
        " Esc closes this help.",
    ];
    let room = usize::from(area.height.saturating_sub(2));
    let mut lines: Vec<Line> = if entries.len() + legend.len() < room {
        entries
            .into_iter()
            .map(|(keys, description)| {
                Line::from(vec![
                    Span::styled(format!(" {keys:<key_width$}  "), theme.key()),
                    Span::raw(description),
                ])
            })
            .collect()
    } else {
        // Too short for one column: two, each cut to fit.
        let column = usize::from(area.width.min(72).saturating_sub(2)) / 2;
        let cell = |(keys, description): &(String, &str)| {
            let text: String = format!(" {keys:<key_width$} {description}")
                .chars()
                .take(column)
                .collect();
            format!("{text:<column$}")
        };
        let half = entries.len().div_ceil(2);
        (0..half)
            .map(|i| {
                let left = cell(&entries[i]);
                let right = entries.get(i + half).map(cell).unwrap_or_default();
                Line::from(format!("{left}{right}"))
            })
            .collect()
    };
    if lines.len() + legend.len() < room {
        lines.push(Line::default());
        for text in legend {
            lines.push(Line::from(Span::styled(text, theme.muted())));
        }
    }
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let rect = centered(area, 72, height);
    let title = format!(" Keys: {} ", app.screen.title());
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::ALL).title(title))
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// The list of states shared by the welcome screen and the picker popup.
pub fn state_list<'a>(app: &'a App, title: &'a str) -> List<'a> {
    let mut items = vec![ListItem::new(
        "— No state / outside the US / decide later —",
    )];
    for (code, name) in app.state_choices() {
        let rule = app.guide.state(code).map(|s| s.license);
        let words = match rule {
            Some(LicenseRule::Required) => "license required",
            Some(LicenseRule::NotRequired) => "no license",
            Some(LicenseRule::Verify) | None => "verify",
        };
        items.push(ListItem::new(format!("{name} ({code}) — {words}")));
    }
    List::new(items)
        .block(Block::default().borders(Borders::ALL).title(title))
        .highlight_style(app.theme.selected())
        .highlight_symbol("›")
}

pub fn draw_state_picker(frame: &mut Frame, area: Rect, app: &App, selected: usize) {
    let rect = centered(area, 56, area.height.saturating_sub(4).max(8));
    frame.render_widget(Clear, rect);
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(state_list(app, " Choose your state "), rect, &mut state);
}
