//! Every source of the guide, one a line and never wrapped, so a link can be
//! clicked or copied whole. Links are written as OSC 8 hyperlinks where the
//! app is told the terminal supports them.

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::content::Tier;
use crate::text::sanitize;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, first: usize) {
    let theme = app.theme;
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(format!(
        " Sources: {} · links are not wrapped ",
        app.guide.sources.len()
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [list, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let today = app.clock.today();
    for (row, source) in app
        .guide
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
        let old = source.verified.saturating_add(jiff::Span::new().years(1)) < today;
        let about = format!(
            "  {} — {} · verified {}{} · {tier}",
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
        if app.hyperlinks {
            let visible = url.chars().count().min(usize::from(list.width));
            hyperlink(frame.buffer_mut(), rect, visible, &url);
        }
    }
    frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
}

/// Wraps the first `len` cells of `area` in an OSC 8 link to `url`, two
/// cells a chunk so every cell stays self-contained when redrawn (the way
/// ratatui's own hyperlink example does it).
fn hyperlink(buf: &mut Buffer, area: Rect, len: usize, url: &str) {
    let width = u16::try_from(len).unwrap_or(u16::MAX);
    let mut x = area.x;
    while x < area.x + width {
        let first = buf[(x, area.y)].symbol().to_owned();
        let second = if x + 1 < area.x + width {
            buf[(x + 1, area.y)].symbol().to_owned()
        } else {
            String::new()
        };
        let chunk = format!("{first}{second}");
        buf[(x, area.y)].set_symbol(&format!("\x1b]8;;{url}\x1b\\{chunk}\x1b]8;;\x1b\\"));
        if !second.is_empty() {
            buf[(x + 1, area.y)].set_diff_option(CellDiffOption::Skip);
        }
        x += 2;
    }
}
