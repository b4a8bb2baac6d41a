//! The systemd unit in deploy/ as systemd reads it: `systemd-analyze verify` (with the unit's
//! binary path pointed at the built binary) and its offline security rating.

use std::process::Command;

fn systemd_analyze(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new("systemd-analyze").args(args).output().unwrap_or_else(|e| {
        panic!("systemd-analyze cannot run ({e}): apt-get install -y systemd (scripts/test.sh installs it)")
    })
}

#[test]
fn the_systemd_unit_verifies_and_is_hardened() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let unit = std::fs::read_to_string(root.join("deploy/jobtausch.service")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jobtausch.service");
    std::fs::write(&path, unit.replace("/usr/local/bin/jobtausch", env!("CARGO_BIN_EXE_jobtausch"))).unwrap();

    let out = systemd_analyze(&["verify".as_ref(), path.as_os_str()]);
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success() && said.trim().is_empty(), "systemd-analyze verify: {said}");

    let offline = std::ffi::OsStr::new("--offline=true");
    let out = systemd_analyze(&["security".as_ref(), offline, path.as_os_str()]);
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    let level = report
        .lines()
        .find_map(|l| l.split("Overall exposure level for jobtausch.service: ").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("no exposure level in: {report}"));
    // systemd rates 0 (locked down) to 10 (exposed); below 2 is "OK".
    assert!(level < 2.0, "exposure level {level}:\n{report}");
}
