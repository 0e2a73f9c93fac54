#!/usr/bin/env bash
# Duplicate scan benchmark (issue 6): 1,000,000 demo customers (the app's seeder, COPY; no orders, deals, tickets or
# campaigns), then one full duplicate scan started like a manager does ("Scan now": login, CSRF, POST), timed per
# phase from the scan's own progress row, with the app's peak resident memory. Baseline in the same run: the bare
# SQL that only COUNTS the exact groups (region, kind, normalised name) and the phone groups over the same table.
#
#   bench/duplicate-scan.sh [customers=1000000]
#
# REUSE_DB=1 keeps a database filled by an earlier run; KEEP_DB=1 does not drop it at the end (it is about 1 GB).
# Needs the local PostgreSQL on 127.0.0.1:5432 (user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${1:-1000000}"
PORT="${BENCH_PORT:-8237}"
DB=kehu_bench_dups
OUT=bench/results/dups
mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"

log() { printf '==> %s %s\n' "$(date +%T)" "$*" | tee -a "$OUT/summary.txt"; }
sql() { psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1 -q "$@"; }
: > "$OUT/summary.txt"

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests -Djacoco.skip=true package
cp target/kehu-crm-0.1.0-SNAPSHOT.jar "$OUT/app.jar"

if [ "${REUSE_DB:-0}" != 1 ]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"
    psql -h 127.0.0.1 -U postgres -qc "create database $DB"
fi

log "Starting the app ($CUSTOMERS demo customers on $DB; the nightly scan is off)"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD=postgres \
java -Xmx1g -jar "$OUT/app.jar" --server.port="$PORT" \
    --crm.demo.customer-count="$CUSTOMERS" --crm.demo.pipeline=false --crm.demo.support=false \
    --crm.demo.marketing=false --crm.demo.orders=false --crm.dataio.duplicates.cron=- > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "$BASE/actuator/health" > /dev/null; do
    kill -0 $APP 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
    sleep 2
done
# the seeder runs after start-up; it is done when it logs its total (or found the customers already there)
until grep -q "demo customers in\|Demo customers already" "$OUT/app.log" \
        || [ "$(sql -Atc "select count(*) >= $CUSTOMERS from customer")" = t ]; do
    sleep 5
done
sleep 5
sql -c "vacuum analyze customer"
log "$(sql -Atc "select count(*) || ' customers, ' || count(*) filter (where kind = 'INDIVIDUAL') || ' individuals' from customer")"

log "Baseline: bare SQL counting exact name groups and phone groups (no rows written)"
start=$(date +%s%N)
sql -Atc "select count(*) || ' name groups of 2+, largest ' || max(n)
          from (select count(*) as n from customer where not archived and region is not null
                group by region, kind, kehu_duplicate_name(name, kind) having count(*) >= 2) g" | tee -a "$OUT/summary.txt"
sql -Atc "select count(*) || ' phone groups of 2..50'
          from (select phone_digits from customer
                where phone_digits is not null and char_length(phone_digits) >= 7 and not archived
                group by phone_digits having count(*) between 2 and 50) g" | tee -a "$OUT/summary.txt"
log "Baseline took $(( ($(date +%s%N) - start) / 1000000 )) ms"

log "Starting the scan as manager (Scan now)"
JAR="$OUT/cookies.txt"
rm -f "$JAR"
# the page is read whole first: with pipefail, a reader that stops early would end the script (SIGPIPE)
csrf() {
    local page
    page=$(curl -s -c "$JAR" -b "$JAR" "$1")
    grep -o -m1 'name="_csrf" value="[^"]*"' <<< "$page" | sed 's/.*value="//;s/"$//' || true
}
token=$(csrf "$BASE/login")
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=admin" --data-urlencode "password=kehu-demo" \
    --data-urlencode "_csrf=$token" "$BASE/login"
token=$(csrf "$BASE/data/duplicates")
[ -n "$token" ] || { echo "could not sign in"; exit 1; }
scan_start=$(date +%s%N)
curl -s -o /dev/null -w '%{http_code}\n' -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$token" "$BASE/data/duplicates/scan"

peak=0
last=""
phase_start=$scan_start
while :; do
    rss=$(ps -o rss= -p $APP | tr -d ' ')
    [ "$rss" -gt "$peak" ] && peak=$rss
    state=$(sql -Atc "select status || '|' || coalesce(phase, '-') || '|' || progress_done || '/' || progress_total
                      from customer_duplicate_scan")
    status=${state%%|*}
    rest=${state#*|}
    phase=${rest%%|*}
    if [ "$phase" != "$last" ]; then
        now=$(date +%s%N)
        [ -n "$last" ] && log "  phase $last took $(( (now - phase_start) / 1000000 )) ms"
        phase_start=$now
        last=$phase
    fi
    [ "$status" = RUNNING ] || break
    sleep 1
done
log "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 vCPUs, shared with other builds)"
log "Scan ended: $status in $(( ($(date +%s%N) - scan_start) / 1000000 )) ms; app peak RSS $(( peak / 1024 )) MB (-Xmx1g)"

sql -Atc "select 'pairs: ' || count(*) || ' (phone ' || count(*) filter (where same_phone) || ', e-mail '
          || count(*) filter (where same_email) || ', similar name ' || count(*) filter (where name_score is not null) || ')'
          from customer_duplicate_candidate where not dismissed" | tee -a "$OUT/summary.txt"
sql -Atc "select 'clusters presented: ' || count(*) filter (where not oversized) || ', oversized (noted): '
          || count(*) filter (where oversized) || ', customers in presented clusters: '
          || coalesce(sum(size) filter (where not oversized), 0)
          from customer_duplicate_cluster where not dismissed" | tee -a "$OUT/summary.txt"
sql -Atc "select reason || ' ' || kind || ': ' || count(*) || ' clusters, sizes ' || min(size) || '..' || max(size)
          from customer_duplicate_cluster where not dismissed and not oversized group by reason, kind order by 1" \
    | tee -a "$OUT/summary.txt"
echo "largest presented clusters:" | tee -a "$OUT/summary.txt"
sql -Atc "select size || ' x ' || name || ' (' || region || ', ' || reason || ')' from customer_duplicate_cluster
          where not oversized order by size desc, id limit 5" | tee -a "$OUT/summary.txt"
echo "largest oversized groups (not presented):" | tee -a "$OUT/summary.txt"
sql -Atc "select size || ' x ' || name || ' (' || region || ', ' || kind || ')' from customer_duplicate_cluster
          where oversized order by size desc, id limit 5" | tee -a "$OUT/summary.txt"
for p in 0 100; do
    start=$(date +%s%N)
    curl -s -o /dev/null -b "$JAR" "$BASE/data/duplicates?cpage=$p&page=$p"
    log "GET /data/duplicates page $p (admin): $(( ($(date +%s%N) - start) / 1000000 )) ms"
done

kill $APP
wait $APP 2>/dev/null || true
trap - EXIT
if [ "${KEEP_DB:-0}" != 1 ]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"
    log "Dropped $DB"
fi
