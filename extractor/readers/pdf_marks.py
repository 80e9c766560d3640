"""Arabic harakat in PDFs: each mark placed on the letter it sits on, before words are grouped."""

from __future__ import annotations

import bisect
from typing import Any

#: Harakat, tanween, shadda, sukun, superscript alef and the Quranic marks of the Arabic block.
MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)))
SLACK = 0.5  # points a mark may stand outside its letter's box
REACH = 4.0  # points a mark may stand left of its letter (tanween after a final alef, in the space)
SCAN = 400  # letters examined on either side of a mark's position (other lines share the same x)

Char = dict[str, Any]


def _overlap(a: Char, b: Char) -> float:
    return min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])


def _carrier(mark: Char, letters: list[Char], starts: list[float]) -> Char | None:
    """The letter under ``mark``: its box holds the mark's x, on the mark's height.

    A zero-width mark often stands on the boundary of two letters: it is drawn from the pen position
    at its letter's left edge (right to left), so the letter whose left edge is nearest wins.
    """
    x = (mark["x0"] + mark["x1"]) / 2
    at = bisect.bisect_right(starts, x + REACH)
    best: Char | None = None
    best_key = (2, 0.0)
    for letter in letters[max(0, at - SCAN): at]:
        if letter["x1"] + SLACK < x or letter["x0"] - REACH > x or _overlap(mark, letter) <= 0:
            continue
        inside = letter["x0"] + SLACK < x < letter["x1"] - SLACK
        key = (0 if inside else 1, abs(letter["x0"] - x))
        if key < best_key:
            best, best_key = letter, key
    return best


def level_baselines(chars: list[Char], tolerance: float = 1.0) -> list[Char]:
    """``chars`` with the tops of one line made equal: fonts raise some letters a fraction of a point
    (Amiri's initial "ش"), and pdfplumber would then start a new word inside "شخصاً"."""
    order = sorted(range(len(chars)), key=lambda i: chars[i]["top"])
    out = list(chars)
    first = None
    for i in order:
        char = chars[i]
        if first is None or char["top"] - first["top"] > tolerance:
            first = char
        elif char["top"] != first["top"]:
            shift = first["top"] - char["top"]
            out[i] = {**char, "top": first["top"], "bottom": char["bottom"] + shift}
        out[i]["size"] = round(float(out[i].get("size") or 0.0), 1)  # 11.4999… and 11.5000… are one size
    return out


def attach_marks(chars: list[Char]) -> list[Char]:
    """``chars`` with each Arabic mark moved onto its letter's line, just left of it.

    Producers draw a mark as a zero-width glyph above or below its letter, often at another height
    and anywhere across the letter's width. Sorted by x it lands after its letter or in a line of its
    own; once python-bidi reverses the line it then sits on the wrong letter or the wrong word
    ("وّثق", "383ً مدنيا"). Placed just left of its letter (visual order), it follows it in logical order.
    """
    if not any(char["text"] in MARKS for char in chars):
        return chars
    letters = sorted((c for c in chars if c["text"] not in MARKS and not c["text"].isspace()), key=lambda c: c["x0"])
    starts = [letter["x0"] for letter in letters]
    placed: list[Char] = []
    for char in chars:
        if char["text"] not in MARKS:
            placed.append(char)
            continue
        letter = _carrier(char, letters, starts)
        if letter is None:
            placed.append(char)
            continue
        x = letter["x0"] - 0.01
        placed.append({**char, "x0": x, "x1": x, "top": letter["top"], "bottom": letter["bottom"],
                       "doctop": letter.get("doctop", char.get("doctop")), "y0": letter.get("y0"),
                       "y1": letter.get("y1"), "size": letter.get("size", char.get("size")),
                       "fontname": letter.get("fontname", char.get("fontname"))})  # same word: same attributes
    return placed
