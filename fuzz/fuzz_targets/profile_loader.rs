//! Feeds arbitrary bytes to the profile loader. It must never panic, and a
//! profile it accepts must survive a save: written with `to_ron` and read
//! back, it is the same profile.
//!
//! Run (nightly): `cargo +nightly fuzz run profile_loader` from `fuzz/`.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use medtech::storage;

fuzz_target!(|data: &[u8]| {
    // The app reads the file as UTF-8 and reports anything else as damaged
    // before parsing, so only text reaches `parse`.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.ron");
    if let Ok(profile) = storage::parse(text, path) {
        let written = profile
            .to_ron()
            .expect("a profile that was read can be written");
        let reread = storage::parse(&written, path).unwrap_or_else(|e| {
            panic!("a written profile does not read back: {e}\n--- written:\n{written}")
        });
        assert_eq!(
            reread, profile,
            "the profile changed through a save\n--- input:\n{text}\n--- written:\n{written}"
        );
    }
});
