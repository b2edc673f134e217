#!/usr/bin/env bash
# Parser choice for `turfwatch classify`, measured: Foundation's JSONDecoder vs TurfIO's JSONTape
# on twarc2 flattened JSON Lines, and CSV.swift 2.5.2 vs TurfIO's CSV scanner on an
# information-operations-archive CSV. Single thread; times are process CPU time.
# usage: scripts/bench/classify-parsers.sh [POSTS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
posts="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/bench/classify_gen.py "$posts" "$work/tweets.jsonl"
python3 scripts/bench/classify_gen.py "$posts" "$work/archive.csv" --io-archive
(cd scripts/bench/classify-parsers && swift build -c release >/dev/null)
echo "machine: $(nproc) cores; load: $(uptime | sed 's/.*load average: //')"
echo "inputs: $(du -h "$work/tweets.jsonl" | cut -f1) JSONL, $(du -h "$work/archive.csv" | cut -f1) CSV, $posts posts each"
scripts/bench/classify-parsers/.build/release/classify-parsers json "$work/tweets.jsonl"
scripts/bench/classify-parsers/.build/release/classify-parsers csv "$work/archive.csv"
