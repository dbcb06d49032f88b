//! The programs view (`P`): the shortlist side by side (a column a
//! program), the selected program's details and flags, what it opens for
//! the person, the questions worth asking (from the guide, with their
//! sources), and the form that adds or edits one. Every mark is a symbol
//! or a word (✓ ✗ ? ⚠ › ●), so nothing rests on colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, Wrap};

use crate::advisor::programs::{self, Assessment};
use crate::app::App;
use crate::profile::{Candidate, CandidateAccreditor, Format, Tuition};
use crate::programs_view::{
    self, Field, Parts, ProgramForm, ProgramsView, TableRow, mark, table_rows,
};
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
    let notice = programs_view::notice_lines(app.notice.as_deref(), area);
    let parts = programs_view::parts_with(area, &notice, app.profile().shortlist.programs.len());
    let (body, foot, keys) = (parts.body, parts.notice, parts.keys);
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
        let (up, more) = draw_list(frame, &parts, app, view);
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
/// end: `update` keeps the scroll within it, and a smaller screen since
/// is met here); whether there is more above and below.
fn draw_scrolled(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
) -> (bool, bool) {
    let text = programs_view::wrapped(lines);
    let rows = u16::try_from(text.line_count(area.width)).unwrap_or(u16::MAX);
    let scroll = scroll.min(rows.saturating_sub(area.height));
    frame.render_widget(text.scroll((scroll, 0)), area);
    (scroll > 0, rows > scroll.saturating_add(area.height))
}

fn draw_list(frame: &mut Frame, parts: &Parts, app: &App, view: &ProgramsView) -> (bool, bool) {
    let lines = programs_view::below_lines(app.guide(), app.profile(), app.theme, view);
    if !app.profile().shortlist.programs.is_empty() {
        let compact = parts.body.height < 20;
        draw_table(frame, parts.table, app, view, &table_rows(compact));
    }
    draw_scrolled(frame, parts.below, lines, view.scroll)
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
