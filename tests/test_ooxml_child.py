"""The reader's child lookup finds what lxml's ``find`` finds."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from resolint.ooxml.ns import first_child, w

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.docx"))
TAGS = [w(t) for t in ("pPr", "rPr", "pStyle", "numPr", "numId", "ilvl", "lang", "i", "t", "ins", "del")]


def test_first_child_is_what_find_gives() -> None:
    found = 0
    for path in SAMPLES:
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        for el in root.iter():
            for tag in TAGS:
                want = el.find(tag)
                assert first_child(el, tag) is want
                found += want is not None
    assert found > 1000
