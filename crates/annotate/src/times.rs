//! Time expressions: dates, times, durations and sets, normalised to TIMEX3 values.
//!
//! Rule-based, in the manner of HeidelTime: the text is cut into word and punctuation tokens,
//! and at each token every rule of `RULES` is tried; the longest match wins and scanning
//! resumes after it. The word lists (months, weekdays, units, numbers, fixed phrases) are
//! tables at the top of the file, so most additions are one row. For speed the rules are
//! tried only at words that begin some row, and at a frequent function word ("the", "a",
//! "last") only when a content word of the tables follows within `CONTENT_AHEAD` tokens; a
//! test checks that this finds exactly what trying every such word finds.
//!
//! Values follow TIMEX3: `2016-12-11`, `2016-12`, `2016`, `199` (a decade), `2016-W49`,
//! `2016-W49-WE` (a weekend), `2016-Q3`, `2016-H1`, `2016-SU` (a season), `2016-12-11TMO` (a
//! part of a day), `2016-12-11T09:30`, `P3W`, `PT48H`, `PXY` (an unstated number of years), `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`, `XXXX-12-11` (year unknown),
//! `XXXX-WXX-7` (a Sunday, week unknown; also the value of the set "every Sunday"). A range
//! such as "Dec. 10–11" is written `2016-12-10/2016-12-11` (ISO 8601 interval; TimeML itself
//! would use two TIMEX3s). Where TimeBank has a settled practice we follow it, so that the
//! TempEval evaluation measures the rules rather than conventions: "fiscal 1998" is `1998`,
//! decades as durations are years (`P20Y`), "the year ended June 30" is `P1Y`.
//!
//! Anchoring. Relative expressions ("yesterday", "last month", "on Sunday") are resolved
//! against the document date ([`Anchor::DocumentDate`]); chained ones ("the next day") against
//! the last resolved day before them ([`Anchor::Previous`]), and "the following year" or
//! "later that year" against the year of the last date the text states. Without a document date nothing
//! is guessed: the value is `None` (or keeps `XXXX` for the unknown year) and the anchor is
//! [`Anchor::Unresolved`].
//!
//! Heuristics, stated once:
//! - A bare weekday ("on Sunday") is the most recent such day on or before the document date,
//!   as news mostly reports what has happened (the document's own weekday is the document
//!   date: "said Friday" in a Friday paper); when its clause is in the future it is the first
//!   such day on or after it. The tense of a clause is that of the nearest tense marker before
//!   the expression in its sentence, else after it (`FUTURE_CUES`: "will", "would",
//!   "scheduled", "is to", "as early as"…; `PAST_CUES` and words in "-ed": "said",
//!   "announced"), so "would appeal the decision, announced Wednesday" is past. A scheduled
//!   event in the simple present is ahead (`PRESENT_FUTURE_CUES`: "the trial begins Monday";
//!   `PLURAL_PRESENT_FUTURE_CUES`, not as an infinitive: "the leaders meet Monday").
//!   ("Ahead of the weekend" is no cue: in a Monday paper's account of Friday it is the weekend
//!   gone.) After "until"
//!   or "by" it is a deadline, ahead unless the clause is past ("has until Friday to comply").
//!   A possessive weekday ("get around Wednesday's ruling") is the day gone unless its own verb
//!   is future or it is awaited ("ahead of Sunday's vote"). A finite "planned" with its object
//!   before the day plans it ahead ("protesters planned a march on Saturday").
//! - A month, or month and day, without a year takes the document's year, moved one year back
//!   when that would put a mention not in the future more than two months after the document
//!   date (not when a day ahead was named earlier in its sentence and its clause has no
//!   tense of its own: "would sail from April 2, with a second boat from Sept. 9"),
//!   and one year forward when a future-tense one falls before the document's month
//!   (day: a month before its date): "payable Jan. 2" in November is next January. Past tense
//!   alone does not move a later month back ("decided he should go home by Jan. 14"). After
//!   "by", "until" or "through", a month or day more than 200 days before the document date
//!   is next year's ("pay down the loan by February" in October), and one ahead stays this
//!   year's unless the clause is past ("has until June to respond"). Right after "ended" a day
//!   is over: one still ahead this year is last year's ("the quarter ended Oct. 31" in a paper
//!   of Oct. 27).
//! - A quarter without a year is the document year's when it has begun, else last year's; "the
//!   quarter" alone is the quarter the report is about: the last completed one, kept in view
//!   over a side mention of another ("after a flat second quarter"); "the September quarter"
//!   is the quarter of that month.
//! - "a year ago/earlier" after a quarter means that quarter a year before (TimeBank practice),
//!   unless a longer period was named since ("for the nine months … a year earlier": a year);
//!   "the year-earlier period" after such a period is that period, by its length (`P9M`);
//!   in the sentence of "the six months ended Aug. 12" it is that day a year before.
//! - Reference times: "the next day", "later in the day", "mid-afternoon", "the previous
//!   Friday", "that week" count from the last day the text resolved; "that month" from the
//!   last month it named; "that quarter" is the last quarter named. Without one they stay
//!   unresolved, but for "earlier in the week/month" (the document's) and "the previous
//!   year", "the year before" (the year before the document's).
//! - "Now" opening a sentence is a discourse marker ("Now, he says, …"), not a time; "the
//!   party daily Granma", "60 Minutes" and "This Week" (capitalised inside a sentence) are names,
//!   and so are "The Sunday Times" and "the Mail on Sunday".
//! - "the weekend" in a past-tense report written Monday to Friday is the one just gone.
//! - "Monday and Tuesday nights": the plural part of day makes both weekdays sets.
//! - "last June" is the most recent June before last month (that one is "last month": "last
//!   February" in a March paper is the year before's); "next March" the first
//!   after it; holidays ("Thanksgiving") without a year are resolved like a month and day.
//!
//! - A rate is not a set: "a day", "per day" after a quantity or a plural noun ("10,000
//!   barrels a day", "instructions per second"), "annually" after a quantity ("to rise 8.5%
//!   annually").
//!
//! Not time expressions: the present or the future in general ("today's youth", "the people of
//! tomorrow") and a future's prospects ("the future of the company"); a number that counts ("2000 troops", "1,000 second-line troops"),
//! fractions ("a quarter of"), ages ("a 44-year-old"), "the fall of the city", "may", "march".
//! Not handled yet: decimals ("2.5 hours"), movable feasts other than Easter, "the 1990s" vs
//! "the last decade" (a duration here), TimeBank's underspecified forms ("1989-WXX" for "last
//! week", a day for "Friday night"; we write the week and the part of the day).

use crate::Span;
use corroborate_ingest::Published;

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeKind {
    Date,
    Time,
    Duration,
    Set,
}

/// What a value was resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// Absolute: the text states it fully ("19th October 2016"), or it needs no anchor (a
    /// duration, a set).
    None,
    /// Resolved against the document's publication date.
    DocumentDate,
    /// Relative, but there was nothing to resolve it against: the value is `None` or keeps `X`s.
    Unresolved,
    /// Resolved against an earlier expression of the text (its span).
    Previous(Span),
}

/// One time expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    pub span: Span,
    pub kind: TimeKind,
    /// The TIMEX3 value; `None` when it cannot be resolved.
    pub value: Option<String>,
    /// "decade", "year", "half", "quarter", "season", "month", "week", "day", "hour", "minute";
    /// `None` for durations, sets and references such as `PRESENT_REF`.
    pub precision: Option<&'static str>,
    pub anchor: Anchor,
}

// ---------------------------------------------------------------------------------------------
// Tables.

const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4),
    ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9),
    ("sept", 9), ("sep", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
];

const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7),
];

/// Units of durations: word, plural, TIMEX3 letter(s), whether it is a time-of-day unit (`PT…`).
const UNITS: &[(&str, &str, &str, bool)] = &[
    ("second", "seconds", "S", true), ("minute", "minutes", "M", true), ("hour", "hours", "H", true),
    ("day", "days", "D", false), ("week", "weeks", "W", false), ("month", "months", "M", false),
    ("year", "years", "Y", false), ("decade", "decades", "DE", false), ("century", "centuries", "CE", false),
    ("quarter", "quarters", "Q", false), ("weekend", "weekends", "WE", false),
];

const NUMBERS: &[(&str, u32)] = &[
    ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
    ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14),
    ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
    ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ("hundred", 100),
];

/// Words for an unstated number ("several years" → `PXY`).
const VAGUE: &[&str] = &["several", "few", "many", "some", "numerous", "recent"];

/// Days of the month in words ("twenty" and "thirty" combine with the first nine).
const DAY_ORDINALS: &[(&str, u32)] = &[
    ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8),
    ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13), ("fourteenth", 14), ("fifteenth", 15),
    ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18), ("nineteenth", 19), ("twentieth", 20), ("thirtieth", 30),
];

/// Nouns an ordinal after a month counts instead of naming its day ("in May second place").
const NOT_AFTER_DAY: &[&str] = &["half", "time", "lady", "place", "round", "prize", "class", "grade", "term"];

const ORDINALS: &[(&str, u32)] = &[("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("1st", 1), ("2nd", 2), ("3rd", 3), ("4th", 4)];

/// Seasons: word, TIMEX3 code, first and last month.
const SEASONS: &[(&str, &str, u32, u32)] =
    &[("spring", "SP", 3, 5), ("summer", "SU", 6, 8), ("fall", "FA", 9, 11), ("autumn", "FA", 9, 11), ("winter", "WI", 12, 14)];

const PARTS_OF_DAY: &[(&str, &str)] = &[("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI")];

/// Holidays: name, month, and the day or the rule for it.
#[derive(Clone, Copy, Debug)]
enum HolidayDay {
    Fixed(u32),
    /// The n-th (1-based; 5 = last) given weekday (1 Monday … 7 Sunday) of the month.
    Nth(u32, u32),
    /// The Tuesday after the first Monday (US Election Day).
    TuesdayAfterFirstMonday,
    /// Days from (Western) Easter Sunday.
    Easter(i64),
}

/// Names as token sequences ("new year ' s day" for "New Year's Day").
const HOLIDAYS: &[(&str, u32, HolidayDay)] = &[
    ("new year ' s day", 1, HolidayDay::Fixed(1)),
    ("new year ' s eve", 12, HolidayDay::Fixed(31)),
    ("valentine ' s day", 2, HolidayDay::Fixed(14)),
    ("independence day", 7, HolidayDay::Fixed(4)),
    ("halloween", 10, HolidayDay::Fixed(31)),
    ("christmas eve", 12, HolidayDay::Fixed(24)),
    ("christmas day", 12, HolidayDay::Fixed(25)),
    ("christmas", 12, HolidayDay::Fixed(25)),
    ("boxing day", 12, HolidayDay::Fixed(26)),
    ("thanksgiving day", 11, HolidayDay::Nth(4, 4)),
    ("thanksgiving", 11, HolidayDay::Nth(4, 4)),
    ("labor day", 9, HolidayDay::Nth(1, 1)),
    ("memorial day", 5, HolidayDay::Nth(5, 1)),
    ("election day", 11, HolidayDay::TuesdayAfterFirstMonday),
    ("easter", 4, HolidayDay::Easter(0)),
    ("easter sunday", 4, HolidayDay::Easter(0)),
    ("easter monday", 4, HolidayDay::Easter(1)),
    ("good friday", 4, HolidayDay::Easter(-2)),
];

/// The day number of Western Easter Sunday of a year (the anonymous Gregorian computus).
fn easter(y: i64) -> i64 {
    let (a, b, c) = (y.rem_euclid(19), y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let g = (b - (b + 8) / 25 + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    days_from_civil(y, (n / 31) as u32, (n % 31 + 1) as u32)
}

/// Fixed phrases, one row per rule.
#[derive(Clone, Copy, Debug)]
enum Lex {
    /// A day counted from the document date.
    Day(i64),
    /// A part of a day counted from the document date.
    Part(i64, &'static str),
    /// A day counted from the last resolved day in the text.
    FromPrevious(i64),
    /// A part of the last resolved day in the text, else of the document date.
    PartOfPrevious(&'static str),
    /// A part of a day counted from the last resolved day in the text ("that night", "the
    /// next morning"); unresolved without one.
    PartFromPrevious(i64, &'static str),
    /// The month of the last date in the text that states one ("that month"); with `true`,
    /// else the document's ("later in the month").
    PreviousMonth(bool),
    /// The week of the last resolved day in the text ("that week"); with `true`, else the
    /// document's ("earlier in the week").
    PreviousWeek(bool),
    /// A weekend counted in weeks from the document date's week.
    Weekend(i64),
    /// A TIMEX3 reference value.
    Ref(&'static str),
    /// A set ("daily").
    Set(&'static str),
    /// The quarter last mentioned ("that quarter"), else the last completed quarter before
    /// the document date.
    LastQuarter,
    /// The quarter the text is about ("the quarter", in financial news: `Ctx::topic_quarter`),
    /// else the last mentioned, else the last completed one.
    TopicQuarter,
    /// The night before the day the text speaks of (the last resolved day, else the document
    /// date): "overnight losses in New York" in a report of Friday's London trading are
    /// Thursday night's. It does not move that day (the story stays on Friday).
    Overnight,
    /// A year counted from the document's.
    Year(i64),
    /// The quarter last mentioned, a year before ("the year-ago quarter"); else last year.
    YearAgoQuarter,
}

const LEXICON: &[(&str, Lex)] = &[
    ("today", Lex::Day(0)),
    ("earlier today", Lex::Day(0)),
    ("later today", Lex::Day(0)),
    ("yesterday", Lex::Day(-1)),
    ("earlier yesterday", Lex::Day(-1)),
    ("later yesterday", Lex::Day(-1)),
    ("tomorrow", Lex::Day(1)),
    ("the day before yesterday", Lex::Day(-2)),
    ("the day after tomorrow", Lex::Day(2)),
    ("tonight", Lex::Part(0, "NI")),
    ("last night", Lex::Part(-1, "NI")),
    ("this morning", Lex::Part(0, "MO")),
    ("this afternoon", Lex::Part(0, "AF")),
    ("this evening", Lex::Part(0, "EV")),
    ("yesterday morning", Lex::Part(-1, "MO")),
    ("yesterday afternoon", Lex::Part(-1, "AF")),
    ("yesterday evening", Lex::Part(-1, "EV")),
    ("tomorrow morning", Lex::Part(1, "MO")),
    ("tomorrow afternoon", Lex::Part(1, "AF")),
    ("tomorrow evening", Lex::Part(1, "EV")),
    ("tomorrow night", Lex::Part(1, "NI")),
    ("the next day", Lex::FromPrevious(1)),
    ("the following day", Lex::FromPrevious(1)),
    ("the day after", Lex::FromPrevious(1)),
    ("the previous day", Lex::FromPrevious(-1)),
    ("the day before", Lex::FromPrevious(-1)),
    ("the same day", Lex::FromPrevious(0)),
    ("that day", Lex::FromPrevious(0)),
    ("earlier that day", Lex::FromPrevious(0)),
    ("later that day", Lex::FromPrevious(0)),
    ("earlier in the day", Lex::FromPrevious(0)),
    ("later in the day", Lex::FromPrevious(0)),
    ("late in the day", Lex::FromPrevious(0)),
    ("that month", Lex::PreviousMonth(false)),
    ("the same month", Lex::PreviousMonth(false)),
    ("earlier that month", Lex::PreviousMonth(false)),
    ("later that month", Lex::PreviousMonth(false)),
    ("that week", Lex::PreviousWeek(false)),
    ("earlier in the week", Lex::PreviousWeek(true)),
    ("the end of the week", Lex::PreviousWeek(true)),
    ("the end of the month", Lex::PreviousMonth(true)),
    ("the beginning of the month", Lex::PreviousMonth(true)),
    ("later in the week", Lex::PreviousWeek(true)),
    ("earlier in the month", Lex::PreviousMonth(true)),
    ("later in the month", Lex::PreviousMonth(true)),
    ("the same week", Lex::PreviousWeek(false)),
    ("earlier that week", Lex::PreviousWeek(false)),
    ("later that week", Lex::PreviousWeek(false)),
    ("that quarter", Lex::LastQuarter),
    ("the same quarter", Lex::LastQuarter),
    ("the same quarter last year", Lex::YearAgoQuarter),
    ("that morning", Lex::PartFromPrevious(0, "MO")),
    ("that afternoon", Lex::PartFromPrevious(0, "AF")),
    ("that evening", Lex::PartFromPrevious(0, "EV")),
    ("that night", Lex::PartFromPrevious(0, "NI")),
    ("later that night", Lex::PartFromPrevious(0, "NI")),
    ("late that night", Lex::PartFromPrevious(0, "NI")),
    ("early that morning", Lex::PartFromPrevious(0, "MO")),
    ("the night before", Lex::PartFromPrevious(-1, "NI")),
    ("the previous night", Lex::PartFromPrevious(-1, "NI")),
    ("the previous evening", Lex::PartFromPrevious(-1, "EV")),
    ("the next morning", Lex::PartFromPrevious(1, "MO")),
    ("the following morning", Lex::PartFromPrevious(1, "MO")),
    ("the morning after", Lex::PartFromPrevious(1, "MO")),
    ("the next night", Lex::PartFromPrevious(1, "NI")),
    ("the following night", Lex::PartFromPrevious(1, "NI")),
    ("the morning", Lex::PartOfPrevious("MO")),
    ("the afternoon", Lex::PartOfPrevious("AF")),
    ("the evening", Lex::PartOfPrevious("EV")),
    ("early morning", Lex::PartOfPrevious("MO")),
    ("late morning", Lex::PartOfPrevious("MO")),
    ("mid-morning", Lex::PartOfPrevious("MO")),
    ("mid morning", Lex::PartOfPrevious("MO")),
    ("early afternoon", Lex::PartOfPrevious("AF")),
    ("late afternoon", Lex::PartOfPrevious("AF")),
    ("mid-afternoon", Lex::PartOfPrevious("AF")),
    ("mid afternoon", Lex::PartOfPrevious("AF")),
    ("midafternoon", Lex::PartOfPrevious("AF")),
    ("early evening", Lex::PartOfPrevious("EV")),
    ("late evening", Lex::PartOfPrevious("EV")),
    ("late at night", Lex::PartOfPrevious("NI")),
    ("late night", Lex::PartOfPrevious("NI")),
    ("the weekend", Lex::Weekend(0)),
    ("this weekend", Lex::Weekend(0)),
    ("last weekend", Lex::Weekend(-1)),
    ("this past weekend", Lex::Weekend(-1)),
    ("next weekend", Lex::Weekend(1)),
    ("now", Lex::Ref("PRESENT_REF")),
    ("right now", Lex::Ref("PRESENT_REF")),
    ("currently", Lex::Ref("PRESENT_REF")),
    ("current", Lex::Ref("PRESENT_REF")),
    ("at present", Lex::Ref("PRESENT_REF")),
    ("presently", Lex::Ref("PRESENT_REF")),
    ("nowadays", Lex::Ref("PRESENT_REF")),
    ("these days", Lex::Ref("PRESENT_REF")),
    ("the present", Lex::Ref("PRESENT_REF")),
    ("recently", Lex::Ref("PAST_REF")),
    ("lately", Lex::Ref("PAST_REF")),
    ("the past", Lex::Ref("PAST_REF")),
    ("the future", Lex::Ref("FUTURE_REF")),
    ("recent years", Lex::Ref("PAST_REF")),
    ("past years", Lex::Ref("PAST_REF")),
    ("the near future", Lex::Ref("FUTURE_REF")),
    ("the near term", Lex::Ref("FUTURE_REF")),
    ("the short term", Lex::Ref("FUTURE_REF")),
    ("the long term", Lex::Ref("FUTURE_REF")),
    ("coming days", Lex::Ref("FUTURE_REF")),
    ("the coming days", Lex::Ref("FUTURE_REF")),
    ("coming weeks", Lex::Ref("FUTURE_REF")),
    ("the coming weeks", Lex::Ref("FUTURE_REF")),
    ("coming months", Lex::Ref("FUTURE_REF")),
    ("the coming months", Lex::Ref("FUTURE_REF")),
    ("coming years", Lex::Ref("FUTURE_REF")),
    ("the coming years", Lex::Ref("FUTURE_REF")),
    ("future quarters", Lex::Ref("FUTURE_REF")),
    ("overnight", Lex::Overnight),
    ("the quarter", Lex::TopicQuarter),
    ("the year", Lex::Year(0)),
    ("the fiscal year", Lex::Year(0)),
    ("this fiscal year", Lex::Year(0)),
    ("the current fiscal year", Lex::Year(0)),
    ("the current year", Lex::Year(0)),
    ("year-earlier", Lex::YearAgoQuarter),
    ("the year-earlier", Lex::YearAgoQuarter),
    ("the year-ago", Lex::YearAgoQuarter),
    ("year-ago", Lex::YearAgoQuarter),
    ("the year-earlier quarter", Lex::YearAgoQuarter),
    ("the year-ago quarter", Lex::YearAgoQuarter),
    ("the year-earlier period", Lex::YearAgoQuarter),
    ("the year-ago period", Lex::YearAgoQuarter),
    ("the latest period", Lex::TopicQuarter),
    ("last year ' s quarter", Lex::YearAgoQuarter),
    ("last year ' s period", Lex::YearAgoQuarter),
    ("the corresponding period last year", Lex::YearAgoQuarter),
    ("the comparable period last year", Lex::YearAgoQuarter),
    ("the same period last year", Lex::YearAgoQuarter),
    ("the comparable year-ago quarter", Lex::YearAgoQuarter),
    ("daily", Lex::Set("P1D")),
    ("nightly", Lex::Set("P1D")),
    ("weekly", Lex::Set("P1W")),
    ("monthly", Lex::Set("P1M")),
    ("annually", Lex::Set("P1Y")),
    ("yearly", Lex::Set("P1Y")),
    ("hourly", Lex::Set("PT1H")),
];

/// Relative unit words: "this/last/next week" and friends; offset in units.
const RELATIVE: &[(&str, i64)] = &[
    ("this", 0), ("current", 0), ("the current", 0), ("earlier this", 0), ("later this", 0), ("last", -1),
    ("the previous", -1), ("the prior", -1), ("next", 1), ("the coming", 1), ("the next", 1), ("the following", 1),
    ("the latest", -1), ("the last", -1), ("this past", -1), ("the preceding", -1),
];

/// Words before a date that mark where in it ("late June"); kept in the span.
const MODIFIERS: &[&str] = &[
    "early", "late", "mid", "the early", "the late", "the mid", "the end of", "the beginning of", "the start of", "the middle of", "end of", "the rest of",
    "the turn of", "earlier in", "later in", "the first half of", "the second half of",
];

/// Words that may stand before a number of units ("about three weeks").
const APPROX: &[&str] = &[
    "about", "nearly", "almost", "more than", "less than", "at least", "roughly", "approximately", "over",
    "up to", "some", "around", "only", "just",
];

/// Time-zone words kept in a clock time's span.
const ZONES: &[&str] = &["gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "bst", "cet", "local time"];

/// Words that make a clause speak of the future; the nearest marker of a tense decides (see
/// `Ctx::tense`). "plan" and "plans" only before "to" (else the noun).
const FUTURE_CUES: &[&str] = &[
    "will", "ll", "shall", "won", "would", "plans", "plan", "planning", "scheduled", "soon", "expected", "expects",
    "payable", "effective", "upcoming", "tomorrow", "expires",
];

/// Verbs in the simple present that news uses for a scheduled event ("the trial begins Monday",
/// "the festival opens in July"): they speak of the future as `FUTURE_CUES` do. Only verbs that
/// are rarely plural nouns (not "reports", "plays", "returns").
const PRESENT_FUTURE_CUES: &[&str] = &[
    "begins", "starts", "opens", "resumes", "reopens", "meets", "convenes", "reconvenes", "travels", "arrives", "departs",
    "hosts", "kicks", "concludes", "goes", "heads", "ends", "leaves", "hears",
];

/// Present-tense verbs of aiming that put an infinitive after them ahead ("hopes to leave
/// Friday").
const AIM_VERBS: &[&str] = &["hopes", "hope", "wants", "want", "intends", "intend", "aims", "aim", "seeks", "seek", "vows", "vow", "promises", "threatens", "threaten"];

/// The plural forms of `PRESENT_FUTURE_CUES` ("the two leaders meet Monday"): the same cue,
/// but not as an infinitive or after an auxiliary ("agreed to meet Monday", "did not meet").
const PLURAL_PRESENT_FUTURE_CUES: &[&str] = &["begin", "meet", "convene", "reconvene", "resume", "reopen", "arrive", "depart", "go"];

/// Past-tense words that do not end in "-ed" (those that do are markers by their ending).
const PAST_CUES: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "went", "came", "took", "gave", "met", "left", "began", "fell", "held", "made",
    "saw", "found", "sent", "won", "lost", "struck", "fought", "led", "brought", "spoke", "wrote", "thought", "knew", "got",
    "became", "broke", "chose", "drew", "flew", "rose", "stood", "shot", "ago", "yesterday", "paid", "sold", "bought", "kept",
    "ran", "meant", "felt", "heard", "built", "caught", "taught", "sought", "fled", "hid", "slid", "swore", "threw", "wore",
];

/// Words in "-ed" that are not past tenses.
const NOT_PAST: &[&str] = &["indeed", "proceed", "exceed", "succeed", "speed", "breed", "bleed", "hundred", "kindred", "embed"];

/// How far the tense of a clause is looked for, in tokens before and after an expression.
const TENSE_BACK: usize = 15;
const TENSE_AHEAD: usize = 10;

/// The tense of the clause of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian).

/// The day number of a civil date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date `(year, month, day)` of a day number.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

/// ISO weekday, Monday 1 … Sunday 7.
fn weekday(day: i64) -> u32 {
    ((day + 3).rem_euclid(7) + 1) as u32
}

/// ISO week-numbering year and week.
fn iso_week(day: i64) -> (i64, u32) {
    let thursday = day + 4 - weekday(day) as i64;
    let (y, _, _) = civil_from_days(thursday);
    (y, ((thursday - days_from_civil(y, 1, 1)) / 7 + 1) as u32)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    corroborate_ingest::days_in_month(y as i32, m)
}

fn day_value(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn week_value(day: i64) -> String {
    let (y, w) = iso_week(day);
    format!("{y:04}-W{w:02}")
}

fn add_months(y: i64, m: u32, by: i64) -> (i64, u32) {
    let n = y * 12 + (m as i64 - 1) + by;
    (n.div_euclid(12), (n.rem_euclid(12) + 1) as u32)
}

fn quarter_of(m: u32) -> u32 {
    (m - 1) / 3 + 1
}

/// The precision a value states.
fn precision_of(value: &str) -> Option<&'static str> {
    let b = value.as_bytes();
    if value.starts_with('P') || value.ends_with("_REF") {
        return None;
    }
    if let Some((a, _)) = value.split_once('/') {
        return precision_of(a);
    }
    if value.starts_with("FY") {
        return Some("year");
    }
    if let Some(t) = value.find('T') {
        return Some(if value[t + 1..].contains(':') { "minute" } else { "hour" });
    }
    Some(match b.len() {
        2 => "century",
        3 => "decade",
        4 => "year",
        7 if b[5] == b'W' => "week",
        7 if b[5] == b'Q' => "quarter",
        7 if b[5] == b'H' => "half",
        7 if b[5].is_ascii_alphabetic() => "season",
        7 => "month",
        11 if b[5] == b'W' && value.ends_with("WE") => "week",
        _ => "day",
    })
}

// ---------------------------------------------------------------------------------------------
// Tokens and the matching context.

struct Ctx<'a> {
    text: &'a str,
    /// The lower-cased tokens.
    words: Vec<&'a str>,
    /// Whether each token may begin a time expression (`starting_tokens`).
    starts: Vec<bool>,
    /// Byte ranges of tokens: runs of alphanumerics, or one other non-space character.
    toks: Vec<(usize, usize)>,
    /// The document date as a day number.
    dct: Option<i64>,
    /// The last resolved day and its span (for "the next day").
    prev_day: Option<(i64, Span)>,
    /// The token after the last expression that named a day, and its value ("April 24" in
    /// "April 24 and 25").
    prev_day_hit: Option<(usize, String, Anchor)>,
    /// The year and month of the last date in the text that has them, and its span.
    prev_month: Option<(i64, u32, Span)>,
    /// The year of the last date stated in the text (not computed from the document date), and its span.
    prev_year: Option<(i64, Span)>,
    /// The last quarter mentioned ("2016-Q3").
    last_quarter: Option<String>,
    /// The last mention of the quarter a financial report is about (the last one completed
    /// before the document date), which "the quarter", "the year-ago period" and "a year
    /// earlier" keep referring to after a side mention of another ("after a flat second
    /// quarter").
    topic_quarter: Option<String>,
    /// Whether the last period mentioned is a quarter, not a longer or a shorter one ("the
    /// nine months", "the first half", "September"): "a year earlier" after it is that
    /// quarter a year before.
    quarter_in_view: bool,
    /// The longer period last named when it is in view instead ("the nine months"): "the
    /// year-earlier period" after it is that period a year before, written as its length.
    period_in_view: Option<String>,
    /// The last day stated as the end of a reporting period ("the quarter ended Sept. 30"),
    /// with its span and the index of its first token: "a year earlier" in its sentence is
    /// that day a year before.
    period_end: Option<(i64, Span, usize)>,
}

impl<'a> Ctx<'a> {
    fn new(text: &'a str, lower: &'a str, dct: Option<i64>, lookahead: bool) -> Ctx<'a> {
        let mut toks = Vec::with_capacity(text.len() / 4);
        let mut start: Option<usize> = None;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII without decoding (char::is_whitespace's ASCII set is '\t'..='\r' and ' ').
            let b = bytes[i];
            let (alphanumeric, space, len) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), matches!(b, b' ' | b'\t'..=b'\r'), 1)
            } else {
                let c = text[i..].chars().next().expect("i is a char boundary");
                (c.is_alphanumeric(), c.is_whitespace(), c.len_utf8())
            };
            if alphanumeric {
                start.get_or_insert(i);
            } else {
                if let Some(s) = start.take() {
                    toks.push((s, i));
                }
                if !space {
                    toks.push((i, i + len));
                }
            }
            i += len;
        }
        if let Some(s) = start {
            toks.push((s, text.len()));
        }
        let words: Vec<&str> = toks.iter().map(|&(s, e)| &lower[s..e]).collect();
        let starts = starting_tokens(&words, lookahead);
        Ctx { text, words, starts, toks, dct, prev_day: None, prev_day_hit: None, prev_month: None, prev_year: None, last_quarter: None, topic_quarter: None, quarter_in_view: false, period_in_view: None, period_end: None }
    }

    /// The lower-cased token `i`, or "" past the end.
    fn w(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn orig(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |&(s, e)| &self.text[s..e])
    }

    fn capitalised(&self, i: usize) -> bool {
        self.orig(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    fn touching(&self, i: usize) -> bool {
        matches!((self.toks.get(i), self.toks.get(i + 1)), (Some(a), Some(b)) if a.1 == b.0)
    }

    /// Matches the space-separated words of `phrase` at `i`; the index after them.
    fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        // Word by word, without iterators: this is the hottest function of the annotator.
        let bytes = phrase.as_bytes();
        let first = self.w(i).as_bytes();
        // The first word's length and first byte turn most phrases away before any comparison.
        if first.is_empty() || first.len() > bytes.len() || first[0] != bytes[0] || !matches!(bytes.get(first.len()), None | Some(b' ' | b'-')) || !same_bytes(first, &bytes[..first.len()]) {
            return None;
        }
        let (mut pos, mut j) = (first.len() + 1, i + 1);
        if pos > bytes.len() {
            return Some(j);
        }
        if bytes[pos - 1] == b'-' {
            if self.w(j) != "-" {
                return None;
            }
            j += 1;
        }
        loop {
            let seg_end = bytes[pos..].iter().position(|&b| b == b' ' || b == b'-').map_or(bytes.len(), |k| pos + k);
            if !same_bytes(self.w(j).as_bytes(), &bytes[pos..seg_end]) {
                return None;
            }
            j += 1;
            if seg_end == bytes.len() {
                return Some(j);
            }
            if bytes[seg_end] == b'-' {
                if self.w(j) != "-" {
                    return None;
                }
                j += 1;
            }
            pos = seg_end + 1;
        }
    }

    /// The longest phrase of `list` at `i`.
    fn any_phrase(&self, i: usize, list: &[&str]) -> Option<usize> {
        list.iter().filter_map(|p| self.phrase(i, p)).max()
    }

    fn digits(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten()
    }

    /// A month name at `i` (with its abbreviation's period); (month, next index).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i);
        let &(_, m) = MONTHS.iter().find(|(name, _)| *name == w)?;
        if !self.capitalised(i) {
            return None;
        }
        let abbreviation = w.len() <= 4 && !matches!(w, "june" | "july" | "may");
        let j = if abbreviation && self.w(i + 1) == "." && self.touching(i) { i + 2 } else { i + 1 };
        Some((m, j))
    }

    /// A day of the month at `i`: "11", "11th"; (day, next index).
    fn day_of_month(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        ((1..=31).contains(&d)).then_some((d, i + 1))
    }

    /// A day of the month in words, as broadcast transcripts write it after a month: "eighth",
    /// "twentieth", "twenty-ninth", "thirty first"; (day, next index). Not before a hyphen or
    /// a noun it counts ("January first-quarter sales", "in May second place").
    fn spelled_day(&self, i: usize) -> Option<(u32, usize)> {
        let ordinal = |k: usize| DAY_ORDINALS.iter().find(|(w, _)| *w == self.w(k)).map(|&(_, n)| n);
        let (d, e) = match (self.w(i), ordinal(i)) {
            (_, Some(n)) => (n, i + 1),
            (tens @ ("twenty" | "thirty"), None) => {
                let k = if self.w(i + 1) == "-" { i + 2 } else { i + 1 };
                let n = ordinal(k).filter(|&n| n < 10)?;
                (if tens == "twenty" { 20 } else { 30 } + n, k + 1)
            }
            _ => return None,
        };
        let next = self.w(e);
        if next == "-" || UNITS.iter().any(|u| u.0 == next || u.1 == next) || NOT_AFTER_DAY.contains(&next) {
            return None;
        }
        ((1..=31).contains(&d)).then_some((d, e))
    }

    /// A day of the month after a month name: in digits or in words.
    fn day_after_month(&self, i: usize) -> Option<(u32, usize)> {
        self.day_of_month(i).or_else(|| self.spelled_day(i))
    }

    /// A four-digit year at `i`.
    fn year(&self, i: usize) -> Option<i64> {
        let w = self.w(i);
        if w.len() != 4 {
            return None;
        }
        let y = self.digits(i)?;
        ((1000..=2199).contains(&y)).then_some(y as i64)
    }

    /// A year in words at `i`, as broadcast transcripts write them: "nineteen ninety-four",
    /// "eighteen twelve", "two thousand (and) one"; (year, next index).
    fn spelled_year(&self, i: usize) -> Option<(i64, usize)> {
        let word_number = |k: usize| match self.number(k) {
            Some((Some(n), e)) if (1..100).contains(&n) && self.digits(k).is_none() && !matches!(self.w(k), "a" | "an") => Some((n as i64, e)),
            _ => None,
        };
        match (self.w(i), self.w(i + 1)) {
            ("nineteen" | "eighteen", _) => {
                let (n, e) = word_number(i + 1).filter(|(n, _)| *n >= 10)?;
                Some((if self.w(i) == "nineteen" { 1900 } else { 1800 } + n, e))
            }
            ("two", "thousand") => {
                let k = if self.w(i + 2) == "and" { i + 3 } else { i + 2 };
                Some(word_number(k).map_or((2000, i + 2), |(n, e)| (2000 + n, e)))
            }
            _ => None,
        }
    }

    /// A number at `i` (digits, words, "twenty-five", or a vague word); (n or None for X, next).
    fn number(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let w = self.w(i);
        if w == "a" && self.w(i + 1) == "few" {
            return Some((None, i + 2));
        }
        if w == "a" && self.w(i + 1) == "couple" && self.w(i + 2) == "of" {
            return Some((Some(2), i + 3));
        }
        // "the next couple of years"
        if w == "couple" && self.w(i + 1) == "of" && i > 0 && matches!(self.w(i - 1), "next" | "past" | "last" | "first") {
            return Some((Some(2), i + 2));
        }
        if VAGUE.contains(&w) {
            return Some((None, i + 1));
        }
        if let Some(n) = self.digits(i) {
            let grouped_after = matches!(self.w(i + 1), "," | ".") && self.touching(i) && self.digits(i + 2).is_some();
            let grouped_before = i >= 2 && matches!(self.w(i - 1), "," | ".") && self.touching(i - 1) && self.digits(i - 2).is_some();
            if grouped_after || grouped_before {
                return None; // part of a larger number ("1,000") or a decimal
            }
            return Some((Some(n), i + 1));
        }
        let &(_, n) = NUMBERS.iter().find(|(name, _)| *name == w)?;
        // "twenty-four", "twenty four"
        if (20..100).contains(&n) {
            let k = if self.w(i + 1) == "-" { i + 2 } else { i + 1 };
            if let Some(&(_, u)) = NUMBERS.iter().find(|(name, _)| *name == self.w(k)) {
                if (1..10).contains(&u) && !matches!(self.w(k), "a" | "an") {
                    return Some((Some(n + u), k + 1));
                }
            }
        }
        Some((Some(n), i + 1))
    }

    /// A unit at `i`; (index into UNITS, plural, next).
    fn unit(&self, i: usize) -> Option<(usize, bool, usize)> {
        let w = self.w(i);
        UNITS.iter().position(|u| u.0 == w).map(|k| (k, false, i + 1)).or_else(|| UNITS.iter().position(|u| u.1 == w).map(|k| (k, true, i + 1)))
    }

    /// Whether token `k` ends a sentence: "!", "?", or a period after a lower-case word or a
    /// number (not after "Dec", "U.S", "Mr").
    fn sentence_end(&self, k: usize) -> bool {
        match self.w(k) {
            "!" | "?" => true,
            // "$6.5 million": a decimal point, not a period.
            "." if k > 0 && self.touching(k - 1) && self.touching(k) && self.digits(k + 1).is_some() => false,
            "." => k > 0 && {
                let before = self.orig(k - 1);
                before.bytes().all(|b| b.is_ascii_digit()) || (before.len() >= 2 && before.bytes().all(|b| b.is_ascii_lowercase()))
            },
            _ => false,
        }
    }

    /// Whether token `i` opens a sentence (after an opening quotation mark too).
    fn sentence_initial(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && matches!(self.w(k - 1), "\"" | "'" | "`" | "“" | "‘" | "(") {
            k -= 1;
        }
        k == 0 || self.sentence_end(k - 1) || self.line_break_after(k - 1) || self.w(k - 1) == ":"
    }

    /// Whether a line break separates tokens `k` and `k + 1` (paragraphs are sentences too).
    fn line_break_after(&self, k: usize) -> bool {
        matches!((self.toks.get(k), self.toks.get(k + 1)), (Some(a), Some(b)) if self.text[a.1..b.0].contains('\n'))
    }

    /// The tense of the clause around tokens `i..end`: the nearest tense marker before it in
    /// its sentence, not across a semicolon (up to `TENSE_BACK` tokens), else the nearest after it (up to
    /// `TENSE_AHEAD`), in the manner of HeidelTime's closest-verb tense. (The nearest on
    /// either side was tried: no better on TimeBank.)
    fn tense(&self, i: usize, end: usize) -> Tense {
        let mut k = i;
        while k > 0 && i - k < TENSE_BACK && !self.sentence_end(k - 1) && !self.line_break_after(k - 1) && self.w(k - 1) != ";" {
            k -= 1;
            if let Some(t) = self.tense_marker(k, false) {
                return t;
            }
        }
        self.tense_ahead(end)
    }

    /// The nearest tense marker after token `end - 1` in its sentence (up to `TENSE_AHEAD`).
    fn tense_ahead(&self, end: usize) -> Tense {
        let mut k = end;
        while k < self.toks.len() && k - end < TENSE_AHEAD && !self.sentence_end(k) && !self.line_break_after(k - 1) && self.w(k) != ";" {
            if let Some(t) = self.tense_marker(k, true) {
                return t;
            }
            k += 1;
        }
        Tense::Unknown
    }

    /// The tense token `k` marks, if any (`FUTURE_CUES`, `PAST_CUES`, "is/are/going to", and a
    /// lower-case word in "-ed" of five letters or more). A participle after "be", "is" or
    /// "are" marks nothing ("will be held", "is heard"); a future in the past ("had been due to", "had been
    /// scheduled") marks `Unknown`, which ends the search.
    fn tense_marker(&self, k: usize, ahead: bool) -> Option<Tense> {
        let w = self.w(k);
        if w.len() < 2 || !w.as_bytes()[0].is_ascii_lowercase() {
            return None;
        }
        let before = |n: usize| if k >= n { self.w(k - n) } else { "" };
        if matches!(w, "plan" | "plans") && self.w(k + 1) != "to" {
            return None; // the noun
        }
        if PLURAL_PRESENT_FUTURE_CUES.contains(&w) && !matches!(before(1), "to" | "not" | "t" | "did" | "could" | "might" | "should" | "can" | "must" | "may" | "never" | "had" | "would") {
            return Some(Tense::Future);
        }
        // "won't" is a future; "won" alone is the past of "win" ("she won a second term").
        if w == "won" && !(matches!(self.w(k + 1), "'" | "’") && self.w(k + 2) == "t") {
            return Some(Tense::Past);
        }
        if FUTURE_CUES.contains(&w) || PRESENT_FUTURE_CUES.contains(&w) {
            return Some(if before(1) == "been" { Tense::Unknown } else { Tense::Future });
        }
        // "is to resume", "are going to", "was due to" (a future in the past)
        if w == "to" && matches!(before(1), "is" | "are" | "going" | "due" | "set" | "planned" | "scheduled" | "expected") {
            return Some(if before(2) == "been" { Tense::Unknown } else { Tense::Future });
        }
        // "hopes to leave Friday", "wants to finish by Monday": an aim, ahead
        if w == "to" && AIM_VERBS.contains(&before(1)) {
            return Some(Tense::Future);
        }
        // "protesters planned a march on Saturday", "planned to leave Friday": a finite verb
        // of planning, with its object or infinitive, puts what it plans ahead (not the
        // participle: "a service planned for Saturday was canceled"; not "had planned"); a
        // day before it is when the plan was made ("On Friday, the government planned to").
        if w == "planned" && !ahead && matches!(self.w(k + 1), "a" | "an" | "the" | "to") && !matches!(before(1), "had" | "been" | "previously" | "originally" | "as") {
            return Some(Tense::Future);
        }
        // "the verdict is due Friday", "the vote is set for Monday", "talks are planned for Monday"
        if matches!(w, "due" | "set" | "slated" | "planned") && matches!(before(1), "is" | "are") {
            return Some(Tense::Future);
        }
        if w == "as" && matches!(self.w(k + 1), "early" | "soon") && self.w(k + 2) == "as" {
            return Some(Tense::Future);
        }
        let past = PAST_CUES.contains(&w) || (w.len() >= 5 && w.ends_with("ed") && !NOT_PAST.contains(&w) && self.orig(k).as_bytes()[0].is_ascii_lowercase());
        if past && matches!(before(1), "be" | "being" | "is" | "are") {
            return None;
        }
        past.then_some(Tense::Past)
    }

    fn future(&self, i: usize, end: usize) -> bool {
        self.tense(i, end) == Tense::Future
    }

    fn span(&self, i: usize, j: usize) -> Span {
        Span::new(self.text, self.toks[i].0, self.toks[j - 1].1).expect("token bounds are char boundaries")
    }
}

/// A rule's match: tokens `i..end`, and what they mean.
#[derive(Clone, Debug)]
struct Hit {
    end: usize,
    kind: TimeKind,
    value: Option<String>,
    anchor: Anchor,
    /// The day it resolves to, for later "the next day".
    day: Option<i64>,
    /// Whether the value was computed from an earlier quarter (then it is not itself "the
    /// quarter last mentioned").
    derived: bool,
}

impl Hit {
    fn abs(end: usize, kind: TimeKind, value: String) -> Hit {
        Hit { end, kind, value: Some(value), anchor: Anchor::None, day: None, derived: false }
    }

    fn rel(end: usize, kind: TimeKind, value: Option<String>) -> Hit {
        let anchor = if value.is_some() { Anchor::DocumentDate } else { Anchor::Unresolved };
        Hit { end, kind, value, anchor, day: None, derived: false }
    }

    fn derived(mut self) -> Hit {
        self.derived = true;
        self
    }

    fn with_day(mut self, day: Option<i64>) -> Hit {
        self.day = day;
        self
    }
}

type Rule = fn(&Ctx, usize) -> Option<Hit>;

/// Every rule, tried at every token; the longest match wins (the first on a tie).
const RULES: &[(&str, Rule)] = &[
    ("lexicon", lexicon),
    ("month date", month_date),
    ("day month", day_month),
    ("numeric date", numeric_date),
    ("weekday", weekday_rule),
    ("year", year_rule),
    ("decade", decade),
    ("century", century),
    ("conjoined day", conjoined_day),
    ("season", season),
    ("quarter", quarter),
    ("relative unit", relative_unit),
    ("ago", ago),
    ("duration", duration),
    ("clock", clock),
    ("set", set),
    ("modifier", modified),
    ("weekend of", weekend_of),
    ("holiday", holiday),
    ("bare plural", bare_plural),
    ("unit-long", unit_long),
    ("year-end", year_end),
];

/// Byte equality without a call to `memcmp`: the words compared are a few bytes long.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

// The word tables hash with FNV-1a (`WordHasher`, shared with the taggers): the words are
// short and not chosen by an adversary, and SipHash was a tenth of the annotator's time.
use crate::perceptron::features::WordHasher;

type WordSet = std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<WordHasher>>;

/// Words that can begin a time expression; every other word is skipped without trying the
/// rules (most of the speed of the annotator).
fn starters() -> &'static WordSet {
    static STARTERS: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    STARTERS.get_or_init(|| {
        let first = |p: &'static str| p.split(' ').next().unwrap_or(p);
        let mut set = WordSet::default();
        set.extend(MONTHS.iter().map(|m| m.0));
        set.extend(WEEKDAYS.iter().map(|m| m.0));
        set.extend(UNITS.iter().flat_map(|u| [u.0, u.1]));
        set.extend(NUMBERS.iter().map(|m| m.0));
        set.extend(VAGUE.iter().copied());
        set.extend(ORDINALS.iter().map(|m| m.0));
        set.extend(SEASONS.iter().map(|m| m.0));
        set.extend(LEXICON.iter().map(|m| first(m.0)));
        set.extend(RELATIVE.iter().map(|m| first(m.0)));
        set.extend(MODIFIERS.iter().map(|m| first(m)));
        set.extend(APPROX.iter().map(|m| first(m)));
        set.extend(HOLIDAYS.iter().map(|h| first(h.0)));
        set.extend(["the", "last", "next", "this", "past", "coming", "fiscal", "every", "each", "per", "noon", "midnight", "midday", "half", "couple", "'", "’", "mid", "once", "twice", "thrice"]);
        set.extend(CENTURY_ORDINALS.iter().map(|m| first(m.0)));
        set
    })
}

/// Frequent words that begin time expressions only before a word of `content_words` ("the
/// third quarter", "a week", "about three weeks").
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "last", "next", "some", "about", "more", "less", "than", "over", "up", "to",
    "only", "just", "around", "roughly", "approximately", "nearly", "almost", "at", "least", "early", "late", "mid", "end",
    "beginning", "start", "middle", "rest", "turn", "earlier", "later", "each", "every", "per", "other", "same", "following",
    "previous", "preceding", "prior", "latest", "coming", "corresponding", "comparable", "near", "right", "of", "in", "fiscal",
    "'", "’", "s", "and", "or", "so", "many", "few", "several", "numerous", "couple", "first", "third", "fourth", "new", "short",
    "long", "labor", "memorial", "election", "independence", "boxing", "valentine", "good",
];

/// Every other word of the tables: a time expression that begins with a function word has
/// one of these (or a number) within `CONTENT_AHEAD` tokens of its start.
fn content_words() -> &'static WordSet {
    static CONTENT: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    CONTENT.get_or_init(|| {
        let mut set = WordSet::default();
        let mut add = |p: &'static str| set.extend(p.split([' ', '-']).filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(w)));
        MONTHS.iter().for_each(|m| add(m.0));
        WEEKDAYS.iter().for_each(|m| add(m.0));
        UNITS.iter().for_each(|u| {
            add(u.0);
            add(u.1)
        });
        NUMBERS.iter().for_each(|m| add(m.0));
        VAGUE.iter().for_each(|m| add(m));
        ORDINALS.iter().for_each(|m| add(m.0));
        SEASONS.iter().for_each(|m| add(m.0));
        PARTS_OF_DAY.iter().for_each(|m| add(m.0));
        LEXICON.iter().for_each(|m| add(m.0));
        RELATIVE.iter().for_each(|m| add(m.0));
        MODIFIERS.iter().for_each(|m| add(m));
        APPROX.iter().for_each(|m| add(m));
        HOLIDAYS.iter().for_each(|m| add(m.0));
        CENTURY_ORDINALS.iter().for_each(|m| add(m.0));
        ["noon", "midnight", "midday", "half", "quarter", "quarters", "period", "century", "year", "ago"].into_iter().for_each(&mut add);
        set
    })
}

/// How far after a function word its expression's first content word may be ("the end of the
/// 1990s", "the second half of last year").
const CONTENT_AHEAD: usize = 8;

/// Whether token `i` may begin a time expression (`starters`), and, for a function word,
/// whether a content word follows closely enough to be worth trying the rules.
fn may_start(ctx: &Ctx, i: usize) -> bool {
    ctx.starts.get(i).copied().unwrap_or(false)
}

const STARTER: u8 = 1;
const CONTENT: u8 = 2;

/// `starters` and `content_words` as one table of flags, with the lengths and first bytes
/// its words have: most words of a text are none of them and are turned away without hashing.
struct WordFlags {
    map: std::collections::HashMap<&'static str, u8, std::hash::BuildHasherDefault<WordHasher>>,
    first_bytes: [bool; 256],
    longest: usize,
}

fn word_flags() -> &'static WordFlags {
    static FLAGS: std::sync::OnceLock<WordFlags> = std::sync::OnceLock::new();
    FLAGS.get_or_init(|| {
        let mut map = std::collections::HashMap::default();
        for &w in starters() {
            *map.entry(w).or_insert(0) |= STARTER;
        }
        for &w in content_words() {
            *map.entry(w).or_insert(0) |= CONTENT;
        }
        let mut first_bytes = [false; 256];
        for w in map.keys() {
            first_bytes[w.as_bytes()[0] as usize] = true;
        }
        let longest = map.keys().map(|w| w.len()).max().unwrap_or(0);
        WordFlags { map, first_bytes, longest }
    })
}

/// The `STARTER` and `CONTENT` flags of a lower-cased token.
fn flags_of(w: &str) -> u8 {
    let Some(&first) = w.as_bytes().first() else { return 0 };
    if first.is_ascii_digit() {
        return STARTER | CONTENT;
    }
    let table = word_flags();
    let mut flags = if w.len() <= table.longest && table.first_bytes[first as usize] { table.map.get(w).copied().unwrap_or(0) } else { 0 };
    // "Sundays" (a set) and "Saturday-night": weekday forms the tables do not list.
    if w.len() >= 7 && matches!(first, b'm' | b't' | b'w' | b'f' | b's') {
        if WEEKDAYS.iter().any(|d| w.len() == d.0.len() + 1 && w.starts_with(d.0) && w.ends_with('s')) {
            flags |= CONTENT;
        }
        // ("Sundays", "Mondays" and "Fridays" have seven letters.)
        if WEEKDAYS.iter().any(|d| w.len() > d.0.len() && w.starts_with(d.0)) {
            flags |= STARTER;
        }
    }
    flags
}

/// The tokens that may begin a time expression: a starter that is a content word or a number,
/// or a function word with one within `CONTENT_AHEAD` tokens (`lookahead` false: every
/// starter, as before the filter; the tests check both give the same expressions).
fn starting_tokens(words: &[&str], lookahead: bool) -> Vec<bool> {
    let mut out = vec![false; words.len()];
    // The index of the next content word at or after each token.
    let mut next_content = words.len() + CONTENT_AHEAD + 1;
    for i in (0..words.len()).rev() {
        let flags = flags_of(words[i]);
        let content_here = flags & CONTENT != 0;
        out[i] = flags & STARTER != 0 && (!lookahead || content_here || next_content <= i + CONTENT_AHEAD);
        if content_here {
            next_content = i;
        }
    }
    out
}

fn best(ctx: &Ctx, i: usize, rules: &[(&str, Rule)]) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for (_, rule) in rules {
        if let Some(hit) = rule(ctx, i) {
            if hit.end > i && best.as_ref().is_none_or(|b| hit.end > b.end) {
                best = Some(hit);
            }
        }
    }
    best
}

/// Finds the time expressions of `text`, resolving relative ones against `document_date`.
///
/// ```
/// use corroborate_annotate::times::find_times;
/// use corroborate_ingest::Published;
/// let date = Published::day(2016, 12, 12).unwrap();
/// let text = "IS fighters entered the city on Sunday.";
/// let times = find_times(text, Some(&date));
/// assert_eq!(times[0].span.of(text), "Sunday");
/// assert_eq!(times[0].value.as_deref(), Some("2016-12-11"));
/// ```
pub fn find_times(text: &str, document_date: Option<&Published>) -> Vec<TimeExpr> {
    find_times_with(text, document_date, true)
}

/// `find_times`; with `lookahead` false, the rules are tried at every starter word, not only
/// at those a content word follows (the tests check both agree).
fn find_times_with(text: &str, document_date: Option<&Published>, lookahead: bool) -> Vec<TimeExpr> {
    let dct = document_date.and_then(|p| p.date()).and_then(|d| {
        let y: i64 = d.get(..4)?.parse().ok()?;
        let m: u32 = d.get(5..7)?.parse().ok()?;
        let day: u32 = d.get(8..10)?.parse().ok()?;
        Some(days_from_civil(y, m, day))
    });
    let lower = text.to_ascii_lowercase();
    let mut ctx = Ctx::new(text, &lower, dct, lookahead);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.toks.len() {
        let Some(hit) = may_start(&ctx, i).then(|| best(&ctx, i, RULES)).flatten() else {
            i += 1;
            continue;
        };
        let end = hit.end;
        let span = ctx.span(i, end);
        if let Some(day) = hit.day {
            ctx.prev_day = Some((day, span));
            if hit.kind == TimeKind::Date && i > 0 && matches!(ctx.w(i - 1), "ended" | "ending") {
                ctx.period_end = Some((day, span, i));
            }
        }
        if hit.kind == TimeKind::Date {
            if let Some(v) = &hit.value {
                if hit.anchor == Anchor::None && v.len() >= 4 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
                    ctx.prev_year = v[..4].parse().ok().map(|y| (y, span));
                }
                let b = v.as_bytes();
                if v.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[5].is_ascii_digit() && b[6].is_ascii_digit() {
                    if let (Ok(y), Ok(m)) = (v[..4].parse(), v[5..7].parse()) {
                        ctx.prev_month = Some((y, m, span));
                    }
                }
                let quarter = v.len() == 7 && v.as_bytes()[5] == b'Q';
                if quarter && !hit.derived {
                    ctx.last_quarter = Some(v.clone());
                    if hit.anchor == Anchor::DocumentDate && ctx.dct.is_some_and(|d| *v == last_completed_quarter(d)) {
                        ctx.topic_quarter = Some(v.clone());
                    }
                }
                if quarter {
                    ctx.quarter_in_view = true;
                    ctx.period_in_view = None;
                } else if v.len() == 7 && (v.as_bytes()[5] == b'H' || v.as_bytes()[5].is_ascii_digit()) {
                    // A half, or a month ("sales in September fell from a year earlier"):
                    // another period is in view.
                    ctx.quarter_in_view = false;
                    ctx.period_in_view = None;
                }
            }
        }
        // "the nine months", "the year ended June 30": a longer period is now in view.
        if hit.kind == TimeKind::Duration && hit.value.as_deref().is_some_and(|v| matches!(v, "P6M" | "P9M" | "P12M" | "P1Y")) {
            ctx.quarter_in_view = false;
            ctx.period_in_view = hit.value.clone();
        }
        ctx.prev_day_hit = match &hit.value {
            Some(v) if hit.kind == TimeKind::Date && v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-' => Some((end, v.clone(), hit.anchor)),
            _ => None,
        };
        let precision = hit.value.as_deref().and_then(precision_of);
        let precision = if matches!(hit.kind, TimeKind::Duration | TimeKind::Set) { None } else { precision };
        out.push(TimeExpr { span, kind: hit.kind, value: hit.value, precision, anchor: hit.anchor });
        i = end;
    }
    join_clock_and_day(text, out)
}

/// "4 a.m. on Saturday" and "on Saturday at 4 a.m." are one time: the clock time on that day
/// (the clock alone was resolved against the document date).
fn join_clock_and_day(text: &str, times: Vec<TimeExpr>) -> Vec<TimeExpr> {
    let clock = |t: &TimeExpr| t.kind == TimeKind::Time && t.value.as_deref().and_then(|v| v.split_once('T')).is_some_and(|(_, c)| c.len() == 5 && c.as_bytes()[2] == b':');
    let day = |t: &TimeExpr| t.kind == TimeKind::Date && t.value.as_deref().is_some_and(|v| v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-');
    let mut out: Vec<TimeExpr> = Vec::with_capacity(times.len());
    for t in times {
        if let Some(prev) = out.last() {
            let between = text[prev.span.end()..t.span.start()].trim().to_ascii_lowercase();
            let (clock_first, day_first) = (clock(prev) && day(&t) && matches!(between.as_str(), "on" | "," | "on the"), day(prev) && clock(&t) && matches!(between.as_str(), "at" | "," | "at about" | "at around"));
            if clock_first || day_first {
                let (c, d) = if clock_first { (prev, &t) } else { (&t, prev) };
                let time_of_day = c.value.as_deref().and_then(|v| v.split_once('T')).map(|(_, c)| c.to_string()).unwrap_or_default();
                let joined = TimeExpr {
                    span: Span::new(text, prev.span.start(), t.span.end()).unwrap_or(prev.span),
                    kind: TimeKind::Time,
                    value: d.value.as_ref().map(|v| format!("{v}T{time_of_day}")),
                    precision: Some("minute"),
                    anchor: d.anchor,
                };
                *out.last_mut().expect("a previous time") = joined;
                continue;
            }
        }
        out.push(t);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rules.

fn lexicon(ctx: &Ctx, i: usize) -> Option<Hit> {
    static BY_FIRST_WORD: std::sync::OnceLock<std::collections::HashMap<&'static str, Vec<(&'static str, Lex)>>> = std::sync::OnceLock::new();
    let index = BY_FIRST_WORD.get_or_init(|| {
        let mut map: std::collections::HashMap<&'static str, Vec<(&'static str, Lex)>> = std::collections::HashMap::new();
        for &(p, lex) in LEXICON {
            let first = p.split([' ', '-']).next().unwrap_or(p);
            map.entry(first).or_default().push((p, lex));
        }
        map
    });
    let rows = index.get(ctx.w(i))?;
    let (end, lex) = rows.iter().filter_map(|(p, lex)| ctx.phrase(i, p).map(|e| (e, *lex))).max_by_key(|(e, _)| *e)?;
    Some(match lex {
        // "the people of tomorrow", "in today's world": the present or the future in general.
        Lex::Day(_) if end == i + 1 && generic_day(ctx, i) => return None,
        Lex::Day(n) => {
            let day = ctx.dct.map(|d| d + n);
            Hit::rel(end, TimeKind::Date, day.map(day_value)).with_day(day)
        }
        Lex::Part(n, part) => {
            let day = ctx.dct.map(|d| d + n);
            Hit::rel(end, TimeKind::Time, day.map(|d| format!("{}T{part}", day_value(d)))).with_day(day)
        }
        Lex::FromPrevious(n) => match ctx.prev_day {
            // "Nov. 3, the day before the warrant was issued": in apposition to the date, before
            // an event, it is that date
            Some((d, span)) if matches!(ctx.w(end - 1), "before" | "after") && !clause_ends_at(ctx, end) && ctx.text.get(span.end()..ctx.toks[i].0) == Some(", ") => {
                Hit { end, kind: TimeKind::Date, value: Some(day_value(d)), anchor: Anchor::Previous(span), day: Some(d), derived: false }
            }
            Some((d, span)) => Hit { end, kind: TimeKind::Date, value: Some(day_value(d + n)), anchor: Anchor::Previous(span), day: Some(d + n), derived: false },
            None => Hit::rel(end, TimeKind::Date, None),
        },
        // "Temperatures will drop overnight": in a clause ahead, the coming night, tonight.
        Lex::Overnight if ctx.future(i, end) => Hit::rel(end, TimeKind::Time, ctx.dct.map(|d| format!("{}TNI", day_value(d)))),
        Lex::Overnight => match (ctx.prev_day, ctx.dct) {
            (Some((d, span)), _) => Hit { end, kind: TimeKind::Time, value: Some(format!("{}TNI", day_value(d - 1))), anchor: Anchor::Previous(span), day: None, derived: false },
            (None, dct) => Hit::rel(end, TimeKind::Time, dct.map(|d| format!("{}TNI", day_value(d - 1)))),
        },
        // "placed buy orders in the morning": the part of the day in view, only after "in",
        // "during" or "throughout" and not as a modifier ("the evening news") or before "of"
        // ("the morning of Oct. 24": the day is its own expression).
        Lex::PartOfPrevious(_) if ctx.w(i) == "the" && (i == 0 || !matches!(ctx.w(i - 1), "in" | "during" | "throughout") || !clause_ends_at(ctx, end) && !matches!(ctx.w(end), "to" | "and" | "before" | "after" | "when" | "as" | "while" | "with" | "at" | "on" | "in")) => return None,
        Lex::PartOfPrevious(part) => match (ctx.prev_day, ctx.dct) {
            (Some((d, span)), _) => Hit { end, kind: TimeKind::Time, value: Some(format!("{}T{part}", day_value(d))), anchor: Anchor::Previous(span), day: Some(d), derived: false },
            (None, dct) => Hit::rel(end, TimeKind::Time, dct.map(|d| format!("{}T{part}", day_value(d)))).with_day(dct),
        },
        // "the night before the vote": "before" is a preposition.
        Lex::PartFromPrevious(..) if matches!(ctx.w(end - 1), "before" | "after") && !clause_ends_at(ctx, end) => return None,
        Lex::PartFromPrevious(n, part) => match ctx.prev_day {
            Some((d, span)) => Hit { end, kind: TimeKind::Time, value: Some(format!("{}T{part}", day_value(d + n))), anchor: Anchor::Previous(span), day: Some(d + n), derived: false },
            None => Hit::rel(end, TimeKind::Time, None),
        },
        Lex::PreviousMonth(or_document) => match ctx.prev_month {
            Some((y, m, span)) => Hit { end, kind: TimeKind::Date, value: Some(format!("{y:04}-{m:02}")), anchor: Anchor::Previous(span), day: None, derived: true },
            None if or_document => Hit::rel(end, TimeKind::Date, ctx.dct.map(|d| day_value(d)[..7].to_string())),
            None => Hit::rel(end, TimeKind::Date, None),
        },
        Lex::PreviousWeek(or_document) => match ctx.prev_day {
            Some((d, span)) => Hit { end, kind: TimeKind::Date, value: Some(week_value(d)), anchor: Anchor::Previous(span), day: None, derived: true },
            None if or_document => Hit::rel(end, TimeKind::Date, ctx.dct.map(week_value)),
            None => Hit::rel(end, TimeKind::Date, None),
        },
        Lex::Weekend(n) => {
            // On a weekday, "the weekend" of a past-tense report is the one just gone.
            let back = |d: i64| n == 0 && weekday(d) <= 5 && !ctx.future(i, end);
            Hit::rel(end, TimeKind::Date, ctx.dct.map(|d| format!("{}-WE", week_value(d + 7 * n - if back(d) { 7 } else { 0 }))))
        }
        // "Now, he says, …": a sentence that opens on "Now" uses it as a discourse marker.
        Lex::Ref(_) if end == i + 1 && ctx.w(i) == "now" && ctx.capitalised(i) && ctx.sentence_initial(i) => return None,
        // "the future of our peoples", "the future of the company": its prospects, not a time.
        Lex::Ref("FUTURE_REF") if ctx.w(i) == "the" && ctx.w(end - 1) == "future" && ctx.w(end) == "of" => return None,
        Lex::Ref(r) => {
            Hit::abs(end, TimeKind::Date, r.to_string())
        }
        // "the party daily Granma", "the weekly Der Spiegel": a newspaper, not a set.
        Lex::Set(_) if ctx.capitalised(end) && ctx.w(end).len() > 1 && !ctx.line_break_after(end - 1) => return None,
        // "to rise 8.5% annually", "10,000 units annually": after a quantity, a rate, as "a
        // year" is after one ("twice daily" is a frequency: a set).
        Lex::Set(_) if i > 0 && quantity_before(ctx, i - 1) => return None,
        Lex::Set(v) => Hit::abs(end, TimeKind::Set, v.to_string()),
        // "the quarter-to-quarter comparison"
        Lex::TopicQuarter if ctx.w(end) == "-" && ctx.touching(end - 1) => return None,
        Lex::LastQuarter | Lex::TopicQuarter => Hit::rel(
            end,
            TimeKind::Date,
            ctx.dct.map(|d| {
                let topic = if matches!(lex, Lex::TopicQuarter) { ctx.topic_quarter.clone() } else { None };
                topic.or_else(|| ctx.last_quarter.clone()).unwrap_or_else(|| last_completed_quarter(d))
            }),
        )
        .derived(),
        // "the year ended Sept. 30": a twelve-month period, not a calendar year.
        Lex::Year(_) if matches!(ctx.w(end), "ended" | "ending" | "to") => Hit::abs(end, TimeKind::Duration, "P1Y".into()),
        // "the year 2000", "the year two thousand"
        Lex::Year(_) if ctx.w(i + 1) == "year" && (ctx.year(end).is_some() || ctx.spelled_year(end).is_some()) => {
            let (y, e) = ctx.year(end).map(|y| (y, end + 1)).or_else(|| ctx.spelled_year(end))?;
            Hit::abs(e, TimeKind::Date, format!("{y:04}"))
        }
        Lex::Year(n) => Hit::rel(end, TimeKind::Date, ctx.dct.map(|d| format!("{:04}", civil_from_days(d).0 + n))),
        Lex::YearAgoQuarter => match year_before_quarter(ctx, 1) {
            Some(v) => Hit::rel(end, TimeKind::Date, Some(v)).derived(),
            // "the year-ago quarter" with no quarter in view: the one a report is about.
            None if ctx.w(end - 1) == "quarter" => Hit::rel(
                end,
                TimeKind::Date,
                ctx.dct.map(|d| {
                    let v = ctx.topic_quarter.clone().or_else(|| ctx.last_quarter.clone()).unwrap_or_else(|| last_completed_quarter(d));
                    let y: i64 = v[..4].parse().unwrap_or(0);
                    format!("{:04}{}", y - 1, &v[4..])
                }),
            )
            .derived(),
            // "For the nine months … in the year-earlier period": that period, by its length.
            None if ctx.w(end - 1) == "period" && ctx.period_in_view.is_some() => Hit::abs(end, TimeKind::Duration, ctx.period_in_view.clone()?),
            None => Hit::rel(end, TimeKind::Date, ctx.dct.map(|d| format!("{:04}", civil_from_days(d).0 - 1))),
        },
    })
}

/// Nouns that "today's" makes general, not dated ("today's youth", "today's personal
/// computers"), unlike "today's meeting".
const GENERIC_NOUNS: &[&str] = &[
    "world", "society", "youth", "generation", "generations", "children", "kids", "teenagers", "students", "computers",
    "technology", "standards", "culture", "consumers", "families", "women", "men", "people", "workers", "workplace", "schools",
];

/// Whether "today" or "tomorrow" at `i` is the present or the future in general: after "of"
/// ("the leaders of tomorrow"; not "as of today"), or "today's" before one of `GENERIC_NOUNS`
/// (an adjective may come between).
fn generic_day(ctx: &Ctx, i: usize) -> bool {
    if !matches!(ctx.w(i), "today" | "tomorrow") {
        return false;
    }
    if i >= 2 && ctx.w(i - 1) == "of" && ctx.w(i - 2) != "as" && !matches!(ctx.w(i + 1), "'" | "’") {
        return true;
    }
    matches!(ctx.w(i + 1), "'" | "’") && ctx.w(i + 2) == "s" && (GENERIC_NOUNS.contains(&ctx.w(i + 3)) || GENERIC_NOUNS.contains(&ctx.w(i + 4)))
}

/// The last quarter completed before a day ("1989-Q3" on 1989-10-27).
fn last_completed_quarter(day: i64) -> String {
    let (y, m, _) = civil_from_days(day);
    let (y, m) = add_months(y, m, -3);
    format!("{y:04}-Q{}", quarter_of(m))
}

/// The quarter in view (`topic_quarter`, else the last mentioned), `years` before; needs the
/// document date (the quarter itself was resolved against it).
fn year_before_quarter(ctx: &Ctx, years: i64) -> Option<String> {
    ctx.dct?;
    if !ctx.quarter_in_view {
        return None;
    }
    let v = ctx.topic_quarter.as_deref().or(ctx.last_quarter.as_deref())?;
    let y: i64 = v.get(..4)?.parse().ok()?;
    Some(format!("{:04}{}", y - years, &v[4..]))
}

/// The year for a month (and day; 0 for none) stated without one.
fn infer_year(ctx: &Ctx, i: usize, end: usize, m: u32, d: u32) -> Option<i64> {
    let dct = ctx.dct?;
    let (y, dm, _) = civil_from_days(dct);
    // A month alone (`d` 0) is compared by month, a day by day with a week's slack for a late
    // or early document date.
    let month_only = d == 0;
    let candidate = days_from_civil(y, m, if month_only { 15 } else { d.min(days_in_month(y, m)) });
    // A month is before by its number; a day when a month before (a future-tense clause
    // around "the Aug. 7 blasts" of a mid-August paper is more likely the tense of another verb).
    let before = if month_only { m < dm } else { candidate < dct - 31 };
    // "by February", "through January" in an October paper: a deadline or the end of a
    // period, so the one ahead, whatever the tense ("has extended loans through January"),
    // when this year's is long gone (more than 200 days: "sales through January" in a June
    // paper are this year's).
    let prev = if i > 0 { ctx.w(i - 1) } else { "" };
    if matches!(prev, "by" | "until" | "till" | "through") && candidate < dct - 200 {
        return Some(y + 1);
    }
    // "the quarter ended Oct. 31", "the strike ended on Oct. 31": a period or event that ended
    // on the day is over, so a day still ahead this year is last year's.
    let ended = prev == "ended" || (prev == "on" && i > 1 && ctx.w(i - 2) == "ended");
    if ended && !month_only && candidate > dct {
        return Some(y - 1);
    }
    // "Iran has until June to respond": a deadline, ahead unless its clause is past (as a
    // weekday's), so not moved back a year ("stayed until June" may be).
    if matches!(prev, "by" | "until" | "till") && candidate > dct && ctx.tense(i, end) != Tense::Past {
        return Some(y);
    }
    // A clause in the future does not speak of an earlier day of this year. One in the past
    // may ("decided he should go home by Jan. 14", "was extended to Nov. 16"): past or
    // unknown, only a day more than two months ahead is last year's (a month alone in a
    // past-tense clause was tried too: "decided to admit them in early March" made it worse;
    // so was one two or more months ahead only: no better on held-out text).
    // A clause of no marked tense shares the frame of a day ahead named earlier in its
    // sentence ("flights would leave from March 30, with the third from August 6").
    let tense = ctx.tense(i, end);
    let after_day_ahead = || {
        ctx.prev_day.is_some_and(|(d, span)| {
            if d <= dct {
                return false;
            }
            // No sentence boundary between that day and this one.
            let mut k = i;
            while k > 0 && ctx.toks[k - 1].0 >= span.end() {
                k -= 1;
                if ctx.sentence_end(k) || ctx.line_break_after(k) {
                    return false;
                }
            }
            true
        })
    };
    Some(match tense {
        Tense::Future if before && ctx.phrase(end, "this year").is_none() => y + 1,
        Tense::Future => y,
        Tense::Unknown if candidate > dct + 61 && after_day_ahead() => y,
        _ if candidate > dct + 61 => y - 1,
        _ => y,
    })
}

/// A year after a month or day: ", 2016", " 2016", "'16"; or "this/last/next year".
fn trailing_year(ctx: &Ctx, j: usize) -> Option<(Year, usize)> {
    let k = if ctx.w(j) == "," { j + 1 } else { j };
    if let Some(y) = ctx.year(k) {
        return Some((Year::Stated(y), k + 1));
    }
    let k = if ctx.w(j) == "of" { j + 1 } else { j };
    for (p, off) in [("this year", 0), ("last year", -1), ("next year", 1)] {
        if let Some(e) = ctx.phrase(k, p) {
            return Some((Year::Relative(off), e));
        }
    }
    None
}

enum Year {
    Stated(i64),
    Relative(i64),
}

fn resolve_year(ctx: &Ctx, year: Option<Year>, i: usize, end: usize, m: u32, d: u32) -> (Option<i64>, Anchor) {
    match year {
        Some(Year::Stated(y)) => (Some(y), Anchor::None),
        Some(Year::Relative(off)) => match ctx.dct {
            Some(dct) => (Some(civil_from_days(dct).0 + off), Anchor::DocumentDate),
            None => (None, Anchor::Unresolved),
        },
        None => match infer_year(ctx, i, end, m, d) {
            Some(y) => (Some(y), Anchor::DocumentDate),
            None => (None, Anchor::Unresolved),
        },
    }
}

fn ymd(y: Option<i64>, m: u32, d: u32) -> String {
    match y {
        Some(y) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("XXXX-{m:02}-{d:02}"),
    }
}

/// "Dec. 11", "December 11, 2016", "Dec. 10–11", "Dec. 10 to 11", "December 2016", "December".
fn month_date(ctx: &Ctx, i: usize) -> Option<Hit> {
    // "this September", "last February", "next March": the year is fixed by the word.
    if let (Some(off), Some((m, j))) = (
        match ctx.w(i) {
            "this" => Some(0),
            "last" => Some(-1),
            "next" => Some(1),
            _ => None,
        },
        ctx.month(i + 1),
    ) {
        if ctx.day_after_month(j).is_none() {
            // "last June" is the most recent June before the document's month, "next March"
            // the first one after it.
            let value = ctx.dct.map(|d| {
                let (y, dm, _) = civil_from_days(d);
                // The month just before the document's own is "last month", so "last
                // February" in a March paper is the February of the year before.
                let y = match off {
                    -1 if m + 1 < dm => y,
                    -1 => y - 1,
                    1 if m > dm => y,
                    1 => y + 1,
                    _ => y,
                };
                format!("{y:04}-{m:02}")
            });
            return Some(Hit::rel(j, TimeKind::Date, value));
        }
    }
    let (m, j) = ctx.month(i)?;
    if let Some((d, mut k)) = ctx.day_after_month(j) {
        if d > days_in_month(2000, m) {
            return None;
        }
        // A range of days.
        let mut d2 = None;
        if matches!(ctx.w(k), "-" | "–" | "—" | "to" | "through") {
            if let Some((e, k2)) = ctx.day_of_month(k + 1) {
                if e > d && e <= days_in_month(2000, m) && ctx.month(k + 1).is_none() {
                    d2 = Some(e);
                    k = k2;
                }
            }
        }
        let year = trailing_year(ctx, k);
        let end = year.as_ref().map_or(k, |(_, e)| *e);
        let (y, anchor) = resolve_year(ctx, year.map(|(y, _)| y), i, end, m, d);
        let y = y.filter(|&y| d <= days_in_month(y, m));
        if d2.is_none() && y.is_none() && anchor == Anchor::None {
            return None; // Feb. 29 of a year without it
        }
        let value = match d2 {
            Some(e) => format!("{}/{}", ymd(y, m, d), ymd(y, m, e)),
            None => ymd(y, m, d),
        };
        let day = y.map(|y| days_from_civil(y, m, d2.unwrap_or(d)));
        let anchor = if y.is_none() { Anchor::Unresolved } else { anchor };
        return Some(Hit { end, kind: TimeKind::Date, value: Some(value), anchor, day, derived: false });
    }
    // Month and year, or the month alone.
    if let Some((year, end)) = trailing_year(ctx, j) {
        let (y, anchor) = resolve_year(ctx, Some(year), i, end, m, 1);
        let value = match y {
            Some(y) => format!("{y:04}-{m:02}"),
            None => format!("XXXX-{m:02}"),
        };
        return Some(Hit { end, kind: TimeKind::Date, value: Some(value), anchor, day: None, derived: false });
    }
    let w = ctx.w(i);
    let prev = if i > 0 { ctx.w(i - 1) } else { "" };
    let context = matches!(prev, "in" | "since" | "until" | "till" | "by" | "of" | "early" | "late" | "mid" | "from" | "through" | "during" | "last" | "next" | "this" | "-" | "and" | "before" | "after");
    let abbreviation = w.len() <= 4 && !matches!(w, "june" | "july" | "may");
    if (w == "may" || w == "march" || abbreviation) && !context {
        return None;
    }
    if abbreviation && j == i + 1 {
        return None; // "Jan" without its period, alone
    }
    let (y, anchor) = resolve_year(ctx, None, i, j, m, 0);
    let value = match y {
        Some(y) => {
            // "last December", "next March": the closest such month before / after.
            let y = match (prev, ctx.dct.map(civil_from_days)) {
                ("last", Some((dy, dm, _))) => if m + 1 < dm { dy } else { dy - 1 },
                ("next", Some((dy, dm, _))) => if m > dm { dy } else { dy + 1 },
                _ => y,
            };
            format!("{y:04}-{m:02}")
        }
        None => format!("XXXX-{m:02}"),
    };
    Some(Hit { end: j, kind: TimeKind::Date, value: Some(value), anchor, day: None, derived: false })
}

/// "19th October 2016", "10 December", "the 10th of December".
fn day_month(ctx: &Ctx, i: usize) -> Option<Hit> {
    let (d, j) = ctx.day_of_month(i)?;
    let j = if ctx.w(j) == "of" { j + 1 } else { j };
    let (m, k) = ctx.month(j)?;
    if d > days_in_month(2000, m) {
        return None;
    }
    let year = trailing_year(ctx, k);
    let end = year.as_ref().map_or(k, |(_, e)| *e);
    let (y, anchor) = resolve_year(ctx, year.map(|(y, _)| y), i, end, m, d);
    let y = y.filter(|&y| d <= days_in_month(y, m));
    let anchor = if y.is_none() { Anchor::Unresolved } else { anchor };
    Some(Hit { end, kind: TimeKind::Date, value: Some(ymd(y, m, d)), anchor, day: y.map(|y| days_from_civil(y, m, d)), derived: false })
}

/// "2016-12-11", "12/11/2016", "12/11/16" (US order).
fn numeric_date(ctx: &Ctx, i: usize) -> Option<Hit> {
    let touching3 = |i: usize| (i..i + 4).all(|k| ctx.touching(k));
    if let (Some(y), "-", Some(m), "-", Some(d)) = (ctx.year(i), ctx.w(i + 1), ctx.digits(i + 2), ctx.w(i + 3), ctx.digits(i + 4)) {
        if touching3(i) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) {
            return Some(Hit::abs(i + 5, TimeKind::Date, ymd(Some(y), m, d)).with_day(Some(days_from_civil(y, m, d))));
        }
    }
    if let (Some(m), "/", Some(d), "/", Some(yy)) = (ctx.digits(i), ctx.w(i + 1), ctx.digits(i + 2), ctx.w(i + 3), ctx.digits(i + 4)) {
        let ylen = ctx.w(i + 4).len();
        if touching3(i) && (ylen == 2 || ylen == 4) {
            let y = if ylen == 4 { yy as i64 } else if yy < 50 { 2000 + yy as i64 } else { 1900 + yy as i64 };
            if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) {
                return Some(Hit::abs(i + 5, TimeKind::Date, ymd(Some(y), m, d)).with_day(Some(days_from_civil(y, m, d))));
            }
        }
    }
    None
}

/// "Sunday", "last Sunday", "Sunday morning", "Sunday, Dec. 11", "Sundays" (a set).
fn weekday_rule(ctx: &Ctx, i: usize) -> Option<Hit> {
    // "the previous Friday", "the following Monday": counted from the last resolved day.
    if let Some(j) = ["the previous", "the preceding", "the following"].iter().find_map(|p| ctx.phrase(i, p)) {
        let &(_, wd) = WEEKDAYS.iter().find(|(name, _)| *name == ctx.w(j) && ctx.capitalised(j))?;
        let back = ctx.w(i + 1) != "following";
        let (base, anchor) = match (ctx.prev_day, ctx.dct) {
            (Some((d, span)), _) => (Some(d), Anchor::Previous(span)),
            (None, Some(d)) => (Some(d), Anchor::DocumentDate),
            (None, None) => (None, Anchor::Unresolved),
        };
        let day = base.map(|b| {
            let gap = if back { (weekday(b) as i64 - wd as i64).rem_euclid(7) } else { (wd as i64 - weekday(b) as i64).rem_euclid(7) };
            let gap = if gap == 0 { 7 } else { gap };
            if back { b - gap } else { b + gap }
        });
        let value = Some(day.map_or(format!("XXXX-WXX-{wd}"), day_value));
        return Some(Hit { end: j + 1, kind: TimeKind::Date, value, anchor, day, derived: false });
    }
    let (dir, j) = match ctx.w(i) {
        "last" | "past" => (-1, i + 1),
        "next" | "coming" => (1, i + 1),
        "this" => (0, i + 1),
        _ => (2, i),
    };
    let w = ctx.w(j);
    if !ctx.capitalised(j) {
        return None;
    }
    if let Some(&(_, wd)) = WEEKDAYS.iter().find(|(name, _)| w.len() == name.len() + 1 && w.starts_with(name) && w.ends_with('s')) {
        return Some(Hit::abs(j + 1, TimeKind::Set, format!("XXXX-WXX-{wd}")));
    }
    let &(_, wd) = WEEKDAYS.iter().find(|(name, _)| *name == w)?;
    // "The Sunday Times", "the Mail on Sunday": a newspaper.
    if (ctx.capitalised(j + 1) && NEWSPAPER_WORDS.contains(&ctx.w(j + 1))) || (j >= 2 && ctx.w(j - 1) == "on" && ctx.w(j - 2) == "mail" && ctx.capitalised(j - 2)) {
        return None;
    }
    // "Tuesday nights", "Sunday mornings": a set.
    let plural_part = |k: usize| PARTS_OF_DAY.iter().find(|(p, _)| ctx.w(k).strip_suffix('s') == Some(*p)).map(|&(_, code)| code);
    if let Some(code) = plural_part(j + 1) {
        return Some(Hit::abs(j + 2, TimeKind::Set, format!("XXXX-WXX-{wd}T{code}")));
    }
    // "on Monday and Tuesday nights": the plural part of day is shared, so both are sets.
    if matches!(ctx.w(j + 1), "and" | "or") && ctx.capitalised(j + 2) && WEEKDAYS.iter().any(|(name, _)| *name == ctx.w(j + 2)) {
        if let Some(code) = plural_part(j + 3) {
            return Some(Hit::abs(j + 1, TimeKind::Set, format!("XXXX-WXX-{wd}T{code}")));
        }
    }
    let mut k = j + 1;
    // "Sunday, Dec. 11": the stated date wins.
    let after_comma = if ctx.w(k) == "," { k + 1 } else { k };
    if let Some(hit) = month_date(ctx, after_comma).or_else(|| day_month(ctx, after_comma)) {
        if hit.value.as_deref().is_some_and(|v| v.len() == 10) {
            return Some(hit);
        }
    }
    let part = PARTS_OF_DAY.iter().find(|(p, _)| *p == ctx.w(k)).map(|(_, code)| *code);
    if part.is_some() {
        k += 1;
    }
    let possessive = matches!(ctx.w(k), "'" | "’") && ctx.w(k + 1) == "s" && ctx.touching(k - 1);
    let day = ctx.dct.map(|dct| {
        let wd_dct = weekday(dct) as i64;
        let back = (wd_dct - wd as i64).rem_euclid(7);
        let fwd = (wd as i64 - wd_dct).rem_euclid(7);
        match dir {
            -1 => dct - if back == 0 { 7 } else { back },
            1 => dct + if fwd == 0 { 7 } else { fwd },
            0 => dct - (wd_dct - 1) + wd as i64 - 1, // "this Friday": the Friday of this week
            // "get around Wednesday's ruling": a possessive weekday names an event of its own,
            // which the tense of the clause around it does not date; it is ahead only when its
            // own verb is future ("Sunday's vote will decide") or it is awaited ("ahead of",
            // "until Sunday's vote"; not "before": "its share before Friday's purchases").
            _ if possessive => {
                let awaited = (i >= 2 && ctx.w(i - 2) == "ahead" && ctx.w(i - 1) == "of") || (i >= 1 && matches!(ctx.w(i - 1), "until" | "upcoming"));
                if awaited || ctx.tense_ahead(k + 2) == Tense::Future { dct + fwd } else { dct - back }
            }
            _ if ctx.future(i, k) || deadline(ctx, i) => dct + fwd,
            _ => dct - back,
        }
    });
    let (kind, value) = match (day, part) {
        (Some(d), Some(p)) => (TimeKind::Time, Some(format!("{}T{p}", day_value(d)))),
        (Some(d), None) => (TimeKind::Date, Some(day_value(d))),
        (None, Some(p)) => (TimeKind::Time, Some(format!("XXXX-WXX-{wd}T{p}"))),
        (None, None) => (TimeKind::Date, Some(format!("XXXX-WXX-{wd}"))),
    };
    let anchor = if day.is_some() { Anchor::DocumentDate } else { Anchor::Unresolved };
    Some(Hit { end: k, kind, value, anchor, day, derived: false })
}

/// Capitalised words that make a weekday before them part of a newspaper's name ("The Sunday
/// Times", "the Sunday Telegraph").
const NEWSPAPER_WORDS: &[&str] = &["times", "telegraph", "express", "mirror", "herald", "post", "tribune", "star", "independent", "observer", "mail", "sport", "people"];

/// Plural nouns that a year qualifies rather than counts ("1990 earnings").
const YEAR_NOUNS: &[&str] = &["earnings", "results", "sales", "profits", "revenues", "elections", "figures", "levels", "losses", "budgets", "forecasts", "estimates", "games", "olympics"];

/// Whether the expression at `i` is a deadline ahead: after "until", "by" or "till", in a
/// clause whose tense is not past ("has given them until Tuesday").
fn deadline(ctx: &Ctx, i: usize) -> bool {
    i > 0 && matches!(ctx.w(i - 1), "until" | "by" | "till") && ctx.tense(i, i + 1) != Tense::Past
}

/// Whether a number is used as a year here (not "2000 troops", "$1990", "1998 %").
fn year_context(ctx: &Ctx, i: usize) -> bool {
    let prev = if i > 0 { ctx.w(i - 1) } else { "" };
    let next = ctx.w(i + 1);
    if matches!(prev, "$" | "£" | "€" | "#" | "no" | "number") || (prev == "," && i >= 2 && ctx.digits(i - 2).is_some() && ctx.touching(i - 2) && ctx.touching(i - 1)) {
        return false;
    }
    // "1,462" and "1462.93" are numbers; "1994, 1995" is a list of years.
    if matches!(next, "," | ".") && ctx.touching(i) && ctx.touching(i + 1) && ctx.digits(i + 2).is_some() {
        return false;
    }
    if matches!(next, "%" | "percent" | "per") {
        return false;
    }
    if matches!(prev, "in" | "since" | "of" | "until" | "by" | "from" | "to" | "during" | "early" | "late" | "mid" | "before" | "after" | "fiscal" | "through" | "and" | "year" | "-" | "for" | "between" | "the") {
        return true;
    }
    // A following plural noun means a count ("2000 troops"), but for what a year has ("1990
    // earnings", "1988 elections").
    let nextorig = ctx.orig(i + 1);
    !(next.len() > 3 && next.ends_with('s') && nextorig.chars().all(|c| c.is_ascii_lowercase()) && !matches!(next, "was" | "this" | "has" | "its" | "is" | "as") && !YEAR_NOUNS.contains(&next))
}

/// "2015", "fiscal 1998" (`FY1998`), "fiscal year 1998".
fn year_rule(ctx: &Ctx, i: usize) -> Option<Hit> {
    if let Some(j) = ctx.phrase(i, "fiscal year").or_else(|| ctx.phrase(i, "fiscal")) {
        let y = ctx.year(j)?;
        return Some(Hit::abs(j + 1, TimeKind::Date, format!("{y:04}")));
    }
    // "in nineteen seventy-nine", "the year two thousand": only after a word that takes a year.
    if let Some((y, e)) = ctx.spelled_year(i) {
        let prev = if i > 0 { ctx.w(i - 1) } else { "" };
        let after_the_year = prev == "year" && i >= 2 && ctx.w(i - 2) == "the";
        if after_the_year || matches!(prev, "in" | "since" | "of" | "until" | "by" | "from" | "during" | "before" | "after" | "early" | "late" | "mid" | "through") {
            return Some(Hit::abs(e, TimeKind::Date, format!("{y:04}")));
        }
    }
    let y = ctx.year(i)?;
    if !year_context(ctx, i) {
        return None;
    }
    Some(Hit::abs(i + 1, TimeKind::Date, format!("{y:04}")))
}

/// Ordinal centuries in words ("the nineteenth century").
const CENTURY_ORDINALS: &[(&str, u32)] = &[
    ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13), ("fourteenth", 14), ("fifteenth", 15), ("sixteenth", 16),
    ("seventeenth", 17), ("eighteenth", 18), ("nineteenth", 19), ("twentieth", 20), ("twenty-first", 21),
];

/// "the 11th century" (`10`), "the nineteenth century" (`18`), "the 1800s" (`18`): TIMEX3
/// writes a century by its first two digits.
fn century(ctx: &Ctx, i: usize) -> Option<Hit> {
    let j = if ctx.w(i) == "the" { i + 1 } else { i };
    let w = ctx.w(j);
    // "the 1800s"; "the 2000s" is a decade.
    if w.len() == 5 && w.ends_with('s') && w[..4].bytes().all(|b| b.is_ascii_digit()) && &w[2..4] == "00" && &w[..2] < "20" {
        return Some(Hit::abs(j + 1, TimeKind::Date, w[..2].to_string()));
    }
    let (n, k) = match ctx.day_of_month(j) {
        Some((n, k)) if w.len() > 2 => (n, k), // "11th", not "11"
        _ => CENTURY_ORDINALS.iter().filter_map(|&(p, n)| ctx.phrase(j, p).map(|e| (n, e))).max_by_key(|(_, e)| *e)?,
    };
    if ctx.w(k) != "century" || !(1..=30).contains(&n) {
        return None;
    }
    Some(Hit::abs(k + 1, TimeKind::Date, format!("{:02}", n - 1)))
}

/// "the 1990s", "1990s", "'90s" (`199`).
fn decade(ctx: &Ctx, i: usize) -> Option<Hit> {
    let j = if ctx.w(i) == "the" { i + 1 } else { i };
    let w = ctx.w(j);
    if w.len() == 5 && w.ends_with('s') && w[..4].bytes().all(|b| b.is_ascii_digit()) && w.as_bytes()[3] == b'0' {
        if &w[2..4] == "00" && &w[..2] < "20" {
            return None; // "the 1800s": a century
        }
        return Some(Hit::abs(j + 1, TimeKind::Date, w[..3].to_string()));
    }
    if matches!(w, "'" | "’") && ctx.touching(j) {
        let d = ctx.w(j + 1);
        if d.len() == 3 && d.ends_with('s') && d.as_bytes()[1] == b'0' && d.as_bytes()[0].is_ascii_digit() {
            let century = if d.as_bytes()[0] <= b'2' { "20" } else { "19" };
            return Some(Hit::abs(j + 2, TimeKind::Date, format!("{century}{}", &d[..1])));
        }
    }
    None
}

/// "summer", "the summer of 2016", "last winter", "spring 2016".
fn season(ctx: &Ctx, i: usize) -> Option<Hit> {
    let (off, j) = match ctx.w(i) {
        "this" if ctx.w(i + 1) == "past" => (Some(-1), i + 2),
        "this" | "the" => (Some(0), i + 1),
        "last" | "past" => (Some(-1), i + 1),
        "next" | "coming" => (Some(1), i + 1),
        _ => (None, i),
    };
    let &(word, code, first, last) = SEASONS.iter().find(|(w, ..)| *w == ctx.w(j))?;
    let mut k = j + 1;
    let stated = if ctx.w(k) == "of" && ctx.year(k + 1).is_some() {
        k += 2;
        ctx.year(k - 1)
    } else if let Some((y, e)) = (ctx.w(k) == "of").then(|| ctx.spelled_year(k + 1)).flatten() {
        k = e;
        Some(y)
    } else if let Some(y) = ctx.year(k) {
        k += 1;
        Some(y)
    } else {
        None
    };
    // "the fall of the city" is an event, not a season: "fall" and "spring" need a year or
    // "this/last/next".
    if stated.is_none() && matches!(word, "fall" | "spring") && !matches!(ctx.w(i), "this" | "last" | "next" | "past" | "coming") {
        return None;
    }
    if let Some(y) = stated {
        return Some(Hit::abs(k, TimeKind::Date, format!("{y:04}-{code}")));
    }
    let value = ctx.dct.map(|dct| {
        let (y, m, _) = civil_from_days(dct);
        // January and February belong to last year's winter (and to no other season's year).
        let m = m as i64 + if m <= 2 && code == "WI" { 12 } else { 0 };
        let y = if m > 12 { y - 1 } else { y };
        let y = match off.unwrap_or(0) {
            -1 if m > last as i64 => y,
            -1 => y - 1,
            1 if m < first as i64 => y,
            1 => y + 1,
            _ => y,
        };
        format!("{y:04}-{code}")
    });
    Some(Hit::rel(k, TimeKind::Date, value))
}

/// "the third quarter", "third-quarter", "the first half of 2016", "the quarter", "last quarter".
fn quarter(ctx: &Ctx, i: usize) -> Option<Hit> {
    let j = if ctx.w(i) == "the" { i + 1 } else { i };
    // "the fiscal first quarter"
    let j = if j > i && ctx.w(j) == "fiscal" { j + 1 } else { j };
    // "the comparable 1988 period", "the same 1988 quarter"
    let j = if j > i && matches!(ctx.w(j), "comparable" | "same" | "corresponding") && ctx.year(j + 1).is_some() { j + 1 } else { j };
    // "the September quarter": the quarter that month ends or falls in.
    if j > i {
        if let Some((m, k)) = ctx.month(j).filter(|&(_, k)| ctx.w(k) == "quarter") {
            let (y, anchor) = resolve_year(ctx, None, j, k, m, 0);
            let value = y.map(|y| format!("{y:04}-Q{}", quarter_of(m)));
            return Some(Hit { end: k + 1, kind: TimeKind::Date, value, anchor, day: None, derived: false });
        }
    }
    // "the 1988 third quarter", "the year-ago third quarter", "next year's first quarter"
    let (stated_before, j) = match ctx.year(j) {
        Some(y) if j > i => (Some(y), j + 1),
        // "1988's fourth quarter"
        Some(y) if ctx.phrase(j + 1, "' s").is_some() && ORDINALS.iter().any(|(w, _)| *w == ctx.w(j + 3)) => (Some(y), j + 3),
        _ => {
            let relative = [("year-ago", -1), ("year-earlier", -1), ("last year ' s", -1), ("next year ' s", 1), ("this year ' s", 0)]
                .iter()
                .find_map(|(p, off)| ctx.phrase(j, p).map(|e| (*off, e)));
            match relative {
                Some((off, e)) if ORDINALS.iter().any(|(w, _)| *w == ctx.w(e)) => match ctx.dct {
                    Some(d) => (Some(civil_from_days(d).0 + off), e),
                    None => return None,
                },
                _ => (None, j),
            }
        }
    };
    // "the 1988 quarter", "the 1989 period": the quarter the text is about, in that year.
    if let (Some(y), "quarter" | "period") = (stated_before, ctx.w(j)) {
        let q = ctx.topic_quarter.as_deref().or(ctx.last_quarter.as_deref()).and_then(|v| v.get(4..)).unwrap_or("");
        return Some(Hit::abs(j + 1, TimeKind::Date, format!("{y:04}{q}")).derived());
    }
    // "the last half of 1989", "the final quarter of 1998": the last one of that year.
    let last_of_year = j > i && matches!(ctx.w(j), "last" | "latter" | "final") && ctx.w(j + 2) == "of" && ctx.year(j + 3).is_some();
    if let Some(n) = ORDINALS.iter().find(|(w, _)| *w == ctx.w(j)).map(|&(_, n)| n).or(last_of_year.then_some(0)) {
        let mut k = j + 1;
        if ctx.w(k) == "-" && ctx.touching(j) {
            // "the third-quarter results": the article is the noun's.
            if j == i + 1 {
                return None;
            }
            k += 1;
        }
        let (code, max) = match ctx.w(k) {
            "quarter" => ("Q", 4),
            "half" => ("H", 2),
            _ => return None,
        };
        let n = if n == 0 { max } else { n };
        if n > max {
            return None;
        }
        k += 1;
        if let Some(y) = stated_before {
            return Some(Hit::abs(k, TimeKind::Date, format!("{y:04}-{code}{n}")));
        }
        let k0 = if ctx.w(k) == "of" { k + 1 } else { k };
        let k0 = if ctx.w(k0) == "fiscal" { k0 + 1 } else { k0 };
        if let Some(y) = ctx.year(k0) {
            return Some(Hit::abs(k0 + 1, TimeKind::Date, format!("{y:04}-{code}{n}")));
        }
        // "the first quarter of next year", "the second half of last year", "the first half of
        // the year" (the document's, as "the year" alone is)
        // "the third quarter last year" (not "the third quarter last year's report" … a
        // possessive belongs to the noun after it)
        if k0 == k {
            if let Some((off, e)) = [("last year", -1), ("this year", 0), ("next year", 1)].iter().find_map(|(p, off)| ctx.phrase(k, p).map(|e| (*off, e))) {
                if !matches!(ctx.w(e), "'" | "’") {
                    return Some(Hit::rel(e, TimeKind::Date, ctx.dct.map(|d| format!("{:04}-{code}{n}", civil_from_days(d).0 + off))));
                }
            }
        }
        if k0 > k {
            if let Some((off, e)) = [("last year", -1), ("this year", 0), ("next year", 1), ("the year", 0), ("the current year", 0)].iter().find_map(|(p, off)| ctx.phrase(k0, p).map(|e| (*off, e))) {
                return Some(Hit::rel(e, TimeKind::Date, ctx.dct.map(|d| format!("{:04}-{code}{n}", civil_from_days(d).0 + off))));
            }
        }
        let value = ctx.dct.map(|dct| {
            let (y, m, _) = civil_from_days(dct);
            let current = if code == "Q" { quarter_of(m) } else { (m - 1) / 6 + 1 };
            let y = if n <= current { y } else { y - 1 };
            format!("{y:04}-{code}{n}")
        });
        return Some(Hit::rel(k, TimeKind::Date, value));
    }
    None
}

/// "this week", "last month", "earlier this year", "next quarter", "the past year" (a duration).
fn relative_unit(ctx: &Ctx, i: usize) -> Option<Hit> {
    if let Some(j) = ctx.phrase(i, "the past").or_else(|| ctx.phrase(i, "the last")).or_else(|| ctx.phrase(i, "the next")) {
        if let Some((k, false, e)) = ctx.unit(j) {
            let (code, time) = (UNITS[k].2, UNITS[k].3);
            if code == "WE" {
                return None;
            }
            let (n, code) = match code {
                "DE" => (10, "Y"),
                "CE" => (100, "Y"),
                _ => (1, code),
            };
            return Some(Hit::abs(e, TimeKind::Duration, format!("P{}{n}{code}", if time { "T" } else { "" })));
        }
    }
    // Years counted from the year last mentioned ("in 1995 … the following year").
    const FROM_PREVIOUS_YEAR: &[(&str, i64)] = &[
        ("the following year", 1), ("the next year", 1), ("the previous year", -1), ("the prior year", -1), ("the preceding year", -1), ("that year", 0),
        ("later that year", 0), ("earlier that year", 0), ("the same year", 0), ("the year before", -1),
    ];
    if let Some((off, end)) = FROM_PREVIOUS_YEAR.iter().filter_map(|(p, off)| ctx.phrase(i, p).map(|e| (*off, e))).max_by_key(|(_, e)| *e) {
        // "the year before the war": "before" is a preposition, and "the year" a year.
        if ctx.w(end - 1) == "before" && !clause_ends_at(ctx, end) {
            return None;
        }
        return Some(match ctx.prev_year {
            Some((y, span)) => Hit { end, kind: TimeKind::Date, value: Some(format!("{:04}", y + off)), anchor: Anchor::Previous(span), day: None, derived: true },
            // "sales were up from the previous year": without a stated year, the document's.
            None if off < 0 => Hit::rel(end, TimeKind::Date, ctx.dct.map(|d| format!("{:04}", civil_from_days(d).0 + off))),
            None if ctx.w(i) == "the" && off != 0 => return None, // "the next year" alone: a duration, below
            None => Hit::rel(end, TimeKind::Date, None),
        });
    }
    let (off, j) = RELATIVE.iter().filter_map(|(p, off)| ctx.phrase(i, p).map(|e| (*off, e))).max_by_key(|(_, e)| *e)?;
    // "last fiscal year", "the latest fiscal quarter": a fiscal year is named by its calendar year.
    let j = if ctx.w(j) == "fiscal" && matches!(ctx.w(j + 1), "year" | "quarter") { j + 1 } else { j };
    let (k, plural, end) = ctx.unit(j)?;
    if plural {
        return None;
    }
    // ABC's "This Week": a capitalised unit inside a sentence is a title.
    if ctx.capitalised(end - 1) && !ctx.sentence_initial(i) {
        return None;
    }
    // "from the previous quarter", "the following month": counted from the quarter or month
    // in view (the last named), not from the document's.
    if ctx.dct.is_some() && ctx.w(i) == "the" && matches!(ctx.w(i + 1), "previous" | "prior" | "preceding" | "following") {
        match UNITS[k].2 {
            "Q" if ctx.quarter_in_view => {
                if let Some(v) = ctx.topic_quarter.as_deref().or(ctx.last_quarter.as_deref()) {
                    if let (Ok(y), Ok(q)) = (v[..4].parse::<i64>(), v[6..].parse::<i64>()) {
                        let n = y * 4 + q - 1 + off;
                        return Some(Hit::rel(end, TimeKind::Date, Some(format!("{:04}-Q{}", n.div_euclid(4), n.rem_euclid(4) + 1))).derived());
                    }
                }
            }
            "M" if !UNITS[k].3 => {
                if let Some((y, m, span)) = ctx.prev_month {
                    let (y, m) = add_months(y, m, off);
                    return Some(Hit { end, kind: TimeKind::Date, value: Some(format!("{y:04}-{m:02}")), anchor: Anchor::Previous(span), day: None, derived: true });
                }
            }
            _ => {}
        }
    }
    let dct = ctx.dct;
    let value = match UNITS[k].2 {
        "D" => dct.map(|d| day_value(d + off)),
        "W" => dct.map(|d| week_value(d + 7 * off)),
        "M" if !UNITS[k].3 => dct.map(|d| {
            let (y, m, _) = civil_from_days(d);
            let (y, m) = add_months(y, m, off);
            format!("{y:04}-{m:02}")
        }),
        "Y" => dct.map(|d| format!("{:04}", civil_from_days(d).0 + off)),
        "Q" => dct.map(|d| {
            let (y, m, _) = civil_from_days(d);
            let (y, m) = add_months(y, m, 3 * off);
            format!("{y:04}-Q{}", quarter_of(m))
        }),
        "DE" => dct.map(|d| format!("{:03}", (civil_from_days(d).0 / 10 + off))),
        "CE" => dct.map(|d| format!("{:02}", (civil_from_days(d).0 / 100 + off))),
        _ => return None,
    };
    Some(Hit::rel(end, TimeKind::Date, value))
}

/// Whether a clause ends before token `k` (punctuation, a line break or the end of the text).
fn clause_ends_at(ctx: &Ctx, k: usize) -> bool {
    matches!(ctx.w(k), "" | "." | "," | ";" | ":" | "!" | "?" | ")" | "\"" | "'" | "`") || (k > 0 && ctx.line_break_after(k - 1))
}

/// "three weeks ago", "a year ago", "two days earlier" (against the previous date when known).
fn ago(ctx: &Ctx, i: usize) -> Option<Hit> {
    let i0 = ctx.any_phrase(i, APPROX).filter(|&e| ctx.number(e).is_some()).unwrap_or(i);
    // "hours later", "years ago": an unstated number.
    let (n, j) = match ctx.unit(i0) {
        Some((_, true, _)) if matches!(ctx.w(i0 + 1), "ago" | "later" | "earlier") => (None, i0),
        _ => ctx.number(i0)?,
    };
    let (k, _, j) = ctx.unit(j)?;
    let j = if ctx.phrase(j, "or so").is_some() { j + 2 } else { j };
    let word = ctx.w(j);
    // "two days after the attack" is not anchored on a date: only "earlier"/"later" are, and
    // "before" that ends its clause ("from $3 million a year before.").
    let from_previous = matches!(word, "earlier" | "later") || (word == "before" && clause_ends_at(ctx, j + 1));
    if word != "ago" && !from_previous {
        return None;
    }
    let end = j + 1;
    let Some(n) = n else {
        return Some(Hit::abs(end, TimeKind::Date, if word == "later" { "FUTURE_REF" } else { "PAST_REF" }.into()));
    };
    let sign: i64 = if word == "later" { 1 } else { -1 };
    let code = UNITS[k].2;
    // "for the six months ended Aug. 12, net fell from $18 million a year earlier": the day
    // that ended the period, a year before (TimeBank practice), when it is the last day
    // resolved and in the same sentence.
    if code == "Y" && sign < 0 {
        if let Some((d, span, _)) = ctx.period_end.filter(|&(_, s, at)| ctx.prev_day.is_some_and(|(_, ps)| ps == s) && (at..i).all(|t| !ctx.sentence_end(t))) {
            let (y, m, dd) = civil_from_days(d);
            let y = y - n as i64;
            let day = days_from_civil(y, m, dd.min(days_in_month(y, m)));
            return Some(Hit { end, kind: TimeKind::Date, value: Some(day_value(day)), anchor: Anchor::Previous(span), day: None, derived: false });
        }
    }
    // "a year earlier" after "the third quarter": that quarter a year before.
    if code == "Y" && sign < 0 {
        if let Some(v) = year_before_quarter(ctx, n as i64) {
            return Some(Hit::rel(end, TimeKind::Date, Some(v)).derived());
        }
    }
    // "elected in 1992 and re-elected four years later": years from the year last stated,
    // unless a day was resolved after it.
    if code == "Y" && from_previous {
        if let Some((y, span)) = ctx.prev_year.filter(|(_, ys)| ctx.prev_day.is_none_or(|(_, ds)| ds.start() <= ys.start())) {
            return Some(Hit { end, kind: TimeKind::Date, value: Some(format!("{:04}", y + sign * n as i64)), anchor: Anchor::Previous(span), day: None, derived: true });
        }
    }
    let (base, anchor) = match (from_previous, ctx.prev_day, ctx.dct) {
        (true, Some((d, span)), _) => (Some(d), Anchor::Previous(span)),
        (_, _, Some(d)) => (Some(d), Anchor::DocumentDate),
        _ => (None, Anchor::Unresolved),
    };
    let n = n as i64 * sign;
    let value = base.and_then(|d| {
        Some(match code {
            "D" => day_value(d + n),
            "W" => week_value(d + 7 * n),
            "M" if !UNITS[k].3 => {
                let (y, m, _) = civil_from_days(d);
                let (y, m) = add_months(y, m, n);
                format!("{y:04}-{m:02}")
            }
            "Y" => format!("{:04}", civil_from_days(d).0 + n),
            "DE" => format!("{:04}", civil_from_days(d).0 + 10 * n),
            "H" | "M" | "S" => day_value(d),
            _ => return None,
        })
    });
    // "2016 years ago" lands before year 1, which TIMEX3 cannot write: left unresolved.
    let value = value.filter(|v| v.len() >= 4 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit) && &v[..4] != "0000");
    let anchor = if value.is_some() { anchor } else { Anchor::Unresolved };
    let day = if code == "D" { base.map(|d| d + n) } else { None };
    Some(Hit { end, kind: TimeKind::Date, value, anchor, day, derived: false })
}

/// "three weeks" (`P3W`), "48 hours" (`PT48H`), "a two-year contract" (`P2Y`), "the past six
/// months", "several years" (`PXY`), "about a week".
fn duration(ctx: &Ctx, i: usize) -> Option<Hit> {
    let mut j = i;
    if !may_start(ctx, i) {
        return None;
    }
    // "the year-earlier nine months": the period a year before, by its length.
    if let Some(e) = ["the past", "the last", "the next", "the first", "the coming", "the previous", "the year-earlier", "the year-ago", "the"].iter().filter_map(|p| ctx.phrase(i, p)).max() {
        j = e;
    }
    if let Some(e) = ctx.any_phrase(j, APPROX) {
        if ctx.number(e).is_some() {
            j = e;
        }
    }
    // "half an hour", "half a day"
    let (n, k, mut half) = match (ctx.w(j), ctx.w(j + 1)) {
        ("half", "a" | "an") => (Some(0), j + 2, true),
        _ => {
            let (n, k) = match ctx.number(j) {
                Some(nk) => nk,
                // "the first hours of the war", "the past weeks": an unstated number (not of
                // years: "the past years" is PAST_REF).
                None if j >= i + 2 && ctx.unit(j).is_some_and(|(u, plural, _)| plural && !matches!(UNITS[u].2, "Y" | "DE" | "CE")) => (None, j),
                None => return None,
            };
            // "2 1/2 years"
            if n.is_some() && ctx.digits(j).is_some() && (ctx.w(k), ctx.w(k + 1), ctx.w(k + 2)) == ("1", "/", "2") && ctx.touching(k) && ctx.touching(k + 1) {
                (n, k + 3, true)
            } else if n.is_some() && ctx.phrase(k, "and a half").is_some() && ctx.unit(k + 3).is_some() {
                (n, k + 3, true) // "two and a half hours"
            } else {
                (n, k, false)
            }
        }
    };
    let k = if matches!(ctx.w(k), "more" | "additional" | "further") && !matches!(ctx.w(j), "some" | "many") { k + 1 } else { k };
    let hyphen = ctx.w(k) == "-" && ctx.touching(k - 1);
    let (u, plural, mut end) = ctx.unit(if hyphen { k + 1 } else { k })?;
    // "the two-week strike", "the 30-year bond": the article is the noun's, not the period's.
    if j == i + 1 && ctx.w(i) == "the" && (hyphen || (!plural && n.is_some_and(|n| n > 1))) {
        return None;
    }
    // "60 Minutes", "This Week With David Brinkley": a capitalised unit inside a sentence is a title.
    if ctx.capitalised(end - 1) && !ctx.sentence_initial(i) {
        return None;
    }
    // "a day-long meeting", "a two-week-long strike"
    if ctx.w(end) == "-" && ctx.w(end + 1) == "long" && ctx.touching(end - 1) {
        end += 2;
    }
    // "a minute and a half", "two and a half years" (the number before "and a half")
    if !half && n.is_some() && ctx.phrase(end, "and a half").is_some() {
        half = true;
        end += 3;
    }
    // "1,000 second-line troops": "second" after a count is an ordinal.
    if UNITS[u].0 == "second" && !plural && n != Some(1) {
        return None;
    }
    // "a second group", "a second betrayal": the ordinal.
    if UNITS[u].0 == "second" && !plural && ctx.w(end).bytes().next().is_some_and(|b| b.is_ascii_lowercase()) && !matches!(ctx.w(end), "later" | "earlier" | "ago" | "before" | "after" | "or" | "and" | "of" | "to") {
        return None;
    }
    if ctx.year(j).is_some() && !plural {
        return None; // "the 1988 quarter", "1988 second-quarter": a year, not a count
    }
    if n == Some(1) && plural && ctx.digits(j).is_none() && hyphen {
        return None;
    }
    if ctx.w(end) == "-" && ctx.w(end + 1) == "old" || ctx.w(end) == "old" {
        return None; // an age
    }
    // "$5 a week", "three times a day", "flights a week": a rate, not a period.
    if matches!(ctx.w(j), "a" | "an") && j == i && i > 0 && rate_before(ctx, i - 1) {
        return None;
    }
    let (_, _, code, time) = UNITS[u];
    if code == "WE" {
        return None;
    }
    // "a quarter of the shares", "three-quarters": fractions, not periods ("several
    // quarters of losses" are periods).
    if code == "Q" && (hyphen || (ctx.w(end) == "of" && n.is_some()) || matches!(ctx.w(j), "a" | "an") || ctx.any_phrase(i, APPROX).is_some()) {
        return None;
    }
    if half {
        // Half a unit in the next smaller one; units without one keep the whole number.
        let whole = n.unwrap_or(0);
        let lead = |v: u32, unit: &str| if v == 0 { String::new() } else { format!("{v}{unit}") };
        let value = match (code, time) {
            ("Y", false) => Some(format!("P{}6M", lead(whole, "Y"))),
            ("D", false) => Some(format!("P{}T12H", lead(whole, "D"))),
            ("H", true) => Some(format!("PT{}30M", lead(whole, "H"))),
            ("M", true) => Some(format!("PT{}30S", lead(whole, "M"))),
            _ => None,
        };
        if let Some(v) = value {
            return Some(Hit::abs(end, TimeKind::Duration, v));
        }
    }
    // Decades and centuries in years, as TimeBank writes them ("two decades" → P20Y).
    let (n, code) = match code {
        "DE" => (n.map(|n| n * 10), "Y"),
        "CE" => (n.map(|n| n * 100), "Y"),
        _ => (n, code),
    };
    let n = n.map_or("X".to_string(), |n| n.to_string());
    Some(Hit::abs(end, TimeKind::Duration, format!("P{}{n}{code}", if time { "T" } else { "" })))
}

/// Whether token `k`, before "a day", makes it a rate: a number or an amount ("$5 a week",
/// "10,000 barrels a day"), "times", "once", or a plural noun ("flights a week").
fn rate_before(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.w(k);
    let orig = ctx.orig(k);
    if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) || NUMBERS.iter().any(|(n, _)| *n == w && !matches!(w, "a" | "an")) {
        return true;
    }
    if matches!(w, "%" | "percent" | "times" | "once" | "twice" | "thrice" | "million" | "billion" | "thousand" | "cents" | "dollars") {
        return true;
    }
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && orig.bytes().all(|b| b.is_ascii_lowercase()) && !NOT_PLURAL.contains(&w)
}

/// Whether token `k` ends a quantity: a number or an amount ("8.5%", "$2 million"), or a
/// plural noun right after one ("10,000 units"). Stricter than `rate_before`: before an
/// adverb ("meets monthly") a word in "-s" is as often a verb.
fn quantity_before(ctx: &Ctx, k: usize) -> bool {
    let amount = |k: usize| {
        let w = ctx.w(k);
        w.bytes().next().is_some_and(|b| b.is_ascii_digit()) || NUMBERS.iter().any(|(n, _)| *n == w && !matches!(w, "a" | "an")) || matches!(w, "%" | "percent" | "million" | "billion" | "thousand" | "cents" | "dollars")
    };
    amount(k) || (k > 0 && amount(k - 1) && rate_before(ctx, k) && !matches!(ctx.w(k), "times"))
}

/// Words in "-s" that are not plural nouns (before "a week" they leave it a period).
const NOT_PLURAL: &[&str] = &["this", "thus", "perhaps", "always", "besides", "towards", "afterwards", "sometimes", "nearly", "was", "has", "does", "takes", "lasts", "gives", "spends", "needs", "plus", "hers", "ours", "theirs", "yours", "across", "unless", "whereas"];

/// "9 a.m.", "9:30 p.m. EST", "14:30 GMT", "noon", "midnight".
fn clock(ctx: &Ctx, i: usize) -> Option<Hit> {
    let (mut h, min, mut j) = match ctx.w(i) {
        "noon" if i > 0 && matches!(ctx.w(i - 1), "at" | "by" | "until" | "before" | "after" | "from") => (12, 0, i + 1),
        "midnight" => (24, 0, i + 1),
        "midday" => (12, 0, i + 1),
        // "six o'clock", as transcripts write it
        w if ctx.phrase(i + 1, "o ' clock").or_else(|| ctx.phrase(i + 1, "o ’ clock")).is_some() && ctx.digits(i).is_none() => {
            let &(_, h) = NUMBERS.iter().find(|(name, _)| *name == w && !matches!(w, "a" | "an"))?;
            (h, 0, i + 1)
        }
        _ => {
            let h = ctx.digits(i).filter(|h| *h <= 24 && ctx.w(i).len() <= 2)?;
            if ctx.w(i + 1) == ":" && ctx.touching(i) && ctx.w(i + 2).len() == 2 {
                let m = ctx.digits(i + 2).filter(|m| *m < 60)?;
                (h, m, i + 3)
            } else {
                (h, 0, i + 1)
            }
        }
    };
    let explicit_minutes = j == i + 3;
    // "10 o'clock": a clock time without a.m. or p.m.
    let oclock = ctx.phrase(j, "o ' clock").or_else(|| ctx.phrase(j, "o ’ clock")).filter(|_| (1..=12).contains(&h));
    if let Some(e) = oclock {
        j = e;
    }
    let meridiem = match (ctx.w(j), ctx.w(j + 1), ctx.w(j + 2)) {
        ("a", ".", "m") | ("am", ..) | ("a", "m", _) => Some(false),
        ("p", ".", "m") | ("pm", ..) | ("p", "m", _) => Some(true),
        _ => None,
    };
    if let Some(pm) = meridiem {
        if h == 0 || h > 12 {
            return None;
        }
        j += if matches!(ctx.w(j), "am" | "pm") { 1 } else if ctx.w(j + 1) == "." { 3 } else { 2 };
        if ctx.w(j) == "." && ctx.touching(j - 1) && ctx.w(j + 1).chars().next().is_some_and(|c| c.is_lowercase()) {
            j += 1;
        }
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
    } else if !matches!(ctx.w(i), "noon" | "midnight" | "midday") && oclock.is_none() {
        let zone_follows = ctx.any_phrase(j, ZONES).is_some();
        if !explicit_minutes || h > 23 || !(zone_follows || (i > 0 && matches!(ctx.w(i - 1), "at" | "by" | "until" | "from" | "before" | "after"))) {
            return None;
        }
    }
    if let Some(e) = ctx.any_phrase(j, ZONES) {
        j = e;
    }
    // "9 a.m. Tuesday", "4 a.m. yesterday": the day that follows.
    let following = if WEEKDAYS.iter().any(|(w, _)| *w == ctx.w(j)) {
        weekday_rule(ctx, j).filter(|hit| hit.kind == TimeKind::Date)
    } else if matches!(ctx.w(j), "yesterday" | "today" | "tomorrow") {
        lexicon(ctx, j)
    } else {
        // "5 p.m. EST Nov. 9", "noon on 3 May"
        let k = if ctx.w(j) == "on" { j + 1 } else { j };
        month_date(ctx, k).or_else(|| day_month(ctx, k)).filter(|hit| hit.day.is_some() && hit.value.as_deref().is_some_and(|v| v.len() == 10))
    };
    // "six o'clock this morning", "11 p.m. last night": that part of that day; without a.m. or
    // p.m. the part says which half of the day it is ("seven o'clock tonight": 19:00).
    if let Some(part_hit) = lexicon(ctx, j).filter(|hit| hit.kind == TimeKind::Time && hit.day.is_some() && hit.anchor == Anchor::DocumentDate) {
        let part = part_hit.value.as_deref().and_then(|v| v.split_once('T')).map(|(_, p)| p.to_string()).unwrap_or_default();
        let h = match (meridiem, part.as_str()) {
            (None, "AF" | "EV") if h < 12 => h + 12,
            (None, "NI") if (6..12).contains(&h) => h + 12,
            _ => h,
        };
        let value = part_hit.day.map(|d| format!("{}T{h:02}:{min:02}", day_value(d)));
        return Some(Hit::rel(part_hit.end, TimeKind::Time, value).with_day(part_hit.day));
    }
    if let Some(mut hit) = following {
        // "until 9 a.m. Tuesday": a deadline ahead, unless the clause is past.
        if WEEKDAYS.iter().any(|(w, _)| *w == ctx.w(j)) && deadline(ctx, i) {
            hit.day = hit.day.zip(ctx.dct).map(|(d, dct)| if d < dct { d + 7 } else { d });
        }
        let value = hit.day.map(|d| format!("{}T{h:02}:{min:02}", day_value(d)));
        return Some(Hit::rel(hit.end, TimeKind::Time, value).with_day(hit.day));
    }
    let value = ctx.dct.map(|d| format!("{}T{h:02}:{min:02}", day_value(d)));
    Some(Hit::rel(j, TimeKind::Time, value).with_day(ctx.dct))
}

/// "every Sunday" (`XXXX-WXX-7`), "every week", "each year", "per day", "every three months",
/// "every summer" (`XXXX-SU`), "twice a week" (`P1W`; the frequency stays in the span). A rate
/// ("ten flights a week", "$500 a month") is not a set, as in TimeBank.
fn set(ctx: &Ctx, i: usize) -> Option<Hit> {
    // "twice a week", "three times a day", "once every two years": the frequency is kept in
    // the span, the value is the period.
    let freq_end = match ctx.w(i) {
        "once" | "twice" | "thrice" => Some(i + 1),
        _ => ctx.number(i).and_then(|(n, k)| (n.is_some() && ctx.w(k) == "times").then_some(k + 1)),
    };
    if let Some(f) = freq_end {
        if matches!(ctx.w(f), "a" | "an") {
            let (u, false, end) = ctx.unit(f + 1)? else { return None };
            let (_, _, code, time) = UNITS[u];
            if matches!(code, "WE" | "Q") {
                return None;
            }
            return Some(Hit::abs(end, TimeKind::Set, format!("P{}1{code}", if time { "T" } else { "" })));
        }
        if matches!(ctx.w(f), "every" | "each" | "per") {
            return set(ctx, f);
        }
        return None;
    }
    if !matches!(ctx.w(i), "every" | "each" | "per") {
        return None;
    }
    // "15 million instructions per second", "$5 per day": a rate, as "a day" is after one.
    if ctx.w(i) == "per" && i > 0 && rate_before(ctx, i - 1) {
        return None;
    }
    let mut j = i + 1;
    if ctx.w(j) == "other" {
        j += 1;
    }
    if let Some(&(_, wd)) = WEEKDAYS.iter().find(|(w, _)| *w == ctx.w(j)) {
        return Some(Hit::abs(j + 1, TimeKind::Set, format!("XXXX-WXX-{wd}")));
    }
    // "every summer", "each spring"
    if let Some(&(_, code, ..)) = SEASONS.iter().find(|(w, ..)| *w == ctx.w(j)) {
        return Some(Hit::abs(j + 1, TimeKind::Set, format!("XXXX-{code}")));
    }
    let (n, k) = ctx.number(j).filter(|(n, _)| n.is_some()).map_or((1, j), |(n, k)| (n.unwrap_or(1), k));
    let (u, _, end) = ctx.unit(k)?;
    let (_, _, code, time) = UNITS[u];
    if code == "WE" {
        return Some(Hit::abs(end, TimeKind::Set, "XXXX-WXX-WE".into()));
    }
    let n = if ctx.w(i + 1) == "other" { n * 2 } else { n };
    Some(Hit::abs(end, TimeKind::Set, format!("P{}{n}{code}", if time { "T" } else { "" })))
}

/// A modifier before a date ("late June", "mid-2015", "the end of last year"): the inner value,
/// the span extended over the modifier.
fn modified(ctx: &Ctx, i: usize) -> Option<Hit> {
    let mut j = ctx.any_phrase(i, MODIFIERS)?;
    if ctx.w(j) == "-" {
        // "the late-November trip": the article is the noun's ("the mid-1990s" keeps it).
        if matches!((ctx.w(i), ctx.w(i + 1)), ("the", "early" | "late")) {
            return None;
        }
        j += 1;
    }
    const INNER: &[(&str, Rule)] =
        &[("month date", month_date), ("year", year_rule), ("decade", decade), ("century", century), ("season", season), ("quarter", quarter), ("relative unit", relative_unit), ("lexicon", lexicon), ("weekday", weekday_rule)];
    let hit = best(ctx, j, INNER)?;
    (hit.kind == TimeKind::Date).then_some(hit)
}

/// "Christmas", "Thanksgiving Day", "last Christmas", "Christmas 2015".
fn holiday(ctx: &Ctx, i: usize) -> Option<Hit> {
    let (off, j) = match ctx.w(i) {
        "last" => (Some(-1), i + 1),
        "next" => (Some(1), i + 1),
        "this" => (Some(0), i + 1),
        _ => (None, i),
    };
    if !ctx.capitalised(j) {
        return None;
    }
    let (mut end, m, rule) = HOLIDAYS.iter().filter_map(|&(name, m, rule)| ctx.phrase(j, name).map(|e| (e, m, rule))).max_by_key(|h| h.0)?;
    let on = |y: i64| -> i64 {
        match rule {
            HolidayDay::Fixed(d) => days_from_civil(y, m, d),
            HolidayDay::Nth(n, wd) => {
                let first = days_from_civil(y, m, 1);
                let first_wd = first + (wd as i64 - weekday(first) as i64).rem_euclid(7);
                let day = first_wd + 7 * (n as i64 - 1);
                if civil_from_days(day).1 != m { day - 7 } else { day }
            }
            HolidayDay::TuesdayAfterFirstMonday => {
                let first = days_from_civil(y, m, 1);
                first + (1 - weekday(first) as i64).rem_euclid(7) + 1
            }
            HolidayDay::Easter(off) => easter(y) + off,
        }
    };
    // "Easter week", "Christmas week": the week of the day.
    let week = ctx.w(end) == "week";
    if week {
        end += 1;
    }
    let stated = ctx.year(end).or_else(|| (ctx.w(end) == "," && ctx.year(end + 1).is_some()).then(|| ctx.year(end + 1)).flatten());
    if let Some(y) = stated {
        end += if ctx.w(end) == "," { 2 } else { 1 };
        let day = on(y);
        let value = if week { week_value(day) } else { day_value(day) };
        return Some(Hit::abs(end, TimeKind::Date, value).with_day((!week).then_some(day)));
    }
    let day = ctx.dct.map(|dct| {
        let y = civil_from_days(dct).0;
        match off {
            Some(-1) => if on(y) < dct { on(y) } else { on(y - 1) },
            Some(1) => if on(y) > dct { on(y) } else { on(y + 1) },
            Some(_) => on(y),
            None => {
                let future = ctx.future(i, end);
                (y - 1..=y + 1).map(on).min_by_key(|&d| (d - dct).abs() + if (d > dct) != future { 60 } else { 0 }).unwrap_or(dct)
            }
        }
    });
    let value = match day {
        Some(d) if week => week_value(d),
        Some(d) => day_value(d),
        None => match rule {
            HolidayDay::Fixed(d) if !week => format!("XXXX-{m:02}-{d:02}"),
            _ => return Some(Hit::rel(end, TimeKind::Date, None)),
        },
    };
    let mut hit = Hit::rel(end, TimeKind::Date, Some(value)).with_day(if week { None } else { day });
    if day.is_none() {
        hit.anchor = Anchor::Unresolved;
    }
    Some(hit)
}

/// "April 24 and 25", "Dec. 10 or 11": the second day, in the month of the first.
fn conjoined_day(ctx: &Ctx, i: usize) -> Option<Hit> {
    let (end_before, v, anchor) = ctx.prev_day_hit.as_ref()?;
    if *end_before + 1 != i || !matches!(ctx.w(i - 1), "and" | "or") {
        return None;
    }
    let (d, j) = ctx.day_of_month(i)?;
    let first: u32 = v.get(8..10)?.parse().ok()?;
    let (m, y): (u32, Option<i64>) = (v.get(5..7)?.parse().ok()?, v.get(..4)?.parse().ok());
    if d <= first || d > days_in_month(y.unwrap_or(2000), m) || ctx.month(j).is_some() || !year_context(ctx, i) {
        return None;
    }
    let day = y.map(|y| days_from_civil(y, m, d));
    Some(Hit { end: j, kind: TimeKind::Date, value: Some(format!("{}{d:02}", &v[..8])), anchor: *anchor, day, derived: false })
}

/// "for years", "within weeks", "the first time in years": a period of an unstated number of
/// units (`PXY`), after "for", "within", or "in" that ends its clause; "the weeks ahead".
fn bare_plural(ctx: &Ctx, i: usize) -> Option<Hit> {
    // "the weeks ahead" (TimeBank: a period of unstated length, `PXW`)
    if ctx.w(i) == "the" && ctx.w(i + 2) == "ahead" {
        let (u, true, _) = ctx.unit(i + 1)? else { return None };
        let (_, _, code, time) = UNITS[u];
        if matches!(code, "DE" | "CE" | "Q" | "WE" | "S") {
            return None;
        }
        return Some(Hit::abs(i + 3, TimeKind::Duration, format!("P{}X{code}", if time { "T" } else { "" })));
    }
    let prev = if i > 0 { ctx.w(i - 1) } else { "" };
    let (u, true, end) = ctx.unit(i)? else { return None };
    let (_, _, code, time) = UNITS[u];
    if matches!(code, "DE" | "CE" | "Q" | "WE" | "S") || ctx.capitalised(i) && !ctx.sentence_initial(i) {
        return None;
    }
    let next = ctx.w(end);
    let clause_ends = next.is_empty() || matches!(next, "." | "," | ";" | "!" | "?" | ")" | "\"" | "'" | "`");
    let ok = match prev {
        "for" | "within" => !matches!(next, "of" | "-" | "old" | "ago" | "later" | "earlier" | "before" | "after"),
        "in" => clause_ends,
        _ => false,
    };
    ok.then(|| Hit::abs(end, TimeKind::Duration, format!("P{}X{code}", if time { "T" } else { "" })))
}

/// "a day-long meeting", "a year-long siege": one unit; "weeks-long": an unstated number.
fn unit_long(ctx: &Ctx, i: usize) -> Option<Hit> {
    let (u, plural, k) = ctx.unit(i)?;
    if ctx.w(k) != "-" || ctx.w(k + 1) != "long" || !ctx.touching(i) || !ctx.touching(k) {
        return None;
    }
    let (_, _, code, time) = UNITS[u];
    let (n, code) = match code {
        "DE" => ("10", "Y"),
        "CE" => ("100", "Y"),
        "Q" | "WE" => return None,
        _ => ("1", code),
    };
    let n = if plural { "X" } else { n };
    Some(Hit::abs(k + 2, TimeKind::Duration, format!("P{}{n}{code}", if time { "T" } else { "" })))
}

/// "year-end", "year end": the last day of the document's year; of the year before after
/// "since", or in January and February unless the clause is in the future.
fn year_end(ctx: &Ctx, i: usize) -> Option<Hit> {
    let end = ctx.phrase(i, "year-end").or_else(|| ctx.phrase(i, "year end"))?;
    if ctx.w(end) == "-" {
        return None; // "year-end-2016"
    }
    let since = i > 0 && ctx.w(i - 1) == "since";
    let value = ctx.dct.map(|d| {
        let (y, m, _) = civil_from_days(d);
        let before = since || (m <= 2 && !ctx.future(i, end));
        format!("{:04}-12-31", if before { y - 1 } else { y })
    });
    Some(Hit::rel(end, TimeKind::Date, value))
}

/// "the weekend of Dec. 10" → that week's weekend.
fn weekend_of(ctx: &Ctx, i: usize) -> Option<Hit> {
    let j = ctx.phrase(i, "the weekend of")?;
    let hit = month_date(ctx, j).or_else(|| day_month(ctx, j))?;
    let day = hit.day?;
    Some(Hit { end: hit.end, kind: TimeKind::Date, value: Some(format!("{}-WE", week_value(day))), anchor: hit.anchor, day: None, derived: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> Option<Published> {
        if s.is_empty() {
            return None;
        }
        Published::day(s[..4].parse().unwrap(), s[5..7].parse().unwrap(), s[8..10].parse().unwrap())
    }

    /// `(text, expected value)` pairs for each expression found.
    fn found(text: &str, dct: &str) -> Vec<(String, Option<String>)> {
        find_times(text, date(dct).as_ref()).into_iter().map(|t| (t.span.of(text).to_string(), t.value)).collect()
    }

    /// Sentence, document date ("" for none), expected `(text, value)` list ("" value: none).
    type Case = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

    /// One row per rule.
    const CASES: &[Case] = &[
        // month date, AP abbreviations, ranges
        ("The siege lasted Dec. 10–11 in the desert.", "2016-12-12", &[("Dec. 10–11", "2016-12-10/2016-12-11")]),
        ("Talks resumed on Sept. 3, 2015, in Geneva.", "2016-12-12", &[("Sept. 3, 2015", "2015-09-03")]),
        ("The vote is on Aug. 7.", "2016-12-12", &[("Aug. 7", "2016-08-07")]),
        // a clock time on a named day is one time on that day
        ("They struck at about 4 a.m. on Saturday.", "2025-03-10", &[("4 a.m. on Saturday", "2025-03-08T04:00")]),
        ("They struck on Saturday at 4 a.m. from the north.", "2025-03-10", &[("Saturday at 4 a.m.", "2025-03-08T04:00")]),
        ("The truce began Jan. 4.", "2017-01-20", &[("Jan. 4", "2017-01-04")]),
        ("It happened on Nov. 30.", "2017-01-20", &[("Nov. 30", "2016-11-30")]),
        // "last <month>": the most recent such month before last month
        ("It opened last June and closed last February.", "2017-03-20", &[("last June", "2016-06"), ("last February", "2016-02")]),
        ("It closed last January.", "2017-03-20", &[("last January", "2017-01")]),
        ("It happened on Dec. 11.", "", &[("Dec. 11", "XXXX-12-11")]),
        ("December 2016 was cold.", "", &[("December 2016", "2016-12")]),
        // day month
        ("The report is dated 19th October 2016.", "", &[("19th October 2016", "2016-10-19")]),
        ("Troops arrived on 10 December.", "2016-12-12", &[("10 December", "2016-12-10")]),
        // months, modifiers
        ("Fighting resumed in late June.", "2016-12-12", &[("late June", "2016-06")]),
        ("It was retaken earlier in March this year.", "2016-12-12", &[("earlier in March this year", "2016-03")]),
        ("The plan was drawn up in March.", "2016-12-12", &[("March", "2016-03")]),
        ("Sales rose in mid-2015.", "2016-12-12", &[("mid-2015", "2015")]),
        ("It peaked in the early 1980s and again by the mid-1990s.", "", &[("the early 1980s", "198"), ("the mid-1990s", "199")]),
        ("Crowds gathered early Tuesday.", "1998-03-03", &[("early Tuesday", "1998-03-03")]),
        ("They made the late-November trip.", "2000-01-28", &[("late-November", "1999-11")]),
        ("Earlier yesterday he spoke.", "1989-11-01", &[("Earlier yesterday", "1989-10-31")]),
        // numeric dates
        ("Filed 11/02/89 by staff.", "", &[("11/02/89", "1989-11-02")]),
        ("Filed 2016-12-11 by staff.", "", &[("2016-12-11", "2016-12-11")]),
        // weekdays
        ("The city fell on Sunday.", "2016-12-12", &[("Sunday", "2016-12-11")]),
        ("The city fell on Monday.", "2016-12-12", &[("Monday", "2016-12-12")]),
        ("The envoy will arrive on Thursday.", "2016-12-12", &[("Thursday", "2016-12-15")]),
        ("They met last Friday.", "2016-12-12", &[("last Friday", "2016-12-09")]),
        ("Shelling began Saturday night.", "2016-12-12", &[("Saturday night", "2016-12-10TNI")]),
        // "the previous quarter", "the following month": from the quarter or month in view
        ("Net rose in the third quarter from the previous quarter and the comparable 1988 period.", "1989-10-26", &[("the third quarter", "1989-Q3"), ("the previous quarter", "1989-Q2"), ("the comparable 1988 period", "1988-Q3")]),
        ("Sales rose in September from the prior month.", "1989-10-26", &[("September", "1989-09"), ("the prior month", "1989-08")]),
        ("Sales rose 5% from the previous month.", "1989-10-26", &[("the previous month", "1989-09")]),
        // a plural simple present of a scheduled event is ahead; an infinitive is not a tense
        ("The two leaders meet separately Monday with the envoy.", "1998-05-01", &[("Monday", "1998-05-04")]),
        ("The two leaders agreed to meet Monday.", "1998-05-01", &[("Monday", "1998-04-27")]),
        // a semicolon ends the clause; "won" is a past unless "won't"
        ("On Monday he will fly to Rome; on Tuesday he flew home.", "2013-03-20", &[("Monday", "2013-03-25"), ("Tuesday", "2013-03-19")]),
        ("She won a second term in November.", "2013-03-20", &[("November", "2012-11")]),
        ("He won't leave before November.", "2013-03-20", &[("November", "2013-11")]),
        // a clock time in words, and a clock time on a part of a day
        ("The plane landed at six o'clock this morning.", "1998-01-20", &[("six o'clock this morning", "1998-01-20T06:00")]),
        ("The vote took place at eleven o'clock.", "1998-01-20", &[("eleven o'clock", "1998-01-20T11:00")]),
        ("The blast came at 11 p.m. last night, and another at seven o'clock tonight.", "1998-01-20", &[("11 p.m. last night", "1998-01-19T23:00"), ("seven o'clock tonight", "1998-01-20T19:00")]),
        // more cues of a clause ahead: an aim, a scheduled end or departure, a plan
        ("He hopes to leave on Friday.", "1998-10-21", &[("Friday", "1998-10-23")]),
        ("The strike ends Friday and he leaves for Paris on Saturday.", "1998-10-21", &[("Friday", "1998-10-23"), ("Saturday", "1998-10-24")]),
        ("Voters go to the polls Sunday; talks are planned for Thursday.", "1998-10-21", &[("Sunday", "1998-10-25"), ("Thursday", "1998-10-22")]),
        ("The court hears arguments Thursday.", "1998-10-21", &[("Thursday", "1998-10-22")]),
        // "in the morning": the part of the day in view; not "the evening news"
        ("Shares fell Friday. Dealers bought in the morning to open the session.", "1989-10-30", &[("Friday", "1989-10-27"), ("the morning", "1989-10-27TMO")]),
        ("He watched the evening news in the evening news room.", "1989-10-30", &[]),
        // a day of the month in words, as transcripts write it
        ("This is the news for Tuesday, January twentieth.", "1998-01-20", &[("Tuesday, January twentieth", "1998-01-20")]),
        ("The vote is set for January twenty-ninth.", "1998-01-20", &[("January twenty-ninth", "1998-01-29")]),
        ("In May second place went to Ford.", "1998-06-20", &[("May", "1998-05")]),
        // a quarter with "last year" after it
        ("Profit fell from the third quarter last year.", "1989-10-26", &[("the third quarter last year", "1988-Q3")]),
        // a month named after a quarter takes it out of view
        ("Net rose in the third quarter. Sales in September fell from a year earlier.", "1989-10-26", &[("the third quarter", "1989-Q3"), ("September", "1989-09"), ("a year earlier", "1988")]),
        // "overnight": the night before the day in view, which stays in view
        ("Shares fell Friday after overnight losses, down from the previous Friday.", "1989-10-30", &[("Friday", "1989-10-27"), ("overnight", "1989-10-26TNI"), ("the previous Friday", "1989-10-20")]),
        ("Rebels attacked overnight.", "2016-12-12", &[("overnight", "2016-12-11TNI")]),
        ("The storm reached the coast Saturday. Temperatures will drop overnight.", "2016-12-12", &[("Saturday", "2016-12-10"), ("overnight", "2016-12-12TNI")]),
        ("The city fell on Sunday.", "", &[("Sunday", "XXXX-WXX-7")]),
        // tense: the nearest marker before the expression in its sentence, else after it
        ("They would appeal the decision, announced Wednesday by the agency.", "2000-01-06", &[("Wednesday", "2000-01-05")]),
        ("He is to resume talks in Paris Tuesday.", "1989-10-27", &[("Tuesday", "1989-10-31")]),
        ("He could come as early as Tuesday.", "2000-04-03", &[("Tuesday", "2000-04-04")]),
        ("The verdict is due Friday and the vote is set for Monday.", "1998-02-11", &[("Friday", "1998-02-13"), ("Monday", "1998-02-16")]),
        // a deadline ahead unless the clause is past
        ("The agency has given the family until 9 a.m. Tuesday to sign.", "2000-04-03", &[("9 a.m. Tuesday", "2000-04-04T09:00")]),
        ("Iraq has until Friday to comply.", "1998-02-11", &[("Friday", "1998-02-13")]),
        ("They stayed until Friday.", "1998-02-11", &[("Friday", "1998-02-06")]),
        // a deadline of a month or day ahead is this year's unless the clause is past
        ("Iran has until June to respond.", "2013-03-19", &[("June", "2013-06")]),
        ("The embassy stayed open until June.", "2013-03-19", &[("June", "2012-06")]),
        ("The offer had been due to expire Friday evening.", "1989-10-30", &[("Friday evening", "1989-10-27TEV")]),
        // "planned" is a past participle as often as a plan ahead
        ("A memorial service planned for Saturday was canceled.", "1999-10-24", &[("Saturday", "1999-10-23")]),
        ("Farmers planned a march to the capital on Saturday.", "2004-05-06", &[("Saturday", "2004-05-08")]),
        ("On Monday, the ministry planned to cut the tax.", "2004-05-06", &[("Monday", "2004-05-03")]),
        ("The thrift announced the plan Aug. 21.", "1989-10-27", &[("Aug. 21", "1989-08-21")]),
        // a period that ended on a day still ahead this year ended last year
        ("The strike that ended Nov. 30 cost the mine dearly.", "1989-11-20", &[("Nov. 30", "1988-11-30")]),
        ("The strike ended on Oct. 9 and the mine reopens Nov. 30.", "1989-10-20", &[("Oct. 9", "1989-10-09"), ("Nov. 30", "1989-11-30")]),
        ("The dividend is payable Jan. 2 to holders.", "1989-11-02", &[("Jan. 2", "1990-01-02")]),
        ("Shares issued July 1, which will get a dividend, rose.", "1989-10-27", &[("July 1", "1989-07-01")]),
        ("She will be named commander for a mission in December.", "1998-03-04", &[("December", "1998-12")]),
        // a deadline or the end of a period well before the document's month is the one ahead
        ("The loan is to be paid down by February.", "1989-10-30", &[("February", "1990-02")]),
        ("The bank has extended the loans through January.", "1989-10-30", &[("January", "1990-01")]),
        ("Sales were flat this year through August.", "1989-10-27", &[("this year", "1989"), ("August", "1989-08")]),
        ("Sales rose in the 12 months through January.", "1989-06-15", &[("the 12 months", "P12M"), ("January", "1989-01")]),
        // a future verb near a day of the last weeks is another clause's
        ("She hoped he would bring aid to the victims of the Aug. 7 blasts.", "1998-08-18", &[("Aug. 7", "1998-08-07")]),
        // a day of no marked tense shares the frame of a day ahead earlier in its sentence
        ("The ferry would sail from April 2, with a second boat from Sept. 9.", "2013-03-20", &[("April 2", "2013-04-02"), ("Sept. 9", "2013-09-09")]),
        ("The ferry will sail on April 2. A boat from Sept. 9 is full.", "2013-03-20", &[("April 2", "2013-04-02"), ("Sept. 9", "2012-09-09")]),
        // a scheduled event in the simple present is ahead; a plural noun in "-s" is no verb
        ("The trial begins Monday in Boston.", "2013-03-20", &[("Monday", "2013-03-25")]),
        ("The festival opens in July.", "2013-03-20", &[("July", "2013-07")]),
        ("Parliament reconvenes Tuesday after the recess.", "2013-03-20", &[("Tuesday", "2013-03-26")]),
        ("The reports came Tuesday.", "2013-03-20", &[("Tuesday", "2013-03-19")]),
        // "ahead of" a weekday's event awaits it
        ("Turnout rose ahead of Sunday's vote.", "2013-03-20", &[("Sunday", "2013-03-24")]),
        // a possessive weekday is the day gone, whatever the clause, unless its own verb is future
        ("They would look for ways to get around Wednesday's ruling.", "2000-01-07", &[("Wednesday", "2000-01-05")]),
        ("Its share before Friday's purchases was small.", "1989-10-30", &[("Friday", "1989-10-27")]),
        ("Officials said Sunday's vote will decide the matter.", "2013-03-20", &[("Sunday", "2013-03-24")]),
        // the present or the future in general, and a future's prospects, are no dates
        ("It is the case for today's youth and in today's personal computers.", "2000-01-15", &[]),
        ("He would choose the people of tomorrow.", "1989-11-02", &[]),
        ("As of today, the offer stands.", "1989-11-02", &[("today", "1989-11-02")]),
        ("That is important to the future of our peoples.", "1998-02-13", &[]),
        ("They worry about the future.", "1998-02-13", &[("the future", "FUTURE_REF")]),
        // sets: a frequency, a rate, a season, a weekday in the plural
        ("The group meets twice a week and votes three times a year.", "2013-03-20", &[("twice a week", "P1W"), ("three times a year", "P1Y")]),
        // after a quantity, "per day" and "annually" are rates; after a verb, a frequency
        ("The pump moves 900 litres per minute, and output should grow 4% annually.", "2013-03-20", &[]),
        ("The plant ships 2,000 crates monthly; the board meets monthly.", "2013-03-20", &[("monthly", "P1M")]),
        ("Take two pills twice daily.", "2013-03-20", &[("daily", "P1D")]),
        ("The board meets once every two months.", "2013-03-20", &[("once every two months", "P2M")]),
        ("Every summer, tourists arrive; the fair is held each spring.", "2013-03-20", &[("Every summer", "XXXX-SU"), ("each spring", "XXXX-SP")]),
        ("Markets are closed on Sundays, Mondays and Fridays.", "2013-03-20", &[("Sundays", "XXXX-WXX-7"), ("Mondays", "XXXX-WXX-1"), ("Fridays", "XXXX-WXX-5")]),
        ("The firm, once a giant, is small.", "2013-03-20", &[]),
        // a weekday in a newspaper's name
        ("The Sunday Times and the Mail on Sunday reported it on Sunday.", "2013-03-20", &[("Sunday", "2013-03-17")]),
        ("Officials said Tuesday Obama would go.", "2013-03-20", &[("Tuesday", "2013-03-19")]),
        // a half of "the year" is the document year's
        ("Sales rose in the first half of the year.", "2013-03-20", &[("the first half of the year", "2013-H1")]),

        ("The town fell on Sunday, Dec. 11.", "", &[("Sunday, Dec. 11", "XXXX-12-11")]),
        // fixed phrases and relative units
        ("Officials said yesterday that it fell.", "2016-12-12", &[("yesterday", "2016-12-11")]),
        ("Prices fell last month.", "2016-12-12", &[("last month", "2016-11")]),
        ("Prices fell earlier this month.", "2016-12-12", &[("earlier this month", "2016-12")]),
        ("The army moved last week.", "2016-12-12", &[("last week", "2016-W49")]),
        ("Talks continue this year.", "2016-12-12", &[("this year", "2016")]),
        ("The town is now calm.", "", &[("now", "PRESENT_REF")]),
        ("It was quiet this morning.", "2016-12-12", &[("this morning", "2016-12-12TMO")]),
        ("Fighting stopped on Dec. 10 and resumed the next day.", "2016-12-12", &[("Dec. 10", "2016-12-10"), ("the next day", "2016-12-11")]),
        ("It fell three weeks ago.", "2016-12-12", &[("three weeks ago", "2016-W47")]),
        ("It fell two days ago.", "2016-12-12", &[("two days ago", "2016-12-10")]),
        ("It fell 2016 years ago.", "2016-12-12", &[("2016 years ago", "")]),
        ("Rebels held it over the weekend.", "2016-12-12", &[("the weekend", "2016-W49-WE")]),
        ("Rebels will attack this weekend.", "2016-12-12", &[("this weekend", "2016-W50-WE")]),
        ("Profit fell in the 1988 third quarter.", "1989-10-27", &[("the 1988 third quarter", "1988-Q3")]),
        ("Profit fell from the year-ago third quarter.", "1989-10-27", &[("the year-ago third quarter", "1988-Q3")]),
        ("It opens this September.", "1998-02-05", &[("this September", "1998-09")]),
        ("It opened last February.", "1998-01-10", &[("last February", "1997-02")]),
        ("It opened last June.", "1989-10-27", &[("last June", "1989-06")]),
        ("The election is due this September, officials said.", "1998-02-05", &[("this September", "1998-09")]),
        ("It was the last twenty four hours.", "", &[("the last twenty four hours", "PT24H")]),
        ("They shelled it the weekend of Dec. 10.", "2016-12-12", &[("the weekend of Dec. 10", "2016-W49-WE")]),
        ("They fled on Dec. 3, the day before the bridge fell.", "2016-12-12", &[("Dec. 3", "2016-12-03"), ("the day before", "2016-12-03")]),
        ("They fled on Dec. 3 and returned the day before the vote.", "2016-12-12", &[("Dec. 3", "2016-12-03"), ("the day before", "2016-12-02")]),
        // reference times: the last date the text states
        ("Shares rose Friday, Oct. 27, from the previous Friday.", "1989-10-30", &[("Friday, Oct. 27", "1989-10-27"), ("the previous Friday", "1989-10-20")]),
        ("He arrived on March 3 and spoke later in the day.", "2016-03-10", &[("March 3", "2016-03-03"), ("later in the day", "2016-03-03")]),
        ("The strike began on May 4. Later that month it spread.", "2016-06-10", &[("May 4", "2016-05-04"), ("Later that month", "2016-05")]),
        ("They met on Tuesday, May 3. Later that week talks failed.", "2016-05-10", &[("Tuesday, May 3", "2016-05-03"), ("Later that week", "2016-W18")]),
        ("That month it rained.", "2016-12-12", &[("That month", "")]),
        ("He was seen on Oct. 23; that night he fled, and the next morning he was gone.", "1999-04-19", &[("Oct. 23", "1998-10-23"), ("that night", "1998-10-23TNI"), ("the next morning", "1998-10-24TMO")]),
        ("The night before the vote, he fled.", "1999-04-19", &[]),
        ("Hours later he fled; years ago he stayed.", "", &[("Hours later", "FUTURE_REF"), ("years ago", "PAST_REF")]),
        ("Earlier in the week stocks fell; later in the month they rose.", "1989-10-26", &[("Earlier in the week", "1989-W43"), ("later in the month", "1989-10")]),
        ("In the second quarter net rose; results for that quarter included a charge.", "1989-10-27", &[("the second quarter", "1989-Q2"), ("that quarter", "1989-Q2")]),
        ("By mid-afternoon the shelling had stopped.", "1998-03-06", &[("mid-afternoon", "1998-03-06TAF")]),
        ("The offer runs until 5 p.m. EST Nov. 9.", "1989-11-02", &[("5 p.m. EST Nov. 9", "1989-11-09T17:00")]),
        ("He appears in court at midday.", "1999-10-08", &[("midday", "1999-10-08T12:00")]),
        ("The plane left at 10 o'clock.", "1998-02-13", &[("10 o'clock", "1998-02-13T10:00")]),
        ("He sold 10 o shares.", "1998-02-13", &[]),
        ("Sales in the latest fiscal year rose.", "1989-10-26", &[("the latest fiscal year", "1988")]),
        ("It was the worst disaster of this century.", "1999-03-13", &[("this century", "19")]),
        // a plural part of day after two weekdays makes both sets
        ("Flights leave on Monday and Tuesday nights.", "1998-02-13", &[("Monday", "XXXX-WXX-1TNI"), ("Tuesday nights", "XXXX-WXX-2TNI")]),
        // "a year earlier" in the sentence of "the … ended <day>": that day a year before
        ("For the six months ended Aug. 12, net fell to $6.5 million from $18 million a year earlier.", "1989-10-26", &[("the six months", "P6M"), ("Aug. 12", "1989-08-12"), ("a year earlier", "1988-08-12")]),
        ("Net rose in the third quarter ended Sept. 30. A year earlier it fell.", "1989-10-26", &[("the third quarter", "1989-Q3"), ("Sept. 30", "1989-09-30"), ("A year earlier", "1988-Q3")]),
        ("Net rose in the third quarter. For the nine months, net rose from a year earlier.", "1989-10-26", &[("the third quarter", "1989-Q3"), ("the nine months", "P9M"), ("a year earlier", "1988")]),
        // numbers that are not years, words that are not times
        ("The index closed at 1462.93, down from 1,470.", "1989-10-30", &[]),
        ("His car was seen in 1994, 1995 and 1997.", "", &[("1994", "1994"), ("1995", "1995"), ("1997", "1997")]),
        ("The party daily Granma said so.", "", &[]),
        ("Baker said on ABC's \"This Week\" that it was over.", "1991-02-25", &[]),
        ("Now, he says, it looks different.", "2016-12-12", &[]),
        // durations
        ("The siege lasted three weeks.", "", &[("three weeks", "P3W")]),
        ("It lasted six months.", "", &[("six months", "P6M")]),
        ("Within 48 hours it was over.", "", &[("48 hours", "PT48H")]),
        ("They signed a two-year deal.", "", &[("two-year", "P2Y")]),
        // the article of an adjectival period is the noun's
        ("The 30-year bond fell during the two-week strike.", "", &[("30-year", "P30Y"), ("two-week", "P2W")]),
        ("Prices rose over the past six months.", "", &[("the past six months", "P6M")]),
        ("It took several years.", "", &[("several years", "PXY")]),
        ("It lasted two decades.", "", &[("two decades", "P20Y")]),
        ("It needs two more weeks.", "", &[("two more weeks", "P2W")]),
        ("They left 1,000 second line troops.", "", &[]),
        ("They lived in camps for 2 1/2 years.", "", &[("2 1/2 years", "P2Y6M")]),
        ("A minute and a half later, a pilot called.", "", &[("A minute and a half", "PT1M30S")]),
        ("It took half an hour.", "", &[("half an hour", "PT30M")]),
        ("The flight takes two and a half hours.", "", &[("two and a half hours", "PT2H30M")]),
        ("The appeal could take as long as a month.", "", &[("a month", "P1M")]),
        ("The airline runs ten flights a week and he earns $500 a month.", "", &[]),
        ("He has campaigned for years; it grew for the first time in years.", "", &[("years", "PXY"), ("years", "PXY")]),
        ("They met for hours of talks in years past.", "", &[]),
        ("Funds must sell in the weeks ahead.", "", &[("the weeks ahead", "PXW")]),
        ("Prisoners were taken in the first hours of the war, as in the past weeks.", "", &[("the first hours", "PTXH"), ("the past weeks", "PXW")]),
        ("They held a day-long meeting during the weeks-long siege.", "", &[("a day-long", "P1D"), ("weeks-long", "PXW")]),
        ("The deal should close by year-end; prices rose since year-end.", "1989-11-02", &[("year-end", "1989-12-31"), ("year-end", "1988-12-31")]),
        ("It came after several quarters of losses.", "", &[("several quarters", "PXQ")]),
        ("Over the next couple of years sales will grow.", "", &[("the next couple of years", "P2Y")]),
        ("He spoke on CBS's 60 Minutes program.", "", &[]),
        ("It will be a second betrayal.", "", &[]),
        ("About three-quarters of the town and more than a quarter of its people were gone.", "", &[]),
        ("It was founded in 1995 and grew the following year.", "2016-12-12", &[("1995", "1995"), ("the following year", "1996")]),
        ("He died two days after the attack.", "2016-12-12", &[("two days", "P2D")]),
        ("He was elected in 1992 and re-elected four years later.", "1998-02-13", &[("1992", "1992"), ("four years later", "1996")]),
        ("Talks will resume in the coming weeks.", "", &[("the coming weeks", "FUTURE_REF")]),
        ("The deadline expires at midnight Saturday.", "1998-02-13", &[("midnight Saturday", "1998-02-14T24:00")]),
        ("It fell nearly four years ago.", "1998-02-27", &[("nearly four years ago", "1994")]),
        // sets
        ("They pray every Sunday.", "", &[("every Sunday", "XXXX-WXX-7")]),
        ("They met on Thanksgiving Day.", "2016-12-12", &[("Thanksgiving Day", "2016-11-24")]),
        ("They met on Christmas 2015.", "", &[("Christmas 2015", "2015-12-25")]),
        ("The vote is on Election Day.", "2016-10-12", &[("Election Day", "2016-11-08")]),
        ("They met on Christmas Eve.", "", &[("Christmas Eve", "XXXX-12-24")]),
        ("They met at Easter 1999 and on Good Friday 2000.", "", &[("Easter 1999", "1999-04-04"), ("Good Friday 2000", "2000-04-21")]),
        ("Protesters prayed as Easter week began.", "2000-04-17", &[("Easter week", "2000-W16")]),
        ("The paper appears weekly.", "", &[("weekly", "P1W")]),
        // clock times
        ("The attack began at 9 a.m. local time.", "2016-12-12", &[("9 a.m. local time", "2016-12-12T09:00")]),
        ("The strike came at 14:30 GMT.", "2016-12-12", &[("14:30 GMT", "2016-12-12T14:30")]),
        ("The strike came at 4 a.m. EDT Sunday.", "2016-12-12", &[("4 a.m. EDT Sunday", "2016-12-11T04:00")]),
        // years, decades, seasons, quarters, fiscal
        ("The town was taken in 2015.", "", &[("2015", "2015")]),
        ("It was built in the 1990s.", "", &[("the 1990s", "199")]),
        ("It was built in the 11th century and rebuilt in the 1800s.", "", &[("the 11th century", "10"), ("the 1800s", "18")]),
        ("It was quiet in nineteen seventy-nine.", "", &[("nineteen seventy-nine", "1979")]),
        ("He promised jobs by the year two thousand, or the year 2001.", "1998-02-05", &[("the year two thousand", "2000"), ("the year 2001", "2001")]),
        ("Earnings will be lower for the last half of 1989.", "", &[("the last half of 1989", "1989-H2")]),
        ("Flights leave on Tuesday nights.", "1998-02-13", &[("Tuesday nights", "XXXX-WXX-2TNI")]),
        ("Prices fell in the winter of nineteen ninety-four.", "", &[("the winter of nineteen ninety-four", "1994-WI")]),
        ("The summit will be held on April 24 and 25.", "1999-02-10", &[("April 24", "1999-04-24"), ("25", "1999-04-25")]),
        ("He chose the day a week or so ago.", "1991-02-25", &[("a week or so ago", "1991-W08")]),
        ("The offensive came last summer.", "2016-12-12", &[("last summer", "2016-SU")]),
        ("After the fall of the city, talks began.", "2016-12-12", &[]),
        ("Talks resume this fall.", "2016-12-12", &[("this fall", "2016-FA")]),
        ("He resigned this past spring, this past weekend or this past week.", "1989-10-26", &[("this past spring", "1989-SP"), ("this past weekend", "1989-W42-WE"), ("this past week", "1989-W42")]),
        ("The vote is at the end of the week; the first quarter of next year is later.", "1998-02-11", &[("the end of the week", "1998-W07"), ("the first quarter of next year", "1999-Q1")]),
        ("It fell in the second half of last year.", "1998-02-11", &[("the second half of last year", "1997-H2")]),
        // January and February are in last year's winter, but this year's spring is ahead
        ("The arms will be destroyed this spring; it snowed this winter.", "1998-02-13", &[("this spring", "1998-SP"), ("this winter", "1997-WI")]),
        ("Profit rose in the third quarter.", "1989-10-27", &[("the third quarter", "1989-Q3")]),
        ("Third-quarter profit rose.", "1989-10-27", &[("Third-quarter", "1989-Q3")]),
        ("Net soared in the fiscal first quarter; the third-quarter results were weak.", "1989-10-26", &[("the fiscal first quarter", "1989-Q1"), ("third-quarter", "1989-Q3")]),
        ("Results for fiscal 1998 were weak.", "", &[("fiscal 1998", "1998")]),
        // with no quarter in view, the year-earlier quarter is the one a report is about
        ("Net rose from the year-earlier quarter a year ago.", "1989-10-27", &[("the year-earlier quarter", "1988-Q3"), ("a year ago", "1988")]),
        ("In the September quarter, net rose.", "1989-10-26", &[("the September quarter", "1989-Q3")]),
        ("In 1988's fourth quarter, sales fell.", "", &[("1988's fourth quarter", "1988-Q4")]),
        ("Sales were up from the year before, and from $3 million a year before.", "1989-10-26", &[("the year before", "1988"), ("a year before", "1988")]),
        ("Sales fell in the year before the merger.", "1989-10-26", &[("the year", "1989")]),
        ("In 1995 it grew; the previous year it had shrunk.", "", &[("1995", "1995"), ("the previous year", "1994")]),
        ("The company expects 1990 earnings to rise.", "", &[("1990", "1990")]),
        ("Third-quarter net fell from a year ago.", "1989-10-27", &[("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3")]),
        ("Net rose in the quarter.", "1989-10-27", &[("the quarter", "1989-Q3")]),
        ("In the second quarter net rose; in the quarter sales fell from the 1988 quarter.", "1989-10-27", &[("the second quarter", "1989-Q2"), ("the quarter", "1989-Q2"), ("the 1988 quarter", "1988-Q2")]),
        ("Net rose in the year ended in June.", "1989-10-27", &[("the year", "P1Y"), ("June", "1989-06")]),
        // the quarter a report is about stays in view after a side mention of another
        ("Third-quarter net rose. After a flat second quarter, net was up from the year-earlier period and from a year ago.", "1989-11-01", &[("Third-quarter", "1989-Q3"), ("second quarter", "1989-Q2"), ("the year-earlier period", "1988-Q3"), ("a year ago", "1988-Q3")]),
        ("Net rose in the third quarter of 1984. Third-quarter net rose from a year ago.", "1989-10-27", &[("the third quarter of 1984", "1984-Q3"), ("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3")]),
        ("The quarter-to-quarter comparison improved.", "1989-11-01", &[]),
        // a longer period in view: the year-earlier one is written as its length
        ("For the nine months, net rose; in the year-earlier period, it fell.", "1989-10-27", &[("the nine months", "P9M"), ("the year-earlier period", "P9M")]),
        ("Net for the year-earlier nine months included a gain.", "1989-10-27", &[("the year-earlier nine months", "P9M")]),
        // not time expressions
        ("About 2000 troops and 300 tanks took part.", "2016-12-12", &[]),
        ("He may march on the capital.", "2016-12-12", &[]),
        ("See note 12.", "2016-12-12", &[]),
        // no document date: nothing relative is resolved
        ("Officials said yesterday that it fell last month.", "", &[("yesterday", ""), ("last month", "")]),
    ];

    #[test]
    fn table() {
        let mut failures = Vec::new();
        for (text, dct, expected) in CASES {
            check(text, date(dct).as_ref());
            let got = found(text, dct);
            let want: Vec<(String, Option<String>)> =
                expected.iter().map(|(t, v)| (t.to_string(), (!v.is_empty()).then(|| v.to_string()))).collect();
            if got != want {
                failures.push(format!("{text:?} @ {dct:?}\n   got  {got:?}\n   want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn unresolved_without_a_date() {
        for t in find_times("They left yesterday and came back on Sunday, three days ago.", None) {
            assert_ne!(t.anchor, Anchor::DocumentDate, "{t:?}");
        }
        let t = &find_times("Yesterday it fell.", None)[0];
        assert_eq!((t.value.as_deref(), t.anchor), (None, Anchor::Unresolved));
    }

    #[test]
    fn anchors_and_precision() {
        let dct = date("2016-12-12");
        let t = find_times("It fell on Dec. 10 and again the next day.", dct.as_ref());
        assert_eq!(t[0].precision, Some("day"));
        assert_eq!(t[0].anchor, Anchor::DocumentDate);
        assert_eq!(t[1].anchor, Anchor::Previous(t[0].span));
        let t = find_times("In 2015 it fell.", dct.as_ref());
        assert_eq!((t[0].precision, t[0].anchor), (Some("year"), Anchor::None));
        // a weekend is a week's part, not a day
        let t = find_times("It fell over the weekend of Dec. 10.", dct.as_ref());
        assert_eq!((t[0].value.as_deref(), t[0].precision), (Some("2016-W49-WE"), Some("week")));
    }

    #[test]
    fn calendar() {
        for day in -800_000..800_000i64 {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(weekday(days_from_civil(2016, 12, 11)), 7);
        assert_eq!(iso_week(days_from_civil(2016, 12, 11)), (2016, 49));
        assert_eq!(iso_week(days_from_civil(2021, 1, 1)), (2020, 53));
        for (y, m, d) in [(1989, 3, 26), (1998, 4, 12), (2000, 4, 23), (2016, 3, 27), (2019, 4, 21), (2038, 4, 25)] {
            assert_eq!(easter(y), days_from_civil(y, m, d), "Easter {y}");
        }
    }

    /// A TIMEX3 value as this module writes them.
    pub(super) fn valid_value(v: &str) -> bool {
        let date = r"(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?|\d{4}-W\d{2}(-WE)?|XXXX-WXX-(\d|WE)|\d{4}-(Q[1-4]|H[12]|SP|SU|FA|WI)|XXXX-(SP|SU|FA|WI)|\d{2,3}|FY\d{4}";
        let time = r"T(\d{2}:\d{2}|MO|AF|EV|NI)";
        let re = regex::Regex::new(&format!(
            r"^(PRESENT_REF|PAST_REF|FUTURE_REF|P(\d+|X)(Y|M|W|D|DE|CE|Q)|PT(\d+|X)(H|M|S)|P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?|(({date})({time})?)(/({date}))?)$"
        ))
        .unwrap();
        if !re.is_match(v) {
            return false;
        }
        if v.ends_with("_REF") {
            return true;
        }
        if v.starts_with('P') {
            return v != "P" && !v.ends_with('T');
        }
        // Calendar validity and order of ranges.
        let parse = |s: &str| -> Option<i64> {
            let (y, m, d) = (s.get(..4)?.parse().ok()?, s.get(5..7)?.parse().ok()?, s.get(8..10)?.parse().ok()?);
            (s.len() == 10 && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then(|| days_from_civil(y, m, d))
        };
        match v.split_once('/') {
            Some((a, b)) => matches!((parse(a), parse(b)), (Some(a), Some(b)) if a <= b),
            None if v.len() == 7 && v.as_bytes()[5].is_ascii_digit() => v[5..7].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)),
            None => v.len() != 10 || v.starts_with('X') || parse(v).is_some(),
        }
    }

    #[test]
    fn validator() {
        assert!(valid_value("2016-12-10/2016-12-11"));
        assert!(!valid_value("2016-12-11/2016-12-10"));
        assert!(!valid_value("2016-02-30"));
        assert!(valid_value("P3W") && valid_value("PT48H") && valid_value("2016-W49-WE") && valid_value("XXXX-12-11"));
        assert!(!valid_value("P3") && !valid_value("2016-13"));
        assert!(valid_value("P2Y6M") && valid_value("PT1M30S") && valid_value("PT30M") && valid_value("P1DT12H"));
        assert!(!valid_value("P") && !valid_value("P2YT"));
        assert!(valid_value("FUTURE_REF") && valid_value("PAST_REF") && valid_value("PRESENT_REF"));
        assert!(valid_value("XXXX-SU") && !valid_value("XXXX-Q3"));
    }

    fn check(text: &str, dct: Option<&Published>) {
        let times = find_times(text, dct);
        // The content-word lookahead only saves work: it never changes what is found.
        assert_eq!(times, find_times_with(text, dct, false), "the lookahead changed the expressions of {text:?}");
        let mut last = 0;
        for t in &times {
            assert!(t.span.start() >= last, "overlap or disorder in {text:?}: {times:?}");
            assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
            assert!(!t.span.is_empty());
            last = t.span.end();
            if let Some(v) = &t.value {
                assert!(valid_value(v), "bad value {v:?} for {:?} in {text:?}", t.span.of(text));
            }
        }
    }

    /// Every function word before every word of the tables (and a few numbers), with and
    /// without a document date: the lookahead must find the same expressions as trying every
    /// starter.
    #[test]
    fn lookahead_keeps_every_pair() {
        let mut vocabulary: Vec<&str> = starters().iter().chain(content_words().iter()).copied().collect();
        vocabulary.extend(["1990s", "15", "2016", "3:30", "a.m.", "June", "Sunday"]);
        vocabulary.sort_unstable();
        vocabulary.dedup();
        let dct = date("2016-12-12");
        for f in FUNCTION_WORDS {
            for x in &vocabulary {
                for text in [format!("{f} {x}"), format!("{f} {x} ago"), format!("said {f} {x} later")] {
                    for d in [dct.as_ref(), None] {
                        assert_eq!(find_times(&text, d), find_times_with(&text, d, false), "{text:?}");
                    }
                }
            }
        }
    }

    const WORDS: &[&str] = &[
        "Dec.", "10", "–", "11", "2016", "on", "Sunday", "last", "next", "week", "month", "year", "ago", "three", "weeks",
        "the", "day", "9", "a.m.", "14:30", "every", "late", "June", "mid-", "1990s", "quarter", "third", "fiscal", "Feb.",
        "29", "31", ",", ".", "/", "-", "weekend", "of", "now", "yesterday", "é", "’90s", "a", "night", "summer", "half",
        "and", "1", "2", "nineteen", "ninety-four", "two", "thousand", "century", "11th", "1800s", "that", "previous", "Friday",
        "midday", "couple", "mid-afternoon", "later", "in", "flights", "Minutes", "fiscal", "said", "will", "Now", "daily",
        "per", "second", "about", "more", "than", "end", "each", "few", "early", "the", "current", "first", "period", "ended",
    ];

    proptest! {
        #[test]
        fn any_string_is_safe(text in "\\PC{0,80}", y in 1i32..2100, m in 1u32..13, d in 1u32..29) {
            check(&text, Published::day(y, m, d).as_ref());
            check(&text, None);
        }

        #[test]
        fn word_soup_gives_valid_values(words in proptest::collection::vec(0..WORDS.len(), 0..14), y in 1900i32..2100, m in 1u32..13, d in 1u32..29) {
            let text = words.iter().map(|&k| WORDS[k]).collect::<Vec<_>>().join(" ");
            check(&text, Published::day(y, m, d).as_ref());
            check(&text, None);
        }
    }

    /// The Palmyra pages: prints what is found (run with `--nocapture`); pages without a date
    /// must resolve nothing against one. Skips when the corpus is absent.
    #[test]
    fn palmyra_pages() {
        let Some(paths) = crate::palmyra_pages() else { return };
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let docs = corroborate_ingest::documents_from_bytes(&path.display().to_string(), &bytes, &corroborate_ingest::Options::default());
            for doc in docs.into_iter().flatten() {
                let times = find_times(&doc.text, doc.published.as_ref());
                println!("{} (published {:?})", path.file_name().unwrap().to_string_lossy(), doc.published.as_ref().map(|p| p.iso()));
                for t in &times {
                    println!("  {:?} {:?} {:?} {:?}", t.span.of(&doc.text), t.kind, t.value, t.anchor);
                    if doc.published.is_none() {
                        assert_ne!(t.anchor, Anchor::DocumentDate);
                    }
                }
                check(&doc.text, doc.published.as_ref());
            }
        }
    }
}

#[cfg(test)]
mod speed {
    /// Throughput on repeated invented news text. Run in release:
    /// `cargo test --release -p corroborate-annotate --lib times::speed -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn megabytes_per_second() {
        let paragraph = "The army said on Sunday that it had retaken the town, three weeks after it fell. \
            Officials told reporters yesterday that about 4,000 fighters took part in the assault, which began \
            at 9 a.m. on Dec. 10 and lasted until the next day. Last month the group lost 300 men; earlier in \
            March this year it had held the area for six months. The ministry, which meets every Sunday, said \
            the talks would resume in late June, and that the situation is now calm.\n\n";
        let text = paragraph.repeat(5_000_000 / paragraph.len());
        let dct = corroborate_ingest::Published::day(2016, 12, 12);
        let start = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..3 {
            n += super::find_times(&text, dct.as_ref()).len();
        }
        let secs = start.elapsed().as_secs_f64();
        println!("times: {:.1} MB/s ({} expressions, {} bytes x3)", 3.0 * text.len() as f64 / 1e6 / secs, n, text.len());
    }
}
