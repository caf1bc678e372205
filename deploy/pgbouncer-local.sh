#!/usr/bin/env bash
# Starts PgBouncer in transaction-pooling mode on 127.0.0.1 in front of a PostgreSQL server (for the tests that check
# HealthBot behind a pooler, and for trying it by hand), and prints the connection string to use instead.
#   usage: deploy/pgbouncer-local.sh start DIR "Host=…;Port=…;Username=…;Database=…" [POOL_SIZE]
#          deploy/pgbouncer-local.sh stop DIR
# PgBouncer refuses to run as root: as root it runs as the postgres user, like deploy/postgres-local.sh.
set -euo pipefail

action="${1:-start}"
dir="${2:?usage: pgbouncer-local.sh start|stop DIR [CONNECTION] [POOL_SIZE]}"
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "$action" = stop ]; then
  if [ -f "$dir/pgbouncer.pid" ]; then kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true; fi
  exit 0
fi

connection="${3:?the PostgreSQL connection string (what deploy/postgres-local.sh prints)}"
pool="${4:-4}"
field() { echo "$connection" | tr ';' '\n' | sed -n "s/^$1=//Ip" | head -n 1; }
host="$(field Host)"; port="$(field Port)"; user="$(field Username)"
for candidate in $(seq 56432 56532); do
  if ! (echo >"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then listen="$candidate"; break; fi
done

mkdir -p "$dir"
cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=${host:-127.0.0.1} port=${port:-5432}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $listen
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
default_pool_size = $pool
max_client_conn = 500
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
echo "\"${user:-postgres}\" \"\"" >"$dir/users.txt"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$dir"; fi
as_postgres pgbouncer -d "$dir/pgbouncer.ini"
for _ in $(seq 1 50); do
  if (echo >"/dev/tcp/127.0.0.1/$listen") 2>/dev/null; then break; fi
  sleep 0.1
done

echo "$connection" | sed -E "s/(^|;)Port=[0-9]+/\1Port=$listen/I"
