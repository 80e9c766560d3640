"""The round trip: English press releases and reports, as PDF and DOCX, extract back to the same figures
(metric, group, perpetrator, count, qualifier), for every corpus gold file and for 50 random figure sets.

Each document is drafted once and every file extracted in one batch (module fixtures); the tests then
only compare. The same check over 500 sets: ``.venv/bin/python bench/roundtrip.py --examples 500``; the
Arabic round trip is test_gen_roundtrip_ar.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gen_support import draft_files, drawn_figure_sets, gold_document, gold_files, roundtrip_problems

from extractor.extract import extract_paths
from tally.model import Document, Figure, Period

pytestmark = pytest.mark.e2e
EXAMPLES = 50


def extract_all(paths: list[Path]) -> dict[str, list[Figure]]:
    """Each file's extracted figures, by file name."""
    out: dict[str, list[Figure]] = {}
    for outcome in extract_paths(paths, lang="en"):
        assert outcome.document is not None, outcome.error
        out[outcome.path.name] = outcome.document.figures
    return out


@pytest.fixture(scope="module")
def corpus_round_trip(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, list[Figure]]]:
    folder = tmp_path_factory.mktemp("corpus-drafts")
    documents = {path.name.removesuffix(".gold.json"): gold_document(path) for path in gold_files()}
    paths = [p for stem, document in documents.items() for p in draft_files(document, folder, stem)]
    extracted = extract_all(paths)
    return {name: (documents[name.split(".")[0]], figures) for name, figures in extracted.items()}


@pytest.fixture(scope="module")
def random_round_trip(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, list[Figure]]]:
    folder = tmp_path_factory.mktemp("random-drafts")
    documents = {f"set{i:02d}": document for i, document in enumerate(drawn_figure_sets(EXAMPLES))}
    paths = [p for stem, document in documents.items() for p in draft_files(document, folder, stem)]
    extracted = extract_all(paths)
    return {name: (documents[name.split(".")[0]], figures) for name, figures in extracted.items()}


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("kind", ["press-release", "report"])
@pytest.mark.parametrize("stem", [p.name.removesuffix(".gold.json") for p in gold_files()])
def test_corpus_gold_round_trip(corpus_round_trip: dict[str, tuple[Document, list[Figure]]], stem: str, kind: str, fmt: str) -> None:
    document, figures = corpus_round_trip[f"{stem}.{kind}.{fmt}"]
    assert roundtrip_problems(document.figures, figures) == []


def test_fifty_random_figure_sets_round_trip(random_round_trip: dict[str, tuple[Document, list[Figure]]]) -> None:
    assert len({name.split(".")[0] for name in random_round_trip}) == EXAMPLES
    failures = {name: problems for name, (document, figures) in random_round_trip.items()
                if (problems := roundtrip_problems(document.figures, figures))}
    assert failures == {}


def test_qualified_last_item_of_a_breakdown(tmp_path: Path) -> None:
    """Regression: the qualifier of a breakdown's last item leaks onto the item before it."""
    period = Period.model_validate({"start": "2020-01-01", "end": "2020-01-31"})
    document = Document(period=period, published=period.end, figures=[
        Figure(metric="displaced", group="persons", count=4169, perpetrator="international_coalition", period=period),
        Figure(metric="displaced", group="children", count=524, perpetrator="international_coalition", period=period),
        Figure(metric="displaced", group="women", count=120, perpetrator="international_coalition", period=period),
        Figure(metric="displaced", group="civil_defense_personnel", count=1480, qualifier="more_than",
               perpetrator="international_coalition", period=period),
    ])
    extracted = extract_all(draft_files(document, tmp_path, "leak", kinds=["press-release"], formats=["docx"]))
    assert roundtrip_problems(document.figures, extracted["leak.press-release.docx"]) == []
