//! The computed public holidays against an independent list: PyPI `holidays` (pinned in
//! scripts/requirements-test.txt), every federal state, 2000 to 2100.
//!
//! Two differences are by design and left out of the comparison: Easter and Whit Sunday in
//! Brandenburg (Sundays, never part of a swap week). Mariä Himmelfahrt in Bayern is not a
//! state-wide holiday in either list (`holidays` files it under the "catholic" category).

use domain::org::Region;
use domain::week::holidays;
use std::collections::BTreeSet;
use std::process::Command;

const FIRST: i32 = 2000;
const LAST: i32 = 2100;

const PYTHON: &str = r#"
import sys, holidays
first, last, subdivs = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
for sub in subdivs:
    days = holidays.country_holidays("DE", subdiv=sub, years=range(first, last + 1), language="de")
    for date in sorted(days):
        names = [n for n in days.get_list(date) if n not in ("Ostersonntag", "Pfingstsonntag")]
        if names:
            print(sub, date.isoformat())
"#;

#[test]
fn computed_holidays_match_the_python_holidays_package() {
    let python = std::env::var("JOBTAUSCH_TEST_PYTHON").expect(
        "JOBTAUSCH_TEST_PYTHON is not set: start the services with `eval \"$(scripts/services.sh start)\"` \
         (it installs scripts/requirements-test.txt, with holidays, into a venv)",
    );
    let codes: Vec<&str> = Region::ALL.iter().map(Region::code).collect();
    let out = Command::new(&python)
        .args(["-c", PYTHON, &FIRST.to_string(), &LAST.to_string()])
        .args(&codes)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    assert!(
        out.status.success(),
        "the Python holidays package failed (pip install -r scripts/requirements-test.txt):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: BTreeSet<String> = String::from_utf8(out.stdout).unwrap().lines().map(str::to_owned).collect();
    let ours: BTreeSet<String> = Region::ALL
        .iter()
        .flat_map(|r| {
            (FIRST..=LAST).flat_map(move |y| holidays(y, *r).into_iter().map(move |(d, _)| format!("{} {d}", r.code())))
        })
        .collect();
    assert!(theirs.len() > 16 * 101 * 9, "the list from Python is too short: {}", theirs.len());
    let only_ours: Vec<_> = ours.difference(&theirs).collect();
    let only_theirs: Vec<_> = theirs.difference(&ours).collect();
    assert!(
        only_ours.is_empty() && only_theirs.is_empty(),
        "holidays differ\nonly computed here: {only_ours:?}\nonly in Python holidays: {only_theirs:?}"
    );
}
