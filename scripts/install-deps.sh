#!/usr/bin/env bash
# Installs, once, what the project needs beyond the .NET SDK and node: Debian's poppler-utils
# (PDF pages to PNG for a person to look at). Safe to run again; does nothing when all is there.
set -euo pipefail

need=()
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)

if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
