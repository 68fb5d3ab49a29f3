"""Relationships of OLD's deleted text, copied into the redline package.

Deleted text comes from OLD, and so do the relationship ids it holds: a hyperlink's
``r:id`` (an external target) or an image's ``r:embed`` (a part under ``word/media``).
Those ids mean nothing, or something else, in NEW's package. :class:`RelCopier` gives
each such id a fresh id in the relationships of NEW's part (main document or footnotes), with the same type and
target; an internal target (an image) is copied from OLD with its content type. A
target part that has relationships of its own (a chart and its workbook) is not copied:
the object is left out of the deleted text, as before.
"""
from __future__ import annotations

import posixpath

from lxml import etree

from ..ooxml.ns import CT
from ..ooxml.package import Package as CorePackage
from .package import Docx, add_relationship

_CT_NAME = "[Content_Types].xml"


class RelCopier:
    """``copier(old_id) -> new id`` (or None when the relationship cannot be carried)."""

    def __init__(self, old_path, old_part: str | None, new: Docx, new_part: str | None) -> None:  # type: ignore[no-untyped-def]
        self.old_path = old_path  # None: nothing is copied
        self.old_part = old_part  # the OLD part the ids belong to (main document, footnotes)
        self.new = new
        self.new_part = new_part  # the NEW part the copied ids are given in
        self._done: dict[str, str | None] = {}
        self._old: dict | None = None  # OLD's main document relationships, types and parts

    def _read_old(self) -> dict:
        if self._old is None:
            with CorePackage(self.old_path) as pkg:
                rels = pkg.rels(self.old_part)
                parts = {}
                for _typ, target, mode in rels.values():
                    if mode != "External" and pkg.has(target) and not pkg.has(pkg.rels_name(target)):
                        parts[target] = pkg.read(target)
                ct = pkg.xml(_CT_NAME) if pkg.has(_CT_NAME) else None
            self._old = {"rels": rels, "parts": parts, "ct": ct}
        return self._old

    def __call__(self, old_id: str) -> str | None:
        if old_id in self._done:
            return self._done[old_id]
        new_id = None
        try:
            new_id = self._copy(old_id)
        finally:
            self._done[old_id] = new_id
        return new_id

    def _copy(self, old_id: str) -> str | None:
        if self.old_path is None or self.old_part is None or self.new_part is None:
            return None
        old = self._read_old()
        rel = old["rels"].get(old_id)
        if rel is None:
            return None
        typ, target, mode = rel
        if mode == "External":
            return self._add_rel(typ, target, external=True)
        data = old["parts"].get(target)
        if data is None:
            return None
        name = self._fresh_name(target)
        content_type = _content_type(old["ct"], target)
        if content_type is None:
            return None
        self._add_part(name, data, content_type)
        base = posixpath.dirname(self.new_part)
        return self._add_rel(typ, posixpath.relpath(name, base) if base else name, external=False)

    def _fresh_name(self, target: str) -> str:
        folder, base = posixpath.split(target)
        stem, ext = posixpath.splitext(base)
        names = set(self.new.order)
        name, k = target, 1
        while name in names:
            name = posixpath.join(folder or "word/media", f"{stem}-old{k}{ext}")
            k += 1
        return name

    def _add_rel(self, typ: str, target: str, *, external: bool) -> str:
        return add_relationship(self.new, self.new_part, typ, target, "rIdOld", external=external)

    def _add_part(self, name: str, data: bytes, content_type: str) -> None:
        self.new.parts[name] = data
        self.new.order.append(name)
        ct = self.new.part_xml(_CT_NAME, change=True)
        if ct is None or _content_type(ct, name) == content_type:
            return
        ov = etree.SubElement(ct, f"{{{CT}}}Override")
        ov.set("PartName", "/" + name)
        ov.set("ContentType", content_type)


def _content_type(ct: etree._Element | None, part: str) -> str | None:
    """The content type ``[Content_Types].xml`` gives ``part`` (Override, then Default)."""
    if ct is None:
        return None
    for ov in ct.iter(f"{{{CT}}}Override"):
        if (ov.get("PartName") or "").lstrip("/") == part:
            return ov.get("ContentType")
    ext = posixpath.splitext(part)[1].lstrip(".").lower()
    for de in ct.iter(f"{{{CT}}}Default"):
        if (de.get("Extension") or "").lower() == ext:
            return de.get("ContentType")
    return None
