//! `corroborate eval clusters`: story clustering against BASIL, AllSides or ECB+.

use anyhow::{Context, Result};
use corroborate_eval::clusters::{self, Format, Split};
use corroborate_stories::Params;
use std::path::PathBuf;
use std::process::ExitCode;

/// Dataset layouts `--format` accepts.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum FormatArg {
    /// BASIL: articles/<year>/<triplet-uuid>_<n>.json; gold = the triplet.
    Basil,
    /// AllSides story triples (allsides_stories_*.jsonl); gold = the story.
    Allsides,
    /// ECB+: docs/<topic>/*.xml.gz; gold = topic and sub-topic (ecb / ecbplus).
    Ecbplus,
}

#[derive(clap::Args)]
pub struct Args {
    /// Dataset layout.
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Dataset folder (default: the format's folder in ../shared/data).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Where to write the assignment of the whole set ({document id: story id}).
    #[arg(long, value_name = "FILE", default_value = "cluster-predictions.json")]
    predictions: PathBuf,
    /// Override the story-edge threshold (cosine × date factor).
    #[arg(long, value_name = "F")]
    story_threshold: Option<f32>,
    /// Override the thread (related stories) threshold.
    #[arg(long, value_name = "F")]
    thread_threshold: Option<f32>,
    /// Override the idf prior (documents assumed besides the batch).
    #[arg(long, value_name = "N")]
    idf_prior: Option<f32>,
    /// Override the weight of capitalised names against words.
    #[arg(long, value_name = "F")]
    name_weight: Option<f32>,
    /// Override the days between event dates that are not discounted.
    #[arg(long, value_name = "DAYS")]
    date_tolerance: Option<i32>,
    /// Override the decay (days) of the date discount beyond the tolerance.
    #[arg(long, value_name = "DAYS")]
    date_decay: Option<f32>,
    /// Override the factor for two reports that each name one weekday, different ones.
    #[arg(long, value_name = "F")]
    weekday_mismatch: Option<f32>,
    /// Override the most days apart two dated reports of one story may be.
    #[arg(long, value_name = "DAYS")]
    date_spread: Option<i32>,
    /// Instead of scoring, print a grid of thresholds scored on the tuning half (model
    /// selection; the held-out half is not looked at).
    #[arg(long)]
    sweep: bool,
    /// Instead of scoring, print the N largest mistakes on the tuning half: stories that mix
    /// gold groups, gold groups split across stories.
    #[arg(long, value_name = "N")]
    errors: Option<usize>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let (format, folder) = match args.format {
        FormatArg::Basil => (Format::Basil, "basil"),
        FormatArg::Allsides => (Format::Allsides, "allsides-neus"),
        FormatArg::Ecbplus => (Format::Ecbplus, "ecbplus"),
    };
    let data = args.data.unwrap_or_else(|| crate::default_data(folder));
    let mut params = Params::default();
    if let Some(t) = args.story_threshold {
        params.story_threshold = t;
    }
    if let Some(t) = args.thread_threshold {
        params.thread_threshold = t;
    }
    if let Some(n) = args.idf_prior {
        params.idf_prior_docs = n;
    }
    if let Some(w) = args.name_weight {
        params.name_weight = w;
    }
    if let Some(d) = args.date_tolerance {
        params.date_tolerance_days = d;
    }
    if let Some(d) = args.date_decay {
        params.date_decay_days = d;
    }
    if let Some(f) = args.weekday_mismatch {
        params.weekday_mismatch = f;
    }
    if let Some(d) = args.date_spread {
        params.story_date_spread_days = d;
    }
    if let Some(n) = args.errors {
        let items = clusters::load(&data, format)
            .with_context(|| format!("cannot read the {folder} dataset (pass --data DIR)"))?;
        let selected = Split::Tuning.select(&items);
        let features: Vec<_> = selected.iter().map(|i| clusters::features(i)).collect();
        let clustering = clusters::run(&selected, &params);
        let story = clustering.story_of(selected.len());
        let gold: Vec<&str> = selected.iter().map(|i| i.gold.as_str()).collect();
        println!("stories against the gold stories (tuning half)");
        print!("{}", clusters::mistakes(&selected, &gold, &story, &features, n));
        if format == Format::Ecbplus {
            // Threads as numbers, in order of first appearance.
            let mut numbers: std::collections::HashMap<&str, usize> = Default::default();
            let thread: Vec<usize> = story
                .iter()
                .map(|&s| {
                    let next = numbers.len();
                    *numbers.entry(clustering.stories[s].thread.as_str()).or_insert(next)
                })
                .collect();
            let topic: Vec<&str> = selected.iter().map(|i| i.topic.as_deref().unwrap_or("")).collect();
            println!("\nthreads against the gold topics (tuning half)");
            print!("{}", clusters::mistakes(&selected, &topic, &thread, &features, n));
        }
        return Ok(ExitCode::SUCCESS);
    }
    if args.sweep {
        let items = clusters::load(&data, format)
            .with_context(|| format!("cannot read the {folder} dataset (pass --data DIR)"))?;
        let story: Vec<f32> = (2..=16).map(|i| i as f32 * 0.025).collect();
        let thread: Vec<f32> = if format == Format::Ecbplus {
            (2..=16).map(|i| i as f32 * 0.01).collect()
        } else {
            vec![params.thread_threshold]
        };
        println!(
            "threshold sweep on the tuning half of {} ({} documents in all)\n",
            data.display(),
            items.len()
        );
        for (s, t, scores) in clusters::sweep(&items, Split::Tuning, &params, &story, &thread) {
            print!(
                "story {s:.2} thread {t:.2}  stories F1 {:.3} ARI {:.3}",
                scores.stories.f1, scores.stories.ari
            );
            if let Some(topic) = scores.topics_by_thread {
                print!("  topics(threads) F1 {:.3} ARI {:.3}", topic.f1, topic.ari);
            }
            println!();
        }
        return Ok(ExitCode::SUCCESS);
    }
    let report = clusters::evaluate(&data, format, &args.predictions, &params)
        .with_context(|| format!("cannot evaluate on the {folder} dataset (pass --data DIR)"))?;
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}
