//! Who said what (quotes grouped by speaker across outlets) and the blame matrix.

use crate::context::{content_words, strip_article};
use crate::{BlameRow, Corpus, Evidence, QuoteItem, SpeakerQuotes};
use corroborate_annotate::attribution::{Quote, QuoteKind, Speaker, SpeakerKind};
use std::collections::{BTreeMap, BTreeSet};

/// Jaccard overlap of content words at or above which two quotes are the same words.
const SAME_WORDS: f64 = 0.6;

/// Who a party of a quote or blame statement is, as one key across documents:
/// `(key, display name, entity id)`. The author of a document is its first author (else its
/// outlet); a party without a linked mention takes the one entity its words name, if any.
pub(crate) fn party_key(corpus: &Corpus, d: usize, speaker: &Speaker) -> (String, String, Option<String>) {
    if speaker.kind == SpeakerKind::Author {
        let doc = &corpus.docs[d].document;
        let name = doc
            .authors
            .first()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| corpus.outlet(d));
        return (format!("name:{}", name.to_lowercase()), name, None);
    }
    if speaker.mention.is_none() {
        if let Some(span) = speaker.span {
            let named = corpus.entities_in(d, span);
            if let [e] = named.as_slice() {
                return (e.id.clone(), crate::context::display_name(e), Some(e.id.clone()));
            }
        }
    }
    let (key, name, entity) = corpus.speaker_key(d, speaker);
    (key, tidy(&name), entity)
}

/// A name without surrounding punctuation or a leading article, on one line.
fn tidy(name: &str) -> String {
    let one_line = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = one_line.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
    strip_article(trimmed).to_string()
}

/// The distinct content words of a text.
pub(crate) fn word_set(text: &str) -> BTreeSet<String> {
    content_words(text).into_iter().collect()
}

/// Whether two word sets hold near-identical words: Jaccard overlap ≥ [`SAME_WORDS`], or the
/// smaller set (of at least two words) wholly inside the larger one.
pub(crate) fn same_words(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if shared as f64 / union as f64 >= SAME_WORDS {
        return true;
    }
    let smaller = a.len().min(b.len());
    smaller >= 2 && shared == smaller
}

/// Sort key of evidence: document id, then position.
fn evidence_key(e: &Evidence) -> (String, usize, usize) {
    (e.document.clone(), e.start, e.end)
}

fn sort_evidence(evidence: &mut Vec<Evidence>) {
    evidence.sort_by_key(evidence_key);
    evidence.dedup_by(|a, b| a.document == b.document && a.start == b.start && a.end == b.end);
}

struct Item {
    text: String,
    kind: &'static str,
    words: BTreeSet<String>,
    outlets: BTreeSet<String>,
    evidence: Vec<Evidence>,
}

struct Voice {
    name: String,
    entity: Option<String>,
    items: Vec<Item>,
}

pub(crate) fn who_said_what(corpus: &Corpus, docs: &[usize]) -> Vec<SpeakerQuotes> {
    let mut order: Vec<usize> = docs.to_vec();
    order.sort_by(|&a, &b| corpus.docs[a].document.id.as_str().cmp(corpus.docs[b].document.id.as_str()).then(a.cmp(&b)));
    order.dedup();
    let mut voices: BTreeMap<String, Voice> = BTreeMap::new();
    // Direct quotes nobody is named for: given to a speaker another document quotes in the same words.
    let mut unattributed: Vec<(usize, &Quote)> = Vec::new();
    for &d in &order {
        let text = corpus.text(d);
        let outlet = corpus.outlet(d);
        for q in &corpus.docs[d].attribution.quotes {
            let Some(speaker) = q.speaker.as_ref().filter(|s| s.kind != SpeakerKind::Author) else {
                if q.speaker.is_none() && q.kind == QuoteKind::Direct {
                    unattributed.push((d, q));
                }
                continue;
            };
            let (key, name, entity) = party_key(corpus, d, speaker);
            if name.is_empty() {
                continue;
            }
            let content = q.content.of(text);
            let words = word_set(content);
            let voice = voices.entry(key).or_insert_with(|| Voice { name, entity, items: Vec::new() });
            let evidence = corpus.evidence(d, q.content);
            match voice.items.iter_mut().find(|i| same_words(&i.words, &words)) {
                Some(item) => {
                    item.outlets.insert(outlet.clone());
                    item.evidence.push(evidence);
                    item.words.extend(words);
                }
                None => voice.items.push(Item {
                    text: one_line(content),
                    kind: q.kind.as_str(),
                    words,
                    outlets: BTreeSet::from([outlet.clone()]),
                    evidence: vec![evidence],
                }),
            }
        }
    }
    for (d, q) in unattributed {
        let words = word_set(q.content.of(corpus.text(d)));
        if words.len() < 3 {
            continue;
        }
        let own = corpus.docs[d].document.id.to_string();
        let relayed = voices.values_mut().flat_map(|v| v.items.iter_mut()).find(|i| {
            i.kind == "direct" && i.evidence.iter().all(|e| e.document != own) && same_words(&i.words, &words)
        });
        if let Some(item) = relayed {
            item.outlets.insert(corpus.outlet(d));
            item.evidence.push(corpus.evidence(d, q.content));
        }
    }
    let mut out: Vec<(String, SpeakerQuotes)> = voices
        .into_iter()
        .map(|(key, v)| {
            let mut items: Vec<QuoteItem> = v
                .items
                .into_iter()
                .map(|mut i| {
                    sort_evidence(&mut i.evidence);
                    QuoteItem { text: i.text, kind: i.kind.to_string(), outlets: i.outlets.into_iter().collect(), evidence: i.evidence }
                })
                .collect();
            items.sort_by(|a, b| {
                b.outlets.len().cmp(&a.outlets.len()).then_with(|| evidence_key(&a.evidence[0]).cmp(&evidence_key(&b.evidence[0])))
            });
            let outlets: BTreeSet<String> = items.iter().flat_map(|i| i.outlets.iter().cloned()).collect();
            (key, SpeakerQuotes { speaker: v.name, entity: v.entity, outlets: outlets.into_iter().collect(), items })
        })
        .collect();
    out.sort_by(|(ka, a), (kb, b)| {
        b.outlets
            .len()
            .cmp(&a.outlets.len())
            .then(b.items.len().cmp(&a.items.len()))
            .then_with(|| a.speaker.cmp(&b.speaker))
            .then_with(|| ka.cmp(kb))
    });
    out.into_iter().map(|(_, s)| s).collect()
}

/// A text on one line: runs of white space (paragraph breaks of a long quote) become one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Row {
    holder: String,
    holder_entity: Option<String>,
    target: String,
    target_entity: Option<String>,
    for_: Vec<String>,
    outlets: BTreeSet<String>,
    evidence: Vec<Evidence>,
}

pub(crate) fn blame_matrix(corpus: &Corpus, docs: &[usize]) -> Vec<BlameRow> {
    let mut order: Vec<usize> = docs.to_vec();
    order.sort_by(|&a, &b| corpus.docs[a].document.id.as_str().cmp(corpus.docs[b].document.id.as_str()).then(a.cmp(&b)));
    order.dedup();
    let mut rows: BTreeMap<(String, String), Row> = BTreeMap::new();
    for &d in &order {
        let text = corpus.text(d);
        let outlet = corpus.outlet(d);
        for b in &corpus.docs[d].attribution.blame {
            let (hk, holder, holder_entity) = party_key(corpus, d, &b.holder);
            let (tk, target, target_entity) = party_key(corpus, d, &b.target);
            if holder.is_empty() || target.is_empty() || hk == tk {
                continue;
            }
            let row = rows.entry((hk, tk)).or_insert_with(|| Row {
                holder,
                holder_entity,
                target,
                target_entity,
                for_: Vec::new(),
                outlets: BTreeSet::new(),
                evidence: Vec::new(),
            });
            if let Some(f) = b.for_ {
                let wording = one_line(f.of(text));
                let wording = wording.trim_end_matches(['.', ',', ';', ':']).to_string();
                if !wording.is_empty() && !row.for_.iter().any(|w| w.eq_ignore_ascii_case(&wording)) {
                    row.for_.push(wording);
                }
            }
            row.outlets.insert(outlet.clone());
            row.evidence.push(corpus.evidence(d, b.span));
        }
    }
    let mut out: Vec<BlameRow> = rows
        .into_values()
        .map(|mut r| {
            sort_evidence(&mut r.evidence);
            BlameRow {
                holder: r.holder,
                holder_entity: r.holder_entity,
                target: r.target,
                target_entity: r.target_entity,
                for_: r.for_,
                outlets: r.outlets.into_iter().collect(),
                evidence: r.evidence,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.outlets
            .len()
            .cmp(&a.outlets.len())
            .then_with(|| a.holder.cmp(&b.holder))
            .then_with(|| a.target.cmp(&b.target))
            .then_with(|| a.holder_entity.cmp(&b.holder_entity))
            .then_with(|| a.target_entity.cmp(&b.target_entity))
    });
    out
}
