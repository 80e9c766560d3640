"""find_numbers: digits with separators, number words, scaled decimals, glued numbers, and what is no number."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.figures.numbers import find_numbers
from helpers_figures import nlp  # noqa: F401  (session fixture)


def numbers_in(nlp: Language, text: str) -> list[tuple[int, str]]:
    """(value, the tokens as written) of every number ``find_numbers`` finds in ``text``."""
    doc = nlp(text)
    return [(n.value, doc[n.start : n.end].text) for n in find_numbers(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1,124 civilians were killed", [(1124, "1,124")], id="thousands-separator"),
        pytest.param("a toll of 12,679 detainees", [(12679, "12,679")], id="five-digits-separator"),
        pytest.param("The regime holds 1,056,230 people", [(1056230, "1,056,230")], id="two-separators"),
        pytest.param("3204 people were arrested", [(3204, "3204")], id="four-digits-no-separator"),
        pytest.param("7 children and 12 women", [(7, "7"), (12, "12")], id="two-numbers-in-a-list"),
        pytest.param("six children were killed", [(6, "six")], id="unit-word"),
        pytest.param("Seventeen people died", [(17, "Seventeen")], id="capitalised-teen-word"),
        pytest.param("forty-two women were arrested", [(42, "forty-two")], id="hyphenated-tens-unit"),
        pytest.param("ninety barrel bombs", [(90, "ninety")], id="tens-word"),
        pytest.param("one hundred and five victims", [(105, "one hundred and five")], id="hundred-and-unit"),
        pytest.param("three hundred and forty-one attacks", [(341, "three hundred and forty-one")], id="hundred-and-hyphenated"),
        pytest.param("two thousand three hundred detainees", [(2300, "two thousand three hundred")], id="thousand-and-hundred"),
        pytest.param("one thousand four hundred people", [(1400, "one thousand four hundred")], id="rounded-thousands-in-words"),
        pytest.param("2.3 million people have fled", [(2300000, "2.3 million")], id="decimal-with-million"),
        pytest.param("1.5 million people were displaced", [(1500000, "1.5 million")], id="decimal-with-million-other"),
        pytest.param("12 thousand people", [(12000, "12 thousand")], id="digits-with-thousand-word"),
    ],
)
def test_numbers_are_read_with_their_value(nlp: Language, text: str, expected: list[tuple[int, str]]) -> None:
    assert numbers_in(nlp, text) == expected


def test_glued_number_is_split_from_its_noun(nlp: Language) -> None:
    doc = nlp("SNHR recorded 97attacks on vital facilities")
    found = find_numbers(doc)
    assert [(n.value, doc[n.start : n.end].text) for n in found] == [(97, "97")]
    assert doc[found[0].end].text == "attacks"


def test_glued_number_keeps_its_separator(nlp: Language) -> None:
    doc = nlp("a total of 1,124civilians")
    assert [(n.value, doc[n.end].text) for n in find_numbers(doc)] == [(1124, "civilians")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The report runs to 12.5 pages", id="decimal-without-scale"),
        pytest.param("the first and the third anniversary", id="ordinals"),
        pytest.param("none of them was released", id="none"),
        pytest.param("Dozens of civilians and thousands of families", id="vague-magnitudes"),
        pytest.param("The market was struck at 10:30 in the morning", id="clock-time"),
        pytest.param("Syrian regime forces shelled Kafr Nabl", id="no-digits-at-all"),
        pytest.param("someone and anyone", id="words-containing-one"),
    ],
)
def test_no_number_is_found(nlp: Language, text: str) -> None:
    assert numbers_in(nlp, text) == []
