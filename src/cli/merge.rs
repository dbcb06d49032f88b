//! `medtech merge FILE [--dry-run]`: merges another copy of a profile (a
//! sync tool's conflict copy, the other computer's file) into this one.
//! There is no common version to compare with, so an item that differs
//! comes from the side whose history names it, a side that holds nothing
//! for it adds nothing, and the rest are conflicts: the newer kept, a
//! note keeping both texts. FILE is never changed; a conflict copy found
//! beside the profile is renamed `….merged-<time>` once merged, so it is
//! not offered again.

use std::fmt::Write as _;
use std::path::Path;

use super::{Failure, print};
use crate::content::Guide;
use crate::profile::Profile;
use crate::profile::merge::{Item, Merged, Side, merge_without_base};
use crate::session::{self, shown};
use crate::storage::{self, Storage};

pub fn run(path: &Path, file: &Path, dry_run: bool) -> Result<(), Failure> {
    let probe = Storage::unlocked(path.to_owned());
    let same = |a: &Path, b: &Path| matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b);
    if same(file, probe.path()) {
        return Err(Failure::new(format!(
            "{} is your profile itself: there is nothing to merge. Nothing was changed.",
            shown(file)
        )));
    }
    let theirs = match storage::load_file(file) {
        Ok(Some(profile)) => profile,
        Ok(None) => {
            return Err(Failure::new(format!(
                "{} does not exist. Nothing was changed.",
                shown(file)
            )));
        }
        Err(e) => {
            return Err(Failure::new(format!(
                "cannot merge: {e}. Nothing was changed."
            )));
        }
    };
    let guide = Guide::embedded()
        .map_err(|e| Failure::new(format!("the built-in guide does not load: {e}")))?;
    if dry_run {
        // Only looks: no lock, nothing written.
        let ours = session::open_read_only(path)?.unwrap_or_default();
        let merged = merge_without_base(&ours, &theirs);
        let mut out = describe(&guide, &merged, file);
        out.push_str("Nothing was written (--dry-run).\n");
        return print(&out);
    }
    let (storage, _) = Storage::open(path.to_owned());
    if let Some(reason) = session::read_only_reason(&storage) {
        let what_to_do = if storage.held_elsewhere() {
            " Quit the other medtech first: while it runs, it merges what a sync tool brings by itself."
        } else {
            ""
        };
        return Err(Failure::new(format!(
            "cannot merge into {}: {reason}.{what_to_do} Nothing was changed.",
            shown(storage.data_path())
        )));
    }
    let ours = storage
        .load()
        .map_err(|e| Failure::new(format!("{e}. Nothing was changed.")))?
        .unwrap_or_default();
    let merged = merge_without_base(&ours, &theirs);
    let mut out = describe(&guide, &merged, file);
    if merged.profile != ours {
        storage
            .save(&merged.profile)
            .map_err(|e| Failure::new(format!("{e}. Nothing was changed.")))?;
        let _ = writeln!(out, "Merged into {}.", shown(storage.data_path()));
    }
    let offered = storage
        .conflict_copies()
        .iter()
        .any(|copy| std::fs::canonicalize(copy).ok() == std::fs::canonicalize(file).ok());
    if offered {
        match storage.set_merged_aside(file) {
            Ok(moved) => {
                let _ = writeln!(
                    out,
                    "{} was renamed to {}, so it is not offered again; remove it when you are happy.",
                    shown(file),
                    shown(&moved)
                );
            }
            Err(e) => {
                let _ = writeln!(out, "{} could not be renamed ({e}).", shown(file));
            }
        }
    }
    print(&out)
}

/// What the merge takes from FILE, and the conflicts, one a line.
fn describe(guide: &Guide, merged: &Merged, file: &Path) -> String {
    let mut out = String::new();
    let profile = &merged.profile;
    if merged.summary.is_empty() && merged.conflicts.is_empty() {
        let _ = writeln!(
            out,
            "Everything in {} is already in your profile: nothing to merge.",
            shown(file)
        );
        return out;
    }
    if !merged.summary.taken.is_empty() {
        let _ = writeln!(out, "From {}:", shown(file));
        for item in &merged.summary.taken {
            let _ = writeln!(out, "  {}", item_line(guide, profile, item));
        }
    }
    if merged.summary.history_added > 0 {
        let _ = writeln!(
            out,
            "  {} history entr{} added",
            merged.summary.history_added,
            if merged.summary.history_added == 1 {
                "y"
            } else {
                "ies"
            }
        );
    }
    if !merged.conflicts.is_empty() {
        let _ = writeln!(
            out,
            "Changed on both sides (the newer is kept; a note keeps both texts):"
        );
        for conflict in &merged.conflicts {
            let kept = match conflict.kept {
                Side::Ours => "yours",
                Side::Theirs => "theirs",
            };
            let _ = writeln!(
                out,
                "  {}: kept {kept} ({}); the other was {}",
                item_name(guide, &conflict.item),
                crate::text::sanitize(&conflict.kept_value),
                crate::text::sanitize(&conflict.other_value)
            );
        }
    }
    out
}

/// The item and its merged value.
fn item_line(guide: &Guide, profile: &Profile, item: &Item) -> String {
    let name = item_name(guide, item);
    let value = match item {
        Item::Status(id) => match profile.steps.get(id).and_then(|r| r.date) {
            Some(date) => format!("{} {date}", profile.status(id).word()),
            None => profile.status(id).word().to_owned(),
        },
        Item::Note(id) => format!(
            "note \"{}\"",
            crate::text::truncate(&crate::text::sanitize(profile.note(id)), 50)
        ),
        Item::Background(_) | Item::Program(_) | Item::Ce | Item::Study => "changed".to_owned(),
        Item::Choice => profile.shortlist.chosen.as_deref().map_or_else(
            || "none chosen".to_owned(),
            |c| format!("chose {}", crate::text::sanitize(c)),
        ),
        Item::Goal => profile.goal.short().to_owned(),
        Item::State => profile
            .state
            .as_deref()
            .map_or_else(|| "none".to_owned(), crate::text::sanitize),
    };
    format!("{name}: {value}")
}

fn item_name(guide: &Guide, item: &Item) -> String {
    match item {
        Item::Status(id) | Item::Note(id) => guide.step(id).map_or_else(
            || crate::text::sanitize(id),
            |(_, step)| format!("“{}”", crate::text::sanitize(&step.title)),
        ),
        Item::Background(field) => format!("background ({})", field.replace('_', " ")),
        Item::Goal => "goal".to_owned(),
        Item::State => "state".to_owned(),
        Item::Program(name) => format!("program “{}”", crate::text::sanitize(name)),
        Item::Choice => "the program chosen".to_owned(),
        Item::Ce => "continuing-education log".to_owned(),
        Item::Study => "study plan".to_owned(),
    }
}
