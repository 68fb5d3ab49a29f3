"""``check --statistics``: how many findings each rule gave, most frequent first (as ruff does)."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import FileResult


def statistics(results: "list[FileResult]", fmt: str = "text") -> str:
    """One line per rule: count, code, ``[*]`` if every one is fixable by ``--fix``, name, severity;
    with ``fmt == "json"``, a JSON list of ``{code, name, severity, count, fixable}``."""
    counts: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    about: dict[str, tuple[str, str]] = {}
    for res in results:
        for f in res.findings:
            counts[f.code] += 1
            about.setdefault(f.code, (f.name, f.severity.value))
            if f.fix is not None and f.fix.safety.value == "safe":
                fixable[f.code] += 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        import json

        data = [{"code": code, "name": about[code][0], "severity": about[code][1], "count": n,
                 "fixable": fixable[code]} for code, n in rows]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if not counts:
        return ""
    width = len(str(rows[0][1]))
    code_width = max(len(code) for code, _ in rows)
    lines = []
    for code, n in rows:
        mark = "[*]" if fixable[code] == n else "[-]" if fixable[code] else "   "
        name, severity = about[code]
        lines.append(f"{n:>{width}}  {code:<{code_width}}  {mark} {name} ({severity})")
    return "\n".join(lines) + "\n"
