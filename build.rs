//! Turns the guide's RON files into the postcard bytes the binary carries.
//!
//! The RON under `assets/` stays the source people edit and review; this
//! parses it with the app's own types (`src/content/model.rs`) and writes
//! the parts with postcard, which decodes several times faster than RON
//! parses (BENCHMARKS.md). A file that does not parse stops the build with
//! its `file:line:col`. `tests/integration/content.rs` checks that the
//! embedded guide equals the one parsed from the RON.

use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;

/// The same list, in the same order, as `EMBEDDED_FILES` in
/// `src/content/load.rs` (a test compares them).
const FILES: &[&str] = &[
    "assets/education.ron",
    "assets/certification.ron",
    "assets/licensing.ron",
    "assets/states.ron",
    "assets/career.ron",
];

fn main() {
    println!("cargo::rerun-if-changed=src/content/model.rs");
    let mut parts = Vec::new();
    for file in FILES {
        println!("cargo::rerun-if-changed={file}");
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| fail(file, &e.to_string()));
        match ron::Options::default().from_str::<model::Part>(&text) {
            Ok(part) => parts.push(part),
            Err(e) => fail(
                &format!("{file}:{}:{}", e.span.start.line, e.span.start.col),
                &e.code.to_string(),
            ),
        }
    }
    let bytes = postcard::to_allocvec(&parts).unwrap_or_else(|e| fail("guide", &e.to_string()));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let path = out.join("guide.postcard");
    std::fs::write(&path, bytes)
        .unwrap_or_else(|e| fail(&path.display().to_string(), &e.to_string()));
}

fn fail(what: &str, why: &str) -> ! {
    eprintln!("error: {what}: {why}");
    std::process::exit(1);
}
