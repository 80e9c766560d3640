"""Legal instruments and their numbered parts: treaties, articles, resolutions, decrees (vocab/laws.tsv)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from extractor.forms import MatchView, word_form
from extractor.vocab import rows_for

_NUMBER = r"^\d{1,5}[a-z]?$"
#: An article number and its subdivisions as the tokenizer leaves them: "8", "8(2)(b", "(", "xxv", ")", "ب".
_PROVISION_PART = r"^(?:[\d()]*\d[\w()]*|\(?[a-z]\)?|\(?[ivxl]{2,5}\)?|[()]+|,|and|to|-|[\u0621-\u064a])$"
_YEAR = r"^(?:19|20)\d\d$"


def _kind(lang: str, kind: str) -> dict[str, str]:
    """``text -> id`` for one kind of row of laws.tsv."""
    return {row["text"]: row["id"] for row in rows_for("laws", lang) if row["kind"] == kind}


def _is_abbreviation(text: str) -> bool:
    return text.isupper() and len(text) <= 6


def _phrase_matcher(view: MatchView, kind: str) -> PhraseMatcher:
    matcher = PhraseMatcher(view.vocab, attr=view.attr)
    for text, ident in _kind(view.lang, kind).items():
        # All-capital abbreviations (IHL, UNSC) match only as written.
        if not _is_abbreviation(text):
            matcher.add(ident, [view.pattern(text)])
    return matcher


def _abbreviations(view: MatchView, kind: str) -> PhraseMatcher:
    matcher = PhraseMatcher(view.vocab, attr="ORTH")
    for text, ident in _kind(view.lang, kind).items():
        if _is_abbreviation(text):
            matcher.add(ident, [view.pattern(text)])
    return matcher


class LawFinder:
    """Finds LAW spans; each span's ``kb_id_`` is a canonical id such as ``rome_statute:art8(2)(b)``."""

    def __init__(self, view: MatchView) -> None:
        lang, attr = view.lang, view.attr
        self.view = view
        self.instruments = _phrase_matcher(view, "instrument")
        self.instrument_abbreviations = _abbreviations(view, "instrument")
        self.issuers = _phrase_matcher(view, "issuer")
        self.issuer_abbreviations = _abbreviations(view, "issuer")
        #: word form -> (kind, id), to build ids from words that are not in Latin script
        self.words = {word_form(row["text"], lang): (row["kind"], row["id"]) for row in rows_for("laws", lang)}

        def among(*kinds: str, optional: bool = False) -> dict[str, Any]:
            words = [text for kind in kinds for text in _kind(lang, kind)]
            token: dict[str, Any] = {attr: {"IN": view.values(words)}}
            return {**token, "OP": "?"} if optional else token

        number_sign: list[dict[str, Any]] = [among("number_sign", optional=True), {"ORTH": ".", "OP": "?"}]
        year: list[dict[str, Any]] = [among("year_link"), {"TEXT": {"REGEX": _YEAR}}]
        self.numbered = Matcher(view.vocab)
        self.numbered.add(
            "provision",
            [
                [
                    among("article_prefix", optional=True),
                    among("article"),
                    {"TEXT": {"REGEX": r"^\d{1,4}[a-z]?(?:\(\w{1,5}\)?)*$"}},
                    {attr: {"REGEX": _PROVISION_PART}, "OP": "*"},
                    among("article_link"),
                    {attr: "the", "OP": "?"},
                ]
            ],
            greedy="LONGEST",
        )
        # The issuing body before the word ("Security Council Resolution 2139") is found apart;
        # one written after it ("قرار مجلس الأمن رقم 2286") is part of the pattern.
        after_word: list[list[dict[str, Any]]] = [[]] + [
            [{attr: token.text} for token in view.pattern(text)] for text in _kind(lang, "issuer")
        ]
        numbers: list[dict[str, Any]] = [
            {"TEXT": {"REGEX": r"^\d{2,5}$"}},
            {attr: {"REGEX": r"^(?:,|and|&|\d{2,5})$"}, "OP": "*"},
        ]
        bracketed_year: list[dict[str, Any]] = [{"ORTH": "("}, {"TEXT": {"REGEX": _YEAR}}, {"ORTH": ")"}]
        self.numbered.add(
            "resolution",
            [
                [among("resolution"), *issuer, *number_sign, *numbers, *ending]
                for issuer in after_word
                for ending in ([], year)
            ]
            + [[among("resolution"), *number_sign, {"TEXT": {"REGEX": r"^\d{2,5}$"}}, *bracketed_year]],
            greedy="LONGEST",
        )
        self.numbered.add(
            "statute",
            [
                [
                    among("statute_prefix", optional=True),
                    among("statute"),
                    among("statute_suffix", optional=True),
                    among("number_sign"),
                    {"ORTH": ".", "OP": "?"},
                    {"TEXT": {"REGEX": _NUMBER}},
                    {attr: {"IN": ["of", "for", "/", *view.values(list(_kind(lang, "year_link")))]}, "OP": "?"},
                    {"TEXT": {"REGEX": _YEAR}, "OP": "?"},
                ]
            ],
            greedy="LONGEST",
        )

    def __call__(self, doc: Doc, forms: Doc | None = None) -> list[Span]:
        """LAW spans in ``doc``, possibly overlapping (the caller keeps the longest).

        ``forms`` is the Doc the phrases are matched on (``MatchView.forms``), token for token ``doc``.
        """
        forms = self.view.forms(doc) if forms is None else forms
        strings = doc.vocab.strings
        instruments: dict[int, tuple[int, str]] = {}
        for matcher, target in ((self.instruments, forms), (self.instrument_abbreviations, doc)):
            for key, start, end in matcher(target):
                if end > instruments.get(start, (0, ""))[0]:
                    instruments[start] = (end, strings[key])
        issuers: dict[int, tuple[int, str]] = {}
        issuers_after: dict[int, str] = {}
        for matcher, target in ((self.issuers, forms), (self.issuer_abbreviations, doc)):
            for key, start, end in matcher(target):
                if start < issuers.get(end, (end, ""))[0]:
                    issuers[end] = (start, strings[key])
                issuers_after.setdefault(start, strings[key])
        spans = [Span(doc, start, end, label="LAW", kb_id=ident) for start, (end, ident) in instruments.items()]
        for key, start, end in self.numbered(forms):
            kind = strings[key]
            if kind == "provision":
                spans.extend(self._provision(doc, forms, start, end, instruments))
            elif kind == "resolution":
                spans.append(self._resolution(doc, forms, start, end, issuers, issuers_after))
            else:
                spans.append(Span(doc, start, end, label="LAW", kb_id=self._statute_id(doc, forms, start, end)))
        return spans

    def _provision(
        self, doc: Doc, forms: Doc, start: int, end: int, instruments: dict[int, tuple[int, str]]
    ) -> Iterable[Span]:
        """``Article 8 (2) (b) of the`` followed by an instrument, as one span; nothing without one."""
        if end not in instruments:
            return []
        instrument_end, ident = instruments[end]
        text = doc[start:end].text
        if text.isascii():
            provision = re.sub(r"\s+(of|of the)$", "", text, flags=re.IGNORECASE)
            return [Span(doc, start, instrument_end, label="LAW", kb_id=f"{ident}:{_slug(provision)}")]
        # Not in Latin script: the id is built from the words' ids, "المادة 8 (2) (ب)" -> "article_8(2)(b)".
        words = [(token.text, *self.words.get(token.text, ("", ""))) for token in forms[start:end]]
        article = next((word_id for _, kind, word_id in words if kind == "article"), "article")
        parts = [form if form[:1].isdigit() else word_id for form, kind, word_id in words if form[:1].isdigit() or kind == "letter"]
        slug = f"{article}_{parts[0]}" + "".join(f"({part})" for part in parts[1:]) if parts else article
        return [Span(doc, start, instrument_end, label="LAW", kb_id=f"{ident}:{slug}")]

    def _resolution(
        self,
        doc: Doc,
        forms: Doc,
        start: int,
        end: int,
        issuers: dict[int, tuple[int, str]],
        issuers_after: dict[int, str],
    ) -> Span:
        """``Resolution 2139 (2014)``, widened to the issuing body written just before it."""
        while not forms[end - 1].text.isdigit() and forms[end - 1].text != ")":
            end -= 1  # "resolutions 2042 and" ends on its last number
        # The year of adoption stands in brackets, "2139 (2014)", or after a word, "2286 لعام 2016".
        year_links = set(self.view.values(list(_kind(self.view.lang, "year_link"))))
        numbers = [
            t.text
            for t in forms[start:end]
            if t.text.isdigit() and not (t.i > 0 and (forms[t.i - 1].text == "(" or forms[t.i - 1].text in year_links))
        ]
        issuer_start, issuer = issuers.get(start, (start, ""))
        issuer = issuer or issuers_after.get(start + 1, "")
        ident = "_".join([f"{issuer}_resolution" if issuer else "resolution", *numbers])
        return Span(doc, issuer_start, end, label="LAW", kb_id=ident)

    def _statute_id(self, doc: Doc, forms: Doc, start: int, end: int) -> str:
        """``Legislative Decree No. 22 of 2012`` -> ``legislative_decree_no_22_of_2012``, in any language."""
        text = doc[start:end].text
        if text.isascii():
            return _slug(text)
        kinds = [self.words.get(token.text, ("", "")) for token in forms[start:end]]
        prefixes = [ident for kind, ident in kinds if kind in {"statute_prefix", "statute_suffix"}]
        statute = next((ident for kind, ident in kinds if kind == "statute"), "law")
        numbers = [token.text for token in forms[start:end] if token.text.isdigit()]
        year = ["of", numbers[1]] if len(numbers) > 1 else []
        return "_".join([*prefixes, statute, "no", *numbers[:1], *year])

def _slug(text: str) -> str:
    """``Article 8 (2) (b)`` -> ``article_8(2)(b)``."""
    compact = re.sub(r"\s+(?=\()|(?<=\()\s+|\s+(?=\))|\.", "", text.lower())
    return re.sub(r"[^0-9a-z()]+", "_", compact).strip("_")
