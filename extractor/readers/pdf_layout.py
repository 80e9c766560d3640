"""PDF words and lines: what pdfplumber gives, grouped into lines with their text tidied."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from bidi.algorithm import get_display

BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
CID = re.compile(r"\(cid:\d+\)")  # a glyph pdfminer could not map to a character
NOTE_SIZE = 0.8  # a raised number this much smaller than the line's text is a footnote mark
LEADER = re.compile(r"(?:\s*[.\u2026]){4,}\s*[\divxlc]*\s*$")  # '. . . . 12' closing a contents line
FULL, LEFT, RIGHT = 0, 1, 2  # the column a line belongs to


@dataclass
class Word:
    """One word of a page with its box (points, top-down) and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    """One line of text in one column of one page."""

    words: list[Word]
    page: int
    column: int = FULL
    text: str = ""
    leader: bool = False  # a contents line whose dot leader and page number were dropped
    col_x0: float = 0.0
    col_x1: float = 0.0

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @property
    def size(self) -> float:
        return statistics.median(word.size for word in self.words)

    @property
    def bold(self) -> bool:
        return all(word.bold for word in self.words)


@dataclass
class TableItem:
    """A table found on a page: its box and rows."""

    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    rows: list[list[str]] = field(default_factory=list)
    column: int = FULL


Item = Line | TableItem


_UNMIRROR = str.maketrans("()«»[]{}", ")(»«][}{")
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[\u064B-\u0652\u0670])")
_MARK_AFTER_PUNCT = re.compile(r"([\u0621-\u064A])([\u060C\u061B.,:;!?\u061F)\]\u00BB\"']+)([\u064B-\u0652\u0670]+)")
_PRESENTATION = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]+")


def reorder_arabic_line(text: str) -> str:
    """A line read left to right off the page, in logical order when it holds Arabic letters.

    python-bidi restores the order (a plain reverse would turn "36" into "63"); presentation forms
    become letters (NFKC on those blocks only) and the spaces some producers put before harakat go.
    """
    if not ARABIC.search(text):
        return text
    # A PDF holds the glyphs of mirrored pairs as drawn; python-bidi mirrors them once more: turn them back
    line = get_display(text).translate(_UNMIRROR)
    line = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), line)
    line = _MARK_AFTER_PUNCT.sub(r"\1\3\2", line)  # "مدنيا،ً": the mark belongs to the letter before the comma
    return _SPACE_BEFORE_MARK.sub("", line)


def is_right_to_left(words: Sequence[Word]) -> bool:
    """True when most of the words' letters are Arabic."""
    arabic = sum(len(ARABIC.findall(word.text)) for word in words)
    return arabic > sum(sum(ch.isalpha() for ch in word.text) for word in words) / 2


def word_text(raw: str) -> str:
    """A word's text without unmapped glyph codes (a word of only such codes becomes empty)."""
    return CID.sub("", raw)


def line_text(words: list[Word]) -> str:
    """A line's text: an unmapped glyph opening it is a bullet, elsewhere it is dropped."""
    parts = [word.text or ("\u2022" if i == 0 else "") for i, word in enumerate(words)]
    return reorder_arabic_line(" ".join(part for part in parts if part))


def without_note_marks(words: list[Word]) -> list[Word]:
    """A line's words without footnote marks: small raised numbers (``civilians³``)."""
    if len(words) < 2:
        return words
    size = max(word.size for word in words)
    baseline = statistics.median(word.bottom for word in words if word.size == size)
    return [
        word
        for word in words
        if not (word.text.isdigit() and word.size <= NOTE_SIZE * size and word.bottom < baseline - 0.2 * size)
    ]


LEADER_RTL = re.compile(r"^\s*[\d\u0660-\u0669ivxlc]*\s*(?:[.\u2026]\s*){4,}")  # '12 . . . .' on the left


def _without_leader_rtl(words: list[Word], text: str) -> list[Word]:
    """An Arabic contents line, read left to right on the page: the page number and leader come first."""
    leader = LEADER_RTL.search(text)
    if leader is None or leader.end() >= len(text.rstrip()):
        return words
    kept: list[Word] = []
    start = 0
    for word in words:
        end = start + len(word.text)
        if end > leader.end():
            kept.append(word if start >= leader.end() else replace(word, text=word.text[leader.end() - start :]))
        start = end + 1
    return [word for word in kept if word.text.strip()]


def without_leader(words: list[Word]) -> list[Word]:
    """A contents line's words without its dot leader and the page number after it."""
    text = " ".join(word.text for word in words)
    if ARABIC.search(text) and LEADER_RTL.search(text):
        return _without_leader_rtl(words, text)
    leader = LEADER.search(text)
    if leader is None or leader.start() == 0:
        return words
    cut = leader.start()
    kept: list[Word] = []
    start = 0
    for word in words:
        if start >= cut:
            break
        end = start + len(word.text)
        kept.append(word if end <= cut else replace(word, text=word.text[: cut - start]))
        start = end + 1
    return kept


def word_from_pdfplumber(raw: dict[str, object]) -> Word:
    """A Word from one of pdfplumber's ``extract_words`` dicts (with size and fontname)."""
    return Word(
        text=word_text(str(raw["text"])),
        x0=float(raw["x0"]),  # type: ignore[arg-type]
        x1=float(raw["x1"]),  # type: ignore[arg-type]
        top=float(raw["top"]),  # type: ignore[arg-type]
        bottom=float(raw["bottom"]),  # type: ignore[arg-type]
        size=round(float(raw.get("size") or 0.0), 1),  # type: ignore[arg-type]
        bold=bool(BOLD_FONT.search(str(raw.get("fontname") or ""))),
    )


def group_lines(words: Sequence[Word], page: int, column: int = FULL, *, tidy: bool = True) -> list[Line]:
    """Words gathered into lines (vertical overlap), each line's words left to right, top to bottom;
    ``tidy`` drops footnote marks and contents-line leaders (keeping all words when not)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines:
            last = lines[-1]
            top, bottom = min(w.top for w in last), max(w.bottom for w in last)
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap >= 0.5 * min(bottom - top, word.bottom - word.top):
                last.append(word)
                continue
        lines.append([word])
    out = []
    for group in lines:
        group.sort(key=lambda w: w.x0)
        marked = without_note_marks(group) if tidy else group
        kept = without_leader(marked) if tidy else group
        out.append(Line(words=kept, page=page, column=column, text=line_text(kept), leader=kept is not marked))
    return out
