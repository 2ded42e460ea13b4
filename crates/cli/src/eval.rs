//! `corroborate eval TASK --data PATH --predictions FILE`.

use anyhow::{Context, Result};
use corroborate_eval::extraction::{self, Dataset};
use corroborate_ingest::{documents_from_bytes, Limits};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum Task {
    /// Main-text extraction on a folder in the Scrapinghub benchmark layout
    /// (html/<id>.html.gz, ground-truth.json), scored like that benchmark, beside the peer
    /// outputs stored in peer-outputs/ when present.
    Extraction {
        /// Dataset folder.
        #[arg(long, value_name = "DIR", default_value_os_t = crate::default_data("scrapinghub-article-extraction-benchmark"))]
        data: PathBuf,
        /// Where to write our predictions ({id: {articleBody}}).
        #[arg(long, value_name = "FILE", default_value = "extraction-predictions.json")]
        predictions: PathBuf,
        /// Also list the N pages we score worst on.
        #[arg(long, value_name = "N", default_value_t = 0)]
        worst: usize,
    },
    /// Title, author and publication-date accuracy on a folder in the trafilatura evaluation
    /// layout (gold.jsonl, html/*.gz).
    Metadata {
        /// Dataset folder.
        #[arg(long, value_name = "DIR", default_value_os_t = crate::default_data("trafilatura-eval"))]
        data: PathBuf,
        /// Where to write our predictions ({page: {title, authors, date}}).
        #[arg(long, value_name = "FILE", default_value = "metadata-predictions.json")]
        predictions: PathBuf,
        /// Also list the first N misses of each field.
        #[arg(long, value_name = "N", default_value_t = 0)]
        misses: usize,
    },
}

pub fn run(task: Task) -> Result<ExitCode> {
    match task {
        Task::Extraction { data, predictions, worst } => extraction(data, predictions, worst),
        Task::Metadata { data, predictions, misses } => metadata(data, predictions, misses),
    }
}

fn extraction(data: PathBuf, predictions: PathBuf, worst: usize) -> Result<ExitCode> {
    let dataset = Dataset::open(&data).with_context(|| "cannot read the extraction dataset (pass --data DIR)")?;
    let limits = Limits::default();
    let mut ours = BTreeMap::new();
    for id in dataset.gold.keys() {
        let html = dataset.html(id)?;
        let text = documents_from_bytes(id, &html, &limits)
            .into_iter()
            .find_map(Result::ok)
            .map(|d| d.text)
            .unwrap_or_default();
        ours.insert(id.clone(), text);
    }
    std::fs::write(&predictions, serde_json::to_vec_pretty(&extraction::predictions_to_json(&ours))?)
        .with_context(|| format!("cannot write {}", predictions.display()))?;

    let mut scores = vec![extraction::score("corroborate", &dataset.gold, &ours)];
    for (tool, output) in dataset.peers()? {
        scores.push(extraction::score(&tool, &dataset.gold, &output));
    }
    scores.sort_by(|a, b| b.f1.total_cmp(&a.f1));
    println!("main-text extraction on {} ({} pages)\n", data.display(), dataset.gold.len());
    println!("{:<28} {:>6} {:>6} {:>6} {:>5}", "system", "P", "R", "F1", "pages");
    for s in &scores {
        println!("{s}{}", if s.system == "corroborate" { "  <-" } else { "" });
    }
    if worst > 0 {
        let mut pages: Vec<(f64, &String)> =
            dataset.gold.iter().map(|(id, gold)| (extraction::page_f1(gold, &ours[id]), id)).collect();
        pages.sort_by(|a, b| a.0.total_cmp(&b.0));
        println!("\nworst pages:");
        for (f, id) in pages.into_iter().take(worst) {
            println!("  {f:.3}  {id}  {}", dataset.urls.get(id).map(String::as_str).unwrap_or(""));
        }
    }
    println!("\npredictions written to {}", predictions.display());
    Ok(ExitCode::SUCCESS)
}

fn metadata(data: PathBuf, predictions: PathBuf, misses: usize) -> Result<ExitCode> {
    let (scores, predicted) = corroborate_eval::metadata::evaluate(&data).with_context(|| "cannot read the metadata dataset (pass --data DIR)")?;
    std::fs::write(&predictions, serde_json::to_vec_pretty(&predicted)?).with_context(|| format!("cannot write {}", predictions.display()))?;
    println!("metadata on {}\n", data.display());
    for s in &scores {
        println!("{:<32} n = {:>4}  accuracy = {:.3}", s.field, s.n, s.accuracy());
        for (page, gold, ours) in s.misses.iter().take(misses) {
            println!("    {page}\n      gold: {gold}\n      ours: {ours}");
        }
    }
    println!("\npredictions written to {}", predictions.display());
    Ok(ExitCode::SUCCESS)
}
