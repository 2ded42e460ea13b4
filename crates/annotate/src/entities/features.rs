//! Features of one token for the tagger, as 32-bit hashes (no strings are built per feature).
//!
//! Local: the word, its lower-case form and shape, prefixes and suffixes, the words and shapes
//! around it, word bigrams. History: the two previous tags. Document: whether a capitalised
//! word is also seen in lower case elsewhere in the document, its usual casing when the sentence
//! is all capitals (CoNLL headlines), and the type it was last tagged with in the document.
//! Gazetteer: whether the token starts, continues or ends a known place, country, demonym or
//! armed-group name. Clusters: two sets of word classes, the token's and its neighbours'. Second pass ([`hint_features`]): what a first pass over the whole document
//! tagged this token, the next one, and the same word's other occurrences.

/// Per-token facts computed once per sentence.
pub struct TokenInfo {
    pub raw: String,
    pub lower: String,
    pub shape: String,
    pub short_shape: String,
    /// How the word is usually cased in this document when the sentence is all capitals.
    pub doc_form: Option<String>,
    /// Capitalised here, and seen in lower case elsewhere in the document.
    pub lower_seen: bool,
    /// Gazetteer hits over this token (bit flags, see [`crate::entities::lexicon`]).
    pub gazetteer: u16,
    /// Word clusters of the lower-case form (see [`crate::entities::lexicon::clusters`]).
    pub clusters: Option<[u16; 3]>,
    /// GloVe word clusters of the lower-case form (see [`crate::entities::lexicon::glove_clusters`]).
    pub glove: Option<[u16; 3]>,
}

pub use crate::perceptron::features::{shapes, H};

const START: &str = "<s>";
const END: &str = "</s>";

/// The features of token `i` that do not read the previous tags (those are
/// [`tag_features`]), given the tag the word last had in the document (`history`, 0 for
/// none), so that a beam scores them once for all its states. Pushed onto `out` (cleared
/// first).
pub fn word_features(tokens: &[TokenInfo], i: usize, history: u8, all_caps_sentence: bool, out: &mut Vec<u32>) {
    out.clear();
    let t = &tokens[i];
    // A field of the token `k` places away, or the sentence boundary markers.
    let at = |k: isize, field: fn(&TokenInfo) -> &str| -> &str {
        let j = i as isize + k;
        if j < 0 {
            START
        } else if j as usize >= tokens.len() {
            END
        } else {
            field(&tokens[j as usize])
        }
    };
    let word = |k: isize| at(k, |t| &t.lower);
    let shape = |k: isize| at(k, |t| &t.short_shape);
    let mut f = |h: H| out.push(h.done());
    f(H::new(0));
    f(H::new(1).str(&t.lower));
    f(H::new(2).str(&t.raw));
    f(H::new(3).str(word(-1)));
    f(H::new(4).str(word(1)));
    f(H::new(5).str(word(-2)));
    f(H::new(6).str(word(2)));
    f(H::new(7).str(&t.shape));
    f(H::new(8).str(shape(-1)));
    f(H::new(9).str(shape(1)));
    f(H::new(10).str(&t.short_shape));
    // Prefixes of 1–4 and suffixes of 1–5 characters (as many as the word has).
    let ends = t.raw.char_indices().map(|(b, _)| b).skip(1).chain(std::iter::once(t.raw.len()));
    for (k, end) in (1..=4u8).zip(ends) {
        f(H::new(10 + k).str(&t.raw[..end]));
    }
    for (k, (start, _)) in (1..=5u8).zip(t.lower.char_indices().rev()) {
        f(H::new(15 + k).str(&t.lower[start..]));
    }
    f(H::new(21).str(word(-1)).str(&t.lower));
    f(H::new(22).str(&t.lower).str(word(1)));
    f(H::new(23).str(shape(-1)).str(&t.short_shape).str(shape(1)));
    if i == 0 {
        f(H::new(28).str(&t.short_shape));
    }
    if all_caps_sentence {
        f(H::new(29).str(&t.short_shape));
        if let Some(form) = &t.doc_form {
            f(H::new(30).str(form));
            f(H::new(31).str(&shapes(form).1));
        }
    }
    if t.lower_seen {
        f(H::new(32).byte(1));
        f(H::new(33).byte(i.min(1) as u8));
    }
    if history != 0 {
        f(H::new(34).byte(history));
    }
    f(H::new(36).str(word(-1)).str(&t.short_shape));
    f(H::new(37).str(&t.short_shape).str(word(1)));
    if t.gazetteer != 0 {
        for bit in 0..16u8 {
            if t.gazetteer & (1 << bit) != 0 {
                f(H::new(38).byte(bit));
                f(H::new(39).byte(bit).str(&t.short_shape));
            }
        }
    }
    // The run of capitalised tokens this one sits in: its text, length and the position in it.
    let cap = |j: usize| tokens[j].raw.chars().next().is_some_and(char::is_uppercase);
    if cap(i) && !all_caps_sentence {
        // At most eight tokens either way, so that a long run costs linear time.
        let mut a = i;
        while a > 0 && i - a < 8 && cap(a - 1) {
            a -= 1;
        }
        let mut b = i + 1;
        while b < tokens.len() && b - i < 8 && cap(b) {
            b += 1;
        }
        let mut h = H::new(41);
        for t in &tokens[a..b] {
            h = h.str(&t.lower);
        }
        f(h.byte((i - a).min(3) as u8));
        f(H::new(42).byte((b - a).min(5) as u8).byte((i - a).min(4) as u8).byte((b - i).min(4) as u8));
        if a > 0 {
            f(H::new(43).str(&tokens[a - 1].lower).byte((i - a).min(3) as u8));
        }
        if b < tokens.len() {
            f(H::new(44).str(&tokens[b].lower).byte((b - i).min(3) as u8));
        }
    }
    f(H::new(45).str(&t.raw).str(tokens.get(i + 1).map_or(END, |t| t.raw.as_str())));
    f(H::new(46).str(if i > 0 { &tokens[i - 1].raw } else { START }).str(&t.raw));
    match t.clusters {
        Some(c) => {
            f(H::new(47).byte(0).byte(c[0] as u8));
            f(H::new(47).byte(1).byte((c[1] & 0xff) as u8).byte((c[1] >> 8) as u8));
            f(H::new(47).byte(2).byte((c[2] & 0xff) as u8).byte((c[2] >> 8) as u8));
            f(H::new(48).byte((c[1] & 0xff) as u8).byte((c[1] >> 8) as u8).str(&t.short_shape));
        }
        None => f(H::new(47).byte(9)),
    }
    for (k, j) in [(1u8, i.wrapping_sub(1)), (2, i + 1)] {
        if let Some(c) = tokens.get(j).and_then(|t| t.clusters) {
            f(H::new(49).byte(k).byte((c[1] & 0xff) as u8).byte((c[1] >> 8) as u8));
        }
    }
    // A 16-bit cluster id as two bytes of a hash.
    let id = |h: H, c: u16| h.byte((c & 0xff) as u8).byte((c >> 8) as u8);
    match t.glove {
        Some(c) => {
            for (k, &c) in c.iter().enumerate() {
                f(id(H::new(58).byte(k as u8), c));
            }
            f(id(H::new(59), c[1]).str(&t.short_shape));
        }
        None => f(H::new(58).byte(9)),
    }
    for (k, j) in [(1u8, i.wrapping_sub(1)), (2, i + 1)] {
        if let Some(c) = tokens.get(j).and_then(|t| t.glove) {
            f(id(H::new(60).byte(k), c[1]));
        }
    }
    let next_gaz = tokens.get(i + 1).map_or(0, |t| t.gazetteer);
    if next_gaz != 0 {
        f(H::new(40).byte(next_gaz.trailing_zeros() as u8));
    }
}

/// The features of token `t` that read the previous two tags: the tags, and the previous one
/// with the word, its shape and the type the word last had in the document (`history`).
/// Appended to `out`.
pub fn tag_features(t: &TokenInfo, prev: u8, prev2: u8, history: u8, out: &mut Vec<u32>) {
    let mut f = |h: H| out.push(h.done());
    f(H::new(24).byte(prev));
    f(H::new(25).byte(prev).byte(prev2));
    f(H::new(26).byte(prev).str(&t.lower));
    f(H::new(27).byte(prev).str(&t.short_shape));
    if history != 0 {
        f(H::new(35).byte(history).byte(prev));
    }
}

/// The features of token `i` from a first pass over the whole document (the second pass's
/// "extended prediction history", Ratinov & Roth 2009): the first pass's tag of this token and of
/// the next, and the tags it gave the same word's other capitalised occurrences in the
/// document (`others`, counted per tag; empty when the token is not capitalised).
/// Appended to `out`.
pub fn hint_features(tokens: &[TokenInfo], i: usize, own: u8, next: u8, others: &[u16], out: &mut Vec<u32>) {
    let t = &tokens[i];
    let mut f = |h: H| out.push(h.done());
    f(H::new(50).byte(own));
    f(H::new(51).byte(own).byte(next));
    let n: u32 = others.iter().map(|&c| c as u32).sum();
    if others.is_empty() {
        return;
    }
    if n == 0 {
        f(H::new(52).str(&t.short_shape));
        return;
    }
    // The most frequent tag, and the most frequent type (0 for none, else label + 1).
    let (best_tag, _) = others.iter().enumerate().max_by_key(|&(k, &c)| (c, std::cmp::Reverse(k))).expect("tags");
    let mut types = [0u32; 16];
    for (k, &c) in others.iter().enumerate() {
        types[if k == 0 { 0 } else { ((k - 1) / 4 + 1).min(15) }] += c as u32;
    }
    let (best_type, &m) = types.iter().enumerate().max_by_key(|&(k, &c)| (c, std::cmp::Reverse(k))).expect("types");
    let share = if m == n { 2u8 } else if 2 * m > n { 1 } else { 0 };
    let own_type = if own == 0 { 0 } else { (own - 1) / 4 + 1 };
    f(H::new(53).byte(best_tag as u8));
    f(H::new(54).byte(best_type as u8).byte(share));
    f(H::new(55).byte(best_type as u8).byte(own_type));
    f(H::new(56).byte(best_type as u8).str(&t.short_shape));
    for (k, &c) in types.iter().enumerate().skip(1) {
        if c > 0 {
            f(H::new(57).byte(k as u8));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_whose_lower_case_is_longer_do_not_break_affixes() {
        // "İ" lower-cases to two characters (three bytes), so byte offsets of the word do not
        // fall on characters of its lower-case form; suffixes come from that form itself.
        let t = TokenInfo {
            raw: "İS".into(),
            lower: "İS".to_lowercase(),
            shape: "XXXX".into(),
            short_shape: "X".into(),
            doc_form: None,
            lower_seen: false,
            gazetteer: 0,
            clusters: None,
            glove: None,
        };
        let mut out = Vec::new();
        word_features(std::slice::from_ref(&t), 0, 0, false, &mut out);
        tag_features(&t, 0, 0, 0, &mut out);
        assert!(out.len() > 15);
    }
}
