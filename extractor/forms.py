"""Word forms that vocabulary phrases are matched on: lower case, or Arabic without marks and clitics."""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from extractor.arabic import match_form, normalize_ar, strip_marks
from extractor.lexicon import arabic_vocabulary
from extractor.vocab import rows_for

#: The tables read through word forms, and the column holding their phrases.
PHRASE_COLUMNS = {
    "cues": "text",
    "addressees": "alias",
    "publishers": "alias",
    "laws": "text",
    "weapons": "alias",
    "weekdays": "name",
}
#: The indefinite accusative ending: "برميلاً" is "برميل".
_ACCUSATIVE = re.compile(r"(?:اً|ًا)$")
#: Quotation marks and brackets the tokenizer leaves on a word: "و«الجيش".
_GLUED_MARKS = re.compile(r"[«»“”\"()\[\]]")
#: A conjunction written onto a number: "و2043".
_JOINED_CONJUNCTION = re.compile(r"^[وف](?=\d)")
_ARTICLE = re.compile(r"^[وف]?(?:[بكل]?ال|لل)")


def key(text: str) -> str:
    """How a phrase is looked up in a table: single spaces, lower case, Arabic in its matching spelling."""
    return normalize_ar(" ".join(text.split())).lower()


def _unmarked(word: str) -> str:
    """The Arabic word without glued quotation marks and the accusative ending, spelled as written."""
    return _ACCUSATIVE.sub("", _GLUED_MARKS.sub("", word))


@functools.lru_cache(maxsize=1)
def arabic_known() -> frozenset[str]:
    """Every Arabic word of the vocabulary, so clitics come off only where the base is a known word."""
    words: set[str] = set()
    for table, column in PHRASE_COLUMNS.items():
        for row in rows_for(table, "ar"):
            for word in row[column].split():
                bare = normalize_ar(_unmarked(word))
                if len(bare) > 1:  # a letter ("ب" of "المادة 8 (ب)") would make every ب- word a clitic
                    words.add(bare)
                if bare.startswith("ال") and len(bare) > 3:
                    words.add(bare[2:])
    return arabic_vocabulary() | frozenset(words)


def word_form(word: str, lang: str) -> str:
    """The form a word is matched on; never empty."""
    if lang != "ar":
        return word.lower()
    bare = _JOINED_CONJUNCTION.sub("", _unmarked(word))
    return (match_form(bare, arabic_known()) if bare else "") or word  # a lone mark keeps its own form


def token_form(token: Token) -> str:
    """The matching form of one token of a document."""
    return word_form(token.text, token.doc.lang_)


def has_article(word: str) -> bool:
    """True for an Arabic word with the article, bare or after a clitic: "الشبكة", "للنظام"; not "إلى"."""
    return bool(_ARTICLE.match(strip_marks(word)))


def normalized_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` in its matching spelling, and for each of its characters the offset it came from."""
    out: list[str] = []
    offsets: list[int] = []
    for i, char in enumerate(text):
        for new in normalize_ar(char).lower():
            out.append(new)
            offsets.append(i)
    return "".join(out), offsets


@functools.lru_cache(maxsize=32)
def cue_phrases(lang: str, kind: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The cue rows of one kind as word forms, by their first word, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for row in rows_for("cues", lang):
        if row["kind"] == kind:
            phrase = tuple(word_form(word, lang) for word in row["text"].split())
            by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(sorted(set(p), key=len, reverse=True)) for first, p in by_first.items()}


@functools.lru_cache(maxsize=32)
def cue_words(lang: str, *kinds: str) -> frozenset[str]:
    """The one-word cue rows of the given kinds, as word forms."""
    return frozenset(
        word_form(row["text"], lang)
        for row in rows_for("cues", lang)
        if row["kind"] in kinds and len(row["text"].split()) == 1
    )


def phrase_at(words: list[str], i: int, lang: str, kind: str) -> int:
    """How many words from ``i`` on a cue of ``kind`` takes (0 for none); ``words`` are word forms."""
    for phrase in cue_phrases(lang, kind).get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


class MatchView:
    """How one language's phrases are matched: on ``LOWER``, or for Arabic on word forms in a parallel Doc."""

    def __init__(self, nlp: Language) -> None:
        self.lang = nlp.lang or "en"
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self.by_form = self.lang == "ar"
        self.attr = "ORTH" if self.by_form else "LOWER"

    def forms(self, doc: Doc) -> Doc:
        """What matchers run on: the document itself, or a Doc of its word forms, token for token."""
        if not self.by_form:
            return doc
        words = [word_form(token.text, self.lang) for token in doc]
        return Doc(doc.vocab, words=words, spaces=[bool(token.whitespace_) for token in doc])

    def pattern(self, phrase: str) -> Doc:
        """A phrase of a table as a matcher pattern."""
        return self.forms(self._make_doc(phrase))

    def values(self, words: list[str]) -> list[str]:
        """Single words of a table as values of the matching attribute."""
        return sorted({word_form(word, self.lang) if self.by_form else word.lower() for word in words})
