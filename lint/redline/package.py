"""Reading a .docx package for the redline: its parts, main document and footnotes.

Both inputs are read in their *accepted* view: revisions already pending in a file
(``w:ins``, ``w:del``, moves, formatting changes) are accepted before comparing, so
the redline is drawn between the two texts a reader sees with all changes accepted.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"

RT_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)


def parse_xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass
class Package:
    """The parts of a .docx, with the main document and footnotes parsed."""

    parts: dict[str, bytes]
    order: list[str]
    document_name: str
    document: etree._Element
    footnotes_name: str | None = None
    footnotes: etree._Element | None = None
    extra: dict[str, etree._Element] = field(default_factory=dict)

    def rels_name(self, part: str) -> str:
        folder, name = posixpath.split(part)
        return posixpath.join(folder, "_rels", name + ".rels")

    def part_xml(self, name: str) -> etree._Element | None:
        if name in self.extra:
            return self.extra[name]
        if name not in self.parts:
            return None
        root = parse_xml(self.parts[name])
        self.extra[name] = root
        return root


def _target(rels: etree._Element, rel_type: str, base: str) -> str | None:
    for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("Type") == rel_type and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join(base, target))
    return None


def read_package(path, error_cls) -> Package:
    """Open ``path`` as a WordprocessingML package; raise ``error_cls`` when it is not one."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise error_cls(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            order = [i.filename for i in zf.infolist() if not i.is_dir()]
            parts = {name: zf.read(name) for name in order}
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError) as exc:
        raise error_cls(f"{path}: not a Word document (.docx): {exc}") from None
    try:
        rels = parse_xml(parts["_rels/.rels"])
        doc_name = _target(rels, RT_OFFICE_DOC, "") or "word/document.xml"
        document = parse_xml(parts[doc_name])
        if document.find(w("body")) is None:
            raise KeyError("w:body")
        pkg = Package(parts=parts, order=order, document_name=doc_name, document=document)
        doc_rels_name = pkg.rels_name(doc_name)
        if doc_rels_name in parts:
            doc_rels = parse_xml(parts[doc_rels_name])
            fn_name = _target(doc_rels, RT_FOOTNOTES, posixpath.dirname(doc_name))
            if fn_name and fn_name in parts:
                pkg.footnotes_name = fn_name
                pkg.footnotes = parse_xml(parts[fn_name])
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise error_cls(f"{path}: not a Word document (.docx): missing or broken part {exc}") from None
    accept_pending(pkg.document)
    if pkg.footnotes is not None:
        accept_pending(pkg.footnotes)
    return pkg


_DROP_WITH_CONTENT = {w("del"), w("moveFrom")}
_UNWRAP = {w("ins"), w("moveTo")}
_DROP_EMPTY = {
    w("rPrChange"), w("pPrChange"), w("sectPrChange"), w("tblPrChange"), w("trPrChange"),
    w("tcPrChange"), w("tblGridChange"), w("tblPrExChange"), w("numberingChange"),
    w("moveFromRangeStart"), w("moveFromRangeEnd"), w("moveToRangeStart"), w("moveToRangeEnd"),
    w("customXmlInsRangeStart"), w("customXmlInsRangeEnd"),
    w("customXmlDelRangeStart"), w("customXmlDelRangeEnd"),
}


def accept_pending(root: etree._Element) -> None:
    """Accept, in place, the revisions already pending in a part (not paragraph-mark joins)."""
    for el in list(root.iter(*_DROP_EMPTY)):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    for el in list(root.iter(*(_DROP_WITH_CONTENT | _UNWRAP))):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == w("rPr"):
            # a paragraph mark or run property flag: accepting keeps the mark as it is
            parent.remove(el)
            continue
        if el.tag in _DROP_WITH_CONTENT:
            parent.remove(el)
            continue
        idx = parent.index(el)
        for child in list(el):
            parent.insert(idx, child)
            idx += 1
        parent.remove(el)
