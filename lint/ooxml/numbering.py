"""Word automatic numbering: from numbering.xml and styles.xml to the number the reader sees.

Counters are kept per abstract numbering definition, as Word does: two ``w:num``
instances over the same ``w:abstractNum`` continue one list unless an instance carries
a ``w:lvlOverride/w:startOverride``, which restarts that level the first time it is used.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .ns import w, wval


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; None = after any higher
    style: str | None = None


@dataclass
class Abstract:
    id: str
    levels: dict[int, Level] = field(default_factory=dict)
    num_style_link: str | None = None
    style_link: str | None = None


@dataclass
class Instance:
    num_id: str
    abstract_id: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl -> startOverride
    level_defs: dict[int, Level] = field(default_factory=dict)  # ilvl -> full lvl override


#: Word numbers list levels 0 to 8; other values found in a file are brought into that range.
MAX_ILVL = 8
#: Letters and roman numerals are drawn up to this value; larger numbers are shown in digits.
MAX_ALPHA_NUMBER = 32767


def to_int(value: str | None, default: int | None = None) -> int | None:
    """An ``ST_DecimalNumber`` attribute as an int, or ``default`` when it is not one.

    Only ASCII digits (with an optional minus sign) and at most 9 of them are accepted, so
    that characters such as "\u00b2" (which ``str.isdigit`` accepts) or a 5,000-digit
    value cannot raise or make counters absurdly large.
    """
    if not value:
        return default
    digits = value[1:] if value[0] == "-" else value
    if not digits or len(digits) > 9 or not digits.isascii() or not digits.isdigit():
        return default
    return int(value)


def clamp_ilvl(value: int | None) -> int | None:
    return None if value is None else min(max(value, 0), MAX_ILVL)


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """Word's alphabetic numbering: a..z, then aa..zz, aaa..."""
    if n <= 0:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter", "lowerRoman", "upperRoman") and not 0 < n <= MAX_ALPHA_NUMBER:
        return str(n)
    if fmt in ("lowerLetter",):
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


def _parse_level(lvl) -> Level:  # type: ignore[no-untyped-def]
    level = Level()
    start = lvl.find(w("start"))
    if start is not None and (v := to_int(wval(start))) is not None:
        level.start = v
    fmt = lvl.find(w("numFmt"))
    if fmt is not None:
        level.fmt = wval(fmt) or "decimal"
    text = lvl.find(w("lvlText"))
    if text is not None:
        level.text = wval(text) or ""
    restart = lvl.find(w("lvlRestart"))
    if restart is not None and (v := to_int(wval(restart))) is not None and v >= 0:
        level.restart = v
    pstyle = lvl.find(w("pStyle"))
    if pstyle is not None:
        level.style = wval(pstyle)
    return level


def _ilvl(el) -> int:  # type: ignore[no-untyped-def]
    return to_int(el.get(w("ilvl")), 0) or 0


class Numbering:
    """Resolves (numId, ilvl) pairs to displayed numbers, in document order."""

    def __init__(self, numbering_root, styles: "StyleNumbering | None" = None) -> None:  # type: ignore[no-untyped-def]
        self.abstracts: dict[str, Abstract] = {}
        self.instances: dict[str, Instance] = {}
        self.styles = styles
        if numbering_root is not None:
            for an in numbering_root.iter(w("abstractNum")):
                ab = Abstract(an.get(w("abstractNumId"), ""))
                for lvl in an.findall(w("lvl")):
                    ab.levels[_ilvl(lvl)] = _parse_level(lvl)
                if (el := an.find(w("numStyleLink"))) is not None:
                    ab.num_style_link = wval(el)
                if (el := an.find(w("styleLink"))) is not None:
                    ab.style_link = wval(el)
                self.abstracts[ab.id] = ab
            for num in numbering_root.iter(w("num")):
                ref = num.find(w("abstractNumId"))
                inst = Instance(num.get(w("numId"), ""), wval(ref) or "")
                for ov in num.findall(w("lvlOverride")):
                    lv = _ilvl(ov)
                    so = ov.find(w("startOverride"))
                    if so is not None and (v := to_int(wval(so))) is not None:
                        inst.overrides[lv] = v
                    if (lvl := ov.find(w("lvl"))) is not None:
                        inst.level_defs[lv] = _parse_level(lvl)
                self.instances[inst.num_id] = inst
        self._counters: dict[str, dict[int, int]] = {}
        self._used_overrides: set[str] = set()

    def _abstract_for(self, inst: Instance) -> Abstract | None:
        ab = self.abstracts.get(inst.abstract_id)
        seen = 0
        # numStyleLink: the definition lives in the numbering of the linked style.
        while ab is not None and ab.num_style_link and self.styles is not None and seen < 5:
            seen += 1
            num_id, _ = self.styles.num_pr(ab.num_style_link)
            target = self.instances.get(num_id or "")
            if target is None:
                break
            ab = self.abstracts.get(target.abstract_id)
        return ab

    def level(self, num_id: str, ilvl: int) -> Level | None:
        inst = self.instances.get(num_id)
        if inst is None:
            return None
        if ilvl in inst.level_defs:
            return inst.level_defs[ilvl]
        ab = self._abstract_for(inst)
        if ab is None:
            return None
        return ab.levels.get(ilvl)

    def next(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the list for a paragraph and return (displayed number, numFmt), or None.

        ``numId`` 0 means "no numbering"; an unknown numId gives None (nothing shown).
        """
        if not num_id or num_id == "0":
            return None
        inst = self.instances.get(num_id)
        if inst is None:
            return None
        ab = self._abstract_for(inst)
        if ab is None:
            return None
        key = ab.id
        counters = self._counters.setdefault(key, {})
        if num_id not in self._used_overrides and inst.overrides:
            self._used_overrides.add(num_id)
            for lv, value in inst.overrides.items():
                counters[lv] = value - 1
                for deeper in [k for k in counters if k > lv]:
                    del counters[deeper]
        lvl = self.level(num_id, ilvl) or Level()
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = lvl.start
        # Restart deeper levels (default behaviour, or lvlRestart of each deeper level).
        for deeper in [k for k in counters if k > ilvl]:
            dl = self.level(num_id, deeper) or Level()
            if dl.restart is None or (dl.restart != 0 and ilvl + 1 <= dl.restart):
                del counters[deeper]

        def render(match_level: int) -> str:
            lv = self.level(num_id, match_level) or Level()
            value = counters.get(match_level, lv.start)
            return format_number(value, lv.fmt)

        text = lvl.text
        out = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and "0" <= text[i + 1] <= "9":
                out.append(render(int(text[i + 1]) - 1))
                i += 2
                continue
            out.append(ch)
            i += 1
        if lvl.fmt == "bullet":
            return "", "bullet"
        return "".join(out), lvl.fmt


_MAIN_NS_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_STYLE_OPEN, _STYLE_CLOSE, _TABLE_TYPE = b"<w:style", b"</w:style>", b'w:type="table"'


def _without_table_styles(data: bytes) -> bytes:
    """``data`` with every ``w:style`` element whose start tag says ``w:type="table"`` cut out
    (styles never nest; a self-closing one is left). Byte searches, no regular expression:
    a pattern with lazy repeats takes as long on this part as parsing it."""
    out: list[bytes] = []
    keep = pos = 0
    while True:
        i = data.find(_STYLE_OPEN, pos)
        if i < 0:
            break
        j = data.find(b">", i)
        if j < 0:
            break
        pos = j + 1
        if data[i + len(_STYLE_OPEN):i + len(_STYLE_OPEN) + 1] not in (b" ", b"\t", b"\n", b"\r"):
            continue  # <w:styles>, <w:styleId ...>
        if _TABLE_TYPE not in data[i:j] or data[j - 1:j] == b"/":
            continue
        k = data.find(_STYLE_CLOSE, j)
        if k < 0:
            break
        out.append(data[keep:i])
        keep = pos = k + len(_STYLE_CLOSE)
    if not out:
        return data
    out.append(data[keep:])
    return b"".join(out)


def read_styles(pkg, name: str | None):  # type: ignore[no-untyped-def]
    """Parse the styles part without its table styles, or None if there is none.

    Nothing here reads table styles, and in Word's default template (the one python-docx
    starts from) they are most of the part: 350 KB, 8 ms to parse, more than the text of
    a whole resolution. They are cut from the bytes before parsing when the part binds
    ``w`` to the main namespace once, at its root; otherwise, or if the cut text does not
    parse, the whole part is parsed as it is.
    """
    from .package import parse_xml

    if name is None or not pkg.has(name):
        return None
    data = pkg.read(name)
    where = f"{pkg.path.name}:{name}"
    if data.count(b"xmlns:w=") == 1 and _MAIN_NS_W in data[:4096]:
        cut = _without_table_styles(data)
        if len(cut) != len(data):
            try:
                return parse_xml(cut, where)
            except Exception:  # noqa: BLE001 - parse the part as it is: the same error, or none
                pass
    return parse_xml(data, where)


class StyleNumbering:
    """Numbering inherited from paragraph styles (``w:style/w:pPr/w:numPr``, with basedOn)."""

    def __init__(self, styles_root) -> None:  # type: ignore[no-untyped-def]
        self._styles: dict[str, object] = {}
        self._memo: dict[tuple[str | None, str], object] = {}
        self.names: dict[str, str] = {}
        self.default_lang: str | None = None
        self.default_para_style: str | None = None
        if styles_root is None:
            return
        style_id, name_tag, type_attr, default_attr = w("styleId"), w("name"), w("type"), w("default")
        for st in styles_root.iter(w("style")):
            sid = st.get(style_id)
            if sid:
                self._styles[sid] = st
                name = st.find(name_tag)
                self.names[sid] = wval(name) or sid
                if st.get(type_attr) == "paragraph" and st.get(default_attr) in ("1", "true"):
                    self.default_para_style = sid
        lang = styles_root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
        if lang is not None:
            self.default_lang = wval(lang)

    def _chain(self, style_id: str | None):  # type: ignore[no-untyped-def]
        seen = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            st = self._styles[style_id]
            yield st
            based = st.find(w("basedOn"))  # type: ignore[attr-defined]
            style_id = wval(based) if based is not None else None

    def num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style carries, following basedOn (memoised: styles do
        not change while a document is read, and most paragraphs share a few styles)."""
        key = (style_id, "numPr")
        if key not in self._memo:
            self._memo[key] = self._num_pr(style_id)
        return self._memo[key]  # type: ignore[return-value]

    def _num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        num_id = ilvl = None
        for st in self._chain(style_id):
            np_ = st.find(f"{w('pPr')}/{w('numPr')}")  # type: ignore[attr-defined]
            if np_ is None:
                continue
            if num_id is None and (el := np_.find(w("numId"))) is not None:
                num_id = wval(el)
            if ilvl is None and (el := np_.find(w("ilvl"))) is not None:
                ilvl = clamp_ilvl(to_int(wval(el), 0))
        return num_id, ilvl

    def run_flag(self, style_id: str | None, tag: str) -> bool | None:
        """An on/off run property (``i``, ``b``) from a style chain, or None if unset (memoised)."""
        key = (style_id, tag)
        if key not in self._memo:
            self._memo[key] = self._run_flag(style_id, tag)
        return self._memo[key]

    def _run_flag(self, style_id: str | None, tag: str) -> bool | None:
        for st in self._chain(style_id):
            el = st.find(f"{w('rPr')}/{w(tag)}")  # type: ignore[attr-defined]
            if el is not None:
                return wval(el) not in ("0", "false", "off")
        return None

    def vert_align(self, style_id: str | None) -> str | None:
        key = (style_id, "vertAlign")
        if key not in self._memo:
            self._memo[key] = self._vert_align(style_id)
        return self._memo[key]  # type: ignore[return-value]

    def _vert_align(self, style_id: str | None) -> str | None:
        for st in self._chain(style_id):
            el = st.find(f"{w('rPr')}/{w('vertAlign')}")  # type: ignore[attr-defined]
            if el is not None:
                return wval(el)
        return None

    def lang(self, style_id: str | None) -> str | None:
        for st in self._chain(style_id):
            el = st.find(f"{w('rPr')}/{w('lang')}")  # type: ignore[attr-defined]
            if el is not None and wval(el):
                return wval(el)
        return None

    def name(self, style_id: str | None) -> str | None:
        if style_id is None:
            return None
        return self.names.get(style_id, style_id)
