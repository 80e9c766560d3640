"""The one exception hierarchy; the CLI turns each into a one-line message and exit code."""

from __future__ import annotations


class TallyError(Exception):
    """Base of every error tally reports to a person. The message is one line naming the input."""

    exit_code = 1


class InputError(TallyError):
    """An input file is missing, unreadable, of an unsupported kind, corrupt or empty."""

    exit_code = 2


class UnsupportedFormat(InputError):
    """A file whose extension no reader handles."""


class ContractError(TallyError):
    """A figures document breaks the contract (shared/spec/figures.md)."""

    exit_code = 2


class SetupError(TallyError):
    """Something the installation should provide is missing (a model, a font)."""

    exit_code = 3
