#!/usr/bin/env bash
# One trial of the ingest tail on a fresh server: new data folder, warm-up (30 s at 600/s, 30 s at 1,000/s), then three
# 30 s runs at 1,000 runs/s (no budgets, 50 budgets per organization, no budgets), each printing its eight slowest
# seconds. Repeat it for a range: the first minutes of a server are part of what a user meets.
# Usage (from the repository root, after `mvn -B -ntp package -DskipTests`):
#   backend/benchmarks/ingest/tail-trial.sh [name]
# SAMPLE=1 also samples pg_stat_activity every 4 ms during the first run and keeps every statement active for more
# than 15 ms (where in PostgreSQL the slow acknowledgements wait, if they do). Extra JVM flags: JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../../.."
NAME=${1:-trial}
PORT=${PORT:-18123}
WORK=/tmp/agentops-tail-$NAME
rm -rf "$WORK" && mkdir -p "$WORK/classes"
BASE="http://localhost:$PORT"
javac -d "$WORK/classes" backend/benchmarks/ingest/IngestLoad.java # compiled once, not at each run's start
load() { java -cp "$WORK/classes" "$@" IngestLoad "$BASE" 1000 30 4; }

AGENTOPS_DATA_DIR="$WORK/data" MICRONAUT_SERVER_PORT=$PORT LOG_LEVEL=WARN \
AGENTOPS_RATE_LIMITS_SIGNUP_IP="1000/1s burst 1000" AGENTOPS_RATE_LIMITS_API_KEY="100000/1s burst 100000" \
AGENTOPS_RATE_LIMITS_ORG_INGEST_EVENTS="1000000/1s burst 1000000" \
  java ${JAVA_OPTS:-} -jar backend/target/agentops-hub.jar >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
PGPORT=$(sed -n 4p "$WORK/data/postgres/postmaster.pid")
sql() { PGPASSWORD=postgres psql -h localhost -p "$PGPORT" -U postgres -d agentops -Atqc "$1"; }

java -cp "$WORK/classes" -Dramp=0 IngestLoad "$BASE" 600 30 4 >"$WORK/warm-1.txt"
java -cp "$WORK/classes" -Dramp=0 IngestLoad "$BASE" 1000 30 4 >"$WORK/warm-2.txt"
if [ -n "${SAMPLE:-}" ]; then
  sql "create unlogged table tail_samples(at timestamptz, backend text, wait text, ms numeric, query text)"
  sql "do \$\$ begin for i in 1..6000 loop
         perform pg_stat_clear_snapshot();
         insert into tail_samples select clock_timestamp(), backend_type, wait_event_type || ':' || wait_event,
           round((extract(epoch from clock_timestamp() - xact_start) * 1000)::numeric, 1), left(query, 50)
         from pg_stat_activity
         where state = 'active' and pid <> pg_backend_pid() and clock_timestamp() - xact_start > interval '15 ms';
         perform pg_sleep(0.004);
       end loop; end \$\$" &
  SAMPLER=$!
fi
load -Dtimeline=true >"$WORK/run-1.txt"
if [ -n "${SAMPLE:-}" ]; then
  wait "$SAMPLER"
  sql "select to_char(at, 'HH24:MI:SS.MS'), backend, wait, ms, query from tail_samples order by at" >"$WORK/samples.txt"
  echo "statements active > 15 ms during run 1, by kind (all in $WORK/samples.txt):"
  sql "select count(*), backend, coalesce(wait, 'CPU'), left(query, 30) from tail_samples group by 2, 3, 4 order by 1 desc limit 12"
fi
load -Dtimeline=true -Dbudgets=50 >"$WORK/run-2.txt"
load -Dtimeline=true >"$WORK/run-3.txt"
sql "select relname, autovacuum_count, autoanalyze_count from pg_stat_user_tables
     where relname in ('runs', 'events', 'ingest_queue') order by 1" >"$WORK/autovacuum.txt"
echo "== $NAME: $(uptime)"
for run in 1 2 3; do echo "run $run: $(grep -h 'ack latency' "$WORK/run-$run.txt")"; done
