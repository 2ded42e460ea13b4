//! `summary.txt`: what the terminal shows after `analyze`, at most 100 columns wide.

use corroborate_annotate::Annotated;
use corroborate_stories::{Clustering, ReprintKind};
use std::fmt::Write;

/// What one batch did, for the summary.
#[derive(Debug, Default)]
pub struct BatchReport<'a> {
    pub documents: &'a [Annotated],
    /// `(source, id of the document it repeats)` for each duplicate that was dropped.
    pub duplicates: Vec<(String, String)>,
    /// One line per failed source: `source: problem`.
    pub errors: Vec<String>,
    /// The stories of `documents`, when clustering ran: the table is grouped by story.
    pub stories: Option<&'a Clustering>,
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
        let header = format!("{:<16}  {:<18}  {:<10}  {:<8}  {:>5}  {:>4}  {:>3}  TITLE", "ID", "OUTLET", "PUBLISHED", "GENRE", "WORDS", "SENT", "RM");
        match report.stories {
            Some(clustering) => {
                let _ = writeln!(out, "\n{} stor{}", clustering.stories.len(), if clustering.stories.len() == 1 { "y" } else { "ies" });
                for story in &clustering.stories {
                    let dates = match (story.start, story.end) {
                        (Some(s), Some(e)) if s == e => s.to_string(),
                        (Some(s), Some(e)) => format!("{s} … {e}"),
                        _ => "undated".to_string(),
                    };
                    let _ = writeln!(out, "\n{}  {}  ({dates}, {} document{})", story.id, clip(&story.title, 60), story.documents.len(), plural(story.documents.len()));
                    let _ = writeln!(out, "  {header}");
                    for &d in &story.documents {
                        let _ = writeln!(out, "  {}", row(&docs[d], 20));
                    }
                }
                let whole: Vec<_> = clustering.reprints.iter().filter(|r| r.kind != ReprintKind::SharedPassages).collect();
                let partial = clustering.reprints.len() - whole.len();
                if !clustering.reprints.is_empty() {
                    let _ = writeln!(out, "\nreprints: {} whole-text, {partial} with shared passages", whole.len());
                    for r in whole {
                        let _ = writeln!(out, "  {} ~ {} ({:?})", docs[r.a].document.id.as_str(), docs[r.b].document.id.as_str(), r.kind);
                    }
                }
            }
            None => {
                let _ = writeln!(out, "\n{header}");
                for a in docs {
                    let _ = writeln!(out, "{}", row(a, 22));
                }
            }
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

/// One document's line of the table.
fn row(a: &Annotated, title_width: usize) -> String {
    let d = &a.document;
    let words = d.text.split_whitespace().count();
    let genre = format!("{:?}", d.genre).to_lowercase();
    format!(
        "{:<16}  {:<18}  {:<10}  {:<8}  {:>5}  {:>4}  {:>3}  {}",
        d.id.as_str(),
        clip(d.outlet.as_deref().unwrap_or("?"), 18),
        d.published.as_ref().map(|p| p.iso().get(..10).unwrap_or(p.iso())).unwrap_or("?"),
        genre,
        words,
        a.sentences.len(),
        d.removed.len(),
        clip(d.title.as_deref().unwrap_or(&d.source), title_width)
    )
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
