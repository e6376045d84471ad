#!/usr/bin/env bash
# Long fuzzing run: every atheris harness in fuzz/ for SECONDS each (default 300), then the
# hypothesis property tests with the "long" profile. New corpus entries go to a scratch
# folder (the seeds in fuzz/corpus stay as they are); crashes are written to fuzz/findings/.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-300}"
PY="${PYTHON:-.venv/bin/python}"
OUT="fuzz/findings"
WORK="$(mktemp -d)"
mkdir -p "$WORK/artifacts"
trap 'rm -rf "$WORK"' EXIT
status=0
for harness in fuzz/fuzz_*.py; do
    name="$(basename "$harness" .py)"
    target="${name#fuzz_}"
    mkdir -p "$WORK/$target"
    seeds=()
    [ -d "fuzz/corpus/$target" ] && seeds=("fuzz/corpus/$target")
    log="$WORK/$target.log"
    if "$PY" "$harness" -max_total_time="$SECONDS_EACH" -timeout=60 -rss_limit_mb=4096 \
        -artifact_prefix="$WORK/artifacts/$target-" "$WORK/$target" "${seeds[@]}" >"$log" 2>&1; then
        result="ok"
    else
        result="FAILED (see $OUT)"
        status=1
        mkdir -p "$OUT"
        cp "$log" "$OUT/$target.log"
        cp "$WORK/artifacts/$target-"* "$OUT/" 2>/dev/null || true
    fi
    runs="$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || echo "?")"
    echo "$target: $runs inputs in ${SECONDS_EACH} s: $result"
done
HYPOTHESIS_PROFILE=long "$PY" -m pytest -q -p no:cacheprovider \
    tests/reliability/test_reliability_properties.py || status=1
exit $status
