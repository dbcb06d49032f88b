//! `medtech program add|list|choose|remove`, run as the real binary: what is
//! said, what is saved, the history, and the refusals. The three programs
//! are the examples in facts.md §12.3 (San Diego Miramar below the BOC
//! benchmark, Columbus State meeting all three) and one not accredited.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::shared::DataDir;

use medtech::profile::{Event, Profile, Rate};
use serde_json::Value;

const TODAY: &str = "2026-12-08";

/// A data folder of its own, today pinned to the day of issue 25's walk.
struct Home(DataDir);

impl Home {
    fn new() -> Home {
        Home(DataDir::new())
    }

    fn root(&self) -> &Path {
        self.0.root()
    }

    fn profile_path(&self) -> PathBuf {
        self.0.profile_path()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.0.run_on(TODAY, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", err(&output));
        String::from_utf8(output.stdout).expect("UTF-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("JSON")
    }

    fn profile(&self) -> Profile {
        medtech::profile::decode(&fs::read_to_string(self.profile_path()).expect("saved"))
            .expect("reads")
            .profile
    }
}

fn err(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn add_three(home: &Home) {
    home.ok(&[
        "program",
        "add",
        "San Diego Miramar MLT",
        "--kind",
        "mlt",
        "--accreditor",
        "naacls",
        "--boc",
        "2021=67%",
        "--boc",
        "2022=38%",
        "--boc",
        "2023=60%",
    ]);
    home.ok(&[
        "program",
        "add",
        "Lone Star Lab Academy",
        "--kind",
        "mlt",
        "--accreditor",
        "none",
        "--online",
        "--deadline",
        "2027-01-15",
    ]);
    home.ok(&[
        "program",
        "add",
        "Columbus State MLT",
        "--kind",
        "mlt",
        "--accreditor",
        "naacls",
        "--months",
        "24",
        "--start",
        "2027-08-24",
        "--tuition",
        "9000",
        "--boc",
        "2022=14/14",
        "--boc",
        "2023=15/15",
        "--boc",
        "2024=13/14",
        "--graduation",
        "2024=78%",
        "--placement",
        "2024=6/7",
    ]);
}

#[test]
fn add_saves_the_program_with_a_history_entry_and_list_measures_it() {
    let home = Home::new();
    add_three(&home);
    let profile = home.profile();
    assert_eq!(profile.shortlist.programs.len(), 3);
    let columbus = profile.shortlist.find("columbus state mlt").expect("added");
    assert_eq!(columbus.boc.get(&2024), Some(&Rate::Counted(13, 14)));
    assert_eq!(
        profile
            .history
            .iter()
            .filter(|e| e.event == Event::Shortlist)
            .count(),
        3
    );

    let text = home.ok(&["program", "list"]);
    assert!(text.contains("BOC pass 55.0% ✗ not met"), "{text}");
    assert!(text.contains("percentages averaged"), "{text}");
    // 42 of 43 passed: summed, not averaged.
    assert!(
        text.contains("BOC pass 97.7% ✓ met (benchmark 75%; 2022-2024)"),
        "{text}"
    );
    assert!(
        text.contains("not accredited: closes MLT(ASCP) Route 1"),
        "{text}"
    );
    assert!(
        text.contains("application deadline 2027-01-15: in 38 days"),
        "{text}"
    );
    assert!(
        text.contains("naaclsnews.org"),
        "the benchmark's source: {text}"
    );

    let list = home.json(&["program", "list", "--json"]);
    let miramar = &list["programs"][0];
    assert_eq!(miramar["benchmarks"]["boc"]["average"], 55.0);
    assert_eq!(miramar["benchmarks"]["boc"]["met"], false);
    assert_eq!(miramar["benchmarks"]["placement"]["met"], Value::Null);
    assert_eq!(
        list["programs"][2]["benchmarks"]["graduation"]["average"],
        78.0
    );
}

#[test]
fn the_first_command_says_the_app_still_asks_goal_and_state() {
    let home = Home::new();
    let said = home.ok(&["program", "add", "Columbus State MLT"]);
    assert!(
        said.contains("medtech asks your goal and state when you first open it"),
        "{said}"
    );
    assert!(home.profile().never_greeted());
    let again = home.ok(&["program", "add", "San Diego Miramar MLT"]);
    assert!(!again.contains("goal and state"), "{again}");
}

#[test]
fn choosing_an_accredited_program_answers_its_step_an_unaccredited_one_says_why() {
    let home = Home::new();
    add_three(&home);
    home.ok(&["program", "choose", "Columbus State MLT"]);
    let status = home.json(&["status", "--json"]);
    let steps = home.json(&["export", "--format", "json"]);
    let text = steps.to_string();
    assert!(
        text.contains("your chosen program, accredited as the step asks"),
        "the step is done from the choice: {}",
        status["next_step"]
    );
    assert_ne!(status["next_step"]["id"], "edu.accredited");

    home.ok(&["program", "choose", "Lone Star Lab Academy"]);
    let text = home.json(&["export", "--format", "json"]).to_string();
    assert!(!text.contains("your chosen program, accredited"), "{text}");
}

#[test]
fn adding_an_existing_name_updates_the_fields_given_and_says_so() {
    let home = Home::new();
    add_three(&home);
    let said = home.ok(&[
        "program",
        "add",
        "columbus state mlt",
        "--deadline",
        "2027-03-01",
    ]);
    assert!(
        said.contains("already on the shortlist: updated its deadline"),
        "{said}"
    );
    let profile = home.profile();
    assert_eq!(profile.shortlist.programs.len(), 3);
    let c = profile.shortlist.find("Columbus State MLT").expect("kept");
    assert_eq!(c.months, Some(24), "fields not given are kept");
    assert_eq!(
        c.deadline.map(|d| d.to_string()).as_deref(),
        Some("2027-03-01")
    );
}

#[test]
fn choose_moves_the_finish_and_the_cost_and_remove_takes_the_choice_away() {
    let home = Home::new();
    add_three(&home);
    let before = home.json(&["status", "--json"]);
    let said = home.ok(&["program", "choose", "COLUMBUS STATE MLT"]);
    assert!(said.contains("Chose Columbus State MLT"), "{said}");
    let after = home.json(&["status", "--json"]);
    assert_ne!(before["finish"]["expected"], after["finish"]["expected"]);
    assert_eq!(
        after["cost"]["usd_min"].as_u64(),
        before["cost"]["usd_min"].as_u64().map(|n| n + 9000)
    );
    assert_eq!(after["cost"]["program_tuition"], 9000);
    assert_eq!(before["cost"]["program_tuition"], Value::Null);
    let programs = after["programs"].as_array().expect("programs");
    assert_eq!(programs.len(), 3);
    assert_eq!(programs[2]["chosen"], true);
    assert_eq!(programs[2]["kind"], "mlt");
    assert_eq!(programs[2]["accreditor"], "naacls");
    assert_eq!(
        programs[0]["flags"][0],
        "✗ BOC pass average 55.0% is below the 75% benchmark"
    );

    let said = home.ok(&["program", "remove", "Columbus State MLT"]);
    assert!(said.contains("none is chosen now"), "{said}");
    let profile = home.profile();
    assert_eq!(profile.shortlist.chosen, None);
    assert_eq!(profile.shortlist.programs.len(), 2);
    let back = home.json(&["status", "--json"]);
    assert_eq!(back["finish"]["expected"], before["finish"]["expected"]);
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_nothing_written() {
    let home = Home::new();
    add_three(&home);
    let saved = fs::read(home.profile_path()).expect("saved");
    for (args, code, words) in [
        (
            &["program", "choose", "Nowhere"][..],
            1,
            "no program called \"Nowhere\"",
        ),
        (
            &["program", "remove", "Nowhere"],
            1,
            "on the list: \"San Diego Miramar MLT\"",
        ),
        (
            &["program", "add", "X", "--boc", "2023=3/0"],
            2,
            "cannot be 0",
        ),
        (
            &["program", "add", "X", "--boc", "2023=16/15"],
            2,
            "16 is more than 15",
        ),
        (
            &["program", "add", "X", "--graduation", "2023:12/15"],
            2,
            "YEAR=N/M",
        ),
        (
            &["program", "add", "X", "--deadline", "March"],
            2,
            "YYYY-MM-DD",
        ),
        (
            &["program", "add", "X", "--state", "Texas"],
            2,
            "\"Texas\" is not a state code",
        ),
        // The form's range: a length of 0 or 9999 months moved the finish
        // to today or to the year 2858.
        (&["program", "add", "X", "--months", "0"], 2, "1 to 120"),
        (&["program", "add", "X", "--months", "9999"], 2, "1 to 120"),
        (
            &[
                "program",
                "add",
                &"A".repeat(medtech::profile::NAME_MAX_CHARS + 1),
            ],
            2,
            "at most 200 characters",
        ),
        // The form cuts a note at the same length, on one line.
        (
            &[
                "program",
                "add",
                "X",
                "--note",
                &"n".repeat(medtech::profile::NAME_MAX_CHARS + 1),
            ],
            2,
            "note is one line of at most 200 characters",
        ),
        (
            &["program", "add", "X", "--note", "two\nlines"],
            2,
            "line break",
        ),
    ] {
        let output = home.run(args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            err(&output)
        );
        assert!(err(&output).contains(words), "{args:?}: {}", err(&output));
    }
    assert_eq!(
        fs::read(home.profile_path()).expect("kept"),
        saved,
        "nothing written"
    );
}

#[test]
fn a_change_is_refused_while_another_medtech_holds_the_profile() {
    let home = Home::new();
    add_three(&home);
    let saved = fs::read(home.profile_path()).expect("saved");
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(home.root().join("medtech").join("profile.lock"))
        .expect("lock file");
    lock.try_lock().expect("take the lock");
    let output = home.run(&["program", "choose", "Columbus State MLT"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(err(&output).contains("another medtech"), "{}", err(&output));
    assert!(
        err(&output).contains("Nothing was changed"),
        "{}",
        err(&output)
    );
    assert_eq!(fs::read(home.profile_path()).expect("kept"), saved);
    // Looking is fine.
    assert!(home.ok(&["program", "list"]).contains("Columbus State MLT"));
    drop(lock);
}

/// A tab in a note becomes a space, as a paste into the form does.
#[test]
fn a_tab_in_a_note_becomes_a_space() {
    let home = Home::new();
    home.ok(&["program", "add", "X", "--note", "call\tMonday"]);
    assert_eq!(home.profile().shortlist.programs[0].note, "call Monday");
}

/// A name as long as the program form takes is added, and reads back.
#[test]
fn a_name_of_the_longest_length_the_form_takes_is_added() {
    let home = Home::new();
    let name = "A".repeat(medtech::profile::NAME_MAX_CHARS);
    home.ok(&["program", "add", &name]);
    assert_eq!(home.profile().shortlist.programs[0].name, name);
}
