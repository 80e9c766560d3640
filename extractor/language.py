"""Tell a document's language from its script."""

from __future__ import annotations

import re

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")

LANGUAGES = ("en", "ar")


def detect_language(text: str) -> str:
    """``ar`` when Arabic letters outnumber Latin ones, else ``en``."""
    arabic = len(_ARABIC.findall(text))
    latin = len(_LATIN.findall(text))
    return "ar" if arabic > latin else "en"
