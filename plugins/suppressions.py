"""Suppressions written in the draft itself, as Word comments.

A comment whose text starts with ``resolint: ignore[CODES] reason`` suppresses, in the
text it is anchored on, the findings of the rules it names. ``CODES`` is a comma-separated
list of rule codes (``P101``), code prefixes (``P``) or rule names
(``stacked-punctuation``). A finding with no span (the paragraph as a whole) is suppressed
by a comment anywhere in its paragraph; a finding on the whole document by a suppression
anywhere in the document.

The suppressions of a document are read when it is loaded (``doc.facts["suppressions"]``);
each records which of its codes suppressed something, so that rule R002 can report the
ones that suppressed nothing and R003 the ones that give no reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from resolint.hookspecs import hookimpl

if TYPE_CHECKING:
    from pathlib import Path

    from resolint.config import Config
    from resolint.findings import Finding
    from resolint.model import Comment, Resolution

FACT = "suppressions"
PATTERN = re.compile(r"\A\s*resolint\s*:\s*ignore\s*\[([^\]]*)\]\s*[:\-\u2013\u2014]?\s*(.*)\Z", re.S | re.I)
_FAR = 10**9


@dataclass
class Suppression:
    """One ``resolint: ignore[...]`` comment: what it names, why, and what it suppressed."""

    comment: "Comment"
    selectors: tuple[str, ...]
    reason: str
    used: set[str] = field(default_factory=set)

    def selector_for(self, finding: "Finding") -> str | None:
        """The first of this suppression's selectors that names ``finding``'s rule."""
        for sel in self.selectors:
            if selector_matches(sel, finding.code, finding.name):
                return sel
        return None

    def covers(self, finding: "Finding") -> bool:
        """True if ``finding`` lies in (or touches) the commented range."""
        if finding.paragraph <= 0:
            return True
        c = self.comment
        if c.start_paragraph <= 0:
            return False
        if finding.start == finding.end:
            fs, fe = (finding.paragraph, -_FAR), (finding.paragraph, _FAR)
        else:
            fs, fe = (finding.paragraph, finding.start), (finding.paragraph, finding.end)
        cs, ce = (c.start_paragraph, c.start_offset), (c.end_paragraph, c.end_offset)
        if cs == ce:
            return fs <= cs <= fe
        return fs < ce and cs < fe


def selector_matches(selector: str, code: str, name: str) -> bool:
    sel = selector.strip()
    if not sel:
        return False
    return sel == name or (sel.isalnum() and code.startswith(sel.upper()))


def parse(text: str) -> tuple[tuple[str, ...], str] | None:
    """``(selectors, reason)`` of a suppression comment's text, or None if it is not one."""
    m = PATTERN.match(text)
    if not m:
        return None
    selectors = tuple(s.strip() for s in m.group(1).split(",") if s.strip())
    return selectors, " ".join(m.group(2).split())


def read_suppressions(doc: "Resolution") -> list[Suppression]:
    out = []
    for c in getattr(doc, "comments", []):
        got = parse(c.text)
        if got is not None:
            out.append(Suppression(c, got[0], got[1]))
    return out


def suppressions_of(doc: "Resolution") -> list[Suppression] | None:
    """The document's suppressions, or None when this plugin did not read them (blocked)."""
    return doc.facts.get(FACT)


@hookimpl(wrapper=True)
def resolint_load_document(path: "Path", config: "Config") -> Any:
    doc = yield
    if doc is not None:
        doc.facts[FACT] = read_suppressions(doc)
    return doc


INDEX = "suppressions-by-paragraph"


def by_paragraph(doc: "Resolution") -> dict[int, list[Suppression]]:
    """The document's suppressions under each paragraph their range touches, in document
    order (built once per document): a finding is compared with those of its paragraph only."""
    index = doc.facts.get(INDEX)
    if index is None:
        index = {}
        for sup in doc.facts.get(FACT) or ():
            c = sup.comment
            if c.start_paragraph <= 0:
                continue  # anchored nowhere: covers document-wide findings only
            for p in range(c.start_paragraph, max(c.start_paragraph, c.end_paragraph) + 1):
                index.setdefault(p, []).append(sup)
        doc.facts[INDEX] = index
    return index


@hookimpl
def resolint_filter_finding(finding: "Finding", document: "Resolution", config: "Config") -> bool | None:
    sups = document.facts.get(FACT)
    if not sups:
        return None
    candidates = sups if finding.paragraph <= 0 else by_paragraph(document).get(finding.paragraph, ())
    for sup in candidates:
        sel = sup.selector_for(finding)
        if sel is not None and sup.covers(finding):
            sup.used.add(sel)
            return False
    return None
