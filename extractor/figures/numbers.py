"""Find the numbers a Doc states: digits with separators, number words, and "a child"."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractor.arabic import match_form, normalize_ar, strip_marks
from extractor.lexicon import Marks, arabic_vocabulary
from extractor.vocab import rows_for

_DIGITS = re.compile(r"^\d{1,3}(?:[,\u066c]\d{3})+$|^\d+$")
_DECIMAL = re.compile(r"^\d+[.\u066b]\d+$")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class Number:
    """A number in the text: tokens [start, end), its value, and how it was written."""

    start: int
    end: int
    value: int
    kind: str  # "digits", "words" or "article"

    @property
    def is_article(self) -> bool:
        return self.kind == "article"


@functools.lru_cache(maxsize=8)
def number_words(lang: str) -> dict[str, tuple[int, str]]:
    """Word -> (value, kind) from vocab/numbers.tsv."""
    if lang == "ar":
        known = arabic_vocabulary()
        return {match_form(r["word"], known): (int(r["value"]), r["kind"]) for r in rows_for("numbers", lang)}
    return {r["word"].lower(): (int(r["value"]), r["kind"]) for r in rows_for("numbers", lang)}


@functools.lru_cache(maxsize=8)
def month_names(lang: str) -> frozenset[str]:
    """Month names (vocab/months.tsv) and their first words: a number beside one is a day, not a count."""
    names = [normalize_ar(r["name"]) if lang == "ar" else r["name"].lower() for r in rows_for("months", lang)]
    return frozenset(names + [name.split()[0] for name in names if " " in name])


def digits_value(text: str) -> int | None:
    """The value of a digit string with thousands separators, or None."""
    if _DIGITS.match(text):
        return int(re.sub(r"[,\u066c]", "", text))
    return None


def _word_number(doc: Doc, i: int, words: dict[str, tuple[int, str]]) -> tuple[int, int] | None:
    """Parse a run of number words starting at token i: (value, end) or None."""
    total = 0
    current = 0
    end = i
    seen = False
    j = i
    while j < len(doc):
        low = doc[j].lower_
        entry = words.get(low)
        if entry and entry[1] in {"unit", "tens"}:
            if seen and current % 100 != 0 and entry[1] == "tens":
                break
            if seen and current % 10 != 0 and entry[1] == "unit":
                break
            current += entry[0]
        elif entry and entry[1] in {"scale", "scale_word"} and seen:
            scale = entry[0]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
        elif seen and low in {"-", "and"} and j + 1 < len(doc) and doc[j + 1].lower_ in words:
            nxt = words[doc[j + 1].lower_]
            if nxt[1] not in {"unit", "tens"}:
                break
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
        end = j
    if not seen:
        return None
    return total + current, end


def _key(token: Token, lang: str) -> str:
    """How a token is looked up in the number words: lower case, or the Arabic matching form."""
    return token.norm_ if lang == "ar" else token.lower_


def _scaled(doc: Doc, i: int, base: float, words: dict[str, tuple[int, str]], lang: str) -> tuple[int, int]:
    """Apply a scale word after a number ("2.3 million", "11 ألفا و87"); returns (value, end)."""
    if i + 1 < len(doc):
        entry = words.get(_key(doc[i + 1], lang))
        if entry and entry[1] == "scale" and entry[0] >= 1000:
            value, end = int(round(base * entry[0])), i + 2
            if lang == "ar" and end < len(doc) and _joined(doc[end]):
                rest = digits_value(normalize_ar(doc[end].text).lstrip("و"))
                if rest is not None and rest < entry[0]:
                    return value + rest, end + 1  # "11 ألفا و87" is 11,087
            return value, end
    return int(base), i + 1


def _joined(token: Token) -> bool:
    """An Arabic word or number written with "و" (and) in front."""
    return normalize_ar(token.text).startswith("و")


#: "one" and "two" as written after a counted noun ("مجزرة واحدة", "مدنيين اثنين"), harakat off.
ONE_TWO_AFTER = frozenset({"واحد", "واحدة", "واحدا", "اثنان", "اثنين", "اثنتان", "اثنتين"})
_MEMBERS_OF = {"افراد", "عناصر", "اعضاء"}
_AGED = {"يبلغ", "تبلغ", "عمره", "عمرها", "البالغ", "البالغة"}
_ORDINALS = {"ثانية", "ثاني", "ثالثة", "ثالث", "اولي", "اول", "اخيرة", "اخير", "رابعة", "رابع"}
_REMAINING = ("المتبقي", "الباقي", "الاخري", "الاخران", "المتبقيت")


def _word_number_ar(doc: Doc, i: int, words: dict[str, tuple[int, str]]) -> tuple[int, int] | None:
    """Arabic number words add up, joined by "و": "سبعة وستين" is 67, "ثلاثة آلاف" is 3,000."""
    if i > 0 and _definite(doc[i - 1].text) and words.get(doc[i - 1].norm_, (0, ""))[1] in {"unit", "tens", "hundreds"}:
        return None  # "الأيام الستة عشر": the rest of a definite number, an ordinal or a name, not a count
    total = current = 0
    j = end = i
    while j < len(doc):
        entry = words.get(doc[j].norm_)
        if entry is not None and entry[1] == "article" and j == i and j + 1 < len(doc):
            nxt = words.get(doc[j + 1].norm_)
            joined = _joined(doc[j + 1])
            if nxt is not None and ((joined and nxt[1] == "tens") or (not joined and nxt[0] == 10)):
                entry = (entry[0], "unit")  # "إحدى وأربعين" is 41, "أحد عشر" is 11
        remaining = j == i and j + 1 < len(doc) and normalize_ar(doc[j + 1].text).startswith(_REMAINING)
        if entry is None or entry[1] in {"article", "singular", "dual_suffix", "other"} or (
            _definite(doc[j].text) and not remaining  # "الاثنتان المتبقيتان": the remaining two are two more
        ):
            break  # "الاثنين" is Monday, "الأحد" Sunday: a number word with the article is no count
        teen = j > i and entry[0] == 10 and current and current < 10 and not _joined(doc[j])
        if j > i and entry[1] != "scale" and not _joined(doc[j]) and not teen:
            break
        if j > i and entry[1] == "unit" and entry[0] < 10 and current % 10 != 0:
            break  # "سيدة واحدة وأحد أفراد…": a unit does not add to a unit; "مئة وخمسة" and "سبعة وستين" do
        value, kind = entry
        if kind == "scale":
            total += (current or 1) * value
            current = 0
        else:
            current += value
        j += 1
        end = j
    if end == i:
        return None
    return total + current, end


def _the_other(doc: Doc, i: int, words: dict[str, tuple[int, str]]) -> tuple[int, int] | None:
    """"أحدهما … والآخر": after "one of the two", "and the other" (the second) is one more."""
    text = normalize_ar(doc[i].text)
    entry = words.get(text[3:]) if text.startswith("وال") else None
    if entry is None or entry[1] != "other":
        return None
    sent_start = doc[i].sent.start if doc.has_annotation("SENT_START") else max(0, i - 15)
    one = any(words.get(t.norm_, (0, ""))[1] == "unit" and t.norm_.startswith(("احد", "احدا"))
              and t.norm_ != "احد" for t in doc[max(sent_start, i - 15) : i])
    return (entry[0], i + 1) if one else None


def _the_other_en(doc: Doc, i: int) -> bool:
    """"the other" standing alone (not "the other parties") after "one" in the same sentence."""
    if i + 1 >= len(doc) or doc[i].lower_ != "the" or doc[i + 1].lower_ != "other":
        return False
    nxt = doc[i + 2] if i + 2 < len(doc) else None
    if nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
        return False
    start = doc[i].sent.start if doc.has_annotation("SENT_START") else max(0, i - 15)
    return any(t.lower_ == "one" for t in doc[max(start, i - 15) : i])


def find_numbers(doc: Doc, lang: str = "en") -> list[Number]:
    """Every number token run in ``doc`` (articles excluded; see ``find_articles``)."""
    words = number_words(lang)
    out: list[Number] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        text = normalize_ar(tok.text).lstrip("و") if lang == "ar" else tok.text
        value = digits_value(text)
        if value is not None:
            value, end = _scaled(doc, i, value, words, lang)
            out.append(Number(i, end, value, "digits"))
            i = end
            continue
        if _DECIMAL.match(text):
            base = float(text.replace("\u066b", "."))
            value, end = _scaled(doc, i, base, words, lang)
            if end > i + 1:  # a decimal counts only with a scale: "2.3 million"
                out.append(Number(i, end, value, "digits"))
            i = end
            continue
        if lang == "ar":
            parsed = _word_number_ar(doc, i, words)
            other = None if parsed else _the_other(doc, i, words)
            if other is not None:
                out.append(Number(i, other[1], other[0], "other"))  # "والثانية": counted like "إحداهما"
                i = other[1]
                continue
        else:
            parsed = _word_number(doc, i, words) if tok.lower_ in words else None
            if parsed is None and _the_other_en(doc, i):
                out.append(Number(i, i + 2, 1, "other"))  # "one of them by regime forces and the other by …"
                i += 2
                continue
        if parsed:
            value, end = parsed
            out.append(Number(i, end, value, "words"))
            i = end
            continue
        i += 1
    return out


def find_articles(doc: Doc, marks: Marks, lang: str = "en") -> list[Number]:
    """"a child", "an attack", "a single massacre": an article before a counted singular noun."""
    words = number_words(lang)
    out: list[Number] = []
    for tok in doc:
        entry = words.get(_key(tok, lang))
        if not entry or entry[1] != "article":
            continue
        j = tok.i + 1
        # allow one adjective ("a female journalist" is matched whole; "a young child")
        if j < len(doc) and doc[j].pos_ == "ADJ" and not _counted_start(marks, j):
            j += 1
        if lang == "ar" and j < len(doc) and normalize_ar(doc[j].text) in _MEMBERS_OF and (
            _counted_start(marks, j) or _counted_start(marks, j + 1)
        ):
            out.append(Number(tok.i, tok.i + 1, entry[0], "words"))  # "أحد أفراد الكوادر الإعلامية": one of them, said
            continue
        if j < len(doc) and _counted_start(marks, j) and _singular(doc[j : _counted_end(marks, j)][-1]):
            out.append(Number(tok.i, tok.i + 1, entry[0], "article"))
    return out


def find_noun_counts(doc: Doc, marks: Marks, lang: str) -> list[Number]:
    """Arabic nouns that are counts by their form: a dual ("طفلان" = 2), "مجزرة واحدة" = 1, a bare singular.

    The number has no tokens of its own: it starts (and ends) at the noun, which is its counted noun.
    """
    words = number_words(lang)
    singulars = {w for w, (_v, kind) in words.items() if kind == "singular"}
    suffixes = sorted((w for w, (_v, kind) in words.items() if kind == "dual_suffix"), key=len, reverse=True)
    out: list[Number] = []
    for kind in ("group", "event", "target"):
        for mark in marks.by_kind.get(kind, []):
            before = doc[max(0, mark.start - 2) : mark.start]
            if before and _written_number(before[-1], words, lang) and not one_after_noun(
                doc, marks, Number(before[-1].i, before[-1].i + 1, words.get(before[-1].norm_, (0, ""))[0], "words"), lang
            ):
                continue  # "56 مدنياً", "و39 سيدة": the number is written (not "طفل واحد وسيدتان")
            form = doc[mark.start].norm_
            after = doc[mark.end] if mark.end < len(doc) else None
            remaining = after is not None and normalize_ar(after.text).startswith(_REMAINING)
            if _definite(doc[mark.start].text) and not remaining:
                continue  # "الطفل" is the child spoken of, not one more child counted ("المجزرتان المتبقيتان" are two)
            in_one = mark.start > 0 and doc[mark.start - 1].norm_ in {"في", "خلال"}  # "في غارة واحدة": how, not how many
            # "شاب يبلغ من العمر 23 عاماً": one person described (already counted), not one more
            in_one = in_one or any(normalize_ar(t.text).lstrip("و") in _AGED for t in doc[mark.end : mark.end + 2])
            one_two = words.get(after.norm_) if after is not None and strip_marks(after.text) in ONE_TWO_AFTER else None
            if one_two is not None and one_two[0] in {1, 2} and one_two[1] == "unit":  # "مجزرة واحدة", not "وأحد"
                if in_one:
                    continue
                value = one_two[0]
                out.append(Number(mark.start, mark.start, value, "words"))  # "مجزرة واحدة", "مدنيان اثنان"
            elif not form.endswith("يين") and any(form.endswith(sfx) and _stem(form, sfx) in singulars for sfx in suffixes):
                out.append(Number(mark.start, mark.start, 2, "dual"))  # "طفلان", "مجزرتين"
            elif form in singulars and not (after is not None and marks.at("place", after.i)) and not in_one and not (
                after is not None and normalize_ar(after.text) in _ORDINALS  # "بغارة ثانية": which strike, not how many
            ):
                out.append(Number(mark.start, mark.start, 1, "article"))  # "بينهم طفل وسيدة", not "مشفى أريحا"
    return out


def _definite(word: str) -> bool:
    """Does an Arabic word carry the article (after any joined conjunction or preposition)?"""
    norm = strip_marks(word)  # keep أ apart from ا: "ألفين" has no article
    for prefix in ("و", "ف", "ب", "ك", "ل"):
        if norm.startswith(prefix + "ال") or (prefix == "ل" and norm.startswith("لل")):
            return True
    return norm.startswith("ال")


def _written_number(token: Token, words: dict[str, tuple[int, str]], lang: str) -> bool:
    if token.like_num or digits_value(normalize_ar(token.text).lstrip("و")) is not None:
        return True
    entry = words.get(_key(token, lang))
    return entry is not None and entry[1] in {"unit", "tens", "hundreds", "dual", "scale"}


def _stem(form: str, suffix: str) -> str:
    stem = form[: -len(suffix)]
    return stem + "ة" if suffix.startswith("ت") else stem


def one_after_noun(doc: Doc, marks: Marks, number: Number, lang: str) -> bool:
    """The "واحدة" of "مجزرة واحدة": a word one written after its noun, counted with it."""
    if lang != "ar" or number.value not in {1, 2} or number.start == 0 or number.kind == "digits":
        return False  # "7 طفلا و1 سيدة": a digit is its own count, before its noun
    raw = strip_marks(doc[number.start].text)
    if raw.startswith(("وأحد", "وإحدى", "واحدى")) or (raw.startswith("و") and not raw.startswith("واحد")):
        return False  # "وأحد أفراد الكوادر", "واثنان من الكوادر": "and one/two of", not the "واحد" of "طفل واحد"
    return _counted_end_at(marks, number.start - 1)


def _counted_end_at(marks: Marks, i: int) -> bool:
    return any(marks.ending(kind, i) for kind in ("group", "event", "target"))


def _counted_start(marks: Marks, j: int) -> bool:
    return any(marks.starting(kind, j) for kind in ("group", "event", "target"))


def _counted_end(marks: Marks, j: int) -> int:
    return max((m.end for kind in ("group", "event", "target") if (m := marks.starting(kind, j))), default=j + 1)


def _singular(token: Token) -> bool:
    return token.tag_ in {"NN", "NNP"} or (token.tag_ == "" and not token.text.endswith("s"))


def looks_like_year(doc: Doc, number: Number) -> bool:
    """A bare four-digit 19xx/20xx written without separators (in any digits)."""
    text = normalize_ar(doc[number.start].text).lstrip("و") if doc.lang_ == "ar" else doc[number.start].text
    if number.start > 0 and normalize_ar(doc[number.start - 1].text) in {"بـ", "ب", "بواقع"}:
        return False  # "ثم درعا بـ 1987": a ranking's count, not a year
    return number.kind == "digits" and number.end - number.start == 1 and bool(_YEAR.match(text))
