//! The clearing engine: finds vertex-disjoint pair and ring swaps in a compatibility graph.
//!
//! Problem: people are vertices (with a bitmask of available weeks), an edge `u -> v` with an
//! integer weight means "u wants, and may, take v's place". A swap is a directed cycle of
//! length `2..=max_cycle` whose members share a week. Choose vertex-disjoint swaps that
//! maximise first the number of people, then the total weight.
//!
//! ```
//! use matching::{Graph, SolveOptions, solve};
//! let g = Graph::parse("p 2 2 4\nv 0 0 0 1 3\nv 1 1 0 1 1\ne 0 1 10\ne 1 0 12\n").unwrap();
//! let sol = solve(&g, &SolveOptions { max_cycle: 3, time_limit: None }, &mut |_| {});
//! assert_eq!((sol.people, sol.weight, sol.optimal), (2, 22, true));
//! assert_eq!(sol.swaps[0].members, vec![0, 1]);
//! ```
//!
//! How:
//! * `max_cycle == 2`: exact maximum-cardinality maximum-weight matching (Edmonds' blossom
//!   algorithm, a port of van Rantwijk's `mwmatching`) on the mutual edges, with its dual
//!   certificate checked; the bound equals the answer.
//! * `max_cycle >= 3`: cycle formulation. All cycles with a common week are enumerated and
//!   split into independent components. Components of up to 120,000 cycles go to HiGHS
//!   ([`mip`]: the cycle formulation as a MIP, people then weight, warm-started from the
//!   pairs optimum plus local search); its presolve and cuts close the LP gap of mid-sized
//!   instances at the root, where our own search needs many nodes (its bounds are its dual
//!   bounds, within its tolerances, rounded down). Otherwise (and when HiGHS cannot prove the
//!   people count in time, from its packing): the pairs optimum plus local search, an LP
//!   relaxation whose dual multipliers are rounded to a fixed-point grid and evaluated in
//!   exact integer arithmetic (so each of these bounds is a proven upper bound whatever the
//!   floating-point error), LP diving, then exact search, people first, then weight.
//!   Components of up to a few thousand people get exact LPs from a dense revised simplex
//!   (primal and dual, warm-started, reinverted on drift) with clique cuts, and an LP-based
//!   branch and bound (people coverage or single cycles, exact Lagrangian pruning and
//!   reduced-cost fixing at every node); the weight phase searches restricted subproblems
//!   (the cycles whose use can still beat a threshold just below the bound) until the
//!   incumbent is proven optimal. Larger components use preconditioned PDHG for the LP,
//!   a large neighbourhood search ([`lns`]: regions of a few hundred people re-solved exactly)
//!   and a depth-first search with those bounds. Rings longer than three are searched while
//!   they number at most three million; beyond that the answer is the one for rings of three
//!   (searched for at most a minute when no time limit was given), with the trivial bound.
//!   Otherwise, without a time limit the search runs until it proves optimality (which can
//!   take very long on large instances); with one, the best answer found and its proven bound
//!   are returned.
//!
//! [`explain`] says in words what the bound proves about an answer and why each swap is
//! possible (its legs, their weights, the weeks all members are free).
//!
//! Diagnostics on stderr for developers: `MATCHING_DEBUG=1` (phases per component),
//! `MATCHING_DEBUG_LP=1` (LP iterations), `MATCHING_DEBUG_BLOSSOM=1` (matching counters).

pub mod blossom;
mod component;
pub mod cycles;
mod explain;
mod graph;
mod lns;
mod mip;
mod packing;
mod pairs;
pub mod rng;
mod simplex;
mod solution;

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub use explain::explain;
pub use graph::{BuildError, Edge, Graph, GraphBuilder, MAX_ABS_WEIGHT, MAX_PEOPLE, ParseError, PersonInfo};
pub use solution::{Bound, Gap, Phase, Progress, Solution, SolveOptions, Swap, check_swaps};

/// Solves the clearing problem. `progress` is called with the current best answer and bound
/// at phase changes and improvements, and besides on a schedule, repeating the latest report
/// with the time elapsed: every second for the first ten seconds, then every tenth of the
/// time spent (not when the engine runs on the caller's thread, if no thread could be started).
///
/// Never panics on valid graphs; a panic inside the engine (a bug) is passed on to the caller
/// rather than turned into an empty answer.
pub fn solve(g: &Graph, opts: &SolveOptions, progress: &mut dyn FnMut(&Progress)) -> Solution {
    let t0 = Instant::now();
    // The work runs on a thread with a large stack (the blossom algorithm and the exact
    // search recurse); progress reports come back over a channel to the caller's thread.
    enum Outcome {
        Done((Vec<Swap>, Option<Bound>)),
        NoThread,
    }
    let outcome = std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<Progress>();
        let worker = std::thread::Builder::new()
            .name("matching-solve".into())
            .stack_size(1 << 30)
            .spawn_scoped(scope, move || solve_work(g, opts, t0, &tx));
        match worker {
            Ok(handle) => {
                relay_progress(&rx, g, t0, progress);
                match handle.join() {
                    Ok(r) => Outcome::Done(r),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            Err(_) => Outcome::NoThread,
        }
    });
    let (swaps, bound) = match outcome {
        Outcome::Done(r) => r,
        Outcome::NoThread => {
            let (tx, rx) = mpsc::channel::<Progress>();
            let r = solve_work(g, opts, t0, &tx);
            for p in rx.try_iter() {
                progress(&p);
            }
            r
        }
    };
    finish(g, swaps, bound, t0, progress)
}

/// Passes the worker's reports on until it drops its sender (finished or panicked), and
/// repeats the latest one on the schedule of [`solve`], so that a long search still shows it
/// is alive.
fn relay_progress(rx: &mpsc::Receiver<Progress>, g: &Graph, t0: Instant, progress: &mut dyn FnMut(&Progress)) {
    let mut last =
        Progress { phase: Phase::Matching, people: 0, weight: 0, bound: Bound::trivial(g), elapsed: Duration::ZERO };
    let mut next_beat = Duration::from_secs(1);
    loop {
        match rx.recv_timeout(next_beat.saturating_sub(t0.elapsed())) {
            Ok(p) => {
                last = p;
                progress(&p);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                last.elapsed = t0.elapsed();
                progress(&last);
                next_beat = (next_beat + Duration::from_secs(1)).max(last.elapsed.mul_f64(1.1));
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
    }
}

type Tx = mpsc::Sender<Progress>;

fn report(tx: &Tx, t0: Instant, phase: Phase, people: usize, weight: i64, bound: Bound) {
    let _ = tx.send(Progress { phase, people, weight, bound, elapsed: t0.elapsed() });
}

/// Upper limit on the number of enumerated cycle members (memory guard).
const MAX_CYCLE_MEMBERS: usize = 120_000_000;

/// With rings longer than three, more cycles than this are beyond the search (at 10,000
/// people rings of four number six million); it falls back to rings of three.
const MAX_LONG_RING_CYCLES: usize = 3_000_000;

fn solve_work(g: &Graph, opts: &SolveOptions, t0: Instant, tx: &Tx) -> (Vec<Swap>, Option<Bound>) {
    // A limit beyond what the clock can represent is no limit.
    let deadline = opts.time_limit.and_then(|d| t0.checked_add(d));
    if opts.max_cycle < 2 {
        return (Vec::new(), Some(Bound { people: 0, weight: 0 }));
    }
    let (pair_swaps, certified) = pairs::solve_pairs(g);
    let (pp, pw) = totals(g, &pair_swaps);
    if opts.max_cycle == 2 {
        // Exact; the bound is the optimum itself, backed by the verified dual certificate.
        let bound = if certified { Bound { people: pp, weight: pw } } else { Bound::trivial(g) };
        return (pair_swaps, Some(bound));
    }
    report(tx, t0, Phase::Matching, pp, pw, Bound::trivial(g));
    solve_rings(g, opts.max_cycle, deadline, t0, tx, pair_swaps, true)
}

/// How long rings of three stand in for longer rings (too many to search) when the caller
/// gave no time limit.
const FALLBACK_WITHOUT_LIMIT: Duration = Duration::from_secs(60);

/// Rings up to `max_cycle` from the pairs optimum `pair_swaps`. With `bounds_hold` false (rings
/// of three standing in for longer ones) progress reports carry the trivial bound.
fn solve_rings(
    g: &Graph,
    max_cycle: usize,
    deadline: Option<Instant>,
    t0: Instant,
    tx: &Tx,
    pair_swaps: Vec<Swap>,
    bounds_hold: bool,
) -> (Vec<Swap>, Option<Bound>) {
    let (pp, pw) = totals(g, &pair_swaps);
    let trivial = Bound::trivial(g);
    let limit = if max_cycle > 3 { MAX_LONG_RING_CYCLES } else { MAX_CYCLE_MEMBERS / max_cycle };
    let Some(cy) = cycles::enumerate(g, max_cycle, limit, deadline) else {
        if max_cycle > 3 && deadline.is_none_or(|d| Instant::now() < d) {
            // Too many longer rings to search: the rings of three are an answer here too
            // (their bound is not one). Without a limit their search gets one: it cannot
            // prove anything for longer rings, and a proof for rings of three takes hours.
            let deadline = deadline.or_else(|| Instant::now().checked_add(FALLBACK_WITHOUT_LIMIT));
            let (swaps, _) = solve_rings(g, 3, deadline, t0, tx, pair_swaps, false);
            return (swaps, Some(trivial));
        }
        // Too many cycles to enumerate in memory or in time: the pairs optimum, trivial bound.
        return (pair_swaps, Some(trivial));
    };
    report(tx, t0, Phase::Enumerate, pp, pw, trivial);
    let comps = component::components(g.n(), &cy);
    // Map every 2-cycle to (component, local cycle) to seed the components with the pairs.
    let mut where_: Vec<(u32, u32)> = vec![(0, 0); cy.len()];
    for (ci, c) in comps.iter().enumerate() {
        for (lj, &gj) in c.gid.iter().enumerate() {
            where_[gj] = (ci as u32, lj as u32);
        }
    }
    let mut two: HashMap<(u32, u32), usize> = HashMap::new();
    for j in 0..cy.len() {
        let m = cy.cycle(j);
        if m.len() == 2 {
            two.insert((m[0].min(m[1]), m[0].max(m[1])), j);
        }
    }
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); comps.len()];
    for s in &pair_swaps {
        let (a, b) = (s.members[0] as u32, s.members[1] as u32);
        if let Some(&j) = two.get(&(a.min(b), a.max(b))) {
            let (ci, lj) = where_[j];
            starts[ci as usize].push(lj as usize);
        }
    }
    drop(two);
    // Small components first; the big ones share the remaining time.
    let mut idx: Vec<usize> = (0..comps.len()).collect();
    idx.sort_by_key(|&i| comps[i].nc());
    const BIG: usize = 1000;
    let n_big = idx.iter().filter(|&&i| comps[i].nc() > BIG).count();
    let mut big_done = 0usize;
    let mut swaps = Vec::new();
    let (mut bp, mut bw) = (0usize, 0i64);
    let (mut ap, mut aw) = (0usize, 0i64);
    report(tx, t0, Phase::Heuristic, pp, pw, trivial);
    for &ci in &idx {
        let c = &comps[ci];
        let comp_deadline = deadline.map(|d| {
            if c.nc() > BIG {
                let left = d.saturating_duration_since(Instant::now());
                let share = left / (n_big - big_done).max(1) as u32;
                big_done += 1;
                Instant::now() + share
            } else {
                d
            }
        });
        let r = packing::solve_comp(c, std::mem::take(&mut starts[ci]), comp_deadline);
        for &lj in &r.chosen {
            let gj = c.gid[lj];
            let members: Vec<usize> = cy.cycle(gj).iter().map(|&v| v as usize).collect();
            swaps.push(Swap { members, week: cy.weeks[gj].trailing_zeros() });
        }
        ap += r.people as usize;
        aw += r.weight;
        bp += r.bound_people as usize;
        bw = bw.saturating_add(r.bound_weight);
        if c.nc() > BIG {
            let bound = if bounds_hold { Bound { people: bp, weight: bw } } else { trivial };
            report(tx, t0, Phase::Search, ap, aw, bound);
        }
    }
    swaps.sort_by(|a, b| a.members.cmp(&b.members));
    (swaps, Some(Bound { people: bp, weight: bw }))
}

fn totals(g: &Graph, swaps: &[Swap]) -> (usize, i64) {
    let mut p = 0;
    let mut w = 0;
    for s in swaps {
        p += s.members.len();
        for (i, &u) in s.members.iter().enumerate() {
            w += g.weight(u, s.members[(i + 1) % s.members.len()]).unwrap_or(0);
        }
    }
    (p, w)
}

fn finish(
    g: &Graph,
    swaps: Vec<Swap>,
    bound: Option<Bound>,
    t0: Instant,
    progress: &mut dyn FnMut(&Progress),
) -> Solution {
    let (people, weight) = totals(g, &swaps);
    let bound = bound.unwrap_or_else(|| Bound::trivial(g));
    let optimal = (people, weight) >= (bound.people, bound.weight);
    let elapsed = t0.elapsed();
    progress(&Progress { phase: Phase::Done, people, weight, bound, elapsed });
    let gap = Gap::between(people, weight, bound);
    Solution { people, weight, optimal, bound, gap, seconds: elapsed.as_secs_f64(), swaps }
}
