#!/usr/bin/env bash
# Cross-domain check of the shipped model on real tweets: TweetEval's `hillary` target (SemEval-2016
# stance towards Hillary Clinton, 2016 US election), whose AGAINST label is a real "against a
# candidate" stance. The shipped model was trained only on TrainingData/ (synthetic, UK by-election
# and Russia/Ukraine); this measures how its `anti_candidate` label transfers, nothing was tuned on it.
# Prints precision, recall and F1 of anti_candidate as a detector of AGAINST on the test split, and
# the same on train+val (more tweets, still never used for training).
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${DATA:-../shared/data/tweeteval-stance/jsonl/hillary}
[ -d "$data" ] || { echo "shipped_model_tweeteval.sh: $data not found" >&2; exit 1; }
swift build -c release --product turfwatch >&2
bin="$(swift build -c release --show-bin-path)/turfwatch"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for split in test trainval; do
    if [ "$split" = test ]; then cat "$data/test.jsonl"; else cat "$data/train.jsonl" "$data/val.jsonl"; fi > "$work/$split.jsonl"
    "$bin" classify --model Models/stance.safetensors --format jsonl --map text=text,id=id --no-progress \
        "$work/$split.jsonl" > "$work/$split.out" 2>/dev/null
    python3 - "$work/$split.jsonl" "$work/$split.out" "$split" <<'PY'
import json, sys
gold = [json.loads(line)["label"] for line in open(sys.argv[1])]
pred = ["anti_candidate" in json.loads(line)["labels"] for line in open(sys.argv[2])]
assert len(gold) == len(pred), (len(gold), len(pred))
tp = sum(g == "AGAINST" and p for g, p in zip(gold, pred))
fp = sum(g != "AGAINST" and p for g, p in zip(gold, pred))
fn = sum(g == "AGAINST" and not p for g, p in zip(gold, pred))
precision = tp / (tp + fp) if tp + fp else 0.0
recall = tp / (tp + fn) if tp + fn else 0.0
f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
flagged_favor = sum(g == "FAVOR" and p for g, p in zip(gold, pred))
print(f"hillary {sys.argv[3]:8s} n={len(gold):4d} AGAINST={gold.count('AGAINST'):4d}  anti_candidate as AGAINST: "
      f"P {100*precision:5.1f}  R {100*recall:5.1f}  F1 {100*f1:5.1f}  (FAVOR tweets flagged: {flagged_favor})")
PY
done
