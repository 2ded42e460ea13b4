//! `corroborate analyze`: ingest → annotate → write, with progress and per-source errors.

use crate::ExtractorArg;
use anyhow::{Context, Result};
use corroborate_annotate::{annotate, Annotated};
use corroborate_ingest::{documents_from_bytes, expand_inputs, read_source, Document, IngestError, Options, Problem, Source};
use corroborate_render::{digest, document_record, markdown, report_html, summary, write_documents, write_entities, BatchReport, StoryReport};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories, http(s) URLs, or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// Folder to write the outputs into (created if missing; files already there are replaced).
    #[arg(long, short, value_name = "DIR", default_value = "corroborate-out")]
    out: PathBuf,
    /// Largest input accepted, in MiB (also the cap on decompressed gzip content).
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    max_input_mb: u64,
    /// Seconds before an http(s) fetch gives up.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    timeout: u64,
    /// Worker threads (default: one per core).
    #[arg(long, short, value_name = "N")]
    jobs: Option<usize>,
    /// Main-text extractor for HTML pages.
    #[arg(long, value_enum, default_value_t)]
    extractor: ExtractorArg,
    /// How a story's figures are reconciled in its dossier: `ucdp` (low / best / high),
    /// `conservative` (ACLED: the lowest value) or `all` (every value, none chosen).
    #[arg(long, value_enum, default_value_t)]
    policy: PolicyArg,
    /// What to print: `text` (the summary and a digest of each story's dossier), `md` (the
    /// dossiers as Markdown, for an article draft or an issue), `json` (the dossiers) or `html`
    /// (report.html).
    #[arg(long, value_enum, default_value_t)]
    format: FormatArg,
    /// Name the outlet of an input, overriding what its metadata says (text dumps often name
    /// none): `--outlet FILE=NAME`, FILE being the input's path, file name or URL. Repeatable.
    #[arg(long, value_name = "FILE=NAME", value_parser = parse_outlet)]
    outlet: Vec<(String, String)>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

/// `FILE=NAME` of `--outlet`.
fn parse_outlet(arg: &str) -> Result<(String, String), String> {
    match arg.rsplit_once('=') {
        Some((file, name)) if !file.trim().is_empty() && !name.trim().is_empty() => Ok((file.trim().to_string(), name.trim().to_string())),
        _ => Err(format!("expected FILE=NAME (e.g. page.txt=\"The Daily Lantern\"), got {arg:?}")),
    }
}

/// The `--outlet` name for a source, if one names it: by its whole name or its last path part.
fn outlet_for<'a>(outlets: &'a [(String, String)], source: &str) -> Option<&'a str> {
    let file = source.split('#').next().unwrap_or(source);
    outlets.iter().find(|(f, _)| file == f || file.ends_with(&format!("/{f}")) || file.ends_with(&format!("\\{f}"))).map(|(_, n)| n.as_str())
}

/// `--format`: what `analyze` prints on standard output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// The summary table and a digest of each dossier.
    #[default]
    Text,
    /// The dossiers as Markdown.
    Md,
    /// The dossiers as a JSON array.
    Json,
    /// The report page.
    Html,
}

/// `--policy`: see [`corroborate_reconcile::Policy`].
#[derive(Clone, Copy, Debug, Default, clap::ValueEnum)]
pub enum PolicyArg {
    /// UCDP: lowest credible, best estimate (median of independent sources), highest credible.
    #[default]
    Ucdp,
    /// ACLED: the most conservative (lowest) value.
    Conservative,
    /// Every value, no reconciliation.
    All,
}

impl From<PolicyArg> for corroborate_reconcile::Policy {
    fn from(p: PolicyArg) -> Self {
        match p {
            PolicyArg::Ucdp => corroborate_reconcile::Policy::Ucdp,
            PolicyArg::Conservative => corroborate_reconcile::Policy::Conservative,
            PolicyArg::All => corroborate_reconcile::Policy::All,
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new().num_threads(jobs.max(1)).build_global().ok();
    }
    let options = Options { max_bytes: args.max_input_mb.saturating_mul(1024 * 1024), http_timeout_secs: args.timeout, extractor: args.extractor.into(), ..Options::default() };
    let (sources, mut errors) = expand_inputs(&args.inputs);
    for e in &errors {
        eprintln!("{e}");
    }
    for (file, _) in &args.outlet {
        if !sources.iter().any(|s| outlet_for(std::slice::from_ref(&(file.clone(), String::new())), &s.name).is_some()) {
            eprintln!("--outlet {file}: no input has that name; the name is not used");
        }
    }
    let progress = progress_bar(sources.len(), args.quiet);
    let results: Vec<Vec<Result<Annotated, IngestError>>> = sources
        .par_iter()
        .map(|source| {
            let out = read_documents(source, &options, outlet_for(&args.outlet, &source.name));
            for e in out.iter().filter_map(|r| r.as_ref().err()) {
                progress.suspend(|| eprintln!("{e}"));
            }
            progress.inc(1);
            out
        })
        .collect();
    progress.finish_and_clear();

    let mut seen = HashSet::new();
    let mut documents = Vec::new();
    let mut duplicates = Vec::new();
    for result in results.into_iter().flatten() {
        match result {
            Ok(annotated) => {
                if seen.insert(annotated.document.id.clone()) {
                    documents.push(annotated);
                } else {
                    duplicates.push((annotated.document.source.clone(), annotated.document.id.to_string()));
                }
            }
            Err(e) => errors.push(e),
        }
    }

    let linked = corroborate_annotate::link_documents(&documents);
    let clustering = corroborate_stories::cluster(&documents, &linked);
    let report = BatchReport { documents: &documents, duplicates, errors: errors.iter().map(ToString::to_string).collect(), stories: Some(&clustering) };
    let mut text = summary(&report);
    fs::create_dir_all(&args.out).with_context(|| format!("cannot create the output folder {}", args.out.display()))?;
    write_atomically(&args.out.join("documents.jsonl"), |w| write_documents(w, &documents, &linked))?;
    write_atomically(&args.out.join("entities.jsonl"), |w| write_entities(w, &documents, &linked))?;
    write_atomically(&args.out.join("stories.jsonl"), |w| corroborate_render::write_stories(w, &clustering, &documents))?;
    let (stories_done, dossiers, failed_dossiers) = write_dossiers(&args.out.join("dossiers"), &documents, &linked, &clustering, args.policy.into())?;
    // The report: every dossier with the places its documents name.
    let stories: Vec<StoryReport> = stories_done.iter().zip(&dossiers).map(|(&i, dossier)| StoryReport::new(dossier, &documents, &linked, &clustering.stories[i].documents)).collect();
    let html = report_html(&stories);
    write_atomically(&args.out.join("report.html"), |w| w.write_all(html.as_bytes()))?;
    text.push_str(&digest(&dossiers));
    write_atomically(&args.out.join("summary.txt"), |w| w.write_all(text.as_bytes()))?;
    if !args.quiet {
        match args.format {
            FormatArg::Text => {
                print!("{}", if corroborate_render::report::colour_wanted() { corroborate_render::report::colourize(&text) } else { text.clone() });
                println!("\nwrote {}", args.out.display());
            }
            FormatArg::Md => print!("{}", markdown(&dossiers)),
            FormatArg::Json => println!("{}", serde_json::to_string_pretty(&dossiers)?),
            FormatArg::Html => print!("{html}"),
        }
    }
    Ok(if errors.is_empty() && failed_dossiers == 0 { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

/// Writes `DIR/STORY_ID.json` for every story and removes dossiers of stories no longer there.
/// Returns the stories whose dossier was made (indexes into `clustering.stories`), their
/// dossiers, and how many stories failed.
fn write_dossiers(dir: &Path, documents: &[Annotated], linked: &corroborate_annotate::link::Linked, clustering: &corroborate_stories::Clustering, policy: corroborate_reconcile::Policy) -> Result<(Vec<usize>, Vec<corroborate_reconcile::Dossier>, usize)> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create the output folder {}", dir.display()))?;
    let corpus = corroborate_reconcile::Corpus::new(documents, linked, clustering);
    // A panic while reconciling one story is that story's one-line error; the others are written.
    let dossiers: Vec<_> = clustering
        .stories
        .par_iter()
        .map(|story| {
            GUARDED.with(|g| g.set(true));
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| corroborate_reconcile::reconcile(&corpus, story, policy, corroborate_render::CONTRACT)));
            GUARDED.with(|g| g.set(false));
            result.map_err(|panic| format!("corroborate: story {}: cannot build its dossier: {}", story.id, panic_message(&panic)))
        })
        .collect();
    let mut keep = HashSet::new();
    let mut failed = 0;
    for dossier in &dossiers {
        let dossier = match dossier {
            Ok(d) => d,
            Err(message) => {
                eprintln!("{message}");
                failed += 1;
                continue;
            }
        };
        let name = format!("{}.json", dossier.story);
        write_atomically(&dir.join(&name), |w| corroborate_render::write_dossier(w, dossier))?;
        keep.insert(name);
    }
    for entry in fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && !keep.contains(&name) && clustering.stories.iter().all(|s| format!("{}.json", s.id) != name) {
            fs::remove_file(entry.path()).with_context(|| format!("cannot remove the stale dossier {}", entry.path().display()))?;
        }
    }
    let (mut done, mut made) = (Vec::new(), Vec::new());
    for (i, dossier) in dossiers.into_iter().enumerate() {
        if let Ok(d) = dossier {
            done.push(i);
            made.push(d);
        }
    }
    Ok((done, made, failed))
}

/// The first line of a caught panic's message.
fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    let message = panic.downcast_ref::<String>().map(String::as_str).or_else(|| panic.downcast_ref::<&str>().copied()).unwrap_or("unknown panic");
    message.lines().next().unwrap_or_default().to_string()
}

fn read_documents(source: &Source, options: &Options, outlet: Option<&str>) -> Vec<Result<Annotated, IngestError>> {
    match read_source(source, options) {
        // One source may hold many documents (JSON Lines): they are annotated in parallel too.
        Ok(bytes) => documents_from_bytes(&source.name, &bytes, options)
            .into_par_iter()
            .map(|r| {
                r.and_then(|mut d| {
                    if let Some(name) = outlet {
                        d.outlet = Some(name.to_string());
                    }
                    annotate_guarded(&source.name, d)
                })
            })
            .collect(),
        Err(e) => vec![Err(e)],
    }
}

thread_local! {
    /// Set while this thread annotates inside [`annotate_guarded`].
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs a panic hook that stays silent for panics [`annotate_guarded`] turns into error
/// lines (set `RUST_BACKTRACE` to see them anyway) and reports every other panic as usual.
pub fn quiet_panics_in_guarded_documents() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !GUARDED.with(std::cell::Cell::get) || std::env::var_os("RUST_BACKTRACE").is_some() {
            default_hook(info);
        }
    }));
}

/// Annotates one document; a panic in an annotator becomes that document's one-line error, so
/// the rest of the batch goes on.
fn annotate_guarded(name: &str, document: Document) -> Result<Annotated, IngestError> {
    GUARDED.with(|g| g.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| annotate(document)));
    GUARDED.with(|g| g.set(false));
    result.map_err(|panic| IngestError::new(name, Problem::Internal(panic_message(&panic))))
}

fn progress_bar(len: usize, quiet: bool) -> ProgressBar {
    if quiet || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{spinner} reading {pos}/{len} sources [{bar:30}] {per_sec} eta {eta}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar
}

/// Writes a file through a temporary sibling and a rename, so a failure never leaves a
/// half-written file in place of a good one.
fn write_atomically(path: &Path, write: impl FnOnce(&mut std::io::BufWriter<fs::File>) -> std::io::Result<()>) -> Result<()> {
    let tmp = path.with_extension("tmp");
    let file = fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
    let mut out = std::io::BufWriter::new(file);
    write(&mut out).and_then(|()| out.flush()).with_context(|| format!("cannot write {}", tmp.display()))?;
    out.into_inner().map_err(|e| e.into_error()).and_then(|f| f.sync_all()).with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, path).with_context(|| format!("cannot move {} into place", path.display()))?;
    Ok(())
}

/// `corroborate extract`: one input's clean text and metadata.
pub fn extract(input: &str, json: bool, extractor: ExtractorArg) -> Result<ExitCode> {
    let options = Options { extractor: extractor.into(), ..Options::default() };
    let (sources, errors) = expand_inputs(&[input.to_string()]);
    let mut failed = !errors.is_empty();
    for e in errors {
        eprintln!("{e}");
    }
    for source in &sources {
        for result in read_documents(source, &options, None) {
            match result {
                Ok(annotated) if json => {
                    let linked = corroborate_annotate::link_documents(std::slice::from_ref(&annotated));
                    println!("{}", serde_json::to_string_pretty(&document_record(&annotated, Some((&linked, 0))))?)
                }
                Ok(annotated) => {
                    let d = &annotated.document;
                    println!("# {}", d.title.as_deref().unwrap_or("(no title)"));
                    println!("source: {}", d.source);
                    println!("outlet: {}", d.outlet.as_deref().unwrap_or("?"));
                    println!("authors: {}", if d.authors.is_empty() { "?".to_string() } else { d.authors.join("; ") });
                    println!("published: {}", d.published.as_ref().map(|p| p.iso()).unwrap_or("?"));
                    println!("genre: {:?}   language: {}", d.genre, d.language.as_deref().unwrap_or("?"));
                    println!("removed: {} pieces\n", d.removed.len());
                    println!("{}\n", d.text);
                }
                Err(e) => {
                    failed = true;
                    eprintln!("{e}");
                }
            }
        }
    }
    Ok(if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
