"""Formatting and objects compared by what a reader sees, not by their bytes.

Run formatting is compared through each document's styles by :mod:`styles`, which
reads on/off values with :func:`on_off`; the key here is of run properties as written
(where no styles are at hand). Two spellings of the same run properties give the same
key here, so a file compared with its own re-save (LibreOffice, Word, a .doc round
trip) shows no change where nothing visible changed:

- on/off properties (``w:b``, ``w:rtl``...): ``<w:rtl/>``, ``w:val="true"``, ``"1"``
  and ``"on"`` are one value, ``"false"``, ``"0"`` and ``"off"`` another;
- ``w:rFonts/@w:hint`` (which font slot to try for ambiguous characters, no effect
  on the text shown) is ignored, and an ``w:rFonts`` left empty by that dropped;
- ``w:w w:val="100"`` (100 % width, the default) is the same as no ``w:w``;
- attribute and child order, revision-save ids (``w:rsid*``) and pending
  formatting revisions (``w:rPrChange``) are ignored;
- the formatting of runs that show nothing (field characters and instructions,
  comment anchors) is not compared;
- field instructions (``w:instrText``) are compared with their spaces collapsed
  (``" NOTEREF _Ref1 \\h "`` = ``"NOTEREF _Ref1 \\h"``);
- other objects (drawings, comment references...) are compared by their exclusive
  canonical XML, so namespace declarations a producer adds or drops do not count.
"""
from __future__ import annotations

from lxml import etree

from ..ooxml.ns import w

#: Run properties of type ST_OnOff (ECMA-376 Part 1, 17.3.2).
ON_OFF = frozenset(w(n) for n in (
    "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "rtl", "cs",
    "specVanish", "oMath",
))
_TRUE = {"true", "1", "on"}
_VAL = w("val")
_HINT = w("hint")
_RFONTS = w("rFonts")
_WIDTH = w("w")
_RPR_CHANGE = w("rPrChange")
_INSTR = w("instrText")
_DEL_INSTR = w("delInstrText")


def on_off(el: etree._Element) -> bool:
    """The value of an on/off property element (no ``w:val`` means on)."""
    val = el.get(_VAL)
    return val is None or val.strip().lower() in _TRUE


def rpr_key_of(rpr: etree._Element) -> str:
    """Canonical key of a ``w:rPr`` as written (see the module docstring for what it
    ignores); what a run shows through its styles is :mod:`styles`' key."""
    parts = []
    for child in rpr:
        tag = child.tag
        if tag.__class__ is not str or tag == _RPR_CHANGE:
            continue
        if tag in ON_OFF:
            parts.append(f"{tag}={'1' if on_off(child) else '0'}")
            continue
        attrs = sorted((k, v) for k, v in child.attrib.items() if "rsid" not in k and k != _HINT)
        if tag == _RFONTS and not attrs:
            continue
        if tag == _WIDTH and attrs == [(_VAL, "100")]:
            continue
        parts.append(f"{tag}{attrs}")
    return "|".join(sorted(set(parts)))


def instr_key(text: str | None) -> str:
    """Key of a field instruction: its words, spaces collapsed."""
    return "\x00instr:" + " ".join((text or "").split())


def object_xml_key(el: etree._Element) -> str:
    """Key of an object without a meaning of its own here: its exclusive canonical XML."""
    if el.tag in (_INSTR, _DEL_INSTR):
        return instr_key(el.text)
    return "\x00obj:" + etree.tostring(el, method="c14n", exclusive=True).decode("utf-8")


_FLD_CHAR = w("fldChar")
#: Run children whose run's formatting shows nothing (field characters and codes,
#: comment anchors, drawn in the margin): not compared.
INVISIBLE = frozenset({_FLD_CHAR, _INSTR, _DEL_INSTR, w("commentReference"), w("annotationRef")})
