"""tally: figures from human-rights reports, extracted, kept, checked and published."""

__version__ = "0.1.0"
