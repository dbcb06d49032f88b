//! Criterion benchmarks: every screen rendered into a `TestBackend` at
//! 80x24, 120x40 (the pty harness's size) and 200x60 beside the floor's
//! frame, and the key cycle the pty
//! harness (`examples/ptybench.rs`) sends.
//!
//! `cargo bench --bench render` (all), or a filter such as
//! `cargo bench --bench render -- render/200x60`. Figures are in
//! `BENCHMARKS.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use medtech::app::{Action, App};
use medtech::clock::Clock;
use medtech::content::{Date, Guide};
use medtech::profile::{Profile, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn today() -> Date {
    "2026-11-25".parse().expect("a date")
}

/// A profile that has chosen a state and done a few steps, so every screen
/// has something in each part.
fn profile(guide: &Guide) -> Profile {
    let mut profile = Profile {
        state: Some("CA".to_owned()),
        ..Profile::default()
    };
    for (_, step) in guide.all_steps().step_by(5).take(12) {
        profile.set_done(&step.id, true, today());
    }
    profile
}

/// What the benches can draw: the four main screens, the help over the
/// Education screen, and the first-launch welcome.
const SCREENS: &[&str] = &[
    "dashboard",
    "education",
    "certification",
    "licensing",
    "help",
    "welcome",
];

fn app_on(guide: &Guide, screen: &str) -> App {
    let clock = Clock::Fixed(today());
    if screen == "welcome" {
        return App::first_launch(guide.clone(), clock);
    }
    let mut app = App::new(guide.clone(), profile(guide), clock);
    let show = match screen {
        "dashboard" => Screen::Dashboard,
        "certification" => Screen::Certification,
        "licensing" => Screen::Licensing,
        _ => Screen::Education,
    };
    app.update(Action::Show(show));
    if screen == "help" {
        app.update(Action::OpenHelp);
    }
    app
}

fn test_terminal(width: u16, height: u16, app: &mut App) -> Terminal<TestBackend> {
    app.update(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| medtech::ui::draw(frame, app))
        .expect("draw");
    terminal
}

fn render(c: &mut Criterion) {
    let guide = Guide::embedded().expect("embedded content");
    let mut group = c.benchmark_group("render");
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        for screen in SCREENS {
            let mut app = app_on(&guide, screen);
            let mut terminal = test_terminal(width, height, &mut app);
            group.bench_function(BenchmarkId::new(format!("{width}x{height}"), screen), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| medtech::ui::draw(frame, black_box(&app)))
                        .expect("draw");
                });
            });
        }
        // The floor's frame (examples/floor.rs) at the same size, for scale:
        // ratatui's own work for a bordered list of 40 lines.
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
        let items: Vec<String> = (1..=40).map(|i| format!("Line {i}")).collect();
        let mut state = ratatui::widgets::ListState::default().with_selected(Some(0));
        group.bench_function(
            BenchmarkId::new(format!("{width}x{height}"), "floor"),
            |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| {
                            let list =
                                ratatui::widgets::List::new(items.iter().map(String::as_str))
                                    .block(ratatui::widgets::Block::bordered().title(" floor "))
                                    .highlight_symbol("> ");
                            frame.render_stateful_widget(list, frame.area(), &mut state);
                        })
                        .expect("draw");
                });
            },
        );
    }
    group.finish();
}

/// The pty harness's key cycle (`j j k k PgDn PgUp 3 2 Space Space` on
/// Education at 120x40): the keymap, `update` and a full draw per key, as
/// the loop does before any byte reaches the terminal (the save a Space
/// asks for is left out: that is the disk's time, not the app's).
fn key_cycle(c: &mut Criterion) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let guide = Guide::embedded().expect("embedded content");
    let mut app = app_on(&guide, "education");
    let mut terminal = test_terminal(120, 40, &mut app);
    let cycle = [
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
    c.bench_function("key cycle 120x40 (10 keys)", |b| {
        b.iter(|| {
            for code in cycle {
                let key = KeyEvent::new(code, KeyModifiers::NONE);
                if let Some(action) = medtech::keymap::action_for(&app, key) {
                    app.update(action);
                }
                terminal
                    .draw(|frame| medtech::ui::draw(frame, &app))
                    .expect("draw");
            }
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = render, key_cycle
}
criterion_main!(benches);
