#!/usr/bin/env bash
# Set up (idempotent), then the main job on a corpus sample: one report's figures as data and as a table,
# then drafted back into press releases in English and Arabic.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
report=corpus/en/2019-11-northwest-syria-escalation.pdf
mkdir -p out
.venv/bin/tally extract "$report" -o out/nw-syria.json
echo "wrote out/nw-syria.json"
# The saved document as a table (no second extraction).
.venv/bin/python -c 'import sys; from pathlib import Path
from tally.model import load_document
from tally.output import format_document_table
sys.stdout.write(format_document_table(load_document(Path(sys.argv[1]))))' out/nw-syria.json
# The same figures drafted as press releases, in English and in Arabic.
.venv/bin/tally draft press-release out/nw-syria.json --lang en -o out/nw-syria.press-release.en.pdf
.venv/bin/tally draft press-release out/nw-syria.json --lang ar -o out/nw-syria.press-release.ar.pdf
echo "wrote out/nw-syria.press-release.en.pdf and out/nw-syria.press-release.ar.pdf"
