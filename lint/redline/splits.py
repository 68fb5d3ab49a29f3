"""A paragraph split in two: one old paragraph whose words run on into the next new one.

Negotiators split a long preambular paragraph and put new text between the halves
("..., and taking note of the observations expressed therein, and without prejudice to
the views of the Member States thereon," -> "..., and taking note of the observations
expressed therein," + "Recalling the report of the Secretariat team ..., and without
prejudice to the views of Member States thereon,"). Aligned paragraph by paragraph, the
second half is deleted from the first paragraph and inserted again whole with the new
one. Written as Word's Compare does, the old paragraph is compared with the two new
ones read as one text, and the paragraph mark between them is an inserted mark: Reject
All joins them again into the old paragraph.

A split is taken when the alignment pairs the old paragraph with one of two
consecutive new paragraphs and inserts the other, and reading the two as one keeps at
least :data:`MIN_GAIN` more words (numbers left out) and a quarter of the inserted
paragraph's words. Paragraphs holding footnote references or paragraph-level objects
are left as they are (where their paragraph marks go is decided elsewhere).
"""
from __future__ import annotations

from dataclasses import dataclass

from .align import Row
from .reader import FN_KEY, Para, Token
from .words import DELETE, EQUAL, diff_tokens

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


def _kept(ops) -> int:
    return sum(1 for op, items in ops if op == EQUAL for o, _ in items if o.is_word and not o.is_number)


def _words(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.is_word and not t.is_number)


def _plain(p: object) -> bool:
    return (isinstance(p, Para) and bool(p.atoms) and not p.fn_ids
            and not any(t.key == FN_KEY for t in p.tokens))


def cut(ops, boundary: int) -> tuple[list, list]:
    """``ops`` (of old tokens against the tokens of two paragraphs read as one) cut where
    the second paragraph's tokens begin (``boundary`` new tokens into the text); a deletion
    at the boundary ends the first part."""
    first: list = []
    second: list = []
    seen = 0
    for op, items in ops:
        if op == DELETE:
            (first if seen < boundary or not second else second).append((op, items))
            continue
        take = max(0, min(len(items), boundary - seen))
        if take:
            first.append((op, items[:take]))
        if take < len(items):
            second.append((op, items[take:]))
        seen += len(items)
    return first, second


def find(rows: list[Row], old_ps: list, new_ps: list) -> dict[int, Split]:
    """Splits among ``rows``, keyed by the position of their first row in ``rows`` (the
    split replaces that row and the next)."""
    out: dict[int, Split] = {}
    k = 0
    while k + 1 < len(rows):
        a, b = rows[k], rows[k + 1]
        if a.moved or b.moved:
            k += 1
            continue
        if a.kind == "pair" and b.kind == "ins" and b.new == a.new + 1:
            old, first, other = a.old, a.new, b.new
        elif a.kind == "ins" and b.kind == "pair" and b.new == a.new + 1:
            old, first, other = b.old, a.new, a.new
        else:
            k += 1
            continue
        paired = b.new if a.kind == "ins" else a.new
        o, n1, n2 = old_ps[old], new_ps[first], new_ps[first + 1]
        if not (_plain(o) and _plain(n1) and _plain(n2)):
            k += 1
            continue
        alone = _kept(diff_tokens(o.tokens, new_ps[paired].tokens))
        ops = diff_tokens(o.tokens, n1.tokens + n2.tokens)
        both = _kept(ops)
        first_ops, second_ops = cut(ops, len(n1.tokens))
        gained_in_other = _kept(first_ops if other == first else second_ops)
        if (both - alone >= MIN_GAIN and gained_in_other >= MIN_SHARE * _words(new_ps[other].tokens)
                and any(op == EQUAL for op, _ in first_ops) and any(op == EQUAL for op, _ in second_ops)):
            out[k] = Split(old, first, first_ops, second_ops)
            k += 2
            continue
        k += 1
    return out

