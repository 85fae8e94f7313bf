#!/usr/bin/env bash
# Makes the site's WOFF2 fonts (templates/fonts/web/*.woff2) from the bundled Noto TTFs, subset to what the two
# languages write: Basic Latin, Latin-1, Latin Extended-A (ő ű Ő Ű), general punctuation (dashes, quotes, …),
# the euro sign and the soft hyphen. The outputs are committed, so a build never needs this; run it again only
# when the TTFs change. Needs Debian's `fonttools` and `python3-brotli` (apt-get install fonttools python3-brotli).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/templates/fonts/web"
mkdir -p "$out"
unicodes="U+0000-00FF,U+0100-017F,U+0131,U+0152-0153,U+02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212"
for face in NotoSerif-Regular NotoSerif-Italic NotoSerif-Bold NotoSerif-BoldItalic NotoSans-Regular NotoSans-Bold; do
  pyftsubset "$root/templates/fonts/$face.ttf" --unicodes="$unicodes" --flavor=woff2 --layout-features='kern,liga,clig,calt,onum,lnum,pnum,tnum' \
    --no-hinting --desubroutinize --output-file="$out/$face.woff2"
done
ls -l "$out"
