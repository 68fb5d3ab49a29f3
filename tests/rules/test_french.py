"""French typography rules P201-P203 on real .docx drafts."""
from __future__ import annotations

import pytest

from resolint.config import Config
from resolint.engine import check_file
from resolint.findings import FixSafety, Severity
from resolint.plugin_manager import get_manager
from support import rulecheck
from support.rulecheck import seen, fixed

MANAGER = get_manager()
NBSP, NNBSP = "\u00a0", "\u202f"
HEAD = "L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n"

def run(draft, text: str, select: list[str], options: dict | None = None):
    return rulecheck.run(draft, text, "fr", select, options)









# -- P201 ; : ! ? ------------------------------------------------------------------------------------

def test_p201_plain_space_is_a_warning_and_missing_space_an_error(draft) -> None:
    r = run(draft, HEAD + "1. *Décide* d’agir pour ce qui est: a) de prévenir ;\n2. *Prie* le Secrétaire général "
                   "de faire rapport\u00a0!", ["P201"])
    got = [(f.label, seen(r, f), f.severity, f.fix.safety) for f in r.findings]
    assert got == [("OP 1", ":", Severity.ERROR, FixSafety.SAFE), ("OP 1", " ", Severity.WARNING, FixSafety.SAFE)]
    assert r.findings[0].message == "pas d’espace avant «\u00a0:\u00a0»\u00a0: le français y met une espace insécable"
    assert r.findings[1].message == ("espace avant «\u00a0;\u00a0»\u00a0: mettre une espace insécable pour que le signe "
                                     "ne soit jamais séparé de son mot en fin de ligne")
    assert fixed(r, r.findings[0]) == f"Décide d’agir pour ce qui est{NBSP}: a) de prévenir ;"
    assert fixed(r, r.findings[1]).endswith(f"prévenir{NBSP};")


def test_p201_default_style_accepts_both_no_break_spaces(draft) -> None:
    r = run(draft, HEAD + f"1. *Décide* d’agir{NBSP}: a) de prévenir{NNBSP};\n2. *Prie* le Secrétaire général de "
                   f"faire rapport{NBSP}?", ["P201"])
    assert r.findings == []


def test_p201_nnbsp_style_wants_narrow_before_semicolon_and_nbsp_before_colon(draft) -> None:
    text = HEAD + f"1. *Décide* d’agir{NNBSP}: a) de prévenir{NBSP};\n2. *Prie* le Secrétaire général{NBSP}: rapport{NNBSP}!"
    r = run(draft, text, ["P201"], {"french-punctuation-spacing": {"style": "nnbsp"}})
    got = [(f.label, seen(r, f), f.severity) for f in r.findings]
    assert got == [("OP 1", NNBSP, Severity.WARNING), ("OP 1", NBSP, Severity.WARNING)]
    assert r.findings[0].message == ("espace fine insécable avant «\u00a0:\u00a0»\u00a0: la règle de la maison demande "
                                     "une espace insécable")
    assert [e.replacement for f in r.findings for e in f.fix.edits] == [NBSP, NNBSP]


def test_p201_nbsp_style_rejects_narrow_spaces_and_inserts_nbsp(draft) -> None:
    r = run(draft, HEAD + f"1. *Décide* d’agir{NNBSP};\n2. *Prie* le Secrétaire général de faire rapport!",
            ["P201"], {"french-punctuation-spacing": {"style": "nbsp"}})
    assert [(f.label, f.severity, f.fix.edits[0].replacement) for f in r.findings] == [
        ("OP 1", Severity.WARNING, NBSP), ("OP 2", Severity.ERROR, NBSP)]


def test_p201_bad_style_option_is_reported(draft) -> None:
    path = draft(HEAD + "1. *Décide* d’agir ;", "fr")
    r = check_file(path, Config(select=["P201"], language="fr",
                                rule_options={"french-punctuation-spacing": {"style": "thin"}}), MANAGER)
    assert [f.code for f in r.findings] == ["R001"]
    assert "style must be one of any-nbsp, nnbsp, nbsp" in r.findings[0].message


def test_p201_exceptions_times_urls_ratios_and_double_spaces(draft) -> None:
    text = HEAD + ("1. *Décide* de se réunir à 23:20 selon un ratio 3:1 (voir https://undocs.org/fr/A/RES/73/11?a=1) "
                   "et l’alinéa (?) de la criminalité organisée \u00a0;\n2. *Prie* le Secrétaire général?! de faire "
                   "rapport.")
    r = run(draft, text, ["P201"])
    assert [(f.label, seen(r, f)) for f in r.findings] == [("OP 2", "?")]


def test_p201_after_a_footnote_indicator(draft) -> None:
    r = run(draft, HEAD + "1. *Décide* d’agir selon la Stratégie^[Résolution 60/288.];\n2. *Prie* le Secrétaire général.",
            ["P201"])
    [f] = r.findings
    assert f.label == "OP 1" and f.severity is Severity.ERROR
    assert fixed(r, f).endswith(f"Stratégie1{NBSP};")


# -- P202 « » ----------------------------------------------------------------------------------------

def test_p202_guillemets(draft) -> None:
    text = HEAD + "1. *Décide* d’agir\u00a0;\n2. *Décide* d’inscrire la question intitulée «Coopération entre " \
                  "l’Organisation des Nations Unies et INTERPOL »."
    r = run(draft, text, ["P202"])
    got = [(f.label, seen(r, f), f.severity) for f in r.findings]
    assert got == [("OP 2", "«", Severity.ERROR), ("OP 2", " ", Severity.WARNING)]
    assert r.findings[0].message == "pas d’espace après «\u00a0«\u00a0»\u00a0: le français y met une espace insécable"
    after = fixed(r, r.findings[0])
    assert f"«{NBSP}Coopération" in after


def test_p202_accepts_no_break_spaces_and_leaves_double_spaces_to_p103(draft) -> None:
    r = run(draft, HEAD + f"1. *Décide* «{NBSP}Coopération{NNBSP}» et « \u00a0Autre\u00a0»\u00a0;", ["P202"])
    assert r.findings == []


# -- P203 apostrophe ---------------------------------------------------------------------------------

def test_p203_straight_apostrophes(draft) -> None:
    r = run(draft, HEAD + "1. *Décide* d'agir dans l'intérêt de l’Organisation, qu'il s'agisse du terme 'sécurité'"
                   " ou d’autres\u00a0;", ["P203"])
    got = [seen(r, f) for f in r.findings]
    assert got == ["'", "'", "'", "'"]
    assert [f.message for f in r.findings][:2] == [
        "apostrophe droite (') dans «\u00a0d'\u00a0»\u00a0: ce texte emploie «\u00a0’\u00a0»",
        "apostrophe droite (') dans «\u00a0l'\u00a0»\u00a0: ce texte emploie «\u00a0’\u00a0»"]
    assert all(f.severity is Severity.WARNING and f.fix.safety is FixSafety.SAFE for f in r.findings)
    assert fixed(r, r.findings[0]).startswith("Décide d’agir")


@pytest.mark.parametrize(("policy", "expected"), [("any", []), ("straight", ["formula", "OP 1", "OP 1"])])
def test_p203_policy_option(draft, policy: str, expected: list[str]) -> None:
    r = run(draft, HEAD + "1. *Décide* d’agir dans l’intérêt de l'Organisation\u00a0;", ["P203"],
            {"french-apostrophe": {"apostrophe": policy}})
    assert [f.label for f in r.findings] == expected
    assert all(seen(r, f) == "’" and f.fix.edits[0].replacement == "'" for f in r.findings)


def test_french_rules_skip_english(draft) -> None:
    path = draft("The General Assembly,\n*Recalling* the UN «x»,\n1. *Decides* d'act: now!", "en")
    r = check_file(path, Config(select=["P2"], language="en"), MANAGER)
    assert r.findings == []
