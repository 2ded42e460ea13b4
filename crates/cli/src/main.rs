//! The `corroborate` command: thin glue over the stage crates.

mod analyze;
mod eval;
mod eval_clusters;
mod train;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn many news reports of the same events into one reconciled, sourced account.
///
/// Exit status: 0 when every input was read, 2 when some inputs failed (the rest was still
/// analysed and written), 1 on a fatal error (bad arguments, output not writable).
#[derive(Parser)]
#[command(name = "corroborate", version, about, long_about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read reports and write the analysis into --out: documents.jsonl, entities.jsonl,
    /// stories.jsonl, dossiers/STORY_ID.json, report.html and summary.txt.
    ///
    /// INPUT may be a file (plain text, HTML, JSON Lines, optionally gzip'd: judged by content,
    /// not name), a directory (read recursively; hidden files and README/LICENSE-like files
    /// skipped), an http(s) URL, or `-` for standard input.
    Analyze(analyze::Args),
    /// Print the clean text and metadata of one input, as ingest sees it.
    Extract {
        /// A file, URL or `-`.
        input: String,
        /// Print the documents.jsonl record instead of the text.
        #[arg(long)]
        json: bool,
        /// Main-text extractor for HTML.
        #[arg(long, value_enum, default_value_t)]
        extractor: ExtractorArg,
    },
    /// Score a pipeline stage on a dataset and write its predictions.
    Eval {
        #[command(subcommand)]
        task: eval::Task,
    },
    /// Train a model shipped with corroborate (the entity tagger) from datasets.
    Train {
        #[command(subcommand)]
        task: train::Task,
    },
}

fn main() -> ExitCode {
    // Bad arguments are a fatal error (exit 1), as the README says: 2 means some inputs failed.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
    analyze::quiet_panics_in_guarded_documents();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Extract { input, json, extractor } => analyze::extract(&input, json, extractor),
        Command::Eval { task } => eval::run(task),
        Command::Train { task } => train::run(task),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("corroborate: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Which main-text extractor reads HTML.
#[derive(Clone, Copy, Debug, Default, clap::ValueEnum)]
pub(crate) enum ExtractorArg {
    /// The project's own single-pass extractor: fastest.
    #[default]
    Blocks,
    /// Two extractors (dom_smoothie, trafilatura), keeping only what both find: much slower.
    Consensus,
}

impl From<ExtractorArg> for corroborate_ingest::Extractor {
    fn from(arg: ExtractorArg) -> Self {
        match arg {
            ExtractorArg::Blocks => corroborate_ingest::Extractor::Blocks,
            ExtractorArg::Consensus => corroborate_ingest::Extractor::Consensus,
        }
    }
}

/// Where `eval` datasets live by default: `../shared/data/<name>` beside the checkout.
pub(crate) fn default_data(name: &str) -> PathBuf {
    PathBuf::from("../shared/data").join(name)
}
