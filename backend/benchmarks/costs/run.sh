#!/usr/bin/env bash
# CSV export of many runs in constant memory: a server with a small heap (HEAP, default 96 MB) on an external
# PostgreSQL, one organization with 20 agents and RUNS runs seeded by the dashboard benchmark's seed.sql, then one
# group_by=run export of all of them (ExportTiming) while the server's heap is sampled.
# Usage (repository root, after mvn -B -ntp -pl backend package -DskipTests): backend/benchmarks/costs/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${1:-1000000}
HEAP=${HEAP:-96m}
DB=agentops_export_bench_$$
PORT=${PORT:-18098}
PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
export PGHOST PGUSER
psql -q -c "create database $DB"
export DATABASE_URL="jdbc:postgresql://$PGHOST:5432/$DB" DATABASE_USER=$PGUSER DATABASE_PASSWORD=${PGPASSWORD:-}
export DATABASE_APP_USER=agentops_bench_app DATABASE_APP_PASSWORD=bench-app-password
export AGENTOPS_SECRET=benchmark-secret-0123456789-0123456789-0123456789 MICRONAUT_SERVER_PORT=$PORT LOG_LEVEL=WARN
export AGENTOPS_RATE_LIMITS_SIGNUP_IP="1000/1s burst 1000"
java -Xmx"$HEAP" -jar backend/target/agentops-hub.jar > "/tmp/$DB.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; sleep 2; psql -q -c "drop database if exists $DB"' EXIT
for _ in $(seq 1 240); do curl -fsS "localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
B="http://localhost:$PORT/api/v1"
# signup creates nothing until its link is confirmed; a server without SMTP puts the link into the answer (confirm_url)
LINK=$(curl -fsS -X POST "$B/auth/signup" -H 'Content-Type: application/json' \
  -d '{"email":"bench-export@example.com","password":"benchmark password 1","full_name":"Bench","organization_name":"Bench"}' \
  | sed -E 's/.*"confirm_url":"[^"]*token=([^"]+)".*/\1/')
SIGNUP=$(curl -fsS -X POST "$B/auth/signup/confirm" -H 'Content-Type: application/json' -d "{\"token\":\"$LINK\"}")
TOKEN=$(echo "$SIGNUP" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
ORG=$(curl -fsS "$B/auth/me" -H "Authorization: Bearer $TOKEN" | sed -E 's/.*"organization":\{"id":"([^"]+)".*/\1/')
for i in $(seq 1 20); do
  curl -fsS -X POST "$B/agents" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Agent $i\"}" >/dev/null
done
echo "seeding $RUNS runs into $DB for organization $ORG"
time psql -q -d "$DB" -v org="$ORG" -v runs="$RUNS" -f backend/benchmarks/dashboard/seed.sql
FROM=$(date -u -d '31 days ago' +%Y-%m-%dT%H:00:00Z)
TO=$(date -u -d '1 hour' +%Y-%m-%dT%H:00:00Z)
# heap after each GC, sampled every second while the export runs
(while kill -0 $SERVER 2>/dev/null; do jcmd $SERVER GC.heap_info 2>/dev/null | grep -m1 -E 'garbage-first heap|total' ; sleep 1; done) \
  > "/tmp/$DB.heap" &
SAMPLER=$!
java backend/benchmarks/costs/ExportTiming.java "http://localhost:$PORT" "$TOKEN" "from=$FROM&to=$TO&group_by=run"
kill $SAMPLER 2>/dev/null || true
echo "server heap (-Xmx$HEAP) while exporting, highest 'used' sample:"
sed -E 's/.*used ([0-9]+)K.*/\1/' "/tmp/$DB.heap" | sort -n | tail -1 | awk '{printf "  %d MB\n", $1/1024}'
grep -c . "/tmp/$DB.heap" | awk '{print "  (" $1 " samples)"}'
grep -iE "error|exception" "/tmp/$DB.log" | head -5 || true
