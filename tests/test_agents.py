"""Agents written away from the count (extractor/figures/agents.py), in both languages: the party of the event or
detention phrase of the count's clause, and of a fronted "of / among" frame. Every sentence is written for these
tests; the expected rows are (metric, group, perpetrator, count)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.figures import find_figures
from extractor.pipeline import load_pipeline

Row = tuple[str, str | None, str | None, int]
K, DUT, ARR, DET, DIS, REL = "killed", "died_under_torture", "arrested", "detained", "still_disappeared", "released"
CIV, CH, WO, PER = "civilians", "children", "women", "persons"
REG, RUS, SDF, TUR, ISIS, COA, ALL = ("syrian_regime", "russian_forces", "sdf", "turkish_forces", "isis",
                                      "international_coalition", "syrian_russian_alliance")


@pytest.fixture(scope="module")
def en() -> Language:
    return load_pipeline("en")


@pytest.fixture(scope="module")
def ar() -> Language:
    return load_pipeline("ar")


def rows(nlp: Language, text: str, lang: str) -> set[Row]:
    figures, _ = find_figures(nlp(text), lang=lang)
    return {(f.metric, f.group, f.perpetrator, f.count) for f in figures}


ENGLISH = [
    pytest.param("Seven civilians died in Russian airstrikes on the outskirts of Maarrat al-Numan.", {(K, CIV, RUS, 7)},
                 id="event-phrase-after-a-preposition"),
    pytest.param("Regime shelling of the market killed 14 civilians on Friday.", {(K, CIV, REG, 14)},
                 id="event-phrase-as-subject"),
    pytest.param("The attack carried out by Turkish forces on the village killed six civilians.", {(K, CIV, TUR, 6)},
                 id="event-phrase-with-a-participle-agent"),
    pytest.param("Nineteen detainees died under torture in detention centres belonging to the regime.",
                 {(DUT, PER, REG, 19)}, id="detention-place-owner"),
    pytest.param("At least 4,300 people remain detained in SDF prisons.", {(DET, PER, SDF, 4300)},
                 id="detention-place-as-modifier"),
    pytest.param("ISIS killed 12 civilians, while coalition airstrikes killed 30 more in Raqqa.",
                 {(K, CIV, ISIS, 12), (K, CIV, COA, 30)}, id="a-clause-keeps-its-own-event"),
    pytest.param("Of those detained by regime forces in the spring, 88 are still forcibly disappeared.",
                 {(DIS, PER, REG, 88)}, id="fronted-of-frame"),
    pytest.param("Among those arrested by the SDF, 17 were children.", {(ARR, CH, SDF, 17)}, id="fronted-among-frame"),
    pytest.param("The toll reached 64 civilians, most of them in regime shelling.", {(K, CIV, None, 64)},
                 id="most-of-them-is-a-share-not-the-whole"),
    pytest.param("Fourteen civilians were killed in coalition airstrikes and SDF shelling on the town.", {(K, CIV, None, 14)},
                 id="two-parties-events-give-none"),
    pytest.param("Eleven civilians were killed in airstrikes on areas controlled by the SDF.", {(K, CIV, None, 11)},
                 id="areas-controlled-by-is-no-agent"),
    pytest.param("Among those arrested were 21 people who had come back from Jordan, fleeing Russian air strikes.",
                 {(ARR, PER, None, 21)}, id="an-event-inside-another-clause-is-not-the-counts"),
    pytest.param("Out of the 300 civilians killed by ISIS, 90 were children whereas HTS killed two women.",
                 {(K, CIV, ISIS, 300), (K, CH, ISIS, 90), (K, WO, "hts", 2)}, id="a-frame-stops-at-the-next-clause"),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_agents(en: Language, text: str, expected: set[Row]) -> None:
    assert rows(en, text, "en") == expected


ARABIC = [
    pytest.param("قضى تسعة مدنيين في قصف مدفعي لقوات النظام على بلدة كفرنبل.", {(K, CIV, REG, 9)},
                 id="event-with-joined-lam"),
    pytest.param("قتل ستة مدنيين جراء غارات روسية على أطراف أريحا.", {(K, CIV, RUS, 6)}, id="event-with-a-nisba"),
    pytest.param("وقضى 11 مدنياً في هجوم بطائرة مسيرة شنته قوات سوريا الديمقراطية.", {(K, CIV, SDF, 11)},
                 id="event-with-a-verb-and-its-pronoun"),
    pytest.param("وقضى 23 شخصاً تحت التعذيب في مراكز الاحتجاز التابعة لقوات النظام.", {(DUT, PER, REG, 23)},
                 id="detention-place-belonging-to"),
    pytest.param("ومن بين المعتقلين لدى قوات سوريا الديمقراطية 12 طفلاً.", {(DET, CH, SDF, 12)}, id="fronted-min-bayn"),
    pytest.param("قصف التحالف الدولي أكثر من 40 مركزاً، و12 مدرسة.", {("attacks_on_vital_facilities", None, COA, 40),
                                                                  ("attacks_on_vital_facilities", None, COA, 12)},
                 id="verb-and-subject-is-not-an-event-phrase-for-what-follows"),
]


@pytest.mark.parametrize(("text", "expected"), ARABIC)
def test_arabic_agents(ar: Language, text: str, expected: set[Row]) -> None:
    assert rows(ar, text, "ar") == expected


ARABIC_LISTS = [
    pytest.param("وتوزعت حصيلة حالات الاعتقال على النحو الآتي: قوات النظام السوري 210، قوات سوريا الديمقراطية 64، "
                 "هيئة تحرير الشام 19.", {(ARR, PER, REG, 210), (ARR, PER, SDF, 64), (ARR, PER, "hts", 19)},
                 id="party-names-head-list-items-without-colons"),
    pytest.param("واعتقل تنظيم داعش 900 شخص، لا يزال 600 منهم مختفين قسرياً.", {(ARR, PER, ISIS, 900), (DIS, PER, ISIS, 600)},
                 id="minhum-refers-to-people"),
    pytest.param("ارتكبت قوات النظام 7 مجازر، واعتقلت 150 شخصاً في ريف دمشق.",
                 {("massacres", None, REG, 7), (ARR, PER, REG, 150)}, id="a-joined-verb-shares-the-subject"),
    pytest.param("وأفرجت كل من قوات النظام وهيئة تحرير الشام وفصائل المعارضة المسلحة عن صحفي واحد.",
                 {(REL, "media_workers", REG, 1), (REL, "media_workers", "hts", 1),
                  (REL, "media_workers", "armed_opposition", 1)}, id="each-of-three-joined-parties"),
]


@pytest.mark.parametrize(("text", "expected"), ARABIC_LISTS)
def test_arabic_lists_and_shared_subjects(ar: Language, text: str, expected: set[Row]) -> None:
    assert rows(ar, text, "ar") == expected


def test_a_report_on_one_party_gives_it_the_counts_with_none_of_their_own(en: Language) -> None:
    text = ("SNHR: violations by the SDF in the first half of 2024\n\n"
            "SNHR documented that the SDF killed 14 civilians in the first half of the year. "
            "Among the victims were three children. The report also recorded 112 arbitrary arrests.")
    assert rows(en, text, "en") == {(K, CIV, SDF, 14), (K, CH, SDF, 3), (ARR, PER, SDF, 112)}


def test_a_toll_over_all_parties_is_no_report_on_one_party(en: Language) -> None:
    text = ("SNHR documented the killing of 140 civilians in Syria in May. "
            "Regime forces killed 41 of them. The report also recorded 150 arbitrary arrests.")
    assert rows(en, text, "en") == {(K, CIV, None, 140), (K, CIV, REG, 41), (ARR, PER, None, 150)}


def test_a_total_broken_down_by_party_stays_the_total(ar: Language) -> None:
    text = ("قتلت قوات النظام 12 مدنياً في درعا خلال آذار.\n"
            "ووثقت الشبكة مقتل 30 شخصاً بسبب التعذيب في آذار، قضى 28 منهم على يد قوات النظام.")
    assert rows(ar, text, "ar") == {(K, CIV, REG, 12), (DUT, PER, None, 30), (DUT, PER, REG, 28)}


ENGLISH_STRUCTURES = [
    pytest.param("The report attributes 52 deaths, including four children and one woman, to the SDF, and 17, including "
                 "two children, to HTS.", {(K, PER, SDF, 52), (K, CH, SDF, 4), (K, WO, SDF, 1), (K, PER, "hts", 17),
                                           (K, CH, "hts", 2)}, id="attributed-to-past-a-list-of-parts"),
    pytest.param("At least 58 civilians, including 12 children and six women, were killed by Iranian-backed militias.",
                 {(K, CIV, "iranian_militias", 58), (K, CH, "iranian_militias", 12), (K, WO, "iranian_militias", 6)},
                 id="agent-after-a-list-of-parts"),
    pytest.param("SNHR documented the deaths of 33 medical workers, 21 of them at the hands of regime forces and 12 by "
                 "Russian forces.", {(K, "medical_personnel", None, 33), (K, "medical_personnel", REG, 21),
                                     (K, "medical_personnel", RUS, 12)}, id="parts-with-their-own-agents-leave-the-total"),
    pytest.param("Nine children and four women were among the civilians killed by ISIS in the town.",
                 {(K, CH, ISIS, 9), (K, WO, ISIS, 4)}, id="among-those-killed-by"),
    pytest.param("The regime and its ally Russia killed 310 civilians in the offensive.", {(K, CIV, ALL, 310)},
                 id="the-regime-and-its-ally"),
    pytest.param("Regime shelling killed 23 civilians, as well as eight armed opposition fighters.",
                 {(K, CIV, REG, 23), (K, "fighters", REG, 8)}, id="victims-named-by-their-side-are-not-the-agent"),
    pytest.param("The regime of Bashar al-Assad bears responsibility for the killing of 640 of them.",
                 {(K, PER, REG, 640)}, id="bears-responsibility-for"),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_STRUCTURES)
def test_english_structures(en: Language, text: str, expected: set[Row]) -> None:
    assert rows(en, text, "en") == expected
