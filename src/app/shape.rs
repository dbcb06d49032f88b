//! What `update` needs of the screen's shape (page sizes, how far a text
//! scrolls) and the text of the panes that decide it, at the size the last
//! `Resize` gave: from `layout` and `panes`, never from `ui`. `ui` draws
//! with the same functions, so the two cannot disagree.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Action, App, Mode};
use crate::content::Area;
use crate::keymap;
use crate::layout;
use crate::panes::{self, Facts};

impl App {
    /// The guide, the profile, the advice and the theme, for `panes`.
    pub fn facts(&self) -> Facts<'_> {
        Facts {
            guide: &self.guide,
            profile: &self.profile,
            advice: &self.advice,
            theme: self.theme,
        }
    }

    /// The whole terminal, at the size the last `Resize` gave.
    fn screen_rect(&self) -> Rect {
        let (width, height) = self.size();
        Rect::new(0, 0, width, height)
    }

    /// Why the profile is read-only, when it is.
    fn read_only_why(&self) -> Option<&str> {
        self.read_only.then(|| {
            self.read_only_reason
                .as_deref()
                .unwrap_or(crate::session::HELD_ELSEWHERE)
        })
    }

    /// The warnings above the footer: read-only, unsaved, and a notice.
    pub fn banner(&self) -> Vec<Line<'static>> {
        panes::banner(
            self.theme,
            self.read_only_why(),
            self.disk_unreadable,
            self.unsaved.as_deref(),
            self.notice.as_deref(),
        )
    }

    /// The main screen's parts at the app's size.
    pub fn areas(&self) -> layout::Areas {
        let area = self.screen_rect();
        layout::areas(area, panes::banner_rows(&self.banner(), area.width))
    }

    /// Checklist `which`'s parts at the app's size.
    pub fn checklist_areas(&self, which: Area) -> layout::Checklist {
        layout::checklist(self.areas().body, which)
    }

    /// The welcome's intro.
    pub fn welcome_intro(&self) -> Paragraph<'static> {
        panes::welcome_intro(self.theme, self.read_only_why())
    }

    /// The rows the welcome's intro takes at `width`.
    pub fn intro_rows(&self, width: u16) -> u16 {
        u16::try_from(self.welcome_intro().line_count(width)).unwrap_or(5)
    }

    /// The rows a state list shows at once at the app's size: on the
    /// welcome screen, or in the picker popup.
    pub fn picker_page(&self, welcome: bool) -> usize {
        let area = self.screen_rect();
        let list = if welcome {
            layout::welcome(area, self.intro_rows(area.width))[2]
        } else {
            layout::state_picker(area).1
        };
        layout::list_page(list)
    }

    /// The selected step's details on checklist `which`.
    pub fn details_lines(&self, which: Area) -> Vec<Line<'static>> {
        match self.selected_on(which) {
            Some(step) => panes::details(step, self.facts(), which),
            None => vec![Line::from("Nothing to show here yet.")],
        }
    }

    /// How far the details of checklist `which` scroll at the app's size:
    /// until their last row is at the bottom of the pane.
    pub fn details_max(&self, which: Area) -> u16 {
        let text = self.checklist_areas(which).details_text;
        let rows = panes::wrapped(self.details_lines(which)).line_count(text.width);
        u16::try_from(rows.saturating_sub(usize::from(text.height))).unwrap_or(u16::MAX)
    }

    /// The help popup's lines at a terminal of `area`: the keys of the
    /// screen underneath, not of the popup itself.
    pub fn help_lines(&self, area: Rect) -> Vec<Line<'static>> {
        let entries = keymap::help_now(self);
        let close = keymap::keys_for(keymap::contexts_of(self, &self.mode), &Action::Close);
        panes::help_lines(&entries, &close, self.theme, area)
    }

    /// How far the help, what-if or explain popup scrolls at the app's size.
    pub fn scroll_max(&self) -> u16 {
        let area = self.screen_rect();
        let info = |lines| layout::info_layout(area, &panes::info_paragraph(lines)).2;
        match &self.mode {
            Mode::Help(_) => layout::help_rect(area, self.help_lines(area).len()).1,
            Mode::WhatIf(view) => info(panes::what_if_lines(
                self.theme,
                &view.title,
                view.result.as_ref(),
            )),
            Mode::Explain => info(panes::explain_lines(self.theme, &self.advice)),
            Mode::Compare(text) => info(panes::compare_lines(text)),
            _ => 0,
        }
    }

    /// The URL of source `index`, as shown.
    pub fn source_url(&self, index: usize) -> Option<String> {
        self.guide
            .sources
            .get(index)
            .map(|s| crate::text::sanitize(&s.url))
    }
}
