//! Figures: counts about the same counted thing in the same event, grouped across documents,
//! compared and reconciled under a [`Policy`].
//!
//! A count joins a figure through three keys read from its sentence:
//! - the **class** of what it counts (combatants: fighters, terrorists, armed men, troops …;
//!   people: civilians, residents, people …), from the counted noun;
//! - the **frame**: what the counted did or underwent (attacking, killed, wounded, leaving or
//!   evacuated, defending, present somewhere, captured, population), from the cue word nearest
//!   the number in its clause ([`FRAMES`]);
//! - the **dates** stated in the same sentence: values with dates that cannot overlap are
//!   different events (evacuated by road on Sunday vs by sea on Monday and Tuesday).
//!
//! Combatants are also split by **side** where the counted noun says it (militants, terrorists,
//! rebels against soldiers, troops, servicemen): "at least 300 militants killed" and "more than
//! 80 soldiers killed" are two figures. A count with no date joins the dated part of its group
//! that falls in the story's time, never a background one.
//!
//! Counts with no class or no frame stay out: "three flanks" or "two prizes" are not figures
//! anyone reconciles. A ratio next to "outnumbered" is applied to the defenders' count nearby
//! and joins the attackers' figure as a derived, approximate value.

use crate::context::strip_article;
use crate::dates::{day_range, LEAD_DAYS};
use crate::{Corpus, Figure, FigureValue, Policy, Reconciled, Relation};
use corroborate_annotate::attribution::SpeakerKind;
use corroborate_annotate::quantities::{Quantity, QuantityKind};
use corroborate_annotate::Span;
use std::collections::BTreeMap;

/// Relative widening of every bound before intervals are compared for compatibility.
pub const TOLERANCE: f64 = 0.10;

/// Frames: a name, the phrase for the topic, and cue words (lower case, one or more words).
#[rustfmt::skip]
pub const FRAMES: &[(&str, &str, &[&str])] = &[
    ("attacking", "in the attack", &["attack", "attacked", "attacks", "attacking", "attackers", "assault", "assaulted", "offensive",
        "stormed", "storming", "took part", "outnumbered", "muster", "mustered", "advanced", "launched", "invaded", "overran"]),
    ("killed", "killed", &["killed", "dead", "died", "deaths", "death toll", "killing", "lost their lives", "casualties", "bodies",
        "slain", "perished", "massacred", "executed"]),
    ("wounded", "wounded", &["wounded", "injured", "injuries", "hurt"]),
    ("leaving", "leaving or evacuated", &["evacuated", "evacuation", "evacuate", "fled", "flee", "fleeing", "ferried", "carried",
        "escape", "escaped", "vacate", "safe passage", "let out", "relocate", "relocated", "leave", "withdrew", "displaced",
        "transported", "sent against"]),
    ("defending", "defending", &["defenders", "defending", "defend", "defended", "guard", "guarding", "garrison"]),
    ("present", "present", &["inside", "hold", "holds", "stationed", "based", "remain", "remaining", "trapped", "encircled", "gathered"]),
    ("captured", "captured", &["captured", "arrested", "detained", "prisoners", "taken prisoner", "surrendered"]),
    ("population", "living there", &["population", "inhabitants", "home to", "town of", "city of", "live", "lived"]),
];

/// Counted nouns by class (lower case, as the quantity's unit gives them).
#[rustfmt::skip]
const CLASSES: &[(&str, &[&str])] = &[
    ("combatants", &["attackers", "combatants", "defenders", "extremists", "fighter", "fighters", "forces", "guerrillas", "gunmen",
        "insurgents", "jihadis", "jihadists", "marines", "men", "mercenaries", "militants", "militiamen", "personnel", "rebels",
        "recruits", "reservists", "servicemen", "soldier", "soldiers", "terrorists", "troops"]),
    ("people", &["children", "civilian", "civilians", "families", "inhabitants", "migrants", "people", "persons", "refugees",
        "residents", "villagers", "women"]),
];

/// Counted nouns that name a side: non-state armed groups, or a state's forces. Other
/// combatant nouns (fighters, forces, men) fit either.
#[rustfmt::skip]
const SIDES: &[(&str, &[&str])] = &[
    ("non-state", &["extremists", "guerrillas", "gunmen", "insurgents", "jihadis", "jihadists", "militants", "rebels", "terrorists"]),
    ("state", &["marines", "reservists", "servicemen", "soldier", "soldiers", "troops"]),
];

fn side_of(unit: &str) -> Option<&'static str> {
    let unit = unit.to_lowercase();
    SIDES.iter().find(|(_, nouns)| nouns.binary_search(&unit.as_str()).is_ok()).map(|(s, _)| *s)
}

/// How far (in words) a frame cue may be from the number.
const WINDOW: usize = 10;

/// One count that may join a figure.
struct Candidate {
    doc: usize,
    order: usize,
    class: &'static str,
    frame: usize,
    side: Option<&'static str>,
    days: Option<(i64, i64)>,
    value: FigureValue,
    /// Who it goes back to, for counting independent sources.
    origin: String,
    place: Option<String>,
}

pub(crate) fn figures(corpus: &Corpus, docs: &[usize], policy: Policy) -> Vec<Figure> {
    let mut candidates = Vec::new();
    for &d in docs {
        let a = &corpus.docs[d];
        for (qi, q) in a.quantities.iter().enumerate() {
            if let Some(c) = candidate(corpus, d, q, qi) {
                candidates.push(c);
            }
        }
        candidates.extend(derived(corpus, d));
    }
    // Group by class and frame, split by side, then by dates that cannot overlap.
    let mut by_key: BTreeMap<(&str, usize), Vec<Candidate>> = BTreeMap::new();
    for c in candidates {
        by_key.entry((c.class, c.frame)).or_default().push(c);
    }
    let window_start = docs
        .iter()
        .filter_map(|&d| corpus.docs[d].document.published.as_ref())
        .filter_map(|p| day_range(&p.iso()))
        .map(|(first, _)| first - LEAD_DAYS)
        .min();
    let mut out = Vec::new();
    for ((class, frame), group) in by_key {
        for side in split_by_side(group) {
            for part in split_by_dates(side, window_start) {
                out.push(figure(class, frame, part, policy));
            }
        }
    }
    // Figures several documents give first, then by topic.
    out.sort_by(|a, b| {
        let docs = |f: &Figure| {
            let mut d: Vec<&str> = f.values.iter().map(|v| v.document.as_str()).collect();
            d.sort_unstable();
            d.dedup();
            d.len()
        };
        docs(b).cmp(&docs(a)).then(b.values.len().cmp(&a.values.len())).then(a.topic.cmp(&b.topic))
    });
    out
}

fn class_of(unit: &str) -> Option<&'static str> {
    let unit = unit.to_lowercase();
    CLASSES.iter().find(|(_, nouns)| nouns.binary_search(&unit.as_str()).is_ok()).map(|(c, _)| *c)
}

/// Words of a text with their byte ranges.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || (c == '\'' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The frame whose cue is nearest the span `q` within its clause of `sentence` (both over `text`).
fn frame_of(text: &str, sentence: Span, q: Span) -> Option<usize> {
    // The clause: cut at semicolons and dashes around the number.
    let s = sentence.of(text);
    let base = sentence.start();
    let rel_start = q.start().saturating_sub(base);
    let rel_end = q.end().saturating_sub(base).min(s.len());
    let clause_start = s[..rel_start].char_indices().rev().find(|(_, c)| matches!(c, ';' | '—')).map_or(0, |(i, c)| i + c.len_utf8());
    let clause_end = s[rel_end..].find([';', '—']).map_or(s.len(), |i| rel_end + i);
    let clause = &s[clause_start..clause_end];
    let words = word_ranges(clause);
    let lower: Vec<String> = words.iter().map(|&(a, b)| clause[a..b].to_lowercase()).collect();
    let (qs, qe) = (rel_start - clause_start, rel_end - clause_start);
    let first = words.iter().position(|&(_, e)| e > qs).unwrap_or(words.len());
    let last = words.iter().rposition(|&(s, _)| s < qe).map_or(first, |i| i + 1);
    let mut best: Option<(usize, usize)> = None;
    for (f, (_, _, cues)) in FRAMES.iter().enumerate() {
        for cue in cues.iter() {
            let cue_words: Vec<&str> = cue.split(' ').collect();
            for i in 0..lower.len().saturating_sub(cue_words.len() - 1) {
                if cue_words.iter().enumerate().all(|(k, w)| lower[i + k] == *w) {
                    let end = i + cue_words.len();
                    // The cue may be the counted noun itself ("more than 5,000 attackers").
                    let distance = if end <= first { first - end } else if i >= last { i - last } else { 0 };
                    if distance <= WINDOW && best.is_none_or(|(bd, _)| distance < bd) {
                        best = Some((distance, f));
                    }
                }
            }
        }
    }
    best.map(|(_, f)| f)
}

/// The days the sentence of `q` dates it to, when one resolved date is there.
fn days_of(corpus: &Corpus, d: usize, sentence: Span) -> Option<(i64, i64)> {
    let mut found = corpus.docs[d]
        .times
        .iter()
        .filter(|t| t.span.start() >= sentence.start() && t.span.end() <= sentence.end())
        .filter_map(|t| t.value.as_deref().and_then(day_range));
    let first = found.next()?;
    Some(found.fold(first, |(a, b), (c, e)| (a.min(c), b.max(e))))
}

/// Nouns that name who gives a number in a contrasting clause.
const HOLDER_NOUNS: &[&str] = &["activists", "agency", "army", "commander", "military", "minister", "ministry", "monitor", "navy",
    "observers", "official", "officials", "police", "source", "sources", "spokesman", "spokeswoman", "witnesses"];

/// The holder named in a contrasting clause right before the number: "…, while a regional
/// official earlier put the number at 1,500 to 2,000" → "regional official".
fn clause_holder(text: &str, sentence: Span, span: Span) -> Option<&str> {
    let before = &text[sentence.start()..span.start()];
    let at = [", while ", ", whereas ", ", but ", "; "].iter().filter_map(|m| before.rfind(m).map(|i| i + m.len())).max()?;
    let clause = &before[at..];
    let words: Vec<&str> = clause.split_whitespace().collect();
    let noun = words.iter().take(5).position(|w| HOLDER_NOUNS.binary_search(&w.to_lowercase().as_str()).is_ok())?;
    let first = usize::from(matches!(words.first().map(|w| w.to_lowercase()).as_deref(), Some("a" | "an" | "the")));
    if first > noun {
        return None;
    }
    let start = clause.find(words[first])?;
    let end = clause.find(words[noun])? + words[noun].len();
    (start < end).then(|| &clause[start..end])
}

/// Who holds the number at `span`: the speaker of the narrowest quote around it, else the source
/// of a citation whose claim holds it, else the outlet. Returns (name, entity, origin key).
fn holder(corpus: &Corpus, d: usize, span: Span) -> (String, Option<String>, String) {
    let a = &corpus.docs[d];
    if let Some(name) = clause_holder(corpus.text(d), corpus.sentence_of(d, span), span) {
        return (name.to_string(), None, format!("name:{}", name.to_lowercase()));
    }
    let quote = a
        .attribution
        .quotes
        .iter()
        .filter(|q| q.content.start() <= span.start() && q.content.end() >= span.end())
        .filter_map(|q| q.speaker.as_ref().filter(|s| s.kind != SpeakerKind::Author).map(|s| (q.content.len(), s)))
        .min_by_key(|(len, _)| *len);
    if let Some((_, speaker)) = quote {
        let (key, name, entity) = corpus.speaker_key(d, speaker);
        return (name, entity, key);
    }
    // A reporting clause in the same sentence ("…, the ministry said on Monday") when the quote
    // finder took the wrong side of the cue as the content.
    let sentence = corpus.sentence_of(d, span);
    let same_sentence = a.attribution.quotes.iter().filter_map(|q| {
        let cue = q.cue?;
        let speaker = q.speaker.as_ref().filter(|s| s.kind != SpeakerKind::Author)?;
        (cue.start() >= sentence.start() && cue.end() <= sentence.end()).then_some(speaker)
    });
    if let Some(speaker) = same_sentence.min_by_key(|s| s.span.map_or(usize::MAX, |sp| sp.start().abs_diff(span.start()))) {
        let (key, name, entity) = corpus.speaker_key(d, speaker);
        return (name, entity, key);
    }
    let citation = a
        .attribution
        .citations
        .iter()
        .filter(|c| c.how != "footnote")
        .filter(|c| c.claim.is_some_and(|cl| cl.start() <= span.start() && cl.end() >= span.end()))
        .min_by_key(|c| c.claim.map_or(usize::MAX, |cl| cl.len()));
    if let Some(c) = citation {
        let (key, name, entity) = corpus.speaker_key(d, &c.source);
        if let Some(via) = &c.via {
            let (via_key, via_name, _) = corpus.speaker_key(d, via);
            return (format!("{name} (via {via_name})"), entity, format!("{via_key}>{key}"));
        }
        return (name, entity, key);
    }
    let outlet = corpus.outlet(d);
    (outlet.clone(), None, format!("outlet:{outlet}"))
}

fn candidate(corpus: &Corpus, d: usize, q: &Quantity, order: usize) -> Option<Candidate> {
    if q.kind != QuantityKind::Count || q.trend.is_some() {
        return None;
    }
    let text = corpus.text(d);
    let unit = match q.unit.as_deref() {
        Some(u) => u,
        None => {
            let sentence = corpus.sentence_of(d, q.span);
            let after = text[q.span.end()..].trim_start().to_lowercase();
            if after.starts_with("of them") || after.starts_with("of whom") {
                return None;
            }
            corpus.docs[d].quantities[..order]
                .iter()
                .rev()
                .take_while(|p| p.span.start() >= sentence.start())
                .find(|p| p.kind == QuantityKind::Count && p.unit.as_deref().and_then(class_of).is_some())
                .and_then(|p| p.unit.as_deref())?
        }
    };
    let class = class_of(unit)?;
    // "the 30,000-strong Syrian Democratic Forces": the noun is part of a name, not a count of people.
    if let Some((counted, _)) = &q.counted {
        if counted.split_whitespace().any(|w| w.eq_ignore_ascii_case(unit) && w.starts_with(char::is_uppercase)) {
            return None;
        }
    }
    let sentence = corpus.sentence_of(d, q.span);
    let counted_end = q.counted.as_ref().map_or(q.span, |(_, s)| *s);
    let whole = Span::new(text, q.span.start(), counted_end.end().max(q.span.end())).unwrap_or(q.span);
    // A count without a noun takes the class (and frame) of the count before it in its sentence
    // ("more than 3,000 fighters took part …, while an official put the number at 1,500 to
    // 2,000"), unless it is a part of it ("40 people were killed, 11 of them civilians").
    let frame = frame_of(text, sentence, whole).or_else(|| {
        let previous = corpus.docs[d].quantities[..order].iter().rev().find(|p| p.span.start() >= sentence.start() && p.unit.as_deref() == Some(unit))?;
        q.unit.is_none().then(|| frame_of(text, sentence, previous.span)).flatten()
    })?;
    let (holder, holder_entity, origin) = holder(corpus, d, q.span);
    let place = crate::context::main_place(&corpus.entities_in(d, sentence)).map(|e| e.name.clone());
    Some(Candidate {
        doc: d,
        order,
        class,
        frame,
        side: side_of(unit),
        days: days_of(corpus, d, sentence),
        value: FigureValue {
            document: corpus.docs[d].document.id.to_string(),
            outlet: corpus.outlet(d),
            text: q.span.of(text).to_string(),
            low: q.low,
            high: q.high,
            low_inclusive: q.low_inclusive,
            high_inclusive: q.high_inclusive,
            approx: q.approx,
            holder,
            holder_entity,
            how: "stated".into(),
            derived_from: None,
            evidence: corpus.evidence(d, q.span),
        },
        origin,
        place,
    })
}

/// Attackers derived from "outnumbered them five to one" and the defenders' count nearby.
fn derived(corpus: &Corpus, d: usize) -> Vec<Candidate> {
    let a = &corpus.docs[d];
    let text = corpus.text(d);
    let mut out = Vec::new();
    for (qi, ratio) in a.quantities.iter().enumerate() {
        let (QuantityKind::Ratio, Some(r)) = (&ratio.kind, ratio.low) else { continue };
        let sentence = corpus.sentence_of(d, ratio.span);
        if !sentence.of(text).to_lowercase().contains("outnumber") {
            continue;
        }
        let Some(si) = corpus.sentence_index(d, ratio.span.start()) else { continue };
        // The defenders: a combatant count with the defending frame, in this sentence or the two before.
        let from = a.sentences[si.saturating_sub(2)].start();
        let defenders = a.quantities.iter().filter(|q| q.span.start() >= from && q.span.end() <= sentence.end() && q.kind == QuantityKind::Count).find(|q| {
            q.unit.as_deref().and_then(class_of) == Some("combatants") && {
                let s = corpus.sentence_of(d, q.span);
                let counted_end = q.counted.as_ref().map_or(q.span.end(), |(_, c)| c.end());
                let whole = Span::new(text, q.span.start(), counted_end.max(q.span.end())).unwrap_or(q.span);
                frame_of(text, s, whole).is_some_and(|f| FRAMES[f].0 == "defending")
            }
        });
        let Some(def) = defenders else { continue };
        let (Some(low), high) = (def.low, def.high) else { continue };
        let (holder, holder_entity, origin) = holder(corpus, d, ratio.span);
        let def_text = def.span.of(text);
        let unit = def.unit.as_deref().unwrap_or("");
        let attack = FRAMES.iter().position(|f| f.0 == "attacking").expect("the attacking frame");
        out.push(Candidate {
            doc: d,
            order: qi,
            class: "combatants",
            frame: attack,
            side: None,
            days: days_of(corpus, d, sentence),
            value: FigureValue {
                document: a.document.id.to_string(),
                outlet: corpus.outlet(d),
                text: format!("{} × {def_text} {unit}", ratio.span.of(text)).trim_end().to_string(),
                low: Some(low * r),
                high: Some(high.unwrap_or(low) * r),
                low_inclusive: true,
                high_inclusive: true,
                approx: true,
                holder,
                holder_entity,
                how: "derived".into(),
                derived_from: Some(format!("the ratio “{}” applied to “{def_text} {unit}”", ratio.span.of(text))),
                evidence: corpus.evidence(d, ratio.span),
            },
            origin,
            place: None,
        });
    }
    out
}

/// Splits a group into parts whose stated dates can overlap; undated values join the largest part.
/// One group, or, when both sides are counted, one per side and one for the counts that name
/// no side (they cannot be told apart, so they are compared with neither).
fn split_by_side(group: Vec<Candidate>) -> Vec<Vec<Candidate>> {
    let sides: std::collections::BTreeSet<&str> = group.iter().filter_map(|c| c.side).collect();
    if sides.len() < 2 {
        return vec![group];
    }
    let mut parts: BTreeMap<Option<&str>, Vec<Candidate>> = BTreeMap::new();
    for c in group {
        parts.entry(c.side).or_default().push(c);
    }
    parts.into_values().collect()
}

/// Parts of a group whose dates cannot overlap. Undated counts join the largest part that
/// falls in the story's time (ending no earlier than `window_start`); with none, they are a
/// part of their own.
fn split_by_dates(mut group: Vec<Candidate>, window_start: Option<i64>) -> Vec<Vec<Candidate>> {
    group.sort_by_key(|c| (c.days.map_or(i64::MAX, |d| d.0), c.doc, c.order));
    let mut parts: Vec<(i64, i64, Vec<Candidate>)> = Vec::new();
    let mut undated = Vec::new();
    for c in group {
        match c.days {
            None => undated.push(c),
            Some((s, e)) => match parts.last_mut() {
                Some(last) if s <= last.1 => {
                    last.1 = last.1.max(e);
                    last.2.push(c);
                }
                _ => parts.push((s, e, vec![c])),
            },
        }
    }
    if parts.is_empty() {
        return vec![undated];
    }
    let current = |i: &usize| window_start.is_none_or(|w| parts[*i].1 >= w);
    match (0..parts.len()).filter(current).max_by_key(|&i| (parts[i].2.len(), usize::MAX - i)) {
        Some(biggest) => parts[biggest].2.extend(undated),
        None if !undated.is_empty() => parts.push((i64::MAX, i64::MAX, undated)),
        None => {}
    }
    parts
        .into_iter()
        .map(|(_, _, mut cs)| {
            cs.sort_by_key(|c| (c.doc, c.order));
            cs
        })
        .collect()
}

/// An interval as (low, high): counts are never negative, an open upper end is infinite.
fn bounds(v: &FigureValue) -> (f64, f64) {
    (v.low.unwrap_or(0.0), v.high.unwrap_or(f64::INFINITY))
}

/// Whether two values' intervals meet exactly (inclusive ends respected).
fn meet(a: &FigureValue, b: &FigureValue) -> bool {
    let ((al, ah), (bl, bh)) = (bounds(a), bounds(b));
    let lo_ok = |l: f64, li: bool, h: f64, hi: bool| l < h || (l == h && li && hi);
    lo_ok(al, a.low_inclusive || a.low.is_none(), bh, b.high_inclusive || b.high.is_none()) && lo_ok(bl, b.low_inclusive || b.low.is_none(), ah, a.high_inclusive || a.high.is_none())
}

/// Whether two values' intervals meet once each bound is widened by [`TOLERANCE`].
fn meet_within_tolerance(a: &FigureValue, b: &FigureValue) -> bool {
    let widen = |(l, h): (f64, f64)| (l - l.abs() * TOLERANCE, h + h.abs() * TOLERANCE);
    let ((al, ah), (bl, bh)) = (widen(bounds(a)), widen(bounds(b)));
    al <= bh && bl <= ah
}

/// A value's interval in mathematical notation.
fn interval_text(v: &FigureValue) -> String {
    let n = |x: f64| fmt_number(x);
    match (v.low, v.high) {
        (Some(l), Some(h)) if l == h => format!("{}{}", if v.approx { "≈" } else { "" }, n(l)),
        (Some(l), Some(h)) => format!("{}{}, {}{}", if v.low_inclusive { "[" } else { "(" }, n(l), n(h), if v.high_inclusive { "]" } else { ")" }),
        (Some(l), None) => format!("{}{}, ∞)", if v.low_inclusive { "[" } else { "(" }, n(l)),
        (None, Some(h)) => format!("[0, {}{}", n(h), if v.high_inclusive { "]" } else { ")" }),
        (None, None) => "(unknown)".into(),
    }
}

/// A number without a needless fraction, with thousands separators.
pub fn fmt_number(x: f64) -> String {
    if x.fract() != 0.0 || x.abs() >= 1e15 {
        return format!("{x}");
    }
    let digits = format!("{}", x.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A point estimate of a value: the midpoint of a closed interval, else its finite end.
fn point(v: &FigureValue) -> Option<f64> {
    match (v.low, v.high) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        (Some(l), None) => Some(l),
        (None, Some(h)) => Some(h),
        (None, None) => None,
    }
}

fn median(mut xs: Vec<f64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    Some(if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 })
}

fn reconciled(values: &[FigureValue], origins: &[String], policy: Policy) -> Reconciled {
    let lows: Vec<f64> = values.iter().filter_map(|v| v.low.or_else(|| point(v))).collect();
    let highs: Vec<f64> = values.iter().filter_map(|v| v.high.or_else(|| point(v))).collect();
    let min = lows.iter().copied().reduce(f64::min);
    match policy {
        Policy::Ucdp => {
            // One best guess per origin (the median of its values), then the median of those.
            let mut per_origin: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
            for (v, o) in values.iter().zip(origins) {
                if let Some(p) = point(v) {
                    per_origin.entry(o.as_str()).or_default().push(p);
                }
            }
            let best = median(per_origin.into_values().filter_map(median).collect()).map(f64::round);
            Reconciled {
                policy: policy.as_str(),
                low: min,
                best,
                high: highs.iter().copied().reduce(f64::max),
                rule: "low: the lowest stated bound; high: the highest stated bound (an open upper bound counts at its floor); best: the median over independent sources of each source's central value".into(),
            }
        }
        Policy::Conservative => Reconciled {
            policy: policy.as_str(),
            low: min,
            best: min,
            high: min,
            rule: "the most conservative value: the lowest stated bound, for low, best and high".into(),
        },
        Policy::All => Reconciled { policy: policy.as_str(), low: None, best: None, high: None, rule: "no reconciliation: every value stands".into() },
    }
}

fn figure(class: &'static str, frame: usize, part: Vec<Candidate>, policy: Policy) -> Figure {
    let (_, phrase, _) = FRAMES[frame];
    // The place most of the values' sentences name, if any.
    let mut places: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &part {
        if let Some(p) = &c.place {
            *places.entry(p.as_str()).or_default() += 1;
        }
    }
    // Named by at least half the values, so one stray place does not title the figure.
    let place = places.iter().filter(|(_, n)| **n * 2 >= part.len()).max_by_key(|(name, n)| (**n, std::cmp::Reverse(*name))).map(|(p, _)| *p);
    let mut topic = format!("{class} {phrase}");
    if let Some(p) = place {
        topic.push_str(&format!(" ({p})"));
    }
    let days: Vec<(i64, i64)> = part.iter().filter_map(|c| c.days).collect();
    if let (Some(s), Some(e), true) = (days.iter().map(|d| d.0).min(), days.iter().map(|d| d.1).max(), days.len() * 2 >= part.len()) {
        let (s, e) = (crate::dates::iso_day(s), crate::dates::iso_day(e));
        topic.push_str(&if s == e { format!(", {s}") } else { format!(", {s} to {e}") });
    }
    let origins: Vec<String> = part.iter().map(|c| c.origin.clone()).collect();
    let values: Vec<FigureValue> = part.into_iter().map(|c| c.value).collect();
    let mut distinct = origins.clone();
    distinct.sort();
    distinct.dedup();
    let (relation, explanation) = relation(&values);
    let reconciled = reconciled(&values, &origins, policy);
    Figure {
        topic,
        unit: class.to_string(),
        relation,
        tolerance: format!("bounds widened by {}% each way before intervals are compared; agreement needs the same interval", TOLERANCE * 100.0),
        explanation,
        reconciled,
        independent_sources: distinct.len(),
        values,
    }
}

fn label(v: &FigureValue) -> String {
    format!("{} “{}” ({}, {})", interval_text(v), v.text, strip_article(&v.holder), v.outlet)
}

fn relation(values: &[FigureValue]) -> (Relation, String) {
    if values.len() < 2 {
        return (Relation::Agree, "one value only".into());
    }
    for (i, a) in values.iter().enumerate() {
        for b in &values[i + 1..] {
            if !meet_within_tolerance(a, b) {
                return (Relation::Contradict, format!("{} and {} do not overlap, even widened by {}%", label(a), label(b), TOLERANCE * 100.0));
            }
        }
    }
    let first = bounds(&values[0]);
    if values.iter().all(|v| bounds(v) == first && v.low_inclusive == values[0].low_inclusive && v.high_inclusive == values[0].high_inclusive) {
        return (Relation::Agree, format!("every value is {}", interval_text(&values[0])));
    }
    if let Some((a, b)) = values.iter().enumerate().flat_map(|(i, a)| values[i + 1..].iter().map(move |b| (a, b))).find(|(a, b)| !meet(a, b)) {
        return (Relation::Compatible, format!("{} and {} only meet once widened by {}%", label(a), label(b), TOLERANCE * 100.0));
    }
    (Relation::Compatible, "the intervals overlap: each value can be true with the others".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Evidence;

    fn v(low: Option<f64>, high: Option<f64>, approx: bool) -> FigureValue {
        FigureValue {
            document: "d".into(),
            outlet: "o".into(),
            text: "t".into(),
            low,
            high,
            low_inclusive: low.is_some(),
            high_inclusive: high.is_some(),
            approx,
            holder: "h".into(),
            holder_entity: None,
            how: "stated".into(),
            derived_from: None,
            evidence: Evidence {
                document: "d".into(),
                outlet: "o".into(),
                url: None,
                start: 0,
                end: 1,
                text: "t".into(),
                sentence: crate::TextSpan { start: 0, end: 1, text: "t".into() },
                removed: false,
            },
        }
    }

    fn open_above(x: f64) -> FigureValue {
        FigureValue { low_inclusive: false, ..v(Some(x), None, false) }
    }

    #[test]
    fn a_contrasting_clause_names_its_own_holder() {
        let text = "The ministry said 3,000 fighters attacked, while a regional official put the number at 1,500.";
        let at = text.find("1,500").unwrap();
        let q = Span::new(text, at, at + 5).unwrap();
        assert_eq!(clause_holder(text, Span::new(text, 0, text.len()).unwrap(), q), Some("regional official"));
        let at = text.find("3,000").unwrap();
        assert_eq!(clause_holder(text, Span::new(text, 0, text.len()).unwrap(), Span::new(text, at, at + 5).unwrap()), None);
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(HOLDER_NOUNS.windows(2).all(|w| w[0] < w[1]));
        for (_, nouns) in CLASSES.iter().chain(SIDES) {
            assert!(nouns.windows(2).all(|w| w[0] < w[1]), "{nouns:?}");
        }
    }

    #[test]
    fn the_two_sides_dead_and_a_background_date_are_separate_figures() {
        use crate::voices::testing::texts;
        let a = "Harbour assault repelled at Wexmoor\n\n12 March 2025\n\n\
            A counterattack near Wexmoor killed at least 200 militants, the defence ministry said.\n\n\
            In the same war, a strike on the border post on January 4 killed more than 60 soldiers.\n";
        let b = "Wexmoor holds after the assault\n\n13 March 2025\n\n\
            About 250 militants were killed near Wexmoor on Tuesday, local officials said.\n";
        let built = texts(&[("a.txt", a), ("b.txt", b)]);
        let corpus = Corpus::new(&built.docs, &built.linked, &built.clustering);
        let figures = figures(&corpus, &[0, 1], Policy::Ucdp);
        let killed: Vec<Vec<&str>> = figures.iter().filter(|f| f.topic.contains("killed")).map(|f| f.values.iter().map(|v| v.text.as_str()).collect()).collect();
        assert!(killed.iter().any(|f| f.contains(&"at least 200") && f.contains(&"About 250")), "{killed:?}");
        assert!(killed.iter().any(|f| f == &vec!["more than 60"]), "{killed:?}");
    }

    #[test]
    fn disjoint_ranges_contradict_and_the_explanation_names_both() {
        let (r, why) = relation(&[v(Some(1500.0), Some(2000.0), false), open_above(3000.0)]);
        assert_eq!(r, Relation::Contradict);
        assert!(why.contains("[1,500, 2,000]") && why.contains("(3,000, ∞)"), "{why}");
    }

    #[test]
    fn a_floor_and_an_estimate_above_it_are_compatible() {
        assert_eq!(relation(&[v(Some(14000.0), Some(14000.0), true), open_above(9000.0)]).0, Relation::Compatible);
        assert_eq!(relation(&[v(Some(40.0), None, false), v(Some(12.0), None, true)]).0, Relation::Compatible);
    }

    #[test]
    fn the_same_interval_twice_agrees() {
        assert_eq!(relation(&[v(None, Some(2500.0), false), v(None, Some(2500.0), false)]).0, Relation::Agree);
        assert_eq!(relation(&[v(Some(7.0), Some(7.0), false)]).0, Relation::Agree);
    }

    #[test]
    fn touching_ranges_are_compatible_only_within_the_tolerance() {
        let (r, why) = relation(&[v(Some(4000.0), Some(5000.0), false), open_above(5000.0)]);
        assert_eq!(r, Relation::Compatible);
        assert!(why.contains("widened"), "{why}");
        assert_eq!(relation(&[v(Some(100.0), Some(100.0), false), v(Some(200.0), Some(200.0), false)]).0, Relation::Contradict);
    }

    #[test]
    fn policies_reconcile_differently() {
        let values = [v(Some(1500.0), Some(2000.0), false), open_above(3000.0), open_above(3000.0)];
        let origins = ["official".to_string(), "ministry".to_string(), "ministry".to_string()];
        let ucdp = reconciled(&values, &origins, Policy::Ucdp);
        assert_eq!((ucdp.low, ucdp.best, ucdp.high), (Some(1500.0), Some(2375.0), Some(3000.0)));
        let acled = reconciled(&values, &origins, Policy::Conservative);
        assert_eq!((acled.low, acled.best, acled.high), (Some(1500.0), Some(1500.0), Some(1500.0)));
        let all = reconciled(&values, &origins, Policy::All);
        assert_eq!((all.low, all.best, all.high), (None, None, None));
    }

    #[test]
    fn the_nearest_cue_in_the_clause_gives_the_frame() {
        let frame = |text: &str, number: &str| {
            let at = text.find(number).unwrap();
            let q = Span::new(text, at, at + number.len()).unwrap();
            frame_of(text, Span::new(text, 0, text.len()).unwrap(), q).map(|f| FRAMES[f].0)
        };
        assert_eq!(frame("Rebels said 2,000 fighters took part in the assault.", "2,000 fighters"), Some("attacking"));
        assert_eq!(frame("The army killed 200 rebels near the port.", "200 rebels"), Some("killed"));
        assert_eq!(frame("Ferries evacuated 9,000 civilians on Monday.", "9,000 civilians"), Some("leaving"));
        assert_eq!(frame("The town is believed to hold 9,000 insurgents.", "9,000 insurgents"), Some("present"));
        assert_eq!(frame("More than 5,000 attackers came.", "5,000 attackers"), Some("attacking"));
        assert_eq!(frame("He thanked 300 volunteers.", "300 volunteers"), None);
        // A cue beyond a semicolon belongs to another clause.
        assert_eq!(frame("We counted 40 soldiers; later the town was attacked.", "40 soldiers"), None);
    }

    #[test]
    fn numbers_print_with_separators() {
        assert_eq!(fmt_number(1500.0), "1,500");
        assert_eq!(fmt_number(48000000.0), "48,000,000");
        assert_eq!(fmt_number(0.25), "0.25");
        assert_eq!(fmt_number(-1200.0), "-1,200");
    }
}
