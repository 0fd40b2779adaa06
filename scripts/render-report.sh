#!/usr/bin/env bash
# Renders a report.html to PNG (a screenshot of the first screen, 1200 px wide) and to PDF with
# headless Chromium (Debian's `chromium` package: apt-get install chromium).
#   scripts/render-report.sh [REPORT.html] [OUT_PREFIX]
set -euo pipefail
report="${1:-Output/acme/report.html}"
prefix="${2:-${report%.html}}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "chromium not found: apt-get install chromium" >&2; exit 69; }
[ -f "$report" ] || { echo "$report: no such file (run: swift run nines plan Catalog/examples/acme)" >&2; exit 66; }
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions)
"$browser" "${flags[@]}" --window-size=1200,2400 --screenshot="$prefix.png" "$url" 2>/dev/null
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$prefix.pdf" "$url" 2>/dev/null
echo "wrote $prefix.png and $prefix.pdf"
