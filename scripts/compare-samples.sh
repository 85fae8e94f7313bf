#!/usr/bin/env sh
# Renders every sample with two installed `hiia`s and compares the PDFs byte for byte: a refactor meant to make
# rendering faster must not change what it renders.
#
#   sh scripts/compare-samples.sh path/to/reference/hiia path/to/new/hiia
#
# Install the reference from the commit to compare against (e.g. `git worktree add /tmp/ref main`, then
# `sh /tmp/ref/scripts/install-hiia.sh /tmp/ref-hiia`), and this tree with `sh scripts/install-hiia.sh`.
# Exits 1 and names the samples that differ.
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
reference="$1"
candidate="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for draft in "$root"/samples/*/*.md; do
  name="$(basename "$draft" .md)"
  "$reference" render "$draft" -o "$work/$name.reference.pdf" >/dev/null
  "$candidate" render "$draft" -o "$work/$name.candidate.pdf" >/dev/null
  if cmp -s "$work/$name.reference.pdf" "$work/$name.candidate.pdf"; then
    echo "same   $name ($(wc -c < "$work/$name.candidate.pdf") bytes)"
  else
    echo "DIFFER $name"
    status=1
  fi
done
exit $status
