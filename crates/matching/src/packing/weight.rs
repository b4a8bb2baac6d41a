//! The exact weight phase once the people count is proven: branch and bound on subproblems
//! restricted to the cycles that can still beat a threshold just below the bound, the
//! threshold lowered until the incumbent is proven optimal.

use std::time::Instant;

use crate::component::{Comp, restrict, with_cuts};
use crate::simplex::{Lp, Status};

use super::bnb::Bnb;
use super::cuts::separate_cliques;
use super::duals::{SIMPLEX_MAX_ROWS, floor_div_scale};
use super::search::IncBound;

/// Rounds of clique cuts in the weight search's subproblem.
const SUB_CUT_ROUNDS: usize = 3;

/// Outcome of [`weight_search`].
pub(super) struct WeightSearch {
    pub(super) best: (i64, i64),
    pub(super) best_set: Vec<usize>,
    pub(super) complete: bool,
    /// Proven weight bound for packings with `best.0` people.
    pub(super) w_ub: i64,
}

/// Exact weight phase (people count `best.0` proven maximal) by restricted searches: for a
/// threshold `T` below the root bound, only the cycles whose use still allows a packing of
/// weight above `T` (exact reduced-cost test with the root multipliers `b1`, `b2`) can be in
/// such a packing, so a complete branch and bound on those cycles alone either finds the
/// best packing above `T` (optimal: every better packing uses only those cycles) or proves
/// there is none (the bound drops to `T`; `T` is lowered and the search repeated). Small
/// thresholds gaps make small subproblems with small LPs.
#[allow(clippy::too_many_arguments)]
pub(super) fn weight_search(
    c: &Comp,
    b1: &IncBound,
    b2: &IncBound,
    best: (i64, i64),
    best_set: Vec<usize>,
    w_ub: i64,
    elastic_cost: f64,
    deadline: Option<Instant>,
) -> WeightSearch {
    let debug = std::env::var_os("MATCHING_DEBUG").is_some();
    let p = best.0;
    let mut out = WeightSearch { best, best_set, complete: false, w_ub };
    let need = p as i128;
    // Exact bound on the weight of packings with p people that use cycle j.
    let bound_with = |j: usize| -> Option<i64> {
        let p1 = b1.sum + b1.rc[j].min(0);
        let w2 = b2.sum + b2.rc[j].min(0) - b2.lam * need;
        (floor_div_scale(p1) >= p).then(|| floor_div_scale(w2))
    };
    // One LP on every cycle that can be in a packing better than the incumbent; each round
    // excludes the cycles below its threshold (fixings: a dual simplex step).
    let keep: Vec<usize> = (0..c.nc()).filter(|&j| bound_with(j).is_some_and(|b| b > out.best.1)).collect();
    if keep.is_empty() {
        out.complete = true;
        out.w_ub = out.best.1;
        return out;
    }
    let kb: Vec<i64> = keep.iter().map(|&j| bound_with(j).unwrap_or(i64::MIN)).collect();
    let (mut sub, _) = restrict(c, &keep);
    let mut pos = vec![usize::MAX; c.nc()];
    for (i, &j) in keep.iter().enumerate() {
        pos[j] = i;
    }
    let start: Vec<usize> = out.best_set.iter().map(|&j| pos[j]).filter(|&i| i != usize::MAX).collect();
    // The stage-2 LP of the subproblem; clique cuts separated on its solution tighten it
    // (a few rounds, each a fresh LP).
    let solve_lp = |sub: &Comp| -> Option<Vec<f64>> {
        let mut lp = Lp::new(sub.nv, &sub.cstart, &sub.cmem, &sub.len, &start);
        lp.set_objective(sub.len.iter().map(|&l| l as f64).collect());
        if lp.run(deadline, usize::MAX) != Status::Optimal {
            return None;
        }
        lp.set_elastic(Some(elastic_cost));
        lp.set_people_rhs(p as f64);
        if lp.solve_node(deadline) != Status::Optimal {
            return None;
        }
        lp.set_objective(sub.w.iter().map(|&w| w as f64).collect());
        (lp.solve_node(deadline) == Status::Optimal).then(|| lp.primal())
    };
    let mut seen: std::collections::HashSet<Vec<usize>> = std::collections::HashSet::new();
    for _ in 0..SUB_CUT_ROUNDS {
        if sub.nv >= SIMPLEX_MAX_ROWS {
            break;
        }
        let Some(x) = solve_lp(&sub) else { return out };
        let cuts = separate_cliques(&sub, &x, (SIMPLEX_MAX_ROWS - sub.nv).min(1000), deadline);
        let fresh: Vec<Vec<usize>> = cuts.into_iter().filter(|q| seen.insert(q.clone())).collect();
        if debug {
            eprintln!("    weight search: {} new clique cuts", fresh.len());
        }
        if fresh.is_empty() {
            break;
        }
        sub = with_cuts(&sub, &fresh);
    }
    let mut lp = Lp::new(sub.nv, &sub.cstart, &sub.cmem, &sub.len, &start);
    lp.set_objective(sub.len.iter().map(|&l| l as f64).collect());
    if lp.run(deadline, usize::MAX) != Status::Optimal {
        return out;
    }
    lp.set_elastic(Some(elastic_cost));
    lp.set_people_rhs(p as f64);
    if lp.solve_node(deadline) != Status::Optimal {
        return out;
    }
    lp.set_objective(sub.w.iter().map(|&w| w as f64).collect());
    let mut gap = 8i64;
    loop {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return out;
        }
        if out.best.1 >= out.w_ub {
            out.complete = true;
            return out;
        }
        // Steps of 8, 16, 32, ... below the bound, at most half way down to the incumbent
        // (rounds near the bound are cheap, and a threshold just below the optimum makes
        // the smallest complete search).
        let t = out.w_ub - gap.min((out.w_ub - out.best.1 + 1) / 2).max(1);
        // Exclusions only shrink from round to round (T decreases): releasing keeps the
        // basis primal feasible.
        let excluded: Vec<usize> = (0..sub.nc()).filter(|&i| kb[i] <= t).collect();
        for i in 0..sub.nc() {
            lp.set_removed(i, kb[i] <= t);
        }
        let mut bb = Bnb::new(&sub, &mut lp, Some(p), (p, t), Vec::new(), deadline, elastic_cost);
        for &i in &excluded {
            bb.out[i] = 1;
        }
        bb.node(0);
        let complete = !bb.incomplete;
        let found = (bb.best.1 > t && !bb.best_set.is_empty())
            .then(|| (bb.best, bb.best_set.iter().map(|&i| keep[i]).collect::<Vec<usize>>()));
        if debug {
            eprintln!(
                "    weight search: T={t} uses {} of {} cycles ({} rows), nodes={}, found={:?}, complete={complete}, \
                 iterations {} reinversions {}",
                sub.nc() - excluded.len(),
                c.nc(),
                sub.nv + 1,
                bb.nodes,
                found.as_ref().map(|f| f.0),
                bb.lp.iterations,
                bb.lp.reinversions
            );
        }
        if let Some((v, set)) = found
            && v > out.best
        {
            out.best = v;
            out.best_set = set;
        }
        if !complete {
            return out;
        }
        // Nothing better than the incumbent lies above T, and nothing above the best found.
        out.w_ub = if out.best.1 > t { out.best.1 } else { t };
        if out.best.1 >= out.w_ub {
            out.complete = true;
            return out;
        }
        gap *= 2;
    }
}
