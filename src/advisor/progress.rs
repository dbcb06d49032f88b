//! Pure functions over the guide and the profile: progress, the next step.

use crate::content::{Accreditor, Area, Goal, Guide, Program, Step};
use crate::profile::{Background, Education, Profile, Status, credential_key};

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

/// How a step's checkbox reads: a leaf's own status, or a parent's summary
/// of its sub-steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Todo,
    InProgress,
    /// A parent with some sub-steps done and some not.
    Partly,
    Done,
    NotApplicable,
    Skipped,
}

impl Check {
    /// The checkbox, readable without colour. "Partly done" differs from
    /// "in progress".
    pub fn symbol(self) -> &'static str {
        match self {
            Check::Partly => "[+]",
            other => other.status().map_or("[ ]", Status::symbol),
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Check::Partly => "partly done",
            other => other.status().map_or("to do", Status::word),
        }
    }

    /// The status this check is, for a leaf.
    pub fn status(self) -> Option<Status> {
        Some(match self {
            Check::Todo => Status::Todo,
            Check::InProgress => Status::InProgress,
            Check::Done => Status::Done,
            Check::NotApplicable => Status::NotApplicable,
            Check::Skipped => Status::Skipped,
            Check::Partly => return None,
        })
    }

    /// Left out of the totals.
    pub fn is_excluded(self) -> bool {
        matches!(self, Check::NotApplicable | Check::Skipped)
    }
}

/// Why the background already covers a step (or a step it sits under):
/// "your MLT program"; or, for choosing an accredited program, a chosen
/// program accredited as the step asks ([`super::programs::CHOICE_COVER`]).
/// `None` when neither does, or when the user has marked the step
/// themselves (their mark wins).
pub fn covered(profile: &Profile, step_id: &str) -> Option<&'static str> {
    if profile.steps.contains_key(step_id) {
        return None;
    }
    let bg = &profile.background;
    // One option of the certifier choice: a credential held covers the
    // option it names ("MLT(ASCP)": ASCP), not the others.
    if let Some(option) = step_id.strip_prefix("cert.choose.") {
        let named = bg
            .credentials
            .iter()
            .filter(|c| at_level(profile.goal, &c.name))
            .any(|c| certifier_of(&c.name) == Some(option));
        return (named && covered_by(bg, profile.goal, "cert.choose").is_some())
            .then_some("the credential you hold");
    }
    // The step itself, then each step it sits under ("edu.associate" for
    // "edu.associate.chemistry").
    let mut id = step_id;
    loop {
        if let Some(why) = covered_by(bg, profile.goal, id) {
            return Some(why);
        }
        match id.rfind('.') {
            Some(dot) => id = &id[..dot],
            None => break,
        }
    }
    // Choosing an accredited program is the step itself.
    (step_id == super::programs::STEP && super::programs::choice_covers_step(profile))
        .then_some(super::programs::CHOICE_COVER)
}

/// Whether a credential's name is at the goal's level ("MLT(ASCP)" for
/// MLT; "MLS(AMT)" or "MT(AAB)" for MLS): with it the exam is behind the
/// user.
fn at_level(goal: Goal, name: &str) -> bool {
    let words = credential_key(name);
    match goal {
        Goal::Mlt => words.iter().any(|w| w == "MLT"),
        Goal::Mls => words.iter().any(|w| w == "MLS" || w == "MT"),
    }
}

/// The certifier a credential's name gives, as the guide's step ids write
/// it: "ascp" for MLT(ASCP), MLT(ASCPi) or "ascp mlt", "amt", "aab".
fn certifier_of(name: &str) -> Option<&'static str> {
    credential_key(name).iter().find_map(|w| match w.as_str() {
        "ASCP" | "ASCPI" => Some("ascp"),
        "AMT" => Some("amt"),
        "AAB" => Some("aab"),
        _ => None,
    })
}

/// What covers `step` when the user has not marked it: the background
/// ([`covered`]), or a credential held that meets it (a state's exam step:
/// the national exam it accepts, earned on or after its date).
pub fn covered_step(profile: &Profile, step: &Step) -> Option<&'static str> {
    covered(profile, &step.id).or_else(|| {
        if profile.steps.contains_key(&step.id) {
            return None;
        }
        // A date known to the month counts when the month reaches the day,
        // as the license line's acceptance does.
        let held = |m: &crate::content::MetBy| {
            profile.background.credentials.iter().any(|h| {
                h.is(&m.credential) && m.from.is_none_or(|from| h.since.last_day() >= from)
            })
        };
        step.met_by
            .iter()
            .any(held)
            .then_some("the credential you hold")
    })
}

/// The background's cover for one step id, ancestors aside.
fn covered_by(bg: &Background, goal: Goal, id: &str) -> Option<&'static str> {
    let education = bg.education.unwrap_or(Education::HighSchool);
    let program = |kind: Program| bg.programs.iter().find(|p| p.kind == kind);
    let accredited = |kind: Program| {
        program(kind)
            .is_some_and(|p| matches!(p.accreditor, Accreditor::Naacls | Accreditor::Abhes))
    };
    // Worked out only for the steps that ask (this runs for every step
    // checked).
    let goal_credential = || bg.credentials.iter().any(|c| at_level(goal, &c.name));
    let military = || bg.military_course.as_ref().is_some_and(|c| c.weeks >= 50);
    match id {
        // The exam, and the education a certifier asks before it, are behind
        // a holder (a degree is not: a state's rule may still ask for one).
        "edu.career" | "edu.prereqs" | "edu.accredited" | "edu.practicum" | "cert.choose"
        | "cert.eligibility" | "cert.apply" | "cert.study" | "cert.exam"
            if goal_credential() =>
        {
            Some("the credential you hold")
        }
        "edu.career" if !bg.experience.is_empty() => Some("your lab experience"),
        "edu.career" if military() || !bg.programs.is_empty() => Some("your lab training"),
        "edu.prereqs" | "edu.practicum" if program(Program::Mlt).is_some() => {
            Some("your MLT program")
        }
        "edu.prereqs" if program(Program::Mls).is_some() => Some("your MLS program"),
        "edu.prereqs.chemistry" if bg.chemistry_hours.is_some_and(|h| h > 0) => {
            Some("your chemistry hours")
        }
        "edu.prereqs.biology" if bg.biology_hours.is_some_and(|h| h > 0) => {
            Some("your biology hours")
        }
        "edu.prereqs.microbiology" if bg.microbiology_hours.is_some_and(|h| h > 0) => {
            Some("your microbiology hours")
        }
        "edu.accredited" if accredited(Program::Mlt) => Some("your accredited MLT program"),
        "edu.accredited" if accredited(Program::Mls) => Some("your accredited MLS program"),
        "edu.associate" if program(Program::Mlt).is_some() && education >= Education::Associate => {
            Some("your MLT program and degree")
        }
        "edu.bachelor" if program(Program::Mls).is_some() && education >= Education::Bachelor => {
            Some("your MLS program and degree")
        }
        "edu.military" if military() => Some("your military laboratory course"),
        _ => None,
    }
}

/// Where a step (with its sub-steps) stands.
pub fn check(step: &Step, profile: &Profile) -> Check {
    // A parent follows its sub-steps, which its cover reaches (so a mark the
    // user put on one of them still counts).
    if step.substeps.is_empty() && covered_step(profile, step).is_some() {
        return Check::Done;
    }
    if step.substeps.is_empty() {
        return match profile.status(&step.id) {
            Status::Todo => Check::Todo,
            Status::InProgress => Check::InProgress,
            Status::Done => Check::Done,
            Status::NotApplicable => Check::NotApplicable,
            Status::Skipped => Check::Skipped,
        };
    }
    // One pass over the sub-steps, counting (no lists: every row drawn and
    // every recount of the progress checks its parents).
    let (mut included, mut done) = (0_usize, 0_usize);
    let (mut all_not_applicable, mut some_done, mut in_progress) = (true, false, false);
    for sub in &step.substeps {
        let check = check(sub, profile);
        all_not_applicable &= check == Check::NotApplicable;
        if check.is_excluded() {
            continue;
        }
        included += 1;
        match check {
            Check::Done => {
                done += 1;
                some_done = true;
            }
            Check::Partly => some_done = true,
            Check::InProgress => in_progress = true,
            _ => {}
        }
    }
    if included == 0 {
        return if all_not_applicable {
            Check::NotApplicable
        } else {
            Check::Skipped
        };
    }
    if (step.one_of && done > 0) || done == included {
        Check::Done
    } else if some_done {
        Check::Partly
    } else if in_progress {
        Check::InProgress
    } else {
        Check::Todo
    }
}

/// Units of work in one step: a leaf is one unit, a choose-one step is one
/// unit, and any other parent is the sum of its sub-steps.
fn step_progress(step: &Step, profile: &Profile) -> Progress {
    if step.substeps.is_empty() || step.one_of {
        let check = check(step, profile);
        Progress {
            done: usize::from(check == Check::Done),
            total: usize::from(!check.is_excluded()),
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

/// Units of required work in one area that the background covers (also
/// counted as done), unless the user marked them otherwise.
pub fn covered_units(guide: &Guide, profile: &Profile, area: Area) -> usize {
    fn walk(step: &Step, profile: &Profile, under: bool) -> usize {
        let here = under || covered_step(profile, step).is_some();
        if step.substeps.is_empty() || step.one_of {
            usize::from(here && check(step, profile) == Check::Done)
        } else {
            step.substeps.iter().map(|s| walk(s, profile, here)).sum()
        }
    }
    guide
        .steps(area, profile.goal, profile.state.as_deref())
        .into_iter()
        .filter(|s| s.is_required_for(profile.goal))
        .map(|s| walk(s, profile, false))
        .sum()
}

/// Progress through every required step.
pub fn overall_progress(guide: &Guide, profile: &Profile) -> Progress {
    let mut p = Progress::default();
    for area in Area::ALL {
        p.add(area_progress(guide, profile, area));
    }
    p
}

/// Every unfinished unit of required work, in path order: leaves, and
/// choose-one steps as a whole.
pub fn upcoming<'g>(guide: &'g Guide, profile: &Profile) -> impl Iterator<Item = (Area, &'g Step)> {
    fn walk<'g>(area: Area, step: &'g Step, profile: &Profile, out: &mut Vec<(Area, &'g Step)>) {
        let check = check(step, profile);
        if check == Check::Done || check.is_excluded() {
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

/// Units of required work the user marked not applicable and skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Excluded {
    pub not_applicable: usize,
    pub skipped: usize,
}

/// How much required work was left out of the totals, and why.
pub fn excluded(guide: &Guide, profile: &Profile) -> Excluded {
    fn walk(step: &Step, profile: &Profile, out: &mut Excluded) {
        if step.substeps.is_empty() || step.one_of {
            match check(step, profile) {
                Check::NotApplicable => out.not_applicable += 1,
                Check::Skipped => out.skipped += 1,
                _ => {}
            }
        } else {
            for sub in &step.substeps {
                walk(sub, profile, out);
            }
        }
    }
    let mut out = Excluded::default();
    for area in Area::ALL {
        for step in guide.steps(area, profile.goal, profile.state.as_deref()) {
            if step.is_required_for(profile.goal) {
                walk(step, profile, &mut out);
            }
        }
    }
    out
}
