"""An annotated copy of a draft: every finding becomes a Word comment on the text it flags.

Each comment is anchored on the finding's span (``w:commentRangeStart`` /
``w:commentRangeEnd`` and a run holding ``w:commentReference``); a finding with an empty
span is anchored on its whole paragraph, and a finding on the whole document on the first
paragraph. The comment, by ``author`` ("resolint" unless told), is written for a drafter in
the draft's language (:mod:`resolint.messages`): the code, the rule's name and the convention,
what was found, how to fix it, and a link to the rule's page.

If the draft has no comments part, one is added (``word/comments.xml``, a relationship
from the main part and a content-type override). Existing comments are kept. Only the
main part, footnotes, comments, the main part's relationships and ``[Content_Types].xml``
may change; every other entry keeps its bytes.
"""
from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lxml import etree

from .findings import Finding
from .fixer import (
    PackageView,
    insert_at,
    max_id,
    serialize,
    story_roots,
)
from .model import Paragraph, Resolution
from .ooxml.ns import CT, PKG_REL, REL_COMMENTS, W, w
from .ooxml.package import parse_xml

if TYPE_CHECKING:
    from .plugin_manager import Manager

COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_R = w("r")
_T = w("t")
_PPR = w("pPr")


def _fix_line(finding: Finding, part: Paragraph | None, language: str | None) -> list[str]:
    """How to fix ``finding``, in the draft's language: the change itself when it is one edit."""
    from . import messages

    fix = finding.fix
    if fix is None or not fix.edits:
        return [messages.text("fix_manual", language)]
    auto = messages.text("fix_auto" if fix.safety.value == "safe" else "fix_auto_unsafe", language)
    if len(fix.edits) == 1 and part is not None and fix.edits[0].paragraph == part.index and fix.edits[0].start >= 0:
        edit = fix.edits[0]
        old, new = part.text[edit.start:edit.end], edit.replacement
        if old.strip() == "" or new.strip() == "" or old.startswith(new) or old.endswith(new):
            # Only what changes: "  " -> " " is one space deleted, ";." -> ";" a full stop.
            while old and new and old[0] == new[0]:
                old, new = old[1:], new[1:]
            while old and new and old[-1] == new[-1]:
                old, new = old[:-1], new[:-1]
        if old and not new and not old.strip():
            return [messages.text("fix_delete_spaces", language, count=len(old)), auto]
        if old and not new:
            return [messages.text("fix_delete", language, old=old), auto]
        if new and not old:
            return [messages.text("fix_insert", language, new=new), auto]
        if old or new:
            return [messages.text("fix_replace", language, old=old, new=new), auto]
    return [messages.text("fix_other", language, description=fix.description or "…"), auto]


def comment_text(finding: Finding, manager: "Manager | None" = None, *, language: str | None = None,
                 part: Paragraph | None = None, docs_url: str | None = None) -> list[str]:
    """The paragraphs of the comment for ``finding``, in ``language`` (the draft's): the rule
    and the convention it enforces, what was found, how to fix it, and a link to the rule's
    page (see :mod:`resolint.messages`)."""
    from . import messages

    rule = manager.rules.get(finding.code) if manager is not None else None
    summary = messages.summary(finding.code, rule.summary if rule is not None else "", language)
    lines = [messages.text("heading", language, code=finding.code, name=finding.name, summary=summary.rstrip("."))
             if summary else f"{finding.code} {finding.name}."]
    lines.append(messages.text("problem", language, message=finding.message))
    lines += _fix_line(finding, part, language)
    lines.append(messages.text("more", language, url=messages.rule_url(finding.code, docs_url)))
    return lines


def _point(part: Paragraph, pos: int, at_end: bool) -> tuple[Any, int] | None:
    """The XML element and local offset of text offset ``pos`` (start or end of a range)."""
    best = None
    for run in part.runs:
        if run.source is None or run.end <= run.start:
            continue
        if at_end:
            ok = run.start < pos <= run.end
        else:
            ok = run.start <= pos < run.end
        if not ok:
            continue
        src = run.source
        if src.tag == _T:
            return src, pos - run.start + run.source_offset
        if src.tag == _R:  # a footnote mark: never split, anchor around it
            return src, (1 if at_end else 0)
        best = (src, 1 if at_end else 0)
        break
    return best


def _top_child(p: Any, el: Any) -> Any:
    while el.getparent() is not None and el.getparent() is not p:
        el = el.getparent()
    return el


def _reference_run(cid: str) -> Any:
    r = etree.Element(_R)
    rpr = etree.SubElement(r, w("rPr"))
    etree.SubElement(rpr, w("rStyle")).set(w("val"), "CommentReference")
    etree.SubElement(r, w("commentReference")).set(w("id"), cid)
    return r


def _whole(p: Any, cid: str) -> None:
    """Anchor comment ``cid`` on the whole paragraph ``p``."""
    rs = etree.Element(w("commentRangeStart"))
    rs.set(w("id"), cid)
    ppr = p.find(_PPR)
    if ppr is not None:
        ppr.addnext(rs)
    else:
        p.insert(0, rs)
    re_ = etree.SubElement(p, w("commentRangeEnd"))
    re_.set(w("id"), cid)
    p.append(_reference_run(cid))


def anchor_all(part: Paragraph, ranges: list[tuple[int, int, str]]) -> None:
    """Anchor comments on ``[start, end)`` ranges of ``part`` (an empty range: the whole paragraph).

    Marks are placed from the right to the left, so that the elements and offsets the
    model gives for the text further left stay valid while runs are split.
    """
    p = part.element
    points: list[tuple[int, int, str]] = []
    for start, end, cid in ranges:
        if end > start and _point(part, start, False) and _point(part, end, True):
            points.append((end, 1, cid))
            points.append((start, 0, cid))
        else:
            _whole(p, cid)
    points.sort(key=lambda t: (t[0], t[1]), reverse=True)
    for pos, is_end, cid in points:
        el, off = _point(part, pos, bool(is_end))  # type: ignore[misc]
        mark = etree.Element(w("commentRangeEnd" if is_end else "commentRangeStart"))
        mark.set(w("id"), cid)
        insert_at(el, off, mark)
        if is_end:
            _top_child(p, mark).addnext(_reference_run(cid))


def _comment_element(cid: str, lines: list[str], author: str, date: str) -> Any:
    c = etree.Element(w("comment"), nsmap={"w": W})
    c.set(w("id"), cid)
    c.set(w("author"), author)
    c.set(w("date"), date)
    c.set(w("initials"), author[:2].upper() or "RL")
    for i, line in enumerate(lines):
        para = etree.SubElement(c, w("p"))
        ppr = etree.SubElement(para, _PPR)
        etree.SubElement(ppr, w("pStyle")).set(w("val"), "CommentText")
        if i == 0:
            mark = etree.SubElement(para, _R)
            etree.SubElement(etree.SubElement(mark, w("rPr")), w("rStyle")).set(w("val"), "CommentReference")
            etree.SubElement(mark, w("annotationRef"))
        r = etree.SubElement(para, _R)
        t = etree.SubElement(r, _T)
        t.text = line
        if line != line.strip() or "  " in line:
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return c


def _add_comments_part(view: PackageView) -> tuple[str, Any]:
    """Create ``comments.xml`` next to the main part, with its relationship and content type."""
    folder = posixpath.dirname(view.main)
    name = posixpath.join(folder, "comments.xml") if folder else "comments.xml"
    n = 1
    names = {x for x, _ in view.entries}
    while name in names:
        name = posixpath.join(folder, f"comments{n}.xml")
        n += 1
    rels_name = view.rels_name(view.main)
    data = view.get(rels_name)
    rels = parse_xml(data, rels_name) if data is not None else etree.Element(
        "{%s}Relationships" % PKG_REL, nsmap={None: PKG_REL})
    ids = {rel.get("Id") for rel in rels}
    k = len(ids) + 1
    while f"rId{k}" in ids:
        k += 1
    rel = etree.SubElement(rels, "{%s}Relationship" % PKG_REL)
    rel.set("Id", f"rId{k}")
    rel.set("Type", REL_COMMENTS)
    rel.set("Target", posixpath.relpath(name, folder or "."))
    view.put(rels_name, serialize(rels))
    ct_data = view.get("[Content_Types].xml")
    if ct_data is not None:
        ct = parse_xml(ct_data, "[Content_Types].xml")
        over = etree.SubElement(ct, "{%s}Override" % CT)
        over.set("PartName", "/" + name)
        over.set("ContentType", COMMENTS_TYPE)
        view.put("[Content_Types].xml", serialize(ct))
    root = etree.Element(w("comments"), nsmap={"w": W})
    return name, root


def _note_references(doc: Resolution) -> dict[int, tuple[Paragraph, tuple[int, int]]]:
    """For each footnote paragraph (by ``id``), the body paragraph holding its mark and the mark's span."""
    marks: dict[str, tuple[Paragraph, tuple[int, int]]] = {}
    for p in doc.paragraphs:
        for ref in p.footnote_refs:
            if ref.footnote_id is not None and not ref.via_noteref and ref.footnote_id not in marks:
                marks[ref.footnote_id] = (p, (ref.start, ref.end))
    out = {}
    for fn in doc.footnotes:
        if fn.id in marks:
            for fp in fn.paragraphs:
                out[id(fp)] = marks[fn.id]
    return out


def annotate_data(data: bytes, doc: Resolution, findings: list[Finding], manager: "Manager | None" = None, *,
                  author: str = "resolint", date: str = "1980-01-01T00:00:00Z",
                  docs_url: str | None = None,
                  lines_of: "Callable[[Finding], list[str]] | None" = None) -> bytes:
    """The bytes of ``data`` (the file ``doc`` was loaded from) with one comment per finding
    (its paragraphs: ``lines_of(finding)`` if given, else :func:`comment_text`, written in the
    message language: the draft's unless the configuration chose another)."""
    view = PackageView.from_bytes(data)
    main, notes = story_roots(doc)
    if main is None:
        return data
    if view.comments is not None:
        croot = parse_xml(view.get(view.comments) or b"", view.comments)
        cname = view.comments
    else:
        cname, croot = None, None
    parts = {p.index: p for p in doc.all_parts()}
    first_body = next((p for p in doc.paragraphs if p.text.strip()), doc.paragraphs[0] if doc.paragraphs else None)
    next_id = max_id(main, notes, croot) + 1
    changed_notes = False
    added = []
    ranges: dict[int, list[tuple[int, int, str]]] = {}
    in_notes = _note_references(doc)
    language = doc.facts.get("message_language") or doc.language
    for f in findings:
        part = parts.get(f.paragraph) or first_body
        if part is None or part.element is None:
            continue
        start, end = (f.start, f.end) if part is parts.get(f.paragraph) else (0, 0)
        lines = (lines_of(f) if lines_of is not None
                 else comment_text(f, manager, language=language, part=part, docs_url=docs_url))
        if id(part) in in_notes:
            # A comment inside a footnote is one not every program opens (LibreOffice 7.4 cannot):
            # it goes on the footnote's mark in the text, and says which footnote it is about.
            from .messages import text as _msg

            part, (start, end) = in_notes[id(part)]
            lines[0] = f"{_msg('in_footnote', language, label=f.label)} {lines[0]}"
        start = max(start, -part.prefix_len)
        end = min(end, len(part.text))
        cid = str(next_id)
        next_id += 1
        ranges.setdefault(part.index, []).append((start, end, cid))
        if notes is not None and part.element.getroottree().getroot() is notes:
            changed_notes = True
        added.append(_comment_element(cid, lines, author, date))
    for index, spans in ranges.items():
        anchor_all(parts.get(index) or first_body, spans)  # type: ignore[arg-type]
    if not added:
        return view.to_bytes()
    if croot is None:
        cname, croot = _add_comments_part(view)
    for c in added:
        croot.append(c)
    view.put(view.main, serialize(main))
    if changed_notes and view.footnotes:
        view.put(view.footnotes, serialize(notes))
    view.put(cname, serialize(croot))  # type: ignore[arg-type]
    return view.to_bytes()
