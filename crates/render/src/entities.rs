//! Entities as the output contract writes them: the mentions layer of `documents.jsonl` and
//! the records of `entities.jsonl`.

use crate::layers::{SpanRecord, Spans};
use corroborate_annotate::entities::{Demonym, Mention};
use corroborate_annotate::link::{Entity, Link, Linked};
use corroborate_annotate::Annotated;
use serde::Serialize;
use std::io::{self, Write};

/// One mention in `documents.jsonl`'s `entities` layer.
#[derive(Debug, Serialize)]
pub struct MentionRecord<'a> {
    pub span: SpanRecord<'a>,
    /// PERSON, ORG, ARMED_GROUP, GPE, LOC, FACILITY, MEDIA, EVENT or MISC.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// The id of its entity in `entities.jsonl`.
    pub entity: Option<&'a str>,
    /// A title or role just before a person's name ("Foreign Minister").
    pub title: Option<SpanRecord<'a>>,
    /// ISO 3166 alpha-2 of the country whose government this place name stands for
    /// ("Moscow said …").
    pub government_of: Option<&'static str>,
}

/// A demonym adjective in `documents.jsonl`'s `demonyms` layer (a field this contract adds).
#[derive(Debug, Serialize)]
pub struct DemonymRecord<'a> {
    pub span: SpanRecord<'a>,
    /// ISO 3166 alpha-2.
    pub country: &'static str,
    /// The words it modifies.
    pub modifies: Option<SpanRecord<'a>>,
}

pub fn mention_record<'a>(m: &Mention, link: Option<&Link>, entities: &'a [Entity], spans: &Spans<'a>) -> MentionRecord<'a> {
    MentionRecord {
        span: spans.record(m.span),
        ty: link.map_or(m.ty, |l| entities[l.entity].ty).as_str(),
        entity: link.map(|l| entities[l.entity].id.as_str()),
        title: m.title.map(|t| spans.record(t)),
        government_of: link.and_then(|l| l.government_of),
    }
}

pub fn demonym_record<'a>(d: &Demonym, spans: &Spans<'a>) -> DemonymRecord<'a> {
    DemonymRecord { span: spans.record(d.span), country: d.country, modifies: d.modifies.map(|s| spans.record(s)) }
}

/// One line of `entities.jsonl`.
#[derive(Debug, Serialize)]
pub struct EntityRecord<'a> {
    pub contract: &'static str,
    pub id: &'a str,
    pub name: &'a str,
    #[serde(rename = "type")]
    pub ty: &'static str,
    pub aliases: &'a [String],
    /// Every mention: the document id and the span in that document's text.
    pub mentions: Vec<EntityMention<'a>>,
    /// Ids of the documents that mention it.
    pub documents: Vec<&'a str>,
    pub geo: Option<GeoRecord>,
    /// Mentions that stand for a government rather than the place ("Moscow said").
    pub metonymy: Vec<EntityMention<'a>>,
}

#[derive(Debug, Serialize)]
pub struct EntityMention<'a> {
    pub document: &'a str,
    pub span: SpanRecord<'a>,
}

#[derive(Debug, Serialize)]
pub struct GeoRecord {
    pub lat: f64,
    pub lon: f64,
    pub geonames_id: u32,
    pub country: &'static str,
}

/// Writes `entities.jsonl`: one entity a line, sorted by id.
pub fn write_entities(out: &mut impl Write, docs: &[Annotated], linked: &Linked) -> io::Result<()> {
    let spans: Vec<Spans> = docs.iter().map(|a| Spans::new(&a.document.text)).collect();
    for e in &linked.entities {
        let mention = |r: &corroborate_annotate::link::MentionRef| EntityMention {
            document: docs[r.document].document.id.as_str(),
            span: spans[r.document].record(docs[r.document].entities[r.mention].span),
        };
        let record = EntityRecord {
            contract: crate::CONTRACT,
            id: &e.id,
            name: &e.name,
            ty: e.ty.as_str(),
            aliases: &e.aliases,
            mentions: e.mentions.iter().map(mention).collect(),
            documents: e.documents.iter().map(|&d| docs[d].document.id.as_str()).collect(),
            geo: e.geo.as_ref().map(|g| GeoRecord { lat: g.lat, lon: g.lon, geonames_id: g.geonames_id, country: g.country }),
            metonymy: e.metonymy.iter().map(mention).collect(),
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
