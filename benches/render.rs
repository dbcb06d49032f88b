//! Criterion benchmarks: every screen rendered into a `TestBackend`, the
//! content loaded and validated, the profile saved and loaded, and the
//! advisor's work.
//!
//! `cargo bench --bench render` (all), or a filter such as
//! `cargo bench --bench render -- render/200x60`. Figures are in
//! `BENCHMARKS.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use medtech::app::{Action, App};
use medtech::clock::Clock;
use medtech::content::{Date, EMBEDDED_FILES, Guide};
use medtech::profile::{Change, Profile, Screen, Status};
use medtech::storage::Storage;
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
    for (width, height) in [(80, 24), (200, 60)] {
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

/// What one key costs before any byte reaches the terminal: the keymap,
/// `update` and a full draw, at the pty harness's 120x40.
fn key(c: &mut Criterion) {
    let mut group = c.benchmark_group("key");
    let guide = Guide::embedded().expect("embedded content");
    let mut app = app_on(&guide, "education");
    let mut terminal = test_terminal(120, 40, &mut app);
    let mut down = true;
    group.bench_function("j/k 120x40", |b| {
        b.iter(|| {
            app.update(if down { Action::Down } else { Action::Up });
            down = !down;
            terminal
                .draw(|frame| medtech::ui::draw(frame, &app))
                .expect("draw");
        });
    });
    group.finish();
}

fn content(c: &mut Criterion) {
    let mut group = c.benchmark_group("content");
    group.bench_function("embedded", |b| {
        b.iter(|| Guide::embedded().expect("embedded content"));
    });
    let guide = Guide::embedded().expect("embedded content");
    group.bench_function("validate", |b| {
        b.iter(|| guide.validate(black_box(EMBEDDED_FILES)));
    });
    group.bench_function("from_files", |b| {
        b.iter(|| Guide::from_files(black_box(EMBEDDED_FILES)).expect("parses"));
    });
    group.finish();
}

fn profile_io(c: &mut Criterion) {
    let guide = Guide::embedded().expect("embedded content");
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut group = c.benchmark_group("profile");
    group.sample_size(30);

    let mut applied = profile(&guide);
    let steps: Vec<String> = guide.all_steps().map(|(_, s)| s.id.clone()).collect();
    for i in 0..10_000 {
        let step = steps[i % steps.len()].clone();
        let from = applied.status(&step);
        let to = if from == Status::Done {
            Status::Todo
        } else {
            Status::Done
        };
        applied.apply(&Change::Status { step, from, to }, today());
    }
    println!(
        "profile: 10,000 applied changes keep {} history entries (HISTORY_LIMIT)",
        applied.history.len()
    );
    let profiles = [("typical", profile(&guide)), ("applied-10000", applied)];
    for (name, profile) in &profiles {
        let text = profile.to_ron().expect("encode");
        println!("profile: {name} is {} bytes", text.len());
        let path = dir.path().join(format!("{name}.ron"));
        let storage = Storage::unlocked(path);
        storage.save(profile).expect("save");
        group.bench_function(BenchmarkId::new("save", name), |b| {
            b.iter(|| storage.save(black_box(profile)).expect("save"));
        });
        group.bench_function(BenchmarkId::new("load", name), |b| {
            b.iter(|| storage.load().expect("load"));
        });
        group.bench_function(BenchmarkId::new("decode", name), |b| {
            b.iter(|| medtech::profile::decode(black_box(&text)).expect("decode"));
        });
        group.bench_function(BenchmarkId::new("to_ron", name), |b| {
            b.iter(|| black_box(profile).to_ron().expect("encode"));
        });
    }
    group.finish();
}

/// The eligibility engine over every route, and search over the whole guide.
fn advisor(c: &mut Criterion) {
    let mut group = c.benchmark_group("advisor");
    let guide = Guide::embedded().expect("embedded content");
    let profile = profile(&guide);
    group.bench_function("every route", |b| {
        b.iter(|| medtech::advisor::eligibility::evaluate(&guide, black_box(&profile), today()));
    });
    for query in ["chem", "license renewal fee"] {
        group.bench_function(format!("search {query:?}"), |b| {
            b.iter(|| {
                medtech::search::search(
                    &guide,
                    profile.goal,
                    profile.state.as_deref(),
                    black_box(query),
                )
            });
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = render, key, content, profile_io, advisor
}
criterion_main!(benches);
