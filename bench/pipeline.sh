#!/usr/bin/env bash
# Pipeline benchmark (issue 3): a database with 1,000,000 customers (demo seeder, COPY) and 1,000,000 opportunities
# (one INSERT ... SELECT: 40% open, 40% won, 20% lost over three years; rep1 owns exactly 10,000 open deals, the other
# four sellers share the rest), then measures the kanban board (rep1's own, the East manager's team, the admin's whole
# company) and the 12-month forecast (rep, team, company), each beside the same SQL run through JDBC in the same run.
#
#   bench/pipeline.sh [customers=1000000] [opportunities=1000000] [iterations=50]
#
# Needs the local PostgreSQL on 127.0.0.1:5432 (user postgres). Leaves the database kehu_bench_pipeline behind.
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${1:-1000000}"
OPPORTUNITIES="${2:-1000000}"
ITERATIONS="${3:-50}"
PORT="${BENCH_PORT:-8096}"
DB=kehu_bench_pipeline
OUT=bench/results-pipeline
mkdir -p "$OUT"
rm -f "$OUT"/access_log*.txt

log() { printf '==> %s\n' "$*"; }

./mvnw -B -q -ntp -DskipTests package
PGJAR="$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)"

# REUSE_DB=1 keeps a database filled by an earlier run (its customers and opportunities) instead of starting afresh
if [ "${REUSE_DB:-0}" != 1 ]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"
    psql -h 127.0.0.1 -U postgres -qc "create database $DB"
fi

log "Starting the app and generating $CUSTOMERS customers"
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

existing=$(psql -h 127.0.0.1 -U postgres -d $DB -qAtc "select count(*) from opportunity")
if [ "$existing" = 0 ]; then
log "Inserting $OPPORTUNITIES opportunities"
start=$(date +%s)
psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1 -q <<SQL
with owners as (
    select array_agg(id order by array_position(array['rep1','rep2','rep3','manager','manager2'], username)) as ids
    from app_user where username in ('rep1','rep2','rep3','manager','manager2')),
customers as (select array_agg(id) as ids, count(*) as n from customer),
deals as (
    select g,
           g % 10 < 4 as open,
           case when g % 10 < 4 then null when g % 10 < 8 then 'WON' else 'LOST' end as closed_stage,
           (array['PROSPECTING','QUALIFICATION','PROPOSAL','NEGOTIATION'])[1 + (g / 10) % 4] as open_stage
    from generate_series(1, $OPPORTUNITIES) g)
insert into opportunity (id, customer_id, name, amount, currency, expected_close_date, type, owner_id, stage,
                         probability, loss_reason, closed_on, stage_changed_at)
select 100000000 + d.g,
       c.ids[1 + (d.g::bigint * 7919) % c.n],
       'Bench deal ' || d.g,
       1000 + (d.g::bigint * 7919) % 500000 + ((d.g % 100) / 100.0),
       'CNY',
       case when d.open then current_date + (d.g % 365)::int else current_date - (d.g % 1095)::int end,
       (array['NEW_BUSINESS','UP_SELL','CROSS_SELL'])[1 + d.g % 3],
       case when d.open and d.g <= 25000 then o.ids[1]
            when d.open then o.ids[2 + d.g % 4]
            else o.ids[1 + d.g % 5] end,
       coalesce(d.closed_stage, d.open_stage),
       case d.closed_stage when 'WON' then 100 when 'LOST' then 0 else
           case d.open_stage when 'PROSPECTING' then 10 when 'QUALIFICATION' then 25 when 'PROPOSAL' then 50 else 75 end end,
       case when d.closed_stage = 'LOST' then 'price' end,
       case when d.open then null else current_date - (d.g % 1095)::int end,
       now()
from deals d, owners o, customers c;
select setval('opportunity_seq', 100000000 + $OPPORTUNITIES + 1000);
vacuum analyze opportunity;
SQL
log "Inserted in $(( $(date +%s) - start )) s"
else
log "Reusing the $existing opportunities already there"
fi
psql -h 127.0.0.1 -U postgres -d $DB -qAtc "select u.username, count(*) filter (where o.closed_on is null) as open,
    count(*) as total from opportunity o join app_user u on u.id = o.owner_id group by 1 order by 1" | tee "$OUT/owners.txt"

log "Measuring ($ITERATIONS requests per scenario after 5 warm-up requests)"
java -cp "$PGJAR" bench/PipelineBench.java "http://127.0.0.1:$PORT" \
    "jdbc:postgresql://127.0.0.1:5432/$DB" "$ITERATIONS" "$OUT/client.tsv"
sleep 1

python3 - "$OUT" "$ITERATIONS" "$CUSTOMERS" "$OPPORTUNITIES" <<'PY'
import sys, glob, math, urllib.parse, collections
out, iterations, customers, opportunities = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
times = collections.defaultdict(list)
for name in sorted(glob.glob(out + "/access_log*.txt")):
    for line in open(name, encoding="utf-8", errors="replace"):
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "GET" and parts[1].startswith("/opportunities"):
            times[urllib.parse.unquote(parts[1])].append(int(parts[4]) / 1000.0)
def pct(values, p):
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))]
rows = [l.rstrip("\n").split("\t") for l in open(out + "/client.tsv", encoding="utf-8")][1:]
print(f"\n{customers} customers, {opportunities} opportunities\n")
print("| Scenario | User | Server p50 | Server p95 | Client p95 | Bare SQL p50 | Bare SQL p95 |"
      " Previous SQL p50 | Previous SQL p95 | Deals covered |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for scenario, user, cp50, cp95, sp50, sp95, bp50, bp95, covered, path in rows:
    measured = times[urllib.parse.unquote(path)][5:5 + iterations] or [float("nan")]
    print(f"| {scenario} | {user} | {pct(measured, 50):.1f} ms | {pct(measured, 95):.1f} ms | {cp95} ms | "
          f"{sp50} ms | {sp95} ms | {bp50} ms | {bp95} ms | {covered} |")
PY
