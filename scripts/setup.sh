#!/usr/bin/env bash
# Create .venv and install tally with what it needs; does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv 2>/dev/null; then
    # Debian's python3 needs python3-venv for `python3 -m venv`.
    rm -rf .venv
    apt-get update -qq && apt-get install -y -qq python3-venv >&2
    "$PY" -m venv .venv
  fi
fi
stamp=.venv/.tally-installed
want=$(sha256sum pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -x .venv/bin/tally ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]" >&2
  echo "$want" > "$stamp"
fi
