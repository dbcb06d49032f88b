//! `medtech ce add|list|remove` as the real binary (issue 23): what is
//! logged, what `status --json` counts, bad input refused with the file
//! untouched, and a version 2 profile migrated with its byte-for-byte copy.

use std::path::PathBuf;
use std::process::Output;

use crate::shared::DataDir;

use serde_json::Value;

/// MLT(ASCP) since March 2024, a California MLT license since June 2024.
const WALKER: &str = r#"Profile(version: 3, goal: Mlt, state: Some("CA"), steps: {"ca.mlt-apply": (status: Done, date: Some("2024-06"))}, background: (credentials: [(name: "MLT(ASCP)", since: "2024-03")]))"#;

/// A profile given with `--profile` in a folder of its own (also the data
/// folder), today pinned to the day of issue 23's walk.
struct Run {
    data: DataDir,
}

impl Run {
    fn with(profile: &[u8]) -> Run {
        let data = DataDir::new();
        std::fs::write(data.root().join("profile.ron"), profile).expect("write profile");
        Run { data }
    }

    fn path(&self) -> PathBuf {
        self.data.root().join("profile.ron")
    }

    fn run(&self, args: &[&str]) -> Output {
        let path = self.path();
        let path = path.to_str().expect("a UTF-8 temp path");
        let args: Vec<&str> = ["--profile", path]
            .into_iter()
            .chain(args.iter().copied())
            .collect();
        self.data.run_on("2026-12-08", &args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("json")
    }

    /// Fails with `code`, says `words` on stderr, and leaves the file as it was.
    fn refused(&self, args: &[&str], code: i32, words: &str) {
        let before = std::fs::read(self.path()).expect("profile");
        let out = self.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
        assert_eq!(
            std::fs::read(self.path()).expect("profile"),
            before,
            "{args:?}"
        );
    }
}

fn ids(list: &Value) -> Vec<u64> {
    list["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .map(|a| a["id"].as_u64().expect("id"))
        .collect()
}

#[test]
fn activities_are_added_listed_with_ids_counted_per_cycle_and_removed() {
    let run = Run::with(WALKER.as_bytes());
    let said = run.ok(&[
        "ce",
        "add",
        "--date",
        "2026-10-02",
        "--hours",
        "1.5",
        "--title",
        "Lab safety update",
        "--provider",
        "ASCP",
        "--category",
        "safety",
        "--for",
        "MLT(ASCP)",
        "--for",
        "California MLT license",
    ]);
    assert!(said.contains("Logged #1"), "{said}");
    run.ok(&[
        "ce",
        "add",
        "--date",
        "2025-04-10",
        "--hours",
        "10",
        "--title",
        "Hematology webinar",
        "--for",
        "mlt ascp",
    ]);
    run.ok(&[
        "ce",
        "add",
        "--date",
        "2026-07-01",
        "--hours",
        "6",
        "--title",
        "Blood bank review",
        "--for",
        "CA",
    ]);

    let list = run.json(&["ce", "list", "--json"]);
    assert_eq!(ids(&list), [2, 3, 1], "in date order, each with its id");
    let listed = run.ok(&["ce", "list"]);
    assert!(
        listed.contains("#1") && listed.contains("Lab safety update"),
        "{listed}"
    );
    assert_eq!(list["activities"][2]["amount"], 1.5);
    assert_eq!(list["activities"][2]["for"][1], "California MLT license");

    check_both_cycles(&run.json(&["status", "--json"]));
    let said = run.ok(&["ce", "remove", "2"]);
    assert!(said.contains("Removed #2"), "{said}");
    assert_eq!(ids(&run.json(&["ce", "list", "--json"])), [3, 1]);
    // A new activity never takes an id still in use.
    run.ok(&[
        "ce",
        "add",
        "--date",
        "2026-11-01",
        "--hours",
        "1",
        "--title",
        "Ethics",
    ]);
    assert_eq!(ids(&run.json(&["ce", "list", "--json"])), [3, 1, 4]);
    let text = std::fs::read_to_string(run.path()).expect("profile");
    assert_eq!(
        text.matches("event: Ce").count(),
        5,
        "each change is in the history: {text}"
    );
    let listed = run.ok(&["ce", "list"]);
    assert!(
        listed.contains("#1") && listed.contains("Lab safety update"),
        "{listed}"
    );
}

#[test]
fn bad_input_is_refused_with_a_reason_and_nothing_changes() {
    let run = Run::with(WALKER.as_bytes());
    let add = |extra: &[&str]| {
        let mut args = vec!["ce", "add", "--title", "Course"];
        args.extend_from_slice(extra);
        args.iter()
            .map(|s| (*s).to_owned())
            .collect::<Vec<String>>()
    };
    let refuse = |extra: &[&str], code, words| {
        let args = add(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run.refused(&args, code, words);
    };
    refuse(
        &["--date", "2026-02-30", "--hours", "1"],
        2,
        "is not a date: write YYYY-MM-DD",
    );
    refuse(&["--date", "2027-01-01", "--hours", "1"], 2, "after today");
    refuse(
        &["--date", "2026-10-01", "--hours", "0"],
        2,
        "more than 0 hours",
    );
    refuse(&["--date", "2026-10-01", "--hours", "1.25"], 2, "tenths");
    refuse(
        &["--date", "2026-10-01", "--hours", "-1"],
        2,
        "needs more than 0 hours",
    );
    refuse(
        &["--date", "2026-10-01", "--semester-hours", "-3"],
        2,
        "needs more than 0 hours",
    );
    refuse(
        &["--date", "2026-10-01", "--hours", "lots"],
        2,
        "is not an amount",
    );
    refuse(&["--date", "2026-10-01"], 2, "--hours");
    run.refused(
        &[
            "ce",
            "add",
            "--date",
            "2026-10-01",
            "--hours",
            "1",
            "--title",
            "  ",
        ],
        2,
        "--title is empty",
    );
    run.refused(&["ce", "remove", "9"], 1, "no activity #9");
}

#[test]
fn a_version_2_profile_is_kept_byte_for_byte_and_becomes_version_3_on_the_first_ce_add() {
    let original = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/profiles/v2.ron"
    ))
    .expect("fixture");
    let run = Run::with(&original);
    // Listing only looks: nothing is written.
    run.ok(&["ce", "list"]);
    assert!(!run.data.root().join("profile.ron.v2.bak").exists());
    run.ok(&[
        "ce",
        "add",
        "--date",
        "2026-09-01",
        "--semester-hours",
        "3",
        "--title",
        "Immunology",
    ]);
    let kept = std::fs::read(run.data.root().join("profile.ron.v2.bak")).expect("the v2 copy");
    assert_eq!(kept, original);
    let text = std::fs::read_to_string(run.path()).expect("profile");
    assert!(text.contains("version: 3"), "{text}");
    assert!(text.contains("credit: SemesterHours"), "{text}");
    let list = run.json(&["ce", "list", "--json"]);
    assert_eq!(list["activities"][0]["credit"], "semester_hours");
}

/// The walk's two cycles after the three activities.
fn check_both_cycles(status: &Value) {
    let upkeep = status["upkeep"].as_array().expect("upkeep");
    assert_eq!(upkeep.len(), 2);
    let ascp = &upkeep[0];
    assert_eq!(ascp["for"], "MLT(ASCP)");
    assert_eq!(ascp["cycle_start"], "2024-03-01");
    assert_eq!(ascp["cycle_end"], "2027-02-28");
    assert_eq!(
        (ascp["needed"].as_f64(), ascp["logged"].as_f64()),
        (Some(36.0), Some(11.5))
    );
    assert_eq!(ascp["unit"], "points");
    assert_eq!(ascp["categories"][0]["logged"], 1.5);
    assert_eq!(ascp["next_fee"], Value::Null);
    let ca = &upkeep[1];
    assert_eq!(ca["for"], "California MLT license");
    assert_eq!(
        (ca["cycle_start"].as_str(), ca["cycle_end"].as_str()),
        (Some("2026-06-01"), Some("2028-05-31"))
    );
    assert_eq!(
        (
            ca["needed"].as_f64(),
            ca["logged"].as_f64(),
            ca["unit"].as_str()
        ),
        (Some(24.0), Some(7.5), Some("hours"))
    );
}

#[test]
fn the_calendar_holds_each_cycles_end_and_the_license_renewal_repeating() {
    let run = Run::with(WALKER.as_bytes());
    let ics = run.ok(&["export", "--format", "ics"]).replace("\r\n ", "");
    let event = |summary: &str| -> String {
        let at = ics
            .find(&format!("SUMMARY:{summary}\r\n"))
            .unwrap_or_else(|| panic!("no {summary}: {ics}"));
        let begin = ics[..at].rfind("BEGIN:VEVENT").expect("begin");
        ics[begin..at].to_owned()
    };
    let ascp = event("MLT(ASCP): CE cycle ends");
    assert!(ascp.contains("DTSTART;VALUE=DATE:20270228\r\n"), "{ascp}");
    assert!(
        ascp.contains("RRULE:FREQ=YEARLY;INTERVAL=3;BYMONTH=2;BYMONTHDAY=-1\r\n"),
        "{ascp}"
    );
    let ca = event("California MLT license: renewal (CE cycle ends)");
    assert!(ca.contains("DTSTART;VALUE=DATE:20280531\r\n"), "{ca}");
    assert!(
        ca.contains("RRULE:FREQ=YEARLY;INTERVAL=2;BYMONTH=5;BYMONTHDAY=-1\r\n"),
        "{ca}"
    );
}

/// The days a yearly RRULE of the form medtech writes (`FREQ=YEARLY`,
/// `INTERVAL`, and `BYMONTH` with `BYMONTHDAY=-1` or neither) repeats on,
/// from `start` (YYYYMMDD), `count` of them, as RFC 5545 reads it.
fn yearly_days(start: &str, rule: &str, count: usize) -> Vec<String> {
    let part = |name: &str| {
        rule.split(';')
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
            .map(str::to_owned)
    };
    assert_eq!(part("FREQ").as_deref(), Some("YEARLY"), "{rule}");
    let interval: i32 = part("INTERVAL").map_or(1, |i| i.parse().expect("INTERVAL"));
    let year: i32 = start[..4].parse().expect("year");
    let (month, day): (u32, u32) = (
        start[4..6].parse().expect("month"),
        start[6..].parse().expect("day"),
    );
    let last_day = |y: i32, m: u32| match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let mut days = Vec::new();
    let mut y = year;
    while days.len() < count {
        match (part("BYMONTH"), part("BYMONTHDAY").as_deref()) {
            (Some(m), Some("-1")) => {
                let m: u32 = m.parse().expect("BYMONTH");
                days.push(format!("{y}{m:02}{:02}", last_day(y, m)));
            }
            (None, None) => {
                // A day the year does not have is skipped (RFC 5545 3.3.10).
                if day <= last_day(y, month) {
                    days.push(format!("{y}{month:02}{day:02}"));
                }
            }
            other => panic!("a rule this reader does not know: {rule} {other:?}"),
        }
        y += interval;
    }
    days
}

#[test]
fn a_cycle_ending_on_a_month_s_last_day_repeats_on_the_last_day_in_leap_years_too() {
    // MLT(ASCP) since March 2024: each cycle ends on the last day of
    // February, the 29th in 2036 (the cycle from 2033-03-01 runs three years).
    let run = Run::with(WALKER.as_bytes());
    let ics = run.ok(&["export", "--format", "ics"]);
    let calendar = ical::IcalParser::new(ics.as_bytes())
        .next()
        .expect("a calendar")
        .unwrap_or_else(|e| panic!("does not parse ({e}): {ics}"));
    let value = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_else(|| panic!("no {name} in {props:?}"))
    };
    let event = |uid: &str| {
        calendar
            .events
            .iter()
            .find(|e| value(&e.properties, "UID") == uid)
            .unwrap_or_else(|| panic!("no {uid}: {ics}"))
    };
    let ascp = event("cycle-mlt-ascp-@medtech");
    let days = yearly_days(
        &value(&ascp.properties, "DTSTART"),
        &value(&ascp.properties, "RRULE"),
        4,
    );
    assert_eq!(days, ["20270228", "20300228", "20330228", "20360229"]);
    // The reminders still come 90 and 30 days before each end.
    let triggers: Vec<String> = ascp
        .alarms
        .iter()
        .map(|a| value(&a.properties, "TRIGGER"))
        .collect();
    assert_eq!(triggers, ["-P90D", "-P30D"]);
    // California's cycle, from 2024-06, ends on May 31 every other year.
    let ca = event("cycle-california-mlt-license@medtech");
    let days = yearly_days(
        &value(&ca.properties, "DTSTART"),
        &value(&ca.properties, "RRULE"),
        2,
    );
    assert_eq!(days, ["20280531", "20300531"]);

    // A cycle from February 29 ends on February 28, a fixed date, every time
    // (in 2036 too: the cycle from 2036-02-29 starts that day).
    let leap = WALKER.replace("since: \"2024-03\"", "since: \"2024-02-29\"");
    let run = Run::with(leap.as_bytes());
    let ics = run.ok(&["export", "--format", "ics"]);
    let calendar = ical::IcalParser::new(ics.as_bytes())
        .next()
        .expect("a calendar")
        .unwrap_or_else(|e| panic!("does not parse ({e}): {ics}"));
    let ascp = calendar
        .events
        .iter()
        .find(|e| value(&e.properties, "UID") == "cycle-mlt-ascp-@medtech")
        .unwrap_or_else(|| panic!("no ASCP cycle: {ics}"));
    assert_eq!(value(&ascp.properties, "RRULE"), "FREQ=YEARLY;INTERVAL=3");
    let days = yearly_days(
        &value(&ascp.properties, "DTSTART"),
        &value(&ascp.properties, "RRULE"),
        4,
    );
    assert_eq!(days, ["20270228", "20300228", "20330228", "20360228"]);
}

#[test]
fn while_another_medtech_holds_the_profile_ce_add_is_refused_and_nothing_changes() {
    let run = Run::with(WALKER.as_bytes());
    // The app's own way of holding the profile: its lock.
    let (held, _) = medtech::storage::Storage::open(run.path());
    assert!(!held.is_read_only(), "this test holds the lock");
    run.refused(
        &[
            "ce",
            "add",
            "--date",
            "2026-10-02",
            "--hours",
            "1",
            "--title",
            "Ethics",
        ],
        1,
        "another medtech has this profile open",
    );
    run.refused(&["ce", "remove", "1"], 1, "Nothing was changed");
    // Listing only looks: it works meanwhile.
    assert!(run.ok(&["ce", "list"]).contains("No CE logged yet"));
    drop(held);
    run.ok(&[
        "ce",
        "add",
        "--date",
        "2026-10-02",
        "--hours",
        "1",
        "--title",
        "Ethics",
    ]);
}

#[test]
fn the_markdown_and_html_exports_show_each_cycle() {
    let run = Run::with(WALKER.as_bytes());
    let md = run.ok(&["export", "--format", "markdown"]);
    assert!(md.contains("## Keeping it: CE and renewals"), "{md}");
    assert!(
        md.contains("- California MLT license: 0 of 24 hours, 2026-06-01 to 2028-05-31"),
        "{md}"
    );
    let html = run.ok(&["export", "--format", "html"]);
    assert!(
        html.contains("<li>MLT(ASCP): 0 of 36 points, 2024-03-01 to 2027-02-28"),
        "{html}"
    );
}

#[test]
fn where_the_rule_is_uncertain_status_and_the_json_say_what_to_verify() {
    let run = Run::with(WALKER.as_bytes());
    let status = run.ok(&["status"]);
    let at = status
        .find("California MLT license: 0 of 24 hours")
        .expect("the California cycle");
    let ca = &status[at..];
    assert!(
        ca.contains("Verify: Each license has its own expiry date"),
        "{status}"
    );
    let json = run.json(&["status", "--json"]);
    let verify = json["upkeep"][1]["verify"].as_str().expect("verify");
    assert!(verify.contains("expiry date on your license"), "{verify}");
    let ascp = json["upkeep"][0]["verify"].as_str().expect("verify");
    assert!(ascp.contains("LabCE"), "{ascp}");
}

#[test]
fn a_course_dated_tomorrow_is_taken_for_a_provider_a_time_zone_ahead_but_not_later() {
    let run = Run::with(WALKER.as_bytes());
    let said = run.ok(&[
        "ce",
        "add",
        "--date",
        "2026-12-09",
        "--hours",
        "1",
        "--title",
        "Evening webinar from Europe",
    ]);
    assert!(
        said.contains("Logged #1: 2026-12-09, 1 contact hour, Evening"),
        "{said}"
    );
    run.refused(
        &[
            "ce",
            "add",
            "--date",
            "2026-12-10",
            "--hours",
            "1",
            "--title",
            "Next week",
        ],
        2,
        "after today",
    );
}

#[test]
fn a_read_only_profile_refuses_ce_add_and_remove_with_exit_1_and_nothing_written() {
    use std::os::unix::fs::PermissionsExt;
    let run = Run::with(WALKER.as_bytes());
    std::fs::set_permissions(run.path(), std::fs::Permissions::from_mode(0o400)).expect("chmod");
    let add = [
        "ce",
        "add",
        "--date",
        "2026-10-02",
        "--hours",
        "1",
        "--title",
        "Ethics",
    ];
    run.refused(&add, 1, "is read-only (mode 0400)");
    run.refused(&add, 1, "Nothing was changed");
    run.refused(&["ce", "remove", "1"], 1, "is read-only");
    // Nothing beside it either: no backup, no temporary file (the lock is
    // the data folder's own, as for every command that writes).
    let mut names: Vec<String> = std::fs::read_dir(run.data.root())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "profile.lock")
        .collect();
    names.sort();
    assert_eq!(names, ["profile.ron"]);
    let mode = std::fs::metadata(run.path())
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o400, "the file's mode is left as it was");
}

#[test]
fn an_activity_dated_in_no_cycle_says_it_counts_toward_none() {
    let run = Run::with(WALKER.as_bytes());
    let add = |date: &str, title: &str| {
        run.ok(&[
            "ce", "add", "--date", date, "--hours", "2", "--title", title,
        ])
    };
    // 1990: long before MLT(ASCP) (2024-03) and the license (2024-06).
    let said = add("1990-05-01", "Old course");
    assert!(said.contains("outside every cycle"), "{said}");
    let said = add("2026-10-02", "Safety");
    assert!(!said.contains("outside every cycle"), "{said}");
    let list = run.ok(&["ce", "list"]);
    let lines: Vec<&str> = list.lines().collect();
    let old = lines
        .iter()
        .position(|l| l.contains("Old course"))
        .expect("listed");
    assert_eq!(
        lines[old + 1].trim(),
        "outside every cycle: counts toward none",
        "{list}"
    );
    assert!(lines[old + 2].contains("Safety"), "{list}");
    assert_eq!(list.matches("outside every cycle").count(), 1, "{list}");
    let json = run.json(&["ce", "list", "--json"]);
    let outside: Vec<bool> = json["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .map(|a| a["outside_every_cycle"].as_bool().expect("a bool"))
        .collect();
    assert_eq!(outside, [true, false]);
}

/// The exports say what covers a done step, as the app's details do: the
/// holder never marked these, their credential meets them.
#[test]
fn the_exports_say_which_steps_the_credential_held_meets() {
    let run = Run::with(WALKER.as_bytes());
    let md = run.ok(&["export", "--format", "markdown"]);
    assert!(
        md.contains("**Pass an MLT exam California accepts** (done from the credential you hold)"),
        "{md}"
    );
    assert!(
        md.contains("**Choose a certifier** (done from the credential you hold, choose one)"),
        "{md}"
    );
    // A step the user marked keeps its date, not a cover.
    assert!(
        md.contains("**Apply to LFS for the MLT license** (done 2024-06)"),
        "{md}"
    );
}
