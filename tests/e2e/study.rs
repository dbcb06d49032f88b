//! `medtech study` (issue 24) as the real binary: set a plan, log practice
//! tests, tick a week, and see it in `study show`, `status --json` and the
//! calendar; refused dates and a profile held by the TUI change nothing.
#![cfg(unix)]

use crate::shared::{DataDir, Launch, TIMEOUT, TODAY, keys};
use medtech::profile::{Event, Profile};
use serde_json::Value;

fn ok(data: &DataDir, args: &[&str]) -> String {
    let out = data.run(args);
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn saved(data: &DataDir) -> Profile {
    medtech::storage::load_file(&data.profile_path())
        .expect("reads")
        .expect("exists")
}

/// TODAY is 2026-11-24; ten weeks on is 2027-02-02.
const TEN_WEEKS: &str = "2027-02-02";

#[test]
fn a_plan_set_and_two_practice_tests_show_everywhere_and_are_in_the_history() {
    let data = DataDir::new();
    let said = ok(
        &data,
        &[
            "study",
            "set",
            "--exam",
            "mlt(ascp)",
            "--date",
            TEN_WEEKS,
            "--hours",
            "8",
        ],
    );
    assert!(
        said.contains("MLT(ASCP) on 2027-02-02, 8 hours a week"),
        "{said}"
    );
    let before: Value =
        serde_json::from_str(&ok(&data, &["study", "show", "--json"])).expect("json");
    ok(
        &data,
        &["study", "practice", "--area", "blood", "--score", "48"],
    );
    ok(
        &data,
        &[
            "study",
            "practice",
            "--area",
            "Hematology",
            "--score",
            "85",
            "--date",
            "2026-11-20",
        ],
    );
    ok(&data, &["study", "done", TODAY]);

    let profile = saved(&data);
    assert_eq!(profile.study.practice.len(), 2);
    assert_eq!(profile.study.weeks_done.len(), 1);
    let studies = profile
        .history
        .iter()
        .filter(|e| e.event == Event::Study)
        .count();
    assert_eq!(
        studies, 4,
        "each command is one dated change: {:?}",
        profile.history
    );

    let status: Value = serde_json::from_str(&ok(&data, &["status", "--json"])).expect("json");
    let study = &status["study"];
    assert_eq!(study["exam"], "MLT(ASCP)");
    assert_eq!(study["date"], TEN_WEEKS);
    let weeks = study["weeks"].as_array().expect("weeks");
    assert_eq!(weeks.len(), 10);
    assert_eq!(weeks[0]["start"], TODAY);
    assert_eq!(weeks[0]["done"], true);
    assert_eq!(weeks[0]["areas"][0]["name"], "Blood banking");
    let total: u64 = weeks
        .iter()
        .flat_map(|w| w["areas"].as_array().expect("areas").iter())
        .map(|a| a["hours"].as_u64().expect("hours"))
        .sum();
    assert_eq!(total, 80);
    assert_eq!(study["practice"][0]["area"], "Hematology");
    // The weaker area gained hours, the stronger lost some.
    let hours = |v: &Value, name: &str| {
        v["areas"]
            .as_array()
            .expect("areas")
            .iter()
            .find(|a| a["name"] == name)
            .and_then(|a| a["hours"].as_u64())
            .expect(name)
    };
    assert!(hours(study, "Blood banking") > hours(&before, "Blood banking"));
    assert!(hours(study, "Hematology") < hours(&before, "Hematology"));

    let text = ok(&data, &["study", "show"]);
    assert!(text.contains("[x] 2026-11-24 Blood banking 8h"), "{text}");
    assert!(text.contains("Retakes: Up to 5 attempts"), "{text}");

    let ics = ok(&data, &["export", "--format", "ics"]);
    assert_eq!(ics.matches("UID:study-week-").count(), 10, "{ics}");
    assert!(ics.contains("SUMMARY:MLT(ASCP) exam"), "{ics}");
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("Unverified weight (Chemistry"),
        "hours from a third-party weight must not read as certain: {unfolded}"
    );
    assert!(ics.contains("DTSTART;VALUE=DATE:20270202"), "{ics}");
}

#[test]
fn a_date_too_close_or_an_unknown_area_is_refused_and_nothing_is_written() {
    let data = DataDir::new();
    let out = data.run(&[
        "study",
        "set",
        "--exam",
        "MLT(ASCP)",
        "--date",
        "2026-12-01",
        "--hours",
        "8",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("7 days away") && err.contains("at least 2 weeks"),
        "{err}"
    );
    assert!(!data.profile_path().exists(), "nothing written");
    let out = data.run(&[
        "study", "set", "--exam", "MLS(AMT)", "--date", TEN_WEEKS, "--hours", "8",
    ]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("No content outline"),
        "{out:?}"
    );
    ok(
        &data,
        &[
            "study", "set", "--exam", "MLT(AMT)", "--date", TEN_WEEKS, "--hours", "6",
        ],
    );
    let before = std::fs::read(data.profile_path()).expect("saved");
    let out = data.run(&["study", "practice", "--area", "Phlebotomy", "--score", "70"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Blood banking and transfusion, Microbiology"),
        "{err}"
    );
    assert_eq!(std::fs::read(data.profile_path()).expect("saved"), before);
}

#[test]
fn study_commands_wait_while_the_tui_holds_the_profile() {
    let data = DataDir::new();
    ok(
        &data,
        &[
            "study",
            "set",
            "--exam",
            "MLT(ASCP)",
            "--date",
            TEN_WEEKS,
            "--hours",
            "8",
        ],
    );
    let mut app = Launch::new(&data).size(80, 24).spawn();
    app.wait_for("medtech");
    let out = data.run(&["study", "practice", "--area", "blood", "--score", "50"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Nothing was changed"),
        "{out:?}"
    );
    // The command made the profile, so goal and state were never asked:
    // the welcome comes first (Esc skips it).
    app.wait_for("Welcome to medtech");
    app.send(keys::ESC);
    app.wait_until("the welcome closed", |s| !s.contains("Welcome to medtech"));
    // The view shows the plan the command set.
    app.send("E");
    app.wait_for("MLT(ASCP) on 2027-02-02");
    app.send(keys::ESC);
    app.wait_until("the study view closed", |s| {
        !s.contains("The exam: study plan")
    });
    app.send("q");
    app.wait_exit(TIMEOUT);
    assert!(saved(&data).study.practice.is_empty());
}

/// An exam 10 weeks and 3 days away: the plan starts today with a 3-day
/// week (3 of the 8 hours), which `study done` can tick by today's date.
#[test]
fn a_plan_not_whole_weeks_away_starts_today_with_a_short_week() {
    let data = DataDir::new();
    ok(
        &data,
        &[
            "study",
            "set",
            "--exam",
            "MLT(ASCP)",
            "--date",
            "2027-02-05",
            "--hours",
            "8",
        ],
    );
    let json: Value = serde_json::from_str(&ok(&data, &["study", "show", "--json"])).expect("json");
    let weeks = json["weeks"].as_array().expect("weeks");
    assert_eq!(weeks.len(), 11, "{json}");
    assert_eq!(weeks[0]["start"], TODAY);
    assert_eq!(weeks[0]["days"], 3);
    let hours: u64 = weeks[0]["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .map(|a| a["hours"].as_u64().expect("hours"))
        .sum();
    assert_eq!(hours, 3, "{json}");
    assert_eq!(weeks[1]["start"], "2026-11-27");
    assert_eq!(weeks[1]["days"], 7);
    let text = ok(&data, &["study", "show"]);
    assert!(text.contains("[ ] 2026-11-24 (3 days) "), "{text}");
    ok(&data, &["study", "done", TODAY]);
    assert_eq!(
        saved(&data).study.weeks_done,
        vec![TODAY.parse().expect("date")]
    );
}
