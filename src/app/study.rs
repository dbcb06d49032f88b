//! The exam study view (`E`): the plan's weeks and areas, a form to set the
//! exam, date and hours, and one to log a practice test. Its state and
//! update live here; app.rs only routes to it. Every change is one
//! `Change::Study`, so undo and the history treat it like any other.

use crate::advisor::study::{self, Refused, StudyPlan};
use crate::content::{Date, Guide};
use crate::profile::{Change, Preference, Profile, Study};
use crate::textarea::{Edit, TextArea};

use super::{Action, App, Effect, Mode, move_in, too_long};

/// Which form is open over the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// The exam, its date and the hours a week.
    Settings,
    /// One practice-test result.
    Practice,
}

/// A small form: labelled one-line fields, one focused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyForm {
    pub kind: FormKind,
    pub fields: Vec<(&'static str, TextArea)>,
    pub focus: usize,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

impl StudyForm {
    pub fn title(&self) -> &'static str {
        match self.kind {
            FormKind::Settings => "Your exam",
            FormKind::Practice => "Log a practice test",
        }
    }

    /// What each field takes, shown under the fields.
    pub fn help(&self) -> &'static str {
        match self.kind {
            FormKind::Settings => {
                "Exam: a credential (MLT(ASCP), MLS(ASCP), MLT(AMT), MT(AAB)...). Date: YYYY-MM-DD, the day you booked (or hope to book) at the test center, at least 2 weeks ahead. Hours: 1 to 60 a week."
            }
            FormKind::Practice => {
                "Area: its name or the start of it. Score: percent correct, 0 to 100."
            }
        }
    }

    fn text(&self, i: usize) -> String {
        self.fields
            .get(i)
            .map(|f| f.1.text().trim().to_owned())
            .unwrap_or_default()
    }
}

/// The study view's state: the plan as of the last change, the selected
/// week and any open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyView {
    pub plan: Result<StudyPlan, Refused>,
    pub selected: usize,
    pub form: Option<StudyForm>,
}

impl StudyView {
    /// The view for this profile today: on the current week; with the
    /// settings form open when nothing is set yet.
    pub fn open(guide: &Guide, profile: &Profile, planned: Option<&str>, today: Date) -> StudyView {
        let plan = study::plan(guide, &profile.study, today);
        let selected = plan
            .as_ref()
            .ok()
            .and_then(|p| p.current(today))
            .unwrap_or(0);
        let form = (profile.study.date.is_none() || profile.study.exam.is_none())
            .then(|| settings_form(guide, profile, planned));
        StudyView {
            plan,
            selected,
            form,
        }
    }
}

/// The settings form, filled with what is saved, else the defaults: the
/// exam of the person's plan, or of their goal at the certifier they
/// prefer (when the guide has its outline); the date starts empty.
pub fn settings_form(guide: &Guide, profile: &Profile, planned: Option<&str>) -> StudyForm {
    let s = &profile.study;
    // With no plan yet, the goal at the certifier the person prefers.
    let preferred = profile.background.certifier.and_then(|c| {
        let id = match c {
            Preference::Ascp => "ascp",
            Preference::Amt => "amt",
            Preference::Aab => "aab",
            Preference::Undecided => return None,
        };
        guide
            .credentials
            .iter()
            .find(|cr| cr.certifier == id && cr.goal == profile.goal && !cr.name.ends_with("i)"))
            .map(|cr| cr.name.clone())
    });
    let exam = s
        .exam
        .clone()
        .or_else(|| study::default_exam(guide, planned))
        .or_else(|| study::default_exam(guide, preferred.as_deref()))
        .unwrap_or_default();
    // No default date: the exam step's date is the day it was done, never
    // ahead, so the field starts empty and its help says which date to put.
    let date = s.date.map(|d| d.to_string()).unwrap_or_default();
    let hours = s.hours_per_week.map(|h| h.to_string()).unwrap_or_default();
    StudyForm {
        kind: FormKind::Settings,
        fields: vec![
            ("Exam", TextArea::single_line(&exam).with_max_chars(20)),
            ("Date", TextArea::single_line(&date).with_max_chars(10)),
            (
                "Hours a week",
                TextArea::single_line(&hours).with_max_chars(2),
            ),
        ],
        focus: 0,
        error: None,
    }
}

/// The practice form: today's date, the weakest area so far, no score.
pub fn practice_form(today: Date) -> StudyForm {
    StudyForm {
        kind: FormKind::Practice,
        fields: vec![
            (
                "Date",
                TextArea::single_line(&today.to_string()).with_max_chars(10),
            ),
            ("Area", TextArea::single_line("").with_max_chars(40)),
            ("Score %", TextArea::single_line("").with_max_chars(3)),
        ],
        focus: 1,
        error: None,
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|_| format!("\"{text}\" is not a date: write it YYYY-MM-DD."))
}

/// The study section after the form, or why not. Pure.
pub fn submit(form: &StudyForm, guide: &Guide, now: &Study, today: Date) -> Result<Study, String> {
    match form.kind {
        FormKind::Settings => {
            let typed = form.text(0);
            let exam = study::credential_name(guide, &typed)
                .ok_or_else(|| Refused::UnknownExam(typed.clone()).to_string())?;
            let date = parse_date(&form.text(1))?;
            let hours: u8 = form
                .text(2)
                .parse()
                .map_err(|_| format!("\"{}\" is not a number of hours.", form.text(2)))?;
            study::check(guide, &exam, date, hours, today).map_err(|e| e.to_string())?;
            Ok(now.with_settings(&exam, date, hours, today))
        }
        FormKind::Practice => {
            let date = parse_date(&form.text(0))?;
            if date > today {
                return Err(format!("{date} is in the future."));
            }
            let name = now.exam.as_deref().ok_or(Refused::NoExam.to_string())?;
            let exam = guide
                .exam(name)
                .ok_or_else(|| Refused::UnknownExam(name.to_owned()).to_string())?;
            let area = study::area_name(exam, &form.text(1))?;
            let score: u8 = form
                .text(2)
                .parse()
                .ok()
                .filter(|s| *s <= 100)
                .ok_or_else(|| format!("\"{}\" is not a score from 0 to 100.", form.text(2)))?;
            Ok(now.with_practice(date, &area, score))
        }
    }
}

impl App {
    /// `E`: the study view.
    pub(super) fn open_study(&mut self) {
        let planned = self.advice.plan.as_ref().map(|p| p.credential.clone());
        let view = StudyView::open(
            &self.guide,
            &self.profile,
            planned.as_deref(),
            self.clock.today(),
        );
        self.mode = Mode::Study(Box::new(view));
    }

    fn study_commit(&mut self, label: String, to: Study) -> Vec<Effect> {
        let from = Box::new(self.profile.study.clone());
        self.commit(
            label,
            vec![Change::Study {
                from,
                to: Box::new(to),
            }],
        )
    }

    pub(super) fn update_study(&mut self, action: Action) -> Vec<Effect> {
        let Mode::Study(mut view) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        let today = self.clock.today();
        let effects = if let Some(form) = view.form.take() {
            self.study_form(&mut view, form, action, today)
        } else {
            match action {
                Action::Close | Action::OpenStudy => return Vec::new(),
                Action::OpenHelp => {
                    self.mode = Mode::Study(view);
                    self.open_help();
                    return Vec::new();
                }
                other => self.study_list(&mut view, other, today),
            }
        };
        view.plan = study::plan(&self.guide, &self.profile.study, today);
        let weeks = view.plan.as_ref().map_or(0, |p| p.weeks.len());
        view.selected = view.selected.min(weeks.saturating_sub(1));
        self.mode = Mode::Study(view);
        effects
    }

    /// A key on the plan itself (no form open).
    fn study_list(&mut self, view: &mut StudyView, action: Action, today: Date) -> Vec<Effect> {
        let weeks = view.plan.as_ref().map_or(0, |p| p.weeks.len());
        match action {
            Action::Quit => return self.quit(false),
            Action::StudySet => {
                let planned = self.advice.plan.as_ref().map(|p| p.credential.clone());
                view.form = Some(settings_form(
                    &self.guide,
                    &self.profile,
                    planned.as_deref(),
                ));
            }
            Action::StudyPractice if view.plan.is_ok() => view.form = Some(practice_form(today)),
            Action::StudyPractice => {
                self.notice =
                    Some("Set the exam first: a practice test counts against its areas.".into());
            }
            Action::Toggle if self.read_only => {
                self.notice = Some("Read-only: changes cannot be saved here.".into());
            }
            Action::Toggle => {
                if let Ok(plan) = &view.plan
                    && let Some(week) = plan.weeks.get(view.selected)
                {
                    let to = self.profile.study.with_week(week.start, !week.done);
                    let word = if week.done { "not done" } else { "done" };
                    let label = format!("marked the week of {} {word}", week.start);
                    return self.study_commit(label, to);
                }
            }
            Action::Undo => return self.undo(),
            Action::Redo => return self.redo(),
            other => move_in(&mut view.selected, weeks, &other, 5),
        }
        Vec::new()
    }

    /// A key in the open form; the form stays open unless saved or closed.
    fn study_form(
        &mut self,
        view: &mut StudyView,
        mut form: StudyForm,
        action: Action,
        today: Date,
    ) -> Vec<Effect> {
        match action {
            Action::Close => return Vec::new(),
            Action::Quit => return self.quit(false),
            Action::Up => form.focus = form.focus.saturating_sub(1),
            Action::Down => form.focus = (form.focus + 1).min(form.fields.len() - 1),
            Action::Confirm | Action::SaveText if self.read_only => {
                self.notice = Some("Read-only: changes cannot be saved here.".into());
            }
            Action::Confirm | Action::SaveText => {
                match submit(&form, &self.guide, &self.profile.study, today) {
                    Ok(to) => {
                        let label = match form.kind {
                            FormKind::Settings => "set the exam study plan".to_owned(),
                            FormKind::Practice => {
                                let added = to
                                    .practice
                                    .iter()
                                    .find(|p| !self.profile.study.practice.contains(p));
                                added.map_or_else(
                                    || "logged a practice test".to_owned(),
                                    |p| format!("logged {} {}%", p.area, p.score),
                                )
                            }
                        };
                        return self.study_commit(label, to);
                    }
                    Err(e) => form.error = Some(e),
                }
            }
            Action::Input(_) | Action::Paste(_) => {
                let focus = form.focus;
                if let Some((what, field)) = form.fields.get_mut(focus) {
                    let edit = match action {
                        Action::Input(key) => field.input(key),
                        Action::Paste(text) => field.insert_str(&text),
                        _ => Edit::Ignored,
                    };
                    match edit {
                        Edit::Changed => form.error = None,
                        Edit::TooLong => self.notice = Some(too_long(what, field)),
                        Edit::Moved | Edit::Ignored => {}
                    }
                }
            }
            _ => {}
        }
        view.form = Some(form);
        Vec::new()
    }
}
