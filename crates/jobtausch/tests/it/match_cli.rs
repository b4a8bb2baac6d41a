//! `jobtausch match` as a user runs it.

use std::process::Command;

fn jobtausch_match(args: &[&str]) -> (bool, String, String) {
    // As in a developer's shell: errors must still read as messages, not crash reports.
    let out = Command::new(env!("CARGO_BIN_EXE_jobtausch"))
        .env("RUST_BACKTRACE", "1")
        .arg("match")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn prints_the_optimal_answer_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ring.txt");
    // A ring of three (0 -> 1 -> 2 -> 0) free in week 0 and a pair (3 <-> 4) free in week 1.
    std::fs::write(
        &path,
        "c demo\np 5 5 2\nv 0 0 0 1 1\nv 1 1 0 1 1\nv 2 2 0 1 1\nv 3 0 0 1 3\nv 4 1 0 1 2\ne 0 1 5\ne 1 2 5\ne 2 0 5\ne 3 4 7\ne 4 3 7\n",
    )
    .unwrap();
    let (ok, out, err) = jobtausch_match(&["--graph", path.to_str().unwrap(), "--max-cycle", "3"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!((v["people"].as_u64(), v["weight"].as_i64(), v["optimal"].as_bool()), (Some(5), Some(29), Some(true)));
    assert_eq!(v["bound"]["people"], 5);
    assert_eq!((v["gap"]["people"].as_u64(), v["gap"]["weight"].as_i64()), (Some(0), Some(0)));
    assert_eq!(v["swaps"].as_array().unwrap().len(), 2);
    // The same answer in words: what is proven, and why each swap is possible.
    let (ok, out, err) = jobtausch_match(&["--graph", path.to_str().unwrap(), "--max-cycle", "3", "--explain"]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "5 people in 2 swaps (1 pair, 1 ring of three), total weight 29.");
    assert!(lines[1].starts_with("Optimal: no set of swaps has more people"), "{out}");
    assert_eq!(
        &lines[2..],
        [
            "Swap 1, week 0: 0 takes the place of 1 (weight 5), 1 takes the place of 2 (weight 5), \
             2 takes the place of 0 (weight 5); all free in week 0.",
            "Swap 2, week 1: 3 takes the place of 4 (weight 7), 4 takes the place of 3 (weight 7); all free in week 1."
        ]
    );
    let (ok, out, _) = jobtausch_match(&["--graph", path.to_str().unwrap(), "--max-cycle", "2"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["people"], 2, "pairs only: the ring is out of reach");
}

#[test]
fn a_malformed_file_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.txt");
    std::fs::write(&path, "p 2 1 1\nv 0 0 0 1 1\nv 1 1 0 1 1\ne 0 x 3\n").unwrap();
    let (ok, _, err) = jobtausch_match(&["--graph", path.to_str().unwrap(), "--max-cycle", "2"]);
    assert!(!ok);
    assert!(err.contains("line 4"), "{err}");
    let (ok, _, err) = jobtausch_match(&["--graph", "/nonexistent/file", "--max-cycle", "2"]);
    assert!(!ok && err.contains("cannot read"), "{err}");
    let (ok, _, err) = jobtausch_match(&["--graph", path.to_str().unwrap(), "--max-cycle", "9"]);
    assert!(!ok && err.contains("--max-cycle"), "{err}");
}

#[test]
fn bad_input_is_explained_once_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "p 2 2 1\nv 0 0 0 1 1\nv 1 1 0 1 1\ne 0 1 3\ne 1 0 4\n").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, b"p 2 1 1\nv 0 0 0 1 1\n\xff\xfe\n").unwrap();
    let good = good.to_str().unwrap();
    let cases: [(&[&str], &str); 7] = [
        (&["--graph", good, "--time-limit", "-1"], "--time-limit must be a positive number"),
        (&["--graph", good, "--time-limit", "0"], "--time-limit must be a positive number"),
        (&["--graph", good, "--time-limit", "1e30"], "up to a year"),
        (&["--graph", good, "--max-cycle", "5"], "--max-cycle must be 2 (pairs), 3 (rings of three) or 4"),
        (&["--graph", good, "--max-cycle", "1"], "--max-cycle must be"),
        (&["--graph", empty.to_str().unwrap()], "line 1: the file is empty"),
        (&["--graph", binary.to_str().unwrap()], "line 3: not UTF-8 text"),
    ];
    for (args, message) in cases {
        let (ok, out, err) = jobtausch_match(args);
        assert!(!ok && out.is_empty(), "{args:?} must fail without an answer");
        assert!(err.starts_with("error: ") && err.contains(message), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line, no backtrace or repeated cause: {err}");
    }
    // The same file with sensible arguments is answered.
    let (ok, out, err) = jobtausch_match(&["--graph", good, "--max-cycle", "4", "--time-limit", "5"]);
    assert!(ok, "{err}");
    assert!(out.contains("\"people\":2"), "{out}");
}

#[test]
fn a_long_run_shows_progress_while_it_works() {
    // 1,500 people with rings: not proven within two seconds, so the limit ends the run.
    let path = format!("{}/../matching/tests/data/js1500_w26_s2.txt", crate::manifest_dir());
    let (ok, out, err) = jobtausch_match(&["--graph", &path, "--max-cycle", "3", "--time-limit", "2"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(v["people"].as_u64().unwrap() > 700, "at least the pairs: {out}");
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.len() >= 2, "a line while it works and one at the end: {err}");
    assert!(lines.iter().all(|l| l.starts_with('[') && l.contains(" people")), "{err}");
    assert!(lines.last().unwrap().contains("Done: "), "{err}");
    // A line while the search is still going: stamped well before the 2-s limit.
    let stamp = |l: &str| l[1..l.find('s').unwrap()].trim().parse::<f64>().unwrap();
    assert!(lines.iter().any(|l| stamp(l) < 1.8), "{err}");
}
