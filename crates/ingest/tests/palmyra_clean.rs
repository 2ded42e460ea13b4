//! The cleaner against five real pages (the Palmyra reference corpus, kept outside the repository
//! because the pages are copyrighted).
//!
//! `palmyra-clean-gold.tsv` lists, per page, the 1-based numbers of the lines that must be removed
//! and why; every other non-empty line must stay in the clean text. The gold file holds line
//! numbers only, never text from the pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use corroborate_ingest::clean::clean_text;
use corroborate_ingest::RemovalReason;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/palmyra-2016")
}

/// file name → line number → reason.
fn gold() -> BTreeMap<String, BTreeMap<usize, RemovalReason>> {
    let tsv = include_str!("palmyra-clean-gold.tsv");
    let mut gold: BTreeMap<String, BTreeMap<usize, RemovalReason>> = BTreeMap::new();
    for (n, row) in tsv.lines().enumerate() {
        if row.starts_with('#') || row.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields.len(), 3, "gold line {}: expected file, line, reason", n + 1);
        let line: usize = fields[1].parse().unwrap_or_else(|_| panic!("gold line {}: bad line number", n + 1));
        let reason: RemovalReason = serde_json::from_str(&format!("\"{}\"", fields[2]))
            .unwrap_or_else(|_| panic!("gold line {}: unknown reason {:?}", n + 1, fields[2]));
        gold.entry(fields[0].to_string()).or_default().insert(line, reason);
    }
    gold
}

/// What the cleaner did with each non-empty source line: `None` kept, `Some(reason)` removed.
///
/// The public output has no line numbers, so the source lines are matched in order against the
/// kept paragraphs and the removed list (both are in source order).
fn verdicts(raw: &str) -> Vec<(usize, Option<RemovalReason>)> {
    let clean = clean_text(raw, None);
    let kept: Vec<&str> = if clean.text.is_empty() { Vec::new() } else { clean.text.split("\n\n").collect() };
    let (mut k, mut r) = (0, 0);
    let mut out = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        let normal = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if normal.is_empty() {
            continue;
        }
        let is_kept = kept.get(k) == Some(&normal.as_str());
        let is_removed = clean.removed.get(r).is_some_and(|x| x.text == normal);
        assert!(is_kept || is_removed, "line {} is neither kept nor removed", n + 1);
        assert!(!(is_kept && is_removed), "line {} is ambiguous: same text kept and removed next", n + 1);
        if is_kept {
            k += 1;
            out.push((n + 1, None));
        } else {
            out.push((n + 1, Some(clean.removed[r].reason)));
            r += 1;
        }
    }
    assert_eq!((k, r), (kept.len(), clean.removed.len()), "output has lines the source does not");
    out
}

#[test]
fn palmyra_clean_matches_gold() {
    let dir = corpus_dir();
    if !dir.is_dir() {
        eprintln!("skipping: Palmyra corpus not found at {}", dir.display());
        return;
    }
    let gold = gold();
    let mut failures = Vec::new();
    for (file, expected) in &gold {
        let raw = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let got = verdicts(&raw);
        let removed = got.iter().filter(|(_, v)| v.is_some()).count();
        println!("{file}: {removed} removed, {} kept, {} gold removals", got.len() - removed, expected.len());
        for (line, verdict) in &got {
            match (expected.get(line), verdict) {
                (Some(want), Some(have)) if want == have => {}
                (None, None) => {}
                (Some(want), Some(have)) => {
                    failures.push(format!("{file}:{line}: removed as {have:?}, gold says {want:?}"))
                }
                (Some(want), None) => failures.push(format!("{file}:{line}: kept, gold says remove as {want:?}")),
                (None, Some(have)) => failures.push(format!("{file}:{line}: body line removed as {have:?}")),
            }
        }
        for line in expected.keys() {
            if !got.iter().any(|(n, _)| n == line) {
                failures.push(format!("{file}:{line}: gold line is empty or past the end"));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
