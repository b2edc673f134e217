#!/usr/bin/env bash
# turfwatch's coordination scorer side by side with the QUT coordination-network-toolkit
# (https://github.com/QUT-Digital-Observatory/coordination-network-toolkit) on the same simulated
# posts with planted campaigns.
#
# 1. Builds turfwatch (release) and simulates a scenario (default: `default`, seed 1).
# 2. turfwatch: `turfwatch score classified.jsonl --out DIR`, timed end to end (wall and CPU).
# 3. QUT toolkit: converts posts.jsonl to its CSV input (message_id, user_id, username, repost_id,
#    reply_id, message, timestamp, urls), then `preprocess` and `compute` co_retweet, co_tweet,
#    co_similar_tweet and co_link networks with the same time window, timed end to end
#    (conversion included; wall and CPU, worker processes included). Its score for an account is its weighted degree summed over the four
#    networks, scaled to 0..1.
# 4. Both scored through scripts/eval/coordination_quality.py: AUC-PR, precision/recall at k,
#    organic hard negatives in the top k; then the speed ratio.
#
# Environment: SCENARIO, SEED, SIM_ARGS, SCORE_ARGS (as scripts/eval/coordination_quality.sh),
# QUT_WINDOW (seconds, default 60), QUT_MIN_WEIGHT (default 2), QUT_SIMILARITY (default 0.8),
# QUT_CPUS (default: all cores), WORK (keep files there).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SCENARIO="${SCENARIO:-default}"
SEED="${SEED:-1}"
QUT_WINDOW="${QUT_WINDOW:-60}"
QUT_MIN_WEIGHT="${QUT_MIN_WEIGHT:-2}"
QUT_SIMILARITY="${QUT_SIMILARITY:-0.8}"
QUT_CPUS="${QUT_CPUS:-$(nproc)}"
WORK="${WORK:-$(mktemp -d)}"
mkdir -p "$WORK"

python3 -m pip install -q coordination-network-toolkit >&2
swift build -c release --product turfwatch >&2
BIN="$ROOT/.build/release/turfwatch"
EVAL="$ROOT/scripts/eval/coordination_quality.py"
# Every timed command appends "wall user system" seconds (children included) to a file.
timed() { local out="$1"; shift; /usr/bin/time -a -o "$out" -f "%e %U %S" "$@"; }
total() { python3 -c "import sys; rows=[list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip() and l[0].isdigit()]; print(f'{sum(r[0] for r in rows):.2f} {sum(r[1]+r[2] for r in rows):.2f}')" "$1"; }

echo "== simulate: scenario $SCENARIO, seed $SEED, files in $WORK" >&2
# shellcheck disable=SC2086
"$BIN" simulate --scenario "$SCENARIO" --seed "$SEED" ${SIM_ARGS:-} --out "$WORK/sim"
wc -l "$WORK/sim/posts.jsonl" >&2

echo "== turfwatch score" >&2
uptime >&2
rm -f "$WORK/turfwatch.time" "$WORK/qut.time"
# shellcheck disable=SC2086
timed "$WORK/turfwatch.time" "$BIN" score "$WORK/sim/classified.jsonl" ${SCORE_ARGS:-} --out "$WORK/turfwatch"

echo "== QUT coordination-network-toolkit (window ${QUT_WINDOW}s, min weight $QUT_MIN_WEIGHT, $QUT_CPUS cpus)" >&2
uptime >&2
rm -f "$WORK/qut.db" "$WORK/qut.db-wal" "$WORK/qut.db-shm"
timed "$WORK/qut.time" python3 - "$WORK/sim/posts.jsonl" "$WORK/qut.csv" <<'PY'
"""twarc2 flattened lines -> the toolkit's CSV input (expanded URLs, space-separated)."""
import csv, json, sys
from datetime import datetime, timezone
with open(sys.argv[1], encoding="utf-8") as source, open(sys.argv[2], "w", newline="", encoding="utf-8") as target:
    writer = csv.writer(target)
    writer.writerow(["message_id", "user_id", "username", "repost_id", "reply_id", "message", "timestamp", "urls"])
    for line in source:
        tweet = json.loads(line)
        repost = reply = ""
        for reference in tweet.get("referenced_tweets", []):
            if reference["type"] == "retweeted":
                repost = reference["id"]
            elif reference["type"] == "replied_to":
                reply = reference["id"]
        stamp = int(datetime.strptime(tweet["created_at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp())
        urls = " ".join(url["expanded_url"] for url in tweet.get("entities", {}).get("urls", []))
        writer.writerow([tweet["id"], tweet["author_id"], tweet["author"]["username"], repost, reply, tweet["text"], stamp, urls])
PY
timed "$WORK/qut.time" python3 -m coordination_network_toolkit "$WORK/qut.db" preprocess --format csv "$WORK/qut.csv" >&2
for network in co_retweet co_tweet co_similar_tweet co_link; do
    timed "$WORK/qut.time" python3 -m coordination_network_toolkit "$WORK/qut.db" compute "$network" \
        --time_window "$QUT_WINDOW" --min_edge_weight "$QUT_MIN_WEIGHT" \
        --similarity_threshold "$QUT_SIMILARITY" --n_cpus "$QUT_CPUS" >&2
done
timed "$WORK/qut.time" python3 - "$WORK/qut.db" "$WORK/qut_accounts.csv" <<'PY'
"""Weighted degree over the four networks (self loops excluded), scaled to 0..1."""
import csv, sqlite3, sys
from collections import defaultdict
db = sqlite3.connect(sys.argv[1])
degree = defaultdict(float)
for table in ("co_retweet_network", "co_tweet_network", "co_similar_tweet_network", "co_link_network"):
    for user_1, user_2, weight in db.execute(f"select user_1, user_2, weight from {table} where user_1 != user_2"):
        degree[str(user_1)] += weight
        degree[str(user_2)] += weight
top = max(degree.values(), default=1.0)
with open(sys.argv[2], "w", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(["account_id", "score", "rank"])
    for rank, (user, value) in enumerate(sorted(degree.items(), key=lambda item: (-item[1], item[0])), start=1):
        writer.writerow([user, f"{value / top:.6f}", rank])
PY
uptime >&2
read -r TURF_WALL TURF_CPU < <(total "$WORK/turfwatch.time")
read -r QUT_WALL QUT_CPU < <(total "$WORK/qut.time")

echo
python3 "$EVAL" "$WORK/sim/truth.csv" "$WORK/turfwatch/accounts.csv" --label "turfwatch score" --json "$WORK/turfwatch.json"
python3 "$EVAL" "$WORK/sim/truth.csv" "$WORK/qut_accounts.csv" --label "QUT toolkit (weighted degree)" --json "$WORK/qut.json"
echo
python3 - "$WORK/qut.db" "$WORK/sim/truth.csv" "$ROOT/scripts/eval" <<'PY'
"""For fairness, each QUT network alone (weighted degree), not only their sum."""
import sqlite3, sys
from collections import defaultdict
sys.path.insert(0, sys.argv[3])
import coordination_quality as quality
truth = quality.read_truth(sys.argv[2])
db = sqlite3.connect(sys.argv[1])
for table in ("co_retweet_network", "co_tweet_network", "co_similar_tweet_network", "co_link_network"):
    degree = defaultdict(float)
    for user_1, user_2, weight in db.execute(f"select user_1, user_2, weight from {table} where user_1 != user_2"):
        degree[str(user_1)] += weight
        degree[str(user_2)] += weight
    result = quality.evaluate(truth, {user: (value, None) for user, value in degree.items()})
    print(f"QUT {table:<26} AUC-PR {result['auc_pr']:.4f}  P@k {result['precision_at_k']:.4f}")
PY
echo
python3 - "$WORK/turfwatch.json" "$WORK/qut.json" "$TURF_WALL" "$TURF_CPU" "$QUT_WALL" "$QUT_CPU" <<'PY'
import json, sys
turf, qut = (json.load(open(path)) for path in sys.argv[1:3])
turf_wall, turf_cpu, qut_wall, qut_cpu = map(float, sys.argv[3:7])
print(f"{'':<28}{'AUC-PR':>8}{'P@k':>8}{'news@k':>8}{'wall s':>9}{'CPU s':>9}")
for label, result, wall, cpu in (("turfwatch score", turf, turf_wall, turf_cpu), ("QUT toolkit, 4 networks", qut, qut_wall, qut_cpu)):
    news = result["organic_in_top_k"].get("news_reactor", 0)
    print(f"{label:<28}{result['auc_pr']:>8.4f}{result['precision_at_k']:>8.4f}{news:>8}{wall:>9.2f}{cpu:>9.2f}")
print(f"turfwatch is {qut_wall / max(turf_wall, 1e-9):.1f}x faster in wall time and uses "
      f"{qut_cpu / max(turf_cpu, 1e-9):.1f}x less CPU; AUC-PR {turf['auc_pr']:.4f} vs {qut['auc_pr']:.4f}")
PY
