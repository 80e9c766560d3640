"""Drafting speed: a press release as PDF and DOCX, a report of about 20 pages, and each PDF's time against
WeasyPrint alone laying out the same HTML (measured in the same run; nothing is asserted).

    .venv/bin/python bench/generate.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import logging
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pypdfium2  # noqa: E402

from generator.compose import compose  # noqa: E402
from generator.draft import draft_document  # noqa: E402
from generator.render_html import render_html  # noqa: E402
from generator.render_pdf import render_pdf  # noqa: E402
from tally.model import GROUPS, METRICS, PEOPLE_METRICS, PERPETRATORS, Document, Figure, Period  # noqa: E402

PERIOD = Period(start=dt.date(2019, 4, 26), end=dt.date(2019, 11, 15))


def big_document(parties: int = 2) -> Document:
    """Every metric for several parties and in total, broken down by group, and for three earlier years."""
    figures: list[Figure] = []
    for m, metric in enumerate(METRICS):
        bases = [100 + 37 * m + 211 * p for p in range(parties)]
        for party, base in [(None, sum(bases)), *zip(PERPETRATORS[:parties], bases)]:
            if metric in PEOPLE_METRICS:
                figures.append(Figure(metric=metric, group="civilians", count=base * 3, perpetrator=party, period=PERIOD))
                for g, group in enumerate(GROUPS[1:4]):
                    figures.append(Figure(metric=metric, group=group, count=base // (g + 2), perpetrator=party, period=PERIOD))
            else:
                figures.append(Figure(metric=metric, count=base, perpetrator=party, period=PERIOD))
        for year in (2016, 2017, 2018):
            span = Period(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
            group = "civilians" if metric in PEOPLE_METRICS else None
            figures.append(Figure(metric=metric, group=group, count=50 * (year - 2010) + m, perpetrator="syrian_regime", period=span))
    return Document(period=PERIOD, published=PERIOD.end, regions=["northwest Syria"], figures=figures)


def small_document() -> Document:
    return Document(period=PERIOD, published=PERIOD.end, figures=[
        Figure(metric="killed", group="civilians", count=1124, perpetrator=None, qualifier="at_least", period=PERIOD),
        Figure(metric="killed", group="children", count=301, perpetrator=None, period=PERIOD),
        Figure(metric="killed", group="civilians", count=853, perpetrator="syrian_regime", period=PERIOD),
        Figure(metric="killed", group="civilians", count=271, perpetrator="russian_forces", period=PERIOD),
        Figure(metric="massacres", count=61, perpetrator="syrian_regime", period=PERIOD),
        Figure(metric="attacks_on_vital_facilities", count=223, perpetrator="russian_forces", period=PERIOD),
        Figure(metric="barrel_bombs", count=3631, perpetrator="syrian_regime", period=PERIOD),
    ])


def median_time(task: Callable[[], object], repeat: int) -> float:
    task()  # warm up: fonts, templates, matplotlib
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        task()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    logging.getLogger("generator").setLevel(logging.ERROR)  # the data's own warnings are not the point here
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    small, big = small_document(), big_document()
    pages = len(pypdfium2.PdfDocument(draft_document(big, "report", "en", "pdf")))
    rows = []
    for label, document, kind in (("press release", small, "press-release"), (f"report, {pages} pages", big, "report")):
        html = render_html(compose(document, kind, "en"))
        weasy = median_time(lambda: render_pdf(html), args.repeat)
        pdf = median_time(lambda: draft_document(document, kind, "en", "pdf"), args.repeat)
        docx = median_time(lambda: draft_document(document, kind, "en", "docx"), args.repeat)
        rows.append((label, pdf, docx, weasy))
    print(f"{'document':<20} {'pdf s':>8} {'docx s':>8} {'weasyprint s':>13} {'pdf/weasyprint':>15}")
    for label, pdf, docx, weasy in rows:
        print(f"{label:<20} {pdf:8.3f} {docx:8.3f} {weasy:13.3f} {pdf / weasy:15.2f}")


if __name__ == "__main__":
    main()
