//! `stories.jsonl`: one story a line, with why each document is in it and the reprint pairs
//! among its documents (passages as code-point spans in both texts).

use crate::layers::{SpanRecord, Spans};
use corroborate_annotate::Annotated;
use corroborate_stories::{Clustering, Reprint, ReprintKind, Story, TitleSource};
use serde::Serialize;
use std::io::{self, Write};

/// One line of `stories.jsonl`.
#[derive(Debug, Serialize)]
pub struct StoryRecord<'a> {
    pub contract: &'static str,
    pub id: &'a str,
    /// A neutral title where more than one outlet reports the story: the clause of one
    /// headline whose words the other outlets' reports bear out best (`title_method`
    /// `consensus`); else the headline of the document nearest the story's centre
    /// (`headline`), or its key terms (`key_terms`).
    pub title: &'a str,
    /// The document the title is taken from; null when it is made of key terms.
    pub title_from: Option<&'a str>,
    /// `consensus`, `headline` or `key_terms`.
    pub title_method: &'static str,
    /// The receipt of a consensus title: its span in the `title` of document `title_from`
    /// (code points), null otherwise.
    pub title_span: Option<SpanRecord<'a>>,
    /// Each content word of a consensus title with the documents whose reports use it.
    pub title_support: Vec<TitleSupport<'a>>,
    /// Document ids, in input order.
    pub documents: Vec<&'a str>,
    /// Event date range (ISO dates), from the documents' main event dates.
    pub start: Option<String>,
    pub end: Option<String>,
    /// Linked entity ids, most frequent first (empty until linking runs).
    pub entities: &'a [String],
    /// Key names and words.
    pub terms: &'a [String],
    /// Related stories (same kind of event) share a thread id.
    pub thread: &'a str,
    /// Why each document is here.
    pub members: Vec<MemberRecord<'a>>,
    /// Reprints and shared passages between documents of this story.
    pub reprints: Vec<ReprintRecord<'a>>,
}

/// One word of a consensus title and the documents that bear it out.
#[derive(Debug, Serialize)]
pub struct TitleSupport<'a> {
    pub term: &'a str,
    pub documents: Vec<&'a str>,
}

/// A document's strongest link inside its story.
#[derive(Debug, Serialize)]
pub struct MemberRecord<'a> {
    pub document: &'a str,
    /// `similar` (terms and dates), `reprint` (forced by a near-duplicate or whole-text
    /// reprint) or `alone` (a story of one).
    pub reason: &'static str,
    pub linked_to: Option<&'a str>,
    /// Cosine of the two documents' term vectors.
    pub similarity: Option<f32>,
    /// Similarity discounted by the date gap: what the clustering compared.
    pub score: Option<f32>,
    pub date_gap_days: Option<i32>,
    pub shared_terms: &'a [String],
    pub shared_entities: &'a [String],
}

/// Two documents with passages in common.
#[derive(Debug, Serialize)]
pub struct ReprintRecord<'a> {
    pub documents: [&'a str; 2],
    /// `near_duplicate`, `contains` (the first contains the second whole) or `shared_passages`.
    pub kind: &'static str,
    /// Share of each document's comparable words inside the passages.
    pub coverage: [f32; 2],
    pub passages: Vec<PassageRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct PassageRecord<'a> {
    pub a: SpanRecord<'a>,
    pub b: SpanRecord<'a>,
}

fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn reprint_record<'a>(r: &'a Reprint, docs: &'a [Annotated]) -> ReprintRecord<'a> {
    let (da, db) = (&docs[r.a].document, &docs[r.b].document);
    let (sa, sb) = (Spans::new(&da.text), Spans::new(&db.text));
    // "contains" reads first-contains-second: put the container first.
    let swap = r.kind == ReprintKind::Contains && !r.a_contains_b;
    let passages = r
        .passages
        .iter()
        .map(|p| {
            if swap {
                PassageRecord {
                    a: sb.record(p.b),
                    b: sa.record(p.a),
                }
            } else {
                PassageRecord {
                    a: sa.record(p.a),
                    b: sb.record(p.b),
                }
            }
        })
        .collect();
    let (ids, coverage) = if swap {
        (
            [db.id.as_str(), da.id.as_str()],
            [round(r.coverage_b), round(r.coverage_a)],
        )
    } else {
        (
            [da.id.as_str(), db.id.as_str()],
            [round(r.coverage_a), round(r.coverage_b)],
        )
    };
    let kind = match r.kind {
        ReprintKind::NearDuplicate => "near_duplicate",
        ReprintKind::Contains => "contains",
        ReprintKind::SharedPassages => "shared_passages",
    };
    ReprintRecord {
        documents: ids,
        kind,
        coverage,
        passages,
    }
}

/// The contract record of one story; `docs` are the documents the clustering was made from.
pub fn story_record<'a>(
    story: &'a Story,
    reprints: &'a [Reprint],
    docs: &'a [Annotated],
) -> StoryRecord<'a> {
    let id_of = |d: usize| docs[d].document.id.as_str();
    let members = story
        .members
        .iter()
        .map(|m| {
            let reason = match m.link {
                None => "alone",
                Some(e) if e.forced => "reprint",
                Some(_) => "similar",
            };
            MemberRecord {
                document: id_of(m.document),
                reason,
                linked_to: m.link.map(|e| id_of(e.to)),
                similarity: m.link.map(|e| round(e.cosine)),
                score: m.link.map(|e| round(e.score)),
                date_gap_days: m.link.and_then(|e| e.date_gap_days),
                shared_terms: &m.shared_terms,
                shared_entities: &m.shared_entities,
            }
        })
        .collect();
    let inside = |d: usize| story.documents.binary_search(&d).is_ok();
    StoryRecord {
        contract: crate::CONTRACT,
        id: &story.id,
        title: &story.title,
        title_from: match story.title_source {
            TitleSource::Consensus { document, .. } | TitleSource::Document(document) => {
                Some(id_of(document))
            }
            TitleSource::KeyTerms => None,
        },
        title_method: match story.title_source {
            TitleSource::Consensus { .. } => "consensus",
            TitleSource::Document(_) => "headline",
            TitleSource::KeyTerms => "key_terms",
        },
        title_span: match story.title_source {
            TitleSource::Consensus {
                document,
                start,
                end,
            } => docs[document].document.title.as_deref().and_then(|t| {
                corroborate_annotate::Span::new(t, start, end).map(|span| Spans::new(t).record(span))
            }),
            _ => None,
        },
        title_support: story
            .title_support
            .iter()
            .map(|(term, documents)| TitleSupport {
                term,
                documents: documents.iter().map(|&d| id_of(d)).collect(),
            })
            .collect(),
        documents: story.documents.iter().map(|&d| id_of(d)).collect(),
        start: story.start.map(|d| d.to_string()),
        end: story.end.map(|d| d.to_string()),
        entities: &story.entities,
        terms: &story.terms,
        thread: &story.thread,
        members,
        reprints: reprints
            .iter()
            .filter(|r| inside(r.a) && inside(r.b))
            .map(|r| reprint_record(r, docs))
            .collect(),
    }
}

/// Writes `stories.jsonl`, one story a line, in the clustering's order. Reprint pairs that
/// straddle two stories (shared passages only) are listed under the story of their first
/// document as well.
pub fn write_stories(
    out: &mut impl Write,
    clustering: &Clustering,
    docs: &[Annotated],
) -> io::Result<()> {
    let story_of = clustering.story_of(docs.len());
    for (s, story) in clustering.stories.iter().enumerate() {
        let mut record = story_record(story, &clustering.reprints, docs);
        record.reprints.extend(
            clustering
                .reprints
                .iter()
                .filter(|r| story_of[r.a] == s && story_of[r.b] != s)
                .map(|r| reprint_record(r, docs)),
        );
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
