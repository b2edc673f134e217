#!/usr/bin/env bash
# Runs the test suite under ThreadSanitizer in its own build folder (.build-tsan), so the
# normal debug build is left alone. Extra arguments go to `swift test`, e.g. a subset:
#   scripts/sanitize/tsan.sh --filter 'TurfPipelineTests|TurfCoordinationTests'
set -euo pipefail
cd "$(dirname "$0")/../.."
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
exec swift test --sanitize=thread --scratch-path .build-tsan "$@"
