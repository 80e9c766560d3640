"""Plain text and Markdown to Text: decode, rebuild paragraphs, strip Markdown markup."""

from __future__ import annotations

import codecs
import logging
import re

from extractor.readers.blocks import (
    Block,
    assemble,
    check_size,
    hyphenated_words,
    item_lines,
    join_wrapped,
    paragraph,
    require_text,
    table,
)
from extractor.text import Text

log = logging.getLogger(__name__)

MAX_TEXT_BYTES = 20 * 2**20
UNWRAPPED_LINE = 100  # a block with a line this long was not hard-wrapped

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BULLET = re.compile(r"^\s*[-*+\u2022\u25aa\u25cf\u2013]\s+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u25cf\u2013]|\(?\d{1,3}[.)]|\(?[a-z]\))\s+\S")
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT_RULE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link: its words
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
)


def decode_text(data: bytes, name: str, warnings: list[str]) -> str:
    """Text from bytes: UTF-8 (BOM allowed), UTF-16 (by its BOM, or by its zero bytes);
    else UTF-8 with replacement characters and a warning."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if data.count(0) > len(data) // 4:  # UTF-16 without a byte order mark
        try:
            return data.decode("utf-16-be" if data[:1] == b"\x00" else "utf-16-le")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        message = f"{name}: not valid UTF-8 (first bad byte at {err.start}); unreadable bytes were replaced"
        log.warning(message)
        warnings.append(message)
        return data.decode("utf-8", errors="replace")


def strip_inline_markdown(line: str) -> str:
    """A Markdown line's words without emphasis, code, link and image markup."""
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line


def _is_table_row(line: str) -> bool:
    return line.strip().startswith("|") or line.count("|") >= 2


def _table_cells(line: str) -> list[str]:
    cells = line.strip().strip("|").split("|")
    return [strip_inline_markdown(cell.strip()) for cell in cells]


def _markdown_lines(lines: list[str]) -> list[str]:
    """Lines with block markup resolved: headings set apart by blank lines, rules and fences dropped."""
    out: list[str] = []
    in_fence = underline = False
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        starts_block = i == 0 or not lines[i - 1].strip()
        heading = _ATX_HEADING.match(line)
        if underline:
            underline = False
        elif _FENCE.match(line):
            in_fence = not in_fence
        elif in_fence:
            out.append(line)
        elif heading:
            out.extend(["", heading.group(1), ""])
        elif starts_block and line.strip() and _SETEXT_RULE.match(following) and not _is_table_row(line):
            out.extend(["", line.strip(), ""])
            underline = True
        elif _RULE.match(line):
            out.append("")
        else:
            out.append(_QUOTE.sub("", line))
    return out


def _wrap_width(lines: list[str]) -> int:
    lengths = [len(line.rstrip()) for line in lines if 0 < len(line.rstrip()) < UNWRAPPED_LINE]
    return max(lengths, default=0)


def _was_wrapped(line: str, following: str, width: int) -> bool:
    """True when ``line`` ended only because ``following``'s first word would not fit on it."""
    first_word = following.split()[0] if following.split() else ""
    return len(line.rstrip()) + 1 + len(first_word) > width


def _chunk_blocks(chunk: list[str], width: int, markdown: bool, keep: set[str]) -> list[Block]:
    """Blocks of one blank-line separated chunk of lines."""
    if markdown and len(chunk) >= 2 and _is_table_row(chunk[0]) and _TABLE_RULE.match(chunk[1]):
        rows = [_table_cells(line) for line in chunk if not _TABLE_RULE.match(line)]
        return [table(rows)]
    unwrapped = max(len(line.rstrip()) for line in chunk) >= UNWRAPPED_LINE
    blocks: list[Block] = []
    items: list[list[str]] = []  # list items, each its lines
    current: list[str] = []

    def flush_paragraph() -> None:
        if current:
            blocks.append(paragraph(_clean(join_wrapped(current, keep), markdown)))
            current.clear()

    def flush_items() -> None:
        if items:
            blocks.append(item_lines([_clean(join_wrapped(item, keep), markdown) for item in items]))
            items.clear()

    for i, line in enumerate(chunk):
        if _LIST_ITEM.match(line):
            flush_paragraph()
            items.append([_BULLET.sub("", line)])
        elif items and (line[:1].isspace() or not unwrapped and _was_wrapped(chunk[i - 1], line, width)):
            items[-1].append(line)  # continuation of the item above
        else:
            flush_items()
            if current and (unwrapped or not _was_wrapped(current[-1], line, width)):
                flush_paragraph()
            current.append(line)
    flush_paragraph()
    flush_items()
    return blocks


def _clean(text: str, markdown: bool) -> str:
    return strip_inline_markdown(text) if markdown else text


def text_blocks(text: str, markdown: bool) -> list[Block]:
    """Paragraph, list and table blocks of normalised text."""
    lines = text.split("\n")
    if markdown:
        lines = _markdown_lines(lines)
    keep = hyphenated_words(lines)
    width = _wrap_width(lines)
    blocks: list[Block] = []
    chunk: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            chunk.append(line.rstrip())
        elif chunk:
            blocks.extend(_chunk_blocks(chunk, width, markdown, keep))
            chunk = []
    return blocks


def read_text(data: bytes, name: str = "<text>") -> Text:
    """A plain-text (``.txt``) or Markdown (``.md``, by ``name``) document as Text."""
    check_size(data, name, MAX_TEXT_BYTES)
    warnings: list[str] = []
    raw = decode_text(data, name, warnings)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").replace("\u2028", "\n")
    markdown = name.lower().endswith(".md")
    blocks = text_blocks(raw.replace("\ufeff", "").replace("\x00", ""), markdown)
    title = blocks[0].text if markdown and raw.lstrip().startswith("#") and blocks else None
    fmt = "md" if markdown else "txt"
    return require_text(assemble(blocks, fmt, title=title, warnings=warnings), name)
