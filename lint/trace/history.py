"""``trace --history LABEL``: one paragraph's versions across the library, oldest first.

A version is a wording of the library close to the draft paragraph (similarity at least
the ``modified`` threshold), dated by the first resolution that adopted it, with how many
resolutions adopted it and the last of them; versions are sorted by that first date, each
with the word-level diff against the version before it (a clause's history through the
renewals of a resolution).
"""
from __future__ import annotations

from dataclasses import dataclass

from .library import Library
from .report import diff_html, diff_text
from .text import tokens as text_tokens
from .trace import MODIFIED_AT, ranked, word_diff

#: Distinct texts looked at for a history (each may stand in many resolutions).
HISTORY_CANDIDATES = 200


@dataclass
class Version:
    """A paragraph as one resolution adopted it."""

    symbol: str  # the first resolution that adopted this wording
    label: str
    date: str | None
    similarity: float
    text: str
    diff: list[tuple[str, str]]  # against the previous version (empty for the first)
    adopted: int = 1  # how many paragraphs of the library have this wording
    last: str | None = None  # the symbol of the last resolution that adopted it


def history(lib: Library, text: str, *, threshold: float = MODIFIED_AT) -> list[Version]:
    """The versions of ``text`` in the library, oldest first."""
    found = []
    for sim, tid, shown in ranked(lib, text_tokens(text), candidates=HISTORY_CANDIDATES)[0]:
        if sim < threshold:
            continue
        first = lib.occurrences(tid, 1, oldest_first=True)
        last = lib.occurrences(tid, 1)
        if first:
            found.append((first[0], last[0].symbol, lib.count(tid), sim, shown))
    found.sort(key=lambda t: (t[0].date or "", t[0].symbol, t[0].label))
    out: list[Version] = []
    for occ, last_symbol, count, sim, shown in found:
        diff = word_diff(out[-1].text, shown) if out else []
        out.append(Version(occ.symbol, occ.label, occ.date, sim, shown, diff, count, last_symbol))
    return out


def as_text(label: str, versions: list[Version]) -> str:
    if not versions:
        return f"{label}: no version in the library\n"
    lines = [f"{label}: {len(versions)} versions, oldest first"]
    for v in versions:
        again = f"; adopted {v.adopted} times, last in {v.last}" if v.adopted > 1 else ""
        lines.append(f"{v.date or '?'} {v.symbol} {v.label} (similarity {v.similarity:.2f}{again})")
        if not v.diff:
            lines.append(f"  {v.text}")
        else:
            lines.append(f"  {diff_text(v.diff)}")
    return "\n".join(lines) + "\n"


def as_json(label: str, versions: list[Version]) -> str:
    import json

    return json.dumps([{"symbol": v.symbol, "label": v.label, "date": v.date, "similarity": v.similarity,
                        "adopted": v.adopted, "last": v.last, "text": v.text, "diff": [list(p) for p in v.diff]}
                       for v in versions],
                      ensure_ascii=False, indent=2) + "\n"


def as_html(label: str, versions: list[Version]) -> str:
    import html

    rows = "\n".join(f"<tr><td>{html.escape(v.date or '?')}</td><td>{html.escape(v.symbol)} {html.escape(v.label)}</td>"
                     f"<td>{diff_html(v.diff) if v.diff else html.escape(v.text)}</td></tr>" for v in versions)
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(label)}: history</title>"
            "<style>del{color:#a00}ins{color:#070}td{vertical-align:top;padding:.3em}</style></head><body>"
            f"<h1>{html.escape(label)}: history</h1><table>\n{rows}\n</table></body></html>\n")
