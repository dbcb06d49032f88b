//! medtech: an interactive advisor from "I want to become a medical laboratory
//! technician" to certified and licensed.
//!
//! The app follows The Elm Architecture: the keymap turns a key into an
//! [`app::Action`], [`app::App::update`] changes state and returns effects,
//! and [`run`] carries the effects out (saving, quitting) and redraws.

pub mod advisor;
pub mod app;
pub mod cli;
pub mod clock;
pub mod content;
pub mod keymap;
pub mod profile;
pub mod session;
pub mod setup;
pub mod storage;
pub mod text;
pub mod textarea;
pub mod theme;
pub mod ui;

use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{self, Receiver};
use std::thread;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEvent, KeyEventKind};

use app::{Action, App, Effect};
use storage::Storage;

/// What the loop waits on.
#[derive(Debug)]
pub enum Event {
    Key(KeyEvent),
    Resize(u16, u16),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT, or the terminal went away.
    Terminate,
}

/// Carries out one action and its effects. Returns `true` when the app quits.
/// Effects that report back (a save's result) are fed to `update` in turn.
pub fn apply(app: &mut App, storage: &Storage, action: Action) -> bool {
    let mut pending: VecDeque<Effect> = app.update(action).into();
    while let Some(effect) = pending.pop_front() {
        match effect {
            Effect::Save if !storage.is_read_only() => {
                app.sync_resume();
                let result = storage.save(&app.profile).map_err(|e| e.to_string());
                pending.extend(app.update(Action::Saved(result)));
            }
            Effect::SaveThenQuit if !storage.is_read_only() => {
                app.sync_resume();
                let result = storage.save(&app.profile).map_err(|e| e.to_string());
                pending.extend(app.update(Action::SavedBeforeQuit(result)));
            }
            Effect::Save => {}
            Effect::SaveThenQuit | Effect::Quit => return true,
            Effect::ArchiveBackup => {
                if let Err(e) = storage.archive_backup() {
                    app.notice = Some(format!("Could not set the old backup aside: {e}"));
                }
            }
            Effect::SaveDraft(draft) => {
                if let Err(e) = storage.save_draft(&draft) {
                    app.notice = Some(format!("The note's draft could not be kept on disk: {e}"));
                }
            }
            Effect::ClearDraft => storage.remove_draft(),
        }
    }
    false
}

/// Runs the interactive app until the user quits or a signal arrives.
/// The terminal is restored on every way out, panics included.
pub fn run(app: &mut App, storage: &Storage) -> io::Result<()> {
    let mut terminal = ratatui::init();
    let events = spawn_event_sources();
    let result = event_loop(&mut terminal, app, storage, &events);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    storage: &Storage,
    events: &Receiver<Event>,
) -> io::Result<()> {
    if let Ok(size) = terminal.size() {
        app.update(Action::Resize(size.width, size.height));
    }
    let mut redraw = true;
    loop {
        if redraw && let Err(e) = terminal.draw(|frame| ui::draw(frame, app)) {
            // The terminal is gone (window closed): save what we have.
            apply(app, storage, Action::Exit);
            return Err(e);
        }
        let action = match events.recv() {
            Ok(Event::Key(key)) => keymap::action_for(app, key),
            Ok(Event::Resize(width, height)) => Some(Action::Resize(width, height)),
            Ok(Event::Terminate) | Err(_) => Some(Action::Exit),
        };
        redraw = action.is_some();
        if let Some(action) = action
            && apply(app, storage, action)
        {
            return Ok(());
        }
    }
}

/// Keyboard and signals feed one channel, so the loop blocks on a single
/// `recv` and never polls on a timer.
fn spawn_event_sources() -> Receiver<Event> {
    let (tx, rx) = mpsc::channel();
    let keys = tx.clone();
    thread::spawn(move || {
        loop {
            let event = match event::read() {
                // Windows also reports releases; act on presses only.
                Ok(TermEvent::Key(key)) if key.kind == KeyEventKind::Press => Event::Key(key),
                Ok(TermEvent::Resize(width, height)) => Event::Resize(width, height),
                Ok(_) => continue,
                Err(_) => Event::Terminate,
            };
            let stop = matches!(event, Event::Terminate);
            if keys.send(event).is_err() || stop {
                break;
            }
        }
    });
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        if let Ok(mut signals) =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
        {
            thread::spawn(move || {
                for _ in signals.forever() {
                    if tx.send(Event::Terminate).is_err() {
                        break;
                    }
                }
            });
        }
    }
    rx
}
