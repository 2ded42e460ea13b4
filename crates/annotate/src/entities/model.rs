//! The tagger: an averaged perceptron ([`crate::perceptron`]) over hashed features, decoding
//! greedily left to right with BILOU tags (`B`egin, `I`nside, `L`ast, `U`nit, plus `O`) and
//! only valid transitions. A two-pass model tags each document twice: the second pass also
//! reads what the first tagged the same words elsewhere in the document ([`Hints`]).
//!
//! Training ([`train`]) reads tagged documents; the model file ([`Model::to_bytes`]) is gzip'd
//! and holds the label and domain names, (for a two-pass model) the number of passes, and for each feature hash its
//! non-zero weights as 16-bit integers.

use super::conll::Doc;
use super::features::{hint_features, tag_features, word_features, TokenInfo};
use crate::perceptron::bilou::{self, label};
use crate::perceptron::features::shapes;
use crate::perceptron::{self, Reader, Training, Weights};
use std::collections::HashMap;

const MAGIC: &[u8; 8] = b"CRBNER03";
/// The format of a one-pass model: no passes byte.
const MAGIC_ONE_PASS: &[u8; 8] = b"CRBNER02";
/// The format of a model that decodes by beam search: the passes byte, then the beam width.
const MAGIC_BEAM: &[u8; 8] = b"CRBNER04";

/// Per-document facts for the document features.
pub struct DocContext {
    lower_seen: std::collections::HashSet<String>,
    usual_form: HashMap<String, String>,
}

fn is_all_caps_sentence(tokens: &[&str]) -> bool {
    let mut letters = 0;
    for t in tokens {
        for c in t.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_uppercase() {
                letters += 1;
            }
        }
    }
    letters >= 4
}

impl DocContext {
    pub fn new(sentences: &[Vec<&str>]) -> DocContext {
        let mut lower_seen = std::collections::HashSet::new();
        let mut counts: HashMap<String, HashMap<&str, u32>> = HashMap::new();
        for s in sentences {
            if is_all_caps_sentence(s) {
                continue;
            }
            for (i, t) in s.iter().enumerate() {
                let Some(first) = t.chars().next() else { continue };
                if first.is_lowercase() {
                    lower_seen.insert(t.to_string());
                }
                if i > 0 && first.is_alphabetic() {
                    *counts.entry(t.to_lowercase()).or_default().entry(t).or_default() += 1;
                }
            }
        }
        let usual_form = counts
            .into_iter()
            .map(|(k, forms)| {
                let best = forms.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).expect("non-empty").0;
                (k, best.to_string())
            })
            .collect();
        DocContext { lower_seen, usual_form }
    }

    fn infos(&self, tokens: &[&str], gazetteer: &[u16]) -> (Vec<TokenInfo>, bool) {
        let caps = is_all_caps_sentence(tokens);
        let infos = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let t = &super::tokens::conll_form(t);
                let lower = t.to_lowercase();
                let (shape, short_shape) = shapes(t);
                let capitalised = t.chars().next().is_some_and(char::is_uppercase);
                TokenInfo {
                    clusters: super::lexicon::clusters(&lower),
                    glove: super::lexicon::glove_clusters(&lower),
                    raw: t.to_string(),
                    doc_form: if caps { self.usual_form.get(&lower).cloned() } else { None },
                    lower_seen: capitalised && self.lower_seen.contains(&lower),
                    lower,
                    shape,
                    short_shape,
                    gazetteer: gazetteer.get(i).copied().unwrap_or(0),
                }
            })
            .collect();
        (infos, caps)
    }
}

/// A trained model, ready to tag.
pub struct Model {
    labels: Vec<String>,
    /// Domains the model has specific weights for (`1 + index` is the domain's id).
    domains: Vec<String>,
    /// Whether a document is tagged twice, the second time with [`Hints`] from the first.
    two_pass: bool,
    /// The beam width it decodes with (1: greedily), the one it was trained with.
    beam: usize,
    weights: Weights,
}

/// History code for a tag: label + 1 of an entity tag, else 0.
fn history_of(tag: usize) -> u8 {
    if tag == 0 {
        0
    } else {
        label(tag) as u8 + 1
    }
}

/// A first pass's tags over one document, which the second pass reads as features
/// ([`hint_features`]): every token's tag, and per capitalised word (lower-cased) how often
/// the first pass gave it each tag anywhere in the document.
pub struct Hints {
    tags: Vec<Vec<usize>>,
    counts: HashMap<String, Vec<u16>>,
}

impl Hints {
    pub fn new(sentences: &[Vec<&str>], tags: Vec<Vec<usize>>, tag_count: usize) -> Hints {
        let mut counts: HashMap<String, Vec<u16>> = HashMap::new();
        for (sentence, tags) in sentences.iter().zip(&tags) {
            for (t, &tag) in sentence.iter().zip(tags) {
                let form = super::tokens::conll_form(t);
                if form.chars().next().is_some_and(char::is_uppercase) {
                    let c = counts.entry(form.to_lowercase()).or_insert_with(|| vec![0; tag_count]);
                    c[tag] = c[tag].saturating_add(1);
                }
            }
        }
        Hints { tags, counts }
    }

    /// The first pass's tags of token `i`'s word elsewhere in the document, counted per tag in
    /// `buf`, when the token is capitalised.
    fn others<'b>(&self, infos: &[TokenInfo], si: usize, i: usize, buf: &'b mut [u16]) -> Option<&'b [u16]> {
        if !infos[i].raw.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let c = self.counts.get(&infos[i].lower)?;
        buf.copy_from_slice(c);
        buf[self.tags[si][i]] -= 1;
        Some(buf)
    }
}

/// What a document is decoded with: trained weights, or weights being trained, with the gold
/// tags of the document they learn from and the count of tokens the decoding got right.
enum Scorer<'a> {
    Trained(&'a Weights),
    Learning(&'a mut Training, &'a [Vec<usize>], &'a mut usize),
}

impl Scorer<'_> {
    fn scores(&self, features: &[u32], scores: &mut [f32]) {
        match self {
            Scorer::Trained(w) => w.scores(features, scores),
            Scorer::Learning(t, ..) => t.scores(features, scores),
        }
    }
}

/// Appends domain-specific copies of `features[from..]` beside the shared ones ("frustratingly
/// easy" domain adaptation): the model learns what holds everywhere and what only holds in one
/// source's conventions.
fn add_domain_copies(domain: u8, features: &mut Vec<u32>, from: usize) {
    if domain != 0 {
        let salt = (domain as u32).wrapping_mul(0x85EB_CA77);
        for k in from..features.len() {
            features.push(features[k].wrapping_mul(0x9E37_79B1) ^ salt);
        }
    }
}

/// The features of token `info` that read the previous two tags, with their domain copies
/// (cleared first).
fn tag_features_of(domain: u8, info: &TokenInfo, prev: usize, prev2: usize, history: u8, out: &mut Vec<u32>) {
    out.clear();
    tag_features(info, prev as u8, prev2 as u8, history, out);
    add_domain_copies(domain, out, 0);
}

/// A state of the beam at one token: its tag, the previous token's tag, the index of the state
/// it extends at the previous token, and the score of the whole prefix.
#[derive(Clone, Copy)]
struct State {
    tag: usize,
    prev: usize,
    back: usize,
    score: f32,
}

/// The prefix of tags that ends at state `k` of token `i`.
fn backtrack(steps: &[Vec<State>], i: usize, k: usize) -> Vec<usize> {
    let mut tags = vec![0; i + 1];
    let mut k = k;
    for j in (0..=i).rev() {
        let s = steps[j][k];
        tags[j] = s.tag;
        k = s.back;
    }
    tags
}

/// Tags one sentence by beam search of `width` states (those with the same last two tags,
/// which score every later tag alike, merged), given each token's tag-free features
/// (`words[starts[i]..starts[i + 1]]`) and document history. When learning, a wrong best
/// sequence is corrected at the prefix where it most outscores the gold one ("max-violation",
/// Huang, Fayong & Guo 2012), so that the weights learn to keep the right tags in the beam.
#[allow(clippy::too_many_arguments)]
fn beam_sentence(width: usize, domain: u8, tags: usize, infos: &[TokenInfo], history: &[u8], words: &[u32], starts: &[usize], scorer: &mut Scorer, gold: Option<&[usize]>) -> Vec<usize> {
    let n = infos.len();
    let mut steps: Vec<Vec<State>> = Vec::with_capacity(n);
    let (mut own, mut dynamic) = (vec![0.0f32; tags], vec![0.0f32; tags]);
    let mut features = Vec::with_capacity(16);
    let mut candidates = Vec::with_capacity(width * tags);
    let mut merged = vec![false; tags * tags];
    // The gold prefix's score and its state's index in the beam (while it is there), and the
    // largest violation seen: the best prefix's score less the gold one's, and its token.
    let (mut gold_score, mut gold_at) = (0.0f32, Some(0usize));
    let mut worst: Option<(f32, usize)> = None;
    let start = [State { tag: 0, prev: 0, back: 0, score: 0.0 }];
    for i in 0..n {
        if let Scorer::Learning(t, ..) = scorer {
            t.tick();
        }
        let last = i + 1 == n;
        scorer.scores(&words[starts[i]..starts[i + 1]], &mut own);
        candidates.clear();
        for (k, p) in (if i == 0 { &start[..] } else { &steps[i - 1][..] }).iter().enumerate() {
            tag_features_of(domain, &infos[i], p.tag, p.prev, history[i], &mut features);
            scorer.scores(&features, &mut dynamic);
            for t in 0..tags {
                if bilou::valid(p.tag, t) && (!last || bilou::valid_last(t)) {
                    candidates.push(State { tag: t, prev: p.tag, back: k, score: p.score + own[t] + dynamic[t] });
                }
            }
        }
        candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.back.cmp(&b.back)).then(a.tag.cmp(&b.tag)));
        merged.iter_mut().for_each(|m| *m = false);
        let mut beam = Vec::with_capacity(width);
        for c in &candidates {
            if !std::mem::replace(&mut merged[c.tag * tags + c.prev], true) {
                beam.push(*c);
                if beam.len() == width {
                    break;
                }
            }
        }
        if let Some(gold) = gold {
            let (g, gp, gp2) = (gold[i], if i > 0 { gold[i - 1] } else { 0 }, if i > 1 { gold[i - 2] } else { 0 });
            tag_features_of(domain, &infos[i], gp, gp2, history[i], &mut features);
            scorer.scores(&features, &mut dynamic);
            gold_score += own[g] + dynamic[g];
            gold_at = gold_at.and_then(|at| beam.iter().position(|s| s.tag == g && s.prev == gp && s.back == at));
            let violation = beam[0].score - gold_score;
            if gold_at != Some(0) && worst.is_none_or(|(v, _)| violation >= v) {
                worst = Some((violation, i));
            }
        }
        steps.push(beam);
    }
    if n == 0 {
        return Vec::new();
    }
    let best = backtrack(&steps, n - 1, 0);
    if let (Some(gold), Scorer::Learning(t, _, right)) = (gold, scorer) {
        **right += best.iter().zip(gold).filter(|(a, b)| a == b).count();
        if let Some((_, at)) = worst.filter(|_| best != gold) {
            let guess = backtrack(&steps, at, 0);
            let before = |tags: &[usize], j: usize, k: usize| if j >= k { tags[j - k] } else { 0 };
            for j in 0..=at {
                let (g, gp, gp2) = (gold[j], before(gold, j, 1), before(gold, j, 2));
                let (p, pp, pp2) = (guess[j], before(&guess, j, 1), before(&guess, j, 2));
                if (g, gp, gp2) == (p, pp, pp2) {
                    continue;
                }
                let word = &words[starts[j]..starts[j + 1]];
                if g != p {
                    t.add(word, g, 1.0);
                    t.add(word, p, -1.0);
                }
                tag_features_of(domain, &infos[j], gp, gp2, history[j], &mut features);
                t.add(&features, g, 1.0);
                tag_features_of(domain, &infos[j], pp, pp2, history[j], &mut features);
                t.add(&features, p, -1.0);
            }
        }
    }
    best
}

/// Tags one document; shared by training and tagging. With `hints` (a first pass's tags),
/// every token also gets the second pass's features. A `width` of one decodes greedily (and
/// learns token by token); more decodes by beam search ([`beam_sentence`]).
#[allow(clippy::too_many_arguments)]
fn decode_doc(domain: u8, sentences: &[Vec<&str>], gazetteer: &[Vec<u16>], tags: usize, hints: Option<&Hints>, width: usize, scorer: &mut Scorer) -> Vec<Vec<usize>> {
    let context = DocContext::new(sentences);
    // Per lower-case word, how often it was tagged with each label (capitalised uses only).
    let mut history: HashMap<String, [u16; 8]> = HashMap::new();
    let mut features = Vec::with_capacity(64);
    let mut words = Vec::new();
    let mut starts = Vec::new();
    let mut scores = vec![0.0f32; tags];
    let mut others = vec![0u16; tags];
    let mut out = Vec::with_capacity(sentences.len());
    let all_gold: Option<&[Vec<usize>]> = match scorer {
        Scorer::Learning(_, gold, _) => Some(*gold),
        Scorer::Trained(_) => None,
    };
    for (si, sentence) in sentences.iter().enumerate() {
        let (infos, caps) = context.infos(sentence, gazetteer.get(si).map_or(&[][..], |g| &g[..]));
        let known: Vec<u8> = infos
            .iter()
            .map(|t| {
                history.get(&t.lower).map_or(0, |counts| {
                    let (best, &n) = counts.iter().enumerate().max_by_key(|&(l, &n)| (n, std::cmp::Reverse(l))).expect("8 labels");
                    if n == 0 {
                        0
                    } else {
                        best as u8 + 1
                    }
                })
            })
            .collect();
        // The features of token `i` that do not read the previous tags, onto `features`.
        let mut word_features_of = |i: usize, features: &mut Vec<u32>| {
            word_features(&infos, i, known[i], caps, features);
            if let Some(hints) = hints {
                let first = &hints.tags[si];
                let own = first[i];
                let next = first.get(i + 1).map_or(0, |&t| t as u8);
                let others = hints.others(&infos, si, i, &mut others).unwrap_or(&[]);
                hint_features(&infos, i, own as u8, next, others, features);
            }
        };
        let gold = all_gold.map(|g| &g[si][..]);
        let tagged = if width > 1 {
            words.clear();
            starts.clear();
            starts.push(0);
            for i in 0..infos.len() {
                word_features_of(i, &mut features);
                let from = words.len();
                words.extend_from_slice(&features);
                add_domain_copies(domain, &mut words, from);
                starts.push(words.len());
            }
            beam_sentence(width, domain, tags, &infos, &known, &words, &starts, scorer, gold)
        } else {
            let mut tagged = Vec::with_capacity(sentence.len());
            let (mut prev, mut prev2) = (0usize, 0usize);
            for i in 0..infos.len() {
                word_features_of(i, &mut features);
                tag_features(&infos[i], prev as u8, prev2 as u8, known[i], &mut features);
                add_domain_copies(domain, &mut features, 0);
                scorer.scores(&features, &mut scores);
                let tag = bilou::best(&scores, prev, i + 1 == infos.len());
                if let (Scorer::Learning(t, _, right), Some(gold)) = (&mut *scorer, gold) {
                    **right += usize::from(t.learn(&features, gold[i], tag));
                }
                tagged.push(tag);
                prev2 = prev;
                prev = tag;
            }
            tagged
        };
        for (info, &tag) in infos.iter().zip(&tagged) {
            if info.raw.chars().next().is_some_and(char::is_uppercase) {
                let counts = history.entry(info.lower.clone()).or_default();
                if tag != 0 {
                    counts[(history_of(tag) - 1).min(7) as usize] += 1;
                }
            }
        }
        out.push(tagged);
    }
    out
}

/// A training document: its sentences' tokens, gazetteer flags and gold tags.
type Prepared<'a> = (Vec<Vec<&'a str>>, Vec<Vec<u16>>, Vec<Vec<usize>>);

/// Training passes over the documents `subset` of `prepared`, in a seeded shuffled order.
/// With `hints`, a document is read with its hints on every other visit (and without them on
/// the others, so that the weights also make a whole first pass).
#[allow(clippy::too_many_arguments)]
fn train_weights(prepared: &[Prepared], subset: &[usize], domains: &[u8], tags: usize, epochs: usize, width: usize, hints: Option<&[[Hints; 2]]>, progress: &mut dyn FnMut(usize, f64)) -> Weights {
    let mut t = Training::new(tags);
    let mut order = subset.to_vec();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &d in &order {
            let (sentences, gaz, gold) = &prepared[d];
            total += gold.iter().map(Vec::len).sum::<usize>();
            // Every other visit a document is read without its domain, so that the shared
            // weights alone are a whole model too (they are what unseen text gets); hints are
            // dropped on every other pair of visits, so that every mix is seen.
            let domain = if (epoch + d) % 2 == 0 { domains.get(d).copied().unwrap_or(0) } else { 0 };
            let hint = hints.filter(|_| (epoch / 2 + d) % 2 == 0).map(|h| &h[d][usize::from(domain != 0)]);
            decode_doc(domain, sentences, gaz, tags, hint, width, &mut Scorer::Learning(&mut t, gold, &mut right));
        }
        progress(epoch + 1, right as f64 / total.max(1) as f64);
    }
    t.average()
}

/// Trains a model on `docs` for `epochs` passes, visiting documents in a seeded shuffled order.
/// `gazetteer` gives the per-token gazetteer flags of a sentence.
/// `domains[d]` is the domain of document `d`: 0 for none, else `k` for `domain_names[k - 1]`.
///
/// With `folds` of two or more the model tags in two passes: every training document gets
/// its first-pass hints from a model trained on the other folds (so that they are as wrong as
/// they will be on unseen text), and the model learns from documents with and without them.
/// With a `beam` of two or more it decodes, and learns, by beam search of that width; one (or
/// zero) is greedy decoding.
/// `progress` is told each pass's fold (0 for the final model) and token accuracy.
#[allow(clippy::too_many_arguments)]
pub fn train(
    docs: &[Doc],
    domains: &[u8],
    domain_names: &[&str],
    labels: &[&str],
    epochs: usize,
    folds: usize,
    beam: usize,
    gazetteer: &dyn Fn(&[&str]) -> Vec<u16>,
    mut progress: impl FnMut(usize, usize, f64),
) -> Model {
    let tags = bilou::tag_count(labels.len());
    let beam = beam.max(1);
    let label_of: HashMap<&str, usize> = labels.iter().enumerate().map(|(i, l)| (*l, i)).collect();
    let prepared: Vec<Prepared> = docs
        .iter()
        .map(|doc| {
            let sentences: Vec<Vec<&str>> = doc.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
            let gaz = sentences.iter().map(|s| gazetteer(s)).collect();
            let gold = doc
                .iter()
                .map(|s| {
                    let ents: Vec<_> = s.entities.iter().filter_map(|(a, b, l)| label_of.get(l.as_str()).map(|&l| (*a, *b, l))).collect();
                    bilou::encode(s.tokens.len(), &ents)
                })
                .collect();
            (sentences, gaz, gold)
        })
        .collect();
    let all: Vec<usize> = (0..prepared.len()).collect();
    let hints = (folds >= 2).then(|| {
        // Per document, its first pass read as shared text and read as its own domain: a
        // visit gets the first pass of the domain it is read as.
        let mut first: Vec<[Vec<Vec<usize>>; 2]> = vec![Default::default(); prepared.len()];
        for fold in 0..folds {
            let rest: Vec<usize> = all.iter().copied().filter(|d| d % folds != fold).collect();
            let w = train_weights(&prepared, &rest, domains, tags, epochs, beam, None, &mut |e, a| progress(fold + 1, e, a));
            let mut score = Scorer::Trained(&w);
            for d in all.iter().copied().filter(|d| d % folds == fold) {
                let (sentences, gaz, _) = &prepared[d];
                first[d][0] = decode_doc(0, sentences, gaz, tags, None, beam, &mut score);
                let domain = domains.get(d).copied().unwrap_or(0);
                first[d][1] = if domain == 0 { first[d][0].clone() } else { decode_doc(domain, sentences, gaz, tags, None, beam, &mut score) };
            }
        }
        prepared.iter().zip(first).map(|((sentences, _, _), [shared, own])| [Hints::new(sentences, shared, tags), Hints::new(sentences, own, tags)]).collect::<Vec<_>>()
    });
    let weights = train_weights(&prepared, &all, domains, tags, epochs, beam, hints.as_deref(), &mut |e, a| progress(0, e, a));
    Model {
        labels: labels.iter().map(|l| l.to_string()).collect(),
        domains: domain_names.iter().map(|d| d.to_string()).collect(),
        two_pass: hints.is_some(),
        beam,
        weights,
    }
}

impl Model {
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Number of features with a weight.
    pub fn features(&self) -> usize {
        self.weights.rows()
    }

    /// The domains the model was trained with.
    pub fn domains(&self) -> &[String] {
        &self.domains
    }

    /// The id of a named domain (0, the shared weights only, for an unknown name).
    pub fn domain(&self, name: &str) -> u8 {
        self.domains.iter().position(|d| d == name).map_or(0, |i| i as u8 + 1)
    }

    /// Tags one document (sentences of tokens, with per-token gazetteer flags) as text of
    /// `domain` (see [`Model::domain`]): entity spans `(start, end, label index)` per sentence.
    pub fn tag(&self, domain: u8, sentences: &[Vec<&str>], gazetteer: &[Vec<u16>]) -> Vec<Vec<(usize, usize, usize)>> {
        let mut score = Scorer::Trained(&self.weights);
        let tags = self.weights.tags();
        let mut tagged = decode_doc(domain, sentences, gazetteer, tags, None, self.beam, &mut score);
        if self.two_pass {
            let hints = Hints::new(sentences, tagged, tags);
            tagged = decode_doc(domain, sentences, gazetteer, tags, Some(&hints), self.beam, &mut score);
        }
        let mut found: Vec<Vec<(usize, usize, usize)>> = tagged.iter().map(|tags| bilou::spans(tags)).collect();
        // One name, one type within a document: a name tagged with several types takes the
        // one most of its occurrences have (ties stay as tagged).
        let mut votes: HashMap<Vec<&str>, [u32; 16]> = HashMap::new();
        for (sentence, spans) in sentences.iter().zip(&found) {
            for &(a, b, l) in spans {
                votes.entry(sentence[a..b].to_vec()).or_default()[l.min(15)] += 1;
            }
        }
        for (sentence, spans) in sentences.iter().zip(found.iter_mut()) {
            for (a, b, l) in spans.iter_mut() {
                let v = &votes[&sentence[*a..*b]];
                let best = (0..16).max_by_key(|&k| (v[k], k == *l)).expect("16 labels");
                if v[best] > v[*l] {
                    *l = best;
                }
            }
        }
        found
    }

    /// The gzip'd model file: the magic bytes, the labels and domains (a count, then each with
    /// its length), for a two-pass or beam model the number of passes (1 or 2), for a beam
    /// model the beam width, then the weight rows ([`Weights::write`]). A greedy one-pass model
    /// keeps the first format, which has neither byte, and a greedy two-pass model the second,
    /// so older files read and write back as the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(if self.beam > 1 {
            MAGIC_BEAM
        } else if self.two_pass {
            MAGIC
        } else {
            MAGIC_ONE_PASS
        });
        raw.push(self.labels.len() as u8);
        for l in &self.labels {
            perceptron::push_name(&mut raw, l);
        }
        raw.push(self.domains.len() as u8);
        for d in &self.domains {
            perceptron::push_name(&mut raw, d);
        }
        if self.two_pass || self.beam > 1 {
            raw.push(if self.two_pass { 2 } else { 1 });
        }
        if self.beam > 1 {
            raw.push(self.beam as u8);
        }
        self.weights.write(&mut raw);
        perceptron::gzip(&raw)
    }

    /// Reads a model file written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let raw = perceptron::gunzip(bytes)?;
        let mut r = Reader::new(&raw);
        let magic = r.take(8)?;
        if magic != MAGIC && magic != MAGIC_ONE_PASS && magic != MAGIC_BEAM {
            return Err("not a corroborate NER model (bad magic)".into());
        }
        let n_labels = r.byte()? as usize;
        let labels = (0..n_labels).map(|_| r.name()).collect::<Result<Vec<_>, _>>()?;
        let n_domains = r.byte()? as usize;
        let domains = (0..n_domains).map(|_| r.name()).collect::<Result<Vec<_>, _>>()?;
        let two_pass = match if magic == MAGIC_ONE_PASS { 1 } else { r.byte()? } {
            1 => false,
            2 => true,
            n => return Err(format!("a model of {n} passes (1 or 2 are known)")),
        };
        let beam = if magic == MAGIC_BEAM { r.byte()? as usize } else { 1 };
        if beam < 2 && magic == MAGIC_BEAM {
            return Err(format!("a beam model of width {beam}"));
        }
        let weights = Weights::read(&mut r, bilou::tag_count(n_labels))?;
        r.finish()?;
        Ok(Model { labels, domains, two_pass, beam, weights })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    fn toy_docs() -> Vec<Doc> {
        let make = |words: &str, ents: Vec<(usize, usize, &str)>| super::super::conll::Sentence {
            tokens: words.split(' ').map(String::from).collect(),
            entities: ents.into_iter().map(|(a, b, l)| (a, b, l.to_string())).collect(),
        };
        (0..30)
            .map(|i| {
                vec![
                    make("Anna Berg visited Oslo on Monday .", vec![(0, 2, "PER"), (3, 4, "LOC")]),
                    make(&format!("The Nordic Bank lent {i} crowns to Karl ."), vec![(1, 3, "ORG"), (7, 8, "PER")]),
                ]
            })
            .collect()
    }

    #[test]
    fn a_beam_finds_the_best_sequence_a_greedy_choice_misses() {
        // One label (tags O, B, I, L, U). The first token alone prefers U (2) over B (1.5), but
        // the second strongly prefers L (5), which may only follow B: greedily U then nothing
        // (2), with a beam of two B then L (6.5).
        let info = |w: &str| TokenInfo {
            raw: w.into(),
            lower: w.to_lowercase(),
            shape: "Xxxx".into(),
            short_shape: "Xx".into(),
            doc_form: None,
            lower_seen: false,
            gazetteer: 0,
            clusters: None,
            glove: None,
        };
        let infos = [info("Anna"), info("Berg")];
        let mut t = Training::new(5);
        t.add(&[1000], 4, 2.0);
        t.add(&[1000], 1, 1.5);
        t.add(&[1001], 3, 5.0);
        let mut right = 0;
        let mut decode = |width: usize| beam_sentence(width, 0, 5, &infos, &[0, 0], &[1000, 1001], &[0, 1, 2], &mut Scorer::Learning(&mut t, &[], &mut right), None);
        assert_eq!(decode(1), vec![4, 0]);
        assert_eq!(decode(2), vec![1, 3]);
    }

    #[test]
    fn learns_a_toy_corpus_and_survives_a_round_trip_greedy_or_by_beam() {
        for width in [1, 4] {
            let model = train(&toy_docs(), &[], &[], &["PER", "ORG", "LOC"], 5, 0, width, &|s| vec![0; s.len()], |_, _, _| {});
            let sentences = vec!["Anna Berg visited Oslo on Monday .".split(' ').collect::<Vec<_>>()];
            let tagged = model.tag(0, &sentences, &[]);
            assert_eq!(tagged[0], vec![(0, 2, 0), (3, 4, 2)], "width {width}");
            let again = Model::from_bytes(&model.to_bytes()).unwrap();
            assert_eq!(again.beam, width);
            assert!(!again.two_pass);
            assert_eq!(again.tag(0, &sentences, &[]), tagged);
            assert_eq!(again.labels(), model.labels());
        }
    }

    #[test]
    fn a_two_pass_model_learns_from_jackknifed_hints_and_keeps_its_passes() {
        let model = train(&toy_docs(), &[], &[], &["PER", "ORG", "LOC"], 5, 3, 1, &|s| vec![0; s.len()], |_, _, _| {});
        assert!(model.two_pass);
        let sentences = vec!["Karl visited Oslo .".split(' ').collect::<Vec<_>>(), "Anna Berg visited Oslo on Monday .".split(' ').collect()];
        let tagged = model.tag(0, &sentences, &[]);
        assert_eq!(tagged[1], vec![(0, 2, 0), (3, 4, 2)]);
        let again = Model::from_bytes(&model.to_bytes()).unwrap();
        assert!(again.two_pass);
        assert_eq!(again.tag(0, &sentences, &[]), tagged);
    }

    #[test]
    fn hints_count_a_words_other_capitalised_occurrences() {
        let sentences = vec!["Karl met Berg .".split(' ').collect::<Vec<_>>(), "Berg left , berg said .".split(' ').collect()];
        let tags = vec![vec![4, 0, 4, 0], vec![0, 0, 0, 0, 0, 0]];
        let hints = Hints::new(&sentences, tags, 5);
        let context = DocContext::new(&sentences);
        let (infos, _) = context.infos(&sentences[1], &[]);
        let mut buf = vec![0u16; 5];
        // "Berg" at the start of the second sentence: the other capitalised "Berg" was a unit
        // (tag 4); its own tag is left out, and the lower-case "berg" is not counted.
        assert_eq!(hints.others(&infos, 1, 0, &mut buf), Some(&[0u16, 0, 0, 0, 1][..]));
        assert_eq!(hints.others(&infos, 1, 3, &mut buf), None);
    }

    #[test]
    fn bad_model_files_are_refused() {
        assert!(Model::from_bytes(b"nonsense").is_err());
        let model = train(&toy_docs()[..2], &[1, 1], &["toy"], &["PER"], 1, 0, 1, &|s| vec![0; s.len()], |_, _, _| {});
        let bytes = model.to_bytes();
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut raw).unwrap();
        raw.truncate(raw.len() - 2);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&raw).unwrap();
        assert!(Model::from_bytes(&gz.finish().unwrap()).err().unwrap().contains("truncated"));
    }
}
