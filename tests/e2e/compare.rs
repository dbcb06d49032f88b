//! `medtech compare` and the plan in `status --json`, run as the real
//! binary: two licensing states, a licensing and a non-licensing state, and
//! a code medtech does not know.

use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// A profile file of its own, and the binary run against it.
struct Run {
    dir: tempfile::TempDir,
}

/// The New York veteran of issue 20: high school and a 52-week military
/// laboratory course finished 2022-08.
const VETERAN: &str = r#"(version: 2, goal: Mlt, state: Some("NY"), background: (education: Some(HighSchool), military_course: Some((weeks: 52, finished: "2022-08"))))"#;

impl Run {
    fn with(profile: &str) -> Run {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("profile.ron"), profile).expect("write profile");
        Run { dir }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_medtech"))
            .arg("--profile")
            .arg(self.dir.path().join("profile.ron"))
            .args(args)
            .env_clear()
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path())
            .env("MEDTECH_TODAY", "2026-12-07")
            .env("RUST_BACKTRACE", "0")
            .stdin(Stdio::null())
            .output()
            .expect("run medtech")
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        let text = self.ok(args);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    }
}

fn accepts<'a>(state: &'a Value, credential: &str) -> &'a Value {
    &state["accepts"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|r| r["credential"] == credential)
        .unwrap_or_else(|| panic!("no {credential} in {state:#}"))["accepts"]
}

#[test]
fn two_licensing_states_side_by_side_in_text() {
    let run = Run::with(VETERAN);
    let text = run.ok(&["compare", "CA", "NY"]);
    assert!(
        text.starts_with("California (CA) vs New York (NY)"),
        "{text}"
    );
    for heading in [
        "License",
        "Credentials accepted",
        "Education rule",
        "Fees",
        "Renewal and continuing education",
        "What you would still need",
    ] {
        assert!(text.contains(heading), "{heading}: {text}");
    }
    // California takes AMT's MLT exam from 2023-01-30; New York does not.
    assert!(
        text.contains("MLT(AMT): yes, exams from 2023-01-30"),
        "{text}"
    );
    assert!(text.contains("MLT(AMT): no"), "{text}");
    assert!(text.contains("$230") && text.contains("$245"), "{text}");
    assert!(!text.contains("covered"), "{text}");
}

#[test]
fn two_licensing_states_as_json_with_a_plan_for_each() {
    let run = Run::with(VETERAN);
    let report = run.json(&["compare", "ca", "ny", "--json"]);
    assert_eq!(report["version"], 1);
    assert_eq!(report["goal"], "MLT");
    let states = report["states"].as_array().expect("states");
    assert_eq!(states.len(), 2);
    let (ca, ny) = (&states[0], &states[1]);
    assert_eq!(ca["code"], "CA");
    assert_eq!(ny["code"], "NY");
    assert_eq!(*accepts(ny, "MLT(AMT)"), "no");
    assert_eq!(*accepts(ca, "MLT(AMT)"), "yes");
    // A fee says what its page shows: California's page is undated.
    let fee = &ca["fees"][0];
    assert_eq!(fee["usd_min"], 230, "{fee:#}");
    assert!(
        fee["dated"]
            .as_str()
            .is_some_and(|d| d.starts_with("page undated, seen 20")),
        "{fee:#}"
    );
    // New York's rule: met once the plan's MLT(ASCP) is held.
    assert_eq!(ny["education_rule"]["by_credential"], true, "{ny:#}");
    // California's academics are checked, and a high-school diploma fails them.
    assert_eq!(ca["education_rule"]["status"], "not_met", "{ca:#}");
    for state in [ca, ny] {
        let plan = &state["plan"];
        assert_eq!(plan["credential"], "MLT(ASCP)", "{plan:#}");
        assert_eq!(plan["accepted_in_state"], true, "{plan:#}");
        assert!(plan["finish"]["expected"].is_string(), "{plan:#}");
    }
}

#[test]
fn a_licensing_and_a_non_licensing_state() {
    let run = Run::with(VETERAN);
    let report = run.json(&["compare", "NY", "TX", "--json"]);
    let tx = &report["states"][1];
    assert_eq!(tx["license"], "not_required");
    assert_eq!(tx["accepts"], Value::Array(Vec::new()));
    assert!(tx["education_rule"].is_null());
    // No license: every route counts, and the met AMT route is the plan.
    assert!(tx["plan"]["accepted_in_state"].is_null(), "{tx:#}");
    assert_eq!(tx["plan"]["status"], "met", "{tx:#}");
    let text = run.ok(&["compare", "NY", "TX"]);
    assert!(text.contains("TX: no personal license"), "{text}");
}

#[test]
fn an_unknown_state_code_is_a_usage_error() {
    let run = Run::with(VETERAN);
    let output = run.run(&["compare", "NY", "ZZ"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("\"ZZ\" is not a state code"), "{err}");
}

#[test]
fn with_no_background_answered_there_is_no_plan_to_guess() {
    let run = Run::with(r#"(version: 2, goal: Mlt, state: Some("NY"))"#);
    let report = run.json(&["status", "--json"]);
    assert!(report["plan"].is_null(), "{:#}", report["plan"]);
    assert!(report["license"]["credential"].is_null());
}

#[test]
fn status_json_has_the_plan_when_met_and_covered() {
    let run = Run::with(VETERAN);
    let report = run.json(&["status", "--json"]);
    let plan = &report["plan"];
    assert_eq!(plan["credential"], "MLT(ASCP)", "{plan:#}");
    assert_eq!(plan["route"], "Route 3");
    assert_eq!(plan["status"], "not_met");
    assert_eq!(plan["accepted_in_state"], true);
    assert!(plan["why"].as_str().is_some_and(|w| w.contains("MLT(AMT)")));
    assert_eq!(plan["runner_up"]["credential"], "MLT(ASCP)");
    assert!(
        plan["missing"].as_array().is_some_and(|m| m.len() == 3),
        "{plan:#}"
    );
    for key in ["expected", "earliest", "latest"] {
        assert!(plan["finish"][key].is_string(), "{key}: {plan:#}");
    }
    for route in report["routes"].as_array().expect("routes") {
        assert!(route.get("when_met").is_some(), "{route:#}");
    }
    // The military course covers the military step.
    assert_eq!(
        report["progress"]["education"]["covered"], 1,
        "{:#}",
        report["progress"]
    );
    assert!(report["progress"]["certification"]["covered"].is_number());
}

/// `plan.missing` in JSON is the words of each gap (scripts print or
/// compare them); the text view keeps its `✗` / `?` before them.
#[test]
fn plan_missing_is_plain_words_in_json_and_keeps_its_symbol_in_text() {
    let run = Run::with(VETERAN);
    let report = run.json(&["status", "--json"]);
    let missing: Vec<&str> = report["plan"]["missing"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|m| m.as_str().expect("a string"))
        .collect();
    assert!(!missing.is_empty(), "{report:#}");
    for gap in &missing {
        assert!(
            !gap.starts_with(['✗', '?', '✓', ' ']),
            "a symbol in JSON: {gap:?}"
        );
    }
    let text = run.ok(&["status"]);
    for gap in &missing {
        assert!(
            text.contains(&format!("  ✗ {gap}\n")) || text.contains(&format!("  ? {gap}\n")),
            "{gap:?} without its symbol in the text view:\n{text}"
        );
    }
    // compare --json too, and its text keeps the symbols.
    let compared = run.json(&["compare", "NY", "CA", "--json"]);
    for state in compared["states"].as_array().expect("states") {
        for gap in state["plan"]["missing"].as_array().into_iter().flatten() {
            assert!(
                !gap.as_str().unwrap_or("✗").starts_with(['✗', '?']),
                "{gap}"
            );
        }
    }
}

#[test]
fn the_plan_says_how_firm_its_route_is_as_the_route_does() {
    let run = Run::with(VETERAN);
    let report = run.json(&["status", "--json"]);
    let plan = &report["plan"];
    let route = report["routes"]
        .as_array()
        .expect("routes")
        .iter()
        .find(|r| r["credential"] == plan["credential"] && r["route"] == plan["route"])
        .expect("the plan's route is among the routes");
    assert!(
        ["official", "copy", "third_party"].contains(&plan["confidence"].as_str().unwrap_or("")),
        "{plan:#}"
    );
    assert_eq!(
        plan["confidence"], route["confidence"],
        "{plan:#}\n{route:#}"
    );
    // compare --json carries the same plan.
    let compared = run.json(&["compare", "NY", "CA", "--json"]);
    for state in compared["states"].as_array().expect("states") {
        if !state["plan"].is_null() {
            assert!(state["plan"]["confidence"].is_string(), "{state:#}");
        }
    }
}

#[test]
fn export_json_says_which_steps_the_background_covers() {
    let run = Run::with(VETERAN);
    let plan = run.json(&["export", "--format", "json"]);
    let education = plan["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .find(|a| a["area"] == "education")
        .expect("education");
    let military = education["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["id"] == "edu.military")
        .expect("the military step");
    assert_eq!(military["status"], "done", "{military:#}");
    assert_eq!(
        military["from_background"],
        "your military laboratory course"
    );
    let associate = education["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["id"] == "edu.prereqs")
        .expect("the prerequisites");
    assert!(associate["from_background"].is_null(), "{associate:#}");
}
