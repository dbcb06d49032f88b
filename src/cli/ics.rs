//! The dates that matter, as an iCalendar file (RFC 5545, written by hand:
//! CRLF line endings, lines folded at 75 octets, text escaped).
//!
//! - A met route whose time window closes: the last day it counts.
//! - Each held credential's and license's current maintenance cycle
//!   (`advisor::upkeep`): the day it ends (for a license, its renewal),
//!   repeating every cycle (on the month's last day where the cycle ends on
//!   one: February 29 in a leap year), with the CE logged so far; and a fee
//!   due on another day (AMT's yearly fee), repeating.
//!
//! - The exam study plan (`medtech study`): one event on the first day of
//!   each week with its areas and hours (no reminder: the week itself is
//!   the reminder), and the exam date.
//! - The chosen program's application deadline, while it is ahead.
//!
//! A cycle the guide does not know has no date and no event.
//!
//! Every event is all-day, with a UID that stays the same from one export
//! to the next, so importing again updates an event instead of doubling it.

use jiff::Timestamp;

use crate::advisor::Verdict;
use crate::advisor::{eligibility, upkeep};
use crate::content::{Date, Guide};
use crate::profile::{Profile, tenths_words};
use crate::text::sanitize;

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
    /// `FREQ=YEARLY;INTERVAL=3`, for upkeep that comes back.
    pub rrule: Option<String>,
    /// A reminder this many days before, each (none: no reminder).
    pub reminders: &'static [u16],
}

/// Most dates need preparation: a reminder two weeks ahead.
const TWO_WEEKS: &[u16] = &[14];
/// A cycle's end: the app's warnings, 90 and 30 days before
/// (`advisor::upkeep::Warning`).
const CYCLE_END: &[u16] = &[90, 30];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub events: Vec<Event>,
}

impl Calendar {
    pub fn build(guide: &Guide, profile: &Profile, today: Date) -> Calendar {
        let mut events = Vec::new();
        for route in eligibility::for_goal(guide, profile, today) {
            let Some(closes) = route.closes.filter(|_| route.verdict == Verdict::Met) else {
                continue;
            };
            // One line each: a line break in a profile's text is not a new line.
            let reasons: Vec<String> = route.reasons.iter().map(|r| sanitize(&r.text)).collect();
            events.push(Event {
                uid: format!("window-{}@medtech", route.route.id),
                date: closes,
                summary: format!("Last day for {}", route.label()),
                description: format!(
                    "Your eligibility for {} counts until this day. Apply before then.\n{}\n\
                     From medtech, a planning aid: confirm with the certifier.",
                    route.label(),
                    reasons.join("\n")
                ),
                rrule: None,
                reminders: TWO_WEEKS,
            });
        }
        if let Some(event) = program_deadline(profile, today) {
            events.push(event);
        }
        for c in upkeep::cycles(guide, profile, today) {
            events.extend(upkeep_events(&c));
        }
        events.extend(study_events(guide, profile, today));
        Calendar { events }
    }

    /// The file, with `now` as every event's DTSTAMP.
    pub fn render(&self, now: Timestamp) -> String {
        let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
        let mut lines = vec![
            "BEGIN:VCALENDAR".to_owned(),
            "VERSION:2.0".to_owned(),
            "PRODID:-//medtech//medtech plan//EN".to_owned(),
            "CALSCALE:GREGORIAN".to_owned(),
            "METHOD:PUBLISH".to_owned(),
            "X-WR-CALNAME:medtech".to_owned(),
        ];
        for event in &self.events {
            let next_day = event.date.tomorrow().unwrap_or(event.date);
            lines.push("BEGIN:VEVENT".to_owned());
            lines.push(format!("UID:{}", escape(&event.uid)));
            lines.push(format!("DTSTAMP:{stamp}"));
            lines.push(format!("DTSTART;VALUE=DATE:{}", ics_date(event.date)));
            lines.push(format!("DTEND;VALUE=DATE:{}", ics_date(next_day)));
            if let Some(rule) = &event.rrule {
                lines.push(format!("RRULE:{rule}"));
            }
            lines.push(format!("SUMMARY:{}", escape(&event.summary)));
            lines.push(format!("DESCRIPTION:{}", escape(&event.description)));
            lines.push("TRANSP:TRANSPARENT".to_owned());
            for days in event.reminders {
                lines.push("BEGIN:VALARM".to_owned());
                lines.push("ACTION:DISPLAY".to_owned());
                lines.push(format!("TRIGGER:-P{days}D"));
                lines.push(format!("DESCRIPTION:{}", escape(&event.summary)));
                lines.push("END:VALARM".to_owned());
            }
            lines.push("END:VEVENT".to_owned());
        }
        lines.push("END:VCALENDAR".to_owned());
        let mut out = String::new();
        for line in &lines {
            out.push_str(&fold(line));
        }
        out
    }
}

/// The UID prefix of a study week's event.
const STUDY_WEEK: &str = "study-week-";

/// A week whose hours rest on a weight not read on the certifier's outline
/// says so, as the view's `?` does.
fn unverified_note(
    plan: &crate::advisor::study::StudyPlan,
    week: &crate::advisor::study::Week,
) -> String {
    let names: Vec<&str> = week
        .areas
        .iter()
        .filter(|h| plan.areas.iter().any(|a| a.unverified && a.name == h.name))
        .map(|h| h.name.as_str())
        .collect();
    if names.is_empty() {
        String::new()
    } else {
        format!(
            " Unverified weight ({}): a third-party figure, not read on the certifier's outline; check the current outline.",
            names.join(", ")
        )
    }
}

/// The study plan's weeks and the exam date; none without a plan.
fn study_events(guide: &Guide, profile: &Profile, today: Date) -> Vec<Event> {
    let Ok(plan) = crate::advisor::study::plan(guide, &profile.study, today) else {
        return Vec::new();
    };
    let mut events: Vec<Event> = plan
        .weeks
        .iter()
        .map(|w| Event {
            uid: format!("{STUDY_WEEK}{}@medtech", w.start),
            date: w.start,
            summary: format!(
                "{} {}: {}",
                if w.review {
                    "Review week"
                } else {
                    "Study week"
                },
                plan.credential,
                w.words()
            ),
            description: format!(
                "{} hours this week{}{}. From medtech's study plan for {} on {}; a planning aid.{}",
                w.hours(),
                w.days_words(),
                if w.done { " (ticked done)" } else { "" },
                plan.credential,
                plan.date,
                unverified_note(&plan, w)
            ),
            rrule: None,
            reminders: &[],
        })
        .collect();
    events.push(Event {
        uid: "study-exam@medtech".to_owned(),
        date: plan.date,
        summary: format!("{} exam", plan.credential),
        description: format!(
            "The exam date you set for {}. Check the time and the ID the test center asks for.",
            plan.credential
        ),
        rrule: None,
        reminders: TWO_WEEKS,
    });
    events
}

/// The chosen program's application deadline, on or after today.
fn program_deadline(profile: &Profile, today: Date) -> Option<Event> {
    let program = profile.shortlist.chosen()?;
    let deadline = program.deadline.filter(|d| *d >= today)?;
    let slug: String = program
        .name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    Some(Event {
        uid: format!("deadline-{slug}@medtech"),
        date: deadline,
        summary: format!("Application deadline: {}", sanitize(&program.name)),
        description: format!(
            "The application deadline of {}, the program you chose, as you entered it. \
             From medtech, a planning aid: confirm it with the program.",
            sanitize(&program.name)
        ),
        rrule: None,
        reminders: TWO_WEEKS,
    })
}

/// `FREQ=…` for something that comes back every `months` months.
fn every(months: u16) -> String {
    match months {
        12 => "FREQ=YEARLY".to_owned(),
        m if m % 12 == 0 => format!("FREQ=YEARLY;INTERVAL={}", m / 12),
        m => format!("FREQ=MONTHLY;INTERVAL={m}"),
    }
}

/// `FREQ=…` for a cycle that ends on the last day of the month `month`
/// every `months` months: the day of the month moves with it (February 29
/// in a leap year). `BYMONTH` keeps a yearly rule to that one month.
fn every_month_end(months: u16, month: i8) -> String {
    if months.is_multiple_of(12) {
        format!("{};BYMONTH={month};BYMONTHDAY=-1", every(months))
    } else {
        format!("{};BYMONTHDAY=-1", every(months))
    }
}

/// A held credential's or license's cycle end, and a fee due another day.
fn upkeep_events(c: &upkeep::Cycle) -> Vec<Event> {
    let name = sanitize(&c.held.name);
    let slug: String = name
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() {
                ch.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let Some(u) = &c.upkeep else {
        return Vec::new();
    };
    let source = c
        .source_url
        .as_ref()
        .map(|u| format!("\nSource: {u}"))
        .unwrap_or_default();
    let footer = format!(
        "Held since {}. From medtech, a planning aid: confirm the dates with the {}.",
        c.held.since,
        match c.held.kind {
            upkeep::HeldKind::Credential => "certifier",
            upkeep::HeldKind::License => "board",
        }
    );
    let mut events = Vec::new();
    if let (Some(dates), Some(months)) = (c.dates, u.months) {
        let logged = tenths_words(c.logged);
        let counted = c.needed.map_or_else(
            || {
                format!(
                    "{logged} {} logged by the export; how much is needed is not known",
                    c.unit.word()
                )
            },
            |n| {
                format!(
                    "{logged} of {} {} logged by the export",
                    tenths_words(n),
                    c.unit.word()
                )
            },
        );
        let fee = c
            .next_fee
            .filter(|f| f.due == dates.end)
            .map(|f| format!(" The renewal fee (${}) is due.", f.usd))
            .unwrap_or_default();
        let summary = match c.held.kind {
            upkeep::HeldKind::Credential => format!("{name}: CE cycle ends"),
            upkeep::HeldKind::License => format!("{name}: renewal (CE cycle ends)"),
        };
        events.push(Event {
            uid: format!("cycle-{slug}@medtech"),
            date: dates.end,
            summary,
            description: format!(
                "This cycle runs from {} to {}: {counted}.{fee}\n{}{source}\n{footer}",
                dates.start,
                dates.end,
                sanitize(&upkeep::note(c))
            ),
            rrule: Some(if c.ends_on_month_end() {
                every_month_end(months, dates.end.month())
            } else {
                every(months)
            }),
            reminders: CYCLE_END,
        });
    }
    if let Some(fee) = c.next_fee
        && c.dates.is_none_or(|d| d.end != fee.due)
    {
        let every_months = u.fee.as_ref().and_then(|f| f.every_months);
        events.push(Event {
            uid: format!("fee-{slug}@medtech"),
            date: fee.due,
            summary: format!("{name}: ${} renewal fee due", fee.usd),
            description: format!("{}{source}\n{footer}", sanitize(&u.note)),
            rrule: every_months.map(every),
            reminders: TWO_WEEKS,
        });
    }
    events
}

fn ics_date(date: Date) -> String {
    date.strftime("%Y%m%d").to_string()
}

/// TEXT values: backslash, semicolon, comma and line breaks escaped, and
/// any other control character made harmless.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        for c in sanitize(line).chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                ';' => out.push_str("\\;"),
                ',' => out.push_str("\\,"),
                c => out.push(c),
            }
        }
    }
    out
}

/// One content line, folded so no line is over 75 octets (continuations
/// start with a space), never inside a UTF-8 character; ends in CRLF.
fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for part in folded.split_terminator("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn the_chosen_program_s_deadline_is_an_event_while_it_is_ahead() {
        use crate::profile::{Candidate, Shortlist};
        let guide = Guide::embedded().expect("guide");
        let mut profile = Profile {
            shortlist: Shortlist {
                programs: vec![
                    Candidate {
                        name: "Columbus State".into(),
                        deadline: Some(day("2027-01-15")),
                        ..Candidate::default()
                    },
                    Candidate {
                        name: "Other".into(),
                        deadline: Some(day("2027-01-10")),
                        ..Candidate::default()
                    },
                ],
                chosen: None,
            },
            ..Profile::default()
        };
        let today = day("2026-12-08");
        assert!(Calendar::build(&guide, &profile, today).events.is_empty());
        profile.shortlist.chosen = Some("Columbus State".into());
        let calendar = Calendar::build(&guide, &profile, today);
        assert_eq!(calendar.events.len(), 1);
        assert_eq!(calendar.events[0].date, day("2027-01-15"));
        assert_eq!(calendar.events[0].uid, "deadline-columbus-state@medtech");
        assert!(
            calendar
                .render(jiff::Timestamp::UNIX_EPOCH)
                .contains("SUMMARY:Application deadline: Columbus State")
        );
        assert!(
            Calendar::build(&guide, &profile, day("2027-01-16"))
                .events
                .is_empty()
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\ne\u{1b}"), "a\\;b\\,c\\\\d\\ne\u{FFFD}");
    }

    #[test]
    fn cycles_repeat_by_years_or_months() {
        assert_eq!(every(36), "FREQ=YEARLY;INTERVAL=3");
        assert_eq!(every(12), "FREQ=YEARLY");
        assert_eq!(every(18), "FREQ=MONTHLY;INTERVAL=18");
        assert_eq!(
            every_month_end(36, 2),
            "FREQ=YEARLY;INTERVAL=3;BYMONTH=2;BYMONTHDAY=-1"
        );
        assert_eq!(
            every_month_end(12, 12),
            "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"
        );
        assert_eq!(
            every_month_end(18, 6),
            "FREQ=MONTHLY;INTERVAL=18;BYMONTHDAY=-1"
        );
    }
}
