//! Pure functions over the guide and the profile: progress, the next step.

use crate::content::{Area, Guide, Step};
use crate::profile::Profile;

/// Done and total units of required work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn left(self) -> usize {
        self.total - self.done
    }

    /// How many of `width` cells a bar fills; nothing to do counts as full.
    pub fn cells(self, width: usize) -> usize {
        (self.done * width).checked_div(self.total).unwrap_or(width)
    }

    /// Whole percent, rounded down so 99.6% never shows as done.
    pub fn percent(self) -> u16 {
        (self.done * 100)
            .checked_div(self.total)
            .map_or(100, |p| u16::try_from(p).unwrap_or(100))
    }

    fn add(&mut self, other: Progress) {
        self.done += other.done;
        self.total += other.total;
    }
}

/// How a step's checkbox reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Done,
    Partly,
    Todo,
}

/// Whether a step (with its sub-steps) is done, partly done, or not started.
pub fn check(step: &Step, profile: &Profile) -> Check {
    if step.substeps.is_empty() {
        return if profile.is_done(&step.id) {
            Check::Done
        } else {
            Check::Todo
        };
    }
    let done = step
        .substeps
        .iter()
        .filter(|s| check(s, profile) == Check::Done)
        .count();
    let partly = step
        .substeps
        .iter()
        .any(|s| check(s, profile) != Check::Todo);
    if (step.one_of && done > 0) || done == step.substeps.len() {
        Check::Done
    } else if partly {
        Check::Partly
    } else {
        Check::Todo
    }
}

/// Units of work in one step: a leaf is one unit, a choose-one step is one
/// unit, and any other parent is the sum of its sub-steps.
fn step_progress(step: &Step, profile: &Profile) -> Progress {
    if step.substeps.is_empty() || step.one_of {
        Progress {
            done: usize::from(check(step, profile) == Check::Done),
            total: 1,
        }
    } else {
        let mut p = Progress::default();
        for sub in &step.substeps {
            p.add(step_progress(sub, profile));
        }
        p
    }
}

/// Progress through the required steps of one area.
pub fn area_progress(guide: &Guide, profile: &Profile, area: Area) -> Progress {
    let mut p = Progress::default();
    for step in guide.steps(area, profile.goal, profile.state.as_deref()) {
        if step.is_required_for(profile.goal) {
            p.add(step_progress(step, profile));
        }
    }
    p
}

/// Progress through every required step.
pub fn overall_progress(guide: &Guide, profile: &Profile) -> Progress {
    let mut p = Progress::default();
    for area in Area::ALL {
        p.add(area_progress(guide, profile, area));
    }
    p
}

/// The first unfinished required step, in path order.
pub fn next_step<'g>(guide: &'g Guide, profile: &Profile) -> Option<(Area, &'g Step)> {
    upcoming(guide, profile).next()
}

/// Every unfinished unit of required work, in path order: leaves, and
/// choose-one steps as a whole.
pub fn upcoming<'g>(guide: &'g Guide, profile: &Profile) -> impl Iterator<Item = (Area, &'g Step)> {
    fn walk<'g>(area: Area, step: &'g Step, profile: &Profile, out: &mut Vec<(Area, &'g Step)>) {
        if check(step, profile) == Check::Done {
            return;
        }
        if step.substeps.is_empty() || step.one_of {
            out.push((area, step));
        } else {
            for sub in &step.substeps {
                walk(area, sub, profile, out);
            }
        }
    }
    let mut out = Vec::new();
    for area in Area::ALL {
        for step in guide.steps(area, profile.goal, profile.state.as_deref()) {
            if step.is_required_for(profile.goal) {
                walk(area, step, profile, &mut out);
            }
        }
    }
    out.into_iter()
}
