"""Rankings, "among" frames, asides, clause breaks, headings over blocks and event phrases, in both languages.

Every sentence is written for these tests; the expected rows are (metric, group, perpetrator, count, location)."""

from __future__ import annotations

import pytest
from _pytest.mark import ParameterSet

from extractor.arabic import match_form
from extractor.figures import find_figures
from extractor.pipeline import load_pipeline

Row = tuple[str | None, str | None, str | None, int, str | None]
K, ARR, AVF = "killed", "arrested", "attacks_on_vital_facilities"
CIV, CH, WO, PER = "civilians", "children", "women", "persons"
REG, RUS, SDF, TUR, ISIS, HTS, ALL, SNA, IRN = (
    "syrian_regime", "russian_forces", "sdf", "turkish_forces", "isis", "hts", "syrian_russian_alliance",
    "armed_opposition", "iranian_militias")


def rows(text: str, lang: str) -> set[Row]:
    """The figures of ``text`` as (metric, group, perpetrator, count, location); the pipelines load once."""
    figures, _ = find_figures(load_pipeline(lang)(text), lang=lang)
    return {(f.metric, f.group, f.perpetrator, f.count, f.location) for f in figures}


def counts(text: str, lang: str) -> set[tuple[str | None, str | None, str | None, int]]:
    return {row[:4] for row in rows(text, lang)}


RANKINGS = [
    pytest.param("en", "The team recorded 210 civilian deaths in June. Hama governorate came first in terms of the death "
                 "toll with 71, followed by Idlib with 50.",
                 {(K, CIV, None, 210, None), (K, CIV, None, 71, "Hama"), (K, CIV, None, 50, "Idlib")},
                 id="en-came-first-with"),
    pytest.param("en", "SNHR recorded 380 arrests in the year. Aleppo topped the governorates with 97, followed by Daraa "
                 "with 64.", {(ARR, PER, None, 380, None), (ARR, PER, None, 97, "Aleppo"), (ARR, PER, None, 64, "Daraa")},
                 id="en-topped-with"),
    pytest.param("ar", "سجل الفريق مقتل 210 مدنياً في حزيران. وجاءت محافظة حماة في المرتبة الأولى من حيث حصيلة الضحايا "
                 "بـ 71، تلتها إدلب بـ 50.",
                 {(K, CIV, None, 210, None), (K, CIV, None, 71, "Hama"), (K, CIV, None, 50, "Idlib")},
                 id="ar-first-rank-by"),
    pytest.param("ar", "سجل الفريق 380 حالة اعتقال. وتصدرت محافظة حلب المحافظات من حيث عدد حالات الاعتقال بـ 97، "
                 "تلتها درعا بـ 64.",
                 {(ARR, PER, None, 380, None), (ARR, PER, None, 97, "Aleppo"), (ARR, PER, None, 64, "Daraa")},
                 id="ar-topped-by"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RANKINGS)
def test_a_ranking_whose_noun_is_in_its_lead(lang: str, text: str,
                                             expected: set[Row]) -> None:
    assert rows(text, lang) == expected


FRAMES = [
    pytest.param("en", "The report counts 48 attacks on vital civilian facilities. Among the facilities hit were 12 "
                 "schools and five bakeries.", {(AVF, None, None, 48), (AVF, None, None, 12), (AVF, None, None, 5)},
                 id="en-among-the-facilities"),
    pytest.param("en", "The report counts 48 attacks on vital civilian facilities. Of the attacks carried out by Russian "
                 "forces, nine targeted schools and four hit markets.",
                 {(AVF, None, None, 48), (AVF, None, RUS, 9), (AVF, None, RUS, 4)}, id="en-of-the-attacks-by-a-party"),
    pytest.param("ar", "وسجل التقرير 48 حادثة اعتداء على مراكز حيوية مدنية. ومن بين المنشآت التي تعرضت للقصف 12 مدرسة "
                 "و5 أفران.", {(AVF, None, None, 48), (AVF, None, None, 12), (AVF, None, None, 5)},
                 id="ar-among-the-facilities"),
    pytest.param("ar", "وسجل التقرير 48 حادثة اعتداء على مراكز حيوية مدنية. ومن بين الاعتداءات التي نفذتها القوات "
                 "الروسية 9 استهدفت مدارس، و4 طالت أسواقاً.",
                 {(AVF, None, None, 48), (AVF, None, RUS, 9), (AVF, None, RUS, 4)}, id="ar-among-the-attacks-by-a-party"),
    pytest.param("ar", "قتلت قوات النظام 30 مدنياً. ومن بين القتلى الـ 30، قضى 18 في ريف حمص.",
                 {(K, CIV, REG, 30), (K, CIV, REG, 18)}, id="ar-a-frame-restating-a-count-frames-none"),
]


CLAUSES = [
    pytest.param("en", "Turkish forces, which crossed the border in October, killed 17 civilians in Ras al-Ain.",
                 {(K, CIV, TUR, 17)}, id="en-relative-aside-after-the-party"),
    pytest.param("ar", "وقتلت هيئة تحرير الشام، التي تسيطر على أجزاء من ريف حلب الغربي، 6 مدنيين بينهم طفلان.",
                 {(K, CIV, HTS, 6), (K, CH, HTS, 2)}, id="ar-relative-aside-after-the-party"),
    pytest.param("ar", "وقال التقرير إن 22 مدنياً، بينهم 4 أطفال، قضوا في قصف مدفعي للقوات التركية، فيما قُتل 9 مدنيين، "
                 "بينهم سيدة، برصاص عناصر من الجيش الوطني.",
                 {(K, CIV, TUR, 22), (K, CH, TUR, 4), (K, CIV, SNA, 9), (K, WO, SNA, 1)},
                 id="ar-while-opens-a-clause-no-list-runs-across"),
    pytest.param("ar", "وقتل 5 مدنيين برصاص قناصة تابعين لقوات النظام في درعا البلد.", {(K, CIV, REG, 5)},
                 id="ar-snipers-of-a-party"),
    pytest.param("ar", "وقتلت جبهة النصرة (هيئة تحرير الشام حالياً) 3 مدنيين في ريف إدلب.", {(K, CIV, HTS, 3)},
                 id="ar-a-parenthesis-between-the-party-and-the-count"),
    pytest.param("en", "The Kurdish Self-Management forces (mainly the Democratic Union Party) arrested 19 people.",
                 {(ARR, PER, SDF, 19)}, id="en-a-parenthesis-between-the-party-and-the-count"),
]


ALLIANCE = [
    pytest.param("Syrian-Russian helicopters killed 23 civilians in the Hama countryside.", {(K, CIV, ALL, 23)},
                 id="hyphenated-pair-before-a-head"),
    pytest.param("Nineteen civilians were killed in Syrian-Russian air raids on Ariha.", {(K, CIV, ALL, 19)},
                 id="hyphenated-pair-before-an-event"),
    pytest.param("Russian and Syrian warplanes killed 31 civilians in two days.", {(K, CIV, ALL, 31)},
                 id="strong-then-weak-modifier-joined-by-and"),
]


EVENTS = [
    pytest.param("en", "Eleven civilians died in a car bombing claimed by ISIS in Manbij.", {(K, CIV, ISIS, 11)},
                 id="en-claimed-by"),
    pytest.param("en", "Four children were killed by landmines planted by ISIS near Raqqa.", {(K, CH, ISIS, 4)},
                 id="en-planted-by"),
    pytest.param("ar", "قتل 11 مدنياً إثر تفجير عبوة ناسفة تبناه تنظيم داعش في منبج.", {(K, CIV, ISIS, 11)},
                 id="ar-claimed-by"),
    pytest.param("ar", "قضى 4 أطفال بانفجار لغم أرضي من مخلفات تنظيم داعش قرب الرقة.", {(K, CH, ISIS, 4)},
                 id="ar-remnants-of"),
    pytest.param("ar", "قتل 8 مدنيين في هجوم انتحاري لتنظيم داعش على سوق شعبي.", {(K, CIV, ISIS, 8)},
                 id="ar-adjective-between-event-and-party"),
]


def test_a_party_heading_an_item_or_a_block_gives_the_lines_under_it_its_party() -> None:
    lettered = ("حصيلة الضحايا في أيلول 2019\n\nأولاً: الضحايا بحسب الجهة:\n\nأ- قوات النظام السوري:\n"
                "قتلت 33 مدنياً، بينهم 7 أطفال.\n\nب- القوات الروسية:\nقتلت 8 مدنيين.\n")
    assert counts(lettered, "ar") == {(K, CIV, REG, 33), (K, CH, REG, 7), (K, CIV, RUS, 8)}
    blocks = ("Monthly toll, September 2019\n\nSyrian Democratic Forces\nWe recorded the killing of nine civilians "
              "and 21 arrests.\n\nHay'at Tahrir al-Sham\nWe recorded the killing of three civilians and 12 arrests.\n")
    assert counts(blocks, "en") == {(K, CIV, SDF, 9), (ARR, PER, SDF, 21), (K, CIV, HTS, 3), (ARR, PER, HTS, 12)}


def test_a_title_toll_well_above_the_one_party_named_is_over_all_parties() -> None:
    text = "تقرير: مقتل 95 مدنياً في سوريا في آذار 2020\n\nوبلغت حصيلة الضحايا على يد الميليشيات الإيرانية 6 مدنيين.\n"
    assert counts(text, "ar") == {(K, CIV, None, 95), (K, CIV, IRN, 6)}


def test_the_accusative_tanween_on_a_known_noun_matches_the_noun() -> None:
    known = frozenset({"مسجد", "سوريا"})
    assert match_form("مسجداً", known) == "مسجد"
    assert match_form("سوريا", known) == "سوريا"  # a final alef with no tanween is the word's own


SHARES_AND_LISTS = [
    pytest.param("en", "At least 640 people were arrested in the province in 2016, the vast majority of them by the SDF, "
                 "the monitor said.", {(ARR, PER, None, 640)}, id="en-a-share-after-the-count-is-no-agent"),
    pytest.param("en", "Most of the arrests made by SDF forces took place in Raqqa, with 51 cases.", {(ARR, PER, SDF, 51)},
                 id="en-a-share-before-the-count-keeps-its-agent"),
    pytest.param("en", "Hezbollah-run checkpoints were mentioned. The group said 73 people died under torture during the "
                 "year.", {("died_under_torture", PER, None, 73)}, id="en-the-group-said-is-the-monitor"),
    pytest.param("en", "Turkish forces used incendiary weapons at least 14 times in Afrin.",
                 {("incendiary_attacks", None, TUR, 14)}, id="en-times-a-weapon-was-used"),
    pytest.param("ar", "واستخدمت قوات النظام الذخائر العنقودية 9 مرات في ريف إدلب.",
                 {("cluster_munition_attacks", None, REG, 9)}, id="ar-times-a-weapon-was-used"),
    pytest.param("ar", "وتوزعت حوادث الاعتداء على المراكز الحيوية إلى: أربع على يد القوات الروسية، وثلاث كان التحالف الدولي "
                 "مسؤولاً عنها، واثنتين نسبهما التقرير لهيئة تحرير الشام.",
                 {(AVF, None, RUS, 4), (AVF, None, "international_coalition", 3), (AVF, None, HTS, 2)},
                 id="ar-a-colon-lead-in-and-relative-clauses-naming-parties"),
    pytest.param("ar", "وبلغ عدد الضحايا على يد قوات سوريا الديمقراطية خلال الفترة ذاتها 15 مدنياً.", {(K, CIV, SDF, 15)},
                 id="ar-a-three-word-time-phrase-between-party-and-count"),
    pytest.param("ar", "وبلغ عدد الضحايا على يد هيئة تحرير الشام للفترة ذاتها 9 أشخاص.", {(K, PER, HTS, 9)},
                 id="ar-a-time-phrase-with-a-joined-preposition"),
    pytest.param("ar", "وبلغ عدد ضحايا القوات التركية التي تقصف المنطقة منذ أسابيع، 27 مدنياً.", {(K, CIV, TUR, 27)},
                 id="ar-a-relative-clause-right-after-the-party-then-a-comma"),
]


def test_a_list_adding_up_to_an_earlier_count_is_its_breakdown() -> None:
    text = ("The network recorded 60 attacks on vital civilian facilities in March. Regime forces carried out 35 of "
            "them, while Russian forces were responsible for 25.\n\nThe attacks were distributed by facility as follows:\n"
            "- Schools: 22\n- Medical facilities: 20\n- Markets: 18\n")
    assert counts(text, "en") == {(AVF, None, None, 60), (AVF, None, REG, 35), (AVF, None, RUS, 25),
                                      (AVF, None, None, 22), (AVF, None, None, 20), (AVF, None, None, 18)}


def test_a_ranking_of_places_under_a_party_heading_is_over_all_parties() -> None:
    text = ("Monthly toll, May 2020\n\nRussian forces\nRussian forces killed 12 civilians in May.\n\nOther parties\n"
            "Other parties killed 30 civilians in May.\n\n"
            "Idlib recorded the highest death toll, with 40 civilians, followed by Aleppo with 22.\n")
    assert counts(text, "en") == {(K, CIV, RUS, 12), (K, CIV, "other_parties", 30), (K, CIV, None, 40),
                                      (K, CIV, None, 22)}


MARTYRS_AND_MONTHS = [
    pytest.param("وثق الفريق سقوط 640 شهيداً في حزيران، بينهم 95 طفلاً.", {(K, PER, None, 640), (K, CH, None, 95)},
                 id="martyrs-counted"),
    pytest.param("وسقط 14 قتيلاً جراء قصف مدفعي لقوات النظام على بلدة كفرنبل.", {(K, PER, REG, 14)},
                 id="killed-as-a-noun-with-tanween"),
    pytest.param("وثق الفريق مقتل 315 مدنياً في شهر تموز، بينهم 40 طفلاً.", {(K, CIV, None, 315), (K, CH, None, 40)},
                 id="in-the-month-of-is-no-rate"),
    pytest.param("يموت 9 أشخاص تحت التعذيب في الشهر الواحد.", set(), id="per-month-is-a-rate"),
    pytest.param("وقتلت الغارات 8 مدنيين وجرحت 19 آخرين في معرة النعمان.",
                 {(K, CIV, None, 8), ("injured", CIV, None, 19)}, id="a-verb-joined-by-wa-opens-the-next-count"),
    pytest.param("وقتلت قوات النظام 13 مدنياً، وجرحت 30 آخرين.", {(K, CIV, REG, 13), ("injured", CIV, REG, 30)},
                 id="wounded-as-a-verb"),
]


TOPICS = [
    pytest.param("en", "As for Turkish forces, the report documents the killing of 17 civilians, including four children.",
                 {(K, CIV, TUR, 17), (K, CH, TUR, 4)}, id="en-as-for"),
    pytest.param("en", "Regarding the SDF, the network recorded 33 arrests, while HTS arrested 10 people.",
                 {(ARR, PER, SDF, 33), (ARR, PER, HTS, 10)}, id="en-regarding-then-a-clause-of-its-own"),
    pytest.param("ar", "أما الميليشيات الإيرانية، فقد وثق التقرير قتلها 4 مدنيين.", {(K, CIV, IRN, 4)}, id="ar-amma"),
    pytest.param("ar", "وفيما يتعلق بتنظيم داعش، فقد سجل الفريق مقتل 19 مدنياً بينهم 6 أطفال.",
                 {(K, CIV, ISIS, 19), (K, CH, ISIS, 6)}, id="ar-as-regards"),
    pytest.param("ar", "أما على صعيد الاعتقالات فقد سجل الفريق 210 حالات.", {(ARR, PER, None, 210)},
                 id="ar-a-topic-naming-no-party"),
]


def test_place_labels_after_a_colon_inside_the_lead_in_sentence() -> None:
    text = "وقتلت قوات النظام 900 مدني. وتوزعت حصيلة الضحايا على المحافظات على النحو التالي: حمص 500، حماة 250، درعا 150."
    assert rows(text, "ar") == {(K, CIV, REG, 900, None), (K, CIV, REG, 500, "Homs"), (K, CIV, REG, 250, "Hama"),
                                    (K, CIV, REG, 150, "Daraa")}


PRONOUN_AGENTS = [
    pytest.param("en", "Russian forces kept up their air raids, and the report records 52 civilian deaths at their hands.",
                 {(K, CIV, RUS, 52)}, id="en-at-their-hands"),
    pytest.param("ar", "وصعّدت هيئة تحرير الشام حملات الدهم، ووثق التقرير 31 حالة اعتقال على يدها.", {(ARR, PER, HTS, 31)},
                 id="ar-at-her-hands"),
    pytest.param("en", "Turkish forces and the SDF exchanged fire; the report records 18 civilian deaths at their hands.",
                 {(K, CIV, None, 18)}, id="en-a-pronoun-with-two-antecedents-names-none"),
]


TORTURE = [
    pytest.param("The report recorded 16 torture-related deaths in March.", {("died_under_torture", PER, None, 16)},
                 id="torture-related-deaths"),
    pytest.param("The death toll due to torture reached 412 by the end of the year.", {("died_under_torture", PER, None, 412)},
                 id="a-toll-of-torture-reached"),
    pytest.param("Among the victims of torture were 388 killed by the SDF.", {("died_under_torture", PER, SDF, 388)},
                 id="killed-among-the-victims-of-torture"),
    pytest.param("The number of people who died under torture amounts to 47.", {("died_under_torture", PER, None, 47)},
                 id="amounts-to"),
    pytest.param("The number of detainees who died under torture in the prisons of the SDF was 23.",
                 {("died_under_torture", PER, SDF, 23)}, id="the-number-of-a-group-and-what-happened-to-it"),
]


def test_a_verb_left_out_between_a_party_and_its_count() -> None:
    text = ("At least 9,400 people are still forcibly disappeared in the province. The SDF is responsible for 5,100 of "
            "them, including 40 children; HTS for 2,300, including 12 children; and ISIS for 2,000.")
    SD = "still_disappeared"
    assert counts(text, "en") == {(SD, PER, None, 9400), (SD, PER, SDF, 5100), (SD, CH, SDF, 40),
                                      (SD, PER, HTS, 2300), (SD, CH, HTS, 12), (SD, PER, ISIS, 2000)}
    assert counts("Russian forces carried out 60 attacks on schools, regime forces 35, and ISIS 4.", "en") == {
        (AVF, None, RUS, 60), (AVF, None, REG, 35), (AVF, None, ISIS, 4)}
    assert counts("The total number of civilians killed by the SDF in the year is 310.", "en") == {(K, CIV, SDF, 310)}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "In all, some 230 barrel bombs were dropped in the month.", id="en"),
    pytest.param("ar", "ووثقنا إجمالاً إلقاء قرابة 230 برميلاً متفجراً.", id="ar"),
])
def test_a_stated_total_of_barrel_bombs_is_no_one_partys(lang: str, text: str) -> None:
    """Regression (500-set round trip, 499/500): a weapon only the regime uses names it, but not in a sentence that
    states a total over all parties."""
    assert counts(text, lang) == {("barrel_bombs", None, None, 230)}


def _in(lang: str, params: list[ParameterSet]) -> list[ParameterSet]:
    """Single-language cases with their language put first."""
    return [pytest.param(lang, *p.values, id=p.id) for p in params]


#: Every written structure above whose counts (metric, group, party, count) are the whole expectation.
STRUCTURES = [*FRAMES, *CLAUSES, *_in("en", ALLIANCE), *EVENTS, *SHARES_AND_LISTS, *_in("ar", MARTYRS_AND_MONTHS),
              *TOPICS, *PRONOUN_AGENTS, *_in("en", TORTURE)]


@pytest.mark.parametrize(("lang", "text", "expected"), STRUCTURES)
def test_a_written_structure(lang: str, text: str, expected: set[tuple[str | None, str | None, str | None, int]]) -> None:
    assert counts(text, lang) == expected
