"""Wording rules W101-W106 on real .docx drafts."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Config
from resolint.engine import check_file
from resolint.findings import FixSafety, Severity
from resolint.plugin_manager import get_manager
from resolint.rules.citations import ordinal_words
from resolint.rules.wording import ordinal_forms
from resolint.testing import DocBuilder, Field, FootnoteRef, NoteRef, Run
from support.rulecheck import fixed, run, seen

MANAGER = get_manager()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"

EN, FR = "The General Assembly,", "L’Assemblée générale,"


# -- W101 repeated-word ---------------------------------------------------------------------------


def test_repeated_words_reported_with_unsafe_fix(draft) -> None:
    text = (f"{EN}\n*Recognizing* the the role of the General General Assembly,\n"
            "1. *Requests* The the Secretary-General to to report.^[See the\u00a0the report.]")
    r = run(draft, text, "en", ["W101"])
    assert [(f.label, seen(r, f)) for f in r.findings] == [
        ("PP 1", "the the"), ("PP 1", "General General"), ("OP 1", "The the"), ("OP 1", "to to"),
        ("FN 1", "the\u00a0the")]
    first = r.findings[0]
    assert (first.severity, first.fix.safety) == (Severity.WARNING, FixSafety.UNSAFE)
    assert first.message == "word 'the' is written twice: delete one"
    assert fixed(r, r.findings[1]) == "Recognizing the the role of the General Assembly,"
    assert fixed(r, r.findings[2]) == "Requests The Secretary-General to to report.1"


def test_repeated_words_in_french(draft) -> None:
    r = run(draft, f"{FR}\n1. *Prie* le Secrétaire général de de faire rapport à à l’Assemblée.", "fr", ["W101"])
    assert [seen(r, f) for f in r.findings] == ["de de", "à à"]
    assert fixed(r, r.findings[0]) == "Prie le Secrétaire général de faire rapport à à l’Assemblée."


def test_legitimate_repetitions_pass(draft) -> None:
    text = (f"{EN}\n*Recognizing* that that approach, adopted in paragraphs 10 10 and 2020 2020, was followed "
            "in Bora Bora, Pago Pago, Sri Sri, Baden Baden and Baden-Baden,\n"
            "1. *Notes* that the States had had the opportunity, well well-being, annex A A/76/3, the column "
            "DATE DATE RECEIVED, and the^[Footnote.] the.")
    assert run(draft, text, "en", ["W101"]).findings == []
    text = (f"{FR}\n*Convaincue* que les États doivent s’aider l’un l’autre et l’un l’un,\n"
            "1. *Déclare* : « nous nous félicitons » et « vous vous engagez », à Bora Bora.")
    assert run(draft, text, "fr", ["W101"]).findings == []


def test_allowed_pairs_are_per_language(draft) -> None:
    # "nous nous" is French grammar; in an English draft it is a repeated word, and the reverse.
    r = run(draft, f"{EN}\n1. *Quotes* the words « nous nous » and that that.", "en", ["W101"])
    assert [seen(r, f) for f in r.findings] == ["nous nous"]
    r = run(draft, f"{FR}\n1. *Cite* « that that » et « nous nous ».", "fr", ["W101"])
    assert [seen(r, f) for f in r.findings] == ["that that"]


# -- W102 resolution-year-consistency -------------------------------------------------------------


def test_same_resolution_two_years(draft) -> None:
    text = ("The Security Council,\n*Recalling* its resolutions 2334 (2016) and 1373 (2001),\n"
            "1. *Demands* the implementation of resolution 2334 (2017);\n"
            "2. *Recalls* resolution 1373 (2001) and resolution 2334 (2016).^[S/RES/1373 (2002).]")
    r = run(draft, text, "en", ["W102"])
    assert [(f.label, seen(r, f)) for f in r.findings] == [("OP 1", "2334 (2017)"), ("FN 1", "S/RES/1373 (2002)")]
    first, second = r.findings
    assert (first.severity, first.fix) == (Severity.ERROR, None)
    assert first.message == "Security Council resolution 2334 is of 2017 here but of 2016 in PP 1"
    assert second.message == "Security Council resolution 1373 is of 2002 here but of 2001 in PP 1"


def test_same_resolution_two_years_french(draft) -> None:
    text = ("Le Conseil de sécurité,\n*Rappelant* ses résolutions 1267 (1999) et 1989 (2011),\n"
            "1. *Décide* d’appliquer les résolutions 1989 (2011) et 1267 (1998).")
    r = run(draft, text, "fr", ["W102"])
    [f] = r.findings
    assert (f.label, seen(r, f)) == ("OP 1", "1267 (1998)")
    assert f.message == "la résolution 1267 du Conseil de sécurité est ici de 1998, mais de 1999 dans PP 1"


def test_one_year_per_resolution_passes_and_dates_are_c102s(draft) -> None:
    text = ("The Security Council,\n*Recalling* its resolution 2334 (2016) of 23 December 2016 and paragraph "
            "2334 (2017) of the report,\n1. *Recalls* resolution 2334 (2016) and its decision 2334 (2017)."
            "^[S/RES/2334 (2016).]")
    assert run(draft, text, "en", ["W102"]).findings == []
    # Two dates for one General Assembly resolution: C102 reports it, W102 does not repeat it.
    text = (f"{EN}\n*Recalling* its resolution 75/10 of 7 December 2020,\n"
            "1. *Recalls* its resolution 75/10 of 8 December 2020.")
    r = run(draft, text, "en", ["W102", "C102"])
    assert [f.code for f in r.findings] == ["C102"]


# -- W103 symbol-after-resolution -----------------------------------------------------------------


def test_symbol_after_resolution(draft) -> None:
    text = (f"{EN}\n*Recalling* General Assembly resolution A/76/3 and Human Rights Council resolution "
            "A/HRC/46/3,\n1. *Decides* to act.^[See Economic and Social Council resolution E/2019/19 and "
            "Security Council resolution S/RES/2334 (2016).]")
    r = run(draft, text, "en", ["W103"])
    assert [(f.label, seen(r, f)) for f in r.findings] == [
        ("PP 1", "A/76/3"), ("PP 1", "A/HRC/46/3"), ("FN 1", "E/2019/19"), ("FN 1", "S/RES/2334 (2016)")]
    for f in r.findings:
        assert (f.severity, f.fix.safety) == (Severity.WARNING, FixSafety.UNSAFE)
    assert r.findings[0].message == "cite the resolution by its number: '76/3', not the symbol 'A/76/3'"
    assert fixed(r, r.findings[0]) == ("Recalling General Assembly resolution 76/3 and Human Rights Council "
                                        "resolution A/HRC/46/3,")
    assert fixed(r, r.findings[3]).endswith("Security Council resolution 2334 (2016).")


def test_symbol_after_resolution_french_footnote(draft) -> None:
    r = run(draft, f"{FR}\n1. *Rappelle* la Stratégie^[Résolution A/RES/60/288.].", "fr", ["W103"])
    [f] = r.findings
    assert (f.label, seen(r, f)) == ("FN 1", "A/RES/60/288")
    assert fixed(r, f) == "Résolution 60/288."


def test_resolution_symbol_in_the_body_is_left_to_d103(draft) -> None:
    text = f"{FR}\n*Rappelant* sa résolution A/RES/75/10 et la résolution A/76/3,\n1. *Décide* d’agir."
    r = run(draft, text, "fr", ["W103", "D103"])
    assert [(f.code, seen(r, f)) for f in r.findings] == [("D103", "A/RES/75/10"), ("W103", "A/76/3")]


def test_draft_resolutions_and_other_documents_pass(draft) -> None:
    text = (f"{EN}\n*Having considered* draft resolution A/C.3/75/L.10 and draft resolution A/76/3, the report "
            "A/76/3 and resolution S/2017/444,\n1. *Decides* to act.^[Resolution 76/3; see resolution A/76/L.3, "
            "resolution A/60/88/Corr.1 and decision A/RES/60/519.]")
    assert run(draft, text, "en", ["W103"]).findings == []
    text = (f"{FR}\n*Saisie* du projet de résolution A/76/L.3 et des projets de résolution A/76/3,\n"
            "1. *Décide* d’agir^[Résolution 60/288 ; A/RES/60/288.].")
    assert run(draft, text, "fr", ["W103"]).findings == []


# -- W104 space-before-year -----------------------------------------------------------------------


def test_number_glued_to_year(draft) -> None:
    text = ("The Security Council,\n*Recalling* its resolutions 1267 (1999), 1989(2011) and 2253 (2015), and "
            "its resolutions 209 (1965) of 4 September, 210(1965) of 6 September and 214 (1965) of "
            "27 September 1965,\n1. *Reaffirms* its resolution 1373(2001).^[S/RES/2529(2020).]")
    r = run(draft, text, "en", ["W104"])
    assert [(f.label, seen(r, f)) for f in r.findings] == [
        ("PP 1", "1989(2011)"), ("PP 1", "210(1965)"), ("OP 1", "1373(2001)"), ("FN 1", "S/RES/2529(2020)")]
    for f in r.findings:
        assert (f.severity, f.fix.safety) == (Severity.ERROR, FixSafety.SAFE)
    assert r.findings[2].message == "'1373(2001)' needs a space before the year: '1373 (2001)'"
    assert fixed(r, r.findings[2]) == "Reaffirms its resolution 1373 (2001).1"
    assert fixed(r, r.findings[3]) == "S/RES/2529 (2020)."


def test_number_glued_to_year_french(draft) -> None:
    r = run(draft, "Le Conseil de sécurité,\n*Rappelant* sa résolution 2529(2020),\n1. *Décide* d’agir.", "fr",
            ["W104"])
    [f] = r.findings
    assert fixed(r, f) == "Rappelant sa résolution 2529 (2020),"


def test_years_with_space_or_outside_citations_pass(draft) -> None:
    text = ("The Security Council,\n*Recalling* its resolution 1373 (2001), resolution 1540\u00a0(2004), its "
            "resolution 12(1945) and resolution 13(2101), General Assembly resolution 217(III), and paragraph "
            "4(2001) of resolution 1373 (2001) and paragraph 5(2002) of its report,\n"
            "1. *Decides* to act; 1540(2004) is the year.^[S/2004(2004) and A/RES/217(III).]")
    assert run(draft, text, "en", ["W104"]).findings == []


# -- W105 broken-reference ------------------------------------------------------------------------


def _broken_reference_draft(path: Path) -> Path:
    b = DocBuilder(language="fr")
    b.paragraph("L’Assemblée générale,")
    b.paragraph(Run("Rappelant", italic=True), " la Stratégie", FootnoteRef("Voir Erreur ! Signet non défini."), ",")
    b.paragraph("1.\t", Run("Rappelle", italic=True), " le paragraphe ",
                Field(" REF _Ref99999999 \\r \\h ", "Erreur\u00a0! Source du renvoi introuvable."),
                " ci-dessus et la note", NoteRef("_Ref12345678", result="Error! Bookmark not defined."), " ;")
    b.paragraph("2.\t", Run("Décide", italic=True), " d’agir selon le paragraphe Erreur! Source du renvoi "
                "introuvable et Error: Reference source not found.")
    b.save(path)
    return path


def test_broken_references(tmp_path: Path) -> None:
    path = _broken_reference_draft(tmp_path / "broken.docx")
    result = check_file(path, Config(select=["W105"], language="fr"), MANAGER)
    assert result.error is None
    doc = result.document
    got = [(f.label, doc.find(f.label).text[f.start:f.end]) for f in result.findings]
    assert got == [
        ("OP 1", "Erreur\u00a0! Source du renvoi introuvable."),
        ("OP 1", "Error! Bookmark not defined."),  # the result of a NOTEREF field
        ("OP 2", "Erreur! Source du renvoi introuvable"),
        ("OP 2", "Error: Reference source not found"),
        ("FN 1", "Erreur ! Signet non défini."),
    ]
    f = result.findings[0]
    assert (f.severity, f.fix) == (Severity.ERROR, None)
    assert f.message.startswith("renvoi brisé\u00a0: «\u00a0Erreur\u00a0! Source du renvoi introuvable.\u00a0» est ce "
                                "qu’affiche")


def test_broken_reference_in_english_draft(draft) -> None:
    r = run(draft, f"{EN}\n1. *Recalls* paragraph Error! Reference source not found. above and footnote "
            "Erreur ! Signet non défini.", "en", ["W105"])
    assert [seen(r, f) for f in r.findings] == ["Error! Reference source not found.", "Erreur ! Signet non défini."]


def test_words_of_error_texts_alone_pass(draft) -> None:
    text = (f"{EN}\n*Noting* that an error in the reference source was not found, and that the bookmark is not "
            "defined,\n1. *Recalls* paragraph 4 above: Error! See the reference source.")
    assert run(draft, text, "en", ["W105"]).findings == []
    text = (f"{FR}\n*Notant* que l’erreur ! la source du renvoi introuvable hier est retrouvée et que le signet "
            "est défini,\n1. *Rappelle* le paragraphe 4 ci-dessus.")
    assert run(draft, text, "fr", ["W105"]).findings == []


# -- W106 ordinal-spelling ------------------------------------------------------------------------


def test_ordinal_forms_1_to_199() -> None:
    en, fr = ordinal_forms("en"), ordinal_forms("fr")
    assert sorted(en) == sorted(fr) == list(range(1, 200))
    assert [fr[n][0] for n in range(1, 100)] == [ordinal_words("fr")[n] for n in range(1, 100)]
    assert fr[1] == ("première", "premier") and fr[2] == ("deuxième", "second", "seconde")
    assert (fr[100], fr[101], fr[121], fr[171], fr[177], fr[181], fr[191]) == (
        ("centième",), ("cent unième",), ("cent vingt et unième",), ("cent soixante et onzième",),
        ("cent soixante-dix-septième",), ("cent quatre-vingt-unième",), ("cent quatre-vingt-onzième",))
    assert en[101] == ("one hundred and first", "one hundred first", "hundred and first")
    assert en[177][0] == "one hundred and seventy-seventh" and en[100] == ("one hundredth", "hundredth")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_valid_ordinal_passes(draft, lang: str) -> None:
    head, verb = (EN, "*Decides* to meet at its") if lang == "en" else (FR, "*Décide* de se réunir à sa")
    forms = [form for n, written in sorted(ordinal_forms(lang).items()) for form in written]
    lines = [f"{i}. {verb} {form} session;" for i, form in enumerate(forms, start=1)]
    assert len(lines) > 199
    assert run(draft, "\n".join([head] + lines), lang, ["W106", "C106"]).findings == []


W106_CASES = {
    "fr": [("deuxiéme", "deuxième"), ("troisiême", "troisième"), ("premiere", "première"),
           ("soixante-deuxiéme", "soixante-deuxième"), ("cent-unième", "cent unième"),
           ("cent et unième", "cent unième"), ("cent première", "cent unième"),
           ("cent-vingt et unième", "cent vingt et unième"), ("vingt et uniéme", "vingt et unième")],
    "en": [("one-hundred-and-first", "one hundred and first"), ("one-hundred-twenty-third",
                                                                 "one hundred twenty-third")],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_invalid_ordinals_get_the_valid_form(draft, lang: str) -> None:
    head, verb = (EN, "*Decides* to meet at its") if lang == "en" else (FR, "*Décide* de se réunir à sa")
    cases = W106_CASES[lang]
    lines = [f"{i}. {verb} {w} session;" for i, (w, _r) in enumerate(cases, start=1)]
    r = run(draft, "\n".join([head] + lines), lang, ["W106"])
    assert [seen(r, f) for f in r.findings] == [w for w, _r in cases]
    for f, (written, right) in zip(r.findings, cases):
        assert (f.severity, f.fix.safety) == (Severity.WARNING, FixSafety.UNSAFE)
        assert f.message == (f"{written!r} is not a valid ordinal: write {right!r}" if lang == "en" else
                             f"«\u00a0{written}\u00a0» n’est pas un ordinal valide\u00a0: écrire «\u00a0{right}\u00a0»")
        assert fixed(r, f).endswith(f" {right} session;")


def test_masthead_and_title(draft) -> None:
    text = (f"# Soixante-et-unième session\n# Travaux de la soixante-dix septième session et de la "
            f"Soixante-Deuxiéme session\n{FR}\n1. *Décide* de se réunir à sa soixante-et-unième session.")
    r = run(draft, text, "fr", ["W106", "C106"])
    # C106 does not read the masthead: there W106 reports every invalid ordinal; in the title
    # and the text it leaves C106's findings to C106.
    assert [(f.code, f.label, seen(r, f)) for f in r.findings] == [
        ("W106", "preface", "Soixante-et-unième"), ("C106", "title", "soixante-dix septième"),
        ("W106", "title", "Soixante-Deuxiéme"), ("C106", "OP 1", "soixante-et-unième")]
    assert fixed(r, r.findings[0]) == "Soixante et unième session"
    assert fixed(r, r.findings[2]) == "Travaux de la soixante-dix septième session et de la Soixante-deuxième session"


def test_c106_findings_not_repeated(draft) -> None:
    text = (f"{FR}\n1. *Décide* de se réunir à sa soixante-dix septième session, à sa quatre-vingt et unième "
            "session et à sa cent vingt-et-unième session.")
    r = run(draft, text, "fr", ["W106", "C106"])
    assert [(f.code, seen(r, f)) for f in r.findings] == [
        ("C106", "soixante-dix septième"), ("C106", "quatre-vingt et unième"), ("C106", "vingt-et-unième")]
    text = f"{EN}\n1. *Decides* to meet at its seventy seventh session and its one hundred and twenty first session."
    r = run(draft, text, "en", ["W106", "C106"])
    assert [(f.code, seen(r, f)) for f in r.findings] == [("C106", "seventy seventh"), ("C106", "twenty first")]


def test_no_single_ordinal_passes(draft) -> None:
    # Several ordinals, a cardinal, an ordinal glued to an elided article: no single ordinal meant.
    text = (f"{FR}\n*Rappelant* sa première et deuxiéme session, la dix session et l’unième session,\n"
            "1. *Décide* de se réunir à sa session extraordinaire.")
    assert run(draft, text, "fr", ["W106"]).findings == []
    # A spaced hyphen is P105's: the ordinal read is the word before "session" alone.
    text = (f"{EN}\n*Recalling* its first and second session, its one hundred session and its Twenty- seventh "
            "and forty- first session,\n1. *Decides* to hold a session.")
    assert run(draft, text, "en", ["W106"]).findings == []


# -- the bundled samples --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["A-RES-75-10-fr.docx", "A-RES-75-10-fr-corrected.docx",
                                  "A-RES-73-11-fr-previous.docx", "interpol-cooperation-en.docx",
                                  "interpol-cooperation-en-previous.docx"])
def test_samples_have_no_wording_findings(name: str) -> None:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} not built")
    result = check_file(path, Config(select=["W"]), MANAGER)
    assert result.error is None
    assert result.document is not None and len(result.document.paragraphs) > 10
    assert result.findings == []
