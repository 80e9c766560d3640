"""Phrasebooks: every phrase of a language, with its CLDR plural forms, read from ``phrasebook/<lang>.tsv``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale

from tally.errors import InputError, SetupError

PHRASEBOOK_DIR = Path(__file__).with_name("phrasebook")
#: The CLDR plural categories a phrase may give forms for; ``-`` marks a phrase without forms.
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
#: The grammatical cases a form may be given in beside its citation form (``two.genitive``).
CASES = ("accusative", "genitive")


def languages() -> tuple[str, ...]:
    """The languages that have a phrasebook."""
    return tuple(sorted(path.stem for path in PHRASEBOOK_DIR.glob("*.tsv")))


@dataclass(frozen=True)
class Phrasebook:
    """A language's phrases: ``say`` fills a phrase, ``count`` picks a plural form by CLDR category."""

    lang: str
    phrases: dict[str, dict[str, str]]

    def has(self, key: str) -> bool:
        return key in self.phrases

    def _forms(self, key: str) -> dict[str, str]:
        try:
            return self.phrases[key]
        except KeyError:
            raise SetupError(f"{PHRASEBOOK_DIR / (self.lang + '.tsv')}: no phrase {key!r}") from None

    def say(self, key: str, **values: str) -> str:
        """The phrase ``key`` with its ``{placeholders}`` filled."""
        forms = self._forms(key)
        text = forms.get("-") or forms.get("other") or next(iter(forms.values()))
        return _fill(text, key, values, self.lang)

    def category(self, n: int) -> str:
        """The CLDR plural category of ``n`` in this language."""
        return str(Locale.parse(self.lang).plural_form(n))

    def count(self, key: str, number: int, case: str = "", **values: str) -> str:
        """The form of ``key`` for ``number`` (its CLDR category, else ``other``), placeholders filled."""
        return self.form(key, self.category(number), case, **values)

    def form(self, key: str, category: str, case: str = "", **values: str) -> str:
        """The form of ``key`` for a plural ``category`` (else ``other``), placeholders filled; in a grammatical
        ``case`` the form ``<category>.<case>`` where the phrasebook gives one (Arabic ``two.genitive``)."""
        forms = self._forms(key)
        cased = forms.get(f"{category}.{case}") if case else None
        text = cased or forms.get(category) or forms.get("other") or forms.get("-") or ""
        return _fill(text, key, values, self.lang)

    def number_of(self, key: str) -> str:
        """The grammatical number of a noun phrase: ``one`` where the phrasebook gives it that form (``ISIS``
        holds), else ``other`` (Syrian regime forces hold)."""
        return "one" if "one" in self._forms(key) else "other"


def _fill(text: str, key: str, values: dict[str, str], lang: str) -> str:
    try:
        return text.format(**values)
    except (KeyError, IndexError) as err:
        raise SetupError(f"{PHRASEBOOK_DIR / (lang + '.tsv')}: phrase {key!r} needs a value for {err}") from None


@lru_cache(maxsize=None)
def load_phrasebook(lang: str) -> Phrasebook:
    """The phrasebook of ``lang``; an unknown language lists the valid ones."""
    path = PHRASEBOOK_DIR / f"{lang}.tsv"
    if not path.is_file():
        raise InputError(f"unknown language {lang!r}; valid choices: {', '.join(languages())}")
    phrases: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
            key, form, text = row.get("key"), row.get("form"), row.get("text")
            if not key or form is None or text is None:
                raise SetupError(f"{path}: line {line}: needs key, form and text columns")
            category, _, case = form.partition(".")
            if form != "-" and (category not in PLURAL_FORMS or (case and case not in CASES)):
                choices = f"-, {', '.join(PLURAL_FORMS)} (each optionally .{'/.'.join(CASES)})"
                raise SetupError(f"{path}: line {line}: form {form!r}; valid choices: {choices}")
            phrases.setdefault(key, {})[form] = text.replace("\\n", "\n")
    return Phrasebook(lang, phrases)
