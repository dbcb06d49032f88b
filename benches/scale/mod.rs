//! Bigger inputs than the real ones, to see how medtech grows: a guide `n`
//! times the embedded one and a profile with a long history. Shared by the
//! criterion benches and `examples/scaled.rs` (which runs the app on a
//! generated guide in the pty harness).

#![allow(dead_code, reason = "each user takes what it needs")]

use medtech::content::{EMBEDDED_FILES, Part, Step, Text};
use medtech::profile::{Entry, Event, Profile, Status};

/// Renames a step and its sub-steps, and the sources they cite.
fn rename_step(step: &mut Step, suffix: &str) {
    step.id.to_mut().push_str(suffix);
    rename_ids(&mut step.sources, suffix);
    rename_ids(&mut step.duration_sources, suffix);
    for fee in &mut step.fees {
        rename_ids(&mut fee.sources, suffix);
    }
    for fact in &mut step.facts {
        rename_ids(&mut fact.sources, suffix);
    }
    for sub in &mut step.substeps {
        rename_step(sub, suffix);
    }
}

fn rename_ids(ids: &mut [Text], suffix: &str) {
    for id in ids {
        id.to_mut().push_str(suffix);
    }
}

/// One content file `n` times over: every source, step, state and career
/// fact is cloned `n - 1` more times with new ids (and state codes), citing
/// the cloned sources. Certifiers, credentials and routes are kept as they
/// are, since requirements refer to them by id.
pub fn scale_part(part: &Part, n: usize) -> Part {
    let mut out = part.clone();
    for copy in 1..n {
        let suffix = format!("-x{copy}");
        for source in &part.sources {
            let mut source = source.clone();
            source.id.to_mut().push_str(&suffix);
            out.sources.push(source);
        }
        for (from, to) in [
            (&part.education, &mut out.education),
            (&part.certification, &mut out.certification),
            (&part.licensing, &mut out.licensing),
        ] {
            for step in from {
                let mut step = step.clone();
                rename_step(&mut step, &suffix);
                to.push(step);
            }
        }
        for state in &part.states {
            let mut state = state.clone();
            state.code = format!("{}{copy}", state.code).into();
            state.name = format!("{} {copy}", state.name).into();
            rename_ids(&mut state.sources, &suffix);
            for fact in state.facts.iter_mut() {
                rename_ids(&mut fact.sources, &suffix);
            }
            for step in state.steps.iter_mut() {
                rename_step(step, &suffix);
            }
            for acceptance in state.accepts.iter_mut() {
                rename_ids(&mut acceptance.sources, &suffix);
            }
            out.states.push(state);
        }
        for fact in &part.career {
            let mut fact = fact.clone();
            rename_ids(&mut fact.sources, &suffix);
            out.career.push(fact);
        }
    }
    out
}

/// The embedded content files `n` times over, as RON text, named as the
/// embedded ones are.
pub fn guide_files(n: usize) -> Vec<(&'static str, String)> {
    EMBEDDED_FILES
        .iter()
        .zip(guide_parts(n))
        .map(|((name, _), scaled)| {
            let config = ron::ser::PrettyConfig::new().new_line("\n");
            let text = ron::ser::to_string_pretty(&scaled, config).expect("content serializes");
            (*name, text)
        })
        .collect()
}

/// The embedded content's parts `n` times over, in path order.
pub fn guide_parts(n: usize) -> Vec<Part> {
    EMBEDDED_FILES
        .iter()
        .map(|(_, text)| {
            let part: Part = ron::from_str(text).expect("embedded content parses");
            scale_part(&part, n)
        })
        .collect()
}

/// Borrows generated files the way `Guide::from_files` takes them.
pub fn as_refs<'a>(files: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    files.iter().map(|(n, t)| (*n, t.as_str())).collect()
}

/// A profile whose history has `entries` dated status changes, built as
/// text and decoded: `Profile::apply` keeps only the last `HISTORY_LIMIT`,
/// but a file written by hand or another tool may hold more.
pub fn profile_with_history(entries: usize) -> Profile {
    let mut profile = Profile {
        state: Some("CA".to_owned()),
        ..Profile::default()
    };
    let today: medtech::content::Date = "2026-11-25".parse().expect("a date");
    let statuses = [Status::InProgress, Status::Done, Status::Todo];
    for i in 0..entries {
        profile.history.push(Entry {
            on: today,
            event: Event::Status {
                step: format!("step-{}", i % 97),
                to: statuses[i % statuses.len()],
            },
        });
    }
    let text = profile.to_ron().expect("profile encodes");
    medtech::profile::decode(&text)
        .expect("profile decodes")
        .profile
}
