#!/usr/bin/env bash
# Renders a demo report in headless Chromium (Debian package `chromium`) to a PNG, as a person
# would see it: tools/report-screenshot.sh radiotwin-demo/report.html shot.png [WIDTH HEIGHT]
set -euo pipefail
report="$(realpath "$1")"
out="$(realpath -m "$2")"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 \
  --window-size="${3:-1000},${4:-1500}" --screenshot="$out" "file://$report" 2>/dev/null
echo "$out"
