"""An independent reader of tracked changes: the accepted and rejected views of a .docx.

Written without the redline package so that the tests compare the redline writer
with a second, simpler reading of the OOXML rules:

- accept: drop ``w:del`` / ``w:moveFrom`` content, keep ``w:ins`` / ``w:moveTo`` content;
  a paragraph whose mark is deleted joins the next paragraph;
- reject: the reverse (``w:delText`` read as text); a paragraph whose mark is inserted
  joins the next paragraph;
- a table row whose ``w:trPr`` holds ``w:del`` is gone on accept, one holding ``w:ins``
  is gone on reject; a table left without rows is gone.

Tables are also returned as rows of cell texts, so that a row left empty shows.

Text is read as: ``w:t``/``w:delText`` text, ``w:tab`` -> ``\\t``, ``w:br`` -> ``\\n``,
a footnote reference -> ``[^n]`` where ``n`` numbers the footnotes in view order;
footnotes are returned in the order of their references.
"""
from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _parts(docx: bytes | str) -> tuple[etree._Element, etree._Element | None]:
    data = docx if isinstance(docx, bytes) else open(docx, "rb").read()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        doc = etree.fromstring(zf.read("word/document.xml"))
        fn = etree.fromstring(zf.read("word/footnotes.xml")) if "word/footnotes.xml" in names else None
    return doc, fn


def _hidden(el, mode: str) -> bool:
    """Is ``el`` inside content removed in this view?"""
    drop = {"accept": (_q("del"), _q("moveFrom")), "reject": (_q("ins"), _q("moveTo"))}.get(mode, ())
    node = el.getparent()
    while node is not None and node.tag != _q("p"):
        if node.tag in drop:
            return True
        node = node.getparent()
    return False


def _mark_removed(p, mode: str) -> bool:
    rpr = p.find(f"{_q('pPr')}/{_q('rPr')}")
    if rpr is None or mode == "plain":
        return False
    tags = (_q("del"), _q("moveFrom")) if mode == "accept" else (_q("ins"), _q("moveTo"))
    return any(rpr.find(t) is not None for t in tags)


def _para_items(p, mode: str, fn_refs: list):
    out = []
    for el in p.iter(_q("t"), _q("delText"), _q("tab"), _q("br"), _q("cr"), _q("footnoteReference")):
        # skip nested text boxes and paragraph properties
        anc = el.getparent()
        skip = False
        while anc is not None and anc is not p:
            if anc.tag in (_q("p"), _q("pPr"), _q("txbxContent")):
                skip = True
                break
            anc = anc.getparent()
        if skip or _hidden(el, mode):
            continue
        if el.tag == _q("tab") and el.getparent().tag != _q("r"):
            continue  # a tab stop definition, not a tab character
        if el.tag in (_q("t"), _q("delText")):
            out.append(el.text or "")
        elif el.tag == _q("tab"):
            out.append("\t")
        elif el.tag in (_q("br"), _q("cr")):
            out.append("\n")
        else:
            fn_refs.append(el.get(_q("id")))
            out.append(f"[^{len(fn_refs)}]")
    return "".join(out)


def _row_removed(tr, mode: str) -> bool:
    pr = tr.find(_q("trPr"))
    if pr is None or mode == "plain":
        return False
    return pr.find(_q("del") if mode == "accept" else _q("ins")) is not None


def _in_removed_row(el, mode: str) -> bool:
    return any(a.tag == _q("tr") and _row_removed(a, mode) for a in el.iterancestors())


def _tables(container, mode: str) -> list:
    out = []
    for tbl in container.iter(_q("tbl")):
        if _in_removed_row(tbl, mode):
            continue
        rows = [["\n".join(_paragraphs(tc, mode, [])) for tc in tr.findall(_q("tc"))]
                for tr in tbl.findall(_q("tr")) if not _row_removed(tr, mode)]
        if rows:
            out.append(rows)
    return out


def _paragraphs(container, mode: str, fn_refs: list, nested: bool = True) -> list[str]:
    paras = [p for p in container.iter(_q("p")) if not any(a.tag == _q("txbxContent") for a in p.iterancestors())
             and not _in_removed_row(p, mode)]
    out: list[str] = []
    carry = ""
    for p in paras:
        text = carry + _para_items(p, mode, fn_refs)
        if _mark_removed(p, mode):
            carry = text
            continue
        carry = ""
        out.append(text)
    if carry:
        out.append(carry)
    return out


def view(docx: bytes | str, mode: str = "plain") -> dict:
    """``{"body": [paragraph texts], "footnotes": [footnote texts], "tables": [rows of
    cell texts]}`` in view ``mode`` (``plain`` for a file without revisions, ``accept``
    or ``reject``)."""
    doc, fns = _parts(docx)
    refs: list[str] = []
    body = _paragraphs(doc.find(_q("body")), mode, refs)
    notes = []
    by_id = {}
    if fns is not None:
        by_id = {f.get(_q("id")): f for f in fns.findall(_q("footnote"))}
    for fid in refs:
        fn = by_id.get(fid)
        if fn is None:
            notes.append(None)
            continue
        notes.append("\n".join(_paragraphs(fn, mode, [])))
    return {"body": body, "footnotes": notes, "tables": _tables(doc.find(_q("body")), mode)}


def revision_count(docx: bytes | str) -> int:
    doc, fns = _parts(docx)
    n = 0
    for root in (doc, fns):
        if root is not None:
            n += sum(1 for _ in root.iter(_q("ins"), _q("del"), _q("rPrChange"), _q("moveFrom"), _q("moveTo")))
    return n
