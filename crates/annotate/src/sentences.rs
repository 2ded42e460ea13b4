//! Sentence splitting: a small rule-based splitter over clean article text.
//!
//! ```
//! use corroborate_annotate::sentences::split;
//! let text = "Maj. Gen. Ana Ruiz arrived in the U.S. on Dec. 10. She left at 9 p.m. Friday.";
//! let sentences: Vec<&str> = split(text).iter().map(|s| s.of(text)).collect();
//! assert_eq!(sentences, [
//!     "Maj. Gen. Ana Ruiz arrived in the U.S. on Dec. 10.",
//!     "She left at 9 p.m. Friday.",
//! ]);
//! ```
//!
//! # Why no crate
//!
//! Sentence boundaries are this project's own craft: every claim, quote and figure is sourced
//! to a sentence, so a wrong split cuts a claim in half. The project's survey tried the
//! `sentencex` crate (17/18 on the survey's fixtures), but its abbreviation handling lives in
//! per-language data we do not control, so the property we need most — *never split inside a
//! listed abbreviation* — could not be stated, let alone tested. Here the lists are published
//! ([`ABBREVIATIONS`], [`SENTENCE_FINAL_ABBREVIATIONS`], [`SENTENCE_STARTERS`]) and the
//! property tests below check the splitter against them.
//!
//! # Rules
//!
//! The text is cut into *lines* at hard breaks (`\n`, and also `\r`, U+0085, U+2028, U+2029):
//! a paragraph break (`\n\n`) and a single newline both end a sentence, because lines in a dump
//! are separate units (captions, bylines, list items). Each line is cut into whitespace-separated
//! tokens, and a sentence can only end at the end of a token that is followed by another token
//! on the same line. So there is never a split inside `2.5`, `35,101.85`, `example.com` or
//! `name@example.com`, and every span is trimmed by construction.
//!
//! A token ends a sentence when, after dropping its trailing closing quotes and brackets (which
//! stay with the sentence: `He said "no." Then` splits after `"`), it ends with a terminator and
//! the next token *may open a sentence*: it starts with a digit, a currency sign, an opening
//! quote or bracket, or a letter that is not lowercase (uppercase, or a script without case).
//! Then, by terminator:
//!
//! - `!`, `?` (and runs such as `?!`): split. `“Yes!” she said.` does not split, since `she`
//!   is lowercase.
//! - `…`, `...` (any run of two or more dots): split, unless a double quotation opened on this
//!   line is still open — an ellipsis inside a quote is the speaker trailing off
//!   (`"I don't know... Maybe," he said.` is one sentence).
//! - `.`: look at the word (the token without leading quotes and brackets):
//!   - in [`ABBREVIATIONS`] (titles, ranks, months, `vs.`, `e.g.`, …): never split. These
//!     practically never end a sentence, and `Dec. 10–11`, `Maj. Gen. Ruiz` rely on it.
//!   - in [`SENTENCE_FINAL_ABBREVIATIONS`] (`etc.`, `Inc.`, `Jr.`, `No.`, `U.S.`, `a.m.`, …),
//!     a single capital initial (`F.`), or a dotted acronym (one- or two-letter chunks, each
//!     with a dot, at least two: `U.N.`, `Ph.D.`, `D.C.`): these *can* end a sentence, so split
//!     only if the next word is in [`SENTENCE_STARTERS`] — function words such as `The`, `He`,
//!     `But`, `In` that begin sentences but do not continue names. `in the U.S. The next day`
//!     splits; `John F. Kerry`, `U.S. Army`, `Acme Inc. Chief Executive` and `9 a.m. Tuesday`
//!     do not (weekdays and months are never starters). The starter list is deliberately
//!     short: a missed split merges two sentences (each claim is still sourced), a wrong split
//!     cuts one claim in two.
//!   - if the word after the last hyphen, dash or slash is listed (`ex-Gov.`), that class.
//!   - anything else (words, numbers, URLs): split.
//!
//! The splitter is a single pass over the text plus a constant amount of work per token: linear
//! time, no regular expressions, no backtracking.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::Span;

/// Abbreviations after which a sentence never ends, even before a capitalised word.
///
/// Titles and ranks come before a name (`Lt. Col. Omar Haddad`), months before a day
/// (`Dec. 10–11`), the rest before their object (`Ruiz vs. Haddad`, `e.g. rice`).
#[rustfmt::skip]
pub const ABBREVIATIONS: &[&str] = &[
    // Titles and ranks.
    "Mr.", "Mrs.", "Ms.", "Messrs.", "Mmes.", "Dr.", "Drs.", "Prof.", "Sen.", "Sens.", "Rep.",
    "Reps.", "Gov.", "Govs.", "Pres.", "Gen.", "Lt.", "Col.", "Maj.", "Brig.", "Capt.", "Sgt.",
    "Cpl.", "Pvt.", "Pte.", "Adm.", "Cmdr.", "Cdr.", "Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.",
    "Lt.-Col.", "Lt.-Cmdr.", "Rev.", "Fr.", "Hon.", "Rt.", "Amb.", "Supt.", "Insp.", "Det.",
    "Atty.", "Cllr.", "Mt.", "Ft.",
    // Months (May, June and July are usually written out).
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
    "Dec.",
    // Words that always have an object after them.
    "vs.", "v.", "e.g.", "i.e.", "cf.", "approx.", "ca.", "Nos.", "Vol.", "pp.", "Fig.",
];

/// Abbreviations that may also end a sentence: a split after one happens only before a word
/// from [`SENTENCE_STARTERS`].
///
/// Single capital initials (`F.`) and dotted acronyms (`U.S.`, `Ph.D.`) are treated the same
/// way without being listed one by one; the common ones are listed here so the list can be read.
#[rustfmt::skip]
pub const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &[
    "etc.", "al.", "Inc.", "Corp.", "Co.", "Ltd.", "Bros.", "Jr.", "Sr.", "Dept.", "Univ.",
    "Ave.", "St.", "Rd.", "Blvd.", "No.", "a.m.", "p.m.", "U.S.", "U.N.", "U.K.", "E.U.",
    "I.S.", "D.C.", "Ph.D.",
];

/// Words that begin sentences and do not continue names: the evidence that a
/// [`SENTENCE_FINAL_ABBREVIATIONS`] entry, initial or dotted acronym did end its sentence.
///
/// Weekdays and months are deliberately absent: `9 a.m. Tuesday` is one sentence.
#[rustfmt::skip]
pub const SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their",
    "Our", "My", "This", "That", "These", "Those", "There", "Here", "But", "And", "Or", "So",
    "Yet", "Nor", "In", "On", "At", "As", "By", "For", "From", "To", "With", "Without", "After",
    "Before", "During", "Under", "Over", "Among", "Despite", "When", "While", "Where", "Why",
    "How", "What", "Who", "Which", "If", "Although", "Though", "Since", "Because", "However",
    "Meanwhile", "Instead", "Still", "Also", "Then", "Now", "Later", "Earlier", "Some", "Many",
    "Most", "Several", "Both", "Each", "Other", "Another", "Such", "Not", "No", "Yesterday",
    "Today", "Tomorrow", "According", "Officials",
];

/// Splits `text` into sentence spans: in order, non-overlapping, trimmed, never crossing a line
/// break, and together covering every non-whitespace character.
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // Tokens (byte ranges) of the current line; reused across lines.
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut token_start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Only ASCII bytes and the lead bytes of non-ASCII whitespace (U+0085 and U+00A0 start
        // with 0xC2, U+1680 with 0xE1, U+2000–U+205F with 0xE2, U+3000 with 0xE3) can be
        // whitespace; everything else is part of a token. (A token never starts on a
        // continuation byte: one always follows a non-whitespace lead byte.)
        let (c, len) = match bytes[i] {
            b @ 0..0x80 => (b as char, 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = text[i..].chars().next().expect("a lead byte is a char boundary");
                (c, c.len_utf8())
            }
            _ => ('\u{FFFD}', 1),
        };
        if c.is_whitespace() {
            if let Some(start) = token_start.take() {
                tokens.push((start, i));
            }
            if is_hard_break(c) {
                split_line(text, &tokens, &mut out);
                tokens.clear();
            }
        } else if token_start.is_none() {
            token_start = Some(i);
        }
        i += len;
    }
    if let Some(start) = token_start {
        tokens.push((start, text.len()));
    }
    split_line(text, &tokens, &mut out);
    out
}

/// Characters that end a line, and so always end a sentence.
fn is_hard_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Appends the sentences of one line, given as its whitespace-separated tokens.
fn split_line(text: &str, tokens: &[(usize, usize)], out: &mut Vec<Span>) {
    let Some(&(mut sentence_start, _)) = tokens.first() else {
        return;
    };
    let mut in_quote = false;
    let mut push = |start: usize, end: usize| {
        out.push(Span::new(text, start, end).expect("tokens start and end on char boundaries"));
    };
    for (i, &(start, end)) in tokens.iter().enumerate() {
        let token = &text[start..end];
        track_quotes(token, &mut in_quote);
        if let Some(&(next_start, next_end)) = tokens.get(i + 1) {
            if ends_sentence(token, &text[next_start..next_end], in_quote) {
                push(sentence_start, end);
                sentence_start = next_start;
            }
        } else {
            push(sentence_start, end);
        }
    }
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡'
    )
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// Updates whether a double quotation is open. A straight `"` opens at the start of a token
/// (after other openers) and closes anywhere else.
fn track_quotes(token: &str, in_quote: &mut bool) {
    // Most tokens hold no quote mark: `"` is 0x22, and “ ” „ « » start with 0xE2 or 0xC2.
    if !token.bytes().any(|b| matches!(b, b'"' | 0xE2 | 0xC2)) {
        return;
    }
    let mut at_start = true;
    for c in token.chars() {
        match c {
            '“' | '„' | '«' => *in_quote = true,
            '”' | '»' => *in_quote = false,
            '"' => *in_quote = at_start,
            _ => {}
        }
        at_start &= is_opener(c);
    }
}

/// Whether a sentence ends after `token`, given the `next` token on the same line.
fn ends_sentence(token: &str, next: &str, in_quote: bool) -> bool {
    // Fast exit for the common case: a token ending in an ASCII byte that is neither a
    // terminator nor a closer (letters, digits, commas).
    if token
        .as_bytes()
        .last()
        .is_some_and(|&b| b < 0x80 && !matches!(b, b'.' | b'!' | b'?') && !is_closer(b as char))
    {
        return false;
    }
    let core = token.trim_end_matches(is_closer);
    let Some(last) = core.chars().next_back() else {
        return false;
    };
    if !matches!(last, '.' | '!' | '?' | '…') || !may_open_sentence(next) {
        return false;
    }
    match last {
        '!' | '?' => true,
        '…' => !in_quote,
        _ if core.ends_with("..") => !in_quote,
        _ => match classify(core.trim_start_matches(is_opener)) {
            Word::Abbreviation => false,
            Word::MaybeFinal => starts_with_starter(next),
            Word::Plain => true,
        },
    }
}

/// Whether `next` looks like the first token of a sentence.
fn may_open_sentence(next: &str) -> bool {
    next.chars().next().is_some_and(|c| {
        let currency = matches!(c, '$' | '€' | '£' | '¥');
        c.is_numeric() || (c.is_alphabetic() && !c.is_lowercase()) || is_opener(c) || currency
    })
}

/// Whether `next`, after opening quotes and brackets, begins with a word from
/// [`SENTENCE_STARTERS`] (a whole word, not an initial such as `A.`).
fn starts_with_starter(next: &str) -> bool {
    let rest = next.trim_start_matches(is_opener);
    let word_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    let (word, after) = rest.split_at(word_end);
    !after.starts_with('.') && lexicon().starters.contains(word)
}

/// How a word ending in `.` bears on a sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Word {
    /// Listed in [`ABBREVIATIONS`]: never ends a sentence.
    Abbreviation,
    /// Ends a sentence only before a [`SENTENCE_STARTERS`] word.
    MaybeFinal,
    /// An ordinary word or number: the `.` is a full stop.
    Plain,
}

/// The published lists as hash tables, so a lookup costs the same however long they grow.
struct Lexicon {
    abbreviations: HashMap<&'static str, Word>,
    starters: HashSet<&'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon {
        abbreviations: (SENTENCE_FINAL_ABBREVIATIONS.iter().map(|&a| (a, Word::MaybeFinal)))
            .chain(ABBREVIATIONS.iter().map(|&a| (a, Word::Abbreviation)))
            .collect(),
        starters: SENTENCE_STARTERS.iter().copied().collect(),
    })
}

fn classify(word: &str) -> Word {
    let listed = |w: &str| {
        let by_shape = || (is_initial(w) || is_dotted_acronym(w)).then_some(Word::MaybeFinal);
        lexicon().abbreviations.get(w).copied().or_else(by_shape)
    };
    listed(word)
        .or_else(|| {
            // `ex-Gov.`, `—Dr.`: the part after the last joiner decides.
            let tail = word.rsplit(['-', '–', '—', '/']).next().unwrap_or(word);
            if tail.is_empty() || tail.len() == word.len() {
                None
            } else {
                listed(tail)
            }
        })
        .unwrap_or(Word::Plain)
}

/// A single capital letter and a dot: `F.` in `John F. Kerry`.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// At least two chunks of one or two ASCII letters, each followed by a dot: `U.S.`, `a.m.`,
/// `Ph.D.`, `J.R.R.`.
fn is_dotted_acronym(word: &str) -> bool {
    let mut chunks = 0;
    for chunk in word.as_bytes().split(|&b| b == b'.') {
        match chunk.len() {
            0 => break,
            1 | 2 if chunk.iter().all(u8::is_ascii_alphabetic) => chunks += 1,
            _ => return false,
        }
    }
    // `split` yields a final empty chunk only when the word ends with a dot; check the counts
    // match so that `U.S.x` or `U..S.` are rejected.
    chunks >= 2 && word.ends_with('.') && word.matches('.').count() == chunks
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.of(text)).collect()
    }

    /// Each fixture is the text, then the sentences the splitter must return.
    fn check(fixtures: &[(&str, &[&str])]) {
        for (text, expected) in fixtures {
            assert_eq!(sentences(text), *expected, "\ninput: {text:?}");
        }
    }

    #[test]
    fn full_stops_question_and_exclamation_marks() {
        check(&[
            (
                "The bridge closed at noon. Traffic backed up for miles.",
                &["The bridge closed at noon.", "Traffic backed up for miles."],
            ),
            (
                "Was anyone hurt? Nobody knows yet! Crews are searching.",
                &["Was anyone hurt?", "Nobody knows yet!", "Crews are searching."],
            ),
            (
                "Really?! The mayor denied it. 14 people were evacuated.",
                &["Really?!", "The mayor denied it.", "14 people were evacuated."],
            ),
            (
                "It cost more. $3 million was spent. (The figure is disputed.) Work resumed.",
                &[
                    "It cost more.",
                    "$3 million was spent.",
                    "(The figure is disputed.)",
                    "Work resumed.",
                ],
            ),
            (
                "  Leading and trailing space is trimmed.   ",
                &["Leading and trailing space is trimmed."],
            ),
            ("No terminator at the end", &["No terminator at the end"]),
            ("", &[]),
            (" \n\n \t ", &[]),
        ]);
    }

    #[test]
    fn no_split_before_a_lowercase_word() {
        check(&[
            (
                "The rate was 4. that is, four percent.",
                &["The rate was 4. that is, four percent."],
            ),
            (
                "“Yes!” she said. “Go!” he shouted.",
                &["“Yes!” she said.", "“Go!” he shouted."],
            ),
            ("Why? because the levee failed.", &["Why? because the levee failed."]),
        ]);
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        check(&[
            ("He said \"no.\" Then he left.", &["He said \"no.\"", "Then he left."]),
            (
                "She wrote: “We are safe.” Rescuers arrived later.",
                &["She wrote: “We are safe.”", "Rescuers arrived later."],
            ),
            (
                "The dam held (for now.) Engineers are wary.",
                &["The dam held (for now.)", "Engineers are wary."],
            ),
            (
                "Asked why, she said: 'It broke.' \"Who knew?\" he added.",
                &["Asked why, she said: 'It broke.'", "\"Who knew?\" he added."],
            ),
        ]);
    }

    #[test]
    fn paragraphs_and_lines_are_hard_breaks() {
        check(&[
            (
                "First paragraph without a stop\n\nSecond paragraph. Two sentences.",
                &["First paragraph without a stop", "Second paragraph.", "Two sentences."],
            ),
            (
                "Photo: the flooded square\nCredit: staff photographer",
                &["Photo: the flooded square", "Credit: staff photographer"],
            ),
            (
                "Windows line ends.\r\nAre handled too",
                &["Windows line ends.", "Are handled too"],
            ),
            ("Mr.\nSmith", &["Mr.", "Smith"]),
        ]);
    }

    #[test]
    fn titles_and_ranks_never_end_a_sentence() {
        check(&[
            (
                "Maj. Gen. Ana Ruiz spoke. Lt. Col. Omar Haddad did not.",
                &["Maj. Gen. Ana Ruiz spoke.", "Lt. Col. Omar Haddad did not."],
            ),
            (
                "Brig. Gen. Li and Lt. Pavel Orlov met Dr. Sato and Mrs. Ode.",
                &["Brig. Gen. Li and Lt. Pavel Orlov met Dr. Sato and Mrs. Ode."],
            ),
            (
                "Lt.-Gen. Mark Osei and ex-Gov. Rita Vance attended. Sen. The Honourable Mr. Bo left.",
                &[
                    "Lt.-Gen. Mark Osei and ex-Gov. Rita Vance attended.",
                    "Sen. The Honourable Mr. Bo left.",
                ],
            ),
            (
                "It was Capt. Ines Mora vs. Sgt. Tom Reyes. The court ruled.",
                &["It was Capt. Ines Mora vs. Sgt. Tom Reyes.", "The court ruled."],
            ),
            (
                "(Dr. Sato declined to comment.) Prof. Lund did.",
                &["(Dr. Sato declined to comment.)", "Prof. Lund did."],
            ),
        ]);
    }

    #[test]
    fn months_never_end_a_sentence() {
        check(&[
            (
                "Talks are set for Dec. 10–11 in Geneva. Both sides agreed.",
                &["Talks are set for Dec. 10–11 in Geneva.", "Both sides agreed."],
            ),
            (
                "Between Sept. 3 and Oct. 2 the river rose. It fell by Nov. The end.",
                &["Between Sept. 3 and Oct. 2 the river rose.", "It fell by Nov. The end."],
            ),
        ]);
    }

    #[test]
    fn initials_end_a_sentence_only_before_a_starter() {
        check(&[
            (
                "Secretary John F. Kerry arrived. George W. Price met him.",
                &["Secretary John F. Kerry arrived.", "George W. Price met him."],
            ),
            (
                "J. R. Okafor chaired it. They chose Plan B. The vote was close.",
                &["J. R. Okafor chaired it.", "They chose Plan B.", "The vote was close."],
            ),
            ("Signed by J. A. Smith.", &["Signed by J. A. Smith."]),
        ]);
    }

    #[test]
    fn dotted_acronyms_end_a_sentence_only_before_a_starter() {
        check(&[
            (
                "Troops returned to the U.S. The next day, talks resumed.",
                &["Troops returned to the U.S.", "The next day, talks resumed."],
            ),
            (
                "The U.S. Army and the U.N. Security Council disagreed.",
                &["The U.S. Army and the U.N. Security Council disagreed."],
            ),
            (
                "She left the U.K. \"We are done,\" she said.",
                &["She left the U.K.", "\"We are done,\" she said."],
            ),
            (
                "He holds a Ph.D. in hydrology. He lives in Washington, D.C. It rained.",
                &[
                    "He holds a Ph.D. in hydrology.",
                    "He lives in Washington, D.C.",
                    "It rained.",
                ],
            ),
            (
                "U.S. 10-year yields rose to 4.2%. E.U. Ministers met.",
                &["U.S. 10-year yields rose to 4.2%.", "E.U. Ministers met."],
            ),
        ]);
    }

    #[test]
    fn clock_times_before_a_day_or_month_do_not_split() {
        check(&[
            (
                "The blast came at 9 a.m. Tuesday near the port.",
                &["The blast came at 9 a.m. Tuesday near the port."],
            ),
            (
                "Polls close at 8 p.m. Jan. 5 is the deadline.",
                &["Polls close at 8 p.m. Jan. 5 is the deadline."],
            ),
            (
                "Polls closed at 8 p.m. On Monday, counting began.",
                &["Polls closed at 8 p.m.", "On Monday, counting began."],
            ),
        ]);
    }

    #[test]
    fn company_and_list_abbreviations_may_end_a_sentence() {
        check(&[
            (
                "Shares of Acme Inc. fell. Acme Inc. Chief Executive Jo Park resigned.",
                &[
                    "Shares of Acme Inc. fell.",
                    "Acme Inc. Chief Executive Jo Park resigned.",
                ],
            ),
            (
                "It sells rice, beans, etc. But prices rose.",
                &["It sells rice, beans, etc.", "But prices rose."],
            ),
            (
                "He lives at No. 10 on Main St. The house is old.",
                &["He lives at No. 10 on Main St.", "The house is old."],
            ),
            (
                "\"No. We will not,\" he said. Samsung Electronics Co. Ltd. declined.",
                &[
                    "\"No.",
                    "We will not,\" he said.",
                    "Samsung Electronics Co. Ltd. declined.",
                ],
            ),
            (
                "The speech was by Martin Lowe Jr. He spoke for an hour.",
                &["The speech was by Martin Lowe Jr.", "He spoke for an hour."],
            ),
        ]);
    }

    #[test]
    fn ellipses() {
        check(&[
            (
                "The water kept rising... Then the wall gave way.",
                &["The water kept rising...", "Then the wall gave way."],
            ),
            (
                "We waited… Nothing came. It was… odd.",
                &["We waited…", "Nothing came.", "It was… odd."],
            ),
            (
                "\"I don't know... Maybe tomorrow,\" the mayor said.",
                &["\"I don't know... Maybe tomorrow,\" the mayor said."],
            ),
            (
                "“We will see…” The minister left.",
                &["“We will see…”", "The minister left."],
            ),
        ]);
    }

    #[test]
    fn numbers_urls_and_emails_do_not_split() {
        check(&[
            (
                "Inflation hit 2.5 percent. The index closed at 35,101.85. Traders cheered.",
                &[
                    "Inflation hit 2.5 percent.",
                    "The index closed at 35,101.85.",
                    "Traders cheered.",
                ],
            ),
            (
                "Details are at example.com/report.html. Write to desk@news.example.org. Thanks.",
                &[
                    "Details are at example.com/report.html.",
                    "Write to desk@news.example.org.",
                    "Thanks.",
                ],
            ),
            ("The score was 3.Then it rained.", &["The score was 3.Then it rained."]),
        ]);
    }

    #[test]
    fn uncased_scripts_split_before_any_letter() {
        check(&[
            ("Он ушёл. Она осталась.", &["Он ушёл.", "Она осталась."]),
            ("Done. 东京 reported it.", &["Done.", "东京 reported it."]),
        ]);
    }

    #[test]
    fn classification() {
        assert_eq!(classify("Gen."), Word::Abbreviation);
        assert_eq!(classify("ex-Gov."), Word::Abbreviation);
        assert_eq!(classify("—Dr."), Word::Abbreviation);
        assert_eq!(classify("U.S."), Word::MaybeFinal);
        assert_eq!(classify("J.R.R."), Word::MaybeFinal);
        assert_eq!(classify("F."), Word::MaybeFinal);
        assert_eq!(classify("pro-U.S."), Word::MaybeFinal);
        for plain in [
            "end.",
            "2024.",
            "U..S.",
            "U.S.abc.",
            "ABC.",
            "example.com.",
            ".",
            "f.",
            "-.",
        ] {
            assert_eq!(classify(plain), Word::Plain, "{plain}");
        }
    }

    #[test]
    fn lists_are_well_formed() {
        for abbr in ABBREVIATIONS.iter().chain(SENTENCE_FINAL_ABBREVIATIONS) {
            assert!(abbr.ends_with('.') && !abbr.contains(char::is_whitespace), "{abbr:?}");
        }
        for a in ABBREVIATIONS {
            assert!(!SENTENCE_FINAL_ABBREVIATIONS.contains(a), "{a} is in both lists");
        }
        for word in [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "January",
            "May",
            "June",
            "July",
        ] {
            assert!(!SENTENCE_STARTERS.contains(&word), "{word} must not be a starter");
        }
    }

    /// The project's example articles (`examples/**/*.txt`, if any): no runaway sentences.
    #[test]
    fn examples_have_no_sentence_over_1000_chars() {
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")];
        let mut checked = 0;
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for path in entries.flatten().map(|e| e.path()) {
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "txt") {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                for sentence in sentences(&text) {
                    let n = sentence.chars().count();
                    let opening: String = sentence.chars().take(80).collect();
                    assert!(
                        n <= 1000,
                        "{}: a {n}-char sentence starting {opening:?}",
                        path.display()
                    );
                }
                checked += 1;
            }
        }
        eprintln!("checked {checked} example texts");
    }

    /// Prints throughput; run with
    /// `cargo test -p corroborate-annotate --release -- --ignored --nocapture throughput`.
    #[test]
    #[ignore]
    fn throughput() {
        let paragraph = "Maj. Gen. Ana Ruiz told reporters in the U.S. capital on Dec. 10 that 2.5 percent \
            of the budget, or $35,101.85 million, was spent. “We will see…” she said. Was it enough? \
            Officials at Acme Inc. declined to comment; see example.com/report for details. \
            The next meeting is at 9 a.m. Tuesday.\n\n";
        let text = paragraph.repeat(1_000_000 / paragraph.len() + 1);
        let runs = 20;
        let start = std::time::Instant::now();
        let mut count = 0;
        for _ in 0..runs {
            count += std::hint::black_box(split(std::hint::black_box(&text))).len();
        }
        let secs = start.elapsed().as_secs_f64() / runs as f64;
        let mb = text.len() as f64 / 1e6;
        println!(
            "{mb:.2} MB, {} sentences: {:.2} ms per run, {:.0} MB/s",
            count / runs,
            secs * 1e3,
            mb / secs
        );
    }

    /// Tokens the generated texts are made of: plain words, every listed abbreviation, starters,
    /// terminators, quotes, brackets, numbers and addresses.
    fn vocabulary() -> Vec<&'static str> {
        let mut words = vec![
            "water",
            "rose",
            "Harbor",
            "city",
            "officials",
            "said",
            "end.",
            "Stop!",
            "why?",
            "ok?!",
            "“Yes!”",
            "\"no.\"",
            "(see",
            "above.)",
            "wait...",
            "then…",
            ".",
            "!",
            "?",
            "…",
            "...",
            "\"",
            "“",
            "”",
            "'",
            "(",
            ")",
            ",",
            "2.5",
            "35,101.85",
            "2024.",
            "example.com",
            "a@b.org.",
            "F.",
            "Q.",
            "A.",
            "x.",
            "é",
            "東京.",
            "—",
            "Mr.Smith",
            "U..S.",
        ];
        words.extend(ABBREVIATIONS);
        words.extend(SENTENCE_FINAL_ABBREVIATIONS);
        words.extend(SENTENCE_STARTERS);
        words
    }

    /// A text of vocabulary words, mostly joined by single spaces, sometimes by line breaks.
    fn article() -> impl Strategy<Value = String> {
        let words = vocabulary();
        let word = proptest::sample::select(words);
        let sep = prop_oneof![8 => Just(" "), 1 => Just("\n"), 1 => Just("\n\n"), 1 => Just("  \t")];
        proptest::collection::vec((word, sep), 0..60)
            .prop_map(|pairs| pairs.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    /// Any text: articles, or arbitrary Unicode with whitespace and terminators mixed in.
    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            article(),
            "[a-zA-Z .!?…\"“”()\n\r\t\u{a0}\u{2029}é東-]{0,80}",
            "\\PC{0,60}",
            any::<String>()
        ]
    }

    fn assert_well_formed(text: &str, spans: &[Span]) {
        let mut previous_end = 0;
        for span in spans {
            assert!(span.start() >= previous_end, "overlap or disorder in {spans:?}");
            assert!(span.end() <= text.len() && span.start() < span.end());
            assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
            let s = span.of(text);
            assert_eq!(s, s.trim(), "span not trimmed");
            assert!(!s.contains(is_hard_break), "span crosses a line: {s:?}");
            previous_end = span.end();
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// (1) Spans are ordered, non-overlapping, inside the text, on char boundaries, trimmed
        /// and never cross a line.
        #[test]
        fn spans_are_well_formed(text in any_text()) {
            assert_well_formed(&text, &split(&text));
        }

        /// (2) Every non-whitespace character is inside exactly one span (and whitespace-only
        /// gaps lie between them).
        #[test]
        fn every_non_whitespace_char_is_covered(text in any_text()) {
            let spans = split(&text);
            let mut spans_iter = spans.iter().peekable();
            for (i, c) in text.char_indices() {
                while spans_iter.peek().is_some_and(|s| s.end() <= i) {
                    spans_iter.next();
                }
                let inside = spans_iter.peek().is_some_and(|s| s.start() <= i);
                prop_assert!(inside || c.is_whitespace(), "{c:?} at {i} is outside every span");
            }
        }

        /// (3) No sentence ends on a listed abbreviation followed by a space and a word.
        #[test]
        fn never_splits_after_a_listed_abbreviation(text in article()) {
            for span in split(&text) {
                let last_token = span.of(&text).rsplit(char::is_whitespace).next().unwrap_or("");
                let rest = &text[span.end()..];
                let word_follows =
                    rest.strip_prefix(' ').and_then(|r| r.chars().next()).is_some_and(|c| !c.is_whitespace());
                prop_assert!(!(word_follows && ABBREVIATIONS.contains(&last_token.trim_start_matches(is_opener))),
                    "split after {:?} before {:?}", last_token, rest);
            }
        }

        /// (3b) After a sentence-final abbreviation, a split happens exactly when the next word
        /// is a starter.
        #[test]
        fn splits_after_a_final_abbreviation_only_before_a_starter(text in article()) {
            let starts: Vec<usize> = split(&text).iter().map(Span::start).collect();
            let mut offset = 0;
            let tokens: Vec<(usize, &str)> = text
                .split(' ')
                .map(|t| {
                    let at = offset;
                    offset += t.len() + 1;
                    (at, t)
                })
                .collect();
            for pair in tokens.windows(2) {
                let ((_, left), (next_at, next)) = (pair[0], pair[1]);
                let next_is_a_token = !next.is_empty() && !next.contains(char::is_whitespace);
                if SENTENCE_FINAL_ABBREVIATIONS.contains(&left) && next_is_a_token {
                    let split_here = starts.contains(&next_at);
                    let starter = starts_with_starter(next) && may_open_sentence(next);
                    prop_assert_eq!(split_here, starter, "after {:?} before {:?}", left, next);
                }
            }
        }

        /// (4) A single line without terminators is one sentence.
        #[test]
        fn no_terminator_means_one_sentence(text in "[^.!?…\n\r\u{85}\u{2028}\u{2029}]{0,100}") {
            let spans = split(&text);
            if text.trim().is_empty() {
                prop_assert!(spans.is_empty());
            } else {
                prop_assert_eq!(spans.len(), 1);
                prop_assert_eq!(spans[0].of(&text), text.trim());
            }
        }
    }
}
