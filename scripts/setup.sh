#!/usr/bin/env bash
# Create .venv and install tally with what it needs; does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."
# System libraries WeasyPrint needs to draft PDFs (Pango; HarfBuzz subsetting keeps embedding fonts fast).
missing=$(for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || echo "$pkg"; done)
if [ -n "$missing" ] && command -v apt-get >/dev/null; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
fi
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
