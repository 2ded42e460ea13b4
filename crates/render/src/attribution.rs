//! The attribution layers of `documents.jsonl`: `quotes`, `citations`, `hedges` and `blame`,
//! every item with its evidence span in code points.

use crate::layers::{SpanRecord, Spans};
use corroborate_annotate::attribution::{Blame, Citation, Hedge, Quote, Speaker, SpeakerKind};
use corroborate_annotate::entities::EntityType;
use corroborate_annotate::link::Linked;
use serde::Serialize;

/// Who said it (or who blames, or is blamed).
#[derive(Debug, Serialize)]
pub struct SpeakerRecord<'a> {
    /// The words naming the speaker; null for the author or a quote continuing without a cue.
    pub span: Option<SpanRecord<'a>>,
    /// The linked entity's id in `entities.jsonl`.
    pub entity: Option<&'a str>,
    /// The linked entity's name, else the words of the text; for the author, the byline's
    /// first name else the outlet, else "the author".
    pub name: String,
    /// `named`, `description`, `anonymous`, `resolved` (a pronoun or a continuing quote) or
    /// `author` (a field this contract adds).
    pub kind: &'static str,
}

#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    pub content: SpanRecord<'a>,
    pub cue: Option<SpanRecord<'a>>,
    pub speaker: Option<SpeakerRecord<'a>>,
    /// `direct`, `indirect` or `mixed`.
    pub kind: &'static str,
}

#[derive(Debug, Serialize)]
pub struct CitationRecord<'a> {
    pub span: SpanRecord<'a>,
    /// The cited source's name.
    pub source: String,
    pub entity: Option<&'a str>,
    /// The claim the source supports.
    pub claim: Option<SpanRecord<'a>>,
    /// `according_to`, `reported`, `citing`, `outlet`, `anonymous` or `footnote`.
    pub how: &'static str,
    /// For an anonymous source, the named outlet or agency that carries it.
    pub via: Option<SpeakerRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct HedgeRecord<'a> {
    pub span: SpanRecord<'a>,
    pub marker: &'static str,
    /// The sentence (or quoted term) the hedge qualifies.
    pub claim: SpanRecord<'a>,
}

#[derive(Debug, Serialize)]
pub struct BlameRecord<'a> {
    pub span: SpanRecord<'a>,
    pub cue: SpanRecord<'a>,
    pub holder: SpeakerRecord<'a>,
    pub target: SpeakerRecord<'a>,
    #[serde(rename = "for")]
    pub for_: Option<SpanRecord<'a>>,
}

/// The linking of this document's mentions, when there is one.
pub type DocLinks<'a> = Option<(&'a Linked, usize)>;

/// Who the document's own voice is: its first byline author, else its outlet. A party of kind
/// `author` (scare quotes, "the author argues", a blame the text itself lays) is named by it
/// and, when the text also mentions that person, linked to them.
#[derive(Clone, Copy, Debug, Default)]
pub struct DocAuthor<'a> {
    pub name: Option<&'a str>,
}

impl<'a> DocAuthor<'a> {
    pub fn of(doc: &'a corroborate_ingest::Document) -> Self {
        DocAuthor { name: doc.voice() }
    }
}

pub fn speaker_record<'a>(
    s: &Speaker,
    spans: &Spans<'a>,
    linked: DocLinks<'a>,
    author: DocAuthor<'a>,
) -> SpeakerRecord<'a> {
    let entity = match (s.mention, linked) {
        (Some(m), Some((l, d))) => l
            .links
            .get(d)
            .and_then(|links| links.get(m))
            .map(|link| &l.entities[link.entity]),
        _ => None,
    };
    let (name, entity) = match (s.kind, entity, author.name) {
        // The byline person, linked when this document mentions them by that name.
        (SpeakerKind::Author, None, Some(name)) => {
            let mentioned = linked.and_then(|(l, d)| {
                l.links.get(d)?.iter().map(|link| &l.entities[link.entity]).find(|e| {
                    e.ty == EntityType::Person
                        && (e.name.eq_ignore_ascii_case(name) || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
                })
            });
            (name.to_string(), mentioned)
        }
        (_, Some(e), _) => (e.name.clone(), Some(e)),
        (_, None, _) => (s.name.clone(), None),
    };
    SpeakerRecord {
        span: s.span.map(|x| spans.record(x)),
        entity: entity.map(|e| e.id.as_str()),
        name,
        kind: s.kind.as_str(),
    }
}

pub fn quote_record<'a>(q: &Quote, spans: &Spans<'a>, linked: DocLinks<'a>, author: DocAuthor<'a>) -> QuoteRecord<'a> {
    QuoteRecord {
        content: spans.record(q.content),
        cue: q.cue.map(|c| spans.record(c)),
        speaker: q.speaker.as_ref().map(|s| speaker_record(s, spans, linked, author)),
        kind: q.kind.as_str(),
    }
}

pub fn citation_record<'a>(
    c: &Citation,
    spans: &Spans<'a>,
    linked: DocLinks<'a>,
    author: DocAuthor<'a>,
) -> CitationRecord<'a> {
    let source = speaker_record(&c.source, spans, linked, author);
    CitationRecord {
        span: spans.record(c.span),
        source: source.name,
        entity: source.entity,
        claim: c.claim.map(|x| spans.record(x)),
        how: c.how,
        via: c.via.as_ref().map(|v| speaker_record(v, spans, linked, author)),
    }
}

pub fn hedge_record<'a>(h: &Hedge, spans: &Spans<'a>) -> HedgeRecord<'a> {
    HedgeRecord {
        span: spans.record(h.span),
        marker: h.marker,
        claim: spans.record(h.claim),
    }
}

pub fn blame_record<'a>(b: &Blame, spans: &Spans<'a>, linked: DocLinks<'a>, author: DocAuthor<'a>) -> BlameRecord<'a> {
    BlameRecord {
        span: spans.record(b.span),
        cue: spans.record(b.cue),
        holder: speaker_record(&b.holder, spans, linked, author),
        target: speaker_record(&b.target, spans, linked, author),
        for_: b.for_.map(|x| spans.record(x)),
    }
}
