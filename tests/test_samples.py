"""The bundled samples: the French resolution reports each of its known defects at the right
label, its corrected version reports no error or warning (conventions.md, section 6)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from resolint.config import Config
from resolint.engine import check_file
from resolint.findings import Severity
from resolint.plugin_manager import get_manager

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
MANAGER = get_manager()

#: Defect (conventions.md section 6) -> (code, label) findings expected in the French sample.
FRENCH_DEFECTS = {
    "D1 ';.' at the end of OP 2": [("P101", "OP 2")],
    "D2 space before the apostrophe": [("P104", "PP 1"), ("P104", "PP 16"), ("P104", "PP 20")],
    "D3 'celle -ci'": [("P105", "PP 3")],
    "D4 'cont re'": [("G102", "PP 11")],
    "D6 'I-24/7' linked as resolution 24/7": [("D105", "OP 13(a)")],
    "D7 'biologiques radiologiques'": [("G101", "OP 1")],
    "D8 double spaces": [("P103", "PP 15"), ("P103", "OP 1"), ("P103", "OP 2"), ("P103", "OP 5"),
                         ("P103", "OP 13(c)")],
}


def findings(name: str, **config: object) -> list:
    result = check_file(SAMPLES / name, Config(**config), MANAGER)  # type: ignore[arg-type]
    assert result.error is None, result.error
    return result.findings


def test_french_sample_reports_each_defect_at_its_label() -> None:
    got = Counter((f.code, f.label) for f in findings("A-RES-75-10-fr.docx"))
    expected = Counter(pair for pairs in FRENCH_DEFECTS.values() for pair in pairs)
    missing = expected - got
    assert not missing, f"defects not reported: {sorted(missing)}"
    extra = got - expected
    assert not extra, f"findings that are not known defects: {sorted(extra)}"


def test_french_sample_footnote_reuse_is_reported_under_the_english_policy() -> None:
    # D9: footnote 6 reused through a NOTEREF in OP 9 -- allowed by the French default policy.
    policy = Config(rule_options={"footnote-repeated": {"policy": "new-footnote"}})
    result = check_file(SAMPLES / "A-RES-75-10-fr.docx", policy, MANAGER)
    assert [(f.code, f.label) for f in result.findings if f.code == "F102"] == [("F102", "OP 9")]


def test_corrected_french_sample_has_no_error_or_warning() -> None:
    serious = [f for f in findings("A-RES-75-10-fr-corrected.docx") if f.severity is not Severity.INFO]
    assert serious == []


def test_english_sample_reports_its_documented_defects() -> None:
    got = sorted((f.code, f.label) for f in findings("interpol-cooperation-en.docx"))
    assert got == [("F103", "PP 10"), ("P101", "OP 2"), ("P103", "PP 15"), ("S105", "PP 3")]


def test_previous_versions_are_clean() -> None:
    for name in ("A-RES-73-11-fr-previous.docx", "interpol-cooperation-en-previous.docx"):
        assert findings(name) == [], name
