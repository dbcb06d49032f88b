//! Word wrapping done once per text and width, so that a frame only copies
//! the rows it shows instead of wrapping the whole text again.
//!
//! The rows are the ones ratatui's `Paragraph` with `Wrap { trim: false }`
//! draws (the same state machine, run once); a test in
//! `tests/integration/render.rs` checks that on every line of the guide.

use std::collections::VecDeque;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, StyledGrapheme};

/// `line` wrapped to `width` columns: one line per screen row, each span
/// carrying the style it is drawn in. A zero width gives no rows.
pub fn wrap(line: &Line<'_>, width: u16) -> Vec<Line<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let alignment = line.alignment;
    let mut rows: Vec<Vec<StyledGrapheme>> = Vec::new();
    let mut pending_line: Vec<StyledGrapheme> = Vec::new();
    let mut pending_word: Vec<StyledGrapheme> = Vec::new();
    let mut pending_whitespace: VecDeque<StyledGrapheme> = VecDeque::new();
    let (mut line_width, mut word_width, mut whitespace_width) = (0u16, 0u16, 0u16);
    let mut non_whitespace_previous = false;
    for grapheme in graphemes(line) {
        let is_whitespace = grapheme.is_whitespace();
        let symbol_width = grapheme.symbol.cell_width();
        // Wider than the row: never drawn.
        if symbol_width > width {
            continue;
        }
        let word_found = non_whitespace_previous && is_whitespace;
        let overflow =
            pending_line.is_empty() && word_width + whitespace_width + symbol_width > width;
        if word_found || overflow {
            pending_line.extend(pending_whitespace.drain(..));
            line_width += whitespace_width;
            pending_line.append(&mut pending_word);
            line_width += word_width;
            whitespace_width = 0;
            word_width = 0;
        }
        let line_full = line_width >= width;
        let word_overflow = symbol_width > 0 && line_width + whitespace_width + word_width >= width;
        if line_full || word_overflow {
            let mut remaining = width.saturating_sub(line_width);
            rows.push(std::mem::take(&mut pending_line));
            line_width = 0;
            // The whitespace that ended the row goes with it.
            while let Some(front) = pending_whitespace.front() {
                let w = front.symbol.cell_width();
                if w > remaining {
                    break;
                }
                whitespace_width -= w;
                remaining -= w;
                pending_whitespace.pop_front();
            }
            if is_whitespace && pending_whitespace.is_empty() {
                continue;
            }
        }
        if is_whitespace {
            whitespace_width += symbol_width;
            pending_whitespace.push_back(grapheme);
        } else {
            word_width += symbol_width;
            pending_word.push(grapheme);
        }
        non_whitespace_previous = !is_whitespace;
    }
    pending_line.extend(pending_whitespace.drain(..));
    pending_line.append(&mut pending_word);
    if !pending_line.is_empty() {
        rows.push(pending_line);
    }
    if rows.is_empty() {
        rows.push(Vec::new());
    }
    rows.into_iter()
        .map(|graphemes| {
            let mut row = Line::from(spans(&graphemes));
            row.alignment = alignment;
            row
        })
        .collect()
}

/// The line's graphemes with their styles, as `Line::styled_graphemes`
/// gives them; a span of plain ASCII is cut byte by byte, without the
/// segmentation (graphemes never cross spans, so this is exact).
fn graphemes<'a>(line: &'a Line<'_>) -> impl Iterator<Item = StyledGrapheme<'a>> {
    line.spans.iter().flat_map(move |span| {
        let style = line.style.patch(span.style);
        let content: &'a str = &span.content;
        let ascii = super::paint::is_plain_ascii(content);
        let fast = ascii
            .then(|| (0..content.len()).map(move |i| StyledGrapheme::new(&content[i..=i], style)));
        let slow = (!ascii).then(|| span.styled_graphemes(line.style));
        fast.into_iter().flatten().chain(slow.into_iter().flatten())
    })
}

/// Graphemes joined into spans of one style each.
fn spans(graphemes: &[StyledGrapheme]) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style: Option<Style> = None;
    for grapheme in graphemes {
        if style != Some(grapheme.style) {
            if let Some(style) = style {
                spans.push(Span::styled(std::mem::take(&mut text), style));
            }
            style = Some(grapheme.style);
        }
        text.push_str(grapheme.symbol);
    }
    if let Some(style) = style {
        spans.push(Span::styled(text, style));
    }
    spans
}

/// Draws one wrapped row at `y` inside `area`, aligned as its line asks,
/// as `Paragraph` draws it: zero-width symbols are skipped, styles patched.
pub fn draw_row(buf: &mut Buffer, area: Rect, y: u16, row: &Line<'_>) {
    let row_width = u16::try_from(row.width()).unwrap_or(u16::MAX);
    let mut x = match row.alignment.unwrap_or(Alignment::Left) {
        Alignment::Left => 0,
        Alignment::Center => (area.width / 2).saturating_sub(row_width / 2),
        Alignment::Right => area.width.saturating_sub(row_width),
    };
    for span in &row.spans {
        super::paint::text(buf, area, &mut x, y, &span.content, span.style);
    }
}
