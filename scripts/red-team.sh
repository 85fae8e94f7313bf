#!/usr/bin/env bash
# Issue 15's red-team rerun: every attack of the issue against `hiia` (check, render, publish) and `hiia serve` with its
# Azurite, each a separate process measured by /usr/bin/time -v; prints a table (attack, expected, observed, PASS/FAIL)
# and exits 1 when any row fails. Not part of scripts/test.sh: it runs a few hundred processes, renders 2 MB drafts and
# starts serve four times (about 10-15 minutes on our busy two-core machine); the behaviour it checks is proven by
# each project's own tests, which scripts/test.sh runs.
#
#   bash scripts/red-team.sh                          # builds hiia (Release) and attacks it
#   bash scripts/red-team.sh --hiia .tools/hiia/hiia  # attacks an installed hiia (sh scripts/install-hiia.sh)
#   bash scripts/red-team.sh --only unicode,files     # some classes: markdown floods pictures unicode files replacement serve tests
#   bash scripts/red-team.sh --skip-tests             # without re-running the reused xunit tests (stale publish, faults, sweep)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command -v /usr/bin/time >/dev/null || { echo "red-team.sh needs GNU time: apt-get install time" >&2; exit 2; }

hiia=""
rest=()
while [ $# -gt 0 ]; do
  case "$1" in
    --hiia) hiia="$2"; shift 2 ;;
    *) rest+=("$1"); shift ;;
  esac
done
if [ -z "$hiia" ]; then
  echo "Building hiia (Release)..." >&2
  dotnet build functions/HiiaPublish.Cli -c Release --nologo -v:q -nodeReuse:false >&2
  hiia="$root/functions/HiiaPublish.Cli/bin/Release/net10.0/hiia"
fi
dotnet build tests/HiiaPublish.RedTeam -c Release --nologo -v:q -nodeReuse:false >&2
exec dotnet tests/HiiaPublish.RedTeam/bin/Release/net10.0/HiiaPublish.RedTeam.dll --hiia "$hiia" ${rest[@]+"${rest[@]}"}
