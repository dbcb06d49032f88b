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

/// Writes the settings atomically, changing only what differs from the
/// file: a field whose value changed (the theme, when `T` is pressed) has
/// its value replaced where it stands, and every other byte (comments,
/// spacing, fields left at their defaults) stays as the person wrote it. A
/// missing field is added before the closing parenthesis. With no file
/// yet, a commented one is written.
///
/// A file that does not read now (edited by hand since medtech started) is
/// never replaced: the save fails, saying why. A `config.ron` that is a
/// symlink (to a dotfiles folder) is written through its link: the file it
/// names is replaced, keeping its mode, and the link stays. A link to
/// nothing, or to something that is not a regular file, is refused, saying
/// why.
pub fn save(path: &Path, config: &Config) -> std::io::Result<()> {
    let target = write_target(path)?;
    let text = match fs::read_to_string(&target) {
        Ok(old) => edited(&old, config).map_err(|why| {
            std::io::Error::other(format!(
                "{} {why}; it was left as it is",
                crate::text::sanitize(&path.display().to_string())
            ))
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => fresh(config)?,
        Err(e) => return Err(e),
    };
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
    if let Ok(existing) = fs::metadata(&target) {
        tmp.as_file().set_permissions(existing.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

fn parse(text: &str) -> Result<Config, ron::error::SpannedError> {
    ron::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// One value as RON (`HighContrast`, `true`).
fn value<T: Serialize>(value: &T) -> std::io::Result<String> {
    ron::to_string(value).map_err(std::io::Error::other)
}

/// The fields of the file, each with its RON value, in file order.
fn fields(config: &Config) -> std::io::Result<[(&'static str, String); 4]> {
    Ok([
        ("version", value(&config.version)?),
        ("theme", value(&config.theme)?),
        ("mouse", value(&config.mouse)?),
        ("hyperlinks", value(&config.hyperlinks)?),
    ])
}

/// A new file, with a comment on every field.
fn fresh(config: &Config) -> std::io::Result<String> {
    let [version, theme, mouse, hyperlinks] = fields(config)?.map(|(_, v)| v);
    Ok(format!(
        "// medtech's settings. Edit freely: medtech changes only the theme line\n\
         // (when you press T) and keeps your comments.\n\
         (\n    \
             version: {version},\n    \
             theme: {theme}, // Default | HighContrast\n    \
             mouse: {mouse}, // clicks and the wheel; false leaves the mouse to the terminal\n    \
             hyperlinks: {hyperlinks}, // OSC 8 links in the sources view (l)\n\
         )\n"
    ))
}

/// `old` with every field whose value differs from `config` changed in
/// place, checked by reading it back. `Err` says why it cannot be done.
fn edited(old: &str, config: &Config) -> Result<String, String> {
    let before = parse(old).map_err(|e| {
        format!(
            "does not read now (line {}, column {}: {}), so the theme was not saved in it",
            e.span.start.line,
            e.span.start.col,
            crate::text::sanitize(&e.code.to_string())
        )
    })?;
    let old_fields = fields(&before).map_err(|e| e.to_string())?;
    let new_fields = fields(config).map_err(|e| e.to_string())?;
    let mut text = old.to_owned();
    for ((name, was), (_, now)) in old_fields.iter().zip(&new_fields) {
        if was != now {
            text = set_field(&text, name, now)
                .ok_or_else(|| format!("has a shape medtech cannot edit at `{name}`"))?;
        }
    }
    match parse(&text) {
        Ok(after) if after == *config => Ok(text),
        _ => Err("cannot be changed without rewriting it".to_owned()),
    }
}

/// Sets the top-level field `name` of the RON struct in `text` to `value`:
/// its old value is replaced where it stands, or the field is added before
/// the closing parenthesis. Comments and strings are skipped while looking.
/// `None` when the text is not one struct.
fn set_field(text: &str, name: &str, value: &str) -> Option<String> {
    let tokens = scan(text);
    // The struct is the first `(` outside any `#![...]` attribute.
    let open = tokens.iter().position(|t| t.depth == 0 && t.text == "(")?;
    let close = open
        + tokens[open..]
            .iter()
            .position(|t| t.depth == 0 && t.text == ")")?;
    let inside = &tokens[open + 1..close];
    // `name` `:` at the struct's own depth.
    let at = inside
        .windows(2)
        .position(|w| w[0].depth == 1 && w[0].text == name && w[1].text == ":");
    if let Some(at) = at {
        let first = inside.get(at + 2)?;
        if first.depth != 1 || first.text == "," || first.text == ")" {
            return None;
        }
        // The value ends before the next `,` or `)` at the struct's depth.
        let last = inside[at + 2..]
            .iter()
            .take_while(|t| !(t.depth == 1 && t.text == ","))
            .last()?;
        let mut out = String::with_capacity(text.len());
        out.push_str(&text[..first.start]);
        out.push_str(value);
        out.push_str(&text[last.end..]);
        return Some(out);
    }
    // Not there: added after the last field, on a line of its own.
    let close_at = tokens[close].start;
    let needs_comma = inside.last().is_some_and(|t| t.text != ",");
    let end_of_last = inside.last().map_or(tokens[open].end, |last| last.end);
    let mut out = String::with_capacity(text.len() + name.len() + value.len() + 8);
    out.push_str(&text[..end_of_last]);
    if needs_comma {
        out.push(',');
    }
    out.push_str(text[end_of_last..close_at].trim_end_matches([' ', '\t']));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&["    ", name, ": ", value, ",\n"].concat());
    out.push_str(&text[close_at..]);
    Some(out)
}

/// A token of RON text: a word, a string or one punctuation character,
/// with where it is and how deep in brackets (the struct's fields are at
/// depth 1). Comments and white space are not tokens.
#[derive(Debug)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    depth: usize,
}

fn scan(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if text[i..].starts_with("//") {
            i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            continue;
        }
        if text[i..].starts_with("/*") {
            // RON block comments nest.
            let mut level = 0usize;
            while i < bytes.len() {
                if text[i..].starts_with("/*") {
                    level += 1;
                    i += 2;
                } else if text[i..].starts_with("*/") {
                    level -= 1;
                    i += 2;
                    if level == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            continue;
        }
        if c == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
        } else if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'-' || c == b'+' {
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric()
                    || matches!(bytes[i], b'_' | b'.' | b'-' | b'+'))
            {
                i += 1;
            }
        } else {
            // One character (a bracket, `:`, `,`, `#`, `!`, or anything
            // else whole).
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        let token = &text[start..i];
        let closing = matches!(token, ")" | "]" | "}");
        if closing {
            depth = depth.saturating_sub(1);
        }
        tokens.push(Token {
            text: token,
            start,
            end: i,
            depth,
        });
        if matches!(token, "(" | "[" | "{") {
            depth += 1;
        }
    }
    tokens
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

/// Whether the terminal takes OSC sequences (hyperlinks, clipboard): not
/// `TERM=dumb`, nor the Linux console, which prints them.
pub fn takes_osc() -> bool {
    !std::env::var("TERM").is_ok_and(|t| t == "dumb" || t == "linux")
}

/// Applies the settings file, read by [`Settings::read`], to the app:
/// theme, hyperlinks, mouse. Returns a message when the file could not be
/// read (the defaults are used and the file is never overwritten).
pub fn configure(app: &mut crate::app::App, settings: Settings) -> Option<String> {
    let osc = takes_osc();
    if let Some((path, settings)) = settings.file {
        app.theme.palette = settings.theme;
        app.hyperlinks = settings.hyperlinks && osc;
        app.mouse = app.mouse && settings.mouse;
        app.config = Some((path, settings));
        None
    } else {
        app.hyperlinks = osc;
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

    /// A config written by hand, as the README invites.
    const COMMENTED: &str = "\u{FEFF}// My medtech settings (see the README).
#![enable(implicit_some)]
Config(
    version: 1,
    // theme: HighContrast   <- tried it, too bright
    theme: /* for now */ Default, // Default | HighContrast
    mouse: false,      // I select text with the mouse
    /* hyperlinks: false, */
)
// the end
";

    #[test]
    fn the_theme_key_changes_only_the_theme_and_keeps_every_comment() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("config.ron");
        fs::write(&path, COMMENTED).expect("write");
        let mut config = load(&path).expect("reads");
        assert!(!config.mouse);
        config.theme = Palette::HighContrast;
        save(&path, &config).expect("save");
        let after = fs::read_to_string(&path).expect("read");
        assert_eq!(
            after,
            COMMENTED.replace(
                "theme: /* for now */ Default,",
                "theme: /* for now */ HighContrast,"
            )
        );
        assert_eq!(load(&path), Ok(config.clone()));
        // And back: the file is as it was, byte for byte.
        config.theme = Palette::Default;
        save(&path, &config).expect("save");
        assert_eq!(fs::read_to_string(&path).expect("read"), COMMENTED);
    }

    #[test]
    fn a_field_left_out_is_added_and_the_rest_kept() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("config.ron");
        let text = "// mine\n(\n    mouse: false // no clicks\n)\n";
        fs::write(&path, text).expect("write");
        let config = Config {
            theme: Palette::HighContrast,
            mouse: false,
            ..Config::default()
        };
        save(&path, &config).expect("save");
        let after = fs::read_to_string(&path).expect("read");
        assert_eq!(
            after,
            "// mine\n(\n    mouse: false, // no clicks\n    theme: HighContrast,\n)\n"
        );
        assert_eq!(load(&path), Ok(config));
    }

    #[test]
    fn a_file_that_does_not_read_now_is_never_replaced() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("config.ron");
        let broken = "// half edited\n(theme: HighContr\n";
        fs::write(&path, broken).expect("write");
        let err = save(&path, &Config::default()).expect_err("refused");
        assert!(err.to_string().contains("left as it is"), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("read"), broken);
    }

    #[test]
    fn a_new_file_is_commented_and_reads_back() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("config.ron");
        let config = Config {
            theme: Palette::HighContrast,
            ..Config::default()
        };
        save(&path, &config).expect("save");
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.contains("// Default | HighContrast"), "{text}");
        assert_eq!(load(&path), Ok(config));
    }
}
