#!/usr/bin/env bash
# Fast model exploration for TweetEval stance in Python, on turfwatch's own hashed features and
# train+val only (the test split is never exported). Exports raw counts (no L2) once per feature
# set, then scripts/eval/tweeteval_explore.py scores each configuration by REPEATS x 5-fold CV
# with cross-fitted decision offsets. The rows of docs/models.md's exploration table come from it.
# usage: [REPEATS=3] scripts/eval/tweeteval_explore.sh 'FEATS|[(view, l2, model, weight, standardise), ...]' ...
#   FEATS: wc18 (word 1-3 + char 2-5, 2^18), wc20 (same, 2^20), w20 (word 1-3), c20 (char 2-5),
#          c16w20 (char 1-6); join with + to stack, e.g. w20+c20
#   e.g. scripts/eval/tweeteval_explore.sh "wc18|[('binary',True,{'algo':'lr','C':10,'balanced':True},1,True),('counts',False,{'algo':'nb','alpha':0.1},1,True)]"
set -euo pipefail
cd "$(dirname "$0")/../.."
pip install -q scikit-learn scipy numpy
DATA=${DATA:-../shared/data/tweeteval-stance/jsonl}
FEATS=${FEATS:-$(mktemp -d)}
swift build -c release --product turfwatch >&2
BIN="$(swift build -c release --show-bin-path)/turfwatch"
export_set() {
  local name=$1; shift
  for t in abortion atheism climate feminist hillary; do
    [ -f "$FEATS/$name-$t-trval.svm" ] || "$BIN" features --data "$DATA/$t/train.jsonl" "$DATA/$t/val.jsonl" \
      --svmlight "$FEATS/$name-$t-trval.svm" --stop-token '#semst' --weighting counts --no-l2 "$@" 2>/dev/null
  done
}
export_set wc18 --word-ngrams 3 --char-ngrams 2-5 --hash-bits 18
export_set wc20 --word-ngrams 3 --char-ngrams 2-5 --hash-bits 20
export_set w20 --word-ngrams 3 --hash-bits 20
export_set c20 --word-ngrams 0 --char-ngrams 2-5 --hash-bits 20
export_set c16w20 --word-ngrams 0 --char-ngrams 1-6 --hash-bits 20
python3 scripts/eval/tweeteval_explore.py "$FEATS" "${REPEATS:-3}" "$@"
