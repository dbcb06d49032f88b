//! Every source of the guide, one a line and never wrapped, so a link can be
//! clicked or copied whole. Links are written as OSC 8 hyperlinks where the
//! app is told the terminal supports them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::{App, Mode};
use crate::content::Tier;
use crate::text::sanitize;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, first: usize) {
    let theme = app.theme;
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(format!(
        " Sources: {} · links are not wrapped ",
        app.guide().sources.len()
    ));
    frame.render_widget(block, area);
    let parts = super::layout::areas(area, 0);
    let (list, footer) = (parts.sources, parts.sources_keys);
    let today = app.clock.today();
    for (row, source) in app
        .guide()
        .sources
        .iter()
        .skip(first)
        .take(usize::from(list.height))
        .enumerate()
    {
        let y = list.y + u16::try_from(row).unwrap_or(0);
        let url = sanitize(&source.url);
        let tier = match source.tier {
            Tier::Official => "official",
            Tier::Copy => "copy of an official text",
            Tier::ThirdParty => "third party",
        };
        let seen = source.checked.unwrap_or(source.verified);
        let old = seen.saturating_add(jiff::Span::new().years(1)) < today;
        let checked = source.checked.map_or_else(
            || "not re-checked since written".to_owned(),
            |day| format!("page checked {day}"),
        );
        let about = format!(
            "  {} — {} · written {} · {checked}{} · {tier}",
            source.title,
            source.publisher,
            source.verified,
            if old { " (over a year ago)" } else { "" }
        );
        let line = Line::from(vec![
            Span::styled(url.clone(), theme.link()),
            Span::styled(about, theme.muted()),
        ]);
        let rect = Rect::new(list.x, y, list.width, 1);
        frame.render_widget(Paragraph::new(line), rect);
    }
    frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
}

/// The links in view in the sources view: where each URL starts, the part
/// of it that shows, and the whole URL.
pub fn links_in_view(app: &App) -> Vec<(u16, u16, String, String)> {
    let Mode::Sources(first) = app.mode else {
        return Vec::new();
    };
    let list = super::layout::of(app).sources;
    app.guide()
        .sources
        .iter()
        .skip(first)
        .take(usize::from(list.height))
        .enumerate()
        .map(|(row, source)| {
            let url = sanitize(&source.url);
            let shown: String = url.chars().take(usize::from(list.width)).collect();
            (list.x, list.y + u16::try_from(row).unwrap_or(0), shown, url)
        })
        .collect()
}

/// Writes the links in view again, over the same text, as OSC 8
/// hyperlinks. Done after the frame, outside ratatui's buffer: an escape
/// inside a cell would be counted as wide text and throw the next frame's
/// diff off.
pub fn write_hyperlinks(out: &mut impl std::io::Write, app: &App) -> std::io::Result<()> {
    use ratatui::crossterm::{cursor::MoveTo, queue, style::Print};
    for (x, y, shown, url) in links_in_view(app) {
        queue!(
            out,
            MoveTo(x, y),
            Print(format!("\x1b]8;;{url}\x1b\\{shown}\x1b]8;;\x1b\\"))
        )?;
    }
    out.flush()
}
