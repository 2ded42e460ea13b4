//! Measures `metadata::from_html` against the trafilatura evaluation pages' metadata gold
//! (/work/shared/data/trafilatura-eval, see its PROVENANCE.md). A measurement, not a gate:
//! it prints accuracy per field and the first misses, and only checks that pages were scored.
//!
//! ```text
//! cargo test -p corroborate-ingest --release --test metadata_eval -- --ignored --nocapture
//! ```

use std::io::Read;
use std::path::Path;

use corroborate_ingest::metadata::{from_html, Metadata};
use serde_json::Value;

const DATA: &str = "/work/shared/data/trafilatura-eval";
const SHOWN_MISSES: usize = 20;

#[test]
#[ignore = "measurement on the shared evaluation set; run with --ignored --nocapture"]
fn metadata_accuracy_on_trafilatura_eval() {
    let dir = Path::new(DATA);
    let Ok(gold) = std::fs::read_to_string(dir.join("gold.jsonl")) else {
        println!("skipped: {DATA}/gold.jsonl not found");
        return;
    };
    let mut title = Score::new("title (exact)");
    let mut title_contains = Score::new("title (contains)");
    let mut author = Score::new("author (same names)");
    let mut author_first = Score::new("author (first name found)");
    let mut date = Score::new("date");

    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let page: Value = serde_json::from_str(line).expect("gold.jsonl line is JSON");
        let gold_title = non_empty(&page["title"]);
        let gold_authors = gold_authors(&page["author"]);
        let gold_date = non_empty(&page["date"]);
        if gold_title.is_none() && gold_authors.is_empty() && gold_date.is_none() {
            continue;
        }
        let Some(html) = read_page(&dir.join(page["html"].as_str().unwrap_or_default())) else {
            println!("unreadable page: {}", page["html"]);
            continue;
        };
        let meta: Metadata = from_html(&dom_query::Document::from(html.as_str()));
        let name = page["html"].as_str().unwrap_or_default().trim_start_matches("html/").trim_end_matches(".gz");

        if let Some(gold) = gold_title {
            let ours = meta.title.as_deref().map(normalise).unwrap_or_default();
            let want = normalise(&gold);
            title.add(ours == want, name, &want, &ours);
            title_contains.add(!ours.is_empty() && (ours.contains(&want) || want.contains(&ours)), name, &want, &ours);
        }
        if !gold_authors.is_empty() {
            let ours: Vec<String> = meta.authors.iter().map(|a| normalise(a)).collect();
            let shown = ours.join("; ");
            author.add(name_tokens(&ours) == name_tokens(&gold_authors), name, &gold_authors.join("; "), &shown);
            let first_ok = ours.first().is_some_and(|first| {
                let first = name_tokens(std::slice::from_ref(first));
                !first.is_empty() && first.is_subset(&name_tokens(&gold_authors))
            });
            author_first.add(first_ok, name, &gold_authors.join("; "), &shown);
        }
        if let Some(gold) = gold_date {
            let ours = meta.published.as_ref().map(|p| p.iso().to_string()).unwrap_or_default();
            date.add(ours.get(..10) == Some(gold.as_str()), name, &gold, &ours);
        }
    }

    for score in [&title, &title_contains, &author, &author_first, &date] {
        score.print_misses();
    }
    println!("\n== metadata accuracy (trafilatura-eval) ==");
    for score in [&title, &title_contains, &author, &author_first, &date] {
        score.print_summary();
    }
    assert!(title.n + author.n + date.n > 0, "no page with metadata gold was scored");
}

struct Score {
    field: &'static str,
    n: usize,
    hits: usize,
    misses: Vec<String>,
}

impl Score {
    fn new(field: &'static str) -> Score {
        Score { field, n: 0, hits: 0, misses: Vec::new() }
    }

    fn add(&mut self, hit: bool, page: &str, want: &str, got: &str) {
        self.n += 1;
        if hit {
            self.hits += 1;
        } else {
            self.misses.push(format!("  {page}\n    gold: {want}\n    ours: {got}"));
        }
    }

    fn print_misses(&self) {
        println!("\n-- {} misses ({} of {}), first {SHOWN_MISSES}:", self.field, self.misses.len(), self.n);
        for miss in self.misses.iter().take(SHOWN_MISSES) {
            println!("{miss}");
        }
    }

    fn print_summary(&self) {
        let accuracy = if self.n == 0 { 0.0 } else { self.hits as f64 / self.n as f64 };
        println!("{:<28} n = {:>3}  accuracy = {:.3}", self.field, self.n, accuracy);
    }
}

fn non_empty(value: &Value) -> Option<String> {
    value.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// Gold authors: a list, or one string with names separated by ";".
fn gold_authors(value: &Value) -> Vec<String> {
    let raw: Vec<String> = match value {
        Value::String(s) => s.split(';').map(str::to_string).collect(),
        Value::Array(list) => list.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => Vec::new(),
    };
    raw.iter().map(|s| normalise(s)).filter(|s| !s.is_empty()).collect()
}

/// Whitespace collapsed, lowercased.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The words of a list of names, without connectives and "by"/"von": "A und B" and ["A", "B"]
/// compare equal.
fn name_tokens(names: &[String]) -> std::collections::BTreeSet<String> {
    names
        .iter()
        .flat_map(|n| n.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').map(str::to_lowercase).collect::<Vec<_>>())
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "and" | "und" | "by" | "von" | "et" | "y" | "par" | "por"))
        .collect()
}

/// The page's text: gzip'd bytes decoded with the charset the page declares, else UTF-8.
fn read_page(path: &Path) -> Option<String> {
    let compressed = std::fs::read(path).ok()?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(compressed.as_slice()).read_to_end(&mut bytes).ok()?;
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
    let label = head.find("charset=").map(|at| {
        head[at + 8..].trim_start_matches(['"', '\'']).chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect::<String>()
    });
    let encoding = label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())).unwrap_or(encoding_rs::UTF_8);
    Some(encoding.decode(&bytes).0.into_owned())
}

/// Prints what `from_html` finds on one page of the set: `PAGE=<name> cargo test … -- --ignored one_page`.
#[test]
#[ignore = "debugging aid for the measurement"]
fn one_page() {
    let Ok(name) = std::env::var("PAGE") else { return };
    let html = read_page(&Path::new(DATA).join("html").join(format!("{name}.gz"))).expect("page exists");
    println!("{:#?}", from_html(&dom_query::Document::from(html.as_str())));
}
