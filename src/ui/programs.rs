//! The programs view (`P`): the shortlist side by side (a column a
//! program), the selected program's details and flags, what it opens for
//! the person, the questions worth asking (from the guide, with their
//! sources), and the form that adds or edits one. Every mark is a symbol
//! or a word (✓ ✗ ? ⚠ › ●), so nothing rests on colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, Wrap};

use crate::advisor::Verdict;
use crate::advisor::programs::{self, Assessment, Measure};
use crate::app::App;
use crate::profile::{Candidate, CandidateAccreditor, Format, Tuition};
use crate::programs_view::{Field, ProgramForm, ProgramsView};
use crate::text::{sanitize, truncate};
use crate::textarea::TextAreaView;

const LABEL: u16 = 11;
const COLUMN: u16 = 16;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, view: &ProgramsView) {
    frame.render_widget(Clear, area);
    let title = if view.form.as_ref().is_some_and(|f| f.original.is_some()) {
        " Edit a program · Ctrl-S saves "
    } else if view.form.is_some() {
        " Add a program · Ctrl-S saves "
    } else {
        " Programs you are considering · Enter chooses "
    };
    let block = Block::default().borders(Borders::ALL);
    let inner = block.inner(area);
    let notice = app
        .notice
        .as_deref()
        .map(|n| {
            super::popup::wrap(
                &sanitize(&crate::keymap::expand(n)),
                usize::from(inner.width),
            )
        })
        .unwrap_or_default();
    let notice_rows = u16::try_from(notice.len()).unwrap_or(0).min(3);
    let [body, foot, keys] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(notice_rows),
        Constraint::Length(1),
    ])
    .areas(inner);
    let notice: Vec<Line> = notice
        .into_iter()
        .map(|l| Line::from(Span::styled(l, app.theme.warning())))
        .collect();
    frame.render_widget(Paragraph::new(notice), foot);
    frame.render_widget(Paragraph::new(super::hint_line(app, keys.width)), keys);
    let mut title = vec![Span::raw(title)];
    if let Some(form) = &view.form {
        draw_form(frame, body, app, form);
    } else {
        // Said in the title: the details go on below the pane.
        let (up, more) = draw_list(frame, body, app, view);
        // Room for both marks at 60 columns: the hint line says Enter.
        if up && more && area.width < 72 {
            title = vec![Span::raw(" Programs you are considering ")];
        }
        if up {
            let key = crate::keymap::key_for(&crate::app::Action::DetailsUp);
            title.push(Span::styled(format!("↑ {key} "), app.theme.key()));
        }
        if more {
            let key = crate::keymap::key_for(&crate::app::Action::DetailsDown);
            title.push(Span::styled(format!("↓ {key} more "), app.theme.key()));
        }
    }
    // Drawn last, over nothing but its border and title.
    frame.render_widget(block.title(Line::from(title)), area);
}

/// The text under the table, scrolled as far as it goes (never past its
/// end); whether there is more above and below.
fn draw_scrolled(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
) -> (bool, bool) {
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let rows = u16::try_from(text.line_count(area.width)).unwrap_or(u16::MAX);
    let scroll = scroll.min(rows.saturating_sub(area.height));
    frame.render_widget(text.scroll((scroll, 0)), area);
    (scroll > 0, rows > scroll.saturating_add(area.height))
}

fn draw_list(frame: &mut Frame, body: Rect, app: &App, view: &ProgramsView) -> (bool, bool) {
    let programs = &app.profile().shortlist.programs;
    if programs.is_empty() {
        let mut lines = vec![
            Line::from(
                "No programs on your shortlist yet. Press a to add one from its outcomes page",
            ),
            Line::from("(or: medtech program add NAME …). Every field but the name is optional."),
            Line::default(),
        ];
        lines.extend(questions(app));
        return draw_scrolled(frame, body, lines, view.scroll);
    }
    let compact = body.height < 20;
    let rows = table_rows(compact);
    let table_height = u16::try_from(rows.len() + 1)
        .unwrap_or(8)
        .min(body.height.saturating_sub(2));
    let [table_area, below] =
        Layout::vertical([Constraint::Length(table_height), Constraint::Min(1)]).areas(body);
    draw_table(frame, table_area, app, view, &rows);
    let selected = view.selected.min(programs.len() - 1);
    let mut lines = Vec::new();
    if let (Some(c), Some(a)) = (programs.get(selected), view.assessments.get(selected)) {
        lines.extend(details(app, c, a));
    }
    lines.push(Line::default());
    lines.extend(questions(app));
    draw_scrolled(frame, below, lines, view.scroll)
}

/// The table's rows: what each says, and how a program fills it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TableRow {
    Accredited,
    Kind,
    Length,
    Starts,
    Tuition,
    Outcome(usize),
    Deadline,
    Flags,
}

fn table_rows(compact: bool) -> Vec<TableRow> {
    let mut rows = vec![TableRow::Accredited];
    if !compact {
        rows.push(TableRow::Kind);
    }
    rows.push(TableRow::Length);
    if !compact {
        rows.push(TableRow::Starts);
    }
    rows.extend([
        TableRow::Tuition,
        TableRow::Outcome(0),
        TableRow::Outcome(1),
        TableRow::Outcome(2),
    ]);
    if !compact {
        rows.push(TableRow::Deadline);
    }
    rows.push(TableRow::Flags);
    rows
}

fn draw_table(frame: &mut Frame, area: Rect, app: &App, view: &ProgramsView, rows: &[TableRow]) {
    let theme = app.theme;
    let shortlist = &app.profile().shortlist;
    let programs = &shortlist.programs;
    let room = area.width.saturating_sub(LABEL);
    let fits = usize::from((room / COLUMN).max(1));
    let selected = view.selected.min(programs.len().saturating_sub(1));
    let first = selected.saturating_sub(fits - 1);
    let shown: Vec<(usize, &Candidate)> =
        programs.iter().enumerate().skip(first).take(fits).collect();
    // Few programs: wider columns, so whole names show.
    let count = u16::try_from(shown.len()).unwrap_or(1).max(1);
    let column = (room / count).clamp(COLUMN, 30);
    // Programs off to either side, said in the label column.
    let more = match (first > 0, first + fits < programs.len()) {
        (true, true) => "‹ more ›",
        (true, false) => "‹ more",
        (false, true) => "more ›",
        (false, false) => "",
    };
    let mut header = vec![Cell::from(Span::styled(more, theme.key()))];
    for (i, c) in &shown {
        let chosen = shortlist.chosen.as_deref() == Some(c.name.as_str());
        let mark = match (*i == selected, chosen) {
            (true, true) => "›●",
            (true, false) => "› ",
            (false, true) => " ●",
            (false, false) => "  ",
        };
        let style = if *i == selected {
            theme.selected()
        } else {
            theme.heading()
        };
        header.push(Cell::from(Span::styled(
            format!(
                "{mark}{}",
                truncate(&sanitize(&c.name), usize::from(column) - 3)
            ),
            style,
        )));
    }
    let label = |row: TableRow| match row {
        TableRow::Accredited => "Accredited",
        TableRow::Kind => "Kind",
        TableRow::Length => "Length",
        TableRow::Starts => "Starts",
        TableRow::Tuition => "Tuition",
        TableRow::Outcome(0) => "BOC pass",
        TableRow::Outcome(1) => "Graduation",
        TableRow::Outcome(_) => "Placement",
        TableRow::Deadline => "Apply by",
        TableRow::Flags => "Flags",
    };
    let body: Vec<Row> = rows
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::from(Span::styled(label(*row), theme.muted()))];
            for (i, c) in &shown {
                let a = view.assessments.get(*i);
                cells.push(Cell::from(cell(*row, c, a, app)));
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![Constraint::Length(LABEL)];
    widths.extend(shown.iter().map(|_| Constraint::Length(column)));
    let table = Table::new(body, widths)
        .header(Row::new(header))
        .column_spacing(0);
    frame.render_widget(table, area);
}

fn cell(row: TableRow, c: &Candidate, a: Option<&Assessment>, app: &App) -> Span<'static> {
    let theme = app.theme;
    let unknown = || Span::styled("?", theme.muted());
    match row {
        TableRow::Accredited => match c.accreditor {
            None => Span::styled("? not known", theme.muted()),
            Some(CandidateAccreditor::NotAccredited) => Span::styled("✗ none", theme.warning()),
            Some(CandidateAccreditor::Other) => Span::raw("other agency"),
            Some(other) => Span::styled(format!("✓ {}", other.words()), theme.done()),
        },
        TableRow::Kind => Span::raw(
            programs::kind_of(c, app.profile().goal)
                .key()
                .to_uppercase()
                .replace("POST-BACC", "post-bacc")
                .replace("BRIDGE", "bridge"),
        ),
        TableRow::Length => c.months.map_or_else(unknown, |m| {
            if c.format == Some(Format::Online) {
                Span::raw(format!("{m} mo, online"))
            } else {
                Span::raw(format!("{m} months"))
            }
        }),
        TableRow::Starts => c.starts.map_or_else(unknown, |d| Span::raw(d.to_string())),
        TableRow::Tuition => match c.tuition {
            Some(Tuition::Total(n)) => Span::raw(format!("${n}")),
            Some(Tuition::PerCredit(n)) => Span::raw(format!("${n}/credit")),
            None => unknown(),
        },
        TableRow::Outcome(i) => a.and_then(|a| a.measures.get(i)).map_or_else(unknown, |m| {
            let style = match m.met {
                Some(true) => theme.done(),
                Some(false) => theme.warning(),
                None => theme.muted(),
            };
            Span::styled(mark(m), style)
        }),
        TableRow::Deadline => c.deadline.map_or_else(
            || Span::styled("—", theme.muted()),
            |d| Span::raw(d.to_string()),
        ),
        TableRow::Flags => match a.map_or(0, |a| a.flags.len()) {
            0 => Span::styled("none", theme.muted()),
            1 => Span::styled("⚠ 1 flag", theme.warning()),
            n => Span::styled(format!("⚠ {n} flags"), theme.warning()),
        },
    }
}

/// "✓ 97.7%", "✗ 55.0%", "? no data".
fn mark(m: &Measure) -> String {
    let symbol = match m.met {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "?",
    };
    format!("{symbol} {}", m.average_words())
}

fn details(app: &App, c: &Candidate, a: &Assessment) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = Vec::new();
    let chosen = if a.chosen {
        " ● your chosen program"
    } else {
        " (Enter chooses it)"
    };
    lines.push(Line::from(vec![
        Span::styled(sanitize(&c.name), theme.heading()),
        Span::raw(chosen),
    ]));
    for m in &a.measures {
        lines.push(Line::from(format!("  {}", m.line())));
    }
    for flag in &a.flags {
        lines.push(Line::from(Span::styled(
            format!("  {}", sanitize(&flag.text)),
            theme.warning(),
        )));
    }
    let goal = programs::kind_of(c, app.profile().goal);
    lines.push(Line::from(if a.opens.is_empty() {
        format!(
            "  Opens ({}): no route met yet; your background (p) may answer what is missing",
            goal.words()
        )
    } else {
        format!("  Opens ({}): {}", goal.words(), a.opens.join(", "))
    }));
    if let Some((rule, verdict)) = &a.state_rule {
        let word = match verdict {
            Verdict::Met => "✓ met",
            Verdict::NotMet => "✗ not met",
            _ => "? unknown",
        };
        lines.push(Line::from(format!(
            "  Your state: {} {word} after it",
            sanitize(rule)
        )));
    } else if let Some(code) = app.profile().state.as_deref() {
        let line = match app.guide().state(code) {
            Some(s) if s.license == crate::content::LicenseRule::Required => format!(
                "  Your state: {} licenses lab staff; its education rule for this level is not in the guide",
                s.name
            ),
            Some(s) if s.license == crate::content::LicenseRule::NotRequired => {
                format!("  Your state: {} needs no personal license", s.name)
            }
            Some(s) => format!(
                "  Your state: whether {} licenses lab staff is unsettled",
                s.name
            ),
            None => format!("  Your state: \"{}\" is not in the guide", sanitize(code)),
        };
        lines.push(Line::from(line));
    }
    if !c.note.is_empty() {
        lines.push(Line::from(format!("  Note: {}", sanitize(&c.note))));
    }
    lines
}

/// The guide's questions to ask a program, and the benchmarks' sources.
fn questions(app: &App) -> Vec<Line<'static>> {
    let guide = app.guide();
    let theme = app.theme;
    let mut lines = vec![Line::from(Span::styled(
        "Questions worth asking a program (from the guide)",
        theme.heading(),
    ))];
    for q in programs::questions(guide) {
        let from: Vec<String> = q
            .sources
            .iter()
            .filter_map(|id| guide.source(id))
            .map(|s| sanitize(&s.publisher))
            .collect();
        lines.push(Line::from(format!("• {}", sanitize(&q.text))));
        lines.push(Line::from(Span::styled(
            format!("  source: {}", from.join("; ")),
            theme.muted(),
        )));
    }
    let sources: Vec<String> = programs::benchmark_sources(guide)
        .iter()
        .map(|s| sanitize(&s.url))
        .collect();
    lines.push(Line::from(Span::styled(
        format!(
            "Benchmarks: BOC pass 75%, graduation 70%, placement 70%, three-year averages from raw numbers ({}).",
            sources.join(", ")
        ),
        theme.muted(),
    )));
    lines
}

fn draw_form(frame: &mut Frame, body: Rect, app: &App, form: &ProgramForm) {
    let theme = app.theme;
    let error_rows = u16::from(form.error.is_some()) * 2;
    let [intro, fields, error] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(error_rows),
    ])
    .areas(body);
    frame.render_widget(
        Paragraph::new(Span::styled(
            "From the program's outcomes page; only the name is needed.",
            theme.muted(),
        )),
        intro,
    );
    let label_width = 26.min(fields.width / 2);
    let height = usize::from(fields.height).max(1);
    let first = form.cursor.saturating_sub(height - 1);
    for (row, (index, field)) in Field::ALL
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .enumerate()
    {
        let y = fields.y + u16::try_from(row).unwrap_or(0);
        let selected = index == form.cursor;
        let bad = form.error.as_ref().is_some_and(|(i, _)| *i == index);
        let mark = match (selected, bad) {
            (_, true) => "✗ ",
            (true, false) => "› ",
            _ => "  ",
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("{mark}{}", field.label()),
                if selected { theme.key() } else { theme.muted() },
            )),
            Rect::new(fields.x, y, label_width, 1),
        );
        let value = Rect::new(
            fields.x + label_width,
            y,
            fields.width.saturating_sub(label_width),
            1,
        );
        let Some(text) = form.inputs.get(index) else {
            continue;
        };
        if selected {
            let input = TextAreaView::new(text).style(theme.selected());
            frame.render_widget(&input, value);
            if let Some(position) = input.cursor_position(value) {
                frame.set_cursor_position(position);
            }
        } else if text.is_empty() {
            frame.render_widget(
                // In brackets: an example is not an answer, colour or not.
                Paragraph::new(Span::styled(format!("({})", field.hint()), theme.muted())),
                value,
            );
        } else {
            frame.render_widget(
                Paragraph::new(truncate(&text.text(), usize::from(value.width))),
                value,
            );
        }
    }
    if let Some((index, why)) = &form.error {
        let name = Field::ALL.get(*index).map_or("", |f| f.label());
        frame.render_widget(
            Paragraph::new(Span::styled(format!("✗ {name}: {why}"), theme.warning()))
                .wrap(Wrap { trim: false }),
            error,
        );
    }
}
