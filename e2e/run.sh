#!/usr/bin/env bash
# Runs the browser suite: installs the pinned npm packages, starts a fresh demo installation of
# the built binary on a free port (SQLite in a temporary folder, mail to the test SMTP server),
# runs every test in tests/ with Node's test runner, then after/ (which reads every mail the
# journeys caused), stops the server and exits with the tests' status.
#
# Needs:
#   JOBTAUSCH_TEST_SMTP_URL, JOBTAUSCH_TEST_MAILDIR   from `eval "$(scripts/services.sh start)"`
#   JOBTAUSCH_BIN   the built binary (default: jobtausch in cargo's target directory, debug)
#   /usr/bin/chromium   (apt-get install -y --no-install-recommends chromium fonts-dejavu-core)
#   node >= 20 and npm
set -euo pipefail
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$E2E_DIR/.." && pwd)

die() { echo "e2e: $*" >&2; exit 1; }

: "${JOBTAUSCH_TEST_SMTP_URL:?set it (eval \"\$(scripts/services.sh start)\")}"
: "${JOBTAUSCH_TEST_MAILDIR:?set it (eval \"\$(scripts/services.sh start)\")}"
[ -d "$JOBTAUSCH_TEST_MAILDIR/new" ] || die "$JOBTAUSCH_TEST_MAILDIR/new is missing: is the SMTP server running?"
command -v node >/dev/null || die "node is missing: apt-get install -y nodejs npm"
command -v npm >/dev/null || die "npm is missing: apt-get install -y npm"
[ -x "${E2E_CHROMIUM:-/usr/bin/chromium}" ] ||
    die "${E2E_CHROMIUM:-/usr/bin/chromium} is missing: apt-get install -y --no-install-recommends chromium fonts-dejavu-core"

if [ -z "${JOBTAUSCH_BIN:-}" ]; then
    target=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps |
        node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
    JOBTAUSCH_BIN="$target/debug/jobtausch"
fi
[ -x "$JOBTAUSCH_BIN" ] || die "$JOBTAUSCH_BIN is missing: cargo build -p jobtausch (or set JOBTAUSCH_BIN)"

# The pinned packages from package-lock.json; never a browser download.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
(cd "$E2E_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in $E2E_DIR"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/jobtausch-e2e.XXXXXX")
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free port: bind to port 0 and take what the kernel hands out.
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
BASE_URL="http://127.0.0.1:$PORT"

JOBTAUSCH_SMTP_URL="$JOBTAUSCH_TEST_SMTP_URL" JOBTAUSCH_BASE_URL="$BASE_URL" JOBTAUSCH_LOG="${JOBTAUSCH_LOG:-warn}" \
    "$JOBTAUSCH_BIN" demo --database-url "sqlite://$TMP/e2e.db" --bind "127.0.0.1:$PORT" \
    >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

ready=
for _ in $(seq 300); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        cat "$TMP/server.log" >&2
        die "the server stopped before it answered"
    fi
    if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$BASE_URL/healthz"; then
        ready=1
        break
    fi
    sleep 0.2
done
[ -n "$ready" ] || { cat "$TMP/server.log" >&2; die "$BASE_URL/healthz did not answer within 60 s"; }
echo "e2e: demo server at $BASE_URL (log: $TMP/server.log while it runs)"

# The mails already in the maildir (other suites share it): after/ reads only this run's.
ls "$JOBTAUSCH_TEST_MAILDIR/new" >"$TMP/mail-before.txt"

status=0
(cd "$E2E_DIR" && E2E_BASE_URL="$BASE_URL" E2E_MAILDIR="$JOBTAUSCH_TEST_MAILDIR" \
    node --test --test-concurrency=1 tests/) || status=$?
# Once every journey has run: every mail they caused, as its recipients read it. The outbox
# worker sends every few seconds; what is still queued goes out first.
if [ "$status" -eq 0 ]; then
    sleep 10
    (cd "$E2E_DIR" && E2E_BASE_URL="$BASE_URL" E2E_MAILDIR="$JOBTAUSCH_TEST_MAILDIR" \
        E2E_MAIL_BEFORE="$TMP/mail-before.txt" node --test --test-concurrency=1 after/) || status=$?
fi
if [ "$status" -ne 0 ]; then
    echo "e2e: tests failed; the server's log follows" >&2
    tail -n 100 "$TMP/server.log" >&2
fi
exit "$status"
