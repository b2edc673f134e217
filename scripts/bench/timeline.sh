#!/usr/bin/env bash
# Timeline benchmark: ACCOUNTS simulated accounts x DAYS daily buckets (default 1M x 90),
# generated in-process on 2 threads, then merge, change points on 2 threads, population bursts.
# Prints each phase's time, the wall time and peak memory (/usr/bin/time -v), and the load.
# With OUT=dir it also writes timelines/switches/population JSONL there (timed separately).
set -euo pipefail
cd "$(dirname "$0")/../.."
ACCOUNTS=${ACCOUNTS:-1000000}
DAYS=${DAYS:-90}
PACKAGE=Benchmarks
swift build -c release --package-path "$PACKAGE" --product TimelineBench > /tmp/timeline-build.$$ 2>&1 || { cat /tmp/timeline-build.$$; exit 1; }; tail -1 /tmp/timeline-build.$$
BIN="$PACKAGE/.build/release/TimelineBench"
echo "load before: $(uptime)"
/usr/bin/time -v "$BIN" scale "$ACCOUNTS" "$DAYS" ${OUT:+"$OUT"} 2>/tmp/timeline-bench-time.$$ | sed 's/^/  /'
grep -E "Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU|User time|System time" /tmp/timeline-bench-time.$$ | sed 's/^\s*/  /'
rm -f /tmp/timeline-bench-time.$$
echo "load after: $(uptime)"
