"""Opening a .docx package safely.

Every refusal is an :class:`~resolint.errors.InputError` with a one-line message.
Limits guard against zip bombs (checked on the declared sizes before inflating, and
again while inflating, since headers can lie) and XML attacks (no DTD is accepted, no
entity is resolved, nothing is fetched).
"""
from __future__ import annotations

import posixpath
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import InputError
from .ns import PKG_REL, REL_OFFICE_DOCUMENT
from .strict import is_strict, own_transitional_names, to_transitional

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
WORD_MAIN_TYPES = (
    "document.main+xml",
    "document.macroEnabled.main+xml",
    "template.main+xml",
    "template.macroEnabledTemplate.main+xml",
)


@dataclass(frozen=True)
class Limits:
    """Resource limits for one input file (configurable under ``[tool.resolint.limits]``)."""

    max_file_bytes: int = 256 * 1024 * 1024
    max_part_bytes: int = 128 * 1024 * 1024
    max_total_bytes: int = 512 * 1024 * 1024
    max_ratio: int = 200
    ratio_min_bytes: int = 8 * 1024 * 1024
    max_entries: int = 10_000
    max_paragraphs: int = 200_000
    #: findings reported per document (the rest are counted in one line)
    max_findings: int = 10_000


DEFAULT_LIMITS = Limits()

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=True,
    remove_blank_text=False,
)


def parse_xml(data: bytes, where: str):  # type: ignore[no-untyped-def]
    """Parse one XML part; refuse DTDs and entities; raise InputError on malformed XML."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise InputError(f"{where}: XML with a DOCTYPE or entity declarations is refused")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: malformed XML ({exc.msg})") from None
    if root is None:
        raise InputError(f"{where}: empty XML part")
    if root.getroottree().docinfo.doctype:
        raise InputError(f"{where}: XML with a DOCTYPE is refused")
    return root


def _ole_has_stream(fh, name: str, limit: int = 256 * 1024 * 1024) -> bool:  # type: ignore[no-untyped-def]
    """Whether an OLE compound file names a stream ``name`` in its directory.

    The directory may sit anywhere in the file (after megabytes of encrypted data), so the
    file is scanned in chunks, overlapping by the length of the name, up to ``limit`` bytes.
    """
    needle = name.encode("utf-16-le")
    fh.seek(0)
    tail = b""
    read = 0
    while read < limit:
        chunk = fh.read(1024 * 1024)
        if not chunk:
            return False
        read += len(chunk)
        if needle in tail + chunk:
            return True
        tail = chunk[-len(needle):]
    return False


def _central_entries(fh, size: int, stop_after: int) -> int | None:  # type: ignore[no-untyped-def]
    """Count the entries of a zip's central directory, stopping past ``stop_after``.

    Headers are walked on disk, so a central directory describing millions of entries is
    refused before :mod:`zipfile` builds an object for each of them. None when the end
    record is not found (zipfile then reports the damage).
    """
    tail_len = min(size, 22 + 65535)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or len(tail) - pos < 22:
        return None
    cd_size = struct.unpack("<L", tail[pos + 12:pos + 16])[0]
    end = size - tail_len + pos
    if end >= 76:
        fh.seek(end - 20)
        locator = fh.read(20)
        if locator[:4] == b"PK\x06\x07":
            fh.seek(end - 76)
            record = fh.read(56)
            if record[:4] == b"PK\x06\x06":
                cd_size = struct.unpack("<Q", record[40:48])[0]
                end -= 76
    here = end - cd_size
    if here < 0:
        return None
    count = 0
    while here + 46 <= end and count <= stop_after:
        fh.seek(here)
        header = fh.read(46)
        if header[:4] != b"PK\x01\x02":
            break
        n, m, k = struct.unpack("<3H", header[28:34])
        here += 46 + n + m + k
        count += 1
    return count


def sniff(path: Path, data: bytes) -> None:
    """Refuse what is plainly not a .docx, with a message that says what it is."""
    import io

    head = data[:8]
    if head == OLE_MAGIC:
        if _ole_has_stream(io.BytesIO(data), "EncryptionInfo"):
            raise InputError(f"{path}: encrypted or password-protected document; "
                             "remove the password in Word first")
        raise InputError(f"{path}: legacy Word 97-2003 document (.doc); save it as .docx first")
    if not head.startswith(ZIP_MAGIC):
        raise InputError(f"{path}: not a Word document (.docx): not a zip archive")


def entries_precheck(path: Path, limits: Limits):  # type: ignore[no-untyped-def]
    """A :meth:`~resolint.snapshot.Snapshot.read` precheck: refuse a zip whose central directory
    holds more than ``max-entries`` entries before the file is read whole."""

    def check(fh, size: int) -> None:  # type: ignore[no-untyped-def]
        try:
            counted = _central_entries(fh, size, limits.max_entries)
        except (OSError, struct.error):
            return
        if counted is not None and counted > limits.max_entries:
            raise InputError(f"{path}: too many zip entries (more than {limits.max_entries})")

    return check


def read_snapshot(path: str | Path, limits: Limits = DEFAULT_LIMITS):  # type: ignore[no-untyped-def]
    """The input's :class:`~resolint.snapshot.Snapshot`, read within ``limits``."""
    from ..snapshot import Snapshot

    return Snapshot.read(path, limits.max_file_bytes, entries_precheck(Path(path), limits))


class Package:
    """A read-only view of an Open XML package with guarded reads.

    The file is read once (:class:`~resolint.snapshot.Snapshot`), or not at all when a
    snapshot of it is pinned (:func:`~resolint.snapshot.pinned`): every later read works
    from those bytes, so one command sees one version of the file.
    """

    def __init__(self, path: str | Path, limits: Limits = DEFAULT_LIMITS) -> None:
        import io

        from ..snapshot import pinned_bytes

        self.path = Path(path)
        self.limits = limits
        data = pinned_bytes(path)
        if data is None:
            data = read_snapshot(self.path, limits).data
        self.data = data
        sniff(self.path, data)
        size = len(data)
        if size > limits.max_file_bytes:
            raise InputError(f"{self.path}: file larger than the limit of {limits.max_file_bytes} bytes")
        try:
            counted = _central_entries(io.BytesIO(data), size, limits.max_entries)
        except (OSError, struct.error):
            counted = None
        if counted is not None and counted > limits.max_entries:
            raise InputError(f"{self.path}: too many zip entries (more than {limits.max_entries})")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise InputError(f"{self.path}: damaged or truncated zip archive ({exc})") from None
        if len(infos) > limits.max_entries:
            raise InputError(f"{self.path}: too many zip entries ({len(infos)} > {limits.max_entries})")
        self._infos = {i.filename: i for i in infos}
        if len(self._infos) != len(infos):
            seen: set[str] = set()
            twice = next(i.filename for i in infos if i.filename in seen or seen.add(i.filename))  # type: ignore[func-returns-value]
            raise InputError(f"{self.path}: the zip holds two entries named {twice}: an ambiguous package "
                             "(programs disagree on which one is the document); save it again in Word")
        total = sum(i.file_size for i in infos)
        if total > limits.max_total_bytes:
            raise InputError(
                f"{self.path}: declared uncompressed size {total} bytes exceeds the limit of "
                f"{limits.max_total_bytes} (possible zip bomb)"
            )
        for info in infos:
            self._check_declared(info)
        self._inflated = 0
        self._rels: dict[str, dict[str, tuple[str, str, str]]] = {}
        #: Strict Open XML: parts are read with Transitional names (:mod:`.strict`).
        self.strict = "_rels/.rels" in self._infos and is_strict(self._raw("_rels/.rels"))
        self._own: dict[str, set[bytes]] = {}  # Strict: the Transitional names of each part read
        self.main_part = self._find_main_part()

    # -- raw access -------------------------------------------------------------------------
    def _check_declared(self, info: zipfile.ZipInfo) -> None:
        lim = self.limits
        if info.file_size > lim.max_part_bytes:
            raise InputError(
                f"{self.path}: part {info.filename} declares {info.file_size} bytes, over the limit of "
                f"{lim.max_part_bytes} (possible zip bomb)"
            )
        if info.file_size > lim.ratio_min_bytes and info.file_size > lim.max_ratio * max(info.compress_size, 1):
            raise InputError(
                f"{self.path}: part {info.filename} has a compression ratio over {lim.max_ratio}:1 (possible zip bomb)"
            )

    def names(self) -> list[str]:
        """All part names in the package."""
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def fingerprint(self, name: str | None) -> tuple[int, int] | None:
        """A part's CRC-32 and size as the zip directory declares them (None if absent):
        two parts with the same fingerprint hold the same bytes, but for a 1 in 2**32 chance."""
        info = self._infos.get(name) if name is not None else None
        return (info.CRC, info.file_size) if info is not None else None

    def read(self, name: str) -> bytes:
        """Read a part, inflating at most the declared size (and the limits) even if headers lie.

        In a Strict package, XML parts come with Transitional names (see :mod:`.strict`)."""
        data = self._raw(name)
        if self.strict and name.endswith((".xml", ".rels")):
            self._own[name] = own_transitional_names(data)
            data = to_transitional(data)
        return data

    def own_transitional_names(self) -> set[bytes] | None:
        """For a Strict package, the Transitional names its parts use as they are (see
        :func:`.strict.to_strict`); None for a Transitional package."""
        if not self.strict:
            return None
        for n in self._infos:  # the parts not read yet (each part is inflated once for both)
            if n.endswith((".xml", ".rels")) and n not in self._own:
                self._own[n] = own_transitional_names(self._raw(n))
        return set().union(*self._own.values())

    def _raw(self, name: str) -> bytes:
        info = self._infos.get(name)
        if info is None:
            raise InputError(f"{self.path}: missing part {name}")
        cap = min(info.file_size, self.limits.max_part_bytes)
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(info) as fh:
                while True:
                    chunk = fh.read(1024 * 1024)
                    if not chunk:
                        break
                    got += len(chunk)
                    if got > cap:
                        raise InputError(f"{self.path}: part {name} inflates beyond its declared size (zip bomb)")
                    chunks.append(chunk)
        except InputError:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
            msg = str(exc) or type(exc).__name__
            if "encrypted" in msg.lower() or "password" in msg.lower():
                msg = "encrypted zip entry"
            raise InputError(f"{self.path}: part {name} cannot be read ({msg})") from None
        self._inflated += got
        if self._inflated > self.limits.max_total_bytes:
            raise InputError(f"{self.path}: inflated content exceeds {self.limits.max_total_bytes} bytes (zip bomb)")
        return b"".join(chunks)

    def xml(self, name: str):  # type: ignore[no-untyped-def]
        """Parse a part as XML (see :func:`parse_xml`)."""
        return parse_xml(self.read(name), f"{self.path.name}:{name}")

    def xml_or_none(self, name: str | None):  # type: ignore[no-untyped-def]
        """Parse a part if present, else None."""
        if name is None or name not in self._infos:
            return None
        return self.xml(name)

    # -- relationships ----------------------------------------------------------------------
    @staticmethod
    def rels_name(part: str) -> str:
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", base + ".rels")

    def rels(self, part: str) -> dict[str, tuple[str, str, str]]:
        """Relationships of ``part``: id -> (type, resolved target, mode)."""
        if part in self._rels:
            return self._rels[part]
        out: dict[str, tuple[str, str, str]] = {}
        rname = self.rels_name(part)
        if rname in self._infos:
            root = self.xml(rname)
            base = posixpath.dirname(part)
            for rel in root.iter("{%s}Relationship" % PKG_REL):
                target = rel.get("Target", "")
                mode = rel.get("TargetMode", "Internal")
                if mode != "External":
                    if target.startswith("/"):
                        target = target.lstrip("/")
                    else:
                        target = posixpath.normpath(posixpath.join(base, target))
                out[rel.get("Id", "")] = (rel.get("Type", ""), target, mode)
        self._rels[part] = out
        return out

    def related(self, part: str, rel_type: str) -> str | None:
        """The first internal part related to ``part`` by ``rel_type`` that exists, else None."""
        for typ, target, mode in self.rels(part).values():
            if typ == rel_type and mode != "External" and target in self._infos:
                return target
        return None

    def _find_main_part(self) -> str:
        main = None
        for typ, target, _mode in self.rels("").values():
            if typ == REL_OFFICE_DOCUMENT:
                main = target
        if main is None and "word/document.xml" in self._infos:
            main = "word/document.xml"
        if main is None or main not in self._infos:
            raise InputError(f"{self.path}: not a Word document: no main document part (word/document.xml)")
        return main

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "Package":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
