"""Reading a .docx package for the redline: its parts, main document and footnotes.

Files are opened through the core's guarded reader (:class:`resolint.ooxml.package.Package`:
zip-bomb limits, OLE and encryption detection, no DTD or entity), so an unreadable
input raises :class:`resolint.errors.InputError` with the same one-line message as
everywhere else in resolint. Every part is inflated once and every XML part parsed at
most once; parts the redline does not touch are copied through as the bytes read.

Both inputs are read in their *accepted* view: revisions already pending in a file
(``w:ins``, ``w:del``, moves, formatting changes) are accepted before comparing, so
the redline is drawn between the two texts a reader sees with all changes accepted.
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from ..errors import InputError
from ..ooxml.ns import REL_FOOTNOTES, REL_NUMBERING, REL_STYLES, w
from ..ooxml.package import DEFAULT_LIMITS, Limits
from ..ooxml.package import Package as CorePackage
from ..ooxml.package import parse_xml as _core_parse


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass
class Docx:
    """The parts of a .docx, with the main document and footnotes parsed (accepted view).

    ``parts`` holds the raw bytes of the parts that were read (all of them for a
    package the redline is written from, see ``read_package(all_parts=True)``).
    """

    path: str
    parts: dict[str, bytes]
    order: list[str]
    document_name: str
    document: etree._Element
    footnotes_name: str | None = None
    footnotes: etree._Element | None = None
    styles_name: str | None = None
    numbering_name: str | None = None
    extra: dict[str, etree._Element] = field(default_factory=dict)
    #: parts of ``extra`` changed by the redline (written from their tree, the others copied)
    changed: set[str] = field(default_factory=set)
    #: compressed entries as stored in the file, copied as they are into the output
    raw: dict[str, Raw] = field(default_factory=dict)

    rels_name = staticmethod(CorePackage.rels_name)

    def part_xml(self, name: str | None, *, change: bool = False) -> etree._Element | None:
        """A part parsed (once), or None if absent; ``change=True`` when the caller edits the
        tree, which is then written out instead of the part's original bytes."""
        if name is None:
            return None
        if change:
            self.changed.add(name)
        if name in self.extra:
            return self.extra[name]
        data = self.parts.get(name)
        if data is None:
            return None
        root = _core_parse(data, f"{self.path}:{name}")
        self.extra[name] = root
        return root


def read_package(path, limits: Limits = DEFAULT_LIMITS, *, all_parts: bool = True) -> Docx:
    """Open ``path`` as a WordprocessingML package; raise :class:`InputError` when it is not one.

    With ``all_parts=False`` only the parts the comparison reads (main document and
    footnotes) are inflated: enough for OLD, whose package is not written out.
    """
    with CorePackage(path, limits) as pkg:
        doc_name = pkg.main_part
        order = [n for n in pkg.names() if not n.endswith("/")]
        fn_name = pkg.related(doc_name, REL_FOOTNOTES)
        wanted = order if all_parts else [n for n in (doc_name, fn_name) if n]
        parts = {name: pkg.read(name) for name in wanted}
        docx = Docx(path=str(pkg.path.name), parts=parts, order=order, document_name=doc_name,
                    document=None,  # type: ignore[arg-type]
                    styles_name=pkg.related(doc_name, REL_STYLES),
                    numbering_name=pkg.related(doc_name, REL_NUMBERING))
        document = docx.part_xml(doc_name)
        if document is None or document.find(_BODY) is None:
            raise InputError(f"{path}: not a Word document: no w:body in {doc_name}")
        docx.document = document
        if fn_name is not None:
            docx.footnotes_name = fn_name
            docx.footnotes = docx.part_xml(fn_name)
    if all_parts:
        docx.raw = _raw_entries(pkg.path, parts)
    # the trees are written from their own fields, not from ``extra``
    docx.extra.pop(doc_name, None)
    if fn_name is not None:
        docx.extra.pop(fn_name, None)
    accept_pending(docx.document)
    if docx.footnotes is not None:
        accept_pending(docx.footnotes)
    return docx


@dataclass(frozen=True)
class Raw:
    """A zip entry's compressed bytes, with what its headers say about them."""

    method: int
    crc: int
    size: int
    data: bytes


def _raw_entries(path, parts: dict[str, bytes]) -> dict[str, Raw]:
    """Compressed bytes of the entries whose content was read (and so checked) in ``parts``.

    An entry is kept only when it is plainly stored or deflated, unencrypted, and its CRC
    matches the content read; otherwise it is compressed again when written.
    """
    out: dict[str, Raw] = {}
    try:
        with open(path, "rb") as fh, zipfile.ZipFile(fh) as zf:
            for info in zf.infolist():
                data = parts.get(info.filename)
                if (data is None or info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED,
                                                                                         zipfile.ZIP_DEFLATED)
                        or info.file_size != len(data) or info.compress_size > 2 * len(data) + 1024):
                    continue
                fh.seek(info.header_offset)
                head = fh.read(30)
                if len(head) != 30 or head[:4] != b"PK\x03\x04":
                    continue
                n, m = struct.unpack("<HH", head[26:30])
                fh.seek(info.header_offset + 30 + n + m)
                blob = fh.read(info.compress_size)
                if len(blob) == info.compress_size and zlib.crc32(data) == info.CRC:
                    out[info.filename] = Raw(info.compress_type, info.CRC, len(data), blob)
    except (OSError, zipfile.BadZipFile, struct.error, ValueError):
        return {}
    return out


def zip_bytes(entries: list[tuple[str, bytes | Raw]]) -> bytes:
    """A zip of ``entries`` in the order given, like :func:`resolint.ooxml.zipwrite.package_bytes`
    (fixed timestamp and permissions), copying :class:`Raw` entries without recompressing them."""
    from ..ooxml.zipwrite import FIXED_DATE

    y, mo, d, h, mi, sec = FIXED_DATE
    dos_time = h << 11 | mi << 5 | sec // 2
    dos_date = (y - 1980) << 9 | mo << 5 | d
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, content in entries:
        if isinstance(content, Raw):
            method, crc, size, blob = content.method, content.crc, content.size, content.data
        else:
            comp = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
            method, crc, size = zipfile.ZIP_DEFLATED, zlib.crc32(content), len(content)
            blob = comp.compress(content) + comp.flush()
        try:
            fname, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            fname, flags = name.encode("utf-8"), 0x800
        if max(offset, len(blob), size) >= 0xFFFFFFFF:
            raise ValueError("package too large for a zip without ZIP64")
        local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, method, dos_time, dos_date,
                            crc, len(blob), size, len(fname), 0)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, flags, method, dos_time, dos_date,
                                   crc, len(blob), size, len(fname), 0, 0, 0, 0, 0o644 << 16, offset) + fname)
        chunks += (local, fname, blob)
        offset += len(local) + len(fname) + len(blob)
    cd = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), len(cd), offset, 0)
    return b"".join(chunks) + cd + end


_BODY = w("body")
_RPR = w("rPr")
_DROP_WITH_CONTENT = {w("del"), w("moveFrom")}
_UNWRAP = {w("ins"), w("moveTo")}
_DROP_EMPTY = {
    w("rPrChange"), w("pPrChange"), w("sectPrChange"), w("tblPrChange"), w("trPrChange"),
    w("tcPrChange"), w("tblGridChange"), w("tblPrExChange"), w("numberingChange"),
    w("moveFromRangeStart"), w("moveFromRangeEnd"), w("moveToRangeStart"), w("moveToRangeEnd"),
    w("customXmlInsRangeStart"), w("customXmlInsRangeEnd"),
    w("customXmlDelRangeStart"), w("customXmlDelRangeEnd"),
}


def accept_pending(root: etree._Element) -> None:
    """Accept, in place, the revisions already pending in a part (not paragraph-mark joins)."""
    for el in list(root.iter(*_DROP_EMPTY)):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    for el in list(root.iter(*(_DROP_WITH_CONTENT | _UNWRAP))):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == _RPR:
            # a paragraph mark or run property flag: accepting keeps the mark as it is
            parent.remove(el)
            continue
        if el.tag in _DROP_WITH_CONTENT:
            parent.remove(el)
            continue
        idx = parent.index(el)
        for child in list(el):
            parent.insert(idx, child)
            idx += 1
        parent.remove(el)
