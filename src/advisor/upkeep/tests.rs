use super::*;
use crate::content::Goal;
use crate::profile::{CeLog, HeldCredential, Status, StepRecord};

fn day(s: &str) -> Date {
    s.parse().expect("a date")
}

fn guide() -> Guide {
    Guide::embedded().expect("the guide loads")
}

fn span(start: &str, end: &str) -> Dates {
    Dates {
        start: day(start),
        end: day(end),
    }
}

fn activity(id: u32, date: &str, tenths: u32, credit: Credit) -> Activity {
    Activity {
        id,
        date: day(date),
        tenths,
        credit,
        title: format!("activity {id}"),
        provider: String::new(),
        categories: vec![],
        counts_for: vec![],
    }
}

/// MLT(ASCP) since March 2024 and a California MLT license since June 2024.
fn walker() -> Profile {
    let mut p = Profile {
        goal: Goal::Mlt,
        state: Some("CA".into()),
        ..Profile::default()
    };
    p.background.credentials.push(HeldCredential {
        name: "MLT(ASCP)".into(),
        since: "2024-03".parse().expect("month"),
    });
    p.steps.insert(
        "ca.mlt-apply".into(),
        StepRecord {
            status: Status::Done,
            date: Some("2024-06".parse().expect("month")),
            note: String::new(),
        },
    );
    p
}

#[test]
fn a_cycle_counted_from_the_day_earned_runs_to_the_day_before_the_same_day() {
    let (d, first) = cycle_dates(Anchor::Earned, 36, day("2024-03-01"), day("2026-12-08"));
    assert_eq!(d, span("2024-03-01", "2027-02-28"));
    assert!(first);
    let (d, first) = cycle_dates(Anchor::Earned, 36, day("2024-03-01"), day("2027-03-01"));
    assert_eq!(d, span("2027-03-01", "2030-02-28"));
    assert!(!first);
    // Before the credential: its first cycle.
    let (d, _) = cycle_dates(Anchor::Earned, 24, day("2024-06-01"), day("2020-01-01"));
    assert_eq!(d, span("2024-06-01", "2026-05-31"));
}

#[test]
fn a_credential_earned_on_the_31st_keeps_the_31st_where_the_month_has_one() {
    let on = |d| cycle_dates(Anchor::Earned, 1, day("2024-01-31"), day(d)).0;
    // February has no 31st: the first cycle ends on its last day (a leap year).
    assert_eq!(on("2024-02-15"), span("2024-01-31", "2024-02-29"));
    assert_eq!(on("2024-03-01"), span("2024-03-01", "2024-03-30"));
    // Back on the 31st once the month has one, not drifting to the 29th.
    assert_eq!(on("2024-03-31"), span("2024-03-31", "2024-04-30"));
    assert_eq!(on("2024-05-02"), span("2024-05-01", "2024-05-30"));
    let (d, _) = cycle_dates(Anchor::Earned, 24, day("2024-08-31"), day("2025-01-01"));
    assert_eq!(d, span("2024-08-31", "2026-08-30"));
}

#[test]
fn a_credential_earned_on_a_leap_day_ends_on_february_28_and_the_next_starts_march_1() {
    let on = |d| cycle_dates(Anchor::Earned, 36, day("2024-02-29"), day(d)).0;
    assert_eq!(on("2025-01-01"), span("2024-02-29", "2027-02-28"));
    assert_eq!(on("2027-03-01"), span("2027-03-01", "2030-02-28"));
    // Twelve years on, February 29 exists again.
    assert_eq!(on("2036-03-01"), span("2036-02-29", "2039-02-28"));
}

#[test]
fn florida_cycles_end_august_31_of_even_years_whenever_the_license_was_issued() {
    let fl = Anchor::EndsOn {
        month: 8,
        day: 31,
        even_years: Some(true),
    };
    let (d, first) = cycle_dates(fl, 24, day("2025-03-10"), day("2025-06-01"));
    assert_eq!(d, span("2024-09-01", "2026-08-31"));
    assert!(first, "a license issued mid-cycle expires with everyone's");
    let (d, first) = cycle_dates(fl, 24, day("2024-06-15"), day("2026-12-08"));
    assert_eq!(d, span("2026-09-01", "2028-08-31"));
    assert!(!first);
    let (d, first) = cycle_dates(fl, 24, day("2026-08-31"), day("2026-08-31"));
    assert_eq!(d, span("2024-09-01", "2026-08-31"));
    assert!(first);
    let aab = Anchor::EndsOn {
        month: 12,
        day: 31,
        even_years: None,
    };
    let (d, _) = cycle_dates(aab, 12, day("2025-05-01"), day("2026-12-08"));
    assert_eq!(d, span("2026-01-01", "2026-12-31"));
}

#[test]
fn calendar_year_cycles_start_january_1_of_the_year_licensed() {
    let (d, first) = cycle_dates(
        Anchor::CalendarYears,
        24,
        day("2023-06-10"),
        day("2026-12-08"),
    );
    assert_eq!(d, span("2025-01-01", "2026-12-31"));
    assert!(!first);
}

#[test]
fn the_walk_holds_mlt_ascp_and_the_california_license_with_their_cycles() {
    let guide = guide();
    let mut p = walker();
    let mut safety = activity(1, "2026-10-02", 15, Credit::Hours);
    safety.categories = vec!["Safety".into()];
    safety.counts_for = vec!["MLT(ASCP)".into(), "California MLT license".into()];
    let mut ascp_only = activity(2, "2025-04-10", 100, Credit::Hours);
    ascp_only.counts_for = vec!["mlt (ascp)".into()];
    let mut ca_only = activity(3, "2026-07-01", 60, Credit::Hours);
    ca_only.counts_for = vec!["CA".into()];
    // Before the California cycle began: counts for ASCP (no `for`: all).
    let old = activity(4, "2026-05-01", 20, Credit::Hours);
    p.ce = CeLog {
        activities: vec![safety, ascp_only, ca_only, old],
    };
    let cycles = cycles(&guide, &p, day("2026-12-08"));
    let names: Vec<&str> = cycles.iter().map(|c| c.held.name.as_str()).collect();
    assert_eq!(names, ["MLT(ASCP)", "California MLT license"]);
    let ascp = &cycles[0];
    assert_eq!(ascp.dates, Some(span("2024-03-01", "2027-02-28")));
    assert_eq!(
        (ascp.needed, ascp.logged, ascp.unit),
        (Some(360), 135, CeUnit::Points)
    );
    assert_eq!(ascp.categories[0].logged, 15);
    assert_eq!(ascp.categories[0].needed, None);
    assert_eq!(ascp.days_left, Some(82));
    assert_eq!(ascp.warning, Some(Warning::Days90));
    assert_eq!(ascp.next_fee, None);
    let ca = &cycles[1];
    assert_eq!(ca.dates, Some(span("2026-06-01", "2028-05-31")));
    assert_eq!(
        (ca.needed, ca.logged, ca.unit),
        (Some(240), 75, CeUnit::Hours)
    );
    assert_eq!(ca.warning, None);
    assert!(
        ca.source_url
            .as_ref()
            .is_some_and(|u| u.contains("cdph.ca.gov"))
    );
}

#[test]
fn academic_credit_converts_as_ascp_says_within_half_the_points() {
    let guide = guide();
    let mut p = walker();
    // 1 quarter hour = 10 points.
    p.ce = CeLog {
        activities: vec![activity(1, "2025-01-10", 10, Credit::QuarterHours)],
    };
    let c = &cycles(&guide, &p, day("2026-12-08"))[0];
    assert_eq!((c.logged, c.over_cap), (100, 0));
    // 3 semester hours = 45 points, but at most 18 of the 36 count.
    p.ce = CeLog {
        activities: vec![
            activity(1, "2026-07-10", 30, Credit::SemesterHours),
            activity(2, "2026-08-10", 50, Credit::Hours),
        ],
    };
    let cycles = cycles(&guide, &p, day("2026-12-08"));
    assert_eq!((cycles[0].logged, cycles[0].over_cap), (180 + 50, 270));
    // California says nothing of college credit: not counted, and said so.
    let ca = &cycles[1];
    assert!(ca.academic_uncounted);
    assert_eq!(ca.logged, 50);
}

#[test]
fn a_first_florida_cycle_needs_only_the_statutory_courses() {
    let guide = guide();
    let mut p = Profile {
        state: Some("FL".into()),
        ..Profile::default()
    };
    p.steps.insert(
        "fl.apply".into(),
        StepRecord {
            status: Status::Done,
            date: Some(PartialDate::Day(day("2025-03-10"))),
            note: String::new(),
        },
    );
    let mut hiv = activity(1, "2025-04-01", 10, Credit::Hours);
    hiv.categories = vec!["hiv/aids".into()];
    p.ce = CeLog {
        activities: vec![hiv],
    };
    let c = &cycles(&guide, &p, day("2025-06-01"))[0];
    assert_eq!(c.held.name, "Florida license");
    assert!(c.first);
    assert_eq!(c.needed, Some(30));
    let cats: Vec<(&str, Option<u32>, u32)> = c
        .categories
        .iter()
        .map(|k| (k.name.as_str(), k.needed, k.logged))
        .collect();
    assert_eq!(
        cats,
        [
            ("HIV/AIDS", Some(10), 10),
            ("Prevention of medical errors", Some(20), 0)
        ]
    );
    // The next cycle needs all 24 hours and the laws-and-rules hour.
    let c = &cycles(&guide, &p, day("2026-09-01"))[0];
    assert_eq!((c.needed, c.categories.len()), (Some(240), 3));
}

#[test]
fn warnings_come_90_and_30_days_before_the_end() {
    let guide = guide();
    let p = walker();
    let on = |d| cycles(&guide, &p, day(d))[0].warning;
    // The ASCP cycle ends 2027-02-28.
    assert_eq!(on("2026-11-29"), None);
    assert_eq!(on("2026-11-30"), Some(Warning::Days90));
    assert_eq!(on("2027-01-28"), Some(Warning::Days90));
    assert_eq!(on("2027-01-29"), Some(Warning::Days30));
    assert_eq!(on("2027-02-28"), Some(Warning::Days30));
    assert_eq!(cycles(&guide, &p, day("2027-02-28"))[0].days_left, Some(0));
}

#[test]
fn amt_is_held_from_a_dated_exam_step_and_its_yearly_fee_falls_on_the_anniversary() {
    let guide = guide();
    let mut p = Profile::default();
    for (id, date) in [
        ("cert.choose.amt", "2023-01-01"),
        ("cert.exam", "2024-03-15"),
    ] {
        p.steps.insert(
            id.into(),
            StepRecord {
                status: Status::Done,
                date: Some(PartialDate::Day(day(date))),
                note: String::new(),
            },
        );
    }
    let cycles = cycles(&guide, &p, day("2026-12-08"));
    assert_eq!(cycles.len(), 1);
    let c = &cycles[0];
    assert_eq!(c.held.name, "MLT(AMT)");
    assert_eq!(c.needed, Some(450));
    assert_eq!(
        c.next_fee,
        Some(NextFee {
            usd: 90,
            due: day("2027-03-15")
        })
    );
    // Listed in the background as well: held once.
    p.background.credentials.push(HeldCredential {
        name: "mlt amt".into(),
        since: PartialDate::Day(day("2024-03-15")),
    });
    assert_eq!(held(&guide, &p).len(), 1);
}

#[test]
fn what_the_guide_does_not_know_is_not_counted_and_says_whom_to_ask() {
    let guide = guide();
    let mut p = Profile {
        state: Some("NV".into()),
        ..Profile::default()
    };
    p.steps.insert(
        "nv.technician".into(),
        StepRecord {
            status: Status::Done,
            date: Some(PartialDate::Day(day("2025-01-01"))),
            note: String::new(),
        },
    );
    p.background.credentials.push(HeldCredential {
        name: "MLT(ASCPi)".into(),
        since: PartialDate::Day(day("2025-01-01")),
    });
    let cycles = cycles(&guide, &p, day("2026-12-08"));
    assert_eq!(cycles.len(), 2);
    for c in &cycles {
        assert!(!c.is_known(), "{}", c.held.name);
        assert_eq!((c.dates, c.days_left, c.next_fee), (None, None, None));
        assert!(c.source_url.is_some(), "{}", c.held.name);
    }
    assert_eq!(cycles[0].ask_whom(), "the certifier");
    assert_eq!(cycles[1].ask_whom(), "the board");
}

#[test]
fn ascp_is_voluntary_for_those_certified_before_2004() {
    let guide = guide();
    let mut p = Profile::default();
    p.background.credentials.push(HeldCredential {
        name: "MLS(ASCP)".into(),
        since: "2001-05".parse().expect("month"),
    });
    assert!(cycles(&guide, &p, day("2026-12-08"))[0].voluntary);
}

#[test]
fn west_virginia_charges_its_fee_at_the_end_of_each_yearly_cycle() {
    let guide = guide();
    let mut p = Profile {
        state: Some("WV".into()),
        ..Profile::default()
    };
    p.steps.insert(
        "wv.mlt".into(),
        StepRecord {
            status: Status::Done,
            date: Some(PartialDate::Day(day("2025-04-10"))),
            note: String::new(),
        },
    );
    let c = &cycles(&guide, &p, day("2026-12-08"))[0];
    assert_eq!(c.dates, Some(span("2026-04-10", "2027-04-09")));
    assert_eq!(
        c.next_fee,
        Some(NextFee {
            usd: 25,
            due: day("2027-04-09")
        })
    );
}

#[test]
fn an_activity_dated_in_no_cycle_is_said_to_count_toward_none() {
    let guide = guide();
    let p = walker();
    let cycles = cycles(&guide, &p, day("2026-12-08"));
    let outside = |a: &Activity| outside_every_cycle(&cycles, a);
    // Long before MLT(ASCP) (2024-03) and the license (2024-06).
    assert!(outside(&activity(1, "1990-05-01", 20, Credit::Hours)));
    // In the current cycles, and in MLT(ASCP)'s first cycle though before
    // the license's.
    assert!(!outside(&activity(2, "2026-10-02", 20, Credit::Hours)));
    assert!(!outside(&activity(3, "2024-04-01", 20, Credit::Hours)));
    // For the license alone, April 2024 is before its first cycle.
    let mut license_only = activity(4, "2024-04-01", 20, Credit::Hours);
    license_only.counts_for = vec!["California MLT license".into()];
    assert!(outside(&license_only));
    // After the current cycle (its last day is 2027-02-28): only MLT(ASCP).
    let later = super::cycles(&guide, &p, day("2027-02-28"));
    let mut tomorrow = activity(5, "2027-03-01", 20, Credit::Hours);
    tomorrow.counts_for = vec!["MLT(ASCP)".into()];
    assert!(outside_every_cycle(&later, &tomorrow));
    // Counting for nothing held: nothing to be outside of, nothing said.
    let mut elsewhere = activity(6, "1990-05-01", 20, Credit::Hours);
    elsewhere.counts_for = vec!["MLS(AMT)".into()];
    assert!(!outside(&elsewhere));
    assert!(!outside_every_cycle(
        &[],
        &activity(7, "1990-05-01", 20, Credit::Hours)
    ));
}
