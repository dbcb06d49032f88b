//! Word wrapping done once per text and width, so that a frame only copies
//! the rows it shows instead of wrapping the whole text again.
//!
//! The rows are the ones ratatui's `Paragraph` with `Wrap { trim: false }`
//! draws (the same state machine, run once); a test in
//! `tests/integration/drawing.rs` checks that on every line of the guide.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, StyledGrapheme};

/// One grapheme of the line: where it is, how wide, whether it is blank.
#[derive(Debug, Clone, Copy)]
struct Unit {
    span: usize,
    start: usize,
    end: usize,
    width: u16,
    blank: bool,
}

/// `line` wrapped to `width` columns: one line per screen row, each span
/// carrying the style it is drawn in. A zero width gives no rows.
pub fn wrap(line: &Line<'_>, width: u16) -> Vec<Line<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let units = units(line);
    // Rows as ranges of `kept`: the units drawn, in order.
    let mut kept: Vec<Unit> = Vec::with_capacity(units.len());
    let mut rows: Vec<(usize, usize)> = Vec::new();
    // Ratatui's state machine (`WordWrapper`, trim off), on indices: the
    // row being filled is `kept[row_start..]`, then the pending whitespace
    // and the pending word.
    let mut row_start = 0;
    let mut word: Vec<Unit> = Vec::new();
    let mut blanks: std::collections::VecDeque<Unit> = std::collections::VecDeque::new();
    let (mut line_width, mut word_width, mut blank_width) = (0u16, 0u16, 0u16);
    let mut non_blank_previous = false;
    for unit in units {
        // Wider than the row: never drawn.
        if unit.width > width {
            continue;
        }
        let word_found = non_blank_previous && unit.blank;
        let overflow = kept.len() == row_start && word_width + blank_width + unit.width > width;
        if word_found || overflow {
            kept.extend(blanks.drain(..));
            line_width += blank_width;
            kept.append(&mut word);
            line_width += word_width;
            blank_width = 0;
            word_width = 0;
        }
        let line_full = line_width >= width;
        let word_overflow = unit.width > 0 && line_width + blank_width + word_width >= width;
        if line_full || word_overflow {
            let mut remaining = width.saturating_sub(line_width);
            rows.push((row_start, kept.len()));
            row_start = kept.len();
            line_width = 0;
            // The whitespace that ended the row goes with it.
            while let Some(front) = blanks.front() {
                if front.width > remaining {
                    break;
                }
                blank_width -= front.width;
                remaining -= front.width;
                blanks.pop_front();
            }
            if unit.blank && blanks.is_empty() {
                continue;
            }
        }
        if unit.blank {
            blank_width += unit.width;
            blanks.push_back(unit);
        } else {
            word_width += unit.width;
            word.push(unit);
        }
        non_blank_previous = !unit.blank;
    }
    kept.extend(blanks.drain(..));
    kept.append(&mut word);
    if kept.len() > row_start {
        rows.push((row_start, kept.len()));
    }
    if rows.is_empty() {
        rows.push((0, 0));
    }
    let styles: Vec<Style> = line
        .spans
        .iter()
        .map(|span| line.style.patch(span.style))
        .collect();
    rows.into_iter()
        .map(|(from, to)| {
            let mut row = Line::from(spans(line, &styles, &kept[from..to]));
            row.alignment = line.alignment;
            row
        })
        .collect()
}

/// The line cut into graphemes, as `Line::styled_graphemes` cuts it
/// (control characters left out). Text of printable ASCII and common
/// punctuation and symbols is cut by character: none of those join a
/// neighbour into one grapheme, so only other text needs the segmentation.
fn units(line: &Line<'_>) -> Vec<Unit> {
    let mut units = Vec::new();
    for (index, span) in line.spans.iter().enumerate() {
        let content: &str = &span.content;
        let unit = |start: usize, symbol: &str| Unit {
            span: index,
            start,
            end: start + symbol.len(),
            width: symbol.cell_width(),
            blank: StyledGrapheme::new(symbol, Style::default()).is_whitespace(),
        };
        if content.chars().all(super::paint::stands_alone) {
            units.extend(content.char_indices().map(|(start, c)| {
                if c == ' ' || c.is_ascii_graphic() {
                    // Printable ASCII: one column, blank only if a space
                    // (what the lookups below give, without them).
                    Unit {
                        span: index,
                        start,
                        end: start + 1,
                        width: 1,
                        blank: c == ' ',
                    }
                } else {
                    unit(start, &content[start..start + c.len_utf8()])
                }
            }));
        } else {
            let base = content.as_ptr() as usize;
            units.extend(
                Span::raw(content)
                    .styled_graphemes(Style::default())
                    .map(|g| unit(g.symbol.as_ptr() as usize - base, g.symbol)),
            );
        }
    }
    units
}

/// A row's units joined into spans: one per run of a source span.
fn spans(line: &Line<'_>, styles: &[Style], units: &[Unit]) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None;
    let mut flush = |run: (usize, usize, usize)| {
        let (span, start, end) = run;
        spans.push(Span::styled(
            line.spans[span].content[start..end].to_owned(),
            styles[span],
        ));
    };
    for unit in units {
        run = match run {
            Some((span, start, end)) if span == unit.span && end == unit.start => {
                Some((span, start, unit.end))
            }
            Some(done) => {
                flush(done);
                Some((unit.span, unit.start, unit.end))
            }
            None => Some((unit.span, unit.start, unit.end)),
        };
    }
    if let Some(done) = run {
        flush(done);
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
