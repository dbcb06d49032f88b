//! Shared by the in-process tests: the fixture guide and an app built on it.
#![allow(dead_code)]

use medtech::app::App;
use medtech::clock::Clock;
use medtech::content::{Date, Guide};
use medtech::profile::Profile;

pub const FIXTURE: &[(&str, &str)] = &[(
    "tests/fixtures/guide/guide.ron",
    include_str!("../fixtures/guide/guide.ron"),
)];

pub fn guide() -> Guide {
    Guide::from_files(FIXTURE).expect("the fixture guide parses")
}

pub fn today() -> Date {
    "2026-11-24".parse().expect("a valid date")
}

/// An app on the fixture guide with an existing (empty) profile.
pub fn clock() -> Clock {
    Clock::Fixed(today())
}

pub fn app() -> App {
    App::new(guide(), Profile::default(), clock())
}

pub fn app_with(profile: Profile) -> App {
    App::new(guide(), profile, clock())
}
