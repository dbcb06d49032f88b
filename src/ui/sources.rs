//! Every source of the guide, each URL whole (wrapped over as many rows as
//! it needs), then what it is. `y` copies the selected URL (OSC 52), and
//! the status line shows it for terminals that do not take OSC 52. Links
//! are written as OSC 8 hyperlinks where the app is told the terminal
//! supports them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::{App, Mode};
use crate::content::{Source, Tier};
use crate::text::sanitize;

/// One row of the list: its text, and the part of a URL it shows (the
/// column it starts at, the part, the whole URL).
type Row = (Line<'static>, Option<(u16, String, String)>);

/// The rows of one source at `width` columns: `› ` on the selected one.
fn source_rows(app: &App, source: &Source, width: usize, selected: bool) -> Vec<Row> {
    let theme = app.theme;
    let today = app.clock.today();
    let url = sanitize(&source.url);
    let room = width.saturating_sub(2).max(1);
    let mut rows = Vec::new();
    let chars: Vec<char> = url.chars().collect();
    for (i, part) in chars.chunks(room).enumerate() {
        let part: String = part.iter().collect();
        let marker = if selected && i == 0 { "› " } else { "  " };
        let style = if selected {
            theme.link().patch(theme.selected())
        } else {
            theme.link()
        };
        rows.push((
            Line::from(vec![
                Span::styled(marker, theme.key()),
                Span::styled(part.clone(), style),
            ]),
            Some((2, part, url.clone())),
        ));
    }
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
        "{} — {} · written {} · {checked}{} · {tier}",
        sanitize(&source.title),
        sanitize(&source.publisher),
        source.verified,
        if old { " (over a year ago)" } else { "" }
    );
    for part in super::popup::wrap(&about, width.saturating_sub(4).max(1)) {
        rows.push((
            Line::from(Span::styled(format!("    {part}"), theme.muted())),
            None,
        ));
    }
    rows
}

/// The rows in view, top first, with the selected source in view: as far
/// back from it as fits, as ratatui's `List` scrolls.
fn rows_in_view(app: &App, list: Rect, selected: usize) -> Vec<Row> {
    let sources = &app.guide().sources;
    let width = usize::from(list.width);
    let height = usize::from(list.height);
    let rows_of = |i: usize| source_rows(app, &sources[i], width, i == selected);
    let Some(selected) = (!sources.is_empty()).then(|| selected.min(sources.len() - 1)) else {
        return Vec::new();
    };
    let mut first = selected;
    let mut used = rows_of(selected).len();
    while first > 0 {
        let more = rows_of(first - 1).len();
        if used + more > height {
            break;
        }
        used += more;
        first -= 1;
    }
    let mut rows = Vec::new();
    for i in first..sources.len() {
        if rows.len() >= height {
            break;
        }
        rows.extend(rows_of(i));
    }
    rows.truncate(height);
    rows
}

/// The list's rows, less those the status message takes at its foot: the
/// message (a copied URL) is shown whole, wrapped.
fn split(app: &App, list: Rect) -> (Rect, Rect, Vec<String>) {
    let message = app
        .notice
        .as_deref()
        .map(|n| {
            super::popup::wrap(
                &sanitize(&crate::keymap::expand(n)),
                usize::from(list.width),
            )
        })
        .unwrap_or_default();
    let rows = u16::try_from(message.len())
        .unwrap_or(u16::MAX)
        .min(list.height.saturating_sub(1));
    let [list, foot] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(1),
        ratatui::layout::Constraint::Length(rows),
    ])
    .areas(list);
    (list, foot, message)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, selected: usize) {
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(format!(
        " Sources: {} · y copies the selected link ",
        app.guide().sources.len()
    ));
    frame.render_widget(block, area);
    let parts = super::layout::areas(area, 0);
    let footer = parts.sources_keys;
    let (list, foot, message) = split(app, parts.sources);
    let message: Vec<Line> = message
        .into_iter()
        .map(|line| Line::from(Span::styled(line, app.theme.warning())))
        .collect();
    frame.render_widget(Paragraph::new(message), foot);
    let lines: Vec<Line> = rows_in_view(app, list, selected)
        .into_iter()
        .map(|(line, _)| line)
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
}

/// The parts of links in view in the sources view: where each starts, the
/// part that shows on that row, and the whole URL.
pub fn links_in_view(app: &App) -> Vec<(u16, u16, String, String)> {
    let Mode::Sources(selected) = app.mode else {
        return Vec::new();
    };
    let (list, _, _) = split(app, app.areas().sources);
    rows_in_view(app, list, selected)
        .into_iter()
        .enumerate()
        .filter_map(|(row, (_, link))| {
            let (x, shown, url) = link?;
            Some((
                list.x + x,
                list.y + u16::try_from(row).unwrap_or(0),
                shown,
                url,
            ))
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

/// The OSC 52 sequence that puts `text` on the terminal's clipboard.
pub fn osc52(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut encoded = String::new();
    for chunk in text.as_bytes().chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                encoded.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                encoded.push('=');
            }
        }
    }
    format!("\x1b]52;c;{encoded}\x07")
}

/// The URL of source `index`, as shown.
pub fn url_of(app: &App, index: usize) -> Option<String> {
    app.source_url(index)
}
