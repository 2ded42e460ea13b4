//! The terminal digest of the dossiers: per story what happened when, its top figures with their
//! relation, its claims with their independence and its blame rows, at most 100 columns wide.

use super::timeline::{clip, readable};
use super::{interval, reconciled};
use corroborate_reconcile::{Dossier, Relation};
use std::fmt::Write;

/// How many figures, claims and blame rows a story shows.
const TOP: usize = 3;
const WIDTH: usize = 100;

/// The digest of `dossiers`, plain text; empty when no dossier has a figure, claim or blame row.
pub fn digest(dossiers: &[Dossier]) -> String {
    let mut out = String::new();
    for d in dossiers {
        let claims = &d.provenance.claims;
        if d.figures.is_empty() && claims.is_empty() && d.blame.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", clip(&format!("{}  {}", d.story, d.title), WIDTH));
        let story: Vec<&corroborate_reconcile::Event> = d.timeline.iter().filter(|e| !e.background).collect();
        if !story.is_empty() {
            let _ = writeln!(out, "  what happened:");
            for e in story.iter().take(TOP + 2) {
                let _ = writeln!(out, "{}", clip(&format!("    {}  {} [{}]", readable(e), e.what, e.outlets.join(", ")), WIDTH));
            }
            if story.len() > TOP + 2 {
                let _ = writeln!(out, "    … and {} more", story.len() - TOP - 2);
            }
        }
        if !d.figures.is_empty() {
            let _ = writeln!(out, "  figures ({} policy):", d.policy);
            for f in d.figures.iter().take(TOP) {
                let relation = match f.relation {
                    Relation::Agree => "agree",
                    Relation::Compatible => "compatible",
                    Relation::Contradict => "CONTRADICT",
                };
                let _ = writeln!(out, "{}", clip(&format!("    {} ({}): {relation}; {}; {} independent", f.topic, f.unit, reconciled(&f.reconciled), f.independent_sources), WIDTH));
                for v in &f.values {
                    let _ = writeln!(out, "{}", clip(&format!("      {}  {}, in {}", interval(v), v.holder, v.outlet), WIDTH));
                }
            }
            more(&mut out, d.figures.len());
        }
        if !claims.is_empty() {
            let name = |id: &str| d.provenance.nodes.iter().find(|n| n.id == id).map(|n| n.name.clone()).unwrap_or_else(|| id.to_string());
            let _ = writeln!(out, "  claims:");
            for c in claims.iter().take(TOP) {
                let chain: Vec<String> = std::iter::once(&c.origin).chain(&c.via).map(|id| name(id)).collect();
                let _ = writeln!(out, "{}", clip(&format!("    {}: {} independent of {} ({})", c.claim, c.independent, c.reported_in.len(), chain.join(" → ")), WIDTH));
            }
            more(&mut out, claims.len());
        }
        if !d.blame.is_empty() {
            let _ = writeln!(out, "  blame:");
            for b in d.blame.iter().take(TOP) {
                let _ = writeln!(out, "{}", clip(&format!("    {} → {}{} [{}]", b.holder, b.target, if b.for_.is_empty() { String::new() } else { format!(": {}", b.for_.join("; ")) }, b.outlets.join(", ")), WIDTH));
            }
            more(&mut out, d.blame.len());
        }
    }
    if out.is_empty() {
        out
    } else {
        format!("\ndossiers (see report.html for every receipt):{out}")
    }
}

/// Whether standard output should get colour: only on a terminal, never with a non-empty
/// `NO_COLOR` (no-color.org).
pub fn colour_wanted() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `text` (the summary and digest) with ANSI colour: headings (lines that start at the margin)
/// bold, `CONTRADICT` red. Only for a terminal: see [`colour_wanted`].
pub fn colourize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let body = body.replace("CONTRADICT", "\x1b[31;1mCONTRADICT\x1b[0m");
        if !body.is_empty() && !body.starts_with(' ') {
            let _ = write!(out, "\x1b[1m{body}\x1b[0m");
        } else {
            out.push_str(&body);
        }
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

fn more(out: &mut String, n: usize) {
    if n > TOP {
        let _ = writeln!(out, "    … and {} more", n - TOP);
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn digest_of_the_siege() {
        let expected = "
dossiers (see report.html for every receipt):
s-0a1b2c3d  ELA seizes St. Maren
  what happened:
    8 Mar 2025  ELA attacks St. Maren [Northgate Wire, VELNA]
    9 Mar 2025  CDF garrison withdraws to Corran [Northgate Wire]
  figures (ucdp policy):
    combatants attacking (fighters): CONTRADICT; low 1,500 · best 2,500 · high 3,000; 2 independent
      [1,500, 2,000]  Ministry of Defence, in Northgate Wire
      [3,000, ∞)  rebel commanders, in The Estrel Courier
  claims:
    9,000 civilians offered safe passage: 1 independent of 2 (Orvano News Agency → The Bastion)
  blame:
    Ministry of Defence → Serren Compact: arming the rebels [VELNA]
";
        assert_eq!(digest(&[fixture::siege()]), expected);
        for line in expected.lines() {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
    }

    #[test]
    fn colour_marks_headings_and_contradictions_only() {
        assert_eq!(colourize("story\n  a: CONTRADICT\n\n  plain\n"), "\x1b[1mstory\x1b[0m\n  a: \x1b[31;1mCONTRADICT\x1b[0m\n\n  plain\n");
    }

    #[test]
    fn empty_dossiers_have_no_digest() {
        let mut d = fixture::siege();
        d.figures.clear();
        d.blame.clear();
        d.provenance.claims.clear();
        assert_eq!(digest(&[d]), "");
    }
}
