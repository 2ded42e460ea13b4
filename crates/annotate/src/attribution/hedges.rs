//! Hedges: the words with which a text distances itself from a claim ("reportedly",
//! "unconfirmed reports", "could not independently verify", "whether or not this is true").
//! Each is attached to the sentence it qualifies.

use super::words::Words;
use crate::Span;

/// One hedge: the marker words and the claim (sentence) it qualifies.
#[derive(Clone, Debug, PartialEq)]
pub struct Hedge {
    pub span: Span,
    /// The table row that matched (its canonical form), or "scare quotes".
    pub marker: &'static str,
    pub claim: Span,
}

/// Hedge markers as lowercase word sequences (the tokenizer's words).
#[rustfmt::skip]
pub const MARKERS: &[&str] = &[
    "reportedly", "allegedly", "purportedly", "supposedly", "apparently", "ostensibly",
    "unconfirmed reports", "unconfirmed report", "unverified", "unsubstantiated", "rumours", "rumors",
    "independently verify", "independently verified", "independently confirm", "independently confirmed",
    "verify it independently", "verify them independently",
    "not been able to verify", "not been able to check", "not been able to confirm",
    "whether or not this is true", "whether or not that is true", "if true",
    "there is probably some truth", "is believed to", "are believed to", "was believed to",
    "is thought to", "are thought to", "it is claimed", "was also claimed", "was claimed",
    "offered no evidence", "provided no evidence", "without providing evidence", "without evidence",
    "is said to", "are said to", "it is unclear", "it was not clear", "it is not clear",
];

/// Finds every hedge marker, longest match first at each word.
pub(crate) fn find_hedges(w: &Words) -> Vec<Hedge> {
    let table: Vec<Vec<&str>> = MARKERS.iter().map(|m| m.split(' ').collect()).collect();
    let mut out = Vec::new();
    for (s, &(lo, hi)) in w.sentence_words.iter().enumerate() {
        let mut k = lo;
        while k < hi {
            let best = table
                .iter()
                .enumerate()
                .filter(|(_, seq)| {
                    k + seq.len() <= hi && seq.iter().enumerate().all(|(j, x)| w.lower(k + j) == *x)
                })
                .max_by_key(|(_, seq)| seq.len());
            match best {
                Some((row, seq)) => {
                    out.push(Hedge {
                        span: w.span(k, k + seq.len() - 1),
                        marker: MARKERS[row],
                        claim: w.sentences[s],
                    });
                    k += seq.len();
                }
                None => k += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markers(text: &str) -> Vec<&'static str> {
        let sentences = crate::sentences::split(text);
        let w = Words::new(text, &sentences, &[]);
        find_hedges(&w).into_iter().map(|h| h.marker).collect()
    }

    #[test]
    fn every_row_matches_its_own_words() {
        for m in MARKERS {
            let text = format!("The claim {m} stands here.");
            assert!(markers(&text).contains(m), "{m}");
        }
    }

    #[test]
    fn hedges_in_context() {
        assert_eq!(
            markers("Fighters reportedly landed from boats."),
            ["reportedly"]
        );
        assert_eq!(
            markers("There were unconfirmed reports that soldiers left."),
            ["unconfirmed reports"]
        );
        assert_eq!(
            markers("We could not independently verify the photo."),
            ["independently verify"]
        );
        assert!(markers("Soldiers reported for duty.").is_empty());
    }
}
