//! Version 1 of the profile, frozen as it shipped, and its migration to the
//! current version. Never change these types: files in this shape exist on
//! users' disks. `tests/fixtures/profiles/v1.ron` is the golden file.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Profile, Resume, Screen, Status, StepRecord};
use crate::content::{Area, Date, Goal};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename = "Profile")]
pub struct ProfileV1 {
    pub version: u32,
    pub goal: Goal,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub steps: BTreeMap<String, StepRecordV1>,
    #[serde(default)]
    pub position: PositionV1,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename = "StepRecord")]
pub struct StepRecordV1 {
    pub status: StatusV1,
    pub date: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename = "Status")]
pub enum StatusV1 {
    Done,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename = "Screen")]
pub enum ScreenV1 {
    #[default]
    Dashboard,
    Education,
    Certification,
    Licensing,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename = "Position")]
pub struct PositionV1 {
    pub screen: ScreenV1,
    #[serde(default)]
    pub selected: BTreeMap<Area, String>,
}

impl ProfileV1 {
    /// Every tick keeps its date; the position becomes where to resume.
    /// A date the current version would refuse (version 1 took any day,
    /// 1899 included) is not carried into a file this build could not read
    /// back: the migration fails and says which step holds it.
    pub fn migrate(self) -> Result<Profile, String> {
        let steps = self
            .steps
            .into_iter()
            .map(|(id, record)| {
                let StatusV1::Done = record.status;
                let date = super::PartialDate::kept_day(record.date)
                    .map_err(|e| format!("the step \"{id}\" is dated {}: {e}", record.date))?;
                Ok((
                    id,
                    StepRecord {
                        status: Status::Done,
                        date: Some(date),
                        note: String::new(),
                    },
                ))
            })
            .collect::<Result<_, String>>()?;
        let screen = match self.position.screen {
            ScreenV1::Dashboard => Screen::Dashboard,
            ScreenV1::Education => Screen::Education,
            ScreenV1::Certification => Screen::Certification,
            ScreenV1::Licensing => Screen::Licensing,
        };
        Ok(Profile {
            goal: self.goal,
            state: self.state,
            steps,
            resume: Resume {
                screen,
                selected: self.position.selected,
            },
            ..Profile::default()
        })
    }
}
