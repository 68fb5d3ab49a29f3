"""Language packs and language detection.

A language pack is data (a TOML file) registered by a plugin through the
``resolint_languages`` hook: organ formulas, opening words, sub-paragraph label
style, words for detection. English and French ship as bundled plugins.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .rule import lazy_pattern


#: ``regex.V1``, spelled out so that importing this module does not import ``regex``.
_V1 = 0x100


@dataclass
class LanguagePack:
    """Vocabulary and conventions of one language, loaded lazily from a TOML file."""

    code: str
    name: str
    path: Path
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def data(self) -> dict[str, Any]:
        with open(self.path, "rb") as fh:
            data = tomllib.load(fh)
        for key, value in self.extra.items():
            if isinstance(value, list) and isinstance(data.get(key), list):
                data[key] = data[key] + value
            else:
                data[key] = value
        return data

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def words(self, key: str) -> list[str]:
        """A list of words or phrases from the pack (empty if absent)."""
        return list(self.data.get(key, []))

    @cached_property
    def formula_patterns(self) -> list[tuple[Any, dict[str, Any]]]:
        out = []
        for organ in self.data.get("organs", []):
            out.append((lazy_pattern(organ["pattern"], _V1), organ))
        return out

    def match_formula(self, text: str) -> dict[str, Any] | None:
        """The organ entry whose formula matches ``text``, or None."""
        core = text.strip()
        for pattern, organ in self.formula_patterns:
            if pattern.fullmatch(core):
                return organ
        return None

    @cached_property
    def stopwords(self) -> frozenset[str]:
        return frozenset(self.data.get("stopwords", []))

    @cached_property
    def operative_set(self) -> frozenset[str]:
        return frozenset(v.casefold() for v in self.data.get("operative_verbs", []))

    @cached_property
    def preamble_set(self) -> frozenset[str]:
        return frozenset(v.casefold() for v in self.data.get("preamble_openers", []))

    def leads_in(self, text: str) -> bool:
        """Whether ``text`` opens with a lead-in before an operative verb ("Acting under Chapter VII, decides")."""
        head = text.lstrip()
        return any(head.startswith(phrase + " ") for phrase in self.words("operative_lead_ins"))

    def starts_with_any(self, text: str, phrases: frozenset[str]) -> str | None:
        """The longest phrase of ``phrases`` that ``text`` starts with (whole words), or None."""
        words, folded = _lead_words(text)
        firsts, longest = _shape(phrases)
        if not folded or folded[0] not in firsts:
            return None  # every phrase starts with one of its first words
        for n in range(min(len(folded), longest), 0, -1):
            if " ".join(folded[:n]) in phrases:
                return " ".join(words[:n]).strip(",;:")
        return None


_LAST_LEAD: tuple[str, list[str], list[str]] = ("", [], [])


def _lead_words(text: str) -> tuple[list[str], list[str]]:
    """The first six words of ``text``, as written and folded (the last answer is kept:
    the classifier asks for two phrase sets in a row)."""
    global _LAST_LEAD
    if _LAST_LEAD[0] is text:
        return _LAST_LEAD[1], _LAST_LEAD[2]
    words = text.split(None, 6)[:6]
    folded = [w.strip(",;:").casefold() for w in words]
    _LAST_LEAD = (text, words, folded)
    return words, folded


_SHAPES: dict[int, tuple[frozenset[str], frozenset[str], int]] = {}


def _shape(phrases: frozenset[str]) -> tuple[frozenset[str], int]:
    """The first words of ``phrases`` and the most words one has (kept per phrase set)."""
    found = _SHAPES.get(id(phrases))
    if found is None or found[0] is not phrases:
        if len(_SHAPES) >= 64:
            _SHAPES.clear()
        split = [p.split(" ") for p in phrases]
        found = _SHAPES[id(phrases)] = (phrases, frozenset(w[0] for w in split), max(map(len, split), default=0))
    return found[1], found[2]


_WORD = lazy_pattern(r"\p{L}+", _V1)


def _ranked(texts: list[str], packs: dict[str, LanguagePack]) -> list[tuple[str, int]]:
    """The languages by how many of their stop words the first 4,000 words hold, most first."""
    from collections import Counter

    bag: Counter[str] = Counter()
    seen = 0
    for text in texts:
        words = _WORD.findall(text.casefold())
        bag.update(words)
        seen += len(words)
        if seen > 4000:
            break
    counts = {code: sum(bag[w] for w in bag.keys() & pack.stopwords) for code, pack in packs.items()}
    return sorted(counts.items(), key=lambda kv: kv[1], reverse=True)


def _clear(ranked: list[tuple[str, int]]) -> bool:
    return bool(ranked) and ranked[0][1] >= 8 and (len(ranked) == 1 or ranked[0][1] >= 2 * max(ranked[1][1], 1))


def text_language(texts: list[str], packs: dict[str, LanguagePack]) -> str | None:
    """The language the text itself shows clearly (stop words), or None when it does not."""
    ranked = _ranked(texts, packs)
    return ranked[0][0] if _clear(ranked) else None


def detect_language(texts: list[str], packs: dict[str, LanguagePack], tagged: list[str],
                    default_tag: str | None) -> str:
    """Pick the document language.

    The text decides when it is clear (stop-word counts, one language at least twice the
    other); otherwise the languages tagged on the runs (``w:lang``), then the document
    default, then English.
    """
    ranked = _ranked(texts, packs)
    if _clear(ranked):
        return ranked[0][0]
    for tags in (tagged, [default_tag] if default_tag else []):
        votes: dict[str, int] = {}
        for tag in tags:
            code = tag.split("-")[0].lower()
            if code in packs:
                votes[code] = votes.get(code, 0) + 1
        if votes:
            return max(votes.items(), key=lambda kv: kv[1])[0]
    if ranked and ranked[0][1] > 0:
        return ranked[0][0]
    return "en" if "en" in packs else next(iter(packs), "en")
