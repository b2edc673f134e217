#!/usr/bin/env bash
# Scale benchmark of `turfwatch score`: 10M posts from 1M accounts (simulate's `scale` scenario).
#
# Usage: scripts/bench/coordination_scale.sh [DATA_DIR] [SCENARIO]
#   DATA_DIR  where the simulated data and scores go (default /tmp/turfwatch-bench/coordination)
#   SCENARIO  simulate scenario (default scale: 1,000,000 accounts, about 10M posts)
#
# The timing covers `turfwatch score` end to end: reading and decoding classified.jsonl (the
# classify output contract), extracting items, MinHash-LSH, pair counting, null model, Louvain,
# evidence and writing every output file. Generating the data (turfwatch simulate) is not timed
# in the figure; it runs once and is reused when DATA_DIR already holds it.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-/tmp/turfwatch-bench/coordination}
SCENARIO=${2:-scale}
mkdir -p "$DATA"
swift build -c release --product turfwatch >&2
BIN=.build/release/turfwatch
if [[ ! -s "$DATA/$SCENARIO/classified.jsonl" ]]; then
    echo "generating $SCENARIO scenario into $DATA/$SCENARIO" >&2
    /usr/bin/time -f "simulate: %e s wall, %M KB peak" "$BIN" simulate --scenario "$SCENARIO" --seed 1 \
        --formats classified --out "$DATA/$SCENARIO"
fi
echo "input: $(wc -l < "$DATA/$SCENARIO/classified.jsonl") posts, $(du -h "$DATA/$SCENARIO/classified.jsonl" | cut -f1)"
echo "load before: $(uptime)"
/usr/bin/time -v "$BIN" score "$DATA/$SCENARIO/classified.jsonl" --threads 2 --out "$DATA/$SCENARIO/score" \
    2> >(tee "$DATA/$SCENARIO/score.time" >&2)
echo "load after: $(uptime)"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time|Percent of CPU" "$DATA/$SCENARIO/score.time"
python3 scripts/eval/coordination_quality.py "$DATA/$SCENARIO/truth.csv" "$DATA/$SCENARIO/score/accounts.csv"
