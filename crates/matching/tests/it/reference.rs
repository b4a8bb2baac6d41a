//! Agreement with the reference optima (networkx / HiGHS) on committed instances of 300 to 1,500
//! people.

use std::time::Duration;

use matching::{Graph, SolveOptions, check_swaps, solve};

fn data(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", crate::manifest_dir());
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
    // Without a time limit every answer must be proven, and the proof must be right. The
    // 600-person case (js600_s11_k3) has an LP gap (people 421.75 against 421 in its largest
    // component): it needs cuts and branching, a few seconds in release mode.
    for (file, k, people, weight) in cases {
        assert_proven(&file, k, (people, weight));
    }
}

#[test]
fn reference_optima_under_a_time_limit() {
    // With a short limit the answer may be worse, but it is valid, never above the optimum,
    // and the bound never below it.
    for (file, k, people, weight) in expected() {
        let g = Graph::parse(&data(&file)).expect("instance parses");
        let opts = SolveOptions { max_cycle: k, time_limit: Some(Duration::from_millis(200)) };
        let sol = solve(&g, &opts, &mut |_| {});
        let got = check_swaps(&g, &sol.swaps, k).expect("valid swaps");
        assert_eq!(got, (sol.people, sol.weight), "{file} K={k}: reported totals");
        let opt = (people, weight);
        if k == 2 {
            // The matching is exact whatever the limit.
            assert!(sol.optimal && got == opt, "{file} K=2: {got:?} != {opt:?}");
        }
        assert!(got <= opt, "{file} K={k}: {got:?} beats the reference optimum {opt:?}");
        assert!((sol.bound.people, sol.bound.weight) >= opt, "{file} K={k}: bound below the optimum");
        if sol.optimal {
            assert_eq!(got, opt, "{file} K={k}");
        }
    }
}

#[test]
fn sparse_1500_people_proven_without_time_limit() {
    // gen_jobswap.py --n 1500 --seed 2 --weeks 26: the size and density of the held-back
    // instance (pairs alone about 700 people). One component of 1,154 people and 12,368 cycles
    // whose LP gives 910.67 people; HiGHS (solve_ref.py --method highs) proves 909 / 16,130.
    // Our own search alone did not prove it in a minute; with HiGHS on the component, seconds.
    assert_proven("js1500_w26_s2.txt", 3, (909, 16130));
}

/// Solves a committed instance with no time limit: valid swaps, proven, `expected`
/// (people, weight).
fn assert_proven(file: &str, k: usize, expected: (usize, i64)) {
    let g = Graph::parse(&data(file)).expect("instance parses");
    let sol = solve(&g, &SolveOptions { max_cycle: k, time_limit: None }, &mut |_| {});
    assert_eq!(check_swaps(&g, &sol.swaps, k).expect("valid swaps"), (sol.people, sol.weight), "{file}");
    assert!(sol.optimal, "{file} K={k}: not proven");
    assert_eq!((sol.people, sol.weight), expected, "{file} K={k}: not the reference optimum");
}
