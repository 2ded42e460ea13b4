//! Stage 2: stand-off annotations over a [`Document`]'s clean text.
//!
//! Every layer is a list of items that each carry a [`Span`] into `Document::text`; the text
//! itself is never changed here. Layers land one issue at a time: sentences, time expressions
//! and quantities now; entities, quotes, citations, hedges and blame in their own modules later.

pub mod attribution;
pub mod dates;
pub mod entities;
pub mod gazetteer;
pub mod link;
pub mod perceptron;
pub mod sentences;
pub mod syntax;
pub mod times;
pub mod quantities;
mod span;

pub use corroborate_ingest::Document;
pub use span::{CodePoints, Span};

/// FNV-1a, 64 bits: a stable hash (std's hasher may change between releases), for entity ids,
/// the gazetteer's folded-key indices and the story index's keys.
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A document with its annotation layers.
#[derive(Clone, Debug)]
pub struct Annotated {
    pub document: Document,
    /// Sentence spans: in order, non-overlapping, covering every non-space character.
    pub sentences: Vec<Span>,
    /// Time expressions, normalised against the publication date when there is one.
    pub times: Vec<times::TimeExpr>,
    /// Numeric claims as intervals with what they count.
    pub quantities: Vec<quantities::Quantity>,
    /// Named-entity mentions (linked across documents later, by [`link`]).
    pub entities: Vec<entities::Mention>,
    /// Demonym adjectives ("Russian") with their country.
    pub demonyms: Vec<entities::Demonym>,
    /// Quotes, cited sources, hedges and blame statements ([`attribution`]).
    pub attribution: attribution::Attribution,
}

/// Runs every annotator over one document.
pub fn annotate(document: Document) -> Annotated {
    let sentences = sentences::split(&document.text);
    let times = times::find_times(&document.text, document.published.as_ref());
    let quantities = quantities::find_quantities_in(&document.text, &sentences);
    let (entities, demonyms) = entities::recognize(&document.text, &sentences);
    let attribution = attribution::attribute(&document.text, &sentences, &entities);
    Annotated { document, sentences, times, quantities, entities, demonyms, attribution }
}

/// Links the entity mentions of a corpus (see [`link::link`]).
pub fn link_documents(docs: &[Annotated]) -> link::Linked {
    let mentions: Vec<link::DocumentMentions> =
        docs.iter().map(|a| link::DocumentMentions { text: &a.document.text, mentions: &a.entities }).collect();
    link::link(&mentions)
}

/// The Palmyra reference pages beside the checkout (`../shared/corpus/palmyra-2016/*.txt`),
/// sorted; `None`, with a message, when they are absent (a clone elsewhere).
#[cfg(test)]
pub(crate) fn palmyra_pages() -> Option<Vec<std::path::PathBuf>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/palmyra-2016");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} absent", dir.display());
        return None;
    };
    let mut paths: Vec<_> =
        entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    paths.sort();
    Some(paths)
}
