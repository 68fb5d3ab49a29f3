"""The text output lets a drafter find each finding with Word's Find: the flagged text between
» and « with the words around it, and which occurrence it is when it occurs more than once."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from resolint.cli import main
from resolint.loader import load_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
_SHOWN = re.compile(r"^    “(?P<left>.*?)»(?P<flag>.*?)«(?P<right>.*?)”(?: \((?P<nth>\d+)\w\w of (?P<of>\d+) in the paragraph\))?$")
_LINE = re.compile(r"^(?P<path>.+?):(?P<para>\d+):(?P<col>\d+): (?P<code>\S+) \[(?P<label>[^\]]+)\] (?P<sev>\w+): ")


@pytest.mark.parametrize("name", ["A-RES-75-10-fr.docx", "interpol-cooperation-en.docx"])
def test_each_finding_can_be_found_in_its_paragraph(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / name
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    doc = load_document(path)
    checked = 0
    for head, shown in zip(lines, lines[1:]):
        m = _LINE.match(head)
        if not m:
            continue
        s = _SHOWN.match(shown)
        if s is None:
            assert shown.endswith("(the whole paragraph)"), shown
            continue
        text = doc.part(int(m["para"])).text.replace("\n", " ").replace("\t", " ")
        flag = s["flag"]
        occurrences = text.count(flag)
        assert occurrences >= 1, (head, flag)
        if occurrences > 1:
            assert s["of"] == str(occurrences), shown  # the output says which one it means
        left = s["left"].lstrip("…")
        assert (left + flag) in text and (flag + s["right"].rstrip("…")) in text, shown
        checked += 1
    assert checked >= 3


def test_concise_keeps_one_line_per_finding(capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / "A-RES-75-10-fr.docx"
    assert main(["check", str(path), "--format", "concise"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("Found ")
    assert all(_LINE.match(line) for line in lines[:-1])
    assert main(["check", str(path)]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 2 * (len(lines) - 1) + 1
