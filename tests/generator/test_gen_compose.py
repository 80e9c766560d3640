"""Composition: every figure stated once per document, breakdown checks, headline, golden press releases."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import unicodedata
from pathlib import Path

import pytest
from gen_support import REPO, gold_document

from generator.blocks import Table, composed_text
from generator.compose import compose
from generator.tallies import build_statements
from tally.errors import InputError
from tally.model import Document, Figure, Period

GOLDEN = REPO / "tests" / "golden"
GOLDEN_SOURCES = ("2020-01-idlib-escalation-16-days", "2019-09-arbitrary-arrests-august-2019", "2019-07-vital-facilities-june-2019")
PERIOD = Period(start=dt.date(2019, 10, 30), end=dt.date(2019, 11, 14))


def figure(**fields: object) -> Figure:
    fields.setdefault("period", PERIOD)
    return Figure.model_validate(fields)


def normalised(text: str) -> str:
    return "\n".join(" ".join(unicodedata.normalize("NFC", line).split()) for line in text.splitlines()).strip() + "\n"


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("stem", GOLDEN_SOURCES)
def test_press_release_text_matches_golden(stem: str, lang: str) -> None:
    """Regenerate with TALLY_UPDATE_GOLDEN=1 after a deliberate change of wording, and review the diff."""
    document = gold_document(REPO / "corpus" / "en" / f"{stem}.gold.json")
    text = normalised(composed_text(compose(document, "press-release", lang)))
    path = GOLDEN / f"press-release.{stem}.{lang}.txt"
    if os.environ.get("TALLY_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == normalised(path.read_text(encoding="utf-8"))


def _stated_numbers(text: str) -> list[str]:
    return re.findall(r"\d[\d,]*", text)


@pytest.mark.parametrize("kind", ["press-release", "report"])
def test_every_figure_is_stated(kind: str) -> None:
    document = gold_document(REPO / "corpus" / "en" / f"{GOLDEN_SOURCES[0]}.gold.json")
    composed = compose(document, kind, "en")
    numbers = set(_stated_numbers(composed_text(composed)))
    assert {f"{f.count:,}" for f in document.figures} <= numbers
    statements = build_statements(document)
    assert sorted(id(f) for s in statements for f in s.figures) == sorted(id(f) for f in document.figures)


def test_breakdown_that_does_not_add_up_is_a_warning_not_a_fix(caplog: pytest.LogCaptureFixture) -> None:
    document = Document(period=PERIOD, figures=[
        figure(metric="killed", group="civilians", count=10, perpetrator="syrian_regime"),
        figure(metric="killed", group="children", count=8, perpetrator="syrian_regime"),
        figure(metric="killed", group="women", count=5, perpetrator="syrian_regime"),
    ])
    with caplog.at_level(logging.WARNING, logger="generator"):
        composed = compose(document, "press-release", "en")
    assert any("does not add up" in w for w in composed.warnings)
    assert not caplog.records  # the CLI's consistency checks report it, once
    assert "killed 10 civilians, including 8 children and 5 women" in composed_text(composed)


def test_parties_adding_up_to_more_than_the_total_is_a_warning() -> None:
    document = Document(period=PERIOD, figures=[
        figure(metric="killed", group="civilians", count=50),
        figure(metric="killed", group="civilians", count=40, perpetrator="syrian_regime"),
        figure(metric="killed", group="civilians", count=30, perpetrator="russian_forces"),
    ])
    assert any("add up to 70, more than the total 50" in w for w in compose(document, "report", "en").warnings)


def test_headline_from_focal_figure_breakdown_and_days() -> None:
    document = Document(period=PERIOD, figures=[
        figure(metric="killed", group="civilians", count=56, qualifier="at_least", perpetrator="syrian_russian_alliance"),
        figure(metric="killed", group="children", count=19, perpetrator="syrian_russian_alliance"),
        figure(metric="arrested", group="persons", count=300, perpetrator="syrian_regime"),
    ])
    title = compose(document, "press-release", "en").title
    assert title == "At Least 56 Civilians, Including 19 Children, Killed by Syrian-Russian Alliance Forces in 16 Days"
    assert compose(document, "press-release", "ar").title == (
        "مقتل ما لا يقل عن 56 مدنياً بينهم 19 طفلاً على يد قوات الحلف السوري الروسي في 16 يوماً"
    )


def test_data_without_evidence_quotes_or_periods_is_drafted() -> None:
    document = Document(figures=[Figure(metric="barrel_bombs", count=3, perpetrator="syrian_regime")])
    composed = compose(document, "report", "en")
    assert "Syrian regime forces dropped 3 barrel bombs." in composed_text(composed)


def test_total_row_only_where_the_data_has_a_total() -> None:
    def tables(figures: list[Figure]) -> list[Table]:
        blocks = compose(Document(period=PERIOD, figures=figures), "report", "en").blocks
        return [b for b in blocks if isinstance(b, Table)]

    parties = [figure(metric="massacres", count=3, perpetrator="syrian_regime"),
               figure(metric="massacres", count=2, perpetrator="russian_forces")]
    assert [t.total for t in tables(parties)] == [None]
    with_total = tables([*parties, figure(metric="massacres", count=5)])
    assert [t.total for t in with_total] == [("Total", "5")]


def test_arabic_indic_digits_throughout() -> None:
    document = gold_document(REPO / "corpus" / "en" / f"{GOLDEN_SOURCES[0]}.gold.json")
    text = composed_text(compose(document, "press-release", "ar", digits="arab"))
    assert "١٣٨" in text and not re.search(r"[0-9]", text.replace("HRDT", ""))


@pytest.mark.parametrize(("kind", "lang", "digits"), [("memo", "en", "latn"), ("report", "xx", "latn"), ("report", "en", "roman")])
def test_bad_choices_list_the_valid_ones(kind: str, lang: str, digits: str) -> None:
    with pytest.raises(InputError, match="valid choices"):
        compose(Document(), kind, lang, digits=digits)


def test_org_profile_names_the_org_in_each_language(tmp_path: Path) -> None:
    profile = tmp_path / "org.toml"
    profile.write_text('name = "Syrian Network for Human Rights"\nwebsite = "https://example.org"\n'
                       '[ar]\nname = "الشبكة السورية لحقوق الإنسان"\nshort_name = "SNHR"\n', encoding="utf-8")
    english = compose(Document(), "press-release", "en", org_path=profile)
    arabic = compose(Document(), "press-release", "ar", org_path=profile)
    assert (english.org.name, english.org.short_name, english.org.website) == ("Syrian Network for Human Rights", "SNHR", "https://example.org")
    assert (arabic.org.name, arabic.org.short_name) == ("الشبكة السورية لحقوق الإنسان", "SNHR")


def test_org_profile_with_an_unknown_key_names_the_file_and_key(tmp_path: Path) -> None:
    profile = tmp_path / "org.toml"
    profile.write_text('nmae = "x"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"org.toml: nmae: unknown key; valid keys: name"):
        compose(Document(), "press-release", "en", org_path=profile)
