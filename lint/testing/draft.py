"""A compact text notation for drafts, turned into real .docx files by the builder.

One line per paragraph. Inline marks:

- ``*Recalling*`` italic, ``**bold**`` bold;
- ``^[Resolution 60/288.]`` a footnote with that text; ``^[#fn6: text]`` the same with a
  bookmark named ``fn6``; ``^ref[fn6]`` a NOTEREF field showing that footnote's number;
- ``[73/11](https://undocs.org/A/RES/73/11)`` a hyperlink;
- ``{+inserted+}`` and ``{-deleted-}`` tracked changes already in the file;
- ``[[anchored text|comment text]]`` a Word comment (by "Reviewer") on the anchored text,
  e.g. ``[[cooperation;.|resolint: ignore[P101] quoted]]``.

Line starts:

- ``# text``: a title paragraph (style Title);
- ``<<html: <p>text</p>>>``: an embedded HTML chunk (``w:altChunk``) in place of paragraphs;
- ``1. text``, ``(a) text``, ``a) text``, ``(i) text``: a TYPED number, kept as written;
- ``@1. text``, ``@(a) text``, ``@(i) text`` (or ``@a)``, ``@i)``): Word AUTOMATIC
  numbering at level 0, 1 or 2 of one operative list (the digits or letters written are
  ignored: Word computes them); ``@restart 1.`` starts a new list at level 0.

Example::

    write_draft("x.docx", '''
    # Cooperation
    The General Assembly,
    *Recalling* its resolution 73/11,^[Resolution 73/11.]
    @1. *Decides* to act;.
    ''', language="en")
"""
from __future__ import annotations

import os
import re
import textwrap

from .builder import Comment, Del, DocBuilder, FootnoteRef, Hyperlink, Ins, NoteRef, Run

_INLINE = re.compile(
    r"\[\[(?P<ca>[^|\]]*(?:\][^|\]]+)*)\|(?P<cm>.*?)\]\](?!\])"
    r"|\*\*(?P<b>.+?)\*\*"
    r"|\*(?P<i>.+?)\*"
    r"|\^\[(?P<fn>(?:[^\[\]]|\[[^\]]*\])*)\]"
    r"|\^ref\[(?P<ref>[^\]]+)\]"
    r"|\[(?P<lt>[^\]]+)\]\((?P<lu>[^)\s]+)\)"
    r"|\{\+(?P<ins>.+?)\+\}"
    r"|\{-(?P<del>.+?)-\}"
)
_AUTO = re.compile(r"^@(?:(?P<restart>restart)\s+)?(?:(?P<dec>\d+)\.|\(?(?P<rom>[ivx]+)\)|\(?(?P<let>[a-z]{1,2})\))\s+")


def _bookmark(name: str) -> str:
    """Bookmark names as Word writes them for cross-references (``_Ref`` + digits)."""
    digits = "".join(str(ord(c) % 10) for c in name)[:8].ljust(8, "0")
    return f"_Ref{digits}"


def parse_inline(text: str) -> list[object]:
    """Inline items of one line for :meth:`DocBuilder.paragraph`."""
    items: list[object] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            items.append(text[pos:m.start()])
        if m.group("cm") is not None:
            items.append(Comment(m.group("cm"), *parse_inline(m.group("ca"))))
        elif m.group("b") is not None:
            items.append(Run(m.group("b"), bold=True))
        elif m.group("i") is not None:
            items.append(Run(m.group("i"), italic=True))
        elif m.group("fn") is not None:
            body = m.group("fn")
            bm = None
            if body.startswith("#") and ":" in body:
                name, body = body[1:].split(":", 1)
                bm, body = _bookmark(name.strip()), body.strip()
            items.append(FootnoteRef(tuple(parse_inline(body)) or body, bookmark=bm))
        elif m.group("ref") is not None:
            items.append(NoteRef(_bookmark(m.group("ref").strip())))
        elif m.group("lt") is not None:
            items.append(Hyperlink(m.group("lu"), m.group("lt")))
        elif m.group("ins") is not None:
            items.append(Ins(m.group("ins")))
        elif m.group("del") is not None:
            items.append(Del(m.group("del")))
        pos = m.end()
    if pos < len(text):
        items.append(text[pos:])
    return items


def build_draft(text: str, language: str = "en") -> DocBuilder:
    """A :class:`DocBuilder` holding the draft written in the notation above."""
    b = DocBuilder(language=language)
    ops = None
    for raw in textwrap.dedent(text).splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# "):
            b.paragraph(*parse_inline(line[2:]), style="Title")
            continue
        if line.startswith("<<html:") and line.endswith(">>"):
            b.alt_chunk(f"<html><body>{line[7:-2].strip()}</body></html>")
            continue
        m = _AUTO.match(line)
        if m:
            if ops is None or m.group("restart"):
                ops = b.operative_numbering() if ops is None else ops.restart()
            level = 0 if m.group("dec") else (2 if m.group("rom") else 1)
            b.paragraph(*parse_inline(line[m.end():]), numbering=(ops, level))
            continue
        typed = re.match(r"^(\d+\.|\([a-z]{1,4}\)|[a-z]{1,4}\))\s+", line)
        if typed:
            b.paragraph(typed.group(1) + "\t", *parse_inline(line[typed.end():]))
            continue
        b.paragraph(*parse_inline(line))
    return b


def draft_bytes(text: str, language: str = "en") -> bytes:
    return build_draft(text, language).to_bytes()


def write_draft(path: str | os.PathLike[str], text: str, language: str = "en") -> str:
    """Write the draft to ``path`` and return the path as a string."""
    build_draft(text, language).save(path)
    return os.fspath(path)
