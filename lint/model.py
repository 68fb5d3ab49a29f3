"""The resolution document model: what a reader of the draft sees, part by part.

A :class:`Resolution` is built once per file by the loader and handed to the rules.
Rules read text, runs and labels; they never touch XML. Each :class:`Run` keeps a
private handle on the XML it came from (``Run.source``) for writers (fixes, redline).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .masthead import Masthead

#: Stand-in for a footnote mark in :attr:`Paragraph.scan_text` (same length, offsets kept).
MARK = "\ufffc"


class Kind(str, Enum):
    """What a paragraph is in the structure of a resolution."""

    PREFACE = "preface"
    TITLE = "title"
    FORMULA = "formula"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    HEADING = "heading"
    CONTINUATION = "continuation"
    QUOTE = "quote"
    CLOSING = "closing"
    ANNEX = "annex"
    TABLE = "table"
    FOOTNOTE = "footnote"
    EMPTY = "empty"


class Scope(str, Enum):
    """The parts of a document a rule asks for."""

    TITLE = "title"
    FORMULA = "formula"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    FOOTNOTE = "footnote"
    DOCUMENT = "document"


@dataclass(slots=True)
class Run:
    """A stretch of visible text with one formatting.

    ``start``/``end`` are offsets in the paragraph's :attr:`Paragraph.text`.
    ``kind`` is ``"text"``, ``"footnote"`` (a footnote mark), ``"noteref"`` (a NOTEREF
    field result) or ``"number"`` (a typed or automatic paragraph number, not in ``text``).
    """

    text: str
    start: int
    end: int
    italic: bool = False
    bold: bool = False
    superscript: bool = False
    kind: str = "text"
    inserted: bool = False
    hyperlink: str | None = None
    source: Any = field(default=None, repr=False, compare=False)
    source_offset: int = field(default=0, repr=False, compare=False)


@dataclass(slots=True)
class FootnoteRef:
    """A footnote indicator in a paragraph, as the reader sees it."""

    start: int
    end: int
    shown: str
    footnote_id: str | None
    via_noteref: bool = False
    target_number: str | None = None
    custom_mark: bool = False


@dataclass
class Paragraph:
    """One paragraph of the body (or of a footnote) as the reader sees it.

    ``text`` is the visible text without the paragraph's own number; ``number`` is the
    number the reader sees ("1.", "a)", "(ii)") and ``number_source`` says whether Word
    numbered it automatically (``"auto"``) or it was typed (``"typed"``).
    """

    index: int
    kind: Kind
    text: str
    runs: list[Run] = field(default_factory=list)
    label: str = ""
    number: str | None = None
    number_source: str | None = None
    level: int = 0
    style: str | None = None
    language: str | None = None
    footnote_refs: list[FootnoteRef] = field(default_factory=list)
    original_text: str = ""
    has_revisions: bool = False
    in_table: bool = False
    prefix_len: int = 0
    parent: "Paragraph | None" = field(default=None, repr=False)
    element: Any = field(default=None, repr=False, compare=False)

    _scan: tuple[str, int, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def scan_text(self) -> str:
        """``text`` with footnote marks replaced by :data:`MARK` (same length, same offsets)."""
        if not self.footnote_refs:
            return self.text
        cached = self._scan
        if cached is not None and cached[0] is self.text and cached[1] == len(self.footnote_refs):
            return cached[2]
        chars = list(self.text)
        for ref in self.footnote_refs:
            for i in range(ref.start, ref.end):
                chars[i] = MARK
        value = "".join(chars)
        self._scan = (self.text, len(self.footnote_refs), value)
        return value

    def opener(self) -> tuple[str, int, int]:
        """The leading run of italic text (the opener), with its offsets; ("", 0, 0) if none."""
        text = self.text
        lead = len(text) - len(text.lstrip())
        start = end = None
        for run in self.runs:
            if run.kind != "text" or run.end <= lead:
                continue
            if not run.text.strip():
                if start is not None:
                    end = run.end
                continue
            if run.italic:
                if start is None:
                    start = max(run.start, lead)
                end = run.end
            else:
                break
        if start is None or end is None:
            return "", 0, 0
        seg = text[start:end]
        end = start + len(seg.rstrip())
        return text[start:end], start, end

    def trimmed_end(self) -> int:
        """Offset just past the last visible character that is not a space or footnote mark."""
        s = self.scan_text
        i = len(s)
        while i > 0 and (s[i - 1].isspace() or s[i - 1] == MARK):
            i -= 1
        return i


@dataclass
class Footnote:
    """A footnote: its id in footnotes.xml, the number the reader sees, and its text."""

    id: str
    number: str | None
    label: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    references: int = 0

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class Comment:
    """A Word comment and the range of text it is anchored on.

    The range runs from offset ``start_offset`` in the part with index ``start_paragraph``
    to ``end_offset`` in the part ``end_paragraph`` (offsets in :attr:`Paragraph.text`;
    a typed number is clamped to 0). A comment whose range is unknown has paragraph 0.
    """

    id: str
    author: str
    text: str
    start_paragraph: int = 0
    start_offset: int = 0
    end_paragraph: int = 0
    end_offset: int = 0


@dataclass
class Resolution:
    """A whole draft: parts in document order, footnotes, language, organ."""

    path: str
    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    language: str
    organ: str | None = None
    organ_gender: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    @cached_property
    def _by_kind(self) -> dict[Kind, list[Paragraph]]:
        out: dict[Kind, list[Paragraph]] = {}
        for p in self.paragraphs:
            out.setdefault(p.kind, []).append(p)
        return out

    @cached_property
    def _children(self) -> dict[int, list[Paragraph]]:
        out: dict[int, list[Paragraph]] = {}
        for p in self.paragraphs:
            if p.kind is Kind.SUBPARAGRAPH and p.parent is not None:
                out.setdefault(id(p.parent), []).append(p)
        return out

    def by_kind(self, *kinds: Kind) -> list[Paragraph]:
        """Paragraphs of these kinds in document order (indexed once: rules call this often)."""
        if len(kinds) == 1:
            return list(self._by_kind.get(kinds[0], ()))
        return [p for p in self.paragraphs if p.kind in kinds]

    @property
    def masthead(self) -> "Masthead":
        """What the masthead and closing lines say (symbol, date, session, sponsors)."""
        from .masthead import Masthead

        found = self.facts.get("masthead")
        return found if isinstance(found, Masthead) else Masthead()

    @property
    def year(self) -> int | None:
        """The year of the text, from its masthead or closing lines (None if they give none)."""
        return self.masthead.year

    @property
    def last_operative(self) -> Paragraph | None:
        """The last operative paragraph, without copying the list (rules ask for it per part)."""
        ops = self._by_kind.get(Kind.OPERATIVE)
        return ops[-1] if ops else None

    def children(self, part: Paragraph) -> list[Paragraph]:
        """Sub-paragraphs directly under ``part``, in order."""
        return list(self._children.get(id(part), ()))

    def descendants(self, part: Paragraph) -> list[Paragraph]:
        """Sub-paragraphs at any depth under ``part``, in document order."""
        out: list[Paragraph] = []
        for child in self.children(part):
            out.append(child)
            out.extend(self.descendants(child))
        return sorted(out, key=lambda p: p.index)

    @property
    def title(self) -> list[Paragraph]:
        return self.by_kind(Kind.TITLE)

    @property
    def formula(self) -> Paragraph | None:
        found = self.by_kind(Kind.FORMULA)
        return found[0] if found else None

    @property
    def preamble(self) -> list[Paragraph]:
        return self.by_kind(Kind.PREAMBLE)

    @property
    def operative(self) -> list[Paragraph]:
        return self.by_kind(Kind.OPERATIVE)

    @property
    def subparagraphs(self) -> list[Paragraph]:
        return self.by_kind(Kind.SUBPARAGRAPH)

    def footnote_paragraphs(self) -> list[Paragraph]:
        return list(self._footnote_paragraphs)

    @cached_property
    def _footnote_paragraphs(self) -> list[Paragraph]:
        return [p for fn in self.footnotes for p in fn.paragraphs]

    @cached_property
    def _by_index(self) -> dict[int, Paragraph]:
        return {p.index: p for p in self.paragraphs + self._footnote_paragraphs}

    def part(self, index: int) -> Paragraph | None:
        """The part (body or footnote paragraph) with this index, or None."""
        return self._by_index.get(index)

    def find(self, label: str) -> Paragraph | None:
        """The first part whose label is ``label`` (``"OP 2"``, ``"FN 6"``...)."""
        for p in self.paragraphs:
            if p.label == label:
                return p
        for p in self.footnote_paragraphs():
            if p.label == label:
                return p
        return None

    def all_parts(self) -> list[Paragraph]:
        return self.paragraphs + self._footnote_paragraphs
