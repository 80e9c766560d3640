"""Files into the store: hash them, skip the unchanged, extract the rest in worker processes, write in the parent."""

from __future__ import annotations

import hashlib
import logging
import math
import multiprocessing
import os
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from dataset.store import record_failure, stored_states, write_document
from extractor.readers import READERS, supported_files
from tally.errors import InputError, SetupError, TallyError, UnsupportedFormat
from tally.model import Document, Source

log = logging.getLogger(__name__)

LANGUAGES = ("auto", "en", "ar")
#: Characters counted as one page for formats without pages (as bench/extract.py counts).
CHARS_PER_PAGE = 3000
#: Files handed to each worker ahead of time: enough to keep it busy, few enough to keep memory flat.
QUEUED_PER_WORKER = 2


@dataclass(frozen=True)
class PlannedFile:
    """A file to extract: its path, the key it is stored under, and the sha256 it had when planned."""

    path: Path
    name: str
    sha256: str | None


@dataclass
class Plan:
    """What an ingest will do: the files to extract, and how many it skips."""

    todo: list[PlannedFile] = field(default_factory=list)
    unchanged: int = 0
    #: Stored errors of files skipped because they failed before and have not changed since.
    failed_before: list[str] = field(default_factory=list)


def input_files(paths: Iterable[Path]) -> list[Path]:
    """Files named and every supported file under directories named, in order, each once. A named file
    that is missing or of an unsupported type is an InputError: nothing is ingested."""
    out: dict[str, Path] = {}
    for path in paths:
        if path.is_dir():
            found = supported_files(path)
        elif not path.exists():
            raise InputError(f"{path}: no such file or directory")
        elif path.suffix.lower().lstrip(".") not in READERS:
            valid = ", ".join(f".{ext}" for ext in sorted(READERS))
            raise UnsupportedFormat(f"{path}: unsupported file type {path.suffix or '(none)'}; valid extensions: {valid}")
        else:
            found = [path]
        for file in found:
            out.setdefault(file.as_posix(), file)
    if not out:
        raise InputError("no files to ingest")
    return list(out.values())


def file_sha256(path: Path) -> str | None:
    """The sha256 of the file's bytes; ``None`` if it cannot be read (the extraction then says why)."""
    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return None


def plan_ingest(conn: sqlite3.Connection, files: Iterable[Path], *, retry_failed: bool = False) -> Plan:
    """Which files to extract: those not stored, or stored with another sha256; a file that failed before
    with the same bytes is extracted again only with ``retry_failed``."""
    stored = stored_states(conn)
    plan = Plan()
    for path in files:
        name = path.as_posix()
        sha256 = file_sha256(path)
        before = stored.get(name)
        if before is not None and before[0] == sha256 and before[1] == "ok":
            plan.unchanged += 1
        elif before is not None and before[0] == sha256 and not retry_failed:
            plan.failed_before.append(before[2] or f"{name}: failed before")
        else:
            plan.todo.append(PlannedFile(path, name, sha256))
    return plan


# ---- in a worker process -----------------------------------------------------------------------


@dataclass(frozen=True)
class FileResult:
    """What a worker made of one file: a document, or the one-line error that stopped it."""

    name: str
    sha256: str | None
    format: str
    document: Document | None = None
    error: str | None = None
    pages: int = 0
    #: Warnings the extraction logged, re-logged by the parent.
    logs: tuple[str, ...] = ()


class _Collect(logging.Handler):
    """Keeps tally's own warnings (and anyone's errors), as the CLI would show them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.name.split(".")[0] in ("tally", "extractor"):
            self.messages.append(record.getMessage())


_COLLECT = _Collect()
#: Why this worker's pipelines could not be loaded, if they could not.
_LOAD_ERROR: list[TallyError] = []


def _one_line(message: object) -> str:
    return " ".join(str(message).split())


def _watch_parent(parent: int) -> None:
    """End this worker when the process that started it is gone (killed with SIGKILL, say)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def init_worker(parent: int, lang: str) -> None:
    """Set up a worker: Ctrl-C is the parent's to handle, warnings are collected, the pipelines load once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    logging.getLogger().addHandler(_COLLECT)
    try:
        import extractor.extract  # noqa: F401 — what extract_file needs, imported once
        from extractor.pipeline import load_pipeline

        for language in ("en", "ar") if lang == "auto" else (lang,):
            load_pipeline(language)
    except TallyError as err:
        _LOAD_ERROR.append(err)
    except Exception as err:  # noqa: BLE001 — reported by the first file, not as a dead pool
        _LOAD_ERROR.append(SetupError(f"the extractor cannot be loaded ({type(err).__name__}: {_one_line(err)})"))


def extract_file(name: str, lang: str = "auto", password: str | None = None) -> FileResult:
    """Read and extract one file (in a worker). A file that cannot be read or extracted gives its error;
    a missing spaCy model (SetupError) is raised: no file could succeed."""
    if _LOAD_ERROR:
        raise _LOAD_ERROR[0]
    from extractor.extract import extract_text
    from extractor.readers import read_file

    path = Path(name)
    fmt = path.suffix.lower().lstrip(".")
    _COLLECT.messages.clear()
    sha256 = file_sha256(path)
    try:
        text = read_file(path, password=password)
        source = Source(path=name, format=text.format, sha256=sha256, pages=text.pages)
        document = extract_text(text, source=source, lang=lang)
    except SetupError:
        raise
    except TallyError as err:
        return FileResult(name, sha256, fmt, error=_one_line(err), logs=tuple(_COLLECT.messages))
    except Exception as err:  # noqa: BLE001 — one file's surprise must not stop a batch of thousands
        error = f"{name}: could not be extracted ({type(err).__name__}: {_one_line(err)})"
        return FileResult(name, sha256, fmt, error=error, logs=tuple(_COLLECT.messages))
    pages = text.pages or max(1, math.ceil(len(text.text) / CHARS_PER_PAGE))
    return FileResult(name, sha256, fmt, document=document, pages=pages, logs=tuple(_COLLECT.messages))


# ---- in the parent -------------------------------------------------------------------------------


def extract_in_workers(todo: list[PlannedFile], jobs: int, lang: str, password: str | None) -> Iterator[FileResult]:
    """Each planned file extracted by ``jobs`` worker processes (spawned, so nothing is shared by
    accident), in the order they finish; only a few files are queued ahead, so memory stays flat."""
    if not todo:
        return
    pending: set[Future[FileResult]] = set()
    queue = iter(todo)
    context = multiprocessing.get_context("spawn")
    workers = max(1, min(jobs, len(todo)))
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker, initargs=(os.getpid(), lang))
    finished = False
    try:
        for planned in queue:
            pending.add(pool.submit(extract_file, planned.name, lang, password))
            if len(pending) >= workers * QUEUED_PER_WORKER:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                planned_next = next(queue, None)
                if planned_next is not None:
                    pending.add(pool.submit(extract_file, planned_next.name, lang, password))
        finished = True
    except BrokenProcessPool:
        raise TallyError(
            "a worker process died while extracting (out of memory, or a file its libraries crash on); "
            "the documents stored so far are kept: run the same ingest again to go on"
        ) from None
    finally:
        pool.shutdown(wait=finished, cancel_futures=True)


@dataclass(frozen=True)
class Progress:
    """Where an ingest stands after a file: counts of files and pages, and the time so far."""

    done: int
    total: int
    pages: int
    elapsed: float
    name: str
    failed: bool

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the pace so far."""
        return self.elapsed / self.done * (self.total - self.done) if self.done else None


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_progress(progress: Progress) -> str:
    """``ingesting 12/100 files, 3.4 pages/s, ETA 0:42``."""
    eta = "-" if progress.eta is None else _clock(progress.eta)
    return f"ingesting {progress.done}/{progress.total} files, {progress.pages_per_second:.1f} pages/s, ETA {eta}"


@dataclass
class IngestSummary:
    """What an ingest did."""

    ingested: int = 0
    unchanged: int = 0
    #: One-line errors of the files that failed in this run.
    failures: list[str] = field(default_factory=list)
    #: Stored errors of files skipped because they failed before and have not changed.
    failed_before: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    #: Documents stored with warnings (in ``documents.warnings``).
    with_warnings: int = 0

    @property
    def failed(self) -> int:
        return len(self.failures) + len(self.failed_before)

    def line(self) -> str:
        """``ingested 98, skipped 0, failed 2, 312 pages, 41.0 s (7.6 pages/s)``, with what needs saying."""
        failed = f"failed {self.failed}"
        if self.failed_before:
            failed += f" ({len(self.failed_before)} unchanged since an earlier run failed on them; --retry-failed tries again)"
        rate = f" ({self.pages / self.seconds:.1f} pages/s)" if self.seconds > 0 and self.pages else ""
        warned = f", {self.with_warnings} with warnings (documents.warnings)" if self.with_warnings else ""
        return (
            f"ingested {self.ingested}{warned}, skipped {self.unchanged} unchanged, {failed}, "
            f"{self.pages} pages, {self.seconds:.1f} s{rate}"
        )


def _store(conn: sqlite3.Connection, result: FileResult) -> None:
    for message in result.logs:
        log.warning("%s", message if result.name in message else f"{result.name}: {message}")
    if result.document is not None:
        write_document(conn, result.document)
    else:
        record_failure(conn, result.name, result.error or f"{result.name}: failed", sha256=result.sha256, format=result.format)


def ingest_paths(
    conn: sqlite3.Connection,
    paths: Iterable[Path],
    *,
    jobs: int = 1,
    lang: str = "auto",
    password: str | None = None,
    retry_failed: bool = False,
    progress: Callable[[Progress], None] | None = None,
) -> IngestSummary:
    """Extract every new or changed supported file under ``paths`` into the store, one transaction per
    file, with ``jobs`` worker processes; a file that fails is stored as failed and the rest go on."""
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; valid choices: {', '.join(LANGUAGES)}")
    if jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {jobs}")
    plan = plan_ingest(conn, input_files(paths), retry_failed=retry_failed)
    summary = IngestSummary(unchanged=plan.unchanged, failed_before=plan.failed_before)
    started = time.perf_counter()
    if progress is not None and plan.todo:
        progress(Progress(0, len(plan.todo), 0, 0.0, "", False))  # the workers take a moment to start
    for done, result in enumerate(extract_in_workers(plan.todo, jobs, lang, password), start=1):
        _store(conn, result)
        if result.document is not None:
            summary.ingested += 1
            summary.pages += result.pages
            summary.with_warnings += bool(result.document.warnings)
        else:
            summary.failures.append(result.error or result.name)
        if progress is not None:
            elapsed = time.perf_counter() - started
            progress(Progress(done, len(plan.todo), summary.pages, elapsed, result.name, result.document is None))
    summary.seconds = time.perf_counter() - started
    return summary
