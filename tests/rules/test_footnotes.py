"""Footnote rules F101-F104 on real .docx drafts."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import Config
from resolint.engine import check_file
from resolint.findings import FixSafety, Severity
from resolint.plugin_manager import get_manager
from resolint.testing.builder import DocBuilder, FootnoteRef, NoteRef, Run
from support.rulecheck import run, seen, fixed

MANAGER = get_manager()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def check(path: Path, lang: str, select: list[str], options: dict | None = None):
    result = check_file(path, Config(select=select, language=lang, rule_options=options or {}), MANAGER)
    assert result.error is None, result.error
    assert not [f for f in result.findings if f.code == "R001"], result.findings
    return result








def built(tmp_path: Path, *paragraphs: tuple) -> Path:
    """A French draft made with the builder, for what the draft notation cannot write."""
    b = DocBuilder(language="fr")
    b.paragraph("L’Assemblée générale,")
    for content in paragraphs:
        b.paragraph(*content)
    path = tmp_path / "built.docx"
    b.save(path)
    return path


# -- F101 footnote-integrity ----------------------------------------------------------------------


def test_custom_mark_and_empty_footnote(tmp_path: Path) -> None:
    path = built(tmp_path,
                 (Run("Rappelant", italic=True), " la Stratégie", FootnoteRef("Résolution 60/288.", custom_mark="*"),
                  ","),
                 (Run("Notant", italic=True), " le Programme", FootnoteRef(""), ","),
                 ("1.\t", Run("Décide", italic=True), " d’agir."))
    r = check(path, "fr", ["F101"])
    assert [(f.label, f.message) for f in r.findings] == [
        ("PP 1", "l’appel de note «\u00a0*\u00a0» est un signe personnalisé\u00a0: les résolutions n’emploient que "
                 "des appels numérotés"),
        ("FN 1", "la note 1 est vide"),
    ]
    assert seen(r, r.findings[0]) == "*"


def test_stale_and_forward_noteref(tmp_path: Path) -> None:
    path = built(tmp_path,
                 (Run("Rappelant", italic=True), " la Stratégie", FootnoteRef("Résolution 60/288.", bookmark="_Ref1"),
                  " et le Programme", FootnoteRef("Résolution 70/1.", bookmark="_Ref2"), ","),
                 ("1.\t", Run("Décide", italic=True), " d’appliquer la Stratégie", NoteRef("_Ref1", result="2"), "."))
    r = check(path, "fr", ["F101"])
    [f] = r.findings
    assert (f.label, seen(r, f), f.severity) == ("OP 1", "2", Severity.ERROR)
    assert f.message == ("le renvoi affiche «\u00a02\u00a0», mais sa note porte le numéro «\u00a01\u00a0»\u00a0: "
                         "mettre le champ à jour")


def test_noteref_before_its_footnote(tmp_path: Path) -> None:
    b = DocBuilder(language="fr")
    b.paragraph("L’Assemblée générale,")
    b.paragraph(Run("Rappelant", italic=True), " la Stratégie", FootnoteRef("Résolution 60/288."), " et le Programme",
                NoteRef("_Ref9", result="2"), ",")
    b.paragraph(Run("Notant", italic=True), " le Programme", FootnoteRef("Résolution 70/1.", bookmark="_Ref9"), ",")
    b.paragraph("1.\t", Run("Décide", italic=True), " d’agir.")
    path = tmp_path / "fwd.docx"
    b.save(path)
    r = check(path, "fr", ["F101"])
    assert [f.message for f in r.findings] == [
        "l’appel 2 figure avant le premier appel de la note 2\u00a0: les numéros suivent l’ordre de lecture"]


def test_broken_noteref(tmp_path: Path) -> None:
    path = built(tmp_path,
                 (Run("Rappelant", italic=True), " la Stratégie", FootnoteRef("Résolution 60/288."), ","),
                 ("1.\t", Run("Décide", italic=True), " d’agir", NoteRef("_Ref404", result="1"), "."))
    r = check(path, "fr", ["F101"])
    assert [f.message for f in r.findings] == ["le renvoi «\u00a01\u00a0» ne pointe vers aucune note (son signet manque)"]


# -- F102 footnote-repeated -----------------------------------------------------------------------

REUSED = ("*Rappelant* l’Instrument international^[#it: A/60/88, annexe.],\n"
          "1. *Demande* l’application de l’Instrument^ref[it].")


def test_policy_defaults_by_language(draft) -> None:
    assert run(draft, "L’Assemblée générale,\n" + REUSED, "fr", ["F102"]).findings == []
    r = run(draft, "The General Assembly,\n" + REUSED, "en", ["F102"])
    [f] = r.findings
    assert (f.label, seen(r, f), f.severity) == ("OP 1", "1", Severity.WARNING)
    assert f.message == "indicator 1 is repeated: insert a new footnote with the same text (policy new-footnote)"


def test_policy_option_applies_to_all_languages(draft) -> None:
    r = run(draft, "L’Assemblée générale,\n" + REUSED, "fr", ["F102"], {"footnote-repeated": {"policy": "new-footnote"}})
    assert [f.label for f in r.findings] == ["OP 1"]
    twice = ("The General Assembly,\n*Recalling* the Instrument,^[A/60/88, annex.]\n"
             "1. *Calls for* its implementation.^[A/60/88,  annex.]\n2. *Decides* to act.^[Ibid.]^[Ibid.]")
    assert run(draft, twice, "en", ["F102"]).findings == []
    r = run(draft, twice, "en", ["F102"], {"footnote-repeated": {"policy": "reuse"}})
    [f] = r.findings
    assert (f.label, f.severity) == ("FN 2", Severity.INFO)
    assert f.message == "footnote 2 repeats footnote 1 word for word: reuse indicator 1 (policy reuse)"


def test_unknown_policy_is_reported(draft) -> None:
    r = run(draft, "L’Assemblée générale,\n" + REUSED, "fr", ["F102"], {"footnote-repeated": {"policy": "both"}})
    [f] = r.findings
    assert f.label == "document" and "règle «\u00a0both\u00a0» inconnue" in f.message


# -- F103 indicator-position ----------------------------------------------------------------------


def test_english_indicator_before_comma(draft) -> None:
    text = ("The General Assembly,\n*Guided by* the Universal Declaration^[Resolution 217 A (III).], the reports of "
            "the Secretary-General,^[A/74/89.],^[A/74/90.] and the Strategy^[Resolution 60/288.].\n1. *Decides* to act.")
    r = run(draft, text, "en", ["F103"])
    assert [(seen(r, f), f.message) for f in r.findings] == [
        ("1,", "indicator 1 goes after the punctuation: ',1', not '1,'"),
        ("4.", "indicator 4 goes after the punctuation: '.4', not '4.'"),
    ]


def test_french_indicator_after_comma(draft) -> None:
    text = ("L’Assemblée générale,\n*Rappelant* l’Accord entre l’Organisation et INTERPOL,^[Recueil des Traités.] "
            "le Secrétaire général^[A/74/89.],^[A/74/90.], la Stratégie^[Résolution 60/288.] et les textes, etc."
            "^[Voir A/60/88.]\n1. *Décide* d’agir^[Résolution 70/1.].")
    r = run(draft, text, "fr", ["F103"])
    [f] = r.findings
    assert (f.label, seen(r, f)) == ("PP 1", ",1")
    assert f.message == "l’appel 1 se place avant la ponctuation\u00a0: «\u00a01,\u00a0» et non «\u00a0,1\u00a0»"


def test_position_option(draft) -> None:
    text = "L’Assemblée générale,\n*Rappelant* l’Accord^[Recueil des Traités.], et la Charte,\n1. *Décide* d’agir."
    r = run(draft, text, "fr", ["F103"], {"indicator-position": {"position": "after"}})
    assert [seen(r, f) for f in r.findings] == ["1,"]


# -- F104 footnote-text ---------------------------------------------------------------------------


def test_footnote_text_capital_and_full_stop(draft) -> None:
    text = ("The General Assembly,\n*Recalling* the Strategy,^[resolution 60/288] the report,^[A/74/89;] the "
            "Declaration,^[See “Report”, chap. I.”] and the Covenant,^[Ibid., vol. 999, No. 14668.]\n1. *Decides* to act.")
    r = run(draft, text, "en", ["F104"])
    got = [(f.label, seen(r, f), f.message, f.fix.safety, fixed(r, f)) for f in r.findings]
    assert got == [
        ("FN 1", "r", "footnote should start with a capital: 'R'", FixSafety.UNSAFE, "Resolution 60/288"),
        ("FN 1", "", "footnote should end with a full stop", FixSafety.SAFE, "resolution 60/288."),
        ("FN 2", ";", "footnote should end with a full stop, not ';'", FixSafety.SAFE, "A/74/89."),
    ]


# -- the bundled samples --------------------------------------------------------------------------


def test_french_sample_footnotes_are_clean_under_french_policy() -> None:
    path = SAMPLES / "A-RES-75-10-fr.docx"
    if not path.exists():
        pytest.skip("sample not built")
    assert check(path, "fr", ["F"]).findings == []
    r = check(path, "fr", ["F102"], {"footnote-repeated": {"policy": "new-footnote"}})
    assert [(f.label, f.message) for f in r.findings] == [
        ("OP 9", "l’appel 6 est répété\u00a0: insérer une nouvelle note au même texte (règle new-footnote)")]


def test_english_sample_indicator_before_comma() -> None:
    path = SAMPLES / "interpol-cooperation-en.docx"
    if not path.exists():
        pytest.skip("sample not built")
    r = check(path, "en", ["F"])
    assert [(f.code, f.label, f.message) for f in r.findings] == [
        ("F103", "PP 10", "indicator 3 goes after the punctuation: ',3', not '3,'")]
