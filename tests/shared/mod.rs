//! What every test crate shares: the fixture guide and an app built on it
//! (for the in-process tests), and a small harness that runs the real
//! `medtech` binary in a pseudo-terminal and reads its screen through a
//! VT100 parser, the way a user would see it (for the end-to-end tests).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Names in a folder, sorted: what a test expects to find there.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list the folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A file's permission bits.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

/// How long to wait for something a user would see at once.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The date the app is told it is, so dates on screen are stable.
pub const TODAY: &str = "2026-11-24";

/// Key sequences as a terminal sends them.
pub mod keys {
    pub const ESC: &str = "\x1b";
    pub const SPACE: &str = " ";
    pub const ENTER: &str = "\r";
}

/// A fresh data folder used as both `XDG_DATA_HOME` and `HOME`.
pub struct DataDir {
    dir: tempfile::TempDir,
}

impl DataDir {
    pub fn new() -> DataDir {
        let dir = tempfile::Builder::new()
            .prefix("medtech-e2e-")
            .tempdir_in(std::env::temp_dir())
            .expect("create a temp data dir");
        DataDir { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `$XDG_DATA_HOME/medtech`, where the app keeps its files.
    pub fn app_dir(&self) -> PathBuf {
        self.root().join("medtech")
    }

    /// `$XDG_DATA_HOME/medtech/profile.ron`.
    pub fn profile_path(&self) -> PathBuf {
        self.app_dir().join("profile.ron")
    }

    /// Runs a `medtech` command on this data folder, without a terminal,
    /// today pinned to [`TODAY`].
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.run_on(TODAY, args)
    }

    /// [`DataDir::run`] with today pinned to `today`.
    pub fn run_on(&self, today: &str, args: &[&str]) -> std::process::Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_medtech"))
            .args(args)
            .env_clear()
            .env("XDG_DATA_HOME", self.root())
            .env("HOME", self.root())
            .env("MEDTECH_TODAY", today)
            .env("RUST_BACKTRACE", "0")
            .current_dir(self.root())
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run medtech")
    }

    /// Writes raw bytes as the profile, creating the folder.
    pub fn write_profile(&self, bytes: &[u8]) {
        std::fs::create_dir_all(self.app_dir()).expect("create the app data dir");
        std::fs::write(self.profile_path(), bytes).expect("write profile.ron");
    }

    /// Names of the files in the app folder, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.app_dir())
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

/// What the reader thread collects.
struct Output {
    parser: vt100::Parser,
    /// Every byte the app wrote, for escape-sequence checks.
    raw: Vec<u8>,
    /// A SIGKILL armed by [`Pty::kill_when`], sent by the reader thread.
    trigger: Option<Trigger>,
    /// When the armed SIGKILL went out.
    killed: Option<Kill>,
}

type Trigger = Box<dyn FnMut(&vt100::Screen) -> bool + Send>;

/// A SIGKILL sent the moment a screen was seen (see [`Pty::kill_when`]).
#[derive(Debug, Clone)]
pub struct Kill {
    /// When the read that brought the awaited screen returned.
    pub arrived: Instant,
    /// When the SIGKILL had been sent.
    pub sent: Instant,
    /// The screen that set it off.
    pub screen: String,
}

impl Kill {
    /// From the awaited bytes' arrival to the signal sent.
    pub fn latency(&self) -> Duration {
        self.sent - self.arrived
    }
}

/// One row of a screen (0 is the top), cheaper than the whole screen.
pub fn screen_row(screen: &vt100::Screen, row: u16) -> String {
    let (_, cols) = screen.size();
    screen.contents_between(row, 0, row, cols.get())
}

/// Rounds for the kill tests: `MEDTECH_KILL_ROUNDS`, or `default` (small,
/// so `cargo test` stays fast; the promise is checked with 100 or more).
pub fn kill_rounds(default: u32) -> u32 {
    std::env::var("MEDTECH_KILL_ROUNDS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// SIGKILL without a `kill(1)` in between: portable-pty's own `kill` sends
/// SIGHUP first (which the app handles), std's sends SIGKILL.
fn sigkill(child: &Mutex<Box<dyn Child + Send + Sync>>) {
    let mut child = child.lock().unwrap_or_else(PoisonError::into_inner);
    let child: &mut dyn Child = &mut **child;
    let child = child
        .downcast_mut::<std::process::Child>()
        .expect("portable-pty runs a std::process::Child on unix");
    std::process::Child::kill(child).expect("SIGKILL medtech");
}

/// The app running in a pseudo-terminal.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Arc<Mutex<Box<dyn Child + Send + Sync>>>,
    output: Arc<Mutex<Output>>,
    reader: Option<JoinHandle<()>>,
    exit: Option<portable_pty::ExitStatus>,
}

/// Options for one launch.
pub struct Launch<'a> {
    pub data: &'a DataDir,
    pub cols: u16,
    pub rows: u16,
    pub env: Vec<(String, String)>,
    pub args: Vec<String>,
    /// Shell commands run in the pty before `sh` becomes medtech (`ulimit
    /// -f 4`, `stty rows 30000`): they set what medtech inherits.
    pub shell: Option<String>,
}

impl<'a> Launch<'a> {
    pub fn new(data: &'a DataDir) -> Launch<'a> {
        Launch {
            data,
            cols: 100,
            rows: 30,
            env: Vec::new(),
            args: Vec::new(),
            shell: None,
        }
    }

    #[must_use]
    pub fn arg(mut self, arg: &str) -> Launch<'a> {
        self.args.push(arg.to_owned());
        self
    }

    #[must_use]
    pub fn size(mut self, cols: u16, rows: u16) -> Launch<'a> {
        self.cols = cols;
        self.rows = rows;
        self
    }

    pub fn spawn(self) -> Pty {
        Pty::spawn(&self)
    }
}

impl Pty {
    /// Starts medtech at 100x30 on this data folder.
    pub fn launch(data: &DataDir) -> Pty {
        Launch::new(data).spawn()
    }

    fn spawn(launch: &Launch<'_>) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: launch.rows,
                cols: launch.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let medtech = env!("CARGO_BIN_EXE_medtech");
        let mut cmd = match &launch.shell {
            None => CommandBuilder::new(medtech),
            Some(first) => {
                let mut cmd = CommandBuilder::new("/bin/sh");
                let script = format!("PATH=/usr/bin:/bin; {first}; exec \"$0\" \"$@\"");
                cmd.args(["-c", &script, medtech]);
                cmd
            }
        };
        cmd.args(&launch.args);
        cmd.env_clear();
        let root = launch.data.root();
        cmd.env("XDG_DATA_HOME", root);
        cmd.env("HOME", root);
        cmd.env("TERM", "xterm-256color");
        cmd.env("MEDTECH_TODAY", TODAY);
        cmd.env("RUST_BACKTRACE", "0");
        for (key, value) in &launch.env {
            cmd.env(key, value);
        }
        cmd.cwd(root);
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("spawn medtech in the pty");
        // Only the child may hold the slave side, so reads see EOF once it exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(launch.rows), nonzero(launch.cols), 0),
            raw: Vec::new(),
            trigger: None,
            killed: None,
        }));
        let sink = Arc::clone(&output);
        let child = Arc::new(Mutex::new(child));
        let killer = Arc::clone(&child);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let arrived = Instant::now();
                        let mut out = sink.lock().expect("output lock");
                        out.parser.process(&buf[..n]);
                        out.raw.extend_from_slice(&buf[..n]);
                        if let Some(mut ready) = out.trigger.take() {
                            if ready(out.parser.screen()) {
                                sigkill(&killer);
                                let sent = Instant::now();
                                out.killed = Some(Kill {
                                    arrived,
                                    sent,
                                    screen: out.parser.screen().contents(),
                                });
                            } else {
                                out.trigger = Some(ready);
                            }
                        }
                    }
                }
            }
        });
        Pty {
            master: pair.master,
            writer,
            child,
            output,
            reader: Some(reader),
            exit: None,
        }
    }

    fn output(&self) -> MutexGuard<'_, Output> {
        self.output.lock().expect("output lock")
    }

    /// The screen as text, one line per row, trailing blanks trimmed.
    pub fn screen_text(&self) -> String {
        self.output().parser.screen().contents()
    }

    /// One row of the screen (0 is the top).
    pub fn row(&self, index: u16) -> String {
        let out = self.output();
        let (_, cols) = out.parser.screen().size();
        out.parser
            .screen()
            .rows(0, cols.get())
            .nth(usize::from(index))
            .unwrap_or_default()
    }

    /// The screen's last row (the footer).
    pub fn last_row(&self) -> String {
        let rows = self.output().parser.screen().size().0;
        self.row(rows.get() - 1)
    }

    /// Every byte the app has written so far, lossily decoded.
    pub fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.output().raw).into_owned()
    }

    /// Where the terminal's cursor is (row, column), or `None` when hidden.
    pub fn cursor(&self) -> Option<(u16, u16)> {
        let out = self.output();
        let screen = out.parser.screen();
        (!screen.hide_cursor()).then(|| screen.cursor_position())
    }

    /// Whether the VT100 parser thinks the app is on the alternate screen.
    pub fn on_alternate_screen(&self) -> bool {
        self.output().parser.screen().alternate_screen()
    }

    /// Waits until `text` is on screen. Text wrapped over several rows counts:
    /// runs of whitespace, line breaks included, compare as one space.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |screen| {
            normalize(screen).contains(&normalize(text))
        })
    }

    /// Polls the screen until `ready` holds on a settled screen, or panics
    /// with the screen. A frame reaches the terminal in several writes, so a
    /// screen counts only once it is unchanged over two polls; it is
    /// returned, to read more from the same frame.
    pub fn wait_until(&self, what: &str, mut ready: impl FnMut(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        let mut candidate: Option<String> = None;
        loop {
            let screen = self.screen_text();
            if ready(&screen) {
                if candidate.as_deref() == Some(screen.as_str()) {
                    return screen;
                }
                candidate = Some(screen.clone());
            } else {
                candidate = None;
            }
            assert!(
                Instant::now() <= deadline,
                "timed out after {TIMEOUT:?} waiting for {what}. The screen:\n{}\n{}",
                screen_box(&screen),
                self.exit_note()
            );
            thread::sleep(Duration::from_millis(5));
        }
    }

    fn exit_note(&self) -> String {
        match self.child().try_wait() {
            Ok(Some(status)) => format!("(medtech had exited: {status:?})"),
            Ok(None) => "(medtech was still running)".to_owned(),
            Err(e) => format!("(cannot tell whether medtech runs: {e})"),
        }
    }

    fn child(&self) -> MutexGuard<'_, Box<dyn Child + Send + Sync>> {
        self.child.lock().expect("child lock")
    }

    /// Types keys (raw bytes, e.g. `"2"`, `keys::SPACE`, `keys::ESC`).
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("write keys to the pty");
    }

    /// The app's process id.
    pub fn pid(&self) -> u32 {
        self.child().process_id().expect("medtech has a pid")
    }

    /// Sends a signal by name (`"TERM"`, `"HUP"`, `"KILL"`) with `kill(1)`.
    pub fn kill(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .args([format!("-{signal}"), self.pid().to_string()])
            .status()
            .expect("run kill(1)");
        assert!(status.success(), "kill -{signal} failed: {status}");
    }

    /// Arms a SIGKILL for the moment the screen first makes `ready` true:
    /// the reader thread tests the screen after every read from the app and
    /// sends the signal itself, before it reads on, so the kill follows the
    /// awaited frame by the time of one check (no polling in between).
    pub fn kill_when(&self, ready: impl FnMut(&vt100::Screen) -> bool + Send + 'static) {
        let mut out = self.output();
        assert!(out.trigger.is_none(), "a kill is already armed");
        out.killed = None;
        out.trigger = Some(Box::new(ready));
    }

    /// Waits for the SIGKILL armed by [`Pty::kill_when`] and for the app to
    /// die of it; panics with the screen if the screen never came or the
    /// app ended otherwise.
    pub fn wait_killed(&mut self) -> Kill {
        let deadline = Instant::now() + TIMEOUT;
        let kill = loop {
            if let Some(kill) = self.output().killed.clone() {
                break kill;
            }
            assert!(
                Instant::now() <= deadline,
                "timed out after {TIMEOUT:?}: the awaited screen never came. The screen:\n{}\n{}",
                screen_box(&self.screen_text()),
                self.exit_note()
            );
            thread::sleep(Duration::from_millis(5));
        };
        let status = self.wait_exit(TIMEOUT);
        assert_eq!(
            status.signal(),
            Some("Killed"),
            "medtech was not killed by the SIGKILL: {status:?}"
        );
        kill
    }

    /// Resizes the terminal, as when the user drags the window.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
        self.output()
            .parser
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
    }

    /// The terminal's local flags set now (`"ICANON"`, `"ECHO"`, ...), to
    /// tell raw mode from cooked mode.
    pub fn local_flags(&self) -> Vec<String> {
        let termios = self.master.get_termios().expect("read the pty's termios");
        // Debug reads `LocalFlags(ECHOKE | ECHO | ICANON)`.
        let text = format!("{:?}", termios.local_flags);
        let inner = text
            .split_once('(')
            .and_then(|(_, rest)| rest.rsplit_once(')'))
            .map_or("", |(inner, _)| inner);
        inner
            .split('|')
            .map(|flag| flag.trim().to_owned())
            .collect()
    }

    /// Waits for the app to exit and returns its status; panics after
    /// `timeout` with the screen.
    pub fn wait_exit(&mut self, timeout: Duration) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = self.child().try_wait().expect("poll medtech") {
                break status;
            }
            assert!(
                Instant::now() <= deadline,
                "medtech did not exit within {timeout:?}. The screen:\n{}",
                screen_box(&self.screen_text())
            );
            thread::sleep(Duration::from_millis(5));
        };
        self.exit = Some(status.clone());
        // Everything the app wrote before exiting is read once the reader sees EOF.
        if let Some(reader) = self.reader.take() {
            reader.join().expect("reader thread");
        }
        status
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // Never leave a medtech running behind a failed test.
        let mut child = self.child.lock().unwrap_or_else(PoisonError::into_inner);
        if self.exit.is_none() && matches!(child.try_wait(), Ok(None)) {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal size is never zero")
}

/// Collapses whitespace so wrapped text matches.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn screen_box(screen: &str) -> String {
    let mut out = String::from("+------\n");
    for line in screen.lines() {
        out.push('|');
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("+------");
    out
}

/// A tiny deterministic PRNG (xorshift64*), so runs can be replayed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
}

// ---- The fixture guide and an app on it -------------------------------------

use medtech::app::App;
use medtech::clock::Clock;
use medtech::content::{Date, Guide};
use medtech::profile::Profile;

pub const FIXTURE: &[(&str, &str)] = &[(
    "tests/fixtures/guide/guide.ron",
    include_str!("../fixtures/guide/guide.ron"),
)];

/// The fixture guide, parsed once and kept, as the app keeps its guide
/// (`.clone()` it to change it).
pub fn guide() -> &'static Guide {
    static GUIDE: std::sync::OnceLock<Guide> = std::sync::OnceLock::new();
    GUIDE.get_or_init(|| Guide::from_files(FIXTURE).expect("the fixture guide parses"))
}

pub fn today() -> Date {
    "2026-11-24".parse().expect("a valid date")
}

/// An app on the fixture guide with an existing (empty) profile.
pub fn clock() -> Clock {
    Clock::Fixed(today())
}

pub fn app() -> App {
    App::new(guide().clone(), Profile::default(), clock())
}

pub fn app_with(profile: Profile) -> App {
    App::new(guide().clone(), profile, clock())
}
