"""Marks: the vocabulary phrases found in a Doc, by kind, with lookups by token."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    """A vocabulary phrase found in a Doc: token span [start, end), its kind and value."""

    start: int
    end: int
    kind: str
    value: str
    extra: str = ""


@dataclass
class Marks:
    """Every vocabulary phrase of one Doc, by kind, with a token index for lookups."""

    by_kind: dict[str, list[Mark]] = field(default_factory=dict)
    _at: dict[tuple[str, int], Mark] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, kind: str, marks: list[Mark]) -> None:
        """Set the marks of ``kind`` (replacing any it had)."""
        for mark in self.by_kind.get(kind, []):
            for i in range(mark.start, mark.end):
                self._at.pop((kind, i), None)
        self.by_kind[kind] = sorted(marks, key=lambda m: m.start)
        self._starts.pop(kind, None)
        for mark in marks:
            for i in range(mark.start, mark.end):
                self._at[(kind, i)] = mark

    def at(self, kind: str, i: int) -> Mark | None:
        """The mark of ``kind`` covering token ``i``."""
        return self._at.get((kind, i))

    def starting(self, kind: str, i: int) -> Mark | None:
        mark = self._at.get((kind, i))
        return mark if mark is not None and mark.start == i else None

    def ending(self, kind: str, i: int) -> Mark | None:
        """The mark of ``kind`` whose last token is ``i``."""
        mark = self._at.get((kind, i))
        return mark if mark is not None and mark.end == i + 1 else None

    def within(self, kind: str, start: int, end: int) -> list[Mark]:
        """The marks of ``kind`` inside tokens [start, end), in order."""
        marks = self.by_kind.get(kind, [])
        starts = self._starts.get(kind)
        if starts is None:
            starts = self._starts[kind] = [m.start for m in marks]
        out = []
        for m in marks[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]:
            if m.end <= end:
                out.append(m)
        return out
