"""What the paragraph map says about a paragraph that changed place.

The alignment pairs a paragraph that left its place with a close match elsewhere by
its bag of words; the map calls it ``moved`` only when its words also come back in
the same order: at least :data:`MOVE_KEPT` of the words of the longer of the two
versions are kept by the word diff. Otherwise the two are unrelated (a paragraph
dropped here, another added there, sharing vocabulary) and the map says
``deleted`` and ``added``. A moved paragraph whose text also changed is ``moved,
modified`` (a typed paragraph number changed by the move does not count).
"""
from __future__ import annotations

from .engine import Entry
from .reader import _TYPED_LABEL
from .words import EQUAL

#: Share of the longer version's words the word diff must keep for a move.
MOVE_KEPT = 0.5


def kept_share(ops) -> float:
    """Words kept by the word diff over the words of the longer version (1.0 if none)."""
    kept = old = new = 0
    for op, items in ops:
        if op == EQUAL:
            k = sum(1 for o, _ in items if o.is_word)
            kept += k
            old += k
            new += k
        elif op == "-":
            old += sum(1 for t in items if t.is_word)
        else:
            new += sum(1 for t in items if t.is_word)
    longer = max(old, new)
    return 1.0 if longer == 0 else kept / longer


def text_changed(ops) -> bool:
    """Whether the text changed, beyond a typed paragraph number ("3." for "1.")."""
    if all(op == EQUAL for op, _ in ops):
        return False
    old = "".join(_shown(o) for op, items in ops if op != "+" for o in (
        [x for x, _ in items] if op == EQUAL else items))
    new = "".join(_shown(n) for op, items in ops if op != "-" for n in (
        [y for _, y in items] if op == EQUAL else items))
    return _norm(old) != _norm(new)


def _shown(t) -> str:
    return t.key if not t.key.startswith("\x00") else ("\t" if t.key == "\x00tab" else "\ufffc")


def _norm(text: str) -> str:
    return _TYPED_LABEL.sub("", " ".join(text.split()), count=1)


def status_text(entry) -> str:
    """The status as the map prints it: ``moved, modified`` for a reworded move."""
    if entry.status == "moved" and text_changed(entry.ops):
        return "moved, modified"
    return entry.status


def split_unrelated_moves(entries: list) -> list:
    """``entries`` with each ``moved`` entry whose text does not match (see the module
    docstring) replaced by a ``deleted`` entry at the old place and an ``added`` one at
    the new place."""
    out = list(entries)
    for e in entries:
        if e.status != "moved" or kept_share(e.ops) >= MOVE_KEPT:
            continue
        old_tokens = [t for op, items in e.ops if op != "+"
                      for t in ([o for o, _ in items] if op == EQUAL else items)]
        new_tokens = [t for op, items in e.ops if op != "-"
                      for t in ([n for _, n in items] if op == EQUAL else items)]
        k = out.index(e)
        out[k] = Entry("added", None, e.new_index, ops=[("+", new_tokens)] if new_tokens else [])
        gone = Entry("deleted", e.old_index, None, ops=[("-", old_tokens)] if old_tokens else [])
        # the old place: after the last entry that comes before it in OLD
        at = 0
        for i, x in enumerate(out):
            if x.old_index is not None and x.old_index < e.old_index:
                at = i + 1
        out.insert(at, gone)
    return out
