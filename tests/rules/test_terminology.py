"""Terminology rules T101-T104 on real .docx drafts."""
from __future__ import annotations

from resolint.findings import FixSafety, Severity
from resolint.plugin_manager import get_manager
from support.rulecheck import run, seen

MANAGER = get_manager()






def summary(result) -> list[tuple]:
    return [(f.code, f.label, seen(result, f), f.severity.value,
             f.fix.edits[0].replacement if f.fix else None, f.fix.safety.value if f.fix else None)
            for f in result.findings]


def test_t101_english_terms(draft) -> None:
    r = run(draft, "The General Assembly,\n*Recalling* the Charter of the united nations and the United Nations Charter,\n"
                   "1. *Requests* the Secretary General, the General assembly and the Secretary General of INTERPOL "
                   "to report to member states, to member States and to the member states of the European Union;",
            "en", ["T101"])
    assert summary(r) == [
        ("T101", "PP 1", "Charter of the united nations", "error", "Charter of the United Nations", "safe"),
        ("T101", "PP 1", "United Nations Charter", "warning", "Charter of the United Nations", "unsafe"),
        ("T101", "OP 1", "Secretary General", "error", "Secretary-General", "safe"),
        ("T101", "OP 1", "General assembly", "error", "General Assembly", "safe"),
        ("T101", "OP 1", "member states", "error", "Member States", "unsafe"),
        ("T101", "OP 1", "member States", "warning", "Member States", "unsafe"),
        ("T101", "OP 1", "member states", "error", "member States", "safe"),
    ]
    assert r.findings[2].message == "write 'Secretary-General', not 'Secretary General'"


def test_t101_french_terms_and_membership(draft) -> None:
    r = run(draft, "L’Assemblée générale,\n*Rappelant* la Charte des Nations unies et le rôle du Secrétaire Général,\n"
                   "1. *Invite* les États membres, les Etats Membres, les États-Membres, les États membres de l’Union "
                   "européenne, ses États membres et les États Membres de l’Organisation qui sont également membres "
                   "d’INTERPOL à coopérer avec l’Organisation des Nations unies.", "fr", ["T101"])
    assert summary(r) == [
        ("T101", "PP 1", "Charte des Nations unies", "error", "Charte des Nations Unies", "safe"),
        ("T101", "PP 1", "Secrétaire Général", "error", "Secrétaire général", "safe"),
        ("T101", "OP 1", "États membres", "warning", "États Membres", "unsafe"),
        ("T101", "OP 1", "Etats Membres", "error", "États Membres", "safe"),
        ("T101", "OP 1", "États-Membres", "error", "États Membres", "safe"),
        ("T101", "OP 1", "Organisation des Nations unies", "error", "Organisation des Nations Unies", "safe"),
    ]
    assert r.findings[2].message == ("«\u00a0États membres\u00a0»\u00a0: les Membres de l’Organisation des Nations Unies "
                                     "sont les «\u00a0États Membres\u00a0»\u00a0; réserver «\u00a0États membres\u00a0» "
                                     "aux membres d’une autre organisation")


def test_t101_singular_and_common_nouns(draft) -> None:
    r = run(draft, "The General Assembly,\n*Noting* that a general assembly of shareholders and national security "
                   "councils met,\n1. *Invites* each member state and each Member State to act.", "en", ["T101"])
    assert [(seen(r, f), f.fix.edits[0].replacement) for f in r.findings] == [("member state", "Member State")]


def test_t102_abbreviations(draft) -> None:
    r = run(draft, "The General Assembly,\n*Recalling* the U.N. system and UN-Women,\n1. *Requests* the UN to act, "
                   "see https://www.un.org/UN.", "en", ["T102"])
    assert summary(r) == [("T102", "PP 1", "U.N.", "error", "United Nations", "unsafe"),
                          ("T102", "OP 1", "UN", "error", "United Nations", "unsafe")]
    r = run(draft, "L’Assemblée générale,\n*Rappelant* le rôle de l’ONU et d’ONU-Femmes,\n1. *Prie* l’ONUDC d’agir.",
            "fr", ["T102"])
    assert [(f.label, seen(r, f), f.message) for f in r.findings] == [
        ("PP 1", "ONU", "«\u00a0ONU\u00a0»\u00a0: écrire «\u00a0Organisation des Nations Unies\u00a0» en toutes lettres")]


def test_t103_used_before_definition_and_never_defined(draft) -> None:
    r = run(draft, "The General Assembly,\n*Recalling* the cooperation of INTERPOL and UNODC with the Counter-Terrorism "
                   "Committee (CTC),\n1. *Invites* the International Criminal Police Organization (INTERPOL) and the "
                   "CTC and the Financial Action Task Force (FATF) to report.", "en", ["T103"])
    got = [(f.label, seen(r, f), f.message) for f in r.findings]
    assert got == [
        ("PP 1", "INTERPOL", "INTERPOL is used before it is spelled out (defined in OP 1)"),
        ("PP 1", "UNODC", "UNODC is used but never spelled out: write “United Nations Office on Drugs and Crime "
                          "(UNODC)” at its first mention"),
    ]
    assert all(f.severity is Severity.WARNING and f.fix is None for f in r.findings)


def test_t103_title_definition_counts_and_roman_numerals_are_not_acronyms(draft) -> None:
    r = run(draft, "# Coopération entre l’Organisation des Nations Unies et l’Organisation internationale de police "
                   "criminelle (INTERPOL)\nL’Assemblée générale,\n*Rappelant* INTERPOL et ses résolutions 217 A (III) et "
                   "3201 (S-VI), III et VI,\n1. *Invite* INTERPOL à agir.", "fr", ["T103"])
    assert r.findings == []


def test_t104_present_resolution(draft) -> None:
    r = run(draft, "The General Assembly,\n*Recalling* its resolution 73/11 and the measures set out in this resolution,\n"
                   "1. *Decides* that this resolution applies;\n2. *Requests* a report on This Resolution.",
            "en", ["T104"])
    assert summary(r) == [("T104", "OP 1", "this resolution", "warning", "the present resolution", "safe"),
                          ("T104", "OP 2", "This Resolution", "warning", "The present resolution", "safe")]
    r = run(draft, "L’Assemblée générale,\n*Rappelant* sa résolution 73/11,\n1. *Prie* le Secrétaire général de rendre "
                   "compte de l’application de cette résolution.", "fr", ["T104"])
    assert [(seen(r, f), f.fix.edits[0].replacement, f.fix.safety) for f in r.findings] == [
        ("cette résolution", "la présente résolution", FixSafety.SAFE)]
