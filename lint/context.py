"""A finding's text in context, as the text report shows it: the flagged part between » and «
with the words around it, so that Word's Find lands on it."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .findings import Finding
    from .model import Resolution


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def in_context(finding: "Finding", document: "Resolution | None", width: int = 40) -> str | None:
    """The flagged text with the words around it, marked so that Word's Find can land on it:
    ``... its resolution 73/11 of 26 November 2018»,,«^1 ...`` (and which occurrence, when the
    flagged text occurs more than once in its paragraph)."""
    part = document.part(finding.paragraph) if document is not None and finding.paragraph else None
    if part is None:
        return None
    text = part.text
    start, end = max(0, min(finding.start, len(text))), max(0, min(finding.end, len(text)))
    if end <= start:
        head = " ".join(text.split())
        return f"“{head[:2 * width]}{'…' if len(head) > 2 * width else ''}” (the whole paragraph)"
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    if start - width > 0 and " " in left:
        left = "…" + left[left.index(" ") + 1:]
    if end + width < len(text) and " " in right:
        right = right[:right.rindex(" ")] + "…"
    flagged = text[start:end]
    where = ""
    count = text.count(flagged)
    if count > 1:
        nth = text.count(flagged, 0, start) + 1
        where = f" ({_ordinal(nth)} of {count} in the paragraph)"
    return f"“{left}»{flagged}«{right}”{where}".replace("\n", " ").replace("\t", " ")
