//! The project's example corpus and the Palmyra pages, through ingest and annotate: the
//! stories the answer key in `examples/README.md` expects.

use corroborate_annotate::{annotate, Annotated};
use corroborate_ingest::{documents_from_bytes, Options};
use corroborate_stories::{cluster, cluster_features, DocumentFeatures, Params};
use proptest::strategy::Strategy;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if !p
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("README")
        {
            out.push(p);
        }
    }
}

fn read(dir: &Path) -> Vec<Annotated> {
    let mut paths = Vec::new();
    files(dir, &mut paths);
    paths.sort();
    let mut docs = Vec::new();
    for p in paths {
        let bytes = std::fs::read(&p).unwrap();
        for d in documents_from_bytes(&p.display().to_string(), &bytes, &Options::default())
            .into_iter()
            .flatten()
        {
            docs.push(annotate(d));
        }
    }
    docs
}

fn examples() -> Vec<Annotated> {
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples"))
}

/// Stories as sets of document ids, sorted: what must not depend on the input order.
fn partition(docs: &[Annotated], features: &[DocumentFeatures]) -> Vec<(String, Vec<String>)> {
    let c = cluster_features(
        features,
        |i| Cow::Borrowed(docs[i].document.text.as_str()),
        &Params::default(),
    );
    let mut out: Vec<(String, Vec<String>)> = c
        .stories
        .iter()
        .map(|s| {
            let mut ids: Vec<String> = s
                .documents
                .iter()
                .map(|&d| features[d].id.clone())
                .collect();
            ids.sort();
            (
                format!(
                    "{} {} {:?} {:?} {}",
                    s.id, s.title, s.start, s.end, s.thread
                ),
                ids,
            )
        })
        .collect();
    out.sort();
    out
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(24))]
    /// Any order of the example corpus gives the same stories, titles, dates and threads.
    #[test]
    fn stories_do_not_depend_on_input_order(order in proptest::strategy::Just((0..10usize).collect::<Vec<_>>()).prop_shuffle()) {
        let docs = examples();
        let order: Vec<usize> = order.into_iter().filter(|&i| i < docs.len()).collect();
        let features: Vec<DocumentFeatures> = docs.iter().map(DocumentFeatures::from_annotated).collect();
        let shuffled_docs: Vec<Annotated> = order.iter().map(|&i| docs[i].clone()).collect();
        let shuffled: Vec<DocumentFeatures> = order.iter().map(|&i| features[i].clone()).collect();
        proptest::prop_assert_eq!(partition(&docs, &features), partition(&shuffled_docs, &shuffled));
    }
}

/// The harbour-siege reports of the example corpus: its folder, and the feed's first line.
fn siege_reports(docs: &[Annotated]) -> Vec<usize> {
    (0..docs.len())
        .filter(|&d| docs[d].document.source.contains("harbour-siege") || docs[d].document.source.ends_with("#L1"))
        .collect()
}

#[test]
fn the_unrelated_articles_are_stories_of_their_own() {
    let docs = examples();
    assert_eq!(docs.len(), 10);
    let c = cluster(&docs, &corroborate_annotate::link_documents(&docs));
    let story = c.story_of(docs.len());
    let siege = siege_reports(&docs);
    let unrelated: Vec<usize> = (0..docs.len()).filter(|d| !siege.contains(d)).collect();
    assert_eq!(unrelated.len(), 2, "BEP and FEN");
    for &u in &unrelated {
        assert!(
            siege.iter().all(|&s| story[s] != story[u]),
            "{} joined the siege story",
            docs[u].document.source
        );
    }
    assert_ne!(story[unrelated[0]], story[unrelated[1]]);
    // Every story says why each of its documents is there.
    for s in &c.stories {
        for m in &s.members {
            if s.documents.len() > 1 {
                let link = m.link.expect("a member of a larger story has a link");
                assert!(s.documents.contains(&link.to));
                assert!(!m.shared_terms.is_empty() || link.forced);
            }
        }
    }
}

/// The answer key: all eight harbour-siege reports are one story, the two undated ones (RAM,
/// TDW) included.
#[test]
fn the_harbour_siege_reports_are_one_story() {
    let docs = examples();
    let c = cluster(&docs, &corroborate_annotate::link_documents(&docs));
    let story = c.story_of(docs.len());
    let siege = siege_reports(&docs);
    assert_eq!(siege.len(), 8);
    for &s in &siege {
        assert_eq!(story[s], story[siege[0]], "{}", docs[s].document.source);
    }
}

/// The five Palmyra pages, two of them undated, are one story.
#[test]
fn the_palmyra_pages_are_one_story() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/palmyra-2016");
    if !dir.is_dir() {
        eprintln!("skipping: {} absent", dir.display());
        return;
    }
    let docs = read(&dir);
    assert_eq!(docs.len(), 5);
    let c = cluster(&docs, &corroborate_annotate::link_documents(&docs));
    assert_eq!(
        c.stories.len(),
        1,
        "{:#?}",
        c.stories
            .iter()
            .map(|s| (&s.title, &s.documents))
            .collect::<Vec<_>>()
    );
}

#[test]
fn linked_aliases_are_one_feature() {
    let texts = [
        ("a.txt", "Fighters of the Islamic State entered Qaryatayn on Tuesday, residents said.\n"),
        ("b.txt", "ISIL fighters entered Qaryatayn on Tuesday, a monitoring group said.\n"),
    ];
    let docs: Vec<Annotated> = texts
        .iter()
        .flat_map(|(name, text)| documents_from_bytes(name, text.as_bytes(), &Options::default()))
        .flatten()
        .map(corroborate_annotate::annotate)
        .collect();
    let linked = corroborate_annotate::link_documents(&docs);
    let features: Vec<DocumentFeatures> = (0..docs.len())
        .map(|d| {
            let mut f = DocumentFeatures::from_annotated(&docs[d]);
            f.add_links(&linked, d);
            f
        })
        .collect();
    let shared: Vec<&String> = features[0].entities.iter().filter(|e| features[1].entities.contains(e)).collect();
    assert!(!shared.is_empty(), "Islamic State and ISIL are one entity: {:?} / {:?}", features[0].entities, features[1].entities);
    assert!(features.iter().all(|f| !f.places.is_empty()), "Qaryatayn is a place in both: {features:?}");
    assert!(features.iter().all(|f| f.places.iter().all(|p| !f.entities.contains(p))));
}

#[test]
fn a_dateline_dates_a_text_through_ingest() {
    // Ingest moves the dateline into the publication date; the text's times are resolved
    // against it, and the dateline is no event date.
    let text = "Tarn ferry sinks off Olvane\n\nMay 3, 2013 at 7:31 AM ET\n\nThe Tarn ferry sank on Wednesday off Olvane, the port authority said.";
    let document =
        corroborate_ingest::document_from_text("ferry", text, corroborate_ingest::metadata::Metadata::default()).unwrap();
    let f = DocumentFeatures::from_annotated(&annotate(document));
    assert_eq!(f.published.map(|d| d.to_string()).as_deref(), Some("2013-05-03"));
    let days: Vec<String> = f.days().map(|d| d.to_string()).collect();
    assert_eq!(days, ["2013-05-01"], "'on Wednesday' counted back from the dateline, which is no event date");
}
