//! Pure functions over the guide, the profile and today's date: progress,
//! eligibility, the plan and the estimates. The TUI, `medtech status` and
//! every export show the same values. Nothing here reads the clock.

pub mod activity;
mod advice;
pub mod compare;
pub mod eligibility;
pub mod estimate;
pub mod plan;
pub mod programs;
mod progress;
pub mod study;
pub mod summary;
pub mod upkeep;

pub use advice::{Advice, Next, PlanSummary, Standing, Upcoming};
pub use eligibility::{Reason, RouteAdvice, Verdict};
pub use progress::{
    Check, Excluded, Progress, area_progress, check, covered, covered_step, covered_units,
    excluded, overall_progress, upcoming,
};
