//! Gazetteer flags per token for the tagger's features: whether a token begins or continues a
//! name the gazetteers know (a country, a place, a demonym, an armed group, a known alias).
//! Only phrases that start with a capital are looked up; the longest match from each start wins.

use crate::gazetteer;

/// What a phrase was found as; each kind has two bits: `2k` (first token) and `2k + 1` (later).
#[derive(Clone, Copy)]
enum Kind {
    Country = 0,
    Place = 1,
    Demonym = 2,
    ArmedGroup = 3,
    Alias = 4,
    BigPlace = 5,
}

const LONGEST: usize = 4;

/// [`lookup`], remembered per thread (names recur across news; the memo is emptied when it
/// reaches 200,000 phrases, so memory stays bounded on any corpus).
fn kind_of(phrase: &str) -> Option<Kind> {
    thread_local! {
        static MEMO: std::cell::RefCell<std::collections::HashMap<String, Option<Kind>>> = Default::default();
    }
    MEMO.with(|memo| {
        if let Some(&kind) = memo.borrow().get(phrase) {
            return kind;
        }
        let kind = lookup(phrase);
        let mut memo = memo.borrow_mut();
        if memo.len() >= 200_000 {
            memo.clear();
        }
        memo.insert(phrase.to_string(), kind);
        kind
    })
}

fn lookup(phrase: &str) -> Option<Kind> {
    if let Some((ty, _)) = gazetteer::alias(&gazetteer::normalize(phrase)) {
        return Some(if ty == crate::entities::EntityType::Gpe { Kind::Country } else { Kind::Alias });
    }
    if gazetteer::armed_group(phrase).is_some() {
        return Some(Kind::ArmedGroup);
    }
    if let Some(place) = gazetteer::places(phrase).first() {
        return Some(if place.is_country() {
            Kind::Country
        } else if place.population >= 100_000 || place.is_admin1() {
            Kind::BigPlace
        } else {
            Kind::Place
        });
    }
    if !phrase.contains(' ') && gazetteer::demonym(phrase).is_some() {
        return Some(Kind::Demonym);
    }
    None
}

/// Per-token flags for one sentence of tokens.
pub fn flags(tokens: &[&str]) -> Vec<u16> {
    let mut out = vec![0u16; tokens.len()];
    let capitalised = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    let mut phrase = String::new();
    for start in 0..tokens.len() {
        if !capitalised(tokens[start]) {
            continue;
        }
        let mut found = None;
        phrase.clear();
        for end in start + 1..=(start + LONGEST).min(tokens.len()) {
            let t = tokens[end - 1];
            if !t.chars().any(char::is_alphanumeric) && t != "-" {
                break;
            }
            if end > start + 1 {
                phrase.push(' ');
            }
            phrase.push_str(t);
            if let Some(kind) = kind_of(&phrase) {
                found = Some((end, kind));
            }
        }
        if let Some((end, kind)) = found {
            out[start] |= 1 << (2 * kind as u16);
            for flag in &mut out[start + 1..end] {
                *flag |= 1 << (2 * kind as u16 + 1);
            }
        }
    }
    out
}

/// Word clusters (32, 256 and 1,024 classes) computed from a sentence-embedding model's word
/// pieces by `scripts/build-word-clusters.py`.
const CLUSTERS: &[u8] = include_bytes!("../../resources/word-clusters.tsv.gz");

/// Word clusters (128, 512 and 2,048 classes) of the 200,000 most frequent GloVe words,
/// computed by `scripts/build-glove-clusters.py`: they reach rarer names than [`CLUSTERS`].
const GLOVE_CLUSTERS: &[u8] = include_bytes!("../../resources/glove-clusters.tsv.gz");

type ClusterIndex = crate::perceptron::features::WordMap<[u16; 3]>;

/// A shipped cluster file (`word<TAB>c1<TAB>c2<TAB>c3` lines, gzip'd) as an index.
fn read_clusters(gz: &[u8]) -> ClusterIndex {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz).read_to_string(&mut text).expect("the shipped word clusters are valid gzip'd UTF-8");
    text.lines()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let word = cols.next()?;
            let mut c = [0u16; 3];
            for slot in &mut c {
                *slot = cols.next()?.parse().ok()?;
            }
            Some((word.to_string(), c))
        })
        .collect()
}

/// The clusters of a lower-case word, if it has them.
pub fn clusters(lower: &str) -> Option<[u16; 3]> {
    static INDEX: std::sync::OnceLock<ClusterIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| read_clusters(CLUSTERS)).get(lower).copied()
}

/// The GloVe clusters of a lower-case word, if it has them.
pub fn glove_clusters(lower: &str) -> Option<[u16; 3]> {
    static INDEX: std::sync::OnceLock<ClusterIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| read_clusters(GLOVE_CLUSTERS)).get(lower).copied()
}
