"""The text resolint reads equals LibreOffice's, paragraph by paragraph, for every sample and
every real file of ../shared/interop (body and footnotes), or the list below says why not.

Compared without white space (LibreOffice's paragraph strings drop line breaks and tabs
where resolint keeps them) and without footnote marks (a note is not text to LibreOffice);
typed paragraph numbers are put back in front, since resolint keeps them apart.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest

from resolint.loader import load_document
from resolint.model import MARK
from resolint.ooxml.symbol_fonts import shown

pytestmark = pytest.mark.libreoffice

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RESOLINT_SHARED", ROOT.parent / "shared"))

#: Files left out, and why.
NOT_COMPARED = {
    "poi-stress010-CEDAW-ar.docx": "LibreOffice 7.4 driven through UNO does not load it (the session dies)",
    "poi-stress010-CEDAW-ar.lo74-resaved.docx": "LibreOffice 7.4 driven through UNO does not load it",
}

#: Files whose symbols (``w:sym``) LibreOffice exports as the font's private-use code points
#: (U+F0xx), and the font they are set in: their codes are read through that font's chart.
SYMBOL_FONT = {
    "oxsdk-background-texture-wsym.docx": "Wingdings",
    "oxsdk-BackgroundReport-WGIG.docx": "Symbol",
    "oxsdk-BackgroundReport-WGIG.iii-to-iv.docx": "Symbol",
}


def _files() -> list[Path]:
    files = sorted((ROOT / "samples").glob("*.docx"))
    if (SHARED / "interop").is_dir():
        files += sorted((SHARED / "interop").glob("*/*.docx"))
    return [f for f in files if f.name not in NOT_COMPARED]


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace(MARK, "").replace("\u00ad", ""))
    return re.sub(r"\s+", "", text)


def _ours(path: Path) -> tuple[list[str], list[str]]:
    doc = load_document(path)
    body = [_norm((p.number or "") * (p.number_source == "typed") + p.text) for p in doc.paragraphs]
    # One string a footnote, its paragraphs joined (LibreOffice gives a footnote's whole text).
    # A custom mark ("*") typed at the start of its footnote is the footnote's label to resolint
    # (FN *) and text to LibreOffice: put it back.
    notes = []
    for fn in doc.footnotes:
        text = "".join(_norm(fp.text) for fp in fn.paragraphs)
        if fn.number and not fn.number.isdigit() and text:
            text = _norm(fn.number) + text
        notes.append(text)
    return [t for t in body if t], [t for t in notes if t]


@pytest.fixture(scope="module", autouse=True)
def _office():
    from support import libreoffice as lo

    lo.require()
    yield


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_text_as_libreoffice_reads_it(path: Path) -> None:
    from support import libreoffice as lo

    theirs = lo.texts(path)
    assert theirs["loaded"], theirs.get("error")
    body, notes = _ours(path)
    font = SYMBOL_FONT.get(path.name)
    if font:
        pua = re.compile("[\uf020-\uf0ff]")
        theirs["body"] = [pua.sub(lambda m: shown(font, f"{ord(m.group()):X}"), t) for t in theirs["body"]]
    assert body == [t for t in map(_norm, theirs["body"]) if t]
    # resolint lists footnotes by their numbers, custom marks last; LibreOffice in the text's order.
    assert sorted(notes) == sorted(t for t in map(_norm, theirs["footnotes"]) if t)
