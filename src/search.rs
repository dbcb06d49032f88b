//! Fuzzy search over the steps the user's checklists show: titles first,
//! then summaries, the what/why/how and the facts. The matcher is helix's
//! (`nucleo-matcher`).

use std::fmt::Write as _;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
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

/// How strongly a text matched exactly: a whole word beats a part of a
/// word (and both beat a fuzzy title match).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Part = 1,
    Word = 2,
}

/// Whether `query` is in `text` as a part of a word or as whole words
/// (letters or digits on neither side). Both lower case.
fn find(text: &str, query: &str) -> Option<Strength> {
    let mut best = None;
    for (at, _) in text.match_indices(query) {
        let before = text[..at].chars().next_back();
        let after = text[at + query.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if edge(before) && edge(after) {
            return Some(Strength::Word);
        }
        best = Some(Strength::Part);
    }
    best
}

/// The best matches for `query`, best first (ties in path order). An empty
/// query matches nothing. Without notes: see [`search_with`].
pub fn search(guide: &Guide, goal: Goal, state: Option<&str>, query: &str) -> Vec<Hit> {
    search_with(guide, goal, state, &|_| "", query)
}

/// The best matches for `query` in the titles, the user's notes (`note`
/// gives a step's), the what/why/how, the facts and the career facts of the
/// step that shows them. Whole-word matches come first (a title's before
/// the rest), then a part of a word, then titles matched fuzzily, and only
/// when the letters fall close together ("phlb" finds Phlebotomy; "median"
/// does not find "American Medical Technologists").
pub fn search_with<'n>(
    guide: &Guide,
    goal: Goal,
    state: Option<&str>,
    note: &dyn Fn(&str) -> &'n str,
    query: &str,
) -> Vec<Hit> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let fuzzy = Pattern::parse(&query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut indices = Vec::new();
    let query_chars = query.chars().count();
    let career = guide.career.iter().fold(String::new(), |mut out, f| {
        let _ = write!(out, "{} {} ", f.label, f.text);
        out
    });
    let mut hits: Vec<(usize, Hit)> = Vec::new();
    for (order, (area, step)) in shown_steps(guide, goal, state).into_iter().enumerate() {
        let body = format!("{} {} {} {}", step.summary, step.what, step.why, step.how);
        let facts = step.facts.iter().fold(String::new(), |mut out, f| {
            let _ = write!(out, "{} {} ", f.label, f.text);
            out
        });
        let job = if step.panels.contains(&crate::content::Panel::Career) {
            career.as_str()
        } else {
            ""
        };
        let places = [
            ("title", step.title.as_str()),
            ("your note", note(&step.id)),
            ("text", body.as_str()),
            ("facts", facts.as_str()),
            ("the job", job),
        ];
        // Exact matches: the strongest place wins; a title breaks ties.
        let mut best: Option<(Strength, bool, &'static str)> = None;
        for (place, text) in places {
            if let Some(strength) = find(&text.to_lowercase(), &query) {
                let key = (strength, place == "title", place);
                if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                    best = Some(key);
                }
            }
        }
        let score = if let Some((strength, in_title, place)) = best {
            Some((strength as u32 * 2 + u32::from(in_title), 0, place))
        } else {
            // A fuzzy title match, kept only when the letters are close.
            indices.clear();
            fuzzy
                .indices(
                    Utf32Str::new(&step.title, &mut buf),
                    &mut matcher,
                    &mut indices,
                )
                .filter(|_| {
                    indices.sort_unstable();
                    let span = match (indices.first(), indices.last()) {
                        (Some(first), Some(last)) => (last - first + 1) as usize,
                        _ => usize::MAX,
                    };
                    span <= query_chars + 2
                })
                .map(|score| (0, score, "title"))
        };
        if let Some((tier, within, found_in)) = score {
            hits.push((
                order,
                Hit {
                    area,
                    step: step.id.clone(),
                    title: step.title.clone(),
                    found_in,
                    score: tier * 100_000 + within.min(99_999),
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

    /// Issue 22: what `/tuition`, `/salary`, `/median` found, and what
    /// `/median pay`, `/342,900` and a note did not.
    #[test]
    fn notes_and_career_facts_are_searched_and_weak_fuzzy_matches_dropped() {
        let guide = Guide::embedded().expect("guide");
        let titles = |query: &str| -> Vec<String> {
            search(&guide, Goal::Mlt, None, query)
                .into_iter()
                .map(|h| h.title)
                .collect()
        };
        for (query, noise) in [
            ("tuition", "Start and submit the online application"),
            ("median", "American Medical Technologists"),
        ] {
            assert!(
                !titles(query).iter().any(|t| t.contains(noise)),
                "/{query}: {:?}",
                titles(query)
            );
        }
        for query in ["median pay", "342,900"] {
            let hits = search(&guide, Goal::Mlt, None, query);
            assert_eq!(
                hits.first().map(|h| h.found_in),
                Some("the job"),
                "/{query}: {hits:?}"
            );
        }
        let note = |id: &str| {
            if id == "edu.prereqs.chemistry" {
                "Ask Ms. Jacinto about the lab fee"
            } else {
                ""
            }
        };
        let hits = search_with(&guide, Goal::Mlt, None, &note, "jacinto");
        assert_eq!(
            hits.iter()
                .map(|h| (h.step.as_str(), h.found_in))
                .collect::<Vec<_>>(),
            [("edu.prereqs.chemistry", "your note")]
        );
    }

    #[test]
    fn whole_words_rank_before_parts_of_words() {
        let guide = Guide::embedded().expect("guide");
        let hits = search(&guide, Goal::Mlt, None, "lab");
        let at = |title: &str| hits.iter().position(|h| h.title == title);
        let word = at("Or: train as a military lab technician").expect("found");
        let part = at("Laboratory operations").expect("found");
        assert!(word < part, "{hits:?}");
        assert_eq!(word, 0, "a whole word in a title comes first: {hits:?}");
        let fuzzy = search(&guide, Goal::Mlt, None, "phlb");
        assert_eq!(
            fuzzy.first().map(|h| h.step.as_str()),
            Some("edu.associate.phlebotomy")
        );
    }
}
