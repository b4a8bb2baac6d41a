#!/usr/bin/env bash
# Account enumeration by timing: sign-up and password reset, 30 tries each, for an address
# that has an account and for one that has none, against a demo instance on loopback. Prints
# the median and the 10th/90th percentile of each, and the difference of the medians: it should
# be within the noise, so that the time taken does not tell who has an account.
#
#   bench/timing/run.sh [TRIES]
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIES="${1:-30}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobtausch/target}"
# The debug build the tests make is enough: password hashing is optimised in it too, and what
# counts is the difference between the two ways, not the absolute time.
[ -n "${JOBTAUSCH_BIN:-}" ] || cargo build -q -p jobtausch
BIN="${JOBTAUSCH_BIN:-$CARGO_TARGET_DIR/debug/jobtausch}"
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
JOBTAUSCH_LOG=warn JOBTAUSCH_SMTP_URL= "$BIN" demo --database-url "sqlite://$dir/timing.db" --bind "127.0.0.1:$port" \
    >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
python3 - "$port" "$TRIES" <<'PY'
import json, statistics, sys, time, urllib.request
port, tries = sys.argv[1], int(sys.argv[2])
base = f"http://127.0.0.1:{port}/api"

def post(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"content-type": "application/json"})
    t0 = time.perf_counter()
    try:
        urllib.request.urlopen(req).read()
    except urllib.error.HTTPError as e:
        e.read()
    return (time.perf_counter() - t0) * 1000

def series(path, make):
    return [post(path, make(i)) for i in range(tries)]

known = "anna.schmidt@musterstadt.example"
signup = lambda email: (lambda i: {"email": email(i), "display_name": "Zeit Messung", "password": "ein-langes-passwort",
                                    "password_confirm": "ein-langes-passwort", "privacy_accepted": True})
rows = [
    ("signup, address with an account", series("/signup", signup(lambda i: known))),
    ("signup, address without one", series("/signup", signup(lambda i: f"neu{i}@musterstadt.example"))),
    ("reset, address with an account", series("/password/forgot", lambda i: {"email": known})),
    ("reset, address without one", series("/password/forgot", lambda i: {"email": f"niemand{i}@musterstadt.example"})),
]
print(f"| request | tries | median ms | p10 ms | p90 ms |")
print(f"|---|---|---|---|---|")
for name, ms in rows:
    q = statistics.quantiles(ms, n=10)
    print(f"| {name} | {len(ms)} | {statistics.median(ms):.1f} | {q[0]:.1f} | {q[-1]:.1f} |")
for a, b in [(0, 1), (2, 3)]:
    d = statistics.median(rows[a][1]) - statistics.median(rows[b][1])
    print(f"difference of medians, {rows[a][0].split(',')[0]}: {d:+.1f} ms")
PY
