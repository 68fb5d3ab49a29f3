"""Lazily compiled patterns match exactly what ``regex.compile`` matches."""
from __future__ import annotations

import regex

from resolint.rule import lazy_pattern

FLAGS = regex.V1 | regex.IGNORECASE
TEXTS = ["Strasse 12", "Straße 12", "STRASSE", "ﬁnance et finance", "İstanbul", "plain text", "Straße", "straße"]


def test_same_matches_as_the_full_folding_pattern() -> None:
    for source in ["strasse", "finance", r"\bstra(?:ss|ß)e\b", "i̇stanbul|istanbul"]:
        lazy, full = lazy_pattern(source, FLAGS), regex.compile(source, FLAGS)
        for text in TEXTS * 2:  # twice: the second time the fold check is remembered
            assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in full.finditer(text)], (source, text)


def test_a_text_with_a_multi_character_fold_is_searched_with_full_folding() -> None:
    pattern = lazy_pattern("strasse", FLAGS)
    assert pattern.search("plain text") is None  # compiles the simple-folding copy
    assert pattern.search("Straße").span() == (0, 6)  # "ß" folds to "ss": only full folding finds it
