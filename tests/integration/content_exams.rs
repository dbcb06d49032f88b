//! The exams' content outlines (issue 24): what the study plan is spread
//! over must say what it rests on.

use medtech::content::{Caveat, Guide, Tier};

fn guide() -> Guide {
    Guide::embedded().unwrap_or_else(|e| panic!("content file is not valid RON: {e}"))
}

#[test]
fn every_certification_the_guide_names_has_an_exam_record_but_mls_ascpi() {
    let guide = guide();
    for name in [
        "MLT(ASCP)",
        "MLS(ASCP)",
        "MLT(ASCPi)",
        "MLT(AMT)",
        "MLS(AMT)",
        "MLT(AAB)",
        "MT(AAB)",
    ] {
        assert!(guide.exam(name).is_some(), "{name} has no exam record");
    }
    // No source read says MLS(ASCPi) uses the MLS outline: no record, no plan.
    assert!(guide.exam("MLS(ASCPi)").is_none());
}

#[test]
fn ascp_exams_are_100_adaptive_questions_in_150_minutes_with_5_attempts() {
    let guide = guide();
    for name in ["mlt-ascp", "mls-ascp"] {
        let exam = guide.exam(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(exam.questions, Some(100));
        assert_eq!(exam.minutes, Some(150));
        assert!(exam.adaptive);
        assert_eq!(exam.areas.len(), 7);
        assert!(exam.retakes.text.contains("Up to 5 attempts"));
        assert_eq!(guide.best_tier(&exam.retakes.sources), Some(Tier::Official));
    }
}

#[test]
fn only_blood_banking_is_verified_on_the_ascp_outlines() {
    let guide = guide();
    let mlt = guide.exam("MLT(ASCP)").expect("MLT(ASCP)");
    for area in &mlt.areas {
        if area.name == "Blood banking" {
            let w = area.weight.expect("blood banking weight");
            assert_eq!((w.min, w.max), (15, 20));
            assert!(area.caveat.is_none());
        } else {
            // Every other weight is a third-party figure and says so.
            assert!(area.caveat.is_some(), "{} is not flagged", area.name);
            assert!(guide.third_party_only(&area.sources), "{}", area.name);
        }
    }
    let mls = guide.exam("MLS(ASCP)").expect("MLS(ASCP)");
    let bb = mls
        .areas
        .iter()
        .find(|a| a.name == "Blood banking")
        .expect("bb");
    assert_eq!(bb.weight.map(|w| (w.min, w.max)), Some((17, 22)));
    assert!(bb.caveat.is_none());
    assert!(matches!(mlt.caveat, Some(Caveat::Unverified(_))));
}

#[test]
fn the_amt_mlt_outline_counts_210_items_in_nine_areas() {
    let guide = guide();
    let exam = guide.exam("MLT(AMT)").expect("MLT(AMT)");
    assert_eq!(exam.areas.len(), 9);
    let total: u16 = exam.areas.iter().filter_map(|a| a.items).sum();
    assert_eq!(total, 210);
    assert_eq!(exam.questions, Some(210));
    // The time limit is not sourced, so it is not given.
    assert_eq!(exam.minutes, None);
}

#[test]
fn exams_without_an_outline_or_weights_say_why() {
    let guide = guide();
    let mls_amt = guide.exam("MLS(AMT)").expect("MLS(AMT)");
    assert!(mls_amt.areas.is_empty());
    assert!(
        matches!(&mls_amt.caveat, Some(Caveat::Unverified(t)) if t.contains("No content outline"))
    );
    let aab = guide.exam("MT(AAB)").expect("AAB");
    assert!(
        aab.areas
            .iter()
            .all(|a| a.weight.is_none() && a.items.is_none())
    );
    assert!(matches!(&aab.caveat, Some(Caveat::Unverified(t)) if t.contains("evenly")));
}

#[test]
fn the_validator_catches_an_exam_whose_items_do_not_add_up() {
    let text = r#"(
    sources: [
        (id: "s", title: "T", publisher: "P", url: "https://example.org/", tier: Copy, verified: "2026-11-25"),
    ],
    certifiers: [(id: "c", name: "C", summary: "S", sources: ["s"])],
    credentials: [(id: "x", name: "X(C)", certifier: "c", goal: Mlt, summary: "S", sources: ["s"])],
    exams: [(
        id: "exam-x",
        credentials: ["x", "nope"],
        questions: Some(10),
        format_sources: ["s"],
        retakes: (label: "Retakes", text: "T", sources: ["s"]),
        areas: [
            (name: "A", items: Some(3), sources: ["s"]),
            (name: "B", items: Some(4), sources: ["s"]),
            (name: "C", weight: Some((min: 30, max: 20)), sources: ["s"]),
        ],
        sources: ["s"],
    )],
)"#;
    let files = [("assets/certification.ron", text)];
    let guide = Guide::from_files(&files).unwrap_or_else(|e| panic!("{e}"));
    let problems: Vec<String> = guide
        .validate(&files)
        .iter()
        .map(ToString::to_string)
        .filter(|p| p.contains("exam-x"))
        .collect();
    let has = |s: &str| problems.iter().any(|p| p.contains(s));
    assert!(has("unknown credential `nope`"), "{problems:?}");
    assert!(has("some areas have item counts"), "{problems:?}");
    assert!(has("weight 30-20%"), "{problems:?}");
}
