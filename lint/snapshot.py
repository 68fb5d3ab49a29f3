"""Reading an input exactly once, and knowing later whether it changed on disk.

A :class:`Snapshot` is a file's bytes read in one ``open``, with its identity (device,
inode, size, modification time) taken from that same open file. Everything a command
does with the input works from these bytes: :class:`~resolint.ooxml.package.Package`
reads a snapshot *pinned* under the input's path (:func:`pinned`) instead of the disk,
so the loader, the fixer, the annotator and the redline labels all see one version.

Before an in-place write replaces the input, :meth:`Snapshot.changed` looks at the file
again (identity, then content hash): a draft saved meanwhile by Word (which replaces the
file) or written in place by another program is never overwritten.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

#: absolute path -> bytes that :class:`~resolint.ooxml.package.Package` reads instead of the disk
_PINNED: dict[str, bytes] = {}

_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


class Identity(tuple):  # a plain tuple: (device, inode, size, modification time in ns)
    """What identifies one version of a file without reading it."""

    __slots__ = ()

    @classmethod
    def of(cls, st: os.stat_result) -> "Identity":
        return cls((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns))

    @property
    def file(self) -> tuple[int, int]:
        """(device, inode): which file, whatever its content."""
        return self[0], self[1]


class Snapshot:
    """One input file, read once: its path, bytes, identity and permission bits."""

    def __init__(self, path: Path, data: bytes, identity: Identity, mode: int) -> None:
        self.path = path
        self.data = data
        self.identity = identity
        self.mode = mode

    @classmethod
    def read(cls, path: str | os.PathLike[str], max_bytes: int | None = None,
             precheck: Callable[[BinaryIO, int], None] | None = None) -> "Snapshot":
        """Read ``path`` in one open; refuse what is not a regular file (never blocking on a pipe).

        ``precheck(file, size)`` may look at parts of the open file (and raise) before the whole
        of it is read: a zip's central directory is counted before a huge one is loaded.
        """
        p = Path(path)
        try:
            fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
                         | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            raise InputError(f"{p}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{p}: is a directory, not a .docx file") from None
        except (OSError, ValueError) as exc:
            raise InputError(f"{p}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise InputError(f"{p}: is a directory, not a .docx file")
            if not stat.S_ISREG(st.st_mode):
                raise InputError(f"{p}: {kind_of(st.st_mode)}, not a .docx file")
            if st.st_size == 0:
                raise InputError(f"{p}: empty file")
            if max_bytes is not None and st.st_size > max_bytes:
                raise InputError(f"{p}: file larger than the limit of {max_bytes} bytes")
            with os.fdopen(os.dup(fd), "rb") as fh:
                if precheck is not None:
                    precheck(fh, st.st_size)
                    fh.seek(0)
                data = fh.read(st.st_size + 1 if max_bytes is None else min(st.st_size, max_bytes) + 1)
        except OSError as exc:
            raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
        finally:
            os.close(fd)
        if max_bytes is not None and len(data) > max_bytes:
            raise InputError(f"{p}: file larger than the limit of {max_bytes} bytes")
        if not data:
            raise InputError(f"{p}: empty file")
        return cls(p, data, Identity((st.st_dev, st.st_ino, len(data), st.st_mtime_ns)), st.st_mode)

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def read_only(self) -> bool:
        """No write permission bit set (root would write anyway: the bits are what the user said)."""
        return not self.mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)

    def changed(self) -> str | None:
        """Why the file on disk is no longer this snapshot (None: it is the same version)."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return "it was removed"
        except OSError as exc:
            return f"it cannot be checked again ({exc.strerror or exc})"
        now = Identity.of(st)
        if now.file != self.identity.file:
            return "it was replaced (saved again by another program)"
        if now != self.identity:
            return "it was modified"
        try:
            with open(self.path, "rb") as fh:
                again = hashlib.sha256(fh.read()).hexdigest()
        except OSError as exc:
            return f"it cannot be checked again ({exc.strerror or exc})"
        return None if again == self.digest else "it was modified"

    @contextlib.contextmanager
    def pinned(self) -> Iterator["Snapshot"]:
        """Make every :class:`~resolint.ooxml.package.Package` of this path read these bytes."""
        with pinned(self.path, self.data):
            yield self


@contextlib.contextmanager
def pinned(path: str | os.PathLike[str], data: bytes) -> Iterator[None]:
    """Within the block, opening ``path`` as a package reads ``data`` (nesting restores the outer bytes)."""
    key = _key(path)
    previous = _PINNED.get(key)
    _PINNED[key] = data
    try:
        yield
    finally:
        if previous is None:
            _PINNED.pop(key, None)
        else:
            _PINNED[key] = previous


def _key(path: str | os.PathLike[str]) -> str:
    """One key for every spelling of a path this process may use (``./a.docx``, ``a.docx``...)."""
    return os.path.abspath(os.fspath(path))


def pinned_bytes(path: str | os.PathLike[str]) -> bytes | None:
    """The bytes pinned under ``path``, if any."""
    return _PINNED.get(_key(path)) if _PINNED else None
