"""Places both stages name: the gazetteer (``tally/data/gazetteer.tsv``), each place under its canonical name, with
its spellings in English and Arabic, its governorate and its kind (town, governorate, region)."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

GAZETTEER = Path(__file__).parent / "data" / "gazetteer.tsv"


@functools.lru_cache(maxsize=1)
def gazetteer_rows() -> tuple[dict[str, str], ...]:
    """Every row of the gazetteer: ``lang``, ``name``, ``canonical``, ``governorate``, ``kind``."""
    with GAZETTEER.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple({k: (v or "") for k, v in row.items()} for row in rows if any(row.values()))


@functools.lru_cache(maxsize=256)
def place_name(canonical: str, lang: str) -> str:
    """How ``lang`` writes a place: its first spelling in that language, else the canonical (English) name."""
    for row in gazetteer_rows():
        if row["lang"] == lang and row["canonical"] == canonical:
            return row["name"]
    return canonical
