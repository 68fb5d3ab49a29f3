"""A baseline: the findings a repository already had when it adopted resolint.

``check --baseline FILE`` records every current finding in FILE when FILE does not exist
yet (exit 0), and on later runs reports only the findings FILE does not hold: a repository
full of old drafts adopts resolint at once, and CI fails only on what a change brings.
``--update-baseline`` records again (after old findings were fixed, or to accept new ones).

A finding is recorded by the draft's path (relative to FILE's folder), the rule code and
its text in context (the flagged text with the words around it; for a finding on the whole
document, its message in English, whatever the message language), never by paragraph
number or label: inserting a paragraph renumbers every later one, and the old findings
must stay known. Each entry has a count; a draft with one more identical finding than
recorded reports one. The file is JSON, sorted, one entry a line, written atomically,
meant to be committed.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError

if TYPE_CHECKING:
    from .engine import FileResult
    from .findings import Finding

VERSION = 1


def _where(path: str, base: Path) -> str:
    try:
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:  # another drive
        return Path(path).as_posix()


def key(finding: "Finding", path: str, base: Path) -> tuple[str, str, str]:
    """(path relative to ``base``, code, text in context or English message): what a baseline matches on."""
    text = finding.extra.get("context") or finding.extra.get("message_en") or finding.message
    return (_where(path, base), finding.code, " ".join(str(text).split()))


def read(file: Path) -> Counter[tuple[str, str, str]]:
    """The recorded findings of ``file`` (UsageError: not a baseline)."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError("unknown version")
        return Counter({(e["path"], e["code"], e["text"]): int(e["count"]) for e in data["findings"]})
    except OSError as exc:
        raise UsageError(f"--baseline: cannot read {file} ({exc.strerror or exc})") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise UsageError(f"--baseline: {file} is not a resolint baseline (delete it, or record one "
                         "with --update-baseline)") from None


def record(file: Path, results: "list[FileResult]") -> int:
    """Write every finding of ``results`` to ``file``; return how many."""
    from .output import write

    base = file.resolve().parent
    counts: Counter[tuple[str, str, str]] = Counter()
    for res in results:
        for f in res.findings:
            counts[key(f, res.path, base)] += 1
    lines = [json.dumps({"path": p, "code": c, "text": t, "count": n}, ensure_ascii=False)
             for (p, c, t), n in sorted(counts.items())]
    body = '{"version": %d, "findings": [\n%s\n]}\n' % (VERSION, ",\n".join(lines)) if lines else \
        '{"version": %d, "findings": []}\n' % VERSION
    write(file, body.encode("utf-8", "surrogateescape"))
    return sum(counts.values())


def subtract(results: "list[FileResult]", recorded: Counter[tuple[str, str, str]], file: Path) -> tuple[list[Any], int]:
    """``results`` without the findings ``recorded`` holds; and how many were left out."""
    base = file.resolve().parent
    left = Counter(recorded)
    out = []
    hidden = 0
    for res in results:
        kept = []
        for f in res.findings:
            k = key(f, res.path, base)
            if left[k] > 0:
                left[k] -= 1
                hidden += 1
            else:
                kept.append(f)
        out.append(replace(res, findings=kept) if len(kept) != len(res.findings) else res)
    return out, hidden
