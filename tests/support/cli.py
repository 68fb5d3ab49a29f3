"""The command line as a user runs it, and a draft every check passes, for CLI tests."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

#: A draft with no finding (compact notation of resolint.testing.draft).
CLEAN_DRAFT = """
The General Assembly,
*Recalling* its resolution 73/11 of 26 November 2018,
@1. *Decides* to act;
@2. *Requests* a report.
"""


def run_cli(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m resolint ARGS`` in a fresh process."""
    return subprocess.run([sys.executable, "-m", "resolint", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)
