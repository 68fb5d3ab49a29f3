"""Small helpers shared by the built-in rules."""
from __future__ import annotations

from collections.abc import Iterable

from resolint.model import Paragraph, Resolution, Scope

#: Every part that holds text a reader sees (rules on spelling, spacing and punctuation).
EVERY_TEXT_SCOPE = (Scope.TITLE, Scope.FORMULA, Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH, Scope.FOOTNOTE)


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


# -- cheap prechecks ---------------------------------------------------------------------------------
#
# Searching a paragraph with a ``regex`` pattern costs tens of microseconds even when
# nothing matches; most rules look for something most paragraphs do not have. A rule
# may first test for a substring every match must contain, and skip the search when it
# is absent: the findings stay the same, only paragraphs that cannot match are skipped.

#: Turkic dotted capital I and dotless i: under IGNORECASE ``regex`` matches them with
#: "i" / "I", but ``str.casefold`` does not fold them to "i" (see :func:`casefolded`).
_TURKIC_I = ("\u0130", "\u0131")


def casefolded(text: str) -> str | None:
    """``text.casefold()``, to test for the words of a case-insensitive pattern.

    A case-insensitive match of a word folds like the word, so the folded text contains
    the folded word. None when that does not hold for ``text`` (it has a Turkic I): the
    caller then searches without a precheck.
    """
    found = _FOLDED.get(text, _MISSING)
    if found is _MISSING:
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        found = _FOLDED[text] = None if _TURKIC_I[0] in text or _TURKIC_I[1] in text else text.casefold()
    return found  # type: ignore[return-value]


#: Folded texts by text: every rule folds the paragraph it is given, and the engine hands
#: each paragraph to each rule in turn. Bounded; cleared when full.
_FOLDED: dict[str, str | None] = {}
_FOLDED_MAX = 10_000
_MISSING = object()


def has_any(text: str | None, needles: Iterable[str]) -> bool:
    """Whether ``text`` contains one of ``needles``; True when ``text`` is None (no precheck)."""
    return text is None or any(n in text for n in needles)


def has_pair(text: str, firsts: str, seconds: str) -> bool:
    """Whether a character of ``firsts`` is directly followed by one of ``seconds`` in ``text``."""
    return any(b in text and any(a + b in text for a in firsts) for b in seconds)


def memo(doc: Resolution, key: str) -> dict:  # type: ignore[type-arg]
    """A per-document cache in ``doc.facts``, for results several rules (or calls) share."""
    found = doc.facts.get(key)
    if found is None:
        found = doc.facts[key] = {}
    return found  # type: ignore[no-any-return]
