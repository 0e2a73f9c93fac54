#!/usr/bin/env bash
# Dashboard benchmark (issue 7) on the campaign benchmark's database (1,000,000 customers, 10,000,000 orders; made by
# `GENERATE_ONLY=1 bench/campaign-performance.sh`, with the tickets, survey answers and metrics that
# `bench/analytics.sh` adds). Adds 1,000,000 deals with their stage history once (bench/analytics-deals.sql), signs in
# through the login form as admin (everything), manager (the East team), rep1 (own customers) and agent1 (support),
# and requests each dashboard page and the lists behind its figures ITERATIONS times: p50 and p95 from Tomcat's access
# log (server time). For scale, the same run times the bare SQL count of customers per value tier (the smallest query
# a pyramid needs without stored summaries).
#
#   bench/dashboards.sh [iterations=30]
set -euo pipefail
cd "$(dirname "$0")/.."

ITERATIONS="${1:-30}"
PORT="${BENCH_PORT:-8204}"
DB=kehu_bench_campaign
OUT=bench/results/dashboards
mkdir -p "$OUT"
rm -f "$OUT"/access_log*.txt "$OUT"/cookies-*.txt

log() { printf '==> %s %s\n' "$(date +%T)" "$*"; }
sql() { psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1 -q "$@"; }

psql -h 127.0.0.1 -U postgres -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
    || { echo "No $DB: run bench/analytics.sh first"; exit 1; }
log "Deals (1,000,000 with their stage history, once)"
start=$(date +%s)
sql -v deals=1000000 -f bench/analytics-deals.sql
log "deals ready in $(( $(date +%s) - start )) s: $(sql -Atc 'select count(*) from opportunity') opportunities"
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package

log "Starting the app"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD=postgres \
java -Xmx1g -jar target/kehu-crm-0.1.0-SNAPSHOT.jar --server.port="$PORT" \
    --crm.demo.customer-count=0 --crm.demo.pipeline=false --crm.demo.support=false \
    --crm.demo.marketing=false --crm.demo.orders=false --crm.analytics.refresh.on-startup=false \
    --crm.marketing.care.run-on-startup=false \
    `# a database migrated by a branch's jar may lack a lower-numbered migration merged later` \
    --spring.flyway.out-of-order=true \
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
BASE="http://127.0.0.1:$PORT"

# the metrics must exist (customer_metrics is unlogged: empty after a crash)
if [ "$(sql -Atc 'select count(*) from customer_metrics')" = 0 ]; then
    log "No metrics: refreshing"
    ID=$(curl -sf -u manager:kehu-demo -X POST "$BASE/api/v1/analytics/refresh" | sed 's/.*"id":\([0-9]*\).*/\1/')
    until curl -sf -u manager:kehu-demo "$BASE/api/v1/analytics/refresh/$ID" | grep -q '"status":"DONE"'; do sleep 2; done
fi

signin() {
    local jar="$OUT/cookies-$1.txt"
    local token
    token=$(curl -s -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=$1&password=kehu-demo&_csrf=$token" "$BASE/login"
}
page() { curl -s -o /dev/null -w '%{http_code}' -b "$OUT/cookies-$1.txt" "$BASE$2"; }

FROM=$(date -d '-12 months +1 day' +%F); TO=$(date +%F)
declare -A PAGES=(
    [manager-dashboard]="/analytics/manager"
    [rep-dashboard]="/analytics/rep"
    [support-dashboard]="/analytics/support"
    [manager-service-cards]="/analytics/manager/service"
    [manager-funnel-card]="/analytics/manager/funnel"
    [rep-funnel-card]="/analytics/rep/funnel"
    [support-cards]="/analytics/support/body"
    [vip-list]="/analytics/customers?slice=VALUE_TIER&value=VIP"
    [ordinary-list-page-20]="/analytics/customers?slice=VALUE_TIER&value=ORDINARY&page=20"
    [at-risk-list]="/analytics/customers?slice=AT_RISK"
    [due-reorder-list]="/analytics/customers?slice=DUE_REORDER"
    [loyal-list]="/analytics/customers?slice=LOYALTY&value=LOYAL"
    [deals-proposal]="/analytics/deals?stage=PROPOSAL&from=$FROM&to=$TO"
    [tickets-response-missed]="/analytics/tickets?filter=RESPONSE_MISSED&from=$FROM&to=$TO"
)
declare -A WHO=(
    [manager-dashboard]="admin manager" [rep-dashboard]="manager rep1" [support-dashboard]="admin agent1"
    [manager-service-cards]="admin manager" [support-cards]="admin agent1"
    [manager-funnel-card]="admin manager" [rep-funnel-card]="rep1"
    [vip-list]="admin manager rep1" [ordinary-list-page-20]="admin rep1" [at-risk-list]="admin rep1"
    [due-reorder-list]="admin rep1" [loyal-list]="admin manager" [deals-proposal]="admin manager rep1"
    [tickets-response-missed]="admin agent1"
)
for user in admin manager rep1 agent1; do signin $user; done

log "Baseline: bare SQL count of customers per value tier over customer_metrics"
start=$(date +%s%N)
for _ in $(seq "$ITERATIONS"); do sql -Atc "select value_tier, count(*) from customer_metrics group by 1" > /dev/null; done
BASELINE_MS=$(( ($(date +%s%N) - start) / 1000000 / ITERATIONS ))

log "Pages, 3 warm-up requests and $ITERATIONS measured, each user"
for name in "${!PAGES[@]}"; do
    for user in ${WHO[$name]}; do
        path="${PAGES[$name]}"
        sep='?'; case "$path" in *\?*) sep='&' ;; esac
        for _ in 1 2 3; do page $user "$path${sep}w=$user" > /dev/null; done
        status=$(page $user "$path${sep}u=$user")
        [ "$status" = 200 ] || { echo "$name as $user: HTTP $status"; exit 1; }
        for _ in $(seq $((ITERATIONS - 1))); do page $user "$path${sep}u=$user" > /dev/null; done
    done
done
sleep 1

{
    echo "machine: $(nproc) vCPU, $(free -g | awk '/Mem:/ {print $2}') GiB, $(psql -h 127.0.0.1 -U postgres -Atc 'select version()' | cut -d, -f1), $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "customers: $(sql -Atc 'select count(*) from customer_metrics')  orders: $(sql -Atc 'select count(*) from sales_order')  opportunities: $(sql -Atc 'select count(*) from opportunity')  tickets: $(sql -Atc 'select count(*) from ticket')  survey answers: $(sql -Atc 'select count(*) from survey_response')"
    echo "baseline: bare count per value tier ${BASELINE_MS} ms (mean of $ITERATIONS, psql round trip included)"
    echo "page user p50_ms p95_ms"
    for name in $(printf '%s\n' "${!PAGES[@]}" | sort); do
        for user in ${WHO[$name]}; do
            path="${PAGES[$name]}"
            sep='?'; case "$path" in *\?*) sep='&' ;; esac
            grep -F "GET $path${sep}u=$user " "$OUT/access_log.txt" | awk '{print $NF / 1000}' | sort -n |
                awk -v r="$name" -v u="$user" '{a[NR]=$1} END {if (NR) printf "%s %s %.1f %.1f\n", r, u, a[int(NR*0.5+0.5)], a[int(NR*0.95+0.5)]}'
        done
    done
} | tee "$OUT/summary.txt"
