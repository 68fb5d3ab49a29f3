"""What a drafter reads in Word (issue 17, point 9): comments and tracked fixes dated like
``diff`` (``--date``, else ``SOURCE_DATE_EPOCH``, else now), comments in the draft's language
ending with a link to the rule's page, and tracked changes of spaces only made visible.
Through the command line, on real .docx files."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from resolint.cli import main

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

EN = """
The General Assembly,
*Recalling* its resolution 73/11 of 26 November 2018,
@1. *Decides* to act;.
@2. *Requests* a  report.
"""

FR = """
L’Assemblée générale,
*Rappelant* sa résolution 73/11 du 26 novembre 2018,
@1. *Décide* d’agir ;
@2. *Prie* le Secrétaire général de lui présenter un  rapport.
"""


def comments(path: Path) -> list[tuple[str, str]]:
    """(date, text) of each comment of ``path``."""
    with zipfile.ZipFile(path) as zf:
        if "word/comments.xml" not in zf.namelist():
            return []
        root = etree.fromstring(zf.read("word/comments.xml"))
    return [(c.get(f"{{{W}}}date"), "\n".join("".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
                                             for p in c.iter(f"{{{W}}}p")))
            for c in root.iter(f"{{{W}}}comment")]


def revision_dates(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return {el.get(f"{{{W}}}date") for el in root.iter(f"{{{W}}}ins", f"{{{W}}}del")}


def annotate(path: Path, out: Path, *extra: str) -> list[tuple[str, str]]:
    assert main(["check", "--no-progress", "--annotate", str(out), *extra, str(path)]) in (0, 1)
    return comments(out)


# -- dates ----------------------------------------------------------------------------------------------
def test_dates_follow_date_then_source_date_epoch_then_now(draft, tmp_path, monkeypatch, capsys) -> None:
    path = draft(EN)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    found = annotate(path, tmp_path / "now.docx")
    after = dt.datetime.now(dt.timezone.utc)
    assert found
    for date, _ in found:
        when = dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
        assert before <= when <= after, date  # now, not 1 January 1980
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    assert {d for d, _ in annotate(path, tmp_path / "sde.docx")} == {"2023-11-14T22:13:20Z"}
    assert {d for d, _ in annotate(path, tmp_path / "given.docx", "--date", "2024-05-01")} == {"2024-05-01T00:00:00Z"}
    # Tracked fixes, and diff, take the same dates.
    assert main(["check", "--no-progress", "--fix", "--track", str(path)]) in (0, 1)
    assert revision_dates(path.with_name(path.stem + ".fixed.docx")) == {"2023-11-14T22:13:20Z"}
    out = tmp_path / "redline.docx"
    assert main(["diff", str(path), str(path.with_name(path.stem + ".fixed.docx")), "-o", str(out)]) == 0
    assert revision_dates(out) == {"2023-11-14T22:13:20Z"}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    capsys.readouterr()
    assert main(["check", "--annotate", str(tmp_path / "bad.docx"), str(path)]) == 2
    assert capsys.readouterr().err.strip() == ("resolint: error: SOURCE_DATE_EPOCH: expected a number of "
                                               "seconds since 1970, got 'soon'")


# -- language and link ----------------------------------------------------------------------------------
def test_comments_in_english_end_with_the_rule_page(draft, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("RESOLINT_DOCS_URL", raising=False)
    texts = [t for _, t in annotate(draft(EN), tmp_path / "en.docx", "--date", "2024-05-01")]
    p101 = next(t for t in texts if t.startswith("P101"))
    lines = p101.split("\n")
    assert lines[0] == "P101 stacked-punctuation: No stacked punctuation such as ';.' or ',,'."
    assert lines[1].startswith("Found: stacked punctuation")
    assert lines[2] == "How to fix: replace “;.” with “;”." or lines[2] == "How to fix: delete “.”."
    assert lines[3] == "resolint can make this change for you (safe fix)."
    # No address configured: the page is named in resolint's documentation, no address made up.
    assert lines[-1] == "More: docs/rules/P101.md"
    assert not any("resolint explain" in t or "resolint check" in t for t in texts)
    p103 = next(t for t in texts if t.startswith("P103"))
    assert "How to fix: delete 1 space(s) here." in p103


def test_comments_in_french_on_a_french_draft_and_the_url_is_configurable(draft, tmp_path, monkeypatch) -> None:
    path = draft(FR, language="fr")
    monkeypatch.setenv("RESOLINT_DOCS_URL", "https://example.org/resolint/rules/")
    texts = [t for _, t in annotate(path, tmp_path / "fr.docx", "--date", "2024-05-01")]
    p103 = next(t for t in texts if t.startswith("P103"))
    lines = p103.split("\n")
    assert lines[0] == "P103 double-space : Pas de suite de deux espaces ou plus (ordinaires ou insécables)."
    assert lines[2] == "Correction : supprimer 1 espace(s) à cet endroit."
    assert lines[-1] == "En savoir plus : https://example.org/resolint/rules/P103.md"
    texts = [t for _, t in annotate(path, tmp_path / "fr2.docx", "--date", "2024-05-01",
                                    "--docs-url", "https://docs.example/r")]
    assert all(t.split("\n")[-1].startswith("En savoir plus : https://docs.example/r/") for t in texts)


# -- a tracked change of spaces only --------------------------------------------------------------------
def test_tracked_deletion_of_a_space_carries_a_comment(draft, tmp_path) -> None:
    path = draft(FR, language="fr")
    assert main(["check", "--no-progress", "--fix", "--track", "--select", "P103", "--date", "2024-05-01",
                 str(path)]) in (0, 1)
    fixed = path.with_name(path.stem + ".fixed.docx")
    found = comments(fixed)
    assert found == [("2024-05-01T00:00:00Z", "Modification suivie : 1 espace(s) supprimé(s) ici. Facile à "
                      "manquer : l’accepter ou la refuser comme les autres.")]
    with zipfile.ZipFile(fixed) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    (deleted,) = root.iter(f"{{{W}}}del")
    start = deleted.getprevious()
    inserted = deleted.getnext()
    end = inserted.getnext() if inserted.tag == f"{{{W}}}ins" else inserted
    assert start.tag == f"{{{W}}}commentRangeStart" and end.tag == f"{{{W}}}commentRangeEnd"
    assert start.get(f"{{{W}}}id") == end.get(f"{{{W}}}id")
    # The comment is on the change, and the change is still the fix: two spaces become one.
    kept = "".join(t.text for t in inserted.iter(f"{{{W}}}t")) if inserted is not end else ""
    gone = "".join(t.text for t in deleted.iter(f"{{{W}}}delText"))
    assert len(gone) - len(kept) == 1 and not (gone + kept).strip()


def test_a_visible_tracked_fix_gets_no_extra_comment(draft, tmp_path) -> None:
    path = draft(EN)
    assert main(["check", "--no-progress", "--fix", "--track", "--select", "P101", str(path)]) in (0, 1)
    assert comments(path.with_name(path.stem + ".fixed.docx")) == []


@pytest.mark.libreoffice
def test_libreoffice_shows_the_comment_on_the_space_change(draft) -> None:
    from support import libreoffice as lo

    lo.require()
    path = draft(FR, language="fr")
    assert main(["check", "--no-progress", "--fix", "--track", "--select", "P103", str(path)]) in (0, 1)
    shown = lo.comments(path.with_name(path.stem + ".fixed.docx"))
    assert [(author, text.split(" ici.")[0]) for author, text, _ in shown] == [
        ("resolint", "Modification suivie : 1 espace(s) supprimé(s)")]
