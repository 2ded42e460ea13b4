//! A story's neutral title: the clause of one of its headlines that the other outlets' reports
//! bear out best.
//!
//! Outlets of opposite slant headline one event differently ("Rebels seize the port" against
//! "Terrorists attack the port, units regroup"); the headline of the most central document is
//! whichever slant has most documents. Here every headline is cut into clauses (at `:`, `?`,
//! `;`, dashes, `|` and `, `), and each clause is scored by how many *other* outlets use each of
//! its words anywhere in their reports: a word only one outlet uses ("free", a nickname)
//! costs. Clauses that quote, ask or explain ("Who opened the door?", "how the Grey Tide came
//! home"), that state one speaker's claim ("Ministry: …") or use a loaded word ("furious",
//! "terrorists") are not neutral titles of an event and are left out. The clause with the best score is the title, kept verbatim, with its
//! receipt: the document, its span in that headline, and for each of its words the documents
//! that use it. Nothing is invented: a story of one outlet keeps its headline.

use crate::features::{content_word, strip_possessive, DocumentFeatures};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// A title taken from one clause of one document's headline.
#[derive(Clone, Debug, PartialEq)]
pub struct NeutralTitle {
    /// Input number of the document whose headline it is.
    pub document: usize,
    /// Byte offsets of the clause in that headline.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Each content word of the clause (as written) with the documents of the story whose
    /// reports use it, the source document included.
    pub support: Vec<(String, Vec<usize>)>,
}

/// Headline words that judge rather than report, and labels one side gives the other
/// ("terrorists", "regime", "thugs"): a clause with one is no neutral title.
const LOADED: &[&str] = &[
    "blast",
    "blasts",
    "brutal",
    "cave",
    "caves",
    "chaos",
    "disgrace",
    "disgraced",
    "fume",
    "fumes",
    "furious",
    "humiliating",
    "martyr",
    "martyrs",
    "meltdown",
    "outrage",
    "outraged",
    "regime",
    "rip",
    "rips",
    "sham",
    "shocking",
    "slam",
    "slams",
    "stunning",
    "terrorist",
    "terrorists",
    "thugs",
    "trash",
    "trashes",
];

/// First words of clauses that ask, explain or continue rather than state an event.
const NOT_A_START: &[&str] = &[
    "and", "as", "because", "but", "here", "here's", "how", "it's", "or", "so", "this", "what",
    "when", "where", "which", "while", "who", "why",
];

/// Coarse key for matching a word across reports: its stem without a verb or plural ending
/// ("seized", "seizes", "seize" → "seiz").
fn match_key(stem: &str) -> String {
    let mut w = stem;
    for suffix in ["ing", "ed", "es", "e", "s"] {
        if w.len() > suffix.len() + 3 {
            if let Some(s) = w.strip_suffix(suffix) {
                w = s;
                break;
            }
        }
    }
    w.to_string()
}

/// Words of `text` as byte ranges: letters and digits, with inner apostrophes.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner_apostrophe = (c == '\'' || c == '’')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The matching key of a headline word, or `None` for function words and numbers.
fn key_of_word(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let lower = strip_possessive(&lower);
    content_word(lower).map(|stem| match_key(&stem))
}

/// Words before a headline's colon that label the piece rather than name a speaker.
const LABELS: &[&str] = &[
    "analysis",
    "breaking",
    "comment",
    "editorial",
    "exclusive",
    "explainer",
    "factbox",
    "live",
    "opinion",
    "update",
    "updated",
    "watch",
];

/// Clauses of a headline: byte ranges, trimmed, each with whether it may be a title. What
/// follows "Speaker:" is the speaker's claim, not the event: it may not stand alone (after a
/// label such as "Analysis:" it may); nor may what follows a comma.
fn clauses(title: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let b = title.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut claimed = false;
    let mut continues = false;
    let push = |s: usize, e: usize, ok: bool, out: &mut Vec<(usize, usize, bool)>| {
        let piece = &title[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim().trim_end_matches(['.', ',']);
        if !trimmed.is_empty() {
            out.push((s + lead, s + lead + trimmed.len(), ok));
        }
    };
    while i < title.len() {
        let rest = &title[i..];
        let sep = if rest.starts_with(" – ") || rest.starts_with(" — ") {
            Some((" – ".len(), false)) // both dashes are three bytes
        } else if rest.starts_with(" - ") {
            Some((3, false))
        } else if rest.starts_with(", ") {
            Some((2, false))
        } else if rest.starts_with(". ") && sentence_ends(title, i) {
            Some((2, false))
        } else {
            match b[i] {
                b':' | b';' | b'|' => Some((1, false)),
                b'?' | b'!' => Some((1, true)),
                _ => None,
            }
        };
        match sep {
            Some((len, bad)) => {
                push(start, i, !bad && !claimed && !continues, &mut out);
                // What follows a comma continues the clause before it ("…, forced to shut
                // plants"): no title alone.
                continues = rest.starts_with(", ");
                if b[i] == b':' {
                    let prefix = title[..i].trim().to_lowercase();
                    claimed |= !LABELS.contains(&prefix.as_str());
                }
                i += len;
                start = i;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    push(start, title.len(), !claimed && !continues, &mut out);
    out
}

/// Whether the full stop at byte `i` ends a sentence: after a lower-case word of three or more
/// letters and before a capital ("…weekend. Here's"), not after "U.S", "St" or "Gov".
fn sentence_ends(title: &str, i: usize) -> bool {
    let before = title[..i]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let after = title[i + 2..].chars().next();
    before.chars().count() >= 3
        && before.chars().all(char::is_lowercase)
        && after.is_some_and(char::is_uppercase)
}

/// Whether a piece of headline quotes someone: quotation marks other than apostrophes
/// ("Olvane's", "the rangers' lodge").
fn quotes(piece: &str) -> bool {
    let chars: Vec<char> = piece.chars().collect();
    chars.iter().enumerate().any(|(k, &c)| match c {
        '"' | '“' | '”' | '«' | '»' | '‘' => true,
        '\'' | '’' => {
            let before = k.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(k + 1).copied();
            let inner = before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric);
            let plural_possessive = matches!(before, Some('s' | 'S'));
            !(inner || plural_possessive)
        }
        _ => false,
    })
}

struct Candidate {
    score: f32,
    content: usize,
    document: usize,
    start: usize,
    end: usize,
}

/// The neutral title of the story made of `group`, or `None` when fewer than two outlets
/// report it or no clause of any headline qualifies.
pub fn neutral_title(features: &[DocumentFeatures], group: &[usize]) -> Option<NeutralTitle> {
    // One outlet, one voice: documents of the same outlet count once.
    let outlet_of = |d: usize| -> String {
        match features[d].outlet.as_deref().map(str::trim) {
            Some(o) if !o.is_empty() => format!("o:{}", o.to_lowercase()),
            _ => format!("d:{}", features[d].id),
        }
    };
    let outlets: BTreeSet<String> = group.iter().map(|&d| outlet_of(d)).collect();
    if outlets.len() < 2 {
        return None;
    }
    let vocabulary: Vec<HashSet<String>> = group
        .iter()
        .map(|&d| {
            let f = &features[d];
            f.words
                .iter()
                .map(|(w, _)| match_key(w))
                .chain(
                    f.names
                        .iter()
                        .filter(|(n, _)| !n.contains(' '))
                        .filter_map(|(n, _)| content_word(n).map(|s| match_key(&s))),
                )
                .collect()
        })
        .collect();
    let mut best: Option<Candidate> = None;
    for (gi, &d) in group.iter().enumerate() {
        let Some(title) = features[d].title.as_deref() else {
            continue;
        };
        let own = outlet_of(d);
        let others = outlets.len() - 1;
        // The whole headline too, unless it asks, exclaims or is one speaker's claim
        // ("Ministry: …"; a label's clause stands alone above).
        let trimmed = title.trim();
        let lead = title.len() - title.trim_start().len();
        let whole = (
            lead,
            lead + trimmed.len(),
            !trimmed.contains(['?', '!', ':']),
        );
        let mut candidates = clauses(title);
        if candidates.len() > 1 {
            candidates.push(whole);
        }
        for (start, end, may) in candidates {
            let piece = &title[start..end];
            if !may || quotes(piece) {
                continue;
            }
            let ws = words(piece);
            let Some(&(s0, e0)) = ws.first() else {
                continue;
            };
            // A title starts as a headline does (a fragment "of the inquiry" does not).
            let capital = piece[s0..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if !capital
                || NOT_A_START.contains(&piece[s0..e0].to_lowercase().replace('’', "'").as_str())
            {
                continue;
            }
            let (mut sum, mut content, mut unsupported) = (0.0f32, 0usize, 0usize);
            let mut loaded = false;
            for &(s, e) in &ws {
                let word = &piece[s..e];
                let Some(key) = key_of_word(word) else {
                    continue;
                };
                content += 1;
                if LOADED.contains(&word.to_lowercase().as_str()) {
                    loaded = true;
                    break;
                }
                let supporting: BTreeSet<String> = group
                    .iter()
                    .enumerate()
                    .filter(|&(gj, &o)| {
                        gj != gi && vocabulary[gj].contains(&key) && outlet_of(o) != own
                    })
                    .map(|(_, &o)| outlet_of(o))
                    .collect();
                if supporting.is_empty() {
                    unsupported += 1;
                }
                sum += supporting.len() as f32 / others as f32;
            }
            if content < 3 || loaded {
                continue;
            }
            let length = ws.len();
            let score = sum / content as f32
                - 0.2 * unsupported as f32
                - 0.02 * length.saturating_sub(12) as f32;
            let c = Candidate {
                score,
                content,
                document: d,
                start,
                end,
            };
            let better = match &best {
                None => true,
                Some(b) => {
                    (
                        c.score,
                        c.content,
                        std::cmp::Reverse(&features[c.document].id),
                        std::cmp::Reverse(c.start),
                    ) > (
                        b.score,
                        b.content,
                        std::cmp::Reverse(&features[b.document].id),
                        std::cmp::Reverse(b.start),
                    )
                }
            };
            if better {
                best = Some(c);
            }
        }
    }
    let best = best?;
    let title = features[best.document].title.as_deref().unwrap_or_default();
    let piece = &title[best.start..best.end];
    let mut support: Vec<(String, Vec<usize>)> = Vec::new();
    let mut seen: BTreeMap<String, ()> = BTreeMap::new();
    for (s, e) in words(piece) {
        let word = &piece[s..e];
        let Some(key) = key_of_word(word) else {
            continue;
        };
        if seen.insert(key.clone(), ()).is_some() {
            continue;
        }
        let mut docs: Vec<usize> = group
            .iter()
            .enumerate()
            .filter(|&(gj, &o)| o == best.document || vocabulary[gj].contains(&key))
            .map(|(_, &o)| o)
            .collect();
        docs.sort_unstable();
        support.push((word.to_string(), docs));
    }
    Some(NeutralTitle {
        document: best.document,
        start: best.start,
        end: best.end,
        text: piece.to_string(),
        support,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, outlet: &str, title: &str, text: &str) -> DocumentFeatures {
        DocumentFeatures {
            outlet: Some(outlet.to_string()),
            ..DocumentFeatures::from_text(id, Some(title), text, None, &[])
        }
    }

    /// Each clause of `t` as text, with whether it may be a title.
    fn pieces(t: &str) -> Vec<(&str, bool)> {
        clauses(t).iter().map(|&(s, e, ok)| (&t[s..e], ok)).collect()
    }

    #[test]
    fn clauses_split_at_headline_punctuation() {
        let t = "Ministry: more than 3,000 raiders struck Olvane, units regroup";
        let got = pieces(t);
        assert_eq!(
            got,
            [
                ("Ministry", true),
                ("more than 3,000 raiders struck Olvane", false),
                ("units regroup", false)
            ],
            "the ministry's claim is not the event"
        );
        let t = "It was a long week. Rain closes St. Ives road";
        let got: Vec<&str> = clauses(t).iter().map(|&(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["It was a long week", "Rain closes St. Ives road"]);
        let t = "Mill Closes, Forced To Lay Off 300";
        assert_eq!(
            clauses(t)[1],
            (13, t.len(), false),
            "a comma's continuation"
        );
        let t = "Analysis: why Olvane fell";
        assert_eq!(clauses(t)[1], (10, t.len(), true));
        let t = "Who let them in? Follow the money";
        let got = pieces(t);
        assert_eq!(
            got,
            [("Who let them in", false), ("Follow the money", true)]
        );
        let t = "Flood cuts Tarn road — residents wait";
        let got: Vec<&str> = clauses(t).iter().map(|&(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Flood cuts Tarn road", "residents wait"]);
    }

    #[test]
    fn quotation_marks_but_not_apostrophes() {
        assert!(quotes("“Olvane is ours”: the return"));
        assert!(quotes("Mayor blames ‘pause’ for the fall"));
        assert!(!quotes("Olvane's mayor resigns"));
        assert!(!quotes("the rangers' lodge burns"));
    }

    #[test]
    fn the_best_supported_clause_is_the_title() {
        let docs = vec![
            doc(
                "a",
                "Valley Post",
                "Furious mayor blames rivals as Olvane dam bursts",
                "The Olvane dam burst on Monday, flooding the lower town. The mayor blamed rivals.",
            ),
            doc(
                "b",
                "Hill Courier",
                "Olvane dam bursts, flooding lower town",
                "The dam above Olvane burst after days of rain, flooding the lower town.",
            ),
            doc(
                "c",
                "Plain Times",
                "Who let the Olvane dam fail? Follow the money",
                "Water from the burst Olvane dam flooded the lower town on Monday.",
            ),
        ];
        let t = neutral_title(&docs, &[0, 1, 2]).expect("a title");
        assert_eq!(t.text, "Olvane dam bursts, flooding lower town");
        assert_eq!(t.document, 1);
        assert_eq!(&docs[1].title.as_deref().unwrap()[t.start..t.end], t.text);
        let dam = t.support.iter().find(|(w, _)| w == "dam").expect("dam");
        assert_eq!(dam.1, [0, 1, 2]);
    }

    #[test]
    fn claims_and_loaded_words_are_no_titles() {
        let text = "Raiders struck Olvane port at dawn and the garrison regrouped south of it.";
        let docs = vec![
            doc(
                "a",
                "State Agency",
                "Ministry: raiders struck Olvane port, garrison regrouped",
                text,
            ),
            doc("b", "Coast Daily", "Thugs struck Olvane port at dawn", text),
            doc("c", "Hill Courier", "Raiders strike Olvane port", text),
        ];
        let t = neutral_title(&docs, &[0, 1, 2]).expect("a title");
        assert_eq!(t.text, "Raiders strike Olvane port");
    }

    #[test]
    fn one_outlet_gives_no_neutral_title() {
        let docs = vec![
            doc(
                "a",
                "Valley Post",
                "Olvane dam bursts",
                "The Olvane dam burst.",
            ),
            doc(
                "b",
                "Valley Post",
                "Olvane dam bursts again",
                "The Olvane dam burst again.",
            ),
        ];
        assert_eq!(neutral_title(&docs, &[0, 1]), None);
    }
}
