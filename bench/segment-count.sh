#!/usr/bin/env bash
# Segment count benchmark (issue 5): 1,000,000 generated customers (demo seeder, COPY), purchase facts for about 60%
# of them (bench/segment-purchases.sql, set-based), then the packaged app on that database; measures the live count of
# representative segments through the API beside the same SQL run through JDBC in the same run.
#
#   bench/segment-count.sh [customers=1000000] [iterations=20]
#
# Needs the local PostgreSQL on 127.0.0.1:5432 (user postgres). Set BENCH_REUSE=1 to reuse an existing kehu_seg_bench
# database (skips the load). Leaves the database behind for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${1:-1000000}"
ITERATIONS="${2:-20}"
PORT="${BENCH_PORT:-8202}"
DB=kehu_seg_bench
OUT=bench/results
mkdir -p "$OUT"

log() { printf '==> %s\n' "$*"; }

[ -f target/kehu-crm-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -DskipTests package
PGJAR="$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)"

if [ "${BENCH_REUSE:-0}" != 1 ]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"
    psql -h 127.0.0.1 -U postgres -qc "create database $DB"
fi

log "Starting the app (generating $CUSTOMERS customers on a fresh database)"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD=postgres \
java -Xmx1g -jar target/kehu-crm-0.1.0-SNAPSHOT.jar --server.port="$PORT" \
    --crm.demo.customer-count="$CUSTOMERS" --crm.demo.pipeline=false --crm.demo.support=false \
    --crm.demo.marketing=false --crm.demo.orders=false > "$OUT/segment-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
    kill -0 $APP 2>/dev/null || { tail -50 "$OUT/segment-app.log"; exit 1; }
    sleep 2
done

if [ "${BENCH_REUSE:-0}" != 1 ]; then
    log "Purchase facts for about 60% of the customers"
    psql -h 127.0.0.1 -U postgres -d $DB -q -f bench/segment-purchases.sql
fi
psql -h 127.0.0.1 -U postgres -d $DB -qAtc "select 'customers: ' || count(*) from customer" \
    -c "select 'buyers: ' || count(*) from customer_purchase"

log "Measuring ($ITERATIONS counts per segment after 3 warm-up ones)"
java -cp "$PGJAR" bench/SegmentCountBench.java "http://127.0.0.1:$PORT" \
    "jdbc:postgresql://127.0.0.1:5432/$DB" "$ITERATIONS"
