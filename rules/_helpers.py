"""Small helpers shared by the built-in rules."""
from __future__ import annotations

from resolint.model import Paragraph, Resolution


def is_last_operative(doc: Resolution, part: Paragraph) -> bool:
    """True if ``part`` is the last operative paragraph of the document."""
    ops = doc.operative
    return bool(ops) and ops[-1] is part


def children(doc: Resolution, part: Paragraph) -> list[Paragraph]:
    """Sub-paragraphs directly under ``part``."""
    return doc.children(part)


def top_of(part: Paragraph) -> Paragraph:
    """The PP or OP a sub-paragraph belongs to (``part`` itself for a PP or OP)."""
    while part.parent is not None:
        part = part.parent
    return part


def last_in_block(doc: Resolution, part: Paragraph) -> bool:
    """True if ``part`` is the last sub-paragraph (at any depth) of its PP or OP."""
    top = top_of(part)
    below = doc.descendants(top)
    return not below or below[-1] is part
