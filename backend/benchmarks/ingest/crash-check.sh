#!/usr/bin/env bash
# Durability check: load the server, kill -9 it in the middle, restart it on the same data, and verify against the
# client-side ledger that every acknowledged (202) run is stored exactly once.
# Usage (from the repository root, after `mvn -B -ntp package -DskipTests`):
#   backend/benchmarks/ingest/crash-check.sh [runsPerSecond] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
RATE=${1:-300}
SECONDS_OF_LOAD=${2:-20}
PORT=${PORT:-18090}
WORK=$(mktemp -d /tmp/agentops-crash.XXXX)
export AGENTOPS_DATA_DIR="$WORK/data" MICRONAUT_SERVER_PORT=$PORT
export AGENTOPS_RATE_LIMITS_SIGNUP_IP="1000/1s burst 1000" AGENTOPS_RATE_LIMITS_API_KEY="100000/1s burst 100000"
export AGENTOPS_RATE_LIMITS_ORG_INGEST_EVENTS="1000000/1s burst 1000000"
BASE="http://localhost:$PORT"

start_server() {
  java -jar backend/target/agentops-hub.jar >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do curl -fsS "$BASE/health" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "server did not start"; exit 1
}

start_server
echo "server $SERVER up; loading at $RATE runs/s for $SECONDS_OF_LOAD s"
java backend/benchmarks/ingest/IngestLoad.java "$BASE" "$RATE" "$SECONDS_OF_LOAD" 2 "$WORK/ledger.txt" >"$WORK/load.log" 2>&1 &
LOAD=$!
sleep $((SECONDS_OF_LOAD / 2 + 5))
echo "kill -9 $SERVER in the middle of the load"
kill -9 "$SERVER"
wait "$LOAD" || true
cat "$WORK/load.log"
start_server
echo "restarted; waiting for the queue to drain and checking the ledger"
java backend/benchmarks/ingest/LedgerCheck.java "$BASE" "$WORK/ledger.txt"
kill "$SERVER"
wait "$SERVER" 2>/dev/null || true
echo "work folder: $WORK"
