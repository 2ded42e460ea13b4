//! Story clustering against three datasets' gold groupings: B³ precision/recall/F1 and the
//! adjusted Rand index.
//!
//! - **BASIL** (`--format basil`): `articles/<year>/<triplet-uuid>_<n>.json`; gold = the
//!   triplet; id = the file stem. Publication dates are the articles' own `date`.
//! - **AllSides** (`--format allsides`): one story a line in `allsides_stories_*.jsonl`, with
//!   up to three articles (`news.left|center|right`: title and lead paragraphs); gold = the
//!   story; id = `<story id>:<side>`. The articles carry no date field; their publication date
//!   is read from their own URL where it has one (`/2021/10/18/`, 644 of 1,479), as a crawler
//!   would. The story's date is not used: it would hand every member the same value.
//! - **ECB+** (`--format ecbplus`): `docs/<topic>/<topic>_<n>ecb[plus].xml.gz`, tokenised text
//!   (sentence 0 of an ecbplus file is its URL); gold = topic + sub-topic (`ecb` vs `ecbplus`:
//!   two different events of one kind), scored against our stories; topic level is scored
//!   against our threads (stories grouped by likeness) and, for reference, against the stories.
//!
//! Every text is read as `analyze` reads a text source (ingest's `document_from_text`: a
//! headline, byline or dateline in it goes into the metadata), the dataset's own fields first.
//!
//! Model selection: the gold groups (ECB+: topics) are sorted and alternately dealt to a
//! *tuning* and a *held-out* half; each half, and the whole set, is clustered on its own.

use crate::{gunzip, read, EvalError};
use corroborate_annotate::{annotate, Annotated};
use corroborate_ingest::{document_from_text, metadata::Metadata, Document, Published};
use corroborate_stories::{cluster_features, Clustering, DocumentFeatures, Params};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// Which dataset layout `--data` is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Basil,
    Allsides,
    Ecbplus,
}

/// One dataset document with its gold groups.
pub struct Item {
    pub id: String,
    /// The gold story (ECB+: topic and sub-topic).
    pub gold: String,
    /// ECB+ only: the gold topic.
    pub topic: Option<String>,
    /// What the tuning/held-out split deals out (the gold story; ECB+: the topic).
    pub group: String,
    /// The document through the same annotators `analyze` runs (what clustering reads comes
    /// from here, as in the product).
    pub annotated: Annotated,
}

impl Item {
    fn new(
        id: String,
        gold: String,
        topic: Option<String>,
        group: String,
        document: Document,
    ) -> Item {
        Item {
            id,
            gold,
            topic,
            group,
            annotated: annotate(document),
        }
    }
}

/// B³ and ARI of one predicted grouping against one gold grouping.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub ari: f64,
    pub items: usize,
    pub gold_clusters: usize,
    pub predicted_clusters: usize,
}

impl fmt::Display for ClusterScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "B3 P {:.3}  R {:.3}  F1 {:.3}  ARI {:.3}  ({} docs, {} gold, {} predicted)",
            self.precision,
            self.recall,
            self.f1,
            self.ari,
            self.items,
            self.gold_clusters,
            self.predicted_clusters
        )
    }
}

/// B³ (per-item precision and recall, averaged) and the adjusted Rand index.
///
/// ```
/// use corroborate_eval::clusters::score;
/// let s = score(&["a", "a", "b"], &["x", "x", "y"]);
/// assert_eq!((s.f1, s.ari), (1.0, 1.0));
/// let s = score(&["a", "a", "b", "b"], &["x", "x", "x", "x"]);
/// assert_eq!((s.precision, s.recall), (0.5, 1.0));
/// ```
pub fn score<G: Ord, P: Ord>(gold: &[G], predicted: &[P]) -> ClusterScore {
    assert_eq!(gold.len(), predicted.len());
    let n = gold.len();
    let mut cells: BTreeMap<(&G, &P), usize> = BTreeMap::new();
    let mut gold_sizes: BTreeMap<&G, usize> = BTreeMap::new();
    let mut pred_sizes: BTreeMap<&P, usize> = BTreeMap::new();
    for (g, p) in gold.iter().zip(predicted) {
        *cells.entry((g, p)).or_insert(0) += 1;
        *gold_sizes.entry(g).or_insert(0) += 1;
        *pred_sizes.entry(p).or_insert(0) += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for ((g, p), &c) in &cells {
        // Each of the c items in this cell has c correct items in its predicted and gold cluster.
        precision += (c * c) as f64 / pred_sizes[p] as f64;
        recall += (c * c) as f64 / gold_sizes[g] as f64;
    }
    let (precision, recall) = if n == 0 {
        (0.0, 0.0)
    } else {
        (precision / n as f64, recall / n as f64)
    };
    let pairs = |k: usize| (k * k.saturating_sub(1) / 2) as f64;
    let index: f64 = cells.values().map(|&c| pairs(c)).sum();
    let (a, b): (f64, f64) = (
        gold_sizes.values().map(|&c| pairs(c)).sum(),
        pred_sizes.values().map(|&c| pairs(c)).sum(),
    );
    let expected = if n < 2 { 0.0 } else { a * b / pairs(n) };
    let max = (a + b) / 2.0;
    let ari = if (max - expected).abs() < 1e-12 {
        1.0
    } else {
        (index - expected) / (max - expected)
    };
    ClusterScore {
        precision,
        recall,
        f1: crate::f1(precision, recall),
        ari,
        items: n,
        gold_clusters: gold_sizes.len(),
        predicted_clusters: pred_sizes.len(),
    }
}

fn format_error(path: &Path, message: impl Into<String>) -> EvalError {
    EvalError::Format {
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// A dataset's text and what the dataset says about it, read as `analyze` reads a text source
/// (ingest's cleaner moves a headline, byline or dateline in the text into the metadata); the
/// dataset's own fields win. `None` (said on stderr) when ingest finds no text in it.
fn document(
    source: String,
    url: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    published: Option<Published>,
    text: String,
) -> Option<Document> {
    let given = Metadata {
        title,
        published,
        outlet,
        url,
        language: Some("en".into()),
        ..Metadata::default()
    };
    match document_from_text(&source, &text, given) {
        Ok(doc) => Some(doc),
        Err(e) => {
            eprintln!("{e}; left out of the evaluation");
            None
        }
    }
}

/// Reads a dataset in the given layout, annotating every document.
pub fn load(data: &Path, format: Format) -> Result<Vec<Item>, EvalError> {
    let mut items = match format {
        Format::Basil => load_basil(data)?,
        Format::Allsides => load_allsides(data)?,
        Format::Ecbplus => load_ecbplus(data)?,
    };
    items.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(items)
}

fn files(dir: &Path, suffix: &str, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, suffix, out)?;
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(suffix))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn load_basil(data: &Path) -> Result<Vec<Item>, EvalError> {
    let mut paths = Vec::new();
    files(&data.join("articles"), ".json", &mut paths)?;
    paths.sort();
    let mut items = Vec::new();
    for path in paths {
        let v: Value = serde_json::from_slice(&read(&path)?)
            .map_err(|e| format_error(&path, e.to_string()))?;
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let gold = v["triplet-uuid"]
            .as_str()
            .ok_or_else(|| format_error(&path, "no triplet-uuid"))?
            .to_string();
        let paragraphs: Vec<String> = v["body-paragraphs"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .map(|p| {
                        p.as_array()
                            .map(|ss| {
                                ss.iter()
                                    .filter_map(Value::as_str)
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            })
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let text = paragraphs
            .into_iter()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        let published = v["date"].as_str().and_then(|d| {
            let n = |r: std::ops::Range<usize>| d.get(r)?.parse::<u32>().ok();
            Published::day(n(0..4)? as i32, n(5..7)?, n(8..10)?)
        });
        let doc = document(
            path.display().to_string(),
            v["url"].as_str().map(str::to_string),
            v["source"].as_str().map(str::to_lowercase),
            v["title"].as_str().map(str::to_string),
            published,
            text,
        );
        let Some(doc) = doc else { continue };
        items.push(Item::new(id, gold.clone(), None, gold, doc));
    }
    Ok(items)
}

/// `newBody` is a list of paragraphs (or, in some lines, one string).
fn paragraphs(v: &Value) -> String {
    match v {
        Value::Array(ps) => ps
            .iter()
            .filter_map(Value::as_str)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n"),
        Value::String(s) => s.trim().to_string(),
        _ => String::new(),
    }
    .replace('\u{a0}', " ")
}

/// A publication date in a URL path: `/2021/10/18/` or `2021-10-18`.
fn date_in_url(url: &str) -> Option<Published> {
    let re = regex::Regex::new(r"(?:/|\b)(20\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)")
        .expect("valid regex");
    let c = re.captures(url)?;
    Published::day(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

fn load_allsides(data: &Path) -> Result<Vec<Item>, EvalError> {
    let mut paths = Vec::new();
    files(data, ".jsonl", &mut paths)?;
    paths.retain(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("allsides_stories"))
    });
    paths.sort();
    let path = paths
        .first()
        .ok_or_else(|| format_error(data, "no allsides_stories_*.jsonl"))?;
    let raw = read(path)?;
    let mut items = Vec::new();
    for line in String::from_utf8_lossy(&raw)
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let v: Value = serde_json::from_str(line).map_err(|e| format_error(path, e.to_string()))?;
        let story = match &v["id"] {
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.clone(),
            _ => return Err(format_error(path, "a story without id")),
        };
        for side in ["left", "center", "right"] {
            let a = &v["news"][side];
            if !a.is_object() {
                continue;
            }
            let text = paragraphs(&a["newBody"]);
            if text.is_empty() {
                continue;
            }
            let doc = document(
                format!("{}#{story}:{side}", path.display()),
                a["newsLink"].as_str().map(str::to_string),
                a["newsSource"].as_str().map(str::to_string),
                a["newsTitle"].as_str().map(|t| t.replace('\u{a0}', " ")),
                a["newsLink"].as_str().and_then(date_in_url),
                text,
            );
            let Some(doc) = doc else { continue };
            items.push(Item::new(
                format!("{story}:{side}"),
                story.clone(),
                None,
                story.clone(),
                doc,
            ));
        }
    }
    Ok(items)
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Tokens joined back into text: no space before closing punctuation or after opening, none
/// around `/`, `-` and `:` between two numbers (`05/02/2013`, `2013-09-26`, `7:31`), as the
/// page had them before tokenisation.
fn detokenise(tokens: &[String]) -> String {
    let mut out = String::new();
    let mut no_space_next = true;
    let number = |t: Option<&String>| t.is_some_and(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()));
    for (i, t) in tokens.iter().enumerate() {
        let joiner = matches!(t.as_str(), "/" | "-" | ":")
            && i > 0
            && number(tokens.get(i - 1))
            && number(tokens.get(i + 1));
        let closing = joiner
            || matches!(
                t.as_str(),
                "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "'s" | "n't" | "'" | "''"
            );
        if !out.is_empty() && !closing && !no_space_next {
            out.push(' ');
        }
        out.push_str(t);
        no_space_next = joiner || matches!(t.as_str(), "(" | "[" | "$" | "``");
    }
    out.replace("``", "\"").replace("''", "\"")
}

fn load_ecbplus(data: &Path) -> Result<Vec<Item>, EvalError> {
    let token = regex::Regex::new(r#"<token t_id="\d+" sentence="(\d+)"[^>]*>([^<]*)</token>"#)
        .expect("valid regex");
    let mut paths = Vec::new();
    files(&data.join("docs"), ".xml.gz", &mut paths)?;
    paths.sort();
    let mut items = Vec::new();
    for path in paths {
        let xml = String::from_utf8_lossy(&gunzip(&path)?).into_owned();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let id = name.trim_end_matches(".xml.gz").to_string();
        let plus = id.ends_with("ecbplus");
        let topic = id.split('_').next().unwrap_or_default().to_string();
        let mut sentences: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        for c in token.captures_iter(&xml) {
            sentences
                .entry(c[1].parse().unwrap_or(0))
                .or_default()
                .push(unescape(&c[2]));
        }
        let url = if plus {
            sentences.remove(&0).map(|t| t.concat())
        } else {
            None
        };
        let text = sentences
            .values()
            .map(|t| detokenise(t))
            .collect::<Vec<_>>()
            .join("\n\n");
        let Some(doc) = document(path.display().to_string(), url, None, None, None, text) else {
            continue;
        };
        let gold = format!("{topic}/{}", if plus { "ecbplus" } else { "ecb" });
        items.push(Item::new(id, gold, Some(topic.clone()), topic, doc));
    }
    Ok(items)
}

/// Which half of the gold groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Tuning,
    HeldOut,
    All,
}

impl Split {
    pub fn name(self) -> &'static str {
        match self {
            Split::Tuning => "tuning half",
            Split::HeldOut => "held-out half",
            Split::All => "whole set",
        }
    }

    /// The items of this split.
    pub fn select(self, items: &[Item]) -> Vec<&Item> {
        let groups: BTreeSet<&str> = items.iter().map(|i| i.group.as_str()).collect();
        // Numeric group names (AllSides story ids, ECB+ topics) in numeric order.
        let mut groups: Vec<&str> = groups.into_iter().collect();
        groups.sort_by_key(|g| (g.parse::<u64>().unwrap_or(u64::MAX), g.to_string()));
        let half: HashMap<&str, bool> = groups
            .iter()
            .enumerate()
            .map(|(i, g)| (*g, i % 2 == 0))
            .collect();
        items
            .iter()
            .filter(|i| match self {
                Split::All => true,
                Split::Tuning => half[i.group.as_str()],
                Split::HeldOut => !half[i.group.as_str()],
            })
            .collect()
    }
}

/// Clusters items with `params`.
pub fn run(items: &[&Item], params: &Params) -> Clustering {
    let mentions: Vec<corroborate_annotate::link::DocumentMentions> = items
        .iter()
        .map(|i| corroborate_annotate::link::DocumentMentions {
            text: &i.annotated.document.text,
            mentions: &i.annotated.entities,
        })
        .collect();
    let linked = corroborate_annotate::link::link(&mentions);
    let features: Vec<DocumentFeatures> = items
        .iter()
        .enumerate()
        .map(|(d, i)| {
            let mut f = features(i);
            f.add_links(&linked, d);
            f
        })
        .collect();
    cluster_features(
        &features,
        |d| Cow::Borrowed(items[d].annotated.document.text.as_str()),
        params,
    )
}

/// The clustering features of one item, as `analyze` makes them, under the dataset's id.
pub fn features(item: &Item) -> DocumentFeatures {
    DocumentFeatures {
        id: item.id.clone(),
        ..DocumentFeatures::from_annotated(&item.annotated)
    }
}

/// Scores of one clustering: the story level, and (ECB+) the topic level against threads and
/// against stories.
pub struct Scores {
    pub stories: ClusterScore,
    pub topics_by_thread: Option<ClusterScore>,
    pub topics_by_story: Option<ClusterScore>,
}

pub fn scores(items: &[&Item], clustering: &Clustering) -> Scores {
    let story = clustering.story_of(items.len());
    let thread: Vec<&str> = story
        .iter()
        .map(|&s| clustering.stories[s].thread.as_str())
        .collect();
    let gold: Vec<&str> = items.iter().map(|i| i.gold.as_str()).collect();
    let topics: Option<Vec<&str>> = items.iter().map(|i| i.topic.as_deref()).collect();
    Scores {
        stories: score(&gold, &story),
        topics_by_thread: topics.as_ref().map(|t| score(t, &thread)),
        topics_by_story: topics.as_ref().map(|t| score(t, &story)),
    }
}

/// The whole evaluation: every split scored, predictions of the whole set written to
/// `predictions` as `{document id: story id}`.
pub fn evaluate(
    data: &Path,
    format: Format,
    predictions: &Path,
    params: &Params,
) -> Result<String, EvalError> {
    let items = load(data, format)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "story clustering on {} ({format:?}, {} documents)",
        data.display(),
        items.len()
    );
    let _ = writeln!(
        out,
        "parameters: story threshold {}, thread threshold {}\n",
        params.story_threshold, params.thread_threshold
    );
    for split in [Split::Tuning, Split::HeldOut, Split::All] {
        let selected = split.select(&items);
        let clustering = run(&selected, params);
        let s = scores(&selected, &clustering);
        let level = if format == Format::Ecbplus {
            "sub-topic (stories)"
        } else {
            "stories"
        };
        let _ = writeln!(out, "{:<14} {:<24} {}", split.name(), level, s.stories);
        if let Some(t) = s.topics_by_thread {
            let _ = writeln!(out, "{:<14} {:<24} {}", "", "topic (threads)", t);
        }
        if let Some(t) = s.topics_by_story {
            let _ = writeln!(out, "{:<14} {:<24} {}", "", "topic (stories)", t);
        }
        if split == Split::All {
            let story = clustering.story_of(selected.len());
            let map: BTreeMap<&str, &str> = selected
                .iter()
                .zip(&story)
                .map(|(i, &s)| (i.id.as_str(), clustering.stories[s].id.as_str()))
                .collect();
            let json = serde_json::to_vec_pretty(&map)
                .map_err(|e| format_error(predictions, e.to_string()))?;
            std::fs::write(predictions, json).map_err(|source| EvalError::Io {
                path: predictions.display().to_string(),
                source,
            })?;
        }
    }
    let _ = writeln!(
        out,
        "\npredictions (whole set) written to {}",
        predictions.display()
    );
    Ok(out)
}

/// The largest mistakes of a grouping, for reading: predicted groups that mix gold groups
/// (most foreign documents first) and gold groups split across predicted ones, each document
/// with its gold group, predicted group, event date and title (or first words).
pub fn mistakes(
    items: &[&Item],
    gold: &[&str],
    predicted: &[usize],
    features: &[DocumentFeatures],
    n: usize,
) -> String {
    let line = |d: usize| {
        let f = &features[d];
        let title = f.title.clone().unwrap_or_else(|| {
            items[d]
                .annotated
                .document
                .text
                .chars()
                .take(90)
                .collect::<String>()
                .replace('\n', " ")
        });
        let day = f
            .event_dates
            .first()
            .map(|e| format!("{}{}", e.day, if e.span.is_none() { "p" } else { "" }))
            .unwrap_or_else(|| "undated".into());
        format!(
            "    {:<12} {:<5} {:<12} {}",
            gold[d], predicted[d], day, title
        )
    };
    let mut by_predicted: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut by_gold: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for d in 0..items.len() {
        by_predicted.entry(predicted[d]).or_default().push(d);
        by_gold.entry(gold[d]).or_default().push(d);
    }
    let mut mixed: Vec<(usize, &Vec<usize>)> = by_predicted
        .values()
        .map(|docs| {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for &d in docs {
                *counts.entry(gold[d]).or_insert(0) += 1;
            }
            (
                docs.len() - counts.values().max().copied().unwrap_or(0),
                docs,
            )
        })
        .filter(|(foreign, _)| *foreign > 0)
        .collect();
    mixed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1[0].cmp(&b.1[0])));
    let mut split: Vec<&Vec<usize>> = by_gold
        .values()
        .filter(|docs| docs.iter().any(|&d| predicted[d] != predicted[docs[0]]))
        .collect();
    split.sort_by_key(|docs| std::cmp::Reverse(docs.len()));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "predicted groups mixing gold groups ({} in all):",
        mixed.len()
    );
    for (foreign, docs) in mixed.iter().take(n) {
        let _ = writeln!(out, "  {} documents, {foreign} foreign", docs.len());
        for &d in docs.iter() {
            let _ = writeln!(out, "{}", line(d));
        }
    }
    let _ = writeln!(out, "gold groups split ({} in all):", split.len());
    for docs in split.iter().take(n) {
        let _ = writeln!(out, "  {} documents", docs.len());
        for &d in docs.iter() {
            let _ = writeln!(out, "{}", line(d));
        }
    }
    out
}

/// Scores of a grid of story and thread thresholds on one split: for model selection.
pub fn sweep(
    items: &[Item],
    split: Split,
    base: &Params,
    story: &[f32],
    thread: &[f32],
) -> Vec<(f32, f32, Scores)> {
    let selected = split.select(items);
    let mut out = Vec::new();
    for &s in story {
        for &t in thread {
            let params = Params {
                story_threshold: s,
                thread_threshold: t,
                ..base.clone()
            };
            let clustering = run(&selected, &params);
            out.push((s, t, scores(&selected, &clustering)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b_cubed_and_ari_on_small_cases() {
        // All in one cluster against two gold pairs.
        let s = score(&[1, 1, 2, 2], &[0, 0, 0, 0]);
        assert_eq!(s.recall, 1.0);
        assert_eq!(s.precision, 0.5);
        assert!(s.ari.abs() < 1e-9, "{}", s.ari);
        // Singletons: perfect precision, recall 1/2.
        let s = score(&[1, 1, 2, 2], &[0, 1, 2, 3]);
        assert_eq!((s.precision, s.recall), (1.0, 0.5));
        // A known ARI: gold {a,a,a,b,b,b}, predicted {x,x,y,y,y,y}.
        let s = score(
            &["a", "a", "a", "b", "b", "b"],
            &["x", "x", "y", "y", "y", "y"],
        );
        assert!((s.ari - 1.2 / 3.7).abs() < 1e-9, "{}", s.ari);
    }

    #[test]
    fn dates_in_urls() {
        let iso = |u: &str| date_in_url(u).map(|p| p.iso().to_string());
        assert_eq!(
            iso("https://www.cnn.com/2021/10/18/politics/x/index.html").as_deref(),
            Some("2021-10-18")
        );
        assert_eq!(
            iso("https://x.example/news/2021-6-3-story").as_deref(),
            Some("2021-06-03")
        );
        assert_eq!(iso("https://x.example/news/story-12345"), None);
    }

    #[test]
    fn detokenising_ecb_tokens() {
        let t: Vec<String> = [
            "Tara", "Reid", ",", "33", ",", "entered", "rehab", "(", "again", ")", ".",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(detokenise(&t), "Tara Reid, 33, entered rehab (again).");
        let t: Vec<String> = ["Updated", "05", "/", "02", "/", "2013", "7", ":", "31", "-", "more"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(detokenise(&t), "Updated 05/02/2013 7:31 - more");
    }

    #[test]
    fn splits_are_halves_and_disjoint() {
        let item = |id: &str, group: &str| {
            Item::new(
                id.into(),
                group.into(),
                None,
                group.into(),
                document(
                    id.into(),
                    None,
                    None,
                    Some("A headline".into()),
                    None,
                    format!("The council of {id} met on Monday and agreed on a budget for the year."),
                )
                .unwrap(),
            )
        };
        let items = vec![
            item("a", "1"),
            item("b", "2"),
            item("c", "10"),
            item("d", "2"),
        ];
        let tune: Vec<&str> = Split::Tuning
            .select(&items)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        let held: Vec<&str> = Split::HeldOut
            .select(&items)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(tune, ["a", "c"]);
        assert_eq!(held, ["b", "d"]);
    }
}
