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
