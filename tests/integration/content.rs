//! Content validation: a maintainer who edits `assets/` and runs `cargo test`
//! learns exactly which file and line is wrong.

use medtech::content::{EMBEDDED_FILES, Guide, LicenseRule};

fn guide() -> Guide {
    match Guide::embedded() {
        Ok(guide) => guide,
        Err(e) => panic!("content file is not valid RON: {e}"),
    }
}

#[test]
fn embedded_content_has_no_problems() {
    let problems = guide().validate(EMBEDDED_FILES);
    let report: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        report.is_empty(),
        "{} content problem(s):\n{}",
        report.len(),
        report.join("\n")
    );
}

/// The binary carries the guide as build.rs writes it in postcard; it
/// must be exactly what the RON files say, file for file.
#[test]
fn the_embedded_guide_is_the_ron_guide() {
    let from_ron = match Guide::from_files(EMBEDDED_FILES) {
        Ok(guide) => guide,
        Err(e) => panic!("content file is not valid RON: {e}"),
    };
    assert!(
        guide() == from_ron,
        "the embedded guide differs from the RON files"
    );
    // build.rs reads the same files in the same order.
    let build = include_str!("../../build.rs");
    let listed: Vec<&str> = build
        .lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("\"assets/")?.strip_suffix("\","))
        .collect();
    let embedded: Vec<&str> = EMBEDDED_FILES
        .iter()
        .map(|(name, _)| name.trim_start_matches("assets/"))
        .collect();
    assert_eq!(listed, embedded);
}

/// The 50 states, DC and Puerto Rico.
const JURISDICTIONS: [&str; 52] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR",
];

#[test]
fn every_state_dc_and_puerto_rico_has_exactly_one_record() {
    let guide = guide();
    for code in JURISDICTIONS {
        let records = guide.states.iter().filter(|s| s.code == code).count();
        assert_eq!(records, 1, "{code} has {records} records");
    }
    assert_eq!(
        guide.states.len(),
        JURISDICTIONS.len(),
        "a record for an unknown code"
    );
}

#[test]
fn georgia_and_rhode_island_do_not_require_a_personal_license() {
    let guide = guide();
    for code in ["GA", "RI"] {
        let state = guide
            .state(code)
            .unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(state.license, LicenseRule::NotRequired, "{code}");
    }
}

/// A maintainer's mistakes are each reported with the file and line to fix.
#[test]
fn broken_content_is_reported_with_file_and_line() {
    let broken = r#"(
    sources: [
        (id: "s", title: "T", publisher: "P", url: "ftp://nope", tier: Official, verified: "2026-11-24"),
    ],
    education: [
        (id: "a", title: "A", summary: "S", what: "W", why: "Y", how: "H", sources: ["s"]),
        (id: "a", title: "", summary: "S", what: "W", why: "Y", how: "H", sources: ["missing"]),
        (id: "b", title: "B", summary: "S", what: "W", why: "Y", how: "H", sources: ["s"],
         met_by: [(credential: "XYZ(ABC)")]),
        (id: "c", title: "C", summary: "S", what: "W", why: "Y", how: "H", sources: ["s"], met_by: [(credential: "XYZ(ABC)")], substeps: [(id: "c.d", title: "D", summary: "S", what: "W", why: "Y", how: "H", sources: ["s"])]),
    ],
    routes: [
        (id: "r", credential: "nope", name: "R", summary: "S", status: Open,
         requirements: [SemesterHours(0)], sources: []),
    ],
)"#;
    let files = [("assets/broken.ron", broken)];
    let guide = Guide::from_files(&files).expect("valid RON");
    let report: Vec<String> = guide
        .validate(&files)
        .iter()
        .map(ToString::to_string)
        .collect();
    let expect = [
        "assets/broken.ron:3: source `s`: url `ftp://nope` is not an http(s) URL",
        "assets/broken.ron:6: id `a` is used 2 times",
        "assets/broken.ron:6: `a`: title is empty",
        "assets/broken.ron:6: `a`: step cites unknown source `missing`",
        "assets/broken.ron:8: `b`: met by unknown credential `XYZ(ABC)`",
        "assets/broken.ron:10: `c`: `met_by` on a step with sub-steps: put it on them",
        "assets/broken.ron:13: `r`: route has no source",
        "assets/broken.ron:13: `r`: unknown credential `nope`",
        "assets/broken.ron:13: `r`: requirement SemesterHours(0) has a zero amount",
        "jurisdiction `TX` is missing",
    ];
    for line in expect {
        assert!(
            report.iter().any(|r| r.contains(line)),
            "expected a problem containing {line:?}, got:\n{}",
            report.join("\n")
        );
    }
}

#[test]
fn invalid_ron_names_the_file_line_and_column() {
    let files = [(
        "assets/typo.ron",
        "(\n    education: [\n        (id: \"a\" title: \"x\"),\n    ],\n)",
    )];
    let err = Guide::from_files(&files).expect_err("a missing comma");
    assert_eq!(
        (err.file.as_str(), err.line),
        ("assets/typo.ron", 3),
        "{err}"
    );
    assert!(err.to_string().starts_with("assets/typo.ron:3:"), "{err}");
}

/// A step is written as one record in the files (the app keeps its details
/// apart): a misspelled field is still named, with the step and its line.
#[test]
fn a_misspelled_step_field_is_named_with_its_line() {
    let step = |extra: &str| {
        format!(
            "(\n    education: [\n        (id: \"a\", title: \"x\", summary: \"s\", what: \"w\",\n         why: \"y\", how: \"h\", sources: [], {extra}),\n    ],\n)"
        )
    };
    let good = step("one_of: true");
    let guide = Guide::from_files(&[("assets/a.ron", &good)]).expect("a valid step");
    assert_eq!(guide.education[0].what, "w");
    assert!(guide.education[0].one_of);
    let bad = step("hwo: \"typo\"");
    let err = Guide::from_files(&[("assets/a.ron", &bad)]).expect_err("an unknown field");
    assert_eq!(err.line, 4, "{err}");
    assert!(
        err.message.contains("hwo") && err.message.contains("Step"),
        "{err}"
    );
}

#[test]
fn no_source_uses_a_known_spam_host() {
    use medtech::content::{SPAM_HOSTS, is_spam_url, url_host};
    let guide = guide();
    for source in &guide.sources {
        assert!(
            !is_spam_url(&source.url),
            "source {} uses spam host {}",
            source.id,
            url_host(&source.url)
        );
    }
    // The list itself catches subdomains and www., and leaves lookalikes alone.
    assert!(SPAM_HOSTS.contains(&"loveandrosen.com"));
    assert!(is_spam_url(
        "http://www.loveandrosen.com/medical-laboratory-technician"
    ));
    assert!(is_spam_url("https://blog.winenfood.com/x"));
    assert!(!is_spam_url("https://notloveandrosen.com/"));
    assert!(!is_spam_url("https://americanmedtech.org/"));
}

#[test]
fn the_validator_rejects_a_spam_source() {
    let text = r#"(
    sources: [
        (id: "s", title: "T", publisher: "P", url: "http://www.loveandrosen.com/medical-laboratory-technician", tier: Copy, verified: "2026-11-25"),
    ],
    education: [
        (id: "a", title: "A", summary: "S", what: "W", why: "Y", how: "H", sources: ["s"]),
    ],
)"#;
    let files = [("assets/education.ron", text)];
    let guide = Guide::from_files(&files).unwrap_or_else(|e| panic!("{e}"));
    let problems = guide.validate(&files);
    assert!(
        problems.iter().any(|p| p.message.contains("spam host")),
        "{problems:?}"
    );
}

/// One source in a fixture, on `url`, with an optional `checked` date.
fn one_source(url: &str, extra: &str) -> String {
    format!(
        r#"(
    sources: [
        (id: "s", title: "T", publisher: "P", url: "{url}", tier: Copy, verified: "2026-11-25"{extra}),
    ],
    education: [
        (id: "a", title: "A", summary: "S", what: "W", why: "Y", how: "H", sources: ["s"]),
    ],
)"#
    )
}

/// What the validator says about the fixture's source `s` (the fixture is
/// no whole guide: what it says about missing states is left out).
fn problems_of(text: &str) -> Vec<String> {
    let files = [("assets/education.ron", text)];
    let guide = Guide::from_files(&files).unwrap_or_else(|e| panic!("{e}"));
    guide
        .validate(&files)
        .iter()
        .map(ToString::to_string)
        .filter(|p| p.contains("source `s`"))
        .collect()
}

#[test]
fn no_source_cites_a_refused_host() {
    use medtech::content::{REFUSED_HOSTS, is_refused_url, url_host};
    for source in &guide().sources {
        assert!(
            !is_refused_url(&source.url),
            "source {} cites refused host {}",
            source.id,
            url_host(&source.url)
        );
    }
    // The hosts issue 27 names: content farms, scrapers, AI legal mirrors
    // and spam-injected copies, with their subdomains.
    for url in [
        "https://www.fusionmedstaff.com/licenses/laboratory/louisiana/",
        "https://info.5y1.org/x.html",
        "https://m.moam.info/x.html",
        "https://docsbay.net/Louisiana-State-Board-Of-Medical-Examiners",
        "https://vdocument.in/x.html",
        "https://lexace.ai/us/statute/new-york/edn-8606",
        "https://instalawyer.io/laws/georgia-code/31-22-1-definitions",
        "https://www.codexpr.ai/ley/1988-167",
        "https://eathealthy365.com/x",
        "https://www.nafnext.com/x",
        "http://www.loveandrosen.com/medical-laboratory-technician",
    ] {
        assert!(is_refused_url(url), "{url}");
    }
    assert!(REFUSED_HOSTS.contains(&"fusionmedstaff.com"));
    assert!(!is_refused_url(
        "https://www.lsbme.la.gov/content/background-check"
    ));
    assert!(!is_refused_url("https://notlexace.ai/"));
    // The validator names the host and what to do.
    let problems = problems_of(&one_source("https://www.codexpr.ai/ley/1988-167", ""));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("refused host") && p.contains("codexpr.ai")),
        "{problems:?}"
    );
    // A forum listing changes from one visit to the next; a thread does not.
    let listing = problems_of(&one_source(
        "https://rl.huuu.biz/r/MLS_CLS/hot?after=t3_1j1bvxx",
        "",
    ));
    assert!(
        listing.iter().any(|p| p.contains("forum listing")),
        "{listing:?}"
    );
    let thread = problems_of(&one_source(
        "https://redlib.example/r/MLS_CLS/comments/1hnyebe/ca_cls/",
        "",
    ));
    assert!(thread.is_empty(), "{thread:?}");
}

#[test]
fn every_checked_date_is_on_or_before_today_and_not_before_the_item_was_written() {
    let today = medtech::clock::Clock::System.today();
    let mut checked = 0;
    for source in &guide().sources {
        if let Some(day) = source.checked {
            checked += 1;
            assert!(day <= today, "{} checked {day}, after today", source.id);
            assert!(
                day >= source.verified,
                "{} checked {day}, before it was written ({})",
                source.id,
                source.verified
            );
        }
    }
    assert!(checked > 0, "no source records a comparison with its page");
    // The validator catches a check dated before the writing.
    let early = problems_of(&one_source(
        "https://example.org/",
        r#", checked: Some("2026-11-01")"#,
    ));
    assert!(
        early.iter().any(|p| p.contains("before it was written")),
        "{early:?}"
    );
    let fine = problems_of(&one_source(
        "https://example.org/",
        r#", checked: Some("2026-12-07")"#,
    ));
    assert!(fine.is_empty(), "{fine:?}");
}

#[test]
fn every_licensing_jurisdiction_has_an_accepted_credentials_entry_or_an_explicit_unknown() {
    let guide = guide();
    let licensing: Vec<_> = guide
        .states
        .iter()
        .filter(|s| s.license == LicenseRule::Required)
        .collect();
    assert_eq!(licensing.len(), 11, "CA FL HI LA MT NV NY ND TN WV PR");
    for state in licensing {
        assert!(
            !state.accepts.is_empty() || state.accepts_unknown.is_some(),
            "{} has neither an accepts table nor accepts_unknown",
            state.code
        );
        for row in &state.accepts {
            assert!(
                guide.credential(&row.credential).is_some(),
                "{}: {}",
                state.code,
                row.credential
            );
            assert!(
                !row.sources.is_empty(),
                "{}: {}",
                state.code,
                row.credential
            );
            for id in &row.sources {
                assert!(
                    guide.source(id).is_some(),
                    "{}: unknown source {id}",
                    state.code
                );
            }
        }
    }
}

#[test]
fn every_route_cites_at_least_one_known_source() {
    let guide = guide();
    for route in &guide.routes {
        assert!(
            !route.sources.is_empty(),
            "route {} has no source",
            route.id
        );
        for id in &route.sources {
            assert!(
                guide.source(id).is_some(),
                "route {}: unknown source {id}",
                route.id
            );
        }
        // A route resting only on third parties must say so.
        if guide.third_party_only(&route.sources) {
            assert!(
                matches!(
                    route.caveat,
                    Some(
                        medtech::content::Caveat::Unverified(_)
                            | medtech::content::Caveat::Conflict(_)
                    )
                ),
                "route {} rests on third parties without a caveat",
                route.id
            );
        }
    }
}

#[test]
fn every_fee_and_duration_cites_a_known_source() {
    let guide = guide();
    for (_, step) in guide.all_steps() {
        for fee in &step.fees {
            assert!(!fee.sources.is_empty(), "{}: fee {}", step.id, fee.what);
            assert!(
                fee.usd_max.is_none_or(|m| m >= fee.usd),
                "{}: {}",
                step.id,
                fee.what
            );
            if guide.third_party_only(&fee.sources) {
                assert!(
                    fee.caveat.is_some(),
                    "{}: fee {} is third-party only",
                    step.id,
                    fee.what
                );
            }
        }
        if step.duration.is_some() {
            assert!(
                !step.duration_sources.is_empty(),
                "{}: duration without source",
                step.id
            );
        }
        for id in &step.duration_sources {
            assert!(
                guide.source(id).is_some(),
                "{}: unknown duration source {id}",
                step.id
            );
        }
    }
}

#[test]
fn california_counts_amt_exams_only_from_their_approval_dates() {
    use medtech::content::{Accepts, Level};
    let guide = guide();
    let mlt = guide
        .acceptance("CA", Level::Technician, "mlt-amt")
        .expect("CA MLT(AMT) row");
    assert_eq!(mlt.accepts, Accepts::Yes);
    assert_eq!(
        mlt.exam_from.map(|d| d.to_string()).as_deref(),
        Some("2023-01-30")
    );
    let mls = guide
        .acceptance("CA", Level::Technologist, "mls-amt")
        .expect("CA MLS(AMT) row");
    assert_eq!(
        mls.exam_from.map(|d| d.to_string()).as_deref(),
        Some("2014-01-01")
    );
    // The ASCPi start date is disputed and must say so.
    let ascpi = guide
        .acceptance("CA", Level::Technologist, "mls-ascpi")
        .expect("CA MLS(ASCPi) row");
    assert!(matches!(
        ascpi.caveat,
        Some(medtech::content::Caveat::Conflict(_))
    ));
}

#[test]
fn new_york_takes_ascp_exams_and_not_amt() {
    use medtech::content::{Accepts, Level};
    let guide = guide();
    let a = |level, cred| guide.acceptance("NY", level, cred).map(|r| r.accepts);
    assert_eq!(a(Level::Technician, "mlt-ascp"), Some(Accepts::Yes));
    assert_eq!(a(Level::Technologist, "mls-ascp"), Some(Accepts::Yes));
    assert_eq!(a(Level::Technician, "mlt-amt"), Some(Accepts::No));
    assert_eq!(a(Level::Technologist, "mls-amt"), Some(Accepts::No));
}

#[test]
fn the_new_credentials_have_routes() {
    let guide = guide();
    for cred in ["mls-amt", "mlt-aab", "mt-aab", "mlt-ascpi", "mls-ascpi"] {
        assert!(
            guide.routes.iter().any(|r| r.credential == cred),
            "{cred} has no route"
        );
    }
    let mls1 = guide
        .routes
        .iter()
        .find(|r| r.id == "mls-ascp.1")
        .expect("mls-ascp.1");
    assert!(mls1.requirements.iter().any(|r| matches!(
        r,
        medtech::content::Requirement::Program {
            within_years: Some(5),
            ..
        }
    )));
}

#[test]
fn every_third_party_only_item_carries_a_caveat() {
    // The same items `examples/content_report.rs` counts: a claim resting only on
    // third parties must say so (CONTENT.md, "Source tiers").
    let guide = guide();
    let mut missing = Vec::new();
    let mut check = |at: String, sources: &[String], caveat: bool| {
        if guide.third_party_only(sources) && !caveat {
            missing.push(at);
        }
    };
    for (_, step) in guide.all_steps() {
        check(
            format!("step {}", step.id),
            &step.sources,
            step.caveat.is_some(),
        );
        for f in &step.facts {
            check(
                format!("step {} fact {}", step.id, f.label),
                &f.sources,
                f.caveat.is_some(),
            );
        }
    }
    for record in &guide.states {
        for f in &record.facts {
            check(
                format!("{} fact {}", record.code, f.label),
                &f.sources,
                f.caveat.is_some(),
            );
        }
        for row in &record.accepts {
            check(
                format!("{} accepts {}", record.code, row.credential),
                &row.sources,
                row.caveat.is_some(),
            );
        }
    }
    for c in &guide.certifiers {
        for f in &c.facts {
            check(
                format!("{} fact {}", c.id, f.label),
                &f.sources,
                f.caveat.is_some(),
            );
        }
    }
    for c in &guide.credentials {
        for f in &c.facts {
            check(
                format!("{} fact {}", c.id, f.label),
                &f.sources,
                f.caveat.is_some(),
            );
        }
    }
    for f in &guide.career {
        check(
            format!("career {}", f.label),
            &f.sources,
            f.caveat.is_some(),
        );
    }
    assert!(
        missing.is_empty(),
        "third-party only, no caveat:\n{}",
        missing.join("\n")
    );
}

/// Issue 20, item 6: a step's weeks say "at least" where the source gives
/// only a floor, and one figure reads as one.
#[test]
fn weeks_read_as_their_source_gives_them() {
    use medtech::content::Weeks;
    let weeks = |min, max, at_least| Weeks { min, max, at_least };
    assert_eq!(weeks(10, 10, true).words(), "at least 10 weeks");
    assert_eq!(weeks(10, 10, false).words(), "10 weeks");
    assert_eq!(weeks(1, 1, false).words(), "1 week");
    assert_eq!(weeks(0, 13, false).words(), "up to 13 weeks");
    assert_eq!(weeks(8, 12, false).words(), "8–12 weeks");
    let guide = guide();
    let (_, step) = guide
        .step("ca.mlt-apply")
        .expect("California's MLT application");
    assert_eq!(step.duration, Some(weeks(10, 10, true)));
    let none = ron::from_str::<Weeks>("(min: 8, max: 12)").expect("reads without the flag");
    assert!(!none.at_least);
}
