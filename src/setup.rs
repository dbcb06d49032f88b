//! The setup form: the user's background, one field a row, each answer
//! optional. Values are checked where they are typed, and only a form whose
//! every field reads correctly becomes a `Background`: nothing half-typed is
//! ever saved.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::content::{Accreditor, Date, Discipline, Program};
use crate::profile::{
    Background, Education, Experience, HeldCredential, Listed, MilitaryCourse, PartialDate,
    Preference, ProgramDone, credential_key,
};
use crate::textarea::{Edit, TextArea};

/// The questions, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Education,
    Field,
    SemesterHours,
    ChemistryHours,
    BiologyHours,
    OrganicHours,
    MicrobiologyHours,
    ProgramKind,
    ProgramAccreditor,
    ProgramFinished,
    MilitaryWeeks,
    MilitaryFinished,
    ExperienceMonths,
    ExperienceEnded,
    ExperienceAreas,
    CredentialName,
    CredentialSince,
    Abroad,
    Certifier,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One of these; index 0 is always "don't know".
    Choice(&'static [&'static str]),
    /// A whole number up to this.
    Number(u16),
    /// `YYYY-MM` or `YYYY-MM-DD`, not in the future.
    Month,
    Text,
    /// Any of the lab areas.
    Areas,
}

pub const AREAS: [(Discipline, &str); 7] = [
    (Discipline::BloodBank, "blood bank"),
    (Discipline::Chemistry, "chemistry"),
    (Discipline::Hematology, "hematology"),
    (Discipline::Microbiology, "microbiology"),
    (Discipline::Immunology, "immunology"),
    (Discipline::Urinalysis, "urinalysis"),
    (Discipline::LabOperations, "lab operations"),
];

const EDUCATION: &[&str] = &[
    "don't know",
    "high school",
    "some college",
    "associate degree",
    "bachelor's or higher",
];
/// "none" last: a draft saved before it was added keeps its meaning.
const PROGRAM: &[&str] = &["don't know", "MLT program", "MLS program", "none"];
/// The index of "none" among [`PROGRAM`].
const NO_PROGRAM: usize = 3;
const ACCREDITOR: &[&str] = &[
    "don't know",
    "NAACLS",
    "ABHES",
    "CAAHEP",
    "other DOE/CHEA",
    "HHS-approved",
];
const YES_NO: &[&str] = &["don't know", "no", "yes"];
const CERTIFIER: &[&str] = &["don't know", "ASCP", "AMT", "AAB", "undecided"];

impl Question {
    pub const ALL: [Question; 19] = [
        Question::Education,
        Question::Field,
        Question::SemesterHours,
        Question::ChemistryHours,
        Question::BiologyHours,
        Question::OrganicHours,
        Question::MicrobiologyHours,
        Question::ProgramKind,
        Question::ProgramAccreditor,
        Question::ProgramFinished,
        Question::MilitaryWeeks,
        Question::MilitaryFinished,
        Question::ExperienceMonths,
        Question::ExperienceEnded,
        Question::ExperienceAreas,
        Question::CredentialName,
        Question::CredentialSince,
        Question::Abroad,
        Question::Certifier,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Question::Education => "Highest education",
            Question::Field => "Field of study",
            Question::SemesterHours => "Semester hours, in all",
            Question::ChemistryHours => "  of chemistry",
            Question::BiologyHours => "  of biology",
            Question::OrganicHours => "  of organic/biochemistry",
            Question::MicrobiologyHours => "  of microbiology",
            Question::ProgramKind => "Accredited program done",
            Question::ProgramAccreditor => "  accredited by",
            Question::ProgramFinished | Question::MilitaryFinished => "  finished (YYYY-MM)",
            Question::MilitaryWeeks => "Military lab course, weeks",
            Question::ExperienceMonths => "Full-time lab work, months",
            Question::ExperienceEnded => "  ended (empty: still there)",
            Question::ExperienceAreas => "  areas",
            Question::CredentialName => "Credential held",
            Question::CredentialSince => "  since (YYYY-MM)",
            Question::Abroad => "Educated outside US/Canada",
            Question::Certifier => "Certifier you prefer",
        }
    }

    /// What an empty answer means, as the form shows it: "still there"
    /// for the end of a job (its label says so), else "don't know".
    pub fn empty_words(self) -> &'static str {
        match self {
            Question::ExperienceEnded => "still there",
            _ => "don't know",
        }
    }

    /// The hint's words for an empty answer: "you still work there" for
    /// the end of a job, else "you do not know".
    pub fn empty_means(self) -> &'static str {
        match self {
            Question::ExperienceEnded => "you still work there",
            _ => "you do not know",
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Question::Education => Kind::Choice(EDUCATION),
            Question::Field | Question::CredentialName => Kind::Text,
            Question::SemesterHours
            | Question::ChemistryHours
            | Question::BiologyHours
            | Question::OrganicHours
            | Question::MicrobiologyHours => Kind::Number(400),
            Question::ProgramKind => Kind::Choice(PROGRAM),
            Question::ProgramAccreditor => Kind::Choice(ACCREDITOR),
            Question::MilitaryWeeks => Kind::Number(200),
            Question::ExperienceMonths => Kind::Number(600),
            Question::ProgramFinished
            | Question::MilitaryFinished
            | Question::ExperienceEnded
            | Question::CredentialSince => Kind::Month,
            Question::ExperienceAreas => Kind::Areas,
            Question::Abroad => Kind::Choice(YES_NO),
            Question::Certifier => Kind::Choice(CERTIFIER),
        }
    }
}

/// One answer as it is being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Choice(usize),
    Text(Box<TextArea>),
    Areas { on: [bool; 7], cursor: usize },
}

impl Answer {
    /// The text typed, for text-like answers.
    pub fn text(&self) -> String {
        match self {
            Answer::Text(t) => t.text().trim().to_owned(),
            _ => String::new(),
        }
    }
}

/// The whole form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupForm {
    pub answers: Vec<Answer>,
    pub cursor: usize,
    /// A refused answer: which question, and why.
    pub error: Option<(usize, String)>,
    /// Set after Esc on a form that does not read: a second Esc leaves
    /// without saving.
    pub leaving: bool,
    /// Shown after the welcome: the first launch.
    pub first_time: bool,
    /// The background the form started from, kept for what the form does
    /// not show (a second program, job or credential).
    base: Background,
    /// The credentials the guide knows, as their certifiers write them:
    /// ←/→ on "Credential held" picks among them (and "none").
    picks: Vec<String>,
}

pub use crate::storage::{DraftAnswer, FormDraft};

fn text(value: &str) -> Answer {
    Answer::Text(Box::new(TextArea::single_line(value).with_max_chars(60)))
}

fn number(value: Option<u16>) -> Answer {
    text(&value.map(|v| v.to_string()).unwrap_or_default())
}

fn month(value: Option<PartialDate>) -> Answer {
    text(&value.map(|v| v.to_string()).unwrap_or_default())
}

impl SetupForm {
    /// The form filled in from what the profile already says.
    pub fn new(bg: &Background, first_time: bool) -> SetupForm {
        let program = bg.programs.first();
        let job = bg.experience.first();
        let credential = bg.credentials.first();
        let answers = Question::ALL
            .iter()
            .map(|q| match q {
                Question::Education => Answer::Choice(
                    bg.education
                        .and_then(|e| Education::ALL.iter().position(|x| *x == e))
                        .map_or(0, |i| i + 1),
                ),
                Question::Field => text(bg.field.as_deref().unwrap_or("")),
                Question::SemesterHours => number(bg.semester_hours),
                Question::ChemistryHours => number(bg.chemistry_hours),
                Question::BiologyHours => number(bg.biology_hours),
                Question::OrganicHours => number(bg.organic_or_biochemistry_hours),
                Question::MicrobiologyHours => number(bg.microbiology_hours),
                Question::ProgramKind => Answer::Choice(match program.map(|p| p.kind) {
                    None if bg.has_none(Listed::Programs) => NO_PROGRAM,
                    None => 0,
                    Some(Program::Mlt) => 1,
                    Some(Program::Mls) => 2,
                }),
                Question::ProgramAccreditor => {
                    Answer::Choice(program.map_or(0, |p| accreditor_index(p.accreditor)))
                }
                Question::ProgramFinished => month(program.map(|p| p.finished)),
                // No course, said so (or with the education answered):
                // shown as 0, not as "don't know".
                Question::MilitaryWeeks => number(
                    bg.military_course
                        .as_ref()
                        .map(|c| c.weeks)
                        .or(bg.has_none(Listed::MilitaryCourse).then_some(0)),
                ),
                Question::MilitaryFinished => {
                    month(bg.military_course.as_ref().map(|c| c.finished))
                }
                Question::ExperienceMonths => number(
                    job.map(|j| j.months)
                        .or(bg.has_none(Listed::Experience).then_some(0)),
                ),
                Question::ExperienceEnded => month(job.and_then(|j| j.ended)),
                Question::ExperienceAreas => {
                    let mut on = [false; 7];
                    for (i, (d, _)) in AREAS.iter().enumerate() {
                        on[i] = job.is_some_and(|j| j.areas.contains(d));
                    }
                    Answer::Areas { on, cursor: 0 }
                }
                Question::CredentialName => text(credential.map_or(
                    if bg.has_none(Listed::Credentials) {
                        NO_CREDENTIAL
                    } else {
                        ""
                    },
                    |c| c.name.as_str(),
                )),
                Question::CredentialSince => month(credential.map(|c| c.since)),
                Question::Abroad => Answer::Choice(match bg.educated_abroad {
                    None => 0,
                    Some(false) => 1,
                    Some(true) => 2,
                }),
                Question::Certifier => Answer::Choice(match bg.certifier {
                    None => 0,
                    Some(Preference::Ascp) => 1,
                    Some(Preference::Amt) => 2,
                    Some(Preference::Aab) => 3,
                    Some(Preference::Undecided) => 4,
                }),
            })
            .collect();
        SetupForm {
            answers,
            cursor: 0,
            error: None,
            leaving: false,
            first_time,
            base: bg.clone(),
            picks: Vec::new(),
        }
    }

    /// The form with the guide's credentials to pick from on "Credential
    /// held" (typing one stays possible).
    #[must_use]
    pub fn picking_from(mut self, guide: &crate::content::Guide) -> SetupForm {
        self.picks = guide.credentials.iter().map(|c| c.name.clone()).collect();
        self
    }

    /// What ←/→ go through on "Credential held": empty ("don't know"),
    /// the guide's credentials, then "none".
    fn credential_options(&self) -> Vec<&str> {
        std::iter::once("")
            .chain(self.picks.iter().map(String::as_str))
            .chain(std::iter::once(NO_CREDENTIAL))
            .collect()
    }

    /// Where the credential answer stands among
    /// [`Self::credential_options`], written as the list writes it: `None`
    /// for anything typed (the arrows then move the cursor in it).
    fn credential_position(&self) -> Option<usize> {
        let typed = self.answer(Question::CredentialName).text();
        self.credential_options().iter().position(|o| *o == typed)
    }

    /// The guide's own spelling of a credential typed another way
    /// (`ascp mlt` is `MLT(ASCP)`), else as typed.
    fn credential_name(&self, typed: String) -> String {
        let key = credential_key(&typed);
        self.picks
            .iter()
            .find(|p| credential_key(p) == key)
            .cloned()
            .unwrap_or(typed)
    }

    /// The answers as typed, for a draft.
    pub fn draft(&self) -> FormDraft {
        FormDraft {
            answers: self
                .answers
                .iter()
                .map(|answer| match answer {
                    Answer::Choice(i) => DraftAnswer::Choice(*i),
                    Answer::Text(t) => DraftAnswer::Text(t.text()),
                    Answer::Areas { on, .. } => DraftAnswer::Areas(on.to_vec()),
                })
                .collect(),
            cursor: self.cursor,
            first_time: self.first_time,
        }
    }

    /// The form as a draft left it, over `bg` (what the profile says, which
    /// keeps what the form does not show). An answer the draft gets wrong
    /// (a hand-edited file) stays as `bg` has it.
    pub fn resume(bg: &Background, draft: &FormDraft) -> SetupForm {
        let mut form = SetupForm::new(bg, draft.first_time);
        for ((answer, question), kept) in form
            .answers
            .iter_mut()
            .zip(Question::ALL)
            .zip(&draft.answers)
        {
            match (answer, question.kind(), kept) {
                (Answer::Choice(i), Kind::Choice(options), DraftAnswer::Choice(k))
                    if *k < options.len() =>
                {
                    *i = *k;
                }
                (Answer::Text(t), _, DraftAnswer::Text(typed)) => t.set_text(typed),
                (Answer::Areas { on, .. }, _, DraftAnswer::Areas(ticked))
                    if ticked.len() == on.len() =>
                {
                    on.copy_from_slice(ticked);
                }
                _ => {}
            }
        }
        form.cursor = draft.cursor.min(form.answers.len() - 1);
        form
    }

    pub fn question(&self) -> Question {
        Question::ALL[self.cursor]
    }

    fn answer(&self, q: Question) -> &Answer {
        &self.answers[q as usize]
    }

    fn choice(&self, q: Question) -> usize {
        match self.answer(q) {
            Answer::Choice(i) => *i,
            _ => 0,
        }
    }

    /// A key for the selected question: what it did to the answer
    /// (`Edit::TooLong` when the answer is at its limit).
    pub fn input(&mut self, key: KeyEvent) -> Edit {
        self.leaving = false;
        // ←/→ on a credential picked (or empty) go through the list; on one
        // typed freely they move the cursor.
        if self.question() == Question::CredentialName
            && key.modifiers == KeyModifiers::NONE
            && matches!(key.code, KeyCode::Left | KeyCode::Right)
            && let Some(at) = self.credential_position()
        {
            let options = self.credential_options();
            let next = if key.code == KeyCode::Right {
                (at + 1) % options.len()
            } else {
                (at + options.len() - 1) % options.len()
            };
            let chosen = options[next].to_owned();
            if let Answer::Text(t) = &mut self.answers[self.cursor] {
                t.set_text(&chosen);
            }
            return self.edited(Edit::Changed);
        }
        let kind = self.question().kind();
        let edit = match (&mut self.answers[self.cursor], kind) {
            (Answer::Choice(i), Kind::Choice(options)) => match key.code {
                KeyCode::Right | KeyCode::Char(' ') => {
                    *i = (*i + 1) % options.len();
                    Edit::Changed
                }
                KeyCode::Left => {
                    *i = (*i + options.len() - 1) % options.len();
                    Edit::Changed
                }
                _ => Edit::Ignored,
            },
            (Answer::Areas { on, cursor }, _) => match key.code {
                KeyCode::Right => {
                    *cursor = (*cursor + 1) % on.len();
                    Edit::Moved
                }
                KeyCode::Left => {
                    *cursor = (*cursor + on.len() - 1) % on.len();
                    Edit::Moved
                }
                KeyCode::Char(' ' | 'x') => {
                    on[*cursor] = !on[*cursor];
                    Edit::Changed
                }
                _ => Edit::Ignored,
            },
            (Answer::Text(t), _) => t.input(key),
            _ => Edit::Ignored,
        };
        self.edited(edit)
    }

    /// Pasted text for the selected question (`Edit::TooLong`, and nothing
    /// added, when it would pass the answer's limit).
    pub fn paste(&mut self, pasted: &str) -> Edit {
        self.leaving = false;
        let edit = match &mut self.answers[self.cursor] {
            Answer::Text(t) => t.insert_str(pasted),
            _ => Edit::Ignored,
        };
        self.edited(edit)
    }

    /// A changed answer is no longer the refused one.
    fn edited(&mut self, edit: Edit) -> Edit {
        if edit == Edit::Changed && self.error.as_ref().is_some_and(|(i, _)| *i == self.cursor) {
            self.error = None;
        }
        edit
    }

    /// The limit of the selected answer, in words ("60 characters").
    pub fn limit_words(&self) -> String {
        match &self.answers[self.cursor] {
            Answer::Text(t) => t.limit_words(),
            _ => String::new(),
        }
    }

    /// Moves to another question, refusing to leave one that does not read.
    pub fn go(&mut self, forward: bool, today: Date) -> bool {
        if let Err(why) = self.check(self.cursor, today) {
            self.error = Some((self.cursor, why));
            return false;
        }
        self.error = None;
        let last = self.answers.len() - 1;
        self.cursor = if forward {
            (self.cursor + 1).min(last)
        } else {
            self.cursor.saturating_sub(1)
        };
        true
    }

    /// Checks one answer as typed.
    fn check(&self, index: usize, today: Date) -> Result<(), String> {
        let q = Question::ALL[index];
        let answer = &self.answers[index];
        match q.kind() {
            Kind::Number(max) => parse_number(&answer.text(), max).map(|_| ()),
            Kind::Month => parse_month(&answer.text(), today).map(|_| ()),
            Kind::Choice(_) | Kind::Text | Kind::Areas => Ok(()),
        }
    }

    /// The background the form says, or the first answer that does not read.
    #[allow(clippy::too_many_lines)]
    pub fn to_background(&self, today: Date) -> Result<Background, (usize, String)> {
        for i in 0..self.answers.len() {
            self.check(i, today).map_err(|why| (i, why))?;
        }
        let num = |q: Question| {
            let Kind::Number(max) = q.kind() else {
                return None;
            };
            parse_number(&self.answer(q).text(), max).ok().flatten()
        };
        let when = |q: Question| parse_month(&self.answer(q).text(), today).ok().flatten();
        let missing = |q: Question, why: &str| Err((q as usize, why.to_owned()));
        let mut bg = self.base.clone();
        bg.education = self
            .choice(Question::Education)
            .checked_sub(1)
            .map(|i| Education::ALL[i]);
        let field = self.answer(Question::Field).text();
        bg.field = (!field.is_empty()).then_some(field);
        bg.semester_hours = num(Question::SemesterHours);
        bg.chemistry_hours = num(Question::ChemistryHours);
        bg.biology_hours = num(Question::BiologyHours);
        bg.organic_or_biochemistry_hours = num(Question::OrganicHours);
        bg.microbiology_hours = num(Question::MicrobiologyHours);

        let kind = match self.choice(Question::ProgramKind) {
            1 => Some(Program::Mlt),
            2 => Some(Program::Mls),
            _ => None,
        };
        let first_program = match kind {
            None => None,
            Some(kind) => {
                let Some(accreditor) = accreditor_at(self.choice(Question::ProgramAccreditor))
                else {
                    return missing(
                        Question::ProgramAccreditor,
                        "Which body accredits the program? (Not sure: ask the school.)",
                    );
                };
                let Some(finished) = when(Question::ProgramFinished) else {
                    return missing(Question::ProgramFinished, "When did you finish it?");
                };
                Some(ProgramDone {
                    kind,
                    accreditor,
                    finished,
                })
            }
        };
        replace_first(&mut bg.programs, first_program);
        bg.say_none(
            Listed::Programs,
            self.choice(Question::ProgramKind) == NO_PROGRAM,
        );

        let weeks = num(Question::MilitaryWeeks);
        bg.military_course = match weeks {
            None | Some(0) => None,
            Some(weeks) => {
                let Some(finished) = when(Question::MilitaryFinished) else {
                    return missing(
                        Question::MilitaryFinished,
                        "When did you finish the course?",
                    );
                };
                Some(MilitaryCourse { weeks, finished })
            }
        };
        // `0` is "no course"; empty is "not answered".
        bg.say_none(Listed::MilitaryCourse, weeks == Some(0));

        let months = num(Question::ExperienceMonths);
        let job = match months {
            None | Some(0) => None,
            Some(months) => {
                let ended = when(Question::ExperienceEnded);
                let areas = match self.answer(Question::ExperienceAreas) {
                    Answer::Areas { on, .. } => AREAS
                        .iter()
                        .zip(on)
                        .filter(|(_, on)| **on)
                        .map(|((d, _), _)| *d)
                        .collect(),
                    _ => Vec::new(),
                };
                Some(Experience {
                    months,
                    ended,
                    areas,
                })
            }
        };
        replace_first(&mut bg.experience, job);
        bg.say_none(Listed::Experience, months == Some(0));

        let name = self.answer(Question::CredentialName).text();
        let none = says_none(&name);
        let credential = if name.is_empty() || none {
            None
        } else {
            let Some(since) = when(Question::CredentialSince) else {
                return missing(Question::CredentialSince, "Since when do you hold it?");
            };
            Some(HeldCredential {
                name: self.credential_name(name),
                since,
            })
        };
        replace_first(&mut bg.credentials, credential);
        bg.say_none(Listed::Credentials, none);

        bg.educated_abroad = match self.choice(Question::Abroad) {
            1 => Some(false),
            2 => Some(true),
            _ => None,
        };
        bg.certifier = match self.choice(Question::Certifier) {
            1 => Some(Preference::Ascp),
            2 => Some(Preference::Amt),
            3 => Some(Preference::Aab),
            4 => Some(Preference::Undecided),
            _ => None,
        };
        // A job cannot end before it could have started: months of work
        // ending at `ended` must begin after 1950.
        if let Some(job) = bg.experience.first()
            && let Some(ended) = job.ended
        {
            let started = i32::from(ended.first_day().year()) * 12
                + i32::from(ended.first_day().month())
                - i32::from(job.months);
            if started < 1950 * 12 {
                return missing(
                    Question::ExperienceMonths,
                    "That many months cannot end then: check the months and the end date.",
                );
            }
        }
        Ok(bg)
    }
}

/// What the form shows for "no credential held".
const NO_CREDENTIAL: &str = "none";

/// Whether a typed credential says "none": `none`, `no`, `-` (any case).
fn says_none(typed: &str) -> bool {
    ["none", "no", "-", "n/a"]
        .iter()
        .any(|w| typed.trim().eq_ignore_ascii_case(w))
}

/// Keeps the entries the form does not show (the second and later).
fn replace_first<T>(list: &mut Vec<T>, first: Option<T>) {
    if !list.is_empty() {
        list.remove(0);
    }
    if let Some(first) = first {
        list.insert(0, first);
    }
}

fn accreditor_index(a: Accreditor) -> usize {
    match a {
        Accreditor::Naacls => 1,
        Accreditor::Abhes => 2,
        Accreditor::Caahep => 3,
        Accreditor::DoeOrChea => 4,
        Accreditor::HhsApproved => 5,
    }
}

fn accreditor_at(i: usize) -> Option<Accreditor> {
    Some(match i {
        1 => Accreditor::Naacls,
        2 => Accreditor::Abhes,
        3 => Accreditor::Caahep,
        4 => Accreditor::DoeOrChea,
        5 => Accreditor::HhsApproved,
        _ => return None,
    })
}

/// An empty answer is "don't know"; anything else must be a whole number
/// no larger than `max`.
pub fn parse_number(text: &str, max: u16) -> Result<Option<u16>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("\"{text}\" is not a whole number"));
    }
    match text.parse::<u32>() {
        Ok(n) if n <= u32::from(max) => Ok(u16::try_from(n).ok()),
        _ => Err(format!("{text} is over {max}")),
    }
}

/// An empty answer is "don't know"; anything else a month or day that has
/// already come.
pub fn parse_month(text: &str, today: Date) -> Result<Option<PartialDate>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let date: PartialDate = text
        .parse()
        .map_err(|e: crate::profile::DateError| e.to_string())?;
    if date.is_after(today) {
        return Err(format!("{date} is in the future"));
    }
    Ok(Some(date))
}
