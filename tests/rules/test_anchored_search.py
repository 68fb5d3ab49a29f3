"""Dates, citation keywords and fixed terms found by anchored matches: as a scan finds them."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from resolint.loader import load_document
from resolint.rule import iter_matches
from resolint.rules import citations

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.docx"))
PIECES = ["1", "12", "3", "31", "1er", "2nd", "th", "janvier", "Janv.", "sept", "septembre", "May", "may",
          "June", "Sept.", "mars", "décide", "innovation", " ", "\u00a0", "  ", ",", "2018", "20181", "a",
          "x2019", "°", "ère", "e", "remarquable", "domaine", ".", "/", "-", "15-", "December", "dec", "Déc."]


def scanned(text: str, language: str) -> list:
    return [(m.span(), m.groupdict()) for m in iter_matches(citations.date_pattern(language), text)]


def found(text: str, language: str) -> list:
    return [(d.start, d.end, d.day, d.month, d.year, d.suffix, d.comma) for d in citations.dates_in(text, language)]


def expected(text: str, language: str) -> list:
    out = []
    for m in iter_matches(citations.date_pattern(language), text):
        d = citations._date_from(m, language)
        if d is not None:
            out.append((d.start, d.end, d.day, d.month, d.year, d.suffix, d.comma))
    return out


@pytest.mark.parametrize("language", ["en", "fr"])
def test_same_dates_as_a_scan_on_the_samples(language: str) -> None:
    texts = [p.scan_text for path in SAMPLES for d in [load_document(path)]
             for p in d.paragraphs + d.footnote_paragraphs()]
    assert sum(len(expected(t, language)) for t in texts) > 10  # the samples do hold dates
    for text in texts:
        assert found(text, language) == expected(text, language), text


def _date_like(rng: random.Random) -> str:
    """A date, or something close to one (wrong spacing, digits glued on, a word for a month)."""
    def sp() -> str:
        return rng.choice([" ", "\u00a0", "  ", "", " \u202f"])

    day = rng.choice(["1", "01", "12", "31", "123", "x9"])
    month = rng.choice(["janvier", "Sept.", "septembre", "May", "June", "Dec", "mars", "décide", "août",
                        "maintien", "Mai", "janv.", "AOÛT", "Octobre", "Marshall", "decembre", "nov"])
    year = rng.choice(["2018", "1999", "20181", "18", "2020a"])
    if rng.random() < 0.5:
        suffix = rng.choice(["", "er", "th", "ère", "°", "nd"])
        return day + suffix + sp() + month + rng.choice(["", ","]) + sp() + year
    return month + sp() + day + rng.choice(["", "th", "st"]) + rng.choice(["", ","]) + sp() + year


@pytest.mark.parametrize("language", ["en", "fr"])
def test_same_dates_as_a_scan_on_generated_texts(language: str) -> None:
    rng = random.Random(20261127)
    hits = 0
    for _ in range(3000):
        pieces = [_date_like(rng) if rng.random() < 0.3 else rng.choice(PIECES) for _ in range(rng.randint(1, 14))]
        text = "".join(piece + rng.choice(["", " ", "", "\u202f"]) for piece in pieces)
        want = expected(text, language)
        hits += len(want)
        assert found(text, language) == want, text
    assert hits > 100  # the generator does produce dates


def test_folding_that_moves_offsets_falls_back_to_a_scan() -> None:
    text = "Straße, 12 septembre 2018 et 3 mars 2020"  # "ß" folds to "ss": offsets move
    assert found(text, "fr") == expected(text, "fr")
    assert [d[2:5] for d in found(text, "fr")] == [(12, 9, 2018), (3, 3, 2020)]


def test_citation_keywords_are_found_as_a_scan_finds_them() -> None:
    texts = [p.scan_text for path in SAMPLES for d in [load_document(path)]
             for p in d.paragraphs + d.footnote_paragraphs()]
    rng = random.Random(11)
    words = ["résolution", "Résolutions", "RESOLUTION", "decision", "Décisions", "irrésolution", "résolutionx",
             "73/11", " ", ",", "la", "et", "\u00a0", "'"]
    texts += ["".join(rng.choice(words) + rng.choice(["", " "]) for _ in range(rng.randint(1, 12)))
              for _ in range(3000)]
    hits = 0
    for text in texts:
        want = [m.span() for m in iter_matches(citations._KEYWORD, text)]
        hits += len(want)
        got = [m.span() for m in citations.word_led_matches(citations._KEYWORD, text, text.casefold(),
                                                            citations._KEYWORD_WORDS, word_start=True)]
        assert got == want, text
    assert hits > 1000


@pytest.mark.parametrize("language", ["en", "fr"])
def test_fixed_terms_are_found_as_a_scan_finds_them(language: str) -> None:
    from resolint.rules import terminology

    texts = [p.scan_text for path in SAMPLES for d in [load_document(path)]
             for p in d.paragraphs + d.footnote_paragraphs()]
    rng = random.Random(13)
    words = ["Nations", "Unies", "nations", "UNIES", "United", "Nations", "Secrétaire", "général", "Secretary",
             "General", "-", " ", "\u00a0", "ONU", "États", "Membres", "Member", "States", "Charte", "Charter", "x"]
    texts += ["".join(rng.choice(words) + rng.choice(["", " ", "-"]) for _ in range(rng.randint(1, 10)))
              for _ in range(2000)]
    hits = 0
    patterns = terminology._term_patterns(language, skip_correct=False) + terminology._term_patterns(language)
    for pattern, _entry, term_words in patterns:
        for text in texts:
            want = [m.span() for m in iter_matches(pattern, text)]
            hits += len(want)
            got = [m.span() for m in citations.word_led_matches(pattern, text, text.casefold(), term_words[:1])]
            assert got == want, (pattern, text)
    assert hits > 100


def _spaced(matches) -> list:  # type: ignore[no-untyped-def]
    return [(m.span(), m.groupdict()) for m in matches if m.group("before") or m.group("after")]


def _glued_texts(pieces: list[str], seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) + rng.choice(["", "", " ", "\u00a0", "  "]) for _ in range(rng.randint(1, 14)))
            for _ in range(count)]


def test_spaced_apostrophes_are_found_as_a_scan_finds_them() -> None:
    from resolint.rules import punctuation

    texts = [p.scan_text for path in SAMPLES for d in [load_document(path)]
             for p in d.paragraphs + d.footnote_paragraphs()]
    texts += _glued_texts(["l", "L", "qu", "jusqu", "d", "aujourd", "State", "s", "t", "’", "'", " ’", "’ ", "\u00a0’",
                           "hui", "Organisation", "x", "-", "ll", "é", "\u0130", "ß"], 17, 4000)
    hits = 0
    for pattern in punctuation._apostrophe_patterns():
        for text in texts:
            want = _spaced(iter_matches(pattern, text))
            hits += len(want)
            assert _spaced(punctuation.apostrophe_matches(pattern, text)) == want, (pattern, text)
    assert hits > 300


def test_spaced_hyphens_are_found_as_a_scan_finds_them() -> None:
    from resolint.rules import punctuation

    texts = [p.scan_text for path in SAMPLES for d in [load_document(path)]
             for p in d.paragraphs + d.footnote_paragraphs()]
    texts += _glued_texts(["celle", "ci", "-", " -", "- ", "\u2011", "non", "pre", "and", "post", "’", "é", "9", "x",
                           "conflict", "\u00a0-", "a" * 250], 19, 4000)
    hits = 0
    for text in texts:
        want = [(m.span(), m.groupdict()) for m in iter_matches(punctuation._SPACED_HYPHEN, text)]
        hits += len(want)
        assert [(m.span(), m.groupdict()) for m in punctuation.spaced_hyphen_matches(text)] == want, text
    assert hits > 300


@pytest.mark.parametrize("language", ["en", "fr"])
def test_membership_terms_are_found_as_a_scan_finds_them(language: str) -> None:
    from resolint.rules import terminology

    data = terminology._terms()["membership"][language]
    pattern = terminology._compiled(data["pattern"], terminology.regex.IGNORECASE)
    texts = [p.scan_text for path in SAMPLES for d in [load_document(path)]
             for p in d.paragraphs + d.footnote_paragraphs()]
    rng = random.Random(29)
    words = ["États", "Etats", "ÉTATS", "état", "Membres", "membre", "MEMBERS", "Member", "States", "state", "-",
             " ", "\u00a0", "x", "Co", "ses", "Straße", "é"]
    texts += ["".join(rng.choice(words) + rng.choice(["", " ", "-", "\u00a0"]) for _ in range(rng.randint(1, 10)))
              for _ in range(3000)]
    hits = 0
    for text in texts:
        want = [(m.span(), m.groups()) for m in iter_matches(pattern, text)]
        hits += len(want)
        got = [(m.span(), m.groups()) for m in terminology.membership_matches(data, text, text.casefold())]
        assert got == want, text
    assert hits > 50  # both languages' forms do occur


@pytest.mark.parametrize("language", ["en", "fr"])
def test_fixed_terms_skipping_the_correct_spelling_report_the_same(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """T101's patterns pass over the correct spelling of a term: the findings are those of
    patterns that match it too."""
    from resolint.config import Config
    from resolint.engine import run_rules
    from resolint.model import Kind, Paragraph, Resolution
    from resolint.plugin_manager import get_manager
    from resolint.rules import terminology

    manager = get_manager()
    rule = [manager.rules["T101"]]
    config = Config(manager=manager)
    rng = random.Random(17)
    words = {
        "en": ["United Nations", "United", "Nations", "nations", "UNITED", "Secretary-General", "Secretary",
               "General", "general", "Assembly", "assembly", "Security Council", "Security", "council", "Charter of the",
               "Charter", "the", "Member States", "member", "States", "states", "of", "INTERPOL", "regional"],
        "fr": ["Nations Unies", "Nations", "Unies", "nations", "UNIES", "unies", "Secrétaire général", "Secrétaire",
               "général", "Général", "Assemblée générale", "Assemblée", "Conseil", "de", "sécurité", "Sécurité",
               "Organisation des Nations Unies", "Organisation", "des", "Charte des", "États Membres", "États",
               "membres", "Membres", "ses", "INTERPOL", "régional"],
    }[language] + ["-", " ", "\u00a0", "x"]
    texts = ["".join(rng.choice(words) + rng.choice(["", " ", " ", "-", "\u00a0"]) for _ in range(rng.randint(1, 12)))
             for _ in range(3000)]
    doc = Resolution("generated.docx", [Paragraph(i, Kind.OPERATIVE, t) for i, t in enumerate(texts)], [], language)

    def key(findings: list) -> list:  # type: ignore[type-arg]
        return sorted((f.paragraph, f.start, f.end, f.message) for f in findings)

    skipping = key(run_rules(doc, rule, config))
    with monkeypatch.context() as m:
        full = terminology._term_patterns.__wrapped__
        m.setattr(terminology, "_term_patterns", lambda lang: full(lang, skip_correct=False))
        assert skipping == key(run_rules(doc, rule, config))
    assert len(skipping) > 50  # the texts do misspell terms
