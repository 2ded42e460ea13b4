//! The timeline: the events the documents report, dated by the time expressions in their
//! sentences (not by publication dates), placed, and merged across documents.
//!
//! Every resolved DATE or TIME expression of a story's documents makes an event mention: its
//! sentence is the evidence and, cut to the clause around the date, the description. Mentions
//! of the same days whose descriptions share enough content words are one event, reported by
//! every outlet among them. Events that end before the story's window (a week before its
//! first publication) are background: what the documents recall, not what they report.

use crate::context::{content_words, main_place};
use crate::dates::{day_range, iso_day, LEAD_DAYS};
use crate::{Corpus, Event, Place};
use corroborate_annotate::times::TimeKind;
use corroborate_annotate::Span;
use corroborate_stories::Day;
use std::collections::BTreeSet;

/// The widest date (in days) an event of the story itself may have.
const VAGUEST: i64 = 92;
/// Longest description, in characters.
const MAX_WHAT: usize = 220;

struct Mention {
    doc: usize,
    sentence: usize,
    time: Span,
    /// No other date in the sentence: the whole sentence may describe it.
    alone: bool,
    value: String,
    precision: String,
    days: (i64, i64),
    words: BTreeSet<String>,
}

pub(crate) fn timeline(corpus: &Corpus, docs: &[usize]) -> Vec<Event> {
    let mut mentions = Vec::new();
    for &d in docs {
        mentions.extend(mentions_of(corpus, d));
    }
    mentions.sort_by_key(|m| (m.days.0, m.days.1, m.doc, m.time.start()));
    // Greedy merge: a mention joins the first event of the same days with similar words.
    let mut events: Vec<Vec<Mention>> = Vec::new();
    for m in mentions {
        let joined = events.iter_mut().find(|e| e[0].days == m.days && e.iter().any(|o| similar(&o.words, &m.words) || (o.doc == m.doc && o.sentence == m.sentence)));
        match joined {
            Some(e) => e.push(m),
            None => events.push(vec![m]),
        }
    }
    let window_start = docs.iter().filter_map(|&d| corpus.docs[d].document.published.as_ref()).filter_map(Day::of_published).map(|day| i64::from(day.0)).min().map(|first| first - LEAD_DAYS);
    let mut out: Vec<Event> = events
        .into_iter()
        .map(|e| event(corpus, e, window_start))
        // A date vaguer than a season inside the story's own time ("late 2016" in a caption)
        // places nothing; before the story it is still context ("since 2022").
        .filter(|e| e.background || span_days(e) <= VAGUEST)
        .collect();
    out.sort_by(|a, b| (a.earliest.as_str(), a.latest.as_str(), std::cmp::Reverse(a.outlets.len()), a.what.as_str()).cmp(&(b.earliest.as_str(), b.latest.as_str(), std::cmp::Reverse(b.outlets.len()), b.what.as_str())));
    out
}

fn span_days(e: &Event) -> i64 {
    match (day_range(&e.earliest), day_range(&e.latest)) {
        (Some((a, _)), Some((b, _))) => b - a,
        _ => 0,
    }
}

/// Two descriptions tell of one event when they share at least two content words and a
/// quarter of the shorter one's.
fn similar(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    shared >= 2 && shared * 4 >= a.len().min(b.len())
}

fn mentions_of(corpus: &Corpus, d: usize) -> Vec<Mention> {
    let a = &corpus.docs[d];
    let text = corpus.text(d);
    let published = a.document.published.as_ref().and_then(Day::of_published).map(|day| i64::from(day.0));
    let mut out = Vec::new();
    for t in &a.times {
        if !matches!(t.kind, TimeKind::Date | TimeKind::Time) {
            continue;
        }
        let Some(value) = t.value.as_deref() else { continue };
        let Some(days) = day_range(value) else { continue };
        let Some(sentence) = corpus.sentence_index(d, t.span.start()) else { continue };
        let s = a.sentences[sentence];
        // A dateline ("DRAVIK, March 10 (AGENCY) –") dates the report, not an event.
        if sentence == 0 && t.span.start() < 60 && Some(days.0) == published && days.0 == days.1 && !text[s.start()..t.span.start()].chars().any(|c| c.is_lowercase()) {
            continue;
        }
        let in_sentence = |o: &&corroborate_annotate::times::TimeExpr| o.span.start() >= s.start() && o.span.end() <= s.end();
        // A clock time next to a day of the same sentence is part of it ("4 a.m. on Saturday").
        let clock = value.contains(':');
        if clock && a.times.iter().filter(in_sentence).any(|o| o.kind == TimeKind::Date && (o.span.start().abs_diff(t.span.end()) < 8 || t.span.start().abs_diff(o.span.end()) < 8)) {
            continue;
        }
        // A bare year beside a finer date names what the sentence is about ("a budget for
        // 2025 on Tuesday night"), not when it happened.
        if days.1 - days.0 > 300 && a.times.iter().filter(in_sentence).any(|o| o.value.as_deref().and_then(day_range).is_some_and(|(x, y)| y - x < 32)) {
            continue;
        }
        let alone = !a.times.iter().any(|o| o.span != t.span && o.span.start() >= s.start() && o.span.end() <= s.end() && o.value.as_deref().and_then(day_range).is_some_and(|r| r != days));
        let what = clause(text, s, t.span, alone);
        let words = content_words(what.of(text)).into_iter().filter(|w| !w.chars().all(|c| c.is_ascii_digit())).collect();
        out.push(Mention { doc: d, sentence, time: t.span, alone, value: value.to_string(), precision: t.precision.unwrap_or("day").to_string(), days, words });
    }
    out
}

/// The part of `sentence` around `time`: the whole sentence when it is short and dates nothing
/// else (`alone`), else the clauses (cut at semicolons and commas) around the time expression
/// until the text is long enough.
fn clause(text: &str, sentence: Span, time: Span, alone: bool) -> Span {
    if alone && sentence.len() <= MAX_WHAT {
        return sentence;
    }
    let s = sentence.of(text);
    let base = sentence.start();
    let mut cuts: Vec<usize> = vec![0];
    for (i, c) in s.char_indices() {
        if matches!(c, ';' | ',' | ':' | '—') {
            cuts.push(i + c.len_utf8());
        }
    }
    cuts.push(s.len());
    let rel = time.start() - base;
    let mut lo = cuts.iter().rposition(|&c| c <= rel).unwrap_or(0);
    let mut hi = cuts.iter().position(|&c| c >= time.end() - base).unwrap_or(cuts.len() - 1);
    let enough = if alone { 80 } else { 50 };
    while cuts[hi] - cuts[lo] < enough && (lo > 0 || hi + 1 < cuts.len()) {
        if hi + 1 < cuts.len() {
            hi += 1;
        } else {
            lo -= 1;
        }
    }
    let (mut start, mut end) = (base + cuts[lo], base + cuts[hi]);
    while start < end && text[start..].starts_with(char::is_whitespace) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    while end > start && text[..end].ends_with([',', ';', ':', ' ']) {
        end -= 1;
    }
    Span::new(text, start, end).unwrap_or(sentence)
}

/// The description of a mention: its clause, whitespace folded, cut at a word near
/// [`MAX_WHAT`], with acronyms spelt out as the linked entity's name.
fn describe(corpus: &Corpus, m: &Mention) -> String {
    let text = corpus.text(m.doc);
    let s = corpus.docs[m.doc].sentences[m.sentence];
    let span = clause(text, s, m.time, m.alone);
    let mut out = String::new();
    let mut at = span.start();
    for (i, mention) in corpus.mentions_in(m.doc, span) {
        let surface = mention.span.of(text);
        let Some(e) = corpus.entity_of(m.doc, i) else { continue };
        let acronym = surface.len() <= 5 && surface.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) && surface.chars().any(char::is_alphabetic);
        // Not the acronym's own definition: "Coastal Defence Forces (CDF)".
        let defined = text[..mention.span.start()].ends_with('(');
        if acronym && !defined && e.name != surface && e.name.len() > surface.len() && mention.span.start() >= at {
            out.push_str(&text[at..mention.span.start()]);
            out.push_str(&e.name);
            at = mention.span.end();
        }
    }
    out.push_str(&text[at..span.end()]);
    let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= MAX_WHAT + 40 {
        return folded;
    }
    let cut: String = folded.chars().take(MAX_WHAT).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

fn event(corpus: &Corpus, mentions: Vec<Mention>, window_start: Option<i64>) -> Event {
    // The most precise mention names the date; the first of the earliest-published documents
    // gives the description.
    let rank = |p: &str| ["year", "season", "quarter", "month", "week", "day", "part_of_day", "hour", "minute", "second"].iter().position(|x| *x == p).unwrap_or(5);
    let best = mentions.iter().max_by_key(|m| (rank(&m.precision), std::cmp::Reverse((m.doc, m.time.start())))).expect("an event has a mention");
    let first = &mentions[0];
    // The description comes from the mention sharing the most words with the others.
    let central = mentions
        .iter()
        .enumerate()
        .max_by_key(|(i, m)| (mentions.iter().map(|o| m.words.intersection(&o.words).count()).sum::<usize>(), std::cmp::Reverse(*i)))
        .map_or(first, |(_, m)| m);
    let mut outlets: Vec<String> = mentions.iter().map(|m| corpus.outlet(m.doc)).collect();
    outlets.sort();
    outlets.dedup();
    let mut actors = Vec::new();
    let mut place: Option<Place> = None;
    for m in &mentions {
        let s = corpus.docs[m.doc].sentences[m.sentence];
        let entities = corpus.entities_in(m.doc, s);
        if place.is_none() {
            place = main_place(&entities).map(|e| Place {
                entity: e.id.clone(),
                name: e.name.clone(),
                lat: e.geo.as_ref().map(|g| g.lat),
                lon: e.geo.as_ref().map(|g| g.lon),
                country: e.geo.as_ref().map(|g| g.country.to_string()),
            });
        }
        for e in entities.iter().filter(|e| !crate::context::is_place(e)) {
            if !actors.contains(&e.id) {
                actors.push(e.id.clone());
            }
        }
    }
    let evidence = mentions.iter().map(|m| corpus.evidence(m.doc, m.time)).collect();
    Event {
        when: best.value.clone(),
        precision: best.precision.clone(),
        earliest: iso_day(first.days.0),
        latest: iso_day(first.days.1),
        what: describe(corpus, central),
        place,
        actors,
        outlets,
        background: window_start.is_some_and(|w| first.days.1 < w),
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> BTreeSet<String> {
        content_words(s).into_iter().collect()
    }

    #[test]
    fn descriptions_of_one_event_are_similar_and_others_are_not() {
        assert!(similar(&words("rebels seized the port town after a night of fighting"), &words("the port town was seized by rebels")));
        assert!(!similar(&words("rebels seized the port town"), &words("the minister resigned over the budget")));
        assert!(!similar(&words("port"), &words("port")), "one shared word is not enough");
    }

    #[test]
    fn long_sentences_are_cut_to_the_clause_of_the_date() {
        let text = "The council met for hours, argued over the budget, the trams, the libraries and the pay of its staff, and then, on Tuesday night, it voted to pass the plan by a narrow margin, while the mayor, who had opposed it for months, left the chamber early and refused to speak to anyone waiting outside.";
        let at = text.find("Tuesday night").unwrap();
        let time = Span::new(text, at, at + "Tuesday night".len()).unwrap();
        let cut = clause(text, Span::new(text, 0, text.len()).unwrap(), time, true).of(text);
        assert!(cut.contains("Tuesday night") && cut.len() < text.len() && cut.len() >= 30, "{cut}");
        let short = "Rebels took the town on Sunday.";
        let at = short.find("Sunday").unwrap();
        assert_eq!(clause(short, Span::new(short, 0, short.len()).unwrap(), Span::new(short, at, at + 6).unwrap(), true).of(short), short);
        // A sentence dating two things is cut even when short.
        let two = "The rebels, who lost the town in March, took it back on Sunday after a long and bloody fight.";
        let at = two.find("Sunday").unwrap();
        let cut = clause(two, Span::new(two, 0, two.len()).unwrap(), Span::new(two, at, at + 6).unwrap(), false).of(two);
        assert!(cut.contains("Sunday") && cut.len() < two.len(), "{cut}");
    }
}
