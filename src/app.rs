//! App state, the actions that change it, and `update()`: state + action ->
//! new state + effects. Rendering lives in `ui`; the loop in `lib::run`.

use crate::advisor;
use crate::content::{Area, Date, Goal, Guide, Step};
use crate::profile::{Profile, Screen};
use crate::ui::theme::Theme;

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
    Toggle,
    DetailsUp,
    DetailsDown,
    OpenHelp,
    Close,
    ChooseState,
    SwitchGoal,
    Confirm,
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

/// Work for the loop to do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Save,
    /// Save; the result comes back as `SavedBeforeQuit`, which decides.
    SaveThenQuit,
    Quit,
    /// Move the backup aside before a new profile can replace it.
    ArchiveBackup,
}

/// A list of states to pick from; index 0 is "no state / outside the US".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub goal: Goal,
    pub selected: usize,
}

/// Shown instead of the app when the profile could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// What was wrong, with the line and column.
    pub problem: String,
    /// Where the unreadable file was moved, if it was.
    pub moved_to: Option<std::path::PathBuf>,
    /// The last good profile, if the backup could be read.
    pub backup: Option<Profile>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help,
    /// The state list, with the selected index (0 = no state).
    State(usize),
}

/// One line of a checklist: a step and how deep it is nested.
#[derive(Debug, Clone, Copy)]
pub struct Row<'g> {
    pub step: &'g Step,
    pub depth: usize,
}

/// Everything the screen shows, and nothing the loop needs to know about.
#[derive(Debug, Clone)]
pub struct App {
    pub guide: Guide,
    pub profile: Profile,
    /// Injected so date logic is testable.
    pub today: Date,
    pub screen: Screen,
    /// Selected row per checklist area, indexed by `Area as usize`.
    pub cursor: [usize; 3],
    pub detail_scroll: u16,
    pub popup: Option<Popup>,
    /// Shown on first launch, until the user confirms or skips.
    pub welcome: Option<Picker>,
    /// Shown when the profile was damaged, until the user decides.
    pub recovery: Option<Recovery>,
    /// Set when the user pressed quit while changes are unsaved: the next
    /// quit leaves without them.
    pub quit_armed: bool,
    /// Another copy holds the profile: nothing is written.
    pub read_only: bool,
    /// Why the last save failed, while it keeps failing.
    pub unsaved: Option<String>,
    /// A one-off message for the status line, cleared by the next action.
    pub notice: Option<String>,
    pub theme: Theme,
    /// The terminal's size, for scrolling limits.
    pub size: (u16, u16),
}

impl App {
    /// A new app on an existing profile, resuming where the user left off.
    pub fn new(guide: Guide, profile: Profile, today: Date) -> App {
        let mut app = App {
            guide,
            screen: Screen::Dashboard,
            profile,
            today,
            cursor: [0; 3],
            detail_scroll: 0,
            popup: None,
            welcome: None,
            recovery: None,
            quit_armed: false,
            read_only: false,
            unsaved: None,
            notice: None,
            theme: Theme { color: true },
            size: (80, 24),
        };
        app.resume_position();
        app
    }

    /// Opens the screen and selects the steps saved in the profile.
    fn resume_position(&mut self) {
        self.screen = self.profile.position.screen;
        self.clamp_cursors();
    }

    /// A first launch: the welcome screen asks for goal and state.
    pub fn first_launch(guide: Guide, today: Date) -> App {
        let mut app = App::new(guide, Profile::default(), today);
        app.welcome = Some(Picker {
            goal: Goal::default(),
            selected: 0,
        });
        app
    }

    /// The profile could not be read: ask the user what to do.
    pub fn recover(guide: Guide, today: Date, recovery: Recovery) -> App {
        let mut app = App::new(guide, Profile::default(), today);
        app.recovery = Some(recovery);
        app
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

    /// The selected row's step on the current checklist screen.
    pub fn selected_step(&self) -> Option<&Step> {
        let area = self.screen.area()?;
        let rows = self.rows(area);
        let i = self.cursor[area as usize].min(rows.len().saturating_sub(1));
        rows.get(i).map(|r| r.step)
    }

    pub fn cursor_in(&self, area: Area) -> usize {
        let len = self.rows(area).len();
        self.cursor[area as usize].min(len.saturating_sub(1))
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if let Action::Saved(result) = action {
            self.unsaved = result.err();
            return Vec::new();
        }
        if let Action::SavedBeforeQuit(result) = action {
            return self.saved_before_quit(result);
        }
        if let Action::Resize(width, height) = action {
            self.size = (width, height);
            self.detail_scroll = self.detail_scroll.min(self.max_detail_scroll());
            return Vec::new();
        }
        if action != Action::Quit {
            self.quit_armed = false;
        }
        self.notice = None;
        if action == Action::Exit {
            // On the welcome or recovery screen nothing has been chosen or
            // loaded yet, so there is nothing to save.
            if self.welcome.is_some() || self.recovery.is_some() {
                return vec![Effect::Quit];
            }
            return self.quit(true);
        }
        if self.recovery.is_some() {
            return self.update_recovery(&action);
        }
        if self.welcome.is_some() {
            return self.update_welcome(&action);
        }
        if self.popup.is_some() {
            return self.update_popup(action);
        }
        self.update_screen(&action)
    }

    /// Keys on the dashboard and the checklists.
    fn update_screen(&mut self, action: &Action) -> Vec<Effect> {
        if self.read_only
            && matches!(
                action,
                Action::Toggle | Action::SwitchGoal | Action::ChooseState
            )
        {
            self.notice = Some("Read-only: close the other medtech to make changes here.".into());
            return Vec::new();
        }
        match action {
            Action::Quit => return self.quit(false),
            Action::NextScreen => self.show(self.screen.next()),
            Action::PrevScreen => self.show(self.screen.prev()),
            Action::Show(screen) => self.show(*screen),
            Action::OpenHelp => self.popup = Some(Popup::Help),
            Action::ChooseState => {
                let selected = self.profile.state.as_deref().map_or(0, |code| {
                    self.state_choices()
                        .iter()
                        .position(|(c, _)| c.eq_ignore_ascii_case(code))
                        .map_or(0, |i| i + 1)
                });
                self.popup = Some(Popup::State(selected));
            }
            Action::SwitchGoal => {
                self.profile.goal = self.profile.goal.other();
                self.clamp_cursors();
                return vec![Effect::Save];
            }
            Action::Toggle => return self.toggle(),
            Action::Confirm if self.screen == Screen::Dashboard => self.open_next_step(),
            Action::DetailsDown => {
                self.detail_scroll = self
                    .detail_scroll
                    .saturating_add(self.details_page())
                    .min(self.max_detail_scroll());
            }
            Action::DetailsUp => {
                self.detail_scroll = self.detail_scroll.saturating_sub(self.details_page());
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
                    move_in(&mut cursor, len, action, self.list_page());
                    self.select(area, cursor);
                }
            }
            Action::Close
            | Action::Confirm
            | Action::Saved(_)
            | Action::SavedBeforeQuit(_)
            | Action::Exit
            | Action::Resize(..)
            | Action::RestoreBackup
            | Action::StartFresh => {}
        }
        Vec::new()
    }

    fn update_popup(&mut self, action: Action) -> Vec<Effect> {
        let page = self.list_page();
        match &mut self.popup {
            Some(Popup::Help) => {
                match action {
                    Action::Close | Action::OpenHelp => self.popup = None,
                    Action::Quit => return self.quit(false),
                    _ => {}
                }
                Vec::new()
            }
            Some(Popup::State(selected)) => {
                let len = self.guide.states.len() + 1;
                match action {
                    Action::Close => self.popup = None,
                    Action::Confirm => {
                        let selected = *selected;
                        self.popup = None;
                        return self.set_state(selected);
                    }
                    Action::Quit => return self.quit(false),
                    other => move_in(selected, len, &other, page),
                }
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// Rows a PageUp/PageDown moves in a list: about a screenful.
    fn list_page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(10)).max(1)
    }

    /// A page of the details pane, keeping two lines of context.
    fn details_page(&self) -> u16 {
        // Header, tabs, footer, borders and the Licensing state lines.
        self.size.1.saturating_sub(9).max(3)
    }

    fn max_detail_scroll(&self) -> u16 {
        crate::ui::max_detail_scroll(self, self.size.0, self.size.1)
    }

    fn update_recovery(&mut self, action: &Action) -> Vec<Effect> {
        let Some(recovery) = &self.recovery else {
            return Vec::new();
        };
        match action {
            Action::RestoreBackup => {
                if let Some(backup) = recovery.backup.clone() {
                    self.recovery = None;
                    self.profile = backup;
                    self.resume_position();
                    vec![Effect::Save]
                } else {
                    self.notice = Some("There is no readable backup to restore.".into());
                    Vec::new()
                }
            }
            Action::StartFresh => {
                self.recovery = None;
                self.welcome = Some(Picker {
                    goal: Goal::default(),
                    selected: 0,
                });
                // The old backup must survive the new profile's saves.
                vec![Effect::ArchiveBackup]
            }
            // Nothing was loaded, so there is nothing to save.
            Action::Quit => vec![Effect::Quit],
            _ => Vec::new(),
        }
    }

    fn update_welcome(&mut self, action: &Action) -> Vec<Effect> {
        let len = self.guide.states.len() + 1;
        let page = self.list_page();
        let Some(picker) = &mut self.welcome else {
            return Vec::new();
        };
        match action {
            Action::SwitchGoal => {
                picker.goal = picker.goal.other();
            }
            Action::Confirm => {
                let picker = picker.clone();
                self.welcome = None;
                self.profile.goal = picker.goal;
                return self.set_state(picker.selected);
            }
            // Skipping keeps the defaults but still creates the profile, so
            // the welcome is not shown again.
            Action::Close => {
                self.profile.goal = picker.goal;
                self.welcome = None;
                return vec![Effect::Save];
            }
            // Leaving before choosing writes nothing: the welcome shows
            // again next time.
            Action::Quit => return vec![Effect::Quit],
            other => move_in(&mut picker.selected, len, other, page),
        }
        Vec::new()
    }

    /// Sets the state from a picker index (0 = none).
    fn set_state(&mut self, index: usize) -> Vec<Effect> {
        self.profile.state = index.checked_sub(1).and_then(|i| {
            self.state_choices()
                .get(i)
                .map(|(code, _)| (*code).to_owned())
        });
        self.clamp_cursors();
        vec![Effect::Save]
    }

    /// Saves and quits. A signal (`forced`) quits whatever the save does;
    /// a key quits only once the save worked or the user insisted.
    fn quit(&mut self, forced: bool) -> Vec<Effect> {
        self.profile.position.screen = self.screen;
        for area in Area::ALL {
            let index = self.cursor_in(area);
            if let Some(row) = self.rows(area).get(index) {
                let id = row.step.id.clone();
                self.profile.position.selected.insert(area, id);
            }
        }
        if forced {
            vec![Effect::Save, Effect::Quit]
        } else if self.quit_armed {
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
                    "Your changes could not be saved. Press q again to quit without them.".into(),
                );
                Vec::new()
            }
        }
    }

    fn show(&mut self, screen: Screen) {
        self.screen = screen;
        self.profile.position.screen = screen;
        self.detail_scroll = 0;
    }

    fn select(&mut self, area: Area, index: usize) {
        if self.cursor[area as usize] != index {
            self.detail_scroll = 0;
        }
        self.cursor[area as usize] = index;
        if let Some(row) = self.rows(area).get(index) {
            let id = row.step.id.clone();
            self.profile.position.selected.insert(area, id);
        }
    }

    /// Jumps from the dashboard to the next step, selected on its checklist.
    fn open_next_step(&mut self) {
        let Some((area, id)) =
            advisor::next_step(&self.guide, &self.profile).map(|(a, s)| (a, s.id.clone()))
        else {
            return;
        };
        let rows = self.rows(area);
        // A step inside a choice shows as its own row; fall back to the top.
        let index = rows.iter().position(|r| r.step.id == id).unwrap_or(0);
        let screen = Screen::ALL
            .into_iter()
            .find(|s| s.area() == Some(area))
            .unwrap_or_default();
        self.show(screen);
        self.select(area, index);
    }

    /// Keeps each cursor on the same step after the list changed (goal or
    /// state switched), or inside the list if that step is gone.
    fn clamp_cursors(&mut self) {
        for area in Area::ALL {
            let rows = self.rows(area);
            let wanted = self.profile.position.selected.get(&area);
            let index = wanted
                .and_then(|id| rows.iter().position(|r| &r.step.id == id))
                .unwrap_or_else(|| self.cursor[area as usize].min(rows.len().saturating_sub(1)));
            self.cursor[area as usize] = index;
        }
    }

    /// Ticks or unticks the selected step; a parent ticks or unticks all its
    /// sub-steps together.
    fn toggle(&mut self) -> Vec<Effect> {
        let Some(step) = self.selected_step() else {
            return Vec::new();
        };
        if step.one_of {
            // A choice: the user ticks the option they took, not the parent.
            self.notice = Some("This step is a choice: tick the option you took below it.".into());
            return Vec::new();
        }
        let done = advisor::check(step, &self.profile) == advisor::Check::Done;
        let mut leaves = Vec::new();
        collect_leaves(step, &mut leaves);
        if leaves.is_empty() {
            return Vec::new();
        }
        let today = self.today;
        for id in leaves {
            self.profile.set_done(&id, !done, today);
        }
        vec![Effect::Save]
    }
}

fn collect_leaves(step: &Step, out: &mut Vec<String>) {
    if step.substeps.is_empty() {
        out.push(step.id.clone());
    } else if !step.one_of {
        for sub in &step.substeps {
            collect_leaves(sub, out);
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
