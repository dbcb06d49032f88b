//! Content validation: a maintainer who edits `assets/` and runs `cargo test`
//! learns exactly which file and line is wrong.

use medtech::content::{EMBEDDED_FILES, Guide, LicenseRule};

fn guide() -> Guide {
    match Guide::embedded() {
        Ok(guide) => guide,
        Err(e) => panic!("content file is not valid RON: {e}"),
    }
}

#[test]
fn embedded_content_has_no_problems() {
    let problems = guide().validate(EMBEDDED_FILES);
    let report: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        report.is_empty(),
        "{} content problem(s):\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn every_state_dc_and_puerto_rico_has_a_record() {
    let guide = guide();
    for code in ["CA", "FL", "TX", "NY", "DC", "PR", "GA", "RI"] {
        assert!(guide.state(code).is_some(), "{code} missing");
    }
}

#[test]
fn georgia_and_rhode_island_do_not_require_a_personal_license() {
    let guide = guide();
    assert_ne!(
        guide.state("GA").map(|s| s.license),
        Some(LicenseRule::Required)
    );
    assert_ne!(
        guide.state("RI").map(|s| s.license),
        Some(LicenseRule::Required)
    );
}

/// A maintainer's mistakes are each reported with the file and line to fix.
#[test]
fn broken_content_is_reported_with_file_and_line() {
    let broken = r#"(
    sources: [
        (id: "s", title: "T", publisher: "P", url: "ftp://nope", tier: Official, verified: "2026-11-24"),
    ],
    education: [
        (id: "a", title: "A", summary: "S", what: "W", why: "Y", how: "H", sources: ["s"]),
        (id: "a", title: "", summary: "S", what: "W", why: "Y", how: "H", sources: ["missing"]),
    ],
    routes: [
        (id: "r", credential: "nope", name: "R", summary: "S", status: Open,
         requirements: [SemesterHours(0)], sources: []),
    ],
)"#;
    let files = [("assets/broken.ron", broken)];
    let guide = Guide::from_files(&files).expect("valid RON");
    let report: Vec<String> = guide
        .validate(&files)
        .iter()
        .map(ToString::to_string)
        .collect();
    let expect = [
        "assets/broken.ron:3: source `s`: url `ftp://nope` is not an http(s) URL",
        "assets/broken.ron:6: id `a` is used 2 times",
        "assets/broken.ron:6: `a`: title is empty",
        "assets/broken.ron:6: `a`: step cites unknown source `missing`",
        "assets/broken.ron:10: `r`: route has no source",
        "assets/broken.ron:10: `r`: unknown credential `nope`",
        "assets/broken.ron:10: `r`: requirement SemesterHours(0) has a zero amount",
        "jurisdiction `TX` is missing",
    ];
    for line in expect {
        assert!(
            report.iter().any(|r| r.contains(line)),
            "expected a problem containing {line:?}, got:\n{}",
            report.join("\n")
        );
    }
}

#[test]
fn invalid_ron_names_the_file_line_and_column() {
    let files = [(
        "assets/typo.ron",
        "(\n    education: [\n        (id: \"a\" title: \"x\"),\n    ],\n)",
    )];
    let err = Guide::from_files(&files).expect_err("a missing comma");
    assert_eq!(
        (err.file.as_str(), err.line),
        ("assets/typo.ron", 3),
        "{err}"
    );
    assert!(err.to_string().starts_with("assets/typo.ron:3:"), "{err}");
}
