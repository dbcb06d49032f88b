//! Writing text and borders straight into the frame's cells, for the parts
//! drawn on every key (the checklist, the details). The result is what
//! `Buffer::set_line` and `Block` give (tests in `tests/integration/drawing.rs`
//! compare them). Text of characters that stand alone (nearly all of the
//! guide) skips the grapheme segmentation, and an unstyled box is not
//! restyled cell by cell.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Writes `content` in `style` at column `*x` of row `y` inside `area`,
/// moving `*x` past it; what does not fit in the area's width is left out.
pub fn text(buf: &mut Buffer, area: Rect, x: &mut u16, y: u16, content: &str, style: Style) {
    if y >= area.height {
        return;
    }
    let row = area.y + y;
    // Printable ASCII, most of the text: one cell per byte, written in a
    // run without looking each cell up.
    if content.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        let from = area.x + *x;
        let end = area.right().min(buf.area.right());
        let n = content.len().min(usize::from(end.saturating_sub(from)));
        if n == 0 || row >= buf.area.bottom() {
            return;
        }
        let start = buf.index_of(from, row);
        for (i, cell) in buf.content[start..start + n].iter_mut().enumerate() {
            cell.set_symbol(&content[i..=i]).set_style(style);
        }
        // `n` is at most the area's width, a u16.
        *x += u16::try_from(n).unwrap_or(u16::MAX);
        return;
    }
    let mut put = |buf: &mut Buffer, symbol: &str, style: Style| {
        let width = symbol.cell_width();
        if width == 0 {
            return true;
        }
        if *x + width > area.width {
            return false;
        }
        buf[(area.x + *x, row)].set_symbol(symbol).set_style(style);
        // Cells hidden under a wide symbol are blanked, as `set_line` does.
        for hidden in 1..width {
            buf[(area.x + *x + hidden, row)].reset();
        }
        *x += width;
        true
    };
    if content.chars().all(stands_alone) {
        for (start, c) in content.char_indices() {
            if !put(buf, &content[start..start + c.len_utf8()], style) {
                return;
            }
        }
        return;
    }
    for grapheme in Span::styled(content, style).styled_graphemes(Style::default()) {
        if !put(buf, grapheme.symbol, grapheme.style) {
            return;
        }
    }
}

/// A character that is always a grapheme of its own (UAX #29), so text made
/// of them can be cut by character: printable ASCII, Latin-1 and Latin
/// Extended letters, general punctuation (but the joiners), arrows, symbols
/// and box drawing. Other text goes through the grapheme segmentation.
pub fn stands_alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{24F}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2190}'..='\u{27BF}')
}

/// Writes a line at the start of row `y` inside `area`, as
/// `Buffer::set_line` would, and returns the columns it took.
pub fn line(buf: &mut Buffer, area: Rect, y: u16, line: &Line<'_>) -> u16 {
    let mut x = 0;
    for span in &line.spans {
        text(
            buf,
            area,
            &mut x,
            y,
            &span.content,
            line.style.patch(span.style),
        );
    }
    x
}

/// Patches `style` onto every cell of `area`; nothing to do for the default.
pub fn style(buf: &mut Buffer, area: Rect, style: Style) {
    if style != Style::default() {
        buf.set_style(area, style);
    }
}

/// A plain bordered box with `title` on its top border, as
/// `Block::bordered().title(title)` draws it; the inside is left as it is.
pub fn bordered(buf: &mut Buffer, area: Rect, title: &Line<'_>) {
    let area = buf.area.intersection(area);
    if area.is_empty() {
        return;
    }
    let (left, top) = (area.x, area.y);
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    for x in left..=right {
        buf[(x, top)].set_symbol("─");
        buf[(x, bottom)].set_symbol("─");
    }
    for y in top..=bottom {
        buf[(left, y)].set_symbol("│");
        buf[(right, y)].set_symbol("│");
    }
    buf[(left, top)].set_symbol("┌");
    buf[(right, top)].set_symbol("┐");
    buf[(left, bottom)].set_symbol("└");
    buf[(right, bottom)].set_symbol("┘");
    let titles = Rect::new(left + 1, top, area.width.saturating_sub(2), 1);
    line(buf, titles, 0, title);
}

/// A bordered list of `len` rows as ratatui's `List` draws it with a "›"
/// highlight symbol and a fresh `ListState`: the selected row is kept in
/// view, reversed (or as `highlight` says) and marked. Only the rows in
/// view are built, by `item`.
pub fn list<'a>(
    buf: &mut Buffer,
    area: Rect,
    title: &Line<'_>,
    len: usize,
    selected: usize,
    highlight: Style,
    item: impl FnMut(usize) -> Line<'a>,
) {
    bordered(buf, area, title);
    let inner = ratatui::widgets::Block::bordered().inner(area);
    if len == 0 {
        return;
    }
    let selected = selected.min(len - 1);
    let offset = (selected + 1).saturating_sub(usize::from(inner.height));
    list_rows(buf, inner, offset..len, selected, highlight, item);
}

/// The rows `shown` of a list inside `inner`, one per row from the top, as
/// ratatui's `List` draws them with a "›" highlight symbol: the `selected`
/// row takes the `highlight` style across the width and the marker.
pub fn list_rows<'a>(
    buf: &mut Buffer,
    inner: Rect,
    shown: std::ops::Range<usize>,
    selected: usize,
    highlight: Style,
    mut item: impl FnMut(usize) -> Line<'a>,
) {
    let rows = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    for (y, index) in (0..inner.height).zip(shown) {
        line(buf, rows, y, &item(index));
        let is_selected = index == selected;
        if is_selected {
            style(
                buf,
                Rect::new(inner.x, inner.y + y, inner.width, 1),
                highlight,
            );
        }
        let marker = if is_selected { "›" } else { " " };
        text(buf, inner, &mut 0, y, marker, Style::default());
    }
}
