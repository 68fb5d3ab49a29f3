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


def test_split_word_vocabulary_of_a_whole_document_is_that_of_its_paragraphs() -> None:
    """G102 counts the words of all paragraphs at once: the same counts, and the same
    paragraphs holding a word seen once, as counting paragraph by paragraph."""
    from collections import Counter

    def by_paragraph(texts: list[str]) -> tuple[Counter, set, list[bool]]:  # type: ignore[type-arg]
        bags = [consistency._folded_words(text) for text in texts]
        vocab: Counter[str] = Counter()
        for bag in bags:
            vocab.update(bag)
        once = {w for w, n in vocab.items() if n == 1}
        return vocab, once, [not once.isdisjoint(bag) for bag in bags]

    documents = [[p.scan_text for p in load_document(path).all_parts() if p.text.strip()] for path in SAMPLES]
    rng = random.Random(23)
    pieces = PIECES + ["\ufffc", "\t", "\n", "\u202f", "ǅ", "µ", "Bb", "É", "eau", "porte", "parole"]
    documents += [["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 12)))
                   for _ in range(rng.randint(1, 8))] for _ in range(3000)]
    documents += [["ab cd", "İstanbul ab"], ["Straße ab", "ab"]]  # folding that changes lengths: text by text
    with_once = 0
    for texts in documents:
        want = by_paragraph(texts)
        with_once += sum(want[2])
        assert consistency.vocabulary(texts) == want, texts
    assert with_once > 1000
