//! What story clustering looks at in one document: distinctive words, capitalised names,
//! figures, the headline, event dates from the text, and (filled in by the caller when linking has run) entities and places.
//!
//! Features are plain strings with counts here; weighting (tf-idf) happens in the index, where
//! the document frequencies are known.

use corroborate_annotate::times::{TimeExpr, TimeKind};
use corroborate_annotate::entities::EntityType;
use corroborate_annotate::link::Linked;
use corroborate_annotate::{Annotated, Span};
use corroborate_ingest::Published;
use std::collections::BTreeMap;
use std::fmt;

/// A calendar day, counted from 1970-01-01 (proleptic Gregorian).
///
/// ```
/// use corroborate_stories::Day;
/// let d = Day::from_ymd(2016, 12, 11).unwrap();
/// assert_eq!(d.to_string(), "2016-12-11");
/// assert_eq!(Day::parse("2016-12-11T04:00"), Some(d));
/// assert_eq!(d.0 - Day::from_ymd(2016, 11, 30).unwrap().0, 11);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// The day, or `None` for an impossible date.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month)
            || day == 0
            || day > corroborate_ingest::days_in_month(year, month)
        {
            return None;
        }
        Some(Day(corroborate_annotate::times::days_from_civil(year.into(), month, day) as i32))
    }

    /// The day a TIMEX3 or ISO 8601 value starts with (`2016-12-11`, `2016-12-11TEV`,
    /// `2016-12-11T04:00`); `None` when the value is not precise to the day.
    pub fn parse(value: &str) -> Option<Day> {
        let b = value.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || (b.len() > 10 && b[10] != b'T') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| value.get(r)?.parse::<u32>().ok();
        Day::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// The publication day, when the date is precise to the day.
    pub fn of_published(published: &Published) -> Option<Day> {
        published.date().and_then(Day::parse)
    }

    fn civil(self) -> (i32, u32, u32) {
        let (y, m, d) = corroborate_annotate::times::civil_from_days(self.0.into());
        (y as i32, m, d)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// A day the document says something happened on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDate {
    pub day: Day,
    /// The time expression it came from; `None` when it is the publication date standing in
    /// for a text that names no day.
    pub span: Option<Span>,
    /// How many expressions of the text name this day.
    pub mentions: u32,
}

/// The features of one document, as strings with counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentFeatures {
    /// The document's id (`Document::id`, or a dataset's own id in evaluation).
    pub id: String,
    pub title: Option<String>,
    /// The outlet that published it, when known: a neutral title needs the words of more
    /// than one outlet.
    pub outlet: Option<String>,
    pub published: Option<Day>,
    /// Days named in the text near the publication date (background dates, long before it,
    /// are left out), most mentioned first; the publication date alone when the text names
    /// none.
    pub event_dates: Vec<EventDate>,
    /// Capitalised names (single words and multi-word runs), lower-cased, with counts.
    pub names: Vec<(String, u32)>,
    /// Content words (stop words removed, lightly stemmed), with counts.
    pub words: Vec<(String, u32)>,
    /// Distinctive figures ("412000", "928 billion", "6.1"), with counts: see [`figures`].
    pub figures: Vec<(String, u32)>,
    /// Linked entity ids other than places ([`DocumentFeatures::add_links`]; empty unless
    /// filled in): one term for all the aliases of an entity. They add to the names, which
    /// already carry most of them, so they weigh less than a name (chosen on the tuning
    /// halves: with links at the weights names had, every dataset lost 0.01–0.02 B³ F1).
    pub entities: Vec<String>,
    /// Linked places (GeoNames ids where known), as `entities`.
    pub places: Vec<String>,
    /// Days after each event date the event may fall on. 0 for dated reports; for a report
    /// without a publication date, whose text dates may all be background, the one event date
    /// kept is the latest the text names, and the event is taken to be within this many days
    /// after it ([`UNDATED_WINDOW_DAYS`]).
    pub event_window_after: i32,
    /// Days of the week (ISO: 1 Monday … 7 Sunday) the text names for recent events: those of
    /// its event dates (dated reports), and bare weekdays it could not date ("on Monday" in a
    /// report without a publication date). Two reports of one event mostly name the same
    /// day; a report that can be dated no closer has little else to tell two events of one
    /// week apart.
    pub weekdays: Vec<u8>,
}

/// How far after the latest date it names an undated report's event may be.
pub const UNDATED_WINDOW_DAYS: i32 = 30;

/// Background dates further back than this from the publication date are not event dates.
const EVENT_LOOKBACK_DAYS: i32 = 45;
/// At most this many distinct event days are kept per document.
const MAX_EVENT_DATES: usize = 6;

impl DocumentFeatures {
    /// Fills [`Self::entities`] and [`Self::places`] from the corpus's links of document `d`
    /// (`linked` made over the documents being clustered, in their order): each entity once,
    /// places (GeoNames ids where the gazetteer knows them) apart from the rest. Aliases ("IS",
    /// "ISIL", "Islamic State") and spellings ("Deir ez-Zor", "Deir Ezzor") are then one term.
    pub fn add_links(&mut self, linked: &Linked, d: usize) {
        let Some(links) = linked.links.get(d) else {
            return;
        };
        let (mut entities, mut places) = (Vec::new(), Vec::new());
        for link in links {
            let e = &linked.entities[link.entity];
            match e.ty {
                EntityType::Gpe | EntityType::Loc | EntityType::Facility => places.push(e.id.clone()),
                _ => entities.push(e.id.clone()),
            }
        }
        for v in [&mut entities, &mut places] {
            v.sort();
            v.dedup();
        }
        self.entities = entities;
        self.places = places;
    }

    /// Features of an annotated document. Its publication date is ingest's (a dateline in a
    /// text source is moved into the metadata there), and its time expressions are resolved
    /// against it.
    pub fn from_annotated(annotated: &Annotated) -> DocumentFeatures {
        let doc = &annotated.document;
        DocumentFeatures {
            outlet: doc.outlet.clone(),
            ..DocumentFeatures::from_text(
                doc.id.as_str(),
                doc.title.as_deref(),
                &doc.text,
                doc.published.as_ref().and_then(Day::of_published),
                &annotated.times,
            )
        }
    }

    /// Features of a text with its time expressions (spans and values over `text`).
    pub fn from_text(
        id: &str,
        title: Option<&str>,
        text: &str,
        published: Option<Day>,
        times: &[TimeExpr],
    ) -> DocumentFeatures {
        let (mut names, mut words) = (BTreeMap::new(), BTreeMap::new());
        terms(text, 1, &mut names, &mut words);
        let mut found = BTreeMap::new();
        for f in figures(text) {
            *found.entry(f).or_insert(0) += 1;
        }
        if let Some(title) = title {
            // Headlines are title-cased: their words count as words (twice: a headline says
            // what the story is about), and as names only where the body uses them as names.
            for token in tokens(title) {
                let lower = strip_possessive(&token.text.to_lowercase()).to_string();
                if let Some(stem) = content_word(&lower) {
                    *words.entry(stem).or_insert(0) += 2;
                }
                if let Some(n) = names.get_mut(&lower) {
                    *n += 2;
                }
            }
        }
        let mut event_dates = event_dates(times, published);
        let weekdays = weekdays(times, published.is_some().then_some(&event_dates[..]));
        let mut event_window_after = 0;
        if published.is_none() && !event_dates.is_empty() {
            event_dates = vec![latest_reference(times, &event_dates)];
            event_window_after = UNDATED_WINDOW_DAYS;
        }
        DocumentFeatures {
            id: id.to_string(),
            title: title.map(str::to_string),
            outlet: None,
            published,
            event_dates,
            event_window_after,
            weekdays,
            names: names.into_iter().collect(),
            words: words.into_iter().collect(),
            figures: found.into_iter().collect(),
            entities: Vec::new(),
            places: Vec::new(),
        }
    }

    /// Event days and the slack to allow around them: a publication date standing in for the
    /// event is the end of a window ("reported by then"), not the day itself.
    pub fn days(&self) -> impl Iterator<Item = Day> + '_ {
        self.event_dates.iter().map(|d| d.day)
    }

    /// True when the only date is the publication date.
    pub fn dated_by_publication_only(&self) -> bool {
        self.event_dates.iter().all(|d| d.span.is_none())
    }
}

/// The days a text names, as event dates (see [`DocumentFeatures::event_dates`]).
fn event_dates(times: &[TimeExpr], published: Option<Day>) -> Vec<EventDate> {
    let mut found: BTreeMap<Day, (u32, Span)> = BTreeMap::new();
    for t in times {
        if !matches!(t.kind, TimeKind::Date | TimeKind::Time) {
            continue;
        }
        let Some(value) = t.value.as_deref() else {
            continue;
        };
        // A range names both of its ends ("2016-12-01/2016-12-20"); a value of up to three
        // days names each of them ("2016-12-10/2016-12-11", a weekend "2016-W49-WE").
        let days: Vec<Day> = match corroborate_annotate::dates::day_range(value) {
            Some((a, b)) if b - a <= 2 => (a..=b).map(|d| Day(d as i32)).collect(),
            _ => value.split('/').filter_map(Day::parse).collect(),
        };
        for day in days {
            if let Some(p) = published {
                if day.0 > p.0 + 1 || day.0 < p.0 - EVENT_LOOKBACK_DAYS {
                    continue;
                }
            }
            found
                .entry(day)
                .and_modify(|e| e.0 += 1)
                .or_insert((1, t.span));
        }
    }
    let mut dates: Vec<EventDate> = found
        .into_iter()
        .map(|(day, (mentions, span))| EventDate {
            day,
            span: Some(span),
            mentions,
        })
        .collect();
    // Most mentioned first; among equals the later day (closer to the report) first.
    dates.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(b.day.cmp(&a.day)));
    dates.truncate(MAX_EVENT_DATES);
    if dates.is_empty() {
        if let Some(p) = published {
            dates.push(EventDate {
                day: p,
                span: None,
                mentions: 0,
            });
        }
    }
    dates
}

/// ISO day of the week (1 Monday … 7 Sunday).
pub fn weekday(day: Day) -> u8 {
    // 1970-01-01 was a Thursday.
    ((day.0 + 3).rem_euclid(7) + 1) as u8
}

/// The weekdays a text names, sorted: those it could not date (`XXXX-WXX-1`: "on Monday"
/// with no publication date to count back from) and, for a report with a publication date,
/// those of its event dates (`dates`). An undated report's full dates are only lower bounds
/// of its event (see [`latest_reference`]): their weekdays say nothing.
fn weekdays(times: &[TimeExpr], dates: Option<&[EventDate]>) -> Vec<u8> {
    let mut out: Vec<u8> = dates
        .unwrap_or_default()
        .iter()
        .filter(|d| d.span.is_some())
        .map(|d| weekday(d.day))
        .collect();
    for t in times {
        if !matches!(t.kind, TimeKind::Date | TimeKind::Time) {
            continue;
        }
        let Some(rest) = t.value.as_deref().and_then(|v| v.strip_prefix("XXXX-WXX-")) else {
            continue;
        };
        if let Some(d @ b'1'..=b'7') = rest.bytes().next() {
            if rest.len() == 1 || rest.as_bytes()[1] == b'T' {
                out.push(d - b'0');
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The latest day an undated text refers to: its latest full date, or the first day of a
/// later month it names (`XXXX-12`: the December nearest the latest full date). The report was
/// written after it, and its event is most likely at or after it.
fn latest_reference(times: &[TimeExpr], dates: &[EventDate]) -> EventDate {
    let latest = dates
        .iter()
        .max_by_key(|d| d.day)
        .cloned()
        .expect("not empty");
    let year = latest.day.to_string()[..4].parse::<i32>().unwrap_or(0);
    let mut best = latest.clone();
    for t in times.iter().filter(|t| t.kind == TimeKind::Date) {
        let Some(v) = t.value.as_deref() else {
            continue;
        };
        if v.len() != 7 || v.as_bytes()[4] != b'-' {
            continue;
        }
        let Ok(month) = v[5..7].parse::<u32>() else {
            continue;
        };
        // A month without a year is the nearest such month to the latest full date.
        let years: Vec<i32> = if v.starts_with("XXXX") {
            vec![year - 1, year, year + 1]
        } else {
            v[..4].parse().into_iter().collect()
        };
        let Some(first) = years
            .into_iter()
            .filter_map(|y| Day::from_ymd(y, month, 1))
            .min_by_key(|d| (d.0 - latest.day.0).abs())
        else {
            continue;
        };
        if first > best.day {
            best = EventDate {
                day: first,
                span: Some(t.span),
                mentions: 1,
            };
        }
    }
    best
}

/// The figures of a text that can tell one event from another of its kind: the 412,000 jobless
/// claims of one week against the 385,000 of another, a $928 billion offer, a 6.1 quake. A
/// number counts when it has three or more digits or a decimal point (small counts, days of
/// the month and "COVID-19" say little) and is not a year; digit grouping is dropped and a
/// scale word after it kept ("1.5 million"). Clock times ("4:30") are no figures.
///
/// ```
/// use corroborate_stories::features::figures;
/// assert_eq!(
///     figures("Claims fell to 412,000 from 2021's 1.5 million; a 6.1 quake at 4:30 killed 12."),
///     ["412000", "1.5 million", "6.1"]
/// );
/// ```
pub fn figures(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let (start, mut end) = (i, i);
        // Digits with inner commas and at most one decimal point ("1,234.5").
        let mut point = false;
        while end < b.len() {
            if b[end].is_ascii_digit() {
                end += 1;
            } else if (b[end] == b',' || (b[end] == b'.' && !point))
                && end + 1 < b.len()
                && b[end + 1].is_ascii_digit()
            {
                point |= b[end] == b'.';
                end += 1;
            } else {
                break;
            }
        }
        i = end;
        let clock = (start > 0 && b[start - 1] == b':') || b.get(end) == Some(&b':');
        if clock || b.get(end).is_some_and(|c| c.is_ascii_alphabetic()) {
            continue; // "4:30", "3rd", "19th", "5G"
        }
        let number: String = text[start..end].chars().filter(|&c| c != ',').collect();
        let digits = number.bytes().filter(u8::is_ascii_digit).count();
        let year = !point
            && number.len() == 4
            && !text[start..end].contains(',')
            && number
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y));
        if year || (!point && digits < 3) {
            continue;
        }
        let number = number.trim_start_matches('0');
        if number.is_empty() || number.starts_with('.') {
            continue;
        }
        let scale = text[end..]
            .trim_start_matches(' ')
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .map(str::to_ascii_lowercase)
            .filter(|w| matches!(w.as_str(), "thousand" | "million" | "billion" | "trillion"));
        out.push(match scale {
            Some(w) => format!("{number} {w}"),
            None => number.to_string(),
        });
    }
    out
}

/// One word of a text: its bytes and whether it starts a sentence.
struct Token<'t> {
    text: &'t str,
    sentence_start: bool,
    /// Only spaces (no punctuation, no line break) since the previous token.
    joined: bool,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut joined = false;
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        // Apostrophes inside a word keep it whole ("Assad's" is split off below).
        let inside = c.is_alphanumeric()
            || (start.is_some()
                && (c == '\'' || c == '’')
                && text[i + c.len_utf8()..].starts_with(char::is_alphabetic));
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push(Token {
                    text: &text[s..i],
                    sentence_start,
                    joined,
                });
                start = None;
                sentence_start = false;
                joined = c == ' ';
                if matches!(
                    c,
                    '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '”' | '—' | '(' | ')'
                ) {
                    sentence_start = matches!(c, '.' | '!' | '?' | '\n' | '"' | '“' | ':');
                    joined = false;
                }
            }
            (None, false) => {
                if c != ' ' {
                    joined = false;
                }
                if matches!(c, '.' | '!' | '?' | '\n' | '"' | '“' | ':') {
                    sentence_start = true;
                }
            }
            (Some(_), true) => {}
        }
    }
    out
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Names and content words of `text`, added to the maps with weight `weight`.
fn terms(
    text: &str,
    weight: u32,
    names: &mut BTreeMap<String, u32>,
    words: &mut BTreeMap<String, u32>,
) {
    let toks = tokens(text);
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, names: &mut BTreeMap<String, u32>| {
        if run.len() >= 2 {
            *names.entry(run.join(" ")).or_insert(0) += weight;
        }
        run.clear();
    };
    for t in &toks {
        let lower = strip_possessive(&t.text.to_lowercase()).to_string();
        let name = is_capitalised(t.text)
            && !STOP_WORDS.binary_search(&lower.as_str()).is_ok()
            && !CALENDAR.binary_search(&lower.as_str()).is_ok()
            && !t.text.chars().all(|c| c.is_ascii_digit())
            && (!t.sentence_start
                || !COMMON_SENTENCE_STARTS
                    .binary_search(&lower.as_str())
                    .is_ok());
        if name {
            if !t.joined {
                flush(&mut run, names);
            }
            *names.entry(lower.clone()).or_insert(0) += weight;
            run.push(lower);
        } else {
            flush(&mut run, names);
            if let Some(stem) = content_word(&lower) {
                *words.entry(stem).or_insert(0) += weight;
            }
        }
    }
    flush(&mut run, names);
}

/// A headline's content words, stemmed as the text's are ([`content_word`]), in order.
pub(crate) fn headline_words(title: &str) -> Vec<String> {
    tokens(title)
        .iter()
        .filter_map(|t| content_word(strip_possessive(&t.text.to_lowercase())))
        .collect()
}

pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// The stem of a content word, or `None` for stop words, numbers and short words.
pub(crate) fn content_word(lower: &str) -> Option<String> {
    let w = strip_possessive(lower);
    if w.chars().count() < 3
        || w.chars().any(|c| c.is_ascii_digit())
        || STOP_WORDS.binary_search(&w).is_ok()
    {
        return None;
    }
    Some(stem(w))
}

/// Plural and third-person `-s` folded: "militants" → "militant", "cities" → "city".
fn stem(w: &str) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// English function words and the commonest reporting words, sorted (binary search).
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "yours",
];

/// Days and months: time expressions (dated by `times`), not names.
const CALENDAR: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Capitalised only because they start a sentence: not names there.
const COMMON_SENTENCE_STARTS: &[&str] = &[
    "after",
    "already",
    "although",
    "asked",
    "but",
    "despite",
    "earlier",
    "for",
    "friday",
    "however",
    "in",
    "instead",
    "last",
    "later",
    "meanwhile",
    "monday",
    "on",
    "police",
    "saturday",
    "some",
    "sunday",
    "thursday",
    "today",
    "tuesday",
    "wednesday",
    "while",
    "yesterday",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(COMMON_SENTENCE_STARTS.windows(2).all(|w| w[0] < w[1]));
        assert!(CALENDAR.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn days_round_trip() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2000, 2, 29),
            (2016, 12, 11),
            (1899, 3, 1),
            (2025, 12, 31),
        ] {
            let day = Day::from_ymd(y, m, d).unwrap();
            assert_eq!(day.civil(), (y, m, d));
        }
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(2015, 2, 29), None);
        assert_eq!(Day::parse("2016-12"), None);
        assert_eq!(Day::parse("2016-12-10/2016-12-11"), None);
        assert_eq!(
            Day::parse("2016-12-10TEV")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2016-12-10")
        );
    }

    #[test]
    fn names_and_words() {
        let f = DocumentFeatures::from_text(
            "x",
            Some("Rebels Seize Port"),
            "The Estrel Liberation Army seized St. Maren on Sunday. Police said militants attacked Corran.",
            None,
            &[],
        );
        let names: Vec<&str> = f.names.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"estrel liberation army"), "{names:?}");
        assert!(names.contains(&"corran"), "{names:?}");
        assert!(
            !names.contains(&"police") && !names.contains(&"the"),
            "{names:?}"
        );
        let words: Vec<&str> = f.words.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            words.contains(&"militant") && words.contains(&"seized") && words.contains(&"rebel"),
            "{words:?}"
        );
        assert!(!words.contains(&"said"));
    }

    #[test]
    fn weekdays_of_reports() {
        let find = |text: &str, published: Option<Published>| {
            let times = corroborate_annotate::times::find_times(text, published.as_ref());
            let day = published.as_ref().and_then(Day::of_published);
            DocumentFeatures::from_text("x", None, text, day, &times).weekdays
        };
        // Undated: the bare weekday; a full date is only a lower bound of the event.
        assert_eq!(find("The Tarn ferry sank on Monday.", None), [1]);
        assert_eq!(find("The ferry, built on 3 May 2019, sank.", None), Vec::<u8>::new());
        // Dated: "Monday" is the Monday before 2 April 2025 (a Wednesday), 31 March.
        assert_eq!(find("The Tarn ferry sank on Monday.", Published::day(2025, 4, 2)), [1]);
        assert_eq!(weekday(Day::from_ymd(2025, 4, 2).unwrap()), 3);
        assert_eq!(weekday(Day(0)), 4, "1970-01-01 was a Thursday");
    }

    #[test]
    fn background_dates_are_not_event_dates() {
        let text = "The town fell on 11 December 2016, a year after 10 December 2015.";
        let published = Day::from_ymd(2016, 12, 12);
        let times =
            corroborate_annotate::times::find_times(text, Published::day(2016, 12, 12).as_ref());
        let f = DocumentFeatures::from_text("x", None, text, published, &times);
        let days: Vec<String> = f.days().map(|d| d.to_string()).collect();
        assert_eq!(days, ["2016-12-11"]);
        let none = DocumentFeatures::from_text("y", None, "No dates here.", published, &[]);
        assert!(none.dated_by_publication_only());
        assert_eq!(none.days().collect::<Vec<_>>(), [published.unwrap()]);
    }

    #[test]
    fn a_weekend_or_a_short_range_names_each_of_its_days() {
        let days_of = |text: &str| {
            let times = corroborate_annotate::times::find_times(text, Published::day(2016, 12, 14).as_ref());
            let f = DocumentFeatures::from_text("x", None, text, Day::from_ymd(2016, 12, 14), &times);
            let mut days: Vec<String> = f.days().map(|d| d.to_string()).collect();
            days.sort();
            days
        };
        assert_eq!(days_of("The dam broke on the weekend of Dec. 10-11."), ["2016-12-10", "2016-12-11"]);
        assert_eq!(days_of("Fighting went on over Dec. 9-11."), ["2016-12-09", "2016-12-10", "2016-12-11"]);
    }
}
