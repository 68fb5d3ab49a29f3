"""A corpus of hostile, broken and unusual .docx files, generated on demand.

Nothing here is downloaded: every file is built from a small valid draft (made with
:mod:`resolint.testing.draft`) by editing its parts, or written byte by byte (zip
archives with forged headers, OLE compound files). Each ``make_*`` function writes one
file into the folder it is given and returns its path.
"""
from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from resolint.ooxml.zipwrite import package_bytes
from resolint.testing.draft import draft_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_DOC = "word/document.xml"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"
CT_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"

BASE_DRAFT = """
# Cooperation between the United Nations and regional organizations
The General Assembly,
*Recalling* its resolution 73/11 of 26 October 2018,^[Resolution 73/11.]
*Noting* the report of the Secretary-General,^[#fn2: A/73/100.]
@1. *Decides* to continue the cooperation;
@(a) through regular meetings^ref[fn2];
@(b) through joint reports;
@2. *Requests* the Secretary-General to report {+annually+}{-biennially-} on the matter.
"""


# --------------------------------------------------------------------------- parts


@functools.lru_cache(maxsize=None)
def base_bytes() -> bytes:
    """A small valid English draft: title, formula, footnotes, NOTEREF, automatic numbers, revisions."""
    return draft_bytes(BASE_DRAFT, "en")


def read_parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]


def part(data: bytes, name: str) -> bytes:
    return dict(read_parts(data))[name]


def edit(data: bytes, replace: dict[str, bytes | None] | None = None,
         add: Iterable[tuple[str, bytes]] = ()) -> bytes:
    """Repack ``data`` with parts replaced (``None`` drops a part) and parts added."""
    replace = replace or {}
    out = []
    for name, blob in read_parts(data):
        if name in replace:
            if replace[name] is None:
                continue
            blob = replace[name]  # type: ignore[assignment]
        out.append((name, blob))
    out.extend(add)
    return package_bytes(out)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def with_body(body_xml: str, data: bytes | None = None, keep: bool = False) -> bytes:
    """The base draft with its body content replaced by (or, with ``keep``, extended by) ``body_xml``."""
    data = data or base_bytes()
    doc = part(data, MAIN_DOC).decode("utf-8")
    start = doc.index("<w:body>") + len("<w:body>")
    sect = doc.rindex("<w:sectPr")
    head = doc[:sect] if keep else doc[:start]
    new = head + body_xml + doc[sect:]
    return edit(data, {MAIN_DOC: new.encode("utf-8")})


def para(text: str, ppr: str = "", rpr: str = "") -> str:
    """One ``w:p`` with one run of ``text`` (XML-escaped)."""
    from xml.sax.saxutils import escape

    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:p>{ppr_xml}<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


# --------------------------------------------------------------------------- raw zip


@dataclass
class RawEntry:
    """One zip entry written as given: ``payload`` is already compressed; sizes may lie."""

    name: str
    payload: bytes
    usize: int  # declared uncompressed size
    crc: int = 0
    method: int = zipfile.ZIP_DEFLATED
    csize: int | None = None  # declared compressed size (default: the payload's length)


def raw_zip(entries: Iterable[RawEntry]) -> bytes:
    """A zip archive whose headers say exactly what the entries declare."""
    body = io.BytesIO()
    central = io.BytesIO()
    count = 0
    for e in entries:
        name = e.name.encode("utf-8")
        csize = len(e.payload) if e.csize is None else e.csize
        offset = body.tell()
        body.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, e.method, 0, 0x21,
                               e.crc, csize, e.usize, len(name), 0))
        body.write(name)
        body.write(e.payload)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, e.method, 0, 0x21,
                                  e.crc, csize, e.usize, len(name), 0, 0, 0, 0, 0o644 << 16, offset))
        central.write(name)
        count += 1
    cd = central.getvalue()
    start = body.tell()
    body.write(cd)
    body.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, min(count, 0xFFFF), min(count, 0xFFFF), len(cd), start, 0))
    return body.getvalue()


def deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


@functools.lru_cache(maxsize=8)
def deflated_zeros(mebibytes: int) -> tuple[bytes, int]:
    """Raw deflate of ``mebibytes`` MiB of zero bytes, and its CRC-32, without compressing them all.

    After a full flush a deflate stream starts afresh, so the compressed form of one MiB
    can be repeated; the result inflates to exactly ``mebibytes`` MiB.
    """
    chunk = bytes(1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(chunk, crc)
    return block * mebibytes + tail, crc


def _base_entries(skip: Iterable[str] = ()) -> list[RawEntry]:
    skip = set(skip)
    out = []
    for name, blob in read_parts(base_bytes()):
        if name not in skip:
            out.append(RawEntry(name, deflate(blob), len(blob), zlib.crc32(blob)))
    return out


# --------------------------------------------------------------------------- OLE compound files


def ole_file(streams: dict[str, bytes], directory_last: bool = False) -> bytes:
    """A minimal OLE2 compound file (version 3, 512-byte sectors) holding ``streams``.

    Streams are padded to 4096 bytes at least so that none lives in the mini stream.
    ``directory_last`` puts the directory after the stream data, as large files have it.
    """
    sec = 512
    free, end, fatsect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    datas = {n: streams[n] + bytes(max(0, 4096 - len(streams[n]))) for n in names}
    datas = {n: d + bytes(-len(d) % sec) for n, d in datas.items()}
    n_dir = (len(names) + 1 + 3) // 4
    data_sectors = sum(len(d) // sec for d in datas.values())
    n_fat = 1
    while (n_fat + n_dir + data_sectors) > n_fat * (sec // 4):
        n_fat += 1
    fat: list[int] = [fatsect] * n_fat
    order = (["data", "dir"] if directory_last else ["dir", "data"])
    starts: dict[str, int] = {}
    dir_start = 0
    for kind in order:
        if kind == "dir":
            dir_start = len(fat)
            fat.extend(range(len(fat) + 1, len(fat) + n_dir))
            fat.append(end)
        else:
            for n in names:
                count = len(datas[n]) // sec
                starts[n] = len(fat)
                fat.extend(range(len(fat) + 1, len(fat) + count))
                fat.append(end)
    fat.extend([free] * (n_fat * (sec // 4) - len(fat)))

    def entry(name: str, typ: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB3L", len(raw), typ, 1, free, right, child)
                + bytes(16) + bytes(4) + bytes(16) + struct.pack("<LQ", start, size))

    entries = [entry("Root Entry", 5, 1 if names else free, free, end, 0)]
    for i, n in enumerate(names):
        right = i + 2 if i + 1 < len(names) else free
        entries.append(entry(n, 2, free, right, starts[n], len(streams[n])))
    while len(entries) < n_dir * 4:
        entries.append(bytes(64) + struct.pack("<HBB3L", 0, 0, 0, free, free, free) + bytes(52))
    directory = b"".join(entries)

    difat = [i for i in range(n_fat)] + [free] * (109 - n_fat)
    header = struct.pack("<8s16s5H6s6L", bytes.fromhex("d0cf11e0a1b11ae1"), bytes(16), 0x3E, 3, 0xFFFE,
                         9, 6, bytes(6), 0, n_fat, dir_start, 0, 4096, end) + struct.pack("<3L", 0, end, 0)
    header += struct.pack("<109L", *difat)
    assert len(header) == 512
    out = io.BytesIO()
    out.write(header)
    out.write(struct.pack(f"<{len(fat)}L", *fat))
    for kind in order:
        if kind == "dir":
            out.write(directory)
        else:
            for n in names:
                out.write(datas[n])
    return out.getvalue()


# --------------------------------------------------------------------------- broken inputs


def make_not_a_zip(folder: Path) -> Path:
    return write(folder, "notes.docx", b"Draft resolution, see attached.\n" * 20)


def make_truncated_zip(folder: Path) -> Path:
    data = base_bytes()
    return write(folder, "truncated.docx", data[: len(data) // 2])


def make_truncated_tail(folder: Path) -> Path:
    """The end-of-central-directory record lost: only the last 10 bytes missing."""
    data = base_bytes()
    return write(folder, "truncated-tail.docx", data[:-10])


def make_legacy_doc(folder: Path) -> Path:
    return write(folder, "old.docx", ole_file({"WordDocument": b"\xec\xa5" + bytes(4094), "1Table": bytes(4096)}))


def make_encrypted(folder: Path) -> Path:
    streams = {"EncryptionInfo": struct.pack("<HHL", 4, 4, 0x40) + b"<encryption/>",
               "EncryptedPackage": struct.pack("<Q", 20000) + bytes(8192)}
    return write(folder, "encrypted.docx", ole_file(streams))


def make_encrypted_large(folder: Path) -> Path:
    """An encrypted document whose directory comes after 6 MB of encrypted data."""
    streams = {"EncryptionInfo": struct.pack("<HHL", 4, 4, 0x40) + b"<encryption/>",
               "EncryptedPackage": struct.pack("<Q", 6 << 20) + bytes(6 << 20)}
    return write(folder, "encrypted-large.docx", ole_file(streams, directory_last=True))


def make_missing_document(folder: Path) -> Path:
    return write(folder, "no-document.docx", edit(base_bytes(), {MAIN_DOC: None}))


def make_main_rel_to_missing_part(folder: Path) -> Path:
    """The package relationship names word/main.xml, which is not there (nor document.xml)."""
    rels = part(base_bytes(), "_rels/.rels").replace(b"word/document.xml", b"word/main.xml")
    return write(folder, "dangling-main.docx", edit(base_bytes(), {"_rels/.rels": rels, MAIN_DOC: None}))


def make_no_body(folder: Path) -> Path:
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"/>'.encode()
    return write(folder, "no-body.docx", edit(base_bytes(), {MAIN_DOC: doc}))


def make_empty(folder: Path) -> Path:
    return write(folder, "empty.docx", b"")


def make_empty_zip(folder: Path) -> Path:
    return write(folder, "empty-zip.docx", package_bytes([]))


def make_directory(folder: Path) -> Path:
    path = folder / "folder.docx"
    path.mkdir()
    (path / "word").mkdir()
    (path / "word" / "document.xml").write_bytes(part(base_bytes(), MAIN_DOC))
    return path


def make_zip_password(folder: Path) -> Path:
    """A zip whose document entry has the 'encrypted' flag (traditional zip password)."""
    entries = _base_entries()
    data = raw_zip(entries)
    # Set general-purpose bit 0 on every local and central header.
    data = data.replace(b"PK\x03\x04\x14\x00\x00\x00", b"PK\x03\x04\x14\x00\x01\x00")
    data = data.replace(b"PK\x01\x02\x14\x00\x14\x00\x00\x00", b"PK\x01\x02\x14\x00\x14\x00\x01\x00")
    return write(folder, "zip-password.docx", data)


def make_unsupported_compression(folder: Path) -> Path:
    entries = _base_entries()
    for e in entries:
        if e.name == MAIN_DOC:
            e.method = 99  # AE-x (WinZip AES): not readable without a password
    return write(folder, "aes.docx", raw_zip(entries))


# --------------------------------------------------------------------------- zip bombs

#: Sizes used by the bombs (MiB); the default limits refuse all of them.
BOMB_DECLARED_MIB = 1024
BOMB_RATIO_MIB = 64
BOMB_LYING_MIB = 512


def make_bomb_declared(folder: Path) -> Path:
    """An honest entry of 1 GiB of zeros (about 1 MB compressed): over the total size limit."""
    payload, crc = deflated_zeros(BOMB_DECLARED_MIB)
    entries = _base_entries() + [RawEntry("word/media/image1.bin", payload, BOMB_DECLARED_MIB << 20, crc)]
    return write(folder, "bomb-declared.docx", raw_zip(entries))


def make_bomb_ratio(folder: Path) -> Path:
    """64 MiB of zeros in ~64 KB: a compression ratio of about 1000:1."""
    payload, crc = deflated_zeros(BOMB_RATIO_MIB)
    entries = _base_entries() + [RawEntry("word/media/image1.bin", payload, BOMB_RATIO_MIB << 20, crc)]
    return write(folder, "bomb-ratio.docx", raw_zip(entries))


def make_bomb_lying(folder: Path) -> Path:
    """word/document.xml declares 2,000 bytes but inflates to 512 MiB of zeros."""
    payload, crc = deflated_zeros(BOMB_LYING_MIB)
    entries = _base_entries(skip=[MAIN_DOC]) + [RawEntry(MAIN_DOC, payload, 2000, crc)]
    return write(folder, "bomb-lying.docx", raw_zip(entries))


def make_bomb_lying_large(folder: Path) -> Path:
    """word/document.xml declares 100 MB (ratio under the limit) but inflates to 512 MiB."""
    payload, crc = deflated_zeros(BOMB_LYING_MIB)
    entries = _base_entries(skip=[MAIN_DOC]) + [
        RawEntry(MAIN_DOC, payload, 100 * 1000 * 1000, crc, csize=len(payload))]
    return write(folder, "bomb-lying-large.docx", raw_zip(entries))


def make_many_entries(folder: Path, count: int = 20_000) -> Path:
    entries = _base_entries()
    empty = deflate(b"")
    entries += [RawEntry(f"customXml/item{i}.xml", empty, 0, 0) for i in range(count)]
    return write(folder, "many-entries.docx", raw_zip(entries))


def make_huge_central_directory(folder: Path, count: int = 60_000) -> Path:
    """Many entries with long names whose end record claims only a handful of them."""
    entries = _base_entries()
    empty = deflate(b"")
    entries += [RawEntry(f"customXml/{'x' * 200}{i}.xml", empty, 0, 0) for i in range(count)]
    data = raw_zip(entries)
    eocd = data.rindex(b"PK\x05\x06")
    head = struct.unpack("<4s4H2LH", data[eocd:eocd + 22])
    forged = struct.pack("<4s4H2LH", head[0], 0, 0, 8, 8, head[5], head[6], 0)
    return write(folder, "huge-central-directory.docx", data[:eocd] + forged)


# --------------------------------------------------------------------------- XML attacks

BILLION_LAUGHS_DTD = (
    '<!DOCTYPE {root} [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n"
)


def _attack_doctype(kind: str, root: str, url: str, secret_uri: str) -> tuple[str, str]:
    """(DOCTYPE text, entity reference to place in the content) for one attack."""
    if kind == "billion-laughs":
        return BILLION_LAUGHS_DTD.format(root=root), "&lol9;"
    if kind == "external-entity":
        return f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{secret_uri}">]>\n', "&xxe;"
    if kind == "external-entity-http":
        return f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{url}/entity">]>\n', "&xxe;"
    if kind == "external-dtd":
        return f'<!DOCTYPE {root} SYSTEM "{url}/external.dtd">\n', ""
    if kind == "parameter-entity":
        return f'<!DOCTYPE {root} [<!ENTITY % remote SYSTEM "{url}/param.dtd"> %remote;]>\n', ""
    raise ValueError(kind)


EMPTY_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              b'relationships/hyperlink" Target="https://undocs.org/" TargetMode="External"/></Relationships>')

ATTACKS = ("billion-laughs", "external-entity", "external-entity-http", "external-dtd", "parameter-entity")

#: Parts of the base draft an attack can be put into (all are XML).
ATTACK_PARTS = (
    "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", MAIN_DOC,
    "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/footnotes.xml",
    "word/_rels/footnotes.xml.rels", "docProps/core.xml",
)


def inject_attack(xml: bytes, kind: str, url: str, secret_uri: str, *, pad: int = 0,
                  encoding: str = "utf-8") -> bytes:
    """``xml`` with a DOCTYPE carrying the attack, and the entity used in its first text node.

    ``pad`` puts a comment of that many characters before the DOCTYPE (past any check of the
    first bytes only); ``encoding="utf-16"`` re-encodes the whole part.
    """
    text = xml.decode("utf-8")
    if text.startswith("<?xml"):
        decl_end = text.index("?>") + 2
        decl, rest = text[:decl_end], text[decl_end:].lstrip()
    else:
        decl, rest = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', text
    root = rest[1:].split(None, 1)[0].rstrip("/>")
    doctype, ref = _attack_doctype(kind, root, url, secret_uri)
    if ref:
        if "<w:t>" in rest or "<w:t " in rest:
            i = rest.index("<w:t")
            j = rest.index(">", i) + 1
            rest = rest[:j] + ref + rest[j:]
        else:
            i = rest.index(">") + 1
            if rest[i - 2] == "/":  # self-closing root
                rest = rest[: i - 2] + ">" + ref + f"</{root}>"
            else:
                rest = rest[:i] + ref + rest[i:]
    comment = f"<!--{'x' * pad}-->\n" if pad else ""
    out = decl + "\n" + comment + doctype + rest
    if encoding != "utf-8":
        out = out.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"', 1)
        return out.encode(encoding)
    return out.encode("utf-8")


def make_xml_attack(folder: Path, part_name: str, kind: str, url: str, secret_uri: str, **kw: object) -> Path:
    data = base_bytes()
    parts = dict(read_parts(data))
    original = parts.get(part_name, EMPTY_RELS)
    attacked = inject_attack(original, kind, url, secret_uri, **kw)  # type: ignore[arg-type]
    safe = part_name.replace("/", "_").replace("[", "").replace("]", "")
    if part_name in parts:
        data = edit(data, {part_name: attacked})
    else:
        data = edit(data, add=[(part_name, attacked)])
    return write(folder, f"attack-{kind}-{safe}.docx", data)


def make_xinclude(folder: Path, secret_uri: str) -> Path:
    body = (f'<w:p xmlns:xi="http://www.w3.org/2001/XInclude"><w:r><w:t>Included: </w:t></w:r>'
            f'<xi:include href="{secret_uri}" parse="text"/></w:p>')
    return write(folder, "xinclude.docx", with_body(body, keep=True))


# --------------------------------------------------------------------------- malformed parts


def make_invalid_xml(folder: Path, part_name: str) -> Path:
    blob = part(base_bytes(), part_name)
    broken = blob[: len(blob) * 2 // 3] + b"<w:p><w:r></w:p>"
    safe = part_name.replace("/", "_")
    return write(folder, f"invalid-{safe}.docx", edit(base_bytes(), {part_name: broken}))


def make_missing_footnote(folder: Path) -> Path:
    """A footnote reference whose id (77) is not in footnotes.xml."""
    body = ('<w:p><w:r><w:t xml:space="preserve">Recalling its resolution 60/1,</w:t></w:r>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteReference w:id="77"/></w:r></w:p>')
    return write(folder, "missing-footnote.docx", with_body(body, keep=True))


def make_footnotes_rel_missing_part(folder: Path) -> Path:
    """References to footnotes, but footnotes.xml itself is missing (its relationship dangles)."""
    return write(folder, "dangling-footnotes.docx", edit(base_bytes(), {"word/footnotes.xml": None}))


def make_undefined_num_id(folder: Path) -> Path:
    body = "".join(para(f"Decides to act, item {i};", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="999"/></w:numPr>')
                   for i in range(3))
    body += para("Notes the report;", '<w:numPr><w:ilvl w:val="7"/><w:numId w:val="1"/></w:numPr>')
    return write(folder, "undefined-numid.docx", with_body(body, keep=True))


def make_bad_numbering_values(folder: Path) -> Path:
    """Numbering with absurd values: huge start, huge ilvl, non-ASCII digits, cyclic style links."""
    data = base_bytes()
    numbering = part(data, "word/numbering.xml").decode()
    numbering = numbering.replace('<w:start w:val="1"/>', '<w:start w:val="999999999"/>', 1)
    numbering = numbering.replace('<w:start w:val="1"/>', '<w:start w:val="' + "9" * 5000 + '"/>', 1)
    numbering = numbering.replace('w:val="%1."', 'w:val="%\u00b2.%9%0%"', 1)
    body = (para("Decides A;", '<w:numPr><w:ilvl w:val="' + "9" * 5000 + '"/><w:numId w:val="1"/></w:numPr>')
            + para("Decides B;", '<w:numPr><w:ilvl w:val="\u00b2"/><w:numId w:val="1"/></w:numPr>')
            + para("Decides C;", '<w:numPr><w:ilvl w:val="-1"/><w:numId w:val="1"/></w:numPr>'))
    data = edit(data, {"word/numbering.xml": numbering.encode()})
    settings = part(data, "word/settings.xml").decode()
    settings = settings.replace("<w:footnotePr>", '<w:footnotePr><w:numFmt w:val="lowerLetter"/>'
                                '<w:numStart w:val="999999999"/>', 1)
    data = edit(data, {"word/settings.xml": settings.encode()})
    return write(folder, "bad-numbering.docx", with_body(body, data, keep=True))


def make_styles_based_on_cycle(folder: Path) -> Path:
    styles = part(base_bytes(), "word/styles.xml").decode()
    extra = ('<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="Loop A"/><w:basedOn w:val="LoopB"/></w:style>'
             '<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="Loop B"/><w:basedOn w:val="LoopA"/>'
             '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    styles = styles.replace("</w:styles>", extra + "</w:styles>")
    data = edit(base_bytes(), {"word/styles.xml": styles.encode()})
    return write(folder, "style-cycle.docx", with_body(para("Decides to act;", '<w:pStyle w:val="LoopA"/>'), data, keep=True))


def make_rel_to_missing_part(folder: Path) -> Path:
    """Styles and numbering relationships pointing to parts that are not in the package."""
    rels = part(base_bytes(), "word/_rels/document.xml.rels").decode()
    rels = rels.replace('Target="styles.xml"', 'Target="missing/styles.xml"')
    rels = rels.replace('Target="numbering.xml"', 'Target="../../../etc/passwd"')
    return write(folder, "rel-missing.docx", edit(base_bytes(), {"word/_rels/document.xml.rels": rels.encode()}))


def make_rel_absolute_outside(folder: Path, secret_path: Path) -> Path:
    """Relationships whose targets are absolute paths and URLs outside the package."""
    rels = part(base_bytes(), "word/_rels/document.xml.rels").decode()
    rels = rels.replace('Target="styles.xml"', f'Target="{secret_path.as_posix()}"')
    rels = rels.replace('Target="footnotes.xml"', f'Target="{secret_path.as_uri()}"')
    return write(folder, "rel-outside.docx", edit(base_bytes(), {"word/_rels/document.xml.rels": rels.encode()}))


def make_broken_fields(folder: Path) -> Path:
    """Unbalanced complex fields, a sym with an impossible code point, an empty fldSimple."""
    body = ('<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>Recalling its resolution 60/1;</w:t></w:r>'
            '<w:r><w:sym w:font="Symbol" w:char="FFFFFFFFFFFFFFFFFFFF"/><w:sym w:char="D800"/><w:sym w:char="zz"/></w:r>'
            '<w:fldSimple/><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>NOTEREF</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r></w:p>'
            + para("Decides to act, the field above never ends;"))
    return write(folder, "broken-fields.docx", with_body(body, keep=True))


def make_unclosed_fields(folder: Path, count: int = 30_000) -> Path:
    """Tens of thousands of fields opened and never closed, each followed by some text."""
    run = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> QUOTE </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>a</w:t></w:r>')
    body = "<w:p>" + run * count + "</w:p>"
    return write(folder, "unclosed-fields.docx", with_body(body, keep=True))


def make_long_instruction(folder: Path, pieces: int = 100_000) -> Path:
    """One field whose instruction is split over 100,000 runs (about 1 MB of instruction text)."""
    body = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            + '<w:r><w:instrText xml:space="preserve"> QUOTE xx</w:instrText></w:r>' * pieces
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    return write(folder, "long-instruction.docx", with_body(body, keep=True))


# --------------------------------------------------------------------------- unusual but valid


def _with_main_type(content_type: str, extra: Iterable[tuple[str, bytes]] = ()) -> bytes:
    data = base_bytes()
    ct = part(data, "[Content_Types].xml").decode().replace(CT_MAIN, content_type)
    return edit(data, {"[Content_Types].xml": ct.encode()}, add=extra)


def make_docm(folder: Path) -> Path:
    data = _with_main_type(CT_MACRO, [("word/vbaProject.bin", ole_file({"VBA": bytes(4096)}))])
    rels = part(data, "word/_rels/document.xml.rels").decode().replace(
        "</Relationships>",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"'
        ' Target="vbaProject.bin"/></Relationships>')
    ct = part(data, "[Content_Types].xml").decode().replace(
        "</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    data = edit(data, {"word/_rels/document.xml.rels": rels.encode(), "[Content_Types].xml": ct.encode()})
    return write(folder, "macro.docm", data)


def make_dotx(folder: Path) -> Path:
    return write(folder, "template.dotx", _with_main_type(CT_TEMPLATE))


RTL = '<w:bidi/>'
ARABIC_LINES = [
    "إن الجمعية العامة،",
    "إذ تشير إلى قرارها 73/11 المؤرخ 26 تشرين الأول/أكتوبر 2018،",
    "1 - تقرر مواصلة التعاون بين الأمم المتحدة والمنظمات الإقليمية؛",
    "2 - تطلب إلى الأمين العام أن يقدم تقريرا عن ذلك‏.",
]
CHINESE_LINES = [
    "联合国与区域组织之间的合作",
    "大会，",
    "回顾其2018年10月26日第73/11号决议，",
    "1. 决定继续联合国与区域组织之间的合作；",
    "2. 请秘书长就此提出报告。",
]


def make_arabic(folder: Path) -> Path:
    """A wholly Arabic, right-to-left draft (w:bidi paragraphs, w:rtl runs, ar-SA language)."""
    body = "".join(para(t, RTL, '<w:rtl/><w:lang w:val="en-US" w:bidi="ar-SA"/>') for t in ARABIC_LINES)
    return write(folder, "arabic.docx", with_body(body))


def make_english_with_rtl(folder: Path) -> Path:
    """An English draft quoting Arabic and Chinese names inside its paragraphs."""
    body = (para("The General Assembly,")
            + para("Recalling the Declaration of (إعلان الدوحة) and of 北京 (Beijing),")
            + '<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t>مرحبا</w:t></w:r>'
              '<w:r><w:t xml:space="preserve"> 1. Decides to remain seized of the matter.</w:t></w:r></w:p>')
    return write(folder, "english-rtl.docx", with_body(body, keep=True))


def make_chinese(folder: Path) -> Path:
    body = "".join(para(t, "", '<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>') for t in CHINESE_LINES)
    return write(folder, "chinese.docx", with_body(body))


def make_long_paragraph(folder: Path, size: int = 1 << 20) -> Path:
    """One preambular paragraph of about 1 MB of ordinary words."""
    words = "the cooperation between the United Nations and regional organizations, "
    text = "Recalling " + words * (size // len(words)) + "and"
    body = para("The General Assembly,") + para(text + ",", rpr="") + para("1. Decides to act.")
    return write(folder, "long-paragraph.docx", with_body(body))


def make_long_word(folder: Path, size: int = 1 << 20) -> Path:
    """One paragraph that is a single 1 MB 'word' with no space (hard on regular expressions)."""
    body = para("The General Assembly,") + para("Recalling " + "a1(" * (size // 3) + ",")
    return write(folder, "long-word.docx", with_body(body))


def many_paragraphs_bytes(count: int = 5000) -> bytes:
    parts = [para("The General Assembly,")]
    for i in range(count - 1):
        if i % 3 == 0:
            parts.append(para(f"Recalling its resolution {i}/1 on cooperation with regional organizations,"))
        else:
            parts.append(para(f"{i}. Decides to continue the cooperation in area number {i};"))
    return with_body("".join(parts))


def make_many_paragraphs(folder: Path, count: int = 5000) -> Path:
    return write(folder, f"paragraphs-{count}.docx", many_paragraphs_bytes(count))


def make_nested_tables(folder: Path, depth: int) -> Path:
    open_ = '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>'
    close = "</w:tc></w:tr></w:tbl>"
    inner = para("Decides to remain seized of the matter.")
    body = para("The General Assembly,") + open_ * depth + inner + ("<w:p/>" + close) * depth
    return write(folder, f"nested-tables-{depth}.docx", with_body(body))


def make_nested_sdt(folder: Path, depth: int) -> Path:
    """Block-level content controls nested ``depth`` deep around one paragraph."""
    body = para("The General Assembly,") + "<w:sdt><w:sdtContent>" * depth + para(
        "Decides to remain seized of the matter.") + "</w:sdtContent></w:sdt>" * depth
    return write(folder, f"nested-sdt-{depth}.docx", with_body(body))


def make_nested_inline(folder: Path, depth: int) -> Path:
    """Run-level wrappers (content controls, smart tags, hyperlinks, revisions) nested ``depth`` deep."""
    wrappers = [("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
                ('<w:smartTag w:uri="urn:x" w:element="place">', "</w:smartTag>"),
                ('<w:hyperlink w:anchor="top">', "</w:hyperlink>"),
                ('<w:ins w:id="1" w:author="A" w:date="2020-01-01T00:00:00Z">', "</w:ins>"),
                ('<w:fldSimple w:instr=" QUOTE x ">', "</w:fldSimple>"),
                ("<w:customXml w:element=\"x\">", "</w:customXml>")]
    opens = "".join(wrappers[i % len(wrappers)][0] for i in range(depth))
    closes = "".join(wrappers[i % len(wrappers)][1] for i in reversed(range(depth)))
    body = (para("The General Assembly,")
            + f"<w:p>{opens}<w:r><w:t>Decides to remain seized of the matter.</w:t></w:r>{closes}</w:p>")
    return write(folder, f"nested-inline-{depth}.docx", with_body(body))


def make_text_boxes(folder: Path) -> Path:
    """Text boxes as Word 2010+ writes them (DrawingML with a VML fallback), and a legacy VML one."""
    txbx = '<w:txbxContent>' + para("Text in a box: Decides to act;") + '</w:txbxContent>'
    drawing = (
        '<w:p><w:r><w:t xml:space="preserve">Recalling its resolution 60/1, </w:t></w:r><w:r>'
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" Requires="wps">'
        '<w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:extent cx="100" cy="100"/>'
        '<wp:docPr id="1" name="Text Box 1"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:txbx>{txbx}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing></mc:Choice><mc:Fallback>'
        '<w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="tb1">'
        f'<v:textbox>{txbx}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    legacy = ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="tb2">'
              f'<v:textbox>{txbx}</v:textbox></v:shape></w:pict></w:r></w:p>')
    return write(folder, "text-boxes.docx", with_body(drawing + legacy, keep=True))


#: Field instructions of (nearly) every kind Word offers, with a cached result.
FIELDS = [
    (" PAGE ", "1"), (" NUMPAGES ", "3"), (" SECTIONPAGES ", "3"), (" DATE \\@ \"d MMMM yyyy\" ", "1 May 2024"),
    (" TIME ", "12:00"), (" CREATEDATE ", "1/1/2020"), (" SAVEDATE ", "1/1/2020"), (" PRINTDATE ", "1/1/2020"),
    (" AUTHOR ", "Drafter"), (" TITLE ", "Cooperation"), (" SUBJECT ", "x"), (" KEYWORDS ", "x"),
    (" COMMENTS ", "x"), (" FILENAME \\p ", "draft.docx"), (" FILESIZE ", "12"), (" DOCPROPERTY Company ", "UN"),
    (" NUMWORDS ", "100"), (" NUMCHARS ", "500"), (" REVNUM ", "2"), (" TEMPLATE ", "Normal.dotm"),
    (" USERNAME ", "x"), (" USERINITIALS ", "x"), (" USERADDRESS ", "x"),
    (' HYPERLINK "https://undocs.org/A/RES/73/11" ', "A/RES/73/11"), (" HYPERLINK \\l \"top\" ", "top"),
    (" REF _Ref12345678 \\h ", "1"), (" NOTEREF _Ref99999999 \\f \\h ", "2"), (" PAGEREF _Ref1 \\h ", "4"),
    (" SEQ Table \\* ARABIC ", "1"), (" STYLEREF \"Heading 1\" ", "Annex"), (" TOC \\o \"1-3\" ", "Contents"),
    (" INDEX ", "Index"), (" XE \"entry\" ", ""), (" TC \"entry\" ", ""), (" TA \\l \"Case\" ", ""),
    (" TOA \\c 1 ", "Cases"), (" RD \"other.docx\" ", ""), (" INCLUDETEXT \"C:\\\\secret.docx\" ", "included"),
    (" INCLUDEPICTURE \"http://127.0.0.1:9/x.png\" \\d ", ""), (" LINK Excel.Sheet.12 \"book.xlsx\" ", "12"),
    (" EMBED Equation.3 ", ""), (" EQ \\f(1,2) ", "½"), (" SYMBOL 183 \\f Symbol ", "·"),
    (" = 2 + 2 ", "4"), (" IF 1 = 1 \"yes\" \"no\" ", "yes"), (" COMPARE 1 = 1 ", "1"), (" QUOTE \"quoted\" ", "quoted"),
    (" SET bm 5 ", ""), (" ASK bm \"?\" ", ""), (" FILLIN \"?\" ", "x"), (" MERGEFIELD Name ", "«Name»"),
    (" MERGEREC ", "1"), (" MERGESEQ ", "1"), (" NEXT ", ""), (" NEXTIF 1 = 1 ", ""), (" SKIPIF 1 = 2 ", ""),
    (" DATABASE \\d \"db.mdb\" ", ""), (" ADDRESSBLOCK ", "Address"), (" GREETINGLINE ", "Dear"),
    (" FORMTEXT ", "     "), (" FORMCHECKBOX ", ""), (" FORMDROPDOWN ", "one"), (" MACROBUTTON Go Click ", "Click"),
    (" GOTOBUTTON top Go ", "Go"), (" AUTONUM ", "1."), (" AUTONUMLGL ", "1.1"), (" AUTONUMOUT ", "I."),
    (" LISTNUM LegalDefault ", "1."), (" BARCODE \"10001\" ", ""), (" DISPLAYBARCODE \"x\" QR ", ""),
    (" ADVANCE \\d 4 ", ""), (" PRIVATE ", ""), (" AUTOTEXT Confidential ", "Confidential"),
    (" AUTOTEXTLIST \"x\" ", "x"), (" BIBLIOGRAPHY ", "Refs"), (" CITATION Doc1 \\l 1033 ", "(UN 2020)"),
    (" BIDIOUTLINE ", "1"), (" DOCVARIABLE v ", "x"), (" INFO Title ", "x"), (" LASTSAVEDBY ", "x"),
    (" NOTEREF ", ""), (" ", ""), ("", "empty"),
]


def make_every_field(folder: Path) -> Path:
    """Each field as a complex field, as a simple field, nested in another, and unterminated at the end."""
    paras = [para("The General Assembly,")]
    for instr, result in FIELDS:
        esc_instr = instr.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        esc_res = result.replace("&", "&amp;").replace("<", "&lt;")
        complex_ = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r><w:instrText xml:space="preserve">{esc_instr.replace("&quot;", chr(34))}</w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    f'<w:r><w:t xml:space="preserve">{esc_res}</w:t></w:r>'
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        simple = f'<w:fldSimple w:instr="{esc_instr}"><w:r><w:t xml:space="preserve">{esc_res}</w:t></w:r></w:fldSimple>'
        paras.append(f'<w:p><w:r><w:t xml:space="preserve">Recalling </w:t></w:r>{complex_}'
                     f'<w:r><w:t xml:space="preserve"> and </w:t></w:r>{simple}<w:r><w:t>,</w:t></w:r></w:p>')
    nested = ('<w:p><w:r><w:t xml:space="preserve">Decides </w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
              '<w:r><w:instrText xml:space="preserve"> = 1 "first" "other" </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>first</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> to act;</w:t></w:r></w:p>')
    ffdata = ('<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:enabled/>'
              '<w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>typed</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    spanning = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Contents line 1</w:t></w:r></w:p>'
                '<w:p><w:r><w:t>Contents line 2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    unterminated = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    '<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>')
    body = "".join(paras) + nested + ffdata + spanning + unterminated
    return write(folder, "every-field.docx", with_body(body))


def make_tracked_and_comments(folder: Path, rounds: int = 60) -> Path:
    """Every paragraph revised several times over, with moves, formatting changes and comments."""
    from resolint.testing.builder import Comment, Del, DocBuilder, Ins, Run

    b = DocBuilder(language="en")
    b.paragraph("Cooperation between the United Nations and regional organizations", style="Title")
    b.paragraph("The General Assembly,")
    for i in range(rounds):
        b.paragraph(Run("Recalling", italic=True), " its resolution ", Del(f"{i}/1"), Ins(f"{i}/2"),
                    Comment(f"Check the symbol of paragraph {i}", " of 2018"),
                    Ins(", ", Run("as amended", bold=True)), Del(" and its annex"), ",")
    data = b.to_bytes()
    doc = part(data, MAIN_DOC).decode()
    extra = (
        # a moved paragraph, a deleted paragraph mark, formatting and property changes
        '<w:moveFromRangeStart w:id="901" w:author="A" w:date="2020-01-01T00:00:00Z" w:name="move1"/>'
        '<w:p><w:moveFrom w:id="902" w:author="A" w:date="2020-01-01T00:00:00Z"><w:r><w:t>Moved text.</w:t></w:r>'
        '</w:moveFrom></w:p><w:moveFromRangeEnd w:id="901"/>'
        '<w:p><w:pPr><w:rPr><w:del w:id="903" w:author="A" w:date="2020-01-01T00:00:00Z"/></w:rPr></w:pPr>'
        '<w:del w:id="904" w:author="A" w:date="2020-01-01T00:00:00Z"><w:r><w:delText>Deleted paragraph.</w:delText>'
        '</w:r></w:del></w:p>'
        '<w:p><w:pPr><w:pPrChange w:id="905" w:author="A" w:date="2020-01-01T00:00:00Z"><w:pPr><w:jc w:val="center"/>'
        '</w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:i/><w:rPrChange w:id="906" w:author="A" '
        'w:date="2020-01-01T00:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>Requests</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> the Secretary-General to report.</w:t></w:r></w:p>'
        '<w:moveToRangeStart w:id="907" w:author="A" w:date="2020-01-01T00:00:00Z" w:name="move1"/>'
        '<w:p><w:moveTo w:id="908" w:author="A" w:date="2020-01-01T00:00:00Z"><w:r><w:t>Moved text.</w:t></w:r>'
        '</w:moveTo></w:p><w:moveToRangeEnd w:id="907"/>'
        '<w:ins w:id="909" w:author="A" w:date="2020-01-01T00:00:00Z"><w:p><w:r><w:t>Inserted block.</w:t></w:r></w:p></w:ins>'
    )
    sect = doc.rindex("<w:sectPr")
    doc = doc[:sect] + extra + doc[sect:]
    return write(folder, "tracked-and-comments.docx", edit(data, {MAIN_DOC: doc.encode()}))


# --------------------------------------------------------------------------- catalogues

#: Broken inputs: each must give exit 2 and one line naming the problem (a word of the message).
BROKEN: dict[str, tuple[Callable[[Path], Path], str]] = {
    "not-a-zip": (make_not_a_zip, "not a zip"),
    "truncated-zip": (make_truncated_zip, "zip"),
    "truncated-tail": (make_truncated_tail, "zip"),
    "legacy-doc": (make_legacy_doc, ".doc"),
    "encrypted": (make_encrypted, "encrypted"),
    "encrypted-large": (make_encrypted_large, "encrypted"),
    "missing-document-xml": (make_missing_document, "document"),
    "main-rel-to-missing-part": (make_main_rel_to_missing_part, "document"),
    "no-body": (make_no_body, "body"),
    "empty-file": (make_empty, "empty"),
    "empty-zip": (make_empty_zip, "document"),
    "directory": (make_directory, "directory"),
    "zip-password": (make_zip_password, "encrypted"),
    "unsupported-compression": (make_unsupported_compression, "cannot be read"),
}

#: Zip bombs and resource exhaustion at the zip level.
BOMBS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "declared-size": (make_bomb_declared, "zip bomb"),
    "ratio": (make_bomb_ratio, "zip bomb"),
    "lying-header": (make_bomb_lying, "document.xml"),
    "lying-header-large": (make_bomb_lying_large, "document.xml"),
    "many-entries": (make_many_entries, "entries"),
    "huge-central-directory": (make_huge_central_directory, "entries"),
}


# --------------------------------------------------------------------------- running resolint


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_main(*args: str) -> Outcome:
    """``resolint ARGS`` in this process (fast); output captured."""
    import contextlib

    from resolint.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return Outcome(code, out.getvalue(), err.getvalue())


def run_cli(*args: str, timeout: float = 120) -> Outcome:
    """``python -m resolint ARGS`` in a child process, as a user or a hook runs it."""
    import os
    import subprocess
    import sys

    env = dict(os.environ)
    env.pop("RESOLINT_DEBUG", None)
    proc = subprocess.run([sys.executable, "-m", "resolint", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env)
    return Outcome(proc.returncode, proc.stdout, proc.stderr)


def assert_refused(outcome: Outcome, *words: str) -> str:
    """Exit 2, exactly one line on stderr starting with ``resolint: error:``, no traceback."""
    assert "Traceback" not in outcome.stderr + outcome.stdout
    assert outcome.code == 2, (outcome.code, outcome.stderr, outcome.stdout[-500:])
    lines = outcome.error_lines
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("resolint: error: "), line
    assert "internal error" not in line
    for word in words:
        assert word.lower() in line.lower(), (word, line)
    return line


def assert_processed(outcome: Outcome) -> None:
    """Exit 0 or 1 (findings), no error on stderr, no rule crashed (R001)."""
    assert "Traceback" not in outcome.stderr + outcome.stdout
    assert outcome.code in (0, 1), (outcome.code, outcome.stderr)
    # Only resolint's summary line (several files) may appear on stderr; never an error.
    assert all(line.startswith("resolint: ") and "error" not in line for line in outcome.error_lines), outcome.stderr
    assert "R001" not in outcome.stdout, [line for line in outcome.stdout.splitlines() if "R001" in line]


def fingerprint(path: Path) -> tuple[bytes, int, int]:
    """The content hash, size and modification time of a file (inputs must not change)."""
    import hashlib

    st = path.stat()
    return hashlib.sha256(path.read_bytes()).digest(), st.st_size, st.st_mtime_ns
