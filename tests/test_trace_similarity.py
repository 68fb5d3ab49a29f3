"""The similarity of the agreed-language trace: symmetric, 0..1, blind to typography, English and French."""
from __future__ import annotations

import random

import pytest

from resolint.trace.similarity import similarity
from resolint.trace.text import key, tokens

OP = "Calls upon all parties to respect the ceasefire and to cooperate fully with the Mission;"


def sim(a: str, b: str) -> float:
    return similarity(tokens(a), tokens(b))


@pytest.mark.parametrize("other", [
    "3. Calls upon all parties to respect the ceasefire and to cooperate fully with the Mission;",
    "(b)  Calls upon   all parties to respect\u00a0the ceasefire and to cooperate fully with the Mission.",
    "“Calls upon all parties to respect the ceasefire and to cooperate fully with the Mission”,",
    "calls upon all parties to respect the ceasefire and to cooperate fully with the mission",
    "\"Calls upon all parties to respect the 'ceasefire' and to cooperate fully with the Mission;\"",
])
def test_numbering_spacing_quotes_case_and_final_mark_do_not_count(other: str) -> None:
    assert key(tokens(other)) == key(tokens(OP))
    assert sim(OP, other) == 1.0


def test_symmetric_and_bounded_on_random_edits() -> None:
    rng = random.Random(3)
    words = OP.split()
    for _ in range(200):
        a = [w for w in words if rng.random() > 0.2]
        b = list(words)
        rng.shuffle(b)
        b = b[:rng.randrange(1, len(b) + 1)]
        x, y = " ".join(a), " ".join(b)
        assert 0.0 <= sim(x, y) <= 1.0
        assert sim(x, y) == sim(y, x)


def test_order_counts() -> None:
    reversed_ = " ".join(reversed(OP.rstrip(";").split()))
    moved = "the ceasefire Calls upon all parties to respect and to cooperate fully with the Mission;"
    unrelated = "Decides to remain seized of the matter."
    assert sim(OP, reversed_) == pytest.approx(0.5)  # the same words, no pair of them in order
    assert 0.5 < sim(OP, moved) < 1.0  # a block moved: most pairs kept
    assert sim(OP, unrelated) < 0.2


def test_a_change_of_words_is_not_agreed() -> None:
    assert key(tokens(OP)) != key(tokens(OP.replace("Calls upon", "Urges")))
    assert key(tokens(OP)) != key(tokens(OP.replace(" and ", ", and ")))  # punctuation inside counts


def test_french_elision_and_accents() -> None:
    fr = "Prie le Secrétaire général de lui présenter un rapport sur l’application de la présente résolution ;"
    assert tokens(fr)[-6:] == ["l'", "application", "de", "la", "présente", "résolution"]
    straight = fr.replace("’", "'").replace(" ;", ";")
    assert key(tokens(fr)) == key(tokens(straight))
    assert sim(fr, "« " + fr[:-2] + " »") == 1.0
    assert key(tokens(fr)) != key(tokens(fr.replace("résolution", "resolution")))  # accents are letters
    assert key(tokens("dans le domaine de l ’application de la loi")) == key(tokens("dans le domaine de l’application de la loi"))
    assert tokens("qu’il décide jusqu’à lorsqu’elle") == ["qu'", "il", "décide", "jusqu'", "à", "lorsqu'", "elle"]


def test_french_and_english_are_far_apart() -> None:
    en = "Requests the Secretary-General to report on the implementation of the present resolution;"
    fr = "Prie le Secrétaire général de faire rapport sur l’application de la présente résolution ;"
    assert sim(en, fr) < 0.1
