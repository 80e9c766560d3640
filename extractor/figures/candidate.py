"""Candidate: a number that counts people or events, and what the rules decided about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from extractor.figures.numbers import Number
from tally.model import Period


@dataclass
class Candidate:
    """A number that counts people or events, and what the rules decided about it."""

    number: Number
    sent: Span
    noun: tuple[int, int] | None  # token span of the counted noun phrase
    group: str | None = None
    event: str | None = None  # metric implied by the counted noun ("massacres", "arrested"…)
    target: str | None = None
    elided: bool = False
    qualifier: str = "exact"
    metric: str | None = None
    perpetrators: list[str | None] = field(default_factory=list)
    head: Candidate | None = None  # the total this one is a breakdown of
    location: str | None = None
    place_from_context: bool = False  # the place is its paragraph's, heading's or title's, not its sentence's
    period: Period | None = None  # a span the candidate's own context fixes (a table's year row)
    restates: Candidate | None = None  # "the 79 attacks": a total stated before, named again
    predicate: str | None = None  # "98,279 are still forcibly disappeared": the number's own verb
    parallel: Candidate | None = None  # "X is responsible for 96,103 …; ISIS for 8,684": the count it stands beside
    from_context: bool = False  # the party came from a heading or the report's topic, not the sentence
    from_tree: bool = False  # the party came from the dependency tree, which a list of parts can outvote
    generic: bool = False  # the metric came from a generic word ("victims", "deaths")
    reason: str = ""  # why it could not be resolved, for warnings

    @property
    def count(self) -> int:
        return self.number.value

    @property
    def end(self) -> int:
        """The token after the number and its counted noun."""
        return max(self.number.end, self.noun[1] if self.noun else 0)

    @property
    def start(self) -> int:
        return self.number.start
