"""A paragraph split in two with new text between the halves: the old paragraph compared
with the two new ones as one text, an inserted paragraph mark between them; and the
mirror case, two paragraphs joined into one, with a deleted paragraph mark."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from resolint.redline import diff_files
from resolint.redline.splits import cut
from resolint.redline.words import op_summary
from resolint.testing.draft import write_draft

from support import libreoffice as lo
from support.roundtrip import both_ways, views

DATE = datetime(2024, 5, 1, tzinfo=timezone.utc)
HEAD = "The Security Council,\n\nRecalling its resolutions 425 (1978) and 426 (1978),\n\n"
TAIL = "\n1.\tDecides to extend the mandate of the Force for six months;\n\n2.\tDecides to remain seized of the matter.\n"
OLD = ("Having studied the report of the Secretary-General on the Force, and taking note of the observations "
       "expressed therein, and without prejudice to the views of the Member States thereon,\n")
SPLIT = ("Having studied the report of the Secretary-General on the Force, and taking note of the observations "
         "expressed therein,\n\nRecalling the report of the Secretariat team of 28 January 1991, and without "
         "prejudice to the views of Member States thereon,\n")
UNRELATED = OLD + "\nExpressing its deep concern at the attacks against the personnel of the Force,\n"


def _files(tmp_path, old: str, new: str):
    a, b = tmp_path / "old.docx", tmp_path / "new.docx"
    write_draft(a, HEAD + old + TAIL)
    write_draft(b, HEAD + new + TAIL)
    return a, b


def _marked(rl) -> int:
    return sum(len(c["text"]) for e in rl.paragraphs for c in op_summary(e.ops) if c["op"] != "=")


NEW_WORDS = "Recalling the report of the Secretariat team of 28 January 1991,"


@pytest.mark.parametrize("old, new, labels, op", [
    (OLD, SPLIT, [("PP 2", "PP 2"), ("PP 2", "PP 3")], "+"),
    (SPLIT, OLD, [("PP 2", "PP 2"), ("PP 3", "PP 2")], "-"),
], ids=["split", "join"])
def test_the_half_that_moved_over_is_kept(tmp_path, old, new, labels, op):
    rl = diff_files(*_files(tmp_path, old, new))
    changed = [(e.old_label, e.new_label, e.status) for e in rl.paragraphs if e.status != "unchanged"]
    assert changed == [(a, b, "modified") for a, b in labels]
    second = op_summary(rl.paragraphs[3].ops)
    assert {"op": op, "text": NEW_WORDS} in second
    assert "without prejudice to the views of" in " ".join(c["text"] for c in second if c["op"] == "=")
    # marked: the new words and the "the" dropped, not the old half deleted and inserted again
    assert _marked(rl) < len(NEW_WORDS) + 12


def test_unrelated_paragraph_after_is_no_split(tmp_path):
    rl = diff_files(*_files(tmp_path, OLD, UNRELATED))
    changed = [(e.old_label, e.new_label, e.status) for e in rl.paragraphs if e.status != "unchanged"]
    assert changed == [("", "PP 3", "added")]


def test_cut_puts_a_deletion_at_the_boundary_in_the_first_part():
    ops = [("=", [("a", "a")]), ("-", ["x"]), ("+", ["b", "c"]), ("=", [("d", "d")])]
    assert cut(ops, 2) == ([("=", [("a", "a")]), ("-", ["x"]), ("+", ["b"])], [("+", ["c"]), ("=", [("d", "d")])])
    assert cut(ops, 1) == ([("=", [("a", "a")]), ("-", ["x"])], [("+", ["b", "c"]), ("=", [("d", "d")])])


@pytest.mark.libreoffice
@pytest.mark.parametrize("new", [SPLIT, UNRELATED], ids=["split", "unrelated"])
def test_accept_and_reject_exact(tmp_path, new):
    lo.require()
    for a, b, accepted, rejected in both_ways(*_files(tmp_path, OLD, new), tmp_path, DATE):
        assert accepted["redlines"] == 0 and rejected["redlines"] == 0
        assert accepted["body"] == lo.texts(b)["body"] and rejected["body"] == lo.texts(a)["body"]
        assert accepted["props"] == lo.texts(b)["props"] and rejected["props"] == lo.texts(a)["props"]


def _built(path, texts: list[str], centred: int | None = None):
    from resolint.testing import DocBuilder

    b = DocBuilder(language="en")
    for k, t in enumerate(texts):
        b.paragraph(t, align="center" if k == centred else None)
    b.save(str(path))
    return path


@pytest.mark.libreoffice
def test_split_with_a_new_layout_is_no_split(tmp_path):
    """The first half set in another layout: written as before (modified and added), which
    LibreOffice accepts and rejects exactly whichever paragraph's properties it keeps."""
    lo.require()
    halves = [t for t in SPLIT.strip().split("\n\n")]
    old = _built(tmp_path / "old.docx", ["The Security Council,", OLD.strip(), "Decides to act."])
    new = _built(tmp_path / "new.docx", ["The Security Council,", *halves, "Decides to act."], centred=1)
    rl = diff_files(old, new, date=DATE)
    assert [e.status for e in rl.paragraphs if e.status != "unchanged"] == ["modified", "added"]
    red = tmp_path / "redline.docx"
    red.write_bytes(rl.docx_bytes())
    accepted, rejected = views(red)
    assert accepted["body"] == lo.texts(new)["body"] and rejected["body"] == lo.texts(old)["body"]
    assert accepted["props"] == lo.texts(new)["props"] and rejected["props"] == lo.texts(old)["props"]


def test_join_after_a_deleted_paragraph_stays_exact(tmp_path):
    """Found by the property test: a deleted paragraph holding a footnote right before two
    joined paragraphs (its stretch of marks is shifted, so no join is written next to it)."""
    from support import redline_pairs as rp
    from support.redline_views import view

    old = rp.base(11, 0, footnote_every=3)
    new = rp.delete(rp.merge(old, 5), 4)
    (tmp_path / "old.docx").write_bytes(rp.build(old))
    (tmp_path / "new.docx").write_bytes(rp.build(new))
    data = diff_files(tmp_path / "old.docx", tmp_path / "new.docx", date=DATE).docx_bytes()
    assert view(data, "accept") == view(rp.build(new))
    assert view(data, "reject") == view(rp.build(old))
