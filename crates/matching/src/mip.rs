//! Mid-sized components by HiGHS: the cycle formulation as a MIP, two lexicographic stages.
//!
//! On components of a few hundred to some tens of thousands of cycles, HiGHS's presolve,
//! clique table and cuts close the LP gap at or near the root where our own branch and bound
//! needs many nodes. Both stages start from our best packing (HiGHS keeps it as its
//! incumbent), so the answer is never worse than the heuristics'. Stage 1 maximises people;
//! only when that is proven, stage 2 maximises weight among packings with that many people.
//! Bounds are HiGHS's dual bounds, rounded down to integers (every objective is integral).

use std::time::Instant;

use highs::{ColProblem, HighsModelStatus, Row, Sense};

use crate::component::{Comp, CompResult, share_bound, share_of, value};

/// What one stage returned: the best packing HiGHS holds, its dual bound, and whether it
/// proved the packing optimal.
struct Stage {
    chosen: Vec<usize>,
    bound: i64,
    optimal: bool,
}

/// Maximises `obj` over packings of `c` (with at least `people_floor` people), starting from
/// `start`. `None` if HiGHS fails; a packing it returns that is not usable leaves `start`.
fn stage(
    c: &Comp,
    obj: &[i64],
    people_floor: Option<i64>,
    start: &[usize],
    deadline: Option<Instant>,
) -> Option<Stage> {
    let nc = c.nc();
    let mut pb = ColProblem::default();
    let rows: Vec<Row> = (0..c.nv).map(|_| pb.add_row(..=1.0)).collect();
    let people_row = people_floor.map(|p| pb.add_row(p as f64..));
    let mut factors: Vec<(Row, f64)> = Vec::with_capacity(4);
    for (j, &cost) in obj.iter().enumerate() {
        factors.clear();
        factors.extend(c.members(j).iter().map(|&v| (rows[v as usize], 1.0)));
        if let Some(r) = people_row {
            factors.push((r, c.len[j] as f64));
        }
        pb.add_integer_column(cost as f64, 0.0..=1.0, &factors);
    }
    let mut model = pb.optimise(Sense::Maximise);
    // HiGHS's worker threads wait by spinning: on a loaded machine (a second solve, a web
    // server) they starve each other and run far past the time limit. One thread keeps it.
    model.set_option("threads", 1);
    model.set_option("mip_rel_gap", 0.0);
    // Objectives are integral: a gap below 1 is a proof.
    model.set_option("mip_abs_gap", 0.5);
    if let Some(d) = deadline {
        let left = d.saturating_duration_since(Instant::now()).as_secs_f64();
        model.set_option("time_limit", left.max(0.01));
    }
    let mut x0 = vec![0.0; nc];
    for &j in start {
        x0[j] = 1.0;
    }
    model.try_set_solution(Some(&x0), None, None, None).ok()?;
    let solved = model.try_solve().ok()?;
    let status = solved.status();
    let x = solved.get_solution().columns().to_vec();
    let mut chosen: Vec<usize> = (0..nc).filter(|&j| x[j] > 0.5).collect();
    // Keep HiGHS's packing only if it really is one (tolerances) and meets the floor.
    let mut used = vec![false; c.nv];
    let disjoint =
        chosen.iter().all(|&j| c.members(j).iter().all(|&v| !std::mem::replace(&mut used[v as usize], true)));
    let floor_met = people_floor.is_none_or(|p| value(c, &chosen).0 >= p);
    let of = |s: &[usize]| s.iter().map(|&j| obj[j]).sum::<i64>();
    if !disjoint || !floor_met || of(&chosen) < of(start) {
        chosen = start.to_vec();
    }
    let optimal = status == HighsModelStatus::Optimal && of(&chosen) >= (solved.objective_value() - 0.5).ceil() as i64;
    let dual = solved.double_info_value(c"mip_dual_bound").unwrap_or(f64::INFINITY);
    let bound = if optimal {
        of(&chosen)
    } else if dual.is_finite() {
        ((dual + 1e-6).floor() as i64).max(of(&chosen))
    } else {
        i64::MAX
    };
    Some(Stage { chosen, bound, optimal })
}

/// What [`solve`] reached.
pub(crate) enum Outcome {
    /// People proven optimal; the weight stage ran (proven or with its bound).
    Done(CompResult),
    /// The people stage ran out of time: HiGHS's best packing and its people bound.
    Partial { chosen: Vec<usize>, people_ub: i64 },
}

/// Solves component `c` from the packing `start`: people first, then weight. `None` if
/// HiGHS could not be used (the caller falls back to its own search).
pub(crate) fn solve(c: &Comp, start: Vec<usize>, deadline: Option<Instant>, people_share: f64) -> Option<Outcome> {
    let people_deadline = share_of(deadline, people_share);
    let debug = std::env::var_os("MATCHING_DEBUG").is_some();
    let t0 = Instant::now();
    let s1 = stage(c, &c.len, None, &start, people_deadline)?;
    let best = value(c, &s1.chosen);
    if debug {
        eprintln!(
            "  highs people: {} of {} (start {}) at {:.2}s",
            best.0,
            s1.bound,
            value(c, &start).0,
            t0.elapsed().as_secs_f64()
        );
    }
    let people_ub = s1.bound.min(c.nv_real as i64);
    if best.0 < people_ub {
        return Some(Outcome::Partial { chosen: s1.chosen, people_ub });
    }
    let s2 = stage(c, &c.w, Some(best.0), &s1.chosen, deadline)?;
    let best = value(c, &s2.chosen);
    if debug {
        eprintln!("  highs weight: {} of {} at {:.2}s", best.1, s2.bound, t0.elapsed().as_secs_f64());
    }
    let bound_weight = if s2.optimal { best.1 } else { s2.bound.min(share_bound(c)).max(best.1) };
    Some(Outcome::Done(CompResult {
        chosen: s2.chosen,
        people: best.0,
        weight: best.1,
        bound_people: people_ub,
        bound_weight,
    }))
}
