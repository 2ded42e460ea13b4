//! Near-duplicates and reprints: paragraphs shared between documents, found by shingle MinHash
//! with LSH banding and confirmed by exact shingle matching, which also gives the spans.
//!
//! Paragraphs, not whole documents, are the unit: a syndicated copy under another header shares
//! nearly all of its paragraphs, and an article that block-quotes another shares a few, whose
//! whole-document resemblance would be far too low to notice. The document-level verdict
//! ([`ReprintKind`]) comes from how much of each text the shared passages cover.
//!
//! Own code rather than the `gaoya` crate: we need the shingles' positions for the passages
//! anyway, a one-permutation MinHash is a few lines, and the sort-based banding below keeps
//! memory to a few words per paragraph at a million documents (measured: see the crate docs).

use corroborate_annotate::Span;
use std::borrow::Cow;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::index::mix;
use std::collections::BTreeMap;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Paragraphs with fewer words are not compared (datelines, captions, one-line boilerplate).
const MIN_WORDS: usize = 10;
/// LSH bands × rows = signature length. With 20 × 3 a paragraph pair with Jaccard 0.5 is a
/// candidate with probability 0.93, 0.3 with 0.42, 0.1 with 0.02.
const BANDS: usize = 20;
const ROWS: usize = 3;
/// A band bucket with more members than this is a hub: a wire story carried by many outlets,
/// or boilerplate many documents carry. Its members are paired with one representative (the
/// earliest) instead of with each other, so a bucket costs at most `HUB × HUB / 2` pairs and
/// a hub one pair per member: the candidate pairs grow linearly with the paragraphs, however
/// often a passage recurs.
const HUB: usize = 16;
/// Shared share of both texts that makes a pair near-duplicates (or of one: containment).
const NEAR_DUPLICATE: f32 = 0.8;

/// How two documents relate by their shared passages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReprintKind {
    /// Nearly all of each is in the other: the same article (under another URL or header).
    NearDuplicate,
    /// Nearly all of `b` is inside `a`: `a` reprints or quotes `b` whole (or the reverse, see
    /// [`Reprint::a_contains_b`]).
    Contains,
    /// Some passages in common: a block quote, a shared wire paragraph.
    SharedPassages,
}

/// One passage found in both documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passage {
    pub a: Span,
    pub b: Span,
    /// Shingles the two spans share.
    pub shingles: usize,
}

/// A pair of documents with passages in common; `a < b` by input number.
#[derive(Clone, Debug, PartialEq)]
pub struct Reprint {
    pub a: usize,
    pub b: usize,
    pub kind: ReprintKind,
    /// For [`ReprintKind::Contains`]: true when `a` contains `b`.
    pub a_contains_b: bool,
    /// Share of each text's comparable words inside the passages.
    pub coverage_a: f32,
    pub coverage_b: f32,
    pub passages: Vec<Passage>,
}

/// A word of a paragraph: its hash and byte range in the text.
struct Word {
    hash: u64,
    start: usize,
    end: usize,
}

/// Lower-cased alphanumeric words of `text[range]`, hashed.
fn words(text: &str, offset: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
                hash = 0xcbf2_9ce4_8422_2325;
            }
            for l in c.to_lowercase() {
                hash = (hash ^ l as u64).wrapping_mul(0x0100_0000_01b3);
            }
        } else if let Some(s) = start.take() {
            out.push(Word {
                hash: mix(hash),
                start: offset + s,
                end: offset + i,
            });
        }
    }
    out
}

fn shingles(words: &[Word]) -> impl Iterator<Item = (u64, usize)> + '_ {
    words.windows(SHINGLE).enumerate().map(|(i, w)| {
        (
            w.iter().fold(0u64, |h, x| mix(h.rotate_left(17) ^ x.hash)),
            i,
        )
    })
}

/// Paragraph byte ranges of a text (blank-line separated; single line breaks too when a text
/// has no blank lines).
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let sep = if text.contains("\n\n") { "\n\n" } else { "\n" };
    let mut out = Vec::new();
    let mut pos = 0;
    for part in text.split(sep) {
        let (s, e) = (pos, pos + part.len());
        pos = e + sep.len();
        if !part.trim().is_empty() {
            out.push((s, e));
        }
    }
    out
}

const BINS: usize = BANDS * ROWS;
/// A candidate pair goes on to the exact check on the texts only when its sketches estimate a
/// resemblance of at least this. The check needs half the shorter paragraph's shingles shared
/// (a resemblance of a third between paragraphs of equal length), and LSH rarely proposes
/// pairs below 0.15; a pair that met one band by chance (a recurring phrase) is dropped here,
/// before its texts are fetched.
const MIN_SKETCH_RESEMBLANCE: f32 = 0.1;

/// The one-byte sketch of each bin: 60 bytes estimate the resemblance of two paragraphs
/// (b-bit MinHash, b = 8) without their texts.
type Sketch = [u8; BINS];

/// Resemblance of two paragraphs estimated from their sketches (equal bytes beyond the 1 in
/// 256 that match by chance).
fn resemblance(a: &Sketch, b: &Sketch) -> f32 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / BINS as f32;
    ((equal - 1.0 / 256.0) / (1.0 - 1.0 / 256.0)).max(0.0)
}

/// The banded signature of one paragraph: one-permutation MinHash (one hash per shingle,
/// `BANDS × ROWS` bins, empty bins filled from the next full one), each band hashed to a key;
/// and the bins' sketch.
fn band_keys(words: &[Word]) -> Option<([u32; BANDS], Sketch)> {
    let mut bins = [u64::MAX; BINS];
    let mut any = false;
    for (h, _) in shingles(words) {
        let bin = (h % BINS as u64) as usize;
        let v = h / BINS as u64;
        if v < bins[bin] {
            bins[bin] = v;
            any = true;
        }
    }
    if !any {
        return None;
    }
    // Densification: an empty bin takes the value of the next full bin, marked by the distance.
    let filled = bins;
    for i in 0..BINS {
        if filled[i] == u64::MAX {
            let (d, v) = (1..BINS)
                .map(|d| (d, filled[(i + d) % BINS]))
                .find(|(_, v)| *v != u64::MAX)
                .expect("one full bin");
            bins[i] = mix(v ^ (d as u64) << 56);
        }
    }
    let mut keys = [0u32; BANDS];
    for (b, key) in keys.iter_mut().enumerate() {
        let h = bins[b * ROWS..(b + 1) * ROWS]
            .iter()
            .fold(b as u64, |h, &x| mix(h ^ x));
        *key = h as u32;
    }
    let mut sketch = [0u8; BINS];
    for (s, &v) in sketch.iter_mut().zip(&bins) {
        *s = mix(v) as u8;
    }
    Some((keys, sketch))
}

/// Collects paragraphs' band keys; [`ReprintFinder::finish`] pairs them up.
#[derive(Default)]
pub struct ReprintFinder {
    /// (document, paragraph start, paragraph end) per comparable paragraph.
    paragraphs: Vec<(u32, u32, u32)>,
    keys: Vec<[u32; BANDS]>,
    sketches: Vec<Sketch>,
    /// Comparable bytes per document (sum of its comparable paragraphs).
    sizes: Vec<usize>,
}

impl ReprintFinder {
    pub fn new() -> ReprintFinder {
        ReprintFinder::default()
    }

    /// Adds document number `self.len()`.
    pub fn add(&mut self, text: &str) {
        let doc = self.sizes.len() as u32;
        let mut size = 0;
        for (s, e) in paragraphs(text) {
            let w = words(&text[s..e], s);
            if w.len() < MIN_WORDS {
                continue;
            }
            if let Some((keys, sketch)) = band_keys(&w) {
                self.paragraphs.push((doc, s as u32, e as u32));
                self.keys.push(keys);
                self.sketches.push(sketch);
                size += w.len();
            }
        }
        self.sizes.push(size);
    }

    pub fn len(&self) -> usize {
        self.sizes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }

    /// Candidate paragraph pairs (LSH), confirmed on the texts, grouped by document pair.
    /// `text(i)` must give back the text added as document `i`.
    pub fn finish<'t>(self, text: impl Fn(usize) -> Cow<'t, str>) -> Vec<Reprint> {
        // Candidate paragraph pairs, and whether every bucket that proposed one was a hub.
        let mut candidates: HashMap<(u32, u32), bool> = HashMap::default();
        let mut column: Vec<(u32, u32)> = Vec::with_capacity(self.keys.len());
        let doc = |p: u32| self.paragraphs[p as usize].0;
        for band in 0..BANDS {
            column.clear();
            column.extend(
                self.keys
                    .iter()
                    .enumerate()
                    .map(|(p, k)| (k[band], p as u32)),
            );
            column.sort_unstable();
            for run in column.chunk_by(|a, b| a.0 == b.0) {
                if run.len() < 2 {
                    continue;
                }
                let mut propose = |p: u32, q: u32, hub: bool| {
                    if doc(p) != doc(q)
                        && resemblance(&self.sketches[p as usize], &self.sketches[q as usize])
                            >= MIN_SKETCH_RESEMBLANCE
                    {
                        let only_hubs = candidates.entry((p.min(q), p.max(q))).or_insert(hub);
                        *only_hubs &= hub;
                    }
                };
                if run.len() > HUB {
                    // Sorted by paragraph within a key: the first is the earliest document's.
                    let (_, first) = run[0];
                    for &(_, q) in &run[1..] {
                        propose(first, q, true);
                    }
                    continue;
                }
                for (i, &(_, p)) in run.iter().enumerate() {
                    for &(_, q) in &run[i + 1..] {
                        propose(p, q, false);
                    }
                }
            }
        }
        // Group paragraph pairs by document pair, so each text is fetched once per pair; a
        // document pair proposed only by hubs is kept only if it is a whole-text reprint (a
        // shared paragraph that many documents carry is boilerplate, not a reprint).
        type Pairs = Vec<((usize, usize), (usize, usize))>;
        let mut by_docs: BTreeMap<(usize, usize), (Pairs, bool)> = BTreeMap::new();
        for ((p, q), only_hubs) in candidates {
            let (p, q) = (self.paragraphs[p as usize], self.paragraphs[q as usize]);
            let (p, q) = if p.0 <= q.0 { (p, q) } else { (q, p) };
            let entry = by_docs
                .entry((p.0 as usize, q.0 as usize))
                .or_insert((Vec::new(), true));
            entry
                .0
                .push(((p.1 as usize, p.2 as usize), (q.1 as usize, q.2 as usize)));
            entry.1 &= only_hubs;
        }
        let mut out = Vec::new();
        let mut cached: Option<(usize, Cow<'t, str>)> = None;
        for ((a, b), (mut pairs, only_hubs)) in by_docs {
            pairs.sort_unstable();
            if cached.as_ref().is_none_or(|(d, _)| *d != a) {
                cached = Some((a, text(a)));
            }
            let ta = &cached.as_ref().expect("just set").1;
            let tb = text(b);
            let mut passages: Vec<Passage> = pairs
                .iter()
                .filter_map(|&(pa, pb)| shared_passage(ta, pa, &tb, pb))
                .collect();
            if passages.is_empty() {
                continue;
            }
            passages.sort_by_key(|p| (p.a, p.b));
            let words_in = |spans: &mut dyn Iterator<Item = Span>, t: &str| -> usize {
                let mut spans: Vec<Span> = spans.collect();
                spans.sort();
                spans.dedup();
                spans.iter().map(|s| words(s.of(t), 0).len()).sum()
            };
            let coverage_a = (words_in(&mut passages.iter().map(|p| p.a), ta) as f32
                / self.sizes[a].max(1) as f32)
                .min(1.0);
            let coverage_b = (words_in(&mut passages.iter().map(|p| p.b), &tb) as f32
                / self.sizes[b].max(1) as f32)
                .min(1.0);
            let kind = if coverage_a >= NEAR_DUPLICATE && coverage_b >= NEAR_DUPLICATE {
                ReprintKind::NearDuplicate
            } else if coverage_a >= NEAR_DUPLICATE || coverage_b >= NEAR_DUPLICATE {
                ReprintKind::Contains
            } else {
                ReprintKind::SharedPassages
            };
            if only_hubs && kind == ReprintKind::SharedPassages {
                continue;
            }
            out.push(Reprint {
                a,
                b,
                kind,
                a_contains_b: coverage_b >= coverage_a,
                coverage_a,
                coverage_b,
                passages,
            });
        }
        out
    }
}

/// The stretch two paragraphs share: from the first to the last shingle they have in common,
/// in each; `None` unless at least half the shorter paragraph's shingles are shared (what
/// the LSH stage aims at, confirmed exactly).
fn shared_passage(ta: &str, pa: (usize, usize), tb: &str, pb: (usize, usize)) -> Option<Passage> {
    let (wa, wb) = (words(&ta[pa.0..pa.1], pa.0), words(&tb[pb.0..pb.1], pb.0));
    let sb: HashSet<u64> = shingles(&wb).map(|(h, _)| h).collect();
    let sa: HashSet<u64> = shingles(&wa).map(|(h, _)| h).collect();
    let common: HashSet<u64> = sa.intersection(&sb).copied().collect();
    let shorter = sa.len().min(sb.len());
    if common.is_empty() || common.len() * 2 < shorter {
        return None;
    }
    let range = |w: &[Word]| {
        let hits: Vec<usize> = shingles(w)
            .filter(|(h, _)| common.contains(h))
            .map(|(_, i)| i)
            .collect();
        (w[*hits.first()?].start, w[hits.last()? + SHINGLE - 1].end).into()
    };
    let (a, b): (Option<(usize, usize)>, Option<(usize, usize)>) = (range(&wa), range(&wb));
    let (a, b) = (a?, b?);
    Some(Passage {
        a: Span::new(ta, a.0, a.1)?,
        b: Span::new(tb, b.0, b.1)?,
        shingles: common.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn run(texts: &[&str]) -> Vec<Reprint> {
        let mut f = ReprintFinder::new();
        for t in texts {
            f.add(t);
        }
        f.finish(|i| Cow::Borrowed(texts[i]))
    }

    const WIRE: &str = "Fighters of the Estrel Liberation Army seized the port town of St. Maren on Sunday after a day of fighting, officials said.\n\nThe garrison withdrew forty kilometres south to Corran, where reinforcements were arriving on Monday morning.\n\nNavy ferries began to take civilians out of the town by sea, a regional official told reporters in Dravik.";
    const OTHER: &str = "The Brannock council approved its budget on Tuesday night after a long debate about the harbour car park and the new library.\n\nCouncillors voted eleven to four in favour of the plan, which raises the local rate by two per cent.";

    #[test]
    fn a_copy_under_another_header_is_a_near_duplicate() {
        let copy = format!("LUMEN WIRE — Reprinted with permission\n\n{WIRE}\n\nShare this story");
        let found = run(&[WIRE, OTHER, &copy]);
        assert_eq!(found.len(), 1, "{found:?}");
        let r = &found[0];
        assert_eq!((r.a, r.b, r.kind), (0, 2, ReprintKind::NearDuplicate));
        assert_eq!(r.passages.len(), 3);
        // The spans point at the same words in both texts.
        for p in &r.passages {
            assert_eq!(p.a.of(WIRE), p.b.of(&copy));
        }
    }

    #[test]
    fn a_block_quote_is_a_shared_passage_with_spans_in_both() {
        let para = WIRE.split("\n\n").nth(1).unwrap();
        let quoting = format!("{OTHER}\n\nAs another outlet reported at the time: {para} That was the week before.\n\nThe council will meet again in May to discuss the matter further with residents.");
        let found = run(&[WIRE, &quoting]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, ReprintKind::SharedPassages);
        let p = found[0].passages[0];
        assert_eq!(p.a.of(WIRE), para.trim_end_matches('.'));
        assert_eq!(p.b.of(&quoting), para.trim_end_matches('.'));
    }

    #[test]
    fn a_wire_story_carried_by_many_outlets_is_found_without_all_pairs() {
        // More copies than a bucket holds before it is a hub: every copy is still found, each
        // paired with the first, not with every other copy.
        let copies: Vec<String> = (0..3 * HUB)
            .map(|i| format!("OUTLET {i} — from the wires\n\n{WIRE}"))
            .collect();
        let texts: Vec<&str> = copies.iter().map(String::as_str).collect();
        let found = run(&texts);
        assert_eq!(
            found.len(),
            texts.len() - 1,
            "one pair per copy after the first"
        );
        assert!(found
            .iter()
            .all(|r| r.a == 0 && r.kind == ReprintKind::NearDuplicate));
    }

    #[test]
    fn a_paragraph_many_documents_carry_is_boilerplate_not_a_reprint() {
        let footer = "Subscribe to our newsletter for the latest news from the harbour towns and the hills, delivered every morning.";
        let texts: Vec<String> = (0..3 * HUB)
            .map(|i| {
                let words: Vec<String> = (0..40).map(|w| format!("w{i}x{w}")).collect();
                format!("{}\n\n{footer}", words.join(" "))
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert_eq!(run(&texts), []);
        // Below the hub size the footer is a shared passage like any other.
        assert_eq!(run(&texts[..2]).len(), 1);
    }

    #[test]
    fn unrelated_texts_share_nothing() {
        assert!(run(&[WIRE, OTHER]).is_empty());
        assert!(run(&[WIRE]).is_empty());
        assert!(run(&[]).is_empty());
    }
}
