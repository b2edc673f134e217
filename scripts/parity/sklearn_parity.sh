#!/usr/bin/env bash
# Parity of turfwatch's NB, complement NB and logistic regression with scikit-learn on the very same
# hashed features (exported with `turfwatch features --svmlight`). Checks: NB/CNB log-probabilities
# within 1e-6 relative, the LR regularised objective within 1e-4 relative of scikit-learn's optimum,
# predictions agreeing on >= 99.5% of test posts, and that Python's `safetensors` opens the model.
# Uses the shared TweetEval stance data when ../shared/data exists, else a generated labelled set.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -m pip install -q scikit-learn safetensors numpy scipy >&2
swift build -c release --product turfwatch >&2
BIN="$(swift build -c release --show-bin-path)/turfwatch"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

SHARED=${PARITY_SHARED:-../shared/data/tweeteval-stance/jsonl}
if [ -d "$SHARED" ]; then
  echo "data: TweetEval stance, all five targets pooled (train+val -> test)"
  cat "$SHARED"/*/train.jsonl "$SHARED"/*/val.jsonl > "$WORK/train.jsonl"
  cat "$SHARED"/*/test.jsonl > "$WORK/test.jsonl"
  STOP=(--stop-token '#semst')
else
  echo "data: generated (../shared/data not found)"
  python3 scripts/parity/make_labelled.py "$WORK/train.jsonl" "$WORK/test.jsonl"
  STOP=()
fi

NB_FEATURES=("${STOP[@]}" --word-ngrams 2 --hash-bits 16 --weighting counts --no-l2)
LR_FEATURES=("${STOP[@]}" --word-ngrams 2 --char-ngrams 3-4 --hash-bits 16)
for algo in nb cnb; do
  "$BIN" train --data "$WORK/train.jsonl" --algo "$algo" --alpha 0.5 --folds 0 --out "$WORK/$algo.safetensors" "${NB_FEATURES[@]}" 2>/dev/null
done
"$BIN" train --data "$WORK/train.jsonl" --algo lr --C 2 --folds 0 --tol 1e-9 --max-iter 5000 \
  --out "$WORK/lr.safetensors" "${LR_FEATURES[@]}" 2>/dev/null
for algo in nb cnb lr; do
  "$BIN" features --model "$WORK/$algo.safetensors" --data "$WORK/train.jsonl" --svmlight "$WORK/$algo-train.svm" 2>/dev/null
  "$BIN" features --model "$WORK/$algo.safetensors" --data "$WORK/test.jsonl" --svmlight "$WORK/$algo-test.svm" 2>/dev/null
  "$BIN" evaluate --model "$WORK/$algo.safetensors" --data "$WORK/test.jsonl" --predictions "$WORK/$algo.pred" >/dev/null
done
python3 scripts/parity/compare.py "$WORK" 0.5 2
