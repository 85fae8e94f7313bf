#!/usr/bin/env sh
# Installs `hiia` from this repository as a .NET tool and prints where it is.
#
#   sh scripts/install-hiia.sh            # into .tools/hiia (git-ignored): run it as .tools/hiia/hiia
#   sh scripts/install-hiia.sh ~/bin      # or into a folder of your choice, e.g. one on your PATH
#
# `dotnet pack` builds the tool packages into artifacts/packages (a ReadyToRun one for Linux x64 and a portable one
# for everything else), then `dotnet tool install --tool-path` installs the one for this machine. The folder is
# emptied first, so running it again always installs what the working tree holds now. Needs the .NET SDK
# (global.json says which); templates, fonts and hyphenation patterns travel inside the package.
set -eu

root="$(cd "$(dirname "$0")/.." && pwd)"
tool_path="${1:-$root/.tools/hiia}"
packages="$root/artifacts/packages"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/functions/HiiaPublish.Cli/HiiaPublish.Cli.csproj" | head -n 1)"

echo "Packing hiia $version (a minute or two the first time)..." >&2
rm -f "$packages"/HiiaPublish.Cli.*.nupkg
dotnet pack "$root/functions/HiiaPublish.Cli" -c Release --nologo -v:q -nodeReuse:false >&2

rm -rf "$tool_path"
dotnet tool install HiiaPublish.Cli --version "$version" --tool-path "$tool_path" --add-source "$packages" >&2

"$tool_path/hiia" --version >&2
echo "$tool_path/hiia"
