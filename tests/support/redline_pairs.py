"""Generated OLD/NEW pairs for the redline tests.

A document is a list of :class:`P` specs (opener, rest of the text, optional
footnote, automatic or typed number); :func:`build` turns it into .docx bytes
with ``resolint.testing.builder``. :data:`EDITS` are named edits on such lists.
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


def build(specs: list[P]) -> bytes:
    b = DocBuilder()
    ops = b.operative_numbering()
    typed = 0
    for s in specs:
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
        b.paragraph(*items, numbering=ops if s.numbering == "auto" else None)
    return b.to_bytes()


# -- edits ---------------------------------------------------------------------

def change_word(specs, i, word="strengthened"):
    s = specs[i]
    ws = s.text.split(" ")
    ws[len(ws) // 2] = word
    return specs[:i] + [replace(s, text=" ".join(ws))] + specs[i + 1:]


def insert(specs, i, text="Stresses the importance of regional cooperation in this field;"):
    return specs[:i] + [P("Stresses", text, numbering=specs[min(i, len(specs) - 1)].numbering)] + specs[i:]


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


def typed(specs):
    return [replace(s, numbering="typed") if s.numbering == "auto" else s for s in specs]


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

#: pairs of (old specs, new specs) with typed numbering, where renumbering is a text change
TYPED_EDITS = {
    "typed_inserted": lambda s: typed(insert(s, 6)),
    "typed_deleted": lambda s: typed(delete(s, 8)),
}


def pair(name: str, n: int = 14, seed: int = 1) -> tuple[bytes, bytes]:
    old = base(n, seed)
    if name in TYPED_EDITS:
        return build(typed(old)), build(TYPED_EDITS[name](old))
    return build(old), build(EDITS[name](old))


ALL = list(EDITS) + list(TYPED_EDITS)
