#!/usr/bin/env bash
# Training speed on 1M synthetic posts (3 stances, Zipfian vocabulary, noisy stance cues), side by
# side on the same posts: turfwatch NB vs a scikit-learn HashingVectorizer+MultinomialNB pipeline,
# turfwatch LR vs fastText (supervised, 5 epochs, word bigrams, 2 threads). Each is timed from the
# text file to a fitted model; macro-F1 is measured on 100k held-out posts. Wall and CPU seconds
# (user + system, all threads) are printed for each, with the load average: on a shared machine
# the CPU figure is the steadier comparison.
# POSTS=200000 scripts/bench/train_speed.sh runs a smaller version; LR_TOL sets LR's tolerance (default 1e-4, scikit-learn's).
set -euo pipefail
cd "$(dirname "$0")/../.."
POSTS=${POSTS:-1000000}
python3 -m pip install -q scikit-learn fasttext-wheel numpy >&2
swift build -c release --product turfwatch >&2
BIN="$(swift build -c release --show-bin-path)/turfwatch"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 scripts/bench/make_speed_posts.py "$POSTS" 100000 "$WORK"
echo "posts: $POSTS train, 100000 test; load: $(uptime)"

FEATURES=(--word-ngrams 2 --hash-bits 18)
LR_TOL=${LR_TOL:-1e-4}
# Runs a command, discarding its output; prints "WALL CPU" seconds (CPU = user + system).
timed() {
  local TIMEFORMAT='%R %U %S'
  { time "$@" >/dev/null 2>&1; } 2>"$WORK/time"
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$WORK/time"
}
macro_f1() { "$BIN" evaluate --model "$1" --data "$WORK/test.jsonl" --json | python3 -c 'import json,sys; print("%.4f" % json.load(sys.stdin)["macroF1"])'; }

read -r nb_time nb_cpu < <(timed "$BIN" train --data "$WORK/train.jsonl" --algo nb --alpha 0.1 --folds 0 --weighting counts --no-l2 \
  "${FEATURES[@]}" --out "$WORK/nb.safetensors")
echo "turfwatch nb: train ${nb_time} s wall, ${nb_cpu} s CPU, macro-F1 $(macro_f1 "$WORK/nb.safetensors"); load: $(uptime)"
read -r lr_time lr_cpu < <(timed "$BIN" train --data "$WORK/train.jsonl" --algo lr --C 1 --folds 0 --tol "$LR_TOL" \
  "${FEATURES[@]}" --out "$WORK/lr.safetensors")
echo "turfwatch lr (tol $LR_TOL): train ${lr_time} s wall, ${lr_cpu} s CPU, macro-F1 $(macro_f1 "$WORK/lr.safetensors"); load: $(uptime)"
python3 scripts/bench/speed_baselines.py "$WORK" "$nb_time" "$lr_time"
echo "load: $(uptime)"
