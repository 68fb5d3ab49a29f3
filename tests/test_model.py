"""The document model: labels and texts as the reader sees them, from real .docx files."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint.loader import load_document
from resolint.model import MARK, Kind
from resolint.testing.builder import (
    Del, DocBuilder, Field, FootnoteRef, Hyperlink, InlineControl, Ins, Level, NoteRef, Run, SmartTag,
)


def _labels(doc) -> list[tuple[str, str | None, str]]:
    return [(p.label, p.number, p.text) for p in doc.paragraphs if p.kind is not Kind.EMPTY]


def test_automatic_numbering_two_levels_with_restart(tmp_path: Path) -> None:
    b = DocBuilder(language="en")
    ops = b.operative_numbering()
    b.paragraph("Cooperation between the United Nations and INTERPOL", style="Title")
    b.paragraph("The General Assembly,")
    b.paragraph(Run("Recalling", italic=True), " its resolution 73/11,")
    b.paragraph(Run("Decides", italic=True), " to act:", numbering=ops)
    b.paragraph("First;", numbering=(ops, 1))
    b.paragraph("Second:", numbering=(ops, 1))
    b.paragraph("deeper;", numbering=(ops, 2))
    b.paragraph("deepest;", numbering=(ops, 2))
    b.paragraph(Run("Requests", italic=True), " a report:", numbering=ops)
    b.paragraph("Restarted letter;", numbering=(ops, 1))  # level 1 restarts under OP 2
    # A new w:num over the same abstract definition with a startOverride restarts the list.
    again = ops.restart()
    b.paragraph(Run("Decides", italic=True), " again.", numbering=again)
    b.save(tmp_path / "a.docx")
    doc = load_document(tmp_path / "a.docx")
    assert _labels(doc) == [
        ("title", None, "Cooperation between the United Nations and INTERPOL"),
        ("formula", None, "The General Assembly,"),
        ("PP 1", None, "Recalling its resolution 73/11,"),
        ("OP 1", "1.", "Decides to act:"),
        ("OP 1(a)", "(a)", "First;"),
        ("OP 1(b)", "(b)", "Second:"),
        ("OP 1(b)(i)", "(i)", "deeper;"),
        ("OP 1(b)(ii)", "(ii)", "deepest;"),
        ("OP 2", "2.", "Requests a report:"),
        ("OP 2(a)", "(a)", "Restarted letter;"),
        ("OP 1", "1.", "Decides again."),
    ]
    assert all(p.number_source == "auto" for p in doc.paragraphs if p.number)
    assert doc.find("OP 1(b)(ii)").parent.label == "OP 1(b)"


def test_style_linked_list_and_start_value(tmp_path: Path) -> None:
    b = DocBuilder(language="fr")
    lst = b.numbering([Level("decimal", "%1.", start=5), Level("lowerLetter", "%2)")])
    style = b.list_style("OperativeList", lst)
    b.paragraph("L’Assemblée générale,")
    b.paragraph(Run("Rappelant", italic=True), " sa résolution 73/11,")
    b.paragraph(Run("Décide", italic=True), " d’agir ;", style=style)
    b.paragraph(Run("Prie", italic=True), " le Secrétaire général :", style=style)
    b.paragraph("de faire rapport.", numbering=(lst, 1))
    b.save(tmp_path / "s.docx")
    doc = load_document(tmp_path / "s.docx")
    assert _labels(doc)[2:] == [
        ("OP 5", "5.", "Décide d’agir ;"),
        ("OP 6", "6.", "Prie le Secrétaire général :"),
        ("OP 6(a)", "a)", "de faire rapport."),
    ]
    assert doc.language == "fr" and doc.organ == "GA" and doc.organ_gender == "f"


def test_typed_numbers_give_the_same_labels(tmp_path: Path) -> None:
    b = DocBuilder(language="fr")
    b.paragraph("L’Assemblée générale,")
    b.paragraph(Run("Notant", italic=True), " les faits :")
    b.paragraph("a)\tpremier fait ;")
    b.paragraph("b)\tsecond fait,")
    b.paragraph("1.\t", Run("Décide", italic=True), " :")
    b.paragraph("a)\td’agir ;")
    b.paragraph("i)\tvite ;")
    b.paragraph("ii)\tbien ;")
    b.paragraph("h)\thuitième ;")
    b.paragraph("i)\tneuvième ;")
    b.paragraph("2.\t", Run("Prie", italic=True), " le Secrétaire général de faire rapport.")
    b.save(tmp_path / "t.docx")
    doc = load_document(tmp_path / "t.docx")
    assert _labels(doc)[1:] == [
        ("PP 1", None, "Notant les faits :"),
        ("PP 1(a)", "a)", "premier fait ;"),
        ("PP 1(b)", "b)", "second fait,"),
        ("OP 1", "1.", "Décide :"),
        ("OP 1(a)", "a)", "d’agir ;"),
        ("OP 1(a)(i)", "i)", "vite ;"),
        ("OP 1(a)(ii)", "ii)", "bien ;"),
        ("OP 1(h)", "h)", "huitième ;"),
        ("OP 1(i)", "i)", "neuvième ;"),  # "i" after "h" is a letter, not a roman one
        ("OP 2", "2.", "Prie le Secrétaire général de faire rapport."),
    ]
    op1 = doc.find("OP 1")
    assert op1.number_source == "typed"
    # The opener is found after the typed number.
    assert op1.opener() == ("Décide", 0, 6)


def test_footnotes_noteref_and_custom_mark(tmp_path: Path) -> None:
    b = DocBuilder(language="fr")
    ops = b.operative_numbering()
    b.paragraph("L’Assemblée générale,")
    b.paragraph(Run("Rappelant", italic=True), " l’Accord de 1997", FootnoteRef("Nations Unies, Recueil des Traités."), ",")
    b.paragraph(Run("Notant", italic=True), " l’Instrument", FootnoteRef("Voir décision 60/519.", bookmark="_Ref600001"), ",")
    b.paragraph(Run("Notant", italic=True), " l’élection", FootnoteRef("Élu par acclamation.", custom_mark="*"), ",")
    b.paragraph(Run("Encourage", italic=True), " l’Instrument", NoteRef("_Ref600001"), " notamment ;", numbering=ops)
    b.paragraph(Run("Décide", italic=True), " d’agir", FootnoteRef("Résolution 70/1."), ".", numbering=ops)
    b.save(tmp_path / "f.docx")
    doc = load_document(tmp_path / "f.docx")
    pp1, pp2, pp3 = doc.preamble
    assert pp1.text == "Rappelant l’Accord de 19971,"
    assert pp1.scan_text == "Rappelant l’Accord de 1997" + MARK + ","
    assert [(r.shown, r.via_noteref) for r in pp1.footnote_refs] == [("1", False)]
    assert pp3.text == "Notant l’élection*,"
    assert pp3.footnote_refs[0].custom_mark
    op1 = doc.find("OP 1")
    assert op1.text == "Encourage l’Instrument2 notamment ;"
    ref = op1.footnote_refs[0]
    assert ref.via_noteref and ref.shown == "2" and ref.target_number == "2"
    assert ref.footnote_id == pp2.footnote_refs[0].footnote_id
    assert [(f.label, f.text) for f in doc.footnotes] == [
        ("FN 1", "Nations Unies, Recueil des Traités."),
        ("FN 2", "Voir décision 60/519."),
        ("FN 3", "Résolution 70/1."),
        ("FN *", "Élu par acclamation."),
    ]
    assert doc.find("OP 2").text == "Décide d’agir3."
    assert [p.label for p in doc.footnote_paragraphs()] == ["FN 1", "FN 2", "FN 3", "FN *"]
    body_count = len(doc.paragraphs)
    assert [p.index for p in doc.footnote_paragraphs()] == list(range(body_count + 1, body_count + 5))


def test_hyperlinks_fields_smart_tags_content_controls(tmp_path: Path) -> None:
    b = DocBuilder(language="en")
    b.paragraph("The General Assembly,")
    b.paragraph(Run("Recalling", italic=True), " its resolution ",
                Hyperlink("https://undocs.org/A/RES/73/11", "73/11"), " of ",
                SmartTag("date", "26 November 2018"), ",")
    b.paragraph(Run("Noting", italic=True), " the report of ",
                InlineControl("the Secretary-General", tag="author"), " on page ",
                Field(" PAGE ", "7"), " and ", Field(" DATE ", "today", simple=True), ",")
    with b.content_control(tag="ops"):
        b.paragraph("1.\t", Run("Decides", italic=True), " to act.")
    b.save(tmp_path / "h.docx")
    doc = load_document(tmp_path / "h.docx")
    pp1, pp2 = doc.preamble
    assert pp1.text == "Recalling its resolution 73/11 of 26 November 2018,"
    link = [r for r in pp1.runs if r.hyperlink]
    assert [(r.text, r.hyperlink) for r in link] == [("73/11", "https://undocs.org/A/RES/73/11")]
    assert pp2.text == "Noting the report of the Secretary-General on page 7 and today,"
    assert _labels(doc)[-1] == ("OP 1", "1.", "Decides to act.")


def test_tracked_changes_accepted_view_and_original(tmp_path: Path) -> None:
    b = DocBuilder(language="en")
    b.paragraph("The General Assembly,")
    b.paragraph(Run("Recalling", italic=True), " its ", Del("earlier "), Ins("latest "), "resolution,")
    b.paragraph("1.\t", Run("Decides", italic=True), " to act", Ins(" promptly"), ".")
    b.save(tmp_path / "r.docx")
    doc = load_document(tmp_path / "r.docx")
    pp = doc.preamble[0]
    assert pp.text == "Recalling its latest resolution,"
    assert pp.original_text == "Recalling its earlier resolution,"
    assert pp.has_revisions
    op = doc.find("OP 1")
    assert op.text == "Decides to act promptly."
    assert [r.text for r in op.runs if r.inserted] == [" promptly"]


def test_table_paragraphs_are_kept_but_not_classified(tmp_path: Path) -> None:
    b = DocBuilder(language="en")
    b.paragraph("The General Assembly,")
    b.paragraph(Run("Recalling", italic=True), " its resolution 73/11,")
    b.paragraph("1.\t", Run("Adopts", italic=True), " the budget set out below:")
    b.table([["Section", "Amount"], ["1. Overall policy", "100"]])
    b.paragraph("2.\t", Run("Decides", italic=True), " to remain seized of the matter.")
    b.paragraph("Annex")
    b.paragraph("1.\tNot an operative paragraph.")
    b.save(tmp_path / "t.docx")
    doc = load_document(tmp_path / "t.docx")
    tables = [p for p in doc.paragraphs if p.kind is Kind.TABLE]
    assert [p.text for p in tables] == ["Section", "Amount", "1. Overall policy", "100"]
    assert all(p.label == "table" and p.in_table for p in tables)
    assert [p.label for p in doc.operative] == ["OP 1", "OP 2"]
    assert [p.label for p in doc.paragraphs if p.kind is Kind.ANNEX] == ["annex", "annex"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Recalling its resolution 73/11 of 26 November 2018, in which it invited the organization to take part", "en"),
    ("Rappelant sa résolution 51/1 du 15 octobre 1996, dans laquelle elle a invité l’Organisation à participer", "fr"),
])
def test_language_from_text_beats_template_tag(tmp_path: Path, text: str, expected: str) -> None:
    # The builder tags the document with the other language: the text decides.
    other = "fr" if expected == "en" else "en"
    b = DocBuilder(language=other)
    for _ in range(3):
        b.paragraph(text + ",")
    b.save(tmp_path / "l.docx")
    assert load_document(tmp_path / "l.docx").language == expected
    assert load_document(tmp_path / "l.docx", language=other).language == other
