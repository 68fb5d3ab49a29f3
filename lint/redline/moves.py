"""Moved paragraphs written as Word's moves (``w:moveFrom`` / ``w:moveTo``).

The aligner reports a paragraph found out of order as moved; the engine first
writes it as a deletion at its old place and an insertion at its new one. When
the move is one Word and LibreOffice both replay exactly, that markup is turned
into a move: the old place's ``w:del`` become ``w:moveFrom`` (its text ``w:t``
again), the new place's ``w:ins`` become ``w:moveTo``, each paragraph mark
included, and a pair of named ranges (``w:moveFromRangeStart``/``End`` and
``w:moveToRangeStart``/``End``, one name per move) encloses each place.

A move stays a deletion plus an insertion when:

- the paragraph was also edited (its words or their formatting differ): a move
  with changes nested inside is not written;
- it holds a footnote reference: the deleted place refers to a copy of the old
  footnote, the new place to NEW's own, so the two places differ;
- a paragraph mark revision had to be carried by a neighbour (the paragraph ends
  its container, or stands next to a table) - see :func:`writer.apply_marks`.
"""
from __future__ import annotations

from lxml import etree

from ..ooxml.ns import w
from . import reader as rd

_DEL, _INS, _MOVE_FROM, _MOVE_TO = w("del"), w("ins"), w("moveFrom"), w("moveTo")
_T, _DEL_TEXT, _INSTR, _DEL_INSTR = w("t"), w("delText"), w("instrText"), w("delInstrText")
_PPR, _RPR = w("pPr"), w("rPr")


def _mark(p: etree._Element) -> etree._Element | None:
    rpr = p.find(f"{_PPR}/{_RPR}")
    if rpr is None:
        return None
    return next((ch for ch in rpr if ch.tag in (_DEL, _INS)), None)


class Moves:
    """Collects the two places of each moved paragraph of one container, then marks
    those that qualify as moves (see the module docstring)."""

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        self.ctx = ctx
        self._places: dict[int, list] = {}  # old index -> [old place, new place, old para, new para]

    def source(self, key: int, p: etree._Element, old: rd.Para) -> None:
        slot = self._places.setdefault(key, [None, None, None, None])
        slot[0], slot[2] = p, old

    def target(self, key: int, p: etree._Element, new: rd.Para) -> None:
        slot = self._places.setdefault(key, [None, None, None, None])
        slot[1], slot[3] = p, new

    def mark(self) -> int:
        """Turn qualifying moves into move markup; returns how many."""
        done = 0
        for key in sorted(self._places):
            src, dst, old, new = self._places[key]
            if src is None or dst is None or old.fn_ids or new.fn_ids or not old.text.strip():
                continue
            if not rd.same_content(old, new):
                continue
            ms, md = _mark(src), _mark(dst)
            if ms is None or md is None or ms.tag != _DEL or md.tag != _INS:
                continue
            name = f"move{self.ctx.next_id}"
            self._convert(src, _DEL, _MOVE_FROM, "moveFrom", name)
            self._convert(dst, _INS, _MOVE_TO, "moveTo", name)
            done += 1
        return done

    def _convert(self, p: etree._Element, tag: str, to: str, kind: str, name: str) -> None:
        for el in list(p.iter(tag)):
            el.tag = to
        if to == _MOVE_FROM:
            for el in list(p.iter(_DEL_TEXT, _DEL_INSTR)):
                el.tag = _T if el.tag == _DEL_TEXT else _INSTR
        start = self.ctx.rev(f"{kind}RangeStart")
        start.set(w("name"), name)
        end = etree.Element(w(f"{kind}RangeEnd"))
        end.set(w("id"), start.get(w("id")))
        ppr = p.find(_PPR)
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(end)
