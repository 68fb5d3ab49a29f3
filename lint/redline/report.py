"""Text, HTML and JSON forms of a redline's paragraph map."""
from __future__ import annotations

import html
from collections import Counter

from .mapping import status_text, text_changed
from .words import op_summary

STATUSES = ("unchanged", "modified", "moved", "added", "deleted")


def map_rows(entries) -> list[dict]:
    return [
        {"old_label": e.old_label or None, "new_label": e.new_label or None, "status": e.status,
         "old_index": e.old_index, "new_index": e.new_index,
         **({"formatting_only": True} if e.formatting_only else {}),
         **({"modified": True} if e.status == "moved" and text_changed(e.ops) else {})}
        for e in entries
    ]


def counts(entries) -> dict[str, int]:
    c = Counter(e.status for e in entries)
    return {s: c.get(s, 0) for s in STATUSES}


def to_text(body, notes, old_name: str, new_name: str) -> str:
    lines = [f"Paragraph map: {old_name} -> {new_name}", ""]
    width = max([len(e.old_label or "-") for e in body + notes] + [5])
    for e in body + notes:
        old = e.old_label or "-"
        new = e.new_label or "-"
        status = status_text(e) + (" (formatting)" if e.formatting_only else "")
        lines.append(f"  {old:<{width}} -> {new:<{width}}  {status}")
    lines.append("")
    c = counts(body)
    lines.append("Paragraphs: " + ", ".join(f"{c[s]} {s}" for s in STATUSES))
    if notes:
        fc = counts(notes)
        lines.append("Footnotes: " + ", ".join(f"{fc[s]} {s}" for s in STATUSES if s != "moved"))
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:Georgia,'Times New Roman',serif;max-width:60em;margin:2em auto;line-height:1.5;color:#111}
h1{font-size:1.2em} table.map{border-collapse:collapse;font-size:.9em;margin-bottom:2em}
table.map td,table.map th{border:1px solid #ccc;padding:.2em .6em;text-align:left}
div.p{display:flex;gap:1em;margin:.4em 0} div.p .lbl{flex:0 0 8em;color:#555;font-size:.85em;text-align:right}
div.p .txt{flex:1;white-space:pre-wrap} ins{text-decoration:underline;color:#05a;background:#eef6ff}
del{text-decoration:line-through;color:#b00;background:#fff0f0}
div.deleted .txt{text-decoration:line-through;color:#b00} div.added .txt{color:#05a}
.st{font-size:.75em;color:#777;display:block} .fmt{border-bottom:1px dotted #a50}
"""


def _render_ops(ops) -> str:
    out = []
    for chunk in op_summary(ops):
        text = html.escape(chunk["text"])
        if chunk["op"] == "+":
            out.append(f"<ins>{text}</ins>")
        elif chunk["op"] == "-":
            out.append(f"<del>{text}</del>")
        else:
            out.append(text)
    return "".join(out)


def to_html(body, notes, old_name: str, new_name: str) -> str:
    title = f"Redline: {html.escape(old_name)} \u2192 {html.escape(new_name)}"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{title}</title><style>{_CSS}</style></head><body>", f"<h1>{title}</h1>"]
    c = counts(body)
    parts.append("<p>" + ", ".join(f"{c[s]} {s}" for s in STATUSES) + "</p>")
    for section, entries in (("Text", body), ("Footnotes", notes)):
        if not entries:
            continue
        parts.append(f"<h2>{section}</h2>")
        for e in entries:
            label = html.escape(e.new_label or e.old_label or "")
            if e.status == "moved":
                label += f'<span class="st">{status_text(e)} from {html.escape(e.old_label)}</span>'
            elif e.status not in ("unchanged",):
                label += f'<span class="st">{e.status}</span>'
            cls = "p " + e.status + (" fmt" if e.formatting_only else "")
            parts.append(f'<div class="{cls}"><div class="lbl">{label}</div>'
                         f'<div class="txt">{_render_ops(e.ops)}</div></div>')
    parts.append("<h2>Paragraph map</h2><table class=\"map\"><tr><th>Old</th><th>New</th><th>Status</th></tr>")
    for e in body + notes:
        parts.append(f"<tr><td>{html.escape(e.old_label or '-')}</td><td>{html.escape(e.new_label or '-')}</td>"
                     f"<td>{status_text(e)}</td></tr>")
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"


def to_json(body, notes, old_name: str, new_name: str, author: str, date: str) -> dict:
    def block(entries):
        return [dict(row, operations=op_summary(e.ops) if e.status != "unchanged" else [])
                for row, e in zip(map_rows(entries), entries)]

    return {
        "old": old_name,
        "new": new_name,
        "author": author,
        "date": date,
        "counts": counts(body),
        "footnote_counts": counts(notes),
        "paragraphs": block(body),
        "footnotes": block(notes),
    }
