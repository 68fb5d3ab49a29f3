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

from dataclasses import dataclass, field

import regex
from lxml import etree

from .package import W_NS, w

#: Key of every footnote reference token (its footnote is compared on its own).
FN_KEY = "\x00fn"
#: Key of the footnote's own number mark inside footnotes.xml.
FNREF_KEY = "\x00fnref"

_WORD = regex.compile(r"\w+(?:[’'\-]\w+)*|\s+|\X", regex.UNICODE)
_TYPED_LABEL = regex.compile(r"^\s*(?:\(?\d{1,3}[.)]|\([a-z]{1,6}\)|[a-z]{1,6}\)|[ivxlcdm]{1,6}\.)\s+", regex.IGNORECASE)
_WORDS_ONLY = regex.compile(r"\w+", regex.UNICODE)

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


@dataclass
class Piece:
    """Part of a token that lies in one run (or one non-run object)."""

    run: etree._Element | None  # the source w:r (None for a non-run object like m:oMath)
    container: etree._Element | None  # the wrapper element around the run, if any
    text: str | None = None  # text of a w:t stretch
    elem: etree._Element | None = None  # an object run child (w:tab, w:footnoteReference...)
    rkey: str = ""  # canonical formatting of ``run`` (see :func:`rpr_key`)


@dataclass
class Token:
    key: str
    pieces: list[Piece]
    fn_id: str | None = None  # footnote id, for a footnote reference

    @property
    def is_word(self) -> bool:
        return bool(self.key) and self.key[0] != "\x00" and not self.key.isspace()

    def rpr_keys(self) -> tuple[str, ...]:
        return tuple(p.rkey for p in self.pieces)


@dataclass
class Para:
    """One paragraph: its element, tokens and zero-width markers."""

    elem: etree._Element
    tokens: list[Token]
    markers: list[tuple[int, etree._Element]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Visible text; a footnote reference shows as U+FFFC, a tab as a tab."""
        out = []
        for t in self.tokens:
            if t.key == FN_KEY:
                out.append("\ufffc")
            elif t.key.startswith("\x00"):
                out.append({"\x00tab": "\t", "\x00br": "\n"}.get(t.key, ""))
            else:
                out.append(t.key)
        return "".join(out)

    @property
    def norm(self) -> str:
        """Key used to align paragraphs: text with whitespace collapsed, typed label removed."""
        text = " ".join(self.text.split())
        return _TYPED_LABEL.sub("", text, count=1)

    def words(self) -> list[str]:
        return [m.lower() for m in _WORDS_ONLY.findall(self.norm)]


def rpr_key(run: etree._Element | None) -> str:
    """Canonical form of a run's formatting (revision-save ids ignored)."""
    if run is None:
        return ""
    rpr = run.find(w("rPr"))
    if rpr is None or len(rpr) == 0:
        return ""
    parts = []
    for child in rpr:
        if not isinstance(child.tag, str) or child.tag == w("rPrChange"):
            continue
        attrs = sorted((k, v) for k, v in child.attrib.items() if "rsid" not in k)
        parts.append(f"{child.tag}{attrs}")
    return "|".join(sorted(parts))


def _object_key(el: etree._Element) -> str:
    tag = el.tag
    if tag == w("tab"):
        return "\x00tab"
    if tag in (w("br"), w("cr")):
        kind = el.get(w("type"), "textWrapping")
        return "\x00br" if kind == "textWrapping" else f"\x00br:{kind}"
    if tag == w("footnoteReference"):
        return FN_KEY
    if tag == w("footnoteRef"):
        return FNREF_KEY
    if tag == w("noBreakHyphen"):
        return "\u2011"
    if tag == w("softHyphen"):
        return "\x00shy"
    if tag == w("sym"):
        return f"\x00sym:{el.get(w('font'))}:{el.get(w('char'))}"
    return "\x00obj:" + etree.tostring(el, method="c14n").decode("utf-8")


def _walk(parent, container, atoms, markers, counter):
    """Collect atoms: ('text', run, container, str) / ('obj', run, container, elem)."""
    for child in parent:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP_IN_P:
            continue
        if tag == w("r"):
            for rc in child:
                rtag = rc.tag
                if not isinstance(rtag, str) or rtag in _SKIP_IN_RUN:
                    continue
                if rtag == w("t"):
                    if rc.text:
                        atoms.append(("text", child, container, rc.text))
                else:
                    atoms.append(("obj", child, container, rc))
        elif tag in CONTAINERS:
            inner = child.find(w("sdtContent")) if tag == w("sdt") else child
            if inner is not None:
                _walk(inner, child, atoms, markers, counter)
        elif tag in MARKERS:
            markers.append((len(atoms), child))
        elif tag in (w("ins"), w("moveTo")):
            _walk(child, container, atoms, markers, counter)
        elif tag in (w("del"), w("moveFrom")):
            continue
        else:
            # a non-run object at paragraph level (m:oMath, w:object...)
            atoms.append(("para-obj", None, container, child))


def read_paragraph(p: etree._Element) -> Para:
    atoms: list = []
    atom_markers: list = []
    _walk(p, None, atoms, atom_markers, None)
    tokens: list[Token] = []
    atom_to_token: dict[int, int] = {}
    i = 0
    n = len(atoms)
    while i < n:
        kind = atoms[i][0]
        if kind != "text":
            _, run, container, el = atoms[i]
            atom_to_token[i] = len(tokens)
            tok = Token(_object_key(el), [Piece(run, container, elem=el)])
            if el.tag == w("footnoteReference"):
                tok.fn_id = el.get(w("id"))
            tokens.append(tok)
            i += 1
            continue
        # a stretch of consecutive text atoms: tokenise the joined text
        j = i
        spans = []  # (start, end, atom index)
        pos = 0
        while j < n and atoms[j][0] == "text":
            s = atoms[j][3]
            spans.append((pos, pos + len(s), j))
            pos += len(s)
            j += 1
        text = "".join(atoms[k][3] for k in range(i, j))
        si = 0
        for m in _WORD.finditer(text):
            start, end = m.span()
            pieces = []
            while spans[si][1] <= start:
                si += 1
            k = si
            while k < len(spans) and spans[k][0] < end:
                a0, a1, ai = spans[k]
                lo, hi = max(a0, start), min(a1, end)
                _, run, container, s = atoms[ai]
                pieces.append(Piece(run, container, text=s[lo - a0:hi - a0]))
                atom_to_token.setdefault(ai, len(tokens))
                k += 1
            tokens.append(Token(m.group(), pieces))
        i = j
    cache: dict[int, str] = {}
    for tok in tokens:
        for pc in tok.pieces:
            if pc.run is not None:
                key = cache.get(id(pc.run))
                if key is None:
                    key = cache[id(pc.run)] = rpr_key(pc.run)
                pc.rkey = key
    markers = []
    for atom_pos, el in atom_markers:
        # position = index of the first token made from atom ``atom_pos`` (or the end)
        tok_pos = atom_to_token.get(atom_pos, len(tokens)) if atom_pos < n else len(tokens)
        markers.append((tok_pos, el))
    return Para(p, tokens, markers)


def body_paragraphs(document: etree._Element) -> list[etree._Element]:
    """Every body ``w:p`` in document order, tables and content controls included,
    text boxes and alternate content fallbacks excluded."""
    body = document.find(w("body"))
    out = []
    _collect(body, out)
    return out


_NO_DESCEND = {w("pPr"), w("rPr"), w("sectPr"), w("tblPr"), w("tblGrid"), w("trPr"), w("tcPr"), w("sdtPr")}


def _collect(el, out):
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _NO_DESCEND:
            continue
        if tag == w("p"):
            out.append(child)
        elif tag.startswith(f"{{{W_NS}}}"):
            _collect(child, out)


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
