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

from .ns import R, w, wval
from ..errors import InputError
from .numbering import StyleNumbering, clamp_ilvl, to_int

_T = w("t")
_DELTEXT = w("delText")
_R = w("r")
_P = w("p")
_TBL = w("tbl")
_SDT = w("sdt")
_SDTCONTENT = w("sdtContent")
_CUSTOMXML = w("customXml")
_NOTEREF = re.compile(r"^\s*NOTEREF\s+(\S+)", re.IGNORECASE)
_HYPERLINK_INSTR = re.compile(r'^\s*HYPERLINK\s+"([^"]*)"', re.IGNORECASE)


@dataclass
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


_BLOCK_WRAPPERS = (_CUSTOMXML, w("ins"), w("del"), w("moveTo"), w("moveFrom"))
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
            cells = (cell for row in _wrapped(child, w("tr")) for cell in _wrapped(row, w("tc")))
            stack.append((cells, True))
        elif tag == w("tc"):
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


def _flag(rpr, tag: str) -> bool | None:  # type: ignore[no-untyped-def]
    if rpr is None:
        return None
    el = rpr.find(w(tag))
    if el is None:
        return None
    return wval(el) not in ("0", "false", "off")


class ParagraphReader:
    """Reads ``w:p`` elements of one story (body, footnotes) into :class:`RawParagraph`."""

    def __init__(self, styles: StyleNumbering, rels: dict[str, tuple[str, str, str]] | None = None) -> None:
        self.styles = styles
        self.rels = rels or {}
        self.fields = _FieldState()

    def read(self, p, in_table: bool = False) -> RawParagraph:  # type: ignore[no-untyped-def]
        ppr = p.find(w("pPr"))
        style_id = num_id = None
        ilvl = None
        mark_deleted = mark_inserted = False
        lang = None
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            style_id = wval(ps) if ps is not None else None
            numpr = ppr.find(w("numPr"))
            if numpr is not None:
                el = numpr.find(w("numId"))
                num_id = wval(el) if el is not None else None
                el = numpr.find(w("ilvl"))
                ilvl = clamp_ilvl(to_int(wval(el) if el is not None else None))
            mark = ppr.find(w("rPr"))
            if mark is not None:
                mark_deleted = mark.find(w("del")) is not None or mark.find(w("moveFrom")) is not None
                mark_inserted = mark.find(w("ins")) is not None or mark.find(w("moveTo")) is not None
                el = mark.find(w("lang"))
                lang = wval(el) if el is not None else None
        raw = RawParagraph(p, style_id, num_id, ilvl, mark_deleted=mark_deleted,
                           mark_inserted=mark_inserted, lang=lang, in_table=in_table)
        self._open_bookmarks: list[str] = []
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
            elif tag in (w("ins"), w("moveTo")):
                self._walk(child, raw, deleted, True, link, style_id)
            elif tag in (w("del"), w("moveFrom")):
                self._walk(child, raw, True, inserted, link, style_id)
            elif tag == w("hyperlink"):
                target = None
                rid = child.get("{%s}id" % R)
                if rid and rid in self.rels:
                    target = self.rels[rid][1]
                elif child.get(w("anchor")):
                    target = "#" + child.get(w("anchor"))
                self._walk(child, raw, deleted, inserted, target, style_id)
            elif tag == _SDT:
                content = child.find(_SDTCONTENT)
                if content is not None:
                    self._walk(content, raw, deleted, inserted, link, style_id)
            elif tag in (w("smartTag"), _CUSTOMXML, w("bdo"), w("dir")):
                self._walk(child, raw, deleted, inserted, link, style_id)
            elif tag == w("fldSimple"):
                instr = child.get(w("instr")) or ""
                m = _NOTEREF.match(instr)
                if m:
                    self.fields.stack.append({"instr": instr, "phase": "result", "noteref": m.group(1)})
                    self._walk(child, raw, deleted, inserted, link, style_id)
                    self.fields.stack.pop()
                else:
                    hl = _HYPERLINK_INSTR.match(instr)
                    self._walk(child, raw, deleted, inserted, hl.group(1) if hl else link, style_id)
            elif tag == w("bookmarkStart"):
                name = child.get(w("name"))
                if name:
                    self._open_bookmarks.append(name)
                    raw.bookmarks.append((name, len(raw.segs)))
            elif tag == w("bookmarkEnd"):
                pass
            elif tag in (w("commentRangeStart"), w("commentRangeEnd")):
                kind = "start" if tag == w("commentRangeStart") else "end"
                raw.comment_marks.append((kind, child.get(w("id")) or "", len(raw.segs)))

    def _run(self, r, raw: RawParagraph, deleted: bool, inserted: bool, link: str | None,  # type: ignore[no-untyped-def]
             pstyle: str | None) -> None:
        rpr = r.find(w("rPr"))
        rstyle = None
        if rpr is not None:
            rs = rpr.find(w("rStyle"))
            rstyle = wval(rs) if rs is not None else None
        italic = _flag(rpr, "i")
        if italic is None:
            italic = self.styles.run_flag(rstyle, "i")
        if italic is None:
            italic = self.styles.run_flag(pstyle, "i") or False
        bold = _flag(rpr, "b")
        if bold is None:
            bold = self.styles.run_flag(rstyle, "b")
        if bold is None:
            bold = self.styles.run_flag(pstyle, "b") or False
        va = rpr.find(w("vertAlign")) if rpr is not None else None
        valign = wval(va) if va is not None else self.styles.vert_align(rstyle)
        sup = valign == "superscript"
        if rpr is not None and (lang := rpr.find(w("lang"))) is not None and raw.lang is None:
            raw.lang = wval(lang)
        fields = self.fields
        custom_mark_pending = False
        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
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
            if tag == w("instrText"):
                if fields.stack and fields.stack[-1]["phase"] == "instr" \
                        and len(fields.stack[-1]["instr"]) < MAX_INSTR_CHARS:
                    fields.stack[-1]["instr"] += child.text or ""
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
            elif tag == w("tab") or tag == w("ptab"):
                text, is_del = "\t", deleted
            elif tag in (w("br"), w("cr")):
                text, is_del = "\n", deleted
            elif tag == w("noBreakHyphen"):
                text, is_del = "\u2011", deleted
            elif tag == w("sym"):
                code = child.get(w("char")) or ""
                try:
                    text = chr(int(code, 16)) if len(code) <= 8 else ""
                    if 0xF000 <= ord(text or " ") <= 0xF0FF:
                        text = chr(ord(text) - 0xF000)
                except ValueError:
                    text = ""
                if text and 0xD800 <= ord(text) <= 0xDFFF:
                    text = ""  # a lone surrogate cannot be written out as UTF-8
                is_del = deleted
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                custom = child.get(w("customMarkFollows")) in ("1", "true", "on")
                raw.segs.append(Seg("", "footnote" if tag == w("footnoteReference") else "endnote",
                                    italic, bold, True, deleted, inserted, seg_link, r,
                                    footnote_id=child.get(w("id")), custom_mark=custom,
                                    bookmarks_open=tuple(self._open_bookmarks)))
                self._open_bookmarks = []
                custom_mark_pending = custom
                continue
            elif tag == w("commentReference"):
                raw.comment_marks.append(("ref", child.get(w("id")) or "", len(raw.segs)))
                continue
            elif tag == w("footnoteRef") or tag == w("endnoteRef"):
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
