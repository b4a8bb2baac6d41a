//! Exact depth-first search over people (each person is either in one of its still-possible
//! cycles or in none), pruned by Lagrangian bounds maintained incrementally in exact
//! arithmetic ([`IncBound`]) and refreshed by PDHG on the open subproblem at deeper nodes.
//! The people and weight phases of `solve_core` run it where the LP-based branch and bound
//! has not settled them (always for components too big for the dense simplex).

use std::time::Instant;

use crate::component::{Comp, add, restrict, sub};

use super::duals::{FixedDuals, SCALE, Stage, floor_div_scale, pdhg, rc_fixed};

/// Node LPs are re-solved only for subproblems up to this many cycles (time and memory).
const REFRESH_MAX_CYCLES: usize = 20_000;

/// Incremental exact Lagrangian bound over the still-free people and still-possible cycles.
#[derive(Clone)]
pub(super) struct IncBound {
    pub(super) rc: Vec<i128>,
    pub(super) y: Vec<i64>,
    /// sum over free people of y + sum over open cycles of max(0, rc) (scaled).
    pub(super) sum: i128,
    pub(super) lam: i128,
}

impl IncBound {
    pub(super) fn new(c: &Comp, st: &Stage<'_>, fd: &FixedDuals) -> Self {
        let rc: Vec<i128> = (0..c.nc()).map(|j| rc_fixed(c, st, fd, j)).collect();
        let sum = fd.y.iter().map(|&y| y as i128).sum::<i128>() + rc.iter().map(|&r| r.max(0)).sum::<i128>();
        IncBound { rc, y: fd.y.clone(), sum, lam: fd.lam as i128 }
    }
}

pub(super) struct Search<'a> {
    pub(super) c: &'a Comp,
    pub(super) order: Vec<usize>,
    pub(super) free: Vec<bool>,
    pub(super) blocked: Vec<u32>,
    pub(super) b1: IncBound,
    pub(super) b2: IncBound,
    pub(super) chosen: Vec<usize>,
    pub(super) cur: (i64, i64),
    pub(super) best: (i64, i64),
    pub(super) best_set: Vec<usize>,
    pub(super) deadline: Option<Instant>,
    pub(super) nodes: u64,
    pub(super) aborted: bool,
    /// People phase: only look for packings with at least this many people; stop at the first.
    pub(super) target: Option<i64>,
    pub(super) found: bool,
    /// The incumbent's people count is proven maximal (weight phase).
    pub(super) people_proven: bool,
    /// Re-solve the LP at nodes whose subproblem has at least this many open cycles.
    pub(super) refresh_min: usize,
    pub(super) refreshes: u64,
    /// Choose the person with the fewest open cycles at each node (else the static order).
    pub(super) dynamic: bool,
    /// Open cycles per person (maintained only in dynamic mode).
    pub(super) opencnt: Vec<u32>,
    /// Number of open cycles.
    pub(super) n_open: usize,
    /// Branch order of the cycles of each person (best reduced cost first).
    pub(super) cyc_order: Vec<Vec<u32>>,
}

impl Search<'_> {
    fn block_vertex(&mut self, v: usize) {
        self.free[v] = false;
        self.b1.sum -= self.b1.y[v] as i128;
        self.b2.sum -= self.b2.y[v] as i128;
        for &j in self.c.cycles_of(v) {
            let j = j as usize;
            if self.blocked[j] == 0 {
                self.b1.sum -= self.b1.rc[j].max(0);
                self.b2.sum -= self.b2.rc[j].max(0);
                self.n_open -= 1;
                if self.dynamic {
                    for &u in self.c.members(j) {
                        self.opencnt[u as usize] -= 1;
                    }
                }
            }
            self.blocked[j] += 1;
        }
    }

    fn unblock_vertex(&mut self, v: usize) {
        for &j in self.c.cycles_of(v) {
            let j = j as usize;
            self.blocked[j] -= 1;
            if self.blocked[j] == 0 {
                self.b1.sum += self.b1.rc[j].max(0);
                self.b2.sum += self.b2.rc[j].max(0);
                self.n_open += 1;
                if self.dynamic {
                    for &u in self.c.members(j) {
                        self.opencnt[u as usize] += 1;
                    }
                }
            }
        }
        self.free[v] = true;
        self.b1.sum += self.b1.y[v] as i128;
        self.b2.sum += self.b2.y[v] as i128;
    }

    /// Can this node still contain a packing lexicographically better than the incumbent?
    fn promising(&self) -> bool {
        let p_ub = self.cur.0 + floor_div_scale(self.b1.sum);
        if let Some(t) = self.target {
            return p_ub >= t;
        }
        if p_ub < self.best.0 {
            return false;
        }
        if p_ub > self.best.0 && !self.people_proven {
            return true;
        }
        // Only packings with exactly best.0 people can still win, by weight. The stage-2
        // bound holds for any people floor: use the people still needed.
        let need = (self.best.0 - self.cur.0) as i128; // people still to cover
        let w2 = self.b2.sum - self.b2.lam * need;
        let w_ub = self.cur.1 + floor_div_scale(w2);
        w_ub > self.best.1
    }

    pub(super) fn dfs(&mut self, pos: usize) {
        self.nodes += 1;
        if self.nodes.is_multiple_of(64) && self.deadline.is_some_and(|d| Instant::now() >= d) {
            self.aborted = true;
        }
        if self.aborted || self.found {
            return;
        }
        // Next person to branch on, and the free people with no open cycle left (skipped).
        let (p, skipped) = if self.dynamic {
            // Fewest open cycles first (ties: larger multiplier, i.e. more contested).
            let mut pick = usize::MAX;
            let mut skipped = Vec::new();
            for v in 0..self.c.nv {
                if !self.free[v] {
                    continue;
                }
                let k = self.opencnt[v];
                if k == 0 {
                    skipped.push(v);
                } else if pick == usize::MAX
                    || k < self.opencnt[pick]
                    || (k == self.opencnt[pick] && self.b1.y[v] > self.b1.y[pick])
                {
                    pick = v;
                }
            }
            (if pick == usize::MAX { usize::MAX } else { self.c.nv + pick }, skipped)
        } else {
            let mut p = pos;
            while p < self.order.len() {
                let v = self.order[p];
                if self.free[v] && self.c.cycles_of(v).iter().any(|&j| self.blocked[j as usize] == 0) {
                    break;
                }
                p += 1;
            }
            let skipped: Vec<usize> = self.order[pos..p].iter().copied().filter(|&u| self.free[u]).collect();
            (if p == self.order.len() { usize::MAX } else { p }, skipped)
        };
        if p == usize::MAX {
            if self.cur > self.best {
                self.best = self.cur;
                self.best_set = self.chosen.clone();
            }
            if self.target.is_some_and(|t| self.cur.0 >= t) {
                self.found = true;
            }
            return;
        }
        // People skipped on the way have no open cycle left: drop their multipliers.
        for &u in &skipped {
            self.block_vertex(u);
        }
        if self.promising() {
            match self.refresh() {
                Some((old1, old2)) => {
                    if self.promising() {
                        self.branch(p);
                    }
                    self.b1 = old1;
                    self.b2 = old2;
                }
                None => self.branch(p),
            }
        }
        for &u in skipped.iter().rev() {
            self.unblock_vertex(u);
        }
    }

    /// Re-solves the LP relaxation of the current subproblem (warm start from the current
    /// multipliers) and installs the new multipliers. Returns the previous bounds, to
    /// restore after the subtree.
    fn refresh(&mut self) -> Option<(IncBound, IncBound)> {
        if self.refresh_min == usize::MAX || self.aborted {
            return None;
        }
        let c = self.c;
        // Subproblem: open cycles and the free people in them.
        if self.n_open < self.refresh_min || self.n_open > REFRESH_MAX_CYCLES {
            return None;
        }
        if self.chosen.is_empty() && self.free.iter().all(|&f| f) {
            return None; // the root LP was just solved
        }
        let cmap: Vec<usize> = (0..c.nc()).filter(|&j| self.blocked[j] == 0).collect();
        if cmap.len() < self.refresh_min || cmap.len() > REFRESH_MAX_CYCLES {
            return None;
        }
        self.refreshes += 1;
        let (sub, vmap) = restrict(c, &cmap);
        let iters = 400;
        let need = match self.target {
            Some(t) => t - self.cur.0,
            None => self.best.0 - self.cur.0,
        };
        // Stage 1 on the subproblem: prune when fewer than `need` people fit.
        let wy: Vec<f64> = vmap.iter().map(|&v| self.b1.y[v] as f64 / SCALE).collect();
        let st1 = Stage { base: &sub.len, people_floor: None };
        let (fd1, _, _) = pdhg(&sub, &st1, iters, need - 1, self.deadline, Some((&wy, 0.0)));
        let nb1 = self.install(&sub, &st1, &fd1, &vmap, &cmap);
        let mut nb2 = None;
        if self.target.is_none() && floor_div_scale(nb1.sum) >= need {
            let wy: Vec<f64> = vmap.iter().map(|&v| self.b2.y[v] as f64 / SCALE).collect();
            let wl = self.b2.lam as f64 / SCALE;
            let st2 = Stage { base: &sub.w, people_floor: Some(need.max(0)) };
            let stop = self.best.1 - self.cur.1;
            let (fd2, _, _) = pdhg(&sub, &st2, iters, stop, self.deadline, Some((&wy, wl)));
            nb2 = Some(self.install(&sub, &st2, &fd2, &vmap, &cmap));
        }
        // Keep whichever multipliers bound better (both are valid).
        let nb1 = if nb1.sum < self.b1.sum { nb1 } else { self.b1.clone() };
        let old1 = std::mem::replace(&mut self.b1, nb1);
        let old2 = match nb2 {
            Some(b) if b.sum - b.lam * (need.max(0) as i128) < self.b2.sum - self.b2.lam * (need.max(0) as i128) => {
                std::mem::replace(&mut self.b2, b)
            }
            _ => self.b2.clone(),
        };
        Some((old1, old2))
    }

    /// Full-size incremental bound from subproblem multipliers (other people get 0).
    fn install(&self, sub: &Comp, st: &Stage<'_>, fd: &FixedDuals, vmap: &[usize], cmap: &[usize]) -> IncBound {
        let c = self.c;
        let mut y = vec![0i64; c.nv];
        for (i, &v) in vmap.iter().enumerate() {
            y[v] = fd.y[i];
        }
        let mut rc = vec![0i128; c.nc()];
        let mut sum: i128 = fd.y.iter().map(|&t| t as i128).sum();
        for (i, &j) in cmap.iter().enumerate() {
            let r = rc_fixed(sub, st, fd, i);
            rc[j] = r;
            sum += r.max(0);
        }
        IncBound { rc, y, sum, lam: fd.lam as i128 }
    }

    /// Branches on a person: `p < order.len()` is a position in the static order; in
    /// dynamic mode `p = nv + v` names the person directly.
    fn branch(&mut self, p: usize) {
        let (v, next) = if p >= self.c.nv && self.dynamic { (p - self.c.nv, 0) } else { (self.order[p], p + 1) };
        let cands: Vec<usize> =
            self.cyc_order[v].iter().map(|&j| j as usize).filter(|&j| self.blocked[j] == 0).collect();
        let mut cands = cands;
        cands.sort_by_key(|&j| (std::cmp::Reverse(self.b1.rc[j]), std::cmp::Reverse(self.b2.rc[j])));
        for j in cands {
            let mem: Vec<usize> = self.c.members(j).iter().map(|&u| u as usize).collect();
            for &u in &mem {
                self.block_vertex(u);
            }
            self.chosen.push(j);
            self.cur = add(self.cur, (self.c.len[j], self.c.w[j]));
            if self.promising() {
                self.dfs(next);
            }
            self.cur = sub(self.cur, (self.c.len[j], self.c.w[j]));
            self.chosen.pop();
            for &u in mem.iter().rev() {
                self.unblock_vertex(u);
            }
            if self.aborted || self.found {
                return;
            }
        }
        // v stays out.
        self.block_vertex(v);
        if self.promising() {
            self.dfs(next);
        }
        self.unblock_vertex(v);
    }
}
