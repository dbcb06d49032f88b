//! The end-to-end tests: the real `medtech` binary in a pseudo-terminal or
//! run as a command, driven the way a user would, checked by what is on
//! screen and on disk. One crate, so they link once.

#[path = "../shared/mod.rs"]
mod shared;

mod ce;
mod cli;
mod compare;
mod habits;
mod hardening;
mod keys;
mod program;
mod promises;
mod study;
mod sync;
mod tui;
