//! Prints the README's key tables from the keymap: `cargo run --example keys`.
//! Paste the output between the `keys:start` and `keys:end` markers.

fn main() {
    println!("{}", medtech::keymap::readme_tables());
}
