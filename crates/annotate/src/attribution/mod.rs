//! Attribution: who said what (direct, indirect and mixed quotes with cue and speaker), which
//! upstream sources a text cites, how it hedges, and who blames whom for what.
//!
//! Rules, not a model: every finder reads a small table (`cues.rs`, `hedges.rs`, `blame.rs`)
//! over the sentence words and the entity mentions, so each decision can be traced to a row.
//! Every item carries its evidence span. Everything is linear in the text: each quote and cue
//! looks only inside its own sentence, the paragraph before it and the previous speaker.

pub mod blame;
pub mod citations;
pub mod cues;
pub mod hedges;
pub mod quotes;
mod speakers;
mod stances;
mod words;

use crate::entities::Mention;
use crate::Span;

pub use blame::Blame;
pub use citations::Citation;
pub use hedges::Hedge;

/// Direct (the speaker's words in quotation marks or a block quote), indirect (paraphrase) or
/// mixed (a partial quote inside paraphrase, or quoted words used as a term).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// How a speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A named entity ("Lavrov", "RIA Novosti").
    Named,
    /// A description without a name ("a spokesman in the Iraqi military", "sources").
    Description,
    /// An anonymous source ("an anonymous diplomatic source", "a source").
    Anonymous,
    /// A pronoun or a continuing quote resolved to an earlier speaker.
    Resolved,
    /// The author or outlet itself ("I wrote", scare quotes).
    Author,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Named => "named",
            SpeakerKind::Description => "description",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Resolved => "resolved",
            SpeakerKind::Author => "author",
        }
    }
}

/// Who a quote, citation or blame statement is attributed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The words in the text naming the speaker (for a pronoun, the pronoun; for a quote
    /// continuing without a new cue, the words that named the speaker before); `None` for the
    /// author of a scare quote.
    pub span: Option<Span>,
    /// The entity mention the speaker resolves to (index into `Annotated::entities`).
    pub mention: Option<usize>,
    /// A readable name: the mention's text, the description, or "the author".
    pub name: String,
    pub kind: SpeakerKind,
}

/// One attributed statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The reported words: for direct quotes with their quotation marks.
    pub content: Span,
    /// The reporting verb or phrase ("said", "according to"), when there is one.
    pub cue: Option<Span>,
    pub speaker: Option<Speaker>,
    pub kind: QuoteKind,
}

impl Quote {
    /// Whether the quote reports speech or writing, not only a stance or an action the
    /// attribution layer also keeps (as PolNeAR does): direct and mixed quotes always; an
    /// indirect one unless its cue reports speech only with a clause after it and none follows
    /// ("attacked the forces", "continued losing ground", "shows its poor understanding"), or
    /// its content only says where a source wrote ("wrote in The Vigil on 21 February").
    pub fn is_speech(&self, text: &str) -> bool {
        if self.kind != QuoteKind::Indirect {
            return true;
        }
        let Some(cue) = self.cue else {
            return true;
        };
        let verb = cue.of(text).split_whitespace().next().unwrap_or("").to_lowercase();
        let content = self.content.of(text).trim_start().to_lowercase();
        // "wrote in The Vigil on 21 February": where a source wrote, not what.
        let venue_only = ["in ", "on ", "at "].iter().any(|p| content.starts_with(p)) && !content.split_whitespace().take(12).any(|w| w == "that");
        if cues::cue_verb(&verb) == Some(true) && venue_only {
            return false;
        }
        if !cues::CLAUSE_ONLY_VERBS.contains(&verb.as_str()) {
            return true;
        }
        content.starts_with(['“', '"', '‘']) || content.starts_with("that ")
    }
}

/// All attribution layers of one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    pub quotes: Vec<Quote>,
    /// Attributions of a stance, belief or deliberate act that are not speech ("the campaign
    /// is seizing on the remark"), as PolNeAR counts them: kept apart from `quotes`, which say
    /// who said what, so voices and provenance never read them.
    pub stances: Vec<Quote>,
    pub citations: Vec<Citation>,
    pub hedges: Vec<Hedge>,
    pub blame: Vec<Blame>,
}

/// Runs every attribution finder over one text, its sentences and its entity mentions.
pub fn attribute(text: &str, sentences: &[Span], entities: &[Mention]) -> Attribution {
    let words = words::Words::new(text, sentences, entities);
    let quotes = speakers::find_quotes(&words);
    let citations = citations::find_citations(&words, &quotes);
    let mut hedges = hedges::find_hedges(&words);
    hedges.extend(
        quotes
            .iter()
            .filter(|q| {
                q.kind == QuoteKind::Mixed
                    && q.speaker
                        .as_ref()
                        .is_some_and(|s| s.kind == SpeakerKind::Author)
            })
            .map(|q| Hedge {
                span: q.content,
                marker: "scare quotes",
                claim: q.content,
            }),
    );
    hedges.sort_by_key(|h| (h.span.start(), h.span.end()));
    let blame = blame::find_blame(&words, &quotes);
    let stances = stances::find_stances(&words, &quotes);
    Attribution {
        quotes,
        stances,
        citations,
        hedges,
        blame,
    }
}

#[cfg(test)]
mod tests;
