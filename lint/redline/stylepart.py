"""Reading a styles part for the run formatting it gives, style by style.

styles.xml of the UN templates is 350 KB for the few dozen styles a diff meets: when its
bytes are plain, a style is cut from them by its ``w:styleId`` and only that text parsed
(see :class:`StylesPart`). Also the theme's fonts, by the names runs give them.
"""
from __future__ import annotations

import copy
import html
import re
from typing import Callable

from lxml import etree

from ..ooxml.ns import W, w

_VAL, _RPR, _STYLE, _BASED_ON = w("val"), w("rPr"), w("style"), w("basedOn")
_STYLE_ID, _TYPE, _DEFAULT = w("styleId"), w("type"), w("default")
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def theme_fonts(data: bytes | None) -> dict[str, str]:
    """The major and minor fonts of a theme part (``a:fontScheme``) under the names
    ``w:rFonts`` refers to them by (``majorHAnsi``, ``minorBidi``...); a theme font
    with no typeface, or an unreadable theme, stays unresolved."""
    if not data or b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        return {}
    try:
        root = etree.fromstring(data, etree.XMLParser(**_SAFE))
    except etree.XMLSyntaxError:
        return {}
    out: dict[str, str] = {}
    for kind in ("major", "minor"):
        font = root.find(f".//{{{_A}}}{kind}Font")
        if font is None:
            continue
        for script, names in (("latin", ("Ascii", "HAnsi")), ("ea", ("EastAsia",)), ("cs", ("Bidi",))):
            face = font.find(f"{{{_A}}}{script}")
            typeface = face.get("typeface") if face is not None else None
            if typeface:
                for name in names:
                    out[kind + name] = typeface
    return out


class Style:
    """One style: its type, the style it is based on, and its run properties (``rpr``,
    turned into properties once by :meth:`resolve`)."""

    __slots__ = ("kind", "based_on", "rpr", "props")

    def __init__(self, kind: str | None, based_on: str | None, rpr: etree._Element | None) -> None:
        self.kind, self.based_on, self.rpr = kind, based_on, rpr
        self.props: dict | None = None

    def resolve(self, props_of: Callable[[etree._Element | None], dict]) -> dict:
        self.props = props_of(self.rpr)
        self.rpr = None
        return self.props


def _style_of(el: etree._Element, detach: bool = False) -> Style:
    """A ``w:style`` element read (``detach``: its run properties copied out of a whole
    part's tree, which is then not kept)."""
    based = el.find(_BASED_ON)
    rpr = el.find(_RPR)
    if detach and rpr is not None:
        rpr = copy.deepcopy(rpr)
    return Style(el.get(_TYPE), based.get(_VAL) if based is not None else None, rpr)


_SAFE = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_ROOT_TAG = re.compile(rb"<w:styles\b[^>]*>")
_ATTR = re.compile(rb'''\sw:(styleId|type|default)="([^"]*)"''')
_UNSAFE_ID = re.compile(r"[&<>\"']")
_W_BYTES = W.encode()


def _plain(data: bytes) -> bool:
    """No comment, CDATA section, DOCTYPE or processing instruction past the declaration
    (looked for by their rare characters first: a styles part can be 350 KB)."""
    if b"!" in data and b"<!" in data:
        return False
    pos = -1
    for _ in range(3):  # the declaration's two question marks, and no third
        pos = data.find(b"?", pos + 1)
        if pos < 0:
            return True
    return data.count(b"<?") <= 1


class StylesPart:
    """The styles of one styles part, each parsed when first asked for.

    When the bytes are plain (the WordprocessingML namespace bound to ``w`` on the root;
    no comment, CDATA or processing instruction past the declaration), a style is found by
    its ``w:styleId="..."`` and only its own text parsed; otherwise, or when a style or
    a default style is not found so (an attribute in single quotes...), the whole part
    is parsed once."""

    def __init__(self, data: bytes | None) -> None:
        self.defaults: etree._Element | None = None  # w:docDefaults/w:rPrDefault/w:rPr
        self._default_paragraph: str | None = None
        self._default_character: str | None = None
        self._styles: dict[str, Style | None] = {}
        self._data = data or b""
        self._root = b""
        if not data or b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
            return
        root = _ROOT_TAG.search(data)
        try:
            if root is not None and b'xmlns:w="' + _W_BYTES + b'"' in root.group() and _plain(data):
                self._root = root.group()
                self._plain_defaults(data)
            else:
                self._parse_all(data)
        except etree.XMLSyntaxError:  # unreadable styles: no styles
            self._unreadable()

    def _unreadable(self) -> None:
        self._root = b""
        self._styles.clear()
        self.defaults, self._default_paragraph, self._default_character = None, None, None

    def _whole(self) -> None:
        """Parse the whole part (a plain reading missed something)."""
        self._root = b""
        self._styles.clear()
        self._default_paragraph = self._default_character = None
        try:
            self._parse_all(self._data)
        except etree.XMLSyntaxError:
            self._unreadable()

    @property
    def default_paragraph(self) -> str | None:
        if self._default_paragraph is None and self._root:
            self._whole()
        return self._default_paragraph

    @property
    def default_character(self) -> str | None:
        if self._default_character is None and self._root:
            self._whole()
        return self._default_character

    def _chunk(self, text: bytes) -> etree._Element:
        return etree.fromstring(self._root + text + b"</w:styles>", etree.XMLParser(**_SAFE))

    def _plain_defaults(self, data: bytes) -> None:
        """The document defaults and the default styles, read from their own text."""
        start = data.find(b"<w:docDefaults")
        if start >= 0:
            end = data.find(b"</w:docDefaults>", start)
            if end > 0:
                self.defaults = self._defaults(self._chunk(data[start:end + 16]))
        pos = data.find(b'w:default="')
        while pos >= 0:
            tag = data.rfind(b"<", 0, pos)
            close = data.find(b">", pos)
            if tag >= 0 and close > 0 and data.startswith(b"<w:style ", tag):
                attrs = {a.group(1): a.group(2).decode("utf-8", "replace") for a in _ATTR.finditer(data[tag:close])}
                sid = attrs.get(b"styleId")
                if sid is not None:
                    self._note_default(html.unescape(sid), attrs.get(b"type"), attrs.get(b"default"))
            pos = data.find(b'w:default="', pos + 1)

    def _note_default(self, sid: str, kind: str | None, default: str | None) -> None:
        if default is None or default.strip().lower() not in ("1", "true", "on"):
            return
        if kind == "paragraph" and self._default_paragraph is None:
            self._default_paragraph = sid
        elif kind == "character" and self._default_character is None:
            self._default_character = sid

    def _parse_all(self, data: bytes) -> None:
        root = etree.fromstring(data, etree.XMLParser(**_SAFE))
        defaults = self._defaults(root)
        self.defaults = copy.deepcopy(defaults) if defaults is not None else None
        for st in root.iter(_STYLE):
            sid = st.get(_STYLE_ID)
            if sid is None or sid in self._styles:
                continue
            self._styles[sid] = _style_of(st, detach=True)
            self._note_default(sid, st.get(_TYPE), st.get(_DEFAULT))

    @staticmethod
    def _defaults(root: etree._Element) -> etree._Element | None:
        return root.find(f".//{w('docDefaults')}/{w('rPrDefault')}/{_RPR}")

    def style(self, sid: str | None) -> Style | None:
        """The style ``sid`` (its type, ``w:basedOn`` and run properties), or None."""
        if sid is None:
            return None
        if sid in self._styles or not self._root:
            return self._styles.get(sid)
        found = None
        if _UNSAFE_ID.search(sid):  # an id that needs escaping: read the whole part
            self._whole()
            return self._styles.get(sid)
        data = self._data
        pos = data.find(b'w:styleId="' + sid.encode("utf-8") + b'"')
        tag = data.rfind(b"<", 0, pos) if pos >= 0 else -1
        if tag >= 0 and data.startswith(b"<w:style ", tag):
            close = data.find(b">", pos)
            end = close + 1 if data[close - 1:close] == b"/" else data.find(b"</w:style>", close) + 10
            if close > 0 and end > 10:
                try:
                    found = _style_of(self._chunk(data[tag:end])[0])
                except (etree.XMLSyntaxError, IndexError):
                    found = None
        if found is None:  # not written as looked for, or not there: read the whole part
            self._whole()
            return self._styles.get(sid)
        self._styles[sid] = found
        return found
