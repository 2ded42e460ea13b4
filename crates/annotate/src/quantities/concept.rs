//! What a quantity measures and whose figure it is, from the parts of speech and chunks of its
//! sentence ([`crate::syntax`]). Only sentences that hold a quantity are tagged, each once.
//!
//! - [`Quantity::counted`] of a measure (money, percent, distance…): the noun phrase the figure
//!   modifies, with a prepositional phrase after it ("a 25% tax on imported vehicles" → "tax
//!   on imported vehicles"), or the one it is the value of ("a speed of 15 mph" → "speed",
//!   "grow sales by 35%" → "sales"; "a contract worth $5 billion" → "contract"; "has a bigger
//!   tank, 80 litres," → "bigger tank"), the object a verb changes by it ("pushed the index
//!   0.5 percent higher" → "index"), else what it is stated for or where it is taken ("30 mpg
//!   for light trucks", "47.6% from the field", "9 ppb in tap water"), else what the last
//!   measure of the same unit in the sentence measured, when no verb comes between ("boost the
//!   range by 35 miles, from 252 miles to 287 miles"). A percentage's `of` phrase ("60% of its
//!   revenue") is found by the token rules before this and kept.
//! - Before any of this, a verb of rising or falling that the tagger ran into the noun phrase
//!   before it ("[the figure drops] to 87 mph") is split off as the verb it is.
//! - [`Quantity::whose`]: the phrase a count is of ("a survey of seven countries" →
//!   "survey"), the possessor of the phrase the figure is in ("the iPhone 14's 6.1-inch
//!   display" → "iPhone 14"), else the subject of its clause: through relative pronouns
//!   ("Ford, which has 13000 workers" → "Ford"), relative clauses without a pronoun ("the
//!   brand it bought was expected to grow"), infinitives ("Dell announced plans to lay off
//!   6,650 employees" → "Dell"), prepositional phrases between subject and verb (the ones
//!   that narrow it down stay in it: "Shares of Urban Outfitters rose", "Exports to Chile
//!   fell", "Debt under the plan grew"; a time, an indefinite aside, and "by", "than", "as",
//!   "like" do not: "Revenue in the quarter rose to $7.36
//!   billion" → "Revenue", "Acme in a statement said"), a time phrase run into it ("early
//!   last season Tom Smith has won"), and a pronoun after a verb of saying ("Cayman Airways
//!   said it was grounding two jets"). A clause that leaves its verb out has its own owner ("A
//!   fell 2%, B by 3%", "with the Dow up 0.5%"). None when the figure is in the subject
//!   itself, the subject is another pronoun, "there" or a prepositional object, a
//!   verb changes an object by the figure, or a dash comes between; nor for a count of a verb's
//!   victims ("the raid killed 80 soldiers", "destroyed 14 tanks"), of an event noun ("the
//!   passage of 9,000 fighters"), in an aim ("the plan was to allow 9,000 fighters out") or
//!   after a quantifier subject ("the number comes to 9,000"). A ratio is whoever holds the
//!   edge ("a force which outnumbered them five to one" → "force").

use super::{Quantity, QuantityKind};
use crate::syntax::{self, Parsed};
use crate::{sentences, Span};

/// Sets `counted` (measures) and `whose` of every quantity in `qs`, all in `text`, in order.
/// `sentences`: the text's sentence spans in order, when already split; else the lines that
/// hold a quantity are split here.
pub(super) fn attach(text: &str, sentences: Option<&[Span]>, qs: &mut [Quantity]) {
    let spans: Vec<Span> = qs.iter().map(|q| q.span).collect();
    let mut line: Option<(usize, Vec<Span>)> = None;
    let mut parsed: Option<(Span, Sentence)> = None;
    // The last figure's owner in this sentence, for items of a list without their own verb
    // ("Homes from $750,000 to $1 million stay 70 days; $1 million to $1.25 million, 99 days").
    let mut previous: Option<Range> = None;
    // The last measure of this sentence: its unit, what it measures and its last token; a
    // figure of the same unit with no verb between them measures the same ("boost the range
    // by 35 miles, from 252 miles to 287 miles").
    let mut last_measure: Option<(Option<String>, Option<(String, Span)>, usize)> = None;
    // The last figure's trend in this sentence.
    let mut last_trend: Option<super::Trend> = None;
    for (k, q) in qs.iter_mut().enumerate() {
        let span = match sentences {
            Some(ss) => containing(text, ss, q.span),
            None => sentence_of(text, q.span, &mut line),
        };
        let Some(span) = span else { continue };
        if parsed.as_ref().map(|(s, _)| *s) != Some(span) {
            let last_end = spans[k..].iter().take_while(|s| s.start() < span.end()).map(|s| s.end().min(span.end())).max().unwrap_or(q.span.end());
            let w = window(text, span, q.span.start(), last_end);
            parsed = Some((span, Sentence::new(text, w, &spans)));
            previous = None;
            last_measure = None;
            last_trend = None;
        }
        let s = &parsed.as_ref().expect("just set").1;
        let Some(at) = s.locate(q.span) else { continue };
        let measure = q.kind.is_measure();
        // A duration in a time adverbial ("over the past two days militants launched …") measures
        // no phrase after it
        let adverbial = matches!(q.kind, QuantityKind::Duration) && at.a > 0 && matches!(s.word(at.a - 1).to_lowercase().as_str(), "past" | "last" | "next" | "previous" | "coming" | "first" | "final");
        if measure && q.counted.is_none() && !adverbial {
            q.counted = s.measured(&at).or_else(|| s.scope(&at)).and_then(|r| s.phrase(r));
            if let Some((unit, Some(counted), end)) = &last_measure {
                let verb_between = (*end..at.a).any(|i| s.chunk_of[i].is_some_and(|x| s.is(x, "VP")));
                if q.counted.is_none() && *unit == q.unit && !verb_between {
                    q.counted = Some(counted.clone());
                }
            }
        }
        if measure && q.trend.is_none() {
            q.trend = s.trend_by(&at).or_else(|| {
                // a clause without its verb after "by" changes as the one before it did: "A were
                // down 2.3%, B by 2.6%"
                let gapped = at.a > 0 && s.word(at.a - 1).eq_ignore_ascii_case("by") && at.first.is_some_and(|c| s.gapped(c).is_some());
                if gapped { last_trend } else { None }
            });
        }
        last_trend = q.trend;
        if measure {
            last_measure = Some((q.unit.clone(), q.counted.clone(), at.b));
        }
        // (a ratio too is whoever holds the edge: "a force which outnumbered them five to one")
        let mut whose = s.whose(&at, !measure);
        // (not across a dash: what follows one adds to the sentence, it is no list item)
        if whose.is_none() && at.first.is_some_and(|c| s.clause_verb(c).is_none() && !s.after_dash(c)) {
            whose = previous;
        }
        previous = whose.or(previous);
        q.whose = whose.and_then(|r| s.phrase(r));
    }
}

/// Hard line breaks end sentences (see [`crate::sentences`]).
fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The sentence around `q`: its line is split once (remembered in `line` while quantities stay
/// on it) and the sentence holding `q`'s start taken, widened to `q`'s end.
fn sentence_of(text: &str, q: Span, line: &mut Option<(usize, Vec<Span>)>) -> Option<Span> {
    let on_line = |(start, ss): &(usize, Vec<Span>)| ss.last().is_some_and(|l| *start <= q.start() && q.end() <= l.end());
    if !line.as_ref().is_some_and(on_line) {
        let start = text[..q.start()].rfind(is_break).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
        let end = text[q.end()..].find(is_break).map_or(text.len(), |i| q.end() + i);
        let piece = &text[start..end];
        let ss = sentences::split(piece).iter().filter_map(|s| Span::new(text, start + s.start(), start + s.end())).collect();
        *line = Some((start, ss));
    }
    containing(text, &line.as_ref()?.1, q)
}

/// The sentence of `ss` (in order) holding `q`'s start, widened to `q`'s end.
fn containing(text: &str, ss: &[Span], q: Span) -> Option<Span> {
    let first = ss.get(ss.partition_point(|s| s.end() <= q.start()))?;
    let last = ss.get(ss.partition_point(|s| s.end() < q.end())).unwrap_or(first);
    Span::new(text, first.start().min(q.start()), last.end().max(q.end()))
}

/// How many words before the first quantity of a sentence, and after its last, are tagged: a
/// subject further away is rare, and a long sentence (a table, a list) is not tagged whole.
const WORDS_BEFORE: usize = 25;
const WORDS_AFTER: usize = 8;

/// The part of `sentence` to tag for the quantities `first.start()..last_end` in it.
fn window(text: &str, sentence: Span, first: usize, last_end: usize) -> Span {
    let before = &text[sentence.start()..first];
    let mut words = 0;
    let mut start = sentence.start();
    let mut in_word = false;
    for (i, c) in before.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == WORDS_BEFORE {
                    start = sentence.start() + i + c.len_utf8();
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    let after = &text[last_end..sentence.end()];
    let mut end = sentence.end();
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in after.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == WORDS_AFTER {
                    end = last_end + i;
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    Span::new(text, start, end).unwrap_or(sentence)
}

/// Where a quantity sits in its sentence: its tokens `a..b`, the chunks of its first and of
/// its last token.
struct At {
    a: usize,
    b: usize,
    first: Option<usize>,
    last: Option<usize>,
}

/// A token range `start..end`.
type Range = (usize, usize);

struct Sentence<'t> {
    text: &'t str,
    p: Parsed,
    /// The chunk each token is in.
    chunk_of: Vec<Option<usize>>,
    /// Whether each token is part of a quantity's span.
    figure: Vec<bool>,
}

const PRONOUNS: &[&str] = &[
    "it", "they", "he", "she", "we", "you", "i", "this", "that", "these", "those", "one", "them", "him", "her", "us", "me",
    // contractions written without their apostrophe
    "weve", "theyve", "youve", "ive", "theyre", "youre", "thats", "hes", "shes", "theyll", "youll", "itll",
];
const RELATIVES: &[&str] = &["which", "who", "that", "whom"];
/// Quantifiers that stand for a noun phrase as a subject ("but most landed").
const QUANTIFIER_PRONOUNS: &[&str] = &["most", "many", "some", "all", "both", "several", "few", "others"];
/// Prepositions that open a clause when tagged as one ("as Sony lost 2.7%").
const OPENERS: &[&str] = &["as", "while", "whilst", "whereas", "although", "though", "because", "if", "unless", "when", "whether", "once", "after", "before", "until"];
/// Verbs whose object is the subject of the infinitive after it ("cause sea levels to rise").
const CAUSATIVE: &[&str] = &[
    "cause", "causes", "caused", "causing", "allow", "allows", "allowed", "enable", "enables", "enabled", "force", "forces", "forced", "want", "wants", "wanted", "help",
    "helps", "helped", "expect", "expects", "lead", "leads", "led", "push", "pushed", "prompt", "prompted", "drive", "drove", "see", "saw", "seen", "let", "lets", "make", "made", "makes",
];
/// Verbs whose object is the subject of the participle after it ("see the pound going to $1").
const PERCEPTION: &[&str] = &[
    "see", "sees", "saw", "seen", "seeing", "watch", "watched", "watches", "hear", "heard", "find", "found", "finds", "send", "sent", "sends", "leave", "left",
    "leaves", "keep", "kept", "keeps", "set", "sets", "spot", "spotted",
];
/// Verbs of harm, capture and removal: the people or things a count after one counts are the
/// verb's victims, nobody's figure ("the raid killed 80 soldiers", "destroyed 14 tanks" are not
/// the raid's soldiers or the aircraft's tanks).
const HARM_VERBS: &[&str] = &[
    "killed", "kill", "kills", "killing", "destroyed", "destroy", "destroys", "destroying", "wounded", "wounding", "wounds", "injured", "injuring", "injures",
    "captured", "capture", "captures", "capturing", "arrested", "arrest", "arrests", "arresting", "detained", "detaining", "executed", "executing", "bombed",
    "bombing", "shot", "shooting", "struck", "striking", "seized", "seizing", "targeted", "targeting", "attacked", "attacking", "repelled", "ambushed",
    "abducted", "kidnapped", "massacred", "slaughtered", "downed", "shelled", "eliminated", "deported", "expelled", "evacuated", "displaced",
];
/// Nouns of an event that happens to what an "of" phrase counts: "the passage of 9,000
/// fighters", "the deaths of 30 people" are no owner of the count.
const EVENT_NOUNS: &[&str] = &[
    "passage", "death", "deaths", "killing", "killings", "arrest", "arrests", "arrival", "departure", "evacuation", "release", "withdrawal", "transfer",
    "relocation", "movement", "deployment", "exodus", "return", "escape", "capture", "execution", "executions", "expulsion", "deportation", "murder", "murders",
];
/// Nouns of an aim: the subject of a copula before an infinitive ("the plan was to allow 9,000
/// fighters out") is no owner of a count in the infinitive's clause.
const AIM_NOUNS: &[&str] = &["plan", "plans", "scheme", "aim", "goal", "idea", "intention", "purpose", "objective", "strategy", "proposal", "hope", "priority", "target", "task", "mission"];
/// Nouns that with "of" make a quantifier of a count ("a total of five slots").
const QUANTIFIER_NOUNS: &[&str] = &["total", "number", "maximum", "minimum", "sum", "tally", "handful", "couple", "average", "host", "range", "lot", "lots"];
/// Verbs of saying and thinking, whose subject a pronoun of the clause they report stands for
/// ("Cayman Airways said it was grounding two jets").
const REPORTING: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "tell", "announced", "announces", "announce", "reported", "reports", "report", "added", "adds", "stated",
    "states", "noted", "notes", "warned", "warns", "claimed", "claims", "confirmed", "confirms", "explained", "explains", "believes", "believed", "believe",
    "thinks", "thought", "think", "expects", "expected", "expect", "estimated", "estimates", "predicted", "predicts", "forecast", "forecasts", "revealed",
    "reveals", "disclosed", "discloses", "insisted", "insists", "argued", "argues", "wrote", "writes", "hopes", "hoped", "admitted", "admits", "acknowledged",
    "indicated", "indicates", "suggested", "suggests", "announcing", "adding", "noting", "warning", "claiming", "confirming",
];
/// Nouns of a time phrase, which is no subject ("last year", "on Tuesday", "the past three
/// years").
const TIME_NOUNS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "quarter", "season", "seasons", "period", "session", "time", "today", "yesterday", "tomorrow", "tonight", "morning",
    "evening", "night", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
/// Other words a time phrase may have.
const TIME_WORDS: &[&str] = &["last", "this", "next", "past", "previous", "coming", "early", "late", "earlier", "later", "ago", "recently", "mid", "same", "first", "second", "third", "fourth"];

/// A verb of rising or falling that the tagger ran into the noun phrase before it, as a noun,
/// is split off as a verb phrase of its own: "[the figure drops] [to] [87 mph]", "[exports
/// decrease] [by] [1%]". Only after another noun or a number and right before a phrase; not the
/// words that are most often nouns there ("a sharp drop", "the rise", "growth", "gains").
fn split_change_verbs(text: &str, p: &mut Parsed) {
    const NOUNS_MOSTLY: &[&str] = &["up", "down", "higher", "lower", "growth", "cut", "gain", "gains", "drop", "fall", "rise", "increase", "decline", "jump", "climb", "boost", "lose", "slide"];
    let mut chunks = Vec::with_capacity(p.chunks.len());
    for (n, ch) in p.chunks.iter().enumerate() {
        let last = ch.end - 1;
        let w = p.tokens[last].of(text).to_lowercase();
        let change = (super::UP_WORDS.contains(&w.as_str()) || super::DOWN_WORDS.contains(&w.as_str())) && !NOUNS_MOSTLY.contains(&w.as_str());
        let after_noun = ch.label == "NP" && ch.end - ch.start >= 2 && p.pos[last].starts_with("NN") && (p.pos[last - 1].starts_with("NN") || p.pos[last - 1] == "CD");
        // (not before "of": "price drops of 5%" are nouns)
        let of = |x: &syntax::Chunk| x.end == x.start + 1 && p.tokens[x.start].of(text).eq_ignore_ascii_case("of");
        // (a verb phrase after it makes it the subject, "prices increases is expected", unless the
        // chunker took a preposition for one: "[drops] [to just] 87 mph")
        let to = |x: &syntax::Chunk| p.pos[x.start] == "TO";
        let before_phrase = p.chunks.get(n + 1).is_some_and(|x| x.start == ch.end && (matches!(x.label, "PP" | "NP" | "ADVP") || x.label == "VP" && to(x)) && !of(x));
        if change && after_noun && before_phrase {
            chunks.push(syntax::Chunk { start: ch.start, end: last, label: ch.label });
            chunks.push(syntax::Chunk { start: last, end: ch.end, label: "VP" });
            p.pos[last] = if w.ends_with('s') { "VBZ" } else { "VBD" };
        } else {
            chunks.push(*ch);
        }
    }
    p.chunks = chunks;
}

/// A past-tense verb that the tagger took for a one-word noun phrase of an adjective between
/// two phrases is relabelled a verb phrase: "[petrol] [averaged/JJ] roughly $2.11". Only the
/// past tenses of [`super::VERBS`] ending in "-ed".
fn verbs_taken_for_adjectives(text: &str, p: &mut Parsed) {
    for n in 1..p.chunks.len().saturating_sub(1) {
        let ch = p.chunks[n];
        let w = p.tokens[ch.start].of(text).to_lowercase();
        let one_word = ch.end == ch.start + 1 && ch.label == "NP" && matches!(p.pos[ch.start], "JJ" | "NN" | "VBN");
        let between = p.chunks[n - 1].label == "NP" && p.chunks[n - 1].end == ch.start && p.chunks[n + 1].start == ch.end && matches!(p.chunks[n + 1].label, "NP" | "ADVP" | "PP");
        if one_word && between && w.ends_with("ed") && super::VERBS.contains(&w.as_str()) {
            p.chunks[n].label = "VP";
            p.pos[ch.start] = "VBD";
        }
    }
}

/// The nouns a verb phrase opens with are a noun phrase of their own: the tagger reads a
/// lower-cased name or a name it does not know at the start of a clause as a verb ("[china
/// already had]" → "[china] [already had]", "[Smithson] [an assistant professor]"). A noun, or
/// a word tagged as a gerund that does not end in "-ing", is no verb.
fn nouns_taken_for_verbs(text: &str, p: &mut Parsed) {
    let mut chunks = Vec::with_capacity(p.chunks.len());
    for ch in &p.chunks {
        // (and an adjective opening the sentence: "[peru/JJ already had]")
        let noun = |i: usize| p.pos[i].starts_with("NN") || (p.pos[i] == "VBG" && !p.tokens[i].of(text).to_lowercase().ends_with("ing")) || (i == 0 && p.pos[i] == "JJ" && ch.end > 1 && p.pos[1..ch.end].iter().any(|t| t.starts_with("VB") || *t == "MD"));
        let lead = (ch.start..ch.end).take_while(|&i| noun(i)).count();
        // (a verb phrase of common nouns alone is a verb the tagger took for a noun: "[halts/NNS]")
        let names = (ch.start..ch.start + lead).all(|i| matches!(p.pos[i], "NNP" | "NNPS" | "VBG"));
        if ch.label != "VP" || lead == 0 || (lead == ch.end - ch.start && !names) {
            chunks.push(*ch);
            continue;
        }
        for i in ch.start..ch.start + lead {
            if p.pos[i] == "VBG" {
                p.pos[i] = if p.tokens[i].of(text).starts_with(char::is_uppercase) { "NNP" } else { "NN" };
            }
        }
        chunks.push(syntax::Chunk { start: ch.start, end: ch.start + lead, label: "NP" });
        if ch.start + lead < ch.end {
            chunks.push(syntax::Chunk { start: ch.start + lead, end: ch.end, label: "VP" });
        }
    }
    p.chunks = chunks;
}

/// A dash inside a chunk ends it: "[in] [2019 — analysts say]" → "[2019] — [analysts say]"
/// (what follows, if it has a verb, a verb phrase).
fn split_at_dashes(text: &str, p: &mut Parsed) {
    let mut chunks = Vec::with_capacity(p.chunks.len());
    for ch in &p.chunks {
        let dash = (ch.start + 1..ch.end.saturating_sub(1)).find(|&i| p.pos[i] == ":" && matches!(p.tokens[i].of(text), "-" | "–" | "—" | "--"));
        match dash {
            Some(d) => {
                let verb = (d + 1..ch.end).any(|i| p.pos[i].starts_with("VB"));
                chunks.push(syntax::Chunk { start: ch.start, end: d, label: ch.label });
                chunks.push(syntax::Chunk { start: d + 1, end: ch.end, label: if ch.label == "NP" && verb { "VP" } else { ch.label } });
            }
            None => chunks.push(*ch),
        }
    }
    p.chunks = chunks;
}

impl<'t> Sentence<'t> {
    /// Parses `span`; `figures` are every quantity's span in the text, in order.
    fn new(text: &'t str, span: Span, figures: &[Span]) -> Sentence<'t> {
        let mut p = syntax::parse(text, span);
        split_at_dashes(text, &mut p);
        nouns_taken_for_verbs(text, &mut p);
        split_change_verbs(text, &mut p);
        verbs_taken_for_adjectives(text, &mut p);
        let mut chunk_of = vec![None; p.tokens.len()];
        for (c, ch) in p.chunks.iter().enumerate() {
            chunk_of[ch.start..ch.end].iter_mut().for_each(|x| *x = Some(c));
        }
        let from = figures.partition_point(|f| f.end() <= span.start());
        let figure = p
            .tokens
            .iter()
            .map(|t| figures[from..].iter().take_while(|f| f.start() < span.end()).any(|f| f.start() < t.end() && t.start() < f.end()))
            .collect();
        Sentence { text, p, chunk_of, figure }
    }

    fn word(&self, i: usize) -> &'t str {
        self.p.tokens[i].of(self.text)
    }

    fn label(&self, c: usize) -> &'static str {
        self.p.chunks[c].label
    }

    /// The word of a one-word chunk, lower-cased.
    fn single(&self, c: usize) -> Option<String> {
        let ch = self.p.chunks[c];
        (ch.end == ch.start + 1).then(|| self.word(ch.start).to_lowercase())
    }

    /// Chunks `c - 1` and `c` touch (no token between them).
    fn touch(&self, c: usize) -> bool {
        c > 0 && self.p.chunks[c - 1].end == self.p.chunks[c].start
    }

    fn is(&self, c: usize, label: &str) -> bool {
        self.label(c) == label
    }

    fn range(&self, c: usize) -> Range {
        (self.p.chunks[c].start, self.p.chunks[c].end)
    }

    fn locate(&self, q: Span) -> Option<At> {
        let a = self.p.tokens.partition_point(|t| t.end() <= q.start());
        let b = self.p.tokens.partition_point(|t| t.start() < q.end());
        let first = (a..b).find_map(|i| self.chunk_of[i]);
        let last = (a..b).rev().find_map(|i| self.chunk_of[i]);
        (a < b).then_some(At { a, b, first, last })
    }

    /// The phrase for a token range, without determiners and punctuation at its ends.
    fn phrase(&self, (mut a, mut b): Range) -> Option<(String, Span)> {
        // Another figure inside it is not part of what is counted: "a 60 basis point
        // improvement" → "improvement".
        // A number word glued into a compound adjective stays: "from [three-point range]", "a
        // [five-year award]".
        let compound = |i: usize| {
            let w = self.word(i);
            w.starts_with(|c: char| c.is_alphabetic()) && w.contains('-') && (i == a || !self.figure[i - 1])
        };
        if let Some(last) = (a..b).rev().find(|&i| self.figure[i]) {
            if self.has_noun((last + 1, b)) && self.p.pos[last + 1] != "NNP" && !compound(last) {
                a = last + 1;
            }
        }
        let end = b;
        let skip = |i: usize| {
            matches!(self.p.pos[i], "DT" | "PDT" | "PRP$" | "POS" | "," | ":" | "." | "CC" | "IN" | "TO" | "''" | "\"")
                // an intensifier of a comparative: "a much bigger tank"
                || (self.p.pos[i] == "RB" && i + 1 < end && matches!(self.p.pos[i + 1], "JJR" | "JJS"))
                || !self.word(i).chars().any(char::is_alphanumeric) && !matches!(self.word(i), "(" | ")")
                || (i + 1 < end && self.p.pos[i].starts_with("NN") && TIME_NOUNS[TIME_NOUNS.iter().position(|&w| w == "monday").expect("listed")..].contains(&self.word(i).to_lowercase().as_str()))
        };
        while a < b && skip(a) {
            a += 1;
        }
        while b > a && (skip(b - 1) || self.word(b - 1) == "(") {
            b -= 1;
        }
        if a == b {
            return None;
        }
        let span = Span::new(self.text, self.p.tokens[a].start(), self.p.tokens[b - 1].end())?;
        Some((span.of(self.text).to_string(), span))
    }

    /// A proper name, a determiner aside: "Denmark", "the United Kingdom".
    fn proper_name(&self, (a, b): Range) -> bool {
        let a = if a < b && self.p.pos[a] == "DT" { a + 1 } else { a };
        a < b && (a..b).all(|i| matches!(self.p.pos[i], "NNP" | "NNPS"))
    }

    /// A single short form in capitals: "LCVs", "SUV".
    fn acronym(&self, (a, b): Range) -> bool {
        let w = self.word(a).trim_end_matches('s');
        b == a + 1 && w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
    }

    fn has_noun(&self, (a, b): Range) -> bool {
        (a..b).any(|i| self.p.pos[i].starts_with("NN"))
    }

    /// What a measure measures: the rest of its noun phrase after it (and a prepositional
    /// phrase after that), or the noun phrase it is the value of ("of", "for", "with", "to";
    /// "by" after a verb's object).
    fn measured(&self, at: &At) -> Option<Range> {
        if let Some(c) = at.last {
            let (_, chunk_end) = self.range(c);
            // The rest of the phrase, up to a preposition or conjunction the chunker left in it.
            let end = (at.b..chunk_end).find(|&i| matches!(self.p.pos[i], "IN" | "TO" | "CC")).unwrap_or(chunk_end);
            let rest = (at.b, end);
            let modifies = self.is(c, "NP") && end > at.b && self.has_noun(rest) && !self.has_number(rest) && !self.temporal(rest) && (self.p.pos[at.b].starts_with("NN") || self.p.pos[at.b].starts_with("JJ") || self.p.pos[at.b] == "VBN");
            if modifies {
                let mut e = end;
                if end == chunk_end && c + 2 < self.p.chunks.len() && self.is(c + 1, "PP") && self.touch(c + 1) && self.is(c + 2, "NP") && self.touch(c + 2) {
                    if let Some(w) = self.single(c + 1) {
                        if matches!(w.as_str(), "on" | "with" | "for" | "in" | "of" | "toward" | "towards" | "from") && !self.is_figure(self.range(c + 2)) && !self.temporal(self.range(c + 2)) {
                            e = self.range(c + 2).1;
                            // and an "of" phrase after that: "a site in the City of David"
                            let n = c + 4;
                            if n < self.p.chunks.len() && self.is(n - 1, "PP") && self.touch(n - 1) && self.touch(n) && self.is(n, "NP") && self.single(n - 1).is_some_and(|w| w == "of") && !self.is_figure(self.range(n)) {
                                e = self.range(n).1;
                            }
                        }
                    }
                }
                return Some((at.b, e));
            }
            // "95 per cent | loan-to-value mortgages": the rest of the noun phrase, which the
            // chunker cut off after the figure (it starts with no determiner)
            if chunk_end == at.b && self.is(c, "NP") && c + 1 < self.p.chunks.len() && self.is(c + 1, "NP") && self.touch(c + 1) {
                let next = self.range(c + 1);
                if matches!(self.p.pos[next.0], "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "VBN") && self.has_noun(next) && !self.is_figure(next) && !self.temporal(next) {
                    return Some(next);
                }
            }
            // "64GB of storage", "50 mL of 30% sulfuric acid": what comes after "of"
            if chunk_end == at.b && c + 2 < self.p.chunks.len() && self.is(c + 1, "PP") && self.touch(c + 1) && self.single(c + 1).is_some_and(|w| w == "of") && self.is(c + 2, "NP") && self.touch(c + 2) && !self.is_figure(self.range(c + 2)) {
                let (a, b) = self.range(c + 2);
                let a = (a..b).rev().find(|&i| self.p.pos[i] == "CD" || self.word(i) == "%").map_or(a, |i| i + 1);
                if a < b && self.has_noun((a, b)) {
                    return Some((a, b));
                }
            }
        }
        let c = at.first?;
        if let Some(head) = self.of_head(c, &["of", "for", "to"]) {
            return Some(head);
        }
        if let Some(object) = self.changed_object(at) {
            return Some(object);
        }
        if let Some(np) = self.apposition_head(at) {
            return Some(np);
        }
        // "[a contract] worth $5 billion"
        if c >= 2 && self.touch(c) && self.touch(c - 1) && self.single(c - 1).is_some_and(|w| w == "worth") && self.is(c - 2, "NP") {
            let np = self.range(c - 2);
            let pronoun = self.single(c - 2).is_some_and(|w| PRONOUNS.contains(&w.as_str()) || RELATIVES.contains(&w.as_str()));
            if !pronoun && self.has_noun(np) && !self.is_figure(np) && !self.temporal(np) {
                return Some(np);
            }
        }
        // "boost the driving range by 35 miles", "grow sales by 35 per cent"
        let (a, b) = self.of_head(c, &["by"])?;
        let np = self.chunk_of[a]?;
        (np > 0 && self.is(np - 1, "VP")).then_some((a, b))
    }

    /// The trend of a verb of rising or falling that changes an object by the figure: "grow
    /// [sales] by 35 per cent", "cut [its forecast] by 2%".
    fn trend_by(&self, at: &At) -> Option<super::Trend> {
        let c = at.first?;
        if at.a == 0 || !self.word(at.a - 1).eq_ignore_ascii_case("by") {
            return None;
        }
        let (a, _) = self.of_head(c, &["by"])?;
        let np = self.chunk_of[a]?;
        if np == 0 || !self.is(np - 1, "VP") || !self.touch(np) {
            return None;
        }
        let verb = self.word(self.p.chunks[np - 1].end - 1).to_lowercase();
        if super::UP_WORDS.contains(&verb.as_str()) {
            Some(super::Trend::Up)
        } else if super::DOWN_WORDS.contains(&verb.as_str()) {
            Some(super::Trend::Down)
        } else {
            None
        }
    }

    /// A time phrase: every word a time word or a number ("last year", "early Wednesday", "2018").
    fn temporal(&self, (a, b): Range) -> bool {
        // a year is a time phrase too ("in 2008", "between 2014 and 2017")
        let year = |i: usize| self.p.pos[i] == "CD" && self.word(i).len() == 4 && self.word(i).parse::<u16>().is_ok_and(|y| (1000..=2100).contains(&y));
        let time_noun = |i: usize| TIME_NOUNS.contains(&self.word(i).to_lowercase().as_str()) || year(i);
        (a..b).any(time_noun) && (a..b).all(|i| time_noun(i) || TIME_WORDS.contains(&self.word(i).to_lowercase().as_str()) || matches!(self.p.pos[i], "CD" | "DT" | "CC" | "JJ" | "POS"))
    }

    /// A time phrase that names a date ("2018", "April", "May 2019"), not one relative to now
    /// ("last year", "the quarter", "April last year"): it narrows what it modifies and stays
    /// in it ("figures for April", "sales in 2018").
    fn dated(&self, (a, b): Range) -> bool {
        const RELATIVE: &[&str] = &["last", "next", "this", "past", "previous", "coming", "ago", "same", "early", "late", "earlier", "later", "mid"];
        let month = |i: usize| self.word(i).starts_with(char::is_uppercase) && TIME_NOUNS[TIME_NOUNS.iter().position(|&w| w == "january").expect("listed")..].contains(&self.word(i).to_lowercase().as_str()) && self.word(i).len() > 3;
        let year = |i: usize| self.p.pos[i] == "CD" && self.word(i).len() == 4 && self.word(i).parse::<u16>().is_ok_and(|y| (1000..=2100).contains(&y));
        self.temporal((a, b)) && (a..b).any(|i| month(i) || year(i)) && !(a..b).any(|i| RELATIVE.contains(&self.word(i).to_lowercase().as_str()) || TIME_NOUNS[..TIME_NOUNS.iter().position(|&w| w == "monday").expect("listed")].contains(&self.word(i).to_lowercase().as_str()))
    }

    /// A time phrase that is no date ([`Sentence::dated`]).
    fn relative_time(&self, r: Range) -> bool {
        self.temporal(r) && !self.dated(r)
    }

    fn has_number(&self, (a, b): Range) -> bool {
        (a..b).any(|i| self.p.pos[i] == "CD")
    }

    /// A figure itself: a phrase that ends in a quantity ("4.28 percent", "more than $5"),
    /// not one a figure modifies ("a 60 basis point improvement") or a name with a number
    /// ("iPhone 12 Pro Max").
    fn is_figure(&self, (a, b): Range) -> bool {
        (a..b).rev().find(|&i| self.word(i).chars().any(char::is_alphanumeric)).is_some_and(|i| self.figure[i])
    }

    /// The noun phrase before "`word` chunk `c`" ("the brains of 13 people" → "the brains").
    fn of_head(&self, c: usize, words: &[&str]) -> Option<Range> {
        if c < 2 || !self.is(c - 1, "PP") || !self.is(c - 2, "NP") || !self.touch(c) || !self.touch(c - 1) {
            return None;
        }
        let w = self.single(c - 1)?;
        if !words.contains(&w.as_str()) || self.is_figure(self.range(c - 2)) || self.temporal(self.range(c - 2)) {
            return None;
        }
        // a complex preposition is no head: "in addition to $80 billion", "in response to"
        const COMPLEX: &[&str] = &["addition", "response", "contrast", "comparison", "relation", "reference", "proportion", "return", "exchange", "lieu"];
        if c >= 3 && self.touch(c - 2) && self.is(c - 3, "PP") && self.single(c - 3).is_some_and(|w| w == "in") && self.single(c - 2).is_some_and(|w| COMPLEX.contains(&w.as_str())) {
            return None;
        }
        let (mut a, b) = self.range(c - 2);
        // a modifier the chunker cut off the front: "[maximum] [sustained winds] of 155 mph"
        let (na, _) = self.range(c - 2);
        if c >= 3 && self.touch(c - 2) && self.is(c - 3, "NP") && self.single(c - 3).is_some() && matches!(self.p.pos[na - 1], "NN" | "JJ") && !matches!(self.p.pos[na], "DT" | "PRP$") && !self.temporal(self.range(c - 3)) && !self.is_figure(self.range(c - 3)) {
            a = na - 1;
        }
        // "electrical activity in [the brains] of 13 people": the phrase it is in, too
        if c >= 4 && self.touch(c - 2) && self.touch(c - 3) && self.is(c - 3, "PP") && self.is(c - 4, "NP") && self.single(c - 3).is_some_and(|w| matches!(w.as_str(), "of" | "in")) && !self.is_figure(self.range(c - 4)) {
            a = self.range(c - 4).0;
        }
        Some((a, b))
    }

    /// What a measure is stated for, when nothing else says what it measures: the noun phrase
    /// of a `for` phrase right after it, or after the other end of a range ("from 20 mpg to 30
    /// for [light commercial vehicles, or LCVs]"); an alternative name after "or" stays in. A
    /// phrase of where it is taken or found does the same ("47.6% from [the field]", "311 square
    /// miles off [the coast]", "4 ppb in [tap water]"). Not a time ("for the year", "in May").
    fn scope(&self, at: &At) -> Option<Range> {
        let mut c = at.last?;
        let n = self.p.chunks.len();
        if self.p.chunks[c].end != at.b {
            return None;
        }
        if c + 2 < n && self.is(c + 1, "PP") && self.single(c + 1).is_some_and(|w| w == "to") && self.touch(c + 1) && self.touch(c + 2) && self.is_figure(self.range(c + 2)) {
            c += 2;
        }
        // past a conversion in brackets: "7.5 million crowns (US $1.1 million) in [deposits]"
        let mut pp = c + 1;
        let end = self.p.chunks[c].end;
        if pp < n && !self.touch(pp) && end < self.p.tokens.len() && self.word(end) == "(" {
            let close = (end + 1..(end + 12).min(self.p.tokens.len())).find(|&i| self.word(i) == ")");
            // (a conversion has a figure; a short form does not: "113 gigapascals (GPa) on the test")
            let conversion = close.is_some_and(|x| (end + 1..x).any(|i| self.figure[i]));
            if let Some(k) = close.filter(|_| conversion).and_then(|x| (c + 1..n).find(|&k| self.p.chunks[k].start == x + 1)) {
                pp = k;
            }
        } else if pp < n && !self.touch(pp) {
            return None;
        }
        if pp + 1 >= n || !self.is(pp, "PP") || !self.is(pp + 1, "NP") || (pp == c + 1 && !self.touch(pp)) || !self.touch(pp + 1) {
            return None;
        }
        let c = pp - 1;
        let w = self.single(c + 1)?;
        let (a, mut b) = self.range(c + 2);
        let place = matches!(w.as_str(), "from" | "off" | "in" | "on" | "at" | "among" | "across" | "inside" | "near");
        if (w != "for" && !place) || self.is_figure((a, b)) || self.temporal((a, b)) || !self.has_noun((a, b)) {
            return None;
        }
        // the scale the unit is read on is no scope: "between 50 and 70 on [the GPa scale]"
        if (a..b).any(|i| self.word(i).eq_ignore_ascii_case("scale")) {
            return None;
        }
        if c + 3 < n && self.p.chunks[c + 3].start == b + 2 && self.word(b) == "," && self.word(b + 1).eq_ignore_ascii_case("or") && self.is(c + 3, "NP") && (self.proper_name(self.range(c + 3)) || self.acronym(self.range(c + 3))) {
            b = self.p.chunks[c + 3].end;
        }
        Some((a, b))
    }

    /// The noun phrase a measure stands in apposition to, between commas after a verb: "has [a
    /// much bigger tank], 80 litres, than".
    fn apposition_head(&self, at: &At) -> Option<Range> {
        let c = at.first?;
        let start = self.p.chunks[c].start;
        if c == 0 || start < 1 || self.word(start - 1) != "," || self.p.chunks[c - 1].end + 1 != start || !self.is(c - 1, "NP") {
            return None;
        }
        let after_ok = at.b >= self.p.tokens.len() || matches!(self.word(at.b), "," | "." | ";" | ")");
        let np = self.range(c - 1);
        let pronoun = self.single(c - 1).is_some_and(|w| PRONOUNS.contains(&w.as_str()));
        let after_verb = c >= 2 && self.is(c - 2, "VP") && self.touch(c - 1);
        (after_ok && after_verb && !pronoun && self.has_noun(np) && !self.is_figure(np) && !self.temporal(np)).then_some(np)
    }

    /// The object of a verb that the figure is the change of: "pulled [the healthcare sector]
    /// 0.68 percent lower", "cut [rates] 25 basis points" — a comparative after the figure, or
    /// a verb of rising or falling. Not an indirect object ("cost [buyers] $42,500") nor a verb
    /// with a time after it ("orbits [the sun] every 33 years").
    fn changed_object(&self, at: &At) -> Option<Range> {
        let c = at.first?;
        // the object in a chunk of its own, or in the figure's ("[the index 0.5 percent]")
        let (object, v) = if self.p.chunks[c].start < at.a && self.is(c, "NP") {
            ((self.p.chunks[c].start, at.a), c.checked_sub(1)?)
        } else if c >= 2 && self.touch(c) && self.is(c - 1, "NP") {
            (self.range(c - 1), c - 2)
        } else {
            return None;
        };
        if !self.is(v, "VP") || !self.touch(v + 1) {
            return None;
        }
        let comparative = at.b < self.p.tokens.len() && (matches!(self.p.pos[at.b], "RBR" | "JJR") || matches!(self.word(at.b).to_lowercase().as_str(), "higher" | "lower"));
        let verb = self.word(self.p.chunks[v].end - 1).to_lowercase();
        let change = super::UP_WORDS.contains(&verb.as_str()) || super::DOWN_WORDS.contains(&verb.as_str()) || matches!(verb.as_str(), "raise" | "raised" | "raises" | "raising" | "lift" | "lifted" | "lifts" | "reduce" | "reduced" | "reduces" | "lowered" | "lowers" | "pushed" | "pulled" | "sent" | "drove" | "dragged");
        let pronoun = object.1 == object.0 + 1 && PRONOUNS.contains(&self.word(object.0).to_lowercase().as_str());
        // (another figure is no object: "rose [0.4% a month and] 4% a year")
        let figure = (object.0..object.1).any(|i| self.figure[i]);
        ((comparative || change) && !pronoun && !figure && self.has_noun(object) && !self.is_figure(object) && !self.temporal(object)).then_some(object)
    }

    /// Whose figure it is (see the module doc). `count`: the quantity counts something.
    fn whose(&self, at: &At, count: bool) -> Option<Range> {
        let c = at.first?;
        // The object a verb changes by the figure is what it is of; the subject made the
        // change ("UnitedHealth pulled the healthcare sector 0.68 percent lower").
        if !count && self.changed_object(at).is_some() {
            return None;
        }
        // "one of the best speakers": a pick from a set, nobody's figure
        let last = self.p.chunks[at.last?].end;
        if count && self.word(last - 1).eq_ignore_ascii_case("one") && self.p.tokens.get(last).is_some_and(|_| self.word(last).eq_ignore_ascii_case("of")) {
            return None;
        }
        if count {
            if let Some(head) = self.of_head(c, &["of"]) {
                // "a total of five slots": a quantifier, nobody's figure; "the passage of 9,000
                // fighters": an event, neither
                let noun = self.word(head.1 - 1).to_lowercase();
                return (!QUANTIFIER_NOUNS.contains(&noun.as_str()) && !EVENT_NOUNS.contains(&noun.as_str())).then_some(head);
            }
            // "the strike killed 80 soldiers": the verb's victims, nobody's figure (its object
            // only: not "attacked from three directions", nor a passive's "were killed …, 11 of
            // them civilians")
            if self.clause_verb(c).is_some_and(|v| self.harms_object(v, c)) {
                return None;
            }
        }
        // A possessor: "[The iPhone 14] ['s 6.1-inch display]".
        let first = self.p.chunks[c].start;
        if self.p.pos[first] == "POS" && c > 0 && self.touch(c) && self.is(c - 1, "NP") {
            return Some(self.range(c - 1));
        }
        if let Some(owner) = self.bare_possessor(at) {
            return Some(owner);
        }
        // "[the iPhone 12] with 3687 mAh": what has the figure
        if !count {
            if let Some(head) = self.of_head(c, &["with"]) {
                return Some(head);
            }
        }
        // A figure in the standard of a comparison is of that standard, not of the subject:
        // "wider than [the loss] of 61 cents", "a bigger tank than [the Golf] with 50 litres".
        if let Some(standard) = self.compared(c) {
            return standard;
        }
        if let Some(owner) = self.gapped(c) {
            return Some(owner);
        }
        match self.clause_verb(c) {
            // (for a count, not a quantifier — "whether the number comes to 9,000 fighters" —
            // nor an aim)
            Some(verb) => self.subject_of(verb, 0).filter(|&subject| !(count && (self.aim_before(verb, subject) || QUANTIFIER_NOUNS.contains(&self.word(subject.1 - 1).to_lowercase().as_str())))),
            None => self.label_before(c).or_else(|| self.verbless_owner(c)),
        }
    }

    /// Verb chunk `v` is an active verb of harm (or of letting) and chunk `c` its object: no preposition (but
    /// the "at" of "at least") and no comma comes between them.
    fn harms_object(&self, v: usize, c: usize) -> bool {
        let (vs, ve) = self.range(v);
        let active = !(vs..ve).any(|i| matches!(self.word(i).to_lowercase().as_str(), "is" | "was" | "are" | "were" | "be" | "been" | "being"));
        let prepositions = (v + 1..c).any(|k| self.is(k, "PP") && self.single(k).is_none_or(|w| w != "at"));
        let comma = (ve..self.p.chunks[c].start).any(|i| self.word(i) == ",");
        let verb = self.word(ve - 1).to_lowercase();
        // (and a verb of letting or making: "would permit 5,000 militants to escape" — they are
        // not the permitter's)
        let letting = matches!(verb.as_str(), "permit" | "permits" | "permitted" | "permitting" | "allow" | "allows" | "allowed" | "allowing" | "let" | "lets" | "force" | "forced" | "forces" | "forcing");
        active && !prepositions && !comma && (HARM_VERBS.contains(&verb.as_str()) || letting)
    }

    /// Verb chunk `v` is, or ends, an infinitive after a copula whose subject, `subject`, names
    /// an aim ("[the plan] was to allow up to 9,000 fighters out").
    fn aim_before(&self, v: usize, subject: Range) -> bool {
        let head = self.word(subject.1 - 1).to_lowercase();
        let copula_to = (subject.1..self.p.chunks[v].end.saturating_sub(1)).any(|i| matches!(self.word(i).to_lowercase().as_str(), "is" | "was" | "are" | "were" | "be" | "been") && self.word(i + 1).eq_ignore_ascii_case("to"));
        copula_to && AIM_NOUNS.contains(&head.as_str())
    }

    /// Token `i` may end a possessor printed without its apostrophe: a noun, no figure and no
    /// time noun, ending in a single "s" ("Bidens", "companys", not "boss" or "years").
    fn bare_s_noun(&self, i: usize) -> bool {
        self.p.pos[i].starts_with("NN") && self.word(i).ends_with('s') && !self.word(i).ends_with("ss") && !self.figure[i] && !TIME_NOUNS.contains(&self.word(i).to_lowercase().as_str())
    }

    /// A noun phrase that reads as a possessor without its apostrophe: a determiner or a name,
    /// then nouns, the last ending in "s" ("the presidents", "the Biden administrations").
    fn bare_possessive(&self, (a, b): Range) -> bool {
        let from = if self.p.pos[a] == "DT" { a + 1 } else { a };
        from < b && (self.p.pos[a] == "DT" || self.p.pos[a].starts_with("NNP")) && self.bare_s_noun(b - 1) && (from..b).all(|i| self.p.pos[i].starts_with("NN") && !self.figure[i])
    }

    /// A possessor written without its apostrophe, as some sources print it ("Bidens $2
    /// trillion plan", "the companys $14 billion in earnings"): a noun ending in "s" right
    /// before a figure that modifies a noun, in the figure's chunk after a determiner or a
    /// name, or the noun phrase just before a chunk that opens with the figure.
    fn bare_possessor(&self, at: &At) -> Option<Range> {
        let c = at.first?;
        let (start, end) = self.range(c);
        // the figure modifies a noun after it in its chunk, or is the value of what follows "in"
        let modifies = self.has_noun((at.b, end)) || (end == at.b && self.p.tokens.get(at.b).is_some_and(|_| self.word(at.b) == "in"));
        if at.a == 0 || !modifies {
            return None;
        }
        if start < at.a {
            let from = if self.p.pos[start] == "DT" { start + 1 } else { start };
            let named = self.p.pos[start] == "DT" || self.p.pos[from].starts_with("NNP");
            return (from < at.a && named && self.bare_s_noun(at.a - 1) && (from..at.a).all(|i| self.p.pos[i].starts_with("NN"))).then_some((from, at.a));
        }
        if c == 0 || !self.touch(c) || !self.is(c - 1, "NP") {
            return None;
        }
        let np = self.range(c - 1);
        let pronoun = self.single(c - 1).is_some_and(|w| PRONOUNS.contains(&w.as_str()));
        (self.bare_s_noun(np.1 - 1) && !pronoun && !self.is_figure(np) && !self.temporal(np) && !(np.0..np.1).any(|i| self.figure[i])).then_some(np)
    }

    /// The standard of a comparison chunk `c` is in: the noun phrase right after a "than" that
    /// only noun and prepositional phrases separate from `c`; `Some(None)` when the figure is
    /// that phrase itself ("more expensive than $5").
    fn compared(&self, c: usize) -> Option<Option<Range>> {
        let mut k = c;
        for _ in 0..4 {
            if k == 0 || !self.touch(k) || self.break_before(k) {
                return None;
            }
            k -= 1;
            // (and "below", "above" a standard named before the figure: "came back at 4 ppb,
            // below [the federal guideline] of 15 ppb")
            let standard = self.single(k).is_some_and(|w| matches!(w.as_str(), "below" | "above")) && k + 1 != c && !self.is_figure(self.range(k + 1));
            if self.is(k, "PP") && (self.single(k).is_some_and(|w| w == "than") || standard) {
                let np = self.range(k + 1);
                if k + 1 == c || self.is_figure(np) {
                    return Some(None);
                }
                let pronoun = self.single(k + 1).is_some_and(|w| PRONOUNS.contains(&w.as_str()));
                return Some((self.is(k + 1, "NP") && self.has_noun(np) && !pronoun && !self.temporal(np)).then_some(np));
            }
            if !matches!(self.label(k), "NP" | "PP") {
                return None;
            }
        }
        None
    }

    /// A figure without a verb before it ("Dow +0.2% Nasdaq +0.8%", "Homes from $750,000
    /// stay"): the noun phrase right before it, or before the prepositional phrase it is in.
    fn verbless_owner(&self, c: usize) -> Option<Range> {
        let mut before = c.checked_sub(1)?;
        if self.is(before, "PP") && self.touch(c) && before > 0 && self.single(before).is_some_and(|w| matches!(w.as_str(), "from" | "of" | "at" | "with" | "for" | "between" | "worth")) {
            before -= 1;
        }
        let between = self.p.chunks[before].end..self.p.chunks[before + 1].start;
        let touching = between.clone().all(|i| matches!(self.word(i), "+" | "-" | "−")) && !self.break_before(before + 1);
        (touching && self.is(before, "NP") && !self.is_figure(self.range(before)) && self.has_noun(self.range(before)) && !self.temporal(self.range(before))).then(|| self.range(before))
    }

    /// A clause whose verb is left out after a comma or a conjunction (gapping): "Shares of A
    /// were down 2%, [B] by 3%", "bread rose 4% and [fish and eggs] between 6% and 7%",
    /// "with [the Dow] up 0.5%"; or a figure set off after a noun phrase ("[Apple], up 2%, led").
    /// The noun phrase right before the figure, or before the `by`/`to`/`at`/`from` or the
    /// `up`/`down` it takes.
    fn gapped(&self, c: usize) -> Option<Range> {
        let mut n = c.checked_sub(1)?;
        if !self.touch(c) {
            return None;
        }
        let direction = |k: usize| matches!(self.label(k), "ADVP" | "PRT" | "ADJP" | "PP") && self.single(k).is_some_and(|w| matches!(w.as_str(), "up" | "down" | "higher" | "lower"));
        let mut aside = false;
        if self.is(n, "PP") && self.single(n).is_some_and(|w| matches!(w.as_str(), "by" | "to" | "at" | "from")) || direction(n) {
            // "[Apple], up 2%, led": a figure set off after the noun phrase it is of
            aside = direction(n) && n >= 1 && self.p.chunks[n - 1].end + 1 == self.p.chunks[n].start && self.word(self.p.chunks[n - 1].end) == ",";
            n = n.checked_sub(1)?;
            if !self.touch(n + 1) && !aside {
                return None;
            }
        }
        let (a, b) = self.range(n);
        let opens = matches!(self.p.pos[a], "CC") || a == 0 || (self.word(a - 1) == "," || self.p.pos[a - 1] == "CC") && self.chunk_of[a - 1].is_none() || (n >= 1 && self.touch(n) && self.single(n - 1).is_some_and(|w| w == "with"));
        let closes = |i: usize| i >= self.p.tokens.len() || matches!(self.word(i), "," | "." | ";");
        let end = self.p.chunks[c..].iter().take_while(|ch| (ch.start..ch.end).any(|i| self.figure[i])).last().map_or(self.p.chunks[c].end, |ch| ch.end);
        let pronoun = self.single(n).is_some_and(|w| PRONOUNS.contains(&w.as_str()) || RELATIVES.contains(&w.as_str()));
        ((opens || aside && closes(end)) && self.is(n, "NP") && !pronoun && self.has_noun((a, b)) && !self.is_figure((a, b)) && !self.temporal((a, b))).then_some((a, b))
    }

    /// A short label before a colon the figure comes after ("Properties including: 9 E 71st
    /// St, $55,931,000"): its first noun phrase.
    fn label_before(&self, c: usize) -> Option<Range> {
        let colon = (0..self.p.chunks[c].start).rev().find(|&i| matches!(self.word(i), ":" | ";"))?;
        if self.word(colon) != ":" || colon > 4 || (colon + 1..self.p.chunks[c].start).any(|i| self.p.pos[i].starts_with("VB") && self.chunk_of[i].is_some_and(|k| self.is(k, "VP"))) {
            return None;
        }
        let np = self.chunk_of[..colon].iter().flatten().copied().find(|&k| self.is(k, "NP"))?;
        Some(self.range(np))
    }

    /// Chunk `c` opens a clause: a subordinating conjunction, or one the chunker took for a
    /// preposition ("as Sony lost").
    fn opens_clause(&self, c: usize) -> bool {
        let ch = self.p.chunks[c];
        // (and "when", "where" as one-word adverb chunks: "… the city’s defences, when thousands
        // of fighters poured in")
        let wh_adverb = self.is(c, "ADVP") && ch.end == ch.start + 1 && self.p.pos[ch.start] == "WRB" && matches!(self.word(ch.start).to_lowercase().as_str(), "when" | "where" | "whenever" | "wherever");
        self.is(c, "SBAR") || wh_adverb || (self.is(c, "PP") && self.single(c).is_some_and(|w| OPENERS.contains(&w.as_str())))
    }

    /// A clause break between chunks `c - 1` and `c`: a semicolon, a colon or a dash (one the
    /// chunker left at the end of the chunk before, too: "a shot at goal - from 30 yards").
    fn break_before(&self, c: usize) -> bool {
        (self.p.chunks[c - 1].end..self.p.chunks[c].start).any(|i| matches!(self.word(i), ";" | ":") || self.is_dash(i)) || self.is_dash(self.p.chunks[c - 1].end - 1)
    }

    /// The clause of chunk `c` starts after a dash.
    fn after_dash(&self, c: usize) -> bool {
        let k = (1..=c).rev().find(|&k| self.break_before(k));
        k.is_some_and(|k| (self.p.chunks[k - 1].end - 1..self.p.chunks[k].start).any(|i| self.is_dash(i)))
    }

    /// Token `i` is a dash between words (tagged as a colon), not a hyphen or a minus.
    fn is_dash(&self, i: usize) -> bool {
        matches!(self.word(i), "-" | "–" | "—" | "--") && self.p.pos[i] == ":"
    }

    /// The verb chunk before chunk `c` in its clause, if the clause has one before it.
    fn clause_verb(&self, c: usize) -> Option<usize> {
        let mut k = c;
        while k > 0 {
            if self.break_before(k) {
                return None;
            }
            k -= 1;
            if self.is(k, "VP") {
                return Some(k);
            }
            // "after", "before", "until" with no verb between them and the figure are
            // prepositions ("reached Jupiter after a five-year journey"), no clause of its own
            let preposition = self.is(k, "PP") && self.single(k).is_some_and(|w| matches!(w.as_str(), "after" | "before" | "until"));
            if self.opens_clause(k) && !preposition {
                return None;
            }
        }
        None
    }

    /// The subject of verb chunk `v`.
    fn subject_of(&self, v: usize, depth: usize) -> Option<Range> {
        if depth > 8 {
            return None;
        }
        // An infinitive or a participle ("to lay off", "having increased", "averaging") takes
        // the subject of the verb before it.
        let first = self.p.chunks[v].start;
        let infinitive = self.word(first).eq_ignore_ascii_case("to");
        let nonfinite = infinitive || self.p.pos[first] == "VBG";
        // A present participle set off by a comma after a finite verb's clause is said of that
        // clause's subject: "The storm hit the coast on Friday, killing 12 people".
        if self.p.pos[first] == "VBG" && first > 0 && self.word(first - 1) == "," && !self.break_before(v) {
            let main = (0..v).rev().take_while(|&k| !self.is(k, "SBAR") && (k + 1 == v || !self.break_before(k + 1))).find(|&k| self.is(k, "VP") && matches!(self.p.pos[self.p.chunks[k].start], "VBD" | "VBZ" | "VBP" | "VBN" | "MD"));
            if let Some(main) = main {
                return self.subject_of(main, depth + 1);
            }
        }
        // A past participle right after a noun phrase modifies it ("products priced at $10",
        // "with dairy prices expected to rise 4%").
        // So does a present participle after "with" ("with stockbroker Peel Hunt placing"), and
        // a past one the tagger took for a past tense ("with prices expected to rise").
        let with_before = v >= 2 && self.is(v - 2, "PP") && self.single(v - 2).is_some_and(|w| w == "with");
        let pronoun = |c: usize| self.single(c).is_some_and(|w| PRONOUNS.contains(&w.as_str()));
        // And a present participle of how much something is ("payments ranging from $500").
        const VALUING: &[&str] = &["ranging", "totaling", "totalling", "amounting", "costing", "measuring", "weighing", "numbering", "worth"];
        let valuing = self.p.pos[first] == "VBG" && VALUING.contains(&self.word(first).to_lowercase().as_str());
        if (self.p.pos[first] == "VBN" || valuing || (matches!(self.p.pos[first], "VBG" | "VBD") && with_before)) && self.touch(v) && self.is(v - 1, "NP") && !self.is_figure(self.range(v - 1)) && !pronoun(v - 1) {
            return Some(self.apposed(self.subject_phrase(v - 1, false), v));
        }
        let mut k = v;
        while k > 0 {
            if self.break_before(k) {
                return None;
            }
            k -= 1;
            if self.opens_clause(k) {
                return None;
            }
            match self.label(k) {
                "ADVP" | "PRT" | "ADJP" | "PP" => continue,
                "VP" => {
                    if let Some(head) = self.contact_clause_head(k, v) {
                        return Some(head);
                    }
                    // A gerund opening the clause is its subject: "At the plant, [sampling] in
                    // May came back" (not a participle set off by commas: "Acme, rising 5%,
                    // hit")
                    let (ks, ke) = self.range(k);
                    let opens = k == 0 || self.word(ks - 1) == "," || self.opens_clause(k - 1);
                    let set_off = (ke..self.p.chunks[v].start).any(|i| self.word(i) == ",");
                    let finite = matches!(self.p.pos[first], "VBD" | "VBZ" | "VBP" | "MD");
                    if ke == ks + 1 && self.p.pos[ks] == "VBG" && opens && !set_off && finite && !nonfinite {
                        return Some((ks, ke));
                    }
                    return self.subject_of(k, depth + 1);
                }
                "NP" => {}
                _ => return None,
            }
            let word = self.single(k);
            if let Some(w) = &word {
                if RELATIVES.contains(&w.as_str()) {
                    return self.antecedent(k);
                }
                if w == "there" {
                    return None;
                }
                if PRONOUNS.contains(&w.as_str()) {
                    // "Cayman Airways said it was grounding": the reporter; "Salah's spell
                    // brought a record as he netted 32 goals": the subject of the clause before.
                    // Only a reporter is taken: the pronoun of a reported clause is most often
                    // its subject ("Acme said it cut"), that of any other clause anything at all
                    // ("if growth slows they would need").
                    let resolvable = matches!(w.as_str(), "it" | "they" | "he" | "she");
                    let earlier = if resolvable { (0..k).rev().find(|&j| self.is(j, "VP")) } else { None };
                    let reporting = |vp: usize| REPORTING.contains(&self.word(self.p.chunks[vp].end - 1).to_lowercase().as_str());
                    if earlier.is_some_and(reporting) {
                        return earlier.and_then(|vp| self.subject_of(vp, depth + 1));
                    }
                    // Else "they" stands for the nearest plural noun phrase before it ("sent [the
                    // shares] surging and they were up 5pc"); "it" is too often a clause or
                    // nothing at all ("if patients paid less, it would save $500 million").
                    return if w == "they" { self.antecedent_of_number(k, Some(true)) } else { None };
                }
                // "The debris field stretched 7 miles, but most landed": a quantifier standing
                // for a noun phrase before it
                if QUANTIFIER_PRONOUNS.contains(&w.as_str()) {
                    return self.antecedent_of_number(k, None);
                }
            }
            // (a date a preposition attaches to the noun phrase before it is part of that phrase:
            // "[figures] for [April] decrease")
            let attached_date = self.dated(self.range(k)) && k >= 2 && self.is(k - 1, "PP") && self.touch(k) && self.touch(k - 1) && self.is(k - 2, "NP") && !self.temporal(self.range(k - 2)) && !self.is_figure(self.range(k - 2));
            if self.temporal(self.range(k)) && !attached_date {
                continue;
            }
            let (j, a, b) = self.subject_phrase(k, true);
            // (a time phrase cut off the front of the subject stands between it and any
            // preposition before)
            let trimmed = a > self.p.chunks[j].start;
            if trimmed && b == a + 1 && PRONOUNS.contains(&self.word(a).to_lowercase().as_str()) {
                return None;
            }
            // A prepositional object ("Revenue in [the quarter] rose"): the subject is before
            // it, unless the phrase opens the clause ("However the figure drops").
            if !trimmed && j >= 2 && self.is(j - 1, "PP") && self.touch(j) && !self.opens_clause(j - 1) && (0..j - 1).rev().take_while(|&x| !self.opens_clause(x)).any(|x| self.is(x, "NP")) {
                k = j - 1;
                continue;
            }
            // The object of a preposition is no subject ("At [the plant], sampling came back").
            if !trimmed && j >= 1 && self.is(j - 1, "PP") && self.touch(j) && !self.opens_clause(j - 1) {
                return None;
            }
            // The object of an earlier verb before an infinitive ("announced [plans] to lay
            // off"), unless that verb makes its object act ("cause [sea levels] to rise").
            if nonfinite && j > 0 && self.is(j - 1, "VP") {
                let verb = self.word(self.p.chunks[j - 1].end - 1).to_lowercase();
                // nor a verb of perceiving or sending whose object does what its participle says
                // ("saw [prices] rising 5%", "sent [shares] surging")
                let gerund = !infinitive && self.p.pos[first] == "VBG";
                if gerund && PERCEPTION.contains(&verb.as_str()) {
                    return Some(self.apposed((j, a, b), v));
                }
                if !(infinitive && CAUSATIVE.contains(&verb.as_str())) {
                    return self.subject_of(j - 1, depth + 1);
                }
            }
            // A figure or object before a coordinated verb ("entered the game averaging 15.9
            // degrees and added a 30 degree homer"): the subject of the first verb.
            // (or a comma: "hired nurses to collect [specimens], partnered with a lab")
            let coordinated = (b..self.p.chunks[v].start).any(|i| self.p.pos[i] == "CC" || self.word(i) == ",");
            // (past the bound words of a figure: "killed [at] [least] 12 people and left")
            let before = (0..j).rev().find(|&x| !(self.p.chunks[x].start..self.p.chunks[x].end).all(|i| self.figure[i]));
            if (coordinated || self.is_figure((a, b))) && before.is_some_and(|x| self.is(x, "VP")) {
                return self.subject_of(before.expect("checked"), depth + 1);
            }
            // The object of a participle after a noun ("militants attacking [Palmyra] faced"):
            // the noun the participle modifies is the subject.
            if j >= 2 && self.is(j - 1, "VP") && self.touch(j) && self.touch(j - 1) && self.is(j - 2, "NP") && matches!(self.p.pos[self.p.chunks[j - 1].start], "VBG" | "VBN") && !self.is_figure(self.range(j - 2)) {
                let (pj, pa, _) = self.subject_phrase(j - 2, false);
                return Some(self.apposed((pj, pa, b), v));
            }
            // A figure is nobody's owner ("rose between 5% and 6%, with prices ..."): look on.
            if self.is_figure((a, b)) {
                k = j;
                continue;
            }
            return Some(self.apposed((j, a, b), v));
        }
        None
    }

    /// The noun phrase a pronoun (chunk `k`) stands for: the nearest one before it in the
    /// sentence that is no figure, time or pronoun, with a head noun of the number asked for
    /// (`Some(true)`: plural, `Some(false)`: singular, `None`: either), after a clause break
    /// (a comma or a conjunction) between them.
    fn antecedent_of_number(&self, k: usize, plural: Option<bool>) -> Option<Range> {
        let start = self.p.chunks[k].start;
        for j in (0..k).rev() {
            if !self.is(j, "NP") {
                continue;
            }
            let r = self.range(j);
            let broken = (r.1..start).any(|i| matches!(self.p.pos[i], "CC" | ",") || self.chunk_of[i].is_some_and(|x| self.opens_clause(x)));
            if !broken || self.is_figure(r) || self.temporal(r) || (r.0..r.1).any(|i| self.figure[i]) || self.single(j).is_some_and(|w| PRONOUNS.contains(&w.as_str()) || RELATIVES.contains(&w.as_str())) {
                continue;
            }
            let Some(head) = (r.0..r.1).rev().find(|&i| self.p.pos[i].starts_with("NN")) else { continue };
            let is_plural = matches!(self.p.pos[head], "NNS" | "NNPS");
            if plural.is_none_or(|p| p == is_plural) {
                // (not a noun phrase of a condition: "if sales slip, they will close shops")
                let opener = (0..j).rev().find(|&x| self.opens_clause(x));
                let condition = opener.is_some_and(|x| self.single(x).is_some_and(|w| matches!(w.as_str(), "if" | "unless" | "whether")));
                return (!condition).then_some(r);
            }
        }
        None
    }

    /// A relative clause without a relative pronoun before verb chunk `v` (a contact clause):
    /// "[the bakery chain] it acquired in May is expected to lift" — chunk `k` is its
    /// verb, after a subject pronoun right after a noun phrase; that noun phrase is the subject
    /// of `v`. Both verbs finite.
    fn contact_clause_head(&self, k: usize, v: usize) -> Option<Range> {
        let finite = |c: usize| matches!(self.p.pos[self.p.chunks[c].start], "VBD" | "VBZ" | "VBP" | "MD");
        let subject_pronoun = self.single(k.checked_sub(1)?).is_some_and(|w| matches!(w.as_str(), "it" | "he" | "she" | "they" | "we" | "i" | "you"));
        if k < 2 || !finite(k) || !finite(v) || !subject_pronoun || !self.touch(k) || !self.touch(k - 1) || !self.is(k - 1, "NP") || !self.is(k - 2, "NP") {
            return None;
        }
        let np = self.range(k - 2);
        let coordinated = (self.p.chunks[k].end..self.p.chunks[v].start).any(|i| self.p.pos[i] == "CC" || self.word(i) == ",");
        if coordinated || self.is_figure(np) || self.temporal(np) || !self.has_noun(np) {
            return None;
        }
        let (j, a, b) = self.subject_phrase(k - 2, true);
        Some(self.apposed((j, a, b), v))
    }

    /// The phrase a subject noun phrase (chunk `k`) belongs to: `of` and `for` phrases, a
    /// possessor, a bracketed short form; with `broad`, other prepositional phrases that narrow
    /// it down. Returns its first chunk and token range.
    fn subject_phrase(&self, k: usize, broad: bool) -> (usize, usize, usize) {
        let (mut a, mut b) = self.range(k);
        // A time phrase the chunker ran into the subject is no part of it: "Since [early last
        // season Tom Smith] has won".
        let time_noun = (a..b).rev().find(|&i| TIME_NOUNS.contains(&self.word(i).to_lowercase().as_str()));
        if let Some(t) = time_noun {
            if t + 1 < b && self.temporal((a, t + 1)) && self.has_noun((t + 1, b)) {
                return (k, t + 1, b);
            }
        }
        let mut j = k;
        loop {
            // "[Shares] of [Urban Outfitters]", "[figures] for [April]": one subject
            if j >= 2 && self.touch(j) && self.is(j - 1, "PP") && self.touch(j - 1) && self.is(j - 2, "NP") && self.single(j - 1).is_some_and(|w| w == "of" || w == "for") {
                j -= 2;
            // "[Nordby Savings] in [Norway]": a place named after it narrows the subject (a time
            // does not: "Revenue in the quarter")
            } else if j >= 2 && self.touch(j) && self.is(j - 1, "PP") && self.touch(j - 1) && self.is(j - 2, "NP") && self.single(j - 1).is_some_and(|w| w == "in") && self.proper_name(self.range(j)) && !self.temporal(self.range(j)) && !self.is_figure(self.range(j - 2)) {
                j -= 2;
            // "[Exports] to [China] slumped", "[Revenue] at [the unit] fell", "[demand] for
            // [steel]", "[talks] with [Iran]": a subject's modifiers stay in it, bar a time and
            // an indefinite aside ("Acme in a statement said"), and bar "by", "than", "as",
            // "like", which relate it to something else; not for what a relative pronoun or a
            // participle is about, the nearest noun
            } else if broad && j >= 2 && self.touch(j) && self.is(j - 1, "PP") && self.touch(j - 1) && self.is(j - 2, "NP") && self.single(j - 1).is_some_and(|w| !matches!(w.as_str(), "by" | "than" | "as" | "like")) && !self.relative_time(self.range(j)) && !self.is_figure(self.range(j)) && !self.is_figure(self.range(j - 2)) && !matches!(self.word(self.range(j).0).to_lowercase().as_str(), "a" | "an") && !self.temporal(self.range(j - 2)) {
                j -= 2;
            // "[the exchange rate] between [the dollar] and [the yen]"
            } else if j >= 3 && self.is(j - 1, "NP") && self.p.chunks[j - 1].end + 1 == self.p.chunks[j].start && self.word(self.p.chunks[j].start - 1).eq_ignore_ascii_case("and") && self.is(j - 2, "PP") && self.single(j - 2).is_some_and(|w| w == "between") && self.touch(j - 1) && self.touch(j - 2) && self.is(j - 3, "NP") && !self.temporal(self.range(j - 1)) && !self.is_figure(self.range(j - 1)) {
                j -= 3;
            // "[The iPhone 14] ['s display]", "the length of [the guitar] ['s neck]"
            } else if self.p.pos[self.range(j).0] == "POS" && j > 0 && self.touch(j) && self.is(j - 1, "NP") {
                j -= 1;
            // the same without the apostrophe: "[The presidents] [new rule]"
            } else if j > 0 && self.touch(j) && self.is(j - 1, "NP") && matches!(self.p.pos[self.range(j).0], "JJ" | "JJS" | "JJR" | "RBS" | "NN" | "NNS" | "NNP" | "NNPS") && self.bare_possessive(self.range(j - 1)) {
                j -= 1;
            } else {
                break;
            }
            a = self.range(j).0;
        }
        // "West Texas Intermediate (WTI)"
        if a >= 2 && b < self.p.tokens.len() && self.word(a - 1) == "(" && self.word(b) == ")" {
            if let Some((na, _)) = self.antecedent_np(a - 1) {
                j = self.chunk_of[na].unwrap_or(j);
                a = na;
                b += 1;
            }
        }
        (j, a, b)
    }

    /// The head of an apposition before verb chunk `v`: "[The trust], a major office landlord
    /// in New York, posted" → "The trust".
    fn apposed(&self, (j, a, b): (usize, usize, usize), v: usize) -> Range {
        let verb = self.p.chunks[v].start;
        let commas = a >= 2 && self.word(a - 1) == "," && verb > b && self.word(verb - 1) == ",";
        if commas && j > 0 && self.is(j - 1, "NP") && self.p.chunks[j - 1].end == a - 1 && !self.temporal(self.range(j - 1)) && !self.is_figure(self.range(j - 1)) {
            let (_, pa, pb) = self.subject_phrase(j - 1, true);
            return (pa, pb);
        }
        (a, b)
    }

    /// The noun phrase a relative pronoun (chunk `k`) refers to: the one before it, past a
    /// comma and a bracketed aside ("Ford (F) which has").
    fn antecedent(&self, k: usize) -> Option<Range> {
        let mut end = self.p.chunks[k].start;
        while end > 0 && matches!(self.word(end - 1), "," | ")") {
            if self.word(end - 1) == ")" {
                let open = (0..end - 1).rev().find(|&i| self.word(i) == "(")?;
                let (a, _) = self.antecedent_np(open)?;
                return Some((a, end));
            }
            end -= 1;
        }
        // "the fees of the underlying funds, which": the whole phrase
        let (a, _) = self.antecedent_np(end)?;
        let (_, a, b) = self.subject_phrase(self.chunk_of[a]?, false);
        Some((a, b))
    }

    /// The noun phrase chunk ending at token `end`.
    fn antecedent_np(&self, end: usize) -> Option<Range> {
        let c = self.chunk_of.get(end.checked_sub(1)?).copied().flatten()?;
        (self.is(c, "NP") && self.p.chunks[c].end == end).then(|| self.range(c))
    }
}

#[cfg(test)]
mod tests {
    use crate::quantities::find_quantities;
    use crate::Span;

    /// Each quantity's text with its `counted` and `whose` phrases.
    fn concepts(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        find_quantities(text).into_iter().map(|q| (q.span.of(text).to_string(), q.counted.map(|c| c.0), q.whose.map(|w| w.0))).collect()
    }

    fn one(text: &str) -> (Option<String>, Option<String>) {
        let v = concepts(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        (v[0].1.clone(), v[0].2.clone())
    }

    #[test]
    fn a_measure_modifies_a_noun_phrase() {
        assert_eq!(one("Chile already had a 25% levy on imported cars."), (Some("levy on imported cars".into()), Some("Chile".into())));
        assert_eq!(one("The lamp is sold with a 9 W bulb."), (Some("bulb".into()), Some("lamp".into())));
    }

    #[test]
    fn a_measure_is_the_value_of_a_noun_phrase() {
        assert_eq!(one("The storm brought gusts of 150 mph on Tuesday.").0.as_deref(), Some("gusts"));
        assert_eq!(one("The category 4 hurricane had maximum sustained winds of 155mph early Wednesday.").0.as_deref(), Some("maximum sustained winds"));
        assert_eq!(one("The bakery hopes to grow sales by 12 per cent this year.").0.as_deref(), Some("sales"));
    }

    #[test]
    fn whose_figure_is_the_subject() {
        assert_eq!(one("Turnover in the quarter rose to $7.3 billion.").1.as_deref(), Some("Turnover"));
        assert_eq!(one("Acme Corp, which has 1300 workers in Wales, said nothing.").1.as_deref(), Some("Acme Corp"));
        assert_eq!(one("Globex on Monday announced plans to lay off more than 2,500 employees.").1.as_deref(), Some("Globex"));
        assert_eq!(one("Blue Air said it was grounding two new jets.").1.as_deref(), Some("Blue Air"));
        assert_eq!(one("Prices of fresh apples rose 4% in May.").1.as_deref(), Some("Prices of fresh apples"));
    }

    #[test]
    fn no_subject_when_the_figure_is_it_or_a_pronoun() {
        assert_eq!(one("About 70% voted against the plan.").1, None);
        assert_eq!(one("He has scored 14 goals this season.").1, None);
        assert_eq!(one("There are four bridges over the river.").1, None);
    }

    #[test]
    fn a_duration_in_a_time_adverbial_measures_nothing_after_it() {
        assert_eq!(one("Over the past three days gunmen attacked the convoy twice.").0, None);
        assert_eq!(one("The rebels began a four-day offensive.").0.as_deref(), Some("offensive"));
    }

    #[test]
    fn victims_of_a_count_are_nobodys() {
        // the verb's victims are not the subject's: nor are those of an event noun
        assert_eq!(one("Drones from the northern brigade destroyed 12 trucks near Varn.").1, None);
        assert_eq!(one("The militia fired on the camp, killing at least 40 guards.").1, None);
        assert_eq!(one("The council approved the release of 200 detainees.").1, None);
        assert_eq!(one("The envoy would never permit 300 prisoners to walk free.").1, None);
        // whereas a force's own men are its, and so are the directions it attacks from
        assert_eq!(one("The brigade mustered nearly 3,000 fighters.").1.as_deref(), Some("brigade"));
        assert_eq!(one("The rebels attacked the port from two directions.").1.as_deref(), Some("rebels"));
    }

    #[test]
    fn no_owner_in_an_aim_a_quantifier_or_after_when() {
        assert_eq!(one("The scheme was to let up to 500 families return home.").1, None);
        assert_eq!(one("Whether the total reaches 4,000 seats is unclear.").1, None);
        assert_eq!(one("The town was calm, when hundreds of riders rode in.").1, None);
    }

    #[test]
    fn a_ratio_belongs_to_who_holds_the_edge() {
        let q = find_quantities("They were routed by a column which outnumbered them four to one.");
        assert_eq!(q[0].whose.as_ref().map(|w| w.0.as_str()), Some("column"));
    }

    #[test]
    fn a_count_of_a_phrase_and_a_possessor() {
        assert_eq!(one("A new survey of nine African countries found the same.").1.as_deref(), Some("new survey"));
        assert_eq!(one("The tablet’s 8-inch screen is bright.").1.as_deref(), Some("tablet"));
    }

    #[test]
    fn a_complex_preposition_a_valuing_participle_and_a_nested_for_phrase() {
        // "in addition to" is no head noun: what follows the figure is what it is
        let v = concepts("The bill includes $600 billion in tax credits, in addition to $80 billion in grants.");
        assert_eq!(v[1].1.as_deref(), Some("grants"));
        // a participle of how much something is modifies the noun before it
        assert_eq!(one("The board approved payments ranging from $500 to $900 per student.").1.as_deref(), Some("payments"));
        // a "for" phrase before the head is no part of what the figure measures
        assert_eq!(one("The law lets patients sue for damages of up to $50,000.").0.as_deref(), Some("damages"));
        // ("in" and "of" phrases still are: the phrase the head is in)
        assert_eq!(one("They measured stress hormones in the blood of 40 pilots.").1.as_deref(), Some("stress hormones in the blood"));
    }

    #[test]
    fn a_name_the_tagger_read_as_a_verb_is_a_subject() {
        assert_eq!(one("canada already had a 13% levy on imported steel.").1.as_deref(), Some("canada"));
    }

    #[test]
    fn a_participle_after_a_comma_is_said_of_the_main_subject() {
        assert_eq!(one("The firm opened a plant in Ohio on Sunday, adding at least 500 jobs.").1.as_deref(), Some("firm"));
        // (but a verb of harm's victims are nobody's: see victims_of_a_count_are_nobodys)
        assert_eq!(one("The storm made landfall as a Category 3 hurricane in Florida on Sunday, killing at least 12 people.").1, None);
    }

    #[test]
    fn another_figure_is_no_object_and_a_dash_ends_a_phrase() {
        let v = concepts("Hourly pay rose 0.4% on the month and 4% annually.");
        assert_eq!((v[1].1.as_deref(), v[1].2.as_deref()), (None, Some("Hourly pay")));
        assert_eq!(one("The index peaked at 64% in 2019—analysts say.").0, None);
    }

    #[test]
    fn a_possessor_printed_without_its_apostrophe() {
        assert_eq!(one("Critics attacked Smiths $4 billion housing plan.").1.as_deref(), Some("Smiths"));
        assert_eq!(one("Investors cheered the firms $900 million buyback.").1.as_deref(), Some("firms"));
        assert_eq!(one("The mayors new budget will cost about $12 million.").1.as_deref(), Some("mayors new budget"));
        // a percentage's phrase keeps such a possessor, and ends before a verb of opinion
        assert_eq!(one("The plant makes 30% of the East Coasts jet fuel.").0.as_deref(), Some("East Coasts jet fuel"));
        assert_eq!(one("Only 41% of Canadians support the plan.").0.as_deref(), Some("Canadians"));
    }

    #[test]
    fn a_scope_after_a_conversion_in_brackets() {
        let v = concepts("Savers with more than 2 million euros (US $2.2 million) in bank accounts pay the fee.");
        assert_eq!(v[0].1.as_deref(), Some("bank accounts"));
        // a short form in brackets is no conversion: what follows is no scope
        assert_eq!(one("The alloy reached 90 gigapascals (GPa) on a standard test.").0, None);
    }

    #[test]
    fn sentences_split_before_give_the_same_concepts() {
        let text = "Officials said 300 soldiers left. Turnover in the quarter rose to $7.3 billion, the firm said.\n\nA new survey of nine African countries found the same.";
        let sentences = crate::sentences::split(text);
        assert_eq!(crate::quantities::find_quantities_in(text, &sentences), find_quantities(text));
        assert_eq!(find_quantities(text)[1].whose.as_ref().map(|w| w.0.as_str()), Some("Turnover"));
    }

    fn all(text: &str) -> Vec<(Option<String>, Option<String>)> {
        concepts(text).into_iter().map(|(_, c, w)| (c, w)).collect()
    }

    #[test]
    fn a_pronoun_stands_for_a_reporter_only() {
        assert_eq!(one("If sales slip, they will close nine shops.").1, None);
        assert_eq!(one("This year weve added 12 stores.").1, None);
    }

    #[test]
    fn a_dash_ends_the_clause() {
        assert_eq!(one("The shop opened in the old town - 50 miles away.").1, None);
    }

    #[test]
    fn after_without_a_verb_is_a_preposition() {
        assert_eq!(one("The rover reached Mars after a 7-month trip.").1.as_deref(), Some("rover"));
    }

    #[test]
    fn the_object_a_verb_changes_is_measured_but_no_other_object() {
        assert_eq!(one("Acme pushed the index 0.5 percent higher."), (Some("index".into()), None));
        assert_eq!(one("The repair will cost drivers about $900.").0, None);
    }

    #[test]
    fn a_clause_without_its_verb_has_its_own_owner() {
        assert_eq!(all("Shares of Acme fell 2%, Globex by 3%.")[1].1.as_deref(), Some("Globex"));
        assert_eq!(all("Bread prices rose 5%, with milk prices expected to climb 3%.")[1].1.as_deref(), Some("milk prices"));
        assert_eq!(one("Stocks rose, with the Dow up 0.5%.").1.as_deref(), Some("Dow"));
        assert_eq!(one("Apple, up 2%, led the gains.").1.as_deref(), Some("Apple"));
    }

    #[test]
    fn a_prepositional_object_is_no_subject() {
        // (nor "plant": the gerund opening the clause is its subject)
        assert_eq!(one("At the plant, sampling in May came back at 4 ppb.").1.as_deref(), Some("sampling"));
    }

    #[test]
    fn a_relative_clause_without_a_pronoun_is_skipped() {
        assert_eq!(one("The bakery chain it acquired in May is expected to lift profits by 8 per cent."), (Some("profits".into()), Some("bakery chain".into())));
    }

    #[test]
    fn a_time_phrase_is_cut_off_the_subject_and_a_place_kept() {
        assert_eq!(one("Since early last season Tom Smith has won 12 races.").1.as_deref(), Some("Tom Smith"));
        assert_eq!(one("Nordby Savings in Norway will raise its fee by 2 percent.").1.as_deref(), Some("Nordby Savings in Norway"));
    }

    #[test]
    fn a_measure_stated_for_something() {
        // (a time is no scope; "from 12 tonnes in 2009 to 15 tonnes" is one range)
        assert_eq!(one("Output reached 12 tonnes in 2009.").0, None);
        assert_eq!(one("Mileage was 30 mpg for light commercial vehicles, or LCVs.").0.as_deref(), Some("light commercial vehicles, or LCVs"));
        assert_eq!(one("The town set aside $900 for road repairs.").0.as_deref(), Some("road repairs"));
        assert_eq!(one("Acme won a contract worth $5 billion.").0.as_deref(), Some("contract"));
    }

    #[test]
    fn a_measure_in_apposition_or_cut_off_its_noun() {
        assert_eq!(one("The van has a much bigger tank, 80 litres, than its rival.").0.as_deref(), Some("bigger tank"));
        assert_eq!(one("Lenders offered 90 per cent interest-only loans.").0.as_deref(), Some("interest-only loans"));
    }

    #[test]
    fn a_perceived_object_does_what_its_participle_says() {
        assert_eq!(one("Traders saw the euro falling to $1.02 on Monday.").1.as_deref(), Some("euro"));
    }

    #[test]
    fn a_between_phrase_stays_in_the_subject() {
        assert_eq!(one("The gap between the north and the south grew 5% last year.").1.as_deref(), Some("gap between the north and the south"));
    }

    #[test]
    fn a_coordinated_verb_after_a_bounded_count_has_the_first_subject() {
        assert_eq!(all("The flood drowned at least 9 sheep and cut off 300 farms.")[1].1.as_deref(), Some("flood"));
    }

    #[test]
    fn a_subjects_modifiers_stay_in_it() {
        assert_eq!(one("Exports to Chile fell 15% in June.").1.as_deref(), Some("Exports to Chile"));
        assert_eq!(one("Exports to Chile, its biggest market, fell 15% in June.").1.as_deref(), Some("Exports to Chile"));
        assert_eq!(one("Sales in the quarter rose 5%.").1.as_deref(), Some("Sales"));
    }

    #[test]
    fn a_gerund_after_an_opening_quote() {
        // The walk back from a verb can reach a gerund in the first chunk, which starts after
        // the quote (once an index out of bounds).
        for g in ["Going", "Walking", "Getting", "Moving", "Driving", "Climbing", "Running"] {
            for place in ["upstairs to bed", "home from work", "across town", "up the hill", "to the station"] {
                let t = format!("\"{g} {place} was a 30 minute activity, as I could only manage a little at a time,\" Smith added.");
                assert_eq!(concepts(&t).len(), 1, "{t}");
            }
        }
    }

    #[test]
    fn a_measure_taken_from_a_place_measures_it() {
        assert_eq!(one("Jones hit 47.6% from the field.").0.as_deref(), Some("field"));
        // a number word glued into a compound adjective stays in the phrase
        assert_eq!(all("Jones hit 32.3% from three-point range.")[0].0.as_deref(), Some("three-point range"));
        assert_eq!(one("Lead levels reached 9 ppb in tap water.").0.as_deref(), Some("tap water"));
        // a time is no place
        assert_eq!(one("Lead levels reached 9 ppb in May.").0, None);
    }

    #[test]
    fn a_figure_without_a_verb_of_its_own_measures_what_the_last_one_did() {
        let v = all("The upgrade lifts the driving range by 40 miles, from 250 miles to 290 miles.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0.as_deref(), Some("driving range"));
        assert_eq!(v[1].0.as_deref(), Some("driving range"));
        // not across a verb, nor to another unit
        let v = all("The upgrade lifts the driving range by 40 miles and costs $900.");
        assert_eq!(v[1].0, None, "{v:?}");
    }

    #[test]
    fn a_subject_keeps_what_its_preposition_narrows_it_to() {
        assert_eq!(one("Traffic across the bridge fell 5% last year.").1.as_deref(), Some("Traffic across the bridge"));
        assert_eq!(one("Debt under the plan grew 3%.").1.as_deref(), Some("Debt under the plan"));
    }

    #[test]
    fn a_change_verb_tagged_as_a_noun_is_split_off() {
        use crate::syntax::{Chunk, Parsed};
        let text = "the figure drops to 87 mph";
        let tokens: Vec<Span> = [(0, 3), (4, 10), (11, 16), (17, 19), (20, 22), (23, 26)].iter().map(|&(a, b)| Span::new(text, a, b).unwrap()).collect();
        let chunk = |start, end, label| Chunk { start, end, label };
        let mut p = Parsed { tokens, pos: vec!["DT", "NN", "NNS", "TO", "CD", "NN"], chunks: vec![chunk(0, 3, "NP"), chunk(3, 4, "PP"), chunk(4, 6, "NP")] };
        super::split_change_verbs(text, &mut p);
        assert_eq!(p.chunks, [chunk(0, 2, "NP"), chunk(2, 3, "VP"), chunk(3, 4, "PP"), chunk(4, 6, "NP")]);
        assert_eq!(p.pos[2], "VBZ");
        // a noun before "of" stays one ("price drops of 5%"), as does a bare "drop"
        for t in ["the price drops of 5 mph", "the price drop to 87 mph"] {
            let mut at = 0;
            let tokens = t.split(' ').map(|w| { let sp = Span::new(t, at, at + w.len()).unwrap(); at += w.len() + 1; sp }).collect();
            let mut q = Parsed { tokens, pos: vec!["DT", "NN", "NNS", "IN", "CD", "NN"], chunks: vec![chunk(0, 3, "NP"), chunk(3, 4, "PP"), chunk(4, 6, "NP")] };
            super::split_change_verbs(t, &mut q);
            assert_eq!(q.chunks.len(), 3, "{t}");
        }
    }

    #[test]
    fn a_date_stays_in_the_subject_a_relative_time_does_not() {
        assert_eq!(one("Sales in 2018 rose 5%.").1.as_deref(), Some("Sales in 2018"));
        assert_eq!(one("The data showed export figures for April decrease to $3bn.").1.as_deref(), Some("export figures for April"));
        assert_eq!(one("Sales in the last year rose 5%.").1.as_deref(), Some("Sales"));
    }

    #[test]
    fn a_figure_after_of_is_no_measured_phrase() {
        let v = all("Smith has raised 280 million of the 1.5 billion shekels.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0, None, "{v:?}");
    }

    #[test]
    fn a_conversion_in_brackets_measures_the_same() {
        let v = all("The law threatens to deal a huge blow to the 9 billion shekels ($2.4 billion) tobacco industry.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0], v[1]);
        assert_eq!(v[0].0.as_deref(), Some("huge blow"), "{v:?}");
    }

    #[test]
    fn a_figure_in_the_standard_of_a_comparison_is_the_standards() {
        let v = all("The bank posted a loss of 63 cents per share, slightly wider than the loss of 61 cents per share that analysts expected.");
        assert_eq!(v[1].1.as_deref(), Some("loss"), "{v:?}");
        let v = all("The Acme Rover has a much bigger tank, 80 litres, than the Globex Trek with 50 litres.");
        assert_eq!(v[1], (Some("bigger tank".into()), Some("Globex Trek".into())), "{v:?}");
    }

    #[test]
    fn they_and_a_quantifier_stand_for_a_noun_phrase_before() {
        assert_eq!(one("The news sent the shares surging and they were up 5pc by noon.").1.as_deref(), Some("shares"));
        let v = all("The wreckage stretched for some seven miles, but most landed in water just 47 feet deep.");
        assert_eq!(v[1].1.as_deref(), Some("wreckage"), "{v:?}");
        // no plural before: nobody's
        assert_eq!(one("If growth slows they would need to add ten users.").1, None);
    }

    #[test]
    fn a_verb_changing_an_object_by_a_figure_gives_its_trend() {
        use crate::quantities::Trend;
        let t = |text: &str| find_quantities(text).iter().map(|q| q.trend).collect::<Vec<_>>();
        assert_eq!(t("The chain hopes to grow sales by 35 per cent this year."), [Some(Trend::Up)]);
        assert_eq!(t("The board will cut the budget by 2%."), [Some(Trend::Down)]);
        assert_eq!(t("The board will review the budget by 2%."), [None]);
        // a clause without its verb changes as the one before it
        assert_eq!(t("Shares of Acme were down 2.3%, Globex by 2.6%."), [Some(Trend::Down), Some(Trend::Down)]);
    }

    #[test]
    fn verbs_listed_with_commas_share_the_first_subject() {
        let v = all("The company had bought new vans, hired drivers to collect parcels, partnered with a depot, and signed a deal to deliver 300 parcels.");
        assert_eq!(v.last().and_then(|x| x.1.as_deref()), Some("company"), "{v:?}");
    }

    #[test]
    fn a_standard_below_or_above_has_the_figure_and_a_scale_is_no_scope() {
        let v = all("In Flint, sampling came back at 4 ppb, below the state limit of 15 ppb.");
        assert_eq!(v[1], (Some("state limit".into()), Some("state limit".into())), "{v:?}");
        let v = all("Diamonds typically score between 50 and 70 on the GPa scale.");
        assert_eq!(v[0].0, None, "{v:?}");
    }

    #[test]
    fn a_past_tense_taken_for_an_adjective_is_a_verb() {
        use crate::syntax::{Chunk, Parsed};
        let text = "petrol averaged roughly $2";
        let tokens: Vec<Span> = [(0, 6), (7, 15), (16, 23), (24, 25), (25, 26)].iter().map(|&(a, b)| Span::new(text, a, b).unwrap()).collect();
        let chunk = |start, end, label| Chunk { start, end, label };
        let mut p = Parsed { tokens, pos: vec!["NN", "JJ", "RB", "$", "CD"], chunks: vec![chunk(0, 1, "NP"), chunk(1, 2, "NP"), chunk(2, 3, "ADVP"), chunk(3, 5, "NP")] };
        super::verbs_taken_for_adjectives(text, &mut p);
        assert_eq!((p.chunks[1].label, p.pos[1]), ("VP", "VBD"));
    }

    #[test]
    fn a_quantifier_is_nobodys_owner() {
        assert_eq!(one("The kit comes with a total of six spare batteries.").1, None);
    }

    #[test]
    fn the_militants_attacking_palmyra_are_still_counted() {
        let text = "More than 5,000 IS militants attacking Palmyra faced 14 tanks in the old city.";
        let q = find_quantities(text);
        assert_eq!(q[0].counted.as_ref().unwrap().0, "IS militants attacking Palmyra");
        // The tanks are not Palmyra's (the participle's object is not the subject), and the
        // figure is no part of whose they are.
        assert_eq!(q[1].whose.as_ref().map(|w| w.0.as_str()), Some("IS militants attacking Palmyra"));
    }
}
