"""G101 and G102 read fewer words than every word of every paragraph, and find the same."""
from __future__ import annotations

import random
from itertools import repeat
from operator import contains
from pathlib import Path

from resolint.loader import load_document
from resolint.model import MARK
from resolint.rules import consistency

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.docx"))
PIECES = ["a", "bb", "l’eau", "d'ici", "porte-parole", "-", "’", "'", ",", " , ", ", ", ",,", "12", "_", "x2", "²",
          " ", "  ", ";", "(a)", "é", "Ⅻ", "\u00a0", ".", "ﬁn", "Straße", "\u0345", ",\u0345,"]


def listed_runs(text: str) -> set[tuple[str, ...]]:
    """The four-word runs with two commas or more, read from every word (no prefilter)."""
    pieces = consistency._TOKEN_WORD.split(text.casefold())
    words, comma = pieces[1::2], list(map(contains, pieces[2::2], repeat(",")))
    return {tuple(words[k:k + 4]) for k in range(len(words) - 3) if comma[k] + comma[k + 1] + comma[k + 2] >= 2}


def test_no_paragraph_with_a_listed_run_is_skipped() -> None:
    texts = [p.scan_text.replace(MARK, " ") for path in SAMPLES for p in load_document(path).all_parts()]
    rng = random.Random(20261127)
    texts += ["".join(rng.choice(PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 16)))
              for _ in range(5000)]
    with_runs = skipped = 0
    for text in texts:
        runs = listed_runs(text)
        with_runs += bool(runs)
        if consistency._FOLDS_TO_LETTER not in text and consistency._CLOSE_COMMAS.search(text) is None:
            skipped += 1
            assert not runs, text
    assert with_runs > 300 and skipped > 1000  # both kinds are exercised


def test_split_word_counts_the_same_words_as_a_full_search() -> None:
    """G102 counts words from white-space pieces: the same multiset as searching the text."""
    from collections import Counter

    texts = [p.scan_text for path in SAMPLES for p in load_document(path).all_parts()]
    rng = random.Random(7)
    pieces = PIECES + ["İ", "\u0345", "\ufffc", "\t", "\n", "\u202f", "ǅ", "µ", "Bb", "É"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(5000)]
    for text in texts:
        assert Counter(consistency._word_bag(text)) == Counter(consistency._folded_words(text)), text
