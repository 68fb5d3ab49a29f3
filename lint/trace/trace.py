"""Tracing a draft: each preambular and operative paragraph called agreed, modified or new.

- ``agreed``: the library holds a paragraph with the same tokens (:func:`.text.tokens`: the
  same words up to numbering, spacing, quotation marks, case and final punctuation);
- ``modified``: no such paragraph, but one whose :func:`.similarity.similarity` is at least
  :data:`MODIFIED_AT`; its sources come with a word-level diff;
- ``new``: nothing in the library that close.

Sources are listed best first: by similarity, then the newest resolution first.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..model import Resolution
from .library import Library, Occurrence
from .similarity import Profile
from .source import TRACED, plain
from .text import display_words, tokens as text_tokens

#: The least similarity of a paragraph called ``modified``.
MODIFIED_AT = 0.5
#: Texts retrieved by band keys and compared exactly, per paragraph.
CANDIDATES = 40
#: Sources reported per paragraph unless told otherwise.
MAX_SOURCES = 5


@dataclass
class Source:
    """A paragraph of the library a draft paragraph comes from."""

    symbol: str
    label: str
    similarity: float
    date: str | None
    text: str
    text_id: int


@dataclass
class Traced:
    """One paragraph of the draft and what the library says of it."""

    label: str
    paragraph: str
    status: str  # agreed | modified | new
    sources: list[Source] = field(default_factory=list)
    index: int = 0  # the paragraph's index in the draft (for comments)

    def diff(self) -> list[tuple[str, str]]:
        """Word-level diff from the best source to the draft paragraph (empty when agreed or new)."""
        if self.status != "modified" or not self.sources:
            return []
        return word_diff(self.sources[0].text, self.paragraph)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``(op, words)`` pieces turning ``old`` into ``new``: op is ``=``, ``-`` or ``+``."""
    a, b = display_words(old), display_words(new)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return out


Scored = list[tuple[float, int, str]]


def ranked(lib: Library, toks: list[str], *, candidates: int = CANDIDATES) -> tuple[Scored, int | None]:
    """``(similarity, text id, text)`` of the library's texts closest to ``toks``, best first,
    and the id of the text with exactly these tokens (None when there is none)."""
    exact = lib.exact(toks)
    ids = lib.candidates(toks, candidates)
    if exact is not None and exact not in ids:
        ids.insert(0, exact)
    me = Profile(toks)
    scored = []
    for stored in lib.texts(ids):
        sim = 1.0 if stored.id == exact else me.similarity(Profile(stored.tokens))
        scored.append((round(sim, 4), stored.id, stored.shown))
    scored.sort(key=lambda t: (-t[0], t[1] != exact, t[1]))
    return scored, exact


def trace_paragraph(lib: Library, label: str, text: str, *, max_sources: int = MAX_SOURCES,
                    threshold: float = MODIFIED_AT) -> Traced:
    """What the library says of one paragraph."""
    toks = text_tokens(text)
    shown = " ".join(text.split())
    if not toks:
        return Traced(label, shown, "new")
    scored, exact = ranked(lib, toks)
    best = [t for t in scored if t[0] >= threshold]
    if not best:
        return Traced(label, shown, "new")
    status = "agreed" if exact is not None and best[0][1] == exact else "modified"
    sources: list[Source] = []
    for sim, tid, stored in best:
        for occ in lib.occurrences(tid, limit=max_sources - len(sources)):
            sources.append(_source(occ, sim, stored, tid))
        if len(sources) >= max_sources:
            break
    return Traced(label, shown, status, sources)


def _source(occ: Occurrence, sim: float, text: str, tid: int) -> Source:
    return Source(occ.symbol, occ.label, sim, occ.date, text, tid)


def traced_parts(doc: Resolution) -> list[tuple[int, str, str]]:
    """``(index, label, text)`` of the draft's preambular, operative and sub-paragraphs."""
    return [(p.index, p.label, plain(p)) for p in doc.paragraphs if p.kind in TRACED and p.text.strip()]


def trace_document(lib: Library, doc: Resolution, *, max_sources: int = MAX_SOURCES,
                   threshold: float = MODIFIED_AT) -> list[Traced]:
    """Every traced paragraph of ``doc``, in document order."""
    out = []
    for index, label, text in traced_parts(doc):
        t = trace_paragraph(lib, label, text, max_sources=max_sources, threshold=threshold)
        t.index = index
        out.append(t)
    return out
