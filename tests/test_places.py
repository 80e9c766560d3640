"""Where each count happened (extractor/figures/places.py): the place after the count, or in a ranking or a
labelled list the place before it. Every sentence is written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.figures import find_figures
from extractor.pipeline import load_pipeline


@pytest.fixture(scope="module")
def en() -> Language:
    return load_pipeline("en")


@pytest.fixture(scope="module")
def ar() -> Language:
    return load_pipeline("ar")


def places(nlp: Language, text: str, lang: str) -> list[tuple[int, str | None]]:
    figures, _ = find_figures(nlp(text), lang=lang)
    return [(f.count, f.location) for f in sorted(figures, key=lambda f: f.evidence.start if f.evidence else 0)]


ENGLISH = [
    pytest.param("Idlib came first with 212 civilians killed, followed by Hama with 97 and Daraa with 30.",
                 [(212, "Idlib"), (97, "Hama"), (30, "Daraa")], id="ranking-with-followed-by"),
    pytest.param("Regime forces killed 14 civilians in Aleppo and nine in Homs.", [(14, "Aleppo"), (9, "Homs")],
                 id="place-after-the-count"),
    pytest.param("The arrests by governorate: Damascus: 61, Daraa: 44.", [(61, "Damascus"), (44, "Daraa")],
                 id="labelled-items"),
    pytest.param("By governorate, Raqqa recorded 38 attacks, Deir ez-Zor 21 and Hasaka four.",
                 [(38, "Raqqa"), (21, "Deir ez-Zor"), (4, "Hasaka")], id="place-then-count-items"),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_places(en: Language, text: str, expected: list[tuple[int, str | None]]) -> None:
    assert places(en, text, "en") == expected


ARABIC = [
    pytest.param("وقتلت قوات النظام 90 مدنياً خلال الشهر، وتصدرت محافظة درعا بـ 41 مدنياً، تلتها حمص بـ 20، ثم حلب بـ 9.",
                 [(90, None), (41, "Daraa"), (20, "Homs"), (9, "Aleppo")], id="ranking-with-talatha"),
    pytest.param("قتل 16 مدنياً في إدلب و5 في حماة.", [(16, "Idlib"), (5, "Hama")], id="place-after-the-count"),
]


@pytest.mark.parametrize(("text", "expected"), ARABIC)
def test_arabic_places(ar: Language, text: str, expected: list[tuple[int, str | None]]) -> None:
    assert places(ar, text, "ar") == expected


def test_a_count_whose_sentence_names_no_place_takes_its_paragraph_heading_or_title_place(en: Language) -> None:
    """corpus/README.md rule 11, steps 3 to 6: the sentence's one untaken place, the paragraph's, the heading's,
    the title's; a sentence on all of Syria takes none."""
    def places(text: str) -> dict[int, str | None]:
        figures, _ = find_figures(en(text), lang="en")
        return {f.count: f.location for f in figures}

    paragraph = ("Russian warplanes bombed the vegetable market of Ariha on the morning of 3 May. The strike killed "
                 "17 civilians, including six children.")
    assert places(paragraph) == {17: "Ariha", 6: "Ariha"}
    titled = ("Eleven Days of Bombardment in Northwest Syria\n\nRegime forces killed 48 civilians in the period, and "
              "Russian forces killed 21.\n")
    assert places(titled) == {48: "northwest Syria", 21: "northwest Syria"}
    taken = "SNHR recorded 64 deaths, 40 of them in Idlib."
    assert places(taken) == {64: None, 40: "Idlib"}
    country = ("Russian warplanes bombed the market of Ariha on 3 May. Across Syria, SNHR recorded 310 civilian "
               "deaths in May.")
    assert places(country) == {310: None}


def test_a_headline_figure_restated_where_the_context_lends_another_place_is_one_figure(en: Language) -> None:
    text = ("SNHR: 17 Civilians Killed in Idlib Governorate\n\nRussian warplanes struck the market of Ariha on 3 May. "
            "The strike killed 17 civilians.\n")
    figures, _ = find_figures(en(text), lang="en")
    assert [(f.count, f.location) for f in figures] == [(17, "Ariha")]
