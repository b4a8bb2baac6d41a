//! Options, solutions, bounds and progress reports.

use std::time::Duration;

use serde::Serialize;

use crate::graph::Graph;

/// What to solve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SolveOptions {
    /// Longest swap allowed (2 = pairs only, 3 = pairs and rings of three, 4 = up to four).
    pub max_cycle: usize,
    /// Stop searching after this long and return the best swaps found with their bound.
    /// `None` searches until optimality is proven, which for `max_cycle >= 3` can take very
    /// long on large instances: interactive callers should set a limit. (Rings of four beyond
    /// three million fall back to rings of three, searched for at most a minute.) The pairs matching
    /// (always exact) is not interruptible: about 0.3 s at 10k people, 15-20 s at 100k.
    pub time_limit: Option<Duration>,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions { max_cycle: 3, time_limit: None }
    }
}

/// One swap: a directed cycle. `members[i]` takes the place of `members[i+1]`, the last
/// member takes the place of the first. `week` is a week available to every member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Swap {
    pub members: Vec<usize>,
    pub week: u32,
}

/// A proven lexicographic upper bound: no packing covers more than `people` people, and no
/// packing covering exactly `people` people weighs more than `weight`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bound {
    pub people: usize,
    pub weight: i64,
}

impl Bound {
    /// What holds for any packing: everyone in a swap, each by their best outgoing edge
    /// (a person in a swap contributes the weight of the one edge they take).
    pub fn trivial(g: &Graph) -> Self {
        let weight = (0..g.n())
            .map(|u| g.out_edges(u).map(|(_, w)| w.max(0)).max().unwrap_or(0))
            .fold(0i64, i64::saturating_add);
        Bound { people: g.n(), weight }
    }
}

/// How far the answer may be from the optimum: `people` more people at most; `weight` more
/// weight at most when the answer already has the bound's people (`None` otherwise: the
/// weight bound holds only for packings with exactly `bound.people` people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub people: usize,
    pub weight: Option<i64>,
}

/// The answer of the engine (`matching::solve`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Solution {
    /// People in swaps (recomputed from `swaps`).
    pub people: usize,
    /// Total weight of the edges used (recomputed from `swaps`).
    pub weight: i64,
    /// True only when `(people, weight)` reaches `bound`.
    pub optimal: bool,
    pub bound: Bound,
    /// Between the answer and the bound (zero when optimal).
    pub gap: Gap,
    /// Wall-clock seconds spent in `matching::solve`.
    pub seconds: f64,
    pub swaps: Vec<Swap>,
}

impl Solution {
    /// The JSON object
    /// `{"people","weight","optimal","bound":{"people","weight"},"gap":{"people","weight"},"seconds","swaps"}`.
    pub fn to_json(&self) -> String {
        // Serialising plain structs of integers, floats, bools and vectors cannot fail;
        // the fallback only exists to avoid a panic path.
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

impl Gap {
    /// Between an answer `(people, weight)` and its bound.
    pub fn between(people: usize, weight: i64, bound: Bound) -> Self {
        Gap {
            people: bound.people.saturating_sub(people),
            weight: (people >= bound.people).then(|| bound.weight.saturating_sub(weight).max(0)),
        }
    }
}

/// Phase of the solver reported through the progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Pairs: maximum-weight matching.
    Matching,
    /// Listing all swaps (cycles) with a common week.
    Enumerate,
    /// Heuristic start solution.
    Heuristic,
    /// Exact search (LP bound and branching).
    Search,
    Done,
}

/// A progress report: current best answer and proven bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub phase: Phase,
    pub people: usize,
    pub weight: i64,
    pub bound: Bound,
    pub elapsed: Duration,
}

/// Checks a set of swaps against the graph; returns `(people, weight)` or a description of
/// the first problem found (overlap, missing edge, no common week, bad length).
pub fn check_swaps(g: &Graph, swaps: &[Swap], max_cycle: usize) -> Result<(usize, i64), String> {
    let mut used = vec![false; g.n()];
    let mut weight = 0i64;
    let mut people = 0usize;
    for s in swaps {
        let k = s.members.len();
        if k < 2 || k > max_cycle {
            return Err(format!("swap {:?} has length {k}, allowed 2..={max_cycle}", s.members));
        }
        for (i, &u) in s.members.iter().enumerate() {
            if u >= g.n() {
                return Err(format!("swap {:?}: no person {u}", s.members));
            }
            if used[u] {
                return Err(format!("person {u} is in two swaps"));
            }
            used[u] = true;
            let v = s.members[(i + 1) % k];
            match g.weight(u, v) {
                Some(w) => weight += w,
                None => return Err(format!("swap {:?} uses missing edge {u} -> {v}", s.members)),
            }
            if s.week >= 64 || g.avail(u) >> s.week & 1 == 0 {
                return Err(format!("person {u} is not available in week {}", s.week));
            }
        }
        people += k;
    }
    Ok((people, weight))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weight_gap_counts_only_at_the_bound_people() {
        let bound = Bound { people: 10, weight: 100 };
        assert_eq!(Gap::between(10, 90, bound), Gap { people: 0, weight: Some(10) });
        assert_eq!(Gap::between(8, 120, bound), Gap { people: 2, weight: None });
    }

    #[test]
    fn the_trivial_bound_takes_each_best_edge() {
        let g = Graph::parse("p 3 3 1\nv 0 0 0 1 1\nv 1 0 0 1 1\nv 2 0 0 1 1\ne 0 1 5\ne 0 2 9\ne 1 0 -3\n").unwrap();
        assert_eq!(Bound::trivial(&g), Bound { people: 3, weight: 9 });
    }
}
