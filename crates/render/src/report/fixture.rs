//! A hand-made dossier of the fictional St. Maren siege (see `examples/README.md`) with every
//! part filled, for the report's tests.

use corroborate_reconcile::*;
use std::collections::BTreeMap;

/// Evidence whose span is `part` of `sentence` (which starts at code point 100).
pub fn ev(outlet: &str, doc: &str, url: Option<&str>, sentence: &str, part: &str) -> Evidence {
    let at = sentence.find(part).expect("part of the sentence");
    let start = 100 + sentence[..at].chars().count();
    Evidence {
        document: doc.into(),
        outlet: outlet.into(),
        url: url.map(Into::into),
        start,
        end: start + part.chars().count(),
        text: part.into(),
        sentence: TextSpan { start: 100, end: 100 + sentence.chars().count(), text: sentence.into() },
        removed: false,
    }
}

const NGW: &str = "Northgate Wire";
const VEL: &str = "VELNA";
const ECO: &str = "The Estrel Courier";
const NGW_URL: Option<&str> = Some("https://northgate.example/world/st-maren");
const VEL_URL: Option<&str> = Some("https://velna.example/news/st-maren");

fn place(name: &str, lat: f64, lon: f64) -> Place {
    Place { entity: format!("gn:{}", name.to_lowercase()), name: name.into(), lat: Some(lat), lon: Some(lon), country: Some("XV".into()) }
}

fn value(outlet: &str, doc: &str, text: &str, low: Option<f64>, high: Option<f64>, holder: &str, evidence: Evidence) -> FigureValue {
    FigureValue {
        document: doc.into(),
        outlet: outlet.into(),
        text: text.into(),
        low,
        high,
        low_inclusive: true,
        high_inclusive: high.is_some(),
        approx: false,
        holder: holder.into(),
        holder_entity: None,
        how: "stated".into(),
        derived_from: None,
        evidence,
    }
}

pub fn siege() -> Dossier {
    let s_attack = "The ELA attacked St. Maren before dawn on Saturday with between 1,500 and 2,000 fighters, the Ministry of Defence said.";
    let s_more = "Rebel commanders said more than 3,000 fighters took part.";
    let s_fall = "On Sunday the garrison withdrew 40 km south to Corran.";
    let s_2024 = "The ELA first took the port in March 2024.";
    let s_corridor = "Orvano reported that 9,000 civilians had been offered safe passage.";
    let s_blame = "The ministry blamed the Serren Compact for arming the rebels.";
    let s_quote = "\"The town will be retaken,\" said Defence Minister Ilse Varga.";
    let attack = ev(NGW, "ngw01", NGW_URL, s_attack, "between 1,500 and 2,000 fighters");
    let more = ev(ECO, "eco01", None, s_more, "more than 3,000 fighters");
    Dossier {
        contract: "corroborate/v1",
        story: "s-0a1b2c3d".into(),
        title: "ELA seizes St. Maren".into(),
        policy: "ucdp",
        documents: vec!["ngw01".into(), "vel01".into(), "eco01".into()],
        outlets: vec![
            OutletProfile { outlet: NGW.into(), documents: vec!["ngw01".into()], genre: "news".into(), words: 812, hedges: 3, hedge_density: 3.69, quotes: 6, citations: 2 },
            OutletProfile { outlet: VEL.into(), documents: vec!["vel01".into()], genre: "news".into(), words: 540, hedges: 0, hedge_density: 0.0, quotes: 3, citations: 1 },
        ],
        timeline: vec![
            Event {
                when: "2024-03".into(),
                precision: "month".into(),
                earliest: "2024-03-01".into(),
                latest: "2024-03-31".into(),
                what: "ELA first takes St. Maren".into(),
                place: Some(place("St. Maren", 44.2, 12.5)),
                actors: vec![],
                outlets: vec![NGW.into()],
                background: true,
                evidence: vec![ev(NGW, "ngw01", NGW_URL, s_2024, "first took the port")],
            },
            Event {
                when: "2025-03-08".into(),
                precision: "day".into(),
                earliest: "2025-03-08".into(),
                latest: "2025-03-08".into(),
                what: "ELA attacks St. Maren".into(),
                place: Some(place("St. Maren", 44.2, 12.5)),
                actors: vec![],
                outlets: vec![NGW.into(), VEL.into()],
                background: false,
                evidence: vec![attack.clone()],
            },
            Event {
                when: "2025-03-09".into(),
                precision: "day".into(),
                earliest: "2025-03-09".into(),
                latest: "2025-03-09".into(),
                what: "CDF garrison withdraws to Corran".into(),
                place: Some(place("Corran", 43.85, 12.45)),
                actors: vec![],
                outlets: vec![NGW.into()],
                background: false,
                evidence: vec![ev(NGW, "ngw01", NGW_URL, s_fall, "withdrew 40 km south to Corran")],
            },
        ],
        figures: vec![Figure {
            topic: "combatants attacking".into(),
            unit: "fighters".into(),
            values: vec![
                value(NGW, "ngw01", "between 1,500 and 2,000", Some(1500.0), Some(2000.0), "Ministry of Defence", attack.clone()),
                value(ECO, "eco01", "more than 3,000", Some(3000.0), None, "rebel commanders", more),
            ],
            relation: Relation::Contradict,
            tolerance: "10%".into(),
            explanation: "[1,500, 2,000] and (3,000, ∞) do not overlap".into(),
            reconciled: Reconciled { policy: "ucdp", low: Some(1500.0), best: Some(2500.0), high: Some(3000.0), rule: "median of the independent sources".into() },
            independent_sources: 2,
        }],
        quotes: vec![SpeakerQuotes {
            speaker: "Ilse Varga".into(),
            entity: None,
            outlets: vec![NGW.into(), VEL.into()],
            items: vec![QuoteItem {
                text: "The town will be retaken".into(),
                kind: "direct".into(),
                outlets: vec![NGW.into(), VEL.into()],
                evidence: vec![ev(NGW, "ngw01", NGW_URL, s_quote, "The town will be retaken"), ev(VEL, "vel01", VEL_URL, s_quote, "The town will be retaken")],
            }],
        }],
        blame: vec![BlameRow {
            holder: "Ministry of Defence".into(),
            holder_entity: None,
            target: "Serren Compact".into(),
            target_entity: None,
            for_: vec!["arming the rebels".into()],
            outlets: vec![VEL.into()],
            evidence: vec![ev(VEL, "vel01", VEL_URL, s_blame, "blamed the Serren Compact")],
        }],
        provenance: Provenance {
            nodes: vec![
                Node { id: "outlet:northgate".into(), kind: "outlet".into(), name: NGW.into(), in_corpus: true },
                Node { id: "outlet:velna".into(), kind: "outlet".into(), name: VEL.into(), in_corpus: true },
                Node { id: "source:bastion".into(), kind: "source".into(), name: "The Bastion".into(), in_corpus: false },
                Node { id: "source:orvano".into(), kind: "source".into(), name: "Orvano News Agency".into(), in_corpus: false },
            ],
            edges: vec![
                Edge { from: "outlet:northgate".into(), to: "source:bastion".into(), kind: "cites".into(), evidence: vec![ev(NGW, "ngw01", NGW_URL, s_corridor, "Orvano reported")] },
                Edge { from: "source:bastion".into(), to: "source:orvano".into(), kind: "cites".into(), evidence: vec![] },
                Edge { from: "outlet:velna".into(), to: "source:orvano".into(), kind: "cites".into(), evidence: vec![] },
            ],
            claims: vec![Claim {
                claim: "9,000 civilians offered safe passage".into(),
                origin: "source:orvano".into(),
                via: vec!["source:bastion".into()],
                reported_in: vec!["outlet:northgate".into(), "outlet:velna".into()],
                independent: 1,
                evidence: vec![ev(NGW, "ngw01", NGW_URL, s_corridor, "9,000 civilians")],
            }],
        },
        framing: vec![Framing {
            entity: "ucdp:ela".into(),
            name: "Estrel Liberation Army".into(),
            terms_by_outlet: BTreeMap::from([
                (NGW.to_string(), vec![Term { term: "ELA".into(), count: 7 }]),
                (VEL.to_string(), vec![Term { term: "so-called Estrel Liberation Army".into(), count: 2 }]),
            ]),
            evidence: vec![],
        }],
        coverage: vec![CoverageFact {
            fact: "The garrison withdrew to Corran".into(),
            reported_by: vec![NGW.into()],
            missing_from: vec![VEL.into()],
            evidence: vec![ev(NGW, "ngw01", NGW_URL, s_fall, "withdrew")],
        }],
    }
}

/// `n` big stories: the siege with every section eight times over, under `n` story ids (the
/// report benchmark's input).
pub fn many(n: usize) -> Vec<Dossier> {
    let mut big = siege();
    for _ in 0..3 {
        big.timeline.extend(big.timeline.clone());
        big.figures.extend(big.figures.clone());
        big.quotes.extend(big.quotes.clone());
        big.blame.extend(big.blame.clone());
        big.provenance.claims.extend(big.provenance.claims.clone());
        big.coverage.extend(big.coverage.clone());
    }
    (0..n).map(|i| Dossier { story: format!("s{i:016x}"), ..big.clone() }).collect()
}
