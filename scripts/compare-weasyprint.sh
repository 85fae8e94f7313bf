#!/usr/bin/env sh
# Side by side, in one run: a fresh `hiia render` of the English sample by the installed tool, and WeasyPrint
# (Debian's `weasyprint`, CSS footnotes with `float: footnote`) typesetting the same text from HTML.
#
#   sh scripts/compare-weasyprint.sh [path/to/hiia] [runs]
#
# The HTML is made once from the Markdown by python3-markdown (not timed); each run then times one process of
# each, alternating, with /usr/bin/time. Needs: weasyprint, python3-markdown (apt), an installed hiia
# (sh scripts/install-hiia.sh). docs/performance.md, "Issue 14", has the results.
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
hiia="${1:-$root/.tools/hiia/hiia}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sample="$root/samples/middle-corridor"
cp "$sample"/*.png "$work/"

/usr/bin/python3 - "$sample/middle-corridor.md" "$work/paper.html" <<'PY'
import re, sys, markdown
text = open(sys.argv[1], encoding="utf-8").read()
front, body = text.split("\n---\n", 1)
title = re.search(r'^title: "?(.*?)"?$', front, re.M).group(1)
notes = dict(re.findall(r'^\[\^(\w+)\]: (.*)$', body, re.M))
body = re.sub(r'^\[\^\w+\]: .*$', '', body, flags=re.M)
# Each note where it is called, as a span WeasyPrint floats to the foot of the page.
body = re.sub(r'\[\^(\w+)\]', lambda m: '<span class="fn">' + markdown.markdown(notes[m.group(1)])[3:-4] + '</span>', body)
html = markdown.markdown(body, extensions=["tables"])
css = """
@page { size: A4; margin: 25mm 20mm; @bottom-center { content: counter(page); font: 9pt 'Noto Sans'; } }
body { font: 10.5pt/1.45 'Noto Serif'; hyphens: auto; text-align: justify; }
h1, h2, h3 { font-family: 'Noto Sans'; break-after: avoid; }
img { max-width: 100%; }
.fn { float: footnote; font-size: 8.5pt; }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 70%; }
::footnote-marker { content: counter(footnote) '. '; }
"""
open(sys.argv[2], "w", encoding="utf-8").write(
    f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><style>{css}</style></head>'
    f'<body><h1>{title}</h1>{html}</body></html>')
PY

i=0
while [ "$i" -lt "$runs" ]; do
  /usr/bin/time -f "hiia       %e s wall, %U+%S s CPU, %M KB peak" "$hiia" render "$sample/middle-corridor.md" -o "$work/hiia.pdf" >/dev/null
  /usr/bin/time -f "weasyprint %e s wall, %U+%S s CPU, %M KB peak" weasyprint "$work/paper.html" "$work/weasy.pdf"
  i=$((i + 1))
done
echo "pages: hiia $(pdfinfo "$work/hiia.pdf" | sed -n 's/^Pages: *//p'), weasyprint $(pdfinfo "$work/weasy.pdf" | sed -n 's/^Pages: *//p')"
