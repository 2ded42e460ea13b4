//! The story index: tf-idf vectors over names, words, figures, entities and places; candidate
//! generation through an inverted index blocked by event week; edges between documents whose
//! similarity, discounted by the gap between their event dates, passes a floor; and stories by
//! average linkage over those edges ([`crate::linkage`]).
//!
//! Why not "join the nearest story's centroid": that depends on the order documents arrive in.
//! Here a pair is compared iff the two share one of their `candidate_terms` best terms and
//! their event weeks are close (a symmetric condition), so with fixed document frequencies
//! ([`StoryIndex::frozen`], what batch clustering uses) the edges, and hence the stories, are
//! the same for every input order. A new document joins the story its edges lead to, or starts
//! one; a story is re-formed from its own edges only, so an arrival changes nothing elsewhere.
//! With running document frequencies ([`StoryIndex::streaming`]) a pair's similarity uses the
//! frequencies at the later document's arrival: that, and nothing else, can make the result
//! depend on order.

use crate::features::{Day, DocumentFeatures};
use rustc_hash::FxHashMap as HashMap;

/// The knobs of story clustering. The defaults were chosen on the tuning halves of BASIL,
/// AllSides and ECB+ (see the crate docs).
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Two groups of documents merge while the average pair score (the similarity of
    /// [`Params::headline_share`] × date factor) over all their cross pairs (0 where no edge) is
    /// at least this.
    pub story_threshold: f32,
    /// Pairs below this score are not kept as edges.
    pub edge_floor: f32,
    /// Related stories (a thread) need the mean cosine of the word vectors of their documents'
    /// pairs at least this (average linkage over stories kept whole).
    pub thread_threshold: f32,
    /// Event dates this many days apart or closer are not discounted.
    pub date_tolerance_days: i32,
    /// Beyond the tolerance the date factor is `exp(-(gap - tolerance) / decay)`.
    pub date_decay_days: f32,
    /// A publication date standing in for the event date covers this many days before it.
    pub publication_slack_days: i32,
    /// Terms a document is indexed under (its best by weight).
    pub candidate_terms: usize,
    /// Terms kept in a document's vector.
    pub vector_terms: usize,
    /// Terms in more than this share of documents are not used to find candidates
    /// (they still count in the similarity).
    pub max_df_share: f32,
    /// Documents assumed to exist besides the batch, in which no term occurs: keeps a term
    /// shared by most of a small batch from looking as common as a function word (the idf of
    /// a term is `ln((n + prior + 1) / (df + 1)) + 1`).
    pub idf_prior_docs: f32,
    pub name_weight: f32,
    pub entity_weight: f32,
    pub place_weight: f32,
    /// Weight of a figure ("412000", "928 billion") against a word.
    pub figure_weight: f32,
    /// Share of the headlines' similarity in the similarity of two documents that both have
    /// one: `(1 − share) × cosine + share × headline cosine` (tf-idf over the headlines'
    /// content words). A headline says in a few words what the report is about, however long
    /// or short the text under it; where either has none the similarity is the cosine alone.
    pub headline_share: f32,
    /// Factor on the similarity of two reports that each name one day of the week, a
    /// different one, unless both are dated from their texts (their dates already say it).
    pub weekday_mismatch: f32,
    /// No story holds two dated reports whose main event days are further apart than this
    /// (a publication date standing in for the event covers [`Params::publication_slack_days`]
    /// before it; reports that cannot be dated, or whose dates are only lower bounds, are
    /// free, and so are the two sides of a forced link). The date factor discounts the pair of
    /// dated reports; without this cap, undated reports of one running topic like both would
    /// still bridge them.
    pub story_date_spread_days: i32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            story_threshold: 0.20,
            edge_floor: 0.10,
            thread_threshold: 0.05,
            date_tolerance_days: 3,
            date_decay_days: 7.0,
            publication_slack_days: 3,
            candidate_terms: 24,
            vector_terms: 64,
            max_df_share: 0.05,
            idf_prior_docs: 1000.0,
            name_weight: 1.5,
            entity_weight: 0.7,
            place_weight: 0.7,
            figure_weight: 3.0,
            weekday_mismatch: 0.5,
            headline_share: 0.25,
            story_date_spread_days: 7,
        }
    }
}

impl Params {
    /// The factor by which a gap of `gap` days between event dates discounts a similarity.
    pub fn date_factor(&self, gap: Option<i32>) -> f32 {
        match gap {
            Some(g) if g > self.date_tolerance_days => {
                (-((g - self.date_tolerance_days) as f32) / self.date_decay_days).exp()
            }
            _ => 1.0,
        }
    }

    /// The similarity of two documents: their cosine, blended with their headlines' cosine
    /// where both have a headline ([`Params::headline_share`]).
    pub fn similarity(&self, cosine: f32, headline: Option<f32>) -> f32 {
        match headline {
            Some(h) => (1.0 - self.headline_share) * cosine + self.headline_share * h,
            None => cosine,
        }
    }

    /// The largest gap at which an identical pair still makes an edge.
    fn max_gap_days(&self) -> i32 {
        let t = self.edge_floor.clamp(1e-2, 1.0);
        self.date_tolerance_days + (self.date_decay_days * (1.0 / t).ln()).ceil() as i32
    }
}

/// What kind of feature a term is (its weight and whether it is a "word" for threads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Name,
    Entity,
    Place,
    Figure,
}

/// One term of a vector: interned id and weight.
pub(crate) type Weighted = (u32, f32);

/// Interned term strings with their kinds and document frequencies.
///
/// Terms are looked up by a 64-bit hash of kind and text, not by the text: at a million
/// documents the vocabulary holds millions of terms, and a lookup that compares strings costs a
/// second cache miss (the boxed text) on every hit; the text is kept once, in `terms`. Two
/// different terms with the same 64-bit hash would share an id: at ten million terms the
/// chance of that is about one in 400,000 per run, and it would only blur one term.
#[derive(Default)]
pub(crate) struct Vocabulary {
    ids: TermTable,
    /// Each term's text, by id (for titles and key terms).
    terms: Vec<Box<str>>,
    /// Each term's kind, by id: kept apart from the texts so that the hot path reads a packed
    /// array.
    kinds: Vec<Kind>,
    pub(crate) df: Vec<u32>,
}

/// FNV-1a over bytes: document keys, and term keys before [`mix`].
pub(crate) use corroborate_annotate::fnv1a;

/// splitmix64's finaliser: every bit of `x` moves every bit of the result (a bijection).
pub(crate) fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The vocabulary's key for a term: FNV-1a over the kind and the bytes, then [`mix`] so that
/// the table sees well-mixed bits. Never 0 (the table's empty slot).
fn term_key(kind: Kind, term: &str) -> u64 {
    mix(fnv1a(std::iter::once(kind as u8).chain(term.bytes()))).max(1)
}

/// Term key → id: open addressing with linear probing over a power-of-two array, at most
/// three quarters full. Why not a `HashMap`: a document's terms are looked up together, and
/// at a million documents nearly every lookup misses the cache; [`TermTable::touch`] reads the
/// home slots of all of them first, so those misses overlap instead of coming one at a time.
#[derive(Default)]
struct TermTable {
    /// (key, id); key 0 is an empty slot.
    slots: Vec<(u64, u32)>,
    len: usize,
}

impl TermTable {
    fn home(&self, key: u64) -> usize {
        // The high bits: `term_key` mixes them as well as the low ones.
        (key >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    /// Reads the home slot of every key, so that the probes after it find them in cache.
    fn touch(&self, keys: &[u64]) {
        if self.slots.is_empty() {
            return;
        }
        let mut seen = 0u64;
        for &k in keys {
            seen ^= self.slots[self.home(k)].0;
        }
        std::hint::black_box(seen);
    }

    /// The id of `key`, or `new` (which is then stored) if it has none.
    fn get_or_insert(&mut self, key: u64, new: u32) -> u32 {
        *self.entry(key, new)
    }

    /// The value of `key`, stored as `new` first if it has none.
    fn entry(&mut self, key: u64, new: u32) -> &mut u32 {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let k = self.slots[i].0;
            if k == key {
                break;
            }
            if k == 0 {
                self.slots[i] = (key, new);
                self.len += 1;
                break;
            }
            i = (i + 1) & mask;
        }
        &mut self.slots[i].1
    }

    fn get(&self, key: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
        let mask = size - 1;
        for (k, id) in old.into_iter().filter(|&(k, _)| k != 0) {
            let mut i = self.home(k);
            while self.slots[i].0 != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = (k, id);
        }
    }
}

impl Vocabulary {
    /// Interns the terms of one document, each with its count.
    fn intern_all(&mut self, terms: &[(Kind, &str, u32)]) -> Vec<(u32, u32)> {
        let keys: Vec<u64> = terms.iter().map(|&(k, t, _)| term_key(k, t)).collect();
        self.ids.touch(&keys);
        keys.iter()
            .zip(terms)
            .map(|(&key, &(kind, term, n))| {
                let next = self.terms.len() as u32;
                let id = self.ids.get_or_insert(key, next);
                if id == next {
                    self.terms.push(term.into());
                    self.kinds.push(kind);
                    self.df.push(0);
                }
                (id, n)
            })
            .collect()
    }

    pub(crate) fn text(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    pub(crate) fn kind(&self, id: u32) -> Kind {
        self.kinds[id as usize]
    }
}

/// A document as the index keeps it.
pub(crate) struct IndexedDoc {
    /// L2-normalised, sorted by term id.
    pub(crate) vector: Box<[Weighted]>,
    /// The word (not name) part, L2-normalised, sorted by term id: for threads.
    pub(crate) words: Box<[Weighted]>,
    /// The headline's content words (idf, L2-normalised, sorted by term id); empty without one.
    pub(crate) headline: Box<[Weighted]>,
    /// Event days; empty when undated.
    pub(crate) days: Box<[i32]>,
    /// The days are the publication date only.
    pub(crate) weak_date: bool,
    /// The event may be up to this many days after each of `days` (undated reports).
    pub(crate) after: i32,
    /// Bit `d` set: the text names weekday `d` (1 Monday … 7 Sunday).
    pub(crate) weekdays: u8,
    /// The days the main event falls in (earliest, latest), for reports dated from their text
    /// or by publication; `None` for the others ([`Params::story_date_spread_days`]).
    pub(crate) main_days: Option<(i32, i32)>,
}

/// Why a document is in its story: its strongest edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    pub to: usize,
    /// Cosine of the two documents' vectors.
    pub cosine: f32,
    /// Cosine of their headlines' vectors, when both have a headline.
    pub headline: Option<f32>,
    /// Smallest gap between their event dates, in days (`None`: one is undated).
    pub date_gap_days: Option<i32>,
    /// The similarity (`cosine`, blended with `headline` by [`Params::headline_share`]) × date
    /// factor (× [`Params::weekday_mismatch`] where it applies), or 1 for a forced
    /// (near-duplicate) edge.
    pub score: f32,
    /// Forced by a near-duplicate or reprint, not by similarity.
    pub forced: bool,
}

/// Posting lists: key → the documents indexed under it, newest first, as chains through one
/// shared arena. Most lists hold one to three documents; a `Vec` for each would cost an
/// allocation and 24 bytes of header per key (tens of millions of keys at a million
/// documents), where a chain costs 8 bytes a posting and a slot of the table a key. Keys are
/// [`posting_key`]s.
#[derive(Default)]
struct Postings {
    heads: TermTable,
    /// (document, next node or `NONE`).
    nodes: Vec<(u32, u32)>,
}

/// The key of a posting list: a term, or a term in a week. A bijection of the pair (splitmix64
/// of the packed bits), so two pairs never share a list.
fn posting_key(term: u32, week: i32) -> u64 {
    // 0 marks an empty slot; the one pair that mixes to it shares the list of the pair that
    // mixes to 1 (both would have to occur, among 2^64).
    mix(((term as u64) << 32 | week as u32 as u64) ^ 0x5851_f42d_4c95_7f2d).max(1)
}

impl Postings {
    const NONE: u32 = u32::MAX;

    /// Adds `doc` under `key`, unless it is already the newest there.
    fn push(&mut self, key: u64, doc: u32) {
        let next = self.nodes.len() as u32;
        let head = self.heads.entry(key, Self::NONE);
        if *head != Self::NONE && self.nodes[*head as usize].0 == doc {
            return;
        }
        self.nodes.push((doc, *head));
        *head = next;
    }

    /// Reads the home slots of `keys` (see [`TermTable::touch`]).
    fn touch(&self, keys: &[u64]) {
        self.heads.touch(keys);
    }

    /// The documents under `key`, newest first.
    fn get(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let mut at = self.heads.get(key).unwrap_or(Self::NONE);
        std::iter::from_fn(move || {
            (at != Self::NONE).then(|| {
                let (doc, next) = self.nodes[at as usize];
                at = next;
                doc
            })
        })
    }
}

/// The index. Insert documents one at a time; read the stories at any point.
pub struct StoryIndex {
    pub(crate) params: Params,
    pub(crate) vocab: Vocabulary,
    frozen: bool,
    /// Documents counted into `df` (all of them when frozen).
    counted: usize,
    pub(crate) docs: Vec<IndexedDoc>,
    /// (term, week) → documents, for dated documents.
    dated: Postings,
    /// term → undated documents.
    undated: Postings,
    /// term → every document: what undated documents search.
    all: Postings,
    /// Edges at or above the floor, each pair once.
    pub(crate) edges: Vec<(u32, u32, Edge)>,
    /// Document keys (a hash of the id) for order-free tie-breaking.
    pub(crate) keys: Vec<u64>,
    /// Pairs compared so far (for the benchmark's account of the work done).
    pub comparisons: u64,
}

/// The term strings of one document, interned, with raw counts.
fn raw_terms(vocab: &mut Vocabulary, f: &DocumentFeatures) -> Vec<(u32, u32)> {
    let mut terms: Vec<(Kind, &str, u32)> = Vec::with_capacity(
        f.names.len() + f.words.len() + f.entities.len() + f.places.len() + f.figures.len(),
    );
    terms.extend(f.words.iter().map(|(w, n)| (Kind::Word, w.as_str(), *n)));
    terms.extend(f.names.iter().map(|(w, n)| (Kind::Name, w.as_str(), *n)));
    terms.extend(f.entities.iter().map(|e| (Kind::Entity, e.as_str(), 1)));
    terms.extend(f.places.iter().map(|p| (Kind::Place, p.as_str(), 1)));
    terms.extend(f.figures.iter().map(|(w, n)| (Kind::Figure, w.as_str(), *n)));
    let mut out = vocab.intern_all(&terms);
    out.sort_unstable();
    out.dedup_by(|a, b| {
        if a.0 == b.0 {
            b.1 += a.1;
            true
        } else {
            false
        }
    });
    out
}

fn normalise(v: &mut [Weighted]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

/// Dot product of two sorted sparse vectors.
pub(crate) fn dot(a: &[Weighted], b: &[Weighted]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

impl StoryIndex {
    /// An index whose document frequencies are counted over `all` up front: clustering any
    /// permutation of `all` gives the same stories.
    pub fn frozen(params: Params, all: &[DocumentFeatures]) -> StoryIndex {
        let mut index = StoryIndex::streaming(params);
        for f in all {
            index.count(f);
        }
        index.freeze();
        index
    }

    /// Counts a document's terms into the document frequencies without inserting it: call it
    /// for every document, then [`StoryIndex::freeze`], then insert them (the same as
    /// [`StoryIndex::frozen`] without holding every document's features at once).
    pub fn count(&mut self, f: &DocumentFeatures) {
        for (t, _) in raw_terms(&mut self.vocab, f) {
            self.vocab.df[t as usize] += 1;
        }
        self.counted += 1;
    }

    /// Stops counting: from now on inserted documents do not change the frequencies.
    pub fn freeze(&mut self) {
        self.frozen = true;
    }

    /// An index for a stream: document frequencies grow as documents arrive.
    pub fn streaming(params: Params) -> StoryIndex {
        StoryIndex {
            params,
            vocab: Vocabulary::default(),
            frozen: false,
            counted: 0,
            docs: Vec::new(),
            dated: Postings::default(),
            undated: Postings::default(),
            all: Postings::default(),
            edges: Vec::new(),
            keys: Vec::new(),
            comparisons: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn idf(&self, term: u32) -> f32 {
        let n = self.counted.max(1) as f32 + self.params.idf_prior_docs;
        ((n + 1.0) / (self.vocab.df[term as usize] as f32 + 1.0)).ln() + 1.0
    }

    fn max_df(&self) -> u32 {
        ((self.counted as f32 * self.params.max_df_share).ceil() as u32).max(20)
    }

    /// Adds a document (its number is the order of insertion) and links it to the documents
    /// before it; returns the number of edges it made.
    pub fn insert(&mut self, f: &DocumentFeatures) -> usize {
        let raw = raw_terms(&mut self.vocab, f);
        if !self.frozen {
            for &(t, _) in &raw {
                self.vocab.df[t as usize] += 1;
            }
            self.counted += 1;
        }
        let p = &self.params;
        let mut weighted: Vec<Weighted> = raw
            .iter()
            .map(|&(t, n)| {
                let kind = match self.vocab.kind(t) {
                    Kind::Word => 1.0,
                    Kind::Name => p.name_weight,
                    Kind::Entity => p.entity_weight,
                    Kind::Place => p.place_weight,
                    Kind::Figure => p.figure_weight,
                };
                (t, (1.0 + (n as f32).ln()) * self.idf(t) * kind)
            })
            .collect();
        // Best terms first; ties by term id, so the choice does not depend on anything else.
        weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let max_df = self.max_df();
        let candidates: Vec<u32> = weighted
            .iter()
            .map(|&(t, _)| t)
            .filter(|&t| {
                let df = self.vocab.df[t as usize];
                df <= max_df && (df >= 2 || !self.frozen)
            })
            .take(p.candidate_terms)
            .collect();
        let mut words: Vec<Weighted> = weighted
            .iter()
            .filter(|(t, _)| self.vocab.kind(*t) == Kind::Word)
            .take(p.vector_terms / 2)
            .copied()
            .collect();
        weighted.truncate(p.vector_terms);
        weighted.sort_unstable_by_key(|&(t, _)| t);
        words.sort_unstable_by_key(|&(t, _)| t);
        normalise(&mut weighted);
        normalise(&mut words);
        let headline = self.headline_vector(f);
        let mut days: Vec<i32> = f.days().map(|d: Day| d.0).collect();
        days.sort_unstable();
        days.dedup();
        let doc = IndexedDoc {
            vector: weighted.into(),
            words: words.into(),
            headline: headline.into(),
            days: days.into(),
            weak_date: f.dated_by_publication_only(),
            after: f.event_window_after.max(0),
            weekdays: f.weekdays.iter().fold(0, |m, &d| m | (1u8 << (d & 7))),
            main_days: f
                .event_dates
                .first()
                .filter(|_| f.event_window_after == 0)
                .map(|e| {
                    let slack = if f.dated_by_publication_only() { p.publication_slack_days } else { 0 };
                    (e.day.0 - slack, e.day.0)
                }),
        };

        // Find candidates among the documents already in.
        let id = self.docs.len() as u32;
        let weeks = self.weeks(&doc);
        let mut seen: Vec<u32> = Vec::new();
        if weeks.is_empty() {
            let keys: Vec<u64> = candidates.iter().map(|&t| posting_key(t, 0)).collect();
            self.all.touch(&keys);
            for &k in &keys {
                seen.extend(self.all.get(k));
            }
        } else {
            let r = (self.params.max_gap_days() + self.params.publication_slack_days + 6) / 7;
            let mut keys: Vec<u64> = Vec::with_capacity(candidates.len() * (2 * r as usize + 1));
            for &t in &candidates {
                for &w in &weeks {
                    keys.extend((-r..=r).map(|dw| posting_key(t, w + dw)));
                }
            }
            let undated: Vec<u64> = candidates.iter().map(|&t| posting_key(t, 0)).collect();
            self.dated.touch(&keys);
            self.undated.touch(&undated);
            for &k in &keys {
                seen.extend(self.dated.get(k));
            }
            for &k in &undated {
                seen.extend(self.undated.get(k));
            }
        }
        seen.sort_unstable();
        seen.dedup();
        let mut found = 0;
        self.keys.push(key_of(&f.id));
        for &other in &seen {
            self.comparisons += 1;
            let o = &self.docs[other as usize];
            let cosine = dot(&doc.vector, &o.vector);
            let headline = self.headline_cosine(&doc, o);
            let gap = self.gap(&doc, o);
            let score = self.params.similarity(cosine, headline)
                * self.params.date_factor(gap)
                * self.weekday_factor(&doc, o);
            if score >= self.params.edge_floor {
                self.edges.push((
                    other,
                    id,
                    Edge {
                        to: other as usize,
                        cosine,
                        headline,
                        date_gap_days: gap,
                        score,
                        forced: false,
                    },
                ));
                found += 1;
            }
        }
        // Index it.
        for &t in &candidates {
            self.all.push(posting_key(t, 0), id);
            if weeks.is_empty() {
                self.undated.push(posting_key(t, 0), id);
            } else {
                for &w in &weeks {
                    self.dated.push(posting_key(t, w), id);
                }
            }
        }
        self.docs.push(doc);
        found
    }

    /// The weeks a document's event dates fall in (a publication date stands for the days up
    /// to it).
    fn weeks(&self, doc: &IndexedDoc) -> Vec<i32> {
        let slack = if doc.weak_date {
            self.params.publication_slack_days
        } else {
            0
        };
        let mut weeks: Vec<i32> = doc
            .days
            .iter()
            .flat_map(|&d| {
                ((d - slack).div_euclid(7)..=(d + doc.after).div_euclid(7)).collect::<Vec<_>>()
            })
            .collect();
        weeks.sort_unstable();
        weeks.dedup();
        weeks
    }

    /// A headline's vector: its content words that are terms of the document (they are: a
    /// headline's words count among the document's words), each weighted by its idf.
    fn headline_vector(&self, f: &DocumentFeatures) -> Vec<Weighted> {
        let Some(title) = f.title.as_deref() else {
            return Vec::new();
        };
        let mut v: Vec<Weighted> = crate::features::headline_words(title)
            .iter()
            .filter_map(|w| self.vocab.ids.get(term_key(Kind::Word, w)))
            .map(|t| (t, self.idf(t)))
            .collect();
        v.sort_unstable_by_key(|&(t, _)| t);
        v.dedup_by_key(|&mut (t, _)| t);
        normalise(&mut v);
        v
    }

    /// The cosine of two documents' headlines, when both have one.
    fn headline_cosine(&self, a: &IndexedDoc, b: &IndexedDoc) -> Option<f32> {
        (!a.headline.is_empty() && !b.headline.is_empty()).then(|| dot(&a.headline, &b.headline))
    }

    /// Smallest gap in days between two documents' event dates; a publication date covers the
    /// slack before it.
    fn gap(&self, a: &IndexedDoc, b: &IndexedDoc) -> Option<i32> {
        if a.days.is_empty() || b.days.is_empty() {
            return None;
        }
        let slack = self.params.publication_slack_days;
        let mut best = i32::MAX;
        for &x in a.days.iter() {
            for &y in b.days.iter() {
                let (lo_x, lo_y) = (
                    if a.weak_date { x - slack } else { x },
                    if b.weak_date { y - slack } else { y },
                );
                let (hi_x, hi_y) = (x + a.after, y + b.after);
                // Distance between the intervals [lo_x, hi_x] and [lo_y, hi_y].
                let g = if hi_x < lo_y {
                    lo_y - hi_x
                } else if hi_y < lo_x {
                    lo_x - hi_y
                } else {
                    0
                };
                best = best.min(g);
            }
        }
        Some(best)
    }

    /// [`Params::weekday_mismatch`] when two reports each name one weekday, not the same,
    /// and at least one of them is not dated from its text; else 1.
    fn weekday_factor(&self, a: &IndexedDoc, b: &IndexedDoc) -> f32 {
        let text_dated = |d: &IndexedDoc| !d.weak_date && !d.days.is_empty() && d.after == 0;
        if a.weekdays != b.weekdays
            && a.weekdays.count_ones() == 1
            && b.weekdays.count_ones() == 1
            && !(text_dated(a) && text_dated(b))
        {
            self.params.weekday_mismatch
        } else {
            1.0
        }
    }

    /// Puts two documents into one story (a near-duplicate, say), whatever their similarity.
    pub fn force_link(&mut self, a: usize, b: usize) {
        let cosine = dot(&self.docs[a].vector, &self.docs[b].vector);
        let headline = self.headline_cosine(&self.docs[a], &self.docs[b]);
        let gap = self.gap(&self.docs[a], &self.docs[b]);
        let (a, b) = (a.min(b), a.max(b));
        self.edges.push((
            a as u32,
            b as u32,
            Edge {
                to: a,
                cosine,
                headline,
                date_gap_days: gap,
                score: 1.0,
                forced: true,
            },
        ));
    }

    /// Documents grouped by story, each group in insertion order, groups by first document.
    pub fn groups(&self) -> Vec<Vec<usize>> {
        let weighted: Vec<(u32, u32, i64)> = self
            .edges
            .iter()
            .map(|&(a, b, e)| {
                (
                    a,
                    b,
                    (e.score as f64 * crate::linkage::SCALE).round() as i64,
                )
            })
            .collect();
        // A forced link holds whatever the dates say: its two sides take no part in the cap.
        let mut days: Vec<Option<(i32, i32)>> = self.docs.iter().map(|d| d.main_days).collect();
        for &(a, b, e) in &self.edges {
            if e.forced {
                days[a as usize] = None;
                days[b as usize] = None;
            }
        }
        let labels = crate::linkage::average_linkage(
            self.docs.len(),
            &weighted,
            self.params.story_threshold as f64,
            &self.keys,
            Some(crate::linkage::DateSpread {
                days: &days,
                max_days: self.params.story_date_spread_days,
            }),
        );
        let mut by_label: HashMap<u32, Vec<usize>> = HashMap::default();
        for (d, &l) in labels.iter().enumerate() {
            by_label.entry(l).or_default().push(d);
        }
        let mut groups: Vec<Vec<usize>> = by_label.into_values().collect();
        groups.sort_unstable_by_key(|g| g[0]);
        groups
    }
}

/// A document's tie-breaking key: a hash of its id (FNV-1a), the same whatever the input order.
fn key_of(id: &str) -> u64 {
    fnv1a(id.bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_factor_discounts_distant_events() {
        let p = Params::default();
        assert_eq!(p.date_factor(None), 1.0);
        assert_eq!(p.date_factor(Some(2)), 1.0);
        assert!(
            p.date_factor(Some(21)) < p.story_threshold,
            "three weeks apart cannot be one story"
        );
        assert!(p.max_gap_days() >= p.date_tolerance_days);
        assert!(p.date_factor(Some(p.max_gap_days() + 1)) < p.edge_floor);
    }

    #[test]
    fn postings_chain_newest_first_without_repeats() {
        let mut p = Postings::default();
        let (a, b) = (posting_key(7, 0), posting_key(7, 1));
        p.push(a, 1);
        p.push(a, 1);
        p.push(b, 2);
        p.push(a, 3);
        assert_eq!(p.get(a).collect::<Vec<_>>(), [3, 1]);
        assert_eq!(p.get(b).collect::<Vec<_>>(), [2]);
        assert_eq!(p.get(posting_key(8, 0)).count(), 0);
        assert_ne!(posting_key(1, 0), posting_key(0, 1));
        assert_ne!(posting_key(0, -1), posting_key(0, 0));
    }

    #[test]
    fn term_table_keeps_ids_through_growth() {
        let mut t = TermTable::default();
        for k in 1..5000u64 {
            let key = k.wrapping_mul(0x9e37_79b9_7f4a_7c15).max(1);
            assert_eq!(t.get_or_insert(key, k as u32), k as u32);
        }
        for k in 1..5000u64 {
            let key = k.wrapping_mul(0x9e37_79b9_7f4a_7c15).max(1);
            assert_eq!(t.get_or_insert(key, 0), k as u32, "key {k}");
        }
        assert_eq!(t.len, 4999);
        let mut v = Vocabulary::default();
        let a = v.intern_all(&[(Kind::Word, "siege", 2), (Kind::Name, "siege", 1)]);
        let b = v.intern_all(&[(Kind::Name, "siege", 4)]);
        assert_ne!(a[0].0, a[1].0, "one text, two kinds: two terms");
        assert_eq!(b[0].0, a[1].0);
        assert_eq!((v.kind(b[0].0), v.text(b[0].0)), (Kind::Name, "siege"));
    }

    #[test]
    fn dot_of_sparse_vectors() {
        assert_eq!(dot(&[(1, 0.5), (3, 1.0)], &[(2, 9.0), (3, 2.0)]), 2.0);
        assert_eq!(dot(&[], &[(2, 9.0)]), 0.0);
    }
}
