#!/usr/bin/env bash
# Installs, once, what the project needs beyond the .NET SDK and node: Debian's poppler-utils
# (PDF pages to PNG for a person to look at), chromium (site screenshots), qpdf (checks the packed PDFs), gcc (links
# the native `hiia`), and the Azurite
# storage emulator into .tools/azurite (the site tests start it). Safe to run again; does nothing
# when all is there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need=()
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
# The Linux x64 `hiia` is Native AOT (scripts/install-hiia.sh): its binary is linked by the system's C toolchain.
if [ "$(uname -m)" = "x86_64" ] && ! command -v gcc >/dev/null 2>&1 && ! command -v clang >/dev/null 2>&1; then
  need+=(gcc libc6-dev)
fi

if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Pinned so every machine runs the emulator the tests were written against.
azurite_version="3.37.0"
azurite_dir="$root/.tools/azurite"
if [ ! -x "$azurite_dir/node_modules/.bin/azurite" ]; then
  mkdir -p "$azurite_dir"
  npm install --prefix "$azurite_dir" --no-audit --no-fund --silent "azurite@$azurite_version" >/dev/null
fi

# The npm packages the desk serves (PDF.js, pixelmatch), the site search indexer (Pagefind, whose Linux
# binary comes from the registry) and axe-core for the accessibility tests: exact versions from package-lock.json.
if [ ! -f "$root/node_modules/.package-lock.json" ] || ! cmp -s "$root/package-lock.json" "$root/node_modules/.hiia-installed-lock"; then
  (cd "$root" && npm ci --no-audit --no-fund --silent >/dev/null)
  cp "$root/package-lock.json" "$root/node_modules/.hiia-installed-lock"
fi
