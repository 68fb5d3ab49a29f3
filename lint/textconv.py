"""A draft as plain text, one paragraph per line, for ``git diff`` on .docx files.

Designed for diffs: a line holds only what belongs to its paragraph, so that inserting,
deleting or moving a paragraph changes that paragraph's line and no other.

- Each line starts with the paragraph's *kind* (``[title]``, ``[formula]``, ``[PP]``,
  ``[OP]``, ``[OP sub]`` for a sub-paragraph, ``[OP sub 2]`` one level further...), not its
  number: the label ``OP 7`` becomes ``OP 8`` when a paragraph is inserted before it, and
  a line carrying it would show as changed although the paragraph is not.
- Numbers that Word draws (automatic numbering) are left out for the same reason; numbers
  typed in the text are kept, since retyping them is a real change of the draft.
- A footnote is shown where its mark is, inline: ``...2018,^[Resolution 73/11.]``. Footnote
  numbers shift when a footnote is added before; the text of the note does not. A second
  reference to a note (a NOTEREF field) is ``^[= first words of the note…]``; a note with a
  custom mark shows it: ``^*[Issued for technical reasons.]``.
- Line breaks inside a paragraph are shown as `` / ``, tabs as a space.

Set up git with::

    # .gitattributes
    *.docx diff=resolint

    git config diff.resolint.textconv "resolint textconv"
    git config diff.resolint.xfuncname '^\\[(OP|PP|title)\\] .*'   # optional: hunk headers

``resolint diff OLD NEW`` gives the paragraph map with labels (``OP 7 -> OP 8``) when the
numbers are wanted.
"""
from __future__ import annotations

from .model import Footnote, Kind, Paragraph, Resolution

#: Kinds whose paragraphs are left out (nothing a reader sees).
_SKIPPED = (Kind.EMPTY,)
#: How a kind is named at the start of its lines (kinds not listed: their own name).
_KINDS = {Kind.PREAMBLE: "PP", Kind.OPERATIVE: "OP"}
#: Characters of a second reference shown (``^[= ...]``).
_NOTEREF_CHARS = 40


def _clean(text: str) -> str:
    """One line: breaks as `` / ``, tabs as a space; inner spacing is kept (diffs show it)."""
    return " / ".join(line.replace("\t", " ").strip() for line in text.splitlines() if line.strip())


def _note_text(note: Footnote | None) -> str:
    if note is None:
        return ""
    return " / ".join(_clean(fp.text) for fp in note.paragraphs if fp.text.strip())


def paragraph_text(p: Paragraph, notes: dict[str, Footnote] | None = None) -> str:
    """``p.text`` with each footnote inline at its mark (``^[text]``) and a typed number in front."""
    notes = notes or {}
    text = p.text
    for ref in sorted(p.footnote_refs, key=lambda r: r.start, reverse=True):
        note = notes.get(ref.footnote_id) if ref.footnote_id is not None else None
        body = _note_text(note)
        if ref.via_noteref:
            short = body[:_NOTEREF_CHARS] + ("…" if len(body) > _NOTEREF_CHARS else "")
            shown = f"^[= {short}]" if short else "^[=]"
        else:
            # A custom mark ("*") is typed by the drafter and shifts with nothing: it is shown.
            mark = note.number if note is not None and note.number and not note.number.isdigit() else ""
            shown = f"^{mark}[{body}]" if note is not None else "^[?]"
        text = text[:ref.start] + shown + text[ref.end:]
    text = _clean(text)
    if p.number and p.number_source != "auto":
        text = f"{p.number.strip()} {text}" if text else p.number.strip()
    return text


def kind_of(p: Paragraph) -> str:
    """The stable name of ``p``'s place: its kind, and for a sub-paragraph its depth."""
    if p.kind is Kind.SUBPARAGRAPH:
        depth, up = 0, p
        while up is not None and up.kind is Kind.SUBPARAGRAPH:
            depth += 1
            up = up.parent
        head = _KINDS.get(up.kind, up.kind.value) if up is not None else "OP"
        return f"{head} sub" + (f" {depth}" if depth > 1 else "")
    return _KINDS.get(p.kind, p.kind.value if hasattr(p.kind, "value") else str(p.kind))


def render(doc: Resolution) -> str:
    """The whole draft, one paragraph a line (see the module docstring)."""
    notes = {fn.id: fn for fn in doc.footnotes}
    lines: list[str] = []
    for p in doc.paragraphs:
        if p.kind in _SKIPPED or not (p.text.strip() or p.number):
            continue
        lines.append(f"[{kind_of(p)}] {paragraph_text(p, notes)}".rstrip())
    referenced = {ref.footnote_id for p in doc.paragraphs for ref in p.footnote_refs}
    orphans = [fn for fn in doc.footnotes if fn.id not in referenced and _note_text(fn)]
    if orphans:  # notes no mark points to: shown at the end, so that their text is not lost
        lines.append("")
        lines.append("Footnotes without a mark in the text")
        lines += [f"[FN] {_note_text(fn)}" for fn in orphans]
    return "\n".join(lines) + "\n"
