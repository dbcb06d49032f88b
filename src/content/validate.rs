//! Checks a content maintainer runs with `cargo test`: every problem names
//! the file and line to fix.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::Guide;
use super::model::{Caveat, Fact, Fee, LicenseRule, Requirement, Step, is_spam_url, url_host};

/// The USPS codes of the 50 states, DC and Puerto Rico: each must appear once.
pub const REQUIRED_JURISDICTIONS: [&str; 52] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR",
];

/// Territories that may appear beyond the required ones.
const OPTIONAL_JURISDICTIONS: [&str; 4] = ["GU", "VI", "AS", "MP"];

/// One thing wrong with the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where to look: `file:line`, or just the file when no line is known.
    pub at: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

struct Checker<'a> {
    files: &'a [(&'a str, &'a str)],
    sources: BTreeSet<&'a str>,
    cited: BTreeSet<String>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    /// Finds the line where an item with this id or code is defined.
    fn locate(&self, key: &str) -> String {
        let by_id = format!("id: \"{key}\"");
        let by_code = format!("code: \"{key}\"");
        for (file, text) in self.files {
            for (n, line) in text.lines().enumerate() {
                if line.contains(&by_id) || line.contains(&by_code) {
                    return format!("{file}:{}", n + 1);
                }
            }
        }
        "assets".to_owned()
    }

    fn problem(&mut self, key: &str, message: String) {
        let at = self.locate(key);
        self.problems.push(Problem { at, message });
    }

    fn text(&mut self, key: &str, what: &str, value: &str) {
        if value.trim().is_empty() {
            self.problem(key, format!("`{key}`: {what} is empty"));
        }
    }

    fn caveat(&mut self, key: &str, caveat: Option<&Caveat>) {
        if let Some(Caveat::Unverified(t) | Caveat::Conflict(t)) = caveat {
            self.text(key, "caveat text", t);
        }
    }

    fn cites(&mut self, key: &str, what: &str, ids: &[String]) {
        if ids.is_empty() {
            self.problem(key, format!("`{key}`: {what} has no source"));
        }
        for id in ids {
            if self.sources.contains(id.as_str()) {
                self.cited.insert(id.clone());
            } else {
                self.problem(key, format!("`{key}`: {what} cites unknown source `{id}`"));
            }
        }
    }

    fn facts(&mut self, key: &str, facts: &[Fact]) {
        for fact in facts {
            let what = format!("fact \"{}\"", fact.label);
            self.text(key, "a fact's label", &fact.label);
            self.text(key, &what, &fact.text);
            self.cites(key, &what, &fact.sources);
            self.caveat(key, fact.caveat.as_ref());
        }
    }

    fn fees(&mut self, key: &str, fees: &[Fee]) {
        for fee in fees {
            let what = format!("fee \"{}\"", fee.what);
            self.text(key, "a fee's description", &fee.what);
            self.cites(key, &what, &fee.sources);
            self.caveat(key, fee.caveat.as_ref());
            if fee.usd_max.is_some_and(|max| max < fee.usd) {
                self.problem(key, format!("`{key}`: {what} has usd_max below usd"));
            }
            if !(1990..=2100).contains(&fee.year) {
                self.problem(
                    key,
                    format!("`{key}`: {what} has an implausible year {}", fee.year),
                );
            }
        }
    }

    fn step(&mut self, step: &Step) {
        let key = step.id.as_str();
        if !step
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
            || step.id.is_empty()
        {
            self.problem(
                key,
                format!("step id `{key}` must be lowercase letters, digits, '-' or '.'"),
            );
        }
        self.text(key, "title", &step.title);
        self.text(key, "summary", &step.summary);
        self.text(key, "what", &step.what);
        self.text(key, "why", &step.why);
        self.text(key, "how", &step.how);
        self.cites(key, "step", &step.sources);
        self.facts(key, &step.facts);
        self.fees(key, &step.fees);
        self.caveat(key, step.caveat.as_ref());
        if step.duration.is_some() && step.duration_sources.is_empty() {
            self.problem(key, format!("`{key}`: a duration needs `duration_sources`"));
        }
        if !step.duration_sources.is_empty() {
            if step.duration.is_none() {
                self.problem(
                    key,
                    format!("`{key}`: `duration_sources` without a duration"),
                );
            }
            self.cites(key, "duration", &step.duration_sources);
        }
        if let Some(weeks) = step.duration
            && weeks.min > weeks.max
        {
            self.problem(
                key,
                format!("`{key}`: duration min {} > max {}", weeks.min, weeks.max),
            );
        }
        if step.one_of && step.substeps.len() < 2 {
            self.problem(
                key,
                format!("`{key}`: one_of needs at least two sub-steps to choose from"),
            );
        }
        for sub in &step.substeps {
            // Rows and progress read `goals`, `optional_for` and `one_of`
            // only on top-level steps; on a sub-step they would be ignored.
            if sub.one_of || !sub.goals.is_empty() || !sub.optional_for.is_empty() {
                self.problem(
                    &sub.id,
                    format!(
                        "`{}`: one_of, goals and optional_for work only on top-level steps",
                        sub.id
                    ),
                );
            }
            self.step(sub);
        }
    }

    fn requirement(&mut self, key: &str, credentials: &BTreeSet<&str>, req: &Requirement) {
        match req {
            Requirement::SemesterHours(0)
            | Requirement::SubjectHours { hours: 0, .. }
            | Requirement::MilitaryCourse { min_weeks: 0, .. }
            | Requirement::Experience { months: 0, .. }
            | Requirement::RecentCoursework {
                semester_hours: 0, ..
            }
            | Requirement::RecentCoursework {
                within_years: 0, ..
            } => {
                self.problem(
                    key,
                    format!("`{key}`: requirement {req:?} has a zero amount"),
                );
            }
            Requirement::Program { accreditors, .. } if accreditors.is_empty() => {
                self.problem(
                    key,
                    format!("`{key}`: a Program requirement names no accreditor"),
                );
            }
            Requirement::Credential(id) if !credentials.contains(id.as_str()) => {
                self.problem(key, format!("`{key}`: requires unknown credential `{id}`"));
            }
            Requirement::AnyOf(options) => {
                if options.len() < 2 {
                    self.problem(key, format!("`{key}`: AnyOf needs at least two options"));
                }
                for option in options {
                    self.requirement(key, credentials, option);
                }
            }
            Requirement::AllOf(parts) => {
                if parts.len() < 2 {
                    self.problem(key, format!("`{key}`: AllOf needs at least two parts"));
                }
                for part in parts {
                    self.requirement(key, credentials, part);
                }
            }
            _ => {}
        }
    }
}

#[allow(clippy::too_many_lines, reason = "one flat list of checks reads best")]
pub(super) fn validate(guide: &Guide, files: &[(&str, &str)]) -> Vec<Problem> {
    let mut c = Checker {
        files,
        sources: guide.sources.iter().map(|s| s.id.as_str()).collect(),
        cited: BTreeSet::new(),
        problems: Vec::new(),
    };

    // Every id must be unique across the kinds that share a namespace.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let ids = guide
        .sources
        .iter()
        .map(|s| s.id.clone())
        .chain(guide.certifiers.iter().map(|x| x.id.clone()))
        .chain(guide.credentials.iter().map(|x| x.id.clone()))
        .chain(guide.routes.iter().map(|x| x.id.clone()));
    for id in ids {
        *seen.entry(id.clone()).or_default() += 1;
    }
    let mut step_ids: BTreeMap<String, usize> = BTreeMap::new();
    for (_, step) in guide.all_steps() {
        *step_ids.entry(step.id.clone()).or_default() += 1;
    }
    for (id, n) in seen.iter().chain(step_ids.iter()) {
        if *n > 1 {
            c.problem(
                id,
                format!("id `{id}` is used {n} times; ids must be unique"),
            );
        }
    }

    for source in &guide.sources {
        let key = source.id.as_str();
        c.text(key, "title", &source.title);
        c.text(key, "publisher", &source.publisher);
        if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
            c.problem(
                key,
                format!("source `{key}`: url `{}` is not an http(s) URL", source.url),
            );
        }
        if is_spam_url(&source.url) {
            c.problem(
                key,
                format!(
                    "source `{key}`: `{}` is a known spam host; cite the original page",
                    url_host(&source.url)
                ),
            );
        }
    }

    let top: Vec<&Step> = guide
        .education
        .iter()
        .chain(&guide.certification)
        .chain(&guide.licensing)
        .chain(guide.no_license_step.iter())
        .chain(guide.states.iter().flat_map(|s| &s.steps))
        .collect();
    for step in top {
        c.step(step);
    }
    if guide.no_license_step.is_none() {
        c.problems.push(Problem {
            at: "assets/licensing.ron".to_owned(),
            message: "no `no_license_step`: states without a license need it".to_owned(),
        });
    }

    let certifiers: BTreeSet<&str> = guide.certifiers.iter().map(|x| x.id.as_str()).collect();
    let credentials: BTreeSet<&str> = guide.credentials.iter().map(|x| x.id.as_str()).collect();
    for certifier in &guide.certifiers {
        c.text(&certifier.id, "name", &certifier.name);
        c.text(&certifier.id, "summary", &certifier.summary);
        c.cites(&certifier.id, "certifier", &certifier.sources);
        c.facts(&certifier.id, &certifier.facts);
    }
    for credential in &guide.credentials {
        let key = credential.id.as_str();
        c.text(key, "name", &credential.name);
        c.text(key, "summary", &credential.summary);
        c.cites(key, "credential", &credential.sources);
        c.facts(key, &credential.facts);
        if !certifiers.contains(credential.certifier.as_str()) {
            c.problem(
                key,
                format!("`{key}`: unknown certifier `{}`", credential.certifier),
            );
        }
    }
    for route in &guide.routes {
        let key = route.id.as_str();
        c.text(key, "name", &route.name);
        c.text(key, "summary", &route.summary);
        c.cites(key, "route", &route.sources);
        c.caveat(key, route.caveat.as_ref());
        if !credentials.contains(route.credential.as_str()) {
            c.problem(
                key,
                format!("`{key}`: unknown credential `{}`", route.credential),
            );
        }
        if route.requirements.is_empty() {
            c.problem(key, format!("`{key}`: a route needs requirements"));
        }
        for req in &route.requirements {
            c.requirement(key, &credentials, req);
        }
    }

    let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
    for state in &guide.states {
        let key = state.code.as_str();
        *codes.entry(key).or_default() += 1;
        if !REQUIRED_JURISDICTIONS.contains(&key) && !OPTIONAL_JURISDICTIONS.contains(&key) {
            c.problem(key, format!("`{key}` is not a US state or territory code"));
        }
        c.text(key, "name", &state.name);
        c.text(key, "summary", &state.summary);
        c.cites(key, "state", &state.sources);
        c.facts(key, &state.facts);
        c.caveat(key, state.caveat.as_ref());
        let mut rows: BTreeSet<(String, &str)> = BTreeSet::new();
        for row in &state.accepts {
            let what = format!("acceptance of `{}` ({:?})", row.credential, row.level);
            if !credentials.contains(row.credential.as_str()) {
                c.problem(key, format!("`{key}`: {what} names an unknown credential"));
            }
            if !rows.insert((format!("{:?}", row.level), row.credential.as_str())) {
                c.problem(key, format!("`{key}`: {what} is listed twice"));
            }
            c.cites(key, &what, &row.sources);
            c.caveat(key, row.caveat.as_ref());
            if let Some(note) = &row.note {
                c.text(key, "an acceptance note", note);
            }
        }
        if let Some(ask) = &state.accepts_unknown {
            c.text(key, "accepts_unknown", ask);
        }
        if state.license == LicenseRule::Required
            && state.accepts.is_empty()
            && state.accepts_unknown.is_none()
        {
            c.problem(
                key,
                format!(
                    "`{key}` requires a license but has no `accepts` table and no `accepts_unknown`"
                ),
            );
        }
        match state.license {
            LicenseRule::Required if state.steps.is_empty() => {
                c.problem(
                    key,
                    format!("`{key}` requires a license but lists no steps"),
                );
            }
            LicenseRule::Required if state.body.is_none() => {
                c.problem(key, format!("`{key}` requires a license but names no body"));
            }
            // An open question must not fall back to "no license needed".
            LicenseRule::Verify if state.steps.is_empty() => {
                c.problem(
                    key,
                    format!("`{key}` is Verify but lists no steps saying what to check"),
                );
            }
            LicenseRule::NotRequired if !state.steps.is_empty() => {
                c.problem(
                    key,
                    format!("`{key}` has no license but lists steps; it shows `no_license_step`"),
                );
            }
            _ => {}
        }
    }
    for code in REQUIRED_JURISDICTIONS {
        match codes.get(code) {
            None => c.problems.push(Problem {
                at: "assets/states.ron".to_owned(),
                message: format!("jurisdiction `{code}` is missing"),
            }),
            Some(n) if *n > 1 => c.problem(code, format!("`{code}` appears {n} times")),
            Some(_) => {}
        }
    }

    for (i, fact) in guide.career.iter().enumerate() {
        let key = format!("career fact #{}", i + 1);
        c.text(&key, "label", &fact.label);
        c.text(&key, "text", &fact.text);
        c.cites(&key, "career fact", &fact.sources);
        c.caveat(&key, fact.caveat.as_ref());
    }

    let unused: Vec<String> = guide
        .sources
        .iter()
        .filter(|s| !c.cited.contains(s.id.as_str()))
        .map(|s| s.id.clone())
        .collect();
    for id in unused {
        c.problem(
            &id,
            format!("source `{id}` is never cited; remove it or cite it"),
        );
    }
    c.problems
}
