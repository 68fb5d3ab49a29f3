"""Deterministic, atomic writing of zip packages.

Every entry gets the same fixed timestamp and permissions, so the same parts give
the same bytes; the file appears at its final path only once it is complete.
"""
from __future__ import annotations

import os
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

#: The earliest timestamp a zip entry can carry; used for every entry.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def package_bytes(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """Return the bytes of a zip holding ``parts`` (name, data) in the order given."""
    return zip_bytes(list(parts))


@dataclass(frozen=True)
class Raw:
    """A zip entry's compressed bytes, with what its headers say about them."""

    method: int
    crc: int
    size: int
    data: bytes


def raw_entries(source: bytes | str | os.PathLike[str], parts: dict[str, bytes]) -> dict[str, Raw]:
    """Compressed bytes of the entries whose content was read (and so checked) in ``parts``;
    ``source`` is the package's bytes (or its path).

    An entry is kept only when it is plainly stored or deflated, unencrypted, and its CRC
    matches the content read; otherwise it is compressed again when written.
    """
    out: dict[str, Raw] = {}
    try:
        import io

        fh_cm = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")
        with fh_cm as fh, zipfile.ZipFile(fh) as zf:
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
    """A zip of ``entries`` in the order given, with a fixed timestamp and permissions, copying
    :class:`Raw` entries (already compressed, CRC checked) without compressing them again."""
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


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`resolint.output.write_atomic`)."""
    from ..output import write_atomic as write

    write(path, data)


def refuse_overwrite(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]],
                     in_place: bool = False) -> None:
    """Raise :class:`~resolint.errors.UsageError` if ``output`` names one of ``inputs``
    (any spelling, symbolic or hard link: see :class:`resolint.output.Plan`), unless ``in_place``."""
    if in_place:
        return
    from ..output import Plan

    Plan.of(inputs).refuse_input(os.fspath(output), "")


def write_package(path: str | os.PathLike[str], parts: Iterable[tuple[str, bytes]]) -> None:
    """Write a deterministic zip package atomically."""
    write_atomic(path, package_bytes(parts))


def normalize_package(data: bytes) -> bytes:
    """Re-pack an existing zip's entries, in their order, with fixed timestamps."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = [(info.filename, zf.read(info)) for info in zf.infolist()]
    return package_bytes(parts)
