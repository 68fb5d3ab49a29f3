"""Word-level readability: a moved word is shown as that word moved, and a paragraph
rewritten beyond the threshold is one deletion and one insertion."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from resolint.redline import diff_files
from resolint.redline.words import REWRITE_KEPT, op_summary
from resolint.testing.draft import write_draft

from support import libreoffice as lo
from support.roundtrip import both_ways

DATE = datetime(2024, 5, 1, tzinfo=timezone.utc)
HEAD = "The Security Council,\n\n"
MOVED_WORD = ("1.\tCalls upon all parties to fully co-operate with the Mission;\n",
              "1.\tCalls upon all parties to co-operate fully with the Mission;\n")
REWRITE = ("Recalling its resolution 425 (1978) on the situation in the region and the reports of the "
           "Secretary-General on the activities of the Force,\n",
           "Expressing deep concern at the situation in the region and at the attacks of armed groups "
           "against the personnel of the Force and (1978) its facilities,\n")
#: A mandate renewal: only the numbers and the date changed (most of the paragraph's words).
NUMBERS = ("Recalling its resolution 701 (1991) of 31 July 1991,\n",
           "Recalling its resolution 734 (1992) of 29 January 1992,\n")


def _pair(tmp_path, texts):
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    write_draft(old, HEAD + texts[0])
    write_draft(new, HEAD + texts[1])
    return old, new


def _changed(rl):
    return [op_summary(e.ops) for e in rl.paragraphs if e.status != "unchanged"]


def _marked(chunks) -> int:
    return sum(len(c["text"]) for c in chunks if c["op"] != "=")


def test_moved_word_is_the_word_moved(tmp_path):
    (chunks,) = _changed(diff_files(*_pair(tmp_path, MOVED_WORD)))
    kept = " ".join(c["text"] for c in chunks if c["op"] == "=")
    assert "co-operate" in kept or "fully" in kept
    # one word deleted and inserted (with its space), not the phrase "fully co-operate"
    assert _marked(chunks) <= len(" co-operate") * 2
    assert not any("fully co-operate" in c["text"] for c in chunks if c["op"] != "=")


def test_rewritten_paragraph_is_one_deletion_and_one_insertion(tmp_path):
    rl = diff_files(*_pair(tmp_path, REWRITE))
    (chunks,) = _changed(rl)
    assert [c["op"] for c in chunks] == ["-", "+"]
    assert chunks[0]["text"] == REWRITE[0].strip() and chunks[1]["text"] == REWRITE[1].strip()
    assert rl.counts["modified"] == 1 and REWRITE_KEPT == 0.5


def test_light_edit_stays_word_by_word(tmp_path):
    texts = (REWRITE[0], REWRITE[0].replace("reports", "latest reports"))
    (chunks,) = _changed(diff_files(*_pair(tmp_path, texts)))
    assert [c for c in chunks if c["op"] != "="] == [{"op": "+", "text": "latest "}]


def test_numbers_and_date_changed_are_marked_alone(tmp_path):
    """Not one deletion and one insertion: the paragraph is the old one with new numbers."""
    rl = diff_files(*_pair(tmp_path, NUMBERS))
    (chunks,) = _changed(rl)
    assert rl.counts["modified"] == 1 and rl.counts["added"] == 0 and rl.counts["deleted"] == 0
    marked = {c["op"] + c["text"] for c in chunks if c["op"] != "="}
    assert {"-701", "+734", "-31 July 1991", "+29 January 1992"} <= marked
    assert _marked(chunks) < len(NUMBERS[0])


@pytest.mark.libreoffice
@pytest.mark.parametrize("texts", [MOVED_WORD, REWRITE, NUMBERS], ids=["moved-word", "rewrite", "numbers"])
def test_accept_and_reject_exact(tmp_path, texts):
    lo.require()
    for a, b, accepted, rejected in both_ways(*_pair(tmp_path, texts), tmp_path, DATE):
        assert accepted["body"] == lo.texts(b)["body"] and rejected["body"] == lo.texts(a)["body"]
        assert accepted["redlines"] == 0 and rejected["redlines"] == 0
