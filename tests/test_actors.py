"""The actor grammar (extractor/actors.py): heads with modifiers, backers and "unknown" cues, in both languages.

Every phrase is written for these tests; each line names the actor phrase and the party it must compose to.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.lexicon import lexicon_for
from extractor.pipeline import load_pipeline


@pytest.fixture(scope="module")
def en() -> Language:
    return load_pipeline("en")


@pytest.fixture(scope="module")
def ar() -> Language:
    return load_pipeline("ar")


def actors(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    marks = lexicon_for(nlp, doc.lang_).mark(doc)
    return [(doc[m.start : m.end].text, m.value) for m in marks.by_kind.get("actor", [])]


ENGLISH = [
    ("Iranian-backed militias shelled the village at dawn.", [("Iranian-backed militias", "iranian_militias")]),
    ("Militias loyal to Iran opened fire on the market.", [("Militias loyal to Iran", "iranian_militias")]),
    ("Turkish-backed factions raided homes in the town.", [("Turkish-backed factions", "armed_opposition")]),
    ("Factions backed by Turkey detained the teachers.", [("Factions backed by Turkey", "armed_opposition")]),
    ("Turkish warplanes struck the dam twice.", [("Turkish warplanes", "turkish_forces")]),
    ("A YPG sniper wounded two farmers.", [("YPG sniper", "sdf")]),
    ("The Kurdish-led forces held the bridge.", [("Kurdish-led forces", "sdf")]),
    ("The forces of the Assad regime stormed the suburb.", [("forces of the Assad regime", "syrian_regime")]),
    ("Regime and Russian warplanes bombed the hospital.", [("Regime and Russian warplanes", "syrian_russian_alliance")]),
    ("Assad's and Russian forces shared the blame.", [("Assad's and Russian forces", "syrian_russian_alliance")]),
    ("The ISIS extremist group took the oil field.", [("ISIS extremist group", "isis")]),
    ("Masked gunmen seized the activist.", [("Masked gunmen", "other_parties")]),
    ("Parties the network could not identify planted the device.",
     [("Parties the network could not identify", "other_parties")]),
    ("Explosions whose perpetrators remain unknown hit the square.",
     [("Explosions whose perpetrators remain unknown", "other_parties")]),
    ("Landmines of unknown origin maimed the shepherds.", [("Landmines of unknown origin", "other_parties")]),
]

#: Phrases that must not compose to an actor: a head with nothing saying whose it is, a cause without "unknown".
ENGLISH_NONE = [
    "The forces withdrew before noon.",
    "Landmines maimed the shepherds.",
    "Opposition fighters were among the dead.",  # victims, not a head that acts
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_actor_phrases(en: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert actors(en, text) == expected


@pytest.mark.parametrize("text", ENGLISH_NONE)
def test_english_heads_without_an_owner_are_no_actor(en: Language, text: str) -> None:
    assert actors(en, text) == []


def test_two_phrases_joined_by_and_stay_two(en: Language) -> None:
    found = actors(en, "Syrian regime forces and Russian forces each shelled the town.")
    assert [value for _, value in found] == ["syrian_regime", "russian_forces"]


ARABIC = [
    ("قصفت الطائرات الحربية الروسية البلدة.", "russian_forces"),
    ("قصفت الميليشيات المدعومة من إيران الحي.", "iranian_militias"),
    ("اعتقلت فصائل مدعومة من تركيا المعلمين.", "armed_opposition"),
    ("أطلق مسلحون مجهولون النار على السيارة.", "other_parties"),
    ("زرعت جهات لم يتمكن التقرير من تحديدها العبوة.", "other_parties"),
    ("انفجرت ألغام مجهولة المصدر في الحقل.", "other_parties"),
    ("هاجم عناصر تنظيم داعش القرية.", "isis"),
    ("قصفت القوات التركية السد.", "turkish_forces"),
]


@pytest.mark.parametrize(("text", "party"), ARABIC)
def test_arabic_actor_phrases(ar: Language, text: str, party: str) -> None:
    assert [value for _, value in actors(ar, text)] == [party]


def test_arabic_cause_without_unknown_is_no_actor(ar: Language) -> None:
    assert actors(ar, "انفجرت ألغام في الحقل.") == []


ANAPHORA = [
    ("قتل تنظيم داعش 30 مدنياً في الرقة. واعتقل التنظيم 40 شخصاً في دير الزور.", ["isis", "isis"]),
    ("سيطرت هيئة تحرير الشام على المدينة، واعتقلت الهيئة 12 ناشطاً.", ["hts", "hts"]),
    ("قصفت الميليشيات المدعومة من إيران البلدة، ثم اقتحمت الميليشيات الحي.", ["iranian_militias", "iranian_militias"]),
]


@pytest.mark.parametrize(("text", "parties"), ANAPHORA)
def test_arabic_bare_definite_head_names_the_last_party_again(ar: Language, text: str, parties: list[str]) -> None:
    assert [value for _, value in actors(ar, text)] == parties


def test_english_the_militias_names_the_last_militias_again(en: Language) -> None:
    found = actors(en, "Iranian-backed militias shelled Mayadin. Later the militias stormed the market.")
    assert [value for _, value in found] == ["iranian_militias", "iranian_militias"]


def test_a_bare_head_with_nothing_before_it_is_no_actor(ar: Language) -> None:
    assert actors(ar, "واعتقل التنظيم 40 شخصاً في دير الزور.") == []


def test_names_between_a_modifier_and_its_head(en: Language) -> None:
    assert actors(en, "The Kurdish People's Protection Units shelled the town.") == [
        ("Kurdish People's Protection Units", "sdf")]


def test_a_name_ending_in_a_head_takes_its_modifiers(en: Language) -> None:
    assert actors(en, "The Kurdish-led Syrian Democratic Forces took the dam.") == [
        ("Kurdish-led Syrian Democratic Forces", "sdf")]


def test_the_militants_name_the_last_group_again(en: Language) -> None:
    found = actors(en, "ISIS fighters entered the town at dawn. Later the militants executed the guards.")
    assert [value for _, value in found] == ["isis", "isis"]
