//! Stage 4: count events, not articles.
//!
//! Two steps over a batch of [`Annotated`] documents:
//!
//! 1. **Reprints** ([`reprints`]): paragraphs shared between documents, found by shingle
//!    MinHash/LSH and confirmed exactly, with their spans in both texts. A near-duplicate or a
//!    whole-text reprint always puts the two documents into one story. A passage that very
//!    many documents carry is a hub: each is paired with one of them, not with all.
//! 2. **Stories** ([`index`]): each document is added to a [`StoryIndex`] and linked to every
//!    earlier document that shares distinctive terms (tf-idf over names, content words and
//!    figures, plus the linked entities and places of [`DocumentFeatures::add_links`], which
//!    [`cluster`] fills in; where both have a headline, the headlines' words weigh in apart
//!    from the text's, [`Params::headline_share`]) and reports
//!    events on nearby days (dates from the text's time expressions; the publication date (ingest's, a dateline
//!    included) only when the text names none; two reports dated no closer than that which each name
//!    one weekday, different ones, are discounted). Stories are groups of those links by
//!    average linkage, so one bridging document does not chain two events, and no story
//!    holds two dated reports more than [`Params::story_date_spread_days`] apart, however
//!    many undated ones resemble both; [`cluster`]
//!    freezes the document frequencies first and its result does not depend on the input
//!    order. Stories whose documents' words are alike on average (two earthquakes, two
//!    rehab stays) are grouped into a *thread*, by average linkage too.
//!
//! Every story says why each document is in it ([`Membership`]): the document it is most
//! similar to, the shared terms, the date gap, or the reprint that forced the link.
//! Its title is neutral where more than one outlet reports it ([`title`]): a clause of one
//! headline, chosen because the other outlets' reports use its words, with that receipt.
//!
//! The defaults of [`Params`] were selected on the tuning halves of three datasets and checked
//! on the other halves (`corroborate eval clusters`, figures in the closing notes of issue 6).

pub mod features;
pub mod index;
mod linkage;
pub mod reprints;
pub mod title;

pub use features::{Day, DocumentFeatures, EventDate};
pub use index::{Edge, Params, StoryIndex};
pub use reprints::{Passage, Reprint, ReprintFinder, ReprintKind};

use corroborate_annotate::Annotated;
use index::{dot, Kind, Weighted};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Why one document is in its story.
#[derive(Clone, Debug, PartialEq)]
pub struct Membership {
    /// Input number of the document.
    pub document: usize,
    /// Its strongest link inside the story; `None` for a story of one.
    pub link: Option<Edge>,
    /// The terms that carry most of that link's similarity, best first.
    pub shared_terms: Vec<String>,
    /// Linked entities the two documents share.
    pub shared_entities: Vec<String>,
}

/// Where a story's title comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TitleSource {
    /// A clause of one document's headline, chosen because the other outlets' reports bear
    /// out its words best ([`title::neutral_title`]): the document (input number) and the
    /// clause's byte offsets in its headline.
    Consensus {
        document: usize,
        start: usize,
        end: usize,
    },
    /// The title of the document closest to the story's centroid (input number): a story
    /// of one outlet, or one where no headline clause qualifies.
    Document(usize),
    /// No document had a title: the story's key terms.
    KeyTerms,
}

/// One story: documents about the same real-world event.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// `s` + 16 hex digits of SHA-256 over the sorted document ids: stable for a given set.
    pub id: String,
    /// Neutral where more than one outlet reports the story (see [`TitleSource`]).
    pub title: String,
    pub title_source: TitleSource,
    /// The receipt of a consensus title: each of its content words with the documents (input
    /// numbers) whose reports use it. Empty for other titles.
    pub title_support: Vec<(String, Vec<usize>)>,
    /// Input numbers, ascending.
    pub documents: Vec<usize>,
    /// Event date range: the days two or more of its reports name (reports dated from their
    /// texts, where any are); failing that, each report's main event date (publication dates
    /// only where no document names a day).
    pub start: Option<Day>,
    pub end: Option<Day>,
    /// Most frequent linked entities across the documents (empty until linking runs).
    pub entities: Vec<String>,
    /// Key terms (names first), from the centroid of the documents' vectors.
    pub terms: Vec<String>,
    /// Related stories share a thread id (`t` + 16 hex digits); a story alone has its own.
    pub thread: String,
    pub members: Vec<Membership>,
}

/// Stories and reprints of one batch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clustering {
    /// Sorted by start date (undated last), then id.
    pub stories: Vec<Story>,
    pub reprints: Vec<Reprint>,
}

impl Clustering {
    /// Story index of each input document.
    pub fn story_of(&self, n: usize) -> Vec<usize> {
        let mut out = vec![usize::MAX; n];
        for (s, story) in self.stories.iter().enumerate() {
            for &d in &story.documents {
                out[d] = s;
            }
        }
        out
    }
}

/// Clusters annotated documents into stories with the default parameters, their linked
/// entities and places among the features (`linked`: [`corroborate_annotate::link_documents`]
/// over `documents`).
pub fn cluster(documents: &[Annotated], linked: &corroborate_annotate::link::Linked) -> Clustering {
    let features: Vec<DocumentFeatures> = documents
        .iter()
        .enumerate()
        .map(|(d, a)| {
            let mut f = DocumentFeatures::from_annotated(a);
            f.add_links(linked, d);
            f
        })
        .collect();
    let texts: Vec<&str> = documents.iter().map(|a| a.document.text.as_str()).collect();
    cluster_features(&features, |i| Cow::Borrowed(texts[i]), &Params::default())
}

/// Clusters documents given as features; `text(i)` is document `i`'s text (for reprints).
pub fn cluster_features<'t>(
    features: &[DocumentFeatures],
    text: impl Fn(usize) -> Cow<'t, str>,
    params: &Params,
) -> Clustering {
    let mut finder = ReprintFinder::new();
    for i in 0..features.len() {
        finder.add(&text(i));
    }
    let reprints = finder.finish(&text);
    let mut index = StoryIndex::frozen(params.clone(), features);
    for f in features {
        index.insert(f);
    }
    for r in &reprints {
        if r.kind != ReprintKind::SharedPassages {
            index.force_link(r.a, r.b);
        }
    }
    let stories = stories(&index, features);
    Clustering { stories, reprints }
}

/// Reads the stories out of an index into which `features` were inserted in order.
pub fn stories(index: &StoryIndex, features: &[DocumentFeatures]) -> Vec<Story> {
    let groups = index.groups();
    let best = best_links(index, &groups);
    let mut stories: Vec<Story> = groups
        .iter()
        .map(|g| story(index, features, g, &best))
        .collect();
    let threads = threads(index, features, &groups, index.params.thread_threshold);
    for (story, thread) in stories.iter_mut().zip(threads) {
        story.thread = thread;
    }
    stories.sort_by(|a, b| {
        (a.start.is_none(), a.start, &a.id).cmp(&(b.start.is_none(), b.start, &b.id))
    });
    stories
}

fn hex_id(prefix: &str, parts: &mut [&str]) -> String {
    parts.sort_unstable();
    let mut h = Sha256::new();
    for p in parts.iter() {
        h.update(p.as_bytes());
        h.update(b"\n");
    }
    let digest = h.finalize();
    let mut out = String::from(prefix);
    for b in &digest[..8] {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Sum of vectors, best `keep` terms, normalised.
fn centroid(vectors: &mut dyn Iterator<Item = &[Weighted]>, keep: usize) -> Vec<Weighted> {
    let mut c = word_sum(vectors, keep);
    let norm = c
        .iter()
        .map(|(_, w)| w * w)
        .sum::<f32>()
        .sqrt()
        .max(f32::MIN_POSITIVE);
    c.iter_mut().for_each(|(_, w)| *w /= norm);
    c
}

/// Each document's strongest edge inside its own story (forced edges first, then score, then
/// the other document's key).
fn best_links(index: &StoryIndex, groups: &[Vec<usize>]) -> Vec<Option<Edge>> {
    let mut story = vec![0; index.docs.len()];
    for (s, g) in groups.iter().enumerate() {
        for &d in g {
            story[d] = s;
        }
    }
    let mut best: Vec<Option<Edge>> = vec![None; index.docs.len()];
    for &(a, b, e) in &index.edges {
        let (a, b) = (a as usize, b as usize);
        if story[a] != story[b] {
            continue;
        }
        for (from, to) in [(a, b), (b, a)] {
            let candidate = Edge { to, ..e };
            let better = match &best[from] {
                None => true,
                Some(c) => {
                    (
                        candidate.forced,
                        candidate.score,
                        std::cmp::Reverse(index.keys[to]),
                    ) > (c.forced, c.score, std::cmp::Reverse(index.keys[c.to]))
                }
            };
            if better {
                best[from] = Some(candidate);
            }
        }
    }
    best
}

fn story(
    index: &StoryIndex,
    features: &[DocumentFeatures],
    group: &[usize],
    best: &[Option<Edge>],
) -> Story {
    let docs = &index.docs;
    let c = centroid(&mut group.iter().map(|&d| &*docs[d].vector), 32);
    // The most central document: highest similarity to the centroid; ties to the lower id.
    let central = group
        .iter()
        .copied()
        .max_by(|&a, &b| {
            dot(&docs[a].vector, &c)
                .total_cmp(&dot(&docs[b].vector, &c))
                .then(features[b].id.cmp(&features[a].id))
        })
        .expect("a story has a document");
    let mut key: Vec<&Weighted> = c.iter().collect();
    key.sort_by(|a, b| {
        let name = |t: u32| index.vocab.kind(t) == Kind::Word;
        (name(a.0), -a.1, a.0)
            .partial_cmp(&(name(b.0), -b.1, b.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let terms: Vec<String> = key
        .iter()
        .take(8)
        .map(|(t, _)| index.vocab.text(*t).to_string())
        .collect();
    let titled = group.iter().copied().filter(|&d| {
        features[d]
            .title
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty())
    });
    let title_doc = if features[central]
        .title
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty())
    {
        Some(central)
    } else {
        titled.max_by(|&a, &b| {
            dot(&docs[a].vector, &c)
                .total_cmp(&dot(&docs[b].vector, &c))
                .then(features[b].id.cmp(&features[a].id))
        })
    };
    let neutral = title::neutral_title(features, group);
    let (title, title_source) = match (&neutral, title_doc) {
        (Some(t), _) => (
            t.text.clone(),
            TitleSource::Consensus {
                document: t.document,
                start: t.start,
                end: t.end,
            },
        ),
        (None, Some(d)) => (
            features[d]
                .title
                .clone()
                .unwrap_or_default()
                .trim()
                .to_string(),
            TitleSource::Document(d),
        ),
        (None, None) => (
            terms
                .iter()
                .take(4)
                .cloned()
                .collect::<Vec<_>>()
                .join(" · "),
            TitleSource::KeyTerms,
        ),
    };
    // Dates: each document's main event day, from the text of dated reports where any has
    // one (an undated report's date is only a lower bound).
    let dated_docs: Vec<usize> = group
        .iter()
        .copied()
        .filter(|&d| {
            !features[d].dated_by_publication_only() && features[d].event_window_after == 0
        })
        .collect();
    let text_dated: Vec<Day> = dated_docs
        .iter()
        .filter_map(|&d| features[d].event_dates.first().map(|e| e.day))
        .collect();
    let any_text_dated = !text_dated.is_empty();
    let main_days: Vec<Day> = if text_dated.is_empty() {
        group
            .iter()
            .filter_map(|&d| features[d].event_dates.first().map(|e| e.day))
            .collect()
    } else {
        text_dated
    };
    // Days that two or more of the reports name are the story's, where there are any: one
    // report's most-named day may be its own follow-up ("on Tuesday the ministry said …").
    let mut naming: BTreeMap<Day, usize> = BTreeMap::new();
    let voters = if any_text_dated { &dated_docs[..] } else { group };
    for &d in voters {
        let mut own: Vec<Day> = features[d].event_dates.iter().map(|e| e.day).collect();
        own.sort_unstable();
        own.dedup();
        for day in own {
            *naming.entry(day).or_insert(0) += 1;
        }
    }
    let shared: Vec<Day> = naming.into_iter().filter(|&(_, n)| n >= 2).map(|(day, _)| day).collect();
    let days = if shared.is_empty() { main_days } else { shared };
    let mut entity_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &d in group {
        for e in &features[d].entities {
            *entity_counts.entry(e).or_insert(0) += 1;
        }
    }
    let mut entities: Vec<(&str, usize)> = entity_counts.into_iter().collect();
    entities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let members = group
        .iter()
        .map(|&d| membership(index, features, d, best[d]))
        .collect();
    Story {
        id: hex_id(
            "s",
            &mut group
                .iter()
                .map(|&d| features[d].id.as_str())
                .collect::<Vec<_>>(),
        ),
        title,
        title_source,
        title_support: neutral.map(|t| t.support).unwrap_or_default(),
        documents: group.to_vec(),
        start: days.iter().min().copied(),
        end: days.iter().max().copied(),
        entities: entities
            .into_iter()
            .take(10)
            .map(|(e, _)| e.to_string())
            .collect(),
        terms,
        thread: String::new(),
        members,
    }
}

fn membership(
    index: &StoryIndex,
    features: &[DocumentFeatures],
    d: usize,
    link: Option<Edge>,
) -> Membership {
    let (mut shared_terms, mut shared_entities) = (Vec::new(), Vec::new());
    if let Some(edge) = link {
        let (a, b) = (&index.docs[d].vector, &index.docs[edge.to].vector);
        let mut products: Vec<(f32, u32)> = a
            .iter()
            .filter_map(|&(t, w)| {
                b.binary_search_by_key(&t, |&(u, _)| u)
                    .ok()
                    .map(|j| (w * b[j].1, t))
            })
            .collect();
        products.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        shared_terms = products
            .iter()
            .take(6)
            .map(|&(_, t)| index.vocab.text(t).to_string())
            .collect();
        shared_entities = features[d]
            .entities
            .iter()
            .filter(|e| features[edge.to].entities.contains(e))
            .cloned()
            .collect();
        shared_entities.sort();
        shared_entities.dedup();
    }
    Membership {
        document: d,
        link,
        shared_terms,
        shared_entities,
    }
}

/// Thread ids: stories grouped by average linkage over their documents' word vectors, the
/// stories kept whole: two stories join a thread while the mean cosine over all pairs of their
/// documents (a pair of documents in no candidate pair counts as 0) is at least `threshold`.
/// Average, not single, linkage: one story that looks like two others ("placed on injured
/// reserve", "clinched a playoff berth") cannot chain all sports into one thread. Candidates
/// come from an inverted index over each story's best words (no all-pairs).
fn threads(
    index: &StoryIndex,
    features: &[DocumentFeatures],
    groups: &[Vec<usize>],
    threshold: f32,
) -> Vec<String> {
    // The sum of a story's document word vectors: dot(sum_a, sum_b) is the sum of the cosines
    // of their document pairs (over the terms kept).
    let sums: Vec<Vec<Weighted>> = groups
        .iter()
        .map(|g| word_sum(&mut g.iter().map(|&d| &*index.docs[d].words), THREAD_TERMS))
        .collect();
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (s, c) in sums.iter().enumerate() {
        let mut best: Vec<&Weighted> = c.iter().collect();
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for &&(t, _) in best.iter().take(8) {
            postings.entry(t).or_default().push(s);
        }
    }
    // A word among the best of very many stories names a kind of news, not a kind of event:
    // it proposes no pairs (it still counts in their similarity), so no list costs more than
    // `THREAD_POSTINGS_CAP²/2` comparisons however large the batch.
    let cap = ((groups.len() as f32 * index.params.max_df_share).ceil() as usize)
        .clamp(20, THREAD_POSTINGS_CAP);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for list in postings.values() {
        if list.len() > cap {
            continue;
        }
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                pairs.push((a.min(b) as u32, a.max(b) as u32));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let edges: Vec<(u32, u32, i64)> = pairs
        .into_iter()
        .map(|(a, b)| {
            let sum = dot(&sums[a as usize], &sums[b as usize]) as f64;
            (a, b, (sum * linkage::SCALE).round() as i64)
        })
        .filter(|&(_, _, w)| w > 0)
        .collect();
    let sizes: Vec<u64> = groups.iter().map(|g| g.len() as u64).collect();
    let keys: Vec<u64> = groups
        .iter()
        .map(|g| g.iter().map(|&d| index.keys[d]).min().unwrap_or(0))
        .collect();
    let labels = linkage::average_linkage_of_groups(&sizes, &edges, threshold as f64, &keys, None);
    let mut members: HashMap<u32, Vec<usize>> = HashMap::new();
    for (s, &l) in labels.iter().enumerate() {
        members.entry(l).or_default().push(s);
    }
    let mut ids = vec![String::new(); groups.len()];
    for list in members.values() {
        let mut doc_ids: Vec<&str> = list
            .iter()
            .flat_map(|&s| groups[s].iter().map(|&d| features[d].id.as_str()))
            .collect();
        let id = hex_id("t", &mut doc_ids);
        for &s in list {
            ids[s] = id.clone();
        }
    }
    ids
}

/// Stories a word may be among the best words of and still propose thread candidates.
const THREAD_POSTINGS_CAP: usize = 50;

/// Terms kept of a story's summed word vector for threads.
const THREAD_TERMS: usize = 64;

/// Sum of vectors, the best `keep` terms, not normalised.
fn word_sum(vectors: &mut dyn Iterator<Item = &[Weighted]>, keep: usize) -> Vec<Weighted> {
    let mut sum: HashMap<u32, f32> = HashMap::new();
    for v in vectors {
        for &(t, w) in v {
            *sum.entry(t).or_insert(0.0) += w;
        }
    }
    let mut c: Vec<Weighted> = sum.into_iter().collect();
    c.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    c.truncate(keep);
    c.sort_unstable_by_key(|&(t, _)| t);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn undated(id: &str, text: &str) -> DocumentFeatures {
        let times = corroborate_annotate::times::find_times(text, None);
        DocumentFeatures::from_text(id, None, text, None, &times)
    }

    /// The one edge between two documents, if any.
    fn edge(a: &DocumentFeatures, b: &DocumentFeatures) -> Option<Edge> {
        let all = [a.clone(), b.clone()];
        let mut index = StoryIndex::frozen(Params::default(), &all);
        index.insert(a);
        index.insert(b);
        index.edges.first().map(|e| e.2)
    }

    #[test]
    fn a_story_spans_the_days_its_reports_share() {
        let dated = |id: &str, text: &str| {
            let published = corroborate_ingest::Published::day(2025, 3, 12);
            let times = corroborate_annotate::times::find_times(text, published.as_ref());
            let mut f = DocumentFeatures::from_text(id, None, text, published.as_ref().and_then(Day::of_published), &times);
            f.id = id.to_string();
            f
        };
        let body = "The Olvane rail bridge over the Tarn collapsed under a freight train of the Corrow line";
        let features = vec![
            dated("a", &format!("{body} on 9 March 2025.")),
            dated("b", &format!("{body} on 9 March 2025. Inspectors reached it on 11 March 2025, and again on 11 March 2025.")),
            dated("c", &format!("{body} on 9 March 2025, officials said on 10 March 2025.")),
        ];
        let c = cluster_features(&features, |i| Cow::Owned(format!("text {i}")), &Params::default());
        assert_eq!(c.stories.len(), 1);
        let day = Day::from_ymd(2025, 3, 9);
        assert_eq!((c.stories[0].start, c.stories[0].end), (day, day), "the day all three name, not b's follow-up");
    }

    #[test]
    fn headlines_count_where_both_reports_have_one() {
        let text = "Flood water from the Tarn burst through the Olvane levee near Brisk Mill.";
        let titled = |id: &str, title: Option<&str>| DocumentFeatures::from_text(id, title, text, None, &[]);
        let (a, b) = (titled("a", Some("Olvane levee bursts")), titled("b", Some("Levee at Olvane bursts")));
        let e = edge(&a, &b).unwrap();
        let h = e.headline.expect("both have headlines");
        assert!(h > 0.99, "the same content words: {h}");
        let p = Params::default();
        assert!((e.score - ((1.0 - p.headline_share) * e.cosine + p.headline_share * h)).abs() < 1e-6);
        let untitled = titled("c", None);
        let e = edge(&a, &untitled).unwrap();
        assert_eq!((e.headline, e.score), (None, e.cosine), "no headline, the cosine alone");
    }

    #[test]
    fn reports_naming_different_weekdays_are_discounted() {
        let body = "Flood water from the Tarn burst through the Olvane levee near Brisk Mill, \
                    and the Corrow county sheriff ordered the lower town of Harl evacuated";
        let monday = undated("a", &format!("{body} on Monday."));
        let also_monday = undated("b", &format!("{body} early on Monday."));
        let thursday = undated("c", &format!("{body} on Thursday."));
        let (same, other) = (edge(&monday, &also_monday).unwrap(), edge(&monday, &thursday).unwrap());
        assert_eq!(same.score, same.cosine);
        let p = Params::default();
        assert!((other.score - other.cosine * p.weekday_mismatch).abs() < 1e-6, "{other:?}");
        // Reports dated from their texts are compared by their dates, not their weekdays.
        let dated = |id: &str, text: &str| {
            let published = corroborate_ingest::Published::day(2025, 4, 4);
            let times = corroborate_annotate::times::find_times(text, published.as_ref());
            DocumentFeatures::from_text(id, None, text, published.as_ref().and_then(Day::of_published), &times)
        };
        let (d1, d2) = (dated("d", &format!("{body} on Monday.")), dated("e", &format!("{body} on Tuesday.")));
        let e = edge(&d1, &d2).unwrap();
        assert_eq!(e.score, e.cosine, "one day apart, within the date tolerance");
    }
}
