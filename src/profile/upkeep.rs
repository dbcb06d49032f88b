//! Keeping a credential: the continuing-education log ("Keeping it").
//!
//! The names here are part of the profile's file format (version 3). What
//! the log counts toward is worked out by `advisor::upkeep` from the record:
//! a credential in the background or a certification exam marked done with
//! its date, and a license step of the user's state marked done with its date.

use serde::{Deserialize, Serialize};

use crate::content::Date;

/// Every continuing-education activity the person logged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CeLog {
    pub activities: Vec<Activity>,
}

impl CeLog {
    pub fn is_empty(&self) -> bool {
        *self == CeLog::default()
    }

    /// The id the next activity gets: one above every id in the log.
    pub fn next_id(&self) -> u32 {
        self.activities.iter().map(|a| a.id).max().unwrap_or(0) + 1
    }

    pub fn get(&self, id: u32) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    /// The log with `activity` added (or replacing the one with its id),
    /// kept in date order.
    #[must_use]
    pub fn with(&self, activity: Activity) -> CeLog {
        let mut log = self.without(activity.id);
        log.activities.push(activity);
        log.activities.sort_by_key(|a| (a.date, a.id));
        log
    }

    /// The log without the activity `id`.
    #[must_use]
    pub fn without(&self, id: u32) -> CeLog {
        let mut log = self.clone();
        log.activities.retain(|a| a.id != id);
        log
    }
}

/// What an activity's amount is measured in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Credit {
    /// Contact hours: one CMP or CCP point each (50-60 minutes).
    #[default]
    Hours,
    /// College credit in semester hours.
    SemesterHours,
    /// College credit in quarter hours.
    QuarterHours,
}

impl Credit {
    pub const ALL: [Credit; 3] = [Credit::Hours, Credit::SemesterHours, Credit::QuarterHours];

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    fn is_hours(&self) -> bool {
        *self == Credit::Hours
    }

    pub fn word(self) -> &'static str {
        match self {
            Credit::Hours => "contact hours",
            Credit::SemesterHours => "semester hours",
            Credit::QuarterHours => "quarter hours",
        }
    }
}

/// One course, lecture or college class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Unique within the log.
    pub id: u32,
    pub date: Date,
    /// The amount in tenths of `credit`: `15` is 1.5 hours.
    pub tenths: u32,
    /// Contact hours unless said (college credit converts where the
    /// certifier says how).
    #[serde(default, skip_serializing_if = "Credit::is_hours")]
    pub credit: Credit,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
    /// Topics a rule may require ("safety", "HIV/AIDS").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// The credentials and licenses it counts toward, as the user named
    /// them ("MLT(ASCP)", "California MLT license"); empty is all of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts_for: Vec<String>,
}

/// Tenths as people write them: `15` is "1.5", `20` is "2".
pub fn tenths_words(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// Reads "1.5", "2", "0.5" as tenths; at most one decimal, above zero.
pub fn parse_tenths(text: &str) -> Result<u32, String> {
    let text = text.trim();
    let bad = || format!("'{text}' is not an amount: write hours like 1 or 1.5");
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() && frac.is_empty() {
        return Err(bad());
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    if frac.len() > 1 {
        return Err(format!(
            "'{text}' has more than one decimal: the log keeps tenths of an hour"
        ));
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    if whole > 10_000 {
        return Err(format!("'{text}' is more hours than one activity holds"));
    }
    let frac: u32 = frac.parse().unwrap_or(0);
    let tenths = whole * 10 + frac;
    if tenths == 0 {
        return Err("an activity needs more than 0 hours".to_owned());
    }
    Ok(tenths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_and_write_in_tenths() {
        assert_eq!(parse_tenths("1.5"), Ok(15));
        assert_eq!(parse_tenths("2"), Ok(20));
        assert_eq!(parse_tenths(".5"), Ok(5));
        assert!(parse_tenths("1.25").is_err());
        assert!(parse_tenths("0").is_err());
        assert!(parse_tenths("two").is_err());
        assert!(parse_tenths("-1").is_err());
        assert_eq!(tenths_words(15), "1.5");
        assert_eq!(tenths_words(20), "2");
    }

    #[test]
    fn ids_are_never_reused_while_an_activity_holds_them_and_the_log_stays_in_date_order() {
        let day = |s: &str| s.parse::<Date>().expect("date");
        let a = |id, date: &str| Activity {
            id,
            date: day(date),
            tenths: 10,
            credit: Credit::Hours,
            title: format!("a{id}"),
            provider: String::new(),
            categories: vec![],
            counts_for: vec![],
        };
        let log = CeLog::default()
            .with(a(1, "2025-05-01"))
            .with(a(2, "2025-01-01"));
        assert_eq!(log.next_id(), 3);
        let ids: Vec<u32> = log.activities.iter().map(|x| x.id).collect();
        assert_eq!(ids, [2, 1]);
        assert_eq!(log.without(1).next_id(), 3);
        assert!(log.without(1).without(2).is_empty());
    }
}
