//! The Upkeep screen's updates (issue 23): an activity added, edited and
//! removed from the form, each undone with the one undo stack.

use crate::shared::{app_with, today};
use medtech::app::{Action, CeAction, Effect, Mode};
use medtech::profile::{Event, Profile, Screen};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn typed(app: &mut medtech::app::App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn upkeep_app() -> medtech::app::App {
    let mut app = app_with(Profile::default());
    app.update(Action::Show(Screen::Upkeep));
    app
}

#[test]
fn an_activity_added_from_the_form_is_saved_dated_and_undone() {
    let mut app = upkeep_app();
    app.update(Action::Ce(CeAction::Add));
    assert!(matches!(app.mode, Mode::Ce(_)));
    // The form opens on the hours, dated today.
    typed(&mut app, "1.5");
    app.update(Action::Down);
    typed(&mut app, "Lab safety");
    app.update(Action::Down);
    app.update(Action::Down);
    typed(&mut app, "safety");
    app.update(Action::Down);
    typed(&mut app, "MLT(ASCP), California MLT license");
    let effects = app.update(Action::Confirm);
    assert_eq!(effects, [Effect::Save]);
    assert_eq!(app.mode, Mode::Normal);
    let log = &app.profile().ce.activities;
    assert_eq!(log.len(), 1);
    assert_eq!((log[0].id, log[0].tenths, log[0].date), (1, 15, today()));
    assert_eq!(log[0].counts_for, ["MLT(ASCP)", "California MLT license"]);
    assert_eq!(
        app.profile().history.last().map(|e| &e.event),
        Some(&Event::Ce)
    );
    app.update(Action::Undo);
    assert!(app.profile().ce.is_empty());
    app.update(Action::Redo);
    assert_eq!(app.profile().ce.activities.len(), 1);
}

#[test]
fn a_field_that_does_not_read_is_marked_and_nothing_is_saved() {
    let mut app = upkeep_app();
    app.update(Action::Ce(CeAction::Add));
    typed(&mut app, "1.25");
    app.update(Action::Down);
    typed(&mut app, "Course");
    assert_eq!(app.update(Action::SaveText), []);
    let Mode::Ce(form) = &app.mode else {
        panic!("the form stays open")
    };
    assert_eq!(form.cursor, 1, "back on the hours");
    assert!(
        form.error
            .as_ref()
            .is_some_and(|(_, why)| why.contains("tenths"))
    );
    assert!(app.profile().ce.is_empty());
    app.update(Action::Close);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.profile().ce.is_empty());
}

#[test]
fn an_activity_is_edited_in_place_and_removed_and_both_undo() {
    let mut app = upkeep_app();
    app.update(Action::Ce(CeAction::Add));
    typed(&mut app, "2");
    app.update(Action::Down);
    typed(&mut app, "Webinar");
    app.update(Action::SaveText);
    app.update(Action::Ce(CeAction::Edit));
    app.update(Action::Down);
    app.update(Action::Input(KeyEvent::new(
        KeyCode::Backspace,
        KeyModifiers::NONE,
    )));
    typed(&mut app, "3");
    app.update(Action::SaveText);
    let log = &app.profile().ce.activities;
    assert_eq!((log.len(), log[0].id, log[0].tenths), (1, 1, 30));
    app.update(Action::Ce(CeAction::Remove));
    assert!(app.profile().ce.is_empty());
    app.update(Action::Undo);
    assert_eq!(app.profile().ce.activities[0].tenths, 30);
    app.update(Action::Undo);
    assert_eq!(app.profile().ce.activities[0].tenths, 20);
}

#[test]
fn a_read_only_copy_refuses_to_log() {
    let mut app = upkeep_app();
    app.read_only = true;
    app.update(Action::Ce(CeAction::Add));
    assert_eq!(app.mode, Mode::Normal);
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("Read-only"))
    );
}
