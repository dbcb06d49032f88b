//! The one sanitizer for text that leaves the program (the terminal, the
//! command line's text, Markdown, HTML, JSON and iCalendar). Text from
//! outside the binary (a profile, a path, an error message) goes through it,
//! so a crafted file cannot send codes to the user's terminal or spoof a line.
//!
//! [`sanitize`] is for one-line fields: a line break (and a tab) becomes one
//! space. [`sanitize_lines`] is for text whose format keeps lines (a note):
//! line breaks become `\n`, tabs stay. Either way every other control
//! character (C0, ESC, DEL, C1) becomes a visible `�`, and the bidirectional
//! overrides that could disguise text are dropped.

/// Whether `c` ends a line: LF, CR, NEL, VT, FF and the Unicode line and
/// paragraph separators.
fn breaks_line(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn clean(c: char) -> Option<char> {
    match c {
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
        c if c.is_control() => Some('\u{FFFD}'),
        c => Some(c),
    }
}

/// One line of harmless text: each run of line breaks and each tab becomes
/// one space, every other control character `�`.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if breaks_line(c) {
            while chars.next_if(|&n| breaks_line(n)).is_some() {}
            out.push(' ');
        } else if c == '\t' {
            out.push(' ');
        } else {
            out.extend(clean(c));
        }
    }
    out
}

/// Text of several lines, harmless: every line break (CRLF, CR, NEL, the
/// separators) becomes `\n`, tabs stay, every other control character `�`.
pub fn sanitize_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if breaks_line(c) {
            if c == '\r' {
                chars.next_if_eq(&'\n');
            }
            out.push('\n');
        } else if c == '\t' {
            out.push('\t');
        } else {
            out.extend(clean(c));
        }
    }
    out
}

/// Shortens text to `width` terminal columns, ending in "…" when cut. Wide
/// characters (CJK, emoji) count as two columns and are never split.
pub fn truncate(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::{sanitize, sanitize_lines};

    const HOSTILE: &str =
        "Biology\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\r\nNext step: fake\u{85}\u{2028}x\ty";

    #[test]
    fn one_line_fields_lose_their_line_breaks_and_codes() {
        assert_eq!(
            sanitize(HOSTILE),
            "Biology\u{FFFD}]52;c;aGk=\u{FFFD}\u{FFFD}[2J Next step: fake x y"
        );
    }

    #[test]
    fn text_of_several_lines_keeps_them_and_loses_the_codes() {
        assert_eq!(
            sanitize_lines(HOSTILE),
            "Biology\u{FFFD}]52;c;aGk=\u{FFFD}\u{FFFD}[2J\nNext step: fake\n\nx\ty"
        );
        assert_eq!(sanitize_lines("a\rb\r\n\u{9b}c"), "a\nb\n\u{FFFD}c");
    }

    #[test]
    fn escape_sequences_become_visible_and_inert() {
        let hostile = "FL\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m";
        let clean = sanitize(hostile);
        assert!(!clean.chars().any(char::is_control), "{clean:?}");
        assert!(clean.starts_with("FL\u{FFFD}]0;pwned"));
    }

    #[test]
    fn truncation_counts_columns_and_ends_in_an_ellipsis() {
        use super::truncate;
        assert_eq!(truncate("Apply to a program", 8), "Apply t…");
        assert_eq!(truncate("short", 8), "short");
        // Each of these is two columns wide: four fit in 9 with the "…".
        assert_eq!(truncate("検査技師検査技師", 9), "検査技師…");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        assert_eq!(
            sanitize("Puerto Rico – reválida ✓"),
            "Puerto Rico – reválida ✓"
        );
    }
}
