//! A maintainer's report on how well the guide's content is sourced.
//!
//! Run with `cargo run --example content_report`. It prints:
//! 1. every item that cites only third-party sources,
//! 2. every caveat (unverified claims and conflicts),
//! 3. every source by the day its page was last compared with the guide
//!    (`checked`), those never re-checked since written first,
//! 4. the share of substantive items resting only on third parties, the
//!    share backed by at least one official source, and how many sources
//!    were compared with their page.
//!
//! An "item" is a substantive claim with its own sources: a step (sub-steps
//! included), a fact, a fee, a route, or a row of a state's accepted-credentials
//! table. Containers (state records, certifiers, credentials) are not counted;
//! their facts are. See CONTENT.md for the source tiers.

use std::process::ExitCode;

use medtech::content::{Caveat, EMBEDDED_FILES, Fact, Guide, Step, Tier};

/// One sourced claim of the guide.
struct Item {
    /// Where it is, e.g. `step cert.apply.fee` or `CA fact "Renewal"`.
    at: String,
    sources: Vec<String>,
    caveat: Option<Caveat>,
}

fn facts(out: &mut Vec<Item>, owner: &str, facts: &[Fact]) {
    for f in facts {
        out.push(Item {
            at: format!("{owner} fact \"{}\"", f.label),
            sources: f.sources.clone(),
            caveat: f.caveat.clone(),
        });
    }
}

fn steps(out: &mut Vec<Item>, list: &[Step]) {
    for s in list {
        out.push(Item {
            at: format!("step {}", s.id),
            sources: s.sources.clone(),
            caveat: s.caveat.clone(),
        });
        facts(out, &format!("step {}", s.id), &s.facts);
        for fee in &s.fees {
            out.push(Item {
                at: format!("step {} fee \"{}\"", s.id, fee.what),
                sources: fee.sources.clone(),
                caveat: fee.caveat.clone(),
            });
        }
        steps(out, &s.substeps);
    }
}

fn items(guide: &Guide) -> Vec<Item> {
    let mut out = Vec::new();
    steps(&mut out, &guide.education);
    steps(&mut out, &guide.certification);
    steps(&mut out, &guide.licensing);
    steps(&mut out, guide.no_license_step.as_slice());
    for c in &guide.certifiers {
        facts(&mut out, &format!("certifier {}", c.id), &c.facts);
    }
    for c in &guide.credentials {
        facts(&mut out, &format!("credential {}", c.id), &c.facts);
    }
    for r in &guide.routes {
        out.push(Item {
            at: format!("route {}", r.id),
            sources: r.sources.clone(),
            caveat: r.caveat.clone(),
        });
    }
    for s in &guide.states {
        facts(&mut out, &s.code, &s.facts);
        steps(&mut out, &s.steps);
        for a in &s.accepts {
            out.push(Item {
                at: format!("{} accepts {} ({:?})", s.code, a.credential, a.level),
                sources: a.sources.clone(),
                caveat: a.caveat.clone(),
            });
        }
    }
    facts(&mut out, "career", &guide.career);
    out
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss, reason = "counts are small")]
    let share = part as f64 * 100.0 / whole as f64;
    share
}

fn main() -> ExitCode {
    let guide = match Guide::embedded() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("content does not parse: {e}");
            return ExitCode::FAILURE;
        }
    };
    let items = items(&guide);

    println!("== Items citing only third-party sources ==");
    let mut third = 0;
    for item in &items {
        if guide.third_party_only(&item.sources) {
            third += 1;
            let marked = if item.caveat.is_some() {
                "caveat"
            } else {
                "NO CAVEAT"
            };
            println!("  [{marked}] {}: {}", item.at, item.sources.join(", "));
        }
    }

    println!("\n== Caveats ==");
    for item in &items {
        match &item.caveat {
            Some(Caveat::Unverified(t)) => println!("  unverified  {}: {t}", item.at),
            Some(Caveat::Conflict(t)) => println!("  conflict    {}: {t}", item.at),
            None => {}
        }
    }

    println!("\n== Sources by last check (never re-checked since written first) ==");
    let mut sources: Vec<_> = guide.sources.iter().collect();
    sources.sort_by(|a, b| (a.checked, a.verified, &a.id).cmp(&(b.checked, b.verified, &b.id)));
    let checked = sources.iter().filter(|s| s.checked.is_some()).count();
    for s in sources {
        let tier = match s.tier {
            Tier::Official => "official",
            Tier::Copy => "copy",
            Tier::ThirdParty => "third party",
        };
        let dated = s.dated.as_deref().unwrap_or("undated");
        let seen = s.checked.map_or_else(
            || format!("not re-checked since written {}", s.verified),
            |day| format!("checked {day}"),
        );
        println!("  {seen:<41} {tier:<11} {:<32} {} ({dated})", s.id, s.url);
    }

    let official = items
        .iter()
        .filter(|i| guide.best_tier(&i.sources) == Some(Tier::Official))
        .count();
    let total = items.len();
    println!("\n== Shares ==");
    println!("  substantive items:      {total}");
    println!(
        "  third-party only:       {third} ({:.0}%)",
        percent(third, total)
    );
    println!(
        "  official backing:       {official} ({:.0}%)",
        percent(official, total)
    );
    println!(
        "  sources checked:        {checked} of {}",
        guide.sources.len()
    );
    let problems = guide.validate(EMBEDDED_FILES);
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "\n{} validation problem(s); run `cargo test --test content`",
            problems.len()
        );
        ExitCode::FAILURE
    }
}
