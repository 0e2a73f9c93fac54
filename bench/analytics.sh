#!/usr/bin/env bash
# Analytics benchmark (issue 7) on the campaign benchmark's database (1,000,000 customers, 10,000,000 orders; made by
# `GENERATE_ONLY=1 bench/campaign-performance.sh` if missing). In one run:
#   (a) the baseline: the bare SQL aggregation of the completed orders per customer (one pass, materialised), RUNS
#       times (default 3; the ratio to the refresh is of the medians);
#   (b) POST /api/v1/analytics/clv/fit (BG/NBD + Gamma-Gamma on every buyer, weeks);
#   (c) POST /api/v1/analytics/refresh, polled until DONE (the app logs each step's time), RUNS times;
#   (d) each report API as admin (everything), manager (team East: 3 owners) and rep1, ITERATIONS times: p50 and p95
#       from Tomcat's access log;
#   (e) the drill-down list queries (50 customers of one class by profit rank) in SQL, EXPLAIN ANALYZE timings.
# Before (a), adds 300,000 tickets and 200,000 survey answers (with two attribute ratings each) to the database once
# (numbers BT-…; skipped when present), so the satisfaction and support reports and the cost to serve have data.
#
#   bench/analytics.sh [iterations=30]
#
# Needs the local PostgreSQL on 127.0.0.1:5432 (user postgres). Leaves kehu_bench_campaign behind.
set -euo pipefail
cd "$(dirname "$0")/.."

ITERATIONS="${1:-30}"
# baseline and refresh each run this many times; the ratio is of the medians (the machine's speed drifts by 10-20%)
RUNS="${RUNS:-3}"
PORT="${BENCH_PORT:-8203}"
DB=kehu_bench_campaign
OUT=bench/results/analytics
mkdir -p "$OUT"
rm -f "$OUT"/access_log*.txt

log() { printf '==> %s %s\n' "$(date +%T)" "$*"; }
sql() { psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1 -q "$@"; }

if ! psql -h 127.0.0.1 -U postgres -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
    log "No $DB: generating it"
    GENERATE_ONLY=1 bash bench/campaign-performance.sh
fi
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package

if [ "$(sql -Atc "select exists (select 1 from ticket where number = 'BT-1')")" = f ]; then
    log "Adding 300,000 tickets and 200,000 survey answers"
    sql <<'SQL'
begin;
insert into ticket (id, number, customer_id, channel, type, category_id, priority, subject, assignee_id, status,
                    first_response_due_at, resolution_due_at, first_responded_at, resolved_at, closed_at,
                    resolution_summary, created_at, updated_at)
select nextval('ticket_seq'), 'BT-' || g, 1 + (g::bigint * 7919) % 1000000, 'PHONE',
       (array['COMPLAINT', 'INQUIRY', 'SERVICE_REQUEST', 'SUGGESTION', 'REPAIR'])[1 + g % 5],
       (select id from ticket_category order by id limit 1 offset g % 5), 'NORMAL', 'Bench ticket',
       (select id from app_user where username = 'agent1'),
       case when g % 10 = 0 then 'IN_PROGRESS' else 'CLOSED' end,
       t + interval '4 hours', t + interval '48 hours', t + (g % 7) * interval '1 hour',
       case when g % 10 <> 0 then t + (g % 61) * interval '1 hour' end,
       case when g % 10 <> 0 then t + (g % 61) * interval '1 hour' end,
       case when g % 10 <> 0 then 'Resolved (bench)' end, t, t
from generate_series(1, 300000) g,
     lateral (select now() - (g % 720) * interval '1 day' - (g % 24) * interval '1 hour' as t) x;
insert into survey_response (id, customer_id, ticket_id, channel, overall, expectation, performance,
                             repurchase_intent, recommend, created_at, updated_at)
select nextval('survey_response_seq'), t.customer_id, case when g <= 60000 then t.id end, 'LINK',
       1 + g % 5, 1 + (g / 5) % 5, 1 + (g / 25) % 5, 1 + (g / 7) % 5, g % 11,
       t.created_at + interval '1 day', t.created_at + interval '1 day'
from generate_series(1, 200000) g
join ticket t on t.number = 'BT-' || g;
insert into survey_rating (response_id, attribute_code, score)
select r.id, a.code, 1 + (r.id + length(a.code)) % 5
from survey_response r
cross join (values ('PRODUCT_QUALITY'), ('SERVICE_ATTITUDE')) a(code)
on conflict do nothing;
commit;
analyze ticket;
analyze survey_response;
analyze survey_rating;
SQL
fi

log "Baseline: the bare aggregation of completed orders per customer"
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
BASELINES=""
for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    sql -c "create temp table b as select customer_id, count(*) as orders, count(distinct order_date) as days,
                   min(order_date) as first_day, max(order_date) as last_day, sum(total_amount) as revenue,
                   sum(total_amount - cost_amount) as margin
            from sales_order where status = 'COMPLETED' group by customer_id"
    BASELINES="$BASELINES $(( ($(date +%s%N) - start) / 1000000 ))"
done
BASELINE_MS=$(echo "$BASELINES" | median)
log "baseline ${BASELINE_MS} ms (median of$BASELINES)"

log "Starting the app"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD=postgres \
java -Xmx1g -jar target/kehu-crm-0.1.0-SNAPSHOT.jar --server.port="$PORT" \
    --crm.demo.customer-count=0 --crm.demo.pipeline=false --crm.demo.support=false \
    --crm.demo.marketing=false --crm.demo.orders=false --crm.analytics.refresh.on-startup=false \
    --crm.marketing.care.run-on-startup=false \
    --server.tomcat.accesslog.enabled=true --server.tomcat.basedir="$PWD/$OUT/tomcat" \
    --server.tomcat.accesslog.directory="$PWD/$OUT" --server.tomcat.accesslog.prefix=access_log \
    --server.tomcat.accesslog.suffix=.txt --server.tomcat.accesslog.file-date-format= \
    --server.tomcat.accesslog.pattern='%r %s %D' --server.tomcat.accesslog.buffered=false > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
    kill -0 $APP 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
    sleep 2
done
api() { curl -sf -u "$1:kehu-demo" "${@:2}"; }

log "Fitting the models"
start=$(date +%s%N)
api manager -X POST -H 'Content-Type: application/json' \
    -d "{\"calibrationEnd\": \"$(date +%F)\", \"timeUnit\": \"WEEK\"}" \
    "http://127.0.0.1:$PORT/api/v1/analytics/clv/fit" > "$OUT/fit.json"
FIT_MS=$(( ($(date +%s%N) - start) / 1000000 ))
log "fit ${FIT_MS} ms: $(cat "$OUT/fit.json")"

log "Refreshing the metrics, $RUNS times (the first on a cold JVM)"
REFRESHES=""
IDS=""
for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    ID=$(api manager -X POST "http://127.0.0.1:$PORT/api/v1/analytics/refresh" | sed 's/.*"id":\([0-9]*\).*/\1/')
    while :; do
        STATUS=$(api manager "http://127.0.0.1:$PORT/api/v1/analytics/refresh/$ID" || true)
        case "$STATUS" in *'"status":"DONE"'*|*'"status":"FAILED"'*) break ;; esac
        sleep 0.5
    done
    MS=$(( ($(date +%s%N) - start) / 1000000 ))
    log "refresh $ID ${MS} ms: $STATUS"
    grep "Analytics refresh $ID:" "$OUT/app.log" || true
    case "$STATUS" in *'"status":"DONE"'*) ;; *) log "The refresh did not finish: see $OUT/app.log"; exit 1 ;; esac
    REFRESHES="$REFRESHES $MS"
    IDS="$IDS $ID"
done
REFRESH_MS=$(echo "$REFRESHES" | median)

log "Reports, $ITERATIONS times each as admin, manager and rep1"
CUSTOMER=$(sql -Atc "select min(c.id) from customer c join app_user u on u.id = c.owner_id where u.username = 'rep1'")
REPORTS="value-tiers rfm loyalty lifecycle churn satisfaction funnel support sales-trend customers/$CUSTOMER"
for user in admin manager rep1; do
    for report in $REPORTS; do
        for _ in $(seq "$ITERATIONS"); do
            api $user "http://127.0.0.1:$PORT/api/v1/analytics/$report?u=$user" > /dev/null || true
        done
    done
done
sleep 1

{
    echo "machine: $(nproc) vCPU, $(free -g | awk '/Mem:/ {print $2}') GiB, $(psql -h 127.0.0.1 -U postgres -Atc 'select version()' | cut -d, -f1), $(date -u +%FT%TZ)"
    echo "customers: $(sql -Atc 'select count(*) from customer')  orders: $(sql -Atc 'select count(*) from sales_order')  completed: $(sql -Atc "select count(*) from sales_order where status = 'COMPLETED'")"
    echo "baseline_ms=$BASELINE_MS (runs:$BASELINES) fit_ms=$FIT_MS refresh_ms=$REFRESH_MS (runs:$REFRESHES)" \
         "ratio_refresh_to_baseline=$(awk "BEGIN {printf \"%.1f\", $REFRESH_MS / $BASELINE_MS}") (medians)"
    for id in $IDS; do
        grep "Analytics refresh $id:" "$OUT/app.log" | sed 's/.*Analytics refresh/refresh/' || true
    done
    echo "report user p50_ms p95_ms"
    for user in admin manager rep1; do
        for report in $REPORTS; do
            grep "GET /api/v1/analytics/$report?u=$user " "$OUT/access_log.txt" | awk '{print $NF / 1000}' | sort -n |
                awk -v r="$report" -v u="$user" '{a[NR]=$1} END {if (NR) printf "%s %s %.1f %.1f\n", r, u, a[int(NR*0.5+0.5)], a[int(NR*0.95+0.5)]}'
        done
    done
    echo "drill-down (50 customers by profit rank) ms, EXPLAIN ANALYZE execution time"
    REP1=$(sql -Atc "select id from app_user where username = 'rep1'")
    TEAM=$(sql -Atc "select array_agg(id) from app_user where team_id = (select team_id from app_user where username = 'manager')")
    for filter in "value_tier = 'VIP'" "value_tier = 'ORDINARY'" "rfm_segment = 'CHAMPIONS'" "rfm_segment = 'LOST'" \
                  "clv_tier = 'MVC'" "clv_tier = 'BZC'" "loyalty = 'LOYAL'" "lifecycle_stage = 'DECLINE'" "churned" \
                  "at_risk" "next_purchase_expected <= current_date and not churned"; do
        for scope in "true" "owner_id = any('{$REP1}')" "owner_id = any('$TEAM')"; do
            ms=$(sql -Atc "explain (analyze, format json) select customer_id, profit_rank, value_tier, clv
                           from customer_metrics where $filter and $scope order by profit_rank limit 50 offset 100" |
                 grep -o '"Execution Time": [0-9.]*' | grep -o '[0-9.]*$')
            echo "[$filter] [$scope] $ms"
        done
    done
} | tee "$OUT/summary.txt"
