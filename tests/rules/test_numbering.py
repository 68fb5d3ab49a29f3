"""Numbering rules N101-N105 on real .docx drafts."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Config
from resolint.engine import check_file
from resolint.findings import Severity
from resolint.plugin_manager import get_manager
from resolint.rules.numbering import from_letter, from_roman, letter, roman
from support import rulecheck

MANAGER = get_manager()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CODES = ["N101", "N102", "N103", "N104", "N105"]

def run(draft, text: str, language: str, select: list[str]):
    return rulecheck.run(draft, text, language, select).findings





def test_label_helpers() -> None:
    assert [letter(n) for n in (1, 2, 26, 27, 28)] == ["a", "b", "z", "aa", "bb"]
    assert [from_letter(s) for s in ("a", "z", "aa", "bb", "ab")] == [1, 26, 27, 28, None]
    assert [roman(n) for n in (1, 4, 9, 14)] == ["i", "iv", "ix", "xiv"]
    assert [from_roman(s) for s in ("i", "iv", "xiv", "iiii")] == [1, 4, 14, None]


# -- N101 operative-numbering (kept) ---------------------------------------------------------------

def test_operative_gap_and_single_numbered(draft) -> None:
    found = run(draft, "The General Assembly,\n1. *Decides* to act;\n3. *Requests* a report.", "en", ["N101"])
    assert [(f.label, f.message) for f in found] == [("OP 3", "operative paragraph numbered 3, expected 2 (gap)")]
    found = run(draft, "The General Assembly,\n1. *Decides* to act.", "en", ["N101"])
    assert [(f.label, f.message) for f in found] == [("OP 1", "a single operative paragraph takes no number: remove '1.'")]


# -- N102 preamble-numbered ------------------------------------------------------------------------

def test_numbered_preambular_paragraph(draft) -> None:
    found = run(draft, "L’Assemblée générale,\n1. *Rappelant* sa résolution 73/11,\n2. *Décide* d’agir ;\n"
                       "3. *Prie* le Secrétaire général de faire rapport.", "fr", ["N102"])
    assert [(f.label, f.severity, f.start, f.end, f.message) for f in found] == [
        ("PP 1", Severity.ERROR, 0, 0,
         "cet alinéa du préambule est numéroté (numéro tapé «\u00a01.\u00a0»)\u00a0: les alinéas du préambule ne sont "
         "pas numérotés")]


# -- N103 subparagraph-sequence --------------------------------------------------------------------

def test_subparagraph_gap_resyncs_and_restarts_under_each_parent(draft) -> None:
    text = ("The General Assembly,\n1. *Encourages* States to use:\n(a) The system;\n(c) The databases;\n"
            "(d) The notices:\n(i) First;\n(iii) Second;\n2. *Requests* the following:\n(a) A report;\n"
            "(a) A briefing.")
    found = run(draft, text, "en", ["N103"])
    assert [(f.label, f.message) for f in found] == [
        ("OP 1(c)", "sub-paragraph labelled '(c)', expected (b) under OP 1 (gap)"),
        ("OP 1(d)(iii)", "sub-paragraph labelled '(iii)', expected (ii) under OP 1(d) (gap)"),
        ("OP 2(a)", "sub-paragraph labelled '(a)', expected (b) under OP 2 (duplicate)"),
    ]


def test_french_subparagraphs_in_sequence(draft) -> None:
    found = run(draft, "L’Assemblée générale,\n1. *Encourage* les États à utiliser :\na) Le système ;\nb) Les bases :\n"
                       "i) La première ;\nii) La seconde ;\nc) Les notices ;\n2. *Prie* le Secrétaire général "
                       "de faire rapport.", "fr", CODES)
    assert found == []


# -- N104 subparagraph-label-form ------------------------------------------------------------------

def test_english_label_form_in_french(draft) -> None:
    found = run(draft, "L’Assemblée générale,\n1. *Encourage* les États à utiliser :\n(a) Le système ;\nb) Les bases :\n"
                       "(i) La première ;\n2. *Prie* le Secrétaire général de faire rapport.", "fr", ["N104"])
    assert [(f.label, f.message, f.fix) for f in found] == [
        ("OP 1(a)", "la lettre d’alinéa «\u00a0(a)\u00a0» devrait s’écrire «\u00a0a)\u00a0» en français", None),
        ("OP 1(b)(i)", "la lettre d’alinéa «\u00a0(i)\u00a0» devrait s’écrire «\u00a0i)\u00a0» en français", None),
    ]


def test_french_label_form_in_english(draft) -> None:
    found = run(draft, "The General Assembly,\n1. *Encourages* States to use:\na) The system;\n(b) The databases;\n"
                       "2. *Requests* a report.", "en", ["N104"])
    assert [(f.label, f.message) for f in found] == [
        ("OP 1(a)", "sub-paragraph label 'a)' should be written '(a)' in English")]


# -- N105 mixed-numbering --------------------------------------------------------------------------

def test_mixed_automatic_and_typed_numbers(draft) -> None:
    found = run(draft, "The General Assembly,\n@1. *Decides* to act;\n2. *Requests* a report;\n"
                       "@3. *Decides* to remain seized.", "en", ["N105"])
    assert [(f.label, f.severity, f.message) for f in found] == [
        ("OP 2", Severity.WARNING, "numbering mixes Word automatic numbers (2 paragraphs) and typed numbers (1); "
                                   "this typed number '2.' is the first of the less frequent kind")]


def test_automatic_numbering_throughout(draft) -> None:
    found = run(draft, "The General Assembly,\n@1. *Decides* to act:\n@(a) The system;\n@(b) The databases;\n"
                       "@2. *Requests* a report.", "en", CODES)
    assert found == []


# -- samples ---------------------------------------------------------------------------------------

@pytest.mark.skipif(not (SAMPLES / "A-RES-75-10-fr.docx").exists(), reason="sample not built")
@pytest.mark.parametrize(("name", "language"), [("A-RES-75-10-fr.docx", "fr"), ("interpol-cooperation-en.docx", "en")])
def test_samples_are_numbered_correctly(name, language) -> None:
    result = check_file(SAMPLES / name, Config(select=CODES, language=language), MANAGER)
    assert result.error is None
    assert result.findings == []
