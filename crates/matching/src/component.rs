//! Components of the cycle-intersection structure and what the component solvers (`packing`,
//! `mip`, `lns`) share about them: the component type [`Comp`] and its constructors (split,
//! restriction to some cycles, clique cuts as virtual people), the result of solving one
//! ([`CompResult`]), lexicographic values, the share bound on the weight, and time shares.
//!
//! It imports none of the solvers (only [`crate::cycles`]), so they can all import it without
//! an import circle.

#![allow(clippy::needless_range_loop)]

use std::time::Instant;

use crate::cycles::Cycles;

/// One component of the cycle-intersection structure, with local vertex ids.
///
/// Vertices `0..nv_real` are people; vertices `nv_real..nv` are clique cuts: a cut
/// "at most one of these cycles" is a virtual person belonging to each of its cycles, so the
/// LP, the bounds and the search treat it exactly like a person constraint.
#[derive(Clone)]
pub(crate) struct Comp {
    pub(crate) nv: usize,
    pub(crate) nv_real: usize,
    /// Global cycle index of each local cycle.
    pub(crate) gid: Vec<usize>,
    pub(crate) cstart: Vec<usize>,
    pub(crate) cmem: Vec<u32>,
    pub(crate) len: Vec<i64>,
    pub(crate) w: Vec<i64>,
    /// `vstart[v]..vstart[v+1]` indexes `vcyc`: the cycles containing local vertex `v`.
    pub(crate) vstart: Vec<usize>,
    vcyc: Vec<u32>,
}

impl Comp {
    pub(crate) fn nc(&self) -> usize {
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
pub(crate) fn components(n: usize, cy: &Cycles) -> Vec<Comp> {
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

/// A copy of `c` with one virtual vertex per cut (a clique of cycles).
pub(crate) fn with_cuts(c: &Comp, cuts: &[Vec<usize>]) -> Comp {
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

/// Result of solving one component.
pub(crate) struct CompResult {
    pub(crate) chosen: Vec<usize>,
    pub(crate) people: i64,
    pub(crate) weight: i64,
    pub(crate) bound_people: i64,
    /// Valid for packings with exactly `bound_people` people.
    pub(crate) bound_weight: i64,
}

/// Lexicographic value (people, weight) of a set of chosen local cycles.
pub(crate) fn value(c: &Comp, chosen: &[usize]) -> (i64, i64) {
    chosen.iter().fold((0, 0), |(p, w), &j| (p + c.len[j], w + c.w[j]))
}

pub(crate) fn add(a: (i64, i64), b: (i64, i64)) -> (i64, i64) {
    (a.0 + b.0, a.1 + b.1)
}

pub(crate) fn sub(a: (i64, i64), b: (i64, i64)) -> (i64, i64) {
    (a.0 - b.0, a.1 - b.1)
}

/// Any packing weighs at most the sum over people of their best share of a cycle.
pub(crate) fn share_bound(c: &Comp) -> i64 {
    let s = (0..c.nv_real)
        .map(|v| c.cycles_of(v).iter().map(|&j| c.w[j as usize] as f64 / c.len[j as usize] as f64).fold(0.0, f64::max))
        .sum::<f64>();
    (s * (1.0 + 1e-9) + 1.0).floor() as i64
}

/// The instant a share `frac` of the time left until `deadline` is used up (`None`: no
/// deadline). Phases take shares of what is left, so a fast phase leaves time to the next.
pub(crate) fn share_of(deadline: Option<Instant>, frac: f64) -> Option<Instant> {
    deadline.map(|d| {
        let now = Instant::now();
        now + d.saturating_duration_since(now).mul_f64(frac)
    })
}
