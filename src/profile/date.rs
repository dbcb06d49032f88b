//! Dates as people remember them: a month ("2020-05") is often all anyone
//! knows about when they finished a program. A month means its last day when
//! a time window is measured.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::content::Date;

/// A day, or a month when the day is not known. Written `"YYYY-MM-DD"` or
/// `"YYYY-MM"` in the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    Month { year: i16, month: i8 },
    Day(Date),
}

impl PartialDate {
    /// The month of a day.
    pub fn month_of(date: Date) -> PartialDate {
        PartialDate::Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// A day as the profile keeps it: only a day that reads back from the
    /// file as itself (the year from 1900 to 9999), so nothing is written
    /// that the loader would refuse.
    pub fn kept_day(date: Date) -> Result<PartialDate, DateError> {
        let day = PartialDate::Day(date);
        match day.to_string().parse::<PartialDate>() {
            Ok(read) if read == day => Ok(day),
            Ok(_) => Err(DateError(format!(
                "\"{date}\" does not read back as the same day"
            ))),
            Err(_) => Err(DateError(format!(
                "{date} is before 1900 or after 9999, which this version does not accept"
            ))),
        }
    }

    /// The first day it could mean.
    pub fn first_day(self) -> Date {
        match self {
            PartialDate::Day(date) => date,
            PartialDate::Month { year, month } => jiff::civil::date(year, month, 1),
        }
    }

    /// The last day it could mean: a month counts as its last day for windows
    /// ("within the last 5 years"), so a window is never closed too early.
    pub fn last_day(self) -> Date {
        match self {
            PartialDate::Day(date) => date,
            PartialDate::Month { .. } => self.first_day().last_of_month(),
        }
    }

    /// Whether any day it could mean is after `today`.
    pub fn is_after(self, today: Date) -> bool {
        self.first_day() > today
    }
}

/// Why a date could not be read, in words for the field that holds it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DateError(String);

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let bad = || {
            DateError(format!(
                "\"{text}\" is not a date: write YYYY-MM or YYYY-MM-DD"
            ))
        };
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Result<i32, DateError> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        match parts.as_slice() {
            [year, month] => {
                let year = i16::try_from(number(year, 4)?).map_err(|_| bad())?;
                let month = i8::try_from(number(month, 2)?).map_err(|_| bad())?;
                if !(1..=12).contains(&month) || year < 1900 {
                    return Err(DateError(format!("\"{text}\" is not a real month")));
                }
                Ok(PartialDate::Month { year, month })
            }
            [year, month, day] => {
                number(year, 4)?;
                number(month, 2)?;
                number(day, 2)?;
                let date: Date = text
                    .parse()
                    .map_err(|_| DateError(format!("\"{text}\" is not a real day")))?;
                if date.year() < 1900 {
                    return Err(DateError(format!("\"{text}\" is not a real day")));
                }
                Ok(PartialDate::Day(date))
            }
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Day(date) => write!(f, "{date}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("a date")
    }

    #[test]
    fn months_and_days_round_trip() {
        for text in ["2020-05", "2024-02-29", "1999-12"] {
            let parsed: PartialDate = text.parse().expect(text);
            assert_eq!(parsed.to_string(), text);
        }
    }

    #[test]
    fn a_month_means_its_last_day_for_windows() {
        let may: PartialDate = "2020-05".parse().expect("month");
        assert_eq!(may.last_day(), d("2020-05-31"));
        assert_eq!(may.first_day(), d("2020-05-01"));
        let feb: PartialDate = "2024-02".parse().expect("month");
        assert_eq!(feb.last_day(), d("2024-02-29"));
    }

    #[test]
    fn nonsense_is_refused_in_words() {
        for bad in [
            "2020-13",
            "2020-5",
            "20-05",
            "may 2020",
            "2023-02-29",
            "",
            "2020-05-1x",
        ] {
            let err = bad.parse::<PartialDate>().expect_err(bad);
            assert!(err.to_string().contains('"'), "{err}");
        }
    }

    #[test]
    fn a_month_is_after_today_only_when_it_starts_after_it() {
        let this_month: PartialDate = "2026-11".parse().expect("month");
        assert!(!this_month.is_after(d("2026-11-25")));
        let next: PartialDate = "2026-12".parse().expect("month");
        assert!(next.is_after(d("2026-11-25")));
    }
}
