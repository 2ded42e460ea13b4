//! Quotes (attribution relations) against PolNeAR: content, source and cue spans.
//!
//! PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution of US political
//! news — direct quotes, paraphrase, reported belief — as brat standoff: `T` lines
//! (`Source|Cue|Content start end[;start end]`, character offsets over `text/<stem>.txt`) and
//! `E` lines tying one attribution's parts. Articles annotated by several annotators
//! (`<stem>_<annotator>.ann` twice) are scored against the first annotator in name order.
//!
//! # Scoring
//! - **content exact**: a predicted content span equals a gold one (both trimmed of spaces and
//!   final `.,;:`; a discontinuous gold span is taken from its first to its last character).
//! - **content overlap** (token-proportional, as BBC's Citron scores "overlap"): precision is
//!   the mean share of each predicted span's tokens inside some gold content, recall the mean
//!   share of each gold span's tokens inside some prediction.
//! - **source**: for each gold attribution with a source, the prediction overlapping its
//!   content most; right if that prediction's speaker span overlaps the gold source (recall).
//!   Symmetrically for each prediction with a speaker (precision).
//! - **cue**: predicted and gold cue spans matched one-to-one by overlap.
//! - **direct / indirect**: gold content that starts and ends with a quotation mark is direct;
//!   our `direct` quotes are scored against it, `indirect` and `mixed` against the rest.
//!
//! Predictions are written per article stem as `[{source, cue, content}]`, each a
//! `{start, end, text}` in characters (or null).

use crate::{f1, read, EvalError};
use corroborate_annotate::attribution::{attribute, Quote, QuoteKind, SpeakerKind};
use corroborate_annotate::{entities, sentences, CodePoints};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// A character range `[start, end)`; content may have several.
type Range = (usize, usize);

#[derive(Clone, Debug, Default)]
pub struct Attribution {
    pub content: Vec<Range>,
    pub cue: Option<Range>,
    pub source: Option<Range>,
    pub direct: bool,
}

/// One article: its text (as chars) and gold attributions.
pub struct Article {
    pub stem: String,
    pub text: String,
    pub gold: Vec<Attribution>,
}

fn parse_ranges(s: &str) -> Option<Vec<Range>> {
    s.split(';')
        .map(|part| {
            let mut it = part.split_whitespace();
            Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
        })
        .collect()
}

fn extent(r: &[Range]) -> Range {
    (
        r.iter().map(|x| x.0).min().unwrap_or(0),
        r.iter().map(|x| x.1).max().unwrap_or(0),
    )
}

/// Reads a PolNeAR split folder (`text/`, `attributions/`).
pub fn read_polnear(dir: &Path) -> Result<Vec<Article>, EvalError> {
    let bad = |message: String| EvalError::Format {
        path: dir.display().to_string(),
        message,
    };
    let list = |d: &Path| -> Result<Vec<std::path::PathBuf>, EvalError> {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .map_err(|source| EvalError::Io {
                path: d.display().to_string(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        v.sort();
        Ok(v)
    };
    let anns = list(&dir.join("attributions"))?;
    let mut out = Vec::new();
    for t in list(&dir.join("text"))? {
        let Some(stem) = t.file_stem().and_then(|s| s.to_str()).map(str::to_string) else {
            continue;
        };
        let text = String::from_utf8_lossy(&read(&t)?).into_owned();
        let Some(ann) = anns.iter().find(|a| {
            a.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.strip_suffix(".ann")
                    .and_then(|n| n.rsplit_once('_'))
                    .is_some_and(|(s, _)| s == stem)
            })
        }) else {
            return Err(bad(format!("no annotation file for {stem}")));
        };
        let raw = String::from_utf8_lossy(&read(ann)?).into_owned();
        let chars: Vec<char> = text.chars().collect();
        let mut spans: BTreeMap<&str, (String, Vec<Range>)> = BTreeMap::new();
        let mut gold = Vec::new();
        for line in raw.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 2 {
                continue;
            }
            if fields[0].starts_with('T') {
                if let Some((label, ranges)) = fields[1].split_once(' ') {
                    if let Some(r) = parse_ranges(ranges) {
                        spans.insert(fields[0], (label.to_string(), r));
                    }
                }
            } else if fields[0].starts_with('E') {
                let mut a = Attribution::default();
                for part in fields[1].split_whitespace() {
                    let Some((role, id)) = part.split_once(':') else {
                        continue;
                    };
                    let Some((_, r)) = spans.get(id) else {
                        continue;
                    };
                    match role {
                        "Content" => a.content = r.clone(),
                        "Cue" => a.cue = Some(extent(r)),
                        "Source" => a.source = Some(extent(r)),
                        _ => {}
                    }
                }
                if !a.content.is_empty() {
                    let (s, e) = extent(&a.content);
                    let c: String = chars
                        .get(s..e.min(chars.len()))
                        .unwrap_or(&[])
                        .iter()
                        .collect();
                    let c = c.trim().trim_end_matches(['.', ',']);
                    // Two apostrophes ('') are a double quotation mark in some archives.
                    a.direct = (c.starts_with(['“', '"']) || c.starts_with("''"))
                        && (c.ends_with(['”', '"']) || c.ends_with("''"));
                    gold.push(a);
                }
            }
        }
        out.push(Article { stem, text, gold });
    }
    Ok(out)
}

/// Our attributions of one text, in characters. Quoted terms the author uses in their own
/// voice (scare quotes: no cue, speaker the author) are a hedge, not an attribution relation,
/// and are left out, as PolNeAR does not annotate them. Stances (attributions that are not
/// speech) are PolNeAR attributions and are scored with the quotes.
pub fn predict(text: &str) -> Vec<Attribution> {
    let sentences = sentences::split(text);
    let (mentions, _) = entities::recognize(text, &sentences);
    let found = attribute(text, &sentences, &mentions);
    let cp = CodePoints::new(text);
    found
        .quotes
        .iter()
        .chain(&found.stances)
        .filter(|q| {
            !(q.cue.is_none()
                && q.speaker
                    .as_ref()
                    .is_some_and(|s| s.kind == SpeakerKind::Author))
        })
        .fold(Vec::<(Attribution, &Quote)>::new(), |mut out, q| {
            // "“A,” X said. “B.”" and "A, X said, B": a quote continuing the one before it in
            // the same paragraph, with the same speaker and the same cue (or, for a direct
            // quote, no new cue), is one attribution whose content has two parts (as PolNeAR
            // annotates it).
            if let Some((a, p)) = out.last_mut() {
                let gap = &text[p.content.end().min(q.content.start())..q.content.start()];
                let same_cue = q.cue.is_some() && q.cue.map(|c| cp.of_span(c)) == a.cue;
                let continues = q.cue.is_none() && q.kind == QuoteKind::Direct && p.kind == QuoteKind::Direct;
                if p.content.end() <= q.content.start()
                    && !gap.contains('\n')
                    && gap.chars().count() <= 200
                    && a.cue.is_some()
                    && (same_cue || continues)
                    && q.speaker.as_ref().map(|s| &s.name) == p.speaker.as_ref().map(|s| &s.name)
                {
                    a.content.push(cp.of_span(q.content));
                    *p = q;
                    return out;
                }
            }
            out.push((
                Attribution {
                    content: vec![cp.of_span(q.content)],
                    cue: q.cue.map(|c| cp.of_span(c)),
                    source: q
                        .speaker
                        .as_ref()
                        .and_then(|s| s.span)
                        .map(|s| cp.of_span(s)),
                    direct: q.kind == QuoteKind::Direct,
                },
                q,
            ));
            out
        })
        .into_iter()
        .map(|(a, _)| a)
        .collect()
}

/// Counts for one measure: (sum of hits over predictions, predictions, sum over gold, gold).
#[derive(Clone, Copy, Debug, Default)]
pub struct Prf {
    pub hit_p: f64,
    pub n_p: f64,
    pub hit_r: f64,
    pub n_r: f64,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        if self.n_p == 0.0 {
            0.0
        } else {
            self.hit_p / self.n_p
        }
    }
    pub fn recall(&self) -> f64 {
        if self.n_r == 0.0 {
            0.0
        } else {
            self.hit_r / self.n_r
        }
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    fn add(&mut self, o: &Prf) {
        self.hit_p += o.hit_p;
        self.n_p += o.n_p;
        self.hit_r += o.hit_r;
        self.n_r += o.n_r;
    }
}

/// The scores of a set of articles.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    pub exact: Prf,
    pub overlap: Prf,
    pub source: Prf,
    pub cue: Prf,
    pub direct: Prf,
    pub indirect: Prf,
    pub articles: usize,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        for (a, b) in [
            (&mut self.exact, &o.exact),
            (&mut self.overlap, &o.overlap),
            (&mut self.source, &o.source),
            (&mut self.cue, &o.cue),
            (&mut self.direct, &o.direct),
            (&mut self.indirect, &o.indirect),
        ] {
            a.add(b);
        }
        self.articles += o.articles;
    }
}

/// Word tokens of a text as char ranges (maximal runs of non-space).
fn tokens(chars: &[char]) -> Vec<Range> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, chars.len()));
    }
    out
}

fn overlaps(a: Range, b: Range) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Token indices covered by ranges.
fn token_set(toks: &[Range], ranges: &[Range]) -> Vec<usize> {
    let mut v: Vec<usize> = ranges
        .iter()
        .flat_map(|&r| {
            let from = toks.partition_point(|t| t.1 <= r.0);
            (from..toks.len())
                .take_while(move |&i| toks[i].0 < r.1)
                .filter(move |&i| {
                    let mid = (toks[i].0 + toks[i].1) / 2;
                    mid >= r.0 && mid < r.1 || (toks[i].0 >= r.0 && toks[i].1 <= r.1)
                })
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn normalized(chars: &[char], r: Range) -> Range {
    let (mut s, mut e) = (r.0.min(chars.len()), r.1.min(chars.len()));
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && (chars[e - 1].is_whitespace() || ".,;:".contains(chars[e - 1])) {
        e -= 1;
    }
    (s, e)
}

/// Scores one article's predictions.
pub fn score(text: &str, gold: &[Attribution], pred: &[Attribution]) -> Scores {
    let chars: Vec<char> = text.chars().collect();
    let toks = tokens(&chars);
    let mut sc = Scores {
        articles: 1,
        ..Scores::default()
    };
    let gsets: Vec<Vec<usize>> = gold.iter().map(|g| token_set(&toks, &g.content)).collect();
    let psets: Vec<Vec<usize>> = pred.iter().map(|p| token_set(&toks, &p.content)).collect();
    let all_gold: std::collections::HashSet<usize> = gsets.iter().flatten().copied().collect();
    let all_pred: std::collections::HashSet<usize> = psets.iter().flatten().copied().collect();
    let share = |set: &[usize], other: &std::collections::HashSet<usize>| {
        if set.is_empty() {
            0.0
        } else {
            set.iter().filter(|t| other.contains(t)).count() as f64 / set.len() as f64
        }
    };
    let common = |a: &[usize], b: &[usize]| a.iter().filter(|t| b.binary_search(t).is_ok()).count();
    // The tokens of all spans of one kind (direct or not).
    let of_kind = |sets: &[Vec<usize>], direct: &[bool], want: bool| -> std::collections::HashSet<usize> {
        sets.iter().zip(direct).filter(|(_, &d)| d == want).flat_map(|(s, _)| s.iter().copied()).collect()
    };
    let gold_is_direct: Vec<bool> = gold.iter().map(|g| g.direct).collect();
    let pred_is_direct: Vec<bool> = pred.iter().map(|p| p.direct).collect();
    let gold_direct = of_kind(&gsets, &gold_is_direct, true);
    let gold_indirect = of_kind(&gsets, &gold_is_direct, false);
    let pred_direct = of_kind(&psets, &pred_is_direct, true);
    let pred_indirect = of_kind(&psets, &pred_is_direct, false);
    for (p, set) in pred.iter().zip(&psets) {
        sc.overlap.hit_p += share(set, &all_gold);
        sc.overlap.n_p += 1.0;
        let class = if p.direct {
            (&mut sc.direct, &gold_direct)
        } else {
            (&mut sc.indirect, &gold_indirect)
        };
        class.0.hit_p += share(set, class.1);
        class.0.n_p += 1.0;
    }
    for (g, set) in gold.iter().zip(&gsets) {
        sc.overlap.hit_r += share(set, &all_pred);
        sc.overlap.n_r += 1.0;
        let class = if g.direct {
            (&mut sc.direct, &pred_direct)
        } else {
            (&mut sc.indirect, &pred_indirect)
        };
        class.0.hit_r += share(set, class.1);
        class.0.n_r += 1.0;
    }
    // Exact.
    let gold_exact: Vec<Range> = gold
        .iter()
        .map(|g| normalized(&chars, extent(&g.content)))
        .collect();
    let pred_exact: Vec<Range> = pred
        .iter()
        .map(|p| normalized(&chars, extent(&p.content)))
        .collect();
    sc.exact.n_p = pred.len() as f64;
    sc.exact.n_r = gold.len() as f64;
    sc.exact.hit_p = pred_exact.iter().filter(|p| gold_exact.contains(p)).count() as f64;
    sc.exact.hit_r = gold_exact.iter().filter(|g| pred_exact.contains(g)).count() as f64;
    // Source: best content match each way.
    let best = |set: &[usize], others: &[Vec<usize>]| {
        others
            .iter()
            .enumerate()
            .map(|(i, o)| (common(set, o), i))
            .filter(|x| x.0 > 0)
            .max()
            .map(|x| x.1)
    };
    for (g, set) in gold.iter().zip(&gsets) {
        let Some(gs) = g.source else { continue };
        sc.source.n_r += 1.0;
        if let Some(i) = best(set, &psets) {
            if pred[i].source.is_some_and(|ps| overlaps(ps, gs)) {
                sc.source.hit_r += 1.0;
            }
        }
    }
    for (p, set) in pred.iter().zip(&psets) {
        let Some(ps) = p.source else { continue };
        sc.source.n_p += 1.0;
        if let Some(i) = best(set, &gsets) {
            if gold[i].source.is_some_and(|gs| overlaps(ps, gs)) {
                sc.source.hit_p += 1.0;
            }
        }
    }
    // Cue: one-to-one by overlap, in order.
    let gcues: Vec<Range> = gold.iter().filter_map(|g| g.cue).collect();
    let pcues: Vec<Range> = pred.iter().filter_map(|p| p.cue).collect();
    let mut taken = vec![false; gcues.len()];
    let mut hits = 0.0;
    for pc in &pcues {
        if let Some(i) = (0..gcues.len()).find(|&i| !taken[i] && overlaps(*pc, gcues[i])) {
            taken[i] = true;
            hits += 1.0;
        }
    }
    sc.cue = Prf {
        hit_p: hits,
        n_p: pcues.len() as f64,
        hit_r: hits,
        n_r: gcues.len() as f64,
    };
    sc
}

fn span_json(text: &[char], r: Option<Range>) -> Value {
    match r {
        Some((s, e)) => {
            json!({"start": s, "end": e, "text": text[s.min(text.len())..e.min(text.len())].iter().collect::<String>()})
        }
        None => Value::Null,
    }
}

fn table(out: &mut String, name: &str, s: &Scores) {
    let _ = writeln!(out, "{name} ({} articles)", s.articles);
    let _ = writeln!(
        out,
        "  {:<26} {:>6} {:>6} {:>6} {:>7} {:>7}",
        "measure", "P", "R", "F1", "n_pred", "n_gold"
    );
    for (m, p) in [
        ("content exact", &s.exact),
        ("content overlap", &s.overlap),
        ("source", &s.source),
        ("cue", &s.cue),
        ("content overlap, direct", &s.direct),
        ("content overlap, indirect", &s.indirect),
    ] {
        let _ = writeln!(
            out,
            "  {m:<26} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>7}",
            p.precision(),
            p.recall(),
            p.f1(),
            p.n_p,
            p.n_r
        );
    }
}

/// The error kinds `--errors` lists, in order.
const ERROR_KINDS: [&str; 4] = ["missed", "spurious", "mis-bounded", "wrong source"];

/// The errors of one article (tuning half only): `(kind, line)`. A gold attribution is missed
/// when less than half its tokens lie in some prediction; a prediction is spurious when less
/// than half its tokens lie in some gold content; otherwise the prediction sharing most tokens
/// with a gold attribution is mis-bounded when its content is not exactly the gold's, and has
/// the wrong source when its speaker does not overlap the gold source.
fn errors_of(a: &Article, pred: &[Attribution]) -> Vec<(usize, String)> {
    let chars: Vec<char> = a.text.chars().collect();
    let toks = tokens(&chars);
    let text_of = |r: Option<Range>| -> String {
        r.map_or_else(|| "-".to_string(), |(s, e)| {
            let t: String = chars[s.min(chars.len())..e.min(chars.len())].iter().collect();
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if t.chars().count() > 160 {
                format!("{}…", t.chars().take(160).collect::<String>())
            } else {
                t
            }
        })
    };
    let gsets: Vec<Vec<usize>> = a.gold.iter().map(|g| token_set(&toks, &g.content)).collect();
    let psets: Vec<Vec<usize>> = pred.iter().map(|p| token_set(&toks, &p.content)).collect();
    let all_gold: std::collections::HashSet<usize> = gsets.iter().flatten().copied().collect();
    let all_pred: std::collections::HashSet<usize> = psets.iter().flatten().copied().collect();
    let share = |set: &[usize], other: &std::collections::HashSet<usize>| {
        set.iter().filter(|t| other.contains(t)).count() * 2 >= set.len().max(1)
    };
    let mut out = Vec::new();
    for (g, set) in a.gold.iter().zip(&gsets) {
        let kind = if g.direct { "direct" } else { "indirect" };
        let gold = format!("source «{}» cue «{}» content «{}»", text_of(g.source), text_of(g.cue), text_of(Some(extent(&g.content))));
        if !share(set, &all_pred) {
            out.push((0, format!("{} {kind}: gold {gold}", a.stem)));
            continue;
        }
        let best = psets
            .iter()
            .enumerate()
            .map(|(i, o)| (o.iter().filter(|t| set.binary_search(t).is_ok()).count(), i))
            .filter(|x| x.0 > 0)
            .max()
            .map(|x| x.1);
        let Some(i) = best else { continue };
        let p = &pred[i];
        let ours = format!("source «{}» cue «{}» content «{}»", text_of(p.source), text_of(p.cue), text_of(Some(extent(&p.content))));
        if normalized(&chars, extent(&p.content)) != normalized(&chars, extent(&g.content)) {
            out.push((2, format!("{} {kind}: gold {gold}\n      ours {ours}", a.stem)));
        }
        if let Some(gs) = g.source {
            if !p.source.is_some_and(|ps| overlaps(ps, gs)) {
                out.push((3, format!("{} {kind}: gold {gold}\n      ours {ours}", a.stem)));
            }
        }
    }
    for (p, set) in pred.iter().zip(&psets) {
        if !share(set, &all_gold) {
            let kind = if p.direct { "direct" } else { "indirect" };
            out.push((1, format!("{} {kind}: ours source «{}» cue «{}» content «{}»", a.stem, text_of(p.source), text_of(p.cue), text_of(Some(extent(&p.content))))));
        }
    }
    out
}

/// Scores our attribution finder on a PolNeAR folder: tuning half (even-indexed articles in
/// name order), held-out half (odd-indexed) and all; writes our predictions to `predictions`.
/// With `errors` > 0, lists up to that many errors of each kind from the tuning half only.
pub fn evaluate(data: &Path, predictions: &Path, errors: usize) -> Result<String, EvalError> {
    let articles = read_polnear(data)?;
    let (mut tune, mut held, mut all) = (Scores::default(), Scores::default(), Scores::default());
    let mut written = serde_json::Map::new();
    let mut listed: Vec<Vec<String>> = vec![Vec::new(); ERROR_KINDS.len()];
    for (i, a) in articles.iter().enumerate() {
        let pred = predict(&a.text);
        let s = score(&a.text, &a.gold, &pred);
        if errors > 0 && i % 2 == 0 {
            for (kind, line) in errors_of(a, &pred) {
                listed[kind].push(line);
            }
        }
        if i % 2 == 0 { &mut tune } else { &mut held }.add(&s);
        all.add(&s);
        let chars: Vec<char> = a.text.chars().collect();
        let items: Vec<Value> = pred
            .iter()
            .map(|p| json!({"source": span_json(&chars, p.source), "cue": span_json(&chars, p.cue), "content": span_json(&chars, (!p.content.is_empty()).then(|| extent(&p.content)))}))
            .collect();
        written.insert(a.stem.clone(), Value::Array(items));
    }
    std::fs::write(
        predictions,
        serde_json::to_vec_pretty(&Value::Object(written)).expect("json"),
    )
    .map_err(|source| EvalError::Io {
        path: predictions.display().to_string(),
        source,
    })?;
    let mut out = format!("quotes (attribution relations) on {}\n\n", data.display());
    table(&mut out, "tuning half (even-indexed articles)", &tune);
    table(&mut out, "held-out half (odd-indexed articles)", &held);
    table(&mut out, "all", &all);
    if errors > 0 {
        let _ = writeln!(out, "\nerrors on the tuning half");
        for (kind, lines) in ERROR_KINDS.iter().zip(&listed) {
            let _ = writeln!(out, "\n{kind}: {}", lines.len());
            for line in lines.iter().take(errors) {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
    let _ = writeln!(out, "\npredictions written to {}", predictions.display());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_empty_predictions() {
        let text = "Smith said the vote was rigged.";
        let gold = vec![Attribution {
            content: vec![(11, 30)],
            cue: Some((6, 10)),
            source: Some((0, 5)),
            direct: false,
        }];
        let s = score(text, &gold, &gold);
        assert_eq!(
            (s.exact.f1(), s.overlap.f1(), s.source.f1(), s.cue.f1()),
            (1.0, 1.0, 1.0, 1.0)
        );
        let s = score(text, &gold, &[]);
        assert_eq!(s.overlap.f1(), 0.0);
        assert_eq!(s.overlap.recall(), 0.0);
    }

    #[test]
    fn partial_overlap_is_proportional() {
        let text = "Smith said the vote was rigged.";
        let gold = vec![Attribution {
            content: vec![(11, 30)],
            cue: None,
            source: Some((0, 5)),
            direct: false,
        }];
        // Predicted "vote was rigged": 3 of gold's 4 tokens, all of its own.
        let pred = vec![Attribution {
            content: vec![(15, 30)],
            cue: None,
            source: Some((20, 23)),
            direct: false,
        }];
        let s = score(text, &gold, &pred);
        assert!((s.overlap.recall() - 0.75).abs() < 1e-9);
        assert_eq!(s.overlap.precision(), 1.0);
        assert_eq!(s.exact.f1(), 0.0);
        assert_eq!(s.source.f1(), 0.0);
    }
}

/// Speaker accuracy on BASIL (`articles/<year>/*.json`, `annotations/<year>/*_ann.json`): for
/// every phrase annotated as a quote whose speaker is a name (not a group label such as
/// `other_anti`), did we find a quote covering it, and does its speaker's name hold the gold
/// speaker's surname? The article text is its paragraphs joined by blank lines, sentences by a
/// space. Events in name order: even-indexed ones are the tuning half.
///
/// BASIL's speaker labels are of two sorts: a person's name (`Rick_Perry`) and a group the
/// annotator filed a member's words under (`Democratic_lawmakers`, `House_Republicans`,
/// `Obama_campaign`), whose "surname" is a common noun no speaker's name holds. Both are
/// reported apart: a label is a group when one of its parts is lowercase or its last part is a
/// plural (ends in `s`, not `ss`, `us` or `is`) — a surname such as "Sanders" would be
/// misread as a group, so the split is a reading aid; the overall figure counts every label.
pub fn evaluate_basil(data: &Path, predictions: &Path) -> Result<String, EvalError> {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    let ann_dir = data.join("annotations");
    for year in std::fs::read_dir(&ann_dir).map_err(|source| EvalError::Io {
        path: ann_dir.display().to_string(),
        source,
    })? {
        let year = year
            .map_err(|source| EvalError::Io {
                path: ann_dir.display().to_string(),
                source,
            })?
            .path();
        for f in std::fs::read_dir(&year)
            .map_err(|source| EvalError::Io {
                path: year.display().to_string(),
                source,
            })?
            .flatten()
        {
            files.push(f.path());
        }
    }
    files.sort_by_key(|p| p.file_name().map(|n| n.to_os_string()));
    let mut events: Vec<String> = files
        .iter()
        .filter_map(|f| {
            f.file_name()?
                .to_str()?
                .split('_')
                .next()
                .map(str::to_string)
        })
        .collect();
    events.dedup();
    // [half][found, right, total, persons, persons right]
    let mut tally = [[0usize; 5]; 2];
    let is_group = |label: &str| {
        let last = label.rsplit('_').next().unwrap_or(label);
        label.split('_').any(|p| p.starts_with(|c: char| c.is_lowercase()))
            || (last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us") && !last.ends_with("is"))
    };
    let mut written = serde_json::Map::new();
    for ann_path in &files {
        let name = ann_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let event = name.split('_').next().unwrap_or_default();
        let half = events.iter().position(|e| e == event).unwrap_or(0) % 2;
        let art_path = data
            .join("articles")
            .join(
                ann_path
                    .parent()
                    .and_then(|p| p.file_name())
                    .unwrap_or_default(),
            )
            .join(name.replace("_ann.json", ".json"));
        let bad = |p: &Path, m: String| EvalError::Format {
            path: p.display().to_string(),
            message: m,
        };
        let art: Value =
            serde_json::from_slice(&read(&art_path)?).map_err(|e| bad(&art_path, e.to_string()))?;
        let ann: Value =
            serde_json::from_slice(&read(ann_path)?).map_err(|e| bad(ann_path, e.to_string()))?;
        let paragraphs = art["body-paragraphs"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let text = paragraphs
            .iter()
            .map(|p| {
                p.as_array()
                    .map(|s| {
                        s.iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        let sentences = sentences::split(&text);
        let (mentions, _) = entities::recognize(&text, &sentences);
        let found = attribute(&text, &sentences, &mentions);
        let mut rows = Vec::new();
        for p in ann["phrase-level-annotations"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let speaker = p["speaker"].as_str().unwrap_or_default();
            if p["quote"] != "yes"
                || !speaker.contains('_')
                || !speaker.starts_with(|c: char| c.is_uppercase())
            {
                continue;
            }
            let Some(txt) = p["txt"].as_str().filter(|t| !t.is_empty()) else {
                continue;
            };
            let Some(at) = text.find(txt) else { continue };
            let surname = speaker.rsplit('_').next().unwrap_or(speaker).to_lowercase();
            let q = found
                .quotes
                .iter()
                .filter(|q| q.content.start() < at + txt.len() && at < q.content.end())
                .max_by_key(|q| q.content.end().min(at + txt.len()) - q.content.start().max(at));
            let ours = q.and_then(|q| q.speaker.as_ref()).map(|s| s.name.clone());
            tally[half][2] += 1;
            if q.is_some() {
                tally[half][0] += 1;
            }
            let right = ours
                .as_ref()
                .is_some_and(|n| n.to_lowercase().contains(&surname));
            if right {
                tally[half][1] += 1;
            }
            if !is_group(speaker) {
                tally[half][3] += 1;
                tally[half][4] += usize::from(right);
            }
            rows.push(json!({"text": txt, "gold": speaker, "ours": ours, "right": right}));
        }
        written.insert(
            name.trim_end_matches("_ann.json").to_string(),
            Value::Array(rows),
        );
    }
    std::fs::write(
        predictions,
        serde_json::to_vec_pretty(&Value::Object(written)).expect("json"),
    )
    .map_err(|source| EvalError::Io {
        path: predictions.display().to_string(),
        source,
    })?;
    let mut out = format!(
        "quote speakers on BASIL {} (quote spans whose speaker is a named person or body)\n\n",
        data.display()
    );
    let _ = writeln!(
        out,
        "  {:<36} {:>6} {:>9} {:>9} {:>8} {:>9}",
        "part", "spans", "covered", "speaker", "persons", "speaker"
    );
    let all: [usize; 5] = std::array::from_fn(|i| tally[0][i] + tally[1][i]);
    for (label, t) in [
        ("tuning half (even-indexed events)", tally[0]),
        ("held-out half (odd-indexed events)", tally[1]),
        ("all", all),
    ] {
        let n = t[2].max(1) as f64;
        let _ = writeln!(
            out,
            "  {label:<36} {:>6} {:>9.3} {:>9.3} {:>8} {:>9.3}",
            t[2],
            t[0] as f64 / n,
            t[1] as f64 / n,
            t[3],
            t[4] as f64 / t[3].max(1) as f64
        );
    }
    let _ = writeln!(out, "\n(covered: a quote of ours overlaps the span; speaker: its speaker holds the gold surname; persons: the spans whose label is a person's name, not a group's, and the speaker figure on them)\npredictions written to {}", predictions.display());
    Ok(out)
}
