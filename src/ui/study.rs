//! The exam study view (`E`): the exam and what the weights rest on, the
//! weeks with their areas and hours (`[x]` done), and the areas with their
//! published weight (`?` not verified), planned hours and practice trend.
//! A form to set the plan or log a practice test opens over it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::advisor::study::StudyPlan;
use crate::app::App;
use crate::app::study::{StudyForm, StudyView};
use crate::text::{sanitize, truncate};
use crate::textarea::TextAreaView;

use super::popup::{centered, wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, view: &StudyView) {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" The exam: study plan ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, notice, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(u16::from(app.notice.is_some())),
        Constraint::Length(1),
    ])
    .areas(inner);
    match &view.plan {
        Ok(plan) => draw_plan(frame, body, app, plan, view.selected),
        Err(why) => {
            let text = vec![
                Line::from(Span::styled(
                    format!(" {}", sanitize(&why.to_string())),
                    app.theme.warning(),
                )),
                Line::default(),
                Line::from(" Press s to set the exam, its date and your hours a week."),
            ];
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), body);
        }
    }
    if let Some(n) = &app.notice {
        let text = sanitize(&crate::keymap::expand(n));
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(
                    " {}",
                    truncate(&text, usize::from(notice.width).saturating_sub(1))
                ),
                app.theme.warning(),
            )),
            notice,
        );
    }
    if let Some(form) = &view.form {
        draw_form(frame, area, app, form);
    } else {
        frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
    }
}

/// The lines above the weeks, in groups that show whole or not at all:
/// the exam, its format, what the weights rest on, the retake rule.
fn head_lines(plan: &StudyPlan, width: usize, today: jiff::civil::Date) -> Vec<Vec<String>> {
    let left = plan.weeks.iter().filter(|w| !w.done).count();
    let mut lines = vec![vec![format!(
        "{} on {} · {} h a week · {}, {left} to do{}",
        plan.credential,
        plan.date,
        plan.hours_per_week,
        plan.length_words(),
        if plan.date <= today {
            " · the date has passed"
        } else {
            ""
        }
    )]];
    let exam = &plan.exam;
    let mut format = Vec::new();
    if let Some(q) = exam.questions {
        format.push(format!("{q} questions"));
    }
    match exam.minutes {
        Some(m) => format.push(format!("{} h {:02}", m / 60, m % 60)),
        None => format.push("time not found".to_owned()),
    }
    if exam.adaptive {
        format.push("computer-adaptive (CAT)".to_owned());
    }
    lines.push(vec![format.join(" · ")]);
    lines.push(wrap(plan.basis.words(), width));
    lines.push(wrap(
        &format!("Retakes: {}", sanitize(&exam.retakes.text)),
        width,
    ));
    lines
}

fn draw_plan(frame: &mut Frame, area: Rect, app: &App, plan: &StudyPlan, selected: usize) {
    let theme = app.theme;
    let today = app.clock.today();
    let width = usize::from(area.width).saturating_sub(1);
    let head = head_lines(plan, width, today);
    // The areas table and at least three weeks come first; the head gives
    // way from its end (the retake rule, then the basis).
    let areas_h = u16::try_from(plan.areas.len() + 1)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(5) / 2 + 1);
    let room = usize::from(area.height.saturating_sub(areas_h + 4));
    let mut kept: Vec<String> = Vec::new();
    for group in head {
        if kept.len() + group.len() > room {
            break;
        }
        kept.extend(group);
    }
    let head = kept;
    let head_h = u16::try_from(head.len()).unwrap_or(u16::MAX);
    let [head_area, weeks_area, areas_area] = Layout::vertical([
        Constraint::Length(head_h),
        Constraint::Min(1),
        Constraint::Length(areas_h),
    ])
    .areas(area);
    let head: Vec<Line> = head
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                Line::from(Span::styled(format!(" {l}"), theme.heading()))
            } else {
                Line::from(Span::styled(format!(" {l}"), theme.muted()))
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(head), head_area);

    let current = plan.current(today);
    let items: Vec<ListItem> = plan
        .weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let mark = if w.done { "[x]" } else { "[ ]" };
            let now = if Some(i) == current { "now " } else { "" };
            let kind = if w.review { "review: " } else { "" };
            let text = format!("{mark} {} {now}{kind}{}", w.heading(), w.words());
            let style = if w.done { theme.done() } else { theme.todo() };
            ListItem::new(Line::from(Span::styled(
                truncate(&text, usize::from(weeks_area.width).saturating_sub(3)),
                style,
            )))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_symbol("› ")
            .highlight_style(theme.selected())
            .highlight_spacing(ratatui::widgets::HighlightSpacing::Always),
        weeks_area,
        &mut state,
    );

    let name_w = plan
        .areas
        .iter()
        .map(|a| a.name.chars().count())
        .max()
        .unwrap_or(10)
        .min(usize::from(areas_area.width) / 3);
    let shown = usize::from(areas_area.height.saturating_sub(1));
    let title = if shown < plan.areas.len() {
        format!("Area ({shown} of {})", plan.areas.len())
    } else {
        "Area".to_owned()
    };
    let mut header = format!(" {title:name_w$} {:>8} {:>5}  practice", "weight", "hours");
    // The head's note on `?` may have given way: the header keeps its
    // meaning in a short legend.
    if plan.areas.iter().any(|a| a.unverified) {
        let room = usize::from(areas_area.width).saturating_sub(header.chars().count());
        let legend = [
            " ? = not on the certifier's outline",
            " ? = unverified",
            " ?=unverified",
        ]
        .into_iter()
        .find(|l| l.chars().count() <= room);
        header.push_str(legend.unwrap_or(""));
    }
    let mut rows = vec![Line::from(Span::styled(header, theme.heading()))];
    for a in &plan.areas {
        let weight = format!("{}{}", a.published, if a.unverified { "?" } else { "" });
        let line = format!(
            " {:name_w$} {:>8} {:>4}h  {}",
            truncate(&a.name, name_w),
            weight,
            a.hours,
            a.trend_words()
        );
        rows.push(Line::from(truncate(&line, usize::from(areas_area.width))));
    }
    frame.render_widget(Paragraph::new(rows), areas_area);
}

fn draw_form(frame: &mut Frame, area: Rect, app: &App, form: &StudyForm) {
    let width = area.width.saturating_sub(4).min(64);
    let help = wrap(form.help(), usize::from(width.saturating_sub(3)));
    let error = form
        .error
        .as_deref()
        .map(|e| {
            wrap(
                &format!("✗ {}", sanitize(e)),
                usize::from(width.saturating_sub(3)),
            )
        })
        .unwrap_or_default();
    let fields = u16::try_from(form.fields.len()).unwrap_or(3);
    let help_h = u16::try_from(help.len()).unwrap_or(1);
    let error_h = u16::try_from(error.len()).unwrap_or(0);
    let height = (fields + help_h + error_h + 4).min(area.height);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", form.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [fields_area, _, help_area, error_area, footer] = Layout::vertical([
        Constraint::Length(fields),
        Constraint::Length(1),
        Constraint::Length(help_h),
        Constraint::Length(error_h),
        Constraint::Length(1),
    ])
    .areas(inner);
    let rows = Layout::vertical(vec![Constraint::Length(1); form.fields.len()]).split(fields_area);
    for (i, ((label, field), row)) in form.fields.iter().zip(rows.iter()).enumerate() {
        let focused = i == form.focus;
        let [l, input] =
            Layout::horizontal([Constraint::Length(16), Constraint::Min(1)]).areas(*row);
        let marker = if focused { "›" } else { " " };
        frame.render_widget(Paragraph::new(format!("{marker} {label}:")), l);
        let style = if focused {
            app.theme.selected()
        } else {
            ratatui::style::Style::default()
        };
        let view = TextAreaView::new(field).style(style);
        frame.render_widget(&view, input);
        if focused && let Some(position) = view.cursor_position(input) {
            frame.set_cursor_position(position);
        }
    }
    let help: Vec<Line> = help
        .into_iter()
        .map(|l| Line::from(Span::styled(format!(" {l}"), app.theme.muted())))
        .collect();
    frame.render_widget(Paragraph::new(help), help_area);
    let error: Vec<Line> = error
        .into_iter()
        .map(|l| Line::from(Span::styled(format!(" {l}"), app.theme.error())))
        .collect();
    frame.render_widget(Paragraph::new(error), error_area);
    frame.render_widget(Paragraph::new(super::hint_line(app, footer.width)), footer);
}
