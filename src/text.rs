//! Text from outside the binary (a profile, an error message) is shown only
//! after control characters and escape sequences are neutralised, so a crafted
//! file cannot send codes to the user's terminal.

/// Replaces every control character (C0, DEL, C1) with a visible `�`, and
/// drops the bidirectional overrides that could disguise text.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
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
    use super::sanitize;

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
