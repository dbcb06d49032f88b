//! medtech: an interactive advisor from "I want to become a medical laboratory
//! technician" to certified and licensed.
//!
//! The app follows The Elm Architecture: the keymap turns a key into an
//! [`app::Action`], [`app::App::update`] changes state and returns effects,
//! and [`run`]'s loop carries the effects out (saving, quitting), then draws
//! the frame that shows them with ratatui's `Terminal`.

pub mod advisor;
pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod content;
pub mod keymap;
pub mod layout;
pub mod mouse;
pub mod panes;
pub mod profile;
pub mod programs_view;
pub mod search;
pub mod session;
pub mod setup;
pub mod storage;
pub mod text;
pub mod textarea;
pub mod theme;
pub mod ui;

use std::collections::VecDeque;
use std::io::{self, BufWriter, Stdout};
use std::mem::ManuallyDrop;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use ratatui::backend::{Backend as _, CrosstermBackend};
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEvent, KeyEventKind, MouseEvent};
use ratatui::layout::{Rect, Size};
use ratatui::{TerminalOptions, Viewport};

use app::{Action, App, Effect};
use storage::Storage;

/// The largest area the app draws at. A bigger window (a terminal can
/// report up to 65535x65535) gets the app in its top-left corner instead
/// of two frame buffers of many gigabytes.
const MAX_AREA: Size = Size::new(1000, 500);

/// The area drawn in a terminal of `size`.
fn drawn_area(size: Size) -> Rect {
    Rect::new(
        0,
        0,
        size.width.min(MAX_AREA.width),
        size.height.min(MAX_AREA.height),
    )
}

/// Carries out one action and its effects. Returns `true` when the app quits.
/// Effects that report back (a save's result) are fed to `update` in turn.
pub fn apply(app: &mut App, storage: &Storage, action: Action) -> bool {
    let mut pending: VecDeque<Effect> = app.update(action).into();
    carry_out(app, storage, &mut pending)
}

/// Runs the interactive app until the user quits or a signal arrives.
/// The terminal is restored on every way out, panics included. Whether the
/// last changes were saved is left in `app.unsaved`.
pub fn run(app: &mut App, storage: &Storage) -> io::Result<()> {
    Tui::open(app.mouse)?.run(app, storage)
}

/// Ratatui's terminal on stdout, each frame written in one go.
type Terminal = ratatui::Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// The terminal taken over for the app (raw mode, the alternate screen,
/// paste and mouse modes) and the events it waits on. Opened before the
/// app exists, so keys pressed while the guide decodes are kept; given
/// back on drop, panics included.
pub struct Tui {
    /// Never dropped: ratatui's `Terminal` prints to stderr when its drop
    /// cannot show the cursor, and printing to a closed terminal panics
    /// (an abort on the way out). [`restore`] shows the cursor instead.
    terminal: ManuallyDrop<Terminal>,
    mouse: bool,
    events: Receiver<Event>,
    /// What the event threads need, until the first frame is out: they
    /// start then, so the start does not wait on them (keys typed before
    /// wait in the terminal, signals in their pipe).
    threads: Option<EventThreads>,
}

/// What the loop waits on: terminal events from the input thread, and the
/// signal thread's `Terminate`.
#[derive(Debug)]
enum Event {
    Key(KeyEvent),
    Resize(u16, u16),
    Mouse(MouseEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT, or the terminal went away.
    Terminate,
}

impl Tui {
    pub fn open(mouse: bool) -> io::Result<Tui> {
        let (sender, events) = mpsc::channel();
        // Signals first: from the moment the screen is taken, a signal
        // gives it back.
        let threads = EventThreads::new(sender);
        let restore_on_panic = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore(mouse);
            restore_on_panic(info);
        }));
        let terminal = take_terminal(mouse).inspect_err(|_| restore(mouse))?;
        Ok(Tui {
            terminal: ManuallyDrop::new(terminal),
            mouse,
            events,
            threads: Some(threads),
        })
    }

    /// The size the app is drawn at (what `Action::Resize` would say).
    pub fn size(&self) -> io::Result<(u16, u16)> {
        let area = drawn_area(self.terminal.size()?);
        Ok((area.width, area.height))
    }

    /// The app on this screen until it quits; keys pressed since the
    /// screen opened are not lost.
    pub fn run(&mut self, app: &mut App, storage: &Storage) -> io::Result<()> {
        loop {
            if draw(&mut self.terminal, app).is_err() {
                // The terminal is gone (the window closed): save what
                // there is and leave.
                apply(app, storage, Action::Exit);
                return Ok(());
            }
            if let Some(threads) = self.threads.take() {
                threads.start();
            }
            // Block until an event asks for something; once a second
            // without one, a look at the profile's file (one `stat`).
            let action = loop {
                let event = match self.events.recv_timeout(FILE_CHECK) {
                    Ok(event) => event,
                    Err(mpsc::RecvTimeoutError::Timeout) => match file_changed(app, storage) {
                        Some(action) => break action,
                        None => continue,
                    },
                    Err(mpsc::RecvTimeoutError::Disconnected) => Event::Terminate,
                };
                if let Some(action) = action_for(app, event) {
                    break action;
                }
            };
            if action == Action::Suspend {
                self.suspend(app);
                continue;
            }
            // The effects (the save: written and renamed into place) come
            // before the frame that shows the change: what the screen
            // calls done or saved is on disk.
            if apply(app, storage, action) {
                return Ok(());
            }
        }
    }
}

impl Tui {
    /// Ctrl-Z: gives the terminal back to the shell (cooked mode, the main
    /// screen), stops the process as job control expects, and on `fg`
    /// takes the terminal again and redraws it whole. A process the shell
    /// cannot stop (no job control) carries on at once.
    #[cfg(unix)]
    fn suspend(&mut self, app: &mut App) {
        let _ = io::Write::flush(self.terminal.backend_mut());
        restore(self.mouse);
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
        // Here again after `fg` (SIGCONT).
        // `resize` clears the screen and makes the next frame whole, without
        // `clear`'s cursor query (its answer would race the input thread).
        let area = self.terminal.get_frame().area();
        let again = enter_screen(self.terminal.backend_mut(), self.mouse)
            .and_then(|()| self.terminal.resize(area));
        if let Err(e) = again {
            app.notice = Some(format!("The terminal could not be taken back: {e}"));
        }
    }

    #[cfg(not(unix))]
    fn suspend(&mut self, app: &mut App) {
        app.notice = Some("Suspending is a Unix shell's job control: not here.".to_owned());
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // Anything still buffered goes out before the screen is left.
        let _ = io::Write::flush(self.terminal.backend_mut());
        restore(self.mouse);
    }
}

/// Raw mode, the alternate screen, bracketed paste (a pasted note arrives
/// as text, not as keys) and the mouse unless it is turned off.
fn take_terminal(mouse: bool) -> io::Result<Terminal> {
    let mut out = BufWriter::new(io::stdout());
    enter_screen(&mut out, mouse)?;
    let backend = CrosstermBackend::new(out);
    let viewport = Viewport::Fixed(drawn_area(backend.size()?));
    Terminal::with_options(backend, TerminalOptions { viewport })
}

/// Raw mode and the modes the app draws in, written to `out`.
fn enter_screen(out: &mut impl io::Write, mouse: bool) -> io::Result<()> {
    use ratatui::crossterm::event::{EnableBracketedPaste, EnableMouseCapture};
    use ratatui::crossterm::queue;
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    enable_raw_mode()?;
    queue!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        queue!(out, EnableMouseCapture)?;
    }
    out.flush()
}

/// The terminal as it was. Failures are ignored: when the terminal is gone
/// there is nothing to restore and nowhere to say so.
fn restore(mouse: bool) {
    use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture};
    use ratatui::crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};
    use ratatui::crossterm::{cursor, execute, queue};
    let mut out = io::stdout();
    if mouse {
        let _ = queue!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Draws the app at the terminal's size (read before every frame, as
/// ratatui's full-screen terminal does), then writes the sources view's
/// links over it.
fn draw(terminal: &mut Terminal, app: &mut App) -> io::Result<()> {
    let area = drawn_area(terminal.size()?);
    if terminal.get_frame().area() != area {
        terminal.resize(area)?;
    }
    if app.size() != (area.width, area.height) {
        app.update(Action::Resize(area.width, area.height));
    }
    terminal.draw(|frame| ui::draw(frame, app))?;
    if app.hyperlinks {
        // Ratatui has no hyperlink cell; a failure only costs the links.
        let _ = ui::sources::write_hyperlinks(terminal.backend_mut(), app);
    }
    if let Some(text) = app.clipboard.take()
        && config::takes_osc()
    {
        // `y` in the sources view; the status line shows the text too, for
        // terminals that do not take OSC 52 (and is all a dumb one gets).
        let out = terminal.backend_mut();
        let _ = io::Write::write_all(out, ui::sources::osc52(&text).as_bytes())
            .and_then(|()| io::Write::flush(out));
    }
    Ok(())
}

/// What an event asks of the app; `None` when nothing (the mouse moving
/// over nothing, a key with no meaning here).
fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::action_for(app, key),
        Event::Resize(width, height) => {
            let area = drawn_area(Size::new(width, height));
            Some(Action::Resize(area.width, area.height))
        }
        Event::Mouse(mouse) => mouse::action_for(app, mouse),
        Event::Paste(text) => keymap::paste_action(app, text),
        Event::Terminate => Some(Action::Exit),
    }
}

/// Where the loop's events come from: the terminal, read on a thread of
/// its own into the loop's channel (gitui's pattern), and SIGTERM, SIGHUP,
/// SIGINT and SIGQUIT, waited for on another.
struct EventThreads {
    events: Sender<Event>,
    #[cfg(unix)]
    signals: Option<signal_hook::iterator::Signals>,
}

impl EventThreads {
    /// Catches the signals from now on.
    fn new(events: Sender<Event>) -> EventThreads {
        #[cfg(unix)]
        let signals = {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).ok()
        };
        EventThreads {
            events,
            #[cfg(unix)]
            signals,
        }
    }

    fn start(self) {
        #[cfg(unix)]
        if let Some(signals) = self.signals {
            let events = self.events.clone();
            thread::spawn(move || wait_for_signals(signals, &events));
        }
        let events = self.events;
        thread::spawn(move || read_terminal_events(&events));
    }
}

/// Key presses only: some terminals report releases too. A read error
/// means the terminal is gone.
fn read_terminal_events(events: &Sender<Event>) {
    loop {
        let event = match event::read() {
            Ok(TermEvent::Key(key)) if key.kind == KeyEventKind::Press => Event::Key(key),
            Ok(TermEvent::Resize(width, height)) => Event::Resize(width, height),
            Ok(TermEvent::Mouse(mouse)) => Event::Mouse(mouse),
            Ok(TermEvent::Paste(text)) => Event::Paste(text),
            Ok(_) => continue,
            Err(_) => {
                let _ = events.send(Event::Terminate);
                return;
            }
        };
        if events.send(event).is_err() {
            return;
        }
    }
}

/// The first signal sends `Terminate`: the loop saves and leaves. (When
/// the window closes, crossterm's read spins on the end of input and never
/// reports it; the SIGHUP that comes with it does.) A second signal while
/// the app is still leaving (a save stuck on a dead disk) ends the process
/// at once.
#[cfg(unix)]
fn wait_for_signals(mut signals: signal_hook::iterator::Signals, events: &Sender<Event>) {
    let mut signals = signals.forever();
    if signals.next().is_some() {
        let _ = events.send(Event::Terminate);
    }
    if let Some(signal) = signals.next() {
        let _ = signal_hook::low_level::emulate_default_handler(signal);
    }
}

/// Saves the app's profile. What another program (a sync tool) changed in
/// the file meanwhile is merged in, and the app takes the merge.
fn save(app: &mut App, storage: &Storage) -> Result<(), String> {
    app.sync_resume();
    let result = storage.save(app.profile());
    app.disk_unreadable = storage.waits_on_unreadable();
    match result {
        Ok(storage::Saved { merged }) => {
            if let Some(merged) = merged {
                app.update(Action::Reloaded(Ok(Box::new(merged))));
            }
            Ok(())
        }
        Err(e) => Err(e.to_string()),
    }
}

/// Keeps the app's version over a profile file that does not read: the
/// file is set aside (renamed beside the profile) and the app's saved.
/// Where it went; `None` when it read again and was merged instead.
fn keep_mine(app: &mut App, storage: &Storage) -> Result<Option<String>, String> {
    app.sync_resume();
    let result = match storage.keep_mine(app.profile()) {
        Ok(Some(moved)) => Ok(Some(storage::shown(
            moved
                .file_name()
                .map_or(moved.as_path(), std::path::Path::new),
        ))),
        Ok(None) => save(app, storage).map(|()| None),
        Err(e) => Err(e.to_string()),
    };
    app.disk_unreadable = storage.waits_on_unreadable();
    result
}

/// How often the loop looks at the profile's file while idle: one `stat`
/// a second, so a change a sync tool makes shows within a second. (The
/// only work done while nothing happens.)
const FILE_CHECK: std::time::Duration = std::time::Duration::from_secs(1);

/// While idle: if another program changed the profile's file, what the
/// app should take in (a reload, or a merge that was saved).
fn file_changed(app: &mut App, storage: &Storage) -> Option<Action> {
    if !storage.changed_on_disk() || !app.takes_reloads() {
        return None;
    }
    app.sync_resume();
    let result = storage.refresh(app.profile());
    app.disk_unreadable = storage.waits_on_unreadable();
    match result {
        Ok(Some(merged)) => Some(Action::Reloaded(Ok(Box::new(merged)))),
        Ok(None) => None,
        Err(e) => Some(Action::Reloaded(Err(e.to_string()))),
    }
}

/// Carries out effects in order, feeding results back to `update`. Returns
/// `true` when the app quits.
fn carry_out(app: &mut App, storage: &Storage, pending: &mut VecDeque<Effect>) -> bool {
    while let Some(effect) = pending.pop_front() {
        match effect {
            Effect::Save if !storage.is_read_only() => {
                let result = save(app, storage);
                pending.extend(app.update(Action::Saved(result)));
            }
            Effect::SaveThenQuit if !storage.is_read_only() => {
                let result = save(app, storage);
                pending.extend(app.update(Action::SavedBeforeQuit(result)));
            }
            Effect::KeepMine if !storage.is_read_only() => {
                let result = keep_mine(app, storage);
                pending.extend(app.update(Action::KeptMine(result)));
            }
            Effect::Save | Effect::KeepMine => {}
            Effect::SaveThenQuit | Effect::Quit => {
                pending.clear();
                return true;
            }
            Effect::ArchiveBackup => {
                if let Err(e) = storage.archive_backup() {
                    app.notice = Some(format!("Could not set the old backup aside: {e}"));
                }
            }
            Effect::SaveDraft(draft) => {
                if let Err(e) = storage.save_draft(&draft) {
                    app.notice = Some(format!(
                        "The draft of what you are typing could not be kept on disk: {e}"
                    ));
                }
            }
            // A draft is dropped only once its note is safely on disk.
            Effect::ClearDraft => {
                if app.unsaved.is_none() {
                    storage.remove_draft();
                }
            }
            Effect::SaveConfig => {
                if let Some((path, config)) = &app.config
                    && let Err(e) = config::save(path, config)
                {
                    app.notice = Some(format!("The settings could not be saved: {e}"));
                }
            }
        }
    }
    false
}
