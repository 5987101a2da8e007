#!/usr/bin/env bash
# Policy check latency with 100 active policies: the built jar on a throw-away embedded PostgreSQL (data folder in
# /tmp), a private Redis on a free port (so the cache invalidation path is the production one), then
# PolicyCheckLatency. Usage (repository root, after mvn -B -ntp package -DskipTests):
#   backend/benchmarks/policies/run.sh [checks] [threads] [policies] [warmup]
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18111} REDIS_PORT=${REDIS_PORT:-18189}
DATA=$(mktemp -d /tmp/agentops-policies-bench.XXXXXX)
redis-server --port "$REDIS_PORT" --save '' --appendonly no > "$DATA/redis.log" 2>&1 &
REDIS=$!
export AGENTOPS_DATA_DIR="$DATA/data" MICRONAUT_SERVER_PORT=$PORT LOG_LEVEL=WARN REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export AGENTOPS_RATE_LIMITS_SIGNUP_IP="1000/1s burst 1000" AGENTOPS_RATE_LIMITS_API_KEY="100000/1s burst 100000"
export AGENTOPS_RATE_LIMITS_ORG_INGEST_EVENTS="1000000/1s burst 1000000"
java -jar "${JAR:-backend/target/agentops-hub.jar}" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER $REDIS 2>/dev/null; sleep 3; rm -rf "$DATA"' EXIT
for _ in $(seq 1 240); do curl -fsS "localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java ${RATE:+-Drate=$RATE} ${RUN_ID:+-Drun-id=$RUN_ID} backend/benchmarks/policies/PolicyCheckLatency.java "http://localhost:$PORT" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
