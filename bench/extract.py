"""Benchmark: full extraction against the bare spaCy pipeline on the same texts, in pages/s and tokens/s."""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extractor.extract import expand_paths, extract_paths
from extractor.language import LANGUAGES
from extractor.pipeline import load_bare_pipeline
from extractor.readers import read_file
from extractor.text import Text
from tally.errors import TallyError
from tally.output import align_rows

ROOT = Path(__file__).resolve().parent.parent
CHARS_PER_PAGE = 3000


@dataclass
class Result:
    corpus: str
    files: int
    pages: int
    tokens: int
    failed: int
    full_seconds: float
    bare_seconds: float


def count_pages(text: Text) -> int:
    """A PDF's page count; for other formats one page per 3,000 characters."""
    if text.format == "pdf" and text.pages:
        return text.pages
    return max(1, math.ceil(len(text.text) / CHARS_PER_PAGE))


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_corpus(directory: Path, lang: str, repeat: int) -> Result:
    """Time full extraction (read + pipeline + assembly) and the bare pipeline over ``directory``."""
    files = expand_paths([directory])
    texts = [read_file(path) for path in files]
    nlp = load_bare_pipeline(lang)
    # The warm-up runs: load models, fill caches, and count what the timed runs will see.
    tokens = sum(len(doc) for doc in nlp.pipe(text.text for text in texts))
    failed = sum(outcome.error is not None for outcome in extract_paths(files, lang=lang))
    full = median_seconds(lambda: list(extract_paths(files, lang=lang)), repeat)
    bare = median_seconds(lambda: list(nlp.pipe(text.text for text in texts)), repeat)
    return Result(
        corpus=str(directory.relative_to(ROOT) if directory.is_relative_to(ROOT) else directory),
        files=len(files),
        pages=sum(count_pages(text) for text in texts),
        tokens=tokens,
        failed=failed,
        full_seconds=full,
        bare_seconds=bare,
    )


def format_results(results: list[Result], repeat: int) -> str:
    """The table of both stages per corpus, with the full/bare time ratio."""
    rows: list[tuple[str, ...]] = [("corpus", "files", "pages", "tokens", "stage", "median s", "pages/s", "tokens/s")]
    for r in results:
        for stage, seconds in (("full extraction", r.full_seconds), ("bare spaCy", r.bare_seconds)):
            first = stage.startswith("full")
            rows.append(
                (
                    r.corpus if first else "",
                    str(r.files) if first else "",
                    str(r.pages) if first else "",
                    f"{r.tokens:,}" if first else "",
                    stage,
                    f"{seconds:.2f}",
                    f"{r.pages / seconds:,.1f}",
                    f"{r.tokens / seconds:,.0f}",
                )
            )
    lines = align_rows(rows, right=frozenset({1, 2, 3, 5, 6, 7}))
    for r in results:
        ratio = r.full_seconds / r.bare_seconds
        lines.append(f"{r.corpus}: full extraction takes {ratio:.2f}× the bare pipeline's time")
        if r.failed:
            lines.append(f"{r.corpus}: {r.failed} of {r.files} files could not be extracted (timed all the same)")
    lines.append(
        f"Medians of {repeat} runs after a warm-up. Pages: a PDF's page count; other formats count"
        f" 1 page per {CHARS_PER_PAGE:,} characters."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpora", nargs="*", type=Path, help="corpus directories named for their language")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per stage (default 3)")
    args = parser.parse_args(argv)
    corpora = args.corpora or [d for d in (ROOT / "corpus" / lang for lang in LANGUAGES) if d.is_dir()]
    results = []
    for directory in corpora:
        lang = directory.resolve().name
        if lang not in LANGUAGES:
            parser.error(f"{directory}: name a corpus directory by its language ({', '.join(LANGUAGES)})")
        if not expand_paths([directory]):
            print(f"{directory}: no supported files; skipped", file=sys.stderr)
            continue
        try:
            results.append(bench_corpus(directory, lang, args.repeat))
        except TallyError as err:
            print(f"{directory}: skipped ({err})", file=sys.stderr)
    if not results:
        parser.error("no corpus with supported files to measure")
    print(format_results(results, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
