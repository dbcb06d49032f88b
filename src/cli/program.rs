//! `medtech program add|list|choose|remove`: the shortlist of programs from
//! the command line. `list` only looks (no lock, nothing written); the
//! others take the lock the way `merge` does, refuse while another medtech
//! holds the profile or it is read-only, and record one `Change::Shortlist`
//! in the history.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};

use super::report::{self, ProgramInfo};
use super::{Failure, for_locale, print, to_json};
use crate::advisor::programs;
use crate::clock::Clock;
use crate::content::{Date, Guide};
use crate::profile::{
    Candidate, CandidateAccreditor, CandidateKind, Change, Format, NAME_MAX_CHARS, Profile, Rate,
    Shortlist, Tuition,
};
use crate::session::{self, shown};
use crate::storage::Storage;
use crate::text::sanitize;

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Add a program to the shortlist, or update the fields given of one
    /// already on it
    Add(AddArgs),
    /// The shortlist against NAACLS's benchmarks, with the flags that matter
    List {
        /// Print one JSON object (format version 1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Choose a program: the plan takes its length, start and tuition
    Choose {
        /// The program's name, as on the list
        name: String,
    },
    /// Take a program off the shortlist
    Remove {
        /// The program's name, as on the list
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The program's name, as you call it ("Columbus State MLT")
    pub name: String,
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    #[arg(long, value_enum)]
    pub accreditor: Option<AccreditorArg>,
    /// The state it is in (TX)
    #[arg(long, value_name = "XX")]
    pub state: Option<String>,
    /// How long it runs, in months (1 to 120)
    #[arg(long, value_name = "N", value_parser = parse_months)]
    pub months: Option<u16>,
    /// The day it starts (the term you would begin)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub start: Option<Date>,
    /// Tuition in US dollars, for the whole program (or a credit, with --per-credit)
    #[arg(long, value_name = "USD")]
    pub tuition: Option<u32>,
    /// --tuition is per credit, not for the whole program
    #[arg(long, requires = "tuition")]
    pub per_credit: bool,
    /// BOC pass within a year of graduating, a year at a time: 2023=12/15 or 2023=80%
    #[arg(long, value_name = "YEAR=PASSED/TOOK", value_parser = crate::profile::parse_year_rate)]
    pub boc: Vec<(i16, Rate)>,
    /// Graduation of students who began the final half: 2023=15/18 or 2023=83%
    #[arg(long, value_name = "YEAR=GRADUATED/BEGAN", value_parser = crate::profile::parse_year_rate)]
    pub graduation: Vec<(i16, Rate)>,
    /// Placement of graduates who answered: 2023=9/10 or 2023=90%
    #[arg(long, value_name = "YEAR=PLACED/RESPONDED", value_parser = crate::profile::parse_year_rate)]
    pub placement: Vec<(i16, Rate)>,
    /// The application deadline
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub deadline: Option<Date>,
    /// Online classes, with a clinical placement near you
    #[arg(long, conflicts_with = "on_campus")]
    pub online: bool,
    /// On campus (the opposite of --online)
    #[arg(long)]
    pub on_campus: bool,
    /// Whether the program guarantees you a clinical placement
    #[arg(long, value_enum, value_name = "yes|no")]
    pub clinical_guaranteed: Option<YesNo>,
    /// A note of your own (replaces the one there)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// MLT associate degree
    Mlt,
    /// MLS bachelor's degree
    Mls,
    /// Post-baccalaureate certificate
    PostBacc,
    /// MLT-to-MLS bridge
    Bridge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AccreditorArg {
    Naacls,
    Abhes,
    /// Accredited by another agency
    Other,
    /// Not accredited
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    Yes,
    No,
}

/// The program form's range, 1 to 120 months.
fn parse_months(text: &str) -> Result<u16, String> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|m| (1..=120).contains(m))
        .ok_or_else(|| format!("\"{text}\": write the months, 1 to 120"))
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("\"{text}\" is not a date: write YYYY-MM-DD, such as 2027-03-01"))
}

pub fn run(path: &Path, action: Action) -> Result<(), Failure> {
    match action {
        Action::List { json } => list(path, json),
        Action::Add(args) => change(path, |shortlist| add(shortlist, args)),
        Action::Choose { name } => change(path, |shortlist| {
            let found = shortlist
                .find(&name)
                .ok_or_else(|| unknown(shortlist, &name))?;
            let name = found.name.clone();
            if shortlist.chosen.as_deref() == Some(name.as_str()) {
                return Ok(format!(
                    "{} is already your chosen program.",
                    sanitize(&name)
                ));
            }
            shortlist.chosen = Some(name.clone());
            Ok(format!(
                "Chose {}: the plan now counts its length, start and tuition (medtech status shows the finish and the cost).",
                sanitize(&name)
            ))
        }),
        Action::Remove { name } => change(path, |shortlist| {
            let found = shortlist
                .find(&name)
                .ok_or_else(|| unknown(shortlist, &name))?;
            let name = found.name.clone();
            let was_chosen = shortlist.chosen().is_some_and(|c| c.name == name);
            shortlist.remove(&name);
            Ok(if was_chosen {
                format!(
                    "Removed {} from the shortlist; it was your chosen program, so none is chosen now.",
                    sanitize(&name)
                )
            } else {
                format!("Removed {} from the shortlist.", sanitize(&name))
            })
        }),
    }
}

/// The message for a name not on the list, with the names that are.
fn unknown(shortlist: &Shortlist, name: &str) -> Failure {
    let names: Vec<String> = shortlist
        .programs
        .iter()
        .map(|c| format!("\"{}\"", sanitize(&c.name)))
        .collect();
    let listed = if names.is_empty() {
        "the shortlist is empty (add one with medtech program add NAME)".to_owned()
    } else {
        format!("on the list: {}", names.join(", "))
    };
    Failure::new(format!(
        "no program called \"{}\" on your shortlist; {listed}. Nothing was changed.",
        sanitize(name)
    ))
}

/// Adds a program, or updates the fields given of the one with that name.
fn add(shortlist: &mut Shortlist, mut args: AddArgs) -> Result<String, Failure> {
    let name = args.name.trim().to_owned();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(Failure::usage(
            "a program needs a name of ordinary characters, such as \"Columbus State MLT\"",
        ));
    }
    // The program form takes as many (a longer name could not be edited).
    let length = name.chars().count();
    if length > NAME_MAX_CHARS {
        return Err(Failure::usage(format!(
            "a program's name is at most {NAME_MAX_CHARS} characters (this one has {length})"
        )));
    }
    // The form's note is one line of as many characters as a name; a tab
    // becomes a space, as a paste into the form does.
    args.note = args.note.map(|n| n.replace('\t', " "));
    if let Some(note) = &args.note {
        let length = note.chars().count();
        if note.chars().any(char::is_control) || length > NAME_MAX_CHARS {
            return Err(Failure::usage(format!(
                "a program's note is one line of at most {NAME_MAX_CHARS} characters \
                 (this one has {length}{})",
                if note.chars().any(char::is_control) {
                    " and a line break or control character"
                } else {
                    ""
                }
            )));
        }
    }
    let state = match args.state.as_deref().map(str::trim) {
        Some(typed) => {
            if typed.len() != 2 || !typed.chars().all(|c| c.is_ascii_alphabetic()) {
                return Err(Failure::usage(format!(
                    "\"{}\" is not a state code: use two letters, such as TX",
                    sanitize(typed)
                )));
            }
            Some(typed.to_uppercase())
        }
        None => None,
    };
    let existing = shortlist.find(&name).is_some();
    if !existing {
        shortlist.programs.push(Candidate {
            name: name.clone(),
            ..Candidate::default()
        });
    }
    let Some(c) = shortlist.find_mut(&name) else {
        return Err(Failure::new("the program went missing while it was added"));
    };
    let given = fill(c, args, state);
    let name = sanitize(&c.name);
    Ok(if existing {
        if given.is_empty() {
            format!("{name} is already on the shortlist; nothing new was given.")
        } else {
            format!(
                "{name} was already on the shortlist: updated its {}.",
                given.join(", ")
            )
        }
    } else {
        format!("Added {name} to the shortlist.")
    })
}

/// Sets the fields given; what was given, in words.
fn fill(c: &mut Candidate, args: AddArgs, state: Option<String>) -> Vec<String> {
    let mut given = Vec::new();
    let mut set = |what: &str| given.push(what.to_owned());
    if let Some(kind) = args.kind {
        c.kind = Some(match kind {
            KindArg::Mlt => CandidateKind::MltAssociate,
            KindArg::Mls => CandidateKind::MlsBachelor,
            KindArg::PostBacc => CandidateKind::PostBaccalaureate,
            KindArg::Bridge => CandidateKind::Bridge,
        });
        set("kind");
    }
    if let Some(a) = args.accreditor {
        c.accreditor = Some(match a {
            AccreditorArg::Naacls => CandidateAccreditor::Naacls,
            AccreditorArg::Abhes => CandidateAccreditor::Abhes,
            AccreditorArg::Other => CandidateAccreditor::Other,
            AccreditorArg::None => CandidateAccreditor::NotAccredited,
        });
        set("accreditor");
    }
    if state.is_some() {
        c.state = state;
        set("state");
    }
    if args.months.is_some() {
        c.months = args.months;
        set("length");
    }
    if args.start.is_some() {
        c.starts = args.start;
        set("start");
    }
    if let Some(usd) = args.tuition {
        c.tuition = Some(if args.per_credit {
            Tuition::PerCredit(usd)
        } else {
            Tuition::Total(usd)
        });
        set("tuition");
    }
    for (what, list, map) in [
        ("BOC pass", args.boc, &mut c.boc),
        ("graduation", args.graduation, &mut c.graduation),
        ("placement", args.placement, &mut c.placement),
    ] {
        if !list.is_empty() {
            map.extend(list.into_iter().collect::<BTreeMap<_, _>>());
            set(what);
        }
    }
    if args.deadline.is_some() {
        c.deadline = args.deadline;
        set("deadline");
    }
    if args.online || args.on_campus {
        c.format = Some(if args.online {
            Format::Online
        } else {
            Format::OnCampus
        });
        set("format");
    }
    if let Some(g) = args.clinical_guaranteed {
        c.clinical_guaranteed = Some(g == YesNo::Yes);
        set("clinical placement");
    }
    if let Some(note) = args.note {
        c.note = note;
        set("note");
    }
    given
}

/// Changes the shortlist under the lock, records the change and saves:
/// the way `merge` writes. Nothing is written when nothing changed or the
/// change is refused.
fn change(
    path: &Path,
    edit: impl FnOnce(&mut Shortlist) -> Result<String, Failure>,
) -> Result<(), Failure> {
    let (storage, _) = Storage::open(path.to_owned());
    if let Some(reason) = session::read_only_reason(&storage) {
        let what_to_do = if storage.held_elsewhere() {
            " Quit the other medtech first, or use the programs view there (P)."
        } else {
            ""
        };
        return Err(Failure::new(format!(
            "cannot change the shortlist in {}: {reason}.{what_to_do} Nothing was changed.",
            shown(storage.data_path())
        )));
    }
    let loaded: Option<Profile> = storage
        .load()
        .map_err(|e| Failure::new(format!("{e}. Nothing was changed.")))?;
    let new = loaded.is_none();
    let mut profile = loaded.unwrap_or_default();
    let mut shortlist = profile.shortlist.clone();
    let mut said = edit(&mut shortlist)?;
    let change = Change::Shortlist {
        from: Box::new(profile.shortlist.clone()),
        to: Box::new(shortlist),
    };
    if !change.is_noop() {
        profile.apply(&change, Clock::from_env().today());
        storage
            .save(&profile)
            .map_err(|e| Failure::new(format!("{e}. Nothing was changed.")))?;
        if new {
            let _ = write!(
                said,
                "\nThis started your profile in {}; medtech asks your goal and state when you first open it.",
                shown(storage.data_path())
            );
        }
    }
    print(&format!("{said}\n"))
}

/// `medtech program list [--json]`: reads only.
fn list(path: &Path, json: bool) -> Result<(), Failure> {
    let guide = Guide::embedded()
        .map_err(|e| Failure::new(format!("the built-in guide does not load: {e}")))?;
    let profile = session::open_read_only(path)?.unwrap_or_default();
    let today = Clock::from_env().today();
    let infos = report::programs(&guide, &profile, today);
    if json {
        return print(&to_json(&report::ProgramList {
            version: report::FORMAT_VERSION,
            today: today.to_string(),
            benchmark_sources: report::benchmark_sources(&guide),
            programs: infos,
        })?);
    }
    print(&for_locale(text(&guide, &profile, &infos)))
}

/// The shortlist as text, one block a program.
pub fn text(guide: &Guide, profile: &Profile, infos: &[ProgramInfo]) -> String {
    let mut out = String::new();
    if infos.is_empty() {
        out.push_str(
            "No programs on your shortlist yet. Add one from its outcomes page:\n  \
             medtech program add \"Columbus State MLT\" --kind mlt --accreditor naacls --boc 2023=14/15\n",
        );
        return out;
    }
    let _ = writeln!(
        out,
        "Programs you are considering ({}), against NAACLS's benchmarks:",
        infos.len()
    );
    for (info, candidate) in infos.iter().zip(&profile.shortlist.programs) {
        out.push('\n');
        out.push_str(&block(info, candidate));
    }
    let sources = programs::benchmark_sources(guide);
    if !sources.is_empty() {
        let _ = writeln!(
            out,
            "\nBenchmarks (three-year averages from raw numbers): BOC pass 75%, graduation 70%, placement 70%. Sources:"
        );
        for s in sources {
            let _ = writeln!(out, "  {} ({})", sanitize(&s.url), sanitize(&s.publisher));
        }
    }
    if profile.shortlist.chosen().is_none() {
        out.push_str("\nChoose one with medtech program choose NAME: the plan then counts its length, start and tuition.\n");
    }
    out
}

fn block(info: &ProgramInfo, c: &Candidate) -> String {
    let mut out = String::new();
    let chosen = if info.chosen { " [chosen]" } else { "" };
    let _ = writeln!(out, "{}{chosen}", info.name);
    let mut facts = Vec::new();
    facts.push(info.kind_words.clone());
    facts.push(info.accreditor_words.clone());
    if let Some(state) = &info.state {
        facts.push(state.clone());
    }
    if c.format == Some(Format::Online) {
        facts.push("online".to_owned());
    }
    if let Some(m) = c.months {
        facts.push(format!("{m} months"));
    }
    if let Some(start) = c.starts {
        facts.push(format!("starts {start}"));
    }
    match c.tuition {
        Some(Tuition::Total(usd)) => facts.push(format!("tuition ${usd}")),
        Some(Tuition::PerCredit(usd)) => facts.push(format!("tuition ${usd} a credit")),
        None => {}
    }
    if let Some(d) = c.deadline {
        facts.push(format!("apply by {d}"));
    }
    let _ = writeln!(out, "  {}", facts.join(" · "));
    for line in &info.measure_lines {
        let _ = writeln!(out, "  {line}");
    }
    for flag in &info.flags {
        let _ = writeln!(out, "  {flag}");
    }
    if !info.opens.is_empty() {
        let _ = writeln!(out, "  Opens: {}", info.opens.join(", "));
    }
    if !c.note.is_empty() {
        let _ = writeln!(out, "  Note: {}", sanitize(&c.note));
    }
    out
}
