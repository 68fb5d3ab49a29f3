"""The trace of a draft as text, JSON or HTML.

JSON is an array with one object per traced paragraph, in document order:
``{"label", "paragraph", "status", "sources": [{"symbol", "label", "similarity"}]}``,
sources best first. Text and HTML add the word-level diff of each modified paragraph
against its best source.
"""
from __future__ import annotations

import html
import json

from .trace import Traced, word_diff

FORMATS = ("text", "json", "html")


def as_json(items: list[Traced]) -> str:
    """The JSON report (see the module's documentation)."""
    data = [{"label": t.label, "paragraph": t.paragraph, "status": t.status,
             "sources": [{"symbol": s.symbol, "label": s.label, "similarity": s.similarity} for s in t.sources]}
            for t in items]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def diff_text(pieces: list[tuple[str, str]]) -> str:
    """A word diff written inline: ``[-deleted-]`` and ``{+inserted+}``."""
    out = []
    for op, words in pieces:
        out.append(words if op == "=" else f"[-{words}-]" if op == "-" else f"{{+{words}+}}")
    return " ".join(out)


def summary(items: list[Traced]) -> str:
    counts = {s: sum(1 for t in items if t.status == s) for s in ("agreed", "modified", "new")}
    return f"{len(items)} paragraphs: {counts['agreed']} agreed, {counts['modified']} modified, {counts['new']} new"


def as_text(items: list[Traced]) -> str:
    """One block per paragraph: label, status and sources; the diff of a modified one."""
    lines = []
    for t in items:
        head = f"{t.label}: {t.status}"
        if t.sources:
            best = t.sources[0]
            head += f" ({best.symbol} {best.label}, similarity {best.similarity:.2f})"
        lines.append(head)
        lines.append(f"  {t.paragraph}")
        if t.status == "modified":
            lines.append(f"  diff: {diff_text(t.diff())}")
        for s in t.sources[1:]:
            lines.append(f"  also: {s.symbol} {s.label} ({s.similarity:.2f})")
    lines.append(summary(items))
    return "\n".join(lines) + "\n"


def diff_html(pieces: list[tuple[str, str]]) -> str:
    out = []
    for op, words in pieces:
        w = html.escape(words)
        out.append(w if op == "=" else f"<del>{w}</del>" if op == "-" else f"<ins>{w}</ins>")
    return " ".join(out)


_STYLE = """body{font-family:serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}.agreed{background:#e6f4e6}
.modified{background:#fff6d6}.new{background:#fde2e2}del{color:#a00}ins{color:#070}small{color:#555}"""


def as_html(items: list[Traced], title: str = "Agreed language") -> str:
    """A standalone HTML page: a table of paragraphs, statuses, sources and diffs."""
    rows = []
    for t in items:
        sources = "<br>".join(f"{html.escape(s.symbol)} {html.escape(s.label)} <small>{s.similarity:.2f}</small>"
                              for s in t.sources)
        body = diff_html(t.diff()) if t.status == "modified" else html.escape(t.paragraph)
        rows.append(f'<tr class="{t.status}"><td>{html.escape(t.label)}</td><td>{t.status}</td>'
                    f"<td>{body}</td><td>{sources}</td></tr>")
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1><p>{html.escape(summary(items))}</p>\n"
            "<table><tr><th>Paragraph</th><th>Status</th><th>Text (changes from the best source)</th>"
            "<th>Sources</th></tr>\n" + "\n".join(rows) + "\n</table></body></html>\n")


def render(items: list[Traced], fmt: str, title: str = "Agreed language") -> str:
    if fmt == "json":
        return as_json(items)
    if fmt == "html":
        return as_html(items, title)
    return as_text(items)


__all__ = ["FORMATS", "as_html", "as_json", "as_text", "render", "word_diff"]
