//! Large neighbourhood search: better packings for components too big to solve exactly.
//!
//! The exact machinery of `packing` proves small components quickly, but on a
//! component of thousands of people the LP roundings and the depth-first search leave a gap
//! of dozens of people. This search repeatedly frees a region of a few hundred people
//! (grown around someone without a swap, closed under the swaps already chosen there),
//! solves the packing of the cycles inside the region exactly, and keeps the result when it
//! is lexicographically better (people, then weight). The rest of the packing never changes,
//! so every accepted step is an improvement of the whole. Regions grow while the subproblems
//! are proven quickly and shrink when they are not.

use std::time::{Duration, Instant};

use crate::component::{Comp, CompResult, restrict, value};
use crate::rng::Rng;

/// Region size bounds (people) and the start.
const MIN_REGION: usize = 40;
const MAX_REGION: usize = 1200;
const START_REGION: usize = 150;

/// A subproblem with more cycles than this is cut back (the exact LP is dense).
const MAX_SUB_CYCLES: usize = 12_000;

/// Time for one subproblem.
const SUB_TIME: Duration = Duration::from_millis(1500);

/// Improves `start` (local cycle ids of `c`) until the deadline, or until it has `people_ub`
/// people and no step has improved the weight for a while.
/// `x` is an LP solution (one value per cycle): regions start at people it covers but the
/// packing does not, and grow along the cycles it uses.
/// `exact` solves a subproblem (from a start packing, until a deadline) exactly if it can:
/// the caller's own search, passed in so that this module does not import the packing
/// machinery that calls it.
pub(crate) fn improve(
    c: &Comp,
    start: Vec<usize>,
    x: &[f64],
    people_ub: i64,
    deadline: Instant,
    exact: impl Fn(&Comp, Vec<usize>, Option<Instant>) -> CompResult,
) -> Vec<usize> {
    const NONE: u32 = u32::MAX;
    let nv = c.nv_real;
    let mut owner = vec![NONE; c.nv];
    for &j in &start {
        for &v in c.members(j) {
            owner[v as usize] = j as u32;
        }
    }
    let mut best = value(c, &start);
    let debug = std::env::var_os("MATCHING_DEBUG_LNS").is_some();
    let t0 = Instant::now();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut target = START_REGION;
    let mut in_region = vec![false; c.nv];
    let mut cyc_mark = vec![false; c.nc()];
    let mut region: Vec<usize> = Vec::new();
    let mut cmap: Vec<usize> = Vec::new();
    let mut steps = 0usize;
    let mut since_gain = 0usize;
    let has_cycles: Vec<usize> = (0..nv).filter(|&v| !c.cycles_of(v).is_empty()).collect();
    let cover: Vec<f64> = (0..nv).map(|v| c.cycles_of(v).iter().map(|&j| x[j as usize]).sum()).collect();
    // Each person's cycles, those the LP uses most first.
    let by_lp: Vec<Vec<u32>> = (0..nv)
        .map(|v| {
            let mut l = c.cycles_of(v).to_vec();
            l.sort_by(|&a, &b| x[b as usize].total_cmp(&x[a as usize]));
            l
        })
        .collect();
    if has_cycles.is_empty() {
        return start;
    }
    while Instant::now() < deadline {
        if best.0 >= people_ub && since_gain > 200 {
            break;
        }
        steps += 1;
        since_gain += 1;
        // Seed: mostly someone without a swap (where people can be gained).
        let unmatched: Vec<usize> = if rng.below(4) != 0 {
            has_cycles.iter().copied().filter(|&v| owner[v] == NONE && cover[v] > 0.2).collect()
        } else {
            Vec::new()
        };
        let seed = if unmatched.is_empty() {
            has_cycles[rng.below(has_cycles.len())]
        } else {
            unmatched[rng.below(unmatched.len())]
        };
        // Grow the region breadth-first along cycles, closed under chosen swaps.
        region.clear();
        let add = |v: usize, region: &mut Vec<usize>, in_region: &mut Vec<bool>| {
            let o = owner[v];
            let group: &[u32] = if o == NONE { &[] } else { c.members(o as usize) };
            for u in std::iter::once(v).chain(group.iter().map(|&u| u as usize)) {
                if u < nv && !in_region[u] {
                    in_region[u] = true;
                    region.push(u);
                }
            }
        };
        add(seed, &mut region, &mut in_region);
        let mut head = 0;
        while head < region.len() && region.len() < target {
            let u = region[head];
            head += 1;
            // The cycles the LP uses, and a random few (regions stay varied).
            let cyc = &by_lp[u];
            let used = cyc.iter().take_while(|&&k| x[k as usize] > 0.01).count().min(6);
            let picks = (0..used).chain((0..2).map(|_| rng.below(cyc.len())));
            for i in picks {
                let k = cyc[i] as usize;
                for &m in c.members(k) {
                    if (m as usize) < nv && !in_region[m as usize] {
                        add(m as usize, &mut region, &mut in_region);
                    }
                }
            }
        }
        // The cycles wholly inside the region.
        cmap.clear();
        for &u in &region {
            for &k in c.cycles_of(u) {
                let k = k as usize;
                if !cyc_mark[k] && c.members(k).iter().all(|&m| (m as usize) >= nv || in_region[m as usize]) {
                    cyc_mark[k] = true;
                    cmap.push(k);
                }
            }
        }
        for &k in &cmap {
            cyc_mark[k] = false;
        }
        let inside: Vec<usize> = {
            let mut v: Vec<usize> =
                region.iter().filter_map(|&u| (owner[u] != NONE).then_some(owner[u] as usize)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        for &u in &region {
            in_region[u] = false;
        }
        if cmap.len() > MAX_SUB_CYCLES {
            target = (target * 3 / 4).max(MIN_REGION);
            continue;
        }
        cmap.sort_unstable();
        let local_start: Vec<usize> = inside.iter().map(|j| cmap.binary_search(j).expect("closed region")).collect();
        let before = value(c, &inside);
        let (sub, _) = restrict(c, &cmap);
        let sub_deadline = (Instant::now() + SUB_TIME).min(deadline);
        // Our own exact search: on these small subproblems it is quicker than HiGHS.
        let r = exact(&sub, local_start, Some(sub_deadline));
        let proven = (r.people, r.weight) >= (r.bound_people, r.bound_weight);
        let chosen = r.chosen;
        let got = value(&sub, &chosen);
        target = if proven { (target + target / 8).min(MAX_REGION) } else { (target * 7 / 8).max(MIN_REGION) };
        if got > before {
            for &j in &inside {
                for &v in c.members(j) {
                    owner[v as usize] = NONE;
                }
            }
            for &lj in &chosen {
                let j = cmap[lj];
                for &v in c.members(j) {
                    owner[v as usize] = j as u32;
                }
            }
            best = (best.0 - before.0 + got.0, best.1 - before.1 + got.1);
            since_gain = 0;
            if debug {
                eprintln!(
                    "  lns step {steps}: {best:?} (region {} people, {} cycles) at {:.2}s",
                    region.len(),
                    cmap.len(),
                    t0.elapsed().as_secs_f64()
                );
            }
        }
    }
    if debug {
        eprintln!("  lns: {steps} steps, {best:?}, region target {target}");
    }
    // The packing is what owns someone.
    let mut chosen: Vec<usize> = owner.iter().filter(|&&o| o != NONE).map(|&o| o as usize).collect();
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}
