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
pub mod config;
pub mod content;
pub mod keymap;
pub mod mouse;
pub mod profile;
pub mod search;
pub mod session;
pub mod setup;
pub mod storage;
pub mod term;
pub mod text;
pub mod textarea;
pub mod theme;
pub mod ui;

use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEvent, KeyEventKind, MouseEvent};
use ratatui::layout::Rect;

use app::{Action, App, Effect};
use storage::Storage;

/// What the loop waits on.
#[derive(Debug)]
pub enum Event {
    Key(KeyEvent),
    Resize(u16, u16),
    Mouse(MouseEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT, or the terminal went away.
    Terminate,
}

/// Carries out one action and its effects. Returns `true` when the app quits.
/// Effects that report back (a save's result) are fed to `update` in turn.
pub fn apply(app: &mut App, storage: &Storage, action: Action) -> bool {
    let mut pending: VecDeque<Effect> = app.update(action).into();
    carry_out(app, storage, &mut pending)
}

/// Runs the interactive app until the user quits or a signal arrives.
/// The terminal is restored on every way out, panics included.
pub fn run(app: &mut App, storage: &Storage) -> io::Result<()> {
    let mut screen = Screen::open(app.mouse)?;
    screen.run(app, storage)
}

/// The terminal taken over for the app: raw mode, the alternate screen,
/// paste and mouse modes, and the key and signal sources. Opened before
/// the app exists (keys pressed while the guide decodes are kept), given
/// back on drop, panics included.
pub struct Screen {
    backend: Tty,
    mouse: bool,
    sources: Sources,
    frames: Frames,
}

/// What the terminal shows, kept to send only what the next frame changes.
pub struct Frames {
    /// The frame being drawn (blank before each draw).
    next: Buffer,
    /// The last frame written (blank after the screen is cleared).
    shown: Buffer,
    /// The bytes of the frame being written, kept to reuse the memory.
    bytes: Vec<u8>,
    /// The size of the frame on screen; `None` before the first one and
    /// after a frame that could not be written whole.
    area: Option<Rect>,
    /// Whether a frame was ever begun (the first is not preceded by a clear).
    started: bool,
}

impl Default for Frames {
    fn default() -> Frames {
        Frames {
            next: Buffer::empty(Rect::ZERO),
            shown: Buffer::empty(Rect::ZERO),
            bytes: Vec::new(),
            area: None,
            started: false,
        }
    }
}

impl Frames {
    /// Draws the app at `area` (the terminal's size): `ui::draw` fills a
    /// blank buffer, the cells that changed since the last frame are found
    /// (what ratatui's own diff finds, cheaper) and encoded as they are
    /// found ([`term::encode_diff`]), the cursor is placed or hidden, and
    /// all of it is written at once. This is what `Terminal::draw` does (a
    /// new size clears the screen, as its `autoresize` does), with two
    /// buffers where the app and ratatui's terminal together needed three.
    pub fn draw<W: io::Write>(
        &mut self,
        backend: &mut term::Backend<W>,
        area: Rect,
        app: &App,
    ) -> io::Result<()> {
        use ratatui::backend::Backend as _;
        use ratatui::crossterm::{cursor, queue};
        let cleared = self.area != Some(area);
        if cleared {
            // A new size (or a frame that failed half-way): the screen is
            // cleared, none of the last frame is on it. The very first
            // frame goes on the fresh alternate screen as it is.
            if self.started {
                backend.clear()?;
            }
            if self.next.area == area {
                self.next.reset();
            } else {
                self.next = Buffer::empty(area);
            }
        }
        self.started = true;
        // Until this frame is out, what the terminal shows is not known.
        self.area = None;
        // Drawn through ratatui's own `Frame` (a `Terminal` over a
        // `TestBackend` of this size), until the loop draws with a real
        // `Terminal`.
        let Ok(mut canvas) =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(area.width, area.height));
        let Ok(_) = canvas.draw(|frame| ui::draw(frame, app));
        self.next
            .content
            .clone_from(&canvas.backend().buffer().content);
        let cursor = canvas
            .backend()
            .cursor_visible()
            .then(|| canvas.backend().cursor_position());
        self.bytes.clear();
        let shown = (!cleared).then_some(&self.shown);
        term::encode_diff(&mut self.bytes, shown, &self.next)?;
        // The cursor goes in the same bytes (as `Terminal::draw` places
        // it, after the cells): the frame and its cursor reach the terminal
        // in one write, not two.
        match cursor {
            None => queue!(self.bytes, cursor::Hide)?,
            Some(position) => queue!(
                self.bytes,
                cursor::Show,
                cursor::MoveTo(position.x, position.y)
            )?,
        }
        backend.write_frame(&self.bytes)?;
        backend.flush()?;
        // The frame just drawn is what shows now; the other is blanked for
        // the next frame, once this one is out.
        self.area = Some(area);
        std::mem::swap(&mut self.shown, &mut self.next);
        if self.next.area == area {
            self.next.reset();
        } else {
            self.next = Buffer::empty(area);
        }
        Ok(())
    }
}

impl Screen {
    pub fn open(mouse: bool) -> io::Result<Screen> {
        // Signals first: from the moment the screen is taken, a signal
        // gives it back.
        let sources = Sources::new();
        let backend = init_terminal()?;
        terminal_modes(true, mouse);
        // The first hook restores the screen on a panic; this one first
        // turns the mouse and paste modes off, so the shell is left as it was.
        let restore_screen = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            terminal_modes(false, mouse);
            restore_screen(info);
        }));
        Ok(Screen {
            backend,
            mouse,
            sources,
            frames: Frames::default(),
        })
    }

    /// The app on this screen until it quits; keys pressed since the
    /// screen opened are not lost.
    pub fn run(&mut self, app: &mut App, storage: &Storage) -> io::Result<()> {
        event_loop(self, app, storage)
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        terminal_modes(false, self.mouse);
        restore();
        let _ = ratatui::backend::Backend::show_cursor(&mut self.backend);
    }
}

/// Raw mode off and the main screen back. Failures are ignored: when the
/// terminal is gone there is nothing to restore and nowhere to say so
/// (`ratatui::restore` prints the error, and printing to a closed terminal
/// panics, which aborted the app on its way out).
fn restore() {
    let _ = ratatui::try_restore();
}

/// The terminal the app draws on: stdout through [`term::Backend`].
pub type Tty = term::Backend<io::Stdout>;

/// What `ratatui::init` does, with the app's backend: a panic hook that
/// restores the screen, raw mode, the alternate screen.
fn init_terminal() -> io::Result<Tty> {
    use ratatui::crossterm::queue;
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    let setup = enable_raw_mode()
        .and_then(|()| queue!(io::stdout(), EnterAlternateScreen))
        .map(|()| term::Backend::new(io::stdout()));
    if setup.is_err() {
        restore();
    }
    setup
}

/// Bracketed paste always (so a pasted note arrives as text, not as keys),
/// mouse capture unless turned off. Failures only cost the feature.
fn terminal_modes(on: bool, mouse: bool) {
    use ratatui::crossterm::event::{
        DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    };
    use ratatui::crossterm::{execute, queue};
    let mut out = io::stdout();
    if on {
        // With the alternate screen (queued before), in one write: each
        // write wakes whatever reads the terminal.
        let _ = queue!(out, EnableBracketedPaste);
        if mouse {
            let _ = queue!(out, EnableMouseCapture);
        }
        let _ = io::Write::flush(&mut out);
    } else {
        if mouse {
            let _ = execute!(out, DisableMouseCapture);
        }
        let _ = execute!(out, DisableBracketedPaste);
    }
}

/// The terminal's size: asked of stdout in one system call where it can be
/// (crossterm opens `/dev/tty`, asks it, and closes it again: three calls
/// before every frame), else as crossterm asks.
fn terminal_size(backend: &Tty) -> io::Result<ratatui::layout::Size> {
    use ratatui::backend::Backend as _;
    #[cfg(unix)]
    if let Ok(size) = rustix::termios::tcgetwinsize(io::stdout())
        && size.ws_col > 0
        && size.ws_row > 0
    {
        return Ok(ratatui::layout::Size::new(size.ws_col, size.ws_row));
    }
    backend.size()
}

fn event_loop(screen: &mut Screen, app: &mut App, storage: &Storage) -> io::Result<()> {
    let Screen {
        backend,
        sources,
        frames,
        ..
    } = screen;
    // Effects of the last action still to carry out: the disk comes after
    // the screen, so a slow save never delays a repaint.
    let mut effects = VecDeque::new();
    let mut redraw = true;
    loop {
        if redraw {
            // The size is read before every frame, as ratatui's `Terminal`
            // does: a resize whose event was missed still shows right.
            let drawn = terminal_size(backend).and_then(|size| {
                let area = Rect::from((ratatui::layout::Position::ORIGIN, size));
                if frames.area != Some(area) {
                    effects.extend(app.update(Action::Resize(size.width, size.height)));
                }
                frames.draw(backend, area, app)
            });
            if let Err(e) = drawn {
                // The terminal is gone (window closed): save what we have.
                carry_out(app, storage, &mut effects);
                apply(app, storage, Action::Exit);
                return Err(e);
            }
        }
        // The threads that read keys and wait for signals start once the
        // first frame is out (keys typed before wait in the terminal,
        // signals in their pipe).
        sources.start();
        if redraw && app.hyperlinks {
            // Links go over the drawn text; a failure only costs the links.
            let _ = ui::sources::write_hyperlinks(&mut io::stdout(), app);
        }
        redraw = false;
        if !effects.is_empty() {
            // Every effect runs before the next event is read, so a signal
            // right after a key still finds that key's change saved.
            let shown = (app.unsaved.clone(), app.notice.clone());
            if carry_out(app, storage, &mut effects) {
                return Ok(());
            }
            // A save that failed (or worked again) is on screen at once.
            if shown != (app.unsaved.clone(), app.notice.clone()) {
                redraw = true;
                continue;
            }
        }
        let event = sources.next_event(|| {});
        let action = match event {
            Event::Key(key) => keymap::action_for(app, key),
            Event::Resize(width, height) => Some(Action::Resize(width, height)),
            Event::Mouse(mouse) => mouse::action_for(app, mouse),
            Event::Paste(text) => keymap::paste_action(app, text),
            Event::Terminate => Some(Action::Exit),
        };
        let Some(action) = action else { continue };
        effects.extend(app.update(action));
        // Leaving needs no repaint first: carry out the effects now.
        let leaving = effects
            .iter()
            .any(|e| matches!(e, Effect::Quit | Effect::SaveThenQuit));
        if leaving && carry_out(app, storage, &mut effects) {
            return Ok(());
        }
        redraw = true;
    }
}

/// Carries out effects in order, feeding results back to `update`. Returns
/// `true` when the app quits.
fn carry_out(app: &mut App, storage: &Storage, pending: &mut VecDeque<Effect>) -> bool {
    while let Some(effect) = pending.pop_front() {
        match effect {
            Effect::Save if !storage.is_read_only() => {
                app.sync_resume();
                let result = storage.save(app.profile()).map_err(|e| e.to_string());
                pending.extend(app.update(Action::Saved(result)));
            }
            Effect::SaveThenQuit if !storage.is_read_only() => {
                app.sync_resume();
                let result = storage.save(app.profile()).map_err(|e| e.to_string());
                pending.extend(app.update(Action::SavedBeforeQuit(result)));
            }
            Effect::Save => {}
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
                    app.notice = Some(format!("The note's draft could not be kept on disk: {e}"));
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

/// Where the loop's events come from: keys (and resizes, the mouse,
/// pastes), and SIGTERM, SIGHUP, SIGINT and SIGQUIT. The loop never polls
/// on a timer: it blocks until one of them has something.
///
/// When standard input is the terminal (as always in use), keys are read on
/// the loop's own thread, waiting in its own `poll` (see [`Direct`]);
/// otherwise a thread reads them into the channel the signals use. Either
/// way the loop never blocks inside crossterm's read: when the terminal
/// goes away that read can spin on the end of input forever, and the loop
/// must still hear the SIGHUP that comes with it, save and leave.
/// The signal handlers are set when the screen opens (a signal from then on
/// is kept); the threads start once the first frame is out. A second
/// signal while the app is still leaving (a save stuck on a dead disk)
/// ends it at once, and so does the first after three seconds.
struct Sources {
    events: Receiver<Event>,
    /// Until the threads start: the channel's sending side and the signals.
    pending: Option<(Sender<Event>, Option<Signals>)>,
    /// When the terminal is standard input: keys are read on the loop's
    /// own thread (see [`Direct`]).
    #[cfg(unix)]
    direct: Option<Direct>,
}

#[cfg(unix)]
type Signals = signal_hook::iterator::Signals;
#[cfg(not(unix))]
type Signals = ();

/// Keys read on the loop's thread, which saves handing each one over from
/// another thread (a wake-up of a second thread per key). The loop waits
/// in its own `poll` on the terminal and on `wake`, and asks crossterm for
/// an event only when the terminal has input, never blocking inside
/// crossterm: when the terminal goes away crossterm's read spins on the
/// end of input, and the loop would never hear the SIGHUP. A hang-up of
/// the terminal itself ends the wait too.
#[cfg(unix)]
struct Direct {
    /// Readable after a signal: the first of TERM/HUP/INT/QUIT (from the
    /// signal thread, with `Terminate` on the channel) or a resize.
    wake: std::os::unix::net::UnixStream,
    /// Its other end, for the signal thread.
    waker: std::os::unix::net::UnixStream,
}

#[cfg(unix)]
impl Direct {
    /// When standard input is the terminal (crossterm then reads it too).
    fn new() -> Option<Direct> {
        if !rustix::termios::isatty(rustix::stdio::stdin()) {
            return None;
        }
        let (wake, waker) = std::os::unix::net::UnixStream::pair().ok()?;
        wake.set_nonblocking(true).ok()?;
        waker.set_nonblocking(true).ok()?;
        // A resize wakes the wait; crossterm's own handler queues the event.
        signal_hook::low_level::pipe::register(
            signal_hook::consts::SIGWINCH,
            waker.try_clone().ok()?,
        )
        .ok()?;
        Some(Direct { wake, waker })
    }

    /// Waits until the terminal has input or a signal came; `false` when
    /// the terminal is gone.
    fn wait(&self) -> bool {
        use rustix::event::{PollFd, PollFlags, poll};
        let stdin = rustix::stdio::stdin();
        let mut fds = [
            PollFd::new(&stdin, PollFlags::IN),
            PollFd::new(&self.wake, PollFlags::IN),
        ];
        match poll(&mut fds, None) {
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(_) => return false,
        }
        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        if fds[0].revents().intersects(gone) {
            return false;
        }
        if fds[1].revents().contains(PollFlags::IN) {
            let mut buf = [0u8; 64];
            while io::Read::read(&mut &self.wake, &mut buf).is_ok_and(|n| n > 0) {}
        }
        true
    }
}

/// A terminal event as the loop takes it; `None` for kinds it ignores.
fn from_terminal(event: io::Result<TermEvent>) -> Option<Event> {
    match event {
        // Windows also reports releases; act on presses only.
        Ok(TermEvent::Key(key)) if key.kind == KeyEventKind::Press => Some(Event::Key(key)),
        Ok(TermEvent::Resize(width, height)) => Some(Event::Resize(width, height)),
        Ok(TermEvent::Mouse(mouse)) => Some(Event::Mouse(mouse)),
        Ok(TermEvent::Paste(text)) => Some(Event::Paste(text)),
        Ok(_) => None,
        Err(_) => Some(Event::Terminate),
    }
}

impl Sources {
    fn new() -> Sources {
        #[cfg(unix)]
        let signals = {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
            Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).ok()
        };
        #[cfg(not(unix))]
        let signals = None;
        let (tx, events) = mpsc::channel();
        Sources {
            events,
            pending: Some((tx, signals)),
            #[cfg(unix)]
            direct: None,
        }
    }

    /// Starts the threads, once.
    fn start(&mut self) {
        let Some((tx, signals)) = self.pending.take() else {
            return;
        };
        #[cfg(unix)]
        let direct = {
            self.direct = Direct::new();
            self.direct.is_some()
        };
        #[cfg(not(unix))]
        let direct = false;
        if !direct {
            let keys = tx.clone();
            thread::spawn(move || {
                loop {
                    let Some(event) = from_terminal(event::read()) else {
                        continue;
                    };
                    let stop = matches!(event, Event::Terminate);
                    if keys.send(event).is_err() || stop {
                        break;
                    }
                }
            });
        }
        #[cfg(unix)]
        if let Some(mut signals) = signals {
            let waker = self.direct.as_ref().and_then(|d| d.waker.try_clone().ok());
            thread::spawn(move || {
                let mut signals = signals.forever();
                if let Some(signal) = signals.next() {
                    let _ = tx.send(Event::Terminate);
                    if let Some(mut waker) = waker {
                        let _ = io::Write::write(&mut waker, &[1]);
                    }
                    // The loop saves its place and leaves. Should it be
                    // stuck (a save on a dead disk, or crossterm spinning on
                    // a terminal that closed just as a key was read), the
                    // signal's default action ends the process after a
                    // while: each change was saved when it was made, so at
                    // most the one being saved and the place on screen are
                    // lost, and a save cut short leaves the old file whole.
                    thread::spawn(move || {
                        thread::sleep(std::time::Duration::from_secs(3));
                        // Ended as the signal would end it, without the
                        // core dump SIGQUIT's default would write.
                        let signal = if signal == signal_hook::consts::SIGQUIT {
                            signal_hook::consts::SIGTERM
                        } else {
                            signal
                        };
                        let _ = signal_hook::low_level::emulate_default_handler(signal);
                    });
                }
                if let Some(signal) = signals.next() {
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                }
            });
        }
        #[cfg(not(unix))]
        let _ = (tx, signals);
    }

    /// The next event; when none waits, `idle` runs first, then the wait.
    /// `Terminate` once a signal came or the terminal is gone.
    fn next_event(&self, idle: impl FnOnce()) -> Event {
        #[cfg(unix)]
        if let Some(direct) = &self.direct {
            return self.next_direct(direct, idle);
        }
        match self.events.try_recv() {
            Ok(event) => event,
            Err(mpsc::TryRecvError::Empty) => {
                idle();
                self.events.recv().unwrap_or(Event::Terminate)
            }
            Err(mpsc::TryRecvError::Disconnected) => Event::Terminate,
        }
    }

    #[cfg(unix)]
    fn next_direct(&self, direct: &Direct, idle: impl FnOnce()) -> Event {
        let mut idle = Some(idle);
        loop {
            match self.events.try_recv() {
                Ok(event) => return event,
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => return Event::Terminate,
            }
            // What crossterm has read already, or input waiting: never a
            // blocking read (a zero wait cannot spin on a closed terminal).
            match event::poll(std::time::Duration::ZERO) {
                Ok(true) => match from_terminal(event::read()) {
                    Some(event) => return event,
                    None => continue,
                },
                Ok(false) => {}
                Err(_) => return Event::Terminate,
            }
            if let Some(idle) = idle.take() {
                idle();
                continue;
            }
            if !direct.wait() {
                return Event::Terminate;
            }
        }
    }
}

/// The settings file as read at the start: the settings and their path,
/// or why the defaults are used (the file is then never overwritten).
#[derive(Debug, Default)]
pub struct Settings {
    file: Option<(std::path::PathBuf, config::Config)>,
    problem: Option<String>,
}

impl Settings {
    pub fn read() -> Settings {
        let Some(path) = config::default_path() else {
            return Settings::default();
        };
        match config::load(&path) {
            Ok(settings) => Settings {
                file: Some((path, settings)),
                problem: None,
            },
            Err(message) => Settings {
                file: None,
                problem: Some(message),
            },
        }
    }

    /// Whether the settings leave the mouse to the app.
    pub fn mouse(&self) -> bool {
        self.file.as_ref().is_none_or(|(_, config)| config.mouse)
    }
}

/// Applies the settings file, read by [`Settings::read`], to the app:
/// theme, hyperlinks, mouse. Returns a message when the file could not be
/// read (the defaults are used and the file is never overwritten).
pub fn configure(app: &mut App, settings: Settings) -> Option<String> {
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb" || t == "linux");
    if let Some((path, settings)) = settings.file {
        app.theme.palette = settings.theme;
        app.hyperlinks = settings.hyperlinks && !dumb;
        app.mouse = app.mouse && settings.mouse;
        app.config = Some((path, settings));
        None
    } else {
        app.hyperlinks = !dumb;
        settings.problem
    }
}
