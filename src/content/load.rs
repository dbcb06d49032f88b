//! Parsing the embedded content files.

use std::fmt;

use super::model::Part;

/// The content files, in path order. Adding a file means adding it here.
pub const EMBEDDED_FILES: &[(&str, &str)] = &[
    (
        "assets/education.ron",
        include_str!("../../assets/education.ron"),
    ),
    (
        "assets/certification.ron",
        include_str!("../../assets/certification.ron"),
    ),
    (
        "assets/licensing.ron",
        include_str!("../../assets/licensing.ron"),
    ),
    ("assets/states.ron", include_str!("../../assets/states.ron")),
    ("assets/career.ron", include_str!("../../assets/career.ron")),
];

/// The same files as build.rs wrote them, in postcard (see `build.rs`).
const EMBEDDED_POSTCARD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/guide.postcard"));

/// The embedded parts, in path order.
pub(super) fn embedded_parts() -> Result<Vec<Part>, ContentError> {
    postcard::from_bytes(EMBEDDED_POSTCARD).map_err(|e| ContentError {
        file: "the embedded guide (build.rs)".to_owned(),
        line: 0,
        col: 0,
        message: e.to_string(),
    })
}

/// A content file that is not valid RON for a [`Part`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ContentError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

pub(super) fn parse_part(name: &str, text: &str) -> Result<Part, ContentError> {
    ron::Options::default()
        .from_str::<Part>(text)
        .map_err(|e| ContentError {
            file: name.to_owned(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
}
