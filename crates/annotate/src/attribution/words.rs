//! The word view attribution rules read: every sentence's tokens, lowercased once, with the
//! sentence and paragraph each belongs to, and the noun-phrase walks the rules share.

use super::cues::{ADJUNCT_OPENERS, NP_STOPS, PRE_CUE_SKIPS};
use crate::entities::{tokens, EntityType, Mention};
use crate::Span;

pub(crate) struct Word {
    pub span: Span,
    pub lower: String,
    pub sentence: usize,
}

pub(crate) struct Words<'t> {
    pub text: &'t str,
    pub words: Vec<Word>,
    /// Word range of each sentence.
    pub sentence_words: Vec<(usize, usize)>,
    /// Paragraph number of each sentence.
    pub paragraph: Vec<usize>,
    pub sentences: &'t [Span],
    pub entities: &'t [Mention],
    /// Byte ranges inside double quotation marks, in order (mentions there are quoted words,
    /// not antecedents for a pronoun).
    pub quoted: Vec<Span>,
    /// Each sentence is written in title case, as headlines are ("Senator Says Plan Will
    /// Fail"): its verbs are capitalised too.
    pub title_case: Vec<bool>,
}

impl<'t> Words<'t> {
    pub fn new(text: &'t str, sentences: &'t [Span], entities: &'t [Mention]) -> Words<'t> {
        let mut words = Vec::new();
        let mut sentence_words = Vec::with_capacity(sentences.len());
        let mut paragraph = Vec::with_capacity(sentences.len());
        let mut para = 0;
        let mut prev_end = 0;
        for (s, &span) in sentences.iter().enumerate() {
            if s > 0 && text[prev_end..span.start()].contains('\n') {
                para += 1;
            }
            prev_end = span.end();
            paragraph.push(para);
            let first = words.len();
            for t in tokens::tokenize(text, span) {
                words.push(Word {
                    span: t,
                    lower: t.of(text).to_lowercase(),
                    sentence: s,
                });
            }
            sentence_words.push((first, words.len()));
        }
        let quoted = super::quotes::find_marked(text)
            .into_iter()
            .filter(|m| !m.single && !m.nested)
            .map(|m| m.span)
            .collect();
        let title_case = sentence_words.iter().map(|&(a, b)| is_title_case(text, &words[a..b])).collect();
        Words {
            text,
            words,
            sentence_words,
            paragraph,
            sentences,
            entities,
            quoted,
            title_case,
        }
    }

    /// Word `i` is written as a verb may be: in lower case, or capitalised inside a title-case
    /// sentence (not as its first word, which any sentence capitalises).
    fn verb_cased(&self, i: usize) -> bool {
        let raw = self.raw(i);
        raw.starts_with(char::is_lowercase)
            || (raw.starts_with(char::is_uppercase)
                && !raw.chars().skip(1).any(char::is_uppercase)
                && self.title_case[self.words[i].sentence]
                && i > self.sentence_words[self.words[i].sentence].0)
    }

    pub fn lower(&self, i: usize) -> &str {
        &self.words[i].lower
    }

    pub fn raw(&self, i: usize) -> &'t str {
        self.words[i].span.of(self.text)
    }

    /// The span from word `a` to word `b` (both included).
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(
            self.text,
            self.words[a].span.start(),
            self.words[b].span.end(),
        )
        .expect("word boundaries")
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.raw(i)
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    }

    /// Word `i` is written in capitals throughout and is longer than one letter ("IS", "SDF").
    pub fn is_acronym(&self, i: usize) -> bool {
        let raw = self.raw(i);
        raw.chars().count() > 1 && raw.chars().all(|c| c.is_uppercase())
    }

    /// A footnote marker that starts at word `i` ("[4]", whether the tokenizer gave it as one
    /// word or as "[", "4", "]"): its last word and its number.
    pub fn footnote_at(&self, i: usize) -> Option<(usize, &'t str)> {
        let digits = |r: &str| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit());
        let raw = self.words.get(i).map(|w| w.span.of(self.text))?;
        if let Some(n) = raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')).filter(|n| digits(n)) {
            return Some((i, n));
        }
        (raw == "[" && i + 2 < self.words.len() && digits(self.raw(i + 1)) && self.raw(i + 2) == "]")
            .then(|| (i + 2, self.raw(i + 1)))
    }

    /// Word `i` starts with a capital; false past the last word.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.span.of(self.text).chars().next().is_some_and(char::is_uppercase))
    }

    /// Word `i` is a reporting verb: in the cue table and written in lowercase, not after a
    /// word that makes it a noun ("unconfirmed reports").
    pub fn is_cue(&self, i: usize, lo: usize) -> bool {
        let w = self.lower(i);
        if super::cues::cue_verb(w).is_none() || !self.verb_cased(i) {
            return false;
        }
        if i > lo && w.ends_with('s') && super::cues::NOUN_MAKERS.contains(&self.lower(i - 1)) {
            return false;
        }
        // "reports emerged that …", "claims surfaced": a plural noun, the subject of the verb
        // after it (which is the cue, if any).
        let noun_subject = w.ends_with('s')
            && i + 1 < self.words.len()
            && matches!(
                self.lower(i + 1),
                "emerged" | "surfaced" | "circulated" | "suggest" | "suggested" | "say" | "said"
                    | "indicate" | "indicated" | "claim" | "claimed" | "were" | "are" | "have" | "had"
            );
        !noun_subject
    }

    /// Word `i` is a reporting verb or a stance predicate (for indirect attribution).
    pub fn is_predicate(&self, i: usize, lo: usize) -> bool {
        self.is_cue(i, lo)
            || (super::cues::STANCE_VERBS.contains(&self.lower(i))
                && self.verb_cased(i)
                && !(i > lo && super::cues::NOUN_MAKERS.contains(&self.lower(i - 1))))
    }

    /// The first word whose start is at or after byte `at`.
    pub fn word_at(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start() < at)
    }

    /// Index of the first mention whose span overlaps `span`, preferring people; other kinds
    /// only when the mention opens the phrase.
    pub fn mention_in(&self, span: Span) -> Option<usize> {
        let from = self
            .entities
            .partition_point(|m| m.span.end() <= span.start());
        let mut other = None;
        for (k, m) in self.entities.iter().enumerate().skip(from) {
            if m.span.start() >= span.end() {
                break;
            }
            if m.span.end() <= span.start() {
                continue;
            }
            // A "person" that is only a title abbreviation ("Cmdr.") is a tagging slip.
            if m.ty == EntityType::Person
                && !m
                    .span
                    .of(self.text)
                    .split_whitespace()
                    .all(|x| x.ends_with('.'))
            {
                return Some(k);
            }
            let opens = m.title.unwrap_or(m.span).start() <= span.start() + 4
                || m.span.end() == span.end()
                || self.text[span.start()..m.span.start()]
                    .trim()
                    .to_lowercase()
                    .split_whitespace()
                    .all(|w| w == "the" || w.ends_with("’s") || w.ends_with("'s"));
            if other.is_none()
                && opens
                && matches!(
                    m.ty,
                    EntityType::Org | EntityType::Media | EntityType::ArmedGroup | EntityType::Gpe
                )
            {
                other = Some(k);
            }
        }
        other
    }

    /// Whether byte `at` lies inside double quotation marks.
    pub fn is_quoted(&self, at: usize) -> bool {
        let i = self.quoted.partition_point(|q| q.start() <= at);
        i > 0 && self.quoted[i - 1].end() > at
    }

    /// The most recent person mention outside quotation marks ending before `at`, no further
    /// back than `min_start`.
    pub fn person_before(&self, at: usize, min_start: usize) -> Option<usize> {
        let upto = self.entities.partition_point(|m| m.span.start() < at);
        (0..upto)
            .rev()
            .take(200)
            .take_while(|&k| self.entities[k].span.start() >= min_start)
            .find(|&k| {
                self.entities[k].ty == EntityType::Person
                    && !self.is_quoted(self.entities[k].span.start())
            })
    }

    fn np_stop(&self, i: usize) -> bool {
        let w = self.lower(i);
        if w == "’s" || w == "'s" || w == "." || w == "-" {
            return false;
        }
        if !self.is_word(i) {
            return true;
        }
        // "IS" (the group) is a name, not the copula.
        if self.is_acronym(i) {
            return false;
        }
        NP_STOPS.contains(&w) || super::cues::cue_verb(w).is_some()
    }

    /// The noun phrase ending right before word `cue`, within words `lo..cue`: auxiliaries and
    /// adverbs skipped, one appositive ("X, the spokesman, said") taken in, an opening
    /// adjunct ("In comments today") dropped. Returns word indices (first, last).
    pub fn np_before(&self, lo: usize, cue: usize) -> Option<(usize, usize)> {
        let mut j = cue;
        // A noun phrase never ends with a preposition ("has once against blamed").
        while j > lo
            && (PRE_CUE_SKIPS.contains(&self.lower(j - 1))
                || matches!(
                    self.lower(j - 1),
                    "against" | "for" | "with" | "of" | "to" | "from" | "by"
                )
                || (self.lower(j - 1).ends_with("ly")
                    && self.raw(j - 1).starts_with(char::is_lowercase)
                    && j - 1 > lo))
        {
            j -= 1;
        }
        if j == lo {
            return None;
        }
        let mut end = j - 1;
        // A parenthesis after a name: "Gov. Mike Pence (R-IN) said".
        if self.raw(end) == ")" {
            if let Some(open) = (end.saturating_sub(6).max(lo)..end)
                .rev()
                .find(|&k| self.raw(k) == "(")
            {
                if open > lo {
                    end = open - 1;
                }
            }
        }
        // A quoted name: The Twitter user “Maytham” reported.
        if matches!(self.raw(end), "”" | "\"") && end > lo {
            if let Some(open) = (end.saturating_sub(5).max(lo)..end)
                .rev()
                .find(|&k| matches!(self.raw(k), "“" | "\""))
            {
                let a = if open > lo {
                    self.walk_back(lo, open - 1).min(open)
                } else {
                    open
                };
                return Some((a, end));
            }
        }
        // Appositive: "NAME, DESCRIPTION, said" or "DESCRIPTION, NAME, said".
        if self.lower(end) == "," && end > lo {
            end -= 1;
            let mut appos_start = self.walk_back(lo, end);
            // A relative clause: "Ruta Mendel, a lawmaker who represents the coast, said".
            while appos_start > lo + 1 && matches!(self.lower(appos_start - 1), "who" | "which") {
                appos_start = self.walk_back(lo, appos_start - 2);
            }
            if appos_start > lo + 1 && self.lower(appos_start - 1) == "," {
                let head_end = appos_start - 2;
                let head_start = self.walk_back(lo, head_end);
                if head_start <= head_end && self.is_word(head_end) {
                    return Some((self.trim_adjunct(head_start, end), end));
                }
            }
            return (appos_start <= end).then(|| (self.trim_adjunct(appos_start, end), end));
        }
        let start = self.walk_back(lo, end);
        // "On Monday he claimed": a pronoun ends the phrase and is all of it.
        if start < end && matches!(self.lower(end), "he" | "she" | "they" | "it" | "i" | "we") {
            return Some((end, end));
        }
        (start <= end).then(|| (self.trim_adjunct(start, end), end))
    }

    /// The first word of the phrase ending at `end`, walking left over at most 12 words.
    fn walk_back(&self, lo: usize, end: usize) -> usize {
        let mut start = end + 1;
        while start > lo && end + 1 - start < 12 && !self.np_stop(start - 1) {
            start -= 1;
        }
        start
    }

    fn trim_adjunct(&self, start: usize, end: usize) -> usize {
        if start < end
            && self.lower(start).ends_with("ly")
            && self.is_capitalized(start)
            && matches!(self.lower(start + 1), "the" | "a" | "an")
        {
            return start + 1; // "Officially the Russian military"
        }
        if !ADJUNCT_OPENERS.contains(&self.lower(start)) {
            return start;
        }
        let span = self.span(start, end);
        let mention = self.mention_in(span).map(|k| {
            let m = &self.entities[k];
            m.title.unwrap_or(m.span).start()
        });
        let det = (start + 1..=end).rev().find(|&k| {
            matches!(
                self.lower(k),
                "the" | "a" | "an" | "his" | "her" | "its" | "their"
            )
        });
        let from_mention = mention.map(|b| self.word_at(b));
        match (det, from_mention) {
            (Some(d), Some(m)) => d.max(m).min(end),
            (Some(d), None) => d,
            (None, Some(m)) => m.min(end),
            (None, None) => start,
        }
    }

    /// A noun phrase right after word `at` ("said Col. Marek Tavin", "said the spokesman").
    pub fn np_after(&self, at: usize, hi: usize) -> Option<(usize, usize)> {
        self.np_from(at + 1, hi)
    }

    /// A noun phrase starting at word `first`.
    pub fn np_from(&self, first: usize, hi: usize) -> Option<(usize, usize)> {
        if first >= hi || !self.is_word(first) {
            return None;
        }
        let det = matches!(
            self.lower(first),
            "the" | "a" | "an" | "one" | "two" | "another" | "his" | "her" | "its" | "their"
        );
        if !det && !self.is_capitalized(first) {
            return None;
        }
        let mut last = first;
        while last + 1 < hi && last + 1 - first < 10 {
            let n = last + 1;
            let w = self.lower(n);
            let ok = w == "’s"
                || w == "'s"
                || (self.is_word(n)
                    && !NP_STOPS.contains(&w)
                    && !matches!(
                        w,
                        "on" | "in" | "at" | "during" | "after" | "before" | "while" | "who"
                    ));
            if !ok || (!det && !self.is_capitalized(n) && !matches!(w, "of" | "’s" | "'s")) {
                break;
            }
            last = n;
        }
        Some((first, last))
    }

    /// Word indices of the main-clause subject region of sentence `s`: after the first comma
    /// when the sentence opens with a subordinator ("Where X did this, Y was …").
    pub fn main_clause_start(&self, s: usize) -> usize {
        let (a, b) = self.sentence_words[s];
        if a < b && super::cues::SUBORDINATORS.contains(&self.lower(a)) {
            if let Some(c) = (a..b).find(|&k| self.lower(k) == ",") {
                return c + 1;
            }
        }
        a
    }
}

/// Title case: at least four words of four or more letters, all capitalised, and not all in
/// capitals (an all-capitals line is a shout or a label, not a headline).
fn is_title_case(text: &str, words: &[Word]) -> bool {
    let (mut long, mut lower) = (0, false);
    for r in words.iter().map(|w| w.span.of(text)).filter(|r| r.chars().filter(|c| c.is_alphabetic()).count() >= 4) {
        if !r.starts_with(char::is_uppercase) {
            return false;
        }
        long += 1;
        lower |= r.chars().skip(1).any(char::is_lowercase);
    }
    long >= 4 && lower
}
