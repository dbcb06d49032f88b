//! What the history says about the user's pace: steps done per week and the
//! current streak of weeks with something done.

use std::collections::BTreeMap;

use crate::content::Date;
use crate::profile::{Event, Profile, Status};

/// Monday of the week `date` falls in.
fn week_of(date: Date) -> Date {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(jiff::Span::new().days(back))
        .unwrap_or(date)
}

/// Steps marked done in each of the last `weeks` weeks, oldest first, this
/// week last. A tick taken back in the same week does not count.
pub fn done_per_week(profile: &Profile, today: Date, weeks: usize) -> Vec<u64> {
    let this_week = week_of(today);
    // The last status each step got in each week.
    let mut last: BTreeMap<(Date, &str), Status> = BTreeMap::new();
    for entry in &profile.history {
        if let Event::Status { step, to } = &entry.event {
            last.insert((week_of(entry.on), step.as_str()), *to);
        }
    }
    let mut counts = vec![0u64; weeks];
    for ((week, _), status) in last {
        if status != Status::Done || week > this_week {
            continue;
        }
        let ago = usize::try_from((this_week - week).get_days() / 7).unwrap_or(usize::MAX);
        if let Some(slot) = ago.checked_add(1).and_then(|a| weeks.checked_sub(a)) {
            counts[slot] += 1;
        }
    }
    counts
}

/// Weeks in a row with a step done, ending this week (or last week, so a
/// streak is not lost on a Monday morning).
pub fn streak_weeks(profile: &Profile, today: Date) -> usize {
    let counts = done_per_week(profile, today, 520);
    let mut weeks = counts.iter().rev().peekable();
    // This week may not have started yet.
    if weeks.peek().is_some_and(|c| **c == 0) {
        weeks.next();
    }
    weeks.take_while(|c| **c > 0).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Change;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn tick(profile: &mut Profile, step: &str, on: &str, to: Status) {
        let change = Change::Status {
            step: step.into(),
            from: profile.status(step),
            to,
        };
        profile.apply(&change, d(on));
    }

    #[test]
    fn weeks_count_steps_done_and_forget_taken_back_ticks() {
        let mut p = Profile::default();
        // Wednesday 2026-11-25; the week starts Monday 2026-11-23.
        tick(&mut p, "a", "2026-11-24", Status::Done);
        tick(&mut p, "b", "2026-11-25", Status::Done);
        tick(&mut p, "b", "2026-11-25", Status::Todo);
        tick(&mut p, "c", "2026-11-16", Status::Done);
        tick(&mut p, "d", "2026-11-02", Status::Done);
        assert_eq!(done_per_week(&p, d("2026-11-25"), 4), vec![1, 0, 1, 1]);
        // Two weeks in a row (this one and last); the week before broke it.
        assert_eq!(streak_weeks(&p, d("2026-11-25")), 2);
        // Nothing yet this week: last week's streak still stands on Monday.
        assert_eq!(streak_weeks(&p, d("2026-11-30")), 2);
        assert_eq!(streak_weeks(&p, d("2026-12-07")), 0);
    }
}
