//! The annotation layers of `documents.jsonl`, as the output contract writes them: every item
//! has a `span` `{start, end, text}` in code points over the document's text.

use corroborate_annotate::entities::{EntityType, Mention};
use corroborate_annotate::link::Linked;
use corroborate_annotate::quantities::{Quantity, QuantityKind, Trend};
use corroborate_annotate::times::{Anchor, TimeExpr, TimeKind};
use corroborate_annotate::{CodePoints, Span};
use serde::Serialize;

/// A span as the contract writes it.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SpanRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// Spans of one text, in code points.
pub struct Spans<'a> {
    text: &'a str,
    code_points: CodePoints,
}

impl<'a> Spans<'a> {
    pub fn new(text: &'a str) -> Spans<'a> {
        Spans { text, code_points: CodePoints::new(text) }
    }

    pub fn record(&self, span: Span) -> SpanRecord<'a> {
        let (start, end) = self.code_points.of_span(span);
        SpanRecord { start, end, text: span.of(self.text) }
    }
}

#[derive(Debug, Serialize)]
pub struct TimeRecord<'a> {
    pub span: SpanRecord<'a>,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: &'static str,
    /// TIMEX3 value; null when it could not be resolved.
    pub value: Option<&'a str>,
    pub precision: Option<&'static str>,
    pub anchor: AnchorRecord<'a>,
}

/// What a time value was resolved against.
#[derive(Debug, Serialize)]
pub struct AnchorRecord<'a> {
    /// `none` (absolute), `document_date`, `unresolved` (relative, nothing to resolve it
    /// against) or `previous` (an earlier expression of the text, in `span`).
    pub kind: &'static str,
    /// The document date it was resolved against, for `document_date`.
    pub value: Option<&'a str>,
    pub span: Option<SpanRecord<'a>>,
}

pub fn time_record<'a>(t: &'a TimeExpr, spans: &Spans<'a>, document_date: Option<&'a str>) -> TimeRecord<'a> {
    let kind = match t.kind {
        TimeKind::Date => "DATE",
        TimeKind::Time => "TIME",
        TimeKind::Duration => "DURATION",
        TimeKind::Set => "SET",
    };
    let anchor = match t.anchor {
        Anchor::None => AnchorRecord { kind: "none", value: None, span: None },
        Anchor::DocumentDate => AnchorRecord { kind: "document_date", value: document_date, span: None },
        Anchor::Unresolved => AnchorRecord { kind: "unresolved", value: None, span: None },
        Anchor::Previous(span) => AnchorRecord { kind: "previous", value: None, span: Some(spans.record(span)) },
    };
    TimeRecord { span: spans.record(t.span), kind, value: t.value.as_deref(), precision: t.precision, anchor }
}

#[derive(Debug, Serialize)]
pub struct QuantityRecord<'a> {
    pub span: SpanRecord<'a>,
    /// Interval ends; null is unbounded on that side.
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub approx: bool,
    /// `count`, `percent`, `money`, `distance`, `duration`, `ratio` or `other`.
    pub kind: &'static str,
    pub currency: Option<&'a str>,
    /// The counted noun or measure unit.
    pub unit: Option<&'a str>,
    pub counted: Option<CountedRecord<'a>>,
    /// `up` or `down` when the number states a change.
    pub trend: Option<&'static str>,
    /// Whose figure, when the clause says it.
    pub whose: Option<CountedRecord<'a>>,
    /// The linked entity whose figure it is (an id of `entities.jsonl`): the named person,
    /// body, force, outlet or state in `whose` ("an ISIS force" → the Islamic State), else one
    /// that opens `counted` ("9000 ISIS terrorists", "30,000-strong Syrian Democratic Forces");
    /// null when neither names one, and for a duration.
    pub entity: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct CountedRecord<'a> {
    pub text: &'a str,
    pub span: SpanRecord<'a>,
}

/// The entity whose figure `q` is (see [`QuantityRecord::entity`]): `mentions` are the
/// document's entity mentions, sorted by span (as `Annotated::entities` is), `linked` the
/// corpus's linking and this document's index in it.
pub fn quantity_entity<'a>(q: &Quantity, mentions: &[Mention], linked: Option<(&'a Linked, usize)>) -> Option<&'a str> {
    // (a duration is nobody's: "besieged by the IS terrorists for three years")
    if matches!(q.kind, QuantityKind::Duration) {
        return None;
    }
    let (l, d) = linked?;
    let links = l.links.get(d)?;
    let actor = |t: EntityType| matches!(t, EntityType::Person | EntityType::Org | EntityType::ArmedGroup | EntityType::Gpe | EntityType::Media);
    let id = |i: usize| links.get(i).map(|link| l.entities[link.entity].id.as_str());
    // (mentions are sorted by span: those inside one start from its start on)
    let inside = |span: Span| {
        let from = mentions.partition_point(|m| m.span.start() < span.start());
        mentions[from..].iter().enumerate().map(move |(k, m)| (from + k, m)).take_while(move |(_, m)| m.span.start() < span.end()).filter(move |(_, m)| m.span.end() <= span.end())
    };
    if let Some((_, whose)) = &q.whose {
        // the longest name in it, the last of equals (the head comes last: "the Lund campaign")
        let best = inside(*whose).filter(|(_, m)| actor(m.ty)).max_by_key(|(i, m)| (m.span.end() - m.span.start(), *i));
        if let Some((i, _)) = best {
            return id(i);
        }
    }
    let (_, counted) = q.counted.as_ref()?;
    let (i, _) = inside(*counted).find(|(_, m)| m.span.start() == counted.start() && actor(m.ty))?;
    id(i)
}

pub fn quantity_record<'a>(q: &'a Quantity, spans: &Spans<'a>, entity: Option<&'a str>) -> QuantityRecord<'a> {
    let (kind, currency) = match &q.kind {
        QuantityKind::Count => ("count", None),
        QuantityKind::Percent => ("percent", None),
        QuantityKind::Money { currency } => ("money", Some(currency.as_str())),
        QuantityKind::Distance => ("distance", None),
        QuantityKind::Duration => ("duration", None),
        QuantityKind::Ratio => ("ratio", None),
        QuantityKind::Other(_) => ("other", None),
    };
    let phrase = |p: &'a Option<(String, Span)>| p.as_ref().map(|(text, span)| CountedRecord { text, span: spans.record(*span) });
    QuantityRecord {
        span: spans.record(q.span),
        low: q.low,
        high: q.high,
        low_inclusive: q.low_inclusive,
        high_inclusive: q.high_inclusive,
        approx: q.approx,
        kind,
        currency,
        unit: q.unit.as_deref(),
        counted: phrase(&q.counted),
        trend: q.trend.map(|t| match t {
            Trend::Up => "up",
            Trend::Down => "down",
        }),
        whose: phrase(&q.whose),
        entity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_annotate::link::{link, DocumentMentions};
    use corroborate_annotate::quantities::find_quantities;

    /// The name of the entity whose figure each quantity of `text` is, its mentions given as
    /// (name, type).
    fn owners(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, Option<String>)> {
        let mut mentions: Vec<Mention> = names
            .iter()
            .flat_map(|&(name, ty)| text.match_indices(name).map(move |(i, _)| (i, name.len(), ty)))
            .map(|(i, n, ty)| Mention { span: Span::new(text, i, i + n).unwrap(), ty, title: None })
            .collect();
        mentions.sort_by_key(|m| m.span.start());
        let linked = link(&[DocumentMentions { text, mentions: &mentions }]);
        find_quantities(text)
            .iter()
            .map(|q| {
                let id = quantity_entity(q, &mentions, Some((&linked, 0)));
                let name = id.and_then(|id| linked.entities.iter().find(|e| e.id == id)).map(|e| e.name.clone());
                (q.span.of(text).to_string(), name)
            })
            .collect()
    }

    #[test]
    fn a_figure_belongs_to_the_force_its_sentence_names() {
        let text = "The Varn Brigade mustered nearly 3,000 fighters. Up to 900 Varn Brigade fighters left the port. \
                    They were routed by a Kessan Front column which outnumbered them four to one. \
                    The siege of Corran lasted three weeks.";
        let got = owners(text, &[("Varn Brigade", EntityType::ArmedGroup), ("Kessan Front", EntityType::ArmedGroup), ("Corran", EntityType::Gpe)]);
        let want = [("3,000", Some("Varn Brigade")), ("900", Some("Varn Brigade")), ("four to one", Some("Kessan Front")), ("three weeks", None)];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((q, owner), (wq, wo)) in got.iter().zip(want) {
            assert!(q.contains(wq), "{q} against {wq}");
            assert_eq!(owner.as_deref(), wo, "{q}");
        }
    }

    #[test]
    fn a_victim_count_and_a_place_are_nobodys() {
        let text = "Drones of the Varn Brigade destroyed 12 trucks near Corran.";
        let got = owners(text, &[("Varn Brigade", EntityType::ArmedGroup), ("Corran", EntityType::Gpe)]);
        assert_eq!(got, vec![("12".to_string(), None)]);
    }
}
