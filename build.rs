//! Turns the guide's RON files into the compact form the binary carries.
//!
//! The RON under `assets/` stays the source people edit and review; this
//! parses it with the app's own types (`src/content/model.rs`) and writes
//! the same parts with postcard, which decodes several times faster than
//! RON parses, and the guide's words once each in a text of their own that
//! the strings point into (`src/content/text.rs`). A file that does not parse stops the build with its
//! `file:line:col`. `tests/integration/content.rs` checks that the compact
//! guide equals the one parsed from the RON.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/content/text.rs"]
mod text;

/// The same list, in the same order, as `EMBEDDED_FILES` in
/// `src/content/load.rs` (a test compares them).
const FILES: &[&str] = &[
    "assets/education.ron",
    "assets/certification.ron",
    "assets/licensing.ron",
    "assets/states.ron",
    "assets/career.ron",
];

/// For benchmarks only: a folder of generated RON files (`examples/scaled.rs
/// --write DIR N`) to embed instead of `assets/`, so a binary can carry a
/// guide 100 times the real one exactly as it carries its own (BENCHMARKS.md).
/// The tests that compare the compact guide with `assets/` fail in such a build.
const BENCH_GUIDE: &str = "MEDTECH_BENCH_GUIDE_DIR";

fn main() {
    println!("cargo::rerun-if-changed=src/content/model.rs");
    println!("cargo::rerun-if-changed=src/content/text.rs");
    println!("cargo::rerun-if-env-changed={BENCH_GUIDE}");
    let bench_dir = std::env::var_os(BENCH_GUIDE).map(PathBuf::from);
    let mut parts = Vec::new();
    for file in FILES {
        let file = match &bench_dir {
            Some(dir) => dir
                .join(Path::new(file).file_name().expect("a file name"))
                .display()
                .to_string(),
            None => (*file).to_owned(),
        };
        let file = file.as_str();
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
    let (bytes, words) =
        text::encode_compact(&parts).unwrap_or_else(|e| fail("guide", &e.to_string()));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(&out.join("guide.postcard"), &bytes);
    write(&out.join("guide.text"), words.as_bytes());
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes)
        .unwrap_or_else(|e| fail(&path.display().to_string(), &e.to_string()));
}

fn fail(what: &str, why: &str) -> ! {
    eprintln!("error: {what}: {why}");
    std::process::exit(1);
}
