//! Quotes with their cue and speaker: direct quotes (marked or block), partial quotes inside
//! paraphrase, and indirect speech around a reporting verb; speakers resolved to mentions,
//! pronouns to the previous speaker, continuing quotes to the speaker before them.

use super::cues::{AUTHOR_PRONOUNS, COPULAS, NAMING_VERBS, NP_STOPS, PRONOUNS};
use super::quotes::{find_marked, Marked};
use super::words::Words;
use super::{Quote, QuoteKind, Speaker, SpeakerKind};
use crate::entities::EntityType;
use crate::Span;

/// Words in an introducing sentence that announce a statement after it even without a
/// reporting verb ("In comments today General X …", "… a great deal more forthright").
const INTRO_WORDS: &[&str] = &[
    "comments",
    "statement",
    "remarks",
    "interview",
    "blamed",
    "accused",
    "wrote",
    "said",
    "told",
    "forthright",
];

/// Words that mark a speaker description as an anonymous source.
const ANONYMOUS: &[&str] = &["anonymous", "source", "sources", "unnamed", "unidentified"];

/// How many word tokens a quote may hold and still be read as a term (a scare quote).
const TERM_WORDS: usize = 5;

struct State {
    /// Direct quotes' speakers so far: (byte position, sentence, speaker).
    last: Option<(usize, Speaker)>,
}

fn sentence_of(w: &Words, at: usize) -> usize {
    w.sentences
        .partition_point(|s| s.end() <= at)
        .min(w.sentences.len().saturating_sub(1))
}

fn word_count(w: &Words, a: usize, b: usize) -> usize {
    (a..b).filter(|&k| w.is_word(k)).count()
}

/// A speaker from the noun phrase of words `a..=b`.
fn resolve(w: &Words, a: usize, b: usize, state: &State) -> Speaker {
    let span = w.span(a, b);
    let lower = w.lower(a);
    if a == b && AUTHOR_PRONOUNS.contains(&lower) {
        return Speaker { span: Some(span), ..author() };
    }
    if a == b && PRONOUNS.contains(&lower) {
        let s = w.words[a].sentence;
        // "The military made clear that it places …": the sentence's own subject.
        let main = w.main_clause_start(s);
        if matches!(lower, "it" | "they") && a > main + 1 && !PRONOUNS.contains(&w.lower(main)) {
            if let Some((x, y)) = w.np_from(main, a).filter(|&(_, y)| y < a) {
                let sp = resolve(w, x, y, &State { last: None });
                return Speaker {
                    span: Some(span),
                    kind: SpeakerKind::Resolved,
                    ..sp
                };
            }
        }
        // "he"/"she" take the previous speaker only if that is a person (or a description).
        let fits = |l: &Speaker| {
            lower == "it"
                || lower == "they"
                || l.mention.map_or(l.kind != SpeakerKind::Author, |m| {
                    w.entities[m].ty == EntityType::Person
                })
        };
        if let Some((_, last)) = state.last.as_ref().filter(|(sent, l)| {
            s.saturating_sub(*sent) <= 2 && l.kind != SpeakerKind::Author && fits(l)
        }) {
            return Speaker {
                span: Some(span),
                mention: last.mention,
                name: last.name.clone(),
                kind: SpeakerKind::Resolved,
            };
        }
        if lower == "he" || lower == "she" {
            // The subject of the nearest earlier sentence that is not itself quoted words.
            let earlier = (s.saturating_sub(4)..s)
                .rev()
                .filter(|&t| !w.is_quoted(w.sentences[t].start()))
                .take(2);
            for t in earlier {
                if let Some(sp) = main_subject(w, t, &State { last: None }).filter(|sp| {
                    sp.mention
                        .is_some_and(|m| w.entities[m].ty == EntityType::Person)
                }) {
                    return Speaker {
                        span: Some(span),
                        kind: SpeakerKind::Resolved,
                        ..sp
                    };
                }
            }
            // The nearest person named before, three sentences back, else (a last resort, for
            // an article about one person) eight.
            let near = w.person_before(span.start(), w.sentences[s.saturating_sub(3)].start());
            let far = || w.person_before(span.start(), w.sentences[s.saturating_sub(8)].start());
            if let Some(k) = near.or_else(far) {
                return Speaker {
                    span: Some(span),
                    mention: Some(k),
                    name: w.entities[k].span.of(w.text).to_string(),
                    kind: SpeakerKind::Resolved,
                };
            }
        }
        return Speaker {
            span: Some(span),
            mention: None,
            name: span.of(w.text).to_string(),
            kind: SpeakerKind::Description,
        };
    }
    // A mention running on past the phrase (a title-case headline tagged as one name, cue and
    // all) does not name the speaker.
    if let Some(k) = w.mention_in(span).filter(|&k| w.entities[k].span.end() <= span.end()) {
        return Speaker {
            span: Some(span),
            mention: Some(k),
            name: w.entities[k].span.of(w.text).to_string(),
            kind: SpeakerKind::Named,
        };
    }
    let kind = if (a..=b).any(|k| ANONYMOUS.contains(&w.lower(k))) {
        SpeakerKind::Anonymous
    } else {
        SpeakerKind::Description
    };
    Speaker {
        span: Some(span),
        mention: None,
        name: span.of(w.text).to_string(),
        kind,
    }
}

fn is_participle(lower: &str) -> bool {
    lower.ends_with("ing")
}

/// The subject of sentence `s`'s main clause as a speaker: its first person mention, else a
/// mention opening the clause, else a first-person pronoun (the author).
fn main_subject(w: &Words, s: usize, state: &State) -> Option<Speaker> {
    let (_, hi) = w.sentence_words[s];
    let a = w.main_clause_start(s);
    if a >= hi {
        return None;
    }
    let region = w.span(a, hi - 1);
    let from = w
        .entities
        .partition_point(|m| m.span.end() <= region.start());
    let person = w.entities[from..]
        .iter()
        .take_while(|m| m.span.start() < region.end())
        .position(|m| m.ty == EntityType::Person && !w.is_quoted(m.span.start()));
    if let Some(p) = person {
        let k = from + p;
        let m = &w.entities[k];
        let span = m.title.map_or(m.span, |t| {
            Span::new(w.text, t.start(), m.span.end()).expect("title before name")
        });
        return Some(Speaker {
            span: Some(span),
            mention: Some(k),
            name: m.span.of(w.text).to_string(),
            kind: SpeakerKind::Named,
        });
    }
    if AUTHOR_PRONOUNS.contains(&w.lower(a)) || PRONOUNS.contains(&w.lower(a)) {
        return Some(resolve(w, a, a, state));
    }
    w.mention_in(w.span(a, (a + 3).min(hi - 1)))
        .map(|k| Speaker {
            span: Some(w.entities[k].span),
            mention: Some(k),
            name: w.entities[k].span.of(w.text).to_string(),
            kind: SpeakerKind::Named,
        })
}

/// The speaker of sentence `s` around cue word `k`: its subject, or for a participle
/// ("…, claiming that") the main clause's subject.
fn cue_speaker(w: &Words, s: usize, k: usize, state: &State) -> Option<Speaker> {
    let lo = w.sentence_words[s].0;
    let prev = if k > lo { w.lower(k - 1) } else { "" };
    if is_participle(w.lower(k)) && !COPULAS.contains(&prev) {
        return main_subject(w, s, state);
    }
    if COPULAS.contains(&prev) && !is_participle(w.lower(k)) {
        return None; // passive: "was said"
    }
    if matches!(prev, "and" | "but") {
        // "X did this and said …": the subject of the sentence.
        return main_subject(w, s, state);
    }
    let at = if COPULAS.contains(&prev) && k > lo {
        k - 1
    } else {
        k
    };
    let (a, b) = w.np_before(lo, at)?;
    if matches!(
        w.lower(b),
        "the" | "a" | "an" | "this" | "that" | "his" | "her" | "its" | "their"
    ) {
        return None;
    }
    Some(resolve(w, a, b, state))
}

/// Finds every quote of the text, in order of their content.
pub(crate) fn find_quotes(w: &Words) -> Vec<Quote> {
    let marked: Vec<Marked> = find_marked(w.text)
        .into_iter()
        .filter(|m| !m.nested)
        .collect();
    let mut state = State { last: None };
    let mut out: Vec<Quote> = Vec::new();
    // Words inside quotation marks, and cue words used by a direct quote.
    let mut quoted = vec![false; w.words.len()];
    let mut used = vec![false; w.words.len()];
    let mut blocks = block_quotes(w, &marked, &mut state);
    for (i, m) in marked.iter().enumerate() {
        let qa = w.word_at(m.span.start());
        let qb = w.word_at(m.span.end());
        for q in quoted.iter_mut().take(qb).skip(qa) {
            *q = true;
        }
        if w.sentences.is_empty() {
            break;
        }
        let s0 = sentence_of(w, m.span.start());
        let s1 = sentence_of(w, m.span.end().saturating_sub(1));
        let prev_end = if i > 0 {
            w.word_at(marked[i - 1].span.end())
        } else {
            0
        };
        let next_start = marked
            .get(i + 1)
            .map_or(usize::MAX, |n| w.word_at(n.span.start()));
        let before_lo = w.sentence_words[s0].0.max(prev_end).min(qa);
        // The punctuation that closes the quoted words, inside the closing mark.
        let inner_end = m.span.of(w.text).trim_end_matches(['”', '"', '\'', '’', '»']).chars().last();
        let mut after_hi = w.sentence_words[s1].1.min(next_start).max(qb);
        // "“Is it over?” she asked.": a question or exclamation ends the sentence before its
        // cue; the next sentence of the paragraph, when it opens right after the quote, holds it.
        if matches!(inner_end, Some('?' | '!'))
            && qb == w.sentence_words[s1].1
            && s1 + 1 < w.sentences.len()
            && w.paragraph[s1 + 1] == w.paragraph[s1]
        {
            after_hi = w.sentence_words[s1 + 1].1.min(next_start).max(qb);
        }
        let n_words = word_count(w, qa, qb);
        let mut found: Option<(Option<Span>, Option<Speaker>, QuoteKind)> = None;
        // 1. Cue after the quote: ”… said X” / ”… X said”.
        for k in qb..after_hi.min(qb + 25) {
            if !w.is_cue(k, qb) {
                continue;
            }
            let first_word = (qb..k).find(|&j| w.is_word(j));
            let after = w.np_after(k, after_hi);
            let speaker = match (first_word, after) {
                (None, Some((a, b))) => Some(resolve(w, a, b, &state)),
                // The phrase from the first word after the quote to the cue, however many
                // appositives it holds ("X, the attorney general, one of …, said").
                (Some(f), _) => w
                    .np_before(qb, k)
                    .filter(|&(a, _)| a >= f && (f..a).all(|j| w.lower(j) != "that"))
                    // In a title-case headline the walk runs over every word: a speaker there
                    // never spans a comma ("‘…’ Could Pass, Senator Says").
                    .filter(|_| !w.title_case[w.words[k].sentence] || (f..k).all(|j| w.raw(j) != ","))
                    // A pronoun is the whole speaker ("“…,” he went on, adding …").
                    .map(|(_, b)| if PRONOUNS.contains(&w.lower(f)) { f } else { b })
                    .map(|b| resolve(w, f, b, &state)),
                (None, None) => None,
            };
            if let Some(sp) = speaker {
                used[k] = true;
                found = Some((Some(w.words[k].span), Some(sp), QuoteKind::Direct));
            }
            break;
        }
        // 1b. A quote ending with a comma, question or exclamation mark inside its closing
        // mark, then only a speaker and a verb: any verb reports it ("“…,” the mayor sighed.",
        // "“…?” asked the driver.").
        if found.is_none() && matches!(inner_end, Some(',' | '?' | '!')) && qb < after_hi {
            if let Some((cue, sp)) = bare_cue_after(w, qb, after_hi) {
                used[cue] = true;
                found = Some((Some(w.words[cue].span), Some(resolve(w, sp.0, sp.1, &state)), QuoteKind::Direct));
            }
        }
        // 2. Cue before the quote: X said: “…” / X said the militants came from “…”.
        if found.is_none() {
            let lo = w.sentence_words[s0].0;
            for k in (before_lo.max(qa.saturating_sub(25))..qa).rev() {
                let lower = w.lower(k);
                let according = lower == "according" && w.lower(k + 1) == "to";
                if !w.is_cue(k, lo) && !NAMING_VERBS.contains(&lower) && !according {
                    continue;
                }
                let speaker = if according {
                    w.np_after(k + 1, qa).map(|(a, b)| resolve(w, a, b, &state))
                } else {
                    cue_speaker(w, s0, k, &state)
                };
                let between = (k + 1..qa)
                    .filter(|&j| w.is_word(j) && w.lower(j) != "that")
                    .count();
                let kind = if between == 0 && !NAMING_VERBS.contains(&lower) {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Mixed
                };
                if speaker.is_some() || lo == k {
                    used[k] = true;
                    let cue_end = if according {
                        w.words[k + 1].span.end()
                    } else {
                        w.words[k].span.end()
                    };
                    found = Some((
                        Span::new(w.text, w.words[k].span.start(), cue_end),
                        speaker,
                        kind,
                    ));
                }
                break;
            }
        }
        // 2a. Any verb right before a colon or comma that opens the quote: "He concluded:
        // “…”", "… footage of the senator asking, “…”".
        if found.is_none() && qa >= before_lo + 2 && matches!(w.raw(qa - 1), ":" | ",") {
            let k = qa - 2;
            let lower = w.lower(k);
            let verb_like = w.raw(k).starts_with(|c: char| c.is_lowercase())
                && w.raw(k).chars().all(char::is_alphabetic)
                && !NP_STOPS.contains(&lower)
                && (w.is_predicate(k, before_lo)
                    || lower.ends_with("ed")
                    || lower.ends_with("ing")
                    || (lower.ends_with('s') && !lower.ends_with("ss")));
            if verb_like {
                if let Some(sp) = cue_speaker(w, s0, k, &state).filter(|sp| sp.kind != SpeakerKind::Author) {
                    used[k] = true;
                    found = Some((Some(w.words[k].span), Some(sp), QuoteKind::Direct));
                }
            }
        }
        // 2b. A second quote in the same clause as the previous one: its cue and speaker.
        if found.is_none() && i > 0 && prev_end == before_lo && before_lo > w.sentence_words[s0].0 {
            if let Some(prev) = out.last().filter(|p| {
                p.cue.is_some()
                    && p.content == marked[i - 1].span
                    && word_count(w, before_lo, qa) > 0
            }) {
                found = Some((prev.cue, prev.speaker.clone(), QuoteKind::Mixed));
            }
        }
        let opens_sentence = word_count(w, before_lo, qa) == 0;
        // 3. A quote continuing the previous one without a new cue.
        if found.is_none() && opens_sentence {
            if let Some((s_last, last)) = &state.last {
                if w.paragraph[s0].saturating_sub(w.paragraph[*s_last]) <= 1 && n_words > TERM_WORDS
                {
                    // The speaker's span stays the words that named them earlier: the evidence.
                    found = Some((None, Some(last.clone()), QuoteKind::Direct));
                }
            }
        }
        // 4. A quote opening its paragraph, introduced by the paragraph before.
        if found.is_none()
            && opens_sentence
            && s0 > 0
            && w.paragraph[s0 - 1] + 1 == w.paragraph[s0]
            && n_words > TERM_WORDS
        {
            found = intro(w, s0 - 1, &state).map(|(cue, sp)| (cue, Some(sp), QuoteKind::Direct));
        }
        // 5. A short quoted term: the author's (scare quotes, names for things).
        if found.is_none() && n_words <= TERM_WORDS {
            found = Some((None, Some(author()), QuoteKind::Mixed));
        }
        // 6. Longer quoted words inside a sentence of the author's that no cue claims (a saying,
        // a phrase quoted back: "best summed up as “…”"): the author's too. Not after a colon:
        // "X summed it up to reporters: “…”" introduces X's words, which later passes resolve.
        if found.is_none() && !opens_sentence && w.raw(qa - 1) != ":" {
            found = Some((None, Some(author()), QuoteKind::Mixed));
        }
        let (cue, speaker, kind) = found.unwrap_or((None, None, QuoteKind::Direct));
        if let Some(sp) = &speaker {
            if sp.kind != SpeakerKind::Author || kind == QuoteKind::Direct {
                state.last = Some((s1, sp.clone()));
            }
        }
        out.push(Quote {
            content: m.span,
            cue,
            speaker,
            kind,
        });
    }
    out.append(&mut blocks);
    indirect(w, &quoted, &used, &mut out);
    out.sort_by_key(|q| (q.content.start(), q.content.end()));
    out
}

/// After a quote (words `qb..hi`): "SPEAKER VERB" or "VERB SPEAKER", then the end of the
/// sentence, a comma or another quote. Returns the verb and the speaker's words.
fn bare_cue_after(w: &Words, qb: usize, hi: usize) -> Option<(usize, (usize, usize))> {
    let verb = |j: usize| {
        j < hi
            && w.is_word(j)
            && w.raw(j).starts_with(|c: char| c.is_lowercase())
            && !NP_STOPS.contains(&w.lower(j))
            && !PRONOUNS.contains(&w.lower(j))
            && !matches!(w.lower(j), "the" | "a" | "an" | "of" | "in" | "on" | "at" | "to" | "for" | "with")
    };
    let closes = |j: usize| j >= hi || matches!(w.lower(j), "," | "." | ";") || w.raw(j).starts_with(['“', '"']);
    let first = qb;
    if first >= hi {
        return None;
    }
    // "SPEAKER VERB": a pronoun or a name.
    let np = if PRONOUNS.contains(&w.lower(first)) {
        Some((first, first))
    } else {
        w.np_from(first, hi)
    };
    if let Some((a, b)) = np {
        // The phrase walk may have taken the verb in ("the harbour master sighed").
        if let Some(e) = (a..=b).rev().find(|&e| verb(e + 1) && closes(e + 2)) {
            return Some((e + 1, (a, e)));
        }
    }
    // "VERB SPEAKER".
    if verb(first) {
        if let Some((a, b)) = w.np_from(first + 1, hi) {
            if closes(b + 1) {
                return Some((first, (a, b)));
            }
        }
    }
    None
}

/// The cue and speaker a sentence gives the paragraph after it, if it introduces one: it
/// ends with a colon or without final punctuation, or announces a statement.
fn intro(w: &Words, s: usize, state: &State) -> Option<(Option<Span>, Speaker)> {
    let (a, b) = w.sentence_words[s];
    if a == b {
        return None;
    }
    let last = w.raw(b - 1);
    let open_end = last == ":" || last.chars().last().is_some_and(char::is_alphanumeric);
    let announces = (a..b).any(|k| INTRO_WORDS.contains(&w.lower(k)));
    let cue = (a..b).rev().find(|&k| w.is_cue(k, a));
    if !(open_end || announces || cue.is_some()) {
        return None;
    }
    if let Some(k) = cue {
        if let Some(sp) = cue_speaker(w, s, k, state) {
            return Some((Some(w.words[k].span), sp));
        }
    }
    if !(open_end || announces) {
        return None;
    }
    main_subject(w, s, state).map(|sp| (cue.map(|k| w.words[k].span), sp))
}

/// Unmarked block quotes: a paragraph without quotation marks introduced by the paragraph
/// before it ("… the ministry said:", "Here is what X wrote in Y").
fn block_quotes(w: &Words, marked: &[Marked], state: &mut State) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut s = 1;
    while s < w.sentences.len() {
        if w.paragraph[s] != w.paragraph[s - 1] + 1 {
            s += 1;
            continue;
        }
        let p = w.paragraph[s];
        let mut e = s;
        while e + 1 < w.sentences.len() && w.paragraph[e + 1] == p {
            e += 1;
        }
        let span = Span::new(w.text, w.sentences[s].start(), w.sentences[e].end())
            .expect("sentence bounds");
        let (a, b) = (w.sentence_words[s].0, w.sentence_words[e].1);
        let starts_marked = w
            .raw(a.min(w.words.len().saturating_sub(1)))
            .starts_with(['“', '"', '«', '‘', '\'']);
        let intro_sentence = s - 1;
        let (ia, ib) = w.sentence_words[intro_sentence];
        let intro_ends_open = ib > ia
            && (w.raw(ib - 1) == ":"
                || w.raw(ib - 1)
                    .chars()
                    .last()
                    .is_some_and(char::is_alphanumeric));
        let has_marks = marked.iter().any(|m| {
            m.span.start() < span.end()
                && m.span.end() > span.start()
                && m.span.start() <= span.start() + 2
        });
        if a < b && !starts_marked && !has_marks && intro_ends_open && word_count(w, a, b) >= 8 {
            if let Some((cue, speaker)) =
                intro(w, intro_sentence, state).filter(|(c, _)| c.is_some() || w.raw(ib - 1) == ":")
            {
                state.last = Some((e, speaker.clone()));
                out.push(Quote {
                    content: span,
                    cue,
                    speaker: Some(speaker),
                    kind: QuoteKind::Direct,
                });
            }
        }
        s = e + 1;
    }
    out
}

/// Indirect speech: "X said (that) …", "…, X said.", "According to X, …", "…, according to X".
fn indirect(w: &Words, quoted: &[bool], used: &[bool], out: &mut Vec<Quote>) {
    let state = State { last: None };
    let mut direct: Vec<(usize, Speaker)> = out
        .iter()
        .filter_map(|q| q.speaker.clone().map(|s| (q.content.end(), s)))
        .collect();
    direct.sort_by_key(|d| d.0);
    let mut found = Vec::new();
    for s in 0..w.sentences.len() {
        let (lo, hi) = w.sentence_words[s];
        let mut k = lo;
        // The most recent direct speaker before this sentence, for pronouns.
        let before = direct.partition_point(|d| d.0 <= w.sentences[s].start());
        let local = State {
            last: before.checked_sub(1).map(|i| {
                (
                    sentence_of(w, direct[i].0.saturating_sub(1)),
                    direct[i].1.clone(),
                )
            }),
        };
        let st = if local.last.is_some() { &local } else { &state };
        let taken_at = |k: usize| {
            used[k]
                && out.iter().any(|q| {
                    q.cue == Some(w.words[k].span) && q.content.end() <= w.words[k].span.start()
                })
        };
        let trailing = trailing_cue(w, lo, hi, taken_at).filter(|&t| !quoted[t]);
        // "Pence: Flowers won't be at the debate" — a name and a colon open the sentence.
        if let Some(c) = (lo + 1..hi.min(lo + 5)).find(|&j| w.raw(j) == ":") {
            let name = w.span(lo, c - 1);
            let e = last_content_word(w, lo, hi);
            let para_first = s == 0 || w.paragraph[s - 1] != w.paragraph[s];
            if c < e
                && (lo..c).all(|j| w.is_capitalized(j) || !w.is_word(j))
                && (w.mention_in(name).is_some() || (para_first && c - lo <= 3))
            {
                // A label opening its paragraph, as in a transcript ("WALLACE: … ?"), speaks
                // the whole paragraph.
                let mut last = s;
                while para_first && last + 1 < w.sentences.len() && w.paragraph[last + 1] == w.paragraph[s] {
                    last += 1;
                }
                let e = if last > s {
                    let (llo, lhi) = w.sentence_words[last];
                    last_content_word(w, llo, lhi)
                } else {
                    e
                };
                // (the name without a quotation mark before it: ‹"WALLACE: …›)
                let n0 = (lo..c).find(|&j| w.is_word(j)).unwrap_or(lo);
                found.push(Quote {
                    content: w.span(c + 1, e),
                    cue: Some(w.words[c].span),
                    speaker: Some(resolve(w, n0, c - 1, st)),
                    kind: QuoteKind::Indirect,
                });
            }
        }
        while k < hi {
            let lower = w.lower(k);
            // A cue a quote before it already took ("“…,” he said in an interview").
            let taken = used[k]
                && out.iter().any(|q| {
                    q.cue == Some(w.words[k].span) && q.content.end() <= w.words[k].span.start()
                });
            if quoted[k] || taken {
                k += 1;
                continue;
            }
            let according = lower == "according" && k + 1 < hi && w.lower(k + 1) == "to";
            // Predicates inside the content of a closing cue are not attributions of their own.
            if trailing.is_some_and(|t| k < t) && !according {
                k += 1;
                continue;
            }
            if !according && !w.is_predicate(k, lo) {
                k += 1;
                continue;
            }
            // A participle is not a cue: "evidence confirmed by two sources", "Victory
            // declared, the army …".
            let next = if k + 1 < hi { w.lower(k + 1) } else { "" };
            if !according && (next == "by" || (next == "," && k == lo + 1)) {
                k += 1;
                continue;
            }
            let end_word = last_content_word(w, lo, hi);
            let mut item: Option<(Span, Span, Option<Speaker>)> = None;
            let mut before_part: Option<Span> = None;
            if according {
                let cue = Span::new(w.text, w.words[k].span.start(), w.words[k + 1].span.end())
                    .expect("words");
                let src_end = (k + 2..hi)
                    .find(|&j| matches!(w.lower(j), "," | "." | ";" | ":"))
                    .unwrap_or(hi);
                if src_end > k + 2 {
                    let speaker = resolve(w, k + 2, src_end - 1, st);
                    let opener = (lo..k).all(|j| {
                        !w.is_word(j) || matches!(w.lower(j), "but" | "and" | "so" | "yet")
                    });
                    if opener && src_end + 1 <= end_word {
                        item = Some((w.span(src_end + 1, end_word), cue, Some(speaker)));
                    } else if !opener {
                        let mut ce = k - 1;
                        while ce > lo && !w.is_word(ce) {
                            ce -= 1;
                        }
                        if ce > lo {
                            item = Some((w.span(content_start(w, lo, ce), ce), cue, Some(speaker)));
                        }
                    }
                    k = src_end;
                }
            } else {
                let mut cue = w.words[k].span;
                // "…, said Jeffrey Trimble, a senior official": inverted, the name after the cue.
                // Never after a participle: "…, explaining the events" names no speaker.
                let inverted = k > lo + 1
                    && !lower.ends_with("ing")
                    && w.is_cue(k, lo)
                    && w.lower(k - 1) == ","
                    && w.np_after(k, hi).is_some_and(|(a, _)| {
                        w.is_capitalized(a) && !matches!(w.lower(a), "the" | "a" | "an")
                    });
                let sp = if inverted {
                    None
                } else {
                    cue_speaker(w, s, k, st).or_else(|| {
                        // "…, X said on Monday, adding that …": a participle with no subject
                        // of its own continues the attribution before it in the sentence.
                        found
                            .last()
                            .filter(|q: &&Quote| {
                                lower.ends_with("ing")
                                    && q.cue.is_some_and(|c| c.start() >= w.sentences[s].start() && c.end() <= w.words[k].span.start())
                            })
                            .and_then(|q| q.speaker.clone())
                    })
                };
                let mut c0 = k + 1;
                let mut before_only = false;
                if matches!(lower, "pointed" | "points") {
                    if c0 < hi && w.lower(c0) == "out" {
                        cue = w.span(k, c0);
                        c0 += 1;
                    } else {
                        k += 1;
                        continue;
                    }
                }
                if matches!(
                    lower,
                    "told" | "tells" | "tell" | "telling" | "asked" | "warned" | "reminded"
                ) {
                    c0 = (k + 1..hi.min(k + 10))
                        .find(|&j| w.lower(j) == "that")
                        .map_or_else(|| w.np_after(k, hi).map_or(k + 1, |(_, b)| b + 1), |j| j);
                }
                while c0 < hi
                    && (matches!(w.lower(c0), "," | ":" | "—" | "–")
                        || w.lower(c0) == "on" && w.is_capitalized(c0 + 1))
                {
                    c0 += 1;
                }
                // Publication verbs keep their venue ("wrote in The Vigil on 21 February"):
                // provenance reads where a source wrote.
                if super::cues::cue_verb(lower) != Some(true) {
                    c0 = past_adjunct(w, c0, hi);
                    while c0 < hi && matches!(w.lower(c0), "," | ":" | "—" | "–") {
                        c0 += 1;
                    }
                    // "said Monday, adding that …": the participle's clause is its own.
                    if c0 < hi && c0 > k + 1 && w.lower(c0).ends_with("ing") && w.is_cue(c0, lo) {
                        before_only = true;
                    }
                }
                // "said as much", "said so": no content of their own ("said so on Monday that …"
                // has its content after "that").
                let idiom = matches!(w.lower(c0.min(hi - 1)), "so") || (w.lower(c0.min(hi - 1)) == "as" && c0 + 1 < hi && w.lower(c0 + 1) == "much");
                if c0 < hi && idiom {
                    match (c0 + 1..hi.min(c0 + 10)).find(|&j| w.lower(j) == "that") {
                        Some(that) => c0 = that,
                        None => {
                            k += 1;
                            continue;
                        }
                    }
                }
                // "A, the navy said, as troops gathered …": a clause of circumstance after the
                // cue is the writer's narrative, not more of what was said.
                // "A, X said, and B": the conjunction joins the parts, it is not said.
                let comma_after_cue = k + 1 < hi && w.lower(k + 1) == ",";
                if comma_after_cue && c0 + 1 < hi && matches!(w.lower(c0), "and" | "but") {
                    c0 += 1;
                }
                let narrative_tail = comma_after_cue
                    && c0 < hi
                    && matches!(w.lower(c0), "as" | "amid" | "while" | "when" | "after" | "before" | "despite" | "with");
                match sp {
                    Some(sp)
                        if trailing != Some(k)
                            && !before_only
                            && !narrative_tail
                            && end_word >= c0
                            && word_count(w, c0, end_word + 1) >= 4 =>
                    {
                        // "A, X said, B": a cue inside its sentence reports both sides.
                        let subject_start = sp.span.map(|x| w.word_at(x.start())).unwrap_or(k);
                        if subject_start > lo + 1
                            && subject_start <= k
                            && w.lower(subject_start - 1) == ","
                            && w.lower(k + 1) == ","
                            && !w.is_quoted(w.words[lo].span.start())
                        {
                            let ce = subject_start - 2;
                            let cs = content_start(w, lo, ce);
                            // Not a bare noun phrase ("The garrison, he said, had left"):
                            // a fragment that short says nothing on its own.
                            if word_count(w, cs, ce + 1) >= 4 {
                                before_part = Some(w.span(cs, ce));
                            }
                        }
                        let e = content_end(w, quoted, c0, end_word);
                        item = Some((w.span(c0, e), cue, Some(sp)));
                    }
                    Some(sp) => {
                        // "…, X said." — the content is before the subject.
                        let subject_start = sp.span.map(|x| w.word_at(x.start())).unwrap_or(k);
                        if subject_start > lo + 1 && w.lower(subject_start - 1) == "," {
                            let ce = subject_start - 2;
                            if word_count(w, lo, ce + 1) >= 3 {
                                item = Some((w.span(content_start(w, lo, ce), ce), cue, Some(sp)));
                            }
                        }
                    }
                    None if k > lo + 1 && w.lower(k - 1) == "," && !lower.ends_with("ing") => {
                        if let Some((a, b)) = w.np_after(k, hi) {
                            let ce = k - 2;
                            if word_count(w, lo, ce + 1) >= 3 {
                                item = Some((
                                    w.span(content_start(w, lo, ce), ce),
                                    cue,
                                    Some(resolve(w, a, b, st)),
                                ));
                            }
                        }
                    }
                    None => {}
                }
            }
            match item {
                Some((content, cue, speaker)) => {
                    if let Some(b) = before_part {
                        let mixed = quoted[w.word_at(b.start())..w.word_at(b.end())].iter().any(|&q| q);
                        found.push(Quote {
                            content: b,
                            cue: Some(cue),
                            speaker: speaker.clone(),
                            kind: if mixed { QuoteKind::Mixed } else { QuoteKind::Indirect },
                        });
                    }
                    let mixed = quoted[w.word_at(content.start())..w.word_at(content.end())]
                        .iter()
                        .any(|&q| q);
                    found.push(Quote {
                        content,
                        cue: Some(cue),
                        speaker,
                        kind: if mixed {
                            QuoteKind::Mixed
                        } else {
                            QuoteKind::Indirect
                        },
                    });
                    // One attribution per clause: skip to the end of its content or cue.
                    k = w.word_at(content.end().max(cue.end())).max(k + 1);
                }
                None => k += 1,
            }
        }
    }
    // An indirect reading that only repeats a direct quote's words is that quote.
    found.retain(|f| {
        !out.iter().any(|q| {
            q.kind == QuoteKind::Direct
                && q.content.start() <= f.content.start() + 3
                && q.content.end() + 3 >= f.content.end()
                && f.content.len() * 5 >= q.content.len() * 4
        })
    });
    out.append(&mut found);
}

/// A reporting verb closing its sentence after a comma, its content before it: "…, sources
/// said.", "…, the official added on Monday.", "…, said a senior official." Returns the cue
/// word. Such a sentence is one attribution, whatever predicates its content holds
/// ("The agency decided to wait, officials said": the officials speak, not the agency).
fn trailing_cue(w: &Words, lo: usize, hi: usize, taken: impl Fn(usize) -> bool) -> Option<usize> {
    let e = last_content_word(w, lo, hi);
    let from = e.saturating_sub(20).max(lo + 3);
    let k = (from..=e).rev().find(|&k| w.is_cue(k, lo) && !is_participle(w.lower(k)))?;
    if taken(k) {
        return None;
    }
    // A short adjunct may follow ("on Monday", "in a statement"), never a clause.
    let rest = (k + 1..=e).filter(|&j| w.is_word(j)).count();
    if (k + 1..=e).any(|j| matches!(w.lower(j), "that" | "," | ":" | "—")) && w.lower(k - 1) != ","
        || rest > 6
    {
        return None;
    }
    if w.lower(k - 1) == "," {
        // "…, said X": a name or described party after the cue.
        return w.np_after(k, hi).map(|_| k);
    }
    let (a, _) = w.np_before(lo, k)?;
    (a > lo + 2 && w.lower(a - 1) == ",").then_some(k)
}

/// Words after a cue that say when, where or how it was said, not what: "said Friday …",
/// "said last week …", "said in a statement on Monday that …", "says at a rally in Ohio, …".
/// Returns the first word of the content.
fn past_adjunct(w: &Words, mut c0: usize, hi: usize) -> usize {
    const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    const WHEN: &[&str] = &["today", "yesterday", "tonight", "earlier", "later", "recently", "again", "repeatedly", "privately", "publicly"];
    if c0 + 1 < hi && matches!(w.lower(c0), "last" | "this" | "next") && matches!(w.lower(c0 + 1), "week" | "month" | "year" | "night" | "weekend" | "spring" | "summer" | "fall" | "winter") {
        c0 += 2;
    } else if c0 < hi && (WEEKDAYS.contains(&w.lower(c0)) || WHEN.contains(&w.lower(c0))) {
        c0 += 1;
    }
    if c0 < hi && matches!(w.lower(c0), "in" | "at" | "on" | "during" | "via" | "from" | "after" | "before" | "over" | "through") {
        for j in c0 + 1..hi.min(c0 + 14) {
            match w.lower(j) {
                "that" => return j,
                "," => return j + 1,
                _ if w.is_predicate(j, c0) || PRONOUNS.contains(&w.lower(j)) => break,
                _ => {}
            }
        }
    }
    c0
}

/// The last word of content that starts at word `c0` and may run to word `e`: it stops
/// before a clause of its own — ", but …", ", although …", ", while …", a participle cue
/// (", adding that …") or a coordinated reporting verb ("… and warned that …"). Words inside
/// quotation marks never end it.
pub(crate) fn content_end(w: &Words, quoted: &[bool], c0: usize, e: usize) -> usize {
    for j in c0 + 2..e {
        if quoted.get(j).copied().unwrap_or(false) || quoted.get(j + 1).copied().unwrap_or(false) {
            continue;
        }
        let next = w.lower(j + 1);
        let cut = match w.lower(j) {
            "," => {
                // (", even suggesting that …": an adverb may come before the participle)
                let p = if matches!(next, "even" | "also" | "again" | "later") { j + 2 } else { j + 1 };
                matches!(next, "but" | "although" | "though" | "while" | "whereas")
                    || (p <= e && w.lower(p).ends_with("ing") && w.is_cue(p, c0))
            }
            "and" | "but" => {
                let v = if matches!(next, "then" | "also" | "later") { j + 2 } else { j + 1 };
                v <= e && w.is_predicate(v, c0) && !next.ends_with("ing") && w.lower(j - 1) != ","
                    || (v <= e && w.lower(j - 1) == "," && w.is_predicate(v, c0))
            }
            _ => false,
        };
        if cut {
            let mut end = j - 1;
            while end > c0 && !w.is_word(end) && !w.raw(end).ends_with(['”', '"', '’', '\'']) {
                end -= 1;
            }
            return end;
        }
    }
    e
}

/// The first word of content that runs from the sentence start: leading conjunctions and
/// punctuation dropped.
fn content_start(w: &Words, lo: usize, end: usize) -> usize {
    let mut a = lo;
    while a < end && (!w.is_word(a) && !w.raw(a).starts_with(['“', '"'])) {
        a += 1;
    }
    // A dateline ("DRAVIK, March 10 (AGENCY) – …") is the report's, not the speaker's: an
    // upper-case place, then only capitalised words, figures and punctuation up to a dash.
    let caps = |j: usize| w.raw(j).chars().filter(|c| c.is_alphabetic()).count() >= 3 && !w.raw(j).chars().any(char::is_lowercase);
    if a + 1 < end && caps(a) && w.lower(a + 1) == "," {
        let dash = (a + 2..end.min(a + 14)).find(|&j| matches!(w.raw(j), "–" | "—" | "-" | "--"));
        let plain = |j: usize| !w.raw(j).starts_with(char::is_lowercase);
        if let Some(d) = dash.filter(|&d| (a + 2..d).all(plain)) {
            a = d + 1;
            while a < end && !w.is_word(a) && !w.raw(a).starts_with(['“', '"']) {
                a += 1;
            }
        }
    }
    a
}

/// The last word of a sentence that can end content: final punctuation dropped, closing
/// quotation marks kept.
fn last_content_word(w: &Words, lo: usize, hi: usize) -> usize {
    let mut e = hi.saturating_sub(1);
    while e > lo && !w.is_word(e) && !w.raw(e).ends_with(['”', '"', '’', '\'']) {
        e -= 1;
    }
    e
}

/// The subject of the clause around word `k` of sentence `s` as a speaker, pronouns resolved
/// against the quotes found so far (for blame and citation finders).
pub(crate) fn subject_at(w: &Words, quotes: &[Quote], s: usize, k: usize) -> Option<Speaker> {
    let at = w.words[k].span.start();
    let last = quotes
        .iter()
        .filter(|q| q.content.end() <= at)
        .filter_map(|q| {
            q.speaker
                .clone()
                .map(|sp| (sentence_of(w, q.content.end().saturating_sub(1)), sp))
        })
        .last();
    cue_speaker(w, s, k, &State { last })
}

/// A speaker for words `a..=b` (a named or described party, e.g. a blame target).
pub(crate) fn party(w: &Words, a: usize, b: usize) -> Speaker {
    resolve(w, a, b, &State { last: None })
}

/// The author as a speaker.
pub(crate) fn author() -> Speaker {
    Speaker {
        span: None,
        mention: None,
        name: "the author".into(),
        kind: SpeakerKind::Author,
    }
}
