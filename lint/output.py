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
"""
from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import ResolintError, UsageError

if TYPE_CHECKING:
    from .snapshot import Snapshot

#: Output specs that name a descriptor of this process.
_STREAMS = {"-": 1, "/dev/stdout": 1, "/dev/stderr": 2}
_FD_PATH = re.compile(r"\A/(?:dev/fd|proc/self/fd)/(\d+)\Z")
_CASE_INSENSITIVE = sys.platform in ("darwin", "win32")
_CATCH = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name))


class ChangedError(ResolintError):
    """The input changed on disk between reading it and writing over it."""


def descriptor(spec: str | os.PathLike[str]) -> int | None:
    """The file descriptor an output spec names (``-``, ``/dev/stdout``, ``/dev/fd/3``...), else None."""
    text = os.fspath(spec)
    if text in _STREAMS:
        return _STREAMS[text]
    m = _FD_PATH.match(text)
    return int(m.group(1)) if m else None


def _name_max(folder: str) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return 255


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
        if len(os.fsencode(os.path.basename(text))) > _name_max(folder):
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


# -- temporary files and signals -------------------------------------------------------------------
_TEMPS: set[str] = set()
_INSTALLED: dict[int, object] = {}


def _cleanup() -> None:
    for tmp in list(_TEMPS):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _TEMPS.discard(tmp)


def _on_signal(signum: int, frame: object) -> None:
    _cleanup()
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    signal.signal(signum, signal.SIG_DFL)  # die of the same signal, as the caller expects
    os.kill(os.getpid(), signum)


def install_signal_cleanup() -> None:
    """Remove this process's temporary files on SIGINT, SIGTERM, SIGHUP and SIGQUIT (main thread only)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return
    for sig in _CATCH:
        if sig in _INSTALLED:
            continue
        try:
            previous = signal.getsignal(sig)
            if previous is signal.SIG_IGN:
                continue  # nohup and friends: keep ignoring
            _INSTALLED[sig] = previous
            signal.signal(sig, _on_signal)
        except (OSError, ValueError):
            pass


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold catchable signals: a temporary name is created or renamed, and recorded, as one step."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _CATCH)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _temp_name(folder: str, target: str) -> str:
    """A hidden temporary name beside ``target`` that fits the file system's name limit."""
    limit = _name_max(folder)
    tail = f".{os.urandom(4).hex()}.tmp".encode()
    head = os.fsencode("." + os.path.basename(target))[: max(1, limit - len(tail))]
    return os.path.join(folder, os.fsdecode(head + tail))


def _linkat():  # type: ignore[no-untyped-def]
    """libc's ``linkat`` (to give an ``O_TMPFILE`` file a name), or None where it is missing."""
    if not hasattr(os, "O_TMPFILE"):
        return None
    try:
        import ctypes

        fn = ctypes.CDLL(None, use_errno=True).linkat
    except (OSError, AttributeError):
        return None
    return fn


_UNSET = object()
#: libc's linkat, looked up on the first write (ctypes costs start-up time a lint does not need)
_LINKAT: object = _UNSET


def _open_temp(folder: str) -> tuple[int, bool]:
    """An open file to write the output in: unnamed (``O_TMPFILE``, True) where the system allows."""
    global _LINKAT
    if _LINKAT is _UNSET:
        _LINKAT = _linkat()
    if _LINKAT is not None:
        try:
            return os.open(folder, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o600), True  # type: ignore[attr-defined]
        except OSError:
            pass
    return -1, False


def _give_name(fd: int, name: str) -> None:
    import ctypes

    at_fdcwd, follow = -100, 0x400  # AT_FDCWD, AT_SYMLINK_FOLLOW
    target = os.fsencode(f"/proc/self/fd/{fd}")
    if _LINKAT(at_fdcwd, target, at_fdcwd, os.fsencode(name), follow) != 0:  # type: ignore[operator]
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), name)


# -- writing ---------------------------------------------------------------------------------------------
def _write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


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
            _write_fd(fd, data)
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
            _write_fd(out, data)
        finally:
            os.close(out)
        return
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise UsageError(f"{text}: is a directory; not writing over it")
    write_atomic(text, data, expect=expect)


def write_atomic(path: str | os.PathLike[str], data: bytes, *, expect: "Snapshot | None" = None) -> None:
    """Write ``data`` to ``path`` (symbolic links followed) through a temporary file in the same
    folder and a rename; with ``expect``, only if that input is still the version read."""
    target = os.path.realpath(os.fspath(path))
    folder = os.path.dirname(target) or "."
    try:
        st = os.stat(target)
        mode = stat.S_IMODE(st.st_mode)
    except OSError:
        st, mode = None, None
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    elif not mode & 0o222:
        raise UsageError(f"{path}: is read-only; not writing over it")
    tmp: str | None = None
    fd, unnamed = _open_temp(folder)
    try:
        if not unnamed:
            with _signals_held():
                tmp = _temp_name(folder, target)
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
                _TEMPS.add(tmp)
        os.fchmod(fd, mode)
        _write_fd(fd, data)
        os.fsync(fd)
        with _signals_held():
            if expect is not None:
                why = expect.changed()
                if why is not None:
                    raise ChangedError(f"{expect.path}: changed on disk while resolint worked on it ({why}); "
                                       "nothing written, the saved version is kept: run again")
            if unnamed:
                tmp = _temp_name(folder, target)
                _give_name(fd, tmp)
                _TEMPS.add(tmp)
            os.replace(tmp, target)  # type: ignore[arg-type]
            _TEMPS.discard(tmp)  # type: ignore[arg-type]
            tmp = None
        with contextlib.suppress(OSError):
            dfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            _TEMPS.discard(tmp)


# -- text ------------------------------------------------------------------------------------------------
def _escape_text(exc: UnicodeError) -> tuple[str | bytes, int]:
    """Undecodable file-name bytes go out as they were; other characters as ``\\xNN`` escapes."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = b""
    for ch in exc.object[exc.start:exc.end]:
        n = ord(ch)
        if 0xDC80 <= n <= 0xDCFF:
            out += bytes([n - 0xDC00])
        else:
            out += ch.encode("ascii", "backslashreplace")
    return out, exc.end


def _escape_json(exc: UnicodeError) -> tuple[str, int]:
    """JSON ``\\uXXXX`` escapes (pairs above the BMP): the document stays valid JSON."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        n = ord(ch)
        if n > 0xFFFF:
            n -= 0x10000
            out.append(f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}")
        else:
            out.append(f"\\u{n:04x}")
    return "".join(out), exc.end


def _escape_xml(exc: UnicodeError) -> tuple[str, int]:
    """Character references; undecodable file-name bytes as ``\\udcNN`` text (XML has no such character)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        n = ord(ch)
        out.append(f"\\u{n:04x}" if 0xD800 <= n <= 0xDFFF else f"&#{n};")
    return "".join(out), exc.end


_HANDLERS = {"text": ("resolint-text", _escape_text), "json": ("resolint-json", _escape_json),
             "xml": ("resolint-xml", _escape_xml)}
#: How each output format escapes what its encoding cannot carry (plugins: ``escape`` attribute).
FORMAT_ESCAPES = {"json": "json", "sarif": "json", "junit": "xml", "html": "xml"}


def _handler(kind: str) -> str:
    import codecs

    name, fn = _HANDLERS.get(kind, _HANDLERS["text"])
    try:
        codecs.lookup_error(name)
    except LookupError:
        codecs.register_error(name, fn)
    return name


def encode(text: str, encoding: str = "utf-8", kind: str = "text") -> bytes:
    """``text`` in ``encoding``, never failing: see :data:`FORMAT_ESCAPES`."""
    try:
        return text.encode(encoding, _handler(kind))
    except LookupError:
        return text.encode("utf-8", _handler(kind))


def emit(text: str, output: str | os.PathLike[str] | None, kind: str = "text") -> None:
    """Write a report: to standard output (in its encoding) or to ``output`` (UTF-8)."""
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


def escape_kind(fmt: str, formatter: object = None) -> str:
    """The escape style of an output format (a formatter may say with an ``escape`` attribute)."""
    return getattr(formatter, "escape", None) or FORMAT_ESCAPES.get(fmt, "text")

