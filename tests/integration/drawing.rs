//! The app draws its busiest parts itself (`ui::wrap`, `ui::paint`,
//! `ui::layout`); each must give exactly what the ratatui widget it
//! replaces gives, on the real guide's text.

use medtech::content::Guide;
use medtech::ui::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Every piece of text in the guide's steps, as styled lines like the
/// details pane's: a bold label, then the text, sometimes indented.
fn guide_lines() -> Vec<Line<'static>> {
    let guide = Guide::embedded().expect("the embedded guide");
    let mut lines = Vec::new();
    for (_, step) in guide.all_steps() {
        for (label, text) in [
            ("Summary", &step.summary),
            ("What", &step.what),
            ("Why", &step.why),
            ("How", &step.how),
        ] {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{label}: "),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(text.clone()),
            ]));
            lines.push(Line::from(format!("  • {text}")));
        }
        for fact in &step.facts {
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(fact.text.clone(), Style::new().yellow()),
                Span::styled(" [1]".to_owned(), Style::new().dim()),
            ]));
        }
        lines.push(Line::from(step.title.clone()).alignment(Alignment::Center));
    }
    lines.push(Line::default());
    lines.push(Line::from("   "));
    lines.push(Line::from(
        "a  b   c    d     e   ".to_owned() + &"x".repeat(130),
    ));
    lines.push(Line::from("naïve café — emoji 🧪 and tabs".to_owned()));
    // Characters cut one by one, and ones that join a neighbour.
    lines.push(Line::from(vec![
        Span::raw("Zürich’s “quoted” text — ok… ✎ › · ⚠ ✓ ".to_owned()),
        Span::styled(
            "e\u{301}te\u{301} a\u{200d}b 🇺🇸 ✌\u{fe0f} x".to_owned(),
            Style::new().bold(),
        ),
        Span::raw("\u{a0}nbsp\u{2003}em space\u{200b}zwsp".to_owned()),
    ]));
    lines
}

fn with_paragraph(line: &Line<'static>, width: u16) -> Buffer {
    let height = u16::try_from(
        Paragraph::new(line.clone())
            .wrap(Wrap { trim: false })
            .line_count(width),
    )
    .expect("fits");
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    Paragraph::new(line.clone())
        .wrap(Wrap { trim: false })
        .render(buf.area, &mut buf);
    buf
}

fn with_rows(line: &Line<'static>, width: u16) -> Buffer {
    let rows = wrap::wrap(line, width);
    let height = u16::try_from(rows.len()).expect("fits");
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    let area = buf.area;
    for (y, row) in (0..height).zip(&rows) {
        wrap::draw_row(&mut buf, area, y, row);
    }
    buf
}

#[test]
fn wrapped_rows_are_what_a_wrapping_paragraph_draws_for_every_guide_line() {
    let lines = guide_lines();
    let mut compared = 0;
    for width in [1, 2, 5, 17, 30, 38, 57, 80, 137] {
        for line in &lines {
            let expected = with_paragraph(line, width);
            let got = with_rows(line, width);
            assert_eq!(got, expected, "width {width}, line {:?}", line.to_string());
            compared += 1;
        }
    }
    assert!(compared > 1000, "only {compared} lines compared");
}

/// Where they differ: ratatui can put a two-column symbol in a row's last
/// column, half outside the pane (over its border); the rows never do.
#[test]
fn a_wide_symbol_never_hangs_over_the_edge() {
    let line = Line::from("café — 日本語のテキスト");
    let got = with_rows(&line, 5);
    let theirs = with_paragraph(&line, 5);
    // The same rows but for the symbol that would hang over.
    assert_eq!(got.area, theirs.area);
    assert_eq!(got[(4, 2)].symbol(), " ");
    assert!(
        theirs[(4, 2)].symbol() == "語",
        "ratatui no longer overflows: compare the whole line again\n{theirs:?}\n{got:?}",
    );
    // Wider, where nothing overflows, they agree.
    for width in [6, 7, 8, 20] {
        assert_eq!(with_rows(&line, width), with_paragraph(&line, width));
    }
}

#[test]
fn a_zero_width_gives_no_rows_and_an_empty_line_one() {
    assert!(wrap::wrap(&Line::from("text"), 0).is_empty());
    assert_eq!(wrap::wrap(&Line::default(), 10).len(), 1);
    let rows = wrap::wrap(&Line::from("one two three"), 7);
    let text: Vec<String> = rows.iter().map(ToString::to_string).collect();
    assert_eq!(text, ["one two", "three"]);
}

/// The checklist's boxes and rows are written into the cells directly;
/// they must look as ratatui's `Block` and `Buffer::set_line` draw them.
#[test]
fn boxes_and_lines_are_drawn_as_ratatui_draws_them() {
    use medtech::ui::paint;
    use ratatui::widgets::Block;
    let titles = [
        Line::from(" Education · 3 of 15 done "),
        Line::from(vec![
            Span::raw(" Details "),
            Span::styled("↓ PgDn more ", Style::new().cyan()),
        ]),
        Line::from("x".repeat(300)),
        Line::default(),
    ];
    for (width, height) in [(2, 2), (3, 5), (12, 3), (40, 20), (120, 40)] {
        for title in &titles {
            let area = Rect::new(1, 1, width, height);
            let mut expected = Buffer::empty(Rect::new(0, 0, width + 2, height + 2));
            Block::bordered()
                .title(title.clone())
                .render(area, &mut expected);
            let mut got = Buffer::empty(expected.area);
            paint::bordered(&mut got, area, title);
            assert_eq!(got, expected, "{width}x{height} {title}");
        }
    }
    for line in &guide_lines() {
        for width in [3, 30, 90] {
            let area = Rect::new(2, 1, width, 1);
            let mut expected = Buffer::empty(Rect::new(0, 0, width + 4, 3));
            expected.set_line(area.x, area.y, line, width);
            let mut got = Buffer::empty(expected.area);
            let columns = paint::line(&mut got, area, 0, line);
            assert_eq!(got, expected, "{width} {line}");
            assert_eq!(usize::from(columns), line.width().min(usize::from(width)));
        }
    }
}

/// The screen's splits skip ratatui's solver when the parts fit; they must
/// be what `Layout` gives, at every size.
#[test]
fn fixed_splits_are_what_the_layout_solver_gives() {
    use medtech::ui::layout;
    use ratatui::layout::{Constraint, Layout};
    for height in 0..70 {
        for banner in 0..6 {
            let area = Rect::new(3, 2, 80, height);
            let sizes = [1, 1, 1, banner, 1];
            let expected: [Rect; 5] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Min(1),
                Constraint::Length(banner),
                Constraint::Length(1),
            ])
            .areas(area);
            assert_eq!(
                layout::column(area, sizes, 2),
                expected,
                "{height} {banner}"
            );
        }
    }
    for width in 0..250 {
        for list in [0, 10, 38, 64, 300] {
            let area = Rect::new(0, 5, width, 20);
            let expected: [Rect; 2] =
                Layout::horizontal([Constraint::Length(list), Constraint::Min(1)]).areas(area);
            assert_eq!(layout::row(area, [list, 1], 1), expected, "{width} {list}");
            let expected: [Rect; 2] =
                Layout::vertical([Constraint::Length(list % 3), Constraint::Min(1)]).areas(Rect {
                    height: width % 40,
                    ..area
                });
            assert_eq!(
                layout::column(
                    Rect {
                        height: width % 40,
                        ..area
                    },
                    [list % 3, 1],
                    1
                ),
                expected
            );
        }
    }
}
