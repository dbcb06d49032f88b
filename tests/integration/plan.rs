//! The plan (issue 20): one credential and route chosen for the person,
//! every gap with the step that meets it, dates ahead, the range with
//! unknowns, and the steps the background covers. The four people of the
//! issue are checked against `/work/shared/domain/facts.md`.
#![allow(clippy::similar_names)]

use medtech::advisor::eligibility::{self, Reason, ReasonKind, RouteAdvice, Verdict};
use medtech::advisor::estimate::{self, Finish};
use medtech::advisor::plan::{self, Plan, Standing};
use medtech::advisor::{self as adv};
use medtech::content::{Accreditor, Area, Date, Discipline, Goal, Guide, Program};
use medtech::profile::{
    Background, Education, Experience, HeldCredential, MilitaryCourse, PartialDate, Profile,
    ProgramDone, StepRecord,
};

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

fn month(s: &str) -> PartialDate {
    s.parse().expect("a month")
}

fn today() -> Date {
    date("2026-12-07")
}

fn guide() -> &'static Guide {
    use std::sync::OnceLock;
    static GUIDE: OnceLock<Guide> = OnceLock::new();
    GUIDE.get_or_init(|| Guide::embedded().expect("the embedded guide"))
}

fn person(goal: Goal, state: &str, background: Background) -> Profile {
    Profile {
        goal,
        state: Some(state.to_owned()),
        background,
        ..Profile::default()
    }
}

fn plan_of(p: &Profile) -> (Plan<'static>, Finish) {
    let g = guide();
    let routes = eligibility::for_goal(g, p, today());
    let chosen = plan::choose(g, p, &routes, today()).expect("a plan");
    let finish = estimate::finish(g, p, Some(&chosen), today());
    (chosen, finish)
}

fn missing(plan: &Plan<'_>) -> String {
    plan.missing
        .iter()
        .map(|r| format!("{} [{}]", r.text, r.step.as_deref().unwrap_or("-")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The New York veteran of the issue: a high-school diploma and a 52-week
/// military laboratory course finished 2022-08.
pub(crate) fn ny_veteran() -> Profile {
    person(
        Goal::Mlt,
        "NY",
        Background {
            education: Some(Education::HighSchool),
            military_course: Some(MilitaryCourse {
                weeks: 52,
                finished: month("2022-08"),
            }),
            ..Background::default()
        },
    )
}

/// The Florida biology graduate: BS 2019, 24 h chemistry, 20 h biology,
/// 6 months of lab work.
fn fl_biologist() -> Profile {
    person(
        Goal::Mls,
        "FL",
        Background {
            education: Some(Education::Bachelor),
            field: Some("Biology".to_owned()),
            semester_hours: Some(120),
            chemistry_hours: Some(24),
            biology_hours: Some(20),
            experience: vec![Experience {
                months: 6,
                ended: Some(month("2020-06")),
                areas: Vec::new(),
            }],
            ..Background::default()
        },
    )
}

/// The Nevada MLT(ASCP) since 2019-05 with a bachelor's and 60 months of
/// work, science hours left blank.
fn nv_technician() -> Profile {
    person(
        Goal::Mls,
        "NV",
        Background {
            education: Some(Education::Bachelor),
            field: Some("Biology".to_owned()),
            experience: vec![Experience {
                months: 60,
                ended: None,
                areas: Vec::new(),
            }],
            credentials: vec![HeldCredential {
                name: "MLT(ASCP)".to_owned(),
                since: month("2019-05"),
            }],
            ..Background::default()
        },
    )
}

/// The California graduate with 30 months of work, still working, whose
/// experience has not covered immunology.
fn ca_graduate() -> Profile {
    person(
        Goal::Mlt,
        "CA",
        Background {
            education: Some(Education::Bachelor),
            field: Some("Biology".to_owned()),
            semester_hours: Some(120),
            chemistry_hours: Some(16),
            biology_hours: Some(24),
            microbiology_hours: Some(4),
            experience: vec![Experience {
                months: 30,
                ended: None,
                areas: vec![
                    Discipline::BloodBank,
                    Discipline::Chemistry,
                    Discipline::Hematology,
                    Discipline::Microbiology,
                    Discipline::Urinalysis,
                ],
            }],
            ..Background::default()
        },
    )
}

fn route<'g>(routes: &'g [RouteAdvice<'g>], id: &str) -> &'g RouteAdvice<'g> {
    routes
        .iter()
        .find(|r| r.route.id == id)
        .unwrap_or_else(|| panic!("no route {id}"))
}

// ---- The four people of the issue ------------------------------------------

/// facts.md §5.2 New York (technician: an associate's from a registered or
/// accredited CLT program; NY accepts the ASCP MLT exam, not AMT's, §11.5
/// and §3), §2.1 / §10 (MLT(ASCP) Route 3: associate or 60 semester hours
/// with 6 chemistry + 6 biology, and a 50-week military course within ten
/// years), §3 (MLT(AMT)'s military path, five years).
#[test]
fn the_new_york_veteran_is_planned_towards_mlt_ascp_not_amt() {
    let p = ny_veteran();
    let (chosen, finish) = plan_of(&p);
    assert_eq!(chosen.route.label(), "MLT(ASCP) Route 3", "{}", chosen.why);
    assert_eq!(chosen.accepted, Some(true));
    assert_eq!(chosen.standing, Standing::NotMet);
    assert!(!chosen.education_covered());
    // The met AMT route is named, and why it does not lead to a license.
    assert!(
        chosen.why.contains("New York does not accept MLT(AMT)"),
        "{}",
        chosen.why
    );
    assert!(chosen.why.contains("No route leads to a New York license"));
    assert!(!chosen.why.contains("covered"), "{}", chosen.why);
    // Every gap, each with its step.
    let gaps = missing(&chosen);
    for (text, step) in [
        ("60 semester hours", "edu.associate"),
        ("6 semester hours of chemistry", "edu.prereqs.chemistry"),
        ("6 semester hours of biology", "edu.prereqs.biology"),
    ] {
        assert!(
            chosen
                .missing
                .iter()
                .any(|r| r.text.contains(text) && r.step.as_deref() == Some(step)),
            "{text} with {step}:\n{gaps}"
        );
    }
    // New York's own rule is checked: met once he holds MLT(ASCP).
    let rule = chosen.rule.as_ref().expect("New York's technician rule");
    assert!(rule.by_credential, "{rule:?}");
    // The next step is one that meets a gap, not a certification step.
    let next = plan::next_step(guide(), &p, Some(&chosen)).expect("a next step");
    assert_eq!(next.area, Area::Education, "{}", next.step.id);
    // Entering 60 college hours moves the plan and its finish.
    let mut more = p.clone();
    more.background.education = Some(Education::SomeCollege);
    more.background.semester_hours = Some(60);
    let (after, later) = plan_of(&more);
    assert_eq!(after.route.label(), "MLT(ASCP) Route 3");
    assert_eq!(after.standing, Standing::Unknown, "{}", missing(&after));
    assert!(later.earliest < finish.earliest, "{later:?} vs {finish:?}");
    let question = after.question.as_deref().expect("a question");
    assert!(question.contains("semester hours of"), "{question}");
}

/// facts.md §5.2 Florida and §11.5: the technologist's first generalist
/// option is a bachelor's in a biological science, a NAACLS program and
/// MLS(ASCP), MT(ASCPi), MT(AMT) or MT(AAB); §1.3: the one-year post-
/// baccalaureate certificate for people with a bachelor's.
#[test]
fn the_florida_biologist_needs_the_naacls_certificate_not_another_degree() {
    let p = fl_biologist();
    let (chosen, finish) = plan_of(&p);
    assert_eq!(chosen.accepted, Some(true), "{}", chosen.why);
    assert_eq!(chosen.standing, Standing::NotMet);
    assert!(!chosen.education_covered());
    let rule = chosen.rule.as_ref().expect("Florida's technologist rule");
    assert_eq!(rule.status, Verdict::NotMet);
    assert!(
        chosen
            .missing
            .iter()
            .any(|r| r.text.contains("NAACLS")
                && r.step.as_deref() == Some("edu.bachelor.post-bacc")),
        "{}",
        missing(&chosen)
    );
    let next = plan::next_step(guide(), &p, Some(&chosen)).expect("a next step");
    assert_eq!(next.step.id, "edu.bachelor.post-bacc", "{}", next.why);
    // One year of certificate, not a four-year degree: finished before 2029.
    assert!(
        finish.latest.expect("a latest date") < date("2029-01-01"),
        "{finish:?}"
    );
}

/// facts.md §5.2 Nevada (technologist: a bachelor's in a biological science
/// and a year of clinical experience; no list of accepted certifications
/// found, §11.5) and §11.4 (MT(AAB) Pathway 1: a bachelor's in a biological
/// science).
#[test]
fn the_nevada_technician_is_met_and_not_sent_back_to_school() {
    let p = nv_technician();
    let (chosen, finish) = plan_of(&p);
    assert_eq!(chosen.standing, Standing::Met, "{}", missing(&chosen));
    assert_eq!(chosen.accepted, None, "Nevada's list was not found");
    assert!(chosen.why.contains("does not know whether Nevada accepts"));
    let rule = chosen.rule.as_ref().expect("Nevada's technologist rule");
    assert_eq!(rule.status, Verdict::Met, "{rule:?}");
    let next = plan::next_step(guide(), &p, Some(&chosen)).expect("a next step");
    assert_ne!(next.step.id, "edu.career");
    assert_ne!(next.area, Area::Education, "{}", next.step.id);
    assert!(
        !finish
            .counted
            .iter()
            .any(|(what, ..)| what.contains("bachelor")),
        "{finish:?}"
    );
    assert!(
        finish.latest.expect("a date") < date("2028-01-01"),
        "{finish:?}"
    );
    // The background shows in progress; an MLT credential does not cover
    // the MLS exam.
    assert!(adv::covered_units(guide(), &p, Area::Education) > 0);
    assert_eq!(adv::covered_units(guide(), &p, Area::Certification), 0);
}

/// facts.md §2.1 / §10: MLT(ASCP) Route 4 needs three years of full-time
/// experience in blood banking, chemistry, hematology, microbiology,
/// immunology and urinalysis; §5.2 California (MLT academics: 60 units with
/// 36 of science, 6 chemistry, 6 biology).
#[test]
fn the_california_graduate_sees_both_gaps_and_the_date_ahead() {
    let p = ca_graduate();
    let routes = eligibility::for_goal(guide(), &p, today());
    let route4 = route(&routes, "mlt-ascp.4");
    assert_eq!(route4.verdict, Verdict::NotMet);
    let text: Vec<&str> = route4.reasons.iter().map(|r| r.text.as_str()).collect();
    assert!(
        text.iter().any(|t| t.contains("you have 30")
            && t.contains("met around 2027-06")
            && t.contains("immunology")),
        "{text:?}"
    );
    // Two gaps: time alone does not meet it.
    assert_eq!(route4.when_met, None);
    let (chosen, _) = plan_of(&p);
    assert_eq!(chosen.accepted, Some(true));
    let rule = chosen.rule.as_ref().expect("California's MLT rule");
    assert_eq!(rule.status, Verdict::Met, "{rule:?}");
}

// ---- when_met ---------------------------------------------------------------

#[test]
fn experience_still_being_earned_gives_the_month_time_alone_meets_the_route() {
    // (months so far, still working, every area, expected when_met)
    let table = [
        (30, true, true, Some("2027-06")),
        (35, true, true, Some("2027-01")),
        (30, false, true, None),
        (30, true, false, None),
        (36, true, true, None),
    ];
    for (months, working, all_areas, expected) in table {
        let mut p = ca_graduate();
        let job = &mut p.background.experience[0];
        job.months = months;
        job.ended = (!working).then(|| month("2026-10"));
        if all_areas {
            job.areas.push(Discipline::Immunology);
        }
        let routes = eligibility::for_goal(guide(), &p, today());
        let route4 = route(&routes, "mlt-ascp.4");
        assert_eq!(
            route4
                .when_met
                .map(|d| d.strftime("%Y-%m").to_string())
                .as_deref(),
            expected,
            "{months} months, working {working}, all areas {all_areas}: {:?}",
            route4.reasons
        );
        if months >= 36 && all_areas {
            assert_eq!(route4.verdict, Verdict::Met);
        }
    }
}

// ---- The choice order ---------------------------------------------------------

fn fake<'g>(id: &str, verdict: Verdict, steps: &[&str], when_met: Option<&str>) -> RouteAdvice<'g>
where
    'static: 'g,
{
    let g: &'g Guide = guide();
    let route = g
        .routes
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no route {id}"));
    let credential = g.credential(&route.credential).expect("its credential");
    let kind = match verdict {
        Verdict::Unknown => ReasonKind::Question,
        _ => ReasonKind::Missing,
    };
    let when = when_met.map(|m| date(&format!("{m}-01")));
    let reasons = if verdict == Verdict::Met {
        Vec::new()
    } else if when.is_some() {
        vec![Reason {
            text: format!("✗ time ({id})"),
            step: None,
            kind,
            when,
        }]
    } else {
        steps
            .iter()
            .map(|s| Reason {
                text: format!(
                    "{} {s} ({id})",
                    if kind == ReasonKind::Question {
                        "?"
                    } else {
                        "✗"
                    }
                ),
                step: Some((*s).to_owned()),
                kind,
                when: None,
            })
            .collect()
    };
    RouteAdvice {
        route,
        credential,
        verdict,
        reasons,
        closes: None,
        when_met: when,
        rests_on: Vec::new(),
    }
}

fn answered(goal: Goal, state: Option<&str>) -> Profile {
    Profile {
        goal,
        state: state.map(ToOwned::to_owned),
        background: Background {
            education: Some(Education::Associate),
            ..Background::default()
        },
        ..Profile::default()
    }
}

#[test]
fn the_plan_is_chosen_in_the_order_the_issue_gives() {
    use Verdict::{Met, NotMet, Unknown};
    // (what decides, state, routes in the order given, the route chosen)
    let table: Vec<(&str, Option<&str>, Vec<RouteAdvice<'static>>, &str)> = vec![
        (
            "state acceptance over met",
            Some("NY"),
            vec![
                fake("mlt-amt.3", Met, &[], None),
                fake("mlt-ascp.1", NotMet, &["edu.associate"], None),
            ],
            "mlt-ascp.1",
        ),
        (
            "met over dated",
            None,
            vec![
                fake("mlt-ascp.4", NotMet, &[], Some("2027-06")),
                fake("mlt-ascp.1", Met, &[], None),
            ],
            "mlt-ascp.1",
        ),
        (
            "dated over unknown",
            None,
            vec![
                fake("mlt-ascp.3", Unknown, &["edu.prereqs"], None),
                fake("mlt-ascp.4", NotMet, &[], Some("2027-06")),
            ],
            "mlt-ascp.4",
        ),
        (
            "unknown over not met",
            None,
            vec![
                fake("mlt-ascp.1", NotMet, &["edu.accredited"], None),
                fake("mlt-ascp.3", Unknown, &["edu.prereqs"], None),
            ],
            "mlt-ascp.3",
        ),
        (
            "earliest finish",
            None,
            vec![
                fake("mlt-ascp.1", NotMet, &["edu.associate"], None),
                fake("mlt-ascp.3", NotMet, &["edu.prereqs"], None),
            ],
            "mlt-ascp.3",
        ),
        (
            "lowest cost",
            None,
            vec![
                fake("mlt-amt.3", Met, &[], None),
                fake("mlt-ascp.1", Met, &[], None),
            ],
            "mlt-ascp.1",
        ),
    ];
    for (what, state, routes, expected) in table {
        let p = answered(Goal::Mlt, state);
        let chosen = plan::choose(guide(), &p, &routes, today()).expect("a plan");
        assert_eq!(chosen.route.route.id, expected, "{what}: {}", chosen.why);
        let runner = chosen.runner_up.as_ref().expect("a runner-up");
        assert_ne!(runner.route.id, expected, "{what}");
        assert!(chosen.why.contains("Runner-up"), "{what}: {}", chosen.why);
    }
}

#[test]
fn a_chosen_certifier_outweighs_a_small_fee_difference() {
    let mut p = answered(Goal::Mlt, None);
    p.background.certifier = Some(medtech::profile::Preference::Amt);
    let routes = vec![
        fake("mlt-ascp.1", Verdict::Met, &[], None),
        fake("mlt-amt.3", Verdict::Met, &[], None),
    ];
    let chosen = plan::choose(guide(), &p, &routes, today()).expect("a plan");
    assert_eq!(chosen.route.route.id, "mlt-amt.3", "{}", chosen.why);
}

#[test]
fn a_dated_plan_finishes_after_the_date_time_alone_meets_it() {
    let p = answered(Goal::Mlt, None);
    let routes = vec![fake("mlt-ascp.4", Verdict::NotMet, &[], Some("2027-06"))];
    let chosen = plan::choose(guide(), &p, &routes, today()).expect("a plan");
    assert_eq!(chosen.standing, Standing::Dated);
    let finish = estimate::finish(guide(), &p, Some(&chosen), today());
    assert_eq!(finish.waits_until, Some(date("2027-06-01")));
    assert!(
        finish.earliest.expect("a date") >= date("2027-06-01"),
        "{finish:?}"
    );
    assert!(
        finish.latest.expect("a date") > date("2027-06-01"),
        "{finish:?}"
    );
}

// ---- The range with unknowns ---------------------------------------------------

#[test]
fn unknowns_give_a_range_not_the_worst_case() {
    let p = answered(Goal::Mlt, None);
    let routes = vec![fake(
        "mlt-ascp.3",
        Verdict::Unknown,
        &["edu.associate"],
        None,
    )];
    let chosen = plan::choose(guide(), &p, &routes, today()).expect("a plan");
    let finish = estimate::finish(guide(), &p, Some(&chosen), today());
    let (earliest, latest) = (
        finish.earliest.expect("a date"),
        finish.latest.expect("a date"),
    );
    // The associate degree (78 to 104 weeks) counts only in the latest.
    let weeks = (latest - earliest).get_days() / 7;
    assert!(weeks >= 104, "{finish:?}");
    assert_eq!(finish.assumed.len(), 1, "{finish:?}");
    // The same route not met: the degree counts in both.
    let routes = vec![fake(
        "mlt-ascp.3",
        Verdict::NotMet,
        &["edu.associate"],
        None,
    )];
    let chosen = plan::choose(guide(), &p, &routes, today()).expect("a plan");
    let sure = estimate::finish(guide(), &p, Some(&chosen), today());
    assert!(sure.earliest.expect("a date") > earliest + jiff::Span::new().weeks(70));
}

// ---- The background covers steps ---------------------------------------------

fn mlt_graduate() -> Profile {
    answered_with(Background {
        education: Some(Education::Associate),
        programs: vec![ProgramDone {
            kind: Program::Mlt,
            accreditor: Accreditor::Naacls,
            finished: month("2025-05"),
        }],
        ..Background::default()
    })
}

fn answered_with(background: Background) -> Profile {
    Profile {
        goal: Goal::Mlt,
        background,
        ..Profile::default()
    }
}

#[test]
fn the_background_covers_steps_counted_done_and_left_out_of_the_estimate() {
    // (background, step, covered)
    let table: Vec<(Profile, &str, bool)> = vec![
        (mlt_graduate(), "edu.associate.chemistry", true),
        (mlt_graduate(), "edu.practicum", true),
        (mlt_graduate(), "edu.accredited", true),
        (mlt_graduate(), "cert.exam", false),
        (answered(Goal::Mlt, None), "edu.associate.chemistry", false),
        (
            answered_with(Background {
                education: Some(Education::HighSchool),
                military_course: Some(MilitaryCourse {
                    weeks: 52,
                    finished: month("2022-08"),
                }),
                ..Background::default()
            }),
            "edu.military",
            true,
        ),
        (
            answered_with(Background {
                education: Some(Education::Associate),
                credentials: vec![HeldCredential {
                    name: "ascp mlt".to_owned(),
                    since: month("2020-01"),
                }],
                ..Background::default()
            }),
            "cert.exam",
            true,
        ),
    ];
    for (p, id, expected) in table {
        assert_eq!(
            adv::covered(&p, id).is_some(),
            expected,
            "{id} for {:?}",
            p.background
        );
    }
    let p = mlt_graduate();
    let before = adv::area_progress(guide(), &answered(Goal::Mlt, None), Area::Education);
    let after = adv::area_progress(guide(), &p, Area::Education);
    assert!(after.done >= before.done + 9, "{before:?} {after:?}");
    assert!(adv::covered_units(guide(), &p, Area::Education) >= 9);
    let routes = eligibility::for_goal(guide(), &p, today());
    let chosen = plan::choose(guide(), &p, &routes, today()).expect("a plan");
    let finish = estimate::finish(guide(), &p, Some(&chosen), today());
    assert!(
        !finish
            .counted
            .iter()
            .any(|(what, ..)| what.contains("associate") || what.contains("practicum")),
        "{finish:?}"
    );
    // The user's own mark wins.
    let mut marked = p.clone();
    marked
        .steps
        .insert("edu.practicum".to_owned(), StepRecord::default());
    assert!(adv::covered(&marked, "edu.practicum").is_none());
    assert!(
        adv::covered_units(guide(), &marked, Area::Education)
            < adv::covered_units(guide(), &p, Area::Education)
    );
}

#[test]
fn a_credential_held_leaves_its_fee_out_of_the_cost() {
    for typed in ["MLT(ASCP)", "MLT (ASCP)", "ascp mlt", "mlt(ascp)"] {
        let p = answered_with(Background {
            education: Some(Education::Associate),
            credentials: vec![HeldCredential {
                name: typed.to_owned(),
                since: month("2020-01"),
            }],
            ..Background::default()
        });
        let routes = eligibility::for_goal(guide(), &p, today());
        let chosen = plan::choose(guide(), &p, &routes, today());
        let cost = estimate::cost(guide(), &p, chosen.as_ref());
        assert!(
            !cost
                .items
                .iter()
                .any(|(what, ..)| what.contains("application")),
            "{typed}: {cost:?}"
        );
        // Typed any way, it is the credential an MLS route asks for.
        let mls = Profile {
            goal: Goal::Mls,
            ..p.clone()
        };
        let routes = eligibility::evaluate(guide(), &mls, today());
        let route2 = route(&routes, "mls-ascp.2");
        assert!(
            route2
                .reasons
                .iter()
                .all(|r| !r.text.contains("a current MLT(ASCP)")),
            "{typed}: {:?}",
            route2.reasons
        );
    }
}

// ---- Every gap ----------------------------------------------------------------

#[test]
fn a_route_not_met_lists_every_gap_and_each_alternative_once() {
    let p = ny_veteran();
    let routes = eligibility::evaluate(guide(), &p, today());
    for r in routes.iter().filter(|r| r.verdict == Verdict::NotMet) {
        for reason in &r.reasons {
            if let Some(list) = reason.text.strip_prefix("✗ one of: ") {
                let options: Vec<&str> = list.split("; or ").collect();
                let mut unique = options.clone();
                unique.sort_unstable();
                unique.dedup();
                assert_eq!(
                    unique.len(),
                    options.len(),
                    "{}: {}",
                    r.label(),
                    reason.text
                );
            }
        }
    }
    let route3 = route(&routes, "mlt-ascp.3");
    let gaps = route3
        .reasons
        .iter()
        .filter(|r| r.kind == ReasonKind::Missing)
        .count();
    assert_eq!(gaps, 3, "{:?}", route3.reasons);
}

#[test]
fn a_naacls_graduate_is_asked_about_hhs_approval_never_refused() {
    let p = mlt_graduate();
    let routes = eligibility::evaluate(guide(), &p, today());
    let aab = route(&routes, "mlt-aab.1");
    assert_eq!(aab.verdict, Verdict::Unknown, "{:?}", aab.reasons);
    assert!(
        aab.reasons.iter().any(|r| r.text.contains("HHS-approved")),
        "{:?}",
        aab.reasons
    );
}

#[test]
fn tuition_shows_beside_the_fees_only_while_school_is_ahead() {
    let veteran = ny_veteran();
    let (chosen, _) = plan_of(&veteran);
    let cost = estimate::cost(guide(), &veteran, Some(&chosen));
    assert!(
        cost.tuition
            .iter()
            .any(|t| t.text.contains("$4,050") && t.dated.contains("2024-25")),
        "{cost:?}"
    );
    // Tuition is beside the fees, not in them: MLT(ASCP) and New York only.
    assert_eq!((cost.usd_min, cost.usd_max), (460, 470), "{cost:?}");
    let graduate = mlt_graduate();
    let routes = eligibility::for_goal(guide(), &graduate, today());
    let chosen = plan::choose(guide(), &graduate, &routes, today());
    let cost = estimate::cost(guide(), &graduate, chosen.as_ref());
    assert!(cost.tuition.is_empty(), "{cost:?}");
}

#[test]
fn the_screens_say_school_is_not_needed_only_when_the_plan_is_met() {
    use medtech::advisor::Advice;
    // New York does not take the AMT route he meets: school is still needed.
    let advice = Advice::new(guide(), &ny_veteran(), today());
    assert_eq!(advice.first_met, None);
    let shown = advice.plan.as_ref().expect("a plan");
    assert_eq!(shown.label(), "MLT(ASCP) Route 3");
    assert_eq!(shown.accepted, Some(true));
    // Texas licenses no one: the met AMT route is the plan.
    let mut texas = ny_veteran();
    texas.state = Some("TX".to_owned());
    let advice = Advice::new(guide(), &texas, today());
    assert_eq!(advice.first_met.as_deref(), Some("MLT(AMT) Route 3"));
    // Nothing answered: no plan to guess.
    let blank = Advice::new(guide(), &Profile::default(), today());
    assert!(blank.plan.is_none());
}

#[test]
fn a_credential_held_for_the_goal_is_the_plan_whatever_its_routes_say() {
    // An MLT(ASCP) since 2015 whose program is long out of its window.
    let p = person(
        Goal::Mlt,
        "NY",
        Background {
            education: Some(Education::Associate),
            programs: vec![ProgramDone {
                kind: Program::Mlt,
                accreditor: Accreditor::Naacls,
                finished: month("2014-05"),
            }],
            credentials: vec![HeldCredential {
                name: "MLT (ASCP)".to_owned(),
                since: month("2015-01"),
            }],
            ..Background::default()
        },
    );
    let (chosen, _) = plan_of(&p);
    assert_eq!(chosen.route.credential.name, "MLT(ASCP)");
    assert_eq!(chosen.standing, Standing::Met, "{}", missing(&chosen));
    assert_eq!(chosen.accepted, Some(true));
    assert!(
        chosen.why.contains("You hold MLT(ASCP) already"),
        "{}",
        chosen.why
    );
}

#[test]
fn a_credential_held_with_nothing_else_answered_is_the_plan_not_school() {
    use medtech::advisor::Advice;
    // Issue 20: California, an MLT(ASCP) since 2024, the highest education
    // left blank.
    let p = ca_holder();
    let advice = Advice::new(guide(), &p, today());
    let shown = advice.plan.as_ref().expect("a plan for a credential held");
    assert_eq!(shown.credential, "MLT(ASCP)");
    let (chosen, finish) = plan_of(&p);
    // The state's rule still asks its question, but no school is planned.
    assert_eq!(chosen.standing, Standing::Unknown, "{}", missing(&chosen));
    assert!(chosen.question.is_some());
    assert!(chosen.gap_steps(true).is_empty(), "{}", missing(&chosen));
    let next = advice.next.as_ref().expect("a next step");
    assert_ne!(next.area, Area::Education, "{next:?}");
    // The certifier's education is covered by the credential.
    assert!(
        advice
            .covered
            .iter()
            .any(|(_, why)| *why == "the credential you hold"),
        "{:?}",
        advice.covered
    );
    // Only the license is left: no course in the finish.
    assert!(
        finish.counted.iter().all(|(id, _)| !id.starts_with("edu.")),
        "{:?}",
        finish.counted
    );
    assert_eq!(finish.latest_only, 0);
}

/// The dashboard as a person sees it at 80x24 and 60x16.
fn dashboard_text(p: Profile, width: u16, height: u16) -> String {
    use medtech::app::{Action, App};
    use medtech::clock::Clock;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = App::new(guide().clone(), p, Clock::Fixed(today()));
    app.update(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    for _ in 0..2 {
        terminal
            .draw(|frame| medtech::ui::draw(frame, &app))
            .expect("drawing never fails");
    }
    terminal.backend().to_string()
}

#[test]
fn the_dashboard_shows_the_plan_and_the_question_to_answer_first() {
    let mut veteran = ny_veteran();
    veteran.background.education = Some(Education::SomeCollege);
    veteran.background.semester_hours = Some(60);
    let roomy = dashboard_text(veteran.clone(), 80, 24);
    assert!(
        roomy.contains("Plan: [?] MLT(ASCP) Route 3 · open on a question · New York"),
        "{roomy}"
    );
    assert!(roomy.contains("Answer first"), "{roomy}");
    // A small terminal keeps the plan line.
    let small = dashboard_text(veteran, 60, 16);
    assert!(small.contains("Plan: [?] MLT(ASCP) Route 3"), "{small}");
}

/// Issue 20 item 9 / issue 22: at 80x24 and 60x16 the dashboard keeps the
/// plan, the finish and the cost whole (decoration goes first), and at
/// 80x24 the license verdict is not cut mid-date.
#[test]
fn small_terminals_keep_the_plan_finish_and_cost_whole() {
    for (width, height) in [(80, 24), (60, 16)] {
        let screen = dashboard_text(ny_veteran(), width, height);
        let flat: String = screen
            .lines()
            .map(|l| l.trim_matches('"').trim_matches('│').trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains("Plan: [✗] MLT(ASCP) Route 3"), "{screen}");
        assert!(flat.contains("Finish: about 2028-12"), "{screen}");
        assert!(
            flat.contains("Still to pay: $460–$470 (e explains)"),
            "{screen}"
        );
        if width == 80 {
            assert!(flat.contains("on or after 2001-09-01."), "{screen}");
        }
    }
}

/// The estimates popup (`e`) drawn whole on a tall terminal, its rows
/// joined into one line (wrapping breaks at spaces).
fn explain_text(p: Profile) -> String {
    use medtech::app::{Action, App};
    use medtech::clock::Clock;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let (width, height) = (80, 200);
    let mut app = App::new(guide().clone(), p, Clock::Fixed(today()));
    app.update(Action::Resize(width, height));
    app.update(Action::Explain);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    for _ in 0..2 {
        terminal
            .draw(|frame| medtech::ui::draw(frame, &app))
            .expect("drawing never fails");
    }
    let buffer = terminal.backend().buffer();
    // The popup is 72 columns wide, centred: its text is columns 5 to 74.
    (0..height)
        .map(|y| (5..75).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .map(|row| row.trim().to_owned())
        .filter(|row| !row.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Issue 20: the estimates popup says how the finish and the cost are
/// worked out from the plan: the route, where the count starts (today, or
/// the month time alone meets the plan), the school only the latest date
/// counts, the steps the background covers, what each end of the range
/// assumes, and tuition beside the fees, not summed.
#[test]
fn the_estimates_popup_explains_the_plan() {
    // The NY veteran (facts.md "New York"): MLT(ASCP) Route 3, not met.
    let text = explain_text(ny_veteran());
    for words in [
        "Counted for your plan, MLT(ASCP) Route 3 (not met yet).",
        "Only the school the plan still needs is counted",
        "The count starts today.",
        "• Complete an MLT associate degree: 78–104 weeks",
        "Done from your background, so left out of the date and the cost",
        "Earliest 2028-06: every step takes its shortest typical time. Latest 2029-06: the longest. About 2028-12 is the middle.",
        "Summed: the MLT(ASCP) application fee and the other fees",
        "• MLT(ASCP) application fee: $215–$225 (page undated, seen",
        "Tuition, beside the fees and not in the sum",
    ] {
        assert!(text.contains(words), "{words:?} not in:\n{text}");
    }
    assert!(
        !text.contains("(2026)"),
        "a year the page does not show:\n{text}"
    );

    // Experience still being earned: the count starts when time alone
    // meets the plan (facts.md "ASCP MLS Route 2": 24 months).
    let mut holder = person(
        Goal::Mls,
        "TX",
        Background {
            education: Some(Education::Bachelor),
            semester_hours: Some(120),
            chemistry_hours: Some(16),
            biology_hours: Some(16),
            organic_or_biochemistry_hours: Some(4),
            microbiology_hours: Some(4),
            educated_abroad: Some(false),
            credentials: vec![HeldCredential {
                name: "MLT(ASCP)".to_owned(),
                since: month("2024-05"),
            }],
            experience: vec![Experience {
                months: 12,
                ended: None,
                areas: vec![
                    Discipline::BloodBank,
                    Discipline::Chemistry,
                    Discipline::Hematology,
                    Discipline::Microbiology,
                    Discipline::Immunology,
                    Discipline::Urinalysis,
                    Discipline::LabOperations,
                ],
            }],
            ..Background::default()
        },
    );
    let text = explain_text(holder.clone());
    assert!(
        text.contains(
            "Counted for your plan, MLS(ASCP) Route 2 (met around 2027-12 by time alone)."
        ),
        "{text}"
    );
    assert!(
        text.contains("The count starts 2027-12: time alone meets the plan then"),
        "{text}"
    );

    // Open questions: the earliest assumes they go the person's way, and
    // school only a "no" needs counts in the latest date only.
    holder.background.credentials.clear();
    holder.background.experience.clear();
    holder.background.education = Some(Education::SomeCollege);
    // 60 hours, when taken unknown (30 would be plainly short of
    // MLT(AMT) Route 2's 60 recent hours, not a question).
    holder.background.semester_hours = Some(60);
    holder.goal = Goal::Mlt;
    let text = explain_text(holder);
    assert!(text.contains("(open on a question)."), "{text}");
    assert!(
        text.contains("every open question goes your way")
            && text.contains("no open question does"),
        "{text}"
    );
    assert!(text.contains("Open questions: ? "), "{text}");

    // No plan yet: what is counted then.
    let text = explain_text(person(Goal::Mlt, "NY", Background::default()));
    assert!(
        text.contains("No plan yet (answer your background: p)"),
        "{text}"
    );
}

/// A Texas high-schooler aiming at MLT, nothing else in the background.
fn tx_high_schooler() -> Profile {
    person(
        Goal::Mlt,
        "TX",
        Background {
            education: Some(Education::HighSchool),
            ..Background::default()
        },
    )
}

/// facts.md §5 (Texas licenses no one: every route counts), §2.1
/// (MLT(ASCP) Route 1: an associate degree or 60 semester hours plus a
/// NAACLS or ABHES program), §11.4 (MLT(AAB): the route text is cut off;
/// the training-program route needs a program, which takes time) and
/// §4.2 (CLIA: high school alone is not enough). The AAB training program
/// used to win with no school counted at all (finish three months away).
#[test]
fn a_texas_high_schooler_is_planned_through_school_not_a_zero_week_program() {
    let p = tx_high_schooler();
    let (chosen, finish) = plan_of(&p);
    assert_eq!(chosen.route.label(), "MLT(ASCP) Route 1", "{}", chosen.why);
    assert_eq!(chosen.standing, Standing::NotMet);
    assert!(chosen.untimed.is_empty(), "{:?}", chosen.untimed);
    assert!(
        chosen.why.contains(
            "MLT(AAB) Training program misses less, but the guide has no typical time for \
             an MLT program accredited by an HHS-approved body"
        ),
        "{}",
        chosen.why
    );
    // The associate degree's program is counted: well over a year ahead.
    let earliest = finish.earliest.expect("a finish");
    assert!(earliest >= date("2028-06-01"), "{finish:?}");
    assert!(
        finish
            .counted
            .iter()
            .any(|(title, _)| title.contains("associate degree")),
        "{finish:?}"
    );
    // 60 college hours within five years is not met with none at all: not a
    // question that hides the school.
    let routes = eligibility::for_goal(guide(), &p, today());
    let amt2 = route(&routes, "mlt-amt.2");
    assert!(
        amt2.reasons
            .iter()
            .any(|r| r.kind == ReasonKind::Missing && r.step.as_deref() == Some("edu.associate")),
        "{:?}",
        amt2.reasons
    );
}

/// A plan whose gap the guide has no typical time for (the AAB training
/// program outside a degree) says so, and gives no date, rather than
/// counting the program as no time.
#[test]
fn a_gap_with_no_typical_time_leaves_the_finish_open_and_named() {
    let p = tx_high_schooler();
    let g = guide();
    let routes: Vec<_> = eligibility::for_goal(g, &p, today())
        .into_iter()
        .filter(|r| r.route.id == "mlt-aab.1")
        .collect();
    let chosen = plan::choose(g, &p, &routes, today()).expect("a plan");
    assert_eq!(chosen.route.label(), "MLT(AAB) Training program");
    assert_eq!(chosen.standing, Standing::NotMet);
    assert_eq!(
        chosen.untimed,
        vec!["an MLT program accredited by an HHS-approved body".to_owned()]
    );
    let finish = estimate::finish(g, &p, Some(&chosen), today());
    assert_eq!(finish.expected, None, "{finish:?}");
    assert_eq!(finish.latest, None, "{finish:?}");
    assert_eq!(finish.untimed, chosen.untimed);
    assert!(
        chosen.why.contains("so the finish is not known"),
        "{}",
        chosen.why
    );
}

/// facts.md §5.2 New York accepts MLT(ASCP); §2.1 Route 1 needs a NAACLS or
/// ABHES program, which this graduate has not done and whose length the
/// guide does not give: the estimates popup names it and gives no date.
#[test]
fn the_estimates_popup_names_a_gap_with_no_typical_time() {
    let p = person(
        Goal::Mlt,
        "NY",
        Background {
            education: Some(Education::Bachelor),
            ..Background::default()
        },
    );
    let (chosen, finish) = plan_of(&p);
    assert_eq!(chosen.route.label(), "MLT(ASCP) Route 1", "{}", chosen.why);
    assert_eq!(finish.expected, None, "{finish:?}");
    let text = explain_text(p);
    assert!(text.contains("Open, so no date yet"), "{text}");
    assert!(
        text.contains("an MLT program accredited by NAACLS or ABHES"),
        "{text}"
    );
    assert!(text.contains("Not known until the open gaps"), "{text}");
}

// ---- The held plan, one-date ranges, a program not for the goal ---------------

/// The California MLT(ASCP) holder of issue 20 (education left blank).
fn ca_holder() -> Profile {
    person(
        Goal::Mlt,
        "CA",
        Background {
            credentials: vec![HeldCredential {
                name: "MLT(ASCP)".to_owned(),
                since: month("2024-03"),
            }],
            ..Background::default()
        },
    )
}

/// facts.md §5.2 California and §8 ("in licensure states you usually need
/// both": CDPH runs its own license on top of a national exam) and §2.4
/// (CMP: keeping the credential current goes on every three years). A
/// holder's license is still ahead: it comes before upkeep, which is next
/// only once nothing else is open.
#[test]
fn a_credential_held_leads_to_the_state_license_before_upkeep() {
    use medtech::advisor::Advice;
    let p = ca_holder();
    let advice = Advice::new(guide(), &p, today());
    let next = advice.next.as_ref().expect("a next step");
    assert_eq!(next.area, Area::Licensing, "{next:?}");
    assert!(!next.step.starts_with("cert.maintain"), "{next:?}");
    // The first open step of the path after school, upkeep aside.
    let first = advice
        .upcoming
        .iter()
        .find(|u| u.area != Area::Education && !u.step.starts_with("cert.maintain"))
        .expect("an open step after school");
    assert_eq!(next.step, first.step);
    assert!(
        next.why.contains("You hold MLT(ASCP) already"),
        "{}",
        next.why
    );
    // With the license steps before California's own done, the next is
    // California's, and says so.
    let mut on = p.clone();
    for step in ["lic.cert-vs-license", "lic.check-state", "lic.clia"] {
        on.set_done(step, true, today());
    }
    let advice = Advice::new(guide(), &on, today());
    let next = advice.next.as_ref().expect("a next step");
    assert!(next.step.starts_with("ca."), "{next:?}");
    assert!(
        next.why
            .contains("the first open step of the California license"),
        "{}",
        next.why
    );
    // Every license step done: keeping the credential current is next.
    let mut done = on.clone();
    for u in advice.upcoming.iter().filter(|u| u.area == Area::Licensing) {
        done.set_done(&u.step, true, today());
    }
    let advice = Advice::new(guide(), &done, today());
    let next = advice.next.as_ref().expect("upkeep is left");
    assert!(next.step.starts_with("cert.maintain"), "{next:?}");
}

/// A credential held is the plan, not one of its routes chosen among
/// equals: every view names what the person has, and the runner-up is
/// another credential (with the reason that set them apart).
#[test]
fn a_credential_held_is_named_as_held_not_as_one_of_its_routes() {
    use medtech::advisor::Advice;
    let p = ca_holder();
    let (chosen, _) = plan_of(&p);
    assert_eq!(chosen.label(), "MLT(ASCP), held");
    assert_eq!(chosen.route_name(), "held");
    let runner = chosen.runner_up.as_ref().expect("a runner-up");
    assert_ne!(runner.credential.name, "MLT(ASCP)", "{}", chosen.why);
    assert!(
        chosen.why.contains("(you hold MLT(ASCP) already)"),
        "{}",
        chosen.why
    );
    let advice = Advice::new(guide(), &p, today());
    let shown = advice.plan.as_ref().expect("a plan");
    assert_eq!(shown.label(), "MLT(ASCP), held");
    for (width, height) in [(80, 24), (60, 16)] {
        let screen = dashboard_text(p.clone(), width, height);
        assert!(screen.contains("Plan: [?] MLT(ASCP), held"), "{screen}");
        assert!(!screen.contains("Route"), "{screen}");
    }
    let text = explain_text(p);
    assert!(
        text.contains("Counted for your plan, MLT(ASCP), held"),
        "{text}"
    );
}

/// facts.md §5.2 Hawaii: the MT license, applied for after the national
/// certification; the guide gives it 2-3 weeks. Both ends of the finish
/// fall in one month: the screens print the month once, not a range.
#[test]
fn a_finish_range_within_one_month_reads_as_one_date() {
    let p = person(
        Goal::Mls,
        "HI",
        Background {
            education: Some(Education::Bachelor),
            credentials: vec![HeldCredential {
                name: "MLS(ASCP)".to_owned(),
                since: month("2024-03"),
            }],
            ..Background::default()
        },
    );
    let (_, finish) = plan_of(&p);
    let (earliest, latest) = (
        finish.earliest.expect("a finish"),
        finish.latest.expect("a finish"),
    );
    assert_ne!(earliest, latest, "{finish:?}");
    assert_eq!(earliest.strftime("%Y-%m").to_string(), "2026-12");
    assert_eq!(latest.strftime("%Y-%m").to_string(), "2026-12");
    let screen = dashboard_text(p.clone(), 80, 24);
    assert!(screen.contains("Finish: about 2026-12 "), "{screen}");
    assert!(!screen.contains("2026-12 to 2026-12"), "{screen}");
    let text = explain_text(p);
    assert!(text.contains("About 2026-12."), "{text}");
    assert!(!text.contains("Earliest 2026-12"), "{text}");
}

/// An MLT associate program chosen with an MLS goal (issue 25's choice):
/// it is not the MLS school, so neither its length nor its tuition stands
/// for the plan's school, and where the cost is shown the person is told
/// why its tuition is not in the sum.
#[test]
fn a_chosen_program_not_for_the_goal_is_said_not_silently_left_out() {
    use medtech::profile::{Candidate, CandidateAccreditor, CandidateKind, Shortlist, Tuition};
    let mut p = person(
        Goal::Mls,
        "TX",
        Background {
            education: Some(Education::HighSchool),
            ..Background::default()
        },
    );
    p.shortlist = Shortlist {
        programs: vec![Candidate {
            name: "Austin MLT".to_owned(),
            kind: Some(CandidateKind::MltAssociate),
            accreditor: Some(CandidateAccreditor::Naacls),
            months: Some(24),
            starts: Some(date("2027-08-24")),
            tuition: Some(Tuition::Total(9_000)),
            ..Candidate::default()
        }],
        chosen: Some("Austin MLT".to_owned()),
    };
    let (chosen, finish) = plan_of(&p);
    let cost = estimate::cost(guide(), &p, Some(&chosen));
    assert!(
        cost.items.iter().all(|(what, ..)| !what.contains("Austin")),
        "{cost:?}"
    );
    assert_eq!(
        cost.notes,
        vec![
            "Your chosen program, Austin MLT (an MLT associate program), is not for your goal \
             (MLS): its tuition is not counted, nor its length in the finish date."
                .to_owned()
        ]
    );
    // The MLS school is counted from the guide, not the MLT program's 24
    // months, and the guide's tuition shows beside the fees.
    assert!(
        finish
            .counted
            .iter()
            .all(|(what, _)| !what.contains("Austin")),
        "{finish:?}"
    );
    assert!(finish.program_start.is_none(), "{finish:?}");
    assert!(!cost.tuition.is_empty(), "{cost:?}");
    // Nor does it answer "Choose a NAACLS-accredited program" for the MLS.
    assert!(adv::covered(&p, "edu.accredited").is_none());
    let text = explain_text(p);
    assert!(
        text.contains("Note: Your chosen program, Austin MLT (an MLT associate program), is not for your goal (MLS): its tuition is not counted"),
        "{text}"
    );
}

#[test]
fn a_credential_held_marks_its_own_certifier_chosen_not_the_other_two() {
    // The California MLT(ASCP) holder: the certifier choice is behind them,
    // and it was ASCP; AMT and AAB were not chosen.
    let p = ca_holder();
    let g = guide();
    let step = |id: &str| {
        g.all_steps()
            .map(|(_, s)| s)
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("{id} in the guide"))
    };
    assert_eq!(adv::check(step("cert.choose"), &p), adv::Check::Done);
    assert_eq!(adv::check(step("cert.choose.ascp"), &p), adv::Check::Done);
    assert!(adv::covered(&p, "cert.choose.ascp").is_some());
    for other in ["cert.choose.amt", "cert.choose.aab"] {
        assert!(adv::covered(&p, other).is_none(), "{other}");
        assert_eq!(adv::check(step(other), &p), adv::Check::Todo, "{other}");
    }
    // Typed another way, the same credential names the same option.
    let mut typed = p.clone();
    typed.background.credentials[0].name = "ascp mlt".to_owned();
    assert!(adv::covered(&typed, "cert.choose.ascp").is_some());
    assert_eq!(adv::check(step("cert.choose"), &typed), adv::Check::Done);
    // An international credential names the same certifier's option.
    let mut abroad = p.clone();
    abroad.background.credentials[0].name = "MLT(ASCPi)".to_owned();
    assert!(adv::covered(&abroad, "cert.choose.ascp").is_some());
    assert!(adv::covered(&abroad, "cert.choose.amt").is_none());
}

#[test]
fn a_credential_california_accepts_meets_its_exam_step_from_the_date_it_names() {
    let g = guide();
    let step = |id: &str| {
        g.all_steps()
            .map(|(_, s)| s)
            .chain(g.states.iter().flat_map(|s| s.steps.iter()))
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("{id} in the guide"))
    };
    let exam = step("ca.mlt-exam");
    // MLT(ASCP): an exam California accepts, so the step is behind them.
    let p = ca_holder();
    assert_eq!(adv::check(exam, &p), adv::Check::Done);
    assert_eq!(adv::covered_step(&p, exam), Some("the credential you hold"));
    // AMT's MLT exam counts from January 30, 2023: earned in December 2022
    // it does not; in January 2023 (the month only) it may, and counts, as
    // the license line says "accepts" for it; in February it does.
    let with = |name: &str, since: &str| {
        let mut p = ca_holder();
        p.background.credentials[0] = HeldCredential {
            name: name.to_owned(),
            since: since.parse().expect("a date"),
        };
        p
    };
    assert_eq!(
        adv::check(exam, &with("MLT(AMT)", "2022-12")),
        adv::Check::Todo
    );
    assert_eq!(
        adv::check(exam, &with("MLT(AMT)", "2023-01")),
        adv::Check::Done
    );
    assert_eq!(
        adv::check(exam, &with("MLT(AMT)", "2023-02")),
        adv::Check::Done
    );
    // However the credential is typed.
    assert_eq!(
        adv::check(exam, &with("ascp mlt", "2020-01")),
        adv::Check::Done
    );
    // A credential of another level meets nothing here.
    assert_eq!(
        adv::check(exam, &with("MLS(ASCP)", "2020-05")),
        adv::Check::Todo
    );
    // The user's own mark wins.
    let mut marked = p.clone();
    marked.steps.insert(
        "ca.mlt-exam".to_owned(),
        medtech::profile::StepRecord {
            status: medtech::profile::Status::Skipped,
            date: None,
            note: String::new(),
        },
    );
    assert_eq!(adv::check(exam, &marked), adv::Check::Skipped);
    // The CLS exam: MLS(ASCPi) counts from June 1, 2007 (the later of the
    // two official dates).
    let cls = step("ca.cls-exam");
    let mls = |name: &str, since: &str| {
        let mut p = with(name, since);
        p.goal = Goal::Mls;
        p
    };
    assert_eq!(
        adv::check(cls, &mls("MLS(ASCPi)", "2005-03")),
        adv::Check::Todo
    );
    assert_eq!(
        adv::check(cls, &mls("MLS(ASCPi)", "2008-03")),
        adv::Check::Done
    );
}
