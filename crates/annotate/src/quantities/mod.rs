//! Quantities: every numeric claim as an interval, with its unit and the thing counted.
//!
//! ```
//! use corroborate_annotate::quantities::{find_quantities, QuantityKind};
//! let text = "More than 5,000 IS militants attacking Palmyra faced 14 tanks.";
//! let q = find_quantities(text);
//! assert_eq!(q[0].span.of(text), "More than 5,000");
//! assert_eq!((q[0].low, q[0].high, q[0].low_inclusive), (Some(5000.0), None, false));
//! assert_eq!(q[0].unit.as_deref(), Some("militants"));
//! assert_eq!(q[0].counted.as_ref().unwrap().0, "IS militants attacking Palmyra");
//! assert_eq!((q[1].low, q[1].unit.as_deref(), q[1].kind.clone()), (Some(14.0), Some("tanks"), QuantityKind::Count));
//! ```
//!
//! # Rules
//!
//! The text is cut once into tokens (numbers, words, single punctuation characters), then each
//! number — digits (`5,000`, `9000`, `1.5`) or words (`five thousand`, `twenty-five`, `a dozen`)
//! — is grown into a quantity:
//!
//! - **scale**: `5 million`, `$13.6M`, `1.5bn`, `$50k`.
//! - **range**: `4000-5000`, `5,000–7,000`, `between 4000 and 5000`, `from 10 to 20` → `[low, high]`
//!   (when the second number is smaller, the two are separate figures, as in "from 4.8 to 4.7").
//! - **bounds** before the number ([`BOUNDS`]): `more than`/`over`/`above` → `(v, ∞)`,
//!   `at least` → `[v, ∞)`, `up to`/`as many as`/`at most` → `(-∞, v]`, `fewer than`/`under` →
//!   `(-∞, v)`, `nearly`/`almost` → `(-∞, v)` and approximate.
//! - **approximations**: `about`, `some`, `roughly`, `around`, `approximately`, `an estimated`,
//!   `~` → `approx`.
//! - **vague counts**, mapped as ACLED codes fatalities: ACLED's figure is the low end of an
//!   open interval marked approximate (`dozens` → `[12, ∞)`, so the most conservative reading
//!   is 12):
//!
//!   | words | value |
//!   | --- | --- |
//!   | `tens` (of) | 10 |
//!   | `dozens` | 12 |
//!   | `hundreds` | 100 |
//!   | `thousands` | 1,000 |
//!   | `millions` | 1,000,000 |
//!
//!   and multiplied when stacked: `tens of thousands` → 10,000.
//! - **ratios**: `five to one`, `5-to-1`, `5:1` → [`QuantityKind::Ratio`] with value 5.
//! - **units** after the number ([`UNITS`]: percent, money words, distances, durations, other
//!   measures) or a currency before it (`$`, `US$`, `€`, `£`, `¥`, `A$`, `HK$`, `RM`); a unit
//!   can take a rate: `$58 per barrel`, `$1,271 an ounce`.
//! - **counted noun**: without a measure unit, the head noun after the number (`of the` skipped):
//!   a run of up to five content words, cut before an `-ing`/`-ed` word once a noun is found; the
//!   last word of the run is the unit ("5,000 IS militants" → `militants`). The counted concept
//!   is the run plus a short trailing participle or prepositional phrase (at most four words, up
//!   to punctuation or a function word): "IS militants attacking Palmyra". For a percentage the
//!   counted concept is the `of` phrase after it ("60% of its revenue" → "revenue").
//! - **what a measure measures, and whose figure it is** come from the parts of speech and
//!   chunks of the quantity's sentence ([`concept`], over [`crate::syntax`]).
//! - **what a measure measures, and whose figure it is** come from the parts of speech and
//!   chunks of the quantity's sentence ([`concept`], over [`crate::syntax`]).
//! - **trend**: a rise or fall word just before (`up`, `rose`, `fell`, `+`) gives [`Trend`].
//!
//! Not quantities: dates (`Dec. 11`, `11 December`, bare years 1000–2100 with no unit), clock
//! times (`9:30`, `9 p.m.`), ordinals (`1st`), numbers that are part of a name (`Operation 1`,
//! `F-35`, `S&P 500`: a number right after a capitalised word or a label noun such as
//! `category` or `stage` ("a category 4 hurricane"), hyphen-glued to letters, or
//! glued to letters that are no unit), footnote markers (`[4]`), phone numbers (three dash- or
//! space-separated digit groups), versions (`1.2.3`).
//!
//! # Why no crate
//!
//! The Rust crates for numbers in text parse numbers, not claims: none returns bounds as an
//! interval, ACLED's vague counts, or the counted noun with its span. The rules are a single
//! pass over tokens with small lookups, no regular expressions: linear time.

mod concept;

use crate::Span;

/// One numeric claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The whole numeric expression with its bound words and unit ("more than 5,000").
    pub span: Span,
    /// Lower end of the interval; `None` is unbounded. Always `low <= high` when both are set.
    pub low: Option<f64>,
    /// Upper end of the interval; `None` is unbounded.
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    /// Hedged: "about", "some", vague counts ("dozens").
    pub approx: bool,
    pub kind: QuantityKind,
    /// The measure unit (`km`, `USD`, `%`) or the counted noun (`militants`, `tanks`).
    pub unit: Option<String>,
    /// What is counted or measured, as text and span: "IS militants attacking Palmyra" (a
    /// count), "tax on imported vehicles" (a 25% tax), "revenue" (60% of its revenue).
    pub counted: Option<(String, Span)>,
    /// A change rather than a level: "rose 3%", "down 19 cents".
    pub trend: Option<Trend>,
    /// Whose figure it is, or what it is about, when the sentence says it: the subject of its
    /// clause ("Ford (F), which has 13000 workers" → "Ford (F)"), the phrase a count is of
    /// ("a survey of seven countries" → "survey"), a possessor. Text and span.
    pub whose: Option<(String, Span)>,
}

/// What sort of number a [`Quantity`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuantityKind {
    Count,
    Percent,
    Money { currency: String },
    Distance,
    Duration,
    /// "five to one": the value is the first term over the second.
    Ratio,
    /// Any other measure; the payload is the unit ("kg", "mph").
    Other(String),
}

impl QuantityKind {
    /// A measure (money, percent, distance, duration, other), not a count or a ratio: it
    /// measures something rather than counting it.
    pub fn is_measure(&self) -> bool {
        !matches!(self, QuantityKind::Count | QuantityKind::Ratio)
    }
}

/// Direction of a change stated with the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
}

/// An interval `low..high` with `low <= high`, the only way a [`Quantity`] gets its bounds.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Interval {
    low: Option<f64>,
    high: Option<f64>,
    low_inclusive: bool,
    high_inclusive: bool,
}

impl Interval {
    /// `None` unless both ends are finite where set and `low <= high`.
    fn new(low: Option<f64>, high: Option<f64>, low_inclusive: bool, high_inclusive: bool) -> Option<Interval> {
        if low.is_some_and(|v| !v.is_finite()) || high.is_some_and(|v| !v.is_finite()) {
            return None;
        }
        if let (Some(l), Some(h)) = (low, high) {
            if l > h {
                return None;
            }
        }
        Some(Interval { low, high, low_inclusive: low.is_some() && low_inclusive, high_inclusive: high.is_some() && high_inclusive })
    }

}

/// Bound and approximation words before a number: (words, effect).
pub const BOUNDS: &[(&str, Bound)] = &[
    ("more than", Bound::Above(false)),
    ("more then", Bound::Above(false)),
    ("over than", Bound::Above(false)),
    ("greater than", Bound::Above(false)),
    ("upwards of", Bound::Above(false)),
    ("in excess of", Bound::Above(false)),
    ("just over", Bound::Above(false)),
    ("well over", Bound::Above(false)),
    ("over", Bound::Above(false)),
    ("above", Bound::Above(false)),
    ("exceeding", Bound::Above(false)),
    ("at least", Bound::Above(true)),
    ("no fewer than", Bound::Above(true)),
    ("no less than", Bound::Above(true)),
    ("a minimum of", Bound::Above(true)),
    ("up to", Bound::Below(true)),
    ("as many as", Bound::Below(true)),
    ("as much as", Bound::Below(true)),
    ("at most", Bound::Below(true)),
    ("no more than", Bound::Below(true)),
    ("a maximum of", Bound::Below(true)),
    ("fewer than", Bound::Below(false)),
    ("less than", Bound::Below(false)),
    ("just under", Bound::Below(false)),
    ("under", Bound::Below(false)),
    ("below", Bound::Below(false)),
    ("sub-", Bound::Below(false)),
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("close to", Bound::Approx),
    ("about", Bound::Approx),
    ("around", Bound::Approx),
    ("roughly", Bound::Approx),
    ("approximately", Bound::Approx),
    ("approx", Bound::Approx),
    ("some", Bound::Approx),
    ("an estimated", Bound::Approx),
    ("estimated", Bound::Approx),
    ("circa", Bound::Approx),
    ("barely", Bound::Approx),
    ("~", Bound::Approx),
];

/// The effect of a bound word on the number after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// `(v, ∞)`, inclusive if true.
    Above(bool),
    /// `(-∞, v)`, inclusive if true.
    Below(bool),
    /// Just below `v`, approximate.
    Nearly,
    Approx,
}

/// Unit class of an entry in [`UNITS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitClass {
    Percent,
    Money,
    Distance,
    Duration,
    Other,
}

/// Units after a number, lower-case surface → canonical name. Multi-word surfaces are matched
/// token by token with their spacing ("per cent", "km/h", "°c").
pub const UNITS: &[(&str, &str, UnitClass)] = &[
    ("%", "%", UnitClass::Percent),
    ("percent", "%", UnitClass::Percent),
    ("per cent", "%", UnitClass::Percent),
    ("pc", "%", UnitClass::Percent),
    ("pct", "%", UnitClass::Percent),
    ("percentage points", "percentage point", UnitClass::Other),
    ("percentage point", "percentage point", UnitClass::Other),
    ("basis points", "basis point", UnitClass::Other),
    ("bps", "basis point", UnitClass::Other),
    ("dollars", "USD", UnitClass::Money),
    ("australian dollars", "AUD", UnitClass::Money),
    ("canadian dollars", "CAD", UnitClass::Money),
    ("hong kong dollars", "HKD", UnitClass::Money),
    ("new zealand dollars", "NZD", UnitClass::Money),
    ("singapore dollars", "SGD", UnitClass::Money),
    ("danish crowns", "DKK", UnitClass::Money),
    ("danish kroner", "DKK", UnitClass::Money),
    ("swedish crowns", "SEK", UnitClass::Money),
    ("swedish kronor", "SEK", UnitClass::Money),
    ("norwegian crowns", "NOK", UnitClass::Money),
    ("norwegian kroner", "NOK", UnitClass::Money),
    ("swiss francs", "CHF", UnitClass::Money),
    ("cubic feet", "cu ft", UnitClass::Other),
    ("cubic metres", "m3", UnitClass::Other),
    ("cubic meters", "m3", UnitClass::Other),
    ("dollar", "USD", UnitClass::Money),
    ("us dollars", "USD", UnitClass::Money),
    ("usd", "USD", UnitClass::Money),
    ("euros", "EUR", UnitClass::Money),
    ("euro", "EUR", UnitClass::Money),
    ("eur", "EUR", UnitClass::Money),
    ("pounds sterling", "GBP", UnitClass::Money),
    ("gbp", "GBP", UnitClass::Money),
    ("yen", "JPY", UnitClass::Money),
    ("yuan", "CNY", UnitClass::Money),
    ("rupees", "INR", UnitClass::Money),
    ("shekels", "ILS", UnitClass::Money),
    ("shekel", "ILS", UnitClass::Money),
    ("ringgit", "MYR", UnitClass::Money),
    ("roubles", "RUB", UnitClass::Money),
    ("rubles", "RUB", UnitClass::Money),
    ("cents", "cent", UnitClass::Money),
    ("cent", "cent", UnitClass::Money),
    ("sen", "sen", UnitClass::Money),
    ("p", "pence", UnitClass::Money),
    ("pence", "pence", UnitClass::Money),
    ("km", "km", UnitClass::Distance),
    ("kms", "km", UnitClass::Distance),
    ("kilometres", "km", UnitClass::Distance),
    ("kilometers", "km", UnitClass::Distance),
    ("kilometre", "km", UnitClass::Distance),
    ("kilometer", "km", UnitClass::Distance),
    ("miles", "mi", UnitClass::Distance),
    ("mile", "mi", UnitClass::Distance),
    ("m", "m", UnitClass::Distance),
    ("metres", "m", UnitClass::Distance),
    ("meters", "m", UnitClass::Distance),
    ("metre", "m", UnitClass::Distance),
    ("meter", "m", UnitClass::Distance),
    ("cm", "cm", UnitClass::Distance),
    ("centimetres", "cm", UnitClass::Distance),
    ("centimeters", "cm", UnitClass::Distance),
    ("mm", "mm", UnitClass::Distance),
    ("millimetres", "mm", UnitClass::Distance),
    ("millimeters", "mm", UnitClass::Distance),
    ("feet", "ft", UnitClass::Distance),
    ("foot", "ft", UnitClass::Distance),
    ("ft", "ft", UnitClass::Distance),
    ("inches", "in", UnitClass::Distance),
    ("inch", "in", UnitClass::Distance),
    ("yards", "yd", UnitClass::Distance),
    ("yard", "yd", UnitClass::Distance),
    ("nautical miles", "nmi", UnitClass::Distance),
    ("nanometer", "nm", UnitClass::Distance),
    ("nanometers", "nm", UnitClass::Distance),
    ("nanometres", "nm", UnitClass::Distance),
    ("nm", "nm", UnitClass::Distance),
    ("μm", "µm", UnitClass::Distance),
    ("µm", "µm", UnitClass::Distance),
    ("micrometres", "µm", UnitClass::Distance),
    ("micrometers", "µm", UnitClass::Distance),
    ("years", "year", UnitClass::Duration),
    ("year", "year", UnitClass::Duration),
    ("months", "month", UnitClass::Duration),
    ("month", "month", UnitClass::Duration),
    ("weeks", "week", UnitClass::Duration),
    ("week", "week", UnitClass::Duration),
    ("days", "day", UnitClass::Duration),
    ("day", "day", UnitClass::Duration),
    ("hours", "hour", UnitClass::Duration),
    ("hour", "hour", UnitClass::Duration),
    ("hrs", "hour", UnitClass::Duration),
    ("minutes", "minute", UnitClass::Duration),
    ("minute", "minute", UnitClass::Duration),
    ("min", "minute", UnitClass::Duration),
    ("mins", "minute", UnitClass::Duration),
    ("seconds", "second", UnitClass::Duration),
    ("second", "second", UnitClass::Duration),
    ("secs", "second", UnitClass::Duration),
    ("decades", "decade", UnitClass::Duration),
    ("centuries", "century", UnitClass::Duration),
    ("km/h", "km/h", UnitClass::Other),
    ("km/hr", "km/h", UnitClass::Other),
    ("kph", "km/h", UnitClass::Other),
    ("kmh", "km/h", UnitClass::Other),
    ("kilometres per hour", "km/h", UnitClass::Other),
    ("kilometers per hour", "km/h", UnitClass::Other),
    ("mph", "mph", UnitClass::Other),
    ("miles per hour", "mph", UnitClass::Other),
    ("miles an hour", "mph", UnitClass::Other),
    ("mpg", "mpg", UnitClass::Other),
    ("miles per gallon", "mpg", UnitClass::Other),
    ("kg", "kg", UnitClass::Other),
    ("kgs", "kg", UnitClass::Other),
    ("kilograms", "kg", UnitClass::Other),
    ("kilogram", "kg", UnitClass::Other),
    ("kilos", "kg", UnitClass::Other),
    ("g", "g", UnitClass::Other),
    ("liter", "l", UnitClass::Other),
    ("litre", "l", UnitClass::Other),
    ("millimeter", "mm", UnitClass::Distance),
    ("millimetre", "mm", UnitClass::Distance),
    ("centimeter", "cm", UnitClass::Distance),
    ("centimetre", "cm", UnitClass::Distance),
    ("basis point", "basis point", UnitClass::Other),
    ("m2", "m2", UnitClass::Other),
    ("km2", "km2", UnitClass::Other),
    ("″", "in", UnitClass::Distance),
    ("€", "EUR", UnitClass::Money),
    ("£", "GBP", UnitClass::Money),
    ("jpy", "JPY", UnitClass::Money),
    ("gigapascals", "GPa", UnitClass::Other),
    ("volts", "V", UnitClass::Other),
    ("kv", "kV", UnitClass::Other),
    ("mg", "mg", UnitClass::Other),
    ("milligrams", "mg", UnitClass::Other),
    ("ml", "ml", UnitClass::Other),
    ("millilitres", "ml", UnitClass::Other),
    ("db", "dB", UnitClass::Other),
    ("decibels", "dB", UnitClass::Other),
    ("newton metres", "N m", UnitClass::Other),
    ("grams", "g", UnitClass::Other),
    ("gram", "g", UnitClass::Other),
    ("tonnes", "t", UnitClass::Other),
    ("tons", "t", UnitClass::Other),
    ("tonne", "t", UnitClass::Other),
    ("ton", "t", UnitClass::Other),
    ("lb", "lb", UnitClass::Other),
    ("lbs", "lb", UnitClass::Other),
    ("pounds", "lb", UnitClass::Other),
    ("ounces", "oz", UnitClass::Other),
    ("oz", "oz", UnitClass::Other),
    ("ounce", "oz", UnitClass::Other),
    ("fluid ounces", "fl oz", UnitClass::Other),
    ("fluid ounce", "fl oz", UnitClass::Other),
    ("pints", "pt", UnitClass::Other),
    ("pint", "pt", UnitClass::Other),
    ("quarts", "qt", UnitClass::Other),
    ("quart", "qt", UnitClass::Other),
    ("gallon", "gal", UnitClass::Other),
    ("barrel", "barrel", UnitClass::Other),
    ("acre", "acre", UnitClass::Other),
    ("hectare", "ha", UnitClass::Other),
    ("tonne", "t", UnitClass::Other),
    ("litres", "l", UnitClass::Other),
    ("liters", "l", UnitClass::Other),
    ("gallons", "gal", UnitClass::Other),
    ("barrels", "barrel", UnitClass::Other),
    ("acres", "acre", UnitClass::Other),
    ("hectares", "ha", UnitClass::Other),
    ("square feet", "sq ft", UnitClass::Other),
    ("sq ft", "sq ft", UnitClass::Other),
    ("square metres", "m2", UnitClass::Other),
    ("square meters", "m2", UnitClass::Other),
    ("sq m", "m2", UnitClass::Other),
    ("square kilometres", "km2", UnitClass::Other),
    ("square kilometers", "km2", UnitClass::Other),
    ("square miles", "sq mi", UnitClass::Other),
    ("sq km", "km2", UnitClass::Other),
    ("°c", "°C", UnitClass::Other),
    ("°f", "°F", UnitClass::Other),
    ("degrees celsius", "°C", UnitClass::Other),
    ("degrees fahrenheit", "°F", UnitClass::Other),
    ("degrees", "degree", UnitClass::Other),
    ("degree", "degree", UnitClass::Other),
    ("celsius", "°C", UnitClass::Other),
    ("fahrenheit", "°F", UnitClass::Other),
    ("f", "°F", UnitClass::Other),
    ("hp", "hp", UnitClass::Other),
    ("bhp", "bhp", UnitClass::Other),
    ("horsepower", "hp", UnitClass::Other),
    ("ps", "PS", UnitClass::Other),
    ("kw", "kW", UnitClass::Other),
    ("kilowatts", "kW", UnitClass::Other),
    ("mw", "MW", UnitClass::Other),
    ("megawatts", "MW", UnitClass::Other),
    ("gw", "GW", UnitClass::Other),
    ("gigawatts", "GW", UnitClass::Other),
    ("w", "W", UnitClass::Other),
    ("watts", "W", UnitClass::Other),
    ("kwh", "kWh", UnitClass::Other),
    ("mwh", "MWh", UnitClass::Other),
    ("gwh", "GWh", UnitClass::Other),
    ("mah", "mAh", UnitClass::Other),
    ("nm", "nm", UnitClass::Other),
    ("pound-feet", "lb-ft", UnitClass::Other),
    ("lb-ft", "lb-ft", UnitClass::Other),
    ("gb", "GB", UnitClass::Other),
    ("tb", "TB", UnitClass::Other),
    ("mb", "MB", UnitClass::Other),
    ("gigabytes", "GB", UnitClass::Other),
    ("hz", "Hz", UnitClass::Other),
    ("khz", "kHz", UnitClass::Other),
    ("mhz", "MHz", UnitClass::Other),
    ("ghz", "GHz", UnitClass::Other),
    ("gpa", "GPa", UnitClass::Other),
    ("mpa", "MPa", UnitClass::Other),
    ("rpm", "rpm", UnitClass::Other),
    ("ppb", "ppb", UnitClass::Other),
    ("ppm", "ppm", UnitClass::Other),
    ("parts per billion", "ppb", UnitClass::Other),
    ("parts per million", "ppm", UnitClass::Other),
    ("mbps", "Mbps", UnitClass::Other),
    ("gbps", "Gbps", UnitClass::Other),
    ("points", "point", UnitClass::Other),
    ("point", "point", UnitClass::Other),
    ("pts", "point", UnitClass::Other),
    ("times", "times", UnitClass::Other),
];

/// Currency signs and prefixes written before the number → currency code.
const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("us$", "USD"),
    ("$us", "USD"),
    ("usd", "USD"),
    ("$a", "AUD"),
    ("ps", "GBP"),
    ("us $", "USD"),
    ("a$", "AUD"),
    ("au$", "AUD"),
    ("c$", "CAD"),
    ("ca$", "CAD"),
    ("hk$", "HKD"),
    ("hk $", "HKD"),
    ("nz$", "NZD"),
    ("s$", "SGD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("y=", "JPY"),
    ("₹", "INR"),
    ("₪", "ILS"),
    ("₽", "RUB"),
    ("rs", "INR"),
    ("rs.", "INR"),
    ("rm", "MYR"),
];

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words that end a counted-noun run (function words, auxiliaries, common verbs).
const STOP: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "nor",
    "was", "were", "is", "are", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "could", "should", "can", "may", "might", "must", "shall", "that", "which", "who",
    "whom", "whose", "this", "these", "those", "it", "its", "their", "his", "her", "our", "my", "your",
    "they", "them", "he", "she", "we", "you", "i", "as", "than", "then", "per", "more", "less", "said",
    "says", "say", "according", "into", "onto", "over", "under", "about", "after", "before", "since",
    "until", "while", "when", "where", "if", "so", "not", "no", "also", "only", "just", "each", "every",
    "all", "some", "any", "both", "either", "neither", "such", "what", "how", "why", "there", "here",
    "against", "between", "among", "during", "through", "across", "near", "around", "up", "down", "out",
    "off", "ago", "later", "earlier", "last", "next", "this", "to", "via",
    "because", "though", "although", "yet", "still", "even", "very", "too", "other", "another", "same",
    "most", "least", "many", "much", "few", "several", "now", "today", "yesterday", "tomorrow", "again",
    "away", "back", "being", "including", "whichever", "whatever", "behind", "beyond", "ever", "worth", "above", "below", "within", "without", "toward", "towards", "upon", "inside", "outside", "ahead", "like", "compared", "versus", "vs", "while", "whereas",
];

/// Nouns a number after which labels a rank or a place in a series ("a category 4 hurricane",
/// "stage 3 trials", "page 12"), not an amount.
const LABEL_NOUNS: &[&str] = &[
    "category", "level", "stage", "phase", "grade", "tier", "class", "type", "chapter", "section", "article", "page", "number", "model", "version", "gate",
    "platform", "route", "row", "seat", "room", "flight", "channel", "track", "episode", "volume", "size",
];

/// Prepositions that may open the short trailing phrase of a counted concept.
const TRAIL_PREPOSITIONS: &[&str] = &["in", "at", "on", "from", "near", "of", "for", "with", "against", "across", "inside", "outside", "around"];

const UP_WORDS: &[&str] = &[
    "up", "rose", "rise", "rises", "rising", "risen", "gained", "gain", "gains", "added", "climbed", "climb", "jumped",
    "jump", "advanced", "increased", "increase", "increases", "grew", "grow", "grows", "growth", "surged", "soared",
    "rallied", "higher", "boost", "boosted", "climbing", "jumping", "surging", "soaring", "gaining", "adding", "advancing", "increasing", "growing", "rallying", "jumps", "climbs", "surges", "soars",
];
const DOWN_WORDS: &[&str] = &[
    "down", "fell", "fall", "falls", "falling", "dropped", "drop", "drops", "slid", "slide", "lost", "lose",
    "plunged", "plummeted", "declined", "decline", "decreased", "decrease", "slumped", "tumbled", "shed",
    "sank", "dipped", "eased", "lower", "cut", "slipped", "fallen", "shrank", "plummeting", "plunging", "sliding", "dropping", "declining", "tumbling", "sinking", "slumping", "dipping", "shedding", "losing", "decreasing", "shrinking", "slips", "slides", "plunges", "tumbles", "declines",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    s: usize,
    e: usize,
    k: K,
    /// Whitespace (or the text start) right before the token.
    space: bool,
    /// A line break (or the text start) right before the token.
    nl: bool,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut space = true;
    let mut nl = true;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            space = true;
            nl |= c == b'\n' || c == b'\r';
            i += 1;
            continue;
        }
        let start = i;
        let k;
        if c.is_ascii_digit() || (c == b'.' && space && i + 1 < b.len() && b[i + 1].is_ascii_digit()) {
            i += 1;
            while i < b.len() {
                if b[i].is_ascii_digit() {
                    i += 1;
                } else if (b[i] == b',' || b[i] == b'.') && i + 1 < b.len() && b[i + 1].is_ascii_digit() {
                    i += 2;
                } else {
                    break;
                }
            }
            k = K::Num;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_alphabetic() {
                i += ch.len_utf8();
                while i < b.len() {
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    let apostrophe = (ch == '\'' || ch == '’') && text[i + ch.len_utf8()..].chars().next().is_some_and(|n| n.is_alphabetic());
                    if ch.is_alphabetic() || apostrophe {
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                k = K::Word;
            } else if ch.is_whitespace() {
                i += ch.len_utf8();
                space = true;
                nl |= matches!(ch, '\u{85}' | '\u{2028}' | '\u{2029}');
                continue;
            } else {
                i += ch.len_utf8();
                k = K::Punct;
            }
        }
        toks.push(Tok { s: start, e: i, k, space, nl });
        space = false;
        nl = false;
    }
    toks
}

struct Ctx<'t> {
    text: &'t str,
    toks: Vec<Tok>,
}

impl<'t> Ctx<'t> {
    fn s(&self, i: usize) -> &'t str {
        let t = self.toks[i];
        &self.text[t.s..t.e]
    }
    fn is(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.s(i).eq_ignore_ascii_case(w)
    }
    fn kind(&self, i: usize) -> Option<K> {
        self.toks.get(i).map(|t| t.k)
    }
    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        i < self.toks.len() && self.toks[i].k == K::Word && list.iter().any(|w| self.s(i).eq_ignore_ascii_case(w))
    }
    fn capitalized(&self, i: usize) -> bool {
        self.kind(i) == Some(K::Word) && self.s(i).chars().next().is_some_and(|c| c.is_uppercase())
    }
    /// Does the token sequence from `i` spell `phrase` (words/punct separated by spaces or not)?
    /// Returns the index after the match.
    fn matches(&self, i: usize, phrase: &str) -> Option<usize> {
        // The first bytes differ: no match (the loop below would find the same, slower; the
        // unit and currency tables are tried at every token).
        if i < self.toks.len() && phrase.trim_start().bytes().next().zip(self.s(i).bytes().next()).is_some_and(|(p, t)| !p.eq_ignore_ascii_case(&t)) {
            return None;
        }
        let mut j = i;
        let mut rest = phrase;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                return Some(j);
            }
            let t = self.toks.get(j)?;
            if j > i && t.space && !phrase_has_space_before(phrase, rest) {
                return None;
            }
            let s = self.s(j);
            if rest.len() < s.len() || !rest.is_char_boundary(s.len()) || !rest[..s.len()].eq_ignore_ascii_case(s) {
                return None;
            }
            rest = &rest[s.len()..];
            j += 1;
        }
    }
    /// Matches `phrase` ending right before token `end` (exclusive); returns its first token.
    fn matches_before(&self, end: usize, phrase: &str) -> Option<usize> {
        let n = phrase.split(' ').count();
        for start in end.saturating_sub(n + 2)..end {
            if self.matches(start, phrase) == Some(end) {
                return Some(start);
            }
        }
        None
    }
}

fn phrase_has_space_before(phrase: &str, rest: &str) -> bool {
    let at = phrase.len() - rest.len();
    at > 0 && phrase.as_bytes()[at - 1] == b' '
}

fn word_value(w: &str) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("zero", 0.0), ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0),
        ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0), ("twelve", 12.0),
        ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0), ("sixteen", 16.0), ("seventeen", 17.0),
        ("eighteen", 18.0), ("nineteen", 19.0), ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0),
        ("fifty", 50.0), ("sixty", 60.0), ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0),
    ];
    WORDS.iter().find(|(s, _)| s.eq_ignore_ascii_case(w)).map(|&(_, v)| v)
}

fn scale_value(w: &str) -> Option<f64> {
    const SCALES: &[(&str, f64)] = &[
        ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
        ("mn", 1e6), ("mln", 1e6), ("bn", 1e9), ("tn", 1e12), ("dozen", 12.0),
    ];
    SCALES.iter().find(|(s, _)| s.eq_ignore_ascii_case(w)).map(|&(_, v)| v)
}

/// Vague plural counts and ACLED's values for them.
fn vague_value(w: &str) -> Option<f64> {
    const VAGUE: &[(&str, f64)] = &[("tens", 10.0), ("dozens", 12.0), ("hundreds", 100.0), ("thousands", 1e3), ("millions", 1e6)];
    VAGUE.iter().find(|(s, _)| s.eq_ignore_ascii_case(w)).map(|&(_, v)| v)
}

fn parse_digits(s: &str) -> Option<f64> {
    // Thousands separators must come in groups of three; "1,2" is two numbers in a list.
    if s.contains(',') {
        let int = s.split('.').next()?;
        let groups: Vec<&str> = int.split(',').collect();
        if groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    if s.matches('.').count() > 1 {
        return None;
    }
    s.replace(',', "").parse::<f64>().ok()
}

/// A parsed bare number: value, first and one-past-last token, vague, spelled in words.
#[derive(Clone, Copy, Debug)]
struct Num {
    v: f64,
    a: usize,
    b: usize,
    vague: bool,
    words: bool,
}

/// A number starting at token `i`, with its scale words.
fn number_at(c: &Ctx, i: usize) -> Option<Num> {
    let t = *c.toks.get(i)?;
    match t.k {
        K::Num => {
            let mut v = parse_digits(c.s(i))?;
            let mut j = i + 1;
            // "5 million", "1.5bn", "$13.6M", "$50k", "5 dozen"
            if c.kind(j) == Some(K::Word) {
                let w = c.s(j);
                if scale_value(w).is_some() {
                    while let Some(sc) = c.toks.get(j).filter(|t| t.k == K::Word).and_then(|_| scale_value(c.s(j))) {
                        v *= sc;
                        j += 1;
                    }
                } else if !c.toks[j].space && (w == "M" || w == "m" || w == "K" || w == "k" || w == "B") {
                    let money_before = i > 0 && currency_before(c, i).is_some();
                    if money_before || w == "K" || w == "k" || w == "M" {
                        v *= match w {
                            "K" | "k" => 1e3,
                            "B" => 1e9,
                            _ => 1e6,
                        };
                        j += 1;
                    }
                }
            }
            Some(Num { v, a: i, b: j, vague: false, words: false })
        }
        K::Word => {
            let w = c.s(i);
            if let Some(v) = vague_value(w) {
                // "tens of thousands", "hundreds of millions"
                let mut v = v;
                let mut j = i + 1;
                if c.is(j, "of") {
                    if let Some(v2) = c.toks.get(j + 1).and_then(|_| vague_value(c.s(j + 1))) {
                        if v2 > v {
                            v *= v2;
                            j += 2;
                        }
                    }
                }
                if w.eq_ignore_ascii_case("tens") && j == i + 1 {
                    return None; // "tens" alone is not a count
                }
                return Some(Num { v, a: i, b: j, vague: true, words: true });
            }
            let (mut total, mut current, mut j, mut any);
            if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an")) && c.kind(i + 1) == Some(K::Word) && scale_value(c.s(i + 1)).is_some_and(|s| s >= 12.0) {
                total = 0.0;
                current = 1.0;
                j = i + 1;
                any = true;
            } else {
                word_value(w)?;
                total = 0.0;
                current = 0.0;
                j = i;
                any = false;
            }
            loop {
                let Some(tk) = c.toks.get(j) else { break };
                if tk.k != K::Word {
                    // "twenty-five"
                    if any && c.s(j) == "-" && !c.toks[j].space && c.kind(j + 1) == Some(K::Word) && word_value(c.s(j + 1)).is_some_and(|v| v < 10.0) && current % 10.0 == 0.0 && current >= 20.0 {
                        j += 1;
                        continue;
                    }
                    break;
                }
                let s = c.s(j);
                if let Some(v) = word_value(s) {
                    if any && current != 0.0 && (current % 100.0 != 0.0 || v >= current) && !(current >= 20.0 && current % 10.0 == 0.0 && v < 10.0) {
                        break;
                    }
                    current += v;
                    any = true;
                    j += 1;
                } else if let Some(sc) = scale_value(s).filter(|_| any) {
                    if sc == 100.0 {
                        current = current.max(1.0) * 100.0;
                    } else if sc == 12.0 {
                        current = current.max(1.0) * 12.0;
                    } else {
                        total += current.max(1.0) * sc;
                        current = 0.0;
                    }
                    j += 1;
                } else if s.eq_ignore_ascii_case("and") && any && current >= 100.0 && c.kind(j + 1) == Some(K::Word) && word_value(c.s(j + 1)).is_some() {
                    j += 1;
                } else {
                    break;
                }
            }
            if !any {
                return None;
            }
            Some(Num { v: total + current, a: i, b: j, vague: false, words: true })
        }
        K::Punct => None,
    }
}

/// A currency sign ending right before token `i`: (code, first token).
fn currency_before(c: &Ctx, i: usize) -> Option<(&'static str, usize)> {
    for &(p, code) in CURRENCY_PREFIXES {
        if let Some(start) = c.matches_before(i, p) {
            // letters-only prefixes ("RM", "Rs") must be glued to the number or be upper-case
            let letters = p.chars().all(|ch| ch.is_ascii_alphabetic() || ch == '.');
            if letters && (c.toks[i].space || !c.s(start).starts_with(|ch: char| ch.is_uppercase())) {
                continue;
            }
            if letters && start > 0 && !c.toks[start].space && !matches!(c.s(start - 1), "(" | "[" | "\"" | "“") {
                continue;
            }
            return Some((code, start));
        }
    }
    None
}

/// A unit starting at token `i`: (canonical, class, end token).
fn unit_at(c: &Ctx, i: usize, glued_ok: bool) -> Option<(&'static str, UnitClass, usize)> {
    let t = c.toks.get(i)?;
    if t.k == K::Num {
        return None;
    }
    let mut best: Option<(&'static str, UnitClass, usize)> = None;
    for &(surface, canon, class) in UNITS {
        if let Some(end) = c.matches(i, surface) {
            // the unit must end at a word boundary ("m" is not "million", "f" not "for")
            if end < c.toks.len() && !c.toks[end].space && c.toks[end].k == K::Word {
                continue;
            }
            if best.is_none_or(|(_, _, e)| end > e) {
                best = Some((canon, class, end));
            }
        }
    }
    let (mut canon, mut class, end) = best?;
    if end == i + 1 && c.s(i) == "Nm" {
        (canon, class) = ("N m", UnitClass::Other);
    }
    // one-letter units are case-sensitive: "5G" is no gram, "5 M" no metre
    if end == i + 1 && c.s(i).chars().count() == 1 && c.s(i).chars().all(|ch| ch.is_uppercase()) && !matches!(c.s(i), "W" | "C" | "F") {
        return None;
    }
    // one-letter units only glued or clearly written: "80 m", "5 p" are ambiguous in prose
    let one_letter = end == i + 1 && c.s(i).chars().count() == 1 && c.s(i) != "%";
    let pence_alone = (c.s(i) == "p" && (c.kind(i + 1) != Some(K::Word) || c.is(i + 1, "at"))) || c.s(i) == "W" || c.s(i) == "C";
    if one_letter && t.space && !glued_ok && !pence_alone {
        return None;
    }
    if one_letter && t.space && matches!(c.s(i), "f" | "F" | "g" | "w") {
        return None;
    }
    // "down 68 p at 1112 p": pence only when nothing else follows
    if one_letter && t.space && c.s(i) == "p" && c.kind(i + 1) == Some(K::Word) && !c.is(i + 1, "at") {
        return None;
    }
    Some((canon, class, end))
}

fn is_month(c: &Ctx, i: usize) -> bool {
    c.word_in(i, MONTHS) && (c.capitalized(i))
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Finds every quantity in `text`, in order, non-overlapping.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    find(text, None)
}

/// [`find_quantities`] in a text already cut into `sentences` (in order, as
/// [`crate::sentences::split`] cuts it), which spares splitting it again.
pub fn find_quantities_in(text: &str, sentences: &[Span]) -> Vec<Quantity> {
    find(text, Some(sentences))
}

fn find(text: &str, sentences: Option<&[Span]>) -> Vec<Quantity> {
    let c = Ctx { text, toks: tokenize(text) };
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    let mut last_end_tok = 0; // quantities never reach back before this token
    while i < c.toks.len() {
        let k = c.toks[i].k;
        let candidate = k == K::Num || (k == K::Word && is_number_word_start(&c, i));
        if !candidate {
            i += 1;
            continue;
        }
        match quantity_at(&c, i, last_end_tok) {
            Step::Found(q, end) => {
                out.push(q);
                last_end_tok = end;
                i = end.max(i + 1);
            }
            Step::Skip(end) => {
                i = end.max(i + 1);
            }
        }
    }
    inherit_in_conversions(text, &mut out);
    rate_after_conversion(text, &mut out);
    inherit_unit_in_lists(text, &mut out);
    concept::attach(text, sentences, &mut out);
    share_concepts_in_conversions(text, &mut out);
    out
}

/// A conversion in brackets measures what the figure before it does and is of the same owner:
/// "a blow to the 9 billion shekel ($2.4 billion) industry", "stretched for seven miles (11
/// km)".
fn share_concepts_in_conversions(text: &str, qs: &mut [Quantity]) {
    for k in 1..qs.len() {
        if restates(text, qs, k) && qs[k - 1].kind.is_measure() && qs[k].kind.is_measure() && (qs[k - 1].counted.is_some() || qs[k - 1].whose.is_some()) {
            qs[k].counted = qs[k - 1].counted.clone();
            qs[k].whose = qs[k - 1].whose.clone();
        }
    }
}

/// A rate said after a bracketed conversion is the rate of the figure converted: "9 billion
/// shekels ($2.4 billion) a year" → shekels per year. (The conversion in brackets is left as
/// written.)
fn rate_after_conversion(text: &str, qs: &mut [Quantity]) {
    const RATES: &[&str] = &["year", "month", "week", "day", "hour", "barrel", "ounce", "share", "gallon", "tonne", "ton"];
    for k in 1..qs.len() {
        let Some(rest) = text[qs[k].span.end()..].trim_start().strip_prefix(')') else { continue };
        if !restates(text, qs, k) || qs[k - 1].unit.as_deref().is_none_or(|u| u.contains(" per ")) || matches!(qs[k - 1].kind, QuantityKind::Count | QuantityKind::Percent | QuantityKind::Ratio) {
            continue;
        }
        let mut words = rest.split_whitespace();
        let (Some(article), Some(word)) = (words.next(), words.next()) else { continue };
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if matches!(article.to_lowercase().as_str(), "a" | "an" | "per") && RATES.contains(&word.as_str()) {
            if let Some(u) = qs[k - 1].unit.as_mut() {
                u.push_str(" per ");
                u.push_str(&word);
            }
        }
    }
}

/// A bare number coordinated with a measured one shares its unit: "a minus-1.4 degree angle in
/// 2018 and 2.1 last year", "from 14-18 mpg to 24".
fn inherit_unit_in_lists(text: &str, qs: &mut [Quantity]) {
    for k in 1..qs.len() {
        let gap = &text[qs[k - 1].span.end()..qs[k].span.start()];
        let words: Vec<&str> = gap.split_whitespace().collect();
        // "280 million of the 1.5 billion shekels" shares the unit too
        let part_of = words == ["of", "the"] || words == ["of"];
        let linked = part_of || words.first().is_some_and(|w| matches!(w.trim_start_matches(','), "and" | "or" | "to" | "but" | "versus" | "vs" | ""));
        let clause_break = gap.contains(['.', ';', ':', '(', ')', '!', '?']);
        let src = &qs[k - 1];
        let measured = src.unit.is_some() && src.kind.is_measure();
        // "rose 8% to 3.65": a change in percent, then a price
        let level_after_change = words.first() == Some(&"to") && (src.kind == QuantityKind::Percent || src.trend.is_some());
        // "280 million of the 1.5 billion shekels": the earlier bare one takes the later unit
        let later_measured = qs[k].unit.is_some() && qs[k].kind.is_measure();
        if part_of && later_measured && qs[k - 1].unit.is_none() && qs[k - 1].kind == QuantityKind::Count && qs[k - 1].counted.is_none() {
            let (kind, unit) = (qs[k].kind.clone(), qs[k].unit.clone());
            qs[k - 1].kind = kind;
            qs[k - 1].unit = unit;
            continue;
        }
        if linked && !clause_break && !level_after_change && words.len() <= 6 && (part_of || !words.iter().any(|w| matches!(*w, "the" | "a" | "an"))) && measured && qs[k].unit.is_none() && qs[k].kind == QuantityKind::Count && qs[k].counted.is_none() {
            let (kind, unit) = (src.kind.clone(), src.unit.clone());
            qs[k].kind = kind;
            qs[k].unit = unit;
        }
    }
}

/// Quantity `k` opens a bracket right after quantity `k - 1`: a conversion of it, as in "9
/// billion shekels ($2.4 billion)".
fn restates(text: &str, qs: &[Quantity], k: usize) -> bool {
    text[qs[k - 1].span.end()..qs[k].span.start()].trim() == "("
}

/// A figure restated in other units in brackets right after another ("just under 296 hp
/// (224 kW / 300 PS)", "dropped by 1 to 1.5 °C (1.8 to 2.7 °F)") carries the first one's
/// bound, approximation and trend.
fn inherit_in_conversions(text: &str, qs: &mut [Quantity]) {
    let mut anchor: Option<usize> = None;
    for k in 1..qs.len() {
        let gap = &text[qs[k - 1].span.end()..qs[k].span.start()];
        let opens = restates(text, qs, k);
        let continues = anchor.is_some() && matches!(gap.trim(), "/" | "," | "or" | ";");
        if !(opens || continues) {
            anchor = None;
            continue;
        }
        let a = anchor.unwrap_or(k - 1);
        anchor = Some(a);
        let (src, q) = (qs[a].clone(), &mut qs[k]);
        let plain = q.low == q.high && !q.approx && q.trend.is_none();
        if !plain || src.kind == QuantityKind::Ratio {
            continue;
        }
        let (low, high) = (if src.low.is_none() { None } else { q.low }, if src.high.is_none() { None } else { q.high });
        if let Some(iv) = Interval::new(low, high, src.low_inclusive || src.low.is_none(), src.high_inclusive || src.high.is_none()) {
            q.low = iv.low;
            q.high = iv.high;
            q.low_inclusive = iv.low_inclusive;
            q.high_inclusive = iv.high_inclusive;
        }
        q.approx = src.approx;
        q.trend = src.trend;
    }
}

fn is_number_word_start(c: &Ctx, i: usize) -> bool {
    let w = c.s(i);
    if w.len() > 9 || w.is_empty() {
        return false;
    }
    let first = w.as_bytes()[0].to_ascii_lowercase();
    if !matches!(first, b'a' | b'd' | b'e' | b'f' | b'h' | b'm' | b'n' | b'o' | b's' | b't' | b'z') {
        return false;
    }
    word_value(w).is_some()
        || vague_value(w).is_some()
        || ((w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an")) && c.kind(i + 1) == Some(K::Word) && scale_value(c.s(i + 1)).is_some_and(|s| s >= 12.0) && !c.toks.get(i + 1).is_some_and(|_| ["mn", "mln", "bn", "tn"].iter().any(|x| c.s(i + 1).eq_ignore_ascii_case(x))))
}

enum Step {
    Found(Quantity, usize),
    Skip(usize),
}

fn quantity_at(c: &Ctx, i: usize, floor: usize) -> Step {
    let Some(n) = number_at(c, i) else { return Step::Skip(i + 1) };
    let n_toks = c.toks.len();
    let tok = c.toks[i];

    // ---- things that are not quantities ----
    if !n.words {
        let s = c.s(i);
        // glued to letters before: "F-35", "A380", "COVID-19" (currency prefixes aside)
        if i > 0 && !tok.space {
            let p = c.toks[i - 1];
            if p.k == K::Word && currency_before(c, i).is_none() {
                return Step::Skip(i + 1);
            }
            if (c.s(i - 1) == "-" || c.s(i - 1) == "/") && i > 1 && !p.space && c.toks[i - 2].k == K::Word {
                let w = c.s(i - 2);
                if !["sub", "minus", "now", "over", "under", "about", "around", "nearly", "some", "top", "up"].iter().any(|x| w.eq_ignore_ascii_case(x)) && currency_before(c, i - 1).is_none() {
                    return Step::Skip(i + 1);
                }
            }
            if c.s(i - 1) == "." || c.s(i - 1) == "#" {
                return Step::Skip(i + 1);
            }
        }
        // an age in apposition: "Jane Doe, 25, said"
        if i >= 2 && c.is(i - 1, ",") && c.is(i + 1, ",") && c.capitalized(i - 2) && s.len() <= 3 && !s.contains('.') {
            return Step::Skip(i + 1);
        }
        // glued to letters that are no unit: "4G", "Channel 5s", "9AB"
        if c.kind(i + 1) == Some(K::Word) && !c.toks[i + 1].space && unit_at(c, i + 1, true).is_none() && scale_value(c.s(i + 1)).is_none() && !matches!(c.s(i + 1), "m" | "M" | "k" | "K" | "B" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "a" | "p") {
            return Step::Skip(i + 2);
        }
        // list markers at a line start: "4. ", "2) "
        if tok.nl && (c.is(i + 1, ".") || c.is(i + 1, ")")) && c.toks.get(i + 2).is_none_or(|t| t.space) {
            return Step::Skip(i + 2);
        }
        // footnote "[4]"
        if i > 0 && c.s(i - 1) == "[" && c.is(i + 1, "]") {
            return Step::Skip(i + 2);
        }
        // clock times "9:30", scores "3:1" are handled as ratio below only with "to"
        if c.is(i + 1, ":") && c.kind(i + 2) == Some(K::Num) && !c.toks[i + 1].space && !(c.s(i + 2) == "1" && !c.is(i + 3, ":")) {
            let mut j = i + 3;
            while c.is(j, ":") && c.kind(j + 1) == Some(K::Num) {
                j += 2;
            }
            return Step::Skip(j);
        }
        if c.word_in(n.b, &["am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "edt", "est", "cet", "hrs", "hours"]) && c.word_in(n.b, &["am", "pm", "gmt", "utc", "bst", "edt", "est", "cet"]) {
            return Step::Skip(n.b + 1);
        }
        if (c.is(n.b, "a") || c.is(n.b, "p")) && c.is(n.b + 1, ".") && c.is(n.b + 2, "m") {
            return Step::Skip(n.b + 3);
        }
        // ordinals "1st", "22nd"
        if c.word_in(i + 1, &["st", "nd", "rd", "th"]) && !c.toks[i + 1].space {
            return Step::Skip(i + 2);
        }
        // fractions before "of": "1/16 of a pint"
        if (c.is(i + 1, "/") || c.is(i + 1, "⁄")) && !c.toks[i + 1].space && c.kind(i + 2) == Some(K::Num) && !c.toks[i + 2].space && c.is(i + 3, "of") {
            if let (Some(a), Some(b)) = (parse_digits(s), parse_digits(c.s(i + 2))) {
                if b > a && a > 0.0 {
                    if let Some(span) = Span::new(c.text, tok.s, c.toks[i + 2].e) {
                        // "1/16 of a US pint": the thing it is a fraction of
                        let mut k = i + 4;
                        while c.word_in(k, &["a", "an", "the", "its", "their", "all"]) {
                            k += 1;
                        }
                        let of = noun_run(c, k, true, false);
                        let q = Quantity { span, low: Some(a / b), high: Some(a / b), low_inclusive: true, high_inclusive: true, approx: false, kind: QuantityKind::Count, unit: of.as_ref().map(|o| o.2.clone()), counted: of.map(|o| (o.0, o.1)), trend: None, whose: None };
                        return Step::Found(q, i + 3);
                    }
                }
            }
        }
        // versions "1.2.3"
        if c.is(i + 1, ".") && c.kind(i + 2) == Some(K::Num) && !c.toks[i + 1].space && !c.toks[i + 2].space {
            return Step::Skip(i + 3);
        }
        // phone numbers: three digit groups joined by "-" / " " / "." ("555-123-4567", "(555) 123-4567")
        if s.len() <= 4 && !s.contains(',') {
            let mut j = i;
            let mut groups = 1;
            while (c.is(j + 1, "-") || c.is(j + 1, ".")) && !c.toks[j + 1].space && c.kind(j + 2) == Some(K::Num) && !c.toks[j + 2].space && c.s(j + 2).len() >= 3 && !c.s(j + 2).contains(',') {
                groups += 1;
                j += 2;
            }
            if groups >= 3 || (i > 0 && c.is(i - 1, "+") && (groups >= 2 || c.kind(i + 1) == Some(K::Num))) || (i > 0 && c.is(i - 1, "(") && c.is(i + 1, ")") && s.len() == 3 && c.kind(i + 2) == Some(K::Num)) {
                let mut end = j + 1;
                while c.kind(end) == Some(K::Num) || (c.is(end, "-") && c.kind(end + 1) == Some(K::Num)) || c.is(end, ")") {
                    end += 1;
                }
                return Step::Skip(end);
            }
        }
        // dates: "Dec. 11", "December 11, 2016", "11 December"
        let mut p = i;
        if p > 0 && c.is(p - 1, ".") {
            p -= 1;
        }
        if p > 0 && is_month(c, p - 1) {
            let mut end = i + 1;
            if c.is(end, "-") || c.is(end, "–") {
                if c.kind(end + 1) == Some(K::Num) {
                    end += 2;
                }
            }
            if c.is(end, ",") && c.kind(end + 1) == Some(K::Num) {
                end += 2;
            }
            return Step::Skip(end);
        }
        if is_month(c, i + 1) || (c.word_in(i + 1, &["th", "st", "nd", "rd"]) && is_month(c, i + 2)) {
            let mut end = i + 2;
            if c.kind(end) == Some(K::Num) {
                end += 1;
            }
            return Step::Skip(end);
        }
    }

    // ---- currency before ----
    let mut start_tok = n.a;
    let mut currency: Option<&'static str> = None;
    if let Some((code, st)) = currency_before(c, n.a) {
        if st >= floor {
            currency = Some(code);
            start_tok = st;
        }
    }
    // negative sign
    let mut value = n.v;
    if currency.is_none() && n.a > floor + 1 && c.is(n.a - 1, "-") && !c.toks[n.a].space {
        if let Some((code, st)) = currency_before(c, n.a - 1).filter(|&(_, st)| st >= floor) {
            currency = Some(code);
            start_tok = st;
        }
    }
    if n.a > floor && (c.is(n.a - 1, "-") || c.is(n.a - 1, "−")) && !c.toks[n.a].space {
        let after_caps = n.a >= 2 && c.kind(n.a - 2) == Some(K::Word) && c.s(n.a - 2).chars().all(|ch| ch.is_uppercase());
        if currency.is_some() && start_tok < n.a {
            // "$-50.8bn"
            if let Some((_, st)) = currency_before(c, n.a - 1) {
                value = -value;
                start_tok = st;
            }
        } else if after_caps && c.toks[n.a - 1].space {
            return Step::Skip(n.b); // "COVID -19"
        } else if currency.is_none() && (n.a < 2 || c.toks[n.a - 1].space) && !after_caps {
            value = -value;
            start_tok -= 1;
        } else if currency.is_none() && n.a >= 2 && c.is(n.a - 2, "minus") {
            value = -value;
            start_tok = n.a - 2;
        }
    }
    if currency.is_none() && start_tok > floor && start_tok == n.a && c.word_in(start_tok - 1, &["minus"]) {
        value = -value;
        start_tok -= 1;
    }

    // ---- range / ratio after ----
    let mut end_tok = n.b;
    let mut high_value = value;
    let mut ratio = false;
    let mut between = false;
    let mut from = false;
    let j = end_tok;
    // "five to one", "5-to-1", "5:1"
    let sep_to = c.is(j, "to") || (c.is(j, "-") && c.is(j + 1, "to") && c.is(j + 2, "-"));
    if sep_to {
        let k2 = if c.is(j, "to") { j + 1 } else { j + 3 };
        if let Some(n2) = number_at(c, k2) {
            if n2.v == 1.0 && !n2.vague && unit_at(c, n2.b, false).is_none() {
                ratio = true;
                end_tok = n2.b;
            }
        }
    }
    if !ratio && c.is(j, ":") && !c.toks[j].space && c.kind(j + 1) == Some(K::Num) && c.s(j + 1) == "1" {
        ratio = true;
        end_tok = j + 2;
    }
    // unit right after the first number ("4 km to 5 km", "10% to 20%"), remembered for the range
    let first_unit = if ratio { None } else { unit_at(c, end_tok, !c.toks.get(end_tok).is_some_and(|t| t.space)) };
    if !ratio {
        let pre_between = start_tok > floor && c.is(start_tok - 1, "between");
        let pre_from = start_tok > floor && c.is(start_tok - 1, "from");
        let mut k = end_tok;
        if let Some((_, _, ue)) = first_unit {
            k = ue;
        }
        // "from 21 mpg combined to 23", "from 20 miles per gallon in 2008 to 29 mpg": after
        // "from", a short qualifier (a rate, a year, a participle) may stand before the "to"
        if pre_from && !c.is(k, "to") {
            let skippable = |m: usize| {
                let t = c.toks[m];
                !t.nl && (t.k == K::Word && !c.capitalized(m) && (c.word_in(m, &["per", "a", "an", "in"]) || !c.word_in(m, STOP)) && !c.word_in(m, VERBS) || is_year_token(c, m))
            };
            if let Some(m) = (k + 1..(k + 5).min(c.toks.len())).find(|&m| c.is(m, "to")) {
                if (k..m).all(skippable) && c.kind(m + 1) == Some(K::Num) {
                    k = m;
                }
            }
        }
        let joins = c.is(k, "-") || c.is(k, "–") || c.is(k, "—") || c.is(k, "to") || (pre_between && c.is(k, "and")) || (n.words && c.is(k, "or") && first_unit.is_none());
        let connector = joins.then_some(k + 1);
        if let Some(k2) = connector {
            let mut k2 = k2;
            // a second currency sign: "$5-$7", "$200 to $4 million"
            if currency.is_some() {
                if let Some(j) = (k2 + 1..(k2 + 4).min(c.toks.len())).find(|&j| c.kind(j) == Some(K::Num)) {
                    if currency_before(c, j).is_some_and(|(_, st)| st == k2) {
                        k2 = j;
                    }
                }
            }
            let dash = c.is(k, "-") || c.is(k, "–") || c.is(k, "—");
            let is_num2 = c.kind(k2) == Some(K::Num) || (n.words && c.kind(k2) == Some(K::Word) && is_number_word_start(c, k2) && vague_value(c.s(k2)).is_none());
            if is_num2 && !(dash && c.is(k2 + 1, "year") && c.is(k2 + 2, "-")) {
                if let Some(n2) = number_at(c, k2) {
                    let mut lo = value;
                    let hi = n2.v;
                    // "5-7 million": the scale of the second applies to the first
                    let raw2 = parse_digits(c.s(k2)).unwrap_or(hi);
                    if n2.b > k2 + 1 && c.kind(k2) == Some(K::Num) && n.b == n.a + 1 && lo <= raw2 && raw2 > 0.0 {
                        lo *= hi / raw2;
                    }
                    let phone_like = dash && !c.toks[k2].space && !c.toks[k].space && c.s(n.a).len() == 3 && c.s(k2).len() == 4 && !c.s(k2).contains(',');
                    let year_like = is_year_token(c, n.a) && (is_year_token(c, k2) || (dash && c.s(k2).len() == 2));
                    let pre_range = start_tok > floor && c.word_in(start_tok - 1, &["ranging", "range", "ranges"]);
                    let pre_by = start_tok > floor && c.is(start_tok - 1, "by");
                    // "X to Y" is a range when introduced ("from", "between", "ranging"), or bare,
                    // or with the unit repeated ("5% to 20%"); not after "by" with a unit
                    // ("rose by $43.6 billion to $419.2 billion": a change, then a level)
                    let same_unit = match (first_unit, unit_at(c, n2.b, !c.toks.get(n2.b).is_some_and(|t| t.space))) {
                        (Some((u1, _, _)), Some((u2, _, _))) => u1 == u2,
                        (None, None) => currency.is_some() && k2 > k + 1,
                        _ => false,
                    };
                    let bare = first_unit.is_none() && currency.is_none();
                    let to_ok = pre_between || pre_from || pre_range || bare || (same_unit && !pre_by);
                    if year_like {
                        return Step::Skip(n2.b);
                    }
                    if dash && lo == hi && !c.toks[k].space && !c.toks[k2].space && !pre_between {
                        return Step::Skip(n2.b); // a score: "2-2", "89-89"
                    }
                    if lo < hi && !phone_like && (dash || pre_between || to_ok) {
                        value = lo;
                        high_value = hi;
                        end_tok = n2.b;
                        between = pre_between;
                        from = pre_from;
                    }
                }
            }
        }
    }
    if between {
        start_tok -= 1;
    }
    if from && !between && high_value != value {
        start_tok -= 1;
    }

    // ---- years and names (after ranges: "between 4000-5000" is a count) ----
    let plain_int = !n.words && !c.s(n.a).contains(['.', ',']) && n.b == n.a + 1;
    let mut unit_after = if ratio { None } else { unit_at(c, end_tok, !c.toks.get(end_tok).is_some_and(|t| t.space)) };
    let mut hyphen_unit = false;
    if unit_after.is_none() && !ratio && c.is(end_tok, "-") && !c.toks[end_tok].space && c.toks.get(end_tok + 1).is_some_and(|t| !t.space && t.k == K::Word) {
        if let Some(u) = unit_at(c, end_tok + 1, true) {
            unit_after = Some(u);
            hyphen_unit = true;
        }
    }
    // "1,000 second line troops": an ordinal, not a duration
    if unit_after.is_some_and(|(u, _, e)| u == "second" && e == end_tok + 1 && c.is(end_tok, "second")) && value != 1.0 {
        unit_after = None;
    }
    // a range whose unit is said once, after its first figure: "from 21 mpg to 23"
    if unit_after.is_none() && high_value != value {
        if let Some((u, class, _)) = first_unit {
            unit_after = Some((u, class, end_tok));
        }
    }
    if plain_int && currency.is_none() && unit_after.is_none() && high_value == value {
        let v = value;
        if (1000.0..=2200.0).contains(&v) && c.s(n.a).len() == 4 {
            // "in 2016", "Keytruda's 2018 sales"; "2000 soldiers" stays a count
            let dated = n.a > 0 && (c.word_in(n.a - 1, &["in", "since", "by", "of", "until", "from", "during", "before", "after", "for", "through", "till", "to", "and", "or", "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall", "year"]) || c.capitalized(n.a - 1) || c.is(n.a - 1, "-") || c.is(n.a - 1, "'") || c.is(n.a - 1, ","));
            let plural_noun_after = !dated && c.kind(end_tok) == Some(K::Word) && c.toks[end_tok].space && !c.capitalized(end_tok) && c.s(end_tok).ends_with('s') && !c.word_in(end_tok, STOP) && !c.word_in(end_tok, &["was", "is", "has", "as", "this", "its", "his"]);
            if !plural_noun_after {
                return Step::Skip(end_tok + usize::from(c.word_in(end_tok, &["s"])));
            }
        }
    }
    // "787 Dreamliner", "11 Pro", "49 Zorro Ranch Road", "90049 ZIP Code" — but "5,000 IS militants"
    if plain_int && start_tok == n.a && currency.is_none() && unit_after.is_none() && c.kind(end_tok) == Some(K::Word) && c.capitalized(end_tok) && c.toks[end_tok].space && !is_month(c, end_tok) {
        let w = c.s(end_tok);
        let acronym = w.len() >= 2 && w.chars().all(|ch| ch.is_uppercase());
        let mut j = end_tok;
        while j < end_tok + 3 && c.capitalized(j) {
            j += 1;
        }
        let plural_after = c.kind(j) == Some(K::Word) && !c.capitalized(j) && is_plural(c.s(j));
        let lower_after = c.kind(end_tok + 1) == Some(K::Word) && !c.capitalized(end_tok + 1);
        if !plural_after && !(acronym && lower_after) && !c.word_in(end_tok, STOP) {
            return Step::Skip(end_tok);
        }
    }
    if !n.words && start_tok == n.a && currency.is_none() && unit_after.is_none() && n.a > 0 && c.toks[n.a].space {
        let p = n.a - 1;
        let sentence_start = p == 0 || c.kind(p - 1) == Some(K::Punct) && [".", "!", "?", "\"", "“", ":", "("].contains(&c.s(p - 1));
        let p_is_bound = BOUNDS.iter().any(|(b, _)| c.matches_before(n.a, b).is_some());
        let name_like = c.capitalized(p) || (c.kind(p) == Some(K::Word) && c.s(p).chars().skip(1).any(|ch| ch.is_uppercase()));
        if name_like && !sentence_start && !p_is_bound && !c.word_in(p, UP_WORDS) && !c.word_in(p, DOWN_WORDS) {
            let plural_noun_after = c.kind(end_tok) == Some(K::Word) && !c.capitalized(end_tok) && c.s(end_tok).ends_with('s') && !c.word_in(end_tok, STOP);
            if !plural_noun_after {
                return Step::Skip(end_tok);
            }
        }
        if c.is(p, "&") || c.is(p, "No") || c.is(p, "no.") {
            return Step::Skip(end_tok);
        }
        // a number that labels a rank, not an amount: "a category 4 hurricane", "stage 3"
        if c.word_in(p, LABEL_NOUNS) && !p_is_bound {
            return Step::Skip(end_tok);
        }
    }
    // "one" as a pronoun: "each one", "no one", "at one point", "one day"
    if n.words && n.b == n.a + 1 && c.is(n.a, "one") && !ratio {
        let prev_det = n.a > 0 && c.word_in(n.a - 1, &["each", "no", "any", "every", "the", "this", "that", "which", "at", "someone", "anyone", "one", "as", "like", "little", "big", "makes", "make", "made", "let", "lets"]);
        // "the only one left" is a pronoun, "only one bank failed" a count
        let only = n.a > 1 && c.word_in(n.a - 1, &["only"]) && c.word_in(n.a - 2, &["the", "his", "her", "its", "their", "my", "our", "your"]);
        let prev_det = prev_det || only;
        let another = (n.b..(n.b + 6).min(c.toks.len())).any(|x| c.is(x, "another"));
        let next_ok = c.is(n.b, "of") || (c.kind(n.b) == Some(K::Word) && !c.word_in(n.b, STOP) && !c.word_in(n.b, &["another", "said", "says"]));
        if prev_det || !next_ok || another {
            return Step::Skip(n.b);
        }
    }

    // ---- unit after ----
    let mut kind = QuantityKind::Count;
    let mut unit: Option<String> = None;
    if let Some(code) = currency {
        kind = QuantityKind::Money { currency: code.to_string() };
        unit = Some(code.to_string());
        // "$76 US", "$5 million USD"
        if c.word_in(end_tok, &["us", "usd"]) && c.toks[end_tok].space && c.s(end_tok).chars().all(|ch| ch.is_uppercase()) {
            end_tok += 1;
        }
    } else if let Some((canon, class, ue)) = unit_after {
        // "100 years old", "50-year-old"
        end_tok = ue;
        let _ = hyphen_unit;
        kind = match class {
            UnitClass::Percent => QuantityKind::Percent,
            UnitClass::Money => QuantityKind::Money { currency: canon.to_string() },
            UnitClass::Distance => QuantityKind::Distance,
            UnitClass::Duration => QuantityKind::Duration,
            UnitClass::Other => QuantityKind::Other(canon.to_string()),
        };
        unit = Some(canon.to_string());
        if class == UnitClass::Duration && (c.is(end_tok, "old") || (c.is(end_tok, "-") && c.is(end_tok + 1, "old"))) {
            end_tok += if c.is(end_tok, "old") { 1 } else { 2 };
            kind = QuantityKind::Other("years old".into());
            unit = Some(format!("{canon} of age"));
        }
    } else if let Some((canon, class, ue)) = (c.is(end_tok, "on") && c.is(end_tok + 1, "the")).then(|| unit_at(c, end_tok + 2, false)).flatten().filter(|&(_, _, ue)| c.is(ue, "scale")) {
        // "between 50 and 70 on the GPa scale": the unit is named after the figure; the span
        // stays on the number
        let _ = ue;
        kind = if class == UnitClass::Percent { QuantityKind::Percent } else { QuantityKind::Other(canon.to_string()) };
        unit = Some(canon.to_string());
    } else if c.is(end_tok, "-") && !c.toks[end_tok].space && c.word_in(end_tok + 1, &["year", "month", "week", "day"]) && c.is(end_tok + 2, "-") && c.is(end_tok + 3, "old") {
        let canon = lower(c.s(end_tok + 1));
        end_tok += 4;
        kind = QuantityKind::Other("years old".into());
        unit = Some(format!("{canon} of age"));
    }
    // a rate: "$58 per barrel", "$1,271 an ounce", "11 feet per century", "100km/hr"
    if unit.is_some() && !matches!(kind, QuantityKind::Percent) {
        let time_phrase = c.word_in(end_tok + 2, &["earlier", "ago", "before", "later", "previously"]);
        let rate_start = if time_phrase {
            None
        } else if c.word_in(end_tok, &["per", "a", "an"]) || (c.is(end_tok, "/") && !c.toks[end_tok].space) { Some(end_tok + 1) } else { None };
        if let Some(r) = rate_start {
            let is_per = c.is(end_tok, "per") || c.is(end_tok, "/");
            if c.kind(r) == Some(K::Word) && (is_per || c.word_in(r, &["barrel", "ounce", "share", "gallon", "litre", "liter", "tonne", "ton", "month", "year", "week", "day", "hour", "night", "head", "kilo", "pound", "gram", "person", "square"])) && !c.word_in(r, STOP) {
                let mut e = r + 1;
                if c.is(r, "square") && c.kind(e) == Some(K::Word) {
                    e += 1;
                }
                let rate_unit = unit_at(c, r, true).filter(|&(_, cl, _)| cl != UnitClass::Percent);
                if let Some((_, _, re)) = rate_unit {
                    e = re;
                }
                if let Some(u) = unit.as_mut() {
                    let w: Vec<String> = match rate_unit {
                        Some((ru, _, _)) => vec![ru.to_string()],
                        None => (r..e).map(|x| lower(c.s(x))).collect(),
                    };
                    u.push_str(" per ");
                    u.push_str(&w.join(" "));
                }
                if matches!(kind, QuantityKind::Distance) {
                    kind = QuantityKind::Other(unit.clone().unwrap_or_default());
                }
                end_tok = e;
            }
        }
    }
    if ratio {
        kind = QuantityKind::Ratio;
    }

    // ---- bounds and approximations before ----
    let mut lo = Some(value);
    let mut hi = Some(high_value);
    let (mut lo_inc, mut hi_inc) = (true, true);
    let mut approx = n.vague;
    if !between {
        // at most two words back, longest first: "just over", "an estimated", "about"
        let mut best: Option<(usize, Bound)> = None;
        for &(words, b) in BOUNDS {
            if let Some(st) = c.matches_before(start_tok, words) {
                if st >= floor && best.is_none_or(|(s0, _)| st < s0) {
                    best = Some((st, b));
                }
            }
        }
        if let Some((st, b)) = best {
            // "over" / "under" / "above" are bounds only right before the number
            start_tok = st;
            match b {
                Bound::Above(inc) => {
                    hi = None;
                    lo_inc = inc;
                }
                // "as many as 5,000-7,000": the range is the figure
                Bound::Below(_) if value != high_value => {}
                Bound::Below(inc) => {
                    lo = None;
                    hi_inc = inc;
                }
                Bound::Nearly => {
                    lo = None;
                    hi_inc = false;
                    approx = true;
                }
                Bound::Approx => approx = true,
            }
            // "more than" with a range keeps the low end
            if matches!(b, Bound::Above(_)) {
                lo = Some(value);
            }
        }
        if start_tok > floor && c.is(start_tok - 1, "~") {
            start_tok -= 1;
            approx = true;
        }
    }
    // vague counts: ACLED's figure is the floor ("dozens" is at least 12)
    if n.vague && value == high_value && lo.is_some() {
        hi = None;
    }
    let Some(iv) = Interval::new(lo, hi, lo_inc, hi_inc) else { return Step::Skip(end_tok) };

    // ---- trend before: "rose 5%", "up 19 cents", "fell by 2%", "+0.3%" ----
    // Only right before the number (a bound word or "by" between); "rose to $7bn" and
    // "jumped from 240 to 273" state levels, and "gave up 517 yards" is a particle.
    let mut trend = None;
    {
        let mut k = start_tok;
        if k > floor && c.is(k - 1, "+") {
            trend = Some(Trend::Up);
        }
        // a range from one level to another ("jumped from 240 to 273") is no change figure
        let level_range = (between || from) && high_value != value;
        while trend.is_none() && !level_range && k > floor && k + 3 > start_tok {
            k -= 1;
            if c.word_in(k, &["by", "nearly", "almost", "about", "around", "roughly", "some", "just", "only", "another", "a", "further", "an", "estimated"]) {
                continue;
            }
            let particle = (c.is(k, "up") && k > 0 && c.word_in(k - 1, &["gave", "give", "gives", "giving", "signed", "set", "made", "make", "ended", "end", "pick", "picked", "sum", "sums", "summed", "put", "puts", "took", "take", "takes", "ramp", "ramped", "step", "stepped", "scale", "scaled", "show", "showed", "shows", "add", "adds", "added", "make", "making", "built", "build", "builds", "bring", "brought", "use", "used", "fill", "filled", "pay", "paid"]))
                || (c.is(k, "down") && k > 0 && c.word_in(k - 1, &["turned", "turns", "turn", "bring", "brought", "broke", "break", "boiling", "boils", "cut", "shut", "calm", "wind", "wound", "slow", "slowed", "back", "backed", "step", "stepped", "scale", "scaled", "put", "puts", "took", "take", "takes", "trade", "trading", "paid", "pay", "narrow", "narrowed", "write", "wrote", "written", "marked", "mark", "sit", "sat", "shot"]));
            if particle {
                break;
            }
            if c.word_in(k, UP_WORDS) {
                trend = Some(Trend::Up);
            } else if c.word_in(k, DOWN_WORDS) {
                trend = Some(Trend::Down);
            }
            break;
        }
    }

    // "30,000-strong army"
    if c.is(end_tok, "-") && !c.toks[end_tok].space && c.word_in(end_tok + 1, &["strong", "man", "member", "person"]) && !c.toks[end_tok + 1].space {
        end_tok += 2;
    }
    // ---- counted noun ----
    let mut counted = None;
    let q_end = end_tok;
    let measure = unit.is_some();
    let mut k = end_tok;
    if matches!(kind, QuantityKind::Percent) && c.is(k, "of") {
        k += 1;
        while c.word_in(k, &["the", "its", "their", "his", "her", "our", "all", "a", "an", "this", "these", "those"]) {
            k += 1;
        }
        if let Some((text_c, span_c, _)) = noun_run(c, k, true, false) {
            counted = Some((text_c, span_c));
        }
    } else if !measure && !ratio {
        if c.is(k, "of") && (n.vague || n.words || c.word_in(k + 1, &["the", "them", "those", "these", "its", "their"])) {
            k += 1;
            while c.word_in(k, &["the", "its", "their", "his", "her", "our", "all", "these", "those"]) {
                k += 1;
            }
        }
        if n.words && c.word_in(k, &["most", "best", "biggest", "largest", "few"]) && k > end_tok {
            k += usize::from(c.word_in(k, &["most"]));
        }
        if let Some((text_c, span_c, head)) = noun_run(c, k, false, value == 1.0 && high_value == 1.0 && k == end_tok) {
            unit = Some(head);
            counted = Some((text_c, span_c));
        }
    }
    // "The attackers numbered more than 5,000": the counted noun comes before the verb
    if counted.is_none() && !measure && !ratio && start_tok >= 2 && c.word_in(start_tok - 1, &["numbered", "numbering", "number", "totalled", "totaled", "totalling", "totaling"]) {
        let h = start_tok - 2;
        if c.kind(h) == Some(K::Word) && is_plural(c.s(h)) && !c.toks[start_tok - 1].nl {
            let mut a = h;
            while a > 0 && c.kind(a - 1) == Some(K::Word) && !c.word_in(a - 1, STOP) && h - a < 3 && !c.toks[a].nl {
                a -= 1;
            }
            if let Some(sp) = Span::new(c.text, c.toks[a].s, c.toks[h].e) {
                unit = Some(lower(c.s(h)));
                counted = Some((sp.of(c.text).to_string(), sp));
            }
        }
    }
    // a bare zero with nothing counted is a widget count ("0 Comments" aside), not a claim
    if value == 0.0 && high_value == 0.0 && unit.is_none() && currency.is_none() {
        return Step::Skip(q_end);
    }
    // a bare word number with nothing counted is rarely a claim ("one said")
    if n.words && !n.vague && unit.is_none() && !ratio && !c.is(q_end, "%") {
        return Step::Skip(q_end);
    }

    let (Some(span_start), Some(span_end)) = (c.toks.get(start_tok).map(|t| t.s), c.toks.get(q_end - 1).map(|t| t.e)) else {
        return Step::Skip(q_end);
    };
    let Some(span) = Span::new(c.text, span_start, span_end) else { return Step::Skip(q_end) };
    let _ = n_toks;
    let q = Quantity {
        span,
        low: iv.low,
        high: iv.high,
        low_inclusive: iv.low_inclusive,
        high_inclusive: iv.high_inclusive,
        approx,
        kind,
        unit,
        counted,
        trend,
        whose: None,
    };
    Step::Found(q, q_end)
}

/// Verbs that end a subject noun phrase (auxiliaries, reporting and common verbs).
const VERBS: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "should", "must", "said", "says", "expects", "expected", "reported", "reached", "hit", "scored",
    "generates", "generated", "employs", "employed", "costs", "cost", "paid", "pays", "won", "took", "takes",
    "made", "makes", "sold", "sells", "gave", "gives", "got", "gets", "saw", "sees", "shows", "showed", "needs",
    "killed", "ended", "closed", "traded", "trades", "averaged", "averages", "delivered", "holds", "held",
    "produced", "produces", "offers", "offered", "contains", "contained", "raised", "lost", "spent", "spends",
    "owns", "owned", "carries", "estimates", "estimated", "plans", "planned", "announced", "measures", "weighs",
    "which", "who", "that", "while", "where",
];

/// Irregular past tenses, which end a counted-noun run after its noun ("one man came").
const IRREGULAR_PAST: &[&str] = &[
    "came", "went", "said", "told", "made", "took", "gave", "got", "saw", "ran", "fell", "rose", "sent", "spent", "built", "bought", "brought",
    "caught", "fought", "thought", "kept", "held", "stood", "sat", "wrote", "drove", "flew", "grew", "knew", "threw", "broke", "spoke", "chose", "fled", "died",
    "began", "became", "found", "paid", "sold", "lost", "met", "struck", "stole", "swore", "sank",
];

/// A plural-looking noun: "tanks", "militants", "people", "men".
fn is_plural(w: &str) -> bool {
    const IRREGULAR: &[&str] = &["people", "men", "women", "children", "police", "personnel", "troops", "staff", "cattle", "fishermen", "sheep", "deer", "feet", "teeth", "mice", "geese"];
    if IRREGULAR.iter().any(|x| x.eq_ignore_ascii_case(w)) {
        return true;
    }
    let l = w.len();
    l > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && !w.ends_with("'s") && !w.ends_with("’s") && w.chars().nth(1).is_some_and(|c| c.is_lowercase())
}

fn is_year_token(c: &Ctx, i: usize) -> bool {
    c.kind(i) == Some(K::Num) && c.s(i).len() == 4 && c.s(i).bytes().all(|b| b.is_ascii_digit()) && (1000..=2200).contains(&c.s(i).parse::<u32>().unwrap_or(0))
}

/// Token `i` is one capital letter, as in an initialism ("U.S.").
fn initial(c: &Ctx, i: usize) -> bool {
    c.kind(i) == Some(K::Word) && c.toks[i].e - c.toks[i].s == 1 && c.capitalized(i)
}

/// A run of capitalised words from token `j` ends in a plural ("World Cups", "Democrats"):
/// a name's plural, which a modifier before it belongs to.
fn capitalized_plural_ahead(c: &Ctx, j: usize) -> bool {
    (j..(j + 3).min(c.toks.len())).take_while(|&x| c.capitalized(x) && !c.toks[x].nl).any(|x| is_plural(c.s(x)) && !c.capitalized(x + 1))
}

/// The counted noun phrase starting at token `k`: (concept text, span, head noun).
fn noun_run(c: &Ctx, k: usize, percent: bool, singular: bool) -> Option<(String, Span, String)> {
    let mut j = k;
    let mut words = 0;
    while j < c.toks.len() && words < 5 {
        let t = c.toks[j];
        if t.nl {
            break;
        }
        if words > 0 && c.word_in(j, &["and", "or"]) && !is_plural(c.s(j - 1)) && c.kind(j + 1) == Some(K::Word) && !c.word_in(j + 1, STOP) && !c.capitalized(j + 1) && c.kind(j + 2) == Some(K::Word) && is_plural(c.s(j + 2)) {
            j += 1;
            continue;
        }
        if t.k == K::Word {
            let s = c.s(j);
            let acronym = s.len() >= 2 && s.chars().all(|ch| ch.is_uppercase());
            if !acronym && c.word_in(j, STOP) {
                break;
            }
            // (after a percentage's plural noun too: "60% of voters backed")
            // ("died", "used": a four-letter past tense too, not "seed", "feed")
            let past = s.ends_with("ed") && (s.len() > 4 || s.len() == 4 && !s.ends_with("eed"));
            if words > 0 && (!percent || is_plural(c.s(j - 1))) && (s.ends_with("ing") || past || c.word_in(j, IRREGULAR_PAST)) {
                break;
            }
            // (a modifier before a name's plural stays: "eight straight World Cups", "nine
            // moderate Democrats"; a name after any other word is no part of the phrase)
            if words > 0 && c.capitalized(j) && !c.capitalized(j - 1) && !(!percent && !is_plural(c.s(j - 1)) && capitalized_plural_ahead(c, j)) {
                break;
            }
            // a name's plural ends a percentage's phrase before a verb of opinion or state
            // ("48% of Americans say"; not "of the East Coasts fuel supply", a possessive
            // printed without its apostrophe)
            const STATE_VERBS: &[&str] = &[
                "say", "think", "believe", "support", "oppose", "agree", "disagree", "approve", "disapprove", "want", "favor", "favour", "prefer", "expect", "feel", "know",
                "plan", "live", "own", "use", "lack", "need", "remain", "identify", "report",
            ];
            if percent && words > 0 && c.word_in(j, STATE_VERBS) && c.capitalized(j - 1) && is_plural(c.s(j - 1)) {
                break;
            }
            if words == 0 && is_month(c, j) {
                return None;
            }
            // "one proposal asks": after one, a plural-looking word is a verb
            if singular && words > 0 && is_plural(s) {
                break;
            }
            words += 1;
            j += 1;
            // a plural noun ends the phrase: "boats sank", "IS militants attacking"
            if !acronym && !percent && is_plural(s) {
                break;
            }
        } else if t.k == K::Punct && (c.s(j) == "-") && !t.space && words > 0 && c.kind(j + 1) == Some(K::Word) && !c.toks[j + 1].space {
            j += 2; // "first-team", "so-called"
            words += 1;
        } else if t.k == K::Punct && c.s(j) == "-" && !t.space && words > 0 && c.kind(j + 1) == Some(K::Num) && !c.toks[j + 1].space && c.toks.get(j + 2).is_some_and(|n| n.space && n.k == K::Word) {
            j += 2; // a name with a number: "K-12 parents", "COVID-19 vaccines"
        } else if t.k == K::Punct && c.s(j) == "." && !t.space && words > 0 && initial(c, j - 1) && c.toks.get(j + 1).is_some_and(|n| !n.space && n.k == K::Word && n.e - n.s == 1) {
            j += 1; // an initialism: "U.S. counties", "U.K. sales"
            if c.is(j + 1, ".") && !c.toks[j + 1].space {
                j += 2;
            }
        } else {
            break;
        }
    }
    if words == 0 {
        return None;
    }
    let head_tok = j - 1;
    let head = lower(c.s(head_tok));
    if head.ends_with("ing") && words == 1 {
        return None;
    }
    if head.len() < 2 && !percent {
        return None;
    }
    // trailing phrase: a participle or preposition and up to three more words
    let mut e = j;
    if !percent && !c.toks.get(j).is_some_and(|t| t.nl) && (c.word_in(j, TRAIL_PREPOSITIONS) || (c.kind(j) == Some(K::Word) && c.s(j).ends_with("ing") && !c.word_in(j, STOP))) {
        let mut m = j + 1;
        let mut extra = 0;
        while m < c.toks.len() && extra < 3 && c.kind(m) == Some(K::Word) && !c.toks[m].nl && !is_month(c, m) && !(c.word_in(m, STOP) && !c.word_in(m, &["the", "a", "an", "its", "their"])) && !c.word_in(m, &["and", "or", "but", "was", "were", "is", "are", "has", "have", "had", "said", "says", "which", "who", "that", "to", "as", "than", "with", "when", "while", "after", "before"]) {
            if (c.s(m).ends_with("ed") && c.s(m).len() > 4) || c.word_in(m, VERBS) {
                break;
            }
            m += 1;
            extra += 1;
            if extra >= 1 && c.kind(m) == Some(K::Word) && c.word_in(m, TRAIL_PREPOSITIONS) {
                break;
            }
        }
        // a trailing phrase must say something: at least one content word after the opener
        if (j + 1..m).any(|x| !c.word_in(x, STOP)) {
            // do not stop on a dangling determiner
            while m > j + 1 && c.word_in(m - 1, STOP) {
                m -= 1;
            }
            e = m;
        }
    }
    let start = c.toks[k].s;
    let end = c.toks[e - 1].e;
    let span = Span::new(c.text, start, end)?;
    Some((span.of(c.text).to_string(), span, head))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(text: &str) -> Vec<(String, Option<f64>, Option<f64>, Option<String>)> {
        find_quantities(text).into_iter().map(|x| (x.span.of(text).to_string(), x.low, x.high, x.unit)).collect()
    }

    fn one(text: &str) -> Quantity {
        let v = find_quantities(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(one("They sent 5,000 troops.").low, Some(5000.0));
        assert_eq!(one("They sent 9000 troops.").low, Some(9000.0));
        assert_eq!(one("They sent five thousand troops.").low, Some(5000.0));
        assert_eq!(one("They sent twenty-five troops.").low, Some(25.0));
        assert_eq!(one("They sent two hundred and fifty troops.").low, Some(250.0));
        let d = one("A dozen boats sank.");
        assert_eq!((d.low, d.unit.as_deref()), (Some(12.0), Some("boats")));
        assert_eq!(one("It cost 1.5 million dollars.").low, Some(1.5e6));
    }

    #[test]
    fn ranges() {
        let r = one("The force numbered between 4000-5000 fighters.");
        assert_eq!((r.span.of("The force numbered between 4000-5000 fighters."), r.low, r.high), ("between 4000-5000", Some(4000.0), Some(5000.0)));
        assert_eq!(q("An army of 5,000-7,000 men."), [("5,000-7,000".into(), Some(5000.0), Some(7000.0), Some("men".into()))]);
        let b = one("Between 20 and 30 people came.");
        assert_eq!((b.low, b.high), (Some(20.0), Some(30.0)));
        assert_eq!(one("It grew to 5-7 million users.").low, Some(5e6));
        // a rate after a bracketed conversion is the converted figure's
        let u: Vec<Option<String>> = find_quantities("a 9 billion shekels ($2.4 billion) a year industry").into_iter().map(|q| q.unit).collect();
        assert_eq!(u, [Some("ILS per year".to_string()), Some("USD".to_string())]);
        // after "from", a rate, a year or a participle may stand before the "to"
        let m = one("Economy climbed from 21 mpg combined to 23 for small models.");
        assert_eq!((m.low, m.high, m.unit.as_deref()), (Some(21.0), Some(23.0), Some("mpg")));
        let y = one("Mileage rose from 20 miles per gallon in 2008 to 29 mpg in 2020.");
        assert_eq!((y.low, y.high, y.unit.as_deref()), (Some(20.0), Some(29.0), Some("mpg")));
        // not across a clause
        assert_eq!(q("Sales rose from 20 units, Smith said, to 29 units.").len(), 2);
    }

    #[test]
    fn bounds() {
        let t = "more than 5,000 soldiers";
        let m = one(t);
        assert_eq!((m.low, m.high, m.low_inclusive), (Some(5000.0), None, false));
        assert_eq!(m.span.of(t), "more than 5,000");
        let a = one("at least 300 civilians");
        assert_eq!((a.low, a.high, a.low_inclusive), (Some(300.0), None, true));
        let u = one("up to 400 jobs");
        assert_eq!((u.low, u.high, u.high_inclusive), (None, Some(400.0), true));
        let f = one("fewer than 10 ships");
        assert_eq!((f.low, f.high, f.high_inclusive), (None, Some(10.0), false));
        let n = one("nearly 80 villages");
        assert_eq!((n.low, n.high, n.approx), (None, Some(80.0), true));
        assert_eq!(one("as many as 60 trucks").high, Some(60.0));
        assert_eq!(one("over 200 boats").high, None);
    }

    #[test]
    fn approximations() {
        for t in ["about 40 boats", "some 40 boats", "roughly 40 boats", "around 40 boats", "an estimated 40 boats"] {
            let a = one(t);
            assert!(a.approx, "{t}");
            assert_eq!((a.low, a.high), (Some(40.0), Some(40.0)), "{t}");
        }
    }

    #[test]
    fn vague_counts_follow_acled() {
        for (t, v) in [("dozens of farmers", 12.0), ("hundreds of farmers", 100.0), ("thousands of farmers", 1e3), ("tens of thousands of farmers", 1e4)] {
            let a = one(t);
            assert_eq!((a.low, a.high, a.approx, a.unit.as_deref()), (Some(v), None, true, Some("farmers")), "{t}");
        }
    }

    #[test]
    fn conversions_in_brackets_keep_the_bound() {
        let v = find_quantities("an engine of just under 296 hp (224 kW / 300 PS) here");
        assert_eq!(v.len(), 3);
        assert!(v.iter().all(|q| q.low.is_none() && q.high.is_some()), "{v:?}");
    }

    #[test]
    fn ratios() {
        let t = "The rebels outnumbered them five to one.";
        let r = one(t);
        assert_eq!((r.kind, r.low, r.span.of(t)), (QuantityKind::Ratio, Some(5.0), "five to one"));
        assert_eq!(one("a 3:1 edge").kind, QuantityKind::Ratio);
    }

    #[test]
    fn percent_money_distance() {
        let p = one("Turnout rose 12% of all voters.");
        assert_eq!((p.kind, p.low, p.trend), (QuantityKind::Percent, Some(12.0), Some(Trend::Up)));
        assert_eq!(p.counted.unwrap().0, "voters");
        // a verb after the percentage's plural noun is no part of what it is of
        assert_eq!(one("Almost 40% of members approved the deal.").counted.unwrap().0, "members");
        assert_eq!(one("fell 3 per cent").kind, QuantityKind::Percent);
        let m = one("A ticket costs $19.99 now.");
        assert_eq!((m.low, m.kind), (Some(19.99), QuantityKind::Money { currency: "USD".into() }));
        let e = one("a grant of €5 million");
        assert_eq!((e.low, e.unit.as_deref()), (Some(5e6), Some("EUR")));
        let d = one("a town 80 km away");
        assert_eq!((d.kind, d.unit.as_deref()), (QuantityKind::Distance, Some("km")));
        assert_eq!(one("a march of 30 miles").unit.as_deref(), Some("mi"));
        assert_eq!(one("oil at $58 per barrel").unit.as_deref(), Some("USD per barrel"));
    }

    #[test]
    fn one_counts_after_only_and_its_noun_ends_before_a_past_tense() {
        assert_eq!(one("Only one bank failed.").unit.as_deref(), Some("bank"));
        assert_eq!(one("One man came.").unit.as_deref(), Some("man"));
        assert_eq!(one("At least one soldier died.").unit.as_deref(), Some("soldier"));
        assert!(find_quantities("She was the only one left.").is_empty());
    }

    #[test]
    fn counted_noun() {
        let t = "Reports said 5,000 IS militants attacking Palmyra were repelled.";
        let x = one(t);
        assert_eq!(x.unit.as_deref(), Some("militants"));
        assert_eq!(x.counted.as_ref().unwrap().0, "IS militants attacking Palmyra");
        assert_eq!(x.counted.unwrap().1.of(t), "IS militants attacking Palmyra");
        assert_eq!(one("they destroyed 14 tanks.").unit.as_deref(), Some("tanks"));
        assert_eq!(one("a 30,000-strong army").low, Some(30000.0));
    }

    #[test]
    fn counted_phrases_with_initialisms_numbered_names_and_name_plurals() {
        let counted = |t: &str| one(t).counted.map(|c| c.0);
        assert_eq!(counted("Nearly 30% of U.S. dairy farms closed.").as_deref(), Some("U.S. dairy farms"));
        assert_eq!(counted("About 40% of K-9 handlers were retrained.").as_deref(), Some("K-9 handlers"));
        assert_eq!(counted("Some 61% of Canadians think so.").as_deref(), Some("Canadians"));
        assert_eq!(counted("About 20% of the Midlands steel output is exported.").as_deref(), Some("Midlands steel output"));
        assert_eq!(one("She has won four straight Grand Slams.").unit.as_deref(), Some("slams"));
        assert_eq!(one("The state has given 2 million COVID-19 boosters.").unit.as_deref(), Some("boosters"));
        // a name after a counted plural is still no part of it
        assert_eq!(one("Police arrested 12 protesters Sunday.").unit.as_deref(), Some("protesters"));
    }

    #[test]
    fn not_quantities() {
        for t in [
            "It happened in 2016 again.",
            "It happened on Dec. 11 at dawn.",
            "It happened on 11 December.",
            "It happened at 9:30 in the morning.",
            "It happened at 9 p.m. sharp.",
            "They launched Operation 1 at dawn.",
            "It was the claim.[4] Then more.",
            "Call 555-123-4567 now.",
            "The 1st brigade moved.",
            "An F-35 flew over.",
            "Version 1.2.3 shipped.",
            "No one came.",
            "A category 4 storm hit the coast.",
            "The drug is in stage 3 trials.",
        ] {
            assert!(find_quantities(t).is_empty(), "{t}: {:?}", find_quantities(t));
        }
    }

    #[test]
    fn palmyra_pages() {
        let Some(paths) = crate::palmyra_pages() else { return };
        let mut all = String::new();
        for p in &paths {
            let text = std::fs::read_to_string(p).unwrap();
            for x in find_quantities(&text) {
                let line = format!(
                    "{}\t{:?}\t[{:?},{:?}] inc=({},{}) approx={} kind={:?} unit={:?} counted={:?}\n",
                    p.file_name().unwrap().to_string_lossy(),
                    x.span.of(&text),
                    x.low,
                    x.high,
                    x.low_inclusive,
                    x.high_inclusive,
                    x.approx,
                    x.kind,
                    x.unit,
                    x.counted.as_ref().map(|c| &c.0)
                );
                all.push_str(&line);
            }
        }
        eprintln!("{all}");
        if !paths.is_empty() {
            for needle in ["\"between 4000-5000\"", "\"more than 5,000\"", "5,000-7,000\"", "\"at least 300\"", "\"14\"", "\"five to one\"", "\"9000\"", "\"9,000\"", "\"more than 80\"", "\"30,000-strong\""] {
                assert!(all.contains(needle), "missing {needle}");
            }
        }
    }

    /// Throughput in release: `cargo test --release -p corroborate-annotate --lib
    /// quantities::tests::speed -- --ignored --nocapture` (the Palmyra pages repeated to 20 MB,
    /// or an invented paragraph when they are absent).
    #[test]
    #[ignore]
    fn speed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/palmyra-2016");
        let mut base = String::new();
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
            paths.sort();
            for p in paths {
                base.push_str(&std::fs::read_to_string(p).unwrap_or_default());
                base.push_str("\n\n");
            }
        }
        if base.is_empty() {
            base = "Officials said more than 5,000 fighters attacked the town on Dec. 11, 2016, and about 300 were killed. Prices rose 3.5% to $19.99 a barrel.\n\n".to_string();
        }
        let mut text = String::new();
        while text.len() < 20_000_000 {
            text.push_str(&base);
        }
        let t = std::time::Instant::now();
        let mut n = 0;
        for para in text.split("\n\n") {
            n += find_quantities(para).len();
        }
        let secs = t.elapsed().as_secs_f64();
        eprintln!("quantities: {:.1} MB in {:.3} s = {:.1} MB/s, {} quantities", text.len() as f64 / 1e6, secs, text.len() as f64 / 1e6 / secs, n);
    }

    proptest! {
        #[test]
        fn any_string_well_formed(s in "\\PC{0,80}") {
            check(&s);
        }

        #[test]
        fn numberish_strings_well_formed(s in "([0-9]{1,5}([,.][0-9]{1,3})?|more than|between|to|-|–|and|of|\\$|€|%|km|a|dozen|dozens|five|hundred|thousand|million|Dec\\.|May|[A-Z][a-z]{1,5}|[a-z]{1,7}|[\\[\\]:/()+~]| ){0,14}") {
            check(&s);
        }
    }

    fn check(s: &str) {
        let v = find_quantities(s);
        let mut last = 0;
        for x in &v {
            assert!(x.span.start() >= last, "overlap in {s:?}: {v:?}");
            assert!(s.is_char_boundary(x.span.start()) && s.is_char_boundary(x.span.end()));
            assert!(x.span.end() <= s.len() && !x.span.is_empty());
            last = x.span.end();
            if let (Some(l), Some(h)) = (x.low, x.high) {
                assert!(l <= h, "{s:?}: {x:?}");
            }
            if let Some((_, sp)) = &x.counted {
                assert!(sp.end() <= s.len());
            }
        }
    }
}
