"""The Arabic round trip: press releases and reports drafted in Arabic, as PDF and DOCX, extract back to the same
figures (metric, group, perpetrator, count, qualifier), for every corpus/ar gold file (each as both kinds and
both formats) and for 50 random figure sets.

To keep the suite's time in bounds, each random set is drafted once, kind and format taking turns (set 0: press
release PDF, set 1: report PDF, set 2: press release DOCX, set 3: report DOCX, …), so the 50 sets cover every
combination about 12 times. Every file is extracted in one batch per fixture. The same check over 500 sets,
all four files each: ``.venv/bin/python bench/roundtrip.py --lang ar --examples 500``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from gen_support import FORMATS, KINDS, draft_files, drawn_figure_sets, gold_document, gold_files, roundtrip_problems

from extractor.extract import extract_paths
from generator.compose import compose
from generator.draft import render
from tally.model import Document, Figure, Period

pytestmark = pytest.mark.e2e
EXAMPLES = 50
RoundTrip = dict[str, tuple[Document, list[Figure]]]


def extract_all(paths: list[Path]) -> dict[str, list[Figure]]:
    """Each file's figures extracted as Arabic, by file name."""
    out: dict[str, list[Figure]] = {}
    for outcome in extract_paths(paths, lang="ar"):
        assert outcome.document is not None, outcome.error
        out[outcome.path.name] = outcome.document.figures
    return out


def turn(i: int) -> tuple[str, str]:
    """The kind and format random set ``i`` is drafted as: every combination in turn."""
    return KINDS[i % len(KINDS)], FORMATS[(i // len(KINDS)) % len(FORMATS)]


@pytest.fixture(scope="module")
def corpus_round_trip(tmp_path_factory: pytest.TempPathFactory) -> RoundTrip:
    folder = tmp_path_factory.mktemp("corpus-ar-drafts")
    documents = {path.name.removesuffix(".gold.json"): gold_document(path) for path in gold_files("ar")}
    paths = [p for stem, document in documents.items() for p in draft_files(document, folder, stem, lang="ar")]
    return {name: (documents[name.split(".")[0]], figures) for name, figures in extract_all(paths).items()}


@pytest.fixture(scope="module")
def random_round_trip(tmp_path_factory: pytest.TempPathFactory) -> RoundTrip:
    folder = tmp_path_factory.mktemp("random-ar-drafts")
    documents = {f"set{i:02d}": document for i, document in enumerate(drawn_figure_sets(EXAMPLES, "ar"))}
    paths: list[Path] = []
    for i, (stem, document) in enumerate(documents.items()):
        kind, fmt = turn(i)
        paths += draft_files(document, folder, stem, kinds=[kind], formats=[fmt], lang="ar")
    return {name: (documents[name.split(".")[0]], figures) for name, figures in extract_all(paths).items()}


def test_corpus_ar_has_gold_files() -> None:
    assert len(gold_files("ar")) >= 10


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stem", [p.name.removesuffix(".gold.json") for p in gold_files("ar")])
def test_corpus_gold_round_trip(corpus_round_trip: RoundTrip, stem: str, kind: str, fmt: str) -> None:
    document, figures = corpus_round_trip[f"{stem}.{kind}.{fmt}"]
    assert roundtrip_problems(document.figures, figures) == []


def test_fifty_random_figure_sets_round_trip(random_round_trip: RoundTrip) -> None:
    assert len(random_round_trip) == EXAMPLES
    assert {turn(i) for i in range(EXAMPLES)} == {(k, f) for k in KINDS for f in FORMATS}
    failures = {name: problems for name, (document, figures) in random_round_trip.items()
                if (problems := roundtrip_problems(document.figures, figures))}
    assert failures == {}


def test_counted_nouns_take_the_case_of_their_place() -> None:
    """A dual is nominative as the subject or in a breakdown and genitive/accusative after a verbal noun or a
    qualifier; "one attack" as an object is accusative; عن and ما join."""
    period = Period.model_validate({"start": "2020-01-01", "end": "2020-01-31"})
    document = Document(period=period, published=period.end, figures=[
        Figure(metric="killed", group="civilians", count=2, perpetrator="isis", period=period),
        Figure(metric="killed", group="children", count=2, perpetrator="isis", period=period),
        Figure(metric="massacres", count=2, perpetrator="syrian_regime", period=period),
        Figure(metric="detained", group="persons", count=2, perpetrator="hts", period=period),
        Figure(metric="arrested", group="persons", count=2, qualifier="at_least", perpetrator="sdf", period=period),
        Figure(metric="attacks", count=1, perpetrator="russian_forces", period=period),
        Figure(metric="released", group="persons", count=63, qualifier="at_least", perpetrator="syrian_regime", period=period),
    ])
    text = " ".join(block.text for block in compose(document, "report", "ar").blocks if hasattr(block, "text"))
    assert "وثّقنا مقتل مدنيين اثنين بينهم طفلان على يد تنظيم داعش." in text
    assert "وثّقنا ارتكاب قوات النظام السوري مجزرتين." in text
    assert "لا يزال شخصان قيد الاعتقال لدى هيئة تحرير الشام." in text
    assert "وثّقنا اعتقال ما لا يقل عن شخصين على يد قوات سوريا الديمقراطية." in text
    assert "وثّقنا هجوماً واحداً على يد القوات الروسية." in text
    assert "وثّقنا إفراج قوات النظام السوري عمّا لا يقل عن 63 شخصاً." in text  # عن ما is written عمّا


def test_pdf_text_layer_reads_a_lam_before_a_kaf_once() -> None:
    """Amiri lengthens a lam before a kaf with a tatweel glyph; the text layer must not read it as a second
    lam ("اللكوادر"): it reads as a tatweel, which any Arabic reader drops."""
    period = Period.model_validate({"start": "2020-01-01", "end": "2020-01-31"})
    document = Document(period=period, published=period.end, figures=[
        Figure(metric="killed", group="medical_personnel", count=3, perpetrator="syrian_regime", period=period),
    ])
    pdf = render(compose(document, "press-release", "ar"), "pdf")
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        text = "".join(page.extract_text() or "" for page in opened.pages).replace("\u0640", "")
    assert "ةيبطلا رداوكلا" in text  # pdfplumber gives right-to-left lines in visual order
    assert "رداوكلل" not in text
