//! Opening the user's profile: where it is, whether this copy may write it,
//! and what the user sees first. The TUI and every command go through here;
//! [`open_read_only`] has no side effects at all (no lock, nothing moved).

use std::path::{Path, PathBuf};

use crate::profile::Profile;
use crate::storage::{self, Access, LoadError, Storage};

/// The reason given when another copy holds the lock.
pub const HELD_ELSEWHERE: &str = "another medtech has this profile open";

/// Why `storage` is read-only, ready to print; `None` if it may write.
pub fn read_only_reason(storage: &Storage) -> Option<String> {
    if storage.held_elsewhere() {
        return Some(HELD_ELSEWHERE.to_owned());
    }
    storage.read_only_reason().map(ToOwned::to_owned)
}

/// What to tell the person about copies a sync tool (or an earlier
/// medtech that could not save) left beside the profile, with the command
/// that merges one in; `None` when there are none.
pub fn conflict_notice(storage: &Storage) -> Option<String> {
    let copies = storage.conflict_copies();
    let name = |p: &PathBuf| {
        p.file_name()
            .map_or_else(|| shown(p), |n| storage::shown(Path::new(n)))
    };
    match copies.as_slice() {
        [] => None,
        [one] => Some(format!(
            "Found {}, a copy of your profile a sync tool left with other changes. \
             To merge it in: medtech merge {} (add --dry-run to see what would change).",
            name(one),
            shown(one)
        )),
        [first, ..] => Some(format!(
            "Found {} copies of your profile a sync tool left ({}, …). \
             To merge one in: medtech merge FILE (add --dry-run to see what would change); \
             medtech path lists them.",
            copies.len(),
            name(first)
        )),
    }
}

/// Why the profile could not be opened. Nothing on disk was changed.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(
        "cannot find your data folder (is HOME set?). Choose a file with --profile PATH or MEDTECH_PROFILE."
    )]
    NoDataFolder,
    #[error("{path} is a folder; give the path of a profile file inside it, such as {suggestion}")]
    IsFolder { path: String, suggestion: String },
    #[error("{0} does not name a file")]
    NotAFile(String),
    #[error(
        "{0} is not a medtech profile: it does not start with `Profile(version: ...`. \
         medtech never moves, replaces or changes a file it did not write, so it was left where it is, unchanged. \
         Choose another file with --profile; if this was your profile, move it away yourself \
         and start medtech again, which then offers its backup."
    )]
    NotAProfile(String),
    #[error(
        "{file} is a file, not a folder, so medtech cannot keep its files there; it was left as it is. \
         Move it away, or choose another place with --profile."
    )]
    FolderIsAFile { file: String },
    #[error("{0}\nNothing was changed on disk.")]
    Load(LoadError),
    #[error(
        "{problem}\nIt could not be moved aside ({why}), so medtech stops here. Nothing was changed."
    )]
    CannotSetAside { problem: String, why: String },
    #[error(
        "{problem}\nThis medtech is read-only ({reason}), so it cannot set the file aside. Nothing was changed."
    )]
    DamagedWhileReadOnly { problem: String, reason: String },
    #[error(
        "{problem}\n{link} points to that file, outside medtech's data folder, so it was left where it is. \
         Fix or remove the link, or choose another file with --profile. Nothing was changed."
    )]
    DamagedElsewhere { problem: String, link: String },
}

/// Shown instead of the app when the profile could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// What was wrong, with the line and column.
    pub problem: String,
    /// Where the unreadable file was moved, if it was.
    pub moved_to: Option<PathBuf>,
    /// The last good profile, if the backup could be read.
    pub backup: Option<Profile>,
}

/// What the user sees first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// A profile was read: resume where they left off.
    Resume(Profile),
    /// No profile yet: the welcome asks for goal and state.
    FirstLaunch,
    /// The profile was damaged or missing beside a backup: ask what to do.
    Recover(Recovery),
}

/// An opened profile and the storage that writes it.
#[derive(Debug)]
pub struct Session {
    pub storage: Storage,
    pub start: Start,
    /// Another copy holds the lock, or its state cannot be known: nothing
    /// is written.
    pub read_only: bool,
    /// Why this copy is read-only, ready to show (sanitized).
    pub read_only_reason: Option<String>,
    /// What was done on the way in (a file moved aside), for stderr.
    pub notes: Vec<String>,
}

/// Where the profile is: the flag, else a non-empty `MEDTECH_PROFILE`, else
/// the data folder. The folder is resolved to its real path, but a symlinked
/// profile file is kept as the link: [`Storage`] reads and updates the file
/// it points to, and keeps the lock, backups and draft beside the link, in
/// the data folder, never beside a file it did not create.
pub fn resolve_path(flag: Option<PathBuf>) -> Result<PathBuf, SessionError> {
    let given = flag.or_else(|| {
        std::env::var_os("MEDTECH_PROFILE")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    let path = match given {
        Some(path) => path,
        None => storage::default_path().ok_or(SessionError::NoDataFolder)?,
    };
    if path.is_dir() {
        return Err(SessionError::IsFolder {
            path: shown(&path),
            suggestion: shown(&path.join(storage::PROFILE_FILE)),
        });
    }
    let Some(name) = path.file_name().map(ToOwned::to_owned) else {
        return Err(SessionError::NotAFile(shown(&path)));
    };
    // Resolve the folder it lives in (or will), if that exists.
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    Ok(std::fs::canonicalize(&folder).map_or(path, |real| real.join(name)))
}

/// A path as it may be printed: control characters made harmless.
pub fn shown(path: &Path) -> String {
    storage::shown(path)
}

/// Reads the profile without taking the lock or moving anything: for
/// commands that only look. `Ok(None)` means there is no profile yet.
pub fn open_read_only(path: &Path) -> Result<Option<Profile>, SessionError> {
    storage::load_file(path).map_err(SessionError::Load)
}

/// Takes the lock (or opens read-only beside another copy, or when the
/// lock's state cannot be known), loads the profile and decides what the
/// user sees first. A damaged profile is moved aside so it is never
/// overwritten, unless it is a file linked from outside the data folder:
/// that one is reported and left exactly where it is.
pub fn open(path: PathBuf) -> Result<Session, SessionError> {
    if let Some(file) = file_in_the_way(&path) {
        return Err(SessionError::FolderIsAFile { file: shown(&file) });
    }
    // Before anything is created beside it (the lock): a file that is not
    // a medtech profile is refused as it is.
    let probe = Storage::unlocked(path.clone());
    if std::fs::metadata(probe.path()).is_ok_and(|m| m.is_file()) && !probe.holds_a_profile() {
        return Err(SessionError::NotAProfile(shown(probe.path())));
    }
    let (storage, access) = Storage::open(path);
    let read_only = access == Access::ReadOnly;
    let read_only_reason = read_only_reason(&storage);
    let mut notes = Vec::new();
    if let Some(reason) = storage.read_only_reason() {
        notes.push(format!("opened read-only: {reason}."));
    }
    if !read_only && let Some(note) = storage.guard_folder(is_own_data_folder(&storage)) {
        notes.push(note);
    }
    let start = match storage.load() {
        Ok(Some(profile)) => Start::Resume(profile),
        Ok(None) => without_profile(&storage, read_only, &mut notes)?,
        // Too big to read, with a backup to offer: set aside like damage.
        Err(e @ LoadError::TooBig { .. }) if storage.load_backup().ok().flatten().is_none() => {
            return Err(SessionError::Load(e));
        }
        Err(e @ (LoadError::Corrupt { .. } | LoadError::TooBig { .. })) => {
            if storage.linked_elsewhere() {
                return Err(SessionError::DamagedElsewhere {
                    problem: e.to_string(),
                    link: shown(storage.data_path()),
                });
            }
            // Only a medtech profile is ever set aside.
            if !storage.holds_a_profile() {
                return Err(SessionError::NotAProfile(shown(storage.path())));
            }
            if let Some(reason) = read_only_reason {
                return Err(SessionError::DamagedWhileReadOnly {
                    problem: e.to_string(),
                    reason,
                });
            }
            let moved_to = storage
                .quarantine()
                .map_err(|io| SessionError::CannotSetAside {
                    problem: e.to_string(),
                    why: io.to_string(),
                })?;
            notes.push(format!("{e}\nthe file was moved to {}", shown(&moved_to)));
            let backup = storage.load_backup().ok().flatten();
            Start::Recover(Recovery {
                problem: e.to_string(),
                moved_to: Some(moved_to),
                backup,
            })
        }
        Err(e) => return Err(SessionError::Load(e)),
    };
    Ok(Session {
        storage,
        start,
        read_only,
        read_only_reason,
        notes,
    })
}

/// The file standing where a folder of `path` should be, if one does: the
/// nearest part of the path that exists must be a folder.
fn file_in_the_way(path: &Path) -> Option<PathBuf> {
    let mut folder = path.parent();
    while let Some(dir) = folder.filter(|d| !d.as_os_str().is_empty()) {
        match std::fs::metadata(dir) {
            Ok(metadata) if metadata.is_dir() => return None,
            Ok(_) => return Some(dir.to_owned()),
            Err(_) => folder = dir.parent(),
        }
    }
    None
}

/// Whether the profile sits in medtech's own data folder (not one named
/// by `--profile`), the only folder whose permissions medtech may change.
fn is_own_data_folder(storage: &Storage) -> bool {
    let real_folder = |p: &Path| p.parent().and_then(|d| std::fs::canonicalize(d).ok());
    let Some(own) = storage::default_path() else {
        return false;
    };
    // The usual case, without asking the file system twice.
    own == storage.data_path()
        || real_folder(&own).is_some_and(|own| real_folder(storage.data_path()) == Some(own))
}

/// What the user sees when there is no profile. A readable backup, or a
/// damaged profile moved aside earlier, leads to the recovery screen so
/// nothing is silently left behind.
fn without_profile(
    storage: &Storage,
    read_only: bool,
    notes: &mut Vec<String>,
) -> Result<Start, SessionError> {
    let damaged = storage.latest_damaged();
    let backup = match storage.load_backup() {
        Ok(backup) => backup,
        // Refused unchanged, never set aside: this build cannot read it.
        Err(e @ (LoadError::TooNew { .. } | LoadError::CannotMigrate { .. })) => {
            return Err(SessionError::Load(e));
        }
        Err(e) if !read_only => {
            // Never let a new profile's backup replace a damaged one.
            let moved = storage
                .quarantine_backup()
                .map_err(|io| SessionError::CannotSetAside {
                    problem: e.to_string(),
                    why: io.to_string(),
                })?;
            notes.push(format!("{e}\nthe backup was moved to {}", shown(&moved)));
            None
        }
        Err(_) => None,
    };
    if read_only || (backup.is_none() && damaged.is_none()) {
        return Ok(Start::FirstLaunch);
    }
    Ok(Start::Recover(Recovery {
        problem: format!("{} is missing.", shown(storage.data_path())),
        moved_to: damaged,
        backup,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_refused_with_the_file_to_use_instead() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = resolve_path(Some(dir.path().to_owned())).expect_err("a folder");
        assert!(err.to_string().contains("is a folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_profile_stays_the_link_and_storage_reads_the_real_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "x").expect("real file");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let folder = std::fs::canonicalize(dir.path()).expect("real folder");
        let resolved = resolve_path(Some(link)).expect("resolves");
        assert_eq!(resolved, folder.join("link.ron"));
        let storage = Storage::unlocked(resolved);
        assert_eq!(storage.path(), folder.join("real.ron"));
        assert_eq!(storage.data_path(), folder.join("link.ron"));
        assert!(!storage.linked_elsewhere(), "same folder");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_profile_that_is_not_a_profile_is_left_where_it_is() {
        let data = tempfile::tempdir().expect("data folder");
        let outside = tempfile::tempdir().expect("outside folder");
        let target = outside.path().join("passwd");
        std::fs::write(&target, "root:x:0:0:root:/root:/bin/bash\n").expect("target");
        let link = data.path().join("profile.ron");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let err = open(resolve_path(Some(link.clone())).expect("resolves")).expect_err("refused");
        let message = err.to_string();
        assert!(matches!(err, SessionError::NotAProfile(_)), "{message}");
        assert!(!message.contains("root"), "{message}");
        assert!(message.contains("left where it is"), "{message}");
        let names = |dir: &Path| {
            let mut names: Vec<_> = std::fs::read_dir(dir)
                .expect("list")
                .map(|e| e.expect("entry").file_name())
                .collect();
            names.sort();
            names
        };
        assert_eq!(names(outside.path()), ["passwd"]);
        assert_eq!(
            names(data.path()),
            ["profile.ron"],
            "nothing created beside it"
        );
        assert_eq!(std::fs::read_link(&link).expect("still a link"), target);
    }

    #[test]
    fn a_read_only_open_changes_nothing_on_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("profile.ron");
        std::fs::write(&path, "Profile(version: 2, goal: Mlt, oops").expect("write");
        let err = open_read_only(&path).expect_err("damaged");
        assert!(err.to_string().contains("damaged"), "{err}");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("profile.ron")]);
    }
}
