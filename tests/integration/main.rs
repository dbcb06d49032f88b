//! The in-process tests, one crate so they link once: `update()` tables,
//! the advisor, the content, rendering snapshots, storage and the README.

#[path = "../shared/mod.rs"]
mod shared;

mod advisor;
mod app;
mod content;
mod content_certification;
mod content_exams;
mod content_states;
mod content_upkeep;
mod eligibility;
mod merge;
mod plan;
mod promises;
mod readme;
mod render;
mod shortlist_merge;
mod storage;
mod study;
mod upkeep_app;
