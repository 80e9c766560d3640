"""Ingest at scale: draft a synthetic corpus from random figure sets (English and Arabic; press releases and
reports; PDF, DOCX and HTML), then time ``tally ingest`` with one worker, with two, and again on the unchanged
corpus, sample the peak memory of the whole process tree, and compare the stored figures with the data each
file was drafted from.

    .venv/bin/python bench/ingest.py                       # 1,000 documents; the corpus is drafted once, then reused
    .venv/bin/python bench/ingest.py --documents 40 --corpus out/bench-ingest-40

Ratios are against the one-worker run of the same invocation. Memory is the sum of the resident set sizes of
``tally ingest`` and its workers, sampled every 0.2 s: its peak until a quarter of the documents (at most 250)
are stored, and over the whole run. Nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "generator")]

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from dataset.store import read_documents, store  # noqa: E402
from gen_support import draft_files, figure_sets, roundtrip_problems  # noqa: E402
from tally.model import Document  # noqa: E402

TALLY = Path(sys.executable).parent / "tally"
#: The mix drawn for each document: (choices, weights).
LANGS = (("en", "ar"), (3, 2))
FORMATS = (("html", "docx", "pdf"), (4, 3, 3))
KINDS = (("press-release", "report"), (9, 1))


# ---- the corpus ---------------------------------------------------------------------------------


def draw_sets(count: int, seed_value: int, lang: str) -> list[Document]:
    """``count`` random figure sets worded in ``lang``, the same ones for the same seed."""
    drawn: list[Document] = []

    @seed(seed_value)
    @settings(max_examples=count, database=None, phases=[Phase.generate], deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(figure_sets(lang))
    def collect(document: Document) -> None:
        drawn.append(document)

    if count:
        collect()
    return drawn[:count]


def make_corpus(folder: Path, count: int, seed_value: int) -> list[dict[str, Any]]:
    """The first ``count`` documents of the corpus in ``folder`` (drafting those not there yet), each as
    ``{"file", "lang", "format", "kind", "data"}``; ``folder/data.jsonl`` lists what each file was drafted from."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    stamp = folder / "corpus.json"
    if stamp.exists() and json.loads(stamp.read_text())["seed"] != seed_value:
        sys.exit(f"{folder}: drafted with another --seed; choose another --corpus")
    stamp.write_text(json.dumps({"seed": seed_value}))
    manifest = folder / "data.jsonl"
    have = {}
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if (folder / entry["file"]).exists():
                have[entry["index"]] = entry
    rng = random.Random(seed_value)
    mix = [(rng.choices(*LANGS)[0], rng.choices(*FORMATS)[0], rng.choices(*KINDS)[0]) for _ in range(count)]
    missing = [i for i in range(count) if i not in have]
    if missing:
        print(f"drafting {len(missing)} documents into {folder} …", file=sys.stderr)
        by_lang = {lang: iter(draw_sets(sum(m[0] == lang for m in mix), seed_value, lang)) for lang in LANGS[0]}
        started = time.perf_counter()
        with manifest.open("a", encoding="utf-8") as out:
            for i, (lang, fmt, kind) in enumerate(mix):
                document = next(by_lang[lang])
                if i in have:
                    continue
                (path,) = draft_files(document, folder / "docs", f"{i:05d}.{lang}", kinds=[kind], formats=[fmt], lang=lang)
                have[i] = {"index": i, "file": path.relative_to(folder).as_posix(), "lang": lang, "format": fmt,
                           "kind": kind, "data": document.model_dump(mode="json")}
                out.write(json.dumps(have[i], ensure_ascii=False) + "\n")
                out.flush()
        print(f"drafted in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return [have[i] for i in range(count)]


# ---- measuring a run ------------------------------------------------------------------------------


def tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    return total


def stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@dataclass
class Run:
    name: str
    seconds: float = 0.0
    exit_code: int = 0
    summary: str = ""
    #: (resident bytes of the tree, documents stored) every 0.2 s.
    samples: list[tuple[int, int]] = field(default_factory=list)

    @property
    def pages(self) -> int:
        found = re.search(r"(\d+) pages", self.summary)
        return int(found.group(1)) if found else 0

    def peak(self, until_stored: int | None = None) -> int:
        """The most memory sampled (until ``until_stored`` documents were stored); 0 if never sampled then."""
        return max((rss for rss, done in self.samples if until_stored is None or done <= until_stored), default=0)


def ingest(name: str, folder: Path, files: list[str], db: Path, jobs: int) -> Run:
    """``tally ingest FILES --db DB --jobs N`` run in ``folder``, timed and sampled."""
    run = Run(name)
    started = time.perf_counter()
    process = subprocess.Popen([str(TALLY), "ingest", *files, "--db", str(db), "--jobs", str(jobs)], cwd=folder,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            run.samples.append((tree_rss(process.pid), stored(db)))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    run.seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    run.exit_code, run.summary = process.returncode, out.strip()
    if process.returncode not in (0, 1):
        sys.exit(f"{name}: tally ingest failed ({process.returncode}): {err.strip()}")
    return run


# ---- comparing -----------------------------------------------------------------------------------


def contents(db: Path) -> list[tuple[Any, ...]]:
    """Every stored document (without its timestamp) as comparable data."""
    with store(db) as conn:
        return [tuple(d.model_dump(mode="json").items()) for d in read_documents(conn)]


def exact_by(corpus: list[dict[str, Any]], db: Path) -> dict[str, Counter[str]]:
    """Per language and per format, how many documents read back with exactly the figures drafted."""
    with store(db) as conn:
        got = {d.source.path: d.figures for d in read_documents(conn) if d.source}
    tally: dict[str, Counter[str]] = {"all": Counter()}
    for entry in corpus:
        expected = Document.model_validate(entry["data"]).figures
        figures = got.get(entry["file"])
        ok = figures is not None and not roundtrip_problems(expected, figures)
        for group in ("all", entry["lang"], entry["format"]):
            tally.setdefault(group, Counter())["exact" if ok else "not"] += 1
    return tally


def mb(value: int) -> str:
    return f"{value / 2**20:.0f} MB" if value else "-"


def main() -> None:
    logging.getLogger("generator").setLevel(logging.ERROR)  # random data's breakdowns need not add up
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, help="where the drafted corpus is kept (default out/bench-ingest)")
    parser.add_argument("--seed", type=int, default=20200130)
    args = parser.parse_args()
    folder = (args.corpus or REPO / "out" / "bench-ingest").resolve()
    corpus = make_corpus(folder, args.documents, args.seed)
    files = [entry["file"] for entry in corpus]
    quarter = min(250, max(1, args.documents // 4))
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        one, two = Path(tmp) / "one.db", Path(tmp) / "two.db"
        runs = [ingest("ingest --jobs 1", folder, files, one, 1), ingest("ingest --jobs 2", folder, files, two, 2)]
        runs.append(ingest("re-ingest, unchanged (--jobs 2)", folder, files, two, 2))
        same = contents(one) == contents(two)
        exact = exact_by(corpus, two)
    mix = Counter(e["lang"] for e in corpus) + Counter(e["format"] for e in corpus) + Counter(e["kind"] for e in corpus)
    print(f"corpus: {len(corpus)} documents ({', '.join(f'{k} {v}' for k, v in sorted(mix.items()))}), "
          f"{runs[0].pages} pages, in {folder}")
    print(f"{'run':<34}{'seconds':>9}{'docs/s':>9}{'pages/s':>9}{f'peak @{quarter}':>12}{f'peak @{len(corpus)}':>13}  exit")
    for run in runs:
        print(f"{run.name:<34}{run.seconds:>9.1f}{len(corpus) / run.seconds:>9.1f}{runs[0].pages / run.seconds:>9.1f}"
              f"{mb(run.peak(quarter)):>12}{mb(run.peak()):>13}  {run.exit_code}")
        print(f"    {run.summary}")
    print(f"speed-up of --jobs 2 over --jobs 1: {runs[0].seconds / runs[1].seconds:.2f}x (wall time, same corpus)")
    print(f"re-ingest of the unchanged corpus: {100 * runs[2].seconds / runs[0].seconds:.2f} % of the --jobs 1 run, "
          f"{100 * runs[2].seconds / runs[1].seconds:.2f} % of the --jobs 2 run")
    for run in runs[:2]:
        print(f"memory, {run.name}: peak {mb(run.peak(quarter))} until {quarter} documents were stored, "
              f"{mb(run.peak())} over all {len(corpus)} ({run.peak() / max(1, run.peak(quarter)):.2f}x)")
    print(f"--jobs 1 and --jobs 2 stored the same documents: {'yes' if same else 'NO'}")
    parts = ", ".join(f"{group} {c['exact']}/{c['exact'] + c['not']}" for group, c in exact.items() if group != "all")
    print(f"documents whose stored figures equal the drafted data (metric, group, perpetrator, count, qualifier): "
          f"{exact['all']['exact']}/{len(corpus)} ({parts})")


if __name__ == "__main__":
    main()
