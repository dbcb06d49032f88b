//! The terminal backend: ratatui's crossterm backend, but a frame's changes
//! are written as one block of bytes.
//!
//! `CrosstermBackend::draw` formats every cell through crossterm's commands
//! (a `fmt::write` per cell, and a lock of stdout for each), which is most
//! of what a key costs once the screen is drawn. [`encode_diff`] finds the
//! changed cells as `Buffer::diff` does, cheaper, and writes the same bytes
//! into memory as it finds them (tests in `tests/integration/term.rs`
//! compare them with ratatui's on whole screens); [`Backend`] hands them to
//! the terminal at once. The app's loop (`Frames` in `src/lib.rs`) puts
//! them together. [`diff`] and [`encode`] give the list and its bytes
//! apart, for the tests. Everything else is the crossterm backend's.

use std::io::{self, Write};

use ratatui::backend::{ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};

/// Ratatui's crossterm backend with a faster `draw`.
#[derive(Debug)]
pub struct Backend<W: Write> {
    inner: CrosstermBackend<W>,
}

impl<W: Write> Backend<W> {
    pub fn new(writer: W) -> Backend<W> {
        Backend {
            inner: CrosstermBackend::new(writer),
        }
    }

    pub fn writer(&self) -> &W {
        self.inner.writer()
    }

    /// Writes a frame's bytes (see [`encode`]) to the terminal at once.
    pub fn write_frame(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.inner.writer_mut().write_all(bytes)
    }
}

/// The bytes `CrosstermBackend::draw` writes for `content`, into `out`.
pub fn encode<'a>(
    out: &mut Vec<u8>,
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> io::Result<()> {
    let mut encoder = Encoder::new(out);
    for (x, y, cell) in content {
        encoder.cell(x, y, cell);
    }
    encoder.finish()
}

/// The cells of `next` that differ from `prev` (from a blank screen when
/// `prev` is `None`: the first frame after a clear), encoded into `out` as
/// they are found, with no list of them in between: the bytes of
/// [`encode`] over [`diff`] (or [`diff_from_blank`]).
pub fn encode_diff(out: &mut Vec<u8>, prev: Option<&Buffer>, next: &Buffer) -> io::Result<()> {
    let mut encoder = Encoder::new(out);
    let mut emit = |(x, y, cell): (u16, u16, &Cell)| encoder.cell(x, y, cell);
    match prev {
        Some(prev) => cells_diff(&prev.content, common_area(prev, next), next, &mut emit),
        None => cells_diff(&Blank, next.area, next, &mut emit),
    }
    encoder.finish()
}

/// Writes cells one at a time as `CrosstermBackend::draw` does: a cursor
/// move unless a cell follows the last one, and only the style that
/// changed.
struct Encoder<'o> {
    out: &'o mut Vec<u8>,
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
    last: Option<(u16, u16)>,
    /// The first error (none writing to memory; kept for `finish`).
    error: Option<io::Error>,
}

impl<'o> Encoder<'o> {
    fn new(out: &'o mut Vec<u8>) -> Encoder<'o> {
        Encoder {
            out,
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
            last: None,
            error: None,
        }
    }

    fn cell(&mut self, x: u16, y: u16, cell: &Cell) {
        if let Err(e) = self.write_cell(x, y, cell) {
            self.error.get_or_insert(e);
        }
    }

    fn write_cell(&mut self, x: u16, y: u16, cell: &Cell) -> io::Result<()> {
        let out = &mut *self.out;
        // A cursor move unless this cell follows the last one.
        if !matches!(self.last, Some((lx, ly)) if x == lx + 1 && y == ly) {
            move_to(out, x, y);
        }
        self.last = Some((x, y));
        if cell.modifier != self.modifier {
            modifier_diff(out, self.modifier, cell.modifier)?;
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg || cell.bg != self.bg {
            queue!(
                out,
                SetColors(Colors::new(crossterm(cell.fg), crossterm(cell.bg)))
            )?;
            self.fg = cell.fg;
            self.bg = cell.bg;
        }
        if cell.underline_color != self.underline {
            queue!(out, SetUnderlineColor(crossterm(cell.underline_color)))?;
            self.underline = cell.underline_color;
        }
        match cell.symbol().as_bytes() {
            // Most cells: one byte, pushed without a copy call.
            &[byte] => out.push(byte),
            bytes => out.extend_from_slice(bytes),
        }
        Ok(())
    }

    /// Every style back to the terminal's own, as ratatui ends a frame.
    fn finish(self) -> io::Result<()> {
        if let Some(e) = self.error {
            return Err(e);
        }
        queue!(
            self.out,
            SetForegroundColor(CColor::Reset),
            SetBackgroundColor(CColor::Reset),
            SetUnderlineColor(CColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }
}

/// `ESC [ row ; column H`, one-based, as crossterm's `MoveTo` writes it.
fn move_to(out: &mut Vec<u8>, x: u16, y: u16) {
    out.extend_from_slice(b"\x1b[");
    decimal(out, u32::from(y) + 1);
    out.push(b';');
    decimal(out, u32::from(x) + 1);
    out.push(b'H');
}

fn decimal(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        // `n % 10` is below 10: the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        {
            digits[i] = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Ratatui's colours as crossterm names them (ratatui's own mapping).
fn crossterm(color: Color) -> CColor {
    match color {
        Color::Reset => CColor::Reset,
        Color::Black => CColor::Black,
        Color::Red => CColor::DarkRed,
        Color::Green => CColor::DarkGreen,
        Color::Yellow => CColor::DarkYellow,
        Color::Blue => CColor::DarkBlue,
        Color::Magenta => CColor::DarkMagenta,
        Color::Cyan => CColor::DarkCyan,
        Color::Gray => CColor::Grey,
        Color::DarkGray => CColor::DarkGrey,
        Color::LightRed => CColor::Red,
        Color::LightGreen => CColor::Green,
        Color::LightBlue => CColor::Blue,
        Color::LightYellow => CColor::Yellow,
        Color::LightMagenta => CColor::Magenta,
        Color::LightCyan => CColor::Cyan,
        Color::White => CColor::White,
        Color::Indexed(i) => CColor::AnsiValue(i),
        Color::Rgb(r, g, b) => CColor::Rgb { r, g, b },
    }
}

/// The attribute changes from one cell's modifiers to the next, in the
/// order ratatui's crossterm backend writes them.
fn modifier_diff(out: &mut Vec<u8>, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        queue!(out, SetAttribute(Attribute::NoReverse))?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        // Bold and dim are both undone by normal intensity; what stays is
        // set again.
        queue!(out, SetAttribute(Attribute::NormalIntensity))?;
        if to.contains(Modifier::DIM) {
            queue!(out, SetAttribute(Attribute::Dim))?;
        }
        if to.contains(Modifier::BOLD) {
            queue!(out, SetAttribute(Attribute::Bold))?;
        }
    }
    for (modifier, attribute) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(modifier) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        queue!(out, SetAttribute(Attribute::NoBlink))?;
    }
    let added = to - from;
    for (modifier, attribute, unless_reset) in [
        (Modifier::REVERSED, Attribute::Reverse, false),
        (Modifier::BOLD, Attribute::Bold, true),
        (Modifier::ITALIC, Attribute::Italic, false),
        (Modifier::UNDERLINED, Attribute::Underlined, false),
        (Modifier::DIM, Attribute::Dim, true),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut, false),
        (Modifier::HIDDEN, Attribute::Hidden, false),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink, false),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink, false),
    ] {
        if added.contains(modifier) && !(unless_reset && reset_intensity) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    Ok(())
}

impl<W: Write> ratatui::backend::Backend for Backend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut bytes = Vec::new();
        encode(&mut bytes, content)?;
        self.write_frame(&bytes)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        ratatui::backend::Backend::flush(&mut self.inner)
    }
}

/// The cells of `next` that differ from `prev`: what `Buffer::diff` gives
/// (the same rules for wide symbols, skipped cells and forced widths; a test
/// compares them), with a cheaper comparison of equal cells, which are most
/// of a frame.
pub fn diff<'a>(prev: &Buffer, next: &'a Buffer) -> Vec<(u16, u16, &'a Cell)> {
    let mut updates = Vec::new();
    cells_diff(&prev.content, common_area(prev, next), next, &mut |u| {
        updates.push(u);
    });
    updates
}

/// The area two frames are compared over.
fn common_area(prev: &Buffer, next: &Buffer) -> Rect {
    Rect {
        height: prev.area.height.min(next.area.height),
        ..prev.area
    }
}

/// What [`diff`] gives for `next` against a blank buffer of its size (a
/// cleared screen), without one.
pub fn diff_from_blank(next: &Buffer) -> Vec<(u16, u16, &Cell)> {
    let mut updates = Vec::new();
    cells_diff(&Blank, next.area, next, &mut |u| updates.push(u));
    updates
}

/// Every cell blank, as many as asked for.
struct Blank;

static BLANK: Cell = Cell::EMPTY;

impl std::ops::Index<usize> for Blank {
    type Output = Cell;
    fn index(&self, _: usize) -> &Cell {
        &BLANK
    }
}

/// Cells that can be read by index: a buffer's, or [`Blank`].
trait Cells: std::ops::Index<usize, Output = Cell> {
    fn len(&self) -> usize;
}

impl Cells for Vec<Cell> {
    fn len(&self) -> usize {
        self.len()
    }
}

impl Cells for Blank {
    fn len(&self) -> usize {
        usize::MAX
    }
}

/// The changes, each given to `emit` as it is found.
fn cells_diff<'a>(
    prev: &impl Cells,
    area: Rect,
    next: &'a Buffer,
    emit: &mut impl FnMut((u16, u16, &'a Cell)),
) {
    let next = &next.content;
    let len = next.len().min(prev.len());
    let width = usize::from(area.width.max(1));
    // The cell at `index`, with its column and row.
    let update = |index: usize| -> (u16, u16, &'a Cell) {
        // Inside the area: both fit in a u16.
        let col = u16::try_from(index % width).unwrap_or(u16::MAX);
        let row = u16::try_from(index / width).unwrap_or(u16::MAX);
        (area.x + col, area.y + row, &next[index])
    };
    // The cells a symbol at `index` covered (or covers), from `index + 1`
    // to `end`: sent when `force`, else when their symbol changed.
    let covered =
        |emit: &mut dyn FnMut((u16, u16, &'a Cell)), index: usize, end: usize, force: bool| {
            let mut cursor = index + 1;
            let mut end = end;
            while cursor < end {
                let here = cursor;
                cursor += usize::from(next[here].cell_width().max(1));
                end = end.max(cursor).min(len);
                if !is_skip(&next[here]) && (force || prev[here].symbol() != next[here].symbol()) {
                    emit(update(here));
                }
            }
            end
        };
    let mut pos = 0;
    while pos < len {
        let index = pos;
        pos += 1;
        let (current, previous) = (&next[index], &prev[index]);
        match current.diff_option {
            CellDiffOption::Skip => {}
            _ if is_skip(current) => {}
            CellDiffOption::ForcedWidth(forced) => {
                pos = pos.saturating_add(usize::from(forced.get()).saturating_sub(1));
                if !same(current, previous) {
                    emit(update(index));
                }
            }
            CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                if matches!(current.diff_option, CellDiffOption::None) && same(current, previous) {
                    if !narrow(current.symbol()) {
                        pos += usize::from(current.cell_width()).saturating_sub(1);
                    }
                    continue;
                }
                let cell_width = usize::from(current.cell_width());
                let previous_width = usize::from(previous.cell_width());
                emit(update(index));
                if cell_width > 1 && current.symbol().contains('\u{FE0F}') {
                    // An emoji with a variation selector: the cells it
                    // covers go too, for terminals that draw it one wide.
                    pos = covered(emit, index, (index + cell_width).min(len), false);
                } else if cell_width > 1 {
                    pos += cell_width - 1;
                } else if previous_width > cell_width
                    && (previous.bg != Color::Reset
                        || previous.modifier.intersects(VISIBLE_ON_BLANK))
                {
                    // A wide styled symbol became narrow: clear what it covered.
                    pos = covered(emit, index, (index + previous_width).min(len), true);
                }
            }
        }
    }
}

/// Whether a symbol is surely at most one column wide, without looking its
/// width up: one character below U+1100 (where wide characters start), or
/// among the punctuation, arrows, mathematical signs, box drawing, blocks
/// and shapes the screens are drawn with. Anything else is looked up.
pub fn narrow(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => {
            c < '\u{1100}'
                || ('\u{2000}'..='\u{2319}').contains(&c)
                || ('\u{2500}'..='\u{25FC}').contains(&c)
        }
        _ => false,
    }
}

/// Modifiers that show on a blank cell.
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

fn is_skip(cell: &Cell) -> bool {
    #[allow(deprecated)]
    let skip = cell.skip;
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// `Cell`'s equality, the one-byte symbols (most of a screen) compared
/// without a call.
#[allow(
    clippy::inline_always,
    reason = "called for every cell of every frame: inlined, a key costs 10% fewer instructions (callgrind)"
)]
#[inline(always)]
fn same(a: &Cell, b: &Cell) -> bool {
    let (x, y) = (a.symbol().as_bytes(), b.symbol().as_bytes());
    let symbols = x.len() == y.len() && (x.len() == 1 && x[0] == y[0] || x == y);
    #[allow(deprecated)]
    let skips = a.skip == b.skip;
    symbols
        && a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && skips
        && a.diff_option == b.diff_option
}
