//! `corroborate eval TASK --data PATH --predictions FILE`.

use crate::ExtractorArg;
use anyhow::{Context, Result};
use corroborate_eval::extraction::{self, Dataset, SnippetDataset};
use corroborate_ingest::{documents_from_bytes, Options};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum Task {
    /// Main-text extraction. A folder in the Scrapinghub benchmark layout (html/<id>.html.gz,
    /// ground-truth.json) is scored like that benchmark, beside the peer outputs stored in
    /// peer-outputs/; a folder in the trafilatura evaluation layout (gold.jsonl with must-have
    /// and must-not-have snippets, html/*.gz) is scored like trafilatura's evaluation.
    Extraction {
        /// Dataset folder.
        #[arg(long, value_name = "DIR", default_value_os_t = crate::default_data("scrapinghub-article-extraction-benchmark"))]
        data: PathBuf,
        /// Where to write our predictions ({id: {articleBody}}).
        #[arg(long, value_name = "FILE", default_value = "extraction-predictions.json")]
        predictions: PathBuf,
        /// Also list the N pages we score worst on (Scrapinghub layout).
        #[arg(long, value_name = "N", default_value_t = 0)]
        worst: usize,
        #[arg(long, value_enum, default_value_t)]
        extractor: ExtractorArg,
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
    /// Time expressions on a folder of TimeML .tml files (document date from the DCT): strict
    /// and relaxed span F1, value accuracy and F1, on a tuning half, a held-out half and all.
    Timex {
        /// Folder of .tml files (searched recursively).
        #[arg(long, value_name = "DIR", default_value_os_t = crate::default_data("tempeval3-timeml"))]
        data: PathBuf,
        /// Where to write our predictions (per file: [{start, end, text, kind, value}]).
        #[arg(long, value_name = "FILE", default_value = "timex-predictions.json")]
        predictions: PathBuf,
        /// Also list the N most frequent misses of the tuning half (value misses by shape and
        /// by text, missed and spurious expressions).
        #[arg(long, value_name = "N", default_value_t = 0)]
        errors: usize,
    },
    /// Named entities on a CoNLL-style file or folder (BIO or IOB1, detected; .gz allowed):
    /// entity-level P/R/F1 per type, our types scored as CoNLL's PER/ORG/LOC/MISC.
    Ner {
        /// The CoNLL file, or a folder of them.
        #[arg(long, value_name = "PATH", default_value_os_t = crate::default_data("conll2003-ner/conll2003_dev_testa.txt"))]
        data: PathBuf,
        /// Where to write our predictions (CoNLL: token, gold tag, predicted tag).
        #[arg(long, value_name = "FILE", default_value = "ner-predictions.conll")]
        predictions: PathBuf,
        /// A model file to use instead of the shipped one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Also list the N most frequent error kinds.
        #[arg(long, value_name = "N", default_value_t = 0)]
        errors: usize,
        /// Read the text as this domain of the model: `shared` (its shared weights only, what
        /// analyze uses), `conll` (CoNLL-2003's conventions) or `news` (worldwide-newswire's).
        #[arg(long, default_value = "shared")]
        domain: String,
        /// Score the model's own spans and labels, not the mentions analyze makes of them
        /// (common sentence openers dropped, gazetteer names mended, spans trimmed to the
        /// name, types refined by the gazetteers).
        #[arg(long)]
        raw: bool,
    },
    /// Parts of speech and chunks on a CoNLL file with the syntax columns (token POS chunk …):
    /// tag accuracy, chunk P/R/F1 per label.
    Syntax {
        /// The CoNLL file.
        #[arg(long, value_name = "FILE", default_value_os_t = crate::default_data("conll2003-ner/conll2003_dev_testa.txt"))]
        data: PathBuf,
        /// A model file to use instead of the shipped one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
    },
    /// Quantities on a NewsQuant-format JSON file: P/R/F1 for value, value+unit, value+change
    /// and value+concept.
    Quantities {
        /// The NewsQuant-format file.
        #[arg(long, value_name = "FILE", default_value_os_t = crate::default_data("newsquant-cqe/formatted_test_set/NewsQuant.json"))]
        data: PathBuf,
        /// Where to write our predictions, in the same format.
        #[arg(long, value_name = "FILE", default_value = "quantity-predictions.json")]
        predictions: PathBuf,
        /// Also list the concept misses of the tuning half: counts by kind and the first N
        /// (gold concept against the predicted one, with the sentence).
        #[arg(long, value_name = "N", default_value_t = 0)]
        errors: usize,
    },
    /// Story clustering on BASIL, AllSides or ECB+: B³ precision/recall/F1 and ARI against the
    /// gold grouping, on a tuning half, a held-out half and the whole set.
    Clusters(crate::eval_clusters::Args),
    /// Quotes on a PolNeAR-format folder (text/, attributions/): content-span P/R/F1 (exact
    /// and token overlap), source and cue F1, direct vs indirect; on a tuning half, a held-out
    /// half and all. On a BASIL folder (articles/, annotations/): quote-speaker accuracy.
    Quotes {
        /// Dataset folder.
        #[arg(long, value_name = "DIR", default_value_os_t = crate::default_data("polnear/dev"))]
        data: PathBuf,
        /// Where to write our predictions (per article stem: [{source, cue, content}]).
        #[arg(long, value_name = "FILE", default_value = "quote-predictions.json")]
        predictions: PathBuf,
        /// List up to N errors of each kind (missed, spurious, mis-bounded, wrong source) from
        /// the tuning half (PolNeAR only).
        #[arg(long, value_name = "N", default_value_t = 0)]
        errors: usize,
    },
}

pub fn run(task: Task) -> Result<ExitCode> {
    match task {
        Task::Clusters(args) => crate::eval_clusters::run(args),
        Task::Quotes { data, predictions, errors } => quotes(data, predictions, errors),
        Task::Extraction { data, predictions, worst, extractor } => {
            let options = Options { extractor: extractor.into(), ..Options::default() };
            if data.join("gold.jsonl").is_file() {
                snippets(data, predictions, &options)
            } else {
                extraction(data, predictions, worst, &options)
            }
        }
        Task::Metadata { data, predictions, misses } => metadata(data, predictions, misses),
        Task::Timex { data, predictions, errors } => {
            print!("{}", corroborate_eval::timex::evaluate(&data, &predictions, errors).context("time-expression evaluation failed")?);
            Ok(ExitCode::SUCCESS)
        }
        Task::Ner { data, predictions, model, errors, domain, raw } => ner(data, predictions, model, errors, &domain, raw),
        Task::Syntax { data, model } => {
            use corroborate_annotate::syntax::Model;
            let loaded = match model {
                Some(path) => {
                    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
                    Some(Model::from_bytes(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?)
                }
                None => None,
            };
            let model = loaded.as_ref().unwrap_or_else(|| corroborate_annotate::syntax::builtin());
            print!("{}", corroborate_eval::syntax::evaluate(model, &data).context("syntax evaluation failed")?);
            Ok(ExitCode::SUCCESS)
        }
        Task::Quantities { data, predictions, errors } => {
            print!("{}", corroborate_eval::quantities::evaluate(&data, &predictions, errors).context("quantity evaluation failed")?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The clean text ingest makes of a page, or "" when it makes none.
fn body(name: &str, html: &[u8], options: &Options) -> String {
    documents_from_bytes(name, html, options).into_iter().find_map(Result::ok).map(|d| d.text).unwrap_or_default()
}

fn write_predictions(path: &PathBuf, predicted: &BTreeMap<String, String>) -> Result<()> {
    std::fs::write(path, serde_json::to_vec_pretty(&extraction::predictions_to_json(predicted))?)
        .with_context(|| format!("cannot write {}", path.display()))
}

fn extraction(data: PathBuf, predictions: PathBuf, worst: usize, options: &Options) -> Result<ExitCode> {
    let dataset = Dataset::open(&data).with_context(|| "cannot read the extraction dataset (pass --data DIR)")?;
    let mut ours = BTreeMap::new();
    for id in dataset.gold.keys() {
        ours.insert(id.clone(), body(id, &dataset.html(id)?, options));
    }
    write_predictions(&predictions, &ours)?;

    let mut scores = vec![extraction::score("corroborate", &dataset.gold, &ours)];
    for (tool, output) in dataset.peers()? {
        scores.push(extraction::score(&tool, &dataset.gold, &output));
    }
    scores.sort_by(|a, b| b.f1.total_cmp(&a.f1));
    println!("main-text extraction on {} ({} pages), extractor {:?}\n", data.display(), dataset.gold.len(), options.extractor);
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

fn snippets(data: PathBuf, predictions: PathBuf, options: &Options) -> Result<ExitCode> {
    let dataset = SnippetDataset::open(&data).with_context(|| "cannot read the extraction dataset (pass --data DIR)")?;
    let mut ours = BTreeMap::new();
    for page in &dataset.pages {
        ours.insert(page.html.clone(), body(&page.html, &dataset.html(page)?, options));
    }
    write_predictions(&predictions, &ours)?;
    let s = dataset.score(&ours);
    println!("main-text extraction on {} ({} pages, snippet method), extractor {:?}\n", data.display(), dataset.pages.len(), options.extractor);
    println!("precision {:.3}  recall {:.3}  accuracy {:.3}  F1 {:.3}", s.precision(), s.recall(), s.accuracy(), s.f1());
    println!("(with snippets found {} of {}, without snippets found {} of {})", s.tp, s.tp + s.fn_, s.fp, s.fp + s.tn);
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

fn ner(data: PathBuf, predictions: PathBuf, model: Option<PathBuf>, errors: usize, domain: &str, raw: bool) -> Result<ExitCode> {
    use corroborate_annotate::entities::{conll, model::Model, tag_conll, tagger, Reading};
    use corroborate_eval::ner;
    let loaded;
    let model = match model {
        Some(path) => {
            let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            loaded = Model::from_bytes(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            &loaded
        }
        None => tagger::builtin(),
    };
    let (docs, scheme) = ner::read(&data).with_context(|| "cannot read the NER dataset (pass --data PATH)")?;
    let reading = if raw { Reading::Raw } else { Reading::Product };
    let predicted = tag_conll(model, model.domain(domain), &docs, reading);
    let mut report = ner::score(&data.display().to_string(), &docs, &predicted);
    report.scheme = Some(scheme);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&predictions).with_context(|| format!("cannot write {}", predictions.display()))?);
    conll::write_predictions(&docs, &predicted, &mut out).with_context(|| format!("cannot write {}", predictions.display()))?;
    print!("{report}");
    if errors > 0 {
        println!("\nmost frequent errors:");
        for (kind, n) in report.top_errors(errors) {
            println!("  {n:>5}  {kind}");
        }
    }
    println!("\npredictions written to {}", predictions.display());
    Ok(ExitCode::SUCCESS)
}

fn quotes(data: PathBuf, predictions: PathBuf, errors: usize) -> Result<ExitCode> {
    // BASIL's layout (articles/, annotations/) gets speaker accuracy; PolNeAR's the span scores.
    let report = if data.join("annotations").is_dir() {
        corroborate_eval::quotes::evaluate_basil(&data, &predictions)
    } else {
        corroborate_eval::quotes::evaluate(&data, &predictions, errors)
    };
    print!("{}", report.context("quote evaluation failed (pass --data DIR, a PolNeAR split folder or BASIL)")?);
    Ok(ExitCode::SUCCESS)
}
