//! Coverage: facts some outlets report and others leave out.
//!
//! Three kinds of fact, each with the outlets reporting it and the story's outlets that do not:
//!
//! - **events** of the timeline (`Event::outlets`): "2025-03-09: the ELA took St. Maren";
//! - **figures** (the outlets of `Figure::values`): "figure: people killed (people)";
//! - **entities**: who is quoted (a speaker linked to an entity) and who is named at all. A
//!   name counts when the entity is a main actor (see `framing::main_actors`) or is named by at
//!   least two outlets; a speaker counts when quoted by at least two outlets, or is a main actor.
//!
//! A fact is listed only when at least one of the story's outlets misses it, and, unless it is
//! about a main actor or a non-background event, when at least two outlets report it. The list
//! is sorted by the number of outlets reporting desc, then by fact, and capped at [`MAX_FACTS`].

use crate::framing::main_actors;
use crate::{CoverageFact, Corpus, Event, Evidence, Figure};
use corroborate_annotate::entities::EntityType;
use std::collections::{BTreeMap, BTreeSet};

/// The longest list.
pub(crate) const MAX_FACTS: usize = 30;
/// Evidence kept per fact: one per reporting outlet, up to this many.
const EVIDENCE_PER_FACT: usize = 4;

/// The kinds of fact, each with the most it may take of the list, so that names do not crowd
/// out events and figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Event,
    Figure,
    Quote,
    Name,
}

impl Kind {
    fn cap(self) -> usize {
        match self {
            Kind::Event => 15,
            Kind::Figure => 10,
            Kind::Quote => 8,
            Kind::Name => 8,
        }
    }
}

/// One candidate fact before filtering.
struct Candidate {
    kind: Kind,
    fact: String,
    reported_by: BTreeSet<String>,
    central: bool,
    evidence: Vec<Evidence>,
}

/// One piece of evidence per outlet, in outlet order, at most [`EVIDENCE_PER_FACT`].
fn per_outlet(evidence: impl IntoIterator<Item = Evidence>) -> Vec<Evidence> {
    let mut seen: BTreeMap<String, Evidence> = BTreeMap::new();
    for e in evidence {
        seen.entry(e.outlet.clone()).or_insert(e);
    }
    seen.into_values().take(EVIDENCE_PER_FACT).collect()
}

fn one_line(s: &str) -> String {
    let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 160 {
        let cut: String = line.chars().take(157).collect();
        format!("{}…", cut.trim_end())
    } else {
        line
    }
}

fn event_facts(timeline: &[Event], out: &mut Vec<Candidate>) {
    for e in timeline {
        let mut evidence: Vec<Evidence> = e.evidence.clone();
        evidence.sort_by(|a, b| a.outlet.cmp(&b.outlet).then(a.document.cmp(&b.document)).then(a.start.cmp(&b.start)));
        out.push(Candidate {
            kind: Kind::Event,
            fact: one_line(&format!("{}: {}", e.when, e.what)),
            reported_by: e.outlets.iter().cloned().collect(),
            central: !e.background,
            evidence: per_outlet(evidence),
        });
    }
}

fn figure_facts(figures: &[Figure], out: &mut Vec<Candidate>) {
    for f in figures {
        let reported_by: BTreeSet<String> = f.values.iter().map(|v| v.outlet.clone()).collect();
        let mut values: Vec<String> = Vec::new();
        for v in &f.values {
            let t = one_line(&v.text);
            if !values.contains(&t) {
                values.push(t);
            }
        }
        let unit = if f.unit.is_empty() || f.topic.contains(&f.unit) { String::new() } else { format!(" ({})", f.unit) };
        let mut evidence: Vec<Evidence> = f.values.iter().map(|v| v.evidence.clone()).collect();
        evidence.sort_by(|a, b| a.outlet.cmp(&b.outlet).then(a.document.cmp(&b.document)).then(a.start.cmp(&b.start)));
        out.push(Candidate {
            kind: Kind::Figure,
            fact: one_line(&format!("figure: {}{unit}: {}", f.topic, values.join("; "))),
            reported_by,
            central: false,
            evidence: per_outlet(evidence),
        });
    }
}

fn entity_facts(corpus: &Corpus, docs: &[usize], out: &mut Vec<Candidate>) {
    let actors: BTreeSet<usize> = main_actors(corpus, docs).into_iter().collect();
    // entity → outlet → evidence (first mention), for names and for quotes.
    let mut named: BTreeMap<usize, BTreeMap<String, Evidence>> = BTreeMap::new();
    let mut quoted: BTreeMap<usize, BTreeMap<String, Evidence>> = BTreeMap::new();
    for &d in docs {
        let outlet = corpus.outlet(d);
        let a = &corpus.docs[d];
        for (m, mention) in a.entities.iter().enumerate() {
            let Some(link) = corpus.linked.links.get(d).and_then(|l| l.get(m)) else { continue };
            named.entry(link.entity).or_default().entry(outlet.clone()).or_insert_with(|| corpus.evidence(d, mention.span));
        }
        for q in a.attribution.quotes.iter().filter(|q| q.is_speech(corpus.text(d))) {
            let Some(speaker) = &q.speaker else { continue };
            let Some(m) = speaker.mention else { continue };
            let Some(link) = corpus.linked.links.get(d).and_then(|l| l.get(m)) else { continue };
            let span = speaker.span.unwrap_or(q.content);
            quoted.entry(link.entity).or_default().entry(outlet.clone()).or_insert_with(|| corpus.evidence(d, span));
        }
    }
    for (e, by) in quoted {
        let ent = &corpus.linked.entities[e];
        let central = actors.contains(&e);
        out.push(Candidate {
            kind: Kind::Quote,
            fact: format!("quotes {} ({})", ent.name, ent.ty.as_str()),
            reported_by: by.keys().cloned().collect(),
            central,
            evidence: per_outlet(by.into_values()),
        });
    }
    for (e, by) in named {
        let ent = &corpus.linked.entities[e];
        // Misc and event names are too often stray capitalised words to be facts; places
        // are settings more than facts, unless one is a main actor.
        let central = actors.contains(&e);
        if matches!(ent.ty, EntityType::Misc | EntityType::Event) || (crate::context::is_place(ent) && !central) {
            continue;
        }
        out.push(Candidate {
            kind: Kind::Name,
            fact: format!("names {} ({})", ent.name, ent.ty.as_str()),
            reported_by: by.keys().cloned().collect(),
            central,
            evidence: per_outlet(by.into_values()),
        });
    }
}

pub(crate) fn coverage(corpus: &Corpus, docs: &[usize], timeline: &[Event], figures: &[Figure]) -> Vec<CoverageFact> {
    let outlets: BTreeSet<String> = docs.iter().map(|&d| corpus.outlet(d)).collect();
    if outlets.len() < 2 {
        return Vec::new();
    }
    let mut candidates = Vec::new();
    event_facts(timeline, &mut candidates);
    figure_facts(figures, &mut candidates);
    entity_facts(corpus, docs, &mut candidates);
    let order = |a: &CoverageFact, b: &CoverageFact| b.reported_by.len().cmp(&a.reported_by.len()).then(a.fact.cmp(&b.fact));
    let mut by_kind: BTreeMap<Kind, Vec<CoverageFact>> = BTreeMap::new();
    for c in candidates {
        // Outlets outside the story (a relayed value's outlet) do not count.
        let reported_by: Vec<String> = c.reported_by.intersection(&outlets).cloned().collect();
        let missing_from: Vec<String> = outlets.difference(&c.reported_by).cloned().collect();
        if !reported_by.is_empty() && !missing_from.is_empty() && (reported_by.len() >= 2 || c.central) {
            by_kind.entry(c.kind).or_default().push(CoverageFact { fact: c.fact, reported_by, missing_from, evidence: c.evidence });
        }
    }
    let mut facts: Vec<CoverageFact> = Vec::new();
    for (kind, mut list) in by_kind {
        list.sort_by(order);
        list.dedup_by(|a, b| a.fact == b.fact && a.reported_by == b.reported_by);
        list.truncate(kind.cap());
        facts.extend(list);
    }
    facts.sort_by(order);
    facts.truncate(MAX_FACTS);
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framing::tests::{examples, texts};
    use crate::{FigureValue, Reconciled, Relation};
    use corroborate_annotate::Span;

    const A: &str = "The Islamic State seized Palmyra on Sunday after a four-day offensive. \
Governor Talal Barazi said 50 soldiers were killed in the fighting.";
    const B: &str = "Islamic State fighters took Palmyra on Sunday. \
Governor Talal Barazi said the army withdrew south of the city.";
    const C: &str = "Palmyra fell to the Islamic State on Sunday, and about 80 soldiers died, a monitor said.";

    fn evidence(corpus: &Corpus, d: usize, word: &str) -> Evidence {
        let text = corpus.text(d);
        let at = text.find(word).unwrap();
        corpus.evidence(d, Span::new(text, at, at + word.len()).unwrap())
    }

    fn event(corpus: &Corpus, what: &str, docs: &[usize], background: bool) -> Event {
        let evidence: Vec<Evidence> = docs.iter().map(|&d| evidence(corpus, d, "Palmyra")).collect();
        let mut outlets: Vec<String> = docs.iter().map(|&d| corpus.outlet(d)).collect();
        outlets.sort();
        Event {
            when: "2016-12-11".into(),
            precision: "day".into(),
            earliest: "2016-12-11".into(),
            latest: "2016-12-11".into(),
            what: what.into(),
            place: None,
            actors: Vec::new(),
            outlets,
            background,
            evidence,
        }
    }

    fn figure(corpus: &Corpus, values: &[(usize, &str)]) -> Figure {
        let values = values
            .iter()
            .map(|&(d, text)| FigureValue {
                document: corpus.docs[d].document.id.to_string(),
                outlet: corpus.outlet(d),
                text: text.into(),
                low: None,
                high: None,
                low_inclusive: true,
                high_inclusive: true,
                approx: false,
                holder: corpus.outlet(d),
                holder_entity: None,
                how: "stated".into(),
                derived_from: None,
                evidence: evidence(corpus, d, text),
            })
            .collect();
        Figure {
            topic: "soldiers killed".into(),
            unit: "soldiers".into(),
            values,
            relation: Relation::Contradict,
            tolerance: String::new(),
            explanation: String::new(),
            reconciled: Reconciled { policy: "all", low: None, best: None, high: None, rule: String::new() },
            independent_sources: 2,
        }
    }

    #[test]
    fn events_figures_and_speakers_some_outlets_miss() {
        let fx = texts(&[("Alpha Post", A), ("Beta Daily", B), ("Gamma Wire", C)]);
        let corpus = fx.corpus();
        let docs = [0, 1, 2];
        let timeline = vec![
            event(&corpus, "IS took Palmyra", &[0, 1, 2], false),
            event(&corpus, "IS began its offensive", &[0], false),
            event(&corpus, "the army withdrew", &[1], true),
            event(&corpus, "fighting near the city", &[0, 1], true),
        ];
        let figures = vec![figure(&corpus, &[(0, "50 soldiers"), (2, "about 80 soldiers")])];
        let facts = coverage(&corpus, &docs, &timeline, &figures);
        let find = |prefix: &str| facts.iter().find(|f| f.fact.starts_with(prefix));
        // Reported everywhere: not a coverage fact.
        assert!(find("2016-12-11: IS took Palmyra").is_none(), "{facts:#?}");
        // One outlet, but a story event: listed.
        let offensive = find("2016-12-11: IS began its offensive").expect("the offensive");
        assert_eq!(offensive.reported_by, vec!["Alpha Post"]);
        assert_eq!(offensive.missing_from, vec!["Beta Daily", "Gamma Wire"]);
        // One outlet and background: left out; two outlets and background: listed.
        assert!(find("2016-12-11: the army withdrew").is_none());
        assert_eq!(find("2016-12-11: fighting near").unwrap().missing_from, vec!["Gamma Wire"]);
        let fig = find("figure: soldiers killed").expect("the figure");
        assert_eq!(fig.fact, "figure: soldiers killed: 50 soldiers; about 80 soldiers");
        assert_eq!(fig.reported_by, vec!["Alpha Post", "Gamma Wire"]);
        assert_eq!(fig.missing_from, vec!["Beta Daily"]);
        assert_eq!(fig.evidence.len(), 2);
        // The governor is quoted by two of the three outlets, if the speaker is linked.
        if let Some(q) = facts.iter().find(|f| f.fact.starts_with("quotes") && f.fact.contains("Barazi")) {
            assert_eq!(q.missing_from, vec!["Gamma Wire"]);
        }
        // Most outlets first, then by fact; every fact has evidence.
        assert!(facts.windows(2).all(|w| {
            let (a, b) = (w[0].reported_by.len(), w[1].reported_by.len());
            a > b || (a == b && w[0].fact <= w[1].fact)
        }));
        assert!(facts.iter().all(|f| !f.evidence.is_empty() && !f.missing_from.is_empty()));
        assert_eq!(facts, coverage(&corpus, &docs, &timeline, &figures));
    }

    #[test]
    fn one_outlet_has_no_coverage_gaps() {
        let fx = texts(&[("Alpha Post", A), ("Alpha Post", B)]);
        let corpus = fx.corpus();
        let timeline = vec![event(&corpus, "IS began its offensive", &[0], false)];
        assert!(coverage(&corpus, &[0, 1], &timeline, &[]).is_empty());
    }

    #[test]
    fn example_corpus_speakers_and_actors_some_outlets_miss() {
        let fx = examples();
        let corpus = fx.corpus();
        let docs = fx.story();
        let facts = coverage(&corpus, &docs, &[], &[]);
        assert!(!facts.is_empty() && facts.len() <= MAX_FACTS);
        // Valdis (the foreign minister) is quoted by the pro-government side, not by the
        // pro-ELA outlets.
        let valdis = facts.iter().find(|f| f.fact.starts_with("quotes Oren Valdis")).expect("Valdis quoted");
        let velna = corpus.outlet(docs.iter().copied().find(|&d| corpus.docs[d].document.source.contains("velna")).unwrap());
        let courier =
            corpus.outlet(docs.iter().copied().find(|&d| corpus.docs[d].document.source.contains("estrel-courier")).unwrap());
        assert!(valdis.reported_by.contains(&velna), "{valdis:?}");
        assert!(valdis.missing_from.contains(&courier), "{valdis:?}");
        assert!(facts.iter().all(|f| f.reported_by.len() + f.missing_from.len() == 8));
    }
}
