"""Triggers: one search of a document's text chooses the parts a rule is called on.

Most rules look for something few paragraphs have (a space before an apostrophe, a
month name, "paragraph"). Calling every rule on every paragraph costs a few
microseconds a call even when the rule's first test says no, and a long draft has
thousands of paragraphs. A rule may instead declare a :class:`Trigger`: substrings
(``needles``) or a pattern, one of which occurs in every part the rule could report on
(an over-approximation: it may choose parts the rule then finds nothing in, never the
other way round). The engine joins the texts of a scope's parts once, searches the
joined text, and calls the rule only on the parts chosen.

Needles are found with ``str.find`` (the fastest search Python has); a pattern, for
what needles cannot say, is written for Python's :mod:`re` and should start with a
literal or a character class (so that the search skips ahead in C). Both are searched
in :attr:`~resolint.model.Paragraph.scan_text` (footnote marks are U+FFFC), case-folded
with ``folded``, with no-break and narrow no-break spaces read as plain spaces with
``plain_spaces`` (one needle " ’" then stands for three). Parts are joined with a line
feed, which needles do not hold; a pattern may use ``\\b`` and negative look-arounds
that cannot match a line feed (a part's edge looks to them as it does in the part
alone), and no other anchor or look-around. A match that runs over the end of a part
chooses that part (harmless: the rule finds nothing) and the search goes on at the next
part's start, so no part is missed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import Paragraph

#: Between parts in the joined text: white space and not a word character, as a part's
#: edge is to ``\b``, and a character no trigger needs to match.
SEPARATOR = "\n"

#: Turkic dotted capital I and dotless i: under IGNORECASE ``regex`` matches them with
#: "i" / "I", but ``str.casefold`` does not fold them to "i" (see :func:`casefolded`).
_TURKIC_I = ("\u0130", "\u0131")


def casefolded(text: str) -> str | None:
    """``text.casefold()``, to test for the words of a case-insensitive pattern.

    A case-insensitive match of a word folds like the word, so the folded text contains
    the folded word. None when that does not hold for ``text`` (it has a Turkic I): the
    caller then searches without a precheck. Folded triggers and the rules' own prechecks
    share the folded texts.
    """
    found = _FOLDED.get(text, _MISSING)
    if found is _MISSING:
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        found = _FOLDED[text] = None if _TURKIC_I[0] in text or _TURKIC_I[1] in text else text.casefold()
    return found  # type: ignore[return-value]


#: Folded texts by text: every rule folds the paragraph it is given, and the engine hands
#: each paragraph to each rule in turn. Bounded, cleared when full; the bound holds the
#: largest draft the limits allow (``max_paragraphs``), or a draft of 40,000 paragraphs
#: would miss every time (the scale benchmark: 425k foldings instead of 49k).
_FOLDED: dict[str, str | None] = {}
_FOLDED_MAX = 250_000
_MISSING = object()


@dataclass(frozen=True)
class Trigger:
    """What every part a rule can report on holds: one of ``needles``, or a match of ``pattern``.

    With ``folded``, the case-folded text (``str.casefold``) is searched: write the needles
    or the pattern in lower case. With ``plain_spaces``, U+00A0 and U+202F are searched as
    " ". See the module docstring for what a pattern may use.
    """

    pattern: str | None = None
    needles: tuple[str, ...] = ()
    folded: bool = False
    plain_spaces: bool = False

    def __post_init__(self) -> None:
        if (self.pattern is None) == (not self.needles):
            raise ValueError("a trigger has either a pattern or needles")
        if any(not needle or SEPARATOR in needle for needle in self.needles):
            raise ValueError("a trigger's needles are non-empty and hold no line feed")

    @classmethod
    def any_of(cls, needles: "Iterable[str]", folded: bool = False, plain_spaces: bool = False) -> "Trigger":
        """A trigger on substrings (see the class docstring for ``folded`` and ``plain_spaces``)."""
        if folded:
            needles = (needle.casefold() for needle in needles)
        if plain_spaces:
            needles = (_plain_spaces(needle) for needle in needles)
        return cls(needles=tuple(dict.fromkeys(needles)), folded=folded, plain_spaces=plain_spaces)

    @classmethod
    def pairs(cls, firsts: str, seconds: str, both_ways: bool = False, plain_spaces: bool = False) -> "Trigger":
        """A trigger on a character of ``firsts`` directly followed by one of ``seconds``
        (``both_ways``: or preceded by one)."""
        pairs = [a + b for a in firsts for b in seconds]
        return cls.any_of(pairs + [b + a for a, b in map(tuple, pairs)] if both_ways else pairs,
                          plain_spaces=plain_spaces)

    def compiled(self) -> re.Pattern[str] | None:
        """The pattern compiled (once per process); None for needles."""
        return None if self.pattern is None else _compile(self.pattern)


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _plain_spaces(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ") if "\u00a0" in text or "\u202f" in text else text


class JoinedText:
    """The texts of a list of parts joined into one string, with where each part starts."""

    __slots__ = ("parts", "text", "starts", "always")

    def __init__(self, parts: list["Paragraph"], folded: bool = False, plain_spaces: bool = False) -> None:
        texts = [p.scan_text for p in parts]
        always: list[int] = []
        if folded:
            folds = list(map(casefolded, texts))
            always = [i for i, fold in enumerate(folds) if fold is None]  # a Turkic I: always chosen
            texts = [text if fold is None else fold for text, fold in zip(texts, folds)]
        if plain_spaces:
            texts = list(map(_plain_spaces, texts))
        starts, at = [], 0
        for text in texts:
            starts.append(at)
            at += len(text) + 1
        self.parts = parts
        self.text = SEPARATOR.join(texts)
        self.starts = starts
        self.always = always

    def matching(self, trigger: Trigger) -> list["Paragraph"]:
        """The parts ``trigger`` chooses, in order (see the module docstring)."""
        parts, starts, text = self.parts, self.starts, self.text
        found = set(self.always)
        n = len(parts)
        if trigger.needles:
            for needle in trigger.needles:
                q = text.find(needle)
                while q >= 0:
                    i = bisect_right(starts, q) - 1
                    found.add(i)
                    if i + 1 >= n:
                        break
                    q = text.find(needle, starts[i + 1])
        else:
            search, pos = trigger.compiled().search, 0  # type: ignore[union-attr]
            while (m := search(text, pos)) is not None:
                i = bisect_right(starts, m.start()) - 1
                found.add(i)
                if i + 1 >= n:
                    break
                pos = starts[i + 1]
        return [parts[i] for i in sorted(found)]


class TextIndex:
    """Joined texts of one document's part lists, built when a trigger first asks.

    Lives as long as one run of the rules: the parts' texts do not change meanwhile.
    """

    def __init__(self) -> None:
        self._joined: dict[tuple[str, bool, bool], JoinedText] = {}

    def matching(self, key: str, parts: list["Paragraph"], trigger: Trigger | None) -> list["Paragraph"]:
        """The parts of ``parts`` (named ``key``, e.g. a scope) ``trigger`` chooses; all without one."""
        if trigger is None or not parts:
            return parts
        view = (key, trigger.folded, trigger.plain_spaces)
        joined = self._joined.get(view)
        if joined is None or not _same(joined.parts, parts):
            joined = self._joined[view] = JoinedText(parts, trigger.folded, trigger.plain_spaces)
        return joined.matching(trigger)


def _same(a: list["Paragraph"], b: list["Paragraph"]) -> bool:
    """Whether two lists hold the same part objects in the same order."""
    return a is b or (len(a) == len(b) and all(x is y for x, y in zip(a, b)))
