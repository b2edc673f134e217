#!/usr/bin/env bash
# Screenshots a turfwatch HTML report with headless Chromium at 1280 px wide, so a person (or a
# review) can check the layout: no overlapping labels, charts with axes and legends.
#
#   scripts/report_screenshot.sh REPORT.html OUT.png [HEIGHT]
#
# Installs Debian's chromium when it is missing. HEIGHT (default 5200) is the window height:
# headless Chromium captures the window, so a tall window captures the whole page.
set -euo pipefail
report=${1:?usage: report_screenshot.sh REPORT.html OUT.png [HEIGHT]}
out=${2:?usage: report_screenshot.sh REPORT.html OUT.png [HEIGHT]}
height=${3:-5200}
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
report_path=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
out_path=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1280,"$height" --screenshot="$out_path" "file://$report_path" 2>/dev/null
echo "wrote $out_path (1280x$height)"
