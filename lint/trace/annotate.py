"""``trace --annotate OUT.docx``: the trace of each paragraph as a Word comment on the draft.

The comments are written by :func:`resolint.annotate.annotate_data`, the writer of
``check --annotate``, anchored on the whole paragraph: the status, the sources and, for
modified language, the words changed from the best source.
"""
from __future__ import annotations

from ..annotate import annotate_data
from ..findings import Finding, Severity
from ..model import Resolution
from .report import diff_text
from .trace import Traced


def comment_lines(t: Traced) -> list[str]:
    """The paragraphs of the comment on one traced paragraph."""
    if t.status == "new" or not t.sources:
        return [f"{t.label}: new language (no close paragraph in the library)."]
    best = t.sources[0]
    lines = [f"{t.label}: {t.status} language: {best.symbol} {best.label} (similarity {best.similarity:.2f})."]
    if t.status == "modified":
        lines.append(f"Changes from {best.symbol}: {diff_text(t.diff())}")
    others = [f"{s.symbol} {s.label} ({s.similarity:.2f})" for s in t.sources[1:]]
    if others:
        lines.append("Also: " + "; ".join(others) + ".")
    return lines


def annotate_bytes(data: bytes, doc: Resolution, items: list[Traced], *, author: str = "resolint",
                   date: str = "1980-01-01T00:00:00Z") -> bytes:
    """``data`` (the draft ``doc`` was read from) with one comment per traced paragraph."""
    notes: dict[int, list[str]] = {}
    findings = []
    for t in items:
        f = Finding(code="TRACE", name="agreed-language", severity=Severity.INFO, label=t.label,
                    paragraph=t.index, start=0, end=0, message=t.status)
        notes[id(f)] = comment_lines(t)
        findings.append(f)
    return annotate_data(data, doc, findings, None, author=author, date=date, lines_of=lambda f: notes[id(f)])
