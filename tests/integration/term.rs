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
    // A second frame reuses the buffer and writes only its own bytes.
    let mut again = term::Backend::new(Vec::new());
    again.draw(previous.diff(next).into_iter()).expect("drawn");
    assert_eq!(again.writer(), &once);
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
