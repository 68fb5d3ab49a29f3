"""Run formatting as a reader sees it: the style hierarchy of one document resolved.

A run's effective formatting (ECMA-376 Part 1, 17.7.2) is built from the document
defaults (``w:docDefaults``), then the paragraph style and its ``w:basedOn`` chain,
then the character style and its chain, then the run's own properties. A property
written at a lower level replaces the one inherited; the toggle properties (bold,
italics, caps... 17.7.3) are the exception: in a chain the nearest value counts, the
paragraph and character levels combine by exclusive or, a ``true`` document default
keeps them on, and a value in the run itself is absolute. Each document is resolved
through its own styles part and theme (``minorHAnsi`` -> the theme's font).

So two runs format their text alike whatever is written where: a property the
original inherited and a re-save writes out (or drops because it equals the inherited
value), a renamed style that gives the same formatting, a property spelt out at its
default value (``w:kern w:val="0"``, ``w:color w:val="auto"``), a colour in capitals
or given by its theme name. Properties that only guide proofing (``w:noProof``) are
not formatting. Table styles are not applied.

What counts for a piece of text is what formats its characters (:class:`RunFormat`):
complex script characters take the ``cs`` font, size, bold and italics, others the
Latin or East Asian ones, unless the run is marked ``w:rtl`` or ``w:cs``; a space or
a tab shows only lines, background and hiding; kerning (``w:kern``) is a threshold.

The styles part is read style by style, only the styles a run needs (styles.xml of
the UN templates is 350 KB), and each resolution is cached per document.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Callable

import regex
from lxml import etree

from ..ooxml.ns import W, w
from .canon import ON_OFF, on_off

#: Toggle properties (17.7.3).
TOGGLES = frozenset(w(n) for n in (
    "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "emboss", "imprint", "outline",
    "shadow", "vanish"))
#: Properties that show nothing: proofing, revision marks, the style (resolved instead).
_NOT_SHOWN = frozenset(w(n) for n in ("noProof", "rPrChange", "rStyle"))
#: Properties whose attributes are separate properties (each inherited on its own).
_SPLIT = {w("rFonts"): ("ascii", "hAnsi", "eastAsia", "cs"), w("lang"): ("val", "eastAsia", "bidi")}
_THEME = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
#: Values that mean the same as no property at all (the application defaults).
_DEFAULTS = {
    w("color"): ((w("val"), "auto"),), w("kern"): ((w("val"), "0"),), w("position"): ((w("val"), "0"),),
    w("spacing"): ((w("val"), "0"),), w("w"): ((w("val"), "100"),), w("vertAlign"): ((w("val"), "baseline"),),
    w("u"): ((w("val"), "none"),), w("highlight"): ((w("val"), "none"),), w("effect"): ((w("val"), "none"),),
    w("em"): ((w("val"), "none"),), w("sz"): ((w("val"), "20"),), w("szCs"): ((w("val"), "20"),),
}
#: Properties whose values are hexadecimal colours and shades (``BF`` = ``bf``) or names.
_HEX = frozenset(w(n) for n in ("color", "shd", "u", "highlight", "bdr"))
_VAL, _COLOR = w("val"), w("color")
_RPR, _STYLE, _BASED_ON = w("rPr"), w("style"), w("basedOn")
_STYLE_ID, _TYPE, _DEFAULT = w("styleId"), w("type"), w("default")
_RSTYLE = w("rStyle")

Props = dict  # property name -> canonical value (a str or a tuple of attributes)


def props_of(rpr: etree._Element | None) -> Props:
    """The properties a ``w:rPr`` writes, by name, values canonical (see the module docstring)."""
    out: Props = {}
    if rpr is None:
        return out
    for child in rpr:
        tag = child.tag
        if tag.__class__ is not str or tag in _NOT_SHOWN:
            continue
        if tag in ON_OFF:
            out[tag] = on_off(child)
            continue
        slots = _SPLIT.get(tag)
        if slots is not None:
            for slot in slots:
                theme = _THEME.get(slot)
                value = child.get(w(theme)) if theme else None
                if value is not None:
                    out[f"{tag}.{slot}"] = "theme:" + value
                else:
                    value = child.get(w(slot))
                    if value is not None:
                        out[f"{tag}.{slot}"] = value
            continue
        if tag == _COLOR:
            # the colour shown: ``w:val`` (with a theme colour, the producer's computed value)
            value = child.get(_VAL)
            if value is not None:
                out[tag] = ((_VAL, value.lower()),)
        elif tag in _HEX:
            out[tag] = tuple(sorted((k, v.lower()) for k, v in child.attrib.items() if "rsid" not in k))
        else:
            out[tag] = tuple(sorted((k, v) for k, v in child.attrib.items() if "rsid" not in k))
    return out


def key_of(props: Props) -> str:
    """Canonical text of resolved properties: defaults and off values left out."""
    parts = []
    for name, value in props.items():
        if value is False or _DEFAULTS.get(name) == value:
            continue
        parts.append(f"{name}={value}")
    parts.sort()
    return "|".join(parts)


_FONT_SLOTS = tuple(f"{w('rFonts')}.{slot}" for slot in _SPLIT[w("rFonts")])
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


class _Style:
    __slots__ = ("kind", "based_on", "props")

    def __init__(self, kind: str | None, based_on: str | None, props: Props) -> None:
        self.kind, self.based_on, self.props = kind, based_on, props


def _style_of(el: etree._Element) -> _Style:
    based = el.find(_BASED_ON)
    return _Style(el.get(_TYPE), based.get(_VAL) if based is not None else None, props_of(el.find(_RPR)))


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
    return data.count(b"?") <= 2 or data.count(b"<?") <= 1


class _Part:
    """The styles of one styles part, each parsed when first asked for.

    When the bytes are plain (the WordprocessingML namespace bound to ``w`` on the root;
    no comment, CDATA or processing instruction past the declaration), a style is found by
    its ``w:styleId="..."`` and only its own text parsed; otherwise, or when a style or
    a default style is not found so (an attribute in single quotes...), the whole part
    is parsed once."""

    def __init__(self, data: bytes | None) -> None:
        self.defaults: Props = {}
        self._default_paragraph: str | None = None
        self._default_character: str | None = None
        self._styles: dict[str, _Style | None] = {}
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
        self.defaults, self._default_paragraph, self._default_character = {}, None, None

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
                attrs = dict((a.group(1), a.group(2).decode("utf-8", "replace")) for a in _ATTR.finditer(data[tag:close]))
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
        self.defaults = self._defaults(root)
        for st in root.iter(_STYLE):
            sid = st.get(_STYLE_ID)
            if sid is None or sid in self._styles:
                continue
            self._styles[sid] = _style_of(st)
            self._note_default(sid, st.get(_TYPE), st.get(_DEFAULT))

    @staticmethod
    def _defaults(root: etree._Element) -> Props:
        rpr = root.find(f".//{w('docDefaults')}/{w('rPrDefault')}/{_RPR}")
        return props_of(rpr)

    def style(self, sid: str | None) -> _Style | None:
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


class RunStyles:
    """The effective run formatting of one document (its styles part read on first use).

    ``load`` returns the styles part's bytes (or None: no styles, defaults only)."""

    __slots__ = ("_load", "_part", "_chains", "_bases", "_keys", "_load_theme", "_theme", "_summaries")

    def __init__(self, load: Callable[[], bytes | None],
                 theme: Callable[[], bytes | None] | None = None) -> None:
        self._load = load
        self._load_theme = theme
        self._theme: dict[str, str] | None = None
        self._part: _Part | None = None
        self._chains: dict[tuple[str | None, str], Props] = {}
        self._bases: dict[str | None, tuple[Props, Props]] = {}
        self._keys: dict[tuple, RunFormat] = {}
        self._summaries: dict[tuple[str, str | None], str] = {}

    @property
    def part(self) -> _Part:
        if self._part is None:
            self._part = _Part(self._load())
        return self._part

    def _chain(self, sid: str | None, kind: str) -> Props:
        """A style's properties with its ``w:basedOn`` chain merged (the nearest value wins;
        a loop is cut where it closes, a style of another type ends the chain)."""
        got = self._chains.get((sid, kind))
        if got is not None:
            return got
        levels = []
        seen: set[str] = set()
        cur = sid
        while cur is not None and cur not in seen:
            seen.add(cur)
            st = self.part.style(cur)
            if st is None or (st.kind or "paragraph") != kind:
                break
            levels.append(st.props)
            cur = st.based_on
        merged: Props = {}
        for props in reversed(levels):
            merged.update(props)
        self._chains[(sid, kind)] = merged
        return merged

    def _paragraph(self, pstyle: str | None) -> tuple[Props, Props]:
        """(document defaults with the paragraph style's non-toggle properties over them,
        the paragraph style's own toggle values) for a paragraph style id."""
        got = self._bases.get(pstyle)
        if got is None:
            part = self.part
            sid = pstyle if pstyle is not None and part.style(pstyle) is not None else part.default_paragraph
            level = self._chain(sid, "paragraph")
            base = dict(part.defaults)
            base.update((k, v) for k, v in level.items() if k not in TOGGLES)
            got = self._bases[pstyle] = (base, {k: v for k, v in level.items() if k in TOGGLES})
        return got

    def resolve(self, pstyle: str | None, rpr: etree._Element | None) -> Props:
        """The effective properties of a run with ``rpr`` in a paragraph of style ``pstyle``."""
        base, ptoggles = self._paragraph(pstyle)
        direct = props_of(rpr)
        rstyle = rpr.find(_RSTYLE) if rpr is not None else None
        sid = rstyle.get(_VAL) if rstyle is not None else None
        part = self.part
        if sid is None or part.style(sid) is None:
            sid = part.default_character
        char = self._chain(sid, "character")
        out = dict(base)
        out.update((k, v) for k, v in char.items() if k not in TOGGLES)
        out.update((k, v) for k, v in direct.items() if k not in TOGGLES)
        defaults = part.defaults
        for t in TOGGLES:
            if t in direct:
                on = direct[t]
            elif defaults.get(t) is True:
                on = True
            else:
                on = bool(ptoggles.get(t)) ^ bool(char.get(t))
            out[t] = on
        for slot in _FONT_SLOTS:
            value = out.get(slot)
            if value is not None and value.startswith("theme:"):
                out[slot] = self.theme_fonts().get(value[6:], value)
        return out

    def theme_fonts(self) -> dict[str, str]:
        """The theme's fonts by the names runs give them (``minorHAnsi`` -> ``Calibri``)."""
        if self._theme is None:
            self._theme = theme_fonts(self._load_theme() if self._load_theme is not None else None)
        return self._theme

    def run(self, pstyle: str | None, rpr: etree._Element | None) -> "RunFormat":
        """The formatting of a run with ``rpr`` in a paragraph of style ``pstyle`` (cached by
        its written form)."""
        raw = (pstyle, tuple([(c.tag, tuple(c.items())) for c in rpr]) if rpr is not None else ())
        fmt = self._keys.get(raw)
        if fmt is None:
            fmt = self._keys[raw] = RunFormat(self.resolve(pstyle, rpr))
        return fmt

    def base_key(self, pstyle: str | None) -> str:
        """Key of a run without properties in a paragraph of style ``pstyle``."""
        key = self._summaries.get(("p", pstyle))
        if key is None:
            key = self._summaries[("p", pstyle)] = key_of(self.run(pstyle, None).props)
        return key

    def character_key(self, sid: str | None) -> str:
        """Key of what a character style gives (its chain merged), for comparing styles."""
        key = self._summaries.get(("c", sid))
        if key is None:
            key = self._summaries[("c", sid)] = key_of(self._chain(sid, "character"))
        return key


# Which properties format which characters (17.3.2.26 rFonts, 17.3.2.30 rtl): complex
# script characters (by Unicode block: the Arabic comma and Arabic-Indic digits too)
# take the ``cs`` font, size, bold and italics; East Asian ones the ``eastAsia`` font;
# others the ``ascii`` (below U+0080) or ``hAnsi`` font; all the characters of a run
# marked ``w:rtl`` or ``w:cs`` are set as complex script.
_SLOTS = {
    "cs": (w("rFonts") + ".cs", w("szCs"), w("bCs"), w("iCs")),
    "ea": (w("rFonts") + ".eastAsia", w("sz"), w("b"), w("i")),
    "ascii": (w("rFonts") + ".ascii", w("sz"), w("b"), w("i")),
    "high": (w("rFonts") + ".hAnsi", w("sz"), w("b"), w("i")),
}
_KERN, _RTL, _CS = w("kern"), w("rtl"), w("cs")
_SLOTTED = frozenset(p for props in _SLOTS.values() for p in props) | {w("rtl"), w("cs"), _KERN}
#: What shows on a blank (a space, a tab): lines through or under it, its background, whether
#: it is hidden.
_ON_BLANK = frozenset(w(n) for n in ("u", "strike", "dstrike", "highlight", "shd", "bdr", "vanish", "color"))
_COMPLEX_RANGES = ((0x0590, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFE))
_EAST_ASIAN_RANGES = ((0x1100, 0x11FF), (0x2E80, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF),
                      (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))
#: Characters that show no glyph: spaces and format characters (the left-to-right mark...).
_BLANK = regex.compile(r"[\s\p{Cf}]")
#: Punctuation and symbols outside the complex script blocks: their direction follows the
#: run's (``w:rtl``); letters, digits, spaces and the punctuation of a right-to-left script
#: (the Arabic comma) take theirs from the text around them.
_DIRECTED = regex.compile(r"[^\p{L}\p{M}\p{Nd}\s\p{Cf}]")
_ALL = ("all",)


def _class_of(ch: str) -> str:
    o = ord(ch)
    if o < 0x80:
        return "ascii"
    for lo, hi in _COMPLEX_RANGES:
        if lo <= o <= hi:
            return "cs"
    for lo, hi in _EAST_ASIAN_RANGES:
        if lo <= o <= hi:
            return "ea"
    return "high"


@lru_cache(maxsize=65536)
def _classes(text: str | None, complex_run: bool) -> tuple[tuple[str, ...], bool]:
    """(the property sets that format ``text``'s visible characters, in their order with
    neighbours of one set merged; whether its direction shows).

    ``text`` None is an object that may show a glyph (a symbol, a drawing): every
    property counts. Blank text (spaces; "" for a tab or a break) is formatted by none
    of the sets: only what shows on a blank counts (underline, highlight, hidden...)."""
    if text is None:
        return _ALL, False
    seq: list[str] = []
    directed = False
    for ch in text:
        if _BLANK.match(ch):
            continue
        cls = _class_of(ch)
        if not directed and cls != "cs" and _DIRECTED.match(ch):
            directed = True
        if complex_run:
            cls = "cs"
        if not seq or seq[-1] != cls:
            seq.append(cls)
    return tuple(seq), directed


def _number(value: object, default: int) -> int:
    """The ``w:val`` of a property value (sorted attributes) as a number."""
    if isinstance(value, tuple):
        for k, v in value:
            if k == _VAL:
                try:
                    return int(v)
                except ValueError:
                    return default
    return default


class RunFormat:
    """A run's resolved properties, keyed for the characters a piece of it holds.

    A piece's key is the properties that format all its characters, then, in the order
    of its characters, the font, size, bold, italics and kerning (``w:kern`` is a
    threshold: text of that size and above is kerned, 17.3.2.19) each one is set in,
    then ``w:rtl`` where punctuation or symbols take their direction from it. So digits
    set in the same font and size with or without ``w:rtl`` show the same."""

    __slots__ = ("props", "_common", "_keys", "_looks", "_complex", "_by_text")

    def __init__(self, props: Props) -> None:
        self.props = props
        self._common: str | None = None
        self._keys: dict[tuple, str] = {}
        self._looks: dict[str, str] = {}
        self._complex = bool(props.get(_RTL) or props.get(_CS))
        self._by_text: dict[str | None, str] = {}

    def _look(self, cls: str) -> str:
        """How the characters of one class are set: font, size, bold, italics, kerning."""
        look = self._looks.get(cls)
        if look is None:
            props = self.props
            font, size, bold, italic = (props.get(k) for k in _SLOTS[cls])
            points = _number(size, 20)
            kern = _number(props.get(_KERN), 0)
            look = self._looks[cls] = (f"font={font or ''}|size={points}|b={bool(bold)}|i={bool(italic)}"
                                       f"|kern={kern > 0 and points >= kern}")
        return look

    def key(self, text: str | None) -> str:
        """Key of what a piece of this run shows: ``text`` (see :func:`_classes`)."""
        key = self._by_text.get(text)
        if key is None:
            key = self._by_text[text] = self._key(_classes(text, self._complex))
        return key

    def _key(self, sig: tuple[tuple[str, ...], bool]) -> str:
        props = self.props
        key = self._keys.get(sig)
        if key is None:
            if sig[0] is _ALL:
                key = key_of(props)
            elif not sig[0]:
                key = key_of({k: v for k, v in props.items() if k in _ON_BLANK})
            else:
                if self._common is None:
                    self._common = key_of({k: v for k, v in props.items() if k not in _SLOTTED})
                looks: list[str] = []
                for cls in sig[0]:
                    look = self._look(cls)
                    if not looks or looks[-1] != look:
                        looks.append(look)
                key = self._common + "\x1f" + "\x1e".join(looks)
                if sig[1]:
                    key += f"\x1frtl={bool(props.get(_RTL))}"
            self._keys[sig] = key
        return key


def key_parts(key: str) -> tuple[str, tuple[str, ...], bool | None]:
    """A :meth:`RunFormat.key` taken apart, for reports: (the properties that format every
    character, how its characters are set in their order, the run's direction where it
    shows, else None)."""
    common, *rest = key.split("\x1f")
    looks: tuple[str, ...] = ()
    direction = None
    for part in rest:
        if part.startswith("rtl="):
            direction = part == "rtl=True"
        else:
            looks = tuple(part.split("\x1e"))
    return common, looks, direction
