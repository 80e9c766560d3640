"""Shared by the consistency-rule tests: evidence and the rules a document breaks."""

from __future__ import annotations

from collections.abc import Callable

from dataset.checks import find_inconsistencies
from tally.model import Document, Evidence, Figure

MakeFigure = Callable[..., Figure]
MakeDocument = Callable[..., Document]
MONTH = ("2020-01-01", "2020-01-31")


def said(text: str, start: int = 0, page: int | None = None) -> Evidence:
    """Evidence for a sentence at ``start`` (sentences of one test get distinct offsets)."""
    return Evidence(text=text, start=start, end=start + len(text), page=page)


def rules(document: Document) -> list[str]:
    return [finding.rule for finding in find_inconsistencies(document)]
