"""Arabic text: one spelling for matching (no harakat, one alef, Western digits) and clitics taken off."""

from __future__ import annotations

import re
import unicodedata


_HARAKAT = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")  # marks and tatweel
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SEPARATORS = str.maketrans({"٬": ",", "٫": "."})
#: Conjunctions and prepositions written joined to the next word, tried longest first.
_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل")
_PRESENTATION = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")


def presentation_to_letters(text: str) -> str:
    """NFKC only on Arabic presentation forms, which some PDF producers emit."""
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def normalize_ar(text: str) -> str:
    """The matching form: no harakat or tatweel, one alef, final ya, Western digits and separators."""
    return _HARAKAT.sub("", text).translate(_ALEF).translate(_DIGITS).translate(_SEPARATORS)


def strip_clitics(word: str, known: frozenset[str], article: bool = True) -> str:
    """``وللأطفال`` → ``اطفال`` when that base is a known word; the word itself otherwise."""
    if word in known:
        rest = word[1:]
        if word.startswith("لل") and "ال" + word[2:] in known:
            return "ال" + word[2:]  # "للنظام" is known from a phrase that wrote it so; matched on, it is "النظام"
        # "لقوات" is known from a phrase that wrote it with its clitic; matched on, it is "قوات"
        return rest if word[0] in "بل" and len(rest) >= 3 and rest in known else word
    for prefix in _PROCLITICS:
        if not article and "ال" in prefix:
            continue
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            rest = word[len(prefix) :]
            if prefix.endswith("لل"):
                rest = "ال" + rest  # ل + ال is written لل: "للنظام" is "ل" + "النظام"
            if rest in known:
                return rest
            if rest.startswith("ال") and rest[2:] in known:
                return rest[2:]
    return word


def base_forms(phrases: list[str]) -> frozenset[str]:
    """Every word of the vocabulary phrases, normalized, with and without the article."""
    out: set[str] = set()
    for phrase in phrases:
        for word in normalize_ar(phrase).split():
            out.add(word)
            if word.startswith("ال") and len(word) > 3:
                out.add(word[2:])
    return frozenset(out)


def match_form(word: str, known: frozenset[str]) -> str:
    """What a word is matched on: normalized, clitics off, and the article off when the bare word is known."""
    norm = normalize_ar(word)
    if "\u064b" in word and norm.endswith("ا") and norm not in known and norm[:-1] in known:
        norm = norm[:-1]  # the accusative's tanween and alef ("مسجداً") on a known noun ("مسجد")
    if not _has_article(word) and not _clitic_before_article(norm):
        return strip_clitics(norm, known, article=False)
    base = strip_clitics(norm, known)
    if base.startswith("ال") and base[2:] in known:
        return base[2:]
    return base


def strip_marks(word: str) -> str:
    """The word without harakat and tatweel, its letters otherwise as written."""
    return _HARAKAT.sub("", word)


def _has_article(word: str) -> bool:
    """The article is written with a plain alef: "ألفي" (two thousand) and "إلى" have none."""
    return strip_marks(word).startswith("ال")


def _clitic_before_article(norm: str) -> bool:
    return any(norm.startswith(p) for p in ("وال", "فال", "بال", "كال", "لل", "وبال", "ولل", "فلل", "وكال", "فبال"))
