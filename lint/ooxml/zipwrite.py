"""Deterministic, atomic writing of zip packages.

Every entry gets the same fixed timestamp and permissions, so the same parts give
the same bytes; the file appears at its final path only once it is complete.
"""
from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

#: The earliest timestamp a zip entry can carry; used for every entry.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def package_bytes(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """Return the bytes of a zip holding ``parts`` (name, data) in the order given."""
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            zf.writestr(info, data)
    return buf.getvalue()


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        # mkstemp makes 0600 files: give the output the target's mode, or a usual 0644.
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def refuse_overwrite(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]],
                     in_place: bool = False) -> None:
    """Raise :class:`~resolint.errors.UsageError` if ``output`` names one of ``inputs``.

    Inputs are never modified unless the user says so (``in_place=True``, from ``--in-place``).
    The same file is recognised through different spellings, symbolic links and hard links.
    """
    if in_place:
        return
    from ..errors import UsageError

    out = Path(output)
    for raw in inputs:
        src = Path(raw)
        same = False
        try:
            if out.exists() and src.exists():
                same = os.path.samefile(out, src)
        except OSError:
            same = False
        if not same:
            try:
                same = out.resolve() == src.resolve()
            except (OSError, RuntimeError):
                same = os.path.abspath(out) == os.path.abspath(src)
        if same:
            raise UsageError(f"output {os.fspath(output)} is the input {os.fspath(raw)}: refusing to overwrite "
                             "an input file (write elsewhere, or use --in-place to rewrite it)")


def write_package(path: str | os.PathLike[str], parts: Iterable[tuple[str, bytes]]) -> None:
    """Write a deterministic zip package atomically."""
    write_atomic(path, package_bytes(parts))


def normalize_package(data: bytes) -> bytes:
    """Re-pack an existing zip's entries, in their order, with fixed timestamps."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = [(info.filename, zf.read(info)) for info in zf.infolist()]
    return package_bytes(parts)
