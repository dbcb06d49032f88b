//! The guide's text: borrowed from the compact guide the binary carries,
//! owned when parsed from RON.
//!
//! Decoding the embedded guide used to copy each of its ~13,000 strings
//! into its own allocation; half the start's decoding was `malloc`. A
//! [`Text`] decoded with [`decode_borrowed`] points into the embedded bytes
//! instead (each string is checked to be UTF-8 once, as before), so the
//! guide costs no heap for its words. Everywhere else a `Text` reads as a
//! `&str`.

use std::borrow::{Borrow, Cow};
use std::cell::Cell;
use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

/// A string of the guide: `&'static str` into the embedded bytes, or owned.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(Cow<'static, str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the text points into bytes decoded by [`decode_borrowed`].
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

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

thread_local! {
    /// The `'static` bytes being decoded by [`decode_borrowed`] on this
    /// thread, if any: text found inside them is borrowed.
    static BORROWABLE: Cell<&'static [u8]> = const { Cell::new(&[]) };
}

/// Decodes postcard `bytes` that live as long as the program (the
/// embedded guide) with every [`Text`] in them borrowed, not copied.
pub fn decode_borrowed<T: de::DeserializeOwned>(bytes: &'static [u8]) -> postcard::Result<T> {
    struct Reset(&'static [u8]);
    impl Drop for Reset {
        fn drop(&mut self) {
            BORROWABLE.with(|b| b.set(self.0));
        }
    }
    let _reset = Reset(BORROWABLE.with(|b| b.replace(bytes)));
    postcard::from_bytes(bytes)
}

/// The same bytes as `part`, as a slice of the `'static` bytes being
/// decoded, when `part` lies inside them.
fn borrowable(part: &[u8]) -> Option<&'static [u8]> {
    let whole = BORROWABLE.with(Cell::get);
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    whole.get(start..start.checked_add(part.len())?)
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
                Ok(Text(Cow::Owned(text)))
            }
            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Text, E> {
                let invalid = |_| E::invalid_value(de::Unexpected::Bytes(bytes), &self);
                match borrowable(bytes) {
                    Some(bytes) => Ok(Text(Cow::Borrowed(
                        std::str::from_utf8(bytes).map_err(invalid)?,
                    ))),
                    None => Ok(Text(Cow::Owned(
                        std::str::from_utf8(bytes).map_err(invalid)?.to_owned(),
                    ))),
                }
            }
        }
        // A compact format writes a string as its bytes: reading them as
        // bytes lets the visitor borrow them (they are checked to be UTF-8
        // there, once). Text formats (RON) give a string.
        if deserializer.is_human_readable() {
            deserializer.deserialize_string(TextVisitor)
        } else {
            deserializer.deserialize_bytes(TextVisitor)
        }
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
    fn text_decoded_from_static_bytes_points_into_them() {
        let bytes: &'static [u8] = postcard::to_allocvec(&item()).expect("encode").leak();
        let decoded: Item = decode_borrowed(bytes).expect("decode");
        assert_eq!(decoded, item());
        let whole = bytes.as_ptr_range();
        for text in [&decoded.title, &decoded.sources[0], &decoded.sources[1]] {
            assert!(text.is_borrowed(), "{text:?}");
            assert!(whole.contains(&text.as_ptr()), "{text:?} is a copy");
        }
    }

    #[test]
    fn text_from_other_bytes_or_ron_is_owned_and_equal() {
        let bytes = postcard::to_allocvec(&item()).expect("encode");
        let decoded: Item = postcard::from_bytes(&bytes).expect("decode");
        assert_eq!(decoded, item());
        assert!(!decoded.title.is_borrowed());
        // Bytes outside the ones being decoded are never borrowed, even
        // while `decode_borrowed` runs elsewhere on this thread.
        let ron = ron::to_string(&item()).expect("ron");
        let parsed: Item = ron::from_str(&ron).expect("parse");
        assert_eq!(parsed, item());
        assert!(!parsed.sources[0].is_borrowed());
    }

    #[test]
    fn text_that_is_not_utf8_is_an_error_not_a_panic() {
        // A string of length 2 holding a lone continuation byte and 'a'.
        let bytes: &'static [u8] = &[2, 0x80, b'a'];
        assert!(decode_borrowed::<Text>(bytes).is_err());
        assert!(postcard::from_bytes::<Text>(bytes).is_err());
    }
}
