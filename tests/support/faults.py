"""Helpers of the fault-injection tests: watching a file being opened (inotify), running
``python -m resolint`` children, and listing what a run left behind."""
from __future__ import annotations

import ctypes
import os
import select
import struct
import subprocess
import sys
from pathlib import Path

IN_ACCESS = 0x001
IN_CLOSE_NOWRITE = 0x010
IN_OPEN = 0x020


class Watch:
    """inotify on one file (Linux): :meth:`wait` for an event, :meth:`count` events seen."""

    def __init__(self, path: Path, mask: int) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        if libc.inotify_add_watch(self.fd, os.fsencode(path), mask) < 0:
            os.close(self.fd)
            raise OSError(ctypes.get_errno(), "inotify_add_watch")
        self.events: list[int] = []

    def _drain(self) -> None:
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return
        pos = 0
        while pos + 16 <= len(data):
            _wd, mask, _cookie, length = struct.unpack_from("iIII", data, pos)
            self.events.append(mask)
            pos += 16 + length

    def wait(self, mask: int, timeout: float = 30) -> bool:
        """True once an event of ``mask`` has arrived (or had arrived)."""
        while not any(e & mask for e in self.events):
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                return False
            self._drain()
        return True

    def count(self, mask: int) -> int:
        self._drain()
        return sum(1 for e in self.events if e & mask)

    def close(self) -> None:
        os.close(self.fd)


def inotify_available() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fd = libc.inotify_init1(0)
    except (OSError, AttributeError):
        return False
    if fd < 0:
        return False
    os.close(fd)
    return True


def child_env(tmpdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("RESOLINT_DEBUG", None)
    env["TMPDIR"] = str(tmpdir)
    return env


def start(args: list[str], cwd: Path, tmpdir: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "resolint", *args], cwd=cwd, env=child_env(tmpdir),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}
