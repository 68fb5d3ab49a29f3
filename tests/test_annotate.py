"""``resolint check --annotate OUT``: every finding as a Word comment on the text it flags."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from resolint.actions import Actions
from resolint.cli import main
from resolint.config import Config
from resolint.engine import check_file
from resolint.loader import load_document
from resolint.plugin_manager import get_manager

MANAGER = get_manager()

EN = """
# Cooperation between the United Nations and the International Criminal Police Organization
The General Assembly,
*Recalling* its resolution 73/11 of 26 November 2018,,^[Resolution 73/11.]
*Welcoming* the [[cooperation|Check with the Secretariat.]] between the two organizations,
1. *Decides* to act;.
3. *Requests* the Secretary-General to report on cooperation;
4. *Decides* to remain seized of the matter..
"""

FR = """
# Coopération entre l’Organisation des Nations Unies et l’Organisation internationale de police criminelle
L’Assemblée générale,
*Rappelant* sa résolution 73/11 du 26 novembre 2018,,^[Résolution 73/11.]
1. *Décide* d’agir ;.
3. *Prie* le Secrétaire général de lui présenter un rapport ;
4. *Décide* de rester saisie de la question..
"""


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _annotate(path: Path, out: Path, **kw):
    res = check_file(path, Config(), MANAGER, Actions(annotate=str(out), **kw))
    assert res.error is None, res.error
    assert res.annotated == str(out)
    return res


def _expected(res, doc) -> list[tuple[str, str]]:
    """(code, anchored text) per finding: its span, or its whole paragraph."""
    parts = {p.index: p for p in doc.all_parts()}
    out = []
    for f in res.findings:
        part = parts[f.paragraph]
        out.append((f.code, part.text[f.start:f.end] if f.end > f.start else None))
    return out


@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (FR, "fr")])
def test_one_comment_per_finding_on_its_span(draft, tmp_path, text, lang) -> None:
    path = draft(text, lang)
    before = path.read_bytes()
    out = tmp_path / "annotated.docx"
    res = _annotate(path, out)
    assert path.read_bytes() == before
    assert res.findings
    doc = load_document(out)
    ours = [c for c in doc.comments if c.author == "resolint"]
    assert len(ours) == len(res.findings)
    parts = {p.index: p for p in doc.all_parts()}
    for f, c in zip(res.findings, ours):
        assert c.text.startswith(f"{f.code} {f.name}") and f.message in c.text
        assert c.text.rstrip().endswith(f"docs/rules/{f.code}.md")  # the rule page, not a terminal command
        if f.fix is not None:
            assert "resolint can" in c.text or "resolint peut" in c.text
        assert c.start_paragraph == c.end_paragraph == f.paragraph
        if f.end > f.start:
            assert (c.start_offset, c.end_offset) == (f.start, f.end)
        else:
            assert (c.start_offset, c.end_offset) == (0, len(parts[f.paragraph].text))
    # Comments do not change the text: the copy has the same findings.
    again = check_file(out, Config(), MANAGER)
    assert [(f.code, f.paragraph, f.start, f.end) for f in again.findings] == \
           [(f.code, f.paragraph, f.start, f.end) for f in res.findings]


def test_existing_comments_and_untouched_parts_are_kept(draft, tmp_path) -> None:
    path = draft(EN, "en")
    out = tmp_path / "annotated.docx"
    _annotate(path, out)
    doc = load_document(out)
    reviewer = [c for c in doc.comments if c.author == "Reviewer"]
    assert [c.text for c in reviewer] == ["Check with the Secretariat."]
    old, new = _entries(path.read_bytes()), _entries(out.read_bytes())
    changed = {n for n in old if old[n] != new.get(n)}
    assert changed <= {"word/document.xml", "word/comments.xml", "word/footnotes.xml"}
    assert "word/document.xml" in changed and "word/comments.xml" in changed


def test_comments_part_is_created_when_missing(draft, tmp_path) -> None:
    path = draft(FR, "fr")
    assert "word/comments.xml" not in _entries(path.read_bytes())
    out = tmp_path / "annotated.docx"
    _annotate(path, out)
    new = _entries(out.read_bytes())
    assert "word/comments.xml" in new
    assert b"comments+xml" in new["[Content_Types].xml"]
    assert b"relationships/comments" in new["word/_rels/document.xml.rels"]
    old = _entries(path.read_bytes())
    same = {n for n in old if old[n] == new[n]}
    assert same == set(old) - {"word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}


def test_annotate_is_deterministic(draft, tmp_path) -> None:
    path = draft(EN, "en")
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    _annotate(path, a)
    _annotate(path, b)
    assert a.read_bytes() == b.read_bytes()


def test_fix_then_annotate_the_rest(draft, tmp_path) -> None:
    path = draft(EN, "en")
    out = tmp_path / "annotated.docx"
    res = check_file(path, Config(), MANAGER, Actions(fix=True, annotate=str(out)))
    assert res.error is None and res.fixed
    codes = [c.text.split(" ")[0] for c in load_document(out).comments if c.author == "resolint"]
    assert sorted(codes) == sorted(f.code for f in res.findings)
    assert "P101" not in codes


def test_cli_annotate_refuses_to_overwrite_the_input(draft, tmp_path, capsys) -> None:
    path = draft(EN, "en")
    assert main(["check", str(path), "--annotate", str(path)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    out = tmp_path / "out.docx"
    assert main(["check", str(path), "--annotate", str(out)]) == 1
    assert out.exists()


@pytest.mark.libreoffice
@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (FR, "fr")])
def test_libreoffice_shows_one_comment_per_finding_on_the_right_text(draft, tmp_path, text, lang) -> None:
    from support import libreoffice as lo
    from support import lo_extra

    from resolint.model import MARK

    lo.require()
    path = draft(text, lang)
    out = tmp_path / "annotated.docx"
    res = _annotate(path, out)
    doc = load_document(path)
    shown = [c for c in lo_extra.comments(out) if c[0] == "resolint"]
    assert len(shown) == len(res.findings)
    parts = {p.index: p for p in doc.all_parts()}
    want = []
    for f in res.findings:
        part = parts[f.paragraph]
        if f.end > f.start:
            anchored = part.scan_text[f.start:f.end]
        else:
            anchored = "".join(r.text for r in part.runs if r.kind == "number") + part.scan_text
        want.append((f.code, anchored.replace(MARK, "")))  # LibreOffice: a note is not text
    got = [(text_.split(" ")[0], anchored) for _a, text_, anchored in shown]
    assert sorted(got) == sorted(want)
    reviewer = [c for c in lo_extra.comments(out) if c[0] == "Reviewer"]
    assert reviewer == ([("Reviewer", "Check with the Secretariat.", "cooperation")] if lang == "en" else [])


@pytest.mark.libreoffice
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_finding_in_a_footnote_is_anchored_on_its_mark_in_the_text(draft, tmp_path, lang) -> None:
    """A comment inside a footnote is one LibreOffice 7.4 cannot open: it goes on the footnote's mark."""
    import zipfile

    from support import libreoffice as lo
    from support import lo_extra

    lo.require()
    text = {"en": "The General Assembly,\n*Recalling* its resolution 73/11,^[see resolution 73/11]\n"
                  "1. *Decides* to act.",
            "fr": "L’Assemblée générale,\n*Rappelant* sa résolution 73/11,^[voir la résolution 73/11]\n"
                  "1. *Décide* d’agir."}[lang]
    path = draft(text, lang)
    out = tmp_path / "annotated.docx"
    res = _annotate(path, out)
    in_note = [f for f in res.findings if f.label.startswith("FN")]
    assert in_note
    with zipfile.ZipFile(out) as z:
        assert b"commentRange" not in z.read("word/footnotes.xml")
        assert b"commentRangeStart" in z.read("word/document.xml")
    shown = [c for c in lo_extra.comments(out) if c[0] == "resolint"]
    assert len(shown) == len(res.findings)
    assert sum(1 for _a, text_, _anchored in shown if text_.startswith(("In FN 1: ", "Dans FN 1 : "))) == len(in_note)
