"""The English figure rules, one parametrised table per family: a passage and exactly the figures it states."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.language import Language

from helpers_figures import Row, TargetRow, difference, extract, nlp, rows, target_rows  # noqa: F401  (nlp: session fixture)

# Every passage is written for these tests in the style of an SNHR report; the expected figures follow the
# contract (shared/spec/figures.md) and the labelling conventions, not what the rules happen to do today.
# Figures are compared as multisets, so a figure given twice fails as surely as a figure missed.

K, INJ, ARR, DUT, REL, DET = "killed", "injured", "arrested", "died_under_torture", "released", "detained"
MAS, BB, AVF = "massacres", "barrel_bombs", "attacks_on_vital_facilities"
CIV, CH, WO, PER, MED = "civilians", "children", "women", "persons", "medical_personnel"
REG, RUS, ALL, ISIS, HTS, SDF = "syrian_regime", "russian_forces", "syrian_russian_alliance", "isis", "hts", "sdf"
OTH, COA = "other_parties", "international_coalition"
EX, AL, MT, AP, UP = "exact", "at_least", "more_than", "approximately", "up_to"


def case(text: str, *expected: Row, id: str) -> object:
    return pytest.param(text, list(expected), id=id)


def check(nlp: Language, text: str, expected: list[Row]) -> None:
    got, want = rows(extract(nlp, text)), Counter(expected)
    assert got == want, difference(got, want)


NUMBERS = [
    case("SNHR documented the killing of 1,136 civilians in Syria in October 2019.", (K, CIV, None, 1136, EX), id="separator"),
    case("Syrian regime forces arrested 3204 people over the year.", (ARR, PER, REG, 3204, EX), id="four-digits-plain"),
    case("SNHR recorded 12,679 cases of arbitrary arrest across Syria in 2018.", (ARR, PER, None, 12679, EX),
         id="cases-of-arrest"),
    case("Russian warplanes killed forty-two civilians in Jisr al-Shughour.", (K, CIV, RUS, 42, EX), id="hyphenated-word"),
    case("The report documents the deaths of one hundred and five people due to torture.", (DUT, PER, None, 105, EX),
         id="hundred-and-five"),
    case("Regime forces released two thousand three hundred detainees after the amnesty decree.", (REL, PER, REG, 2300, EX),
         id="thousands-in-words"),
    case("More than 2.3 million people were displaced from the south of Idlib.", ("displaced", PER, None, 2300000, MT),
         id="decimal-million"),
    case("SNHR recorded 97attacks on vital civilian facilities in March 2019.", (AVF, None, None, 97, EX), id="glued-number"),
    case("A media worker was killed by Russian forces in Kafr Nabl.", (K, "media_workers", RUS, 1, EX), id="a-media-worker"),
    case("Twenty-three people were arrested by the SDF in Raqqa city.", (ARR, PER, SDF, 23, EX), id="sentence-initial-word"),
    case("Russian forces killed a child and two women in Maarat al-Numan.", (K, CH, RUS, 1, EX), (K, WO, RUS, 2, EX),
         id="article-and-word-in-a-list"),
    case("The SDF arrested eleven people, including a woman, in Deir ez-Zor.", (ARR, PER, SDF, 11, EX), (ARR, WO, SDF, 1, EX),
         id="word-total-article-part"),
    case("ISIS executed fifty-nine civilians in the town square.", (K, CIV, ISIS, 59, EX), id="executed"),
    case("Syrian regime forces committed one hundred and twenty massacres in 2018.", (MAS, None, REG, 120, EX),
         id="massacres-in-words"),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_numbers(nlp: Language, text: str, expected: list[Row]) -> None:
    check(nlp, text, expected)


QUALIFIERS = [
    case("At least 64 civilians, including 17 children and nine women, were killed in Idlib governorate in the first week.",
         (K, CIV, None, 64, AL), (K, CH, None, 17, EX), (K, WO, None, 9, EX), id="at-least-total-exact-parts"),
    case("No fewer than 48 people were arrested by regime forces in Damascus Suburbs.", (ARR, PER, REG, 48, AL),
         id="no-fewer-than"),
    case("The SDF arrested not less than 37 civilians during raids in Hasaka.", (ARR, CIV, SDF, 37, AL), id="not-less-than"),
    case("Russian forces killed more than 200 civilians in the three months of the campaign.", (K, CIV, RUS, 200, MT),
         id="more-than"),
    case("Nearly 90 people were killed by Syrian regime forces in the town.", (K, PER, REG, 90, AP), id="nearly"),
    case("About 300 civilians were killed in Aleppo governorate over the summer.", (K, CIV, None, 300, AP), id="about"),
    case("Regime helicopters dropped some 340 barrel bombs on the Latakia countryside.", (BB, None, REG, 340, AP), id="some"),
    case("Russian airstrikes on the market killed up to 40 civilians, according to SNHR's initial count.",
         (K, CIV, RUS, 40, UP), id="up-to"),
    case("Syrian regime forces arrested 173 women at least in the first half of the year.", (ARR, WO, REG, 173, AL),
         id="at-least-after-noun"),
    case("Russian forces killed at least 80 civilians, among them at least 21 children.", (K, CIV, RUS, 80, AL),
         (K, CH, RUS, 21, AL), id="part-with-own-qualifier"),
    case("Over 120 arrests were carried out by the Syrian regime in Daraa.", (ARR, PER, REG, 120, MT), id="over"),
    case("HTS detained around 35 people in Idlib city, including three media activists.", (ARR, PER, HTS, 35, AP),
         (ARR, "media_workers", HTS, 3, EX), id="around-exact-part"),
    case("Regime forces killed 250 civilians, more than 60 of them children.", (K, CIV, REG, 250, EX), (K, CH, REG, 60, MT),
         id="qualifier-only-on-part"),
    case("At least 12 massacres were committed in the month, nine of them by Syrian regime forces.",
         (MAS, None, None, 12, AL), (MAS, None, REG, 9, EX), id="at-least-massacres-exact-part"),
    case("Russian forces injured no less than 70 people in the bombing of Saraqeb.", (INJ, PER, RUS, 70, AL),
         id="no-less-than"),
    case("Approximately 1,500 civilians were killed by ISIS in Raqqa during the battle for the city.", (K, CIV, ISIS, 1500, AP),
         id="approximately"),
]


@pytest.mark.parametrize(("text", "expected"), QUALIFIERS)
def test_qualifiers(nlp: Language, text: str, expected: list[Row]) -> None:
    check(nlp, text, expected)


BREAKDOWNS = [
    case("Two paramedics were killed in May, one of them by Russian forces and the other by ISIS.", (K, MED, None, 2, EX),
         (K, MED, RUS, 1, EX), (K, MED, ISIS, 1, EX), id="one-and-the-other"),
    case("The factions killed nine civilians, of whom two were children and one was a woman.", (K, CIV, None, 9, EX),
         (K, CH, None, 2, EX), (K, WO, None, 1, EX), id="one-was-a-woman-counted-once"),
    case("ISIS killed 214 civilians in 2016, including 41 children and 33 women.", (K, CIV, ISIS, 214, EX),
         (K, CH, ISIS, 41, EX), (K, WO, ISIS, 33, EX), id="including"),
    case("Syrian regime forces arrested 162 people, of whom 11 were children and four were women.", (ARR, PER, REG, 162, EX),
         (ARR, CH, REG, 11, EX), (ARR, WO, REG, 4, EX), id="of-whom"),
    case("SNHR documented the killing of 77 civilians by Russian forces, among them 7 children.", (K, CIV, RUS, 77, EX),
         (K, CH, RUS, 7, EX), id="among-them"),
    case("SNHR documented 58 civilian deaths at the hands of Syrian regime forces in the month: 39 men, 13 children and 6 women.",
         (K, CIV, REG, 58, EX), (K, "men", REG, 39, EX), (K, CH, REG, 13, EX), (K, WO, REG, 6, EX), id="colon-list"),
    case("The death toll of 120 civilians documented in June 2019 is distributed as follows:\n"
         "- Syrian regime forces: 70 civilians, including 15 children.\n- Russian forces: 30 civilians.\n"
         "- Other parties: 20 civilians.",
         (K, CIV, None, 120, EX), (K, CIV, REG, 70, EX), (K, CH, REG, 15, EX), (K, CIV, RUS, 30, EX), (K, CIV, OTH, 20, EX),
         id="bullets-distributed-as-follows"),
    case("SNHR documented 211 arrests in July 2019. These arrests were distributed as follows: 128 by Syrian regime forces, "
         "64 by the SDF and 19 by HTS.",
         (ARR, PER, None, 211, EX), (ARR, PER, REG, 128, EX), (ARR, PER, SDF, 64, EX), (ARR, PER, HTS, 19, EX),
         id="prose-distributed-as-follows"),
    case("The SDF killed nine civilians in Raqqa, three children and a woman among them.", (K, CIV, SDF, 9, EX),
         (K, CH, SDF, 3, EX), (K, WO, SDF, 1, EX), id="parts-then-among-them"),
    case("Out of the 640 civilians killed by Russian forces in 2018, 152 were children.", (K, CIV, RUS, 640, EX),
         (K, CH, RUS, 152, EX), id="out-of-the-total"),
    case("SNHR documented the arrest of 231 people in August. Among them were 17 children and 5 women.",
         (ARR, PER, None, 231, EX), (ARR, CH, None, 17, EX), (ARR, WO, None, 5, EX), id="among-them-next-sentence"),
    case("Government forces arrested 94 people in Daraa, 6 of them children.", (ARR, PER, REG, 94, EX), (ARR, CH, REG, 6, EX),
         id="n-of-them"),
    case("Idlib governorate saw the highest toll, with 74 civilians killed, followed by Hama with 31 and Aleppo with 12.",
         (K, CIV, None, 74, EX), (K, CIV, None, 31, EX), (K, CIV, None, 12, EX), id="governorate-list"),
    case("The attack on the market killed 14 civilians, including five children, and injured 30 others.",
         (K, CIV, None, 14, EX), (K, CH, None, 5, EX), (INJ, CIV, None, 30, EX), id="injured-others-after-parts"),
    case("Of the 312 civilians killed in the month, Syrian regime forces killed 190, while Russian forces killed 88.",
         (K, CIV, None, 312, EX), (K, CIV, REG, 190, EX), (K, CIV, RUS, 88, EX), id="total-split-by-party"),
    case("Syrian regime forces killed 97 civilians in Hama in May. Among the victims were 23 children, 11 women and four "
         "medical workers.",
         (K, CIV, REG, 97, EX), (K, CH, REG, 23, EX), (K, WO, REG, 11, EX), (K, MED, REG, 4, EX), id="among-the-victims"),
    case("SNHR documented 19 massacres in the month, 11 of them by Syrian regime forces and 5 by Russian forces, while the "
         "remaining 3 were committed by other parties.",
         (MAS, None, None, 19, EX), (MAS, None, REG, 11, EX), (MAS, None, RUS, 5, EX), (MAS, None, OTH, 3, EX),
         id="massacres-by-party"),
    case("Syrian regime forces arrested 186 people in Aleppo, including 14 children, and released 32 others.",
         (ARR, PER, REG, 186, EX), (ARR, CH, REG, 14, EX), (REL, PER, REG, 32, EX), id="released-others-after-parts"),
]


@pytest.mark.parametrize(("text", "expected"), BREAKDOWNS)
def test_breakdowns(nlp: Language, text: str, expected: list[Row]) -> None:
    check(nlp, text, expected)


ATTRIBUTION = [
    case("Russian forces killed 163 civilians in Idlib in July.", (K, CIV, RUS, 163, EX), id="subject"),
    case("Nine civilians were killed by ISIS in the countryside of Deir ez-Zor.", (K, CIV, ISIS, 9, EX), id="passive-by"),
    case("SNHR documented the killing of 26 civilians at the hands of Hay'at Tahrir al-Sham.", (K, CIV, HTS, 26, EX),
         id="at-the-hands-of"),
    case("Syrian regime forces were responsible for the deaths of 312 civilians in the month.", (K, CIV, REG, 312, EX),
         id="responsible-for-the-deaths-of"),
    case("Fourteen people died due to torture in the custody of Syrian regime forces.", (DUT, PER, REG, 14, EX),
         id="in-the-custody-of"),
    case("Syrian regime forces and Russian forces each committed two massacres in the town.", (MAS, None, REG, 2, EX),
         (MAS, None, RUS, 2, EX), id="x-and-y-each"),
    case("Four massacres were committed by each of Syrian regime forces and ISIS.", (MAS, None, REG, 4, EX),
         (MAS, None, ISIS, 4, EX), id="by-each-of"),
    case("The Syrian regime and Russian forces carried out 47 attacks on vital civilian facilities in September.",
         (AVF, None, ALL, 47, EX), id="regime-and-russia-attacks"),
    case("Syrian regime and Russian forces killed 214 civilians in the Idlib countryside.", (K, CIV, ALL, 214, EX),
         id="regime-and-russia-killed"),
    case("Russian forces\n\nSNHR documented the killing of 45 civilians, among them 9 children.\n\n"
         "ISIS\n\nSNHR documented the killing of 6 civilians.",
         (K, CIV, RUS, 45, EX), (K, CH, RUS, 9, EX), (K, CIV, ISIS, 6, EX), id="headings-name-the-party"),
    case("SNHR documented the killing of 184 civilians in August 2019, distributed by perpetrator as follows:\n"
         "- Syrian regime forces: 125\n- ISIS: 42\n- Other parties: 17",
         (K, CIV, None, 184, EX), (K, CIV, REG, 125, EX), (K, CIV, ISIS, 42, EX), (K, CIV, OTH, 17, EX),
         id="label-bullets-under-lead-in"),
    case("Russian forces killed 21 civilians in areas controlled by ISIS in the eastern countryside of Deir ez-Zor.",
         (K, CIV, RUS, 21, EX), id="controlled-by-is-not-the-perpetrator"),
    case("Eleven civilians were killed in areas under the control of the SDF in Raqqa.", (K, CIV, None, 11, EX),
         id="under-control-of-names-no-perpetrator"),
    case("Syrian regime forces killed 38 fighters of the armed opposition in the clashes.", (K, "fighters", REG, 38, EX),
         id="victims-affiliation"),
    case("Syrian regime forces killed 70 civilians in the month, while Russian forces killed 25.", (K, CIV, REG, 70, EX),
         (K, CIV, RUS, 25, EX), id="while-second-party"),
    case("Daesh abducted 15 civilians from the town of Mayadin.", (ARR, CIV, ISIS, 15, EX), id="alias-daesh"),
    case("Other parties killed 31 civilians, including 8 children.", (K, CIV, OTH, 31, EX), (K, CH, OTH, 8, EX),
         id="other-parties"),
    case("Turkish border guards shot dead four civilians who were trying to cross the border.",
         (K, CIV, "turkish_forces", 4, EX), id="shot-dead-turkish"),
    case("International Coalition forces killed 12 civilians, including 5 children, in airstrikes on Hajin.",
         (K, CIV, COA, 12, EX), (K, CH, COA, 5, EX), id="coalition"),
    case("Iranian-backed militias arrested 9 people in Deir ez-Zor city.", (ARR, PER, "iranian_militias", 9, EX),
         id="iranian-militias"),
    case("Syrian Democratic Forces: the SDF arrested 43 people, including 6 children.", (ARR, PER, SDF, 43, EX),
         (ARR, CH, SDF, 6, EX), id="party-label-then-sentence"),
    case("The Assad regime killed 58 civilians in Daraa governorate.", (K, CIV, REG, 58, EX), id="assad-regime"),
    case("Nusra Front executed three civilians in the countryside of Idlib.", (K, CIV, HTS, 3, EX), id="nusra-is-hts"),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION)
def test_attribution(nlp: Language, text: str, expected: list[Row]) -> None:
    check(nlp, text, expected)


STOCKS = [
    case("Syrian regime forces arrested 310 people in May 2019.", (ARR, PER, REG, 310, EX), id="arrested-event"),
    case("Regime forces detained 29 people at checkpoints in Homs.", (ARR, PER, REG, 29, EX), id="detained-verb-is-arrest"),
    case("At least 3,650 people remain in detention in the prisons of ISIS.", (DET, PER, ISIS, 3650, AL),
         id="remain-in-detention"),
    case("No fewer than 84,371 people are still forcibly disappeared at the hands of Syrian regime forces.",
         ("still_disappeared", PER, REG, 84371, AL), id="still-forcibly-disappeared"),
    case("The SDF released 41 detainees from the central prison in Raqqa.", (REL, PER, SDF, 41, EX), id="released"),
    case("HTS forcibly disappeared 12 people in Idlib during the month.", ("forcibly_disappeared", PER, HTS, 12, EX),
         id="forcibly-disappeared-event"),
    case("Syrian regime forces arrested 1,280 people in 2019; 860 of them are still detained.", (ARR, PER, REG, 1280, EX),
         (DET, PER, REG, 860, EX), id="arrests-then-still-detained"),
    case("Some 2,145 detainees are held by the Syrian regime in its prisons.", (DET, PER, REG, 2145, AP), id="are-held-by"),
    case("The offensive forced some 400,000 people to flee their homes.", ("displaced", PER, None, 400000, AP),
         id="forced-to-flee"),
    case("Russian airstrikes injured 57 civilians in Ariha.", (INJ, CIV, RUS, 57, EX), id="injured"),
    case("Syrian regime forces arrested 105 people in Daraa, and 62 of them were later forcibly disappeared.",
         (ARR, PER, REG, 105, EX), ("forcibly_disappeared", PER, REG, 62, EX), id="arrested-then-disappeared"),
]


@pytest.mark.parametrize(("text", "expected"), STOCKS)
def test_events_and_stocks(nlp: Language, text: str, expected: list[Row]) -> None:
    check(nlp, text, expected)


TORTURE = [
    case("SNHR documented 18 deaths due to torture in July 2019, 16 of them at the hands of Syrian regime forces and two "
         "at the hands of HTS.",
         (DUT, PER, None, 18, EX), (DUT, PER, REG, 16, EX), (DUT, PER, HTS, 2, EX), id="total-and-parties"),
    case("Nine people died under torture in the detention centers of the Syrian regime.", (DUT, PER, REG, 9, EX),
         id="detention-centers-of"),
    case("Syrian regime forces killed 230 civilians, including 11 who died due to torture.", (K, CIV, REG, 230, EX),
         (DUT, CIV, REG, 11, EX), id="torture-inside-killed-total"),
    case("A child died under torture in a detention center run by the SDF.", (DUT, CH, SDF, 1, EX), id="a-child-sdf-custody"),
    case("Deaths due to torture in March were distributed as follows:\n- Syrian regime forces: 14\n- HTS: 1",
         (DUT, PER, REG, 14, EX), (DUT, PER, HTS, 1, EX), id="bullets-without-total"),
    case("Twenty-two detainees were tortured to death by Syrian regime forces in Saydnaya Military Prison.",
         (DUT, PER, REG, 22, EX), id="tortured-to-death"),
]


@pytest.mark.parametrize(("text", "expected"), TORTURE)
def test_torture_deaths(nlp: Language, text: str, expected: list[Row]) -> None:
    check(nlp, text, expected)


def tcase(text: str, *expected: TargetRow, id: str) -> object:
    return pytest.param(text, list(expected), id=id)


ATTACKS = [
    tcase("Russian forces carried out 22 attacks on medical facilities in the period.",
          (AVF, None, RUS, 22, EX, "medical_facilities"), id="attacks-on-medical-facilities"),
    tcase("Syrian regime forces used cluster munitions in 28 attacks in 2019.",
          ("cluster_munition_attacks", None, REG, 28, EX, None), id="used-cluster-munitions-in-attacks"),
    tcase("SNHR recorded 35 attacks on vital civilian facilities, including 11 on schools, 8 on medical facilities and "
          "4 on markets.",
          (AVF, None, None, 35, EX, None), (AVF, None, None, 11, EX, "schools"), (AVF, None, None, 8, EX, "medical_facilities"),
          (AVF, None, None, 4, EX, "markets"), id="facility-type-breakdown"),
    tcase("Russian warplanes attacked 6 mosques in the southern countryside of Idlib.",
          (AVF, None, RUS, 6, EX, "places_of_worship"), id="attacked-mosques"),
    tcase("ISIS carried out three attacks on IDP camps in the desert.", (AVF, None, ISIS, 3, EX, "camps"),
          id="attacks-on-camps"),
    tcase("Syrian regime forces carried out at least 9 incendiary attacks on residential areas of Idlib.",
          ("incendiary_attacks", None, REG, 9, AL, "residential"), id="incendiary-on-residential"),
    tcase("Regime helicopters dropped 512 barrel bombs on Idlib governorate in the month.", (BB, None, REG, 512, EX, None),
          id="barrel-bombs"),
    tcase("SNHR documented two chemical attacks by Syrian regime forces in 2017.",
          ("chemical_attacks", None, REG, 2, EX, None), id="chemical-attacks"),
    tcase("Russian forces attacked a school and two medical facilities in Kafr Nabl.", (AVF, None, RUS, 1, EX, "schools"),
          (AVF, None, RUS, 2, EX, "medical_facilities"), id="a-school-and-two-facilities"),
    tcase("There were 14 attacks on vital facilities by the SDF, including 5 on water stations.",
          (AVF, None, SDF, 14, EX, None), (AVF, None, SDF, 5, EX, "infrastructure"), id="water-stations"),
    tcase("Russian forces used incendiary weapons in 17 attacks on Idlib and Hama.",
          ("incendiary_attacks", None, RUS, 17, EX, None), id="used-incendiary-weapons-in-attacks"),
    tcase("Syrian regime forces carried out 41 attacks on towns in Idlib.", ("attacks", None, REG, 41, EX, None),
          id="plain-attacks"),
    tcase("Vital civilian facilities attacked by Russian forces in the month:\n- Medical facilities: 7\n- Schools: 5\n"
          "- Markets: 2",
          (AVF, None, RUS, 7, EX, "medical_facilities"), (AVF, None, RUS, 5, EX, "schools"), (AVF, None, RUS, 2, EX, "markets"),
          id="facility-label-bullets"),
]


@pytest.mark.parametrize(("text", "expected"), ATTACKS)
def test_attacks_and_targets(nlp: Language, text: str, expected: list[TargetRow]) -> None:
    got, want = target_rows(extract(nlp, text)), Counter(expected)
    assert got == want, difference(got, want)


NOT_FIGURES = [
    case("Shelling has emptied Saraqeb, a town that was home to some 40,000 people before the war.", id="population"),
    case("Shelling has emptied Saraqeb, a town with a population of 40,000.", id="population-of"),
    case("Regime forces killed three in every four victims documented in the month.", id="share-in-every"),
    case("Syrian regime forces were responsible for 67 percent of the civilian deaths documented in the month.",
         id="percent-word"),
    case("Russian forces killed 44% of the victims.", id="percent-sign"),
    case("Eight children a day were killed on average during the offensive.", id="rate-a-day"),
    case("Syrian regime forces killed more than five civilians every day in July.", id="rate-every-day"),
    case("The Syrian regime killed 19 civilians, including 5 children, the youngest aged 3.", (K, CIV, REG, 19, EX),
         (K, CH, REG, 5, EX), id="age-aged"),
    case("Russian forces killed 8 civilians in Ariha, including 3 children under 12 years old.", (K, CIV, RUS, 8, EX),
         (K, CH, RUS, 3, EX), id="age-years-old"),
    case("In 2019, SNHR documented 3,364 civilian deaths.", (K, CIV, None, 3364, EX), id="year-is-not-a-count"),
    case("These attacks violate Article 8 of the Rome Statute.", id="article-number"),
    case("The regime has flouted Security Council Resolution 2139 and Resolution 2254.", id="resolution-numbers"),
    case("Dozens of civilians were killed in the bombardment.", id="dozens"),
    case("Thousands of families were displaced from Maarat al-Numan.", id="thousands"),
    case("Tens of thousands of people have fled towards the Turkish border.", id="tens-of-thousands"),
    case("The 42-page report documents the violations of the month.", id="page-count-hyphen"),
    case("The report, which runs to 38 pages, was issued today.", id="page-count"),
    case("Four out of every five victims were killed by Syrian regime and Russian forces.", id="four-out-of-five"),
    case("Syrian regime forces did not present a single arrest warrant during these raids.", id="negated-single-arrest"),
    case("Not a single arrest warrant was shown to the families.", id="not-a-single-sentence-start"),
    case("The siege lasted seventeen days, and the campaign is now in its sixth year.", id="durations"),
    case("Three million people live in Idlib governorate.", id="population"),
    case("The market was struck at 10:30 in the morning.", id="clock-time"),
    case("The report draws on 23 interviews with survivors and eyewitnesses.", id="count-of-interviews"),
    case("SNHR identified 11 types of cluster munitions used by Russian forces.", id="count-of-munition-types"),
    case("On 18 November 2019, an SNHR team visited the town of Ariha.", id="date"),
    case("A massacre is defined as an attack that kills five or more peaceful people at once.", id="definition-threshold"),
]


@pytest.mark.parametrize(("text", "expected"), NOT_FIGURES)
def test_not_figures(nlp: Language, text: str, expected: list[Row]) -> None:
    check(nlp, text, expected)


RESTATED = [
    case("HRDT · Press Release\n\nHuman Rights Documentation Team\n\nPress Release\n\nMonthly Report\n\n"
         "12 Civilians, Including 3 Children, Killed by Russian Forces in May\n\n"
         "Russian forces killed 12 civilians, including 3 children, in Idlib in May 2019.",
         (K, CIV, RUS, 12, EX), (K, CH, RUS, 3, EX), id="headline-below-several-masthead-lines"),
    case("210 Civilians Killed in Syria in June 2019\n\nSyrian Network for Human Rights\n\n"
         "SNHR documented the killing of 210 civilians in June 2019, including 40 children.",
         (K, CIV, None, 210, EX), (K, CH, None, 40, EX), id="headline-then-body"),
    case("Russian Forces Committed 36 Massacres in 2019\n\n"
         "Russian forces committed 36 massacres in 2019, according to the annual report of SNHR.",
         (MAS, None, RUS, 36, EX), id="headline-with-party"),
    case("Syrian Regime Arrested 412 People in March, Including 28 Children\n\n"
         "Syrian regime forces arrested 412 people in March 2020, including 28 children and 9 women.",
         (ARR, PER, REG, 412, EX), (ARR, CH, REG, 28, EX), (ARR, WO, REG, 9, EX), id="headline-with-breakdown"),
    case("Russian forces killed 63 civilians in Idlib in the first week of May.\n\n"
         "The report concludes that Russian forces killed 63 civilians in Idlib in that week, and calls for accountability.",
         (K, CIV, RUS, 63, EX), id="body-restates-body"),
    case("Syrian regime forces killed 12 civilians in Hama and 12 civilians in Idlib.", (K, CIV, REG, 12, EX),
         (K, CIV, REG, 12, EX), id="same-count-two-places-stays-two"),
]


@pytest.mark.parametrize(("text", "expected"), RESTATED)
def test_restated_figure_is_one(nlp: Language, text: str, expected: list[Row]) -> None:
    check(nlp, text, expected)


EVIDENCE = [
    pytest.param("\n\nSNHR documented the killing of 1,136 civilians, including forty-two children.",
                 {1136: "1,136", 42: "forty-two"}, id="leading-blank-lines"),
    pytest.param("Monthly report\n\nThe toll of 120 civilians is distributed as follows:\n"
                 "- Syrian regime forces: 70 civilians.\n- Russian forces: 50 civilians.",
                 {120: "120", 70: "70", 50: "50"}, id="bullet-list"),
    pytest.param("Syria’s civilians paid a high price. Russian forces killed seventeen civilians in Ariha, and regime forces "
                 "arrested 2,310 people.",
                 {17: "seventeen", 2310: "2,310"}, id="curly-apostrophe-second-sentence"),
]


@pytest.mark.parametrize(("text", "written"), EVIDENCE)
def test_evidence_offsets_hold_the_number(nlp: Language, text: str, written: dict[int, str]) -> None:
    figures = extract(nlp, text)
    assert sorted(f.count for f in figures) == sorted(written)
    for figure in figures:
        assert figure.evidence is not None
        span = text[figure.evidence.start : figure.evidence.end]
        assert written[figure.count] in span
        assert span.strip() == figure.evidence.text


METRIC_STRUCTURES = [
    case("SNHR released its monthly report today, documenting 131 arrests, including four children.",
         (ARR, PER, None, 131, EX), (ARR, CH, None, 4, EX), id="a-report-released-is-no-release"),
    case("Idlib accounted for 61 of the month's attacks on vital facilities.", (AVF, None, None, 61, EX),
         id="possessive-inside-the-counted-noun"),
    case("Kurdish-led forces tortured 14 detainees to death in the same period.", (DUT, PER, SDF, 14, EX),
         id="tortured-to-death"),
    case("SNHR recorded 40 attacks on vital civilian facilities in March. Russian forces were responsible for 22 of "
         "them, while Turkish forces carried out 3.", (AVF, None, None, 40, EX), (AVF, None, RUS, 22, EX),
         (AVF, None, "turkish_forces", 3, EX), id="bare-attacks-are-the-kind-being-counted"),
]


@pytest.mark.parametrize(("text", "expected"), METRIC_STRUCTURES)
def test_metric_structures(nlp: Language, text: str, expected: list[Row]) -> None:
    check(nlp, text, expected)
