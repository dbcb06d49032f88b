//! The app's backend writes a frame's changes itself; the bytes must be the
//! ones ratatui's crossterm backend writes, on real screens and on every
//! change of colour and modifier.

use crate::shared::app_with;
use medtech::app::Action;
use medtech::profile::{Profile, Screen};
use medtech::term;
use medtech::ui;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

fn crossterm_bytes(previous: &Buffer, next: &Buffer) -> Vec<u8> {
    let mut backend = CrosstermBackend::new(Vec::new());
    backend
        .draw(previous.diff(next).into_iter())
        .expect("drawn");
    backend.writer().clone()
}

fn our_bytes(previous: &Buffer, next: &Buffer) -> Vec<u8> {
    let mut backend = term::Backend::new(Vec::new());
    backend
        .draw(previous.diff(next).into_iter())
        .expect("drawn");
    let once = backend.writer().clone();
    // A second frame writes only its own bytes, nothing of the first.
    backend
        .draw(previous.diff(next).into_iter())
        .expect("drawn");
    assert_eq!(backend.writer(), &[once.as_slice(), &once].concat());
    once
}

fn screen(app: &medtech::app::App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(|frame| ui::draw(frame, app)).expect("drawn");
    terminal.backend().buffer().clone()
}

#[test]
fn real_screens_are_written_byte_for_byte_as_crossterm_writes_them() {
    let mut app = app_with(Profile {
        state: Some("CA".into()),
        ..Profile::default()
    });
    app.update(Action::Resize(120, 40));
    let mut previous = Buffer::empty(Rect::new(0, 0, 120, 40));
    let mut frames_with_changes = 0;
    for which in Screen::ALL {
        app.update(Action::Show(which));
        for action in [Action::Down, Action::Down, Action::Toggle, Action::OpenHelp] {
            let next = screen(&app, 120, 40);
            let expected = crossterm_bytes(&previous, &next);
            assert_eq!(
                String::from_utf8_lossy(&our_bytes(&previous, &next)),
                String::from_utf8_lossy(&expected)
            );
            // More than the closing colour and attribute resets.
            if expected.len() > 40 {
                frames_with_changes += 1;
            }
            previous = next;
            app.update(action);
        }
        app.update(Action::Close);
    }
    assert!(frames_with_changes >= 8, "{frames_with_changes}");
}

/// Every pair of styles drawn next to each other: each colour and each
/// modifier set, added and removed, far apart and side by side.
#[test]
fn every_style_change_is_written_as_crossterm_writes_it() {
    let colors = [
        Color::Reset,
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
        Color::Indexed(200),
        Color::Rgb(1, 2, 3),
    ];
    let modifiers = [
        Modifier::empty(),
        Modifier::BOLD,
        Modifier::DIM,
        Modifier::BOLD | Modifier::DIM,
        Modifier::ITALIC,
        Modifier::UNDERLINED,
        Modifier::SLOW_BLINK,
        Modifier::RAPID_BLINK,
        Modifier::REVERSED,
        Modifier::HIDDEN,
        Modifier::CROSSED_OUT,
        Modifier::all(),
        Modifier::REVERSED | Modifier::BOLD,
    ];
    let mut next = Buffer::empty(Rect::new(0, 0, 200, 60));
    let mut i = 0usize;
    for (a, fg) in colors.iter().enumerate() {
        for (b, m) in modifiers.iter().enumerate() {
            let bg = colors[(a + b) % colors.len()];
            let style = Style::new()
                .fg(*fg)
                .bg(bg)
                .underline_color(colors[(a * 3 + b) % colors.len()])
                .add_modifier(*m);
            // Runs of cells and lone cells, so moves and contiguity both
            // occur; wide symbols too.
            for symbol in ["a", "é", "語", "b"] {
                let x = u16::try_from(i % 200).expect("fits");
                let y = u16::try_from((i / 200) % 60).expect("fits");
                next[(x, y)].set_symbol(symbol).set_style(style);
                i += if b % 3 == 0 { 3 } else { 1 };
            }
        }
    }
    let empty = Buffer::empty(next.area);
    assert_eq!(
        String::from_utf8_lossy(&our_bytes(&empty, &next)),
        String::from_utf8_lossy(&crossterm_bytes(&empty, &next))
    );
}

/// The app computes a frame's changes itself; they must be exactly the
/// cells `Buffer::diff` gives, wide symbols, emoji, skipped cells and
/// forced widths included.
/// A diff's cells by position and everything about them.
fn shown(cells: Vec<(u16, u16, &ratatui::buffer::Cell)>) -> Vec<(u16, u16, String)> {
    cells
        .into_iter()
        .map(|(x, y, c)| (x, y, format!("{c:?}")))
        .collect()
}

#[test]
fn the_frame_diff_is_ratatuis_diff() {
    use ratatui::buffer::CellDiffOption;
    use std::num::NonZeroU16;
    // A small deterministic generator: the same cases on every run.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(self.0 >> 33).expect("fits") % n
        }
    }
    const SYMBOLS: [&str; 9] = ["a", "b", " ", "─", "語", "✌\u{fe0f}", "🧪", "e\u{301}", "x"];
    fn random_buffer(rng: &mut Rng, width: u16, height: u16) -> Buffer {
        let colors = [Color::Reset, Color::Red, Color::Indexed(8)];
        let modifiers = [
            Modifier::empty(),
            Modifier::REVERSED,
            Modifier::BOLD,
            Modifier::UNDERLINED,
        ];
        let mut buf = Buffer::empty(Rect::new(2, 1, width, height));
        for cell in &mut buf.content {
            if rng.below(3) == 0 {
                continue;
            }
            cell.set_symbol(SYMBOLS[rng.below(SYMBOLS.len())]);
            cell.bg = colors[rng.below(colors.len())];
            cell.fg = colors[rng.below(colors.len())];
            cell.modifier = modifiers[rng.below(modifiers.len())];
            match rng.below(20) {
                0 => cell.diff_option = CellDiffOption::Skip,
                1 => cell.diff_option = CellDiffOption::AlwaysUpdate,
                2 => {
                    cell.diff_option =
                        CellDiffOption::ForcedWidth(NonZeroU16::new(2).expect("not zero"));
                }
                #[allow(deprecated)]
                3 => cell.skip = true,
                _ => {}
            }
        }
        // Well formed: nothing wide in the very last cell (ratatui's diff
        // would read past the end).
        if let Some(last) = buf.content.last_mut() {
            last.set_symbol("z");
        }
        buf
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut compared = 0;
    for _ in 0..400 {
        let width = 1 + u16::try_from(rng.below(30)).expect("fits");
        let height = 1 + u16::try_from(rng.below(6)).expect("fits");
        let prev = random_buffer(&mut rng, width, height);
        let mut following = random_buffer(&mut rng, width, height);
        // Often the same but for a few cells, as between two frames.
        if rng.below(2) == 0 {
            following = prev.clone();
            for _ in 0..rng.below(4) {
                let i = rng.below(following.content.len().max(2) - 1);
                following.content[i].set_symbol(SYMBOLS[rng.below(SYMBOLS.len())]);
            }
        }
        let theirs = shown(prev.diff(&following));
        assert_eq!(
            shown(term::diff(&prev, &following)),
            theirs,
            "{prev:?}\n{following:?}"
        );
        compared += theirs.len();
        // The first frame after a clear, against no buffer at all.
        assert_eq!(
            shown(term::diff_from_blank(&following)),
            shown(Buffer::empty(following.area).diff(&following)),
            "{following:?}"
        );
        assert_encoded_as_found_is_encoded_as_listed(&prev, &following);
    }
    assert!(compared > 1000, "{compared}");
    // And on the real screens, key after key.
    let mut app = app_with(Profile {
        state: Some("CA".into()),
        ..Profile::default()
    });
    app.update(Action::Resize(120, 40));
    let mut previous = Buffer::empty(Rect::new(0, 0, 120, 40));
    for which in Screen::ALL {
        app.update(Action::Show(which));
        for action in [
            Action::Down,
            Action::Toggle,
            Action::DetailsDown,
            Action::OpenHelp,
        ] {
            let next_screen = screen(&app, 120, 40);
            assert_eq!(
                term::diff(&previous, &next_screen),
                previous.diff(&next_screen)
            );
            previous = next_screen;
            app.update(action);
        }
        app.update(Action::Close);
    }
}

/// Encoded as they are found, the changes are the bytes of ratatui's own
/// diff encoded, against a frame and against a blank screen.
fn assert_encoded_as_found_is_encoded_as_listed(prev: &Buffer, following: &Buffer) {
    for (prev, listed) in [
        (Some(prev), prev.diff(following)),
        (None, Buffer::empty(following.area).diff(following)),
    ] {
        let (mut streamed, mut encoded) = (Vec::new(), Vec::new());
        term::encode_diff(&mut streamed, prev, following).expect("encoded");
        term::encode(&mut encoded, listed.into_iter()).expect("encoded");
        assert_eq!(streamed, encoded, "{prev:?}\n{following:?}");
    }
}

/// The diff takes some symbols to be one column wide without a lookup;
/// every one it takes so must be at most one column wide.
#[test]
fn symbols_taken_as_narrow_are_narrow() {
    use ratatui::buffer::CellWidth;
    let mut narrow = 0;
    for c in ('\u{0}'..='\u{1FFFF}').filter(|c| !c.is_control()) {
        let mut text = [0u8; 4];
        let symbol: &str = c.encode_utf8(&mut text);
        if term::narrow(symbol) {
            assert!(
                symbol.cell_width() <= 1,
                "{c:?} is {} wide",
                symbol.cell_width()
            );
            narrow += 1;
        }
    }
    assert!(narrow > 4000, "{narrow}");
    assert!(!term::narrow("語") && !term::narrow("e\u{301}") && !term::narrow("🧪"));
}

/// The app's draw loop (`Frames`: its own diff, one write, the cursor
/// placed by the app) sends the terminal exactly what ratatui's
/// `Terminal::draw` with the crossterm backend sends, frame after frame,
/// the note editor's cursor included.
#[test]
fn the_app_draws_what_ratatuis_terminal_draws() {
    use ratatui::{TerminalOptions, Viewport};
    let options = || TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
    };
    let mut ours = term::Backend::new(Vec::new());
    let mut theirs =
        Terminal::with_options(CrosstermBackend::new(Vec::new()), options()).expect("a terminal");
    let mut frames = medtech::Frames::default();
    let mut app = app_with(Profile {
        state: Some("CA".into()),
        ..Profile::default()
    });
    app.update(Action::Resize(100, 30));
    let steps = [
        Action::Show(Screen::Education),
        Action::Down,
        Action::Toggle,
        Action::DetailsDown,
        Action::EditNote,
        Action::Close,
        Action::Show(Screen::Certification),
        Action::OpenHelp,
        Action::Close,
        Action::Show(Screen::Dashboard),
    ];
    for action in steps {
        app.update(action.clone());
        frames
            .draw(&mut ours, Rect::new(0, 0, 100, 30), &app)
            .expect("drawn");
        theirs.draw(|frame| ui::draw(frame, &app)).expect("drawn");
        assert_eq!(
            String::from_utf8_lossy(ours.writer()),
            String::from_utf8_lossy(theirs.backend().writer()),
            "after {action:?}"
        );
    }
    // The note editor showed the cursor, and it was hidden again.
    let written = String::from_utf8_lossy(ours.writer()).into_owned();
    let shown = written.find("\x1b[?25h").expect("the cursor shown");
    assert!(written[shown..].contains("\x1b[?25l"));
}

/// A terminal that keeps each write apart, and refuses them while `fail`
/// is set.
#[derive(Default)]
struct Writes {
    writes: Vec<Vec<u8>>,
    fail: std::cell::Cell<bool>,
}

impl std::io::Write for Writes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.fail.get() {
            return Err(std::io::Error::other("the terminal went away"));
        }
        self.writes.push(buf.to_vec());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Each frame reaches the terminal in one write, its cursor included (the
/// hidden cursor, or the note editor's shown and placed): never the cells
/// in one write and the cursor in another.
#[test]
fn a_frame_and_its_cursor_go_out_in_one_write() {
    let mut app = app_with(Profile::default());
    app.update(Action::Show(Screen::Education));
    let area = Rect::new(0, 0, 100, 30);
    let mut ours = term::Backend::new(Writes::default());
    let mut frames = medtech::Frames::default();
    for (action, cursor) in [
        (Action::Down, "\x1b[?25l"),
        (Action::EditNote, "\x1b[?25h"),
        (Action::Close, "\x1b[?25l"),
    ] {
        app.update(action.clone());
        let before = ours.writer().writes.len();
        frames.draw(&mut ours, area, &app).expect("drawn");
        let writes = &ours.writer().writes[before..];
        let sizes: Vec<usize> = writes.iter().map(Vec::len).collect();
        assert_eq!(
            sizes.len(),
            1,
            "after {action:?}: writes of {sizes:?} bytes"
        );
        let frame = String::from_utf8_lossy(&writes[0]);
        assert!(frame.contains(cursor), "after {action:?}: {frame:?}");
    }
}

/// A new size clears the screen (as ratatui's `Terminal::autoresize`
/// does) and the next frame is written whole, byte for byte what a first
/// frame at that size is; the same size again writes only what changed.
#[test]
fn a_new_size_clears_the_screen_and_draws_the_whole_frame() {
    let mut app = app_with(Profile::default());
    app.update(Action::Show(Screen::Education));
    let (big, small) = (Rect::new(0, 0, 100, 30), Rect::new(0, 0, 80, 24));
    let mut frames = medtech::Frames::default();
    let mut ours = term::Backend::new(Vec::new());
    frames.draw(&mut ours, big, &app).expect("drawn");
    let first = ours.writer().len();
    assert!(
        !String::from_utf8_lossy(ours.writer()).contains("\x1b[2J"),
        "the first frame clears nothing"
    );
    app.update(Action::Resize(80, 24));
    frames.draw(&mut ours, small, &app).expect("drawn");
    assert_cleared_then_whole(&ours.writer()[first..], small, &app);
    let before = ours.writer().len();
    frames.draw(&mut ours, small, &app).expect("drawn");
    assert_eq!(
        String::from_utf8_lossy(&ours.writer()[before..]),
        "\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25l",
        "an unchanged frame writes no cells"
    );
}

/// A frame that could not be written whole (the terminal refused the
/// bytes) leaves the screen unknown: the next frame clears it and is
/// written whole, byte for byte a first frame after a clear.
#[test]
fn after_a_failed_write_the_next_frame_is_written_whole() {
    let mut app = app_with(Profile::default());
    app.update(Action::Show(Screen::Education));
    let area = Rect::new(0, 0, 100, 30);
    let mut ours = term::Backend::new(Writes::default());
    let mut frames = medtech::Frames::default();
    frames.draw(&mut ours, area, &app).expect("drawn");
    app.update(Action::Down);
    ours.writer().fail.set(true);
    assert!(frames.draw(&mut ours, area, &app).is_err());
    ours.writer().fail.set(false);
    let before = ours.writer().writes.len();
    frames.draw(&mut ours, area, &app).expect("drawn");
    assert_cleared_then_whole(&ours.writer().writes[before..].concat(), area, &app);
}

/// `written` clears the screen, then is byte for byte the first frame a
/// new draw loop writes for `app` at `area`.
fn assert_cleared_then_whole(written: &[u8], area: Rect, app: &medtech::app::App) {
    let written = String::from_utf8_lossy(written);
    let whole = written.strip_prefix("\x1b[2J").expect("cleared first");
    let mut fresh = term::Backend::new(Vec::new());
    medtech::Frames::default()
        .draw(&mut fresh, area, app)
        .expect("drawn");
    assert_eq!(whole, String::from_utf8_lossy(fresh.writer()));
}
