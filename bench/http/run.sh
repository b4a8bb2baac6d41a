#!/usr/bin/env bash
# HTTP throughput and latency of the signed-in pages and the API, next to nginx serving the same
# bytes (issue 16, point 7). At the demo's size and again after `admin seed-synthetic` has added
# PEOPLE profiles (default 10,000), on SQLite, on loopback:
#
# - reads: the start page, the search (`/people`), a swap page, `GET /api/people`; each
#   alternates ROUNDS times between the app and nginx (DURATION s each, CONNECTIONS connections)
#   and prints req/s, p50, p99 and the ratio app/nginx;
# - writes: `PUT /api/profile` with the person's own profile, at WRITE_CONNECTIONS connections;
# - the server's memory after the load run (VmRSS, and VmHWM, the peak) and its cold start
#   (exec until /healthz answers 200, median of COLD_STARTS starts).
#
# Every figure is printed next to its target; a figure that misses it does not fail the run.
# The run fails only if something did not work: a page or call that did not answer 2xx, or wrk
# counting error answers (4xx/5xx) under load; it says which endpoint.
#
#   bench/http/run.sh
#   DURATION=10 ROUNDS=3 PEOPLE=10000 bench/http/run.sh
#
# Other settings: CONNECTIONS (64), WRITE_CONNECTIONS (16), THREADS (2, wrk's), COLD_STARTS (5),
# JOBTAUSCH_BIN (a built binary; default: build the release), KEEP=1 (keep the temporary
# folder with the server log and the raw figures), JOBTAUSCH_LOG (the server's log filter; as
# in production, one line per answer at the default `info`).
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=bench/http
DURATION="${DURATION:-5}"
ROUNDS="${ROUNDS:-3}"
PEOPLE="${PEOPLE:-10000}"
CONNECTIONS="${CONNECTIONS:-64}"
WRITE_CONNECTIONS="${WRITE_CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
COLD_STARTS="${COLD_STARTS:-5}"
EMAIL=anna.schmidt@musterstadt.example
PASSWORD=Jobtausch-Demo-2026 # the demo's (crates/jobtausch/src/demo.rs)

# --- tools -----------------------------------------------------------------------------------
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
if ! command -v wrk >/dev/null || [ ! -x "$NGINX" ]; then
    echo "== installing wrk and nginx-light (Debian)"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y -q wrk nginx-light >/dev/null ||
        { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q wrk nginx-light >/dev/null; }
    NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobtausch/target}"
if [ -z "${JOBTAUSCH_BIN:-}" ]; then
    echo "== building the release"
    cargo build --release --locked -q -p jobtausch
fi
BIN="${JOBTAUSCH_BIN:-$CARGO_TARGET_DIR/release/jobtausch}"

# --- the places ------------------------------------------------------------------------------
dir=$(mktemp -d)
chmod 711 "$dir" # nginx's workers (nobody, when run as root) pass through to their root
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
NPORT=$(free_port)
while [ "$NPORT" = "$PORT" ]; do NPORT=$(free_port); done
BASE="http://127.0.0.1:$PORT"
NBASE="http://127.0.0.1:$NPORT"
DB="sqlite://$dir/bench.db"
RESULTS="$dir/results.jsonl"
PROBLEMS="$dir/problems.txt"
: >"$RESULTS"
: >"$PROBLEMS"
export JOBTAUSCH_SMTP_URL=log: # serve: mails to the log, not queued with a warning
# As the systemd unit and the container image run it (deploy/jobtausch.service): password
# checks' Argon2 memory goes back to the system at once. GLIBC_TUNABLES= measures without.
TUNABLES="${GLIBC_TUNABLES-glibc.malloc.mmap_threshold=131072}" # the server's only, not wrk's or nginx's
server=""
nginx_pid=""

stop_server() {
    [ -n "$server" ] || return 0
    kill -TERM "$server" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
}
cleanup() {
    stop_server
    if [ -n "$nginx_pid" ]; then
        kill -QUIT "$nginx_pid" 2>/dev/null || true
        wait "$nginx_pid" 2>/dev/null || true
    fi
    if [ "${KEEP:-}" = 1 ]; then echo "kept: $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT
problem() { echo "PROBLEM: $*" | tee -a "$PROBLEMS" >&2; }
die() {
    echo "ERROR: $*" >&2
    [ -f "$dir/server.log" ] && tail -n 20 "$dir/server.log" >&2
    exit 1
}

wait_healthy() {
    for _ in $(seq 300); do
        curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && return 0
        kill -0 "$server" 2>/dev/null || die "the server stopped while starting"
        sleep 0.1
    done
    die "the server did not answer /healthz within 30 s"
}
start_server() { # serve the database
    GLIBC_TUNABLES="$TUNABLES" "$BIN" serve --database-url "$DB" --bind "127.0.0.1:$PORT" >>"$dir/server.log" 2>&1 &
    server=$!
    wait_healthy
}

# --- nginx: the same bytes, one worker per core, no access log -------------------------------
NROOT="$dir/nginx/root"
mkdir -p "$NROOT" "$dir/nginx/logs"
chmod 755 "$dir/nginx" "$NROOT"
cat >"$dir/nginx/nginx.conf" <<EOF
worker_processes $(nproc);
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$NPORT;
        root $NROOT;
    }
}
EOF
"$NGINX" -e "$dir/nginx/logs/error.log" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!

# --- wrk -------------------------------------------------------------------------------------
# run_wrk SIZE ENDPOINT TARGET ROUND CONNECTIONS URL [wrk options...]: one run, its figures
# appended to RESULTS as a JSON line (ROUND "warm" is not kept).
run_wrk() {
    local size=$1 endpoint=$2 target=$3 round=$4 conns=$5 url=$6
    shift 6
    local d=$DURATION
    [ "$round" = warm ] && d=1
    local out
    if ! out=$(wrk -t"$THREADS" -c"$conns" -d"${d}s" --timeout 30s --latency -s "$HERE/report.lua" "$@" "$url" 2>&1); then
        problem "$size, $endpoint ($target): wrk failed: $(tail -n 3 <<<"$out")"
        return 0
    fi
    local json
    json=$(grep '^WRK_JSON ' <<<"$out" | sed 's/^WRK_JSON //') || true
    [ -n "$json" ] || { problem "$size, $endpoint ($target): no figures from wrk"; return 0; }
    python3 - "$json" "$size" "$endpoint" "$target" "$round" "$conns" "$RESULTS" "$PROBLEMS" <<'PY'
import json, sys
fig, size, endpoint, target, rnd, conns, results, problems = sys.argv[1:]
f = json.loads(fig)
bad = []
if f["status_errors"]:
    bad.append(f"{f['status_errors']} of {f['requests']} answers were 4xx/5xx (wrk: Non-2xx or 3xx responses)")
if f["connect"] or f["read"] or f["write"]:
    bad.append(f"socket errors: connect {f['connect']}, read {f['read']}, write {f['write']}")
for b in bad:
    line = f"{size}, {endpoint} ({target}, round {rnd}): {b}"
    print("PROBLEM: " + line, file=sys.stderr)
    open(problems, "a").write(line + "\n")
if f["timeout"]:
    print(f"note: {size}, {endpoint} ({target}, round {rnd}): {f['timeout']} requests over wrk's 30 s timeout", file=sys.stderr)
if rnd != "warm":
    f.update(size=size, endpoint=endpoint, target=target, round=int(rnd), connections=int(conns))
    open(results, "a").write(json.dumps(f) + "\n")
PY
}

# settle: wait (at most 10 s) until the server has stopped using the CPU, so that requests wrk
# gave up on at the end of a run do not slow down the next one.
settle() {
    [ -n "$server" ] || return 0
    local before after
    for _ in $(seq 50); do
        before=$(awk '{ print $14 + $15 }' "/proc/$server/stat")
        sleep 0.2
        after=$(awk '{ print $14 + $15 }' "/proc/$server/stat")
        [ $((after - before)) -le 1 ] && return 0
    done
}

# --- one size --------------------------------------------------------------------------------
fetch() { # fetch NAME PATH FILE [curl options...]: the answer's body into FILE; it must be 200
    local name=$1 path=$2 file=$3
    shift 3
    local code
    code=$(curl -sS -o "$file" -w '%{http_code}' "$@" "$BASE$path") || die "$name ($path): no answer"
    [ "$code" = 200 ] || die "$name ($path) answered $code, not 200: $(head -c 300 "$file")"
}

load_run() { # load_run SIZE
    local size=$1
    echo "== $size: load run"
    start_server
    # Sign in as a browser does: the form's CSRF token, then the session cookie.
    local jar="$dir/cookies.txt" csrf code
    rm -f "$jar"
    csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | grep -o -m 1 'name="csrf" value="[^"]*"' | sed -n '1s/.*value="//; 1s/"$//p')
    [ -n "$csrf" ] || die "no CSRF token in the sign-in form"
    code=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "email=$EMAIL" \
        --data-urlencode "password=$PASSWORD" --data-urlencode "csrf=$csrf" "$BASE/login")
    [ "$code" = 303 ] || die "sign-in answered $code, not 303"
    local session csrf_cookie
    session=$(awk '$6 == "jt_session" { print $7 }' "$jar")
    csrf_cookie=$(awk '$6 == "jt_csrf" { print $7 }' "$jar")
    [ -n "$session" ] || die "sign-in set no session cookie"
    local cookie="Cookie: jt_session=$session; jt_csrf=$csrf_cookie"
    # A personal API token for the API calls.
    local token
    token=$(curl -fsS -H 'content-type: application/json' \
        -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"name\":\"bench $size\"}" "$BASE/api/login" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') || die "no API token from /api/login"
    local auth="Authorization: Bearer $token"
    # A swap the person belongs to: the story's (confirmed), else the newest.
    local swap
    swap=$(curl -fsS -H "$auth" "$BASE/api/swaps" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print(next((x["id"] for x in s if x["state"] == "confirmed"), s[0]["id"] if s else ""))')
    [ -n "$swap" ] || die "$EMAIL belongs to no swap"

    # The exact bytes of each answer, for nginx to serve.
    fetch start / "$NROOT/start.html" -H "$cookie"
    fetch search /people "$NROOT/search.html" -H "$cookie"
    fetch swap "/swaps/$swap" "$NROOT/swap.html" -H "$cookie"
    fetch "api people" /api/people "$NROOT/people.json" -H "$auth"
    chmod 644 "$NROOT"/*
    local people_found
    people_found=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(len(r["items"]), "on the first page, more:", r["more"])' "$NROOT/people.json")
    echo "   swap $swap; /api/people: $people_found"
    # The write: the person's own profile, sent back as it is.
    fetch "api profile" /api/profile "$dir/profile.json" -H "$auth"
    fetch "api profile (PUT)" /api/profile "$dir/put-answer.json" -X PUT -H "$auth" \
        -H 'content-type: application/json' --data-binary "@$dir/profile.json"
    local f
    for f in start.html search.html swap.html people.json; do
        code=$(curl -sS -o /dev/null -w '%{http_code}' "$NBASE/$f")
        [ "$code" = 200 ] || die "nginx answered $code for $f"
    done
    grep VmRSS "/proc/$server/status" | awk -v s="$size" '{ printf "   memory before the load run: %.1f MB\n", $2 / 1024 }'

    local endpoints=("start|/|start.html" "search|/people|search.html" "swap|/swaps/$swap|swap.html"
        "api people|/api/people|people.json")
    local e name path file r hdr
    for e in "${endpoints[@]}"; do
        IFS='|' read -r name path file <<<"$e"
        hdr=$cookie
        [[ $path == /api/* ]] && hdr=$auth
        echo "   $name: $path"
        run_wrk "$size" "$name" app warm "$CONNECTIONS" "$BASE$path" -H "$hdr"
        settle
        run_wrk "$size" "$name" nginx warm "$CONNECTIONS" "$NBASE/$file"
        for r in $(seq "$ROUNDS"); do
            run_wrk "$size" "$name" app "$r" "$CONNECTIONS" "$BASE$path" -H "$hdr"
            settle
            run_wrk "$size" "$name" nginx "$r" "$CONNECTIONS" "$NBASE/$file"
        done
    done
    echo "   PUT /api/profile"
    export WRK_METHOD=PUT WRK_BODY_FILE="$dir/profile.json"
    run_wrk "$size" "PUT api profile" app warm "$WRITE_CONNECTIONS" "$BASE/api/profile" -H "$auth"
    for r in $(seq "$ROUNDS"); do
        settle
        run_wrk "$size" "PUT api profile" app "$r" "$WRITE_CONNECTIONS" "$BASE/api/profile" -H "$auth"
    done
    settle
    unset WRK_METHOD WRK_BODY_FILE

    python3 - "$server" "$size" "$RESULTS" <<'PY'
import json, sys
pid, size, results = sys.argv[1:]
kb = {l.split(":")[0]: int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith(("VmRSS", "VmHWM"))}
open(results, "a").write(json.dumps({"kind": "memory", "size": size, "rss_kb": kb["VmRSS"], "hwm_kb": kb["VmHWM"]}) + "\n")
PY
    stop_server
    # What the server said under load: answers by status, and warnings and errors.
    python3 - "$dir/server.log" "$size" <<'PY'
import collections, re, sys
path, size = sys.argv[1:]
status, notes, slow = collections.Counter(), collections.Counter(), collections.Counter()
for line in open(path, errors="replace"):
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)  # the text log is coloured
    m = re.search(r'status[=":]+(\d{3})', line)
    if m:
        status[m.group(1)] += 1
    m = re.search(r'slow statement.*?summary="([^"]*)"', line)
    if m:
        slow[m.group(1)] += 1
    elif re.search(r"\b(WARN|ERROR)\b|database is locked", line):
        text = re.sub(r"^\S+\s+", "", line.strip())  # the time
        text = re.sub(r"request\{[^}]*\}: ", "", text)  # the request's id, method and path
        notes[text[:160]] += 1
print("   server log: answers " + (", ".join(f"{n:,} x {s}" for s, n in sorted(status.items())) or "none logged"))
for text, n in slow.most_common(5):
    print(f"   server log: {n:,} x slow statement (over 1 s): {text}")
for text, n in notes.most_common(5):
    print(f"   server log: {n:,} x {text}")
PY
    mv "$dir/server.log" "$dir/server-$size.log"
}

cold_starts() { # cold_starts SIZE: exec until /healthz answers 200, COLD_STARTS times
    python3 - "$BIN" "$DB" "$PORT" "$COLD_STARTS" "$1" "$RESULTS" "$dir/cold.log" <<'PY'
import http.client, json, subprocess, sys, time
binary, db, port, n, size, results, log = sys.argv[1:]
times = []
for _ in range(int(n)):
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "serve", "--database-url", db, "--bind", f"127.0.0.1:{port}"],
                         stdout=subprocess.DEVNULL, stderr=open(log, "a"))
    while True:
        if p.poll() is not None:
            sys.exit(f"ERROR: the server stopped while starting (see {log})")
        try:
            c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=2)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                break
        except OSError:
            pass
        if time.perf_counter() - t0 > 30:
            p.kill()
            sys.exit("ERROR: no answer from /healthz within 30 s")
        time.sleep(0.005)
    times.append((time.perf_counter() - t0) * 1000)
    p.terminate()
    p.wait(timeout=10)
open(results, "a").write(json.dumps({"kind": "cold", "size": size, "ms": times}) + "\n")
PY
}

# --- the run ---------------------------------------------------------------------------------
echo "== $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg) (other work lowers every figure)"
echo "== the server's GLIBC_TUNABLES=${TUNABLES:-(none)}"
echo "== seeding the demo ($DB)"
"$BIN" demo --database-url "$DB" --bind "127.0.0.1:$PORT" >"$dir/demo.log" 2>&1 &
server=$!
wait_healthy
stop_server
DEMO="demo size"
BIG="$PEOPLE profiles"
cold_starts "$DEMO"
load_run "$DEMO"

# The synthetic people are free in 2 to 4 of the weeks 6 to 16 weeks ahead, where the demo's
# people are free too, so that they turn up in the same searches.
FROM=$(python3 -c 'import datetime as d; y,w,_=(d.date.today()+d.timedelta(weeks=6)).isocalendar(); print(f"{y}-W{w:02d}")')
TO=$(python3 -c 'import datetime as d; y,w,_=(d.date.today()+d.timedelta(weeks=16)).isocalendar(); print(f"{y}-W{w:02d}")')
echo "== adding $PEOPLE synthetic people ($FROM..$TO)"
"$BIN" admin seed-synthetic --database-url "$DB" --people "$PEOPLE" --from "$FROM" --to "$TO" >/dev/null
cold_starts "$BIG"
load_run "$BIG"

# --- the figures -----------------------------------------------------------------------------
echo
python3 - "$RESULTS" "$DURATION" "$ROUNDS" "$CONNECTIONS" "$WRITE_CONNECTIONS" "$DEMO" "$BIG" <<'PY'
import json, statistics, sys
path, duration, rounds, conns, wconns, demo, big = sys.argv[1:]
rows = [json.loads(l) for l in open(path)]
med = statistics.median
def mark(ok):
    return "ok" if ok else "MISSED"
def rps(r):
    return r["requests"] / (r["duration_us"] / 1e6)
def clean(runs):  # the runs without error answers: a fast 500 is no figure
    return [r for r in runs if not r["status_errors"]]
reads = ["start", "search", "swap", "api people"]
print(f"Reads: {conns} connections, median of {rounds} alternating runs of {duration} s each (runs with error answers left out); "
      f"targets: ratio >= 0.3, p99 <= 50 ms.")
print()
print("| size | endpoint | app req/s | nginx req/s | ratio | app p50 ms | app p99 ms | worst p99 ms | nginx p99 ms | targets |")
print("|---|---|---|---|---|---|---|---|---|---|")
for size in (demo, big):
    for e in reads:
        app = clean([r for r in rows if r.get("size") == size and r.get("endpoint") == e and r.get("target") == "app"])
        ngx = clean([r for r in rows if r.get("size") == size and r.get("endpoint") == e and r.get("target") == "nginx"])
        if not app or not ngx:
            print(f"| {size} | {e} | – | – | – | – | – | – | – | no clean run |")
            continue
        a, n = med(map(rps, app)), med(map(rps, ngx))
        p50 = med(r["p50_us"] for r in app) / 1000
        p99 = med(r["p99_us"] for r in app) / 1000
        worst = max(r["p99_us"] for r in app) / 1000
        np99 = med(r["p99_us"] for r in ngx) / 1000
        ratio = a / n
        print(f"| {size} | {e} | {a:,.0f} | {n:,.0f} | {ratio:.3f} | {p50:.1f} | {p99:.1f} | {worst:.1f} | {np99:.2f} "
              f"| ratio {mark(ratio >= 0.3)}, p99 {mark(p99 <= 50)} |")
print()
print(f"Writes: PUT /api/profile, {wconns} connections, median of {rounds} runs of {duration} s (runs with error answers left out); target: p99 <= 100 ms.")
print()
print("| size | clean runs | req/s | p50 ms | p99 ms | worst p99 ms | target |")
print("|---|---|---|---|---|---|---|")
for size in (demo, big):
    runs = [r for r in rows if r.get("size") == size and r.get("endpoint") == "PUT api profile"]
    w = clean(runs)
    if not w:
        print(f"| {size} | 0 of {len(runs)} | – | – | – | – | no clean run |")
        continue
    p99 = med(r["p99_us"] for r in w) / 1000
    print(f"| {size} | {len(w)} of {len(runs)} | {med(map(rps, w)):,.0f} | {med(r['p50_us'] for r in w) / 1000:.1f} | {p99:.1f} "
          f"| {max(r['p99_us'] for r in w) / 1000:.1f} | {mark(p99 <= 100)} |")
print()
print("Memory after the load run (target at the larger size: <= 50 MB) and cold start (exec until /healthz")
print("answers; target < 1 s):")
print()
print("| size | VmRSS MB | VmHWM (peak) MB | cold start median ms | cold starts ms | targets |")
print("|---|---|---|---|---|---|")
for size in (demo, big):
    m = next((r for r in rows if r.get("kind") == "memory" and r["size"] == size), None)
    c = next((r for r in rows if r.get("kind") == "cold" and r["size"] == size), None)
    rss = m["rss_kb"] / 1024 if m else float("nan")
    hwm = m["hwm_kb"] / 1024 if m else float("nan")
    cm = med(c["ms"]) if c else float("nan")
    cs = ", ".join(f"{x:.0f}" for x in c["ms"]) if c else "–"
    targets = f"cold start {mark(cm < 1000)}"
    if size == big:
        targets = f"memory {mark(rss <= 50)}, " + targets
    print(f"| {size} | {rss:.1f} | {hwm:.1f} | {cm:.0f} | {cs} | {targets} |")
PY
if [ -s "$PROBLEMS" ]; then
    echo
    echo "FAILED: something did not work:"
    sed 's/^/  - /' "$PROBLEMS"
    exit 1
fi
