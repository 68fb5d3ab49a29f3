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

pytestmark = pytest.mark.libreoffice

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RESOLINT_SHARED", ROOT.parent / "shared"))

#: Files left out, and why.
NOT_COMPARED = {
    "poi-stress010-CEDAW-ar.docx": "LibreOffice 7.4 driven through UNO does not load it (the session dies)",
    "poi-stress010-CEDAW-ar.lo74-resaved.docx": "LibreOffice 7.4 driven through UNO does not load it",
    "oxsdk-background-texture-wsym.docx": "a Wingdings w:sym is read as the letter of its code (F04C: 'L'); "
                                          "symbol fonts are not mapped to Unicode yet",
    "oxsdk-BackgroundReport-WGIG.docx": "Greek set in the Symbol font ('kybernao' written with Latin letters): "
                                        "LibreOffice gives the font's private-use code points, resolint the "
                                        "letters; symbol fonts are not mapped to Unicode yet",
    "oxsdk-BackgroundReport-WGIG.iii-to-iv.docx": "the same file with one typed number changed",
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
    notes = [_norm(fp.text) for fn in doc.footnotes for fp in fn.paragraphs]
    # A custom mark ("*") typed at the start of its footnote is the footnote's label to resolint
    # (FN *) and text to LibreOffice: put it back.
    for fn in doc.footnotes:
        if fn.number and not fn.number.isdigit() and fn.paragraphs:
            i = notes.index(_norm(fn.paragraphs[0].text)) if _norm(fn.paragraphs[0].text) in notes else -1
            if i >= 0:
                notes[i] = _norm(fn.number) + notes[i]
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
    assert body == [t for t in map(_norm, theirs["body"]) if t]
    # resolint lists footnotes by their numbers, custom marks last; LibreOffice in the text's order.
    assert sorted(notes) == sorted(t for t in map(_norm, theirs["footnotes"]) if t)
