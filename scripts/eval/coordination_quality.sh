#!/usr/bin/env bash
# Detection quality of `turfwatch score` on a simulated scenario with planted campaigns.
#
# Builds turfwatch in release, simulates the scenario (default: the `default` scenario, seed 1),
# scores its oracle-classified posts and prints AUC-PR, precision/recall at k and the organic
# hard negatives in the top k (scripts/eval/coordination_quality.py).
#
# Environment: SCENARIO (default|small|hard|scale), SEED, SIM_ARGS (extra simulate flags),
# SCORE_ARGS (extra score flags), WORK (keep files there instead of a temporary directory).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SCENARIO="${SCENARIO:-default}"
SEED="${SEED:-1}"
WORK="${WORK:-$(mktemp -d)}"
mkdir -p "$WORK"

swift build -c release --product turfwatch >&2
BIN="$ROOT/.build/release/turfwatch"

echo "scenario $SCENARIO, seed $SEED, files in $WORK" >&2
uptime >&2
# shellcheck disable=SC2086
"$BIN" simulate --scenario "$SCENARIO" --seed "$SEED" --formats classified ${SIM_ARGS:-} --out "$WORK/sim"
start=$(date +%s.%N)
# shellcheck disable=SC2086
"$BIN" score "$WORK/sim/classified.jsonl" ${SCORE_ARGS:-} --out "$WORK/score"
end=$(date +%s.%N)
echo "turfwatch score: $(python3 -c "print(f'{$end - $start:.2f}')") s wall" >&2
python3 "$ROOT/scripts/eval/coordination_quality.py" "$WORK/sim/truth.csv" "$WORK/score/accounts.csv" \
    --label "turfwatch ($SCENARIO, seed $SEED)" --json "$WORK/quality.json"
