"""Blocks to Text: what every reader assembles (paragraphs, lists, tables, page marks)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.text import Table, Text
from tally.errors import InputError

PARAGRAPH_SEPARATOR = "\n\n"
_SPACES = re.compile(r"\s+")
_HYPHENS = "-\u2010\u00ad"  # hyphen-minus, hyphen, soft hyphen
_WORD_END_HYPHEN = re.compile(rf"(\w+)[{_HYPHENS}]$")
_HYPHENATED = re.compile(r"\b\w+-\w+\b")


@dataclass
class Block:
    """One paragraph, one list (its items one per line), or one table.

    ``marks`` are ``(offset in the block, page)`` pairs where text of a page begins.
    """

    text: str = ""
    rows: list[list[str]] | None = None
    marks: list[tuple[int, int]] = field(default_factory=list)


def squash(text: str) -> str:
    """``text`` with every run of whitespace (tabs and newlines too) made one space, stripped."""
    return _SPACES.sub(" ", text).strip()


def paragraph(text: str, page: int | None = None) -> Block:
    """A paragraph block from text whose whitespace is squashed."""
    return Block(text=squash(text), marks=[(0, page)] if page else [])


def item_lines(items: list[str], page: int | None = None) -> Block:
    """A list block: one item per line."""
    lines = [squash(item) for item in items]
    return Block(text="\n".join(line for line in lines if line), marks=[(0, page)] if page else [])


def table(rows: list[list[str]], page: int | None = None) -> Block:
    """A table block: cells squashed, empty rows dropped, rows padded to one width."""
    clean = [[squash(cell) for cell in row] for row in rows]
    clean = [row for row in clean if any(row)]
    width = max((len(row) for row in clean), default=0)
    clean = [row + [""] * (width - len(row)) for row in clean]
    return Block(rows=clean, marks=[(0, page)] if page else [])


def join_wrapped(lines: list[str], keep_hyphenated: set[str] | frozenset[str] = frozenset()) -> str:
    """Lines of one paragraph joined with a space; a word hyphenated at a line end is rejoined.

    ``civil-`` + ``ians`` gives ``civilians``; ``Syrian-`` + ``Russian`` keeps its hyphen
    (the continuation is not lowercase), and so does any ``a-b`` in ``keep_hyphenated``.
    """
    out = ""
    for line in lines:
        out = join_line(out, line, keep_hyphenated)
    return out


def join_line(before: str, line: str, keep_hyphenated: set[str] | frozenset[str] = frozenset()) -> str:
    """``before`` followed by the next wrapped ``line`` (see ``join_wrapped``)."""
    line = line.strip()
    if not before:
        return line
    if not line:
        return before
    match = _WORD_END_HYPHEN.search(before)
    if match is None:
        return f"{before} {line}"
    head = before[: match.end(1)]
    first = re.match(r"\w+", line)
    if first and line[0].islower() and f"{match.group(1)}-{first.group(0)}".lower() not in keep_hyphenated:
        return head + line
    return f"{head}-{line}"


def hyphenated_words(lines: list[str]) -> set[str]:
    """Every ``a-b`` written inside a line (not at its end), lowercased: real compounds."""
    return {word.lower() for line in lines for word in _HYPHENATED.findall(line)}


def assemble(
    blocks: list[Block],
    fmt: str,
    *,
    pages: int = 0,
    title: str | None = None,
    published: str | None = None,
    warnings: list[str] | None = None,
) -> Text:
    """The Text of ``blocks``: separated by a blank line, tables listed, page starts resolved."""
    parts: list[str] = []
    tables: list[Table] = []
    starts: list[int | None] = [None] * pages
    offset = 0
    for block in blocks:
        body = "\n".join("\t".join(row) for row in block.rows) if block.rows is not None else block.text
        if not body:
            continue
        if parts:
            parts.append(PARAGRAPH_SEPARATOR)
            offset += len(PARAGRAPH_SEPARATOR)
        if block.rows is not None:
            tables.append(Table(start=offset, end=offset + len(body), rows=block.rows))
        for local, page in block.marks:
            if 1 <= page <= pages and starts[page - 1] is None:
                starts[page - 1] = offset + local
        parts.append(body)
        offset += len(body)
    return Text(
        text="".join(parts),
        format=fmt,
        page_starts=resolve_page_starts(starts, offset),
        tables=tables,
        title=title,
        published=published,
        warnings=list(warnings or []),
    )


def resolve_page_starts(starts: list[int | None], end: int) -> list[int]:
    """Page starts with pages that hold no text starting where the next page does."""
    out: list[int] = []
    following = end
    for start in reversed(starts):
        following = min(following, start) if start is not None else following
        out.append(following)
    out.reverse()
    if out:
        out[0] = 0
    return out


def require_text(text: Text, name: str) -> Text:
    """``text`` itself, or an InputError when the document holds no readable text."""
    if not text.text.strip():
        raise InputError(f"{name}: no readable text in the file")
    return text


def check_size(data: bytes, name: str, limit: int) -> None:
    """Refuse empty input and input larger than ``limit`` bytes."""
    if not data:
        raise InputError(f"{name}: the file is empty")
    if len(data) > limit:
        raise InputError(f"{name}: the file is too large ({len(data) // 2**20} MB; the limit is {limit // 2**20} MB)")
