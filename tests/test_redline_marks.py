"""Custom footnote marks (``w:customMarkFollows``) stay in their reference's run.

A formatting change of the run holding a ``*`` reference splits it in the redline
(the reference has no formatting change of its own); the mark must stay in the
reference's run, or Word and LibreOffice show an automatic number instead of ``*``.
"""
from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from resolint.loader import load_document
from resolint.redline import diff_files
from resolint.testing.builder import DocBuilder, FootnoteRef
from resolint.textconv import render

from support import libreoffice as lo
from support.roundtrip import views

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RESOLINT_SHARED", ROOT.parent / "shared"))
MARK = SHARED / "interop" / "custom-mark-footnote"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = datetime(2024, 5, 1, tzinfo=timezone.utc)


def _draft(path: Path, superscript: bool) -> Path:
    b = DocBuilder()
    b.paragraph("The General Assembly,")
    b.paragraph("Recalling its resolution", FootnoteRef("Issued for technical reasons.", custom_mark="*",
                                                        direct_superscript=superscript), " of 2017,")
    b.save(path)
    return path


def _bolder(src: Path, dst: Path) -> Path:
    """``src`` with the run holding the custom-mark reference made bold as Word's Bold
    button does (``w:b`` and ``w:bCs``: a right-to-left run shows ``w:bCs``), nothing else."""
    with zipfile.ZipFile(src) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                ref = root.find(f".//{{{W}}}footnoteReference[@{{{W}}}customMarkFollows]")
                run = ref.getparent()
                rpr = run.find(f"{{{W}}}rPr")
                if rpr is None:
                    rpr = etree.Element(f"{{{W}}}rPr")
                    run.insert(0, rpr)
                rpr.insert(0, etree.Element(f"{{{W}}}bCs"))
                rpr.insert(0, etree.Element(f"{{{W}}}b"))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            z.writestr(info, data)
    dst.write_bytes(out.getvalue())
    return dst


def _mark_runs_whole(docx: bytes) -> None:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    refs = root.findall(f".//{{{W}}}footnoteReference[@{{{W}}}customMarkFollows]")
    assert refs
    for ref in refs:
        nxt = ref.getnext()
        assert nxt is not None and nxt.tag == f"{{{W}}}t" and nxt.text, "custom mark cut from its reference"


def _pairs(tmp_path: Path) -> list[tuple[Path, Path]]:
    # a direct superscript on the reference run is no change (its style gives one): made bold
    old = _draft(tmp_path / "old.docx", False)
    pairs = [(old, _bolder(_draft(tmp_path / "new.docx", True), tmp_path / "new-bold.docx"))]
    if MARK.is_dir():
        old = MARK / "poi-stress011-CRC-C-GC-20-ar.docx"
        pairs.append((old, _bolder(old, tmp_path / "crc-bold.docx")))
    return pairs


def test_custom_mark_kept_with_its_reference(tmp_path):
    for old, new in _pairs(tmp_path):
        for a, b in ((old, new), (new, old)):
            rl = diff_files(a, b, date=DATE)
            assert rl.counts["modified"] == 1
            data = rl.docx_bytes()
            assert b"rPrChange" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
            _mark_runs_whole(data)
            red = tmp_path / "redline.docx"
            red.write_bytes(data)
            accepted = render(load_document(red))
            assert accepted == render(load_document(b))
            assert "^*[" in accepted  # the custom mark, not a number


@pytest.mark.libreoffice
def test_custom_mark_accept_reject_in_libreoffice(tmp_path):
    lo.require()
    for old, new in _pairs(tmp_path):
        rl = diff_files(old, new, date=DATE)
        red = tmp_path / "redline.docx"
        red.write_bytes(rl.docx_bytes())
        accepted, rejected = views(red)
        want_new, want_old = lo.texts(new), lo.texts(old)
        assert accepted["loaded"] and accepted["redlines"] == 0
        assert accepted["body"] == want_new["body"] and accepted["footnotes"] == want_new["footnotes"]
        assert rejected["body"] == want_old["body"] and rejected["footnotes"] == want_old["footnotes"]
