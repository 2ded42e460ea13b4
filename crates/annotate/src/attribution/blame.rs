//! Blame and responsibility: "X blamed Y for Z", "blamed Z on Y", "accused Y of Z", "charges Y
//! with Z", "places the blame for Z on Y", "Y is responsible for Z", "holds Y responsible".
//! The holder is the clause's subject, the speaker of the quote the statement sits in, or
//! the author.
//!
//! Two implicit kinds as well, each from its own table: *enabling* — whoever gives a hostile
//! armed actor room to act bears the blame for it ("the US has assisted ISIL", "this gave the
//! jihadists a window of opportunity", "which opened space for IS to expand"); and
//! *criticism* in a speaker's own words ("when these pauses last three weeks … that I don't
//! understand"). Pronoun and demonstrative targets ("blaming them", "these pauses") are
//! resolved to the phrase they stand for, a placeholder target ("something quite different:
//! …") to what follows its colon, and "mistakes made by X" to X.

use super::speakers::{author, party, subject_at};
use super::cues::NP_STOPS;
use super::words::Words;
use super::{Quote, Speaker, SpeakerKind};
use crate::entities::EntityType;
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
    /// TARGET shares that responsibility.
    Share,
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
    ("share", Frame::Share), ("shares", Frame::Share), ("shared", Frame::Share),
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
    (b > a).then(|| (a, close_quote(w, a, b - 1, hi)))
}

/// The last word of phrase `a..=b`, one further when that closes a single quotation mark the
/// phrase opens ("the ‘humanitarian pauses’").
fn close_quote(w: &Words, a: usize, b: usize, hi: usize) -> usize {
    let opened = (a..=b).filter(|&i| w.raw(i) == "‘").count() > (a..=b).filter(|&i| w.raw(i) == "’").count();
    if opened && b + 1 < hi && w.raw(b + 1) == "’" {
        b + 1
    } else {
        b
    }
}

fn for_phrase(w: &Words, a: usize, hi: usize) -> Option<(usize, usize)> {
    // A new clause after ", and" / ", but" is not what the blame is for.
    let hi = (a + 1..hi).find(|&i| w.raw(i - 1) == "," && matches!(w.lower(i), "and" | "but" | "while" | "whereas")).map_or(hi, |i| i - 1);
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
            let mut second = None;
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
                    // "on the corridor and on those who demanded it": two targets.
                    let stops = [",", ".", ";", ":", "—", "which"];
                    phrase(w, on + 1, hi, &stops, 12).map(|(a, b)| match (a + 1..b).find(|&i| w.lower(i) == "and" && w.lower(i + 1) == "on") {
                        Some(and) => {
                            second = phrase(w, and + 2, hi, &stops, 12);
                            ((a, and - 1), fr)
                        }
                        None => ((a, b), fr),
                    })
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
                    // "X, not Y, is responsible": X is.
                    let contrast = (lo + 1..cop).find(|&i| w.raw(i - 1) == "," && w.lower(i) == "not");
                    match contrast {
                        Some(not) => w.np_before(lo, not - 1),
                        None => w.np_before(lo, cop),
                    }
                    .map(|t| (t, fr))
                }
                Frame::Share => {
                    // "the officials who renewed it share that responsibility"
                    if !matches!(w.lower(k + 1), "that" | "the" | "this" | "some" | "part") || !matches!(w.lower((k + 2).min(hi - 1)), "responsibility" | "blame") {
                        continue;
                    }
                    let fr = find(w, k + 3, hi, 2, "for").and_then(|f| for_phrase(w, f + 1, hi));
                    let who = (lo..k).rev().take(12).find(|&i| matches!(w.lower(i), "who" | "which"));
                    w.np_before(lo, who.unwrap_or(k)).map(|t| (t, fr))
                }
                Frame::DueTo => {
                    if k == lo || !COPULAS.contains(&prev) || k + 2 >= hi || w.lower(k + 1) != "to"
                    {
                        continue;
                    }
                    // "due to cut their hours" is a plan, not a cause: a cause is a noun phrase.
                    let next = w.lower(k + 2);
                    let nominal = DETERMINERS.contains(&next)
                        || matches!(next, "some" | "these" | "those" | "poor" | "bad" | "repeated" | "several" | "many")
                        || w.is_capitalized(k + 2)
                        || ["s", "ing", "ion", "ure", "ment", "ness", "ity", "ance", "ence"].iter().any(|x| next.ends_with(x));
                    if !nominal {
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
            // "the Compact, which the government accuses of organising …": the target is the
            // phrase the relative pronoun stands for.
            let relative = (lo + 1..k.saturating_sub(1)).rev().take(6).find(|&i| matches!(w.lower(i), "which" | "whom") && w.raw(i - 1) == ",");
            let parts = match (parts, relative, frame) {
                (None, Some(r), Frame::AccuseOf | Frame::BlameFor | Frame::ChargeWith) => {
                    // The relative clause ends at its closing comma.
                    let close = (k + 1..hi).find(|&i| w.raw(i) == ",").unwrap_or(hi);
                    let for_ = ["of", "for", "with"].iter().find_map(|x| find(w, k + 1, close, 2, x)).and_then(|f| for_phrase(w, f + 1, close));
                    w.np_before(lo, r - 1).map(|t| (t, for_))
                }
                (parts, _, _) => parts,
            };
            let Some(((ta, tb), mut for_)) = parts else {
                continue;
            };
            let Some((ta, tb)) = refine_target(w, s, ta, tb, hi) else {
                continue;
            };
            // A gerund subject ("Blaming them for the loss is a criticism by the army of …")
            // is nobody's blame unless a "by" names whose it is.
            let gerund = w.lower(k).ends_with("ing") && (k == lo || w.raw(k - 1) == ",");
            let mut gerund_holder = None;
            if gerund {
                if let Some((fa, fb)) = for_ {
                    let cut = (fa..=fb).find(|&i| COPULAS.contains(&w.lower(i)));
                    if let Some(c) = cut {
                        for_ = (c > fa).then(|| (fa, c - 1));
                        gerund_holder = (c..hi.min(c + 10))
                            .find(|&i| w.lower(i) == "by")
                            .and_then(|by| clause_np(w, by + 1, hi))
                            .map(|(a, b)| target_party(w, a, b));
                    }
                }
                if gerund_holder.is_none() {
                    continue;
                }
            }
            let target = target_party(w, ta, tb);
            let at = w.words[k].span.start();
            let inside = quotes
                .iter()
                .find(|q| q.content.start() <= at && at < q.content.end() && q.speaker.is_some());
            // Inside a direct quote the speaker holds the blame; inside paraphrase the clause's
            // own subject comes first ("The ELA said …, but its spokesman accused …").
            let holder = match (frame, inside) {
                _ if gerund_holder.is_some() => gerund_holder.clone().expect("checked"),
                (_, Some(q)) if q.kind == super::QuoteKind::Direct => {
                    q.speaker.clone().expect("filtered")
                }
                (Frame::Responsible | Frame::DueTo | Frame::Share, q) => {
                    q.and_then(|q| q.speaker.clone()).unwrap_or_else(author)
                }
                (_, q) => subject_at(w, quotes, s, k)
                    .or_else(|| q.and_then(|q| q.speaker.clone()))
                    .unwrap_or_else(author),
            };
            let holder = if is_self_reference(w, s, &holder) {
                Speaker { span: holder.span, ..author() }
            } else {
                holder
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
            let span = Span::new(w.text, start, end.max(second.map_or(0, |(_, b)| w.words[b].span.end()))).expect("word boundaries");
            let for_ = for_.map(|(a, b)| w.span(a, b));
            if let Some((a, b)) = second {
                out.push(Blame { span, cue, holder: holder.clone(), target: target_party(w, a, b), for_ });
            }
            out.push(Blame { span, cue, holder, target, for_ });
        }
    }
    find_enabling(w, quotes, &mut out);
    find_criticism(w, quotes, &mut out);
    out.sort_by_key(|b| (b.span.start(), b.cue.start(), b.target.span.map(|t| t.start())));
    out.dedup_by_key(|b| (b.cue.start(), b.target.span.map(|t| t.start())));
    out
}

/// People of a body named before them ("the U.N. officials", "CDF commanders").
const ROLE_NOUNS: &[&str] = &["officials", "commanders", "leaders", "diplomats", "officers", "generals", "ministers", "negotiators", "staff"];

/// Nouns for a piece of writing, which may be the text itself ("this analysis", "the article").
const WORKS: &[&str] = &["analysis", "article", "report", "brief", "paper", "column", "piece", "newsletter", "study", "essay", "post"];

/// A holder that is the text itself or its writer ("this analysis places the blame …", "the
/// author argues …"): the author. "The article" is the text itself only when the sentence
/// before and the words before it in its own sentence name no other piece of writing (a
/// writing noun, or a footnote marker such as "[4]"), since "X published an analysis. The
/// article explains …" is X's.
fn is_self_reference(w: &Words, s: usize, holder: &Speaker) -> bool {
    if holder.kind != SpeakerKind::Description {
        return false;
    }
    let name = holder.name.to_lowercase();
    let name = name.trim();
    let writer = |rest: &str| matches!(rest, "author" | "writer" | "present author" | "present writer");
    if let Some(rest) = name.strip_prefix("this ") {
        return WORKS.contains(&rest) || writer(rest);
    }
    let Some(rest) = name.strip_prefix("the ") else {
        return false;
    };
    if writer(rest) || rest.strip_prefix("present ").is_some_and(|r| WORKS.contains(&r)) {
        return true;
    }
    if !WORKS.contains(&rest) {
        return false;
    }
    let Some(at) = holder.span.map(|h| h.start()) else {
        return false;
    };
    let from = if s > 0 && w.paragraph[s] <= w.paragraph[s - 1] + 1 { w.sentence_words[s - 1].0 } else { w.sentence_words[s].0 };
    let other_work = (from..w.words.len())
        .take_while(|&i| w.words[i].span.start() < at)
        .any(|i| {
            let l = w.lower(i);
            WORKS.contains(&l) || l.strip_suffix('s').is_some_and(|x| WORKS.contains(&x))
        } || w.footnote_at(i).is_some());
    !other_work
}

/// Words standing for a phrase said elsewhere: resolved before they become a target.
const PRONOUN_TARGETS: &[&str] = &["them", "it", "they", "this", "these", "those", "that"];
/// A target that only announces the real one after a colon ("on something quite different: …").
const PLACEHOLDERS: &[&str] = &["something", "one", "two", "three", "another", "the following"];
/// "mistakes made by X", "failures of X": the blame is X's.
const FAULT_NOUNS: &[&str] = &["mistake", "mistakes", "error", "errors", "failure", "failures", "blunder", "blunders", "negligence"];

/// The target words `ta..=tb` as what they stand for: a pronoun resolved to the subject of the
/// clause before it, a placeholder to what follows its colon, "mistakes made by X" to X.
/// `None` when a pronoun has nothing to stand for.
fn refine_target(w: &Words, s: usize, ta: usize, tb: usize, hi: usize) -> Option<(usize, usize)> {
    let (lo, _) = w.sentence_words[s];
    if ta == tb && PRONOUN_TARGETS.contains(&w.lower(ta)) {
        // The subject of an opening subordinate clause of the same sentence ("Since the pauses
        // were imposed …, blaming them …"), else the subject of the sentence before.
        let own = (crate::attribution::cues::SUBORDINATORS.contains(&w.lower(lo)) && lo + 1 < ta)
            .then(|| clause_np(w, lo + 1, ta))
            .flatten();
        let earlier = || (s > 0).then(|| clause_subject(w, s - 1)).flatten();
        return own.or_else(earlier).filter(|&(a, b)| !(a == b && PRONOUN_TARGETS.contains(&w.lower(a))));
    }
    let first = w.lower(ta);
    let placeholder = PLACEHOLDERS.contains(&first) || w.span(ta, tb).of(w.text).eq_ignore_ascii_case("the following");
    if placeholder && tb + 1 < hi && w.raw(tb + 1) == ":" {
        return phrase(w, tb + 2, hi, &[".", ";", ",", "which", "—"], 20);
    }
    for i in ta..tb {
        let by = i + 1;
        if FAULT_NOUNS.contains(&w.lower(i.saturating_sub(1)).trim_end_matches(',')) || FAULT_NOUNS.contains(&w.lower(i)) {
            if matches!(w.lower(i), "made" | "committed") && w.lower(by) == "by" && by < tb {
                return Some((by + 1, tb));
            }
            if FAULT_NOUNS.contains(&w.lower(i)) && w.lower(by) == "of" && by < tb && w.is_capitalized(by + 1) {
                return Some((by + 1, tb));
            }
        }
    }
    Some((ta, tb))
}

/// A blamed party from words `a..=b`: a phrase opening with a plain noun ("commanders of the
/// army and the militia") is a description of people, not the entity named inside it.
fn target_party(w: &Words, a: usize, b: usize) -> Speaker {
    let first = w.raw(a);
    let plain_noun = first.starts_with(char::is_lowercase) && !DETERMINERS.contains(&w.lower(a)) && a < b;
    // "the CDF's own commanders": the commanders, not the CDF (unless a person is named).
    let mention = w.mention_in(w.span(a, b));
    let possessed = (a..b).any(|i| matches!(w.lower(i), "’s" | "'s") && w.is_word(i + 1))
        && mention.is_none_or(|m| w.entities[m].ty != EntityType::Person);
    // "the U.N. officials": people of the body, not the body.
    let role = ROLE_NOUNS.contains(&w.lower(b))
        && mention.is_some_and(|m| w.entities[m].ty != EntityType::Person && w.entities[m].span.end() < w.words[b].span.start());
    if plain_noun || possessed || role {
        let span = w.span(a, b);
        return Speaker { span: Some(span), mention: None, name: span.of(w.text).split_whitespace().collect::<Vec<_>>().join(" "), kind: SpeakerKind::Description };
    }
    party(w, a, b)
}

/// A noun phrase read forward from word `a`: up to a clause word (auxiliary, conjunction,
/// relative), punctuation other than an apostrophe, a verb-looking "-ed" word after a noun,
/// or ten words. Leading conjunctions are skipped.
fn clause_np(w: &Words, mut a: usize, hi: usize) -> Option<(usize, usize)> {
    while a < hi && (!w.is_word(a) || matches!(w.lower(a), "and" | "but" | "so" | "yet" | "or")) && !w.raw(a).starts_with(['‘', '“', '"']) {
        a += 1;
    }
    let mut b = a;
    while b < hi && b - a < 10 {
        let l = w.lower(b);
        let quote_mark = matches!(w.raw(b), "‘" | "’" | "“" | "”" | "\"" | "'");
        if !(w.is_word(b) || quote_mark || l == "’s" || l == "'s" || l == "-")
            || (NP_STOPS.contains(&l) && !w.is_acronym(b))
            || (b > a && matches!(l, "in" | "on" | "at" | "of" | "from" | "near" | "during" | "to" | "with" | "for"))
            || super::cues::cue_verb(l).is_some()
            || BLAME_WORDS.iter().any(|(x, _)| *x == l) && b > a
            || ENABLING_WORDS.iter().any(|(x, _)| *x == l) && b > a
            || (b > a && l.ends_with("ed") && w.raw(b).starts_with(char::is_lowercase) && !DETERMINERS.contains(&w.lower(b - 1)))
        {
            break;
        }
        b += 1;
    }
    while b > a && !w.is_word(b - 1) {
        b -= 1;
    }
    (b > a).then(|| (a, close_quote(w, a, b - 1, hi)))
}

/// The subject of sentence `s`'s main clause: after an opening subordinate clause or a
/// prepositional adjunct ("Within three weeks that month, the coalition …").
fn clause_subject(w: &Words, s: usize) -> Option<(usize, usize)> {
    let (lo, hi) = w.sentence_words[s];
    let mut a = w.main_clause_start(s);
    if a == lo && a < hi && (super::cues::ADJUNCT_OPENERS.contains(&w.lower(a)) || matches!(w.lower(a), "within" | "throughout" | "despite" | "amid" | "following")) {
        if let Some(c) = (a..hi).find(|&k| w.raw(k) == ",") {
            a = c + 1;
        }
    }
    clause_np(w, a, hi)
}

/// How an enabling word arranges the hostile actor it helps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Enabling {
    /// allowed / helped / assisted ACTOR (to …).
    Object,
    /// gave ACTOR a respite, gave a respite to ACTOR.
    Gives,
    /// opened space / paved the way for ACTOR.
    OpensFor,
}

#[rustfmt::skip]
const ENABLING_WORDS: &[(&str, Enabling)] = &[
    ("allowed", Enabling::Object), ("allows", Enabling::Object), ("allowing", Enabling::Object), ("allow", Enabling::Object),
    ("enabled", Enabling::Object), ("enables", Enabling::Object), ("enabling", Enabling::Object), ("enable", Enabling::Object),
    ("permitted", Enabling::Object), ("permits", Enabling::Object), ("permitting", Enabling::Object), ("permit", Enabling::Object),
    ("let", Enabling::Object), ("lets", Enabling::Object), ("letting", Enabling::Object),
    ("helped", Enabling::Object), ("helps", Enabling::Object), ("helping", Enabling::Object),
    ("assisted", Enabling::Object), ("assists", Enabling::Object), ("assisting", Enabling::Object),
    ("aided", Enabling::Object), ("aiding", Enabling::Object), ("armed", Enabling::Object), ("arming", Enabling::Object),
    ("gave", Enabling::Gives), ("gives", Enabling::Gives), ("giving", Enabling::Gives), ("give", Enabling::Gives),
    ("given", Enabling::Gives), ("granted", Enabling::Gives), ("offered", Enabling::Gives), ("provided", Enabling::Gives),
    ("opened", Enabling::OpensFor), ("opens", Enabling::OpensFor), ("opening", Enabling::OpensFor),
    ("paved", Enabling::OpensFor), ("paving", Enabling::OpensFor), ("cleared", Enabling::OpensFor),
];
/// What one can give an armed actor: time or room to act.
const RESPITE_NOUNS: &[&str] = &["opportunity", "respite", "chance", "reprieve", "breathing", "cover", "passage", "sanctuary", "haven", "free"];
/// What one can open for it.
const OPENING_NOUNS: &[&str] = &["space", "room", "way", "door", "path", "road"];
/// Words naming a hostile armed actor without a name.
const HOSTILE_LABELS: &[&str] = &[
    "militants", "terrorists", "jihadists", "jihadis", "insurgents", "extremists", "islamists", "thugs", "gunmen",
];
/// Name words of a state's own forces: an armed group named so is not a hostile actor here.
const STATE_FORCE_WORDS: &[&str] = &["army", "forces", "force", "military", "navy", "guard", "guards", "police", "corps", "troops"];
/// Heads of a phrase that can be an actor (for an agent taken from the sentence before).
const ACTOR_NOUNS: &[&str] = &[
    "coalition", "regime", "government", "army", "forces", "military", "troops", "ministry", "officials", "administration",
    "authorities", "leadership", "command", "commanders", "alliance", "militaries",
];

/// Whether word `i` names a hostile armed actor: a label ("militants", "terrorists") or a
/// non-state armed group ("ISIL", "Islamic State").
fn hostile(w: &Words, i: usize) -> bool {
    if HOSTILE_LABELS.contains(&w.lower(i)) {
        return true;
    }
    let at = w.words[i].span;
    let from = w.entities.partition_point(|m| m.span.end() <= at.start());
    w.entities.get(from).is_some_and(|m| {
        m.ty == EntityType::ArmedGroup
            && m.span.start() <= at.start()
            && !m.span.of(w.text).split(|c: char| !c.is_alphanumeric()).any(|x| STATE_FORCE_WORDS.contains(&x.to_lowercase().as_str()))
    })
}

/// The first word in `a..hi` (within `limit` words) naming a hostile actor, before any word
/// in `stops`.
fn hostile_in(w: &Words, a: usize, hi: usize, limit: usize, stops: &[&str]) -> Option<usize> {
    (a..hi.min(a + limit)).take_while(|&i| !stops.contains(&w.lower(i))).find(|&i| hostile(w, i))
}

/// Whether a phrase can be the agent of an enabling act: it names an entity or ends in an
/// actor noun ("the pro-regime coalition").
fn actor_phrase(w: &Words, a: usize, b: usize) -> bool {
    w.mention_in(w.span(a, b)).is_some() || (a..=b).any(|i| ACTOR_NOUNS.contains(&w.lower(i)))
}

/// Whoever helps a hostile armed actor bears the blame for it: "the US has assisted ISIL",
/// "this gave the jihadists a window of opportunity", "which opened space for IS to expand",
/// "most of IS's force was allowed to leave" (agent: a "by" phrase, else the actor the
/// sentence before is about). The holder is the speaker of the quote it sits in, else the
/// author.
fn find_enabling(w: &Words, quotes: &[Quote], out: &mut Vec<Blame>) {
    for (s, &(lo, hi)) in w.sentence_words.iter().enumerate() {
        for k in lo..hi {
            let Some(&(_, shape)) = ENABLING_WORDS.iter().find(|(x, _)| *x == w.lower(k)) else {
                continue;
            };
            // Not a noun ("the opening"), not an infinitive of purpose ("coordinated to give a
            // respite": whose purpose is unclear), not after an explicit blame of the same
            // sentence (its "which enabled …" is part of that blame).
            let prev = if k > lo { w.lower(k - 1) } else { "" };
            if !w.raw(k).starts_with(char::is_lowercase)
                || (DETERMINERS.contains(&prev) && !matches!(prev, "this" | "that"))
                || prev == "to"
                || out.iter().any(|b| w.words[w.word_at(b.cue.start()).min(w.words.len() - 1)].sentence == s && b.cue.start() < w.words[k].span.start())
            {
                continue;
            }
            let passive = k > lo && (COPULAS.contains(&w.lower(k - 1)) || (k > lo + 1 && COPULAS.contains(&w.lower(k - 2)) && w.lower(k - 1).ends_with("ly")));
            // The hostile actor helped, and the words saying how.
            let helped = if passive {
                let cop = if COPULAS.contains(&w.lower(k - 1)) { k - 1 } else { k - 2 };
                w.np_before(lo, cop).filter(|&(a, b)| (a..=b).any(|i| hostile(w, i))).map(|_| k)
            } else {
                match shape {
                    Enabling::Object => hostile_in(w, k + 1, hi, 5, &["to", ",", "."]),
                    Enabling::Gives => {
                        let noun = (k + 1..hi.min(k + 12)).find(|&i| RESPITE_NOUNS.contains(&w.lower(i)));
                        noun.and(hostile_in(w, k + 1, hi, 12, &[".", ";"]))
                    }
                    Enabling::OpensFor => {
                        let noun = (k + 1..hi.min(k + 4)).find(|&i| OPENING_NOUNS.contains(&w.lower(i)));
                        noun.and_then(|n| find(w, n + 1, hi, 2, "for")).and_then(|f| hostile_in(w, f + 1, hi, 4, &[",", "."]))
                    }
                }
            };
            let Some(helped) = helped else {
                continue;
            };
            // Who did the helping.
            let agent = if passive {
                (k + 1..hi.min(k + 10))
                    .find(|&i| w.lower(i) == "by")
                    .and_then(|by| clause_np(w, by + 1, hi))
                    .or_else(|| (s > 0).then(|| clause_subject(w, s - 1)).flatten().filter(|&(a, b)| actor_phrase(w, a, b)))
            } else {
                let mut j = k;
                while j > lo && (super::cues::PRE_CUE_SKIPS.contains(&w.lower(j - 1)) || matches!(w.lower(j - 1), "only" | "actually" | "also" | "even" | "effectively" | "simply" | "not")) {
                    j -= 1;
                }
                if j > lo && matches!(w.lower(j - 1), "which" | "that") && j > lo + 1 && w.raw(j - 2) == "," {
                    clause_subject(w, s)
                } else {
                    w.np_before(lo, j).and_then(|(a, b)| refine_target(w, s, a, b, hi))
                }
            };
            // Not the hostile actor itself, not the speaker ("we opened the borders"), not a
            // hypothetical ("Washington would hardly permit …").
            let Some((ta, tb)) = agent.filter(|&(a, b)| {
                !(a..=b).any(|i| hostile(w, i) || matches!(w.raw(i), "we" | "We" | "I" | "our" | "Our" | "us" | "my" | "My") || w.raw(i).contains(['[', ']']))
            }) else {
                continue;
            };
            let between = if w.words[tb].sentence == s && tb < k { tb + 1..k } else { k..k };
            let hedged = between.into_iter().any(|i| matches!(w.lower(i), "would" | "could" | "might" | "may" | "unlikely" | "not" | "never" | "n't" | "hardly"));
            if hedged {
                continue;
            }
            let at = w.words[k].span.start();
            let holder = quotes
                .iter()
                .find(|q| q.content.start() <= at && at < q.content.end() && q.speaker.is_some())
                .and_then(|q| q.speaker.clone())
                .unwrap_or_else(author);
            // What the help was: from the verb (a passive's from its subject) to the clause end.
            let end_word = (k + 1..hi.min(k + 16)).take_while(|&i| !matches!(w.lower(i), "." | ";" | "—" | "–" | "which")).last().unwrap_or(k).max(helped);
            let from = if passive { w.np_before(lo, k - 1).map_or(k, |(a, _)| a) } else { k };
            let for_ = w.span(from, end_word);
            let start = w.words[k].span.start().min(w.words[ta].span.start().max(w.sentences[s].start()));
            let start = if w.words[ta].sentence == s { start } else { w.words[k].span.start() };
            out.push(Blame {
                span: Span::new(w.text, start, for_.end()).expect("word boundaries"),
                cue: w.words[k].span,
                holder,
                target: target_party(w, ta, tb),
                for_: Some(for_),
            });
        }
    }
}

/// A speaker's own words of disapproval, matched in the lower-cased quote with plain
/// apostrophes.
const CRITICISM: &[&str] = &[
    "i don't understand", "i do not understand", "i cannot understand", "i can't understand",
    "unacceptable", "inexcusable", "unforgivable", "is a mistake", "was a mistake", "a grave mistake",
    "a blunder", "irresponsible", "a disgrace", "disgraceful", "shameful", "outrageous", "a betrayal",
];
const DEMONSTRATIVES: &[&str] = &["these", "those", "this", "that", "such"];

/// Criticism in a speaker's direct quote: the thing criticised is the subject of the "when" or
/// "if" clause before the marker ("when these pauses last three weeks … that I don't
/// understand"), else the subject before the copula ("the deal is unacceptable"). A
/// demonstrative phrase is resolved to the fuller phrase with the same head earlier in the text.
fn find_criticism(w: &Words, quotes: &[Quote], out: &mut Vec<Blame>) {
    for q in quotes.iter().filter(|q| q.kind == super::QuoteKind::Direct) {
        let Some(speaker) = q.speaker.as_ref().filter(|s| s.kind != SpeakerKind::Author) else {
            continue;
        };
        let content = q.content.of(w.text).to_lowercase().replace('’', "'");
        let Some((offset, marker)) = CRITICISM.iter().filter_map(|m| content.find(m).map(|p| (p, *m))).min() else {
            continue;
        };
        // `content` has the quote's byte layout except for ’ (3 bytes) → ' (1 byte).
        let original = q.content.of(w.text);
        let mut byte = 0;
        let mut seen = 0;
        for (i, c) in original.char_indices() {
            if seen >= offset {
                byte = i;
                break;
            }
            seen += if c == '’' { 1 } else { c.to_lowercase().map(char::len_utf8).sum() };
            byte = i + c.len_utf8();
        }
        let m = w.word_at(q.content.start() + byte);
        if m >= w.words.len() {
            continue;
        }
        let s = w.words[m].sentence;
        let (lo, hi) = w.sentence_words[s];
        let qa = w.word_at(q.content.start()).max(lo);
        let subject = (qa..m).rev().find(|&i| matches!(w.lower(i), "when" | "if")).and_then(|i| clause_np(w, i + 1, m)).or_else(|| {
            let cop = (qa..m).rev().find(|&i| COPULAS.contains(&w.lower(i)))?;
            w.np_before(qa, cop)
        });
        let Some((a, b)) = subject else {
            continue;
        };
        // A demonstrative phrase is as short as its head: "these pauses", not "these pauses last".
        let (a, b) = if DEMONSTRATIVES.contains(&w.lower(a)) {
            let head = (a + 1..=b).find(|&i| w.lower(i).ends_with('s') && w.lower(i).len() > 3).unwrap_or(b.min(a + 1));
            antecedent(w, head, w.word_at(q.content.start())).unwrap_or((a, head))
        } else {
            (a, b)
        };
        if a == b && PRONOUN_TARGETS.contains(&w.lower(a)) || (a..=b).any(|i| matches!(w.lower(i), "i" | "we" | "you")) {
            continue;
        }
        let first = (qa..m).rev().find(|&i| matches!(w.lower(i), "when" | "if")).unwrap_or(m);
        let end = (m..hi).take_while(|&i| w.is_word(i) || marker.contains(w.lower(i))).last().unwrap_or(m);
        out.push(Blame {
            span: w.span(first.min(m), end),
            cue: w.span(m, end),
            holder: speaker.clone(),
            target: target_party(w, a, b),
            for_: None,
        });
    }
}

/// The fuller phrase with the head of word `head` before word `before`: "these pauses" →
/// "humanitarian pauses" (the modifier and the head, the nearest such mention).
fn antecedent(w: &Words, head: usize, before: usize) -> Option<(usize, usize)> {
    let h = w.lower(head);
    let stem = h.trim_end_matches('s');
    (before.saturating_sub(3000)..before).rev().find_map(|i| {
        let l = w.lower(i);
        if l != h && l.trim_end_matches('s') != stem {
            return None;
        }
        let mut j = i;
        while j > 0 && matches!(w.raw(j - 1), "‘" | "“" | "\"" | "'") {
            j -= 1;
        }
        let m = j.checked_sub(1)?;
        let ml = w.lower(m);
        (w.is_word(m)
            && w.words[m].sentence == w.words[i].sentence
            && !DETERMINERS.contains(&ml)
            && !DEMONSTRATIVES.contains(&ml)
            && !NP_STOPS.contains(&ml)
            && !super::cues::ADJUNCT_OPENERS.contains(&ml)
            && !matches!(ml, "of" | "to" | "many" | "some" | "more" | "few" | "several" | "all")
            && !ml.chars().all(|c| c.is_ascii_digit()))
        .then_some((m, i))
    })
}
