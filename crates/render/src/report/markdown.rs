//! The dossiers as Markdown, for pasting into an article draft or an issue: one section per
//! story, tables for the timeline, figures and blame, and every item's evidence sentence as a
//! footnote (`[^sN-M]`) with its outlet and source link.

use super::{interval, number, reconciled};
use corroborate_reconcile::{Dossier, Evidence, Relation};
use std::fmt::Write;

/// Markdown of all `dossiers`.
pub fn markdown(dossiers: &[Dossier]) -> String {
    let mut out = String::new();
    for (n, d) in dossiers.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        story(&mut out, d, n + 1);
    }
    out
}

/// Footnotes of one story: `[^s{story}-{n}]`, one per distinct evidence sentence.
struct Notes {
    story: usize,
    notes: Vec<(String, String, Option<String>)>,
}

impl Notes {
    fn cite(&mut self, evidence: &[Evidence]) -> String {
        let mut refs = String::new();
        for e in evidence {
            let key = (e.outlet.clone(), e.sentence.text.clone(), e.url.clone());
            let i = match self.notes.iter().position(|n| *n == key) {
                Some(i) => i,
                None => {
                    self.notes.push(key);
                    self.notes.len() - 1
                }
            };
            let tag = format!("[^s{}-{}]", self.story, i + 1);
            if !refs.contains(&tag) {
                refs.push_str(&tag);
            }
        }
        refs
    }
}

/// Escapes what Markdown would read as markup (and table pipes); newlines become spaces.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A link target for Markdown, only for http(s) URLs, with the characters that would end it
/// percent-encoded.
fn md_url(url: &str) -> Option<String> {
    super::href(url)?;
    Some(url.trim().chars().map(|c| match c {
        '(' => "%28".to_string(),
        ')' => "%29".to_string(),
        '<' => "%3C".to_string(),
        '>' => "%3E".to_string(),
        c => c.to_string(),
    }).collect())
}

fn relation(r: Relation) -> &'static str {
    match r {
        Relation::Agree => "agree",
        Relation::Compatible => "compatible",
        Relation::Contradict => "**contradict**",
    }
}

fn story(out: &mut String, d: &Dossier, n: usize) {
    let mut notes = Notes { story: n, notes: Vec::new() };
    let outlets: Vec<&str> = d.outlets.iter().map(|o| o.outlet.as_str()).collect();
    let _ = writeln!(out, "## {}\n", md(if d.title.trim().is_empty() { "(untitled story)" } else { &d.title }));
    let _ = writeln!(
        out,
        "Story `{}` · {} document{} · policy: {}{}\n",
        d.story.replace('`', "'"),
        d.documents.len(),
        if d.documents.len() == 1 { "" } else { "s" },
        md(d.policy),
        if outlets.is_empty() { String::new() } else { format!(" · outlets: {}", md(&outlets.join(", "))) }
    );
    if !d.timeline.is_empty() {
        out.push_str("### Timeline\n\n| When | What | Where | Reported by |\n|---|---|---|---|\n");
        for e in &d.timeline {
            let _ = writeln!(
                out,
                "| {}{} | {} {} | {} | {} |",
                md(&super::timeline::readable(e)),
                if e.background { " (background)" } else { "" },
                md(&e.what),
                notes.cite(&e.evidence),
                e.place.as_ref().map(|p| md(&p.name)).unwrap_or_default(),
                md(&e.outlets.join(", "))
            );
        }
        out.push('\n');
    }
    if !d.figures.is_empty() {
        out.push_str("### Figures\n\n");
        for f in &d.figures {
            let _ = writeln!(out, "**{}** ({}): {}. {}\n", md(&f.topic), md(&f.unit), relation(f.relation), md(&f.explanation));
            out.push_str("| Outlet | Who says so | Words | Interval |\n|---|---|---|---|\n");
            for v in &f.values {
                let _ = writeln!(out, "| {} | {} | “{}” {} | {} |", md(&v.outlet), md(&v.holder), md(&v.text), notes.cite(std::slice::from_ref(&v.evidence)), md(&interval(v)));
            }
            let _ = writeln!(
                out,
                "\nReconciled ({}): {}{}; {} independent source{}.\n",
                md(f.reconciled.policy),
                md(&reconciled(&f.reconciled)),
                if f.reconciled.rule.is_empty() { String::new() } else { format!(" ({})", md(&f.reconciled.rule)) },
                f.independent_sources,
                if f.independent_sources == 1 { "" } else { "s" }
            );
        }
    }
    if !d.quotes.is_empty() {
        out.push_str("### Who said what\n\n");
        for s in &d.quotes {
            let _ = writeln!(out, "- **{}** ({})", md(&s.speaker), md(&s.outlets.join(", ")));
            for q in &s.items {
                let _ = writeln!(out, "  - “{}” ({}, in {}) {}", md(&q.text), md(&q.kind), md(&q.outlets.join(", ")), notes.cite(&q.evidence));
            }
        }
        out.push('\n');
    }
    if !d.blame.is_empty() {
        out.push_str("### Blame\n\n| Who | Blames | For | In |\n|---|---|---|---|\n");
        for b in &d.blame {
            let _ = writeln!(out, "| {} | {} | {} {} | {} |", md(&b.holder), md(&b.target), md(&b.for_.join("; ")), notes.cite(&b.evidence), md(&b.outlets.join(", ")));
        }
        out.push('\n');
    }
    let p = &d.provenance;
    if !p.claims.is_empty() {
        let name = |id: &str| p.nodes.iter().find(|n| n.id == id).map(|n| n.name.clone()).unwrap_or_else(|| id.to_string());
        out.push_str("### Claims and their sources\n\n");
        for c in &p.claims {
            let chain: Vec<String> = std::iter::once(&c.origin).chain(&c.via).map(|id| md(&name(id))).collect();
            let reported: Vec<String> = c.reported_in.iter().map(|id| name(id)).collect();
            let _ = writeln!(
                out,
                "- {} {} — from {}, reported in {}: **{} independent** of {}",
                md(&c.claim),
                notes.cite(&c.evidence),
                chain.join(" → "),
                md(&reported.join(", ")),
                c.independent,
                reported.len()
            );
        }
        out.push('\n');
    }
    if !d.framing.is_empty() {
        out.push_str("### Framing\n\n");
        for f in &d.framing {
            let per: Vec<String> = f.terms_by_outlet.iter().map(|(o, ts)| format!("{}: {}", md(o), ts.iter().map(|t| format!("“{}” ×{}", md(&t.term), t.count)).collect::<Vec<_>>().join(", "))).collect();
            let _ = writeln!(out, "- **{}** — {}", md(&f.name), per.join("; "));
        }
        out.push('\n');
    }
    if !d.outlets.is_empty() {
        out.push_str("### Outlets\n\n| Outlet | Genre | Words | Hedges per 1,000 words |\n|---|---|---|---|\n");
        for o in &d.outlets {
            let _ = writeln!(out, "| {} | {} | {} | {:.1} |", md(&o.outlet), md(&o.genre), number(o.words as f64), o.hedge_density);
        }
        out.push('\n');
    }
    if !d.coverage.is_empty() {
        out.push_str("### Coverage gaps\n\n");
        for c in &d.coverage {
            let _ = writeln!(out, "- {} {} — reported by {}; missing from {}", md(&c.fact), notes.cite(&c.evidence), md(&c.reported_by.join(", ")), md(&c.missing_from.join(", ")));
        }
        out.push('\n');
    }
    for (i, (outlet, sentence, url)) in notes.notes.iter().enumerate() {
        let source = match url.as_deref().and_then(md_url) {
            Some(u) => format!("[{}]({u})", md(outlet)),
            None => md(outlet),
        };
        let _ = writeln!(out, "[^s{n}-{}]: {source}: “{}”", i + 1, md(sentence));
    }
    if !notes.notes.is_empty() {
        out.push('\n');
    }
    // One trailing newline per story.
    while out.ends_with("\n\n") {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn markdown_of_the_siege() {
        let expected = r#"## ELA seizes St. Maren

Story `s-0a1b2c3d` · 3 documents · policy: ucdp · outlets: Northgate Wire, VELNA

### Timeline

| When | What | Where | Reported by |
|---|---|---|---|
| Mar 2024 (background) | ELA first takes St. Maren [^s1-1] | St. Maren | Northgate Wire |
| 8 Mar 2025 | ELA attacks St. Maren [^s1-2] | St. Maren | Northgate Wire, VELNA |
| 9 Mar 2025 | CDF garrison withdraws to Corran [^s1-3] | Corran | Northgate Wire |

### Figures

**combatants attacking** (fighters): **contradict**. \[1,500, 2,000\] and (3,000, ∞) do not overlap

| Outlet | Who says so | Words | Interval |
|---|---|---|---|
| Northgate Wire | Ministry of Defence | “between 1,500 and 2,000” [^s1-2] | \[1,500, 2,000\] |
| The Estrel Courier | rebel commanders | “more than 3,000” [^s1-4] | \[3,000, ∞) |

Reconciled (ucdp): low 1,500 · best 2,500 · high 3,000 (median of the independent sources); 2 independent sources.

### Who said what

- **Ilse Varga** (Northgate Wire, VELNA)
  - “The town will be retaken” (direct, in Northgate Wire, VELNA) [^s1-5][^s1-6]

### Blame

| Who | Blames | For | In |
|---|---|---|---|
| Ministry of Defence | Serren Compact | arming the rebels [^s1-7] | VELNA |

### Claims and their sources

- 9,000 civilians offered safe passage [^s1-8] — from Orvano News Agency → The Bastion, reported in Northgate Wire, VELNA: **1 independent** of 2

### Framing

- **Estrel Liberation Army** — Northgate Wire: “ELA” ×7; VELNA: “so-called Estrel Liberation Army” ×2

### Outlets

| Outlet | Genre | Words | Hedges per 1,000 words |
|---|---|---|---|
| Northgate Wire | news | 812 | 3.7 |
| VELNA | news | 540 | 0.0 |

### Coverage gaps

- The garrison withdrew to Corran [^s1-3] — reported by Northgate Wire; missing from VELNA

[^s1-1]: [Northgate Wire](https://northgate.example/world/st-maren): “The ELA first took the port in March 2024.”
[^s1-2]: [Northgate Wire](https://northgate.example/world/st-maren): “The ELA attacked St. Maren before dawn on Saturday with between 1,500 and 2,000 fighters, the Ministry of Defence said.”
[^s1-3]: [Northgate Wire](https://northgate.example/world/st-maren): “On Sunday the garrison withdrew 40 km south to Corran.”
[^s1-4]: The Estrel Courier: “Rebel commanders said more than 3,000 fighters took part.”
[^s1-5]: [Northgate Wire](https://northgate.example/world/st-maren): “"The town will be retaken," said Defence Minister Ilse Varga.”
[^s1-6]: [VELNA](https://velna.example/news/st-maren): “"The town will be retaken," said Defence Minister Ilse Varga.”
[^s1-7]: [VELNA](https://velna.example/news/st-maren): “The ministry blamed the Serren Compact for arming the rebels.”
[^s1-8]: [Northgate Wire](https://northgate.example/world/st-maren): “Orvano reported that 9,000 civilians had been offered safe passage.”
"#;
        assert_eq!(markdown(&[fixture::siege()]), expected);
    }

    #[test]
    fn markup_in_the_text_is_escaped_and_bad_links_dropped() {
        let mut d = fixture::siege();
        d.title = "<script>alert(1)</script> | *x*".into();
        d.timeline[1].evidence[0].url = Some("javascript:alert(1)".into());
        let text = markdown(&[d]);
        assert!(text.starts_with("## \\<script\\>alert(1)\\</script\\> \\| \\*x\\*\n"), "{text}");
        assert!(!text.contains("javascript:"));
    }
}
