"""Small helpers shared by the built-in rules."""
from __future__ import annotations

from resolint.model import Kind, Paragraph, Resolution


def is_last_operative(doc: Resolution, part: Paragraph) -> bool:
    """True if ``part`` is the last operative paragraph of the document."""
    ops = doc.operative
    return bool(ops) and ops[-1] is part


def children(doc: Resolution, part: Paragraph) -> list[Paragraph]:
    """Sub-paragraphs directly under ``part``."""
    return [p for p in doc.paragraphs if p.kind is Kind.SUBPARAGRAPH and p.parent is part]


def top_of(part: Paragraph) -> Paragraph:
    """The PP or OP a sub-paragraph belongs to (``part`` itself for a PP or OP)."""
    while part.parent is not None:
        part = part.parent
    return part


def last_in_block(doc: Resolution, part: Paragraph) -> bool:
    """True if ``part`` is the last sub-paragraph (at any depth) of its PP or OP."""
    top = top_of(part)
    seen = False
    for p in doc.paragraphs:
        if p is part:
            seen = True
            continue
        if seen:
            if p.kind is Kind.SUBPARAGRAPH and top_of(p) is top:
                return False
            if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.CLOSING, Kind.ANNEX):
                return True
    return True
