//! Heuristics for good packings: greedy, local search (insert a cycle, evict what it meets,
//! refill), and LP diving (on PDHG solutions, or on the exact stage-2 LP of the simplex).

use std::time::Instant;

use crate::component::{Comp, add, restrict, sub};
use crate::simplex::{Lp, Status};

use super::duals::{FixedDuals, SCALE, Stage, pdhg_x};

/// Greedy packing in the given cycle order.
pub(super) fn greedy(c: &Comp, order: &[usize]) -> Vec<usize> {
    let mut used = vec![false; c.nv];
    let mut out = Vec::new();
    for &j in order {
        if c.members(j).iter().all(|&v| !used[v as usize]) {
            for &v in c.members(j) {
                used[v as usize] = true;
            }
            out.push(j);
        }
    }
    out
}

/// Local search: insert a cycle, evict the cycles it meets, greedily refill the freed people.
/// Accepts lexicographic improvements. Stops at a local optimum or the deadline.
pub(super) fn local_search(c: &Comp, start: Vec<usize>, deadline: Option<Instant>) -> Vec<usize> {
    const NONE: u32 = u32::MAX;
    let mut owner = vec![NONE; c.nv];
    let mut selected = vec![false; c.nc()];
    for &j in &start {
        selected[j] = true;
        for &v in c.members(j) {
            owner[v as usize] = j as u32;
        }
    }
    let mut order: Vec<usize> = (0..c.nc()).collect();
    order.sort_by_key(|&j| (std::cmp::Reverse(c.len[j]), std::cmp::Reverse(c.w[j])));
    let mut evict: Vec<usize> = Vec::new();
    let mut freed: Vec<usize> = Vec::new();
    let mut refill: Vec<usize> = Vec::new();
    let mut cand: Vec<usize> = Vec::new();
    let mut tmp_used: Vec<bool> = vec![false; c.nv];
    for _round in 0..50 {
        let mut improved = false;
        for (step, &j) in order.iter().enumerate() {
            if step % 256 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
                return (0..c.nc()).filter(|&k| selected[k]).collect();
            }
            if selected[j] {
                continue;
            }
            evict.clear();
            for &v in c.members(j) {
                let o = owner[v as usize];
                if o != NONE && !evict.contains(&(o as usize)) {
                    evict.push(o as usize);
                }
            }
            let mut gain = (c.len[j], c.w[j]);
            for &e in &evict {
                gain = sub(gain, (c.len[e], c.w[e]));
            }
            // People freed by the eviction (not in j).
            freed.clear();
            for &e in &evict {
                for &v in c.members(e) {
                    if !c.members(j).contains(&v) {
                        freed.push(v as usize);
                    }
                }
            }
            // Occupancy after the move: owner != NONE and not evicted, or in j.
            let occupied = |v: usize, tmp_used: &[bool]| -> bool {
                if tmp_used[v] {
                    return true;
                }
                let o = owner[v];
                o != NONE && !evict.contains(&(o as usize))
            };
            for &v in c.members(j) {
                tmp_used[v as usize] = true;
            }
            cand.clear();
            for &f in &freed {
                for &k in c.cycles_of(f) {
                    let k = k as usize;
                    if k != j && !cand.contains(&k) && c.members(k).iter().all(|&u| !occupied(u as usize, &tmp_used)) {
                        cand.push(k);
                    }
                }
            }
            cand.sort_by_key(|&k| (std::cmp::Reverse(c.len[k]), std::cmp::Reverse(c.w[k])));
            refill.clear();
            for &k in &cand {
                if c.members(k).iter().all(|&u| !occupied(u as usize, &tmp_used)) {
                    for &u in c.members(k) {
                        tmp_used[u as usize] = true;
                    }
                    refill.push(k);
                    gain = add(gain, (c.len[k], c.w[k]));
                }
            }
            for &v in c.members(j) {
                tmp_used[v as usize] = false;
            }
            for &k in &refill {
                for &u in c.members(k) {
                    tmp_used[u as usize] = false;
                }
            }
            if gain > (0, 0) {
                for &e in &evict {
                    selected[e] = false;
                    for &v in c.members(e) {
                        owner[v as usize] = NONE;
                    }
                }
                for &k in std::iter::once(&j).chain(refill.iter()) {
                    selected[k] = true;
                    for &v in c.members(k) {
                        owner[v as usize] = k as u32;
                    }
                }
                improved = true;
            }
        }
        if !improved {
            break;
        }
    }
    (0..c.nc()).filter(|&k| selected[k]).collect()
}

/// LP diving: fix the cycles the LP (people stage) takes almost fully, re-solve the LP on
/// what is left (warm start), repeat; then polish by local search.
/// With `combined = Some(L)`, dives on the LP with objective `w_j + L |j|` (people first,
/// then weight, for a large enough `L`) instead of people only.
pub(super) fn dive(
    c: &Comp,
    x0: &[f64],
    d0: &FixedDuals,
    combined: Option<i64>,
    deadline: Option<Instant>,
) -> Vec<usize> {
    let nc = c.nc();
    let mut x = x0.to_vec();
    let yscale = combined.map_or(1.0, |l| l as f64);
    let mut y: Vec<f64> = d0.y.iter().map(|&t| t as f64 / SCALE * yscale).collect();
    let mut used = vec![false; c.nv];
    let mut open = vec![true; nc];
    let mut chosen = Vec::new();
    let take = |j: usize, used: &mut Vec<bool>, open: &mut Vec<bool>, chosen: &mut Vec<usize>| {
        chosen.push(j);
        for &v in c.members(j) {
            used[v as usize] = true;
            for &k in c.cycles_of(v as usize) {
                open[k as usize] = false;
            }
        }
    };
    loop {
        let mut order: Vec<usize> = (0..nc).filter(|&j| open[j]).collect();
        if order.is_empty() {
            break;
        }
        order.sort_by(|&a, &b| x[b].total_cmp(&x[a]).then(c.w[b].cmp(&c.w[a])));
        let mut fixed = 0;
        for &j in &order {
            if x[j] < 0.9 && fixed > 0 {
                break;
            }
            if open[j] {
                take(j, &mut used, &mut open, &mut chosen);
                fixed += 1;
            }
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            // Out of time: finish greedily in LP order.
            for &j in &order {
                if open[j] {
                    take(j, &mut used, &mut open, &mut chosen);
                }
            }
            break;
        }
        let cmap: Vec<usize> = (0..nc).filter(|&j| open[j]).collect();
        if cmap.is_empty() {
            break;
        }
        let (sub, vmap) = restrict(c, &cmap);
        let wy: Vec<f64> = vmap.iter().map(|&v| y[v]).collect();
        let wx: Vec<f64> = cmap.iter().map(|&j| x[j]).collect();
        let base: Vec<i64> = match combined {
            Some(l) => (0..sub.nc()).map(|j| sub.w[j] + l * sub.len[j]).collect(),
            None => sub.len.clone(),
        };
        let st = Stage { base: &base, people_floor: None };
        let (fd, _, xs) = pdhg_x(&sub, &st, 600, i64::MIN, deadline, Some((&wy, 0.0)), Some(&wx));
        for (i, &j) in cmap.iter().enumerate() {
            x[j] = xs[i];
        }
        for (i, &v) in vmap.iter().enumerate() {
            y[v] = fd.y[i] as f64 / SCALE;
        }
    }
    local_search(c, chosen, deadline)
}

/// LP diving on the exact stage-2 LP (people floor in place): repeatedly fix the cycles the
/// LP takes fully and the most-taken fractional one, by a large objective bonus for them and a
/// large penalty for the cycles meeting them, and re-optimise from the current basis (an
/// objective change keeps it primal feasible, so each re-solve is short). Ends when the LP
/// solution is integral; if the fixings leave the people floor unreachable, or time runs
/// out, the rest is completed greedily in LP order. Polished by local search.
pub(super) fn dive_lp(c: &Comp, lp: &mut Lp<'_>, deadline: Option<Instant>) -> Vec<usize> {
    let nc = c.nc();
    let big = c.w.iter().map(|w| w.abs()).sum::<i64>() as f64 + 1.0;
    let mut obj: Vec<f64> = c.w.iter().map(|&w| w as f64).collect();
    // 0 free, 1 fixed in, 2 fixed out.
    let mut state = vec![0u8; nc];
    let mut used = vec![false; c.nv];
    // Changes of the last fixing of a fractional cycle: (cycle, old state), to undo it.
    let mut log: Vec<(usize, u8)> = Vec::new();
    let fix = |j: usize, state: &mut [u8], used: &mut [bool], obj: &mut [f64], log: &mut Vec<(usize, u8)>| {
        if state[j] != 0 || c.members(j).iter().any(|&v| used[v as usize]) {
            return;
        }
        log.push((j, 0));
        state[j] = 1;
        obj[j] += big;
        for &v in c.members(j) {
            used[v as usize] = true;
            for &k in c.cycles_of(v as usize) {
                let k = k as usize;
                if state[k] == 0 {
                    log.push((k, 0));
                    state[k] = 2;
                    obj[k] -= big;
                }
            }
        }
    };
    let infeasible = |x: &[f64], state: &[u8]| (0..nc).any(|j| state[j] == 2 && x[j] > 1e-6);
    let mut x = lp.primal();
    loop {
        if infeasible(&x, &state) || deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let mut top: Option<usize> = None;
        let mut ones = Vec::new();
        for j in 0..nc {
            if state[j] != 0 || x[j] <= 1e-6 {
                continue;
            }
            if x[j] >= 1.0 - 1e-4 {
                ones.push(j);
            } else if top.is_none_or(|t| (x[j], c.w[j]) > (x[t], c.w[t])) {
                top = Some(j);
            }
        }
        let mut scratch = Vec::new();
        for &j in &ones {
            fix(j, &mut state, &mut used, &mut obj, &mut scratch);
        }
        let Some(t) = top else { break };
        log.clear();
        fix(t, &mut state, &mut used, &mut obj, &mut log);
        lp.set_objective(obj.clone());
        if lp.run(deadline, usize::MAX) != Status::Optimal {
            break;
        }
        x = lp.primal();
        if infeasible(&x, &state) {
            // The people floor cannot be met with t: undo its fixing, exclude it instead.
            for &(k, old) in log.iter().rev() {
                if state[k] == 1 {
                    obj[k] -= big;
                    for &v in c.members(k) {
                        used[v as usize] = false;
                    }
                } else {
                    obj[k] += big;
                }
                state[k] = old;
            }
            state[t] = 2;
            obj[t] -= big;
            lp.set_objective(obj.clone());
            if lp.run(deadline, usize::MAX) != Status::Optimal {
                break;
            }
            x = lp.primal();
        }
    }
    // Complete greedily in LP order (only the free cycles can still fit).
    let mut chosen: Vec<usize> = (0..nc).filter(|&j| state[j] == 1).collect();
    let mut order: Vec<usize> = (0..nc).filter(|&j| state[j] == 0).collect();
    order.sort_by(|&a, &b| x[b].total_cmp(&x[a]).then(c.w[b].cmp(&c.w[a])));
    for j in order {
        if c.members(j).iter().all(|&v| !used[v as usize]) {
            for &v in c.members(j) {
                used[v as usize] = true;
            }
            chosen.push(j);
        }
    }
    local_search(c, chosen, deadline)
}
