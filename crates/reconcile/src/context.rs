//! What every part of the dossier reads: the corpus, its links, and helpers that turn spans
//! into [`Evidence`] and mentions into entities.

use crate::{Evidence, TextSpan};
use corroborate_annotate::attribution::Speaker;
use corroborate_annotate::entities::{EntityType, Mention};
use corroborate_annotate::link::{Entity, Linked};
use corroborate_annotate::{Annotated, CodePoints, Span};
use corroborate_stories::Clustering;

/// The annotated corpus with its entity links and story clustering.
pub struct Corpus<'a> {
    pub docs: &'a [Annotated],
    pub linked: &'a Linked,
    pub clustering: &'a Clustering,
    code_points: Vec<CodePoints>,
}

impl<'a> Corpus<'a> {
    pub fn new(docs: &'a [Annotated], linked: &'a Linked, clustering: &'a Clustering) -> Corpus<'a> {
        let code_points = docs.iter().map(|a| CodePoints::new(&a.document.text)).collect();
        Corpus { docs, linked, clustering, code_points }
    }

    /// The text of document `d`.
    pub fn text(&self, d: usize) -> &'a str {
        &self.docs[d].document.text
    }

    /// A label for the outlet of document `d`: its outlet, else the host of its URL, else its
    /// first author, else its file name. Never empty.
    pub fn outlet(&self, d: usize) -> String {
        let doc = &self.docs[d].document;
        if let Some(o) = doc.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
            return o.trim().to_string();
        }
        if let Some(host) = doc.url.as_deref().and_then(host_of) {
            return host;
        }
        if let Some(a) = doc.authors.first().filter(|a| !a.trim().is_empty()) {
            return a.trim().to_string();
        }
        let name = doc.source.rsplit(['/', '\\']).next().unwrap_or(&doc.source);
        if name.is_empty() {
            doc.id.to_string()
        } else {
            name.to_string()
        }
    }

    /// The sentence span(s) covering `span` in document `d` (the span itself when no sentence
    /// holds it).
    pub fn sentence_of(&self, d: usize, span: Span) -> Span {
        let sentences = &self.docs[d].sentences;
        let first = sentences.partition_point(|s| s.end() <= span.start());
        let mut start = span.start();
        let mut end = span.end();
        for s in &sentences[first.min(sentences.len())..] {
            if s.start() >= span.end().max(span.start() + 1) {
                break;
            }
            start = start.min(s.start());
            end = end.max(s.end());
        }
        Span::new(self.text(d), start, end).unwrap_or(span)
    }

    /// The index of the sentence holding byte `at` of document `d`.
    pub fn sentence_index(&self, d: usize, at: usize) -> Option<usize> {
        let sentences = &self.docs[d].sentences;
        let i = sentences.partition_point(|s| s.end() <= at);
        (i < sentences.len() && sentences[i].start() <= at).then_some(i)
    }

    /// A span of document `d` in code points, with its text.
    pub fn text_span(&self, d: usize, span: Span) -> TextSpan {
        let (start, end) = self.code_points[d].of_span(span);
        TextSpan { start, end, text: span.of(self.text(d)).to_string() }
    }

    /// The evidence of `span` in document `d`: the span and its sentence.
    pub fn evidence(&self, d: usize, span: Span) -> Evidence {
        let doc = &self.docs[d].document;
        let own = self.text_span(d, span);
        Evidence {
            document: doc.id.to_string(),
            outlet: self.outlet(d),
            url: doc.url.clone(),
            start: own.start,
            end: own.end,
            text: own.text,
            sentence: self.text_span(d, self.sentence_of(d, span)),
            removed: false,
        }
    }

    /// The linked entity of mention `m` of document `d`.
    pub fn entity_of(&self, d: usize, m: usize) -> Option<&'a Entity> {
        let link = self.linked.links.get(d)?.get(m)?;
        self.linked.entities.get(link.entity)
    }

    /// The mentions of document `d` inside `span`, with their index.
    pub fn mentions_in(&self, d: usize, span: Span) -> impl Iterator<Item = (usize, &'a Mention)> + 'a {
        let (s, e) = (span.start(), span.end());
        self.docs[d].entities.iter().enumerate().filter(move |(_, m)| m.span.start() >= s && m.span.end() <= e)
    }

    /// The entities named inside `span` of document `d`, in order, without repeats.
    pub fn entities_in(&self, d: usize, span: Span) -> Vec<&'a Entity> {
        let mut out: Vec<&Entity> = Vec::new();
        for (i, _) in self.mentions_in(d, span) {
            if let Some(e) = self.entity_of(d, i) {
                if !out.iter().any(|o| o.id == e.id) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// Who a speaker is, as one key across documents: the linked entity when there is one, else
    /// the name folded to lower case without a leading article.
    pub fn speaker_key(&self, d: usize, speaker: &Speaker) -> (String, String, Option<String>) {
        // A capital standing for its government ("Moscow trained its firepower …") is that
        // country, as one party with the country named outright.
        let government = speaker.mention.and_then(|m| self.linked.links.get(d)?.get(m)?.government_of).and_then(corroborate_annotate::gazetteer::country);
        if let Some(id) = government.and_then(|c| c.geonames_id).map(|g| format!("gn:{g}")) {
            let name = government.map_or_else(String::new, |c| c.name.to_string());
            return (id.clone(), name, Some(id));
        }
        if let Some(e) = speaker.mention.and_then(|m| self.entity_of(d, m)) {
            return (e.id.clone(), display_name(e), Some(e.id.clone()));
        }
        let name = short_description(strip_article(speaker.name.trim()));
        (format!("name:{}", name.to_lowercase()), name.to_string(), None)
    }
}

/// An entity's name as a reader wants it: its name, with the type telling places apart.
pub fn display_name(e: &Entity) -> String {
    e.name.clone()
}

/// Whether an entity is a place.
pub fn is_place(e: &Entity) -> bool {
    matches!(e.ty, EntityType::Gpe | EntityType::Loc | EntityType::Facility)
}

/// The place a reader would title something with: the first locality (a town, a region, a
/// site) among `entities`, else the first country.
pub fn main_place<'e>(entities: &[&'e Entity]) -> Option<&'e Entity> {
    let places = entities.iter().copied().filter(|e| is_place(e));
    let country = |e: &Entity| e.place.is_some_and(|p| p.is_country());
    places.clone().find(|e| !country(e)).or_else(|| places.clone().next())
}

/// A description without its relative clause or apposition: "regional official who asked not
/// to be named" → "regional official".
pub fn short_description(name: &str) -> &str {
    let mut end = name.len();
    for cut in [" who ", " whom ", " which ", " that ", ",", " because ", " (", " speaking "] {
        if let Some(i) = name.find(cut) {
            end = end.min(i);
        }
    }
    let short = name[..end].trim_end();
    // "those who demanded it" needs its clause: "those" alone names nobody.
    let bare = matches!(strip_article(short).to_lowercase().as_str(), "those" | "anyone" | "people" | "all" | "everyone" | "whoever" | "one");
    if short.is_empty() || bare { name } else { short }
}

/// `the X` / `a X` / `an X` → `X`.
pub fn strip_article(s: &str) -> &str {
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = s.strip_prefix(a) {
            return rest;
        }
    }
    s
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_string())
}

/// Lower-case words of a text (letters and digits), for overlap measures.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Words that carry no content, for overlap measures.
pub fn is_stop_word(w: &str) -> bool {
    const STOP: &[&str] = &[
        "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being", "between",
        "both", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if",
        "in", "into", "is", "it", "its", "more", "most", "no", "not", "of", "on", "one", "only", "or", "other", "our", "out", "over",
        "said", "says", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
        "those", "to", "told", "up", "was", "we", "were", "what", "when", "which", "while", "who", "will", "with", "would", "you",
    ];
    STOP.binary_search(&w).is_ok()
}

/// Content words of a text: lower case, stop words dropped, crude plural folding.
pub fn content_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| w.chars().count() > 2 && !is_stop_word(w))
        .map(|w| if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") { w[..w.len() - 1].to_string() } else { w })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_lose_their_relative_clauses() {
        assert_eq!(short_description("regional official who asked not to be named"), "regional official");
        assert_eq!(short_description("Nils Arvane, the spokesman"), "Nils Arvane");
        assert_eq!(short_description("navy"), "navy");
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(is_stop_word("the") && is_stop_word("would") && !is_stop_word("fighters"));
    }

    #[test]
    fn hosts_lose_scheme_port_and_www() {
        assert_eq!(host_of("https://www.example.org:8080/a/b?c").as_deref(), Some("example.org"));
        assert_eq!(host_of("not a url"), None);
    }

    #[test]
    fn content_words_fold_plurals_and_drop_stop_words() {
        assert_eq!(content_words("The fighters were in the towns"), vec!["fighter", "town"]);
    }
}
