"""Tracked fixes that change only spaces, made visible: a comment on each.

Word shows a deleted space as a hairline strike through nothing, and a space replaced by a
no-break space not at all: a reviewer accepting changes one by one passes over them. So
``--fix --track`` puts a comment on every tracked change whose deleted and inserted text
is only white space ("Tracked change: 1 space deleted here"), in the draft's language
(:mod:`resolint.messages`), by the same author and date as the change. A comment is what
a Word user notices: it sits in the margin, is listed in the Reviewing pane and is walked
through by Next Comment; accepting or rejecting the change leaves the text as the change
says, and the comment is deleted like any other. Only the main part is marked (a comment
inside a footnote is one not every program opens).
"""
from __future__ import annotations

from typing import Any

from .ooxml.ns import w
from .ooxml.package import parse_xml

_DEL, _INS, _R, _P = w("del"), w("ins"), w("r"), w("p")


def _text(el: Any, tag: str) -> str:
    return "".join(t.text or "" for t in el.iter(w(tag)))


def _space_changes(main: Any) -> list[tuple[Any, Any, str, int]]:
    """(first element, last element, kind, count) of each tracked change of spaces only."""
    out = []
    for d in main.iter(_DEL):
        parent = d.getparent()
        if parent is None or parent.tag != _P:
            continue
        gone = _text(d, "delText")
        if not gone or gone.strip():
            continue
        nxt = d.getnext()
        if nxt is not None and nxt.tag == _INS:
            added = _text(nxt, "t")
            if added.strip():
                continue  # a visible insertion: the change is seen
            if not added or (len(added) < len(gone) and (gone.startswith(added) or gone.endswith(added))):
                out.append((d, nxt, "space_deleted", len(gone) - len(added)))  # "  " -> " ": one deleted
            else:
                out.append((d, nxt, "space_changed", len(gone)))
        else:
            prev = d.getprevious()
            if prev is not None and prev.tag == _INS and _text(prev, "t").strip():
                continue
            out.append((d, d, "space_deleted", len(gone)))
    return out


def mark_space_changes(data: bytes, *, author: str, date: str, language: str | None) -> bytes:
    """``data`` (a .docx with tracked fixes) with a comment on each change of spaces only."""
    from lxml import etree

    from . import messages
    from .annotate import _add_comments_part, _comment_element, _reference_run
    from .fixer import PackageView, max_id, serialize

    view = PackageView.from_bytes(data)
    main_data = view.get(view.main)
    if main_data is None:
        return data
    main = parse_xml(main_data, view.main)
    changes = _space_changes(main)
    if not changes:
        return data
    if view.comments is not None:
        cname, croot = view.comments, parse_xml(view.get(view.comments) or b"", view.comments)
    else:
        cname, croot = None, None
    notes = parse_xml(view.get(view.footnotes) or b"", view.footnotes) if view.footnotes else None
    next_id = max_id(main, notes, croot) + 1
    added = []
    for first, last, kind, count in changes:
        cid = str(next_id)
        next_id += 1
        start = etree.Element(w("commentRangeStart"))
        start.set(w("id"), cid)
        first.addprevious(start)
        end = etree.Element(w("commentRangeEnd"))
        end.set(w("id"), cid)
        last.addnext(end)
        end.addnext(_reference_run(cid))
        added.append(_comment_element(cid, [messages.text(kind, language, count=count)], author, date))
    if croot is None:
        cname, croot = _add_comments_part(view)
    for c in added:
        croot.append(c)
    view.put(view.main, serialize(main))
    view.put(cname, serialize(croot))  # type: ignore[arg-type]
    return view.to_bytes()
