//! The two taggers and their file: parts of speech (one tag a token, greedy left to right, the
//! two previous tags as features), then chunks over those tags (BILOU tags with only valid
//! transitions). Both are averaged perceptrons ([`crate::perceptron`]).
//!
//! Training ([`train`]) gives the chunker the parts of speech the tagger itself predicts, not
//! the gold ones: each training sentence's tags come from a tagger trained on the other folds
//! (jackknifing), so the chunker learns from tags as wrong as it will see them.

use super::corpus::Sentence;
use super::features::{chunk_features, pos_features, words, Word, START};
use crate::perceptron::{self, bilou, Reader, Training, Weights};
use std::collections::{BTreeSet, HashMap};

const MAGIC: &[u8; 8] = b"CRBSYN02";

/// Words seen at least this often in training, with one tag at least [`DICT_SHARE`] of the
/// time, take that tag without being scored (as in Honnibal's tagger): faster, and the rare
/// greedy slip on a frequent word ("2022 grew/NN") is gone.
const DICT_MIN: u32 = 8;
const DICT_SHARE: f64 = 0.97;

/// Frequent unambiguous words and their tag.
type TagDict = crate::perceptron::features::WordMap<u8>;

/// A trained model: the part-of-speech tagger and the chunker.
pub struct Model {
    pos_labels: Vec<String>,
    chunk_labels: Vec<String>,
    dict: TagDict,
    pos: Weights,
    chunk: Weights,
}

/// The tag dictionary of the sentences `subset`.
fn tag_dict(words: &[Vec<Word>], gold: &[Vec<u8>], subset: &[usize]) -> TagDict {
    let mut counts: HashMap<&str, HashMap<u8, u32>> = HashMap::new();
    for &s in subset {
        for (w, &t) in words[s].iter().zip(&gold[s]) {
            if let Some(key) = w.dict_key() {
                *counts.entry(key).or_default().entry(t).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(word, tags)| {
            let total: u32 = tags.values().sum();
            let (&tag, &n) = tags.iter().max_by_key(|&(t, n)| (*n, std::cmp::Reverse(*t)))?;
            (total >= DICT_MIN && n as f64 >= DICT_SHARE * total as f64).then(|| (word.to_string(), tag))
        })
        .collect()
}

/// One sentence's analysis: a tag per token (an index into [`Model::pos_labels`]) and the
/// chunks `(first, end exclusive, label index into [`Model::chunk_labels`])`, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub pos: Vec<u8>,
    pub chunks: Vec<(usize, usize, u8)>,
}

/// What training does with each guess: told the features, the guess and the token, it updates
/// the weights and returns the tag to go on with.
type Learn<'a> = &'a mut dyn FnMut(&[u32], usize, usize) -> usize;

/// Tags a sentence's parts of speech with a scoring function (the trained weights, or the
/// weights being trained with `learn` told each guess and returning the tag to go on with).
fn decode_pos(words: &[Word], dict: &TagDict, tags: usize, score: &dyn Fn(&[u32], &mut [f32]), mut learn: Option<Learn>) -> Vec<u8> {
    let mut features = Vec::with_capacity(40);
    let mut scores = vec![0.0f32; tags];
    let mut out = Vec::with_capacity(words.len());
    let (mut p1, mut p2) = (START, START);
    for i in 0..words.len() {
        if let Some(&tag) = words[i].dict_key().and_then(|k| dict.get(k)) {
            out.push(tag);
            p2 = p1;
            p1 = tag;
            continue;
        }
        pos_features(words, i, p1, p2, &mut features);
        score(&features, &mut scores);
        let mut tag = argmax(&scores);
        if let Some(learn) = learn.as_mut() {
            tag = learn(&features, tag, i);
        }
        out.push(tag as u8);
        p2 = p1;
        p1 = tag as u8;
    }
    out
}

/// Chunks a tagged sentence; BILOU tags, see [`decode_pos`] for `score` and `learn`.
fn decode_chunks(words: &[Word], pos: &[u8], tags: usize, score: &dyn Fn(&[u32], &mut [f32]), mut learn: Option<Learn>) -> Vec<usize> {
    let mut features = Vec::with_capacity(32);
    let mut scores = vec![0.0f32; tags];
    let mut out = Vec::with_capacity(words.len());
    let (mut c1, mut c2) = (0usize, START as usize);
    for i in 0..words.len() {
        chunk_features(words, pos, i, c1 as u8, c2 as u8, &mut features);
        score(&features, &mut scores);
        let mut tag = bilou::best(&scores, if i == 0 { 0 } else { c1 }, i + 1 == words.len());
        if let Some(learn) = learn.as_mut() {
            tag = learn(&features, tag, i);
        }
        out.push(tag);
        c2 = c1;
        c1 = tag;
    }
    out
}

fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (t, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = t;
        }
    }
    best
}

/// A seeded shuffle of `order` (xorshift), the same on every machine.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Trains a part-of-speech tagger on the sentences `subset` of `words` / `gold`.
fn train_pos(words: &[Vec<Word>], gold: &[Vec<u8>], subset: &[usize], tags: usize, epochs: usize, progress: impl FnMut(usize, f64)) -> (TagDict, Weights) {
    let dict = tag_dict(words, gold, subset);
    let weights = train_greedy(
        tags,
        subset,
        0x2545_F491_4F6C_DD1D,
        epochs,
        |s, i| gold[s][i] as usize,
        |s, score, learn| {
            decode_pos(&words[s], &dict, tags, score, Some(learn));
        },
        progress,
    );
    (dict, weights)
}

/// Trains greedy left-to-right decoding for `epochs` passes over the sentences `subset`, in an
/// order shuffled from `seed` each pass: `decode(s, score, learn)` decodes sentence `s`, calling
/// `learn(features, guess, i)` at each token `i`, whose right tag is `truth(s, i)`. `progress`
/// hears each pass's number and its accuracy while training.
fn train_greedy(
    tags: usize,
    subset: &[usize],
    mut seed: u64,
    epochs: usize,
    truth: impl Fn(usize, usize) -> usize,
    decode: impl Fn(usize, &dyn Fn(&[u32], &mut [f32]), Learn),
    mut progress: impl FnMut(usize, f64),
) -> Weights {
    let mut t = Training::new(tags);
    let mut order = subset.to_vec();
    for epoch in 0..epochs {
        shuffle(&mut order, &mut seed);
        let (mut right, mut total) = (0usize, 0usize);
        for &s in &order {
            let cell = std::cell::RefCell::new(&mut t);
            let score = |f: &[u32], out: &mut [f32]| cell.borrow().scores(f, out);
            let mut learn = |f: &[u32], guess: usize, i: usize| {
                total += 1;
                right += usize::from(cell.borrow_mut().learn(f, truth(s, i), guess));
                guess
            };
            decode(s, &score, &mut learn);
        }
        progress(epoch + 1, right as f64 / total.max(1) as f64);
    }
    t.average()
}

/// Trains the tagger and the chunker on `sentences` for `epochs` passes each; the chunker
/// learns from parts of speech predicted by `folds` taggers, each trained on the other folds.
/// `progress` hears what is being done.
pub fn train(sentences: &[Sentence], epochs: usize, folds: usize, mut progress: impl FnMut(&str)) -> Model {
    let pos_labels: Vec<String> = sentences.iter().flat_map(|s| s.pos.iter().cloned()).collect::<BTreeSet<_>>().into_iter().collect();
    let chunk_labels: Vec<String> = sentences.iter().flat_map(|s| s.chunks.iter().map(|c| c.2.clone())).collect::<BTreeSet<_>>().into_iter().collect();
    assert!(pos_labels.len() <= perceptron::MAX_TAGS && bilou::tag_count(chunk_labels.len()) <= perceptron::MAX_TAGS, "too many labels");
    let pos_of: HashMap<&str, u8> = pos_labels.iter().enumerate().map(|(i, l)| (l.as_str(), i as u8)).collect();
    let chunk_of: HashMap<&str, usize> = chunk_labels.iter().enumerate().map(|(i, l)| (l.as_str(), i)).collect();
    let words: Vec<Vec<Word>> = sentences.iter().map(|s| words(&s.tokens.iter().map(String::as_str).collect::<Vec<_>>())).collect();
    let gold_pos: Vec<Vec<u8>> = sentences.iter().map(|s| s.pos.iter().map(|p| pos_of[p.as_str()]).collect()).collect();
    let gold_chunks: Vec<Vec<usize>> = sentences
        .iter()
        .map(|s| bilou::encode(s.tokens.len(), &s.chunks.iter().map(|(a, b, l)| (*a, *b, chunk_of[l.as_str()])).collect::<Vec<_>>()))
        .collect();
    let pos_tags = pos_labels.len();
    let chunk_tags = bilou::tag_count(chunk_labels.len());

    // Jackknifed tags for the chunker.
    let mut predicted: Vec<Vec<u8>> = vec![Vec::new(); sentences.len()];
    let folds = folds.max(2);
    for k in 0..folds {
        let rest: Vec<usize> = (0..sentences.len()).filter(|s| s % folds != k).collect();
        let (dict, weights) = train_pos(&words, &gold_pos, &rest, pos_tags, epochs, |_, _| {});
        let (mut right, mut total) = (0, 0);
        for s in (0..sentences.len()).filter(|s| s % folds == k) {
            predicted[s] = decode_pos(&words[s], &dict, pos_tags, &|f, out| weights.scores(f, out), None);
            right += predicted[s].iter().zip(&gold_pos[s]).filter(|(a, b)| a == b).count();
            total += predicted[s].len();
        }
        progress(&format!("tagger for fold {}/{folds}: accuracy on the fold {:.4}", k + 1, right as f64 / total.max(1) as f64));
    }
    let all: Vec<usize> = (0..sentences.len()).collect();
    let (dict, pos) = train_pos(&words, &gold_pos, &all, pos_tags, epochs, |e, acc| progress(&format!("tagger epoch {e:>2}: accuracy while training {acc:.4} (words not in the tag dictionary)")));

    let chunk = train_greedy(
        chunk_tags,
        &all,
        0x9E37_79B9_7F4A_7C15,
        epochs,
        |s, i| gold_chunks[s][i],
        |s, score, learn| {
            decode_chunks(&words[s], &predicted[s], chunk_tags, score, Some(learn));
        },
        |e, acc| progress(&format!("chunker epoch {e:>2}: tag accuracy while training {acc:.4}")),
    );
    Model { pos_labels, chunk_labels, dict, pos, chunk }
}

impl Model {
    /// The part-of-speech tags (Penn Treebank's, as CoNLL-2003 writes them).
    pub fn pos_labels(&self) -> &[String] {
        &self.pos_labels
    }

    /// The chunk labels (`NP`, `VP`, `PP`…).
    pub fn chunk_labels(&self) -> &[String] {
        &self.chunk_labels
    }

    /// The number of features with a weight, in the tagger and in the chunker.
    pub fn features(&self) -> (usize, usize) {
        (self.pos.rows(), self.chunk.rows())
    }

    /// The tag the tag dictionary gives a word form (as written: "fighters", not "Fighters"),
    /// when the form was frequent and unambiguous in training.
    pub fn dictionary_tag(&self, form: &str) -> Option<&str> {
        self.dict.get(form).map(|&t| self.pos_labels[t as usize].as_str())
    }

    /// Tags and chunks one sentence of tokens.
    pub fn analyze(&self, tokens: &[&str]) -> Analysis {
        let words = words(tokens);
        let pos = decode_pos(&words, &self.dict, self.pos.tags(), &|f, out| self.pos.scores(f, out), None);
        let tags = decode_chunks(&words, &pos, self.chunk.tags(), &|f, out| self.chunk.scores(f, out), None);
        let chunks = bilou::spans(&tags).into_iter().map(|(a, b, l)| (a, b, l as u8)).collect();
        Analysis { pos, chunks }
    }

    /// The gzip'd model file: the magic bytes, the tag and chunk label names (a count, then
    /// each with its length), the tag dictionary (a `u32` count, then each word with its
    /// length and its tag, in word order), the tagger's weight rows, the chunker's.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        for labels in [&self.pos_labels, &self.chunk_labels] {
            raw.push(labels.len() as u8);
            for l in labels.iter() {
                perceptron::push_name(&mut raw, l);
            }
        }
        let mut dict: Vec<(&String, &u8)> = self.dict.iter().filter(|(w, _)| w.len() < 256).collect();
        dict.sort();
        raw.extend_from_slice(&(dict.len() as u32).to_le_bytes());
        for (word, &tag) in dict {
            perceptron::push_name(&mut raw, word);
            raw.push(tag);
        }
        self.pos.write(&mut raw);
        self.chunk.write(&mut raw);
        perceptron::gzip(&raw)
    }

    /// Reads a model file written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let raw = perceptron::gunzip(bytes)?;
        let mut r = Reader::new(&raw);
        if r.take(8)? != MAGIC {
            return Err("not a corroborate syntax model (bad magic)".into());
        }
        let mut names = || -> Result<Vec<String>, String> {
            let n = r.byte()? as usize;
            (0..n).map(|_| r.name()).collect()
        };
        let pos_labels = names()?;
        let chunk_labels = names()?;
        if pos_labels.is_empty() || pos_labels.len() > perceptron::MAX_TAGS || chunk_labels.len() > 15 {
            return Err("too many or no labels".into());
        }
        let n = r.u32()? as usize;
        let mut dict = TagDict::with_capacity_and_hasher(n.min(1 << 20), Default::default());
        for _ in 0..n {
            let word = r.name()?;
            let tag = r.byte()?;
            if tag as usize >= pos_labels.len() {
                return Err("a dictionary word with an unknown tag".into());
            }
            dict.insert(word, tag);
        }
        let pos = Weights::read(&mut r, pos_labels.len())?;
        let chunk = Weights::read(&mut r, bilou::tag_count(chunk_labels.len()))?;
        r.finish()?;
        Ok(Model { pos_labels, chunk_labels, dict, pos, chunk })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<Sentence> {
        let make = |words: &str, pos: &str, chunks: Vec<(usize, usize, &str)>| Sentence {
            tokens: words.split(' ').map(String::from).collect(),
            pos: pos.split(' ').map(String::from).collect(),
            chunks: chunks.into_iter().map(|(a, b, l)| (a, b, l.to_string())).collect(),
        };
        (0..20)
            .flat_map(|_| {
                vec![
                    make("the rebels took the town", "DT NNS VBD DT NN", vec![(0, 2, "NP"), (2, 3, "VP"), (3, 5, "NP")]),
                    make("five tanks entered the old city", "CD NNS VBD DT JJ NN", vec![(0, 2, "NP"), (2, 3, "VP"), (3, 6, "NP")]),
                ]
            })
            .collect()
    }

    #[test]
    fn learns_a_toy_corpus_and_survives_a_round_trip() {
        let model = train(&toy(), 4, 2, |_| {});
        let a = model.analyze(&["the", "rebels", "entered", "the", "old", "town"]);
        let pos: Vec<&str> = a.pos.iter().map(|&p| model.pos_labels()[p as usize].as_str()).collect();
        assert_eq!(pos, ["DT", "NNS", "VBD", "DT", "JJ", "NN"]);
        assert_eq!(a.chunks, vec![(0, 2, 0), (2, 3, 1), (3, 6, 0)]);
        let again = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(again.analyze(&["the", "rebels", "entered", "the", "old", "town"]), a);
        assert!(Model::from_bytes(b"nonsense").is_err());
        assert!(again.analyze(&[]).pos.is_empty());
    }
}
