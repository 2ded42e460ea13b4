//! `summary.txt`: what the terminal shows after `analyze`, at most 100 columns wide.

use corroborate_annotate::Annotated;
use std::fmt::Write;

/// What one batch did, for the summary.
#[derive(Debug, Default)]
pub struct BatchReport<'a> {
    pub documents: &'a [Annotated],
    /// `(source, id of the document it repeats)` for each duplicate that was dropped.
    pub duplicates: Vec<(String, String)>,
    /// One line per failed source: `source: problem`.
    pub errors: Vec<String>,
}

/// Renders the batch summary as plain text.
pub fn summary(report: &BatchReport) -> String {
    let mut out = String::new();
    let docs = report.documents;
    let _ = writeln!(
        out,
        "corroborate: {} document{}, {} duplicate{} dropped, {} error{}",
        docs.len(),
        plural(docs.len()),
        report.duplicates.len(),
        plural(report.duplicates.len()),
        report.errors.len(),
        plural(report.errors.len())
    );
    if !docs.is_empty() {
        let _ = writeln!(out, "\n{:<16}  {:<18}  {:<10}  {:<8}  {:>5}  {:>4}  {:>3}  TITLE", "ID", "OUTLET", "PUBLISHED", "GENRE", "WORDS", "SENT", "RM");
        for a in docs {
            let d = &a.document;
            let words = d.text.split_whitespace().count();
            let genre = format!("{:?}", d.genre).to_lowercase();
            let _ = writeln!(
                out,
                "{:<16}  {:<18}  {:<10}  {:<8}  {:>5}  {:>4}  {:>3}  {}",
                d.id.as_str(),
                clip(d.outlet.as_deref().unwrap_or("?"), 18),
                d.published.as_ref().map(|p| p.iso().get(..10).unwrap_or(p.iso())).unwrap_or("?"),
                genre,
                words,
                a.sentences.len(),
                d.removed.len(),
                clip(d.title.as_deref().unwrap_or(&d.source), 22)
            );
        }
    }
    if !report.duplicates.is_empty() {
        let _ = writeln!(out, "\nduplicates (same clean text as a document above):");
        for (source, id) in &report.duplicates {
            let _ = writeln!(out, "  {} = {id}", clip(source, 78));
        }
    }
    if !report.errors.is_empty() {
        let _ = writeln!(out, "\nerrors:");
        for e in &report.errors {
            let _ = writeln!(out, "  {}", clip(e, 96));
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// At most `width` characters, with `…` where cut.
fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_counts_characters() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("Ünïcode", 7), "Ünïcode");
    }

    #[test]
    fn empty_batch() {
        let text = summary(&BatchReport { errors: vec!["x: empty file".into()], ..Default::default() });
        assert_eq!(text, "corroborate: 0 documents, 0 duplicates dropped, 1 error\n\nerrors:\n  x: empty file\n");
    }
}
