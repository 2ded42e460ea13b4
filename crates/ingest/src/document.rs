//! The output type of the ingest stage: one clean [`Document`] per source.
//!
//! Ingest owns this type; later stages read it and never change it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A document's identity: the first 16 hex digits of the SHA-256 of its clean text.
///
/// Identical clean text gives the identical id, so a page read twice is stored once.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(String);

impl DocId {
    /// The id of a clean text.
    ///
    /// ```
    /// use corroborate_ingest::DocId;
    /// assert_eq!(DocId::of_text("hello").as_str().len(), 16);
    /// assert_eq!(DocId::of_text("hello"), DocId::of_text("hello"));
    /// ```
    pub fn of_text(text: &str) -> DocId {
        let digest = Sha256::digest(text.as_bytes());
        let mut hex = String::with_capacity(16);
        for byte in &digest[..8] {
            hex.push_str(&format!("{byte:02x}"));
        }
        DocId(hex)
    }

    /// The id as its 16 hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How precisely a publication date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// A publication date with its precision, as ISO 8601 text of that precision
/// (`2016`, `2016-12`, `2016-12-12`, `2016-12-12T09:30`, `2016-12-12T09:30:05`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Published {
    iso: String,
    precision: Precision,
}

impl Published {
    /// A calendar date; `None` when the date does not exist.
    pub fn day(year: i32, month: u32, day: u32) -> Option<Published> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Published { iso: format!("{year:04}-{month:02}-{day:02}"), precision: Precision::Day })
    }

    /// A month of a year; `None` when the month does not exist.
    pub fn month(year: i32, month: u32) -> Option<Published> {
        (1..=12).contains(&month).then(|| Published { iso: format!("{year:04}-{month:02}"), precision: Precision::Month })
    }

    /// A year.
    pub fn year(year: i32) -> Published {
        Published { iso: format!("{year:04}"), precision: Precision::Year }
    }

    /// A date and time of day (UTC offset dropped: the wall-clock time as published).
    pub fn time(year: i32, month: u32, day: u32, hour: u32, minute: u32, second: Option<u32>) -> Option<Published> {
        let date = Published::day(year, month, day)?;
        if hour > 23 || minute > 59 || second.is_some_and(|s| s > 60) {
            return None;
        }
        Some(match second {
            Some(s) => Published { iso: format!("{}T{hour:02}:{minute:02}:{s:02}", date.iso), precision: Precision::Second },
            None => Published { iso: format!("{}T{hour:02}:{minute:02}", date.iso), precision: Precision::Minute },
        })
    }

    /// ISO 8601 text at this date's precision.
    pub fn iso(&self) -> &str {
        &self.iso
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The calendar date part (`YYYY-MM-DD`) when the precision is a day or finer.
    pub fn date(&self) -> Option<&str> {
        (self.precision >= Precision::Day).then(|| &self.iso[..10])
    }
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// What kind of writing a document is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Genre {
    #[default]
    News,
    Analysis,
    Opinion,
}

/// Why a piece of the source was left out of the clean text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// Menus, breadcrumbs, "Back to Top", section labels.
    Navigation,
    /// Subscribe, membership, donation and paywall prompts.
    Subscribe,
    /// Comment widgets and comment counts.
    Comments,
    /// Share bars and social buttons.
    Share,
    /// "Read the rest at …", "Courtesy …", republication notes.
    Continuation,
    /// Footnote stubs with no content, like `1. ?`.
    FootnoteStub,
    /// A teaser that repeats a caption or the lead.
    Teaser,
    /// Titles of related articles trailing the body.
    Related,
    /// Disclaimers ("views expressed … are solely those of the author"); kept as metadata.
    Disclaimer,
    /// The byline or dateline, moved into metadata.
    Byline,
    /// The headline, moved into `title`.
    Title,
    /// Advertising.
    Advertising,
    /// Text the HTML extractor judged not part of the article.
    Boilerplate,
}

/// A piece of the source that is not in the clean text, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    pub reason: RemovalReason,
}

/// One clean document: the article body and what is known about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub id: DocId,
    /// Path or URL the document was read from (`-` for stdin; `path#L3` for line 3 of a JSON Lines file).
    pub source: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Published>,
    /// ISO 639-1 code, when detected with confidence.
    pub language: Option<String>,
    pub genre: Genre,
    /// The clean article body: paragraphs separated by a blank line.
    pub text: String,
    pub removed: Vec<Removed>,
}

impl Document {
    /// Whose voice the text itself speaks in: its first byline author, else its outlet (either
    /// only when it is more than blanks). Scare quotes and "the author argues …" are this voice.
    pub fn voice(&self) -> Option<&str> {
        let byline = self.authors.iter().map(|a| a.trim()).find(|a| !a.is_empty());
        byline.or_else(|| self.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_carry_their_precision() {
        assert_eq!(Published::day(2016, 12, 11).unwrap().iso(), "2016-12-11");
        assert_eq!(Published::day(2016, 2, 30), None);
        assert_eq!(Published::day(2016, 2, 29).unwrap().precision(), Precision::Day);
        assert_eq!(Published::day(2015, 2, 29), None);
        assert_eq!(Published::month(2016, 13), None);
        assert_eq!(Published::time(2016, 12, 11, 9, 5, None).unwrap().iso(), "2016-12-11T09:05");
        assert_eq!(Published::time(2016, 12, 11, 9, 5, Some(7)).unwrap().date(), Some("2016-12-11"));
        assert_eq!(Published::year(2016).date(), None);
    }

    #[test]
    fn voice_is_the_byline_else_the_outlet() {
        let mut d = Document {
            id: DocId::of_text("x"),
            source: "-".into(),
            url: None,
            outlet: Some(" The Rampart ".into()),
            title: None,
            authors: vec!["  ".into(), "Ida Marr".into()],
            published: None,
            language: None,
            genre: Genre::default(),
            text: "x".into(),
            removed: Vec::new(),
        };
        assert_eq!(d.voice(), Some("Ida Marr"));
        d.authors.clear();
        assert_eq!(d.voice(), Some("The Rampart"));
        d.outlet = Some(" ".into());
        assert_eq!(d.voice(), None);
    }

    #[test]
    fn same_text_same_id() {
        assert_eq!(DocId::of_text("a b"), DocId::of_text("a b"));
        assert_ne!(DocId::of_text("a b"), DocId::of_text("a  b"));
    }
}
