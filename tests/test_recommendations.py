"""Recommendations: the Recommendations section by addressee, and calls made elsewhere in the text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.pipeline import load_entity_pipeline
from extractor.recommendations import addressee_name, find_recommendations
from tally.model import Recommendation


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_entity_pipeline("en")


def recommendations(nlp: Language, text: str) -> list[Recommendation]:
    return find_recommendations(nlp(text))


REPORT = """Contents
I. Summary...... 2
VI. Recommendations...... 19

I. Summary

Regime forces shelled the camps of the north for a third month.

VI. Recommendations

Security Council:
• Refer the situation in Syria to the International Criminal Court and hold to account those
responsible for the shelling of the camps.
• Impose an arms embargo on the parties that bomb civilians.

To the Syrian regime

1. End the shelling of camps and residential neighbourhoods.
2. Disclose the fate of the forcibly disappeared.

Russian regime: Stop using its veto to shield the perpetrators.

OHCHR
Publish a list of the detention centres where torture is practised.

Neighbouring countries:
Stop deporting refugees to areas where they face arrest.

VII. Acknowledgments

We thank the families who shared their testimonies with our team."""


def test_section_items_with_their_addressees(nlp: Language) -> None:
    found = [(r.addressee, r.text.split()[0]) for r in recommendations(nlp, REPORT)]
    assert found == [
        ("UN Security Council", "Refer"),
        ("UN Security Council", "Impose"),
        ("Syrian regime", "End"),
        ("Syrian regime", "Disclose"),
        ("Russian regime", "Stop"),
        ("OHCHR", "Publish"),
        ("Neighbouring countries", "Stop"),
    ]


def test_wrapped_item_lines_are_one_item(nlp: Language) -> None:
    first = recommendations(nlp, REPORT)[0]
    assert first.text.endswith("those responsible for the shelling of the camps.")


def test_section_stops_at_the_next_heading(nlp: Language) -> None:
    assert not any("testimonies" in r.text for r in recommendations(nlp, REPORT))


def test_table_of_contents_entry_opens_no_section(nlp: Language) -> None:
    text = "Contents\nVI. Recommendations...... 19\nVII. Annex...... 22\n\nRegime forces shelled the camps."
    assert recommendations(nlp, text) == []


def test_section_without_addressees_takes_them_from_the_calls(nlp: Language) -> None:
    text = (
        "Recommendations:\n\n"
        "We call on the UN General Assembly to establish a mechanism on the missing.\n\n"
        "Humanitarian agencies must scale up winter aid to the camps."
    )
    found = recommendations(nlp, text)
    assert [r.addressee for r in found] == ["UN General Assembly", None]


def test_introduction_line_is_not_an_item(nlp: Language) -> None:
    text = (
        "Recommendations\n\nSNHR recommends the following:\n\n"
        "UN Security Council:\n- Protect the civilians of Idlib."
    )
    assert recommendations(nlp, text) == [
        Recommendation(addressee="UN Security Council", text="Protect the civilians of Idlib.")
    ]


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("We call on the UN Security Council to stop the bombardment of hospitals.", "UN Security Council"),
        ("SNHR also urges the international community to fund the civil defence teams.", "International community"),
        ("We appeal to the UN Special Envoy to Syria to put the detainees first.", "UN Special Envoy for Syria"),
        ("The report calls upon the Arab League to suspend all contacts.", "Arab League"),
    ],
)
def test_calls_outside_a_section(nlp: Language, sentence: str, addressee: str) -> None:
    text = f"Warplanes struck a school in Ariha on Tuesday. {sentence}"
    assert recommendations(nlp, text) == [Recommendation(addressee=addressee, text=sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Resolution 2139 called on all parties to end the use of barrel bombs.",
        "Residents urged the council to reopen the bakery.",
        "We documented the killing of 12 civilians in Idlib.",
    ],
)
def test_other_calls_are_not_recommendations(nlp: Language, sentence: str) -> None:
    assert recommendations(nlp, sentence) == []


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("To the UN Security Council:", "UN Security Council"),
        ("UNSC", "UN Security Council"),
        ("The Syrian regime", "Syrian regime"),
        ("Russian regime:", "Russian regime"),
        ("Recommendations to the OHCHR", "OHCHR"),
        ("To the parties to the conflict", "All parties to the conflict"),
        ("Neighbouring countries", None),
    ],
)
def test_addressee_names(heading: str, name: str | None) -> None:
    assert addressee_name(heading) == name


# Arabic: the same section and calls, from the Arabic rows of cues.tsv and addressees.tsv.


@pytest.fixture(scope="session")
def ar_nlp() -> Language:
    return load_entity_pipeline("ar")


AR_REPORT = """منهجية التقرير

اعتمد التقرير على شهادات الأهالي. ندعو المجتمع الدولي إلى تمويل فرق الدفاع المدني في المنطقة.

ً خامساً: التوصيات

إلى مجلس الأمن الدولي:
- إحالة الملف إلى المحكمة الجنائية الدولية ومحاسبة المسؤولين عن قصف المخيمات.
- فرض حظر على توريد السلاح إلى الأطراف التي تقصف المدنيين.

على النظام السوري:
وقف قصف المخيمات والأحياء السكنية فوراً.

إلى الدول المانحة والمنظمات الإنسانية:

زيادة المساعدات الشتوية للنازحين في المخيمات الحدودية.

شكر وتقدير

نشكر العائلات التي شاركتنا شهاداتها خلال إعداد هذا التقرير."""


def test_arabic_section_items_with_their_addressees(ar_nlp: Language) -> None:
    found = [(r.addressee, r.text.split()[0]) for r in recommendations(ar_nlp, AR_REPORT)]
    assert found == [
        ("UN Security Council", "إحالة"),
        ("UN Security Council", "فرض"),
        ("Syrian regime", "وقف"),
        ("الدول المانحة والمنظمات الإنسانية", "زيادة"),
        ("International community", "ندعو"),
    ]


def test_arabic_section_stops_at_the_next_heading(ar_nlp: Language) -> None:
    assert not any("نشكر" in r.text for r in recommendations(ar_nlp, AR_REPORT))


@pytest.mark.parametrize(
    ("sentence", "addressee"),
    [
        ("ندعو المجتمع الدولي إلى تمويل فرق الدفاع المدني في المنطقة.", "International community"),
        ("تطالب الشبكة السورية لحقوق الإنسان مجلس الأمن الدولي بإحالة الملف إلى المحكمة.", "UN Security Council"),
        ("ويجب على الحكومة الروسية أن تتوقف عن قصف الأسواق.", "Russian regime"),
        ("على المبعوث الأممي إلى سوريا أن يضع ملف المعتقلين أولاً.", "UN Special Envoy for Syria"),
    ],
)
def test_arabic_calls_outside_a_section(ar_nlp: Language, sentence: str, addressee: str) -> None:
    text = f"قصفت الطائرات مدرسة في أريحا يوم الثلاثاء. {sentence}"
    assert recommendations(ar_nlp, text) == [Recommendation(addressee=addressee, text=sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "على الرغم من أن القصف توقف، لم يعد السكان إلى منازلهم.",
        "طالب الأهالي المجلس المحلي بإعادة فتح المخبز.",
        "كما تنتهك الهجمات على المنشآت الطبية قرار مجلس الأمن رقم 2286 بشأن حماية الرعاية الطبية.",
    ],
)
def test_arabic_other_calls_are_not_recommendations(ar_nlp: Language, sentence: str) -> None:
    assert recommendations(ar_nlp, sentence) == []


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("إلى مجلس الأمن الدولي:", "UN Security Council"),
        ("على لجنة التحقيق الدولية المستقلة الخاصة بسوريا:", "Commission of Inquiry"),
        ("إلى الأمين العام للأمم المتحدة", "UN Secretary-General"),
        ("الحكومة الروسية", "Russian regime"),
        ("إلى الأمين العام للأمم المتحدة والمبعوث الأممي إلى سوريا:", None),
        ("إلى المؤسسات الإعلامية الدولية:", None),
    ],
)
def test_arabic_addressee_names(heading: str, name: str | None) -> None:
    assert addressee_name(heading, "ar") == name


def test_addressee_inside_a_longer_one_is_not_a_second_addressee() -> None:
    assert addressee_name("Recommendations to the United Nations Security Council members") == "UN Security Council"
