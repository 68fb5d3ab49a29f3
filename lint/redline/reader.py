"""Paragraphs of a .docx as word tokens that remember the runs they came from.

A paragraph becomes a list of :class:`Token`: words, spaces, punctuation marks,
and *objects* (a tab, a line break, a footnote reference, a drawing...). A word
split over several runs (Word does that often) is one token with several
:class:`Piece` objects, one per run, so the writer can give every part of the
word back its own formatting.

Footnote references are tokens of their own whose key does not depend on the
footnote's text: the footnote texts are compared separately (see ``engine``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import regex
from lxml import etree

from ..ooxml.ns import W, first_child, w
from . import canon
from .styles import RunStyles

#: Key of every footnote reference token (its footnote is compared on its own).
FN_KEY = "\x00fn"
#: Key of the footnote's own number mark inside footnotes.xml.
FNREF_KEY = "\x00fnref"

_WORD = regex.compile(r"\w+(?:[’'\-]\w+)*|\s+|\X", regex.UNICODE)
_TYPED_LABEL = regex.compile(r"^\s*(?:\(?\d{1,3}[.)]|\([a-z]{1,6}\)|[a-z]{1,6}\)|[ivxlcdm]{1,6}\.)\s+", regex.IGNORECASE)
_WORDS_ONLY = regex.compile(r"\w+", regex.UNICODE)
_DIGIT = regex.compile(r"\d")

_P, _R, _T, _RPR, _PPR = w("p"), w("r"), w("t"), w("rPr"), w("pPr")
_PSTYLE, _RSTYLE, _VAL = w("pStyle"), w("rStyle"), w("val")
_SDT, _SDT_CONTENT = w("sdt"), w("sdtContent")
_FN_REF = w("footnoteReference")
_ID = w("id")
_INS_LIKE = (w("ins"), w("moveTo"))
_DEL_LIKE = (w("del"), w("moveFrom"))
_RPR_CHANGE = w("rPrChange")

#: Elements that wrap runs inside a paragraph and are kept around them in the output.
CONTAINERS = {w("hyperlink"), w("smartTag"), w("sdt"), w("fldSimple"), w("customXml"), w("dir"), w("bdo")}
#: Zero-width elements between runs (bookmarks, comment ranges...), kept in place.
MARKERS = {
    w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"), w("commentRangeEnd"),
    w("permStart"), w("permEnd"),
}
#: Run children that carry no text and are dropped when a run is rebuilt.
_SKIP_IN_RUN = {w("rPr"), w("lastRenderedPageBreak")}
_SKIP_IN_P = {w("pPr"), w("proofErr")}


@dataclass(slots=True)
class Piece:
    """Part of a token that lies in one run (or one non-run object)."""

    run: etree._Element | None  # the source w:r (None for a non-run object like m:oMath)
    container: etree._Element | None  # the wrapper element around the run, if any
    text: str | None = None  # text of a w:t stretch
    elem: etree._Element | None = None  # an object run child (w:tab, w:footnoteReference...)
    rkey: str = ""  # what ``run``'s formatting shows for this text (see styles.RunFormat), or its properties' key


@dataclass(slots=True)
class Token:
    key: str
    pieces: list[Piece]
    fn_id: str | None = None  # footnote id, for a footnote reference

    @property
    def is_word(self) -> bool:
        return bool(self.key) and self.key[0] != "\x00" and not self.key.isspace()

    @property
    def is_plain_word(self) -> bool:
        """A word holding no digit (not a number, a year or a symbol's number: "(1991)", "2997th")."""
        k = self.key
        return bool(k) and k[0] != "\x00" and not k.isspace() and _DIGIT.search(k) is None

    def rpr_keys(self) -> tuple[str, ...]:
        return tuple(p.rkey for p in self.pieces)


_SHOWN = {FN_KEY: "\ufffc", "\x00tab": "\t", "\x00br": "\n"}


class Para:
    """One paragraph: its element, visible text and (computed on first use) tokens.

    Reading a paragraph (:func:`read_paragraph`) only walks its runs once and keeps
    them as *atoms* (a stretch of ``w:t`` text or an object, with its run). Tokens,
    markers and word lists are built from the atoms when something asks for them,
    which for most paragraphs of a long document (the unchanged ones) is never.
    """

    __slots__ = ("elem", "atoms", "atom_markers", "text", "fn_ids", "styles", "__dict__")

    def __init__(self, elem, atoms, atom_markers, text, fn_ids, styles=None):  # type: ignore[no-untyped-def]
        self.elem: etree._Element = elem
        self.atoms: list = atoms  # (kind, run, container, text-or-element, rPr-or-None)
        self.atom_markers: list = atom_markers  # (atom position, marker element)
        self.text: str = text  # visible text; a footnote reference shows as U+FFFC, a tab as a tab
        self.fn_ids: list = fn_ids  # ids of the footnote references, in order
        self.styles = styles  # its document's styles.RunStyles, or None

    @cached_property
    def pstyle(self) -> str | None:
        """Its paragraph style id as written (None: the default style)."""
        return paragraph_style(self.elem)

    @cached_property
    def norm(self) -> str:
        """Key used to align paragraphs: text with whitespace collapsed, typed label removed."""
        text = " ".join(self.text.split())
        return _TYPED_LABEL.sub("", text, count=1)

    def words(self) -> list[str]:
        """The words that pair paragraphs (:mod:`.align`), lower-cased; a word holding a digit
        is ``#``, so a paragraph whose numbers and dates changed ("Resolution 701 (1991) of 31
        July 1991" -> "Resolution 734 (1992) of 29 January 1992") pairs with its old version."""
        return ["#" if _DIGIT.search(m) else m.lower() for m in _WORDS_ONLY.findall(self.norm)]

    @cached_property
    def _tokenised(self) -> tuple[list[Token], list[tuple[int, etree._Element]]]:
        return _tokenise(self.atoms, self.atom_markers, self.styles, self.pstyle)

    @property
    def tokens(self) -> list[Token]:
        return self._tokenised[0]

    @property
    def markers(self) -> list[tuple[int, etree._Element]]:
        """Zero-width markers as (index of the token they stand before, element)."""
        return self._tokenised[1]


def _fmt(rpr: etree._Element | None) -> tuple:
    """Raw form of run properties: each child's tag and attributes, in document order.

    Equal raw forms give equal :func:`rpr_key` (which sorts them and ignores revision
    ids); different ones may still give the same key.
    """
    if rpr is None:
        return ()
    return tuple([(c.tag, tuple(c.items())) for c in rpr])


def same_content(a: Para, b: Para) -> bool:
    """Whether two paragraphs certainly have the same tokens with the same formatting.

    Compares their atoms (text stretches and objects with their run's properties), so
    a paragraph unchanged between the versions is recognised without tokenising it.
    False means "compare the tokens", not "different".
    """
    if a.text != b.text or len(a.atoms) != len(b.atoms):
        return False
    fa: dict[int, tuple] = {}
    fb: dict[int, tuple] = {}
    for (ka, ra, _ca, va, pa), (kb, rb, _cb, vb, pb) in zip(a.atoms, b.atoms):
        if ka != kb:
            return False
        if ka == "text":
            if va != vb:
                return False
        elif _object_key(va) != _object_key(vb):
            return False
        if ra is None or rb is None:
            if ra is not rb:
                return False
            continue
        xa = fa.get(id(ra))
        if xa is None:
            xa = fa[id(ra)] = _fmt(pa)
        xb = fb.get(id(rb))
        if xb is None:
            xb = fb[id(rb)] = _fmt(pb)
        if xa != xb:
            return False
    return True


def character_style_ids(para: Para) -> set[str]:
    """The character style ids written in a paragraph's runs."""
    out: set[str] = set()
    seen: set[int] = set()
    for atom in para.atoms:
        rpr = atom[4]
        if rpr is not None and id(rpr) not in seen:
            seen.add(id(rpr))
            st = first_child(rpr, _RSTYLE)
            if st is not None:
                out.add(st.get(_VAL))
    return out


def same_format(o: Token, n: Token) -> bool:
    """Whether two tokens give each of their characters the same formatting (a word
    split over two runs of the same formatting is formatted as the word in one run)."""
    po, pn = o.pieces, n.pieces
    if len(po) == 1 and len(pn) == 1:
        return po[0].rkey == pn[0].rkey
    if len(po) == len(pn) and all(x.rkey == y.rkey for x, y in zip(po, pn)):
        return True
    return _format_spans(po) == _format_spans(pn)


def _format_spans(pieces: list[Piece]) -> list[tuple[str, int]]:
    """(formatting key, length) of a token's pieces, neighbours of equal key merged."""
    out: list[tuple[str, int]] = []
    for pc in pieces:
        size = len(pc.text) if pc.text is not None else 1
        if out and out[-1][0] == pc.rkey:
            out[-1] = (pc.rkey, out[-1][1] + size)
        else:
            out.append((pc.rkey, size))
    return out


def rpr_key(run: etree._Element | None) -> str:
    """Canonical form of a run's formatting (revision-save ids ignored)."""
    if run is None:
        return ""
    rpr = run.find(_RPR)
    if rpr is None or len(rpr) == 0:
        return ""
    return _rpr_key_of(rpr)


def _rpr_key_of(rpr: etree._Element) -> str:
    return canon.rpr_key_of(rpr)


_OBJ_KEYS = {w("tab"): "\x00tab", _FN_REF: FN_KEY, w("footnoteRef"): FNREF_KEY,
             w("noBreakHyphen"): "\u2011", w("softHyphen"): "\x00shy"}
_BR_TAGS = (w("br"), w("cr"))
_SYM = w("sym")
_TYPE, _FONT, _CHAR = w("type"), w("font"), w("char")


def _object_key(el: etree._Element) -> str:
    tag = el.tag
    key = _OBJ_KEYS.get(tag)
    if key is not None:
        return key
    if tag in _BR_TAGS:
        kind = el.get(_TYPE, "textWrapping")
        return "\x00br" if kind == "textWrapping" else f"\x00br:{kind}"
    if tag == _SYM:
        return f"\x00sym:{el.get(_FONT)}:{el.get(_CHAR)}"
    return canon.object_xml_key(el)


def _walk(parent, container, atoms, markers, shown, fn_ids):  # type: ignore[no-untyped-def]
    """Collect atoms: ('text', run, container, str, rPr) / ('obj', run, container, elem, rPr)
    / ('para-obj', None, container, elem, None), the visible text and footnote ids.

    Wrappers (content controls, hyperlinks, insertions...) are entered with a stack, not
    recursion: they may nest as deep as the XML parser allows."""
    stack = [(iter(parent), container)]
    while stack:
        children, container = stack[-1]
        for child in children:
            tag = child.tag
            if tag.__class__ is not str or tag in _SKIP_IN_P:
                continue
            if tag == _R:
                _run_atoms(child, container, atoms, shown, fn_ids)
            elif tag in CONTAINERS:
                inner = child.find(_SDT_CONTENT) if tag == _SDT else child
                if inner is not None:
                    stack.append((iter(inner), child))
                    break
            elif tag in MARKERS:
                markers.append((len(atoms), child))
            elif tag in _INS_LIKE:
                stack.append((iter(child), container))
                break
            elif tag in _DEL_LIKE:
                continue
            else:
                # a non-run object at paragraph level (m:oMath, w:object...)
                atoms.append(("para-obj", None, container, child, None))
        else:
            stack.pop()


def _run_atoms(run, container, atoms, shown, fn_ids):  # type: ignore[no-untyped-def]
    """The atoms of one ``w:r``."""
    rpr = None
    first = len(atoms)
    for rc in run:
        rtag = rc.tag
        if rtag == _T:
            text = rc.text
            if text:
                atoms.append(("text", run, container, text, rpr))
                shown.append(text)
        elif rtag == _RPR:
            if rpr is None:
                rpr = rc
                if len(atoms) > first:  # run properties after content (not valid, but seen)
                    atoms[first:] = [a[:4] + (rc,) for a in atoms[first:]]
        elif rtag.__class__ is str and rtag not in _SKIP_IN_RUN:
            atoms.append(("obj", run, container, rc, rpr))
            key = _object_key(rc)
            if key == FN_KEY:
                fn_ids.append(rc.get(_ID))
            shown.append(_SHOWN.get(key, "") if key[0] == "\x00" else key)


def paragraph_style(p: etree._Element) -> str | None:
    """The paragraph style id written in ``p``'s properties (None: the default style)."""
    ppr = first_child(p, _PPR)
    if ppr is None:
        return None
    st = first_child(ppr, _PSTYLE)
    return st.get(_VAL) if st is not None else None


def read_paragraph(p: etree._Element, styles=None) -> Para:  # type: ignore[no-untyped-def]
    """Walk a paragraph once: its atoms, visible text and footnote references
    (``styles``: its document's :class:`styles.RunStyles`, which key runs by the
    formatting they show; without, runs are keyed by their properties as written)."""
    atoms: list = []
    markers: list = []
    shown: list = []
    fn_ids: list = []
    _walk(p, None, atoms, markers, shown, fn_ids)
    return Para(p, atoms, markers, "".join(shown), fn_ids, styles)


def _tokenise(atoms: list, atom_markers: list, styles=None,
              pstyle: str | None = None) -> tuple[list[Token], list[tuple[int, etree._Element]]]:
    tokens: list[Token] = []
    atom_to_token: dict[int, int] = {}
    keys: dict[int, object] = {}  # formatting by run: its key, or its styles.RunFormat
    resolved = isinstance(styles, RunStyles)

    def fmt(run, rpr):  # type: ignore[no-untyped-def]
        key = keys.get(id(run))
        if key is None:
            if resolved:
                key = styles.run(pstyle, rpr)
            else:
                key = "" if rpr is None or len(rpr) == 0 else canon.rpr_key_of(rpr)
            keys[id(run)] = key
        return key

    def rkey(run, rpr, text=None):  # type: ignore[no-untyped-def]
        key = fmt(run, rpr)
        return key.key(text) if resolved else key

    i = 0
    n = len(atoms)
    while i < n:
        kind = atoms[i][0]
        if kind != "text":
            _, run, container, el, rpr = atoms[i]
            atom_to_token[i] = len(tokens)
            key = _object_key(el)
            # formatting not compared: runs that show nothing, and footnote marks (numbered by the notes)
            compared = run is not None and el.tag not in canon.INVISIBLE and not key.startswith(FN_KEY)
            # a tab or a break shows no glyph: keyed as blank text (see styles.RunFormat)
            blank = "" if key == "\x00tab" or key.startswith("\x00br") else None
            tok = Token(key, [Piece(run, container, elem=el, rkey=rkey(run, rpr, blank) if compared else "")])
            if el.tag == _FN_REF:
                tok.fn_id = el.get(_ID)
            tokens.append(tok)
            i += 1
            continue
        # a stretch of consecutive text atoms: tokenise the joined text
        j = i
        while j < n and atoms[j][0] == "text":
            j += 1
        if j == i + 1:
            # one atom (the common case): every token lies in it
            _, run, container, s, rpr = atoms[i]
            atom_to_token[i] = len(tokens)
            if resolved:  # the key depends on the characters of each token
                keyed = fmt(run, rpr).key  # the run's formatting resolved once, then each token keyed
                tokens.extend(Token(m, [Piece(run, container, m, None, keyed(m))]) for m in _WORD.findall(s))
            else:
                key = rkey(run, rpr)
                tokens.extend(Token(m, [Piece(run, container, m, None, key)]) for m in _WORD.findall(s))
            i = j
            continue
        spans = []  # (start, end, atom index)
        pos = 0
        for k in range(i, j):
            ln = len(atoms[k][3])
            spans.append((pos, pos + ln, k))
            pos += ln
        text = "".join(atoms[k][3] for k in range(i, j))
        si = 0
        for m in _WORD.finditer(text):
            start, end = m.span()
            while spans[si][1] <= start:
                si += 1
            a0, a1, ai = spans[si]
            if end <= a1:
                # the token lies in one atom
                _, run, container, s, rpr = atoms[ai]
                word = m.group()
                atom_to_token.setdefault(ai, len(tokens))
                tokens.append(Token(word, [Piece(run, container, word, None, rkey(run, rpr, word))]))
                continue
            pieces = []
            k = si
            while k < len(spans) and spans[k][0] < end:
                a0, a1, ai = spans[k]
                lo, hi = max(a0, start), min(a1, end)
                _, run, container, s, rpr = atoms[ai]
                part = s[lo - a0:hi - a0]
                pieces.append(Piece(run, container, part, None, rkey(run, rpr, part)))
                atom_to_token.setdefault(ai, len(tokens))
                k += 1
            tokens.append(Token(m.group(), pieces))
        i = j
    markers = []
    for atom_pos, el in atom_markers:
        # position = index of the first token made from atom ``atom_pos`` (or the end)
        tok_pos = atom_to_token.get(atom_pos, len(tokens)) if atom_pos < n else len(tokens)
        markers.append((tok_pos, el))
    return tokens, markers


def body_paragraphs(document: etree._Element) -> list[etree._Element]:
    """Every body ``w:p`` in document order, tables and content controls included,
    text boxes and alternate content fallbacks excluded."""
    body = document.find(w("body"))
    out = []
    _collect(body, out)
    return out


_NO_DESCEND = {w("pPr"), w("rPr"), w("sectPr"), w("tblPr"), w("tblGrid"), w("trPr"), w("tcPr"), w("sdtPr")}
_W_PREFIX = "{%s}" % W


def _collect(el, out, blocks: tuple[str, ...] = ()):
    """Append the ``w:p`` under ``el`` to ``out`` in document order, and the elements whose
    tag is in ``blocks`` without their content (a stack, not recursion: content controls
    nest as deep as the XML parser allows)."""
    stack = [iter(el)]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag.__class__ is not str or tag in _NO_DESCEND:
                continue
            if tag == _P or tag in blocks:
                out.append(child)
            elif tag.startswith(_W_PREFIX):
                stack.append(iter(child))
                break
        else:
            stack.pop()


def footnote_map(footnotes: etree._Element | None) -> dict[str, etree._Element]:
    """Ordinary footnotes (not separators) by id."""
    if footnotes is None:
        return {}
    out = {}
    for fn in footnotes.findall(w("footnote")):
        if fn.get(w("type")) in (None, "normal"):
            out[fn.get(w("id"))] = fn
    return out


def footnote_paragraphs(fn: etree._Element) -> list[etree._Element]:
    out: list = []
    _collect(fn, out)
    return out
