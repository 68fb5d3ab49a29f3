"""Formatting and objects compared by what a reader sees, not by their bytes.

Two spellings of the same run properties give the same key here, so a file
compared with its own re-save (LibreOffice, Word, a .doc round trip) shows no
change where nothing visible changed:

- on/off properties (``w:b``, ``w:rtl``...): ``<w:rtl/>``, ``w:val="true"``, ``"1"``
  and ``"on"`` are one value, ``"false"``, ``"0"`` and ``"off"`` another;
- ``w:rFonts/@w:hint`` (which font slot to try for ambiguous characters, no effect
  on the text shown) is ignored, and an ``w:rFonts`` left empty by that dropped;
- ``w:w w:val="100"`` (100 % width, the default) is the same as no ``w:w``;
- attribute and child order, revision-save ids (``w:rsid*``) and pending
  formatting revisions (``w:rPrChange``) are ignored;
- a character style is compared by the formatting it gives (when the styles are
  known), not by its id, which LibreOffice renames;
- the formatting of runs that show nothing (field characters and instructions,
  comment anchors) is not compared;
- field instructions (``w:instrText``) are compared with their spaces collapsed
  (``" NOTEREF _Ref1 \\h "`` = ``"NOTEREF _Ref1 \\h"``);
- other objects (drawings, comment references...) are compared by their exclusive
  canonical XML, so namespace declarations a producer adds or drops do not count.
"""
from __future__ import annotations

import io
import re

from lxml import etree

from ..ooxml.ns import W, w

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
_RSTYLE_TAG = w("rStyle")
_DEL_INSTR = w("delInstrText")


def on_off(el: etree._Element) -> bool:
    """The value of an on/off property element (no ``w:val`` means on)."""
    val = el.get(_VAL)
    return val is None or val.strip().lower() in _TRUE


def rpr_key_of(rpr: etree._Element, styles: "dict[str, str] | LazyStyles | None" = None) -> str:
    """Canonical key of a ``w:rPr`` (see the module docstring for what it ignores).

    With ``styles`` (from :func:`character_styles`), a character style known there is
    keyed by the formatting it gives, not by its id."""
    parts = []
    for child in rpr:
        tag = child.tag
        if tag.__class__ is not str or tag == _RPR_CHANGE:
            continue
        if styles is not None and tag == _RSTYLE_TAG:
            given = styles.get(child.get(_VAL))
            if given is not None:
                parts.append(f"{tag}{{{given}}}")
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


_STYLE, _STYLE_ID, _TYPE_ATTR = w("style"), w("styleId"), w("type")
_BASED_ON, _RPR, _RSTYLE = w("basedOn"), w("rPr"), w("rStyle")
_FLD_CHAR = w("fldChar")
#: Run children whose run's formatting shows nothing (field characters and codes,
#: comment anchors, drawn in the margin): not compared.
INVISIBLE = frozenset({_FLD_CHAR, _INSTR, _DEL_INSTR, w("commentReference"), w("annotationRef")})


def character_styles(data: bytes | None) -> dict[str, str]:
    """Each character style's id mapped to the key of the run properties it gives
    (its ``w:basedOn`` chain merged), so that a style renamed by a re-save (Word's
    ``FootnoteReference`` saved by LibreOffice as ``FootnoteCharacters``) compares
    equal when it formats the same way.

    ``data`` is the styles part's bytes, read style by style and never kept whole
    (styles.xml of the UN templates is 350 KB); unreadable bytes give no styles."""
    if not data or b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        return {}
    own: dict[str, tuple[str | None, list[tuple[str, dict]]]] = {}
    try:
        for st in _character_style_elements(data):
            if st.get(_TYPE_ATTR) == "character":
                based = st.find(_BASED_ON)
                rpr = st.find(_RPR)
                props = [(ch.tag, dict(ch.attrib)) for ch in rpr if ch.tag.__class__ is str] if rpr is not None else []
                own[st.get(_STYLE_ID) or ""] = (based.get(_VAL) if based is not None else None, props)
    except etree.XMLSyntaxError:
        return {}
    out: dict[str, str] = {}
    for sid in own:
        merged: dict[str, dict] = {}
        chain, seen, cur = [], set(), sid
        while cur in own and cur not in seen:  # a basedOn loop is cut where it closes
            seen.add(cur)
            chain.append(own[cur][1])
            cur = own[cur][0]
        for props in reversed(chain):
            merged.update(props)
        holder = etree.Element(_RPR)
        for tag, attrib in merged.items():
            if tag != _RSTYLE:
                holder.append(etree.Element(tag, attrib))
        out[sid] = rpr_key_of(holder)
    return out


_SAFE = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_ROOT_TAG = re.compile(rb"<w:styles\b[^>]*>")
_CHARACTER_STYLE = re.compile(rb'<w:style\b[^>]*?\sw:type="character"[^>]*?(?:/>|>.*?</w:style>)', re.S)
_W_BYTES = W.encode()


def _character_style_elements(data: bytes):  # type: ignore[no-untyped-def]
    """The ``w:style`` elements of a styles part that may be character styles.

    When the bytes are plain (the WordprocessingML namespace bound once, to ``w``, and
    no comment, CDATA or processing instruction past the declaration), only the
    character styles' text is cut out and parsed (a few dozen of several hundred
    styles); otherwise the part is read style by style."""
    root = _ROOT_TAG.search(data)
    if (root is not None and data.count(_W_BYTES) == 1 and b'xmlns:w="' + _W_BYTES + b'"' in root.group()
            and b"<!--" not in data and b"<![CDATA[" not in data and data.count(b"<?") <= 1
            and b"w:type='" not in data):
        chunks = _CHARACTER_STYLE.findall(data)
        yield from etree.fromstring(root.group() + b"".join(chunks) + b"</w:styles>", etree.XMLParser(**_SAFE))
        return
    for _, st in etree.iterparse(io.BytesIO(data), events=("end",), tag=_STYLE, **_SAFE):
        yield st
        st.clear()
        while st.getprevious() is not None:
            del st.getparent()[0]


class LazyStyles:
    """:func:`character_styles` of a styles part read on first use (most diffs never
    meet a character style in a changed paragraph, and styles.xml can be large)."""

    __slots__ = ("_load", "_styles")

    def __init__(self, load) -> None:  # type: ignore[no-untyped-def]
        self._load = load  # callable() -> the styles part's bytes or None
        self._styles: dict[str, str] | None = None

    def get(self, style_id: str | None) -> str | None:
        if self._styles is None:
            self._styles = character_styles(self._load())
        return self._styles.get(style_id) if style_id is not None else None
