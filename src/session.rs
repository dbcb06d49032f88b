//! Opening the user's profile: where it is, whether this copy may write it,
//! and what the user sees first. The TUI and every command go through here;
//! [`open_read_only`] has no side effects at all (no lock, nothing moved).

use std::path::{Path, PathBuf};

use crate::profile::Profile;
use crate::storage::{self, Access, LoadError, Storage};
use crate::text::sanitize;

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
    #[error("{0}\nNothing was changed on disk.")]
    Load(LoadError),
    #[error(
        "{problem}\nIt could not be moved aside ({why}), so medtech stops here. Nothing was changed."
    )]
    CannotSetAside { problem: String, why: String },
    #[error("{0}\nAnother medtech has this profile open; close it first. Nothing was changed.")]
    DamagedWhileLocked(LoadError),
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
    /// Another copy holds the lock: nothing is written.
    pub read_only: bool,
    /// What was done on the way in (a file moved aside), for stderr.
    pub notes: Vec<String>,
}

/// Where the profile is: the flag, else a non-empty `MEDTECH_PROFILE`, else
/// the data folder. Symlinks are followed, so the lock, backup and temp files
/// sit beside the real file and a linked profile is updated, not replaced.
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
    if let Ok(real) = std::fs::canonicalize(&path) {
        return Ok(real);
    }
    // Not created yet: resolve the folder it will live in, if that exists.
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    Ok(std::fs::canonicalize(&folder).map_or(path, |real| real.join(name)))
}

/// A path as it may be printed: control characters made harmless.
pub fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string())
}

/// Reads the profile without taking the lock or moving anything: for
/// commands that only look. `Ok(None)` means there is no profile yet.
pub fn open_read_only(path: &Path) -> Result<Option<Profile>, SessionError> {
    storage::load_file(path).map_err(SessionError::Load)
}

/// Takes the lock (or opens read-only beside another copy), loads the
/// profile and decides what the user sees first. A damaged profile is moved
/// aside so it is never overwritten.
pub fn open(path: PathBuf) -> Result<Session, SessionError> {
    let (storage, access) = Storage::open(path);
    let read_only = access == Access::ReadOnly;
    let mut notes = Vec::new();
    let start = match storage.load() {
        Ok(Some(profile)) => Start::Resume(profile),
        Ok(None) => without_profile(&storage, read_only, &mut notes)?,
        Err(e @ LoadError::Corrupt { .. }) => {
            if read_only {
                return Err(SessionError::DamagedWhileLocked(e));
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
        notes,
    })
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
        Err(e @ LoadError::TooNew { .. }) => return Err(SessionError::Load(e)),
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
        problem: format!("{} is missing.", shown(storage.path())),
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
    fn a_symlinked_profile_resolves_to_the_real_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "x").expect("real file");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let resolved = resolve_path(Some(link)).expect("resolves");
        assert_eq!(resolved, std::fs::canonicalize(&real).expect("real path"));
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
