"""Tables as their own level of the comparison: table, then row, then cell.

A container (the body, a table cell) is read as *blocks*: paragraphs and tables
in document order, content controls entered. A table is one block for the
paragraph alignment (:class:`TableItem`, whose words never match a paragraph's);
two tables paired there are compared row by row, rows being aligned by their
text like paragraphs are, and the cells of a paired row position by position,
each cell's content being a container compared the same way (nested tables
included).

Revisions written, as Word's own Compare does:

- a row only in NEW: ``w:trPr/w:ins``, its cells' text inserted;
- a row only in OLD: a copy of it with ``w:trPr/w:del``, its cells' text deleted;
- a table only in NEW or only in OLD: every row inserted or deleted (a deleted
  table stays a table);
- two paired rows whose cells differ in number or span: the old row deleted and
  the new one inserted (cells are not tracked one by one);
- a paired row: each cell's paragraphs compared word by word.

Paragraph map entries of cell paragraphs carry their position among all body
paragraphs (:func:`reader.body_paragraphs` order), as the other entries do.
Tables nested more than :data:`MAX_DEPTH` deep are compared as plain paragraphs
(the rows around them carry the revisions).
"""
from __future__ import annotations

import copy

from lxml import etree

from ..ooxml.ns import w
from . import reader as rd
from .align import Row, align
from .words import DELETE, INSERT
from .writer import DEL, INS, apply_marks, deleted_paragraph, rebuild

TBL, TR, TC = w("tbl"), w("tr"), w("tc")
_TRPR, _TCPR, _TBLPR = w("trPr"), w("tcPr"), w("tblPr")
_TABLE_WORD = "\x00tbl"
#: Tables nested deeper than this are compared as their paragraphs (no row revisions
#: inside), so that the comparison's recursion stays far from Python's limit.
MAX_DEPTH = 40


def blocks(container: etree._Element) -> list[etree._Element]:
    """The ``w:p`` and ``w:tbl`` under ``container`` in document order; a table's own
    paragraphs are not listed."""
    out: list[etree._Element] = []
    rd._collect(container, out, (TBL,))
    return out


def has_table(container: etree._Element | None) -> bool:
    return container is not None and any(el.tag == TBL for el in blocks(container))


def rows_of(tbl: etree._Element) -> list[etree._Element]:
    return tbl.findall(TR)


def cells_of(tr: etree._Element) -> list[etree._Element]:
    return tr.findall(TC)


def _paragraphs(el: etree._Element) -> list[etree._Element]:
    out: list[etree._Element] = []
    rd._collect(el, out)
    return out


class TableItem:
    """A table standing as one block in the paragraph alignment."""

    __slots__ = ("elem", "norm", "_words")

    def __init__(self, tbl: etree._Element) -> None:
        self.elem = tbl
        texts = [rd.read_paragraph(p).norm for p in _paragraphs(tbl)]
        self.norm = _TABLE_WORD + " " + " | ".join(texts)
        self._words = [_TABLE_WORD] + [_TABLE_WORD + x for t in texts for x in rd._WORDS_ONLY.findall(t.lower())]

    def words(self) -> list[str]:
        return self._words


def read_item(el: etree._Element, styles=None):  # type: ignore[no-untyped-def]
    """A :class:`reader.Para` for a paragraph (its character styles read through ``styles``),
    a :class:`TableItem` for a table."""
    return TableItem(el) if el.tag == TBL else rd.read_paragraph(el, styles)


def fix_rows(rows: list[Row], old_items, new_items) -> list[Row]:  # type: ignore[no-untyped-def]
    """Rows of the aligner made right for blocks holding tables.

    - a table paired with a paragraph (the aligner's last-resort pair) becomes a
      deletion followed by an insertion;
    - the paragraphs after the last table must hold a pair: the last paragraph mark
      of a container cannot be inserted or deleted, and a table stops a paragraph
      mark from joining the paragraphs before it (see :func:`writer.apply_marks`).
      If none of them is paired, OLD's last paragraph is paired with NEW's (taking
      either from an earlier pair when its side has none after the table).
    """
    def is_table(items, k):  # type: ignore[no-untyped-def]
        return k is not None and isinstance(items[k], TableItem)

    out: list[Row] = []
    for r in rows:
        if r.kind == "pair" and is_table(old_items, r.old) != is_table(new_items, r.new):
            out.append(Row(r.old, None, "del"))
            out.append(Row(None, r.new, "ins"))
        else:
            out.append(r)
    if not old_items or not new_items or is_table(old_items, len(old_items) - 1) \
            or is_table(new_items, len(new_items) - 1):
        return out
    last_table = max((k for k, r in enumerate(out)
                      if (is_table(old_items, r.old) if r.kind == "del" else is_table(new_items, r.new))),
                     default=-1)
    if last_table < 0:
        return out
    tail = out[last_table + 1:]
    if any(r.kind == "pair" for r in tail):
        return out
    last_old, last_new = len(old_items) - 1, len(new_items) - 1
    final = []  # ``out`` with the last paragraphs' rows replaced
    for r in out:
        if r.kind == "pair" and r.old == last_old and r.new != last_new:
            final.append(Row(None, r.new, "ins"))  # NEW's paragraph loses its pair
        elif r.kind == "pair" and r.new == last_new and r.old != last_old:
            final.append(Row(r.old, None, "del"))  # OLD's paragraph loses its pair
        elif not ((r.kind == "del" and r.old == last_old) or (r.kind == "ins" and r.new == last_new)
                  or (r.kind == "pair" and r.old == last_old and r.new == last_new)):
            final.append(r)
    final.append(Row(last_old, last_new, "pair"))
    return final


def _shape(tr: etree._Element) -> tuple:
    """The cells' spans and vertical merges of a row."""
    out = []
    for tc in cells_of(tr):
        pr = tc.find(_TCPR)
        span = vmerge = None
        if pr is not None:
            g = pr.find(w("gridSpan"))
            span = g.get(w("val")) if g is not None else None
            v = pr.find(w("vMerge"))
            vmerge = (v.get(w("val")) or "continue") if v is not None else None
        out.append((span, vmerge))
    return tuple(out)


def _row_text(tr: etree._Element) -> list[str]:
    return [" ".join(rd.read_paragraph(p).norm for p in _paragraphs(tc)) for tc in cells_of(tr)]


def _set_row_revision(tr: etree._Element, tag: str, ctx) -> None:  # type: ignore[no-untyped-def]
    """Put ``w:ins`` / ``w:del`` in the row's ``w:trPr`` (created where the schema wants it)."""
    pr = tr.find(_TRPR)
    if pr is None:
        pr = etree.Element(_TRPR)
        ex = tr.find(w("tblPrEx"))
        if ex is not None:
            ex.addnext(pr)
        else:
            tr.insert(0, pr)
    for ch in list(pr):
        if ch.tag in (w("ins"), w("del")):
            pr.remove(ch)
    if all(ch.tag == w("trPrChange") for ch in pr if isinstance(ch.tag, str)):
        # the schema wants one row property before the revision: "may split" (the default)
        etree.SubElement(pr, w("cantSplit")).set(w("val"), "off")
        pr.insert(0, pr[-1])
    change = pr.find(w("trPrChange"))
    mark = ctx.rev(tag)
    if change is not None:
        change.addprevious(mark)
    else:
        pr.append(mark)


class Tables:
    """Table-aware comparison of the body, for an :class:`engine.Engine`."""

    def __init__(self, engine, old_body: list[etree._Element], new_body: list[etree._Element]) -> None:  # type: ignore[no-untyped-def]
        self.engine = engine
        self.ctx = engine.ctx
        self.old_index = {id(p): k + 1 for k, p in enumerate(old_body)}
        self.new_index = {id(p): k + 1 for k, p in enumerate(new_body)}
        self.flat: set[int] = set()  # ids of entries whose indices are body positions
        self.depth = 0  # tables entered

    def _blocks(self, container: etree._Element) -> list[etree._Element]:
        return blocks(container) if self.depth < MAX_DEPTH else _paragraphs(container)

    def _entry(self, *args, **kw):  # type: ignore[no-untyped-def]
        from .engine import Entry

        e = Entry(*args, **kw)
        self.flat.add(id(e))
        return e

    # -- containers ------------------------------------------------------
    def diff(self, old: etree._Element, new: etree._Element, parent: etree._Element) -> list:
        """Entries of the blocks of ``old`` against those of ``new`` (marked in ``new``)."""
        old_items, new_items = self._blocks(old), self._blocks(new)
        entries = self.engine.diff_container(old_items, new_items, parent)
        for e in entries:
            if id(e) in self.flat:
                continue
            if e.old_index:
                e.old_index = self.old_index.get(id(old_items[e.old_index - 1]))
            if e.new_index:
                e.new_index = self.new_index.get(id(new_items[e.new_index - 1]))
            self.flat.add(id(e))
        return entries

    def row(self, row: Row, old_items, new_items, pending: list, entries: list):  # type: ignore[no-untyped-def]
        """Handle one alignment row whose block is a table; returns the NEW block that
        now stands last (or None). ``pending`` holds deleted blocks waiting for a place."""
        if row.kind == "del":
            pending.append(self.deleted_table(old_items[row.old].elem, entries))
            return None
        new_tbl = new_items[row.new].elem
        for el in pending:
            new_tbl.addprevious(el)
        pending.clear()
        if row.kind == "ins":
            self.inserted_table(new_tbl, entries)
        else:
            self.paired_table(old_items[row.old].elem, new_tbl, entries)
        return new_tbl

    # -- whole tables ----------------------------------------------------
    def deleted_table(self, old_tbl: etree._Element, entries: list) -> etree._Element:
        tbl = copy.deepcopy(old_tbl)
        pr = tbl.find(_TBLPR)
        st = pr.find(w("tblStyle")) if pr is not None else None
        if st is not None and st.get(w("val")) not in self.ctx.styles:
            pr.remove(st)
        for otr, ctr in zip(rows_of(old_tbl), rows_of(tbl)):
            self._delete_row(otr, ctr, entries)
        return tbl

    def inserted_table(self, tbl: etree._Element, entries: list) -> None:
        for tr in rows_of(tbl):
            self._insert_row(tr, entries)

    def _delete_row(self, orig: etree._Element, tr: etree._Element, entries: list) -> None:
        """Mark ``tr`` (a copy of OLD's row ``orig``) deleted, content included."""
        _set_row_revision(tr, "del", self.ctx)
        self.depth += 1
        try:
            for otc, tc in zip(cells_of(orig), cells_of(tr)):
                self._delete_content(otc, tc, entries)
        finally:
            self.depth -= 1

    def _delete_content(self, orig: etree._Element, copy_: etree._Element, entries: list) -> None:
        out = []
        for ob, cb in zip(self._blocks(orig), self._blocks(copy_)):
            if cb.tag == TBL:
                for otr, ctr in zip(rows_of(ob), rows_of(cb)):
                    self._delete_row(otr, ctr, entries)
                continue
            para = rd.read_paragraph(cb)
            p = deleted_paragraph(para, self.ctx)
            cb.addprevious(p)
            cb.getparent().remove(cb)
            out.append((p, DEL))
            entries.append(self._entry("deleted", self.old_index.get(id(ob)), None,
                                       ops=[(DELETE, para.tokens)] if para.tokens else []))
        apply_marks(out, self.ctx)

    def _insert_row(self, tr: etree._Element, entries: list) -> None:
        _set_row_revision(tr, "ins", self.ctx)
        self.depth += 1
        try:
            for tc in cells_of(tr):
                self._insert_content(tc, entries)
        finally:
            self.depth -= 1

    def _insert_content(self, container: etree._Element, entries: list) -> None:
        out = []
        for b in self._blocks(container):
            if b.tag == TBL:
                self.inserted_table(b, entries)
                continue
            para = rd.read_paragraph(b)
            rebuild(b, [(INSERT, para.tokens)], para, self.ctx)
            out.append((b, INS))
            entries.append(self._entry("added", None, self.new_index.get(id(b)),
                                       ops=[(INSERT, para.tokens)] if para.tokens else []))
        apply_marks(out, self.ctx)

    # -- paired tables ---------------------------------------------------
    def paired_table(self, old_tbl: etree._Element, new_tbl: etree._Element, entries: list) -> None:
        orows, nrows = rows_of(old_tbl), rows_of(new_tbl)
        otexts, ntexts = [_row_text(r) for r in orows], [_row_text(r) for r in nrows]
        okeys = ["\x00cell".join(t) for t in otexts]
        nkeys = ["\x00cell".join(t) for t in ntexts]
        aligned = align(okeys, nkeys,
                        lambda i: [x.lower() for t in otexts[i] for x in rd._WORDS_ONLY.findall(t)],
                        lambda j: [x.lower() for t in ntexts[j] for x in rd._WORDS_ONLY.findall(t)])
        pending: list[etree._Element] = []
        last = None
        for r in aligned:
            if r.kind == "del":
                pending.append(self._deleted_row_copy(orows[r.old], entries))
                continue
            ntr = nrows[r.new]
            if r.kind == "pair" and _shape(orows[r.old]) != _shape(ntr):
                pending.append(self._deleted_row_copy(orows[r.old], entries))
                r = Row(None, r.new, "ins")
            for el in pending:
                ntr.addprevious(el)
            pending = []
            last = ntr
            if r.kind == "ins":
                self._insert_row(ntr, entries)
                continue
            self.depth += 1
            try:
                for otc, ntc in zip(cells_of(orows[r.old]), cells_of(ntr)):
                    entries.extend(self.diff(otc, ntc, ntc))
            finally:
                self.depth -= 1
        anchor = last if last is not None else (nrows[-1] if nrows else None)
        for el in pending:
            if anchor is not None:
                anchor.addnext(el)
            else:
                new_tbl.append(el)
            anchor = el

    def _deleted_row_copy(self, orig: etree._Element, entries: list) -> etree._Element:
        tr = copy.deepcopy(orig)
        self._delete_row(orig, tr, entries)
        return tr
