"""Redline: NEW's document with Word tracked changes against OLD.

>>> rl = diff_files("A-RES-73-11.docx", "draft.docx", author="Secretariat")
>>> write_atomic("redline.docx", rl.docx_bytes())
>>> print(rl.to_text())

Modules: ``package`` (reading the .docx parts), ``reader`` (paragraphs as word
tokens), ``align`` (paragraph alignment), ``words`` (word diff), ``writer``
(revision XML), ``engine`` (body and footnotes), ``labels``, ``report``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone

from . import report
from .engine import Engine, Entry
from .labels import document_labels
from .package import read_package

__all__ = ["Redline", "diff_files", "Entry"]


def _input_error(message: str):
    from ..errors import InputError

    return InputError(message)


def format_date(date: datetime | None) -> str:
    if date is None:
        date = datetime.now(timezone.utc)
    if date.tzinfo is not None:
        date = date.astimezone(timezone.utc)
    return date.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Redline:
    """The result of :func:`diff_files`."""

    old_path: str
    new_path: str
    author: str
    date: str
    paragraphs: list[Entry]
    footnotes: list[Entry]
    _parts: list[tuple[str, bytes]]

    @property
    def paragraph_map(self) -> list[dict]:
        """Body and footnote entries: ``old_label``, ``new_label``, ``status``..."""
        return report.map_rows(self.paragraphs) + report.map_rows(self.footnotes)

    @property
    def counts(self) -> dict[str, int]:
        """How many body paragraphs are unchanged / modified / moved / added / deleted."""
        return report.counts(self.paragraphs)

    @property
    def footnote_counts(self) -> dict[str, int]:
        return report.counts(self.footnotes)

    def docx_bytes(self) -> bytes:
        """The redline .docx (same bytes for the same inputs, author and date)."""
        from ..ooxml.zipwrite import package_bytes

        return package_bytes(self._parts)

    def write(self, path) -> None:
        from ..ooxml.zipwrite import write_atomic

        write_atomic(path, self.docx_bytes())

    def _names(self):
        return os.path.basename(self.old_path), os.path.basename(self.new_path)

    def to_text(self) -> str:
        return report.to_text(self.paragraphs, self.footnotes, *self._names())

    def to_html(self) -> str:
        return report.to_html(self.paragraphs, self.footnotes, *self._names())

    def to_json(self) -> dict:
        return report.to_json(self.paragraphs, self.footnotes, *self._names(), self.author, self.date)


def diff_files(old_path, new_path, *, author: str = "resolint", date: datetime | None = None) -> Redline:
    """Compare two .docx files; raise :class:`resolint.errors.InputError` if one is unreadable."""
    err = _input_error
    old = read_package(old_path, err)
    new = read_package(new_path, err)
    stamp = format_date(date)
    engine = Engine(old, new, author, stamp)
    from .reader import body_paragraphs

    n_old = len(body_paragraphs(old.document))
    n_new = len(body_paragraphs(new.document))
    body, notes = engine.run()
    old_labels, old_fn = document_labels(old_path, n_old)
    new_labels, new_fn = document_labels(new_path, n_new)
    for e in body:
        e.old_label = old_labels[e.old_index - 1] if e.old_index else ""
        e.new_label = new_labels[e.new_index - 1] if e.new_index else ""
    for e in notes:
        oid, nid = e.old_label, e.new_label
        e.old_label = old_fn.get(oid, f"FN id {oid}") if oid else ""
        e.new_label = new_fn.get(nid, f"FN id {nid}") if nid else ""
    return Redline(str(old_path), str(new_path), author, stamp, body, notes, engine.parts())
