//! Roff for the manual page: text made safe, bold, a tagged paragraph.
//! Shared by build.rs (the page's parts clap describes) and `man` (the
//! keys, from the keymap).

use std::fmt::Write as _;

/// Text made safe for a roff text line: backslashes and dashes escaped,
/// anything not ASCII as a groff glyph (`\[u2191]`), arrows as words.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            '\'' => out.push_str("\\(aq"),
            '↑' => out.push_str("Up"),
            '↓' => out.push_str("Down"),
            '←' => out.push_str("Left"),
            '→' => out.push_str("Right"),
            '–' => out.push_str("\\(en"),
            c if c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "\\[u{:04X}]", u32::from(c));
            }
        }
    }
    // A line starting with `.` would be a request.
    if out.starts_with('.') {
        out.insert_str(0, "\\&");
    }
    out
}

/// Bold roff for `text`.
pub fn bold(text: &str) -> String {
    format!("\\fB{}\\fR", esc(text))
}

/// A tagged paragraph: `tag` (already roff) and its text.
pub fn item(page: &mut String, tag: &str, text: &str) {
    let _ = write!(page, ".TP\n{tag}\n{}\n", esc(text));
}
