//! Stances: attributions that are not speech. PolNeAR (and PARC before it) counts as an
//! attribution any clause that ascribes a stance, belief, intention or deliberate act with a
//! content to an agent ("The group views the senator more favourably", "The campaign is
//! seizing on the remark", "He became interested in rural schools"). No verb table covers that
//! range, so the rule reads the sentence's parts of speech and chunks instead: a sentence whose
//! main clause opens with an agent (a person, an organisation or a pronoun for one), then a
//! finite verb phrase that is not a bare copula or "have", then at least three words of
//! complement. The agent is the source, the verb phrase the cue, the complement the content.
//!
//! Stances are kept apart from quotes ([`super::Attribution::stances`]): they say what an
//! agent holds or does, not what it said, so "who said what" never reads them.

use super::cues::{AUTHOR_PRONOUNS, COPULAS, PRONOUNS, SUBORDINATORS};
use super::speakers;
use super::words::Words;
use super::{Quote, QuoteKind};
use crate::entities::EntityType;
use crate::syntax;

/// The longest sentence (in words) the rule reads: longer ones are lists or run-together text.
const MAX_WORDS: usize = 120;

/// Verbs that are not a stance on their own as the head of the verb phrase: being and having
/// ("is", "has" in "has a plan"), and their forms.
fn is_light(lower: &str) -> bool {
    COPULAS.contains(&lower) || matches!(lower, "has" | "have" | "had" | "'s" | "’s" | "am" | "become" | "became" | "seems" | "seemed" | "remains" | "remained")
}

/// Finds the stances of sentences no quote touches.
pub(crate) fn find_stances(w: &Words, quotes: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for s in 0..w.sentences.len() {
        let (lo, hi) = w.sentence_words[s];
        if hi <= lo + 4 || hi - lo > MAX_WORDS {
            continue;
        }
        let sent = w.sentences[s];
        if w.is_quoted(sent.start())
            || w.raw(lo).starts_with(['“', '"', '«', '‘', '\''])
            || quotes
                .iter()
                .any(|q| q.content.start() < sent.end() && sent.start() < q.content.end())
        {
            continue;
        }
        let parsed = syntax::parse(w.text, sent);
        if parsed.tokens.len() != hi - lo {
            continue;
        }
        // The main clause: after a leading subordinate clause, past an opening conjunction.
        let mut a = w.main_clause_start(s);
        if SUBORDINATORS.contains(&w.lower(lo)) && a == lo {
            continue;
        }
        while a < hi && matches!(w.lower(a), "but" | "and" | "so" | "yet" | "still") {
            a += 1;
        }
        // An opening adjunct ("On Monday, …", "In a speech in Ohio, …") before the clause.
        if let Some(first) = parsed.chunks.iter().find(|c| c.start >= a - lo) {
            if first.start == a - lo && matches!(first.label, "PP" | "ADVP" | "SBAR") {
                if let Some(c) = (a..hi.min(a + 15)).find(|&j| w.lower(j) == ",") {
                    a = c + 1;
                }
            }
        }
        if a >= hi {
            continue;
        }
        let t = a - lo;
        let Some(ci) = parsed.chunks.iter().position(|c| c.start == t && c.label == "NP") else {
            continue;
        };
        let np = parsed.chunks[ci];
        let Some(vp) = parsed.chunks.get(ci + 1).filter(|c| c.label == "VP" && c.start == np.end) else {
            continue;
        };
        let (sa, sb) = (lo + np.start, lo + np.end - 1);
        let subject = w.span(sa, sb);
        // The agent: a pronoun for a person or group, or a noun phrase holding a named person,
        // organisation or outlet ("Mr. Lund", "the Lund campaign").
        let head_pos = parsed.pos[np.end - 1];
        let agent = if sa == sb && (PRONOUNS.contains(&w.lower(sa)) || AUTHOR_PRONOUNS.contains(&w.lower(sa))) {
            w.lower(sa) != "it"
        } else {
            head_pos.starts_with("NN")
                && w.mention_in(subject).is_some_and(|k| {
                    matches!(
                        w.entities[k].ty,
                        EntityType::Person | EntityType::Org | EntityType::Media | EntityType::ArmedGroup
                    )
                })
        };
        if !agent {
            continue;
        }
        // A finite verb phrase whose head is not a bare copula or "have".
        let pos = &parsed.pos[vp.start..vp.end];
        let finite = pos.iter().any(|p| matches!(*p, "VBD" | "VBZ" | "VBP" | "MD"));
        let head = lo + vp.end - 1;
        if !finite || !parsed.pos[vp.end - 1].starts_with("VB") || is_light(w.lower(head)) {
            continue;
        }
        let c0 = head + 1;
        let mut e = hi - 1;
        while e > c0 && !w.is_word(e) && !w.raw(e).ends_with(['”', '"', '’', '\'']) {
            e -= 1;
        }
        if e <= c0 || (c0..=e).filter(|&j| w.is_word(j)).count() < 3 || !w.is_word(c0) {
            continue;
        }
        out.push(Quote {
            content: w.span(c0, e),
            cue: Some(w.span(lo + vp.start, head)),
            speaker: Some(speakers::party(w, sa, sb)),
            kind: QuoteKind::Indirect,
        });
    }
    out
}
