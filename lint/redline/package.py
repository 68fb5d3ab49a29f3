"""Reading a .docx package for the redline: its parts, main document and footnotes.

Files are opened through the core's guarded reader (:class:`resolint.ooxml.package.Package`:
zip-bomb limits, OLE and encryption detection, no DTD or entity), so an unreadable
input raises :class:`resolint.errors.InputError` with the same one-line message as
everywhere else in resolint. Every part is inflated once and every XML part parsed at
most once; parts the redline does not touch are copied through as the bytes read.

Both inputs are read in their *accepted* view: revisions already pending in a file
(``w:ins``, ``w:del``, moves, formatting changes) are accepted before comparing, so
the redline is drawn between the two texts a reader sees with all changes accepted.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..errors import InputError
from ..ooxml.ns import PKG_REL, REL_FOOTNOTES, REL_NUMBERING, REL_STYLES, R, w
from ..ooxml.package import DEFAULT_LIMITS, Limits
from ..ooxml.package import Package as CorePackage
from ..ooxml.package import parse_xml as _core_parse
from ..ooxml.zipwrite import Raw, raw_entries


def add_relationship(docx: "Docx", part: str, typ: str, target: str, prefix: str, *,
                     external: bool = False) -> str:
    """Add a relationship of ``part`` in ``docx`` (creating the part's .rels if it has none)
    under a fresh id ``PREFIX1``, ``PREFIX2``...; return the id."""
    name = docx.rels_name(part)
    root = docx.part_xml(name, change=True)
    if root is None:
        root = _core_parse(f'<Relationships xmlns="{PKG_REL}"/>'.encode(), name)
        docx.extra[name] = root
        docx.order.append(name)
    ids = {r.get("Id") for r in root}
    k = 1
    while f"{prefix}{k}" in ids:
        k += 1
    rel = etree.SubElement(root, f"{{{PKG_REL}}}Relationship")
    rel.set("Id", f"{prefix}{k}")
    rel.set("Type", typ)
    rel.set("Target", target)
    if external:
        rel.set("TargetMode", "External")
    return f"{prefix}{k}"


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass
class Docx:
    """The parts of a .docx, with the main document and footnotes parsed (accepted view).

    ``parts`` holds the raw bytes of the parts that were read (all of them for a
    package the redline is written from, see ``read_package(all_parts=True)``).
    """

    path: str
    parts: dict[str, bytes]
    order: list[str]
    document_name: str
    document: etree._Element
    footnotes_name: str | None = None
    footnotes: etree._Element | None = None
    styles_name: str | None = None
    numbering_name: str | None = None
    theme_name: str | None = None
    #: the styles and theme parts' fingerprints (see ``ooxml.package.Package.fingerprint``)
    style_prints: tuple = ()
    extra: dict[str, etree._Element] = field(default_factory=dict)
    #: parts of ``extra`` changed by the redline (written from their tree, the others copied)
    changed: set[str] = field(default_factory=set)
    #: compressed entries as stored in the file, copied as they are into the output
    raw: dict[str, Raw] = field(default_factory=dict)
    #: a Strict Open XML package: the Transitional names it uses as they are (else None)
    strict_keep: set[bytes] | None = None

    rels_name = staticmethod(CorePackage.rels_name)

    def part_xml(self, name: str | None, *, change: bool = False) -> etree._Element | None:
        """A part parsed (once), or None if absent; ``change=True`` when the caller edits the
        tree, which is then written out instead of the part's original bytes."""
        if name is None:
            return None
        if change:
            self.changed.add(name)
        if name in self.extra:
            return self.extra[name]
        data = self.parts.get(name)
        if data is None:
            return None
        root = _core_parse(data, f"{self.path}:{name}")
        self.extra[name] = root
        return root


def read_package(path, limits: Limits = DEFAULT_LIMITS, *, all_parts: bool = True) -> Docx:
    """Open ``path`` as a WordprocessingML package; raise :class:`InputError` when it is not one.

    With ``all_parts=False`` only the parts the comparison reads (main document and
    footnotes) are inflated: enough for OLD, whose package is not written out.
    """
    with CorePackage(path, limits) as pkg:
        doc_name = pkg.main_part
        order = [n for n in pkg.names() if not n.endswith("/")]
        fn_name = pkg.related(doc_name, REL_FOOTNOTES)
        wanted = order if all_parts else [n for n in (doc_name, fn_name) if n]
        parts = {name: pkg.read(name) for name in wanted}
        docx = Docx(path=str(pkg.path.name), parts=parts, order=order, document_name=doc_name,
                    document=None,  # type: ignore[arg-type]
                    styles_name=pkg.related(doc_name, REL_STYLES),
                    numbering_name=pkg.related(doc_name, REL_NUMBERING),
                    theme_name=pkg.related(doc_name, REL_THEME))
        document = docx.part_xml(doc_name)
        if document is None or document.find(_BODY) is None:
            raise InputError(f"{path}: not a Word document: no w:body in {doc_name}")
        docx.document = document
        if fn_name is not None:
            docx.footnotes_name = fn_name
            docx.footnotes = docx.part_xml(fn_name)
        docx.strict_keep = pkg.own_transitional_names() if all_parts else None
        docx.style_prints = (pkg.fingerprint(docx.styles_name), pkg.fingerprint(docx.theme_name))
    if all_parts:
        docx.raw = raw_entries(pkg.data, parts)
    # the trees are written from their own fields, not from ``extra``
    docx.extra.pop(doc_name, None)
    if fn_name is not None:
        docx.extra.pop(fn_name, None)
    accept_pending(docx.document)
    if docx.footnotes is not None:
        accept_pending(docx.footnotes)
    return docx


REL_THEME = R + "/theme"
_BODY = w("body")
_RPR = w("rPr")
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
        if parent.tag == _RPR:
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
