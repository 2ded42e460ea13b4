//! The annotation layers of `documents.jsonl`, as the output contract writes them: every item
//! has a `span` `{start, end, text}` in code points over the document's text.

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
    /// The linked entity whose figure it is: null until entity linking lands.
    pub entity: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct CountedRecord<'a> {
    pub text: &'a str,
    pub span: SpanRecord<'a>,
}

pub fn quantity_record<'a>(q: &'a Quantity, spans: &Spans<'a>) -> QuantityRecord<'a> {
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
        entity: None,
    }
}
