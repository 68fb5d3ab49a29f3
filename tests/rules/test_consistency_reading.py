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


def test_runs_read_around_close_commas_are_those_of_every_word() -> None:
    """Pass 1 of G101 reads only the words around two close commas: the same runs."""
    texts = [p.scan_text.replace(MARK, " ") for path in SAMPLES for p in load_document(path).all_parts()]
    rng = random.Random(20261127)
    texts += ["".join(rng.choice(PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 16)))
              for _ in range(5000)]
    long_word = "x" * 300
    texts += [f"{long_word} {long_word}, a, {long_word} {long_word}", f"a {long_word}, b c, {long_word}’y z"]
    with_runs = 0
    for text in texts:
        low = consistency._folded(text)
        if len(low) != len(text):
            continue  # G101 splits those whole
        want = listed_runs(low)
        with_runs += bool(want)
        assert consistency._listed_runs(low) == want, text
    assert with_runs > 300  # texts with runs are exercised


def test_runs_found_by_pattern_are_those_of_every_word() -> None:
    """Pass 2 of G101 finds the listed runs with a pattern: the same places and commas as
    reading every word, overlapping runs and runs inside longer words included."""
    rng = random.Random(3)
    words = ["a", "b", "l’a", "a-b", "ab", "b’", "x2"]
    found = 0
    for _ in range(1000):
        text = "".join(rng.choice(words) + rng.choice([", ", " ", ",", "’", "-", " - ", ",, ", "2"])
                       for _ in range(rng.randint(4, 14)))
        low = consistency._folded(text)
        split, comma, ends = consistency._split_words(text, low)
        keys = sorted({tuple(split[k:k + 4]) for k in range(0, len(split) - 3, 2)})
        if not keys:
            continue
        want = [(ends[2 * k], ends[2 * k + 7], tuple(split[k:k + 4]), tuple(comma[k:k + 3]))
                for k in range(len(split) - 3) if tuple(split[k:k + 4]) in keys]
        got = list(consistency._occurrences(consistency._runs_pattern(keys), low))
        assert got == want, text
        found += len(want)
    assert found > 1500


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


def reference_enumerations(parts: list, language: str = "en") -> list[tuple[int, int, int, str]]:  # type: ignore[type-arg]
    """G101 computed the plain way: every word of every paragraph (no shortcut); its messages
    in ``language``."""
    from collections import Counter, defaultdict

    seen: dict = defaultdict(list)  # type: ignore[type-arg]
    listed = set()
    split = []
    for part in parts:
        text = part.scan_text.replace(MARK, " ")
        words, comma, ends = consistency._split_words(text, consistency._folded(part.scan_text))
        split.append((words, comma, ends))
        listed.update(tuple(words[k:k + 4]) for k in range(len(words) - 3) if sum(comma[k:k + 3]) >= 2)
    for part, (words, comma, ends) in zip(parts, split):
        for k in range(len(words) - 3):
            if tuple(words[k:k + 4]) in listed:
                seen[tuple(words[k:k + 4])].append((tuple(comma[k:k + 3]), part, ends[2 * k], ends[2 * k + 7]))
    flagged: dict = defaultdict(list)  # type: ignore[type-arg]
    for places in seen.values():
        patterns = Counter(p[0] for p in places)
        if len(places) < 3 or len(patterns) < 2:
            continue
        (major, times), = patterns.most_common(1)
        if sum(major) < 2 or times * 2 <= len(places):
            continue
        example = next(part.text[s:e] for c, part, s, e in places if c == major)
        for commas, part, start, end in places:
            if sum(commas) >= sum(major):
                continue
            for span in flagged[part.index]:
                if start < span[1] and end > span[0]:
                    span[0], span[1] = min(span[0], start), max(span[1], end)
                    break
            else:
                flagged[part.index].append([start, end, example, times])
    def say(t: int, x: str) -> str:
        if language == "fr":
            return f"cette énumération est écrite {t} fois ailleurs avec plus de virgules\u00a0: «\u00a0{x}\u00a0»"
        return f"this enumeration is written {t} times elsewhere with more commas: '{x}'"

    return sorted((index, s, e, say(t, x))
                  for index, spans in flagged.items() for s, e, x, t in spans)


def test_enumerations_are_those_of_reading_every_word() -> None:
    """G101 with its shortcuts (words read around commas, runs searched as patterns in the
    paragraphs holding their words) reports what reading every word reports."""
    from resolint.config import Config
    from resolint.engine import run_rules
    from resolint.model import Kind, Paragraph, Resolution
    from resolint.plugin_manager import get_manager

    manager = get_manager()
    rule = [manager.rules["G101"]]
    config = Config(manager=manager)
    words = ["chimiques", "Biologiques", "radiologiques", "nucléaires", "Straße", "et", "les", "l’arme", "x", "İl"]
    rng = random.Random(5)
    found = 0
    for _ in range(60):
        texts = []
        order = rng.sample(words[:5], 5)
        for _ in range(rng.randint(1, 40)):
            # Lists of the same words, most with their commas, some with one lost.
            pieces = [rng.choice(words) + rng.choice([", ", " ", ",", "\ufffc ", " - "]) for _ in range(rng.randint(0, 6))]
            listed = order if rng.random() < 0.7 else rng.sample(words[:5], 5)
            pieces.insert(rng.randint(0, len(pieces)), "".join(
                w + rng.choice([", ", ", ", ", ", " ", "\u00a0, "]) for w in listed) + "et l’arme")
            texts.append("".join(pieces))
        parts = [Paragraph(i, rng.choice([Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH]), text)
                 for i, text in enumerate(texts)]
        doc = Resolution("generated.docx", parts, [], "fr")
        parts = doc.preamble + doc.operative + doc.subparagraphs
        got = sorted((f.paragraph, f.start, f.end, f.message) for f in run_rules(doc, rule, config))
        assert got == reference_enumerations(parts, "fr")
        found += len(got)
    for path in SAMPLES:
        doc = load_document(path)
        got = sorted((f.paragraph, f.start, f.end, f.message) for f in run_rules(load_document(path), rule, config))
        assert got == reference_enumerations(doc.preamble + doc.operative + doc.subparagraphs, doc.language)
        found += len(got)
    assert found > 300  # the generated documents do hold inconsistent enumerations
