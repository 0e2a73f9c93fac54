#!/usr/bin/env bash
# Support queue benchmark (issue 4): a database with 1,000,000 customers (demo seeder, COPY) and 5,000,000 tickets
# (one INSERT ... SELECT: 96% closed over three years, 4% open = 200,000, half of them unassigned and half assigned to
# agent1; one customer with 5,000 tickets of history), then measures the agent's queue views, a customer's problem
# history and a sales rep's ticket list, each beside the same SQL run through JDBC in the same run.
#
#   bench/tickets.sh [customers=1000000] [tickets=5000000] [iterations=50]
#
# Needs the local PostgreSQL on 127.0.0.1:5432 (user postgres). Leaves the database kehu_bench_tickets behind;
# REUSE_DB=1 keeps a database filled by an earlier run.
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${1:-1000000}"
TICKETS="${2:-5000000}"
ITERATIONS="${3:-50}"
PORT="${BENCH_PORT:-8099}"
DB=kehu_bench_tickets
OUT=bench/results-tickets
mkdir -p "$OUT"
rm -f "$OUT"/access_log*.txt

log() { printf '==> %s\n' "$*"; }

./mvnw -B -q -ntp -DskipTests package
PGJAR="$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)"

if [ "${REUSE_DB:-0}" != 1 ]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"
    psql -h 127.0.0.1 -U postgres -qc "create database $DB"
fi

log "Starting the app (generating $CUSTOMERS customers on a new database)"
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

existing=$(psql -h 127.0.0.1 -U postgres -d $DB -qAtc "select count(*) from ticket")
if [ "$existing" = 0 ]; then
log "Inserting $TICKETS tickets"
start=$(date +%s)
psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1 -q <<SQL
with customers as (select array_agg(id order by id) as ids, count(*) as n from customer),
agent as (select id from app_user where username = 'agent1'),
categories as (select array_agg(id order by position) as ids from ticket_category),
t as (select g, g % 25 = 0 as open,
             now() - make_interval(days => case when g % 25 = 0 then (g % 10)::int else (g % 1095)::int end,
                                   mins => (g % 1440)::int) as created
      from generate_series(1, $TICKETS) g)
insert into ticket (id, number, customer_id, channel, type, category_id, priority, subject, assignee_id, status,
                    first_response_due_at, resolution_due_at, first_responded_at, resolved_at, closed_at,
                    resolution_summary, escalation_level, last_escalated_at, created_at, updated_at)
select 300000000 + t.g,
       'B' || t.g,
       case when t.g <= 5000 then c.ids[1] else c.ids[1 + (t.g::bigint * 7919) % c.n] end,
       (array['PHONE', 'EMAIL', 'WEB_FORM', 'SMS', 'WALK_IN', 'CALL_CENTRE'])[1 + t.g % 6],
       (array['COMPLAINT', 'INQUIRY', 'SERVICE_REQUEST', 'SUGGESTION', 'REPAIR'])[1 + t.g % 5],
       k.ids[1 + t.g % 5],
       (array['LOW', 'NORMAL', 'HIGH', 'URGENT'])[1 + (t.g / 7) % 4],
       'Bench ticket ' || t.g,
       case when t.open and t.g % 50 = 0 then null else a.id end,
       case when not t.open then 'CLOSED' when t.g % 50 = 0 then 'NEW'
            else (array['ASSIGNED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'])[1 + (t.g / 25) % 3] end,
       t.created + interval '4 hours',
       t.created + interval '3 days',
       case when not t.open then t.created + interval '1 hour' end,
       case when not t.open then t.created + interval '1 day' end,
       case when not t.open then t.created + interval '2 days' end,
       case when not t.open then 'done' end,
       case when t.open and t.g % 500 = 0 then 1 else 0 end,
       case when t.open and t.g % 500 = 0 then now() - make_interval(mins => (t.g % 600)::int) end,
       t.created, t.created
from t, customers c, agent a, categories k;
select setval('ticket_seq', 300000000 + $TICKETS + 1000);
vacuum analyze ticket;
SQL
log "Inserted in $(( $(date +%s) - start )) s"
else
log "Reusing the $existing tickets already there"
fi

log "Measuring ($ITERATIONS requests per scenario after 5 warm-up requests)"
java -cp "$PGJAR" bench/TicketBench.java "http://127.0.0.1:$PORT" \
    "jdbc:postgresql://127.0.0.1:5432/$DB" "$ITERATIONS" "$OUT/client.tsv"
sleep 1

python3 - "$OUT" "$ITERATIONS" "$CUSTOMERS" "$TICKETS" <<'PY'
import sys, glob, math, urllib.parse, collections
out, iterations, customers, tickets = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
times = collections.defaultdict(list)
for name in sorted(glob.glob(out + "/access_log*.txt")):
    for line in open(name, encoding="utf-8", errors="replace"):
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "GET" and parts[1].startswith("/tickets"):
            times[urllib.parse.unquote(parts[1])].append(int(parts[4]) / 1000.0)
def pct(values, p):
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))]
rows = [l.rstrip("\n").split("\t") for l in open(out + "/client.tsv", encoding="utf-8")][1:]
seen = collections.Counter()
print(f"\n{customers} customers, {tickets} tickets\n")
print("| Scenario | User | Server p50 | Server p95 | Client p95 | Bare SQL p50 | Bare SQL p95 | Rows |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for scenario, user, cp50, cp95, sp50, sp95, nrows, path in rows:
    all_times = times[urllib.parse.unquote(path)]
    start = seen[path] * (iterations + 5) + 5
    seen[path] += 1
    measured = all_times[start:start + iterations] or [float("nan")]
    print(f"| {scenario} | {user} | {pct(measured, 50):.1f} ms | {pct(measured, 95):.1f} ms | {cp95} ms | "
          f"{sp50} ms | {sp95} ms | {nrows} |")
PY
