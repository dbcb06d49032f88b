//! Changes to the record as values. Applying, undoing and the dated history
//! all use them, so an undo is the inverse change, never a copy of the whole
//! profile.

use serde::{Deserialize, Serialize};

use super::{Background, CeLog, PartialDate, Shortlist, Status, Study};
use crate::content::{Date, Goal};

/// One change to the user's record, with the value before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Status {
        step: String,
        from: Status,
        to: Status,
    },
    /// The day (or month) a step was done.
    Date {
        step: String,
        from: Option<PartialDate>,
        to: Option<PartialDate>,
    },
    Note {
        step: String,
        from: String,
        to: String,
    },
    Goal {
        from: Goal,
        to: Goal,
    },
    State {
        from: Option<String>,
        to: Option<String>,
    },
    Background {
        from: Box<Background>,
        to: Box<Background>,
    },
    /// The programs considered and the choice.
    Shortlist {
        from: Box<Shortlist>,
        to: Box<Shortlist>,
    },
    /// The continuing-education log.
    Ce {
        from: Box<CeLog>,
        to: Box<CeLog>,
    },
    /// The study plan and practice tests.
    Study {
        from: Box<Study>,
        to: Box<Study>,
    },
}

impl Change {
    /// The change that takes this one back.
    #[must_use]
    pub fn inverse(&self) -> Change {
        match self.clone() {
            Change::Status { step, from, to } => Change::Status {
                step,
                from: to,
                to: from,
            },
            Change::Date { step, from, to } => Change::Date {
                step,
                from: to,
                to: from,
            },
            Change::Note { step, from, to } => Change::Note {
                step,
                from: to,
                to: from,
            },
            Change::Goal { from, to } => Change::Goal { from: to, to: from },
            Change::State { from, to } => Change::State { from: to, to: from },
            Change::Background { from, to } => Change::Background { from: to, to: from },
            Change::Shortlist { from, to } => Change::Shortlist { from: to, to: from },
            Change::Ce { from, to } => Change::Ce { from: to, to: from },
            Change::Study { from, to } => Change::Study { from: to, to: from },
        }
    }

    /// What the history keeps of it: the new value, without note text.
    pub fn event(&self) -> Event {
        match self {
            Change::Status { step, to, .. } => Event::Status {
                step: step.clone(),
                to: *to,
            },
            Change::Date { step, to, .. } => Event::Date {
                step: step.clone(),
                to: *to,
            },
            Change::Note { step, .. } => Event::Note { step: step.clone() },
            Change::Goal { to, .. } => Event::Goal(*to),
            Change::State { to, .. } => Event::State(to.clone()),
            Change::Background { .. } => Event::Background,
            Change::Shortlist { .. } => Event::Shortlist,
            Change::Ce { .. } => Event::Ce,
            Change::Study { .. } => Event::Study,
        }
    }

    /// A change that changes nothing is never recorded.
    pub fn is_noop(&self) -> bool {
        match self {
            Change::Status { from, to, .. } => from == to,
            Change::Date { from, to, .. } => from == to,
            Change::Note { from, to, .. } => from == to,
            Change::Goal { from, to } => from == to,
            Change::State { from, to } => from == to,
            Change::Background { from, to } => from == to,
            Change::Shortlist { from, to } => from == to,
            Change::Ce { from, to } => from == to,
            Change::Study { from, to } => from == to,
        }
    }
}

/// What one key press did to the record: the unit of undo, with the words
/// the undo message uses ("marked “Apply” done").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub label: String,
    pub changes: Vec<Change>,
}

/// Undo and redo for this session.
#[derive(Debug, Clone, Default)]
pub struct UndoStack {
    done: Vec<Edit>,
    undone: Vec<Edit>,
}

impl UndoStack {
    /// A new edit was made: it can be undone, and nothing can be redone.
    pub fn push(&mut self, edit: Edit) {
        self.done.push(edit);
        self.undone.clear();
    }

    /// The edit to take back, moved to the redo side.
    pub fn undo(&mut self) -> Option<&Edit> {
        let edit = self.done.pop()?;
        self.undone.push(edit);
        self.undone.last()
    }

    /// The edit to make again, moved back to the undo side.
    pub fn redo(&mut self) -> Option<&Edit> {
        let edit = self.undone.pop()?;
        self.done.push(edit);
        self.done.last()
    }
}

/// One dated line of the history kept in the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub on: Date,
    pub event: Event,
}

/// What changed, as the history records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    Status {
        step: String,
        to: Status,
    },
    Date {
        step: String,
        to: Option<PartialDate>,
    },
    /// The note of a step was edited (the text is in the step's record).
    Note {
        step: String,
    },
    Goal(Goal),
    State(Option<String>),
    Background,
    /// The shortlist of programs or the choice changed (version 3).
    Shortlist,
    /// The continuing-education log changed (version 3).
    Ce,
    /// The study plan or a practice test changed (version 3).
    Study,
}

/// The history keeps this many entries; older ones are dropped first.
pub const HISTORY_LIMIT: usize = 1000;
