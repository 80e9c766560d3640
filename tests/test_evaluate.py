"""Scoring against gold files: loading them, the matching rule, optional figures, ties, totals."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.evaluate import (
    Counts,
    Gold,
    GoldFigure,
    best_assignment,
    evaluate_dir,
    load_gold,
    pair_with_gold,
    score_corpus,
    score_document,
)
from tally.errors import ContractError, InputError
from tally.model import Figure, Period

MakeFigure = Callable[..., Figure]


def gold(*figures: dict[str, Any]) -> Gold:
    """A gold file's content; each figure defaults to killed/civilians/no party/exact."""
    base = {"metric": "killed", "group": "civilians", "qualifier": "exact", "perpetrator": None}
    return Gold(figures=[GoldFigure.model_validate({**base, **f}) for f in figures])


# ---- load_gold ---------------------------------------------------------------------------------


def test_load_gold_reads_figures_optional_and_note(tmp_path: Path) -> None:
    path = tmp_path / "x.gold.json"
    figure = {"metric": "massacres", "group": None, "count": 3, "qualifier": "at_least", "perpetrator": "isis"}
    path.write_text(json.dumps({"period": {"start": "2020-01-01", "end": None}, "figures": [
        {**figure, "period": None, "optional": True, "note": "three massacres"}
    ]}))
    loaded = load_gold(path)
    assert loaded.period == Period(start="2020-01-01", end=None)
    assert loaded.figures[0].key() == ("massacres", None, "isis", 3)
    assert (loaded.figures[0].optional, loaded.figures[0].note) == (True, "three massacres")


@pytest.mark.parametrize(
    ("content", "error", "fragment"),
    [
        ('{"figures": [', ContractError, "not valid JSON"),
        ('{"figures": [{"metric": "killed", "group": "civilians", "count": -1}]}', ContractError, "figures[0].count"),
        ('{"figures": [{"metric": "shot", "count": 1}]}', ContractError, "figures[0].metric"),
        ('{"figures": [{"metric": "massacres", "group": "children", "count": 1}]}', ContractError, "group must be null"),
        ('{"figures": [], "source": "x"}', ContractError, "source"),
    ],
)
def test_load_gold_errors_name_the_file_and_field(
    tmp_path: Path, content: str, error: type[Exception], fragment: str
) -> None:
    path = tmp_path / "x.gold.json"
    path.write_text(content)
    with pytest.raises(error) as caught:
        load_gold(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and fragment in message and "\n" not in message


def test_load_gold_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_gold(tmp_path / "absent.gold.json")


# ---- score_document ----------------------------------------------------------------------------


def test_exact_match_is_a_true_positive(make_figure: MakeFigure) -> None:
    score = score_document([make_figure(count=5)], gold({"count": 5}))
    counts = score.counts
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
    assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize(
    "differs",
    [{"count": 6}, {"group": "children"}, {"perpetrator": "syrian_regime"}, {"metric": "injured"}],
)
def test_any_key_field_differing_is_a_miss_and_an_extra(make_figure: MakeFigure, differs: dict[str, Any]) -> None:
    predicted = make_figure(**{"count": 5, **differs})
    score = score_document([predicted], gold({"count": 5}))
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (0, 1, 1)
    assert score.extras == [predicted] and [g.count for g in score.misses] == [5]


@pytest.mark.parametrize(
    "other",
    [
        {"qualifier": "approximately"},
        {"period": ("2021-01-01", "2021-12-31")},
        {"location": "Idlib"},
        {"page": 2},
        {"metric": "attacks", "target": "schools"},
    ],
)
def test_fields_outside_the_key_do_not_prevent_a_match(make_figure: MakeFigure, other: dict[str, Any]) -> None:
    figure = make_figure(count=4, **other)
    assert score_document([figure], gold({"metric": figure.metric, "group": figure.group, "count": 4})).counts.tp == 1


def test_qualifier_and_period_are_scored_on_matched_pairs(make_figure: MakeFigure) -> None:
    period = {"start": "2020-01-01", "end": "2020-01-31"}
    labelled = gold({"count": 1, "qualifier": "at_least", "period": period}, {"count": 2, "period": period}, {"count": 3})
    predicted = [
        make_figure(count=1, qualifier="at_least"),
        make_figure(count=2, period=("2020-01-01", "2020-01-31")),
        make_figure(count=9),
    ]
    counts = score_document(predicted, labelled).counts
    assert (counts.tp, counts.qualifier_agree, counts.period_agree) == (2, 2, 1)
    assert (counts.qualifier_accuracy, counts.period_accuracy) == (1.0, 0.5)


def test_place_is_scored_on_matched_pairs_of_files_that_label_places(make_figure: MakeFigure) -> None:
    labelled = gold({"count": 1, "location": "Idlib"}, {"count": 2, "location": None}, {"count": 3, "location": "Hama"})
    predicted = [make_figure(count=1, location="Idlib"), make_figure(count=2), make_figure(count=3, location="Homs")]
    counts = score_document(predicted, labelled).counts
    assert (counts.place_scored, counts.place_agree, counts.place_accuracy) == (3, 2, 2 / 3)


def test_place_is_not_scored_where_the_gold_file_labels_no_places(make_figure: MakeFigure) -> None:
    counts = score_document([make_figure(count=1, location="Idlib")], gold({"count": 1})).counts
    assert (counts.tp, counts.place_scored, counts.place_accuracy) == (1, 0, None)


@pytest.mark.parametrize(("predicted", "golds", "tp", "fp", "fn"), [(2, 1, 1, 1, 0), (1, 2, 1, 0, 1), (3, 3, 3, 0, 0)])
def test_duplicates_each_gold_figure_matches_at_most_once(
    make_figure: MakeFigure, predicted: int, golds: int, tp: int, fp: int, fn: int
) -> None:
    score = score_document([make_figure(count=7)] * predicted, gold(*[{"count": 7}] * golds))
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (tp, fp, fn)


def test_prediction_matching_an_optional_figure_is_neither_right_nor_wrong(make_figure: MakeFigure) -> None:
    score = score_document([make_figure(count=7)], gold({"count": 7, "optional": True}))
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (0, 0, 0)
    assert len(score.optional_matches) == 1


def test_unmatched_optional_figure_is_not_a_miss(make_figure: MakeFigure) -> None:
    score = score_document([make_figure(count=1)], gold({"count": 1}, {"count": 2, "optional": True}))
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (1, 0, 0)
    assert score.misses == []


@pytest.mark.parametrize(("predicted", "tp", "fp", "absorbed"), [(1, 1, 0, 0), (2, 1, 0, 1), (3, 1, 1, 1)])
def test_required_figures_are_matched_before_optional_ones(
    make_figure: MakeFigure, predicted: int, tp: int, fp: int, absorbed: int
) -> None:
    labelled = gold({"count": 4, "optional": True}, {"count": 4})
    score = score_document([make_figure(count=4)] * predicted, labelled)
    assert (score.counts.tp, score.counts.fp, score.counts.fn, len(score.optional_matches)) == (tp, fp, 0, absorbed)


def test_ties_prefer_pairs_whose_qualifier_and_period_agree(make_figure: MakeFigure) -> None:
    labelled = gold({"count": 3, "qualifier": "exact"}, {"count": 3, "qualifier": "at_least"})
    predicted = [make_figure(count=3, qualifier="at_least"), make_figure(count=3, qualifier="exact")]
    score = score_document(predicted, labelled)
    assert score.counts.qualifier_accuracy == 1.0
    assert [(m.predicted.qualifier, m.gold.qualifier) for m in score.matches] == [("exact", "exact"), ("at_least", "at_least")]


def test_ties_are_resolved_for_the_whole_document_not_first_come(make_figure: MakeFigure) -> None:
    """A first-come pairing would give the first prediction the first gold figure and lose one agreement."""
    period = {"start": "2020-05-01", "end": "2020-05-31"}
    labelled = gold({"count": 3}, {"count": 3, "period": period})
    predicted = [make_figure(count=3, period=("2019-01-01", "2019-12-31")), make_figure(count=3, qualifier="more_than")]
    counts = score_document(predicted, labelled).counts
    assert counts.qualifier_agree + counts.period_agree == 2


def test_misses_follow_gold_order_and_extras_prediction_order(make_figure: MakeFigure) -> None:
    predicted = [make_figure(count=c) for c in (30, 10, 20)]
    score = score_document(predicted, gold({"count": 3}, {"count": 1}, {"count": 2}))
    assert [g.count for g in score.misses] == [3, 1, 2]
    assert [f.count for f in score.extras] == [30, 10, 20]


@pytest.mark.parametrize(
    ("counts", "precision", "recall"),
    [(Counts(), 1.0, 1.0), (Counts(fp=2), 0.0, 0.0), (Counts(fn=2), 0.0, 0.0), (Counts(tp=1, fp=1, fn=3), 0.5, 0.25)],
)
def test_ratios_at_the_edges(counts: Counts, precision: float, recall: float) -> None:
    assert (counts.precision, counts.recall) == (precision, recall)
    assert counts.qualifier_accuracy is None if counts.tp == 0 else counts.qualifier_accuracy is not None


@given(st.integers(0, 5), st.integers(0, 5), st.data())
def test_best_assignment_is_a_maximum_weight_matching(rows: int, cols: int, data: st.DataObject) -> None:
    weights = [[data.draw(st.integers(0, 2)) for _ in range(cols)] for _ in range(rows)]
    pairs = best_assignment(weights)
    assert len(pairs) == len({r for r, _ in pairs}) == len({c for _, c in pairs}) == min(rows, cols)
    small, large = sorted((rows, cols))
    cell = (lambda r, c: weights[r][c]) if rows <= cols else (lambda c, r: weights[r][c])
    totals = (sum(cell(i, j) for i, j in enumerate(p)) for p in itertools.permutations(range(large), small))
    best = max(totals, default=0)
    assert sum(weights[r][c] for r, c in pairs) == best


# ---- corpus ------------------------------------------------------------------------------------


def test_corpus_totals_are_micro_averaged(make_figure: MakeFigure) -> None:
    corpus = score_corpus(
        [
            ("a", [make_figure(count=1)], gold({"count": 1})),
            ("b", [make_figure(count=c) for c in range(2, 6)], gold({"count": 9})),
        ]
    )
    counts = corpus.counts
    assert (counts.tp, counts.fp, counts.fn) == (1, 4, 1)
    assert counts.precision == pytest.approx(1 / 5)
    assert [f.name for f in corpus.files] == ["a", "b"]


@pytest.mark.parametrize(
    ("names", "paired"),
    [
        (["x.txt", "x.gold.json"], ["x.txt"]),
        (["x.txt"], []),
        (["report.v2.pdf", "report.v2.gold.json"], ["report.v2.pdf"]),
        (["x.txt", "x.pdf", "x.gold.json"], ["x.txt", "x.pdf"]),
    ],
)
def test_pair_with_gold_matches_by_stem(tmp_path: Path, names: list[str], paired: list[str]) -> None:
    for name in names:
        (tmp_path / name).write_text("{}")
    pairs = pair_with_gold(tmp_path / name for name in names)
    assert [(d.name, g.name) for d, g in pairs] == [(p, p.rsplit(".", 1)[0] + ".gold.json") for p in paired]


def test_evaluate_dir_scores_each_document_and_warns_of_orphan_gold(
    fake_extraction: Any,
    write_document: Callable[..., Path],
    make_figure: MakeFigure,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    write_document("a.txt", [make_figure(count=2)])
    (tmp_path / "a.gold.json").write_text(gold({"count": 2}).model_dump_json())
    (tmp_path / "lost.gold.json").write_text(gold({"count": 2}).model_dump_json())
    with caplog.at_level(logging.WARNING):
        corpus = evaluate_dir(tmp_path, lang="en")
    assert [(f.name, f.counts.tp, f.error) for f in corpus.files] == [("a.txt", 1, None)]
    assert fake_extraction.calls == [{"lang": "en"}]
    assert any("lost.gold.json" in record.getMessage() for record in caplog.records)
