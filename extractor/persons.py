"""People named after a cue, for pipelines without NER: "قال X،", "الناشط X", "مدير الشبكة X:"."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span

from extractor.forms import cue_words, has_article, phrase_at, word_form
from extractor.vocab import rows_for

#: A name longer than this, or one that runs on into more words, is not taken.
MAX_NAME_WORDS = 4
#: Words with the article between a cue and the name: "الناشط الإعلامي X".
MAX_DESCRIPTORS = 2
_LETTERS = re.compile(r"^[\u0621-\u064a\u0640\u064b-\u0652\u0670]+$")


def cued_persons(doc: Doc, forms: Doc, spans: list[Span]) -> list[Span]:
    """PERSON spans for names a cue makes reliable, given the document's other entity ``spans``.

    After a speech verb ("قال X،", "قال مدير الشبكة … X:"), after a title and its organisation
    ("رئيس النظام السوري X"), and after a definite word for a person closed by punctuation ("الطفل X،").
    """
    lang = doc.lang_
    words = [token.text for token in forms]
    ends = {span.start: span.end for span in spans}
    taken = {i for span in spans for i in range(span.start, span.end)}
    found: list[Span] = []
    i = 0
    while i < len(doc):
        person = None
        speech = phrase_at(words, i, lang, "speech_verb")
        title = phrase_at(words, i + speech, lang, "title") if i + speech < len(doc) else 0
        cue = 0 if speech or title else phrase_at(words, i, lang, "person_cue")
        if title:
            # A title counts only with the organisation it heads: "مدير الشبكة السورية لحقوق الإنسان".
            organisation = _after_descriptors(doc, words, ends, i + speech + title, taken)
            if organisation - 1 in taken and organisation > i + speech + title:
                person = _name(doc, words, organisation, taken)
        elif speech:
            person = _name(doc, words, i + speech, taken)
        elif cue and (has_article(doc[i].text) or not _definite(lang, words[i])):
            person = _name(doc, words, _after_descriptors(doc, words, {}, i + cue, taken), taken, closed=True)
        if person is not None:
            found.append(person)
            i = person.end
        else:
            i += 1
    return found


@functools.lru_cache(maxsize=8)
def _definite_cues(lang: str) -> frozenset[str]:
    """Cue words written with the article ("الطفل"): without it ("طفل") they count people, not name one."""
    return frozenset(
        word_form(row["text"].split()[0], lang)
        for row in rows_for("cues", lang)
        if row["kind"] == "person_cue" and has_article(row["text"])
    )


def _definite(lang: str, form: str) -> bool:
    return form in _definite_cues(lang)


def _after_descriptors(doc: Doc, words: list[str], ends: dict[int, int], j: int, taken: set[int]) -> int:
    """Past the words describing a title or cue: a few with the article, or an organisation."""
    if j in ends:
        return ends[j]
    stops = cue_words(doc.lang_, "name_stop")
    skipped = 0
    while j < len(doc) and skipped < MAX_DESCRIPTORS and j not in taken and words[j] not in stops:
        if not has_article(doc[j].text):
            break
        j += 1
        skipped += 1
    return ends.get(j, j)


def _name(doc: Doc, words: list[str], start: int, taken: set[int], closed: bool = False) -> Span | None:
    """One to four name words from ``start``, followed by punctuation or a word that ends names.

    ``closed``: only punctuation may follow ("الطفل محمد، 13 عاماً"), as nothing else marks where the name ends.
    """
    lang = doc.lang_
    stops = cue_words(lang, "name_stop")
    not_names = cue_words(lang, "not_a_name")
    end = start
    while end < len(doc) and end - start < MAX_NAME_WORDS and end not in taken:
        token, form = doc[end], words[end]
        if not _LETTERS.match(token.text) or form in stops or len(form) < 2:
            break
        if end == start and (has_article(token.text) or form in not_names):
            return None
        end += 1
    if end == start:
        return None
    # Where the name ends must show: punctuation, the end, or (after a verb or title) a word such as "إن".
    if end < len(doc) and not (doc[end].is_punct or doc[end].is_space or (not closed and words[end] in stops)):
        return None
    return Span(doc, start, end, label="PERSON")
