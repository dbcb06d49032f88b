//! App state, the actions that change it, and `update()`: state + action ->
//! new state + effects. After each change to the record `update` makes the
//! advice again (`App::advice`); rendering lives in `ui`, only reads, and
//! never feeds back into `update`: what `update` needs of the screen's shape
//! (page sizes, how far a text scrolls) comes from `layout` and `panes`
//! (see `shape`), at the size the last `Resize` gave. `app` never imports
//! `ui` or `cli`.

mod shape;

use std::rc::Rc;

pub mod study;

use ratatui::crossterm::event::KeyEvent;
use ratatui::widgets::ListState;

use crate::advisor::plan::{self, WhatIf};
use crate::advisor::{self, Advice, Check};
use crate::clock::Clock;
use crate::content::{Area, Goal, Guide, Step};
use crate::profile::{Change, Edit, PartialDate, Profile, Screen, Status, UndoStack};
use crate::programs_view::{self, ProgramsView};
use crate::search::{self, Hit};
use crate::session::{Recovery, Start};
use crate::setup::SetupForm;
use crate::textarea::{self, TextArea};
use crate::theme::Theme;

mod upkeep;

pub use upkeep::{CeAction, CeForm, FIELD_HINTS, FIELDS, UpkeepView};

/// Below this size the app asks for a larger terminal instead of drawing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Something the user (or the system) asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextScreen,
    PrevScreen,
    Show(Screen),
    Up,
    Down,
    PageUp,
    PageDown,
    /// Ctrl-D and Ctrl-U: half a page, as in vim and less.
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    /// Space: done, or back to do.
    Toggle,
    SetStatus(Status),
    EditDate,
    EditNote,
    Undo,
    Redo,
    DetailsUp,
    DetailsDown,
    OpenHelp,
    Close,
    ChooseState,
    /// Asks before switching the goal.
    SwitchGoal,
    Confirm,
    /// A letter typed in a list of states: jump to the first match.
    TypeAhead(char),
    /// A key for the text being edited.
    Input(KeyEvent),
    /// The background setup form.
    OpenSetup,
    /// What finishing the selected step would open.
    WhatIf,
    /// How the finish date and the cost were worked out.
    Explain,
    /// Put your state beside another (a state picker, then the comparison).
    Compare,
    /// `/`: search every checklist.
    OpenSearch,
    /// Every source, one a line, as links.
    OpenSources,
    /// The programs view: the shortlist side by side.
    OpenPrograms,
    /// A key of the programs view: add, edit, remove.
    Program(crate::programs_view::Key),
    /// Go to the next or previous match of the last search.
    NextHit,
    PrevHit,
    /// Switch between the default and the high-contrast theme.
    CycleTheme,
    /// `y` in the sources view: copy the selected link.
    Copy,
    /// The Upkeep screen: add, edit or remove a CE activity.
    Ce(CeAction),
    /// A key that does nothing here: the message says where it works.
    Unavailable(String),
    /// Ctrl-Z: stop and give the terminal back to the shell until `fg`
    /// (the loop does it; `update` has nothing to change).
    Suspend,
    /// A click on a checklist row: select it.
    SelectRow(usize),
    /// A click on a row's checkbox: select it and toggle it.
    ToggleRow(usize),
    /// The wheel over the details: one line.
    DetailsLine(bool),
    /// Pasted text for the text being edited.
    Paste(String),
    /// Save the text being edited and close it.
    SaveText,
    /// The terminal's size changed (also sent once at start).
    Resize(u16, u16),
    /// A signal or a closed terminal: save if possible and quit, no questions.
    Exit,
    /// On the recovery screen: use the backup.
    RestoreBackup,
    /// On the recovery screen: start a new profile.
    StartFresh,
    /// The result of the last save: `Err` carries why it failed.
    Saved(Result<(), String>),
    /// The result of the save made on the way out.
    SavedBeforeQuit(Result<(), String>),
    /// Another program (a sync tool) changed the profile's file: what was
    /// merged in from it, to take as the profile; `Err` when the file does
    /// not read (it was left alone).
    Reloaded(Result<Box<crate::profile::merge::Merged>, String>),
    /// Keep this copy's version over a profile file that does not read:
    /// the file is set aside, not deleted.
    KeepMine,
    /// What keeping this copy's version did: where the unreadable file
    /// went (`None`: it read again and was merged), or why it failed.
    KeptMine(Result<Option<String>, String>),
    /// `E`: the exam study view.
    OpenStudy,
    /// In the study view: set the exam, date and hours.
    StudySet,
    /// In the study view: log a practice test.
    StudyPractice,
}

impl Action {
    /// Moves a list's cursor: a row, a page, half a page or to an end.
    pub fn moves_cursor(&self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::HalfPageUp
                | Action::HalfPageDown
                | Action::Top
                | Action::Bottom
        )
    }

    /// Changes the user's record, so a read-only copy refuses it.
    pub fn changes_record(&self) -> bool {
        matches!(
            self,
            Action::Toggle
                | Action::SetStatus(_)
                | Action::EditDate
                | Action::EditNote
                | Action::Undo
                | Action::Redo
                | Action::ChooseState
                | Action::SwitchGoal
                | Action::OpenSetup
                | Action::ToggleRow(_)
                | Action::KeepMine
                | Action::Ce(_)
        )
    }
}

/// Work for the loop to do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save,
    /// Save; the result comes back as `SavedBeforeQuit`, which decides.
    SaveThenQuit,
    Quit,
    /// Move the backup aside before a new profile can replace it.
    ArchiveBackup,
    /// Keep what is typed in the note editor on disk, so a crash loses nothing.
    SaveDraft(Draft),
    /// The note was saved into the profile: the draft can go.
    ClearDraft,
    /// Write the settings file.
    SaveConfig,
    /// Set the profile file that does not read aside and save this
    /// copy's version; the result comes back as `KeptMine`.
    KeepMine,
}

pub use crate::storage::Draft;

/// A list of states to pick from; index 0 is "no state / outside the US".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Picker {
    pub goal: Goal,
    pub selected: usize,
    /// Picking the state to compare yours with, not your state.
    pub compare: bool,
    /// Letters typed so far, to jump by name.
    pub typed: String,
}

/// The note editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    pub step: String,
    pub title: String,
    pub text: TextArea,
}

/// The prompt for the date a step was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatePrompt {
    pub step: String,
    pub title: String,
    pub input: TextArea,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

/// What has the keyboard. Decided in one place: `update`, the keymap and
/// drawing all match on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The dashboard and the checklists.
    Normal,
    /// First launch: goal and state.
    Welcome(Picker),
    /// The profile was damaged: what to do.
    Recovery(Recovery),
    /// The keys of the mode underneath.
    Help(Box<Mode>),
    StatePicker(Picker),
    /// "Switch your goal?"
    ConfirmGoal,
    Note(NoteEditor),
    Date(DatePrompt),
    /// The background form.
    Setup(Box<SetupForm>),
    /// What finishing a step would open.
    WhatIf(WhatIfView),
    /// The assumptions behind the finish date and the cost.
    Explain,
    /// Your state beside another, as `medtech compare` prints it.
    Compare(String),
    /// `/`: the query and what it matches.
    Search(SearchView),
    /// Every source of the guide; the selected one.
    Sources(usize),
    /// The exam study plan (`E`), with any form open over it.
    Study(Box<study::StudyView>),
    /// The shortlist of programs (its own module: `programs_view`).
    Programs(Box<ProgramsView>),
    /// Adding or editing a CE activity (the Upkeep screen).
    Ce(Box<CeForm>),
}

/// The search popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchView {
    pub query: TextArea,
    pub hits: Vec<Hit>,
    pub selected: usize,
}

/// The what-if popup's content, worked out when it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIfView {
    pub title: String,
    /// `None` when medtech does not know what the step changes.
    pub result: Option<WhatIf>,
}

/// One line of a checklist: a step and how deep it is nested.
#[derive(Debug, Clone, Copy)]
pub struct Row<'g> {
    pub step: &'g Step,
    pub depth: usize,
}

/// What one checklist screen remembers: the selection and scroll of its
/// list, and how far its details are scrolled.
#[derive(Debug, Clone, Default)]
pub struct ChecklistView {
    /// Selection and offset, kept in view by `update` (see `ChecklistView::select`).
    list: ListState,
    details_scroll: u16,
}

impl ChecklistView {
    pub fn cursor(&self) -> usize {
        self.list.selected().unwrap_or(0)
    }

    /// The list's selection and first row shown, as drawn.
    pub fn list(&self) -> ListState {
        self.list
    }

    /// How far the details are scrolled (drawing clamps it to the text).
    pub fn details_scroll(&self) -> u16 {
        self.details_scroll
    }

    /// Selects row `index` of `len` and scrolls the least that keeps it in
    /// a list `height` rows high, as ratatui's `List` would.
    fn select(&mut self, index: usize, len: usize, height: usize) {
        if len == 0 {
            self.list = ListState::default();
            return;
        }
        let index = index.min(len - 1);
        if self.list.selected() != Some(index) {
            self.details_scroll = 0;
        }
        let height = height.max(1);
        let mut offset = self.list.offset();
        if index < offset {
            offset = index;
        } else if index >= offset + height {
            offset = index + 1 - height;
        }
        offset = offset.min(len.saturating_sub(height));
        self.list = ListState::default()
            .with_selected(Some(index))
            .with_offset(offset);
    }
}

/// Everything the screen shows, and nothing the loop needs to know about.
// The flags are independent facts about the session, not a state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone)]
pub struct App {
    guide: Rc<Guide>,
    profile: Profile,
    /// Read when a change is made; injected so date logic is testable.
    pub clock: Clock,
    /// What the advisor says about `profile` today, made again after each
    /// change (drawing only reads it).
    advice: Advice,
    pub mode: Mode,
    pub screen: Screen,
    /// One per checklist area, indexed by `Area as usize`.
    views: [ChecklistView; 3],
    /// The Upkeep screen's selection.
    upkeep: UpkeepView,
    undo: UndoStack,
    /// Set when the user pressed quit while changes are unsaved: the next
    /// quit leaves without them.
    quit_armed: bool,
    /// Another copy holds the profile, or the lock cannot be known:
    /// nothing is written.
    pub read_only: bool,
    /// Why, when it is not simply another copy holding the profile.
    pub read_only_reason: Option<String>,
    /// Why the last save failed, while it keeps failing.
    pub unsaved: Option<String>,
    /// The profile file on disk does not read (a sync tool caught
    /// half-way): saves wait, and `KeepMine` can set it aside.
    pub disk_unreadable: bool,
    /// A one-off message for the status line, cleared by the next action.
    pub notice: Option<String>,
    /// Text for the terminal's clipboard (OSC 52), written with the next
    /// frame and then dropped.
    pub clipboard: Option<String>,
    pub theme: Theme,
    /// The terminal's size, as the last `Resize` said.
    size: (u16, u16),
    /// After "start fresh", the old backup is set aside just before the new
    /// profile's first save (not before: quitting the welcome keeps it).
    archive_backup_first: bool,
    /// The matches of the last search, and the one shown, for `]` and `[`.
    last_search: Option<(Vec<Hit>, usize)>,
    /// Write links as OSC 8 hyperlinks (off for tests and dumb terminals).
    pub hyperlinks: bool,
    /// Take clicks and the wheel (`--no-mouse` or the config turns it off).
    pub mouse: bool,
    /// How far the help, what-if or explain popup is scrolled.
    help_scroll: u16,
    /// The settings and where they live; `None` when the file could not be
    /// read, so it is never overwritten.
    pub config: Option<(std::path::PathBuf, crate::config::Config)>,
}

impl App {
    /// A new app on an existing profile, resuming where the user left off.
    pub fn new(guide: impl Into<Rc<Guide>>, profile: Profile, clock: Clock) -> App {
        App::sized(guide, profile, clock, (80, 24))
    }

    /// A new app for a terminal of `size`: what it selects and lays out
    /// is worked out once, at the size it is drawn at.
    fn sized(guide: impl Into<Rc<Guide>>, profile: Profile, clock: Clock, size: (u16, u16)) -> App {
        let guide = guide.into();
        let advice = Advice::new(&guide, &profile, clock.today());
        let mut app = App {
            guide,
            profile,
            clock,
            advice,
            mode: Mode::Normal,
            screen: Screen::Dashboard,
            views: Default::default(),
            upkeep: UpkeepView::default(),
            undo: UndoStack::default(),
            quit_armed: false,
            read_only: false,
            read_only_reason: None,
            unsaved: None,
            disk_unreadable: false,
            notice: None,
            clipboard: None,
            theme: Theme::default(),
            size,
            archive_backup_first: false,
            last_search: None,
            hyperlinks: false,
            mouse: false,
            config: None,
            help_scroll: 0,
        };
        app.resume();
        app
    }

    /// The app for what the session found, in a terminal of `size`.
    pub fn start(guide: impl Into<Rc<Guide>>, start: Start, clock: Clock, size: (u16, u16)) -> App {
        let (profile, mode) = match start {
            // A profile a command made: goal and state were never asked.
            Start::Resume(profile) if profile.never_greeted() => {
                let goal = profile.goal;
                (
                    profile,
                    Mode::Welcome(Picker {
                        goal,
                        ..Picker::default()
                    }),
                )
            }
            Start::Resume(profile) => (profile, Mode::Normal),
            Start::FirstLaunch => (Profile::default(), Mode::Welcome(Picker::default())),
            Start::Recover(recovery) => (Profile::default(), Mode::Recovery(recovery)),
        };
        let mut app = App::sized(guide, profile, clock, size);
        app.mode = mode;
        app
    }

    /// A first launch: the welcome screen asks for goal and state.
    pub fn first_launch(guide: impl Into<Rc<Guide>>, clock: Clock) -> App {
        let mut app = App::new(guide, Profile::default(), clock);
        app.mode = Mode::Welcome(Picker::default());
        app
    }

    /// The profile could not be read: ask the user what to do.
    pub fn recover(guide: impl Into<Rc<Guide>>, clock: Clock, recovery: Recovery) -> App {
        let mut app = App::new(guide, Profile::default(), clock);
        app.mode = Mode::Recovery(recovery);
        app
    }

    pub fn guide(&self) -> &Guide {
        &self.guide
    }

    /// The user's record.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// What the advisor says about the record today.
    pub fn advice(&self) -> &Advice {
        &self.advice
    }

    /// The terminal's size, as the last `Resize` said.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// How far the help, what-if or explain popup is scrolled (drawing
    /// clamps it to the text).
    pub fn help_scroll(&self) -> u16 {
        self.help_scroll
    }

    /// Changes the record outside the undo history (the screen follows, as
    /// after any change): for tests and demos that set a record up.
    pub fn edit_profile(&mut self, edit: impl FnOnce(&mut Profile)) {
        let before = self.selected_ids();
        edit(&mut self.profile);
        self.changed(before);
    }

    /// Reopens the note editor, or the setup form, on a draft a crash or
    /// a signal left behind.
    pub fn resume_draft(&mut self, draft: Draft) {
        if let Some(form) = &draft.form {
            self.mode = Mode::Setup(Box::new(
                SetupForm::resume(&self.profile.background, form).picking_from(&self.guide),
            ));
            self.notice = Some(
                "The background answers you were typing were recovered. Save them or close the form."
                    .into(),
            );
            return;
        }
        let title = self
            .guide
            .step(&draft.step)
            .map_or_else(|| draft.step.clone(), |(_, s)| s.title.clone());
        self.mode = Mode::Note(NoteEditor {
            step: draft.step,
            title,
            text: TextArea::new(&draft.text).with_max_bytes(textarea::NOTE_MAX_BYTES),
        });
        self.notice = Some("A note you were writing was recovered. Save it or close it.".into());
    }

    /// The mode under any help popup.
    pub fn base_mode(&self) -> &Mode {
        match &self.mode {
            Mode::Help(under) => under,
            other => other,
        }
    }

    /// The states in picker order (by name), after the "none" entry.
    pub fn state_choices(&self) -> Vec<(&str, &str)> {
        let mut states: Vec<(&str, &str)> = self
            .guide
            .states
            .iter()
            .map(|s| (s.code.as_str(), s.name.as_str()))
            .collect();
        states.sort_by_key(|(_, name)| *name);
        states
    }

    /// The visible checklist of an area, sub-steps under their parents.
    pub fn rows(&self, area: Area) -> Vec<Row<'_>> {
        fn walk<'g>(step: &'g Step, depth: usize, out: &mut Vec<Row<'g>>) {
            out.push(Row { step, depth });
            for sub in &step.substeps {
                walk(sub, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        for step in self
            .guide
            .steps(area, self.profile.goal, self.profile.state.as_deref())
        {
            walk(step, 0, &mut out);
        }
        out
    }

    pub fn view(&self, area: Area) -> &ChecklistView {
        &self.views[area as usize]
    }

    /// The selected row's step on the current checklist screen.
    pub fn selected_step(&self) -> Option<&Step> {
        let area = self.screen.area()?;
        self.selected_on(area)
    }

    fn selected_on(&self, area: Area) -> Option<&Step> {
        let index = self.view(area).list.selected()?;
        self.rows(area).get(index).map(|r| r.step)
    }

    /// The step selected on each checklist.
    fn selected_ids(&self) -> [Option<String>; 3] {
        Area::ALL.map(|area| self.selected_on(area).map(|s| s.id.clone()))
    }

    /// Rows a checklist shows at once, at the terminal's size.
    fn list_height(&self, area: Area) -> usize {
        usize::from(self.checklist_areas(area).list.height)
    }

    /// Selects row `index` on a checklist, keeping it in view.
    fn select(&mut self, area: Area, index: usize) {
        let len = self.rows(area).len();
        let height = self.list_height(area);
        self.views[area as usize].select(index, len, height);
    }

    /// Selects the step `id` on a checklist if it is there, else keeps the
    /// row (inside the list).
    fn select_id(&mut self, area: Area, id: Option<&str>) {
        let rows = self.rows(area);
        let index = id
            .and_then(|id| rows.iter().position(|r| r.step.id == id))
            .unwrap_or_else(|| self.view(area).cursor());
        self.select(area, index);
    }

    /// Opens on the screen and the steps saved in the profile.
    fn resume(&mut self) {
        self.screen = self.profile.resume.screen;
        self.views = Default::default();
        for area in Area::ALL {
            let saved = self.profile.resume.selected.get(&area).cloned();
            self.select_id(area, saved.as_deref());
        }
    }

    /// After a change to the record: the advice is made again, and each
    /// checklist keeps the step it had selected (`before`), if still listed.
    fn changed(&mut self, before: [Option<String>; 3]) {
        self.advice = Advice::new(&self.guide, &self.profile, self.clock.today());
        for (area, id) in Area::ALL.into_iter().zip(before) {
            self.select_id(area, id.as_deref());
        }
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Saved(result) => {
                if result.is_err() {
                    // "Note saved" and the like would now be false; the
                    // NOT SAVED banner says what happened.
                    self.notice = None;
                }
                self.unsaved = result.err();
                return Vec::new();
            }
            Action::SavedBeforeQuit(result) => return self.saved_before_quit(result),
            Action::Reloaded(result) => {
                self.reloaded(result);
                return Vec::new();
            }
            Action::KeptMine(result) => {
                self.kept_mine(result);
                return Vec::new();
            }
            Action::Resize(width, height) => {
                self.size = (width, height);
                for area in Area::ALL {
                    self.select(area, self.view(area).cursor());
                }
                return Vec::new();
            }
            Action::Exit => return self.exit(),
            _ => {}
        }
        if self.clock.today() != self.advice.today {
            // A new day: windows close, dates move.
            self.changed(self.selected_ids());
        }
        if action != Action::Quit {
            self.quit_armed = false;
        }
        self.notice = None;
        if let Action::Unavailable(message) = action {
            self.notice = Some(message);
            return Vec::new();
        }
        match &self.mode {
            Mode::Normal => self.update_screen(&action),
            Mode::Welcome(_) => self.update_welcome(action),
            Mode::Recovery(_) => self.update_recovery(&action),
            Mode::Help(_) => self.update_help(&action),
            Mode::StatePicker(_) => self.update_state_picker(action),
            Mode::ConfirmGoal => self.update_confirm_goal(&action),
            Mode::Note(_) => self.update_note(action),
            Mode::Date(_) => self.update_date(action),
            Mode::Setup(_) => self.update_setup(action),
            Mode::Ce(_) => self.update_ce_form(action),
            Mode::Search(_) => self.update_search(action),
            Mode::Sources(_) => self.update_sources(&action),
            Mode::Study(_) => self.update_study(action),
            Mode::Programs(_) => self.update_programs(&action),
            Mode::WhatIf(_) | Mode::Explain | Mode::Compare(_) => {
                match action {
                    Action::Quit => return self.quit(false),
                    Action::Close
                    | Action::Confirm
                    | Action::WhatIf
                    | Action::Explain
                    | Action::Compare => {
                        self.mode = Mode::Normal;
                    }
                    other => self.scroll_popup(&other),
                }
                Vec::new()
            }
        }
    }

    /// Whether a change another program makes to the file is taken in
    /// now: not before a profile is loaded (the welcome, the recovery).
    pub fn takes_reloads(&self) -> bool {
        !matches!(self.base_mode(), Mode::Welcome(_) | Mode::Recovery(_))
    }

    /// Takes in what another program changed in the file (merged with
    /// what is here), keeping the place on screen, and says what changed.
    /// The undo stack stays: each edit is undone by value, merge or not.
    fn reloaded(&mut self, result: Result<Box<crate::profile::merge::Merged>, String>) {
        use std::fmt::Write as _;
        let merged = match result {
            Ok(merged) => merged,
            Err(why) => {
                self.notice = Some(format!("{why}."));
                return;
            }
        };
        let merged = *merged;
        if !self.read_only {
            // The merge is on disk (or the file already held everything).
            self.unsaved = None;
        }
        let settings_changed =
            merged.profile.goal != self.profile.goal || merged.profile.state != self.profile.state;
        let mut profile = merged.profile;
        profile.resume = self.profile.resume.clone();
        // Each checklist keeps the step it had selected.
        self.edit_profile(|mine| *mine = profile);
        if settings_changed {
            self.last_search = None;
        }
        if merged.summary.is_empty() && merged.conflicts.is_empty() {
            // Only where the other copy was on screen: nothing to say.
            return;
        }
        let steps = merged.summary.steps();
        let only_steps = merged
            .summary
            .taken
            .iter()
            .all(|item| item.step().is_some());
        let mut notice = if only_steps && (1..=2).contains(&steps.len()) {
            let names: Vec<String> = steps
                .iter()
                .map(|id| {
                    let title = self.guide.step(id).map_or(*id, |(_, s)| s.title.as_str());
                    format!("“{title}”")
                })
                .collect();
            format!("{} changed on another computer.", names.join(" and "))
        } else {
            merged.summary.describe(&[])
        };
        for conflict in merged.conflicts {
            let what = match conflict.item.step() {
                Some(id) => self
                    .guide
                    .step(id)
                    .map_or_else(|| id.to_owned(), |(_, s)| format!("“{}”", s.title)),
                None => match &conflict.item {
                    crate::profile::merge::Item::Background(field) => {
                        format!("your background ({})", field.replace('_', " "))
                    }
                    crate::profile::merge::Item::Goal => "your goal".to_owned(),
                    crate::profile::merge::Item::Program(name) => format!("the program “{name}”"),
                    crate::profile::merge::Item::Choice => "your chosen program".to_owned(),
                    _ => "your state".to_owned(),
                },
            };
            let kept = match conflict.kept {
                crate::profile::merge::Side::Ours => "this computer's",
                crate::profile::merge::Side::Theirs => "the other computer's",
            };
            let mut sentence = what.chars();
            let what_first = sentence
                .next()
                .map(|c| c.to_uppercase().chain(sentence).collect::<String>())
                .unwrap_or_default();
            let _ = write!(
                notice,
                " {what_first} was changed on both: kept {kept} ({}), the other was {}.",
                conflict.kept_value, conflict.other_value
            );
            // One key switches to the other value: undo.
            if !conflict.switch.is_empty() && !self.read_only {
                self.undo.push(Edit {
                    label: format!("kept {kept} version of {what}"),
                    changes: conflict.switch,
                });
                notice.push_str(" {Undo} switches to the other.");
            }
        }
        if self.read_only {
            // The change may be the other medtech's, on this computer.
            notice = notice.replace(
                "on another computer",
                "in another medtech or on another computer",
            );
        }
        self.notice = Some(notice);
    }

    /// What keeping this copy's version over an unreadable file did.
    fn kept_mine(&mut self, result: Result<Option<String>, String>) {
        match result {
            Ok(moved) => {
                self.unsaved = None;
                self.disk_unreadable = false;
                self.notice = Some(match moved {
                    Some(moved) => format!(
                        "Kept your version. The file that did not read was set aside as {moved}, not deleted."
                    ),
                    None => "The profile file reads again: your changes were saved with it.".into(),
                });
            }
            Err(why) => self.notice = Some(format!("Your version could not be kept: {why}.")),
        }
    }

    /// A signal or a closed terminal: keep everything typed, save, leave.
    fn exit(&mut self) -> Vec<Effect> {
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            // Nothing has been chosen or loaded yet: nothing to save.
            mode @ (Mode::Welcome(_) | Mode::Recovery(_)) => {
                self.mode = mode;
                return vec![Effect::Quit];
            }
            Mode::Help(under) if matches!(*under, Mode::Welcome(_) | Mode::Recovery(_)) => {
                return vec![Effect::Quit];
            }
            Mode::Note(editor) => {
                let mut effects = self.save_note(&editor);
                effects.extend(self.quit(true));
                return effects;
            }
            // A form that reads is saved; one that does not is kept as a
            // draft, every answer as typed, for the next launch.
            Mode::Setup(form) => {
                let today = self.clock.today();
                let mut effects = Vec::new();
                if !self.read_only {
                    match form.to_background(today) {
                        Ok(background) => {
                            let from = Box::new(self.profile.background.clone());
                            effects = self.commit(
                                "changed your background".to_owned(),
                                vec![Change::Background {
                                    from,
                                    to: Box::new(background),
                                }],
                            );
                            effects.push(Effect::ClearDraft);
                        }
                        Err(_) => effects.push(Effect::SaveDraft(Draft::form(form.draft()))),
                    }
                }
                effects.extend(self.quit(true));
                return effects;
            }
            Mode::Date(prompt) => {
                let today = self.clock.today();
                let mut effects = Vec::new();
                if let Ok(date) = prompt.input.text().parse::<PartialDate>()
                    && !date.is_after(today)
                {
                    effects = self.set_date(&prompt, date);
                }
                effects.extend(self.quit(true));
                return effects;
            }
            _ => {}
        }
        self.quit(true)
    }

    /// Keys on the dashboard and the checklists.
    fn update_screen(&mut self, action: &Action) -> Vec<Effect> {
        if self.read_only && action.changes_record() {
            self.notice = Some(match &self.read_only_reason {
                Some(why) if why != crate::session::HELD_ELSEWHERE => {
                    format!("Read-only ({why}): changes cannot be saved here.")
                }
                _ => "Read-only: close the other medtech to make changes here.".to_owned(),
            });
            return Vec::new();
        }
        if let Some(effects) = self.update_upkeep(action) {
            return effects;
        }
        match action {
            Action::Quit => return self.quit(false),
            Action::NextScreen => self.show(self.screen.next()),
            Action::PrevScreen => self.show(self.screen.prev()),
            Action::Show(screen) => self.show(*screen),
            Action::OpenHelp => self.open_help(),
            Action::ChooseState => {
                let selected = self.picker_index(self.profile.state.as_deref());
                self.mode = Mode::StatePicker(Picker {
                    goal: self.profile.goal,
                    selected,
                    typed: String::new(),
                    compare: false,
                });
            }
            Action::Compare => self.open_compare(),
            Action::SwitchGoal => self.mode = Mode::ConfirmGoal,
            Action::Toggle => return self.toggle(),
            Action::SetStatus(status) => return self.set_status(*status),
            Action::EditNote => self.open_note(),
            Action::EditDate => self.open_date(),
            Action::OpenSetup => {
                self.mode = Mode::Setup(Box::new(
                    SetupForm::new(&self.profile.background, false).picking_from(&self.guide),
                ));
            }
            Action::WhatIf => self.open_what_if(),
            Action::OpenSearch => {
                self.mode = Mode::Search(SearchView {
                    query: TextArea::single_line("").with_max_chars(60),
                    hits: Vec::new(),
                    selected: 0,
                });
            }
            Action::NextHit | Action::PrevHit => self.step_hit(*action == Action::NextHit),
            Action::OpenSources => self.mode = Mode::Sources(0),
            Action::OpenStudy => self.open_study(),
            Action::OpenPrograms => {
                let view = ProgramsView::new(&self.guide, &self.profile, self.clock.today());
                self.mode = Mode::Programs(Box::new(view));
            }
            Action::SelectRow(_) | Action::ToggleRow(_) | Action::DetailsLine(_) => {
                return self.pointer(action);
            }
            Action::CycleTheme => {
                self.theme.palette = self.theme.palette.next();
                self.notice = Some(format!("Theme: {}.", self.theme.palette.name()));
                if let Some((_, config)) = &mut self.config {
                    config.theme = self.theme.palette;
                    return vec![Effect::SaveConfig];
                }
            }
            Action::Explain if self.screen == Screen::Dashboard => {
                self.help_scroll = 0;
                self.mode = Mode::Explain;
            }
            Action::Undo => return self.undo(),
            Action::Redo => return self.redo(),
            Action::KeepMine if self.disk_unreadable => return vec![Effect::KeepMine],
            Action::KeepMine => {
                self.notice = Some("The profile file reads: there is nothing to set aside.".into());
            }
            Action::Confirm if self.screen == Screen::Dashboard => self.open_next_step(),
            Action::DetailsDown | Action::DetailsUp => {
                if let Some(area) = self.screen.area() {
                    // A page, less two lines of context.
                    let rows = self.checklist_areas(area).details_text.height;
                    let page = rows.saturating_sub(2).max(1);
                    self.scroll_details(area, *action == Action::DetailsDown, page);
                }
            }
            action if action.moves_cursor() => {
                if let Some(area) = self.screen.area() {
                    let len = self.rows(area).len();
                    let mut cursor = self.view(area).cursor();
                    move_in(&mut cursor, len, action, self.list_height(area));
                    self.select(area, cursor);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// What the mouse asked for on a checklist: select, toggle, scroll.
    fn pointer(&mut self, action: &Action) -> Vec<Effect> {
        let Some(area) = self.screen.area() else {
            return Vec::new();
        };
        match action {
            Action::SelectRow(index) | Action::ToggleRow(index) => {
                let last = self.rows(area).len().saturating_sub(1);
                self.select(area, (*index).min(last));
                if matches!(action, Action::ToggleRow(_)) && *index <= last {
                    return self.toggle();
                }
            }
            Action::DetailsLine(down) => self.scroll_details(area, *down, 1),
            _ => {}
        }
        Vec::new()
    }

    /// Scrolls a checklist's details by `by` rows, no further than their end.
    fn scroll_details(&mut self, area: Area, down: bool, by: u16) {
        let stored = self.views[area as usize].details_scroll;
        self.views[area as usize].details_scroll = if down {
            self.details_scroll_to(area, stored.saturating_add(by))
        } else {
            // A scroll left past the end (the pane grew) starts from the end.
            self.details_scroll_to(area, stored).saturating_sub(by)
        };
    }

    fn open_help(&mut self) {
        let under = std::mem::replace(&mut self.mode, Mode::Normal);
        self.mode = Mode::Help(Box::new(under));
        self.help_scroll = 0;
    }

    /// Scrolls the help, what-if or explain popup: a line, 8 lines (a
    /// page), 4 (half), or to either end.
    fn scroll_popup(&mut self, action: &Action) {
        let max = self.scroll_max();
        let now = self.help_scroll.min(max);
        self.help_scroll = match action {
            Action::Down => now + 1,
            Action::DetailsDown => now + 8,
            Action::HalfPageDown => now + 4,
            Action::Up => now.saturating_sub(1),
            Action::DetailsUp => now.saturating_sub(8),
            Action::HalfPageUp => now.saturating_sub(4),
            Action::Top => 0,
            Action::Bottom => max,
            _ => now,
        }
        .min(max);
    }

    fn update_help(&mut self, action: &Action) -> Vec<Effect> {
        match action {
            Action::Down
            | Action::DetailsDown
            | Action::HalfPageDown
            | Action::Up
            | Action::DetailsUp
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom => {
                self.scroll_popup(action);
                Vec::new()
            }
            Action::Close | Action::OpenHelp => {
                if let Mode::Help(under) = std::mem::replace(&mut self.mode, Mode::Normal) {
                    self.mode = *under;
                }
                Vec::new()
            }
            Action::Quit => {
                if let Mode::Help(under) = std::mem::replace(&mut self.mode, Mode::Normal) {
                    self.mode = *under;
                }
                self.update(Action::Quit)
            }
            _ => Vec::new(),
        }
    }

    /// The picker index of a state code (0 = none).
    fn picker_index(&self, code: Option<&str>) -> usize {
        code.map_or(0, |code| {
            self.state_choices()
                .iter()
                .position(|(c, _)| c.eq_ignore_ascii_case(code))
                .map_or(0, |i| i + 1)
        })
    }

    /// Moves a picker to the state whose name starts with what was typed.
    fn type_ahead(&self, picker: &mut Picker, letter: char) {
        let names: Vec<String> = self
            .state_choices()
            .iter()
            .map(|(_, name)| name.to_lowercase())
            .collect();
        let letter = letter.to_lowercase().to_string();
        let find = |prefix: &str, after: usize| {
            let n = names.len();
            (0..n)
                .map(|k| (after + k) % n)
                .find(|&i| names[i].starts_with(prefix))
        };
        let current = picker.selected.checked_sub(1);
        let longer = format!("{}{letter}", picker.typed);
        // Keep typing a name; or, when that matches nothing, start again
        // from this letter, moving on to the next name that begins with it.
        if let Some(i) = find(&longer, current.unwrap_or(0)) {
            picker.typed = longer;
            picker.selected = i + 1;
        } else if let Some(i) = find(&letter, current.map_or(0, |c| c + 1)) {
            picker.typed = letter;
            picker.selected = i + 1;
        }
    }

    /// `C`: the state picker for the state to put beside yours.
    fn open_compare(&mut self) {
        match self.profile.state.clone() {
            None => {
                self.notice = Some(format!(
                    "Choose your state first ({}); then {} puts it beside another.",
                    crate::keymap::key_for(&Action::ChooseState),
                    crate::keymap::key_for(&Action::Compare)
                ));
            }
            // A hand-edited state the guide does not know.
            Some(own) if self.guide.state(&own).is_none() => {
                self.notice = Some(format!(
                    "medtech has no record for \"{}\"; choose your state ({}) first.",
                    crate::text::sanitize(&own),
                    crate::keymap::key_for(&Action::ChooseState)
                ));
            }
            Some(own) => {
                self.mode = Mode::StatePicker(Picker {
                    goal: self.profile.goal,
                    selected: self.picker_index(Some(&own)),
                    typed: String::new(),
                    compare: true,
                });
            }
        }
    }

    /// Your state beside `other`.
    fn compare_with(&mut self, other: String) {
        let own = self.profile.state.clone().unwrap_or_default();
        match advisor::compare::Comparison::build(
            &self.guide,
            &self.profile,
            &[own, other],
            self.clock.today(),
        ) {
            Ok(comparison) => {
                self.help_scroll = 0;
                self.mode = Mode::Compare(advisor::compare::text(&comparison));
            }
            Err(advisor::compare::UnknownState(code)) => {
                self.notice = Some(format!("medtech has no record for \"{code}\"."));
            }
        }
    }

    fn update_state_picker(&mut self, action: Action) -> Vec<Effect> {
        let len = self.guide.states.len() + 1;
        let Mode::StatePicker(mut picker) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        match action {
            Action::Close => return Vec::new(),
            Action::Confirm if picker.compare => {
                if let Some(other) = self.state_at(picker.selected) {
                    self.compare_with(other);
                } else {
                    // "No state": the list stays open.
                    self.notice = Some("Pick a state to compare yours with.".to_owned());
                    self.mode = Mode::StatePicker(picker);
                }
                return Vec::new();
            }
            Action::Confirm => return self.set_state(picker.selected),
            Action::Quit => return self.quit(false),
            Action::OpenHelp => {
                self.mode = Mode::StatePicker(picker);
                self.open_help();
                return Vec::new();
            }
            Action::TypeAhead(letter) => self.type_ahead(&mut picker, letter),
            other => {
                picker.typed.clear();
                move_in(&mut picker.selected, len, &other, self.picker_page(false));
            }
        }
        self.mode = Mode::StatePicker(picker);
        Vec::new()
    }

    fn update_confirm_goal(&mut self, action: &Action) -> Vec<Effect> {
        self.mode = Mode::Normal;
        match action {
            Action::Confirm => {
                let from = self.profile.goal;
                let to = from.other();
                self.commit(
                    format!("switched the goal from {} to {}", from.short(), to.short()),
                    vec![Change::Goal { from, to }],
                )
            }
            Action::Quit => self.quit(false),
            _ => Vec::new(),
        }
    }

    fn update_recovery(&mut self, action: &Action) -> Vec<Effect> {
        let Mode::Recovery(recovery) = &self.mode else {
            return Vec::new();
        };
        match action {
            Action::RestoreBackup => {
                if let Some(backup) = usable_backup(recovery).cloned() {
                    self.mode = Mode::Normal;
                    self.profile = backup;
                    self.advice = Advice::new(&self.guide, &self.profile, self.clock.today());
                    self.resume();
                    vec![Effect::Save]
                } else {
                    self.notice = Some("There is no readable backup to restore.".into());
                    Vec::new()
                }
            }
            Action::StartFresh => {
                self.mode = Mode::Welcome(Picker::default());
                // The old backup must survive the new profile's saves, and
                // stay offered if the user leaves before starting.
                self.archive_backup_first = true;
                Vec::new()
            }
            Action::OpenHelp => {
                self.open_help();
                Vec::new()
            }
            // Nothing was loaded, so there is nothing to save.
            Action::Quit => vec![Effect::Quit],
            _ => Vec::new(),
        }
    }

    fn update_welcome(&mut self, action: Action) -> Vec<Effect> {
        let len = self.guide.states.len() + 1;
        let page = self.picker_page(true);
        let Mode::Welcome(mut picker) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        match action {
            Action::SwitchGoal => picker.goal = picker.goal.other(),
            Action::Confirm | Action::Close => {
                // Skipping (Close) keeps the goal but no state; either way
                // the profile is created, so the welcome is not shown again.
                let mut effects = self.first_save_effects();
                let goal = Change::Goal {
                    from: self.profile.goal,
                    to: picker.goal,
                };
                let mut changes = vec![goal];
                if action == Action::Confirm {
                    changes.push(Change::State {
                        from: self.profile.state.clone(),
                        to: self.state_at(picker.selected),
                    });
                }
                // The goal is recorded even when it stays the default: the
                // welcome was answered (see `Profile::never_greeted`).
                changes.retain(|c| !c.is_noop() || matches!(c, Change::Goal { .. }));
                let today = self.clock.today();
                self.edit_profile(|profile| {
                    for change in &changes {
                        profile.apply(change, today);
                    }
                });
                // Offer the background questions once, right away, unless
                // the user skipped the welcome.
                if action == Action::Confirm {
                    self.mode = Mode::Setup(Box::new(
                        SetupForm::new(&self.profile.background, true).picking_from(&self.guide),
                    ));
                }
                effects.push(Effect::Save);
                return effects;
            }
            // Leaving before choosing writes nothing: the welcome shows
            // again next time.
            Action::Quit => return vec![Effect::Quit],
            Action::OpenHelp => {
                self.mode = Mode::Welcome(picker);
                self.open_help();
                return Vec::new();
            }
            Action::TypeAhead(letter) => self.type_ahead(&mut picker, letter),
            other => {
                picker.typed.clear();
                move_in(&mut picker.selected, len, &other, page);
            }
        }
        self.mode = Mode::Welcome(picker);
        Vec::new()
    }

    fn first_save_effects(&mut self) -> Vec<Effect> {
        if std::mem::take(&mut self.archive_backup_first) {
            vec![Effect::ArchiveBackup]
        } else {
            Vec::new()
        }
    }

    /// The state code at a picker index (0 = none).
    fn state_at(&self, index: usize) -> Option<String> {
        index.checked_sub(1).and_then(|i| {
            self.state_choices()
                .get(i)
                .map(|(code, _)| (*code).to_owned())
        })
    }

    /// Sets the state from a picker index (0 = none).
    fn set_state(&mut self, index: usize) -> Vec<Effect> {
        let to = self.state_at(index);
        let from = self.profile.state.clone();
        let name = to
            .as_deref()
            .and_then(|c| self.guide.state(c))
            .map_or_else(|| "no state".to_owned(), |s| s.name.clone());
        self.commit(format!("chose {name}"), vec![Change::State { from, to }])
    }

    /// Makes a change to the record: applied, dated in the history, undoable.
    fn commit(&mut self, label: String, changes: Vec<Change>) -> Vec<Effect> {
        let changes: Vec<Change> = changes.into_iter().filter(|c| !c.is_noop()).collect();
        if changes.is_empty() {
            return Vec::new();
        }
        let today = self.clock.today();
        self.edit_profile(|profile| {
            for change in &changes {
                profile.apply(change, today);
            }
        });
        if changes
            .iter()
            .any(|c| matches!(c, Change::Goal { .. } | Change::State { .. }))
        {
            // Matches were of the old lists.
            self.last_search = None;
        }
        self.undo.push(Edit { label, changes });
        vec![Effect::Save]
    }

    fn undo(&mut self) -> Vec<Effect> {
        let Some(edit) = self.undo.undo().cloned() else {
            self.notice = Some("Nothing to undo.".into());
            return Vec::new();
        };
        let today = self.clock.today();
        self.edit_profile(|profile| {
            for change in edit.changes.iter().rev() {
                profile.apply(&change.inverse(), today);
            }
        });
        self.notice = Some(format!("Undone: {}.", edit.label));
        vec![Effect::Save]
    }

    fn redo(&mut self) -> Vec<Effect> {
        let Some(edit) = self.undo.redo().cloned() else {
            self.notice = Some("Nothing to redo.".into());
            return Vec::new();
        };
        let today = self.clock.today();
        self.edit_profile(|profile| {
            for change in &edit.changes {
                profile.apply(change, today);
            }
        });
        self.notice = Some(format!("Redone: {}.", edit.label));
        vec![Effect::Save]
    }

    /// Copies where the user is into the profile, just before a save.
    pub fn sync_resume(&mut self) {
        self.profile.resume.screen = self.screen;
        for (area, id) in Area::ALL.into_iter().zip(self.selected_ids()) {
            if let Some(id) = id {
                self.profile.resume.selected.insert(area, id);
            }
        }
    }

    /// Saves and quits. A signal (`forced`) quits whatever the save does;
    /// a key quits only once the save worked or the user insisted.
    fn quit(&mut self, forced: bool) -> Vec<Effect> {
        if forced || self.quit_armed {
            // One last try: the disk may be back.
            vec![Effect::Save, Effect::Quit]
        } else {
            vec![Effect::SaveThenQuit]
        }
    }

    /// The save on the way out failed: stay, say so, and let a second quit
    /// leave without saving.
    fn saved_before_quit(&mut self, result: Result<(), String>) -> Vec<Effect> {
        match result {
            Ok(()) => {
                self.unsaved = None;
                vec![Effect::Quit]
            }
            Err(why) => {
                self.unsaved = Some(why);
                self.quit_armed = true;
                self.notice = Some(
                    "Your changes could not be saved. Press {Quit} again to quit without them."
                        .into(),
                );
                Vec::new()
            }
        }
    }

    fn show(&mut self, screen: Screen) {
        self.screen = screen;
    }

    /// Jumps from the dashboard to the next step, selected on its checklist.
    fn open_next_step(&mut self) {
        let Some(next) = &self.advice.next else {
            return;
        };
        let (area, id) = (next.area, next.step.clone());
        self.jump_to(area, &id);
    }

    /// Shows a step on its checklist, selected.
    pub fn jump_to(&mut self, area: Area, id: &str) {
        // A step inside a choice shows as its own row; fall back to the top.
        let index = self
            .rows(area)
            .iter()
            .position(|r| r.step.id == id)
            .unwrap_or(0);
        self.show(Screen::of(area));
        self.select(area, index);
    }

    /// Space: a step done, or back to do; a parent takes all its sub-steps.
    fn toggle(&mut self) -> Vec<Effect> {
        let Some(step) = self.selected_step() else {
            return Vec::new();
        };
        let to = if advisor::check(step, &self.profile) == Check::Done {
            Status::Todo
        } else {
            Status::Done
        };
        self.set_status(to)
    }

    /// Gives the selected step (a parent: all its sub-steps) a status.
    fn set_status(&mut self, to: Status) -> Vec<Effect> {
        let Some(step) = self.selected_step() else {
            return Vec::new();
        };
        if step.one_of && matches!(to, Status::Done | Status::InProgress) {
            // A choice: the user marks the option they took, not the parent.
            self.notice = Some("This step is a choice: mark the option you took below it.".into());
            return Vec::new();
        }
        let title = step.title.clone();
        let mut leaves = Vec::new();
        // Done and in progress are for the option the user took, so nested
        // choices are left alone; the other statuses reach every option.
        let into_choices = !matches!(to, Status::Done | Status::InProgress);
        collect_leaves(step, &mut leaves, into_choices);
        let today = self.clock.today();
        let changes: Vec<Change> = leaves
            .iter()
            .flat_map(|id| self.profile.status_changes(id, to, today))
            .collect();
        if changes.is_empty() {
            self.notice = Some(
                if to == Status::Todo && advisor::check(step, &self.profile) == Check::Done {
                    // Done from the background, with nothing of the user's to
                    // take back: say how to set it apart.
                    let why =
                        advisor::covered_step(&self.profile, step).unwrap_or("your background");
                    format!(
                        "“{title}” is done from {why}. To set it apart, mark it in progress ({}), skipped ({}) or not applicable ({}), or change your background ({}).",
                        crate::keymap::key_for(&Action::SetStatus(Status::InProgress)),
                        crate::keymap::key_for(&Action::SetStatus(Status::Skipped)),
                        crate::keymap::key_for(&Action::SetStatus(Status::NotApplicable)),
                        crate::keymap::key_for(&Action::OpenSetup),
                    )
                } else {
                    format!("“{title}” is already {}.", to.word())
                },
            );
            return Vec::new();
        }
        self.commit(format!("marked “{title}” {}", to.word()), changes)
    }

    fn open_note(&mut self) {
        let Some(step) = self.selected_step() else {
            return;
        };
        self.mode = Mode::Note(NoteEditor {
            step: step.id.clone(),
            title: step.title.clone(),
            text: TextArea::new(self.profile.note(&step.id))
                .with_max_bytes(textarea::NOTE_MAX_BYTES),
        });
    }

    fn update_note(&mut self, action: Action) -> Vec<Effect> {
        let Mode::Note(mut editor) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        let edit = match action {
            Action::SaveText | Action::Close => return self.save_note(&editor),
            Action::Quit => {
                let mut effects = self.save_note(&editor);
                effects.extend(self.quit(false));
                return effects;
            }
            Action::Input(key) => editor.text.input(key),
            Action::Paste(text) => editor.text.insert_str(&text),
            _ => textarea::Edit::Ignored,
        };
        if edit == textarea::Edit::TooLong {
            self.notice = Some(too_long("a note", &editor.text));
        }
        let draft = Draft::note(&editor.step, editor.text.text());
        self.mode = Mode::Note(editor);
        if edit == textarea::Edit::Changed {
            vec![Effect::SaveDraft(draft)]
        } else {
            Vec::new()
        }
    }

    /// Puts the editor's text into the record (undoable) and drops the draft.
    fn save_note(&mut self, editor: &NoteEditor) -> Vec<Effect> {
        let to = editor.text.text();
        let to = to.trim_end().to_owned();
        let from = self.profile.note(&editor.step).to_owned();
        let mut effects = Vec::new();
        if from != to {
            let label = if to.is_empty() {
                format!("cleared the note of “{}”", editor.title)
            } else {
                format!("edited the note of “{}”", editor.title)
            };
            effects.extend(self.commit(
                label,
                vec![Change::Note {
                    step: editor.step.clone(),
                    from,
                    to,
                }],
            ));
            self.notice = Some("Note saved. {Undo} undoes it.".into());
        }
        // After the save: the draft goes only once the note is on disk.
        effects.push(Effect::ClearDraft);
        effects
    }

    fn open_date(&mut self) {
        let Some(step) = self.selected_step() else {
            return;
        };
        if !step.substeps.is_empty() {
            self.notice = Some("Set the date on one of its sub-steps.".into());
            return;
        }
        let current = self
            .profile
            .done_on(&step.id)
            .unwrap_or_else(|| PartialDate::month_of(self.clock.today()));
        self.mode = Mode::Date(DatePrompt {
            step: step.id.clone(),
            title: step.title.clone(),
            input: TextArea::single_line(&current.to_string()).with_max_chars(10),
            error: None,
        });
    }

    fn update_date(&mut self, action: Action) -> Vec<Effect> {
        let Mode::Date(mut prompt) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        match action {
            Action::Close => return Vec::new(),
            Action::Quit => {
                // A date that reads is kept, as on a signal.
                let today = self.clock.today();
                let mut effects = Vec::new();
                if let Ok(date) = prompt.input.text().parse::<PartialDate>()
                    && !date.is_after(today)
                {
                    effects = self.set_date(&prompt, date);
                }
                effects.extend(self.quit(false));
                return effects;
            }
            Action::Confirm | Action::SaveText => {
                let today = self.clock.today();
                match prompt.input.text().parse::<PartialDate>() {
                    Ok(date) if date.is_after(today) => {
                        prompt.error = Some(format!("{date} is in the future."));
                    }
                    Ok(date) => return self.set_date(&prompt, date),
                    Err(e) => prompt.error = Some(e.to_string()),
                }
            }
            Action::Input(_) | Action::Paste(_) => {
                let edit = match action {
                    Action::Input(key) => prompt.input.input(key),
                    Action::Paste(text) => prompt.input.insert_str(&text),
                    _ => textarea::Edit::Ignored,
                };
                match edit {
                    textarea::Edit::Changed => prompt.error = None,
                    textarea::Edit::TooLong => {
                        self.notice = Some(too_long("a date", &prompt.input));
                    }
                    textarea::Edit::Moved | textarea::Edit::Ignored => {}
                }
            }
            _ => {}
        }
        self.mode = Mode::Date(prompt);
        Vec::new()
    }

    fn set_date(&mut self, prompt: &DatePrompt, date: PartialDate) -> Vec<Effect> {
        let step = &prompt.step;
        let mut changes = Vec::new();
        let from_status = self.profile.status(step);
        if from_status != Status::Done {
            changes.push(Change::Status {
                step: step.clone(),
                from: from_status,
                to: Status::Done,
            });
        }
        changes.push(Change::Date {
            step: step.clone(),
            from: self.profile.steps.get(step).and_then(|r| r.date),
            to: Some(date),
        });
        self.commit(format!("marked “{}” done in {date}", prompt.title), changes)
    }
}

impl App {
    fn update_setup(&mut self, action: Action) -> Vec<Effect> {
        let Mode::Setup(mut form) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        let today = self.clock.today();
        match action {
            Action::Up => {
                form.go(false, today);
            }
            Action::Down | Action::Confirm => {
                form.go(true, today);
            }
            Action::Input(_) | Action::Paste(_) => {
                let edit = match action {
                    Action::Input(key) => form.input(key),
                    Action::Paste(text) => form.paste(&text),
                    _ => textarea::Edit::Ignored,
                };
                if edit == textarea::Edit::TooLong {
                    self.notice = Some(format!(
                        "Not added: an answer holds at most {}.",
                        form.limit_words()
                    ));
                }
                if edit == textarea::Edit::Changed {
                    // Every change kept on disk, as the note editor does.
                    let draft = Draft::form(form.draft());
                    self.mode = Mode::Setup(form);
                    return vec![Effect::SaveDraft(draft)];
                }
            }
            Action::SaveText | Action::Close if self.read_only => {
                self.notice = Some("Read-only: nothing from the setup can be saved here.".into());
                return Vec::new();
            }
            Action::SaveText | Action::Close => match form.to_background(today) {
                Ok(background) => {
                    let from = Box::new(self.profile.background.clone());
                    let effects = self.commit(
                        "changed your background".to_owned(),
                        vec![Change::Background {
                            from,
                            to: Box::new(background),
                        }],
                    );
                    if !effects.is_empty() {
                        self.notice = Some("Background saved. {Undo} undoes it.".into());
                    }
                    // After the save: the draft goes only once it is on disk.
                    return [effects, vec![Effect::ClearDraft]].concat();
                }
                Err(_) if action == Action::Close && form.leaving => {
                    self.notice = Some("Setup closed; nothing from it was saved.".into());
                    return vec![Effect::ClearDraft];
                }
                Err((index, why)) => {
                    form.cursor = index;
                    form.error = Some((index, why));
                    form.leaving = action == Action::Close;
                    if form.leaving {
                        self.notice = Some(
                            "Fix or clear the marked answer, or press {Close} again to leave without saving."
                                .into(),
                        );
                    }
                }
            },
            // "Quit; the form is not saved": nor kept for the next launch.
            Action::Quit => {
                self.mode = Mode::Setup(form);
                return [vec![Effect::ClearDraft], self.quit(false)].concat();
            }
            _ => {}
        }
        self.mode = Mode::Setup(form);
        Vec::new()
    }

    /// The programs view: its module decides, the change goes through the
    /// undo stack like any other.
    fn update_programs(&mut self, action: &Action) -> Vec<Effect> {
        let Mode::Programs(mut view) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        let mut effects = Vec::new();
        // How far the text below the table scrolls, asked only to scroll.
        let max = if matches!(action, Action::DetailsDown | Action::DetailsUp) {
            let (width, height) = self.size();
            programs_view::scroll_max(
                ratatui::layout::Rect::new(0, 0, width, height),
                self.notice.as_deref(),
                &self.guide,
                &self.profile,
                self.theme,
                &view,
            )
        } else {
            u16::MAX
        };
        match action {
            Action::Quit => return self.quit(false),
            Action::OpenHelp if view.form.is_none() => {
                self.mode = Mode::Programs(view);
                self.open_help();
                return Vec::new();
            }
            Action::Undo | Action::Redo if view.form.is_none() => {
                effects = if *action == Action::Undo {
                    self.undo()
                } else {
                    self.redo()
                };
            }
            _ => match programs_view::update(&mut view, action, &self.profile.shortlist, max) {
                programs_view::Outcome::Stay => {}
                programs_view::Outcome::Close => return Vec::new(),
                programs_view::Outcome::Notice(text) => self.notice = Some(text),
                programs_view::Outcome::Commit { .. } if self.read_only => {
                    self.notice = Some("Read-only: the shortlist cannot be changed here.".into());
                }
                programs_view::Outcome::Commit { label, to } => {
                    let from = Box::new(self.profile.shortlist.clone());
                    effects = self.commit(
                        label.clone(),
                        vec![Change::Shortlist {
                            from,
                            to: Box::new(to),
                        }],
                    );
                    self.notice = Some(format!("{}. {{Undo}} undoes it.", capitalized(&label)));
                }
            },
        }
        view.refresh(&self.guide, &self.profile, self.clock.today());
        self.mode = Mode::Programs(view);
        effects
    }

    fn update_sources(&mut self, action: &Action) -> Vec<Effect> {
        // A source takes about three rows.
        let page = usize::from(self.areas().sources.height / 3).max(1);
        let len = self.guide.sources.len();
        let Mode::Sources(selected) = &mut self.mode else {
            return Vec::new();
        };
        match action {
            Action::Close => self.mode = Mode::Normal,
            Action::Quit => return self.quit(false),
            Action::Copy => {
                let index = *selected;
                if let Some(url) = self.source_url(index) {
                    self.notice = Some(format!("Copied where the terminal allows (OSC 52): {url}"));
                    self.clipboard = Some(url);
                }
            }
            other => move_in(selected, len, other, page),
        }
        Vec::new()
    }

    fn update_search(&mut self, action: Action) -> Vec<Effect> {
        let Mode::Search(mut view) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        let changed = match action {
            Action::Close => return Vec::new(),
            Action::Quit => return self.quit(false),
            Action::Confirm => {
                if view.hits.is_empty() {
                    self.mode = Mode::Search(view);
                } else {
                    let index = view.selected.min(view.hits.len() - 1);
                    self.last_search = Some((view.hits, index));
                    self.show_hit();
                }
                return Vec::new();
            }
            Action::Up => {
                view.selected = view.selected.saturating_sub(1);
                false
            }
            Action::Down => {
                view.selected = (view.selected + 1).min(view.hits.len().saturating_sub(1));
                false
            }
            Action::Input(_) | Action::Paste(_) => {
                let edit = match action {
                    Action::Input(key) => view.query.input(key),
                    Action::Paste(text) => view.query.insert_str(&text),
                    _ => textarea::Edit::Ignored,
                };
                if edit == textarea::Edit::TooLong {
                    self.notice = Some(too_long("a search", &view.query));
                }
                edit == textarea::Edit::Changed
            }
            _ => false,
        };
        if changed {
            let profile = &self.profile;
            view.hits = search::search_with(
                &self.guide,
                profile.goal,
                profile.state.as_deref(),
                &|id| profile.note(id),
                &view.query.text(),
            );
            view.selected = 0;
        }
        self.mode = Mode::Search(view);
        Vec::new()
    }

    /// Shows the current match of the last search on its checklist.
    fn show_hit(&mut self) {
        let Some((hits, index)) = &self.last_search else {
            return;
        };
        let Some(hit) = hits.get(*index).cloned() else {
            return;
        };
        let total = hits.len();
        let position = index + 1;
        self.jump_to(hit.area, &hit.step);
        self.notice = Some(format!(
            "Match {position} of {total}: {} ({{NextHit}} next, {{PrevHit}} previous)",
            hit.title
        ));
    }

    fn step_hit(&mut self, forward: bool) {
        let Some((hits, index)) = &mut self.last_search else {
            self.notice = Some("No search yet: {OpenSearch} searches every checklist.".to_owned());
            return;
        };
        let n = hits.len();
        *index = if forward {
            (*index + 1) % n
        } else {
            (*index + n - 1) % n
        };
        self.show_hit();
    }

    fn open_what_if(&mut self) {
        let Some(step) = self.selected_step() else {
            return;
        };
        if advisor::check(step, &self.profile) == Check::Done {
            self.notice = Some("This step is done: what-if is for the steps ahead.".into());
            return;
        }
        let title = step.title.clone();
        let result = plan::what_if(&self.guide, &self.profile, &step.id, self.clock.today());
        self.help_scroll = 0;
        self.mode = Mode::WhatIf(WhatIfView {
            title: title.clone(),
            result,
        });
    }
}

/// The backup worth offering: readable, and holding something to restore.
/// "Chose Columbus State" from "chose Columbus State".
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub fn usable_backup(recovery: &Recovery) -> Option<&Profile> {
    recovery
        .backup
        .as_ref()
        .filter(|b| !b.steps.is_empty() || b.state.is_some() || !b.background.is_empty())
}

/// The leaf steps under `step` (itself if it has none). The options of a
/// nested choice are included only with `into_choices`.
fn collect_leaves(step: &Step, out: &mut Vec<String>, into_choices: bool) {
    if step.substeps.is_empty() {
        out.push(step.id.clone());
    } else {
        for sub in &step.substeps {
            if !sub.one_of || into_choices || sub.substeps.is_empty() {
                collect_leaves(sub, out, into_choices);
            }
        }
    }
}

/// The message for typing or a paste refused by a text's limit.
fn too_long(what: &str, text: &TextArea) -> String {
    format!("Not added: {what} holds at most {}.", text.limit_words())
}

/// Moves a list cursor; lists do not wrap, so holding a key stops at the end.
fn move_in(cursor: &mut usize, len: usize, action: &Action, page: usize) {
    let last = len.saturating_sub(1);
    *cursor = match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => (*cursor + 1).min(last),
        Action::PageUp => cursor.saturating_sub(page.max(1)),
        Action::PageDown => (*cursor + page.max(1)).min(last),
        Action::HalfPageUp => cursor.saturating_sub((page / 2).max(1)),
        Action::HalfPageDown => (*cursor + (page / 2).max(1)).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => *cursor,
    };
}
