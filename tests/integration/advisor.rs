//! Progress and the next step, as the dashboard shows them.

use crate::shared::{guide, today};
use medtech::advisor::{self, Progress};
use medtech::content::{Area, Goal};
use medtech::profile::Profile;

fn profile(goal: Goal, state: Option<&str>, done: &[&str]) -> Profile {
    let mut p = Profile {
        goal,
        state: state.map(str::to_owned),
        ..Profile::default()
    };
    for id in done {
        p.set_done(id, true, today());
    }
    p
}

#[test]
fn optional_steps_do_not_count_and_sub_steps_count_one_each() {
    let g = guide();
    // MLT education: bio + chem + degree; the bachelor's is optional.
    let p = profile(Goal::Mlt, None, &["edu.prereqs.bio"]);
    assert_eq!(
        advisor::area_progress(g, &p, Area::Education),
        Progress { done: 1, total: 3 }
    );
    assert_eq!(advisor::area_progress(g, &p, Area::Education).percent(), 33);
}

#[test]
fn a_choose_one_step_is_done_when_any_option_is() {
    let g = guide();
    let p = profile(Goal::Mls, None, &["edu.bachelor.bridge"]);
    // MLS education: bio + chem + the bachelor's as one unit.
    assert_eq!(
        advisor::area_progress(g, &p, Area::Education),
        Progress { done: 1, total: 3 }
    );
}

#[test]
fn the_state_adds_its_steps_to_licensing() {
    let g = guide();
    let none = profile(Goal::Mlt, None, &[]);
    let fl = profile(Goal::Mlt, Some("FL"), &[]);
    let tx = profile(Goal::Mlt, Some("TX"), &[]);
    assert_eq!(advisor::area_progress(g, &none, Area::Licensing).total, 1);
    assert_eq!(advisor::area_progress(g, &fl, Area::Licensing).total, 3);
    assert_eq!(advisor::area_progress(g, &tx, Area::Licensing).total, 2);
}

#[test]
fn the_next_step_is_the_first_unfinished_one_in_path_order() {
    let g = guide();
    let mut p = profile(Goal::Mlt, Some("FL"), &[]);
    // No route is met on the fixture guide: the plan's next step is the
    // first unfinished required one.
    let next =
        |p: &Profile| advisor::plan::next_step(g, p, None).map(|n| (n.area, n.step.id.clone()));
    assert_eq!(next(&p), Some((Area::Education, "edu.prereqs.bio".into())));
    p.set_done("edu.prereqs.bio", true, today());
    assert_eq!(next(&p), Some((Area::Education, "edu.prereqs.chem".into())));
    for id in ["edu.prereqs.chem", "edu.degree"] {
        p.set_done(id, true, today());
    }
    // The optional bachelor's is skipped.
    assert_eq!(next(&p), Some((Area::Certification, "cert.exam".into())));
    for id in ["cert.exam", "lic.check", "fl.hiv", "fl.tech"] {
        p.set_done(id, true, today());
    }
    assert_eq!(next(&p), None);
    assert_eq!(advisor::overall_progress(g, &p).percent(), 100);
}

#[test]
fn the_percentage_never_rounds_up_to_done() {
    assert_eq!(
        Progress {
            done: 199,
            total: 200
        }
        .percent(),
        99
    );
    assert_eq!(Progress { done: 0, total: 0 }.percent(), 100);
}
