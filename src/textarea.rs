//! A small text-editing widget: a model ([`TextArea`]) that takes keys and
//! pastes, and a stateless view ([`TextAreaView`]) that soft-wraps it to the
//! area, scrolls so the cursor line shows, and says where the terminal cursor
//! goes.
//!
//! Used by the note editor popup (multi-line) and by the single-line fields of
//! the setup form.
//!
//! The model only ever holds text without control characters other than the
//! line breaks between its lines: `\r\n` and `\r` become `\n`, a tab becomes
//! four spaces, and other control characters are dropped. Cursor columns are
//! char indices, so a char is never split.
//!
//! ```
//! use medtech::textarea::{Edit, TextArea, TextAreaView};
//! use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
//!
//! let mut note = TextArea::new("Ask about");
//! let typed = note.input(KeyEvent::new(KeyCode::Char('!'), KeyModifiers::NONE));
//! assert_eq!(typed, Edit::Changed);
//! assert_eq!(note.text(), "Ask about!");
//! let _view = TextAreaView::new(&note);
//! ```

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthChar;

/// What Tab inserts in a multi-line text.
const TAB: &str = "    ";

/// What a key (or a paste) did to a [`TextArea`].
///
/// `Ignored` means nothing changed: either the key is not one the text area
/// edits with (Esc, Ctrl-s, Enter and Tab in a single-line field, other Ctrl
/// and Alt combinations), or it had no effect here (Backspace at the start,
/// Up on the first line, a char beyond `max_chars`). A caller that gives the
/// text area the keyboard handles its own keys (Esc, Ctrl-s, Enter in a form)
/// and must not pass `Ignored` keys on to the global keymap, or a refused `q`
/// would quit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed (the cursor may have moved too).
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Nothing changed.
    Ignored,
}

/// The text being edited and its cursor.
///
/// Invariants: there is at least one line, no line holds a control char, the
/// cursor row is a line and its column is at most that line's char count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextArea {
    lines: Vec<String>,
    row: usize,
    /// Char index in `lines[row]`.
    col: usize,
    /// The column Up and Down aim for, kept across a run of vertical moves so
    /// that passing a short line does not lose it.
    goal_col: Option<usize>,
    multi_line: bool,
    max_chars: Option<usize>,
}

impl TextArea {
    /// A multi-line text with the cursor at its end.
    pub fn new(text: &str) -> TextArea {
        TextArea::with_mode(text, true)
    }

    /// A single-line text with the cursor at its end: Enter and Tab are
    /// `Ignored` (the form uses them) and line breaks in pasted or set text
    /// become spaces.
    pub fn single_line(text: &str) -> TextArea {
        TextArea::with_mode(text, false)
    }

    fn with_mode(text: &str, multi_line: bool) -> TextArea {
        let mut area = TextArea {
            lines: vec![String::new()],
            row: 0,
            col: 0,
            goal_col: None,
            multi_line,
            max_chars: None,
        };
        area.set_text(text);
        area
    }

    /// Refuses inserts that would make the text longer than `n` chars (a line
    /// break counts as one). Text already there, or later given to
    /// [`TextArea::set_text`], is kept whole; it only can't grow.
    #[must_use]
    pub fn with_max_chars(mut self, n: usize) -> TextArea {
        self.max_chars = Some(n);
        self
    }

    /// The limit set with [`TextArea::with_max_chars`].
    pub fn max_chars(&self) -> Option<usize> {
        self.max_chars
    }

    /// Whether this is a single-line field.
    pub fn is_single_line(&self) -> bool {
        !self.multi_line
    }

    /// The lines joined with `'\n'`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// The lines, without line breaks; never empty.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(String::is_empty) && self.lines.len() == 1
    }

    /// How many chars the text holds, a line break counting as one.
    pub fn char_count(&self) -> usize {
        self.lines.iter().map(|l| l.chars().count()).sum::<usize>() + self.lines.len() - 1
    }

    /// Replaces the text (normalised as a paste is) and puts the cursor at
    /// its end.
    pub fn set_text(&mut self, text: &str) {
        let clean = self.normalise(text);
        self.lines = clean.split('\n').map(String::from).collect();
        self.row = self.lines.len() - 1;
        self.col = self.line_len();
        self.goal_col = None;
    }

    /// (row, char column) of the cursor in the text.
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    /// Inserts `s` at the cursor, as for a bracketed paste: `\r\n` and `\r`
    /// become line breaks (spaces in a single-line field), a tab four spaces,
    /// other control chars are dropped. Refused whole (`Ignored`) when it
    /// would pass `max_chars`.
    pub fn insert_str(&mut self, s: &str) -> Edit {
        self.goal_col = None;
        let clean = self.normalise(s);
        let added = clean.chars().count();
        if added == 0 || !self.has_room(added) {
            return Edit::Ignored;
        }
        let at = self.byte_at(self.col);
        let tail = self.lines[self.row].split_off(at);
        let mut pieces = clean.split('\n');
        if let Some(first) = pieces.next() {
            self.lines[self.row].push_str(first);
            self.col += first.chars().count();
        }
        for piece in pieces {
            self.row += 1;
            self.lines.insert(self.row, piece.to_string());
            self.col = piece.chars().count();
        }
        self.lines[self.row].push_str(&tail);
        Edit::Changed
    }

    /// Applies one key. Key releases are `Ignored`; presses and repeats act.
    pub fn input(&mut self, key: KeyEvent) -> Edit {
        if key.kind == KeyEventKind::Release {
            return Edit::Ignored;
        }
        let vertical = matches!(key.code, KeyCode::Up | KeyCode::Down);
        if !vertical {
            self.goal_col = None;
        }
        let m = key.modifiers;
        if m.intersects(KeyModifiers::SUPER | KeyModifiers::HYPER | KeyModifiers::META) {
            return Edit::Ignored;
        }
        let ctrl = m.contains(KeyModifiers::CONTROL);
        let alt = m.contains(KeyModifiers::ALT);
        let plain = !ctrl && !alt;
        match key.code {
            // Ctrl+Alt is how Windows reports AltGr, which types `@`, `{`,
            // `€` on many keyboards.
            KeyCode::Char(c) if plain || (ctrl && alt) => self.insert_char(c),
            KeyCode::Char(c) if ctrl => match c {
                'a' => self.line_start(),
                'e' => self.line_end(),
                // Terminals send Ctrl-Backspace as ^H, but so do some for a
                // plain Backspace: deleting one char is the safe reading.
                'h' => self.backspace(),
                'w' => self.delete_word_before(),
                'u' => self.delete_to_line_start(),
                'k' => self.delete_to_line_end(),
                _ => Edit::Ignored,
            },
            KeyCode::Enter if plain && self.multi_line => self.insert_str("\n"),
            KeyCode::Tab if plain && self.multi_line => self.insert_str(TAB),
            KeyCode::Backspace if plain => self.backspace(),
            // Ctrl-Backspace; Alt-Backspace is the macOS and readline habit.
            KeyCode::Backspace => self.delete_word_before(),
            KeyCode::Delete if plain => self.delete(),
            KeyCode::Left if plain => self.left(),
            KeyCode::Right if plain => self.right(),
            KeyCode::Left if ctrl && !alt => self.word_left(),
            KeyCode::Right if ctrl && !alt => self.word_right(),
            KeyCode::Up if plain => self.vertical(false),
            KeyCode::Down if plain => self.vertical(true),
            KeyCode::Home if plain => self.line_start(),
            KeyCode::End if plain => self.line_end(),
            KeyCode::Home if ctrl && !alt => self.move_to(0, 0),
            KeyCode::End if ctrl && !alt => {
                let last = self.lines.len() - 1;
                self.move_to(last, self.lines[last].chars().count())
            }
            _ => Edit::Ignored,
        }
    }

    /// Keeps the invariants: the result has no control chars but `'\n'`, and
    /// none at all in a single-line field.
    fn normalise(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    out.push(if self.multi_line { '\n' } else { ' ' });
                }
                '\t' => out.push_str(TAB),
                c if c.is_control() => {}
                c => out.push(c),
            }
        }
        out
    }

    fn has_room(&self, added: usize) -> bool {
        self.max_chars
            .is_none_or(|max| self.char_count().saturating_add(added) <= max)
    }

    fn line_len(&self) -> usize {
        self.lines[self.row].chars().count()
    }

    /// The byte offset of char `col` in the cursor line (its length past the end).
    fn byte_at(&self, col: usize) -> usize {
        byte_of(&self.lines[self.row], col)
    }

    fn insert_char(&mut self, c: char) -> Edit {
        if c.is_control() || !self.has_room(1) {
            return Edit::Ignored;
        }
        let at = self.byte_at(self.col);
        self.lines[self.row].insert(at, c);
        self.col += 1;
        Edit::Changed
    }

    fn backspace(&mut self) -> Edit {
        if self.col > 0 {
            self.col -= 1;
            let at = self.byte_at(self.col);
            self.lines[self.row].remove(at);
            Edit::Changed
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.line_len();
            self.lines[self.row].push_str(&line);
            Edit::Changed
        } else {
            Edit::Ignored
        }
    }

    fn delete(&mut self) -> Edit {
        if self.col < self.line_len() {
            let at = self.byte_at(self.col);
            self.lines[self.row].remove(at);
            Edit::Changed
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
            Edit::Changed
        } else {
            Edit::Ignored
        }
    }

    /// Deletes back over blanks, then over the word before them. At a line
    /// start it joins the line to the one above, as Backspace does.
    fn delete_word_before(&mut self) -> Edit {
        if self.col == 0 {
            return self.backspace();
        }
        let start = self.word_start_before();
        let (from, to) = (self.byte_at(start), self.byte_at(self.col));
        self.lines[self.row].replace_range(from..to, "");
        self.col = start;
        Edit::Changed
    }

    fn word_start_before(&self) -> usize {
        let chars: Vec<char> = self.lines[self.row].chars().take(self.col).collect();
        let mut i = chars.len();
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    fn word_end_after(&self) -> usize {
        let chars: Vec<char> = self.lines[self.row].chars().collect();
        let mut i = self.col.min(chars.len());
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        i
    }

    fn delete_to_line_start(&mut self) -> Edit {
        if self.col == 0 {
            return Edit::Ignored;
        }
        let to = self.byte_at(self.col);
        self.lines[self.row].replace_range(..to, "");
        self.col = 0;
        Edit::Changed
    }

    fn delete_to_line_end(&mut self) -> Edit {
        if self.col == self.line_len() {
            return Edit::Ignored;
        }
        let from = self.byte_at(self.col);
        self.lines[self.row].truncate(from);
        Edit::Changed
    }

    fn move_to(&mut self, row: usize, col: usize) -> Edit {
        if (row, col) == (self.row, self.col) {
            return Edit::Ignored;
        }
        self.row = row;
        self.col = col;
        Edit::Moved
    }

    fn left(&mut self) -> Edit {
        if self.col > 0 {
            self.move_to(self.row, self.col - 1)
        } else if self.row > 0 {
            let len = self.lines[self.row - 1].chars().count();
            self.move_to(self.row - 1, len)
        } else {
            Edit::Ignored
        }
    }

    fn right(&mut self) -> Edit {
        if self.col < self.line_len() {
            self.move_to(self.row, self.col + 1)
        } else if self.row + 1 < self.lines.len() {
            self.move_to(self.row + 1, 0)
        } else {
            Edit::Ignored
        }
    }

    fn word_left(&mut self) -> Edit {
        if self.col == 0 {
            return self.left();
        }
        self.move_to(self.row, self.word_start_before())
    }

    fn word_right(&mut self) -> Edit {
        if self.col == self.line_len() {
            return self.right();
        }
        self.move_to(self.row, self.word_end_after())
    }

    fn line_start(&mut self) -> Edit {
        self.move_to(self.row, 0)
    }

    fn line_end(&mut self) -> Edit {
        self.move_to(self.row, self.line_len())
    }

    /// Up or Down one text line, aiming for the column the run of vertical
    /// moves started from.
    fn vertical(&mut self, down: bool) -> Edit {
        let row = if down {
            self.row + 1
        } else if let Some(row) = self.row.checked_sub(1) {
            row
        } else {
            return Edit::Ignored;
        };
        if row >= self.lines.len() {
            return Edit::Ignored;
        }
        let goal = *self.goal_col.get_or_insert(self.col);
        let col = goal.min(self.lines[row].chars().count());
        self.move_to(row, col)
    }
}

/// The byte offset of char `col` in `line` (its length past the end).
fn byte_of(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

/// Display width of a char; control chars (never stored) count as nothing.
fn char_width(c: char) -> usize {
    match c {
        // Halfwidth (semi-)voiced sound marks: ratatui gives them a cell.
        '\u{FF9E}' | '\u{FF9F}' => 1,
        c => c.width().unwrap_or(0),
    }
}

/// One screen row of wrapped text: chars `start..end` of text line `line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct VisualRow {
    line: usize,
    start: usize,
    end: usize,
}

/// Splits a line into rows of at most `width` cells, as char ranges.
///
/// Breaks after the last blank of a row when there is one, else between
/// chars; a wide char never splits and a zero-width char stays with the one
/// before. Blanks that overflow a row hang off its end (they are not drawn)
/// so the next row starts with a word. A char wider than `width` gets a row
/// of its own. An empty line is one empty row.
fn wrap_line(line: &str, width: usize) -> Vec<(usize, usize)> {
    let chars: Vec<char> = line.chars().collect();
    let mut rows = Vec::new();
    let (mut start, mut used, mut i) = (0, 0, 0);
    while i < chars.len() {
        let c = chars[i];
        let w = char_width(c);
        if w == 0 || i == start || used + w <= width {
            used += w;
            i += 1;
        } else if c.is_whitespace() {
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            rows.push((start, i));
            (start, used) = (i, 0);
        } else {
            let brk = (start..i)
                .rev()
                .find(|&j| chars[j].is_whitespace())
                .map_or(i, |j| j + 1);
            rows.push((start, brk));
            start = brk;
            used = chars[brk..i].iter().map(|&c| char_width(c)).sum();
        }
    }
    if start < chars.len() || rows.is_empty() {
        rows.push((start, chars.len()));
    }
    rows
}

/// The wrapped text for one width, the cursor's row in it and its column in
/// cells, and the first row shown for a given height.
struct Layout {
    rows: Vec<VisualRow>,
    cursor_row: usize,
    cursor_x: usize,
}

impl Layout {
    fn new(area: &TextArea, width: usize) -> Layout {
        let mut rows = Vec::new();
        let (mut cursor_row, mut cursor_x) = (0, 0);
        for (index, line) in area.lines.iter().enumerate() {
            let wrapped = wrap_line(line, width);
            let first = rows.len();
            rows.extend(wrapped.iter().map(|&(start, end)| VisualRow {
                line: index,
                start,
                end,
            }));
            if index != area.row {
                continue;
            }
            // The row holding the cursor: the one it is inside, else (at
            // the line's end) the last.
            let last = wrapped.len() - 1;
            let k = wrapped
                .iter()
                .position(|&(start, end)| start <= area.col && area.col < end)
                .unwrap_or(last);
            let (start, _) = wrapped[k];
            let x: usize = line
                .chars()
                .skip(start)
                .take(area.col.saturating_sub(start))
                .map(char_width)
                .sum();
            cursor_row = first + k;
            cursor_x = x;
            if x >= width {
                if k == last && area.col >= wrapped[k].1 {
                    // At the end of a full row: the cursor goes on an empty
                    // row of its own below.
                    let end = wrapped[k].1;
                    rows.push(VisualRow {
                        line: index,
                        start: end,
                        end,
                    });
                    cursor_row += 1;
                    cursor_x = 0;
                } else {
                    // Inside blanks hanging off the row.
                    cursor_x = width.saturating_sub(1);
                }
            }
        }
        Layout {
            rows,
            cursor_row,
            cursor_x,
        }
    }

    /// The first row shown: the top, unless that would leave the cursor below
    /// the area, then as far down as brings the cursor row to the bottom.
    fn scroll(&self, height: usize) -> usize {
        (self.cursor_row + 1).saturating_sub(height)
    }
}

/// Draws a [`TextArea`] soft-wrapped to the area's width (by display width,
/// with `unicode-width`; wide chars such as CJK and emoji never split) and
/// scrolled so the cursor line shows. It keeps no state: the scroll comes
/// from the cursor on every render.
///
/// ```
/// use medtech::textarea::{TextArea, TextAreaView};
/// use ratatui::{buffer::Buffer, layout::Rect, widgets::{Block, Widget}};
///
/// let note = TextArea::new("hello");
/// let view = TextAreaView::new(&note).block(Block::bordered());
/// let area = Rect::new(0, 0, 10, 3);
/// let mut buf = Buffer::empty(area);
/// let cursor = view.cursor_position(area); // for `Frame::set_cursor_position`
/// view.render(area, &mut buf);
/// assert_eq!(cursor, Some((6, 1).into()));
/// ```
#[derive(Debug, Clone)]
pub struct TextAreaView<'a> {
    textarea: &'a TextArea,
    block: Option<Block<'a>>,
    style: Style,
}

impl<'a> TextAreaView<'a> {
    pub fn new(textarea: &'a TextArea) -> TextAreaView<'a> {
        TextAreaView {
            textarea,
            block: None,
            style: Style::default(),
        }
    }

    /// Draws the text inside `block`.
    #[must_use]
    pub fn block(mut self, block: Block<'a>) -> TextAreaView<'a> {
        self.block = Some(block);
        self
    }

    /// The style of the whole area and the text.
    #[must_use]
    pub fn style(mut self, style: impl Into<Style>) -> TextAreaView<'a> {
        self.style = style.into();
        self
    }

    fn inner(&self, area: Rect) -> Rect {
        self.block.as_ref().map_or(area, |block| block.inner(area))
    }

    /// Where the terminal cursor goes when the view is rendered into `area`;
    /// `None` when the text area has no room.
    pub fn cursor_position(&self, area: Rect) -> Option<Position> {
        let inner = self.inner(area);
        if inner.is_empty() {
            return None;
        }
        let layout = Layout::new(self.textarea, usize::from(inner.width));
        let row = layout.cursor_row - layout.scroll(usize::from(inner.height));
        Some(Position {
            x: inner.x + u16::try_from(layout.cursor_x).ok()?,
            y: inner.y + u16::try_from(row).ok()?,
        })
    }
}

impl Widget for &TextAreaView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.style);
        if let Some(block) = &self.block {
            block.render(area, buf);
        }
        let inner = self.inner(area);
        if inner.is_empty() {
            return;
        }
        let layout = Layout::new(self.textarea, usize::from(inner.width));
        let scroll = layout.scroll(usize::from(inner.height));
        for (row, y) in layout
            .rows
            .iter()
            .skip(scroll)
            .zip(inner.top()..inner.bottom())
        {
            let line = &self.textarea.lines[row.line];
            let text = &line[byte_of(line, row.start)..byte_of(line, row.end)];
            buf.set_stringn(inner.x, y, text, usize::from(inner.width), self.style);
        }
    }
}

impl Widget for TextAreaView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::widgets::Block;
    use unicode_width::UnicodeWidthStr;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::CONTROL)
    }

    fn press(area: &mut TextArea, code: KeyCode) -> Edit {
        area.input(key(code))
    }

    fn type_str(area: &mut TextArea, s: &str) {
        for c in s.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            area.input(key(code));
        }
    }

    /// The visible rows (trailing blanks trimmed, a wide char read once) and
    /// the terminal cursor.
    fn render(area: &TextArea, width: u16, height: u16) -> (Vec<String>, Option<Position>) {
        render_view(&TextAreaView::new(area), Rect::new(0, 0, width, height))
    }

    fn render_view(view: &TextAreaView<'_>, rect: Rect) -> (Vec<String>, Option<Position>) {
        let mut buf = Buffer::empty(rect);
        view.render(rect, &mut buf);
        let rows = (rect.top()..rect.bottom())
            .map(|y| {
                let mut row = String::new();
                let mut x = rect.left();
                while x < rect.right() {
                    let symbol = buf[(x, y)].symbol();
                    row.push_str(symbol);
                    x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
                }
                row.trim_end().to_string()
            })
            .collect();
        (rows, view.cursor_position(rect))
    }

    #[test]
    fn new_puts_the_cursor_at_the_end() {
        let area = TextArea::new("one\ntwo");
        assert_eq!(area.cursor(), (1, 3));
        assert_eq!(area.text(), "one\ntwo");
        assert!(!area.is_empty());
        assert!(TextArea::new("").is_empty());
        assert!(!TextArea::new("\n").is_empty());
    }

    #[test]
    fn typing_inserts_at_the_cursor() {
        let mut area = TextArea::new("");
        type_str(&mut area, "Hello");
        press(&mut area, KeyCode::Left);
        press(&mut area, KeyCode::Left);
        assert_eq!(
            area.input(KeyEvent::new(KeyCode::Char('X'), KeyModifiers::SHIFT)),
            Edit::Changed
        );
        assert_eq!(area.text(), "HelXlo");
        assert_eq!(area.cursor(), (0, 4));
    }

    #[test]
    fn global_keys_are_typed_not_leaked() {
        let mut area = TextArea::new("");
        for c in ['q', '?', '/', '1', ' ', 'j', 'k', 'é', '日'] {
            assert_eq!(press(&mut area, KeyCode::Char(c)), Edit::Changed, "{c:?}");
        }
        assert_eq!(area.text(), "q?/1 jké日");
    }

    #[test]
    fn caller_keys_and_other_combos_are_ignored() {
        let mut area = TextArea::new("ab");
        assert_eq!(press(&mut area, KeyCode::Esc), Edit::Ignored);
        assert_eq!(area.input(ctrl(KeyCode::Char('s'))), Edit::Ignored);
        assert_eq!(area.input(ctrl(KeyCode::Char('q'))), Edit::Ignored);
        let alt_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT);
        assert_eq!(area.input(alt_x), Edit::Ignored);
        assert_eq!(press(&mut area, KeyCode::F(1)), Edit::Ignored);
        let release = KeyEvent::new_with_kind(
            KeyCode::Char('z'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
        );
        assert_eq!(area.input(release), Edit::Ignored);
        assert_eq!(area.text(), "ab");
        // AltGr, as Windows reports it, still types.
        let altgr = KeyEvent::new(
            KeyCode::Char('@'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        );
        assert_eq!(area.input(altgr), Edit::Changed);
        assert_eq!(area.text(), "ab@");
    }

    #[test]
    fn enter_splits_the_line() {
        let mut area = TextArea::new("abcd");
        press(&mut area, KeyCode::Left);
        press(&mut area, KeyCode::Left);
        assert_eq!(press(&mut area, KeyCode::Enter), Edit::Changed);
        assert_eq!(area.text(), "ab\ncd");
        assert_eq!(area.cursor(), (1, 0));
        assert_eq!(area.lines(), ["ab", "cd"]);
    }

    #[test]
    fn backspace_deletes_and_joins_lines() {
        let mut area = TextArea::new("ab\ncd");
        area.input(ctrl(KeyCode::Char('a')));
        assert_eq!(press(&mut area, KeyCode::Backspace), Edit::Changed);
        assert_eq!(area.text(), "abcd");
        assert_eq!(area.cursor(), (0, 2));
        assert_eq!(press(&mut area, KeyCode::Backspace), Edit::Changed);
        assert_eq!(area.text(), "acd");
        area.input(ctrl(KeyCode::Home));
        assert_eq!(press(&mut area, KeyCode::Backspace), Edit::Ignored);
    }

    #[test]
    fn delete_deletes_and_joins_lines() {
        let mut area = TextArea::new("ab\ncd");
        press(&mut area, KeyCode::Up);
        assert_eq!(area.cursor(), (0, 2));
        assert_eq!(press(&mut area, KeyCode::Delete), Edit::Changed);
        assert_eq!(area.text(), "abcd");
        assert_eq!(press(&mut area, KeyCode::Delete), Edit::Changed);
        assert_eq!(area.text(), "abd");
        area.input(ctrl(KeyCode::End));
        assert_eq!(press(&mut area, KeyCode::Delete), Edit::Ignored);
    }

    #[test]
    fn left_and_right_cross_line_ends() {
        let mut area = TextArea::new("ab\ncd");
        area.input(ctrl(KeyCode::Char('a')));
        assert_eq!(press(&mut area, KeyCode::Left), Edit::Moved);
        assert_eq!(area.cursor(), (0, 2));
        assert_eq!(press(&mut area, KeyCode::Right), Edit::Moved);
        assert_eq!(area.cursor(), (1, 0));
        area.input(ctrl(KeyCode::End));
        assert_eq!(press(&mut area, KeyCode::Right), Edit::Ignored);
        area.input(ctrl(KeyCode::Home));
        assert_eq!(press(&mut area, KeyCode::Left), Edit::Ignored);
    }

    #[test]
    fn up_and_down_remember_the_column() {
        let mut area = TextArea::new("long line\nab\nanother line");
        // Column 9 on the last line.
        for _ in 0..3 {
            press(&mut area, KeyCode::Left);
        }
        assert_eq!(area.cursor(), (2, 9));
        assert_eq!(press(&mut area, KeyCode::Up), Edit::Moved);
        assert_eq!(area.cursor(), (1, 2));
        assert_eq!(press(&mut area, KeyCode::Up), Edit::Moved);
        assert_eq!(area.cursor(), (0, 9));
        assert_eq!(press(&mut area, KeyCode::Up), Edit::Ignored);
        press(&mut area, KeyCode::Down);
        press(&mut area, KeyCode::Down);
        assert_eq!(area.cursor(), (2, 9));
        assert_eq!(press(&mut area, KeyCode::Down), Edit::Ignored);
        // Another key forgets the goal.
        press(&mut area, KeyCode::Up);
        press(&mut area, KeyCode::Left);
        press(&mut area, KeyCode::Up);
        assert_eq!(area.cursor(), (0, 1));
    }

    #[test]
    fn home_end_and_text_start_end() {
        let mut area = TextArea::new("ab\ncd");
        assert_eq!(press(&mut area, KeyCode::Home), Edit::Moved);
        assert_eq!(area.cursor(), (1, 0));
        assert_eq!(area.input(ctrl(KeyCode::Char('e'))), Edit::Moved);
        assert_eq!(area.cursor(), (1, 2));
        assert_eq!(press(&mut area, KeyCode::End), Edit::Ignored);
        assert_eq!(area.input(ctrl(KeyCode::Home)), Edit::Moved);
        assert_eq!(area.cursor(), (0, 0));
        assert_eq!(area.input(ctrl(KeyCode::End)), Edit::Moved);
        assert_eq!(area.cursor(), (1, 2));
    }

    #[test]
    fn word_delete_and_kill_line() {
        let mut area = TextArea::new("call the  lab  ");
        assert_eq!(area.input(ctrl(KeyCode::Char('w'))), Edit::Changed);
        assert_eq!(area.text(), "call the  ");
        assert_eq!(area.input(ctrl(KeyCode::Backspace)), Edit::Changed);
        assert_eq!(area.text(), "call ");
        let alt_bs = KeyEvent::new(KeyCode::Backspace, KeyModifiers::ALT);
        assert_eq!(area.input(alt_bs), Edit::Changed);
        assert_eq!(area.text(), "");

        let mut area = TextArea::new("one two\nthree");
        area.input(ctrl(KeyCode::Char('a')));
        // At a line start it joins, as Backspace does.
        area.input(ctrl(KeyCode::Char('w')));
        assert_eq!(area.text(), "one twothree");
        assert_eq!(area.cursor(), (0, 7));
        assert_eq!(area.input(ctrl(KeyCode::Char('k'))), Edit::Changed);
        assert_eq!(area.text(), "one two");
        assert_eq!(area.input(ctrl(KeyCode::Char('k'))), Edit::Ignored);
        area.input(ctrl(KeyCode::Left));
        assert_eq!(area.cursor(), (0, 4));
        assert_eq!(area.input(ctrl(KeyCode::Char('u'))), Edit::Changed);
        assert_eq!(area.text(), "two");
        assert_eq!(area.cursor(), (0, 0));
        assert_eq!(area.input(ctrl(KeyCode::Char('u'))), Edit::Ignored);
        area.input(ctrl(KeyCode::Right));
        assert_eq!(area.cursor(), (0, 3));
    }

    #[test]
    fn tab_inserts_spaces_in_multi_line_only() {
        let mut area = TextArea::new("a");
        assert_eq!(press(&mut area, KeyCode::Tab), Edit::Changed);
        assert_eq!(area.text(), "a    ");
        let mut field = TextArea::single_line("a");
        assert_eq!(press(&mut field, KeyCode::Tab), Edit::Ignored);
        assert_eq!(field.text(), "a");
    }

    #[test]
    fn paste_normalises_line_breaks() {
        let mut area = TextArea::new("[]");
        press(&mut area, KeyCode::Left);
        assert_eq!(
            area.insert_str("one\r\ntwo\rthree\nfour\tend\u{7}"),
            Edit::Changed
        );
        assert_eq!(area.text(), "[one\ntwo\nthree\nfour    end]");
        assert_eq!(area.cursor(), (3, 11));
        assert_eq!(area.insert_str(""), Edit::Ignored);
        assert_eq!(area.insert_str("\u{1b}"), Edit::Ignored);
    }

    #[test]
    fn single_line_refuses_enter_and_flattens_pastes() {
        let mut field = TextArea::single_line("2024");
        assert!(field.is_single_line());
        assert_eq!(press(&mut field, KeyCode::Enter), Edit::Ignored);
        assert_eq!(press(&mut field, KeyCode::Up), Edit::Ignored);
        assert_eq!(field.insert_str("-05\r\nx\ny"), Edit::Changed);
        assert_eq!(field.text(), "2024-05 x y");
        assert_eq!(field.lines().len(), 1);
        field.set_text("a\nb");
        assert_eq!(field.text(), "a b");
        assert_eq!(field.cursor(), (0, 3));
    }

    #[test]
    fn max_chars_refuses_inserts_past_the_limit() {
        let mut field = TextArea::single_line("").with_max_chars(7);
        assert_eq!(field.max_chars(), Some(7));
        type_str(&mut field, "2024-05");
        assert_eq!(press(&mut field, KeyCode::Char('9')), Edit::Ignored);
        assert_eq!(field.text(), "2024-05");
        press(&mut field, KeyCode::Backspace);
        assert_eq!(
            field.insert_str("67"),
            Edit::Ignored,
            "a paste is refused whole"
        );
        assert_eq!(field.insert_str("6"), Edit::Changed);
        assert_eq!(field.text(), "2024-06");

        // A line break counts.
        let mut area = TextArea::new("abc").with_max_chars(4);
        assert_eq!(press(&mut area, KeyCode::Enter), Edit::Changed);
        assert_eq!(press(&mut area, KeyCode::Char('d')), Edit::Ignored);
        assert_eq!(press(&mut area, KeyCode::Tab), Edit::Ignored);
        // Longer text given by the program is kept, it only can't grow.
        area.set_text("abcdef");
        assert_eq!(area.text(), "abcdef");
        assert_eq!(press(&mut area, KeyCode::Char('g')), Edit::Ignored);
        assert_eq!(press(&mut area, KeyCode::Backspace), Edit::Changed);
    }

    #[test]
    fn wide_chars_are_edited_whole() {
        let mut area = TextArea::new("日本語🙂");
        assert_eq!(area.cursor(), (0, 4));
        press(&mut area, KeyCode::Left);
        press(&mut area, KeyCode::Backspace);
        assert_eq!(area.text(), "日本🙂");
        press(&mut area, KeyCode::Char('é'));
        press(&mut area, KeyCode::Delete);
        assert_eq!(area.text(), "日本é");
        area.input(ctrl(KeyCode::Char('w')));
        assert!(area.is_empty());
    }

    #[test]
    fn renders_and_places_the_cursor() {
        let area = TextArea::new("ab\ncd");
        let (rows, cursor) = render(&area, 6, 3);
        assert_eq!(rows, ["ab", "cd", ""]);
        assert_eq!(cursor, Some(Position::new(2, 1)));
    }

    #[test]
    fn wraps_at_blanks_and_puts_the_cursor_after_the_wrap() {
        let mut area = TextArea::new("call the lab today");
        let (rows, cursor) = render(&area, 10, 4);
        assert_eq!(rows, ["call the", "lab today", "", ""]);
        assert_eq!(cursor, Some(Position::new(9, 1)));
        // The cursor on the first char of the second row.
        for _ in 0.."lab today".len() {
            press(&mut area, KeyCode::Left);
        }
        assert_eq!(render(&area, 10, 4).1, Some(Position::new(0, 1)));
        // A word longer than the width breaks between chars.
        let area = TextArea::new("abcdefghij");
        let (rows, cursor) = render(&area, 4, 3);
        assert_eq!(rows, ["abcd", "efgh", "ij"]);
        assert_eq!(cursor, Some(Position::new(2, 2)));
    }

    #[test]
    fn cursor_after_a_full_row_goes_below() {
        let area = TextArea::new("abcd\nx");
        let mut area = area;
        area.input(ctrl(KeyCode::Home));
        area.input(ctrl(KeyCode::Char('e')));
        let (rows, cursor) = render(&area, 4, 3);
        assert_eq!(rows, ["abcd", "", "x"]);
        assert_eq!(cursor, Some(Position::new(0, 1)));
        // Blanks past the width hang off the row.
        let area = TextArea::new("abcd  ");
        let (rows, cursor) = render(&area, 4, 3);
        assert_eq!(rows, ["abcd", "", ""]);
        assert_eq!(cursor, Some(Position::new(0, 1)));
    }

    #[test]
    fn wide_chars_never_split() {
        let area = TextArea::new("日本語🙂ab");
        let (rows, cursor) = render(&area, 5, 3);
        assert_eq!(rows, ["日本", "語🙂a", "b"]);
        assert_eq!(cursor, Some(Position::new(1, 2)));
        let mut area = area;
        area.input(ctrl(KeyCode::Char('a')));
        for _ in 0..3 {
            press(&mut area, KeyCode::Right);
        }
        // After 語: second row, two cells in.
        assert_eq!(render(&area, 5, 3).1, Some(Position::new(2, 1)));
        // Narrower than a wide char: no panic, the char gets its own row.
        let (rows, _) = render(&TextArea::new("日本"), 1, 3);
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn long_text_scrolls_to_the_cursor_line() {
        let text: Vec<String> = (1..=20).map(|n| format!("line {n}")).collect();
        let mut area = TextArea::new(&text.join("\n"));
        let (rows, cursor) = render(&area, 10, 4);
        assert_eq!(rows, ["line 17", "line 18", "line 19", "line 20"]);
        assert_eq!(cursor, Some(Position::new(7, 3)));
        for _ in 0..10 {
            press(&mut area, KeyCode::Up);
        }
        let (rows, cursor) = render(&area, 10, 4);
        assert_eq!(rows, ["line 7", "line 8", "line 9", "line 10"]);
        assert_eq!(cursor, Some(Position::new(7, 3)));
        area.input(ctrl(KeyCode::Home));
        let (rows, cursor) = render(&area, 10, 4);
        assert_eq!(rows[0], "line 1");
        assert_eq!(cursor, Some(Position::new(0, 0)));
    }

    #[test]
    fn block_and_style_frame_the_text() {
        let area = TextArea::new("hi");
        let view = TextAreaView::new(&area)
            .block(Block::bordered().title("Note"))
            .style(Style::new().fg(ratatui::style::Color::Yellow));
        let (rows, cursor) = render_view(&view, Rect::new(0, 0, 8, 3));
        assert_eq!(rows, ["┌Note──┐", "│hi    │", "└──────┘"]);
        assert_eq!(cursor, Some(Position::new(3, 1)));
        // No room inside the block.
        let (_, cursor) = render_view(&view, Rect::new(0, 0, 2, 2));
        assert_eq!(cursor, None);
    }

    #[derive(Debug, Clone)]
    enum Op {
        Key(KeyCode, KeyModifiers),
        Paste(String),
        Set(String),
    }

    fn any_op() -> impl Strategy<Value = Op> {
        let codes = prop_oneof![
            Just(KeyCode::Enter),
            Just(KeyCode::Backspace),
            Just(KeyCode::Delete),
            Just(KeyCode::Left),
            Just(KeyCode::Right),
            Just(KeyCode::Up),
            Just(KeyCode::Down),
            Just(KeyCode::Home),
            Just(KeyCode::End),
            Just(KeyCode::Tab),
            Just(KeyCode::BackTab),
            Just(KeyCode::Esc),
            prop::sample::select(vec![
                'a', 'e', 'w', 'u', 'k', 'h', ' ', '日', '🙂', '\u{301}', 'q'
            ])
            .prop_map(KeyCode::Char),
            any::<char>().prop_map(KeyCode::Char),
        ];
        let modifiers = (0u8..16).prop_map(KeyModifiers::from_bits_truncate);
        let text = "(?s)[a-c \t\r\n日🙂\u{301}\u{0}-\u{1f}]{0,12}";
        prop_oneof![
            8 => (codes, modifiers).prop_map(|(c, m)| Op::Key(c, m)),
            2 => text.prop_map(Op::Paste),
            1 => text.prop_map(Op::Set),
        ]
    }

    fn check(area: &TextArea, max: Option<usize>) {
        let (row, col) = area.cursor();
        assert!(!area.lines().is_empty());
        assert!(row < area.lines().len());
        assert!(col <= area.lines()[row].chars().count());
        assert!(area.lines().iter().all(|l| !l.contains(char::is_control)));
        if area.is_single_line() {
            assert_eq!(area.lines().len(), 1);
        }
        if let Some(max) = max {
            assert!(area.char_count() <= max);
        }
        assert_eq!(area.text().split('\n').count(), area.lines().len());
    }

    proptest! {
        #[test]
        fn random_edits_never_panic(
            multi_line in any::<bool>(),
            max in prop::option::of(0usize..20),
            ops in prop::collection::vec(any_op(), 0..60),
            width in 0u16..12,
            height in 0u16..6,
            bordered in any::<bool>(),
        ) {
            let mut area = if multi_line { TextArea::new("") } else { TextArea::single_line("") };
            if let Some(max) = max {
                area = area.with_max_chars(max);
            }
            let mut limit = max;
            for op in ops {
                match op {
                    Op::Key(code, modifiers) => { area.input(KeyEvent::new(code, modifiers)); }
                    Op::Paste(s) => { area.insert_str(&s); }
                    Op::Set(s) => {
                        area.set_text(&s);
                        // Set text may pass the limit; it only can't grow.
                        limit = max.map(|m| m.max(area.char_count()));
                    }
                }
                check(&area, limit);
                let rect = Rect::new(1, 1, width, height);
                let mut view = TextAreaView::new(&area);
                if bordered {
                    view = view.block(Block::bordered());
                }
                let mut buf = Buffer::empty(Rect::new(0, 0, 14, 8));
                (&view).render(rect, &mut buf);
                if let Some(p) = view.cursor_position(rect) {
                    let inner = view.inner(rect);
                    prop_assert!(inner.contains(p), "{p:?} outside {inner:?}");
                }
            }
        }
    }
}
