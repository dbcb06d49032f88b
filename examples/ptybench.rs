//! Runs medtech and the floor (`examples/floor.rs`) in a 120x40
//! pseudo-terminal, alternately, and prints how medtech compares: start to
//! the first complete frame, key to the first byte of the repaint, `q` to
//! exit, peak memory and, with `--idle`, CPU ticks over 10 idle seconds.
//!
//! ```text
//! cargo build --release --bin medtech --example floor --example ptybench
//! target/release/examples/ptybench [--idle] [--rounds N] [--cycles N] [--dir PATH]
//! ```
//!
//! Every ratatui frame ends with the cursor being hidden (`ESC[?25l`), so
//! that marks a complete frame. Before each key the harness waits until
//! every thread of the program sleeps (not running, not in disk wait), so a
//! save still running from the last key is never counted against the next.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use medtech::profile::{Profile, Screen};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const COLS: u16 = 120;
const ROWS: u16 = 40;
const FRAME_END: &[u8] = b"\x1b[?25l";
const TIMEOUT: Duration = Duration::from_secs(10);
const TODAY: &str = "2026-11-25";

/// The keys of one cycle, by what they exercise. Net effect zero, so any
/// number of cycles leaves the app where it started.
const CYCLE: &[(&str, &str)] = &[
    ("j/k", "j"),
    ("j/k", "j"),
    ("j/k", "k"),
    ("j/k", "k"),
    ("PgDn/PgUp", "\x1b[6~"),
    ("PgDn/PgUp", "\x1b[5~"),
    ("2/3", "3"),
    ("2/3", "2"),
    ("Space", " "),
    ("Space", " "),
];

struct Options {
    idle: bool,
    rounds: usize,
    cycles: usize,
    dir: PathBuf,
    medtech: PathBuf,
    floor: PathBuf,
    /// Extra programs to compare (name=path[:ENV=VALUE]), e.g. a scaled guide.
    extra: Vec<Program>,
}

#[derive(Clone)]
struct Program {
    name: String,
    path: PathBuf,
    env: Vec<(String, String)>,
    /// Text that shows the first frame is the real one.
    ready: String,
    /// Pre-write a profile that resumes on Education.
    profile: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: ptybench [--idle] [--rounds N] [--cycles N] [--dir PATH] \
         [--medtech PATH] [--floor PATH] [--extra NAME=PATH[,ENV=VALUE...]]"
    );
    std::process::exit(2);
}

fn options() -> Options {
    let exe = std::env::current_exe().unwrap_or_default();
    let examples = exe.parent().map(Path::to_path_buf).unwrap_or_default();
    let release = examples.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut opts = Options {
        idle: false,
        rounds: 4,
        cycles: 6,
        dir: std::env::temp_dir(),
        medtech: release.join("medtech"),
        floor: examples.join("floor"),
        extra: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--idle" => opts.idle = true,
            "--rounds" => opts.rounds = value().parse().unwrap_or_else(|_| usage()),
            "--cycles" => opts.cycles = value().parse().unwrap_or_else(|_| usage()),
            "--dir" => opts.dir = value().into(),
            "--medtech" => opts.medtech = value().into(),
            "--floor" => opts.floor = value().into(),
            "--extra" => {
                let spec = value();
                let mut parts = spec.split(',');
                let (name, path) = parts
                    .next()
                    .and_then(|p| p.split_once('='))
                    .unwrap_or_else(|| usage());
                let env = parts
                    .filter_map(|kv| kv.split_once('='))
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect();
                // A name starting with "floor" is a variant of the floor.
                let floor = name.starts_with("floor");
                opts.extra.push(Program {
                    name: name.to_owned(),
                    path: path.into(),
                    env,
                    ready: if floor {
                        "Line 38"
                    } else {
                        "medtech · Education"
                    }
                    .to_owned(),
                    profile: !floor,
                });
            }
            _ => usage(),
        }
    }
    opts
}

/// Everything the program wrote, with when each read returned.
#[derive(Default)]
struct Output {
    bytes: Vec<u8>,
    /// (offset of the first byte of a read, when it was read)
    reads: Vec<(usize, Instant)>,
    eof: Option<Instant>,
}

struct Running {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<(Mutex<Output>, Condvar)>,
    pid: u32,
    spawned: Instant,
    _data: tempfile::TempDir,
}

impl Running {
    fn start(program: &Program, dir: &Path) -> Running {
        let data = tempfile::Builder::new()
            .prefix("medtech-ptybench-")
            .tempdir_in(dir)
            .expect("create a temp data dir");
        if program.profile {
            let profile = Profile {
                resume: medtech::profile::Resume {
                    screen: Screen::Education,
                    ..Default::default()
                },
                ..Profile::default()
            };
            let app_dir = data.path().join("medtech");
            std::fs::create_dir_all(&app_dir).expect("create the app dir");
            // As medtech leaves its folder after the first run (only the
            // user may read it), so the start measured is a usual one, not
            // the first one's tightening of the permissions and its note.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&app_dir, std::fs::Permissions::from_mode(0o700))
                    .expect("set the app dir's permissions");
            }
            let text = profile.to_ron().expect("encode the profile");
            std::fs::write(app_dir.join("profile.ron"), text).expect("write the profile");
        }
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        // The environment is cleared, so the program is found by its full path.
        let path = std::fs::canonicalize(&program.path).unwrap_or_else(|_| program.path.clone());
        let mut cmd = CommandBuilder::new(path);
        cmd.env_clear();
        cmd.env("XDG_DATA_HOME", data.path());
        cmd.env("HOME", data.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env("MEDTECH_TODAY", TODAY);
        for (key, value) in &program.env {
            cmd.env(key, value);
        }
        cmd.cwd(data.path());
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let output = Arc::new((Mutex::new(Output::default()), Condvar::new()));
        let sink = Arc::clone(&output);
        thread::spawn(move || {
            let mut buf = [0u8; 16384];
            loop {
                let n = reader.read(&mut buf);
                let now = Instant::now();
                let (lock, cvar) = &*sink;
                let mut out = lock.lock().expect("output lock");
                match n {
                    Ok(0) | Err(_) => {
                        out.eof = Some(now);
                        cvar.notify_all();
                        break;
                    }
                    Ok(n) => {
                        let at = out.bytes.len();
                        out.reads.push((at, now));
                        out.bytes.extend_from_slice(&buf[..n]);
                        cvar.notify_all();
                    }
                }
            }
        });
        let spawned = Instant::now();

        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("spawn {}: {e}", program.path.display()));
        drop(pair.slave);
        let pid = child.process_id().expect("a pid");
        Running {
            _master: pair.master,
            writer,
            child,
            output,
            pid,
            spawned,
            _data: data,
        }
    }

    /// Waits until `done` holds on the output, or panics.
    fn wait(&self, what: &str, mut done: impl FnMut(&Output) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        let (lock, cvar) = &*self.output;
        let mut out = lock.lock().expect("output lock");
        while !done(&out) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero() && out.eof.is_none(),
                "timed out waiting for {what}; output so far: {:?}",
                String::from_utf8_lossy(&out.bytes[out.bytes.len().saturating_sub(400)..])
            );
            out = cvar.wait_timeout(out, left).expect("output lock").0;
        }
    }

    fn len(&self) -> usize {
        self.output.0.lock().expect("output lock").bytes.len()
    }

    /// The time from spawn to the end of the first frame showing `ready`.
    fn first_frame(&self, ready: &str) -> Duration {
        let mut end = None;
        self.wait("the first frame", |out| {
            let Some(pos) = find(&out.bytes, FRAME_END, 0) else {
                return false;
            };
            end = out
                .reads
                .iter()
                .take_while(|(at, _)| *at <= pos)
                .last()
                .map(|(_, t)| *t);
            true
        });
        // Check the frame is the screen we expect, not an error.
        let screen = {
            let out = self.output.0.lock().expect("output lock");
            let size = |n| std::num::NonZeroU16::new(n).expect("not zero");
            let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
            parser.process(&out.bytes);
            parser.screen().contents()
        };
        assert!(
            screen.contains(ready),
            "the first frame lacks {ready:?}:\n{screen}"
        );
        end.expect("a read") - self.spawned
    }

    fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("write to the pty");
    }

    /// Sends a key and returns (to the first byte, to the end of the frame).
    fn key(&mut self, keys: &str) -> (Duration, Duration) {
        self.wait_idle();
        let from = self.len();
        let sent = Instant::now();
        self.send(keys);
        let mut first = None;
        let mut done = None;
        self.wait("a repaint", |out| {
            let Some(pos) = find(&out.bytes, FRAME_END, from) else {
                return false;
            };
            first = out.reads.iter().find(|(at, _)| *at >= from).map(|r| r.1);
            done = out
                .reads
                .iter()
                .take_while(|(at, _)| *at <= pos)
                .last()
                .map(|r| r.1);
            true
        });
        (first.expect("a read") - sent, done.expect("a read") - sent)
    }

    /// Waits until every thread of the program is asleep twice in a row.
    fn wait_idle(&self) {
        let deadline = Instant::now() + TIMEOUT;
        let mut quiet = 0;
        while quiet < 2 && Instant::now() < deadline {
            if all_sleeping(self.pid) {
                quiet += 1;
            } else {
                quiet = 0;
            }
            thread::sleep(Duration::from_micros(300));
        }
    }

    /// Peak resident memory in KiB.
    fn peak_kib(&self) -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid)).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    /// CPU time (ns, from every thread's `schedstat`) and minor page faults
    /// (from `stat`) so far: what the start cost the program itself, apart
    /// from the pty and the scheduler.
    fn cpu_and_faults(&self) -> (u64, u64) {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{}/task", self.pid)) else {
            return (0, 0);
        };
        let mut ns = 0;
        for task in tasks.filter_map(Result::ok) {
            let sched = std::fs::read_to_string(task.path().join("schedstat")).unwrap_or_default();
            ns += sched
                .split_whitespace()
                .next()
                .and_then(|f| f.parse::<u64>().ok())
                .unwrap_or(0);
        }
        // minflt is field 10.
        (ns, self.stat_fields(&[10])[0])
    }

    /// utime + stime in clock ticks.
    fn cpu_ticks(&self) -> u64 {
        // utime and stime are fields 14 and 15.
        self.stat_fields(&[14, 15]).iter().sum()
    }

    /// Numeric fields of `/proc/PID/stat`, numbered from 1 as `proc(5)`
    /// numbers them (0 for one that cannot be read).
    fn stat_fields(&self, numbers: &[usize]) -> Vec<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).unwrap_or_default();
        // Fields after the command name (field 2, in parentheses, which
        // may hold spaces): the first of them is field 3.
        let rest: Vec<&str> = stat
            .rsplit_once(')')
            .map_or("", |(_, r)| r)
            .split_whitespace()
            .collect();
        numbers
            .iter()
            .map(|n| {
                rest.get(n.wrapping_sub(3))
                    .and_then(|f| f.parse().ok())
                    .unwrap_or(0)
            })
            .collect()
    }

    /// Sends `q` and returns the time until the program has exited.
    fn quit(mut self) -> Duration {
        self.wait_idle();
        let sent = Instant::now();
        self.send("q");
        let mut eof = None;
        self.wait_eof(&mut eof);
        let _ = self.child.wait();
        eof.expect("eof") - sent
    }

    fn wait_eof(&self, eof: &mut Option<Instant>) {
        let deadline = Instant::now() + TIMEOUT;
        let (lock, cvar) = &*self.output;
        let mut out = lock.lock().expect("output lock");
        while out.eof.is_none() {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "the program did not exit");
            out = cvar.wait_timeout(out, left).expect("output lock").0;
        }
        *eof = out.eof;
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn all_sleeping(pid: u32) -> bool {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return true;
    };
    tasks.filter_map(Result::ok).all(|task| {
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
        let state = stat
            .rsplit_once(')')
            .and_then(|(_, r)| r.split_whitespace().next())
            .unwrap_or("S");
        state == "S"
    })
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// What one program gave over all rounds.
#[derive(Default)]
struct Figures {
    start: Vec<Duration>,
    first_byte: BTreeMap<&'static str, Vec<Duration>>,
    frame: Vec<Duration>,
    quit: Vec<Duration>,
    peak_kib: Vec<u64>,
    /// CPU time (ns) and minor faults at the first frame.
    start_cpu: Vec<u64>,
    start_faults: Vec<u64>,
    idle_ticks: Option<u64>,
}

impl Figures {
    fn all_first_bytes(&self) -> Vec<Duration> {
        self.first_byte.values().flatten().copied().collect()
    }
}

fn run_once(program: &Program, opts: &Options, figures: &mut Figures) {
    let mut running = Running::start(program, &opts.dir);
    figures.start.push(running.first_frame(&program.ready));
    let (cpu, faults) = running.cpu_and_faults();
    figures.start_cpu.push(cpu);
    figures.start_faults.push(faults);
    for _ in 0..opts.cycles {
        for (class, keys) in CYCLE {
            let (first, done) = running.key(keys);
            figures.first_byte.entry(class).or_default().push(first);
            figures.frame.push(done);
        }
    }
    figures.peak_kib.push(running.peak_kib());
    figures.quit.push(running.quit());
}

fn idle(programs: &[Program], opts: &Options, figures: &mut [Figures]) {
    let running: Vec<Running> = programs
        .iter()
        .map(|p| {
            let r = Running::start(p, &opts.dir);
            r.first_frame(&p.ready);
            r
        })
        .collect();
    thread::sleep(Duration::from_secs(1));
    let before: Vec<u64> = running.iter().map(Running::cpu_ticks).collect();
    thread::sleep(Duration::from_secs(10));
    for ((r, b), f) in running.iter().zip(before).zip(figures.iter_mut()) {
        f.idle_ticks = Some(r.cpu_ticks() - b);
    }
    for r in running {
        r.quit();
    }
}

fn quantile(values: &[Duration], q: f64) -> f64 {
    let mut ms: Vec<f64> = values.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    if ms.is_empty() {
        return f64::NAN;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "an index into a short list"
    )]
    let index = ((q * ms.len() as f64).ceil() as usize).clamp(1, ms.len()) - 1;
    ms[index]
}

fn row(label: &str, values: &[f64]) {
    let floor = values.last().copied().unwrap_or(f64::NAN);
    let mut line = format!("{label:<28}");
    for v in values {
        let _ = write!(line, "{v:>12.3}");
    }
    for v in &values[..values.len() - 1] {
        let _ = write!(line, "{:>10.2}x", v / floor);
    }
    println!("{line}");
}

fn main() {
    let opts = options();
    let mut programs = vec![Program {
        name: "medtech".to_owned(),
        path: opts.medtech.clone(),
        env: Vec::new(),
        ready: "medtech · Education".to_owned(),
        profile: true,
    }];
    programs.extend(opts.extra.iter().cloned());
    programs.push(Program {
        name: "floor".to_owned(),
        path: opts.floor.clone(),
        env: Vec::new(),
        ready: "Line 38".to_owned(),
        profile: false,
    });
    for p in &programs {
        assert!(
            p.path.exists(),
            "{} not found: cargo build --release --bin medtech --example floor",
            p.path.display()
        );
    }
    let mut figures: Vec<Figures> = programs.iter().map(|_| Figures::default()).collect();
    for _ in 0..opts.rounds {
        for (p, f) in programs.iter().zip(figures.iter_mut()) {
            run_once(p, &opts, f);
        }
    }
    if opts.idle {
        idle(&programs, &opts, &mut figures);
    }

    report(&programs, &figures, &opts);
}

/// Prints the figures, each program beside the floor (the last).
fn report(programs: &[Program], figures: &[Figures], opts: &Options) {
    let keys = opts.rounds * opts.cycles * CYCLE.len();
    println!(
        "ptybench: {COLS}x{ROWS} pty, {} rounds, {keys} keys per program, data in {}",
        opts.rounds,
        opts.dir.display()
    );
    let mut header = format!("{:<28}", "(ms unless said)");
    for p in programs {
        let _ = write!(header, "{:>12}", p.name);
    }
    for p in &programs[..programs.len() - 1] {
        let _ = write!(
            header,
            "{:>11}",
            format!("{}/floor", &p.name[..p.name.len().min(4)])
        );
    }
    println!("{header}");
    let each = |f: &dyn Fn(&Figures) -> f64| figures.iter().map(f).collect::<Vec<_>>();
    row("start, median", &each(&|f| quantile(&f.start, 0.5)));
    #[allow(clippy::cast_precision_loss, reason = "ns and faults of one start")]
    let median = |values: &[u64]| {
        let mut v = values.to_vec();
        v.sort_unstable();
        v.get(v.len() / 2).map_or(f64::NAN, |&x| x as f64)
    };
    row(
        "  its CPU time, median",
        &each(&|f| median(&f.start_cpu) / 1e6),
    );
    row(
        "  its page faults, median",
        &each(&|f| median(&f.start_faults)),
    );
    row(
        "key -> first byte, median",
        &each(&|f| quantile(&f.all_first_bytes(), 0.5)),
    );
    row(
        "key -> first byte, p95",
        &each(&|f| quantile(&f.all_first_bytes(), 0.95)),
    );
    let classes: Vec<&str> = figures[0].first_byte.keys().copied().collect();
    for class in classes {
        row(
            &format!("  {class}, median"),
            &each(&|f| quantile(&f.first_byte[class], 0.5)),
        );
        row(
            &format!("  {class}, p95"),
            &each(&|f| quantile(&f.first_byte[class], 0.95)),
        );
    }
    row(
        "key -> frame done, median",
        &each(&|f| quantile(&f.frame, 0.5)),
    );
    row("q -> exit, median", &each(&|f| quantile(&f.quit, 0.5)));
    #[allow(clippy::cast_precision_loss, reason = "KiB of a small process")]
    let peak = each(&|f| f.peak_kib.iter().copied().max().unwrap_or(0) as f64 / 1024.0);
    row("peak RSS (MiB)", &peak);
    println!(
        "{:<28}{:>12.3} MiB over the floor",
        "peak RSS, medtech - floor",
        peak[0] - peak[peak.len() - 1]
    );
    if opts.idle {
        let mut line = format!("{:<28}", "CPU ticks, 10 s idle");
        for f in figures {
            let _ = write!(line, "{:>12}", f.idle_ticks.unwrap_or(0));
        }
        println!("{line}");
    }
}
