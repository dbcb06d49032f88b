//! `medtech study set|practice|done|show`: the exam study plan from the
//! command line. The commands that change the profile take its lock and
//! save as `medtech merge` does (refused while the TUI holds it), and
//! record one `Change::Study` in the history; `show` only reads.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde::Serialize;

use super::{Failure, Loaded, for_locale, print, to_json};
use crate::advisor::study::{self, StudyPlan};
use crate::clock::Clock;
use crate::content::{Date, Guide};
use crate::profile::{Change, Profile, Study};
use crate::session::{self, shown};
use crate::storage::Storage;
use crate::text::sanitize;

#[derive(Debug, Subcommand)]
pub enum StudyCommand {
    /// Set the exam, its date and your hours a week; the weeks run from today
    Set {
        /// The credential the exam leads to: MLT(ASCP), MLS(ASCP), MLT(AMT), MT(AAB)...
        #[arg(long)]
        exam: String,
        /// The exam date, YYYY-MM-DD, at least 2 weeks ahead
        #[arg(long)]
        date: String,
        /// Hours a week, 1 to 60
        #[arg(long)]
        hours: u8,
    },
    /// Log a practice-test score for one content area
    Practice {
        /// The day of the test, YYYY-MM-DD (today if left out)
        #[arg(long)]
        date: Option<String>,
        /// The area, by its name or the start of it ("blood")
        #[arg(long)]
        area: String,
        /// Percent correct, 0 to 100
        #[arg(long)]
        score: u8,
    },
    /// Tick a week done, by the day it starts (as `study show` lists it)
    Done {
        /// The week's first day, YYYY-MM-DD
        week: String,
        /// Untick it instead
        #[arg(long)]
        not: bool,
    },
    /// The plan: weeks, areas, hours and practice results
    Show {
        /// Print one JSON object instead of text
        #[arg(long)]
        json: bool,
    },
}

/// `status --json`'s `study`, and `study show --json`.
#[derive(Debug, Clone, Serialize)]
pub struct StudyInfo {
    pub exam: Option<String>,
    pub date: Option<String>,
    pub hours_per_week: Option<u8>,
    pub weeks: Vec<WeekInfo>,
    /// Every practice result, oldest first.
    pub practice: Vec<PracticeInfo>,
    pub areas: Vec<AreaInfo>,
    /// What the weights rest on.
    pub basis: Option<String>,
    /// Why there is no plan, when there is none.
    pub refused: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WeekInfo {
    pub start: String,
    /// 7, or fewer for a short first week.
    pub days: u8,
    pub review: bool,
    pub areas: Vec<AreaHoursInfo>,
    pub done: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaHoursInfo {
    pub name: String,
    pub hours: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct PracticeInfo {
    pub date: String,
    pub area: String,
    pub score: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaInfo {
    pub name: String,
    /// As published: "15-20%", "41 items" or "no weight".
    pub weight: String,
    /// Not confirmed on the certifier's own outline.
    pub unverified: bool,
    pub hours: u32,
    pub latest: Option<u8>,
    /// Points from the first result to the last.
    pub trend: Option<i32>,
}

impl StudyInfo {
    /// `None` when no study plan was ever set.
    pub fn build(guide: &Guide, study: &Study, today: Date) -> Option<StudyInfo> {
        if study.is_empty() {
            return None;
        }
        let plan = study::plan(guide, study, today);
        let (weeks, areas, basis) = match &plan {
            Ok(p) => (
                p.weeks
                    .iter()
                    .map(|w| WeekInfo {
                        start: w.start.to_string(),
                        days: w.days,
                        review: w.review,
                        areas: w
                            .areas
                            .iter()
                            .map(|a| AreaHoursInfo {
                                name: a.name.clone(),
                                hours: a.hours,
                            })
                            .collect(),
                        done: w.done,
                    })
                    .collect(),
                p.areas
                    .iter()
                    .map(|a| AreaInfo {
                        name: a.name.clone(),
                        weight: a.published.clone(),
                        unverified: a.unverified,
                        hours: a.hours,
                        latest: a.latest(),
                        trend: a.trend(),
                    })
                    .collect(),
                Some(p.basis.words().to_owned()),
            ),
            Err(_) => (Vec::new(), Vec::new(), None),
        };
        Some(StudyInfo {
            exam: study.exam.as_deref().map(sanitize),
            date: study.date.map(|d| d.to_string()),
            hours_per_week: study.hours_per_week,
            weeks,
            practice: study
                .practice
                .iter()
                .map(|p| PracticeInfo {
                    date: p.date.to_string(),
                    area: sanitize(&p.area),
                    score: p.score,
                })
                .collect(),
            areas,
            basis,
            refused: plan.err().map(|e| sanitize(&e.to_string())),
        })
    }
}

fn parse_date(text: &str) -> Result<Date, Failure> {
    text.parse::<Date>()
        .map_err(|_| Failure::usage(format!("\"{text}\" is not a date: write it YYYY-MM-DD")))
}

pub fn run(command: &StudyCommand, flag: Option<PathBuf>) -> Result<(), Failure> {
    let today = Clock::from_env().today();
    if let StudyCommand::Show { json } = *command {
        let loaded = Loaded::open(flag)?;
        let info = StudyInfo::build(&loaded.guide, &loaded.profile.study, today);
        return match (json, info) {
            (true, info) => print(&to_json(&info)?),
            (false, None) => print(
                "No study plan yet: `medtech study set --exam MLT(ASCP) --date YYYY-MM-DD --hours 8`, or press E in medtech.\n",
            ),
            (false, Some(_)) => {
                let plan = study::plan(&loaded.guide, &loaded.profile.study, today);
                print(&for_locale(match plan {
                    Ok(plan) => text(&plan, &loaded.profile.study),
                    Err(why) => format!("{why}\n"),
                }))
            }
        };
    }
    let guide = Guide::embedded()
        .map_err(|e| Failure::new(format!("the built-in guide does not load: {e}")))?;
    let path = session::resolve_path(flag)?;
    change(&path, today, |profile| {
        let now = &profile.study;
        match command {
            StudyCommand::Set { exam, date, hours } => {
                let exam = study::credential_name(&guide, exam).ok_or_else(|| {
                    Failure::new(study::Refused::UnknownExam(exam.clone()).to_string())
                })?;
                let date = parse_date(date)?;
                study::check(&guide, &exam, date, *hours, today)
                    .map_err(|e| Failure::new(e.to_string()))?;
                Ok((
                    now.with_settings(&exam, date, *hours, today),
                    format!("Set: {exam} on {date}, {hours} hours a week."),
                ))
            }
            StudyCommand::Practice { date, area, score } => {
                let date = date.as_deref().map_or(Ok(today), parse_date)?;
                if date > today {
                    return Err(Failure::new(format!("{date} is in the future.")));
                }
                if *score > 100 {
                    return Err(Failure::usage(format!(
                        "{score} is not a score from 0 to 100"
                    )));
                }
                let name = now
                    .exam
                    .as_deref()
                    .ok_or_else(|| Failure::new("no exam set: run `medtech study set` first"))?;
                let exam = guide.exam(name).ok_or_else(|| {
                    Failure::new(study::Refused::UnknownExam(name.to_owned()).to_string())
                })?;
                let area = study::area_name(exam, area).map_err(Failure::new)?;
                Ok((
                    now.with_practice(date, &area, *score),
                    format!("Logged: {area} {score}% on {date}."),
                ))
            }
            StudyCommand::Done { week, not } => {
                let start = parse_date(week)?;
                let plan =
                    study::plan(&guide, now, today).map_err(|e| Failure::new(e.to_string()))?;
                if !plan.weeks.iter().any(|w| w.start == start) {
                    let starts: Vec<String> =
                        plan.weeks.iter().map(|w| w.start.to_string()).collect();
                    return Err(Failure::new(format!(
                        "no week of the plan starts on {start}; the weeks start on {}",
                        starts.join(", ")
                    )));
                }
                let word = if *not { "not done" } else { "done" };
                Ok((
                    now.with_week(start, !*not),
                    format!("Week of {start}: {word}."),
                ))
            }
            StudyCommand::Show { .. } => unreachable!("handled above"),
        }
    })
}

/// Loads the profile under its lock, changes the study section, records
/// the change in the history and saves, as `medtech merge` does.
fn change(
    path: &Path,
    today: Date,
    edit: impl FnOnce(&Profile) -> Result<(Study, String), Failure>,
) -> Result<(), Failure> {
    let (storage, _) = Storage::open(path.to_owned());
    if let Some(reason) = session::read_only_reason(&storage) {
        let what_to_do = if storage.held_elsewhere() {
            " Quit medtech first, or press E there."
        } else {
            ""
        };
        return Err(Failure::new(format!(
            "cannot change {}: {reason}.{what_to_do} Nothing was changed.",
            shown(storage.data_path())
        )));
    }
    let mut profile = storage
        .load()
        .map_err(|e| Failure::new(format!("{e}. Nothing was changed.")))?
        .unwrap_or_default();
    let (to, said) = edit(&profile)?;
    let change = Change::Study {
        from: Box::new(profile.study.clone()),
        to: Box::new(to),
    };
    if !change.is_noop() {
        profile.apply(&change, today);
        storage
            .save(&profile)
            .map_err(|e| Failure::new(format!("{e}. Nothing was changed.")))?;
    }
    print(&format!("{said}\n"))
}

/// The plan as text: the exam, the weeks, the areas.
pub fn text(plan: &StudyPlan, study: &Study) -> String {
    let mut out = String::new();
    let exam = &plan.exam;
    let _ = writeln!(
        out,
        "{} on {}, {} hours a week, {}.",
        plan.credential,
        plan.date,
        plan.hours_per_week,
        plan.length_words()
    );
    let mut format = Vec::new();
    if let Some(q) = exam.questions {
        format.push(format!("{q} questions"));
    }
    if let Some(m) = exam.minutes {
        format.push(format!("{} h {:02}", m / 60, m % 60));
    }
    if exam.adaptive {
        format.push("computer-adaptive (CAT)".to_owned());
    }
    if !format.is_empty() {
        let _ = writeln!(out, "{}.", format.join(", "));
    }
    let _ = writeln!(out, "{}", plan.basis.words());
    let _ = writeln!(out, "Retakes: {}", sanitize(&exam.retakes.text));
    out.push_str("\nWeeks:\n");
    for w in &plan.weeks {
        let mark = if w.done { "[x]" } else { "[ ]" };
        let kind = if w.review { "review: " } else { "" };
        let _ = writeln!(out, "  {mark} {} {kind}{}", w.heading(), w.words());
    }
    out.push_str("\nAreas (weight as published; ? not verified on the certifier's outline):\n");
    for a in &plan.areas {
        let _ = writeln!(
            out,
            "  {:28} {:>8} {:>4}h  {}",
            a.name,
            format!("{}{}", a.published, if a.unverified { "?" } else { "" }),
            a.hours,
            a.trend_words()
        );
    }
    if !study.practice.is_empty() {
        out.push_str("\nPractice tests:\n");
        for p in &study.practice {
            let _ = writeln!(out, "  {} {} {}%", p.date, sanitize(&p.area), p.score);
        }
    }
    out
}
