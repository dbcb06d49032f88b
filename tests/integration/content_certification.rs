//! Checks on the education, certification and career content that a user would
//! notice if they broke: route requirements, caveats on unsettled facts, and
//! which steps each goal sees.

use medtech::content::{
    Accreditor, Area, Caveat, EMBEDDED_FILES, Fact, Goal, Guide, Program, Requirement, Route,
    RouteStatus, Step, Subject,
};

/// The files this test covers, with the prefix their own source ids carry.
const MY_FILES: [(&str, &str); 3] = [
    ("assets/education.ron", "edu-"),
    ("assets/certification.ron", "cert-"),
    ("assets/career.ron", "career-"),
];

fn guide() -> Guide {
    match Guide::embedded() {
        Ok(guide) => guide,
        Err(e) => panic!("content file is not valid RON: {e}"),
    }
}

fn file_text(name: &str) -> &'static str {
    EMBEDDED_FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or_else(|| panic!("{name} is not embedded"), |(_, text)| *text)
}

fn route<'a>(guide: &'a Guide, id: &str) -> &'a Route {
    guide
        .routes
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("route {id} missing"))
}

fn step<'a>(guide: &'a Guide, id: &str) -> &'a Step {
    guide
        .step(id)
        .map_or_else(|| panic!("step {id} missing"), |(_, s)| s)
}

fn fact<'a>(facts: &'a [Fact], label: &str) -> &'a Fact {
    facts
        .iter()
        .find(|f| f.label == label)
        .unwrap_or_else(|| panic!("fact {label} missing"))
}

fn walk<'a>(steps: &'a [Step], out: &mut Vec<&'a Step>) {
    for s in steps {
        out.push(s);
        walk(&s.substeps, out);
    }
}

#[test]
fn my_files_have_no_validation_problems() {
    let problems = guide().validate(EMBEDDED_FILES);
    let mine: Vec<String> = problems
        .iter()
        .filter(|p| MY_FILES.iter().any(|(f, _)| p.at.starts_with(f)))
        .map(ToString::to_string)
        .collect();
    assert!(mine.is_empty(), "{}", mine.join("\n"));
}

#[test]
fn ids_carry_their_file_prefix() {
    for (name, own) in MY_FILES {
        let part = Guide::from_files(&[(name, file_text(name))]).unwrap_or_else(|e| panic!("{e}"));
        for source in &part.sources {
            assert!(source.id.starts_with(own), "{name}: source {}", source.id);
            // `verified` is the day someone compared the item with its source: it must
            // be a real check, not a date from before this guide was researched.
            let verified = source.verified.to_string();
            assert!(
                verified.as_str() >= "2026-11-24",
                "{} verified {verified}",
                source.id
            );
        }
        let mut steps = Vec::new();
        walk(&part.education, &mut steps);
        walk(&part.certification, &mut steps);
        for s in steps {
            let prefix = if name.contains("education") {
                "edu."
            } else {
                "cert."
            };
            assert!(s.id.starts_with(prefix), "{name}: step {}", s.id);
        }
    }
}

#[test]
fn titles_and_summaries_fit_the_list() {
    let guide = guide();
    let mut steps = Vec::new();
    walk(&guide.education, &mut steps);
    walk(&guide.certification, &mut steps);
    for s in steps {
        assert!(s.title.chars().count() <= 48, "title too long: {}", s.title);
        assert!(
            s.summary.chars().count() <= 90 && !s.summary.contains('\n'),
            "summary too long for {}: {}",
            s.id,
            s.summary
        );
    }
    for r in &guide.routes {
        assert!(
            r.summary.chars().count() <= 90,
            "route {}: {}",
            r.id,
            r.summary
        );
    }
}

#[test]
fn mlt_ascp_route_1_needs_an_accredited_program_within_5_years() {
    let guide = guide();
    let r = route(&guide, "mlt-ascp.1");
    assert_eq!(r.credential, "mlt-ascp");
    assert_eq!(r.status, RouteStatus::Open);
    assert!(r.requirements.contains(&Requirement::Program {
        program: Program::Mlt,
        accreditors: vec![Accreditor::Naacls, Accreditor::Abhes],
        within_years: Some(5),
    }));
    // The ABHES disagreement is shown to the user.
    assert!(matches!(r.caveat, Some(Caveat::Conflict(_))));
}

#[test]
fn closed_routes_say_so_and_carry_a_caveat() {
    let guide = guide();
    for id in ["mlt-ascp.2", "mls-ascp.3"] {
        let r = route(&guide, id);
        assert!(
            matches!(r.status, RouteStatus::Closed(_)),
            "{id} should be closed"
        );
        assert!(r.caveat.is_some(), "{id} needs a caveat");
    }
}

#[test]
fn ascp_military_and_amt_military_windows_are_not_mixed_up() {
    let guide = guide();
    let ascp = route(&guide, "mlt-ascp.3");
    assert!(ascp.requirements.contains(&Requirement::MilitaryCourse {
        min_weeks: 50,
        within_years: Some(10),
    }));
    let amt = route(&guide, "mlt-amt.3");
    assert!(amt.requirements.contains(&Requirement::MilitaryCourse {
        min_weeks: 50,
        within_years: Some(5),
    }));
}

#[test]
fn mlt_ascp_experience_route_counts_3_years_and_6_hours_each_of_chem_and_bio() {
    let guide = guide();
    let r = route(&guide, "mlt-ascp.4");
    assert!(r.requirements.iter().any(|q| matches!(
        q,
        Requirement::Experience {
            months: 36,
            within_years: Some(10),
            ..
        }
    )));
    for subject in [Subject::Chemistry, Subject::Biology] {
        assert!(
            r.requirements
                .contains(&Requirement::SubjectHours { subject, hours: 6 })
        );
    }
}

#[test]
fn every_route_points_at_an_existing_credential_and_certifier() {
    let guide = guide();
    for id in [
        "mlt-ascp", "mls-ascp", "mlt-amt", "mls-amt", "mlt-aab", "mt-aab",
    ] {
        assert!(guide.credential(id).is_some(), "credential {id} missing");
    }
    for id in ["ascp", "amt", "aab"] {
        assert!(
            guide.certifiers.iter().any(|c| c.id == id),
            "certifier {id} missing"
        );
    }
    for r in &guide.routes {
        let credential = guide
            .credential(&r.credential)
            .unwrap_or_else(|| panic!("route {} has no credential", r.id));
        assert!(
            guide
                .certifiers
                .iter()
                .any(|c| c.id == credential.certifier)
        );
    }
    // Every route the issue asks for is present.
    for id in [
        "mlt-ascp.1",
        "mlt-ascp.2",
        "mlt-ascp.3",
        "mlt-ascp.4",
        "mls-ascp.1",
        "mls-ascp.2",
        "mls-ascp.3",
        "mls-ascp.4",
        "mls-ascp.5",
        "mlt-amt.1",
        "mlt-amt.2",
        "mlt-amt.3",
    ] {
        route(&guide, id);
    }
}

#[test]
fn credentials_match_their_goal() {
    let guide = guide();
    for (id, goal) in [
        ("mlt-ascp", Goal::Mlt),
        ("mlt-amt", Goal::Mlt),
        ("mlt-aab", Goal::Mlt),
        ("mls-ascp", Goal::Mls),
        ("mls-amt", Goal::Mls),
        ("mt-aab", Goal::Mls),
    ] {
        assert_eq!(guide.credential(id).map(|c| c.goal), Some(goal), "{id}");
    }
}

#[test]
fn ascp_exam_facts_give_100_questions_and_400_to_pass() {
    let guide = guide();
    let exam = step(&guide, "cert.exam");
    let format = fact(&exam.facts, "ASCP format");
    assert!(format.text.contains("100 multiple-choice questions"));
    assert!(format.text.contains("2 h 30 min"));
    let passing = fact(&exam.facts, "ASCP passing");
    assert!(passing.text.contains("400") && passing.text.contains("999"));
    // The pass mark comes from a study guide, so it is flagged.
    assert!(passing.caveat.is_some());
}

#[test]
fn unsettled_fees_carry_a_caveat() {
    let guide = guide();
    for id in ["mls-ascp", "mlt-ascp", "mlt-amt"] {
        let credential = guide.credential(id).unwrap_or_else(|| panic!("{id}"));
        let fee = fact(&credential.facts, "Fee");
        assert!(fee.caveat.is_some(), "{id} fee needs a caveat");
    }
    let mls = fact(
        &guide
            .credential("mls-ascp")
            .map(|c| c.facts.clone())
            .unwrap_or_default(),
        "Fee",
    )
    .clone();
    assert!(mls.text.contains("$250") && mls.text.contains("$260"));
    assert!(matches!(mls.caveat, Some(Caveat::Conflict(_))));
}

#[test]
fn only_blood_banking_weights_go_uncaveated() {
    let guide = guide();
    let study = step(&guide, "cert.study");
    assert_eq!(study.substeps.len(), 7, "seven ASCP content areas");
    for area in &study.substeps {
        for f in &area.facts {
            let verified = area.id == "cert.study.blood-bank";
            assert_eq!(
                f.caveat.is_none(),
                verified,
                "{} {}: caveat expected only outside blood banking",
                area.id,
                f.label
            );
        }
    }
}

#[test]
fn mlt_user_sees_the_associate_coursework_and_an_optional_bachelors() {
    let guide = guide();
    let steps = guide.steps(Area::Education, Goal::Mlt, None);
    let associate = steps
        .iter()
        .find(|s| s.id == "edu.associate")
        .expect("MLT users see the associate program");
    assert!(associate.is_required_for(Goal::Mlt));
    let courses: Vec<&str> = associate.substeps.iter().map(|s| s.id.as_str()).collect();
    for id in [
        "edu.associate.chemistry",
        "edu.associate.hematology",
        "edu.associate.microbiology",
        "edu.associate.immunology",
        "edu.associate.blood-bank",
        "edu.associate.urinalysis",
        "edu.associate.phlebotomy",
        "edu.associate.lab-operations",
    ] {
        assert!(
            courses.contains(&id),
            "{id} missing from the coursework checklist"
        );
    }
    let bachelor = steps
        .iter()
        .find(|s| s.id == "edu.bachelor")
        .expect("MLT users see the bachelor's as an option");
    assert!(!bachelor.is_required_for(Goal::Mlt));
    let military = steps
        .iter()
        .find(|s| s.id == "edu.military")
        .expect("military shown");
    assert!(!military.is_required_for(Goal::Mlt));
}

#[test]
fn mls_user_needs_a_bachelors_by_one_of_several_paths() {
    let guide = guide();
    let steps = guide.steps(Area::Education, Goal::Mls, None);
    assert!(!steps.iter().any(|s| s.id == "edu.associate"));
    let bachelor = steps
        .iter()
        .find(|s| s.id == "edu.bachelor")
        .expect("bachelor's shown");
    assert!(bachelor.is_required_for(Goal::Mls));
    assert!(bachelor.one_of);
    let paths: Vec<&str> = bachelor.substeps.iter().map(|s| s.id.as_str()).collect();
    for id in [
        "edu.bachelor.four-year",
        "edu.bachelor.three-plus-one",
        "edu.bachelor.ladder",
        "edu.bachelor.bridge",
        "edu.bachelor.post-bacc",
    ] {
        assert!(paths.contains(&id), "{id} missing");
    }
}

#[test]
fn practicum_cites_the_new_york_300_hour_minimum() {
    let guide = guide();
    let practicum = step(&guide, "edu.practicum");
    assert!(
        practicum
            .facts
            .iter()
            .any(|f| f.text.contains("300 clock hours"))
    );
    assert!(practicum.duration.is_some());
}

#[test]
fn application_substeps_cover_the_whole_process() {
    let guide = guide();
    let apply = step(&guide, "cert.apply");
    let ids: Vec<&str> = apply.substeps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cert.apply.start",
            "cert.apply.transcripts",
            "cert.apply.verification",
            "cert.apply.fee",
            "cert.apply.schedule",
        ]
    );
    let start = step(&guide, "cert.apply.start");
    assert!(fact(&start.facts, "ASCP").text.contains("90 days"));
}

#[test]
fn maintenance_gives_each_certifiers_cycle() {
    let guide = guide();
    let ascp = step(&guide, "cert.maintain.ascp");
    assert!(ascp.title.contains("36") && ascp.title.contains("3 years"));
    let amt = step(&guide, "cert.maintain.amt");
    assert!(amt.title.contains("45"));
    assert!(fact(&amt.facts, "Fee").text.contains("$90"));
    let aab = step(&guide, "cert.maintain.aab");
    assert!(aab.what.contains("every year"));
}

#[test]
fn career_figures_name_their_year_and_flag_third_party_and_derived_ones() {
    let guide = guide();
    assert!(!guide.career.is_empty());
    for f in &guide.career {
        assert!(
            f.label.contains("20") || f.label.contains("estimate") || f.label == "Entry education",
            "career fact {} should name its edition year",
            f.label
        );
        let cites_bls = f.sources.iter().any(|s| s == "career-bls-ooh");
        assert!(
            cites_bls || f.caveat.is_some(),
            "career fact {} is not from bls.gov and needs a caveat",
            f.label
        );
        if f.label.contains("estimate") {
            assert!(matches!(&f.caveat, Some(Caveat::Unverified(t)) if t.contains("derived")));
        }
    }
    let pay = guide
        .career
        .iter()
        .find(|f| f.label == "Median pay (2023)")
        .expect("BLS 2023 median pay");
    assert!(pay.text.contains("$60,780"));
    // The bls.gov edition stored is superseded: its figures must say so.
    assert!(matches!(&pay.caveat, Some(Caveat::Unverified(t)) if t.contains("Superseded")));
    // Figures must not cite a transcription that has no entry for this occupation.
    assert!(guide.source("career-wagelark").is_none());
    let bls = guide
        .source("career-bls-ooh")
        .expect("the BLS handbook source");
    assert!(bls.dated.as_deref().is_some_and(|d| d.contains("2022-32")));
}
