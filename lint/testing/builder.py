"""Build real, deterministic .docx files (python-docx for the base, lxml for the rest).

A document is made of paragraphs; a paragraph is made of *inline items*:

- ``str``: plain text; ``"\\t"`` becomes ``w:tab`` and ``"\\n"`` becomes ``w:br``;
- :class:`Run`: text with formatting (italic, bold, superscript, ``w:lang``, character style);
- :class:`FootnoteRef`: a footnote reference whose text goes to ``word/footnotes.xml``;
- :class:`NoteRef`: a ``NOTEREF`` field re-using the number of a bookmarked footnote;
- :class:`Field`: any complex (``w:fldChar``) or simple (``w:fldSimple``) field;
- :class:`Hyperlink`, :class:`Bookmark`, :class:`SmartTag`, :class:`InlineControl`
  (run-level ``w:sdt``);
- :class:`Image`: an inline picture (``w:drawing``, the image in ``word/media``);
- :class:`Ins` / :class:`Del`: tracked changes already present in the file;
- :class:`Comment`: a comment anchored on some content (``word/comments.xml``).

Example::

    b = DocBuilder(language="fr")
    ops = b.operative_numbering()
    b.paragraph("Coopération entre ...", style="Title")
    b.paragraph("L’Assemblée générale,")
    b.paragraph(Run("Rappelant", italic=True), " sa résolution 51/1",
                FootnoteRef("Nations Unies, Recueil des Traités, vol. 1996, nº 1200."), ",")
    b.paragraph(Run("Demande", italic=True), " que ...\\u00a0;", numbering=ops)
    b.save("x.docx")

Known reader quirk: LibreOffice 7.4 may show the wrong text for footnotes that follow a
comment in a document where a bookmark wraps a footnote reference (Word reads such files
correctly); keep comments and NOTEREF bookmarks in separate fixtures when converting with
LibreOffice.

``save()`` and ``to_bytes()`` give identical bytes for identical input: core properties are
fixed, the thumbnail of python-docx's template is dropped and the zip is repacked with fixed
timestamps by :mod:`resolint.ooxml.zipwrite`.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import io
import os
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Union

import docx
from docx.document import Document as _Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph
from lxml import etree

from resolint.ooxml.zipwrite import package_bytes, write_atomic

__all__ = [
    "Bookmark",
    "Comment",
    "DocBuilder",
    "Del",
    "Field",
    "FootnoteRef",
    "Hyperlink",
    "Image",
    "Ins",
    "InlineControl",
    "Inline",
    "Level",
    "ListNumbering",
    "NoteRef",
    "NumPr",
    "Run",
    "SmartTag",
    "FIXED_DATE",
    "W_NS",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_NSDECLS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

#: Date written in core properties and, by default, on revisions and comments.
FIXED_DATE = _dt.datetime(2020, 1, 1, 0, 0, 0)
_FIXED_ISO = "2020-01-01T00:00:00Z"

_LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-US", "es": "es-ES"}


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _el(tag: str, parent: etree._Element | None = None, **attrs: object) -> etree._Element:
    """Create ``w:<tag>`` with ``w:``-qualified attributes (``r_id`` gives ``r:id``)."""
    qattrs: dict[str, str] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if key == "r_id":
            qattrs[f"{{{R_NS}}}id"] = str(value)
        else:
            qattrs[_w(key)] = str(value)
    elem = parse_xml(f"<w:{tag} {_NSDECLS}/>") if parent is None else None
    if elem is None:
        elem = etree.SubElement(parent, _w(tag))
    for key, value in qattrs.items():
        elem.set(key, value)
    return elem


# --------------------------------------------------------------------------- inline items


@dataclass(frozen=True)
class Run:
    """A run of text with direct formatting.

    ``lang`` sets ``w:lang`` (e.g. ``"fr-FR"``); ``style`` is a character style id.
    """

    text: str
    italic: bool = False
    bold: bool = False
    superscript: bool = False
    subscript: bool = False
    lang: str | None = None
    style: str | None = None


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote: the reference mark in the text, ``text`` in ``word/footnotes.xml``.

    ``bookmark`` (e.g. ``"_Ref56000001"``) wraps the reference run in a bookmark that a
    :class:`NoteRef` can point to. ``custom_mark`` (e.g. ``"*"``) writes
    ``w:customMarkFollows="1"`` followed by that text instead of an automatic number.
    ``direct_superscript`` also sets ``w:vertAlign`` on the reference run itself.
    """

    text: "str | Inline | Sequence[Inline]"
    bookmark: str | None = None
    custom_mark: str | None = None
    direct_superscript: bool = False


@dataclass(frozen=True)
class NoteRef:
    """A ``NOTEREF`` field showing the number of the footnote under ``bookmark``.

    ``result`` is the cached number; by default the number the bookmarked footnote got.
    ``simple=True`` writes ``w:fldSimple`` instead of ``begin/instrText/separate/end``.
    """

    bookmark: str
    result: str | None = None
    switches: str = r"\f \h"
    simple: bool = False


class Field:
    """Any field: ``Field(" PAGE ", "1")``; ``simple=True`` gives ``w:fldSimple``.

    ``superscript`` formats the cached result as a footnote reference (superscript).
    """

    def __init__(self, instr: str, *result: "Inline", simple: bool = False,
                 superscript: bool = False) -> None:
        self.instr = instr
        self.result: tuple[Inline, ...] = result
        self.simple = simple
        self.superscript = superscript

    def __repr__(self) -> str:
        return f"Field({self.instr!r}, {self.result!r}, simple={self.simple})"


class _Container:
    """Base for inline items that wrap other inline items."""

    content: tuple["Inline", ...]

    def __repr__(self) -> str:
        extra = {k: v for k, v in vars(self).items() if k != "content"}
        return f"{type(self).__name__}({self.content!r}, {extra!r})"


class Hyperlink(_Container):
    """External hyperlink: ``Hyperlink("https://undocs.org/fr/A/RES/51/1", "51/1")``.

    ``style`` (e.g. ``"Hyperlink"``) is applied to runs that have none.
    """

    def __init__(self, url: str, *content: "Inline", style: str | None = None) -> None:
        self.url = url
        self.content = content or (url,)
        self.style = style


class Bookmark(_Container):
    """A named bookmark around some content."""

    def __init__(self, name: str, *content: "Inline") -> None:
        self.name = name
        self.content = content


class SmartTag(_Container):
    """A ``w:smartTag`` (``element`` such as ``"place"``) around some runs."""

    def __init__(self, element: str, *content: "Inline",
                 uri: str = "urn:schemas-microsoft-com:office:smarttags",
                 attrs: dict[str, str] | None = None) -> None:
        self.element = element
        self.content = content
        self.uri = uri
        self.attrs = dict(attrs or {})


class InlineControl(_Container):
    """A run-level content control (``w:sdt`` inside a paragraph)."""

    def __init__(self, *content: "Inline", tag: str | None = None,
                 alias: str | None = None) -> None:
        self.content = content
        self.tag = tag
        self.alias = alias


class Ins(_Container):
    """Tracked insertion (``w:ins``) of text or runs. ``id`` defaults to a fresh number."""

    def __init__(self, *content: "str | Run", author: str = "Drafter",
                 date: str = _FIXED_ISO, id: int | None = None) -> None:  # noqa: A002
        self.content = content
        self.author = author
        self.date = date
        self.id = id


class Del(Ins):
    """Tracked deletion (``w:del``); the text is written as ``w:delText``."""


class Comment(_Container):
    """A comment with text ``text`` anchored on ``content`` (may be empty)."""

    def __init__(self, text: "str | Inline | Sequence[Inline]", *content: "Inline",
                 author: str = "Reviewer", initials: str = "R",
                 date: str = _FIXED_ISO) -> None:
        self.text = text
        self.content = content
        self.author = author
        self.initials = initials
        self.date = date


@dataclass(frozen=True)
class Image:
    """An inline picture in the body: ``data`` is the image file (PNG, JPEG...),
    ``width_cm`` its shown width (the height follows the image's proportions)."""

    data: bytes
    width_cm: float = 2.0


Inline = Union[str, Run, FootnoteRef, NoteRef, Field, Hyperlink, Bookmark, SmartTag,
               InlineControl, Ins, Del, Comment, Image]


# --------------------------------------------------------------------------- numbering


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering definition.

    ``fmt``: ``decimal``, ``lowerLetter``, ``lowerRoman``, ``upperLetter``, ``upperRoman``,
    ``bullet``...; ``text``: ``w:lvlText`` such as ``"%1."``, ``"(%2)"``, ``"%2)"``;
    ``restart``: ``w:lvlRestart``; ``left``/``hanging``: indentation in twips.
    """

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    left: int | None = None
    hanging: int = 567
    suffix: str = "tab"


@dataclass(frozen=True)
class NumPr:
    """A (numId, ilvl) pair as written in ``w:numPr``."""

    num_id: int
    ilvl: int = 0


@dataclass(frozen=True)
class ListNumbering:
    """A ``w:num`` instance over an abstract numbering definition.

    Pass it as ``numbering=`` (level 0), or ``numbering=(lst, 1)`` / ``lst.at(1)``.
    """

    num_id: int
    abstract_id: int
    levels: tuple[Level, ...]
    _builder: "DocBuilder" = field(repr=False, compare=False)

    def at(self, ilvl: int) -> NumPr:
        """The ``NumPr`` of this list at level ``ilvl``."""
        if not 0 <= ilvl < len(self.levels):
            raise ValueError(f"level {ilvl} not defined (0..{len(self.levels) - 1})")
        return NumPr(self.num_id, ilvl)

    def restart(self, start: int | None = None, ilvl: int = 0) -> "ListNumbering":
        """A new ``w:num`` over the same abstract definition with a ``startOverride``.

        ``start`` defaults to the level's own start value.
        """
        value = self.levels[ilvl].start if start is None else start
        return self._builder._add_num(self.abstract_id, self.levels, {ilvl: value})


NumberingArg = Union[ListNumbering, NumPr, tuple[Union[ListNumbering, int], int], None]

OPERATIVE_LEVELS = {
    "en": (Level("decimal", "%1."), Level("lowerLetter", "(%2)"), Level("lowerRoman", "(%3)")),
    "fr": (Level("decimal", "%1."), Level("lowerLetter", "%2)"), Level("lowerRoman", "%3)")),
}


# --------------------------------------------------------------------------- builder


_FOOTNOTES_XML = (
    f"<w:footnotes {_NSDECLS}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)

_STYLES = {
    "FootnoteText": (
        '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
    ),
    "FootnoteReference": (
        '<w:style w:type="character" w:styleId="FootnoteReference">'
        '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    ),
    "CommentText": (
        '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    ),
    "CommentReference": (
        '<w:style w:type="character" w:styleId="CommentReference">'
        '<w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>'
    ),
    "Hyperlink": (
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:color w:val="0000FF"/><w:u w:val="single"/></w:rPr></w:style>'
    ),
}

# Children of w:settings that must come after w:footnotePr (ECMA-376 CT_Settings order).
_AFTER_FOOTNOTEPR = (
    "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
    "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)


@dataclass
class _Story:
    """Where inline content is written: the part owning relationships, and its kind."""

    part: Part
    kind: str  # "body", "footnote" or "comment"


class DocBuilder:
    """Build a .docx document paragraph by paragraph.

    ``language``: ``"fr"``, ``"en"`` or a full tag (``"fr-FR"``, ``"en-GB"``); written as the
    document default ``w:lang`` (styles.xml ``w:docDefaults``) and used by
    :meth:`operative_numbering`. ``title`` and ``author`` go to the core properties.
    """

    def __init__(self, language: str = "en", *, title: str = "", author: str = "resolint") -> None:
        self.document: _Document = docx.Document()
        self.language = language.split("-")[0].lower()
        self.lang_tag = _LANGUAGE_TAGS.get(language.lower(), language)
        self._title = title
        self._author = author
        self._body = self.document.element.body
        self._containers: list[etree._Element] = []
        self._footnotes_part: XmlPart | None = None
        self._comments_part: XmlPart | None = None
        self._next_footnote_id = 1
        self._footnote_display = 0
        self._footnote_numbers: dict[str, int] = {}
        self._next_bookmark_id = 0
        self._next_comment_id = 0
        self._next_revision_id = 1
        self._next_sdt_id = 1
        self._numbering_root = self.document.part.numbering_part.element
        self._set_default_language(self.lang_tag)

    # ------------------------------------------------------------------ public API

    @property
    def _body_story(self) -> _Story:
        return _Story(self.document.part, "body")

    def paragraph(self, *content: Inline, style: str | None = None,
                  numbering: NumberingArg = None, lang: str | None = None,
                  align: str | None = None, indent: int | None = None) -> Paragraph:
        """Append a paragraph made of ``content``; returns the python-docx ``Paragraph``.

        ``numbering``: a :class:`ListNumbering` (level 0), a :class:`NumPr` or
        ``(list_or_num_id, ilvl)``; written as ``w:numPr`` on the paragraph.
        ``lang`` sets ``w:lang`` on every run without its own and on the paragraph mark.
        ``align``: ``w:jc`` value (``"center"``, ``"both"``...); ``indent``: left
        indentation in twips (``w:ind w:left``).
        """
        p = self._new_paragraph(content, self._body_story, style=style, numbering=numbering,
                                lang=lang, align=align, indent=indent)
        self._place_block(p)
        return Paragraph(p, self.document._body)

    def table(self, rows: Sequence[Sequence["Inline | Sequence[Inline]"]],
              style: str | None = "TableGrid") -> etree._Element:
        """Append a ``w:tbl``; each cell is an inline item or a sequence of them."""
        ncols = max((len(r) for r in rows), default=1)
        table = self.document.add_table(rows=len(rows), cols=ncols)
        if style:
            tbl_pr = table._tbl.tblPr
            for old in tbl_pr.findall(_w("tblStyle")):
                tbl_pr.remove(old)
            tbl_pr.insert(0, _el("tblStyle", None, val=style))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                tc = table.cell(r, c)._tc
                p = tc.findall(_w("p"))[0]
                items = value if isinstance(value, (list, tuple)) else (value,)
                for item in items:
                    self._emit(p, item, self._body_story)
        tbl = table._tbl
        self._place_block(tbl)
        return tbl

    def alt_chunk(self, html: str) -> None:
        """An embedded HTML chunk (``w:altChunk``) at this place of the body, as Word's import writes it."""
        n = self._next_chunk = getattr(self, "_next_chunk", 0) + 1
        part = Part(PackURI(f"/word/chunk{n}.html"), "text/html", html.encode("utf-8"), self.document.part.package)
        rid = self.document.part.relate_to(part, RT.A_F_CHUNK)
        chunk = etree.SubElement(etree.Element("x"), _w("altChunk"))
        chunk.set(f"{{{R_NS}}}id", rid)
        self._place_block(chunk)

    @contextlib.contextmanager
    def content_control(self, tag: str | None = None,
                        alias: str | None = None) -> Iterator[etree._Element]:
        """Block-level ``w:sdt``: paragraphs and tables added inside the block go in it."""
        sdt = _el("sdt")
        self._sdt_pr(sdt, tag, alias)
        content = _el("sdtContent", sdt)
        self._place_block(sdt)
        self._containers.append(content)
        try:
            yield sdt
        finally:
            self._containers.pop()

    def numbering(self, levels: Sequence[Level]) -> ListNumbering:
        """Add an abstract numbering definition with ``levels`` and a ``w:num`` over it."""
        levels = tuple(levels)
        root = self._numbering_root
        abstract_id = 1 + max((int(a.get(_w("abstractNumId"))) for a in root.findall(_w("abstractNum"))),
                              default=-1)
        absn = etree.Element(_w("abstractNum"))
        absn.set(_w("abstractNumId"), str(abstract_id))
        _el("nsid", absn, val=f"{0x5E500000 + abstract_id:08X}")
        _el("multiLevelType", absn, val="multilevel" if len(levels) > 1 else "singleLevel")
        for ilvl, level in enumerate(levels):
            lvl = _el("lvl", absn, ilvl=ilvl)
            _el("start", lvl, val=level.start)
            _el("numFmt", lvl, val=level.fmt)
            if level.restart is not None:
                _el("lvlRestart", lvl, val=level.restart)
            if level.suffix != "tab":
                _el("suff", lvl, val=level.suffix)
            _el("lvlText", lvl, val=level.text)
            _el("lvlJc", lvl, val="left")
            ppr = _el("pPr", lvl)
            left = level.left if level.left is not None else 567 * (ilvl + 1)
            _el("ind", ppr, left=left, hanging=level.hanging)
        existing = root.findall(_w("abstractNum"))
        if existing:
            existing[-1].addnext(absn)
        else:
            root.insert(0, absn)
        return self._add_num(abstract_id, levels, {})

    def operative_numbering(self, language: str | None = None) -> ListNumbering:
        """Operative list: ``%1.`` / ``(%2)`` / ``(%3)`` in English, ``%1.`` / ``%2)`` / ``%3)``
        in French (levels 1 and 2 in lowerLetter and lowerRoman)."""
        lang = (language or self.language).split("-")[0].lower()
        return self.numbering(OPERATIVE_LEVELS.get(lang, OPERATIVE_LEVELS["en"]))

    def list_style(self, style_id: str, numbering: ListNumbering, ilvl: int = 0,
                   name: str | None = None) -> str:
        """Add a paragraph style carrying ``w:numPr`` (a style-linked list); returns its id.

        The level of the abstract definition gets the matching ``w:pStyle`` as Word writes it.
        """
        numbering.at(ilvl)
        ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl else ""
        xml = (f'<w:style {_NSDECLS} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
               f'<w:name w:val="{name or style_id}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
               f'<w:pPr><w:numPr>{ilvl_xml}<w:numId w:val="{numbering.num_id}"/></w:numPr></w:pPr>'
               "</w:style>")
        self.document.styles.element.append(parse_xml(xml))
        for absn in self._numbering_root.findall(_w("abstractNum")):
            if absn.get(_w("abstractNumId")) == str(numbering.abstract_id):
                for lvl in absn.findall(_w("lvl")):
                    if lvl.get(_w("ilvl")) == str(ilvl):
                        pstyle = etree.Element(_w("pStyle"))
                        pstyle.set(_w("val"), style_id)
                        anchor = lvl.find(_w("lvlRestart"))
                        if anchor is None:
                            anchor = lvl.find(_w("numFmt"))
                        anchor.addnext(pstyle)
        return style_id

    @property
    def footnote_count(self) -> int:
        """Number of footnotes written so far (without separators)."""
        return self._next_footnote_id - 1

    def to_bytes(self) -> bytes:
        """The .docx bytes; identical input gives identical bytes."""
        props = self.document.core_properties
        props.author = self._author
        props.title = self._title
        props.last_modified_by = self._author
        props.comments = ""
        props.revision = 1
        props.created = FIXED_DATE
        props.modified = FIXED_DATE
        props.last_printed = FIXED_DATE
        buf = io.BytesIO()
        self.document.save(buf)
        return _repack(buf.getvalue())

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the document atomically to ``path``."""
        write_atomic(path, self.to_bytes())

    # ------------------------------------------------------------------ internals

    def _set_default_language(self, tag: str) -> None:
        styles = self.document.styles.element
        rpr = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        lang = rpr.find(_w("lang"))
        if lang is None:
            lang = _el("lang", rpr)
        lang.set(_w("val"), tag)
        settings = self.document.settings.element
        theme = settings.find(_w("themeFontLang"))
        if theme is not None:
            theme.set(_w("val"), tag)

    def _ensure_style(self, style_id: str) -> None:
        styles = self.document.styles.element
        for st in styles.findall(_w("style")):
            if st.get(_w("styleId")) == style_id:
                return
        if style_id in _STYLES:
            xml = _STYLES[style_id].replace("<w:style ", f"<w:style {_NSDECLS} ", 1)
            styles.append(parse_xml(xml))

    def _add_num(self, abstract_id: int, levels: tuple[Level, ...],
                 overrides: dict[int, int]) -> ListNumbering:
        root = self._numbering_root
        num_id = 1 + max((int(n.get(_w("numId"))) for n in root.findall(_w("num"))), default=0)
        num = etree.Element(_w("num"))
        num.set(_w("numId"), str(num_id))
        _el("abstractNumId", num, val=abstract_id)
        for ilvl, start in sorted(overrides.items()):
            override = _el("lvlOverride", num, ilvl=ilvl)
            _el("startOverride", override, val=start)
        nums = root.findall(_w("num"))
        if nums:
            nums[-1].addnext(num)
        else:
            last_abs = root.findall(_w("abstractNum"))[-1]
            last_abs.addnext(num)
        return ListNumbering(num_id, abstract_id, levels, self)

    def _place_block(self, elem: etree._Element) -> None:
        if self._containers:
            self._containers[-1].append(elem)
        else:
            # The section properties end the body: look at its last child, not through every
            # child (python-docx's ``body.sectPr`` scans them all: building was quadratic).
            last = next(self._body.iterchildren(reversed=True), None)
            if last is not None and last.tag == _w("sectPr"):
                last.addprevious(elem)
            else:
                self._body.append(elem)

    def _sdt_pr(self, sdt: etree._Element, tag: str | None, alias: str | None) -> None:
        pr = _el("sdtPr", sdt)
        if alias is not None:
            _el("alias", pr, val=alias)
        if tag is not None:
            _el("tag", pr, val=tag)
        _el("id", pr, val=self._next_sdt_id)
        self._next_sdt_id += 1

    def _new_paragraph(self, content: Sequence[Inline], story: _Story, *, style: str | None = None,
                       numbering: NumberingArg = None, lang: str | None = None,
                       align: str | None = None, indent: int | None = None) -> etree._Element:
        p = _el("p")
        numpr = _resolve_numbering(numbering)
        if style or numpr or align or lang or indent is not None:
            ppr = _el("pPr", p)
            if style:
                _el("pStyle", ppr, val=style)
            if numpr:
                np_el = _el("numPr", ppr)
                _el("ilvl", np_el, val=numpr.ilvl)
                _el("numId", np_el, val=numpr.num_id)
            if indent is not None:
                _el("ind", ppr, left=indent)
            if align:
                _el("jc", ppr, val=align)
            if lang:
                _el("lang", _el("rPr", ppr), val=lang)
        for item in content:
            self._emit(p, item, story, lang=lang)
        return p

    # -- inline emission --------------------------------------------------------

    def _emit(self, parent: etree._Element, item: Inline, story: _Story, *,
              lang: str | None = None, deleted: bool = False, style: str | None = None) -> None:
        if isinstance(item, str):
            item = Run(item)
        if isinstance(item, Run):
            self._run(parent, item, lang=lang, deleted=deleted, default_style=style)
        elif isinstance(item, FootnoteRef):
            self._footnote(parent, item, story)
        elif isinstance(item, NoteRef):
            self._noteref(parent, item, story)
        elif isinstance(item, Field):
            self._field(parent, item.instr, item.result, story, simple=item.simple,
                        superscript=item.superscript)
        elif isinstance(item, Hyperlink):
            rid = story.part.relate_to(item.url, RT.HYPERLINK, is_external=True)
            link = _el("hyperlink", parent, r_id=rid, history=1)
            if item.style:
                self._ensure_style(item.style)
            for sub in item.content:
                self._emit(link, sub, story, lang=lang, style=item.style)
        elif isinstance(item, Bookmark):
            bid = self._bookmark_id()
            _el("bookmarkStart", parent, id=bid, name=item.name)
            for sub in item.content:
                self._emit(parent, sub, story, lang=lang)
            _el("bookmarkEnd", parent, id=bid)
        elif isinstance(item, SmartTag):
            tag = _el("smartTag", parent, uri=item.uri, element=item.element)
            if item.attrs:
                pr = _el("smartTagPr", tag)
                for name, val in item.attrs.items():
                    _el("attr", pr, name=name, val=val)
            for sub in item.content:
                self._emit(tag, sub, story, lang=lang)
        elif isinstance(item, InlineControl):
            sdt = _el("sdt", parent)
            self._sdt_pr(sdt, item.tag, item.alias)
            content = _el("sdtContent", sdt)
            for sub in item.content:
                self._emit(content, sub, story, lang=lang)
        elif isinstance(item, Ins):  # also Del
            is_del = isinstance(item, Del)
            rid = item.id if item.id is not None else self._revision_id()
            wrap = _el("del" if is_del else "ins", parent, id=rid, author=item.author, date=item.date)
            for sub in item.content:
                if not isinstance(sub, (str, Run)):
                    raise TypeError("Ins/Del hold text or Run items only")
                self._emit(wrap, sub, story, lang=lang, deleted=is_del)
        elif isinstance(item, Comment):
            self._comment(parent, item, story, lang)
        elif isinstance(item, Image):
            if story.kind != "body":
                raise ValueError("images belong in the document body")
            from docx.shared import Cm

            inline = self.document.part.new_pic_inline(io.BytesIO(item.data), Cm(item.width_cm), None)
            _el("drawing", _el("r", parent)).append(inline)
        else:
            raise TypeError(f"not an inline item: {item!r}")

    def _run(self, parent: etree._Element, run: Run, *, lang: str | None, deleted: bool,
             default_style: str | None = None) -> etree._Element:
        r = _el("r", parent)
        style = run.style or default_style
        run_lang = run.lang or lang
        if style or run.bold or run.italic or run.superscript or run.subscript or run_lang:
            rpr = _el("rPr", r)
            if style:
                self._ensure_style(style)
                _el("rStyle", rpr, val=style)
            if run.bold:
                _el("b", rpr)
            if run.italic:
                _el("i", rpr)
            if run.superscript or run.subscript:
                _el("vertAlign", rpr, val="superscript" if run.superscript else "subscript")
            if run_lang:
                _el("lang", rpr, val=run_lang)
        _add_text(r, run.text, deleted=deleted)
        return r

    def _footnote(self, parent: etree._Element, ref: FootnoteRef, story: _Story) -> None:
        if story.kind != "body":
            raise ValueError("footnote references belong in the document body")
        part = self._ensure_footnotes_part()
        self._ensure_style("FootnoteReference")
        self._ensure_style("FootnoteText")
        fid = self._next_footnote_id
        self._next_footnote_id += 1
        bid = None
        if ref.bookmark:
            bid = self._bookmark_id()
            _el("bookmarkStart", parent, id=bid, name=ref.bookmark)
        r = _el("r", parent)
        rpr = _el("rPr", r)
        _el("rStyle", rpr, val="FootnoteReference")
        if ref.direct_superscript:
            _el("vertAlign", rpr, val="superscript")
        if ref.custom_mark is not None:
            _el("footnoteReference", r, customMarkFollows=1, id=fid)
            _add_text(r, ref.custom_mark)
        else:
            _el("footnoteReference", r, id=fid)
            self._footnote_display += 1
        if bid is not None:
            _el("bookmarkEnd", parent, id=bid)
            self._footnote_numbers[ref.bookmark] = (
                self._footnote_display if ref.custom_mark is None else ref.custom_mark)
        # the footnote itself
        fn = _el("footnote", part.element, id=fid)
        p = _el("p", fn)
        _el("pStyle", _el("pPr", p), val="FootnoteText")
        mark = _el("r", p)
        _el("rStyle", _el("rPr", mark), val="FootnoteReference")
        if ref.custom_mark is not None:
            _add_text(mark, ref.custom_mark)
        else:
            _el("footnoteRef", mark)
        _add_text(_el("r", p), " ")
        for sub in _as_inlines(ref.text):
            self._emit(p, sub, _Story(part, "footnote"))

    def _noteref(self, parent: etree._Element, ref: NoteRef, story: _Story) -> None:
        result = ref.result
        if result is None:
            if ref.bookmark not in self._footnote_numbers:
                raise ValueError(f"no footnote bookmarked {ref.bookmark!r} yet; give result=")
            result = str(self._footnote_numbers[ref.bookmark])
        instr = f" NOTEREF {ref.bookmark} {ref.switches} ".replace("  ", " ")
        self._field(parent, instr, (result,), story, simple=ref.simple, superscript=True)

    def _field(self, parent: etree._Element, instr: str, result: Sequence[Inline], story: _Story,
               *, simple: bool, superscript: bool) -> None:
        def styled(item: Inline) -> Inline:
            if superscript and isinstance(item, str):
                return Run(item, superscript=True, style="FootnoteReference")
            return item

        if superscript:
            self._ensure_style("FootnoteReference")
        if simple:
            fld = _el("fldSimple", parent, instr=instr)
            for item in result:
                self._emit(fld, styled(item), story)
            return

        def char(kind: str) -> None:
            r = _el("r", parent)
            if superscript:
                _el("rStyle", _el("rPr", r), val="FootnoteReference")
            _el("fldChar", r, fldCharType=kind)

        char("begin")
        r = _el("r", parent)
        if superscript:
            _el("rStyle", _el("rPr", r), val="FootnoteReference")
        t = _el("instrText", r)
        t.text = instr
        t.set(f"{{{XML_NS}}}space", "preserve")
        char("separate")
        for item in result:
            self._emit(parent, styled(item), story)
        char("end")

    def _comment(self, parent: etree._Element, c: Comment, story: _Story, lang: str | None) -> None:
        part = self._ensure_comments_part()
        self._ensure_style("CommentReference")
        self._ensure_style("CommentText")
        cid = self._next_comment_id
        self._next_comment_id += 1
        _el("commentRangeStart", parent, id=cid)
        for sub in c.content:
            self._emit(parent, sub, story, lang=lang)
        _el("commentRangeEnd", parent, id=cid)
        r = _el("r", parent)
        _el("rStyle", _el("rPr", r), val="CommentReference")
        _el("commentReference", r, id=cid)
        comment = _el("comment", part.element, id=cid, author=c.author, date=c.date,
                      initials=c.initials)
        p = _el("p", comment)
        _el("pStyle", _el("pPr", p), val="CommentText")
        mark = _el("r", p)
        _el("rStyle", _el("rPr", mark), val="CommentReference")
        _el("annotationRef", mark)
        for sub in _as_inlines(c.text):
            self._emit(p, sub, _Story(part, "comment"))

    def _ensure_footnotes_part(self) -> XmlPart:
        if self._footnotes_part is None:
            pkg = self.document.part.package
            self._footnotes_part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                                           parse_xml(_FOOTNOTES_XML), pkg)
            self.document.part.relate_to(self._footnotes_part, RT.FOOTNOTES)
            settings = self.document.settings.element
            pr = etree.Element(_w("footnotePr"))
            for fid in ("-1", "0"):
                etree.SubElement(pr, _w("footnote")).set(_w("id"), fid)
            for child in settings:
                if etree.QName(child).localname in _AFTER_FOOTNOTEPR:
                    child.addprevious(pr)
                    break
            else:
                settings.append(pr)
        return self._footnotes_part

    def _ensure_comments_part(self) -> XmlPart:
        if self._comments_part is None:
            pkg = self.document.part.package
            self._comments_part = XmlPart(PackURI("/word/comments.xml"), CT.WML_COMMENTS,
                                          parse_xml(f"<w:comments {_NSDECLS}/>"), pkg)
            self.document.part.relate_to(self._comments_part, RT.COMMENTS)
        return self._comments_part

    def _bookmark_id(self) -> int:
        self._next_bookmark_id += 1
        return self._next_bookmark_id - 1

    def _revision_id(self) -> int:
        self._next_revision_id += 1
        return self._next_revision_id - 1


# --------------------------------------------------------------------------- helpers


def _as_inlines(value: "str | Inline | Sequence[Inline]") -> tuple[Inline, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return (value,)  # type: ignore[return-value]


def _resolve_numbering(numbering: NumberingArg) -> NumPr | None:
    if numbering is None:
        return None
    if isinstance(numbering, NumPr):
        return numbering
    if isinstance(numbering, ListNumbering):
        return numbering.at(0)
    target, ilvl = numbering
    if isinstance(target, ListNumbering):
        return target.at(ilvl)
    return NumPr(int(target), ilvl)


def _add_text(r: etree._Element, text: str, *, deleted: bool = False) -> None:
    """Append ``w:t`` (or ``w:delText``), ``w:tab`` and ``w:br`` children for ``text``."""
    tag = "delText" if deleted else "t"
    buf = ""

    def flush() -> None:
        nonlocal buf
        if buf:
            t = _el(tag, r)
            t.text = buf
            if buf != buf.strip() or "  " in buf:
                t.set(f"{{{XML_NS}}}space", "preserve")
            buf = ""

    for ch in text:
        if ch == "\t":
            flush()
            _el("tab", r)
        elif ch == "\n":
            flush()
            _el("br", r)
        else:
            buf += ch
    flush()


_THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def _repack(data: bytes) -> bytes:
    """Drop the template thumbnail and repack with fixed zip metadata."""
    parts: list[tuple[str, bytes]] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            name = info.filename
            blob = zf.read(info)
            if name == "docProps/thumbnail.jpeg":
                continue
            if name == "_rels/.rels":
                root = etree.fromstring(blob)
                for rel in list(root):
                    if rel.get("Type") == _THUMBNAIL_REL:
                        root.remove(rel)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            parts.append((name, blob))
    return package_bytes(parts)
