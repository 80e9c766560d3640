"""Text: what every reader returns, the plain text plus where each page starts."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class Table:
    """A table kept as a table: rows of cell strings and where it sits in the text."""

    start: int
    end: int
    rows: list[list[str]]


@dataclass
class Text:
    """The readable text of one document.

    Paragraphs are separated by a blank line. A table is written as one line per
    row with cells separated by a tab, and is also listed in ``tables``.
    ``page_starts[i]`` is the offset at which page ``i + 1`` starts; it is empty
    for formats without pages.
    """

    text: str
    format: str
    page_starts: list[int] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int | None:
        return len(self.page_starts) or None

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``offset``, or ``None`` without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))
