#!/usr/bin/env bash
# The full test run on a fresh clone: installs what the tests need, runs every test project,
# and ends with one line "N passed, N failed" counted from the TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh || { echo "installing test dependencies failed"; exit 1; }

results=TestResults
rm -rf "$results"
dotnet build HiiaPublish.sln -c Release -v q -nologo || { echo "0 passed, 1 failed"; exit 1; }
dotnet test HiiaPublish.sln -c Release --no-build -v q -nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false
status=$?

# Sum the counters of every TRX file (one per test project).
read -r passed failed skipped < <(cat "$results"/*.trx 2>/dev/null | tr '\n' ' ' |
  grep -o '<Counters [^>]*>' |
  awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "=\""); gsub(/"|\/|>/, "", kv[2]);
           if (kv[1] == "passed") p += kv[2]; if (kv[1] == "failed") f += kv[2];
           if (kv[1] == "notExecuted") s += kv[2]; if (kv[1] == "error") f += kv[2]; } }
         END { printf "%d %d %d\n", p, f, s }')

if [ "${passed:-0}" -eq 0 ] && [ "$status" -ne 0 ]; then failed=$(( ${failed:-0} > 0 ? failed : 1 )); fi
line="${passed:-0} passed, ${failed:-0} failed"
[ "${skipped:-0}" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ] && [ "${failed:-0}" -eq 0 ]
