//! Average-linkage agglomeration over a sparse similarity graph.
//!
//! Connected components of "similar enough" links chain: A–B and B–C put A and C together
//! however unlike they are. Average linkage merges two groups only while the mean similarity
//! over *all* their cross pairs (a missing link counts as 0) stays above the threshold, so one
//! bridging document cannot glue two stories together. Optionally ([`DateSpread`]) no group
//! forms whose dated members lie too far apart.
//!
//! The result does not depend on the order edges are given in: weights are integers (sums are
//! exact), the best merge is chosen by exact rational comparison, and ties go to the pair whose
//! smallest document key is smallest.

use std::cmp::Ordering;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BinaryHeap;

/// Similarities are stored as integers in millionths.
pub(crate) const SCALE: f64 = 1e6;

#[derive(Clone, Copy, PartialEq, Eq)]
struct Candidate {
    sum: i64,
    /// size(a) × size(b) when pushed.
    pairs: u64,
    tie: (u64, u64),
    a: u32,
    b: u32,
    sizes: (u64, u64),
}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        // sum/pairs vs other.sum/other.pairs, exactly.
        let l = self.sum as i128 * other.pairs as i128;
        let r = other.sum as i128 * self.pairs as i128;
        l.cmp(&r).then_with(|| other.tie.cmp(&self.tie))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Cluster label (a representative document) of each of `n` documents. `edges` are
/// `(a, b, weight in millionths)`; `key[d]` orders documents independently of their numbers.
/// With `dates`, no group forms whose documents' event days lie further apart than its cap
/// (see [`DateSpread`]).
pub(crate) fn average_linkage(
    n: usize,
    edges: &[(u32, u32, i64)],
    threshold: f64,
    key: &[u64],
    dates: Option<DateSpread>,
) -> Vec<u32> {
    average_linkage_of_groups(&vec![1; n], edges, threshold, key, dates)
}

/// The event days of each document, as the interval `(earliest, latest)` its event falls in
/// (`None`: undated), and the most days a group's events may lie apart: a merge that would
/// put two documents whose intervals are more than `max_days` apart into one group is not
/// made. Average linkage alone lets reports that cannot be dated bridge two dated events of
/// one running topic (a law taking effect, the court ruling on it a month later), because
/// their similarity to both is high; the dated reports of each say they are two.
///
/// The test is exact on whole groups and cheap: a group keeps the latest of its documents'
/// earliest days and the earliest of their latest days; they are further apart than
/// `max_days` iff some two of its documents are.
#[derive(Clone, Copy)]
pub(crate) struct DateSpread<'d> {
    pub(crate) days: &'d [Option<(i32, i32)>],
    pub(crate) max_days: i32,
}

/// Average linkage over nodes that are already groups: node `a` stands for `size[a]` items,
/// and an edge's weight is the *sum* of the similarities of its `size[a] × size[b]` item
/// pairs, so merging nodes is exactly merging their items (threads over stories).
pub(crate) fn average_linkage_of_groups(
    size: &[u64],
    edges: &[(u32, u32, i64)],
    threshold: f64,
    key: &[u64],
    dates: Option<DateSpread>,
) -> Vec<u32> {
    let n = size.len();
    // (latest earliest day, earliest latest day) of each group; undated: (MIN, MAX).
    let mut span: Vec<(i32, i32)> = (0..n)
        .map(|d| {
            dates
                .and_then(|s| s.days[d])
                .unwrap_or((i32::MIN, i32::MAX))
        })
        .collect();
    let max_days = dates.map_or(i32::MAX, |s| s.max_days);
    let mut neighbours: Vec<HashMap<u32, i64>> = vec![HashMap::default(); n];
    for &(a, b, w) in edges {
        if a == b {
            continue;
        }
        let e = neighbours[a as usize].entry(b).or_insert(0);
        *e = (*e).max(w);
        let e = neighbours[b as usize].entry(a).or_insert(0);
        *e = (*e).max(w);
    }
    let mut size = size.to_vec();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut min_key: Vec<u64> = key.to_vec();
    let threshold = (threshold * SCALE).round() as i64;
    let candidate = |a: u32, b: u32, sum: i64, size: &[u64], min_key: &[u64]| {
        let (ka, kb) = (min_key[a as usize], min_key[b as usize]);
        Candidate {
            sum,
            pairs: size[a as usize] * size[b as usize],
            tie: (ka.min(kb), ka.max(kb)),
            a,
            b,
            sizes: (size[a as usize], size[b as usize]),
        }
    };
    let mut heap = BinaryHeap::new();
    for a in 0..n {
        for (&b, &sum) in &neighbours[a] {
            if (a as u32) < b {
                heap.push(candidate(a as u32, b, sum, &size, &min_key));
            }
        }
    }
    while let Some(c) = heap.pop() {
        let (a, b) = (c.a as usize, c.b as usize);
        if parent[a] != c.a || parent[b] != c.b {
            continue; // one side is merged into another group
        }
        if (size[a], size[b]) != c.sizes {
            // One side has grown since: the entry over-states the mean (see below); put it
            // back at its present value.
            if let Some(&sum) = neighbours[a].get(&c.b) {
                heap.push(candidate(c.a, c.b, sum, &size, &min_key));
            }
            continue;
        }
        if (c.sum as i128) < threshold as i128 * c.pairs as i128 {
            break;
        }
        // Two dated events: not one group, now or later (spans only widen, means only fall).
        let merged = (span[a].0.max(span[b].0), span[a].1.min(span[b].1));
        if merged.0 as i64 - merged.1 as i64 > max_days as i64 {
            continue;
        }
        // Merge the smaller neighbourhood into the larger.
        let (keep, gone) = if neighbours[a].len() >= neighbours[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        let moved = std::mem::take(&mut neighbours[gone]);
        neighbours[keep].remove(&(gone as u32));
        parent[gone] = keep as u32;
        size[keep] += size[gone];
        span[keep] = merged;
        min_key[keep] = min_key[keep].min(min_key[gone]);
        // Only the groups the merged-away side linked to can now have a higher mean with
        // `keep`: they get a new entry. Every other neighbour's mean with `keep` fell (more
        // pairs, same sum); its old entry is corrected when it comes up. So merges cost the
        // smaller side's neighbourhood, not the growing group's, and a large story does not
        // make the linkage quadratic.
        for (x, s) in moved {
            if x as usize == keep {
                continue;
            }
            neighbours[x as usize].remove(&(gone as u32));
            let sum = neighbours[keep].entry(x).or_insert(0);
            *sum += s;
            let sum = *sum;
            *neighbours[x as usize].entry(keep as u32).or_insert(0) += s;
            heap.push(candidate(keep as u32, x, sum, &size, &min_key));
        }
    }
    (0..n)
        .map(|mut d| {
            while parent[d] as usize != d {
                d = parent[d] as usize;
            }
            d as u32
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(x: f64) -> i64 {
        (x * SCALE) as i64
    }

    #[test]
    fn a_bridge_does_not_chain_two_groups() {
        // 0-1-2 tight, 3-4-5 tight, one link 2-3 above the threshold.
        let mut edges = vec![
            (0, 1, w(0.9)),
            (1, 2, w(0.9)),
            (0, 2, w(0.9)),
            (3, 4, w(0.9)),
            (4, 5, w(0.9)),
            (3, 5, w(0.9)),
        ];
        edges.push((2, 3, w(0.5)));
        let labels = average_linkage(6, &edges, 0.3, &[0, 1, 2, 3, 4, 5], None);
        assert_eq!(labels[0], labels[2]);
        assert_eq!(labels[3], labels[5]);
        assert_ne!(labels[0], labels[3]);
        // With a low enough threshold they do merge (average 0.5/9).
        let labels = average_linkage(6, &edges, 0.05, &[0, 1, 2, 3, 4, 5], None);
        assert_eq!(labels[0], labels[5]);
    }

    #[test]
    fn groups_merge_by_the_mean_over_their_items() {
        // Node 0 is three items, 1 and 2 one each: 0–1 sums 0.9 over three pairs (mean 0.3),
        // 0–2 sums 1.5 (mean 0.5).
        let edges = vec![(0, 1, w(0.9)), (0, 2, w(1.5))];
        let labels = average_linkage_of_groups(&[3, 1, 1], &edges, 0.4, &[0, 1, 2], None);
        assert_eq!(labels[0], labels[2]);
        assert_ne!(labels[0], labels[1]);
    }

    #[test]
    fn dated_events_are_not_bridged() {
        // 0 and 2 are dated 30 days apart; 1 is undated and like both.
        let edges = vec![(0, 1, w(0.8)), (1, 2, w(0.8)), (0, 2, w(0.4))];
        let days = [Some((100, 100)), None, Some((130, 130))];
        let labels = average_linkage(3, &edges, 0.3, &[0, 1, 2], None);
        assert!(labels[0] == labels[1] && labels[1] == labels[2], "without dates, one group");
        let spread = DateSpread { days: &days, max_days: 5 };
        let labels = average_linkage(3, &edges, 0.3, &[0, 1, 2], Some(spread));
        assert_ne!(labels[0], labels[2]);
        assert!(labels[1] == labels[0] || labels[1] == labels[2]);
        // Within the cap, one group.
        let days = [Some((100, 100)), None, Some((104, 104))];
        let spread = DateSpread { days: &days, max_days: 5 };
        let labels = average_linkage(3, &edges, 0.3, &[0, 1, 2], Some(spread));
        assert!(labels[0] == labels[1] && labels[1] == labels[2]);
    }

    #[test]
    fn edge_order_does_not_matter() {
        let edges = vec![
            (0, 1, w(0.4)),
            (1, 2, w(0.4)),
            (2, 3, w(0.4)),
            (0, 3, w(0.1)),
        ];
        let mut reversed = edges.clone();
        reversed.reverse();
        let group = |l: Vec<u32>| {
            (0..4)
                .map(|i| (0..4).filter(|&j| l[j] == l[i]).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            group(average_linkage(4, &edges, 0.3, &[0, 1, 2, 3], None)),
            group(average_linkage(4, &reversed, 0.3, &[0, 1, 2, 3], None))
        );
    }
}
