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
    fn ordinary_text_is_unchanged() {
        assert_eq!(
            sanitize("Puerto Rico – reválida ✓"),
            "Puerto Rico – reválida ✓"
        );
    }
}
