"""Score extracted figures against hand-labelled gold files (the contract's "Scoring" rule)."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field

from tally.errors import ContractError, InputError
from tally.model import Figure, Period, describe_validation_error, read_source

log = logging.getLogger(__name__)

GOLD_SUFFIX = ".gold.json"


class GoldFigure(Figure):
    """A hand-labelled figure: optional ones are never penalised; ``note`` shows where it came from."""

    optional: bool = False
    note: str | None = None


class Gold(BaseModel):
    """A ``<stem>.gold.json`` file: the document's period and its labelled figures."""

    model_config = ConfigDict(extra="forbid")

    period: Period | None = None
    figures: list[GoldFigure] = Field(default_factory=list)

    @property
    def labels_places(self) -> bool:
        """Does the file label places? Only if a figure states ``location`` (even ``null``): older files don't."""
        return any("location" in figure.model_fields_set for figure in self.figures)


def load_gold(path: Path) -> Gold:
    """Read and validate a gold file; errors name the file and the field at fault."""
    try:
        data = json.loads(read_source(path, InputError))
    except json.JSONDecodeError as err:
        raise ContractError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
    try:
        return Gold.model_validate(data)
    except ValidationError as err:
        raise ContractError(describe_validation_error(str(path), err)) from None


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


class Counts(BaseModel):
    """Counts of matches and misses, and the ratios the contract reports from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    qualifier_agree: int = 0
    period_agree: int = 0
    #: Matched pairs from files that label places, and how many of those agree on the place.
    place_scored: int = 0
    place_agree: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{name: getattr(self, name) + getattr(other, name) for name in Counts.model_fields})

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        """Share of scored predictions that match; with none, 1.0 only if nothing was missed either."""
        ratio = _ratio(self.tp, self.tp + self.fp)
        return (0.0 if self.fn else 1.0) if ratio is None else ratio

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        """Share of required gold figures matched; with none, 1.0 only if nothing extra was predicted."""
        ratio = _ratio(self.tp, self.tp + self.fn)
        return (0.0 if self.fp else 1.0) if ratio is None else ratio

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def qualifier_accuracy(self) -> float | None:
        """Share of matched pairs whose qualifiers agree; ``None`` without matches."""
        return _ratio(self.qualifier_agree, self.tp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def period_accuracy(self) -> float | None:
        """Share of matched pairs whose periods agree; ``None`` without matches."""
        return _ratio(self.period_agree, self.tp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def place_accuracy(self) -> float | None:
        """Share of matched pairs (in files that label places) whose places agree; ``None`` without any."""
        return _ratio(self.place_agree, self.place_scored)


class Match(BaseModel):
    """A predicted figure paired with the gold figure it matches."""

    predicted: Figure
    gold: GoldFigure

    @property
    def qualifier_agrees(self) -> bool:
        return self.predicted.qualifier == self.gold.qualifier

    @property
    def period_agrees(self) -> bool:
        return self.predicted.period == self.gold.period

    @property
    def place_agrees(self) -> bool:
        return self.predicted.location == self.gold.location


class DocScore(BaseModel):
    """One document's score: matched pairs, missed gold figures and extra predictions."""

    name: str = ""
    matches: list[Match] = Field(default_factory=list)
    #: Predictions that matched an optional gold figure: neither right nor wrong.
    optional_matches: list[Match] = Field(default_factory=list)
    misses: list[GoldFigure] = Field(default_factory=list)
    extras: list[Figure] = Field(default_factory=list)
    #: Why the document could not be extracted (its gold figures then all count as misses).
    error: str | None = None
    #: Whether the gold file labels places, so that place agreement is scored.
    places: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def counts(self) -> Counts:
        return Counts(
            tp=len(self.matches),
            fp=len(self.extras),
            fn=len(self.misses),
            qualifier_agree=sum(m.qualifier_agrees for m in self.matches),
            period_agree=sum(m.period_agrees for m in self.matches),
            place_scored=len(self.matches) if self.places else 0,
            place_agree=sum(m.place_agrees for m in self.matches) if self.places else 0,
        )


class CorpusScore(BaseModel):
    """Every document's score and the micro-averaged totals."""

    files: list[DocScore] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def counts(self) -> Counts:
        return sum((f.counts for f in self.files), Counts())


def _agreement(predicted: Figure, gold: GoldFigure) -> int:
    pair = Match.model_construct(predicted=predicted, gold=gold)
    return pair.qualifier_agrees + pair.period_agrees


def best_assignment(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Pairs (row, column), as many as the fewer of rows and columns, of greatest total weight.

    The Hungarian method on costs ``-weight``; O(n²m) for n rows ≤ m columns.
    """
    if not weights or not weights[0]:
        return []
    flipped = len(weights) > len(weights[0])
    cost = [[-float(w) for w in line] for line in (zip(*weights) if flipped else weights)]
    n, m = len(cost), len(cost[0])
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)  # owner[j]: the row (1-based) given column j
    for row in range(1, n + 1):
        owner[0], col0 = row, 0
        least, used = [math.inf] * (m + 1), [False] * (m + 1)
        while owner[col0]:
            used[col0] = True
            row0, delta, col1 = owner[col0], math.inf, 0
            for col in range(1, m + 1):
                if not used[col]:
                    reduced = cost[row0 - 1][col - 1] - u[row0] - v[col]
                    if reduced < least[col]:
                        least[col], way[col] = reduced, col0
                    if least[col] < delta:
                        delta, col1 = least[col], col
            for col in range(m + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    least[col] -= delta
            col0 = col1
        while col0:  # augment along the alternating path back to the new row
            owner[col0], col0 = owner[way[col0]], way[col0]
    pairs = [(owner[col] - 1, col - 1) for col in range(1, m + 1) if owner[col]]
    return sorted((c, r) if flipped else (r, c) for r, c in pairs)


def score_document(predicted: Sequence[Figure], gold: Gold, *, name: str = "") -> DocScore:
    """Match predictions to gold on (metric, group, perpetrator, count), each gold figure at most once.

    Within each key, required gold figures are matched first and optional ones absorb what is
    left; among equally many matches, pairs whose qualifier and period agree are preferred.
    """
    by_key: dict[tuple[str, str | None, str | None, int], tuple[list[int], list[int], list[int]]] = {}
    for i, figure in enumerate(predicted):
        by_key.setdefault(figure.key(), ([], [], []))[0].append(i)
    for i, labelled in enumerate(gold.figures):
        by_key.setdefault(labelled.key(), ([], [], []))[2 if labelled.optional else 1].append(i)

    def assign(preds: list[int], golds: list[int]) -> list[tuple[int, int]]:
        weights = [[_agreement(predicted[p], gold.figures[g]) for g in golds] for p in preds]
        return [(preds[p], golds[g]) for p, g in best_assignment(weights)]

    matched: list[tuple[int, int]] = []
    absorbed: list[tuple[int, int]] = []
    for preds, required, optional in by_key.values():
        pairs = assign(preds, required)
        taken = {p for p, _ in pairs}
        matched += pairs
        absorbed += assign([p for p in preds if p not in taken], optional)
    matched.sort(key=lambda pair: pair[1])
    used_preds = {p for p, _ in matched + absorbed}
    used_gold = {g for _, g in matched}
    return DocScore(
        name=name,
        places=gold.labels_places,
        matches=[Match(predicted=predicted[p], gold=gold.figures[g]) for p, g in matched],
        optional_matches=[Match(predicted=predicted[p], gold=gold.figures[g]) for p, g in sorted(absorbed)],
        misses=[g for i, g in enumerate(gold.figures) if not g.optional and i not in used_gold],
        extras=[f for i, f in enumerate(predicted) if i not in used_preds],
    )


def score_corpus(documents: Iterable[tuple[str, Sequence[Figure], Gold]]) -> CorpusScore:
    """Score each (name, predicted figures, gold) and total them."""
    return CorpusScore(files=[score_document(figures, gold, name=name) for name, figures, gold in documents])


def gold_path(document: Path) -> Path:
    """Where a document's gold file sits: ``<stem>.gold.json`` beside it."""
    return document.with_name(document.stem + GOLD_SUFFIX)


def pair_with_gold(files: Iterable[Path]) -> list[tuple[Path, Path]]:
    """The (document, gold file) pairs among ``files``: documents with a gold file beside them."""
    return [(f, gold_path(f)) for f in files if not f.name.endswith(GOLD_SUFFIX) and gold_path(f).is_file()]


def evaluate_dir(directory: Path, *, lang: str = "auto") -> CorpusScore:
    """Extract every document in ``directory`` that has a gold file and score it."""
    # Imported here: scoring alone needs no spaCy, extraction does.
    from extractor.extract import expand_paths, extract_paths

    if not directory.is_dir():
        raise InputError(f"{directory}: not a directory")
    pairs = pair_with_gold(expand_paths([directory]))
    paired = {gold for _, gold in pairs}
    for orphan in sorted(set(directory.glob("*" + GOLD_SUFFIX)) - paired):
        log.warning("%s: no supported document with this stem beside it; not scored", orphan)
    if not pairs:
        raise InputError(f"{directory}: no document has a <stem>{GOLD_SUFFIX} beside it")
    golds = [load_gold(gold) for _, gold in pairs]  # a bad gold file stops us before the slow part
    outcomes = list(extract_paths([document for document, _ in pairs], lang=lang))
    names = [str(document.relative_to(directory)) for document, _ in pairs]
    corpus = score_corpus(
        (name, outcome.document.figures if outcome.document else [], gold)
        for name, outcome, gold in zip(names, outcomes, golds, strict=True)
    )
    for file_score, outcome in zip(corpus.files, outcomes):
        if outcome.error is not None:
            file_score.error = str(outcome.error)
    return corpus
