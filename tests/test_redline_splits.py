"""A paragraph split in two with new text between the halves: the old paragraph compared
with the two new ones as one text, an inserted paragraph mark between them."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from resolint.redline import diff_files
from resolint.redline.splits import cut
from resolint.redline.words import op_summary
from resolint.testing.draft import write_draft

from support import libreoffice as lo

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


def test_split_keeps_the_second_half(tmp_path):
    rl = diff_files(*_files(tmp_path, OLD, SPLIT))
    changed = [(e.old_label, e.new_label, e.status) for e in rl.paragraphs if e.status != "unchanged"]
    assert changed == [("PP 2", "PP 2", "modified"), ("PP 2", "PP 3", "modified")]
    second = op_summary(rl.paragraphs[3].ops)
    assert {"op": "+", "text": "Recalling the report of the Secretariat team of 28 January 1991,"} in second
    kept = " ".join(c["text"] for c in second if c["op"] == "=")
    assert "without prejudice to the views of" in kept
    # marked: the new words and the "the" dropped, not the old half deleted and inserted again
    assert _marked(rl) < len("Recalling the report of the Secretariat team of 28 January 1991, ") + 10


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
    old, new_path = _files(tmp_path, OLD, new)
    for a, b in ((old, new_path), (new_path, old)):
        red = tmp_path / "redline.docx"
        red.write_bytes(diff_files(a, b, date=DATE).docx_bytes())
        accepted, rejected = lo.texts(red, "accept"), lo.texts(red, "reject")
        assert accepted["redlines"] == 0 and rejected["redlines"] == 0
        assert accepted["body"] == lo.texts(b)["body"] and rejected["body"] == lo.texts(a)["body"]
        assert accepted["props"] == lo.texts(b)["props"] and rejected["props"] == lo.texts(a)["props"]
