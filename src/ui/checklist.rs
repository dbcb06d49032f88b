//! A checklist screen: the steps with checkboxes, and the selected step's
//! details and sources beside them.

use std::borrow::Cow;
use std::cell::RefMut;
use std::fmt::Write as _;

use crate::ui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::advisor::eligibility::{self, Verdict};
use crate::advisor::{self, Check, plan};
use crate::app::{Action, App, ChecklistView, DetailsCache, DetailsKey, Mode};
use crate::content::{
    Area, Caveat, Date, Fact, Guide, Level, LicenseTitle, Panel, Step, Tier, Weeks,
};
use crate::keymap;
use crate::profile::Profile;
use crate::text::sanitize;
use crate::theme::Theme;
use crate::ui::{layout, paint, wrap};

/// The state line (Licensing only), the list and the details pane.
fn areas(area: Rect, which: Area) -> [Rect; 3] {
    let info_height = if which == Area::Licensing { 2 } else { 0 };
    let [info, body] = layout::column(area, [info_height, 1], 1);
    // About half, but a wide terminal gives the extra room to the details
    // rather than stretching the titles.
    let list_width = (body.width * 48 / 100).min(64);
    let [list, details] = layout::row(body, [list_width, 1], 1);
    [info, list, details]
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, which: Area) {
    let [info, list_area, details_area] = areas(area, which);
    if which == Area::Licensing {
        draw_state_info(frame, info, app);
    }
    draw_list(frame, list_area, app, which);
    draw_details(frame, details_area, app, which);
}

/// The two lines above the Licensing list: the user's state and its rule.
fn draw_state_info(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let state_key = keymap::key_for(&Action::ChooseState);
    let width = usize::from(area.width);
    let lines = match app.profile.state.as_deref() {
        None => vec![
            Line::from(Span::styled(" No state chosen yet.", theme.warning())),
            Line::from(format!(
                " Press {state_key} to choose your state and see its rules."
            )),
        ],
        Some(code) => match app.guide.state(code) {
            None => vec![
                Line::from(Span::styled(
                    format!(" medtech has no record for \"{}\".", sanitize(code)),
                    theme.warning(),
                )),
                Line::from(format!(
                    " Press {state_key} to choose a state from the list."
                )),
            ],
            Some(record) => {
                let mut first = vec![
                    Span::styled(format!(" {}: ", record.name), theme.heading()),
                    Span::raw(super::license_words(record.license)),
                ];
                if record.caveat.is_some() {
                    first.push(Span::styled(" [verify]", theme.warning()));
                }
                // The key hint is kept whole; the body's name gives way.
                let hint = format!(" · {state_key} changes state");
                let second = match &record.body {
                    Some(body) => format!(
                        " {}{hint}",
                        truncate(body, width.saturating_sub(hint.chars().count() + 1))
                    ),
                    None => format!(" {state_key} changes state"),
                };
                vec![
                    Line::from(first),
                    Line::from(Span::styled(second, theme.muted())),
                ]
            }
        },
    };
    frame.render_widget(Paragraph::new(lines), area);
}

pub(crate) fn check_style(theme: Theme, check: Check) -> Style {
    match check {
        Check::Done => theme.done(),
        Check::Partly | Check::InProgress => theme.partly(),
        Check::NotApplicable | Check::Skipped => theme.muted(),
        Check::Todo => theme.todo(),
    }
}

/// The word shown after a row's title for statuses a box alone would not
/// make plain.
fn row_word(check: Check) -> Option<&'static str> {
    match check {
        Check::InProgress => Some("in progress"),
        Check::NotApplicable => Some("n/a"),
        Check::Skipped => Some("skipped"),
        Check::Partly => Some("partly"),
        Check::Todo | Check::Done => None,
    }
}

#[allow(clippy::too_many_lines)]
fn draw_list(frame: &mut Frame, area: Rect, app: &App, which: Area) {
    let theme = app.theme;
    let goal = app.profile.goal;
    let rows = app.rows(which);
    let len = rows.len();
    let view = app.view(which);
    let visible = area.height.saturating_sub(2);
    let height = usize::from(visible).max(1);
    // Keep the selection in view, as ratatui's List would, and build only
    // the rows that show: the cost follows the screen, not the guide.
    let selected = view.cursor().min(len.saturating_sub(1));
    let mut offset = view.list.get().offset();
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset = offset.min(len.saturating_sub(height));
    // Inside the borders, the selection marker and the scrollbar.
    let room = usize::from(area.width.saturating_sub(4));
    let item = |index: usize| -> Line<'static> {
        let row = &rows[index];
        let check = advisor::check(row.step, &app.profile);
        let verify = row.step.caveat.is_some();
        let note = !app.profile.note(&row.step.id).is_empty();
        // Marked by the user first; else what the background says.
        let not_for_you = (check == Check::Todo)
            .then(|| plan::not_for_user(&app.profile, &row.step.id))
            .flatten();
        let word = row_word(check).or(not_for_you);
        // "Not for you" says more than "optional": one marker, not two.
        let optional = row.depth == 0 && !row.step.is_required_for(goal) && not_for_you.is_none();
        // Markers always show; the title gives way with an ellipsis.
        let markers = if optional { 11 } else { 0 }
            + if verify { 2 } else { 0 }
            + if note { 2 } else { 0 }
            + word.map_or(0, |w| w.chars().count() + 3);
        let fixed = 2 * row.depth + 4 + markers;
        let mut spans = vec![
            Span::raw("  ".repeat(row.depth)),
            Span::styled(check.symbol(), check_style(theme, check)),
            Span::raw(" "),
            Span::raw(truncate(&row.step.title, room.saturating_sub(fixed))),
        ];
        if let Some(word) = word {
            spans.push(Span::styled(
                format!(" · {word}"),
                check_style(theme, check),
            ));
        }
        if optional {
            spans.push(Span::styled(" (optional)", theme.muted()));
        }
        if note {
            spans.push(Span::styled(" ✎", theme.muted()));
        }
        if verify {
            spans.push(Span::styled(" !", theme.warning()));
        }
        Line::from(spans)
    };
    let progress = app.area_progress(which);
    let mut title = format!(
        " {} · {} of {} done ",
        which.title(),
        progress.done,
        progress.total
    );
    if which == Area::Certification {
        let met = app.route_summary().met;
        let more = format!("· {met} route{} met ", if met == 1 { "" } else { "s" });
        // Only when it fits: the title must not be cut.
        if title.chars().count() + more.chars().count() + 2 <= usize::from(area.width) {
            title.push_str(&more);
        }
    }
    // A title never runs into the corner: cut with an ellipsis.
    let title = crate::text::truncate(&title, usize::from(area.width.saturating_sub(2)));
    let inner = Block::bordered().inner(area);
    paint::bordered(frame.buffer_mut(), area, &Line::from(title));
    // Drawn as ratatui's `List` draws it (a "›" before the selected row,
    // which takes the selection style), straight into the cells.
    let shown = offset..(offset + height).min(len);
    paint::list_rows(
        frame.buffer_mut(),
        inner,
        shown,
        selected,
        theme.selected(),
        item,
    );
    let state = view
        .list
        .get()
        .with_offset(offset)
        .with_selected((len > 0).then_some(selected));
    view.list.set(state);
    view.list_rect.set(inner);
    // Say what is out of sight, in words and with a scrollbar.
    let above = state.offset();
    let below = len.saturating_sub(above + usize::from(visible));
    let mut more = Vec::new();
    if above > 0 {
        more.push(format!("↑ {above} more"));
    }
    if below > 0 {
        more.push(format!("↓ {below} more"));
    }
    if !more.is_empty() {
        let text = format!(" {} ", more.join(" · "));
        let width = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
        let x = area.x + area.width.saturating_sub(width + 2);
        let rect = Rect::new(x, area.bottom().saturating_sub(1), width.min(area.width), 1);
        frame.render_widget(Paragraph::new(Span::styled(text, theme.key())), rect);
        let mut bar = ScrollbarState::new(len.saturating_sub(usize::from(visible)))
            .position(above)
            .viewport_content_length(usize::from(visible));
        let track = Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(2),
        );
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│"))
                .thumb_symbol("█"),
            track,
            &mut bar,
        );
    }
}

/// Shortens text to `width` columns, ending in "…" when cut.
pub(crate) fn truncate(text: &str, width: usize) -> String {
    crate::text::truncate(text, width)
}

/// The details of `step` for a pane of `area`: from the cache, or built and
/// kept; either way wrapped down to row `wanted` (or the end). Returns the
/// cache and the entry's place in it.
fn cached_details<'v>(
    view: &'v ChecklistView,
    app: &App,
    which: Area,
    step: Option<&Step>,
    area: Rect,
    wanted: usize,
) -> (RefMut<'v, Vec<DetailsCache>>, usize) {
    let key = DetailsKey {
        step: step.map(|s| s.id.clone()),
        width: area.width,
        revision: app.revision,
        today: app.clock.today(),
        theme: app.theme,
    };
    // Building and wrapping the details is most of a frame's work: do it
    // again only when what they show has changed.
    let mut cache = view.details_cache.borrow_mut();
    // Keys of another revision, date or theme will never match again.
    cache.retain(|c| {
        c.key.revision == key.revision && c.key.today == key.today && c.key.theme == key.theme
    });
    let width = area.width.saturating_sub(2);
    let index = if let Some(i) = cache.iter().position(|c| c.key == key) {
        i
    } else {
        let (lines, complete) = build(app, which, step, width, wanted);
        if cache.len() >= 8 {
            cache.remove(0);
        }
        cache.push(DetailsCache {
            key,
            lines,
            complete,
            limit: wanted,
            wrapped: Vec::new(),
        });
        cache.len() - 1
    };
    let entry = &mut cache[index];
    let mut known: usize = entry.wrapped.iter().map(Vec::len).sum();
    loop {
        while known < wanted && entry.wrapped.len() < entry.lines.len() {
            let rows = wrap::wrap(&entry.lines[entry.wrapped.len()], width);
            known += rows.len();
            entry.wrapped.push(rows);
        }
        if known >= wanted || entry.complete {
            break;
        }
        // Read past what was built: build twice as far (the limit always
        // grows, so this ends, however few rows the lines wrap to). The
        // lines built before come out the same, so their rows are kept.
        entry.limit = entry.limit.max(wanted).saturating_mul(2);
        let (lines, complete) = build(app, which, step, width, entry.limit);
        entry.lines = lines;
        entry.complete = complete;
    }
    (cache, index)
}

/// The details of `step` (or a line saying there is nothing) at `width`
/// until they fill `limit` rows, and whether that is all of them.
fn build(
    app: &App,
    which: Area,
    step: Option<&Step>,
    width: u16,
    limit: usize,
) -> (Vec<Line<'static>>, bool) {
    match step {
        Some(step) => details(step, app, which, width, limit),
        None => (vec![Line::from("Nothing to show here yet.")], true),
    }
}

/// Builds the details of the selected step a page further than shown, of
/// the steps just above and below it, and of the selected step on the
/// other checklists already shown, as far as their first page: done after
/// a frame is on screen and while no key waits, so that paging, moving or
/// switching to them finds them ready.
pub fn prefetch(app: &App) {
    let Some(current) = app.screen.area() else {
        return;
    };
    if !matches!(app.mode, Mode::Normal) {
        return;
    }
    for which in Area::ALL {
        // Only the checklists already drawn: one never shown is not read.
        let Some(area) = app.drawn_details(which) else {
            continue;
        };
        let view = app.view(which);
        let rows = app.rows(which);
        let cursor = view.cursor();
        let wanted = usize::from(area.height.saturating_sub(2)) + 1;
        if which == current
            && let Some(row) = rows.get(cursor)
        {
            // The selected step's next page, for a `PgDn`.
            let next = usize::from(view.details_scroll) + 2 * usize::from(area.height) + 1;
            drop(cached_details(view, app, which, Some(row.step), area, next));
        }
        let places = if which == current {
            [cursor + 1, cursor.wrapping_sub(1)]
        } else {
            [cursor, usize::MAX]
        };
        for index in places {
            if let Some(row) = rows.get(index) {
                drop(cached_details(
                    view,
                    app,
                    which,
                    Some(row.step),
                    area,
                    wanted,
                ));
            }
        }
    }
}

fn draw_details(frame: &mut Frame, area: Rect, app: &App, which: Area) {
    let view = app.view(which);
    let step = app.selected_step();
    // Wrap what is shown and one row more (to know there is more), no
    // further: a new step costs a page, and a frame copies the rows in view.
    let visible = area.height.saturating_sub(2);
    let wanted = usize::from(view.details_scroll) + usize::from(visible) + 1;
    let (cache, index) = cached_details(view, app, which, step, area, wanted);
    let cached = &cache[index];
    // Say when there is more to read, and never scroll past the end. While
    // the text is not wrapped to its end, scrolling may go as far as what
    // is wrapped (the next frame wraps on, and stops at the end).
    let known: usize = cached.wrapped.iter().map(Vec::len).sum();
    let complete = cached.complete && cached.wrapped.len() == cached.lines.len();
    let last_top = if complete {
        known.saturating_sub(usize::from(visible))
    } else {
        known
    };
    let max_scroll = u16::try_from(last_top).unwrap_or(u16::MAX);
    view.details_max.set(max_scroll);
    view.details_rect.set(area);
    let scroll = view.details_scroll.min(max_scroll);
    let up = keymap::key_for(&Action::DetailsUp);
    let down = keymap::key_for(&Action::DetailsDown);
    let mut title = vec![Span::raw(" Details ")];
    if scroll > 0 {
        title.push(Span::styled(format!("↑ {up} "), app.theme.key()));
    }
    if scroll < max_scroll {
        title.push(Span::styled(format!("↓ {down} more "), app.theme.key()));
    }
    let inner = Block::bordered().inner(area);
    let buf = frame.buffer_mut();
    paint::bordered(buf, area, &Line::from(title));
    let rows = cached.wrapped.iter().flatten().skip(usize::from(scroll));
    for (y, row) in (0..inner.height).zip(rows) {
        wrap::draw_row(buf, inner, y, row);
    }
}

fn weeks_words(weeks: Weeks) -> String {
    // Whole months, rounded to the nearest (4.345 weeks a month).
    let months = |w: u16| (u32::from(w) * 1000 + 2172) / 4345;
    let (unit, min, max) = if weeks.max < 9 {
        ("weeks", u32::from(weeks.min), u32::from(weeks.max))
    } else {
        ("months", months(weeks.min), months(weeks.max))
    };
    if min == max {
        format!("about {max} {unit}")
    } else if min == 0 {
        format!("up to {max} {unit}")
    } else {
        format!("about {min}–{max} {unit}")
    }
}

fn status_line(step: &Step, profile: &Profile, theme: Theme) -> Line<'static> {
    let check = advisor::check(step, profile);
    let words = match check {
        Check::Done => match profile.done_on(&step.id) {
            Some(date) => format!("{} Done on {date}", check.symbol()),
            None => format!("{} Done", check.symbol()),
        },
        Check::Partly => {
            let done = step
                .substeps
                .iter()
                .filter(|s| advisor::check(s, profile) == Check::Done)
                .count();
            format!(
                "{} Partly done: {done} of {}",
                check.symbol(),
                step.substeps.len()
            )
        }
        Check::Todo if step.one_of => {
            format!("{} To do: mark the option you took", check.symbol())
        }
        other => {
            let word = other.word();
            let mut chars = word.chars();
            let word = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default();
            format!("{} {word}", other.symbol())
        }
    };
    Line::from(vec![
        Span::styled("Status: ", theme.heading()),
        Span::styled(words, check_style(theme, check)),
    ])
}

fn caveat_line(caveat: &Caveat, theme: Theme) -> Line<'static> {
    let (label, text) = match caveat {
        Caveat::Unverified(t) => ("⚠ Verify: ", t),
        Caveat::Conflict(t) => ("⚠ Sources disagree: ", t),
    };
    Line::from(vec![
        Span::styled(label, theme.warning()),
        Span::raw(text.clone()),
    ])
}

/// Numbers each cited source in order of first citation.
struct Citations<'g> {
    guide: &'g Guide,
    ids: Vec<&'g str>,
    /// Sources checked more than a year before this are flagged.
    today: Date,
}

impl<'g> Citations<'g> {
    fn mark(&mut self, ids: &'g [String]) -> String {
        let mut marks = String::new();
        for id in ids.iter().map(String::as_str) {
            let n = if let Some(i) = self.ids.iter().position(|x| *x == id) {
                i + 1
            } else {
                self.ids.push(id);
                self.ids.len()
            };
            let _ = write!(marks, "[{n}]");
        }
        marks
    }

    fn lines(&self, theme: Theme) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for (i, id) in self.ids.iter().enumerate() {
            let Some(source) = self.guide.source(id) else {
                out.push(Line::from(format!("[{}] {id} (missing source)", i + 1)));
                continue;
            };
            out.push(Line::from(vec![
                Span::styled(format!("[{}] ", i + 1), theme.heading()),
                Span::raw(format!("{} — {}", source.title, source.publisher)),
            ]));
            out.push(Line::from(Span::styled(
                format!("    {}", source.url),
                theme.link(),
            )));
            let mut meta = match source.checked {
                Some(day) => format!("    written {} · page checked {day}", source.verified),
                None => format!(
                    "    written {} · not re-checked since written",
                    source.verified
                ),
            };
            let last = source.checked.unwrap_or(source.verified);
            if last.saturating_add(jiff::Span::new().years(1)) < self.today {
                meta.push_str(" (over a year ago)");
            }
            if let Some(dated) = &source.dated {
                let _ = write!(meta, " · page: {dated}");
            }
            match source.tier {
                Tier::Official => meta.push_str(" · official"),
                Tier::Copy => meta.push_str(" · copy of an official text"),
                Tier::ThirdParty => meta.push_str(" · third party"),
            }
            out.push(Line::from(Span::styled(meta, theme.muted())));
        }
        out
    }
}

/// The steps above `id` on this checklist, outermost first.
fn ancestors<'g>(app: &'g App, which: Area, id: &str) -> Vec<&'g Step> {
    fn find<'g>(step: &'g Step, id: &str, path: &mut Vec<&'g Step>) -> bool {
        if step.id == id {
            return true;
        }
        path.push(step);
        if step.substeps.iter().any(|s| find(s, id, path)) {
            return true;
        }
        path.pop();
        false
    }
    let mut path = Vec::new();
    for top in app
        .guide
        .steps(which, app.profile.goal, app.profile.state.as_deref())
    {
        if find(top, id, &mut path) {
            break;
        }
    }
    path
}

/// The details' lines, built only as far as they are read: lists and
/// sections stop once the lines fill `limit` rows (see [`DetailLines::room`]), so
/// a step whose details run long costs the page shown, not its length.
struct DetailLines {
    lines: Vec<Line<'static>>,
    /// The pane's width, and the rows to fill in it.
    width: usize,
    limit: usize,
    /// The rows the first `counted` lines take at least (a line of `n`
    /// columns takes `n / width` rows or more once wrapped at words).
    rows: usize,
    counted: usize,
}

impl DetailLines {
    fn full(&mut self) -> bool {
        for line in &self.lines[self.counted..] {
            self.rows += line.width().div_ceil(self.width.max(1)).max(1);
        }
        self.counted = self.lines.len();
        self.rows >= self.limit
    }

    /// `None` once the limit is reached: `?` after a section ends the build.
    fn room(&mut self) -> Option<()> {
        (!self.full()).then_some(())
    }
}

impl std::ops::Deref for DetailLines {
    type Target = Vec<Line<'static>>;
    fn deref(&self) -> &Self::Target {
        &self.lines
    }
}

impl std::ops::DerefMut for DetailLines {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.lines
    }
}

/// The details of `step` wrapped to `width` columns, built until they fill
/// `limit` rows (a little past, as a section ends where it ends), and
/// whether they are all there.
fn details(
    step: &Step,
    app: &App,
    which: Area,
    width: u16,
    limit: usize,
) -> (Vec<Line<'static>>, bool) {
    let mut lines = DetailLines {
        lines: Vec::with_capacity(limit.min(256)),
        width: usize::from(width),
        limit,
        rows: 0,
        counted: 0,
    };
    let complete = details_into(&mut lines, step, app, which).is_some();
    (lines.lines, complete)
}

fn details_into(lines: &mut DetailLines, step: &Step, app: &App, which: Area) -> Option<()> {
    let theme = app.theme;
    let goal = app.profile.goal;
    let mut cites = Citations {
        guide: app.guide,
        ids: Vec::new(),
        today: app.clock.today(),
    };
    lines.extend([
        Line::from(Span::styled(step.title.clone(), theme.heading())),
        Line::from(Span::styled(step.summary.clone(), theme.muted())),
        Line::default(),
        status_line(step, &app.profile, theme),
    ]);
    // A sub-step is only as required as every step above it.
    let path = ancestors(app, which, &step.id);
    let required = step.is_required_for(goal) && path.iter().all(|s| s.is_required_for(goal));
    let mut meta = match path.last() {
        Some(parent) if parent.one_of => format!("One option of “{}”", parent.title),
        _ if required => format!("Required for {}", goal.short()),
        _ => format!("Optional for {}", goal.short()),
    };
    if let Some(weeks) = step.duration {
        let _ = write!(meta, " · typical time: {}", weeks_words(weeks));
    }
    lines.push(Line::from(meta));
    if which == Area::Education
        && advisor::check(step, &app.profile) != Check::Done
        && let Some(route) = app.route_summary().first_met
    {
        lines.push(Line::from(Span::styled(
            format!(
                "{} Your background already meets {route}: certification does not need this step.",
                Verdict::Met.symbol(),
            ),
            theme.done(),
        )));
    }
    let note = app.profile.note(&step.id);
    if !note.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Your note ✎", theme.heading())));
        for line in note.lines() {
            lines.room()?;
            lines.push(Line::from(sanitize(line)));
        }
    }
    if let Some(caveat) = &step.caveat {
        lines.push(caveat_line(caveat, theme));
    }
    // The user's own routes are what this step is for: show them first.
    if step.panels.contains(&Panel::Routes) {
        push_routes(lines, app, &mut cites);
    }
    for (label, text) in [("What", &step.what), ("Why", &step.why), ("How", &step.how)] {
        lines.room()?;
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(label, theme.heading())));
        lines.push(Line::from(Cow::from(text.clone())));
    }
    let state_record = app
        .profile
        .state
        .as_deref()
        .and_then(|code| app.guide.state(code))
        .filter(|record| {
            record.steps.iter().any(|s| s.id == step.id)
                || app
                    .guide
                    .no_license_step
                    .as_ref()
                    .is_some_and(|s| s.id == step.id)
        });
    lines.room()?;
    push_facts(lines, "Facts", &step.facts, &mut cites, theme);
    lines.room()?;
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Sources for this step ", theme.heading()),
        Span::raw(cites.mark(&step.sources)),
    ]));
    for panel in &step.panels {
        lines.room()?;
        match panel {
            Panel::Routes => {}
            Panel::Certifiers => push_certifiers(lines, app, &mut cites),
            Panel::Career => {
                push_facts(lines, "The job", &app.guide.career, &mut cites, theme);
            }
        }
    }
    lines.room()?;
    if let Some(record) = state_record {
        push_state(lines, app, record, &mut cites);
        lines.room()?;
    }
    // The sources cited above: as many as the lines shown cite.
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Sources", theme.heading())));
    lines.extend(cites.lines(theme));
    Some(())
}

/// Every credential for the user's goal with its eligibility routes, each
/// with its verdict for this user and the reasons.
fn push_routes<'g>(lines: &mut DetailLines, app: &'g App, cites: &mut Citations<'g>) {
    let theme = app.theme;
    let goal = app.profile.goal;
    let today = app.clock.today();
    let advice = eligibility::for_goal(app.guide, &app.profile, today);
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("Your routes to {} (meet all of one route)", goal.short()),
        theme.heading(),
    )));
    if app.profile.background.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "Answer the setup ({}) so medtech can tell which routes you meet.",
                keymap::key_for(&Action::OpenSetup)
            ),
            theme.warning(),
        )));
    }
    lines.push(Line::from(Span::styled(
        "A planning aid: confirm your route with the certifier before you apply.",
        theme.muted(),
    )));
    let mut last_credential = "";
    for route in &advice {
        if lines.full() {
            return;
        }
        let credential = route.credential;
        if credential.id != last_credential {
            last_credential = &credential.id;
            lines.push(Line::default());
            lines.push(Line::from(vec![
                Span::styled(credential.name.clone(), theme.heading()),
                Span::raw(format!(" — {}", credential.summary)),
            ]));
        }
        let (symbol, word) = (route.verdict.symbol(), route.verdict.word());
        let style = verdict_style(theme, route.verdict);
        lines.push(Line::from(vec![
            Span::styled(format!("{symbol} {} · {word}", route.route.name), style),
            Span::raw(format!(" {}", cites.mark(&route.route.sources))),
        ]));
        lines.push(Line::from(format!("  {}", route.route.summary)));
        if let Some(closes) = route.closing_soon(today) {
            lines.push(Line::from(Span::styled(
                format!(
                    "  ⚠ {} closes on {closes}: apply before then.",
                    route.route.name
                ),
                theme.warning(),
            )));
        }
        for reason in &route.reasons {
            let mut spans = vec![Span::raw(format!("  {}", reason.text))];
            if let Some(step) = reason.step.as_deref().and_then(|id| app.guide.step(id)) {
                spans.push(Span::styled(
                    format!(" → step: {}", step.1.title),
                    theme.muted(),
                ));
            }
            lines.push(Line::from(spans));
        }
        if let Some(warning) = route.third_party_warning(app.guide) {
            lines.push(Line::from(Span::styled(
                format!("  {warning}"),
                theme.warning(),
            )));
        }
        if let Some(caveat) = &route.route.caveat {
            lines.push(caveat_line(caveat, theme));
        }
    }
}

fn verdict_style(theme: Theme, verdict: Verdict) -> Style {
    match verdict {
        Verdict::Met => theme.done(),
        Verdict::NotMet => theme.error(),
        Verdict::Unknown => theme.warning(),
        Verdict::Closed => theme.muted(),
    }
}

/// The certifiers, what they grant, and their facts.
fn push_certifiers<'g>(lines: &mut DetailLines, app: &'g App, cites: &mut Citations<'g>) {
    let theme = app.theme;
    for certifier in &app.guide.certifiers {
        if lines.full() {
            return;
        }
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(certifier.name.clone(), theme.heading()),
            Span::raw(format!(" {}", cites.mark(&certifier.sources))),
        ]));
        lines.push(Line::from(Cow::from(certifier.summary.clone())));
        let credentials: Vec<&str> = app
            .guide
            .credentials
            .iter()
            .filter(|c| c.certifier == certifier.id)
            .map(|c| c.name.as_str())
            .collect();
        if !credentials.is_empty() {
            lines.push(Line::from(format!(
                "Credentials: {}",
                credentials.join(", ")
            )));
        }
        push_facts(lines, "", &certifier.facts, cites, theme);
    }
}

fn push_facts<'g>(
    lines: &mut DetailLines,
    heading: &str,
    facts: &'g [Fact],
    cites: &mut Citations<'g>,
    theme: Theme,
) {
    if facts.is_empty() {
        return;
    }
    if !heading.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            heading.to_owned(),
            theme.heading(),
        )));
    }
    for fact in facts {
        if lines.full() {
            return;
        }
        lines.push(Line::from(vec![
            Span::styled(format!("• {}: ", fact.label), theme.heading()),
            Span::raw(format!("{} {}", fact.text, cites.mark(&fact.sources))),
        ]));
        if let Some(caveat) = &fact.caveat {
            lines.push(caveat_line(caveat, theme));
        }
    }
}

/// A license title with its level, without saying the same word twice
/// ("Technician", not "Technician (Technician)").
fn title_words(title: &LicenseTitle) -> String {
    let level = match title.level {
        Level::Trainee => "trainee level",
        Level::Technician => "technician level",
        Level::Technologist => "technologist level",
        Level::Other => "",
    };
    let name_says_it = level
        .split(' ')
        .next()
        .is_some_and(|word| title.name.to_lowercase().contains(word));
    if level.is_empty() || name_says_it {
        format!("• {}", title.name)
    } else {
        format!("• {} ({level})", title.name)
    }
}

/// The state's table of accepted credentials for the user's license level.
fn push_acceptance<'g>(
    lines: &mut DetailLines,
    app: &'g App,
    record: &'g crate::content::StateRecord,
    cites: &mut Citations<'g>,
) {
    let theme = app.theme;
    if record.accepts.is_empty() {
        if let Some(ask) = &record.accepts_unknown {
            lines.push(Line::from(vec![
                Span::styled("Accepted certifications: unknown. ", theme.warning()),
                Span::raw(ask.clone()),
            ]));
        }
        return;
    }
    let level = match app.profile.goal {
        crate::content::Goal::Mlt => Level::Technician,
        crate::content::Goal::Mls => Level::Technologist,
    };
    let rows: Vec<_> = record.accepts.iter().filter(|a| a.level == level).collect();
    if rows.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("Certifications {} accepts at this level", record.name),
        theme.heading(),
    )));
    for row in rows {
        if lines.full() {
            return;
        }
        let name = app
            .guide
            .credential(&row.credential)
            .map_or(row.credential.as_str(), |c| c.name.as_str());
        let (symbol, word) = match row.accepts {
            crate::content::Accepts::Yes => ("[✓]", "accepted"),
            crate::content::Accepts::No => ("[✗]", "not accepted"),
            crate::content::Accepts::Unknown => ("[?]", "unconfirmed"),
        };
        let mut text = format!("{symbol} {name}: {word}");
        if let Some(from) = row.exam_from {
            let _ = write!(text, " (exams from {from})");
        }
        if let Some(note) = &row.note {
            let _ = write!(text, ". {note}");
        }
        lines.push(Line::from(format!("{text} {}", cites.mark(&row.sources))));
        if let Some(caveat) = &row.caveat {
            lines.push(caveat_line(caveat, theme));
        }
    }
}

/// What the guide says about the user's state, under a state step.
fn push_state<'g>(
    lines: &mut DetailLines,
    app: &'g App,
    record: &'g crate::content::StateRecord,
    cites: &mut Citations<'g>,
) {
    let theme = app.theme;
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("About {}", record.name),
        theme.heading(),
    )));
    lines.push(Line::from(format!(
        "{} {}",
        record.summary,
        cites.mark(&record.sources)
    )));
    if let Some(caveat) = &record.caveat {
        lines.push(caveat_line(caveat, theme));
    }
    if let Some(body) = &record.body {
        lines.push(Line::from(format!("Licensing body: {body}")));
    }
    let routes = eligibility::for_goal(app.guide, &app.profile, app.clock.today());
    let chosen = crate::advisor::plan::choose(app.guide, &app.profile, &routes, app.clock.today());
    if let Some(license) =
        crate::advisor::plan::license_advice(app.guide, &app.profile, chosen.as_ref())
    {
        let (symbol, style) = super::license_mark(license.verdict, theme);
        lines.push(Line::from(vec![
            Span::styled(format!("{symbol} {}: ", license.credential), style),
            Span::raw(license.text),
        ]));
    }
    push_acceptance(lines, app, record, cites);
    for title in &record.titles {
        if lines.full() {
            return;
        }
        lines.push(Line::from(title_words(title)));
    }
    push_facts(lines, "", &record.facts, cites, theme);
}
