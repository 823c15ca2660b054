#!/usr/bin/env bash
# Runs every SmartyAssess test: unit, HTTP (SQLite and PostgreSQL) and browser tests.
# Installs what the tests need when it is missing: Debian's chromium (browser tests) and
# postgresql (the PostgreSQL tests start a throwaway server from its binaries).
# The last line printed is the totals: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results/screenshots"

log() { printf '==> %s\n' "$*"; }

# --- Prerequisites -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
    log "Installing ${missing[*]} with apt-get"
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        || ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
        echo "Could not install ${missing[*]}; install them (apt-get install ${missing[*]}) and run again." >&2
    fi
fi

# --- Build ---------------------------------------------------------------------------------
log "Building"
if ! dotnet build SmartyAssess.sln --nologo -v quiet -clp:ErrorsOnly; then
    echo "Build failed."
    echo "0 passed, 1 failed"
    exit 1
fi

# The production-build test runs the app as users deploy it: `dotnet publish` output in Production.
log "Publishing a Release build"
if dotnet publish src/SmartyAssess.Web -c Release -o "$results/publish" --nologo -v quiet -clp:ErrorsOnly; then
    export SMARTY_PUBLISHED_APP="$results/publish"
fi

# --- Test ----------------------------------------------------------------------------------
# One project at a time: each writes its own report, and on two cores the browser tests and the
# HTTP tests run no slower one after the other than side by side.
export SMARTY_SCREENSHOTS="$results/screenshots"
status=0
projects=0
for project in $(find tests -mindepth 2 -maxdepth 2 -name '*.csproj' -exec grep -L '<IsTestProject>false' {} + | sort); do
    name=$(basename "$project" .csproj)
    projects=$((projects + 1))
    log "Testing $name"
    dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        -- RunConfiguration.TreatNoTestsAsError=true || status=1
done

# --- Totals from the TRX files ---------------------------------------------------------------
passed=0
failed=0
reports=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    reports=$((reports + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
    f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
    e=$(printf '%s' "$counters" | sed -n 's/.* error="\([0-9]*\)".*/\1/p')
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
done

# A test project that crashed before writing its report counts as a failure, as does a run that
# failed without any failed test being recorded.
if [ "$reports" -lt "$projects" ]; then
    failed=$((failed + projects - reports))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
fi

log "Screenshots: $results/screenshots"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
