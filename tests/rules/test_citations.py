"""Citation and date rules C101-C106 on real .docx drafts."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Config
from resolint.engine import check_file
from resolint.findings import FixSafety, Severity
from resolint.plugin_manager import get_manager
from resolint.rules.citations import ordinal_words
from support.rulecheck import run, seen, fixed

MANAGER = get_manager()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"








# -- ordinals -------------------------------------------------------------------------------------


def test_ordinals_match_conventions_examples() -> None:
    en, fr = ordinal_words("en"), ordinal_words("fr")
    assert (en[77], en[51], en[70], en[50], en[21], en[12]) == (
        "seventy-seventh", "fifty-first", "seventieth", "fiftieth", "twenty-first", "twelfth")
    assert fr[77] == "soixante-dix-septième"
    assert fr[61] == "soixante et unième"
    assert fr[35] == "trente-cinquième"
    assert fr[75] == "soixante-quinzième"
    assert (fr[21], fr[71], fr[80], fr[81], fr[91], fr[1]) == (
        "vingt et unième", "soixante et onzième", "quatre-vingtième", "quatre-vingt-unième",
        "quatre-vingt-onzième", "première")
    assert len(en) == len(fr) == 99 and len(set(fr.values())) == 99


# -- C101 resolution-date -------------------------------------------------------------------------


def test_ga_date_outside_session(draft) -> None:
    r = run(draft, "The General Assembly,\n*Recalling* its resolutions 71/19 of 21 November 2016 and 73/11 of "
            "26 November 2017,\n1. *Decides* to act.", "en", ["C101"])
    [f] = r.findings
    assert (f.code, f.label, f.severity) == ("C101", "PP 1", Severity.ERROR)
    assert seen(r, f) == "73/11 of 26 November 2017"
    assert f.message == ("resolution 73/11 belongs to the 73rd session (September 2018 to September 2019); "
                         "the date 2017-11-26 falls outside it")


def test_ga_session_boundaries(draft) -> None:
    text = ("The General Assembly,\n*Recalling* its resolutions 73/1 of 1 September 2018, 73/300 of "
            "30 September 2019 and 73/301 of 1 October 2019,\n1. *Decides* to act.")
    r = run(draft, text, "en", ["C101"])
    assert [seen(r, f) for f in r.findings] == ["73/301 of 1 October 2019"]


def test_sc_and_ecosoc_years(draft) -> None:
    text = ("L’Assemblée générale,\n*Rappelant* la résolution 2334 (2016) du Conseil de sécurité, en date du "
            "23 décembre 2017, et les résolutions 2019/19 et 2019/20 du Conseil économique et social, en date du "
            "23 juillet 2018,\n1. *Décide* d’agir.")
    r = run(draft, text, "fr", ["C101"])
    assert [f.message for f in r.findings] == [
        "la résolution 2334 (2016) du Conseil de sécurité est de 2016\u00a0; la date 2017-12-23 n’est pas de cette année",
        "la résolution 2019/19 porte un numéro de l’année 2019\u00a0; la date 2018-07-23 n’est pas de cette année",
        "la résolution 2019/20 porte un numéro de l’année 2019\u00a0; la date 2018-07-23 n’est pas de cette année",
    ]


def test_human_rights_council_numbers_not_checked_against_ga_sessions(draft) -> None:
    text = ("The General Assembly,\n*Recalling* Human Rights Council resolution 45/30 of 6 October 2020,\n"
            "1. *Decides* to act.")
    assert run(draft, text, "en", ["C101"]).findings == []
    text = ("L’Assemblée générale,\n*Rappelant* la résolution 45/30 du Conseil des droits de l’homme, en date du "
            "6 octobre 2020, et ses résolutions 60/1 et 73/11 du 26 novembre 2018,\n1. *Décide* d’agir.")
    assert run(draft, text, "fr", ["C101", "C102"]).findings == []


# -- C102 resolution-date-consistency -------------------------------------------------------------


def test_same_resolution_two_dates_across_footnote(draft) -> None:
    text = ("L’Assemblée générale,\n*Rappelant* sa résolution 51/1 du 15 octobre 1996,\n"
            "1. *Décide* d’agir^[Voir résolution 51/1 du 16 octobre 1996.].")
    r = run(draft, text, "fr", ["C102"])
    [f] = r.findings
    assert f.label == "FN 1"
    assert seen(r, f) == "51/1 du 16 octobre 1996"
    assert f.message == "la résolution 51/1 est datée ici du 1996-10-16, mais du 1996-10-15 dans PP 1"


def test_decision_and_resolution_with_same_number_are_different(draft) -> None:
    text = ("The General Assembly,\n*Recalling* its resolution 60/519 of 8 December 2005 and its decision "
            "60/519 of 23 December 2005,\n1. *Decides* to act.")
    assert run(draft, text, "en", ["C102"]).findings == []


# -- C103 first-mention-date ----------------------------------------------------------------------


def test_first_mention_undated_with_date_later(draft) -> None:
    text = ("The General Assembly,\n*Recalling* its resolution 73/11,\n"
            "1. *Recalls* its resolution 73/11 of 26 November 2018.")
    r = run(draft, text, "en", ["C103"])
    [f] = r.findings
    assert (f.label, seen(r, f), f.severity) == ("PP 1", "73/11", Severity.WARNING)
    assert f.message == "first mention of resolution 73/11 should give its date of adoption (it is given later, in OP 1)"


def test_footnote_only_citations_need_no_date(draft) -> None:
    text = ("L’Assemblée générale,\n*Rappelant* la Stratégie^[Résolution 60/288.] et le Programme"
            "^[Voir décision 60/519 et A/60/88.],\n1. *Décide* d’agir.")
    assert run(draft, text, "fr", ["C103"]).findings == []


def test_shared_date_counts_for_each_resolution(draft) -> None:
    text = ("L’Assemblée générale,\n*Rappelant* les résolutions 2019/19 et 2019/20 du Conseil économique et "
            "social, en date du 23 juillet 2019,\n1. *Rappelle* la résolution 2019/20.")
    assert run(draft, text, "fr", ["C103", "C101", "C102"]).findings == []


# -- C104 date-validity / C105 date-form ----------------------------------------------------------


def test_invalid_dates(draft) -> None:
    text = ("The General Assembly,\n*Recalling* the meetings of 31 February 2019 and 29 February 2019, "
            "and the conference of 30-32 July 2001,\n1. *Decides* to meet on 29 February 2024.")
    r = run(draft, text, "en", ["C104"])
    assert [(seen(r, f), f.message) for f in r.findings] == [
        ("31 February 2019", "'31 February 2019' is not a valid date"),
        ("29 February 2019", "'29 February 2019' is not a valid date"),
        ("32 July 2001", "'32 July 2001' is not a valid date"),
    ]


def test_invalid_first_day_of_range(draft) -> None:
    r = run(draft, "L’Assemblée générale,\n1. *Décide* d’agir^[New York, 32-20 juillet 2001.].", "fr", ["C104"])
    [f] = r.findings
    assert seen(r, f) == "32-20 juillet 2001"


EN_DATES = [
    ("October 15, 1996", "15 October 1996"),
    ("15th October 1996", "15 October 1996"),
    ("15 Oct. 1996", "15 October 1996"),
    ("15 october 1996", "15 October 1996"),
    ("15 October, 1996", "15 October 1996"),
    ("05 October 1996", "5 October 1996"),
]
FR_DATES = [
    ("1 août 2006", "1er août 2006"),
    ("1ère août 2006", "1er août 2006"),
    ("15 Octobre 1996", "15 octobre 1996"),
    ("15 oct. 1996", "15 octobre 1996"),
]


@pytest.mark.parametrize(("lang", "cases"), [("en", EN_DATES), ("fr", FR_DATES)])
def test_date_forms(draft, lang: str, cases: list[tuple[str, str]]) -> None:
    head, verb = ("The General Assembly,", "*Notes* the date") if lang == "en" else \
        ("L’Assemblée générale,", "*Note* la date du")
    lines = [f"{i}. {verb} {written};" for i, (written, _h) in enumerate(cases, start=1)]
    r = run(draft, "\n".join([head] + lines), lang, ["C105"])
    assert [seen(r, f) for f in r.findings] == [w for w, _h in cases]
    for f, (written, house) in zip(r.findings, cases):
        assert f.fix.safety is FixSafety.SAFE
        assert fixed(r, f).endswith(f" {house};")
        assert f.message.startswith(f"date {written!r} should be {house!r}: " if lang == "en" else
                                    f"la date «\u00a0{written}\u00a0» devrait s’écrire «\u00a0{house}\u00a0»\u00a0: ")


def test_house_dates_pass(draft) -> None:
    text = ("L’Assemblée générale,\n*Rappelant* ses résolutions du 1er août 2006, du 15 octobre 1996 et "
            "du 23 juillet 2019,\n1. *Décide* d’agir^[New York, 9-20 juillet 2001 (A/CONF.192/15).].")
    assert run(draft, text, "fr", ["C104", "C105"]).findings == []
    text = "The General Assembly,\n*Noting* that States may 2 years later report, 1 August 2006,\n1. *Decides* to act."
    assert run(draft, text, "en", ["C104", "C105"]).findings == []


# -- C106 session-ordinal -------------------------------------------------------------------------


ORDINAL_CASES = {
    "en": [("seventy seventh", "seventy-seventh"), ("Seventy seventh", "Seventy-seventh"), ("77th", "seventy-seventh")],
    "fr": [("soixante-et-unième", "soixante et unième"), ("soixante dix septième", "soixante-dix-septième"),
           ("quatre-vingt et unième", "quatre-vingt-unième"), ("77e", "soixante-dix-septième")],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_session_ordinal_fixes(draft, lang: str) -> None:
    head, verb = ("The General Assembly,", "*Decides* to meet at its") if lang == "en" else \
        ("L’Assemblée générale,", "*Décide* de se réunir à sa")
    cases = ORDINAL_CASES[lang]
    lines = [f"{i}. {verb} {w} session;" for i, (w, _r) in enumerate(cases, start=1)]
    r = run(draft, "\n".join([head] + lines), lang, ["C106"])
    assert [seen(r, f) for f in r.findings] == [w for w, _r in cases]
    for f, (_written, right) in zip(r.findings, cases):
        assert (f.severity, f.fix.safety) == (Severity.WARNING, FixSafety.SAFE)
        assert fixed(r, f).endswith(f" {right} session;")


def test_valid_session_ordinals_pass(draft) -> None:
    text = ("L’Assemblée générale,\n*Rappelant* ses soixante et unième, soixante-dix-septième et "
            "quatre-vingt-unième session et sa première et deuxième session,\n"
            "1. *Décide* de se réunir à sa soixante-dix-septième session et à sa vingt-sixième session "
            "extraordinaire.")
    assert run(draft, text, "fr", ["C106"]).findings == []
    text = ("The General Assembly,\n*Recalling* its twenty-sixth special session and its first regular session,\n"
            "1. *Decides* to meet at its seventy-seventh session, at its 35th plenary meeting.")
    assert run(draft, text, "en", ["C106"]).findings == []


# -- the bundled samples --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), [("A-RES-75-10-fr.docx", "fr"), ("interpol-cooperation-en.docx", "en")])
def test_samples_have_no_citation_or_date_findings(name: str, lang: str) -> None:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} not built")
    result = check_file(path, Config(select=["C"], language=lang), MANAGER)
    assert result.error is None
    assert result.findings == []
