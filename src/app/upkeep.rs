//! The Upkeep screen's state and its updates: the CE log's list, and the
//! small form that adds or edits an activity. Every change goes through
//! `App::commit`, so it is saved, dated in the history and undone with `u`.

use ratatui::crossterm::event::KeyEvent;

use super::{Action, App, Effect, Mode, move_in};
use crate::content::Date;
use crate::profile::{Activity, Change, Credit, Screen, parse_tenths, tenths_words};
use crate::textarea::{self, TextArea};

/// What the Upkeep screen's own keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CeAction {
    Add,
    Edit,
    Remove,
}

/// The Upkeep screen: which logged activity is selected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpkeepView {
    pub selected: usize,
}

/// The fields of the activity form, in order.
pub const FIELDS: [&str; 6] = ["Date", "Hours", "Title", "Provider", "Topics", "Counts for"];

/// What each field takes, shown under the form.
pub const FIELD_HINTS: [&str; 6] = [
    "The day you did it: YYYY-MM-DD.",
    "Contact hours (1.5), or college credit: '3 semester' or '2 quarter'.",
    "What it was called.",
    "Who gave it (optional).",
    "Topics a rule asks for, commas between: safety, HIV/AIDS (optional).",
    "What it counts for, commas between: MLT(ASCP), California MLT license. Empty: all.",
];

/// Adding (no id) or editing one activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CeForm {
    pub editing: Option<u32>,
    pub fields: [TextArea; 6],
    pub cursor: usize,
    /// The field refused on the last save, and why.
    pub error: Option<(usize, String)>,
}

fn field(text: &str) -> TextArea {
    TextArea::single_line(text).with_max_chars(200)
}

impl CeForm {
    /// A new activity, dated today.
    pub fn new(today: Date) -> CeForm {
        CeForm {
            editing: None,
            fields: [
                field(&today.to_string()),
                field(""),
                field(""),
                field(""),
                field(""),
                field(""),
            ],
            cursor: 1,
            error: None,
        }
    }

    pub fn edit(a: &Activity) -> CeForm {
        let amount = match a.credit {
            Credit::Hours => tenths_words(a.tenths),
            Credit::SemesterHours => format!("{} semester", tenths_words(a.tenths)),
            Credit::QuarterHours => format!("{} quarter", tenths_words(a.tenths)),
        };
        CeForm {
            editing: Some(a.id),
            fields: [
                field(&a.date.to_string()),
                field(&amount),
                field(&a.title),
                field(&a.provider),
                field(&a.categories.join(", ")),
                field(&a.counts_for.join(", ")),
            ],
            cursor: 0,
            error: None,
        }
    }

    fn input(&mut self, key: KeyEvent) -> textarea::Edit {
        self.fields[self.cursor].input(key)
    }

    fn paste(&mut self, text: &str) -> textarea::Edit {
        self.fields[self.cursor].insert_str(&textarea::clean(text, true))
    }

    /// The activity the form holds, or the field that does not read and why.
    pub fn to_activity(&self, id: u32, today: Date) -> Result<Activity, (usize, String)> {
        let text = |i: usize| self.fields[i].text().trim().to_owned();
        let date: Date = text(0)
            .parse()
            .map_err(|_| (0, "write the date as YYYY-MM-DD".to_owned()))?;
        // Tomorrow is taken: a certificate from a provider in a time zone
        // ahead of yours may carry tomorrow's date (as `medtech ce add`).
        if date > today.tomorrow().unwrap_or(today) {
            return Err((0, format!("{date} is after today: log it once done")));
        }
        let (credit, tenths) = parse_amount(&text(1)).map_err(|e| (1, e))?;
        let title = text(2);
        if title.is_empty() {
            return Err((2, "say what the activity was".to_owned()));
        }
        let list = |i: usize| -> Vec<String> {
            text(i)
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        };
        Ok(Activity {
            id,
            date,
            tenths,
            credit,
            title,
            provider: text(3),
            categories: list(4),
            counts_for: list(5),
        })
    }
}

/// "1.5" is contact hours; "3 semester", "2 quarter" (or "sem", "qtr")
/// college credit.
pub fn parse_amount(text: &str) -> Result<(Credit, u32), String> {
    let mut words = text.split_whitespace();
    let number = words.next().unwrap_or("");
    let credit = match words.next().map(str::to_lowercase).as_deref() {
        None | Some("h" | "hour" | "hours") => Credit::Hours,
        Some(w) if w.starts_with("sem") => Credit::SemesterHours,
        Some(w) if w.starts_with('q') => Credit::QuarterHours,
        Some(other) => {
            return Err(format!(
                "'{other}': write hours (1.5), or '3 semester' or '2 quarter'"
            ));
        }
    };
    if number.is_empty() {
        return Err("how many hours? (1.5, or '3 semester')".to_owned());
    }
    parse_tenths(number).map(|t| (credit, t))
}

impl App {
    /// The Upkeep screen's selection.
    pub fn upkeep_view(&self) -> UpkeepView {
        self.upkeep
    }

    /// Keys on the Upkeep screen; `None`: not its key, the screen's
    /// common handling goes on.
    pub(super) fn update_upkeep(&mut self, action: &Action) -> Option<Vec<Effect>> {
        if self.screen != Screen::Upkeep {
            return None;
        }
        let len = self.profile.ce.activities.len();
        match action {
            action if action.moves_cursor() => {
                let mut cursor = self.upkeep.selected.min(len.saturating_sub(1));
                move_in(&mut cursor, len, action, 5);
                self.upkeep.selected = cursor;
                Some(Vec::new())
            }
            Action::Ce(CeAction::Add) => {
                self.mode = Mode::Ce(Box::new(CeForm::new(self.clock.today())));
                Some(Vec::new())
            }
            Action::Ce(CeAction::Edit) => {
                match self.profile.ce.activities.get(self.upkeep.selected) {
                    Some(a) => self.mode = Mode::Ce(Box::new(CeForm::edit(a))),
                    None => {
                        self.notice = Some("Nothing to edit yet: {CeAdd} logs an activity.".into());
                    }
                }
                Some(Vec::new())
            }
            Action::Ce(CeAction::Remove) => {
                let Some(a) = self.profile.ce.activities.get(self.upkeep.selected) else {
                    self.notice = Some("Nothing to remove.".into());
                    return Some(Vec::new());
                };
                let label = format!("removed “{}”", a.title);
                let to = self.profile.ce.without(a.id);
                let effects = self.commit_ce(label, to);
                self.notice = Some("Activity removed. {Undo} brings it back.".into());
                Some(effects)
            }
            _ => None,
        }
    }

    fn commit_ce(&mut self, label: String, to: crate::profile::CeLog) -> Vec<Effect> {
        let change = Change::Ce {
            from: Box::new(self.profile.ce.clone()),
            to: Box::new(to),
        };
        let effects = self.commit(label, vec![change]);
        let len = self.profile.ce.activities.len();
        self.upkeep.selected = self.upkeep.selected.min(len.saturating_sub(1));
        effects
    }

    /// Keys in the activity form.
    pub(super) fn update_ce_form(&mut self, action: Action) -> Vec<Effect> {
        let Mode::Ce(mut form) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        let today = self.clock.today();
        let action = match action {
            Action::Confirm if form.cursor == FIELDS.len() - 1 => Action::SaveText,
            other => other,
        };
        match action {
            Action::Up => form.cursor = form.cursor.checked_sub(1).unwrap_or(FIELDS.len() - 1),
            Action::Down | Action::Confirm => form.cursor = (form.cursor + 1) % FIELDS.len(),
            Action::Input(key) if form.input(key) == textarea::Edit::TooLong => {
                self.notice = Some("Not added: a field holds at most 200 characters.".into());
            }
            Action::Paste(text) => {
                form.paste(&text);
            }
            Action::Close => {
                self.notice = Some("Closed; nothing was logged.".into());
                return Vec::new();
            }
            Action::SaveText if self.read_only => {
                self.notice = Some("Read-only: the activity cannot be saved here.".into());
            }
            Action::SaveText => {
                let id = form.editing.unwrap_or_else(|| self.profile.ce.next_id());
                match form.to_activity(id, today) {
                    Ok(activity) => {
                        let label = if form.editing.is_some() {
                            format!("edited “{}”", activity.title)
                        } else {
                            format!("logged “{}”", activity.title)
                        };
                        let to = self.profile.ce.with(activity);
                        let effects = self.commit_ce(label, to);
                        if let Some(i) = self.profile.ce.activities.iter().position(|a| a.id == id)
                        {
                            self.upkeep.selected = i;
                        }
                        self.notice = Some("Activity saved. {Undo} undoes it.".into());
                        return effects;
                    }
                    Err((index, why)) => {
                        form.cursor = index;
                        form.error = Some((index, why));
                    }
                }
            }
            Action::Quit => {
                self.mode = Mode::Ce(form);
                return self.quit(false);
            }
            _ => {}
        }
        self.mode = Mode::Ce(form);
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_reads_as_hours_or_college_credit() {
        assert_eq!(parse_amount("1.5"), Ok((Credit::Hours, 15)));
        assert_eq!(parse_amount("2 hours"), Ok((Credit::Hours, 20)));
        assert_eq!(parse_amount("3 semester"), Ok((Credit::SemesterHours, 30)));
        assert_eq!(parse_amount("2 qtr"), Ok((Credit::QuarterHours, 20)));
        assert!(parse_amount("").is_err());
        assert!(parse_amount("3 weeks").is_err());
    }
}
