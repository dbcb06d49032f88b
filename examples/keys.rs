//! Prints the README's key tables from the keymap: `cargo run --example keys`.

use medtech::keymap::{self, Context};

fn main() {
    let sets: [(&str, &[Context]); 6] = [
        ("Everywhere (dashboard and checklists)", &[Context::Global]),
        ("Dashboard", &[Context::Dashboard]),
        (
            "Checklist screens (Education, Certification, Licensing)",
            &[Context::Checklist],
        ),
        ("Welcome", &[Context::Welcome]),
        ("State picker", &[Context::StatePicker]),
        ("Damaged profile", &[Context::Recovery]),
    ];
    for (name, contexts) in sets {
        println!("**{name}**\n\n| Keys | What it does |\n|---|---|");
        for (keys, description) in keymap::help_lines(contexts) {
            println!("| `{keys}` | {description} |");
        }
        println!();
    }
}
