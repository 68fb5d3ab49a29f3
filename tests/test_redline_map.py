"""The paragraph map: closing lines labelled as such, moves only where the text
matches, "moved, modified" for a reworded move (text, JSON and HTML)."""
from __future__ import annotations

from resolint.redline import diff_files
from resolint.redline.mapping import MOVE_KEPT, kept_share, status_text
from resolint.testing.draft import write_draft

HEAD = """The General Assembly,

Recalling its resolution 73/11 of 26 November 2018,

Noting with appreciation the cooperation between the United Nations and the International Criminal Police Organization,
"""
OPS = [
    "Welcomes the report of the Secretary-General on cooperation between the two organizations;",
    "Encourages Member States to share information on firearms trafficking through existing channels;",
    "Requests the Secretary-General to report to it at its seventy-seventh session on the implementation of the present resolution;",
    "Decides to include in the provisional agenda of its seventy-seventh session the item entitled \"Cooperation\".",
]


def _text(ops: list[str], tail: str = "") -> str:
    body = "\n".join(f"{k}.\t{t}\n" for k, t in enumerate(ops, 1))
    return HEAD + "\n" + body + tail


def _diff(tmp_path, old: str, new: str):
    a, b = tmp_path / "old.docx", tmp_path / "new.docx"
    write_draft(a, old)
    write_draft(b, new)
    return diff_files(a, b)


def _lines(rl) -> list[tuple[str, str, str]]:
    """(old label, new label, status) as the text map prints them."""
    out = []
    text = rl.to_text()
    for e in rl.paragraphs:
        row = (e.old_label or "-", e.new_label or "-", status_text(e))
        assert row[2] in text
        out.append(row)
    return out


def test_closing_lines_added_and_changed_are_labelled_closing(tmp_path):
    old = _text(OPS, "\n62nd plenary meeting\n26 November 2018\n")
    new = _text(OPS + ["Also decides to remain seized of the matter."], "\n80th plenary meeting\n2 December 2020\n")
    rl = _diff(tmp_path, old, new)
    lines = _lines(rl)
    assert ("-", "OP 5", "added") in lines
    closing = [x for x in lines if "closing" in x[:2]]
    assert closing and all(x[0] in ("closing", "-") and x[1] in ("closing", "-") for x in closing)
    assert not any(x[1] == "OP 6" or x[0] == "OP 6" for x in lines)
    # only the meeting number and the date changed: the closing lines are the old ones, modified
    assert ("closing", "closing", "modified") in lines
    rows = rl.to_json()["paragraphs"]
    assert [r["new_label"] for r in rows if r["status"] == "modified"].count("closing") == 2
    assert "OP 6" not in rl.to_html()


def test_closing_lines_of_an_adopted_text_against_its_draft(tmp_path):
    rl = _diff(tmp_path, _text(OPS), _text(OPS, "\n80th plenary meeting\n2 December 2020\n"))
    assert [x for x in _lines(rl) if x[2] != "unchanged"] == [("-", "closing", "added")] * 2


def test_exact_move_and_reworded_move(tmp_path):
    moved = [OPS[1], OPS[2], OPS[0], OPS[3]]
    rl = _diff(tmp_path, _text(OPS), _text(moved))
    assert ("OP 1", "OP 3", "moved") in _lines(rl)
    reworded = [OPS[1], OPS[2], OPS[0].replace("Welcomes", "Welcomes with appreciation"), OPS[3]]
    rl = _diff(tmp_path, _text(OPS), _text(reworded))
    assert ("OP 1", "OP 3", "moved, modified") in _lines(rl)
    row = next(r for r in rl.to_json()["paragraphs"] if r["status"] == "moved")
    assert row["modified"] is True and row["old_label"] == "OP 1"
    assert "moved, modified from OP 1" in rl.to_html()


def test_unrelated_dropped_and_added_paragraphs_are_not_a_move(tmp_path):
    # the same words as OPS[0], in another order and sense: a bag of words matches, the text does not
    other = ("Organizations report on the two cooperation between the Secretary-General "
             "and welcomes the;")
    new = [OPS[1], OPS[2], other, OPS[3]]
    rl = _diff(tmp_path, _text(OPS), _text(new))
    lines = [x for x in _lines(rl) if x[2] != "unchanged"]
    assert not any(x[2].startswith("moved") for x in lines), lines
    assert ("OP 1", "-", "deleted") in lines and ("-", "OP 3", "added") in lines
    assert rl.counts["moved"] == 0 and rl.counts["deleted"] == 1 and rl.counts["added"] == 1
    assert MOVE_KEPT == 0.5


def test_kept_share(tmp_path):
    rl = _diff(tmp_path, _text(OPS), _text([OPS[1], OPS[2], OPS[0], OPS[3]]))
    e = next(e for e in rl.paragraphs if e.status == "moved")
    assert 0.9 <= kept_share(e.ops) < 1.0  # all words kept but the typed number
