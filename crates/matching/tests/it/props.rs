//! Property tests: whatever the graph and time limit, the answer is a valid packing, its
//! totals are reported correctly, and the bound is not below it.

use std::time::Duration;

use matching::{GraphBuilder, SolveOptions, check_swaps, solve};
use proptest::prelude::*;

fn graph_strategy() -> impl Strategy<Value = (Vec<u64>, Vec<(usize, usize, i64)>)> {
    (2usize..40).prop_flat_map(|n| {
        (proptest::collection::vec(0u64..16, n), proptest::collection::vec((0..n, 0..n, -5i64..40), 0..(n * 6)))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]
    #[test]
    fn solutions_are_valid((masks, edges) in graph_strategy(), k in 2usize..5, limited in any::<bool>()) {
        let mut b = GraphBuilder::new();
        for &m in &masks {
            b.add_person(m).expect("person");
        }
        for &(u, v, w) in &edges {
            let _ = b.add_edge(u, v, w); // duplicates and self-loops are rejected, fine
        }
        let g = b.build();
        let time_limit = if limited { Some(Duration::from_millis(1)) } else { None };
        let sol = solve(&g, &SolveOptions { max_cycle: k, time_limit }, &mut |_| {});
        let (p, w) = check_swaps(&g, &sol.swaps, k).map_err(TestCaseError::fail)?;
        prop_assert_eq!((p, w), (sol.people, sol.weight));
        prop_assert!((sol.bound.people, sol.bound.weight) >= (p, w));
        prop_assert_eq!(sol.optimal, (p, w) == (sol.bound.people, sol.bound.weight));
        for s in &sol.swaps {
            prop_assert!(s.members.len() >= 2 && s.members.len() <= k);
            prop_assert!(s.members.iter().all(|&v| g.avail(v) >> s.week & 1 == 1));
        }
    }
}

fn medium_graph_strategy() -> impl Strategy<Value = (Vec<u64>, Vec<(usize, usize, i64)>)> {
    (40usize..150).prop_flat_map(|n| {
        (proptest::collection::vec(1u64..64, n), proptest::collection::vec((0..n, 0..n, 0i64..50), (n * 4)..(n * 12)))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]
    /// Bigger components go through the LP, cuts, diving and both search phases.
    #[test]
    fn medium_solutions_are_valid((masks, edges) in medium_graph_strategy(), k in 3usize..5, ms in 1u64..300) {
        let mut b = GraphBuilder::new();
        for &m in &masks {
            b.add_person(m).expect("person");
        }
        for &(u, v, w) in &edges {
            let _ = b.add_edge(u, v, w);
        }
        let g = b.build();
        let opts = SolveOptions { max_cycle: k, time_limit: Some(Duration::from_millis(ms)) };
        let sol = solve(&g, &opts, &mut |_| {});
        let (p, w) = check_swaps(&g, &sol.swaps, k).map_err(TestCaseError::fail)?;
        prop_assert_eq!((p, w), (sol.people, sol.weight));
        prop_assert!((sol.bound.people, sol.bound.weight) >= (p, w));
        // The pairs optimum is a lower bound for any K >= 2.
        let pairs = solve(&g, &SolveOptions { max_cycle: 2, time_limit: None }, &mut |_| {});
        prop_assert!(sol.bound.people >= pairs.people);
        // Rings start from the pairs optimum and only improve on it.
        prop_assert!((p, w) >= (pairs.people, pairs.weight));
    }
}
