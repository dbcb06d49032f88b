//! Where and how the profile is written: paths, atomic save, backup, lock.
//!
//! The user's file is never overwritten by something this build could not
//! read: a file that fails to parse is moved aside, a file from a newer
//! version is left alone, and every save goes through a synced temp file
//! renamed over the old one, so a kill at any moment leaves either the old or
//! the new profile on disk.

use std::cell::{Cell, RefCell};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::profile::merge::{self, Merged};
use crate::profile::{self, CURRENT_VERSION, DecodeError, Decoded, Profile};
use crate::text::sanitize;

/// What is being typed, as kept on disk until it is saved: a note, or the
/// setup form's answers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The step of the note (empty for the setup form).
    pub step: String,
    /// The note's text.
    pub text: String,
    /// The setup form as typed; a draft without it is a note's (as drafts
    /// were before the form had one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormDraft>,
}

impl Draft {
    pub fn note(step: &str, text: String) -> Draft {
        Draft {
            step: step.to_owned(),
            text,
            form: None,
        }
    }

    pub fn form(form: FormDraft) -> Draft {
        Draft {
            step: String::new(),
            text: String::new(),
            form: Some(form),
        }
    }
}

/// The form as typed, kept on disk while it is open (in the app's
/// `Draft`), so a kill or a signal loses no answer, even one that does not
/// read yet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormDraft {
    /// One per question, in order.
    pub answers: Vec<DraftAnswer>,
    /// The selected question.
    pub cursor: usize,
    pub first_time: bool,
}

/// One answer as typed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DraftAnswer {
    Choice(usize),
    Text(String),
    Areas(Vec<bool>),
}

/// File name of the profile inside the data directory.
pub const PROFILE_FILE: &str = "profile.ron";

/// The largest profile medtech reads. Years of notes fit in well under a
/// megabyte; anything bigger is not a profile, and reading it whole could
/// take seconds and gigabytes.
pub const MAX_PROFILE_BYTES: u64 = 16 * 1024 * 1024;

/// How much of a file's start is read to see whether it is a profile.
const PROBE_BYTES: usize = 4096;

/// How much of a parser's message is quoted: it may hold file content.
const MAX_QUOTED_CHARS: usize = 200;

/// How many backups are kept: `.bak` (the last session), `.bak.1`, `.bak.2`.
pub const BACKUP_GENERATIONS: usize = 3;

/// Why a profile could not be loaded. Nothing on disk has been changed.
/// Every message is safe to print: paths and quoted content are sanitized.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {source}", shown(path))]
    Io { path: PathBuf, source: io::Error },
    /// `message` is already sanitized and short.
    #[error("{} is damaged at line {line}, column {col}: {message}", shown(path))]
    Corrupt {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "{} was written by a newer medtech (profile version {found}; this one reads up to {CURRENT_VERSION}). \
         It was left untouched: update medtech to open it.",
        shown(path)
    )]
    TooNew { path: PathBuf, found: u32 },
    #[error(
        "{} is larger than 16 MB ({size} bytes), far more than any medtech profile: \
         check what the file is, or choose another with --profile.",
        shown(path)
    )]
    TooBig { path: PathBuf, size: u64 },
    #[error(
        "{} is {kind}, not a profile file. It was left where it is: \
         remove it, or choose another file with --profile.",
        shown(path)
    )]
    NotAFile { path: PathBuf, kind: &'static str },
    /// An older profile this build reads but cannot bring up to date
    /// without losing something; `message` is sanitized and short.
    #[error(
        "{} is a version {from} profile that this medtech cannot bring up to date: {message}. \
         It was left untouched: correct it and start medtech again.",
        shown(path)
    )]
    CannotMigrate {
        path: PathBuf,
        from: u32,
        message: String,
    },
}

/// Why a profile could not be saved. The changes are still in memory.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not encode the profile: {0}")]
    Encode(#[from] ron::Error),
    #[error("cannot write {}: {source}", shown(path))]
    Io { path: PathBuf, source: io::Error },
    #[error("this medtech is read-only: nothing is written")]
    ReadOnly,
    #[error(
        "the profile would be {size} bytes, more than the 16 MB medtech reads back, so it was not saved. \
         Shorten the longest notes; the file on disk is unchanged"
    )]
    TooBig { size: u64 },
    /// What would be written does not read back as the same profile.
    #[error(
        "what would be written does not read back ({why}), so it was not saved; the file on disk is unchanged"
    )]
    Unreadable { why: String },
    /// Another program (a sync tool) kept replacing the file while this
    /// copy was saving: nothing was written over it.
    #[error(
        "{} kept changing while medtech was saving, so nothing was written over it; \
         your changes are kept here and saved at the next change",
        shown(path)
    )]
    Changed { path: PathBuf },
    /// Another program changed the file and it does not read (a sync tool
    /// caught half-way): it is left alone, and the changes wait.
    #[error(
        "{} changed on disk and does not read yet ({why}), perhaps half-written by a sync tool: \
         medtech leaves it alone and saves once it reads{kept}",
        file_name(path)
    )]
    Waiting {
        path: PathBuf,
        why: String,
        /// Where a copy of the changes was kept, said as "; your changes
        /// are also in …".
        kept: String,
    },
}

/// A file's name alone, as it may be printed (messages on a small screen).
fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| shown(path), |name| shown(Path::new(name)))
}

/// What a save found: if another program had changed the file since this
/// copy last read or wrote it, what came from it. The caller must take
/// `merged.profile` as its profile from now on.
#[derive(Debug, Default)]
pub struct Saved {
    pub merged: Option<Merged>,
}

/// What identifies a version of the file on disk without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    dev: u64,
    ino: u64,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (dev, ino) = {
            use std::os::unix::fs::MetadataExt;
            (metadata.dev(), metadata.ino())
        };
        #[cfg(not(unix))]
        let (dev, ino) = (0, 0);
        Stamp {
            dev,
            ino,
            len: metadata.len(),
            modified: metadata.modified().ok(),
        }
    }

    /// The file at `path` now; `None` when there is none.
    fn at(path: &Path) -> Option<Stamp> {
        fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }
}

/// A path as it may be printed: control characters made harmless.
pub fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string())
}

/// The default profile path: the platform data directory
/// (`$XDG_DATA_HOME/medtech/profile.ron` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "medtech").map(|d| d.data_dir().join(PROFILE_FILE))
}

/// The profile file, with medtech's own files (lock, backups, draft) in
/// the data folder beside the path it was opened by.
///
/// Usually both are the same file. A profile reached through a symlink
/// into another folder (a dotfiles repository) is read and replaced at its
/// real path, through the link, but nothing else is created beside it, and
/// if it does not read it is never moved: see [`Storage::linked_elsewhere`].
#[derive(Debug)]
pub struct Storage {
    /// The real file: what is read and atomically replaced.
    path: PathBuf,
    /// The path in the data folder (the link, if there is one). The lock,
    /// backups, draft and damaged copies are named after it, beside it.
    data_path: PathBuf,
    /// Held for as long as this copy may write.
    lock: Option<File>,
    /// The profile file itself, opened and locked: the lock that makes one
    /// writer per file, however its path is spelled (a symlink, another
    /// `--profile` to the same file), since a lock belongs to the file's
    /// device and inode. `None` while there is no profile yet; each save
    /// locks the file it is about to rename into place.
    identity: RefCell<Option<File>>,
    /// Why every save is refused, if it is: another copy holds the lock,
    /// or the state of the lock cannot be known, or the file must not be
    /// rewritten (read-only mode bits, hard links).
    read_only: Option<ReadOnly>,
    /// The backup is taken once a session, before the first save, so it
    /// holds the profile as it was when this copy opened it: a slip made
    /// just before quitting never reaches the backup too.
    backed_up: Cell<bool>,
    /// The version the profile was in when loaded; an older one is kept as
    /// `profile.ron.v<N>.bak` before the first save in the new format.
    loaded_version: Cell<Option<u32>>,
    /// The profile as this copy last read or wrote it (migrated or not):
    /// the base of a merge with what another program wrote since.
    base: RefCell<Option<Profile>>,
    /// Whether the file holds `base` as this build writes it (not an older
    /// version, not a merge still to write): a save of the same profile
    /// then writes nothing, so quitting without a change costs no fsync
    /// and no backup.
    base_written: Cell<bool>,
    /// The file as this copy last read or wrote it; `None` when there was
    /// none. A file at the path that differs was changed by another program.
    seen: Cell<Option<Stamp>>,
    /// A changed file that did not read, so it is not read again until it
    /// changes once more.
    unreadable: Cell<Option<Stamp>>,
    /// This session kept its changes in `profile.ron.unsaved` while the
    /// file did not read; a later save removes it.
    kept_unsaved: Cell<bool>,
}

/// What opening the lock found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Another copy holds the lock, or whether one does cannot be known:
    /// [`Storage::read_only_reason`] says which.
    ReadOnly,
}

/// Why a storage refuses every save.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ReadOnly {
    /// Another copy holds the lock (`session::HELD_ELSEWHERE` says so).
    HeldElsewhere,
    /// Anything else, in words ready to print.
    Because(String),
}

/// What [`take_lock`] found.
enum LockState {
    Held(File),
    /// Another copy holds it.
    Busy,
    /// Nobody can tell: a folder or a pipe where the lock should be, a
    /// filesystem without locks.
    Unknown(String),
    /// The lock file cannot be created because its folder cannot be
    /// written; neither can the profile beside it, so saves fail and say why.
    Unwritable,
}

impl Storage {
    /// Takes the lock in the data folder. If another copy holds it, or its
    /// state cannot be known, the storage is read-only and says why. A lock
    /// that cannot be created because the folder cannot be written does not
    /// stop the app: nobody can save there, and saving will report why.
    pub fn open(path: PathBuf) -> (Storage, Access) {
        let mut storage = Storage::unlocked(path);
        let linked = storage.linked_elsewhere();
        match take_lock(&storage.data_path, linked) {
            LockState::Held(file) => storage.lock = Some(file),
            LockState::Busy => storage.read_only = Some(ReadOnly::HeldElsewhere),
            LockState::Unknown(reason) => storage.read_only = Some(ReadOnly::Because(reason)),
            LockState::Unwritable => {}
        }
        if storage.lock.is_some() {
            // The lock beside the path is not enough: another path (a
            // symlink, `--profile` to the real file) reaches the same file,
            // and a deleted lock file lets a second copy take a new one.
            match lock_identity(&storage.path) {
                LockState::Held(file) => *storage.identity.get_mut() = Some(file),
                LockState::Busy => storage.read_only = Some(ReadOnly::HeldElsewhere),
                LockState::Unknown(reason) => {
                    storage.read_only = Some(ReadOnly::Because(reason));
                }
                LockState::Unwritable => {}
            }
        }
        if storage.read_only.is_none() {
            storage.read_only = must_not_rewrite(&storage.path).map(ReadOnly::Because);
        }
        if storage.read_only.is_none() && storage.lock.is_some() {
            storage.remove_stale_temp_files();
        }
        let access = if storage.read_only.is_some() {
            Access::ReadOnly
        } else {
            Access::ReadWrite
        };
        (storage, access)
    }

    /// Storage that never locks; for tests and read-only tools. A symlink
    /// at `path` is followed to the file it names.
    pub fn unlocked(path: PathBuf) -> Storage {
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        // A dangling link resolves to nothing: the first save replaces the
        // link itself, inside the data folder.
        let real = if is_link {
            fs::canonicalize(&path).unwrap_or_else(|_| path.clone())
        } else {
            path.clone()
        };
        Storage {
            path: real,
            data_path: path,
            lock: None,
            identity: RefCell::new(None),
            read_only: None,
            backed_up: Cell::new(false),
            loaded_version: Cell::new(None),
            base: RefCell::new(None),
            base_written: Cell::new(false),
            seen: Cell::new(None),
            unreadable: Cell::new(None),
            kept_unsaved: Cell::new(false),
        }
    }

    /// The real profile file (a symlink's target).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The profile's path in the data folder, as it was opened: medtech's
    /// own files are named after it, beside it.
    pub fn data_path(&self) -> &Path {
        &self.data_path
    }

    /// Whether the profile is a symlink to a file in another folder. Such a
    /// file is updated through the link when it reads as a profile, but is
    /// never moved aside: medtech did not create it and it may not even be
    /// a profile (`profile.ron -> /etc/passwd`).
    pub fn linked_elsewhere(&self) -> bool {
        let folder = |p: &Path| fs::canonicalize(parent(p)).ok();
        self.path != self.data_path && folder(&self.path) != folder(&self.data_path)
    }

    /// The newest backup, `profile.ron.bak`.
    pub fn backup_path(&self) -> PathBuf {
        with_suffix(&self.data_path, ".bak")
    }

    /// Every backup generation, newest first: `.bak`, `.bak.1`, `.bak.2`.
    pub fn backup_paths(&self) -> Vec<PathBuf> {
        (0..BACKUP_GENERATIONS)
            .map(|n| match n {
                0 => self.backup_path(),
                n => with_suffix(&self.data_path, &format!(".bak.{n}")),
            })
            .collect()
    }

    /// Where the lock is: `profile.lock` in the data folder.
    pub fn lock_path(&self) -> PathBuf {
        lock_path(&self.data_path)
    }

    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Whether another copy holds the lock on this profile.
    pub fn held_elsewhere(&self) -> bool {
        self.read_only == Some(ReadOnly::HeldElsewhere)
    }

    /// Why this copy is read-only, ready to print, when it is not simply
    /// that another copy holds the lock ([`Storage::held_elsewhere`]).
    pub fn read_only_reason(&self) -> Option<&str> {
        match &self.read_only {
            Some(ReadOnly::Because(why)) => Some(why),
            _ => None,
        }
    }

    /// Keeps the data folder private. medtech's own folder (`own`) left open
    /// to others (0777, 0755) is made 0700; a folder medtech does not own,
    /// such as the one of `--profile /tmp/x.ron`, is never changed, but if
    /// others may write in it the returned note says it is shared.
    pub fn guard_folder(&self, own: bool) -> Option<String> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let folder = parent(&self.data_path);
            let metadata = fs::metadata(folder).ok()?;
            // A file where the folder should be is not a folder to guard
            // (and never chmod-ed): the session refuses it before this.
            if !metadata.is_dir() {
                return None;
            }
            let mode = metadata.permissions().mode() & 0o7777;
            let open_to_others = mode & 0o077 != 0;
            if own {
                if !open_to_others {
                    return None;
                }
                return Some(
                    match fs::set_permissions(folder, fs::Permissions::from_mode(0o700)) {
                        Ok(()) => format!(
                            "{} was open to other users (mode {mode:04o}); it is now private to you (0700).",
                            shown(folder)
                        ),
                        Err(e) => format!(
                            "{} is open to other users (mode {mode:04o}) and could not be made private: {e}",
                            shown(folder)
                        ),
                    },
                );
            }
            if mode & 0o022 == 0 {
                return None;
            }
            // With the sticky bit (like /tmp) others cannot remove or
            // rename your files; without it they can.
            let risk = if mode & 0o1000 == 0 {
                "others can delete or replace it"
            } else {
                "others can see its name"
            };
            Some(format!(
                "{} is shared with other users (mode {mode:04o}), so medtech leaves its permissions alone. \
                 Your profile stays private to you (0600), but {risk}.",
                shown(folder)
            ))
        }
        #[cfg(not(unix))]
        {
            let _ = own;
            None
        }
    }

    /// Reads the profile. `Ok(None)` means there is none yet (first launch).
    pub fn load(&self) -> Result<Option<Profile>, LoadError> {
        // Before reading: a change in between is then seen as a change.
        let stamp = Stamp::at(&self.path);
        let decoded = load_file_versioned(&self.path)?;
        self.seen.set(stamp);
        *self.base.borrow_mut() = decoded.as_ref().map(|d| d.profile.clone());
        self.loaded_version
            .set(decoded.as_ref().map(|d| d.from_version));
        // A migrated file is not what this build would write: it is saved
        // (and its old bytes kept) even if nothing else changes.
        self.base_written.set(
            decoded
                .as_ref()
                .is_some_and(|d| d.from_version == CURRENT_VERSION),
        );
        Ok(decoded.map(|d| d.profile))
    }

    /// Where the bytes of an older version are kept before the first save
    /// in the current format: `profile.ron.v1.bak`.
    pub fn version_backup_path(&self, version: u32) -> PathBuf {
        with_suffix(&self.data_path, &format!(".v{version}.bak"))
    }

    /// Reads the newest backup that can be read. `Ok(None)` when there is
    /// none; an error only when no generation reads (the newest error), or
    /// when a newer medtech wrote one before any readable one.
    pub fn load_backup(&self) -> Result<Option<Profile>, LoadError> {
        let mut first_error = None;
        for path in self.backup_paths() {
            match load_file(&path) {
                Ok(Some(profile)) => return Ok(Some(profile)),
                Ok(None) => {}
                Err(e @ (LoadError::TooNew { .. } | LoadError::CannotMigrate { .. })) => {
                    return Err(e);
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        first_error.map_or(Ok(None), Err)
    }

    /// The most recent damaged profile moved aside by [`Storage::quarantine`].
    pub fn latest_damaged(&self) -> Option<PathBuf> {
        let prefix = format!("{}.corrupt-", self.data_path.file_name()?.to_string_lossy());
        self.damaged_files()
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
            })
            // The UTC timestamp in the name sorts by when it was moved.
            .max_by(|a, b| a.file_name().cmp(&b.file_name()))
    }

    /// Every damaged profile and backup set aside beside this profile:
    /// `profile.ron.corrupt-<time>` and `profile.ron.bak*.corrupt-<time>`.
    pub fn damaged_files(&self) -> Vec<PathBuf> {
        let Some(name) = self.data_path.file_name() else {
            return Vec::new();
        };
        let name = name.to_string_lossy();
        let profile = format!("{name}.corrupt-");
        let backup = format!("{name}.bak");
        let Ok(entries) = fs::read_dir(parent(&self.data_path)) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| {
                let n = e.file_name();
                let n = n.to_string_lossy();
                n.starts_with(&profile) || (n.starts_with(&backup) && n.contains(".corrupt-"))
            })
            .map(|e| e.path())
            .collect();
        found.sort();
        found
    }

    /// Moves an unreadable profile aside as `profile.ron.corrupt-<time>`, so
    /// it is never overwritten, and returns where it now is. A file linked
    /// from another folder is refused: it stays exactly where it is.
    pub fn quarantine(&self) -> io::Result<PathBuf> {
        if self.linked_elsewhere() {
            return Err(io::Error::other(format!(
                "{} is outside the data folder; medtech never moves it",
                shown(&self.path)
            )));
        }
        let moved = set_aside(&self.path, "corrupt")?;
        // The locked file is gone from the path: the next save creates one.
        self.identity.replace(None);
        Ok(moved)
    }

    /// Whether the file at the profile's path is a medtech profile, damaged
    /// or not: its start names a profile version. A file that does not
    /// (`~/.profile`, a photo, an empty file) was not written by medtech,
    /// and is never moved or replaced.
    pub fn holds_a_profile(&self) -> bool {
        let Ok(file) = open_nonblocking(OpenOptions::new().read(true), &self.path) else {
            return false;
        };
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return false;
        }
        let mut start = Vec::with_capacity(PROBE_BYTES);
        if file
            .take(PROBE_BYTES as u64)
            .read_to_end(&mut start)
            .is_err()
        {
            return false;
        }
        profile::names_a_version(&String::from_utf8_lossy(&start))
    }

    /// Moves every backup aside as `profile.ron.bak-<time>` (and
    /// `.bak.1-<time>`, ...), so a new profile started in its place can never
    /// rotate it away. Returns where the newest went.
    pub fn archive_backup(&self) -> io::Result<Option<PathBuf>> {
        let mut newest = None;
        for backup in self.backup_paths() {
            if fs::symlink_metadata(&backup).is_ok() {
                let moved = set_aside(&backup, "")?;
                newest.get_or_insert(moved);
            }
        }
        Ok(newest)
    }

    /// Moves every backup that cannot be read aside as
    /// `profile.ron.bak.corrupt-<time>`; returns where the newest went.
    pub fn quarantine_backup(&self) -> io::Result<PathBuf> {
        let mut newest = None;
        for backup in self.backup_paths() {
            if fs::symlink_metadata(&backup).is_ok() && load_file(&backup).is_err() {
                let moved = set_aside(&backup, "corrupt")?;
                newest.get_or_insert(moved);
            }
        }
        newest.ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no damaged backup"))
    }

    /// Writes the profile atomically, keeping the previous one as `.bak`.
    ///
    /// If another program changed the file since this copy last read or
    /// wrote it (a sync tool bringing the other computer's version), the
    /// two are merged and the merge is written: [`Saved::merged`] says
    /// what came from it, and the caller takes the merged profile. A
    /// changed file that does not read is never written over: the save
    /// fails with [`SaveError::Waiting`] and the changes are kept in
    /// `profile.ron.unsaved` until a save works.
    pub fn save(&self, profile: &Profile) -> Result<Saved, SaveError> {
        if self.is_read_only() {
            return Err(SaveError::ReadOnly);
        }
        for _ in 0..3 {
            let (text_for, merged, expected) = match self.external() {
                Ok(Some((theirs, stamp))) => {
                    let merged = self.merge_with(profile, &theirs);
                    if same_record(&merged.profile, &theirs.profile) {
                        // Nothing of ours to add: take theirs as it is.
                        self.adopt(theirs, stamp);
                        self.forget_unsaved();
                        return Ok(Saved {
                            merged: Some(merged),
                        });
                    }
                    // What was on disk is no longer: the merge is written
                    // even if it is what this copy wrote before.
                    self.base_written.set(false);
                    (merged.profile.clone(), Some(merged), stamp)
                }
                Ok(None) => (profile.clone(), None, Stamp::at(&self.path)),
                Err(e) => return Err(self.keep_unsaved(profile, e)),
            };
            // `false`: replaced again while writing; merge once more.
            if self.write(&text_for, expected)? {
                self.forget_unsaved();
                return Ok(Saved { merged });
            }
        }
        Err(SaveError::Changed {
            path: self.path.clone(),
        })
    }

    /// The file on disk did not read when last looked at (a sync tool
    /// caught half-way), and has not changed since: saves wait for it.
    pub fn waits_on_unreadable(&self) -> bool {
        self.unreadable.get().is_some() && Stamp::at(&self.path) == self.unreadable.get()
    }

    /// The person chose to keep their version over a file that does not
    /// read: it is set aside as `profile.ron.corrupt-<time>` beside the
    /// profile (renamed, never deleted) and `profile` saved in its place.
    /// Returns where the unreadable file went; `Ok(None)` when the file
    /// reads again (nothing is set aside: the caller saves, which merges).
    pub fn keep_mine(&self, profile: &Profile) -> Result<Option<PathBuf>, SaveError> {
        if self.is_read_only() {
            return Err(SaveError::ReadOnly);
        }
        if !matches!(
            load_file_versioned(&self.path),
            Err(LoadError::Corrupt { .. })
        ) {
            // It reads now, is gone, or cannot be opened: nothing to set aside.
            self.unreadable.set(None);
            return Ok(None);
        }
        let moved = self.quarantine().map_err(|source| SaveError::Io {
            path: self.path.clone(),
            source,
        })?;
        // No file at the path now: this copy's version is written as new.
        self.unreadable.set(None);
        self.seen.set(None);
        self.base_written.set(false);
        self.save(profile)?;
        Ok(Some(moved))
    }

    /// While idle: if another program changed the file, reads it and
    /// merges it with `ours`. With nothing of ours pending that is a
    /// reload and nothing is written; otherwise (a writer with changes
    /// the file lacks) it is a save. `Ok(None)`: nothing changed. A file
    /// that does not read is reported once, and left alone.
    pub fn refresh(&self, ours: &Profile) -> Result<Option<Merged>, SaveError> {
        if !self.changed_on_disk() {
            return Ok(None);
        }
        let Some((theirs, stamp)) = self.external()? else {
            return Ok(None);
        };
        let merged = self.merge_with(ours, &theirs);
        let writer = !self.is_read_only() && self.lock.is_some();
        if writer && !same_record(&merged.profile, &theirs.profile) {
            // Changes of ours the file lacks: save them with theirs.
            return self.save(ours).map(|saved| saved.merged);
        }
        self.adopt(theirs, stamp);
        Ok(Some(merged))
    }

    /// A cheap look (one `stat`): whether the file at the path is not the
    /// one this copy last read or wrote, and not one already found
    /// unreadable. A file that is gone is no change to take in.
    pub fn changed_on_disk(&self) -> bool {
        let now = Stamp::at(&self.path);
        now.is_some() && now != self.seen.get() && now != self.unreadable.get()
    }

    /// The file at the path, if another program changed it since this copy
    /// last read or wrote it (size, time, identity, then content), read.
    /// Only a writer holding the lock, or a read-only copy, looks: storage
    /// without a lock (tests, tools) writes as told.
    fn external(&self) -> Result<Option<(Decoded, Option<Stamp>)>, SaveError> {
        if self.lock.is_none() && !self.is_read_only() {
            return Ok(None);
        }
        let now = Stamp::at(&self.path);
        if now.is_none() || now == self.seen.get() {
            // Unchanged, or gone: nothing of theirs to lose.
            return Ok(None);
        }
        let waiting = |why: String| SaveError::Waiting {
            path: self.path.clone(),
            why,
            kept: String::new(),
        };
        let decoded = match load_file_versioned(&self.path) {
            Ok(Some(decoded)) => decoded,
            Ok(None) => return Ok(None),
            Err(e) => {
                self.unreadable.set(now);
                return Err(waiting(match e {
                    LoadError::Corrupt { line, col, .. } => format!("line {line}, column {col}"),
                    other => other.to_string(),
                }));
            }
        };
        self.unreadable.set(None);
        // Touched or rewritten as it was: no change after all.
        if self.base.borrow().as_ref() == Some(&decoded.profile) {
            self.seen.set(now);
            return Ok(None);
        }
        Ok(Some((decoded, now)))
    }

    /// Merges `ours` with the file's profile, on the base this copy last
    /// read or wrote (none if there was no file then).
    fn merge_with(&self, ours: &Profile, theirs: &Decoded) -> Merged {
        match &*self.base.borrow() {
            Some(base) => merge::merge(base, ours, &theirs.profile),
            None => merge::merge_without_base(ours, &theirs.profile),
        }
    }

    /// Takes the file as it is as what is on disk, and locks it so a second
    /// copy on this computer still opens read-only.
    fn adopt(&self, theirs: Decoded, stamp: Option<Stamp>) {
        if self.lock.is_some()
            && let LockState::Held(file) = lock_identity(&self.path)
        {
            self.identity.replace(Some(file));
        }
        self.base_written
            .set(theirs.from_version == CURRENT_VERSION);
        *self.base.borrow_mut() = Some(theirs.profile);
        self.seen.set(stamp);
    }

    /// Keeps the changes that could not be saved in `profile.ron.unsaved`,
    /// and says so in the error.
    fn keep_unsaved(&self, profile: &Profile, error: SaveError) -> SaveError {
        let SaveError::Waiting { path, why, .. } = error else {
            return error;
        };
        let kept = match self.write_unsaved(profile) {
            Ok(()) => {
                self.kept_unsaved.set(true);
                format!(
                    "; your changes are also in {}",
                    file_name(&self.unsaved_path())
                )
            }
            Err(_) => String::new(),
        };
        SaveError::Waiting { path, why, kept }
    }

    /// Where changes that could not be saved are kept: `profile.ron.unsaved`.
    pub fn unsaved_path(&self) -> PathBuf {
        with_suffix(&self.data_path, ".unsaved")
    }

    fn write_unsaved(&self, profile: &Profile) -> Result<(), SaveError> {
        let text = profile.to_ron()?;
        self.write_beside(&self.unsaved_path(), &text, true)
    }

    /// Writes a file of medtech's own beside the profile (the draft, the
    /// unsaved copy) whole: a temp file renamed over it, synced first when
    /// `sync`.
    fn write_beside(&self, path: &Path, text: &str, sync: bool) -> Result<(), SaveError> {
        let io_err = |source| SaveError::Io {
            path: path.to_owned(),
            source,
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(&temp_prefix(&self.data_path))
            .suffix(".tmp")
            .tempfile_in(parent(&self.data_path))
            .map_err(io_err)?;
        tmp.write_all(text.as_bytes()).map_err(io_err)?;
        if sync {
            tmp.as_file().sync_all().map_err(io_err)?;
        }
        tmp.persist(path).map_err(|e| io_err(e.error))?;
        Ok(())
    }

    /// A save worked: the copy of this session's unsaved changes is no
    /// longer needed (one from an earlier session is left to be offered).
    fn forget_unsaved(&self) {
        if self.kept_unsaved.replace(false) {
            let _ = fs::remove_file(self.unsaved_path());
        }
    }

    /// Files a sync tool (or an earlier medtech) left beside the profile
    /// that may hold changes: Syncthing's `profile.sync-conflict-*.ron`,
    /// Dropbox's `profile (… conflicted copy …).ron`, `profile.ron.orig`
    /// and `profile.ron.unsaved`. Ones already merged
    /// (`….merged-<time>`) are not.
    pub fn conflict_copies(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut folders = vec![&self.data_path];
        if parent(&self.path) != parent(&self.data_path) {
            folders.push(&self.path);
        }
        for profile in folders {
            let (Some(name), Some(stem)) = (profile.file_name(), profile.file_stem()) else {
                continue;
            };
            let (name, stem) = (name.to_string_lossy(), stem.to_string_lossy());
            let Ok(entries) = fs::read_dir(parent(profile)) else {
                continue;
            };
            for entry in entries.flatten() {
                let file = entry.file_name();
                let file = file.to_string_lossy();
                let copy = file.starts_with(&format!("{stem}.sync-conflict-"))
                    || (file.starts_with(&format!("{stem} (")) && file.contains("conflicted copy"))
                    || *file == format!("{name}.orig")
                    || *file == format!("{name}.unsaved");
                if copy
                    && !file.contains(".merged-")
                    && entry.file_type().is_ok_and(|t| t.is_file())
                {
                    found.push(entry.path());
                }
            }
        }
        found.sort();
        found
    }

    /// Sets a merged conflict copy aside as `<name>.merged-<time>`, so it
    /// is not offered again.
    pub fn set_merged_aside(&self, copy: &Path) -> io::Result<PathBuf> {
        set_aside(copy, "merged")
    }

    /// Writes `profile`, unless the file changed from `expected` while it
    /// was being written (`Ok(false)`: merge again).
    fn write(&self, profile: &Profile, expected: Option<Stamp>) -> Result<bool, SaveError> {
        if self.base_written.get()
            && self.base.borrow().as_ref() == Some(profile)
            && self.path.exists()
        {
            return Ok(true);
        }
        let text = profile.to_ron()?;
        // Never write what the loader would refuse as too big.
        if text.len() as u64 > MAX_PROFILE_BYTES {
            return Err(SaveError::TooBig {
                size: text.len() as u64,
            });
        }
        let io_err = |source| SaveError::Io {
            path: self.path.clone(),
            source,
        };
        ensure_dir(&self.path).map_err(io_err)?;
        let dir = parent(&self.path);
        let mut tmp = tempfile::Builder::new()
            .prefix(&temp_prefix(&self.path))
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(io_err)?;
        tmp.write_all(text.as_bytes()).map_err(io_err)?;
        tmp.as_file().sync_all().map_err(io_err)?;
        // Never write what this build cannot read: the bytes on disk are
        // read back by the loader and must be the same profile.
        self.read_back(tmp.path(), profile)?;
        if self.lock.is_some() {
            // The file about to take the path is locked first, so the lock
            // stays on the profile, whatever inode it now is.
            tmp.as_file().try_lock().map_err(|e| {
                io_err(match e {
                    TryLockError::Error(e) => e,
                    TryLockError::WouldBlock => io::Error::other("the new file is locked"),
                })
            })?;
            // The last look before the rename: a file replaced since the
            // merge is merged again, never written over.
            if Stamp::at(&self.path) != expected {
                return Ok(false);
            }
        }
        if let Some(old) = self.loaded_version.get().filter(|v| *v < CURRENT_VERSION)
            && self.path.exists()
        {
            self.keep_version_backup(old).map_err(io_err)?;
            self.loaded_version.set(Some(CURRENT_VERSION));
        }
        if !self.backed_up.get() && self.path.exists() {
            self.keep_backup().map_err(io_err)?;
            self.backed_up.set(true);
        }
        let file = tmp.persist(&self.path).map_err(|e| io_err(e.error))?;
        self.seen.set(file.metadata().ok().map(|m| Stamp::of(&m)));
        if self.lock.is_some() {
            // The old file's lock is released only now that the new, locked
            // file has its name.
            self.identity.replace(Some(file));
        }
        sync_dir(dir).map_err(io_err)?;
        *self.base.borrow_mut() = Some(profile.clone());
        self.base_written.set(true);
        Ok(true)
    }

    /// The loader's reading of the file at `written` must be `profile`.
    fn read_back(&self, written: &Path, profile: &Profile) -> Result<(), SaveError> {
        // Errors name the profile, never the temp file.
        let read = read_capped(written)
            .map_err(|e| SaveError::Unreadable {
                why: match e {
                    LoadError::TooBig { size, .. } => format!("{size} bytes"),
                    LoadError::Io { source, .. } => source.to_string(),
                    other => other.to_string(),
                },
            })?
            .ok_or_else(|| SaveError::Unreadable {
                why: "the file vanished".to_owned(),
            })?;
        match decode_bytes(read, &self.path) {
            Ok(decoded) if decoded.profile == *profile => Ok(()),
            Ok(_) => Err(SaveError::Unreadable {
                why: "it reads as a different profile".to_owned(),
            }),
            Err(e) => Err(SaveError::Unreadable { why: e.to_string() }),
        }
    }

    /// Copies the file as it was in an older version, never over an earlier
    /// copy of that version.
    fn keep_version_backup(&self, version: u32) -> io::Result<()> {
        let target = self.version_backup_path(version);
        let staging = with_suffix(&self.data_path, ".vbak.tmp");
        regular_file(&self.path)?;
        fs::copy(&self.path, &staging)?;
        set_private(&staging)?;
        File::open(&staging)?.sync_all()?;
        if target.exists() {
            set_aside(&target, "")?;
        }
        fs::rename(&staging, &target)?;
        sync_dir(parent(&self.data_path))
    }

    /// Where a note being written is kept until it is saved:
    /// `profile.ron.draft`.
    pub fn draft_path(&self) -> PathBuf {
        with_suffix(&self.data_path, ".draft")
    }

    /// Keeps the note being written on disk. Written on every change to
    /// the text, so it is renamed into place but not synced: it must survive
    /// the app being killed, and a process kill does not lose the page cache.
    pub fn save_draft(&self, draft: &Draft) -> Result<(), SaveError> {
        if self.is_read_only() {
            return Err(SaveError::ReadOnly);
        }
        let text = ron::ser::to_string_pretty(draft, ron::ser::PrettyConfig::new().new_line("\n"))?;
        ensure_dir(&self.data_path).map_err(|source| SaveError::Io {
            path: self.draft_path(),
            source,
        })?;
        self.write_beside(&self.draft_path(), &text, false)
    }

    /// A draft a crash left behind, if it can be read.
    pub fn load_draft(&self) -> Option<Draft> {
        let bytes = read_capped(&self.draft_path()).ok()??;
        ron::from_str(std::str::from_utf8(&bytes).ok()?).ok()
    }

    pub fn remove_draft(&self) {
        if !self.is_read_only() {
            let _ = fs::remove_file(self.draft_path());
        }
    }

    /// Makes `.bak` a copy of the current profile, after moving the older
    /// generations down (`.bak` to `.bak.1`, `.bak.1` to `.bak.2`; the
    /// oldest is dropped), without ever leaving the profile itself missing.
    /// A kill between two renames leaves every copy under some name, and
    /// [`Storage::load_backup`] falls back to the next generation.
    fn keep_backup(&self) -> io::Result<()> {
        regular_file(&self.path)?;
        let staging = with_suffix(&self.data_path, ".bak.tmp");
        let _ = fs::remove_file(&staging);
        // A private copy, not a hard link: a link would share the old
        // file's mode (0644, even 000) with the backup.
        fs::copy(&self.path, &staging)?;
        set_private(&staging)?;
        File::open(&staging)?.sync_all()?;
        let generations = self.backup_paths();
        for pair in generations.windows(2).rev() {
            if fs::symlink_metadata(&pair[0]).is_ok() {
                fs::rename(&pair[0], &pair[1])?;
            }
        }
        fs::rename(&staging, &generations[0])?;
        sync_dir(parent(&self.data_path))
    }

    /// Removes temp files a killed save or draft left behind. Only the lock
    /// holder may: another copy could be mid-save. Beside a file linked from
    /// another folder nothing is removed: those files might not be ours.
    fn remove_stale_temp_files(&self) {
        remove_stale_temp_files(&self.data_path);
        if self.path != self.data_path && !self.linked_elsewhere() {
            remove_stale_temp_files(&self.path);
        }
    }
}

/// Reads and parses a profile file, migrating older versions.
pub fn load_file(path: &Path) -> Result<Option<Profile>, LoadError> {
    load_file_versioned(path).map(|d| d.map(|d| d.profile))
}

/// Reads and parses a profile file, saying which version it was in.
pub fn load_file_versioned(path: &Path) -> Result<Option<Decoded>, LoadError> {
    let Some(bytes) = read_capped(path)? else {
        return Ok(None);
    };
    decode_bytes(bytes, path).map(Some)
}

/// Decodes the bytes of a profile file read from `path`.
fn decode_bytes(bytes: Vec<u8>, path: &Path) -> Result<Decoded, LoadError> {
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(LoadError::Corrupt {
            path: path.to_owned(),
            line: 1,
            col: 1,
            message: "the file is not text (invalid UTF-8)".to_owned(),
        });
    };
    parse_versioned(&text, path)
}

/// Reads a whole regular file of at most [`MAX_PROFILE_BYTES`]. `Ok(None)`
/// means there is no file. Never blocks: a FIFO, a device or a socket is
/// named for what it is instead of being opened for reading.
fn read_capped(path: &Path) -> Result<Option<Vec<u8>>, LoadError> {
    let io_err = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        // A missing file, or a folder that is not a folder, means there is no
        // profile yet; saving will say why it cannot create one.
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(io_err(e)),
    };
    let check = |metadata: &fs::Metadata| {
        if !metadata.is_file() {
            return Err(LoadError::NotAFile {
                path: path.to_owned(),
                kind: kind_of(metadata),
            });
        }
        if metadata.len() > MAX_PROFILE_BYTES {
            return Err(LoadError::TooBig {
                path: path.to_owned(),
                size: metadata.len(),
            });
        }
        Ok(())
    };
    check(&metadata)?;
    // Non-blocking, in case the file was swapped for a FIFO since the check;
    // the open file is checked again, then read no further than the cap.
    let file = open_nonblocking(OpenOptions::new().read(true), path).map_err(io_err)?;
    let metadata = file.metadata().map_err(io_err)?;
    check(&metadata)?;
    // Room for the whole file (at most the cap, checked above), so it is
    // read in one call rather than in growing pieces.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0) + 1);
    file.take(MAX_PROFILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > MAX_PROFILE_BYTES {
        return Err(LoadError::TooBig {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    Ok(Some(bytes))
}

/// What a file that is not a regular file is, for a message.
fn kind_of(metadata: &fs::Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_symlink() {
        return "a symbolic link";
    }
    "not a regular file"
}

/// Fails unless `path` is a regular file, so copying it cannot block.
fn regular_file(path: &Path) -> io::Result<()> {
    let metadata = fs::metadata(path)?;
    if metadata.is_file() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "{} is {}",
            shown(path),
            kind_of(&metadata)
        )))
    }
}

/// Opens without waiting for the other end of a FIFO.
fn open_nonblocking(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// At most `max` characters of `text`, cut with "…": the quoting limit
/// counts characters, zero-width ones too, not columns.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Parses profile text of any known version, migrating older ones.
pub fn parse(text: &str, path: &Path) -> Result<Profile, LoadError> {
    parse_versioned(text, path).map(|d| d.profile)
}

/// Parses profile text and says which version it was written in. The
/// parser's message is sanitized and cut short, as it may quote the file;
/// text that does not even start like a profile is not quoted at all.
pub fn parse_versioned(text: &str, path: &Path) -> Result<Decoded, LoadError> {
    let damaged = |line, col, message: &str| LoadError::Corrupt {
        path: path.to_owned(),
        line,
        col,
        message: cut(&sanitize(message), MAX_QUOTED_CHARS),
    };
    if let Err((line, col)) = starts_like_a_profile(text) {
        return Err(damaged(
            line,
            col,
            "this is not a medtech profile (a profile starts with `Profile(`)",
        ));
    }
    profile::decode(text).map_err(|e| match e {
        // The line itself, so a hand edit gone wrong is seen at once; not
        // for the checks that name no place of their own (line 1, column 1).
        DecodeError::Damaged { line, col, message } => match text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_start_matches('\u{FEFF}').trim())
            .filter(|l| !l.is_empty() && (line, col) != (1, 1))
        {
            Some(reads) => {
                // Both parts together stay within the quoting limit.
                let reads = cut(&sanitize(reads), 60);
                let room = MAX_QUOTED_CHARS - reads.chars().count() - 20;
                LoadError::Corrupt {
                    path: path.to_owned(),
                    line,
                    col,
                    message: format!(
                        "{} (the line reads `{reads}`)",
                        cut(&sanitize(&message), room)
                    ),
                }
            }
            None => damaged(line, col, &message),
        },
        DecodeError::TooNew { found } => LoadError::TooNew {
            path: path.to_owned(),
            found,
        },
        DecodeError::CannotMigrate { from, message } => LoadError::CannotMigrate {
            path: path.to_owned(),
            from,
            message: cut(&sanitize(&message), MAX_QUOTED_CHARS),
        },
    })
}

/// Checks that the text, past a byte-order mark, blank space, comments and
/// `#![enable(...)]` attributes, opens with `Profile(` or `(`. Empty text
/// passes, for the decoder to call it empty. Otherwise gives the line and
/// column where something else begins.
fn starts_like_a_profile(text: &str) -> Result<(), (usize, usize)> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut rest = body;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.find('\n').map_or("", |n| &after[n..]);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |n| &after[n + 2..]);
        } else if let Some(after) = rest.strip_prefix("#!") {
            rest = after.find(']').map_or("", |n| &after[n + 1..]);
        } else {
            break;
        }
    }
    let opens = rest.is_empty()
        || rest.starts_with('(')
        || rest
            .strip_prefix("Profile")
            .is_some_and(|after| after.trim_start().starts_with('('));
    if opens {
        return Ok(());
    }
    let before = &body[..body.len() - rest.len()];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Err((line, col))
}

/// Renames `path` to `path.<kind>-<UTC time>` (or `path-<time>` with no
/// kind), never over an existing file.
fn set_aside(path: &Path, kind: &str) -> io::Result<PathBuf> {
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let base = if kind.is_empty() {
        format!("-{stamp}")
    } else {
        format!(".{kind}-{stamp}")
    };
    let mut target = with_suffix(path, &base);
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = with_suffix(path, &format!("{base}-{n}"));
    }
    fs::rename(path, &target)?;
    sync_dir(parent(path))?;
    Ok(target)
}

/// Temp files of this profile's saves: `.profile.ron.XXXXXX.tmp`.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "profile".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.")
}

/// Removes temp files a killed save of this profile left behind. Only the
/// lock holder may: another copy could be mid-save.
fn remove_stale_temp_files(path: &Path) {
    let Ok(entries) = fs::read_dir(parent(path)) else {
        return;
    };
    let prefix = temp_prefix(path);
    let staging = with_suffix(path, ".bak.tmp");
    let version_staging = with_suffix(path, ".vbak.tmp");
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = (name.starts_with(&prefix) && name.ends_with(".tmp"))
            || entry.path() == staging
            || entry.path() == version_staging;
        if ours {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn lock_path(data_path: &Path) -> PathBuf {
    data_path.with_file_name(lock_name(data_path))
}

/// Tries to take the lock beside `data_path`, and tells what it found.
/// `linked` is true when the profile lives in another folder: then a lock
/// that cannot be created no longer means the profile cannot be written.
fn take_lock(data_path: &Path, linked: bool) -> LockState {
    let lock_path = lock_path(data_path);
    let unknown = |why: String| {
        LockState::Unknown(format!(
            "{why}, so whether another medtech is writing cannot be known"
        ))
    };
    if let Err(e) = ensure_dir(data_path) {
        return if linked {
            unknown(format!(
                "the lock file {} cannot be created ({e})",
                shown(&lock_path)
            ))
        } else {
            LockState::Unwritable
        };
    }
    let existed = match fs::symlink_metadata(&lock_path) {
        Ok(metadata) if metadata.is_file() => true,
        Ok(metadata) => {
            return unknown(format!(
                "{} is {}, not a lock file (remove it to make changes)",
                shown(&lock_path),
                kind_of(&metadata)
            ));
        }
        Err(_) => false,
    };
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = match open_nonblocking(&mut options, &lock_path) {
        Ok(file) => file,
        // The folder cannot be written, and so neither can the profile in it.
        Err(_) if !existed && !linked => return LockState::Unwritable,
        Err(e) => {
            return unknown(format!(
                "the lock file {} cannot be opened ({e})",
                shown(&lock_path)
            ));
        }
    };
    match file.metadata() {
        Ok(metadata) if metadata.is_file() => {}
        Ok(metadata) => {
            return unknown(format!(
                "{} is {}, not a lock file (remove it to make changes)",
                shown(&lock_path),
                kind_of(&metadata)
            ));
        }
        Err(e) => return unknown(format!("the lock file cannot be checked ({e})")),
    }
    match file.try_lock() {
        Ok(()) => LockState::Held(file),
        Err(TryLockError::WouldBlock) => LockState::Busy,
        Err(TryLockError::Error(e)) => unknown(format!(
            "the folder of {} does not support file locks ({e})",
            shown(&lock_path)
        )),
    }
}

/// Opens and locks the profile file itself (through any symlink), and
/// checks that the file locked is still the one at the path: a save by
/// another copy may have renamed a new file into place in between.
fn lock_identity(path: &Path) -> LockState {
    let unknown = |why: String| {
        LockState::Unknown(format!(
            "{why}, so whether another medtech is writing cannot be known"
        ))
    };
    for _ in 0..3 {
        let file = match open_nonblocking(OpenOptions::new().read(true), path) {
            Ok(file) => file,
            // No profile yet: the first save locks the file it creates.
            Err(e) if e.kind() == io::ErrorKind::NotFound => return LockState::Unwritable,
            // Loading says what is wrong with it.
            Err(_) => return LockState::Unwritable,
        };
        match file.metadata() {
            Ok(metadata) if metadata.is_file() => {}
            _ => return LockState::Unwritable,
        }
        let file = match file.try_lock() {
            Ok(()) => file,
            Err(TryLockError::WouldBlock) => return LockState::Busy,
            // Some file systems (NFS) lock only files open for writing.
            // Opening for writing changes nothing in the file.
            Err(TryLockError::Error(e)) => {
                match open_nonblocking(OpenOptions::new().read(true).write(true), path)
                    .map(|f| (f.try_lock(), f))
                {
                    Ok((Ok(()), f)) => f,
                    Ok((Err(TryLockError::WouldBlock), _)) => return LockState::Busy,
                    _ => {
                        return unknown(format!(
                            "the folder of {} does not support file locks ({e})",
                            shown(path)
                        ));
                    }
                }
            }
        };
        let held = file.metadata();
        let now = fs::metadata(path);
        if let (Ok(held), Ok(now)) = (&held, &now)
            && same_file(held, now)
        {
            return LockState::Held(file);
        }
    }
    unknown(format!("{} keeps changing", shown(path)))
}

/// Whether two profiles hold the same record: where each copy is on
/// screen (`resume`) is its own, and never a reason to write.
fn same_record(a: &Profile, b: &Profile) -> bool {
    Profile {
        resume: b.resume.clone(),
        ..a.clone()
    } == *b
}

/// Whether two metadata describe the same file (device and inode).
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        true
    }
}

/// Why the profile file must not be rewritten, if it must not: its mode
/// says it is read-only (the owner's write bit is off: root could write it
/// anyway, and a rename replaces it whatever its mode), or it has other
/// names (hard links) that a save, which renames a new file into place,
/// would leave holding the old profile.
fn must_not_rewrite(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let metadata = fs::metadata(path).ok().filter(fs::Metadata::is_file)?;
        let mode = metadata.permissions().mode() & 0o7777;
        if mode & 0o200 == 0 {
            return Some(format!(
                "{} is read-only (mode {mode:04o}), so medtech leaves it as it is; \
                 make it writable (chmod u+w) to save changes",
                shown(path)
            ));
        }
        if metadata.nlink() > 1 {
            return Some(format!(
                "{} has {} hard links (names for one file); a save would split them, \
                 so medtech only reads it. Remove the other names, or copy the file, to save changes",
                shown(path),
                metadata.nlink()
            ));
        }
        None
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

fn lock_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map_or_else(|| "profile".into(), |s| s.to_string_lossy().into_owned());
    format!("{stem}.lock")
}

pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

pub(crate) fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Creates the data folder readable by the user only.
fn ensure_dir(path: &Path) -> io::Result<()> {
    let dir = parent(path);
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

fn set_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
    }
    let _ = path;
    Ok(())
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    let _ = dir;
    Ok(())
}
