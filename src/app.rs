//! App state, the actions that change it, and `update()`: state + action ->
//! new state + effects. Rendering lives in `ui` and never feeds back into
//! `update` except through the layout facts each view keeps (`Cell`s the
//! renderer fills in, ratatui's `ListState` pattern).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ratatui::crossterm::event::KeyEvent;
use ratatui::widgets::ListState;

use crate::advisor::plan::{self, WhatIf};
use crate::advisor::{self, Check};
use crate::clock::Clock;
use crate::content::{Area, Goal, Guide, Step};
use crate::profile::{Change, Edit, PartialDate, Profile, Screen, Status, UndoStack};
use crate::search::{self, Hit};
use crate::session::{Recovery, Start};
use crate::setup::SetupForm;
use crate::textarea::{self, TextArea};
use crate::theme::Theme;

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
    /// `/`: search every checklist.
    OpenSearch,
    /// Every source, one a line, as links.
    OpenSources,
    /// Go to the next or previous match of the last search.
    NextHit,
    PrevHit,
    /// Switch between the default and the high-contrast theme.
    CycleTheme,
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
}

impl Action {
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
}

/// A note being written, as kept on disk until it is saved.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub step: String,
    pub text: String,
}

/// A list of states to pick from; index 0 is "no state / outside the US".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Picker {
    pub goal: Goal,
    pub selected: usize,
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
    /// `/`: the query and what it matches.
    Search(SearchView),
    /// Every source of the guide, one a line; the first line shown.
    Sources(usize),
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

/// What the route summary was worked out for (see `App::route_summary`).
#[derive(Debug, Clone, PartialEq)]
pub struct RoutesKey {
    /// The profile's revision it was last checked against.
    revision: u64,
    goal: Goal,
    today: crate::content::Date,
    /// As the record shows it, and whether the setup was answered.
    background: crate::profile::Background,
    answered: bool,
    /// The plan depends on the state's acceptance and rule.
    state: Option<String>,
}

/// A checklist's rows as built for a goal and state (see `App::rows`).
#[derive(Debug, Clone)]
struct RowsMemo {
    guide: &'static Guide,
    goal: Goal,
    state: Option<String>,
    rows: Rc<[Row<'static>]>,
}

/// One line of a checklist: a step and how deep it is nested.
#[derive(Debug, Clone, Copy)]
pub struct Row<'g> {
    pub step: &'g Step,
    pub depth: usize,
}

/// What one checklist screen remembers: the selection and scroll of its
/// list, the details scroll, and the layout facts the last drawing found.
#[derive(Debug, Clone, Default)]
pub struct ChecklistView {
    /// Selection and offset; the renderer keeps the selection in view.
    pub list: Cell<ListState>,
    pub details_scroll: u16,
    /// How far the details could scroll when last drawn.
    pub details_max: Cell<u16>,
    /// Where the list's rows and the details were last drawn, for the mouse.
    pub list_rect: Cell<ratatui::layout::Rect>,
    pub details_rect: Cell<ratatui::layout::Rect>,
    /// This area's progress, worked out once per change to the profile.
    pub progress_memo: Cell<Option<(u64, crate::advisor::Progress)>>,
    /// The details of the last few steps shown, built and wrapped, reused
    /// while nothing they show has changed (building them evaluates every
    /// route; moving back and forth between steps is common).
    pub details_cache: RefCell<Vec<DetailsCache>>,
    /// The list changed (or was never shown): the selection is placed in
    /// its rows when next read, so a checklist nobody looks at is not
    /// built for it (see `App::follow_selection`).
    follow: Cell<bool>,
}

/// The routes to the user's goal, in brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSummary {
    pub met: usize,
    /// "MLT(ASCP) Route 3": the first met route, preferred certifier first.
    pub first_met: Option<String>,
}

/// What the details pane showed, and for what.
#[derive(Debug, Clone)]
pub struct DetailsCache {
    pub key: DetailsKey,
    /// The first lines, as far as the pane has needed (built again,
    /// further, when it needs more).
    pub lines: Vec<ratatui::text::Line<'static>>,
    /// Whether `lines` are all of them.
    pub complete: bool,
    /// The rows `lines` were built to fill (doubled each time more is read).
    pub limit: usize,
    /// The first lines wrapped to the key's width, a line per row, only as
    /// far as the pane has needed: a long text costs what is read of it,
    /// not its length.
    pub wrapped: Vec<Vec<ratatui::text::Line<'static>>>,
}

/// Everything the details depend on besides the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailsKey {
    pub step: Option<String>,
    pub width: u16,
    pub revision: u64,
    pub today: crate::content::Date,
    pub theme: Theme,
}

impl ChecklistView {
    pub fn cursor(&self) -> usize {
        self.list.get().selected().unwrap_or(0)
    }

    fn set_cursor(&mut self, index: usize) {
        let mut state = self.list.get();
        if state.selected() != Some(index) {
            self.details_scroll = 0;
        }
        state.select(Some(index));
        self.list.set(state);
    }
}

/// Everything the screen shows, and nothing the loop needs to know about.
// The flags are independent facts about the session, not a state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone)]
pub struct App {
    /// The guide, loaded once and kept for the life of the process (so
    /// what is built from it, like the checklist rows, can be kept too).
    pub guide: &'static Guide,
    pub profile: Profile,
    /// Read when a change is made; injected so date logic is testable.
    pub clock: Clock,
    /// Counts changes to the profile, so drawn text can be reused until the
    /// next one.
    pub revision: u64,
    /// How many routes to the goal are met, and the first, worked out once
    /// per change to the profile (and per day).
    pub routes_memo: RefCell<Option<(RoutesKey, RouteSummary)>>,
    /// Each checklist's rows, and the goal and state they were built for
    /// (nothing else changes them): a key that moves or switches screens
    /// costs what is on screen, not what the guide holds.
    rows_memo: RefCell<[Option<RowsMemo>; 3]>,
    /// The dashboard as last drawn, and for what: the advisor runs again
    /// only when the profile, the date, the size or the theme changed.
    pub dashboard_cache: RefCell<Option<(DetailsKey, ratatui::buffer::Buffer)>>,
    pub mode: Mode,
    pub screen: Screen,
    /// One per checklist area, indexed by `Area as usize`.
    views: [ChecklistView; 3],
    pub undo: UndoStack,
    /// Set when the user pressed quit while changes are unsaved: the next
    /// quit leaves without them.
    pub quit_armed: bool,
    /// Another copy holds the profile, or the lock cannot be known:
    /// nothing is written.
    pub read_only: bool,
    /// Why, when it is not simply another copy holding the profile.
    pub read_only_reason: Option<String>,
    /// Why the last save failed, while it keeps failing.
    pub unsaved: Option<String>,
    /// A one-off message for the status line, cleared by the next action.
    pub notice: Option<String>,
    pub theme: Theme,
    /// The terminal's size.
    pub size: (u16, u16),
    /// After "start fresh", the old backup is set aside just before the new
    /// profile's first save (not before: quitting the welcome keeps it).
    pub archive_backup_first: bool,
    /// Where the sources view last drew its list, for the links written
    /// over it.
    pub sources_rect: Cell<ratatui::layout::Rect>,
    /// Where each screen's tab was last drawn, for the mouse.
    pub tab_rects: Cell<[ratatui::layout::Rect; 4]>,
    /// Where the last frame put the text cursor (a field being typed in),
    /// for the loop that shows it; `None` hides it.
    pub cursor: Cell<Option<ratatui::layout::Position>>,
    /// The matches of the last search, and the one shown, for `]` and `[`.
    pub last_search: Option<(Vec<Hit>, usize)>,
    /// Write links as OSC 8 hyperlinks (off for tests and dumb terminals).
    pub hyperlinks: bool,
    /// Take clicks and the wheel (`--no-mouse` or the config turns it off).
    pub mouse: bool,
    /// How far the help popup is scrolled, and how far it can go (set by
    /// the renderer).
    pub help_scroll: u16,
    pub help_max: Cell<u16>,
    /// The settings and where they live; `None` when the file could not be
    /// read, so it is never overwritten.
    pub config: Option<(std::path::PathBuf, crate::config::Config)>,
}

impl App {
    /// A new app on an existing profile, resuming where the user left off.
    pub fn new(guide: &'static Guide, profile: Profile, clock: Clock) -> App {
        let mut app = App {
            guide,
            profile,
            clock,
            revision: 0,
            rows_memo: RefCell::default(),
            dashboard_cache: RefCell::new(None),
            routes_memo: RefCell::new(None),
            mode: Mode::Normal,
            screen: Screen::Dashboard,
            views: Default::default(),
            undo: UndoStack::default(),
            quit_armed: false,
            read_only: false,
            read_only_reason: None,
            unsaved: None,
            notice: None,
            theme: Theme::default(),
            size: (80, 24),
            archive_backup_first: false,
            last_search: None,
            tab_rects: Cell::new([ratatui::layout::Rect::default(); 4]),
            cursor: Cell::new(None),
            sources_rect: Cell::new(ratatui::layout::Rect::default()),
            hyperlinks: false,
            mouse: false,
            config: None,
            help_scroll: 0,
            help_max: Cell::new(0),
        };
        app.screen = app.profile.resume.screen;
        app.follow_selection();
        app
    }

    /// The app for what the session found.
    pub fn start(guide: &'static Guide, start: Start, clock: Clock) -> App {
        match start {
            Start::Resume(profile) => App::new(guide, profile, clock),
            Start::FirstLaunch => App::first_launch(guide, clock),
            Start::Recover(recovery) => App::recover(guide, clock, recovery),
        }
    }

    /// A first launch: the welcome screen asks for goal and state.
    pub fn first_launch(guide: &'static Guide, clock: Clock) -> App {
        let mut app = App::new(guide, Profile::default(), clock);
        app.mode = Mode::Welcome(Picker::default());
        app
    }

    /// The profile could not be read: ask the user what to do.
    pub fn recover(guide: &'static Guide, clock: Clock, recovery: Recovery) -> App {
        let mut app = App::new(guide, Profile::default(), clock);
        app.mode = Mode::Recovery(recovery);
        app
    }

    /// Reopens the note editor on a draft a crash left behind.
    pub fn resume_draft(&mut self, draft: Draft) {
        let title = self
            .guide
            .step(&draft.step)
            .map_or_else(|| draft.step.clone(), |(_, s)| s.title.clone());
        self.mode = Mode::Note(NoteEditor {
            step: draft.step,
            title,
            text: TextArea::new(&draft.text),
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

    /// The visible checklist of an area, sub-steps under their parents;
    /// built once per goal and state.
    pub fn rows(&self, area: Area) -> Rc<[Row<'static>]> {
        fn walk(step: &'static Step, depth: usize, out: &mut Vec<Row<'static>>) {
            out.push(Row { step, depth });
            for sub in &step.substeps {
                walk(sub, depth + 1, out);
            }
        }
        let (goal, state) = (self.profile.goal, self.profile.state.as_deref());
        let mut memo = self.rows_memo.borrow_mut();
        let slot = &mut memo[area as usize];
        if let Some(kept) = slot.as_ref()
            && std::ptr::eq(kept.guide, self.guide)
            && kept.goal == goal
            && kept.state.as_deref() == state
        {
            return Rc::clone(&kept.rows);
        }
        let mut out = Vec::new();
        for step in self.guide.steps(area, goal, state) {
            walk(step, 0, &mut out);
        }
        let rows: Rc<[Row<'static>]> = out.into();
        *slot = Some(RowsMemo {
            guide: self.guide,
            goal,
            state: state.map(str::to_owned),
            rows: Rc::clone(&rows),
        });
        rows
    }

    pub fn view(&self, area: Area) -> &ChecklistView {
        self.place_selection(area);
        &self.views[area as usize]
    }

    /// Where a checklist's details pane was last drawn, if it has been
    /// (asked without reading the checklist).
    pub fn drawn_details(&self, area: Area) -> Option<ratatui::layout::Rect> {
        let rect = self.views[area as usize].details_rect.get();
        (rect.width >= 3 && rect.height >= 3).then_some(rect)
    }

    /// A checklist's state, to change (its selection placed first).
    fn view_mut(&mut self, area: Area) -> &mut ChecklistView {
        self.place_selection(area);
        &mut self.views[area as usize]
    }

    /// The selected row on a checklist, kept inside the list.
    pub fn cursor_in(&self, area: Area) -> usize {
        let len = self.rows(area).len();
        self.view(area).cursor().min(len.saturating_sub(1))
    }

    /// The routes to the goal in brief, evaluated again only when what they
    /// depend on changed: the goal, the day, and the background as the
    /// record shows it (so ticking most steps does not re-evaluate them).
    /// Between changes to the profile nothing is worked out at all.
    pub fn route_summary(&self) -> RouteSummary {
        let today = self.clock.today();
        let mut memo = self.routes_memo.borrow_mut();
        if let Some((kept, summary)) = memo.as_mut() {
            if kept.revision == self.revision && kept.today == today {
                return summary.clone();
            }
            kept.revision = self.revision;
        }
        let key = RoutesKey {
            revision: self.revision,
            goal: self.profile.goal,
            today,
            background: advisor::eligibility::effective_background(self.guide, &self.profile),
            answered: self.profile.background.is_answered(),
            state: self.profile.state.clone(),
        };
        if let Some((kept, summary)) = memo.as_ref()
            && *kept == key
        {
            return summary.clone();
        }
        let routes = advisor::eligibility::for_goal_given(
            self.guide,
            &self.profile,
            &key.background,
            key.today,
        );
        let summary = RouteSummary {
            met: routes
                .iter()
                .filter(|r| r.verdict == advisor::Verdict::Met)
                .count(),
            // Only a met plan (its state's acceptance and rule included)
            // makes the school steps unnecessary.
            first_met: plan::choose(self.guide, &self.profile, &routes, key.today)
                .filter(|p| p.education_covered() && key.background.is_answered())
                .map(|p| p.route.label()),
        };
        *memo = Some((key, summary.clone()));
        summary
    }

    /// An area's progress, worked out once per change.
    pub fn area_progress(&self, area: Area) -> crate::advisor::Progress {
        let memo = &self.view(area).progress_memo;
        if let Some((revision, progress)) = memo.get()
            && revision == self.revision
        {
            return progress;
        }
        let progress = advisor::area_progress(self.guide, &self.profile, area);
        memo.set(Some((self.revision, progress)));
        progress
    }

    /// The selected row's step on the current checklist screen.
    pub fn selected_step(&self) -> Option<&Step> {
        let area = self.screen.area()?;
        self.rows(area).get(self.cursor_in(area)).map(|r| r.step)
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Saved(result) => {
                self.unsaved = result.err();
                return Vec::new();
            }
            Action::SavedBeforeQuit(result) => return self.saved_before_quit(result),
            Action::Resize(width, height) => {
                self.size = (width, height);
                return Vec::new();
            }
            Action::Exit => return self.exit(),
            _ => {}
        }
        if action != Action::Quit {
            self.quit_armed = false;
        }
        self.notice = None;
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
            Mode::Search(_) => self.update_search(action),
            Mode::Sources(_) => self.update_sources(&action),
            Mode::WhatIf(_) | Mode::Explain => {
                let max = self.help_max.get();
                let now = self.help_scroll.min(max);
                match action {
                    Action::Quit => return self.quit(false),
                    Action::Close | Action::Confirm | Action::WhatIf | Action::Explain => {
                        self.mode = Mode::Normal;
                    }
                    Action::Down => self.help_scroll = (now + 1).min(max),
                    Action::Up => self.help_scroll = now.saturating_sub(1),
                    Action::DetailsDown => self.help_scroll = (now + 8).min(max),
                    Action::DetailsUp => self.help_scroll = now.saturating_sub(8),
                    _ => {}
                }
                Vec::new()
            }
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
            // A form that reads and a date that parses are kept too.
            Mode::Setup(form) => {
                let today = self.clock.today();
                let mut effects = Vec::new();
                if !self.read_only
                    && let Ok(background) = form.to_background(today)
                {
                    let from = Box::new(self.profile.background.clone());
                    effects = self.commit(
                        "changed your background".to_owned(),
                        vec![Change::Background {
                            from,
                            to: Box::new(background),
                        }],
                    );
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
                Some(why) if why != crate::storage::HELD_ELSEWHERE => {
                    format!("Read-only ({why}): changes cannot be saved here.")
                }
                _ => "Read-only: close the other medtech to make changes here.".to_owned(),
            });
            return Vec::new();
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
                });
            }
            Action::SwitchGoal => self.mode = Mode::ConfirmGoal,
            Action::Toggle => return self.toggle(),
            Action::SetStatus(status) => return self.set_status(*status),
            Action::EditNote => self.open_note(),
            Action::EditDate => self.open_date(),
            Action::OpenSetup => {
                self.mode = Mode::Setup(Box::new(SetupForm::new(&self.profile.background, false)));
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
            Action::Confirm if self.screen == Screen::Dashboard => self.open_next_step(),
            Action::DetailsDown | Action::DetailsUp => {
                if let Some(area) = self.screen.area() {
                    let view = self.view_mut(area);
                    // A page, less two lines of context, of the pane as drawn.
                    let rows = view.details_rect.get().height.saturating_sub(2);
                    let page = rows.saturating_sub(2).max(1);
                    let max = view.details_max.get();
                    let now = view.details_scroll.min(max);
                    view.details_scroll = if *action == Action::DetailsDown {
                        now.saturating_add(page).min(max)
                    } else {
                        now.saturating_sub(page)
                    };
                }
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                if let Some(area) = self.screen.area() {
                    let len = self.rows(area).len();
                    let mut cursor = self.cursor_in(area);
                    let page = usize::from(self.view(area).list_rect.get().height);
                    move_in(&mut cursor, len, action, page);
                    self.view_mut(area).set_cursor(cursor);
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
                self.view_mut(area).set_cursor((*index).min(last));
                if matches!(action, Action::ToggleRow(_)) && *index <= last {
                    return self.toggle();
                }
            }
            Action::DetailsLine(down) => {
                let view = self.view_mut(area);
                let max = view.details_max.get();
                let now = view.details_scroll.min(max);
                view.details_scroll = if *down {
                    (now + 1).min(max)
                } else {
                    now.saturating_sub(1)
                };
            }
            _ => {}
        }
        Vec::new()
    }

    fn open_help(&mut self) {
        let under = std::mem::replace(&mut self.mode, Mode::Normal);
        self.mode = Mode::Help(Box::new(under));
        self.help_scroll = 0;
    }

    fn update_help(&mut self, action: &Action) -> Vec<Effect> {
        let max = self.help_max.get();
        let now = self.help_scroll.min(max);
        match action {
            Action::Down | Action::DetailsDown => {
                self.help_scroll = (now + if *action == Action::Down { 1 } else { 8 }).min(max);
                Vec::new()
            }
            Action::Up | Action::DetailsUp => {
                self.help_scroll = now.saturating_sub(if *action == Action::Up { 1 } else { 8 });
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

    fn update_state_picker(&mut self, action: Action) -> Vec<Effect> {
        let len = self.guide.states.len() + 1;
        let Mode::StatePicker(mut picker) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        match action {
            Action::Close => return Vec::new(),
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
                move_in(&mut picker.selected, len, &other, self.page());
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

    /// Rows a PageUp/PageDown moves in a popup list: about a screenful.
    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(10)).max(1)
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
                    self.revision += 1;
                    self.screen = self.profile.resume.screen;
                    self.follow_selection();
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
        let page = self.page();
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
                changes.retain(|c| !c.is_noop());
                let today = self.clock.today();
                for change in &changes {
                    self.profile.apply(change, today);
                }
                self.revision += 1;
                self.follow_selection();
                // Offer the background questions once, right away, unless
                // the user skipped the welcome.
                if action == Action::Confirm {
                    self.mode =
                        Mode::Setup(Box::new(SetupForm::new(&self.profile.background, true)));
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
        for change in &changes {
            self.profile.apply(change, today);
        }
        self.revision += 1;
        if changes
            .iter()
            .any(|c| matches!(c, Change::Goal { .. } | Change::State { .. }))
        {
            // Matches were of the old lists.
            self.last_search = None;
        }
        self.undo.push(Edit { label, changes });
        self.follow_selection();
        vec![Effect::Save]
    }

    fn undo(&mut self) -> Vec<Effect> {
        let Some(edit) = self.undo.undo().cloned() else {
            self.notice = Some("Nothing to undo.".into());
            return Vec::new();
        };
        let today = self.clock.today();
        for change in edit.changes.iter().rev() {
            self.profile.apply(&change.inverse(), today);
        }
        self.revision += 1;
        self.follow_selection();
        self.notice = Some(format!("Undone: {}.", edit.label));
        vec![Effect::Save]
    }

    fn redo(&mut self) -> Vec<Effect> {
        let Some(edit) = self.undo.redo().cloned() else {
            self.notice = Some("Nothing to redo.".into());
            return Vec::new();
        };
        let today = self.clock.today();
        for change in &edit.changes {
            self.profile.apply(change, today);
        }
        self.revision += 1;
        self.follow_selection();
        self.notice = Some(format!("Redone: {}.", edit.label));
        vec![Effect::Save]
    }

    /// Copies where the user is into the profile, just before a save. A
    /// checklist never read this session keeps the place saved for it
    /// (placing it would read it: the start's laziness would end at the
    /// first save).
    pub fn sync_resume(&mut self) {
        self.profile.resume.screen = self.screen;
        for area in Area::ALL {
            // No selection yet: never placed, so never read.
            if self.views[area as usize].list.get().selected().is_none() {
                continue;
            }
            let index = self.cursor_in(area);
            if let Some(row) = self.rows(area).get(index) {
                let id = row.step.id.clone();
                self.profile.resume.selected.insert(area, id.clone());
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
        let today = self.clock.today();
        let routes = advisor::eligibility::for_goal(self.guide, &self.profile, today);
        let chosen = plan::choose(self.guide, &self.profile, &routes, today);
        let Some((area, id)) = plan::next_step(self.guide, &self.profile, chosen.as_ref())
            .map(|n| (n.area, n.step.id.clone()))
        else {
            return;
        };
        self.jump_to(area, &id);
    }

    /// Shows a step on its checklist, selected.
    pub fn jump_to(&mut self, area: Area, id: &str) {
        let rows = self.rows(area);
        // A step inside a choice shows as its own row; fall back to the top.
        let index = rows.iter().position(|r| r.step.id == id).unwrap_or(0);
        self.show(Screen::of(area));
        self.view_mut(area).set_cursor(index);
    }

    /// Keeps each cursor inside its list after the list changed (goal or
    /// state switched); the first time, selects the steps saved in the
    /// profile. Each checklist's is placed when it is next read, so a start
    /// builds only the checklist it shows.
    fn follow_selection(&mut self) {
        for view in &self.views {
            view.follow.set(true);
        }
    }

    /// Places a checklist's selection if its list changed since it was
    /// last read (see `follow_selection`).
    fn place_selection(&self, area: Area) {
        let view = &self.views[area as usize];
        if !view.follow.replace(false) {
            return;
        }
        let rows = self.rows(area);
        let current = view
            .list
            .get()
            .selected()
            .and_then(|i| rows.get(i))
            .map(|r| r.step.id.as_str())
            .or_else(|| self.profile.resume.selected.get(&area).map(String::as_str));
        let index = current
            .and_then(|id| rows.iter().position(|r| r.step.id == id))
            .unwrap_or_else(|| view.cursor().min(rows.len().saturating_sub(1)));
        let mut state = view.list.get();
        state.select(Some(index));
        view.list.set(state);
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
            self.notice = Some(format!("“{title}” is already {}.", to.word()));
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
            text: TextArea::new(self.profile.note(&step.id)),
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
        let draft = Draft {
            step: editor.step.clone(),
            text: editor.text.text(),
        };
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
            Action::Input(key) if prompt.input.input(key) == textarea::Edit::Changed => {
                prompt.error = None;
            }
            Action::Paste(text) => {
                prompt.input.insert_str(&text);
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
            Action::Input(key) => {
                form.input(key);
            }
            Action::Paste(text) => form.paste(&text),
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
                    return effects;
                }
                Err(_) if action == Action::Close && form.leaving => {
                    self.notice = Some("Setup closed; nothing from it was saved.".into());
                    return Vec::new();
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
            Action::Quit => {
                self.mode = Mode::Setup(form);
                return self.quit(false);
            }
            _ => {}
        }
        self.mode = Mode::Setup(form);
        Vec::new()
    }

    fn update_sources(&mut self, action: &Action) -> Vec<Effect> {
        let Mode::Sources(first) = &mut self.mode else {
            return Vec::new();
        };
        let page = usize::from(self.size.1.saturating_sub(6)).max(1);
        let last = self.guide.sources.len().saturating_sub(page);
        match action {
            Action::Close => self.mode = Mode::Normal,
            Action::Quit => return self.quit(false),
            other => {
                move_in(first, last + 1, other, page);
            }
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
            Action::Input(key) => view.query.input(key) == crate::textarea::Edit::Changed,
            Action::Paste(text) => view.query.insert_str(&text) == crate::textarea::Edit::Changed,
            _ => false,
        };
        if changed {
            view.hits = search::search(
                self.guide,
                self.profile.goal,
                self.profile.state.as_deref(),
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
        let result = plan::what_if(self.guide, &self.profile, &step.id, self.clock.today());
        self.help_scroll = 0;
        self.mode = Mode::WhatIf(WhatIfView {
            title: title.clone(),
            result,
        });
    }
}

/// The backup worth offering: readable, and holding something to restore.
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

/// Moves a list cursor; lists do not wrap, so holding a key stops at the end.
fn move_in(cursor: &mut usize, len: usize, action: &Action, page: usize) {
    let last = len.saturating_sub(1);
    *cursor = match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => (*cursor + 1).min(last),
        Action::PageUp => cursor.saturating_sub(page.max(1)),
        Action::PageDown => (*cursor + page.max(1)).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => *cursor,
    };
}
