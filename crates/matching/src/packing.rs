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
//! LP-based branch and bound ([`Bnb`]): exact LP at every node (warm started), pruning by the
//! exact Lagrangian bound of the node LP's multipliers, clique cuts at the root; the weight
//! phase runs it on threshold-restricted subproblems ([`weight_search`]). Larger components
//! use a depth-first branch and bound over people (each person is either in one of its
//! still-possible cycles or in none), pruning with Lagrangian bounds maintained
//! incrementally in exact arithmetic. When a search finishes, the incumbent is optimal.

#![allow(clippy::needless_range_loop)]

use std::time::Instant;

use crate::cycles::Cycles;
use crate::simplex::{Lp, Snapshot, Status};

/// Components with at most this many rows (people and cuts) get their root LPs solved
/// exactly by the dense simplex (its inverse is `rows^2` floats: 72 MB at 3000).
const SIMPLEX_MAX_ROWS: usize = 3000;

/// Rounds of clique-cut separation on exact LP solutions (simplex components).
const CUT_ROUNDS: usize = 10;

/// Exact cut rounds only for components up to this many cycles (each round is a full LP).
const CUT_MAX_CYCLES: usize = 15_000;

/// Memory for saved bases along the branch and bound path (deeper levels re-optimise).
const SNAPSHOT_BYTES: usize = 128 << 20;

/// Rounds of clique cuts in the weight search's subproblem.
const SUB_CUT_ROUNDS: usize = 3;

/// The full component LP is solved by the dense simplex only up to this many cycles.
const FULL_LP_MAX_CYCLES: usize = 15_000;

/// Dynamic branching (fewest open cycles) for components up to this many people.
const DYNAMIC_MAX_PEOPLE: usize = 20_000;

/// Node LPs are re-solved only for subproblems up to this many cycles (time and memory).
const REFRESH_MAX_CYCLES: usize = 20_000;

/// Components with up to this many cycles go to HiGHS ([`crate::mip`]); beyond, its LP alone
/// takes most of a minute and our PDHG bounds with neighbourhood search do better.
const MIP_MAX_CYCLES: usize = 120_000;

/// Fixed-point scale of the multipliers in the exact bound evaluation.
const SCALE: f64 = 1_048_576.0; // 2^20

/// One component of the cycle-intersection structure, with local vertex ids.
///
/// Vertices `0..nv_real` are people; vertices `nv_real..nv` are clique cuts: a cut
/// "at most one of these cycles" is a virtual person belonging to each of its cycles, so the
/// LP, the bounds and the search treat it exactly like a person constraint.
#[derive(Clone)]
pub struct Comp {
    pub nv: usize,
    pub nv_real: usize,
    /// Global cycle index of each local cycle.
    pub gid: Vec<usize>,
    pub cstart: Vec<usize>,
    pub cmem: Vec<u32>,
    pub len: Vec<i64>,
    pub w: Vec<i64>,
    /// `vstart[v]..vstart[v+1]` indexes `vcyc`: the cycles containing local vertex `v`.
    pub vstart: Vec<usize>,
    pub vcyc: Vec<u32>,
}

impl Comp {
    pub fn nc(&self) -> usize {
        self.len.len()
    }
    pub(crate) fn members(&self, j: usize) -> &[u32] {
        &self.cmem[self.cstart[j]..self.cstart[j + 1]]
    }
    pub(crate) fn cycles_of(&self, v: usize) -> &[u32] {
        &self.vcyc[self.vstart[v]..self.vstart[v + 1]]
    }
}

/// Splits the cycles into components of vertices linked by cycles.
pub fn components(n: usize, cy: &Cycles) -> Vec<Comp> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for j in 0..cy.len() {
        let m = cy.cycle(j);
        let a = find(&mut parent, m[0] as usize);
        for &v in &m[1..] {
            let b = find(&mut parent, v as usize);
            if a != b {
                parent[b] = a;
            }
        }
    }
    let mut comp_of = vec![usize::MAX; n];
    let mut cycles_per: Vec<Vec<usize>> = Vec::new();
    for j in 0..cy.len() {
        let r = find(&mut parent, cy.cycle(j)[0] as usize);
        if comp_of[r] == usize::MAX {
            comp_of[r] = cycles_per.len();
            cycles_per.push(Vec::new());
        }
        cycles_per[comp_of[r]].push(j);
    }
    let mut local = vec![u32::MAX; n];
    let mut out = Vec::with_capacity(cycles_per.len());
    for js in cycles_per {
        let mut verts: Vec<usize> = Vec::new();
        let mut cstart = vec![0usize];
        let mut cmem = Vec::new();
        let mut len = Vec::with_capacity(js.len());
        let mut w = Vec::with_capacity(js.len());
        for &j in &js {
            for &v in cy.cycle(j) {
                let v = v as usize;
                if local[v] == u32::MAX {
                    local[v] = verts.len() as u32;
                    verts.push(v);
                }
                cmem.push(local[v]);
            }
            cstart.push(cmem.len());
            len.push(cy.cycle(j).len() as i64);
            w.push(cy.weight[j]);
        }
        let nv = verts.len();
        let (vstart, vcyc) = incidence(nv, &cstart, &cmem);
        for &v in &verts {
            local[v] = u32::MAX;
        }
        out.push(Comp { nv, nv_real: nv, gid: js, cstart, cmem, len, w, vstart, vcyc });
    }
    out
}

/// The cycles of each vertex (CSR: `vstart[v]..vstart[v+1]` indexes `vcyc`), from the members
/// of each cycle (`cstart[j]..cstart[j+1]` indexes `cmem`).
fn incidence(nv: usize, cstart: &[usize], cmem: &[u32]) -> (Vec<usize>, Vec<u32>) {
    let mut vstart = vec![0usize; nv + 1];
    for &v in cmem {
        vstart[v as usize + 1] += 1;
    }
    for i in 0..nv {
        vstart[i + 1] += vstart[i];
    }
    let mut fill = vstart.clone();
    let mut vcyc = vec![0u32; cmem.len()];
    for (j, w) in cstart.windows(2).enumerate() {
        for &v in &cmem[w[0]..w[1]] {
            vcyc[fill[v as usize]] = j as u32;
            fill[v as usize] += 1;
        }
    }
    (vstart, vcyc)
}

/// The subproblem on the given cycles (and the people in them), with its vertex map.
pub(crate) fn restrict(c: &Comp, cmap: &[usize]) -> (Comp, Vec<usize>) {
    // Local ids keep the original order of the people (same tie-breaking as the original).
    let mut local = vec![u32::MAX; c.nv];
    for &j in cmap {
        for &v in c.members(j) {
            local[v as usize] = 0;
        }
    }
    let mut vmap: Vec<usize> = Vec::new();
    for v in 0..c.nv {
        if local[v] == 0 {
            local[v] = vmap.len() as u32;
            vmap.push(v);
        }
    }
    let mut cstart = vec![0usize];
    let mut cmem = Vec::new();
    for &j in cmap {
        for &v in c.members(j) {
            cmem.push(local[v as usize]);
        }
        cstart.push(cmem.len());
    }
    let nv = vmap.len();
    let (vstart, vcyc) = incidence(nv, &cstart, &cmem);
    let sub = Comp {
        nv,
        nv_real: nv,
        gid: cmap.to_vec(),
        cstart,
        cmem,
        len: cmap.iter().map(|&j| c.len[j]).collect(),
        w: cmap.iter().map(|&j| c.w[j]).collect(),
        vstart,
        vcyc,
    };
    (sub, vmap)
}

/// LP diving: fix the cycles the LP (people stage) takes almost fully, re-solve the LP on
/// what is left (warm start), repeat; then polish by local search.
/// With `combined = Some(L)`, dives on the LP with objective `w_j + L |j|` (people first,
/// then weight, for a large enough `L`) instead of people only.
fn dive(c: &Comp, x0: &[f64], d0: &FixedDuals, combined: Option<i64>, deadline: Option<Instant>) -> Vec<usize> {
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
fn dive_lp(c: &Comp, lp: &mut Lp<'_>, deadline: Option<Instant>) -> Vec<usize> {
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

/// The instant a share `frac` of the time left until `deadline` is used up (`None`: no
/// deadline). Phases take shares of what is left, so a fast phase leaves time to the next.
pub(crate) fn share_of(deadline: Option<Instant>, frac: f64) -> Option<Instant> {
    deadline.map(|d| {
        let now = Instant::now();
        now + d.saturating_duration_since(now).mul_f64(frac)
    })
}

/// Any packing weighs at most the sum over people of their best share of a cycle.
pub(crate) fn share_bound(c: &Comp) -> i64 {
    let s = (0..c.nv_real)
        .map(|v| c.cycles_of(v).iter().map(|&j| c.w[j as usize] as f64 / c.len[j as usize] as f64).fold(0.0, f64::max))
        .sum::<f64>();
    (s * (1.0 + 1e-9) + 1.0).floor() as i64
}

/// Lexicographic value (people, weight) of a set of chosen local cycles.
pub(crate) fn value(c: &Comp, chosen: &[usize]) -> (i64, i64) {
    chosen.iter().fold((0, 0), |(p, w), &j| (p + c.len[j], w + c.w[j]))
}

fn add(a: (i64, i64), b: (i64, i64)) -> (i64, i64) {
    (a.0 + b.0, a.1 + b.1)
}

fn sub(a: (i64, i64), b: (i64, i64)) -> (i64, i64) {
    (a.0 - b.0, a.1 - b.1)
}

// ---------------------------------------------------------------------------------------
// Heuristics
// ---------------------------------------------------------------------------------------

/// Greedy packing in the given cycle order.
fn greedy(c: &Comp, order: &[usize]) -> Vec<usize> {
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
fn local_search(c: &Comp, start: Vec<usize>, deadline: Option<Instant>) -> Vec<usize> {
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

// ---------------------------------------------------------------------------------------
// Lagrangian bounds
// ---------------------------------------------------------------------------------------

/// Multipliers of one stage: `y` per vertex and `lam` for the people constraint
/// (`lam` stays 0 in stage 1).
#[derive(Clone)]
pub struct Duals {
    pub y: Vec<f64>,
    pub lam: f64,
}

/// Stage description: objective `c_j = base_j + lam * len_j`, minus `lam * people_floor`.
struct Stage<'a> {
    base: &'a [i64],
    /// `Some(P)`: stage 2 with the constraint people >= P; `None`: stage 1.
    people_floor: Option<i64>,
}

/// Fixed-point multipliers used for exact evaluation.
#[derive(Clone)]
pub struct FixedDuals {
    pub y: Vec<i64>,
    pub lam: i64,
}

fn to_fixed(d: &Duals) -> FixedDuals {
    let f = |x: f64| {
        if x.is_finite() && x > 0.0 { (x * SCALE).floor().min(1e17) as i64 } else { 0 }
    };
    FixedDuals { y: d.y.iter().map(|&x| f(x)).collect(), lam: f(d.lam) }
}

/// Scaled reduced cost `S*c_j + lam*len_j - sum y` of cycle `j` (exact).
fn rc_fixed(c: &Comp, st: &Stage<'_>, fd: &FixedDuals, j: usize) -> i128 {
    let mut rc = st.base[j] as i128 * SCALE as i128 + fd.lam as i128 * c.len[j] as i128;
    for &v in c.members(j) {
        rc -= fd.y[v as usize] as i128;
    }
    rc
}

/// Exact scaled Lagrangian value; the bound on the stage objective is `floor(value / S)`.
fn lagr_exact(c: &Comp, st: &Stage<'_>, fd: &FixedDuals) -> i128 {
    let mut val: i128 = fd.y.iter().map(|&y| y as i128).sum();
    if let Some(p) = st.people_floor {
        val -= fd.lam as i128 * p as i128;
    }
    for j in 0..c.nc() {
        val += rc_fixed(c, st, fd, j).max(0);
    }
    val
}

fn floor_div_scale(v: i128) -> i64 {
    v.div_euclid(SCALE as i128) as i64
}

/// Exact bound of the multipliers of an optimal simplex basis, with its primal solution.
fn lp_bound(c: &Comp, st: &Stage<'_>, lp: &Lp<'_>) -> (FixedDuals, i64, Vec<f64>) {
    let (y, lam) = lp.duals();
    let lam = if st.people_floor.is_some() { lam } else { 0.0 };
    let fd = to_fixed(&Duals { y, lam });
    let b = floor_div_scale(lagr_exact(c, st, &fd));
    let x = lp.primal();
    if std::env::var_os("MATCHING_DEBUG_LP").is_some() {
        let mut row = vec![0.0f64; c.nv];
        let (mut z, mut people) = (0.0, 0.0);
        for j in 0..c.nc() {
            for &v in c.members(j) {
                row[v as usize] += x[j];
            }
            z += x[j] * st.base[j] as f64;
            people += x[j] * c.len[j] as f64;
        }
        let viol = row.iter().fold(0.0f64, |a, &r| a.max(r - 1.0));
        eprintln!("    lp check: primal {z:.4} people {people:.4} max row violation {viol:.2e}, exact dual bound {b}");
    }
    (fd, b, x)
}

/// LP relaxation by PDHG (primal-dual hybrid gradient with restarts to the average):
///   max sum_j c_j x_j  s.t. each person in at most one cycle, 0 <= x <= 1
///   [stage 2 also: sum_j |j| x_j >= P].
/// Returns the best dual multipliers found (fixed point), their exact bound (`floor`), and
/// the primal iterate (for rounding heuristics). Stops early once the bound is `<= stop_at`.
fn pdhg(
    c: &Comp,
    st: &Stage<'_>,
    max_iter: usize,
    stop_at: i64,
    deadline: Option<Instant>,
    warm: Option<(&[f64], f64)>,
) -> (FixedDuals, i64, Vec<f64>) {
    pdhg_x(c, st, max_iter, stop_at, deadline, warm, None)
}

/// [`pdhg`] with an optional primal warm start.
#[allow(clippy::too_many_arguments)]
fn pdhg_x(
    c: &Comp,
    st: &Stage<'_>,
    max_iter: usize,
    stop_at: i64,
    deadline: Option<Instant>,
    warm: Option<(&[f64], f64)>,
    warm_x: Option<&[f64]>,
) -> (FixedDuals, i64, Vec<f64>) {
    let nc = c.nc();
    let nv = c.nv;
    let scale = st.base.iter().map(|b| b.abs()).max().unwrap_or(1).max(1) as f64;
    let obj: Vec<f64> = st.base.iter().map(|&b| b as f64 / scale).collect();
    // People row, normalised: -(len_j / r) x <= -(P / r).
    let (prow, prhs) = match st.people_floor {
        Some(p) => {
            let r = c.len.iter().map(|&l| (l * l) as f64).sum::<f64>().sqrt().max(1.0);
            (Some(1.0 / r), p as f64 / r)
        }
        None => (None, 0.0),
    };
    // Diagonal preconditioning (Pock-Chambolle, alpha = 1): per-column primal steps and
    // per-row dual steps from the absolute column and row sums.
    let theta = 1.0;
    let tau: Vec<f64> = (0..nc)
        .map(|j| {
            let col = c.len[j] as f64 * (1.0 + prow.unwrap_or(0.0));
            0.95 / (theta * col)
        })
        .collect();
    let sigma: Vec<f64> = (0..nv).map(|u| 0.95 * theta / (c.vstart[u + 1] - c.vstart[u]).max(1) as f64).collect();
    let sigma_p = match prow {
        Some(k) => 0.95 * theta / (k * c.len.iter().sum::<i64>() as f64).max(1e-12),
        None => 0.0,
    };
    let mut x = match warm_x {
        Some(wx) if wx.len() == nc => wx.to_vec(),
        _ => vec![0.0; nc],
    };
    let mut xn = vec![0.0; nc];
    let mut y = vec![0.0; nv];
    let mut lam = 0.0f64;
    if let Some((wy, wl)) = warm {
        for (t, &u) in y.iter_mut().zip(wy) {
            *t = u / scale;
        }
        if let Some(k) = prow {
            lam = wl / (k * scale);
        }
    }
    let mut xs = vec![0.0; nc];
    let mut ys = vec![0.0; nv];
    let mut lams = 0.0;
    let mut cnt = 0.0;
    let mut ax = vec![0.0; nv];
    // Dual (Lagrangian) value in the scaled objective units.
    let dual_value = |y: &[f64], lam: f64| -> f64 {
        let mut val: f64 = y.iter().sum::<f64>() - lam * prhs;
        for j in 0..nc {
            let mut rc = obj[j] + prow.map_or(0.0, |k| lam * k * c.len[j] as f64);
            for &u in c.members(j) {
                rc -= y[u as usize];
            }
            val += rc.max(0.0);
        }
        val
    };
    let to_duals = |y: &[f64], lam: f64| Duals {
        y: y.iter().map(|&t| t * scale).collect(),
        lam: prow.map_or(0.0, |k| lam * k * scale),
    };
    let mut best_val = f64::INFINITY;
    let mut best = (y.clone(), lam);
    let mut restart_val = f64::INFINITY;
    // Short runs (node re-solves) check often and give up early; long runs are patient.
    let (mut period, stale_limit) = if max_iter <= 2000 { (32usize, 4usize) } else { (64, 12) };
    let mut since = 0usize;
    let mut best_floor = i64::MAX;
    let mut stale = 0usize;
    for it in 0..max_iter {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        // Primal ascent step.
        for j in 0..nc {
            let mut g = obj[j];
            for &u in c.members(j) {
                g -= y[u as usize];
            }
            if let Some(k) = prow {
                g += lam * k * c.len[j] as f64;
            }
            xn[j] = (x[j] + tau[j] * g).clamp(0.0, 1.0);
        }
        // Dual descent step on the extrapolated primal.
        ax.iter_mut().for_each(|t| *t = 0.0);
        let mut pa = 0.0;
        for j in 0..nc {
            let t = 2.0 * xn[j] - x[j];
            for &u in c.members(j) {
                ax[u as usize] += t;
            }
            if let Some(k) = prow {
                pa -= k * c.len[j] as f64 * t;
            }
        }
        for u in 0..nv {
            y[u] = (y[u] + sigma[u] * (ax[u] - 1.0)).max(0.0);
        }
        if prow.is_some() {
            lam = (lam + sigma_p * (pa + prhs)).max(0.0);
        }
        std::mem::swap(&mut x, &mut xn);
        for j in 0..nc {
            xs[j] += x[j];
        }
        for u in 0..nv {
            ys[u] += y[u];
        }
        lams += lam;
        cnt += 1.0;
        since += 1;
        if since >= period || it + 1 == max_iter {
            since = 0;
            let yavg: Vec<f64> = ys.iter().map(|t| t / cnt).collect();
            let lavg = lams / cnt;
            let v_cur = dual_value(&y, lam);
            let v_avg = dual_value(&yavg, lavg);
            let (v_best_now, use_avg) = if v_avg < v_cur { (v_avg, true) } else { (v_cur, false) };
            if v_best_now < best_val {
                best_val = v_best_now;
                best = if use_avg { (yavg.clone(), lavg) } else { (y.clone(), lam) };
                let fd = to_fixed(&to_duals(&best.0, best.1));
                let b = floor_div_scale(lagr_exact(c, st, &fd));
                if b <= stop_at {
                    return (fd, b, x);
                }
                if b < best_floor {
                    best_floor = b;
                    stale = 0;
                }
            }
            if std::env::var_os("MATCHING_DEBUG_LP").is_some() {
                eprintln!(
                    "    pdhg it={it} period={period} cur={:.4} avg={:.4} best={:.4} floor={best_floor} scale={scale}",
                    v_cur * scale,
                    v_avg * scale,
                    best_val * scale
                );
            }
            // Stop when the integer bound has not moved for a while.
            stale += 1;
            if stale >= stale_limit {
                break;
            }
            // Restart from the average when it made good progress.
            if use_avg && v_avg < restart_val {
                for j in 0..nc {
                    x[j] = xs[j] / cnt;
                }
                y = yavg;
                lam = lavg;
                restart_val = v_avg;
            } else {
                period = (period * 2).min(4096);
            }
            xs.iter_mut().for_each(|t| *t = 0.0);
            ys.iter_mut().for_each(|t| *t = 0.0);
            lams = 0.0;
            cnt = 0.0;
            if deadline.is_some_and(|d| Instant::now() >= d) {
                break;
            }
        }
    }
    let fd = to_fixed(&to_duals(&best.0, best.1));
    let b = floor_div_scale(lagr_exact(c, st, &fd));
    (fd, b, x)
}

// ---------------------------------------------------------------------------------------
// Exact search
// ---------------------------------------------------------------------------------------

/// Incremental exact Lagrangian bound over the still-free people and still-possible cycles.
#[derive(Clone)]
struct IncBound {
    rc: Vec<i128>,
    y: Vec<i64>,
    /// sum over free people of y + sum over open cycles of max(0, rc) (scaled).
    sum: i128,
    lam: i128,
}

impl IncBound {
    fn new(c: &Comp, st: &Stage<'_>, fd: &FixedDuals) -> Self {
        let rc: Vec<i128> = (0..c.nc()).map(|j| rc_fixed(c, st, fd, j)).collect();
        let sum = fd.y.iter().map(|&y| y as i128).sum::<i128>() + rc.iter().map(|&r| r.max(0)).sum::<i128>();
        IncBound { rc, y: fd.y.clone(), sum, lam: fd.lam as i128 }
    }
}

struct Search<'a> {
    c: &'a Comp,
    order: Vec<usize>,
    free: Vec<bool>,
    blocked: Vec<u32>,
    b1: IncBound,
    b2: IncBound,
    chosen: Vec<usize>,
    cur: (i64, i64),
    best: (i64, i64),
    best_set: Vec<usize>,
    deadline: Option<Instant>,
    nodes: u64,
    aborted: bool,
    /// People phase: only look for packings with at least this many people; stop at the first.
    target: Option<i64>,
    found: bool,
    /// The incumbent's people count is proven maximal (weight phase).
    people_proven: bool,
    /// Re-solve the LP at nodes whose subproblem has at least this many open cycles.
    refresh_min: usize,
    refreshes: u64,
    /// Choose the person with the fewest open cycles at each node (else the static order).
    dynamic: bool,
    /// Open cycles per person (maintained only in dynamic mode).
    opencnt: Vec<u32>,
    /// Number of open cycles.
    n_open: usize,
    /// Branch order of the cycles of each person (best reduced cost first).
    cyc_order: Vec<Vec<u32>>,
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

    fn dfs(&mut self, pos: usize) {
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

/// Result of solving one component.
pub struct CompResult {
    pub chosen: Vec<usize>,
    pub people: i64,
    pub weight: i64,
    pub bound_people: i64,
    /// Valid for packings with exactly `bound_people` people.
    pub bound_weight: i64,
}

/// Solves one component: heuristic start, Lagrangian bounds, exact search until the deadline.
pub fn solve_comp(c: &Comp, pair_start: Vec<usize>, deadline: Option<Instant>) -> CompResult {
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

/// Cliques of pairwise-intersecting cycles whose LP values sum above 1 and that do not all
/// pass through one person (those are person constraints already). Greedy from each
/// fractional cycle, largest LP value first. Stops with the cuts found so far at the deadline
/// (a PDHG solution of a large component has hundreds of thousands of fractional cycles).
fn separate_cliques(c: &Comp, x: &[f64], max_cuts: usize, deadline: Option<Instant>) -> Vec<Vec<usize>> {
    let meets =
        |a: usize, b: usize| c.members(a).iter().any(|&u| (u as usize) < c.nv_real && c.members(b).contains(&u));
    let mut frac: Vec<usize> = (0..c.nc()).filter(|&j| x[j] > 0.02 && x[j] < 0.98).collect();
    frac.sort_by(|&a, &b| x[b].total_cmp(&x[a]));
    let mut mark = vec![false; c.nc()];
    let mut out = Vec::new();
    for (i, &a) in frac.iter().enumerate() {
        if i % 64 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        // Fractional neighbours of a.
        let mut nb: Vec<usize> = Vec::new();
        for &u in c.members(a) {
            if (u as usize) >= c.nv_real {
                continue;
            }
            for &k in c.cycles_of(u as usize) {
                let k = k as usize;
                if k != a && !mark[k] && x[k] > 0.02 {
                    mark[k] = true;
                    nb.push(k);
                }
            }
        }
        for &k in &nb {
            mark[k] = false;
        }
        nb.sort_by(|&p, &q| x[q].total_cmp(&x[p]));
        let mut q = vec![a];
        let mut sum = x[a];
        for &b in &nb {
            if q.iter().all(|&m| meets(m, b)) {
                q.push(b);
                sum += x[b];
            }
        }
        if sum <= 1.0 + 1e-3 || q.len() < 3 {
            continue;
        }
        let common =
            c.members(q[0]).iter().any(|&u| (u as usize) < c.nv_real && q.iter().all(|&m| c.members(m).contains(&u)));
        if common {
            continue;
        }
        q.sort_unstable();
        out.push(q);
        if out.len() >= max_cuts {
            break;
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A copy of `c` with one virtual vertex per cut (a clique of cycles).
fn with_cuts(c: &Comp, cuts: &[Vec<usize>]) -> Comp {
    let mut extra: Vec<Vec<u32>> = vec![Vec::new(); c.nc()];
    for (k, q) in cuts.iter().enumerate() {
        for &j in q {
            extra[j].push((c.nv + k) as u32);
        }
    }
    let nv = c.nv + cuts.len();
    let mut cstart = vec![0usize];
    let mut cmem = Vec::with_capacity(c.cmem.len() + cuts.iter().map(|q| q.len()).sum::<usize>());
    for j in 0..c.nc() {
        cmem.extend_from_slice(c.members(j));
        cmem.extend_from_slice(&extra[j]);
        cstart.push(cmem.len());
    }
    let (vstart, vcyc) = incidence(nv, &cstart, &cmem);
    Comp { nv, nv_real: c.nv_real, gid: c.gid.clone(), cstart, cmem, len: c.len.clone(), w: c.w.clone(), vstart, vcyc }
}

/// Solves one component (possibly with cut vertices): heuristics, bounds, exact search.
/// `top` is false for the subproblems of the neighbourhood search (no nested search, no
/// diagnostics).
pub(crate) fn solve_core(c: &Comp, pair_start: Vec<usize>, deadline: Option<Instant>, top: bool) -> CompResult {
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
        best_set = crate::lns::improve(c, best_set, &x1, p_ub, dl);
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

/// Weight bound for packings with at least `p` people using the stage-2 multipliers.
fn w_ub_for(c: &Comp, st: &Stage<'_>, fd: &FixedDuals, p: i64) -> i64 {
    let st = Stage { base: st.base, people_floor: Some(p) };
    floor_div_scale(lagr_exact(c, &st, fd))
}

// ---------------------------------------------------------------------------------------
// LP-based branch and bound (components small enough for the dense simplex)
// ---------------------------------------------------------------------------------------

/// Depth-first branch and bound on single cycles with the exact simplex at every node
/// (warm started: a fixing is a dual simplex step away, a release a primal one).
/// Stage 1 (`floor == None`) maximises people; stage 2 maximises weight among packings with
/// at least `floor` people (the people row is elastic in the LP, so every node LP is feasible).
/// Every pruning uses an exact Lagrangian bound from the node LP's multipliers, evaluated
/// in integer arithmetic over the node's free people and open cycles, so floating-point
/// error can cost nodes but never an optimum. Any numerical trouble marks the search
/// incomplete (no optimality claim).
struct Bnb<'a, 'b> {
    c: &'a Comp,
    lp: &'b mut Lp<'a>,
    floor: Option<i64>,
    /// Reasons for a cycle to be out (fixed to 0 or meeting a chosen cycle).
    out: Vec<u32>,
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
    best: (i64, i64),
    best_set: Vec<usize>,
    deadline: Option<Instant>,
    nodes: u64,
    incomplete: bool,
    debug: bool,
    debug_nodes: bool,
}

impl<'a, 'b> Bnb<'a, 'b> {
    fn new(
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

    fn node(&mut self, depth: usize) {
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

/// Outcome of [`weight_search`].
struct WeightSearch {
    best: (i64, i64),
    best_set: Vec<usize>,
    complete: bool,
    /// Proven weight bound for packings with `best.0` people.
    w_ub: i64,
}

/// Exact weight phase (people count `best.0` proven maximal) by restricted searches: for a
/// threshold `T` below the root bound, only the cycles whose use still allows a packing of
/// weight above `T` (exact reduced-cost test with the root multipliers `b1`, `b2`) can be in
/// such a packing, so a complete branch and bound on those cycles alone either finds the
/// best packing above `T` (optimal: every better packing uses only those cycles) or proves
/// there is none (the bound drops to `T`; `T` is lowered and the search repeated). Small
/// thresholds gaps make small subproblems with small LPs.
#[allow(clippy::too_many_arguments)]
fn weight_search(
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
