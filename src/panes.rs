//! The text of the panes that scroll or wrap (a step's details, help,
//! what-if, explain, the comparison, the banner, the welcome's intro), as
//! lines built from the guide, the profile, the advice and the theme.
//! `update` counts their rows here (how far a pane scrolls) and `ui` draws
//! them; neither asks the other.

mod details;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::advisor::Advice;
use crate::advisor::eligibility::Verdict;
use crate::advisor::plan::WhatIf;
use crate::content::Guide;
use crate::keymap;
use crate::layout;
use crate::profile::Profile;
use crate::text::sanitize;
use crate::theme::Theme;

pub use details::{check_style, details};

/// What the panes are made of.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub guide: &'a Guide,
    pub profile: &'a Profile,
    pub advice: &'a Advice,
    pub theme: Theme,
}

/// `lines` as ratatui wraps them, keeping leading spaces.
pub fn wrapped(lines: Vec<Line<'static>>) -> Paragraph<'static> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// The rows `lines` wrap to at `width`, counted until they pass `enough`
/// (each line wraps on its own), and whether that is all of them: a frame
/// or a scroll needs the rows up to where it looks and one more, not the
/// whole text.
pub fn rows_past(lines: &[Line<'static>], width: u16, enough: usize) -> (usize, bool) {
    let mut rows = 0;
    for line in lines {
        if rows > enough {
            return (rows, false);
        }
        rows += wrapped(vec![line.clone()]).line_count(width);
    }
    (rows, true)
}

/// The warnings above the footer: read-only (and why), a profile file that
/// does not read, unsaved changes (and why), and a notice.
pub fn banner(
    theme: Theme,
    read_only: Option<&str>,
    disk_unreadable: bool,
    unsaved: Option<&str>,
    notice: Option<&str>,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(why) = read_only {
        lines.push(Line::from(Span::styled(
            format!(" READ-ONLY: {}. Nothing here is saved.", sanitize(why)),
            theme.warning(),
        )));
    }
    // A file a sync tool left half-written: said short, so the key that
    // keeps this version fits even at 60 columns.
    let keep_mine = "{KeepMine} keeps your version instead (that file is set aside, not deleted).";
    if disk_unreadable && read_only.is_none() {
        let waiting = if unsaved.is_some() {
            " NOT SAVED: the profile file does not read yet (a sync tool still writing?). \
             medtech leaves it alone and saves once it reads;"
        } else {
            " The profile file does not read yet (a sync tool still writing?): medtech waits;"
        };
        lines.push(Line::from(Span::styled(
            format!("{waiting} {}", keymap::expand(keep_mine)),
            theme.error(),
        )));
    } else if let Some(why) = unsaved {
        lines.push(Line::from(Span::styled(
            format!(
                " NOT SAVED: {}. Your changes are kept in memory; medtech retries on the next change.",
                sanitize(why)
            ),
            theme.error(),
        )));
    }
    if let Some(notice) = notice {
        lines.push(Line::from(Span::styled(
            format!(" {}", sanitize(&keymap::expand(notice))),
            theme.warning(),
        )));
    }
    lines
}

/// The rows the banner takes at `width` (at most 4).
pub fn banner_rows(banner: &[Line<'static>], width: u16) -> u16 {
    let rows = u16::try_from(wrapped(banner.to_vec()).line_count(width)).unwrap_or(u16::MAX);
    rows.min(4)
}

/// The welcome's intro: what medtech does, and a read-only warning with
/// its reason.
pub fn welcome_intro(theme: Theme, read_only: Option<&str>) -> Paragraph<'static> {
    let mut text = vec![
        Line::from(Span::styled(" Welcome to medtech", theme.title())),
        Line::from(
            " medtech walks you from \"I want to work in a medical lab\" to certified and \
             licensed: education, national certification and your state's license, with \
             sources for every fact. Tick steps as you finish them; progress is saved on \
             this computer.",
        ),
    ];
    if let Some(why) = read_only {
        text.push(Line::from(Span::styled(
            format!(
                " READ-ONLY: {}. Nothing chosen here is saved.",
                sanitize(why)
            ),
            theme.warning(),
        )));
    }
    Paragraph::new(text).wrap(Wrap { trim: false })
}

/// The help popup's lines for `entries` (keys, what they do), at a
/// terminal of `area`; `close` names the keys that close it.
pub fn help_lines(
    entries: &[(String, &'static str)],
    close: &str,
    theme: Theme,
    area: Rect,
) -> Vec<Line<'static>> {
    let key_width = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let legend = [
        " [ ] to do  [~] in progress  [x] done  [+] partly done".to_owned(),
        " [-] not applicable  [/] skipped  ✎ note  ! verify".to_owned(),
        format!(" {close} closes this help."),
    ];
    let inner = usize::from(layout::help_width(area).saturating_sub(2));
    // One column; a description longer than its room wraps under itself,
    // and what does not fit the screen scrolls: nothing is cut.
    let room = inner.saturating_sub(key_width + 3).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for (keys, description) in entries {
        for (i, part) in wrap(description, room).into_iter().enumerate() {
            let keys = if i == 0 { keys.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!(" {keys:<key_width$}  "), theme.key()),
                Span::raw(part),
            ]));
        }
    }
    // The legend always follows; what does not fit scrolls.
    lines.push(Line::default());
    for text in legend {
        for part in wrap(&text, inner.saturating_sub(1).max(10)) {
            lines.push(Line::from(Span::styled(
                format!(" {}", part.trim_start()),
                theme.muted(),
            )));
        }
    }
    lines
}

/// Breaks `text` into lines at most `width` columns wide, at spaces where
/// it can and inside a word (a URL) only when a word is longer than a line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split(' ') {
        let word_width = unicode_width::UnicodeWidthStr::width(word);
        let gap = usize::from(!line.is_empty());
        if line_width + gap + word_width <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            line_width += gap + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if line_width + w > width {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push(c);
            line_width += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A popup's text, wrapped, with a blank row before the key hints.
pub fn info_paragraph(mut lines: Vec<Line<'static>>) -> Paragraph<'static> {
    lines.push(Line::default());
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// What finishing the step titled `title` would open (`None`: medtech
/// does not know what it changes).
pub fn what_if_lines(theme: Theme, title: &str, result: Option<&WhatIf>) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        format!("If you finished “{title}” now:"),
        theme.heading(),
    ))];
    match result {
        None => lines.push(Line::from(
            "This step does not change which certification routes you qualify for.",
        )),
        Some(result) => {
            lines.push(Line::from(Span::styled(
                format!("(taken as: {})", result.assumption),
                theme.muted(),
            )));
            if result.opens.is_empty() {
                lines.push(Line::from(
                    "No new route would open: see the Certification screen for what is missing.",
                ));
            }
            for (label, closes) in &result.opens {
                let window = closes.map_or_else(
                    || " (no time limit)".to_owned(),
                    |d| format!(", a window that stays open until {d}"),
                );
                lines.push(Line::from(vec![
                    Span::styled(format!("{} ", Verdict::Met.symbol()), theme.done()),
                    Span::raw(format!("{label} would be met{window}")),
                ]));
            }
        }
    }
    lines
}

/// The comparison's text, a row a line.
pub fn compare_lines(text: &str) -> Vec<Line<'static>> {
    text.lines().map(|l| Line::from(sanitize(l))).collect()
}

/// How the finish date and the cost are worked out, from the plan: the
/// route they count for, where the count starts, what the background
/// covers, what each end of the range assumes, and the fees with tuition
/// beside them.
#[allow(clippy::too_many_lines, reason = "one paragraph after another")]
pub fn explain_lines(theme: Theme, advice: &Advice) -> Vec<Line<'static>> {
    use crate::advisor::plan::Standing;
    let finish = &advice.finish;
    let cost = &advice.cost;
    let month = |d: Option<crate::content::Date>| {
        d.map_or_else(|| "?".to_owned(), |d| d.strftime("%Y-%m").to_string())
    };
    let bullet = |text: String| Line::from(format!("• {}", sanitize(&text)));
    let mut lines = vec![Line::from(Span::styled("Finish date", theme.heading()))];
    match &advice.plan {
        Some(plan) => {
            let stands = match plan.standing {
                Standing::Met => "met now".to_owned(),
                Standing::Dated => format!("met around {} by time alone", month(plan.when_met)),
                Standing::Unknown => "open on a question".to_owned(),
                Standing::NotMet => "not met yet".to_owned(),
            };
            lines.push(Line::from(vec![
                Span::raw("Counted for your plan, "),
                Span::styled(sanitize(&plan.label()), theme.heading()),
                Span::raw(format!(" ({stands}).")),
            ]));
            lines.push(Line::from(if plan.standing == Standing::Met {
                "It needs no more school: only certification and licensing are counted."
            } else {
                "Only the school the plan still needs is counted, then certification and \
                 licensing, one step after another; school other routes would need is not."
            }));
        }
        None => lines.push(Line::from(
            "No plan yet (answer your background: p), so every required school step still \
             open is counted, then certification and licensing, one after another.",
        )),
    }
    lines.push(Line::from(match finish.waits_until {
        _ if finish.program_start.is_some() => format!(
            "The count starts {}, when your chosen program starts.",
            month(finish.program_start)
        ),
        Some(day) => format!(
            "The count starts {}: time alone meets the plan then (the experience you are \
             still earning, at full time).",
            month(Some(day))
        ),
        None => "The count starts today.".to_owned(),
    }));
    let sure = finish.counted.len() - finish.latest_only;
    for (title, weeks) in &finish.counted[..sure] {
        lines.push(bullet(format!("{title}: {}", weeks.words())));
    }
    if finish.latest_only > 0 {
        lines.push(Line::from(
            "Counted in the latest date only (an open question may make them unneeded):",
        ));
        for (title, weeks) in &finish.counted[sure..] {
            lines.push(bullet(format!("{title}: {}", weeks.words())));
        }
    }
    if !finish.untimed.is_empty() {
        lines.push(Line::from(
            "Open, so no date yet: the guide has no typical time for what meets these gaps \
             of your plan (ask the programs how long they run):",
        ));
        for gap in &finish.untimed {
            lines.push(bullet(gap.clone()));
        }
    }
    if finish.without_duration > 0 {
        lines.push(Line::from(Span::styled(
            format!(
                "{} step(s) ahead have no typical time in the guide and count as none.",
                finish.without_duration
            ),
            theme.muted(),
        )));
    }
    if !advice.covered.is_empty() {
        let choice = advice
            .covered
            .iter()
            .any(|(_, why)| *why == crate::advisor::programs::CHOICE_COVER);
        lines.push(Line::from(format!(
            "Done from your background{}, so left out of the date and the cost (your own \
             mark on a step wins):",
            if choice {
                " or your choice of program"
            } else {
                ""
            }
        )));
        for (title, why) in &advice.covered {
            lines.push(bullet(format!("{title} ({why})")));
        }
    }
    match (finish.expected, finish.earliest, finish.latest) {
        // The range in months: both ends in one month read as one date.
        (Some(expected), Some(earliest), Some(latest))
            if month(Some(earliest)) != month(Some(latest)) =>
        {
            lines.push(Line::from(format!(
                "Earliest {}: every step takes its shortest typical time{}. Latest {}: \
                 the longest{}. About {} is the middle.",
                month(Some(earliest)),
                if finish.assumed.is_empty() {
                    ""
                } else {
                    " and every open question goes your way"
                },
                month(Some(latest)),
                if finish.assumed.is_empty() {
                    ""
                } else {
                    ", and no open question does"
                },
                month(Some(expected)),
            )));
        }
        (Some(expected), ..) => {
            lines.push(Line::from(format!("About {}.", month(Some(expected)))));
        }
        _ if !finish.untimed.is_empty() => lines.push(Line::from(
            "Not known until the open gaps above have a time: ask the programs.",
        )),
        _ => lines.push(Line::from(
            "Not known: nothing left has a typical time in the guide.",
        )),
    }
    if !finish.assumed.is_empty() {
        lines.push(Line::from("Open questions:"));
        for question in &finish.assumed {
            lines.push(Line::from(format!("? {}", sanitize(question))));
        }
    }
    lines.push(Line::from(Span::styled(
        "Typical times from the guide; real paths often overlap steps.",
        theme.muted(),
    )));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Money still to spend",
        theme.heading(),
    )));
    let whose = cost.credential.as_deref().map_or_else(
        || "the range of every certifier's application fee (none chosen yet)".to_owned(),
        |c| format!("the {} application fee", sanitize(c)),
    );
    lines.push(Line::from(format!(
        "Summed: {whose} and the other fees of the steps still ahead, each with the \
         date its page shows. Fees change: check them before you pay."
    )));
    for (what, low, high, dated) in &cost.items {
        let amount = if low == high {
            format!("${low}")
        } else {
            format!("${low}–${high}")
        };
        lines.push(bullet(format!("{what}: {amount} ({dated})")));
    }
    for unknown in &cost.unknown {
        lines.push(Line::from(Span::styled(
            format!("• {}: unknown (not in the guide)", sanitize(unknown)),
            theme.warning(),
        )));
    }
    for note in &cost.notes {
        lines.push(Line::from(Span::styled(
            format!("Note: {}", sanitize(note)),
            theme.warning(),
        )));
    }
    if !cost.tuition.is_empty() {
        lines.push(Line::from(
            "Tuition, beside the fees and not in the sum (school is still ahead):",
        ));
        for t in &cost.tuition {
            lines.push(bullet(format!(
                "{}: {} Dated: {}.",
                t.label, t.text, t.dated
            )));
        }
    }
    lines
}

/// A license verdict as a symbol and a style, readable without colour.
pub fn license_mark(
    verdict: &str,
    theme: crate::theme::Theme,
) -> (&'static str, ratatui::style::Style) {
    match verdict {
        "accepted" => ("[✓]", theme.done()),
        "not_accepted" => ("[✗]", theme.error()),
        "no_license" => ("[-]", theme.muted()),
        _ => ("[?]", theme.warning()),
    }
}
