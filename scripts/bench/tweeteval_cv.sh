#!/usr/bin/env bash
# Model selection for TweetEval stance without the test split: 5-fold cross-validation on each
# target's train+val, confusion matrices pooled over the five targets, pooled and mean CV F_avg.
# SEEDS (default "1") repeats the CV with other fold shuffles (--seed) and prints the mean; folds
# of 40-70 tweets are small, so one shuffle's figure moves by several tenths.
# usage: [SEEDS="1 2 3"] scripts/bench/tweeteval_cv.sh ALGO [train flags...]
#   e.g. scripts/bench/tweeteval_cv.sh lr --stop-token '#semst' --word-ngrams 3 --char-ngrams 2-5 --hash-bits 18 --C 10 --balanced
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-../shared/data/tweeteval-stance/jsonl}
SEEDS=${SEEDS:-1}
swift build -c release --product turfwatch >&2
BIN="$(swift build -c release --show-bin-path)/turfwatch"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
algo=$1; shift
for seed in $SEEDS; do
  for target in abortion atheism climate feminist hillary; do
    "$BIN" train --data "$DATA/$target/train.jsonl" "$DATA/$target/val.jsonl" --algo "$algo" \
      --out "$WORK/$target.safetensors" --folds 5 --seed "$seed" --json "$@" >"$WORK/$seed-$target.json" 2>/dev/null
  done
done
python3 - "$WORK" "$algo $*" "$SEEDS" <<'PY'
import json, sys
def favg(cm):  # label order AGAINST, FAVOR, NONE
    scores = []
    for k in (0, 1):
        tp = cm[k][k]; predicted = sum(row[k] for row in cm); gold = sum(cm[k])
        p = tp / predicted if predicted else 0; r = tp / gold if gold else 0
        scores.append(2 * p * r / (p + r) if p + r else 0)
    return 50 * sum(scores)
pooled, means = [], []
for seed in sys.argv[3].split():
    total, per = None, []
    for target in ("abortion", "atheism", "climate", "feminist", "hillary"):
        cm = json.load(open(f"{sys.argv[1]}/{seed}-{target}.json"))["confusion"]
        per.append(favg(cm))
        total = cm if total is None else [[a + b for a, b in zip(x, y)] for x, y in zip(total, cm)]
    pooled.append(favg(total)); means.append(sum(per) / len(per))
detail = f" (seeds {sys.argv[3]}: {' '.join(f'{p:.2f}' for p in pooled)})" if len(pooled) > 1 else ""
print(f"CV pooled F_avg {sum(pooled) / len(pooled):.2f}, mean over targets {sum(means) / len(means):.2f}{detail} | {sys.argv[2]}")
PY
