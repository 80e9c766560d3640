"""Shared by the CLI tests: run a command in-process, its error lines, and gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from tally.cli import app


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("tally: error: ")]


def write_gold(path: Path, figures: list[dict[str, Any]]) -> None:
    path.write_text(json.dumps({"period": None, "figures": figures}), encoding="utf-8")


def gold_figure(count: int, **fields: Any) -> dict[str, Any]:
    return {"metric": "killed", "group": "civilians", "count": count, "qualifier": "exact", "perpetrator": None, **fields}
