#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the multi-node tests (and for trying the PostgreSQL option by
# hand), and prints the connection string to export as HEALTHBOT_TEST_POSTGRES (or HEALTHBOT_POSTGRES).
#   usage: deploy/postgres-local.sh start [DIR] [PORT]   |   deploy/postgres-local.sh stop [DIR]
# The server runs as the postgres user (initdb refuses root); its data lives in DIR, default a temporary folder.
set -euo pipefail

action="${1:-start}"
dir="${2:-${TMPDIR:-/tmp}/healthbot-pg}"
port="${3:-}"
if [ -z "$port" ]; then
  # The first free port from 55432, so a server someone already runs there is left alone.
  for candidate in $(seq 55432 55532); do
    if ! (echo >"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port="$candidate"; break; fi
  done
fi
pg_ctl_path="$(command -v pg_ctl || ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)"
bin="$(dirname "$(readlink -f "$pg_ctl_path")")"

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; elif [ "$(id -un)" = postgres ]; then "$@"; else sudo -u postgres "$@"; fi
}

if [ "$action" = stop ]; then
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  exit 0
fi

mkdir -p "$dir"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; elif [ "$(id -un)" != postgres ]; then sudo chown postgres "$dir"; fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi

if as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  port="$(sed -n 4p "$dir/data/postmaster.pid")" # already running: report the port it listens on
else
  # fsync off: a test server that is thrown away needs no durability, and the tests run faster.
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
fi

echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
