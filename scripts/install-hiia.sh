#!/usr/bin/env sh
# Installs `hiia` from this repository as a .NET tool and prints where it is.
#
#   sh scripts/install-hiia.sh            # into .tools/hiia (git-ignored): run it as .tools/hiia/hiia
#   sh scripts/install-hiia.sh ~/bin      # or into a folder of your choice, e.g. one on your PATH
#
# `dotnet pack` builds the tool packages into artifacts/packages: the small top-level package that names the others,
# a native one for Linux x64 (Native AOT: compiled ahead of time, so a fresh `hiia render` starts at once) and a portable
# one for everything else. Then `dotnet tool install --tool-path` installs the one for this machine. The folder is
# emptied first, so running it again always installs what the working tree holds now. Needs the .NET SDK (global.json
# says which) and, on Linux x64, a C toolchain to link the native binary (gcc or clang; scripts/install-deps.sh
# installs it); templates, fonts and hyphenation patterns travel inside the package.
set -eu

root="$(cd "$(dirname "$0")/.." && pwd)"
tool_path="${1:-$root/.tools/hiia}"
packages="$root/artifacts/packages"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/functions/HiiaPublish.Cli/HiiaPublish.Cli.csproj" | head -n 1)"

echo "Packing hiia $version (a few minutes: the Linux x64 tool is compiled ahead of time)..." >&2
rm -f "$packages"/HiiaPublish.Cli.*.nupkg
project="$root/functions/HiiaPublish.Cli"
# An AOT tool is packed once for the top-level package and once per runtime: the native compiler runs per platform.
dotnet pack "$project" -c Release --nologo -v:q -nodeReuse:false -p:HiiaNativeTool=true >&2
dotnet pack "$project" -c Release -r any --nologo -v:q -nodeReuse:false -p:HiiaNativeTool=true >&2
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  # The README's first command runs on a fresh machine, before scripts/install-deps.sh: link the native binary with
  # Debian's gcc, installed here when the machine has no C toolchain at all.
  if ! command -v gcc >/dev/null 2>&1 && ! command -v clang >/dev/null 2>&1; then
    echo "Installing gcc to link the native hiia (apt-get install gcc libc6-dev)..." >&2
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq gcc libc6-dev >/dev/null
  fi
  dotnet pack "$project" -c Release -r linux-x64 --nologo -v:q -nodeReuse:false -p:HiiaNativeTool=true >&2
fi

rm -rf "$tool_path"
dotnet tool install HiiaPublish.Cli --version "$version" --tool-path "$tool_path" --add-source "$packages" >&2

"$tool_path/hiia" --version >&2
echo "$tool_path/hiia"
