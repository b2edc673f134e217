#!/usr/bin/env bash
# TweetEval stance (SemEval-2016 Task 6A): per target, train on train+val and test on test, for every
# algorithm; prints the official F_avg pooled over all 1,249 test tweets and the mean over targets,
# plus the wall-clock time to train all five targets. Settings were chosen by 5-fold cross-validation
# on the training data only (see docs/models.md); the test split is used for nothing but this report.
# ALGOS="ens" runs a subset.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-../shared/data/tweeteval-stance/jsonl}
[ -d "$DATA" ] || { echo "tweeteval.sh: $DATA not found" >&2; exit 1; }
swift build -c release --product turfwatch >&2
BIN="$(swift build -c release --show-bin-path)/turfwatch"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
TARGETS="abortion atheism climate feminist hillary"
COMMON=(--stop-token '#semst' --word-ngrams 3 --char-ngrams 2-5 --hash-bits 18 --folds 5 --tune-offsets)
declare -A SETTINGS=(
  [nb]="--alpha 0.1 --weighting counts --no-l2"
  [cnb]="--alpha 0.3 --weighting counts --no-l2"
  [lr]="--C 10 --balanced"
  [nblr]="--C 0.3 --beta 1 --balanced --weighting binary --no-l2"
  [ens]="--alpha 0.1 --C 3 --balanced --weighting counts --no-l2 --second-view binary+l2"
)
ALGOS=${ALGOS:-nb cnb lr nblr ens}
echo "load: $(uptime)"
for algo in $ALGOS; do
  # Wall and CPU (user + system) seconds of the five trainings, for a shared machine's sake.
  TIMEFORMAT='%R %U %S'
  { time {
    for target in $TARGETS; do
      # shellcheck disable=SC2086
      "$BIN" train --data "$DATA/$target/train.jsonl" "$DATA/$target/val.jsonl" --algo "$algo" \
        --out "$WORK/$algo-$target.safetensors" "${COMMON[@]}" ${SETTINGS[$algo]} >/dev/null 2>"$WORK/$algo-$target.log"
    done
  }; } 2>"$WORK/time"
  read -r wall user system <"$WORK/time"
  for target in $TARGETS; do
    "$BIN" evaluate --model "$WORK/$algo-$target.safetensors" --data "$DATA/$target/test.jsonl" \
      --predictions "$WORK/$algo-$target.pred" >/dev/null
  done
  printf '%-5s train 5 targets %5.2f s wall %5.2f s CPU | %s\n' "$algo" "$wall" "$(echo "$user + $system" | bc)" \
    "$(python3 scripts/bench/tweeteval_score.py "$WORK/$algo-"*.pred)"
done
echo "load: $(uptime)"
