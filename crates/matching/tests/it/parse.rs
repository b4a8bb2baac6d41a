use matching::{Graph, GraphBuilder};

const SMALL: &str = "c tiny\np 3 3 4\nv 0 1 0 3 3\nv 1 2 0 3 1\nv 2 3 0 4 2\ne 0 1 10\ne 1 0 12\ne 1 2 5\n";

fn line_of(text: &str) -> usize {
    match Graph::parse(text) {
        Ok(_) => panic!("expected an error for {text:?}"),
        Err(e) => {
            assert!(e.to_string().starts_with(&format!("line {}:", e.line)), "{e}");
            e.line
        }
    }
}

#[test]
fn parses_small_graph() {
    let g = Graph::parse(SMALL).expect("valid");
    assert_eq!(g.n(), 3);
    assert_eq!(g.m(), 3);
    assert_eq!(g.weeks(), 4);
    assert_eq!(g.weight(0, 1), Some(10));
    assert_eq!(g.weight(1, 0), Some(12));
    assert_eq!(g.weight(2, 1), None);
    assert_eq!(g.avail(2), 2);
    assert_eq!(g.info(1).grade, Some(3));
}

#[test]
fn errors_name_the_line() {
    assert_eq!(line_of("c x\np 2 0 4\nv 0 0 0 0 1\nv 1 0 0 0 x\n"), 4);
    assert_eq!(line_of("v 0 0 0 0 1\n"), 1);
    assert_eq!(line_of("p 2 1 4\nv 0 0 0 0 1\nv 1 0 0 0 1\ne 0 5 3\n"), 4);
    assert_eq!(line_of("p 2 1 4\nv 0 0 0 0 1\nv 1 0 0 0 1\ne 0 0 3\n"), 4);
    assert_eq!(line_of("p 2 1 4\nv 0 0 0 0 1\nv 1 0 0 0 1\ne 0 1\n"), 4);
    assert_eq!(line_of("p 2 1 4\nv 0 0 0 0 1\nv 1 0 0 0 1\ne 0 1 2 9\n"), 4);
    assert_eq!(line_of("p 2 2 4\nv 0 0 0 0 1\nv 1 0 0 0 1\ne 0 1 2\ne 0 1 3\n"), 5);
    assert_eq!(line_of("p 2 1 4\nv 0 0 0 0 1\nv 1 0 0 0 16\ne 0 1 2\n"), 3);
    assert_eq!(line_of("p 2 1 4\nv 0 0 0 0 1\nv 0 0 0 0 1\ne 0 1 2\n"), 3);
    assert_eq!(line_of("p 2 1 4\nv 0 0 0 0 1\ne 0 1 2\n"), 1);
    assert_eq!(line_of("p 2 2 4\nv 0 0 0 0 1\nv 1 0 0 0 1\ne 0 1 2\n"), 1);
    assert_eq!(line_of("p 2 0 4\np 2 0 4\n"), 2);
    assert_eq!(line_of("p 2 0 4\nx\n"), 2);
    assert_eq!(line_of("p -2 0 4\n"), 1);
    assert_eq!(line_of("p 2 0 65\n"), 1);
    assert_eq!(line_of("p 2 1 4\nv 0 0 0 0 1\nv 1 0 0 0 1\ne 0 1 99999999999999999999\n"), 4);
    assert_eq!(line_of(""), 1, "an empty file is reported at its first line");
}

#[test]
fn builder_matches_parser() {
    let mut b = GraphBuilder::new();
    for m in [3u64, 1, 2] {
        b.add_person(m).expect("person");
    }
    b.add_edge(1, 2, 5).expect("edge");
    b.add_edge(0, 1, 10).expect("edge");
    b.add_edge(1, 0, 12).expect("edge");
    assert!(b.add_edge(1, 0, 1).is_err());
    assert!(b.add_edge(1, 1, 1).is_err());
    assert!(b.add_edge(1, 7, 1).is_err());
    let g = b.build();
    let p = Graph::parse(SMALL).expect("valid");
    assert_eq!(g.edges().collect::<Vec<_>>(), p.edges().collect::<Vec<_>>());
    for v in 0..3 {
        assert_eq!(g.avail(v), p.avail(v));
    }
}
