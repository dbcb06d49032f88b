//! Licensing content: what a user picking a state and a goal actually sees.
//!
//! These tests read `assets/licensing.ron` and `assets/states.ron` through the
//! same `Guide` the app uses, and check the claims a user would act on.

use medtech::content::{
    Area, Caveat, EMBEDDED_FILES, Goal, Guide, Level, LicenseRule, StateRecord, Step, Tier,
};

/// The states that license lab personnel, per facts.md §5 (ASCLS list + PR).
const LICENSING: [&str; 11] = [
    "CA", "FL", "HI", "LA", "MT", "NV", "NY", "ND", "TN", "WV", "PR",
];

fn guide() -> Guide {
    match Guide::embedded() {
        Ok(guide) => guide,
        Err(e) => panic!("content file is not valid RON: {e}"),
    }
}

/// Only the two licensing files, to check what they define themselves.
fn own_files() -> Vec<(&'static str, &'static str)> {
    EMBEDDED_FILES
        .iter()
        .copied()
        .filter(|(name, _)| *name == "assets/licensing.ron" || *name == "assets/states.ron")
        .collect()
}

fn own_guide() -> Guide {
    match Guide::from_files(&own_files()) {
        Ok(guide) => guide,
        Err(e) => panic!("licensing content is not valid RON: {e}"),
    }
}

fn state<'a>(guide: &'a Guide, code: &str) -> &'a StateRecord {
    match guide.state(code) {
        Some(record) => record,
        None => panic!("{code} has no record"),
    }
}

fn ids(steps: &[&Step]) -> Vec<String> {
    steps.iter().map(|s| s.id.clone()).collect()
}

/// Every step of the licensing area, sub-steps included.
fn all_licensing_steps(guide: &Guide) -> Vec<&Step> {
    guide
        .all_steps()
        .filter(|(area, _)| *area == Area::Licensing)
        .map(|(_, step)| step)
        .collect()
}

#[test]
fn the_licensing_states_require_a_license_with_a_body() {
    let guide = guide();
    for code in LICENSING {
        let record = state(&guide, code);
        assert_eq!(record.license, LicenseRule::Required, "{code}");
        assert!(record.body.is_some(), "{code} names no licensing body");
        assert!(!record.steps.is_empty(), "{code} lists no steps");
        assert!(
            record.titles.iter().any(|t| t.level == Level::Technologist),
            "{code} has no technologist-level title"
        );
    }
}

#[test]
fn every_licensing_state_shows_steps_for_each_goal() {
    let guide = guide();
    for code in LICENSING {
        let record = state(&guide, code);
        for goal in Goal::ALL {
            let own: Vec<&Step> = record
                .steps
                .iter()
                .filter(|s| s.is_shown_for(goal))
                .collect();
            assert!(!own.is_empty(), "{code} shows no state step for {goal:?}");
            let seen = guide.steps(Area::Licensing, goal, Some(code));
            assert!(
                !ids(&seen).iter().any(|id| id == "lic.none"),
                "{code} wrongly shows the no-license step for {goal:?}"
            );
        }
    }
}

#[test]
fn technician_and_technologist_steps_go_to_the_right_goal() {
    let guide = guide();
    for record in &guide.states {
        for step in &record.steps {
            let text = format!("{} {}", step.title, step.summary).to_lowercase();
            if step.goals == [Goal::Mlt] {
                assert!(
                    !text.contains("technologist license"),
                    "{} is for MLT but reads like a technologist step",
                    step.id
                );
            }
            assert!(
                !(step.goals.contains(&Goal::Mlt) && step.goals.contains(&Goal::Mls)),
                "{}: a step for both goals should leave `goals` empty",
                step.id
            );
        }
    }
}

#[test]
fn florida_shows_its_board_courses_ce_and_expiry() {
    let guide = guide();
    let fl = state(&guide, "FL");
    let body = fl.body.clone().unwrap_or_default();
    assert!(
        body.contains("Board of Clinical Laboratory Personnel"),
        "{body}"
    );
    assert!(fl.titles.iter().any(|t| t.level == Level::Technician));
    assert!(fl.titles.iter().any(|t| t.level == Level::Technologist));

    for goal in Goal::ALL {
        let seen = ids(&guide.steps(Area::Licensing, goal, Some("FL")));
        assert!(
            seen.contains(&"fl.hiv-aids-course".to_owned()),
            "{goal:?}: {seen:?}"
        );
        assert!(
            seen.contains(&"fl.medical-errors-course".to_owned()),
            "{goal:?}: {seen:?}"
        );
    }
    let mlt = ids(&guide.steps(Area::Licensing, Goal::Mlt, Some("FL")));
    let mls = ids(&guide.steps(Area::Licensing, Goal::Mls, Some("FL")));
    assert!(mlt.contains(&"fl.technician-qualify".to_owned()));
    assert!(!mlt.contains(&"fl.technologist-qualify".to_owned()));
    assert!(mls.contains(&"fl.technologist-qualify".to_owned()));
    assert!(!mls.contains(&"fl.technician-qualify".to_owned()));

    let ce = fl
        .facts
        .iter()
        .find(|f| f.label == "CE")
        .expect("Florida has a CE fact");
    assert!(ce.text.contains("24 hours"), "{}", ce.text);
    assert!(ce.text.contains("August 31"), "{}", ce.text);
    assert!(!ce.sources.is_empty());

    let renewal = fl
        .facts
        .iter()
        .find(|f| f.label == "Renewal")
        .expect("Florida has a renewal fact");
    assert!(
        renewal.text.contains("August 31 of even-numbered years"),
        "{}",
        renewal.text
    );

    let hiv = guide
        .step("fl.hiv-aids-course")
        .map(|(_, s)| s)
        .expect("HIV/AIDS step");
    assert!(hiv.title.contains("1-hour"));
    let errors = guide
        .step("fl.medical-errors-course")
        .map(|(_, s)| s)
        .expect("errors step");
    assert!(errors.title.contains("2-hour"));
}

#[test]
fn florida_fees_are_marked_as_partly_unverified() {
    let guide = guide();
    let fees = state(&guide, "FL")
        .facts
        .iter()
        .find(|f| f.label == "Fees")
        .expect("Florida has a fees fact");
    assert!(matches!(fees.caveat, Some(Caveat::Unverified(_))));
}

#[test]
fn texas_needs_no_personal_license_and_shows_why_certification_matters() {
    let guide = guide();
    let tx = state(&guide, "TX");
    assert_eq!(tx.license, LicenseRule::NotRequired);
    assert!(tx.steps.is_empty());
    assert!(
        tx.summary.to_lowercase().contains("no personal license"),
        "{}",
        tx.summary
    );
    assert!(tx.summary.contains("certification"), "{}", tx.summary);
    for goal in Goal::ALL {
        let seen = guide.steps(Area::Licensing, goal, Some("TX"));
        assert_eq!(seen.last().map(|s| s.id.as_str()), Some("lic.none"));
    }
    let none = guide.no_license_step.as_ref().expect("no_license_step");
    assert!(none.what.contains("CLIA"));
    assert!(none.how.to_lowercase().contains("certification current"));
}

#[test]
fn every_state_without_a_license_shows_only_the_shared_step() {
    let guide = guide();
    let general = guide.licensing.len();
    for record in guide
        .states
        .iter()
        .filter(|r| r.license == LicenseRule::NotRequired)
    {
        for goal in Goal::ALL {
            let seen = guide.steps(Area::Licensing, goal, Some(&record.code));
            assert_eq!(seen.len(), general + 1, "{}", record.code);
            assert_eq!(seen[general].id, "lic.none", "{}", record.code);
        }
    }
}

#[test]
fn georgia_summary_names_the_2021_repeal_with_cap_as_source() {
    let guide = guide();
    let ga = state(&guide, "GA");
    assert_eq!(ga.license, LicenseRule::NotRequired);
    assert!(ga.summary.contains("HB 93"), "{}", ga.summary);
    assert!(ga.summary.contains("May 5 2021"), "{}", ga.summary);
    assert!(ga.summary.contains("July 1 2021"), "{}", ga.summary);
    let cap = guide.source("st-ga-cap").expect("CAP source");
    assert!(cap.url.contains("cap.org"));
    assert!(ga.sources.iter().any(|s| s == "st-ga-cap"));
}

#[test]
fn rhode_island_is_unlicensed_with_a_caveat() {
    let guide = guide();
    let ri = state(&guide, "RI");
    assert_eq!(ri.license, LicenseRule::NotRequired);
    assert!(matches!(ri.caveat, Some(Caveat::Unverified(_))));
    assert!(
        ri.facts
            .iter()
            .any(|f| f.text.contains("certification exam"))
    );
}

#[test]
fn district_of_columbia_is_flagged_for_checking_not_dismissed() {
    let guide = guide();
    let dc = state(&guide, "DC");
    assert_eq!(dc.license, LicenseRule::Verify);
    assert!(matches!(dc.caveat, Some(Caveat::Conflict(_))));
    for goal in Goal::ALL {
        let seen = ids(&guide.steps(Area::Licensing, goal, Some("DC")));
        assert!(
            seen.contains(&"dc.check-license".to_owned()),
            "{goal:?}: {seen:?}"
        );
        assert!(!seen.contains(&"lic.none".to_owned()), "{goal:?}: {seen:?}");
    }
}

#[test]
fn puerto_rico_names_its_board_law_exam_and_residence() {
    let guide = guide();
    let pr = state(&guide, "PR");
    let body = pr.body.clone().unwrap_or_default();
    assert!(
        body.contains("Junta Examinadora de Tecnólogos Médicos"),
        "{body}"
    );
    assert!(body.contains("Ley 167"), "{body}");
    let mls = ids(&guide.steps(Area::Licensing, Goal::Mls, Some("PR")));
    for id in ["pr.revalida", "pr.residence", "pr.education"] {
        assert!(mls.contains(&id.to_owned()), "{mls:?}");
    }
}

#[test]
fn california_separates_the_mlt_and_cls_licenses() {
    let guide = guide();
    let mlt = ids(&guide.steps(Area::Licensing, Goal::Mlt, Some("CA")));
    let mls = ids(&guide.steps(Area::Licensing, Goal::Mls, Some("CA")));
    assert!(mlt.iter().all(|id| !id.starts_with("ca.cls")), "{mlt:?}");
    assert!(mls.iter().all(|id| !id.starts_with("ca.mlt")), "{mls:?}");
    let apply = guide
        .step("ca.mlt-apply")
        .map(|(_, s)| s)
        .expect("ca.mlt-apply");
    assert_eq!(apply.duration.map(|w| w.min), Some(10));
}

#[test]
fn general_steps_cover_certification_state_choice_and_clia() {
    let guide = guide();
    let seen = ids(&guide.steps(Area::Licensing, Goal::Mlt, None));
    assert_eq!(seen, ["lic.cert-vs-license", "lic.check-state", "lic.clia"]);
    let check = guide
        .step("lic.check-state")
        .map(|(_, s)| s)
        .expect("lic.check-state");
    assert!(check.how.contains("Press s"));
    assert!(matches!(check.caveat, Some(Caveat::Conflict(_))));
    let clia = guide.step("lic.clia").map(|(_, s)| s).expect("lic.clia");
    assert!(clia.facts.iter().any(|f| f.text.contains("Dec 28, 2024")));
    assert!(
        clia.facts
            .iter()
            .any(|f| matches!(f.caveat, Some(Caveat::Unverified(_))))
    );
}

#[test]
fn durations_only_where_a_processing_time_is_sourced() {
    let guide = guide();
    let expected = [
        ("ca.mlt-apply", 10, 10),
        ("ca.cls-apply", 21, 22),
        ("hi.mt-apply", 2, 3),
        ("wv.apply", 2, 2),
    ];
    let mut found: Vec<(String, u16, u16)> = all_licensing_steps(&guide)
        .iter()
        .filter_map(|s| s.duration.map(|w| (s.id.clone(), w.min, w.max)))
        .collect();
    found.sort();
    let mut expected: Vec<(String, u16, u16)> = expected
        .iter()
        .map(|(id, a, b)| ((*id).to_owned(), *a, *b))
        .collect();
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn titles_and_summaries_fit_the_narrow_list() {
    let guide = guide();
    for step in all_licensing_steps(&guide) {
        assert!(
            step.title.chars().count() <= 48,
            "title too long: {}",
            step.title
        );
        assert!(
            step.summary.chars().count() <= 90,
            "summary too long ({}): {}",
            step.id,
            step.summary
        );
        assert!(!step.summary.contains('\n'), "{}", step.id);
    }
    for record in &guide.states {
        assert!(
            record.summary.chars().count() <= 90,
            "summary too long ({}): {}",
            record.code,
            record.summary
        );
        for title in &record.titles {
            assert!(
                title.name.chars().count() <= 60,
                "{}: {}",
                record.code,
                title.name
            );
        }
    }
}

#[test]
fn own_ids_follow_the_naming_rules() {
    let guide = own_guide();
    for source in &guide.sources {
        assert!(
            source.id.starts_with("lic-") || source.id.starts_with("st-"),
            "source id {} needs a lic- or st- prefix",
            source.id
        );
        // `verified` is the day someone compared the item with its source: it must
        // be a real check, not a date from before this guide was researched.
        let verified = source.verified.to_string();
        assert!(
            verified.as_str() >= "2026-11-24",
            "{} verified {verified}",
            source.id
        );
        assert!(source.url.starts_with("http"), "{}", source.id);
    }
    for step in &guide.licensing {
        assert!(step.id.starts_with("lic."), "{}", step.id);
    }
    assert_eq!(
        guide.no_license_step.as_ref().map(|s| s.id.as_str()),
        Some("lic.none")
    );
    for record in &guide.states {
        let prefix = format!("{}.", record.code.to_lowercase());
        for step in &record.steps {
            assert!(
                step.id.starts_with(&prefix),
                "{} in {}",
                step.id,
                record.code
            );
        }
    }
}

#[test]
fn third_party_only_claims_carry_a_caveat_or_an_official_companion() {
    // A step or fact whose every source is third-party must say so with a caveat,
    // the ASCLS list behind "no license here" included (ASCLS is a society, not a state).
    let guide = guide();
    let third_party_only = |sources: &[String]| {
        !sources.is_empty()
            && sources
                .iter()
                .all(|id| guide.source(id).map(|s| s.tier) == Some(Tier::ThirdParty))
    };
    for step in all_licensing_steps(&guide) {
        assert!(
            !third_party_only(&step.sources) || step.caveat.is_some(),
            "{} rests only on third-party sources without a caveat",
            step.id
        );
        for fact in &step.facts {
            if third_party_only(&fact.sources) {
                assert!(fact.caveat.is_some(), "{}: fact {}", step.id, fact.label);
            }
        }
    }
    for record in &guide.states {
        for fact in &record.facts {
            if third_party_only(&fact.sources) {
                assert!(
                    fact.caveat.is_some(),
                    "{}: fact {}",
                    record.code,
                    fact.label
                );
            }
        }
    }
}

#[test]
fn tennessee_fees_come_from_the_fee_rule_with_the_regulatory_fee() {
    let guide = guide();
    let fees = state(&guide, "TN")
        .facts
        .iter()
        .find(|f| f.label == "Fees")
        .expect("Tennessee has a fees fact");
    assert!(fees.text.contains("$50") && fees.text.contains("$10") && fees.text.contains("$90"));
    assert!(fees.sources.iter().any(|s| s == "st-tn-1200-06-01-06"));
    let apply = guide.step("tn.apply").map(|(_, s)| s).expect("tn.apply");
    let regulatory = apply
        .fees
        .iter()
        .find(|f| f.what.contains("regulatory"))
        .expect("the $10 state regulatory fee is a fee of its own");
    assert_eq!(regulatory.usd, 10);
    assert_eq!(regulatory.year, 2025);
}

#[test]
fn louisiana_fee_is_marked_stale() {
    let guide = guide();
    let fee = state(&guide, "LA")
        .facts
        .iter()
        .find(|f| f.label == "Fee")
        .expect("Louisiana has a fee fact");
    assert!(matches!(&fee.caveat, Some(Caveat::Conflict(t)) if t.contains("LSBME")));
    for id in ["la.technician", "la.generalist"] {
        let step = guide.step(id).map(|(_, s)| s).expect(id);
        for f in &step.fees {
            assert!(
                matches!(&f.caveat, Some(Caveat::Unverified(t)) if t.contains("2015")),
                "{id}: the 2015 fee must say it is stale"
            );
        }
    }
}

#[test]
fn unknown_background_checks_name_the_board_to_ask() {
    let guide = guide();
    for code in LICENSING {
        let record = state(&guide, code);
        let Some(fact) = record.facts.iter().find(|f| f.label == "Background check") else {
            continue;
        };
        if let Some(Caveat::Unverified(text)) = &fact.caveat {
            assert!(
                !text.contains("licensing body"),
                "{code}: name the board, not 'the licensing body'"
            );
            assert!(
                text.to_lowercase().contains("ask "),
                "{code}: say whom to ask"
            );
        }
    }
}
