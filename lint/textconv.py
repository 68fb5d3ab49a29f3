"""A draft as plain text, one labelled paragraph per line, for ``git diff`` on .docx files.

Each paragraph of the accepted view becomes one line, ``[LABEL] text``; the number the
reader sees is kept ("[OP 2] 2. Requests..."), footnote marks are shown as ``[^N]`` and
footnotes follow at the end, one line per footnote paragraph. Line breaks inside a
paragraph are shown as `` / ``, tabs as a space, so a changed paragraph is one changed
line in a diff, found by its label. Set up git with::

    # .gitattributes
    *.docx diff=resolint

    git config diff.resolint.textconv "resolint textconv"
"""
from __future__ import annotations

from .model import Kind, Paragraph, Resolution

#: Kinds whose paragraphs are left out (nothing a reader sees).
_SKIPPED = (Kind.EMPTY,)


def _clean(text: str) -> str:
    """One line: breaks as `` / ``, tabs as a space; inner spacing is kept (diffs show it)."""
    return " / ".join(line.replace("\t", " ").strip() for line in text.splitlines() if line.strip())


def paragraph_text(p: Paragraph) -> str:
    """``p.text`` with footnote marks as ``[^N]`` and the visible number in front."""
    text = p.text
    for ref in sorted(p.footnote_refs, key=lambda r: r.start, reverse=True):
        shown = (ref.target_number if ref.via_noteref and ref.target_number else ref.shown).strip() or "?"
        text = text[:ref.start] + f"[^{shown}]" + text[ref.end:]
    text = _clean(text)
    if p.number:
        text = f"{p.number.strip()} {text}" if text else p.number.strip()
    return text


def label_of(p: Paragraph) -> str:
    if p.label:
        return p.label
    kind = p.kind.value if hasattr(p.kind, "value") else str(p.kind)
    return f"{kind} ¶{p.index}"


def render(doc: Resolution) -> str:
    """The whole draft as labelled lines, body first, then a ``Footnotes`` block."""
    lines: list[str] = []
    for p in doc.paragraphs:
        if p.kind in _SKIPPED or not (p.text.strip() or p.number):
            continue
        lines.append(f"[{label_of(p)}] {paragraph_text(p)}".rstrip())
    notes = [(fn, fp) for fn in doc.footnotes for fp in fn.paragraphs if fp.text.strip()]
    if notes:
        lines.append("")
        lines.append("Footnotes")
        for fn, fp in notes:
            lines.append(f"[{fn.label}] {paragraph_text(fp)}".rstrip())
    return "\n".join(lines) + "\n"
