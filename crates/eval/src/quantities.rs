//! Quantities against NewsQuant, scored as the CQE paper scores it.
//!
//! The data is a JSON list of `{ "text", "quantities": [{ "value", "unit", "normalized_unit",
//! "change", "referred_concepts" }] }` (CQE's `formatted_test_set`). Each sentence goes through
//! [`find_quantities`]; each [`Quantity`] becomes a prediction in the same shape:
//!
//! - `value`: the point, or `low-high` for a range; a one-sided bound gives its finite end.
//! - `normalized_unit`: CQE's unit names ([`CQE_UNITS`]: `%` → `percentage`, `USD` → `dollar`,
//!   `km` → `kilometre`, rates as `dollar per barrel`); a counted noun becomes its noun phrase
//!   lower-cased and singularised (`European countries` → `european country`); none is `-`.
//! - `change`: `up`/`down` from the trend, `~` when approximate, `>` / `<` for a lower / upper
//!   bound, else `=`.
//! - `referred_concepts`: the content words of the counted concept, else `-`.
//!
//! # Scoring (a reimplementation of `calculate_metrics` in CQE_Evaluation's `evaluate_models.py`)
//!
//! Per sentence, gold and predicted quantities are sorted by normalised unit as written (units
//! then compare lower-cased, as CQE's `decode_dictionary` lowers both); for each gold quantity
//! the predictions are walked in order, and every prediction whose value matches
//! (`numpy.isclose(gold, model)`, rtol 1e-5 of the model's value, atol 1e-8; a range matches
//! only a range, end by end) counts:
//! a value hit (at most as many per sentence as there are gold quantities), a change hit if the
//! change strings are equal, a concept hit (partial: the gold concept split on runs of commas and
//! whitespace shares a lower-cased token with the predicted list; complete: same size and all
//! shared). When the unit also matches (lower-cased), the prediction is consumed and the walk
//! for that gold quantity stops; otherwise the walk goes on and a later prediction can count
//! again. This is CQE's code as published, quirks included, so that the figures compare with
//! `evaluation_output/NewsQuant.csv`. P = hits / predictions, R = hits / gold, per measure; on
//! the tuning half (even-indexed sentences, the only ones whose errors are studied), the
//! held-out half (odd-indexed) and all.

use crate::{f1, read, EvalError};
use corroborate_annotate::quantities::{find_quantities, Quantity, QuantityKind, Trend, UNITS};
use serde_json::{json, Value};
use std::path::Path;

/// Our canonical units → CQE's normalised unit names.
pub const CQE_UNITS: &[(&str, &str)] = &[
    ("%", "percentage"),
    ("USD", "dollar"),
    ("EUR", "euro"),
    ("GBP", "pound sterling"),
    ("JPY", "japanese yen"),
    ("AUD", "australian dollar"),
    ("HKD", "hong kong dollar"),
    ("CAD", "canadian dollar"),
    ("NZD", "new zealand dollar"),
    ("DKK", "danish krone"),
    ("SEK", "swedish krona"),
    ("NOK", "norwegian krone"),
    ("CHF", "swiss franc"),
    ("cu ft", "cubic foot"),
    ("m3", "cubic metre"),
    ("SGD", "singapore dollar"),
    ("MYR", "malaysian ringgit"),
    ("ILS", "shekel"),
    ("INR", "indian rupee"),
    ("CNY", "chinese yuan"),
    ("RUB", "russian ruble"),
    ("cent", "cent"),
    ("sen", "sen"),
    // CQE reads a price in pence ("180p") as points
    ("pence", "point"),
    ("km", "kilometre"),
    ("mi", "mile"),
    ("nmi", "nautical mile"),
    ("m", "metre"),
    ("cm", "centimetre"),
    ("mm", "millimetre"),
    ("ft", "foot"),
    ("in", "inch"),
    ("yd", "yard"),
    ("nm", "nanometre"),
    ("µm", "micrometre"),
    ("km/h", "kilometre per hour"),
    ("mph", "mile per hour"),
    ("mpg", "mile per gallon"),
    ("kg", "kilogram"),
    ("g", "gram"),
    ("t", "metric ton"),
    ("lb", "pound-mass"),
    ("oz", "ounce"),
    ("fl oz", "ounce"),
    ("pt", "pint"),
    ("qt", "quart"),
    ("l", "litre"),
    ("gal", "gallon"),
    ("barrel", "barrel"),
    ("acre", "acre"),
    ("ha", "hectare"),
    ("sq ft", "square foot"),
    ("m2", "square metre"),
    ("km2", "square kilometre"),
    ("sq mi", "square mile"),
    ("°C", "celsius"),
    ("°F", "fahrenheit"),
    ("degree", "degree"),
    ("hp", "horsepower"),
    ("bhp", "brake horsepower"),
    ("PS", "horsepower"),
    ("kW", "kilowatt"),
    ("MW", "megawatt"),
    ("GW", "gigawatt"),
    ("W", "watt"),
    ("kWh", "kilowatt hour"),
    ("MWh", "megawatt hour"),
    ("GWh", "gigawatt hour"),
    ("mAh", "milliampere-hour"),
    ("lb-ft", "pound-foot"),
    ("GB", "gigabyte"),
    ("TB", "terabyte"),
    ("MB", "megabyte"),
    ("Hz", "hertz"),
    ("kHz", "kilohertz"),
    ("MHz", "megahertz"),
    ("GHz", "gigahertz"),
    ("GPa", "gigapascal"),
    ("MPa", "megapascal"),
    ("rpm", "revolutions per minute"),
    ("ppb", "parts-per-billion"),
    ("ppm", "part per million"),
    ("Mbps", "megabit per second"),
    ("Gbps", "gigabit per second"),
    ("point", "point"),
    ("basis point", "basis point"),
    ("percentage point", "percentage point"),
    ("times", "count"),
    ("ml", "millilitre"),
    ("mg", "milligram"),
    ("dB", "decibel"),
    ("N m", "newton metre"),
    ("V", "volt"),
    ("kV", "kilovolt"),
    ("year", "year"),
    ("month", "month"),
    ("week", "week"),
    ("day", "day"),
    ("hour", "hour"),
    ("minute", "minute"),
    ("second", "second"),
    ("decade", "decade"),
    ("century", "century"),
];

/// Scores the quantity annotator on a NewsQuant-format JSON file, writes the
/// predictions to `predictions`, and returns the report to print; with `errors > 0` it also
/// lists, **for the tuning half only**, how many concept misses there are of each kind and the
/// first `errors` of them (gold concept against the predicted one, with the sentence).
pub fn evaluate(data: &Path, predictions: &Path, errors: usize) -> Result<String, EvalError> {
    let bad = |message: String| EvalError::Format { path: data.display().to_string(), message };
    let raw = read(data)?;
    let sentences: Vec<Value> = serde_json::from_slice(&raw).map_err(|e| bad(format!("not a NewsQuant JSON list: {e}")))?;
    // Tuning half (even-indexed sentences), held-out half (odd-indexed) and all.
    let mut tally = [Tally::default(), Tally::default(), Tally::default()];
    let mut out = Vec::with_capacity(sentences.len());
    let mut misses: Vec<(usize, Miss)> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let text = s.get("text").and_then(Value::as_str).ok_or_else(|| bad("an item has no \"text\"".into()))?;
        let gold: Vec<Cqe> = s
            .get("quantities")
            .and_then(Value::as_array)
            .map(|qs| qs.iter().filter_map(Cqe::from_gold).collect())
            .unwrap_or_default();
        let found = find_quantities(text);
        let predicted: Vec<Cqe> = found.iter().map(|q| Cqe::from_quantity(text, q)).collect();
        let found_misses = tally[i % 2].add(&gold, &predicted);
        if i % 2 == 0 {
            misses.extend(found_misses.into_iter().map(|m| (i, m)));
        }
        tally[2].add(&gold, &predicted);
        out.push(json!({
            "text": text,
            "quantities": predicted.iter().map(Cqe::to_json).collect::<Vec<_>>(),
        }));
    }
    let body = serde_json::to_string_pretty(&out).map_err(|e| bad(e.to_string()))?;
    std::fs::write(predictions, body).map_err(|source| EvalError::Io { path: predictions.display().to_string(), source })?;

    let mut report = format!("NewsQuant ({} sentences), CQE scoring\n", sentences.len());
    let published = [("value", "92.0"), ("value+unit", "85.6"), ("value+change", "88.1"), ("value+concept partial", "76.1"), ("value+concept complete", "57.0")];
    for (title, tally) in [("tuning half (even-indexed sentences)", &tally[0]), ("held-out half (odd-indexed sentences)", &tally[1]), ("all", &tally[2])] {
        report.push_str(&format!(
            "\n{title}: {} gold quantities, {} predicted\n{:<24} {:>6} {:>6} {:>6}   {}\n",
            tally.gold, tally.predicted, "measure", "P", "R", "F1", "CQE F1 (published, full NewsQuant)"
        ));
        let hits = [tally.value, tally.unit, tally.change, tally.concept_partial, tally.concept_complete];
        for ((name, cqe), h) in published.iter().zip(hits) {
            let p = if tally.predicted == 0 { 0.0 } else { h as f64 / tally.predicted as f64 };
            let r = if tally.gold == 0 { 0.0 } else { h as f64 / tally.gold as f64 };
            report.push_str(&format!("{:<24} {:>6.1} {:>6.1} {:>6.1}   {}\n", name, 100.0 * p, 100.0 * r, 100.0 * f1(p, r), cqe));
        }
    }
    if errors > 0 {
        report.push_str(&concept_misses(&sentences, &misses, errors));
    }
    report.push_str(&format!("predictions: {}\n", predictions.display()));
    Ok(report)
}

/// A gold quantity of a sentence whose concept no prediction matched completely: the gold
/// concept words and those of the prediction it was scored against (the one that took it by
/// value and unit, else the first of its value), or none when no prediction has its value.
#[derive(Debug)]
struct Miss {
    gold: Vec<String>,
    predicted: Option<Vec<String>>,
}

impl Miss {
    /// The kind of miss, from how the two word sets compare.
    fn kind(&self) -> &'static str {
        let Some(p) = &self.predicted else { return "no prediction with the value" };
        let none = |w: &[String]| w.len() == 1 && w[0] == "-";
        let g: std::collections::BTreeSet<String> = self.gold.iter().map(|s| s.to_lowercase()).collect();
        let m: std::collections::BTreeSet<String> = p.iter().map(|s| s.to_lowercase()).collect();
        match (none(&self.gold), none(p)) {
            (true, _) => "gold none, predicted a concept",
            (_, true) => "gold a concept, predicted none",
            _ if g == m => "same words, counted differently (duplicates)",
            _ if m.is_subset(&g) => "predicted too few words",
            _ if g.is_subset(&m) => "predicted too many words",
            _ if g.intersection(&m).next().is_some() => "overlapping, neither contains the other",
            _ => "disjoint",
        }
    }
}

/// The concept-miss report of the tuning half: counts by kind, then the first `n` misses, each
/// with its sentence as tagged and chunked.
fn concept_misses(sentences: &[Value], misses: &[(usize, Miss)], n: usize) -> String {
    let mut kinds: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (_, m) in misses {
        *kinds.entry(m.kind()).or_default() += 1;
    }
    let mut kinds: Vec<(&str, usize)> = kinds.into_iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut out = format!("\nconcept misses (complete) on the tuning half: {}\n", misses.len());
    for (kind, count) in kinds {
        out.push_str(&format!("{count:>5}  {kind}\n"));
    }
    out.push_str(&format!("\nfirst {} (sentence index: gold | predicted):\n", n.min(misses.len())));
    for (i, m) in misses.iter().take(n) {
        let text = sentences[*i].get("text").and_then(Value::as_str).unwrap_or("");
        let predicted = m.predicted.as_ref().map_or_else(|| "(no prediction with the value)".to_string(), |p| p.join(" "));
        out.push_str(&format!("[{i}] {} | {}   [{}]\n    {text}\n    {}\n", m.gold.join(" "), predicted, m.kind(), chunked(text)));
    }
    out
}

/// The sentence as the project's tagger and chunker read it: `[NP the/DT figure/NN] to/TO …`.
fn chunked(text: &str) -> String {
    let Some(span) = corroborate_annotate::Span::new(text, 0, text.len()) else { return String::new() };
    let p = corroborate_annotate::syntax::parse(text, span);
    let word = |i: usize| format!("{}/{}", p.tokens[i].of(text), p.pos[i]);
    let mut out = Vec::new();
    let mut i = 0;
    for c in &p.chunks {
        out.extend((i..c.start).map(word));
        out.push(format!("[{} {}]", c.label, (c.start..c.end).map(word).collect::<Vec<_>>().join(" ")));
        i = c.end;
    }
    out.extend((i..p.tokens.len()).map(word));
    out.join(" ")
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum CqeValue {
    Point(f64),
    Range(f64, f64),
}

/// One quantity in CQE's evaluation shape.
#[derive(Clone, Debug)]
struct Cqe {
    value: CqeValue,
    unit: String,
    /// Lower-cased, as CQE's `decode_dictionary` compares it.
    normalized_unit: String,
    /// The normalised unit as written, which CQE sorts by.
    sort_key: String,
    change: String,
    /// Gold: the concept string split on commas and whitespace; predicted: our concept words.
    concepts: Vec<String>,
}

impl Cqe {
    fn from_gold(q: &Value) -> Option<Cqe> {
        let v = match q.get("value")? {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        // CQE: a string with "-" that is not a negative number or an exponent is a range
        let value = if !v.contains('E') && !v.starts_with('-') && v.contains('-') {
            let mut it = v.split('-');
            CqeValue::Range(it.next()?.trim().parse().ok()?, it.next()?.trim().parse().ok()?)
        } else {
            CqeValue::Point(v.trim().parse().ok()?)
        };
        let s = |k: &str| q.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let concepts = split_concepts(&s("referred_concepts"));
        Some(Cqe { value, unit: s("unit"), normalized_unit: s("normalized_unit").to_lowercase(), sort_key: s("normalized_unit"), change: s("change"), concepts })
    }

    fn from_quantity(text: &str, q: &Quantity) -> Cqe {
        // CQE reads a vague plural as a decade: "dozens" → 12-120, "thousands" → 1000-10000
        let vague = q.approx && q.low_inclusive && q.high.is_none() && q.trend.is_none();
        let value = match (q.low, q.high) {
            (Some(l), None) if vague => CqeValue::Range(l, l * 10.0),
            (Some(l), Some(h)) if l != h => CqeValue::Range(l, h),
            (Some(v), _) | (None, Some(v)) => CqeValue::Point(v),
            (None, None) => CqeValue::Point(f64::NAN),
        };
        // CQE's precedence: "up about 19%" is ~, "climbed more than 3%" is >, "up nearly 57%" is up
        let change = match (q.trend, q.low, q.high) {
            _ if vague => "=",
            (_, Some(_), Some(_)) if q.approx => "~",
            (_, Some(_), None) => ">",
            (_, None, Some(_)) if !q.approx => "<",
            (Some(Trend::Up), _, _) => "up",
            (Some(Trend::Down), _, _) => "down",
            _ if q.approx => "~",
            _ => "=",
        };
        let normalized_unit = normalized_unit(q);
        let mut concepts: Vec<String> = match &q.counted {
            Some((c, _)) if !matches!(q.kind, QuantityKind::Count) => content_words(c),
            _ => vec![],
        };
        if let Some((w, _)) = &q.whose {
            concepts.extend(content_words(w));
        }
        // a word said twice ("the loss ... the loss") is listed once
        let mut seen = std::collections::BTreeSet::new();
        concepts.retain(|w| seen.insert(w.to_lowercase()));
        let concepts = if concepts.is_empty() { vec!["-".to_string()] } else { concepts };
        let _ = text;
        Cqe { value, unit: q.unit.clone().unwrap_or_else(|| "-".into()), normalized_unit: normalized_unit.to_lowercase(), sort_key: normalized_unit, change: change.into(), concepts }
    }

    fn to_json(&self) -> Value {
        let value = match self.value {
            CqeValue::Point(v) => format!("{v:?}"),
            CqeValue::Range(l, h) => format!("{l:?}-{h:?}"),
        };
        json!({
            "change": self.change,
            "value": value,
            "unit": self.unit,
            "normalized_unit": self.sort_key,
            "referred_concepts": self.concepts.join(", "),
        })
    }
}

fn normalized_unit(q: &Quantity) -> String {
    let Some(unit) = q.unit.as_deref() else { return "-".into() };
    // a counted head noun that is a unit ("517 rushing yards") is scored as that unit
    if matches!(q.kind, QuantityKind::Count) {
        if let Some((_, canon, _)) = UNITS.iter().find(|(s, _, _)| s.len() > 2 && s.eq_ignore_ascii_case(unit)) {
            return cqe_name(canon);
        }
    }
    if matches!(q.kind, QuantityKind::Count) {
        // the noun phrase up to the head noun, singularised: "European countries" → "european country"
        let phrase = match &q.counted {
            Some((c, _)) => {
                let words: Vec<&str> = c.split_whitespace().collect();
                let head = words.iter().position(|w| w.eq_ignore_ascii_case(unit)).unwrap_or(words.len().saturating_sub(1));
                // CQE lemmatises common nouns but leaves names ("Americans") as written
                words[..=head.min(words.len().saturating_sub(1))]
                    .iter()
                    .enumerate()
                    // participles before the noun are not part of CQE's unit ("recorded songs" → song)
                    .filter(|&(k, w)| k == head || !(w.ends_with("ed") && w.len() > 4 || *w == "and" || *w == "or"))
                    .map(|(_, w)| superlative_base(w))
                    .map(|w| if w.chars().next().is_some_and(char::is_uppercase) && w.chars().nth(1).is_some_and(|c| !c.is_uppercase()) && w.ends_with('s') { w.to_lowercase() } else { singular(&w.to_lowercase()) })
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            None => singular(&unit.to_lowercase()),
        };
        return phrase;
    }
    let (base, rate) = match unit.split_once(" per ") {
        Some((b, r)) => (b, Some(r)),
        None => (unit, None),
    };
    let mut name = CQE_UNITS.iter().find(|(k, _)| *k == base).map(|(_, v)| v.to_string()).unwrap_or_else(|| base.to_lowercase());
    if matches!(q.kind, QuantityKind::Other(ref k) if k == "years old") {
        name = base.to_string();
    }
    if let Some(r) = rate {
        name.push_str(" per ");
        let mapped = CQE_UNITS.iter().find(|(k, _)| *k == r).map(|(_, v)| v.to_string());
        name.push_str(&mapped.unwrap_or_else(|| r.split(' ').map(singular).collect::<Vec<_>>().join(" ")));
    }
    name
}

/// CQE lemmatises superlatives: "best" → "good".
fn superlative_base(w: &str) -> &str {
    const BASE: &[(&str, &str)] = &[
        ("best", "good"), ("worst", "bad"), ("biggest", "big"), ("largest", "large"), ("smallest", "small"),
        ("highest", "high"), ("lowest", "low"), ("proudest", "proud"), ("greatest", "great"), ("latest", "late"),
        ("oldest", "old"), ("youngest", "young"), ("fastest", "fast"), ("longest", "long"), ("richest", "rich"),
    ];
    BASE.iter().find(|(s, _)| s.eq_ignore_ascii_case(w)).map(|&(_, b)| b).unwrap_or(w)
}

fn cqe_name(canon: &str) -> String {
    CQE_UNITS.iter().find(|(k, _)| *k == canon).map(|(_, v)| v.to_string()).unwrap_or_else(|| canon.to_lowercase())
}

fn singular(w: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[("men", "man"), ("women", "woman"), ("children", "child"), ("feet", "foot"), ("teeth", "tooth"), ("people", "people"), ("fishermen", "fisherman"), ("series", "series"), ("news", "news")];
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return s.to_string();
    }
    if let Some(stem) = w.strip_suffix("men") {
        return format!("{stem}man");
    }
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if w.ends_with("ruses") || w.ends_with("buses") {
        return w[..w.len() - 2].to_string();
    }
    if w.len() > 4 && (w.ends_with("ses") || w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes")) && !w.ends_with("uses") {
        return w[..w.len() - 2].to_string();
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The words of a concept as CQE lists them (its nouns and their modifiers, as tokens): function
/// words (prepositions, determiners, possessive pronouns, conjunctions) dropped, brackets and
/// quotes around a word and a possessive `'s` taken off.
fn content_words(s: &str) -> Vec<String> {
    const FUNCTION: &[&str] = &[
        "of", "the", "a", "an", "in", "on", "at", "for", "from", "to", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those", "and",
        "or", "with", "between", "by", "into", "onto", "over", "under", "about", "against", "among", "during", "through", "toward", "towards", "via", "within",
        "across", "than",
    ];
    s.split(|c: char| c == ',' || c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '"' | '“' | '”' | '‘' | '\'' | '’')))
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        .filter(|w| !w.is_empty() && !FUNCTION.iter().any(|f| f.eq_ignore_ascii_case(w)))
        .map(str::to_string)
        .collect()
}

/// CQE's `re.split(r'[,\s]+', concepts)`: a run of commas and spaces is one cut, so "revenue,
/// Chinese giant" is three pieces, not four with an empty one; a cut at either end leaves an
/// empty piece there, as Python's does.
fn split_concepts(s: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut in_cut = false;
    for c in s.chars() {
        if c == ',' || c.is_whitespace() {
            if !in_cut {
                out.push(String::new());
                in_cut = true;
            }
        } else {
            in_cut = false;
            out.last_mut().expect("never empty").push(c);
        }
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-8 + 1e-5 * b.abs()
}

fn values_match(gold: CqeValue, model: CqeValue) -> bool {
    match (gold, model) {
        // numpy.isclose(gold, model): the model's value is the reference of the tolerance
        (CqeValue::Point(g), CqeValue::Point(m)) => close(g, m),
        (CqeValue::Range(g0, g1), CqeValue::Range(m0, m1)) => close(g0, m0) && close(g1, m1),
        _ => false,
    }
}

/// CQE's `concepts_match`: (complete, partial).
fn concepts_match(gold: &[String], model: &[String]) -> (bool, bool) {
    let g: std::collections::BTreeSet<String> = gold.iter().map(|s| s.to_lowercase()).collect();
    let m: std::collections::BTreeSet<String> = model.iter().map(|s| s.to_lowercase()).collect();
    let inter = g.intersection(&m).count();
    (inter == gold.len() && gold.len() == model.len(), inter > 0)
}

#[derive(Default, Debug)]
struct Tally {
    gold: usize,
    predicted: usize,
    value: usize,
    unit: usize,
    change: usize,
    concept_partial: usize,
    concept_complete: usize,
}

impl Tally {
    /// Scores one sentence; returns its gold quantities that no prediction matched completely
    /// in concept.
    fn add(&mut self, gold: &[Cqe], predicted: &[Cqe]) -> Vec<Miss> {
        let mut misses = Vec::new();
        self.gold += gold.len();
        self.predicted += predicted.len();
        // Python's sorted() is stable, as is sort_by
        let mut tags: Vec<&Cqe> = predicted.iter().collect();
        tags.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
        let mut gold_sorted: Vec<&Cqe> = gold.iter().collect();
        gold_sorted.sort_by(|a, b| a.sort_key.cmp(&b.sort_key));
        let mut remaining = gold.len();
        for g in gold_sorted {
            let mut k = 0;
            let mut complete_hit = false;
            let mut scored_against: Option<&Cqe> = None;
            while k < tags.len() {
                let m = tags[k];
                if values_match(g.value, m.value) {
                    if remaining > 0 {
                        self.value += 1;
                        remaining -= 1;
                    }
                    if m.change == g.change {
                        self.change += 1;
                    }
                    let (complete, partial) = concepts_match(&g.concepts, &m.concepts);
                    self.concept_complete += usize::from(complete);
                    self.concept_partial += usize::from(partial);
                    complete_hit |= complete;
                    if m.normalized_unit == g.normalized_unit {
                        scored_against = Some(m);
                        self.unit += 1;
                        tags.remove(k);
                        break;
                    }
                    scored_against = scored_against.or(Some(m));
                }
                k += 1;
            }
            if !complete_hit {
                misses.push(Miss { gold: g.concepts.clone(), predicted: scored_against.map(|m| m.concepts.clone()) });
            }
        }
        misses
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(v: &str, unit: &str, change: &str, concepts: &str) -> Cqe {
        Cqe::from_gold(&json!({"value": v, "unit": unit, "normalized_unit": unit, "change": change, "referred_concepts": concepts})).unwrap()
    }

    #[test]
    fn scores_like_cqe() {
        let g = [gold("5000", "dollar", "=", "-"), gold("10-20", "percentage", ">", "revenue")];
        let mut p = [gold("5000.0", "dollar", "=", "-"), gold("10.0-20.0", "percentage", "=", "revenue")];
        p[0].concepts = vec!["-".into()];
        p[1].concepts = vec!["revenue".into()];
        let mut t = Tally::default();
        t.add(&g, &p);
        assert_eq!((t.value, t.unit, t.change, t.concept_complete), (2, 2, 1, 2));
    }

    #[test]
    fn gold_concepts_split_like_cqe() {
        assert_eq!(split_concepts("revenue, Chinese e-commerce giant"), ["revenue", "Chinese", "e-commerce", "giant"]);
        assert_eq!(split_concepts("-"), ["-"]);
        assert_eq!(split_concepts(" a,"), ["", "a", ""]);
        let g = gold("60", "percentage", ">", "revenue, Chinese e-commerce giant");
        let model: Vec<String> = ["Chinese", "e-commerce", "giant", "revenue"].map(String::from).to_vec();
        assert_eq!(concepts_match(&g.concepts, &model), (true, true));
    }

    #[test]
    fn predictions_in_cqe_shape() {
        let text = "Shares rose 5% to $12.50.";
        let qs: Vec<Value> = find_quantities(text).iter().map(|q| Cqe::from_quantity(text, q).to_json()).collect();
        assert_eq!(qs[0]["normalized_unit"], "percentage");
        assert_eq!(qs[0]["change"], "up");
        assert_eq!(qs[1]["value"], "12.5");
        assert_eq!(singular("countries"), "country");
    }
}
