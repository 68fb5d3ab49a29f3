"""Generated drafts and libraries for testing and measuring the agreed-language trace.

Paragraphs of adopted resolutions are copied, edited (words inserted, deleted, replaced, a
number typed in front) or left out for new ones; every generated paragraph keeps the
place it was taken from, so a test knows the right answer. Libraries of any size are made
from a corpus by varying its texts (renumbered symbols, words substituted, paragraphs
shuffled across resolutions), with a seeded random generator: the same seed, the same data.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from resolint.trace.source import Adopted

#: Words put in or substituted by an edit: the vocabulary of resolutions.
FILLER = ("further", "strongly", "all", "relevant", "international", "regional", "urgently", "fully",
          "effective", "immediate", "humanitarian", "political", "concerned", "States", "parties",
          "continue", "ensure", "support", "peace", "security", "process", "measures", "including")


@dataclass
class Sample:
    """A generated draft paragraph: its text, how it was made, and where it comes from."""

    text: str
    how: str  # copied | edited | new
    symbol: str | None = None
    label: str | None = None
    original: str | None = None


def edit(text: str, rng: random.Random, kind: str | None = None) -> str:
    """``text`` with about one word in ten inserted, deleted or replaced (at least one), or
    with a typed number put in front (``renumbered``)."""
    kind = kind or rng.choice(("insert", "delete", "replace", "renumber"))
    if kind == "renumber":
        return f"{rng.randint(1, 40)}.\t{text}"
    words = text.split()
    for _ in range(max(1, min(3, len(words) // 10))):
        i = rng.randrange(len(words))
        if kind == "insert":
            words.insert(i, rng.choice(FILLER))
        elif kind == "delete" and len(words) > 2:
            del words[i]
        else:
            words[i] = rng.choice([w for w in FILLER if w != words[i]])
    return " ".join(words)


def samples(records: list[Adopted], new_texts: list[str], rng: random.Random, *, copied: int, edited: int,
            new: int, min_words: int = 10) -> list[Sample]:
    """Copied, edited and new paragraphs (new ones drawn from ``new_texts``), shuffled."""
    pool = [(r.symbol, label, text) for r in records for label, text in r.paragraphs
            if len(text.split()) >= min_words]
    out = [Sample(t, "copied", s, lab, t) for s, lab, t in rng.sample(pool, copied)]
    out += [Sample(edit(t, rng), "edited", s, lab, t) for s, lab, t in rng.sample(pool, edited)]
    out += [Sample(t, "new") for t in rng.sample(new_texts, new)]
    rng.shuffle(out)
    return out


def vary(records: list[Adopted], count: int, rng: random.Random) -> Iterator[Adopted]:
    """``count`` resolutions made from ``records``, one at a time: each a corpus text under a
    new symbol and date, one paragraph in five with a word substituted, and one in ten
    replaced by a paragraph of another corpus resolution (paragraphs shuffled across texts)."""
    for n in range(count):
        base = records[n % len(records)]
        year = 2003 + n // 5000
        paras = []
        for label, text in base.paragraphs:
            draw = rng.random()
            if draw < 0.1:
                other = rng.choice(records)
                if other.paragraphs:
                    text = rng.choice(other.paragraphs)[1]
            elif draw < 0.3:
                words = text.split()
                words[rng.randrange(len(words))] = rng.choice(FILLER)
                text = " ".join(words)
            paras.append((label, text))
        yield Adopted(f"S/RES/{10000 + n} ({year})", base.organ, f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                      base.language, f"generated from {base.symbol}", paras)
