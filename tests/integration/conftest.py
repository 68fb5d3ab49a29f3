"""Helpers for the integration tests: run the real ``resolint`` command."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FAULTY = """
# Cooperation between the United Nations and the African Union
The General Assembly,
*Recalling* its resolution 73/11,^[Resolution 73/11.]
*Noting*  the report of the Secretary-General
@1. *Decides* to continue cooperation;.
@2. *Requests* the Secretary-General to report, in 2025, on 50% of the cases.
"""
CLEAN = """
# Cooperation between the United Nations and the African Union
The General Assembly,
*Recalling* its resolution 73/11,^[Resolution 73/11.]
@1. *Decides* to continue cooperation;
@2. *Requests* the Secretary-General to report.
"""


#: The rules the expectations of these tests are written for (other rules come and go).
PINNED = ("--select", "S101,P101")


def run_resolint(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
                 timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``resolint ARGS`` in a new process (``python -m resolint``), output captured as text."""
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "resolint", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def faulty_and_clean(draft) -> tuple[Path, Path]:
    return draft(FAULTY, name="faulty.docx"), draft(CLEAN, name="clean.docx")
