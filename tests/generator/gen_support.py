"""Shared by the generator tests and bench/roundtrip.py: gold files as Documents, random figure sets,
drafting them to files, and the round-trip comparison."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.compose import compose
from generator.draft import created_at, render
from tally.model import GROUPS, PEOPLE_METRICS, PERPETRATORS, Document, Figure, Period, Quote, Recommendation

REPO = Path(__file__).resolve().parents[2]
CORPUS_EN = REPO / "corpus" / "en"
#: The languages a round trip drafts in, each with its corpus of gold files.
LANGUAGES = ("en", "ar")
#: What the round trip compares: (metric, group, perpetrator, count, qualifier).
Key = tuple[str, str | None, str | None, int, str]
KINDS = ("press-release", "report")
FORMATS = ("pdf", "docx")


def gold_document(path: Path) -> Document:
    """A corpus gold file as the figures document a person could have written (no evidence, quotes…)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    figures = [Figure.model_validate({k: v for k, v in f.items() if k not in ("note", "optional")}) for f in gold["figures"]]
    period = Period.model_validate(gold["period"]) if gold.get("period") else None
    return Document(period=period, figures=figures, published=period.end if period else None)


def gold_files(lang: str = "en") -> list[Path]:
    """The gold files of ``corpus/<lang>``."""
    return sorted((REPO / "corpus" / lang).glob("*.gold.json"))


def key(figure: Figure) -> Key:
    return (figure.metric, figure.group, figure.perpetrator, figure.count, figure.qualifier)


def roundtrip_problems(expected: Iterable[Figure], got: Iterable[Figure]) -> list[str]:
    """What the extraction lost (a figure of the data never read back) and what it added (a figure not in
    the data, or read more times than the data states it); empty when the round trip is exact."""
    want = Counter(key(f) for f in expected)
    have = Counter(key(f) for f in got)
    problems = [f"missing {k}" for k in sorted(set(want) - set(have), key=repr)]
    problems += [f"extra {k} x{n}" for k, n in sorted((have - want).items(), key=repr)]
    return problems


def draft_files(document: Document, folder: Path, stem: str, kinds: Iterable[str] = KINDS,
                formats: Iterable[str] = FORMATS, lang: str = "en") -> list[Path]:
    """``document`` drafted in ``lang`` as each kind and format, written under ``folder``."""
    paths = []
    for kind in kinds:
        composed = compose(document, kind, lang)
        for fmt in formats:
            path = folder / f"{stem}.{kind}.{fmt}"
            path.write_bytes(render(composed, fmt, created=created_at(document)))
            paths.append(path)
    return paths


# ---- random figure sets ----------------------------------------------------------------------

_EVENT_METRICS = ("massacres", "attacks", "attacks_on_vital_facilities", "cluster_munition_attacks",
                  "incendiary_attacks", "chemical_attacks", "barrel_bombs")
_PEOPLE = sorted(PEOPLE_METRICS)
_FACILITIES = ("medical_facilities", "schools", "markets", "places_of_worship", "civil_defense_centers", "camps")
_QUALIFIERS = ("exact", "exact", "exact", "at_least", "more_than", "approximately", "up_to")
_PARTS = ("children", "women", "men", "medical_personnel", "civil_defense_personnel", "media_workers")
_REGIONS = ("Idlib", "Aleppo", "Hama", "Daraa", "Deir ez-Zor")


class Wording(NamedTuple):
    """What a figure set names in one language besides its figures."""

    regions: tuple[str, ...]  # in the order of _REGIONS
    speaker: str
    role: str
    quote: str
    addressee: str
    recommendation: str


WORDING = {
    "en": Wording(_REGIONS, "A. Spokesperson", "Director", "Accountability cannot wait.", "UN Security Council",
                  "Refer the file to the ICC."),
    "ar": Wording(("إدلب", "حلب", "حماة", "درعا", "دير الزور"), "أحمد الراوي", "مدير الفريق",
                  "لا يمكن للمحاسبة أن تنتظر.", "مجلس الأمن الدولي", "إحالة الملف السوري إلى المحكمة الجنائية الدولية."),
}


@st.composite
def _people_figures(draw: Any, metric: str, party: str | None, period: Period) -> list[Figure]:
    container = draw(st.sampled_from(("civilians", "persons", None)))
    head = draw(st.integers(min_value=1, max_value=150_000))
    out = []
    if container is not None:
        out.append(Figure(metric=metric, group=container, count=head, qualifier=draw(st.sampled_from(_QUALIFIERS)),
                          perpetrator=party, period=period))
    parts = draw(st.lists(st.sampled_from(_PARTS if container != "persons" else GROUPS[1:]), max_size=3, unique=True))
    if container is None and not parts:
        parts = ["fighters"]
    for group in parts:
        count = draw(st.integers(min_value=1, max_value=max(1, head // 2)))
        out.append(Figure(metric=metric, group=group, count=count, qualifier=draw(st.sampled_from(_QUALIFIERS)),
                          perpetrator=party, period=period))
    return out


@st.composite
def figure_sets(draw: Any, lang: str = "en") -> Document:
    """A figures document a person might write: a period, a few parties and metrics, breakdowns, totals over
    all parties, now and then a figure for another span or an attack target; no evidence or entities. Its
    regions, quote and recommendation are worded in ``lang``; the figures drawn do not depend on it."""
    words = WORDING[lang]
    year = draw(st.integers(min_value=2012, max_value=2023))
    month = draw(st.integers(min_value=1, max_value=12))
    start = dt.date(year, month, 1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if draw(st.booleans()):
        end = start + dt.timedelta(days=draw(st.integers(min_value=1, max_value=27)))
    period = Period(start=start, end=end)
    parties: list[str | None] = draw(st.lists(st.sampled_from((None, *PERPETRATORS)), min_size=1, max_size=3, unique=True))
    figures: list[Figure] = []
    for metric in draw(st.lists(st.sampled_from(_PEOPLE), min_size=1, max_size=2, unique=True)):
        for party in parties:
            figures += draw(_people_figures(metric, party, period))
    for metric in draw(st.lists(st.sampled_from(_EVENT_METRICS), max_size=3, unique=True)):
        for party in draw(st.lists(st.sampled_from(parties), min_size=1, max_size=2, unique=True)):
            target = draw(st.sampled_from((None, None, *_FACILITIES))) if metric == "attacks_on_vital_facilities" else None
            figures.append(Figure(metric=metric, count=draw(st.integers(min_value=1, max_value=900)), perpetrator=party,
                                  qualifier=draw(st.sampled_from(_QUALIFIERS)), target=target, period=period))
    if draw(st.booleans()):
        other = Period(start=dt.date(year - 1, 1, 1), end=dt.date(year - 1, 12, 31))
        figures.append(Figure(metric="killed", group="civilians", count=draw(st.integers(min_value=1, max_value=9000)),
                              perpetrator=draw(st.sampled_from(parties)), period=other))
    return Document(
        period=period,
        published=end,
        regions=[words.regions[_REGIONS.index(r)] for r in draw(st.lists(st.sampled_from(_REGIONS), max_size=2, unique=True))],
        figures=_unique_cells(figures),
        quotes=[Quote(speaker=words.speaker, role=words.role, text=words.quote)],
        recommendations=[Recommendation(addressee=words.addressee, text=words.recommendation)],
    )


def drawn_figure_sets(count: int, lang: str = "en") -> list[Document]:
    """``count`` figure sets drawn by hypothesis with a fixed seed, worded in ``lang``: the same sets on every run
    (and the same figures in every language)."""
    documents: list[Document] = []

    @settings(max_examples=count, database=None, phases=[Phase.generate], deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(figure_sets(lang))
    def collect(document: Document) -> None:
        documents.append(document)

    collect()
    return documents


def _unique_cells(figures: list[Figure]) -> list[Figure]:
    """One figure per (metric, group, party, span, target) and per (metric, group, party, count): data
    that a reader could tell apart."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for f in figures:
        cell = (f.metric, f.group, f.perpetrator, f.period.start if f.period else None, f.period.end if f.period else None, f.target)
        same_key = (f.metric, f.group, f.perpetrator, f.count)
        if cell in seen or same_key in seen:
            continue
        seen.update({cell, same_key})
        out.append(f)
    return out
