//! `update()`: state + action gives the expected state and effects.

use crate::shared::{app, app_with, clock, guide, today};
use medtech::app::{Action, App, Effect, Mode};
use medtech::content::{Area, Goal};
use medtech::keymap::{self, CONTEXT_SETS};
use medtech::profile::{PartialDate, Profile, Screen, Status};
use medtech::session::Recovery;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn education(app: &mut App) {
    app.update(Action::Show(Screen::Education));
}

fn selected_id(app: &App) -> String {
    app.selected_step()
        .map(|s| s.id.clone())
        .unwrap_or_default()
}

#[test]
fn screen_keys_and_tab_cycle_through_all_five_screens() {
    let mut app = app();
    let cases = [
        (Action::Show(Screen::Licensing), Screen::Licensing),
        (Action::NextScreen, Screen::Upkeep),
        (Action::NextScreen, Screen::Dashboard),
        (Action::NextScreen, Screen::Education),
        (Action::PrevScreen, Screen::Dashboard),
        (Action::PrevScreen, Screen::Upkeep),
        (Action::PrevScreen, Screen::Licensing),
        (Action::Show(Screen::Upkeep), Screen::Upkeep),
        (Action::Show(Screen::Certification), Screen::Certification),
    ];
    for (action, expected) in cases {
        let effects = app.update(action.clone());
        assert!(effects.is_empty(), "{action:?} should not save");
        assert_eq!(app.screen, expected, "after {action:?}");
    }
}

#[test]
fn moving_stops_at_both_ends_of_the_list() {
    let mut app = app();
    education(&mut app);
    // MLT sees: prereqs, bio, chem, degree, bachelor (optional), four, bridge.
    let cases = [
        (Action::Up, "edu.prereqs"),
        (Action::Down, "edu.prereqs.bio"),
        (Action::Down, "edu.prereqs.chem"),
        (Action::Bottom, "edu.bachelor.bridge"),
        (Action::Down, "edu.bachelor.bridge"),
        (Action::Top, "edu.prereqs"),
    ];
    for (action, expected) in cases {
        app.update(action.clone());
        assert_eq!(selected_id(&app), expected, "after {action:?}");
    }
}

#[test]
fn space_ticks_a_leaf_with_todays_date_and_saves() {
    let mut app = app();
    education(&mut app);
    app.update(Action::Down);
    let effects = app.update(Action::Toggle);
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(
        app.profile().done_on("edu.prereqs.bio"),
        Some(PartialDate::Day(today()))
    );
    assert!(!app.profile().is_done("edu.prereqs.chem"));
    let effects = app.update(Action::Toggle);
    assert_eq!(effects, vec![Effect::Save]);
    assert!(
        !app.profile().is_done("edu.prereqs.bio"),
        "a second Space unticks"
    );
}

#[test]
fn space_on_a_parent_ticks_all_sub_steps_then_unticks_them() {
    let mut app = app();
    education(&mut app);
    app.update(Action::Toggle);
    assert!(app.profile().is_done("edu.prereqs.bio"));
    assert!(app.profile().is_done("edu.prereqs.chem"));
    // Partly done: the parent ticks the rest rather than clearing.
    app.update(Action::Toggle);
    assert!(!app.profile().is_done("edu.prereqs.bio"));
    app.update(Action::Down);
    app.update(Action::Toggle);
    app.update(Action::Top);
    app.update(Action::Toggle);
    assert!(app.profile().is_done("edu.prereqs.bio") && app.profile().is_done("edu.prereqs.chem"));
}

#[test]
fn a_choose_one_parent_is_not_ticked_and_says_why() {
    let mut app = app();
    education(&mut app);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(selected_id(&app), "edu.bachelor");
    let effects = app.update(Action::Toggle);
    assert!(effects.is_empty());
    assert!(app.profile().steps.is_empty());
    assert!(
        app.notice
            .as_deref()
            .unwrap_or("")
            .contains("option you took")
    );
}

#[test]
fn ticking_on_the_checklist_does_nothing_on_the_dashboard() {
    let mut app = app();
    assert_eq!(app.screen, Screen::Dashboard);
    assert!(app.update(Action::Toggle).is_empty());
    assert!(app.profile().steps.is_empty());
}

#[test]
fn quit_saves_position_then_quits() {
    let mut app = app();
    app.update(Action::Show(Screen::Education));
    app.update(Action::Down);
    let dir = tempfile::tempdir().expect("temp dir");
    let storage = medtech::storage::Storage::unlocked(dir.path().join("profile.ron"));
    assert!(medtech::apply(&mut app, &storage, Action::Quit), "quits");
    let saved = storage.load().expect("loads").expect("saved");
    assert_eq!(saved.resume.screen, Screen::Education);
    assert_eq!(saved.resume, app.profile().resume);
    assert_eq!(
        app.profile()
            .resume
            .selected
            .get(&Area::Education)
            .map(String::as_str),
        Some("edu.prereqs.bio")
    );
}

#[test]
fn a_new_app_resumes_on_the_saved_screen_and_step() {
    let mut first = app();
    first.update(Action::Show(Screen::Education));
    first.update(Action::Down);
    first.update(Action::Down);
    first.sync_resume();
    let resumed = app_with(first.profile().clone());
    assert_eq!(resumed.screen, Screen::Education);
    assert_eq!(selected_id(&resumed), "edu.prereqs.chem");
}

#[test]
fn quit_leaves_once_the_save_worked() {
    let mut app = app();
    assert_eq!(app.update(Action::Quit), vec![Effect::SaveThenQuit]);
    assert_eq!(
        app.update(Action::SavedBeforeQuit(Ok(()))),
        vec![Effect::Quit]
    );
}

#[test]
fn a_failed_save_on_quit_stays_and_warns_then_a_second_quit_leaves() {
    let mut app = app();
    education(&mut app);
    app.update(Action::Toggle);
    assert_eq!(app.update(Action::Quit), vec![Effect::SaveThenQuit]);
    assert!(
        app.update(Action::SavedBeforeQuit(Err("disk full".into())))
            .is_empty()
    );
    assert_eq!(app.unsaved.as_deref(), Some("disk full"));
    let notice = keymap::expand(app.notice.as_deref().unwrap_or(""));
    assert!(notice.contains("q/Ctrl-C again"), "{notice}");
    // The second q tries once more and leaves whatever happens.
    assert_eq!(app.update(Action::Quit), vec![Effect::Save, Effect::Quit]);
}

#[test]
fn the_quit_warning_is_forgotten_after_any_other_key() {
    let mut app = app();
    app.update(Action::Quit);
    app.update(Action::SavedBeforeQuit(Err("disk full".into())));
    app.update(Action::Down);
    assert_eq!(
        app.update(Action::Quit),
        vec![Effect::SaveThenQuit],
        "a single q must not drop changes made after the warning"
    );
}

#[test]
fn a_read_only_copy_refuses_changes_and_says_why() {
    let mut app = app();
    app.read_only = true;
    education(&mut app);
    for action in [Action::Toggle, Action::SwitchGoal, Action::ChooseState] {
        assert!(app.update(action.clone()).is_empty(), "{action:?}");
        assert!(app.notice.as_deref().unwrap_or("").contains("Read-only"));
    }
    assert!(app.profile().steps.is_empty());
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn a_signal_quits_at_once_even_with_unsaved_changes() {
    let mut app = app();
    app.update(Action::Saved(Err("read-only file system".into())));
    assert_eq!(app.update(Action::Exit), vec![Effect::Save, Effect::Quit]);
}

#[test]
fn a_successful_save_clears_the_unsaved_warning() {
    let mut app = app();
    app.update(Action::Saved(Err("disk full".into())));
    app.update(Action::Saved(Ok(())));
    assert_eq!(app.unsaved, None);
}

#[test]
fn welcome_sets_goal_and_state_and_saves() {
    let mut app = App::first_launch(guide().clone(), clock());
    assert!(matches!(app.mode, Mode::Welcome(_)));
    app.update(Action::SwitchGoal);
    app.update(Action::Down); // 0 = no state, 1 = Florida, 2 = Texas
    let effects = app.update(Action::Confirm);
    assert_eq!(effects, vec![Effect::Save]);
    assert!(
        matches!(&app.mode, Mode::Setup(form) if form.first_time),
        "the background questions are offered next: {:?}",
        app.mode
    );
    assert_eq!(app.profile().goal, Goal::Mls);
    assert_eq!(app.profile().state.as_deref(), Some("FL"));
}

#[test]
fn escape_on_the_welcome_keeps_defaults_and_still_creates_the_profile() {
    // Nothing chosen: the defaults.
    let mut app = App::first_launch(guide().clone(), clock());
    assert_eq!(app.update(Action::Close), vec![Effect::Save]);
    assert_eq!(app.mode, Mode::Normal);
    // The defaults, with the goal recorded: the welcome was answered.
    let mut profile = app.profile().clone();
    assert_eq!(profile.history.len(), 1);
    assert!(!profile.never_greeted());
    profile.history.clear();
    assert_eq!(profile, Profile::default());
}

#[test]
fn a_profile_a_command_made_still_greets_and_keeps_what_the_command_added() {
    use medtech::profile::{Candidate, Change, Shortlist};
    use medtech::session::Start;
    // `medtech program add` before the app was ever opened.
    let mut made = Profile::default();
    let shortlist = Shortlist {
        programs: vec![Candidate {
            name: "Columbus State MLT".into(),
            ..Candidate::default()
        }],
        chosen: None,
    };
    made.apply(
        &Change::Shortlist {
            from: Box::default(),
            to: Box::new(shortlist.clone()),
        },
        today(),
    );
    assert!(made.never_greeted());
    let mut app = App::start(
        guide().clone(),
        Start::Resume(made.clone()),
        clock(),
        (80, 24),
    );
    assert!(matches!(app.mode, Mode::Welcome(_)), "{:?}", app.mode);
    app.update(Action::Down);
    app.update(Action::Down); // 0 = no state, 1 = Florida, 2 = Texas
    assert_eq!(app.update(Action::Confirm), vec![Effect::Save]);
    assert_eq!(app.profile().state.as_deref(), Some("TX"));
    assert_eq!(app.profile().shortlist, shortlist);
    assert!(!app.profile().never_greeted());
    let again = App::start(
        guide().clone(),
        Start::Resume(app.profile().clone()),
        clock(),
        (80, 24),
    );
    assert_eq!(again.mode, Mode::Normal);

    // Skipped with the default goal: not greeted again, even after more
    // commands.
    let mut skip = App::start(guide().clone(), Start::Resume(made), clock(), (80, 24));
    assert_eq!(skip.update(Action::Close), vec![Effect::Save]);
    let mut skipped = skip.profile().clone();
    skipped.apply(
        &Change::Shortlist {
            from: Box::new(shortlist),
            to: Box::default(),
        },
        today(),
    );
    let later = App::start(guide().clone(), Start::Resume(skipped), clock(), (80, 24));
    assert_eq!(later.mode, Mode::Normal);
}

#[test]
fn the_state_picker_changes_the_licensing_steps() {
    let mut app = app();
    app.update(Action::Show(Screen::Licensing));
    assert_eq!(
        app.rows(Area::Licensing).len(),
        1,
        "no state: general steps only"
    );
    let ids = |app: &App| -> Vec<String> {
        app.rows(Area::Licensing)
            .iter()
            .map(|r| r.step.id.clone())
            .collect()
    };
    app.update(Action::ChooseState);
    assert!(matches!(app.mode, Mode::StatePicker(_)));
    app.update(Action::Down);
    assert_eq!(app.update(Action::Confirm), vec![Effect::Save]);
    assert_eq!(app.profile().state.as_deref(), Some("FL"));
    assert_eq!(ids(&app), ["lic.check", "fl.hiv", "fl.tech"]);
    // Texas has no license: the shared step shows instead.
    app.update(Action::ChooseState);
    app.update(Action::Down);
    app.update(Action::Confirm);
    assert_eq!(ids(&app), ["lic.check", "lic.none"]);
    // The rows are kept between keys; undoing the choices brings the
    // earlier ones back, not the kept ones.
    app.update(Action::Undo);
    assert_eq!(app.profile().state.as_deref(), Some("FL"));
    assert_eq!(ids(&app), ["lic.check", "fl.hiv", "fl.tech"]);
    app.update(Action::Undo);
    assert_eq!(app.profile().state, None);
    assert_eq!(ids(&app), ["lic.check"]);
}

#[test]
fn escape_closes_the_picker_without_changing_the_state() {
    let mut app = app();
    app.update(Action::ChooseState);
    app.update(Action::Down);
    assert!(app.update(Action::Close).is_empty());
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.profile().state, None);
}

#[test]
fn switching_goal_changes_what_counts_and_saves() {
    let mut app = app();
    education(&mut app);
    assert!(
        app.update(Action::SwitchGoal).is_empty(),
        "the goal key asks first"
    );
    assert_eq!(app.mode, Mode::ConfirmGoal);
    assert_eq!(app.profile().goal, Goal::Mlt);
    assert_eq!(app.update(Action::Confirm), vec![Effect::Save]);
    assert_eq!(app.profile().goal, Goal::Mls);
    let ids: Vec<&str> = app
        .rows(Area::Education)
        .iter()
        .map(|r| r.step.id.as_str())
        .collect();
    assert!(
        !ids.contains(&"edu.degree"),
        "the associate degree is MLT-only"
    );
}

#[test]
fn help_opens_and_closes_and_swallows_other_keys() {
    let mut app = app();
    education(&mut app);
    app.update(Action::OpenHelp);
    assert!(matches!(app.mode, Mode::Help(_)));
    assert!(app.update(Action::Toggle).is_empty());
    assert!(
        app.profile().steps.is_empty(),
        "keys under the popup do nothing"
    );
    app.update(Action::Close);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn unknown_step_ids_in_a_profile_survive_any_change() {
    let mut profile = Profile::default();
    profile.set_done("step.from.an.older.guide", true, today());
    let mut app = app_with(profile);
    education(&mut app);
    app.update(Action::Toggle);
    app.update(Action::Quit);
    assert!(app.profile().is_done("step.from.an.older.guide"));
}

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn keys_map_to_actions_through_the_one_table() {
    let mut app = app();
    education(&mut app);
    let cases = [
        (
            key(KeyCode::Char(' '), KeyModifiers::NONE),
            Some(Action::Toggle),
        ),
        (
            key(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Action::Down),
        ),
        (key(KeyCode::Up, KeyModifiers::NONE), Some(Action::Up)),
        (
            key(KeyCode::Char('3'), KeyModifiers::NONE),
            Some(Action::Show(Screen::Certification)),
        ),
        (
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::PrevScreen),
        ),
        (
            key(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Some(Action::OpenHelp),
        ),
        (
            key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit),
        ),
        (
            key(KeyCode::Char('x'), KeyModifiers::NONE),
            Some(Action::SetStatus(Status::Done)),
        ),
        (
            key(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom),
        ),
        (
            key(KeyCode::Char('g'), KeyModifiers::NONE),
            Some(Action::Top),
        ),
        (
            key(KeyCode::Char('r'), KeyModifiers::CONTROL),
            Some(Action::Redo),
        ),
        (key(KeyCode::Char('v'), KeyModifiers::NONE), None),
    ];
    for (event, expected) in cases {
        assert_eq!(keymap::action_for(&app, event), expected, "{event:?}");
    }
    app.update(Action::OpenHelp);
    assert_eq!(
        keymap::action_for(&app, key(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::Close)
    );
}

#[test]
fn no_screen_binds_one_key_twice_and_every_binding_is_described() {
    for contexts in CONTEXT_SETS {
        let mut seen = std::collections::HashSet::new();
        for binding in keymap::bindings_for(contexts) {
            assert!(
                seen.insert(binding.key),
                "{:?} is bound twice in {contexts:?}",
                binding.key
            );
            assert!(
                !binding.description.trim().is_empty(),
                "{binding:?} has no description"
            );
        }
        assert!(
            !keymap::hints(contexts).is_empty(),
            "{contexts:?} shows no key hints in its footer"
        );
    }
}

#[test]
fn every_context_can_be_left() {
    // An app in each context, and every key the keymap gives there to
    // close or quit: pressed, it must leave the mode, or quit.
    let recovery = |backup| Recovery {
        problem: "damaged".into(),
        moved_to: None,
        backup,
    };
    let mut useful = Profile::default();
    useful.set_done("edu.prereqs.bio", true, today());
    let opened = |actions: &[Action]| {
        let mut app = app();
        for action in actions {
            app.update(action.clone());
        }
        app
    };
    let mut leaf = app();
    leaf.jump_to(Area::Education, "edu.prereqs.bio");
    leaf.update(Action::EditDate);
    let apps = vec![
        opened(&[Action::Show(Screen::Education)]),
        opened(&[]),
        App::first_launch(guide().clone(), clock()),
        opened(&[Action::OpenHelp]),
        opened(&[Action::ChooseState]),
        App::recover(guide().clone(), clock(), recovery(Some(useful))),
        App::recover(guide().clone(), clock(), recovery(None)),
        opened(&[Action::SwitchGoal]),
        opened(&[Action::Show(Screen::Education), Action::EditNote]),
        leaf,
        opened(&[Action::OpenSetup]),
        opened(&[Action::OpenSearch]),
        opened(&[Action::OpenSources]),
        opened(&[Action::OpenPrograms]),
        opened(&[
            Action::OpenPrograms,
            Action::Program(medtech::programs_view::Key::Add),
        ]),
        opened(&[Action::Explain]),
        opened(&[Action::Resize(40, 10)]),
        opened(&[Action::OpenStudy]),
        opened(&[Action::OpenStudy, Action::Close]),
        opened(&[Action::Show(Screen::Upkeep)]),
        opened(&[
            Action::Show(Screen::Upkeep),
            Action::Ce(medtech::app::CeAction::Add),
        ]),
    ];
    let mut covered = Vec::new();
    for app in apps {
        let contexts = keymap::active_contexts(&app);
        covered.push(contexts);
        let exits: Vec<_> = keymap::bindings_for(contexts)
            .filter(|b| matches!(b.action, Action::Quit | Action::Close))
            .collect();
        assert!(!exits.is_empty(), "{contexts:?} has no way out");
        for binding in exits {
            let event = key(binding.key.code, binding.key.mods);
            let action = keymap::action_for(&app, event);
            assert_eq!(action.as_ref(), Some(&binding.action), "{binding:?}");
            let mut after = app.clone();
            let effects = after.update(binding.action.clone());
            let quits = effects
                .iter()
                .any(|e| matches!(e, Effect::Quit | Effect::SaveThenQuit));
            assert!(
                quits || after.mode != app.mode,
                "{binding:?} leaves {contexts:?} neither by closing nor by quitting: {effects:?}"
            );
        }
    }
    for contexts in CONTEXT_SETS {
        assert!(covered.contains(contexts), "{contexts:?} is not tried");
    }
}

#[test]
fn details_scroll_stops_at_the_end_so_page_up_responds_at_once() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    education(&mut app);
    for _ in 0..3 {
        app.update(Action::Down);
    }
    assert_eq!(selected_id(&app), "edu.degree");
    for _ in 0..50 {
        app.update(Action::DetailsDown);
    }
    let bottom = app.view(Area::Education).details_scroll();
    assert!(bottom > 0, "the details of edu.degree overflow 80x24");
    assert_eq!(
        bottom,
        app.details_scroll_to(Area::Education, u16::MAX),
        "scrolling stops at the end"
    );
    app.update(Action::DetailsDown);
    assert_eq!(app.view(Area::Education).details_scroll(), bottom);
    app.update(Action::DetailsUp);
    assert!(
        app.view(Area::Education).details_scroll() < bottom,
        "PgUp after the end moves at once"
    );
    // A taller terminal needs less scrolling: PgUp still moves at once.
    app.update(Action::DetailsDown);
    app.update(Action::Resize(100, 60));
    assert_eq!(app.details_scroll_to(Area::Education, u16::MAX), 0);
    app.update(Action::DetailsUp);
    assert_eq!(app.view(Area::Education).details_scroll(), 0);
}

#[test]
fn leaving_the_welcome_or_recovery_screen_writes_nothing() {
    for action in [Action::Quit, Action::Exit] {
        let mut welcome = App::first_launch(guide().clone(), clock());
        assert_eq!(
            welcome.update(action.clone()),
            vec![Effect::Quit],
            "{action:?}"
        );
        let mut recovery = App::recover(
            guide().clone(),
            clock(),
            Recovery {
                problem: "damaged".into(),
                moved_to: None,
                backup: None,
            },
        );
        assert_eq!(
            recovery.update(action.clone()),
            vec![Effect::Quit],
            "{action:?}"
        );
    }
}

#[test]
fn restoring_the_backup_resumes_it_and_saves() {
    let mut backup = Profile::default();
    backup.set_done("edu.prereqs.bio", true, today());
    backup.resume.screen = Screen::Education;
    backup
        .resume
        .selected
        .insert(Area::Education, "edu.prereqs.chem".into());
    let mut app = App::recover(
        guide().clone(),
        clock(),
        Recovery {
            problem: "damaged".into(),
            moved_to: None,
            backup: Some(backup.clone()),
        },
    );
    assert!(
        app.update(Action::StartFresh).is_empty(),
        "nothing is moved until the new profile is started"
    );
    assert!(
        matches!(app.mode, Mode::Welcome(_)),
        "n leads to the welcome"
    );
    assert_eq!(
        app.update(Action::Confirm),
        vec![Effect::ArchiveBackup, Effect::Save],
        "the old backup is set aside just before the new profile's first save"
    );
    let mut app = App::recover(
        guide().clone(),
        clock(),
        Recovery {
            problem: "damaged".into(),
            moved_to: None,
            backup: Some(backup.clone()),
        },
    );
    assert_eq!(app.update(Action::RestoreBackup), vec![Effect::Save]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.profile(), &backup);
    assert_eq!(app.screen, Screen::Education);
    // On the step the backup was saved on, not the list's first.
    assert_eq!(
        app.selected_step().map(|s| s.id.as_str()),
        Some("edu.prereqs.chem")
    );
}

/// After the state changes every list, a save still records the place on
/// a checklist read earlier in the session (one never read keeps its
/// saved place; see the render tests).
#[test]
fn a_save_after_a_list_changed_keeps_the_place_on_each_checklist_read() {
    let mut app = app();
    app.update(Action::Show(Screen::Certification));
    app.update(Action::Down);
    app.update(Action::Down);
    let place = app.selected_step().expect("a step").id.clone();
    app.update(Action::Show(Screen::Education));
    app.update(Action::ChooseState);
    app.update(Action::TypeAhead('f'));
    app.update(Action::Confirm);
    assert_eq!(app.profile().state.as_deref(), Some("FL"));
    app.sync_resume();
    assert_eq!(
        app.profile().resume.selected.get(&Area::Certification),
        Some(&place)
    );
}

#[test]
fn only_quit_works_while_the_terminal_is_too_small() {
    let mut app = app();
    education(&mut app);
    app.update(Action::Resize(40, 10));
    let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(keymap::action_for(&app, space), None);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(keymap::action_for(&app, q), Some(Action::Quit));
}

#[test]
fn enter_on_the_dashboard_opens_the_next_step() {
    let mut profile = Profile::default();
    profile.set_done("edu.prereqs.bio", true, today());
    let mut app = app_with(profile);
    assert!(app.update(Action::Confirm).is_empty());
    assert_eq!(app.screen, Screen::Education);
    assert_eq!(selected_id(&app), "edu.prereqs.chem");
}

#[test]
fn escape_on_the_welcome_keeps_the_goal_the_user_chose() {
    let mut app = App::first_launch(guide().clone(), clock());
    app.update(Action::SwitchGoal);
    app.update(Action::Close);
    assert_eq!(app.profile().goal, Goal::Mls);
    assert_eq!(app.profile().state, None);
}

#[test]
fn a_read_only_copy_still_lets_help_close_without_a_false_warning() {
    let mut app = app();
    app.read_only = true;
    app.update(Action::OpenHelp);
    assert!(app.update(Action::Toggle).is_empty());
    assert_eq!(app.notice, None, "Space under help does nothing, quietly");
    app.update(Action::Close);
    assert_eq!(app.mode, Mode::Normal);
}

fn press(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        app.update(Action::Input(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

fn select(app: &mut App, id: &str) {
    let (area, _) = app.guide().step(id).expect("the step exists");
    app.jump_to(area, id);
    assert_eq!(selected_id(app), id);
}

#[test]
fn each_status_key_sets_its_status_and_the_excluded_leave_the_totals() {
    let mut app = app();
    select(&mut app, "edu.prereqs.bio");
    let before = medtech::advisor::area_progress(app.guide(), app.profile(), Area::Education);
    for (status, counts) in [
        (Status::InProgress, true),
        (Status::Done, true),
        (Status::NotApplicable, false),
        (Status::Skipped, false),
        (Status::Todo, true),
    ] {
        assert_eq!(app.update(Action::SetStatus(status)), vec![Effect::Save]);
        assert_eq!(app.profile().status("edu.prereqs.bio"), status);
        let now = medtech::advisor::area_progress(app.guide(), app.profile(), Area::Education);
        let expected_total = if counts {
            before.total
        } else {
            before.total - 1
        };
        assert_eq!(now.total, expected_total, "{status:?}");
    }
    assert!(
        app.profile().steps.is_empty(),
        "back to do with no note leaves no record"
    );
}

#[test]
fn a_status_key_on_a_parent_sets_every_sub_step() {
    let mut app = app();
    select(&mut app, "edu.prereqs");
    app.update(Action::SetStatus(Status::NotApplicable));
    assert_eq!(
        app.profile().status("edu.prereqs.bio"),
        Status::NotApplicable
    );
    assert_eq!(
        app.profile().status("edu.prereqs.chem"),
        Status::NotApplicable
    );
    let parent = app.guide().step("edu.prereqs").expect("parent").1;
    assert_eq!(
        medtech::advisor::check(parent, app.profile()),
        medtech::advisor::Check::NotApplicable
    );
    assert_eq!(
        medtech::advisor::excluded(app.guide(), app.profile()).not_applicable,
        2
    );
}

#[test]
fn partly_done_and_in_progress_read_differently_on_a_parent() {
    use medtech::advisor::{Check, check};
    let mut app = app();
    let parent = app.guide().step("edu.prereqs").expect("parent").1.clone();
    select(&mut app, "edu.prereqs.bio");
    app.update(Action::SetStatus(Status::InProgress));
    assert_eq!(check(&parent, app.profile()), Check::InProgress);
    app.update(Action::SetStatus(Status::Done));
    assert_eq!(check(&parent, app.profile()), Check::Partly);
    assert_ne!(Check::Partly.symbol(), Check::InProgress.symbol());
}

/// A parent's checkbox follows its sub-steps' in every mix of statuses,
/// for a plain parent and a choose-one parent: the rule written out here
/// as plainly as it reads.
#[test]
fn a_parents_check_follows_its_sub_steps_in_every_mix() {
    use medtech::advisor::{Check, check};
    fn expected(subs: &[Check], one_of: bool) -> Check {
        let included: Vec<Check> = subs.iter().copied().filter(|c| !c.is_excluded()).collect();
        if included.is_empty() {
            return if subs.iter().all(|c| *c == Check::NotApplicable) {
                Check::NotApplicable
            } else {
                Check::Skipped
            };
        }
        let done = included.iter().filter(|c| **c == Check::Done).count();
        if (one_of && done > 0) || done == included.len() {
            Check::Done
        } else if included
            .iter()
            .any(|c| matches!(c, Check::Done | Check::Partly))
        {
            Check::Partly
        } else if included.contains(&Check::InProgress) {
            Check::InProgress
        } else {
            Check::Todo
        }
    }
    let guide = guide();
    let of_leaves = |one_of: bool| {
        guide
            .all_steps()
            .map(|(_, s)| s)
            .find(|s| {
                s.one_of == one_of
                    && s.substeps.len() >= 2
                    && s.substeps.iter().all(|sub| sub.substeps.is_empty())
            })
            .expect("a parent of leaves")
    };
    let mut mixes = 0;
    for parent in [of_leaves(false), of_leaves(true)] {
        let subs = &parent.substeps[..parent.substeps.len().min(4)];
        for mix in 0..Status::ALL
            .len()
            .pow(u32::try_from(subs.len()).expect("few"))
        {
            let mut profile = Profile::default();
            let mut rest = mix;
            for sub in subs {
                let status = Status::ALL[rest % Status::ALL.len()];
                rest /= Status::ALL.len();
                profile.steps.entry(sub.id.clone()).or_default().status = status;
            }
            // Any sub-steps past the fourth stay to do.
            let checks: Vec<Check> = parent.substeps.iter().map(|s| check(s, &profile)).collect();
            assert_eq!(
                check(parent, &profile),
                expected(&checks, parent.one_of),
                "{} with {checks:?}",
                parent.id
            );
            mixes += 1;
        }
    }
    assert!(mixes >= 50, "{mixes}");
}

#[test]
fn undo_and_redo_walk_back_and_forth_through_every_change() {
    let mut app = app();
    select(&mut app, "edu.prereqs.bio");
    app.update(Action::Toggle);
    app.update(Action::SetStatus(Status::Skipped));
    app.update(Action::ChooseState);
    app.update(Action::TypeAhead('f'));
    app.update(Action::Confirm);
    assert_eq!(app.profile().state.as_deref(), Some("FL"));
    // Moving is not a change: undo skips straight to the state.
    app.update(Action::Down);
    assert_eq!(app.update(Action::Undo), vec![Effect::Save]);
    assert_eq!(app.profile().state, None);
    assert!(
        app.notice.as_deref().unwrap_or("").contains("Florida"),
        "{:?}",
        app.notice
    );
    app.update(Action::Undo);
    assert_eq!(app.profile().status("edu.prereqs.bio"), Status::Done);
    assert!(app.notice.as_deref().unwrap_or("").contains("skipped"));
    app.update(Action::Undo);
    assert!(app.profile().steps.is_empty(), "back to the start");
    assert!(app.update(Action::Undo).is_empty(), "nothing left to undo");
    assert_eq!(app.notice.as_deref(), Some("Nothing to undo."));
    app.update(Action::Redo);
    assert_eq!(app.profile().status("edu.prereqs.bio"), Status::Done);
    app.update(Action::Redo);
    app.update(Action::Redo);
    assert_eq!(app.profile().status("edu.prereqs.bio"), Status::Skipped);
    assert_eq!(app.profile().state.as_deref(), Some("FL"));
    assert!(app.update(Action::Redo).is_empty(), "nothing left to redo");
    // A new change after an undo drops what could have been redone.
    app.update(Action::Undo);
    app.update(Action::SetStatus(Status::InProgress));
    assert!(app.update(Action::Redo).is_empty());
    // Every step of the way was dated in the history.
    assert_eq!(app.profile().history.len(), 17);
    assert!(app.profile().history.iter().all(|e| e.on == today()));
}

#[test]
fn undo_brings_back_the_done_date_the_user_set() {
    let mut app = app();
    select(&mut app, "edu.prereqs.bio");
    app.update(Action::EditDate);
    for _ in 0..7 {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    press(&mut app, "2020-05");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Save]);
    let may: PartialDate = "2020-05".parse().expect("month");
    assert_eq!(app.profile().done_on("edu.prereqs.bio"), Some(may));
    app.update(Action::Toggle);
    assert_eq!(app.profile().done_on("edu.prereqs.bio"), None);
    app.update(Action::Undo);
    assert_eq!(app.profile().done_on("edu.prereqs.bio"), Some(may));
}

#[test]
fn the_date_prompt_refuses_nonsense_and_the_future_and_keeps_the_prompt() {
    let mut app = app();
    select(&mut app, "edu.prereqs.bio");
    for (typed, error) in [
        ("2020-13", "not a real month"),
        ("may 2020", "not a date"),
        ("2027-01", "in the future"),
    ] {
        app.update(Action::EditDate);
        for _ in 0..10 {
            app.update(Action::Input(KeyEvent::new(
                KeyCode::Backspace,
                KeyModifiers::NONE,
            )));
        }
        press(&mut app, typed);
        assert!(app.update(Action::Confirm).is_empty(), "{typed}");
        match &app.mode {
            Mode::Date(prompt) => assert!(
                prompt.error.as_deref().unwrap_or("").contains(error),
                "{typed}: {:?}",
                prompt.error
            ),
            other => panic!("{typed}: the prompt closed: {other:?}"),
        }
        app.update(Action::Close);
    }
    assert!(
        app.profile().steps.is_empty(),
        "nothing half-typed was saved"
    );
}

#[test]
fn a_note_takes_every_key_as_text_and_saves_on_escape() {
    let mut app = app();
    select(&mut app, "edu.degree");
    app.update(Action::EditNote);
    // The keymap sends every letter to the editor: q types a q.
    for c in ['q', '?', 'u', '1'] {
        let action = keymap::action_for(&app, key(KeyCode::Char(c), KeyModifiers::NONE));
        assert!(matches!(action, Some(Action::Input(_))), "{c}: {action:?}");
    }
    press(&mut app, "Valencia, quit by May\nDeadline 2027-01-15");
    let effects = app.update(Action::Input(KeyEvent::new(
        KeyCode::Char('!'),
        KeyModifiers::NONE,
    )));
    assert!(
        matches!(effects.as_slice(), [Effect::SaveDraft(d)] if d.text.ends_with("2027-01-15!")),
        "every keystroke keeps a draft: {effects:?}"
    );
    assert_eq!(
        keymap::action_for(&app, key(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::SaveText)
    );
    let effects = app.update(Action::SaveText);
    assert_eq!(
        effects,
        vec![Effect::Save, Effect::ClearDraft],
        "the draft goes after the note is saved"
    );
    assert_eq!(
        app.profile().note("edu.degree"),
        "Valencia, quit by May\nDeadline 2027-01-15!"
    );
    assert_eq!(app.mode, Mode::Normal);
    // Undo takes the note back; redo brings it again.
    app.update(Action::Undo);
    assert_eq!(app.profile().note("edu.degree"), "");
    app.update(Action::Redo);
    assert!(app.profile().note("edu.degree").starts_with("Valencia"));
}

#[test]
fn a_signal_while_writing_a_note_keeps_the_note() {
    let mut app = app();
    select(&mut app, "edu.degree");
    app.update(Action::EditNote);
    press(&mut app, "half a thought");
    let effects = app.update(Action::Exit);
    assert_eq!(
        effects,
        vec![Effect::Save, Effect::ClearDraft, Effect::Save, Effect::Quit]
    );
    assert_eq!(app.profile().note("edu.degree"), "half a thought");
}

#[test]
fn a_recovered_draft_reopens_the_editor_with_its_text() {
    let mut app = app();
    app.resume_draft(medtech::app::Draft::note(
        "edu.degree",
        "typed before the crash".into(),
    ));
    match &app.mode {
        Mode::Note(editor) => {
            assert_eq!(editor.step, "edu.degree");
            assert_eq!(editor.text.text(), "typed before the crash");
        }
        other => panic!("no editor: {other:?}"),
    }
    app.update(Action::SaveText);
    assert_eq!(app.profile().note("edu.degree"), "typed before the crash");
}

#[test]
fn typing_a_name_in_the_state_picker_jumps_to_it() {
    let mut app = app();
    app.update(Action::ChooseState);
    app.update(Action::TypeAhead('t'));
    app.update(Action::Confirm);
    assert_eq!(app.profile().state.as_deref(), Some("TX"));
    // `q` and `?` work in the picker: q closes, ? opens help over it.
    app.update(Action::ChooseState);
    let q = keymap::action_for(&app, key(KeyCode::Char('q'), KeyModifiers::NONE));
    assert_eq!(q, Some(Action::Close));
    let help = keymap::action_for(&app, key(KeyCode::Char('?'), KeyModifiers::NONE));
    assert_eq!(help, Some(Action::OpenHelp));
    app.update(Action::OpenHelp);
    assert!(matches!(app.mode, Mode::Help(_)));
    app.update(Action::Close);
    assert!(matches!(app.mode, Mode::StatePicker(_)));
}

#[test]
fn type_ahead_on_the_real_guide_reaches_any_state_in_a_few_letters() {
    let guide = medtech::content::Guide::embedded().expect("guide");
    let mut app = App::new(guide, Profile::default(), clock());
    for (typed, code) in [
        ("new y", "NY"),
        ("wy", "WY"),
        ("ca", "CA"),
        ("ne", "NE"),
        ("nn", "NV"),
    ] {
        app.update(Action::ChooseState);
        for c in typed.chars() {
            app.update(Action::TypeAhead(c));
        }
        app.update(Action::Confirm);
        assert_eq!(app.profile().state.as_deref(), Some(code), "{typed}");
    }
}

#[test]
fn help_opens_on_the_welcome_and_comes_back_to_it() {
    let mut app = App::first_launch(guide().clone(), clock());
    let help = keymap::action_for(&app, key(KeyCode::Char('?'), KeyModifiers::NONE));
    assert_eq!(help, Some(Action::OpenHelp));
    app.update(Action::OpenHelp);
    let lines = keymap::help_now(&app);
    assert!(
        lines
            .iter()
            .any(|(_, d)| d.contains("Start with this goal"))
    );
    app.update(Action::Close);
    assert!(matches!(app.mode, Mode::Welcome(_)));
}

#[test]
fn g_and_shift_g_jump_instead_of_switching_the_goal() {
    let mut app = app();
    education(&mut app);
    let g = keymap::action_for(&app, key(KeyCode::Char('g'), KeyModifiers::NONE));
    assert_eq!(g, Some(Action::Top));
    app.update(Action::Bottom);
    app.update(Action::Top);
    assert_eq!(app.profile().goal, Goal::Mlt);
    // The goal key asks first; "no" keeps it.
    app.update(Action::SwitchGoal);
    app.update(Action::Close);
    assert_eq!(app.profile().goal, Goal::Mlt);
}

#[test]
fn help_in_a_read_only_copy_offers_no_key_that_changes_the_record() {
    let mut app = app();
    app.read_only = true;
    education(&mut app);
    app.update(Action::OpenHelp);
    let lines = keymap::help_now(&app);
    for (keys, description) in &lines {
        assert!(
            !["Space", "e", "d", "u", "s", "c", "x"].contains(&keys.as_str()),
            "{keys} {description} is offered read-only"
        );
    }
    assert!(lines.iter().any(|(k, _)| k == "↑/k"), "moving still works");
}

#[test]
fn recovery_offers_b_only_for_a_backup_worth_restoring() {
    let recovery = |backup| Recovery {
        problem: "damaged".into(),
        moved_to: None,
        backup,
    };
    let b = key(KeyCode::Char('b'), KeyModifiers::NONE);
    let mut useful = Profile::default();
    useful.set_done("edu.prereqs.bio", true, today());
    for (backup, offered) in [
        (None, false),
        (Some(Profile::default()), false),
        (Some(useful), true),
    ] {
        let app = App::recover(guide().clone(), clock(), recovery(backup));
        assert_eq!(
            keymap::action_for(&app, b) == Some(Action::RestoreBackup),
            offered
        );
        let hints = keymap::hints_now(&app);
        assert_eq!(hints.iter().any(|(_, w)| *w == "restore backup"), offered);
    }
}

fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn setup_error(app: &App) -> Option<(usize, String)> {
    match &app.mode {
        Mode::Setup(form) => form.error.clone(),
        other => panic!("not on the setup form: {other:?}"),
    }
}

fn setup_cursor(app: &App) -> medtech::setup::Question {
    match &app.mode {
        Mode::Setup(form) => form.question(),
        other => panic!("not on the setup form: {other:?}"),
    }
}

#[test]
fn the_setup_form_refuses_bad_answers_where_they_are_typed() {
    use medtech::setup::Question;
    let mut app = app();
    let p = keymap::action_for(&app, key(KeyCode::Char('p'), KeyModifiers::NONE));
    assert_eq!(p, Some(Action::OpenSetup));
    app.update(Action::OpenSetup);
    // Education: a choice, cycled with the arrows.
    app.update(Action::Input(key(KeyCode::Right, KeyModifiers::NONE)));
    app.update(Action::Input(key(KeyCode::Right, KeyModifiers::NONE)));
    app.update(Action::Input(key(KeyCode::Right, KeyModifiers::NONE)));
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(setup_cursor(&app), Question::SemesterHours);
    for (typed, why) in [("6o", "not a whole number"), ("401", "over 400")] {
        type_in(&mut app, typed);
        app.update(Action::Down);
        assert_eq!(
            setup_cursor(&app),
            Question::SemesterHours,
            "{typed} let me move on"
        );
        let (_, message) = setup_error(&app).expect("a message beside the field");
        assert!(message.contains(why), "{typed}: {message}");
        for _ in 0..typed.len() {
            app.update(Action::Input(key(KeyCode::Backspace, KeyModifiers::NONE)));
        }
    }
    type_in(&mut app, "64");
    app.update(Action::Down);
    assert_eq!(setup_cursor(&app), Question::ChemistryHours);
    assert_eq!(setup_error(&app), None);
    // A program needs its month; a month in the future is refused.
    while setup_cursor(&app) != Question::ProgramKind {
        app.update(Action::Down);
    }
    app.update(Action::Input(key(KeyCode::Right, KeyModifiers::NONE)));
    app.update(Action::Down);
    app.update(Action::Input(key(KeyCode::Right, KeyModifiers::NONE)));
    app.update(Action::Down);
    type_in(&mut app, "2027-03");
    app.update(Action::Down);
    let (_, message) = setup_error(&app).expect("the future is refused");
    assert!(message.contains("in the future"), "{message}");
    assert!(
        app.profile().background.is_empty(),
        "nothing half-typed was saved"
    );
    for _ in 0..7 {
        app.update(Action::Input(key(KeyCode::Backspace, KeyModifiers::NONE)));
    }
    // Saving with the program's month missing points at it.
    assert!(app.update(Action::SaveText).is_empty());
    assert_eq!(setup_cursor(&app), Question::ProgramFinished);
    type_in(&mut app, "2024-05");
    // Saved, then the form's draft goes.
    assert_eq!(
        app.update(Action::SaveText),
        vec![Effect::Save, Effect::ClearDraft]
    );
    assert_eq!(app.mode, Mode::Normal);
    let bg = &app.profile().background;
    assert_eq!(bg.education, Some(medtech::profile::Education::Associate));
    assert_eq!(bg.semester_hours, Some(64));
    assert_eq!(bg.programs.len(), 1);
    assert_eq!(bg.programs[0].finished.to_string(), "2024-05");
    // The whole form is one change: undo takes it back.
    app.update(Action::Undo);
    assert!(app.profile().background.is_empty());
}

#[test]
fn escape_twice_leaves_a_form_that_does_not_read_without_saving() {
    let mut app = app();
    app.update(Action::OpenSetup);
    app.update(Action::Down);
    app.update(Action::Down);
    type_in(&mut app, "lots");
    assert!(app.update(Action::Close).is_empty());
    assert!(matches!(app.mode, Mode::Setup(_)), "the first Esc explains");
    let notice = keymap::expand(app.notice.as_deref().unwrap_or(""));
    assert!(notice.contains("Esc again"), "{notice}");
    // Left on purpose: its draft goes too.
    assert_eq!(app.update(Action::Close), vec![Effect::ClearDraft]);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.profile().background.is_empty());
}

#[test]
fn every_key_in_the_setup_form_types_except_its_own() {
    let mut app = app();
    app.update(Action::OpenSetup);
    for c in ['q', '?', 'u', 'p', '1'] {
        let action = keymap::action_for(&app, key(KeyCode::Char(c), KeyModifiers::NONE));
        assert!(matches!(action, Some(Action::Input(_))), "{c}: {action:?}");
    }
    let save = keymap::action_for(&app, key(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert_eq!(save, Some(Action::SaveText));
}

#[test]
fn what_if_opens_on_a_step_and_closes() {
    let mut app = app();
    select(&mut app, "edu.degree");
    let w = keymap::action_for(&app, key(KeyCode::Char('w'), KeyModifiers::NONE));
    assert_eq!(w, Some(Action::WhatIf));
    app.update(Action::WhatIf);
    assert!(matches!(app.mode, Mode::WhatIf(_)));
    app.update(Action::Close);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn a_session_past_midnight_dates_changes_by_the_day_they_are_made() {
    use medtech::clock::Clock;
    let mut app = app();
    select(&mut app, "edu.prereqs.bio");
    let before: medtech::content::Date = "2026-11-24".parse().expect("date");
    let after: medtech::content::Date = "2026-11-25".parse().expect("date");
    app.clock = Clock::Fixed(before);
    app.update(Action::SetStatus(Status::InProgress));
    // The clock moves on while the app stays open.
    app.clock = Clock::Fixed(after);
    app.update(Action::Toggle);
    assert_eq!(
        app.profile().done_on("edu.prereqs.bio"),
        Some(PartialDate::Day(after))
    );
    let days: Vec<_> = app.profile().history.iter().map(|e| e.on).collect();
    assert_eq!(days, vec![before, after, after]);
}

#[test]
fn a_note_whose_save_fails_keeps_its_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A folder where the profile should be: every save fails.
    let path = dir.path().join("profile.ron");
    std::fs::create_dir(&path).expect("a folder in the way");
    let storage = medtech::storage::Storage::unlocked(path);
    let mut app = app();
    select(&mut app, "edu.degree");
    medtech::apply(&mut app, &storage, Action::EditNote);
    for c in "call 555".chars() {
        medtech::apply(
            &mut app,
            &storage,
            Action::Input(key(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
    assert!(storage.draft_path().exists(), "typing keeps a draft");
    medtech::apply(&mut app, &storage, Action::SaveText);
    assert!(app.unsaved.is_some(), "the save failed");
    assert!(
        storage.draft_path().exists(),
        "the draft was dropped though the note never reached the disk"
    );
}

#[test]
fn ctrl_c_in_the_note_editor_saves_the_note_and_quits() {
    let mut app = app();
    select(&mut app, "edu.degree");
    app.update(Action::EditNote);
    let quit = keymap::action_for(&app, key(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(quit, Some(Action::Quit));
    press(&mut app, "keep me");
    let effects = app.update(Action::Quit);
    assert_eq!(
        effects,
        vec![Effect::Save, Effect::ClearDraft, Effect::SaveThenQuit]
    );
    assert_eq!(app.profile().note("edu.degree"), "keep me");
}

#[test]
fn a_signal_keeps_a_setup_form_that_reads_and_a_date_that_parses() {
    let mut app = app();
    app.update(Action::OpenSetup);
    app.update(Action::Input(key(KeyCode::Right, KeyModifiers::NONE)));
    app.update(Action::Exit);
    assert_eq!(
        app.profile().background.education,
        Some(medtech::profile::Education::HighSchool)
    );
    let mut app = app_with(Profile::default());
    select(&mut app, "edu.prereqs.bio");
    app.update(Action::EditDate);
    for _ in 0..7 {
        app.update(Action::Input(key(KeyCode::Backspace, KeyModifiers::NONE)));
    }
    press(&mut app, "2021-03");
    app.update(Action::Exit);
    assert_eq!(
        app.profile()
            .done_on("edu.prereqs.bio")
            .map(|d| d.to_string()),
        Some("2021-03".to_owned())
    );
}

/// The rows of the app drawn at a size, as text.
fn screen_text(app: &App, width: u16, height: u16) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("terminal");
    terminal
        .draw(|frame| medtech::ui::draw(frame, app))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn note_text(app: &App) -> String {
    match &app.mode {
        Mode::Note(editor) => editor.text.text(),
        other => panic!("no note editor: {other:?}"),
    }
}

/// Issue 21, item 5: a note holds 64 KB. A paste or a key past that is
/// refused whole and said so on the status line; what was typed stays.
#[test]
fn a_note_refuses_a_paste_past_64_kb_and_says_so() {
    let limit = medtech::textarea::NOTE_MAX_BYTES;
    let mut app = app();
    app.update(Action::Resize(80, 24));
    select(&mut app, "edu.degree");
    app.update(Action::EditNote);
    press(&mut app, "call the lab ");
    let effects = app.update(Action::Paste("x".repeat(17 * 1024 * 1024)));
    assert!(
        effects.is_empty(),
        "no draft of a refused paste: {effects:?}"
    );
    assert_eq!(note_text(&app), "call the lab ", "nothing was cut in");
    let notice = app.notice.clone().expect("a message");
    assert!(notice.contains("64 KB"), "{notice}");
    assert!(screen_text(&app, 80, 24).contains("Not added: a note holds at most 64 KB"));

    // Up to the limit goes in; one key more is refused with the message.
    let room = limit - "call the lab ".len();
    let effects = app.update(Action::Paste("y".repeat(room)));
    assert!(matches!(effects.as_slice(), [Effect::SaveDraft(_)]));
    assert_eq!(app.notice, None);
    let effects = app.update(Action::Input(key(KeyCode::Char('z'), KeyModifiers::NONE)));
    assert!(effects.is_empty());
    assert!(app.notice.as_deref().is_some_and(|n| n.contains("64 KB")));
    app.update(Action::SaveText);
    assert_eq!(app.profile().note("edu.degree").len(), limit);
}

/// The setup form's answers keep their limit (60 characters): a longer
/// paste is refused with a message on the form itself.
#[test]
fn a_setup_answer_refuses_a_paste_past_its_limit_and_says_so() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenSetup);
    app.update(Action::Down); // Field of study.
    app.update(Action::Paste("a".repeat(61)));
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("60 characters"))
    );
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("Not added: an answer holds at most 60 characters."),
        "{screen}"
    );
    let answer = "Medical Laboratory Technology, Clinical Chemistry";
    app.update(Action::Paste(answer.into()));
    assert_eq!(app.notice, None);
    // Typed in, the field scrolls to the cursor at the end.
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("Technology, Clinical Chemistry"),
        "{screen}"
    );
    assert!(!screen.contains("Medical Laboratory"), "{screen}");
    // Not being typed in, the answer shows its start.
    app.update(Action::Down);
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("Medical Laboratory Technology, Clinical…"),
        "{screen}"
    );
    app.update(Action::SaveText);
    assert_eq!(app.profile().background.field.as_deref(), Some(answer));
}

fn setup_form(app: &App) -> &medtech::setup::SetupForm {
    match &app.mode {
        Mode::Setup(form) => form,
        other => panic!("not on the setup form: {other:?}"),
    }
}

/// The line of the screen that holds `label`.
fn line_with<'a>(screen: &'a str, label: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no {label:?} on the screen:\n{screen}"))
}

/// Issue 20, item 7: `0` military weeks is zero, saved and shown back as
/// 0 (never "don't know"); an empty "ended" reads "still there", as its
/// label says.
#[test]
fn setup_zero_military_weeks_stays_zero_and_an_empty_end_reads_still_there() {
    use medtech::setup::Question;
    let mut app = app();
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenSetup);
    app.update(Action::Input(key(KeyCode::Right, KeyModifiers::NONE)));
    while setup_cursor(&app) != Question::MilitaryWeeks {
        app.update(Action::Down);
    }
    type_in(&mut app, "0");
    app.update(Action::Down);
    assert_eq!(setup_error(&app), None);
    app.update(Action::Down);
    type_in(&mut app, "12");
    app.update(Action::Down);
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("leave empty if you still work there"),
        "{screen}"
    );
    app.update(Action::Down);
    // Not typed in, the empty end of the job reads as its label says.
    assert_eq!(setup_cursor(&app), Question::ExperienceAreas);
    let screen = screen_text(&app, 80, 24);
    let ended = line_with(&screen, "ended (empty: still there)");
    let (_, answer) = ended
        .split_once("still there)")
        .expect("the label, then the answer");
    assert!(answer.contains("still there"), "{ended}");
    assert!(!answer.contains("don't know"), "{ended}");
    assert_eq!(
        app.update(Action::SaveText),
        vec![Effect::Save, Effect::ClearDraft]
    );
    let bg = &app.profile().background;
    assert_eq!(bg.military_course, None, "no course");
    assert_eq!(bg.experience.len(), 1);
    assert_eq!(bg.experience[0].ended, None, "still working there");

    // Opened again, the form shows what was typed.
    app.update(Action::OpenSetup);
    let form = setup_form(&app);
    assert_eq!(form.answers[Question::MilitaryWeeks as usize].text(), "0");
    assert_eq!(
        form.answers[Question::ExperienceMonths as usize].text(),
        "12"
    );
    let screen = screen_text(&app, 80, 24);
    let weeks = line_with(&screen, "Military lab course, weeks");
    assert!(!weeks.contains("don't know"), "{weeks}");
    assert!(weeks.contains(" 0"), "{weeks}");
    let ended = line_with(&screen, "ended (empty: still there)");
    assert!(!ended.contains("don't know"), "{ended}");
}

/// Moves the setup form's cursor to `q`.
fn setup_go_to(app: &mut App, q: medtech::setup::Question) {
    while setup_cursor(app) as usize > q as usize {
        app.update(Action::Up);
    }
    while (setup_cursor(app) as usize) < q as usize {
        app.update(Action::Down);
    }
}

/// Issue 20, item 7: `0` military weeks, `0` months of work, no program and
/// no credential are "none" even with the highest education left blank:
/// kept, shown back, never asked again, and the routes count them as none.
/// Emptied again, the answer is "not answered" again.
#[test]
fn none_answered_with_the_education_blank_is_none_not_dont_know() {
    use medtech::advisor::Verdict;
    use medtech::profile::Listed;
    use medtech::setup::Question;
    let guide = medtech::content::Guide::embedded().expect("guide");
    let mut app = App::new(guide, Profile::default(), clock());
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenSetup);
    setup_go_to(&mut app, Question::ProgramKind);
    app.update(Action::Input(key(KeyCode::Left, KeyModifiers::NONE)));
    setup_go_to(&mut app, Question::MilitaryWeeks);
    type_in(&mut app, "0");
    setup_go_to(&mut app, Question::ExperienceMonths);
    type_in(&mut app, "0");
    setup_go_to(&mut app, Question::CredentialName);
    type_in(&mut app, "None");
    app.update(Action::SaveText);
    let bg = app.profile().background.clone();
    assert_eq!(bg.education, None, "the education stays unanswered");
    for list in [
        Listed::Programs,
        Listed::MilitaryCourse,
        Listed::Experience,
        Listed::Credentials,
    ] {
        assert!(bg.has_none(list), "{list:?}: {bg:?}");
    }
    assert!(bg.credentials.is_empty(), "\"None\" is not a credential");
    // The routes count them as none: no question about them.
    let questions = [
        "Did you finish a US military",
        "Did you finish an accredited",
        "How many months of full-time",
        "Do you hold",
    ];
    for route in &app.advice().routes {
        for reason in &route.reasons {
            assert!(
                !questions.iter().any(|q| reason.text.contains(q)),
                "{}: {}",
                route.label(),
                reason.text
            );
        }
    }
    let military = |app: &App| {
        app.advice()
            .routes
            .iter()
            .find(|r| r.label() == "MLT(AMT) Route 3")
            .map(|r| r.verdict)
    };
    assert_eq!(military(&app), Some(Verdict::NotMet));
    assert_eq!(
        medtech::advisor::plan::not_for_user(app.profile(), "edu.military"),
        Some("not for you")
    );
    // The plan (not shown until the education is answered) asks none of it.
    let routes = medtech::advisor::eligibility::for_goal(app.guide(), app.profile(), today());
    let plan = medtech::advisor::plan::choose(app.guide(), app.profile(), &routes, today())
        .expect("a plan");
    for gap in &plan.missing {
        assert!(
            !questions.iter().any(|q| gap.text.contains(q)),
            "{}",
            gap.text
        );
    }

    // Opened again, the form shows the answers, not "don't know".
    app.update(Action::OpenSetup);
    let form = setup_form(&app);
    assert_eq!(form.answers[Question::MilitaryWeeks as usize].text(), "0");
    assert_eq!(
        form.answers[Question::ExperienceMonths as usize].text(),
        "0"
    );
    assert_eq!(
        form.answers[Question::CredentialName as usize].text(),
        "none"
    );
    let screen = screen_text(&app, 80, 24);
    for label in [
        "Accredited program done",
        "Military lab course, weeks",
        "Full-time lab work, months",
        "Credential held",
    ] {
        let line = line_with(&screen, label);
        assert!(!line.contains("don't know"), "{line}");
    }
    assert!(line_with(&screen, "Accredited program done").contains("none"));

    // Emptied, the military answer is "not answered" again.
    setup_go_to(&mut app, Question::MilitaryWeeks);
    app.update(Action::Input(key(KeyCode::Backspace, KeyModifiers::NONE)));
    app.update(Action::SaveText);
    assert!(!app.profile().background.has_none(Listed::MilitaryCourse));
    assert_eq!(military(&app), Some(Verdict::Unknown));
    app.update(Action::OpenSetup);
    let screen = screen_text(&app, 80, 24);
    assert!(line_with(&screen, "Military lab course, weeks").contains("don't know"));
}

/// Issue 20, item 7: the credential held is picked from the guide's list
/// with ←/→ (empty, each credential the guide knows, "none"), or typed;
/// typed another way (`ascp mlt`) it is saved as the certifier writes it,
/// and in typed text the arrows move the cursor.
#[test]
fn the_credential_held_is_picked_from_the_guides_list_or_typed() {
    use medtech::setup::Question;
    let guide = medtech::content::Guide::embedded().expect("guide");
    let names: Vec<String> = guide.credentials.iter().map(|c| c.name.clone()).collect();
    let mut app = App::new(guide, Profile::default(), clock());
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenSetup);
    setup_go_to(&mut app, Question::CredentialName);
    let answer = |app: &App| setup_form(app).answers[Question::CredentialName as usize].text();
    let press = |app: &mut App, code: KeyCode| {
        app.update(Action::Input(key(code, KeyModifiers::NONE)));
    };
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("←/→ picks one the guide knows"), "{screen}");
    press(&mut app, KeyCode::Right);
    assert_eq!(answer(&app), names[0]);
    for name in &names[1..] {
        press(&mut app, KeyCode::Right);
        assert_eq!(&answer(&app), name);
    }
    press(&mut app, KeyCode::Right);
    assert_eq!(answer(&app), "none");
    press(&mut app, KeyCode::Right);
    assert_eq!(answer(&app), "", "back to don't know");
    press(&mut app, KeyCode::Left);
    assert_eq!(answer(&app), "none");
    press(&mut app, KeyCode::Left);
    assert_eq!(&answer(&app), names.last().expect("a credential"));

    // Typed: the arrows move the cursor, and the name is saved as the
    // guide writes it.
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    type_in(&mut app, "ascp ml");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Right);
    type_in(&mut app, "t");
    assert_eq!(answer(&app), "ascp mlt");
    app.update(Action::Down);
    type_in(&mut app, "2024-05");
    app.update(Action::SaveText);
    let held = &app.profile().background.credentials;
    assert_eq!(held.len(), 1, "{held:?}");
    assert_eq!(held[0].name, "MLT(ASCP)");
    // A name the guide does not know is kept as typed.
    app.update(Action::OpenSetup);
    setup_go_to(&mut app, Question::CredentialName);
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    type_in(&mut app, "PBT(ASCP)");
    app.update(Action::SaveText);
    assert_eq!(app.profile().background.credentials[0].name, "PBT(ASCP)");
}

/// Issue 26: `K` keeps this version only while the profile file does not
/// read; the banner names the key then, and a read-only copy never offers it.
#[test]
fn keep_mine_acts_only_while_the_file_does_not_read() {
    let mut app = app();
    let k = keymap::action_for(&app, key(KeyCode::Char('K'), KeyModifiers::SHIFT));
    assert_eq!(k, Some(Action::KeepMine));
    assert!(app.update(Action::KeepMine).is_empty());
    assert!(app.notice.as_deref().is_some_and(|n| n.contains("reads")));
    app.disk_unreadable = true;
    app.unsaved = Some("profile.ron changed on disk and does not read yet".into());
    for (width, height) in [(80, 24), (60, 16)] {
        app.update(Action::Resize(width, height));
        let screen = screen_text(&app, width, height);
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("K keeps your version instead (that file is set aside, not deleted)"),
            "{screen}"
        );
    }
    assert_eq!(app.update(Action::KeepMine), vec![Effect::KeepMine]);
    app.update(Action::KeptMine(Ok(Some(
        "profile.ron.corrupt-20261207T101010Z".into(),
    ))));
    assert!(!app.disk_unreadable);
    assert_eq!(app.unsaved, None);
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("profile.ron.corrupt-20261207T101010Z"))
    );
    app.read_only = true;
    app.disk_unreadable = true;
    assert!(app.update(Action::KeepMine).is_empty());
    let screen = screen_text(&app, 80, 24);
    assert!(!screen.contains("keeps your"), "{screen}");
}

/// Issue 21, item 9: the setup form keeps a draft as the note editor does.
/// A signal with an answer that does not read (`12x`) keeps every answer as
/// typed for the next launch instead of dropping the form.
#[test]
fn a_signal_keeps_a_setup_form_that_does_not_read_as_a_draft() {
    use medtech::setup::Question;
    let mut app = app();
    app.update(Action::OpenSetup);
    app.update(Action::Down);
    let effects = app.update(Action::Paste("Biology".into()));
    assert!(
        matches!(effects.as_slice(), [Effect::SaveDraft(d)] if d.form.is_some()),
        "every change keeps a draft: {effects:?}"
    );
    app.update(Action::Down);
    press(&mut app, "12x");
    assert_eq!(setup_form(&app).question(), Question::SemesterHours);
    let effects = app.update(Action::Exit);
    let Some(Effect::SaveDraft(draft)) = effects.first() else {
        panic!("no draft kept: {effects:?}");
    };
    assert!(
        app.profile().background.is_empty(),
        "nothing unreadable saved"
    );

    // The draft goes through the disk and back.
    let dir = tempfile::tempdir().expect("temp dir");
    let storage = medtech::storage::Storage::unlocked(dir.path().join("profile.ron"));
    storage.save_draft(draft).expect("draft saved");
    let draft = storage.load_draft().expect("draft read");

    // The next launch reopens the form with the answers as typed.
    let mut app = app_with(Profile::default());
    app.resume_draft(draft);
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("recovered"))
    );
    let form = setup_form(&app);
    assert_eq!(form.question(), Question::SemesterHours);
    assert_eq!(form.answers[Question::Field as usize].text(), "Biology");
    assert_eq!(form.answers[Question::SemesterHours as usize].text(), "12x");
    // Fixed and saved, the draft goes after the background.
    app.update(Action::Input(key(KeyCode::Backspace, KeyModifiers::NONE)));
    let effects = app.update(Action::SaveText);
    assert_eq!(effects, vec![Effect::Save, Effect::ClearDraft]);
    assert_eq!(app.profile().background.semester_hours, Some(12));
    assert_eq!(app.profile().background.field.as_deref(), Some("Biology"));
}

/// A note's draft written before the form had drafts still reads.
#[test]
fn a_note_draft_from_before_still_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let storage = medtech::storage::Storage::unlocked(dir.path().join("profile.ron"));
    std::fs::write(
        storage.draft_path(),
        "(\n    step: \"edu.degree\",\n    text: \"old draft\",\n)\n",
    )
    .expect("written");
    assert_eq!(
        storage.load_draft(),
        Some(medtech::app::Draft::note("edu.degree", "old draft".into()))
    );
}

/// What the screen calls saved is on disk: a note whose save failed is not
/// announced as saved (the NOT SAVED banner says why instead).
#[test]
fn a_note_whose_save_fails_is_not_called_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A folder where the profile should be: every save fails.
    let path = dir.path().join("profile.ron");
    std::fs::create_dir(&path).expect("a folder in the way");
    let storage = medtech::storage::Storage::unlocked(path);
    let mut app = app();
    select(&mut app, "edu.degree");
    medtech::apply(&mut app, &storage, Action::EditNote);
    medtech::apply(
        &mut app,
        &storage,
        Action::Input(key(KeyCode::Char('x'), KeyModifiers::NONE)),
    );
    medtech::apply(&mut app, &storage, Action::SaveText);
    assert!(app.unsaved.is_some(), "the save failed");
    let notice = app.notice.as_deref().unwrap_or("");
    assert!(!notice.contains("saved"), "{notice}");
}

/// Presses keys through the keymap, as the terminal would send them:
/// `\n` is Enter, `\x1b` is Esc. Returns every effect asked for.
fn keys(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        let event = key(code, KeyModifiers::NONE);
        if let Some(action) = keymap::action_for(app, event) {
            effects.extend(app.update(action));
        }
    }
    effects
}

#[test]
fn n_and_shift_n_move_between_search_matches_and_never_open_the_note() {
    let mut app = app();
    education(&mut app);
    let before = app.profile().clone();
    keys(&mut app, "/chem\n");
    let first = selected_id(&app);
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.starts_with("Match 1 of")),
        "{:?}",
        app.notice
    );
    let effects = keys(&mut app, "nnn\x1b");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.profile(), &before, "n n n Esc changed the record");
    keys(&mut app, "NNN");
    assert_eq!(selected_id(&app), first, "N walks back as n walked on");
    keys(&mut app, "]");
    let by_bracket = selected_id(&app);
    keys(&mut app, "[n");
    assert_eq!(selected_id(&app), by_bracket, "] and n agree");
    // The note editor moved to `e`.
    keys(&mut app, "e");
    assert!(matches!(app.mode, Mode::Note(_)), "{:?}", app.mode);
}

#[test]
fn no_sequence_of_navigation_keys_changes_the_record() {
    let mut app = app();
    keys(&mut app, "/lab\n");
    let before = app.profile().clone();
    let nav: Vec<KeyEvent> = "jkgGnN][12341?q/l"
        .chars()
        .map(|c| key(KeyCode::Char(c), KeyModifiers::NONE))
        .chain(
            [
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::Tab,
                KeyCode::Esc,
            ]
            .map(|c| key(c, KeyModifiers::NONE)),
        )
        .chain(['d', 'u', 'f', 'b'].map(|c| key(KeyCode::Char(c), KeyModifiers::CONTROL)))
        .collect();
    // A fixed walk through the keys, long enough to visit every screen and
    // popup they reach (`q` is left out: it quits).
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let event = nav[usize::try_from(seed % nav.len() as u64).expect("small")];
        if event.code == KeyCode::Char('q') {
            continue;
        }
        if let Some(action) = keymap::action_for(&app, event) {
            let effects = app.update(action.clone());
            assert!(
                !effects
                    .iter()
                    .any(|e| matches!(e, Effect::Save | Effect::SaveThenQuit)),
                "{event:?} ({action:?}) saved in {:?}",
                app.mode
            );
        }
        assert_eq!(app.profile(), &before, "{event:?} changed the record");
    }
}

fn ctrl(app: &mut App, c: char) {
    let event = key(KeyCode::Char(c), KeyModifiers::CONTROL);
    let action = keymap::action_for(app, event).expect("bound");
    app.update(action);
}

fn picked(app: &App) -> usize {
    match &app.mode {
        Mode::StatePicker(picker) | Mode::Welcome(picker) => picker.selected,
        other => panic!("no picker: {other:?}"),
    }
}

#[test]
fn the_state_pickers_move_with_j_and_k_and_a_started_name_takes_every_letter() {
    let real = || medtech::content::Guide::embedded().expect("guide");
    for mut app in [App::first_launch(real(), clock()), {
        let mut app = App::new(real(), Profile::default(), clock());
        keys(&mut app, "s");
        app
    }] {
        app.update(Action::Resize(80, 24));
        let start = picked(&app);
        keys(&mut app, "jj");
        assert_eq!(picked(&app), start + 2, "j moves down");
        keys(&mut app, "k");
        assert_eq!(picked(&app), start + 1, "k moves up");
        let name = |app: &App| {
            let i = picked(app);
            app.state_choices()[i - 1].1.to_owned()
        };
        keys(&mut app, "ok");
        assert_eq!(name(&app), "Oklahoma", "after o, k is a letter");
        keys(&mut app, "\u{0}"); // nothing: a NUL is not bound
        app.update(Action::Down); // an arrow ends the name
        keys(&mut app, "K");
        assert_eq!(name(&app), "Kansas", "Shift-K starts a name");
        app.update(Action::Top);
        ctrl(&mut app, 'd');
        let half = picked(&app);
        assert!(half > 1, "Ctrl-D moves half a page: {half}");
        ctrl(&mut app, 'u');
        assert_eq!(picked(&app), 0, "Ctrl-U moves back");
    }
}

#[test]
fn ctrl_d_and_ctrl_u_half_page_every_list_and_g_ends_the_help() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    keys(&mut app, "2");
    let top = app.view(Area::Education).cursor();
    ctrl(&mut app, 'd');
    let down = app.view(Area::Education).cursor();
    assert!(down > top + 1, "Ctrl-D moved {top} to {down}");
    ctrl(&mut app, 'u');
    assert_eq!(app.view(Area::Education).cursor(), top);
    ctrl(&mut app, 'f');
    let paged = app.view(Area::Education).cursor();
    assert!(paged >= down && paged > top, "Ctrl-F moves a page");
    ctrl(&mut app, 'b');
    assert_eq!(app.view(Area::Education).cursor(), top, "Ctrl-B moves back");

    app.update(Action::Resize(60, 16));
    keys(&mut app, "?");
    keys(&mut app, "G");
    let bottom = app.help_scroll();
    assert!(bottom > 0, "G reaches the end of the help at 80x24");
    keys(&mut app, "g");
    assert_eq!(app.help_scroll(), 0);
    app.update(Action::Bottom);
    assert_eq!(app.help_scroll(), bottom);
    ctrl(&mut app, 'u');
    assert!(app.help_scroll() < bottom, "Ctrl-U scrolls the help up");
    keys(&mut app, "\x1b");

    let real = medtech::content::Guide::embedded().expect("guide");
    let mut app = App::new(real, Profile::default(), clock());
    app.update(Action::Resize(60, 16));
    keys(&mut app, "l");
    ctrl(&mut app, 'd');
    assert!(
        matches!(app.mode, Mode::Sources(n) if n > 0),
        "{:?}",
        app.mode
    );
}

#[test]
fn a_key_that_does_nothing_here_says_where_it_works() {
    let mut app = app();
    let before = app.profile().clone();
    for (press, says) in [
        (
            " ",
            "Space works on the checklists (2, 3, 4): Done / to do (a parent: all its steps).",
        ),
        (
            "w",
            "w works on the checklists (2, 3, 4): What would finishing this step open?",
        ),
        (
            "d",
            "d works on the checklists (2, 3, 4): Set the date it was done.",
        ),
    ] {
        keys(&mut app, press);
        assert_eq!(
            app.notice.as_deref(),
            Some(says),
            "{press:?} on the dashboard"
        );
    }
    keys(&mut app, "2");
    keys(&mut app, "\n");
    assert_eq!(
        app.notice.as_deref(),
        Some("Enter works on the dashboard (1): Open the next step.")
    );
    // A key bound nowhere stays quiet; the next key clears the message.
    let v = key(KeyCode::Char('v'), KeyModifiers::NONE);
    assert_eq!(keymap::action_for(&app, v), None);
    keys(&mut app, "j");
    assert_eq!(app.notice, None);
    assert_eq!(app.profile(), &before);
}

#[test]
fn search_finds_your_own_notes() {
    let mut app = app();
    select(&mut app, "edu.prereqs.chem");
    keys(&mut app, "e");
    press(&mut app, "Call Ms. Jacinto");
    keys(&mut app, "\x1b");
    keys(&mut app, "1/jacinto\n");
    assert_eq!(app.screen, Screen::Education);
    assert_eq!(selected_id(&app), "edu.prereqs.chem", "{:?}", app.notice);
}
