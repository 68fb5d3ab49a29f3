"""Run-time limits shared by the engine and the rules (see the README's limits table)."""
from __future__ import annotations

#: Seconds one regular-expression search may take before it is abandoned.
REGEX_TIMEOUT = 1.0


def set_regex_timeout(seconds: float) -> None:
    global REGEX_TIMEOUT
    REGEX_TIMEOUT = float(seconds)
