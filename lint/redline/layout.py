"""Paragraph layout changes as ``w:pPrChange``: alignment, indentation, spacing, style...

A paragraph kept from OLD to NEW keeps NEW's paragraph properties; when they mean
something else than OLD's, a ``w:pPrChange`` holding OLD's properties is added, so
that Reject All restores OLD's layout. Compared by meaning: children in any
order, revision-save ids ignored, on/off values in any spelling, ``left``/``start``
and ``right``/``end`` alike. The paragraph mark's run properties (``w:rPr``), a
section break (``w:sectPr``) and earlier changes (``w:pPrChange``) are not part of
the comparison nor of the recorded old properties.

OLD's style or numbering is recorded only if NEW's package defines it (a missing
style would make Reject All fall back to the default style anyway).
"""
from __future__ import annotations

import copy

from lxml import etree

from ..ooxml.ns import w

_PPR = w("pPr")
_SKIP = {w("rPr"), w("sectPr"), w("pPrChange")}
_VAL = w("val")
_ON = {"1": "1", "true": "1", "on": "1", "0": "0", "false": "0", "off": "0"}
_SAME = {"start": "left", "end": "right"}
_JC = w("jc")
#: on/off properties of a paragraph (CT_OnOff): no ``w:val`` means on
_ONOFF = {w(t) for t in ("keepNext", "keepLines", "pageBreakBefore", "widowControl", "suppressLineNumbers",
                         "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
                         "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
                         "contextualSpacing", "mirrorIndents", "suppressOverlap")}


def _key(el: etree._Element) -> tuple:
    attrs = []
    for k, v in el.attrib.items():
        if "rsid" in k:
            continue
        if k == _VAL:
            if el.tag in _ONOFF:
                v = _ON.get(v, v)
            elif el.tag == _JC:
                v = _SAME.get(v, v)
        attrs.append((k, v))
    if el.tag in _ONOFF and not any(k == _VAL for k, _ in attrs):
        attrs.append((_VAL, "1"))
    kids = sorted(_key(c) for c in el if isinstance(c.tag, str))
    return (el.tag, tuple(sorted(attrs)), tuple(kids))


def _ppr(p: etree._Element) -> etree._Element | None:
    """A paragraph's ``w:pPr`` (its first child when present, as the schema wants)."""
    for child in p:
        return child if child.tag == _PPR else None
    return None


def _same_raw(a: etree._Element, b: etree._Element) -> bool:
    """Whether two properties are written alike (same children with the same attributes
    in the same order; the paragraph mark's ``w:rPr`` not looked into). Different ones
    are compared by :func:`layout_key`."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x.tag != y.tag:
            return False
        if x.tag in _SKIP:
            continue
        if x.items() != y.items() or ((len(x) or len(y)) and not _same_raw(x, y)):
            return False
    return True


def layout_key(ppr: etree._Element | None) -> tuple:
    """What a paragraph's properties mean for its layout (see the module docstring)."""
    if ppr is None:
        return ()
    return tuple(sorted(_key(c) for c in ppr if isinstance(c.tag, str) and c.tag not in _SKIP))


def _style_name(st: etree._Element) -> str | None:
    """A style's name as Word and LibreOffice agree on it ("footnote text" = "Footnote Text")."""
    name = st.find(w("name"))
    value = name.get(_VAL) if name is not None else None
    return "".join(value.split()).lower() if value else None


class Layout:
    """Paragraph layout as a reader sees it: style, alignment and indentation, each
    taken from the paragraph, else its style chain (``w:basedOn``), else the document
    defaults, all read in NEW's styles (those the redline is shown with, Reject
    All included). NEW's styles part is parsed only when two paragraphs' raw
    properties differ. OLD's style is the style of NEW with the same name when OLD's id
    is not one of NEW's (LibreOffice saves Word's "FootnoteText" as "Footnote", named
    "Footnote Text"): a renamed id is not a change a reader sees.
    """

    def __init__(self, styles, old_styles=None) -> None:  # type: ignore[no-untyped-def]
        self._styles_source = styles  # callable returning NEW's w:styles root (or None)
        self._old_source = old_styles  # callable returning OLD's w:styles root (or None)
        self._renamed: dict[str, str] | None = None  # OLD's style id -> NEW's id of that name
        self._by_name: dict[str, str] = {}
        self._loaded = False
        self._ppr: dict[str, etree._Element | None] = {}
        self._based: dict[str, str | None] = {}
        self._default: str | None = None
        self._doc_ppr: etree._Element | None = None

    def _load(self) -> None:
        self._loaded = True
        root = self._styles_source()
        if root is None:
            return
        self._doc_ppr = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{_PPR}")
        named_normal = None
        for st in root.iter(w("style")):
            if st.get(w("type")) != "paragraph":
                continue
            sid = st.get(w("styleId"))
            self._ppr[sid] = st.find(_PPR)
            based = st.find(w("basedOn"))
            self._based[sid] = based.get(_VAL) if based is not None else None
            if st.get(w("default")) in ("1", "true", "on") and self._default is None:
                self._default = sid
            name = _style_name(st)
            if name is not None:
                self._by_name.setdefault(name, sid)
            if named_normal is None and name == "normal":
                named_normal = sid
        if self._default is None:  # no style marked default: Word takes the one named Normal
            self._default = named_normal if named_normal is not None else (
                "Normal" if "Normal" in self._ppr else None)

    def _renamed_in_new(self, sid: str) -> str | None:
        """NEW's id of the style OLD calls ``sid`` (by name), if NEW has no ``sid``."""
        if self._renamed is None:
            self._renamed = {}
            root = self._old_source() if self._old_source is not None else None
            for st in root.iter(w("style")) if root is not None else ():
                old_id, name = st.get(w("styleId")), _style_name(st)
                if st.get(w("type")) == "paragraph" and old_id and name in self._by_name:
                    self._renamed[old_id] = self._by_name[name]
        return self._renamed.get(sid)

    def _chain(self, ppr: etree._Element | None, old: bool = False) -> tuple[str | None, list]:
        """The paragraph's style id and its properties, nearest first (``old``: a paragraph
        of OLD, whose style may have another id in NEW)."""
        if not self._loaded:
            self._load()
        st = ppr.find(w("pStyle")) if ppr is not None else None
        sid = st.get(_VAL) if st is not None else None
        if sid is not None and sid not in self._ppr and old:
            sid = self._renamed_in_new(sid)
        if sid not in self._ppr:
            sid = self._default
        chain = [ppr]
        seen: set = set()
        cur = sid
        while cur is not None and cur in self._ppr and cur not in seen:
            seen.add(cur)
            chain.append(self._ppr[cur])
            cur = self._based.get(cur)
        chain.append(self._doc_ppr)
        return sid, [c for c in chain if c is not None]

    def seen(self, ppr: etree._Element | None, old: bool = False) -> tuple:
        """(style, alignment, left, right, first-line) of a paragraph with ``ppr`` (``old``:
        of OLD); (style, "rtl") for a right-to-left paragraph (see :meth:`track`)."""
        sid, chain = self._chain(ppr, old)
        bidi = next((c.find(w("bidi")) for c in chain if c.find(w("bidi")) is not None), None)
        if bidi is not None and _ON.get(bidi.get(_VAL, "1"), "1") == "1":
            return sid, "rtl"
        jc = next((c.find(_JC).get(_VAL) for c in chain if c.find(_JC) is not None), None)
        jc = _SAME.get(jc, jc) or "left"
        inds = [c.find(w("ind")) for c in chain if c.find(w("ind")) is not None]

        def attr(*names: str) -> str:
            for ind in inds:
                for n in names:
                    v = ind.get(w(n))
                    if v is not None:
                        return v
            return "0"

        first = "0"
        for ind in inds:
            if ind.get(w("firstLine")) is not None or ind.get(w("hanging")) is not None:
                hanging = ind.get(w("hanging"))
                first = "-" + hanging if hanging not in (None, "0") else ind.get(w("firstLine"), "0")
                break
        return sid, jc, attr("start", "left"), attr("end", "right"), first

    def track(self, old_p: etree._Element, new_p: etree._Element, ctx) -> bool:  # type: ignore[no-untyped-def]
        """Add a ``w:pPrChange`` to ``new_p`` if its layout differs from ``old_p``'s; say if it did.

        Right-to-left paragraphs are compared by style alone: LibreOffice writes their
        alignment and indents in its own terms (left and right swapped, kashida
        justification as ``left``), which would show as changes on every re-save."""
        old, new = _ppr(old_p), _ppr(new_p)
        if old is None and new is None:
            return False
        if old is not None and new is not None and _same_raw(old, new):
            return False
        if layout_key(old) == layout_key(new):
            return False
        seen_old, seen_new = self.seen(old, old=True), self.seen(new)
        if seen_old == seen_new or (seen_old[0] == seen_new[0] and "rtl" in (seen_old[1], seen_new[1])):
            return False
        return track_layout(old_p, new_p, ctx)


def track_layout(old_p: etree._Element, new_p: etree._Element, ctx) -> bool:  # type: ignore[no-untyped-def]
    """Add to ``new_p`` a ``w:pPrChange`` recording ``old_p``'s properties (unless both
    have the same properties by :func:`layout_key`); say if it did."""
    old, new = old_p.find(_PPR), new_p.find(_PPR)
    if layout_key(old) == layout_key(new):
        return False
    if new is None:
        new = etree.Element(_PPR)
        new_p.insert(0, new)
    for ch in new.findall(w("pPrChange")):
        new.remove(ch)
    change = ctx.rev("pPrChange")
    inner = etree.SubElement(change, _PPR)
    for ch in old if old is not None else ():
        if not isinstance(ch.tag, str) or ch.tag in _SKIP:
            continue
        if ch.tag == w("pStyle") and ch.get(_VAL) not in ctx.styles:
            continue
        if ch.tag == w("numPr"):
            nid = ch.find(w("numId"))
            if nid is None or (nid.get(_VAL) != "0" and nid.get(_VAL) not in ctx.num_ids):
                continue
        inner.append(copy.deepcopy(ch))
    new.append(change)  # last child of w:pPr, after w:rPr and w:sectPr
    return True
