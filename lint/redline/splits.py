"""A paragraph split in two, or two joined into one, with words changed around the seam.

Negotiators split a long preambular paragraph and put new text between the halves
("..., and taking note of the observations expressed therein, and without prejudice to
the views of the Member States thereon," -> "..., and taking note of the observations
expressed therein," + "Recalling the report of the Secretariat team ..., and without
prejudice to the views of Member States thereon,"). Aligned paragraph by paragraph, the
second half is deleted from the first paragraph and inserted again whole with the new
one. Written as Word's Compare does, the old paragraph is compared with the two new
ones read as one text, and the paragraph mark between them is an inserted mark: Reject
All joins them again into the old paragraph. Two old paragraphs joined into one are the
mirror case: the old paragraphs read as one text against the new one, the first old
paragraph kept with a deleted paragraph mark.

A split is taken when the alignment pairs the old paragraph with one of two
consecutive new paragraphs and inserts the other, and reading the two as one keeps at
least :data:`MIN_GAIN` more words (numbers left out) and a quarter of the inserted
paragraph's words (a join: the same, with old and new swapped), and the paragraph before
is a kept one. Paragraphs holding footnote references are left as they are (where their paragraph marks go is decided
elsewhere), and so are paragraphs whose layout differs from the one they are read
with, so that whichever paragraph's properties the joined paragraph keeps are right.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import etree

from ..ooxml.ns import w
from .align import Row
from .layout import layout_key
from .reader import Para, Token
from .words import DELETE, EQUAL, INSERT, diff_tokens

#: Words (numbers left out) that reading two new paragraphs as one must keep in addition.
MIN_GAIN = 4
#: Share of the other new paragraph's words that must come from the old paragraph.
MIN_SHARE = 0.25


@dataclass
class Split:
    """Old paragraph ``old`` written as new paragraphs ``first`` and ``first + 1``."""

    old: int
    first: int
    ops_first: list
    ops_second: list


@dataclass
class Join:
    """Old paragraphs ``first`` and ``first + 1`` written as new paragraph ``new``."""

    first: int
    new: int
    ops_first: list
    ops_second: list


@dataclass
class Markers:
    """NEW's zero-width markers of one part of a paragraph (see :func:`resolint.redline.writer.rebuild`)."""

    markers: list


def part_markers(para: Para, start: int, end: int | None) -> Markers:
    """The markers of ``para`` standing before its tokens ``start`` to ``end``, counted from ``start``."""
    return Markers([(pos - start, el) for pos, el in para.markers
                    if pos >= start and (end is None or pos < end)])


def _kept(ops) -> int:
    return sum(1 for op, items in ops if op == EQUAL for o, _ in items if o.is_plain_word)


def _words(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.is_plain_word)


def _plain(p: object) -> bool:
    return isinstance(p, Para) and bool(p.atoms) and not p.fn_ids


def _may_gain(single: Para, paired: Para, other: Para) -> bool:
    """Whether ``other`` can share enough words with what of ``single`` ``paired`` leaves (a
    bound from the paragraphs' words alone, so most candidates are never diffed)."""
    left = Counter(w_ for w_ in single.words() if w_ != "#")
    left.subtract(w_ for w_ in paired.words() if w_ != "#")
    mine = Counter(w_ for w_ in other.words() if w_ != "#")
    shared = sum(min(n, left[w_]) for w_, n in mine.items() if left[w_] > 0)
    return shared >= max(MIN_GAIN, MIN_SHARE * sum(mine.values()))


def _same_layout(a: Para, b: Para) -> bool:
    ppr: etree._Element | None = a.elem.find(w("pPr"))
    return layout_key(ppr) == layout_key(b.elem.find(w("pPr")))


def new_tokens(ops) -> int:
    """How many new tokens ``ops`` hold."""
    return sum(len(items) for op, items in ops if op != DELETE)


def cut(ops, boundary: int, side: str = "new") -> tuple[list, list]:
    """``ops`` cut where the second paragraph's tokens begin, ``boundary`` tokens in: new
    tokens for a split (two new paragraphs read as one), old ones for a join (``side="old"``).
    An operation on the other side's tokens at the boundary ends the first part."""
    other = DELETE if side == "new" else INSERT
    first: list = []
    second: list = []
    seen = 0
    for op, items in ops:
        if op == other:
            (first if seen < boundary or not second else second).append((op, items))
            continue
        take = max(0, min(len(items), boundary - seen))
        if take:
            first.append((op, items[:take]))
        if take < len(items):
            second.append((op, items[take:]))
        seen += len(items)
    return first, second


def _worth(alone: int, both: int, first_ops: list, second_ops: list, gained: int, other_words: int) -> bool:
    return (both - alone >= MIN_GAIN and gained >= MIN_SHARE * other_words
            and any(op == EQUAL for op, _ in first_ops) and any(op == EQUAL for op, _ in second_ops))


def find(rows: list[Row], old_ps: list, new_ps: list) -> dict[int, Split | Join]:
    """Splits and joins among ``rows``, keyed by the position of their first row in ``rows``
    (each replaces that row and the next)."""
    out: dict[int, Split | Join] = {}
    k = 0
    while k + 1 < len(rows):
        found = None
        a, b = rows[k], rows[k + 1]
        # after a kept paragraph only: next to other inserted or deleted paragraphs, the
        # marks of a stretch may be shifted to its neighbours (resolint.redline.writer)
        if not (a.moved or b.moved) and (k == 0 or rows[k - 1].kind == "pair"):
            kinds = (a.kind, b.kind)
            if kinds == ("pair", "ins") and b.new == a.new + 1:
                found = _split(a.old, a.new, a.new + 1, old_ps, new_ps)
            elif kinds == ("ins", "pair") and b.new == a.new + 1:
                found = _split(b.old, a.new, a.new, old_ps, new_ps)
            elif kinds == ("pair", "del") and b.old == a.old + 1:
                found = _join(a.old, a.new, a.old + 1, old_ps, new_ps)
            elif kinds == ("del", "pair") and b.old == a.old + 1:
                found = _join(a.old, b.new, a.old, old_ps, new_ps)
        if found is not None:
            out[k] = found
            k += 2
        else:
            k += 1
    return out


def _split(old: int, first: int, other: int, old_ps: list, new_ps: list) -> Split | None:
    """Old paragraph ``old`` as new ``first`` and ``first + 1`` (``other``: the one inserted)."""
    o, n1, n2 = old_ps[old], new_ps[first], new_ps[first + 1]
    paired = first + 1 if other == first else first
    if not (_plain(o) and _plain(n1) and _plain(n2) and _same_layout(o, n1)
            and _may_gain(o, new_ps[paired], new_ps[other])):
        return None
    alone = _kept(diff_tokens(o.tokens, new_ps[paired].tokens))
    ops = diff_tokens(o.tokens, n1.tokens + n2.tokens)
    first_ops, second_ops = cut(ops, len(n1.tokens))
    gained = _kept(first_ops if other == first else second_ops)
    if _worth(alone, _kept(ops), first_ops, second_ops, gained, _words(new_ps[other].tokens)):
        return Split(old, first, first_ops, second_ops)
    return None


def _join(first: int, new: int, other: int, old_ps: list, new_ps: list) -> Join | None:
    """Old ``first`` and ``first + 1`` as new paragraph ``new`` (``other``: the old one deleted)."""
    o1, o2, n = old_ps[first], old_ps[first + 1], new_ps[new]
    paired = first + 1 if other == first else first
    if not (_plain(o1) and _plain(o2) and _plain(n) and _same_layout(o1, n)
            and _may_gain(n, old_ps[paired], old_ps[other])):
        return None
    alone = _kept(diff_tokens(old_ps[paired].tokens, n.tokens))
    ops = diff_tokens(o1.tokens + o2.tokens, n.tokens)
    first_ops, second_ops = cut(ops, len(o1.tokens), side="old")
    gained = _kept(first_ops if other == first else second_ops)
    if _worth(alone, _kept(ops), first_ops, second_ops, gained, _words(old_ps[other].tokens)):
        return Join(first, new, first_ops, second_ops)
    return None
