//! The exam study view (`E`, issue 24) driven through the keymap as a
//! person would: set the plan, tick a week, log practice tests, undo; and
//! rendered with the real guide at 80x24 and 60x16.

use medtech::app::{Action, App, Mode};
use medtech::clock::Clock;
use medtech::content::Guide;
use medtech::keymap;
use medtech::profile::Profile;
use medtech::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::shared::{clock, today};

fn real_guide() -> &'static Guide {
    static GUIDE: std::sync::OnceLock<Guide> = std::sync::OnceLock::new();
    GUIDE.get_or_init(|| Guide::embedded().expect("the embedded guide parses"))
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| ui::draw(f, app)).expect("draw");
    terminal.backend().to_string()
}

/// One key through the keymap, as the loop sends it.
fn key(app: &mut App, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = keymap::action_for(app, event) {
        app.update(action);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Clears the focused field (Ctrl-U) and types into it.
fn fill(app: &mut App, text: &str) {
    let event = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    app.update(Action::Input(event));
    typed(app, text);
}

fn new_app() -> App {
    let mut app = App::new(real_guide().clone(), Profile::default(), clock());
    app.update(Action::Resize(80, 24));
    app
}

/// MLT(ASCP) ten weeks after `today()` (2026-11-24), 8 hours a week.
fn planned() -> App {
    let mut app = new_app();
    typed(&mut app, "E");
    assert!(
        matches!(&app.mode, Mode::Study(v) if v.form.is_some()),
        "the form opens first"
    );
    fill(&mut app, "MLT(ASCP)");
    key(&mut app, KeyCode::Tab);
    fill(&mut app, "2027-02-02");
    key(&mut app, KeyCode::Tab);
    fill(&mut app, "8");
    key(&mut app, KeyCode::Enter);
    app
}

fn view(app: &App) -> &medtech::app::study::StudyView {
    match &app.mode {
        Mode::Study(v) => v,
        other => panic!("not the study view: {other:?}"),
    }
}

fn practice(app: &mut App, area: &str, score: &str) {
    typed(app, "p");
    fill(app, area);
    key(app, KeyCode::Tab);
    fill(app, score);
    key(app, KeyCode::Enter);
}

#[test]
fn setting_the_plan_saves_it_and_lists_ten_weeks_of_eight_hours() {
    let app = planned();
    let v = view(&app);
    assert!(v.form.is_none(), "{:?}", v.form);
    let plan = v.plan.as_ref().expect("a plan");
    assert_eq!(plan.weeks.len(), 10);
    assert!(plan.weeks.iter().all(|w| w.hours() == 8));
    let s = &app.profile().study;
    assert_eq!(s.exam.as_deref(), Some("MLT(ASCP)"));
    assert_eq!(s.from, Some(today()));
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("MLT(ASCP) on 2027-02-02 · 8 h a week · 10 weeks"),
        "{text}"
    );
    assert!(
        text.contains("100 questions · 2 h 30 · computer-adaptive (CAT)"),
        "{text}"
    );
    assert!(text.contains("15-20%"), "{text}");
    assert!(
        text.contains("20-25%?"),
        "the unverified mark shows without colour:\n{text}"
    );
}

/// An exam 10 weeks and 3 days away: the 3 days from today are a short
/// first week with today's `now` on it, not days that belong to no week.
#[test]
fn today_is_in_a_week_when_the_exam_is_not_a_whole_number_of_weeks_away() {
    let mut app = new_app();
    typed(&mut app, "E");
    fill(&mut app, "MLT(ASCP)");
    key(&mut app, KeyCode::Tab);
    fill(&mut app, "2027-02-05");
    key(&mut app, KeyCode::Tab);
    fill(&mut app, "8");
    key(&mut app, KeyCode::Enter);
    let text = screen(&app, 80, 24);
    let row = text
        .lines()
        .find(|l| l.contains(" now "))
        .unwrap_or_else(|| panic!("no week is now:\n{text}"));
    assert!(row.contains("[ ] 2026-11-24 (3 days) now"), "{row}");
    let plan = view(&app).plan.as_ref().expect("a plan");
    assert_eq!(plan.weeks[0].hours(), 3, "8 hours a week over 3 days");
    assert_eq!(plan.weeks[1].start.to_string(), "2026-11-27");
    // Ticking it keeps it under today's date.
    typed(&mut app, " ");
    assert_eq!(app.profile().study.weeks_done, vec![today()]);
}

#[test]
fn a_date_too_close_is_refused_in_the_form_with_its_reason() {
    let mut app = new_app();
    typed(&mut app, "E");
    fill(&mut app, "mlt(ascp)");
    key(&mut app, KeyCode::Tab);
    fill(&mut app, "2026-12-01");
    key(&mut app, KeyCode::Tab);
    fill(&mut app, "8");
    key(&mut app, KeyCode::Enter);
    let form = view(&app).form.as_ref().expect("the form stays open");
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("at least 2 weeks")),
        "{form:?}"
    );
    assert!(app.profile().study.is_empty(), "nothing saved");
    let text = screen(&app, 80, 24);
    assert!(text.contains("✗ 2026-12-01 is 7 days away"), "{text}");
}

#[test]
fn space_ticks_a_week_and_undo_unticks_it() {
    let mut app = planned();
    typed(&mut app, " ");
    assert_eq!(app.profile().study.weeks_done, vec![today()]);
    assert!(screen(&app, 80, 24).contains("[x] 2026-11-24"));
    typed(&mut app, "u");
    assert!(app.profile().study.weeks_done.is_empty());
    // Undo again takes the whole plan back.
    typed(&mut app, "u");
    assert!(app.profile().study.is_empty());
}

#[test]
fn two_practice_tests_shift_the_weeks_toward_the_weaker_area() {
    let mut app = planned();
    let hours = |app: &App, name: &str| {
        let plan = view(app).plan.as_ref().expect("plan");
        plan.areas
            .iter()
            .find(|a| a.name == name)
            .expect(name)
            .hours
    };
    let bb = hours(&app, "Blood banking");
    let heme = hours(&app, "Hematology");
    practice(&mut app, "blood", "48");
    practice(&mut app, "hema", "85");
    assert_eq!(app.profile().study.practice.len(), 2);
    assert!(hours(&app, "Blood banking") > bb);
    assert!(hours(&app, "Hematology") < heme);
    let plan = view(&app).plan.as_ref().expect("plan");
    assert_eq!(plan.weeks[0].areas[0].name, "Blood banking");
    let text = screen(&app, 80, 24);
    assert!(text.contains("48%"), "{text}");
    // An area the outline does not have is refused with the list.
    practice(&mut app, "phlebotomy", "70");
    let form = view(&app).form.as_ref().expect("open");
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("Blood banking")),
        "{form:?}"
    );
}

#[test]
fn the_study_view_at_80x24_and_60x16() {
    let mut app = planned();
    practice(&mut app, "blood", "48");
    practice(&mut app, "hema", "85");
    typed(&mut app, " ");
    for (w, h) in [(80, 24), (60, 16)] {
        let mut app = app.clone();
        app.update(Action::Resize(w, h));
        insta::assert_snapshot!(format!("study_{w}x{h}"), screen(&app, w, h));
    }
    // And the form over it.
    typed(&mut app, "s");
    for (w, h) in [(80, 24), (60, 16)] {
        let mut app = app.clone();
        app.update(Action::Resize(w, h));
        insta::assert_snapshot!(format!("study_form_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn an_exam_without_an_outline_says_why_in_the_view() {
    let mut app = new_app();
    app.edit_profile(|p| {
        p.study.exam = Some("MLS(AMT)".into());
        p.study.date = Some("2027-03-01".parse().expect("date"));
        p.study.hours_per_week = Some(5);
    });
    typed(&mut app, "E");
    let text = screen(&app, 80, 24);
    assert!(text.contains("No study plan for MLS(AMT)"), "{text}");
    let _ = Clock::Fixed(today());
}

#[test]
fn the_form_starts_from_the_goal_at_the_preferred_certifier() {
    for (preference, goal, expected) in [
        (
            medtech::profile::Preference::Ascp,
            medtech::content::Goal::Mlt,
            "MLT(ASCP)",
        ),
        (
            medtech::profile::Preference::Amt,
            medtech::content::Goal::Mlt,
            "MLT(AMT)",
        ),
        (
            medtech::profile::Preference::Ascp,
            medtech::content::Goal::Mls,
            "MLS(ASCP)",
        ),
        // No outline for MLS(AMT): the field stays empty rather than offer it.
        (
            medtech::profile::Preference::Amt,
            medtech::content::Goal::Mls,
            "",
        ),
    ] {
        let mut profile = Profile {
            goal,
            ..Profile::default()
        };
        profile.background.certifier = Some(preference);
        let mut app = App::new(real_guide().clone(), profile, clock());
        typed(&mut app, "E");
        let form = view(&app).form.as_ref().expect("form");
        assert_eq!(form.fields[0].1.text(), expected, "{preference:?} {goal:?}");
    }
}

#[test]
fn the_study_view_and_its_forms_draw_at_every_size_without_panicking() {
    let mut app = planned();
    practice(&mut app, "blood", "48");
    let mut form = app.clone();
    typed(&mut form, "p");
    for app in [&app, &form] {
        for w in (20..=120).step_by(7) {
            for h in (5..=40).step_by(3) {
                let mut app = app.clone();
                app.update(Action::Resize(w, h));
                let text = screen(&app, w, h);
                if w >= 60 && h >= 16 {
                    assert!(text.contains("The exam: study plan"), "{w}x{h}:\n{text}");
                }
            }
        }
    }
}

#[test]
fn undoing_a_practice_test_names_it() {
    let mut app = planned();
    practice(&mut app, "blood", "48");
    typed(&mut app, "u");
    assert_eq!(
        app.notice.as_deref(),
        Some("Undone: logged Blood banking 48%.")
    );
    assert!(app.profile().study.practice.is_empty());
    assert!(screen(&app, 80, 24).contains("Undone: logged Blood banking 48%."));
}

#[test]
fn the_question_mark_on_a_weight_is_explained_at_60x16_too() {
    let app = planned();
    for (w, h) in [(80, 24), (60, 16)] {
        let text = screen(&app, w, h);
        assert!(text.contains("20-25%?"), "{text}");
        assert!(
            text.contains("? = not on the certifier's outline")
                || text.contains("? = unverified")
                || text.contains("?=unverified"),
            "{w}x{h}: a ? with no meaning on screen:\n{text}"
        );
    }
}

#[test]
fn the_form_says_which_exam_date_to_put() {
    let mut app = new_app();
    typed(&mut app, "E");
    let form = view(&app).form.as_ref().expect("the form opens");
    assert!(
        form.help().contains("the day you booked"),
        "{}",
        form.help()
    );
}
