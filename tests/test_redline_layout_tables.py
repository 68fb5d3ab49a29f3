"""Redline of tables (row revisions, tables as units) and of paragraph layout
(``w:pPrChange``), checked in the redline's XML and its accepted/rejected views."""
from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

import pytest
from lxml import etree

from resolint.redline import diff_files
from resolint.testing.builder import DocBuilder

from support import redline_pairs as rp
from support.schema import added_schema_errors
from support.redline_views import view

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)


def q(tag):
    return f"{{{W}}}{tag}"


def redline(tmp_path, old: bytes, new: bytes):
    (tmp_path / "old.docx").write_bytes(old)
    (tmp_path / "new.docx").write_bytes(new)
    return diff_files(tmp_path / "old.docx", tmp_path / "new.docx", date=DATE)


def document(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


def row_marks(data: bytes) -> list[list[str]]:
    """For each table, each row's revision on ``w:trPr`` ("ins", "del" or "")."""
    out = []
    for tbl in document(data).iter(q("tbl")):
        marks = []
        for tr in tbl.findall(q("tr")):
            pr = tr.find(q("trPr"))
            mark = ""
            if pr is not None:
                mark = "ins" if pr.find(q("ins")) is not None else "del" if pr.find(q("del")) is not None else ""
            marks.append(mark)
        out.append(marks)
    return out


def test_inserted_and_deleted_rows_are_row_revisions(tmp_path):
    old, new = rp.pair("table_rows_mixed")
    rl = redline(tmp_path, old, new)
    data = rl.docx_bytes()
    # first table: row 1 deleted, a row inserted, a number changed in another row
    assert row_marks(data)[0].count("del") == 1
    assert row_marks(data)[0].count("ins") == 1
    assert row_marks(data)[1] == [""] * 5
    doc = document(data)
    for tr in doc.iter(q("tr")):
        pr = tr.find(q("trPr"))
        if pr is not None and pr.find(q("del")) is not None:
            assert list(tr.iter(q("t"))) == []  # deleted text only as w:delText
            assert list(tr.iter(q("delText")))
        if pr is not None and pr.find(q("ins")) is not None:
            for t in tr.iter(q("t")):
                assert any(a.tag == q("ins") for a in t.iterancestors())
    assert rl.counts["modified"] == 1  # the changed number: same row, modified
    assert view(data, "accept") == view(new) and view(data, "reject") == view(old)


def test_row_changed_in_one_cell_is_the_same_row(tmp_path):
    old, new = rp.pair("table_cell_changed")
    rl = redline(tmp_path, old, new)
    data = rl.docx_bytes()
    assert all(m == "" for t in row_marks(data) for m in t)
    assert rl.counts == {"unchanged": len(rl.paragraphs) - 1, "modified": 1, "moved": 0, "added": 0, "deleted": 0}
    ins = [x for x in document(data).iter(q("ins")) if x.getparent().tag != q("rPr")]
    assert ["".join(x.itertext()) for x in ins] == ["changed"]


def test_deleted_table_stays_a_table(tmp_path):
    old, new = rp.pair("table_deleted")
    data = redline(tmp_path, old, new).docx_bytes()
    marks = row_marks(data)
    assert len(marks) == 2 and marks[0] == ["del"] * 4 and marks[1] == [""] * 5
    assert view(data, "accept")["tables"] == view(new)["tables"]
    assert view(data, "reject")["tables"] == view(old)["tables"]


def test_inserted_table_rows_all_inserted(tmp_path):
    old, new = rp.pair("table_inserted")
    data = redline(tmp_path, old, new).docx_bytes()
    assert ["ins"] * 3 in row_marks(data)
    assert view(data, "reject") == view(old)


def test_cell_entries_carry_body_positions(tmp_path):
    """Entries of cell paragraphs are numbered among all body paragraphs, in order."""
    old, new = rp.pair("table_and_text")
    rl = redline(tmp_path, old, new)
    olds = [e.old_index for e in rl._paragraphs if e.old_index]
    news = [e.new_index for e in rl._paragraphs if e.new_index]
    n_old = len(list(document(old).iter(q("p"))))
    n_new = len(list(document(new).iter(q("p"))))
    assert sorted(olds) == list(range(1, n_old + 1))
    assert sorted(news) == list(range(1, n_new + 1))
    assert news == sorted(news)


def test_rows_with_other_cells_are_replaced(tmp_path):
    """A row whose cells are merged differently is deleted and inserted, not cell-diffed."""
    a, b = DocBuilder(), DocBuilder()
    for d in (a, b):
        d.paragraph("Annex")
        tbl = d.table([["Item", "2024", "2025"], ["Police", "120", "130"]])
        d.paragraph("End")
    tr = tbl.findall(q("tr"))[1]  # NEW: the last two cells of row 2 merged
    tcs = tr.findall(q("tc"))
    tr.remove(tcs[2])
    span = etree.SubElement(tcs[1].find(q("tcPr")), q("gridSpan"))
    span.set(q("val"), "2")
    data = redline(tmp_path, a.to_bytes(), b.to_bytes()).docx_bytes()
    assert row_marks(data) == [["", "del", "ins"]]
    assert view(data, "reject") == view(a.to_bytes())


def _ppr_changes(data: bytes) -> list[etree._Element]:
    return list(document(data).iter(q("pPrChange")))


@pytest.mark.parametrize("name,old_child", [("centred", None), ("indented", None), ("restyled", None),
                                            ("relaid_and_reworded", None)])
def test_layout_change_is_ppr_change(tmp_path, name, old_child):
    old, new = rp.pair(name)
    rl = redline(tmp_path, old, new)
    data = rl.docx_bytes()
    changes = _ppr_changes(data)
    assert len(changes) == 1
    change = changes[0]
    assert change.getparent().tag == q("pPr") and change.getparent()[-1] is change
    inner = change.find(q("pPr"))
    new_ppr = change.getparent()
    # OLD's properties recorded: the facet that changed is absent or different there
    for tag in ("jc", "ind", "pStyle"):
        a, b = inner.find(q(tag)), new_ppr.find(q(tag))
        if b is not None:
            assert a is None or a.attrib != b.attrib
    statuses = [e.status for e in rl.paragraphs if e.status != "unchanged"]
    assert statuses == ["modified"]
    if name != "relaid_and_reworded":
        assert [e.formatting_only for e in rl.paragraphs if e.status == "modified"] == [True]


def test_same_layout_written_otherwise_is_no_change(tmp_path):
    """An explicit default style, ``start`` for ``left``, a zero hanging indent: no change."""
    a, b = DocBuilder(), DocBuilder()
    a.paragraph("The General Assembly,")
    a.paragraph("Recalling its resolution 74/1,")
    b.paragraph("The General Assembly,", style="Normal")
    p = b.paragraph("Recalling its resolution 74/1,", align="start")._p
    ppr = p.find(q("pPr"))
    ind = etree.SubElement(ppr, q("ind"))
    ind.set(q("hanging"), "0")
    ppr.insert(0, ind)
    rl = redline(tmp_path, a.to_bytes(), b.to_bytes())
    assert _ppr_changes(rl.docx_bytes()) == []
    assert rl.counts["unchanged"] == 2


def test_missing_old_style_not_recorded(tmp_path):
    """OLD's style that NEW does not define is left out of the recorded properties."""
    a, b = DocBuilder(), DocBuilder()
    a.paragraph("Recalling its resolution 74/1,", style="NoSuchStyle", align="center")
    b.paragraph("Recalling its resolution 74/1,")
    data = redline(tmp_path, a.to_bytes(), b.to_bytes()).docx_bytes()
    (change,) = _ppr_changes(data)
    inner = change.find(q("pPr"))
    assert inner.find(q("pStyle")) is None and inner.find(q("jc")).get(q("val")) == "center"


@pytest.mark.parametrize("name", ["table_rows_mixed", "table_deleted", "table_inserted", "table_replaced_by_paragraph",
                                  "relaid_and_reworded", "restyled"])
def test_schema_valid(tmp_path, name):
    """No validation finding that NEW itself does not already have (openxml-audit)."""
    assert added_schema_errors(tmp_path, *rp.pair(name), DATE) == []


def test_tables_nested_deep_are_compared(tmp_path):
    """Tables nested 60 deep (past MAX_DEPTH): compared without error, the nested
    part as paragraphs; Accept All gives NEW. (The file ends with its table, no
    paragraph after it, so the reverse Reject keeps NEW's last paragraph mark.)"""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from hardening import corpus as c

    b = DocBuilder()
    b.paragraph("The General Assembly,")
    b.paragraph("Decides to remain seized of the matter.")
    base = tmp_path / "base.docx"
    base.write_bytes(b.to_bytes())
    deep = c.make_nested_tables(tmp_path, 60)
    data = diff_files(base, deep, date=DATE).docx_bytes()
    assert view(data, "accept") == view(str(deep))
    assert view(data, "reject") == view(str(base))
    data = diff_files(deep, base, date=DATE).docx_bytes()
    assert view(data, "accept") == view(str(base))
    rl = diff_files(deep, deep, date=DATE)
    assert set(e.status for e in rl.paragraphs) == {"unchanged"}
