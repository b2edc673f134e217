#!/usr/bin/env bash
# End-to-end `turfwatch classify` benchmark against a scikit-learn pipeline on the same input.
#
# Generates N (default 1,000,000) synthetic tweets as twarc2 flattened JSON Lines, trains the
# same kind of model on both sides (logistic regression on word 1-2 grams hashed into 2^20
# buckets, log-TF, L2; tweeteval-stance train files from ../shared/data), then classifies the
# file end to end (read, parse, featurise, score, write JSON Lines) with each, under
# /usr/bin/time -v: posts/s, MB/s of input, peak RSS. turfwatch also runs on the first tenth
# of the file, to show its peak RSS does not grow with the input.
# usage: scripts/bench/classify.sh [POSTS] [THREADS]     (WORK=dir keeps the files there)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
posts="${1:-1000000}"
threads="${2:-2}"
data="$root/../shared/data/tweeteval-stance/jsonl"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT

python3 -m pip install -q scikit-learn numpy
swift build -c release --product turfwatch >/dev/null
(cd scripts/bench/classify-parsers && swift build -c release >/dev/null)

if [ ! -s "$work/tweets-$posts.jsonl" ]; then
    python3 scripts/bench/classify_gen.py "$posts" "$work/tweets-$posts.jsonl"
fi
input="$work/tweets-$posts.jsonl"
tenth="$work/tweets-$posts-tenth.jsonl"
head -n $((posts / 10)) "$input" > "$tenth"
bytes=$(stat -c %s "$input")

scripts/bench/classify-parsers/.build/release/classify-parsers train "$work/model.safetensors" "$data"/*/train.jsonl
python3 scripts/bench/classify_sklearn.py train "$data" "$work/model.pickle"

measure() { # name count bytes command...: runs under /usr/bin/time -v, prints one line
    local name="$1" count="$2" size="$3"
    shift 3
    local load
    load="$(uptime | sed 's/.*load average: //')"
    /usr/bin/time -v "$@" 2> "$work/time.txt" >/dev/null || { cat "$work/time.txt"; exit 1; }
    python3 - "$name" "$count" "$size" "$work/time.txt" "$load" <<'PY'
import re, sys
name, count, size, path, load = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
text = open(path).read()
def field(label):
    return re.search(re.escape(label) + r"\s*(.+)", text).group(1).strip()
parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss):").split(":")]
wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(field("User time (seconds):")) + float(field("System time (seconds):"))
rss = int(field("Maximum resident set size (kbytes):")) / 1024
print(f"{name:<28} {count:>9} posts {size / 1e6:8.1f} MB  wall {wall:7.2f} s  cpu {cpu:7.2f} s  "
      f"{count / wall:9.0f} posts/s  {size / 1e6 / wall:6.1f} MB/s  peak RSS {rss:6.0f} MB  (load before: {load})")
with open(path + ".wall", "w") as out:
    out.write(f"{wall} {cpu}\n")
PY
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; turfwatch threads: $threads"
echo "input: $input ($((bytes / 1000000)) MB, $posts posts)"
measure "turfwatch classify (1/10)" $((posts / 10)) "$(stat -c %s "$tenth")" \
    .build/release/turfwatch classify --model "$work/model.safetensors" --threads "$threads" --no-progress \
    --out "$work/turfwatch-tenth.jsonl" "$tenth"
measure "turfwatch classify" "$posts" "$bytes" \
    .build/release/turfwatch classify --model "$work/model.safetensors" --threads "$threads" --no-progress \
    --out "$work/turfwatch.jsonl" "$input"
read -r turf_wall turf_cpu < "$work/time.txt.wall"
measure "scikit-learn (1 process)" "$posts" "$bytes" \
    python3 scripts/bench/classify_sklearn.py classify "$work/model.pickle" "$input" "$work/sklearn.jsonl"
read -r sk_wall sk_cpu < "$work/time.txt.wall"
python3 - "$turf_wall" "$turf_cpu" "$sk_wall" "$sk_cpu" "$work/turfwatch.jsonl" "$work/sklearn.jsonl" <<'PY'
import json, sys
turf_wall, turf_cpu, sk_wall, sk_cpu = map(float, sys.argv[1:5])
print(f"turfwatch vs scikit-learn: {sk_wall / turf_wall:.1f}x faster end to end (wall), {sk_cpu / turf_cpu:.1f}x less CPU time")
agree = total = 0
with open(sys.argv[5]) as a, open(sys.argv[6]) as b:
    for line_a, line_b in zip(a, b):
        x, y = json.loads(line_a), json.loads(line_b)
        assert x["id"] == y["id"], "outputs are not in the same order"
        agree += x["labels"] == y["labels"]
        total += 1
        if total == 20000:
            break
print(f"same order; labels agree on {agree / total:.1%} of the first {total} posts (two separately trained models)")
PY
