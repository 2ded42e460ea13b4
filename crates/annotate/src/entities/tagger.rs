//! Entity mentions in a document's clean text: tokens per sentence, the shipped model's tags,
//! then titles split off people's names, types refined by the gazetteers, and demonym
//! adjectives set apart (they are not mentions; they say which country a phrase is about).

use super::model::Model;
use super::{lexicon, tokens, EntityType, Mention};
use crate::{gazetteer, Span};
use std::sync::OnceLock;

/// The model shipped with the binary (trained by `corroborate train ner`; see
/// `crates/annotate/resources/README.md`).
const BUILTIN: &[u8] = include_bytes!("../../resources/ner.model.gz");

/// The domain the shipped model tags documents as: "" is its shared weights only, which
/// generalise best to news it was not trained on (see `crates/annotate/resources/README.md`).
pub const DOMAIN: &str = "";

/// The shipped model, read once.
pub fn builtin() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(BUILTIN).expect("the shipped NER model is valid (checked by a test)"))
}

/// A demonym adjective ("Russian") and the country it names, with the phrase it modifies.
#[derive(Clone, Debug, PartialEq)]
pub struct Demonym {
    pub span: Span,
    /// ISO 3166 alpha-2.
    pub country: &'static str,
    /// The words it modifies ("military" in "the Russian military"), when a noun follows.
    pub modifies: Option<Span>,
}

/// Words that make up a title before a name ("Maj. Gen.", "Foreign Minister",
/// "Chief of the General Staff").
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "gen.", "general", "maj.", "major", "lt.", "lieutenant", "col.", "colonel", "capt.", "captain",
    "sgt.", "sergeant", "adm.", "admiral", "brig.", "brigadier", "cmdr.", "commander", "gov.",
    "governor", "sen.", "senator", "rep.", "representative", "president", "vice", "prime",
    "minister", "foreign", "defense", "defence", "interior", "deputy", "secretary", "chief",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "mayor", "king", "queen",
    "prince", "princess", "sheikh", "ayatollah", "imam", "pope", "dr.", "mr.", "mrs.", "ms.",
    "prof.", "professor", "chairman", "chairwoman", "director", "head", "lieutenant-general",
    "major-general", "colonel-general", "general-lieutenant", "general-major", "staff", "army",
    "emir", "caliph", "field", "marshal", "officer", "premier", "chancellor", "justice", "judge",
    "archbishop", "bishop", "cardinal", "rev.", "father", "sir", "lord", "lady", "state",
];

/// Titles that only ever precede a person's name.
#[rustfmt::skip]
const STRONG_TITLES: &[&str] = &[
    "gen.", "general", "maj.", "lt.", "col.", "colonel", "capt.", "captain", "sgt.", "adm.",
    "admiral", "brig.", "brigadier", "gov.", "sen.", "rep.", "president", "minister", "secretary",
    "ambassador", "mayor", "king", "queen", "prince", "sheikh", "ayatollah", "dr.", "mr.", "mrs.",
    "ms.", "prof.", "spokesman", "spokeswoman", "lieutenant-general", "major-general",
    "colonel-general", "general-lieutenant", "general-major", "chancellor", "premier", "cmdr.",
    "commander",
];

/// Joining words allowed inside a title when another title word follows ("Chief of the General
/// Staff").
const TITLE_JOINERS: &[&str] = &["of", "the", "for"];

fn is_title_word(word: &str) -> bool {
    TITLE_WORDS.contains(&word.to_lowercase().as_str())
}

/// Finds the entity mentions of `text`, given its sentence spans.
pub fn recognize(text: &str, sentences: &[Span]) -> (Vec<Mention>, Vec<Demonym>) {
    recognize_with(builtin(), text, sentences)
}

/// [`recognize`] with a given model.
pub fn recognize_with(model: &Model, text: &str, sentences: &[Span]) -> (Vec<Mention>, Vec<Demonym>) {
    let token_spans: Vec<Vec<Span>> = sentences.iter().map(|&s| tokens::tokenize(text, s)).collect();
    let words: Vec<Vec<&str>> = token_spans.iter().map(|s| s.iter().map(|t| t.of(text)).collect()).collect();
    let flags: Vec<Vec<u16>> = words.iter().map(|w| lexicon::flags(w)).collect();
    let mut tagged = model.tag(model.domain(DOMAIN), &words, &flags);
    drop_common_openers(&words, &flags, &mut tagged);
    let mut mentions = Vec::new();
    let mut demonyms = Vec::new();
    for ((spans, words), found) in token_spans.iter().zip(&words).zip(tagged) {
        let mut covered = vec![false; words.len()];
        for r in typed_ranges(model, text, spans, words, found) {
            covered[r.start..r.end].iter_mut().for_each(|c| *c = true);
            let span = Span::new(text, spans[r.start].start(), spans[r.end - 1].end()).expect("token spans are on char boundaries");
            if let Some(country) = r.demonym {
                demonyms.push(Demonym { span, country, modifies: modified_phrase(text, spans, words, r.end) });
                continue;
            }
            let title = if r.ty == EntityType::Person { title_before(text, spans, words, r.start, r.title_start) } else { None };
            mentions.push(Mention { span, ty: r.ty, title });
        }
        for (i, word) in words.iter().enumerate() {
            if !covered[i] && is_arabic_article_name(word) {
                let span = spans[i];
                let after_preposition = i > 0 && LOCATIVE.contains(&words[i - 1].to_lowercase().as_str());
                let ty = if !gazetteer::places(word).is_empty() {
                    EntityType::Gpe
                } else if gazetteer::armed_group(word).is_some() {
                    EntityType::ArmedGroup
                } else if after_preposition {
                    EntityType::Loc
                } else {
                    continue;
                };
                mentions.push(Mention { span, ty, title: None });
            }
        }
    }
    add_acronyms(text, &token_spans, &mut mentions);
    mentions.sort_by_key(|m| m.span);
    (mentions, demonyms)
}

/// Drops, from each sentence's tagged ranges, a one-word name that opens its sentence but is a
/// common noun there ("Fighters of the Islamic State entered…"): a capitalised word, followed
/// by a lower-case word, that the gazetteers do not know, that the document never writes
/// capitalised inside a sentence, and that the part-of-speech tagger reads as `NN`/`NNS` in
/// its sentence (or its dictionary knows so in lower case). A capital at a sentence's start
/// says nothing, so the model's guess there rests on context alone, and such guesses are
/// often wrong.
pub(crate) fn drop_common_openers(words: &[Vec<&str>], flags: &[Vec<u16>], tagged: &mut [Vec<(usize, usize, usize)>]) {
    let opens = |ws: &[&str], i: usize| ws[..i].iter().all(|w| !w.chars().any(char::is_alphanumeric));
    // Per sentence, the first token of a one-word range that may be such an opener.
    let suspects: Vec<Option<usize>> = words
        .iter()
        .zip(flags)
        .zip(tagged.iter())
        .map(|((ws, fs), found)| {
            found.iter().find_map(|&(a, b, _)| {
                let w = ws[a];
                let capitalised = w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).all(char::is_lowercase);
                let lower_after = ws.get(a + 1).is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase));
                (b == a + 1 && opens(ws, a) && fs[a] == 0 && capitalised && lower_after).then_some(a)
            })
        })
        .collect();
    if suspects.iter().all(Option::is_none) {
        return;
    }
    let mut inside: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for ws in words {
        for (i, w) in ws.iter().enumerate() {
            if !opens(ws, i) && w.chars().next().is_some_and(char::is_uppercase) {
                inside.insert(w);
            }
        }
    }
    let syntax = crate::syntax::builtin();
    for ((ws, found), a) in words.iter().zip(tagged.iter_mut()).zip(suspects) {
        let Some(a) = a.filter(|&a| !inside.contains(ws[a])) else { continue };
        // A name opening a sentence is followed by anything ("Hajduk 2", "Reuters said"); a
        // common noun there, by a lower-case word ("Fighters of", "Surgeons removed"). The
        // tagger reads the word in its sentence: "Fighters/NNS of", "Reuters/NNP said".
        // Adjectives are left alone: an unknown one is often a people's ("English county").
        let pos = syntax.analyze(ws).pos[a] as usize;
        let noun = |t: &str| matches!(t, "NN" | "NNS");
        if noun(&syntax.pos_labels()[pos]) || syntax.dictionary_tag(&ws[a].to_lowercase()).is_some_and(noun) {
            found.retain(|&(s, b, _)| (s, b) != (a, a + 1));
        }
    }
}

/// A tagged token range as the product reads it: mended by the gazetteers, trimmed to the
/// name, typed (or found a demonym).
pub(crate) struct Typed {
    pub start: usize,
    pub end: usize,
    pub ty: EntityType,
    /// Where a title before a person's name starts, when the model included it.
    pub title_start: Option<usize>,
    /// A one-word `MISC` range that is a demonym: its country (ISO alpha-2).
    pub demonym: Option<&'static str>,
}

/// The model's ranges of one sentence (`words` at `spans` of `text`) as mentions: gazetteer
/// names mended ([`known_names`]), each range trimmed ([`trim_name`]) and typed by the
/// gazetteers ([`gazetteer::classify`]).
pub(crate) fn typed_ranges(model: &Model, text: &str, spans: &[Span], words: &[&str], found: Vec<(usize, usize, usize)>) -> Vec<Typed> {
    let misc = model.labels().iter().position(|l| l == "MISC");
    let org = model.labels().iter().position(|l| l == "ORG");
    let mut found = known_names(text, spans, words, found, misc, org);
    if let Some(org) = org {
        add_known_groups(text, spans, words, &mut found, org, misc);
    }
    let mut out = Vec::with_capacity(found.len());
    for (a, b, label) in found {
        let label = model.labels()[label].as_str();
        let Some((a, b, title_start, person)) = trim_name(words, a, b, label == "PER") else { continue };
        let name = &text[spans[a].start()..spans[b - 1].end()];
        if label == "MISC" && b == a + 1 {
            if let Some(country) = gazetteer::demonym(name) {
                out.push(Typed { start: a, end: b, ty: EntityType::Misc, title_start: None, demonym: Some(country.iso2) });
                continue;
            }
        }
        let tagged_type = match label {
            _ if person => EntityType::Person,
            "ORG" => EntityType::Org,
            "LOC" => EntityType::Loc,
            _ => EntityType::Misc,
        };
        let mut ty = gazetteer::classify(name, tagged_type);
        if ty == EntityType::Person {
            // A known armed group or outlet the model took for a person.
            let as_org = gazetteer::classify(name, EntityType::Org);
            if matches!(as_org, EntityType::ArmedGroup | EntityType::Media) {
                ty = as_org;
            }
        }
        out.push(Typed { start: a, end: b, ty, title_start, demonym: None });
    }
    out
}

/// Armed groups the model missed ("the U.S.-backed, 30,000-strong Syrian Democratic Forces"):
/// a run of two to six capitalised words that is whole an armed group's name in the UCDP list,
/// and that no tagged range touches but a `MISC` one ending in the demonym the name begins with
/// ("[30,000-strong Syrian] Democratic Forces"), is added as an `ORG` range (typed by the
/// gazetteer later) in place of that `MISC` one. A known name inside
/// a longer capitalised run is left alone ("Syrian Democratic Forces Command" is some other
/// body).
fn add_known_groups(text: &str, spans: &[Span], words: &[&str], found: &mut Vec<(usize, usize, usize)>, org: usize, misc: Option<usize>) {
    let capital = |i: usize| starts_upper(words[i]) && words[i].chars().any(char::is_alphabetic);
    // (a MISC range that reaches into a run from `i` by its demonym only: "[30,000-strong
    // Syrian] Democratic Forces")
    let demonym = |(a, b, label): (usize, usize, usize), i: usize| b == i + 1 && a <= i && Some(label) == misc && gazetteer::demonym(words[i]).is_some();
    let mut added = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut end = i;
        while end < words.len() && capital(end) {
            end += 1;
        }
        if (2..=6).contains(&(end - i)) {
            let free = found.iter().filter(|r| r.0 < end && i < r.1).all(|&r| demonym(r, i));
            if free && gazetteer::armed_group(&text[spans[i].start()..spans[end - 1].end()]).is_some() {
                added.push((i, end, org));
            }
        }
        i = end.max(i + 1);
    }
    if added.is_empty() {
        return;
    }
    // (only the demonym ranges a name replaces touch it)
    found.retain(|r| !added.iter().any(|x| r.0 < x.1 && x.0 < r.1));
    found.extend(added);
    found.sort_unstable();
}

/// Words that may join two tagged names into one known name ("Islamic State of Iraq" "and
/// the" "Levant").
const NAME_JOINERS: &[&str] = &["of", "and", "the", "for", "in"];

/// Whether a name is in the alias or armed-group lists.
fn is_known_name(name: &str) -> bool {
    gazetteer::alias(&gazetteer::normalize(name)).is_some() || gazetteer::armed_group(name).is_some()
}

/// The tagged token ranges of one sentence, mended by the names the gazetteers know: two
/// ranges with only joining words between them ([`NAME_JOINERS`]) become one when the whole is
/// a known name ("Islamic State of Iraq and the Levant"), and a range other than an `ORG` one
/// (whose own name may hold its country) that is not known but ends in a known name after
/// demonyms or capitalised compounds ("Iraqi Shiite-majority Hashd Al Shaabi", "Lebanese
/// Hezbollah"; the model may call the whole a person) is cut to that name, each demonym left
/// as a one-word `MISC` range (a demonym, later, that modifies the name).
fn known_names(text: &str, spans: &[Span], words: &[&str], found: Vec<(usize, usize, usize)>, misc: Option<usize>, org: Option<usize>) -> Vec<(usize, usize, usize)> {
    // A range's words up to its last capitalised one (trim_name drops the lower-case words
    // after a name later: "Hashd Al Shaabi paramilitaries").
    let name = |a: usize, mut b: usize| {
        while b > a + 1 && !starts_upper(words[b - 1]) {
            b -= 1;
        }
        &text[spans[a].start()..spans[b - 1].end()]
    };
    let mut joined: Vec<(usize, usize, usize)> = Vec::with_capacity(found.len());
    for (a, b, label) in found {
        if let Some(last) = joined.last_mut() {
            let gap = &words[last.1..a];
            if (1..=2).contains(&gap.len()) && gap.iter().all(|w| NAME_JOINERS.contains(w)) && is_known_name(name(last.0, b)) {
                last.1 = b;
                continue;
            }
        }
        joined.push((a, b, label));
    }
    let mut out = Vec::with_capacity(joined.len());
    for (a, b, label) in joined {
        // The words before token `k` (split at spaces, as "Shiite-majority" is several tokens)
        // are all demonyms or capitalised compounds.
        let modifiers = |k: usize| {
            text[spans[a].start()..spans[k].start()].ends_with(' ')
                && text[spans[a].start()..spans[k].start()]
                    .split_whitespace()
                    .all(|w| gazetteer::demonym(w).is_some() || (w.contains('-') && w.starts_with(char::is_uppercase)))
        };
        let cut = (Some(label) != org && !is_known_name(name(a, b)))
            .then(|| (a + 1..b.saturating_sub(1)).find(|&k| modifiers(k) && is_known_name(name(k, b))))
            .flatten();
        match cut {
            Some(k) => {
                if let Some(misc) = misc {
                    out.extend((a..k).filter(|&i| gazetteer::demonym(words[i]).is_some()).map(|i| (i, i + 1, misc)));
                }
                out.push((k, b, label));
            }
            None => out.push((a, b, label)),
        }
    }
    out
}

/// Acronyms the model missed ("IS" is also an English word to it): a capitalised acronym
/// defined in the text after a name ("The Islamic State (IS)") or known to the alias and
/// armed-group lists, wherever it stands alone in the document, takes the type of its name.
fn add_acronyms(text: &str, token_spans: &[Vec<Span>], mentions: &mut Vec<Mention>) {
    let mut known: std::collections::HashMap<&str, EntityType> = std::collections::HashMap::new();
    for m in mentions.iter() {
        let after = &text[m.span.end()..];
        let Some(inner) = after.strip_prefix(" (").and_then(|r| r.split_once(')')).map(|(a, _)| a) else { continue };
        if is_acronym_form(inner) {
            known.insert(inner, m.ty);
        }
    }
    // Mention spans in order, to test a token against in logarithmic time.
    let mut taken: Vec<(usize, usize)> = mentions.iter().map(|m| (m.span.start(), m.span.end())).collect();
    taken.sort_unstable();
    let mut reach = 0;
    for t in &mut taken {
        reach = reach.max(t.1);
        t.1 = reach; // the furthest end of any span starting at or before this one
    }
    let covered = |s: Span, _: &[Mention]| {
        let before = taken.partition_point(|&(start, _)| start < s.end());
        before > 0 && taken[before - 1].1 > s.start()
    };
    let mut added = Vec::new();
    for spans in token_spans {
        for &t in spans {
            let word = t.of(text);
            if !is_acronym_form(word) || covered(t, mentions) {
                continue;
            }
            let ty = match known.get(word) {
                Some(&ty) => ty,
                None => match gazetteer::classify(word, EntityType::Org) {
                    ty @ (EntityType::ArmedGroup | EntityType::Media | EntityType::Gpe) if gazetteer::alias(&gazetteer::normalize(word)).is_some() || gazetteer::armed_group(word).is_some() => ty,
                    _ => continue,
                },
            };
            added.push(Mention { span: t, ty, title: None });
        }
    }
    mentions.extend(added);
}

/// Two to six capitals, nothing else: "IS", "SDF", "ISIL".
fn is_acronym_form(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// Words that may start a name in lower case ("al-Bab", "bin Salman", "van Gogh").
const PARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "bin", "ibn", "abu", "de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "du", "dos", "das", "y"];

/// Prepositions after which an unknown name is a place ("the towns of Rawa and Al-Qaem").
const LOCATIVE: &[&str] = &["in", "at", "of", "from", "to", "towards", "toward", "near", "around", "outside", "inside", "into", "and"];

/// Month and weekday names, which the model sometimes takes for names.
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday",
];

/// A name with an Arabic article: "Al-Qaem", "al-Bab".
fn is_arabic_article_name(word: &str) -> bool {
    let rest = word.strip_prefix("Al-").or_else(|| word.strip_prefix("al-")).or_else(|| word.strip_prefix("Ar-")).or_else(|| word.strip_prefix("ar-"));
    rest.is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase) && r.chars().count() >= 3 && r.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// Capitalised, or a capitalised name behind a short lower-case particle ("ez-Zor", "al-Bab").
fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        || word.split_once('-').is_some_and(|(p, rest)| p.len() <= 3 && rest.chars().next().is_some_and(char::is_uppercase))
}

/// Trims a tagged token range to the name in it: punctuation and lower-case words at either
/// end go (except particles such as "al-" before a capitalised word, a lower-case part after a
/// split-off hyphen and a split-off abbreviation's full stop), a bracket, quote or comma inside
/// ends the name, and titles at its start are split off — they make the mention a person's. Returns
/// `(start, end, title start, is a person)`, or `None` when no name is left (a month, a
/// weekday, a phrase without a capital).
fn trim_name(words: &[&str], mut a: usize, mut b: usize, mut person: bool) -> Option<(usize, usize, Option<usize>, bool)> {
    let wordless = |w: &str| !w.chars().any(char::is_alphanumeric);
    let particle = |w: &str| PARTICLES.contains(&w) || PARTICLES.iter().any(|p| w.strip_prefix(p).is_some_and(|r| r.starts_with('-')));
    while a < b && (wordless(words[a]) || (!starts_upper(words[a]) && !(particle(words[a]) && a + 1 < b))) {
        a += 1;
    }
    // A bracket, double quote or comma inside a name ends it. A possessive does not: the
    // model rarely runs a name across one ("Russia's Lavrov"), and names hold them ("Lord's",
    // "People's Daily"); cutting there cost 0.1 point on CoNLL dev and on worldwide-newswire.
    if let Some(p) = (a..b).find(|&i| i > a && matches!(words[i], "(" | ")" | "[" | "]" | "\"" | "“" | "”" | "«" | "»" | "," | ";" | ":")) {
        b = p;
    }
    // A lower-case part after a hyphen the tokens split off stays ("Yoon Suk - yeol", "K - pop":
    // CoNLL files cut hyphenated words apart; the project's own tokens keep them whole).
    let hyphen_part = |i: usize| i >= a + 2 && words[i - 1] == "-" && words[i].chars().all(char::is_alphabetic);
    // A full stop after a one-letter part stays too ("U . S .", split as CoNLL files split it).
    let abbreviation_end = |i: usize| i >= a + 2 && words[i] == "." && words[i - 1].chars().count() == 1 && words[i - 1].chars().all(char::is_uppercase) && words[i - 2] == ".";
    while b > a
        && !abbreviation_end(b - 1)
        && !hyphen_part(b - 1)
        && (wordless(words[b - 1]) || !starts_upper(words[b - 1]) && !words[b - 1].chars().any(|c| c.is_ascii_digit()))
    {
        b -= 1;
    }
    // Titles at the start: split off from a person's name; and a strong title before a
    // two- or three-word name ("Gen. Yahya Rasoul") makes it a person's whatever the model said.
    let mut title_start = None;
    let mut t = a;
    while t + 1 < b && is_title_word(words[t]) && starts_upper(words[t + 1]) {
        t += 1;
    }
    if t > a && (person || (STRONG_TITLES.contains(&words[t - 1].to_lowercase().as_str()) && (2..=3).contains(&(b - t)))) {
        title_start = Some(a);
        a = t;
        person = true;
    }
    let calendar = |w: &str| CALENDAR.contains(&w.trim_end_matches('.').to_lowercase().as_str()) || w.chars().all(|c| c.is_ascii_digit());
    if a == b || words[a..b].iter().all(|w| calendar(w)) || !words[a..b].iter().any(|w| w.chars().any(char::is_uppercase)) {
        return None;
    }
    Some((a, b, title_start, person))
}

/// The title just before a person's name: the run of title words ending at token `a` (or
/// beginning at `start`, when the model included it in the name).
fn title_before(text: &str, spans: &[Span], words: &[&str], a: usize, start: Option<usize>) -> Option<Span> {
    let mut first = start.unwrap_or(a);
    let mut i = first;
    while i > 0 {
        let w = words[i - 1];
        if is_title_word(w) && w.chars().next().is_some_and(char::is_uppercase) {
            first = i - 1;
            i -= 1;
        } else if TITLE_JOINERS.contains(&w) && i >= 2 && is_title_word(words[i - 2]) {
            i -= 1;
        } else {
            break;
        }
    }
    (first < a).then(|| Span::new(text, spans[first].start(), spans[a - 1].end()).expect("token spans"))
}

/// The words a demonym adjective modifies: up to three following words, stopping at
/// punctuation or a function word.
fn modified_phrase(text: &str, spans: &[Span], words: &[&str], from: usize) -> Option<Span> {
    const STOP: &[&str] = &["and", "or", "of", "in", "on", "at", "to", "for", "the", "a", "an", "is", "are", "was", "were", "has", "have", "had", "said", "who", "which", "that", "by", "with", "from"];
    let mut end = from;
    while end < words.len() && end < from + 3 && words[end].chars().all(char::is_alphabetic) && !STOP.contains(&words[end].to_lowercase().as_str()) {
        end += 1;
    }
    (end > from).then(|| Span::new(text, spans[from].start(), spans[end - 1].end()).expect("token spans"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences;

    fn run(text: &str) -> (Vec<(String, EntityType, Option<String>)>, Vec<Demonym>) {
        let (mentions, demonyms) = recognize(text, &sentences::split(text));
        (mentions.into_iter().map(|m| (m.span.of(text).to_string(), m.ty, m.title.map(|t| t.of(text).to_string()))).collect(), demonyms)
    }

    #[test]
    fn the_shipped_model_loads() {
        let m = Model::from_bytes(BUILTIN).expect("valid model");
        assert_eq!(m.labels(), ["PER", "ORG", "LOC", "MISC"]);
        assert!(m.features() > 10_000);
        // Read and written again, the model is the same bytes before compression.
        let raw = |b: &[u8]| crate::perceptron::gunzip(b).unwrap();
        assert!(raw(&m.to_bytes()) == raw(BUILTIN));
    }

    #[test]
    fn people_places_groups_and_titles() {
        let text = "Russian Foreign Minister Sergey Lavrov said on Monday that the Syrian army had retaken Palmyra from Islamic State fighters. Lt. Gen. Stephen Townsend, the U.S. commander in Baghdad, disagreed.";
        let (m, d) = run(text);
        let find = |name: &str| m.iter().find(|(n, _, _)| n == name).unwrap_or_else(|| panic!("{name} not found in {m:?}"));
        assert_eq!(find("Sergey Lavrov").1, EntityType::Person);
        assert_eq!(find("Sergey Lavrov").2.as_deref(), Some("Foreign Minister"));
        assert_eq!(find("Stephen Townsend").2.as_deref(), Some("Lt. Gen."));
        assert_eq!(find("Palmyra").1, EntityType::Gpe);
        assert_eq!(find("Baghdad").1, EntityType::Gpe);
        assert_eq!(find("Islamic State").1, EntityType::ArmedGroup);
        let countries: Vec<&str> = d.iter().map(|d| d.country).collect();
        assert!(countries.contains(&"RU") && countries.contains(&"SY"), "{d:?}");
        let army = d.iter().find(|d| d.country == "SY").unwrap();
        assert_eq!(army.modifies.map(|s| s.of(text)), Some("army"));
    }

    #[test]
    fn trimming_keeps_split_hyphenated_parts_abbreviations_and_possessives() {
        let trim = |words: &[&str]| trim_name(words, 0, words.len(), false).map(|(a, b, _, _)| words[a..b].join(" "));
        assert_eq!(trim(&["Yoon", "Suk", "-", "yeol"]).as_deref(), Some("Yoon Suk - yeol"));
        assert_eq!(trim(&["U", ".", "S", "."]).as_deref(), Some("U . S ."));
        assert_eq!(trim(&["People", "’", "s", "Daily"]).as_deref(), Some("People ’ s Daily"));
        // At the end, a possessive is a lower-case edge like any other.
        assert_eq!(trim(&["Lord", "'s"]).as_deref(), Some("Lord"));
        // Lower-case words and punctuation at the edges still go; a comma still ends a name.
        assert_eq!(trim(&["the", "Syrian", "army", "."]).as_deref(), Some("Syrian"));
        assert_eq!(trim(&["Homs", ",", "Syria"]).as_deref(), Some("Homs"));
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_not_a_name() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["Fighters", "of", "the", "Islamic", "State", "entered", "Palmyra", "."],
            vec!["Reuters", "said", "so", "."],
            vec!["\"", "Troops", "left", ",", "\"", "he", "said", "."],
        ];
        let flags: Vec<Vec<u16>> = doc.iter().map(|s| lexicon::flags(s)).collect();
        let mut tagged = vec![vec![(0, 1, 1), (3, 5, 1), (6, 7, 2)], vec![(0, 1, 1)], vec![(1, 2, 1)]];
        drop_common_openers(&doc, &flags, &mut tagged);
        assert_eq!(tagged, vec![vec![(3, 5, 1), (6, 7, 2)], vec![(0, 1, 1)], vec![]]);
        // Written capitalised inside a sentence elsewhere, the word is a name in this document.
        let doc2: Vec<Vec<&str>> = vec![vec!["Fighters", "won", "."], vec!["The", "Fighters", "lost", "."]];
        let flags2: Vec<Vec<u16>> = doc2.iter().map(|s| lexicon::flags(s)).collect();
        let mut tagged2 = vec![vec![(0, 1, 1)], vec![(1, 2, 1)]];
        drop_common_openers(&doc2, &flags2, &mut tagged2);
        assert_eq!(tagged2, vec![vec![(0, 1, 1)], vec![(1, 2, 1)]]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn any_text_gives_mentions_inside_it(text in "([A-Z][a-z]{0,6}|[a-z]{1,5}|IS|al-Bab|[0-9,.]{1,4}|[\"“”(),.;:'’-]| |\n){0,60}") {
            let (mentions, demonyms) = recognize(&text, &sentences::split(&text));
            for m in &mentions {
                let name = m.span.of(&text);
                proptest::prop_assert!(name.chars().any(char::is_uppercase), "{name:?}");
                if let Some(t) = m.title {
                    proptest::prop_assert!(t.end() <= m.span.start());
                }
            }
            for d in &demonyms {
                proptest::prop_assert!(!d.span.of(&text).is_empty());
            }
        }
    }

    #[test]
    fn long_runs_of_names_and_acronyms_take_linear_time() {
        // 40,000 capitalised words in one "sentence", and 20,000 stand-alone acronyms: these
        // finish (no timing is asserted; quadratic work here would take hours).
        let text = "Alpha Beta Gamma Delta ".repeat(10_000) + &"ISIL and ".repeat(20_000);
        let (mentions, _) = recognize(&text, &sentences::split(&text));
        assert!(!mentions.is_empty());
    }

    /// `known_names` over the tagged ranges `found` of `text` (one sentence), as words.
    fn mended(text: &str, found: &[(usize, usize, usize)]) -> Vec<(String, usize)> {
        let spans = tokens::tokenize(text, Span::new(text, 0, text.len()).unwrap());
        let words: Vec<&str> = spans.iter().map(|t| t.of(text)).collect();
        known_names(text, &spans, &words, found.to_vec(), Some(3), Some(1)).into_iter().map(|(a, b, l)| (words[a..b].join(" "), l)).collect()
    }

    #[test]
    fn tagged_parts_of_a_known_name_join() {
        // The, Islamic, State, of, Iraq, and, the, Levant, claimed, it, .
        let t = "The Islamic State of Iraq and the Levant claimed it.";
        assert_eq!(mended(t, &[(1, 5, 1), (7, 8, 3)]), [("Islamic State of Iraq and the Levant".to_string(), 1)]);
        // Not known as a whole: two names stay two.
        let t = "The Port of Velm and the Tessary signed it.";
        assert_eq!(mended(t, &[(1, 4, 1), (6, 7, 3)]).len(), 2);
    }

    /// `add_known_groups` over the tagged ranges `found` of `text` (one sentence; ORG is label
    /// 1, MISC 3), as words.
    fn with_groups(text: &str, found: &[(usize, usize, usize)]) -> Vec<(String, usize)> {
        let spans = tokens::tokenize(text, Span::new(text, 0, text.len()).unwrap());
        let words: Vec<&str> = spans.iter().map(|t| t.of(text)).collect();
        let mut found = found.to_vec();
        add_known_groups(text, &spans, &words, &mut found, 1, Some(3));
        found.into_iter().map(|(a, b, l)| (words[a..b].join(" "), l)).collect()
    }

    #[test]
    fn a_known_armed_group_the_model_missed_is_added() {
        // The, 5,000-strong, Syrian, Democratic, Forces, crossed, the, river, .
        let t = "The 5,000-strong Syrian Democratic Forces crossed the river.";
        assert_eq!(with_groups(t, &[]), [("Syrian Democratic Forces".to_string(), 1)]);
        // in place of a MISC range that reaches into it by its demonym
        assert_eq!(with_groups(t, &[(1, 3, 3)]), [("Syrian Democratic Forces".to_string(), 1)]);
        // a range of the model's own inside it stays as it is
        assert_eq!(with_groups(t, &[(3, 5, 1)]), [("Democratic Forces".to_string(), 1)]);
        // and a longer capitalised run is some other body
        assert!(with_groups("The Syrian Democratic Forces Command met.", &[]).is_empty());
    }

    #[test]
    fn a_known_name_behind_demonyms_is_cut_out() {
        // The, Iraqi, Shiite-majority, Hashd, Al, Shaabi, moved, .
        let t = "The Iraqi Shiite-majority Hashd Al Shaabi moved.";
        assert_eq!(mended(t, &[(1, 6, 3)]), [("Iraqi".to_string(), 3), ("Hashd Al Shaabi".to_string(), 3)]);
        // An organisation's own name keeps its country.
        assert_eq!(mended(t, &[(1, 6, 1)]), [("Iraqi Shiite-majority Hashd Al Shaabi".to_string(), 1)]);
        // A person's range is cut like a MISC one: the model took the group for a person.
        assert_eq!(mended(t, &[(1, 6, 0)]), [("Iraqi".to_string(), 3), ("Hashd Al Shaabi".to_string(), 0)]);
        let t = "Shiite-majority Hashd Al Shaabi units moved.";
        assert_eq!(mended(t, &[(0, 4, 0)]), [("Hashd Al Shaabi".to_string(), 0)]);
        // The model's range may run on over lower-case words, which are trimmed later.
        let t = "The Iraqi Hashd Al Shaabi paramilitaries moved.";
        assert_eq!(mended(t, &[(1, 6, 3)]), [("Iraqi".to_string(), 3), ("Hashd Al Shaabi paramilitaries".to_string(), 3)]);
        // Words before it that are not demonyms or compounds keep it whole.
        let t = "The Old Hashd Al Shaabi moved.";
        assert_eq!(mended(t, &[(1, 5, 3)]), [("Old Hashd Al Shaabi".to_string(), 3)]);
    }

    #[test]
    fn empty_and_odd_text() {
        assert!(run("").0.is_empty());
        let (m, _) = run("\u{feff}«»“” --- ... 42 !!!");
        assert!(m.is_empty(), "{m:?}");
    }
}
