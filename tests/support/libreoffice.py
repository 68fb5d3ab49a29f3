"""Driving LibreOffice (headless, through UNO) from the tests.

The pyenv Python has no ``uno`` module, so a worker (``lo_uno.py``) runs under the
system Python and keeps one soffice process for the whole test session; requests go
over its stdin/stdout as JSON lines.

``available()`` says whether LibreOffice can be used; ``require()`` skips the test
when it cannot, unless the ``CI`` environment variable is set, in which case a
missing LibreOffice fails the test.
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

SYSTEM_PYTHON = os.environ.get("RESOLINT_UNO_PYTHON", "/usr/bin/python3")
WORKER = Path(__file__).with_name("lo_uno.py")


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    if soffice_path() is None or not os.path.exists(SYSTEM_PYTHON):
        return False
    try:
        subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], check=True, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return True


def require() -> None:
    """Skip (locally) or fail (with ``CI`` set) when LibreOffice is missing."""
    import pytest

    if available():
        return
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) with the Python 'uno' module is required when CI is set")
    pytest.skip("LibreOffice (soffice) not installed")


class Session:
    """One soffice process and one UNO worker; thread-safe, started on first use."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self._profile: str | None = None
        self._lock = threading.Lock()

    def _start(self) -> None:
        self._profile = tempfile.mkdtemp(prefix="resolint-lo-")
        self._proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(WORKER), "--soffice", soffice_path() or "soffice", "--profile", self._profile],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        line = self._proc.stdout.readline()
        if not line or not json.loads(line).get("ready"):
            raise RuntimeError("LibreOffice UNO worker did not start")
        atexit.register(self.close)

    def request(self, **req) -> dict:
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._start()
            assert self._proc is not None and self._proc.stdin and self._proc.stdout
            self._proc.stdin.write(json.dumps(req) + "\n")
            self._proc.stdin.flush()
            line = self._proc.stdout.readline()
            if not line:
                self._proc = None
                raise RuntimeError("LibreOffice UNO worker died")
            return json.loads(line)

    def close(self) -> None:
        with self._lock:
            proc, self._proc = self._proc, None
            if proc is not None and proc.poll() is None:
                try:
                    proc.stdin.write(json.dumps({"op": "quit"}) + "\n")
                    proc.stdin.flush()
                    proc.wait(timeout=30)
                except Exception:
                    proc.kill()
            if self._profile:
                shutil.rmtree(self._profile, ignore_errors=True)
                self._profile = None


_SESSION = Session()


def _as_path(docx: bytes | str | os.PathLike) -> tuple[str, str | None]:
    if isinstance(docx, (bytes, bytearray)):
        fd, tmp = tempfile.mkstemp(suffix=".docx", prefix="resolint-lo-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(docx)
        return tmp, tmp
    return str(docx), None


def texts(docx, mode: str = "none") -> dict:
    """Body paragraphs' and footnotes' text as LibreOffice shows them, after
    ``mode`` = ``"accept"`` (Accept All), ``"reject"`` (Reject All) or ``"none"``.

    Returns ``{"loaded": bool, "body": [...], "footnotes": [...], "redlines": n,
    "tables": [...], "props": [...]}``: ``body`` holds table cells' paragraphs too,
    ``tables`` each table as rows of cell texts (so a row left empty shows),
    ``props`` each paragraph outside tables as ``[ParaAdjust, ParaStyleName,
    ParaLeftMargin, ParaRightMargin, ParaFirstLineIndent]``; ``loaded`` is False
    when the file does not open without repair.
    """
    path, tmp = _as_path(docx)
    try:
        return _SESSION.request(op="texts", path=path, mode=mode)
    finally:
        if tmp:
            os.unlink(tmp)


def comments(docx) -> list[tuple[str, str, str]]:
    """The comments (annotations) of a document: ``(author, text, anchored_text)``.

    LibreOffice 7.4 driven through UNO does not load documents with comments reliably, so
    this reads LibreOffice's own flat-ODF conversion of the file (see ``lo_extra``).
    """
    from .lo_extra import comments as read_comments

    path, tmp = _as_path(docx)
    try:
        return [tuple(c) for c in read_comments(path)]  # type: ignore[misc]
    finally:
        if tmp:
            os.unlink(tmp)


def compare(old, new, out=None) -> dict:
    """LibreOffice's own comparison of ``new`` against ``old``: ``{"seconds", "redlines"}``;
    with ``out``, the compared document saved there as .docx."""
    return _SESSION.request(op="compare", old=str(old), new=str(new), out=str(out) if out else "")


def close() -> None:
    _SESSION.close()
