//! What day it is. Read when a change is made, not once at start, so a
//! session that runs past midnight dates its changes correctly; fixed for
//! tests and demos.

use crate::content::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system's local date, read each time.
    System,
    /// Always this day (`MEDTECH_TODAY`, tests).
    Fixed(Date),
}

impl Clock {
    /// `MEDTECH_TODAY=YYYY-MM-DD` pins the date; otherwise the system clock.
    pub fn from_env() -> Clock {
        std::env::var("MEDTECH_TODAY")
            .ok()
            .and_then(|s| s.trim().parse::<Date>().ok())
            .map_or(Clock::System, Clock::Fixed)
    }

    /// What is wrong with `MEDTECH_TODAY`, if it is set but is not a date
    /// (it is then ignored, and the system's date used).
    pub fn env_problem() -> Option<String> {
        let value = std::env::var_os("MEDTECH_TODAY")?;
        let text = value.to_string_lossy();
        if text.trim().is_empty() || text.trim().parse::<Date>().is_ok() {
            return None;
        }
        Some(format!(
            "MEDTECH_TODAY={text} is not a date (YYYY-MM-DD); using today's date, {}",
            Clock::System.today()
        ))
    }

    pub fn today(self) -> Date {
        match self {
            Clock::System => jiff::ZonedDateTime::now().date(),
            Clock::Fixed(date) => date,
        }
    }
}
