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

    /// New settings. A plan whose exam or date changed starts again from
    /// today (its weeks move, so the ticks of the old weeks go); hours alone
    /// keep the weeks and their ticks.
    #[must_use]
    pub fn with_settings(&self, exam: &str, date: Date, hours: u8, today: Date) -> Study {
        let now = self;
        let same = now.exam.as_deref() == Some(exam) && now.date == Some(date);
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
                now.weeks_done.clone()
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
    fn changing_the_date_starts_the_weeks_again_but_hours_keep_the_ticks() {
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
        let moved = now.with_settings("MLT(ASCP)", d("2027-03-16"), 8, d("2026-12-20"));
        assert!(moved.weeks_done.is_empty());
        assert_eq!(moved.from, Some(d("2026-12-20")));
    }

    #[test]
    fn a_second_result_for_the_same_day_and_area_replaces_the_first() {
        let s = Study::default().with_practice(d("2026-12-08"), "Chemistry", 50);
        let s = s.with_practice(d("2026-12-08"), "chemistry", 60);
        assert_eq!(s.practice.len(), 1);
        assert_eq!(s.practice[0].score, 60);
    }
}
