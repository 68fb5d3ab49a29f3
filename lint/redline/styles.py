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

The styles part is read style by style, only the styles a run needs (:mod:`stylepart`),
and each resolution is cached per document.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

import regex
from lxml import etree

from ..ooxml.ns import w
from .canon import ON_OFF, on_off
from .stylepart import StylesPart, theme_fonts

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


class RunStyles:
    """The effective run formatting of one document (its styles part read on first use).

    ``load`` returns the styles part's bytes (or None: no styles, defaults only)."""

    __slots__ = ("_load", "_part", "_defaults", "_chains", "_bases", "_keys", "_load_theme", "_theme",
                 "_summaries")

    def __init__(self, load: Callable[[], bytes | None],
                 theme: Callable[[], bytes | None] | None = None) -> None:
        self._load = load
        self._load_theme = theme
        self._theme: dict[str, str] | None = None
        self._part: StylesPart | None = None
        self._defaults: Props = {}
        self._chains: dict[tuple[str | None, str], Props] = {}
        self._bases: dict[str | None, tuple[Props, Props]] = {}
        self._keys: dict[tuple, RunFormat] = {}
        self._summaries: dict[tuple[str, str | None], str] = {}

    @property
    def part(self) -> StylesPart:
        if self._part is None:
            self._part = StylesPart(self._load())
            self._defaults = props_of(self._part.defaults)
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
            levels.append(st.props if st.props is not None else st.resolve(props_of))
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
            base = dict(self._defaults)
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
        defaults = self._defaults
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
