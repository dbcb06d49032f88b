//! The commands that deal in files: `path` (look only), `reset` (set the
//! profile aside, never delete it) and writing an export atomically.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::storage::{parent, with_suffix};

use super::{Failure, exists, say};
use crate::session::shown;
use crate::storage::{self, Storage};

/// Every file medtech keeps for this profile, and the config file: what
/// each is and where.
fn rows(storage: &Storage) -> Vec<(&'static str, PathBuf)> {
    let mut rows: Vec<(&str, PathBuf)> = vec![("profile", storage.data_path().to_owned())];
    for backup in storage.backup_paths() {
        rows.push(("backup", backup));
    }
    rows.push(("draft", storage.draft_path()));
    rows.push(("lock", storage.lock_path()));
    let version_backup = storage.version_backup_path(1);
    if exists(&version_backup) {
        rows.push(("v1 copy", version_backup));
    }
    if let Some(damaged) = storage.latest_damaged() {
        rows.push(("damaged", damaged));
    }
    for copy in storage.conflict_copies() {
        rows.push(("to merge", copy));
    }
    if let Some(config) = crate::config::default_path() {
        rows.push(("config", config));
    }
    rows
}

/// `medtech path`: every file medtech keeps for this profile, and the
/// config file, and whether each is there. Nothing is opened, locked or
/// created.
pub fn paths(path: &Path) -> String {
    let storage = Storage::unlocked(path.to_owned());
    let rows = rows(&storage);
    let mut out = String::new();
    for (what, file) in &rows {
        let state = if exists(file) { "exists" } else { "missing" };
        let _ = writeln!(out, "{what:<8} {state:<8} {}", shown(file));
    }
    if storage.path() != storage.data_path() {
        let _ = writeln!(out, "The profile is a link to {}.", shown(storage.path()));
    }
    out
}

/// `medtech path --json`: `{ "version": 1, "files": [{ "kind", "path",
/// "exists" }], "link_target" }`, the same rows as the text. `link_target`
/// is the file the profile links to, or `null`.
#[derive(Debug, serde::Serialize)]
pub struct Paths {
    version: u32,
    files: Vec<FileRow>,
    link_target: Option<String>,
}

#[derive(Debug, serde::Serialize)]
struct FileRow {
    kind: &'static str,
    path: String,
    exists: bool,
}

pub fn paths_json(path: &Path) -> Paths {
    let storage = Storage::unlocked(path.to_owned());
    let files = rows(&storage)
        .iter()
        .map(|(kind, file)| FileRow {
            kind,
            path: shown(file),
            exists: exists(file),
        })
        .collect();
    Paths {
        version: super::FORMAT_VERSION,
        files,
        link_target: (storage.path() != storage.data_path()).then(|| shown(storage.path())),
    }
}

/// With no profile, the newest backup that is there (its path, sanitized).
pub fn existing_backup(path: &Path) -> Option<String> {
    Storage::unlocked(path.to_owned())
        .backup_paths()
        .into_iter()
        .find(|p| exists(p))
        .map(|p| shown(&p))
}

/// `medtech reset`: moves the profile aside to a timestamped name in the
/// same folder, and its backups, draft, unsaved changes and damaged copies
/// with it (so the next launch is a fresh start, neither offering to
/// restore or merge them nor saying the profile is missing). Nothing is
/// deleted. Asks first unless `yes`; refuses while another medtech holds
/// the lock, and refuses a file that is not a medtech profile (it never
/// moves what it did not write).
pub fn reset(path: &Path, yes: bool) -> Result<(), Failure> {
    let probe = Storage::unlocked(path.to_owned());
    let profile = probe.data_path().to_owned();
    let has_profile = exists(&profile);
    let is_link = fs::symlink_metadata(&profile).is_ok_and(|m| m.file_type().is_symlink());
    if has_profile && !is_link && !probe.holds_a_profile() {
        return Err(Failure::new(format!(
            "{} is not a medtech profile, and reset moves only medtech's own files. Nothing was changed.",
            shown(&profile)
        )));
    }
    let leftovers = !probe.damaged_files().is_empty()
        || exists(&probe.draft_path())
        || exists(&probe.unsaved_path())
        || probe.backup_paths().iter().any(|p| exists(p));
    if !has_profile && !leftovers {
        return super::print(&format!(
            "There is no profile at {}: nothing to reset.\n",
            shown(&profile)
        ));
    }
    if !yes {
        confirm(&profile)?;
    }
    let (storage, _) = Storage::open(path.to_owned());
    if let Some(reason) = crate::session::read_only_reason(&storage) {
        let what_to_do = if storage.held_elsewhere() {
            " Quit the other medtech first."
        } else {
            ""
        };
        return Err(Failure::new(format!(
            "cannot reset {}: {reason}.{what_to_do} Nothing was changed.",
            shown(&profile)
        )));
    }
    if has_profile && !exists(&profile) {
        // Gone while we asked: nothing of ours to move.
        return Err(Failure::new(format!(
            "{} is no longer there. Nothing was changed.",
            shown(&profile)
        )));
    }
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut report = if has_profile {
        let moved = move_aside(&profile, &stamp).map_err(|e| {
            Failure::new(format!(
                "cannot move {} aside: {e}. Nothing was changed.",
                shown(&profile)
            ))
        })?;
        format!(
            "Your profile was moved to {}\nThe next `medtech` starts a new profile; to go back, rename that file to {}.",
            shown(&moved),
            file_name(&profile)
        )
    } else {
        format!(
            "There was no profile at {}; what was left beside it was set aside, so the next `medtech` starts a new one.",
            shown(&profile)
        )
    };
    match storage.archive_backup() {
        Ok(Some(backup)) => {
            let _ = write!(
                report,
                "\nIts backups were set aside too (the newest is {}).",
                shown(&backup)
            );
        }
        Ok(None) => {}
        Err(e) => say(&format!(
            "the backups could not be set aside ({e}); the next launch may offer to restore them."
        )),
    }
    set_kept_aside(
        &storage.draft_path(),
        &stamp,
        "An unsaved note was",
        &mut report,
    );
    // Changes a session could not save: kept, no longer offered to merge.
    set_kept_aside(
        &storage.unsaved_path(),
        &stamp,
        "Changes an earlier session could not save were",
        &mut report,
    );
    set_damaged_aside(&storage, &stamp, &mut report);
    report.push('\n');
    super::print(&report)
}

/// Renames `path` (a draft, unsaved changes), if there, to
/// `<name>.reset-<stamp>` beside it, and says where: "`what` kept as …".
fn set_kept_aside(path: &Path, stamp: &str, what: &str, report: &mut String) {
    if !exists(path) {
        return;
    }
    match move_aside(path, stamp) {
        Ok(kept) => {
            let _ = write!(report, "\n{what} kept as {}.", shown(&kept));
        }
        Err(e) => say(&format!("{} could not be set aside: {e}", shown(path))),
    }
}

/// Renames each damaged copy `profile.ron.corrupt-T` (or
/// `profile.ron.bak.corrupt-T`) to `profile.ron.reset-<stamp>.corrupt-T`:
/// still beside the profile, no longer a name the next launch looks for.
fn set_damaged_aside(storage: &Storage, stamp: &str, report: &mut String) {
    let profile = storage.data_path();
    let name = file_name(profile);
    let mut kept = 0;
    for file in storage.damaged_files() {
        let damaged_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let rest = damaged_name
            .strip_prefix(&format!("{name}."))
            .unwrap_or(&damaged_name);
        let target = with_suffix(profile, &format!(".reset-{stamp}.{rest}"));
        match move_aside_as(&file, &target) {
            Ok(_) => kept += 1,
            Err(e) => say(&format!(
                "the damaged copy {} could not be set aside ({e}); the next launch may show it.",
                shown(&file)
            )),
        }
    }
    if kept > 0 {
        let _ = write!(
            report,
            "\n{kept} damaged cop{} set aside as {name}.reset-{stamp}.*",
            if kept == 1 { "y was" } else { "ies were" },
        );
    }
}

/// Asks on the terminal; anything but `y` or `yes` keeps the profile.
fn confirm(profile: &Path) -> Result<(), Failure> {
    if !io::stdin().is_terminal() {
        return Err(Failure::new(format!(
            "reset asks before it moves {} aside, and there is no terminal to ask on. \
             Run it in a terminal, or add --yes. Nothing was changed.",
            shown(profile)
        )));
    }
    let mut err = io::stderr().lock();
    let _ = write!(
        err,
        "Move {} aside and start a new profile? It is kept, renamed, in the same folder. [y/N] ",
        shown(profile)
    );
    let _ = err.flush();
    let mut answer = String::new();
    io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Failure::new(format!("cannot read the answer: {e}")))?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(Failure::new("reset cancelled. Nothing was changed."))
    }
}

/// Renames `path` to `path.reset-<stamp>` (with `-2`, `-3`, ... if taken),
/// never over an existing file, and syncs the folder.
fn move_aside(path: &Path, stamp: &str) -> io::Result<PathBuf> {
    move_aside_as(path, &with_suffix(path, &format!(".reset-{stamp}")))
}

/// Renames `path` to `target` (with `-2`, `-3`, ... if taken), never over
/// an existing file, and syncs the folder.
fn move_aside_as(path: &Path, target: &Path) -> io::Result<PathBuf> {
    let mut free = target.to_owned();
    let mut n = 1;
    while exists(&free) {
        n += 1;
        free = with_suffix(target, &format!("-{n}"));
    }
    fs::rename(path, &free)?;
    sync_dir(parent(path));
    Ok(free)
}

/// Writes `bytes` to `file` through a temp file in the same folder renamed
/// into place, so a reader never sees half an export. An existing file is
/// refused (and left untouched) unless `force`; only a regular file is ever
/// replaced (never a symlink, a FIFO or a device). On failure the temp file
/// is removed, and the message names only `file`.
pub fn write_new(file: &Path, bytes: &[u8], force: bool) -> Result<(), Failure> {
    let refuse = || {
        Failure::new(format!(
            "{} already exists; it was left untouched. Add --force to replace it, or choose another file.",
            shown(file)
        ))
    };
    if let Ok(metadata) = fs::symlink_metadata(file) {
        let kind = metadata.file_type();
        if kind.is_dir() {
            return Err(Failure::new(format!(
                "{} is a folder; give a file name inside it.",
                shown(file)
            )));
        }
        if !kind.is_file() {
            let what = if kind.is_symlink() {
                "a symbolic link"
            } else {
                "not a regular file (a device, FIFO or socket)"
            };
            return Err(Failure::new(format!(
                "{} is {what}; medtech replaces only regular files, so it was left untouched. \
                 Choose another file, or `-o -` for standard output.",
                shown(file)
            )));
        }
        if !force {
            return Err(refuse());
        }
    }
    // The error as the system gave it: never the temp file's name.
    let cannot = |e: io::Error| {
        let e = e.raw_os_error().map_or(e, io::Error::from_raw_os_error);
        Failure::new(format!(
            "cannot write {}: {e}. Nothing was written.",
            shown(file)
        ))
    };
    let dir = parent(file);
    let mut tmp = tempfile::Builder::new()
        .prefix(".medtech-export.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(cannot)?;
    let file_handle = tmp.as_file_mut();
    file_handle.write_all(bytes).map_err(cannot)?;
    file_handle.sync_all().map_err(cannot)?;
    if force {
        tmp.persist(file).map_err(|e| cannot(e.error))?;
    } else {
        // Created since the check above: still never overwritten.
        tmp.persist_noclobber(file).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                refuse()
            } else {
                cannot(e.error)
            }
        })?;
    }
    sync_dir(dir);
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || storage::PROFILE_FILE.to_owned(),
        |n| crate::text::sanitize(&n.to_string_lossy()),
    )
}

/// Best effort: the rename is done; syncing the folder makes it durable.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    {
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
    let _ = dir;
}
