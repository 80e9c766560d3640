"""Quotes: quoted statements with their speaker and the speaker's role."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.pipeline import load_entity_pipeline
from extractor.quotation import quotation_spans
from extractor.quotes import find_quotes
from tally.model import Quote

CHAIR = "Chairman of the Syrian Network for Human Rights"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_entity_pipeline("en")


def quotes(nlp: Language, text: str) -> list[Quote]:
    return find_quotes(nlp(text))


@pytest.mark.parametrize(
    ("text", "speaker", "role", "said"),
    [
        (
            f"Fadel Abdul Ghany, {CHAIR}, said: “The bombing of markets is a deliberate policy against civilians.”",
            "Fadel Abdul Ghany",
            CHAIR,
            "The bombing of markets is a deliberate policy against civilians.",
        ),
        (
            f"“Nobody has been held to account for these crimes,” said Fadel Abdul Ghany, {CHAIR.lower()}.",
            "Fadel Abdul Ghany",
            CHAIR.lower(),
            "Nobody has been held to account for these crimes",
        ),
        (
            "“The detainees were denied any contact with their families,” Fadel Abdul Ghany stated.",
            "Fadel Abdul Ghany",
            None,
            "The detainees were denied any contact with their families",
        ),
        (
            'In this context, Dr. Samer Haddad, the director of the hospital, noted that "the facility was struck '
            'three times in one week".',
            "Dr. Samer Haddad",
            "director of the hospital",
            "the facility was struck three times in one week",
        ),
        (
            "“The shelling did not stop for a single hour that night,” Fadel Abdul Ghany had said.",
            "Fadel Abdul Ghany",
            None,
            "The shelling did not stop for a single hour that night",
        ),
        (
            "A nurse from the town told SNHR:\n\n“We carried the wounded children out through the smoke.”",
            "A nurse from the town",
            None,
            "We carried the wounded children out through the smoke.",
        ),
    ],
)
def test_attributed_quotation(nlp: Language, text: str, speaker: str, role: str | None, said: str) -> None:
    assert quotes(nlp, text) == [Quote(speaker=speaker, role=role, text=said)]


def test_pronoun_refers_back_to_the_last_speaker(nlp: Language) -> None:
    text = (
        f"Fadel Abdul Ghany, {CHAIR}, said: “The regime targets bakeries to starve the besieged areas.”\n\n"
        "The shelling went on for three more days.\n\n"
        "He added: “The Security Council must refer these crimes to the International Criminal Court.”"
    )
    found = quotes(nlp, text)
    assert [(q.speaker, q.role) for q in found] == [("Fadel Abdul Ghany", CHAIR)] * 2


def test_shorter_name_refers_back_to_the_full_one(nlp: Language) -> None:
    text = (
        f"“The camps received no aid this winter,” said Fadel Abdul Ghany, {CHAIR}. "
        "“Families burned clothes to keep warm,” Abdul Ghany added."
    )
    assert [(q.speaker, q.role) for q in quotes(nlp, text)] == [("Fadel Abdul Ghany", CHAIR)] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Attacks continued inside the so-called “de-escalation zone” throughout the month.",
        "Regime media described the victims as “terrorists” in its broadcasts.",
        "The report stated that the resolution called for “an immediate end to all attacks on civilians”.",
        "Activists shared a statement titled “No Justice Without Accountability For The Victims” online.",
    ],
)
def test_scare_quotes_and_unattributed_quotations_are_not_quotes(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


def test_quotation_over_two_paragraphs_is_one_quote(nlp: Language) -> None:
    text = (
        "Fadel Abdul Ghany said: “The evidence we collected is overwhelming.\n\n"
        "“It shows a pattern of attacks on hospitals across the region.”"
    )
    found = quotes(nlp, text)
    assert len(found) == 1
    assert found[0].text.startswith("The evidence") and found[0].text.endswith("region.")


def test_same_quotation_twice_is_one_quote(nlp: Language) -> None:
    sentence = "Fadel Abdul Ghany said: “The victims deserve justice and the truth about their fate.”"
    assert len(quotes(nlp, f"{sentence}\n\n{sentence}")) == 1


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("a “b c” d", [(2, 6)]),
        ('x "y z" and "w"', [(2, 6), (12, 14)]),
        ("“open\nnone\" here", []),
        ("“one\n\n“two”", [(0, 10)]),
    ],
)
def test_quotation_spans(text: str, pairs: list[tuple[int, int]]) -> None:
    assert quotation_spans(text) == pairs


# Arabic: no tagger or NER; speech verbs, titles and the speaker's name come from the tables (vocab/cues.tsv).


@pytest.fixture(scope="session")
def ar_nlp() -> Language:
    return load_entity_pipeline("ar")


AR_DIRECTOR = "مدير مركز التوثيق في حلب"


@pytest.mark.parametrize(
    ("text", "speaker", "role", "said"),
    [
        (
            f"قال سامر الحداد، {AR_DIRECTOR}: «لم تتوقف الغارات على الأحياء الشرقية طوال الليل».",
            "سامر الحداد",
            AR_DIRECTOR,
            "لم تتوقف الغارات على الأحياء الشرقية طوال الليل",
        ),
        (
            'وقال مدير الشبكة السورية لحقوق الإنسان فضل عبد الغني: "إن استهداف المخابز سياسة لتجويع السكان".',
            "فضل عبد الغني",
            "مدير الشبكة السورية لحقوق الإنسان",
            "إن استهداف المخابز سياسة لتجويع السكان",
        ),
        (
            "«سنواصل توثيق كل انتهاك بحق المدنيين في المنطقة»، قال سامر الحداد.",
            "سامر الحداد",
            None,
            "سنواصل توثيق كل انتهاك بحق المدنيين في المنطقة",
        ),
        (
            "وذكرت الشبكة، وهي تتابع الحملة منذ بدايتها، عبر موقعها أن “الضحايا سقطوا في غارتين متتاليتين على السوق”.",
            "الشبكة",
            None,
            "الضحايا سقطوا في غارتين متتاليتين على السوق",
        ),
        (
            f"قال سامر الحداد، {AR_DIRECTOR}:\n\n«وصلتنا أسماء الضحايا من ذويهم في ساعات الصباح الأولى».",
            "سامر الحداد",
            AR_DIRECTOR,
            "وصلتنا أسماء الضحايا من ذويهم في ساعات الصباح الأولى",
        ),
    ],
)
def test_arabic_attributed_quotation(ar_nlp: Language, text: str, speaker: str, role: str | None, said: str) -> None:
    assert quotes(ar_nlp, text) == [Quote(speaker=speaker, role=role, text=said)]


def test_arabic_verb_without_subject_goes_on_with_the_last_speaker(ar_nlp: Language) -> None:
    text = (
        f"قال سامر الحداد، {AR_DIRECTOR}: «لم يبق في المدينة مشفى واحد يعمل بكامل طاقته».\n\n"
        "واستمر القصف ثلاثة أيام أخرى.\n\n"
        "وأضاف: «على مجلس الأمن أن يتحرك قبل أن تفرغ المدينة من سكانها»."
    )
    assert [(q.speaker, q.role) for q in quotes(ar_nlp, text)] == [("سامر الحداد", AR_DIRECTOR)] * 2


@pytest.mark.parametrize(
    "text",
    [
        'ووصفت وسائل إعلام النظام الضحايا بأنهم "مسلحون قدموا من خارج المدينة" في نشراتها.',
        "تقع المدرسة في حي «الشهداء الأوائل من أبناء البلدة» شرق المدينة.",
        "سيطر فصيل «لواء شهداء القرى الشرقية في الريف» على ثلاث قرى.",
    ],
)
def test_arabic_unattributed_quotations_are_not_quotes(ar_nlp: Language, text: str) -> None:
    assert quotes(ar_nlp, text) == []
