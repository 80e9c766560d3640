"""The figures contract (shared/spec/figures.md) as typed pydantic models."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tally.errors import ContractError, TallyError

SCHEMA_VERSION: Literal[1] = 1

EventMetric = Literal[
    "killed",
    "died_under_torture",
    "injured",
    "arrested",
    "forcibly_disappeared",
    "released",
    "displaced",
    "massacres",
    "attacks",
    "attacks_on_vital_facilities",
    "cluster_munition_attacks",
    "incendiary_attacks",
    "chemical_attacks",
    "barrel_bombs",
]
StockMetric = Literal["detained", "still_disappeared"]
Metric = Literal[EventMetric, StockMetric]
Group = Literal[
    "civilians",
    "children",
    "women",
    "men",
    "medical_personnel",
    "civil_defense_personnel",
    "media_workers",
    "fighters",
    "persons",
]
Qualifier = Literal["exact", "at_least", "more_than", "approximately", "up_to"]
Perpetrator = Literal[
    "syrian_regime",
    "russian_forces",
    "syrian_russian_alliance",
    "iranian_militias",
    "hts",
    "isis",
    "extremist_groups",
    "sdf",
    "armed_opposition",
    "international_coalition",
    "turkish_forces",
    "israeli_forces",
    "other_parties",
]
Target = Literal[
    "medical_facilities",
    "schools",
    "markets",
    "places_of_worship",
    "civil_defense_centers",
    "camps",
    "infrastructure",
    "residential",
]
EntityLabel = Literal["PERSON", "ORG", "GPE", "LOC", "DATE", "LAW", "WEAPON"]

METRICS: tuple[str, ...] = tuple(get_args(EventMetric)) + tuple(get_args(StockMetric))
STOCK_METRICS: frozenset[str] = frozenset(get_args(StockMetric))
GROUPS: tuple[str, ...] = get_args(Group)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
PERPETRATORS: tuple[str, ...] = get_args(Perpetrator)
TARGETS: tuple[str, ...] = get_args(Target)
#: Metrics that count people; every other metric counts events or munitions.
PEOPLE_METRICS: frozenset[str] = frozenset(
    {
        "killed",
        "died_under_torture",
        "injured",
        "arrested",
        "forcibly_disappeared",
        "released",
        "displaced",
        "detained",
        "still_disappeared",
    }
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Period(_Strict):
    """A span of days; an open end is ``None``."""

    start: dt.date | None = None
    end: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


class Evidence(_Strict):
    """Where a figure was stated: the sentence, its offsets and its page."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1)


class Figure(_Strict):
    """One number the document states about what happened."""

    metric: Metric
    group: Group | None = None
    count: int = Field(ge=0)
    qualifier: Qualifier = "exact"
    perpetrator: Perpetrator | None = None
    target: Target | None = None
    period: Period | None = None
    location: str | None = None
    evidence: Evidence | None = None

    @model_validator(mode="after")
    def _group_fits_metric(self) -> Figure:
        if self.metric in PEOPLE_METRICS and self.group is None:
            raise ValueError(f"metric {self.metric!r} counts people: group must be one of {', '.join(GROUPS)}")
        if self.metric not in PEOPLE_METRICS and self.group is not None:
            raise ValueError(f"metric {self.metric!r} counts events: group must be null")
        if self.target is not None and self.metric in PEOPLE_METRICS:
            raise ValueError(f"metric {self.metric!r} counts people: target must be null")
        return self

    def key(self) -> tuple[str, str | None, str | None, int]:
        """The tuple the contract scores on: metric, group, perpetrator, count."""
        return (self.metric, self.group, self.perpetrator, self.count)


class Source(_Strict):
    """The file a document was read from."""

    path: str
    format: str
    sha256: str | None = None
    pages: int | None = Field(default=None, ge=0)


class Entity(_Strict):
    label: EntityLabel
    text: str
    canonical: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Quote(_Strict):
    speaker: str | None = None
    role: str | None = None
    text: str


class Recommendation(_Strict):
    addressee: str | None = None
    text: str


class Document(_Strict):
    """One report: its figures and the rest of what it says."""

    schema_version: Literal[1] = SCHEMA_VERSION
    source: Source | None = None
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}$")
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    period: Period | None = None
    regions: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def _field_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def describe_validation_error(name: str, err: ValidationError) -> str:
    """One line naming the input, the first field path at fault and what is wrong."""
    first = err.errors()[0]
    more = len(err.errors()) - 1
    extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{name}: {_field_path(tuple(first['loc']))}: {first['msg']}{extra}"


#: Parties that are the sum of others (shared/spec/figures.md): a coalition and its members are never counted together.
#: The start of the documented conflict (the popular uprising of March 2011): no count of it starts earlier.
UPRISING = dt.date(2011, 3, 1)

COALITIONS: dict[str, tuple[str, ...]] = {
    "syrian_russian_alliance": ("syrian_regime", "russian_forces"),
    "extremist_groups": ("isis", "hts"),
}


def distinct_figures(figures: list[Figure]) -> list[Figure]:
    """The figures without exact repeats (evidence aside), in their order."""
    seen: set[str] = set()
    out: list[Figure] = []
    for figure in figures:
        key = figure.model_copy(update={"evidence": None}).model_dump_json()
        if key not in seen:
            seen.add(key)
            out.append(figure)
    return out


def document_from_data(data: Any, name: str) -> Document:
    """Validate parsed JSON/YAML data as a Document; errors name ``name`` and the field path."""
    try:
        return Document.model_validate(data)
    except ValidationError as err:
        raise ContractError(describe_validation_error(name, err)) from None


def read_source(path: Path, error: type[TallyError] = ContractError) -> str:
    """A UTF-8 input file's text; a missing or unreadable file is one ``error`` naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise error(f"{path}: cannot be read ({err})") from None


def load_document(path: Path) -> Document:
    """Read a figures document from a JSON or YAML file."""
    raw = read_source(path)
    if path.suffix.lower() in {".yaml", ".yml"}:
        import yaml

        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as err:
            raise ContractError(f"{path}: not valid YAML ({str(err).splitlines()[0]})") from None
    else:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as err:
            raise ContractError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
    return document_from_data(data, str(path))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a figures document."""
    return Document.model_json_schema()
