"""Redline: NEW's document with Word tracked changes against OLD.

>>> rl = diff_files("A-RES-73-11.docx", "draft.docx", author="Secretariat")
>>> write_atomic("redline.docx", rl.docx_bytes())
>>> print(rl.to_text())

Modules: ``package`` (reading the .docx parts through the core's guarded
:class:`resolint.ooxml.package.Package`, writing the result), ``reader`` (paragraphs
as word tokens), ``align`` (paragraph alignment), ``words`` (word diff), ``writer``
(revision XML), ``engine`` (body and footnotes), ``labels``, ``report``.

Cost: each input is inflated and parsed once; paragraphs are walked once, and only
those that differ are tokenised, word-diffed and rebuilt, so the time grows linearly
with the document and with the amount of change. Labels need the document model
(:func:`resolint.loader.load_document`), which is built only for the reports.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone

from . import report
from .engine import Engine, Entry
from .labels import document_labels
from .mapping import split_unrelated_moves
from .package import read_package
from ..collector import collection_paused
from ..ooxml.strict import to_strict
from ..ooxml.zipwrite import zip_bytes

__all__ = ["Redline", "diff_files", "Entry"]


def format_date(date: datetime | None) -> str:
    if date is None:
        date = datetime.now(timezone.utc)
    if date.tzinfo is not None:
        date = date.astimezone(timezone.utc)
    return date.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class Redline:
    """The result of :func:`diff_files`.

    Paragraph and footnote labels ("PP 3", "OP 2", "FN 6") come from the document
    model (:func:`resolint.loader.load_document`), which is built only when something
    asks for them: ``paragraphs``, ``footnotes``, ``paragraph_map`` and the text, HTML
    and JSON reports. Writing the redline .docx and ``counts`` do not need them.
    """

    def __init__(self, old_path: str, new_path: str, author: str, date: str, paragraphs: list[Entry],
                 footnotes: list[Entry], parts: list,
                 counts: tuple[int, int] | None = None) -> None:
        self.old_path = old_path
        self.new_path = new_path
        self.author = author
        self.date = date
        self._paragraphs = paragraphs
        self._footnotes = footnotes
        self._parts = parts
        self._unlabelled = counts  # (OLD body paragraphs, NEW body paragraphs) until labelled

    def _labelled(self) -> None:
        if self._unlabelled is None:
            return
        n_old, n_new = self._unlabelled
        self._unlabelled = None
        old_labels, old_fn = document_labels(self.old_path, n_old)
        new_labels, new_fn = document_labels(self.new_path, n_new)
        for e in self._paragraphs:
            e.old_label = old_labels[e.old_index - 1] if e.old_index else ""
            e.new_label = new_labels[e.new_index - 1] if e.new_index else ""
        for e in self._footnotes:
            oid, nid = e.old_label, e.new_label
            e.old_label = old_fn.get(oid, f"FN id {oid}") if oid else ""
            e.new_label = new_fn.get(nid, f"FN id {nid}") if nid else ""

    @property
    def paragraphs(self) -> list[Entry]:
        """Body entries, in the redline's order, labelled."""
        self._labelled()
        return self._paragraphs

    @property
    def footnotes(self) -> list[Entry]:
        """Footnote entries, labelled."""
        self._labelled()
        return self._footnotes

    @property
    def paragraph_map(self) -> list[dict]:
        """Body and footnote entries: ``old_label``, ``new_label``, ``status``..."""
        return report.map_rows(self.paragraphs) + report.map_rows(self.footnotes)

    @property
    def counts(self) -> dict[str, int]:
        """How many body paragraphs are unchanged / modified / moved / added / deleted."""
        return report.counts(self._paragraphs)

    @property
    def footnote_counts(self) -> dict[str, int]:
        return report.counts(self._footnotes)

    def docx_bytes(self) -> bytes:
        """The redline .docx (same bytes for the same inputs, author and date)."""
        return zip_bytes(self._parts)

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
    with collection_paused():
        old = read_package(old_path, all_parts=False)
        new = read_package(new_path)
        stamp = format_date(date)
        engine = Engine(old, new, author, stamp)
        engine.old_source = old_path
        body, notes = engine.run()
        body = split_unrelated_moves(body)
        parts = engine.parts()
        if new.strict_keep is not None:  # a Strict NEW gives a Strict redline
            keep = new.strict_keep
            parts = [(n, to_strict(d, keep) if isinstance(d, bytes) and n.endswith((".xml", ".rels")) else d)
                     for n, d in parts]
    return Redline(str(old_path), str(new_path), author, stamp, body, notes, parts,
                   (engine.body_counts[0], engine.body_counts[1]))
