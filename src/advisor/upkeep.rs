//! Keeping it: each credential and license the record says is held, its
//! current maintenance cycle from the guide, and the CE log counted against
//! it. Pure: `today` is given.
//!
//! What is held:
//! - a credential in the background ("MLT(ASCP)", since 2024-03);
//! - the certification exam (`cert.exam`) marked done with its date: the
//!   goal's credential from the certifier chosen (`cert.choose.*` done, else
//!   the background's preference);
//! - a license step of the user's state (the guide's `renewal.licenses`)
//!   marked done with its date.
//!
//! A date known only to the month starts the cycle on the month's first day.

use std::fmt::Write as _;

use jiff::{Span, ToSpan};

use crate::content::{Anchor, CeUnit, Credential, Date, Guide, RenewalFee, Tier, Upkeep};
use crate::profile::{Activity, Credit, PartialDate, Profile, credential_key};

use super::eligibility::preferred_certifier;

/// Something the user holds that needs keeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// "MLT(ASCP)", "California MLT license".
    pub name: String,
    pub since: PartialDate,
    pub kind: HeldKind,
    /// Other names an activity may give it: a license's state, by name
    /// and code.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeldKind {
    Credential,
    License,
}

/// Where the guide keeps what a held thing needs.
struct Rules<'g> {
    upkeep: Option<&'g Upkeep>,
    fee: Option<&'g RenewalFee>,
    /// The sources to point at when the upkeep names none.
    sources: &'g [String],
}

/// A cycle's dates, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    pub start: Date,
    pub end: Date,
}

/// Where a cycle stands for the screens: within 90 or 30 days of its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Warning {
    Days90,
    Days30,
}

/// One required category's count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryCount {
    pub name: String,
    /// In tenths of the unit; `None`: required, amount not known.
    pub needed: Option<u32>,
    pub logged: u32,
}

/// The next fee and when it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextFee {
    pub usd: u32,
    pub due: Date,
}

/// One held credential's or license's current cycle.
/// Owned, so the app's advice keeps it beside the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    pub held: Held,
    pub upkeep: Option<Upkeep>,
    /// `None`: the guide does not know the cycle.
    pub dates: Option<Dates>,
    /// The first cycle since it was earned.
    pub first: bool,
    /// Certified before the program was required: taking part is voluntary.
    pub voluntary: bool,
    pub unit: CeUnit,
    /// In tenths of the unit; `None`: not known.
    pub needed: Option<u32>,
    /// In tenths of the unit, academic credit converted and capped.
    pub logged: u32,
    /// Academic credit beyond the cap, in tenths (not counted).
    pub over_cap: u32,
    /// College credit logged for a cycle that does not say how it counts.
    pub academic_uncounted: bool,
    pub categories: Vec<CategoryCount>,
    pub days_left: Option<i64>,
    pub next_fee: Option<NextFee>,
    pub warning: Option<Warning>,
    /// The page to read or ask with.
    pub source_url: Option<String>,
}

impl Cycle {
    /// Still needed, in tenths (0 when done or not known).
    pub fn missing(&self) -> u32 {
        self.needed.map_or(0, |n| n.saturating_sub(self.logged))
    }

    /// Whether the guide knows the cycle and what it needs.
    pub fn is_known(&self) -> bool {
        self.dates.is_some() && self.needed.is_some()
    }

    /// Whether every end of this cycle falls on its month's last day: a
    /// cycle counted from a month's first day (MLT(ASCP) since 2024-03 ends
    /// on the last day of February, the 29th in a leap year) or by calendar
    /// years. Not a fixed end the guide names (Florida's August 31), nor one
    /// counted from another day (from February 29: February 28 every time).
    pub fn ends_on_month_end(&self) -> bool {
        match self.upkeep.as_ref().map(|u| u.anchor) {
            Some(Anchor::CalendarYears) => true,
            Some(Anchor::Earned) => self.held.since.first_day().day() == 1,
            Some(Anchor::EndsOn { .. }) | None => false,
        }
    }

    /// Who to ask when the guide does not know.
    pub fn ask_whom(&self) -> &'static str {
        match self.held.kind {
            HeldKind::Credential => "the certifier",
            HeldKind::License => "the board",
        }
    }
}

/// Everything the record says is held, credentials first.
pub fn held(guide: &Guide, profile: &Profile) -> Vec<Held> {
    held_with_rules(guide, profile)
        .into_iter()
        .map(|(h, _)| h)
        .collect()
}

/// Every held credential's and license's current cycle.
pub fn cycles(guide: &Guide, profile: &Profile, today: Date) -> Vec<Cycle> {
    held_with_rules(guide, profile)
        .into_iter()
        .map(|(h, rules)| cycle(guide, h, &rules, &profile.ce.activities, today))
        .collect()
}

/// What is held, each with where the guide keeps its rules.
fn held_with_rules<'g>(guide: &'g Guide, profile: &Profile) -> Vec<(Held, Rules<'g>)> {
    let credential = |name: &str, since, known: Option<&'g Credential>| {
        (
            Held {
                name: name.to_owned(),
                since,
                kind: HeldKind::Credential,
                aliases: Vec::new(),
            },
            Rules {
                upkeep: known.and_then(|c| c.upkeep.as_ref()),
                fee: None,
                sources: known.map(|c| c.sources.as_slice()).unwrap_or_default(),
            },
        )
    };
    let mut out = Vec::new();
    for h in &profile.background.credentials {
        let known = guide.credentials.iter().find(|c| h.is(&c.name));
        let name = known.map_or(h.name.as_str(), |c| c.name.as_str());
        out.push(credential(name, h.since, known));
    }
    if let Some(since) = profile.done_on("cert.exam") {
        let chosen = ["ascp", "amt", "aab"]
            .into_iter()
            .find(|c| profile.is_done(&format!("cert.choose.{c}")))
            .or_else(|| preferred_certifier(profile));
        let known = chosen.and_then(|certifier| {
            guide.credentials.iter().find(|c| {
                c.certifier == certifier && c.goal == profile.goal && !c.id.ends_with("ascpi")
            })
        });
        if let Some(c) = known
            && !out.iter().any(|(h, _)| h.name == c.name)
        {
            out.push(credential(&c.name, since, Some(c)));
        }
    }
    if let Some(state) = profile.state.as_deref().and_then(|s| guide.state(s))
        && let Some(renewal) = &state.renewal
    {
        for license in &renewal.licenses {
            if let Some(since) = profile.done_on(&license.step) {
                out.push((
                    Held {
                        name: license.name.clone(),
                        since,
                        kind: HeldKind::License,
                        aliases: vec![
                            state.name.clone(),
                            state.code.clone(),
                            format!("{} license", state.name),
                        ],
                    },
                    Rules {
                        upkeep: Some(&renewal.upkeep),
                        fee: license.fee.as_ref(),
                        sources: state.sources.as_slice(),
                    },
                ));
            }
        }
    }
    out
}

/// `date` plus whole months, keeping the day where the month has it and
/// taking the month's last day where it does not; and whether it had to.
fn add_months(date: Date, months: i64) -> (Date, bool) {
    let moved = date.saturating_add(months.months());
    (moved, moved.day() != date.day())
}

/// The start of cycle `k` counted from `start`: when the day does not exist
/// in that month (the 31st, February 29), the cycle starts the day after
/// the month's last day, so the cycle before ends on that last day.
fn nth_start(start: Date, months: i64, k: i64) -> Date {
    let (moved, clamped) = add_months(start, months * k);
    if clamped {
        moved.tomorrow().unwrap_or(moved)
    } else {
        moved
    }
}

/// The cycle that holds `on`, for something earned on `since` (the first
/// cycle if `on` is before it), and whether it is the first.
pub fn cycle_dates(anchor: Anchor, months: u16, since: Date, on: Date) -> (Dates, bool) {
    let months = i64::from(months);
    match anchor {
        Anchor::Earned | Anchor::CalendarYears => {
            let start = if anchor == Anchor::CalendarYears {
                jiff::civil::date(since.year(), 1, 1)
            } else {
                since
            };
            let mut k = 0;
            while nth_start(start, months, k + 1) <= on {
                k += 1;
            }
            let span = Dates {
                start: nth_start(start, months, k),
                end: nth_start(start, months, k + 1).yesterday().unwrap_or(start),
            };
            (span, k == 0)
        }
        Anchor::EndsOn {
            month,
            day,
            even_years,
        } => {
            let ends_in = |year: i16| match even_years {
                None => true,
                Some(even) => (year % 2 == 0) == even,
            };
            let end_on_or_after = |d: Date| {
                let mut year = d.year();
                loop {
                    if ends_in(year)
                        && let Ok(end) = Date::new(year, month, day)
                        && end >= d
                    {
                        return end;
                    }
                    year += 1;
                }
            };
            let at = on.max(since);
            let end = end_on_or_after(at);
            let (before, _) = add_months(end, -months);
            let start = before.tomorrow().unwrap_or(before);
            (Dates { start, end }, since >= start)
        }
    }
}

/// Whether an activity names this held thing (or names nothing: all).
pub fn counts_for(activity: &Activity, held: &Held) -> bool {
    if activity.counts_for.is_empty() {
        return true;
    }
    activity.counts_for.iter().any(|f| {
        let f = credential_key(f);
        std::iter::once(&held.name)
            .chain(&held.aliases)
            .any(|name| credential_key(name) == f)
    })
}

/// What the screens say beside an activity dated in no cycle.
pub const OUTSIDE_EVERY_CYCLE: &str = "outside every cycle: counts toward none";

/// Whether an activity is dated in no cycle of anything it counts for:
/// before the first cycle, or after the current one, of each (1990, long
/// before the credential was earned), so it counts toward none. `false`
/// while it counts for nothing held, or for something whose cycle the guide
/// does not know (it may count there).
pub fn outside_every_cycle(cycles: &[Cycle], activity: &Activity) -> bool {
    let mut any = false;
    for c in cycles.iter().filter(|c| counts_for(activity, &c.held)) {
        let (Some(u), Some(current)) = (&c.upkeep, c.dates) else {
            return false;
        };
        let Some(months) = u.months else {
            return false;
        };
        let since = c.held.since.first_day();
        let (first, _) = cycle_dates(u.anchor, months, since, since);
        if first.start <= activity.date && activity.date <= current.end {
            return false;
        }
        any = true;
    }
    any
}

/// Whether an activity's category is this required category.
fn in_category(activity: &Activity, name: &str, also: &[String]) -> bool {
    let key = |s: &str| credential_key(s);
    activity.categories.iter().any(|c| {
        let c = key(c);
        c == key(name) || also.iter().any(|a| c == key(a))
    })
}

/// An activity's amount in the cycle's unit (tenths), and whether it is
/// academic credit; `None`: academic credit the cycle does not convert.
fn converted(activity: &Activity, upkeep: Option<&Upkeep>) -> Option<(u32, bool)> {
    let academic = upkeep.and_then(|u| u.academic.as_ref());
    match activity.credit {
        Credit::Hours => Some((activity.tenths, false)),
        Credit::SemesterHours => {
            academic.map(|a| (activity.tenths * u32::from(a.per_semester_hour), true))
        }
        Credit::QuarterHours => {
            academic.map(|a| (activity.tenths * u32::from(a.per_quarter_hour), true))
        }
    }
}

fn best_source(guide: &Guide, ids: &[String]) -> Option<String> {
    let sources: Vec<_> = ids.iter().filter_map(|id| guide.source(id)).collect();
    sources
        .iter()
        .find(|s| s.tier == Tier::Official)
        .or(sources.first())
        .map(|s| s.url.clone())
}

fn cycle(guide: &Guide, held: Held, rules: &Rules, log: &[Activity], today: Date) -> Cycle {
    let Rules {
        upkeep,
        fee,
        sources: fallback,
    } = *rules;
    let since = held.since.first_day();
    let source_url = best_source(guide, upkeep.map_or(fallback, |u| u.sources.as_slice()));
    let dates = upkeep.and_then(|u| u.months.map(|m| cycle_dates(u.anchor, m, since, today)));
    let first = dates.is_some_and(|(_, first)| first);
    let dates = dates.map(|(d, _)| d);
    let exempt = first && upkeep.is_some_and(|u| u.first_cycle_exempt);
    let voluntary = upkeep
        .and_then(|u| u.required_from)
        .is_some_and(|from| since < from);
    let in_cycle: Vec<&Activity> = log
        .iter()
        .filter(|a| dates.is_some_and(|d| d.start <= a.date && a.date <= d.end))
        .filter(|a| counts_for(a, &held))
        .collect();

    let categories: Vec<CategoryCount> = upkeep
        .map(|u| u.categories.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|c| !exempt || c.always)
        .map(|c| CategoryCount {
            name: c.name.clone(),
            needed: c.needed.map(|n| u32::from(n) * 10),
            logged: in_cycle
                .iter()
                .filter(|a| in_category(a, &c.name, &c.also))
                .filter_map(|a| converted(a, upkeep))
                .map(|(t, _)| t)
                .sum(),
        })
        .collect();
    let needed = if exempt {
        Some(categories.iter().filter_map(|c| c.needed).sum())
    } else {
        upkeep.and_then(|u| u.needed).map(|n| u32::from(n) * 10)
    };
    let mut contact = 0;
    let mut academic = 0;
    let mut academic_uncounted = false;
    for a in &in_cycle {
        match converted(a, upkeep) {
            Some((t, false)) => contact += t,
            Some((t, true)) => academic += t,
            None => academic_uncounted = true,
        }
    }
    let cap = upkeep
        .and_then(|u| u.academic.as_ref())
        .zip(needed)
        .map(|(a, n)| n * u32::from(a.cap_percent) / 100);
    let counted_academic = cap.map_or(academic, |cap| academic.min(cap));
    let days_left = dates.and_then(|d| {
        today
            .until(d.end)
            .ok()
            .map(|s: Span| i64::from(s.get_days()))
    });
    let warning = match days_left {
        Some(d) if (0..=30).contains(&d) => Some(Warning::Days30),
        Some(d) if (0..=90).contains(&d) => Some(Warning::Days90),
        _ => None,
    };
    let next_fee = fee
        .or(upkeep.and_then(|u| u.fee.as_ref()))
        .and_then(|f| next_fee(f, since, dates, today));
    Cycle {
        upkeep: upkeep.cloned(),
        dates,
        first,
        voluntary,
        unit: upkeep.map_or(CeUnit::Hours, |u| u.unit),
        needed,
        logged: contact + counted_academic,
        over_cap: academic - counted_academic,
        academic_uncounted,
        categories,
        days_left,
        next_fee,
        warning,
        source_url,
        held,
    }
}

/// The next time a fee is due: every N months from the day earned, or at
/// the end of the current cycle.
fn next_fee(fee: &RenewalFee, since: Date, dates: Option<Dates>, today: Date) -> Option<NextFee> {
    let due = match fee.every_months {
        Some(m) => {
            let mut k = 1;
            while nth_start(since, i64::from(m), k) < today {
                k += 1;
            }
            nth_start(since, i64::from(m), k)
        }
        None => dates?.end,
    };
    Some(NextFee { usd: fee.usd, due })
}

/// What is said beside the numbers: the guide's note, what it does not
/// know and whom to ask, and anything logged that is not counted.
pub fn note(c: &Cycle) -> String {
    let Some(u) = &c.upkeep else {
        return format!(
            "The guide does not know how {} is kept current: ask {}.",
            c.held.name,
            c.ask_whom()
        );
    };
    let mut out = u.note.clone();
    let unknown = match (c.dates.is_some(), c.needed.is_some()) {
        (false, false) => Some("the cycle or the CE it needs"),
        (false, true) => Some("the cycle"),
        (true, false) => Some("how much CE it needs"),
        (true, true) => None,
    };
    if let Some(what) = unknown {
        let _ = write!(
            out,
            " The guide does not know {what}: ask {}.",
            c.ask_whom()
        );
    }
    if c.voluntary
        && let Some(from) = u.required_from
    {
        let _ = write!(out, " Earned before {from}: taking part is voluntary.");
    }
    if c.first && u.first_cycle_exempt {
        out.push_str(" First cycle: only the courses listed are due.");
    }
    if c.over_cap > 0 {
        let _ = write!(
            out,
            " {} {} of college credit over the cap are not counted.",
            crate::profile::tenths_words(c.over_cap),
            c.unit.word()
        );
    }
    if c.academic_uncounted {
        out.push_str(" College credit is not counted here: the guide does not know how it counts.");
    }
    out
}

/// Where the guide's rule for this cycle is uncertain (its caveat), to be
/// said beside the numbers: "Verify: …".
pub fn caveat(c: &Cycle) -> Option<&str> {
    c.upkeep
        .as_ref()
        .and_then(|u| u.caveat.as_ref())
        .map(|k| match k {
            crate::content::Caveat::Unverified(t) | crate::content::Caveat::Conflict(t) => {
                t.as_str()
            }
        })
}

/// Tenths as a number for JSON: 125 is 12.5.
pub fn tenths_f64(tenths: u32) -> f64 {
    f64::from(tenths) / 10.0
}

#[cfg(test)]
mod tests;
