//! [`solve_core`]: the phases of solving one component (possibly with cut vertices):
//! heuristic start, people bound (exact simplex or PDHG) with rounding and diving,
//! neighbourhood search for large components, the people phase (LP-based branch and bound,
//! then the depth-first search), the weight bound, and the weight phase (restricted weight
//! search, or the depth-first search after reduced-cost fixing).

use std::time::Instant;

use crate::component::{Comp, CompResult, restrict, share_bound, share_of, value};
use crate::simplex::{Lp, Status};

use super::bnb::Bnb;
use super::duals::{FixedDuals, SCALE, SIMPLEX_MAX_ROWS, Stage, floor_div_scale, lp_bound, pdhg, w_ub_for};
use super::heuristics::{dive, dive_lp, greedy, local_search};
use super::search::{IncBound, Search};
use super::weight::weight_search;

/// The full component LP is solved by the dense simplex only up to this many cycles.
const FULL_LP_MAX_CYCLES: usize = 15_000;

/// Dynamic branching (fewest open cycles) for components up to this many people.
const DYNAMIC_MAX_PEOPLE: usize = 20_000;

/// Solves one component (possibly with cut vertices): heuristics, bounds, exact search.
/// `top` is false for the subproblems of the neighbourhood search (no nested search, no
/// diagnostics).
pub(super) fn solve_core(c: &Comp, pair_start: Vec<usize>, deadline: Option<Instant>, top: bool) -> CompResult {
    let nc = c.nc();
    let ones: Vec<i64> = c.len.clone();
    let st1 = Stage { base: &ones, people_floor: None };

    // Time budget: each phase gets a share of what is left.
    let budget = |frac: f64| share_of(deadline, frac);
    // Heuristic start: pairs optimum + local search.
    let mut best_set = local_search(c, pair_start, budget(0.1));
    let mut best = value(c, &best_set);
    let max_iter = if nc < 200 { 2000 } else { 20000 };

    // Rounding of an LP solution: cycles by LP value (then weight), greedy, local search.
    let round = |x: &[f64], best: &mut (i64, i64), best_set: &mut Vec<usize>, dl: Option<Instant>| {
        let mut order: Vec<usize> = (0..nc).collect();
        order.sort_by(|&a, &b| x[b].total_cmp(&x[a]).then(c.w[b].cmp(&c.w[a])));
        let s2 = local_search(c, greedy(c, &order), dl);
        let v2 = value(c, &s2);
        if v2 > *best {
            *best = v2;
            *best_set = s2;
        }
    };

    // Stage 1: people bound from the LP relaxation.
    let debug = top && std::env::var_os("MATCHING_DEBUG").is_some();
    let t_start = Instant::now();
    // The simplex (small components) is kept for stage 2: a warm start from its basis.
    // Components with very many cycles: the full dense LP is too slow (PDHG bounds, then the
    // exact LP on the cycles that survive reduced-cost fixing in the weight search).
    let mut lp = (c.nv <= SIMPLEX_MAX_ROWS && nc <= FULL_LP_MAX_CYCLES)
        .then(|| Lp::new(c.nv, &c.cstart, &c.cmem, &c.len, &best_set));
    let mut exact1 = None;
    if let Some(lp) = lp.as_mut() {
        lp.set_objective(c.len.iter().map(|&l| l as f64).collect());
        if lp.run(budget(0.35), usize::MAX) == Status::Optimal {
            exact1 = Some(lp_bound(c, &st1, lp));
        }
    }
    if debug {
        eprintln!(
            "  simplex stage 1: {:?} after {} iterations at {:.2}s",
            exact1.as_ref().map(|r| r.1),
            lp.as_ref().map_or(0, |l| l.iterations),
            t_start.elapsed().as_secs_f64()
        );
    }
    if exact1.is_none() {
        lp = None;
    }
    let (fd1, mut p_ub, x1) = match exact1 {
        Some(r) => r,
        None => pdhg(c, &st1, max_iter, best.0, budget(0.35), None),
    };
    p_ub = p_ub.min(c.nv_real as i64);
    round(&x1, &mut best, &mut best_set, budget(0.1));
    if best.0 < p_ub && nc > 50 {
        let d = dive(c, &x1, &fd1, None, budget(0.25));
        let v = value(c, &d);
        if debug {
            eprintln!("  dive: {v:?} at {:.2}s", t_start.elapsed().as_secs_f64());
        }
        if v > best {
            best = v;
            best_set = d;
        }
    }
    // Too big for the exact branch and bound: improve by neighbourhood search first.
    if top
        && lp.is_none()
        && best.0 < p_ub
        && let Some(dl) = budget(0.7)
    {
        let exact = |sub: &Comp, start: Vec<usize>, dl: Option<Instant>| solve_core(sub, start, dl, false);
        best_set = crate::lns::improve(c, best_set, &x1, p_ub, dl, exact);
        best = value(c, &best_set);
    }
    if debug {
        eprintln!(
            "comp nv={} nc={}: stage1 p_ub={} best={:?} at {:.2}s",
            c.nv,
            nc,
            p_ub,
            best,
            t_start.elapsed().as_secs_f64()
        );
    }

    // Exact LP-based branch and bound for the people count.
    if best.0 < p_ub
        && let Some(lp) = lp.as_mut()
    {
        let mut bb = Bnb::new(c, lp, None, best, best_set.clone(), budget(0.5), 4.0);
        bb.node(0);
        if bb.best > best {
            best = bb.best;
            best_set = bb.best_set.clone();
        }
        if !bb.incomplete {
            p_ub = best.0;
        }
        if debug {
            eprintln!(
                "  bnb people: best={best:?} p_ub={p_ub} nodes={} complete={} at {:.2}s",
                bb.nodes,
                !bb.incomplete,
                t_start.elapsed().as_secs_f64()
            );
        }
    }

    let b1 = IncBound::new(c, &st1, &fd1);
    let zero = FixedDuals { y: vec![0; c.nv], lam: 0 };
    let st2_dummy = Stage { base: &c.w, people_floor: Some(0) };
    let b2 = IncBound::new(c, &st2_dummy, &zero);
    let mut order: Vec<usize> = (0..c.nv).collect();
    order.sort_by_key(|&v| c.cycles_of(v).len());
    let cyc_order = |b1: &IncBound, b2: &IncBound| -> Vec<Vec<u32>> {
        (0..c.nv)
            .map(|v| {
                let mut l: Vec<u32> = c.cycles_of(v).to_vec();
                l.sort_by_key(|&j| (std::cmp::Reverse(b1.rc[j as usize]), std::cmp::Reverse(b2.rc[j as usize])));
                l
            })
            .collect()
    };
    let co = cyc_order(&b1, &b2);
    let mut s = Search {
        c,
        order,
        free: vec![true; c.nv],
        blocked: vec![0; nc],
        b1,
        b2,
        chosen: Vec::new(),
        cur: (0, 0),
        best,
        best_set: best_set.clone(),
        deadline,
        nodes: 0,
        aborted: false,
        target: None,
        found: false,
        people_proven: false,
        refresh_min: 24,
        refreshes: 0,
        dynamic: c.nv <= DYNAMIC_MAX_PEOPLE,
        opencnt: (0..c.nv).map(|v| c.cycles_of(v).len() as u32).collect(),
        n_open: nc,
        cyc_order: co,
    };

    // People phase: look for a packing with p_ub people; if the search proves there is
    // none, p_ub drops by one (a proof), and so on.
    let people_phase = |s: &mut Search<'_>, p_ub: &mut i64, dl: Option<Instant>| {
        s.deadline = dl;
        s.aborted = false;
        while s.best.0 < *p_ub && dl.is_none_or(|d| Instant::now() < d) {
            s.target = Some(*p_ub);
            s.found = false;
            s.dfs(0);
            if s.aborted {
                break;
            }
            if !s.found {
                *p_ub -= 1;
            }
            if debug {
                eprintln!(
                    "  people phase: p_ub={} best={:?} nodes={} refreshes={} at {:.2}s",
                    p_ub,
                    s.best,
                    s.nodes,
                    s.refreshes,
                    t_start.elapsed().as_secs_f64()
                );
            }
        }
        s.target = None;
        s.aborted = false;
        s.found = false;
    };
    people_phase(&mut s, &mut p_ub, budget(0.6));
    best = s.best;
    best_set = s.best_set.clone();
    let mut people_proven = best.0 >= p_ub;

    // Stage 2: weight among packings with p_ub people (LP with the people floor).
    let st2 = Stage { base: &c.w, people_floor: Some(p_ub) };
    let stop = if people_proven { best.1 } else { i64::MIN };
    let maxw = c.w.iter().map(|w| w.abs()).max().unwrap_or(0).max(1) as f64;
    let warm2: Vec<f64> = (0..c.nv).map(|v| 2.0 * maxw * s.b1.y[v] as f64 / SCALE).collect();
    let frac2 = if people_proven { 0.4 } else { 0.15 };
    let mut exact2 = None;
    // Cost of a missing person in the elastic people row: more than any weight difference.
    let share_abs = (0..c.nv_real)
        .map(|v| c.cycles_of(v).iter().map(|&j| c.w[j as usize].abs() / c.len[j as usize] + 1).max().unwrap_or(0))
        .sum::<i64>();
    let elastic_cost = (2 * share_abs + 2) as f64;
    let wobj: Vec<f64> = c.w.iter().map(|&w| w as f64).collect();
    if let Some(lp) = lp.as_mut() {
        lp.set_elastic(Some(elastic_cost));
        lp.set_people_rhs(p_ub as f64);
        if lp.solve_node(budget(frac2)) == Status::Optimal {
            lp.set_objective(wobj.clone());
            if lp.solve_node(budget(frac2)) == Status::Optimal {
                exact2 = Some(lp_bound(c, &st2, lp));
            }
        }
    }
    if debug {
        eprintln!(
            "  simplex stage 2: {:?} after {} iterations at {:.2}s",
            exact2.as_ref().map(|r| r.1),
            lp.as_ref().map_or(0, |l| l.iterations),
            t_start.elapsed().as_secs_f64()
        );
    }
    let exact2_ok = exact2.is_some();
    let (fd2, w_ub, x2) = match exact2 {
        Some(r) => r,
        None => pdhg(c, &st2, max_iter, stop, budget(frac2), Some((&warm2, 2.0 * maxw))),
    };
    // Any packing weighs at most the sum over people of their best share of a cycle.
    let share_bound = share_bound(c);
    let mut w_ub = w_ub.min(share_bound);
    if people_proven {
        round(&x2, &mut best, &mut best_set, budget(0.2));
        if debug {
            eprintln!("  stage2 rounding: {best:?}");
        }
        if best.1 < w_ub
            && exact2_ok
            && let Some(lp) = lp.as_mut()
        {
            lp.set_elastic(None);
            let d = dive_lp(c, lp, budget(0.3));
            lp.set_elastic(Some(elastic_cost));
            lp.set_objective(wobj.clone());
            let v = value(c, &d);
            if debug {
                eprintln!("  simplex dive: {v:?} at {:.2}s", t_start.elapsed().as_secs_f64());
            }
            if v > best {
                best = v;
                best_set = d;
            }
        }
        if best.1 < w_ub && nc > 50 {
            let share = c.w.iter().zip(&c.len).map(|(w, l)| w.abs() / l).max().unwrap_or(0);
            let frac = if c.nv <= SIMPLEX_MAX_ROWS { 0.1 } else { 0.3 };
            let d = dive(c, &x1, &fd1, Some(4 * share + 1), budget(frac));
            let v = value(c, &d);
            if debug {
                eprintln!("  weight dive: {v:?} at {:.2}s", t_start.elapsed().as_secs_f64());
            }
            if v > best {
                best = v;
                best_set = d;
            }
        }
    } else {
        // Keep looking for more people with the rest of the time.
        people_phase(&mut s, &mut p_ub, deadline);
        if s.best > best {
            best = s.best;
            best_set = s.best_set.clone();
        }
        people_proven = best.0 >= p_ub;
        // The stage-2 multipliers bound the weight for any people floor (weaker if lower).
        w_ub = w_ub_for(c, &st2, &fd2, p_ub).min(share_bound);
    }
    if debug {
        eprintln!("  stage2 w_ub={} best={:?} at {:.2}s", w_ub, best, t_start.elapsed().as_secs_f64());
    }
    if people_proven && best.1 >= w_ub {
        return CompResult {
            chosen: best_set,
            people: best.0,
            weight: best.1,
            bound_people: best.0,
            bound_weight: best.1,
        };
    }
    if people_proven && c.nv <= SIMPLEX_MAX_ROWS && deadline.is_none_or(|d| Instant::now() < d) {
        let b2 = IncBound::new(c, &st2, &fd2);
        let r = weight_search(c, &s.b1, &b2, best, best_set.clone(), w_ub, elastic_cost, deadline);
        if r.best > best {
            best = r.best;
            best_set = r.best_set;
        }
        w_ub = w_ub.min(r.w_ub).max(best.1);
        if debug {
            eprintln!(
                "  weight search: best={best:?} w_ub={w_ub} complete={} at {:.2}s",
                r.complete,
                t_start.elapsed().as_secs_f64()
            );
        }
        if r.complete || best.1 >= w_ub {
            return CompResult {
                chosen: best_set,
                people: best.0,
                weight: best.1,
                bound_people: best.0,
                bound_weight: best.1,
            };
        }
    }
    let mut complete = false;
    if people_proven && deadline.is_none_or(|d| Instant::now() < d) {
        // Weight phase: branch and bound with both bounds.
        s.b2 = IncBound::new(c, &st2, &fd2);
        // Reduced-cost fixing: drop every cycle whose forced use already bounds the
        // packing below the incumbent (too few people, or no more weight). The Lagrangian
        // bound with x_j = 1 is the root bound minus max(0, rc_j) plus rc_j.
        let need = best.0 as i128;
        let keep: Vec<usize> = (0..nc)
            .filter(|&j| {
                let p1 = s.b1.sum - s.b1.rc[j].max(0) + s.b1.rc[j];
                let w2 = s.b2.sum - s.b2.rc[j].max(0) + s.b2.rc[j] - s.b2.lam * need;
                floor_div_scale(p1) >= best.0 && floor_div_scale(w2) > best.1
            })
            .collect();
        if debug {
            eprintln!("  reduced-cost fixing keeps {} of {nc} cycles", keep.len());
        }
        if keep.is_empty() {
            complete = true;
        } else if keep.len() * 2 < nc {
            // Much smaller: search the subproblem of the kept cycles (cheaper nodes).
            let (sub, vmap) = restrict(c, &keep);
            let sy1 = FixedDuals { y: vmap.iter().map(|&v| s.b1.y[v]).collect(), lam: 0 };
            let sy2 = FixedDuals { y: vmap.iter().map(|&v| s.b2.y[v]).collect(), lam: s.b2.lam as i64 };
            let st1s = Stage { base: &sub.len, people_floor: None };
            let st2s = Stage { base: &sub.w, people_floor: Some(best.0) };
            let sb1 = IncBound::new(&sub, &st1s, &sy1);
            let sb2 = IncBound::new(&sub, &st2s, &sy2);
            let mut order: Vec<usize> = (0..sub.nv).collect();
            order.sort_by_key(|&v| sub.cycles_of(v).len());
            let co: Vec<Vec<u32>> = (0..sub.nv).map(|v| sub.cycles_of(v).to_vec()).collect();
            let mut t = Search {
                c: &sub,
                order,
                free: vec![true; sub.nv],
                blocked: vec![0; sub.nc()],
                b1: sb1,
                b2: sb2,
                chosen: Vec::new(),
                cur: (0, 0),
                best,
                best_set: Vec::new(),
                deadline,
                nodes: 0,
                aborted: false,
                target: None,
                found: false,
                people_proven: true,
                refresh_min: 24,
                refreshes: 0,
                dynamic: sub.nv <= DYNAMIC_MAX_PEOPLE,
                opencnt: (0..sub.nv).map(|v| sub.cycles_of(v).len() as u32).collect(),
                n_open: sub.nc(),
                cyc_order: co,
            };
            t.dfs(0);
            complete = !t.aborted;
            if t.best > best {
                best = t.best;
                best_set = t.best_set.iter().map(|&k| keep[k]).collect();
            }
            s.nodes = t.nodes;
        } else {
            // Block the dropped cycles for good (they never reopen in the search).
            let mut kept = vec![false; nc];
            for &j in &keep {
                kept[j] = true;
            }
            for j in 0..nc {
                if !kept[j] {
                    s.b1.sum -= s.b1.rc[j].max(0);
                    s.b2.sum -= s.b2.rc[j].max(0);
                    if s.dynamic {
                        for &u in c.members(j) {
                            s.opencnt[u as usize] -= 1;
                        }
                    }
                    s.blocked[j] += 1;
                    s.n_open -= 1;
                }
            }
            s.people_proven = true;
            s.deadline = deadline;
            s.cyc_order = cyc_order(&s.b1, &s.b2);
            if best > s.best {
                s.best = best;
                s.best_set = best_set.clone();
            }
            s.dfs(0);
            complete = !s.aborted;
            best = s.best;
            best_set = s.best_set.clone();
        }
        if debug {
            eprintln!(
                "  weight phase: best={:?} nodes={} complete={} at {:.2}s",
                best,
                s.nodes,
                complete,
                t_start.elapsed().as_secs_f64()
            );
        }
    }
    if complete {
        return CompResult {
            chosen: best_set,
            people: best.0,
            weight: best.1,
            bound_people: best.0,
            bound_weight: best.1,
        };
    }
    // Weight bound for packings with exactly p_ub people.
    let mut bound_weight = w_ub;
    if best.0 == p_ub {
        bound_weight = bound_weight.max(best.1);
    }
    CompResult { chosen: best_set, people: best.0, weight: best.1, bound_people: p_ub, bound_weight }
}
