"""Charts drawn with matplotlib (≥ 3.11 shapes Arabic itself: labels are passed as logical strings)."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402

from generator.blocks import Chart  # noqa: E402
from generator.numbers_dates import format_number  # noqa: E402
from tally.errors import SetupError  # noqa: E402

FONT_FAMILY = "Amiri"
BAR_COLOUR = "#7a1f1f"


def amiri_dir() -> Path:
    """Where the Amiri TTFs are installed (PyPI ``fontpkg-amiri``)."""
    try:
        import fontpkg_amiri
    except ImportError:
        raise SetupError("the Amiri font is not installed (PyPI fontpkg-amiri): run bash scripts/setup.sh") from None
    return Path(fontpkg_amiri.ROOT) / "files"


@lru_cache(maxsize=1)
def _register_fonts() -> None:
    for path in sorted(amiri_dir().glob("Amiri-*.ttf")):
        font_manager.fontManager.addfont(str(path))


def _draw(chart: Chart, lang: str, digits: str, rtl: bool) -> plt.Figure:
    _register_fonts()
    with plt.rc_context({"font.family": FONT_FAMILY, "font.size": 10}):
        height = 1.2 + 0.42 * len(chart.labels) if chart.kind == "bars" else 3.2
        fig, ax = plt.subplots(figsize=(6.4, height))
        if chart.kind == "timeline":
            ax.plot(range(len(chart.values)), chart.values, marker="o", color=BAR_COLOUR)
            ax.set_xticks(range(len(chart.labels)), list(chart.labels))
            ax.tick_params(axis="x", labelrotation=20)
            ax.set_ylabel(chart.value_label)
            if rtl:
                ax.invert_xaxis()
        else:
            positions = list(range(len(chart.labels)))[::-1]
            bars = ax.barh(positions, chart.values, color=BAR_COLOUR)
            ax.set_yticks(positions, list(chart.labels))
            ax.bar_label(bars, labels=[format_number(v, lang, digits) for v in chart.values], padding=3)
            ax.set_xlabel(chart.value_label)
            ax.margins(x=0.12)
            if rtl:
                ax.invert_xaxis()
                ax.yaxis.tick_right()
        ax.set_title(chart.title)
        for side in ("top", "right") if not rtl else ("top", "left"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
    return fig


def chart_png(chart: Chart, lang: str, digits: str = "latn", rtl: bool = False, dpi: int = 160) -> bytes:
    """The chart as a PNG without a timestamp. A bitmap, not SVG: WeasyPrint lays a report with many
    charts out several times faster, and a PDF's text then holds only the prose (the charts' labels are
    pixels)."""
    fig = _draw(chart, lang, digits, rtl)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=dpi, metadata={"Software": None})
    plt.close(fig)
    return out.getvalue()
