#!/usr/bin/env bash
# Renders a report.html as a reader sees it, with headless Chromium (Debian's `chromium`):
#   PREFIX.png        the first screen at 1280 px
#   PREFIX-phone.png  the first screen of a 390 px phone (in a frame: Chromium's window is at
#                     least 500 px wide)
#   PREFIX.pdf        the printed report (A4), and with pdftoppm (Debian's `poppler-utils`)
#   PREFIX-print.png  its second page
# The same layout is checked by the tests (Tests/NinesKitTests/Render/ReportBrowserTests.swift).
#   scripts/render-report.sh [REPORT.html] [OUT_PREFIX]
set -euo pipefail
report="${1:-Output/acme/report.html}"
prefix="${2:-${report%.html}}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "chromium not found: apt-get install --no-install-recommends chromium" >&2; exit 69; }
[ -f "$report" ] || { echo "$report: no such file (run: swift run nines plan Catalog/examples/acme)" >&2; exit 66; }
dir="$(cd "$(dirname "$report")" && pwd)"
url="file://$dir/$(basename "$report")"
profile="$(mktemp -d)"
frame="$(mktemp --suffix=.html)"
trap 'rm -rf "$profile" "$frame"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions "--user-data-dir=$profile")
"$browser" "${flags[@]}" --window-size=1280,900 --screenshot="$prefix.png" "$url" 2>/dev/null
printf '<!DOCTYPE html><body style="margin:0"><iframe src="%s" style="width:390px;height:844px;border:0"></iframe></body>' "$url" > "$frame"
"$browser" "${flags[@]}" --allow-file-access-from-files --window-size=390,844 --screenshot="$prefix-phone.png" "file://$frame" 2>/dev/null
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$prefix.pdf" "$url" 2>/dev/null
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 80 -f 2 -l 2 -singlefile "$prefix.pdf" "$prefix-print"
  echo "wrote $prefix.png, $prefix-phone.png, $prefix.pdf and $prefix-print.png"
else
  echo "wrote $prefix.png, $prefix-phone.png and $prefix.pdf (apt-get install poppler-utils for $prefix-print.png)"
fi
