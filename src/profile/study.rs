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
    /// ticks: weeks are counted back from the exam date, so a tick moves to
    /// the new week holding its old first day, and goes only when that week
    /// no longer exists (before the plan's first day or after the exam). A
    /// new exam starts again from today without ticks (its areas differ).
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
                moved_ticks(&now.weeks_done, now.from.unwrap_or(today), date)
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

/// The ticked weeks moved onto the weeks counted back from `date`: each to
/// the new week it shares most days with (the earlier on a tie), or the
/// other one it overlaps when that one does not exist (it starts before
/// `from`, the plan's first day, or on or after the exam).
fn moved_ticks(ticks: &[Date], from: Date, date: Date) -> Vec<Date> {
    let days = |a: Date, b: Date| a.until(b).map_or(0, |s| i64::from(s.get_days()));
    let exists = |start: Date| start >= from && start < date;
    let mut out: Vec<Date> = ticks
        .iter()
        .filter_map(|t| {
            // The new week holding `t`, and the one after it.
            let back = (days(*t, date) + 6).div_euclid(7);
            let a = date.saturating_add(jiff::Span::new().days(-7 * back));
            let b = a.saturating_add(jiff::Span::new().days(7));
            let shared_b = days(a, *t);
            let (first, second) = if shared_b > 7 - shared_b {
                (b, a)
            } else {
                (a, b)
            };
            if exists(first) {
                Some(first)
            } else if exists(second) && shared_b > 0 {
                Some(second)
            } else {
                None
            }
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
    fn a_second_result_for_the_same_day_and_area_replaces_the_first() {
        let s = Study::default().with_practice(d("2026-12-08"), "Chemistry", 50);
        let s = s.with_practice(d("2026-12-08"), "chemistry", 60);
        assert_eq!(s.practice.len(), 1);
        assert_eq!(s.practice[0].score, 60);
    }
}
