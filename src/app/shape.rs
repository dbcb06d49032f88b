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

    /// Where the details of checklist `which` may scroll to at the app's
    /// size, asked for `want`: `want` while the text reaches below it, else
    /// where its last row is at the bottom of the pane. The rows are
    /// counted only as far as `want` and a pane more.
    pub fn details_scroll_to(&self, which: Area, want: u16) -> u16 {
        let text = self.checklist_areas(which).details_text;
        let visible = usize::from(text.height);
        let lines = self.details_lines(which);
        let (rows, all) = panes::rows_past(&lines, text.width, usize::from(want) + visible);
        if all {
            let max = u16::try_from(rows.saturating_sub(visible)).unwrap_or(u16::MAX);
            want.min(max)
        } else {
            want
        }
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The names of `ui` and `cli` that `source` uses, if any.
    fn imports_of_ui_or_cli(source: &str) -> Vec<String> {
        let mut found = Vec::new();
        let flat: String = source.split_whitespace().collect::<Vec<_>>().join(" ");
        for name in ["crate::ui", "crate::cli", "super::ui", "super::cli"] {
            if flat.contains(name) {
                found.push(name.to_owned());
            }
        }
        // `use crate::{ui, ...}` and `use crate::{cli::x, ...}`.
        for group in flat.split("use crate::{").skip(1) {
            let group = group.split("};").next().unwrap_or_default();
            for item in group.split([',', '{', '}']).map(str::trim) {
                if ["ui", "cli"].contains(&item.split("::").next().unwrap_or_default()) {
                    found.push(format!("use crate::{{{item}}}"));
                }
            }
        }
        found
    }

    #[test]
    fn the_check_sees_each_way_of_writing_the_import() {
        for source in [
            "let x = crate::ui::layout::of(self);",
            "use crate::cli::compare;",
            "use crate::{\n    content::Area,\n    ui,\n};",
            "use crate::{cli::compare::text, keymap};",
        ] {
            assert!(!imports_of_ui_or_cli(source).is_empty(), "{source}");
        }
        assert!(imports_of_ui_or_cli("use crate::{layout, panes::Facts};").is_empty());
    }

    /// `app` is read by `ui` and driven by `lib`; it never asks `ui` how
    /// the screen is drawn nor `cli` for a text (that was an import circle).
    /// Every file of `app` is read, up to its tests.
    #[test]
    fn app_never_imports_ui_or_cli() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src.join("app.rs")];
        let mut dirs = vec![src.join("app")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("src/app") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        for file in files {
            let source = std::fs::read_to_string(&file).expect("source");
            // Tests (like these) may name them.
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            let found = imports_of_ui_or_cli(code);
            assert!(found.is_empty(), "{} uses {found:?}", file.display());
        }
    }
}
