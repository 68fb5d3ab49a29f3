"""Structure rules S102-S109 on real .docx drafts."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Config
from resolint.engine import check_file
from resolint.findings import FixSafety, Severity
from resolint.plugin_manager import get_manager
from support import rulecheck

MANAGER = get_manager()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CODES = ["S102", "S103", "S104", "S105", "S106", "S107", "S108", "S109"]

def run(draft, text: str, language: str, select: list[str], options: dict | None = None):
    result = rulecheck.run(draft, text, language, select, options)
    return result.findings, result.document





def span(doc, finding) -> str:
    return doc.find(finding.label).text[finding.start:finding.end]


# -- S102 organ-formula ----------------------------------------------------------------------------

def test_formula_without_comma_gets_one(draft) -> None:
    found, doc = run(draft, "The General Assembly\n*Recalling* its resolution 73/11,\n1. *Decides* to act;\n"
                            "2. *Requests* a report.", "en", ["S102"])
    assert [(f.code, f.label, f.start, f.end) for f in found] == [("S102", "formula", 20, 20)]
    assert found[0].message == "the organ formula should end with a comma before the preamble"
    assert [(e.start, e.end, e.replacement) for e in found[0].fix.edits] == [(20, 20, ",")]
    assert found[0].fix.safety is FixSafety.SAFE


def test_formula_with_colon_in_french(draft) -> None:
    found, doc = run(draft, "L’Assemblée générale :\n*Rappelant* sa résolution 73/11,\n1. *Décide* d’agir ;\n"
                            "2. *Prie* le Secrétaire général de faire rapport.", "fr", ["S102"])
    assert len(found) == 1 and span(doc, found[0]) == ":"
    assert "et non par un deux-points" in found[0].message
    assert found[0].fix.edits[0].replacement == ","


def test_formula_without_preamble_may_lack_comma(draft) -> None:
    found, _ = run(draft, "The Security Council\n1. *Decides* to act;\n2. *Requests* a report.", "en", ["S102"])
    assert found == []


def test_missing_formula_is_a_document_finding(draft) -> None:
    found, _ = run(draft, "*Recalling* its resolution 73/11,\n1. *Decides* to act;\n2. *Requests* a report.",
                   "en", ["S102"])
    assert [(f.label, f.start, f.end) for f in found] == [("document", 0, 0)]
    assert found[0].message.startswith("no organ formula found")


# -- S103 preamble-opener / S104 operative-opener ------------------------------------------------

def test_operative_verb_in_preamble_is_an_error(draft) -> None:
    found, doc = run(draft, "The General Assembly,\n*Noting* the report,\n*Recalls* its resolution 73/11,\n"
                            "1. *Decides* to act;\n2. *Requests* a report.", "en", ["S103"])
    assert [(f.label, f.severity, span(doc, f)) for f in found] == [("PP 2", Severity.ERROR, "Recalls")]


def test_unknown_preamble_opener_is_a_warning(draft) -> None:
    text = ("The General Assembly,\n*Recalling* its resolution 73/11,\n*Pondering* the report,\n"
            "The report of the Secretary-General,\n1. *Decides* to act;\n2. *Requests* a report.")
    found, doc = run(draft, text, "en", ["S103"])
    assert [(f.label, f.severity, span(doc, f)) for f in found] == [
        ("PP 2", Severity.WARNING, "Pondering"), ("PP 3", Severity.WARNING, "The")]
    assert found[0].message == "preambular paragraph opens with 'Pondering', not a participle or adjective of the lexicon"
    found, doc = run(draft, text, "en", ["S103"], {"preamble-opener": {"accept-unlisted-forms": True}})
    assert [(f.label, span(doc, f)) for f in found] == [("PP 3", "The")]


def test_unknown_operative_verb_is_a_warning(draft) -> None:
    text = "The General Assembly,\n1. *Beseeches* the Secretariat;\n2. *The* report is noted."
    found, doc = run(draft, text, "en", ["S104"])
    assert [(f.label, f.severity, span(doc, f)) for f in found] == [
        ("OP 1", Severity.WARNING, "Beseeches"), ("OP 2", Severity.WARNING, "The")]
    found, doc = run(draft, text, "en", ["S104"], {"operative-opener": {"accept-unlisted-forms": True}})
    assert [(f.label, span(doc, f)) for f in found] == [("OP 2", "The")]


def test_participle_opening_an_operative_paragraph(draft) -> None:
    found, doc = run(draft, "The General Assembly,\n*Recalling* its resolution 73/11,\n1. *Deciding* to act;\n"
                            "2. *Recalling also* the report;\n3. *Also requests* a report.", "en", ["S104"])
    assert [(f.label, f.severity, span(doc, f)) for f in found] == [
        ("OP 1", Severity.ERROR, "Deciding"), ("OP 2", Severity.ERROR, "Recalling also")]


def test_french_openers_of_the_sample_are_accepted(draft) -> None:
    text = ("L’Assemblée générale,\n*Rappelant en outre* ses résolutions,\n*Se félicitant* du rôle,\n"
            "*Prenant note* des initiatives,\n*Profondément préoccupée* par la situation,\n"
            "1. *Demande au* système des Nations Unies de s’employer ;\n2. *Se félicite* des mesures ;\n"
            "3. *Encourage également* les États ;\n4. *Prie instamment* les États d’agir.")
    found, _ = run(draft, text, "fr", ["S103", "S104", "S105"])
    assert found == []


# -- S105 opener-italics ---------------------------------------------------------------------------

def test_roman_opener_is_an_error_and_partial_italics_a_warning(draft) -> None:
    found, doc = run(draft, "The General Assembly,\nRecalling its resolution 73/11,\n*Recalling* also its resolution 74/12,\n"
                            "1. *Decides* to act;\n2. *Also* requests a report.", "en", ["S105"])
    got = [(f.label, f.severity, span(doc, f), f.message) for f in found]
    assert got == [
        ("PP 1", Severity.ERROR, "Recalling", "opening words 'Recalling' should be in italics"),
        ("PP 2", Severity.WARNING, "Recalling also",
         "opening words 'Recalling also' are only partly in italics ('also' is not)"),
        ("OP 2", Severity.WARNING, "Also requests",
         "opening words 'Also requests' are only partly in italics ('requests' is not)"),
    ]
    assert all(f.fix is None for f in found)


def test_further_after_an_operative_verb_in_roman_is_not_part_of_the_opener(draft) -> None:
    found, _ = run(draft, "The General Assembly,\n1. *Decides* to act;\n2. *Requests* further information.",
                   "en", ["S105", "S108"])
    assert found == []


# -- S106 chapeau-colon ----------------------------------------------------------------------------

def test_chapeau_ending_with_semicolon(draft) -> None:
    found, doc = run(draft, "L’Assemblée générale,\n1. *Encourage* les États à utiliser ;\na) Le système ;\n"
                            "b) Les bases :\ni) La première ;\nii) La seconde ;\n2. *Prie* le Secrétaire général "
                            "de faire rapport.", "fr", ["S106"])
    assert [(f.label, span(doc, f)) for f in found] == [("OP 1", ";")]
    assert found[0].message == ("le paragraphe qui introduit des alinéas devrait se terminer par un deux-points, "
                                "et non par un point-virgule")
    edit = found[0].fix.edits[0]
    assert (edit.start, edit.end, edit.replacement) == (found[0].start, found[0].end, ":")
    assert found[0].fix.safety is FixSafety.SAFE


def test_run_in_list_is_not_a_chapeau(draft) -> None:
    found, _ = run(draft, "L’Assemblée générale,\n1. *Demande* que les organisations coopèrent pour ce qui est : "
                          "a) de prévenir le crime et b) de prévenir le terrorisme ;\n2. *Prie* le Secrétaire "
                          "général de faire rapport.", "fr", ["S106"])
    assert found == []


# -- S107 repeated-opener --------------------------------------------------------------------------

def test_english_bare_repeats_take_also_then_further(draft) -> None:
    text = ("The General Assembly,\n*Recalling* its resolution 73/11,\n*Recalling* its resolution 74/12,\n"
            "*Recalling* its resolution 75/1,\n1. *Requests* a report;\n2. *Requests* a briefing;\n"
            "3. *Calls upon* States to act;\n4. *Decides* to act.")
    found, _ = run(draft, text, "en", ["S107"])
    assert [(f.label, f.message) for f in found] == [
        ("PP 2", "opener 'Recalling' is used again without an adverb: write 'Recalling also'"),
        ("PP 3", "opener 'Recalling' is used again without an adverb: write 'Recalling further'"),
        ("OP 2", "opener 'Requests' is used again without an adverb: write 'Also requests'"),
    ]
    # Edited General Assembly texts repeat bare openers too (A/C.3/80/L.15): an info, never a warning.
    assert {f.severity for f in found} == {Severity.INFO}


def test_distant_bare_repeat_is_accepted_by_default(draft) -> None:
    text = ("The General Assembly,\n*Recalling* its resolution 73/11,\n*Noting* the report,\n*Welcoming* the work,\n"
            "*Bearing in mind* the Charter,\n*Recalling* its resolution 75/1,\n1. *Decides* to act;\n"
            "2. *Requests* a report.")
    assert run(draft, text, "en", ["S107"])[0] == []
    found, _ = run(draft, text, "en", ["S107"], {"repeated-opener": {"max-distance": 0}})
    assert [f.label for f in found] == ["PP 5"]


def test_adverb_without_a_first_use(draft) -> None:
    found, doc = run(draft, "The General Assembly,\n*Noting also* the report,\n1. *Decides* to act;\n"
                            "2. *Also requests* a report.", "en", ["S107"])
    assert [(f.label, span(doc, f), f.severity) for f in found] == [
        ("PP 1", "also", Severity.WARNING), ("OP 2", "Also", Severity.WARNING)]
    # A verb used inside an earlier paragraph counts as a first use.
    found, _ = run(draft, "The General Assembly,\n1. *Decides* to act, and requests a report;\n"
                          "2. *Also requests* a briefing.", "en", ["S107"])
    assert found == []


def test_french_bare_repeats_are_off_by_default_and_info_when_on(draft) -> None:
    text = ("L’Assemblée générale,\n*Se félicitant* du rôle,\n*Se félicitant* des initiatives,\n"
            "1. *Souligne* l’importance ;\n2. *Souligne* le rôle.")
    assert run(draft, text, "fr", ["S107"])[0] == []
    found, _ = run(draft, text, "fr", ["S107"], {"repeated-opener": {"french-bare-repeats": True}})
    assert [(f.label, f.severity, f.message) for f in found] == [
        ("PP 2", Severity.INFO, "le mot d’introduction «\u00a0Se félicitant\u00a0» est repris sans adverbe\u00a0: "
                                "écrire «\u00a0Se félicitant également\u00a0»"),
        ("OP 2", Severity.INFO, "le mot d’introduction «\u00a0Souligne\u00a0» est repris sans adverbe\u00a0: "
                                "écrire «\u00a0Souligne également\u00a0»"),
    ]


# -- S108 adverb-position --------------------------------------------------------------------------

def test_adverb_position_in_english(draft) -> None:
    found, doc = run(draft, "The General Assembly,\n*Recalling* its resolution 73/11,\n*Further recalling* its "
                            "resolution 74/12,\n1. *Reaffirms* its support;\n2. *Reaffirms also* the importance.",
                     "en", ["S108"])
    got = [(f.label, span(doc, f), f.message, f.fix.edits[0].replacement, f.fix.safety) for f in found]
    assert got == [
        ("PP 2", "Further recalling", "in the preamble the adverb follows the participle: write 'Recalling further'",
         "Recalling further", FixSafety.UNSAFE),
        ("OP 2", "Reaffirms also", "in the operative part the adverb precedes the verb: write 'Also reaffirms'",
         "Also reaffirms", FixSafety.UNSAFE),
    ]


# -- S109 organ-agreement --------------------------------------------------------------------------

def test_agreement_with_the_general_assembly(draft) -> None:
    found, doc = run(draft, "L’Assemblée générale,\n*Consciente* du rôle,\n*Préoccupé* par la cybercriminalité,\n"
                            "*Profondément convaincu* que la coopération est utile,\n1. *Décide* d’agir ;\n"
                            "2. *Se déclare préoccupé* par la situation.", "fr", ["S109"])
    got = [(f.label, span(doc, f), f.fix.edits[0].replacement) for f in found]
    assert got == [("PP 2", "Préoccupé", "Préoccupée"), ("PP 3", "convaincu", "convaincue"),
                   ("OP 2", "préoccupé", "préoccupée")]
    assert found[0].message == ("«\u00a0Préoccupé\u00a0» devrait s’accorder avec Assemblée générale (féminin)\u00a0: "
                                "«\u00a0Préoccupée\u00a0»")


def test_agreement_with_the_security_council(draft) -> None:
    found, doc = run(draft, "Le Conseil de sécurité,\n*Profondément préoccupé* par la situation,\n"
                            "*Consciente* de ses responsabilités,\n*Reconnaissant* le rôle des États,\n"
                            "1. *Décide* d’agir ;\n2. *Prie* le Secrétaire général de faire rapport.", "fr", ["S109"])
    assert [(f.label, span(doc, f)) for f in found] == [("PP 2", "Consciente")]
    assert found[0].fix.edits[0].replacement == "Conscient"


# -- the bundled samples ---------------------------------------------------------------------------

@pytest.mark.skipif(not (SAMPLES / "A-RES-75-10-fr.docx").exists(), reason="sample not built")
@pytest.mark.parametrize("name", ["A-RES-75-10-fr.docx", "A-RES-75-10-fr-corrected.docx"])
def test_french_sample_is_clean(name) -> None:
    result = check_file(SAMPLES / name, Config(select=CODES + ["S101"], language="fr"), MANAGER)
    assert result.error is None
    assert [(f.code, f.label, f.message) for f in result.findings] == []


@pytest.mark.skipif(not (SAMPLES / "interpol-cooperation-en.docx").exists(), reason="sample not built")
def test_english_sample_gives_only_e4() -> None:
    result = check_file(SAMPLES / "interpol-cooperation-en.docx", Config(select=CODES, language="en"), MANAGER)
    assert [(f.code, f.label, f.message) for f in result.findings] == [
        ("S105", "PP 3", "opening words 'Recalling further' should be in italics")]


def test_operative_verb_after_an_opening_clause(draft) -> None:
    """"To advance ..., decides that" opens with a purpose clause, then the verb (S/2018/221, OP 9)."""
    text = ("The Security Council,\n*Recalling* its resolution 2327 (2016),\n"
            "1. To advance the safety of the people, *decides* that the Mission shall act;\n"
            "2. To advance the safety of the people and the security of the region.")
    found, doc = run(draft, text, "en", ["S104"])
    assert [(f.label, span(doc, f)) for f in found] == [("OP 2", "To")]
