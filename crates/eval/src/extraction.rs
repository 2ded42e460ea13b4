//! Main-text extraction, scored as the Scrapinghub article-extraction benchmark does.
//!
//! A port of the benchmark's `evaluate.py`. Tokens are runs of letters, numbers and `_` (what
//! Python's `\w` matches: unlike Rust's `\w`, no combining marks); each text becomes a multiset
//! of 4-token shingles (fewer than 4 tokens: one shingle of all of them). Per page, true/false
//! positives and false negatives are the multiset intersection and the excesses, normalised by
//! their sum so long pages do not dominate. Precision is the mean over the pages with
//! something predicted or matched (tp + fp > 0), recall the mean over the pages with gold text
//! (tp + fn > 0); a page where prediction equals gold scores 1. F1 is the harmonic mean of the
//! two means.

use crate::{f1, fold_whitespace, gunzip, read, EvalError, Score};
use regex::Regex;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::LazyLock;

static TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid regex"));

/// Normalised (tp, fp, fn) of one page.
pub fn shingle_match(gold: &str, predicted: &str) -> (f64, f64, f64) {
    let gold = shingles(gold);
    let predicted = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (key, &g) in &gold {
        let p = predicted.get(key).copied().unwrap_or(0);
        tp += g.min(p);
        fn_ += g.saturating_sub(p);
    }
    for (key, &p) in &predicted {
        fp += p.saturating_sub(gold.get(key).copied().unwrap_or(0));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum)
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = TOKEN.find_iter(text).map(|m| m.as_str()).collect();
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < 4 {
        *counts.entry(tokens).or_insert(0) += 1;
        return counts;
    }
    for window in tokens.windows(4) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

fn precision((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

/// Scores predictions (page id → text) against gold (page id → text) over the gold's pages.
/// A page missing from the predictions counts as an empty prediction.
pub fn score(system: &str, gold: &BTreeMap<String, String>, predicted: &BTreeMap<String, String>) -> Score {
    let pages: Vec<(f64, f64, f64)> =
        gold.iter().map(|(id, g)| shingle_match(g, predicted.get(id).map(String::as_str).unwrap_or(""))).collect();
    let mean = |values: Vec<f64>| if values.is_empty() { 0.0 } else { values.iter().sum::<f64>() / values.len() as f64 };
    let p = mean(pages.iter().filter(|m| m.0 + m.1 > 0.0).map(|&m| precision(m)).collect());
    let r = mean(pages.iter().filter(|m| m.0 + m.2 > 0.0).map(|&m| recall(m)).collect());
    Score { system: system.to_string(), precision: p, recall: r, f1: f1(p, r), n: pages.len() }
}

/// Per-page F1 of one system, for finding where it fails.
pub fn page_f1(gold: &str, predicted: &str) -> f64 {
    let m = shingle_match(gold, predicted);
    f1(precision(m), recall(m))
}

/// A dataset in the Scrapinghub layout: `html/<id>.html.gz` and `ground-truth.json`.
pub struct Dataset {
    /// Page id → gold article body, for the pages whose HTML is present.
    pub gold: BTreeMap<String, String>,
    /// Page id → URL.
    pub urls: BTreeMap<String, String>,
    dir: std::path::PathBuf,
}

impl Dataset {
    pub fn open(dir: &Path) -> Result<Dataset, EvalError> {
        let truth_path = dir.join("ground-truth.json");
        let truth: Value = serde_json::from_slice(&read(&truth_path)?)
            .map_err(|e| EvalError::Format { path: truth_path.display().to_string(), message: e.to_string() })?;
        let html_dir = dir.join("html");
        let mut gold = BTreeMap::new();
        let mut urls = BTreeMap::new();
        let entries = std::fs::read_dir(&html_dir).map_err(|source| EvalError::Io { path: html_dir.display().to_string(), source })?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(id) = name.strip_suffix(".html.gz") else { continue };
            if let Some(item) = truth.get(id) {
                gold.insert(id.to_string(), item.get("articleBody").and_then(Value::as_str).unwrap_or("").to_string());
                if let Some(url) = item.get("url").and_then(Value::as_str) {
                    urls.insert(id.to_string(), url.to_string());
                }
            }
        }
        if gold.is_empty() {
            return Err(EvalError::Format { path: dir.display().to_string(), message: "no html/<id>.html.gz with an entry in ground-truth.json".into() });
        }
        Ok(Dataset { gold, urls, dir: dir.to_path_buf() })
    }

    /// The raw (decompressed) bytes of a page.
    pub fn html(&self, id: &str) -> Result<Vec<u8>, EvalError> {
        gunzip(&self.dir.join("html").join(format!("{id}.html.gz")))
    }

    /// Peer outputs stored beside the dataset (`peer-outputs/<tool>.json.gz`), by tool name.
    pub fn peers(&self) -> Result<BTreeMap<String, BTreeMap<String, String>>, EvalError> {
        let mut peers = BTreeMap::new();
        let dir = self.dir.join("peer-outputs");
        let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(peers) };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(tool) = name.strip_suffix(".json.gz").or_else(|| name.strip_suffix(".json")) else { continue };
            let bytes = if name.ends_with(".gz") { gunzip(&path)? } else { read(&path)? };
            let value: Value = serde_json::from_slice(&bytes)
                .map_err(|e| EvalError::Format { path: path.display().to_string(), message: e.to_string() })?;
            peers.insert(tool.to_string(), predictions_from_json(&value));
        }
        Ok(peers)
    }
}

/// Reads the benchmark's prediction format: `{id: {articleBody}}`, optionally wrapped as
/// `{"version": …, "output": {…}}`.
pub fn predictions_from_json(value: &Value) -> BTreeMap<String, String> {
    let map = value.get("output").filter(|o| o.is_object()).unwrap_or(value);
    map.as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(id, item)| {
                    let body = item.get("articleBody").and_then(Value::as_str).or_else(|| item.as_str())?;
                    Some((id.clone(), body.to_string()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Writes predictions in the benchmark's format.
pub fn predictions_to_json(predicted: &BTreeMap<String, String>) -> Value {
    Value::Object(predicted.iter().map(|(id, text)| (id.clone(), serde_json::json!({ "articleBody": text }))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let gold: BTreeMap<_, _> = [("a".to_string(), "one two three four five".to_string())].into();
        let s = score("same", &gold, &gold);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn extra_and_missing_text_cost_precision_and_recall() {
        // gold shingles: [a b c d], [b c d e]; predicted adds [c d e f]: tp 2, fp 1, fn 0
        let (tp, fp, fn_) = shingle_match("a b c d e", "a b c d e f");
        assert!((tp - 2.0 / 3.0).abs() < 1e-9 && (fp - 1.0 / 3.0).abs() < 1e-9 && fn_ == 0.0);
        assert_eq!(page_f1("a b c d e", ""), 0.0);
        assert_eq!(page_f1("", ""), 1.0);
        // Short texts are one shingle.
        assert_eq!(page_f1("a b", "a b"), 1.0);
        assert_eq!(page_f1("a b", "a c"), 0.0);
    }

    #[test]
    fn empty_predictions_count_against_recall_only() {
        // As evaluate.py: a page with nothing predicted is left out of the precision mean.
        let gold: BTreeMap<_, _> = [("a".into(), "w x y z".into()), ("b".into(), "p q r s".into())].into();
        let predicted: BTreeMap<_, _> = [("a".into(), "w x y z".into())].into();
        let s = score("half", &gold, &predicted);
        assert_eq!((s.precision, s.recall), (1.0, 0.5));
    }

    #[test]
    fn tokens_are_letters_and_numbers_without_marks() {
        // U+0301 (combining acute) splits tokens, as in Python's re.
        assert_eq!(TOKEN.find_iter("cafe\u{301} 42_x").map(|m| m.as_str()).collect::<Vec<_>>(), vec!["cafe", "42_x"]);
    }

    #[test]
    fn snippet_counts() {
        let ds = SnippetDataset {
            pages: vec![SnippetPage { html: "p".into(), with: vec!["a b".into(), "c".into()], without: vec!["menu".into(), "ads".into()] }],
            dir: std::path::PathBuf::new(),
        };
        let predicted: BTreeMap<_, _> = [("p".to_string(), "x a\n b menu".to_string())].into();
        let s = ds.score(&predicted);
        assert_eq!(s, SnippetScore { tp: 1, fn_: 1, fp: 1, tn: 1 });
        assert_eq!((s.precision(), s.recall(), s.accuracy()), (0.5, 0.5, 0.5));
    }

    #[test]
    fn wrapped_and_plain_prediction_files() {
        let plain = serde_json::json!({"x": {"articleBody": "t"}});
        let wrapped = serde_json::json!({"version": "1", "output": {"x": {"articleBody": "t"}}});
        assert_eq!(predictions_from_json(&plain), predictions_from_json(&wrapped));
    }
}

/// A dataset in the trafilatura evaluation layout: `gold.jsonl` (per page: `html`, and
/// snippets that must be in the text, `with`, and must not, `without`) and gzip'd pages.
///
/// Scored as trafilatura's own evaluation does: whitespace folded on both sides; per page
/// every `with` snippet found is a true positive, missing a false negative, every `without`
/// snippet found a false positive, absent a true negative; counts summed over the corpus.
pub struct SnippetDataset {
    pub pages: Vec<SnippetPage>,
    dir: std::path::PathBuf,
}

pub struct SnippetPage {
    /// Path of the gzip'd page, relative to the dataset folder.
    pub html: String,
    pub with: Vec<String>,
    pub without: Vec<String>,
}

/// Corpus-level counts and scores of the snippet method.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SnippetScore {
    pub tp: usize,
    pub fn_: usize,
    pub fp: usize,
    pub tn: usize,
}

impl SnippetScore {
    pub fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    pub fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / (self.tp + self.tn + self.fp + self.fn_).max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

impl SnippetDataset {
    pub fn open(dir: &Path) -> Result<SnippetDataset, EvalError> {
        let path = dir.join("gold.jsonl");
        let text = String::from_utf8_lossy(&read(&path)?).into_owned();
        let mut pages = Vec::new();
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line)
                .map_err(|e| EvalError::Format { path: format!("{}:{}", path.display(), i + 1), message: e.to_string() })?;
            let list = |key: &str| -> Vec<String> {
                v[key].as_array().map(|a| a.iter().filter_map(Value::as_str).map(fold_whitespace).filter(|s| !s.is_empty()).collect()).unwrap_or_default()
            };
            let Some(html) = v["html"].as_str() else { continue };
            pages.push(SnippetPage { html: html.to_string(), with: list("with"), without: list("without") });
        }
        Ok(SnippetDataset { pages, dir: dir.to_path_buf() })
    }

    /// The raw (decompressed) bytes of a page.
    pub fn html(&self, page: &SnippetPage) -> Result<Vec<u8>, EvalError> {
        gunzip(&self.dir.join(&page.html))
    }

    /// Scores predictions (page path → text).
    pub fn score(&self, predicted: &BTreeMap<String, String>) -> SnippetScore {
        let mut s = SnippetScore::default();
        for page in &self.pages {
            let text = fold_whitespace(predicted.get(&page.html).map(String::as_str).unwrap_or(""));
            for snippet in &page.with {
                if text.contains(snippet.as_str()) { s.tp += 1 } else { s.fn_ += 1 }
            }
            for snippet in &page.without {
                if text.contains(snippet.as_str()) { s.fp += 1 } else { s.tn += 1 }
            }
        }
        s
    }
}
