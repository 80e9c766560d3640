"""Register tally's spaCy components; importing this module is enough for nlp.add_pipe."""

from extractor import entities, lexicon  # noqa: F401  (register tally_entities, tally_arabic_norms)
from extractor.figures import component  # noqa: F401  (registers tally_figures)
