//! Stances: attributions that are not speech. PolNeAR (and PARC before it) counts as an
//! attribution any clause that ascribes a stance, belief, intention or deliberate act with a
//! content to an agent ("The group views the senator more favourably", "The campaign is
//! seizing on the remark", "He became interested in rural schools"). No verb table covers that
//! range, so the rule reads the sentence's parts of speech and chunks instead: a sentence whose
//! main clause opens with an agent (a person, an organisation or a pronoun for one), then a
//! finite verb phrase that is not a bare copula or "have", then at least three words of
//! complement. The agent is the source, the verb phrase the cue, the complement the content.
//! An agent is a pronoun, a proper noun, a noun phrase holding a named person or organisation
//! ("Clinton’s campaign"), or a noun for people, a body or a document ([`AGENT_NOUNS`]:
//! "voters", "the committee", "a new poll"). Passives, light verbs ("made the remarks") and
//! verbs of place ("spoke in a cottage") are no stance. A relative clause after an agent
//! (", who opposes …") is one too, its pronoun the source's evidence.
//!
//! Stances are kept apart from quotes ([`super::Attribution::stances`]): they say what an
//! agent holds or does, not what it said, so "who said what" never reads them.

use super::cues::{AGENT_NOUNS, AUTHOR_PRONOUNS, COPULAS, PRONOUNS, SUBORDINATORS};
use super::speakers;
use super::words::Words;
use super::{Quote, QuoteKind, Speaker, SpeakerKind};
use crate::entities::EntityType;
use crate::syntax;

/// The longest sentence (in words) the rule reads: longer ones are lists or run-together text.
const MAX_WORDS: usize = 120;

/// Verbs that are not a stance on their own as the head of the verb phrase: being and having
/// ("is", "has" in "has a plan"), and their forms.
fn is_light(lower: &str) -> bool {
    COPULAS.contains(&lower)
        || matches!(lower, "has" | "have" | "had" | "'s" | "’s" | "am" | "become" | "became" | "seems" | "seemed" | "remains" | "remained")
        || matches!(lower, "made" | "make" | "makes" | "took" | "take" | "takes" | "came" | "come" | "comes" | "went" | "go" | "goes" | "got" | "get" | "gets" | "did" | "do" | "does")
}

/// Verbs whose particle or preposition still opens what a speaker holds or says ("pointed
/// out that …", "weighed in on …", "signed on to …", "doubled down on …", "backed off …").
const AGENT_LOC_OK: &[&str] = &["pointed", "points", "weighed", "weighs", "signed", "signs", "doubled", "doubles", "backed", "backs", "lashed", "lashes", "followed", "follows", "called", "calls", "frowned", "insisted", "insists", "commented", "comments", "reported", "reports", "wrote", "writes"];

/// Finds the stances of sentences no quote touches (the author's scare quotes aside): the
/// main clause's, and those of relative clauses after an agent (", who …").
pub(crate) fn find_stances(w: &Words, quotes: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for s in 0..w.sentences.len() {
        let (lo, hi) = w.sentence_words[s];
        if hi <= lo + 4 || hi - lo > MAX_WORDS {
            continue;
        }
        let sent = w.sentences[s];
        if w.is_quoted(sent.start()) || w.raw(lo).starts_with(['“', '"', '«', '‘', '\'']) {
            continue;
        }
        // A sentence a quote touches (the author's scare quotes aside) gives that quote its
        // attribution. Parsing those sentences too, for a stance beside the quote, was measured
        // at a fifth more attribution time for 0.002 F1.
        if quotes.iter().any(|q| {
            q.content.start() < sent.end()
                && sent.start() < q.content.end()
                && q.speaker.as_ref().is_none_or(|sp| sp.kind != SpeakerKind::Author)
        }) {
            continue;
        }
        let parsed = syntax::parse(w.text, sent);
        if parsed.tokens.len() != hi - lo {
            continue;
        }
        out.extend(relative_stances(w, &parsed, lo, hi));
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
        // The whole subject: a possessive after its name ("Clinton | ’s campaign").
        let (mut head_end, mut vi) = (np.end, ci + 1);
        while let Some(c) = parsed.chunks.get(vi).filter(|c| c.start == head_end && c.label == "NP" && parsed.pos[c.start] == "POS") {
            head_end = c.end;
            vi += 1;
        }
        // The verb group: verb-phrase chunks with adverbs between them ("is once again
        // questioning", "openly admires"), up to an infinitive ("refuses | to make …").
        let mut group: Option<(usize, usize)> = None;
        let mut next_start = head_end;
        // An appositive or aside between subject and verb ("Mara Olsen, the mayor, …").
        if parsed.tokens.get(head_end).is_some_and(|t| t.of(w.text) == ",") {
            let close = (head_end + 2..parsed.tokens.len().min(head_end + 16))
                .find(|&j| parsed.tokens[j].of(w.text) == ",");
            if let Some(c) = close {
                if let Some(i) = parsed.chunks.iter().position(|x| x.start == c + 1) {
                    vi = i;
                    next_start = c + 1;
                }
            }
        }
        while let Some(c) = parsed.chunks.get(vi).filter(|c| c.start == next_start) {
            match c.label {
                "ADVP" => {}
                "VP" if parsed.pos[c.start] != "TO" => {
                    let end = (c.start..c.end).find(|&j| parsed.pos[j] == "TO").unwrap_or(c.end);
                    group = Some((group.map_or(c.start, |g| g.0), end));
                    if end < c.end {
                        break;
                    }
                }
                _ => break,
            }
            next_start = c.end;
            vi += 1;
        }
        let Some((v0, v1)) = group else {
            continue;
        };
        // The group ends with its last verb ("did not immediately respond").
        let Some(v1) = (v0..v1).rev().find(|&j| parsed.pos[j].starts_with("VB")).map(|j| j + 1) else {
            continue;
        };
        let vp = syntax::Chunk { start: v0, end: v1, label: "VP" };
        let after_group = parsed.chunks.iter().position(|c| c.start >= v1 && c.start < c.end);
        let (sa, sb) = (lo + np.start, lo + head_end - 1);
        let subject = w.span(sa, sb);
        // The agent: a pronoun for a person or group, or a head noun phrase holding a named
        // person, organisation or outlet ("Mr. Lund", "the Lund campaign"), a proper noun, or
        // a noun for people, a body or a document ("voters", "the committee", "a new poll").
        let head_pos = parsed.pos[head_end - 1];
        let agent = if sa == sb && (PRONOUNS.contains(&w.lower(sa)) || AUTHOR_PRONOUNS.contains(&w.lower(sa))) {
            w.lower(sa) != "it"
        } else {
            head_pos == "NNPS"
                || head_pos.starts_with("NN") && AGENT_NOUNS.contains(&w.lower(sb))
                || head_pos == "NNP" && w.is_capitalized(sb)
                || head_pos.starts_with("NN")
                    && w.entities[w.entities.partition_point(|m| m.span.end() <= subject.start())..]
                        .iter()
                        .take_while(|m| m.span.start() < subject.end())
                        .any(|m| !matches!(m.ty, EntityType::Loc | EntityType::Facility | EntityType::Event))
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
        // A passive ("was designed to …", "is expected to …") says what was done to the
        // subject, not what it holds.
        if parsed.pos[vp.end - 1] == "VBN" && (lo + vp.start..head).any(|j| COPULAS.contains(&w.lower(j))) {
            continue;
        }
        // A particle or the preposition of a phrasal verb belongs to the cue ("is seizing on
        // the remark", "railed against the plan").
        let mut cue_end = head;
        if let Some(next) = after_group.and_then(|i| parsed.chunks.get(i)).filter(|c| c.start == vp.end) {
            if next.label == "PRT" || (next.label == "PP" && next.end == next.start + 1) {
                cue_end = lo + next.end - 1;
            }
            // A verb of motion or place with its preposition ("spoke in a cottage", "crashed
            // on the rocks", "ended up with …") says where or how, not what.
            let place = matches!(w.lower(lo + next.start), "in" | "on" | "at" | "into" | "onto" | "from" | "over" | "across" | "through" | "near" | "around" | "with" | "during" | "up" | "down" | "off" | "out" | "away" | "back");
            if next.end == next.start + 1 && place && !AGENT_LOC_OK.contains(&w.lower(head)) {
                continue;
            }
        }
        let c0 = cue_end + 1;
        let mut second = None;
        if c0 >= hi {
            continue;
        }
        let mut e = hi - 1;
        while e > c0 && !w.is_word(e) && !w.raw(e).ends_with(['”', '"', '’', '\'']) {
            e -= 1;
        }
        let e = speakers::content_end(w, &[], c0, e);
        // ", encouraging his supporters to …": a participle clause after the content is the
        // same agent's next stance.
        let participle = (c0 + 2..e).find(|&j| w.lower(j) == "," && parsed.pos[j + 1 - lo] == "VBG");
        let e = match participle {
            Some(j) => {
                let (p0, mut pe) = (j + 2, e);
                while pe > p0 && !w.is_word(pe) {
                    pe -= 1;
                }
                if pe > p0 && (p0..=pe).filter(|&x| w.is_word(x)).count() >= 3 {
                    second = Some((j + 1, p0, pe));
                }
                j - 1
            }
            None => e,
        };
        if e <= c0 || (c0..=e).filter(|&j| w.is_word(j)).count() < 3 || !w.is_word(c0) {
            continue;
        }
        let cue = w.span(lo + vp.start, cue_end);
        let speaker = speakers::party(w, sa, sb);
        out.push(Quote {
            content: w.span(c0, e),
            cue: Some(cue),
            speaker: Some(speaker.clone()),
            kind: QuoteKind::Indirect,
        });
        if let Some((cue, p0, pe)) = second {
            out.push(Quote {
                content: w.span(p0, pe),
                cue: Some(w.words[cue].span),
                speaker: Some(speaker),
                kind: QuoteKind::Indirect,
            });
        }
    }
    out
}

/// ", who urged the council to wait …": a non-restrictive relative clause whose antecedent is
/// an agent ascribes a stance to it. The relative pronoun is the source's evidence (as PolNeAR
/// marks it), the antecedent its name; the content runs to the comma that closes the clause.
fn relative_stances(w: &Words, parsed: &syntax::Parsed, lo: usize, hi: usize) -> Vec<Quote> {
    let mut out = Vec::new();
    for t in 1..parsed.tokens.len().saturating_sub(2) {
        let k = lo + t;
        if w.lower(k) != "who" || w.lower(k - 1) != "," || k < lo + 2 {
            continue;
        }
        // The antecedent: a person or organisation named right before the comma, or an agent noun.
        let ant_end = k - 2;
        let named = w.entities[w.entities.partition_point(|m| m.span.end() <= w.words[ant_end].span.start())..]
            .iter()
            .take_while(|m| m.span.start() < w.words[ant_end].span.end())
            .find(|m| m.span.end() == w.words[ant_end].span.end() && matches!(m.ty, EntityType::Person | EntityType::Org));
        let ant_start = match named {
            Some(m) => w.word_at(m.span.start()),
            None if AGENT_NOUNS.contains(&w.lower(ant_end)) => ant_end,
            None => continue,
        };
        // The verb group right after the pronoun: adverbs, then a finite verb phrase.
        let mut ci = match parsed.chunks.iter().position(|c| c.start == t + 1) {
            Some(i) => i,
            None => continue,
        };
        if parsed.chunks[ci].label == "ADVP" && parsed.chunks.get(ci + 1).is_some_and(|c| c.start == parsed.chunks[ci].end) {
            ci += 1;
        }
        let vp = parsed.chunks[ci];
        if vp.label != "VP" || !parsed.pos[vp.start..vp.end].iter().any(|p| matches!(*p, "VBD" | "VBZ" | "VBP" | "MD")) {
            continue;
        }
        let Some(v1) = (vp.start..vp.end).rev().find(|&j| parsed.pos[j].starts_with("VB")) else {
            continue;
        };
        let head = lo + v1;
        if is_light(w.lower(head)) || parsed.pos[v1] == "VBN" && (lo + vp.start..head).any(|j| COPULAS.contains(&w.lower(j))) {
            continue;
        }
        let c0 = head + 1;
        let close = (c0..hi).find(|&j| matches!(w.lower(j), "," | ";" | "—" | "–")).unwrap_or(hi);
        let mut e = close.saturating_sub(1);
        while e > c0 && !w.is_word(e) && !w.raw(e).ends_with(['”', '"', '’', '\'']) {
            e -= 1;
        }
        if e < c0 || !w.is_word(c0) || (c0..=e).filter(|&j| w.is_word(j)).count() < 2 {
            continue;
        }
        let named = speakers::party(w, ant_start, ant_end);
        out.push(Quote {
            content: w.span(c0, e),
            cue: Some(w.span(lo + t + 1, head)),
            speaker: Some(Speaker { span: Some(w.words[k].span), kind: SpeakerKind::Resolved, ..named }),
            kind: QuoteKind::Indirect,
        });
    }
    out
}
