//! The dashboard: where the user stands and what to do next.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Sparkline, Wrap};

use crate::advisor::activity;
use crate::advisor::eligibility::Verdict;
use crate::advisor::{Advice, Progress};
use crate::app::{Action, App};
use crate::content::Area;
use crate::content::Date;
use crate::keymap;
use crate::text::sanitize;
use crate::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let advice = app.advice();
    let excluded = advice.excluded;
    let progress_rows = 7 + u16::from(excluded.not_applicable + excluded.skipped > 0);
    // A wide terminal puts the advice beside where you stand.
    let wide = area.width >= 150;
    let (left, right) = if wide {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        (left, Some(right))
    } else {
        (area, None)
    };
    // A short terminal keeps the overall line and gives the rest to advice;
    // its path and progress lose their borders first (decoration before
    // content), so the plan, the finish and the cost keep their rows.
    let roomy = wide || area.height >= 19;
    let path = path_paragraph(app, advice, roomy, left.width);
    // Its rows as wrapped at this width, borders included.
    let path_rows = u16::try_from(path.line_count(left.width)).unwrap_or(u16::MAX);
    let [path_area, progress, next] = Layout::vertical([
        Constraint::Length(path_rows),
        Constraint::Length(if roomy { progress_rows } else { 1 }),
        Constraint::Min(if wide { 0 } else { 3 }),
    ])
    .areas(left);
    frame.render_widget(path, path_area);
    draw_progress(frame, progress, app, roomy);
    draw_next(frame, right.unwrap_or(next), app, advice, roomy);
}

/// Goal, state and (with room) the license verdict, whole: it wraps
/// rather than being cut. Bordered only with room to spare.
fn path_paragraph(app: &App, advice: &Advice, roomy: bool, width: u16) -> Paragraph<'static> {
    let theme = app.theme;
    let goal = app.profile().goal;
    let state_key = keymap::key_for(&Action::ChooseState);
    let goal_key = keymap::key_for(&Action::SwitchGoal);
    let state = match app.profile().state.as_deref() {
        None => format!("not chosen yet (press {state_key})"),
        Some(code) => match app.guide().state(code) {
            Some(record) => format!("{}: {}", record.name, super::license_words(record.license)),
            None => format!(
                "\"{}\" is not in the guide (press {state_key})",
                sanitize(code)
            ),
        },
    };
    let lines = vec![
        Line::from(vec![
            Span::styled("Goal:  ", theme.heading()),
            Span::raw(format!(
                "{} · {} · {goal_key} changes",
                goal.short(),
                goal.title()
            )),
        ]),
        Line::from(vec![
            Span::styled("State: ", theme.heading()),
            Span::raw(state),
        ]),
    ];
    let mut lines = lines;
    if roomy && advice.license.is_none() {
        lines.push(Line::from(vec![
            Span::styled("License: ", theme.heading()),
            Span::raw(format!(
                "choose your state ({}) to see whether it licenses lab staff",
                keymap::key_for(&Action::ChooseState)
            )),
        ]));
    }
    if roomy && let Some(license) = &advice.license {
        let (symbol, style) = super::license_mark(license.verdict, theme);
        lines.push(Line::from(vec![
            Span::styled("License: ", theme.heading()),
            Span::styled(format!("{symbol} "), style),
            // Two rows at most, whole when it fits (a long verdict is cut,
            // with room to spare for word wrapping; all of it is on the
            // Licensing screen).
            Span::raw(crate::text::truncate(
                &license.text,
                (usize::from(width.saturating_sub(2)) * 2).saturating_sub(13 + 12),
            )),
        ]));
    }
    // With room, two rows; in a short terminal one, so a cycle's warning
    // still shows (the advice below gives up a row for it).
    let (inner, rows) = if roomy {
        (width.saturating_sub(2), 2)
    } else {
        (width, 1)
    };
    if let Some(line) = super::upkeep::dashboard_line(app, inner, rows) {
        lines.push(line);
    }
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: true });
    if roomy {
        paragraph.block(Block::default().borders(Borders::ALL).title(" Your path "))
    } else {
        paragraph
    }
}

/// A text bar that reads without colour: filled and empty cells differ in shape.
fn bar(progress: Progress, width: usize) -> String {
    let filled = progress.cells(width).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

fn progress_line(label: &str, progress: Progress, width: u16, theme: Theme) -> Line<'static> {
    let counts = format!(
        " {:>3}%  {:>3} done · {:>3} left",
        progress.percent(),
        progress.done,
        progress.left()
    );
    let label = format!(" {label:<14}");
    let used = label.chars().count() + counts.chars().count() + 2;
    let bar_width = usize::from(width).saturating_sub(used).clamp(4, 40);
    Line::from(vec![
        Span::styled(label, theme.heading()),
        Span::styled(bar(progress, bar_width), theme.gauge()),
        Span::raw(counts),
    ])
}

fn draw_progress(frame: &mut Frame, area: Rect, app: &App, roomy: bool) {
    let theme = app.theme;
    let width = area.width.saturating_sub(2);
    let advice = app.advice();
    let mut lines = vec![progress_line("Overall", advice.overall, width, theme)];
    let areas: &[Area] = if roomy { &Area::ALL } else { &[] };
    for &which in areas {
        lines.push(progress_line(
            which.title(),
            advice.area(which),
            width,
            theme,
        ));
    }
    let excluded = advice.excluded;
    let mut left_out = Vec::new();
    if excluded.not_applicable > 0 {
        left_out.push(format!(
            "{} step{} marked not applicable",
            excluded.not_applicable,
            if excluded.not_applicable == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    if excluded.skipped > 0 {
        left_out.push(format!("{} skipped", excluded.skipped));
    }
    if roomy && !left_out.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" {} (left out of the totals)", left_out.join(" · ")),
            theme.muted(),
        )));
    }
    // Steps done a week, as bars, and the streak in words.
    let today = advice.today;
    let weeks = usize::from(width.saturating_sub(15 + 38)).clamp(4, 26);
    let activity_row = lines.len();
    let streak = activity::streak_weeks(app.profile(), today);
    if roomy {
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<14}", "Activity"), theme.heading()),
            Span::raw(" ".repeat(weeks)),
            Span::raw(format!(
                "  steps done a week · streak: {streak} week{}",
                if streak == 1 { "" } else { "s" }
            )),
        ]));
    }
    let block = if roomy {
        Block::default().borders(Borders::ALL).title(" Progress ")
    } else {
        Block::default()
    };
    let inner = block.inner(area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if roomy {
        let data = activity::done_per_week(app.profile(), today, weeks);
        let row = inner.y + u16::try_from(activity_row).unwrap_or(0);
        if row < inner.bottom() {
            let bars = Rect::new(
                inner.x + 15,
                row,
                u16::try_from(weeks)
                    .unwrap_or(0)
                    .min(inner.width.saturating_sub(15)),
                1,
            );
            frame.render_widget(
                Sparkline::default()
                    .data(&data)
                    .max(data.iter().copied().max().unwrap_or(0).max(1))
                    .style(theme.done())
                    .absent_value_symbol("·"),
                bars,
            );
        }
    }
}

fn draw_next(frame: &mut Frame, area: Rect, app: &App, advice: &Advice, roomy: bool) {
    let theme = app.theme;
    // What matters most first: the step, the routes, the window, the finish;
    // the reason for the step after them, as room allows.
    let mut lines = match &advice.next {
        Some(next) => {
            let mut spans = vec![
                Span::styled(format!("{} › ", next.area.title()), theme.muted()),
                Span::styled(next.title.clone(), theme.heading()),
            ];
            // A short terminal has the key in its footer already.
            if roomy {
                spans.push(Span::styled(
                    format!("  ({} opens it)", keymap::key_for(&Action::Confirm)),
                    theme.muted(),
                ));
            }
            vec![Line::from(spans)]
        }
        None => vec![Line::from(Span::styled(
            "[x] Every required step is done. Keep your certification and license current.",
            theme.done(),
        ))],
    };
    lines.push(plan_line(app, advice).unwrap_or_else(|| routes_line(app, advice)));
    if let Some(route) = advice
        .closest
        .and_then(|i| advice.routes.get(i))
        .filter(|_| roomy)
    {
        let closes = route.closes.map(|d| d.to_string()).unwrap_or_default();
        let line = if route.closing_soon(advice.today).is_some() {
            Line::from(Span::styled(
                format!("⚠ {} closes on {closes}: apply before then.", route.label()),
                theme.warning(),
            ))
        } else {
            Line::from(format!(
                "Closest window: {} stays open until {closes}.",
                route.label()
            ))
        };
        lines.push(line);
    }
    lines.extend(finish_lines(app, advice));
    // The one answer that would narrow the plan (and its finish) most.
    if roomy && let Some(question) = advice.plan.as_ref().and_then(|p| p.question.as_ref()) {
        lines.push(Line::from(vec![
            Span::styled(
                format!("Answer first ({}): ", keymap::key_for(&Action::OpenSetup)),
                theme.heading(),
            ),
            Span::raw(question.clone()),
        ]));
    }
    let inner = Block::bordered().inner(area);
    let left = |lines: &[Line<'static>]| {
        usize::from(inner.height).saturating_sub(wrapped_rows(lines, inner.width))
    };
    if roomy && let Some(next) = &advice.next {
        // As many rows as are left, cut at a word with "…" (the step's
        // details, Enter, say it whole).
        let why = fit_rows(
            &format!("Why this step: {}", next.why),
            inner.width,
            left(&lines),
        );
        if !why.is_empty() {
            lines.push(Line::from(Span::styled(why, theme.muted())));
        }
    }
    let left = left(&lines);
    lines.extend(after_that(advice, theme, inner.width, left));
    let block = Block::default().borders(Borders::ALL).title(" Next step ");
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

/// The rows `lines` take wrapped at `width`.
fn wrapped_rows(lines: &[Line<'static>], width: u16) -> usize {
    Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: true })
        .line_count(width)
}

/// The required work after the next step, in path order, as many steps as
/// fit whole in `left` rows of `width` (with the heading; none when not
/// one fits). What the plan passed over before the next step is left out
/// when it is school (a credential held makes it unneeded), kept after the
/// rest otherwise (keeping a credential current, for someone who holds one).
fn after_that(advice: &Advice, theme: Theme, width: u16, left: usize) -> Vec<Line<'static>> {
    // The next step, or the choice it is an option of.
    let is_next = |id: &str| {
        advice.next.as_ref().is_some_and(|n| {
            n.step == id
                || n.step
                    .strip_prefix(id)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    };
    let at = advice
        .upcoming
        .iter()
        .position(|u| is_next(&u.step))
        .map_or(0, |i| i + 1);
    let later = advice.upcoming[at..].iter().chain(
        advice.upcoming[..at]
            .iter()
            .filter(|u| u.area != Area::Education && !is_next(&u.step)),
    );
    let mut after = vec![Line::from(Span::styled("After that", theme.heading()))];
    let mut left = left.saturating_sub(1);
    for step in later {
        let line = Line::from(vec![
            Span::raw(format!("{} ", step.check.symbol())),
            Span::raw(step.title.clone()),
            Span::styled(format!(" ({})", step.area.title()), theme.muted()),
        ]);
        let needs = wrapped_rows(std::slice::from_ref(&line), width);
        if needs > left {
            break;
        }
        left -= needs;
        after.push(line);
    }
    if after.len() == 1 {
        after.clear();
    }
    after
}

/// "Plan: [✗] MLT(ASCP) Route 3 · not met · New York accepts it": the plan
/// in one line, when there is one (the routes line otherwise).
fn plan_line(app: &App, advice: &Advice) -> Option<Line<'static>> {
    use crate::advisor::plan::Standing;
    let theme = app.theme;
    let plan = advice.plan.as_ref()?;
    let (verdict, words) = match plan.standing {
        Standing::Met => (Verdict::Met, "met".to_owned()),
        Standing::Dated => (
            Verdict::NotMet,
            plan.when_met.map_or_else(
                || "not met".to_owned(),
                |d| format!("met around {}", d.strftime("%Y-%m")),
            ),
        ),
        Standing::Unknown => (Verdict::Unknown, "open on a question".to_owned()),
        Standing::NotMet => (Verdict::NotMet, "not met".to_owned()),
    };
    let state = app
        .profile()
        .state
        .as_deref()
        .and_then(|c| app.guide().state(c))
        .map_or("your state", |s| s.name.as_str());
    let accepted = match plan.accepted {
        Some(true) => format!(" · {state} accepts it"),
        Some(false) => format!(" · {state} does not accept it"),
        None => String::new(),
    };
    let style = if verdict == Verdict::Met {
        theme.done()
    } else {
        theme.heading()
    };
    Some(Line::from(vec![
        Span::styled("Plan: ", theme.heading()),
        Span::styled(format!("{} {}", verdict.symbol(), plan.label()), style),
        Span::raw(format!(" · {words}{accepted}")),
    ]))
}

/// "Routes: [✓] MLT(ASCP) Route 3 met · 2 unknown".
fn routes_line(app: &App, advice: &Advice) -> Line<'static> {
    let theme = app.theme;
    let count = |v: Verdict| advice.routes.iter().filter(|r| r.verdict == v).count();
    let met: Vec<String> = advice
        .routes
        .iter()
        .filter(|r| r.verdict == Verdict::Met)
        .map(crate::advisor::Standing::label)
        .collect();
    let mut spans = vec![Span::styled("Routes: ", theme.heading())];
    if met.is_empty() {
        spans.push(Span::raw("none met yet"));
    } else {
        spans.push(Span::styled(
            format!("{} {} met", Verdict::Met.symbol(), met.join(", ")),
            theme.done(),
        ));
    }
    let unknown = count(Verdict::Unknown);
    if unknown > 0 {
        spans.push(Span::raw(format!(
            " · {} {unknown} unknown ({} answers)",
            Verdict::Unknown.symbol(),
            keymap::key_for(&Action::OpenSetup)
        )));
    }
    let not_met = count(Verdict::NotMet);
    if not_met > 0 {
        spans.push(Span::raw(format!(
            " · {} {not_met} not met",
            Verdict::NotMet.symbol()
        )));
    }
    Line::from(spans)
}

/// "Finish: about 2028-09 (2027-11 to 2029-07) · Still to pay: $215–$225 + unknown".
fn finish_lines(app: &App, advice: &Advice) -> [Line<'static>; 2] {
    let theme = app.theme;
    let month =
        |d: Option<Date>| d.map_or_else(|| "?".to_owned(), |d| d.strftime("%Y-%m").to_string());
    let finish = match (
        advice.finish.expected,
        advice.finish.earliest,
        advice.finish.latest,
    ) {
        // Both ends in the same month: one date, not a range of one.
        (Some(e), Some(lo), Some(hi)) if month(Some(lo)) == month(Some(hi)) => {
            format!("about {}", month(Some(e)))
        }
        (Some(e), lo, hi) => format!("about {} ({} to {})", month(Some(e)), month(lo), month(hi)),
        _ => "unknown".to_owned(),
    };
    let cost = &advice.cost;
    let mut money = if cost.usd_min == cost.usd_max {
        format!("${}", cost.usd_min)
    } else {
        format!("${}–${}", cost.usd_min, cost.usd_max)
    };
    if !cost.unknown.is_empty() {
        money.push_str(" + unknown");
    }
    [
        Line::from(vec![
            Span::styled("Finish: ", theme.heading()),
            Span::raw(finish),
        ]),
        Line::from(vec![
            Span::styled("Still to pay: ", theme.heading()),
            Span::raw(money),
            Span::styled(
                format!(" ({} explains)", keymap::key_for(&Action::Explain)),
                theme.muted(),
            ),
        ]),
    ]
}

/// `text` as it fits in `rows` rows of `width` when wrapped: whole, or cut
/// at a word with "…"; empty when not even a word fits.
fn fit_rows(text: &str, width: u16, rows: usize) -> String {
    let fits = |t: &str| {
        Paragraph::new(t)
            .wrap(Wrap { trim: true })
            .line_count(width)
            <= rows
    };
    if rows == 0 {
        return String::new();
    }
    if fits(text) {
        return text.to_owned();
    }
    let mut words: Vec<&str> = text.split(' ').collect();
    while !words.is_empty() {
        words.pop();
        let cut = format!("{}…", words.join(" "));
        if !words.is_empty() && fits(&cut) {
            return cut;
        }
    }
    String::new()
}
