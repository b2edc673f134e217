#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer in its own build folder (.build-asan), so the
# normal debug build is left alone. Extra arguments go to `swift test`, e.g. a subset:
#   scripts/sanitize/asan.sh --filter 'TurfIOTests|BadInputTests'
set -euo pipefail
cd "$(dirname "$0")/../.."
# Leak checking is off: Foundation and the Swift runtime keep process-lifetime caches that
# LeakSanitizer reports; memory errors (overflows, use-after-free) are what this run is for.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
exec swift test --sanitize=address --scratch-path .build-asan "$@"
