"""The PDF's text layer: every glyph Amiri shapes reads as its own letter, a kashida it adds as a tatweel."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pydyf
from fontTools.ttLib import TTFont

TATWEEL = "\u0640"
MARK = 3  # the GDEF class of a mark glyph
#: One ``<glyph> <text>`` line of a ToUnicode CMap as WeasyPrint writes it.
_BFCHAR = re.compile(rb"<([0-9a-fA-F]{4})> <([0-9a-fA-F]*)>")
Rule = tuple[str, list[str], int]  # a glyph, the glyphs it may become, the GSUB lookup type


@dataclass(frozen=True)
class FontFacts:
    """What the text layer needs to know of one font file."""

    name: str  # PostScript name: an embedded subset keeps it
    fillers: frozenset[int]  # glyphs added beside a letter that are no form of any character
    letters: dict[int, str]  # glyph → the one character it is a form of (marks and ligatures aside)


def _substitutions(font: TTFont) -> Iterator[Rule]:
    """Every single, multiple, alternate and ligature substitution of the font (a ligature under its first glyph)."""
    if "GSUB" not in font or font["GSUB"].table.LookupList is None:
        return
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 7:  # an extension wraps the real subtable
                subtable, kind = subtable.ExtSubTable, subtable.ExtensionLookupType
            if kind == 1:
                yield from ((glyph, [out], kind) for glyph, out in subtable.mapping.items())
            elif kind == 2:
                yield from ((glyph, outs, kind) for glyph, outs in subtable.mapping.items())
            elif kind == 3:
                yield from ((glyph, outs, kind) for glyph, outs in subtable.alternates.items())
            elif kind == 4:
                for first, ligatures in subtable.ligatures.items():
                    yield from ((first, [ligature.LigGlyph], kind) for ligature in ligatures)


def _forms(rules: list[Rule]) -> dict[str, set[str]]:
    """Glyph → the glyphs it may be replaced by one for one (a decomposition or a ligature is no form)."""
    forms: dict[str, set[str]] = defaultdict(set)
    for glyph, outputs, kind in rules:
        if kind in (1, 3) or (kind == 2 and (len(outputs) == 1 or outputs[0] == glyph)):
            forms[glyph].update(outputs if kind != 2 else outputs[:1])
    return forms


def _reachable(start: str, forms: dict[str, set[str]]) -> set[str]:
    found, todo = {start}, [start]
    while todo:
        for glyph in forms.get(todo.pop(), ()):
            if glyph not in found:
                found.add(glyph)
                todo.append(glyph)
    return found


def _added(rules: list[Rule]) -> set[str]:
    """Glyphs a one-to-many substitution puts beside its first glyph, and what they become in turn."""
    added: set[str] = set()
    while True:
        before = len(added)
        for glyph, outputs, kind in rules:
            if kind == 2 and len(outputs) > 1:
                added.update(outputs if glyph in added else outputs[1:])
        if len(added) == before:
            return added


@lru_cache(maxsize=16)
def font_facts(font_file: Path) -> FontFacts:
    """The fillers and letter forms of ``font_file``, from its cmap and GSUB."""
    font = TTFont(io.BytesIO(font_file.read_bytes()), lazy=True)  # from bytes: no file left open
    rules = list(_substitutions(font))
    forms = _forms(rules)
    classes = font["GDEF"].table.GlyphClassDef.classDefs if "GDEF" in font and font["GDEF"].table.GlyphClassDef else {}
    origins: dict[str, set[str]] = defaultdict(set)
    for code, name in font.getBestCmap().items():
        char = unicodedata.normalize("NFKC", chr(code))  # a presentation form is its letter
        for glyph in _reachable(name, forms):
            origins[glyph].add(char if len(char) == 1 else chr(code))
    fillers = {g for g in _added(rules) if classes.get(g) != MARK and origins.get(g, {TATWEEL}) == {TATWEEL}}
    letters = {font.getGlyphID(g): next(iter(chars)) for g, chars in origins.items()
               if len(chars) == 1 and classes.get(g) != MARK and g not in fillers}
    return FontFacts(postscript_name(font), frozenset(font.getGlyphID(g) for g in fillers), letters)


def postscript_name(font: TTFont) -> str:
    return str(font["name"].getDebugName(6) or "")


def _object(pdf: pydyf.PDF, reference: Any) -> Any:
    return pdf.objects[int(bytes(reference).split()[0])]


def _embedded_font(pdf: pydyf.PDF, type0: pydyf.Dictionary) -> bytes:
    """The font program a composite font embeds (empty when it embeds none)."""
    descendant = _object(pdf, type0["DescendantFonts"][0])
    descriptor = _object(pdf, descendant["FontDescriptor"])
    if "FontFile2" not in descriptor:
        return b""
    return b"".join(bytes(chunk) for chunk in _object(pdf, descriptor["FontFile2"]).stream)


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be").hex().encode()


def mend_text_layer(pdf: pydyf.PDF, font_files: Iterable[Path]) -> None:
    """Give each glyph of the embedded fonts its own text (a WeasyPrint finisher). WeasyPrint maps a glyph to the
    text of the cluster it first meets it in, and when Amiri lengthens a lam before a kaf the lam and the added
    kashida share one cluster: one of them got the lam and the other nothing, so "الكوادر" read "اللكوادر" and
    every later "ال" before that lam form lost its lam ("ا قوات"). Here the kashida reads as the tatweel it draws
    and a letter form left without text gets its letter back; every other mapping stays as WeasyPrint made it."""
    facts = {f.name: f for f in map(font_facts, font_files)}
    for obj in list(pdf.objects):
        if not isinstance(obj, pydyf.Dictionary) or obj.get("Subtype") != "/Type0" or "ToUnicode" not in obj:
            continue
        data = _embedded_font(pdf, obj)
        font = facts.get(postscript_name(TTFont(io.BytesIO(data), lazy=True))) if data else None
        if font is None:
            continue
        cmap = _object(pdf, obj["ToUnicode"])
        for i, line in enumerate(cmap.stream):
            match = _BFCHAR.fullmatch(bytes(line))
            if match is None:
                continue
            glyph = int(match.group(1), 16)
            if glyph in font.fillers:
                cmap.stream[i] = b"<" + match.group(1) + b"> <" + _utf16(TATWEEL) + b">"
            elif not match.group(2) and glyph in font.letters:
                cmap.stream[i] = b"<" + match.group(1) + b"> <" + _utf16(font.letters[glyph]) + b">"
