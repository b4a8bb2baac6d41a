//! K = 2: pairs only, as a maximum-cardinality maximum-weight matching on mutual edges.

use crate::blossom::{max_weight_matching, verify_optimum};
use crate::graph::Graph;
use crate::solution::Swap;

/// Undirected mutual edges `(u, v, w(u,v) + w(v,u))`, `u < v`, with a common week.
pub fn mutual_edges(g: &Graph) -> Vec<(usize, usize, i64)> {
    let mut out = Vec::new();
    for u in 0..g.n() {
        for (v, w) in g.out_edges(u) {
            if v > u
                && g.avail(u) & g.avail(v) != 0
                && let Some(w2) = g.weight(v, u)
            {
                out.push((u, v, w + w2));
            }
        }
    }
    out
}

/// Lowest common week of a set of members (callers guarantee one exists).
pub fn first_week(g: &Graph, members: &[usize]) -> u32 {
    g.common_weeks(members).trailing_zeros()
}

struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra] = rb;
        }
    }
}

/// Optimal pairs. Returns the swaps and whether every component's dual certificate verified.
pub fn solve_pairs(g: &Graph) -> (Vec<Swap>, bool) {
    let edges = mutual_edges(g);
    let n = g.n();
    let mut dsu = Dsu((0..n).collect());
    for &(u, v, _) in &edges {
        dsu.union(u, v);
    }
    // Group edges per component root, relabel vertices locally.
    let mut comp_of_root: Vec<usize> = vec![usize::MAX; n];
    let mut comps: Vec<Vec<(usize, usize, i64)>> = Vec::new();
    for &e in &edges {
        let r = dsu.find(e.0);
        if comp_of_root[r] == usize::MAX {
            comp_of_root[r] = comps.len();
            comps.push(Vec::new());
        }
        comps[comp_of_root[r]].push(e);
    }
    let mut local = vec![usize::MAX; n];
    let mut swaps = Vec::new();
    let mut certified = true;
    for ce in comps {
        let mut verts = Vec::new();
        for &(u, v, _) in &ce {
            for x in [u, v] {
                if local[x] == usize::MAX {
                    local[x] = verts.len();
                    verts.push(x);
                }
            }
        }
        let le: Vec<(usize, usize, i64)> = ce.iter().map(|&(u, v, w)| (local[u], local[v], w)).collect();
        let res = max_weight_matching(verts.len(), &le, true);
        if verify_optimum(verts.len(), &le, &res, true).is_err() {
            certified = false;
        }
        for (i, m) in res.mate.iter().enumerate() {
            if let Some(j) = *m
                && i < j
            {
                let (a, b) = (verts[i], verts[j]);
                swaps.push(Swap { members: vec![a, b], week: first_week(g, &[a, b]) });
            }
        }
    }
    swaps.sort_by(|a, b| a.members.cmp(&b.members));
    (swaps, certified)
}
