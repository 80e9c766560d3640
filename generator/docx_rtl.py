"""Right-to-left in WordprocessingML: w:bidi, w:rtl, w:rFonts w:cs, w:bidiVisual, in schema order."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

#: Children of w:pPr that come after w:bidi (ECMA-376 CT_PPrBase order).
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
               "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
               "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
#: Children of w:rPr that come after w:rFonts, and after w:rtl.
_AFTER_RFONTS = ("w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike", "w:outline",
                 "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
                 "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u",
                 "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                 "w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_RTL = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
#: Children of w:tblPr that come after w:bidiVisual.
_AFTER_BIDI_VISUAL = ("w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing",
                      "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                      "w:tblCaption", "w:tblDescription", "w:tblPrChange")
#: Children of w:sectPr that come after w:bidi.
_AFTER_SECT_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def _child(parent: BaseOxmlElement, tag: str, successors: tuple[str, ...]) -> BaseOxmlElement:
    """``parent``'s ``tag`` child, inserted before the first of ``successors`` when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    parent.insert_element_before(element, *successors)
    return element


def set_paragraph_rtl(paragraph_element: BaseOxmlElement) -> None:
    """Mark a w:p right to left; its alignment is left unset so it falls to the start (right) side."""
    ppr = paragraph_element.get_or_add_pPr()
    _child(ppr, "w:bidi", _AFTER_BIDI)
    jc = ppr.find(qn("w:jc"))
    if jc is not None:
        ppr.remove(jc)


def set_run_fonts(run_element: BaseOxmlElement, font: str, *, rtl: bool) -> None:
    """The run's Latin and complex-script fonts, and w:rtl when its text is right to left."""
    rpr = run_element.get_or_add_rPr()
    fonts = _child(rpr, "w:rFonts", _AFTER_RFONTS)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), font)
    if rtl:
        _child(rpr, "w:rtl", _AFTER_RTL)


def set_table_rtl(table_element: BaseOxmlElement) -> None:
    """Lay a table's columns out right to left (w:bidiVisual)."""
    tblpr = table_element.tblPr
    _child(tblpr, "w:bidiVisual", _AFTER_BIDI_VISUAL)


def set_section_rtl(sect_pr: BaseOxmlElement) -> None:
    """Page furniture and columns of a section right to left."""
    _child(sect_pr, "w:bidi", _AFTER_SECT_BIDI)


def set_style_fonts(style_element: BaseOxmlElement, font: str, lang: str, *, rtl: bool) -> None:
    """A style's fonts (Latin and complex script), and its bidi language."""
    rpr = style_element.get_or_add_rPr()
    fonts = _child(rpr, "w:rFonts", _AFTER_RFONTS)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    language = _child(rpr, "w:lang", ("w:eastAsianLayout", "w:specVanish", "w:oMath"))
    language.set(qn("w:val"), "en-GB" if not rtl else "ar-SY")
    if rtl:
        language.set(qn("w:bidi"), "ar-SY")
