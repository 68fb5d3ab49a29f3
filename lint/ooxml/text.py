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
from .numbering import StyleNumbering

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


def iter_paragraphs(container, in_table: bool = False) -> Iterator[tuple[Any, bool]]:  # type: ignore[no-untyped-def]
    """Block-level paragraphs in document order, through tables, content controls and custom XML."""
    for child in container:
        tag = child.tag
        if tag == _P:
            yield child, in_table
        elif tag == _TBL:
            for row in child.iter(w("tr")):
                if row.getparent() is not child and row.getparent().tag != _SDTCONTENT:
                    continue
                for cell in row.iter(w("tc")):
                    if cell.getparent() is not row and cell.getparent().tag != _SDTCONTENT:
                        continue
                    yield from iter_paragraphs(cell, True)
        elif tag in (_SDT,):
            content = child.find(_SDTCONTENT)
            if content is not None:
                yield from iter_paragraphs(content, in_table)
        elif tag in (_CUSTOMXML, w("ins"), w("del"), w("moveTo"), w("moveFrom")):
            yield from iter_paragraphs(child, in_table)


class _FieldState:
    """Complex fields (fldChar begin/separate/end) may span runs and paragraphs."""

    def __init__(self) -> None:
        self.stack: list[dict[str, Any]] = []

    def visible(self) -> bool:
        return all(f["phase"] == "result" for f in self.stack)

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
                v = wval(el) if el is not None else None
                ilvl = int(v) if v and v.isdigit() else None
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
                if fields.stack and fields.stack[-1]["phase"] == "instr":
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
                    text = chr(int(code, 16))
                    if 0xF000 <= ord(text) <= 0xF0FF:
                        text = chr(ord(text) - 0xF000)
                except ValueError:
                    text = ""
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
