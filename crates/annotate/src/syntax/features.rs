//! Features of one token for the part-of-speech tagger and the chunker, as 32-bit hashes.
//!
//! Parts of speech: the word (as written and in lower case, digits read as `0`), its prefixes
//! (1–2) and suffixes (1–4), shapes, word clusters, the words and shapes beside it, and the
//! two previous tags. Chunks: the word and the words beside it, the tags two either side in
//! uni-, bi- and trigrams, and the two previous chunk tags with the word and tag. Fewer
//! templates than the entity tagger's: words two away, neighbours' suffixes and clusters and
//! word bigrams cost a lookup each and did not help on CoNLL-2003 dev (0.957 without them).

use crate::entities::{lexicon, tokens::conll_form};
use crate::perceptron::features::{shapes, H};

/// Per-token facts, computed once per sentence.
pub struct Word {
    raw: String,
    /// Lower case, every digit as `0`: numbers share their shapes' weights.
    lower: String,
    shape: String,
    short_shape: String,
    clusters: Option<[u16; 3]>,
    capitalised: bool,
    /// The sentence is in capitals (a CoNLL headline): its words' casing says nothing.
    caps: bool,
}

/// The words of a sentence of tokens.
pub fn words(tokens: &[&str]) -> Vec<Word> {
    let mut letters = 0;
    let mut lower = false;
    for c in tokens.iter().flat_map(|t| t.chars()) {
        lower |= c.is_lowercase();
        letters += usize::from(c.is_uppercase());
    }
    let caps = !lower && letters >= 4;
    tokens
        .iter()
        .map(|t| {
            let w = Word::new(t);
            // In a sentence in mixed case, a word in capitals is an acronym ("IS", "WHO"), not
            // the lower-case word it spells.
            let acronym = !caps && w.raw.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.raw.chars().any(char::is_lowercase);
            if acronym {
                Word { caps, lower: w.raw.clone(), clusters: None, ..w }
            } else {
                Word { caps, ..w }
            }
        })
        .collect()
}

impl Word {
    /// The key the tag dictionary knows the word by: its form, when the sentence is not in
    /// capitals.
    pub fn dict_key(&self) -> Option<&str> {
        (!self.caps).then_some(self.raw.as_str())
    }

    fn new(token: &str) -> Word {
        let raw = conll_form(token).into_owned();
        let lower_case = raw.to_lowercase();
        let clusters = lexicon::clusters(&lower_case);
        let lower = if lower_case.bytes().any(|b| b.is_ascii_digit()) {
            lower_case.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
        } else {
            lower_case
        };
        let (shape, short_shape) = shapes(&raw);
        let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
        Word { raw, lower, shape, short_shape, clusters, capitalised, caps: false }
    }
}

/// The tag code the features use before the first and after the last token.
pub const START: u8 = 254;
pub const END: u8 = 255;
const START_WORD: &str = "<s>";
const END_WORD: &str = "</s>";

fn lower(words: &[Word], i: usize, k: isize) -> &str {
    let j = i as isize + k;
    if j < 0 {
        START_WORD
    } else {
        words.get(j as usize).map_or(END_WORD, |w| w.lower.as_str())
    }
}

fn suffix(s: &str, n: usize) -> &str {
    s.char_indices().rev().nth(n - 1).map_or(s, |(b, _)| &s[b..])
}

fn cluster_feature(f: &mut impl FnMut(H), template: u8, w: Option<&Word>, level: usize) {
    match w.and_then(|w| w.clusters) {
        Some(c) => f(H::new(template).byte((c[level] & 0xff) as u8).byte((c[level] >> 8) as u8)),
        None => f(H::new(template).byte(0xff).byte(0xff).byte(w.is_some() as u8)),
    }
}

/// The part-of-speech features of token `i`, given the two previous tags (`p1` the nearer;
/// [`START`] before the sentence). Pushed onto `out` (cleared first).
pub fn pos_features(words: &[Word], i: usize, p1: u8, p2: u8, out: &mut Vec<u32>) {
    out.clear();
    let w = &words[i];
    let mut f = |h: H| out.push(h.done());
    f(H::new(0));
    f(H::new(1).str(&w.lower));
    // As written, unless the sentence is in capitals ("IS" in a headline is "is").
    if w.caps {
        f(H::new(31));
    } else {
        f(H::new(2).str(&w.raw));
    }
    for n in 1..=4u8 {
        if w.lower.chars().count() > n as usize {
            f(H::new(2 + n).str(suffix(&w.lower, n as usize)));
        }
    }
    let ends = w.lower.char_indices().map(|(b, _)| b).skip(1);
    for (n, end) in (1..=2u8).zip(ends) {
        f(H::new(6 + n).str(&w.lower[..end]));
    }
    f(H::new(9).byte(u8::from(w.caps)).str(&w.shape));
    f(H::new(10).byte(u8::from(w.caps)).str(&w.short_shape));
    f(H::new(11).byte(p1));
    f(H::new(12).byte(p1).byte(p2));
    f(H::new(13).byte(p1).str(&w.lower));
    f(H::new(14).byte(p1).str(suffix(&w.lower, 3)));
    f(H::new(15).str(lower(words, i, -1)));
    f(H::new(16).str(lower(words, i, 1)));
    f(H::new(21).str(i.checked_sub(1).map_or(START_WORD, |j| &words[j].short_shape)));
    f(H::new(22).str(words.get(i + 1).map_or(END_WORD, |w| &w.short_shape)));
    cluster_feature(&mut f, 23, Some(w), 1);
    cluster_feature(&mut f, 24, Some(w), 2);
    f(H::new(27).byte(u8::from(i == 0)).byte(u8::from(w.capitalised)).byte(u8::from(w.caps)));
}

/// The chunk features of token `i`, given every token's part of speech and the two previous
/// chunk tags. Pushed onto `out` (cleared first).
pub fn chunk_features(words: &[Word], pos: &[u8], i: usize, c1: u8, c2: u8, out: &mut Vec<u32>) {
    out.clear();
    let w = &words[i];
    let t = |k: isize| -> u8 {
        let j = i as isize + k;
        if j < 0 {
            START
        } else {
            pos.get(j as usize).copied().unwrap_or(END)
        }
    };
    let mut f = |h: H| out.push(h.done());
    f(H::new(100));
    f(H::new(101).str(&w.lower));
    f(H::new(102).byte(t(0)));
    f(H::new(103).byte(t(-1)));
    f(H::new(104).byte(t(-2)));
    f(H::new(105).byte(t(1)));
    f(H::new(106).byte(t(2)));
    f(H::new(107).byte(t(-1)).byte(t(0)));
    f(H::new(108).byte(t(0)).byte(t(1)));
    f(H::new(109).byte(t(-2)).byte(t(-1)).byte(t(0)));
    f(H::new(110).byte(t(-1)).byte(t(0)).byte(t(1)));
    f(H::new(111).byte(t(0)).byte(t(1)).byte(t(2)));
    f(H::new(112).str(lower(words, i, -1)));
    f(H::new(113).str(lower(words, i, 1)));
    f(H::new(114).str(&w.lower).byte(t(0)));
    f(H::new(117).byte(c1));
    f(H::new(118).byte(c1).byte(c2));
    f(H::new(119).byte(c1).byte(t(0)));
    f(H::new(120).byte(c1).str(&w.lower));
    f(H::new(124).byte(u8::from(w.caps)).str(&w.short_shape));
    cluster_feature(&mut f, 125, Some(w), 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_count_characters_and_numbers_share_a_form() {
        assert_eq!(suffix("palmyra", 3), "yra");
        assert_eq!(suffix("éé", 4), "éé");
        assert_eq!(Word::new("5,000").lower, "0,000");
        assert_eq!(Word::new("“").raw, "\"");
        let words = words(&["İS", "a"]);
        let mut out = Vec::new();
        pos_features(&words, 0, START, START, &mut out);
        chunk_features(&words, &[0, 1], 1, 0, START, &mut out);
        assert!(!out.is_empty());
    }
}
