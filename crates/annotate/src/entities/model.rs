//! The tagger: an averaged perceptron over hashed features, decoding greedily left to right
//! with BILOU tags (`B`egin, `I`nside, `L`ast, `U`nit, plus `O`) and only valid transitions.
//!
//! Training ([`train`]) reads tagged documents; the model file ([`Model::to_bytes`]) is gzip'd
//! and holds the label names, a scale, and for each feature hash its non-zero weights as 16-bit
//! integers.

use super::conll::Doc;
use super::features::{shapes, token_features, TokenInfo};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};

const MAGIC: &[u8; 8] = b"CRBNER02";

/// Passes an already-hashed `u32` key through, with one multiply to spread it.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

/// Tag `t`: 0 is `O`; `1 + 4 * label + {0: B, 1: I, 2: L, 3: U}`.
fn tag_count(labels: usize) -> usize {
    1 + 4 * labels
}

fn part(tag: usize) -> usize {
    (tag - 1) % 4
}

fn label(tag: usize) -> usize {
    (tag - 1) / 4
}

/// Whether `tag` may follow `prev`.
fn valid(prev: usize, tag: usize) -> bool {
    let open = prev != 0 && part(prev) <= 1; // after B or I, the entity must go on
    if open {
        tag != 0 && part(tag) >= 1 && part(tag) <= 2 && label(tag) == label(prev)
    } else {
        tag == 0 || part(tag) == 0 || part(tag) == 3
    }
}

/// Whether `tag` may end a sentence.
fn valid_last(tag: usize) -> bool {
    tag == 0 || part(tag) >= 2
}

/// BILOU tags for gold entity spans.
fn bilou(n: usize, entities: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut tags = vec![0; n];
    for &(s, e, l) in entities {
        if e == s + 1 {
            tags[s] = 1 + 4 * l + 3;
        } else {
            tags[s] = 1 + 4 * l;
            for t in tags.iter_mut().take(e - 1).skip(s + 1) {
                *t = 1 + 4 * l + 1;
            }
            tags[e - 1] = 1 + 4 * l + 2;
        }
    }
    tags
}

/// Entity spans `(start, end, label)` from BILOU tags.
fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &t) in tags.iter().enumerate() {
        if t == 0 {
            start = None;
            continue;
        }
        match part(t) {
            0 => start = Some(i),
            3 => out.push((i, i + 1, label(t))),
            2 => {
                if let Some(s) = start.take() {
                    out.push((s, i + 1, label(t)));
                }
            }
            _ => {}
        }
    }
    out
}

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
                let t = &normal_form(t);
                let lower = t.to_lowercase();
                let (shape, short_shape) = shapes(t);
                let capitalised = t.chars().next().is_some_and(char::is_uppercase);
                TokenInfo {
                    clusters: super::lexicon::clusters(&lower),
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

/// The form features see: typographic quotes and dashes as CoNLL writes them (`"`, `'`, `-`),
/// and title abbreviations with their period (`Mr` → `Mr.`).
fn normal_form(token: &str) -> std::borrow::Cow<'_, str> {
    match token {
        "“" | "”" | "„" | "«" | "»" | "″" | "‟" => "\"".into(),
        "‘" | "’" | "‚" | "′" | "‛" | "`" => "'".into(),
        "–" | "—" | "‒" | "―" => "-".into(),
        "…" => "...".into(),
        "Mr" | "Mrs" | "Ms" | "Dr" | "Gen" | "Lt" | "Col" | "Prof" | "Sgt" | "Capt" | "Maj" | "St" | "Jr" => format!("{token}.").into(),
        _ if token.contains(['’', '‘']) => token.replace(['’', '‘'], "'").into(),
        _ => token.into(),
    }
}

/// Weights being trained, with the sums for averaging.
struct Training {
    tags: usize,
    index: KeyMap<usize>,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    now: u32,
}

impl Training {
    fn row(&mut self, key: u32) -> usize {
        let n = self.index.len();
        let tags = self.tags;
        let row = *self.index.entry(key).or_insert(n);
        if row == n {
            self.weights.resize((n + 1) * tags, 0.0);
            self.totals.resize((n + 1) * tags, 0.0);
            self.stamps.resize((n + 1) * tags, 0);
        }
        row
    }

    fn scores(&self, features: &[u32], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(&row) = self.index.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.weights[row * self.tags..(row + 1) * self.tags]) {
                    *s += w;
                }
            }
        }
    }

    fn update(&mut self, features: &[u32], truth: usize, guess: usize) {
        for &f in features {
            let row = self.row(f);
            for (tag, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let k = row * self.tags + tag;
                self.totals[k] += (self.now - self.stamps[k]) as f64 * self.weights[k] as f64;
                self.stamps[k] = self.now;
                self.weights[k] += delta;
            }
        }
    }
}

/// A trained model, ready to tag.
pub struct Model {
    labels: Vec<String>,
    /// Domains the model has specific weights for (`1 + index` is the domain's id).
    domains: Vec<String>,
    tags: usize,
    index: KeyMap<u32>,
    /// `tags` weights per row, scaled by `scale`.
    weights: Vec<i16>,
}

/// Picks the best valid tag.
fn best(scores: &[f32], prev: usize, last: bool) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (t, &s) in scores.iter().enumerate() {
        if s > best_score && valid(prev, t) && (!last || valid_last(t)) {
            best = t;
            best_score = s;
        }
    }
    best
}

/// History code for a tag: label + 1 of an entity tag, else 0.
fn history_of(tag: usize) -> u8 {
    if tag == 0 {
        0
    } else {
        label(tag) as u8 + 1
    }
}

/// Tags one document with a scoring function; shared by training and tagging.
fn decode_doc(
    domain: u8,
    sentences: &[Vec<&str>],
    gazetteer: &[Vec<u16>],
    tags: usize,
    score: &mut dyn FnMut(&[u32], &mut [f32]),
    mut learn: Option<&mut dyn FnMut(&[u32], usize, usize, usize) -> usize>,
) -> Vec<Vec<usize>> {
    let context = DocContext::new(sentences);
    // Per lower-case word, how often it was tagged with each label (capitalised uses only).
    let mut history: HashMap<String, [u16; 8]> = HashMap::new();
    let mut features = Vec::with_capacity(64);
    let mut scores = vec![0.0f32; tags];
    let mut out = Vec::with_capacity(sentences.len());
    for (si, sentence) in sentences.iter().enumerate() {
        let (infos, caps) = context.infos(sentence, gazetteer.get(si).map_or(&[][..], |g| &g[..]));
        let mut tagged = Vec::with_capacity(sentence.len());
        let (mut prev, mut prev2) = (0usize, 0usize);
        for i in 0..infos.len() {
            let h = history.get(&infos[i].lower).map_or(0, |counts| {
                let (best, &n) = counts.iter().enumerate().max_by_key(|&(l, &n)| (n, std::cmp::Reverse(l))).expect("8 labels");
                if n == 0 {
                    0
                } else {
                    best as u8 + 1
                }
            });
            token_features(&infos, i, prev as u8, prev2 as u8, h, caps, &mut features);
            if domain != 0 {
                // Domain-specific copies of every feature beside the shared ones ("frustratingly
                // easy" domain adaptation): the model learns what holds everywhere and what only
                // holds in one source's conventions.
                let salt = (domain as u32).wrapping_mul(0x85EB_CA77);
                for k in 0..features.len() {
                    features.push(features[k].wrapping_mul(0x9E37_79B1) ^ salt);
                }
            }
            score(&features, &mut scores);
            let mut tag = best(&scores, prev, i + 1 == infos.len());
            if let Some(learn) = learn.as_mut() {
                tag = learn(&features, tag, si, i);
            }
            tagged.push(tag);
            prev2 = prev;
            prev = tag;
        }
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

/// Trains a model on `docs` for `epochs` passes, visiting documents in a seeded shuffled order.
/// `gazetteer` gives the per-token gazetteer flags of a sentence.
/// `domains[d]` is the domain of document `d`: 0 for none, else `k` for `domain_names[k - 1]`.
pub fn train(docs: &[Doc], domains: &[u8], domain_names: &[&str], labels: &[&str], epochs: usize, gazetteer: &dyn Fn(&[&str]) -> Vec<u16>, mut progress: impl FnMut(usize, f64)) -> Model {
    let tags = tag_count(labels.len());
    let label_of: HashMap<&str, usize> = labels.iter().enumerate().map(|(i, l)| (*l, i)).collect();
    let prepared: Vec<(Vec<Vec<&str>>, Vec<Vec<u16>>, Vec<Vec<usize>>)> = docs
        .iter()
        .map(|doc| {
            let sentences: Vec<Vec<&str>> = doc.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
            let gaz = sentences.iter().map(|s| gazetteer(s)).collect();
            let gold = doc
                .iter()
                .map(|s| {
                    let ents: Vec<_> = s.entities.iter().filter_map(|(a, b, l)| label_of.get(l.as_str()).map(|&l| (*a, *b, l))).collect();
                    bilou(s.tokens.len(), &ents)
                })
                .collect();
            (sentences, gaz, gold)
        })
        .collect();
    let mut t = Training { tags, index: KeyMap::default(), weights: Vec::new(), totals: Vec::new(), stamps: Vec::new(), now: 0 };
    let mut order: Vec<usize> = (0..prepared.len()).collect();
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
            let t_cell = std::cell::RefCell::new(&mut t);
            let mut score = |f: &[u32], s: &mut [f32]| t_cell.borrow().scores(f, s);
            let mut learn = |f: &[u32], guess: usize, si: usize, i: usize| {
                let truth = gold[si][i];
                let mut t = t_cell.borrow_mut();
                t.now += 1;
                total += 1;
                if guess == truth {
                    right += 1;
                } else {
                    t.update(f, truth, guess);
                }
                guess
            };
            // Every other visit a document is read without its domain, so that the shared
            // weights alone are a whole model too (they are what unseen text gets).
            let domain = if (epoch + d) % 2 == 0 { domains.get(d).copied().unwrap_or(0) } else { 0 };
            decode_doc(domain, sentences, gaz, tags, &mut score, Some(&mut learn));
        }
        progress(epoch + 1, right as f64 / total.max(1) as f64);
    }
    let mut model = average(t, labels);
    model.domains = domain_names.iter().map(|d| d.to_string()).collect();
    model
}

/// Averages the weights and quantises them to 16 bits, dropping features whose weights all
/// round to zero.
fn average(mut t: Training, labels: &[&str]) -> Model {
    let tags = t.tags;
    let now = t.now.max(1);
    for k in 0..t.weights.len() {
        t.totals[k] += (now - t.stamps[k]) as f64 * t.weights[k] as f64;
        t.weights[k] = (t.totals[k] / now as f64) as f32;
    }
    let max = t.weights.iter().fold(0.0f32, |m, w| m.max(w.abs())).max(1e-9);
    if std::env::var_os("NER_DEBUG").is_some() {
        let nz = t.weights.iter().filter(|w| w.abs() > 0.0).count();
        eprintln!("trained rows {}, nonzero weights {nz}, max {max}", t.index.len());
    }
    let scale = 32_000.0 / max;
    let mut keys: Vec<(u32, usize)> = t.index.iter().map(|(&k, &r)| (k, r)).collect();
    keys.sort_unstable();
    let mut index = KeyMap::default();
    let mut weights = Vec::new();
    for (key, row) in keys {
        let q: Vec<i16> = t.weights[row * tags..(row + 1) * tags].iter().map(|w| (w * scale).round() as i16).collect();
        if q.iter().any(|&w| w != 0) {
            index.insert(key, (weights.len() / tags) as u32);
            weights.extend(q);
        }
    }
    Model { labels: labels.iter().map(|l| l.to_string()).collect(), domains: Vec::new(), tags, index, weights }
}

impl Model {
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Number of features with a weight.
    pub fn features(&self) -> usize {
        self.index.len()
    }

    fn scores(&self, features: &[u32], scores: &mut [f32]) {
        let mut acc = [0i32; 64];
        let acc = &mut acc[..self.tags];
        for f in features {
            if let Some(&row) = self.index.get(f) {
                let row = row as usize * self.tags;
                for (a, &w) in acc.iter_mut().zip(&self.weights[row..row + self.tags]) {
                    *a += w as i32;
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(acc.iter()) {
            *s = *a as f32;
        }
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
        let mut score = |f: &[u32], s: &mut [f32]| self.scores(f, s);
        let mut found: Vec<Vec<(usize, usize, usize)>> =
            decode_doc(domain, sentences, gazetteer, self.tags, &mut score, None).iter().map(|tags| spans(tags)).collect();
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

    /// The gzip'd model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.push(self.labels.len() as u8);
        for l in &self.labels {
            raw.push(l.len() as u8);
            raw.extend_from_slice(l.as_bytes());
        }
        raw.push(self.domains.len() as u8);
        for d in &self.domains {
            raw.push(d.len() as u8);
            raw.extend_from_slice(d.as_bytes());
        }
        let mut rows: Vec<(u32, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        rows.sort_unstable();
        raw.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (key, row) in rows {
            raw.extend_from_slice(&key.to_le_bytes());
            let w = &self.weights[row as usize * self.tags..(row as usize + 1) * self.tags];
            let nonzero: Vec<(usize, i16)> = w.iter().copied().enumerate().filter(|&(_, w)| w != 0).collect();
            raw.push(nonzero.len() as u8);
            for (tag, w) in nonzero {
                raw.push(tag as u8);
                raw.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&raw).expect("writing to memory");
        gz.finish().expect("writing to memory")
    }

    /// Reads a model file written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut raw).map_err(|e| format!("not a gzip'd model file: {e}"))?;
        let mut r = Reader { raw: &raw, at: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a corroborate NER model (bad magic)".into());
        }
        let n_labels = r.take(1)?[0] as usize;
        let mut labels = Vec::new();
        for _ in 0..n_labels {
            let len = r.take(1)?[0] as usize;
            labels.push(String::from_utf8(r.take(len)?.to_vec()).map_err(|_| "label is not UTF-8")?);
        }
        let n_domains = r.take(1)?[0] as usize;
        let mut domains = Vec::new();
        for _ in 0..n_domains {
            let len = r.take(1)?[0] as usize;
            domains.push(String::from_utf8(r.take(len)?.to_vec()).map_err(|_| "domain name is not UTF-8")?);
        }
        let tags = tag_count(n_labels);
        if tags > 64 {
            return Err("too many labels".into());
        }
        let n_rows = u32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes")) as usize;
        let mut index = KeyMap::with_capacity_and_hasher(n_rows, Default::default());
        let mut weights = vec![0i16; n_rows * tags];
        for row in 0..n_rows {
            let key = u32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes"));
            let count = r.take(1)?[0] as usize;
            for _ in 0..count {
                let e = r.take(3)?;
                let tag = e[0] as usize;
                if tag >= tags {
                    return Err("weight for an unknown tag".into());
                }
                weights[row * tags + tag] = i16::from_le_bytes([e[1], e[2]]);
            }
            index.insert(key, row as u32);
        }
        if r.at != raw.len() {
            return Err("trailing bytes after the model".into());
        }
        Ok(Model { labels, domains, tags, index, weights })
    }
}

struct Reader<'a> {
    raw: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let out = self.raw.get(self.at..self.at + n).ok_or("the model file is truncated")?;
        self.at += n;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trips_and_transitions_hold() {
        let ents = vec![(0, 1, 0), (2, 5, 1), (5, 7, 1)];
        let tags = bilou(8, &ents);
        assert_eq!(spans(&tags), ents);
        let mut prev = 0;
        for &t in &tags {
            assert!(valid(prev, t), "{prev} -> {t}");
            prev = t;
        }
        assert!(valid_last(prev));
        assert!(!valid(1, 0)); // B-PER then O
        assert!(!valid(0, 2)); // O then I-PER
        assert!(!valid(1, 6)); // B-PER then I-ORG
    }

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
    fn learns_a_toy_corpus_and_survives_a_round_trip() {
        let model = train(&toy_docs(), &[], &[], &["PER", "ORG", "LOC"], 5, &|s| vec![0; s.len()], |_, _| {});
        let sentences = vec!["Anna Berg visited Oslo on Monday .".split(' ').collect::<Vec<_>>()];
        let tagged = model.tag(0, &sentences, &[]);
        assert_eq!(tagged[0], vec![(0, 2, 0), (3, 4, 2)]);
        let again = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(again.tag(0, &sentences, &[]), tagged);
        assert_eq!(again.labels(), model.labels());
    }

    #[test]
    fn bad_model_files_are_refused() {
        assert!(Model::from_bytes(b"nonsense").is_err());
        let model = train(&toy_docs()[..2], &[1, 1], &["toy"], &["PER"], 1, &|s| vec![0; s.len()], |_, _| {});
        let bytes = model.to_bytes();
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut raw).unwrap();
        raw.truncate(raw.len() - 2);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&raw).unwrap();
        assert!(Model::from_bytes(&gz.finish().unwrap()).err().unwrap().contains("truncated"));
    }
}
