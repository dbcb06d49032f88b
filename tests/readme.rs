//! The README's key tables must match the keymap: help cannot drift.

use medtech::keymap::{self, Context};

const README: &str = include_str!("../README.md");

#[test]
fn every_key_in_the_app_is_documented_in_the_readme() {
    let sets: [(&str, &[Context]); 5] = [
        ("Checklist screens", &[Context::Checklist, Context::Global]),
        ("Dashboard", &[Context::Dashboard, Context::Global]),
        ("Welcome", &[Context::Welcome]),
        ("State picker", &[Context::StatePicker]),
        ("Damaged profile", &[Context::Recovery]),
    ];
    for (name, contexts) in sets {
        for (keys, description) in keymap::help_lines(contexts) {
            let row = format!("| `{keys}` | {description} |");
            assert!(
                README.contains(&row),
                "README is missing this row for {name}:\n{row}"
            );
        }
    }
}

#[test]
fn the_readme_gives_the_two_quick_start_commands() {
    assert!(README.contains("cargo run --release"));
    assert!(README.contains("cargo test"));
}
