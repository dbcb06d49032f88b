//! The text being typed (the note editor, the setup form's answers, the date
//! prompt and the search query): [`ratatui_textarea`] with a thin wrapper for
//! what the app adds.
//!
//! The editor itself (readline keys, undo, word moves, soft wrapping,
//! horizontal scrolling) is `ratatui-textarea`'s. The wrapper adds:
//! - a length limit, in bytes or chars: typing or a paste that would pass it
//!   is refused whole ([`Edit::TooLong`]) so the caller can say so;
//! - single-line fields: Enter and Tab are left to the caller, line breaks
//!   in pasted text become spaces;
//! - cleaning: control characters never get in (a paste keeps its line
//!   breaks and tabs in a multi-line text);
//! - grapheme-aware Backspace, Delete, Left and Right, so `👩‍🔬` goes whole;
//! - readline's Ctrl-U (delete to the line start); undo is Ctrl-Z or Ctrl-_,
//!   redo Ctrl-R.
//!
//! ```
//! use medtech::textarea::{Edit, TextArea};
//! use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
//!
//! let mut note = TextArea::new("Ask about");
//! let typed = note.input(KeyEvent::new(KeyCode::Char('!'), KeyModifiers::NONE));
//! assert_eq!(typed, Edit::Changed);
//! assert_eq!(note.text(), "Ask about!");
//! ```

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Widget};
use ratatui_textarea::{CursorMove, WrapMode};
use unicode_segmentation::UnicodeSegmentation;

/// How long a note may be: well under what the profile loader reads.
pub const NOTE_MAX_BYTES: usize = 64 * 1024;

/// What a key (or a paste) did to a [`TextArea`].
///
/// `Ignored` means nothing changed: the key is not one the text area edits
/// with (Esc, Enter and Tab in a single-line field, F-keys), or it had no
/// effect here (Backspace at the start). A caller that gives the text area
/// the keyboard must not pass `Ignored` keys on to the global keymap, or a
/// refused `q` would quit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed (the cursor may have moved too).
    Changed,
    /// Only the cursor (or the selection) moved.
    Moved,
    /// Nothing changed.
    Ignored,
    /// Refused: the text would pass its limit. Nothing was added; say so
    /// with [`TextArea::limit_words`].
    TooLong,
}

/// How much a [`TextArea`] may hold, a line break counting as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Chars(usize),
    /// UTF-8 bytes, as the text is saved.
    Bytes(usize),
}

/// The text being edited and its cursor.
#[derive(Debug, Clone)]
pub struct TextArea {
    editor: ratatui_textarea::TextArea<'static>,
    single_line: bool,
    limit: Option<Limit>,
}

impl PartialEq for TextArea {
    fn eq(&self, other: &TextArea) -> bool {
        self.single_line == other.single_line
            && self.limit == other.limit
            && self.cursor() == other.cursor()
            && self.lines() == other.lines()
    }
}

impl Eq for TextArea {}

impl TextArea {
    /// A multi-line text (soft-wrapped at words) with the cursor at its end.
    pub fn new(text: &str) -> TextArea {
        TextArea::with_mode(text, false)
    }

    /// A single-line text with the cursor at its end: Enter and Tab are
    /// `Ignored` (the form uses them), line breaks and tabs in pasted or
    /// set text become spaces, and the field scrolls sideways to the cursor.
    pub fn single_line(text: &str) -> TextArea {
        TextArea::with_mode(text, true)
    }

    fn with_mode(text: &str, single_line: bool) -> TextArea {
        let mut area = TextArea {
            editor: ratatui_textarea::TextArea::default(),
            single_line,
            limit: None,
        };
        area.set_text(text);
        area
    }

    /// Refuses typing and pastes that would make the text longer than `n`
    /// chars. Text already there, or later given to [`TextArea::set_text`],
    /// is kept whole; it only can't grow.
    #[must_use]
    pub fn with_max_chars(mut self, n: usize) -> TextArea {
        self.limit = Some(Limit::Chars(n));
        self
    }

    /// As [`TextArea::with_max_chars`], counting UTF-8 bytes.
    #[must_use]
    pub fn with_max_bytes(mut self, n: usize) -> TextArea {
        self.limit = Some(Limit::Bytes(n));
        self
    }

    pub fn limit(&self) -> Option<Limit> {
        self.limit
    }

    /// The limit in words, for a message: "64 KB", "60 characters".
    pub fn limit_words(&self) -> String {
        match self.limit {
            None => "no limit".to_owned(),
            Some(Limit::Chars(n)) => format!("{n} characters"),
            Some(Limit::Bytes(n)) if n % 1024 == 0 => format!("{} KB", n / 1024),
            Some(Limit::Bytes(n)) => format!("{n} bytes"),
        }
    }

    /// Whether this is a single-line field.
    pub fn is_single_line(&self) -> bool {
        self.single_line
    }

    /// The lines joined with `'\n'`.
    pub fn text(&self) -> String {
        self.lines().join("\n")
    }

    /// The lines, without line breaks; never empty.
    pub fn lines(&self) -> &[String] {
        self.editor.lines()
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.editor.is_empty()
    }

    /// How many chars the text holds, a line break counting as one.
    pub fn char_count(&self) -> usize {
        self.measure(Limit::Chars(0))
    }

    /// The text's size in the unit of `limit`.
    fn measure(&self, limit: Limit) -> usize {
        let lines = self.lines();
        let breaks = lines.len() - 1;
        breaks
            + match limit {
                Limit::Chars(_) => lines.iter().map(|l| l.chars().count()).sum::<usize>(),
                Limit::Bytes(_) => lines.iter().map(String::len).sum::<usize>(),
            }
    }

    /// Whether `added` can go in without passing the limit.
    fn has_room(&self, added: &str) -> bool {
        let Some(limit) = self.limit else {
            return true;
        };
        let (max, more) = match limit {
            Limit::Chars(max) => (max, added.chars().count()),
            Limit::Bytes(max) => (max, added.len()),
        };
        self.measure(limit).saturating_add(more) <= max
    }

    /// Replaces the text (cleaned as a paste is) and puts the cursor at its
    /// end. The undo history starts again.
    pub fn set_text(&mut self, text: &str) {
        let clean = clean(text, self.single_line);
        let mut editor =
            ratatui_textarea::TextArea::new(clean.split('\n').map(String::from).collect());
        // The terminal's own cursor shows where typing goes (ui places it),
        // so the widget draws none, and no underline on the cursor line.
        editor.set_cursor_style(Style::new());
        editor.set_cursor_line_style(Style::new());
        // Readable without colour.
        editor.set_selection_style(Style::new().add_modifier(Modifier::REVERSED));
        if !self.single_line {
            editor.set_wrap_mode(WrapMode::WordOrGlyph);
        }
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        self.editor = editor;
    }

    /// (row, char column) of the cursor in the text.
    pub fn cursor(&self) -> (usize, usize) {
        let cursor = self.editor.cursor();
        (cursor.0, cursor.1)
    }

    /// Inserts pasted text at the cursor, cleaned: `\r\n` and `\r` become
    /// line breaks (spaces in a single-line field, tabs too), other control
    /// chars are dropped. Refused whole (`TooLong`) when it would pass the
    /// limit: nothing is cut without a word.
    pub fn insert_str(&mut self, s: &str) -> Edit {
        let clean = clean(s, self.single_line);
        if clean.is_empty() {
            return Edit::Ignored;
        }
        if !self.has_room(&clean) {
            return Edit::TooLong;
        }
        if self.editor.insert_str(&clean) {
            self.scroll_to_start();
            Edit::Changed
        } else {
            Edit::Ignored
        }
    }

    /// Applies one key. Key releases are `Ignored`; presses and repeats act.
    pub fn input(&mut self, key: KeyEvent) -> Edit {
        if key.kind == KeyEventKind::Release
            || key
                .modifiers
                .intersects(KeyModifiers::SUPER | KeyModifiers::HYPER | KeyModifiers::META)
        {
            return Edit::Ignored;
        }
        let before = self.editor.cursor();
        let was_selecting = self.editor.is_selecting();
        let m = key.modifiers;
        let ctrl = m.contains(KeyModifiers::CONTROL);
        let alt = m.contains(KeyModifiers::ALT);
        let shift = m.contains(KeyModifiers::SHIFT);
        let plain = !ctrl && !alt;
        let changed = match key.code {
            // Ctrl+Alt is how Windows reports AltGr, which types `@`, `{`,
            // `€` on many keyboards.
            KeyCode::Char(c) if plain || (ctrl && alt) => {
                if c.is_control() {
                    return Edit::Ignored;
                }
                let edit = self.insert(c.encode_utf8(&mut [0; 4]));
                if edit == Edit::Changed {
                    self.scroll_to_start();
                }
                return edit;
            }
            // Ctrl-M is Enter; the crate would take Ctrl- or Alt-Enter as a
            // line break too, even in a single-line field.
            KeyCode::Enter | KeyCode::Char('m') => {
                let newline = if key.code == KeyCode::Enter {
                    plain
                } else {
                    ctrl && !alt
                };
                if self.single_line || !newline {
                    return Edit::Ignored;
                }
                return self.insert("\n");
            }
            KeyCode::Tab if plain => {
                if self.single_line {
                    return Edit::Ignored;
                }
                if !self.has_room(self.editor.indent()) {
                    return Edit::TooLong;
                }
                self.editor.insert_tab()
            }
            KeyCode::BackTab | KeyCode::Tab | KeyCode::Esc => return Edit::Ignored,
            KeyCode::Backspace if plain => self.backspace(),
            KeyCode::Char('h') if ctrl && !alt => self.backspace(),
            // Ctrl-Backspace; Alt-Backspace is the macOS and readline habit.
            KeyCode::Backspace => self.editor.delete_word(),
            KeyCode::Delete if plain => self.delete(),
            KeyCode::Char('d') if ctrl && !alt => self.delete(),
            KeyCode::Left if plain && !shift => self.left(),
            KeyCode::Char('b') if ctrl && !alt => self.left(),
            KeyCode::Right if plain && !shift => self.right(),
            KeyCode::Char('f') if ctrl && !alt => self.right(),
            KeyCode::Home if ctrl => {
                self.editor.move_cursor(CursorMove::Top);
                self.editor.move_cursor(CursorMove::Head);
                false
            }
            KeyCode::End if ctrl => {
                self.editor.move_cursor(CursorMove::Bottom);
                self.editor.move_cursor(CursorMove::End);
                false
            }
            // Readline: delete to the line start (the crate's Ctrl-U undoes).
            KeyCode::Char('u') if ctrl && !alt => self.editor.delete_line_by_head(),
            // Undo: Ctrl-Z, or readline's Ctrl-_ (sent as Ctrl-7 or Ctrl-/).
            KeyCode::Char('z' | '_' | '7' | '/') if ctrl && !alt => self.editor.undo(),
            // Yank what Ctrl-K, Ctrl-U or Ctrl-W cut, if it fits.
            KeyCode::Char('y') if ctrl && !alt => {
                let yank = clean(&self.editor.yank_text(), self.single_line);
                if !self.has_room(&yank) {
                    return Edit::TooLong;
                }
                self.editor.insert_str(&yank)
            }
            // Everything else as ratatui-textarea does it: Ctrl-A/E, Ctrl-K,
            // Ctrl-W, Alt-B/F, Alt-D, Ctrl-R, arrows, Home/End, PageUp/Down.
            _ => self.editor.input(key),
        };
        if changed {
            self.scroll_to_start();
            Edit::Changed
        } else if self.editor.cursor() != before || self.editor.is_selecting() != was_selecting {
            Edit::Moved
        } else {
            Edit::Ignored
        }
    }

    /// Typing one char or a line break.
    fn insert(&mut self, s: &str) -> Edit {
        if !self.has_room(s) {
            return Edit::TooLong;
        }
        if s == "\n" {
            self.editor.insert_newline();
        } else {
            self.editor.insert_str(s);
        }
        Edit::Changed
    }

    /// After a change to a single-line field: scrolled as far left as
    /// keeps the cursor in view (the next drawing scrolls right again if it
    /// must), so a field whose text now fits shows it from the start, not
    /// the blank where deleted words were.
    fn scroll_to_start(&mut self) {
        let (_, left) = self.editor.scroll_offset();
        if !self.single_line || left == 0 {
            return;
        }
        let (_, col) = self.cursor();
        // Scrolling pulls the cursor into the view; it goes back after.
        self.editor
            .scroll((0, -i16::try_from(left).unwrap_or(i16::MAX)));
        if self.cursor().1 != col {
            self.move_to_col(col);
        }
    }

    /// The cursor line and the byte offset of the cursor in it.
    fn line_and_offset(&self) -> (&str, usize) {
        let (row, col) = self.cursor();
        let line = self.lines()[row].as_str();
        let offset = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
        (line, offset)
    }

    /// How many chars the grapheme before the cursor has (0 at a line start).
    fn grapheme_before(&self) -> usize {
        let (line, offset) = self.line_and_offset();
        line[..offset]
            .graphemes(true)
            .next_back()
            .map_or(0, |g| g.chars().count())
    }

    /// How many chars the grapheme after the cursor has (0 at a line end).
    fn grapheme_after(&self) -> usize {
        let (line, offset) = self.line_and_offset();
        line[offset..]
            .graphemes(true)
            .next()
            .map_or(0, |g| g.chars().count())
    }

    /// Moves the cursor within its line, to char column `col`.
    fn move_to_col(&mut self, col: usize) {
        let (row, now) = self.cursor();
        match (u16::try_from(row), u16::try_from(col)) {
            (Ok(row), Ok(col)) => self.editor.move_cursor(CursorMove::Jump(row, col)),
            // Past what `Jump` takes: step there.
            _ if col < now => (col..now).for_each(|_| self.editor.move_cursor(CursorMove::Back)),
            _ => (now..col).for_each(|_| self.editor.move_cursor(CursorMove::Forward)),
        }
    }

    /// Backspace: the grapheme before the cursor, whole; at a line start
    /// the line break; with a selection, the selection.
    fn backspace(&mut self) -> bool {
        let n = self.grapheme_before();
        if n <= 1 || self.editor.is_selecting() {
            return self.editor.delete_char();
        }
        let (_, col) = self.cursor();
        self.move_to_col(col - n);
        self.editor.delete_str(n)
    }

    /// Delete: the grapheme after the cursor, whole.
    fn delete(&mut self) -> bool {
        let n = self.grapheme_after();
        if n <= 1 || self.editor.is_selecting() {
            return self.editor.delete_next_char();
        }
        self.editor.delete_str(n)
    }

    fn left(&mut self) -> bool {
        self.editor.cancel_selection();
        let n = self.grapheme_before();
        if n == 0 {
            self.editor.move_cursor(CursorMove::Back);
        } else {
            let (_, col) = self.cursor();
            self.move_to_col(col - n);
        }
        false
    }

    fn right(&mut self) -> bool {
        self.editor.cancel_selection();
        let n = self.grapheme_after();
        if n == 0 {
            self.editor.move_cursor(CursorMove::Forward);
        } else {
            let (_, col) = self.cursor();
            self.move_to_col(col + n);
        }
        false
    }
}

/// What may go into a text: no control chars but line breaks (`\r\n` and
/// `\r` become `\n`) and tabs in a multi-line text; in a single-line one
/// those become spaces.
pub fn clean(text: &str, single_line: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(if single_line { ' ' } else { '\n' });
            }
            '\t' => out.push(if single_line { ' ' } else { '\t' }),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Draws a [`TextArea`]: soft-wrapped (multi-line) or scrolled sideways
/// (single-line) so the cursor shows, inside an optional block, in a style.
///
/// ```
/// use medtech::textarea::{TextArea, TextAreaView};
/// use ratatui::{buffer::Buffer, layout::Rect, widgets::{Block, Widget}};
///
/// let note = TextArea::new("hello");
/// let view = TextAreaView::new(&note).block(Block::bordered());
/// let area = Rect::new(0, 0, 10, 3);
/// let mut buf = Buffer::empty(area);
/// (&view).render(area, &mut buf);
/// // After drawing: for `Frame::set_cursor_position`.
/// assert_eq!(view.cursor_position(area), Some((6, 1).into()));
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

    /// Where the terminal cursor goes, once the view has been rendered into
    /// `area` (the scroll is worked out while drawing); `None` when the text
    /// area has no room.
    pub fn cursor_position(&self, area: Rect) -> Option<Position> {
        let inner = self.inner(area);
        if inner.is_empty() {
            return None;
        }
        let editor = &self.textarea.editor;
        let cursor = editor.screen_cursor();
        let (top_row, top_col) = editor.scroll_offset();
        let row = cursor.row.saturating_sub(usize::from(top_row));
        let col = cursor.col.saturating_sub(usize::from(top_col));
        let x = u16::try_from(col).unwrap_or(u16::MAX);
        let y = u16::try_from(row).unwrap_or(u16::MAX);
        Some(Position {
            x: inner.x + x.min(inner.width - 1),
            y: inner.y + y.min(inner.height - 1),
        })
    }
}

impl Widget for &TextAreaView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // The widget draws its text over these cells without a style of
        // its own, so the view's style shows through.
        buf.set_style(area, self.style);
        if let Some(block) = &self.block {
            block.render(area, buf);
        }
        let inner = self.inner(area);
        if inner.is_empty() {
            return;
        }
        (&self.textarea.editor).render(inner, buf);
    }
}

impl Widget for TextAreaView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

#[cfg(test)]
mod tests;
