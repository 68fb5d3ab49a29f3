"""Redline: tracked-change diff of two resolutions (in-process checks)."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timezone

import pytest
from lxml import etree

from resolint.errors import InputError
from resolint.redline import diff_files
from resolint.testing.builder import DocBuilder, FootnoteRef, Run

from support import redline_pairs as rp
from support.schema import added_schema_errors
from support.redline_views import revision_count, view

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)


def q(tag):
    return f"{{{W}}}{tag}"


def redline(tmp_path, old: bytes, new: bytes, **kw):
    (tmp_path / "old.docx").write_bytes(old)
    (tmp_path / "new.docx").write_bytes(new)
    kw.setdefault("date", DATE)
    return diff_files(tmp_path / "old.docx", tmp_path / "new.docx", **kw)


def part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return etree.fromstring(zf.read(name))


def body_paragraphs(docx: bytes):
    return list(part(docx, "word/document.xml").find(q("body")).iter(q("p")))


def revisions_in(p) -> list:
    return list(p.iter(q("ins"), q("del"), q("rPrChange"), q("moveFrom"), q("moveTo")))


@pytest.mark.parametrize("name", rp.ALL)
def test_accept_gives_new_and_reject_gives_old(tmp_path, name):
    old, new = rp.pair(name)
    data = redline(tmp_path, old, new).docx_bytes()
    assert view(data, "accept") == view(new)
    assert view(data, "reject") == view(old)


def test_identical_documents_have_no_revisions(tmp_path):
    old, new = rp.pair("identical")
    rl = redline(tmp_path, old, new)
    assert revision_count(rl.docx_bytes()) == 0
    assert rl.counts["unchanged"] == len(rl.paragraphs)


def test_one_word_change_marks_that_word_alone(tmp_path):
    old = rp.base(12, 3)
    new = rp.change_word(old, 5, "strengthened")
    rl = redline(tmp_path, rp.build(old), rp.build(new))
    data = rl.docx_bytes()
    changed = [p for p in body_paragraphs(data) if revisions_in(p)]
    assert len(changed) == 1
    p = changed[0]
    ins = p.findall(f".//{q('ins')}")
    dels = p.findall(f".//{q('del')}")
    assert len(ins) == 1 and len(dels) == 1
    assert "".join(t.text for t in ins[0].iter(q("t"))) == "strengthened"
    old_word = old[5].text.split(" ")[len(old[5].text.split(" ")) // 2]
    assert "".join(t.text for t in dels[0].iter(q("delText"))) == old_word
    assert rl.counts == {"unchanged": len(old) - 1, "modified": 1, "moved": 0, "added": 0, "deleted": 0}


def test_unchanged_paragraphs_carry_no_revision_marks(tmp_path):
    old = rp.base(16, 4)
    new = rp.insert(rp.delete(rp.change_word(old, 8), 3), 10)
    data = redline(tmp_path, rp.build(old), rp.build(new)).docx_bytes()
    new_texts = view(rp.build(new))["body"]
    marked = 0
    for p in body_paragraphs(data):
        if revisions_in(p):
            marked += 1
    # one deleted, one inserted, one modified paragraph
    assert marked == 3
    assert len(new_texts) == len(body_paragraphs(data)) - 1


def test_formatting_only_change_is_rpr_change(tmp_path):
    old = rp.base(12, 5)
    new = rp.unitalic(old, 7)
    rl = redline(tmp_path, rp.build(old), rp.build(new))
    data = rl.docx_bytes()
    doc = part(data, "word/document.xml")
    changes = list(doc.iter(q("rPrChange")))
    assert len(changes) == 1
    assert changes[0].find(f"{q('rPr')}/{q('i')}") is not None  # OLD's italics kept in the change
    assert not list(doc.iter(q("ins"))) and not list(doc.iter(q("del")))
    assert [e.formatting_only for e in rl.paragraphs if e.status == "modified"] == [True]


def test_whole_paragraph_marks(tmp_path):
    old = rp.base(10, 6)
    new = rp.insert(rp.delete(old, 3), 6)
    data = redline(tmp_path, rp.build(old), rp.build(new)).docx_bytes()
    ps = body_paragraphs(data)
    deleted = [p for p in ps if p.find(f"{q('pPr')}/{q('rPr')}/{q('del')}") is not None]
    inserted = [p for p in ps if p.find(f"{q('pPr')}/{q('rPr')}/{q('ins')}") is not None]
    assert len(deleted) == 1 and len(inserted) == 1
    assert not deleted[0].findall(f".//{q('t')}")  # all its text is w:delText
    assert deleted[0].findall(f".//{q('delText')}")


def test_moved_paragraph_is_reported_as_move(tmp_path):
    old = rp.base(14, 7)
    new = rp.move(old, 10, 4)
    rl = redline(tmp_path, rp.build(old), rp.build(new))
    moved = [e for e in rl.paragraphs if e.status == "moved"]
    assert len(moved) == 1
    assert moved[0].old_index == 11 and moved[0].new_index == 5
    assert rl.counts["deleted"] == 0 and rl.counts["added"] == 0


def test_automatic_renumbering_is_not_a_change(tmp_path):
    old = rp.base(14, 8)
    new = rp.delete(old, 8)  # an operative paragraph: all later numbers change
    rl = redline(tmp_path, rp.build(old), rp.build(new))
    assert rl.counts == {"unchanged": len(old) - 1, "modified": 0, "moved": 0, "added": 0, "deleted": 1}


def test_typed_renumbering_is_a_text_change(tmp_path):
    old = rp.typed(rp.base(14, 8))
    new = rp.delete(old, 8)
    rl = redline(tmp_path, rp.build(old), rp.build(new))
    later = [e for e in rl.paragraphs if e.new_index and e.new_index >= 9]
    assert later and all(e.status == "modified" for e in later)
    ops = rl.to_json()["paragraphs"][-1]["operations"]
    assert [o["op"] for o in ops][:3] == ["-", "+", "="]


def test_footnote_changes_tracked_inside_footnotes(tmp_path):
    old = rp.base(14, 9)
    with_fn = [k for k, s in enumerate(old) if s.fn]
    without = next(k for k in range(3, len(old)) if not old[k].fn)
    assert len(with_fn) >= 2
    new = rp.remove_footnote(rp.add_footnote(rp.change_footnote(old, with_fn[0]), without), with_fn[1])
    rl = redline(tmp_path, rp.build(old), rp.build(new))
    data = rl.docx_bytes()
    fns = part(data, "word/footnotes.xml")
    assert list(fns.iter(q("ins"))) and list(fns.iter(q("del")))
    statuses = sorted(e.status for e in rl.footnotes)
    assert statuses.count("modified") == 1 and statuses.count("added") == 1 and statuses.count("deleted") == 1
    ids = [f.get(q("id")) for f in fns.findall(q("footnote"))]
    assert len(ids) == len(set(ids))
    assert view(data, "accept") == view(rp.build(new))
    assert view(data, "reject") == view(rp.build(old))


def test_deleted_footnote_is_copied_with_new_id(tmp_path):
    old = rp.base(14, 10)
    i = next(k for k, s in enumerate(old) if s.fn)
    new = rp.remove_footnote(old, i)
    rl = redline(tmp_path, rp.build(old), rp.build(new))
    data = rl.docx_bytes()
    fns = part(data, "word/footnotes.xml")
    deleted = [f for f in fns.findall(q("footnote")) if f.find(f".//{q('delText')}") is not None]
    assert len(deleted) == 1
    ref = [r for r in part(data, "word/document.xml").iter(q("footnoteReference"))
           if r.get(q("id")) == deleted[0].get(q("id"))]
    assert len(ref) == 1 and any(a.tag == q("del") for a in ref[0].iterancestors())
    assert [e.status for e in rl.footnotes].count("deleted") == 1


def test_revision_ids_unique_and_author_date(tmp_path):
    old, new = rp.pair("many")
    rl = redline(tmp_path, old, new, author="Secretariat")
    data = rl.docx_bytes()
    ids = []
    for name in ("word/document.xml", "word/footnotes.xml"):
        for el in part(data, name).iter(q("ins"), q("del"), q("rPrChange")):
            ids.append(el.get(q("id")))
            assert el.get(q("author")) == "Secretariat"
            assert el.get(q("date")) == "2024-05-01T12:00:00Z"
    assert ids and len(ids) == len(set(ids))


def test_deterministic_bytes(tmp_path):
    old, new = rp.pair("many")
    a = redline(tmp_path, old, new).docx_bytes()
    b = redline(tmp_path, old, new).docx_bytes()
    assert a == b


def test_keeps_new_package_parts(tmp_path):
    old, new = rp.pair("many")
    data = redline(tmp_path, old, new).docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(new)) as b:
        assert a.namelist() == b.namelist()
        for name in b.namelist():
            if name not in ("word/document.xml", "word/footnotes.xml"):
                assert a.read(name) == b.read(name), name
    # NEW's section properties untouched
    sect_new = part(new, "word/document.xml").find(f"{q('body')}/{q('sectPr')}")
    sect_red = part(data, "word/document.xml").find(f"{q('body')}/{q('sectPr')}")
    assert etree.tostring(sect_new) == etree.tostring(sect_red)


def test_runs_keep_formatting_both_sides(tmp_path):
    b = DocBuilder()
    b.paragraph(Run("Recalling", italic=True), " its resolution ", Run("51/1", bold=True), " of 1996,")
    old = b.to_bytes()
    b = DocBuilder()
    b.paragraph(Run("Recalling also", italic=True), " its resolution 51/2 of 1996,")
    new = b.to_bytes()
    data = redline(tmp_path, old, new).docx_bytes()
    p = body_paragraphs(data)[0]
    ins_runs = [r for i in p.iter(q("ins")) for r in i.iter(q("r"))]
    del_runs = [r for d in p.iter(q("del")) for r in d.iter(q("r"))]
    assert any(r.find(f"{q('rPr')}/{q('i')}") is not None for r in ins_runs)  # "also" italic (NEW)
    assert any(r.find(f"{q('rPr')}/{q('b')}") is not None for r in del_runs)  # "51/1" bold (OLD)
    assert view(data, "accept") == view(new) and view(data, "reject") == view(old)


def test_reports(tmp_path):
    old, new = rp.pair("many")
    rl = redline(tmp_path, old, new)
    text = rl.to_text()
    assert "->" in text and "Paragraphs:" in text and "moved" in text
    html = rl.to_html()
    assert html.startswith("<!DOCTYPE html>") and "<ins>" in html and "<del>" in html
    assert "http" not in html.split("<body>", 1)[0].replace('lang="en"', "")  # self-contained
    data = rl.to_json()
    json.dumps(data)
    assert data["counts"] == rl.counts
    assert {"old_label", "new_label", "status", "operations"} <= set(data["paragraphs"][0])
    assert all(e["status"] in ("unchanged", "modified", "moved", "added", "deleted") for e in rl.paragraph_map)
    labels = {e["new_label"] for e in rl.paragraph_map}
    assert "OP 1" in labels and "PP 1" in labels


def test_unreadable_input(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    _, new = rp.pair("identical")
    (tmp_path / "new.docx").write_bytes(new)
    with pytest.raises(InputError):
        diff_files(bad, tmp_path / "new.docx")
    with pytest.raises(InputError):
        diff_files(tmp_path / "missing.docx", tmp_path / "new.docx")


def test_footnotes_part_created_when_new_has_none(tmp_path):
    b = DocBuilder()
    b.paragraph("Recalling its resolution", FootnoteRef("Resolution 1/1."), ",")
    old = b.to_bytes()
    b = DocBuilder()
    b.paragraph("Recalling its resolution,")
    new = b.to_bytes()
    data = redline(tmp_path, old, new).docx_bytes()
    assert view(data, "accept") == view(new)
    assert view(data, "reject") == view(old)


@pytest.mark.parametrize("name", ["many", "footnote_removed", "moved_and_changed", "split", "merged",
                                  "opener_unitalicised", "typed_inserted"])
def test_schema_valid(tmp_path, name):
    """No validation finding that NEW itself does not already have (openxml-audit)."""
    assert added_schema_errors(tmp_path, *rp.pair(name), DATE) == []
