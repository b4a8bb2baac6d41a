//! Exhaustive optimality on many small random graphs.

use matching::{SolveOptions, check_swaps, solve};

use crate::common::{Rng, all_cycles, brute_force, random_graph};

fn check_many(k: usize, graphs: usize, seed: u64, max_n: usize, max_cycles: usize) {
    let mut rng = Rng(seed);
    let mut checked = 0;
    for t in 0..graphs {
        let n = 3 + rng.below(max_n - 2);
        let p = 15 + rng.below(50);
        let weeks = 1 + rng.below(4) as u32;
        let g = random_graph(&mut rng, n, p, weeks);
        let cycles = all_cycles(&g, k);
        if cycles.len() > max_cycles {
            continue; // keep the brute force small
        }
        let expect = brute_force(n, &cycles);
        let sol = solve(&g, &SolveOptions { max_cycle: k, time_limit: None }, &mut |_| {});
        let got = check_swaps(&g, &sol.swaps, k).expect("valid swaps");
        assert_eq!(got, (sol.people, sol.weight), "graph {t}: reported totals");
        assert_eq!(got, expect, "graph {t} (n={n}, K={k}): optimum");
        assert!(sol.optimal, "graph {t}: not proven optimal");
        assert_eq!((sol.bound.people, sol.bound.weight), expect, "graph {t}: bound");
        checked += 1;
    }
    assert!(checked >= graphs / 3, "only {checked} graphs small enough");
}

#[test]
fn pairs_match_brute_force() {
    check_many(2, 400, 0x1234_5678, 10, 40);
}

#[test]
fn rings_of_three_match_brute_force() {
    check_many(3, 400, 0x9abc_def1, 10, 40);
}

#[test]
fn larger_components_match_brute_force() {
    // Denser graphs with up to 90 cycles: exercises the LP bounds and the search phases.
    check_many(3, 60, 0x5151_7777, 14, 90);
}

#[test]
fn rings_of_four_match_brute_force() {
    check_many(4, 200, 0x0f0f_1234, 10, 40);
}

#[test]
fn blossom_certificate_on_random_graphs() {
    use matching::blossom::{max_weight_matching, verify_optimum};
    let mut rng = Rng(77);
    for _ in 0..300 {
        let n = 2 + rng.below(12);
        let mut edges = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                if rng.below(100) < 40 {
                    edges.push((i, j, rng.below(20) as i64));
                }
            }
        }
        let res = max_weight_matching(n, &edges, true);
        verify_optimum(n, &edges, &res, true).expect("certificate");
        // Brute force the lexicographic optimum (cardinality, weight).
        fn rec(k: usize, edges: &[(usize, usize, i64)], used: &mut [bool], cur: (usize, i64), best: &mut (usize, i64)) {
            if cur > *best {
                *best = cur;
            }
            for e in k..edges.len() {
                let (i, j, w) = edges[e];
                if !used[i] && !used[j] {
                    used[i] = true;
                    used[j] = true;
                    rec(e + 1, edges, used, (cur.0 + 1, cur.1 + w), best);
                    used[i] = false;
                    used[j] = false;
                }
            }
        }
        let mut best = (0, 0);
        rec(0, &edges, &mut vec![false; n], (0, 0), &mut best);
        let mut got = (0usize, 0i64);
        for &(i, j, w) in &edges {
            if res.mate[i] == Some(j) {
                got = (got.0 + 1, got.1 + w);
            }
        }
        assert_eq!(got, best);
    }
}

#[test]
fn blossom_certificate_on_medium_graphs() {
    // Too big for brute force: the verified dual certificate proves optimality.
    use matching::blossom::{max_weight_matching, verify_optimum};
    let mut rng = Rng(4242);
    for _ in 0..60 {
        let n = 20 + rng.below(180);
        let p = 2 + rng.below(10);
        let mut edges = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                if rng.below(100) < p {
                    edges.push((i, j, rng.below(60) as i64));
                }
            }
        }
        for max_cardinality in [true, false] {
            let res = max_weight_matching(n, &edges, max_cardinality);
            verify_optimum(n, &edges, &res, max_cardinality).expect("certificate");
            for (v, m) in res.mate.iter().enumerate() {
                if let Some(u) = m {
                    assert_eq!(res.mate[*u], Some(v), "mate symmetry");
                }
            }
        }
    }
}
