# A throwaway PostgreSQL 15 cluster on a loopback port, for test.sh and bench/run (source this file).
#
#   pg_start <data dir> <first port to try> [extra postgres options...]   sets PGPORT_STARTED to the port it took
#   pg_stop <data dir>                                                     immediate stop; safe if it never started
#   as_pg <command>                                                        as the postgres user when running as root
#   free_port <first port>                                                 the first port from there nobody listens on
#
# initdb refuses to run as root, so as root everything runs as the postgres user (the Debian package creates it).

PGBIN=/usr/lib/postgresql/15/bin

as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

pg_start() {
  local data=$1 first=$2 port
  shift 2
  port=$(free_port "$first")
  install -d -m 700 "$data"
  [ "$(id -u)" != 0 ] || chown postgres:postgres "$data"
  as_pg "$PGBIN/initdb -D $data -U postgres -A trust -E UTF8 --no-sync >/dev/null"
  as_pg "$PGBIN/pg_ctl -D $data -l $data/server.log -w start -o \"-p $port -c listen_addresses=127.0.0.1 -k $data $*\"" >/dev/null
  PGPORT_STARTED=$port
}

pg_stop() {
  [ -n "$1" ] && [ -d "$1" ] || return 0
  as_pg "$PGBIN/pg_ctl -D $1 -m immediate stop" >/dev/null 2>&1 || true
}
