//! `medtech ce add|list|remove`: the continuing-education log from the
//! command line. Adding and removing save the way `medtech merge` does:
//! the profile's lock (refused while another medtech has it open), the
//! same save (a version 2 file is kept as `profile.ron.v2.bak` first), and a
//! dated `Change::Ce` in the history.

use std::fmt::Write as _;
use std::path::Path;

use clap::{ArgGroup, Subcommand};
use serde::Serialize;

use super::report::UpkeepInfo;
use super::text::{amount, upkeep_lines};
use super::{Failure, print, to_json};
use crate::advisor::upkeep;
use crate::clock::Clock;
use crate::content::{Date, Guide};
use crate::profile::{Activity, Change, Credit, Profile, parse_tenths, tenths_words};
use crate::session::{self, shown};
use crate::storage::Storage;
use crate::text::sanitize;

#[derive(Debug, Subcommand)]
pub enum CeCommand {
    /// Log an activity: a course, a webinar, an in-service, a college class
    #[command(group(ArgGroup::new("amount").required(true)))]
    Add {
        /// The day you did it (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// Contact hours (one CMP or CCP point each), tenths allowed: 1.5
        #[arg(
            long,
            value_name = "N",
            group = "amount",
            allow_negative_numbers = true
        )]
        hours: Option<String>,
        /// College credit in semester hours (ASCP: 15 points each, within half the points)
        #[arg(
            long,
            value_name = "N",
            group = "amount",
            allow_negative_numbers = true
        )]
        semester_hours: Option<String>,
        /// College credit in quarter hours (ASCP: 10 points each, within half the points)
        #[arg(
            long,
            value_name = "N",
            group = "amount",
            allow_negative_numbers = true
        )]
        quarter_hours: Option<String>,
        /// What it was called
        #[arg(long, value_name = "TEXT")]
        title: String,
        /// Who gave it
        #[arg(long, value_name = "TEXT")]
        provider: Option<String>,
        /// A topic a rule asks for (safety, HIV/AIDS); may be given again
        #[arg(long = "category", value_name = "TEXT")]
        categories: Vec<String>,
        /// A credential or license it counts toward ("MLT(ASCP)", "California
        /// MLT license"); may be given again; none: everything held
        #[arg(long = "for", value_name = "CREDENTIAL")]
        counts_for: Vec<String>,
    },
    /// List the activities with their ids, and each cycle's count
    List {
        /// Print one JSON object (format version 1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Remove the activity with this id (see `medtech ce list`)
    Remove {
        /// The activity's id
        id: u32,
    },
}

/// `ce list --json`.
#[derive(Debug, Serialize)]
struct ListJson {
    version: u32,
    activities: Vec<ActivityJson>,
    upkeep: Vec<UpkeepInfo>,
}

#[derive(Debug, Serialize)]
struct ActivityJson {
    id: u32,
    date: String,
    amount: f64,
    /// `hours`, `semester_hours` or `quarter_hours`.
    credit: &'static str,
    title: String,
    provider: String,
    categories: Vec<String>,
    #[serde(rename = "for")]
    counts_for: Vec<String>,
    /// Dated in no cycle of anything it counts for: it counts toward none.
    outside_every_cycle: bool,
}

fn credit_key(credit: Credit) -> &'static str {
    match credit {
        Credit::Hours => "hours",
        Credit::SemesterHours => "semester_hours",
        Credit::QuarterHours => "quarter_hours",
    }
}

impl ActivityJson {
    fn of(a: &Activity, cycles: &[upkeep::Cycle]) -> ActivityJson {
        ActivityJson {
            id: a.id,
            date: a.date.to_string(),
            amount: upkeep::tenths_f64(a.tenths),
            credit: credit_key(a.credit),
            title: sanitize(&a.title),
            provider: sanitize(&a.provider),
            categories: a.categories.iter().map(|c| sanitize(c)).collect(),
            counts_for: a.counts_for.iter().map(|c| sanitize(c)).collect(),
            outside_every_cycle: upkeep::outside_every_cycle(cycles, a),
        }
    }
}

/// One activity on one line: "#3  2026-10-02  1.5 hours  Lab safety".
pub fn line(a: &Activity) -> String {
    let unit = match a.credit {
        Credit::Hours => "h",
        Credit::SemesterHours => "semester h",
        Credit::QuarterHours => "quarter h",
    };
    let mut out = format!(
        "#{:<3} {}  {:>5} {unit}  {}",
        a.id,
        a.date,
        tenths_words(a.tenths),
        sanitize(&a.title)
    );
    if !a.provider.is_empty() {
        let _ = write!(out, " ({})", sanitize(&a.provider));
    }
    if !a.categories.is_empty() {
        let _ = write!(out, " [{}]", sanitize(&a.categories.join(", ")));
    }
    if !a.counts_for.is_empty() {
        let _ = write!(out, " for {}", sanitize(&a.counts_for.join(", ")));
    }
    out
}

fn guide() -> Result<Guide, Failure> {
    Guide::embedded().map_err(|e| Failure::new(format!("the built-in guide does not load: {e}")))
}

fn cycles_text(guide: &Guide, profile: &Profile, today: Date) -> String {
    let mut out = String::new();
    let cycles = upkeep::cycles(guide, profile, today);
    if cycles.is_empty() {
        out.push_str(
            "Nothing held yet: cycles appear once a credential is in your background, or the certification exam or your state's license step is marked done with its date.\n",
        );
    }
    for c in &cycles {
        for l in upkeep_lines(&UpkeepInfo::of(c)) {
            let _ = writeln!(out, "{l}");
        }
    }
    out
}

pub fn run(path: &Path, command: CeCommand) -> Result<(), Failure> {
    let today = Clock::from_env().today();
    match command {
        CeCommand::List { json } => list(path, today, json),
        CeCommand::Add {
            date,
            hours,
            semester_hours,
            quarter_hours,
            title,
            provider,
            categories,
            counts_for,
        } => {
            let amount = match (hours, semester_hours, quarter_hours) {
                (Some(h), _, _) => (Credit::Hours, h),
                (_, Some(h), _) => (Credit::SemesterHours, h),
                (_, _, Some(h)) => (Credit::QuarterHours, h),
                _ => {
                    return Err(Failure::usage(
                        "give --hours N (or --semester-hours, --quarter-hours)",
                    ));
                }
            };
            let activity = read_activity(
                today, &date, amount, &title, provider, categories, counts_for,
            )?;
            add(path, today, &activity)
        }
        CeCommand::Remove { id } => change(path, today, "remove the activity", |_, profile| {
            let Some(a) = profile.ce.get(id) else {
                let ids: Vec<String> = profile
                    .ce
                    .activities
                    .iter()
                    .map(|a| format!("#{}", a.id))
                    .collect();
                return Err(Failure::new(format!(
                    "there is no activity #{id} in the log ({}). Nothing was changed.",
                    if ids.is_empty() {
                        "it is empty".to_owned()
                    } else {
                        format!("its ids: {}", ids.join(", "))
                    }
                )));
            };
            let said = format!("Removed {}.\n", line(a));
            Ok((profile.ce.without(id), said))
        }),
    }
}

fn list(path: &Path, today: Date, json: bool) -> Result<(), Failure> {
    let profile = session::open_read_only(path)?.unwrap_or_default();
    let guide = guide()?;
    let cycles = upkeep::cycles(&guide, &profile, today);
    if json {
        let list = ListJson {
            version: super::FORMAT_VERSION,
            activities: profile
                .ce
                .activities
                .iter()
                .map(|a| ActivityJson::of(a, &cycles))
                .collect(),
            upkeep: cycles.iter().map(UpkeepInfo::of).collect(),
        };
        return print(&to_json(&list)?);
    }
    let mut out = String::new();
    if profile.ce.activities.is_empty() {
        out.push_str(
            "No CE logged yet. Log one: medtech ce add --date YYYY-MM-DD --hours N --title TEXT\n",
        );
    }
    for a in &profile.ce.activities {
        let _ = writeln!(out, "{}", line(a));
        if upkeep::outside_every_cycle(&cycles, a) {
            let _ = writeln!(out, "     {}", upkeep::OUTSIDE_EVERY_CYCLE);
        }
    }
    out.push('\n');
    out.push_str(&cycles_text(&guide, &profile, today));
    print(&out)
}

/// The latest date an activity may carry: tomorrow. A course finished today
/// may be dated tomorrow on a certificate from a provider in a time zone
/// ahead of yours (Europe for someone in California, in the evening), and
/// the certificate's date is the one a board or certifier checks.
pub fn latest_date(today: Date) -> Date {
    today.tomorrow().unwrap_or(today)
}

/// The activity as typed, checked; its id is given when it is saved.
fn read_activity(
    today: Date,
    date: &str,
    (credit, amount): (Credit, String),
    title: &str,
    provider: Option<String>,
    categories: Vec<String>,
    counts_for: Vec<String>,
) -> Result<Activity, Failure> {
    let date: Date = date.trim().parse().map_err(|_| {
        Failure::usage(format!(
            "--date '{}' is not a date: write YYYY-MM-DD, such as 2026-10-02",
            sanitize(date)
        ))
    })?;
    if date > latest_date(today) {
        return Err(Failure::usage(format!(
            "--date {date} is after today ({today}; tomorrow is taken, for a certificate dated in a time zone ahead of yours): log an activity once you have done it"
        )));
    }
    // "-1" reaches here (not clap's "unexpected argument") to be told why.
    if amount.trim().starts_with('-') {
        return Err(Failure::usage(format!(
            "'{}': an activity needs more than 0 hours",
            sanitize(amount.trim())
        )));
    }
    let tenths = parse_tenths(&amount).map_err(|e| Failure::usage(sanitize(&e)))?;
    let title = title.trim().to_owned();
    if title.is_empty() {
        return Err(Failure::usage(
            "--title is empty: say what the activity was",
        ));
    }
    let clean = |v: Vec<String>| -> Vec<String> {
        v.into_iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    };
    Ok(Activity {
        id: 0,
        date,
        tenths,
        credit,
        title,
        provider: provider.unwrap_or_default().trim().to_owned(),
        categories: clean(categories),
        counts_for: clean(counts_for),
    })
}

fn add(path: &Path, today: Date, activity: &Activity) -> Result<(), Failure> {
    change(path, today, "log the activity", |guide, profile| {
        let mut activity = activity.clone();
        activity.id = profile.ce.next_id();
        let unit = activity.credit.word();
        // "1 contact hour", "1.5 contact hours".
        let unit = if activity.tenths == 10 {
            unit.trim_end_matches('s')
        } else {
            unit
        };
        let mut said = format!(
            "Logged #{}: {}, {} {unit}, {}.\n",
            activity.id,
            activity.date,
            amount(upkeep::tenths_f64(activity.tenths)),
            sanitize(&activity.title)
        );
        let held = upkeep::held(guide, profile);
        if upkeep::outside_every_cycle(&upkeep::cycles(guide, profile, today), &activity) {
            let _ = writeln!(
                said,
                "Note: {} is outside every cycle of what it counts for: it counts toward none (logged all the same).",
                activity.date
            );
        }
        for name in &activity.counts_for {
            let probe = Activity {
                counts_for: vec![name.clone()],
                ..activity.clone()
            };
            if !held.iter().any(|h| upkeep::counts_for(&probe, h)) {
                let names: Vec<String> = held.iter().map(|h| sanitize(&h.name)).collect();
                let _ = writeln!(
                    said,
                    "Note: '{}' is nothing your record holds yet; the activity counts toward it once it does (held: {}).",
                    sanitize(name),
                    if names.is_empty() {
                        "nothing".to_owned()
                    } else {
                        names.join(", ")
                    }
                );
            }
        }
        Ok((profile.ce.with(activity), said))
    })
}

/// Loads the profile under its lock, makes the new log, records the change
/// and saves; prints what was said and each cycle after.
fn change(
    path: &Path,
    today: Date,
    what: &str,
    make: impl FnOnce(&Guide, &Profile) -> Result<(crate::profile::CeLog, String), Failure>,
) -> Result<(), Failure> {
    let guide = guide()?;
    let (storage, _) = Storage::open(path.to_owned());
    if let Some(reason) = session::read_only_reason(&storage) {
        let what_to_do = if storage.held_elsewhere() {
            " Quit the other medtech first, or add it there (5 Upkeep)."
        } else {
            ""
        };
        return Err(Failure::new(format!(
            "cannot {what} in {}: {reason}.{what_to_do} Nothing was changed.",
            shown(storage.data_path())
        )));
    }
    let mut profile = storage
        .load()
        .map_err(|e| Failure::new(format!("{e}. Nothing was changed.")))?
        .unwrap_or_default();
    let (log, mut said) = make(&guide, &profile)?;
    let change = Change::Ce {
        from: Box::new(profile.ce.clone()),
        to: Box::new(log),
    };
    profile.apply(&change, today);
    storage
        .save(&profile)
        .map_err(|e| Failure::new(format!("{e}. Nothing was changed.")))?;
    said.push_str(&cycles_text(&guide, &profile, today));
    print(&said)
}
