#!/usr/bin/env bash
# Order import benchmark (issue 6): a fresh database with demo customers (no orders), a CSV of ORDERS rows
# (customer_code,order_date,amount: codes of existing customers, dates over three years in the three accepted
# formats, amounts with two decimals, plus a few hundred bad rows: impossible dates, unknown codes, negative
# amounts), then, in the same run: (a) psql \copy of the same file into an unindexed plain table of text columns,
# (b) the import through the API (POST /api/v1/imports as admin: the demo customers belong to every team;
# GET /api/v1/imports/{id} every second until it ends). Reports both times, rows/s, the ratio, the app's peak RSS
# during the import, the counts and the phases the runner logs.
#
#   bench/import-orders.sh [rows=10000000] [customers=100000]
#
# SKIP_BUILD=1 reuses target/*.jar. Needs the local PostgreSQL on 127.0.0.1:5432 (user postgres). Leaves the database
# kehu_bench_import and the CSV (bench/results/import/orders.csv) behind; results go to bench/results/import/.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${1:-10000000}"
CUSTOMERS="${2:-100000}"
PORT="${BENCH_PORT:-8231}"
DB=kehu_bench_import
OUT=bench/results/import
CSV="$OUT/orders.csv"
mkdir -p "$OUT"

log() { printf '==> %s %s\n' "$(date +%T)" "$*" | tee -a "$OUT/summary.txt"; }
sql() { psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1 -q "$@"; }
: > "$OUT/summary.txt"
log "uptime: $(uptime)"

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package

psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"
psql -h 127.0.0.1 -U postgres -qc "create database $DB"

log "Starting the app ($CUSTOMERS demo customers, no orders)"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD=postgres \
java -Xmx1g -jar target/kehu-crm-0.1.0-SNAPSHOT.jar --server.port="$PORT" \
    --crm.demo.customer-count="$CUSTOMERS" --crm.demo.pipeline=false --crm.demo.support=false \
    --crm.demo.marketing=false --crm.demo.orders=false > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
    kill -0 $APP 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
    sleep 2
done
# health is UP before the demo seeder has finished (it runs after the web server starts)
until grep -q "Demo customers: $CUSTOMERS of $CUSTOMERS loaded" "$OUT/app.log"; do
    kill -0 $APP 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
    sleep 2
done
sleep 5
sql -c "vacuum analyze customer"

log "Writing $ROWS rows to $CSV"
start=$(date +%s.%N)
# a join on the customer's rank, not an array subscript (a 100,000-element array is copied per row)
# every 40,000th row is bad in one of three ways (impossible date, unknown code, negative amount)
sql -c "\\copy (with codes as (select code, row_number() over (order by id) - 1 as k from customer),
     n as (select count(*) as n from customer)
select case when g % 40000 = 2 then 'NOSUCH' || g else c.code end as customer_code,
       case when g % 40000 = 1 then '2026-02-30'
            when g % 3 = 0 then to_char(current_date - (g * 104729 % 1095)::int, 'YYYY-MM-DD')
            when g % 3 = 1 then to_char(current_date - (g * 104729 % 1095)::int, 'YYYY/FMMM/FMDD')
            else to_char(current_date - (g * 104729 % 1095)::int, 'YYYYMMDD') end as order_date,
       case when g % 40000 = 3 then '-5.00' else to_char((500 + (g * 7907) % 2000000) / 100.0, 'FM99999990.00') end
           as amount
from generate_series(1::bigint, $ROWS) g cross join n join codes c on c.k = (g * 7919) % n.n)
to '$CSV' with (format csv, header)"
log "CSV written in $(echo "$(date +%s.%N) - $start" | bc) s: $(du -h "$CSV" | cut -f1), $(wc -l < "$CSV") lines"
head -4 "$CSV" | tee -a "$OUT/summary.txt"

log "(a) psql \\copy into an unindexed table of text columns"
sql -c "drop table if exists bench_copy; create table bench_copy (customer_code text, order_date text, amount text)"
start=$(date +%s.%N)
sql -c "\\copy bench_copy from '$CSV' with (format csv, header)"
COPY_S=$(echo "$(date +%s.%N) - $start" | bc)
log "\\copy: $COPY_S s ($(sql -Atc "select count(*) from bench_copy") rows)"
sql -c "drop table bench_copy"
sql -c "checkpoint"

log "(b) POST /api/v1/imports"
echo 5 > "/proc/$APP/clear_refs" 2>/dev/null || true   # resets VmHWM, so the peak is the import's
start=$(date +%s.%N)
ID=$(curl -sf -u admin:kehu-demo -F "file=@$CSV;type=text/csv" -F type=ORDERS \
    "http://127.0.0.1:$PORT/api/v1/imports" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
UPLOAD_S=$(echo "$(date +%s.%N) - $start" | bc)
log "import $ID accepted after $UPLOAD_S s (upload)"
: > "$OUT/progress.tsv"
while true; do
    # a busy server may fail one poll; the import goes on regardless
    P=$(curl -sf -u admin:kehu-demo "http://127.0.0.1:$PORT/api/v1/imports/$ID") || { sleep 1; continue; }
    RSS=$(awk '/VmRSS/ {print $2}' "/proc/$APP/status")
    printf '%s\t%s\t%s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$RSS" "$P" >> "$OUT/progress.tsv"
    STATUS=$(echo "$P" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$STATUS" = QUEUED ] || [ "$STATUS" = RUNNING ] || break
    sleep 1
done
IMPORT_S=$(echo "$(date +%s.%N) - $start" | bc)
HWM=$(awk '/VmHWM/ {print $2}' "/proc/$APP/status")
log "import: $IMPORT_S s, status $STATUS"
echo "$P" | tee "$OUT/final.json" | tee -a "$OUT/summary.txt"; echo
grep -E "Import $ID:" "$OUT/app.log" | sed 's/^.*Import /Import /' | tee -a "$OUT/summary.txt"
python3 - "$ROWS" "$COPY_S" "$IMPORT_S" "$UPLOAD_S" "$HWM" "$OUT/progress.tsv" <<'PY' | tee -a "$OUT/summary.txt"
import sys
rows, copy_s, import_s, upload_s, hwm = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
rss = [int(l.split("\t")[1]) for l in open(sys.argv[6]) if l.strip()]
print(f"| rows | \\copy | import (upload to DONE) | upload | rows/s (import) | import / \\copy | peak RSS during import | RSS min-max while polling |")
print(f"|---:|---:|---:|---:|---:|---:|---:|---:|")
print(f"| {rows:,} | {copy_s:.1f} s | {import_s:.1f} s | {upload_s:.1f} s | {rows / import_s:,.0f} | {import_s / copy_s:.2f}x | "
      f"{hwm / 1024:.0f} MB | {min(rss) / 1024:.0f}-{max(rss) / 1024:.0f} MB |")
PY
sql -Atc "select count(*) as orders, count(*) filter (where status = 'COMPLETED') as completed from sales_order" \
    | tee -a "$OUT/summary.txt"
log "uptime: $(uptime)"
