"""Arabic extraction rules, one sentence each (written for these tests), named for what they handle."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from extractor.figures import find_figures
from extractor.pipeline import load_pipeline
from extractor.readers import read_file

Row = tuple[str, str | None, str | None, int]
ROOT = Path(__file__).resolve().parent.parent
REG, RUS, SDF, OTH = "syrian_regime", "russian_forces", "sdf", "other_parties"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("ar")


def rows(nlp: Language, text: str) -> set[Row]:
    figures, _ = find_figures(nlp(text), lang="ar")
    return {(f.metric, f.group, f.perpetrator, f.count) for f in figures}


def located(nlp: Language, text: str) -> list[tuple[int, str | None]]:
    figures, _ = find_figures(nlp(text), lang="ar")
    return sorted((f.count, f.location) for f in figures)


CASES = [
    pytest.param("قتلت قوات الحلف السوري الروسي ثلاثة من كل أربعة ضحايا في الشهر الماضي.", set(),
                 id="share-of-every-is-no-count"),
    pytest.param("قتل صحفيان في الشهر الماضي، أحدهما على يد قوات النظام والآخر على يد جهات أخرى.",
                 {("killed", "media_workers", None, 2),
                  ("killed", "media_workers", REG, 1), ("killed", "media_workers", OTH, 1)},
                 id="the-other-one-of-a-pair"),
    pytest.param("قصفت الطائرات الحربية سوقين، إحداهما في سراقب والثانية في أريحا.",
                 {("attacks_on_vital_facilities", None, None, 2), ("attacks_on_vital_facilities", None, None, 1)},
                 id="the-second-takes-the-pair's-noun"),
    pytest.param("قضى 12 شخصاً تحت التعذيب، 11 منهم في مراكز الاحتجاز التابعة لقوات النظام السوري، وواحد في أحد سجون "
                 "قوات سوريا الديمقراطية.",
                 {("died_under_torture", "persons", None, 12), ("died_under_torture", "persons", REG, 11),
                  ("died_under_torture", "persons", SDF, 1)},
                 id="detention-places-name-the-party-not-an-arrest"),
    pytest.param("ارتكبت كل من قوات النظام السوري والقوات الروسية خمس مجازر في ريف حماة.",
                 {("massacres", None, REG, 5), ("massacres", None, RUS, 5)}, id="each-of-x-and-y"),
    pytest.param("استخدمت القوات الروسية الذخائر العنقودية في أربع هجمات على ريف إدلب.",
                 {("cluster_munition_attacks", None, RUS, 4)}, id="party-weapon-in-n-attacks"),
    pytest.param("قتلت قوات النظام 60 مدنياً. ومن بين القتلى الـ 60، قضى 41 في ريف حماة و19 في ريف إدلب.",
                 {("killed", "civilians", REG, 60), ("killed", "civilians", REG, 41), ("killed", "civilians", REG, 19)},
                 id="verb-first-count-without-noun"),
    pytest.param("قُتل في المتوسط نحو 9 مدنيين يومياً، خمسة منهم في إدلب.", set(), id="share-of-a-daily-rate"),
    pytest.param("قتلت القوات الروسية 30 مدنياً، بينهم أربعة أطفال وسيدتان.",
                 {("killed", "civilians", RUS, 30), ("killed", "children", RUS, 4), ("killed", "women", RUS, 2)},
                 id="dual-after-another-count"),
    pytest.param("وكان من بين من قتلتهم قوات النظام في الأسبوع الأخير مسعف، وعنصر في الدفاع المدني.",
                 {("killed", "medical_personnel", REG, 1), ("killed", "civil_defense_personnel", REG, 1)},
                 id="singulars-after-among-with-verb-first-party"),
    pytest.param("نزح آلاف الأشخاص من ريف إدلب الجنوبي خلال الأسبوع.", set(), id="thousands-is-vague"),
    pytest.param("أفرجت قوات النظام عن 25 معتقلاً، احتُجز معظمهم أكثر من عام.", {("released", "persons", REG, 25)},
                 id="clause-ends-at-arabic-comma"),
    pytest.param("قتل طفل في قصف على بلدة كفرنبل، وأصيب ثلاثة مدنيين. لا يزال 120 شخصاً مختفين قسرياً لدى قوات النظام، "
                 "وتتحمل قوات النظام مسؤولية إخفاء 100 منهم، وقوات سوريا الديمقراطية 20.",
                 {("killed", "children", None, 1), ("injured", "civilians", None, 3),
                  ("still_disappeared", "persons", REG, 120), ("still_disappeared", "persons", REG, 100),
                  ("still_disappeared", "persons", SDF, 20)},
                 id="partitive-minhum-and-waw-before-a-party"),
    pytest.param("وثقت الشبكة 11 مجزرة، ارتكبت قوات النظام ثماني منها، فيما توزعت المجازر الثلاث المتبقية على جهات أخرى.",
                 {("massacres", None, None, 11), ("massacres", None, REG, 8), ("massacres", None, OTH, 3)},
                 id="the-remaining-three-among-other-parties"),
    pytest.param("أطلق عناصر من قوات سوريا الديمقراطية النار على محتجين في بلدة ذيبان، ما أدى إلى مقتل أربعة مدنيين.",
                 {("killed", "civilians", SDF, 4)}, id="party-of-the-act-that-caused-the-deaths"),
    pytest.param("قتل أحد عشر مدنياً في قصف على أريحا.", {("killed", "civilians", None, 11)}, id="ahad-ashar-is-eleven"),
    pytest.param("قتلت قوات النظام 14 مدنياً، وكان من بين الضحايا شاب يبلغ من العمر 19 عاماً من حمص.",
                 {("killed", "civilians", REG, 14)}, id="a-victim-described-by-age-is-no-count"),
    pytest.param("اعتقلت قوات النظام 300 شخص. وتقدّر الشبكة أن ما لا يقل عن 120 ممن اعتُقلوا تحولوا إلى مختفين قسرياً.",
                 {("arrested", "persons", REG, 300), ("forcibly_disappeared", "persons", REG, 120)},  # of the regime's arrests
                 id="of-those-who-takes-the-main-verb"),
    pytest.param("قصفت الطائرات السوق مرة أولى، ثم عادت وقصفته بغارة ثانية بعد دقائق.", set(), id="second-strike-is-no-count"),
    pytest.param("كانت البلدة يسكنها أكثر من 20 ألف نسمة قبل القصف.", set(), id="population-is-no-count"),
    pytest.param("لا يزال أحد أفراد الكوادر الطبية في عداد المختفين قسرياً لدى القوات الروسية.",
                 {("still_disappeared", "medical_personnel", RUS, 1)}, id="one-of-the-members-opens-the-sentence"),
    pytest.param("رصدنا هجوماً واحداً بأسلحة حارقة شنّته القوات الروسية على بلدة معرشمشة.",
                 {("incendiary_attacks", None, RUS, 1)}, id="verb-with-object-pronoun-then-agent"),
    pytest.param('وذكر التقرير أن "هيئة تحرير الشام" احتجزت 9 أشخاص.', {("arrested", "persons", "hts", 9)},
                 id="party-name-in-quotes"),
    pytest.param("احتجزت قوات النظام 20 شخصاً، بينهم 4 أطفال و1 سيدة.",
                 {("arrested", "persons", REG, 20), ("arrested", "children", REG, 4), ("arrested", "women", REG, 1)},
                 id="digit-one-before-its-noun"),
    pytest.param("قتل 300 مدني بينهم 12 شخصاً من الكوادر الطبية و5 آخرين من الكوادر الإعلامية.",
                 {("killed", "civilians", None, 300), ("killed", "medical_personnel", None, 12),
                  ("killed", "media_workers", None, 5)}, id="people-of-a-named-group"),
    pytest.param("وثقنا 20 حادثة اعتداء في هذه الأيام الستة عشر، 12 منها على يد قوات النظام.",
                 {("attacks_on_vital_facilities", None, None, 20), ("attacks_on_vital_facilities", None, REG, 12)},
                 id="definite-number-is-no-count"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_arabic_rule(nlp: Language, text: str, expected: set[Row]) -> None:
    assert rows(nlp, text) == expected


def test_one_massacre_in_each_of_several_places(nlp: Language) -> None:
    assert located(nlp, "شهدت كل من حمص وحماة مجزرة واحدة.") == [(1, "Hama"), (1, "Homs")]


def test_a_count_in_each_of_the_places_before_it(nlp: Language) -> None:
    text = "تصدرت محافظتا حمص وحماة بواقع 5 مجازر في كل منهما، ثم درعا والرقة مجزرة في كل منهما."
    assert located(nlp, text) == [(1, "Daraa"), (1, "Raqqa"), (5, "Hama"), (5, "Homs")]


def test_list_under_a_lead_in_that_restates_its_total(nlp: Language) -> None:
    text = ("وثقنا 40 حادثة اعتداء على مراكز حيوية، 30 منها على يد قوات النظام و10 على يد القوات الروسية.\n\n"
            "وتوزعت حوادث الاعتداء الـ 40 على أنواع المنشآت التالية:\n\nالمدارس: 25\nالأسواق: 15\n")
    by_count = {(f.count, f.perpetrator) for f in find_figures(nlp(text), lang="ar")[0]}
    assert (25, None) in by_count and (15, None) in by_count


@pytest.mark.parametrize("stem", ["2020-02-civilian-death-toll-january-2020", "2019-11-northwest-syria-escalation"])
def test_pdf_harakat_sit_on_their_letters(stem: str) -> None:
    """Marks drawn at another height or on a letter boundary once landed on the next letter or word."""
    text = read_file(ROOT / "corpus" / "ar" / f"{stem}.pdf").text
    assert "مدنياً" in text
    for broken in ("وّثق", "ً مدنيا", "مدنيا،ً", "شنّ ها", "ظلتّ"):
        assert broken not in text


MORE = [
    pytest.param("وسجل التقرير 40 حادثة اعتداء على مراكز حيوية مدنية، منها 12 على مدارس و9 على منشآت طبية.",
                 {("attacks_on_vital_facilities", None, None, 40), ("attacks_on_vital_facilities", None, None, 12),
                  ("attacks_on_vital_facilities", None, None, 9)}, id="parts-of-attacks-on-a-target"),
    pytest.param("وتصدرت محافظة إدلب بـ 2103 برميلاً، تلتها حماة بـ 1990، ثم حلب بـ 310.",
                 {("barrel_bombs", None, REG, 2103), ("barrel_bombs", None, REG, 1990), ("barrel_bombs", None, REG, 310)},
                 id="a-ranking-count-that-looks-like-a-year"),
    pytest.param("وتوزعت حالات الاعتقال بحسب المحافظات: حلب 44، إدلب 31.", {("arrested", "persons", None, 44),
                                                                         ("arrested", "persons", None, 31)},
                 id="place-names-head-list-items-without-colons"),
    pytest.param("وأودى القصف بحياة 27 مدنياً.", {("killed", "civilians", None, 27)}, id="a-verb-and-bi-hayat-apart"),
    pytest.param("ارتكبت قوات النظام 9 مجازر، وارتكبت القوات الروسية أربعاً منها في إدلب.",
                 {("massacres", None, REG, 9), ("massacres", None, RUS, 4)}, id="a-number-word-with-tanween"),
    pytest.param("ارتكبت قوات النظام 20 مجزرة خلال الشهر، ووقعت 12 من هذه المجازر في ريف إدلب.",
                 {("massacres", None, REG, 20), ("massacres", None, REG, 12)}, id="of-these-refers-back"),
    pytest.param("إذ ألقى طيران النظام السوري المروحي وثابت الجناح 410 براميل متفجرة.",
                 {("barrel_bombs", None, REG, 410)}, id="adjectives-after-a-party-name"),
    pytest.param("وكانت قوات النظام السوري هي المسؤولة عن 64 حالة اعتقال، تلتها قوات سوريا الديمقراطية ذات القيادة "
                 "الكردية بـ 23 حالة.", {("arrested", "persons", REG, 64), ("arrested", "persons", SDF, 23)},
                 id="responsible-for-then-a-ranking-by-party"),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_more_arabic_structures(nlp: Language, text: str, expected: set[Row]) -> None:
    assert rows(nlp, text) == expected
