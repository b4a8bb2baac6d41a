//! Agreement with the reference optima (networkx / HiGHS) on committed 300-person instances.

use std::time::Duration;

use matching::{Graph, SolveOptions, check_swaps, solve};

fn data(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn expected() -> Vec<(String, usize, usize, i64)> {
    data("expected.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[0].to_string(), f[1].parse().expect("K"), f[2].parse().expect("people"), f[3].parse().expect("weight"))
        })
        .collect()
}

#[test]
fn reference_optima() {
    let cases = expected();
    assert_eq!(cases.len(), 10);
    for (file, k, people, weight) in cases {
        let g = Graph::parse(&data(&file)).expect("instance parses");
        // A generous limit only guards against a hang; nothing below depends on timing:
        // any answer must be valid and at most the optimum, any bound at least the optimum,
        // and a proven answer must equal it.
        let opts = SolveOptions { max_cycle: k, time_limit: Some(Duration::from_secs(5)) };
        let sol = solve(&g, &opts, &mut |_| {});
        let got = check_swaps(&g, &sol.swaps, k).expect("valid swaps");
        assert_eq!(got, (sol.people, sol.weight));
        let opt = (people, weight);
        assert!(got <= opt, "{file} K={k}: {got:?} beats the reference optimum {opt:?}");
        assert!((sol.bound.people, sol.bound.weight) >= opt, "{file} K={k}: bound below the optimum");
        if sol.optimal {
            assert_eq!(got, opt, "{file} K={k}");
        }
        if k == 2 {
            // The matching is exact regardless of time.
            assert!(sol.optimal && got == opt, "{file} K=2: {got:?} != {opt:?}");
        }
    }
}

#[test]
fn reference_optima_proven_without_time_limit() {
    // These finish quickly and deterministically with a proof (s6 needs the weight phase).
    for (file, people, weight) in
        [("js300_s1.txt", 129, 2314), ("js300_s2.txt", 117, 2069), ("js300_s6.txt", 137, 2606)]
    {
        let g = Graph::parse(&data(file)).expect("instance parses");
        let sol = solve(&g, &SolveOptions { max_cycle: 3, time_limit: None }, &mut |_| {});
        assert!(sol.optimal, "{file}");
        assert_eq!((sol.people, sol.weight), (people, weight), "{file}");
    }
}

#[test]
fn lp_gap_instance_proven_without_time_limit() {
    // 600 people, one component of 489 people and 8,637 cycles whose LP relaxation is
    // fractional (people 421.75 against 421, weight 8,184 against 8,154): needs cuts and the
    // LP branch and bound. A few seconds in release mode.
    assert_rings_proven("js600_s11_k3.txt", (424, 8213));
}

#[test]
fn sparse_1500_people_proven_without_time_limit() {
    // gen_jobswap.py --n 1500 --seed 2 --weeks 26: the size and density of the held-back
    // instance (pairs alone about 700 people). One component of 1,154 people and 12,368 cycles
    // whose LP gives 910.67 people; HiGHS (solve_ref.py --method highs) proves 909 / 16,130.
    // Our own search alone did not prove it in a minute; with HiGHS on the component, seconds.
    assert_rings_proven("js1500_w26_s2.txt", (909, 16130));
}

/// Solves a committed instance with rings and no time limit: valid swaps, proven, `expected`
/// (people, weight).
fn assert_rings_proven(file: &str, expected: (usize, i64)) {
    let g = Graph::parse(&data(file)).expect("instance parses");
    let sol = solve(&g, &SolveOptions { max_cycle: 3, time_limit: None }, &mut |_| {});
    assert_eq!(check_swaps(&g, &sol.swaps, 3).expect("valid swaps"), (sol.people, sol.weight), "{file}");
    assert!(sol.optimal, "{file}");
    assert_eq!((sol.people, sol.weight), expected, "{file}");
}
