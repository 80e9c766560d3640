"""Mark a Doc with the vocabulary tables: groups, events, targets, triggers, actors, places, cues."""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.actors import compose_actors, compose_party_events
from extractor.arabic import normalize_ar, base_forms, match_form
from extractor.marks import Mark, Marks
from extractor.vocab import rows_for

#: kind -> (table, column holding the phrase, column holding the value, column for Mark.extra)
TABLES: dict[str, tuple[str, str, str, str]] = {
    "group": ("groups", "phrase", "group", ""),
    "event": ("events", "phrase", "metric", "target"),
    "target": ("targets", "phrase", "target", ""),
    "trigger": ("triggers", "phrase", "metric", "generic"),
    "actor": ("actors", "alias", "id", ""),
    "place": ("gazetteer", "name", "canonical", ""),
    "weapon": ("attack_weapons", "phrase", "metric", ""),
    "actor_head": ("actor_heads", "phrase", "kind", "refers"),
    "actor_mod": ("actor_modifiers", "phrase", "id", "kind"),
    "actor_backer": ("actor_backers", "phrase", "id", ""),
    "actor_event": ("actor_events", "phrase", "kind", ""),
    "event_party": ("event_parties", "phrase", "id", ""),
}


class Lexicon:
    """Phrase matchers built from the vocabulary tables for one language."""

    def __init__(self, nlp: Language, lang: str) -> None:
        self.lang = lang
        self.known = arabic_vocabulary() if lang == "ar" else frozenset()
        self.values: dict[str, dict[str, tuple[str, str]]] = {}
        self.matchers: dict[str, list[PhraseMatcher]] = {}
        for kind, (table, phrase_col, value_col, extra_col) in TABLES.items():
            rows = rows_for(table, lang)
            self._add(nlp, kind, [(r[phrase_col], r[value_col], r.get(extra_col, "") if extra_col else "") for r in rows])
        cues: dict[str, list[tuple[str, str, str]]] = {}
        for r in rows_for("figure_cues", lang):
            cues.setdefault(f"cue:{r['kind']}", []).append((r["phrase"], r["value"], ""))
        for kind, entries in cues.items():
            self._add(nlp, kind, entries)

    def _add(self, nlp: Language, kind: str, entries: list[tuple[str, str, str]]) -> None:
        # Arabic matches on NORM (see extractor/arabic.py): spelling variants and joined clitics fall away.
        lower = PhraseMatcher(nlp.vocab, attr="NORM" if self.lang == "ar" else "LOWER")
        exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        values: dict[str, tuple[str, str]] = {}
        for n, (phrase, value, extra) in enumerate(_with_quoted_variants(kind, entries, self.lang)):
            key = f"{kind}:{n}"
            values[key] = (value, extra)
            pattern = nlp.make_doc(phrase)
            if self.lang == "ar":
                for token in pattern:
                    token.norm_ = match_form(token.text, self.known)
            # acronyms ("IS", "SDF") match only as written, or "is" would be ISIS; so does an Arabic cue word whose
            # joined clitic carries its sense ("بالمئة" is not "مئة")
            clitic_cue = (self.lang == "ar" and kind.startswith("cue:") and len(pattern) == 1
                          and pattern[0].norm_ != normalize_ar(phrase))
            (exact if (phrase.isupper() and len(phrase) <= 6) or clitic_cue else lower).add(key, [pattern])
        self.matchers[kind] = [lower, exact]
        self.values[kind] = values

    def mark(self, doc: Doc) -> Marks:
        """Find every phrase of every table in ``doc``; longest match wins within a kind."""
        chosen_by_kind: dict[str, list[Mark]] = {}
        for kind, matchers in self.matchers.items():
            found = []
            for match_id, start, end in (m for matcher in matchers for m in matcher(doc)):
                key = doc.vocab.strings[match_id]
                span = doc[start:end]
                span.label_ = key
                found.append(span)
            chosen: list[Mark] = []
            for span in filter_spans(found):
                value, extra = self.values[kind][span.label_]
                chosen.append(Mark(span.start, span.end, kind, value, extra))
            chosen_by_kind[kind] = chosen
        places = chosen_by_kind.get("cue:agent", [])
        if places and "trigger" in chosen_by_kind:  # "in the detention centres of X": a place, not an arrest
            chosen_by_kind["trigger"] = [
                t for t in chosen_by_kind["trigger"] if not any(p.start <= t.start and t.end <= p.end for p in places)
            ]
        if "trigger" in chosen_by_kind:  # "SNHR released its monthly report": a document, not detainees, released
            chosen_by_kind["trigger"] = [t for t in chosen_by_kind["trigger"] if not _document_released(doc, t)]
        marks = Marks()
        for kind, chosen in chosen_by_kind.items():
            marks.add(kind, chosen)
        marks.add("actor", compose_actors(doc, marks))  # "Iranian-backed militias", "جهات لم يتمكن التقرير من تحديدها"
        marks.add("party_event", compose_party_events(doc, marks))  # "Russian airstrikes", "قصف لقوات النظام"
        return marks


_DOCUMENTS = {"report", "reports", "statement", "study", "findings", "data", "figures", "toll", "update", "paper",
              "briefing", "list", "names", "documentation"}


def _document_released(doc: Doc, trigger: Mark) -> bool:
    """Is a "released" trigger the release of a document ("released its monthly report", "the report released
    today")?"""
    if trigger.value != "released" or doc.lang_ == "ar":
        return False
    near = doc[max(0, trigger.start - 2) : min(len(doc), trigger.end + 4)]
    return any(t.lower_ in _DOCUMENTS for t in near) and not any(t.like_num for t in doc[trigger.end : trigger.end + 4])


def _with_quoted_variants(kind: str, entries: list[tuple[str, str, str]], lang: str) -> list[tuple[str, str, str]]:
    """Arabic news quotes the names of groups: "تنظيم “الدولة الإسلامية”" is the same party; a joined "و"
    (and) may open a party's name or a qualifier: "وقوات سوريا الديمقراطية 2,298", "وأكثر من 134 رجلاً"."""
    if lang == "ar" and kind == "cue:qualifier":
        return entries + [(f"و{phrase}", value, extra) for phrase, value, extra in entries if not phrase.startswith("و")]
    if kind != "actor" or lang != "ar":
        return entries
    out = list(entries)
    out += [(f"و{phrase}", value, extra) for phrase, value, extra in entries]  # "وقوات سوريا الديمقراطية 2,298"
    out += [(f"{q}{phrase}{r}", value, extra) for phrase, value, extra in entries  # '"الجيش الوطني" احتجز 27'
            for q, r in (("“", "”"), ('"', '"'), ("«", "»"))]
    for phrase, value, extra in entries:
        head, _, rest = phrase.partition(" ")
        if rest:
            out += [(f"{head} {q}{rest}{r}", value, extra) for q, r in (("“", "”"), ('"', '"'), ("«", "»"))]
    return out


@functools.lru_cache(maxsize=1)
def arabic_vocabulary() -> frozenset[str]:
    """Every word the Arabic rows of the vocabulary tables use, in matching form."""
    phrases = [r[col] for table, col, _v, _e in TABLES.values() for r in rows_for(table, "ar")]
    phrases += [r["phrase"] for r in rows_for("figure_cues", "ar")]
    phrases += [r["word"] for r in rows_for("numbers", "ar")] + [r["name"] for r in rows_for("months", "ar")]
    return base_forms(phrases)


@functools.lru_cache(maxsize=8)
def _lexicon(nlp_id: int, lang: str, nlp: Language) -> Lexicon:
    return Lexicon(nlp, lang)


def lexicon_for(nlp: Language, lang: str) -> Lexicon:
    """The (cached) lexicon of ``lang`` built with ``nlp``'s vocabulary."""
    return _lexicon(id(nlp), lang, nlp)


@Language.factory("tally_arabic_norms", default_config={})
def make_arabic_norms(nlp: Language, name: str) -> ArabicNorms:
    """Registered with spaCy: sets ``token.norm_`` to the matching form of every Arabic token."""
    return ArabicNorms()


class ArabicNorms:
    """Sets ``token.norm_`` from the vocabulary tables, so phrase matching ignores spelling and clitics."""

    def __init__(self) -> None:
        self.known = arabic_vocabulary()

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = match_form(token.text, self.known)
        return doc
