#!/usr/bin/env bash
# Starts and stops the real services the tests use: a throwaway PostgreSQL and an SMTP server
# (aiosmtpd) that writes every mail it receives into a maildir.
#
#   scripts/services.sh start   # idempotent; prints the variables the tests read
#   scripts/services.sh env     # only prints them
#   scripts/services.sh stop
#   scripts/services.sh pg-cluster DIR PORT start|stop   # a PostgreSQL of one test's own, which
#                                                       # it may stop and start (fault drills)
#
# Everything lives under $JT_SERVICES_DIR (default: /tmp/jobtausch-services).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${JT_SERVICES_DIR:-/tmp/jobtausch-services}
# Below Linux's ephemeral ports (32768 and up): a client that retries a stopped server's port
# from the same port number connects to itself, and the restarted server cannot listen there.
PG_PORT=${JT_PG_PORT:-25432}
SMTP_PORT=${JT_SMTP_PORT:-8026}
VENV=${JT_VENV:-$HOME/.cache/jobtausch/venv}

pg_bin() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$d" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }
    echo "$d"
}

as_pg() {
    # initdb and postgres refuse to run as root.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

print_env() {
    echo "export JOBTAUSCH_TEST_PG_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
    echo "export JOBTAUSCH_TEST_SMTP_URL=smtp://127.0.0.1:$SMTP_PORT"
    echo "export JOBTAUSCH_TEST_MAILDIR=$DIR/maildir"
    # The Python that has aiosmtpd, for tests that start and stop an SMTP server of their own.
    echo "export JOBTAUSCH_TEST_PYTHON=$VENV/bin/python"
}

start() {
    mkdir -p "$DIR"
    chmod 777 "$DIR"
    local bin; bin=$(pg_bin)
    if [ ! -f "$DIR/pg/PG_VERSION" ]; then
        mkdir -p "$DIR/pg"
        [ "$(id -u)" = 0 ] && chown postgres "$DIR/pg"
        as_pg "$bin/initdb" -D "$DIR/pg" -U postgres --auth=trust >"$DIR/initdb.log" 2>&1
    fi
    if ! as_pg "$bin/pg_ctl" -D "$DIR/pg" status >/dev/null 2>&1; then
        as_pg "$bin/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w \
            -o "-k $DIR -p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv "$VENV"
    fi
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/requirements-test.txt
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; then
        mkdir -p "$DIR/maildir/tmp" "$DIR/maildir/new" "$DIR/maildir/cur"
        nohup "$VENV/bin/python" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$DIR/maildir" \
            >"$DIR/smtp.log" 2>&1 &
        echo $! >"$DIR/smtp.pid"
        for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break; sleep 0.1; done
    fi
    print_env
}

stop() {
    local bin; bin=$(pg_bin)
    if [ -f "$DIR/pg/PG_VERSION" ]; then
        as_pg "$bin/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null 2>&1 || true
        # Every test makes a database of its own and leaves it: a throwaway server's data
        # would otherwise grow by gigabytes with every run on the same machine.
        rm -rf "$DIR/pg"
    fi
    if [ -f "$DIR/smtp.pid" ]; then
        kill "$(cat "$DIR/smtp.pid")" 2>/dev/null || true
        rm -f "$DIR/smtp.pid"
    fi
}

# A cluster in DIR on PORT, created on its first start; `stop` is a fast shutdown, as an
# operator's restart or a failing database host brings it.
pg_cluster() {
    local dir=$1 port=$2 action=$3 bin; bin=$(pg_bin)
    case "$action" in
        start)
            if [ ! -f "$dir/PG_VERSION" ]; then
                mkdir -p "$dir"
                [ "$(id -u)" = 0 ] && chown postgres "$dir"
                as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust >/dev/null
            fi
            as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/log" -w \
                -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
            ;;
        stop) as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null ;;
        *) echo "usage: $0 pg-cluster DIR PORT start|stop" >&2; exit 2 ;;
    esac
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) print_env ;;
    pg-cluster) pg_cluster "$2" "$3" "$4" ;;
    *) echo "usage: $0 start|stop|env|pg-cluster DIR PORT start|stop" >&2; exit 2 ;;
esac
