//! `jobtausch match` as a user runs it.

use std::process::Command;

fn jobtausch_match(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jobtausch")).arg("match").args(args).output().unwrap();
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
    // A ring of three (0 -> 1 -> 2 -> 0) and a pair (3 <-> 4), all free in week 0.
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
    assert_eq!(v["swaps"].as_array().unwrap().len(), 2);
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
