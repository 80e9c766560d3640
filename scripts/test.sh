#!/usr/bin/env bash
# Set up (idempotent) and run the whole test suite, type check included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/mypy
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
