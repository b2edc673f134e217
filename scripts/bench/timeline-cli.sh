#!/usr/bin/env bash
# End-to-end `turfwatch timeline` on a classify-format JSONL file of simulated accounts
# (default 5000 accounts x 90 days): reading and decoding, timelines, switches, writing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ACCOUNTS=${ACCOUNTS:-5000}
WORK=${WORK:-/tmp/turfwatch-timeline-cli}
PACKAGE=Benchmarks
mkdir -p "$WORK"
swift build -c release --product turfwatch > /tmp/timeline-build.$$ 2>&1 || { cat /tmp/timeline-build.$$; exit 1; }; tail -1 /tmp/timeline-build.$$
swift build -c release --package-path "$PACKAGE" --product TimelineBench > /tmp/timeline-build.$$ 2>&1 || { cat /tmp/timeline-build.$$; exit 1; }; tail -1 /tmp/timeline-build.$$
"$PACKAGE/.build/release/TimelineBench" export "$ACCOUNTS" "$WORK/classified.jsonl"
ls -l "$WORK/classified.jsonl"
echo "load before: $(uptime)"
/usr/bin/time -v .build/release/turfwatch timeline "$WORK/classified.jsonl" --out "$WORK/out" 2>"$WORK/time.txt" || { cat "$WORK/time.txt"; exit 1; }
grep -E "^timeline:|Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU|User time|System time" "$WORK/time.txt" | sed 's/^\s*/  /'
ls -l "$WORK/out"
echo "load after: $(uptime)"
