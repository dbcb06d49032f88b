use super::*;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

fn press(area: &mut TextArea, code: KeyCode) -> Edit {
    area.input(key(code))
}

fn type_str(area: &mut TextArea, s: &str) {
    for c in s.chars() {
        area.input(key(KeyCode::Char(c)));
    }
}

/// The visible rows (trailing blanks trimmed, a wide char read once) and the
/// terminal cursor, after drawing.
fn render(view: &TextAreaView<'_>, rect: Rect) -> (Vec<String>, Option<Position>) {
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

fn draw(area: &TextArea, width: u16, height: u16) -> (Vec<String>, Option<Position>) {
    render(&TextAreaView::new(area), Rect::new(0, 0, width, height))
}

#[test]
fn new_puts_the_cursor_at_the_end() {
    let area = TextArea::new("one\ntwo");
    assert_eq!(area.cursor(), (1, 3));
    assert_eq!(area.text(), "one\ntwo");
    assert!(TextArea::new("").is_empty());
    assert!(!TextArea::new("\n").is_empty());
}

#[test]
fn global_keys_are_typed_not_leaked() {
    let mut area = TextArea::new("");
    for c in ['q', '?', '/', '1', ' ', 'j', 'k', 'n', 'é', '日'] {
        assert_eq!(press(&mut area, KeyCode::Char(c)), Edit::Changed, "{c:?}");
    }
    assert_eq!(area.text(), "q?/1 jkné日");
    let shifted = KeyEvent::new(KeyCode::Char('X'), KeyModifiers::SHIFT);
    assert_eq!(area.input(shifted), Edit::Changed);
    assert!(area.text().ends_with('X'));
}

#[test]
fn caller_keys_and_other_combos_are_ignored() {
    let mut area = TextArea::new("ab");
    assert_eq!(press(&mut area, KeyCode::Esc), Edit::Ignored);
    assert_eq!(press(&mut area, KeyCode::F(1)), Edit::Ignored);
    assert_eq!(area.input(alt('x')), Edit::Ignored);
    assert_eq!(area.input(ctrl('q')), Edit::Ignored);
    let release = KeyEvent::new_with_kind(
        KeyCode::Char('z'),
        KeyModifiers::NONE,
        KeyEventKind::Release,
    );
    assert_eq!(area.input(release), Edit::Ignored);
    let super_a = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::SUPER);
    assert_eq!(area.input(super_a), Edit::Ignored);
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
fn enter_splits_the_line_and_tab_indents_in_a_note() {
    let mut area = TextArea::new("abcd");
    press(&mut area, KeyCode::Left);
    press(&mut area, KeyCode::Left);
    assert_eq!(press(&mut area, KeyCode::Enter), Edit::Changed);
    assert_eq!(area.lines(), ["ab", "cd"]);
    assert_eq!(area.cursor(), (1, 0));
    assert_eq!(press(&mut area, KeyCode::Tab), Edit::Changed);
    assert_eq!(area.text(), "ab\n    cd");
}

#[test]
fn readline_keys_move_and_delete() {
    let mut area = TextArea::new("call the lab today");
    // Alt-B and Alt-F: a word back and forward.
    assert_eq!(area.input(alt('b')), Edit::Moved);
    assert_eq!(area.cursor(), (0, 13));
    area.input(alt('b'));
    assert_eq!(area.cursor(), (0, 9));
    assert_eq!(area.input(alt('f')), Edit::Moved);
    assert_eq!(area.cursor(), (0, 13));
    // Ctrl-A and Ctrl-E: line start and end.
    assert_eq!(area.input(ctrl('a')), Edit::Moved);
    assert_eq!(area.cursor(), (0, 0));
    assert_eq!(area.input(ctrl('e')), Edit::Moved);
    assert_eq!(area.cursor(), (0, 18));
    // Ctrl-W: the word before the cursor.
    assert_eq!(area.input(ctrl('w')), Edit::Changed);
    assert_eq!(area.text(), "call the lab ");
    // Ctrl-D: the char after the cursor.
    area.input(ctrl('a'));
    assert_eq!(area.input(ctrl('d')), Edit::Changed);
    assert_eq!(area.text(), "all the lab ");
    // Ctrl-K: to the line end; Ctrl-U: to the line start.
    area.input(alt('f'));
    assert_eq!(area.cursor(), (0, 4));
    assert_eq!(area.input(ctrl('k')), Edit::Changed);
    assert_eq!(area.text(), "all ");
    area.input(key(KeyCode::Left));
    assert_eq!(area.input(ctrl('u')), Edit::Changed);
    assert_eq!(area.text(), " ");
    assert_eq!(area.cursor(), (0, 0));
    // Ctrl-Y puts back what Ctrl-U cut.
    assert_eq!(area.input(ctrl('y')), Edit::Changed);
    assert_eq!(area.text(), "all ");
}

#[test]
fn undo_and_redo_inside_the_editor() {
    let mut area = TextArea::new("");
    type_str(&mut area, "ask");
    area.input(ctrl('w'));
    assert!(area.is_empty());
    assert_eq!(area.input(ctrl('z')), Edit::Changed);
    assert_eq!(area.text(), "ask");
    assert_eq!(area.input(ctrl('z')), Edit::Changed);
    assert_eq!(area.text(), "as");
    assert_eq!(area.input(ctrl('r')), Edit::Changed);
    assert_eq!(area.text(), "ask");
    // Readline's Ctrl-_ (sent as Ctrl-7) undoes too.
    assert_eq!(area.input(ctrl('7')), Edit::Changed);
    assert_eq!(area.text(), "as");
    // Nothing left to undo past the start.
    let mut fresh = TextArea::new("kept");
    assert_eq!(fresh.input(ctrl('z')), Edit::Ignored);
    assert_eq!(fresh.text(), "kept");
}

#[test]
fn backspace_and_delete_take_a_grapheme_whole() {
    let scientist = "👩\u{200d}🔬";
    let mut area = TextArea::new(&format!("a{scientist}"));
    assert_eq!(press(&mut area, KeyCode::Backspace), Edit::Changed);
    assert_eq!(area.text(), "a");
    // One undo brings it back whole.
    area.input(ctrl('z'));
    assert_eq!(area.text(), format!("a{scientist}"));

    // Left steps over it, Delete removes it whole.
    let mut area = TextArea::new(&format!("{scientist}b"));
    area.input(ctrl('a'));
    assert_eq!(press(&mut area, KeyCode::Right), Edit::Moved);
    assert_eq!(area.cursor(), (0, 3));
    assert_eq!(press(&mut area, KeyCode::Left), Edit::Moved);
    assert_eq!(area.cursor(), (0, 0));
    assert_eq!(press(&mut area, KeyCode::Delete), Edit::Changed);
    assert_eq!(area.text(), "b");

    // A letter and its combining accent go together.
    let mut area = TextArea::new("cafe\u{301}");
    press(&mut area, KeyCode::Backspace);
    assert_eq!(area.text(), "caf");
    // Backspace at a line start joins the lines.
    let mut area = TextArea::new("ab\ncd");
    area.input(ctrl('a'));
    assert_eq!(press(&mut area, KeyCode::Backspace), Edit::Changed);
    assert_eq!(area.text(), "abcd");
}

#[test]
fn single_line_fields_refuse_line_breaks() {
    let mut field = TextArea::single_line("2024");
    assert!(field.is_single_line());
    assert_eq!(press(&mut field, KeyCode::Enter), Edit::Ignored);
    assert_eq!(press(&mut field, KeyCode::Tab), Edit::Ignored);
    for mods in [
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
        KeyModifiers::SHIFT,
    ] {
        assert_eq!(
            field.input(KeyEvent::new(KeyCode::Enter, mods)),
            Edit::Ignored
        );
    }
    assert_eq!(field.input(ctrl('m')), Edit::Ignored);
    assert_eq!(field.insert_str("-05\r\nx\ny\tz"), Edit::Changed);
    assert_eq!(field.text(), "2024-05 x y z");
    assert_eq!(field.lines().len(), 1);
    field.set_text("a\nb");
    assert_eq!(field.text(), "a b");
    assert_eq!(field.cursor(), (0, 3));
}

#[test]
fn pastes_lose_control_chars_but_a_note_keeps_line_breaks_and_tabs() {
    let mut area = TextArea::new("[]");
    press(&mut area, KeyCode::Left);
    let pasted = "one\r\ntwo\rthree\n\tfour\u{7}\u{1b}[2J\u{1b}]52;c;eA==\u{7}\u{9b}end";
    assert_eq!(area.insert_str(pasted), Edit::Changed);
    assert_eq!(area.text(), "[one\ntwo\nthree\n\tfour[2J]52;c;eA==end]");
    assert!(
        !area
            .text()
            .contains(|c: char| c.is_control() && c != '\n' && c != '\t')
    );
    assert_eq!(area.insert_str(""), Edit::Ignored);
    assert_eq!(area.insert_str("\u{1b}\u{7}"), Edit::Ignored);
    // Text set by the program is cleaned the same way.
    assert_eq!(TextArea::new("a\u{1b}b").text(), "ab");
}

#[test]
fn a_limit_refuses_typing_and_pastes_whole() {
    let mut field = TextArea::single_line("").with_max_chars(7);
    type_str(&mut field, "2024-05");
    assert_eq!(press(&mut field, KeyCode::Char('9')), Edit::TooLong);
    assert_eq!(field.text(), "2024-05");
    assert_eq!(field.limit_words(), "7 characters");
    press(&mut field, KeyCode::Backspace);
    assert_eq!(
        field.insert_str("67"),
        Edit::TooLong,
        "refused whole, not cut"
    );
    assert_eq!(field.text(), "2024-0");
    assert_eq!(field.insert_str("6"), Edit::Changed);
    assert_eq!(field.text(), "2024-06");

    // A line break and a tab's spaces count.
    let mut area = TextArea::new("abc").with_max_chars(4);
    assert_eq!(press(&mut area, KeyCode::Enter), Edit::Changed);
    assert_eq!(press(&mut area, KeyCode::Enter), Edit::TooLong);
    assert_eq!(press(&mut area, KeyCode::Tab), Edit::TooLong);
    // Yanking back what was cut must fit too.
    let mut area = TextArea::new("abcd").with_max_chars(4);
    area.input(ctrl('u'));
    type_str(&mut area, "xy");
    assert_eq!(area.input(ctrl('y')), Edit::TooLong);
    assert_eq!(area.text(), "xy");
    // Longer text given by the program is kept, it only can't grow.
    let mut area = TextArea::new("abcdef").with_max_chars(4);
    assert_eq!(area.text(), "abcdef");
    assert_eq!(press(&mut area, KeyCode::Char('g')), Edit::TooLong);
    assert_eq!(press(&mut area, KeyCode::Backspace), Edit::Changed);
}

#[test]
fn a_note_holds_64_kb() {
    let mut note = TextArea::new("").with_max_bytes(NOTE_MAX_BYTES);
    assert_eq!(note.limit_words(), "64 KB");
    let big = "x".repeat(NOTE_MAX_BYTES + 1);
    assert_eq!(note.insert_str(&big), Edit::TooLong);
    assert!(note.is_empty(), "nothing of a paste past the limit goes in");
    assert_eq!(note.insert_str(&big[1..]), Edit::Changed);
    assert_eq!(note.text().len(), NOTE_MAX_BYTES);
    assert_eq!(press(&mut note, KeyCode::Char('y')), Edit::TooLong);
    // Bytes, not chars: a two-byte char does not fit in the last byte.
    let mut note = TextArea::new(&"x".repeat(NOTE_MAX_BYTES - 1)).with_max_bytes(NOTE_MAX_BYTES);
    assert_eq!(press(&mut note, KeyCode::Char('é')), Edit::TooLong);
    assert_eq!(press(&mut note, KeyCode::Char('e')), Edit::Changed);
}

#[test]
fn a_long_answer_scrolls_with_the_cursor() {
    let mut field = TextArea::single_line("Medical Laboratory Technology");
    let view = |field: &TextArea| draw(field, 12, 1);
    // The cursor at the end: the end shows, the cursor after it.
    let (rows, cursor) = view(&field);
    assert_eq!(rows, [" Technology"]);
    assert_eq!(cursor, Some(Position::new(11, 0)));
    // Home: the start shows.
    press(&mut field, KeyCode::Home);
    let (rows, cursor) = view(&field);
    assert_eq!(rows, ["Medical Labo"]);
    assert_eq!(cursor, Some(Position::new(0, 0)));
    // A word on: the view stays while the cursor is in it.
    field.input(alt('f'));
    let (rows, cursor) = view(&field);
    assert_eq!(rows, ["Medical Labo"]);
    assert_eq!(cursor, Some(Position::new(8, 0)));
    // End: the end again.
    press(&mut field, KeyCode::End);
    assert_eq!(view(&field).0, [" Technology"]);
    // Words deleted until the rest fits: it shows from its start, not the
    // blank where the words were.
    field.input(ctrl('w'));
    let (rows, cursor) = view(&field);
    assert_eq!(rows, ["Laboratory"]);
    assert_eq!(cursor, Some(Position::new(11, 0)));
    field.input(ctrl('w'));
    let (rows, cursor) = view(&field);
    assert_eq!(rows, ["Medical"]);
    assert_eq!(cursor, Some(Position::new(8, 0)));
}

#[test]
fn a_note_wraps_at_words_and_places_the_cursor() {
    let area = TextArea::new("call the lab today");
    let (rows, cursor) = draw(&area, 10, 3);
    assert_eq!(rows, ["call the", "lab today", ""]);
    assert_eq!(cursor, Some(Position::new(9, 1)));
    // Inside a block, in the view's style.
    let view = TextAreaView::new(&area)
        .block(Block::bordered().title("Note"))
        .style(Style::new().add_modifier(Modifier::BOLD));
    let rect = Rect::new(0, 0, 12, 4);
    let mut buf = Buffer::empty(rect);
    (&view).render(rect, &mut buf);
    assert_eq!(buf[(0, 0)].symbol(), "┌");
    assert_eq!(buf[(1, 1)].symbol(), "c");
    assert!(buf[(1, 1)].modifier.contains(Modifier::BOLD));
    assert_eq!(view.cursor_position(rect), Some(Position::new(10, 2)));
}

#[test]
fn long_text_scrolls_to_the_cursor_line() {
    let text: Vec<String> = (1..=20).map(|n| format!("line {n}")).collect();
    let mut area = TextArea::new(&text.join("\n"));
    let (rows, cursor) = draw(&area, 10, 4);
    assert_eq!(rows, ["line 17", "line 18", "line 19", "line 20"]);
    assert_eq!(cursor, Some(Position::new(7, 3)));
    area.input(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    let (rows, cursor) = draw(&area, 10, 4);
    assert_eq!(rows[0], "line 1");
    assert_eq!(cursor, Some(Position::new(0, 0)));
}

#[derive(Debug, Clone)]
enum Op {
    Key(KeyCode, KeyModifiers),
    Paste(String),
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
        Just(KeyCode::PageDown),
        prop::sample::select(vec![
            'a', 'b', 'd', 'e', 'f', 'h', 'k', 'm', 'r', 'u', 'w', 'x', 'y', 'z', 'v', ' ', '日',
            '🙂', '\u{301}', '\u{200d}', '\n'
        ])
        .prop_map(KeyCode::Char),
    ];
    let modifiers = (0u8..8).prop_map(KeyModifiers::from_bits_truncate);
    let text = "(?s)[a-c \t\r\n日🙂\u{301}\u{200d}\u{0}-\u{1f}]{0,12}";
    prop_oneof![
        8 => (codes, modifiers).prop_map(|(c, m)| Op::Key(c, m)),
        2 => text.prop_map(Op::Paste),
    ]
}

proptest! {
    #[test]
    fn random_edits_keep_the_promises(
        single_line in any::<bool>(),
        max in prop::option::of(0usize..20),
        ops in prop::collection::vec(any_op(), 0..50),
        width in 0u16..12,
        height in 0u16..5,
    ) {
        let mut area = if single_line { TextArea::single_line("") } else { TextArea::new("") };
        if let Some(max) = max {
            area = area.with_max_chars(max);
        }
        for op in ops {
            match op {
                Op::Key(code, modifiers) => { area.input(KeyEvent::new(code, modifiers)); }
                Op::Paste(s) => { area.insert_str(&s); }
            }
            let (row, col) = area.cursor();
            prop_assert!(row < area.lines().len());
            prop_assert!(col <= area.lines()[row].chars().count());
            prop_assert!(!area.text().contains(|c: char| c.is_control() && c != '\n' && c != '\t'));
            if single_line {
                prop_assert_eq!(area.lines().len(), 1);
                prop_assert!(!area.text().contains('\t'));
            }
            if let Some(max) = max {
                prop_assert!(area.char_count() <= max);
            }
            let rect = Rect::new(1, 1, width, height);
            let view = TextAreaView::new(&area).block(Block::bordered());
            let mut buf = Buffer::empty(Rect::new(0, 0, 14, 7));
            (&view).render(rect, &mut buf);
            if let Some(p) = view.cursor_position(rect) {
                prop_assert!(view.inner(rect).contains(p), "{:?} outside {:?}", p, view.inner(rect));
            }
        }
    }
}
