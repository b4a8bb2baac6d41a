//! The answer in words: what is proven, and for each swap who takes whose place.

use matching::{Gap, Graph, SolveOptions, explain, solve};

#[test]
fn a_ring_and_its_proof_in_words() {
    // 0 -> 1 -> 2 -> 0 in week 1 (2 is free only then); 3 and 4 only want each other's
    // place and are never free together.
    let g = Graph::parse(
        "p 5 5 3\nv 0 0 0 1 3\nv 1 0 0 1 3\nv 2 0 0 1 2\nv 3 0 0 1 1\nv 4 0 0 1 2\n\
         e 0 1 10\ne 1 2 20\ne 2 0 30\ne 3 4 5\ne 4 3 5\n",
    )
    .unwrap();
    let s = solve(&g, &SolveOptions { max_cycle: 3, time_limit: None }, &mut |_| {});
    let text = explain(&g, &s);
    assert_eq!(
        text,
        "3 people in 1 swap (1 ring of three), total weight 60.\n\
         Optimal: no set of swaps has more people, and none with 3 people weighs more than 60.\n\
         Swap 1, week 1: 0 takes the place of 1 (weight 10), 1 takes the place of 2 (weight 20), \
         2 takes the place of 0 (weight 30); all free in week 1.\n"
    );
}

#[test]
fn the_most_people_but_not_the_best_weight() {
    let g = Graph::parse("p 2 2 1\nv 0 0 0 1 1\nv 1 0 0 1 1\ne 0 1 1234\ne 1 0 1000\n").unwrap();
    let mut s = solve(&g, &SolveOptions { max_cycle: 2, time_limit: None }, &mut |_| {});
    s.bound.weight = 3000;
    (s.optimal, s.gap) = (false, Gap::between(s.people, s.weight, s.bound));
    let text = explain(&g, &s);
    assert!(
        text.contains(
            "Most people possible (2: no set of swaps has more), but not proven best in weight: \
             a set with 2 people weighs at most 3,000, 766 more than this one."
        ),
        "{text}"
    );
}

#[test]
fn an_unproven_answer_says_how_far_it_may_be() {
    let g = Graph::parse("p 2 2 1\nv 0 0 0 1 1\nv 1 0 0 1 1\ne 0 1 1234\ne 1 0 1000\n").unwrap();
    let mut s = solve(&g, &SolveOptions { max_cycle: 2, time_limit: None }, &mut |_| {});
    s.swaps.clear();
    (s.people, s.weight, s.optimal) = (0, 0, false);
    s.gap = Gap::between(0, 0, s.bound);
    let text = explain(&g, &s);
    assert!(text.starts_with("0 people in 0 swaps, total weight 0.\n"), "{text}");
    assert!(
        text.contains("at most 2 more people could be matched; a set with 2 people would weigh at most 2,234."),
        "{text}"
    );
}
