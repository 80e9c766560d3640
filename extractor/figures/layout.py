"""A Doc's layout, computed once: its sentences, lines, blocks, list items and headings."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor.figures.numbers import number_words

if not Doc.has_extension("tally_layout"):
    Doc.set_extension("tally_layout", default=None)

BULLETS = ("–", "-", "—", "•", "*", "·", "▪", "◦")
_SENTENCE_ENDS = {".", "!", "?", ":"}


@dataclass
class Layout:
    """Where a Doc's sentences, lines and blocks (text between blank lines) start, for lookups by bisection."""

    sents: list[Span]
    sent_ends: list[int]  # token end of each sentence, ascending
    line_starts: list[int]  # character offset of each line
    block_starts: list[int]  # character offset of each block
    block_ends: list[int]
    _colon_lines: list[int] | None = None  # starts of the lines that end with ":", made on first use

    def sentences_before(self, at: int, count: int) -> list[Span]:
        """The last ``count`` sentences that end at or before token ``at``."""
        k = bisect.bisect_right(self.sent_ends, at)
        return self.sents[max(0, k - count) : k]

    def sentence_index(self, sent: Span) -> int:
        return bisect.bisect_left(self.sent_ends, sent.end)

    def line_at(self, text: str, at: int) -> tuple[int, int]:
        """The (start, end) characters of the line holding offset ``at``."""
        k = bisect.bisect_right(self.line_starts, at) - 1
        start = self.line_starts[max(k, 0)]
        end = self.line_starts[k + 1] - 1 if k + 1 < len(self.line_starts) else len(text)
        return start, end

    def lines_before(self, text: str, at: int) -> Iterator[str]:
        """The lines that end before offset ``at``, nearest first (the line holding ``at`` up to it included)."""
        k = bisect.bisect_right(self.line_starts, at) - 1
        if k >= 0:
            yield text[self.line_starts[k] : at]
        for j in range(k - 1, -1, -1):
            yield text[self.line_starts[j] : self.line_starts[j + 1] - 1]

    def lead_in_before(self, text: str, at: int) -> tuple[int, int] | None:
        """The (start, end) of the last line before offset ``at`` that ends with ":" (a list's lead-in); the line
        holding ``at`` counts up to ``at``."""
        own = self.line_starts[max(0, bisect.bisect_right(self.line_starts, at) - 1)]
        if text[own:at].strip().endswith(":"):
            return own, at
        if self._colon_lines is None:
            self._colon_lines = []
            for j, start in enumerate(self.line_starts):
                end = self.line_starts[j + 1] - 1 if j + 1 < len(self.line_starts) else len(text)
                if text[start:end].strip().endswith(":"):
                    self._colon_lines.append(start)
        k = bisect.bisect_left(self._colon_lines, at) - 1
        if k < 0:
            return None
        start = self._colon_lines[k]
        end = text.find("\n", start)
        end = len(text) if end < 0 or end > at else end
        return (start, end) if text[start:end].strip().endswith(":") else None

    def block_index(self, at: int) -> int:
        """The number of the block holding (or following) offset ``at``."""
        return max(0, bisect.bisect_right(self.block_starts, at) - 1)

    def block_at(self, text: str, at: int) -> str:
        """The block holding offset ``at``, without its surrounding newlines."""
        k = self.block_index(at)
        return text[self.block_starts[k] : self.block_ends[k]].strip("\n")


def layout_of(doc: Doc) -> Layout:
    """The Doc's layout, computed on first use and kept on the Doc."""
    found: Layout | None = doc._.tally_layout
    if found is None:
        found = _compute(doc)
        doc._.tally_layout = found
    return found


def _compute(doc: Doc) -> Layout:
    text = doc.text
    sents = list(doc.sents)
    lines = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    starts, ends = [0], []
    at = text.find("\n\n")
    while at >= 0:
        ends.append(at)
        starts.append(at + 2)
        at = text.find("\n\n", at + 2)
    ends.append(len(text))
    return Layout(sents, [s.end for s in sents], lines, starts, ends)


def line_of(doc: Doc, sent: Span) -> str:
    """The whole line the sentence starts on, stripped."""
    start, end = layout_of(doc).line_at(doc.text, sent.start_char)
    return doc.text[start:end].strip()


def block_of(doc: Doc, at: int) -> str:
    return layout_of(doc).block_at(doc.text, at)


def is_bullet(line: str) -> bool:
    return line.startswith(BULLETS) or (len(line) > 2 and line[0].isdigit() and line[1] in ".)")


def in_list(doc: Doc, sent: Span) -> bool:
    """Is ``sent`` a list item: marked as one, or a line of a block of several lines (readers' lists)?"""
    return is_bullet(line_of(doc, sent)) or "\n" in block_of(doc, sent.start_char)


def _is_count_word(tok: Token) -> bool:
    lang = tok.doc.lang_
    entry = number_words(lang).get(tok.norm_ if lang == "ar" else tok.lower_)
    return tok.text[:1].isdigit() or (entry is not None and entry[1] in {"unit", "tens", "teen"})


def is_heading(sent: Span) -> bool:
    """A short line with no closing punctuation and no count: a title or a section heading."""
    words = [t for t in sent if not t.is_space and not t.is_punct]
    text = sent.text.strip()
    ends = {".", "?", "!", ",", ";", "؛", "،", "؟"}
    return 0 < len(words) <= 16 and text[-1:] not in ends and not any(map(_is_count_word, words))


def before_bullets(doc: Doc, sent: Span) -> bool:
    """Is ``sent`` the last sentence before a bulleted list?"""
    end = sent.start_char + len(sent.text.rstrip())
    nxt = end
    while nxt < len(doc.text) and doc.text[nxt].isspace():
        nxt += 1
    if nxt >= len(doc.text) or "\n" not in doc.text[end:nxt] or "\n" in block_of(doc, sent.start_char):
        return False
    line_end = doc.text.find("\n", nxt)
    return is_bullet(doc.text[nxt : line_end if line_end >= 0 else len(doc.text)]) or "\n" in block_of(doc, nxt)


def headline_starts(doc: Doc) -> set[int]:
    """Where the title and standfirst lines start: the lines before the body, without a full stop."""
    heads: set[int] = set()
    for n, sent in enumerate(layout_of(doc).sents):  # up to the first sentence of the body (one ending in a full stop)
        if n >= 8 or not (is_heading(sent) or sent.text.strip()[-1:] not in _SENTENCE_ENDS):
            break
        heads.add(sent.start_char)
    return heads
