//! Clique-cut separation: sets of pairwise-intersecting cycles that an LP solution uses more
//! than once in total (added to a component as virtual people by
//! [`with_cuts`](crate::component::with_cuts)).

use std::time::Instant;

use crate::component::Comp;

/// Cliques of pairwise-intersecting cycles whose LP values sum above 1 and that do not all
/// pass through one person (those are person constraints already). Greedy from each
/// fractional cycle, largest LP value first. Stops with the cuts found so far at the deadline
/// (a PDHG solution of a large component has hundreds of thousands of fractional cycles).
pub(super) fn separate_cliques(c: &Comp, x: &[f64], max_cuts: usize, deadline: Option<Instant>) -> Vec<Vec<usize>> {
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
