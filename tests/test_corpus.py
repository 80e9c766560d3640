"""The team's corpus: every gold file loads beside a readable document, each language scores its target F1, the build is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extractor.evaluate import GOLD_SUFFIX, evaluate_dir, load_gold
from extractor.readers import READERS, read_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDS = sorted(CORPUS.glob(f"*/*{GOLD_SUFFIX}"))
MIN_F1 = 0.95
MIN_F1_AR = 0.93  # issue 4


def documents_for(gold: Path) -> list[Path]:
    """The supported documents with the gold file's stem, beside it."""
    stem = gold.name[: -len(GOLD_SUFFIX)]
    return [p for p in gold.parent.iterdir() if p.is_file() and p.stem == stem and p.suffix.lstrip(".").lower() in READERS]


def test_corpus_has_gold_files() -> None:
    assert len(GOLDS) >= 15


@pytest.mark.parametrize("gold", GOLDS, ids=[str(g.relative_to(CORPUS)) for g in GOLDS])
def test_gold_loads_and_its_document_is_read(gold: Path) -> None:
    labelled = load_gold(gold)
    assert labelled.figures, f"{gold}: no figures"
    (document,) = documents_for(gold)
    text = read_file(document)
    assert text.text.strip(), f"{document}: read as empty"


@pytest.mark.parametrize(("lang", "target"), [("en", MIN_F1), ("ar", MIN_F1_AR)])
def test_corpus_scores_at_least_the_target_f1(lang: str, target: float) -> None:
    score = evaluate_dir(CORPUS / lang, lang=lang)
    errors = {f.name: f.error for f in score.files if f.error}
    assert not errors
    per_file = {f.name: round(f.counts.f1, 3) for f in score.files if f.counts.f1 < target}
    assert score.counts.f1 >= target, f"F1 {score.counts.f1:.3f}; below target: {per_file}"


def test_corpus_build_is_current() -> None:
    """corpus/build.py --check: the committed HTML, DOCX and PDF files match their sources."""
    run = subprocess.run(
        [sys.executable, str(CORPUS / "build.py"), "--check"], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
