//! `documents.jsonl`: one document a line, spans in Unicode code points over `text`.

use crate::attribution::{blame_record, DocAuthor, citation_record, hedge_record, quote_record, BlameRecord, CitationRecord, HedgeRecord, QuoteRecord};
use crate::entities::{demonym_record, mention_record, DemonymRecord, MentionRecord};
use crate::layers::{quantity_entity, quantity_record, time_record, QuantityRecord, Spans, TimeRecord};
use corroborate_annotate::link::Linked;
use corroborate_annotate::Annotated;
use corroborate_ingest::{Genre, Precision, Removed};
use serde::Serialize;
use std::io::{self, Write};

/// One line of `documents.jsonl`, as the output contract names its fields.
#[derive(Debug, Serialize)]
pub struct DocumentRecord<'a> {
    pub contract: &'static str,
    pub id: &'a str,
    pub source: &'a str,
    pub url: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub title: Option<&'a str>,
    pub authors: &'a [String],
    pub published: Option<&'a str>,
    pub published_precision: Option<Precision>,
    pub language: Option<&'a str>,
    pub genre: Genre,
    pub text: &'a str,
    pub removed: &'a [Removed],
    pub sentences: Vec<Offsets>,
    pub entities: Vec<MentionRecord<'a>>,
    /// Demonym adjectives ("Russian") with their country: not entity mentions.
    pub demonyms: Vec<DemonymRecord<'a>>,
    pub times: Vec<TimeRecord<'a>>,
    pub quantities: Vec<QuantityRecord<'a>>,
    pub quotes: Vec<QuoteRecord<'a>>,
    pub citations: Vec<CitationRecord<'a>>,
    pub hedges: Vec<HedgeRecord<'a>>,
    pub blame: Vec<BlameRecord<'a>>,
}

/// A span as the contract writes sentence boundaries: code point offsets.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Offsets {
    pub start: usize,
    pub end: usize,
}

/// The contract record of one annotated document; `linked` is the corpus's linking and this
/// document's index in it (mentions carry no entity id without it).
pub fn document_record<'a>(annotated: &'a Annotated, linked: Option<(&'a Linked, usize)>) -> DocumentRecord<'a> {
    let doc = &annotated.document;
    let spans = Spans::new(&doc.text);
    let date = doc.published.as_ref().map(|p| p.iso());
    let author = DocAuthor::of(doc);
    DocumentRecord {
        contract: crate::CONTRACT,
        id: doc.id.as_str(),
        source: &doc.source,
        url: doc.url.as_deref(),
        outlet: doc.outlet.as_deref(),
        title: doc.title.as_deref(),
        authors: &doc.authors,
        published: doc.published.as_ref().map(|p| p.iso()),
        published_precision: doc.published.as_ref().map(|p| p.precision()),
        language: doc.language.as_deref(),
        genre: doc.genre,
        text: &doc.text,
        removed: &doc.removed,
        sentences: annotated
            .sentences
            .iter()
            .map(|&s| {
                let span = spans.record(s);
                Offsets { start: span.start, end: span.end }
            })
            .collect(),
        entities: annotated
            .entities
            .iter()
            .enumerate()
            .map(|(i, m)| match linked {
                Some((l, d)) => mention_record(m, l.links[d].get(i), &l.entities, &spans),
                None => mention_record(m, None, &[], &spans),
            })
            .collect(),
        demonyms: annotated.demonyms.iter().map(|d| demonym_record(d, &spans)).collect(),
        times: annotated.times.iter().map(|t| time_record(t, &spans, date)).collect(),
        quantities: annotated.quantities.iter().map(|q| quantity_record(q, &spans, quantity_entity(q, &annotated.entities, linked))).collect(),
        quotes: annotated.attribution.quotes.iter().map(|q| quote_record(q, &spans, linked, author)).collect(),
        citations: annotated.attribution.citations.iter().map(|c| citation_record(c, &spans, linked, author)).collect(),
        hedges: annotated.attribution.hedges.iter().map(|h| hedge_record(h, &spans)).collect(),
        blame: annotated.attribution.blame.iter().map(|b| blame_record(b, &spans, linked, author)).collect(),
    }
}

/// Writes `documents.jsonl`, one record a line, in the order given; `linked` is the linking of
/// exactly these documents.
pub fn write_documents(out: &mut impl Write, docs: &[Annotated], linked: &Linked) -> io::Result<()> {
    for (d, annotated) in docs.iter().enumerate() {
        serde_json::to_writer(&mut *out, &document_record(annotated, Some((linked, d))))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
