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

from collections.abc import Callable
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
#: A line that ends a clause (a footnote number may follow): the next line may open a paragraph.
_CLAUSE_END = regex.compile(r"[,;:]\s*(?:\d{1,3}\s*)?$")
#: Footnote indicators left as bare numbers at the end of a paragraph of a text layer.
#: Written "2/" in older texts, and set straight after the mark (",1") by some extractors.
_TRAILING_MARKS = regex.compile(r"(?:(?<=[,;:.)\p{L}])((?:\s+\d{1,3}/?)+)|(?<=[,;:.])(\d{1,3}/?(?:\s+\d{1,3}/?)*))$")
#: Words a number follows in running text: a number after them is not a footnote indicator.
_TAKES_NUMBER = frozenset({"resolution", "resolutions", "paragraph", "paragraphs", "of", "Article", "Articles",
                           "article", "articles", "Chapter", "chapter", "rule", "rules", "item", "items", "No",
                           "and", "to", "meeting", "page", "annex", "section", "in", "under", "decision"})
#: A footnote's text at the foot of a text layer: "61 See Official Records ...".
_NOTE_TEXT = regex.compile(r"^(\d{1,3}|\*)\s+(?!\d)(\S.*)$")
#: A footnote's text numbered "1/" at the foot of any page of a text layer.
_SLASH_NOTE = regex.compile(r"^(\d{1,3})/\s+(\S.*)$")
#: Page furniture of a text layer: the page number ("Page 2").
_PAGE = regex.compile(r"^Page\s+\d{1,3}$")
#: Page furniture of a text layer: the job number ("02-75941 (E)").
_JOB_NUMBER = regex.compile(r"^\d{2}-\d{5}\s*(?:\([A-Z]\))?$")


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


def _opener_test(language: str) -> Callable[[str], bool]:
    """Whether a line opens a paragraph with a capitalised opener of the language's pack."""
    from resolint.plugin_manager import get_manager

    pack = get_manager().languages().get(language)
    if pack is None:
        return lambda line: False
    phrases = pack.operative_set | pack.preamble_set
    return lambda line: line[:1].isupper() and pack.starts_with_any(line, phrases) is not None


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
    opens = _opener_test(out.language)
    # Page furniture on lines of its own after the first page: "S/RES/902 (1994)", "Page 2", "94-12513 (E)".
    lines = [line for i, line in enumerate(lines)
             if i < 3 or not (line.strip() == out.symbol or _PAGE.match(line.strip()) or _JOB_NUMBER.match(line.strip()))]
    for line in lines + [""]:
        if block and (_STARTS_PARAGRAPH.match(line.strip()) or _FORMULA_LINE.match(block[-1].strip())
                      or _FORMULA_LINE.match(line.strip())
                      or (_CLAUSE_END.search(block[-1]) and opens(line.strip()))):
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
    paras: list[str] = []
    for para in (p.replace("*", "").strip() for p in out.paragraphs):
        if (note := _SLASH_NOTE.match(para)) and paras:
            out.notes.setdefault(note.group(1), note.group(2))  # a note at the foot of a page: "1/ S/1994/262."
            continue
        if paras and para[:1].islower() and not paras[-1].endswith((";", ".", ":")):
            paras[-1] = _join_wrapped([paras[-1], para])  # a paragraph cut by a page break
        else:
            paras.append(para)
    # Page furniture repeated on every page: the symbol and the job number.
    symbol = out.symbol
    paras = [p for i, p in enumerate(paras) if i < 3 or not (p == symbol or _JOB_NUMBER.match(p))]
    end = len(paras)
    while end > 1 and _NOTE_TEXT.match(paras[end - 1]):
        end -= 1
    for para in paras[end:]:
        m = _NOTE_TEXT.match(para)
        if m:
            out.notes.setdefault(m.group(1), m.group(2))
    marked = []
    for para in paras[:end]:
        m = _TRAILING_MARKS.search(para)
        before = para[:m.start()].rstrip(" ,;:.").split()[-1:] if m else []  # "Senegal ,33": the word before the mark
        word = before[0].rstrip(",;:.") if before else ""
        if m and word and word not in _TAKES_NUMBER and not regex.fullmatch(r"\d{1,3}", word):  # "1, 2": a list
            notes = [n.rstrip("/") for n in (m.group(1) or m.group(2)).split()]
            for note in notes:
                out.notes.setdefault(note, "(The text of this footnote is not in the source.)")
            para = para[:m.start()] + "".join(f"[^{n}]" for n in notes)
        marked.append(para)
    out.paragraphs = marked


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
