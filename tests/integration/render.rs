//! Every screen and popup rendered into ratatui's `TestBackend` and compared
//! with reviewed `insta` snapshots, at 100x30 and at 80x24.

use crate::shared::{app_with, clock, guide, today};
use medtech::app::{Action, App};
use medtech::content::Guide;
use medtech::profile::{Change, PartialDate, Profile, Screen, Status};
use medtech::session::Recovery;
use medtech::theme::Theme;
use medtech::ui;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
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

/// The screen's text, then each row's runs of styled cells (columns, then
/// colours and modifiers; unstyled cells left out), so a snapshot catches a
/// theme change as well as a text change.
fn styled_screen(app: &App, width: u16, height: u16) -> String {
    use std::fmt::Write as _;
    let terminal = render(app, width, height);
    let buffer = terminal.backend().buffer();
    let mut out = terminal.backend().to_string();
    out.push_str("styles:\n");
    for y in 0..buffer.area.height {
        let mut runs: Vec<(u16, u16, String)> = Vec::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let style = format!("{:?} {:?} {:?}", cell.fg, cell.bg, cell.modifier);
            if style == "Reset Reset NONE" {
                continue;
            }
            match runs.last_mut() {
                Some((_, end, last)) if *end + 1 == x && *last == style => *end = x,
                _ => runs.push((x, x, style)),
            }
        }
        if !runs.is_empty() {
            let runs: Vec<String> = runs
                .into_iter()
                .map(|(from, to, style)| format!("{from}-{to} {style}"))
                .collect();
            let _ = writeln!(out, "{y}: {}", runs.join("; "));
        }
    }
    out
}

/// The guide people use, as embedded in the binary.
/// The embedded guide, decoded once and kept, as the app keeps it.
fn real_guide() -> &'static Guide {
    static GUIDE: std::sync::OnceLock<Guide> = std::sync::OnceLock::new();
    GUIDE.get_or_init(|| Guide::embedded().expect("the embedded guide parses"))
}

/// The real guide, part-way along: Florida, MLT, a few steps marked with
/// every status, one with a note.
fn progressed() -> App {
    let mut profile = Profile {
        state: Some("FL".into()),
        ..Profile::default()
    };
    let on = today();
    let month = |s: &str| s.parse::<PartialDate>().expect("a month");
    for change in [
        Change::Status {
            step: "edu.prereqs.biology".into(),
            from: Status::Todo,
            to: Status::Done,
        },
        Change::Date {
            step: "edu.prereqs.biology".into(),
            from: None,
            to: Some(month("2020-05")),
        },
        Change::Status {
            step: "edu.prereqs.chemistry".into(),
            from: Status::Todo,
            to: Status::InProgress,
        },
        Change::Status {
            step: "edu.prereqs.anatomy".into(),
            from: Status::Todo,
            to: Status::NotApplicable,
        },
        Change::Status {
            step: "edu.prereqs.math".into(),
            from: Status::Todo,
            to: Status::Skipped,
        },
        Change::Note {
            step: "edu.prereqs.biology".into(),
            from: String::new(),
            to: "Valencia College, spring 2020.\nKeep the transcript!".into(),
        },
    ] {
        profile.apply(&change, on);
    }
    let mut app = App::new(real_guide().clone(), profile, clock());
    app.update(Action::Resize(80, 24));
    app
}

/// The real guide at the sizes people use: 80x24 and the smallest, 60x16.
fn snapshot_both_sizes(name: &str, app: &App) {
    for (w, h) in [(80, 24), (60, 16)] {
        let mut app = app.clone();
        app.update(Action::Resize(w, h));
        // Twice, as the loop does: the first frame tells the views their size.
        render(&app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), styled_screen(&app, w, h));
    }
}

fn select(app: &mut App, id: &str) {
    let (area, _) = app.guide().step(id).expect("the step exists");
    app.jump_to(area, id);
}

#[test]
fn welcome() {
    snapshot_both_sizes("welcome", &App::first_launch(real_guide().clone(), clock()));
}

#[test]
fn welcome_help() {
    let mut app = App::first_launch(real_guide().clone(), clock());
    app.update(Action::OpenHelp);
    snapshot_both_sizes("welcome_help", &app);
}

#[test]
fn dashboard() {
    snapshot_both_sizes("dashboard", &progressed());
}

#[test]
fn education_with_every_status() {
    let mut app = progressed();
    select(&mut app, "edu.prereqs.biology");
    snapshot_both_sizes("education_statuses", &app);
}

#[test]
fn the_last_step_of_every_checklist_is_reachable_and_shown_at_80x24() {
    for goal in medtech::content::Goal::ALL {
        for screen in [Screen::Education, Screen::Certification, Screen::Licensing] {
            let mut app = progressed();
            app.edit_profile(|profile| profile.goal = goal);
            app.update(Action::Show(screen));
            render(&app, 80, 24);
            app.update(Action::Bottom);
            let text = screen_text(&app, 80, 24);
            let area = screen.area().expect("a checklist");
            let rows = app.rows(area);
            let last = rows.last().expect("a last step").step;
            assert_eq!(app.selected_step().map(|s| &s.id), Some(&last.id));
            let shown: String = last.title.chars().take(12).collect();
            let selected = text
                .lines()
                .find(|l| l.contains("│›"))
                .unwrap_or_else(|| panic!("{screen:?}: no selected row:\n{text}"));
            assert!(
                selected.contains(&shown),
                "{goal:?} {screen:?}: {shown:?} is not the selected row:\n{text}"
            );
            if rows.len() > 18 {
                assert!(text.contains("↑ "), "no sign of the rows above:\n{text}");
            }
        }
    }
    let mut app = progressed();
    app.update(Action::Show(Screen::Education));
    app.update(Action::Bottom);
    snapshot_both_sizes("education_bottom", &app);
}

#[test]
fn certification() {
    let mut app = progressed();
    app.update(Action::Show(Screen::Certification));
    snapshot_both_sizes("certification", &app);
}

#[test]
fn licensing_for_florida() {
    let mut app = progressed();
    app.update(Action::Show(Screen::Licensing));
    app.update(Action::Bottom);
    snapshot_both_sizes("licensing", &app);
}

#[test]
fn licensing_without_a_state() {
    let mut app = App::new(real_guide().clone(), Profile::default(), clock());
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
fn state_picker_after_typing() {
    let mut app = progressed();
    app.update(Action::ChooseState);
    for c in "new".chars() {
        app.update(Action::TypeAhead(c));
    }
    snapshot_both_sizes("state_picker", &app);
}

#[test]
fn note_editor() {
    let mut app = progressed();
    select(&mut app, "edu.prereqs.biology");
    app.update(Action::EditNote);
    for c in " Ask about q".chars() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    snapshot_both_sizes("note_editor", &app);
}

#[test]
fn date_prompt_with_a_refusal() {
    let mut app = progressed();
    select(&mut app, "edu.prereqs.chemistry");
    app.update(Action::EditDate);
    for _ in 0..7 {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    for c in "2031-01".chars() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    app.update(Action::Confirm);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("2031-01 is in the future"), "{text}");
    snapshot_both_sizes("date_prompt", &app);
}

#[test]
fn goal_question() {
    let mut app = progressed();
    app.update(Action::SwitchGoal);
    snapshot_both_sizes("goal_question", &app);
}

#[test]
fn recovery_screen() {
    let mut backup = Profile::default();
    backup.set_done("edu.prereqs.biology", true, today());
    let app = App::recover(real_guide().clone(),
        clock(),
        Recovery {
            problem: "/home/u/.local/share/medtech/profile.ron is damaged at line 3, column 5: Expected a `:`".into(),
            moved_to: Some("/home/u/.local/share/medtech/profile.ron.corrupt-20261124T120000Z".into()),
            backup: Some(backup),
        },
    );
    snapshot_both_sizes("recovery", &app);
}

#[test]
fn recovery_without_a_backup_does_not_offer_one() {
    for backup in [None, Some(Profile::default())] {
        let app = App::recover(
            real_guide().clone(),
            clock(),
            Recovery {
                problem: "damaged".into(),
                moved_to: None,
                backup,
            },
        );
        let text = screen_text(&app, 80, 24);
        assert!(!text.contains("restore backup"), "{text}");
        assert!(!text.contains("Press b"), "{text}");
        assert!(!text.contains("0 step"), "{text}");
    }
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
    app.theme = Theme {
        color: false,
        ..Theme::default()
    };
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
    for symbol in ["[x]", "[~]", "[ ]", "[-]", "[/]", "[+]"] {
        assert!(text.contains(symbol), "{symbol} missing:\n{text}");
    }
    for word in ["in progress", "n/a", "skipped", "partly"] {
        assert!(text.contains(word), "{word} missing:\n{text}");
    }
}

/// The checklist is drawn straight into the cells: the selected row is
/// reversed across the list's width with "›" before it, the others are not,
/// and a done step's box keeps its colour.
#[test]
fn the_selected_row_is_reversed_and_marked_and_boxes_keep_their_colour() {
    use ratatui::style::Modifier;
    let mut app = progressed();
    app.update(Action::Show(Screen::Education));
    select(&mut app, "edu.prereqs.biology");
    let terminal = render(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let row_of = |needle: &str| {
        (0..24)
            .find(|&y| {
                let text: String = (0..40).map(|x| buffer[(x, y)].symbol()).collect();
                text.contains(needle)
            })
            .unwrap_or_else(|| panic!("no row with {needle}"))
    };
    let selected = row_of("Biology");
    let other = row_of("chemi");
    // Inside the list's borders: from column 1 to its right border, where
    // the scrollbar runs.
    let right = (1..80)
        .find(|&x| ["│", "█"].contains(&buffer[(x, selected)].symbol()))
        .expect("the list's right border");
    assert_eq!(buffer[(1, selected)].symbol(), "›");
    assert_eq!(buffer[(1, other)].symbol(), " ");
    for x in 1..right {
        assert!(
            buffer[(x, selected)].modifier.contains(Modifier::REVERSED),
            "column {x} of the selected row is not reversed"
        );
        assert!(
            !buffer[(x, other)].modifier.contains(Modifier::REVERSED),
            "column {x} of another row is reversed"
        );
    }
    assert!(
        !buffer[(right, selected)]
            .modifier
            .contains(Modifier::REVERSED)
    );
    let done_box = (1..right)
        .find(|&x| buffer[(x, selected)].symbol() == "x")
        .expect("the done box");
    assert_eq!(
        buffer[(done_box, selected)].fg,
        app.theme.done().fg.expect("a colour")
    );
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
        0..12usize,
        prop::option::of("[A-Z]{2}|\\PC{0,6}"),
    )
        .prop_map(|(screen, moves, mls, popup, state)| {
            let mut app = app_with(Profile {
                state,
                ..Profile::default()
            });
            if mls {
                app.update(Action::SwitchGoal);
                app.update(Action::Confirm);
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
                3 => app = App::first_launch(guide().clone(), clock()),
                4 | 7 => {
                    app.update(if popup == 4 {
                        Action::EditNote
                    } else {
                        Action::OpenSearch
                    });
                    for c in "q 検査 a very long line of typed text".chars() {
                        app.update(Action::Input(KeyEvent::new(
                            KeyCode::Char(c),
                            KeyModifiers::NONE,
                        )));
                    }
                }
                5 => {
                    app.update(Action::EditDate);
                    app.update(Action::Confirm);
                }
                6 => {
                    app.update(Action::OpenSetup);
                    app.update(Action::Input(KeyEvent::new(
                        KeyCode::Char('x'),
                        KeyModifiers::NONE,
                    )));
                }
                8 => {
                    app.update(Action::OpenSources);
                }
                9 => {
                    app.update(Action::Show(Screen::Dashboard));
                    app.update(Action::Explain);
                }
                10 => {
                    app.update(Action::WhatIf);
                }
                11 => {
                    app = App::recover(
                        guide().clone(),
                        clock(),
                        Recovery {
                            problem: "damaged".into(),
                            moved_to: None,
                            backup: None,
                        },
                    );
                }
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
        let mut app = app;
        // The size the app believes it has decides what is drawn: tell it.
        app.update(Action::Resize(width, height));
        shows_what_it_should(&app, width, height);
        app.update(Action::Down);
        shows_what_it_should(&app, width, height);
    }
}

/// A frame at any size shows the title of what is on top, or, below the
/// smallest size, as much of the too-small message as fits.
fn shows_what_it_should(app: &App, width: u16, height: u16) {
    use medtech::app::{MIN_HEIGHT, MIN_WIDTH, Mode};
    let terminal = render(app, width, height);
    let buffer = terminal.backend().buffer();
    // Row by row (a zero width has no rows to print).
    let rows: Vec<String> = (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    let text = rows.join("\n");
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let message = squeeze(&format!(
            "medtech needs a terminal of at least {MIN_WIDTH}x{MIN_HEIGHT}; this one is {width}x{height}."
        ));
        let shown = squeeze(&rows.concat());
        assert!(
            message.starts_with(&shown) || shown.starts_with(&message),
            "{width}x{height}: not the too-small message:\n{text}"
        );
        assert_eq!(shown.is_empty(), width == 0 || height == 0, "{text}");
        return;
    }
    let heading = match &app.mode {
        Mode::Normal | Mode::ConfirmGoal => {
            format!(" medtech · {}", app.screen.title())
        }
        Mode::Welcome(_) => " Welcome to medtech".to_owned(),
        Mode::Recovery(_) => " Your profile could not be read".to_owned(),
        Mode::Setup(_) => " Your background".to_owned(),
        Mode::Help(_) => " Keys: ".to_owned(),
        Mode::StatePicker(_) => " Choose your state".to_owned(),
        Mode::Note(_) => " Note: ".to_owned(),
        Mode::Date(_) => " Date done ".to_owned(),
        Mode::WhatIf(_) => " What if ".to_owned(),
        Mode::Explain => " How the estimates are made ".to_owned(),
        Mode::Compare(_) => " Your state beside another ".to_owned(),
        Mode::Search(_) => " Search every checklist ".to_owned(),
        Mode::Sources(_) => " Sources: ".to_owned(),
        Mode::Study(_) => " The exam: study plan ".to_owned(),
        Mode::Programs(view) if view.form.is_some() => " a program · Ctrl-S saves ".to_owned(),
        Mode::Programs(_) => " Programs you are considering".to_owned(),
        Mode::Ce(_) => " a CE activity ".to_owned(),
    };
    assert!(
        text.contains(&heading),
        "{width}x{height}: {heading:?} does not show:\n{text}"
    );
}

/// The real guide: the eligibility step shows every route of the user's goal
/// with its requirements in words, and the first step shows the career facts.
#[test]
fn real_guide_panels_show_routes_and_career_facts() {
    let guide = real_guide();
    for goal in medtech::content::Goal::ALL {
        let profile = Profile {
            goal,
            resume: medtech::profile::Resume {
                screen: Screen::Certification,
                selected: [(
                    medtech::content::Area::Certification,
                    "cert.eligibility".to_owned(),
                )]
                .into(),
            },
            ..Profile::default()
        };
        let app = App::new(guide.clone(), profile, clock());
        assert_eq!(
            app.selected_step().map(|s| s.id.as_str()),
            Some("cert.eligibility")
        );
        let text = screen_text(&app, 200, 900);
        for credential in guide.credentials.iter().filter(|c| c.goal == goal) {
            assert!(
                text.contains(credential.name.as_str()),
                "{goal:?}: {} missing",
                credential.name
            );
            for route in guide
                .routes
                .iter()
                .filter(|r| r.credential == credential.id)
            {
                // Nothing answered: an open route is unknown, never "not met".
                let line = if matches!(route.status, medtech::content::RouteStatus::Open) {
                    format!("[?] {} · unknown", route.name)
                } else {
                    format!("[#] {} · closed", route.name)
                };
                assert!(text.contains(&line), "{goal:?}: {line} missing");
            }
        }
    }
    let mut app = App::new(guide.clone(), Profile::default(), clock());
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
fn help_reaches_every_key_at_the_smallest_size() {
    for (width, height) in [(60, 16), (80, 24)] {
        let mut app = progressed();
        app.update(Action::Resize(width, height));
        app.update(Action::Show(Screen::Education));
        app.update(Action::OpenHelp);
        // Scroll to the end, collecting what was shown, one screen a line.
        let mut seen = String::new();
        let mut says_more = false;
        for _ in 0..60 {
            let screen = screen_text(&app, width, height);
            says_more |= screen.contains("↓ more");
            // The popup's rows as one text: wrapped descriptions join up.
            // The popup is 76 columns wide at most, centred.
            let popup = usize::from(width.min(76));
            let left = (usize::from(width) - popup) / 2;
            let inner: Vec<String> = screen
                .lines()
                .map(|row| row.chars().skip(left + 1).take(popup - 2).collect())
                .collect();
            seen.push_str(&inner.join(" "));
            seen.push('\n');
            app.update(Action::Down);
        }
        let flat = seen.split_whitespace().collect::<Vec<_>>().join(" ");
        for (keys, description) in medtech::keymap::help_now(&app) {
            assert!(
                seen.contains(&format!(" {keys} ")),
                "{keys:?} never shows in help at {width}x{height}:\n{seen}"
            );
            let words = description.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains(&words),
                "{description:?} is not shown whole at {width}x{height}:\n{seen}"
            );
        }
        assert!(
            !seen.contains('…'),
            "help cuts a line at {width}x{height}:\n{seen}"
        );
        assert!(
            says_more,
            "help at {width}x{height} does not say it scrolls"
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

/// A graduate of 2020 with some lab work: routes of every verdict.
fn graduate_of_2020() -> App {
    use medtech::content::{Accreditor, Discipline, Program};
    use medtech::profile::{Background, Education, Experience, ProgramDone};
    let mut app = progressed();
    app.edit_profile(|profile| {
        profile.background = Background {
            education: Some(Education::Associate),
            field: Some("Medical Laboratory Technology".into()),
            semester_hours: Some(64),
            chemistry_hours: Some(8),
            biology_hours: Some(8),
            programs: vec![ProgramDone {
                kind: Program::Mlt,
                accreditor: Accreditor::Naacls,
                finished: "2020-06".parse().expect("month"),
            }],
            experience: vec![Experience {
                months: 8,
                ended: None,
                areas: vec![Discipline::Chemistry, Discipline::Hematology],
            }],
            ..Background::default()
        }
    });
    app
}

/// A veteran whose military course meets MLT(ASCP) Route 3.
fn veteran() -> App {
    use medtech::profile::{Background, Education, MilitaryCourse, Preference};
    let mut app = progressed();
    app.edit_profile(|profile| {
        profile.background = Background {
            education: Some(Education::SomeCollege),
            semester_hours: Some(60),
            chemistry_hours: Some(6),
            biology_hours: Some(6),
            military_course: Some(MilitaryCourse {
                weeks: 50,
                finished: "2019-06".parse().expect("month"),
            }),
            certifier: Some(Preference::Ascp),
            ..Background::default()
        }
    });
    app
}

#[test]
fn certification_routes_with_every_verdict() {
    let mut app = graduate_of_2020();
    select(&mut app, "cert.eligibility");
    // The routes come first: scroll past the step's own text to them.
    let text = screen_text(&app, 200, 300);
    for verdict in ["· met", "· not met", "· unknown", "· closed"] {
        assert!(text.contains(verdict), "no route {verdict}:\n{text}");
    }
    assert!(text.contains("closed on 2025-06-30"), "{text}");
    app.update(Action::Resize(80, 24));
    render(&app, 80, 24);
    app.update(Action::DetailsDown);
    snapshot_both_sizes("certification_routes", &app);
}

#[test]
fn dashboard_for_a_veteran_with_next_step_finish_and_cost() {
    let app = veteran();
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("[✓] MLT(ASCP) Route 3"), "{text}");
    assert!(
        text.contains("Certification ›"),
        "the next step is past education:\n{text}"
    );
    assert!(text.contains("Finish: about"), "{text}");
    assert!(text.contains("Still to pay: $"), "{text}");
    snapshot_both_sizes("dashboard_veteran", &app);
}

#[test]
fn setup_form_with_a_refused_answer() {
    let mut app = progressed();
    app.update(Action::OpenSetup);
    app.update(Action::Input(KeyEvent::new(
        KeyCode::Right,
        KeyModifiers::NONE,
    )));
    app.update(Action::Down);
    app.update(Action::Down);
    for c in "6o".chars() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    app.update(Action::Down);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("\"6o\" is not a whole number"), "{text}");
    snapshot_both_sizes("setup", &app);
}

/// A bad date in the form shows whole, beside a mark, and its whole reason
/// below the form at 80x24 and 60x16 (issue 22: an empty field and
/// "…write YYY…" before).
#[test]
fn a_refused_date_and_its_reason_read_whole() {
    let mut app = progressed();
    app.update(Action::OpenSetup);
    // "Accredited program done: finished (YYYY-MM)".
    for _ in 0..9 {
        app.update(Action::Down);
    }
    for c in "2024-13x".chars() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    app.update(Action::Down);
    for (w, h) in [(80, 24), (60, 16)] {
        let mut app = app.clone();
        app.update(Action::Resize(w, h));
        let text = screen_text(&app, w, h);
        let flat: String = text
            .lines()
            .map(|l| l.trim_matches('"').trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains("2024-13x"), "{text}");
        assert!(
            flat.contains("✗ \"2024-13x\" is not a date: write YYYY-MM or YYYY-MM-DD"),
            "{text}"
        );
    }
}

#[test]
fn what_if_popup() {
    let mut app = progressed();
    app.edit_profile(|profile| {
        profile.background.education = Some(medtech::profile::Education::HighSchool);
    });
    select(&mut app, "edu.associate");
    app.update(Action::WhatIf);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("MLT(ASCP) Route 1 would be met"), "{text}");
    snapshot_both_sizes("what_if", &app);
}

#[test]
fn search_popup_finds_phlebotomy() {
    let mut app = progressed();
    app.update(Action::OpenSearch);
    for c in "phleb".chars() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("›Education › Phlebotomy"), "{text}");
    snapshot_both_sizes("search", &app);
}

#[test]
fn sources_view_lists_every_link_whole() {
    let mut app = progressed();
    app.update(Action::OpenSources);
    let text = screen_text(&app, 200, 40);
    let first = &app.guide().sources[0];
    assert!(
        text.lines().any(|l| l.contains(first.url.as_str())),
        "{} not shown whole:\n{text}",
        first.url
    );
    assert!(text.contains(first.title.as_str()), "{text}");
    snapshot_both_sizes("sources", &app);
}

/// A Texas MLT candidate's shortlist (facts.md §12.3: San Diego Miramar
/// below the BOC benchmark, Columbus State meeting all three) and one
/// program not accredited.
fn shortlisted() -> App {
    use medtech::profile::{
        Candidate, CandidateAccreditor, CandidateKind, Format, Rate, Shortlist, Tuition,
    };
    let rates = |list: &[(i16, Rate)]| list.iter().copied().collect();
    let profile = Profile {
        state: Some("TX".into()),
        shortlist: Shortlist {
            programs: vec![
                Candidate {
                    name: "San Diego Miramar MLT".into(),
                    kind: Some(CandidateKind::MltAssociate),
                    accreditor: Some(CandidateAccreditor::Naacls),
                    months: Some(24),
                    boc: rates(&[
                        (2021, Rate::Percent(67)),
                        (2022, Rate::Percent(38)),
                        (2023, Rate::Percent(60)),
                    ]),
                    graduation: rates(&[(2023, Rate::Percent(96))]),
                    placement: rates(&[(2023, Rate::Percent(100))]),
                    ..Candidate::default()
                },
                Candidate {
                    name: "Lone Star Lab Academy".into(),
                    kind: Some(CandidateKind::MltAssociate),
                    accreditor: Some(CandidateAccreditor::NotAccredited),
                    months: Some(12),
                    format: Some(Format::Online),
                    tuition: Some(Tuition::Total(6000)),
                    deadline: Some("2027-01-15".parse().expect("date")),
                    ..Candidate::default()
                },
                Candidate {
                    name: "Columbus State MLT".into(),
                    kind: Some(CandidateKind::MltAssociate),
                    accreditor: Some(CandidateAccreditor::Naacls),
                    months: Some(24),
                    tuition: Some(Tuition::Total(9000)),
                    boc: rates(&[
                        (2022, Rate::Percent(100)),
                        (2023, Rate::Percent(100)),
                        (2024, Rate::Percent(93)),
                    ]),
                    graduation: rates(&[
                        (2022, Rate::Percent(83)),
                        (2023, Rate::Percent(96)),
                        (2024, Rate::Percent(78)),
                    ]),
                    placement: rates(&[
                        (2022, Rate::Percent(100)),
                        (2023, Rate::Percent(86)),
                        (2024, Rate::Percent(86)),
                    ]),
                    ..Candidate::default()
                },
            ],
            chosen: Some("Columbus State MLT".into()),
        },
        ..Profile::default()
    };
    App::new(real_guide().clone(), profile, clock())
}

#[test]
fn programs_view_puts_the_shortlist_side_by_side_with_words_for_every_mark() {
    let mut app = shortlisted();
    app.update(Action::OpenPrograms);
    let text = screen_text(&app, 120, 60);
    for words in [
        "›●Columbus Sta",
        "✗ 55.0%",
        "✓ 97.7%",
        "✗ none",
        "? no data",
        "⚠ 3 flags",
        "Columbus State MLT ● your chosen program",
        "Opens (MLT associate): MLT(ASCP) Route 1",
        "Questions worth asking a program (from the guide)",
        "• Which agency accredits the program, and until when?",
        "naaclsnews.org",
    ] {
        assert!(text.contains(words), "{words:?} not shown:\n{text}");
    }
    snapshot_both_sizes("programs", &app);
}

#[test]
fn programs_view_says_there_is_more_below_at_60x16_and_scrolls_to_the_end() {
    let mut app = shortlisted();
    // The app knows its terminal's size, as in use: how far the text
    // scrolls is counted at that size.
    app.update(Action::Resize(60, 16));
    app.update(Action::OpenPrograms);
    let first = screen_text(&app, 60, 16);
    let title = first.lines().next().unwrap_or_default();
    assert!(title.contains("↓ PgDn more"), "{first}");
    assert!(!title.contains("↑"), "{first}");
    // One page down: both marks fit at 60 columns.
    app.update(Action::DetailsDown);
    let middle = screen_text(&app, 60, 16);
    let title = middle.lines().next().unwrap_or_default();
    assert!(title.contains("↑ PgUp ↓ PgDn more"), "{middle}");
    // Far past the end: the end shows (not an empty pane), and the title
    // says there is text above and none below.
    for _ in 0..40 {
        app.update(Action::DetailsDown);
    }
    let last = screen_text(&app, 60, 16);
    let title = last.lines().next().unwrap_or_default();
    assert!(title.contains("↑ PgUp"), "{last}");
    assert!(!title.contains("more"), "{last}");
    assert!(
        last.contains("sdmiramar.edu"),
        "the last source shows: {last}"
    );
}

/// Paging down past the end stops at the end, so one page up moves the
/// text at once (it used to count on, and page up seemed stuck).
#[test]
fn programs_view_pages_back_up_at_once_after_paging_past_the_end() {
    for (w, h) in [(60, 16), (80, 24)] {
        let mut app = shortlisted();
        app.update(Action::Resize(w, h));
        app.update(Action::OpenPrograms);
        for _ in 0..40 {
            app.update(Action::DetailsDown);
        }
        let last = screen_text(&app, w, h);
        let title = last.lines().next().unwrap_or_default();
        assert!(!title.contains("more"), "at the end at {w}x{h}:\n{last}");
        app.update(Action::DetailsUp);
        let up = screen_text(&app, w, h);
        let title = up.lines().next().unwrap_or_default();
        assert!(
            title.contains("↓ PgDn more"),
            "one page up shows more below at {w}x{h}:\n{up}"
        );
        assert_ne!(up, last);
    }
}

#[test]
fn programs_view_chooses_with_enter_and_undo_takes_it_back() {
    let mut app = shortlisted();
    app.update(Action::OpenPrograms);
    app.update(Action::Up);
    let effects = app.update(Action::Confirm);
    assert!(!effects.is_empty(), "saved");
    assert_eq!(
        app.profile().shortlist.chosen.as_deref(),
        Some("Lone Star Lab Academy")
    );
    assert_eq!(
        app.profile().history.last().map(|e| &e.event),
        Some(&medtech::profile::Event::Shortlist)
    );
    app.update(Action::Undo);
    assert_eq!(
        app.profile().shortlist.chosen.as_deref(),
        Some("Columbus State MLT")
    );
    app.update(Action::Program(medtech::programs_view::Key::Remove));
    assert_eq!(app.profile().shortlist.programs.len(), 2);
    app.update(Action::Undo);
    assert_eq!(app.profile().shortlist.programs.len(), 3);
    assert!(
        matches!(app.mode, medtech::app::Mode::Programs(_)),
        "still in the view"
    );
}

#[test]
fn programs_form_and_an_empty_shortlist() {
    let mut app = App::new(real_guide().clone(), Profile::default(), clock());
    app.update(Action::OpenPrograms);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("No programs on your shortlist yet"), "{text}");
    app.update(Action::Program(medtech::programs_view::Key::Add));
    snapshot_both_sizes("programs_form", &app);
}

/// At 80x24 and 60x16 each URL wraps over as many rows as it needs, never
/// cut at the border; `y` copies the selected one and shows it below.
#[test]
fn sources_view_wraps_each_url_whole_and_y_copies_it() {
    for (width, height) in [(80, 24), (60, 16)] {
        let mut app = progressed();
        app.update(Action::Resize(width, height));
        app.update(Action::OpenSources);
        for index in 0..app.guide().sources.len() {
            let url = app.guide().sources[index].url.clone();
            let text = screen_text(&app, width, height);
            // The list's rows, border and marker column off, joined.
            let joined: String = text
                .lines()
                .map(|row| {
                    // `"│› ` or `"│  `: the quote the test prints, the border, the marker.
                    row.chars()
                        .skip(4)
                        .take(usize::from(width) - 4)
                        .collect::<String>()
                        .trim_end()
                        .to_owned()
                })
                .collect();
            assert!(
                joined.contains(&url),
                "{width}x{height}: source {index} {url} not whole:\n{text}"
            );
            app.update(Action::Copy);
            assert_eq!(app.clipboard.take().as_deref(), Some(url.as_str()));
            // The status message shows the URL whole, for copying by hand.
            let text = screen_text(&app, width, height);
            let shown: String = text
                .lines()
                .skip_while(|row| !row.contains("Copied where"))
                .map(|row| {
                    row.chars()
                        .skip(2)
                        .take(usize::from(width) - 2)
                        .collect::<String>()
                        .trim_end()
                        .to_owned()
                })
                .collect();
            assert!(
                shown.contains(&url),
                "{width}x{height}: {url} not in {shown}"
            );
            app.update(Action::Down);
        }
    }
    assert_eq!(
        medtech::ui::sources::osc52("https://a.b/c?d=1"),
        "\u{1b}]52;c;aHR0cHM6Ly9hLmIvYz9kPTE=\u{7}"
    );
}

#[test]
fn sources_view_links_go_over_the_text_not_into_the_buffer() {
    let mut app = progressed();
    app.hyperlinks = true;
    app.update(Action::Resize(120, 40));
    app.update(Action::OpenSources);
    let terminal = render(&app, 120, 40);
    // No escape in a cell: ratatui would count it as wide text.
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .all(|cell| !cell.symbol().contains('\u{1b}')),
        "an escape sequence reached the buffer"
    );
    let mut written = Vec::new();
    medtech::ui::sources::write_hyperlinks(&mut written, &app).expect("written");
    let written = String::from_utf8(written).expect("text");
    let first = &app.guide().sources[0].url;
    assert!(
        written.contains(&format!(
            "\u{1b}]8;;{first}\u{1b}\\{first}\u{1b}]8;;\u{1b}\\"
        )),
        "{written:?}"
    );
    // Outside the sources view nothing is written.
    app.update(Action::Close);
    let mut none = Vec::new();
    medtech::ui::sources::write_hyperlinks(&mut none, &app).expect("written");
    assert!(none.is_empty());
}

#[test]
fn activity_chart_and_streak_on_the_dashboard() {
    let mut app = progressed();
    // Steps done over the last weeks: two this week, one three weeks ago.
    for (step, on) in [
        ("edu.career", "2026-11-24"),
        ("edu.accredited", "2026-11-24"),
        ("edu.practicum", "2026-11-03"),
    ] {
        let change = Change::Status {
            step: step.into(),
            from: app.profile().status(step),
            to: Status::Done,
        };
        app.edit_profile(|profile| profile.apply(&change, on.parse().expect("date")));
    }
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Activity"), "{text}");
    assert!(text.contains("streak: 1 week"), "{text}");
    snapshot_both_sizes("activity", &app);
}

#[test]
fn high_contrast_theme_at_80x24() {
    let mut app = progressed();
    app.update(Action::CycleTheme);
    assert_eq!(app.theme.palette, medtech::theme::Palette::HighContrast);
    select(&mut app, "edu.prereqs.biology");
    let terminal = render(&app, 80, 24);
    // No dim grey anywhere: every coloured cell is a bright colour.
    for cell in terminal.backend().buffer().content() {
        assert_ne!(cell.fg, Color::DarkGray, "{cell:?}");
        assert_ne!(cell.fg, Color::Gray, "{cell:?}");
    }
    snapshot_both_sizes("high_contrast", &app);
}

#[test]
fn the_estimates_scroll_at_the_smallest_size() {
    let mut app = progressed();
    app.update(Action::Resize(60, 16));
    app.update(Action::Explain);
    let first = screen_text(&app, 60, 16);
    assert!(first.contains("↓ more"), "{first}");
    assert!(first.contains("Esc"), "the keys stay in view:\n{first}");
    let mut seen = first;
    for _ in 0..40 {
        app.update(Action::Down);
        seen.push_str(&screen_text(&app, 60, 16));
    }
    assert!(seen.contains("Money still to spend"), "{seen}");
}

/// Issue 20: the estimates popup (`e`) for the New York veteran, worded
/// from the plan, at both sizes.
#[test]
fn the_estimates_popup_of_the_new_york_veteran() {
    let mut app = App::new(real_guide().clone(), crate::plan::ny_veteran(), clock());
    app.update(Action::Explain);
    snapshot_both_sizes("explain_plan", &app);
}

/// Issue 20, item 6: California's "at least 10 weeks" reads so in the
/// step's details and in the estimates, never "10–10 weeks".
#[test]
fn at_least_ten_weeks_reads_so_in_the_details_and_the_estimates() {
    let profile = Profile {
        state: Some("CA".into()),
        ..Profile::default()
    };
    let mut app = App::new(real_guide().clone(), profile, clock());
    app.update(Action::Resize(120, 50));
    select(&mut app, "ca.mlt-apply");
    let details = screen_text(&app, 120, 50);
    assert!(
        details.contains("typical time: at least 10 weeks"),
        "{details}"
    );
    app.update(Action::Show(Screen::Dashboard));
    app.update(Action::Explain);
    let mut seen = screen_text(&app, 120, 50);
    for _ in 0..40 {
        app.update(Action::Down);
        seen.push_str(&screen_text(&app, 120, 50));
    }
    assert!(
        seen.contains("Apply to LFS for the MLT license: at least 10 weeks"),
        "{seen}"
    );
    assert!(!seen.contains("10–10"), "{seen}");
}

#[test]
fn a_read_only_first_launch_says_nothing_will_be_saved() {
    let mut app = App::first_launch(real_guide().clone(), clock());
    app.read_only = true;
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("READ-ONLY"), "{text}");
    assert!(text.contains("Nothing chosen here is saved"), "{text}");
}

#[test]
fn the_military_step_reads_not_for_you_without_a_military_course() {
    let mut app = graduate_of_2020();
    app.update(Action::Show(Screen::Education));
    app.update(Action::Bottom);
    let text = screen_text(&app, 120, 40);
    let row = text
        .lines()
        .find(|l| l.contains("military"))
        .unwrap_or_else(|| panic!("no military step:\n{text}"));
    assert!(row.contains("not for you"), "{row}");
    // Without an answered setup, nothing is assumed.
    let mut unanswered = progressed();
    unanswered.update(Action::Show(Screen::Education));
    unanswered.update(Action::Bottom);
    let text = screen_text(&unanswered, 120, 40);
    assert!(!text.contains("not for you"), "{text}");
}

/// The details are wrapped only as far as they are read: paging down must
/// still reach the very last row of a long text, never scroll into blank
/// rows, and page back up to the top.
#[test]
fn paging_down_the_details_reaches_their_last_row_and_back() {
    let mut app = progressed();
    let steps: Vec<String> = app
        .guide()
        .all_steps()
        .filter(|(area, _)| *area != medtech::content::Area::Licensing)
        .map(|(_, step)| step.id.clone())
        .step_by(4)
        .collect();
    let details_rows = |text: &str| -> Vec<String> {
        let rows: Vec<Vec<char>> = text
            .lines()
            .map(|row| row.trim_matches('"').chars().collect())
            .collect();
        // The details box starts at its top-left corner, on the third row.
        let left = rows[2]
            .iter()
            .rposition(|c| *c == '┌')
            .expect("the details box");
        rows[3..rows.len() - 2]
            .iter()
            .map(|row| {
                let inside: String = row[left + 1..row.len() - 1].iter().collect();
                inside.trim_end().to_owned()
            })
            .collect()
    };
    let trimmed = |mut rows: Vec<String>| {
        while rows.last().is_some_and(String::is_empty) {
            rows.pop();
        }
        rows
    };
    for id in steps {
        select(&mut app, &id);
        app.update(Action::Resize(80, 400));
        let tall = trimmed(details_rows(&screen_text(&app, 80, 400)));
        app.update(Action::Resize(80, 24));
        let mut pages = 0;
        loop {
            let text = screen_text(&app, 80, 24);
            // Page until the title no longer says there is more.
            if !text.lines().nth(2).is_some_and(|row| row.contains("more")) {
                let shown = trimmed(details_rows(&text));
                assert!(
                    tall.ends_with(&shown) && !shown.is_empty(),
                    "{id}: the end of the text is not what shows:\n{text}"
                );
                if pages > 0 {
                    assert_eq!(shown.len(), 19, "{id}: blank rows at the end:\n{text}");
                }
                break;
            }
            pages += 1;
            assert!(pages < 40, "{id}: the end never shows:\n{text}");
            app.update(Action::DetailsDown);
        }
        for _ in 0..=pages {
            app.update(Action::DetailsUp);
            render(&app, 80, 24);
        }
        assert_eq!(
            app.view(app.guide().step(&id).expect("a step").0)
                .details_scroll(),
            0,
            "{id}"
        );
    }
}

/// The footer's hints follow the screen, the mode, a read-only copy and
/// the width.
#[test]
fn the_footer_follows_mode_read_only_and_width() {
    let footer = |app: &App, width: u16| {
        let text = screen_text(app, width, 24);
        text.lines().last().expect("a footer").to_owned()
    };
    let mut app = progressed();
    app.update(Action::Show(Screen::Education));
    assert!(
        footer(&app, 80).contains("Space done"),
        "{}",
        footer(&app, 80)
    );
    app.read_only = true;
    assert!(
        !footer(&app, 80).contains("Space done"),
        "{}",
        footer(&app, 80)
    );
    app.read_only = false;
    assert!(footer(&app, 80).contains("Space done"));
    let wide = footer(&app, 160);
    assert!(wide.matches("  ").count() > 0 && wide.len() > footer(&app, 80).len());
    app.update(Action::Show(Screen::Dashboard));
    assert!(
        !footer(&app, 80).contains("Space done"),
        "{}",
        footer(&app, 80)
    );
    app.update(Action::OpenHelp);
    let help = footer(&app, 80);
    app.update(Action::Close);
    assert_ne!(help, footer(&app, 80));
}

/// Ratatui's wrapping can put a two-column symbol in a row's last column,
/// half outside the pane, where it would cover the border: the details
/// never do (the one case of their own).
#[test]
fn a_wide_symbol_never_covers_the_details_border() {
    let mut app = progressed();
    select(&mut app, "edu.associate");
    app.update(Action::EditNote);
    app.update(Action::Paste("日本語のテキスト ".repeat(40)));
    app.update(Action::SaveText);
    assert_eq!(app.mode, medtech::app::Mode::Normal);
    for width in 80..=100 {
        app.update(Action::Resize(width, 24));
        let terminal = render(&app, width, 24);
        let buffer = terminal.backend().buffer();
        let right = width - 1;
        for y in 3..20 {
            let last = &buffer[(right - 1, y)];
            assert!(
                unicode_width::UnicodeWidthStr::width(last.symbol()) <= 1,
                "{width} columns, row {y}: {:?} hangs over the border",
                last.symbol()
            );
            assert_eq!(buffer[(right, y)].symbol(), "│", "row {y}");
        }
    }
}

/// Issue 20 item 8: `C` puts your state beside another in the app, as
/// `medtech compare` does: the picker asks which, Enter shows both.
#[test]
fn compare_puts_your_state_beside_another() {
    let mut app = progressed();
    app.update(Action::Show(Screen::Licensing));
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT);
    let action = medtech::keymap::action_for(&app, key('C')).expect("C is bound");
    assert_eq!(action, Action::Compare);
    app.update(action);
    assert!(screen_text(&app, 80, 24).contains("Compare yours with"));
    // It opens on your state; the next one down is Georgia.
    app.update(Action::Down);
    app.update(Action::Confirm);
    for (w, h) in [(80, 24), (60, 16)] {
        let mut app = app.clone();
        app.update(Action::Resize(w, h));
        let text = screen_text(&app, w, h);
        assert!(text.contains("Your state beside another"), "{text}");
        assert!(text.contains("Florida (FL) vs Georgia (GA)"), "{text}");
    }
    // Esc closes it; no state chosen asks for one first.
    app.update(Action::Close);
    assert_eq!(app.mode, medtech::app::Mode::Normal);
    app.edit_profile(|p| p.state = None);
    app.update(Action::Compare);
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("Choose your state first"))
    );
    // A hand-edited state the guide does not know: said at once, no list.
    app.edit_profile(|p| p.state = Some("ZZ".into()));
    app.update(Action::Compare);
    assert_eq!(app.mode, medtech::app::Mode::Normal);
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("no record for \"ZZ\"")),
        "{:?}",
        app.notice
    );
    // "No state" in the list is no comparison: the list stays open.
    app.edit_profile(|p| p.state = Some("FL".into()));
    app.update(Action::Compare);
    app.update(Action::Top);
    app.update(Action::Confirm);
    assert!(matches!(app.mode, medtech::app::Mode::StatePicker(_)));
    assert_eq!(
        app.notice.as_deref(),
        Some("Pick a state to compare yours with.")
    );
}

/// In a non-UTF-8 locale (or `--ascii`) every cell `ui::draw` leaves is
/// ASCII: the stand-ins are part of drawing, not a step only the real
/// terminal loop adds, so what the tests see is what the terminal gets.
#[test]
fn an_ascii_theme_draws_only_ascii() {
    for screen in [Screen::Dashboard, Screen::Education, Screen::Certification] {
        let mut app = progressed();
        app.theme = Theme {
            ascii: true,
            ..app.theme
        };
        app.update(Action::Show(screen));
        for (w, h) in [(80, 24), (60, 16)] {
            app.update(Action::Resize(w, h));
            let text = screen_text(&app, w, h);
            assert!(text.is_ascii(), "{screen:?} {w}x{h}:\n{text}");
        }
    }
}

/// Issue 23's walk: MLT(ASCP) since 2024-03 and a California MLT license
/// since 2024-06, three activities, one safety course counting for both.
fn keeping_it() -> App {
    keeping_it_with(0)
}

/// The walk's profile with `more` activities logged besides its three.
fn keeping_it_with(more: u32) -> App {
    let mut profile = Profile {
        state: Some("CA".into()),
        ..Profile::default()
    };
    profile
        .background
        .credentials
        .push(medtech::profile::HeldCredential {
            name: "MLT(ASCP)".into(),
            since: "2024-03".parse().expect("a month"),
        });
    profile.steps.insert(
        "ca.mlt-apply".into(),
        medtech::profile::StepRecord {
            status: Status::Done,
            date: Some("2024-06".parse().expect("a month")),
            note: String::new(),
        },
    );
    let activity = |id, date: &str, tenths, title: &str, categories: &[&str], counts: &[&str]| {
        medtech::profile::Activity {
            id,
            date: date.parse().expect("a day"),
            tenths,
            credit: medtech::profile::Credit::Hours,
            title: title.into(),
            provider: String::new(),
            categories: categories.iter().map(|s| (*s).to_owned()).collect(),
            counts_for: counts.iter().map(|s| (*s).to_owned()).collect(),
        }
    };
    profile.ce.activities = vec![
        activity(
            2,
            "2025-04-10",
            100,
            "Hematology webinar series",
            &[],
            &["MLT(ASCP)"],
        ),
        activity(
            3,
            "2026-07-01",
            60,
            "Blood bank review",
            &[],
            &["California MLT license"],
        ),
        activity(
            1,
            "2026-10-02",
            15,
            "Lab safety update",
            &["safety"],
            &["MLT(ASCP)", "California MLT license"],
        ),
    ];
    for id in 4..4 + more {
        profile
            .ce
            .activities
            .push(activity(id, "2026-11-01", 10, "Webinar", &[], &[]));
    }
    // The day of the walk: the ASCP cycle ends within 90 days.
    let walk = medtech::clock::Clock::Fixed("2026-12-08".parse().expect("a day"));
    let mut app = App::new(real_guide().clone(), profile, walk);
    app.update(Action::Show(Screen::Upkeep));
    app
}

#[test]
fn upkeep_with_a_credential_and_a_license() {
    let app = keeping_it();
    snapshot_both_sizes("upkeep", &app);
    for (w, h) in [(80, 24), (60, 16)] {
        let text = screen_text(&app, w, h);
        assert!(text.contains("5 Upkeep]"), "{w}x{h}: the tab shows\n{text}");
        assert!(text.contains("11.5 of 36 points"), "{w}x{h}:\n{text}");
        assert!(
            text.contains("2026-06-01 to 2028-05-31"),
            "{w}x{h}:\n{text}"
        );
        // Readable without colour: 2027-02-28 is within 90 days of 2026-12-08.
        assert!(text.contains("[!] 90 days"), "{w}x{h}:\n{text}");
    }
    // Removing is undone with u, and the footer says so where it fits.
    let footer = |w, h| {
        let text = screen_text(&app, w, h);
        text.lines().last().expect("the footer").to_owned()
    };
    let wide = footer(80, 24);
    assert!(wide.contains("x/Delete remove  u undo  ? help"), "{wide:?}");
    let narrow = footer(60, 16);
    assert!(
        narrow.contains("a add CE") && narrow.contains("q/Ctrl-C quit"),
        "{narrow:?}"
    );
}

#[test]
fn wrapped_upkeep_rows_line_up_under_their_first_row_s_text() {
    let app = keeping_it();
    // 80x24: each note's wrapped rows under "Verify:", not at the edge.
    let text = screen_text(&app, 80, 24);
    let rows: Vec<&str> = text.lines().map(|r| r.trim_matches('"')).collect();
    let verify = rows
        .iter()
        .position(|r| r.contains("Verify: Each license"))
        .unwrap_or_else(|| panic!("the note shows\n{text}"));
    assert!(rows[verify].starts_with("│    Verify: "), "{text}");
    let wrapped: Vec<&str> = rows[verify + 1..]
        .iter()
        .take_while(|r| !r.starts_with('└'))
        .copied()
        .collect();
    assert!(wrapped.len() >= 2, "the note wraps:\n{text}");
    for row in wrapped {
        assert!(
            row.starts_with("│    ") && !row.starts_with("│     "),
            "{row:?} lines up under 'Verify:'\n{text}"
        );
    }
    // 60x16: a cycle's heading wraps under its name, after the mark.
    let text = screen_text(&app, 60, 16);
    let rows: Vec<&str> = text.lines().map(|r| r.trim_matches('"')).collect();
    let heading = rows
        .iter()
        .position(|r| r.starts_with("│[ ] MLT(ASCP)"))
        .unwrap_or_else(|| panic!("the heading\n{text}"));
    assert!(rows[heading + 1].starts_with("│    [!] 90 days"), "{text}");
}

#[test]
fn with_a_long_log_the_upkeep_screen_still_says_what_to_verify_at_80x24() {
    let app = keeping_it_with(4);
    let text = screen_text(&app, 80, 24).replace(['│', '\n'], " ");
    let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        squeezed.contains("Verify: Each license has its own expiry date"),
        "{squeezed}"
    );
    assert!(squeezed.contains("CE log (7)"), "{squeezed}");
}

#[test]
fn an_activity_dated_in_no_cycle_says_so_on_the_upkeep_screen_without_colour() {
    let mut profile = keeping_it().profile().clone();
    profile.ce.activities.insert(
        0,
        medtech::profile::Activity {
            id: 9,
            date: "1990-05-01".parse().expect("a day"),
            tenths: 20,
            credit: medtech::profile::Credit::Hours,
            title: "Old course".into(),
            provider: String::new(),
            categories: vec![],
            counts_for: vec![],
        },
    );
    let walk = medtech::clock::Clock::Fixed("2026-12-08".parse().expect("a day"));
    let mut app = App::new(real_guide().clone(), profile, walk);
    app.update(Action::Show(Screen::Upkeep));
    for (w, h) in [(80, 24), (60, 16)] {
        let text = screen_text(&app, w, h);
        let rows: Vec<&str> = text.lines().collect();
        let old = rows
            .iter()
            .position(|r| r.contains("1990-05-01") && r.contains("Old course"))
            .unwrap_or_else(|| panic!("{w}x{h}: listed\n{text}"));
        assert!(
            rows[old + 1].contains("outside every cycle: counts toward none"),
            "{w}x{h}:\n{text}"
        );
        // Said once: the activities in a cycle carry no such note.
        assert_eq!(text.matches("outside every cycle").count(), 1, "{text}");
    }
}

#[test]
fn upkeep_with_nothing_held_says_what_will_appear_and_when() {
    let mut app = App::new(real_guide().clone(), Profile::default(), clock());
    app.update(Action::Show(Screen::Upkeep));
    snapshot_both_sizes("upkeep_nothing_held", &app);
    let text = screen_text(&app, 80, 24).replace(['│', '\n'], " ");
    let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squeezed.contains("Nothing held yet"), "{squeezed}");
    assert!(squeezed.contains("appear here"), "{squeezed}");
}

#[test]
fn upkeep_activity_form() {
    let mut app = keeping_it();
    app.update(Action::Ce(medtech::app::CeAction::Edit));
    snapshot_both_sizes("upkeep_form", &app);
}

#[test]
fn every_tab_fits_at_80x24_and_60x16() {
    let app = App::new(real_guide().clone(), Profile::default(), clock());
    for (w, h) in [(80, 24), (60, 16)] {
        let text = screen_text(&app, w, h);
        let tabs = text.lines().nth(1).expect("the tab row");
        for n in 1..=5 {
            assert!(
                tabs.contains(&format!("{n} ")),
                "{w}x{h}: tab {n} in {tabs:?}"
            );
        }
        assert!(tabs.contains("5 Upkeep"), "{w}x{h}: {tabs:?}");
    }
}

#[test]
fn the_dashboard_sums_up_each_cycle_once_something_is_held() {
    let mut app = keeping_it();
    app.update(Action::Show(Screen::Dashboard));
    snapshot_both_sizes("dashboard_keeping_it", &app);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Upkeep: MLT(ASCP) 11.5/36 to 2027-02-28 [!]"),
        "{text}"
    );
    // Wrapped onto a second row, whole.
    assert!(text.contains("California MLT license 7.5/24 to"), "{text}");
    assert!(text.contains("2028-05-31 (5)"), "{text}");
    // At 60x16 the path has no room for two rows: one, warning first.
    let small = screen_text(&app, 60, 16);
    assert!(
        small.contains("Upkeep: [!] MLT(ASCP) 11.5/36 to 2027-02-28 ·"),
        "{small}"
    );
    let row = small
        .lines()
        .find(|l| l.contains("Upkeep:"))
        .expect("the Upkeep row");
    assert!(
        row.trim_end_matches(['"', ' ']).ends_with("(5)"),
        "one whole row: {row:?}"
    );
}

/// The walk's MLT(ASCP) holder without the California license (one Upkeep
/// row), on the dashboard.
fn holder_on_the_dashboard() -> App {
    let mut profile = keeping_it().profile().clone();
    profile.steps.remove("ca.mlt-apply");
    let walk = medtech::clock::Clock::Fixed("2026-12-08".parse().expect("a day"));
    let mut app = App::new(real_guide().clone(), profile, walk);
    app.update(Action::Show(Screen::Dashboard));
    app
}

#[test]
fn a_reason_too_long_for_the_next_step_box_is_cut_at_a_word_with_an_ellipsis() {
    // The walk without the license: one Upkeep row, so one row is left for
    // the reason, which needs two at 80 columns.
    let app = holder_on_the_dashboard();
    let text = screen_text(&app, 80, 24);
    let row = text
        .lines()
        .find(|l| l.contains("Why this step:"))
        .unwrap_or_else(|| panic!("no reason shown:\n{text}"));
    let inside = row.trim_matches('"').trim_end_matches('│').trim_end();
    assert!(
        inside.ends_with('…'),
        "the reason is cut without saying so: {row:?}\n{text}"
    );
    let next = text.lines().skip_while(|l| *l != row).nth(1).unwrap_or("");
    assert!(
        next.trim_matches('"').starts_with('└'),
        "one row, then the box ends: {next:?}"
    );
}

#[test]
fn a_step_the_background_covers_says_what_covers_it() {
    // The MLT(ASCP) holder: "Know the job" is done from the credential, not
    // from a mark of theirs, and the details say so.
    let mut app = keeping_it();
    app.update(Action::Show(Screen::Education));
    app.update(Action::Resize(100, 30));
    let text = screen_text(&app, 100, 30);
    assert!(text.contains("›[x] Know the job"), "{text}");
    assert!(
        text.contains("Status: [x] Done from the credential you hold"),
        "{text}"
    );
}

#[test]
fn after_the_next_step_comes_what_follows_it_not_school_the_plan_passed_over() {
    // The MLT(ASCP) holder without the license at 60x16: the next step is
    // in Licensing; the degree's courses before it are not "after that".
    let app = holder_on_the_dashboard();
    let text = screen_text(&app, 60, 16);
    assert!(text.contains("Licensing › "), "{text}");
    assert!(text.contains("After that"), "{text}");
    assert!(!text.contains("(Education)"), "{text}");
    assert!(text.contains("(Licensing)"), "{text}");
    // With room, the credential's upkeep follows the license steps: it
    // comes before them in the path, but it is not school.
    let tall = screen_text(&app, 100, 40);
    assert!(tall.contains("Keep your credential current"), "{tall}");
    assert!(!tall.contains("(Education)"), "{tall}");
}

#[test]
fn space_on_a_step_the_background_covers_says_how_to_set_it_apart() {
    // The MLT(ASCP) holder: "Know the job" is done from the credential;
    // Space has nothing of theirs to take back, and says what would.
    let mut app = keeping_it();
    app.update(Action::Show(Screen::Education));
    app.update(Action::Toggle);
    let notice = app.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("is done from the credential you hold"),
        "{notice}"
    );
    assert!(notice.contains("in progress (i)"), "{notice}");
    assert!(!notice.contains("already to do"), "{notice}");
    // The mark it names does set it apart.
    app.update(Action::SetStatus(medtech::profile::Status::InProgress));
    let text = screen_text(&app, 100, 30);
    assert!(text.contains("›[~] Know the job"), "{text}");
}
