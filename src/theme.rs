//! Every style the UI uses, and the symbols it draws with. With `NO_COLOR`
//! set (or `TERM=dumb`), only bold, reverse and underline remain, and every
//! status is still spelled out in symbols and words. In a locale that is not
//! UTF-8 (`LANG=C`), or with `--ascii`, the symbols and borders are ASCII.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
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
    /// ASCII symbols and borders only: the terminal's locale is not UTF-8,
    /// or `--ascii` was given. The drawing code reads [`Theme::symbols`],
    /// and [`Theme::fold`] turns whatever else is drawn into ASCII.
    pub ascii: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            palette: Palette::Default,
            ascii: false,
        }
    }
}

impl Theme {
    /// The theme the environment asks for: no colour with `NO_COLOR` (any
    /// non-empty value, see <https://no-color.org>) or `TERM=dumb`; ASCII
    /// when the locale is not UTF-8 (see [`locale_is_utf8`]).
    pub fn from_env() -> Theme {
        Theme::from_vars(|name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()))
    }

    /// [`Theme::from_env`] over any source of variables (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Theme {
        let no_color = var("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = var("TERM").is_some_and(|t| t == "dumb");
        Theme {
            color: !no_color && !dumb,
            palette: Palette::Default,
            ascii: !locale_is_utf8(&var),
        }
    }

    /// The symbols to draw with: Unicode, or their ASCII stand-ins.
    pub fn symbols(self) -> &'static Symbols {
        if self.ascii { &ASCII } else { &UNICODE }
    }

    /// In ASCII mode, replaces every symbol in `buf` that is not ASCII with
    /// its stand-in (box drawing with `+-|`, `✓` with `Y`, `…` with `~`,
    /// `é` with `e`, anything else with `?`), one cell for one cell so the
    /// layout is unchanged. Call it on the frame's buffer once drawn; it
    /// does nothing in Unicode mode.
    pub fn fold(self, buf: &mut Buffer) {
        if !self.ascii {
            return;
        }
        for cell in &mut buf.content {
            let symbol = cell.symbol();
            if symbol.is_ascii() {
                continue;
            }
            let first = symbol.chars().next().unwrap_or(' ');
            cell.set_char(ascii_for(first));
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

/// Whether the locale is UTF-8, from the first of `LC_ALL`, `LC_CTYPE` and
/// `LANG` that is set and not empty (the order the C library reads them
/// in). None set: UTF-8 is assumed (most terminals today, and Windows,
/// which sets none of them). Set to a locale without `UTF-8` in its name
/// (`C`, `POSIX`, `en_US.ISO-8859-1`): not UTF-8.
pub fn locale_is_utf8(var: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .is_none_or(|locale| {
            let locale = locale.to_ascii_lowercase();
            locale.contains("utf-8") || locale.contains("utf8")
        })
}

/// The symbols the screens draw with, in one place so a terminal without
/// UTF-8 gets ASCII ones. Every status also has a word beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    /// A route met, a certification accepted, a requirement that holds.
    pub met: &'static str,
    /// A route not met, a requirement that fails, an error beside a field.
    pub not_met: &'static str,
    /// Something to verify, or a window about to close.
    pub warning: &'static str,
    /// A step with a note.
    pub note: &'static str,
    /// A list item.
    pub bullet: &'static str,
    /// The selected row, and "›" between an area and a step.
    pub pointer: &'static str,
    /// Between parts of a line: "1 done · 3 left".
    pub dot: &'static str,
    /// A cut text.
    pub ellipsis: &'static str,
    /// A dash between a name and what it is.
    pub dash: &'static str,
    /// A range: "$215–$225".
    pub range: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub left: &'static str,
    pub right: &'static str,
    /// A choice taken, and not taken: "(•)" and "( )".
    pub radio_on: &'static str,
    /// A progress bar's done and not-yet parts.
    pub bar_full: &'static str,
    pub bar_empty: &'static str,
    /// A scrollbar's track and thumb.
    pub track: &'static str,
    pub thumb: &'static str,
    /// Quotes around a title.
    pub open_quote: &'static str,
    pub close_quote: &'static str,
    /// Box borders.
    pub border: border::Set<'static>,
}

/// The symbols in a UTF-8 terminal.
pub const UNICODE: Symbols = Symbols {
    met: "✓",
    not_met: "✗",
    warning: "⚠",
    note: "✎",
    bullet: "•",
    pointer: "›",
    dot: "·",
    ellipsis: "…",
    dash: "—",
    range: "–",
    up: "↑",
    down: "↓",
    left: "←",
    right: "→",
    radio_on: "•",
    bar_full: "█",
    bar_empty: "░",
    track: "│",
    thumb: "█",
    open_quote: "“",
    close_quote: "”",
    border: border::PLAIN,
};

/// The same symbols in ASCII, one character for one, so the layout holds.
pub const ASCII: Symbols = Symbols {
    met: "Y",
    not_met: "N",
    warning: "!",
    note: "*",
    bullet: "*",
    pointer: ">",
    dot: ".",
    ellipsis: "~",
    dash: "-",
    range: "-",
    up: "^",
    down: "v",
    left: "<",
    right: ">",
    radio_on: "*",
    bar_full: "#",
    bar_empty: ".",
    track: "|",
    thumb: "#",
    open_quote: "\"",
    close_quote: "\"",
    border: border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    },
};

/// The ASCII stand-in for a character (itself if it is ASCII).
pub fn ascii_for(c: char) -> char {
    const LATIN: [(&str, char); 14] = [
        ("ÀÁÂÃÄÅĀĂĄ", 'A'),
        ("àáâãäåāăą", 'a'),
        ("ÇĆČ", 'C'),
        ("çćč", 'c'),
        ("ÈÉÊËĒĘĚ", 'E'),
        ("èéêëēęě", 'e'),
        ("ÌÍÎÏĪ", 'I'),
        ("ìíîïīı", 'i'),
        ("ÑŃŇ", 'N'),
        ("ñńň", 'n'),
        ("ÒÓÔÕÖØŌ", 'O'),
        ("òóôõöøō", 'o'),
        ("ÙÚÛÜŪŮ", 'U'),
        ("ùúûüūů", 'u'),
    ];
    if c.is_ascii() {
        return c;
    }
    match c {
        // Box drawing: light, heavy, double and rounded.
        // Horizontal lines and dashes.
        '─' | '━' | '═' | '╌' | '┄' | '—' | '–' | '‐' | '−' => '-',
        '│' | '┃' | '║' | '╎' | '┆' => '|',
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '┏' | '┓' | '┗' | '┛' | '╔' | '╗'
        | '╚' | '╝' | '╭' | '╮' | '╰' | '╯' | '╠' | '╣' | '╦' | '╩' | '╬' => {
            '+'
        }
        // Blocks: bars, gauges, charts.
        '█' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▏' | '▇' | '▆' | '▓' => {
            '#'
        }
        '▅' | '▄' | '▒' => ':',
        '▃' | '▂' | '▁' | '░' | '·' => '.',
        '…' => '~',
        '✓' | '✔' | 'Ý' => 'Y',
        '✗' | '✘' | '×' => 'N',
        '⚠' => '!',
        '✎' | '•' | '●' => '*',
        '›' | '→' | '▶' | '»' => '>',
        '‹' | '←' | '◀' | '«' => '<',
        '↑' | '▲' => '^',
        '↓' | '▼' => 'v',
        '“' | '”' | '„' => '"',
        '‘' | '’' => '\'',
        '\u{a0}' => ' ',
        'ß' => 's',
        'ý' | 'ÿ' => 'y',
        _ => LATIN
            .iter()
            .find(|(from, _)| from.contains(c))
            .map_or('?', |(_, to)| *to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn term_dumb_and_no_color_turn_colour_off() {
        assert!(Theme::from_vars(vars(&[("TERM", "xterm-256color")])).color);
        assert!(Theme::from_vars(vars(&[("TERM", "linux")])).color);
        assert!(!Theme::from_vars(vars(&[("TERM", "dumb")])).color);
        assert!(!Theme::from_vars(vars(&[("NO_COLOR", "1")])).color);
        assert!(Theme::from_vars(vars(&[("NO_COLOR", "")])).color);
    }

    #[test]
    fn a_locale_without_utf8_gets_ascii() {
        let ascii = |pairs: &[(&str, &str)]| Theme::from_vars(vars(pairs)).ascii;
        assert!(ascii(&[("LANG", "C")]));
        assert!(ascii(&[("LANG", "POSIX")]));
        assert!(ascii(&[("LANG", "de_DE.ISO-8859-1")]));
        assert!(!ascii(&[("LANG", "en_US.UTF-8")]));
        assert!(!ascii(&[("LANG", "C.utf8")]));
        // LC_ALL wins over LC_CTYPE, which wins over LANG; empty is unset.
        assert!(ascii(&[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")]));
        assert!(!ascii(&[
            ("LC_ALL", ""),
            ("LC_CTYPE", "en_US.UTF-8"),
            ("LANG", "C")
        ]));
        assert!(ascii(&[("LC_CTYPE", "C"), ("LANG", "en_US.UTF-8")]));
        // None set: UTF-8 is assumed.
        assert!(!ascii(&[]));
    }

    #[test]
    fn the_ascii_symbols_are_ascii_one_cell_each_and_what_fold_gives() {
        let single = |s: &str| s.chars().next().expect("a symbol");
        let pairs = [
            (UNICODE.met, ASCII.met),
            (UNICODE.not_met, ASCII.not_met),
            (UNICODE.warning, ASCII.warning),
            (UNICODE.note, ASCII.note),
            (UNICODE.bullet, ASCII.bullet),
            (UNICODE.pointer, ASCII.pointer),
            (UNICODE.dot, ASCII.dot),
            (UNICODE.ellipsis, ASCII.ellipsis),
            (UNICODE.dash, ASCII.dash),
            (UNICODE.range, ASCII.range),
            (UNICODE.up, ASCII.up),
            (UNICODE.down, ASCII.down),
            (UNICODE.left, ASCII.left),
            (UNICODE.right, ASCII.right),
            (UNICODE.radio_on, ASCII.radio_on),
            (UNICODE.bar_full, ASCII.bar_full),
            (UNICODE.bar_empty, ASCII.bar_empty),
            (UNICODE.track, ASCII.track),
            (UNICODE.thumb, ASCII.thumb),
            (UNICODE.open_quote, ASCII.open_quote),
            (UNICODE.close_quote, ASCII.close_quote),
            (UNICODE.border.top_left, ASCII.border.top_left),
            (UNICODE.border.vertical_left, ASCII.border.vertical_left),
            (UNICODE.border.horizontal_top, ASCII.border.horizontal_top),
        ];
        for (unicode, ascii) in pairs {
            assert!(ascii.is_ascii() && ascii.chars().count() == 1, "{ascii}");
            assert_eq!(ascii_for(single(unicode)).to_string(), ascii, "{unicode}");
        }
        assert_eq!(
            Theme {
                ascii: true,
                ..Theme::default()
            }
            .symbols(),
            &ASCII
        );
        assert_eq!(Theme::default().symbols(), &UNICODE);
    }

    #[test]
    fn fold_turns_a_drawn_buffer_into_ascii_cell_for_cell() {
        let drawn = [
            "┌ Education · 1 of 15 done ─┐",
            "│›  [x] Biology ✎ José…    │",
            "│[✓] met ⚠ 2027–2028 ██░░ 中│",
            "└───────────────────────────┘",
        ];
        let mut buf = Buffer::with_lines(drawn);
        let before = buf.clone();
        Theme::default().fold(&mut buf);
        assert_eq!(buf, before, "Unicode mode leaves the buffer as drawn");
        Theme {
            ascii: true,
            ..Theme::default()
        }
        .fold(&mut buf);
        let expected = Buffer::with_lines([
            "+ Education . 1 of 15 done -+",
            "|>  [x] Biology * Jose~    |",
            "|[Y] met ! 2027-2028 ##.. ? |",
            "+---------------------------+",
        ]);
        assert_eq!(buf.area, Rect::new(0, 0, 29, 4));
        assert_eq!(buf, expected);
    }
}
