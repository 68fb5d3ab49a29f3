"""Small helpers shared by the built-in rules."""
from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from resolint.model import Kind, Paragraph, Resolution, Scope
from resolint.rule import iter_matches, match_at
from resolint.trigger import Trigger, casefolded  # noqa: F401 - casefolded is the rules' to use

#: Every part that holds text a reader sees (rules on spelling, spacing and punctuation).
EVERY_TEXT_SCOPE = (Scope.TITLE, Scope.FORMULA, Scope.PREAMBLE, Scope.OPERATIVE, Scope.SUBPARAGRAPH, Scope.FOOTNOTE)


def is_last_operative(doc: Resolution, part: Paragraph) -> bool:
    """True if ``part`` is the last operative paragraph of the document."""
    return doc.last_operative is part


def children(doc: Resolution, part: Paragraph) -> list[Paragraph]:
    """Sub-paragraphs directly under ``part``."""
    return doc.children(part)


def top_of(part: Paragraph) -> Paragraph:
    """The PP or OP a sub-paragraph belongs to (``part`` itself for a PP or OP)."""
    while part.parent is not None:
        part = part.parent
    return part


def continued(doc: Resolution, part: Paragraph) -> bool:
    """True if the sentence of ``part`` goes on after its sub-paragraphs (a continuation)."""
    tops = memo(doc, "continued")
    if not tops:
        tops.update({id(p.parent): True for p in doc.by_kind(Kind.CONTINUATION)})
        tops[None] = False  # computed
    return id(part) in tops


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
# :func:`casefolded` (from the core) gives a text case-folded, for case-insensitive needles.


def has_any(text: str | None, needles: Iterable[str]) -> bool:
    """Whether ``text`` contains one of ``needles``; True when ``text`` is None (no precheck)."""
    if text is None:
        return True
    for needle in needles:  # a plain loop: these run for every rule and paragraph
        if needle in text:
            return True
    return False


def has_pair(text: str, firsts: str, seconds: str) -> bool:
    """Whether a character of ``firsts`` is directly followed by one of ``seconds`` in ``text``."""
    for second, pairs in _pairs(firsts, seconds):
        if second in text:
            for pair in pairs:
                if pair in text:
                    return True
    return False


@cache
def _pairs(firsts: str, seconds: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((b, tuple(a + b for a in firsts)) for b in seconds)


@cache
def words_trigger(words: "tuple[str, ...]") -> Trigger:
    """A trigger choosing the parts that hold one of ``words`` (case-folded), anywhere."""
    return Trigger.any_of(words, folded=True)


def memo(doc: Resolution, key: str) -> dict:  # type: ignore[type-arg]
    """A per-document cache in ``doc.facts``, for results several rules (or calls) share."""
    found = doc.facts.get(key)
    if found is None:
        found = doc.facts[key] = {}
    return found  # type: ignore[no-any-return]


# -- anchored matching ------------------------------------------------------------------------------
#
# Scanning a paragraph with a ``regex`` pattern tries every position; when every match starts
# at a place found more cheaply (where a word occurs in the folded text), the pattern is tried
# there only, anchored, and gives the matches a scan gives.


def anchored_matches(pattern: Any, text: str, starts: list[int]) -> Iterator[Any]:
    """The matches a left-to-right scan finds, when every match starts at one of ``starts``."""
    end = 0
    for s in starts:
        if s < end:
            continue
        m = match_at(pattern, text, s)
        if m is not None:
            end = m.end()
            yield m


def occurrences(folded: str, words: "tuple[str, ...]") -> list[int]:
    """Every offset in ``folded`` where one of ``words`` starts, in order."""
    found: set[int] = set()
    for word in words:
        q = folded.find(word)
        while q >= 0:
            found.add(q)
            q = folded.find(word, q + 1)
    return sorted(found)


def word_led_matches(pattern: Any, text: str, folded: str | None, words: "tuple[str, ...]",
                     word_start: bool = False) -> Iterator[Any]:
    """The matches of ``pattern`` in ``text`` (left to right, as a scan finds them), for a
    pattern every match of which starts with one of ``words`` (folded): the pattern is
    tried, anchored, where they occur in ``folded`` (``text`` case-folded) instead of
    scanning every character. With ``word_start``, the pattern never matches right after
    a letter (a look-behind says so), and occurrences inside words are not tried. A scan
    when folding changed the length of the text."""
    if folded is None or len(folded) != len(text):
        return iter_matches(pattern, text)
    starts = occurrences(folded, words)
    if word_start:
        starts = [q for q in starts if not q or not text[q - 1].isalpha()]
    return anchored_matches(pattern, text, starts)


def spaced_marks(text: str, marks: str, spaces: str) -> list[int]:
    """Offsets of the characters of ``marks`` with one of ``spaces`` just before or after them."""
    found: set[int] = set()
    for mark in marks:
        if mark not in text:
            continue
        for space in spaces:
            for pair, offset in ((space + mark, 1), (mark + space, 0)):
                q = text.find(pair)
                while q >= 0:
                    found.add(q + offset)
                    q = text.find(pair, q + 1)
    return sorted(found)


def word_starts_before(text: str, positions: list[int], spaces: str, reach: int = 200) -> list[int] | None:
    """Where a match may start that runs, through no white space, up to one of ``positions``.

    For each position: skip the characters of ``spaces`` just before it, then give every
    offset from the start of the run of non-white-space characters before them up to them
    (a word and a mark glued to it: "celle -ci", "l ’Organisation"). With
    :func:`anchored_matches`, the matches a scan finds, for a pattern whose every match
    starts that way. None when a run is longer than ``reach``: scan instead.
    """
    out: set[int] = set()
    for p in positions:
        b = p
        while b > 0 and text[b - 1] in spaces:
            b -= 1
        w = b
        while w > 0 and not text[w - 1].isspace():
            w -= 1
            if b - w > reach:
                return None
        out.update(range(w, b + 1))
    return sorted(out)


def glued_matches(pattern: Any, text: str, marks: str, spaces: str) -> Iterator[Any]:
    """The matches of ``pattern`` a scan finds, for a pattern every match of which runs,
    through no white space but ``spaces``, up to a character of ``marks`` that has one of
    ``spaces`` just before or after it: tried only in the words glued to such marks."""
    starts = word_starts_before(text, spaced_marks(text, marks, spaces), spaces)
    return iter_matches(pattern, text) if starts is None else anchored_matches(pattern, text, starts)


@cache
def load_data(name: str) -> dict[str, Any]:
    """A TOML file of ``rules/data`` (``"terms"``, ``"organs"``...), parsed once."""
    with open(Path(__file__).parent / "data" / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


def convention(doc: Resolution, key: str) -> Any:
    """The value of the organ convention ``key`` for ``doc`` (``rules/data/organs.toml``), in the
    practice of the text's year when an ``[[era]]`` of its organ covers it."""
    data = load_data("organs")
    own = data.get(doc.organ or "", {})
    value = own[key] if key in own else data["default"][key]
    year = doc.year
    if year is not None:
        for era in data.get("era", ()):
            if key in era and era["organ"] == doc.organ and year <= era["until"]:
                value = era[key]
    return value
