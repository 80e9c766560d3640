"""``render_html(composed) -> str``: the composed blocks laid out by the Jinja2 templates (autoescaped)."""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.blocks import Block, Chart, Composed
from generator.charts import chart_png
from tally.errors import InputError, SetupError

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
#: The template each kind of document is laid out by.
TEMPLATE_NAMES = {"press-release": "press-release.html", "report": "report.html"}


def block_kind(block: Block) -> str:
    """``heading``, ``paragraph``, ``table``…: what the templates switch on."""
    return type(block).__name__.lower()


def css_string(value: str) -> Markup:
    """``value`` as a quoted CSS string in which every character but letters, digits and spaces is a hex
    escape: data can never close the string or the style sheet."""
    inner = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x}" for c in value)
    return Markup(f'"{inner}"')


def data_uri(data: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


@lru_cache(maxsize=8)
def template_environment(templates: Path) -> jinja2.Environment:
    """Templates from ``templates``: undefined names are errors and every value is escaped."""
    if not (templates / "base.html").is_file():
        raise InputError(f"{templates}: not a templates directory (no base.html)")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["block_kind"] = block_kind
    env.filters["css_string"] = css_string
    return env


def render_html(
    composed: Composed, *, templates: Path = TEMPLATES_DIR, digits: str = "latn", created: str = ""
) -> str:
    """The document as one self-contained HTML page (charts and logo inline as data URIs)."""
    env = template_environment(templates.resolve())
    name = TEMPLATE_NAMES[composed.kind]
    rtl = composed.direction == "rtl"

    def chart_src(chart: Chart) -> str:
        return data_uri(chart_png(chart, composed.lang, digits, rtl), "image/png")

    try:
        template = env.get_template(name)
        return template.render(
            composed=composed,
            digits=digits,
            created=created,
            logo_src=data_uri(composed.org.logo, composed.org.logo_type),
            chart_src=chart_src,
        )
    except jinja2.TemplateSyntaxError as err:
        raise SetupError(f"{err.filename or name}: line {err.lineno}: {err.message}") from None
    except jinja2.TemplateNotFound as err:
        raise InputError(f"{templates}: template {err.name} is missing") from None
    except jinja2.UndefinedError as err:
        raise SetupError(f"{templates / name}: {err.message}") from None
