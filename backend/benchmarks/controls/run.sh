#!/usr/bin/env bash
# Emergency controls across two instances: a throw-away database on an external PostgreSQL (the machine's, reachable
# as a superuser), a private Redis on a free port, two servers from the built jar on both, then ControlsPropagation.
# Usage (repository root, after mvn -B -ntp package -DskipTests): backend/benchmarks/controls/run.sh [trials] [agents]
set -euo pipefail
cd "$(dirname "$0")/../../.."
TRIALS=${1:-20}
AGENTS=${2:-1000}
DB=agentops_controls_$$
PORT_A=${PORT_A:-18101} PORT_B=${PORT_B:-18102} REDIS_PORT=${REDIS_PORT:-18179}
PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
export PGHOST PGUSER
psql -q -c "create database $DB"
redis-server --port "$REDIS_PORT" --save '' --appendonly no > "/tmp/$DB-redis.log" 2>&1 &
REDIS=$!
export DATABASE_URL="jdbc:postgresql://$PGHOST:5432/$DB" DATABASE_USER=$PGUSER DATABASE_PASSWORD=${PGPASSWORD:-}
export DATABASE_APP_USER=agentops_bench_app DATABASE_APP_PASSWORD=bench-app-password
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export AGENTOPS_SECRET=benchmark-secret-0123456789-0123456789-0123456789 LOG_LEVEL=INFO
export AGENTOPS_RATE_LIMITS_SIGNUP_IP="1000/1s burst 1000" AGENTOPS_RATE_LIMITS_API_KEY="100000/1s burst 100000"
export AGENTOPS_RATE_LIMITS_ORG_INGEST_EVENTS="1000000/1s burst 1000000"
wait_healthy() { for _ in $(seq 1 120); do curl -fsS "localhost:$1/health" >/dev/null 2>&1 && return 0; sleep 0.5; done; return 1; }
MICRONAUT_SERVER_PORT=$PORT_A java -jar backend/target/agentops-hub.jar > "/tmp/$DB-a.log" 2>&1 &
SERVER_A=$!
trap 'kill $SERVER_A ${SERVER_B:-} $REDIS 2>/dev/null; sleep 2; psql -q -c "drop database if exists $DB"' EXIT
wait_healthy "$PORT_A"   # A runs the migrations; B starts on the migrated database
MICRONAUT_SERVER_PORT=$PORT_B java -jar backend/target/agentops-hub.jar > "/tmp/$DB-b.log" 2>&1 &
SERVER_B=$!
wait_healthy "$PORT_B"
java backend/benchmarks/controls/ControlsPropagation.java "http://localhost:$PORT_A" "http://localhost:$PORT_B" "$TRIALS" "$AGENTS"
echo "server time of each kill switch call on A:"
grep -h "Kill switch" "/tmp/$DB-a.log" | sed -E 's/.* - //; s/ for organization [0-9a-f-]+//'
