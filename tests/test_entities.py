"""Entities: spaCy's NER corrected for actors and places, plus LAW and WEAPON spans with canonical ids."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.entities import SPAN_KEY, find_entities, find_regions
from extractor.pipeline import load_entity_pipeline
from tally.model import Entity

SNHR_NAME = "Syrian Network for Human Rights"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_entity_pipeline("en")


def entities(nlp: Language, text: str) -> list[Entity]:
    return find_entities(nlp(text))


def labelled(found: list[Entity], label: str) -> dict[str, str | None]:
    return {e.text: e.canonical for e in found if e.label == label}


@pytest.mark.parametrize(
    ("text", "surface", "canonical"),
    [
        ("Helicopters dropped 14 barrel bombs on the town of Kafr Zeita.", "barrel bombs", "barrel_bomb"),
        ("Warplanes dropped explosive barrels over the eastern neighbourhoods.", "explosive barrels", "barrel_bomb"),
        ("Russian warplanes used cluster munitions in two attacks on Ariha.", "cluster munitions", "cluster_munition"),
        ("The team found remnants of incendiary weapons near the school.", "incendiary weapons", "incendiary_weapon"),
        ("Regime forces used sarin gas in the attack on the western suburbs.", "sarin gas", "sarin"),
        ("Canisters of chlorine gas fell on a residential building.", "chlorine gas", "chlorine"),
        ("The aircraft fired vacuum missiles at the market.", "vacuum missiles", "thermobaric_weapon"),
        ("Regime artillery fired nail missiles at the camp.", "nail missiles", "nail_missile"),
        ("Two children were killed by landmines left near the village.", "landmines", "landmine"),
    ],
)
def test_weapons_get_their_id(nlp: Language, text: str, surface: str, canonical: str) -> None:
    assert labelled(entities(nlp, text), "WEAPON") == {surface: canonical}


@pytest.mark.parametrize(
    ("text", "surface", "canonical"),
    [
        (
            "Such attacks are war crimes under Article 8 (2) (b) of the Rome Statute.",
            "Article 8 (2) (b) of the Rome Statute",
            "rome_statute:article_8(2)(b)",
        ),
        (
            "This breaches Articles 7 and 8(2)(e) of the Rome Statute.",
            "Articles 7 and 8(2)(e) of the Rome Statute",
            "rome_statute:articles_7_and_8(2)(e)",
        ),
        (
            "The bombing violated Security Council Resolution 2139 once more.",
            "Security Council Resolution 2139",
            "unsc_resolution_2139",
        ),
        (
            "This ignores UNSC Resolution No. 2254 (2015) entirely.",
            "UNSC Resolution No. 2254 (2015)",
            "unsc_resolution_2254",
        ),
        (
            "Both Security Council resolutions 2042 and 2043 were ignored.",
            "Security Council resolutions 2042 and 2043",
            "unsc_resolution_2042_2043",
        ),
        (
            "The parties are bound by Common Article 3 of the Geneva Conventions.",
            "Common Article 3 of the Geneva Conventions",
            "geneva_conventions:common_article_3",
        ),
        (
            "These killings violate international humanitarian law.",
            "international humanitarian law",
            "ihl",
        ),
        (
            "Hundreds were tried under Legislative Decree No. 22 of 2012 in secret.",
            "Legislative Decree No. 22 of 2012",
            "legislative_decree_no_22_of_2012",
        ),
    ],
)
def test_laws_cover_the_whole_numbered_reference(nlp: Language, text: str, surface: str, canonical: str) -> None:
    assert labelled(entities(nlp, text), "LAW") == {surface: canonical}


def test_article_without_instrument_is_not_widened(nlp: Language) -> None:
    laws = labelled(entities(nlp, "Article 8 of the report lists the victims by name."), "LAW")
    assert not any(canonical for canonical in laws.values())


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        ("Syrian Regime forces shelled the village at dawn.", "Syrian Regime forces", "syrian_regime"),
        ("ISIS fighters executed three men in the square.", "ISIS", "isis"),
        ("The Syrian Democratic Forces arrested a teacher in Raqqa.", "Syrian Democratic Forces", "sdf"),
        ("Hay'at Tahrir al-Sham detained two activists.", "Hay'at Tahrir al-Sham", "hts"),
        ("Russian warplanes struck the bakery twice.", "Russian warplanes", "russian_forces"),
    ],
)
def test_actor_aliases_are_orgs_with_actor_ids(nlp: Language, text: str, surface: str, actor: str) -> None:
    assert labelled(entities(nlp, text), "ORG").get(surface) == actor


def test_abbreviation_alias_is_not_read_inside_a_shouted_heading(nlp: Language) -> None:
    found = entities(nlp, "WHAT IS A FORCED DISAPPEARANCE\n\nThe term is defined below.")
    assert "isis" not in {e.canonical for e in found}


def test_nationality_adjective_alone_is_not_an_actor(nlp: Language) -> None:
    found = entities(nlp, "The Russian envoy met the delegation in Geneva.")
    assert "russian_forces" not in {e.canonical for e in found}


@pytest.mark.parametrize(
    ("text", "surface", "label", "place"),
    [
        ("Shelling killed four civilians in Hama on Monday.", "Hama", "GPE", "Hama"),
        ("The market in Idleb city was struck again.", "Idleb", "GPE", "Idlib"),
        ("Attacks escalated across northwestern Syria.", "northwestern Syria", "LOC", "northwest Syria"),
        ("Warplanes targeted Maarrat al-Numan twice.", "Maarrat al-Numan", "GPE", "Maarat al-Numan"),
    ],
)
def test_places_get_gazetteer_names(nlp: Language, text: str, surface: str, label: str, place: str) -> None:
    assert labelled(entities(nlp, text), label).get(surface) == place


@pytest.mark.parametrize(
    ("text", "surface", "iso"),
    [
        ("The attack took place on 18 November 2019 in the evening.", "18 November 2019", "2019-11-18"),
        ("The attack took place on November 18, 2019 in the evening.", "November 18, 2019", "2019-11-18"),
        ("SNHR recorded 40 arrests in March 2020 alone.", "March 2020", "2020-03"),
    ],
)
def test_dates_with_a_year_get_iso_canonical(nlp: Language, text: str, surface: str, iso: str) -> None:
    assert labelled(entities(nlp, text), "DATE").get(surface) == iso


def test_dates_without_a_year_have_no_canonical(nlp: Language) -> None:
    dates = labelled(entities(nlp, "Two days later, on Monday, the shelling resumed."), "DATE")
    assert dates and all(canonical is None for canonical in dates.values())


REPORT = (
    "Fadel Abdul Ghany said the Syrian regime dropped barrel bombs on Daraa and Idlib, in breach of "
    "Security Council Resolution 2139. Regime forces later shelled Idleb and Hama on 3 May 2019."
)


def test_entities_have_true_offsets_and_do_not_overlap(nlp: Language) -> None:
    doc = nlp(REPORT)
    found = find_entities(doc)
    assert all(doc.text[e.start : e.end] == e.text for e in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert {"PERSON", "ORG", "GPE", "LAW", "WEAPON", "DATE"} <= {e.label for e in found}


def test_component_leaves_spacy_ents_alone(nlp: Language) -> None:
    with nlp.select_pipes(disable=["tally_entities"]):
        before = [(e.start, e.end, e.label_) for e in nlp(REPORT).ents]
    after = [(e.start, e.end, e.label_) for e in nlp(REPORT).ents]
    assert after == before


def test_without_the_component_spacy_entities_are_used(nlp: Language) -> None:
    with nlp.select_pipes(disable=["tally_entities"]):
        doc = nlp(REPORT)
    assert SPAN_KEY not in doc.spans
    labels = {e.label for e in find_entities(doc)}
    assert labels and "WEAPON" not in labels


def test_regions_in_order_of_first_mention_and_unique(nlp: Language) -> None:
    assert find_regions(nlp(REPORT)) == ["Daraa", "Idlib", "Hama"]


def test_regions_empty_without_gazetteer_places(nlp: Language) -> None:
    assert find_regions(nlp("The report covers the whole country and its neighbours.")) == []


# Arabic: no NER model; every entity comes from the tables, matched with clitics and spelling variants off.


@pytest.fixture(scope="session")
def ar_nlp() -> Language:
    return load_entity_pipeline("ar")


@pytest.mark.parametrize(
    ("text", "label", "surface", "canonical"),
    [
        ("ألقت المروحيات براميل متفجرة على البلدة.", "WEAPON", "براميل متفجرة", "barrel_bomb"),
        ("ألقت المروحيات 12 برميلاً متفجراً على البلدة.", "WEAPON", "برميلاً متفجراً", "barrel_bomb"),
        ("قصفت الطائرات الحي بالأسلحة الحارقة.", "WEAPON", "بالأسلحة الحارقة", "incendiary_weapon"),
        ("قُتل ثلاثة مدنيين بإدلب.", "GPE", "بإدلب", "Idlib"),
        ("اعتقلت قوات النظام السوري 22 شخصاً في ريف دمشق.", "ORG", "قوات النظام السوري", "syrian_regime"),
        ("اعتقلت قوات النظام السوري 22 شخصاً في ريف دمشق.", "GPE", "ريف دمشق", "Rif Dimashq"),
        ("وثّقت الشبكة السورية لحقوق الإنسان الحادثة.", "ORG", "الشبكة السورية لحقوق الإنسان", SNHR_NAME),
        ("وقع الهجوم في 18 تشرين الثاني/نوفمبر 2019 مساءً.", "DATE", "18 تشرين الثاني/نوفمبر 2019", "2019-11-18"),
    ],
)
def test_arabic_entities_from_the_tables(ar_nlp: Language, text: str, label: str, surface: str, canonical: str) -> None:
    assert labelled(entities(ar_nlp, text), label).get(surface) == canonical


@pytest.mark.parametrize(
    ("english", "arabic"),
    [
        ("Such attacks are war crimes under Article 8 (2) (b) of the Rome Statute.",
         "وهي جرائم حرب بموجب المادة 8 (2) (ب) من نظام روما الأساسي."),
        ("The bombing violated Security Council Resolution 2139 once more.",
         "وينتهك القصف قرار مجلس الأمن رقم 2139 لعام 2014 مرة أخرى."),
        ("Hundreds were tried under Legislative Decree No. 22 of 2012 in secret.",
         "وحوكم المئات بموجب المرسوم التشريعي رقم 22 لعام 2012 سراً."),
        ("These killings violate international humanitarian law.", "وتنتهك عمليات القتل هذه القانون الدولي الإنساني."),
    ],
)
def test_arabic_laws_get_the_english_canonical_id(nlp: Language, ar_nlp: Language, english: str, arabic: str) -> None:
    assert set(labelled(entities(ar_nlp, arabic), "LAW").values()) == set(labelled(entities(nlp, english), "LAW").values())


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("قال سامر الحداد، مدير المركز: «لم يتوقف القصف».", "سامر الحداد"),
        ("وقال رئيس الشبكة السورية لحقوق الإنسان فضل عبد الغني إن القصف مستمر.", "فضل عبد الغني"),
        ("وأصيب الطفل محمد، 9 أعوام، بحروق بالغة.", "محمد"),
    ],
)
def test_arabic_people_after_a_cue(ar_nlp: Language, text: str, person: str) -> None:
    assert list(labelled(entities(ar_nlp, text), "PERSON")) == [person]


@pytest.mark.parametrize(
    "text",
    [
        "قُتل في الغارة طفل وسيدتان.",
        "وقالت الشبكة إن الغارات استمرت.",
        "وأكد مقتل 12 مدنياً في الغارة الثانية.",
        "فقد صاحب المتجر شقيقه وابن شقيقه في الهجوم.",
    ],
)
def test_arabic_no_person_without_a_reliable_cue(ar_nlp: Language, text: str) -> None:
    assert labelled(entities(ar_nlp, text), "PERSON") == {}


def test_arabic_regions_are_the_gazetteer_names(ar_nlp: Language) -> None:
    doc = ar_nlp("قصفت الطائرات إدلب وريف حماة الشمالي ثم عادت إلى إدلب وبلدة كفرنبل.")
    assert find_regions(doc) == ["Idlib", "Hama", "Kafr Nabl"]
