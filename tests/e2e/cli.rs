//! The subcommands, run as the real binary: output, exit codes and what is
//! (not) left on disk. Every test has its own data folder (`XDG_DATA_HOME`
//! and `HOME` point at a temp dir) and the date is pinned.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use medtech::advisor::{self, Verdict, eligibility};
use medtech::content::{Accreditor, Area, Date, Goal, Guide, Program};
use medtech::profile::{
    Background, Education, HeldCredential, PartialDate, Profile, ProgramDone, StepRecord,
};
use serde_json::Value;

const TODAY: &str = "2026-11-25";

fn today() -> Date {
    TODAY.parse().expect("TODAY is a date")
}

fn month(text: &str) -> PartialDate {
    text.parse().expect("a month")
}

/// A data folder of its own, and the binary run against it.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Where medtech keeps the profile by default.
    fn folder(&self) -> PathBuf {
        self.root().join("medtech")
    }

    fn profile_path(&self) -> PathBuf {
        self.folder().join("profile.ron")
    }

    fn write_profile(&self, profile: &Profile) {
        self.write_bytes(profile.to_ron().expect("encode").as_bytes());
    }

    fn write_bytes(&self, bytes: &[u8]) {
        fs::create_dir_all(self.folder()).expect("data folder");
        fs::write(self.profile_path(), bytes).expect("write profile");
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_medtech"));
        cmd.args(args)
            .env_clear()
            .env("XDG_DATA_HOME", self.root())
            .env("HOME", self.root())
            .env("MEDTECH_TODAY", TODAY)
            .env("RUST_BACKTRACE", "0")
            .current_dir(self.root())
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run medtech")
    }

    /// Every file under the root, as relative paths.
    fn files(&self) -> BTreeSet<String> {
        fn walk(base: &Path, dir: &Path, out: &mut BTreeSet<String>) {
            let Ok(entries) = fs::read_dir(dir) else {
                return;
            };
            for entry in entries {
                let path = entry.expect("entry").path();
                let name = path
                    .strip_prefix(base)
                    .expect("under base")
                    .display()
                    .to_string();
                if path.is_dir() {
                    walk(base, &path, out);
                }
                out.insert(name);
            }
        }
        let mut out = BTreeSet::new();
        walk(self.root(), self.root(), &mut out);
        out
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited, not killed")
}

/// Runs and expects exit 0, giving stdout.
fn ok(home: &Home, args: &[&str]) -> String {
    let output = home.run(args);
    assert_eq!(code(&output), 0, "{args:?}: {}", stderr(&output));
    stdout(&output)
}

fn json(home: &Home, args: &[&str]) -> Value {
    let text = ok(home, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} is not JSON ({e}): {text}"))
}

/// An associate degree and a NAACLS MLT program finished in `finished`.
fn graduate(finished: &str) -> Profile {
    Profile {
        goal: Goal::Mlt,
        state: Some("FL".to_owned()),
        background: Background {
            education: Some(Education::Associate),
            programs: vec![ProgramDone {
                kind: Program::Mlt,
                accreditor: Accreditor::Naacls,
                finished: month(finished),
            }],
            ..Background::default()
        },
        ..Profile::default()
    }
}

/// A graduate with a ticked, noted step and an ASCP credential.
fn rich_profile() -> Profile {
    let mut profile = graduate("2024-05");
    profile.set_done("edu.prereqs.biology", true, today());
    let record = profile
        .steps
        .get_mut("edu.prereqs.biology")
        .expect("just ticked");
    record.date = Some(month("2020-05"));
    "Valencia <College> & \"co\"\nsecond line \u{1b}[31mred".clone_into(&mut record.note);
    // The MLT program covers the prerequisites; the user's own mark wins.
    profile
        .steps
        .insert("edu.prereqs.chemistry".to_owned(), StepRecord::default());
    profile.background.credentials.push(HeldCredential {
        name: "MLT(ASCP)".to_owned(),
        since: "2025-01-15".parse().expect("a day"),
    });
    profile
}

/// The route in a `status --json` report.
fn route<'a>(report: &'a Value, credential: &str, name: &str) -> &'a Value {
    report["routes"]
        .as_array()
        .expect("routes is a list")
        .iter()
        .find(|r| r["credential"] == credential && r["route"] == name)
        .unwrap_or_else(|| panic!("no {credential} {name} in {report:#}"))
}

#[test]
fn status_shows_route_1_met_for_a_recent_graduate() {
    let home = Home::new();
    home.write_profile(&graduate("2024-05"));
    let text = ok(&home, &["status"]);
    assert!(text.contains("MLT(ASCP) Route 1: met"), "{text}");
    assert!(text.contains("counts until 2029-05-31"), "{text}");
    for heading in ["Overall", "Education", "Certification", "Licensing"] {
        assert!(text.contains(heading), "{heading} missing: {text}");
    }
    assert!(text.contains("Next step: "), "{text}");
    assert!(text.contains("Why: "), "{text}");
    assert!(text.contains("Finish: "), "{text}");
    assert!(text.contains("License (Florida): "), "{text}");

    let report = json(&home, &["status", "--json"]);
    assert_eq!(report["version"], 1);
    let r1 = route(&report, "MLT(ASCP)", "Route 1");
    assert_eq!(r1["status"], "met", "{r1:#}");
    assert_eq!(r1["closes"], "2029-05-31");
    assert!(!r1["reasons"].as_array().expect("reasons").is_empty());
    for area in ["overall", "education", "certification", "licensing"] {
        let p = &report["progress"][area];
        assert!(
            p["percent"].as_u64().is_some_and(|n| n <= 100),
            "{area}: {p}"
        );
        assert!(p["done"].as_u64() <= p["total"].as_u64(), "{area}: {p}");
    }
    let next = &report["next_step"];
    for field in ["id", "title", "why"] {
        assert!(
            next[field].as_str().is_some_and(|s| !s.is_empty()),
            "{next}"
        );
    }
    let finish = report["finish_date"].as_str().expect("a finish date");
    assert!(finish.parse::<Date>().is_ok(), "{finish}");
    assert_eq!(report["license"]["state"], "Florida");
    assert_eq!(report["profile"]["exists"], true);
}

#[test]
fn a_program_finished_too_long_ago_is_not_met_and_says_the_window_closed() {
    let home = Home::new();
    home.write_profile(&graduate("2020-06"));
    let report = json(&home, &["status", "--json"]);
    let r1 = route(&report, "MLT(ASCP)", "Route 1");
    assert_eq!(r1["status"], "not_met", "{r1:#}");
    let reasons: Vec<&str> = r1["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(reasons.iter().any(|r| r.contains("window")), "{reasons:?}");
    assert_eq!(r1["closes"], Value::Null);
}

#[test]
fn an_empty_background_leaves_routes_unknown_never_not_met() {
    let home = Home::new();
    home.write_profile(&Profile::default());
    let report = json(&home, &["status", "--json"]);
    let routes = report["routes"].as_array().expect("routes");
    assert!(!routes.is_empty());
    for r in routes {
        assert!(r["status"] == "unknown" || r["status"] == "closed", "{r:#}");
    }
    assert_eq!(route(&report, "MLT(ASCP)", "Route 1")["status"], "unknown");
    let text = ok(&home, &["status"]);
    assert!(!text.contains("not met"), "{text}");
}

#[test]
fn status_without_a_profile_reports_a_new_one_and_creates_nothing() {
    let home = Home::new();
    let text = ok(&home, &["status"]);
    assert!(text.starts_with("No profile yet at "), "{text}");
    assert!(text.contains("Run `medtech` to start"), "{text}");
    let report = json(&home, &["status", "--json"]);
    assert_eq!(report["profile"]["exists"], false);
    assert_eq!(report["progress"]["overall"]["done"], 0);
    assert!(home.files().is_empty(), "{:?}", home.files());
}

#[test]
fn a_damaged_profile_fails_with_one_line_and_is_left_byte_identical() {
    let home = Home::new();
    let damaged = b"Profile(version: 2, goal: Mlt, oops \x1b[2J";
    home.write_bytes(damaged);
    let before = home.files();
    for args in [
        &["status"][..],
        &["status", "--json"],
        &["next"],
        &["export", "--format", "json"],
    ] {
        let output = home.run(args);
        assert_eq!(code(&output), 1, "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}: {}", stdout(&output));
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
        assert!(err.starts_with("medtech: "), "{err}");
        assert!(err.contains("damaged at line 1"), "{err}");
        // The joined parts read as sentences.
        assert!(err.contains(". Nothing was changed on disk."), "{err}");
        assert!(!err.contains('\u{1b}'), "{err:?}");
        assert!(
            !err.contains("Backtrace") && !err.contains("Location"),
            "{err}"
        );
        assert_eq!(fs::read(home.profile_path()).expect("still there"), damaged);
        assert_eq!(home.files(), before, "nothing created or moved");
    }
}

#[test]
fn a_path_with_control_characters_is_printed_harmless() {
    let home = Home::new();
    let folder = home.root().join("evil\u{1b}]0;x\u{7}");
    fs::create_dir(&folder).expect("folder");
    let file = folder.join("profile.ron");
    fs::write(&file, "garbage").expect("write");
    let output = home.run(&["status", "--profile", file.to_str().expect("UTF-8")]);
    assert_eq!(code(&output), 1);
    let err = stderr(&output);
    assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
    assert!(err.contains("evil\u{FFFD}]0;x\u{FFFD}"), "{err}");
}

/// Ticks steps in path order until the next one is `id`.
fn up_to(mut profile: Profile, id: &str) -> Profile {
    let guide = Guide::embedded().expect("guide");
    loop {
        let (_, step) = advisor::upcoming(&guide, &profile)
            .next()
            .expect("a next step");
        if step.id == id {
            return profile;
        }
        let step_id = step.id.clone();
        profile.set_done(&step_id, true, today());
    }
}

#[test]
fn next_says_why_and_what_finishing_it_opens() {
    let home = Home::new();
    let mut profile = Profile::default();
    profile.background.education = Some(Education::Associate);
    // New York takes MLT(ASCP), not MLT(AMT): the plan is MLT(ASCP) Route 1,
    // which needs the accredited program.
    profile.state = Some("NY".to_owned());
    home.write_profile(&up_to(profile, "edu.accredited"));
    let text = ok(&home, &["next"]);
    assert!(text.starts_with("Next step: "), "{text}");
    assert!(text.contains("Why: "), "{text}");
    assert!(text.contains("Opens:"), "{text}");
    assert!(text.contains("MLT(ASCP) Route 1"), "{text}");
    let next = json(&home, &["next", "--json"]);
    assert_eq!(next["version"], 1);
    assert_eq!(next["next_step"]["id"], "edu.accredited");
    let unlocks = next["unlocks"].as_array().expect("unlocks");
    assert!(
        unlocks.iter().any(|u| u["route"] == "MLT(ASCP) Route 1"),
        "{next:#}"
    );
    assert!(next["assumption"].as_str().is_some(), "{next:#}");
}

#[test]
fn next_on_a_new_profile_is_the_first_step() {
    let home = Home::new();
    let next = json(&home, &["next", "--json"]);
    assert_eq!(next["next_step"]["id"], "edu.career");
    assert_eq!(next["unlocks"], Value::Array(Vec::new()));
}

#[test]
fn path_lists_every_file_and_creates_none() {
    let home = Home::new();
    home.write_profile(&Profile::default());
    let before = home.files();
    let text = ok(&home, &["path"]);
    let folder = fs::canonicalize(home.folder()).expect("folder");
    let line = |what: &str, state: &str, name: &str| {
        format!("{what:<8} {state:<8} {}", folder.join(name).display())
    };
    let expected = [
        line("profile", "exists", "profile.ron"),
        line("backup", "missing", "profile.ron.bak"),
        line("backup", "missing", "profile.ron.bak.1"),
        line("backup", "missing", "profile.ron.bak.2"),
        line("draft", "missing", "profile.ron.draft"),
        line("lock", "missing", "profile.lock"),
        format!(
            "{:<8} {:<8} {}",
            "config",
            "missing",
            home.root().join(".config/medtech/config.ron").display()
        ),
    ];
    assert_eq!(text.lines().collect::<Vec<_>>(), expected, "{text}");
    assert_eq!(home.files(), before);
}

#[test]
fn export_markdown_has_ticks_notes_and_sources() {
    let home = Home::new();
    home.write_profile(&rich_profile());
    let md = ok(&home, &["export", "--format", "markdown"]);
    assert!(md.starts_with("# My path to MLT"), "{md}");
    assert!(md.contains("- [x] **Biology** (done 2020-05)"), "{md}");
    assert!(
        md.contains("- [+] **Take the college science prerequisites**"),
        "{md}"
    );
    assert!(
        md.contains("Note: Valencia \\<College\\> \\& \"co\""),
        "{md}"
    );
    assert!(md.contains("second line \u{FFFD}\\[31mred"), "{md}");
    assert!(!md.contains('\u{1b}'));
    assert!(md.contains("](<https://"), "{md}");
    assert!(md.contains(", verified 20"), "{md}");
    assert!(md.contains("**MLT(ASCP) Route 1**: met"), "{md}");
    // Every area, with sub-steps indented under their step.
    for area in ["## Education", "## Certification", "## Licensing"] {
        assert!(md.contains(area), "{area}");
    }
    assert!(md.contains("\n  - [x] **Biology**"), "{md}");
}

#[test]
fn export_json_has_the_version_every_area_and_the_record() {
    let home = Home::new();
    home.write_profile(&rich_profile());
    let plan = json(&home, &["export", "--format", "json"]);
    assert_eq!(plan["version"], 1);
    assert_eq!(route(&plan, "MLT(ASCP)", "Route 1")["status"], "met");
    let areas = plan["areas"].as_array().expect("areas");
    let names: Vec<&str> = areas.iter().filter_map(|a| a["area"].as_str()).collect();
    assert_eq!(names, ["education", "certification", "licensing"]);
    let guide = Guide::embedded().expect("guide");
    let profile = rich_profile();
    for (area, value) in Area::ALL.into_iter().zip(areas) {
        let ids: Vec<&str> = value["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .filter_map(|s| s["id"].as_str())
            .collect();
        let expected: Vec<&str> = guide
            .steps(area, profile.goal, profile.state.as_deref())
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, expected, "{area:?}");
    }
    let prereqs = areas[0]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["id"] == "edu.prereqs")
        .expect("prereqs");
    assert_eq!(prereqs["status"], "partly");
    let biology = prereqs["substeps"]
        .as_array()
        .expect("substeps")
        .iter()
        .find(|s| s["id"] == "edu.prereqs.biology")
        .expect("biology");
    assert_eq!(biology["status"], "done");
    assert_eq!(biology["symbol"], "[x]");
    assert_eq!(biology["date"], "2020-05");
    assert_eq!(biology["note"][0], "Valencia <College> & \"co\"");
    assert_eq!(biology["note"][1], "second line \u{FFFD}[31mred");
    let source = &biology["sources"][0];
    for field in ["title", "publisher", "url", "verified", "tier"] {
        assert!(source[field].as_str().is_some(), "{field}: {source}");
    }
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A step's title and those of its sub-steps, in order.
fn titles<'g>(step: &'g medtech::content::Step, out: &mut Vec<&'g str>) {
    out.push(&step.title);
    for sub in &step.substeps {
        titles(sub, out);
    }
}

#[test]
fn export_html_is_one_escaped_page_without_scripts_or_requests() {
    let home = Home::new();
    let profile = rich_profile();
    home.write_profile(&profile);
    let html = ok(&home, &["export", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.trim_end().ends_with("</html>"));
    let lower = html.to_ascii_lowercase();
    for banned in [
        "<script", "<link", " src=", "@import", "url(", "<iframe", "<img",
    ] {
        assert!(!lower.contains(banned), "{banned} in the page");
    }
    assert!(html.contains("@media print"));
    assert!(
        html.contains("class=\"fill\" style=\"width: "),
        "progress bars"
    );
    assert!(
        html.contains("Valencia &lt;College&gt; &amp; &quot;co&quot;"),
        "{html}"
    );
    assert!(!html.contains("<College>"));
    assert!(!html.contains('\u{1b}'));
    assert!(html.contains("MLT(ASCP) Route 1</strong>: met"), "{html}");
    let guide = Guide::embedded().expect("guide");
    let mut all = Vec::new();
    for area in Area::ALL {
        for step in guide.steps(area, profile.goal, profile.state.as_deref()) {
            titles(step, &mut all);
        }
    }
    assert!(all.iter().any(|t| t.contains('\'')), "a title to escape");
    for title in all {
        let shown = format!("<span class=\"title\">{}</span>", html_escape(title));
        assert!(html.contains(&shown), "{shown}");
    }
}

/// The dates the calendar should hold for [`rich_profile`].
fn expected_events(profile: &Profile) -> usize {
    let guide = Guide::embedded().expect("guide");
    let windows = eligibility::for_goal(&guide, profile, today())
        .iter()
        .filter(|r| r.verdict == Verdict::Met && r.closes.is_some())
        .count();
    // One ASCP credential: its CMP cycle.
    windows + 1
}

#[test]
fn export_ics_is_folded_crlf_with_one_event_per_date() {
    let home = Home::new();
    let profile = rich_profile();
    home.write_profile(&profile);
    let ics = ok(&home, &["export", "--format", "ics"]);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    assert!(!ics.replace("\r\n", "").contains('\r'), "a bare CR");
    for line in ics.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    let events = unfolded.matches("BEGIN:VEVENT").count();
    assert_eq!(events, expected_events(&profile), "{unfolded}");
    assert_eq!(unfolded.matches("END:VEVENT").count(), events);
    // Two reminders for the CMP cycle's end, one for every other date.
    let alarms = unfolded.matches("BEGIN:VALARM").count();
    assert_eq!(alarms, events + 1, "{unfolded}");
    for field in ["UID:", "DTSTAMP:", "SUMMARY:", "DESCRIPTION:"] {
        assert_eq!(
            unfolded.matches(&format!("\r\n{field}")).count(),
            events + if field == "DESCRIPTION:" { alarms } else { 0 },
            "{field} in every event (and every alarm)"
        );
    }
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:20290531\r\n"),
        "{unfolded}"
    );
    assert!(
        unfolded.contains("SUMMARY:Last day for MLT(ASCP) Route 1\r\n"),
        "{unfolded}"
    );
    // The CMP cycle ends the day before three years from 2025-01-15, repeating.
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:20280114\r\n"),
        "{unfolded}"
    );
    assert!(unfolded.contains("RRULE:FREQ=YEARLY;INTERVAL=3\r\n"));
}

#[test]
fn export_ics_parses_as_a_calendar_with_one_event_per_date() {
    let home = Home::new();
    let profile = rich_profile();
    home.write_profile(&profile);
    let ics = ok(&home, &["export", "--format", "ics"]);
    let mut calendars = ical::IcalParser::new(ics.as_bytes());
    let calendar = calendars
        .next()
        .expect("one calendar")
        .unwrap_or_else(|e| panic!("does not parse ({e}): {ics}"));
    assert!(calendars.next().is_none(), "a second calendar");
    let value = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_else(|| panic!("no {name} in {props:?}"))
    };
    assert_eq!(value(&calendar.properties, "VERSION"), "2.0");
    assert_eq!(calendar.events.len(), expected_events(&profile), "{ics}");
    let mut uids = BTreeSet::new();
    for event in &calendar.events {
        assert!(
            uids.insert(value(&event.properties, "UID")),
            "a repeated UID"
        );
        value(&event.properties, "DTSTAMP");
        assert!(!value(&event.properties, "SUMMARY").is_empty());
        let start = value(&event.properties, "DTSTART");
        assert!(
            start.len() == 8 && start.bytes().all(|b| b.is_ascii_digit()),
            "{start}"
        );
        // A cycle's end warns 90 and 30 days before, as the app does; the
        // other dates two weeks before.
        let triggers: Vec<String> = event
            .alarms
            .iter()
            .map(|a| value(&a.properties, "TRIGGER"))
            .collect();
        let uid = value(&event.properties, "UID");
        if uid.starts_with("cycle-") {
            assert_eq!(triggers, ["-P90D", "-P30D"], "{uid}");
        } else {
            assert_eq!(triggers, ["-P14D"], "{uid}");
        }
    }
    assert!(
        calendar
            .events
            .iter()
            .any(|e| value(&e.properties, "UID").starts_with("cycle-")),
        "a cycle's end: {ics}"
    );
    let summaries: Vec<String> = calendar
        .events
        .iter()
        .map(|e| value(&e.properties, "SUMMARY"))
        .collect();
    assert!(
        summaries.contains(&"Last day for MLT(ASCP) Route 1".to_owned()),
        "{summaries:?}"
    );
}

#[test]
fn export_to_a_file_never_overwrites_without_force() {
    let home = Home::new();
    home.write_profile(&rich_profile());
    let out = home.root().join("plan.md");
    let target = out.to_str().expect("UTF-8");
    let first = home.run(&["export", "--format", "markdown", "-o", target]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    assert!(first.stdout.is_empty());
    assert!(stderr(&first).contains("wrote the Markdown plan to"));
    let written = fs::read(&out).expect("written");
    assert!(String::from_utf8_lossy(&written).starts_with("# My path to MLT"));

    let second = home.run(&["export", "--format", "json", "-o", target]);
    assert_eq!(code(&second), 1);
    let err = stderr(&second);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read(&out).expect("kept"), written, "left untouched");

    let forced = home.run(&["export", "--format", "json", "-o", target, "--force"]);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    let replaced: Value =
        serde_json::from_slice(&fs::read(&out).expect("replaced")).expect("JSON now");
    assert_eq!(replaced["version"], 1);
    let leftovers: Vec<_> = home
        .files()
        .into_iter()
        .filter(|f| f.contains(".medtech-export."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn reset_with_yes_keeps_the_profile_aside_and_says_where() {
    let home = Home::new();
    home.write_profile(&rich_profile());
    let original = fs::read(home.profile_path()).expect("profile");
    fs::write(home.folder().join("profile.ron.bak"), &original).expect("backup");
    let output = home.run(&["reset", "--yes"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        !home.profile_path().exists(),
        "the profile is gone from its place"
    );
    let kept: Vec<PathBuf> = fs::read_dir(home.folder())
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("profile.ron.reset-"))
        })
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", home.files());
    assert_eq!(fs::read(&kept[0]).expect("kept"), original, "byte for byte");
    let name = kept[0]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(text.contains(&name), "says where: {text}");
    // The backup moved too, so the next launch starts fresh.
    assert!(!home.folder().join("profile.ron.bak").exists());
    assert!(text.contains("backups were set aside"), "{text}");
    // And the next status is a new profile's.
    assert!(ok(&home, &["status"]).starts_with("No profile yet"));
}

#[test]
fn reset_without_a_terminal_or_yes_refuses_and_changes_nothing() {
    let home = Home::new();
    home.write_profile(&Profile::default());
    let before = home.files();
    let output = home.run(&["reset"]);
    assert_eq!(code(&output), 1);
    let err = stderr(&output);
    assert!(
        err.contains("--yes") && err.contains("no terminal"),
        "{err}"
    );
    assert_eq!(home.files(), before);
}

#[test]
fn reset_refuses_while_another_medtech_holds_the_lock() {
    let home = Home::new();
    home.write_profile(&Profile::default());
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(home.folder().join("profile.lock"))
        .expect("lock file");
    lock.try_lock().expect("take the lock");
    let output = home.run(&["reset", "--yes"]);
    assert_eq!(code(&output), 1);
    let err = stderr(&output);
    assert!(err.contains("another medtech"), "{err}");
    assert!(home.profile_path().exists(), "not moved");
    drop(lock);
}

#[test]
fn a_bad_flag_is_a_usage_error() {
    let home = Home::new();
    for args in [
        &["status", "--bogus"][..],
        &["--bogus"],
        &["export"],
        &["export", "--format", "pdf"],
        &["completions", "cmd"],
    ] {
        let output = home.run(args);
        assert_eq!(code(&output), 2, "{args:?}: {}", stderr(&output));
    }
    assert!(home.files().is_empty());
}

#[test]
fn the_tui_without_a_terminal_exits_before_touching_anything() {
    let home = Home::new();
    home.write_profile(&Profile::default());
    let before = home.files();
    let output = home.run(&[]);
    assert_eq!(code(&output), 1);
    assert_eq!(
        stderr(&output).trim_end(),
        "medtech needs a terminal; try `medtech status`"
    );
    assert_eq!(home.files(), before, "no lock file, nothing moved");
    assert!(!home.folder().join("profile.lock").exists());
}

#[test]
fn completions_and_the_man_page_come_from_the_command_line_definition() {
    let home = Home::new();
    let bash = ok(&home, &["completions", "bash"]);
    assert!(bash.contains("_medtech()"), "{bash}");
    assert!(bash.contains("complete -F"), "{bash}");
    for command in ["status", "next", "export", "path", "reset"] {
        assert!(bash.contains(command), "{command}");
    }
    let man = ok(&home, &["man"]);
    assert!(man.contains(".TH medtech"), "{man}");
    assert!(man.contains(".SH NAME"), "{man}");
    assert!(man.contains("status"), "{man}");
    assert!(home.files().is_empty());
}

#[test]
fn the_profile_flag_and_variable_choose_the_file() {
    let home = Home::new();
    let elsewhere = home.root().join("other.ron");
    fs::write(&elsewhere, graduate("2024-05").to_ron().expect("encode")).expect("write");
    let flag = json(
        &home,
        &[
            "status",
            "--json",
            "--profile",
            elsewhere.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(flag["profile"]["exists"], true);
    assert!(
        flag["profile"]["path"]
            .as_str()
            .expect("path")
            .ends_with("other.ron")
    );
    let output = home
        .command(&["status", "--json"])
        .env("MEDTECH_PROFILE", &elsewhere)
        .output()
        .expect("run");
    let by_env: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(by_env["profile"]["exists"], true);
    assert_eq!(route(&by_env, "MLT(ASCP)", "Route 1")["status"], "met");
}

#[test]
fn a_hostile_state_code_is_printed_harmless() {
    let home = Home::new();
    let profile = Profile {
        state: Some("F\u{1b}[2JL".to_owned()),
        ..Profile::default()
    };
    home.write_profile(&profile);
    for args in [
        &["status"][..],
        &["status", "--json"],
        &["export", "--format", "markdown"],
    ] {
        let text = ok(&home, args);
        assert!(!text.contains('\u{1b}'), "{args:?}: {text:?}");
    }
}

/// An OSC 52 clipboard write, a screen clear and a line break: what a
/// hand-edited or synced profile could hold.
const HOSTILE: &str = "Biology\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\nNext step: fake\u{9b}1m";

/// A bachelor's in a field holding [`HOSTILE`], a recent MLS program (a
/// route with a window, so the calendar has its reasons), an ASCP
/// credential, and the same text as a note.
fn hostile_profile() -> Profile {
    let mut profile = graduate("2024-05");
    profile.goal = Goal::Mls;
    profile.background.education = Some(Education::Bachelor);
    profile.background.field = Some(HOSTILE.to_owned());
    profile.background.programs[0].kind = Program::Mls;
    profile.set_done("edu.prereqs.biology", true, today());
    HOSTILE.clone_into(
        &mut profile
            .steps
            .get_mut("edu.prereqs.biology")
            .expect("just ticked")
            .note,
    );
    profile.background.credentials.push(HeldCredential {
        name: "MLS(ASCP)".to_owned(),
        since: "2025-01-15".parse().expect("a day"),
    });
    profile
}

/// Every string in a JSON value.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn control_characters_in_a_profile_leave_through_no_output() {
    let home = Home::new();
    home.write_profile(&hostile_profile());
    // The field, made harmless and kept on one line.
    let field = "Biology\u{FFFD}]52;c;aGk=\u{FFFD}\u{FFFD}[2J Next step: fake\u{FFFD}1m";
    for args in [
        &["status"][..],
        &["status", "--json"],
        &["next"],
        &["next", "--json"],
        &["export", "--format", "markdown"],
        &["export", "--format", "html"],
        &["export", "--format", "json"],
        &["export", "--format", "ics"],
    ] {
        let text = ok(&home, args);
        let allowed = |c: char| c == '\n' || (c == '\r' && args.contains(&"ics"));
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| c.is_control() && !allowed(c))
            .collect();
        assert!(bad.is_empty(), "{args:?} wrote {bad:?}: {text}");
        // Only a note keeps its lines (the exports show them).
        if args[0] != "export" {
            let spoofed = text
                .lines()
                .filter(|l| l.trim_start().starts_with("Next step: fake"))
                .count();
            assert_eq!(spoofed, 0, "{args:?} let the field start a line: {text}");
        }
        if args.contains(&"--json") || args.contains(&"json") {
            let mut all = Vec::new();
            strings(&serde_json::from_str(&text).expect("JSON"), &mut all);
            let broken: Vec<&String> = all.iter().filter(|s| s.contains('\n')).collect();
            assert!(broken.is_empty(), "{args:?}: a line break in {broken:?}");
        }
    }
    // Not vacuous: the field is there, harmless, where each format shows it.
    assert!(ok(&home, &["status"]).contains(field));
    assert!(ok(&home, &["export", "--format", "json"]).contains(field));
    assert!(ok(&home, &["export", "--format", "ics"]).contains("BEGIN:VEVENT"));
    // A note keeps its lines, harmless.
    let html = ok(&home, &["export", "--format", "html"]);
    assert!(
        html.contains("Note: Biology\u{FFFD}]52;c;aGk=\u{FFFD}\u{FFFD}[2J\nNext step: fake"),
        "{html}"
    );
}

#[test]
fn markdown_shows_a_note_as_written() {
    let home = Home::new();
    let mut profile = graduate("2024-05");
    profile.set_done("edu.prereqs.biology", true, today());
    "~~x~~ at Valencia\n- a\n1. b\n+ c\n\nlast".clone_into(
        &mut profile
            .steps
            .get_mut("edu.prereqs.biology")
            .expect("just ticked")
            .note,
    );
    home.write_profile(&profile);
    let markdown = ok(&home, &["export", "--format", "markdown"]);
    // Strikethrough and list markers escaped; each line ends in a hard
    // break (`\`), so the lines stay lines.
    let note = [
        "- Note: \\~\\~x\\~\\~ at Valencia\\",
        "  \\- a\\",
        "  1\\. b\\",
        "  \\+ c\\",
        "  \\",
        "  last",
    ];
    let lines: Vec<&str> = markdown.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim_start().starts_with("- Note:"))
        .unwrap_or_else(|| panic!("no note in {markdown}"));
    let indent = lines[start].len() - note[0].len();
    for (i, expected) in note.iter().enumerate() {
        assert_eq!(&lines[start + i][indent..], *expected, "{markdown}");
    }
}

#[test]
fn an_empty_calendar_is_refused_and_nothing_is_written() {
    let home = Home::new();
    let output = home.run(&["export", "--format", "ics"]);
    assert_eq!(code(&output), 1, "{}", stdout(&output));
    assert!(output.stdout.is_empty(), "{}", stdout(&output));
    assert!(stderr(&output).contains("no dates"), "{}", stderr(&output));
    let target = home.root().join("plan.ics");
    let output = home.run(&[
        "export",
        "--format",
        "ics",
        "-o",
        target.to_str().expect("UTF-8"),
    ]);
    assert_eq!(code(&output), 1);
    assert!(!target.exists());
}

#[test]
fn status_json_has_null_not_a_placeholder_for_a_credential_not_chosen() {
    let home = Home::new();
    home.write_profile(&Profile {
        state: Some("FL".to_owned()),
        ..Profile::default()
    });
    let report = json(&home, &["status", "--json"]);
    assert_eq!(report["license"]["state"], "Florida", "{report:#}");
    assert!(report["license"]["credential"].is_null(), "{report:#}");
    assert!(!report.to_string().contains("your credential"));
}

/// The temp files an export left in `home`.
fn temp_files(home: &Home) -> Vec<String> {
    home.files()
        .into_iter()
        .filter(|f| f.contains(".medtech-export."))
        .collect()
}

#[cfg(unix)]
#[test]
fn export_force_replaces_only_regular_files() {
    use std::os::unix::fs::FileTypeExt;
    let home = Home::new();
    home.write_profile(&rich_profile());
    let kept = home.root().join("kept.txt");
    fs::write(&kept, "mine").expect("write");
    let link = home.root().join("link.md");
    std::os::unix::fs::symlink(&kept, &link).expect("symlink");
    let fifo = home.root().join("fifo.md");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let mut targets = vec![link.clone(), fifo.clone()];
    // A device node of its own (like /dev/null), where mknod is allowed (root).
    let device = home.root().join("null.md");
    let mknod = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status();
    if mknod.is_ok_and(|s| s.success()) {
        targets.push(device.clone());
    }
    for target in &targets {
        for force in [true, false] {
            let mut args = vec!["export", "--format", "markdown", "-o"];
            args.push(target.to_str().expect("UTF-8"));
            if force {
                args.push("--force");
            }
            let output = home.run(&args);
            assert_eq!(code(&output), 1, "{target:?} {args:?}");
            let err = stderr(&output);
            assert!(err.contains("only regular files"), "{err}");
        }
    }
    let link_meta = fs::symlink_metadata(&link).expect("link is there");
    assert!(link_meta.file_type().is_symlink(), "the link was replaced");
    assert_eq!(fs::read_to_string(&kept).expect("kept"), "mine");
    let fifo_meta = fs::symlink_metadata(&fifo).expect("fifo is there");
    assert!(fifo_meta.file_type().is_fifo(), "the FIFO was replaced");
    if let Ok(meta) = fs::symlink_metadata(&device) {
        assert!(meta.file_type().is_char_device(), "the device was replaced");
    }
    assert!(temp_files(&home).is_empty());
}

#[test]
fn export_to_a_dash_writes_standard_output() {
    let home = Home::new();
    home.write_profile(&rich_profile());
    let plan = ok(&home, &["export", "--format", "markdown", "-o", "-"]);
    assert!(plan.starts_with("# My path to MLT"), "{plan}");
    assert!(!home.root().join("-").exists(), "a file named -");
}

#[cfg(unix)]
#[test]
fn a_failed_export_names_no_temp_file_and_leaves_none() {
    let home = Home::new();
    home.write_profile(&rich_profile());
    let target = home.root().join("plan.html");
    // A file size limit far under the page: the write fails part way.
    let output = Command::new("/bin/sh")
        .args(["-c", "ulimit -f 8 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_medtech"))
        .args(["export", "--format", "html", "-o"])
        .arg(&target)
        .env_clear()
        .env("XDG_DATA_HOME", home.root())
        .env("HOME", home.root())
        .env("MEDTECH_TODAY", TODAY)
        .current_dir(home.root())
        .stdin(Stdio::null())
        .output()
        .expect("run medtech");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let err = stderr(&output);
    assert!(
        err.contains("cannot write") && err.contains("plan.html"),
        "{err}"
    );
    assert!(!err.contains(".medtech-export"), "{err}");
    assert!(!target.exists());
    assert!(temp_files(&home).is_empty(), "{:?}", temp_files(&home));
}
