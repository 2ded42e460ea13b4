//! `corroborate train ner|syntax`: trains a shipped tagger and scores it on a development file.

use anyhow::{Context, Result};
use corroborate_annotate::entities::{lexicon, model};
use corroborate_eval::ner;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Subcommand)]
pub enum Task {
    /// The named-entity tagger: an averaged perceptron over CoNLL-style training files.
    ///
    /// The model shipped in the repository was made with the defaults (see
    /// crates/annotate/resources/README.md).
    Ner {
        /// Training data as DOMAIN=PATH: a CoNLL file or folder (BIO or IOB1; .gz allowed;
        /// PATH@even or PATH@odd keeps every other document). Each domain gets its own copy of
        /// the features beside the shared ones; the shipped tagger reads text with the shared weights only.
        #[arg(long = "train", value_name = "DOMAIN=PATH", default_values_t = default_training())]
        train: Vec<String>,
        /// The domain to score the development file as.
        #[arg(long, default_value = "conll")]
        dev_domain: String,
        /// Development file, scored after training (model selection only).
        #[arg(long, value_name = "FILE", default_value_os_t = crate::default_data("conll2003-ner/conll2003_dev_testa.txt"))]
        dev: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Folds of the jackknife that gives every training document a first pass's tags, for a
        /// model that tags in two passes (e.g. 5); 0, the default and the shipped model, for a
        /// one-pass model.
        #[arg(long, default_value_t = 0)]
        folds: usize,
        /// The beam width the model decodes and learns with (1: greedily, token by token); the
        /// shipped model's is 6.
        #[arg(long, default_value_t = 6)]
        beam: usize,
        /// Where to write the model.
        #[arg(long, value_name = "FILE", default_value = "crates/annotate/resources/ner.model.gz")]
        out: PathBuf,
    },
    /// The part-of-speech tagger and chunker: averaged perceptrons over CoNLL-2003's POS and
    /// chunk columns.
    ///
    /// The model shipped in the repository was made with the defaults (see
    /// crates/annotate/resources/README.md).
    Syntax {
        /// Training data: a CoNLL file with token, POS and chunk columns (IOB1 or BIO chunks).
        #[arg(long, value_name = "FILE", default_value_os_t = crate::default_data("conll2003-train/eng.train"))]
        train: PathBuf,
        /// Development file, scored after training (model selection only).
        #[arg(long, value_name = "FILE", default_value_os_t = crate::default_data("conll2003-ner/conll2003_dev_testa.txt"))]
        dev: PathBuf,
        /// Passes over the training data, for the tagger and for the chunker.
        #[arg(long, default_value_t = 8)]
        epochs: usize,
        /// Folds of the jackknife that gives the chunker predicted tags to learn from.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Where to write the model.
        #[arg(long, value_name = "FILE", default_value = "crates/annotate/resources/syntax.model.gz")]
        out: PathBuf,
    },
}

pub fn run(task: Task) -> Result<ExitCode> {
    match task {
        Task::Syntax { train, dev, epochs, folds, out } => {
            use corroborate_annotate::syntax;
            let text = std::fs::read_to_string(&train).with_context(|| format!("cannot read training data {}", train.display()))?;
            let sentences = syntax::corpus::parse(&text);
            eprintln!("{}: {} sentences", train.display(), sentences.len());
            let started = Instant::now();
            let m = syntax::model::train(&sentences, epochs, folds, |what| eprintln!("{what} ({:.0} s)", started.elapsed().as_secs_f64()));
            let bytes = m.to_bytes();
            if let Some(dir) = out.parent() {
                std::fs::create_dir_all(dir).ok();
            }
            std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
            let (p, c) = m.features();
            eprintln!("wrote {} ({p} tagger and {c} chunker features, {:.1} MB)", out.display(), bytes.len() as f64 / 1e6);
            print!("{}", corroborate_eval::syntax::evaluate(&m, &dev).with_context(|| format!("cannot score on {}", dev.display()))?);
            Ok(ExitCode::SUCCESS)
        }
        Task::Ner { train, dev_domain, dev, epochs, folds, beam, out } => {
            let mut docs = Vec::new();
            let mut domains = Vec::new();
            let mut names: Vec<String> = Vec::new();
            for spec in &train {
                let (name, path) = spec.split_once('=').with_context(|| format!("--train {spec}: expected DOMAIN=PATH"))?;
                let id = match names.iter().position(|n| n == name) {
                    Some(i) => i + 1,
                    None => {
                        names.push(name.to_string());
                        names.len()
                    }
                };
                let (d, scheme) = ner::read(std::path::Path::new(path)).with_context(|| format!("cannot read training data {path}"))?;
                eprintln!("{path}: {} documents ({scheme:?}), domain {name}", d.len());
                domains.extend(std::iter::repeat_n(id as u8, d.len()));
                docs.extend(d);
            }
            let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let started = Instant::now();
            let labels = ["PER", "ORG", "LOC", "MISC"];
            let m = model::train(&docs, &domains, &name_refs, &labels, epochs, folds, beam, &lexicon::flags, |fold, epoch, acc| {
                let model = if fold == 0 { "model".to_string() } else { format!("fold {fold}/{folds}") };
                eprintln!("{model}, epoch {epoch:>2}: token accuracy {acc:.4} ({:.0} s)", started.elapsed().as_secs_f64());
            });
            let bytes = m.to_bytes();
            if let Some(dir) = out.parent() {
                std::fs::create_dir_all(dir).ok();
            }
            std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("wrote {} ({} features, {:.1} MB)", out.display(), m.features(), bytes.len() as f64 / 1e6);
            let (dev_docs, _) = ner::read(&dev).with_context(|| format!("cannot read {}", dev.display()))?;
            let predicted = corroborate_annotate::entities::tag_conll(&m, m.domain(&dev_domain), &dev_docs, corroborate_annotate::entities::Reading::Product);
            print!("{}", ner::score(&dev.display().to_string(), &dev_docs, &predicted));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The training data of the shipped model: CoNLL-2003 train, and the even half of the
/// worldwide-newswire set (its odd half is kept for scoring).
fn default_training() -> Vec<String> {
    let data = crate::default_data("");
    vec![
        format!("conll={}", data.join("conll2003-train/eng.train").display()),
        format!("news={}@even", data.join("worldwide-newswire/worldwide_newswire.tsv.gz").display()),
    ]
}
