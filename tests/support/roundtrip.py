"""A redline read back through LibreOffice: its text after Accept All and after Reject All."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from resolint.redline import diff_files

from . import libreoffice as lo


def views(red: Path) -> tuple[dict, dict]:
    """LibreOffice's reading of ``red`` with every revision accepted, and with every one rejected."""
    return lo.texts(red, "accept"), lo.texts(red, "reject")


def both_ways(old: Path, new: Path, folder: Path, date: datetime) -> Iterator[tuple[Path, Path, dict, dict]]:
    """The redline of ``new`` against ``old``, then of ``old`` against ``new``, written in
    ``folder``: ``(a, b, accepted, rejected)`` for each, where ``b`` is the one compared with ``a``."""
    red = folder / "redline.docx"
    for a, b in ((old, new), (new, old)):
        red.write_bytes(diff_files(a, b, date=date).docx_bytes())
        yield (a, b, *views(red))
