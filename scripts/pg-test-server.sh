#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for Parley's tests (Debian's `postgresql` package).
#
#   scripts/pg-test-server.sh start   # initdb + start (idempotent), prints the URL
#   scripts/pg-test-server.sh url     # the URL (postgresql://postgres@127.0.0.1:PORT/parley)
#   scripts/pg-test-server.sh stop    # stop and delete the data directory (idempotent)
#   scripts/pg-test-server.sh halt    # stop, keeping the data (start resumes it: restart tests)
#   scripts/pg-test-server.sh status  # exit 0 when it accepts connections
#
# Listens on 127.0.0.1 only (port $PARLEY_PG_PORT, default 54329), trust authentication for
# loopback and its private Unix socket, data in $PARLEY_PG_DIR (default
# ${TMPDIR:-/tmp}/parley-pg-PORT). initdb and postgres refuse to run as root: as root they run
# as the `postgres` system user (created by the Debian package; created here if missing).
# Never point anything that matters at it: it runs with fsync off.
set -euo pipefail

PORT="${PARLEY_PG_PORT:-54329}"
DIR="${PARLEY_PG_DIR:-${TMPDIR:-/tmp}/parley-pg-$PORT}"
BIN="${PARLEY_PG_BIN:-/usr/lib/postgresql/15/bin}"
DB=parley
URL="postgresql://postgres@127.0.0.1:$PORT/$DB"

if [[ ! -x "$BIN/postgres" ]]; then
    echo "pg-test-server: no PostgreSQL server in $BIN (install Debian's postgresql package: apt-get install postgresql)" >&2
    exit 1
fi

# As root, run the server's programs as an unprivileged user.
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

running() {
    [[ -f "$DIR/data/postmaster.pid" ]] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1
}

ready() {
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d "$DB" -U postgres
}

start() {
    if running && ready; then
        echo "$URL"
        return 0
    fi
    if [[ "$(id -u)" == 0 ]] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    fi
    mkdir -p "$DIR"
    chmod 0700 "$DIR"
    [[ "$(id -u)" == 0 ]] && chown postgres: "$DIR"
    if [[ ! -f "$DIR/data/PG_VERSION" ]]; then
        rm -rf "$DIR/data"
        as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || {
            echo "pg-test-server: initdb failed:" >&2
            cat "$DIR/initdb.log" >&2
            exit 1
        }
        # Loopback and the private socket only.
        cat >"$DIR/pg_hba.conf.new" <<'EOF'
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
host    all   all   ::1/128       trust
EOF
        as_owner cp "$DIR/pg_hba.conf.new" "$DIR/data/pg_hba.conf"
        rm -f "$DIR/pg_hba.conf.new"
    fi
    # A stale pid file from a killed server would stop pg_ctl start.
    if [[ -f "$DIR/data/postmaster.pid" ]] && ! running; then rm -f "$DIR/data/postmaster.pid"; fi
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/data/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DIR/data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || {
        echo "pg-test-server: the server did not start (port $PORT in use?):" >&2
        tail -n 20 "$DIR/data/server.log" >&2 || true
        exit 1
    }
    for _ in $(seq 1 50); do ready && break; sleep 0.1; done
    if ! "$BIN/psql" -qtA -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
        "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "CREATE DATABASE $DB" >/dev/null
    fi
    echo "$URL"
}

halt() {
    if running; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 30 stop >/dev/null
    fi
}

stop() {
    halt
    rm -rf "$DIR"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    halt) halt ;;
    url) echo "$URL" ;;
    status) running && ready ;;
    *) echo "usage: $0 start|stop|halt|url|status" >&2; exit 2 ;;
esac
