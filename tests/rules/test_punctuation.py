"""Punctuation rules P101-P105 on real .docx drafts."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Config
from resolint.engine import check_file
from resolint.findings import FixSafety, Severity
from resolint.plugin_manager import get_manager
from support.rulecheck import run, seen, fixed

MANAGER = get_manager()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NBSP = "\u00a0"








FR_HEAD = "L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n"
EN_HEAD = "The General Assembly,\n*Recalling* its resolution 73/11,\n"


# -- P101 stacked punctuation ---------------------------------------------------------------------

def test_p101_semicolon_full_stop_at_end_of_last_op_keeps_full_stop(draft) -> None:
    r = run(draft, FR_HEAD + f"1. *Décide* d’agir{NBSP};\n2. *Prie* le Secrétaire général de traduire les présumés ;.",
            "fr", ["P101"])
    [f] = r.findings
    assert (f.code, f.label, seen(r, f)) == ("P101", "OP 2", ";.")
    assert f.message == "ponctuation doublée «\u00a0;.\u00a0»\u00a0: n’en garder qu’un signe («\u00a0.\u00a0»)"
    assert fixed(r, f).endswith("les présumés.")


def test_p101_double_comma_and_ellipsis(draft) -> None:
    r = run(draft, EN_HEAD.replace("73/11,", "73/11,,") + "1. *Decides* to act...;\n2. *Requests* a report.",
            "en", ["P101"])
    assert [(f.label, seen(r, f)) for f in r.findings] == [("PP 1", ",,")]


# -- P102 space before punctuation ------------------------------------------------------------------

def test_p102_english_space_before_comma_and_semicolon(draft) -> None:
    r = run(draft, "The General Assembly,\n*Recalling* its resolution 73/11 , and decision 60/519 ,\n"
                   "1. *Decides* to act ;\n2. *Requests* a report .", "en", ["P102"])
    got = [(f.label, seen(r, f), f.message) for f in r.findings]
    assert got == [("PP 1", " ,", "space before ','"), ("PP 1", " ,", "space before ','"),
                   ("OP 1", " ;", "space before ';'"), ("OP 2", " .", "space before '.'")]
    assert all(f.severity is Severity.ERROR and f.fix.safety is FixSafety.SAFE for f in r.findings)
    assert fixed(r, r.findings[2]) == "Decides to act;"


def test_p102_french_leaves_high_punctuation_alone(draft) -> None:
    r = run(draft, FR_HEAD + f"1. *Décide* d’agir ; pour ce qui est : a) de prévenir ,\n2. *Prie* le Secrétaire général "
                   f"de faire rapport{NBSP}!", "fr", ["P102"])
    assert [(f.label, seen(r, f)) for f in r.findings] == [("OP 1", " ,")]


def test_p102_ignores_ellipsis_decimals_urls(draft) -> None:
    r = run(draft, EN_HEAD + "1. *Decides* to act (see https://undocs.org/A/RES/73/11 .5 per cent);\n"
                   "2. *Requests* a report.", "en", ["P102"])
    assert r.findings == []


# -- P103 double space ------------------------------------------------------------------------------

def test_p103_plain_and_mixed_double_spaces(draft) -> None:
    text = (FR_HEAD + "1. *Décide* de renforcer les programmes de  formation\u00a0;\n"
            "2. *Prie* le Secrétaire général de lutter contre la criminalité organisée \u00a0;")
    r = run(draft, text, "fr", ["P103"])
    got = [(f.label, seen(r, f), f.message, f.severity) for f in r.findings]
    assert got == [("OP 1", "  ", "espace double", Severity.WARNING),
                   ("OP 2", " \u00a0", "espace double (espace + espace insécable)", Severity.WARNING)]
    assert "programmes de formation\u00a0;" in fixed(r, r.findings[0])
    assert fixed(r, r.findings[1]).endswith("organisée\u00a0;")


def test_p103_plain_double_space_before_french_colon_becomes_nbsp(draft) -> None:
    r = run(draft, FR_HEAD + "1. *Décide* d’agir pour ce qui est  : a) de prévenir.", "fr", ["P103"])
    [f] = r.findings
    assert fixed(r, f) == "Décide d’agir pour ce qui est\u00a0: a) de prévenir."


def test_p103_three_nbsps_and_english(draft) -> None:
    r = run(draft, EN_HEAD + "1. *Decides* to act\u00a0\u00a0\u00a0now;\n2. *Requests* a report.", "en", ["P103"])
    [f] = r.findings
    assert f.message == "3 spaces in a row (no-break space + no-break space + no-break space)"
    assert fixed(r, f) == "Decides to act\u00a0now;"


def test_p103_single_spaces_are_fine(draft) -> None:
    r = run(draft, FR_HEAD + "1. *Décide* d’agir\u00a0: «\u00a0Coopération\u00a0»\u202f;", "fr", ["P103"])
    assert r.findings == []


# -- P104 apostrophe spacing ------------------------------------------------------------------------

def test_p104_french_space_before_apostrophe(draft) -> None:
    r = run(draft, "L’Assemblée générale,\n*Rappelant* sa résolution, dans laquelle elle a demandé que l ’Organisation "
                   "agisse à l ’échelle mondiale,\n1. *Décide* d’ agir.", "fr", ["P104"])
    got = [(f.label, seen(r, f), f.message) for f in r.findings]
    assert got == [("PP 1", " ’", "espace avant l’apostrophe dans «\u00a0l’\u00a0»"),
                   ("PP 1", " ’", "espace avant l’apostrophe dans «\u00a0l’\u00a0»"),
                   ("OP 1", "’ ", "espace après l’apostrophe dans «\u00a0d’\u00a0»")]
    assert "que l’Organisation agisse" in fixed(r, r.findings[0])
    assert fixed(r, r.findings[2]) == "Décide d’agir."


def test_p104_english_possessive_and_plural_possessive(draft) -> None:
    r = run(draft, "The General Assembly,\n*Recalling* the Organization ’s mandate and the States’ obligations,\n"
                   "1. *Decides* to act.", "en", ["P104"])
    [f] = r.findings
    assert (f.label, seen(r, f)) == ("PP 1", " ’")
    assert fixed(r, f).startswith("Recalling the Organization’s mandate")


def test_p104_fix_leaves_the_apostrophe_to_p203(draft) -> None:
    r = run(draft, FR_HEAD + "1. *Décide* que l' Organisation agit.", "fr", ["P104", "P203"])
    codes = sorted(f.code for f in r.findings)
    assert codes == ["P104", "P203"]
    p104 = next(f for f in r.findings if f.code == "P104")
    p203 = next(f for f in r.findings if f.code == "P203")
    spans = [(e.start, e.end) for e in p104.fix.edits] + [(e.start, e.end) for e in p203.fix.edits]
    assert spans[0][0] >= spans[1][1] or spans[1][0] >= spans[0][1], "fixes must not overlap"


# -- P105 hyphen spacing ----------------------------------------------------------------------------

def test_p105_celle_ci_both_sides(draft) -> None:
    r = run(draft, "L’Assemblée générale,\n*Rappelant* la coopération entre celle -ci et les organisations,\n"
                   "1. *Décide* que celle- ci agit.", "fr", ["P105"])
    got = [(f.label, seen(r, f), f.fix.safety) for f in r.findings]
    assert got == [("PP 1", "celle -ci", FixSafety.SAFE), ("OP 1", "celle- ci", FixSafety.SAFE)]
    assert r.findings[0].message == ("espace avant le trait d’union dans «\u00a0celle -ci\u00a0»\u00a0: "
                                     "écrire «\u00a0celle-ci\u00a0»")
    assert "entre celle-ci et" in fixed(r, r.findings[0])
    assert fixed(r, r.findings[1]) == "Décide que celle-ci agit."


def test_p105_unknown_compound_gets_unsafe_fix(draft) -> None:
    r = run(draft, EN_HEAD + "1. *Decides* to act on the issue -which matters.", "en", ["P105"])
    [f] = r.findings
    assert f.fix.safety is FixSafety.UNSAFE and f.severity is Severity.WARNING


def test_p105_dashes_ranges_and_suspended_hyphens_are_fine(draft) -> None:
    r = run(draft, EN_HEAD + "1. *Decides* to act - in pre- and post-conflict situations, anti- or counter-terrorism "
                   "- on 9-20 July 2001 and pages 3 -5.", "en", ["P105"])
    assert r.findings == []


# -- samples ----------------------------------------------------------------------------------------

def _sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} not built")
    return path


def test_french_sample_gives_exactly_the_real_defects() -> None:
    r = check_file(_sample("A-RES-75-10-fr.docx"), Config(select=["P", "T", "X"], language="fr"), MANAGER)
    got = [(f.code, f.label) for f in r.findings]
    assert got == [("P104", "PP 1"), ("P105", "PP 3"), ("P103", "PP 15"), ("P104", "PP 16"), ("P104", "PP 20"),
                   ("P103", "OP 1"), ("P103", "OP 2"), ("P101", "OP 2"), ("P103", "OP 5"), ("P103", "OP 13(c)")]


def test_corrected_french_sample_is_clean() -> None:
    r = check_file(_sample("A-RES-75-10-fr-corrected.docx"), Config(select=["P", "T", "X"], language="fr"), MANAGER)
    assert r.findings == []


def test_english_sample() -> None:
    r = check_file(_sample("interpol-cooperation-en.docx"), Config(select=["P", "T", "X"], language="en"), MANAGER)
    assert [(f.code, f.label) for f in r.findings] == [("P103", "PP 15"), ("P101", "OP 2")]
