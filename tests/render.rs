//! Every screen and popup rendered into ratatui's `TestBackend` and compared
//! with reviewed `insta` snapshots, at 100x30 and at 80x24.

mod common;

use common::{app, app_with, guide, today};
use medtech::app::{Action, App, Recovery};
use medtech::profile::{Profile, Screen};
use medtech::theme::Theme;
use medtech::ui;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| ui::draw(frame, app))
        .expect("drawing never fails");
    terminal
}

fn screen_text(app: &App, width: u16, height: u16) -> String {
    render(app, width, height).backend().to_string()
}

/// A profile part-way along: Florida, some prerequisites done.
fn progressed() -> App {
    let mut profile = Profile {
        state: Some("FL".into()),
        ..Profile::default()
    };
    profile.set_done("edu.prereqs.bio", true, today());
    app_with(profile)
}

fn snapshot_both_sizes(name: &str, app: &App) {
    for (w, h) in [(100, 30), (80, 24)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen_text(app, w, h));
    }
}

#[test]
fn welcome() {
    snapshot_both_sizes("welcome", &App::first_launch(guide(), today()));
}

#[test]
fn dashboard() {
    snapshot_both_sizes("dashboard", &progressed());
}

#[test]
fn education() {
    let mut app = progressed();
    app.update(Action::Show(Screen::Education));
    snapshot_both_sizes("education", &app);
}

#[test]
fn education_with_a_caveated_fact_selected() {
    let mut app = progressed();
    app.update(Action::Show(Screen::Education));
    for _ in 0..3 {
        app.update(Action::Down);
    }
    snapshot_both_sizes("education_fact", &app);
}

#[test]
fn certification_with_sources_that_disagree() {
    let mut app = progressed();
    app.update(Action::Show(Screen::Certification));
    snapshot_both_sizes("certification", &app);
}

#[test]
fn licensing_for_florida() {
    let mut app = progressed();
    app.update(Action::Show(Screen::Licensing));
    app.update(Action::Down);
    snapshot_both_sizes("licensing", &app);
}

#[test]
fn licensing_without_a_state() {
    let mut app = app();
    app.update(Action::Show(Screen::Licensing));
    snapshot_both_sizes("licensing_no_state", &app);
}

#[test]
fn help_popup() {
    let mut app = progressed();
    app.update(Action::Show(Screen::Education));
    app.update(Action::OpenHelp);
    snapshot_both_sizes("help", &app);
}

#[test]
fn state_picker() {
    let mut app = progressed();
    app.update(Action::ChooseState);
    snapshot_both_sizes("state_picker", &app);
}

#[test]
fn recovery_screen() {
    let app = App::recover(
        guide(),
        today(),
        Recovery {
            problem: "/home/u/.local/share/medtech/profile.ron is damaged at line 3, column 5: Expected a `:`".into(),
            moved_to: Some("/home/u/.local/share/medtech/profile.ron.corrupt-20261124T120000Z".into()),
            backup: Some(Profile::default()),
        },
    );
    snapshot_both_sizes("recovery", &app);
}

#[test]
fn read_only_and_unsaved_banners() {
    let mut app = progressed();
    app.read_only = true;
    assert!(screen_text(&app, 80, 24).contains("READ-ONLY"));
    app.read_only = false;
    app.update(Action::Saved(Err(
        "cannot write /x/profile.ron: Not a directory".into(),
    )));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("NOT SAVED"), "{text}");
    assert!(text.contains("Not a directory"), "{text}");
}

#[test]
fn too_small_says_how_large_it_must_be() {
    let terminal = render(&progressed(), 40, 10);
    let buffer = terminal.backend().buffer();
    let words: Vec<String> = (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .collect();
    let text = words.join(" ");
    assert!(text.contains("at least 60x16; this one is 40x10"), "{text}");
}

#[test]
fn no_color_leaves_no_colour_on_screen_and_statuses_still_read() {
    let mut app = progressed();
    app.theme = Theme { color: false };
    for screen in Screen::ALL {
        app.update(Action::Show(screen));
        let terminal = render(&app, 100, 30);
        for cell in terminal.backend().buffer().content() {
            assert_eq!(
                cell.fg,
                Color::Reset,
                "{screen:?} has a coloured cell {cell:?}"
            );
            assert_eq!(
                cell.bg,
                Color::Reset,
                "{screen:?} has a coloured cell {cell:?}"
            );
        }
    }
    app.update(Action::Show(Screen::Education));
    let text = screen_text(&app, 100, 30);
    assert!(text.contains("[x]") && text.contains("[~]") && text.contains("[ ]"));
}

#[test]
fn hostile_state_codes_from_a_profile_are_neutralised() {
    let profile = Profile {
        state: Some("\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J".into()),
        ..Profile::default()
    };
    let mut app = app_with(profile);
    for screen in [Screen::Dashboard, Screen::Licensing] {
        app.update(Action::Show(screen));
        let terminal = render(&app, 100, 30);
        for cell in terminal.backend().buffer().content() {
            assert!(
                !cell.symbol().chars().any(char::is_control),
                "{screen:?} would print a control character"
            );
        }
    }
}

fn any_app() -> impl Strategy<Value = App> {
    (
        0..Screen::ALL.len(),
        prop::collection::vec(0..12usize, 0..8),
        any::<bool>(),
        0..4usize,
        prop::option::of("[A-Z]{2}|\\PC{0,6}"),
    )
        .prop_map(|(screen, moves, mls, popup, state)| {
            let mut app = app_with(Profile {
                state,
                ..Profile::default()
            });
            if mls {
                app.update(Action::SwitchGoal);
            }
            app.update(Action::Show(Screen::ALL[screen]));
            for m in moves {
                app.update(if m % 3 == 0 {
                    Action::Toggle
                } else {
                    Action::Down
                });
            }
            match popup {
                1 => {
                    app.update(Action::OpenHelp);
                }
                2 => {
                    app.update(Action::ChooseState);
                }
                3 => app = App::first_launch(guide(), today()),
                _ => {}
            }
            app
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_screen_renders_at_any_size_without_panicking(
        app in any_app(),
        width in 0u16..=200,
        height in 0u16..=80,
    ) {
        render(&app, width, height);
    }
}

/// The real guide: the eligibility step shows every route of the user's goal
/// with its requirements in words, and the first step shows the career facts.
#[test]
fn real_guide_panels_show_routes_and_career_facts() {
    let guide = medtech::content::Guide::embedded().expect("embedded guide");
    for goal in medtech::content::Goal::ALL {
        let profile = Profile {
            goal,
            position: medtech::profile::Position {
                screen: Screen::Certification,
                selected: [(
                    medtech::content::Area::Certification,
                    "cert.eligibility".to_owned(),
                )]
                .into(),
            },
            ..Profile::default()
        };
        let app = App::new(guide.clone(), profile, today());
        assert_eq!(
            app.selected_step().map(|s| s.id.as_str()),
            Some("cert.eligibility")
        );
        let text = screen_text(&app, 200, 900);
        for credential in guide.credentials.iter().filter(|c| c.goal == goal) {
            assert!(
                text.contains(&credential.name),
                "{goal:?}: {} missing",
                credential.name
            );
            for route in guide
                .routes
                .iter()
                .filter(|r| r.credential == credential.id)
            {
                let line = format!(
                    "{} ({}",
                    route.name,
                    if matches!(route.status, medtech::content::RouteStatus::Open) {
                        "open"
                    } else {
                        "closed"
                    }
                );
                assert!(text.contains(&line), "{goal:?}: {line} missing");
            }
        }
    }
    let mut app = App::new(guide.clone(), Profile::default(), today());
    app.update(Action::Show(Screen::Education));
    app.update(Action::Top);
    let text = screen_text(&app, 200, 300);
    assert!(text.contains("The job"), "career panel missing");
    assert!(
        text.contains("Bureau of Labor Statistics"),
        "BLS source missing"
    );
}

#[test]
fn help_fits_every_key_at_the_smallest_size() {
    let mut app = progressed();
    app.update(Action::Show(Screen::Education));
    app.update(Action::OpenHelp);
    let text = screen_text(&app, 60, 16);
    for keys in [
        "↑/k",
        "Space",
        "Shift-Tab",
        "PgDn",
        " s ",
        " g ",
        " ? ",
        "q/Ctrl-C",
    ] {
        assert!(
            text.contains(keys),
            "{keys:?} is missing from help at 60x16:\n{text}"
        );
    }
}

#[test]
fn the_dashboard_shows_goal_and_state_at_the_smallest_size() {
    let text = screen_text(&progressed(), 60, 16);
    assert!(
        text.contains("Goal:") && text.contains("State: Florida"),
        "{text}"
    );
}
