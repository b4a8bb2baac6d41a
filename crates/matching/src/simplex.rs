//! Dense revised primal simplex for the packing LPs of [`crate::packing`].
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
//! inverse whose pivot-row entry is non-zero. The right-hand side is perturbed by tiny
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
}

/// A packing LP over the cycles `cstart/cmem` (members) with lengths `len`.
pub struct Lp<'a> {
    cstart: &'a [usize],
    cmem: &'a [u32],
    len: &'a [i64],
    nc: usize,
    /// Rows: `0..nv` vertex rows, `nv` the people row.
    m: usize,
    /// Variables: `0..nc` cycles, `nc + i` slack of row `i`.
    basis: Vec<usize>,
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
        let mut pos = vec![usize::MAX; nc + m];
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
            pos,
            binv,
            b,
            xb: vec![0.0; m],
            y: vec![0.0; m],
            obj: vec![0.0; nc],
            devex: vec![1.0; nc + m],
            tol_d: 1e-9,
            iterations: 0,
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

    /// Requires `sum_j |j| x_j >= p` (slightly relaxed). Returns false when the current basis
    /// becomes infeasible (the caller then falls back to another method).
    pub fn set_people_floor(&mut self, p: f64) -> bool {
        self.b[self.m - 1] = -p + 1e-7;
        self.recompute();
        self.xb.iter().all(|&v| v > -1e-7)
    }

    fn obj_of(&self, var: usize) -> f64 {
        if var < self.nc { self.obj[var] } else { 0.0 }
    }

    /// `x_B = B^-1 b` and `y = c_B^T B^-1` from the current inverse.
    fn recompute(&mut self) {
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
        } else {
            -self.y[var - self.nc]
        }
    }

    /// Primal simplex from the current (feasible) basis.
    pub fn run(&mut self, deadline: Option<Instant>, max_iter: usize) -> Status {
        let m = self.m;
        let mut alpha = vec![0.0; m];
        let mut rho = vec![0.0; m];
        let mut since = 0usize;
        for it in 0..max_iter {
            if it % 32 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
                return Status::Stopped;
            }
            // Devex pricing over all variables.
            let mut q = usize::MAX;
            let mut best = 0.0;
            let mut score = 0.0;
            for var in 0..self.nc + m {
                if self.pos[var] != usize::MAX {
                    continue;
                }
                let r = self.rc(var);
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
                    since = 0;
                    continue;
                }
                return Status::Optimal;
            }
            // alpha = B^-1 a_q.
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
            } else {
                let i = q - self.nc;
                alpha.copy_from_slice(&self.binv[i * m..(i + 1) * m]);
            }
            // Harris two-pass ratio test.
            const PIV: f64 = 1e-9;
            const FEAS: f64 = 1e-9;
            let mut bound = f64::INFINITY;
            for k in 0..m {
                if alpha[k] > PIV {
                    let r = (self.xb[k].max(0.0) + FEAS) / alpha[k];
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
                if alpha[k] > PIV && self.xb[k].max(0.0) / alpha[k] <= bound && alpha[k] > best_a {
                    best_a = alpha[k];
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
            for var in 0..self.nc + m {
                if self.pos[var] != usize::MAX || var == q {
                    continue;
                }
                let arj = if var < self.nc {
                    let mut t = -(self.len[var] as f64) * rho[m - 1];
                    for &v in &self.cmem[self.cstart[var]..self.cstart[var + 1]] {
                        t += rho[v as usize];
                    }
                    t
                } else {
                    rho[var - self.nc]
                };
                if arj != 0.0 {
                    let ratio = arj / ar;
                    let cand = ratio * ratio * wq;
                    if cand > self.devex[var] {
                        self.devex[var] = cand;
                    }
                }
            }
            let theta = self.xb[r].max(0.0) / ar;
            for k in 0..m {
                self.xb[k] -= theta * alpha[k];
            }
            self.xb[r] = theta;
            // y += (rc_q / alpha_r) * (row r of B^-1), before the inverse changes.
            let f = best / ar;
            for i in 0..m {
                if rho[i] != 0.0 {
                    self.y[i] += f * rho[i];
                }
            }
            // Product-form update of the inverse, column by column.
            for i in 0..m {
                let col = &mut self.binv[i * m..(i + 1) * m];
                let p = col[r];
                if p != 0.0 {
                    let p = p / ar;
                    for (t, &a) in col.iter_mut().zip(&alpha) {
                        *t -= a * p;
                    }
                    col[r] = p;
                    // Flush tiny entries so the inverse stays sparse.
                    for t in col.iter_mut() {
                        if t.abs() < 1e-14 {
                            *t = 0.0;
                        }
                    }
                }
            }
            let out = self.basis[r];
            self.devex[out] = (wq / (ar * ar)).max(1.0);
            self.pos[out] = usize::MAX;
            self.basis[r] = q;
            self.pos[q] = r;
            self.iterations += 1;
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
