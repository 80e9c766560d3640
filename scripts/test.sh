#!/usr/bin/env bash
# Set up (idempotent) and run the whole test suite, type check included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Test-only: LibreOffice converts the drafted DOCX (set in Amiri, which it must have as a system font) to PDF in
# tests/generator, and rebuilds the corpus's Arabic PDFs (Noto Naskh Arabic) for the corpus check; installed only
# when missing.
if { ! command -v soffice >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic" \
     || ! fc-list 2>/dev/null | grep -qi "Amiri"; } && command -v apt-get >/dev/null; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-noto-core fonts-hosny-amiri >&2
fi
.venv/bin/mypy
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
