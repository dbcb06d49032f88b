//! The programs view (`P`): the shortlist side by side against NAACLS's
//! benchmarks, the questions worth asking a program, and a small form to
//! add or edit one. This module holds the view's state and what a key does
//! to it; `ui::programs` draws it; `app` applies what it asks for through
//! the undo stack (one `Change::Shortlist` per edit).

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::advisor::Verdict;
use crate::advisor::programs::{self, Assessment, Measure};
use crate::content::{Date, Guide};
use crate::profile::{
    Candidate, CandidateAccreditor, CandidateKind, Format, NAME_MAX_CHARS, Profile, Shortlist,
    Tuition, parse_rates, rates_text,
};
use crate::text::sanitize;
use crate::textarea::{Edit, TextArea};
use crate::theme::Theme;

/// The view's own keys (beside moving, closing and undo).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Add,
    Edit,
    Remove,
}

/// What the keys ask of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Close,
    /// Set the shortlist to this (undoable), with the words of the undo.
    Commit {
        label: String,
        to: Shortlist,
    },
    /// A message for the status line.
    Notice(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProgramsView {
    /// The program selected (a column).
    pub selected: usize,
    /// How far the details and questions are scrolled.
    pub scroll: u16,
    /// Adding or editing a program.
    pub form: Option<ProgramForm>,
    /// The shortlist measured, made again after each change (drawing
    /// only reads it).
    pub assessments: Vec<Assessment>,
}

impl ProgramsView {
    pub fn new(guide: &Guide, profile: &Profile, today: Date) -> ProgramsView {
        let mut view = ProgramsView::default();
        view.refresh(guide, profile, today);
        view.selected = profile
            .shortlist
            .programs
            .iter()
            .position(|c| Some(&c.name) == profile.shortlist.chosen.as_ref())
            .unwrap_or(0);
        view
    }

    /// After any change to the record.
    pub fn refresh(&mut self, guide: &Guide, profile: &Profile, today: Date) {
        self.assessments = programs::assess_all(guide, profile, today);
        self.selected = self
            .selected
            .min(profile.shortlist.programs.len().saturating_sub(1));
    }
}

/// Where the view's parts go on a screen of `area` (the view fills it)
/// with `notice_rows` of notice and `programs` on the shortlist. Drawing
/// and `update` (how far the text below the table scrolls) both ask here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// Inside the border: the form, or the table and the text below it.
    pub body: Rect,
    pub notice: Rect,
    pub keys: Rect,
    /// The side-by-side table (no rows with no programs).
    pub table: Rect,
    /// The selected program's details and the questions, scrolled.
    pub below: Rect,
}

pub fn parts(area: Rect, notice_rows: u16, programs: usize) -> Parts {
    let inner = Block::default().borders(Borders::ALL).inner(area);
    let [body, notice, keys] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(notice_rows),
        Constraint::Length(1),
    ])
    .areas(inner);
    let table_height = if programs == 0 {
        0
    } else {
        let rows = table_rows(body.height < 20).len();
        u16::try_from(rows + 1)
            .unwrap_or(8)
            .min(body.height.saturating_sub(2))
    };
    let [table, below] =
        Layout::vertical([Constraint::Length(table_height), Constraint::Min(1)]).areas(body);
    Parts {
        body,
        notice,
        keys,
        table,
        below,
    }
}

/// The notice as the view shows it, wrapped to a view of `area`: at most
/// three rows are given to it.
pub fn notice_lines(notice: Option<&str>, area: Rect) -> Vec<String> {
    let width = Block::default().borders(Borders::ALL).inner(area).width;
    notice
        .map(|n| crate::panes::wrap(&sanitize(&crate::keymap::expand(n)), usize::from(width)))
        .unwrap_or_default()
}

fn notice_rows(lines: &[String]) -> u16 {
    u16::try_from(lines.len()).unwrap_or(0).min(3)
}

/// The parts of a view of `area` with `notice` under it.
pub fn parts_with(area: Rect, notice: &[String], programs: usize) -> Parts {
    parts(area, notice_rows(notice), programs)
}

/// The text below the table: the selected program's details, then the
/// questions worth asking (or, with no programs, how to add one).
pub fn below_lines(
    guide: &Guide,
    profile: &Profile,
    theme: Theme,
    view: &ProgramsView,
) -> Vec<Line<'static>> {
    let programs = &profile.shortlist.programs;
    let mut lines = Vec::new();
    if programs.is_empty() {
        lines.extend([
            Line::from(
                "No programs on your shortlist yet. Press a to add one from its outcomes page",
            ),
            Line::from("(or: medtech program add NAME …). Every field but the name is optional."),
        ]);
    } else {
        let selected = view.selected.min(programs.len() - 1);
        if let (Some(c), Some(a)) = (programs.get(selected), view.assessments.get(selected)) {
            lines.extend(details(guide, profile, theme, c, a));
        }
    }
    lines.push(Line::default());
    lines.extend(questions(guide, theme));
    lines
}

/// `lines` as the view wraps them.
pub fn wrapped(lines: Vec<Line<'static>>) -> Paragraph<'static> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// How far the text below the table scrolls on a screen of `area` with
/// `notice` showing: until its last row is at the bottom of its pane.
pub fn scroll_max(
    area: Rect,
    notice: Option<&str>,
    guide: &Guide,
    profile: &Profile,
    theme: Theme,
    view: &ProgramsView,
) -> u16 {
    let notice = notice_lines(notice, area);
    let below = parts_with(area, &notice, profile.shortlist.programs.len()).below;
    let rows = wrapped(below_lines(guide, profile, theme, view)).line_count(below.width);
    u16::try_from(rows.saturating_sub(usize::from(below.height))).unwrap_or(u16::MAX)
}

/// The table's rows: what each says, and how a program fills it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableRow {
    Accredited,
    Kind,
    Length,
    Starts,
    Tuition,
    Outcome(usize),
    Deadline,
    Flags,
}

/// The table's rows, fewer when `compact` (a short screen).
pub fn table_rows(compact: bool) -> Vec<TableRow> {
    let mut rows = vec![TableRow::Accredited];
    if !compact {
        rows.push(TableRow::Kind);
    }
    rows.push(TableRow::Length);
    if !compact {
        rows.push(TableRow::Starts);
    }
    rows.extend([
        TableRow::Tuition,
        TableRow::Outcome(0),
        TableRow::Outcome(1),
        TableRow::Outcome(2),
    ]);
    if !compact {
        rows.push(TableRow::Deadline);
    }
    rows.push(TableRow::Flags);
    rows
}

/// "✓ 97.7%", "✗ 55.0%", "? no data".
pub fn mark(m: &Measure) -> String {
    let symbol = match m.met {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "?",
    };
    format!("{symbol} {}", m.average_words())
}

/// The selected program's details: its outcomes, flags, what it opens
/// for the person, their state's rule, the note.
fn details(
    guide: &Guide,
    profile: &Profile,
    theme: Theme,
    c: &Candidate,
    a: &Assessment,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let chosen = if a.chosen {
        " ● your chosen program"
    } else {
        " (Enter chooses it)"
    };
    lines.push(Line::from(vec![
        Span::styled(sanitize(&c.name), theme.heading()),
        Span::raw(chosen),
    ]));
    for m in &a.measures {
        lines.push(Line::from(format!("  {}", m.line())));
    }
    for flag in &a.flags {
        lines.push(Line::from(Span::styled(
            format!("  {}", sanitize(&flag.text)),
            theme.warning(),
        )));
    }
    let goal = programs::kind_of(c, profile.goal);
    lines.push(Line::from(if a.opens.is_empty() {
        format!(
            "  Opens ({}): no route met yet; your background (p) may answer what is missing",
            goal.words()
        )
    } else {
        format!("  Opens ({}): {}", goal.words(), a.opens.join(", "))
    }));
    if let Some((rule, verdict)) = &a.state_rule {
        let word = match verdict {
            Verdict::Met => "✓ met",
            Verdict::NotMet => "✗ not met",
            _ => "? unknown",
        };
        lines.push(Line::from(format!(
            "  Your state: {} {word} after it",
            sanitize(rule)
        )));
    } else if let Some(code) = profile.state.as_deref() {
        let line = match guide.state(code) {
            Some(s) if s.license == crate::content::LicenseRule::Required => format!(
                "  Your state: {} licenses lab staff; its education rule for this level is not in the guide",
                s.name
            ),
            Some(s) if s.license == crate::content::LicenseRule::NotRequired => {
                format!("  Your state: {} needs no personal license", s.name)
            }
            Some(s) => format!(
                "  Your state: whether {} licenses lab staff is unsettled",
                s.name
            ),
            None => format!("  Your state: \"{}\" is not in the guide", sanitize(code)),
        };
        lines.push(Line::from(line));
    }
    if !c.note.is_empty() {
        lines.push(Line::from(format!("  Note: {}", sanitize(&c.note))));
    }
    lines
}

/// The guide's questions to ask a program, and the benchmarks' sources.
fn questions(guide: &Guide, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        "Questions worth asking a program (from the guide)",
        theme.heading(),
    ))];
    for q in programs::questions(guide) {
        let from: Vec<String> = q
            .sources
            .iter()
            .filter_map(|id| guide.source(id))
            .map(|s| sanitize(&s.publisher))
            .collect();
        lines.push(Line::from(format!("• {}", sanitize(&q.text))));
        lines.push(Line::from(Span::styled(
            format!("  source: {}", from.join("; ")),
            theme.muted(),
        )));
    }
    let sources: Vec<String> = programs::benchmark_sources(guide)
        .iter()
        .map(|s| sanitize(&s.url))
        .collect();
    lines.push(Line::from(Span::styled(
        format!(
            "Benchmarks: BOC pass 75%, graduation 70%, placement 70%, three-year averages from raw numbers ({}).",
            sources.join(", ")
        ),
        theme.muted(),
    )));
    lines
}

/// The form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Kind,
    Accreditor,
    State,
    Months,
    Start,
    Tuition,
    Boc,
    Graduation,
    Placement,
    Deadline,
    Online,
    Clinical,
    Note,
}

impl Field {
    pub const ALL: [Field; 14] = [
        Field::Name,
        Field::Kind,
        Field::Accreditor,
        Field::State,
        Field::Months,
        Field::Start,
        Field::Tuition,
        Field::Boc,
        Field::Graduation,
        Field::Placement,
        Field::Deadline,
        Field::Online,
        Field::Clinical,
        Field::Note,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Kind => "Kind",
            Field::Accreditor => "Accreditor",
            Field::State => "State",
            Field::Months => "Length (months)",
            Field::Start => "Starts",
            Field::Tuition => "Tuition (USD)",
            Field::Boc => "BOC pass",
            Field::Graduation => "Graduation",
            Field::Placement => "Placement",
            Field::Deadline => "Apply by",
            Field::Online => "Online",
            Field::Clinical => "Clinical guaranteed",
            Field::Note => "Note",
        }
    }

    /// What to type, shown while the field is empty.
    pub fn hint(self) -> &'static str {
        match self {
            Field::Name => "required: Columbus State MLT",
            Field::Kind => "mlt, mls, post-bacc or bridge",
            Field::Accreditor => "naacls, abhes, other or none",
            Field::State => "TX",
            Field::Months => "24",
            Field::Start | Field::Deadline => "YYYY-MM-DD",
            Field::Tuition => "9000 in all, or 150/credit",
            Field::Boc => "2023=14/15 2024=80%: passed/took",
            Field::Graduation => "2023=15/18: graduated/began",
            Field::Placement => "2023=9/10: placed/answered",
            Field::Online | Field::Clinical => "yes or no",
            Field::Note => "anything",
        }
    }
}

/// Adding (no `original`) or editing a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramForm {
    /// The name of the program being edited.
    pub original: Option<String>,
    /// One single-line answer per field of [`Field::ALL`].
    pub inputs: Vec<TextArea>,
    pub cursor: usize,
    /// The field that does not read, and why.
    pub error: Option<(usize, String)>,
}

impl ProgramForm {
    pub fn new(candidate: Option<&Candidate>) -> ProgramForm {
        let c = candidate.cloned().unwrap_or_default();
        let yes_no = |b: Option<bool>| match b {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        let text = |field: Field| -> String {
            match field {
                Field::Name => c.name.clone(),
                Field::Kind => c.kind.map_or("", CandidateKind::key).to_owned(),
                Field::Accreditor => c.accreditor.map_or("", CandidateAccreditor::key).to_owned(),
                Field::State => c.state.clone().unwrap_or_default(),
                Field::Months => c.months.map(|m| m.to_string()).unwrap_or_default(),
                Field::Start => c.starts.map(|d| d.to_string()).unwrap_or_default(),
                Field::Tuition => match c.tuition {
                    Some(Tuition::Total(n)) => n.to_string(),
                    Some(Tuition::PerCredit(n)) => format!("{n}/credit"),
                    None => String::new(),
                },
                Field::Boc => rates_text(&c.boc),
                Field::Graduation => rates_text(&c.graduation),
                Field::Placement => rates_text(&c.placement),
                Field::Deadline => c.deadline.map(|d| d.to_string()).unwrap_or_default(),
                Field::Online => yes_no(c.format.map(|f| f == Format::Online)).to_owned(),
                Field::Clinical => yes_no(c.clinical_guaranteed).to_owned(),
                Field::Note => c.note.clone(),
            }
        };
        ProgramForm {
            original: candidate.map(|c| c.name.clone()),
            inputs: Field::ALL
                .iter()
                // As long as a name may be; no other field needs more.
                .map(|f| TextArea::single_line(&text(*f)).with_max_chars(NAME_MAX_CHARS))
                .collect(),
            cursor: 0,
            error: None,
        }
    }

    fn value(&self, field: Field) -> String {
        let index = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
        self.inputs
            .get(index)
            .map(|t| t.text().trim().to_owned())
            .unwrap_or_default()
    }

    /// The program the form describes, over `base` (the one edited, so
    /// nothing the form does not show is lost); or the first field that
    /// does not read, and why.
    pub fn to_candidate(&self, base: Option<&Candidate>) -> Result<Candidate, (usize, String)> {
        let mut c = base.cloned().unwrap_or_default();
        for (index, field) in Field::ALL.iter().enumerate() {
            let text = self.value(*field);
            read(&mut c, *field, &text).map_err(|why| (index, why))?;
        }
        Ok(c)
    }
}

#[allow(clippy::too_many_lines, reason = "one arm a field, each short")]
fn read(c: &mut Candidate, field: Field, text: &str) -> Result<(), String> {
    let empty = text.is_empty();
    let date = |t: &str| -> Result<Option<Date>, String> {
        if t.is_empty() {
            return Ok(None);
        }
        t.parse()
            .map(Some)
            .map_err(|_| format!("\"{t}\" is not a date: write YYYY-MM-DD"))
    };
    let yes_no = |t: &str| -> Result<Option<bool>, String> {
        match t.to_lowercase().as_str() {
            "" => Ok(None),
            "yes" | "y" => Ok(Some(true)),
            "no" | "n" => Ok(Some(false)),
            _ => Err(format!("\"{t}\": write yes or no, or leave it empty")),
        }
    };
    match field {
        Field::Name if empty => return Err("a program needs a name".into()),
        Field::Name => text.clone_into(&mut c.name),
        Field::Kind => {
            c.kind = if empty {
                None
            } else {
                Some(
                    CandidateKind::ALL
                        .into_iter()
                        .find(|k| k.key().eq_ignore_ascii_case(text))
                        .ok_or_else(|| {
                            format!("\"{text}\": write mlt, mls, post-bacc or bridge")
                        })?,
                )
            };
        }
        Field::Accreditor => {
            c.accreditor = if empty {
                None
            } else {
                Some(
                    CandidateAccreditor::ALL
                        .into_iter()
                        .find(|a| a.key().eq_ignore_ascii_case(text))
                        .ok_or_else(|| format!("\"{text}\": write naacls, abhes, other or none"))?,
                )
            };
        }
        Field::State => {
            if !empty && (text.len() != 2 || !text.chars().all(|ch| ch.is_ascii_alphabetic())) {
                return Err(format!(
                    "\"{text}\": a state code is two letters, such as TX"
                ));
            }
            c.state = (!empty).then(|| text.to_uppercase());
        }
        Field::Months => {
            c.months = if empty {
                None
            } else {
                Some(
                    text.parse::<u16>()
                        .ok()
                        .filter(|m| (1..=120).contains(m))
                        .ok_or_else(|| format!("\"{text}\": write the months, 1 to 120"))?,
                )
            };
        }
        Field::Start => c.starts = date(text)?,
        Field::Deadline => c.deadline = date(text)?,
        Field::Tuition => {
            let (number, per_credit) = match text.split_once('/') {
                Some((n, unit)) if unit.trim().eq_ignore_ascii_case("credit") => (n.trim(), true),
                Some(_) => return Err(format!("\"{text}\": write 9000, or 150/credit")),
                None => (text, false),
            };
            let number = number.trim_start_matches('$').replace(',', "");
            c.tuition = if empty {
                None
            } else {
                let usd: u32 = number
                    .parse()
                    .map_err(|_| format!("\"{text}\": write whole dollars, such as 9000"))?;
                Some(if per_credit {
                    Tuition::PerCredit(usd)
                } else {
                    Tuition::Total(usd)
                })
            };
        }
        Field::Boc => c.boc = parse_rates(text)?,
        Field::Graduation => c.graduation = parse_rates(text)?,
        Field::Placement => c.placement = parse_rates(text)?,
        Field::Online => {
            c.format = yes_no(text)?.map(|online| {
                if online {
                    Format::Online
                } else {
                    Format::OnCampus
                }
            });
        }
        Field::Clinical => c.clinical_guaranteed = yes_no(text)?,
        Field::Note => text.clone_into(&mut c.note),
    }
    Ok(())
}

/// What a key does in the view (the list, or the form when open); the
/// text below the table scrolls no further than `max` (see [`scroll_max`]).
pub fn update(
    view: &mut ProgramsView,
    action: &crate::app::Action,
    shortlist: &Shortlist,
    max: u16,
) -> Outcome {
    use crate::app::Action;
    if let Some(form) = &mut view.form {
        let last = Field::ALL.len() - 1;
        match action {
            Action::Up => form.cursor = form.cursor.saturating_sub(1),
            Action::Down | Action::Confirm => form.cursor = (form.cursor + 1).min(last),
            Action::Input(key) => input(form, *key),
            Action::Paste(text) => {
                let cursor = form.cursor;
                if let Some(t) = form.inputs.get_mut(cursor) {
                    t.insert_str(text);
                }
            }
            Action::Close => {
                view.form = None;
                return Outcome::Notice("Closed; nothing from the form was saved.".into());
            }
            Action::SaveText => return save(view, shortlist),
            _ => {}
        }
        return Outcome::Stay;
    }
    let len = shortlist.programs.len();
    match action {
        Action::Close => return Outcome::Close,
        Action::Up => view.selected = view.selected.saturating_sub(1),
        Action::Down => view.selected = (view.selected + 1).min(len.saturating_sub(1)),
        Action::Top => view.selected = 0,
        Action::Bottom => view.selected = len.saturating_sub(1),
        Action::DetailsDown => view.scroll = view.scroll.min(max).saturating_add(5).min(max),
        Action::DetailsUp => view.scroll = view.scroll.min(max).saturating_sub(5),
        Action::Program(Key::Add) => view.form = Some(ProgramForm::new(None)),
        Action::Program(Key::Edit) => match shortlist.programs.get(view.selected) {
            Some(c) => view.form = Some(ProgramForm::new(Some(c))),
            None => return Outcome::Notice("Nothing to edit yet: a adds a program.".into()),
        },
        Action::Program(Key::Remove) => {
            let Some(c) = shortlist.programs.get(view.selected) else {
                return Outcome::Stay;
            };
            let mut to = shortlist.clone();
            to.remove(&c.name);
            return Outcome::Commit {
                label: format!("removed {} from the shortlist", c.name),
                to,
            };
        }
        Action::Confirm => {
            let Some(c) = shortlist.programs.get(view.selected) else {
                return Outcome::Notice("No program to choose yet: a adds one.".into());
            };
            if shortlist.chosen.as_deref() == Some(c.name.as_str()) {
                return Outcome::Notice(format!("{} is already your chosen program.", c.name));
            }
            return Outcome::Commit {
                label: format!("chose {}", c.name),
                to: Shortlist {
                    chosen: Some(c.name.clone()),
                    ..shortlist.clone()
                },
            };
        }
        _ => {}
    }
    view.scroll = if matches!(action, Action::DetailsDown | Action::DetailsUp) {
        view.scroll
    } else {
        0
    };
    Outcome::Stay
}

fn input(form: &mut ProgramForm, key: KeyEvent) {
    let cursor = form.cursor;
    if let Some(t) = form.inputs.get_mut(cursor)
        && t.input(key) == Edit::Changed
        && form.error.as_ref().is_some_and(|(i, _)| *i == cursor)
    {
        form.error = None;
    }
}

/// Ctrl-S in the form: the program added or updated, or the field that
/// does not read.
fn save(view: &mut ProgramsView, shortlist: &Shortlist) -> Outcome {
    let Some(form) = &mut view.form else {
        return Outcome::Stay;
    };
    let base = form.original.as_deref().and_then(|n| shortlist.find(n));
    let candidate = match form.to_candidate(base) {
        Ok(c) => c,
        Err((index, why)) => {
            form.cursor = index;
            form.error = Some((index, why));
            return Outcome::Stay;
        }
    };
    let clash = shortlist
        .find(&candidate.name)
        .is_some_and(|other| form.original.as_deref() != Some(other.name.as_str()));
    if clash {
        form.cursor = 0;
        form.error = Some((0, format!("\"{}\" is already on the list", candidate.name)));
        return Outcome::Stay;
    }
    let mut to = shortlist.clone();
    let label = if let Some(original) = form.original.clone() {
        if let Some(slot) = to.find_mut(&original) {
            *slot = candidate.clone();
        }
        if to.chosen.as_deref() == Some(original.as_str()) {
            to.chosen = Some(candidate.name.clone());
        }
        format!("edited {}", candidate.name)
    } else {
        to.programs.push(candidate.clone());
        view.selected = to.programs.len() - 1;
        format!("added {}", candidate.name)
    };
    view.form = None;
    Outcome::Commit { label, to }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::profile::Rate;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn typed(view: &mut ProgramsView, text: &str, shortlist: &Shortlist) {
        for c in text.chars() {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            update(view, &Action::Input(key), shortlist, u16::MAX);
        }
    }

    #[test]
    fn the_form_adds_a_program_and_refuses_what_does_not_read() {
        let shortlist = Shortlist::default();
        let mut view = ProgramsView::default();
        update(&mut view, &Action::Program(Key::Add), &shortlist, u16::MAX);
        typed(&mut view, "Columbus State", &shortlist);
        for _ in 0..7 {
            update(&mut view, &Action::Down, &shortlist, u16::MAX);
        }
        typed(&mut view, "2023=16/15", &shortlist);
        assert_eq!(
            update(&mut view, &Action::SaveText, &shortlist, u16::MAX),
            Outcome::Stay
        );
        let form = view.form.as_ref().expect("still open");
        assert_eq!(form.cursor, 7);
        assert!(
            form.error
                .as_ref()
                .is_some_and(|(_, why)| why.contains("16 is more than 15"))
        );
        // Fix it: the error goes, the program is added.
        let form = view.form.as_mut().expect("open");
        form.inputs[7].set_text("2023=14/15");
        match update(&mut view, &Action::SaveText, &shortlist, u16::MAX) {
            Outcome::Commit { label, to } => {
                assert_eq!(label, "added Columbus State");
                assert_eq!(to.programs[0].boc.get(&2023), Some(&Rate::Counted(14, 15)));
            }
            other => panic!("expected a commit, got {other:?}"),
        }
        assert!(view.form.is_none());
    }

    /// The form takes a name as long as `program add` does, and no longer
    /// (the limit is one constant of the profile layer).
    #[test]
    fn the_form_takes_a_name_as_long_as_the_command_line_does() {
        let shortlist = Shortlist::default();
        let mut view = ProgramsView::default();
        update(&mut view, &Action::Program(Key::Add), &shortlist, u16::MAX);
        typed(&mut view, &"A".repeat(NAME_MAX_CHARS + 5), &shortlist);
        let form = view.form.as_ref().expect("open");
        assert_eq!(form.inputs[0].text().chars().count(), NAME_MAX_CHARS);
        match update(&mut view, &Action::SaveText, &shortlist, u16::MAX) {
            Outcome::Commit { to, .. } => assert_eq!(to.programs[0].name.len(), NAME_MAX_CHARS),
            other => panic!("expected a commit, got {other:?}"),
        }
    }

    /// Programs "A" and "B", `chosen` the choice.
    fn a_and_b(chosen: Option<&str>) -> Shortlist {
        Shortlist {
            programs: ["A", "B"]
                .map(|name| Candidate {
                    name: name.into(),
                    ..Candidate::default()
                })
                .into(),
            chosen: chosen.map(Into::into),
        }
    }

    #[test]
    fn enter_chooses_and_remove_takes_the_choice_with_it() {
        let shortlist = a_and_b(None);
        let mut view = ProgramsView::default();
        update(&mut view, &Action::Down, &shortlist, u16::MAX);
        let Outcome::Commit { to, .. } = update(&mut view, &Action::Confirm, &shortlist, u16::MAX)
        else {
            panic!("a commit");
        };
        assert_eq!(to.chosen.as_deref(), Some("B"));
        let Outcome::Commit { to, label } =
            update(&mut view, &Action::Program(Key::Remove), &to, u16::MAX)
        else {
            panic!("a commit");
        };
        assert_eq!(label, "removed B from the shortlist");
        assert_eq!((to.programs.len(), to.chosen), (1, None));
    }

    #[test]
    fn editing_keeps_the_name_unique_and_the_choice_follows_a_rename() {
        let shortlist = a_and_b(Some("A"));
        let mut view = ProgramsView::default();
        update(&mut view, &Action::Program(Key::Edit), &shortlist, u16::MAX);
        view.form.as_mut().expect("open").inputs[0].set_text("b");
        update(&mut view, &Action::SaveText, &shortlist, u16::MAX);
        assert!(
            view.form
                .as_ref()
                .and_then(|f| f.error.as_ref())
                .is_some_and(|(_, w)| w.contains("already on the list"))
        );
        view.form.as_mut().expect("open").inputs[0].set_text("A2");
        let Outcome::Commit { to, .. } = update(&mut view, &Action::SaveText, &shortlist, u16::MAX)
        else {
            panic!("a commit");
        };
        assert_eq!(to.chosen.as_deref(), Some("A2"));
        assert_eq!(to.programs[0].name, "A2");
    }
}
