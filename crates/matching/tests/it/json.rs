use matching::{Graph, SolveOptions, solve};

#[test]
fn json_has_the_documented_shape() {
    let g = Graph::parse("p 3 4 4\nv 0 0 0 1 3\nv 1 1 0 1 1\nv 2 2 0 1 1\ne 0 1 10\ne 1 0 12\ne 1 2 5\ne 2 1 5\n")
        .expect("valid");
    let sol = solve(&g, &SolveOptions { max_cycle: 2, time_limit: None }, &mut |_| {});
    assert_eq!((sol.people, sol.weight, sol.optimal), (2, 22, true));
    let v: serde_json::Value = serde_json::from_str(&sol.to_json()).expect("json");
    let keys: Vec<&str> = v.as_object().expect("object").keys().map(|k| k.as_str()).collect();
    for k in ["people", "weight", "optimal", "bound", "gap", "seconds", "swaps"] {
        assert!(keys.contains(&k), "missing {k}");
    }
    assert_eq!(v["bound"]["people"], 2);
    assert_eq!(v["bound"]["weight"], 22);
    assert_eq!(v["swaps"][0]["members"], serde_json::json!([0, 1]));
    assert_eq!(v["swaps"][0]["week"], 0);
    let s = sol.to_json();
    assert!(s.starts_with(
        "{\"people\":2,\"weight\":22,\"optimal\":true,\"bound\":{\"people\":2,\"weight\":22},\"gap\":{\"people\":0,\"weight\":0},\"seconds\":"
    ));
}

#[test]
fn max_cycle_below_two_gives_nothing() {
    let g = Graph::parse("p 2 2 1\nv 0 0 0 1 1\nv 1 1 0 1 1\ne 0 1 1\ne 1 0 1\n").expect("valid");
    let sol = solve(&g, &SolveOptions { max_cycle: 1, time_limit: None }, &mut |_| {});
    assert!(sol.swaps.is_empty() && sol.optimal);
}
