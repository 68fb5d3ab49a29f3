"""Driving the comparison: body paragraphs first, then the footnotes they reference.

A paragraph found out of order is first written as a deletion at its old place
plus an insertion at its new place; :mod:`moves` then turns that into Word's move
markup (``w:moveFrom``/``w:moveTo`` with their named ranges) when the paragraph is
unchanged and both places carry their own paragraph mark revision, the cases where
LibreOffice replays Accept/Reject All exactly. The paragraph map reports such a
paragraph as ``moved`` (old label -> new label) either way.
"""
from __future__ import annotations

import copy
import html
import re
from functools import cached_property

from lxml import etree

from ..ooxml.ns import CT, CT_FOOTNOTES, REL_FOOTNOTES, W, w
from ..ooxml.package import Package as CorePackage
from ..ooxml.package import parse_xml
from . import reader as rd
from . import splits as sp
from . import tables as tb
from .reader import same_format
from .align import align
from .layout import Layout
from .moves import Moves
from ..ooxml.zipwrite import Raw
from .package import Docx, add_relationship, to_bytes
from .rels import RelCopier
from .styles import RunStyles
from .words import DELETE, EQUAL, INSERT, diff_tokens
from .writer import DEL, EQ, INS, Context, apply_marks, deleted_paragraph, old_shell, rebuild


class Entry:
    """One line of the paragraph map.

    ``ops`` (the word operations) may be given as a function computing them: for an
    unchanged paragraph they are only built if a report asks for them.
    """

    __slots__ = ("status", "old_index", "new_index", "_ops", "old_label", "new_label", "formatting_only")

    def __init__(self, status: str, old_index: int | None, new_index: int | None, ops=None,
                 old_label: str = "", new_label: str = "", formatting_only: bool = False):
        self.status = status  # unchanged / modified / added / deleted / moved
        self.old_index = old_index  # 1-based position in OLD's list
        self.new_index = new_index
        self._ops = [] if ops is None else ops
        self.old_label = old_label
        self.new_label = new_label
        self.formatting_only = formatting_only

    @property
    def ops(self) -> list:
        if callable(self._ops):
            self._ops = self._ops()
        return self._ops

    @ops.setter
    def ops(self, value) -> None:
        self._ops = value

    def __repr__(self) -> str:
        return (f"Entry({self.status!r}, {self.old_index!r}, {self.new_index!r}, "
                f"old_label={self.old_label!r}, new_label={self.new_label!r})")


def _equal_ops(old: rd.Para, new: rd.Para):
    """Word operations of two paragraphs with the same signature, built on demand."""
    def ops():
        return [(EQUAL, list(zip(old.tokens, new.tokens)))] if old.atoms else []
    return ops


def _changed(ops) -> tuple[bool, bool]:
    """(text changed, formatting changed) for word operations."""
    text = any(op != EQUAL for op, _ in ops)
    fmt = False
    for op, items in ops:
        if op == EQUAL:
            for o, n in items:
                if not o.key.startswith("\x00fn") and not same_format(o, n):
                    fmt = True
                    break
    return text, fmt


def _relaid(entry: Entry) -> None:
    """An entry whose paragraph layout changed (``w:pPrChange``) is modified."""
    if entry.status == "unchanged":
        entry.status = "modified"
        entry.formatting_only = True


class _LazyIds:
    """A set of ids computed on the first membership test (most diffs never ask)."""

    __slots__ = ("_compute", "_ids")

    def __init__(self, compute) -> None:  # type: ignore[no-untyped-def]
        self._compute = compute
        self._ids: set[str] | None = None

    def __contains__(self, value: object) -> bool:
        if self._ids is None:
            self._ids = self._compute()
        return value in self._ids


_W_BYTES = W.encode()
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def _start_tag_ids(data: bytes | None, element: str, attr: str) -> set[str] | None:
    """Values of ``w:attr`` on ``w:element`` start tags, read from the bytes of a part
    without parsing it (styles.xml of the UN templates is 350 KB, for a few dozen ids).

    Only when the bytes are plain enough for that to be exact: the WordprocessingML
    namespace bound once, to the prefix ``w``, and no comment, CDATA or processing
    instruction past the declaration. None otherwise (parse the part instead).
    """
    if data is None:
        return set()
    if (data.count(_W_BYTES) != 1 or b'xmlns:w="' + _W_BYTES + b'"' not in data
            or b"<!--" in data or b"<![CDATA[" in data or data.count(b"<?") > 1):
        return None
    out = set()
    pattern = re.compile(rb"<w:" + element.encode() + rb"\b([^>]*)>")
    value = re.compile(rb"\sw:" + attr.encode() + rb"\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
    for m in pattern.finditer(data):
        v = value.search(m.group(1))
        if v is not None:
            raw = (v.group(1) if v.group(1) is not None else v.group(2)).decode("utf-8")
            out.add(html.unescape(raw) if "&" in raw else raw)
    return out


class Engine:
    def __init__(self, old: Docx, new: Docx, author: str, date: str):
        self.old = old
        self.new = new
        self.ctx = Context(author=author, date=date, next_id=self._first_rev_id())
        self.ctx.styles = _LazyIds(self._style_ids)  # type: ignore[assignment]
        self.ctx.num_ids = _LazyIds(self._num_ids)  # type: ignore[assignment]
        self.ctx.fn_remap = self._copy_old_footnote
        self.ctx.fn_inserted = self._note_inserted_footnote
        self.old_fns = rd.footnote_map(old.footnotes)
        self.new_fns = rd.footnote_map(new.footnotes)
        self.fn_pairs: list[tuple[str, str]] = []
        self.fn_inserted: list[str] = []
        self.fn_deleted: list[tuple[str, str]] = []  # (old id, id of its copy in NEW)
        self._copied: dict[str, str] = {}
        self._fn_next = None
        self.tables: tb.Tables | None = None  # set when either body holds a table
        self.layout = Layout(lambda: self.new.part_xml(self.new.styles_name), self._old_styles_root)
        self.old_source = None  # OLD's path: relationships of deleted text are copied from it
        self.ctx.drawing_id = self._drawing_id
        self._next_drawing = None

    # -- package facts -------------------------------------------------
    def _first_rev_id(self) -> int:
        top = 0
        for name, data in self.new.parts.items():
            if name.endswith(".xml"):
                for m in re.finditer(rb'w:id="(-?\d+)"', data):
                    top = max(top, int(m.group(1)))
        return top + 1

    def _style_ids(self) -> set[str]:
        name = self.new.styles_name
        fast = _start_tag_ids(self.new.parts.get(name) if name else None, "style", "styleId")
        if fast is not None:
            return fast
        styles = self.new.part_xml(name)
        if styles is None:
            return set()
        return {s.get(w("styleId")) for s in styles.iter(w("style"))}

    def _num_ids(self) -> set[str]:
        num = self.new.part_xml(self.new.numbering_name)
        if num is None:
            return set()
        return {n.get(w("numId")) for n in num.iter(w("num"))}

    @cached_property
    def char_styles(self) -> tuple[RunStyles, RunStyles]:
        """OLD's and NEW's style hierarchies, which key each run by the formatting it shows
        (each resolved through its own styles part, read when a run first needs it)."""
        if self._same_styles_part:  # one resolution for both; theme fonts alike by name
            shared = RunStyles(self._new_styles)
            return shared, shared
        return (RunStyles(self._old_styles, lambda: self._old_parts[1]),
                RunStyles(self._new_styles, lambda: self.new.parts.get(self.new.theme_name or "")))

    def _new_styles(self) -> bytes | None:
        return self.new.parts.get(self.new.styles_name) if self.new.styles_name else None

    def _same_context(self, old: rd.Para, new: rd.Para) -> bool:
        """Whether runs written alike in ``old`` and ``new`` (see :func:`reader.same_content`)
        also show alike: identical styles parts (a change of paragraph style is then the
        layout's, a ``w:pPrChange``), or paragraph and character styles that resolve to
        the same formatting."""
        if self._same_styles_part:
            return True
        old_st, new_st = self.char_styles
        if old_st.base_key(old.pstyle) != new_st.base_key(new.pstyle):
            return False
        for sid in rd.character_style_ids(new):
            if old_st.character_key(sid) != new_st.character_key(sid):
                return False
        return True

    @cached_property
    def _same_styles_part(self) -> bool:
        """Whether OLD and NEW have the same styles and theme parts (compared by the
        fingerprints of their zip entries: OLD's styles are then never inflated)."""
        prints = self.old.style_prints
        return bool(prints) and prints == self.new.style_prints

    def _old_styles_root(self):  # type: ignore[no-untyped-def]
        """OLD's styles part parsed (for the names of OLD's paragraph styles), or None."""
        data = self._old_styles()
        return parse_xml(data, "OLD's styles") if data else None

    def _old_styles(self) -> bytes | None:
        """OLD's styles part (OLD is read without it: most diffs never need it)."""
        return self._old_parts[0]

    @cached_property
    def _old_parts(self) -> tuple[bytes | None, bytes | None]:
        """OLD's styles and theme parts, inflated on first use, then kept."""
        found: list[bytes | None] = [None, None]
        if self.old_source is not None and (self.old.styles_name or self.old.theme_name):
            with CorePackage(self.old_source) as pkg:
                for k, name in enumerate((self.old.styles_name, self.old.theme_name)):
                    found[k] = pkg.read(name) if name is not None and pkg.has(name) else None
        return found[0], found[1]

    def _drawing_id(self) -> int:
        """A drawing id not used in NEW, for a picture of OLD's deleted text."""
        if self._next_drawing is None:
            ids = [0]
            for root in (self.new.document, self.new.footnotes):
                if root is not None:
                    ids.extend(int(pr.get("id")) for pr in root.iter(_DOC_PR)
                               if (pr.get("id") or "").isdigit())
            self._next_drawing = max(ids) + 1
        self._next_drawing += 1
        return self._next_drawing - 1

    # -- footnotes -----------------------------------------------------
    def _ensure_footnotes(self) -> etree._Element:
        if self.new.footnotes is not None:
            return self.new.footnotes
        name = "word/footnotes.xml"
        root = parse_xml(
            f'<w:footnotes xmlns:w="{W}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            '</w:footnotes>'.encode(), name
        )
        self.new.footnotes, self.new.footnotes_name = root, name
        self.new.order.append(name)
        add_relationship(self.new, self.new.document_name, REL_FOOTNOTES, "footnotes.xml", "rIdFn")
        ct = self.new.part_xml("[Content_Types].xml", change=True)
        ov = etree.SubElement(ct, f"{{{CT}}}Override")
        ov.set("PartName", "/" + name)
        ov.set("ContentType", CT_FOOTNOTES)
        return root

    def _new_fn_id(self) -> str:
        if self._fn_next is None:
            ids = [int(fn.get(w("id"))) for fn in self._ensure_footnotes().findall(w("footnote"))
                   if (fn.get(w("id")) or "").lstrip("-").isdigit()]
            self._fn_next = max(ids + [0]) + 1
        val = self._fn_next
        self._fn_next += 1
        return str(val)

    def _copy_old_footnote(self, old_id: str) -> str:
        if old_id in self._copied:
            return self._copied[old_id]
        if old_id not in self.old_fns:
            return old_id
        new_id = self._new_fn_id()
        self._copied[old_id] = new_id
        self.fn_deleted.append((old_id, new_id))
        return new_id

    def _note_inserted_footnote(self, new_id: str) -> None:
        if new_id in self.new_fns and new_id not in self.fn_inserted:
            self.fn_inserted.append(new_id)

    # -- paragraphs ----------------------------------------------------
    def diff_container(self, old_elems, new_elems, fallback_parent) -> list[Entry]:
        """Align and mark one list of paragraphs (the body or one footnote)."""
        read = rd.read_paragraph if self.tables is None else tb.read_item
        old_st, new_st = self.char_styles
        old_ps = [read(p, old_st) for p in old_elems]
        new_ps = [read(p, new_st) for p in new_elems]
        rows = align([p.norm for p in old_ps], [p.norm for p in new_ps],
                     lambda i: old_ps[i].words(), lambda j: new_ps[j].words())
        if self.tables is not None:
            rows = tb.fix_rows(rows, old_ps, new_ps)
        ctx = self.ctx
        entries: list[Entry] = []
        out: list[tuple[etree._Element, str]] = []
        pending: list[etree._Element] = []
        last_new = None
        moves = Moves(ctx)
        split_at = sp.find(rows, old_ps, new_ps)
        skip = -1
        for k, row in enumerate(rows):
            if k == skip:
                continue
            if k in split_at:
                last_new = self._seam(split_at[k], old_ps, new_ps, pending, out, entries)
                pending = []
                skip = k + 1
                continue
            if self.tables is not None and isinstance(
                    old_ps[row.old] if row.kind == "del" else new_ps[row.new], tb.TableItem):
                placed = self.tables.row(row, old_ps, new_ps, pending, entries)
                if placed is not None:
                    last_new = placed
                continue
            if row.kind == "del":
                old = old_ps[row.old]
                p = deleted_paragraph(old, ctx)
                if row.moved:
                    moves.source(row.old, p, old)
                pending.append(p)
                out.append((p, DEL))
                if not row.moved:
                    entries.append(Entry("deleted", row.old + 1, None,
                                         ops=[(DELETE, old.tokens)] if old.tokens else []))
                continue
            new = new_ps[row.new]
            for p in pending:
                new.elem.addprevious(p)
            pending = []
            last_new = new.elem
            if row.kind == "ins":
                rebuild(new.elem, [(INSERT, new.tokens)], new, ctx)
                out.append((new.elem, INS))
                if row.moved:
                    moves.target(row.old, new.elem, new)
                    ops = diff_tokens(old_ps[row.old].tokens, new.tokens)
                    entries.append(Entry("moved", row.old + 1, row.new + 1, ops=ops))
                else:
                    entries.append(Entry("added", None, row.new + 1,
                                         ops=[(INSERT, new.tokens)] if new.tokens else []))
                continue
            old = old_ps[row.old]
            relaid = self.layout.track(old.elem, new.elem, ctx)
            if rd.same_content(old, new) and self._same_context(old, new):
                # same text, objects and run formatting: unchanged, no need for tokens
                self.fn_pairs.extend(p for p in zip(old.fn_ids, new.fn_ids) if p[0] and p[1])
                entries.append(Entry("unchanged", row.old + 1, row.new + 1, ops=_equal_ops(old, new)))
                if relaid:
                    _relaid(entries[-1])
                out.append((new.elem, EQ))
                continue
            ops = diff_tokens(old.tokens, new.tokens)
            for op, items in ops:
                if op == EQUAL:
                    for o, n in items:
                        if o.key == rd.FN_KEY and o.fn_id and n.fn_id:
                            self.fn_pairs.append((o.fn_id, n.fn_id))
            text_changed, fmt_changed = _changed(ops)
            if text_changed or fmt_changed:
                rebuild(new.elem, ops, new, ctx)
                entries.append(Entry("modified", row.old + 1, row.new + 1, ops=ops,
                                     formatting_only=not text_changed))
            else:
                entries.append(Entry("unchanged", row.old + 1, row.new + 1, ops=ops))
            if relaid:
                _relaid(entries[-1])
            out.append((new.elem, EQ))
        if pending:
            if last_new is not None:
                anchor = last_new
                for p in pending:
                    anchor.addnext(p)
                    anchor = p
            else:
                sect = fallback_parent.find(w("sectPr"))
                for p in pending:
                    if sect is not None:
                        sect.addprevious(p)
                    else:
                        fallback_parent.append(p)
        apply_marks(out, ctx)
        moves.mark()
        return entries

    def _seam(self, seam, old_ps, new_ps, pending, out, entries) -> etree._Element:  # type: ignore[no-untyped-def]
        """Write a split or a join (:mod:`.splits`): a *lead* paragraph whose mark is inserted
        (split) or deleted (join), then a *tail* holding the old paragraph mark that stays.
        Returns the tail."""
        ctx = self.ctx
        if isinstance(seam, sp.Split):
            first, second = new_ps[seam.first], new_ps[seam.first + 1]
            lead, tail, lead_state = first.elem, second.elem, INS
            lead_markers, tail_markers = first, second
            kept, olds, news = old_ps[seam.old], (seam.old, seam.old), (seam.first, seam.first + 1)
        else:
            new = new_ps[seam.new]
            cut = sp.new_tokens(seam.ops_first)
            lead, tail, lead_state = old_shell(old_ps[seam.first], ctx), new.elem, DEL
            tail.addprevious(lead)
            lead_markers, tail_markers = sp.part_markers(new, 0, cut), sp.part_markers(new, cut, None)
            kept, olds, news = old_ps[seam.first + 1], (seam.first, seam.first + 1), (seam.new, seam.new)
        for p in pending:
            lead.addprevious(p)
        relaid = self.layout.track(kept.elem, tail, ctx)
        rebuild(lead, seam.ops_first, lead_markers, ctx)
        rebuild(tail, seam.ops_second, tail_markers, ctx)
        out += [(lead, lead_state), (tail, EQ)]
        for o, n, ops in zip(olds, news, (seam.ops_first, seam.ops_second)):
            entries.append(Entry("modified", o + 1, n + 1, ops=ops))
        if relaid:
            _relaid(entries[-1])
        return tail

    def run(self) -> tuple[list[Entry], list[Entry]]:
        old_body, new_body = rd.body_paragraphs(self.old.document), rd.body_paragraphs(self.new.document)
        self.body_counts = (len(old_body), len(new_body))
        self.ctx.rel_copy = RelCopier(self.old_source, self.old.document_name, self.new, self.new.document_name)
        old_root, new_root = self.old.document.find(w("body")), self.new.document.find(w("body"))
        if tb.has_table(old_root) or tb.has_table(new_root):
            self.tables = tb.Tables(self, old_body, new_body)
            body_entries = self.tables.diff(old_root, new_root, new_root)
        else:
            body_entries = self.diff_container(old_body, new_body, new_root)
        self.ctx.rel_copy = RelCopier(self.old_source, self.old.footnotes_name, self.new, self.new.footnotes_name)
        fn_entries: list[Entry] = []
        done_new: set[str] = set()
        k = 0
        while k < len(self.fn_pairs):  # diffing a footnote never adds pairs, but be safe
            oid, nid = self.fn_pairs[k]
            k += 1
            if nid in done_new or oid not in self.old_fns or nid not in self.new_fns:
                continue
            done_new.add(nid)
            ofn, nfn = self.old_fns[oid], self.new_fns[nid]
            inner = self.diff_container(rd.footnote_paragraphs(ofn), rd.footnote_paragraphs(nfn), nfn)
            changed = any(e.status != "unchanged" for e in inner)
            fn_entries.append(Entry("modified" if changed else "unchanged", int(oid), int(nid),
                                    ops=lambda inner=inner: [op for e in inner for op in e.ops]))
            fn_entries[-1].old_label, fn_entries[-1].new_label = oid, nid
        for nid in self.fn_inserted:
            if nid in done_new:
                continue
            done_new.add(nid)
            fn = self.new_fns[nid]
            toks = []
            paras = rd.footnote_paragraphs(fn)
            states = []
            for p in paras:
                para = rd.read_paragraph(p)
                toks.extend(para.tokens)
                rebuild(p, [(INSERT, para.tokens)], para, self.ctx)
                states.append((p, INS))
            apply_marks(states, self.ctx)
            e = Entry("added", None, int(nid), ops=[(INSERT, toks)])
            e.new_label = nid
            fn_entries.append(e)
        root = self.new.footnotes
        for oid, cid in self.fn_deleted:
            fn = copy.deepcopy(self.old_fns[oid])
            fn.set(w("id"), cid)
            toks = []
            states = []
            for p in rd.footnote_paragraphs(fn):
                para = rd.read_paragraph(p)
                toks.extend(para.tokens)
                rebuild(p, [(DELETE, para.tokens)], None, self.ctx)
                states.append((p, DEL))
            apply_marks(states, self.ctx)
            root.append(fn)
            e = Entry("deleted", int(oid), None, ops=[(DELETE, toks)])
            e.old_label = oid
            fn_entries.append(e)
        return body_entries, fn_entries

    def _order_footnotes(self) -> None:
        """Renumber footnotes so that their ids rise in the order of their references.

        LibreOffice (7.4) gives the n-th footnote reference of the body the footnote
        with the n-th smallest id, whatever id the reference names; a copied deleted
        footnote (which gets a high id) would otherwise swap texts in LibreOffice.
        Word uses the ids; renumbering changes nothing there.
        """
        root = self.new.footnotes
        if root is None:
            return
        notes = [fn for fn in root.findall(w("footnote")) if fn.get(w("type")) in (None, "normal")]
        specials = [fn for fn in root.findall(w("footnote")) if fn.get(w("type")) not in (None, "normal")]
        order: list[str] = []
        seen: set[str] = set()
        refs = list(self.new.document.iter(w("footnoteReference")))
        for ref in refs:
            fid = ref.get(w("id"))
            if fid not in seen:
                seen.add(fid)
                order.append(fid)
        for fn in notes:
            if fn.get(w("id")) not in seen:
                seen.add(fn.get(w("id")))
                order.append(fn.get(w("id")))
        try:
            ids = [int(x) for x in order]
        except (TypeError, ValueError):
            return
        xml_order = [fn.get(w("id")) for fn in notes]
        if ids == sorted(ids) and len(set(ids)) == len(ids) and xml_order == order:
            return
        start = max([int(fn.get(w("id"), "0")) for fn in specials] + [0]) + 1
        remap = {fid: str(start + k) for k, fid in enumerate(order)}
        for ref in refs:
            ref.set(w("id"), remap.get(ref.get(w("id")), ref.get(w("id"))))
        by_id = {fn.get(w("id")): fn for fn in notes}
        for fn in notes:
            root.remove(fn)
        for fid in order:
            fn = by_id.get(fid)
            if fn is not None:
                fn.set(w("id"), remap[fid])
                root.append(fn)

    def parts(self) -> list[tuple[str, bytes | Raw]]:
        self._order_footnotes()
        out = []
        for name in self.new.order:
            if name == self.new.document_name:
                out.append((name, to_bytes(self.new.document)))
            elif name == self.new.footnotes_name and self.new.footnotes is not None:
                out.append((name, to_bytes(self.new.footnotes)))
            elif name in self.new.changed and name in self.new.extra:
                out.append((name, to_bytes(self.new.extra[name])))
            else:
                out.append((name, self.new.raw.get(name) or self.new.parts[name]))
        return out
