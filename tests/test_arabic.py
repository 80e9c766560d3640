"""The Arabic side of extraction: spelling, clitics, number words, noun counts, periods and rules."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from extractor.arabic import match_form, normalize_ar, presentation_to_letters
from extractor.figures import find_figures
from extractor.lexicon import arabic_vocabulary
from extractor.figures.numbers import find_numbers
from extractor.periods import find_periods
from extractor.pipeline import load_pipeline

Row = tuple[str, str | None, str | None, int]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("ar")


def rows(nlp: Language, text: str) -> set[Row]:
    figures, _ = find_figures(nlp(text), lang="ar")
    return {(f.metric, f.group, f.perpetrator, f.count) for f in figures}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("مدنياً", "مدنيا"), ("إدلب", "ادلب"), ("١٬١٢٤", "1,124"), ("٣٦٣١", "3631"), ("مستشفى", "مستشفي")],
)
def test_normalize_folds_spelling(raw: str, expected: str) -> None:
    assert normalize_ar(raw) == expected


def test_presentation_forms_become_letters() -> None:
    assert presentation_to_letters("\ufee3\ufeae\ufedc\ufeb0") == "مركز"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("وللأطفال", "اطفال"), ("بالأطفال", "اطفال"), ("وسيدة", "سيدة"), ("ألفين", "الفين")],
)
def test_clitics_come_off_known_words(word: str, expected: str) -> None:
    assert match_form(word, arabic_vocabulary()) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("قتل 56 مدنياً", [56]),
        ("قتل ١٬١٢٤ مدنياً", [1124]),
        ("سبعة وستين مدنياً", [67]),
        ("خمسة عشر شخصاً", [15]),
        ("ثلاثة آلاف برميل", [3000]),
        ("11 ألفاً و87 معتقلاً", [11087]),
        ("يوم الإثنين الماضي", []),
    ],
)
def test_number_words_and_digits(nlp: Language, text: str, values: list[int]) -> None:
    assert [n.value for n in find_numbers(nlp(text), "ar")] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتلت قوات النظام السوري 12 مدنياً، بينهم طفلان وسيدة.",
         {("killed", "civilians", "syrian_regime", 12), ("killed", "children", "syrian_regime", 2),
          ("killed", "women", "syrian_regime", 1)}),
        ("ارتكبت القوات الروسية مجزرة واحدة في إدلب.", {("massacres", None, "russian_forces", 1)}),
        ("وثقت الشبكة مقتل 56 مدنياً على يد قوات النظام السوري.", {("killed", "civilians", "syrian_regime", 56)}),
        ("قُتل ستة مدنيين على يد تنظيم داعش، بينهم طفل وسيدتان.",
         {("killed", "civilians", "isis", 6), ("killed", "children", "isis", 1), ("killed", "women", "isis", 2)}),
    ],
)
def test_arabic_figures(nlp: Language, text: str, expected: set[Row]) -> None:
    assert rows(nlp, text) == expected


def test_definite_nouns_are_not_counts(nlp: Language) -> None:
    assert rows(nlp, "وأدان التقرير استهداف الطفل في المدرسة.") == set()


def test_a_threshold_is_not_a_count(nlp: Language) -> None:
    assert rows(nlp, "ويعرّف التقرير المجزرة بأنها هجوم يقتل خمسة أشخاص أو أكثر.") == set()


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("في آذار/مارس 2011", dt.date(2011, 3, 1), dt.date(2011, 3, 31)),
        ("من 26 نيسان حتى 15 تشرين الثاني 2019", dt.date(2019, 4, 26), dt.date(2019, 11, 15)),
        ("خلال النصف الأول من عام 2017", dt.date(2017, 1, 1), dt.date(2017, 6, 30)),
        ("في عام 2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
    ],
)
def test_arabic_periods(text: str, start: dt.date, end: dt.date) -> None:
    [found] = find_periods(text, lang="ar", year=2019)
    assert (found.period.start, found.period.end) == (start, end)


def test_sentence_ending_in_a_year_splits(nlp: Language) -> None:
    doc = nlp("وثقت الشبكة مقتل 20 مدنياً في عام 2019. وقتلت القوات الروسية 5 مدنيين.")
    assert len(list(doc.sents)) == 2
