"""Redline in LibreOffice (headless, through UNO): opens without repair, Accept All
gives NEW's text and Reject All OLD's text, body, footnotes and tables (their rows
and cells), and each paragraph's layout (alignment, style, indents)."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from resolint.redline import diff_files

from support import libreoffice as lo
from support.roundtrip import views
from support import redline_pairs as rp

pytestmark = pytest.mark.libreoffice

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("RESOLINT_SHARED", ROOT.parent / "shared"))
TABLES = SHARED / "interop" / "tables"
DATE = datetime(2024, 5, 1, tzinfo=timezone.utc)


@pytest.fixture(scope="module", autouse=True)
def _office():
    lo.require()
    yield


def _check(tmp_path, old: Path, new: Path):
    rl = diff_files(old, new, date=DATE)
    red = tmp_path / "redline.docx"
    red.write_bytes(rl.docx_bytes())
    as_is = lo.texts(red)
    assert as_is["loaded"], as_is.get("error")
    want_new, want_old = lo.texts(new), lo.texts(old)
    accepted, rejected = views(red)
    assert accepted["redlines"] == 0 and rejected["redlines"] == 0
    assert accepted["body"] == want_new["body"]
    assert accepted["footnotes"] == want_new["footnotes"]
    assert accepted["tables"] == want_new["tables"]
    assert accepted["props"] == want_new["props"]
    assert rejected["body"] == want_old["body"]
    assert rejected["footnotes"] == want_old["footnotes"]
    assert rejected["tables"] == want_old["tables"]
    assert rejected["props"] == want_old["props"]
    return rl, as_is


@pytest.mark.parametrize("name", rp.ALL)
def test_generated_pairs(tmp_path, name):
    old, new = rp.pair(name)
    (tmp_path / "old.docx").write_bytes(old)
    (tmp_path / "new.docx").write_bytes(new)
    rl, as_is = _check(tmp_path, tmp_path / "old.docx", tmp_path / "new.docx")
    if name in ("identical", "table_identical"):
        assert as_is["redlines"] == 0
    else:
        assert as_is["redlines"] > 0


SAMPLE_PAIRS = [
    ("A-RES-73-11-fr-previous.docx", "A-RES-75-10-fr.docx"),
    ("A-RES-75-10-fr.docx", "A-RES-75-10-fr-corrected.docx"),
    ("interpol-cooperation-en-previous.docx", "interpol-cooperation-en.docx"),
]


def _sample_pairs():
    out = []
    for a, b in SAMPLE_PAIRS:
        if (SAMPLES / a).exists() and (SAMPLES / b).exists():
            out.append(pytest.param(SAMPLES / a, SAMPLES / b, id=f"{a[:-5]}->{b[:-5]}"))
    return out


@pytest.mark.parametrize("old,new", _sample_pairs() or [pytest.param(None, None, marks=pytest.mark.skip(
    reason="sample pairs missing from samples/"))])
def test_sample_pairs(tmp_path, old, new):
    _check(tmp_path, old, new)
    _check(tmp_path, new, old)


@pytest.mark.skipif(not TABLES.is_dir(), reason="../shared/interop/tables is not here")
@pytest.mark.parametrize("variant", ["del_row", "add_row", "del_table", "edit_cell"])
def test_real_tables(tmp_path, variant):
    """Word-made tables (../shared/interop/tables): each variant against the old file,
    both ways; rows inserted or deleted as rows, a deleted table kept a table."""
    old, new = TABLES / "tables-old.docx", TABLES / f"tables-{variant}.docx"
    rl, as_is = _check(tmp_path, old, new)
    assert as_is["redlines"] > 0
    assert len(as_is["tables"]) == len(lo.texts(old)["tables"])
    _check(tmp_path, new, old)


@pytest.mark.parametrize("name", ["moved_down", "moved_up", "many"])
def test_moves_kept_as_moves(tmp_path, name):
    """An unchanged moved paragraph is a move (w:moveFrom/w:moveTo with named ranges):
    Accept/Reject All exact, and LibreOffice keeps it a move (its own .docx save of
    the redline holds the move markup; LibreOffice 7.4 would also call an identical
    deletion and insertion a move, so the check of our own markup comes first)."""
    import io
    import zipfile

    from support.lo_extra import convert

    old, new = rp.pair(name)
    (tmp_path / "old.docx").write_bytes(old)
    (tmp_path / "new.docx").write_bytes(new)
    rl, as_is = _check(tmp_path, tmp_path / "old.docx", tmp_path / "new.docx")
    ours = zipfile.ZipFile(io.BytesIO(rl.docx_bytes())).read("word/document.xml")
    assert b"<w:moveFromRangeStart " in ours and b"<w:moveToRangeStart " in ours
    saved = zipfile.ZipFile(io.BytesIO(convert(tmp_path / "redline.docx", "docx"))).read("word/document.xml")
    for tag in (b"<w:moveFrom ", b"<w:moveTo ", b"<w:moveFromRangeStart ", b"<w:moveToRangeStart "):
        assert tag in saved


def test_comments_helper(tmp_path):
    from resolint.testing.builder import Comment, DocBuilder

    b = DocBuilder()
    b.paragraph("The General Assembly, ", Comment("Check the formula", "recalling", author="Delegate"), " all.")
    path = tmp_path / "c.docx"
    b.save(path)
    found = lo.comments(path)
    assert len(found) == 1
    author, text, anchored = found[0]
    assert author == "Delegate" and "Check the formula" in text and anchored == "recalling"
