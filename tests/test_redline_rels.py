"""Deleted text keeps its hyperlinks and images: their relationships (and the image
part, with its content type) are copied from OLD into the redline under fresh ids.

Not covered: a deleted paragraph holding both a footnote and a picture. Its paragraph
mark revision is carried by the paragraph before it (see ``writer._mark_block``), and
LibreOffice 7.4's Accept All then keeps the picture (as it keeps an inserted one on
Reject All in the same layout)."""
from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from datetime import datetime, timezone

import pytest
from lxml import etree

from resolint.redline import diff_files
from resolint.testing.builder import DocBuilder, FootnoteRef, Hyperlink, Image

from support import libreoffice as lo
from support.roundtrip import both_ways

DATE = datetime(2024, 5, 1, tzinfo=timezone.utc)
URL = "https://undocs.org/A/RES/51/1"
FN_URL = "https://undocs.org/A/60/88"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _png(rgb=(200, 30, 30), w=4, h=3) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _doc(path, middle) -> None:
    b = DocBuilder()
    b.paragraph("The General Assembly,")
    if middle is not None:
        b.paragraph(*middle)
    b.paragraph("Welcomes the report of the Secretary-General;")
    b.save(path)


CASES = {
    # a whole paragraph deleted, with a link and a picture
    "paragraph": (["Recalling its resolution ", Hyperlink(URL, "51/1"), " and the map ", Image(_png()), " annexed,"],
                  None),
    # a whole paragraph deleted with its footnote, which holds a link (footnotes.xml's relationships)
    "footnote": (["Recalling its resolution ", Hyperlink(URL, "51/1"),
                  FootnoteRef(["See ", Hyperlink(FN_URL, "A/60/88"), "."]), ","], None),
    # the link and the picture deleted inside a paragraph that stays
    "words": (["Recalling its resolution ", Hyperlink(URL, "51/1"), " and the map ", Image(_png()), " annexed,"],
              ["Recalling its resolution annexed,"]),
}


def _pair(tmp_path, name):
    old_mid, new_mid = CASES[name]
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    _doc(old, old_mid)
    _doc(new, new_mid)
    return old, new


def _targets(z: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    rels = etree.fromstring(z.read(posixpath.join(posixpath.dirname(part), "_rels",
                                                  posixpath.basename(part) + ".rels")))
    return {r.get("Id"): (r.get("Target"), r.get("TargetMode", "Internal")) for r in rels.iter(f"{{{PKG}}}Relationship")}


def _ids(root) -> list[str]:
    return [v for el in root.iter() for k, v in el.attrib.items() if k.startswith(f"{{{R}}}")]


@pytest.mark.parametrize("name", sorted(CASES))
def test_relationships_of_deleted_text_are_in_the_redline(tmp_path, name):
    old, new = _pair(tmp_path, name)
    rl = diff_files(old, new, date=DATE)
    z = zipfile.ZipFile(io.BytesIO(rl.docx_bytes()))
    doc = etree.fromstring(z.read("word/document.xml"))
    targets = _targets(z, "word/document.xml")
    ids = _ids(doc)
    assert ids and all(i in targets for i in ids)
    links = [targets[h.get(f"{{{R}}}id")] for h in doc.iter(f"{{{doc.nsmap['w']}}}hyperlink")]
    assert (URL, "External") in links
    blips = [el.get(f"{{{R}}}embed") for el in doc.iter() if el.get(f"{{{R}}}embed")]
    assert len(blips) == (0 if name == "footnote" else 1)
    for blip in blips:
        media = posixpath.normpath(posixpath.join("word", targets[blip][0]))
        assert z.read(media) == _png()
        assert (f'PartName="/{media}"'.encode() in z.read("[Content_Types].xml")
                or b'Extension="png"' in z.read("[Content_Types].xml"))
    if name == "footnote":
        notes = etree.fromstring(z.read("word/footnotes.xml"))
        fn_targets = _targets(z, "word/footnotes.xml")
        assert (FN_URL, "External") in [fn_targets[i] for i in _ids(notes)]


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", sorted(CASES))
def test_reject_all_brings_link_and_picture_back(tmp_path, name):
    lo.require()
    for a, b, accepted, rejected in both_ways(*_pair(tmp_path, name), tmp_path, DATE):
        assert lo.texts(tmp_path / "redline.docx")["loaded"]
        want_new, want_old = lo.texts(b), lo.texts(a)
        for got, want in ((accepted, want_new), (rejected, want_old)):
            assert got["redlines"] == 0
            assert got["body"] == want["body"] and got["footnotes"] == want["footnotes"]
            assert got["links"] == want["links"] and got["images"] == want["images"]
        assert [x[1] for x in want_old["links"] + want_new["links"]].count(URL) == 1
        assert want_old["images"] + want_new["images"] == (0 if name == "footnote" else 1)
