//! Shared helpers: random graphs and an independent brute-force optimum.

pub use matching::rng::Rng;
use matching::{Graph, GraphBuilder};

/// Random graph: `n` people, edge probability `p_percent`, `weeks` weeks, weights 1..=30.
pub fn random_graph(rng: &mut Rng, n: usize, p_percent: usize, weeks: u32) -> Graph {
    let mut b = GraphBuilder::new();
    for _ in 0..n {
        let mut mask = 0u64;
        while mask == 0 {
            mask = rng.next_u64() & ((1u64 << weeks) - 1);
        }
        b.add_person(mask).expect("person");
    }
    for u in 0..n {
        for v in 0..n {
            if u != v && rng.below(100) < p_percent {
                let w = 1 + rng.below(30) as i64;
                b.add_edge(u, v, w).expect("edge");
            }
        }
    }
    b.build()
}

/// All feasible cycles (as vertex lists starting at their smallest member) with weights,
/// by plain recursion over simple paths; independent of the crate's enumeration.
pub fn all_cycles(g: &Graph, k: usize) -> Vec<(Vec<usize>, i64)> {
    fn rec(g: &Graph, k: usize, path: &mut Vec<usize>, out: &mut Vec<(Vec<usize>, i64)>) {
        let a = path[0];
        let last = *path.last().expect("non-empty");
        if path.len() >= 2
            && let Some(wc) = g.weight(last, a)
            && g.common_weeks(path) != 0
        {
            let mut w = wc;
            for i in 0..path.len() - 1 {
                w += g.weight(path[i], path[i + 1]).expect("edge on path");
            }
            out.push((path.clone(), w));
        }
        if path.len() == k {
            return;
        }
        for v in a + 1..g.n() {
            if !path.contains(&v) && g.weight(last, v).is_some() {
                path.push(v);
                rec(g, k, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    for a in 0..g.n() {
        rec(g, k, &mut vec![a], &mut out);
    }
    out
}

/// Lexicographic optimum (people, weight) over all packings of the given cycles.
pub fn brute_force(n: usize, cycles: &[(Vec<usize>, i64)]) -> (usize, i64) {
    fn rec(i: usize, used: &mut Vec<bool>, cycles: &[(Vec<usize>, i64)], cur: (usize, i64), best: &mut (usize, i64)) {
        if cur > *best {
            *best = cur;
        }
        for j in i..cycles.len() {
            let (m, w) = &cycles[j];
            if m.iter().all(|&v| !used[v]) {
                for &v in m {
                    used[v] = true;
                }
                rec(j + 1, used, cycles, (cur.0 + m.len(), cur.1 + w), best);
                for &v in m {
                    used[v] = false;
                }
            }
        }
    }
    let mut best = (0, 0);
    rec(0, &mut vec![false; n], cycles, (0, 0), &mut best);
    best
}
