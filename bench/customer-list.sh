#!/usr/bin/env bash
# Customer list benchmark (issue 2): fills a fresh database with 1,000,000 generated customers through the demo
# seeder (COPY), starts the packaged app on it, and measures the list page and name searches as rep1 and admin:
# client-side and server-side (Tomcat access log) percentiles beside the same SQL run through JDBC in the same run.
#
#   bench/customer-list.sh [customers=1000000] [iterations=100]
#
# Needs the local PostgreSQL on 127.0.0.1:5432 (user postgres). Leaves the database kehu_bench behind for
# inspection (drop it with: psql -h 127.0.0.1 -U postgres -c 'drop database kehu_bench').
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${1:-1000000}"
ITERATIONS="${2:-100}"
PORT="${BENCH_PORT:-8095}"
DB=kehu_bench
OUT=bench/results
mkdir -p "$OUT"
rm -f "$OUT"/access_log*.txt

log() { printf '==> %s\n' "$*"; }

[ -f target/kehu-crm-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -DskipTests package
PGJAR="$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)"

psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"
psql -h 127.0.0.1 -U postgres -qc "create database $DB"

log "Starting the app and generating $CUSTOMERS customers"
start=$(date +%s)
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD=postgres \
java -Xmx1g -jar target/kehu-crm-0.1.0-SNAPSHOT.jar --server.port="$PORT" \
    --crm.demo.customer-count="$CUSTOMERS" --crm.demo.marketing=false --crm.demo.orders=false \
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
load_ms=$(grep -o 'Generated [0-9]* demo customers in [0-9]* ms' "$OUT/app.log" | grep -o '[0-9]* ms' | tr -d ' ms' || echo "?")
log "Ready after $(( $(date +%s) - start )) s; COPY load took ${load_ms} ms"
psql -h 127.0.0.1 -U postgres -d $DB -qAtc "vacuum analyze customer"

log "Measuring ($ITERATIONS requests per scenario after 10 warm-up requests)"
java -cp "$PGJAR" bench/CustomerListBench.java "http://127.0.0.1:$PORT" \
    "jdbc:postgresql://127.0.0.1:5432/$DB" "$ITERATIONS" "$OUT/client.tsv"
sleep 1

# Server-side time per request from the access log (%D: microseconds in Tomcat 10.1+), per scenario path, for
# the measured requests (the warm-up ones are the first 10 of each path and are dropped).
python3 - "$OUT" "$ITERATIONS" "$load_ms" "$CUSTOMERS" <<'PY'
import sys, glob, math, urllib.parse, collections
out, iterations, load_ms, customers = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
times = collections.defaultdict(list)
for name in sorted(glob.glob(out + "/access_log*.txt")):
    for line in open(name, encoding="utf-8", errors="replace"):
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "GET" and parts[1].startswith("/customers"):
            times[urllib.parse.unquote(parts[1])].append(int(parts[4]) / 1000.0)
def pct(values, p):
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))]
rows = [l.rstrip("\n").split("\t") for l in open(out + "/client.tsv", encoding="utf-8")][1:]
seen = collections.Counter()
print(f"\n{customers} customers; COPY load {load_ms} ms\n")
print("| Scenario | User | Server p50 | Server p95 | Client p95 | Bare SQL p50 | Bare SQL p95 | Rows |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for scenario, user, cp50, cp95, sp50, sp95, nrows, path in rows:
    all_times = times[urllib.parse.unquote(path)]
    # each path is requested by one user per scenario, in order: 10 warm-up, then the measured ones
    start = seen[path] * (iterations + 10) + 10
    seen[path] += 1
    measured = all_times[start:start + iterations] or [float("nan")]
    print(f"| {scenario} | {user} | {pct(measured, 50):.1f} ms | {pct(measured, 95):.1f} ms | {cp95} ms | "
          f"{sp50} ms | {sp95} ms | {nrows} |")
PY
