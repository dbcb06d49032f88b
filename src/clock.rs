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

    pub fn today(self) -> Date {
        match self {
            Clock::System => jiff::ZonedDateTime::now().date(),
            Clock::Fixed(date) => date,
        }
    }
}
