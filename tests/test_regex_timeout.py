"""The regex timeout, passed to the ``regex`` module by position, still stops a runaway search."""
from __future__ import annotations

import time

import pytest
import regex

from resolint import limits
from resolint.rule import iter_matches, lazy_pattern, match_at, search_in
from resolint.rules._helpers import anchored_matches

RUNAWAY = r"(a|aa)+$"  # exponential backtracking in the regex module on "aaa...a!"
TEXT = "a" * 40 + "!"


@pytest.fixture
def short_timeout():  # type: ignore[no-untyped-def]
    before = limits.REGEX_TIMEOUT
    limits.set_regex_timeout(0.05)
    yield
    limits.set_regex_timeout(before)


@pytest.mark.parametrize("pattern", [regex.compile(RUNAWAY), lazy_pattern(RUNAWAY)], ids=["compiled", "lazy"])
@pytest.mark.parametrize("call", [
    lambda p: list(iter_matches(p, TEXT)),
    lambda p: match_at(p, TEXT, 0),
    lambda p: search_in(p, TEXT),
    lambda p: list(anchored_matches(p, TEXT, [0, 1, 2])),
], ids=["iter_matches", "match_at", "search_in", "anchored_matches"])
def test_a_runaway_search_times_out(pattern, call, short_timeout) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    with pytest.raises(TimeoutError):
        call(pattern)
    assert time.perf_counter() - started < 5


def test_positions_and_ends_are_those_of_keywords() -> None:
    pattern = regex.compile(r"(?i)nations")
    text = "Nations x nations y NATIONS"
    assert [m.span() for m in iter_matches(pattern, text, 1, 20)] == \
        [m.span() for m in pattern.finditer(text, pos=1, endpos=20)]
    assert match_at(pattern, text, 10).span() == pattern.match(text, pos=10).span()
    assert match_at(pattern, text, 10, 14) is None
    assert search_in(pattern, text, 1).span() == pattern.search(text, pos=1).span()
    assert search_in(pattern, text, 1, 16) is None
    assert search_in(regex.compile("xnat"), "xnatio") is not None
    assert search_in(regex.compile("nations"), "xnatio") is None  # no partial match
