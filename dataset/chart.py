"""A trend drawn as a PNG or SVG line chart (matplotlib, Agg), byte for byte the same on every run."""

from __future__ import annotations

import io
import math

import matplotlib

matplotlib.use("agg")

from matplotlib.figure import Figure as Canvas  # noqa: E402

from dataset.trend import Series  # noqa: E402
from tally.errors import InputError  # noqa: E402

CHART_FORMATS = ("png", "svg")
LINE_COLOUR = "#7a1f1f"
#: At most this many bucket labels on the x axis; the others are thinned out.
MAX_LABELS = 24
#: No timestamp, software version or random ids: the same series gives the same bytes.
_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}


def _draw(series: Series) -> Canvas:
    canvas = Canvas(figsize=(8, 4), layout="tight")
    ax = canvas.subplots()
    positions = list(range(len(series.buckets)))
    values = [math.nan if b.count is None else float(b.count) for b in series.buckets]
    # A gap is NaN: the line breaks there instead of dropping to zero.
    ax.plot(positions, values, marker="o", color=LINE_COLOUR)
    step = max(1, math.ceil(len(positions) / MAX_LABELS))
    ax.set_xticks(positions[::step], [b.label for b in series.buckets][::step])
    ax.tick_params(axis="x", labelrotation=45 if series.by == "month" else 0)
    if positions:
        ax.set_xlim(-0.5, len(positions) - 0.5)
    ax.set_ylim(bottom=0)
    if all(math.isnan(v) for v in values):
        ax.text(0.5, 0.5, "no figure falls within a single bucket", ha="center", va="center", transform=ax.transAxes)
    ax.set_title(series.title)
    ax.set_xlabel(f"no point: no figure covers that {series.by} alone (a gap, not a zero)", fontsize=8, color="#555555")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return canvas


def chart_bytes(series: Series, fmt: str) -> bytes:
    """The series as a PNG or SVG line chart; gaps show as breaks in the line."""
    if fmt not in CHART_FORMATS:
        raise InputError(f"unknown chart format {fmt!r}; valid choices: {', '.join(CHART_FORMATS)}")
    with matplotlib.rc_context({"svg.hashsalt": "tally", "svg.fonttype": "path", "font.size": 9}):
        canvas = _draw(series)
        out = io.BytesIO()
        canvas.savefig(out, format=fmt, dpi=120, metadata=_METADATA[fmt])
    return out.getvalue()
