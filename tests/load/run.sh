#!/usr/bin/env bash
# Load benchmark (not a test): a Release build on SQLite, driven by wrk over loopback.
#   1. GET / (the start page)
#   2. GET /practices (the catalogue list)
#   3. GET a questionnaire step page (server-rendered, with a draft cookie)
#   4. GET /results/{id} (scores, radar chart and five recommendations with reasons)
#   5. GET /api/assessments/{id}/recommendations
#   6. POST /api/assessments (validate, score, store in one transaction)
# Usage: tests/load/run.sh [seconds per run, default 20] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
duration=${1:-20}
connections=${2:-32}
port=${SMARTY_LOAD_PORT:-5099}
work=$(mktemp -d /tmp/smarty-load.XXXX)
out="$root/tests/load/results"
mkdir -p "$out"
report="$out/$(date -u +%Y%m%dT%H%M%SZ).txt"

if ! command -v wrk >/dev/null; then
    sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

echo "==> Publishing a Release build"
dotnet publish src/SmartyAssess.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

echo "==> Starting the app on 127.0.0.1:$port (SQLite in $work)"
ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__SmartyAssess="Data Source=$work/load.db" \
Database__SqliteSynchronous="${SMARTY_LOAD_SYNCHRONOUS:-Full}" \
Logging__LogLevel__Default=Warning \
    dotnet "$work/app/SmartyAssess.Web.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
    sleep 0.5
done

base="http://127.0.0.1:$port"
echo "==> Preparing a draft and a request body"
jar="$work/cookies"
landing=$(curl -fs -c "$jar" -b "$jar" "$base/")
token=$(printf '%s' "$landing" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -n1 | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_handler=start" --data-urlencode "__RequestVerificationToken=$token" "$base/"
draft=$(awk '$6 == "SmartyAssess.Draft" { print $7 }' "$jar")
[ -n "$draft" ] || { echo "could not start a draft"; exit 1; }
curl -fs -o /dev/null -H "Cookie: SmartyAssess.Draft=$draft" "$base/assessment/strategy"

export SMARTY_LOAD_BODY="$root/tests/load/assessment.json"
status=$(curl -s -o "$work/check.json" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$SMARTY_LOAD_BODY" "$base/api/assessments")
[ "$status" = 201 ] || { echo "the sample assessment was refused ($status):"; cat "$work/check.json"; exit 1; }
result=$(grep -o '"id":"[^"]*"' "$work/check.json" | head -n1 | cut -d'"' -f4)
[ -n "$result" ] || { echo "no result id in the response"; exit 1; }

# Steady state is what is measured: a short unrecorded run first lets the JIT finish tiering up
# and EF Core compile its queries (the first seconds after start are several times slower).
# Each benchmark: a title, the path, and wrk options of its own (a cookie, a Lua script).
benchmarks=(
    "GET / (start page)|/|"
    "GET /practices (catalogue list)|/practices|"
    "GET /results/{id} (results page with recommendations)|/results/$result|"
    "GET /api/assessments/{id}/recommendations|/api/assessments/$result/recommendations|"
    "GET /api/assessments/{id}/history|/api/assessments/$result/history|"
    "GET /assessment/strategy (step page)|/assessment/strategy|-H|Cookie: SmartyAssess.Draft=$draft"
    "POST /api/assessments|/api/assessments|-s|tests/load/post-assessment.lua"
)
run() { # run <seconds> <benchmark> [more wrk options]
    local seconds=$1; shift
    IFS='|' read -r -a spec <<<"$1"; shift
    wrk -t2 -c"$connections" -d"${seconds}s" "$@" "${spec[@]:2}" "$base${spec[1]}"
}

echo "==> Warming up"
for benchmark in "${benchmarks[@]}"; do
    run 5 "$benchmark" >/dev/null
done

{
    echo "SmartyAssess load benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(dotnet --version) SDK"
    echo "app: Release, SQLite (WAL, synchronous=${SMARTY_LOAD_SYNCHRONOUS:-Full}), Production environment; wrk on the same machine over loopback; after a 5 s warm-up per endpoint"
    for benchmark in "${benchmarks[@]}"; do
        echo
        echo "## ${benchmark%%|*} ($connections connections, ${duration}s)"
        run "$duration" "$benchmark" --latency
    done
} | tee "$report"

echo "==> Report: $report"
