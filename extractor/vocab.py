"""Vocabulary tables (extractor/vocab/*.tsv): one table each, rows tagged by language."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from tally.places import gazetteer_rows

VOCAB_DIR = Path(__file__).parent / "vocab"


@functools.lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """All rows of ``vocab/<name>.tsv`` as dicts keyed by the header; the gazetteer, which the drafts name places
    from too, lives with the model (``tally/places.py``)."""
    if name == "gazetteer":
        return gazetteer_rows()
    with (VOCAB_DIR / f"{name}.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple({k: (v or "") for k, v in row.items()} for row in rows if any(row.values()))


def rows_for(name: str, lang: str) -> list[dict[str, str]]:
    """The rows of table ``name`` for language ``lang``."""
    return [row for row in load_table(name) if row.get("lang") == lang]
