//! Keeping it: the maintenance cycles in the guide (issue 23). Every number
//! here is one a person plans their CE around, so each is checked against
//! the fact sheet, and every unknown must say so.

use medtech::content::{Anchor, Caveat, CeUnit, Guide, Upkeep};

const LICENSING: [&str; 11] = [
    "CA", "FL", "HI", "LA", "MT", "NV", "NY", "ND", "TN", "WV", "PR",
];

fn guide() -> Guide {
    match Guide::embedded() {
        Ok(guide) => guide,
        Err(e) => panic!("content file is not valid RON: {e}"),
    }
}

fn credential_upkeep<'g>(guide: &'g Guide, id: &str) -> &'g Upkeep {
    match guide.credential(id).and_then(|c| c.upkeep.as_ref()) {
        Some(u) => u,
        None => panic!("{id} has no upkeep"),
    }
}

fn state_upkeep<'g>(guide: &'g Guide, code: &str) -> &'g Upkeep {
    match guide.state(code).and_then(|s| s.renewal.as_ref()) {
        Some(r) => &r.upkeep,
        None => panic!("{code} has no renewal"),
    }
}

#[test]
fn ascp_mlt_and_mls_need_36_points_in_3_years_with_the_safety_element_and_academic_rules() {
    let guide = guide();
    for id in ["mlt-ascp", "mls-ascp"] {
        let u = credential_upkeep(&guide, id);
        assert_eq!(
            (u.months, u.needed, u.unit),
            (Some(36), Some(36), CeUnit::Points),
            "{id}"
        );
        let safety = &u.categories[0];
        assert!(safety.name.contains("safety"), "{id}");
        // ASCP names the element but the guide found no official amount.
        assert_eq!(safety.needed, None, "{id}");
        assert!(matches!(safety.caveat, Some(Caveat::Unverified(_))), "{id}");
        let academic = u
            .academic
            .as_ref()
            .expect("ASCP states its academic conversion");
        assert_eq!(
            (
                academic.per_semester_hour,
                academic.per_quarter_hour,
                academic.cap_percent
            ),
            (15, 10, 50)
        );
        assert_eq!(
            u.required_from.map(|d| d.to_string()).as_deref(),
            Some("2004-01-01")
        );
    }
}

#[test]
fn amt_needs_45_points_in_3_years_and_90_dollars_every_year() {
    let guide = guide();
    for id in ["mlt-amt", "mls-amt"] {
        let u = credential_upkeep(&guide, id);
        assert_eq!(
            (u.months, u.needed, u.unit),
            (Some(36), Some(45), CeUnit::Points)
        );
        let fee = u.fee.as_ref().expect("AMT's yearly fee");
        assert_eq!((fee.usd, fee.every_months), (90, Some(12)));
        assert!(u.academic.is_none(), "no AMT conversion is sourced");
    }
}

#[test]
fn aab_runs_to_december_31_and_does_not_invent_its_ce() {
    let guide = guide();
    for id in ["mlt-aab", "mt-aab"] {
        let u = credential_upkeep(&guide, id);
        assert_eq!(
            u.anchor,
            Anchor::EndsOn {
                month: 12,
                day: 31,
                even_years: None
            }
        );
        assert_eq!(u.needed, None);
        assert!(u.fee.is_none());
        assert!(matches!(u.caveat, Some(Caveat::Unverified(_))));
    }
}

#[test]
fn every_licensing_state_says_how_it_renews_or_that_the_guide_does_not_know() {
    let guide = guide();
    for code in LICENSING {
        let record = guide.state(code).expect("state");
        let renewal = record.renewal.as_ref().unwrap_or_else(|| panic!("{code}"));
        assert!(!renewal.licenses.is_empty(), "{code}");
        let u = &renewal.upkeep;
        if u.months.is_none() || u.needed.is_none() {
            assert!(
                matches!(u.caveat, Some(Caveat::Unverified(_))),
                "{code}: an unknown cycle or CE total must say to ask"
            );
        }
    }
    for record in &guide.states {
        if !LICENSING.contains(&record.code.as_str()) {
            assert!(record.renewal.is_none(), "{} licenses nobody", record.code);
        }
    }
}

#[test]
fn the_state_numbers_are_the_fact_sheets() {
    let guide = guide();
    let ca = state_upkeep(&guide, "CA");
    assert_eq!(
        (ca.months, ca.needed, ca.unit),
        (Some(24), Some(24), CeUnit::Hours)
    );
    let tn = state_upkeep(&guide, "TN");
    assert_eq!(
        (tn.months, tn.needed, tn.anchor),
        (Some(24), Some(24), Anchor::CalendarYears)
    );
    let ny = state_upkeep(&guide, "NY");
    assert_eq!((ny.months, ny.needed), (Some(36), None));
    for code in ["LA", "WV"] {
        let u = state_upkeep(&guide, code);
        assert_eq!((u.months, u.needed), (Some(12), None), "{code}");
    }
    let la = state_upkeep(&guide, "LA");
    assert!(
        matches!(
            la.fee.as_ref().and_then(|f| f.caveat.as_ref()),
            Some(Caveat::Conflict(_))
        ),
        "Louisiana's fee sources disagree and the guide says so"
    );
    assert_eq!(state_upkeep(&guide, "MT").needed, Some(14));
    assert_eq!(state_upkeep(&guide, "ND").needed, Some(24));
}

#[test]
fn florida_ends_august_31_of_even_years_with_its_courses_and_first_cycle_exemption() {
    let guide = guide();
    let fl = state_upkeep(&guide, "FL");
    assert_eq!(
        fl.anchor,
        Anchor::EndsOn {
            month: 8,
            day: 31,
            even_years: Some(true)
        }
    );
    assert_eq!((fl.months, fl.needed), (Some(24), Some(24)));
    assert!(fl.first_cycle_exempt);
    let courses: Vec<(&str, Option<u16>, bool)> = fl
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.needed, c.always))
        .collect();
    assert_eq!(
        courses,
        [
            ("HIV/AIDS", Some(1), true),
            ("Prevention of medical errors", Some(2), true),
            ("Florida laws and rules", Some(1), false),
        ]
    );
}

#[test]
fn every_cycle_resting_on_third_parties_only_says_so() {
    let guide = guide();
    let all = guide
        .credentials
        .iter()
        .filter_map(|c| c.upkeep.as_ref().map(|u| (c.id.clone(), u)))
        .chain(
            guide
                .states
                .iter()
                .filter_map(|s| s.renewal.as_ref().map(|r| (s.code.clone(), &r.upkeep))),
        );
    for (key, u) in all {
        if guide.third_party_only(&u.sources) {
            assert!(u.caveat.is_some(), "{key}");
        }
        for source in &u.sources {
            assert!(guide.source(source).is_some(), "{key}: {source}");
        }
    }
}
