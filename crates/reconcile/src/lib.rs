//! Stage 5: the dossier of a story.
//!
//! [`reconcile`] reads the annotated documents of one story (with the corpus-wide entity links
//! and the story clustering) and builds a [`Dossier`]: the timeline of the events the documents
//! report, the figures they give grouped by counted thing and compared, the provenance graph of
//! outlets, cited sources and speakers with the chains claims travelled, who said what, the
//! blame matrix, the words each outlet uses for the main actors, and the facts some outlets
//! report and others leave out.
//!
//! Every item carries [`Evidence`]: the document, its outlet, the span the item comes from and
//! the sentence around it, in code points over the document's clean text. Nothing here reads
//! files or prints: the caller writes the dossier (see `corroborate-render`).

mod context;
mod coverage;
mod dates;
mod figures;
mod framing;
mod provenance;
mod timeline;
mod voices;

pub use context::Corpus;
use corroborate_stories::Story;
use serde::Serialize;

/// How many values become one in [`Figure::reconciled`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Policy {
    /// UCDP: the lowest credible value, a best estimate (the median of the independent
    /// sources' central values) and the highest credible value.
    #[default]
    Ucdp,
    /// ACLED: the most conservative (lowest) value, for low, best and high alike.
    Conservative,
    /// No reconciliation: every value stands; `low`, `best` and `high` are null.
    All,
}

impl Policy {
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Ucdp => "ucdp",
            Policy::Conservative => "conservative",
            Policy::All => "all",
        }
    }
}

/// Where an item comes from: a span of a document and the sentence that holds it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// The document id (as in `documents.jsonl`).
    pub document: String,
    /// The outlet's name, or the best label the document offers (see [`Corpus::outlet`]).
    pub outlet: String,
    pub url: Option<String>,
    /// The span, in code points over the document's text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The whole sentence (or sentences) holding the span.
    pub sentence: TextSpan,
    /// True when the words are not in the clean text but in what cleaning removed from it (a
    /// credit line such as "Courtesy The Bastion"): `text` and `sentence.text` are that line,
    /// and `start`/`end` are 0.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
}

/// A span of a document's text, in code points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A place, as linked across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    /// The entity id in `entities.jsonl`.
    pub entity: String,
    pub name: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
}

/// One event of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// TIMEX3 value of the event's date: `2016-12-11`, `2016-12-10/2016-12-11`, `2015-05`.
    pub when: String,
    /// `year`, `month`, `day`, `part_of_day`, `minute`, … as the time expression had it.
    pub precision: String,
    /// First and last day the date can mean (ISO dates), for sorting and drawing.
    pub earliest: String,
    pub latest: String,
    /// One line taken from the evidence sentence, with the actors' names normalised.
    pub what: String,
    #[serde(rename = "where")]
    pub place: Option<Place>,
    /// Entity ids of the actors named in the evidence.
    pub actors: Vec<String>,
    /// Outlets reporting it, sorted.
    pub outlets: Vec<String>,
    /// True for events well before the story (context the documents recall).
    pub background: bool,
    pub evidence: Vec<Evidence>,
}

/// How the values of a figure compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The same interval everywhere.
    Agree,
    /// The intervals overlap once each is widened by the tolerance.
    Compatible,
    /// At least two values cannot both be true.
    Contradict,
}

/// One reported value of a figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureValue {
    pub document: String,
    pub outlet: String,
    /// The words of the number ("more than 5,000").
    pub text: String,
    /// The interval; `null` for an open end.
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub approx: bool,
    /// Who asserts it: a speaker or cited source, else the outlet itself.
    pub holder: String,
    /// The entity id of the holder, when it is a linked entity.
    pub holder_entity: Option<String>,
    /// How the value was got: `stated`, or `derived` (a ratio applied to another value).
    pub how: String,
    /// For a derived value: what it was derived from.
    pub derived_from: Option<String>,
    pub evidence: Evidence,
}

/// The values after the policy.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reconciled {
    pub policy: &'static str,
    pub low: Option<f64>,
    pub best: Option<f64>,
    pub high: Option<f64>,
    /// What the policy did, in words.
    pub rule: String,
}

/// Values about one counted thing in one event, from one or more documents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// What is counted, in words ("combatants attacking", "people killed").
    pub topic: String,
    /// The counted noun class ("fighters", "civilians", "km").
    pub unit: String,
    pub values: Vec<FigureValue>,
    pub relation: Relation,
    /// The tolerance the relation used, in words.
    pub tolerance: String,
    /// Why the relation is what it is ("[1500, 2000] and (3000, ∞) do not overlap").
    pub explanation: String,
    pub reconciled: Reconciled,
    /// Holders left once values relayed from the same origin are counted once.
    pub independent_sources: usize,
}

/// What one speaker said, across outlets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerQuotes {
    pub speaker: String,
    pub entity: Option<String>,
    /// Outlets that quote this speaker, sorted.
    pub outlets: Vec<String>,
    pub items: Vec<QuoteItem>,
}

/// One quote (or several near-identical quotes of the same words in several documents).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteItem {
    /// The quoted words (the first occurrence's).
    pub text: String,
    /// `direct`, `indirect` or `mixed`.
    pub kind: String,
    pub outlets: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// One row of the blame matrix: a holder blaming a target, across outlets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BlameRow {
    pub holder: String,
    pub holder_entity: Option<String>,
    pub target: String,
    pub target_entity: Option<String>,
    /// What for, one per distinct wording.
    #[serde(rename = "for")]
    pub for_: Vec<String>,
    pub outlets: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// The provenance graph.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Provenance {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub claims: Vec<Claim>,
}

/// An outlet, a cited source or a speaker.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    /// Stable within the dossier: `outlet:…`, `source:…`, `speaker:…` (an entity id when linked).
    pub id: String,
    /// `outlet`, `source` or `speaker`.
    pub kind: String,
    pub name: String,
    /// True when the node is one of the story's documents' outlets.
    pub in_corpus: bool,
}

/// `from` cites / quotes / reprints `to`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// `cites`, `quotes` or `reprints`.
    pub kind: String,
    pub evidence: Vec<Evidence>,
}

/// A claim, where it comes from and how it travelled.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    pub claim: String,
    /// The node the claim starts at (the source furthest upstream).
    pub origin: String,
    /// The nodes between the origin and the outlets, upstream first.
    pub via: Vec<String>,
    /// Outlets that report it.
    pub reported_in: Vec<String>,
    /// Independent witnesses once chains through the same origin are collapsed.
    pub independent: usize,
    pub evidence: Vec<Evidence>,
}

/// The words each outlet uses for one actor or event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Framing {
    pub entity: String,
    pub name: String,
    /// Outlet → terms, each with its count, most frequent first.
    pub terms_by_outlet: std::collections::BTreeMap<String, Vec<Term>>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Term {
    pub term: String,
    pub count: usize,
}

/// Per outlet: genre and how much it hedges.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutletProfile {
    pub outlet: String,
    pub documents: Vec<String>,
    pub genre: String,
    pub words: usize,
    pub hedges: usize,
    /// Hedges per 1,000 words.
    pub hedge_density: f64,
    pub quotes: usize,
    pub citations: usize,
}

/// A fact some outlets report and others do not.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoverageFact {
    pub fact: String,
    pub reported_by: Vec<String>,
    pub missing_from: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// The dossier of one story, as `dossiers/STORY_ID.json` writes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dossier {
    pub contract: &'static str,
    pub story: String,
    pub title: String,
    pub policy: &'static str,
    pub documents: Vec<String>,
    pub outlets: Vec<OutletProfile>,
    pub timeline: Vec<Event>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<SpeakerQuotes>,
    pub blame: Vec<BlameRow>,
    pub provenance: Provenance,
    pub framing: Vec<Framing>,
    pub coverage: Vec<CoverageFact>,
}

/// Builds the dossier of `story` (whose `documents` index `corpus.docs`).
pub fn reconcile(corpus: &Corpus, story: &Story, policy: Policy, contract: &'static str) -> Dossier {
    let docs: Vec<usize> = story.documents.clone();
    let timeline = timeline::timeline(corpus, &docs);
    let figures = figures::figures(corpus, &docs, policy);
    let quotes = voices::who_said_what(corpus, &docs);
    let blame = voices::blame_matrix(corpus, &docs);
    let provenance = provenance::provenance(corpus, &docs);
    let framing = framing::framing(corpus, &docs);
    let outlets = framing::outlet_profiles(corpus, &docs);
    let coverage = coverage::coverage(corpus, &docs, &timeline, &figures);
    Dossier {
        contract,
        story: story.id.clone(),
        title: story.title.clone(),
        policy: policy.as_str(),
        documents: docs.iter().map(|&d| corpus.docs[d].document.id.to_string()).collect(),
        outlets,
        timeline,
        figures,
        quotes,
        blame,
        provenance,
        framing,
        coverage,
    }
}
