//! The pty harness's key cycle without a terminal, for a profiler:
//! `valgrind --tool=callgrind target/profiling/examples/keyloop [ROUNDS]`.
//! Each round is `j j k k PgDn PgUp 3 2 Space Space` on the Education
//! screen at 120x40, every key drawn through crossterm into memory.

use medtech::app::{Action, App};
use medtech::clock::Clock;
use medtech::content::Guide;
use medtech::keymap;
use medtech::profile::{Profile, Screen};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let started = std::time::Instant::now();
    let guide = Guide::embedded().expect("embedded content");
    eprintln!("guide decoded in {:?}", started.elapsed());
    let today = "2026-11-25".parse().expect("a date");
    let profile = Profile {
        state: Some("CA".to_owned()),
        ..Profile::default()
    };
    let mut app = App::new(guide, profile, Clock::Fixed(today));
    app.update(Action::Show(Screen::Education));
    app.update(Action::Resize(120, 40));
    // A fixed viewport: no size queries, which fail without a terminal.
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
    };
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(std::io::sink()), options).expect("terminal");
    let keys = [
        KeyCode::Char('j'),
        KeyCode::Char('j'),
        KeyCode::Char('k'),
        KeyCode::Char('k'),
        KeyCode::PageDown,
        KeyCode::PageUp,
        KeyCode::Char('3'),
        KeyCode::Char('2'),
        KeyCode::Char(' '),
        KeyCode::Char(' '),
    ];
    let mut bytes = 0usize;
    for _ in 0..rounds {
        for code in keys {
            let key = KeyEvent::new(code, KeyModifiers::NONE);
            if let Some(action) = keymap::action_for(&app, key) {
                app.update(action);
            }
            terminal
                .draw(|frame| medtech::ui::draw(frame, &app))
                .expect("draw");
            bytes += 1;
        }
    }
    println!("{bytes} keys");
}
