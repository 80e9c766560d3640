"""Shared by the figure-extraction tests: the English pipeline (loaded once) and figures as comparable tuples."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

import pytest
from spacy.language import Language

from extractor.figures import find_figures
from extractor.pipeline import load_pipeline
from tally.model import Figure, Period

#: (metric, group, perpetrator, count, qualifier): what the rule tests compare.
Row = tuple[str, str | None, str | None, int, str]
#: A Row plus the attack target.
TargetRow = tuple[str, str | None, str | None, int, str, str | None]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full English pipeline with the tally components; slow to load, so once per session."""
    return load_pipeline("en")


def extract(nlp: Language, text: str, *, period: Period | None = None, published: dt.date | None = None) -> list[Figure]:
    """The figures ``find_figures`` gives for ``text``."""
    figures, _warnings = find_figures(nlp(text), period=period, published=published)
    return figures


def rows(figures: Iterable[Figure]) -> Counter[Row]:
    """Figures as a multiset of (metric, group, perpetrator, count, qualifier)."""
    return Counter((f.metric, f.group, f.perpetrator, f.count, f.qualifier) for f in figures)


def difference(got: Counter[Any], want: Counter[Any]) -> str:
    """What a failed comparison of figure multisets got wrong, for the assertion message."""
    return f"missing {sorted((want - got).elements(), key=str)}; extra {sorted((got - want).elements(), key=str)}"


def target_rows(figures: Iterable[Figure]) -> Counter[TargetRow]:
    """Figures as a multiset of (metric, group, perpetrator, count, qualifier, target)."""
    return Counter((f.metric, f.group, f.perpetrator, f.count, f.qualifier, f.target) for f in figures)
