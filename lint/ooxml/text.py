"""Reading WordprocessingML paragraphs into segments of visible text.

Resolves what a reader sees: text inside hyperlinks, smart tags, content controls and
custom XML; the results (not the codes) of simple and complex fields; NOTEREF fields;
footnote references; tracked insertions and deletions (kept apart, so callers can build
the accepted or the original view).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .ns import R, first_child, w, wval
from ..errors import InputError
from . import symbol_fonts
from .numbering import StyleNumbering, clamp_ilvl, to_int

# Clark names of the WordprocessingML tags read below (computed once: the readers are hot loops).
W_anchor = w("anchor")
W_bdo = w("bdo")
W_bookmarkEnd = w("bookmarkEnd")
W_bookmarkStart = w("bookmarkStart")
W_br = w("br")
W_char = w("char")
W_font = w("font")
W_commentRangeEnd = w("commentRangeEnd")
W_commentRangeStart = w("commentRangeStart")
W_commentReference = w("commentReference")
W_cr = w("cr")
W_customMarkFollows = w("customMarkFollows")
W_customXml = w("customXml")
W_del = w("del")
W_delText = w("delText")
W_dir = w("dir")
W_endnoteRef = w("endnoteRef")
W_endnoteReference = w("endnoteReference")
W_fldChar = w("fldChar")
W_fldCharType = w("fldCharType")
W_fldSimple = w("fldSimple")
W_footnoteRef = w("footnoteRef")
W_footnoteReference = w("footnoteReference")
W_hyperlink = w("hyperlink")
W_id = w("id")
W_i = w("i")
W_b = w("b")
W_val = w("val")
W_ilvl = w("ilvl")
W_ins = w("ins")
W_instr = w("instr")
W_instrText = w("instrText")
W_lang = w("lang")
W_moveFrom = w("moveFrom")
W_moveTo = w("moveTo")
W_name = w("name")
W_noBreakHyphen = w("noBreakHyphen")
W_numId = w("numId")
W_numPr = w("numPr")
W_p = w("p")
W_pPr = w("pPr")
W_pStyle = w("pStyle")
W_ptab = w("ptab")
W_r = w("r")
W_rPr = w("rPr")
W_rStyle = w("rStyle")
W_sdt = w("sdt")
W_sdtContent = w("sdtContent")
W_smartTag = w("smartTag")
W_sym = w("sym")
W_ruby, W_rubyBase = w("ruby"), w("rubyBase")
W_t = w("t")
W_tab = w("tab")
W_tbl = w("tbl")
W_tc = w("tc")
W_tr = w("tr")
W_vertAlign = w("vertAlign")

_T = W_t
_DELTEXT = W_delText
_R = W_r
_P = W_p
_TBL = W_tbl
_SDT = W_sdt
_SDTCONTENT = W_sdtContent
_CUSTOMXML = W_customXml
_NOTEREF = re.compile(r"^\s*NOTEREF\s+(\S+)", re.IGNORECASE)
_HYPERLINK_INSTR = re.compile(r'^\s*HYPERLINK\s+"([^"]*)"', re.IGNORECASE)


@dataclass(slots=True)
class Seg:
    """A piece of a paragraph with one set of properties."""

    text: str
    kind: str = "text"  # text | footnote | noteref | endnote
    italic: bool = False
    bold: bool = False
    superscript: bool = False
    deleted: bool = False
    inserted: bool = False
    hyperlink: str | None = None
    element: Any = None  # the w:t / w:delText / w:r element the text came from
    footnote_id: str | None = None
    custom_mark: bool = False
    bookmark: str | None = None  # NOTEREF target
    bookmarks_open: tuple[str, ...] = ()


@dataclass
class RawParagraph:
    element: Any
    style_id: str | None
    num_id: str | None
    ilvl: int | None
    segs: list[Seg] = field(default_factory=list)
    mark_deleted: bool = False
    mark_inserted: bool = False
    lang: str | None = None
    in_table: bool = False
    bookmarks: list[tuple[str, int]] = field(default_factory=list)  # name, seg index where it starts
    #: Comment anchors: ("start" | "end" | "ref", comment id, seg index where the mark sits).
    comment_marks: list[tuple[str, str, int]] = field(default_factory=list)


_BLOCK_WRAPPERS = (_CUSTOMXML, W_ins, W_del, W_moveTo, W_moveFrom)
#: Inline wrappers (hyperlinks, content controls, smart tags...) nested deeper than this are refused.
MAX_INLINE_DEPTH = 200


def _wrapped(el, tag: str) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """Children of ``el`` with ``tag``, also when wrapped in content controls or custom XML."""
    stack = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDTCONTENT)
            if content is not None:
                stack.append(iter(content))
        elif child.tag == _CUSTOMXML:
            stack.append(iter(child))


def iter_paragraphs(container, in_table: bool = False) -> Iterator[tuple[Any, bool]]:  # type: ignore[no-untyped-def]
    """Block-level paragraphs in document order, through tables, content controls and custom XML.

    Iterative (an explicit stack), so that tables or content controls nested as deep as the
    XML parser allows cannot exhaust Python's recursion limit.
    """
    stack: list[tuple[Iterator[Any], bool]] = [(iter(container), in_table)]
    while stack:
        children, inside = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag == _P:
            yield child, inside
        elif tag == _TBL:
            cells = (cell for row in _wrapped(child, W_tr) for cell in _wrapped(row, W_tc))
            stack.append((cells, True))
        elif tag == W_tc:
            stack.append((iter(child), True))
        elif tag == _SDT:
            content = child.find(_SDTCONTENT)
            if content is not None:
                stack.append((iter(content), inside))
        elif tag in _BLOCK_WRAPPERS:
            stack.append((iter(child), inside))


#: Only the start of a field instruction matters (NOTEREF, HYPERLINK); the rest is not kept.
MAX_INSTR_CHARS = 4096


class _FieldStack(list):  # type: ignore[type-arg]
    """The open fields, innermost last; knows in constant time whether text is visible.

    Only the innermost field changes phase (instruction -> result), so whether all the
    fields under it show their result is fixed when it is pushed: a file with thousands of
    fields left open does not make each run cost a walk over all of them.
    """

    def __init__(self) -> None:
        super().__init__()
        self.below_visible: list[bool] = []

    def append(self, entry: dict[str, Any]) -> None:  # type: ignore[override]
        ok = not self or (self.below_visible[-1] and self[-1]["phase"] == "result")
        self.below_visible.append(ok)
        super().append(entry)

    def pop(self, index: int = -1) -> dict[str, Any]:  # type: ignore[override]
        if index not in (-1, len(self) - 1):
            raise ValueError("only the innermost field can be closed")
        self.below_visible.pop()
        return super().pop()


class _FieldState:
    """Complex fields (fldChar begin/separate/end) may span runs and paragraphs."""

    def __init__(self) -> None:
        self.stack: list[dict[str, Any]] = _FieldStack()

    def visible(self) -> bool:
        stack = self.stack
        return not stack or (stack.below_visible[-1] and stack[-1]["phase"] == "result")  # type: ignore[attr-defined]

    def innermost(self) -> dict[str, Any] | None:
        return self.stack[-1] if self.stack else None


_OFF = ("0", "false", "off")


class ParagraphReader:
    """Reads ``w:p`` elements of one story (body, footnotes) into :class:`RawParagraph`."""

    def __init__(self, styles: StyleNumbering, rels: dict[str, tuple[str, str, str]] | None = None) -> None:
        self.styles = styles
        self.rels = rels or {}
        self.fields = _FieldState()

    def read(self, p, in_table: bool = False) -> RawParagraph:  # type: ignore[no-untyped-def]
        ppr = first_child(p, W_pPr)
        style_id = num_id = None
        ilvl = None
        mark_deleted = mark_inserted = False
        lang = None
        if ppr is not None:
            ps = numpr = mark = None
            for el in ppr:  # one pass; the first of each kind counts, as with find()
                tag = el.tag
                if tag == W_pStyle:
                    ps = el if ps is None else ps
                elif tag == W_numPr:
                    numpr = el if numpr is None else numpr
                elif tag == W_rPr:
                    mark = el if mark is None else mark
            style_id = wval(ps) if ps is not None else None
            if numpr is not None:
                el = first_child(numpr, W_numId)
                num_id = wval(el) if el is not None else None
                el = first_child(numpr, W_ilvl)
                ilvl = clamp_ilvl(to_int(wval(el) if el is not None else None))
            if mark is not None:  # the paragraph mark's properties: tracked, and its language
                found = None
                for el in mark:
                    tag = el.tag
                    if tag == W_del or tag == W_moveFrom:
                        mark_deleted = True
                    elif tag == W_ins or tag == W_moveTo:
                        mark_inserted = True
                    elif tag == W_lang and found is None:
                        found = el
                lang = wval(found) if found is not None else None
        raw = RawParagraph(p, style_id, num_id, ilvl, mark_deleted=mark_deleted,
                           mark_inserted=mark_inserted, lang=lang, in_table=in_table)
        self._open_bookmarks: list[str] = []
        # Formatting a run inherits from the paragraph style when it sets none itself.
        self._p_italic = self.styles.run_flag(style_id, "i") or False
        self._p_bold = self.styles.run_flag(style_id, "b") or False
        self._walk(p, raw, deleted=False, inserted=False, link=None, style_id=style_id)
        return raw

    # -- walking ----------------------------------------------------------------------------
    def _walk(self, el, raw: RawParagraph, deleted: bool, inserted: bool, link: str | None,  # type: ignore[no-untyped-def]
              style_id: str | None) -> None:
        """Walk ``el``'s children, refusing (not overflowing the stack on) absurdly deep nesting."""
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_INLINE_DEPTH:
                raise InputError(f"content nested more than {MAX_INLINE_DEPTH} levels deep in one paragraph "
                                 "(hyperlinks, content controls, smart tags, revisions or fields)")
            self._walk_children(el, raw, deleted, inserted, link, style_id)
        finally:
            self._depth -= 1

    def _walk_children(self, el, raw: RawParagraph, deleted: bool, inserted: bool, link: str | None,  # type: ignore[no-untyped-def]
              style_id: str | None) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == _R:
                self._run(child, raw, deleted, inserted, link, style_id)
            elif tag in (W_ins, W_moveTo):
                self._walk(child, raw, deleted, True, link, style_id)
            elif tag in (W_del, W_moveFrom):
                self._walk(child, raw, True, inserted, link, style_id)
            elif tag == W_hyperlink:
                target = None
                rid = child.get("{%s}id" % R)
                if rid and rid in self.rels:
                    target = self.rels[rid][1]
                elif child.get(W_anchor):
                    target = "#" + child.get(W_anchor)
                self._walk(child, raw, deleted, inserted, target, style_id)
            elif tag == _SDT:
                content = child.find(_SDTCONTENT)
                if content is not None:
                    self._walk(content, raw, deleted, inserted, link, style_id)
            elif tag in (W_smartTag, _CUSTOMXML, W_bdo, W_dir):
                self._walk(child, raw, deleted, inserted, link, style_id)
            elif tag == W_fldSimple:
                instr = child.get(W_instr) or ""
                m = _NOTEREF.match(instr)
                if m:
                    self.fields.stack.append({"instr": instr, "phase": "result", "noteref": m.group(1)})
                    self._walk(child, raw, deleted, inserted, link, style_id)
                    self.fields.stack.pop()
                else:
                    hl = _HYPERLINK_INSTR.match(instr)
                    self._walk(child, raw, deleted, inserted, hl.group(1) if hl else link, style_id)
            elif tag == W_bookmarkStart:
                name = child.get(W_name)
                if name:
                    self._open_bookmarks.append(name)
                    raw.bookmarks.append((name, len(raw.segs)))
            elif tag == W_bookmarkEnd:
                pass
            elif tag in (W_commentRangeStart, W_commentRangeEnd):
                kind = "start" if tag == W_commentRangeStart else "end"
                raw.comment_marks.append((kind, child.get(W_id) or "", len(raw.segs)))

    def _run(self, r, raw: RawParagraph, deleted: bool, inserted: bool, link: str | None,  # type: ignore[no-untyped-def]
             pstyle: str | None) -> None:
        italic = bold = rstyle = valign = None
        kids = list(r)  # the run's children and their tags, read once for both passes
        tags = [kid.tag for kid in kids]
        rpr = kids[tags.index(W_rPr)] if W_rPr in tags else None
        if rpr is not None:
            for el in rpr:  # one pass over the run properties
                tag = el.tag
                if tag == W_i:
                    italic = el.get(W_val) not in _OFF
                elif tag == W_b:
                    bold = el.get(W_val) not in _OFF
                elif tag == W_rStyle:
                    rstyle = el.get(W_val)
                elif tag == W_vertAlign:
                    valign = el.get(W_val)
                elif tag == W_lang and raw.lang is None:
                    raw.lang = el.get(W_val)
        styles = self.styles
        if italic is None:
            italic = styles.run_flag(rstyle, "i") if rstyle is not None else None
            if italic is None:
                italic = self._p_italic
        if bold is None:
            bold = styles.run_flag(rstyle, "b") if rstyle is not None else None
            if bold is None:
                bold = self._p_bold
        if valign is None and rstyle is not None:
            valign = styles.vert_align(rstyle)
        sup = valign == "superscript"
        fields = self.fields
        custom_mark_pending = False
        for child, tag in zip(kids, tags):
            if tag == _T and not fields.stack:  # the common case: plain text outside fields
                text = child.text
                if text:
                    if custom_mark_pending and raw.segs and raw.segs[-1].kind == "footnote":
                        raw.segs[-1].text += text
                    else:
                        raw.segs.append(Seg(text, "text", italic, bold, sup, deleted, inserted, link, child))
                continue
            if tag == W_fldChar:
                kind = child.get(W_fldCharType)
                if kind == "begin":
                    fields.stack.append({"instr": "", "phase": "instr", "noteref": None})
                elif kind == "separate" and fields.stack:
                    top = fields.stack[-1]
                    top["phase"] = "result"
                    m = _NOTEREF.match(top["instr"])
                    if m:
                        top["noteref"] = m.group(1)
                    hl = _HYPERLINK_INSTR.match(top["instr"])
                    if hl:
                        top["link"] = hl.group(1)
                elif kind == "end" and fields.stack:
                    fields.stack.pop()
                continue
            if tag == W_instrText:
                if fields.stack and fields.stack[-1]["phase"] == "instr" \
                        and len(fields.stack[-1]["instr"]) < MAX_INSTR_CHARS:
                    fields.stack[-1]["instr"] += child.text or ""
                continue
            if tag == W_ruby:
                # Ruby (phonetic guide): the base text is the text; the reading above it is kept aside.
                base = child.find(W_rubyBase)
                for base_run in (base if base is not None else ()):
                    if base_run.tag == W_r:
                        self._run(base_run, raw, deleted, inserted, link, pstyle)
                continue
            if not fields.visible():
                continue
            top = fields.innermost()
            seg_kind = "noteref" if top and top.get("noteref") else "text"
            seg_link = (top.get("link") if top else None) or link
            text = None
            if tag == _T or tag == _DELTEXT:
                text = child.text or ""
                is_del = deleted or tag == _DELTEXT
            elif tag == W_tab or tag == W_ptab:
                text, is_del = "\t", deleted
            elif tag in (W_br, W_cr):
                text, is_del = "\n", deleted
            elif tag == W_noBreakHyphen:
                text, is_del = "\u2011", deleted
            elif tag == W_sym:
                text = symbol_fonts.shown(child.get(W_font), child.get(W_char))
                is_del = deleted
            elif tag in (W_footnoteReference, W_endnoteReference):
                custom = child.get(W_customMarkFollows) in ("1", "true", "on")
                raw.segs.append(Seg("", "footnote" if tag == W_footnoteReference else "endnote",
                                    italic, bold, True, deleted, inserted, seg_link, r,
                                    footnote_id=child.get(W_id), custom_mark=custom,
                                    bookmarks_open=tuple(self._open_bookmarks)))
                self._open_bookmarks = []
                custom_mark_pending = custom
                continue
            elif tag == W_commentReference:
                raw.comment_marks.append(("ref", child.get(W_id) or "", len(raw.segs)))
                continue
            elif tag == W_footnoteRef or tag == W_endnoteRef:
                raw.segs.append(Seg("", "footnote-self", italic, bold, True, deleted, inserted, seg_link, r))
                continue
            else:
                continue
            if not text:
                continue
            if custom_mark_pending and raw.segs and raw.segs[-1].kind == "footnote":
                raw.segs[-1].text += text  # the custom mark shown for the reference
                continue
            seg = Seg(text, seg_kind, italic, bold, sup, is_del, inserted, seg_link, child)
            if seg_kind == "noteref":
                seg.bookmark = top["noteref"]  # type: ignore[index]
            raw.segs.append(seg)
