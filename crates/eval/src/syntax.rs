//! Parts of speech and chunks on a CoNLL file with the syntax columns (`token POS chunk …`):
//! token accuracy of the tags, and chunk precision, recall and F1 per label and overall as
//! `conlleval` counts them (a chunk is right only when its label and both ends match). The
//! tokens are the file's own; each sentence is tagged on its own.

use crate::ner::Counts;
use crate::{read, EvalError};
use corroborate_annotate::syntax::{corpus, Model};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// Scores `model` on the file at `data`.
pub fn evaluate(model: &Model, data: &Path) -> Result<String, EvalError> {
    let text = String::from_utf8_lossy(&read(data)?).into_owned();
    let sentences = corpus::parse(&text);
    if sentences.is_empty() {
        return Err(EvalError::Format { path: data.display().to_string(), message: "no sentences with token, POS and chunk columns".into() });
    }
    Ok(score(model, &data.display().to_string(), &sentences))
}

/// The report for `sentences`, named `name`.
pub fn score(model: &Model, name: &str, sentences: &[corpus::Sentence]) -> String {
    let (mut right, mut tokens) = (0usize, 0usize);
    let mut by_label: BTreeMap<String, Counts> = BTreeMap::new();
    let mut all = Counts::default();
    let mut confusions: BTreeMap<(String, String), usize> = BTreeMap::new();
    let start = std::time::Instant::now();
    let analyses: Vec<_> = sentences.iter().map(|s| model.analyze(&s.tokens.iter().map(String::as_str).collect::<Vec<_>>())).collect();
    let secs = start.elapsed().as_secs_f64();
    for (s, a) in sentences.iter().zip(&analyses) {
        tokens += s.tokens.len();
        for (gold, &p) in s.pos.iter().zip(&a.pos) {
            let ours = &model.pos_labels()[p as usize];
            if gold == ours {
                right += 1;
            } else {
                *confusions.entry((gold.clone(), ours.clone())).or_default() += 1;
            }
        }
        let predicted: Vec<(usize, usize, &str)> = a.chunks.iter().map(|&(x, y, l)| (x, y, model.chunk_labels()[l as usize].as_str())).collect();
        for (x, y, l) in &s.chunks {
            by_label.entry(l.clone()).or_default().gold += 1;
            all.gold += 1;
            if predicted.contains(&(*x, *y, l.as_str())) {
                by_label.entry(l.clone()).or_default().correct += 1;
                all.correct += 1;
            }
        }
        for (_, _, l) in &predicted {
            by_label.entry(l.to_string()).or_default().predicted += 1;
            all.predicted += 1;
        }
    }
    let mut out = String::new();
    let _ = writeln!(out, "parts of speech and chunks on {name} ({} sentences, {tokens} tokens)\n", sentences.len());
    let _ = writeln!(out, "part-of-speech accuracy {:.4} ({right} of {tokens} tokens)\n", right as f64 / tokens.max(1) as f64);
    let mut top: Vec<_> = confusions.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let listed: Vec<String> = top.iter().take(12).map(|((g, o), n)| format!("{g}→{o} {n}")).collect();
    let _ = writeln!(out, "most frequent tag errors (gold→ours): {}\n", listed.join(", "));
    let _ = writeln!(out, "{:<8} {:>7} {:>7} {:>7} {:>7} {:>7}", "chunk", "P", "R", "F1", "gold", "ours");
    for (l, c) in by_label.iter().chain(std::iter::once((&"all".to_string(), &all))) {
        let _ = writeln!(out, "{:<8} {:>7.4} {:>7.4} {:>7.4} {:>7} {:>7}", l, c.precision(), c.recall(), c.f1(), c.gold, c.predicted);
    }
    let _ = writeln!(out, "\ntagging and chunking: {:.0} tokens/s (one thread, the file's tokens)", tokens as f64 / secs.max(1e-9));
    out
}
