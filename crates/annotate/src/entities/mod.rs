//! Named-entity mentions: spans over the clean text, each with a type and, for people, the
//! title that precedes the name ("Maj. Gen.", "Foreign Minister") kept apart from the name.
//!
//! Recognition is a learned tagger ([`tagger`]); the finer types CoNLL lacks (armed groups,
//! media, facilities, GPE vs LOC) come from gazetteers and name patterns afterwards.

pub mod conll;
pub mod features;
pub mod lexicon;
pub mod model;
pub mod tagger;
pub mod tokens;

pub use tagger::{recognize, Demonym};

use crate::Span;

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Org,
    ArmedGroup,
    /// A geo-political entity: a country, city or region with a government.
    Gpe,
    /// A place without a government: a river, mountain, desert, region.
    Loc,
    Facility,
    Media,
    Event,
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 9] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::ArmedGroup,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Facility,
        EntityType::Media,
        EntityType::Event,
        EntityType::Misc,
    ];

    /// The name the output contract writes.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::ArmedGroup => "ARMED_GROUP",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Facility => "FACILITY",
            EntityType::Media => "MEDIA",
            EntityType::Event => "EVENT",
            EntityType::Misc => "MISC",
        }
    }

    /// The CoNLL-2003 class this type is scored as: PERSON → PER; ORG, ARMED_GROUP, MEDIA →
    /// ORG; GPE, LOC, FACILITY → LOC; EVENT, MISC → MISC.
    pub fn conll(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Org | EntityType::ArmedGroup | EntityType::Media => "ORG",
            EntityType::Gpe | EntityType::Loc | EntityType::Facility => "LOC",
            EntityType::Event | EntityType::Misc => "MISC",
        }
    }
}

/// One mention of a named entity in one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The name itself, without a title before it.
    pub span: Span,
    pub ty: EntityType,
    /// A title or role just before a person's name ("Maj. Gen.", "Foreign Minister").
    pub title: Option<Span>,
}

/// How [`tag_conll`] reads the model's tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// The model's spans and labels as they are.
    Raw,
    /// As `analyze` reads them: common words opening a sentence dropped, gazetteer names
    /// mended, spans trimmed to the name (titles, lower-case edges), types refined by the
    /// gazetteers and scored by [`EntityType::conll`] (a demonym is `MISC`).
    Product,
}

/// Tags pre-tokenised documents (CoNLL files) with `model` as text of `domain`: per document, per sentence, the
/// entity spans `(first token, end token, label)`.
pub fn tag_conll(model: &model::Model, domain: u8, docs: &[conll::Doc], reading: Reading) -> Vec<Vec<Vec<(usize, usize, String)>>> {
    docs.iter()
        .map(|doc| {
            let sentences: Vec<Vec<&str>> = doc.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
            let gazetteer: Vec<Vec<u16>> = sentences.iter().map(|s| lexicon::flags(s)).collect();
            let mut tagged = model.tag(domain, &sentences, &gazetteer);
            if reading == Reading::Raw {
                return tagged.into_iter().map(|spans| spans.into_iter().map(|(a, b, l)| (a, b, model.labels()[l].clone())).collect()).collect();
            }
            tagger::drop_common_openers(&sentences, &gazetteer, &mut tagged);
            sentences
                .iter()
                .zip(tagged)
                .map(|(words, found)| {
                    // The tokens as a text, one space between them, for the gazetteer lookups.
                    let text = words.join(" ");
                    let mut at = 0;
                    let spans: Vec<Span> = words
                        .iter()
                        .map(|w| {
                            let span = Span::new(&text, at, at + w.len()).expect("on char boundaries");
                            at += w.len() + 1;
                            span
                        })
                        .collect();
                    tagger::typed_ranges(model, &text, &spans, words, found)
                        .into_iter()
                        .map(|r| (r.start, r.end, r.ty.conll().to_string()))
                        .collect()
                })
                .collect()
        })
        .collect()
}
