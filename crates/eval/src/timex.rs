//! Time expressions against TimeML (TempEval-3 Task A style).
//!
//! Every `.tml` file under the data folder is one document: its date is the `TIMEX3` with
//! `functionInDocument="CREATION_TIME"` (the DCT), its text is the text content of `<TEXT>` with
//! XML entities decoded, and the gold `TIMEX3` elements inside `<TEXT>` are spans in characters
//! over that text. [`corroborate_annotate::times::find_times`] runs on the text with the DCT.
//!
//! Scores: strict span P/R/F1 (exact offsets), relaxed span P/R/F1 (any overlap, one-to-one),
//! value and type accuracy over the relaxed matches, and value P/R/F1 where a prediction counts
//! only when it overlaps a gold timex and carries the same value; each on a tuning half
//! (even-indexed files in sorted path order), a held-out half (odd-indexed) and all. Error
//! lists come from the tuning half only.
//!
//! TimeML is read by hand: the files are flat, well-formed and use only a handful of entities,
//! and we need character offsets of the text content, which an XML library would make us
//! recompute anyway.

use crate::{f1, read, EvalError};
use corroborate_annotate::times::{find_times, TimeKind};
use corroborate_annotate::CodePoints;
use corroborate_ingest::Published;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One gold or predicted time expression, offsets in characters over the `<TEXT>` content.
#[derive(Clone, Debug, PartialEq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub value: String,
}

/// One TimeML document: its DCT value, the `<TEXT>` content and the gold timexes in it.
#[derive(Clone, Debug)]
pub struct TimemlDoc {
    pub dct: Option<String>,
    pub text: String,
    pub gold: Vec<Timex>,
}

/// Reads one TimeML document.
pub fn parse_timeml(xml: &str) -> Result<TimemlDoc, String> {
    let dct = find_dct(xml);
    let open = xml.find("<TEXT>").ok_or("no <TEXT> element")?;
    let body_start = open + "<TEXT>".len();
    let close = xml[body_start..].find("</TEXT>").map(|i| body_start + i).ok_or("no </TEXT>")?;
    let body = &xml[body_start..close];
    let mut text = String::with_capacity(body.len());
    let mut chars = 0usize;
    let mut gold = Vec::new();
    // Open TIMEX3 elements: (char start, byte start in `text`, type, value).
    let mut stack: Vec<Option<(usize, usize, String, String)>> = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').ok_or("unclosed tag")?;
            let tag = &after[..end];
            rest = &after[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                if name.trim() == "TIMEX3" {
                    if let Some(Some((cstart, bstart, kind, value))) = stack.pop() {
                        gold.push(Timex { start: cstart, end: chars, text: text[bstart..].to_string(), kind, value });
                    }
                }
            } else if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
                stack.push(Some((chars, text.len(), attr(tag, "type").unwrap_or_default(), attr(tag, "value").unwrap_or_default())));
            }
        } else {
            let next = rest.find('<').unwrap_or(rest.len());
            let decoded = decode_entities(&rest[..next]);
            chars += decoded.chars().count();
            text.push_str(&decoded);
            rest = &rest[next..];
        }
    }
    gold.sort_by_key(|t| (t.start, t.end));
    Ok(TimemlDoc { dct, text, gold })
}

fn find_dct(xml: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = xml[from..].find("<TIMEX3") {
        let start = from + i;
        let end = start + xml[start..].find('>')?;
        let tag = &xml[start + 1..end];
        if attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME") {
            return attr(tag, "value");
        }
        from = end;
    }
    None
}

/// The decoded value of `name="…"` in a tag's text.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let after = tag[at + name.len()..].trim_start();
        if before_ok {
            if let Some(after) = after.strip_prefix('=') {
                let after = after.trim_start();
                let quote = after.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let inner = &after[1..];
                    let close = inner.find(quote)?;
                    return Some(decode_entities(&inner[..close]));
                }
            }
        }
        from = at + name.len();
    }
    None
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest[..rest.len().min(12)].find(';');
        let decoded = semi.and_then(|j| {
            let name = &rest[1..j];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ if name.starts_with("#x") || name.starts_with("#X") => u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32),
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The DCT as a `Published` (date, or date and minute).
fn published(dct: &str) -> Option<Published> {
    let d = dct.get(..10)?;
    let y: i32 = d.get(..4)?.parse().ok()?;
    let m: u32 = d.get(5..7)?.parse().ok()?;
    let day: u32 = d.get(8..10)?.parse().ok()?;
    Published::day(y, m, day)
}

fn kind_name(kind: TimeKind) -> &'static str {
    match kind {
        TimeKind::Date => "DATE",
        TimeKind::Time => "TIME",
        TimeKind::Duration => "DURATION",
        TimeKind::Set => "SET",
    }
}

/// Runs the annotator on one document; offsets in characters, an unresolved value as "".
pub fn predict(doc: &TimemlDoc) -> Vec<Timex> {
    let dct = doc.dct.as_deref().and_then(published);
    let cps = CodePoints::new(&doc.text);
    find_times(&doc.text, dct.as_ref())
        .into_iter()
        .map(|t| {
            let (start, end) = cps.of_span(t.span);
            Timex { start, end, text: t.span.of(&doc.text).to_string(), kind: kind_name(t.kind).into(), value: t.value.unwrap_or_default() }
        })
        .collect()
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io { path: dir.display().to_string(), source })?;
    for entry in entries {
        let path = entry.map_err(|source| EvalError::Io { path: dir.display().to_string(), source })?.path();
        if path.is_dir() {
            tml_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Counts over a whole dataset.
#[derive(Debug, Default)]
struct Tally {
    gold: usize,
    predicted: usize,
    strict: usize,
    relaxed: usize,
    value_hits: usize,
    type_hits: usize,
    /// (gold text, gold value, our value) → count.
    value_misses: HashMap<(String, String, String), usize>,
    /// Gold timexes we did not find at all: text → count.
    missed: HashMap<String, usize>,
    /// Predictions overlapping no gold timex: text → count.
    spurious: HashMap<String, usize>,
}

fn score(doc: &TimemlDoc, pred: &[Timex], tally: &mut Tally) {
    tally.gold += doc.gold.len();
    tally.predicted += pred.len();
    tally.strict += pred.iter().filter(|p| doc.gold.iter().any(|g| g.start == p.start && g.end == p.end)).count();
    let mut used = vec![false; doc.gold.len()];
    for p in pred {
        // One-to-one: the first unused gold that overlaps, preferring the same value.
        let overlapping = |g: &Timex| g.start < p.end && p.start < g.end;
        let pick = (0..doc.gold.len())
            .filter(|&i| !used[i] && overlapping(&doc.gold[i]))
            .min_by_key(|&i| (doc.gold[i].value != p.value) as u8);
        match pick {
            Some(i) => {
                used[i] = true;
                let g = &doc.gold[i];
                tally.relaxed += 1;
                if g.value == p.value {
                    tally.value_hits += 1;
                } else {
                    *tally.value_misses.entry((g.text.clone(), g.value.clone(), p.value.clone())).or_default() += 1;
                }
                if g.kind == p.kind {
                    tally.type_hits += 1;
                }
            }
            None => *tally.spurious.entry(p.text.clone()).or_default() += 1,
        }
    }
    for (g, used) in doc.gold.iter().zip(used) {
        if !used {
            *tally.missed.entry(g.text.clone()).or_default() += 1;
        }
    }
}

fn prf(hits: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 { 0.0 } else { hits as f64 / predicted as f64 };
    let r = if gold == 0 { 0.0 } else { hits as f64 / gold as f64 };
    (p, r, f1(p, r))
}

fn top<K: Ord + Clone>(map: &HashMap<K, usize>, n: usize) -> Vec<(K, usize)> {
    let mut v: Vec<(K, usize)> = map.iter().map(|(k, c)| (k.clone(), *c)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

/// The shape of a TIMEX3 value, digits as `9` ("1990-08-07" → "9999-99-99", "P3W" → "P9W"):
/// misses grouped by shape name a kind of error, not a token of the data.
fn shape(value: &str) -> String {
    if value.is_empty() {
        return "(none)".into();
    }
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        let c = if c.is_ascii_digit() { '9' } else { c };
        // "P12M" and "P3M" are one shape.
        if !(c == '9' && out.ends_with('9') && out.starts_with('P')) {
            out.push(c);
        }
    }
    out
}

fn report_half(r: &mut String, title: &str, docs: usize, tally: &Tally) {
    let _ = writeln!(r, "\n{title}: {docs} documents, {} gold TIMEX3, {} predicted", tally.gold, tally.predicted);
    let _ = writeln!(r, "  {:<30} {:>6} {:>6} {:>6}", "measure", "P", "R", "F1");
    let (p, rc, f) = prf(tally.strict, tally.predicted, tally.gold);
    let _ = writeln!(r, "  {:<30} {p:>6.3} {rc:>6.3} {f:>6.3}", "strict span");
    let (p, rc, f) = prf(tally.relaxed, tally.predicted, tally.gold);
    let _ = writeln!(r, "  {:<30} {p:>6.3} {rc:>6.3} {f:>6.3}", "relaxed span");
    let relaxed_f1 = f;
    let (p, rc, f) = prf(tally.value_hits, tally.predicted, tally.gold);
    let _ = writeln!(r, "  {:<30} {p:>6.3} {rc:>6.3} {f:>6.3}", "value (overlap + same value)");
    let acc = |hits: usize| if tally.relaxed == 0 { 0.0 } else { hits as f64 / tally.relaxed as f64 };
    let _ = writeln!(
        r,
        "  value accuracy (relaxed matches) {:.3}   TE3 value F1 (relaxed F1 x accuracy) {:.3}",
        acc(tally.value_hits),
        relaxed_f1 * acc(tally.value_hits)
    );
    let _ = writeln!(r, "  type accuracy (relaxed matches)  {:.3}", acc(tally.type_hits));
}

/// Scores the time-expression annotator on a folder of TimeML `.tml` files: a tuning half
/// (even-indexed files in sorted path order), a held-out half (odd-indexed) and all. Writes
/// the predictions to `predictions` and returns the report to print; with `errors > 0` it also
/// lists the `errors` most frequent misses **of the tuning half only** (value misses by shape
/// and by text, missed and spurious expressions), so that rules are never fitted to the
/// held-out half.
pub fn evaluate(data: &Path, predictions: &Path, errors: usize) -> Result<String, EvalError> {
    let mut files = Vec::new();
    tml_files(data, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(EvalError::Format { path: data.display().to_string(), message: "no .tml files found".into() });
    }
    let (mut tune, mut held, mut all) = (Tally::default(), Tally::default(), Tally::default());
    let mut out: BTreeMap<String, Value> = BTreeMap::new();
    let mut text_bytes = 0usize;
    let mut elapsed = std::time::Duration::ZERO;
    for (n, path) in files.iter().enumerate() {
        let bytes = read(path)?;
        let xml = String::from_utf8_lossy(&bytes);
        let doc = parse_timeml(&xml).map_err(|message| EvalError::Format { path: path.display().to_string(), message })?;
        let t0 = std::time::Instant::now();
        let pred = predict(&doc);
        elapsed += t0.elapsed();
        text_bytes += doc.text.len();
        score(&doc, &pred, if n % 2 == 0 { &mut tune } else { &mut held });
        score(&doc, &pred, &mut all);
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let items: Vec<Value> =
            pred.iter()
            .map(|t| {
                let value = if t.value.is_empty() { Value::Null } else { Value::from(t.value.clone()) };
                json!({"start": t.start, "end": t.end, "text": t.text, "kind": t.kind, "value": value})
            })
            .collect();
        out.insert(stem, Value::Array(items));
    }
    let body = serde_json::to_string_pretty(&out).expect("JSON values always serialise");
    std::fs::write(predictions, body + "\n").map_err(|source| EvalError::Io { path: predictions.display().to_string(), source })?;

    let mut r = String::new();
    let _ = writeln!(r, "time expressions on {} ({} documents)", data.display(), files.len());
    let (n_tune, n_held) = (files.len().div_ceil(2), files.len() / 2);
    report_half(&mut r, "tuning half (even-indexed files)", n_tune, &tune);
    report_half(&mut r, "held-out half (odd-indexed files)", n_held, &held);
    report_half(&mut r, "all", files.len(), &all);
    let secs = elapsed.as_secs_f64();
    if secs > 0.0 {
        let _ = writeln!(r, "\nannotator speed: {:.1} MB/s over {} bytes of text", text_bytes as f64 / 1e6 / secs, text_bytes);
    }
    if errors > 0 {
        let mut by_shape: HashMap<(String, String), usize> = HashMap::new();
        for ((_, gold, ours), n) in &tune.value_misses {
            *by_shape.entry((shape(gold), shape(ours))).or_default() += n;
        }
        let _ = writeln!(r, "\ntuning half, value misses by shape (count, gold shape, our shape):");
        for ((gold, ours), n) in top(&by_shape, errors) {
            let _ = writeln!(r, "  {n:>3}  {gold}  {ours}");
        }
        let _ = writeln!(r, "\ntuning half, most frequent value misses (count, gold text, gold value, our value):");
        for ((text, gold, ours), n) in top(&tune.value_misses, errors) {
            let _ = writeln!(r, "  {n:>3}  {text:?}  {gold}  {ours}");
        }
        let _ = writeln!(r, "\ntuning half, most frequent missed gold timexes:");
        for (text, n) in top(&tune.missed, errors) {
            let _ = writeln!(r, "  {n:>3}  {text:?}");
        }
        let _ = writeln!(r, "\ntuning half, most frequent spurious predictions:");
        for (text, n) in top(&tune.spurious, errors) {
            let _ = writeln!(r, "  {n:>3}  {text:?}");
        }
    }
    let _ = writeln!(r, "\npredictions written to {}", predictions.display());
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_dct_and_gold_offsets_in_characters() {
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-11-20" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>Caf&eacute;&amp;é <TIMEX3 tid="t1" type="DATE" value="1998-10">last month</TIMEX3> &lt;ok&gt;</TEXT></TimeML>"#;
        let doc = parse_timeml(xml).unwrap();
        assert_eq!(doc.dct.as_deref(), Some("1998-11-20"));
        assert_eq!(doc.text, "Caf&eacute;&é last month <ok>");
        let g = &doc.gold[0];
        assert_eq!((g.start, g.end, g.value.as_str(), g.kind.as_str()), (14, 24, "1998-10", "DATE"));
        let chars: Vec<char> = doc.text.chars().collect();
        assert_eq!(chars[g.start..g.end].iter().collect::<String>(), "last month");
    }

    #[test]
    fn scores_overlap_and_value() {
        let doc = TimemlDoc {
            dct: None,
            text: String::new(),
            gold: vec![Timex { start: 0, end: 10, text: "last month".into(), kind: "DATE".into(), value: "1998-10".into() }],
        };
        let pred = vec![Timex { start: 5, end: 10, text: "month".into(), kind: "DATE".into(), value: "1998-10".into() }];
        let mut t = Tally::default();
        score(&doc, &pred, &mut t);
        assert_eq!((t.strict, t.relaxed, t.value_hits, t.type_hits), (0, 1, 1, 1));
    }

    #[test]
    fn shapes_name_kinds_of_values() {
        assert_eq!(shape("1990-08-07"), "9999-99-99");
        assert_eq!(shape("1989-WXX"), "9999-WXX");
        assert_eq!(shape("P12M"), "P9M");
        assert_eq!(shape(""), "(none)");
    }
}
