//! BILOU tags for spans of labelled tokens (`B`egin, `I`nside, `L`ast, `U`nit, plus `O`), with
//! only valid transitions when decoding greedily.
//!
//! Tag `t`: 0 is `O`; `1 + 4 * label + {0: B, 1: I, 2: L, 3: U}`.

/// The number of tags for `labels` span labels.
pub fn tag_count(labels: usize) -> usize {
    1 + 4 * labels
}

fn part(tag: usize) -> usize {
    (tag - 1) % 4
}

/// The span label of a tag other than `O`.
pub fn label(tag: usize) -> usize {
    (tag - 1) / 4
}

/// Whether `tag` may follow `prev`.
pub fn valid(prev: usize, tag: usize) -> bool {
    let open = prev != 0 && part(prev) <= 1; // after B or I, the span must go on
    if open {
        tag != 0 && part(tag) >= 1 && part(tag) <= 2 && label(tag) == label(prev)
    } else {
        tag == 0 || part(tag) == 0 || part(tag) == 3
    }
}

/// Whether `tag` may end a sentence.
pub fn valid_last(tag: usize) -> bool {
    tag == 0 || part(tag) >= 2
}

/// BILOU tags for gold spans `(start, end, label)` over `n` tokens.
pub fn encode(n: usize, spans: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut tags = vec![0; n];
    for &(s, e, l) in spans {
        if e == s + 1 {
            tags[s] = 1 + 4 * l + 3;
        } else {
            tags[s] = 1 + 4 * l;
            for t in tags.iter_mut().take(e - 1).skip(s + 1) {
                *t = 1 + 4 * l + 1;
            }
            tags[e - 1] = 1 + 4 * l + 2;
        }
    }
    tags
}

/// Spans `(start, end, label)` from BILOU tags.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &t) in tags.iter().enumerate() {
        if t == 0 {
            start = None;
            continue;
        }
        match part(t) {
            0 => start = Some(i),
            3 => out.push((i, i + 1, label(t))),
            2 => {
                if let Some(s) = start.take() {
                    out.push((s, i + 1, label(t)));
                }
            }
            _ => {}
        }
    }
    out
}

/// The best-scoring tag that may follow `prev` (and end the sentence, when `last`).
pub fn best(scores: &[f32], prev: usize, last: bool) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (t, &s) in scores.iter().enumerate() {
        if s > best_score && valid(prev, t) && (!last || valid_last(t)) {
            best = t;
            best_score = s;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_transitions_hold() {
        let ents = vec![(0, 1, 0), (2, 5, 1), (5, 7, 1)];
        let tags = encode(8, &ents);
        assert_eq!(spans(&tags), ents);
        let mut prev = 0;
        for &t in &tags {
            assert!(valid(prev, t), "{prev} -> {t}");
            prev = t;
        }
        assert!(valid_last(prev));
        assert!(!valid(1, 0)); // B-PER then O
        assert!(!valid(0, 2)); // O then I-PER
        assert!(!valid(1, 6)); // B-PER then I-ORG
    }
}
