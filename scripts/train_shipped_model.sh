#!/usr/bin/env bash
# Rebuilds Models/stance.safetensors from TrainingData/, byte for byte: the same data, settings,
# cross-validation seed and recorded creation time (SOURCE_DATE_EPOCH) give the same file.
# Prints the cross-validated report that Models/README.md quotes.
#
#   scripts/train_shipped_model.sh [OUT]        (default OUT: Models/stance.safetensors)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Models/stance.safetensors}
swift build -c release --product turfwatch >&2
bin="$(swift build -c release --show-bin-path)/turfwatch"
# Candidate names are masked as <target>, so the model learns the shape of an attack on a
# candidate rather than one by-election's names (TrainingData/DATASHEET.md lists them).
targets=(--target "Paul Nuttall" --target Nuttall --target "Gareth Snell" --target Snell
         --target "Jack Brereton" --target Brereton --target "Zulfiqar Ali" --target "Adam Colclough"
         --target Colclough --target Сидоренко)
SOURCE_DATE_EPOCH=1735689600 "$bin" train \
    --data TrainingData/stance-en.jsonl TrainingData/stance-ru.jsonl \
    --algo lr --word-ngrams 2 --char-ngrams 2-5 --hash-bits 20 --folds 5 --search --seed 1 \
    "${targets[@]}" --out "$out"
