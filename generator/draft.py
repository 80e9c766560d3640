"""``draft_document(document, kind, lang, fmt) -> bytes``: compose once, then lay out as PDF, DOCX or HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.blocks import Composed
from generator.compose import compose
from generator.render_docx import render_docx
from generator.render_html import TEMPLATES_DIR, render_html
from generator.render_pdf import render_pdf
from tally.errors import InputError
from tally.model import Document

FORMATS = ("pdf", "docx", "html")


def created_at(document: Document) -> dt.datetime:
    """The moment the output's metadata records: the publication date (else the period's end), so that the
    same data always gives the same bytes."""
    day = document.published or (document.period.end if document.period else None) or dt.date(2020, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def render(composed: Composed, fmt: str, *, templates: Path | None = None, digits: str = "latn",
           created: dt.datetime | None = None) -> bytes:
    """The composed document laid out in ``fmt``."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; valid choices: {', '.join(FORMATS)}")
    moment = created or dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    if fmt == "docx":
        return render_docx(composed, digits=digits, created=moment)
    folder = templates or TEMPLATES_DIR
    html = render_html(composed, templates=folder, digits=digits, created=moment.isoformat())
    if fmt == "html":
        return html.encode("utf-8")
    return render_pdf(html, templates=folder)


def draft_document(
    document: Document,
    kind: str,
    lang: str,
    fmt: str,
    *,
    templates: Path | None = None,
    org_path: Path | None = None,
    digits: str = "latn",
) -> bytes:
    """A press release or report of ``document`` in ``lang`` as ``fmt`` bytes."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; valid choices: {', '.join(FORMATS)}")
    if templates is not None and not templates.is_dir():
        raise InputError(f"{templates}: no such templates directory")
    composed = compose(document, kind, lang, org_path=org_path, digits=digits)
    return render(composed, fmt, templates=templates, digits=digits, created=created_at(document))
