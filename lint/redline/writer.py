"""Emitting revision markup (``w:ins``, ``w:del``, ``w:rPrChange``) into NEW's XML.

A changed paragraph is rebuilt from its tokens: equal and inserted text keep NEW's
run formatting, deleted text takes OLD's run formatting (``w:delText`` inside a
``w:del``), and text whose formatting alone changed carries a ``w:rPrChange`` with
OLD's run properties. Hyperlinks, content controls and simple fields around NEW's
runs are kept (shallow copies around the rebuilt runs); bookmarks and comment
ranges keep their place between tokens.

Paragraph marks: a paragraph that exists only in OLD (deleted) or only in NEW
(inserted) carries ``w:del`` / ``w:ins`` on its mark (``w:pPr/w:rPr``), so that
Accept All and Reject All join it with the next paragraph. The last paragraph of
a run of sibling paragraphs (before a table, at the end of a cell or of the body)
has no next paragraph to join, so for a trailing block of deleted/inserted
paragraphs the mark revisions are shifted one paragraph up: each mark carries the
status of the paragraph after it, and the last mark none.

A kept paragraph keeps NEW's paragraph properties; a change of its layout is
recorded by :mod:`layout` (``w:pPrChange``).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from ..ooxml.revisions import revision

from ..ooxml.ns import R as R_NS
from ..ooxml.ns import XML as XML_NS
from ..ooxml.ns import w
from .reader import Para, Token, rpr_key, same_format

EQ, INS, DEL = "eq", "ins", "del"


@dataclass
class Context:
    """What every emitted revision needs: author, date, a shared id counter, and
    the knowledge of NEW's styles and numbering to sanitise OLD's properties."""

    author: str
    date: str
    next_id: int
    styles: set[str] = field(default_factory=set)
    num_ids: set[str] = field(default_factory=set)
    fn_remap: object = None  # callable(old_fn_id) -> new footnote id, for deleted refs
    fn_inserted: object = None  # callable(new_fn_id), for inserted refs
    rel_copy: object = None  # callable(old relationship id) -> id in NEW or None (see rels.RelCopier)
    drawing_id: object = None  # callable() -> a drawing id (wp:docPr/@id) unused in NEW

    def rev(self, tag: str) -> etree._Element:
        """A new revision mark by this writer's author, with the next free id."""
        el = revision(tag, self.next_id, self.author, self.date)
        self.next_id += 1
        return el


@dataclass
class Item:
    state: str
    run: etree._Element | None  # source run for formatting
    container: etree._Element | None
    content: list  # ("text", str) | ("obj", elem) | ("para-obj", elem)
    old_run: etree._Element | None = None  # for rPrChange
    rkey: str | None = None  # rpr_key(run), when known
    old_rkey: str | None = None  # rpr_key(old_run), when known


def _key(run: etree._Element | None, known: str | None) -> str:
    return known if known is not None else rpr_key(run)


def _clean_rpr(rpr: etree._Element | None, ctx: Context, from_old: bool) -> etree._Element | None:
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    for ch in rpr.findall(w("rPrChange")):
        rpr.remove(ch)
    if from_old:
        st = rpr.find(w("rStyle"))
        if st is not None and st.get(w("val")) not in ctx.styles:
            rpr.remove(st)
    return rpr


def _piece_items(tok: Token, state: str, old_tok: Token | None = None) -> list[Item]:
    items = []
    for k, pc in enumerate(tok.pieces):
        if pc.elem is not None:
            kind = "obj" if pc.run is not None else "para-obj"
            content = [(kind, pc.elem)]
        else:
            content = [("text", pc.text)]
        old_run = old_rkey = None
        if old_tok is not None:
            # formatting of the old piece at the same position (or its last piece)
            old_pc = old_tok.pieces[min(k, len(old_tok.pieces) - 1)]
            old_run = old_pc.run
            old_rkey = old_pc.rkey if old_run is not None else None
        keep = state != DEL or (pc.container is not None and pc.container.tag == _HYPERLINK)
        items.append(Item(state, pc.run, pc.container if keep else None, content, old_run,
                          pc.rkey if pc.run is not None else None, old_rkey))
    return items


_R_PREFIX = f"{{{R_NS}}}"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_HYPERLINK = w("hyperlink")


def _remap_rels(el: etree._Element, ctx: Context) -> bool:
    """Give OLD's relationship ids in ``el`` (a copy) their ids in NEW (``ctx.rel_copy``);
    False when one cannot be carried over (the object is then left out)."""
    for node in el.iter():
        for k, v in node.attrib.items():
            if k.startswith(_R_PREFIX):
                new_id = ctx.rel_copy(v) if ctx.rel_copy is not None else None
                if new_id is None:
                    return False
                node.set(k, new_id)
    return True


_T, _DEL_TEXT, _ID, _FN_REF = w("t"), w("delText"), w("id"), w("footnoteReference")
_COMMENT_REF, _ANNOTATION_REF = w("commentReference"), w("annotationRef")
_INSTR_TEXT, _DEL_INSTR_TEXT = w("instrText"), w("delInstrText")
_SPACE = f"{{{XML_NS}}}space"


def _add_text(r: etree._Element, tname: str, value: str) -> None:
    t = etree.SubElement(r, tname)
    t.text = value
    if value and (value != value.strip() or "  " in value):
        t.set(_SPACE, "preserve")


def _make_run(it: Item, ctx: Context) -> etree._Element | None:
    from_old = it.state == DEL
    r = etree.Element(w("r"))
    src_rpr = it.run.find(w("rPr")) if it.run is not None else None
    rpr = _clean_rpr(src_rpr, ctx, from_old)
    if it.old_run is not None and _key(it.old_run, it.old_rkey) != _key(it.run, it.rkey):
        if rpr is None:
            rpr = etree.Element(w("rPr"))
        change = ctx.rev("rPrChange")
        old_rpr = _clean_rpr(it.old_run.find(w("rPr")), ctx, True)
        inner = etree.SubElement(change, w("rPr"))
        if old_rpr is not None:
            for ch in old_rpr:
                inner.append(ch)
        rpr.append(change)
    if rpr is not None:
        r.append(rpr)
    has_content = False
    tname = _DEL_TEXT if from_old else _T
    text: list[str] = []  # consecutive text, written as one element
    for kind, val in it.content:
        if kind == "text":
            text.append(val)
            has_content = True
            continue
        el = val
        if from_old:
            if el.tag in (_COMMENT_REF, _ANNOTATION_REF):
                continue
            el = copy.deepcopy(el)
            if not _remap_rels(el, ctx):
                continue
            for pr in el.iter(_DOC_PR):  # drawing ids are unique in a document
                if ctx.drawing_id is not None:
                    pr.set("id", str(ctx.drawing_id()))
            if el.tag == _INSTR_TEXT:
                el.tag = _DEL_INSTR_TEXT
            elif el.tag == _FN_REF and ctx.fn_remap is not None:
                el.set(_ID, ctx.fn_remap(el.get(_ID)))
        else:
            el = copy.deepcopy(el)
            if it.state == INS and el.tag == _FN_REF and ctx.fn_inserted is not None:
                ctx.fn_inserted(el.get(_ID))
        if text:
            _add_text(r, tname, "".join(text))
            text = []
        r.append(el)
        has_content = True
        for t in el.iter(_T, _DEL_TEXT):  # text inside an object (a text box)
            value = t.text
            if value and (value != value.strip() or "  " in value):
                t.set(_SPACE, "preserve")
    if text:
        _add_text(r, tname, "".join(text))
    return r if has_content else None


def _container_copy(cont: etree._Element) -> tuple[etree._Element, etree._Element]:
    outer = etree.Element(cont.tag, attrib=dict(cont.attrib), nsmap=None)
    if cont.tag == w("sdt"):
        for ch in cont:
            if ch.tag != w("sdtContent"):
                outer.append(copy.deepcopy(ch))
        inner = etree.SubElement(outer, w("sdtContent"))
        return outer, inner
    if cont.tag == w("smartTag") or cont.tag == w("customXml"):
        pr = cont.find(w("smartTagPr")) if cont.tag == w("smartTag") else cont.find(w("customXmlPr"))
        if pr is not None:
            outer.append(copy.deepcopy(pr))
    return outer, outer


def fill_paragraph(p: etree._Element, items: list[Item], markers, ctx: Context, item_token_pos=None) -> None:
    """Replace the content of ``p`` (all but ``w:pPr``) by runs built from ``items``.

    ``markers`` are ``(position, element)`` pairs placed before the item at that
    position in ``item_token_pos`` (a list giving each item's NEW token index, or
    None for deleted items).
    """
    for ch in list(p):
        if ch.tag != w("pPr"):
            p.remove(ch)
    pending = sorted(markers, key=lambda m: m[0]) if markers else []
    mk = 0
    cur_cont = None  # (source container, inner element)
    cur_rev = None  # (state, wrapper element)

    def target():
        return cur_cont[1] if cur_cont else p

    for idx, it in enumerate(items):
        pos = item_token_pos[idx] if item_token_pos else None
        while pos is not None and mk < len(pending) and pending[mk][0] <= pos:
            cur_cont, cur_rev = None, None
            p.append(copy.deepcopy(pending[mk][1]))
            mk += 1
        if it.container is not (cur_cont[0] if cur_cont else None):
            cur_rev = None
            if it.container is None:
                cur_cont = None
            else:
                outer, inner = _container_copy(it.container)
                if it.state == DEL and not _remap_rels(outer, ctx):
                    for k in [k for k in outer.attrib if k.startswith(_R_PREFIX)]:
                        del outer.attrib[k]  # the link's target is lost, its text kept
                p.append(outer)
                cur_cont = (it.container, inner)
        if any(k == "para-obj" for k, _ in it.content):
            if it.state == DEL:
                continue
            for _, el in it.content:
                el = copy.deepcopy(el)
                if it.state == INS:
                    wrap = ctx.rev("ins")
                    wrap.append(el)
                    el = wrap
                target().append(el)
            cur_rev = None
            continue
        run = _make_run(it, ctx)
        if run is None:
            continue
        if it.state == EQ:
            cur_rev = None
            target().append(run)
        else:
            if cur_rev is None or cur_rev[0] != it.state:
                wrap = ctx.rev(it.state)
                target().append(wrap)
                cur_rev = (it.state, wrap)
            cur_rev[1].append(run)
    while mk < len(pending):
        p.append(copy.deepcopy(pending[mk][1]))
        mk += 1


def rebuild(p: etree._Element, ops, new_para: Para | None, ctx: Context) -> None:
    """Rebuild paragraph ``p`` from word operations, keeping NEW's markers in place
    (``new_para``: NEW's paragraph, or anything holding the ``markers`` of the part written)."""
    # emit per new token so markers land at the right token
    items: list[Item] = []
    positions: list[int | None] = []
    nidx = 0
    for op, toks in ops:
        if op == "-":
            for t in toks:
                for it in _piece_items(t, DEL):
                    items.append(it)
                    positions.append(None)
        else:
            for x in toks:
                n = x[1] if op == "=" else x
                o = x[0] if op == "=" else None
                if o is not None and (same_format(o, n) or o.key.startswith("\x00fn")):
                    o = None
                for it in _piece_items(n, EQ if op == "=" else INS, old_tok=o):
                    items.append(it)
                    positions.append(nidx)
                nidx += 1
    merged: list[Item] = []
    mpos: list[int | None] = []
    marker_pos = {m[0] for m in (new_para.markers if new_para else [])}
    last_plain = False  # the last merged item holds no paragraph-level object
    for it, pos in zip(items, positions):
        plain = not any(k == "para-obj" for k, _ in it.content)
        if merged and _keeps_custom_mark(merged[-1], it):
            _take_custom_mark(merged[-1], it)
            continue
        if merged:
            last = merged[-1]
            if (plain and last_plain and last.state == it.state and last.run is it.run
                    and last.container is it.container
                    and last.run is not None and (pos is None or pos not in marker_pos)
                    and (last.old_run is None) == (it.old_run is None)
                    and (last.old_run is it.old_run
                         or _key(last.old_run, last.old_rkey) == _key(it.old_run, it.old_rkey))):
                last.content.extend(it.content)
                continue
        merged.append(it)  # items are fresh from _piece_items: extended in place
        mpos.append(pos)
        last_plain = plain
    fill_paragraph(p, merged, new_para.markers if new_para else [], ctx, mpos)


_CUSTOM_MARK = w("customMarkFollows")


def _keeps_custom_mark(last: Item, it: Item) -> bool:
    """Whether ``it`` is (part of) the custom mark (``*``) that follows a footnote
    reference with ``w:customMarkFollows`` in the same run: it must stay in that run,
    or the reference loses its mark and shows a number."""
    if last.run is None or it.run is not last.run or it.state != last.state:
        return False
    if not it.content or it.content[0][0] != "text":
        return False
    for kind, val in reversed(last.content):
        if kind != "text":
            return val.tag == _FN_REF and val.get(_CUSTOM_MARK) in ("1", "true", "on")
    return False


def _take_custom_mark(last: Item, it: Item) -> None:
    """Put the mark into the reference's run; a formatting change of the mark is the run's."""
    if last.old_run is None and it.old_run is not None:
        last.old_run, last.old_rkey = it.old_run, it.old_rkey
    last.content.extend(it.content)


def deleted_paragraph(old: Para, ctx: Context) -> etree._Element:
    """A copy of OLD's paragraph with all its text in ``w:del`` (mark set later)."""
    p = old_shell(old, ctx)
    rebuild(p, [("-", old.tokens)], None, ctx)
    return p


def old_shell(old: Para, ctx: Context) -> etree._Element:
    """An empty paragraph with OLD's paragraph properties, as far as NEW's package knows
    their styles and numbering."""
    p = etree.Element(w("p"))
    ppr = old.elem.find(w("pPr"))
    if ppr is not None:
        ppr = copy.deepcopy(ppr)
        for tag in ("sectPr", "pPrChange"):
            for ch in ppr.findall(w(tag)):
                ppr.remove(ch)
        st = ppr.find(w("pStyle"))
        if st is not None and st.get(w("val")) not in ctx.styles:
            ppr.remove(st)
        num = ppr.find(w("numPr"))
        if num is not None:
            nid = num.find(w("numId"))
            if nid is None or nid.get(w("val")) not in ctx.num_ids:
                ppr.remove(num)
        prpr = ppr.find(w("rPr"))
        if prpr is not None:
            for ch in list(prpr):
                if ch.tag in (w("ins"), w("del"), w("moveFrom"), w("moveTo"), w("rPrChange")):
                    prpr.remove(ch)
            st = prpr.find(w("rStyle"))
            if st is not None and st.get(w("val")) not in ctx.styles:
                prpr.remove(st)
        p.append(ppr)
    return p


_PPR_AFTER_RPR = (w("sectPr"), w("pPrChange"))


def set_mark(p: etree._Element, state: str, ctx: Context) -> None:
    """Put a ``w:ins`` / ``w:del`` on the paragraph mark of ``p``."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        for i, ch in enumerate(ppr):
            if ch.tag in _PPR_AFTER_RPR:
                ppr.insert(i, rpr)
                break
        else:
            ppr.append(rpr)
    for ch in list(rpr):
        if ch.tag in (w("ins"), w("del")):
            rpr.remove(ch)
    rpr.insert(0, ctx.rev(state))


def apply_marks(out_paras: list[tuple[etree._Element, str]], ctx: Context) -> None:
    """Mark paragraph marks given each output paragraph's existence state
    (``eq``/``ins``/``del``), shifting trailing blocks (see the module docstring)."""
    state_of = {id(p): s for p, s in out_paras}
    seen: set[int] = set()
    for p, _ in out_paras:
        if id(p) in seen:
            continue
        # the run of sibling paragraphs containing p
        parent = p.getparent()
        if parent is None:
            continue
        sib = []
        for ch in parent:
            if ch.tag == w("p"):
                sib.append(ch)
            elif isinstance(ch.tag, str) and ch.tag not in (w("bookmarkStart"), w("bookmarkEnd"), w("proofErr")):
                _mark_block(sib, state_of, ctx)
                seen.update(id(x) for x in sib)
                sib = []
        _mark_block(sib, state_of, ctx)
        seen.update(id(x) for x in sib)


def _has_footnote(p: etree._Element) -> bool:
    return next(p.iter(w("footnoteReference")), None) is not None


def _before_table(p: etree._Element) -> bool:
    """Whether ``p`` is directly followed by a table (whose first row can take its
    place when its mark goes)."""
    nxt = p.getnext()
    while nxt is not None and nxt.tag in (w("bookmarkStart"), w("bookmarkEnd"), w("proofErr")):
        nxt = nxt.getnext()
    return nxt is not None and nxt.tag == w("tbl")


def _mark_block(block, state_of, ctx):
    """Mark one run of sibling paragraphs.

    Each maximal stretch of deleted/inserted paragraphs normally marks its own
    paragraph marks. It is *shifted* (each mark carries the status of the
    paragraph after it; the paragraph before the stretch takes the first one) when
    the stretch ends the run of siblings (its last mark cannot go), or when it holds
    a footnote reference: LibreOffice 7.4 does not join a paragraph whose deleted
    content holds a footnote anchor with the next paragraph on Accept All, but does
    join the previous paragraph into it.
    """
    if not block:
        return
    states = [state_of.get(id(p), EQ) for p in block]
    if all(s == EQ for s in states):
        return
    marks = list(states)
    last = len(block) - 1
    k = 0
    while k <= last:
        if states[k] == EQ:
            k += 1
            continue
        start = k
        while k <= last and states[k] != EQ:
            k += 1
        end = k - 1
        trailing = end == last
        shift = trailing or any(_has_footnote(block[i]) for i in range(start, end + 1))
        if shift and start > 0:
            for i in range(start - 1, end):
                marks[i] = states[i + 1]
            marks[end] = EQ
        elif trailing and not _before_table(block[end]):
            marks[end] = EQ  # nothing before it to carry the mark: best effort
    for p, m in zip(block, marks):
        if m != EQ:
            set_mark(p, m, ctx)
