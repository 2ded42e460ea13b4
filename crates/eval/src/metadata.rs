//! Metadata (title, authors, publication date) against the trafilatura evaluation set's gold
//! (`gold.jsonl` with `html`, `title`, `author`, `date` per page; pages gzip'd under `html/`).
//!
//! The whole ingest pipeline runs on each page, so decoding and the text-byline fallbacks count
//! too. Comparisons: title exact after whitespace folding and lowercasing (and, looser, one
//! containing the other); authors as the same set of name words ("A und B" = ["A", "B"]);
//! date as the same `YYYY-MM-DD`.

use crate::{fold_whitespace, gunzip, read, EvalError};
use corroborate_ingest::{documents_from_bytes, Options};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

/// Accuracy of one field.
#[derive(Debug, Default)]
pub struct FieldScore {
    pub field: &'static str,
    pub n: usize,
    pub hits: usize,
    /// `(page, gold, ours)` for each miss.
    pub misses: Vec<(String, String, String)>,
}

impl FieldScore {
    fn new(field: &'static str) -> FieldScore {
        FieldScore { field, ..FieldScore::default() }
    }

    fn add(&mut self, hit: bool, page: &str, gold: &str, ours: &str) {
        self.n += 1;
        if hit {
            self.hits += 1;
        } else {
            self.misses.push((page.to_string(), gold.to_string(), ours.to_string()));
        }
    }

    pub fn accuracy(&self) -> f64 {
        if self.n == 0 { 0.0 } else { self.hits as f64 / self.n as f64 }
    }
}

/// Scores every page with metadata gold; returns the field scores and our predictions
/// (`{page: {title, authors, date}}`).
pub fn evaluate(dir: &Path) -> Result<(Vec<FieldScore>, Value), EvalError> {
    let gold_path = dir.join("gold.jsonl");
    let gold = String::from_utf8_lossy(&read(&gold_path)?).into_owned();
    let mut title = FieldScore::new("title (exact)");
    let mut title_contains = FieldScore::new("title (either contains other)");
    let mut author = FieldScore::new("authors (same names)");
    let mut date = FieldScore::new("date (same day)");
    let mut predictions = serde_json::Map::new();
    let options = Options::default();
    for (i, line) in gold.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let page: Value = serde_json::from_str(line)
            .map_err(|e| EvalError::Format { path: format!("{}:{}", gold_path.display(), i + 1), message: e.to_string() })?;
        let gold_title = non_empty(&page["title"]);
        let gold_authors = gold_authors(&page["author"]);
        let gold_date = non_empty(&page["date"]);
        if gold_title.is_none() && gold_authors.is_empty() && gold_date.is_none() {
            continue;
        }
        let rel = page["html"].as_str().unwrap_or_default();
        let bytes = gunzip(&dir.join(rel))?;
        let doc = documents_from_bytes(rel, &bytes, &options).into_iter().find_map(Result::ok);
        let (ours_title, ours_authors, ours_date) = match &doc {
            Some(d) => (
                d.title.as_deref().map(normalise).unwrap_or_default(),
                d.authors.iter().map(|a| normalise(a)).collect::<Vec<_>>(),
                d.published.as_ref().and_then(|p| p.date()).unwrap_or("").to_string(),
            ),
            None => Default::default(),
        };
        predictions.insert(rel.to_string(), json!({ "title": doc.as_ref().and_then(|d| d.title.clone()), "authors": doc.as_ref().map(|d| d.authors.clone()), "date": doc.as_ref().and_then(|d| d.published.as_ref().map(|p| p.iso().to_string())) }));
        if let Some(want) = gold_title.as_deref().map(normalise) {
            title.add(ours_title == want, rel, &want, &ours_title);
            let contains = !ours_title.is_empty() && (ours_title.contains(&want) || want.contains(&ours_title));
            title_contains.add(contains, rel, &want, &ours_title);
        }
        if !gold_authors.is_empty() {
            author.add(name_words(&ours_authors) == name_words(&gold_authors), rel, &gold_authors.join("; "), &ours_authors.join("; "));
        }
        if let Some(want) = gold_date {
            date.add(ours_date == want.get(..10).unwrap_or(&want), rel, &want, &ours_date);
        }
    }
    Ok((vec![title, title_contains, author, date], Value::Object(predictions)))
}

fn non_empty(value: &Value) -> Option<String> {
    value.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// Gold authors: a list, or one string with names separated by ";".
fn gold_authors(value: &Value) -> Vec<String> {
    let raw: Vec<&str> = match value {
        Value::String(s) => s.split(';').collect(),
        Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    raw.into_iter().map(normalise).filter(|s| !s.is_empty()).collect()
}

fn normalise(text: &str) -> String {
    fold_whitespace(text).to_lowercase()
}

/// The words of a list of names without connectives, so "A und B" equals ["A", "B"].
fn name_words(names: &[String]) -> BTreeSet<String> {
    names
        .iter()
        .flat_map(|n| n.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').map(str::to_lowercase).collect::<Vec<_>>())
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "and" | "und" | "by" | "von" | "et" | "y" | "par" | "por"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_lists_compare_as_name_words() {
        assert_eq!(name_words(&["anna berg und tom ley".into()]), name_words(&["Tom Ley".into(), "Anna Berg".into()]));
        assert_eq!(gold_authors(&json!("A  B; C")), vec!["a b", "c"]);
    }
}
