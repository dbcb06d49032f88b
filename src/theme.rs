//! Every style the UI uses. With `NO_COLOR` set, only bold, reverse and
//! underline remain, and every status is still spelled out in symbols and words.

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Serialize};

/// The colour schemes to choose from (kept in the config file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Palette {
    #[default]
    Default,
    /// Bright colours only, bold text, no dim grey: for low vision and
    /// washed-out screens.
    HighContrast,
}

impl Palette {
    #[must_use]
    pub fn next(self) -> Palette {
        match self {
            Palette::Default => Palette::HighContrast,
            Palette::HighContrast => Palette::Default,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Palette::Default => "default",
            Palette::HighContrast => "high contrast",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            palette: Palette::Default,
        }
    }
}

impl Theme {
    /// Honours `NO_COLOR` (any non-empty value), see <https://no-color.org>.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            palette: Palette::Default,
        }
    }

    fn high(self) -> bool {
        self.palette == Palette::HighContrast
    }

    /// A foreground colour; the high-contrast palette swaps each for its
    /// bright form and makes it bold.
    fn fg(self, color: Color) -> Style {
        if !self.color {
            return if self.high() {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
        }
        if self.high() {
            let bright = match color {
                Color::Green => Color::LightGreen,
                Color::Yellow => Color::LightYellow,
                Color::Red => Color::LightRed,
                Color::Cyan | Color::Blue => Color::LightCyan,
                _ => Color::White,
            };
            Style::new().fg(bright).add_modifier(Modifier::BOLD)
        } else {
            Style::new().fg(color)
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn tab(self) -> Style {
        self.fg(Color::Gray)
    }

    pub fn tab_active(self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn selected(self) -> Style {
        if self.high() {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn done(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn partly(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn todo(self) -> Style {
        if self.high() && self.color {
            Style::new().fg(Color::White)
        } else {
            Style::new()
        }
    }

    pub fn muted(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn link(self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::UNDERLINED)
    }

    pub fn gauge(self) -> Style {
        if self.color && self.high() {
            Style::new().fg(Color::White).bg(Color::Black)
        } else if self.color {
            Style::new().fg(Color::Green).bg(Color::Black)
        } else {
            Style::new()
        }
    }
}
