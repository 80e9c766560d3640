"""Figure finding, one module per step, in the order data flows through them (``STEPS``).

Each module imports only earlier steps and the shared modules of ``extractor`` (lexicon, arabic, vocab,
periods, text, quotation); ``tests/test_import_layout.py`` checks it.
"""

#: The steps, first to last: numbers and the Doc's layout; candidates (a number with its counted noun, or the
#: noun it refers back to, less the numbers that are no counts); totals and their parts; metrics; parties (names,
#: the discourse around a count, the agents away from it, the scans beside it, then attribution); tables; places;
#: periods; restatements dropped; the spaCy component that runs them.
STEPS = ("numbers", "layout", "candidate", "nouns", "ellipsis", "filters", "candidates", "breakdowns", "metrics",
         "parties", "context", "agents", "scans", "attribution", "tables", "places", "periods", "dedupe", "component")

from extractor.figures.component import find_figures  # noqa: E402  (after STEPS, which the steps never import)

__all__ = ["STEPS", "find_figures"]
