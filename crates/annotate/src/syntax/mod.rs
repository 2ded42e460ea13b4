//! Parts of speech and chunks (noun, verb, prepositional phrases…) of a sentence, from a tagger
//! trained in the project on CoNLL-2003's syntax columns (see
//! `crates/annotate/resources/README.md`).
//!
//! Tokens are cut as CoNLL cuts them ([`crate::entities::tokens::tokenize`]); every token gets
//! a Penn Treebank tag and every chunk a CoNLL-2000 label (`NP`, `VP`, `PP`, `ADJP`, `ADVP`,
//! `SBAR`, `PRT`…). Chunks are flat and do not nest: "the price of oil" is `NP` `PP` `NP`.

pub mod corpus;
pub mod features;
pub mod model;

pub use model::{Analysis, Model};

use crate::entities::tokens;
use crate::Span;
use std::sync::OnceLock;

/// The model shipped with the binary (trained by `corroborate train syntax`).
const BUILTIN: &[u8] = include_bytes!("../../resources/syntax.model.gz");

/// The shipped model, read once, on first use.
pub fn builtin() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(BUILTIN).expect("the shipped syntax model is valid (checked by a test)"))
}

/// One sentence's tokens, with a part of speech for each and its chunks.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// Token spans over the text, in order.
    pub tokens: Vec<Span>,
    /// The Penn Treebank tag of each token ("NNS", "VBD", "CD"…).
    pub pos: Vec<&'static str>,
    /// The chunks, in order and not overlapping; tokens outside every chunk are punctuation
    /// and the like.
    pub chunks: Vec<Chunk>,
}

/// A run of tokens `start..end` (token indices) forming one phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    /// `NP`, `VP`, `PP`, `ADJP`, `ADVP`, `SBAR`, `PRT`…
    pub label: &'static str,
}

/// Tokenises `text[span]` (one sentence) and tags it with the shipped model.
///
/// ```
/// use corroborate_annotate::{syntax, Span};
/// let text = "About 5,000 militants attacked the town.";
/// let p = syntax::parse(text, Span::new(text, 0, text.len()).unwrap());
/// assert_eq!(p.pos[2], "NNS");
/// assert_eq!((p.chunks[0].start, p.chunks[0].end, p.chunks[0].label), (0, 3, "NP"));
/// ```
pub fn parse(text: &str, span: Span) -> Parsed {
    let model = builtin();
    let tokens = tokens::tokenize(text, span);
    let words: Vec<&str> = tokens.iter().map(|t| t.of(text)).collect();
    let a = model.analyze(&words);
    let pos = a.pos.iter().map(|&p| model.pos_labels()[p as usize].as_str()).collect();
    let chunks = a.chunks.iter().map(|&(start, end, l)| Chunk { start, end, label: model.chunk_labels()[l as usize].as_str() }).collect();
    Parsed { tokens, pos, chunks }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(text: &str) -> (Vec<String>, Vec<String>) {
        let p = parse(text, Span::new(text, 0, text.len()).unwrap());
        let words: Vec<String> = p.tokens.iter().zip(&p.pos).map(|(t, pos)| format!("{}/{pos}", t.of(text))).collect();
        let chunks = p.chunks.iter().map(|c| format!("{}[{}]", c.label, p.tokens[c.start..c.end].iter().map(|t| t.of(text)).collect::<Vec<_>>().join(" "))).collect();
        (words, chunks)
    }

    #[test]
    fn the_shipped_model_loads_and_tags_a_sentence_sensibly() {
        let m = Model::from_bytes(BUILTIN).expect("valid model");
        assert!(m.pos_labels().iter().any(|l| l == "NNS") && m.chunk_labels().iter().any(|l| l == "NP"));
        let (words, chunks) = tagged("More than 5,000 IS militants attacking Palmyra faced 14 tanks in the old city.");
        assert_eq!(words[2], "5,000/CD");
        assert_eq!(words[4], "militants/NNS");
        assert_eq!(words[5], "attacking/VBG");
        assert!(chunks.contains(&"NP[14 tanks]".to_string()), "{chunks:?}");
        assert!(chunks.contains(&"PP[in]".to_string()), "{chunks:?}");
        assert!(chunks.contains(&"NP[the old city]".to_string()), "{chunks:?}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        #[test]
        fn any_text_is_tagged_without_panics_on_char_boundaries(text in "\\PC{0,60}|([A-Z][a-z]{0,6}|[a-z]{1,6}|[0-9,.%$]{1,5}|[\"“”(),.;:'’–-]|İ|é| ){0,30}") {
            let span = Span::new(&text, 0, text.len()).unwrap();
            let p = parse(&text, span);
            proptest::prop_assert_eq!(p.tokens.len(), p.pos.len());
            let mut last = 0;
            for c in &p.chunks {
                proptest::prop_assert!(c.start < c.end && c.end <= p.tokens.len() && c.start >= last);
                last = c.end;
            }
            for t in &p.tokens {
                proptest::prop_assert!(text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()) && !t.is_empty());
            }
        }
    }
}
