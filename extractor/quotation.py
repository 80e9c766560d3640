"""Where quotations stand in a text: the offsets of each pair of quotation marks."""

from __future__ import annotations

import re

#: Opening curly quotation marks and the marks that close them.
PAIRS = {"“": "”", "«": "»"}


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the quotation marks around each quotation, in order.

    Curly quotations may run over paragraphs (each new paragraph reopening the quote);
    straight double quotes pair up within a line.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    closing = ""
    blank = -1  # where the last blank line starts
    for i, char in enumerate(text):
        if char == "\n" and i > 0 and text[i - 1] == "\n":
            blank = i - 1
        if char in PAIRS and (opened is None or blank < opened):
            opened, closing = i, PAIRS[char]
        elif opened is not None and char == closing:
            spans.append((opened, i))
            opened = None
    for line in re.finditer(r"[^\n]+", text):
        for match in re.finditer(r'"([^"]+)"', line.group()):
            spans.append((line.start() + match.start(), line.start() + match.end() - 1))
    return sorted(spans)
