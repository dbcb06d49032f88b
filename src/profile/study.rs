//! Studying for the exam: the date, the hours, the weeks done and the
//! practice tests ("The exam").
//!
//! The names here are part of the profile's file format (version 3).

use serde::{Deserialize, Serialize};

use crate::content::Date;

/// The study plan's settings and what the person logged against it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Study {
    /// The exam, by the credential it leads to ("MLT(ASCP)").
    pub exam: Option<String>,
    pub date: Option<Date>,
    /// The day the plan was set: its weeks run from then to the exam
    /// (`None`: from today).
    pub from: Option<Date>,
    pub hours_per_week: Option<u8>,
    /// The weeks ticked done, by the day each week starts.
    pub weeks_done: Vec<Date>,
    pub practice: Vec<Practice>,
}

impl Study {
    pub fn is_empty(&self) -> bool {
        *self == Study::default()
    }

    /// New settings. A plan for the same exam keeps its first day and its
    /// ticks: each tick moves to the new week (see [`week_spans`]) it shares
    /// most days with, and goes only when no week holds any of its days
    /// (the exam came sooner). A new exam starts again from today without
    /// ticks (its areas differ).
    #[must_use]
    pub fn with_settings(&self, exam: &str, date: Date, hours: u8, today: Date) -> Study {
        let now = self;
        let same = now.exam.as_deref() == Some(exam);
        Study {
            exam: Some(exam.to_owned()),
            date: Some(date),
            from: if same {
                now.from.or(Some(today))
            } else {
                Some(today)
            },
            hours_per_week: Some(hours),
            weeks_done: if same {
                let from = now.from.unwrap_or(today);
                moved_ticks(&now.weeks_done, now.date.map(|d| (from, d)), from, date)
            } else {
                Vec::new()
            },
            practice: now.practice.clone(),
        }
    }

    /// One practice result added; one for the same day and area replaces it.
    #[must_use]
    pub fn with_practice(&self, date: Date, area: &str, score: u8) -> Study {
        let now = self;
        let mut next = now.clone();
        next.practice
            .retain(|p| !(p.date == date && p.area.eq_ignore_ascii_case(area)));
        next.practice.push(Practice {
            date,
            area: area.to_owned(),
            score,
        });
        next.practice
            .sort_by(|a, b| a.date.cmp(&b.date).then(a.area.cmp(&b.area)));
        next
    }

    /// A week ticked or unticked.
    #[must_use]
    pub fn with_week(&self, start: Date, done: bool) -> Study {
        let now = self;
        let mut next = now.clone();
        next.weeks_done.retain(|d| *d != start);
        if done {
            next.weeks_done.push(start);
            next.weeks_done.sort();
        }
        next
    }
}

/// The weeks of a plan that runs from `from` to the exam on `date`, each as
/// its first day and the day after its last (the exam day is in none).
/// Whole weeks are counted back from the exam, so a week keeps its first
/// day (the key a tick is saved under) whatever day the plan is looked at.
/// When `from` is not a whole number of weeks before the exam, the days
/// before the first whole week are a short first week starting on `from`,
/// so the plan's first day always falls in a week. Empty when the exam is
/// not after `from`.
pub fn week_spans(from: Date, date: Date) -> Vec<(Date, Date)> {
    let total = days_between(from, date);
    if total <= 0 {
        return Vec::new();
    }
    let whole = total / 7;
    let first_whole = add_days(date, -7 * whole);
    let mut spans = Vec::new();
    if first_whole > from {
        spans.push((from, first_whole));
    }
    spans.extend((0..whole).map(|i| {
        let start = add_days(first_whole, 7 * i);
        (start, add_days(start, 7))
    }));
    spans
}

fn add_days(date: Date, days: i64) -> Date {
    date.saturating_add(jiff::Span::new().days(days))
}

fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map_or(0, |span| i64::from(span.get_days()))
}

/// The ticked weeks moved onto the weeks of the plan from `from` to `date`:
/// each to the new week it shares most days with (the earlier on a tie),
/// and gone when it shares a day with none (the exam came sooner). A tick's
/// days are its week in the plan as it was (`old`: its first day and exam
/// date), or the seven days from it.
fn moved_ticks(ticks: &[Date], old: Option<(Date, Date)>, from: Date, date: Date) -> Vec<Date> {
    let before = old.map_or_else(Vec::new, |(f, d)| week_spans(f, d));
    let after = week_spans(from, date);
    let mut out: Vec<Date> = ticks
        .iter()
        .filter_map(|&t| {
            let (start, end) = before
                .iter()
                .find(|w| w.0 == t)
                .copied()
                .unwrap_or((t, add_days(t, 7)));
            after
                .iter()
                .map(|&(a, b)| (days_between(a.max(start), b.min(end)), a))
                .filter(|(shared, _)| *shared > 0)
                .max_by_key(|&(shared, a)| (shared, std::cmp::Reverse(a)))
                .map(|(_, a)| a)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// One practice-test result for one content area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    pub date: Date,
    pub area: String,
    /// Percent correct.
    pub score: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn hours_keep_the_ticks_and_a_new_exam_starts_again() {
        let now = Study {
            exam: Some("MLT(ASCP)".into()),
            date: Some(d("2027-02-16")),
            from: Some(d("2026-12-08")),
            hours_per_week: Some(8),
            weeks_done: vec![d("2026-12-08")],
            practice: Vec::new(),
        };
        let hours = now.with_settings("MLT(ASCP)", d("2027-02-16"), 10, d("2026-12-20"));
        assert_eq!(hours.weeks_done, now.weeks_done);
        assert_eq!(hours.from, now.from);
        let other = now.with_settings("MLS(ASCP)", d("2027-03-16"), 8, d("2026-12-20"));
        assert!(other.weeks_done.is_empty());
        assert_eq!(other.from, Some(d("2026-12-20")));
    }

    #[test]
    fn a_new_date_keeps_the_ticks_of_the_weeks_that_still_exist() {
        let now = Study {
            exam: Some("MLT(ASCP)".into()),
            date: Some(d("2027-02-16")),
            from: Some(d("2026-12-08")),
            hours_per_week: Some(8),
            weeks_done: vec![d("2026-12-08"), d("2027-02-09")],
            practice: Vec::new(),
        };
        let later = now.with_settings("MLT(ASCP)", d("2027-03-16"), 8, d("2026-12-20"));
        assert_eq!(later.weeks_done, now.weeks_done);
        assert_eq!(later.from, now.from, "the weeks start on the same days");
        let sooner = now.with_settings("MLT(ASCP)", d("2027-01-26"), 8, d("2026-12-20"));
        assert_eq!(sooner.weeks_done, vec![d("2026-12-08")]);
        // Three days later: the weeks start on Fridays now; each tick moves
        // to the week it shares most days with.
        let shifted = now.with_settings("MLT(ASCP)", d("2027-02-19"), 8, d("2026-12-20"));
        assert_eq!(shifted.weeks_done, vec![d("2026-12-11"), d("2027-02-12")]);
        // Four days sooner: the last tick's week mostly falls after the
        // exam, so it goes to the week before, which it overlaps.
        let shifted = now.with_settings("MLT(ASCP)", d("2027-02-12"), 8, d("2026-12-20"));
        assert_eq!(shifted.weeks_done, vec![d("2026-12-11"), d("2027-02-05")]);
    }

    #[test]
    fn the_first_days_before_the_whole_weeks_are_a_short_first_week() {
        // 73 days: a 3-day week from the plan's first day, then ten whole
        // weeks counted back from the exam, as before.
        let spans = week_spans(d("2026-12-08"), d("2027-02-19"));
        assert_eq!(spans.len(), 11);
        assert_eq!(spans[0], (d("2026-12-08"), d("2026-12-11")));
        assert_eq!(spans[1], (d("2026-12-11"), d("2026-12-18")));
        assert_eq!(spans[10], (d("2027-02-12"), d("2027-02-19")));
        // A whole number of weeks: no short week.
        let spans = week_spans(d("2026-12-07"), d("2027-02-15"));
        assert_eq!(spans.len(), 10);
        assert_eq!(spans[0], (d("2026-12-07"), d("2026-12-14")));
        assert!(week_spans(d("2026-12-08"), d("2026-12-08")).is_empty());
    }

    #[test]
    fn a_tick_on_the_short_first_week_stays_on_it_when_the_date_moves() {
        let now = Study {
            exam: Some("MLT(ASCP)".into()),
            date: Some(d("2027-02-19")),
            from: Some(d("2026-12-08")),
            hours_per_week: Some(8),
            // The 3-day week, and the first whole week.
            weeks_done: vec![d("2026-12-08"), d("2026-12-11")],
            practice: Vec::new(),
        };
        // A week later: the same 3-day week first.
        let later = now.with_settings("MLT(ASCP)", d("2027-02-26"), 8, d("2026-12-09"));
        assert_eq!(later.weeks_done, now.weeks_done);
        // A day later: a 4-day first week holds all of the 3-day one.
        let later = now.with_settings("MLT(ASCP)", d("2027-02-20"), 8, d("2026-12-09"));
        assert_eq!(later.weeks_done, vec![d("2026-12-08"), d("2026-12-12")]);
    }

    #[test]
    fn a_second_result_for_the_same_day_and_area_replaces_the_first() {
        let s = Study::default().with_practice(d("2026-12-08"), "Chemistry", 50);
        let s = s.with_practice(d("2026-12-08"), "chemistry", 60);
        assert_eq!(s.practice.len(), 1);
        assert_eq!(s.practice[0].score, 60);
    }
}
