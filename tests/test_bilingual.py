"""The English and Arabic versions of each paired corpus report extract to the same figures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from extractor.evaluate import GOLD_SUFFIX
from extractor.extract import extract_paths
from extractor.readers import READERS

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _report(lang: str, stem: str) -> Path:
    (path,) = [p for p in (CORPUS / lang).glob(f"{stem}.*") if p.suffix.lstrip(".") in READERS]
    return path


def _stems(lang: str) -> set[str]:
    return {p.name[: -len(GOLD_SUFFIX)] for p in (CORPUS / lang).glob(f"*{GOLD_SUFFIX}")}


PAIRS = sorted(_stems("en") & _stems("ar"))


def test_the_corpus_has_paired_reports() -> None:
    assert len(PAIRS) >= 7


@pytest.mark.parametrize("stem", PAIRS)
def test_both_languages_give_the_same_figures(stem: str) -> None:
    figures = {}
    for lang in ("en", "ar"):
        (outcome,) = extract_paths([_report(lang, stem)], lang=lang)
        assert outcome.document is not None, outcome.error
        figures[lang] = Counter((f.metric, f.group, f.perpetrator, f.count, f.qualifier) for f in outcome.document.figures)
    only_en, only_ar = figures["en"] - figures["ar"], figures["ar"] - figures["en"]
    assert not only_en and not only_ar, f"English only: {sorted(only_en)}; Arabic only: {sorted(only_ar)}"
