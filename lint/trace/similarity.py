"""The similarity of two paragraphs: symmetric, from 0 (nothing shared) to 1 (the same words).

``similarity(a, b)`` is the mean of two weighted (multiset) Jaccard indices over the
paragraphs' tokens (:func:`resolint.trace.text.tokens`: numbering, spacing, quotation marks,
case and the final punctuation already left out):

- on words: how many words the two share, counted with repetition, over how many they hold
  together (order ignored);
- on pairs of consecutive words (bigrams): the same count on word pairs, which is where the
  order of the words shows ("calls upon the parties" is not "the parties calls upon").

Each index is ``sum(min(a[x], b[x])) / sum(max(a[x], b[x]))``, which does not depend on which
paragraph comes first, so the mean is symmetric; two empty paragraphs have similarity 1.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def bigrams(tokens: Sequence[str]) -> list[str]:
    """Consecutive pairs of tokens; a one-token paragraph is its own pair."""
    if len(tokens) < 2:
        return list(tokens)
    return [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def weighted_jaccard(a: Counter[str], b: Counter[str]) -> float:
    """``sum(min) / sum(max)`` of two multisets (1.0 when both are empty)."""
    if not a and not b:
        return 1.0
    if len(a) > len(b):
        a, b = b, a
    shared = sum(min(n, b[x]) for x, n in a.items() if x in b)
    total = sum(a.values()) + sum(b.values()) - shared
    return shared / total if total else 1.0


class Profile:
    """The multisets of a paragraph's tokens and bigrams, computed once and compared often."""

    __slots__ = ("words", "pairs")

    def __init__(self, tokens: Sequence[str]) -> None:
        self.words: Counter[str] = Counter(tokens)
        self.pairs: Counter[str] = Counter(bigrams(tokens))

    def similarity(self, other: "Profile") -> float:
        return (weighted_jaccard(self.words, other.words) + weighted_jaccard(self.pairs, other.pairs)) / 2


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """The similarity of two token lists (see the module's documentation)."""
    return Profile(a).similarity(Profile(b))
