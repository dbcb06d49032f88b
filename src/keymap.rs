//! One table of key bindings. Input handling, the footer hints and the help
//! popup are all generated from it, so help can never drift from the keys.

use std::fmt::Write as _;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Action, App, CeAction, MIN_HEIGHT, MIN_WIDTH, Mode, usable_backup};
use crate::profile::{Screen, Status};

/// Where a binding applies. A screen's active contexts are unioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Every main screen.
    Global,
    Dashboard,
    Checklist,
    Welcome,
    Help,
    StatePicker,
    /// The damaged-profile screen.
    Recovery,
    /// The damaged-profile screen when there is a backup worth restoring.
    RecoveryBackup,
    /// "Switch your goal?"
    ConfirmGoal,
    NoteEditor,
    DatePrompt,
    /// The background form.
    Setup,
    /// The search popup: typing goes to the query.
    Search,
    /// The list of every source.
    Sources,
    /// The exam study view (`E`).
    Study,
    /// A form over the study view: typing goes to the field.
    StudyForm,
    /// The programs view: the shortlist side by side.
    Programs,
    /// The programs view's form: typing goes to the answer.
    ProgramForm,
    /// A popup that only shows something (what-if, the estimates explained).
    Info,
    /// The terminal is too small to draw anything: only quitting works, so
    /// no key acts on a screen the user cannot see.
    TooSmall,
    /// The Upkeep screen.
    Upkeep,
    /// The CE activity form.
    CeEditor,
}

/// What keys that no binding claims do in a context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unbound {
    Nothing,
    /// Letters jump through a list of states by name.
    TypeAhead,
    /// Every key goes to the text being edited: a `q` is a letter.
    Text,
}

impl Context {
    pub fn unbound(self) -> Unbound {
        match self {
            Context::Welcome | Context::StatePicker => Unbound::TypeAhead,
            Context::NoteEditor
            | Context::DatePrompt
            | Context::Setup
            | Context::Search
            | Context::StudyForm
            | Context::ProgramForm
            | Context::CeEditor => Unbound::Text,
            _ => Unbound::Nothing,
        }
    }
}

/// A key with its modifiers. Shift is dropped from characters (the terminal
/// already reports `?` rather than Shift-/).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    pub fn from_event(event: KeyEvent) -> Key {
        let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        if event.modifiers.contains(KeyModifiers::SHIFT)
            && !matches!(code, KeyCode::Char(_) | KeyCode::BackTab)
        {
            mods |= KeyModifiers::SHIFT;
        }
        Key { code, mods }
    }

    /// How the key is written in the footer and the help.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
    /// What the help popup says.
    pub description: &'static str,
    /// What the footer says; `None` keeps the binding out of the footer.
    pub hint: Option<&'static str>,
}

const fn bind(
    context: Context,
    key: Key,
    action: Action,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        key,
        action,
        description,
        hint,
    }
}

use crate::programs_view::Key as ProgramKey;
use Context::{
    CeEditor, Checklist, ConfirmGoal, Dashboard, DatePrompt, Global, Help, Info, NoteEditor,
    ProgramForm, Programs, Recovery, RecoveryBackup, Search, Setup, Sources, StatePicker, Study,
    StudyForm, TooSmall, Upkeep, Welcome,
};

/// Every key medtech understands.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // Main screens.
    bind(Global, Key::ch('1'), Action::Show(Screen::Dashboard), "Show the dashboard", None),
    bind(Global, Key::ch('2'), Action::Show(Screen::Education), "Show Education", None),
    bind(Global, Key::ch('3'), Action::Show(Screen::Certification), "Show Certification", None),
    bind(Global, Key::ch('4'), Action::Show(Screen::Licensing), "Show Licensing", None),
    bind(Global, Key::ch('5'), Action::Show(Screen::Upkeep), "Show Upkeep: CE and renewals", None),
    bind(Global, Key::plain(KeyCode::Tab), Action::NextScreen, "Next screen", Some("screen")),
    bind(Global, Key::plain(KeyCode::BackTab), Action::PrevScreen, "Previous screen", None),
    bind(Global, Key::ch('s'), Action::ChooseState, "Choose your state", Some("state")),
    bind(Global, Key::ch('C'), Action::Compare, "Compare your state with another", None),
    bind(Global, Key::ch('c'), Action::SwitchGoal, "Change your goal (MLT or MLS); asks first", None),
    bind(Global, Key::ch('p'), Action::OpenSetup, "Your background: education, programs, work", Some("setup")),
    bind(Global, Key::ch('/'), Action::OpenSearch, "Search every checklist", Some("search")),
    bind(Global, Key::ch('n'), Action::NextHit, "Next match of the last search", None),
    bind(Global, Key::ch(']'), Action::NextHit, "Next match of the last search", None),
    bind(Global, Key::ch('N'), Action::PrevHit, "Previous match of the last search", None),
    bind(Global, Key::ch('['), Action::PrevHit, "Previous match of the last search", None),
    bind(Global, Key::ch('l'), Action::OpenSources, "Every source as a link, one a line", None),
    bind(Global, Key::ch('E'), Action::OpenStudy, "The exam: study plan and practice tests", Some("exam")),
    bind(Global, Key::ch('P'), Action::OpenPrograms, "Programs you are considering, side by side", Some("programs")),
    bind(Global, Key::ch('T'), Action::CycleTheme, "Switch theme: default or high contrast", None),
    bind(Global, Key::ch('u'), Action::Undo, "Undo the last change", Some("undo")),
    bind(Global, Key::ctrl('r'), Action::Redo, "Redo what was undone", None),
    bind(Global, Key::ch('K'), Action::KeepMine, "Keep yours over bad file", None),
    bind(Global, Key::ch('?'), Action::OpenHelp, "Show all keys", Some("help")),
    bind(Global, Key::ch('q'), Action::Quit, "Save and quit", Some("quit")),
    bind(Global, Key::ctrl('c'), Action::Quit, "Save and quit", None),
    bind(Global, Key::ctrl('z'), Action::Suspend, "Suspend to the shell (fg comes back)", None),
    // Checklists.
    bind(Checklist, Key::plain(KeyCode::Up), Action::Up, "Move up", None),
    bind(Checklist, Key::ch('k'), Action::Up, "Move up", None),
    bind(Checklist, Key::plain(KeyCode::Down), Action::Down, "Move down", None),
    bind(Checklist, Key::ch('j'), Action::Down, "Move down", None),
    bind(Checklist, Key::ch('g'), Action::Top, "First step", None),
    bind(Checklist, Key::plain(KeyCode::Home), Action::Top, "First step", None),
    bind(Checklist, Key::ch('G'), Action::Bottom, "Last step", None),
    bind(Checklist, Key::plain(KeyCode::End), Action::Bottom, "Last step", None),
    bind(Checklist, Key::ctrl('d'), Action::HalfPageDown, "Half a page down", None),
    bind(Checklist, Key::ctrl('u'), Action::HalfPageUp, "Half a page up", None),
    bind(Checklist, Key::ctrl('f'), Action::PageDown, "A page down", None),
    bind(Checklist, Key::ctrl('b'), Action::PageUp, "A page up", None),
    bind(Checklist, Key::ch(' '), Action::Toggle, "Done / to do (a parent: all its steps)", Some("done")),
    bind(Checklist, Key::ch('i'), Action::SetStatus(Status::InProgress), "Mark in progress [~]", None),
    bind(Checklist, Key::ch('x'), Action::SetStatus(Status::Done), "Mark done [x]", None),
    bind(Checklist, Key::ch('a'), Action::SetStatus(Status::NotApplicable), "Mark not applicable [-]", None),
    bind(Checklist, Key::ch('z'), Action::SetStatus(Status::Skipped), "Mark skipped [/]", None),
    bind(Checklist, Key::ch('t'), Action::SetStatus(Status::Todo), "Mark to do [ ]", None),
    bind(Checklist, Key::ch('d'), Action::EditDate, "Set the date it was done", Some("date")),
    bind(Checklist, Key::ch('e'), Action::EditNote, "Write a note on the step", Some("note")),
    bind(Checklist, Key::ch('w'), Action::WhatIf, "What would finishing this step open?", None),
    bind(Checklist, Key::plain(KeyCode::PageDown), Action::DetailsDown, "Details: page down", None),
    bind(Checklist, Key::plain(KeyCode::PageUp), Action::DetailsUp, "Details: page up", None),
    // Upkeep: the CE log.
    bind(Upkeep, Key::plain(KeyCode::Up), Action::Up, "Previous activity", None),
    bind(Upkeep, Key::ch('k'), Action::Up, "Previous activity", None),
    bind(Upkeep, Key::plain(KeyCode::Down), Action::Down, "Next activity", None),
    bind(Upkeep, Key::ch('j'), Action::Down, "Next activity", None),
    bind(Upkeep, Key::ch('g'), Action::Top, "First activity", None),
    bind(Upkeep, Key::plain(KeyCode::Home), Action::Top, "First activity", None),
    bind(Upkeep, Key::ch('G'), Action::Bottom, "Last activity", None),
    bind(Upkeep, Key::plain(KeyCode::End), Action::Bottom, "Last activity", None),
    bind(Upkeep, Key::ch('a'), Action::Ce(CeAction::Add), "Log a CE activity", Some("add CE")),
    bind(Upkeep, Key::plain(KeyCode::Enter), Action::Ce(CeAction::Edit), "Edit the selected activity", Some("edit")),
    bind(Upkeep, Key::ch('x'), Action::Ce(CeAction::Remove), "Remove the selected activity (u undoes it)", Some("remove")),
    bind(Upkeep, Key::plain(KeyCode::Delete), Action::Ce(CeAction::Remove), "Remove the selected activity", None),
    // The CE activity form: every other key types.
    bind(CeEditor, Key::plain(KeyCode::Up), Action::Up, "Previous field", None),
    bind(CeEditor, Key::plain(KeyCode::BackTab), Action::Up, "Previous field", None),
    bind(CeEditor, Key::plain(KeyCode::Down), Action::Down, "Next field", Some("field")),
    bind(CeEditor, Key::plain(KeyCode::Tab), Action::Down, "Next field", None),
    bind(CeEditor, Key::plain(KeyCode::Enter), Action::Confirm, "Next field (on the last: save)", None),
    bind(CeEditor, Key::ctrl('s'), Action::SaveText, "Save the activity", Some("save")),
    bind(CeEditor, Key::plain(KeyCode::Esc), Action::Close, "Close without saving", Some("cancel")),
    bind(CeEditor, Key::ctrl('c'), Action::Quit, "Quit; the activity is not saved", None),
    // Dashboard.
    bind(Dashboard, Key::plain(KeyCode::Enter), Action::Confirm, "Open the next step", Some("open next step")),
    bind(Dashboard, Key::ch('e'), Action::Explain, "How the finish date and cost are worked out", Some("estimates")),
    // Help popup.
    bind(Help, Key::plain(KeyCode::Esc), Action::Close, "Close help", Some("close")),
    bind(Help, Key::ch('?'), Action::Close, "Close help", None),
    bind(Help, Key::ch('q'), Action::Close, "Close help", None),
    bind(Help, Key::plain(KeyCode::Down), Action::Down, "Scroll down", None),
    bind(Help, Key::ch('j'), Action::Down, "Scroll down", None),
    bind(Help, Key::plain(KeyCode::Up), Action::Up, "Scroll up", None),
    bind(Help, Key::ch('k'), Action::Up, "Scroll up", None),
    bind(Help, Key::plain(KeyCode::PageDown), Action::DetailsDown, "Page down", None),
    bind(Help, Key::plain(KeyCode::PageUp), Action::DetailsUp, "Page up", None),
    bind(Help, Key::ctrl('d'), Action::HalfPageDown, "Half a page down", None),
    bind(Help, Key::ctrl('u'), Action::HalfPageUp, "Half a page up", None),
    bind(Help, Key::ctrl('f'), Action::DetailsDown, "Page down", None),
    bind(Help, Key::ctrl('b'), Action::DetailsUp, "Page up", None),
    bind(Help, Key::ch('g'), Action::Top, "Top", None),
    bind(Help, Key::plain(KeyCode::Home), Action::Top, "Top", None),
    bind(Help, Key::ch('G'), Action::Bottom, "Bottom", None),
    bind(Help, Key::plain(KeyCode::End), Action::Bottom, "Bottom", None),
    bind(Help, Key::ctrl('c'), Action::Quit, "Save and quit", None),
    bind(Help, Key::ctrl('z'), Action::Suspend, "Suspend to the shell (fg comes back)", None),
    // State picker popup.
    bind(StatePicker, Key::plain(KeyCode::Up), Action::Up, "Move up", None),
    bind(StatePicker, Key::ch('k'), Action::Up, "Move up", None),
    bind(StatePicker, Key::plain(KeyCode::Down), Action::Down, "Move down", None),
    bind(StatePicker, Key::ch('j'), Action::Down, "Move down", None),
    bind(StatePicker, Key::plain(KeyCode::PageUp), Action::PageUp, "Page up", None),
    bind(StatePicker, Key::plain(KeyCode::PageDown), Action::PageDown, "Page down", None),
    bind(StatePicker, Key::ctrl('u'), Action::HalfPageUp, "Half a page up", None),
    bind(StatePicker, Key::ctrl('d'), Action::HalfPageDown, "Half a page down", None),
    bind(StatePicker, Key::ctrl('f'), Action::PageDown, "Page down", None),
    bind(StatePicker, Key::ctrl('b'), Action::PageUp, "Page up", None),
    bind(StatePicker, Key::plain(KeyCode::Home), Action::Top, "First entry", None),
    bind(StatePicker, Key::plain(KeyCode::End), Action::Bottom, "Last entry", None),
    bind(StatePicker, Key::plain(KeyCode::Enter), Action::Confirm, "Choose this state", Some("choose")),
    bind(StatePicker, Key::plain(KeyCode::Esc), Action::Close, "Cancel", Some("cancel")),
    bind(StatePicker, Key::ch('q'), Action::Close, "Cancel", None),
    bind(StatePicker, Key::ch('?'), Action::OpenHelp, "Show all keys", Some("help")),
    bind(StatePicker, Key::ctrl('c'), Action::Quit, "Save and quit", None),
    bind(StatePicker, Key::ctrl('z'), Action::Suspend, "Suspend to the shell (fg comes back)", None),
    // First-launch welcome.
    bind(Welcome, Key::plain(KeyCode::Left), Action::SwitchGoal, "Switch goal between MLT and MLS", Some("goal")),
    bind(Welcome, Key::plain(KeyCode::Right), Action::SwitchGoal, "Switch goal between MLT and MLS", None),
    bind(Welcome, Key::plain(KeyCode::Tab), Action::SwitchGoal, "Switch goal between MLT and MLS", None),
    bind(Welcome, Key::plain(KeyCode::Up), Action::Up, "Previous state", None),
    bind(Welcome, Key::ch('k'), Action::Up, "Previous state", None),
    bind(Welcome, Key::plain(KeyCode::Down), Action::Down, "Next state", None),
    bind(Welcome, Key::ch('j'), Action::Down, "Next state", None),
    bind(Welcome, Key::plain(KeyCode::PageUp), Action::PageUp, "Page up", None),
    bind(Welcome, Key::plain(KeyCode::PageDown), Action::PageDown, "Page down", None),
    bind(Welcome, Key::ctrl('u'), Action::HalfPageUp, "Half a page up", None),
    bind(Welcome, Key::ctrl('d'), Action::HalfPageDown, "Half a page down", None),
    bind(Welcome, Key::ctrl('f'), Action::PageDown, "Page down", None),
    bind(Welcome, Key::ctrl('b'), Action::PageUp, "Page up", None),
    bind(Welcome, Key::plain(KeyCode::Home), Action::Top, "First entry", None),
    bind(Welcome, Key::plain(KeyCode::End), Action::Bottom, "Last entry", None),
    bind(Welcome, Key::plain(KeyCode::Enter), Action::Confirm, "Start with this goal and state", Some("start")),
    bind(Welcome, Key::plain(KeyCode::Esc), Action::Close, "Skip: start with this goal and no state", Some("skip")),
    bind(Welcome, Key::ch('?'), Action::OpenHelp, "Show all keys", Some("help")),
    bind(Welcome, Key::ch('q'), Action::Quit, "Quit; nothing is saved until you start", Some("quit")),
    bind(Welcome, Key::ctrl('c'), Action::Quit, "Quit; nothing is saved until you start", None),
    // Damaged profile.
    bind(RecoveryBackup, Key::ch('b'), Action::RestoreBackup, "Restore the backup", Some("restore backup")),
    bind(Recovery, Key::ch('n'), Action::StartFresh, "Start a new profile", Some("start fresh")),
    bind(Recovery, Key::ch('?'), Action::OpenHelp, "Show all keys", None),
    bind(Recovery, Key::ch('q'), Action::Quit, "Quit; decide next time", Some("quit")),
    bind(Recovery, Key::ctrl('c'), Action::Quit, "Quit; decide next time", None),
    // "Switch your goal?"
    bind(ConfirmGoal, Key::plain(KeyCode::Enter), Action::Confirm, "Switch the goal", Some("switch")),
    bind(ConfirmGoal, Key::ch('y'), Action::Confirm, "Switch the goal", None),
    bind(ConfirmGoal, Key::plain(KeyCode::Esc), Action::Close, "Keep the goal", Some("keep")),
    bind(ConfirmGoal, Key::ch('n'), Action::Close, "Keep the goal", None),
    bind(ConfirmGoal, Key::ctrl('c'), Action::Quit, "Save and quit", None),
    // Note editor: every other key types.
    bind(NoteEditor, Key::plain(KeyCode::Esc), Action::SaveText, "Save the note and close", Some("save and close")),
    bind(NoteEditor, Key::ctrl('s'), Action::SaveText, "Save the note and close", None),
    bind(NoteEditor, Key::ctrl('c'), Action::Quit, "Save the note and quit", None),
    // Date prompt: every other key types.
    bind(DatePrompt, Key::plain(KeyCode::Enter), Action::Confirm, "Save the date", Some("save")),
    bind(DatePrompt, Key::ctrl('s'), Action::Confirm, "Save the date", None),
    bind(DatePrompt, Key::plain(KeyCode::Esc), Action::Close, "Cancel", Some("cancel")),
    bind(DatePrompt, Key::ctrl('c'), Action::Quit, "Save the date if it reads, and quit", None),
    // Background form: every other key goes to the answer.
    bind(Setup, Key::plain(KeyCode::Up), Action::Up, "Previous question", None),
    bind(Setup, Key::plain(KeyCode::BackTab), Action::Up, "Previous question", None),
    bind(Setup, Key::plain(KeyCode::Down), Action::Down, "Next question", Some("question")),
    bind(Setup, Key::plain(KeyCode::Tab), Action::Down, "Next question", None),
    bind(Setup, Key::plain(KeyCode::Enter), Action::Confirm, "Next question", None),
    bind(Setup, Key::ctrl('s'), Action::SaveText, "Save and close", Some("save")),
    bind(Setup, Key::plain(KeyCode::Esc), Action::Close, "Save and close (twice: leave without saving)", Some("close")),
    bind(Setup, Key::ctrl('c'), Action::Quit, "Quit; the form is not saved", None),
    // Search: every other key goes to the query.
    bind(Search, Key::plain(KeyCode::Up), Action::Up, "Previous match", None),
    bind(Search, Key::plain(KeyCode::Down), Action::Down, "Next match", Some("match")),
    bind(Search, Key::plain(KeyCode::Enter), Action::Confirm, "Go to the match", Some("go")),
    bind(Search, Key::plain(KeyCode::Esc), Action::Close, "Close the search", Some("close")),
    bind(Search, Key::ctrl('c'), Action::Quit, "Save and quit", None),
    // The sources list.
    bind(Sources, Key::plain(KeyCode::Up), Action::Up, "Previous source", None),
    bind(Sources, Key::ch('k'), Action::Up, "Previous source", None),
    bind(Sources, Key::plain(KeyCode::Down), Action::Down, "Next source", Some("move")),
    bind(Sources, Key::ch('j'), Action::Down, "Next source", None),
    bind(Sources, Key::ch('y'), Action::Copy, "Copy the selected link (and show it below)", Some("copy")),
    bind(Sources, Key::plain(KeyCode::PageUp), Action::PageUp, "Page up", None),
    bind(Sources, Key::plain(KeyCode::PageDown), Action::PageDown, "Page down", None),
    bind(Sources, Key::ctrl('u'), Action::HalfPageUp, "Half a page up", None),
    bind(Sources, Key::ctrl('d'), Action::HalfPageDown, "Half a page down", None),
    bind(Sources, Key::ctrl('f'), Action::PageDown, "Page down", None),
    bind(Sources, Key::ctrl('b'), Action::PageUp, "Page up", None),
    bind(Sources, Key::ch('g'), Action::Top, "First source", None),
    bind(Sources, Key::plain(KeyCode::Home), Action::Top, "First source", None),
    bind(Sources, Key::ch('G'), Action::Bottom, "Last source", None),
    bind(Sources, Key::plain(KeyCode::End), Action::Bottom, "Last source", None),
    bind(Sources, Key::plain(KeyCode::Esc), Action::Close, "Close", Some("close")),
    bind(Sources, Key::ch('q'), Action::Close, "Close", None),
    bind(Sources, Key::ch('l'), Action::Close, "Close", None),
    bind(Sources, Key::ctrl('c'), Action::Quit, "Save and quit", None),
    bind(Sources, Key::ctrl('z'), Action::Suspend, "Suspend to the shell (fg comes back)", None),
    // The exam study view.
    bind(Study, Key::plain(KeyCode::Up), Action::Up, "Previous week", None),
    bind(Study, Key::ch('k'), Action::Up, "Previous week", None),
    bind(Study, Key::plain(KeyCode::Down), Action::Down, "Next week", Some("week")),
    bind(Study, Key::ch('j'), Action::Down, "Next week", None),
    bind(Study, Key::plain(KeyCode::PageUp), Action::PageUp, "Page up", None),
    bind(Study, Key::plain(KeyCode::PageDown), Action::PageDown, "Page down", None),
    bind(Study, Key::plain(KeyCode::Home), Action::Top, "First week", None),
    bind(Study, Key::plain(KeyCode::End), Action::Bottom, "Last week", None),
    bind(Study, Key::ch(' '), Action::Toggle, "Tick the week done / not done", Some("done")),
    bind(Study, Key::ch('s'), Action::StudySet, "Set the exam, its date and hours a week", Some("set")),
    bind(Study, Key::ch('p'), Action::StudyPractice, "Log a practice-test score for an area", Some("practice")),
    bind(Study, Key::ch('u'), Action::Undo, "Undo the last change", Some("undo")),
    bind(Study, Key::ctrl('r'), Action::Redo, "Redo what was undone", None),
    bind(Study, Key::ch('?'), Action::OpenHelp, "Show all keys", Some("help")),
    bind(Study, Key::plain(KeyCode::Esc), Action::Close, "Close", Some("close")),
    bind(Study, Key::ch('q'), Action::Close, "Close", None),
    bind(Study, Key::ch('E'), Action::Close, "Close", None),
    bind(Study, Key::ctrl('c'), Action::Quit, "Save and quit", None),
    bind(Study, Key::ctrl('z'), Action::Suspend, "Suspend to the shell (fg comes back)", None),
    // A form in the study view: every other key goes to the field.
    bind(StudyForm, Key::plain(KeyCode::Up), Action::Up, "Previous field", None),
    bind(StudyForm, Key::plain(KeyCode::BackTab), Action::Up, "Previous field", None),
    bind(StudyForm, Key::plain(KeyCode::Down), Action::Down, "Next field", Some("field")),
    bind(StudyForm, Key::plain(KeyCode::Tab), Action::Down, "Next field", None),
    bind(StudyForm, Key::plain(KeyCode::Enter), Action::Confirm, "Save", Some("save")),
    bind(StudyForm, Key::ctrl('s'), Action::Confirm, "Save", None),
    bind(StudyForm, Key::plain(KeyCode::Esc), Action::Close, "Cancel", Some("cancel")),
    bind(StudyForm, Key::ctrl('c'), Action::Quit, "Save and quit (the form is not saved)", None),
    // The programs view.
    bind(Programs, Key::plain(KeyCode::Left), Action::Up, "Previous program", None),
    bind(Programs, Key::plain(KeyCode::Up), Action::Up, "Previous program", None),
    bind(Programs, Key::ch('k'), Action::Up, "Previous program", None),
    bind(Programs, Key::ch('h'), Action::Up, "Previous program", None),
    bind(Programs, Key::plain(KeyCode::Right), Action::Down, "Next program", Some("move")),
    bind(Programs, Key::plain(KeyCode::Down), Action::Down, "Next program", None),
    bind(Programs, Key::ch('j'), Action::Down, "Next program", None),
    bind(Programs, Key::ch('l'), Action::Down, "Next program", None),
    bind(Programs, Key::plain(KeyCode::Home), Action::Top, "First program", None),
    bind(Programs, Key::plain(KeyCode::End), Action::Bottom, "Last program", None),
    bind(Programs, Key::plain(KeyCode::Enter), Action::Confirm, "Choose this program: the plan takes its length, start and tuition", Some("choose")),
    bind(Programs, Key::ch('a'), Action::Program(ProgramKey::Add), "Add a program", Some("add")),
    bind(Programs, Key::ch('e'), Action::Program(ProgramKey::Edit), "Edit this program", Some("edit")),
    bind(Programs, Key::ch('x'), Action::Program(ProgramKey::Remove), "Remove this program (u undoes it)", Some("remove")),
    bind(Programs, Key::plain(KeyCode::Delete), Action::Program(ProgramKey::Remove), "Remove this program (u undoes it)", None),
    bind(Programs, Key::ch('u'), Action::Undo, "Undo the last change", Some("undo")),
    bind(Programs, Key::ctrl('r'), Action::Redo, "Redo what was undone", None),
    bind(Programs, Key::plain(KeyCode::PageDown), Action::DetailsDown, "Details: page down", None),
    bind(Programs, Key::plain(KeyCode::PageUp), Action::DetailsUp, "Details: page up", None),
    bind(Programs, Key::ctrl('f'), Action::DetailsDown, "Details: page down", None),
    bind(Programs, Key::ctrl('b'), Action::DetailsUp, "Details: page up", None),
    bind(Programs, Key::plain(KeyCode::Esc), Action::Close, "Close", Some("close")),
    bind(Programs, Key::ch('q'), Action::Close, "Close", None),
    bind(Programs, Key::ch('P'), Action::Close, "Close", None),
    bind(Programs, Key::ch('?'), Action::OpenHelp, "Show all keys", Some("help")),
    bind(Programs, Key::ctrl('c'), Action::Quit, "Save and quit", None),
    bind(Programs, Key::ctrl('z'), Action::Suspend, "Suspend to the shell (fg comes back)", None),
    // The programs view's form: every other key goes to the answer.
    bind(ProgramForm, Key::plain(KeyCode::Up), Action::Up, "Previous field", None),
    bind(ProgramForm, Key::plain(KeyCode::BackTab), Action::Up, "Previous field", None),
    bind(ProgramForm, Key::plain(KeyCode::Down), Action::Down, "Next field", Some("field")),
    bind(ProgramForm, Key::plain(KeyCode::Tab), Action::Down, "Next field", None),
    bind(ProgramForm, Key::plain(KeyCode::Enter), Action::Confirm, "Next field", None),
    bind(ProgramForm, Key::ctrl('s'), Action::SaveText, "Save the program", Some("save")),
    bind(ProgramForm, Key::plain(KeyCode::Esc), Action::Close, "Close without saving", Some("cancel")),
    bind(ProgramForm, Key::ctrl('c'), Action::Quit, "Quit; the form is not saved", None),
    // What-if and the estimates explained.
    bind(Info, Key::plain(KeyCode::Down), Action::Down, "Scroll down", Some("scroll")),
    bind(Info, Key::ch('j'), Action::Down, "Scroll down", None),
    bind(Info, Key::plain(KeyCode::Up), Action::Up, "Scroll up", None),
    bind(Info, Key::ch('k'), Action::Up, "Scroll up", None),
    bind(Info, Key::plain(KeyCode::PageDown), Action::DetailsDown, "Page down", None),
    bind(Info, Key::plain(KeyCode::PageUp), Action::DetailsUp, "Page up", None),
    bind(Info, Key::ctrl('d'), Action::HalfPageDown, "Half a page down", None),
    bind(Info, Key::ctrl('u'), Action::HalfPageUp, "Half a page up", None),
    bind(Info, Key::ctrl('f'), Action::DetailsDown, "Page down", None),
    bind(Info, Key::ctrl('b'), Action::DetailsUp, "Page up", None),
    bind(Info, Key::ch('g'), Action::Top, "Top", None),
    bind(Info, Key::plain(KeyCode::Home), Action::Top, "Top", None),
    bind(Info, Key::ch('G'), Action::Bottom, "Bottom", None),
    bind(Info, Key::plain(KeyCode::End), Action::Bottom, "Bottom", None),
    bind(Info, Key::plain(KeyCode::Esc), Action::Close, "Close", Some("close")),
    bind(Info, Key::plain(KeyCode::Enter), Action::Close, "Close", None),
    bind(Info, Key::ch('q'), Action::Close, "Close", None),
    bind(Info, Key::ctrl('c'), Action::Quit, "Save and quit", None),
    bind(Info, Key::ctrl('z'), Action::Suspend, "Suspend to the shell (fg comes back)", None),
    // Terminal too small.
    bind(TooSmall, Key::ch('q'), Action::Quit, "Quit", Some("quit")),
    bind(TooSmall, Key::ctrl('c'), Action::Quit, "Quit", None),
];

/// The contexts of a mode, most specific first.
pub fn contexts_of(app: &App, mode: &Mode) -> &'static [Context] {
    match mode {
        Mode::Normal if app.screen == Screen::Dashboard => &[Dashboard, Global],
        Mode::Normal if app.screen == Screen::Upkeep => &[Upkeep, Global],
        Mode::Ce(_) => &[CeEditor],
        Mode::Normal => &[Checklist, Global],
        Mode::Welcome(_) => &[Welcome],
        Mode::Recovery(recovery) if usable_backup(recovery).is_some() => {
            &[RecoveryBackup, Recovery]
        }
        Mode::Recovery(_) => &[Recovery],
        Mode::Help(_) => &[Help],
        Mode::StatePicker(_) => &[StatePicker],
        Mode::ConfirmGoal => &[ConfirmGoal],
        Mode::Note(_) => &[NoteEditor],
        Mode::Date(_) => &[DatePrompt],
        Mode::Setup(_) => &[Setup],
        Mode::WhatIf(_) | Mode::Explain | Mode::Compare(_) => &[Info],
        Mode::Search(_) => &[Search],
        Mode::Sources(_) => &[Sources],
        Mode::Study(view) if view.form.is_some() => &[StudyForm],
        Mode::Study(_) => &[Study],
        Mode::Programs(view) if view.form.is_some() => &[ProgramForm],
        Mode::Programs(_) => &[Programs],
    }
}

/// The contexts of the screen under any help popup: what the help lists.
pub fn screen_contexts(app: &App) -> &'static [Context] {
    contexts_of(app, app.base_mode())
}

/// The contexts whose keys are live right now, most specific first.
pub fn active_contexts(app: &App) -> &'static [Context] {
    if app.size().0 < MIN_WIDTH || app.size().1 < MIN_HEIGHT {
        return &[TooSmall];
    }
    contexts_of(app, &app.mode)
}

/// Every binding live in these contexts, in table order.
pub fn bindings_for(contexts: &[Context]) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| contexts.contains(&b.context))
}

/// The action a key press asks for, if any.
pub fn action_for(app: &App, event: KeyEvent) -> Option<Action> {
    let contexts = active_contexts(app);
    let key = Key::from_event(event);
    if let Some(letter) = spelling(app, contexts, key) {
        return Some(Action::TypeAhead(letter));
    }
    if let Some(binding) = bindings_for(contexts).find(|b| b.key == key) {
        return Some(binding.action.clone());
    }
    match contexts.first().map_or(Unbound::Nothing, |c| c.unbound()) {
        Unbound::Text => Some(Action::Input(event)),
        Unbound::TypeAhead => match key {
            Key {
                code: KeyCode::Char(c),
                mods,
            } if mods.is_empty() && (c.is_alphabetic() || c == ' ') => Some(Action::TypeAhead(c)),
            _ => None,
        },
        Unbound::Nothing => elsewhere(contexts, key),
    }
}

/// A key that does nothing on this main screen: where it does something,
/// as a status line message ("Space works on the checklists (2, 3, 4): …").
/// Keys bound nowhere on the main screens, and keys in popups, stay quiet.
fn elsewhere(contexts: &[Context], key: Key) -> Option<Action> {
    if !contexts.contains(&Global) {
        return None;
    }
    let (place, binding) = [
        (Checklist, "on the checklists (2, 3, 4)"),
        (Dashboard, "on the dashboard (1)"),
    ]
    .into_iter()
    .filter(|(context, _)| !contexts.contains(context))
    .find_map(|(context, place)| {
        BINDINGS
            .iter()
            .find(|b| b.context == context && b.key == key)
            .map(|b| (place, b))
    })?;
    let what = binding.description;
    let stop = if what.ends_with(['?', '.']) { "" } else { "." };
    Some(Action::Unavailable(format!(
        "{} works {place}: {what}{stop}",
        key.label()
    )))
}

/// In a list of states, once a name is started every letter goes on
/// spelling it ("ok" reaches Oklahoma): `j` and `k` move only before.
fn spelling(app: &App, contexts: &[Context], key: Key) -> Option<char> {
    let typing = match &app.mode {
        Mode::StatePicker(picker) | Mode::Welcome(picker) => !picker.typed.is_empty(),
        _ => false,
    };
    match key.code {
        KeyCode::Char(c)
            if typing
                && key.mods.is_empty()
                && (c.is_alphabetic() || c == ' ')
                && contexts.first().map(|c| c.unbound()) == Some(Unbound::TypeAhead) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Whether a binding is offered here: a read-only copy offers no key that
/// would change the record.
fn offered(app: &App, binding: &Binding) -> bool {
    !(app.read_only && binding.action.changes_record())
}

/// Global keys a screen's footer offers among its own hints, before the
/// other global ones (the footer drops hints from the end): on Upkeep, a
/// removed activity comes back with undo.
const OWN_HINTS: &[(Context, Action)] = &[(Upkeep, Action::Undo)];

/// The footer's hints for what is on screen now.
pub fn hints_now(app: &App) -> Vec<(String, &'static str)> {
    let contexts = active_contexts(app);
    let mut own = Vec::new();
    let mut rest = Vec::new();
    for context in contexts {
        for binding in BINDINGS.iter().filter(|b| b.context == *context) {
            if let Some(hint) = binding.hint
                && offered(app, binding)
            {
                let first = contexts.first() == Some(context)
                    || OWN_HINTS
                        .iter()
                        .any(|(c, a)| contexts.first() == Some(c) && *a == binding.action);
                let to = if first { &mut own } else { &mut rest };
                to.push((keys_for(contexts, &binding.action), hint));
            }
        }
    }
    own.extend(rest);
    own
}

/// The help popup's lines for the screen under it.
pub fn help_now(app: &App) -> Vec<(String, &'static str)> {
    let contexts = screen_contexts(app);
    let mut lines: Vec<(String, &'static str)> = help_lines(contexts)
        .into_iter()
        .filter(|(_, description)| {
            BINDINGS
                .iter()
                .find(|b| contexts.contains(&b.context) && b.description == *description)
                .is_none_or(|b| offered(app, b))
        })
        .collect();
    match contexts.first().map(|c| c.unbound()) {
        Some(Unbound::TypeAhead) => lines.push(("a–z".to_owned(), TYPE_AHEAD)),
        Some(Unbound::Text) => {
            lines.extend(TEXT_KEYS.iter().map(|(k, d)| ((*k).to_owned(), *d)));
        }
        _ => {}
    }
    lines
}

/// What letters do in a list of states (the title says it too).
pub const TYPE_AHEAD: &str = "Jump to the state whose name starts with what you type; \
     once a name is started j and k are letters (Shift-K starts Kansas)";

/// The editing keys of every text (ratatui-textarea's, with readline's
/// Ctrl-U): listed in the help and the README, never bound in the table.
pub const TEXT_KEYS: [(&str, &str); 3] = [
    ("Ctrl-Z/Ctrl-R", "Undo / redo typing"),
    (
        "Ctrl-A/Ctrl-E, Alt-B/Alt-F",
        "Line start / end, word back / forward",
    ),
    (
        "Ctrl-W/Ctrl-U/Ctrl-K",
        "Delete the word before / to the line start / to the line end",
    ),
];

/// The keys for an action wherever it is first bound, for on-screen text
/// ("press s to choose your state").
pub fn key_for(action: &Action) -> String {
    CONTEXT_SETS
        .iter()
        .map(|contexts| keys_for(contexts, action))
        .find(|keys| !keys.is_empty())
        .unwrap_or_default()
}

/// The footer's hints: `(keys, words)`, one per hinted binding.
pub fn hints(contexts: &[Context]) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for context in contexts {
        for binding in BINDINGS.iter().filter(|b| b.context == *context) {
            if let Some(hint) = binding.hint {
                out.push((keys_for(contexts, &binding.action), hint));
            }
        }
    }
    out
}

/// All keys bound to an action in these contexts, joined: "↓/j".
pub fn keys_for(contexts: &[Context], action: &Action) -> String {
    let labels: Vec<String> = bindings_for(contexts)
        .filter(|b| &b.action == action)
        .map(|b| b.key.label())
        .collect();
    labels.join("/")
}

/// The help popup's lines: `(keys, description)`, one per distinct action.
pub fn help_lines(contexts: &[Context]) -> Vec<(String, &'static str)> {
    let mut seen: Vec<&Action> = Vec::new();
    let mut out = Vec::new();
    let in_context_order = contexts
        .iter()
        .flat_map(|c| BINDINGS.iter().filter(move |b| b.context == *c));
    for binding in in_context_order {
        if seen.contains(&&binding.action) {
            continue;
        }
        seen.push(&binding.action);
        out.push((keys_for(contexts, &binding.action), binding.description));
    }
    out
}

/// Every combination of contexts the app can be in, for checks.
pub const CONTEXT_SETS: &[&[Context]] = &[
    &[Checklist, Global],
    &[Dashboard, Global],
    &[Welcome],
    &[Help],
    &[StatePicker],
    &[RecoveryBackup, Recovery],
    &[Recovery],
    &[ConfirmGoal],
    &[NoteEditor],
    &[DatePrompt],
    &[Setup],
    &[Search],
    &[Sources],
    &[Study],
    &[StudyForm],
    &[Programs],
    &[ProgramForm],
    &[Info],
    &[TooSmall],
    &[Upkeep, Global],
    &[CeEditor],
];

/// The README's key tables, one per place, generated from the table so the
/// README cannot drift (a test compares them both ways).
pub fn readme_tables() -> String {
    let sets: [(&str, &[Context]); 21] = [
        ("Everywhere (dashboard and checklists)", &[Global]),
        ("Dashboard", &[Dashboard]),
        (
            "Checklist screens (Education, Certification, Licensing)",
            &[Checklist],
        ),
        ("Upkeep", &[Upkeep]),
        ("CE activity form", &[CeEditor]),
        ("Welcome", &[Welcome]),
        ("State picker", &[StatePicker]),
        ("Change goal", &[ConfirmGoal]),
        ("Note editor", &[NoteEditor]),
        ("Date done", &[DatePrompt]),
        ("Background setup", &[Setup]),
        ("Search", &[Search]),
        ("Sources", &[Sources]),
        ("The exam (study plan)", &[Study]),
        ("The exam: a form", &[StudyForm]),
        ("Programs (P)", &[Programs]),
        ("Program form", &[ProgramForm]),
        ("What-if and the estimates", &[Info]),
        ("Help", &[Help]),
        ("Damaged profile", &[RecoveryBackup, Recovery]),
        ("Terminal too small", &[TooSmall]),
    ];
    let mut out = String::new();
    for (name, contexts) in sets {
        let _ = write!(out, "**{name}**\n\n| Keys | What it does |\n|---|---|\n");
        for (keys, description) in help_lines(contexts) {
            let _ = writeln!(out, "| `{keys}` | {description} |");
        }
        match contexts[0].unbound() {
            Unbound::TypeAhead => {
                let _ = writeln!(out, "| `a–z` | {TYPE_AHEAD} |");
            }
            Unbound::Text => {
                out.push_str("| any other key | Types (a `q` is a letter here) |\n");
                for (keys, description) in TEXT_KEYS {
                    let _ = writeln!(out, "| `{keys}` | {description} |");
                }
            }
            Unbound::Nothing => {}
        }
        out.push('\n');
    }
    out.trim_end().to_owned()
}

/// Pasted text goes to whatever takes text now; elsewhere it is ignored
/// (never replayed as keys).
pub fn paste_action(app: &App, text: String) -> Option<Action> {
    let contexts = active_contexts(app);
    (contexts.first().map(|c| c.unbound()) == Some(Unbound::Text)).then_some(Action::Paste(text))
}

/// Notices name keys as `{Undo}`, `{Quit}`, ...: the app does not know the
/// keymap, so the text is filled in here, from the table, when shown.
pub fn expand(text: &str) -> String {
    const TOKENS: [(&str, Action); 8] = [
        ("{Undo}", Action::Undo),
        ("{CeAdd}", Action::Ce(CeAction::Add)),
        ("{KeepMine}", Action::KeepMine),
        ("{Quit}", Action::Quit),
        ("{Close}", Action::Close),
        ("{NextHit}", Action::NextHit),
        ("{PrevHit}", Action::PrevHit),
        ("{OpenSearch}", Action::OpenSearch),
    ];
    let mut out = text.to_owned();
    for (token, action) in TOKENS {
        if out.contains(token) {
            out = out.replace(token, &key_for(&action));
        }
    }
    out
}
