//! The user's settings, in a small RON file in the config folder (not the
//! data folder: settings are not progress). A missing file means the
//! defaults; a file medtech cannot read is reported and never overwritten.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::theme::Palette;

/// The config file format's version.
pub const CONFIG_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub version: u32,
    /// `Default` or `HighContrast`. `NO_COLOR` still turns colour off.
    pub theme: Palette,
    /// Clicks and the wheel; turn off to select text with the mouse
    /// (`--no-mouse` does the same for one run).
    pub mouse: bool,
    /// Write links as OSC 8 hyperlinks in the sources view (`l`).
    pub hyperlinks: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            version: CONFIG_VERSION,
            theme: Palette::Default,
            mouse: true,
            hyperlinks: true,
        }
    }
}

/// `$XDG_CONFIG_HOME/medtech/config.ron` (or `MEDTECH_CONFIG`).
pub fn default_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MEDTECH_CONFIG").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(path));
    }
    directories::ProjectDirs::from("", "", "medtech").map(|d| d.config_dir().join("config.ron"))
}

/// Reads the settings. `Err` carries a message; the caller uses the
/// defaults and must not save over the file.
pub fn load(path: &Path) -> Result<Config, String> {
    let shown = crate::text::sanitize(&path.display().to_string());
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(format!("cannot read {shown}: {e}")),
    };
    if !meta.is_file() || meta.len() > 64 * 1024 {
        return Err(format!(
            "{shown} is not a small settings file; using the defaults"
        ));
    }
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let config: Config = ron::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(&text)).map_err(|e| {
        format!(
            "{shown} is not valid at line {}, column {}: {}; using the defaults (the file was left as it is)",
            e.span.start.line,
            e.span.start.col,
            crate::text::sanitize(&e.code.to_string())
        )
    })?;
    if config.version > CONFIG_VERSION {
        return Err(format!(
            "{shown} is from a newer medtech; using the defaults (the file was left as it is)"
        ));
    }
    Ok(config)
}

/// Writes the settings atomically. A `config.ron` that is a symlink (to a
/// dotfiles folder) is written through its link: the file it names is
/// replaced, keeping its mode, and the link stays. A link to nothing, or to
/// something that is not a regular file, is refused, saying why.
pub fn save(path: &Path, config: &Config) -> std::io::Result<()> {
    let text = ron::ser::to_string_pretty(config, ron::ser::PrettyConfig::new().new_line("\n"))
        .map_err(std::io::Error::other)?;
    let target = write_target(path)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".config.ron.")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.write_all(b"\n")?;
    if let Ok(existing) = fs::metadata(&target) {
        tmp.as_file().set_permissions(existing.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// The file a save replaces: `path` itself, or the regular file its
/// symlink names.
fn write_target(path: &Path) -> std::io::Result<PathBuf> {
    let shown = |p: &Path| crate::text::sanitize(&p.display().to_string());
    let refuse = |why: String| Err(std::io::Error::other(why));
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(path.to_owned()),
        Err(e) => Err(e),
        Ok(meta) if meta.is_file() => Ok(path.to_owned()),
        Ok(meta) if meta.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(real) if fs::metadata(&real).is_ok_and(|m| m.is_file()) => Ok(real),
            Ok(real) => refuse(format!(
                "{} is a link to {}, which is not a regular file; medtech does not replace either",
                shown(path),
                shown(&real)
            )),
            Err(_) => refuse(format!(
                "{} is a link to a file that does not exist; medtech does not replace the link \
                 (create the file it names, or remove the link)",
                shown(path)
            )),
        },
        Ok(_) => refuse(format!(
            "{} is not a regular file; medtech does not replace it",
            shown(path)
        )),
    }
}

/// The settings file as read at the start: the settings and their path,
/// or why the defaults are used (the file is then never overwritten).
#[derive(Debug, Default)]
pub struct Settings {
    file: Option<(PathBuf, Config)>,
    problem: Option<String>,
}

impl Settings {
    pub fn read() -> Settings {
        let Some(path) = default_path() else {
            return Settings::default();
        };
        match load(&path) {
            Ok(settings) => Settings {
                file: Some((path, settings)),
                problem: None,
            },
            Err(message) => Settings {
                file: None,
                problem: Some(message),
            },
        }
    }

    /// Whether the settings leave the mouse to the app.
    pub fn mouse(&self) -> bool {
        self.file.as_ref().is_none_or(|(_, config)| config.mouse)
    }
}

/// Applies the settings file, read by [`Settings::read`], to the app:
/// theme, hyperlinks, mouse. Returns a message when the file could not be
/// read (the defaults are used and the file is never overwritten).
pub fn configure(app: &mut crate::app::App, settings: Settings) -> Option<String> {
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb" || t == "linux");
    if let Some((path, settings)) = settings.file {
        app.theme.palette = settings.theme;
        app.hyperlinks = settings.hyperlinks && !dumb;
        app.mouse = app.mouse && settings.mouse;
        app.config = Some((path, settings));
        None
    } else {
        app.hyperlinks = !dumb;
        settings.problem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_the_defaults_and_a_bad_one_is_reported() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("config.ron");
        assert_eq!(load(&path), Ok(Config::default()));
        fs::write(&path, "(theme: Purple)").expect("write");
        let err = load(&path).expect_err("bad theme");
        assert!(err.contains("line 1"), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("kept"), "(theme: Purple)");
    }

    #[test]
    fn settings_round_trip() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("sub").join("config.ron");
        let config = Config {
            theme: Palette::HighContrast,
            mouse: false,
            ..Config::default()
        };
        save(&path, &config).expect("save");
        assert_eq!(load(&path), Ok(config));
    }
}
