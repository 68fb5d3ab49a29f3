"""Build a .docx from a resolution written in the plain-text notation of real-text corpora.

Two forms are read (a first line ``# SOURCE: ... | SYMBOL: ... | LANG: .. | FORMAT: ...``
may state which):

- ``plain``: the text layer of an official PDF: paragraphs separated by blank lines,
  lines hard-wrapped (joined again here; a line ending in a hyphen is joined without a
  space), no italics and no footnote marks;
- ``marked``: one paragraph a line; ``*...*`` is a run in italics, ``[^N]`` a footnote
  indicator, and after a blank line ``[^N]: text`` gives the footnote's text; a typed
  paragraph number ("1.", "(a)") is followed by a tab.

Typed numbers stay typed (as in most real drafts); footnotes become real footnotes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

from .builder import DocBuilder, FootnoteRef, Inline, Run

_HEADER = regex.compile(r"^#\s*SOURCE:")
_NOTE_DEF = regex.compile(r"^\[\^(\w+)\]:\s*(.*)$")
_PIECE = regex.compile(r"\*([^*\n]+)\*|\[\^(\w+)\]")
#: A line that starts a paragraph even without a blank line before it (plain form).
_STARTS_PARAGRAPH = regex.compile(r"^(?:\d{1,3}\.\s+\p{Lu}|\([a-z]{1,4}\)\s)")
#: The organ's formula standing on its own line ("The Security Council,").
_FORMULA_LINE = regex.compile(r"^The\s+(?:\p{Lu}\p{L}*\s+)*(?:Council|Assembly),?$")
#: A footnote indicator left as a bare number at the end of a paragraph of a text layer.
_TRAILING_MARK = regex.compile(r"(?<=[,;:.)])\s+(\d{1,3})$")
#: A footnote's text at the foot of a text layer: "61 See Official Records ...".
_NOTE_TEXT = regex.compile(r"^(\d{1,3}|\*)\s+(\S.*)$")
#: The closing line of an adopted text, after which the footnotes' texts stand.
_ADOPTED = regex.compile(r"^Adopted\b.*\bmeeting\b", regex.IGNORECASE)


@dataclass
class NotationText:
    """A text in corpus notation: its header fields, paragraphs and footnote texts."""

    fields: dict[str, str] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return self.fields.get("LANG", "en").split("-")[0].lower()

    @property
    def symbol(self) -> str:
        return self.fields.get("SYMBOL", "")


def parse_header(line: str) -> dict[str, str]:
    """``# SOURCE: url | SYMBOL: S/RES/1 (1946) | ...`` as a dict of its fields."""
    out: dict[str, str] = {}
    for piece in line.lstrip("#").split(" | "):
        key, sep, value = piece.partition(":")
        if sep:
            out[key.strip().upper()] = value.strip()
    return out


def _join_wrapped(lines: list[str]) -> str:
    text = ""
    for line in (raw.strip() for raw in lines):
        if not line:
            continue
        if not text:
            text = line
        elif text.endswith("-") and not text.endswith(" -"):
            text += line
        else:
            text += " " + line
    return text


def parse(source: str, form: str | None = None) -> NotationText:
    """Read a text in corpus notation (``form``: ``plain`` or ``marked``; else the header's)."""
    lines = source.splitlines()
    out = NotationText()
    if lines and _HEADER.match(lines[0]):
        out.fields = parse_header(lines.pop(0))
    form = (form or out.fields.get("FORMAT", "plain")).lower()
    if form == "marked":
        for line in lines:
            note = _NOTE_DEF.match(line.strip())
            if note:
                out.notes[note.group(1)] = note.group(2).strip()
            elif line.strip():
                out.paragraphs.append(line.rstrip())
        return out
    block: list[str] = []
    for line in lines + [""]:
        if block and (_STARTS_PARAGRAPH.match(line.strip()) or _FORMULA_LINE.match(block[-1].strip())
                      or _FORMULA_LINE.match(line.strip())):
            out.paragraphs.append(_join_wrapped(block))
            block = []
        if line.strip():
            block.append(line)
        elif block:
            out.paragraphs.append(_join_wrapped(block))
            block = []
    _plain_footnotes(out)
    return out


def _plain_footnotes(out: NotationText) -> None:
    """Turn a text layer's footnotes back into notes: the numbers ending paragraphs become
    indicators ``[^N]``, the texts after the adoption line become their footnotes."""
    paras = out.paragraphs = [p.replace("*", "").strip() for p in out.paragraphs]
    closing = next((i for i, p in enumerate(paras) if _ADOPTED.match(p)), None)
    if closing is None:
        return
    body, tail = paras[:closing + 1], paras[closing + 1:]
    kept = []
    for para in tail:
        m = _NOTE_TEXT.match(para)
        if m:
            out.notes.setdefault(m.group(1), m.group(2))
        else:
            kept.append(para)
    marked = []
    for para in body:
        m = _TRAILING_MARK.search(para)
        if m:
            note = m.group(1)
            out.notes.setdefault(note, "(The text of this footnote is not in the source.)")
            para = para[:m.start()] + f"[^{note}]"
        marked.append(para)
    out.paragraphs = marked + kept


def inline_items(paragraph: str, notes: dict[str, str]) -> list[Inline]:
    """A marked paragraph as builder items: italic runs, footnotes, plain text (tabs kept)."""
    items: list[Inline] = []
    pos = 0
    for m in _PIECE.finditer(paragraph):
        if m.start() > pos:
            items.append(paragraph[pos:m.start()])
        if m.group(1) is not None:
            items.append(Run(m.group(1), italic=True))
        else:
            items.append(FootnoteRef(notes.get(m.group(2), m.group(2))))
        pos = m.end()
    if pos < len(paragraph):
        items.append(paragraph[pos:])
    return items or [""]


def build(text: NotationText) -> DocBuilder:
    """A :class:`DocBuilder` holding the text's paragraphs, italics and footnotes."""
    builder = DocBuilder(language=text.language)
    for para in text.paragraphs:
        builder.paragraph(*inline_items(para, text.notes))
    return builder


def convert(path: Path | str, out: Path | str) -> NotationText:
    """Write the .docx of the notation file ``path`` to ``out``; returns what was parsed."""
    text = parse(Path(path).read_text(encoding="utf-8"))
    build(text).save(str(out))
    return text
