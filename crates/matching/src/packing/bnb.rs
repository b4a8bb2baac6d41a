//! LP-based branch and bound for components small enough for the dense simplex: the exact
//! LP at every node (warm started), exact Lagrangian pruning and reduced-cost fixing from the
//! node LP's multipliers, branching on people's coverage or on single cycles.

use std::time::Instant;

use crate::component::{Comp, add, sub, value};
use crate::simplex::{Lp, Snapshot, Status};

use super::duals::{Duals, SCALE, floor_div_scale, to_fixed};

/// Memory for saved bases along the branch and bound path (deeper levels re-optimise).
const SNAPSHOT_BYTES: usize = 128 << 20;

/// Depth-first branch and bound on single cycles with the exact simplex at every node
/// (warm started: a fixing is a dual simplex step away, a release a primal one).
/// Stage 1 (`floor == None`) maximises people; stage 2 maximises weight among packings with
/// at least `floor` people (the people row is elastic in the LP, so every node LP is feasible).
/// Every pruning uses an exact Lagrangian bound from the node LP's multipliers, evaluated
/// in integer arithmetic over the node's free people and open cycles, so floating-point
/// error can cost nodes but never an optimum. Any numerical trouble marks the search
/// incomplete (no optimality claim).
pub(super) struct Bnb<'a, 'b> {
    c: &'a Comp,
    pub(super) lp: &'b mut Lp<'a>,
    floor: Option<i64>,
    /// Reasons for a cycle to be out (fixed to 0 or meeting a chosen cycle).
    pub(super) out: Vec<u32>,
    is_chosen: Vec<bool>,
    used: Vec<bool>,
    /// People that must be covered (their row is an equality; the multiplier is free).
    cover: Vec<bool>,
    /// Penalty per unit of slack of a covered person's row (more than any objective gain).
    cover_cost: f64,
    /// 1: branch on people (coverage), then cycles; 2: on cycles only.
    branch_mode: u8,
    chosen: Vec<usize>,
    cur: (i64, i64),
    pub(super) best: (i64, i64),
    pub(super) best_set: Vec<usize>,
    deadline: Option<Instant>,
    pub(super) nodes: u64,
    pub(super) incomplete: bool,
    debug: bool,
    debug_nodes: bool,
}

impl<'a, 'b> Bnb<'a, 'b> {
    pub(super) fn new(
        c: &'a Comp,
        lp: &'b mut Lp<'a>,
        floor: Option<i64>,
        best: (i64, i64),
        best_set: Vec<usize>,
        deadline: Option<Instant>,
        cover_cost: f64,
    ) -> Self {
        Bnb {
            c,
            lp,
            floor,
            out: vec![0; c.nc()],
            is_chosen: vec![false; c.nc()],
            used: vec![false; c.nv],
            cover: vec![false; c.nv],
            cover_cost,
            // People: dive on cycles (finding a packing is the hard part); weight: branch on
            // the person whose coverage is most fractional (closes the bound fastest).
            branch_mode: if floor.is_some() { 1 } else { 2 },
            chosen: Vec::new(),
            cur: (0, 0),
            best,
            best_set,
            deadline,
            nodes: 0,
            incomplete: false,
            debug: std::env::var_os("MATCHING_DEBUG").is_some(),
            debug_nodes: std::env::var_os("MATCHING_DEBUG_BNB").is_some(),
        }
    }

    fn open(&self, j: usize) -> bool {
        self.out[j] == 0 && !self.is_chosen[j]
    }

    /// Value the stage maximises, of the incumbent.
    fn incumbent(&self) -> i64 {
        if self.floor.is_some() { self.best.1 } else { self.best.0 }
    }

    fn base(&self, j: usize) -> i64 {
        if self.floor.is_some() { self.c.w[j] } else { self.c.len[j] }
    }

    fn set_out(&mut self, j: usize, delta: i32) {
        let before = self.out[j];
        self.out[j] = (self.out[j] as i64 + delta as i64) as u32;
        if (before == 0) != (self.out[j] == 0) && !self.is_chosen[j] {
            self.lp.set_removed(j, self.out[j] > 0);
        }
    }

    fn choose(&mut self, j: usize) {
        let c = self.c;
        self.is_chosen[j] = true;
        self.lp.set_removed(j, true);
        self.chosen.push(j);
        self.cur = add(self.cur, (c.len[j], c.w[j]));
        for &v in c.members(j) {
            self.used[v as usize] = true;
            for &k in c.cycles_of(v as usize) {
                if k as usize != j {
                    self.set_out(k as usize, 1);
                }
            }
        }
        if let Some(p) = self.floor {
            self.lp.set_people_rhs((p - self.cur.0) as f64);
        }
    }

    fn unchoose(&mut self, j: usize) {
        let c = self.c;
        for &v in c.members(j).iter().rev() {
            self.used[v as usize] = false;
            for &k in c.cycles_of(v as usize) {
                if k as usize != j {
                    self.set_out(k as usize, -1);
                }
            }
        }
        self.cur = sub(self.cur, (c.len[j], c.w[j]));
        self.chosen.pop();
        self.is_chosen[j] = false;
        self.lp.set_removed(j, self.out[j] > 0);
        if let Some(p) = self.floor {
            self.lp.set_people_rhs((p - self.cur.0) as f64);
        }
    }

    /// Exact scaled Lagrangian value of the node (without the chosen cycles' value) and the
    /// scaled reduced costs of the open cycles.
    fn node_bound(&self, rc: &mut [i128]) -> i128 {
        let c = self.c;
        let (y, lam) = self.lp.duals();
        let lam = if self.floor.is_some() { lam } else { 0.0 };
        let mut fd = to_fixed(&Duals { y: y.clone(), lam });
        for v in 0..c.nv {
            if self.cover[v] && y[v].is_finite() && y[v] < 0.0 {
                fd.y[v] = (y[v] * SCALE).floor().max(-1e17) as i64;
            }
        }
        let mut val: i128 = 0;
        for v in 0..c.nv {
            if !self.used[v] {
                val += fd.y[v] as i128;
            }
        }
        if let Some(p) = self.floor {
            val -= fd.lam as i128 * (p - self.cur.0) as i128;
        }
        for j in 0..c.nc() {
            if !self.open(j) {
                continue;
            }
            let mut r = self.base(j) as i128 * SCALE as i128 + fd.lam as i128 * c.len[j] as i128;
            for &v in c.members(j) {
                r -= fd.y[v as usize] as i128;
            }
            rc[j] = r;
            val += r.max(0);
        }
        val
    }

    /// This node's optimal basis, if memory allows keeping one per level down to here.
    fn snapshot(&self, depth: usize) -> Option<Snapshot> {
        ((depth + 1) * self.lp.snapshot_bytes() <= SNAPSHOT_BYTES).then(|| self.lp.save())
    }

    /// Returns the LP to this node's optimum after a child's changes were undone: restores
    /// the saved basis, or re-optimises (a release: primal simplex).
    fn back_to_node(&mut self, snap: &Option<Snapshot>) -> bool {
        match snap {
            Some(s) => {
                self.lp.restore(s);
                true
            }
            None => self.lp.solve_node(self.deadline) == Status::Optimal,
        }
    }

    fn cur_value(&self) -> i64 {
        if self.floor.is_some() { self.cur.1 } else { self.cur.0 }
    }

    pub(super) fn node(&mut self, depth: usize) {
        self.nodes += 1;
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            self.incomplete = true;
        }
        if self.incomplete {
            return;
        }
        if self.lp.solve_node(self.deadline) != Status::Optimal {
            self.incomplete = true;
            return;
        }
        let c = self.c;
        let nc = c.nc();
        let mut rc = vec![0i128; nc];
        let val = self.node_bound(&mut rc);
        let inc = self.incumbent();
        if self.cur_value() + floor_div_scale(val) <= inc {
            return;
        }
        let x = self.lp.primal();
        if self.debug_nodes && depth == 0 {
            let mut row = vec![0.0f64; c.nv];
            let mut people = 0.0;
            for j in 0..nc {
                if self.open(j) {
                    people += x[j] * c.len[j] as f64;
                    for &v in c.members(j) {
                        row[v as usize] += x[j];
                    }
                }
            }
            let viol = row.iter().fold(0.0f64, |a, &r| a.max(r));
            let fsum = self.lp.duals().0.iter().sum::<f64>();
            eprintln!(
                "      root: people {people:.4} max row {viol:.6} floor {:?} lam {} ysum {fsum}",
                self.floor,
                self.lp.duals().1
            );
        }
        if self.debug_nodes {
            let nfrac = (0..nc).filter(|&j| self.open(j) && x[j] > 1e-6 && x[j] < 1.0 - 1e-6).count();
            let z: f64 = (0..nc).filter(|&j| self.open(j)).map(|j| x[j] * self.base(j) as f64).sum();
            eprintln!(
                "      node {} depth {depth} cur {:?} bound {} lpz {:.4} e {:.3e} frac {nfrac} it {}",
                self.nodes,
                self.cur,
                self.cur_value() + floor_div_scale(val),
                z + self.cur_value() as f64,
                self.lp.elastic(),
                self.lp.iterations
            );
        }
        // Integral LP solution: a packing (if it meets the people floor).
        let mut frac: Option<usize> = None;
        let mut one: Option<usize> = None;
        for j in 0..nc {
            if !self.open(j) || x[j] <= 1e-6 {
                continue;
            }
            if x[j] >= 1.0 - 1e-6 {
                one.get_or_insert(j);
            } else if frac.is_none_or(|t| (x[j], c.w[j]) > (x[t], c.w[t])) {
                frac = Some(j);
            }
        }
        if frac.is_none() {
            let mut set = self.chosen.clone();
            set.extend((0..nc).filter(|&j| self.open(j) && x[j] > 0.5));
            let mut seen = vec![false; c.nv];
            let disjoint =
                set.iter().all(|&j| c.members(j).iter().all(|&v| !std::mem::replace(&mut seen[v as usize], true)));
            let v = value(c, &set);
            if disjoint && self.floor.is_none_or(|p| v.0 >= p) && v > self.best {
                self.best = v;
                self.best_set = set;
                if self.debug {
                    eprintln!("    bnb: incumbent {:?} at node {} depth {depth}", self.best, self.nodes);
                }
            }
            if self.cur_value() + floor_div_scale(val) <= self.incumbent() {
                return;
            }
        }
        // Reduced-cost fixing: open cycles whose use bounds the node at the incumbent.
        let inc = self.incumbent();
        let mut fixed = Vec::new();
        for j in 0..nc {
            if self.open(j) && rc[j] < 0 && self.cur_value() + floor_div_scale(val + rc[j]) <= inc {
                fixed.push(j);
            }
        }
        for &j in &fixed {
            self.set_out(j, 1);
        }
        // Branch on a person whose coverage is fractional (covered or not), else on a cycle.
        let mut cov = vec![0.0f64; c.nv];
        for j in 0..nc {
            if self.open(j) && x[j] > 1e-9 {
                for &v in c.members(j) {
                    cov[v as usize] += x[j];
                }
            }
        }
        let mut pv: Option<usize> = None;
        for v in 0..c.nv {
            if self.used[v] || self.cover[v] || cov[v] <= 1e-6 || cov[v] >= 1.0 - 1e-6 {
                continue;
            }
            if pv.is_none_or(|u| (cov[v] - 0.5).abs() < (cov[u] - 0.5).abs()) {
                pv = Some(v);
            }
        }
        if self.branch_mode == 2 {
            pv = None;
        }
        if let Some(v) = pv {
            let cycles: Vec<usize> = c.cycles_of(v).iter().map(|&k| k as usize).filter(|&k| self.open(k)).collect();
            let snap = self.snapshot(depth);
            for first in [true, false] {
                if first {
                    self.cover[v] = true;
                    self.lp.set_slack_cost(v, self.cover_cost);
                } else {
                    for &k in &cycles {
                        self.set_out(k, 1);
                    }
                }
                self.node(depth + 1);
                if first {
                    self.cover[v] = false;
                    self.lp.set_slack_cost(v, 0.0);
                } else {
                    for &k in &cycles {
                        self.set_out(k, -1);
                    }
                }
                if self.incomplete {
                    break;
                }
                if first && !self.back_to_node(&snap) {
                    self.incomplete = true;
                    break;
                }
            }
            for &j in &fixed {
                self.set_out(j, -1);
            }
            return;
        }
        match frac.or(one) {
            Some(j) => {
                let snap = self.snapshot(depth);
                self.choose(j);
                self.node(depth + 1);
                self.unchoose(j);
                if !self.incomplete && !self.back_to_node(&snap) {
                    self.incomplete = true;
                }
                if !self.incomplete {
                    // Back at this node's LP optimum (a release: primal simplex), exclude j.
                    self.set_out(j, 1);
                    self.node(depth + 1);
                    self.set_out(j, -1);
                }
            }
            None => self.incomplete = true,
        }
        for &j in &fixed {
            self.set_out(j, -1);
        }
    }
}
