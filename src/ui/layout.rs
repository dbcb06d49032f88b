//! The screen's fixed splits (header, tabs, body, footer; list and
//! details), computed directly. Ratatui's `Layout` runs a constraint
//! solver, which costs a good part of the first frame; for fixed lengths
//! around one growing part the answer is plain arithmetic. When the parts
//! do not fit, the solver decides as before. `tests/integration/drawing.rs`
//! compares both on every size.

use ratatui::layout::{Constraint, Layout, Rect};

/// `Layout::vertical`: each part is `Length(sizes[i])` except `grow`, which
/// is `Min(sizes[grow])` and takes the rest.
pub fn column<const N: usize>(area: Rect, sizes: [u16; N], grow: usize) -> [Rect; N] {
    match spans(area.y, area.height, sizes, grow) {
        Some(parts) => parts.map(|(y, height)| Rect { y, height, ..area }),
        None => Layout::vertical(constraints(sizes, grow)).areas(area),
    }
}

/// `Layout::horizontal`, as [`column`] is `Layout::vertical`.
pub fn row<const N: usize>(area: Rect, sizes: [u16; N], grow: usize) -> [Rect; N] {
    match spans(area.x, area.width, sizes, grow) {
        Some(parts) => parts.map(|(x, width)| Rect { x, width, ..area }),
        None => Layout::horizontal(constraints(sizes, grow)).areas(area),
    }
}

fn constraints<const N: usize>(sizes: [u16; N], grow: usize) -> [Constraint; N] {
    std::array::from_fn(|i| {
        if i == grow {
            Constraint::Min(sizes[i])
        } else {
            Constraint::Length(sizes[i])
        }
    })
}

/// Start and length of each part, when all of them fit.
fn spans<const N: usize>(
    start: u16,
    room: u16,
    sizes: [u16; N],
    grow: usize,
) -> Option<[(u16, u16); N]> {
    let total: u32 = sizes.iter().map(|&s| u32::from(s)).sum();
    let spare = u16::try_from(u32::from(room).checked_sub(total)?).ok()?;
    let mut at = start;
    Some(std::array::from_fn(|i| {
        let size = if i == grow {
            sizes[i] + spare
        } else {
            sizes[i]
        };
        at += size;
        (at - size, size)
    }))
}
