//! The background form: one question a row, the answer beside it, and a
//! message beside an answer that does not read.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::App;
use crate::setup::{AREAS, Answer, Kind, Question, SetupForm};
use crate::text::truncate;
use crate::textarea::TextAreaView;

const LABEL_WIDTH: u16 = 30;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &SetupForm) {
    let theme = app.theme;
    let intro = if form.first_time {
        " One more thing, all optional: what you have done so far decides which \
         certification routes are open to you. Skip any question (\"don't know\"), \
         or press Esc to finish; p brings this back any time."
    } else {
        " Your background decides which certification routes are open to you. \
         Every answer is optional."
    };
    let intro = Paragraph::new(vec![
        Line::from(Span::styled(" Your background", theme.title())),
        Line::from(intro),
    ])
    .wrap(Wrap { trim: false });
    let intro_rows = u16::try_from(intro.line_count(area.width))
        .unwrap_or(3)
        .min(5);
    let [top, body, help, footer] = Layout::vertical([
        Constraint::Length(intro_rows),
        Constraint::Min(4),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(intro, top);

    let block = Block::default().borders(Borders::ALL).title(format!(
        " Question {} of {} ",
        form.cursor + 1,
        form.answers.len()
    ));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    // Keep the selected question in view.
    let rows = usize::from(inner.height);
    let first = form
        .cursor
        .saturating_sub(rows.saturating_sub(1) / 2)
        .min(form.answers.len().saturating_sub(rows));
    let label_width = LABEL_WIDTH.min(inner.width / 2);
    for (row, index) in (first..form.answers.len()).take(rows).enumerate() {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        let question = Question::ALL[index];
        let selected = index == form.cursor;
        let marker = if selected { "›" } else { " " };
        let label = format!(
            "{marker}{}",
            truncate(question.label(), usize::from(label_width.saturating_sub(2)))
        );
        let label_style = if selected {
            theme.selected()
        } else {
            theme.heading()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("{label:<width$}", width = usize::from(label_width)),
                label_style,
            )),
            Rect::new(inner.x, y, label_width, 1),
        );
        let value_area = Rect::new(
            inner.x + label_width + 1,
            y,
            inner.width.saturating_sub(label_width + 1),
            1,
        );
        let error = form
            .error
            .as_ref()
            .filter(|(i, _)| *i == index)
            .map(|(_, why)| why.as_str());
        draw_answer(
            frame,
            value_area,
            app,
            question,
            &form.answers[index],
            selected,
            error,
        );
    }

    frame.render_widget(
        Paragraph::new(hint_or_error(app, form)).wrap(Wrap { trim: false }),
        help,
    );
    frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
}

/// The hint for the selected question; for an answer that does not read,
/// the whole reason instead (beside the answer there is only room for a
/// mark).
fn hint_or_error(app: &App, form: &SetupForm) -> Span<'static> {
    let empty_means = form.question().empty_means();
    let hint = match (form.question().kind(), &form.answers[form.cursor]) {
        (Kind::Choice(_), _) => "←/→ or Space: choose an answer".to_owned(),
        (Kind::Areas, Answer::Areas { cursor, .. }) => {
            format!("←/→ move, Space ticks or unticks: {}", AREAS[*cursor].1)
        }
        (Kind::Month, _) => format!("Type YYYY-MM (or YYYY-MM-DD); leave empty if {empty_means}"),
        (Kind::Number(max), _) => {
            format!("A whole number up to {max} (0 if none); leave empty if you do not know")
        }
        _ if form.question() == Question::CredentialName => {
            "←/→ picks one the guide knows, or none; or type it as the certifier writes it. \
             Empty: you do not know"
                .to_owned()
        }
        _ => "Type your answer; leave empty if you do not know".to_owned(),
    };
    match form.error.as_ref().filter(|(i, _)| *i == form.cursor) {
        Some((_, why)) if app.notice.is_none() => Span::styled(
            format!(" ✗ {}", crate::text::sanitize(why)),
            app.theme.error(),
        ),
        _ => help_line(app, &hint),
    }
}

/// The hint for the selected question, or a notice in its place (an
/// answer refused as too long): this screen has no status line of its own.
fn help_line(app: &App, hint: &str) -> Span<'static> {
    match &app.notice {
        Some(notice) => Span::styled(
            format!(" {}", crate::text::sanitize(&crate::keymap::expand(notice))),
            app.theme.warning(),
        ),
        None => Span::styled(format!(" {hint}"), app.theme.muted()),
    }
}

fn draw_answer(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    question: Question,
    answer: &Answer,
    selected: bool,
    error: Option<&str>,
) {
    let theme = app.theme;
    let width = usize::from(area.width);
    match (answer, question.kind()) {
        (Answer::Choice(i), Kind::Choice(options)) => {
            let text = options.get(*i).copied().unwrap_or("?");
            let shown = if selected {
                format!("‹ {text} ›")
            } else {
                text.to_owned()
            };
            let style = if *i == 0 { theme.muted() } else { theme.todo() };
            let mut spans = vec![Span::styled(truncate(&shown, width), style)];
            if let Some(error) = error {
                let room = width.saturating_sub(shown.chars().count() + 2);
                spans.push(Span::styled(
                    format!("  {}", truncate(&format!("✗ {error}"), room)),
                    theme.error(),
                ));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), area);
        }
        (Answer::Areas { on, cursor }, _) => {
            // Selected: one area at a time to tick; otherwise the ticked ones.
            let ticked: Vec<&str> = AREAS
                .iter()
                .zip(on)
                .filter(|(_, on)| **on)
                .map(|((_, name), _)| *name)
                .collect();
            let line = if selected {
                let (_, name) = AREAS[*cursor];
                Line::from(vec![
                    Span::styled(
                        format!("‹ {} {name} ›", if on[*cursor] { "[x]" } else { "[ ]" }),
                        theme.selected(),
                    ),
                    Span::styled(
                        format!(
                            " {} of {} · {} ticked",
                            cursor + 1,
                            AREAS.len(),
                            ticked.len()
                        ),
                        theme.muted(),
                    ),
                ])
            } else if ticked.is_empty() {
                Line::from(Span::styled("none ticked", theme.muted()))
            } else {
                Line::from(truncate(&ticked.join(", "), width))
            };
            frame.render_widget(Paragraph::new(line), area);
        }
        (Answer::Text(text), _) => {
            draw_text(
                frame,
                area,
                app,
                text,
                question.empty_words(),
                selected,
                error,
            );
        }
        _ => {}
    }
}

fn draw_text(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    text: &crate::textarea::TextArea,
    empty: &'static str,
    selected: bool,
    error: Option<&str>,
) {
    let theme = app.theme;
    // With an error, the answer keeps the room it needs (it is what is
    // wrong) and the reason gets what is left; the whole reason is in the
    // hint rows below the form.
    let wanted = if error.is_some() {
        u16::try_from(text.text().chars().count() + 1).unwrap_or(u16::MAX)
    } else {
        u16::MAX
    };
    let field_width = wanted
        .min(
            area.width
                .saturating_sub(if error.is_some() { 3 } else { 0 }),
        )
        .clamp(8.min(area.width), 40);
    let field = Rect::new(area.x, area.y, field_width, 1);
    if selected {
        // Scrolled sideways so the cursor shows: Home shows the start.
        let view = TextAreaView::new(text).style(theme.selected());
        frame.render_widget(&view, field);
        if let Some(position) = view.cursor_position(field) {
            frame.set_cursor_position(position);
        }
    } else if text.is_empty() {
        frame.render_widget(Paragraph::new(Span::styled(empty, theme.muted())), field);
    } else {
        // Not being typed in: the start of the answer, cut with "…".
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&text.text(), usize::from(field_width)),
                theme.todo(),
            )),
            field,
        );
    }
    if let Some(error) = error {
        let rest = Rect::new(
            area.x + field_width + 1,
            area.y,
            area.width.saturating_sub(field_width + 1),
            1,
        );
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&format!("✗ {error}"), usize::from(rest.width)),
                theme.error(),
            )),
            rest,
        );
    }
}
