//! Named entities on CoNLL-style files: entity-level precision, recall and F1 per type, as
//! `conlleval` counts them (an entity is right only when its span and type both match).
//!
//! Our types are scored as CoNLL's four (see `EntityType::conll`); other label sets are
//! mapped onto those four by `conll::to_conll_labels` (Person → PER; Organization → ORG;
//! Location, GPE, Facility → LOC; NORP, Nationality, Misc, Product, Event → MISC; dates,
//! money, quantities, weapons → not scored).

use crate::{f1, EvalError};
use corroborate_annotate::entities::conll::{self, Doc, Scheme};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// Counts for one type (or all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 { 0.0 } else { self.correct as f64 / self.predicted as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.correct as f64 / self.gold as f64 }
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Scores per type and overall, plus error kinds.
#[derive(Debug, Default)]
pub struct Report {
    pub name: String,
    pub scheme: Option<Scheme>,
    pub documents: usize,
    pub tokens: usize,
    pub by_type: BTreeMap<String, Counts>,
    pub all: Counts,
    /// Error kinds (e.g. `missed PER`, `ORG as LOC`, `boundary PER`) with counts.
    pub errors: BTreeMap<String, usize>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "named entities on {} ({} documents, {} tokens, scheme {:?})\n", self.name, self.documents, self.tokens, self.scheme.unwrap_or(Scheme::Bio))?;
        writeln!(f, "{:<8} {:>7} {:>7} {:>7} {:>7} {:>7}", "type", "P", "R", "F1", "gold", "ours")?;
        for (t, c) in &self.by_type {
            writeln!(f, "{:<8} {:>7.4} {:>7.4} {:>7.4} {:>7} {:>7}", t, c.precision(), c.recall(), c.f1(), c.gold, c.predicted)?;
        }
        let c = &self.all;
        writeln!(f, "{:<8} {:>7.4} {:>7.4} {:>7.4} {:>7} {:>7}", "all", c.precision(), c.recall(), c.f1(), c.gold, c.predicted)
    }
}

impl Report {
    /// The `n` most frequent error kinds.
    pub fn top_errors(&self, n: usize) -> Vec<(&str, usize)> {
        let mut e: Vec<(&str, usize)> = self.errors.iter().map(|(k, &v)| (k.as_str(), v)).collect();
        e.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        e.truncate(n);
        e
    }
}

/// Reads a CoNLL file (`.gz` allowed) or a folder of them (each file one or more documents).
///
/// A path ending in `@even` or `@odd` keeps only the documents at even (0, 2, 4, …) or odd
/// positions: a fixed split for training on one half of a set and scoring on the other.
pub fn read(path: &Path) -> Result<(Vec<Doc>, Scheme), EvalError> {
    let s = path.to_string_lossy();
    for (suffix, keep) in [("@even", 0), ("@odd", 1)] {
        if let Some(stem) = s.strip_suffix(suffix) {
            let (docs, scheme) = read(Path::new(stem))?;
            return Ok((docs.into_iter().enumerate().filter(|(i, _)| i % 2 == keep).map(|(_, d)| d).collect(), scheme));
        }
    }
    let mut files = Vec::new();
    if path.is_dir() {
        collect(path, &mut files)?;
        files.sort();
    } else {
        files.push(path.to_path_buf());
    }
    if files.is_empty() {
        return Err(EvalError::Format { path: path.display().to_string(), message: "no CoNLL files here".into() });
    }
    let mut docs = Vec::new();
    let mut iob1 = false;
    for file in files {
        let bytes = if file.extension().is_some_and(|e| e == "gz") { crate::gunzip(&file)? } else { crate::read(&file)? };
        let text = String::from_utf8_lossy(&bytes);
        let (d, scheme) = conll::parse(&text, &conll::to_conll_labels);
        iob1 |= scheme == Scheme::Iob1;
        docs.extend(d.into_iter().map(|doc| doc.into_iter().filter(|s| !is_url_line(s)).flat_map(split_sentences).collect::<Doc>()));
    }
    docs.retain(|d| !d.is_empty());
    Ok((docs, if iob1 { Scheme::Iob1 } else { Scheme::Bio }))
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io { path: dir.display().to_string(), source })?;
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            if !p.file_name().is_some_and(|n| n == "LICENSES") {
                collect(&p, out)?;
            }
        } else if p.extension().is_some_and(|e| e == "conll" || e == "txt" || e == "gz" || e == "iob2" || e == "tsv") && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("LICENSE")) {
            out.push(p);
        }
    }
    Ok(())
}

/// Worldwide-newswire opens each document with its URL as a token block.
fn is_url_line(s: &conll::Sentence) -> bool {
    s.tokens.len() == 1 && s.tokens[0].starts_with("http") && s.entities.is_empty()
}

/// Splits a paragraph-sized block at sentence-final punctuation followed by a capitalised
/// token, keeping entity spans whole.
fn split_sentences(s: conll::Sentence) -> Vec<conll::Sentence> {
    let mut cuts = vec![0];
    for i in 0..s.tokens.len().saturating_sub(1) {
        let end = matches!(s.tokens[i].as_str(), "." | "?" | "!");
        let next_cap = s.tokens[i + 1].chars().next().is_some_and(char::is_uppercase);
        let inside = s.entities.iter().any(|&(a, b, _)| a <= i && i + 1 < b);
        if end && next_cap && !inside && i + 1 - cuts.last().unwrap() >= 3 {
            cuts.push(i + 1);
        }
    }
    if cuts.len() == 1 {
        return vec![s];
    }
    cuts.push(s.tokens.len());
    cuts.windows(2)
        .map(|w| conll::Sentence {
            tokens: s.tokens[w[0]..w[1]].to_vec(),
            entities: s.entities.iter().filter(|&&(a, _, _)| a >= w[0] && a < w[1]).map(|(a, b, l)| (a - w[0], b - w[0], l.clone())).collect(),
        })
        .collect()
}

/// Scores predicted entity spans against the gold ones.
pub fn score(name: &str, docs: &[Doc], predicted: &[Vec<Vec<(usize, usize, String)>>]) -> Report {
    let mut r = Report { name: name.to_string(), documents: docs.len(), ..Report::default() };
    for (doc, pdoc) in docs.iter().zip(predicted) {
        for (sentence, pred) in doc.iter().zip(pdoc) {
            r.tokens += sentence.tokens.len();
            for (a, b, l) in &sentence.entities {
                r.by_type.entry(l.clone()).or_default().gold += 1;
                r.all.gold += 1;
                if pred.iter().any(|(pa, pb, pl)| pa == a && pb == b && pl == l) {
                    r.by_type.entry(l.clone()).or_default().correct += 1;
                    r.all.correct += 1;
                } else {
                    let kind = match pred.iter().find(|(pa, pb, _)| pa < b && a < pb) {
                        None => format!("missed {l}"),
                        Some((pa, pb, pl)) if pa == a && pb == b => format!("{l} tagged {pl}"),
                        Some((_, _, pl)) if pl == l => format!("{l} wrong boundary"),
                        Some((_, _, pl)) => format!("{l} wrong boundary and tagged {pl}"),
                    };
                    *r.errors.entry(kind).or_default() += 1;
                }
            }
            for (a, b, l) in pred {
                r.by_type.entry(l.clone()).or_default().predicted += 1;
                r.all.predicted += 1;
                if !sentence.entities.iter().any(|(ga, gb, _)| ga < b && a < gb) {
                    *r.errors.entry(format!("spurious {l}")).or_default() += 1;
                }
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_like_conlleval() {
        let (docs, _) = conll::parse("A B-PER\nB I-PER\nin O\nC B-LOC\nD B-ORG\n", &conll::conll_labels);
        let pred = vec![vec![vec![(0, 2, "PER".to_string()), (3, 4, "ORG".to_string()), (4, 5, "ORG".to_string())]]];
        let r = score("t", &docs, &pred);
        assert_eq!(r.all, Counts { gold: 3, predicted: 3, correct: 2 });
        assert_eq!(r.by_type["LOC"], Counts { gold: 1, predicted: 0, correct: 0 });
        assert_eq!(r.errors["LOC tagged ORG"], 1);
        assert!((r.all.f1() - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn paragraphs_split_into_sentences_without_cutting_entities() {
        let (docs, _) = conll::parse("He O\nleft O\n. O\nMr. B-PER\nX I-PER\ncame O\n. O\nThen O\n", &conll::conll_labels);
        let parts = split_sentences(docs[0][0].clone());
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[1].entities, vec![(0, 2, "PER".to_string())]);
    }
}
