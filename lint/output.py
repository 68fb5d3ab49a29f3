"""Where resolint writes, for every command: one policy, checked before any work is done.

:class:`Plan` is given the inputs of a run and *claims* each output (``check -o``,
``--fix``, ``--annotate``, ``diff -o``) before anything is read or written. It refuses,
with one line (:class:`~resolint.errors.UsageError`, exit 2):

- an empty path;
- an output that is an input, by any route (another spelling, a symbolic or hard link,
  a bind mount, a case-insensitive file system: the same device and inode), unless it is
  the input an ``--in-place`` fix rewrites;
- a directory, a block device or a socket; a missing folder; a name longer than the file
  system allows;
- a read-only file (no write bit: checked on the bits, since root may write anyway);
- two outputs of one run that would land on the same file.

:func:`write` then writes: ``-``, ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` go to
that descriptor, character devices and named pipes (``/dev/null``, ``>(cmd)``, a FIFO) are
written directly, and everything else atomically: an unnamed temporary file in the target
folder (``O_TMPFILE``; else a short hidden name within the name limit), fsync, then a
rename. Catchable signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT) remove a named temporary
file before the process ends (:func:`install_signal_cleanup`); nothing is ever written
to ``$TMPDIR``. With ``expect`` (an in-place fix), the input is checked again just before
the rename, and a draft changed meanwhile is left as it is (:class:`ChangedError`).
Reports (:func:`emit`) are encoded by :mod:`resolint.textout`.
"""
from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .atomic import ChangedError, install_signal_cleanup, name_max, write_atomic, write_fd
from .errors import ResolintError, UsageError

if TYPE_CHECKING:
    from .snapshot import Snapshot

__all__ = ["ChangedError", "Plan", "descriptor", "emit", "install_signal_cleanup", "write", "write_atomic"]

#: Output specs that name a descriptor of this process.
_STREAMS = {"-": 1, "/dev/stdout": 1, "/dev/stderr": 2}
_FD_PATH = re.compile(r"\A/(?:dev/fd|proc/self/fd)/(\d+)\Z")
_CASE_INSENSITIVE = sys.platform in ("darwin", "win32")


def descriptor(spec: str | os.PathLike[str]) -> int | None:
    """The file descriptor an output spec names (``-``, ``/dev/stdout``, ``/dev/fd/3``...), else None."""
    text = os.fspath(spec)
    if text in _STREAMS:
        return _STREAMS[text]
    m = _FD_PATH.match(text)
    return int(m.group(1)) if m else None


def _key(path: str) -> str:
    """A path's place, for comparing outputs that do not exist yet (folder resolved)."""
    folder, name = os.path.split(os.path.abspath(path))
    key = os.path.join(os.path.realpath(folder), name)
    return key.casefold() if _CASE_INSENSITIVE else key


class Plan:
    """The inputs of one run and the outputs claimed so far (see the module docstring)."""

    def __init__(self) -> None:
        self.inputs: list[str] = []
        self._ids: dict[tuple[int, int], str] = {}  # (device, inode) -> the input's path
        self._claimed: dict[str, str] = {}  # place -> what claimed it
        self._claimed_ids: dict[tuple[int, int], str] = {}

    @classmethod
    def of(cls, inputs: Iterable[str | os.PathLike[str]]) -> "Plan":
        plan = cls()
        for raw in inputs:
            plan.inputs.append(os.fspath(raw))
            try:
                st = os.stat(raw)
            except (OSError, ValueError):
                continue
            plan._ids.setdefault((st.st_dev, st.st_ino), os.fspath(raw))
        return plan

    def claim(self, output: str | os.PathLike[str] | None, what: str, *,
              in_place: str | os.PathLike[str] | None = None) -> None:
        """Check that ``what`` (e.g. ``"--annotate"``) may write ``output``; raise UsageError if not.

        ``in_place``: the input this output deliberately rewrites (``--fix --in-place``).
        """
        if output is None:
            output = "-"
        text = os.fspath(output)
        if not text.strip():
            raise UsageError(f"{what}: empty output path")
        if "\0" in text:
            raise UsageError(f"{what}: output path {text!r} holds a NUL byte")
        fd = descriptor(text)
        if fd is not None:
            self._take(f"fd:{fd}", None, text, what)
            return
        folder = os.path.dirname(os.path.abspath(text))
        if len(os.fsencode(os.path.basename(text))) > name_max(folder):
            raise UsageError(f"{what}: output name {os.path.basename(text)!r} is longer than the file system allows")
        try:
            st = os.stat(text)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise UsageError(f"{what}: cannot use {text} as output ({exc.strerror or exc})") from None
        if st is not None and not stat.S_ISREG(st.st_mode):
            if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
                self._take(_key(text), (st.st_dev, st.st_ino), text, what)
                return  # written directly (/dev/null, a named pipe)
            from .snapshot import kind_of

            raise UsageError(f"{what}: output {text} is {kind_of(st.st_mode)}; give a file name")
        self.refuse_input(text, what, in_place=in_place, st=st)
        if st is not None:
            if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
                raise UsageError(f"{what}: {text} is read-only; not writing over it")
        else:
            folder = os.path.dirname(os.path.abspath(text))
            if not os.path.isdir(folder):
                raise UsageError(f"{what}: folder {os.path.dirname(text) or '.'} of {text} does not exist")
        self._take(_key(text), (st.st_dev, st.st_ino) if st is not None else None, text, what)

    def refuse_input(self, output: str, what: str, *, in_place: str | os.PathLike[str] | None = None,
                     st: os.stat_result | None = None) -> None:
        """Raise UsageError if ``output`` is one of the inputs (by device and inode, else by place)."""
        if st is None:
            try:
                st = os.stat(output)
            except (OSError, ValueError):
                st = None
        same = self._ids.get((st.st_dev, st.st_ino)) if st is not None else None
        if same is None:
            key = _key(output)
            same = next((path for path in self.inputs if _key(path) == key), None)
        if same is not None and not (in_place is not None and (st is None or _same(in_place, output))):
            prefix = f"{what}: " if what else ""
            raise UsageError(f"{prefix}output {output} is the input {same}: refusing to overwrite an input "
                             "file (write elsewhere, or use --in-place to rewrite it)")

    def _take(self, key: str, ident: tuple[int, int] | None, text: str, what: str) -> None:
        other = self._claimed.get(key) or (self._claimed_ids.get(ident) if ident else None)
        if other is not None and not key.startswith(("fd:2",)) and key != _key(os.devnull):
            raise UsageError(f"{what}: output {text} is also written by {other}: "
                             "two outputs of one run would overwrite each other")
        self._claimed[key] = f"{what} ({text})"
        if ident is not None:
            self._claimed_ids[ident] = self._claimed[key]


def _same(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


# -- writing ---------------------------------------------------------------------------------------------
def write(output: str | os.PathLike[str], data: bytes, *, expect: "Snapshot | None" = None) -> None:
    """Write ``data`` to ``output`` as the module docstring says; ``expect``: the input this replaces."""
    text = os.fspath(output)
    fd = descriptor(text)
    if fd is not None:
        if fd in (1, 2):
            stream = sys.stdout if fd == 1 else sys.stderr
            with contextlib.suppress(Exception):
                stream.flush()
        try:
            write_fd(fd, data)
        except OSError as exc:
            raise ResolintError(f"cannot write to {text} ({exc.strerror or exc})") from None
        return
    try:
        st = os.stat(text)
    except OSError:
        st = None
    if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        out = os.open(text, os.O_WRONLY | os.O_CLOEXEC)
        try:
            write_fd(out, data)
        finally:
            os.close(out)
        return
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise UsageError(f"{text}: is a directory; not writing over it")
    write_atomic(text, data, expect=expect)


# -- reports ---------------------------------------------------------------------------------------------
def emit(text: str, output: str | os.PathLike[str] | None, kind: str = "text") -> None:
    """Write a report: to standard output (in its encoding) or to ``output`` (UTF-8), escaped
    as :func:`resolint.textout.encode` says for ``kind``."""
    from .textout import encode

    if output is None or descriptor(output) == 1:
        stream = sys.stdout
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text stream in memory (tests, editors): any character goes
            stream.write(text)
            stream.flush()
            return
        data = encode(text, getattr(stream, "encoding", None) or "utf-8", kind)
        stream.flush()
        buffer.write(data)
        buffer.flush()
        return
    if descriptor(output) == 2:
        write(output, encode(text, getattr(sys.stderr, "encoding", None) or "utf-8", kind))
        return
    write(output, encode(text, "utf-8", kind))
