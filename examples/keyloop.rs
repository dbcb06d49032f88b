//! The pty harness's key cycle without a terminal, for a profiler:
//! `valgrind --tool=callgrind target/profiling/examples/keyloop [ROUNDS]`.
//! Each round is `j j k k PgDn PgUp 3 2 Space Space` on the Education
//! screen at 120x40, every key drawn through crossterm into memory.

use medtech::app::{Action, App};
use medtech::clock::Clock;
use medtech::content::Guide;
use medtech::keymap;
use medtech::profile::{Profile, Screen};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let started = std::time::Instant::now();
    // `KEYLOOP_GUIDE_DIR=/tmp/guides/100` reads a generated guide instead
    // (written by `examples/scaled.rs --write`).
    let guide = match std::env::var("KEYLOOP_GUIDE_DIR") {
        Ok(dir) => {
            let texts: Vec<(&str, String)> = medtech::content::EMBEDDED_FILES
                .iter()
                .map(|(name, _)| {
                    let file = std::path::Path::new(name).file_name().unwrap_or_default();
                    let text = std::fs::read_to_string(std::path::Path::new(&dir).join(file));
                    (*name, text.expect("a guide file"))
                })
                .collect();
            let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
            Guide::from_files(&files).expect("the guide parses")
        }
        Err(_) => Guide::embedded().expect("embedded content"),
    };
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
    if std::env::args().nth(2).as_deref() == Some("floor") {
        floor(rounds, options);
        return;
    }
    // Every frame through ratatui's terminal, as the app draws.
    let terminal =
        Terminal::with_options(CrosstermBackend::new(std::io::sink()), options).expect("terminal");
    run(app, terminal, rounds);
}

fn run<B: Backend>(app: App, mut terminal: Terminal<B>, rounds: usize) {
    let mut draw = |app: &App| {
        terminal
            .draw(|frame| medtech::ui::draw(frame, app))
            .expect("draw");
    };
    keys(app, rounds, &mut draw);
}

fn keys(mut app: App, rounds: usize, draw: &mut dyn FnMut(&App)) {
    // The first frame, as at the start.
    draw(&app);
    // `KEYLOOP_KEYS=" "` (say) replaces the cycle with those keys.
    let keys: Vec<KeyCode> = match std::env::var("KEYLOOP_KEYS") {
        Ok(keys) => keys.chars().map(KeyCode::Char).collect(),
        Err(_) => vec![
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
        ],
    };
    let mut count = 0usize;
    for _ in 0..rounds {
        for &code in &keys {
            let key = KeyEvent::new(code, KeyModifiers::NONE);
            if let Some(action) = keymap::action_for(&app, key) {
                app.update(action);
            }
            draw(&app);
            count += 1;
        }
    }
    println!("{count} keys");
}

/// The floor's frame (`examples/floor.rs`) for the same keys, to compare
/// instruction counts: a bordered list of 40 lines, `j`/`k` moving.
fn floor(rounds: usize, options: TerminalOptions) {
    use ratatui::widgets::{Block, List, ListState};
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(std::io::sink()), options).expect("terminal");
    let items: Vec<String> = (1..=40).map(|i| format!("Line {i}")).collect();
    let mut state = ListState::default().with_selected(Some(0));
    for i in 0..rounds * 10 {
        terminal
            .draw(|frame| {
                let list = List::new(items.iter().map(String::as_str))
                    .block(Block::bordered().title(" floor "))
                    .highlight_symbol("> ");
                frame.render_stateful_widget(list, frame.area(), &mut state);
            })
            .expect("draw");
        if i % 4 < 2 {
            state.select_next();
        } else {
            state.select_previous();
        }
    }
}
