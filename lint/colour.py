"""Colour in the text report, on a terminal only.

``--color auto`` (the default) colours when standard output is a terminal and ``NO_COLOR``
is unset or empty (https://no-color.org); ``always`` and ``never`` decide regardless.
Colour is added to the ``text`` and ``concise`` reports only, never to a file (``-o``),
and never changes a character of the text itself: only ANSI escapes around parts of it.
"""
from __future__ import annotations

import os
import re
from typing import IO

CHOICES = ("auto", "always", "never")

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_SEVERITY = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;34m"}
_CODE = "\x1b[1;31m"
_LABEL = "\x1b[36m"
_FLAGGED = "\x1b[1;4m"
_FIXABLE = "\x1b[36m"

#: ``path:PARA:COL: CODE [label] severity: message [*]``
_LINE = re.compile(r"^(?P<where>.+?:\d+:\d+:) (?P<code>\S+) (?P<label>\[[^\]]*\]) (?P<sev>error|warning|info):"
                   r"(?P<rest>.*?)(?P<fix> \[\*\])?$")
_FLAG = re.compile(r"»(.*?)«")


def wanted(mode: str, stream: IO[str] | None, to_file: bool) -> bool:
    """Whether to colour, for ``--color mode`` writing to ``stream`` (``to_file``: ``-o``)."""
    if mode == "never" or to_file:
        return False
    if mode == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def _line(line: str) -> str:
    m = _LINE.match(line)
    if m:
        sev = m.group("sev")
        fix = f"{_FIXABLE} [*]{_RESET}" if m.group("fix") else ""
        return (f"{_BOLD}{m.group('where')}{_RESET} {_CODE}{m.group('code')}{_RESET} "
                f"{_LABEL}{m.group('label')}{_RESET} {_SEVERITY[sev]}{sev}{_RESET}:{m.group('rest')}{fix}")
    if line.startswith("    "):
        return _FLAG.sub(lambda f: f"»{_FLAGGED}{f.group(1)}{_RESET}«", line)
    return line


def colourise(text: str) -> str:
    """``text`` (a text or concise report) with ANSI colours."""
    return "\n".join(_line(line) for line in text.split("\n"))
