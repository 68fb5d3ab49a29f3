"""Generated OLD/NEW pairs for the redline tests.

A document is a list of :class:`P` specs (opener, rest of the text, optional
footnote, automatic or typed number) and :class:`T` tables (rows of cell texts);
:func:`build` turns it into .docx bytes with ``resolint.testing.builder``.
:data:`EDITS` and :data:`TABLE_EDITS` are named edits on such lists.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, replace

from resolint.testing.builder import DocBuilder, FootnoteRef, Run

WORDS = ("the of and to in States Member international cooperation police criminal organization "
         "General Assembly Secretary-General report resolution United Nations INTERPOL terrorism "
         "crime support capacity efforts information sharing requests encourages welcomes notes "
         "recalls further also its relevant regional national law enforcement agencies training").split()
OPENERS_PP = ["Recalling", "Noting", "Welcoming", "Reaffirming", "Recognizing", "Mindful", "Concerned"]
OPENERS_OP = ["Decides", "Requests", "Encourages", "Invites", "Urges", "Calls upon", "Welcomes"]


@dataclass(frozen=True)
class P:
    opener: str
    text: str
    fn: str | None = None
    numbering: str | None = None  # None, "auto" or "typed"
    italic: bool = True
    align: str | None = None  # w:jc
    style: str | None = None  # paragraph style id
    indent: int | None = None  # left indentation, twips


def base(n: int, seed: int = 0, footnote_every: int = 5) -> list[P]:
    rng = random.Random(seed)
    out = [P("", "Cooperation between the United Nations and INTERPOL", italic=False),
           P("", "The General Assembly,", italic=False)]
    npp = max(1, n // 3)
    for i in range(n):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
        fn = f"Resolution {rng.randint(50, 79)}/{rng.randint(1, 300)}." if i % footnote_every == 2 else None
        if i < npp:
            out.append(P(rng.choice(OPENERS_PP), f"{words} {i},", fn))
        else:
            out.append(P(rng.choice(OPENERS_OP), f"{words} {i};", fn, numbering="auto"))
    return out


@dataclass(frozen=True)
class T:
    """A table: rows of cell texts."""

    rows: tuple[tuple[str, ...], ...]


def table(seed: int, nrows: int = 4, ncols: int = 3) -> T:
    rng = random.Random(seed)
    head = tuple(["Item", "2024", "2025", "Remarks"][:ncols])
    body = [tuple([f"{rng.choice(WORDS)} {rng.choice(WORDS)} {r}"]
                  + [str(rng.randint(100, 999)) for _ in range(ncols - 1)]) for r in range(1, nrows)]
    return T((head, *body))


def build(specs: list) -> bytes:
    b = DocBuilder()
    ops = b.operative_numbering()
    typed = 0
    for s in specs:
        if isinstance(s, T):
            _table(b, s)
            continue
        items: list = []
        if s.numbering == "typed":
            typed += 1
            items.append(f"{typed}.\t")
        if s.opener:
            items.append(Run(s.opener, italic=s.italic))
            items.append(" ")
        text = s.text
        if s.fn:
            # footnote after the first word of the rest
            head, _, tail = text.partition(" ")
            items.append(head)
            items.append(FootnoteRef(s.fn))
            if tail:
                items.append(" " + tail)
        else:
            items.append(text)
        b.paragraph(*items, numbering=ops if s.numbering == "auto" else None, align=s.align,
                    style=s.style, indent=s.indent)
    if specs and isinstance(specs[-1], T):
        b.paragraph("")  # a body ends with a paragraph
    return b.to_bytes()


def _table(b: DocBuilder, t: T) -> None:
    b.table([list(r) for r in t.rows])


# -- edits ---------------------------------------------------------------------

def change_word(specs, i, word="strengthened"):
    s = specs[i]
    ws = s.text.split(" ")
    ws[len(ws) // 2] = word
    return specs[:i] + [replace(s, text=" ".join(ws))] + specs[i + 1:]


def insert(specs, i, text="Stresses the importance of regional cooperation in this field;"):
    near = specs[min(i, len(specs) - 1)] if specs else None
    return specs[:i] + [P("Stresses", text, numbering=getattr(near, "numbering", None))] + specs[i:]


def append(specs, i, extra=" and calls for its renewal"):
    """Text added at the end of paragraph ``i``, before its final mark."""
    s = specs[i]
    return specs[:i] + [replace(s, text=s.text[:-1] + extra + s.text[-1])] + specs[i + 1:]


def cut_end(specs, i):
    """The last words of paragraph ``i`` deleted, its final mark kept."""
    s = specs[i]
    ws = s.text[:-1].split(" ")
    return specs[:i] + [replace(s, text=" ".join(ws[:max(1, len(ws) - 3)]) + s.text[-1])] + specs[i + 1:]


def delete(specs, i):
    return specs[:i] + specs[i + 1:]


def move(specs, i, j):
    s = specs[i]
    rest = specs[:i] + specs[i + 1:]
    return rest[:j] + [s] + rest[j:]


def split(specs, i):
    s = specs[i]
    ws = s.text.split(" ")
    k = max(1, len(ws) // 2)
    a = replace(s, text=" ".join(ws[:k]) + ";", fn=s.fn)
    b = P("Also", " ".join(ws[k:]), None, s.numbering)
    return specs[:i] + [a, b] + specs[i + 1:]


def merge(specs, i):
    a, b = specs[i], specs[i + 1]
    m = replace(a, text=a.text.rstrip(",;") + " and " + (b.opener.lower() + " " if b.opener else "") + b.text,
                fn=a.fn or b.fn)
    return specs[:i] + [m] + specs[i + 2:]


def add_footnote(specs, i, text="See A/75/500."):
    return specs[:i] + [replace(specs[i], fn=text)] + specs[i + 1:]


def remove_footnote(specs, i):
    return specs[:i] + [replace(specs[i], fn=None)] + specs[i + 1:]


def change_footnote(specs, i):
    s = specs[i]
    fn = (s.fn or "Resolution 1/1.").replace(".", ", annex.", 1)
    return specs[:i] + [replace(s, fn=fn)] + specs[i + 1:]


def unitalic(specs, i):
    return specs[:i] + [replace(specs[i], italic=False)] + specs[i + 1:]


def relayout(specs, i, **changes):
    """Paragraph ``i`` with other layout (``align``, ``style``, ``indent``)."""
    return specs[:i] + [replace(specs[i], **changes)] + specs[i + 1:]


def typed(specs):
    return [replace(s, numbering="typed") if isinstance(s, P) and s.numbering == "auto" else s for s in specs]


def _tables(specs) -> list[int]:
    return [i for i, s in enumerate(specs) if isinstance(s, T)]


def _edit_rows(specs, k, fn):
    """Apply ``fn(rows) -> rows`` to the ``k``-th table (modulo their number)."""
    idx = _tables(specs)
    if not idx:
        return specs
    i = idx[k % len(idx)]
    rows = tuple(fn(list(specs[i].rows)))
    if not rows:
        return specs[:i] + specs[i + 1:]
    return specs[:i] + [T(rows)] + specs[i + 1:]


def row_insert(specs, k=0, r=2, text="inserted row"):
    def fn(rows):
        r2 = r % (len(rows) + 1)
        width = len(rows[0]) if rows else 3
        return rows[:r2] + [tuple([text] + [str(100 + c) for c in range(1, width)])] + rows[r2:]
    return _edit_rows(specs, k, fn)


def row_delete(specs, k=0, r=2):
    return _edit_rows(specs, k, lambda rows: rows[:r % len(rows)] + rows[r % len(rows) + 1:])


def cell_change(specs, k=0, r=1, c=0, word="changed"):
    def fn(rows):
        i = r % len(rows)
        row = list(rows[i])
        j = c % len(row)
        ws = row[j].split(" ")
        ws[len(ws) // 2] = word
        row[j] = " ".join(ws)
        return rows[:i] + [tuple(row)] + rows[i + 1:]
    return _edit_rows(specs, k, fn)


def row_move(specs, k=0, r=1, to=3):
    def fn(rows):
        i = r % len(rows)
        rest = rows[:i] + rows[i + 1:]
        j = to % (len(rest) + 1)
        return rest[:j] + [rows[i]] + rest[j:]
    return _edit_rows(specs, k, fn)


def with_table(specs, i, seed=5, nrows=4):
    return specs[:i] + [table(seed, nrows)] + specs[i:]


def _first_fn(specs):
    return next(i for i, s in enumerate(specs) if s.fn)


EDITS = {
    "identical": lambda s: s,
    "word_changed": lambda s: change_word(s, 5),
    "inserted": lambda s: insert(s, 6),
    "inserted_first": lambda s: insert(s, 0, "Preliminary text"),
    "inserted_last": lambda s: s + [P("Decides", "to remain seized of the matter.", numbering="auto")],
    "deleted": lambda s: delete(s, 4),
    "deleted_first": lambda s: delete(s, 0),
    "deleted_last": lambda s: s[:-1],
    "deleted_last_two_inserted_one": lambda s: s[:-2] + [P("Decides", "to conclude.", numbering="auto")],
    "moved_down": lambda s: move(s, 3, 9),
    "moved_up": lambda s: move(s, 10, 4),
    "moved_and_changed": lambda s: change_word(move(s, 10, 4), 4),
    "split": lambda s: split(s, 7),
    "merged": lambda s: merge(s, 7),
    "footnote_added": lambda s: add_footnote(s, 6),
    "footnote_removed": lambda s: remove_footnote(s, _first_fn(s)),
    "footnote_changed": lambda s: change_footnote(s, _first_fn(s)),
    "opener_unitalicised": lambda s: unitalic(s, 9),
    "centred": lambda s: relayout(s, 1, align="center"),
    "indented": lambda s: relayout(s, 6, indent=720),
    "restyled": lambda s: relayout(s, 4, style="Quote"),
    "relaid_and_reworded": lambda s: change_word(relayout(s, 5, align="right", indent=360), 5),
    "relaid_next_to_inserted": lambda s: insert(relayout(s, 7, align="both"), 8),
    # Boundaries: a paragraph whose end changes, next to a wholly inserted or deleted paragraph.
    "end_inserted_then_inserted": lambda s: insert(append(s, 5), 6),
    "end_inserted_then_deleted": lambda s: delete(append(s, 5), 6),
    "end_deleted_then_inserted": lambda s: insert(cut_end(s, 5), 6),
    "inserted_then_end_inserted": lambda s: insert(append(s, 6), 6),
    "last_end_inserted_then_inserted": lambda s: (s[:-1] + append(s[-1:], 0)
                                                  + [P("Decides", "to conclude.", numbering="auto")]),
    "many": lambda s: change_word(insert(delete(move(change_footnote(s, _first_fn(s)), 3, 8), 6), 2), 11),
    "all_replaced": lambda s: [P("", "Completely different text here.")],
}

#: edits of a document holding two tables (after paragraph 3 and paragraph 9)
TABLE_EDITS = {
    "table_identical": lambda s: s,
    "table_row_inserted": lambda s: row_insert(s, 0, 2),
    "table_row_inserted_first": lambda s: row_insert(s, 0, 0),
    "table_row_inserted_last": lambda s: row_insert(s, 1, 99),
    "table_row_deleted": lambda s: row_delete(s, 0, 2),
    "table_row_deleted_first": lambda s: row_delete(s, 1, 0),
    "table_row_deleted_last": lambda s: row_delete(s, 0, 3),
    "table_cell_changed": lambda s: cell_change(s, 0, 1, 0),
    "table_number_changed": lambda s: cell_change(s, 1, 2, 1, "777"),
    "table_row_moved": lambda s: row_move(s, 0, 1, 3),
    "table_rows_mixed": lambda s: cell_change(row_insert(row_delete(s, 0, 1), 0, 2), 0, 3, 2, "555"),
    "table_inserted": lambda s: with_table(s, 6, seed=11, nrows=3),
    "table_deleted": lambda s: delete(s, _tables(s)[0]),
    "table_deleted_with_paragraph": lambda s: delete(delete(s, _tables(s)[1] + 1), _tables(s)[1]),
    "table_replaced_by_paragraph": lambda s: (s[:_tables(s)[0]] + [P("Decides", "to annex the budget.")]
                                              + s[_tables(s)[0] + 1:]),
    "table_and_text": lambda s: change_word(row_delete(insert(s, 2), 1, 1), 8),
    # Boundaries: every paragraph after the last table changed (the last mark stays)
    "after_table_replaced": lambda s: s[:_tables(s)[1] + 1] + [P("Decides", "to conclude.")],
    "after_table_deleted": lambda s: s[:_tables(s)[1] + 1],
    "table_appended": lambda s: s + [table(9, 3), P("Decides", "to remain seized of the matter.")],
}


def table_base(n: int = 14, seed: int = 1) -> list:
    return with_table(with_table(base(n, seed), 9, seed=3, nrows=5), 3, seed=2)


#: pairs of (old specs, new specs) with typed numbering, where renumbering is a text change
TYPED_EDITS = {
    "typed_inserted": lambda s: typed(insert(s, 6)),
    "typed_deleted": lambda s: typed(delete(s, 8)),
}


def pair(name: str, n: int = 14, seed: int = 1) -> tuple[bytes, bytes]:
    old = base(n, seed)
    if name in TABLE_EDITS:
        old = table_base(n, seed)
        return build(old), build(TABLE_EDITS[name](old))
    if name in TYPED_EDITS:
        return build(typed(old)), build(TYPED_EDITS[name](old))
    return build(old), build(EDITS[name](old))


ALL = list(EDITS) + list(TYPED_EDITS) + list(TABLE_EDITS)
