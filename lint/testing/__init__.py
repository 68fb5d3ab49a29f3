"""Helpers for building real .docx files in tests, samples and plugins.

The main entry point is :class:`resolint.testing.builder.DocBuilder`::

    from resolint.testing.builder import DocBuilder, Run, FootnoteRef

    b = DocBuilder(language="fr")
    ops = b.operative_numbering()
    b.paragraph(Run("Demande", italic=True), " que ...\u00a0;", numbering=ops)
    b.save("draft.docx")
"""
from __future__ import annotations

from resolint.testing.builder import (
    Bookmark,
    Comment,
    DocBuilder,
    Del,
    Field,
    FootnoteRef,
    Hyperlink,
    Ins,
    InlineControl,
    Level,
    ListNumbering,
    NoteRef,
    NumPr,
    Run,
    SmartTag,
)

__all__ = [
    "Bookmark",
    "Comment",
    "DocBuilder",
    "Del",
    "Field",
    "FootnoteRef",
    "Hyperlink",
    "Ins",
    "InlineControl",
    "Level",
    "ListNumbering",
    "NoteRef",
    "NumPr",
    "Run",
    "SmartTag",
]
