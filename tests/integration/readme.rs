//! The README's key tables must match the keymap: help cannot drift.

const README: &str = include_str!("../../README.md");

/// The README between two markers.
fn between<'a>(start: &str, end: &str) -> &'a str {
    let from = README.find(start).map(|i| i + start.len());
    let to = README.find(end);
    match (from, to) {
        (Some(from), Some(to)) if from <= to => README[from..to].trim(),
        _ => panic!("the README lacks the {start} … {end} markers"),
    }
}

#[test]
fn the_readme_key_tables_are_exactly_the_keymap() {
    let documented = between("<!-- keys:start -->", "<!-- keys:end -->");
    let generated = medtech::keymap::readme_tables();
    // Both ways: a stale row fails as surely as a missing one.
    for (line_no, (readme, keymap)) in documented.lines().zip(generated.lines()).enumerate() {
        assert_eq!(
            readme, keymap,
            "README key tables differ at line {line_no}; run `cargo run --example keys`"
        );
    }
    assert_eq!(
        documented.lines().count(),
        generated.lines().count(),
        "README key tables have a different length; run `cargo run --example keys`"
    );
}

#[test]
fn the_readme_gives_the_two_quick_start_commands() {
    let command = |c: &str| README.lines().any(|l| l.trim_start().starts_with(c));
    assert!(command("cargo run --release"), "the run command is missing");
    assert!(command("cargo test"), "the test command is missing");
}
