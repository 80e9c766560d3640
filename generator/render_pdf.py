"""``render_pdf(html) -> bytes`` with WeasyPrint; it may read only the templates' own assets."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from generator.charts import amiri_dir
from generator.pdf_text_layer import mend_text_layer
from generator.render_html import TEMPLATES_DIR

log = logging.getLogger(__name__)


class AssetFetcher(URLFetcher):
    """Serves ``data:`` URLs and files under the templates directory; a font the templates name under
    ``fonts/`` but do not ship comes from the installed Amiri package. Nothing else: no other local
    file, no network."""

    def __init__(self, templates: Path) -> None:
        super().__init__(allowed_protocols={"data"})
        self.templates = templates.resolve()
        self.fonts: list[Path] = []  # the TrueType files served, for the text layer

    def local_path(self, url: str) -> Path | None:
        """The file ``url`` may be read from, or None when it is outside the templates' assets."""
        parts = urlsplit(url)
        if parts.scheme != "file":
            return None
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.templates):
            return None
        if path.is_file():
            return path
        relative = path.relative_to(self.templates)
        if relative.parts[:1] == ("fonts",) and len(relative.parts) == 2:
            font = amiri_dir() / relative.parts[1]
            return font if font.is_file() else None
        return None

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = self.local_path(url)
        if path is None:
            log.warning("not fetched (only the templates' own assets are read): %s", url)
            raise ValueError(f"not one of the templates' assets: {url}")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".ttf":
            media_type = "font/ttf"
            self.fonts.append(path)
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": media_type})


def render_pdf(html: str, *, templates: Path = TEMPLATES_DIR) -> bytes:
    """The HTML laid out as PDF pages, fonts embedded (subset), every glyph reading as its own text; the same
    input gives the same bytes."""
    fonts = FontConfiguration()
    base = templates.resolve().as_uri() + "/"
    fetcher = AssetFetcher(templates)
    document = HTML(string=html, base_url=base, url_fetcher=fetcher)
    pdf: bytes = document.write_pdf(
        font_config=fonts,
        pdf_identifier=b"tally",
        uncompressed_pdf=False,
        finisher=lambda _document, pdf: mend_text_layer(pdf, fetcher.fonts),
    )
    return pdf
