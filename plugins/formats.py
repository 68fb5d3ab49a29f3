"""Output formats: ``text`` (one line per finding) and ``json`` (an array of findings)."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from resolint.hookspecs import hookimpl

if TYPE_CHECKING:
    from resolint.engine import FileResult


class TextFormatter:
    description = "one line per finding: path:PARA:COL: CODE [label] message"

    def format(self, results: "list[FileResult]") -> str:
        lines = []
        for res in results:
            for f in res.findings:
                fix = " [*]" if f.fix is not None and f.fix.safety.value == "safe" else ""
                lines.append(f"{f.path}:{f.paragraph}:{f.column}: {f.code} [{f.label}] {f.message}{fix}")
        total = sum(len(r.findings) for r in results)
        fixable = sum(1 for r in results for f in r.findings if f.fix is not None and f.fix.safety.value == "safe")
        files = sum(1 for r in results if r.error is None)
        if total:
            lines.append(f"Found {total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}"
                         + (f" ({fixable} fixable with --fix)." if fixable else "."))
        elif files:
            lines.append(f"All checks passed ({files} file{'s' if files != 1 else ''}).")
        return "\n".join(lines) + ("\n" if lines else "")


class JsonFormatter:
    description = "a JSON array of finding objects"

    def format(self, results: "list[FileResult]") -> str:
        data = [f.to_dict() for res in results for f in res.findings]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@hookimpl
def resolint_formatters() -> dict[str, object]:
    return {"text": TextFormatter(), "json": JsonFormatter()}
