//! Who said what (quotes grouped by speaker across outlets) and the blame matrix.

use crate::context::{content_words, strip_article};
use crate::{BlameRow, Corpus, Evidence, QuoteItem, SpeakerQuotes};
use corroborate_annotate::attribution::{Quote, QuoteKind, Speaker, SpeakerKind};
use std::collections::{BTreeMap, BTreeSet};

/// Jaccard overlap of content words at or above which two quotes are the same words.
const SAME_WORDS: f64 = 0.6;

/// Who a party of a quote or blame statement is, as one key across documents:
/// `(key, display name, entity id)`. The author of a document is its first author (else its
/// outlet); a party without a linked mention takes the one entity its words name, if any.
pub(crate) fn party_key(corpus: &Corpus, d: usize, speaker: &Speaker) -> (String, String, Option<String>) {
    // A document naming its own outlet ("The Rampart places the blame …") speaks as its author.
    let own_outlet = strip_article(speaker.name.trim()).eq_ignore_ascii_case(strip_article(corpus.outlet(d).trim()));
    if speaker.kind == SpeakerKind::Author || own_outlet {
        let name = corpus.docs[d].document.voice().map_or_else(|| corpus.outlet(d), str::to_string);
        return (format!("name:{}", name.to_lowercase()), name, None);
    }
    // A description naming one entity is that entity only when the name is all of it ("the
    // Serren Compact"); "the siege of Aleppo" is not Aleppo, "the U.N. officials" not the U.N.
    if speaker.mention.is_none() {
        if let Some(span) = speaker.span {
            let named = corpus.entities_in(d, span);
            let text = corpus.text(d);
            let opens = corpus.mentions_in(d, span).next().is_some_and(|(_, m)| {
                let before = text[span.start()..m.span.start()].trim().to_lowercase();
                let after = text[m.span.end()..span.end()].trim_start();
                matches!(before.as_str(), "" | "the") && (after.is_empty() || after.starts_with('('))
            });
            if let ([e], true) = (named.as_slice(), opens || speaker.kind != SpeakerKind::Description) {
                return (e.id.clone(), crate::context::display_name(e), Some(e.id.clone()));
            }
        }
    }
    let (key, name, entity) = corpus.speaker_key(d, speaker);
    (key, tidy(&name), entity)
}

/// Whether a speaker's name can name someone: not empty, not a prepositional phrase the
/// attribution layer took for a speaker ("in October this year", "on local messaging channels").
pub(crate) fn is_party_name(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    !first.is_empty() && !matches!(first.as_str(), "in" | "on" | "at" | "of" | "for" | "from" | "to" | "with" | "by" | "into")
}

/// A name without surrounding punctuation or a leading article, on one line.
fn tidy(name: &str) -> String {
    let one_line = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = one_line.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
    let bare = strip_article(trimmed);
    // "These constant ceasefires" → "constant ceasefires": a demonstrative points back in its
    // own text, not in a table of parties.
    ["These ", "these ", "Those ", "those "].iter().find_map(|d| bare.strip_prefix(d)).unwrap_or(bare).to_string()
}

/// The distinct content words of a text.
pub(crate) fn word_set(text: &str) -> BTreeSet<String> {
    content_words(text).into_iter().collect()
}

/// Whether two word sets hold near-identical words: Jaccard overlap ≥ [`SAME_WORDS`], or the
/// smaller set (of at least two words) wholly inside the larger one.
pub(crate) fn same_words(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if shared as f64 / union as f64 >= SAME_WORDS {
        return true;
    }
    let smaller = a.len().min(b.len());
    smaller >= 2 && shared == smaller
}

/// Sort key of evidence: document id, then position.
fn evidence_key(e: &Evidence) -> (String, usize, usize) {
    (e.document.clone(), e.start, e.end)
}

fn sort_evidence(evidence: &mut Vec<Evidence>) {
    evidence.sort_by_key(evidence_key);
    evidence.dedup_by(|a, b| a.document == b.document && a.start == b.start && a.end == b.end);
}

struct Item {
    text: String,
    kind: &'static str,
    words: BTreeSet<String>,
    outlets: BTreeSet<String>,
    evidence: Vec<Evidence>,
}

struct Voice {
    name: String,
    entity: Option<String>,
    items: Vec<Item>,
}

pub(crate) fn who_said_what(corpus: &Corpus, docs: &[usize]) -> Vec<SpeakerQuotes> {
    let mut order: Vec<usize> = docs.to_vec();
    order.sort_by(|&a, &b| corpus.docs[a].document.id.as_str().cmp(corpus.docs[b].document.id.as_str()).then(a.cmp(&b)));
    order.dedup();
    let mut voices: BTreeMap<String, Voice> = BTreeMap::new();
    // Direct quotes nobody is named for: given to a speaker another document quotes in the same words.
    let mut unattributed: Vec<(usize, &Quote)> = Vec::new();
    for &d in &order {
        let text = corpus.text(d);
        let outlet = corpus.outlet(d);
        let quotes = &corpus.docs[d].attribution.quotes;
        // A word or two quoted inside a longer quote of the same speaker ("“prestige”" inside "a
        // blow to their “prestige”") is part of that item, not one of its own. Longer partial
        // quotes stay: they are what other outlets quote in full.
        let inside_another = |q: &Quote| {
            word_set(q.content.of(text)).len() <= 2 && quotes.iter().any(|o| {
                o.content != q.content
                    && o.content.start() <= q.content.start()
                    && q.content.end() <= o.content.end()
                    && o.speaker.as_ref().map(|s| &s.name) == q.speaker.as_ref().map(|s| &s.name)
                    && o.is_speech(text)
            })
        };
        for q in quotes.iter().filter(|q| q.is_speech(text) && !inside_another(q)) {
            let Some(speaker) = q.speaker.as_ref().filter(|s| s.kind != SpeakerKind::Author) else {
                if q.speaker.is_none() && q.kind == QuoteKind::Direct {
                    unattributed.push((d, q));
                }
                continue;
            };
            let (key, name, entity) = party_key(corpus, d, speaker);
            if !is_party_name(&name) {
                continue;
            }
            let content = q.content.of(text);
            let words = word_set(content);
            let voice = voices.entry(key).or_insert_with(|| Voice { name, entity, items: Vec::new() });
            let evidence = corpus.evidence(d, q.content);
            match voice.items.iter_mut().find(|i| same_words(&i.words, &words)) {
                Some(item) => {
                    item.outlets.insert(outlet.clone());
                    item.evidence.push(evidence);
                    item.words.extend(words);
                }
                None => voice.items.push(Item {
                    text: one_line(content),
                    kind: q.kind.as_str(),
                    words,
                    outlets: BTreeSet::from([outlet.clone()]),
                    evidence: vec![evidence],
                }),
            }
        }
    }
    for (d, q) in unattributed {
        let words = word_set(q.content.of(corpus.text(d)));
        if words.len() < 3 {
            continue;
        }
        let own = corpus.docs[d].document.id.to_string();
        let relayed = voices.values_mut().flat_map(|v| v.items.iter_mut()).find(|i| {
            i.kind == "direct" && i.evidence.iter().all(|e| e.document != own) && same_words(&i.words, &words)
        });
        if let Some(item) = relayed {
            item.outlets.insert(corpus.outlet(d));
            item.evidence.push(corpus.evidence(d, q.content));
        }
    }
    let mut out: Vec<(String, SpeakerQuotes)> = voices
        .into_iter()
        .map(|(key, v)| {
            let mut items: Vec<QuoteItem> = v
                .items
                .into_iter()
                .map(|mut i| {
                    sort_evidence(&mut i.evidence);
                    QuoteItem { text: i.text, kind: i.kind.to_string(), outlets: i.outlets.into_iter().collect(), evidence: i.evidence }
                })
                .collect();
            items.sort_by(|a, b| {
                b.outlets.len().cmp(&a.outlets.len()).then_with(|| evidence_key(&a.evidence[0]).cmp(&evidence_key(&b.evidence[0])))
            });
            let outlets: BTreeSet<String> = items.iter().flat_map(|i| i.outlets.iter().cloned()).collect();
            (key, SpeakerQuotes { speaker: v.name, entity: v.entity, outlets: outlets.into_iter().collect(), items })
        })
        .collect();
    out.sort_by(|(ka, a), (kb, b)| {
        b.outlets
            .len()
            .cmp(&a.outlets.len())
            .then(b.items.len().cmp(&a.items.len()))
            .then_with(|| a.speaker.cmp(&b.speaker))
            .then_with(|| ka.cmp(kb))
    });
    out.into_iter().map(|(_, s)| s).collect()
}

/// A text on one line: runs of white space (paragraph breaks of a long quote) become one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Row {
    holder: String,
    holder_entity: Option<String>,
    target: String,
    target_entity: Option<String>,
    for_: Vec<String>,
    outlets: BTreeSet<String>,
    evidence: Vec<Evidence>,
}

pub(crate) fn blame_matrix(corpus: &Corpus, docs: &[usize]) -> Vec<BlameRow> {
    let mut order: Vec<usize> = docs.to_vec();
    order.sort_by(|&a, &b| corpus.docs[a].document.id.as_str().cmp(corpus.docs[b].document.id.as_str()).then(a.cmp(&b)));
    order.dedup();
    let mut rows: BTreeMap<(String, String), Row> = BTreeMap::new();
    for &d in &order {
        let text = corpus.text(d);
        let outlet = corpus.outlet(d);
        for b in &corpus.docs[d].attribution.blame {
            let (hk, holder, holder_entity) = party_key(corpus, d, &b.holder);
            let (tk, target, target_entity) = party_key(corpus, d, &b.target);
            if holder.is_empty() || target.is_empty() || hk == tk {
                continue;
            }
            let row = rows.entry((hk, tk)).or_insert_with(|| Row {
                holder,
                holder_entity,
                target,
                target_entity,
                for_: Vec::new(),
                outlets: BTreeSet::new(),
                evidence: Vec::new(),
            });
            if let Some(f) = b.for_ {
                let wording = one_line(f.of(text));
                let wording = wording.trim_end_matches(['.', ',', ';', ':']).to_string();
                if !wording.is_empty() && !row.for_.iter().any(|w| w.eq_ignore_ascii_case(&wording)) {
                    row.for_.push(wording);
                }
            }
            row.outlets.insert(outlet.clone());
            row.evidence.push(corpus.evidence(d, b.span));
        }
    }
    let mut out: Vec<BlameRow> = rows
        .into_values()
        .map(|mut r| {
            sort_evidence(&mut r.evidence);
            BlameRow {
                holder: r.holder,
                holder_entity: r.holder_entity,
                target: r.target,
                target_entity: r.target_entity,
                for_: r.for_,
                outlets: r.outlets.into_iter().collect(),
                evidence: r.evidence,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.outlets
            .len()
            .cmp(&a.outlets.len())
            .then_with(|| a.holder.cmp(&b.holder))
            .then_with(|| a.target.cmp(&b.target))
            .then_with(|| a.holder_entity.cmp(&b.holder_entity))
            .then_with(|| a.target_entity.cmp(&b.target_entity))
    });
    out
}

/// Corpora for the tests of this crate: short texts written for them, the example corpus and
/// the Palmyra pages, through the real pipeline.
#[cfg(test)]
pub(crate) mod testing {
    use corroborate_annotate::link::Linked;
    use corroborate_annotate::{annotate, link_documents, Annotated};
    use corroborate_ingest::{documents_from_bytes, Options};
    use corroborate_stories::{cluster, Clustering};
    use std::path::{Path, PathBuf};

    pub(crate) struct Built {
        pub docs: Vec<Annotated>,
        pub linked: Linked,
        pub clustering: Clustering,
    }

    impl Built {
        /// The documents of the largest story.
        pub(crate) fn main_story(&self) -> Vec<usize> {
            self.clustering.stories.iter().max_by_key(|s| s.documents.len()).map(|s| s.documents.clone()).unwrap_or_default()
        }
    }

    /// Named sources (`name`, bytes) through ingest, annotate, link and cluster.
    pub(crate) fn build(sources: &[(String, Vec<u8>)]) -> Built {
        let mut docs = Vec::new();
        for (name, bytes) in sources {
            for d in documents_from_bytes(name, bytes, &Options::default()).into_iter().flatten() {
                docs.push(annotate(d));
            }
        }
        let linked = link_documents(&docs);
        let clustering = cluster(&docs, &linked);
        Built { docs, linked, clustering }
    }

    pub(crate) fn texts(texts: &[(&str, &str)]) -> Built {
        build(&texts.iter().map(|(n, t)| (n.to_string(), t.as_bytes().to_vec())).collect::<Vec<_>>())
    }

    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("README")) {
                out.push(p);
            }
        }
    }

    fn read_dir(dir: &Path) -> Option<Built> {
        let mut paths = Vec::new();
        files(dir, &mut paths);
        if paths.is_empty() {
            eprintln!("skipping: {} absent", dir.display());
            return None;
        }
        paths.sort();
        let sources: Vec<(String, Vec<u8>)> =
            paths.iter().map(|p| (p.display().to_string(), std::fs::read(p).expect("readable"))).collect();
        Some(build(&sources))
    }

    /// The project's example corpus (`examples/`).
    pub(crate) fn examples() -> Built {
        read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")).expect("the example corpus")
    }

    /// The Palmyra pages, when present next to the repository.
    pub(crate) fn palmyra() -> Option<Built> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/palmyra-2016");
        let mut paths = Vec::new();
        files(&dir, &mut paths);
        paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
        if paths.is_empty() {
            eprintln!("skipping: {} absent", dir.display());
            return None;
        }
        paths.sort();
        let sources: Vec<(String, Vec<u8>)> =
            paths.iter().map(|p| (p.display().to_string(), std::fs::read(p).expect("readable"))).collect();
        Some(build(&sources))
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{examples, palmyra, texts};
    use super::*;

    const HARBOUR: &str = "Storm closes the harbour at Wexmoor\n\n\
        The harbour of Wexmoor was closed on Tuesday after a storm broke the outer wall, port officials said.\n\n\
        \"We will not open the gates until the wall is repaired,\" the harbour master, Elena Voss, said.\n\n\
        Mayor Tobias Krenn blamed the Coastal Works Agency for the delays in repairing the wall.\n\n\
        The so-called \"repair plan\" has not started.\n";
    const HARBOUR_2: &str = "Wexmoor harbour stays shut after storm\n\n\
        Fishermen in Wexmoor waited on the quay on Wednesday as the harbour stayed closed after the storm.\n\n\
        \"We will not open the gates until the wall is repaired,\" harbour master Elena Voss told reporters.\n\n\
        Mayor Tobias Krenn has blamed the Coastal Works Agency for the slow repairs of the wall.\n\n\
        Elena Voss said the boats would have to wait in Brannock for at least a week.\n";

    #[test]
    fn the_same_quote_in_two_outlets_is_one_item() {
        let b = texts(&[("wexmoor-post.txt", HARBOUR), ("coast-daily.txt", HARBOUR_2)]);
        let corpus = Corpus::new(&b.docs, &b.linked, &b.clustering);
        let quotes = who_said_what(&corpus, &[0, 1]);
        let voss = quotes.iter().find(|s| s.speaker.contains("Voss")).expect("Voss is quoted");
        assert_eq!(voss.outlets.len(), 2, "{quotes:#?}");
        let gates = voss.items.iter().find(|i| i.text.contains("open the gates")).expect("the gates quote");
        assert_eq!(gates.outlets.len(), 2, "{voss:#?}");
        assert_eq!(gates.evidence.len(), 2);
        assert!(gates.evidence.iter().all(|e| e.sentence.text.contains(&e.text)));
        // The indirect quote of Voss is other words: an item of its own.
        assert!(voss.items.len() >= 2, "{voss:#?}");
        // Scare quotes are nobody's words.
        assert!(quotes.iter().all(|s| s.items.iter().all(|i| !i.text.contains("repair plan"))), "{quotes:#?}");
    }

    #[test]
    fn blame_of_one_holder_for_one_target_is_one_row() {
        let b = texts(&[("wexmoor-post.txt", HARBOUR), ("coast-daily.txt", HARBOUR_2)]);
        let corpus = Corpus::new(&b.docs, &b.linked, &b.clustering);
        let rows = blame_matrix(&corpus, &[0, 1]);
        let krenn: Vec<&BlameRow> = rows.iter().filter(|r| r.holder.contains("Krenn")).collect();
        assert_eq!(krenn.len(), 1, "{rows:#?}");
        assert!(krenn[0].target.contains("Coastal Works Agency"), "{rows:#?}");
        assert_eq!(krenn[0].outlets.len(), 2);
        assert_eq!(krenn[0].for_.len(), 2, "two wordings: {:?}", krenn[0].for_);
        assert_eq!(krenn[0].evidence.len(), 2);
    }

    #[test]
    fn output_does_not_depend_on_document_order() {
        let b = texts(&[("wexmoor-post.txt", HARBOUR), ("coast-daily.txt", HARBOUR_2)]);
        let corpus = Corpus::new(&b.docs, &b.linked, &b.clustering);
        assert_eq!(who_said_what(&corpus, &[0, 1]), who_said_what(&corpus, &[1, 0]));
        assert_eq!(blame_matrix(&corpus, &[0, 1]), blame_matrix(&corpus, &[1, 0]));
    }

    #[test]
    fn same_words_is_overlap_or_containment() {
        let a = word_set("Nobody sent us the boats we asked for");
        let b = word_set("\"Nobody sent us the boats we asked for,\" he added.");
        assert!(same_words(&a, &b));
        assert!(same_words(&word_set("a door we opened"), &word_set("called the corridor a door we opened for civilians")));
        assert!(!same_words(&a, &word_set("The boats left the harbour at dawn")));
        assert!(!same_words(&word_set("the"), &word_set("the")), "no content words, no match");
    }

    #[test]
    fn examples_tavin_quote_and_valdis_blame_are_merged() {
        let b = examples();
        let corpus = Corpus::new(&b.docs, &b.linked, &b.clustering);
        let story = b.main_story();
        let quotes = who_said_what(&corpus, &story);
        let tavin = quotes.iter().find(|s| s.speaker.contains("Tavin")).expect("Tavin");
        let boats = tavin.items.iter().find(|i| i.text.contains("Nobody sent us the boats")).expect("the boats");
        assert_eq!(boats.outlets, ["Northgate Wire", "The Rampart"], "{tavin:#?}");
        let valdis = quotes.iter().find(|s| s.speaker == "Oren Valdis").expect("Valdis");
        assert!(valdis.items.iter().any(|i| i.text.contains("a door we opened") && i.outlets.len() == 2), "{valdis:#?}");
        // No speaker is the author of scare quotes.
        assert!(quotes.iter().all(|s| s.speaker != "the author"));

        let rows = blame_matrix(&corpus, &story);
        let compact: Vec<&BlameRow> =
            rows.iter().filter(|r| r.holder == "Oren Valdis" && r.target == "Serren Compact").collect();
        assert_eq!(compact.len(), 1, "{rows:#?}");
        assert_eq!(compact[0].outlets, ["Northgate Wire", "VELNA"]);
        assert!(compact[0].holder_entity.is_some() && compact[0].target_entity.is_some());
        assert!(rows.iter().any(|r| r.holder == "Ruta Mendel" && r.target.contains("Grell")), "{rows:#?}");
        assert!(rows.iter().any(|r| r.holder == "Nils Arvane" && r.target == "Dravik"), "{rows:#?}");
    }

    #[test]
    fn palmyra_blame_of_the_united_states() {
        let Some(b) = palmyra() else {
            return;
        };
        let corpus = Corpus::new(&b.docs, &b.linked, &b.clustering);
        let all: Vec<usize> = (0..b.docs.len()).collect();
        let rows = blame_matrix(&corpus, &all);
        let on_us: Vec<&str> = rows.iter().filter(|r| r.target == "United States").map(|r| r.holder.as_str()).collect();
        for holder in ["Igor Konashenkov", "Sergey Rudskoi", "Sergey Lavrov"] {
            assert!(on_us.contains(&holder), "{holder} → United States missing: {rows:#?}");
        }
        // Every blame statement the attribution layer finds is in some row.
        let statements: usize = b.docs.iter().map(|d| d.attribution.blame.len()).sum();
        let evidence: usize = rows.iter().map(|r| r.evidence.len()).sum();
        assert!(evidence > 0 && evidence <= statements);
        // The rest of the acceptance matrix: the pauses, the regime and Russia, the ceasefires,
        // the US and the commanders.
        let has = |holder: &str, target: &str| rows.iter().any(|r| r.holder.contains(holder) && r.target.contains(target));
        for (holder, target) in [
            ("Yury Baluyevsky", "humanitarian pauses"),
            ("Russian military", "humanitarian pauses"),
            ("Kyle Orton", "Russia"),
            ("Kyle Orton", "pro-regime coalition"),
            ("Aram Mirzaei", "ceasefires"),
            ("Aram Mirzaei", "United States"),
            ("article", "commanders of the Syrian Army"),
        ] {
            assert!(has(holder, target), "{holder} → {target} missing: {rows:#?}");
        }
        // No row blames a bare pronoun or a placeholder.
        assert!(rows.iter().all(|r| !matches!(r.target.as_str(), "them" | "it" | "they" | "something quite different")), "{rows:#?}");
        let quotes = who_said_what(&corpus, &all);
        let ria = quotes.iter().find(|s| s.speaker == "RIA Novosti").expect("RIA Novosti is quoted");
        assert_eq!(ria.outlets.len(), 2, "{ria:#?}");
    }
}
