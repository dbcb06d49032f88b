//! The exam study plan ("The exam"): the weeks from today to the exam date,
//! the hours spread over the outline's areas by weight, weak areas first,
//! and a review block before the date. Pure: the clock comes in as `today`.
//!
//! The rules, as the README states them:
//! - The weeks run from the day the plan was set (`Study::from`) to the
//!   exam, counted back from the exam date, so a week keeps its first day
//!   (the key a tick is saved under) as days pass. When the exam is not a
//!   whole number of weeks away, the days before the first whole week are
//!   a short first week from that day, with the week's hours scaled to its
//!   days (rounded, at least one): today is always in a week.
//! - An exam under [`MIN_WEEKS`] weeks after that day, or before it, is
//!   refused: a plan of weeks needs weeks. So is one over [`MAX_WEEKS`]
//!   weeks away.
//! - An area's weight is the midpoint of its published range (or its share
//!   of the outline's items), normalised. Areas with no published weight
//!   share what the others leave evenly; with no weights at all, every area
//!   gets the same.
//! - A practice result moves its area's weight: 75% leaves it as it is, each
//!   point below adds 1%, each above takes 1% off (at most half either way).
//!   75 is this plan's own pivot, not a pass mark (ASCP publishes none).
//! - The last 15% of the weeks (at least one) are review: every area, by
//!   weight. The weeks before are study weeks: each takes the next hours of
//!   the areas still owed, weakest first, then heaviest.
//! - A week uses the practice results dated on or before its first day if
//!   it is over or ticked done (so what was planned for it stays), else
//!   every result up to today: the weeks ahead re-weight after a practice test.

use std::fmt;

use jiff::Span;

use crate::content::{Caveat, Date, Exam, Guide};
use crate::profile::{Practice, Study, week_spans};

/// The fewest whole weeks a plan can have.
pub const MIN_WEEKS: i64 = 2;
/// The most whole weeks a plan can have (two years).
pub const MAX_WEEKS: i64 = 104;
/// Hours a week a plan accepts.
pub const MAX_HOURS: u8 = 60;
/// The practice score that leaves an area's weight as it is.
pub const PIVOT: i32 = 75;

/// Why no plan can be made, worded for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// No exam chosen.
    NoExam,
    /// The guide has no exam record for this credential.
    UnknownExam(String),
    /// The exam has no content outline in the guide; the text says why.
    NoOutline {
        exam: String,
        why: String,
    },
    NoDate,
    NoHours,
    Past(Date),
    TooClose {
        date: Date,
        days: i64,
    },
    TooFar {
        date: Date,
        weeks: i64,
    },
    Hours(u8),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::NoExam => write!(f, "No exam chosen: set one (for example MLT(ASCP))."),
            Refused::UnknownExam(name) => write!(
                f,
                "The guide has no exam outline for {name}; choose one of: MLT(ASCP), MLS(ASCP), MLT(ASCPi), MLT(AMT), MLT(AAB), MT(AAB)."
            ),
            Refused::NoOutline { exam, why } => {
                write!(f, "No study plan for {exam}: {why}")
            }
            Refused::NoDate => write!(f, "No exam date set."),
            Refused::NoHours => write!(f, "No hours a week set."),
            Refused::Past(date) => write!(
                f,
                "{date} is not ahead: pick the exam date you are booked for, or hope to book."
            ),
            Refused::TooClose { date, days } => write!(
                f,
                "{date} is {days} days away: a plan of weeks needs at least {MIN_WEEKS} weeks. Review your weakest areas from your practice tests instead."
            ),
            Refused::TooFar { date, weeks } => write!(
                f,
                "{date} is {weeks} weeks away: a plan covers at most {MAX_WEEKS} weeks (two years). Set a nearer date, or plan nearer the time."
            ),
            Refused::Hours(h) => write!(f, "{h} hours a week: give 1 to {MAX_HOURS}."),
        }
    }
}

/// How far the weights can be trusted, for the screen to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Every weight comes from the certifier's outline (or a copy of it).
    Published,
    /// Some weights are third-party figures, used as given.
    SomeUnverified,
    /// Some areas have no weight: they share what the others leave evenly.
    SomeEven,
    /// No area has a weight: the hours are spread evenly.
    Even,
}

impl Basis {
    pub fn words(self) -> &'static str {
        match self {
            Basis::Published => "Hours follow the weights of the certifier's outline.",
            Basis::SomeUnverified => {
                "Hours follow the published weights; a weight marked ? is a third-party figure, not read on the certifier's outline, used as given. Check the current outline."
            }
            Basis::SomeEven => {
                "Areas with no published weight share what the others leave, evenly."
            }
            Basis::Even => {
                "No weights were found for this exam's areas, so the hours are spread evenly."
            }
        }
    }
}

/// One area in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaPlan {
    pub name: String,
    /// The published range ("15-20%"), the item count ("41 items") or
    /// "no weight".
    pub published: String,
    /// Set when the weight is not confirmed on the certifier's outline.
    pub unverified: bool,
    /// Share of the plan today, in whole percent, after practice re-weighting.
    pub share: u8,
    /// Hours over the whole plan.
    pub hours: u32,
    /// Hours in weeks ticked done.
    pub done_hours: u32,
    /// The practice results for this area, oldest first.
    pub results: Vec<(Date, u8)>,
}

impl AreaPlan {
    pub fn latest(&self) -> Option<u8> {
        self.results.last().map(|r| r.1)
    }

    /// The change from the first result to the last, in points.
    pub fn trend(&self) -> Option<i32> {
        match (self.results.first(), self.results.last()) {
            (Some(a), Some(b)) if self.results.len() > 1 => Some(i32::from(b.1) - i32::from(a.1)),
            _ => None,
        }
    }

    /// "62% (up 12)", "48%", "none".
    pub fn trend_words(&self) -> String {
        match (self.latest(), self.trend()) {
            (None, _) => "no test".to_owned(),
            (Some(s), None) => format!("{s}%"),
            (Some(s), Some(0)) => format!("{s}% (steady)"),
            (Some(s), Some(t)) if t > 0 => format!("{s}% (up {t})"),
            (Some(s), Some(t)) => format!("{s}% (down {})", -t),
        }
    }
}

/// The hours of one area in one week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaHours {
    pub name: String,
    pub hours: u32,
}

/// One week of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub start: Date,
    /// Its days: 7, or fewer for a short first week.
    pub days: u8,
    pub review: bool,
    pub done: bool,
    /// Ended before today.
    pub past: bool,
    pub areas: Vec<AreaHours>,
}

impl Week {
    /// The day after its last.
    pub fn end(&self) -> Date {
        add_days(self.start, i64::from(self.days))
    }

    /// A short first week.
    pub fn short(&self) -> bool {
        self.days < 7
    }

    /// "2026-12-08", or "2026-12-08 (3 days)" for a short week.
    pub fn heading(&self) -> String {
        format!("{}{}", self.start, self.days_words())
    }

    /// "" or " (3 days)", for a short week.
    pub fn days_words(&self) -> String {
        match self.days {
            7 => String::new(),
            1 => " (1 day)".to_owned(),
            n => format!(" ({n} days)"),
        }
    }

    pub fn hours(&self) -> u32 {
        self.areas.iter().map(|a| a.hours).sum()
    }

    /// "Chemistry 5h, Hematology 3h".
    pub fn words(&self) -> String {
        let parts: Vec<String> = self
            .areas
            .iter()
            .map(|a| format!("{} {}h", a.name, a.hours))
            .collect();
        parts.join(", ")
    }
}

/// The plan for one exam, date and hours a week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyPlan {
    pub exam: Exam,
    /// The credential as printed ("MLT(ASCP)").
    pub credential: String,
    pub date: Date,
    pub hours_per_week: u8,
    pub weeks: Vec<Week>,
    pub areas: Vec<AreaPlan>,
    pub basis: Basis,
}

impl StudyPlan {
    /// How long the plan runs, in words: "10 weeks", or "10 weeks and 3
    /// days" with a short first week.
    pub fn length_words(&self) -> String {
        let whole = self.weeks.iter().filter(|w| !w.short()).count();
        let days: u32 = self
            .weeks
            .iter()
            .filter(|w| w.short())
            .map(|w| u32::from(w.days))
            .sum();
        let plural = |n, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        match (whole, days) {
            (w, 0) => plural(w, "week"),
            (0, d) => plural(d as usize, "day"),
            (w, d) => format!("{} and {}", plural(w, "week"), plural(d as usize, "day")),
        }
    }

    /// The week today falls in, if any.
    pub fn current(&self, today: Date) -> Option<usize> {
        self.weeks
            .iter()
            .position(|w| w.start <= today && today < w.end())
    }

    /// The areas weakest first by latest practice score (untested last).
    pub fn weakest(&self) -> Vec<&AreaPlan> {
        let mut tested: Vec<&AreaPlan> =
            self.areas.iter().filter(|a| a.latest().is_some()).collect();
        tested.sort_by_key(|a| a.latest());
        tested
    }
}

fn add_days(date: Date, days: i64) -> Date {
    date.saturating_add(Span::new().days(days))
}

fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |span| i64::from(span.get_days()))
}

/// The credential name the guide prints for an exam name typed or saved.
pub fn credential_name(guide: &Guide, exam: &str) -> Option<String> {
    guide
        .credentials
        .iter()
        .find(|c| c.id.eq_ignore_ascii_case(exam) || c.name.eq_ignore_ascii_case(exam))
        .map(|c| c.name.clone())
}

/// Checks the settings a person types, before they are saved.
pub fn check(guide: &Guide, exam: &str, date: Date, hours: u8, today: Date) -> Result<(), Refused> {
    let study = Study {
        exam: Some(exam.to_owned()),
        date: Some(date),
        from: Some(today),
        hours_per_week: Some(hours),
        ..Study::default()
    };
    plan(guide, &study, today).map(|_| ())
}

/// The whole weeks from `today` to the exam, or why there can be no plan.
fn weeks_until(date: Date, today: Date) -> Result<i64, Refused> {
    let days = days_between(today, date);
    if date <= today {
        return Err(Refused::Past(date));
    }
    if days < MIN_WEEKS * 7 {
        return Err(Refused::TooClose { date, days });
    }
    let weeks = days / 7;
    if weeks > MAX_WEEKS {
        return Err(Refused::TooFar { date, weeks });
    }
    Ok(weeks)
}

/// The plan, or why there is none.
pub fn plan(guide: &Guide, study: &Study, today: Date) -> Result<StudyPlan, Refused> {
    let name = study.exam.as_deref().ok_or(Refused::NoExam)?;
    let exam = guide
        .exam(name)
        .ok_or_else(|| Refused::UnknownExam(name.to_owned()))?;
    let credential = credential_name(guide, name).unwrap_or_else(|| name.to_owned());
    if exam.areas.is_empty() {
        let why = match &exam.caveat {
            Some(Caveat::Unverified(t) | Caveat::Conflict(t)) => t.clone(),
            None => "the guide has no content outline for it.".to_owned(),
        };
        return Err(Refused::NoOutline {
            exam: credential,
            why,
        });
    }
    let date = study.date.ok_or(Refused::NoDate)?;
    let hours = study.hours_per_week.ok_or(Refused::NoHours)?;
    if hours == 0 || hours > MAX_HOURS {
        return Err(Refused::Hours(hours));
    }
    let from = study.from.unwrap_or(today);
    let n = weeks_until(date, from)?;
    let spans = week_spans(from, date);
    // The review weeks are the last whole ones; a short week comes first.
    let review_from = spans.len() - usize::try_from((n * 15 / 100).max(1)).unwrap_or(1);
    let base = base_weights(exam);
    let basis = basis(exam);
    let hpw = u32::from(hours);

    let mut weeks: Vec<Week> = spans
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| Week {
            start,
            days: u8::try_from(days_between(start, end)).unwrap_or(7),
            review: i >= review_from,
            done: study.weeks_done.contains(&start),
            past: end <= today,
            areas: Vec::new(),
        })
        .collect();
    let total: u32 = weeks.iter().map(|w| capacity(hpw, w.days)).sum();
    let names: Vec<&str> = exam.areas.iter().map(|a| a.name.as_str()).collect();
    let shares = Shares {
        base: &base,
        names: &names,
        practice: &study.practice,
    };
    allocate(&mut weeks, &shares, today, hpw, total);

    let today_weights = weights(&base, &names, &study.practice, today);
    let areas = area_plans(exam, &weeks, &today_weights, &study.practice);
    Ok(StudyPlan {
        exam: exam.clone(),
        credential,
        date,
        hours_per_week: hours,
        weeks,
        areas,
        basis,
    })
}

/// Each area's totals, published weight and practice results.
fn area_plans(
    exam: &Exam,
    weeks: &[Week],
    today_weights: &[f64],
    practice: &[Practice],
) -> Vec<AreaPlan> {
    exam.areas
        .iter()
        .enumerate()
        .map(|(i, area)| {
            let mut results: Vec<(Date, u8)> = practice
                .iter()
                .filter(|p| p.area.eq_ignore_ascii_case(&area.name))
                .map(|p| (p.date, p.score))
                .collect();
            results.sort_by_key(|r| r.0);
            let in_weeks = |pred: &dyn Fn(&Week) -> bool| -> u32 {
                weeks
                    .iter()
                    .filter(|w| pred(w))
                    .flat_map(|w| w.areas.iter())
                    .filter(|a| a.name == area.name)
                    .map(|a| a.hours)
                    .sum()
            };
            AreaPlan {
                name: area.name.clone(),
                published: match (area.weight, area.items) {
                    (Some(w), _) if w.min == w.max => format!("{}%", w.min),
                    (Some(w), _) => format!("{}-{}%", w.min, w.max),
                    (None, Some(items)) => format!("{items} items"),
                    (None, None) => "no weight".to_owned(),
                },
                unverified: area.caveat.is_some(),
                share: percent(today_weights[i]),
                hours: in_weeks(&|_| true),
                done_hours: in_weeks(&|w| w.done),
                results,
            }
        })
        .collect()
}

/// The weights as they stand on a day: the outline's, moved by practice.
struct Shares<'a> {
    base: &'a [f64],
    names: &'a [&'a str],
    practice: &'a [Practice],
}

impl Shares<'_> {
    fn on(&self, day: Date) -> Vec<f64> {
        weights(self.base, self.names, self.practice, day)
    }

    fn order(&self, w: &[f64], day: Date) -> Vec<usize> {
        order(w, self.names, self.practice, day)
    }
}

/// The hours of a week of `days` days: the hours a week, scaled to a short
/// week's days (rounded, at least one).
fn capacity(hpw: u32, days: u8) -> u32 {
    if days >= 7 {
        hpw
    } else {
        ((hpw * u32::from(days) + 3) / 7).max(1).min(hpw)
    }
}

/// Fills the weeks' hours: the review weeks by weight, then each study week
/// with the next hours still owed, weakest first (see the module's rules).
fn allocate(weeks: &mut [Week], shares: &Shares<'_>, today: Date, hpw: u32, total: u32) {
    let as_of = |w: &Week| {
        if w.done || w.past {
            w.start.min(today)
        } else {
            today
        }
    };
    let names = shares.names;
    let mut given = vec![0u32; names.len()];
    for week in weeks.iter_mut().filter(|w| w.review) {
        let day = as_of(week);
        let w = shares.on(day);
        let split = split(capacity(hpw, week.days), &w);
        for (i, h) in split.iter().enumerate() {
            given[i] += h;
        }
        week.areas = hours_of(names, &split, &shares.order(&w, day));
    }
    let caps: Vec<u32> = weeks
        .iter()
        .filter(|w| !w.review)
        .map(|w| capacity(hpw, w.days))
        .collect();
    for (k, week) in weeks.iter_mut().filter(|w| !w.review).enumerate() {
        let day = as_of(week);
        let w = shares.on(day);
        let owed: Vec<f64> = split(total, &w)
            .iter()
            .zip(&given)
            .map(|(t, g)| f64::from(t.saturating_sub(*g)))
            .collect();
        let left: u32 = caps[k..].iter().sum();
        let owed = if owed.iter().sum::<f64>() > 0.0 {
            split(left, &owed)
        } else {
            split(left, &w)
        };
        let ordered = shares.order(&w, day);
        let mut take = vec![0u32; names.len()];
        let mut room = caps[k];
        for &i in &ordered {
            let h = owed[i].min(room);
            take[i] = h;
            room -= h;
        }
        for (i, h) in take.iter().enumerate() {
            given[i] += h;
        }
        week.areas = hours_of(names, &take, &ordered);
    }
}

/// The outline's weights, summing to 1: range midpoints or item shares,
/// with areas that have neither sharing what is left evenly.
fn base_weights(exam: &Exam) -> Vec<f64> {
    let items: u32 = exam
        .areas
        .iter()
        .filter_map(|a| a.items)
        .map(u32::from)
        .sum();
    let known: Vec<Option<f64>> = exam
        .areas
        .iter()
        .map(|a| match (a.weight, a.items) {
            (Some(w), _) => Some(f64::midpoint(f64::from(w.min), f64::from(w.max))),
            (None, Some(n)) if items > 0 => Some(f64::from(n) * 100.0 / f64::from(items)),
            _ => None,
        })
        .collect();
    let sum: f64 = known.iter().flatten().sum();
    let unknown = known.iter().filter(|k| k.is_none()).count();
    let count = known.len() - unknown;
    let each = if unknown == 0 {
        0.0
    } else if sum < 100.0 && count > 0 {
        (100.0 - sum) / f64::from(u32::try_from(unknown).unwrap_or(1))
    } else if count > 0 {
        // The known weights already fill the exam: the rest get their mean.
        sum / f64::from(u32::try_from(count).unwrap_or(1))
    } else {
        1.0
    };
    let raw: Vec<f64> = known.iter().map(|k| k.unwrap_or(each)).collect();
    normalise(&raw)
}

fn basis(exam: &Exam) -> Basis {
    let none = exam
        .areas
        .iter()
        .filter(|a| a.weight.is_none() && a.items.is_none())
        .count();
    if none == exam.areas.len() {
        Basis::Even
    } else if none > 0 {
        Basis::SomeEven
    } else if exam.areas.iter().any(|a| a.caveat.is_some()) {
        Basis::SomeUnverified
    } else {
        Basis::Published
    }
}

/// A weight (0 to 1) as whole percent.
fn percent(weight: f64) -> u8 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let p = (weight * 100.0).round().clamp(0.0, 100.0) as u8;
    p
}

fn normalise(raw: &[f64]) -> Vec<f64> {
    let sum: f64 = raw.iter().sum();
    if sum <= 0.0 {
        let n = f64::from(u32::try_from(raw.len()).unwrap_or(1).max(1));
        return raw.iter().map(|_| 1.0 / n).collect();
    }
    raw.iter().map(|r| r / sum).collect()
}

/// The latest practice score per area on or before `day`.
fn latest(names: &[&str], practice: &[Practice], day: Date) -> Vec<Option<u8>> {
    names
        .iter()
        .map(|name| {
            practice
                .iter()
                .filter(|p| p.date <= day && p.area.eq_ignore_ascii_case(name))
                .max_by_key(|p| p.date)
                .map(|p| p.score)
        })
        .collect()
}

/// A practice score's pull on its area's weight (see the module's rules).
fn factor(score: Option<u8>) -> f64 {
    score.map_or(1.0, |s| {
        let pull = (PIVOT - i32::from(s)).clamp(-50, 50);
        1.0 + f64::from(pull) / 100.0
    })
}

/// The base weights moved by the practice results up to `day`.
fn weights(base: &[f64], names: &[&str], practice: &[Practice], day: Date) -> Vec<f64> {
    let scores = latest(names, practice, day);
    let raw: Vec<f64> = base
        .iter()
        .zip(&scores)
        .map(|(w, s)| w * factor(*s))
        .collect();
    normalise(&raw)
}

/// The areas in study order: weakest practice result first (untested
/// after the tested ones below the pivot), then heaviest, then outline order.
fn order(w: &[f64], names: &[&str], practice: &[Practice], day: Date) -> Vec<usize> {
    let scores = latest(names, practice, day);
    let mut idx: Vec<usize> = (0..w.len()).collect();
    idx.sort_by(|&a, &b| {
        let pull = |i: usize| factor(scores[i]);
        pull(b)
            .total_cmp(&pull(a))
            .then(w[b].total_cmp(&w[a]))
            .then(a.cmp(&b))
    });
    idx
}

/// `total` whole hours split by `weights` (largest remainder), so the parts
/// add up to `total` and each is within an hour of its exact share.
fn split(total: u32, weights: &[f64]) -> Vec<u32> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() {
        return Vec::new();
    }
    let exact: Vec<f64> = if sum > 0.0 {
        weights.iter().map(|w| f64::from(total) * w / sum).collect()
    } else {
        let n = f64::from(u32::try_from(weights.len()).unwrap_or(1));
        weights.iter().map(|_| f64::from(total) / n).collect()
    };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut parts: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    let mut left = total - parts.iter().sum::<u32>();
    let mut by_remainder: Vec<usize> = (0..exact.len()).collect();
    by_remainder.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    for i in by_remainder {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

/// The non-zero hours in study order.
fn hours_of(names: &[&str], hours: &[u32], order: &[usize]) -> Vec<AreaHours> {
    order
        .iter()
        .filter(|&&i| hours[i] > 0)
        .map(|&i| AreaHours {
            name: names[i].to_owned(),
            hours: hours[i],
        })
        .collect()
}

/// The default exam: the credential of the person's plan or goal, when the
/// guide has an outline for it.
pub fn default_exam(guide: &Guide, planned: Option<&str>) -> Option<String> {
    planned
        .filter(|name| guide.exam(name).is_some_and(|e| !e.areas.is_empty()))
        .and_then(|name| credential_name(guide, name))
}

/// An area name typed by a person, as the exam's outline spells it:
/// the same words in any case, or the start of exactly one area's name.
pub fn area_name(exam: &Exam, typed: &str) -> Result<String, String> {
    let typed = typed.trim();
    if let Some(a) = exam
        .areas
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(typed))
    {
        return Ok(a.name.clone());
    }
    let lower = typed.to_lowercase();
    let hits: Vec<&str> = exam
        .areas
        .iter()
        .filter(|a| !lower.is_empty() && a.name.to_lowercase().starts_with(&lower))
        .map(|a| a.name.as_str())
        .collect();
    if let [one] = hits.as_slice() {
        return Ok((*one).to_owned());
    }
    let all: Vec<&str> = exam.areas.iter().map(|a| a.name.as_str()).collect();
    Err(format!(
        "\"{typed}\" is not one area of the outline; the areas are: {}.",
        all.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide() -> Guide {
        Guide::embedded().expect("guide")
    }

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn study(exam: &str, date: &str, hours: u8) -> Study {
        Study {
            exam: Some(exam.into()),
            date: Some(d(date)),
            from: Some(d(TODAY)),
            hours_per_week: Some(hours),
            ..Study::default()
        }
    }

    const TODAY: &str = "2026-12-08";

    fn area_total(plan: &StudyPlan, name: &str) -> u32 {
        plan.areas
            .iter()
            .find(|a| a.name == name)
            .expect(name)
            .hours
    }

    #[test]
    fn ten_weeks_at_eight_hours_fit_the_weeks_and_end_with_review() {
        let g = guide();
        let plan = plan(&g, &study("MLT(ASCP)", "2027-02-16", 8), d(TODAY)).expect("plan");
        assert_eq!(plan.weeks.len(), 10);
        assert_eq!(plan.length_words(), "10 weeks");
        assert_eq!(plan.weeks[0].start, d(TODAY));
        for w in &plan.weeks {
            assert_eq!(w.hours(), 8, "{w:?}");
        }
        let total: u32 = plan.areas.iter().map(|a| a.hours).sum();
        assert_eq!(total, 80, "weeks x hours");
        assert!(plan.weeks[9].review && !plan.weeks[8].review);
        // The review week covers several areas, not one.
        assert!(plan.weeks[9].areas.len() >= 5);
        assert_eq!(plan.basis, Basis::SomeUnverified);
    }

    #[test]
    fn hours_per_area_follow_the_weights_within_a_rounding_hour() {
        let g = guide();
        for (exam, weeks, hours) in [
            ("MLT(ASCP)", 10, 8),
            ("MLS(ASCP)", 23, 11),
            ("MLT(AMT)", 7, 13),
            ("MT(AAB)", 12, 6),
        ] {
            let date = add_days(d(TODAY), weeks * 7 + 3);
            let mut s = study(exam, &date.to_string(), hours);
            s.date = Some(date);
            let plan = plan(&g, &s, d(TODAY)).expect(exam);
            // The whole weeks, and a 3-day first week at 3/7 of the hours.
            let short = (u32::from(hours) * 3 + 3) / 7;
            let whole = u32::try_from(weeks).expect("weeks") * u32::from(hours);
            assert_eq!(plan.weeks[0].days, 3, "{exam}");
            assert_eq!(plan.weeks[0].hours(), short, "{exam}");
            assert!(
                plan.weeks[1..]
                    .iter()
                    .all(|w| w.hours() == u32::from(hours))
            );
            assert_eq!(
                plan.areas.iter().map(|a| a.hours).sum::<u32>(),
                whole + short
            );
            let total = f64::from(whole + short);
            let base = base_weights(&plan.exam);
            for (area, w) in plan.areas.iter().zip(base) {
                let exact = total * w;
                assert!(
                    (f64::from(area.hours) - exact).abs() <= 1.0,
                    "{exam} {}: {} hours for {exact:.2}",
                    area.name,
                    area.hours
                );
            }
        }
        // Blood banking, the verified 15-20%, gets 17.5% of 105% of 80 hours.
        let plan = plan(&g, &study("MLT(ASCP)", "2027-02-16", 8), d(TODAY)).expect("plan");
        assert_eq!(area_total(&plan, "Blood banking"), 13);
        assert_eq!(area_total(&plan, "Chemistry"), 17);
        assert_eq!(area_total(&plan, "Immunology"), 6);
    }

    #[test]
    fn today_is_in_a_short_first_week_when_the_exam_is_not_whole_weeks_away() {
        let g = guide();
        // 73 days: 10 whole weeks from 2026-12-11, and 3 days before them.
        let plan = plan(&g, &study("MLT(ASCP)", "2027-02-19", 8), d(TODAY)).expect("plan");
        assert_eq!(plan.weeks.len(), 11);
        assert_eq!(plan.length_words(), "10 weeks and 3 days", "not 11 weeks");
        let first = &plan.weeks[0];
        assert_eq!((first.start, first.days), (d(TODAY), 3));
        assert_eq!(first.end(), d("2026-12-11"));
        assert_eq!(first.hours(), 3, "8 hours a week over 3 days");
        assert!(!first.review);
        assert_eq!(plan.current(d(TODAY)), Some(0));
        assert_eq!(plan.current(d("2026-12-10")), Some(0));
        assert_eq!(plan.current(d("2026-12-11")), Some(1));
        // The whole weeks keep their first days (the ticks' keys).
        assert_eq!(plan.weeks[1].start, d("2026-12-11"));
        assert!(
            plan.weeks[1..]
                .iter()
                .all(|w| w.days == 7 && w.hours() == 8)
        );
        assert!(plan.weeks[10].review && !plan.weeks[9].review);
        assert_eq!(plan.areas.iter().map(|a| a.hours).sum::<u32>(), 83);
        // One hour a week still gives a 1-day first week an hour to do.
        let one = super::plan(&g, &study("MLT(ASCP)", "2027-02-10", 1), d(TODAY)).expect("plan");
        assert_eq!((one.weeks[0].days, one.weeks[0].hours()), (1, 1));
    }

    #[test]
    fn an_outline_without_weights_spreads_evenly_and_says_so() {
        let g = guide();
        let plan = plan(&g, &study("MLT(AAB)", "2027-02-16", 6), d(TODAY)).expect("plan");
        assert_eq!(plan.basis, Basis::Even);
        let hours: Vec<u32> = plan.areas.iter().map(|a| a.hours).collect();
        assert_eq!(hours, vec![10; 6]);
        assert!(plan.basis.words().contains("evenly"));
    }

    #[test]
    fn past_close_and_far_dates_and_bad_hours_are_refused_with_a_message() {
        let g = guide();
        let refuse = |date: &str, hours: u8| {
            plan(&g, &study("MLT(ASCP)", date, hours), d(TODAY)).expect_err(date)
        };
        assert_eq!(refuse("2026-12-01", 8), Refused::Past(d("2026-12-01")));
        assert_eq!(refuse(TODAY, 8), Refused::Past(d(TODAY)));
        let close = refuse("2026-12-21", 8);
        assert_eq!(
            close,
            Refused::TooClose {
                date: d("2026-12-21"),
                days: 13
            }
        );
        assert!(close.to_string().contains("at least 2 weeks"), "{close}");
        assert!(plan(&g, &study("MLT(ASCP)", "2026-12-22", 8), d(TODAY)).is_ok());
        assert!(matches!(refuse("2029-12-22", 8), Refused::TooFar { .. }));
        assert_eq!(refuse("2027-02-16", 0), Refused::Hours(0));
        let none = plan(&g, &study("MLS(AMT)", "2027-02-16", 8), d(TODAY)).expect_err("no outline");
        assert!(none.to_string().contains("No content outline"), "{none}");
        assert!(matches!(
            plan(&g, &study("XYZ", "2027-02-16", 8), d(TODAY)),
            Err(Refused::UnknownExam(_))
        ));
    }

    #[test]
    fn practice_results_move_the_weeks_ahead_toward_the_weaker_area() {
        let g = guide();
        let mut s = study("MLT(ASCP)", "2027-02-16", 8);
        let before = plan(&g, &s, d(TODAY)).expect("plan");
        s.practice = vec![
            Practice {
                date: d(TODAY),
                area: "Hematology".into(),
                score: 85,
            },
            Practice {
                date: d(TODAY),
                area: "Blood Banking".into(),
                score: 48,
            },
        ];
        let after = plan(&g, &s, d(TODAY)).expect("plan");
        assert!(area_total(&after, "Blood banking") > area_total(&before, "Blood banking"));
        assert!(area_total(&after, "Hematology") < area_total(&before, "Hematology"));
        // Still the same total, and the weak area comes first.
        assert_eq!(after.areas.iter().map(|a| a.hours).sum::<u32>(), 80);
        assert_eq!(after.weeks[0].areas[0].name, "Blood banking");
        assert_eq!(after.weakest()[0].name, "Blood banking");
    }

    #[test]
    fn a_week_ticked_done_keeps_its_hours_when_practice_comes_later() {
        let g = guide();
        let mut s = study("MLT(ASCP)", "2027-02-16", 8);
        let first = plan(&g, &s, d(TODAY)).expect("plan");
        s.weeks_done.push(first.weeks[0].start);
        s.practice.push(Practice {
            date: d("2026-12-15"),
            area: "Immunology".into(),
            score: 30,
        });
        let later = plan(&g, &s, d("2026-12-15")).expect("plan");
        assert!(later.weeks[0].done && later.weeks[0].past);
        assert_eq!(later.weeks[0].areas, first.weeks[0].areas);
        assert_eq!(later.weeks[1].areas[0].name, "Immunology");
        assert_eq!(later.areas.iter().map(|a| a.hours).sum::<u32>(), 80);
        let im = later
            .areas
            .iter()
            .find(|a| a.name == "Immunology")
            .expect("im");
        assert_eq!(im.trend_words(), "30%");
    }

    #[test]
    fn the_trend_is_the_change_from_the_first_result_to_the_last() {
        let g = guide();
        let mut s = study("MLT(ASCP)", "2027-02-16", 8);
        s.practice = vec![
            Practice {
                date: d("2026-12-20"),
                area: "chemistry".into(),
                score: 70,
            },
            Practice {
                date: d("2026-12-06"),
                area: "Chemistry".into(),
                score: 58,
            },
        ];
        let plan = plan(&g, &s, d("2026-12-21")).expect("plan");
        let chem = plan
            .areas
            .iter()
            .find(|a| a.name == "Chemistry")
            .expect("chem");
        assert_eq!(chem.trend(), Some(12));
        assert_eq!(chem.trend_words(), "70% (up 12)");
    }

    #[test]
    fn a_typed_area_is_matched_by_its_start() {
        let g = guide();
        let exam = g.exam("MLT(ASCP)").expect("exam");
        assert_eq!(area_name(exam, "blood").as_deref(), Ok("Blood banking"));
        assert_eq!(
            area_name(exam, "URINALYSIS AND BODY FLUIDS").as_deref(),
            Ok("Urinalysis and body fluids")
        );
        assert!(area_name(exam, "h").is_ok()); // Hematology only.
        assert!(
            area_name(exam, "x")
                .expect_err("x")
                .contains("Blood banking")
        );
    }
}
