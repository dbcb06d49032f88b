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
//!
//! Parts of the guide read for one state at a time are a [`Lazy`]: in the
//! compact guide they are their own bytes, skipped at start and decoded the
//! first time they are read.

use std::borrow::{Borrow, Cow};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

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
    static READING: Cell<Option<&'static Compact>> = const { Cell::new(None) };
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
    bytes: &'static [u8],
    text: &'static str,
) -> postcard::Result<T> {
    // Kept for the life of the process, as the bytes and words are, so each
    // lazy part points at it with one word (a guide is decoded once a run).
    let guide: &'static Compact = Box::leak(Box::new(Compact { bytes, words: text }));
    guide.decode(bytes)
}

/// The compact guide being read: its postcard bytes and its words, both
/// kept for the life of the process.
struct Compact {
    bytes: &'static [u8],
    words: &'static str,
}

impl Compact {
    /// Decodes `part` (some of `self.bytes`) with this guide's words.
    fn decode<T: de::DeserializeOwned>(&'static self, part: &[u8]) -> postcard::Result<T> {
        self.decode_seed(part, std::marker::PhantomData::<T>)
    }

    /// Decodes `part` with `seed` (which may, say, append to a list).
    fn decode_seed<'d, S: de::DeserializeSeed<'d>>(
        &'static self,
        part: &'d [u8],
        seed: S,
    ) -> postcard::Result<S::Value> {
        struct Reset(Option<&'static Compact>);
        impl Drop for Reset {
            fn drop(&mut self) {
                READING.with(|r| r.set(self.0));
            }
        }
        let _reset = Reset(READING.with(|r| r.replace(Some(self))));
        let mut deserializer = postcard::Deserializer::from_bytes(part);
        seed.deserialize(&mut deserializer)
    }

    /// Where `part` lies in `self.bytes`, when it lies inside.
    fn kept(&'static self, part: &[u8]) -> Option<Kept> {
        let start = (part.as_ptr() as usize).checked_sub(self.bytes.as_ptr() as usize)?;
        self.bytes.get(start..start.checked_add(part.len())?)?;
        Some(Kept {
            guide: self,
            start: u32::try_from(start).ok()?,
            len: u32::try_from(part.len()).ok()?,
        })
    }
}

/// A lazy part's bytes: where they lie in the compact guide (16 bytes, so
/// a step that is never read costs little memory, as well as no time).
#[derive(Clone, Copy)]
struct Kept {
    guide: &'static Compact,
    start: u32,
    len: u32,
}

impl Kept {
    /// The bytes, as [`Compact::kept`] found them inside the guide's.
    fn bytes(self) -> &'static [u8] {
        let start = self.start as usize;
        &self.guide.bytes[start..start + self.len as usize]
    }

    /// Decodes the bytes with `seed`; they were written by `encode_compact`
    /// and decode in the tests (`the_compact_guide_is_the_ron_guide` reads
    /// every one), so a failure is a build bug.
    fn decode_seed<S: de::DeserializeSeed<'static>>(self, seed: S) -> S::Value {
        self.guide
            .decode_seed(self.bytes(), seed)
            .expect("the compact guide decodes (build.rs wrote it)")
    }
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
        if let Some(Compact { words: text, .. }) = READING.with(Cell::get)
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

/// Part of the guide decoded when it is first read, not at start: in the
/// compact form it is kept as its own bytes (skipped in one step when the
/// guide is decoded); from RON, or once read, it is the value. Reads as the
/// value (`Deref`); equal, printed and cloned as the value.
pub struct Lazy<T> {
    /// Boxed: an undecoded part holds a pointer's room, not the value's.
    value: OnceLock<Box<T>>,
    /// The value's bytes in the compact guide, until it is decoded.
    compact: Option<Kept>,
}

impl<T> Lazy<T> {
    /// Whether the value has been decoded (always, for a guide from RON).
    pub fn is_decoded(&self) -> bool {
        self.value.get().is_some()
    }
}

impl<T: de::DeserializeOwned> Lazy<T> {
    /// Its bytes, for a value not decoded yet.
    fn kept(&self) -> Kept {
        self.compact
            .expect("a lazy value without a value has its bytes")
    }

    fn decode(&self) -> T {
        self.kept().decode_seed(std::marker::PhantomData::<T>)
    }

    /// The value, decoded now if it was not.
    pub fn into_value(mut self) -> T {
        match self.value.take() {
            Some(value) => *value,
            None => self.decode(),
        }
    }

    /// The value, decoded now and not kept (or a copy of the one kept):
    /// for a value that is read once into something else.
    pub fn to_value(&self) -> T
    where
        T: Clone,
    {
        match self.value.get() {
            Some(value) => T::clone(value),
            None => self.decode(),
        }
    }
}

impl<T: de::DeserializeOwned + Clone> Lazy<Vec<T>> {
    /// Appends the list to `out`, decoding it straight there when it has
    /// not been read (no list of its own first, then a copy).
    pub fn append_to(&self, out: &mut Vec<T>) {
        /// Pushes each element of a sequence onto a list.
        struct Append<'v, T>(&'v mut Vec<T>);
        impl<'de, T: de::Deserialize<'de>> de::DeserializeSeed<'de> for Append<'_, T> {
            type Value = ();
            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
                deserializer.deserialize_seq(self)
            }
        }
        impl<'de, T: de::Deserialize<'de>> de::Visitor<'de> for Append<'_, T> {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
                self.0.reserve(seq.size_hint().unwrap_or(0));
                while let Some(item) = seq.next_element()? {
                    self.0.push(item);
                }
                Ok(())
            }
        }
        match self.value.get() {
            Some(value) => out.extend(value.iter().cloned()),
            None => self.kept().decode_seed(Append(out)),
        }
    }
}

impl<T: de::DeserializeOwned> Deref for Lazy<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value.get_or_init(|| Box::new(self.decode()))
    }
}

impl<T: de::DeserializeOwned> std::ops::DerefMut for Lazy<T> {
    fn deref_mut(&mut self) -> &mut T {
        let _ = &**self;
        self.value.get_mut().expect("decoded just above")
    }
}

impl<T> From<T> for Lazy<T> {
    fn from(value: T) -> Lazy<T> {
        Lazy {
            value: OnceLock::from(Box::new(value)),
            compact: None,
        }
    }
}

impl<T: Default> Default for Lazy<T> {
    fn default() -> Lazy<T> {
        Lazy::from(T::default())
    }
}

impl<T: de::DeserializeOwned + Clone> Clone for Lazy<T> {
    fn clone(&self) -> Lazy<T> {
        match self.value.get() {
            Some(value) => Lazy::from(T::clone(value)),
            None => Lazy {
                value: OnceLock::new(),
                compact: self.compact,
            },
        }
    }
}

impl<T: de::DeserializeOwned + PartialEq> PartialEq for Lazy<T> {
    fn eq(&self, other: &Lazy<T>) -> bool {
        **self == **other
    }
}

impl<T: de::DeserializeOwned + Eq> Eq for Lazy<T> {}

impl<T: de::DeserializeOwned + fmt::Debug> fmt::Debug for Lazy<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<'a, T: de::DeserializeOwned> IntoIterator for &'a Lazy<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: de::DeserializeOwned + Serialize> Serialize for Lazy<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let compact = WRITING.with(|w| w.borrow().is_some());
        if compact && !serializer.is_human_readable() {
            // Its own bytes (its words go with the others), skipped as a
            // whole when the guide is decoded.
            let bytes = postcard::to_allocvec(&**self).map_err(serde::ser::Error::custom)?;
            serializer.serialize_bytes(&bytes)
        } else {
            (**self).serialize(serializer)
        }
    }
}

impl<'de, T: de::DeserializeOwned> Deserialize<'de> for Lazy<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Lazy<T>, D::Error> {
        struct Bytes<T>(&'static Compact, std::marker::PhantomData<T>);
        impl<T: de::DeserializeOwned> de::Visitor<'_> for Bytes<T> {
            type Value = Lazy<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the bytes of a part of the compact guide")
            }
            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Lazy<T>, E> {
                match self.0.kept(bytes) {
                    Some(kept) => Ok(Lazy {
                        value: OnceLock::new(),
                        compact: Some(kept),
                    }),
                    // Not the guide's own bytes: decoded now.
                    None => self.0.decode::<T>(bytes).map(Lazy::from).map_err(E::custom),
                }
            }
        }
        match READING.with(Cell::get) {
            Some(compact) if !deserializer.is_human_readable() => {
                deserializer.deserialize_bytes(Bytes(compact, std::marker::PhantomData))
            }
            _ => T::deserialize(deserializer).map(Lazy::from),
        }
    }
}

impl From<Text> for Cow<'static, str> {
    fn from(text: Text) -> Cow<'static, str> {
        text.0
    }
}

/// A list each content file may give part of, read as one list. In the
/// compact guide each file's part is its own bytes, all decoded the first
/// time any of the list is read: the start pays for what its first screen
/// reads (the checklist shown), not for the other checklists, the career
/// facts or the sources.
pub struct Gathered<T> {
    parts: Vec<Lazy<Vec<T>>>,
    all: OnceLock<Vec<T>>,
}

impl<T> Gathered<T> {
    /// Whether the list has been read (always, once any of it has).
    pub fn is_decoded(&self) -> bool {
        self.all.get().is_some()
    }
}

impl<T: de::DeserializeOwned> Gathered<T> {
    /// Adds a file's part after the others (the list is gathered again
    /// if it was read). Parts already read (a guide from RON) go into one:
    /// one list to copy when gathered, not one per file or record.
    pub fn push(&mut self, part: Lazy<Vec<T>>) {
        self.all = OnceLock::new();
        match self.parts.last_mut() {
            Some(last) if last.is_decoded() && part.is_decoded() => last.extend(part.into_value()),
            _ => self.parts.push(part),
        }
    }

    /// These parts followed by `other`'s.
    pub fn append(&mut self, other: Gathered<T>) {
        for part in other.parts {
            self.push(part);
        }
    }
}

impl<T> Default for Gathered<T> {
    fn default() -> Gathered<T> {
        Gathered {
            parts: Vec::new(),
            all: OnceLock::new(),
        }
    }
}

impl<T: de::DeserializeOwned + Clone> Clone for Gathered<T> {
    fn clone(&self) -> Gathered<T> {
        Gathered {
            parts: self.parts.clone(),
            all: self.all.clone(),
        }
    }
}

impl<T: de::DeserializeOwned + Clone> Deref for Gathered<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.all.get_or_init(|| {
            let mut all = Vec::new();
            for part in &self.parts {
                part.append_to(&mut all);
            }
            all
        })
    }
}

impl<T: de::DeserializeOwned + Clone + PartialEq> PartialEq for Gathered<T> {
    fn eq(&self, other: &Gathered<T>) -> bool {
        **self == **other
    }
}

impl<T: de::DeserializeOwned + Clone + fmt::Debug> fmt::Debug for Gathered<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<'a, T: de::DeserializeOwned + Clone> IntoIterator for &'a Gathered<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, serde::Deserialize, Serialize)]
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
        let decoded: [Item; 2] = decode_compact(bytes.leak(), words).expect("decode");
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

    /// Lists kept as their own bytes append straight onto one list, in
    /// order, as decoded lists would; decoded ones are copied.
    #[test]
    fn lazy_lists_append_in_order() {
        let parts: (Lazy<Vec<Item>>, Lazy<Vec<Item>>) = (
            Lazy::from(vec![item()]),
            Lazy::from(vec![
                item(),
                Item {
                    note: None,
                    ..item()
                },
            ]),
        );
        let (bytes, words) = encode_compact(&parts).expect("encode");
        let decoded: (Lazy<Vec<Item>>, Lazy<Vec<Item>>) =
            decode_compact(bytes.leak(), words.leak()).expect("decode");
        assert!(!decoded.0.is_decoded() && !decoded.1.is_decoded());
        let mut all = Vec::new();
        decoded.0.append_to(&mut all);
        decoded.1.append_to(&mut all);
        parts.0.append_to(&mut all);
        let mut expected = vec![
            item(),
            item(),
            Item {
                note: None,
                ..item()
            },
        ];
        expected.push(item());
        assert_eq!(all, expected);
        // Appending does not keep a copy in the lazy list.
        assert!(!decoded.0.is_decoded());
    }

    /// A gathered list reads as its parts one after the other, whether
    /// they are the compact guide's bytes or values already read; it is
    /// read only when first asked for, and parts already read are kept as
    /// one.
    #[test]
    fn gathered_lists_read_their_parts_in_order() {
        let other = || Item {
            note: None,
            ..item()
        };
        let parts = (Lazy::from(vec![item()]), Lazy::from(vec![other()]));
        let (bytes, words) = encode_compact(&parts).expect("encode");
        let decoded: (Lazy<Vec<Item>>, Lazy<Vec<Item>>) =
            decode_compact(bytes.leak(), words.leak()).expect("decode");
        let mut gathered = Gathered::default();
        gathered.push(Lazy::from(vec![other()]));
        gathered.push(Lazy::from(vec![item(), other()]));
        assert_eq!(gathered.parts.len(), 1, "parts read are kept as one");
        gathered.push(decoded.0);
        gathered.push(Lazy::from(vec![item()]));
        gathered.push(decoded.1);
        assert_eq!(gathered.parts.len(), 4);
        assert!(!gathered.is_decoded());
        assert_eq!(
            *gathered,
            [other(), item(), other(), item(), item(), other()]
        );
        assert!(gathered.is_decoded());
    }

    /// A part nobody reads costs its place, not its value's room: the
    /// 100x guide's steps and states hold tens of thousands of them.
    #[test]
    fn an_undecoded_part_is_small() {
        #[derive(Clone, Debug, PartialEq, serde::Deserialize, Serialize)]
        struct Big([u64; 32]);
        assert!(std::mem::size_of::<Lazy<Big>>() <= 32);
        assert!(std::mem::size_of::<Lazy<Vec<Item>>>() <= 32);
    }

    #[test]
    fn a_position_outside_the_words_is_an_error_not_a_panic() {
        let (bytes, _) = encode_compact(&item()).expect("encode");
        let bytes: &'static [u8] = bytes.leak();
        assert!(decode_compact::<Item>(bytes, "short").is_err());
        // Inside a character.
        assert!(decode_compact::<Item>(bytes, "é".repeat(40).leak()).is_err());
    }
}
