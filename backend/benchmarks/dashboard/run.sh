#!/usr/bin/env bash
# Dashboard and cost-view latency with many runs: a server on an external PostgreSQL (the machine's, reachable as a
# superuser for seeding), one organization with 20 agents in 4 teams, 50 budgets and RUNS seeded runs, then
# DashboardLatency.
# Usage (repository root, after mvn -B -ntp package -DskipTests): backend/benchmarks/dashboard/run.sh [runs]
# BENCH_DB=<name> keeps the database: the first run seeds it, later runs (e.g. of a newer build, or on a quieter
# machine) sign in and measure again without reseeding. Drop it yourself: psql -c "drop database <name>".
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${1:-1000000}
DB=${BENCH_DB:-agentops_bench_$$}
PORT=${PORT:-18097}
PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
export PGHOST PGUSER
REUSE=false
if [ -n "${BENCH_DB:-}" ] && [ "$(psql -Atc "select 1 from pg_database where datname = '$DB'")" = 1 ]; then
  REUSE=true
else
  psql -q -c "create database $DB"
fi
export DATABASE_URL="jdbc:postgresql://$PGHOST:5432/$DB" DATABASE_USER=$PGUSER DATABASE_PASSWORD=${PGPASSWORD:-}
export DATABASE_APP_USER=agentops_bench_app DATABASE_APP_PASSWORD=bench-app-password
export AGENTOPS_SECRET=benchmark-secret-0123456789-0123456789-0123456789 MICRONAUT_SERVER_PORT=$PORT LOG_LEVEL=WARN
export AGENTOPS_RATE_LIMITS_SIGNUP_IP="1000/1s burst 1000"
java -jar "${JAR:-backend/target/agentops-hub.jar}" > "/tmp/$DB.log" 2>&1 &
SERVER=$!
if [ -n "${BENCH_DB:-}" ]; then
  trap 'kill $SERVER 2>/dev/null' EXIT
else
  trap 'kill $SERVER 2>/dev/null; sleep 2; psql -q -c "drop database if exists $DB"' EXIT
fi
for _ in $(seq 1 120); do curl -fsS "localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
B="http://localhost:$PORT/api/v1"
# a fresh session: access tokens live 15 minutes and seeding 10M runs takes longer
sign_in() {
  LOGIN=$(curl -fsS -X POST "$B/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench-dash@example.com","password":"benchmark password 1"}')
  TOKEN=$(echo "$LOGIN" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  REFRESH=$(echo "$LOGIN" | sed -E 's/.*"refresh_token":"([^"]+)".*/\1/')
}
if $REUSE; then
  AGENT=$(psql -d "$DB" -Atc "select id from agents where name = 'Agent 20'")
  echo "reusing $DB: $(psql -d "$DB" -Atc "select count(*) from runs") runs"
else
# signup creates nothing until its link is confirmed; a server without SMTP puts the link into the answer (confirm_url)
LINK=$(curl -fsS -X POST "$B/auth/signup" -H 'Content-Type: application/json' \
  -d '{"email":"bench-dash@example.com","password":"benchmark password 1","full_name":"Bench","organization_name":"Bench"}' \
  | sed -E 's/.*"confirm_url":"[^"]*token=([^"]+)".*/\1/')
SIGNUP=$(curl -fsS -X POST "$B/auth/signup/confirm" -H 'Content-Type: application/json' -d "{\"token\":\"$LINK\"}")
TOKEN=$(echo "$SIGNUP" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
REFRESH=$(echo "$SIGNUP" | sed -E 's/.*"refresh_token":"([^"]+)".*/\1/')
ORG=$(curl -fsS "$B/auth/me" -H "Authorization: Bearer $TOKEN" | sed -E 's/.*"organization":\{"id":"([^"]+)".*/\1/')
for i in $(seq 1 20); do
  AGENT=$(curl -fsS -X POST "$B/agents" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Agent $i\",\"team\":\"Team $((i % 4))\"}" | sed -E 's/.*"data":\{"id":"([^"]+)".*/\1/')
done
# 50 budgets of every scope and period: the cost summary and the budgets list compute each one's status on every read
for i in $(seq 1 50); do
  case $((i % 3)) in
    0) SCOPE='"scope":"organization"' ;;
    1) SCOPE="\"scope\":\"team\",\"team_name\":\"Team $((i % 4))\"" ;;
    2) SCOPE="\"scope\":\"agent\",\"agent_id\":\"$AGENT\"" ;;
  esac
  PERIODS=(daily weekly monthly total)
  curl -fsS -o /dev/null -X POST "$B/budgets" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Budget $i\",$SCOPE,\"max_amount_usd\":$((i * 1000)),\"period\":\"${PERIODS[$((i % 4))]}\"}"
done
echo "seeding $RUNS runs into $DB for organization $ORG"
time psql -q -d "$DB" -v org="$ORG" -v runs="$RUNS" -f backend/benchmarks/dashboard/seed.sql
fi
sign_in
psql -d "$DB" -Atc "select 'runs: ' || count(*) from runs; select 'rollup rows: ' || count(*) from run_rollups_hourly"
java backend/benchmarks/dashboard/DashboardLatency.java "http://localhost:$PORT" "$TOKEN" "$AGENT" 100 "Team 1"
if [ -x /usr/bin/chromium ] && [ -d frontend/node_modules/playwright-core ]; then
  (cd frontend && node e2e/bench-dashboard-render.mjs "http://localhost:$PORT" "$REFRESH" "${RENDER_LOADS:-20}")
fi
