"""Page chrome removal: find an HTML page's main content and drop menus, share bars, comments."""

from __future__ import annotations

import functools
import re

from lxml.html import HtmlElement

from extractor.vocab import load_table

DROP_TAGS = frozenset(
    "head script style noscript template svg math canvas iframe object embed nav aside form button select "
    "textarea input label dialog menu footer".split()
)
DROP_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar dialog alertdialog toolbar".split())
CONTAINER_PATHS = ("//*[@itemprop='articleBody']", "//article", "//main", "//*[@role='main']")
LINK_DENSE = 0.6  # share of an element's text inside links above which it is navigation
MAIN_SHARE = 0.25  # a structural container must hold this share of the page's text
KEEP_SHARE = 0.6  # an element holding this share of the content is never dropped as chrome
SCORE_LEVELS = 4  # a paragraph's score counts for this many of its ancestors
TRAILER_OWN_WORDS = 5  # a block with a trailer link and this few other words is dropped whole
INLINE_PARENTS = ("span", "strong", "b", "em", "i", "u", "font", "small")
# never dropped for their link density alone: inline markup (a link inside a sentence) and table cells
KEEP_WHOLE = frozenset(("", "a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "mark", "q", "s", "small",
                        "span", "strong", "sub", "sup", "time", "u", "td", "th", "tr", "tbody", "thead", "tfoot"))
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = load_table("html_boilerplate")
    chrome = frozenset(row["word"].lower() for row in rows if row["kind"] == "class")
    trailers = tuple(row["word"].lower() for row in rows if row["kind"] == "trailer")
    return chrome, trailers


def _tag(element: object) -> str:
    tag = getattr(element, "tag", None)
    return tag.lower() if isinstance(tag, str) else ""


def _text_length(element: HtmlElement) -> int:
    return len("".join(element.text_content().split()))


def _link_length(element: HtmlElement) -> int:
    return sum(_text_length(link) for link in element.iter("a"))


def _link_density(element: HtmlElement) -> float:
    total = _text_length(element)
    return _link_length(element) / total if total else 0.0


def _is_hidden(element: HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _inside(element: HtmlElement, tags: tuple[str, ...]) -> bool:
    return any(_tag(ancestor) in tags for ancestor in element.iterancestors())


def is_chrome_name(element: HtmlElement) -> bool:
    """True when the element's class or id names page chrome (nav, share, related, comments…)."""
    raw = f"{element.get('class') or ''} {element.get('id') or ''}"
    words, _ = _vocabulary()
    for token in _NON_WORD.split(_CAMEL.sub(" ", raw).lower()):
        if token and (token in words or any(len(word) >= 4 and token.startswith(word) for word in words)):
            return True
    return False


def _drop(element: HtmlElement) -> None:
    if element.getparent() is not None:
        element.drop_tree()


def _drop_structural_chrome(root: HtmlElement) -> None:
    """Drop scripts, navigation, forms, footers, hidden parts, and page headers outside the article."""
    for element in list(root.iter()):
        tag = _tag(element)
        if not tag:
            _drop(element)
        elif (
            tag in DROP_TAGS
            or (element.get("role") or "").lower() in DROP_ROLES
            or _is_hidden(element)
            or (tag == "header" and not _inside(element, ("article", "main")))
        ):
            _drop(element)


def _pick_container(root: HtmlElement) -> HtmlElement | None:
    """The article, main or articleBody element holding the page's text, if the page marks one."""
    body_length = _text_length(root) or 1
    for path in CONTAINER_PATHS:
        found = sorted(root.xpath(path), key=_text_length, reverse=True)
        if found and _text_length(found[0]) >= MAIN_SHARE * body_length:
            return found[0]
    return None


def _best_by_paragraphs(root: HtmlElement) -> HtmlElement:
    """The element whose paragraphs hold the most prose (for pages that mark no article).

    Each paragraph scores for its ancestors, less at each level up, so the common
    ancestor of many sections beats any one of them, and an article beats the page.
    """
    scores: dict[HtmlElement, float] = {}
    for para in root.iter("p", "pre", "td", "blockquote"):
        length = _text_length(para)
        if length < 25:
            continue
        score = 1 + para.text_content().count(",") + min(length / 100, 3)
        for level, ancestor in enumerate(para.iterancestors()):
            if level >= SCORE_LEVELS:
                break
            scores[ancestor] = scores.get(ancestor, 0.0) + score / (level + 1)
    if not scores:
        body = root.find("body")
        return body if body is not None else root
    return max(scores, key=lambda element: scores[element])


def _drop_named_chrome(container: HtmlElement) -> None:
    """Drop descendants whose class or id names chrome, unless they hold most of the prose."""
    total = _text_length(container) or 1
    for element in list(container.iterdescendants()):
        if element.getparent() is None or not is_chrome_name(element):
            continue
        if _text_length(element) >= KEEP_SHARE * total and _link_density(element) < 0.3:
            continue
        _drop(element)


def _drop_link_lists(container: HtmlElement) -> None:
    """Drop blocks that are mostly links: menus, tag lists, 'related' lists, lone trailer links."""
    for element in list(container.iterdescendants()):
        if _tag(element) in KEEP_WHOLE or element.getparent() is None:
            continue
        if _text_length(element) > 0 and _link_density(element) >= LINK_DENSE:
            _drop(element)


def _drop_trailers(container: HtmlElement) -> None:
    """Drop 'read more' / 'download the full report' links, and the short block they end."""
    _, trailers = _vocabulary()
    for link in list(container.iter("a")):
        if link.getparent() is None or not any(cue in link.text_content().lower() for cue in trailers):
            continue
        block = link.getparent()
        while block is not None and _tag(block) in INLINE_PARENTS:
            block = block.getparent()
        if block is None or block is container:
            _drop(link)
            continue
        own_words = len(block.text_content().split()) - len(link.text_content().split())
        if own_words <= TRAILER_OWN_WORDS:
            _drop(block)  # the block is the trailer: 'Download the full report (PDF)'
        else:
            _drop(link)


def main_content(root: HtmlElement) -> HtmlElement:
    """The element holding the page's main text, with page chrome removed from it."""
    _drop_structural_chrome(root)
    container = _pick_container(root)
    if container is None:
        body = root.find("body")
        _drop_named_chrome(body if body is not None else root)
        container = _best_by_paragraphs(root)
    else:
        _drop_named_chrome(container)
    _drop_trailers(container)
    _drop_link_lists(container)
    return container
