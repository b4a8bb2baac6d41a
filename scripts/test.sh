#!/usr/bin/env bash
# Runs every test of Jobtausch on a fresh Debian 12 machine, as CI does:
#   1. installs what is missing (Debian packages, the Python and npm test tools),
#   2. starts PostgreSQL and the SMTP server (scripts/services.sh),
#   3. checks formatting and clippy, runs every Rust test on SQLite and PostgreSQL,
#   4. runs the browser suite in Chromium (e2e/run.sh),
#   5. stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/jobtausch/target}
export CARGO_TERM_COLOR=never
started=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "installing what is missing"
scripts/install-debian.sh postgresql systemd chromium fonts-dejavu-core poppler-utils qpdf g++ cmake libclang-dev libssl-dev pkg-config openssl
for tool in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$tool" || rustup component add "$tool"
done

step "starting PostgreSQL and the SMTP server"
services_started=0
stop_services() { [ "$services_started" = 1 ] && scripts/services.sh stop || true; }
trap stop_services EXIT
eval "$(scripts/services.sh start)"
services_started=1

step "cargo fmt --check"
cargo fmt --all -- --check

step "dependency policy (cargo deny: licences, bans, sources)"
# Built once from crates.io into the cache folder (about 3 minutes cold), then reused.
TOOLS="$HOME/.cache/jobtausch/tools"
[ -x "$TOOLS/bin/cargo-deny" ] || cargo install cargo-deny --locked --version 0.20.2 --root "$TOOLS" --quiet
# cargo deny reads the metadata of every platform's crates offline: fetch them first.
cargo fetch --locked --quiet
"$TOOLS/bin/cargo-deny" --offline check licenses bans sources
# The exception for RUSTSEC-2023-0071 (deny.toml, docs/dependencies.md) holds only while rsa
# serves openidconnect's signature checks alone, and sqlx's MySQL driver is never compiled.
rsa_users=$(cargo tree -i rsa --workspace --target all --depth 1 --prefix none 2>/dev/null | tail -n +2 | cut -d' ' -f1 | sort -u)
[ "$rsa_users" = "openidconnect" ] ||
    { echo "rsa is used by '${rsa_users:-nothing}', not openidconnect alone: review the exception in deny.toml (RUSTSEC-2023-0071)" >&2; exit 1; }
[ -z "$(cargo tree -i sqlx-mysql --workspace --target all 2>/dev/null)" ] ||
    { echo "sqlx's MySQL driver is compiled now: review the exception in deny.toml (RUSTSEC-2023-0071)" >&2; exit 1; }
! grep -rqE '\brsa::|CoreRsaPrivateSigningKey' crates/*/src ||
    { echo "Jobtausch's code uses rsa or an RSA private key: review the exception in deny.toml (RUSTSEC-2023-0071)" >&2; exit 1; }

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests (SQLite and PostgreSQL)"
cargo test --workspace --locked

# The integration tests built the binary already (with the test features; building it again
# without them would recompile half the dependency tree).
export JOBTAUSCH_BIN="$CARGO_TARGET_DIR/debug/jobtausch"
[ -x "$JOBTAUSCH_BIN" ] || { echo "the jobtausch binary is missing at $JOBTAUSCH_BIN" >&2; exit 1; }

step "container image (hadolint, the Containerfile's stages as a script)"
scripts/container-check.sh --binary "$JOBTAUSCH_BIN"

step "API contract (schemathesis against /api/openapi.json)"
scripts/api-contract.sh

step "browser suite (Chromium, axe-core)"
e2e/run.sh

step "all tests passed"
