"""Atomic writes: a temporary file in the target folder, fsync, rename; nothing left behind.

The data goes to an unnamed file in the target folder (``O_TMPFILE``, given a name by
``linkat`` only just before the rename), or where the system lacks it to a hidden name cut
to the file system's name limit. Catchable signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT) are
held while a temporary name is created or renamed, and the handlers of
:func:`install_signal_cleanup` remove a named temporary file before the process ends by
the same signal (SIGINT raises KeyboardInterrupt as usual). With ``expect``, the input the
write replaces is checked again just before the rename (:class:`ChangedError`).
"""
from __future__ import annotations

import contextlib
import os
import signal
import stat
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .errors import ResolintError, UsageError

if TYPE_CHECKING:
    from .snapshot import Snapshot

_CATCH = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name))


class ChangedError(ResolintError):
    """The input changed on disk between reading it and writing over it."""


def name_max(folder: str) -> int:
    """The longest file name (in bytes) the file system of ``folder`` takes."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return 255


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
    limit = name_max(folder)
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


def write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


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
        write_fd(fd, data)
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
