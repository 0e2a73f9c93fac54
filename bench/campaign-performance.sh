#!/usr/bin/env bash
# Campaign performance benchmark (issue 5): 1,000,000 customers (demo seeder, COPY), 10,000,000 sales orders (one
# INSERT ... SELECT over three years, statuses mixed: 70% booked, 15% draft, 15% cancelled), their purchase facts, and
# 200 campaigns with 5,000 to 50,000 touched customer members each (campaign "Bench campaign 1" has exactly 5,000,
# "Bench campaign 2" exactly 50,000; every customer is touched by several campaigns, so the last-touch rule works).
# Then measures GET /api/v1/campaigns/{id}/performance for both beside the same SQL run through JDBC in the same run.
#
#   bench/campaign-performance.sh [customers=1000000] [orders=10000000] [iterations=30]
#
# GENERATE_ONLY=1 stops after filling the database; REUSE_DB=1 keeps a database filled by an earlier run.
# Needs the local PostgreSQL on 127.0.0.1:5432 (user postgres). Leaves the database kehu_bench_campaign behind.
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${1:-1000000}"
ORDERS="${2:-10000000}"
ITERATIONS="${3:-30}"
PORT="${BENCH_PORT:-8201}"
DB=kehu_bench_campaign
OUT=bench/results/campaign
mkdir -p "$OUT"
rm -f "$OUT"/access_log*.txt

log() { printf '==> %s %s\n' "$(date +%T)" "$*"; }
sql() { psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1 -q "$@"; }

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -ntp -DskipTests package
PGJAR="$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)"

if [ "${REUSE_DB:-0}" != 1 ]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"
    psql -h 127.0.0.1 -U postgres -qc "create database $DB"
fi

log "Starting the app (generating $CUSTOMERS customers on a fresh database)"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD=postgres \
java -Xmx1g -jar target/kehu-crm-0.1.0-SNAPSHOT.jar --server.port="$PORT" \
    --crm.demo.customer-count="$CUSTOMERS" --crm.demo.pipeline=false --crm.demo.support=false \
    --crm.demo.marketing=false --crm.demo.orders=false \
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

if [ "$(sql -Atc "select count(*) from sales_order")" = 0 ]; then
log "Inserting $ORDERS orders"
start=$(date +%s)
sql <<SQL
with customers as (select array_agg(id order by id) as ids, count(*) as n from customer),
     creator as (select id from app_user where username = 'rep1')
insert into sales_order (id, order_number, customer_id, order_date, currency, status, total_amount, cost_amount,
                         paid_amount, created_by)
select 100000000 + g,
       'SB' || g,
       c.ids[1 + (g::bigint * 7919) % c.n],
       current_date - ((g::bigint * 104729) % 1095)::int,
       'CNY',
       (array['COMPLETED','COMPLETED','COMPLETED','COMPLETED','SHIPPED','CONFIRMED','CONFIRMED','DRAFT','DRAFT',
              'CANCELLED','CANCELLED','DRAFT','COMPLETED','CANCELLED','COMPLETED','SHIPPED','COMPLETED','CONFIRMED',
              'COMPLETED','COMPLETED'])[1 + g % 20],
       500 + (g::bigint * 7907) % 20000,
       300 + (g::bigint * 7907) % 12000,
       0,
       u.id
from generate_series(1, $ORDERS) g, customers c, creator u;
select setval('sales_order_seq', 100000000 + $ORDERS + 1000);
insert into customer_purchase (customer_id, completed_orders, purchase_days, first_order_on, last_order_on,
                               total_amount, total_margin, refreshed_at)
select customer_id, count(*), count(distinct order_date), min(order_date), max(order_date), sum(total_amount),
       sum(total_amount - cost_amount), now()
from sales_order where status = 'COMPLETED' group by customer_id;
vacuum analyze sales_order;
vacuum analyze customer_purchase;
SQL
log "Orders inserted in $(( $(date +%s) - start )) s"
fi

if [ "$(sql -Atc "select count(*) from campaign")" = 0 ]; then
log "Inserting 200 campaigns and their members"
start=$(date +%s)
sql <<SQL
insert into campaign (id, name, type, objective, owner_id, status, start_on, end_on, budget, currency, spent,
                      attribution_days, created_by)
select 100000 + k, 'Bench campaign ' || k, (array['EMAIL','PHONE','EVENT','PROMOTION'])[1 + k % 4], 'bench',
       u.id, 'COMPLETED', current_date - 1000 + k * 4, current_date - 1000 + k * 4 + 14, 100000, 'CNY',
       20000 + k * 100, 30, u.id
from generate_series(1, 200) k, (select id from app_user where username = 'marketer1') u;
select setval('campaign_seq', 200000);
with customers as (select array_agg(id order by id) as ids, count(*) as n from customer),
     sizes as (select k, case k when 1 then 5000 when 2 then 50000 else 5000 + (k * 7919) % 45001 end as members
               from generate_series(1, 200) k)
insert into campaign_member (id, campaign_id, member_type, customer_id, status, sent_on, responded_on, attended_on,
                             added_by, added_at)
select nextval('campaign_member_seq'), 100000 + s.k, 'CUSTOMER',
       c.ids[1 + ((g::bigint * 7919 + s.k::bigint * 104723) % c.n)],
       case when g % 5 = 0 then 'ATTENDED' when g % 3 = 0 then 'RESPONDED' else 'SENT' end,
       current_date - 1000 + s.k * 4 + g % 14,
       case when g % 3 = 0 or g % 5 = 0 then current_date - 1000 + s.k * 4 + g % 14 + 2 end,
       case when g % 5 = 0 then current_date - 1000 + s.k * 4 + g % 14 + 3 end,
       (select id from app_user where username = 'marketer1'), now()
from sizes s, customers c, generate_series(1, s.members) g;
vacuum analyze campaign;
vacuum analyze campaign_member;
SQL
log "Campaigns inserted in $(( $(date +%s) - start )) s"
fi
sql -Atc "select c.name, count(*) from campaign c join campaign_member m on m.campaign_id = c.id
          where c.name in ('Bench campaign 1', 'Bench campaign 2') group by 1 order by 1" | tee "$OUT/campaigns.txt"
sql -Atc "select count(*) as orders, (select count(*) from campaign_member) as members from sales_order" \
    | tee -a "$OUT/campaigns.txt"

if [ "${GENERATE_ONLY:-0}" = 1 ]; then
    log "Generated; stopping (GENERATE_ONLY=1)"
    exit 0
fi

log "Measuring ($ITERATIONS requests per campaign after 5 warm-up requests)"
java -cp "$PGJAR" bench/CampaignBench.java "http://127.0.0.1:$PORT" \
    "jdbc:postgresql://127.0.0.1:5432/$DB" "$ITERATIONS" "$OUT/client.tsv"
sleep 1

python3 - "$OUT" "$ITERATIONS" <<'PY'
import sys, glob, math, collections
out, iterations = sys.argv[1], int(sys.argv[2])
times = collections.defaultdict(list)
for name in sorted(glob.glob(out + "/access_log*.txt")):
    for line in open(name, encoding="utf-8", errors="replace"):
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "GET" and parts[1].startswith("/api/v1/campaigns/"):
            times[parts[1]].append(int(parts[4]) / 1000.0)
def pct(values, p):
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))]
rows = [l.rstrip("\n").split("\t") for l in open(out + "/client.tsv", encoding="utf-8")][1:]
print("| Campaign | Touched members | Attributed orders | Server p50 | Server p95 | Client p50 | Client p95 |"
      " Bare SQL p50 | Bare SQL p95 |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for name, members, orders, cp50, cp95, sp50, sp95, path in rows:
    measured = times[path][-iterations:] or [float("nan")]
    print(f"| {name} | {members} | {orders} | {pct(measured, 50):.1f} ms | {pct(measured, 95):.1f} ms | "
          f"{cp50} ms | {cp95} ms | {sp50} ms | {sp95} ms |")
PY
