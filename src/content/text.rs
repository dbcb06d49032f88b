//! The guide's text: borrowed from the compact guide the binary carries,
//! owned when parsed from RON.
//!
//! Decoding the embedded guide used to copy each of its ~13,000 strings
//! into its own allocation, after checking each was UTF-8: most of the
//! start's decoding. `build.rs` now writes the guide's words once, as one
//! text the binary embeds with `include_str!` (so the compiler checks it is
//! UTF-8), and each [`Text`] in the compact guide as a position in it
//! ([`encode_compact`]); [`decode_compact`] makes each a `&'static str` into
//! that text. Everywhere else a `Text` reads as a `&str`.

use std::borrow::{Borrow, Cow};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};

/// A string of the guide: `&'static str` into the embedded bytes, or owned.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(Cow<'static, str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the text is borrowed (from the words [`decode_compact`] read).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, Cow::Borrowed(_))
    }

    /// The text to change in place (copied first if it was borrowed).
    pub fn to_mut(&mut self) -> &mut String {
        self.0.to_mut()
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&'static str> for Text {
    fn from(text: &'static str) -> Text {
        Text(Cow::Borrowed(text))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(Cow::Owned(text))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0.into_owned()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

thread_local! {
    /// While [`encode_compact`] runs on this thread: the text written so
    /// far, and where each distinct string starts in it.
    static WRITING: RefCell<Option<(String, HashMap<String, u32>)>> = const { RefCell::new(None) };
    /// While [`decode_compact`] runs on this thread: the text that the
    /// positions being read point into.
    static READING: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// The compact form of `value`: postcard, with every [`Text`] written as a
/// position (start, length) in one text that holds each distinct string
/// once. Returns the postcard bytes and that text (see `build.rs`).
pub fn encode_compact<T: Serialize>(value: &T) -> postcard::Result<(Vec<u8>, String)> {
    /// Leaves compact mode however the encoding ends, panics included.
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            WRITING.with(|w| w.borrow_mut().take());
        }
    }
    WRITING.with(|w| *w.borrow_mut() = Some((String::new(), HashMap::new())));
    let reset = Reset;
    let bytes = postcard::to_allocvec(value)?;
    let (text, _) = WRITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
    drop(reset);
    Ok((bytes, text))
}

/// Decodes what [`encode_compact`] wrote, with every [`Text`] borrowed
/// from `text` (the embedded guide's words: no copy, no allocation, and
/// no UTF-8 check beyond the one the compiler made of the whole text).
pub fn decode_compact<T: de::DeserializeOwned>(
    bytes: &[u8],
    text: &'static str,
) -> postcard::Result<T> {
    struct Reset(Option<&'static str>);
    impl Drop for Reset {
        fn drop(&mut self) {
            READING.with(|r| r.set(self.0));
        }
    }
    let _reset = Reset(READING.with(|r| r.replace(Some(text))));
    postcard::from_bytes(bytes)
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return serializer.serialize_str(&self.0);
        }
        let at = WRITING.with(|w| {
            let mut w = w.borrow_mut();
            let (words, starts) = w.as_mut()?;
            Some(position(words, starts, self))
        });
        match at {
            None => serializer.serialize_str(&self.0),
            Some(Ok(at)) => at.serialize(serializer),
            Some(Err(e)) => Err(serde::ser::Error::custom(e)),
        }
    }
}

/// Where `text` is in the words being written: (start, length), the text
/// added the first time it is seen.
fn position(
    words: &mut String,
    starts: &mut HashMap<String, u32>,
    text: &str,
) -> Result<(u32, u32), &'static str> {
    let fits = |n: usize| u32::try_from(n).map_err(|_| "the guide's words pass 4 GiB");
    let start = if let Some(&start) = starts.get(text) {
        start
    } else {
        let start = fits(words.len())?;
        words.push_str(text);
        starts.insert(text.to_owned(), start);
        start
    };
    Ok((start, fits(text.len())?))
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        if let Some(text) = READING.with(Cell::get)
            && !deserializer.is_human_readable()
        {
            let (start, len) = <(u32, u32)>::deserialize(deserializer)?;
            let (start, len) = (start as usize, len as usize);
            return start
                .checked_add(len)
                .and_then(|end| text.get(start..end))
                .map(|words| Text(Cow::Borrowed(words)))
                .ok_or_else(|| de::Error::custom("text outside the compact guide's words"));
        }
        String::deserialize(deserializer).map(|text| Text(Cow::Owned(text)))
    }
}

impl From<Text> for Cow<'static, str> {
    fn from(text: Text) -> Cow<'static, str> {
        text.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize, Serialize)]
    struct Item {
        title: Text,
        sources: Vec<Text>,
        note: Option<Text>,
    }

    fn item() -> Item {
        Item {
            title: "Take the BOC exam: café ✓".into(),
            sources: vec!["ascp-boc".into(), String::from("amt").into()],
            note: Some("".into()),
        }
    }

    #[test]
    fn compact_text_is_written_once_and_read_in_place() {
        let items = [item(), item()];
        let (bytes, words) = encode_compact(&items).expect("encode");
        // Each distinct string once, however often it occurs.
        assert_eq!(words.matches("ascp-boc").count(), 1, "{words}");
        assert!(!String::from_utf8_lossy(&bytes).contains("ascp-boc"));
        let words: &'static str = words.leak();
        let decoded: [Item; 2] = decode_compact(&bytes, words).expect("decode");
        assert_eq!(decoded, items);
        let whole = words.as_bytes().as_ptr_range();
        for text in [
            &decoded[0].title,
            &decoded[1].sources[0],
            &decoded[1].sources[1],
        ] {
            assert!(text.is_borrowed(), "{text:?}");
            assert!(whole.contains(&text.as_ptr()), "{text:?} is a copy");
        }
    }

    #[test]
    fn text_outside_compact_decoding_is_owned_and_equal() {
        let bytes = postcard::to_allocvec(&item()).expect("encode");
        let decoded: Item = postcard::from_bytes(&bytes).expect("decode");
        assert_eq!(decoded, item());
        assert!(!decoded.title.is_borrowed());
        let ron = ron::to_string(&item()).expect("ron");
        assert!(ron.contains("ascp-boc"), "{ron}");
        let parsed: Item = ron::from_str(&ron).expect("parse");
        assert_eq!(parsed, item());
        assert!(!parsed.sources[0].is_borrowed());
    }

    #[test]
    fn a_position_outside_the_words_is_an_error_not_a_panic() {
        let (bytes, _) = encode_compact(&item()).expect("encode");
        assert!(decode_compact::<Item>(&bytes, "short").is_err());
        // Inside a character.
        assert!(decode_compact::<Item>(&bytes, "é".repeat(40).leak()).is_err());
    }
}
