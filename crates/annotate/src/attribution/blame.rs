//! Blame and responsibility: "X blamed Y for Z", "blamed Z on Y", "accused Y of Z", "charges Y
//! with Z", "places the blame for Z on Y", "Y is responsible for Z", "holds Y responsible".
//! The holder is the clause's subject, the speaker of the quote the statement sits in, or
//! the author.

use super::speakers::{author, party, subject_at};
use super::words::Words;
use super::{Quote, Speaker};
use crate::Span;

/// One blame statement with its evidence span.
#[derive(Clone, Debug, PartialEq)]
pub struct Blame {
    /// From the holder (when in the same clause) or the cue to the end of what it is for.
    pub span: Span,
    pub cue: Span,
    pub holder: Speaker,
    pub target: Speaker,
    /// What the target is blamed for.
    pub for_: Option<Span>,
}

/// How a blame word arranges its target and what it is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// blamed TARGET for WHAT, or blamed WHAT on TARGET.
    BlameFor,
    /// accused TARGET of WHAT.
    AccuseOf,
    /// charges TARGET with WHAT.
    ChargeWith,
    /// places the blame for WHAT on TARGET.
    BlameOn,
    /// TARGET is responsible / to blame for WHAT.
    Responsible,
    /// holds TARGET responsible for WHAT.
    HoldResponsible,
    /// WHAT was due to TARGET.
    DueTo,
}

#[rustfmt::skip]
pub const BLAME_WORDS: &[(&str, Frame)] = &[
    ("blamed", Frame::BlameFor), ("blames", Frame::BlameFor), ("blaming", Frame::BlameFor), ("blame", Frame::BlameFor),
    ("accused", Frame::AccuseOf), ("accuses", Frame::AccuseOf), ("accusing", Frame::AccuseOf), ("accuse", Frame::AccuseOf),
    ("charges", Frame::ChargeWith), ("charged", Frame::ChargeWith), ("charging", Frame::ChargeWith), ("charge", Frame::ChargeWith),
    ("places", Frame::BlameOn), ("placed", Frame::BlameOn), ("placing", Frame::BlameOn), ("place", Frame::BlameOn),
    ("puts", Frame::BlameOn), ("put", Frame::BlameOn), ("lays", Frame::BlameOn), ("laid", Frame::BlameOn),
    ("responsible", Frame::Responsible),
    ("holds", Frame::HoldResponsible), ("held", Frame::HoldResponsible), ("hold", Frame::HoldResponsible),
    ("due", Frame::DueTo),
];

const COPULAS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "his", "her", "their", "no", "any",
];
const TARGET_STOPS: &[&str] = &[
    ",",
    ".",
    ";",
    ":",
    "for",
    "of",
    "with",
    "on",
    "over",
    "responsible",
    "that",
    "which",
    "who",
    "—",
    "–",
    "after",
    "because",
];

/// Word index of the first word in `a..hi` equal to `x`, within `limit` words.
fn find(w: &Words, a: usize, hi: usize, limit: usize, x: &str) -> Option<usize> {
    (a..hi.min(a + limit)).find(|&k| w.lower(k) == x)
}

/// A phrase from `a`, up to a stop word or the end: (first, last) word.
fn phrase(w: &Words, a: usize, hi: usize, stops: &[&str], limit: usize) -> Option<(usize, usize)> {
    let mut b = a;
    while b < hi
        && b - a < limit
        && !stops.contains(&w.lower(b))
        && !w.raw(b).starts_with(['“', '”', '"'])
    {
        b += 1;
    }
    while b > a && !w.is_word(b - 1) {
        b -= 1;
    }
    (b > a).then(|| (a, b - 1))
}

fn for_phrase(w: &Words, a: usize, hi: usize) -> Option<(usize, usize)> {
    phrase(
        w,
        a,
        hi,
        &[".", ";", ":", "—", "–", "claiming", "saying", "adding"],
        30,
    )
}

pub(crate) fn find_blame(w: &Words, quotes: &[Quote]) -> Vec<Blame> {
    let mut out = Vec::new();
    for (s, &(lo, hi)) in w.sentence_words.iter().enumerate() {
        for k in lo..hi {
            let Some(&(_, frame)) = BLAME_WORDS.iter().find(|(x, _)| *x == w.lower(k)) else {
                continue;
            };
            let prev = if k > lo { w.lower(k - 1) } else { "" };
            let mut frame = frame;
            if w.lower(k) == "blame"
                && prev == "to"
                && k >= lo + 2
                && COPULAS.contains(&w.lower(k - 2))
            {
                frame = Frame::Responsible;
            } else if frame != Frame::DueTo && (DETERMINERS.contains(&prev) || prev == "major") {
                continue; // "the blame", "the charges": nouns.
            }
            let parts = match frame {
                Frame::BlameFor => {
                    let on = find(w, k + 1, hi, 20, "on");
                    let fr = find(w, k + 1, hi, 12, "for");
                    match (on, fr) {
                        (Some(on), f) if f.is_none_or(|f| f > on) => {
                            phrase(w, on + 1, hi, TARGET_STOPS, 12)
                                .map(|t| (t, phrase(w, k + 1, on, &[], 20)))
                        }
                        _ => phrase(w, k + 1, hi, TARGET_STOPS, 10)
                            .map(|t| (t, fr.and_then(|f| for_phrase(w, f + 1, hi)))),
                    }
                }
                Frame::AccuseOf => phrase(w, k + 1, hi, TARGET_STOPS, 10).map(|t| {
                    (
                        t,
                        find(w, t.1 + 1, hi, 3, "of").and_then(|f| for_phrase(w, f + 1, hi)),
                    )
                }),
                Frame::ChargeWith => {
                    let Some(with) = find(w, k + 1, hi, 8, "with") else {
                        continue;
                    };
                    phrase(w, k + 1, with, TARGET_STOPS, 8)
                        .map(|t| (t, for_phrase(w, with + 1, hi)))
                }
                Frame::BlameOn => {
                    let Some(b) = find(w, k + 1, hi, 4, "blame") else {
                        continue;
                    };
                    let Some(mut on) = find(w, b + 1, hi, 25, "on") else {
                        continue;
                    };
                    let fr = find(w, b + 1, on, 3, "for")
                        .and_then(|f| phrase(w, f + 1, on, &["less", "more"], 20));
                    if on > 0 && matches!(w.lower(on - 1), "less" | "more") {
                        if let Some(than) = find(w, on + 1, hi, 12, "than") {
                            if w.lower(than + 1) == "on" {
                                on = than + 1;
                            }
                        }
                    }
                    phrase(w, on + 1, hi, &[",", ".", ";", ":", "—", "which"], 12).map(|t| (t, fr))
                }
                Frame::Responsible => {
                    let cop = if w.lower(k) == "blame" {
                        k - 2
                    } else {
                        k.saturating_sub(1)
                    };
                    if k == lo
                        || !COPULAS.contains(&w.lower(cop))
                        || (cop > lo && w.lower(cop - 1) == "not")
                    {
                        continue;
                    }
                    let fr = find(w, k + 1, hi, 2, "for").and_then(|f| for_phrase(w, f + 1, hi));
                    w.np_before(lo, cop).map(|t| (t, fr))
                }
                Frame::DueTo => {
                    if k == lo || !COPULAS.contains(&prev) || k + 2 >= hi || w.lower(k + 1) != "to"
                    {
                        continue;
                    }
                    let what = w.np_before(lo, k - 1);
                    phrase(w, k + 2, hi, &[",", ".", ";", ":", "who", "which", "—"], 16)
                        .map(|t| (t, what))
                }
                Frame::HoldResponsible => {
                    let Some(r) = find(w, k + 1, hi, 8, "responsible") else {
                        continue;
                    };
                    phrase(w, k + 1, r, TARGET_STOPS, 8).map(|t| {
                        (
                            t,
                            find(w, r + 1, hi, 2, "for").and_then(|f| for_phrase(w, f + 1, hi)),
                        )
                    })
                }
            };
            let Some(((ta, tb), for_)) = parts else {
                continue;
            };
            let target = party(w, ta, tb);
            let at = w.words[k].span.start();
            let inside = quotes
                .iter()
                .find(|q| q.content.start() <= at && at < q.content.end() && q.speaker.is_some());
            // Inside a direct quote the speaker holds the blame; inside paraphrase the clause's
            // own subject comes first ("The ELA said …, but its spokesman accused …").
            let holder = match (frame, inside) {
                (_, Some(q)) if q.kind == super::QuoteKind::Direct => {
                    q.speaker.clone().expect("filtered")
                }
                (Frame::Responsible | Frame::DueTo, q) => {
                    q.and_then(|q| q.speaker.clone()).unwrap_or_else(author)
                }
                (_, q) => subject_at(w, quotes, s, k)
                    .or_else(|| q.and_then(|q| q.speaker.clone()))
                    .unwrap_or_else(author),
            };
            let cue = w.words[k].span;
            let mut start = cue
                .start()
                .min(target.span.map_or(usize::MAX, |t| t.start()));
            if let Some(h) = holder
                .span
                .filter(|h| h.start() >= w.sentences[s].start() && h.end() <= cue.start())
            {
                start = start.min(h.start());
            }
            let end = for_
                .map_or(w.words[tb].span.end(), |(_, b)| w.words[b].span.end())
                .max(w.words[tb].span.end());
            let span = Span::new(w.text, start, end).expect("word boundaries");
            out.push(Blame {
                span,
                cue,
                holder,
                target,
                for_: for_.map(|(a, b)| w.span(a, b)),
            });
        }
    }
    out
}
