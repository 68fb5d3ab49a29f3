"""Document-symbol rules D101-D105 on real .docx drafts."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Config
from resolint.engine import check_file
from resolint.findings import FixSafety, Severity
from resolint.plugin_manager import get_manager
from resolint.rules.symbols import symbol_of_url, symbols_in
from support.rulecheck import run, seen, fixed

MANAGER = get_manager()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"








def test_only_prefixed_strings_are_symbols() -> None:
    text = "I-24/7, 24/7, 9/11, 9-20 juillet 2001, 2030, et/ou, A/60/88, E/CN.4/Sub.2/1987/WP.4/Add.1, S/RES/2334 (2016)"
    assert [s.written for s in symbols_in(text)] == ["A/60/88", "E/CN.4/Sub.2/1987/WP.4/Add.1", "S/RES/2334 (2016)"]
    assert symbols_in("see https://undocs.org/en/A/RES/73/11 there") == []


def test_symbol_of_url() -> None:
    assert symbol_of_url("https://undocs.org/fr/A/RES/24/7") == "A/RES/24/7"
    assert symbol_of_url("https://undocs.org/S/RES/2334%20(2016)") == "S/RES/2334 (2016)"
    assert symbol_of_url("https://documents.un.org/symbol-explorer?s=A/60/88/Corr.1") == "A/60/88/Corr.1"
    assert symbol_of_url("https://www.interpol.int/A/RES/24/7") is None


# -- D101 symbol-form -----------------------------------------------------------------------------


SYMBOL_CASES = [
    ("A/Res/75/10", "A/RES/75/10", "capitals as in 'RES'"),
    ("a/res/75/10", "A/RES/75/10", "capitals as in 'A'; capitals as in 'RES'"),
    ("A/60/ 88", "A/60/88", "no spaces around '/'"),
    ("A/60/88/Corr 1", "A/60/88/Corr.1", "a full stop in 'Corr.1'"),
    ("A/C.3/75/L.10/Rev1", "A/C.3/75/L.10/Rev.1", "a full stop in 'Rev.1'"),
    ("A/60/88/Add 2", "A/60/88/Add.2", "a full stop in 'Add.2'"),
    ("A/60/88/", "A/60/88", "no trailing '/'"),
]


def test_symbol_form(draft) -> None:
    notes = "".join(f"^[See {written} and annex.]" for written, _c, _w in SYMBOL_CASES)
    r = run(draft, f"The General Assembly,\n1. *Takes note* of the reports.{notes}", "en", ["D101"])
    assert len(r.findings) == len(SYMBOL_CASES)
    for i, (f, (written, canonical, why)) in enumerate(zip(r.findings, SYMBOL_CASES), start=1):
        assert (f.label, seen(r, f), f.severity) == (f"FN {i}", written, Severity.ERROR)
        assert f.message == f"document symbol {written!r} should be {canonical!r}: {why}"
        assert f.fix.safety is FixSafety.SAFE
        assert fixed(r, f) == f"See {canonical} and annex."


def test_symbol_form_silent_on_sample_symbols(draft) -> None:
    text = ("L’Assemblée générale,\n*Notant* le système I-24/7, ouvert 24/7, et le Programme 2030^[Résolution 70/1.],\n"
            "1. *Prend note* du rapport^[Voir décision 60/519 et A/60/88, A/60/88/Corr.1 et A/60/88/Corr.2, annexe.] "
            "et de la Conférence^[New York, 9-20 juillet 2001 (A/CONF.192/15), chap. IV, par. 24.].")
    assert run(draft, text, "fr", ["D"]).findings == []


# -- D102 sc-resolution-year ----------------------------------------------------------------------


def test_sc_symbol_without_year(draft) -> None:
    r = run(draft, "The General Assembly,\n1. *Decides* to act.^[S/RES/2334 and S/RES/1373 (2001).]", "en", ["D102"])
    [f] = r.findings
    assert (seen(r, f), f.severity, f.fix) == ("S/RES/2334", Severity.ERROR, None)
    assert f.message == "Security Council resolution symbol 'S/RES/2334' lacks its year: 'S/RES/2334 (year)'"


def test_sc_citation_without_year_gets_year_from_date(draft) -> None:
    r = run(draft, "The General Assembly,\n*Recalling* Security Council resolution 1373 of 28 September 2001,\n"
            "1. *Decides* to act.", "en", ["D102"])
    [f] = r.findings
    assert (seen(r, f), f.severity, f.fix.safety) == ("1373", Severity.WARNING, FixSafety.UNSAFE)
    assert fixed(r, f) == "Recalling Security Council resolution 1373 (2001) of 28 September 2001,"


def test_bare_number_not_sc_in_ga_text(draft) -> None:
    text = "The General Assembly,\n*Recalling* resolution 1 adopted by the Conference,\n1. *Decides* to act."
    assert run(draft, text, "en", ["D102"]).findings == []


# -- D103 symbol-in-running-text / D104 decision-symbol -------------------------------------------


def test_symbol_in_running_text(draft) -> None:
    text = ("L’Assemblée générale,\n*Rappelant* sa résolution A/RES/61/171 du 19 décembre 2006 et le document "
            "S/RES/2334 (2016),\n1. *Décide* d’agir^[A/RES/61/171.].")
    r = run(draft, text, "fr", ["D103"])
    first, second = r.findings
    assert (first.label, seen(r, first), first.fix.safety) == ("PP 1", "A/RES/61/171", FixSafety.UNSAFE)
    assert fixed(r, first).startswith("Rappelant sa résolution 61/171 du 19 décembre 2006")
    assert (seen(r, second), second.fix) == ("S/RES/2334 (2016)", None)
    assert "(«\u00a0résolution 2334 (2016)\u00a0»)" in second.message


def test_decision_with_symbol(draft) -> None:
    r = run(draft, "The General Assembly,\n*Recalling* its decision A/RES/60/519,\n1. *Decides* to act.",
            "en", ["D104", "D103"])
    [f] = r.findings
    assert (f.code, seen(r, f), f.severity) == ("D104", "A/RES/60/519", Severity.ERROR)
    assert f.message == "decisions have no document symbol: cite 'decision 60/519', not 'A/RES/60/519'"
    assert fixed(r, f) == "Recalling its decision 60/519,"


# -- D105 link-target -----------------------------------------------------------------------------


def test_false_link_on_system_name(draft) -> None:
    text = ("L’Assemblée générale,\n1. *Encourage* l’utilisation :\n"
            "@a) Du système mondial de communication policière sécurisée [I-24/7](https://undocs.org/fr/A/RES/24/7) "
            "d’INTERPOL ;\n@b) Du système I-[24/7](https://undocs.org/fr/A/RES/24/7).")
    r = run(draft, text, "fr", ["D105"])
    assert [(f.label, seen(r, f), f.severity) for f in r.findings] == [
        ("OP 1(a)", "I-24/7", Severity.ERROR), ("OP 1(b)", "24/7", Severity.ERROR)]
    assert r.findings[0].message == ("le lien vers A/RES/24/7 porte sur «\u00a0I-24/7\u00a0», qui n’est pas la "
                                     "résolution 24/7")


def test_link_mismatches(draft) -> None:
    text = ("The General Assembly,\n*Recalling* its resolution [73/11](https://undocs.org/en/A/RES/73/12) and its "
            "decision [60/519](https://undocs.org/en/A/RES/60/519), available [24/7](https://undocs.org/A/RES/24/7),\n"
            "1. *Decides* to act.^[[A/60/89](https://undocs.org/en/A/60/88).]")
    r = run(draft, text, "en", ["D105"])
    assert [(f.label, seen(r, f), f.severity.value, f.message) for f in r.findings] == [
        ("PP 1", "73/11", "error", "link to A/RES/73/12 is on '73/11', which is not resolution 73/12"),
        ("PP 1", "60/519", "error", "decision linked to A/RES/60/519: decisions have no document symbol"),
        ("PP 1", "24/7", "warning", "link to A/RES/24/7 is on '24/7', which is not cited as a resolution"),
        ("FN 1", "A/60/89", "error", "link to A/60/88 is on 'A/60/89', another document"),
    ]


def test_links_on_citations_pass(draft) -> None:
    text = ("L’Assemblée générale,\n*Rappelant* ses résolutions [71/19](https://undocs.org/fr/A/RES/71/19) du "
            "21 novembre 2016 et [73/11](https://undocs.org/fr/A/RES/73/11) du 26 novembre 2018, la résolution "
            "[2334 (2016)](https://undocs.org/fr/S/RES/2334%20(2016)) du Conseil de sécurité et les résolutions "
            "[2019/19](https://undocs.org/fr/E/RES/2019/19) et 2019/20 du Conseil économique et social,\n"
            "1. *Décide* d’agir^[Voir [A/60/88/Corr.1](https://undocs.org/fr/A/60/88/Corr.1) et le "
            "[rapport](https://undocs.org/fr/A/60/88).].")
    assert run(draft, text, "fr", ["D105"]).findings == []


# -- the bundled samples --------------------------------------------------------------------------


def test_french_sample_reports_only_the_false_link() -> None:
    path = SAMPLES / "A-RES-75-10-fr.docx"
    if not path.exists():
        pytest.skip("sample not built")
    result = check_file(path, Config(select=["D"], language="fr"), MANAGER)
    assert result.error is None
    assert [(f.code, f.label, result.document.find(f.label).text[f.start:f.end]) for f in result.findings] == [
        ("D105", "OP 13(a)", "I-24/7")]


@pytest.mark.parametrize("name", ["A-RES-75-10-fr-corrected.docx", "interpol-cooperation-en.docx"])
def test_clean_samples_have_no_symbol_findings(name: str) -> None:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip("sample not built")
    result = check_file(path, Config(select=["D"]), MANAGER)
    assert result.error is None
    assert result.findings == []
