//! Dense revised primal simplex for the packing LPs (of the `packing` module).
//!
//! The LP is `max c^T x` subject to one row per vertex (`sum of the cycles through it <= 1`)
//! and one people row (`sum_j |j| x_j >= P`, written `-|j| x <= -P`), `x >= 0`. It exists
//! because the first-order method (PDHG) converges too slowly for the last units of the
//! bound: with exact LP multipliers the Lagrangian bound is the LP value itself, reduced-cost
//! fixing removes almost every cycle and the remaining search is small.
//!
//! The basis inverse is kept dense (column-major, `m x m`), so this is only used for
//! components of at most a few thousand vertices. Columns are few-nonzero (the members of a
//! cycle, plus the people row), so the product-form update only touches the columns of the
//! inverse whose pivot-row entry is non-zero, and in them the rows where the entering column
//! is. When the residual of `B x_B = b` drifts, the inverse is recomputed from the basis.
//! Branch and bound support: cycles can be removed (fixed at 0: a dual simplex step),
//! the people floor changed, slacks penalised (soft equality rows), and an elastic variable
//! keeps the people row feasible. The right-hand side is perturbed by tiny
//! distinct amounts against stalling on the massive degeneracy of packing LPs; the perturbed
//! basis stays optimal-dual for the original LP, and the bound built from its multipliers is
//! evaluated exactly by the caller anyway, so floating-point error can weaken a bound but
//! never invalidate it.

// Dense linear algebra over parallel arrays (inverse columns, x_B, alpha, rho) reads best
// with explicit indices.
#![allow(clippy::needless_range_loop)]

use std::time::Instant;

/// Reinversion-free accuracy refresh: recompute `x_B` and `y` from the inverse this often.
const REFRESH_EVERY: usize = 64;

/// Relative size of the right-hand-side perturbation (against degenerate stalling).
const PERTURB: f64 = 1e-5;

/// Outcome of [`Lp::run`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Optimal,
    /// Deadline or iteration limit reached; duals are not dual feasible.
    Stopped,
    /// Numerical trouble (no pivot found where one must exist).
    Failed,
    /// The dual simplex found no entering variable: the node LP looks infeasible.
    Infeasible,
}

/// A saved basis ([`Lp::save`]).
pub struct Snapshot {
    basis: Vec<usize>,
    binv: Vec<f64>,
    xb: Vec<f64>,
    y: Vec<f64>,
}

/// A packing LP over the cycles `cstart/cmem` (members) with lengths `len`.
pub struct Lp<'a> {
    cstart: &'a [usize],
    cmem: &'a [u32],
    len: &'a [i64],
    nc: usize,
    /// Rows: `0..nv` vertex rows, `nv` the people row.
    m: usize,
    /// Variables: `0..nc` cycles, `nc + i` slack of row `i`, `nc + m` the elastic variable
    /// of the people row (`sum |j| x_j + e >= P`, cost `-elastic_cost`).
    basis: Vec<usize>,
    /// Variables fixed at 0 (never enter; a basic one is driven out by the dual simplex).
    removed: Vec<bool>,
    elastic_cost: f64,
    /// Objective of the slacks is `-slack_cost` (0 for a plain inequality).
    slack_cost: Vec<f64>,
    /// Position of each variable in the basis, or `usize::MAX`.
    pos: Vec<usize>,
    binv: Vec<f64>,
    b: Vec<f64>,
    xb: Vec<f64>,
    y: Vec<f64>,
    obj: Vec<f64>,
    /// Devex reference weights of the variables (pricing by `rc^2 / weight`).
    devex: Vec<f64>,
    tol_d: f64,
    pub iterations: usize,
    /// Inverses recomputed from scratch (drift).
    pub reinversions: usize,
}

impl<'a> Lp<'a> {
    /// Starting basis from a packing `start` (disjoint cycles, `x_j = 1`), slacks elsewhere;
    /// no people floor. A good packing is close to the LP optimum, which saves most of the
    /// iterations from the all-slack basis.
    pub fn new(nv: usize, cstart: &'a [usize], cmem: &'a [u32], len: &'a [i64], start: &[usize]) -> Lp<'a> {
        let nc = len.len();
        let m = nv + 1;
        let mut binv = vec![0.0; m * m];
        for i in 0..m {
            binv[i * m + i] = 1.0;
        }
        // Deterministic distinct perturbations of the right-hand side (relaxing).
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut b = Vec::with_capacity(m);
        for _ in 0..nv {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let r = (seed >> 11) as f64 / (1u64 << 53) as f64;
            b.push(1.0 + PERTURB * (1.0 + r));
        }
        b.push(1e-7);
        let mut basis: Vec<usize> = (nc..nc + m).collect();
        let mut used = vec![false; m];
        for &j in start {
            let mem = &cmem[cstart[j]..cstart[j + 1]];
            if mem.iter().any(|&v| used[v as usize]) {
                continue; // not disjoint: skip (the basis stays valid)
            }
            // The cycle takes the slot of its member with the smallest right-hand side, so
            // the other members' slacks stay non-negative.
            let mut r = mem[0] as usize;
            for &v in mem {
                used[v as usize] = true;
                if b[v as usize] < b[r] {
                    r = v as usize;
                }
            }
            basis[r] = j;
            // Column r of the inverse: 1 at r, -1 at the other members, +len at the people row.
            for &v in mem {
                if v as usize != r {
                    binv[r * m + v as usize] = -1.0;
                }
            }
            binv[r * m + m - 1] = len[j] as f64;
        }
        let mut pos = vec![usize::MAX; nc + m + 1];
        let mut removed = vec![false; nc + m + 1];
        removed[nc + m] = true;
        for (k, &v) in basis.iter().enumerate() {
            pos[v] = k;
        }
        let mut lp = Lp {
            cstart,
            cmem,
            len,
            nc,
            m,
            basis,
            removed,
            elastic_cost: 0.0,
            slack_cost: vec![0.0; m],
            pos,
            binv,
            b,
            xb: vec![0.0; m],
            y: vec![0.0; m],
            obj: vec![0.0; nc],
            devex: vec![1.0; nc + m + 1],
            tol_d: 1e-9,
            iterations: 0,
            reinversions: 0,
        };
        lp.recompute();
        lp
    }

    /// Sets the objective of the cycles (slacks have 0).
    pub fn set_objective(&mut self, obj: Vec<f64>) {
        let scale = obj.iter().fold(0.0f64, |a, &c| a.max(c.abs())).max(1.0);
        self.tol_d = 1e-9 * scale;
        self.obj = obj;
        self.recompute();
    }

    fn obj_of(&self, var: usize) -> f64 {
        if var < self.nc {
            self.obj[var]
        } else if var == self.nc + self.m {
            -self.elastic_cost
        } else {
            -self.slack_cost[var - self.nc]
        }
    }

    fn nvar(&self) -> usize {
        self.nc + self.m + 1
    }

    /// Bytes of a [`Lp::save`].
    pub fn snapshot_bytes(&self) -> usize {
        self.m * self.m * 8
    }

    /// The basis with its inverse and values, to return to with [`Lp::restore`] (valid while
    /// the removals, costs and right-hand sides are the same again).
    pub fn save(&self) -> Snapshot {
        Snapshot { basis: self.basis.clone(), binv: self.binv.clone(), xb: self.xb.clone(), y: self.y.clone() }
    }

    pub fn restore(&mut self, s: &Snapshot) {
        for &v in &self.basis {
            self.pos[v] = usize::MAX;
        }
        self.basis.copy_from_slice(&s.basis);
        for (k, &v) in self.basis.iter().enumerate() {
            self.pos[v] = k;
        }
        self.binv.copy_from_slice(&s.binv);
        self.xb.copy_from_slice(&s.xb);
        self.y.copy_from_slice(&s.y);
    }

    /// Fixes cycle `j` at 0 (`true`) or frees it again.
    pub fn set_removed(&mut self, j: usize, r: bool) {
        self.removed[j] = r;
    }

    /// Penalises the slack of row `i` by `cost` per unit (0: free again): the row becomes a
    /// soft equality. An objective change: the basis stays primal feasible.
    pub fn set_slack_cost(&mut self, i: usize, cost: f64) {
        if self.slack_cost[i] != cost {
            self.slack_cost[i] = cost;
            self.recompute();
        }
    }

    /// Allows violating the people floor at `cost` per person (`None`: not allowed). Keeps
    /// every node LP feasible; the bounds are Lagrangian, so this only affects their strength.
    pub fn set_elastic(&mut self, cost: Option<f64>) {
        let e = self.nc + self.m;
        self.removed[e] = cost.is_none();
        self.elastic_cost = cost.unwrap_or(0.0);
        self.recompute();
    }

    /// Value of the elastic variable.
    pub fn elastic(&self) -> f64 {
        let e = self.nc + self.m;
        if self.pos[e] == usize::MAX { 0.0 } else { self.xb[self.pos[e]].max(0.0) }
    }

    /// Changes the people floor to `p` without any check (`x_B` updated incrementally).
    pub fn set_people_rhs(&mut self, p: f64) {
        let m = self.m;
        let nb = -p + 1e-7;
        let d = nb - self.b[m - 1];
        self.b[m - 1] = nb;
        if d != 0.0 {
            let col = &self.binv[(m - 1) * m..m * m];
            for (t, &a) in self.xb.iter_mut().zip(col) {
                *t += a * d;
            }
        }
    }

    /// `alpha = B^-1 a_q`.
    fn column(&self, q: usize, alpha: &mut [f64]) {
        let m = self.m;
        if q < self.nc {
            alpha.iter_mut().for_each(|t| *t = 0.0);
            for &v in &self.cmem[self.cstart[q]..self.cstart[q + 1]] {
                let col = &self.binv[v as usize * m..(v as usize + 1) * m];
                for (t, &a) in alpha.iter_mut().zip(col) {
                    *t += a;
                }
            }
            let l = -(self.len[q] as f64);
            let col = &self.binv[(m - 1) * m..m * m];
            for (t, &a) in alpha.iter_mut().zip(col) {
                *t += l * a;
            }
        } else if q == self.nc + m {
            for (t, &a) in alpha.iter_mut().zip(&self.binv[(m - 1) * m..m * m]) {
                *t = -a;
            }
        } else {
            let i = q - self.nc;
            alpha.copy_from_slice(&self.binv[i * m..(i + 1) * m]);
        }
    }

    /// `rho^T a_var` for a row `rho` of the inverse.
    fn row_entry(&self, rho: &[f64], var: usize) -> f64 {
        let m = self.m;
        if var < self.nc {
            let mut t = -(self.len[var] as f64) * rho[m - 1];
            for &v in &self.cmem[self.cstart[var]..self.cstart[var + 1]] {
                t += rho[v as usize];
            }
            t
        } else if var == self.nc + m {
            -rho[m - 1]
        } else {
            rho[var - self.nc]
        }
    }

    /// Reduced costs of all nonbasic, non-removed variables (0 elsewhere).
    fn reduced_costs(&self, out: &mut [f64]) {
        for (var, t) in out.iter_mut().enumerate() {
            *t = if self.pos[var] != usize::MAX || self.removed[var] { 0.0 } else { self.rc(var) };
        }
    }

    /// Largest primal infeasibility of the basis (negative values, removed basics above 0).
    pub fn primal_infeasibility(&self) -> f64 {
        let mut worst = 0.0f64;
        for (k, &v) in self.basis.iter().enumerate() {
            let x = self.xb[k];
            let inf = if x < 0.0 {
                -x
            } else if self.removed[v] {
                x
            } else {
                0.0
            };
            worst = worst.max(inf);
        }
        worst
    }

    /// Re-optimises after fixings (dual simplex) and releases (primal simplex).
    pub fn solve_node(&mut self, deadline: Option<Instant>) -> Status {
        for _ in 0..8 {
            match self.dual_run(deadline, usize::MAX) {
                Status::Optimal => {}
                s => return s,
            }
            match self.run(deadline, usize::MAX) {
                Status::Optimal => {}
                s => return s,
            }
            self.recompute();
            if self.primal_infeasibility() <= 1e-7 {
                return Status::Optimal;
            }
        }
        Status::Failed
    }

    /// Replaces basic variable at row `r` by `q` (`alpha = B^-1 a_q`, `rho` = row `r` of the
    /// inverse, `rc` the reduced cost of `q`), updating `x_B`, `y` and the inverse.
    fn pivot(&mut self, r: usize, q: usize, alpha: &[f64], rho: &[f64], rc: f64, theta: f64) {
        let m = self.m;
        let ar = alpha[r];
        for k in 0..m {
            self.xb[k] -= theta * alpha[k];
        }
        self.xb[r] = theta;
        let f = rc / ar;
        for i in 0..m {
            if rho[i] != 0.0 {
                self.y[i] += f * rho[i];
            }
        }
        // Product-form update, touching only the columns with a non-zero in row r (`rho`)
        // and in them only the rows where alpha is non-zero.
        let anz: Vec<usize> = (0..m).filter(|&k| alpha[k] != 0.0).collect();
        for i in 0..m {
            let p = rho[i];
            if p != 0.0 {
                let p = p / ar;
                let col = &mut self.binv[i * m..(i + 1) * m];
                for &k in &anz {
                    let v = col[k] - alpha[k] * p;
                    // Flush tiny entries so the inverse stays sparse.
                    col[k] = if v.abs() < 1e-14 { 0.0 } else { v };
                }
                col[r] = p;
            }
        }
        let out = self.basis[r];
        self.pos[out] = usize::MAX;
        self.basis[r] = q;
        self.pos[q] = r;
        self.iterations += 1;
    }

    /// Dual simplex from a dual feasible basis until the basis is primal feasible.
    pub fn dual_run(&mut self, deadline: Option<Instant>, max_iter: usize) -> Status {
        let m = self.m;
        let mut alpha = vec![0.0; m];
        let mut rho = vec![0.0; m];
        const FEAS: f64 = 1e-9;
        const PIV: f64 = 1e-9;
        let mut since = 0usize;
        for it in 0..max_iter {
            if it % 32 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
                return Status::Stopped;
            }
            // Leaving row: largest infeasibility.
            let mut r = usize::MAX;
            let mut worst = FEAS;
            for k in 0..m {
                let x = self.xb[k];
                let inf = if x < 0.0 {
                    -x
                } else if self.removed[self.basis[k]] {
                    x
                } else {
                    0.0
                };
                if inf > worst {
                    worst = inf;
                    r = k;
                }
            }
            if r == usize::MAX {
                if since > 0 {
                    self.recompute();
                    since = 0;
                    continue;
                }
                return Status::Optimal;
            }
            let sgn = if self.xb[r] < 0.0 { -1.0 } else { 1.0 };
            for i in 0..m {
                rho[i] = self.binv[i * m + r];
            }
            // Harris two-pass ratio test on the reduced costs.
            let mut bound = f64::INFINITY;
            let mut cand: Vec<(usize, f64, f64)> = Vec::new();
            for var in 0..self.nvar() {
                if self.pos[var] != usize::MAX || self.removed[var] {
                    continue;
                }
                let t = sgn * self.row_entry(&rho, var);
                if t > PIV {
                    let d = (-self.rc(var)).max(0.0);
                    let ratio = (d + self.tol_d) / t;
                    if ratio < bound {
                        bound = ratio;
                    }
                    cand.push((var, t, d));
                }
            }
            let mut q = usize::MAX;
            let mut best_t = 0.0;
            for &(var, t, d) in &cand {
                if d / t <= bound && t > best_t {
                    best_t = t;
                    q = var;
                }
            }
            if q == usize::MAX {
                return Status::Infeasible;
            }
            self.column(q, &mut alpha);
            let ar = alpha[r];
            if ar.abs() < PIV || (ar > 0.0) != (sgn > 0.0) {
                // Inconsistent with the row computation: refresh and retry.
                self.recompute();
                if since == 0 {
                    return Status::Failed;
                }
                since = 0;
                continue;
            }
            let theta = self.xb[r] / ar;
            let rcq = self.rc(q);
            self.pivot(r, q, &alpha, &rho, rcq, theta);
            since += 1;
            if since >= REFRESH_EVERY {
                self.recompute();
                since = 0;
            }
        }
        Status::Stopped
    }

    /// `x_B = B^-1 b` and `y = c_B^T B^-1` from the current inverse.
    fn recompute(&mut self) {
        self.recompute_once();
        // The product-form updates accumulate error: check the residual of `B x_B = b` and
        // recompute the inverse from the basis when it has drifted.
        if self.residual() > 1e-8 && self.reinvert() {
            self.reinversions += 1;
            self.recompute_once();
        }
    }

    /// Adds `scale * a_var` to `out` (constraint-row space).
    fn add_column(&self, var: usize, scale: f64, out: &mut [f64]) {
        let m = self.m;
        if var < self.nc {
            for &v in &self.cmem[self.cstart[var]..self.cstart[var + 1]] {
                out[v as usize] += scale;
            }
            out[m - 1] -= scale * self.len[var] as f64;
        } else if var == self.nc + m {
            out[m - 1] -= scale;
        } else {
            out[var - self.nc] += scale;
        }
    }

    /// Largest entry of `B x_B - b`.
    fn residual(&self) -> f64 {
        let mut r: Vec<f64> = self.b.iter().map(|&t| -t).collect();
        for (k, &var) in self.basis.iter().enumerate() {
            self.add_column(var, self.xb[k], &mut r);
        }
        r.iter().fold(0.0f64, |a, &t| a.max(t.abs()))
    }

    /// Recomputes the inverse from the basis: basic slacks cover their rows, so only the
    /// block of the structural basic columns on the other rows needs a dense inversion
    /// (Gauss-Jordan, partial pivoting). Returns false (inverse unchanged) if singular.
    fn reinvert(&mut self) -> bool {
        let m = self.m;
        let nc = self.nc;
        let is_slack = |var: usize| var >= nc && var < nc + m;
        let spos: Vec<usize> = (0..m).filter(|&k| !is_slack(self.basis[k])).collect();
        let mut covered = vec![false; m];
        for &var in &self.basis {
            if is_slack(var) {
                covered[var - nc] = true;
            }
        }
        let rows: Vec<usize> = (0..m).filter(|&i| !covered[i]).collect();
        let kk = spos.len();
        if rows.len() != kk {
            return false;
        }
        let mut ridx = vec![usize::MAX; m];
        for (t, &i) in rows.iter().enumerate() {
            ridx[i] = t;
        }
        // M (kk x kk, row-major): M[t][s] = a_{basis[spos[s]]}[rows[t]]; inverse by Gauss-Jordan.
        let mut a = vec![0.0f64; kk * kk];
        let mut col = vec![0.0f64; m];
        for (s_, &k) in spos.iter().enumerate() {
            col.iter_mut().for_each(|t| *t = 0.0);
            self.add_column(self.basis[k], 1.0, &mut col);
            for (i, &v) in col.iter().enumerate() {
                if v != 0.0 && ridx[i] != usize::MAX {
                    a[ridx[i] * kk + s_] = v;
                }
            }
        }
        let mut inv = vec![0.0f64; kk * kk];
        for t in 0..kk {
            inv[t * kk + t] = 1.0;
        }
        for p in 0..kk {
            let mut piv = p;
            for r in p + 1..kk {
                if a[r * kk + p].abs() > a[piv * kk + p].abs() {
                    piv = r;
                }
            }
            if a[piv * kk + p].abs() < 1e-11 {
                return false;
            }
            if piv != p {
                for c_ in 0..kk {
                    a.swap(p * kk + c_, piv * kk + c_);
                    inv.swap(p * kk + c_, piv * kk + c_);
                }
            }
            let d = 1.0 / a[p * kk + p];
            for c_ in 0..kk {
                a[p * kk + c_] *= d;
                inv[p * kk + c_] *= d;
            }
            let (prow_a, prow_i): (Vec<f64>, Vec<f64>) =
                (a[p * kk..(p + 1) * kk].to_vec(), inv[p * kk..(p + 1) * kk].to_vec());
            for r in 0..kk {
                if r == p {
                    continue;
                }
                let f = a[r * kk + p];
                if f != 0.0 {
                    for c_ in 0..kk {
                        a[r * kk + c_] -= f * prow_a[c_];
                        inv[r * kk + c_] -= f * prow_i[c_];
                    }
                }
            }
        }
        // Column i of B^-1: structural part Minv e_{ridx[i]} (or 0), slack part from the rest.
        let mut z = vec![0.0f64; kk];
        for i in 0..m {
            let colv = &mut self.binv[i * m..(i + 1) * m];
            colv.iter_mut().for_each(|t| *t = 0.0);
            match ridx[i] {
                usize::MAX => z.iter_mut().for_each(|t| *t = 0.0),
                t => {
                    for s_ in 0..kk {
                        z[s_] = inv[s_ * kk + t];
                    }
                }
            }
            // Residual in covered rows: e_i - sum_s a_s z_s.
            col.iter_mut().for_each(|t| *t = 0.0);
            col[i] = 1.0;
            for (s_, &k) in spos.iter().enumerate() {
                if z[s_] != 0.0 {
                    let var = self.basis[k];
                    let zs = -z[s_];
                    // add_column borrows self immutably; inline it here.
                    if var < nc {
                        for &v in &self.cmem[self.cstart[var]..self.cstart[var + 1]] {
                            col[v as usize] += zs;
                        }
                        col[m - 1] -= zs * self.len[var] as f64;
                    } else {
                        col[m - 1] -= zs;
                    }
                }
            }
            let colv = &mut self.binv[i * m..(i + 1) * m];
            for (s_, &k) in spos.iter().enumerate() {
                colv[k] = z[s_];
            }
            for (k, &var) in self.basis.iter().enumerate() {
                if is_slack(var) {
                    colv[k] = col[var - nc];
                }
            }
        }
        true
    }

    fn recompute_once(&mut self) {
        let m = self.m;
        self.xb.iter_mut().for_each(|t| *t = 0.0);
        for i in 0..m {
            let bi = self.b[i];
            if bi != 0.0 {
                let col = &self.binv[i * m..(i + 1) * m];
                for (t, &v) in self.xb.iter_mut().zip(col) {
                    *t += v * bi;
                }
            }
        }
        let cb: Vec<f64> = self.basis.iter().map(|&v| self.obj_of(v)).collect();
        for i in 0..m {
            let col = &self.binv[i * m..(i + 1) * m];
            self.y[i] = col.iter().zip(&cb).map(|(a, b)| a * b).sum();
        }
    }

    fn rc(&self, var: usize) -> f64 {
        if var < self.nc {
            let mut r = self.obj[var] + self.y[self.m - 1] * self.len[var] as f64;
            for &v in &self.cmem[self.cstart[var]..self.cstart[var + 1]] {
                r -= self.y[v as usize];
            }
            r
        } else if var == self.nc + self.m {
            -self.elastic_cost + self.y[self.m - 1]
        } else {
            -self.slack_cost[var - self.nc] - self.y[var - self.nc]
        }
    }

    /// Primal simplex from the current (feasible) basis.
    pub fn run(&mut self, deadline: Option<Instant>, max_iter: usize) -> Status {
        let m = self.m;
        // Fresh Devex reference framework (weights of earlier runs may have grown huge).
        self.devex.iter_mut().for_each(|w| *w = 1.0);
        let mut alpha = vec![0.0; m];
        let mut rho = vec![0.0; m];
        let mut since = 0usize;
        // Reduced costs of the nonbasic variables, updated along with the Devex weights (both
        // need the pivot row) and refreshed with the multipliers.
        let mut rcv = vec![0.0; self.nvar()];
        self.reduced_costs(&mut rcv);
        for it in 0..max_iter {
            if it % 32 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
                return Status::Stopped;
            }
            // Devex pricing over all variables.
            let mut q = usize::MAX;
            let mut best = 0.0;
            let mut score = 0.0;
            for var in 0..self.nvar() {
                if self.pos[var] != usize::MAX || self.removed[var] {
                    continue;
                }
                let r = rcv[var];
                if r > self.tol_d && r * r > score * self.devex[var] {
                    score = r * r / self.devex[var];
                    best = r;
                    q = var;
                }
            }
            if q == usize::MAX {
                if since > 0 {
                    // Confirm optimality with freshly computed multipliers.
                    self.recompute();
                    self.reduced_costs(&mut rcv);
                    since = 0;
                    continue;
                }
                return Status::Optimal;
            }
            self.column(q, &mut alpha);
            // Harris two-pass ratio test.
            const PIV: f64 = 1e-9;
            const FEAS: f64 = 1e-9;
            let mut bound = f64::INFINITY;
            // Removed basic variables have the upper bound 0 as well.
            let ratio_of = |k: usize, xb: &[f64], removed: bool| -> Option<(f64, f64)> {
                if alpha[k] > PIV {
                    Some((xb[k].max(0.0), alpha[k]))
                } else if removed && alpha[k] < -PIV {
                    Some(((-xb[k]).max(0.0), -alpha[k]))
                } else {
                    None
                }
            };
            for k in 0..m {
                if let Some((d, a)) = ratio_of(k, &self.xb, self.removed[self.basis[k]]) {
                    let r = (d + FEAS) / a;
                    if r < bound {
                        bound = r;
                    }
                }
            }
            if !bound.is_finite() {
                return Status::Failed;
            }
            let mut r = usize::MAX;
            let mut best_a = 0.0;
            for k in 0..m {
                if let Some((d, a)) = ratio_of(k, &self.xb, self.removed[self.basis[k]])
                    && d / a <= bound
                    && a > best_a
                {
                    best_a = a;
                    r = k;
                }
            }
            if r == usize::MAX {
                return Status::Failed;
            }
            let ar = alpha[r];
            // Devex weights from the pivot row (row r of B^-1 times the columns).
            for i in 0..m {
                rho[i] = self.binv[i * m + r];
            }
            let wq = self.devex[q];
            let f = best / ar;
            for var in 0..self.nvar() {
                if self.pos[var] != usize::MAX || var == q || self.removed[var] {
                    continue;
                }
                let arj = self.row_entry(&rho, var);
                if arj != 0.0 {
                    rcv[var] -= f * arj;
                    let ratio = arj / ar;
                    let cand = (ratio * ratio * wq).min(1e30);
                    if cand > self.devex[var] {
                        self.devex[var] = cand;
                    }
                }
            }
            let theta = match ratio_of(r, &self.xb, self.removed[self.basis[r]]) {
                Some((d, a)) => d / a,
                None => 0.0,
            };
            let out = self.basis[r];
            self.pivot(r, q, &alpha, &rho, best, theta);
            self.devex[out] = (wq / (ar * ar)).max(1.0);
            rcv[out] = -f;
            rcv[q] = 0.0;
            if self.iterations.is_multiple_of(500) && std::env::var_os("MATCHING_DEBUG_LP").is_some() {
                let z: f64 = self.basis.iter().zip(&self.xb).map(|(&v, &x)| self.obj_of(v) * x).sum();
                let nnz = self.binv.iter().filter(|&&t| t != 0.0).count();
                eprintln!(
                    "    simplex it={} z={z:.6} rc={best:.3e} theta={theta:.3e} nnz(Binv)={nnz}",
                    self.iterations
                );
            }
            since += 1;
            if since >= REFRESH_EVERY {
                self.recompute();
                self.reduced_costs(&mut rcv);
                since = 0;
            }
        }
        Status::Stopped
    }

    /// Multipliers of the vertex rows and of the people row (`lam >= 0`).
    pub fn duals(&self) -> (Vec<f64>, f64) {
        (self.y[..self.m - 1].to_vec(), self.y[self.m - 1])
    }

    /// Primal values of the cycles.
    pub fn primal(&self) -> Vec<f64> {
        let mut x = vec![0.0; self.nc];
        for (k, &v) in self.basis.iter().enumerate() {
            if v < self.nc {
                x[v] = self.xb[k].clamp(0.0, 1.0);
            }
        }
        x
    }
}
