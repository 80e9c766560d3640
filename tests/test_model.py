"""The data model keeps the figures contract: vocabularies, nulls, and errors that name the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tally.errors import ContractError
from tally.model import GROUPS, METRICS, PERPETRATORS, PEOPLE_METRICS, Document, Figure, json_schema, load_document

SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "figures.md"


def test_vocabularies_match_the_contract_page() -> None:
    if not SPEC.exists():
        pytest.skip("shared/spec is not beside this checkout")
    text = SPEC.read_text(encoding="utf-8")
    for value in (*METRICS, *GROUPS, *PERPETRATORS):
        assert f"`{value}`" in text, value


def test_people_metrics_need_a_group_and_events_refuse_one() -> None:
    with pytest.raises(ValueError, match="group must be one of"):
        Figure(metric="killed", count=3)
    with pytest.raises(ValueError, match="group must be null"):
        Figure(metric="massacres", group="civilians", count=3)
    assert Figure(metric="massacres", count=3).group is None
    assert {"detained", "still_disappeared"} <= PEOPLE_METRICS


def test_a_person_written_document_needs_no_evidence() -> None:
    doc = Document.model_validate({"figures": [{"metric": "killed", "group": "children", "count": 19}]})
    assert doc.figures[0].qualifier == "exact" and doc.figures[0].evidence is None


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"figures": [{"metric": "killd", "group": "children", "count": 1}]}, "figures[0].metric"),
        ({"figures": [{"metric": "killed", "group": "children", "count": -1}]}, "figures[0].count"),
        ({"period": {"start": "2019-13-01"}}, "period.start"),
        ({"figures": [], "colour": "red"}, "colour"),
    ],
)
def test_broken_document_names_file_and_field(tmp_path: Path, data: dict[str, object], path: str) -> None:
    file = tmp_path / "data.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ContractError) as err:
        load_document(file)
    message = str(err.value)
    assert message.startswith(f"{file}: {path}:") and "\n" not in message


def test_yaml_documents_load(tmp_path: Path) -> None:
    file = tmp_path / "data.yaml"
    file.write_text("figures:\n  - {metric: massacres, count: 2, perpetrator: russian_forces}\n", encoding="utf-8")
    assert load_document(file).figures[0].perpetrator == "russian_forces"


def test_unreadable_json_is_one_line(tmp_path: Path) -> None:
    file = tmp_path / "data.json"
    file.write_text("{not json", encoding="utf-8")
    with pytest.raises(ContractError, match=r"data\.json: not valid JSON"):
        load_document(file)


def test_schema_lists_every_metric() -> None:
    schema = json.dumps(json_schema())
    assert all(metric in schema for metric in METRICS)
