#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (AddressSanitizer + fuzzer instrumentation) and runs each
# for a fixed budget, growing the corpus under Fuzz/Corpus/<target>/ (seed files are committed;
# new inputs go to Fuzz/Corpus/<target>/found/, which git ignores). Crashes land in Fuzz/Crashes/.
#
#   scripts/fuzz/run.sh                 # every target, 60 s each
#   scripts/fuzz/run.sh 120 FuzzRules   # one target, 120 s
#
# Prints one summary line a target: executions, corpus size, crashes.
set -euo pipefail
cd "$(dirname "$0")/../../Fuzz"
budget=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(FuzzTokenizer FuzzTwarc2 FuzzTwarcCSV FuzzIOArchive FuzzTrollTweets FuzzMappedJSONL FuzzMappedCSV FuzzLabelled FuzzRules FuzzModel)
fi
flags=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
for target in "${targets[@]}"; do
    if ! swift build "${flags[@]}" --product "$target" >"/tmp/turfwatch-fuzz-build.log" 2>&1; then
        grep -E "error" /tmp/turfwatch-fuzz-build.log | head -20
        exit 1
    fi
done
bin=$(swift build "${flags[@]}" --show-bin-path)
mkdir -p Crashes
# Symbolising a report on this shared machine can take minutes; the crash input is what matters.
export ASAN_OPTIONS=${ASAN_OPTIONS:-symbolize=0:detect_leaks=0}
for target in "${targets[@]}"; do
    mkdir -p "Corpus/$target/found"
    log="Crashes/$target.log"
    set +e
    "$bin/$target" "Corpus/$target/found" "Corpus/$target" -max_total_time="$budget" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -artifact_prefix="Crashes/$target-" -print_final_stats=1 >"$log" 2>&1
    status=$?
    set -e
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo 0)
    corpus=$(find "Corpus/$target" -type f | wc -l)
    crashes=$(find Crashes -name "$target-*" -type f | wc -l)
    echo "$target: $runs executions in ${budget}s, corpus $corpus files, crash files $crashes, exit $status (log Fuzz/$log)"
done
