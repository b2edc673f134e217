#!/usr/bin/env bash
# Rule-overlay cost per post (prefilter + PCRE2 + score overlay) on one core, for generated rule
# sets of 10, 100 and 1,000 rules and for Models/stance-rules.yaml, over 1M posts (real tweets
# from ../shared/data/tweeteval-stance cycled, 1% of them rule examples).
# Usage: scripts/bench/rules.sh [POSTS] [SIZES]     e.g. scripts/bench/rules.sh 1000000 10,100,1000
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${TURFWATCH_DATA:-$root/../shared/data}/tweeteval-stance/jsonl"
posts="${1:-1000000}"
sizes="${2:-10,100,1000}"
cd "$root/Benchmarks"
swift build -c release --product RulesBench >&2
echo "machine: $(nproc) cores; load before: $(uptime | sed 's/.*load average: //')"
.build/release/RulesBench "$data" "$root/Models/stance-rules.yaml" "$posts" "$sizes"
echo "load after: $(uptime | sed 's/.*load average: //')"
