//! K >= 3: exact cycle packing with proven bounds.
//!
//! [`solve_comp`] hands mid-sized components to HiGHS ([`crate::mip`]) and uses what follows
//! for the others, and for what HiGHS leaves unproven.
//!
//! Model: one 0/1 variable per feasible cycle, at most one cycle per person. Objective is
//! lexicographic: people first, then weight. The instance is split into components (people
//! linked by cycles); each component is solved independently and the results add up.
//!
//! Bounds are Lagrangian (LP dual) bounds: for any multipliers `y >= 0`,
//!   `sum_v y_v + sum_j max(0, c_j - sum_{v in j} y_v)` bounds every packing's `sum c_j`.
//! Multipliers are found by solving the LP relaxation in floating point (exactly by the dense
//! simplex of [`crate::simplex`] for small components, approximately by PDHG for large
//! ones), then rounded to a
//! fixed-point grid and the bound is evaluated in exact integer arithmetic, so a bound is
//! valid whatever the floating-point error. Two stages:
//!  1. people: `c_j = |j|`;
//!  2. weight among packings with at least `P` people: with a multiplier `lam >= 0` for the
//!     people constraint, `c_j = w_j + lam |j|` and the bound is reduced by `lam P`.
//!
//! Components small enough for the dense simplex (see [`crate::simplex`]) are solved by an
//! LP-based branch and bound ([`Bnb`](bnb::Bnb)): exact LP at every node (warm started),
//! pruning by the exact Lagrangian bound of the node LP's multipliers, clique cuts at the
//! root; the weight phase runs it on threshold-restricted subproblems
//! ([`weight_search`](weight::weight_search)). Larger components use a depth-first branch
//! and bound over people (each person is either in one of its still-possible cycles or in
//! none), pruning with Lagrangian bounds maintained incrementally in exact arithmetic. When a
//! search finishes, the incumbent is optimal.
//!
//! Layout: this file holds the entry ([`solve_comp`]: HiGHS or our own machinery, clique-cut
//! rounds); [`phases`] the phases of one component's solve; [`duals`] the LP bounds (exact
//! evaluation of multipliers, PDHG); [`heuristics`] greedy, local search and diving;
//! [`search`] the depth-first search; [`bnb`] the LP-based branch and bound; [`weight`] the
//! restricted weight search; [`cuts`] clique separation. The component type and the helpers
//! shared with [`crate::mip`] and [`crate::lns`] are in [`crate::component`]. Imports go
//! one way only: this file uses its children, the children never use this file, and
//! [`crate::lns`] gets the exact solver for its subproblems as an argument.

#![allow(clippy::needless_range_loop)]

mod bnb;
mod cuts;
mod duals;
mod heuristics;
mod phases;
mod search;
mod weight;

use std::time::Instant;

use crate::component::{Comp, CompResult, share_bound, share_of, with_cuts};
use crate::simplex::{Lp, Status};

use cuts::separate_cliques;
use duals::{SIMPLEX_MAX_ROWS, Stage, pdhg};
use heuristics::local_search;
use phases::solve_core;

/// Rounds of clique-cut separation on exact LP solutions (simplex components).
const CUT_ROUNDS: usize = 10;

/// Exact cut rounds only for components up to this many cycles (each round is a full LP).
const CUT_MAX_CYCLES: usize = 15_000;

/// Components with up to this many cycles go to HiGHS ([`crate::mip`]); beyond, its LP alone
/// takes most of a minute and our PDHG bounds with neighbourhood search do better.
const MIP_MAX_CYCLES: usize = 120_000;

/// Solves one component: heuristic start, Lagrangian bounds, exact search until the deadline.
pub(crate) fn solve_comp(c: &Comp, pair_start: Vec<usize>, deadline: Option<Instant>) -> CompResult {
    let nc = c.nc();
    // Mid-sized components: HiGHS from our heuristic start (see [`crate::mip`]). If it cannot
    // prove the people count in time, our own search goes on from its packing.
    if nc > 50 && nc <= MIP_MAX_CYCLES {
        let start_deadline = share_of(deadline, 0.05);
        let start = local_search(c, pair_start.clone(), start_deadline);
        match crate::mip::solve(c, start, deadline, 0.6) {
            Some(crate::mip::Outcome::Done(r)) => return r,
            Some(crate::mip::Outcome::Partial { chosen, people_ub }) => {
                let mut r = solve_own(c, chosen, deadline);
                if people_ub < r.bound_people {
                    r.bound_people = people_ub.max(r.people);
                    // Ours bounded the weight at its own people bound; this one holds for any.
                    r.bound_weight = share_bound(c).max(r.weight);
                }
                return r;
            }
            None => {}
        }
    }
    solve_own(c, pair_start, deadline)
}

/// Our own exact machinery: clique cuts, LPs, branch and bound (see the module comment).
fn solve_own(c: &Comp, pair_start: Vec<usize>, deadline: Option<Instant>) -> CompResult {
    let nc = c.nc();
    // Small components get exact LPs: clique cuts hardly tighten those (the cycle
    // formulation is tight) and each round would cost a full LP solve.
    if nc <= 50 || (c.nv <= SIMPLEX_MAX_ROWS && nc > CUT_MAX_CYCLES) {
        return solve_core(c, pair_start, deadline, true);
    }
    if c.nv < SIMPLEX_MAX_ROWS && nc <= CUT_MAX_CYCLES {
        // Clique cuts separated on exact LP solutions (people first, then weight, by a
        // combined objective): they close most of the LP's gap on the weight.
        let cut_deadline = share_of(deadline, 0.15);
        let share = c.w.iter().zip(&c.len).map(|(w, l)| w.abs() / l).max().unwrap_or(0);
        let start = local_search(c, pair_start.clone(), cut_deadline);
        let mut cc = c.clone();
        let mut seen: std::collections::HashSet<Vec<usize>> = std::collections::HashSet::new();
        for round in 0..CUT_ROUNDS {
            if cut_deadline.is_some_and(|d| Instant::now() >= d) || cc.nv >= SIMPLEX_MAX_ROWS {
                break;
            }
            let mut lp = Lp::new(cc.nv, &cc.cstart, &cc.cmem, &cc.len, &start);
            lp.set_objective((0..nc).map(|j| (cc.w[j] + (4 * share + 1) * cc.len[j]) as f64).collect());
            if lp.run(cut_deadline, usize::MAX) != Status::Optimal {
                break;
            }
            let x = lp.primal();
            let room = SIMPLEX_MAX_ROWS - cc.nv;
            let cuts = separate_cliques(&cc, &x, room.min(2000), cut_deadline);
            let fresh: Vec<Vec<usize>> = cuts.into_iter().filter(|q| seen.insert(q.clone())).collect();
            if std::env::var_os("MATCHING_DEBUG").is_some() {
                eprintln!("  exact cut round {round}: {} new clique cuts", fresh.len());
            }
            if fresh.is_empty() {
                break;
            }
            cc = with_cuts(&cc, &fresh);
        }
        return solve_core(&cc, pair_start, deadline, true);
    }
    // Clique cuts: rounds of LP (people, then people-then-weight) and separation.
    let cut_deadline = share_of(deadline, 0.25);
    let share = c.w.iter().zip(&c.len).map(|(w, l)| w.abs() / l).max().unwrap_or(0);
    let mut cc = c.clone();
    let mut seen: std::collections::HashSet<Vec<usize>> = std::collections::HashSet::new();
    for round in 0..4 {
        if cut_deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let base: Vec<i64> = if round % 2 == 0 {
            cc.len.clone()
        } else {
            (0..nc).map(|j| cc.w[j] + (4 * share + 1) * cc.len[j]).collect()
        };
        let st = Stage { base: &base, people_floor: None };
        let (_, _, x) = pdhg(&cc, &st, 20000, i64::MIN, cut_deadline, None);
        let cuts = separate_cliques(&cc, &x, 4000, cut_deadline);
        let fresh: Vec<Vec<usize>> = cuts.into_iter().filter(|q| seen.insert(q.clone())).collect();
        if std::env::var_os("MATCHING_DEBUG").is_some() {
            eprintln!("  cut round {round}: {} new clique cuts", fresh.len());
        }
        if fresh.is_empty() {
            if round % 2 == 1 {
                break;
            }
            continue;
        }
        cc = with_cuts(&cc, &fresh);
    }
    solve_core(&cc, pair_start, deadline, true)
}
