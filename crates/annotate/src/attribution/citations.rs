//! Cited sources: agencies, ministries, statements, other outlets, social-media users and
//! footnotes an article relies on, each with the claim it supports. They feed the provenance
//! graph: who a text's claims come from.

use super::cues::cue_verb;
use super::speakers::party;
use super::words::Words;
use super::{Quote, Speaker, SpeakerKind};
use crate::entities::EntityType;
use crate::Span;

/// One cited source.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// The citing words ("according to U.S. officials", "RIA Novosti … has revealed", "[4]").
    pub span: Span,
    pub source: Speaker,
    /// The claim it supports, when the citation is an attribution.
    pub claim: Option<Span>,
    /// How it is cited: `according_to`, `reported` (a publishing verb), `citing`, `outlet`
    /// (an outlet quoted as a speaker), `anonymous` (an anonymous source, carried by `via`) or
    /// `footnote`.
    pub how: &'static str,
    /// For an anonymous source: the named outlet or agency that carries it ("RIA Novosti").
    pub via: Option<Speaker>,
}

pub(crate) fn find_citations(w: &Words, quotes: &[Quote]) -> Vec<Citation> {
    let mut out = Vec::new();
    for q in quotes {
        let (Some(cue), Some(source)) = (q.cue, q.speaker.as_ref()) else {
            continue;
        };
        if source.kind == SpeakerKind::Author {
            continue;
        }
        let cue_text = cue.of(w.text).to_lowercase();
        let media = source
            .mention
            .is_some_and(|m| w.entities[m].ty == EntityType::Media);
        let how = if cue_text.starts_with("according") {
            "according_to"
        } else if cue_verb(&cue_text) == Some(true) {
            "reported"
        } else if media {
            "outlet"
        } else {
            continue;
        };
        let span = source.span.map_or(cue, |s| {
            Span::new(w.text, s.start().min(cue.start()), s.end().max(cue.end()))
                .expect("same text")
        });
        out.push(Citation {
            span,
            source: source.clone(),
            claim: Some(q.content),
            how,
            via: None,
        });
    }
    for (s, &(lo, hi)) in w.sentence_words.iter().enumerate() {
        for k in lo..hi {
            // "citing a diplomatic source"
            if w.lower(k) == "citing" && k + 1 < hi {
                let mut b = k + 1;
                while b + 1 < hi
                    && b - k < 8
                    && w.is_word(b + 1)
                    && !matches!(w.lower(b + 1), "that" | "as" | "in" | "on")
                {
                    b += 1;
                }
                if w.is_word(k + 1) {
                    let source = party(w, k + 1, b);
                    out.push(Citation {
                        span: w.span(k, b),
                        source,
                        claim: Some(w.sentences[s]),
                        how: "citing",
                        via: None,
                    });
                }
            }
            // Bracketed footnote references: "[4]".
            if let Some((end, number)) = w.footnote_at(k).filter(|&(e, _)| e < hi) {
                let span = w.span(k, end);
                let source = Speaker {
                    span: Some(span),
                    mention: None,
                    name: format!("footnote {number}"),
                    kind: SpeakerKind::Description,
                };
                out.push(Citation {
                    span,
                    source,
                    claim: Some(w.sentences[s]),
                    how: "footnote",
                    via: None,
                });
            }
        }
    }
    // Anonymous sources: "leaked by an anonymous diplomatic source", "a source said", kept as
    // the source of the named outlet cited just before (within two sentences).
    for (s, &(lo, hi)) in w.sentence_words.iter().enumerate() {
        for k in lo..hi {
            if !matches!(w.lower(k), "source" | "sources") {
                continue;
            }
            let mut a = k;
            while a > lo
                && a + 5 > k
                && w.is_word(a - 1)
                && !matches!(
                    w.lower(a - 1),
                    "by" | "from" | "citing" | "to" | "said" | "told"
                )
            {
                a -= 1;
            }
            if !(a..k).any(|j| {
                matches!(
                    w.lower(j),
                    "anonymous" | "unnamed" | "diplomatic" | "senior" | "unidentified"
                )
            }) {
                continue;
            }
            let span = w.span(a, k);
            let carrier = out
                .iter()
                .filter(|c| {
                    c.how != "anonymous"
                        && c.span.end() <= span.start()
                        && c.source.mention.is_some()
                })
                .filter(|c| {
                    s.saturating_sub(w.sentences.partition_point(|x| x.end() <= c.span.start()))
                        <= 2
                })
                .last()
                .map(|c| c.source.clone());
            let source = Speaker {
                span: Some(span),
                mention: None,
                name: span.of(w.text).to_string(),
                kind: SpeakerKind::Anonymous,
            };
            out.push(Citation {
                span,
                source,
                claim: Some(w.sentences[s]),
                how: "anonymous",
                via: carrier,
            });
        }
    }
    out.sort_by_key(|c| (c.span.start(), c.span.end()));
    out
}
