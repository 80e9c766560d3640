"""Register tally's spaCy components; importing this module is enough for nlp.add_pipe."""

from extractor import arabic, entities, figures  # noqa: F401  (registers tally_arabic_norms, tally_entities, tally_figures)
