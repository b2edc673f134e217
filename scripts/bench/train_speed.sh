#!/usr/bin/env bash
# Training speed on 1M synthetic posts (3 stances, Zipfian vocabulary, noisy stance cues), side by
# side on the same posts: turfwatch NB vs a scikit-learn HashingVectorizer+MultinomialNB pipeline,
# turfwatch LR vs fastText (supervised, 5 epochs, word bigrams, 2 threads). Each is timed from the
# text file to a fitted model; macro-F1 is measured on 100k held-out posts.
# POSTS=200000 scripts/bench/train_speed.sh runs a smaller version.
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
timed() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); echo "$end - $start" | bc; }

nb_time=$(timed "$BIN" train --data "$WORK/train.jsonl" --algo nb --alpha 0.1 --folds 0 --weighting counts --no-l2 \
  "${FEATURES[@]}" --out "$WORK/nb.safetensors" 2>/dev/null)
nb_f1=$("$BIN" evaluate --model "$WORK/nb.safetensors" --data "$WORK/test.jsonl" --json | python3 -c 'import json,sys; print("%.4f" % json.load(sys.stdin)["macroF1"])')
lr_time=$(timed "$BIN" train --data "$WORK/train.jsonl" --algo lr --C 1 --folds 0 --tol 1e-3 \
  "${FEATURES[@]}" --out "$WORK/lr.safetensors" 2>/dev/null)
lr_f1=$("$BIN" evaluate --model "$WORK/lr.safetensors" --data "$WORK/test.jsonl" --json | python3 -c 'import json,sys; print("%.4f" % json.load(sys.stdin)["macroF1"])')
echo "turfwatch nb: train ${nb_time} s, macro-F1 ${nb_f1}"
echo "turfwatch lr: train ${lr_time} s, macro-F1 ${lr_f1}"
python3 scripts/bench/speed_baselines.py "$WORK" "$nb_time" "$lr_time"
echo "load: $(uptime)"
