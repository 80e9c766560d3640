"""Round trip on random figure sets: draft each in English and/or Arabic (press release and report, PDF and
DOCX), extract the files back in that language and count the sets whose figures come back exactly (metric,
group, perpetrator, count, qualifier). Both languages draw the same figures (the same seed).

    .venv/bin/python bench/roundtrip.py --examples 500              # English
    .venv/bin/python bench/roundtrip.py --lang ar --examples 500    # Arabic
    .venv/bin/python bench/roundtrip.py --lang both --examples 500
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "generator")]

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from extractor.extract import extract_paths  # noqa: E402
from gen_support import LANGUAGES, draft_files, figure_sets, key, roundtrip_problems  # noqa: E402
from tally.model import Document, Figure  # noqa: E402


def draw_documents(count: int, seed_value: int, lang: str) -> list[Document]:
    """``count`` figure sets worded in ``lang``, the same ones (the same figures in every language) for the same
    seed."""
    documents: list[Document] = []

    @seed(seed_value)
    @settings(max_examples=count, database=None, phases=[Phase.generate], deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(figure_sets(lang))
    def collect(document: Document) -> None:
        documents.append(document)

    collect()
    return documents[:count]


def _evidence_of_extras(expected: list[Figure], got: list[Figure]) -> list[str]:
    """The sentences the figures that should not be there were read from."""
    want = {key(f) for f in expected}
    return sorted({" ".join(f.evidence.text.split()) for f in got if key(f) not in want and f.evidence})


def round_trip(documents: list[Document], lang: str, verbose: bool) -> str:
    """Draft every set as both kinds and formats in ``lang``, extract them back, and say how many came back exact."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        expected = {}
        for i, document in enumerate(documents):
            for path in draft_files(document, folder, f"set{i:04d}", lang=lang):
                expected[path] = (i, document)
        drafted = time.perf_counter() - started
        started = time.perf_counter()
        failed_sets: set[int] = set()
        failed_files = 0
        for outcome in extract_paths(list(expected), lang=lang):
            i, document = expected[outcome.path]
            got = outcome.document.figures if outcome.document else []
            problems = roundtrip_problems(document.figures, got) if outcome.document else [str(outcome.error)]
            if problems:
                failed_files += 1
                failed_sets.add(i)
                if verbose:
                    print(f"{outcome.path.name}: " + "; ".join(problems))
                    for sentence in _evidence_of_extras(document.figures, got):
                        print(f"    extra read from: {sentence}")
        extracted = time.perf_counter() - started
    sets, files = len(documents), len(expected)
    return (f"{lang}: figure sets: {sets - len(failed_sets)}/{sets} exact; files: {files - failed_files}/{files} exact "
            f"(draft {drafted:.0f} s, extract {extracted:.0f} s)")


def main() -> None:
    logging.getLogger("generator").setLevel(logging.ERROR)  # random data's breakdowns need not add up
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=500)
    parser.add_argument("--seed", type=int, default=20191115)
    parser.add_argument("--lang", choices=[*LANGUAGES, "both"], default="en", help="the language to draft in (default: en)")
    parser.add_argument("--verbose", action="store_true", help="list every problem of every failing file")
    args = parser.parse_args()
    for lang in LANGUAGES if args.lang == "both" else [args.lang]:
        print(round_trip(draw_documents(args.examples, args.seed, lang), lang, args.verbose), flush=True)


if __name__ == "__main__":
    main()
