#!/usr/bin/env bash
# Insights benchmark at scale (not a test): a Release build over synthetic data from
# `smartyassess seed-demo`, driven by wrk over loopback after a warm-up per URL (SMARTY_WARMUP seconds, default 5).
#   every insights API call (your regions, and all regions: the heaviest), and the results page
#   with its peer benchmark.
# SMARTY_RESULTS_ONLY=1 measures the results page only; SMARTY_PEER=false turns its peer benchmark off (the baseline);
# SMARTY_PG_OPTIONS adds Npgsql connection-string options (for example "Max Auto Prepare=0").
# Usage: tests/load/insights.sh sqlite|postgres [firms] [seconds per run, default 15] [connections, default 1]
#   defaults: 166,000 firms on SQLite (about 200,000 assessments), 830,000 on PostgreSQL (about 1,000,000).
#   Latency is measured with one analyst at a time (connections 1); the heaviest call is run again
#   with 8 connections for throughput, and the results page with 32.
# The seeded database is kept in /tmp/smarty-insights-<provider>-<firms> and reused by later runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
provider=${1:?sqlite or postgres}
firms=${2:-$([ "$provider" = postgres ] && echo 830000 || echo 166000)}
duration=${3:-15}
connections=${4:-1}
# "Warm" means after the JIT's tiering and PGO have settled, not after one call: a page measured
# straight after its first request ran at half its settled rate. Each URL is driven for this long first.
warmup=${SMARTY_WARMUP:-5}
port=${SMARTY_LOAD_PORT:-5098}
keep=/tmp/smarty-insights-$provider-$firms
work=$(mktemp -d /tmp/smarty-insights.XXXX)
out="$root/tests/load/results"
mkdir -p "$out" "$keep"
report="$out/insights-$provider-$(date -u +%Y%m%dT%H%M%SZ).txt"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "==> Publishing Release builds of the app and the tool"
dotnet publish src/SmartyAssess.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
dotnet publish src/SmartyAssess.Cli -c Release -o "$work/cli" --nologo -v quiet >/dev/null

if [ "$provider" = postgres ]; then
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort | tail -1)
    pgport=5544
    if [ ! -f "$keep/pg/PG_VERSION" ]; then
        mkdir -p "$keep/pg" && chown postgres "$keep" "$keep/pg"
        su postgres -c "$bin/initdb -D $keep/pg -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    su postgres -c "$bin/pg_ctl -D $keep/pg -l $keep/pg.log -o '-c listen_addresses=127.0.0.1 -p $pgport -k $keep/pg -c shared_buffers=1GB' -w start" >/dev/null
    trap 'su postgres -c "$bin/pg_ctl -D $keep/pg -m fast stop" >/dev/null; cleanup' EXIT
    connection="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres${SMARTY_PG_OPTIONS:+;$SMARTY_PG_OPTIONS}"
    providerName=PostgreSql
    sql() { psql -q -t -A "postgresql://postgres@127.0.0.1:$pgport/postgres" -c "$1"; }
else
    connection="Data Source=$keep/insights.db"
    providerName=Sqlite
    sql() { sqlite3 "$keep/insights.db" "$1"; }
fi

start_app() {
    Insights__PeerBenchmark="${SMARTY_PEER:-true}" ASPNETCORE_ENVIRONMENT=Production Database__Provider="$providerName" ConnectionStrings__SmartyAssess="$connection" Logging__LogLevel__Default=Warning \
        dotnet "$work/app/SmartyAssess.Web.dll" --urls "http://127.0.0.1:$port" >>"$work/app.log" 2>&1 &
    app=$!; pids+=("$app")
    for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && return; sleep 0.5; done
    echo "the app did not start:"; tail -20 "$work/app.log"; exit 1
}
stop_app() { kill "$app"; wait "$app" 2>/dev/null || true; }

if [ ! -f "$keep/seeded" ]; then
    echo "==> Migrating and loading the catalogue (one start of the app)"
    start_app; stop_app
    echo "==> Seeding $firms synthetic firms"
    started=$(date +%s)
    (cd "$work/cli" && dotnet smartyassess.dll seed-demo --data "$connection" --firms "$firms" --seed 1 --catalogue "$root/data") 2>&1 | tail -1
    echo "seeded in $(( $(date +%s) - started )) s" >"$keep/seeded"
    if [ "$provider" = postgres ]; then sql "VACUUM ANALYZE" >/dev/null; fi
fi

if [ -z "$(sql "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'analyst@region.example'")" ]; then
    echo "Insights-at-scale-$(openssl rand -hex 8)" | (cd "$work/cli" && dotnet smartyassess.dll users add --data "$connection" --email analyst@region.example --role PartnerAnalyst --region ITI1,PL91) >/dev/null
fi

# A partner token for the analyst, written as the tokens page writes one (only its hash is stored).
token="sap_bench$(openssl rand -hex 20)"
hash=$(printf %s "$token" | sha256sum | cut -d' ' -f1)
user=$(sql "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'analyst@region.example'")
if [ "$provider" = postgres ]; then
    sql "INSERT INTO \"PartnerApiTokens\" (\"Id\", \"UserId\", \"Name\", \"SecretHash\", \"Prefix\", \"CreatedAt\") VALUES ('$(cat /proc/sys/kernel/random/uuid)', '$user', 'bench', decode('$hash', 'hex'), '${token:0:12}', now())"
else
    sql "INSERT INTO PartnerApiTokens (Id, UserId, Name, SecretHash, Prefix, CreatedAt) VALUES ('$(cat /proc/sys/kernel/random/uuid | tr a-z A-Z)', '$user', 'bench', X'$hash', '${token:0:12}', '2026-12-01 00:00:00')"
fi
assessments=$(sql "SELECT COUNT(*) FROM \"Assessments\"")
result=$(sql "SELECT r.\"Id\" FROM \"Results\" r JOIN \"Assessments\" a ON a.\"Id\" = r.\"AssessmentId\" ORDER BY r.\"Id\" LIMIT 1")

echo "==> Starting the app (Production) over $assessments assessments"
start_app
cat >"$work/p95.lua" <<'LUA'
done = function(summary, latency, requests)
    io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f req/s, errors %d\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

{
    echo "# insights benchmark, $provider, $assessments assessments ($firms firms), $(date -u +%FT%TZ)"
    echo "# $(nproc) cores; wrk $duration s per URL, $connections connection(s) unless said; $(tail -1 "$keep/seeded"); warm-up = the first call, which loads the facts, then ${warmup} s of load per URL (the results page $(( warmup * 3 )) s), not measured"
    for url in $([ -n "${SMARTY_RESULTS_ONLY:-}" ] || echo /api/insights/maturity /api/insights/barriers /api/insights/practices /api/insights/transfer /api/insights/activity \
               "/api/insights/maturity?scope=all" "/api/insights/barriers?scope=all" "/api/insights/practices?scope=all" "/api/insights/transfer?scope=all" "/api/insights/activity?scope=all" \
               "/api/insights/barriers?scope=all&sector=C&size=small&quarter=2026-Q2" "/api/insights/barriers?region=ITI1&sector=C&quarter=2026-Q2"); do
        warm=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$url")
        printf '%-70s warm-up %s s; ' "GET $url" "$warm"
        wrk -t1 -c"$connections" -d"${warmup}s" -H "Authorization: Bearer $token" "http://127.0.0.1:$port$url" >/dev/null
        wrk -t1 -c"$connections" -d"${duration}s" -H "Authorization: Bearer $token" -s "$work/p95.lua" "http://127.0.0.1:$port$url" | tail -1
    done
    if [ -z "${SMARTY_RESULTS_ONLY:-}" ]; then
        echo "# app memory after the warm-up: $(( $(ps -o rss= -p "$app") / 1024 )) MB resident"
        printf '%-70s ' "GET /api/insights/transfer?scope=all, 8 connections"
        wrk -t2 -c8 -d"${duration}s" -H "Authorization: Bearer $token" -s "$work/p95.lua" "http://127.0.0.1:$port/api/insights/transfer?scope=all" | tail -1
    fi
    # The facts are in memory (the first insights call loads them) before the page is measured.
    curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/insights/barriers"
    echo "# app memory with the facts loaded: $(( $(ps -o rss= -p "$app") / 1024 )) MB resident"
    curl -s -o /dev/null "http://127.0.0.1:$port/results/$result"
    wrk -t2 -c32 -d"$(( warmup * 3 ))s" "http://127.0.0.1:$port/results/$result" >/dev/null
    printf '%-70s ' "GET /results/{id} (peer benchmark ${SMARTY_PEER:-true}), 32 connections"
    wrk -t2 -c32 -d"${duration}s" -s "$work/p95.lua" "http://127.0.0.1:$port/results/$result" | tail -1
} | tee "$report"
echo "==> Report: $report"
