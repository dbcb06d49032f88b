//! Fuzzy search over the steps the user's checklists show: titles first,
//! then summaries, the what/why/how and the facts. The matcher is helix's
//! (`nucleo-matcher`).

use std::fmt::Write as _;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::content::{Area, Goal, Guide, Step};

/// One step that matches, with where it lives and how well it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub area: Area,
    pub step: String,
    pub title: String,
    /// Where the words were found: "title", "text" or "facts".
    pub found_in: &'static str,
    pub score: u32,
}

/// Every step shown for this goal and state, sub-steps included, in path order.
fn shown_steps<'g>(guide: &'g Guide, goal: Goal, state: Option<&str>) -> Vec<(Area, &'g Step)> {
    fn walk<'g>(area: Area, step: &'g Step, out: &mut Vec<(Area, &'g Step)>) {
        out.push((area, step));
        for sub in &step.substeps {
            walk(area, sub, out);
        }
    }
    let mut out = Vec::new();
    for area in Area::ALL {
        for step in guide.steps(area, goal, state) {
            walk(area, step, &mut out);
        }
    }
    out
}

/// The best matches for `query`, best first (ties in path order). An empty
/// query matches nothing.
pub fn search(guide: &Guide, goal: Goal, state: Option<&str>, query: &str) -> Vec<Hit> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    // Titles are matched fuzzily ("phlb" finds Phlebotomy); long texts only
    // by the words as typed, or nearly every step would match.
    let fuzzy = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let exact = Pattern::new(
        query,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Substring,
    );
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut score =
        |pattern: &Pattern, text: &str| pattern.score(Utf32Str::new(text, &mut buf), &mut matcher);
    let mut hits: Vec<(usize, Hit)> = Vec::new();
    for (order, (area, step)) in shown_steps(guide, goal, state).into_iter().enumerate() {
        let body = format!("{} {} {} {}", step.summary, step.what, step.why, step.how);
        let facts = step.facts.iter().fold(String::new(), |mut out, f| {
            let _ = write!(out, "{} {} ", f.label, f.text);
            out
        });
        // A match in the title counts double: it is what people look for.
        let candidates = [
            (score(&fuzzy, &step.title).map(|s| s * 2), "title"),
            (score(&exact, &body), "text"),
            (score(&exact, &facts), "facts"),
        ];
        if let Some((best, found_in)) = candidates
            .into_iter()
            .filter_map(|(s, w)| s.map(|s| (s, w)))
            .max_by_key(|(s, _)| *s)
        {
            hits.push((
                order,
                Hit {
                    area,
                    step: step.id.clone(),
                    title: step.title.clone(),
                    found_in,
                    score: best,
                },
            ));
        }
    }
    hits.sort_by(|(ao, a), (bo, b)| b.score.cmp(&a.score).then(ao.cmp(bo)));
    hits.into_iter().map(|(_, hit)| hit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phlebotomy_is_found_by_part_of_its_name_and_ranks_first() {
        let guide = Guide::embedded().expect("guide");
        let hits = search(&guide, Goal::Mlt, None, "phleb");
        assert_eq!(
            hits.first().map(|h| h.step.as_str()),
            Some("edu.associate.phlebotomy")
        );
        assert!(hits.len() < 15, "too loose: {} hits", hits.len());
        assert!(search(&guide, Goal::Mlt, None, "  ").is_empty());
        assert!(search(&guide, Goal::Mlt, None, "zzqqxx").is_empty());
    }

    #[test]
    fn another_states_steps_are_not_searched() {
        let guide = Guide::embedded().expect("guide");
        let texas = search(&guide, Goal::Mlt, Some("TX"), "HIV/AIDS");
        assert!(
            texas.iter().all(|h| !h.step.starts_with("fl.")),
            "{texas:?}"
        );
        let florida = search(&guide, Goal::Mlt, Some("FL"), "HIV/AIDS");
        assert!(!florida.is_empty());
    }
}
