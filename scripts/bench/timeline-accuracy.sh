#!/usr/bin/env bash
# Switch-detection accuracy on seeded simulated accounts (90 days, 15% label noise, 10% second
# labels, 30% of accounts switch once at a random day, 5% too rare to judge), per activity band.
set -euo pipefail
cd "$(dirname "$0")/../.."
ACCOUNTS=${ACCOUNTS:-20000}
NOISE=${NOISE:-0.15}
PACKAGE=Benchmarks
swift build -c release --package-path "$PACKAGE" --product TimelineBench > /tmp/timeline-build.$$ 2>&1 || { cat /tmp/timeline-build.$$; exit 1; }; tail -1 /tmp/timeline-build.$$
BIN="$PACKAGE/.build/release/TimelineBench"
for band in "0.3 1" "1 2" "2 4" "4 8" "2 8" "1 8" "0.3 6"; do
    # shellcheck disable=SC2086
    "$BIN" accuracy "$ACCOUNTS" $band "$NOISE" 2017
    echo
done
