//! Where and how the profile is written: paths, atomic save, backup, lock.
//!
//! The user's file is never overwritten by something this build could not
//! read: a file that fails to parse is moved aside, a file from a newer
//! version is left alone, and every save goes through a synced temp file
//! renamed over the old one, so a kill at any moment leaves either the old or
//! the new profile on disk.

use std::cell::Cell;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::app::Draft;
use crate::profile::{self, CURRENT_VERSION, DecodeError, Decoded, Profile};

/// File name of the profile inside the data directory.
pub const PROFILE_FILE: &str = "profile.ron";

/// Why a profile could not be loaded. Nothing on disk has been changed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path} is damaged at line {line}, column {col}: {message}")]
    Corrupt {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "{path} was written by a newer medtech (profile version {found}; this one reads up to {CURRENT_VERSION}). \
         It was left untouched: update medtech to open it."
    )]
    TooNew { path: PathBuf, found: u32 },
}

/// Why a profile could not be saved. The changes are still in memory.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not encode the profile: {0}")]
    Encode(#[from] ron::Error),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("another medtech has this profile open; this one is read-only")]
    ReadOnly,
}

/// The default profile path: the platform data directory
/// (`$XDG_DATA_HOME/medtech/profile.ron` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "medtech").map(|d| d.data_dir().join(PROFILE_FILE))
}

/// The profile file with its lock and backup beside it.
#[derive(Debug)]
pub struct Storage {
    path: PathBuf,
    /// Held for as long as this copy may write.
    lock: Option<File>,
    /// Another copy holds the lock: every save is refused.
    read_only: bool,
    /// The backup is taken once a session, before the first save, so it
    /// holds the profile as it was when this copy opened it: a slip made
    /// just before quitting never reaches the backup too.
    backed_up: Cell<bool>,
    /// The version the profile was in when loaded; an older one is kept as
    /// `profile.ron.v<N>.bak` before the first save in the new format.
    loaded_version: Cell<Option<u32>>,
}

/// What opening the lock found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Another copy holds the lock.
    ReadOnly,
}

impl Storage {
    /// Takes the lock beside the profile. If another copy holds it, the
    /// storage is read-only. A lock that cannot be created at all (an
    /// unwritable folder) does not stop the app: saving will report why.
    pub fn open(path: PathBuf) -> (Storage, Access) {
        let lock_path = path.with_file_name(lock_name(&path));
        let lock = ensure_dir(&path).ok().and_then(|()| {
            let mut options = OpenOptions::new();
            options.create(true).truncate(false).write(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            options.open(&lock_path).ok()
        });
        let (lock, access) = match lock {
            Some(file) => match file.try_lock() {
                Ok(()) => {
                    remove_stale_temp_files(&path);
                    (Some(file), Access::ReadWrite)
                }
                Err(TryLockError::WouldBlock) => (None, Access::ReadOnly),
                // A filesystem without locks: nobody can hold one, so
                // writing is not contended.
                Err(TryLockError::Error(_)) => (None, Access::ReadWrite),
            },
            // No lock file could be made: nobody else can have one either, so
            // write access is not contended; saves will fail and say why.
            None => (None, Access::ReadWrite),
        };
        let storage = Storage {
            path,
            lock,
            read_only: access == Access::ReadOnly,
            backed_up: Cell::new(false),
            loaded_version: Cell::new(None),
        };
        (storage, access)
    }

    /// Storage that never locks; for tests and read-only tools.
    pub fn unlocked(path: PathBuf) -> Storage {
        Storage {
            path,
            lock: None,
            read_only: false,
            backed_up: Cell::new(false),
            loaded_version: Cell::new(None),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn backup_path(&self) -> PathBuf {
        with_suffix(&self.path, ".bak")
    }

    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Reads the profile. `Ok(None)` means there is none yet (first launch).
    pub fn load(&self) -> Result<Option<Profile>, LoadError> {
        let decoded = load_file_versioned(&self.path)?;
        self.loaded_version
            .set(decoded.as_ref().map(|d| d.from_version));
        Ok(decoded.map(|d| d.profile))
    }

    /// Where the bytes of an older version are kept before the first save
    /// in the current format: `profile.ron.v1.bak`.
    pub fn version_backup_path(&self, version: u32) -> PathBuf {
        with_suffix(&self.path, &format!(".v{version}.bak"))
    }

    /// Reads the backup kept by the last save, if there is a readable one.
    pub fn load_backup(&self) -> Result<Option<Profile>, LoadError> {
        load_file(&self.backup_path())
    }

    /// The most recent damaged profile moved aside by [`Storage::quarantine`].
    pub fn latest_damaged(&self) -> Option<PathBuf> {
        let prefix = format!("{}.corrupt-", self.path.file_name()?.to_string_lossy());
        fs::read_dir(parent(&self.path))
            .ok()?
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
            })
            // The UTC timestamp in the name sorts by when it was moved.
            .max_by(|a, b| a.file_name().cmp(&b.file_name()))
    }

    /// Moves an unreadable profile aside as `profile.ron.corrupt-<time>`, so
    /// it is never overwritten, and returns where it now is.
    pub fn quarantine(&self) -> io::Result<PathBuf> {
        set_aside(&self.path, "corrupt")
    }

    /// Moves the backup aside as `profile.ron.bak-<time>`, so a new profile
    /// started in its place can never overwrite it.
    pub fn archive_backup(&self) -> io::Result<Option<PathBuf>> {
        let backup = self.backup_path();
        if backup.exists() {
            set_aside(&backup, "").map(Some)
        } else {
            Ok(None)
        }
    }

    /// Moves a damaged backup aside as `profile.ron.bak.corrupt-<time>`.
    pub fn quarantine_backup(&self) -> io::Result<PathBuf> {
        set_aside(&self.backup_path(), "corrupt")
    }

    /// Writes the profile atomically, keeping the previous one as `.bak`.
    pub fn save(&self, profile: &Profile) -> Result<(), SaveError> {
        if self.read_only {
            return Err(SaveError::ReadOnly);
        }
        let text = profile.to_ron()?;
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
        tmp.persist(&self.path).map_err(|e| io_err(e.error))?;
        sync_dir(dir).map_err(io_err)?;
        Ok(())
    }

    /// Copies the file as it was in an older version, never over an earlier
    /// copy of that version.
    fn keep_version_backup(&self, version: u32) -> io::Result<()> {
        let target = self.version_backup_path(version);
        let staging = with_suffix(&self.path, ".vbak.tmp");
        fs::copy(&self.path, &staging)?;
        set_private(&staging)?;
        File::open(&staging)?.sync_all()?;
        if target.exists() {
            set_aside(&target, "")?;
        }
        fs::rename(&staging, &target)?;
        sync_dir(parent(&self.path))
    }

    /// Where a note being written is kept until it is saved:
    /// `profile.ron.draft`.
    pub fn draft_path(&self) -> PathBuf {
        with_suffix(&self.path, ".draft")
    }

    /// Keeps the note being written on disk. Written on every change to
    /// the text, so it is renamed into place but not synced: it must survive
    /// the app being killed, and a process kill does not lose the page cache.
    pub fn save_draft(&self, draft: &Draft) -> Result<(), SaveError> {
        if self.read_only {
            return Err(SaveError::ReadOnly);
        }
        let text = ron::ser::to_string_pretty(draft, ron::ser::PrettyConfig::new().new_line("\n"))?;
        let io_err = |source| SaveError::Io {
            path: self.draft_path(),
            source,
        };
        ensure_dir(&self.path).map_err(io_err)?;
        let mut tmp = tempfile::Builder::new()
            .prefix(&temp_prefix(&self.path))
            .suffix(".tmp")
            .tempfile_in(parent(&self.path))
            .map_err(io_err)?;
        tmp.write_all(text.as_bytes()).map_err(io_err)?;
        tmp.persist(self.draft_path())
            .map_err(|e| io_err(e.error))?;
        Ok(())
    }

    /// A draft a crash left behind, if it can be read.
    pub fn load_draft(&self) -> Option<Draft> {
        let text = fs::read_to_string(self.draft_path()).ok()?;
        ron::from_str(&text).ok()
    }

    pub fn remove_draft(&self) {
        if !self.read_only {
            let _ = fs::remove_file(self.draft_path());
        }
    }

    /// Makes `.bak` a copy of the current profile, without ever leaving the
    /// profile itself missing.
    fn keep_backup(&self) -> io::Result<()> {
        let backup = self.backup_path();
        let staging = with_suffix(&self.path, ".bak.tmp");
        let _ = fs::remove_file(&staging);
        // A private copy, not a hard link: a link would share the old
        // file's mode (0644, even 000) with the backup.
        fs::copy(&self.path, &staging)?;
        set_private(&staging)?;
        File::open(&staging)?.sync_all()?;
        fs::rename(&staging, &backup)
    }
}

/// Reads and parses a profile file, migrating older versions.
pub fn load_file(path: &Path) -> Result<Option<Profile>, LoadError> {
    load_file_versioned(path).map(|d| d.map(|d| d.profile))
}

/// Reads and parses a profile file, saying which version it was in.
pub fn load_file_versioned(path: &Path) -> Result<Option<Decoded>, LoadError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
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
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            return Err(LoadError::Corrupt {
                path: path.to_owned(),
                line: 1,
                col: 1,
                message: "the file is not text (invalid UTF-8)".to_owned(),
            });
        }
        Err(source) => {
            return Err(LoadError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    parse_versioned(&text, path).map(Some)
}

/// Parses profile text of any known version, migrating older ones.
pub fn parse(text: &str, path: &Path) -> Result<Profile, LoadError> {
    parse_versioned(text, path).map(|d| d.profile)
}

/// Parses profile text and says which version it was written in.
pub fn parse_versioned(text: &str, path: &Path) -> Result<Decoded, LoadError> {
    profile::decode(text).map_err(|e| match e {
        DecodeError::Damaged { line, col, message } => LoadError::Corrupt {
            path: path.to_owned(),
            line,
            col,
            message,
        },
        DecodeError::TooNew { found } => LoadError::TooNew {
            path: path.to_owned(),
            found,
        },
    })
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

fn lock_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map_or_else(|| "profile".into(), |s| s.to_string_lossy().into_owned());
    format!("{stem}.lock")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn parent(path: &Path) -> &Path {
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
