"""Consistency rules within a document: breakdowns, per-party sums and restated figures; for each, a document
that breaks it and a close one that does not."""

from __future__ import annotations

from typing import Any

import pytest

from check_helpers import MONTH, MakeDocument, MakeFigure, rules, said
from dataset.checks import find_inconsistencies
from tally.model import Figure


# --- breakdown-exceeds-total -----------------------------------------------------------------------------------


def test_a_part_larger_than_its_whole_is_found(make_figure: MakeFigure, make_document: MakeDocument) -> None:
    sentence = said("Regime forces killed 20 civilians, including 25 children.", page=3)
    whole = make_figure(count=20, perpetrator="syrian_regime", evidence=sentence)
    part = make_figure(group="children", count=25, perpetrator="syrian_regime", evidence=sentence)
    [finding] = find_inconsistencies(make_document(figures=[whole, part]))
    assert finding.rule == "breakdown-exceeds-total"
    assert "25 children" in finding.message and "20 civilians" in finding.message
    assert [side.figure for side in finding.sides] == [whole, part]
    assert finding.sides[0].cite() == f'report.txt p.3: "{sentence.text}"'


def test_a_part_within_its_whole_is_fine(make_figure: MakeFigure, make_document: MakeDocument) -> None:
    sentence = said("Regime forces killed 30 civilians, including 25 children.")
    figures = [make_figure(count=30, evidence=sentence), make_figure(group="children", count=25, evidence=sentence)]
    assert rules(make_document(figures=figures)) == []


@pytest.mark.parametrize(("civilians", "found"), [(20, True), (22, False)])
def test_children_and_women_added_up_against_civilians(
    make_figure: MakeFigure, make_document: MakeDocument, civilians: int, found: bool
) -> None:
    sentence = said("… civilians, including 12 children and 10 women.")
    figures = [
        make_figure(count=civilians, evidence=sentence),
        make_figure(group="children", count=12, evidence=sentence),
        make_figure(group="women", count=10, evidence=sentence),
    ]
    findings = find_inconsistencies(make_document(figures=figures))
    assert [f.rule for f in findings] == (["breakdown-exceeds-total"] if found else [])
    if found:
        assert "= 22" in findings[0].message and len(findings[0].sides) == 3


@pytest.mark.parametrize(
    ("qualifier", "children", "found"),
    [("at_least", 500, False), ("more_than", 500, False), ("approximately", 23, False), ("approximately", 25, True),
     ("up_to", 21, True), ("exact", 21, True)],
)
def test_a_whole_bounds_its_parts_only_as_far_as_its_qualifier_says(
    make_figure: MakeFigure, make_document: MakeDocument, qualifier: str, children: int, found: bool
) -> None:
    sentence = said("… 20 civilians, including … children.")
    figures = [
        make_figure(count=20, qualifier=qualifier, evidence=sentence),
        make_figure(group="children", count=children, evidence=sentence),
    ]
    assert rules(make_document(figures=figures)) == (["breakdown-exceeds-total"] if found else [])


def test_parts_are_compared_only_with_a_whole_of_the_same_party_span_and_place(
    make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    sentence = said("… 20 civilians … 25 children.")
    whole = make_figure(count=20, perpetrator="syrian_regime", location="Idlib", period=MONTH, evidence=sentence)
    others = [
        make_figure(group="children", count=25, perpetrator="russian_forces", location="Idlib", period=MONTH, evidence=sentence),
        make_figure(group="children", count=26, perpetrator="syrian_regime", location="Hama", period=MONTH, evidence=sentence),
        make_figure(group="children", count=27, perpetrator="syrian_regime", location="Idlib", period=("2020-01-01", "2020-12-31"),
                    evidence=sentence),
    ]
    assert rules(make_document(figures=[whole, *others])) == []


def test_a_part_in_the_next_sentence_is_paired_but_a_far_one_is_not(
    make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    head = make_figure(count=20, evidence=said("SNHR documented the killing of 20 civilians.", start=0))
    next_one = make_figure(group="children", count=25, evidence=said("Among them were 25 children.", start=46))
    far = make_figure(group="children", count=25, evidence=said("Among them were 25 children.", start=400))
    assert rules(make_document(figures=[head, next_one])) == ["breakdown-exceeds-total"]
    assert rules(make_document(figures=[head, far])) == []


def test_a_part_is_not_paired_when_its_sentence_states_two_wholes(
    make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    sentence = said("746 children of 2,704 civilians were killed; this month 179 more, among them 48 children.")
    figures = [
        make_figure(count=2704, evidence=sentence),
        make_figure(count=179, evidence=sentence),
        make_figure(group="children", count=746, evidence=sentence),
        make_figure(group="children", count=48, evidence=sentence),
    ]
    assert rules(make_document(figures=figures)) == []


def test_persons_hold_every_group(make_figure: MakeFigure, make_document: MakeDocument) -> None:
    sentence = said("12 people died under torture, among them 15 children.")
    figures = [
        make_figure(metric="died_under_torture", group="persons", count=12, evidence=sentence),
        make_figure(metric="died_under_torture", group="children", count=15, evidence=sentence),
    ]
    assert rules(make_document(figures=figures)) == ["breakdown-exceeds-total"]


def test_hand_written_data_pairs_the_only_whole_with_the_only_part(
    make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    broken = [make_figure(count=20), make_figure(group="children", count=25)]
    ambiguous = [make_figure(count=20), make_figure(count=40), make_figure(group="children", count=25)]
    assert rules(make_document(figures=broken)) == ["breakdown-exceeds-total"]
    assert "breakdown-exceeds-total" not in rules(make_document(figures=ambiguous))


# --- parties-dont-sum ------------------------------------------------------------------------------------------


def _party(make_figure: MakeFigure, party: str | None, count: int, start: int, **fields: Any) -> Figure:
    who = party or "all parties"
    return make_figure(count=count, perpetrator=party, evidence=said(f"{who}: {count} civilians.", start=start), **fields)


@pytest.mark.parametrize(("russian", "found"), [(40, True), (30, False)])
def test_parties_adding_up_to_more_than_the_total(
    make_figure: MakeFigure, make_document: MakeDocument, russian: int, found: bool
) -> None:
    figures = [
        _party(make_figure, None, 100, 0),
        _party(make_figure, "syrian_regime", 70, 100),
        _party(make_figure, "russian_forces", russian, 200),
    ]
    findings = find_inconsistencies(make_document(figures=figures))
    assert [f.rule for f in findings] == (["parties-dont-sum"] if found else [])
    if found:
        assert "add up to 110, more than the total 100" in findings[0].message
        assert [side.figure.perpetrator for side in findings[0].sides] == [None, "syrian_regime", "russian_forces"]


def test_an_alliance_and_its_members_are_not_counted_twice(
    make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    figures = [
        _party(make_figure, None, 100, 0),
        _party(make_figure, "syrian_russian_alliance", 100, 100),
        _party(make_figure, "syrian_regime", 60, 200),
        _party(make_figure, "russian_forces", 40, 300),
    ]
    assert rules(make_document(figures=figures)) == []
    partial = [figures[0], figures[1], figures[2]]  # the alliance covers the regime named beside it
    assert rules(make_document(figures=partial)) == []


def test_a_qualified_total_bounds_nothing(make_figure: MakeFigure, make_document: MakeDocument) -> None:
    figures = [
        _party(make_figure, None, 100, 0, qualifier="at_least"),
        _party(make_figure, "syrian_regime", 70, 100),
        _party(make_figure, "russian_forces", 40, 200),
    ]
    assert rules(make_document(figures=figures)) == []


@pytest.mark.parametrize(("other", "found"), [(20, True), (30, False)])
def test_a_complete_list_adding_up_to_less_than_the_total(
    make_figure: MakeFigure, make_document: MakeDocument, other: int, found: bool
) -> None:
    figures = [
        _party(make_figure, None, 100, 0),
        _party(make_figure, "syrian_regime", 50, 100),
        _party(make_figure, "russian_forces", 20, 200),
        _party(make_figure, "other_parties", other, 300),
    ]
    findings = find_inconsistencies(make_document(figures=figures))
    assert [f.rule for f in findings] == (["parties-dont-sum"] if found else [])
    if found:
        assert "add up to 90, less than the total 100" in findings[0].message


def test_a_shortfall_is_not_reported_when_the_list_may_be_incomplete(
    make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    total, regime, russia = (_party(make_figure, None, 100, 0), _party(make_figure, "syrian_regime", 50, 100),
                             _party(make_figure, "russian_forces", 20, 200))
    other = _party(make_figure, "other_parties", 20, 300)
    isis_elsewhere = make_figure(group="fighters", count=5, perpetrator="isis")  # ISIS named for the metric, not here
    assert rules(make_document(figures=[total, regime, russia])) == []  # no "other parties": not a closed list
    assert rules(make_document(figures=[total, regime, other])) == []  # too short a list
    assert rules(make_document(figures=[total, regime, russia, other, isis_elsewhere])) == []


def test_an_alliance_figure_that_is_not_its_members_sum_is_what_they_could_not_tell_apart(
    make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    figures = [
        _party(make_figure, None, 100, 0),
        _party(make_figure, "syrian_regime", 50, 100),
        _party(make_figure, "russian_forces", 30, 200),
        _party(make_figure, "syrian_russian_alliance", 10, 300),  # "regime or Russian forces: 10"
        _party(make_figure, "other_parties", 10, 400),
    ]
    assert rules(make_document(figures=figures)) == []


def test_a_count_stated_as_part_of_a_larger_one_is_not_a_total(
    make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    sentence = said("715 media workers were killed, including nine foreign journalists.")
    figures = [
        make_figure(group="media_workers", count=9, evidence=sentence),
        make_figure(group="media_workers", count=715, evidence=sentence, period=("2011-03-01", "2020-01-31")),
        make_figure(group="media_workers", count=64, perpetrator="isis", evidence=said("ISIS killed 64.", start=90)),
    ]
    assert rules(make_document(figures=figures, period={"start": "2020-01-01", "end": "2020-01-31"})) == []
    figures[1] = make_figure(group="media_workers", count=7, evidence=said("Nine were killed in all.", start=200))
    assert rules(make_document(figures=[figures[0], figures[2]])) == ["parties-dont-sum"]


# --- restated-differently --------------------------------------------------------------------------------------


def test_a_figure_restated_with_another_count_is_found(make_figure: MakeFigure, make_document: MakeDocument) -> None:
    first = make_figure(count=468, evidence=said("SNHR documented the killing of 468 civilians in May.", page=1))
    second = make_figure(count=466, evidence=said("The 466 civilians killed in May …", start=900, page=4))
    [finding] = find_inconsistencies(make_document(figures=[first, second]))
    assert finding.rule == "restated-differently"
    assert "468" in finding.message and "466" in finding.message
    assert [side.page for side in finding.sides] == [1, 4]


@pytest.mark.parametrize(
    ("count", "qualifier"), [(468, "exact"), (460, "at_least"), (450, "more_than"), (480, "approximately")]
)
def test_a_figure_restated_with_an_agreeing_count_is_fine(
    make_figure: MakeFigure, make_document: MakeDocument, count: int, qualifier: str
) -> None:
    first = make_figure(count=468, evidence=said("SNHR documented the killing of 468 civilians in May."))
    second = make_figure(count=count, qualifier=qualifier, evidence=said("… civilians killed in May …", start=900))
    assert rules(make_document(figures=[first, second])) == []


def test_counts_the_data_does_not_tell_apart_are_not_restatements(
    make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    listing = said("Idlib lost 231 civilians, followed by Hama with 92.", start=500)
    one_sentence = said("… two attacks, one killing 6 civilians, the other 5.", start=800)
    assert rules(make_document(figures=[make_figure(count=231, evidence=listing),
                                        make_figure(count=92, evidence=listing),
                                        make_figure(count=468, evidence=said("468 civilians.", start=0))])) == []
    assert rules(make_document(figures=[make_figure(count=6, evidence=one_sentence),
                                        make_figure(count=5, evidence=one_sentence)])) == []
    far_apart = [make_figure(count=468, evidence=said("468 civilians.")),
                 make_figure(count=231, evidence=said("231 civilians in Idlib.", start=100))]
    assert rules(make_document(figures=far_apart)) == []


def test_a_total_and_two_of_its_parts_are_not_restatements(make_figure: MakeFigure, make_document: MakeDocument) -> None:
    figures = [
        make_figure(metric="barrel_bombs", count=1241, qualifier="at_least", perpetrator="syrian_regime",
                    evidence=said("The regime dropped at least 1,241 barrel bombs.")),
        make_figure(metric="barrel_bombs", count=1097, perpetrator="syrian_regime",
                    evidence=said("1,097 were dropped by helicopters.", start=100)),
        make_figure(metric="barrel_bombs", count=144, perpetrator="syrian_regime",
                    evidence=said("144 were dropped by planes.", start=200)),
    ]
    assert rules(make_document(figures=figures)) == []
    assert rules(make_document(figures=figures[:2])) == ["restated-differently"]


def test_parts_of_different_wholes_are_not_restatements(make_figure: MakeFigure, make_document: MakeDocument) -> None:
    first, second = said("56 civilians, including 19 children."), said("50 civilians, including 17 children.", start=100)
    figures = [make_figure(count=56, evidence=first), make_figure(group="children", count=19, evidence=first),
               make_figure(count=50, evidence=second), make_figure(group="children", count=17, evidence=second)]
    assert "restated-differently" in rules(make_document(figures=figures))  # 56 and 50 civilians: one count?
    found = find_inconsistencies(make_document(figures=figures))
    assert all(side.figure.group == "civilians" for f in found for side in f.sides)


def test_incidents_of_one_day_inside_a_longer_report_are_not_restatements(
    make_figure: MakeFigure, make_document: MakeDocument
) -> None:
    day = ("2019-07-11", "2019-07-11")
    figures = [make_figure(count=6, period=day, evidence=said("One massacre killed six civilians.")),
               make_figure(count=5, period=day, evidence=said("The other killed five civilians.", start=100))]
    assert rules(make_document(figures=figures, period={"start": "2019-07-01", "end": "2019-07-31"})) == []
    assert rules(make_document(figures=figures, period={"start": "2019-07-11", "end": "2019-07-11"})) == [
        "restated-differently"
    ]
