"""``check --diff``: what ``--fix`` would change, as a unified diff of the drafts' text; nothing written.

Each draft is fixed in memory exactly as ``--fix`` does (the same passes, the same
conflicts left out; ``--unsafe-fixes`` adds unsafe fixes) and both versions are shown as
:mod:`resolint.textconv` prints them, so the diff reads like ``git diff`` on drafts.
"""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Config
    from .plugin_manager import Manager


def preview(path: Path, config: "Config", manager: "Manager", unsafe: bool = False) -> tuple[str, int]:
    """The unified diff ``--fix`` would make to ``path`` ("" if none) and how many fixes."""
    from .engine import lint_path
    from .fixer import fix_data
    from .ooxml.package import read_snapshot
    from .textconv import render

    snap = read_snapshot(path, config.limits)
    with snap.pinned():
        before, _ = lint_path(path, config, manager)
    old = render(before)
    out = fix_data(snap.data, path, lambda p: lint_path(p, config, manager), unsafe=unsafe)
    if not out.changed:
        return "", 0
    new = render(out.document)
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{path.as_posix().lstrip('/')}",
                                 tofile=f"b/{path.as_posix().lstrip('/')}", n=1)
    return "".join(lines), out.fixed
