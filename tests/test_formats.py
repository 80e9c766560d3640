"""One report in four formats (txt, html, docx, pdf): the same figures from each, and each close to the gold."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from extractor.evaluate import load_gold, score_document
from extractor.extract import Outcome, extract_paths
from tally.model import Figure

FORMATS_DIR = Path(__file__).parent / "data" / "formats"
FORMATS = ("txt", "html", "docx", "pdf")
MIN_F1 = 0.95

FigureRow = tuple[str, str | None, str | None, int, str, tuple[object, object] | None]


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Every format extracted once, in one batch."""
    paths = [FORMATS_DIR / f"nw-syria.{ext}" for ext in FORMATS]
    return {outcome.path.suffix.lstrip("."): outcome for outcome in extract_paths(paths, lang="en")}


def figures_of(outcome: Outcome) -> list[Figure]:
    assert outcome.error is None, f"{outcome.path}: {outcome.error}"
    assert outcome.document is not None
    return outcome.document.figures


def as_rows(figures: list[Figure]) -> Counter[FigureRow]:
    """(metric, group, perpetrator, count, qualifier, period) as a multiset."""
    return Counter(
        (f.metric, f.group, f.perpetrator, f.count, f.qualifier, (f.period.start, f.period.end) if f.period else None)
        for f in figures
    )


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "txt"])
def test_format_gives_the_same_figures_as_plain_text(outcomes: dict[str, Outcome], fmt: str) -> None:
    plain, other = as_rows(figures_of(outcomes["txt"])), as_rows(figures_of(outcomes[fmt]))
    assert (plain - other, other - plain) == (Counter(), Counter())


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_matches_the_gold(outcomes: dict[str, Outcome], fmt: str) -> None:
    score = score_document(figures_of(outcomes[fmt]), load_gold(FORMATS_DIR / "nw-syria.gold.json"))
    missed = [(g.metric, g.group, g.perpetrator, g.count, g.note) for g in score.misses]
    extra = [(f.metric, f.group, f.perpetrator, f.count) for f in score.extras]
    assert score.counts.f1 >= MIN_F1, f"F1 {score.counts.f1:.3f}; missed {missed}; extra {extra}"
