#!/usr/bin/env bash
# Long soak: `geopol watch` against a local feed that publishes every 5 s, for SECONDS
# (default 1800). Prints the JSON figures (memory, threads, files, articles in and out).
#   scripts/soak.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
"${PYTHON:-.venv/bin/python}" benchmarks/soak.py --seconds "${1:-1800}" --publish-every 5 --every 5s
