#!/usr/bin/env bash
# turfwatch's coordination scorer side by side with the QUT coordination-network-toolkit
# (https://github.com/QUT-Digital-Observatory/coordination-network-toolkit) on the same simulated
# posts with planted campaigns.
#
# 1. Builds turfwatch (release) and simulates a scenario (default: `default`, seed 1).
# 2. turfwatch: `turfwatch score classified.jsonl --out DIR`, timed end to end.
# 3. QUT toolkit: converts posts.jsonl to its CSV input (message_id, user_id, username, repost_id,
#    reply_id, message, timestamp, urls), then `preprocess` and `compute` co_retweet, co_tweet,
#    co_similar_tweet and co_link networks with the same time window, timed end to end
#    (conversion included). Its score for an account is its weighted degree summed over the four
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
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }

echo "== simulate: scenario $SCENARIO, seed $SEED, files in $WORK" >&2
# shellcheck disable=SC2086
"$BIN" simulate --scenario "$SCENARIO" --seed "$SEED" ${SIM_ARGS:-} --out "$WORK/sim"
wc -l "$WORK/sim/posts.jsonl" >&2

echo "== turfwatch score" >&2
uptime >&2
t0=$(now)
# shellcheck disable=SC2086
"$BIN" score "$WORK/sim/classified.jsonl" ${SCORE_ARGS:-} --out "$WORK/turfwatch"
t1=$(now)
TURF_SECONDS=$(elapsed "$t0" "$t1")

echo "== QUT coordination-network-toolkit (window ${QUT_WINDOW}s, min weight $QUT_MIN_WEIGHT, $QUT_CPUS cpus)" >&2
uptime >&2
rm -f "$WORK/qut.db" "$WORK/qut.db-wal" "$WORK/qut.db-shm"
t0=$(now)
python3 - "$WORK/sim/posts.jsonl" "$WORK/qut.csv" <<'PY'
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
python3 -m coordination_network_toolkit "$WORK/qut.db" preprocess --format csv "$WORK/qut.csv" >&2
for network in co_retweet co_tweet co_similar_tweet co_link; do
    python3 -m coordination_network_toolkit "$WORK/qut.db" compute "$network" \
        --time_window "$QUT_WINDOW" --min_edge_weight "$QUT_MIN_WEIGHT" \
        --similarity_threshold "$QUT_SIMILARITY" --n_cpus "$QUT_CPUS" >&2
done
python3 - "$WORK/qut.db" "$WORK/qut_accounts.csv" <<'PY'
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
t1=$(now)
QUT_SECONDS=$(elapsed "$t0" "$t1")
uptime >&2

echo
python3 "$EVAL" "$WORK/sim/truth.csv" "$WORK/turfwatch/accounts.csv" --label "turfwatch score" --json "$WORK/turfwatch.json"
python3 "$EVAL" "$WORK/sim/truth.csv" "$WORK/qut_accounts.csv" --label "QUT toolkit (weighted degree)" --json "$WORK/qut.json"
echo
python3 - "$WORK/turfwatch.json" "$WORK/qut.json" "$TURF_SECONDS" "$QUT_SECONDS" <<'PY'
import json, sys
turf, qut = (json.load(open(path)) for path in sys.argv[1:3])
turf_seconds, qut_seconds = float(sys.argv[3]), float(sys.argv[4])
print(f"{'':<32}{'AUC-PR':>8}{'P@k':>8}{'news@k':>8}{'seconds':>10}")
for label, result, seconds in (("turfwatch score", turf, turf_seconds), ("QUT toolkit, 4 networks", qut, qut_seconds)):
    news = result["organic_in_top_k"].get("news_reactor", 0)
    print(f"{label:<32}{result['auc_pr']:>8.4f}{result['precision_at_k']:>8.4f}{news:>8}{seconds:>10.2f}")
print(f"turfwatch is {qut_seconds / max(turf_seconds, 1e-9):.1f}x faster end to end; "
      f"AUC-PR {turf['auc_pr']:.4f} vs {qut['auc_pr']:.4f}")
PY
