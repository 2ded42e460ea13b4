//! The provenance graph: outlets, cited sources and speakers; claims and the chains they travelled.
//!
//! Every party of a quote or citation is one node across the story's documents (a linked
//! entity's id when there is one). An anonymous source carried by a named outlet or agency is
//! one node per carrier ("the anonymous source behind RIA Novosti"). A citation inside a
//! quoted passage is carried by the passage's speaker, so a block quote of a column that cites
//! an agency gives the chain agency → column → outlet.
//!
//! Claims group the citations (and the quotes of cited sources) that carry the same words or
//! the same number through the same source, and count the independent origins left once chains
//! sharing a node, or outlets reprinting one another, are collapsed.

use crate::context::{content_words, strip_article};
use crate::voices::{is_party_name, one_line, party_key};
use crate::{Claim, Corpus, Edge, Evidence, Node, Provenance, TextSpan};
use corroborate_annotate::attribution::{Quote, Speaker, SpeakerKind};
use corroborate_annotate::Span;
use corroborate_ingest::RemovalReason;
use corroborate_stories::ReprintKind;
use std::collections::{BTreeMap, BTreeSet};

/// A node before its kind is known: an outlet of the story, an outlet only credited, or a party.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Outlet(String),
    Party(String),
}

#[derive(Default)]
struct NodeInfo {
    name: String,
    in_corpus: bool,
    cited: bool,
}

/// One report of a claim: a document, the claim's span, and the nodes it came through
/// (upstream first, the reporting outlet not included).
#[derive(Clone)]
struct Instance {
    doc: usize,
    claim: Span,
    chain: Vec<Key>,
}

struct Graph<'c, 'a> {
    corpus: &'c Corpus<'a>,
    nodes: BTreeMap<Key, NodeInfo>,
    edges: BTreeMap<(Key, Key, &'static str), Vec<Evidence>>,
    /// Lower-cased outlet names of the story → their key.
    outlets: Vec<(String, Key)>,
    /// Per document: the head word of each anonymous source a named carrier relays, and its node.
    anonymous: BTreeMap<usize, Vec<(String, Key)>>,
}

/// Lower-case ASCII letters and digits joined by `-`, for ids.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for w in s.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() {
        "unnamed".into()
    } else {
        out
    }
}

/// A name folded for comparing outlets: lower case, no article, single spaces.
fn fold(name: &str) -> String {
    one_line(strip_article(name.trim())).to_lowercase()
}

impl<'c, 'a> Graph<'c, 'a> {
    fn outlet_key(&mut self, d: usize) -> Key {
        let name = self.corpus.outlet(d);
        let key = Key::Outlet(slug(&name));
        let info = self.nodes.entry(key.clone()).or_default();
        info.in_corpus = true;
        if info.name.is_empty() {
            info.name = name;
        }
        key
    }

    /// The story's outlet a name stands for ("the Northgate wire service" → Northgate Wire).
    fn known_outlet(&self, name: &str) -> Option<Key> {
        let name = fold(name);
        if name.chars().count() < 4 {
            return None;
        }
        self.outlets
            .iter()
            .find(|(o, _)| o.chars().count() >= 4 && (name == *o || contains_words(&name, o)))
            .map(|(_, k)| k.clone())
    }

    fn party(&mut self, d: usize, speaker: &Speaker) -> Key {
        let (key, name, _) = party_key(self.corpus, d, speaker);
        if let Some(k) = self.known_outlet(&name) {
            return k;
        }
        let key = if is_anonymous(speaker) {
            // "the source" after "a diplomatic source" relayed by a carrier: that source.
            let head = head_word(&name);
            if let Some((_, k)) = self.anonymous.get(&d).and_then(|a| a.iter().find(|(h, _)| *h == head)) {
                return k.clone();
            }
            // Anonymous sources without a carrier are never the same across documents.
            Key::Party(format!("{}/{}", self.corpus.docs[d].document.id.as_str(), slug(&name)))
        } else {
            Key::Party(key)
        };
        let info = self.nodes.entry(key.clone()).or_default();
        if info.name.is_empty() {
            info.name = name;
        }
        key
    }

    /// The anonymous source a carrier relays, named `name` in document `d`.
    fn behind(&mut self, d: usize, carrier: &Key, name: &str) -> Key {
        let id = match carrier {
            Key::Outlet(s) => format!("{s}/anonymous"),
            Key::Party(s) => format!("{s}/anonymous"),
        };
        let key = Key::Party(id);
        let carrier_name = self.nodes.get(carrier).map(|n| n.name.clone()).unwrap_or_default();
        let info = self.nodes.entry(key.clone()).or_default();
        info.cited = true;
        if info.name.is_empty() {
            info.name = format!("{} (via {carrier_name})", one_line(strip_article(name.trim())));
        }
        let known = self.anonymous.entry(d).or_default();
        let head = head_word(name);
        if !known.iter().any(|(h, _)| *h == head) {
            known.push((head, key.clone()));
        }
        key
    }

    fn edge(&mut self, from: &Key, to: &Key, kind: &'static str, evidence: Evidence) {
        if from == to {
            return;
        }
        if kind == "cites" {
            if let Some(n) = self.nodes.get_mut(to) {
                n.cited = true;
            }
        }
        self.edges.entry((from.clone(), to.clone(), kind)).or_default().push(evidence);
    }
}

/// Whether a party is an unnamed source ("a diplomatic source", "officials who asked not to be
/// named").
fn is_anonymous(speaker: &Speaker) -> bool {
    speaker.mention.is_none()
        && (speaker.kind == SpeakerKind::Anonymous
            || (speaker.kind == SpeakerKind::Description
                && matches!(head_word(&speaker.name).as_str(), "source" | "sources" | "diplomat" | "diplomats" | "insider" | "insiders")))
}

/// The last word of a short name, lower case ("a diplomatic source" → "source").
fn head_word(name: &str) -> String {
    let words = crate::context::words(name);
    let stop = words.iter().position(|w| matches!(w.as_str(), "who" | "that" | "which" | "close" | "familiar" | "with" | "in" | "at"));
    words[..stop.unwrap_or(words.len())].last().cloned().unwrap_or_default()
}

/// Whether the words of `inner` appear in order inside `outer`.
fn contains_words(outer: &str, inner: &str) -> bool {
    let o: Vec<&str> = outer.split_whitespace().collect();
    let i: Vec<&str> = inner.split_whitespace().collect();
    !i.is_empty() && o.windows(i.len()).any(|w| w == i.as_slice())
}

/// The quotes of a document whose content holds `span` (not the quote of `span` itself),
/// outermost first.
fn enclosing<'q>(quotes: &'q [Quote], span: Span) -> Vec<&'q Quote> {
    let mut out: Vec<&Quote> = quotes
        .iter()
        .filter(|q| {
            q.content.start() <= span.start()
                && span.end() <= q.content.end()
                && q.content != span
                && q.speaker.as_ref().is_some_and(|s| s.kind != SpeakerKind::Author)
        })
        .collect();
    out.sort_by_key(|q| (q.content.start(), std::cmp::Reverse(q.content.end())));
    out
}

/// Numbers of a text as values: `9000` and `9,000` alike; small numbers and years left out.
fn numbers(text: &str) -> BTreeSet<u64> {
    let mut out = BTreeSet::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let mut digits = String::new();
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit() || (chars[j] == ',' && j + 1 < chars.len() && chars[j + 1].is_ascii_digit()))
            {
                if chars[j] != ',' {
                    digits.push(chars[j]);
                }
                j += 1;
            }
            if let Ok(v) = digits.parse::<u64>() {
                if v >= 20 && !(1900..=2100).contains(&v) {
                    out.insert(v);
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether two claim texts say the same thing: enough shared content words, or a shared number.
fn same_claim(a: &str, b: &str) -> bool {
    let wa: BTreeSet<String> = content_words(a).into_iter().collect();
    let wb: BTreeSet<String> = content_words(b).into_iter().collect();
    let shared = wa.intersection(&wb).count();
    if !wa.is_empty() && !wb.is_empty() {
        let union = wa.len() + wb.len() - shared;
        if shared as f64 / union as f64 >= 0.4 || (shared >= 3 && shared * 2 >= wa.len().min(wb.len())) {
            return true;
        }
    }
    !numbers(a).is_disjoint(&numbers(b))
}

/// The credit a continuation line gives ("Courtesy The Bastion" → The Bastion).
fn credit(line: &str) -> Option<String> {
    let l = one_line(line);
    let lower = l.to_lowercase();
    const LEADS: &[&str] = &[
        "courtesy of:", "courtesy of", "courtesy:", "courtesy", "read the rest at", "read the rest on", "read the rest over at",
        "read the full article at", "read the full article on", "read the original at", "read more at", "continue reading at",
        "originally published at", "originally published on", "originally published in", "originally published by",
        "first published at", "first published on", "first published in", "first published by", "republished from",
        "republished with permission from", "reprinted from", "reprinted with permission from", "reposted from",
        "cross-posted from", "crossposted from", "source:", "via:",
    ];
    for lead in LEADS {
        if let Some(rest) = lower.strip_prefix(lead) {
            if !rest.starts_with([' ', ':']) && !lead.ends_with(':') {
                continue;
            }
            let rest = &l[l.len() - rest.len()..];
            let name = rest.trim().trim_start_matches(':').trim();
            let name = name.split(" on ").next().unwrap_or(name);
            let name = name.trim_end_matches(['.', '!', ',', ';', ':']).trim();
            if name.is_empty() || name.contains("://") || name.split_whitespace().count() > 6 {
                return None;
            }
            return Some(strip_article(name).to_string());
        }
    }
    None
}

/// Evidence for a line that is not in the clean text (a removed credit): an empty span at the
/// start of the document, with the line as its text.
fn removed_evidence(corpus: &Corpus, d: usize, line: &str) -> Evidence {
    let doc = &corpus.docs[d].document;
    Evidence {
        document: doc.id.to_string(),
        outlet: corpus.outlet(d),
        url: doc.url.clone(),
        start: 0,
        end: 0,
        text: one_line(line),
        sentence: TextSpan { start: 0, end: 0, text: one_line(line) },
        removed: true,
    }
}

fn evidence_key(e: &Evidence) -> (String, usize, usize, String) {
    (e.document.clone(), e.start, e.end, e.text.clone())
}

fn tidy_evidence(mut evidence: Vec<Evidence>) -> Vec<Evidence> {
    evidence.sort_by_key(evidence_key);
    evidence.dedup_by(|a, b| evidence_key(a) == evidence_key(b));
    evidence
}

/// A date to order two documents by (ISO text sorts), when known.
fn published(corpus: &Corpus, d: usize) -> Option<String> {
    corpus.docs[d].document.published.as_ref().map(|p| p.iso().to_string())
}

pub(crate) fn provenance(corpus: &Corpus, docs: &[usize]) -> Provenance {
    let mut order: Vec<usize> = docs.to_vec();
    order.sort_by(|&a, &b| corpus.docs[a].document.id.as_str().cmp(corpus.docs[b].document.id.as_str()).then(a.cmp(&b)));
    order.dedup();
    let mut g = Graph { corpus, nodes: BTreeMap::new(), edges: BTreeMap::new(), outlets: Vec::new(), anonymous: BTreeMap::new() };
    for &d in &order {
        let key = g.outlet_key(d);
        g.outlets.push((fold(&corpus.outlet(d)), key));
    }
    g.outlets.sort();
    g.outlets.dedup();

    let mut instances: Vec<Instance> = Vec::new();
    for &d in &order {
        let outlet = g.outlet_key(d);
        let att = &corpus.docs[d].attribution;
        let text = corpus.text(d);
        // Who carries a span: the speaker of the innermost quote holding it, else the outlet;
        // the chain of carriers above it, upstream first.
        let carriers = |g: &mut Graph, span: Span| -> Vec<Key> {
            let mut chain = Vec::new();
            for q in enclosing(&att.quotes, span).into_iter().rev() {
                let k = g.party(d, q.speaker.as_ref().expect("filtered"));
                if chain.last() != Some(&k) {
                    chain.push(k);
                }
            }
            chain
        };
        // Citations: carrier --cites--> source, carrier --cites--> via --cites--> anonymous.
        let mut doc_instances: Vec<(Instance, Option<Key>)> = Vec::new();
        for c in &att.citations {
            if c.how == "footnote" || !speaks(corpus, d, &c.source) {
                continue;
            }
            let above = carriers(&mut g, c.span);
            let from = above.first().cloned().unwrap_or_else(|| outlet.clone());
            let ev = corpus.evidence(d, c.span);
            // "X reported, citing a diplomatic source, that …": X carries the anonymous source.
            let via = c.via.as_ref().or_else(|| {
                if !is_anonymous(&c.source) {
                    return None;
                }
                let sentence = corpus.sentence_index(d, c.span.start());
                att.citations
                    .iter()
                    .filter(|o| {
                        o.span.start() < c.span.start()
                            && o.how != "footnote"
                            && o.source.kind != SpeakerKind::Author
                            && !is_anonymous(&o.source)
                            && corpus.sentence_index(d, o.span.start()) == sentence
                    })
                    .max_by_key(|o| o.span.start())
                    .map(|o| &o.source)
            });
            let (mut chain, anonymous_of) = match via {
                Some(via) => {
                    let carrier = g.party(d, via);
                    let source = g.behind(d, &carrier, &c.source.name);
                    g.edge(&from, &carrier, "cites", ev.clone());
                    g.edge(&carrier, &source, "cites", ev.clone());
                    (vec![source, carrier.clone()], Some(carrier))
                }
                None => {
                    let source = g.party(d, &c.source);
                    g.edge(&from, &source, "cites", ev.clone());
                    (vec![source], None)
                }
            };
            chain.extend(above);
            let claim = c.claim.unwrap_or_else(|| corpus.sentence_of(d, c.span));
            if claim.of(text).trim().is_empty() {
                continue;
            }
            // "X wrote in The Vigil on 21 February": where X writes, not a claim.
            if let Some(venue) = venue(corpus, d, claim) {
                if let Some(n) = g.nodes.get_mut(&chain[0]) {
                    if !n.name.contains(" (") {
                        n.name = format!("{} ({venue})", n.name);
                    }
                }
                continue;
            }
            doc_instances.push((Instance { doc: d, claim, chain }, anonymous_of));
        }
        // Quotes: carrier --quotes--> speaker.
        for q in att.quotes.iter().filter(|q| q.is_speech(corpus.text(d))) {
            let Some(speaker) = q.speaker.as_ref().filter(|s| speaks(corpus, d, s)) else {
                continue;
            };
            let to = g.party(d, speaker);
            // A quote that is also a citation is drawn as the citation.
            if att.citations.iter().any(|c| c.claim == Some(q.content) && c.how != "footnote") {
                continue;
            }
            let above = carriers(&mut g, q.content);
            let from = above.first().cloned().unwrap_or_else(|| outlet.clone());
            g.edge(&from, &to, "quotes", corpus.evidence(d, q.content));
        }
        // An anonymous source behind a carrier the document also cites for a claim: the claim
        // starts at the anonymous source; the citation naming it is folded into that claim.
        let carried: Vec<(Key, Key)> = doc_instances
            .iter()
            .filter_map(|(i, carrier)| carrier.as_ref().map(|c| (c.clone(), i.chain[0].clone())))
            .collect();
        let mut absorbed = vec![false; doc_instances.len()];
        for (carrier, anonymous) in &carried {
            let mut used = false;
            for (inst, via) in doc_instances.iter_mut() {
                if via.is_none() && inst.chain.first() == Some(carrier) {
                    inst.chain.insert(0, anonymous.clone());
                    used = true;
                }
            }
            if used {
                for (i, (inst, via)) in doc_instances.iter().enumerate() {
                    if via.as_ref() == Some(carrier) && inst.chain.first() == Some(anonymous) {
                        absorbed[i] = true;
                    }
                }
            }
        }
        instances.extend(doc_instances.into_iter().zip(absorbed).filter(|(_, a)| !a).map(|((i, _), _)| i));
        // Quotes of cited sources join the claims (after all citations are known, below).
    }
    // Quotes whose speaker is a cited source anywhere in the story.
    for &d in &order {
        let att = &corpus.docs[d].attribution;
        for q in att.quotes.iter().filter(|q| q.is_speech(corpus.text(d))) {
            let Some(speaker) = q.speaker.as_ref().filter(|s| speaks(corpus, d, s)) else {
                continue;
            };
            if instances.iter().any(|i| i.doc == d && overlaps(i.claim, q.content)) || venue(corpus, d, q.content).is_some() {
                continue;
            }
            let key = g.party(d, speaker);
            if !g.nodes.get(&key).is_some_and(|n| n.cited) {
                continue;
            }
            let mut chain = vec![key];
            for e in enclosing(&att.quotes, q.content).into_iter().rev() {
                let k = g.party(d, e.speaker.as_ref().expect("filtered"));
                if chain.last() != Some(&k) {
                    chain.push(k);
                }
            }
            instances.push(Instance { doc: d, claim: q.content, chain });
        }
    }

    // Reprints between the story's documents, and credits in removed boilerplate.
    let in_story: BTreeSet<usize> = order.iter().copied().collect();
    let mut reprinted: Vec<(usize, usize)> = Vec::new();
    for r in &corpus.clustering.reprints {
        if !(in_story.contains(&r.a) && in_story.contains(&r.b)) {
            continue;
        }
        let (copy, original) = match r.kind {
            ReprintKind::Contains if r.a_contains_b => (r.a, r.b),
            ReprintKind::Contains => (r.b, r.a),
            _ => match (published(corpus, r.a), published(corpus, r.b)) {
                (Some(x), Some(y)) if x > y => (r.a, r.b),
                _ => (r.b, r.a),
            },
        };
        let (from, to) = (g.outlet_key(copy), g.outlet_key(original));
        let mut evidence: Vec<Evidence> = r
            .passages
            .iter()
            .take(3)
            .map(|p| corpus.evidence(copy, if copy == r.a { p.a } else { p.b }))
            .collect();
        if evidence.is_empty() {
            evidence.push(removed_evidence(corpus, copy, ""));
        }
        for e in evidence {
            g.edge(&from, &to, "reprints", e);
        }
        reprinted.push((copy, original));
    }
    for &d in &order {
        let from = g.outlet_key(d);
        for r in &corpus.docs[d].document.removed {
            if r.reason != RemovalReason::Continuation {
                continue;
            }
            let Some(name) = credit(&r.text) else {
                continue;
            };
            let to = match g.known_outlet(&name) {
                Some(k) => k,
                None => {
                    let k = Key::Outlet(slug(&name));
                    let info = g.nodes.entry(k.clone()).or_default();
                    if info.name.is_empty() {
                        info.name = name.clone();
                    }
                    k
                }
            };
            g.edge(&from, &to, "reprints", removed_evidence(corpus, d, &r.text));
        }
    }

    let claims = claims(&g, &instances, &reprinted);
    let id = |k: &Key| -> String { node_id(&g, k) };
    let mut nodes: Vec<Node> = g
        .nodes
        .iter()
        .map(|(k, n)| Node {
            id: id(k),
            kind: match k {
                Key::Outlet(_) => "outlet",
                Key::Party(_) if n.cited => "source",
                Key::Party(_) => "speaker",
            }
            .to_string(),
            name: n.name.clone(),
            in_corpus: n.in_corpus,
        })
        .collect();
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let mut edges: Vec<Edge> = g
        .edges
        .iter()
        .map(|((f, t, kind), ev)| Edge { from: id(f), to: id(t), kind: kind.to_string(), evidence: tidy_evidence(ev.clone()) })
        .collect();
    edges.sort_by(|a, b| (&a.from, &a.to, &a.kind).cmp(&(&b.from, &b.to, &b.kind)));
    Provenance { nodes, edges, claims }
}

/// The outlet a claim span only names as where the source wrote: "in The Vigil on 21 February".
fn venue(corpus: &Corpus, d: usize, claim: Span) -> Option<String> {
    let text = claim.of(corpus.text(d));
    let rest = text.strip_prefix("in ")?;
    let at = claim.start() + (text.len() - rest.len());
    let (_, mention) = corpus.mentions_in(d, claim).find(|(_, m)| {
        let before = &corpus.text(d)[at..m.span.start()];
        m.span.start() >= at && (before.is_empty() || before.trim().eq_ignore_ascii_case("the"))
    })?;
    let after = &corpus.text(d)[mention.span.end()..claim.end()];
    let short = content_words(after).iter().all(|w| w.chars().all(|c| c.is_ascii_digit()) || is_date_word(w));
    short.then(|| strip_article(mention.span.of(corpus.text(d))).to_string())
}

/// Words of a date or time phrase ("on 21 February", "last week", "before the attack").
fn is_date_word(w: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];
    MONTHS.contains(&w)
        || w.ends_with("th")
        || w.ends_with("st")
        || w.ends_with("nd")
        || w.ends_with("rd")
        || matches!(w, "week" | "weeks" | "month" | "day" | "days" | "year" | "two" | "three" | "earlier" | "attack" | "last" | "ago")
}

/// Whether a party is someone the graph draws: not the author, and a name (see [`is_party_name`]).
fn speaks(corpus: &Corpus, d: usize, speaker: &Speaker) -> bool {
    speaker.kind != SpeakerKind::Author && is_party_name(&party_key(corpus, d, speaker).1)
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start() < b.end() && b.start() < a.end()
}

fn node_id(g: &Graph, k: &Key) -> String {
    match k {
        Key::Outlet(s) => format!("outlet:{s}"),
        Key::Party(s) => {
            let kind = if g.nodes.get(k).is_some_and(|n| n.cited) { "source" } else { "speaker" };
            match s.strip_prefix("name:") {
                Some(name) => format!("{kind}:{}", slug(name)),
                None => format!("{kind}:{s}"),
            }
        }
    }
}

/// Groups the instances into claims.
fn claims(g: &Graph, instances: &[Instance], reprinted: &[(usize, usize)]) -> Vec<Claim> {
    let corpus = g.corpus;
    let n = instances.len();
    let texts: Vec<&str> = instances.iter().map(|i| i.claim.of(corpus.text(i.doc))).collect();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for i in 0..n {
        for j in i + 1..n {
            let shares = instances[i].chain.iter().any(|k| instances[j].chain.contains(k));
            let same_doc_span = instances[i].doc == instances[j].doc && instances[i].claim == instances[j].claim;
            if (shares && same_claim(texts[i], texts[j])) || same_doc_span {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in groups.values() {
        // The longest chain names the origin and the relays; its first instance gives the words.
        let best = *members
            .iter()
            .max_by(|&&a, &&b| instances[a].chain.len().cmp(&instances[b].chain.len()).then(b.cmp(&a)))
            .expect("non-empty");
        let chain = &instances[best].chain;
        let origin = node_id(g, &chain[0]);
        let via: Vec<String> = chain[1..].iter().map(|k| node_id(g, k)).collect();
        let reported_in: BTreeSet<String> = members.iter().map(|&i| corpus.outlet(instances[i].doc)).collect();
        let evidence =
            tidy_evidence(members.iter().map(|&i| corpus.evidence(instances[i].doc, instances[i].claim)).collect());
        let first = members[0];
        out.push(Claim {
            claim: one_line(texts[first]),
            origin,
            via,
            reported_in: reported_in.into_iter().collect(),
            independent: independent(instances, members, reprinted),
            evidence,
        });
    }
    out.sort_by(|a, b| {
        b.reported_in
            .len()
            .cmp(&a.reported_in.len())
            .then(b.independent.cmp(&a.independent))
            .then_with(|| a.claim.cmp(&b.claim))
            .then_with(|| a.origin.cmp(&b.origin))
    });
    out
}

/// Distinct origins among the members: chains sharing a node, or reported by documents one of
/// which reprints the other, count once.
fn independent(instances: &[Instance], members: &[usize], reprinted: &[(usize, usize)]) -> usize {
    let m = members.len();
    let mut parent: Vec<usize> = (0..m).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for a in 0..m {
        for b in a + 1..m {
            let (x, y) = (&instances[members[a]], &instances[members[b]]);
            let linked = x.chain.iter().any(|k| y.chain.contains(k))
                || x.doc == y.doc
                || reprinted.iter().any(|&(c, o)| (c == x.doc && o == y.doc) || (c == y.doc && o == x.doc));
            if linked {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    (0..m).filter(|&i| find(&mut parent, i) == i).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voices::testing::{examples, palmyra, texts};

    const AGENCY: &str = "Ferry strike spreads to Lornhaven\n\n\
        The Kestrel News Agency reported on Monday that 4,500 dock workers would join the strike in Lornhaven. \
        The agency's information came from an anonymous union source.\n\n\
        The port authority said the ferries would keep running.\n";
    const RELAY: &str = "Lornhaven braces for dock strike\n\n\
        According to the Kestrel News Agency, up to 4500 dock workers are set to join the strike in Lornhaven this week.\n\n\
        Shipping companies in Lornhaven said they had moved cargo to other ports.\n";

    #[test]
    fn an_agency_claim_relayed_twice_is_one_claim_from_its_anonymous_source() {
        let b = texts(&[("harbour-times.txt", AGENCY), ("coast-daily.txt", RELAY)]);
        let corpus = Corpus::new(&b.docs, &b.linked, &b.clustering);
        let p = provenance(&corpus, &[0, 1]);
        let claim = p.claims.iter().find(|c| c.claim.contains("4,500") || c.claim.contains("4500")).expect("the strike claim");
        assert_eq!(claim.reported_in.len(), 2, "{:#?}", p.claims);
        assert_eq!(claim.independent, 1, "{claim:#?}");
        assert!(claim.origin.ends_with("/anonymous"), "{claim:#?}");
        let origin = p.nodes.iter().find(|n| n.id == claim.origin).expect("the origin is a node");
        assert!(origin.name.contains("Kestrel"), "{origin:?}");
        assert_eq!(claim.evidence.len(), 2);
        // Both outlets cite the agency; the agency cites its source.
        let agency = &claim.via[0];
        assert_eq!(p.edges.iter().filter(|e| &e.to == agency && e.kind == "cites").count(), 2, "{:#?}", p.edges);
        assert!(p.edges.iter().any(|e| &e.from == agency && e.to == claim.origin));
        assert!(p.edges.iter().all(|e| !e.evidence.is_empty()));
        // Deterministic whatever the order of the documents.
        assert_eq!(p, provenance(&corpus, &[1, 0]));
    }

    #[test]
    fn two_sources_for_one_number_are_two_claims() {
        let other = "Dock strike in Lornhaven\n\n\
            The port authority said on Monday that 4,500 dock workers would join the strike in Lornhaven.\n";
        let b = texts(&[("harbour-times.txt", AGENCY), ("coast-daily.txt", other)]);
        let corpus = Corpus::new(&b.docs, &b.linked, &b.clustering);
        let p = provenance(&corpus, &[0, 1]);
        let with_number: Vec<&Claim> = p.claims.iter().filter(|c| c.claim.contains("4,500")).collect();
        assert!(with_number.iter().all(|c| c.reported_in.len() == 1), "{:#?}", p.claims);
    }

    #[test]
    fn numbers_fold_separators_and_skip_years() {
        assert_eq!(numbers("safe passage of 9000 fighters"), numbers("up to 9,000 fighters"));
        assert!(numbers("in 2016, 12 men").is_empty());
        assert!(same_claim("allow 9000 ISIS fighters out", "up to 9,000 militants left"));
        assert!(!same_claim("the ferries kept running", "shops were closed on Monday"));
    }

    #[test]
    fn credits_name_the_original() {
        assert_eq!(credit("Courtesy The Bastion").as_deref(), Some("Bastion"));
        assert_eq!(credit("Read the rest at The Lantern Review.").as_deref(), Some("Lantern Review"));
        assert_eq!(credit("Originally published by Harbour Times on 3 May").as_deref(), Some("Harbour Times"));
        assert_eq!(credit("Courtesy"), None);
        assert_eq!(credit("Read the rest at https://example.org/a"), None);
    }

    #[test]
    fn examples_r1_is_one_claim_and_credits_are_reprint_edges() {
        let b = examples();
        let corpus = Corpus::new(&b.docs, &b.linked, &b.clustering);
        let p = provenance(&corpus, &b.main_story());
        let r1: Vec<&Claim> = p.claims.iter().filter(|c| c.claim.contains("2,500")).collect();
        assert_eq!(r1.len(), 1, "{:#?}", p.claims);
        let r1 = r1[0];
        assert_eq!(r1.reported_in, ["Anders Holm", "The Rampart"], "{r1:#?}");
        assert_eq!(r1.independent, 1);
        assert!(r1.origin.ends_with("/anonymous"), "{r1:#?}");
        // The Rampart reaches the agency through Oskar Brenn's column.
        let brenn = p.nodes.iter().find(|n| n.name.starts_with("Oskar Brenn")).expect("Brenn");
        assert_eq!(brenn.name, "Oskar Brenn (Vigil)");
        assert!(p.claims.iter().all(|c| !c.claim.starts_with("in The Vigil")), "{:#?}", p.claims);
        assert_eq!(r1.via.last(), Some(&brenn.id), "{r1:#?}");
        let reprints: Vec<(&str, &str)> =
            p.edges.iter().filter(|e| e.kind == "reprints").map(|e| (e.from.as_str(), e.to.as_str())).collect();
        assert!(reprints.contains(&("outlet:anders-holm", "outlet:bastion")), "{reprints:?}");
        assert!(reprints.iter().any(|(_, to)| *to == "outlet:lantern-review"), "{reprints:?}");
        // Every outlet of the story is a node; every id an edge names is a node.
        let ids: BTreeSet<&str> = p.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(p.nodes.iter().filter(|n| n.in_corpus).count(), 8);
        assert!(p.edges.iter().all(|e| ids.contains(e.from.as_str()) && ids.contains(e.to.as_str())));
        assert!(p.claims.iter().all(|c| ids.contains(c.origin.as_str()) && !c.evidence.is_empty()));
    }

    #[test]
    fn palmyra_safe_passage_claim_goes_back_to_ria_novosti() {
        let Some(b) = palmyra() else {
            return;
        };
        let corpus = Corpus::new(&b.docs, &b.linked, &b.clustering);
        let all: Vec<usize> = (0..b.docs.len()).collect();
        let p = provenance(&corpus, &all);
        let passage: Vec<&Claim> = p.claims.iter().filter(|c| c.claim.contains("9000") || c.claim.contains("9,000")).collect();
        assert_eq!(passage.len(), 1, "{:#?}", p.claims);
        let c = passage[0];
        assert_eq!(c.reported_in.len(), 2, "{c:#?}");
        assert_eq!(c.independent, 1);
        let name = |id: &str| p.nodes.iter().find(|n| n.id == id).map(|n| n.name.clone()).unwrap_or_default();
        assert!(name(&c.origin).contains("anonymous") && name(&c.origin).contains("RIA Novosti"), "{c:#?}");
        assert_eq!(name(&c.via[0]), "RIA Novosti", "{c:#?}");
    }
}
