"""Applying fixes to the XML of a loaded document, as plain edits or as tracked changes.

A fix is a set of :class:`~resolint.findings.Edit` in paragraph-text offsets. Each
:class:`~resolint.model.Run` of a paragraph knows the ``w:t`` (or ``w:tab``, footnote
``w:r``...) its text came from and where in it (``source``/``source_offset``), so an
offset maps to one XML text node. Rules:

- An edit never cuts into a footnote mark, a NOTEREF result or any other field result
  (the text of a field is recomputed by Word); such a fix is skipped and reported.
- Overlapping fixes: the first (in report order) wins; the others wait for the next pass.
- A fix is applied whole or not at all.
- Passes repeat (re-load, re-check) until no applicable fix remains, at most
  :data:`MAX_PASSES` times, so fixes that uncover or overlap others settle.
- Plain mode rewrites the text of ``w:t`` elements in place. Track mode splits runs and
  wraps removed text in ``w:del`` (``w:delText``) and new text in ``w:ins``, each run
  keeping a copy of its ``w:rPr``; text inside an earlier insertion by the same author
  (a previous pass) is edited directly, text inside another author's pending insertion
  is left alone.
- Only the parts that changed (the main document, footnotes) are serialised again; every
  other zip entry keeps its bytes and its place. Dates are fixed unless given, so the
  same input gives the same bytes, and fixing a fixed file changes nothing.
"""
from __future__ import annotations

import bisect
import copy
import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from .ooxml.revisions import revision

from .findings import Edit, Finding, FixSafety
from .model import Paragraph, Resolution
from .ooxml.ns import PKG_REL, REL_COMMENTS, REL_FOOTNOTES, REL_OFFICE_DOCUMENT, w
from .ooxml.package import parse_xml
from .ooxml.strict import is_strict, own_transitional_names, to_strict, to_transitional
from .ooxml.zipwrite import package_bytes

#: Passes of fix-and-check at most; fixes that uncover others (unsafe ones above all) may need many.
MAX_PASSES = 50
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_T = w("t")
_R = w("r")
_P = w("p")
_RPR = w("rPr")
_INS = w("ins")
_DEL = w("del")
_DELTEXT = w("delText")
_FLDCHAR = w("fldChar")
_INSTR = w("instrText")
_FLDSIMPLE = w("fldSimple")


class Skip(Exception):
    """An edit that cannot be applied safely; the message says why."""


# -- the package as zip entries -----------------------------------------------------------------
@dataclass
class PackageView:
    """The entries of a .docx (names and bytes, in order) and where its story parts are."""

    entries: list[tuple[str, bytes]]
    main: str
    footnotes: str | None
    comments: str | None
    #: A Strict Open XML package: its XML entries are held with Transitional names, made Strict
    #: again when it is written, but for the Transitional names it used itself (kept here).
    strict_keep: set[bytes] | None = None

    @classmethod
    def from_bytes(cls, data: bytes) -> "PackageView":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
        keep = None
        root_rels = next((d for n, d in entries if n == "_rels/.rels"), b"")
        if is_strict(root_rels):
            keep = set().union(*(own_transitional_names(d) for n, d in entries if n.endswith((".xml", ".rels"))))
            entries = [(n, to_transitional(d) if n.endswith((".xml", ".rels")) else d) for n, d in entries]
        view = cls(entries, "word/document.xml", None, None, keep)
        for typ, target in view.relationships("").values():
            if typ == REL_OFFICE_DOCUMENT:
                view.main = target
        view.footnotes = view.related(view.main, REL_FOOTNOTES)
        view.comments = view.related(view.main, REL_COMMENTS)
        return view

    def get(self, name: str) -> bytes | None:
        for n, data in self.entries:
            if n == name:
                return data
        return None

    def put(self, name: str, data: bytes) -> None:
        """Replace an entry's bytes, keeping its place; a new entry goes last."""
        for i, (n, _old) in enumerate(self.entries):
            if n == name:
                self.entries[i] = (name, data)
                return
        self.entries.append((name, data))

    @staticmethod
    def rels_name(part: str) -> str:
        folder, _, base = part.rpartition("/")
        return f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """id -> (type, part name) of the internal relationships of ``part``."""
        import posixpath

        data = self.get(self.rels_name(part))
        out: dict[str, tuple[str, str]] = {}
        if data is None:
            return out
        base = posixpath.dirname(part)
        for rel in parse_xml(data, self.rels_name(part)).iter("{%s}Relationship" % PKG_REL):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), target)
        return out

    def related(self, part: str, rel_type: str) -> str | None:
        names = {n for n, _ in self.entries}
        for typ, target in self.relationships(part).values():
            if typ == rel_type and target in names:
                return target
        return None

    def to_bytes(self) -> bytes:
        if self.strict_keep is None:
            return package_bytes(self.entries)
        keep = self.strict_keep
        return package_bytes((n, to_strict(d, keep) if n.endswith((".xml", ".rels")) else d) for n, d in self.entries)


def serialize(root: Any) -> bytes:
    """An XML part's bytes, with the declaration Word writes."""
    tree = root.getroottree()
    standalone = tree.docinfo.standalone
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                          standalone=True if standalone is None else standalone)


def story_roots(doc: Resolution) -> tuple[Any, Any]:
    """The root elements (main document, footnotes or None) the loaded paragraphs live in."""
    main = next((p.element.getroottree().getroot() for p in doc.paragraphs if p.element is not None), None)
    notes = next((p.element.getroottree().getroot() for p in doc.footnote_paragraphs() if p.element is not None),
                 None)
    return main, notes


def max_id(*roots: Any) -> int:
    """The largest numeric ``w:id`` in ``roots`` (revisions, comments, bookmarks), or 0."""
    best = 0
    key = w("id")
    for root in roots:
        if root is None:
            continue
        for el in root.iter():
            v = el.get(key) if isinstance(el.tag, str) else None
            if v is not None and v.lstrip("-").isdigit():
                best = max(best, int(v))
    return best


# -- XML helpers ------------------------------------------------------------------------------------
def _preserve(t: Any) -> None:
    text = t.text or ""
    if text != text.strip() or "  " in text:
        t.set(XML_SPACE, "preserve")
    elif XML_SPACE in t.attrib:
        del t.attrib[XML_SPACE]


def _content(r: Any) -> list[Any]:
    return [c for c in r if isinstance(c.tag, str) and c.tag != _RPR]


def _length(el: Any) -> int:
    return len(el.text or "") if el.tag in (_T, _DELTEXT) else 1


def _new_run_like(r: Any) -> Any:
    """An empty ``w:r`` with a copy of ``r``'s attributes and ``w:rPr``."""
    new = etree.Element(_R, nsmap=r.nsmap)
    for k, v in r.attrib.items():
        new.set(k, v)
    rpr = r.find(_RPR) if r is not None else None
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    return new


def split_t(t: Any, off: int) -> Any:
    """Split ``w:t`` at ``off`` (0 < off < len): ``t`` keeps the head; the new tail element is returned."""
    text = t.text or ""
    t2 = etree.Element(t.tag)
    t2.text = text[off:]
    t.text = text[:off]
    _preserve(t)
    _preserve(t2)
    t.addnext(t2)
    return t2


def split_run_before(child: Any) -> Any:
    """Make ``child`` the first content of a run (moving it and what follows to a new run)."""
    r = child.getparent()
    content = _content(r)
    if content and content[0] is child:
        return r
    following = [child, *child.itersiblings()]
    r2 = _new_run_like(r)
    for el in following:
        r2.append(el)
    r.addnext(r2)
    return r2


def insert_at(el: Any, off: int, new: Any) -> None:
    """Place ``new`` (a run-level element) at character ``off`` of ``el``.

    ``el`` is a ``w:t``, another run child (``w:tab``...: off 0 or 1) or a whole ``w:r``
    (a footnote mark: before or after it).
    """
    if el.tag == _R:
        (el.addprevious if off == 0 else el.addnext)(new)
        return
    n = _length(el)
    if 0 < off < n:
        split_run_before(split_t(el, off)).addprevious(new)
    elif off <= 0:
        split_run_before(el).addprevious(new)
    else:
        nxt = el.getnext()
        while nxt is not None and not isinstance(nxt.tag, str):
            nxt = nxt.getnext()
        if nxt is None:
            el.getparent().addnext(new)
        else:
            split_run_before(nxt).addprevious(new)


def isolate(el: Any, a: int, b: int) -> Any:
    """A run holding exactly characters ``[a, b)`` of ``el`` (a ``w:t`` or another run child)."""
    if el.tag == _T:
        n = len(el.text or "")
        if b < n:
            split_t(el, b)
        if a > 0:
            el = split_t(el, a)
    r = split_run_before(el)
    nxt = el.getnext()
    if nxt is not None:
        split_run_before(nxt)
    return r


def _ancestor(el: Any, tags: tuple[str, ...]) -> Any:
    node = el.getparent()
    while node is not None and node.tag != _P:
        if node.tag in tags:
            return node
        node = node.getparent()
    return None


def field_results(root: Any) -> set[int]:
    """ids of the ``w:t`` elements that show a field's result (HYPERLINK fields excepted)."""
    out: set[int] = set()
    if root is None:
        return out
    stack: list[dict[str, Any]] = []
    for el in root.iter(_FLDCHAR, _INSTR, _T, _FLDSIMPLE):
        tag = el.tag
        if tag == _FLDCHAR:
            kind = el.get(w("fldCharType"))
            if kind == "begin":
                stack.append({"instr": "", "result": False})
            elif kind == "separate" and stack:
                stack[-1]["result"] = True
            elif kind == "end" and stack:
                stack.pop()
        elif tag == _INSTR:
            if stack and not stack[-1]["result"]:
                stack[-1]["instr"] += el.text or ""
        elif tag == _T:
            simple = _ancestor(el, (_FLDSIMPLE,))
            if simple is not None and not (simple.get(w("instr")) or "").strip().upper().startswith("HYPERLINK"):
                out.add(id(el))
            elif stack and not all(f["instr"].strip().upper().startswith("HYPERLINK") for f in stack):
                out.add(id(el))
    return out


# -- applying edits ---------------------------------------------------------------------------------
@dataclass
class Writer:
    """What one application of edits needs: the mode, author and date, the revision ids."""

    track: bool = False
    author: str = "resolint"
    date: str = "1980-01-01T00:00:00Z"
    next_id: int = 1
    fields: set[int] = field(default_factory=set)
    changed: set[int] = field(default_factory=set)  # ids of the story roots changed
    runs_by_end: dict[int, list[int] | None] = field(default_factory=dict)  # id(part) -> run ends, if sorted

    def rev(self, tag: str) -> etree._Element:
        """A new revision mark by this writer's author, with the next free id."""
        el = revision(tag, self.next_id, self.author, self.date)
        self.next_id += 1
        return el

    def own(self, el: Any) -> bool:
        """True if ``el`` sits in a tracked insertion by this writer's author (edit it directly)."""
        ins = _ancestor(el, (_INS, w("moveTo")))
        return ins is not None and ins.get(w("author")) == self.author


@dataclass
class _Piece:
    run: Any  # model Run
    el: Any  # XML element (w:t, w:tab..., or the w:r of a footnote mark)
    a: int  # local offsets in el
    b: int


def _text_source(run: Any, writer: Writer) -> bool:
    src = run.source
    return (run.kind in ("text", "number") and src is not None and src.tag == _T
            and id(src) not in writer.fields)


def _window(part: Paragraph, writer: Writer, s: int) -> range:
    """Indices of ``part.runs`` from the first run ending at or after ``s`` (a bisection when
    runs are in offset order, as the loader makes them; else all of them)."""
    runs = part.runs
    key = id(part)
    if key not in writer.runs_by_end:
        ends = [r.end for r in runs]
        starts = [r.start for r in runs]
        ordered = all(a <= b for a, b in zip(ends, ends[1:])) and all(a <= b for a, b in zip(starts, starts[1:]))
        writer.runs_by_end[key] = ends if ordered else None
    ends = writer.runs_by_end[key]
    if ends is None:
        return range(len(runs))
    return range(bisect.bisect_left(ends, s), len(runs))


def plan_edit(part: Paragraph, edit: Edit, writer: Writer) -> tuple[list[_Piece], tuple[Any, int] | None]:
    """Check an edit; return the pieces to delete and where the replacement goes (or raise Skip).

    Only the runs around the edit are looked at (:func:`_window`): a paragraph written one
    character a run costs each edit a bisection, not a walk over every run.
    """
    lo = -part.prefix_len
    if not lo <= edit.start <= edit.end <= len(part.text):
        raise Skip("its offsets are outside the paragraph")
    s, e = edit.start, edit.end
    pieces: list[_Piece] = []
    runs = part.runs
    window = _window(part, writer, s)
    ordered = writer.runs_by_end.get(id(part)) is not None
    for i in window:
        run = runs[i]
        if ordered and run.start >= e:
            break  # runs further right start later still
        if run.end <= run.start:
            continue
        touches = (run.start < e and run.end > s) if e > s else run.start < s < run.end
        if not touches:
            continue
        if run.kind == "footnote":
            raise Skip("it would cut into a footnote mark")
        if run.kind == "noteref":
            raise Skip("it would change a cross-reference to a footnote (a field result)")
        src = run.source
        if src is None:
            raise Skip("the text has no place in the document XML")
        if src.tag == _T and id(src) in writer.fields:
            raise Skip("it would change the result of a field")
        if writer.track and run.inserted and not writer.own(src):
            raise Skip("the text is in another author's pending tracked insertion")
        if src.tag != _T and not (run.start >= s and run.end <= e):
            raise Skip("it would cut into a tab, break or symbol")
        if e > s:
            a = max(s, run.start) - run.start + run.source_offset
            b = min(e, run.end) - run.start + run.source_offset
            pieces.append(_Piece(run, src, a, b))
    host: tuple[Any, int] | None = None
    if edit.replacement:
        def ok(r: Any) -> bool:
            return _text_source(r, writer) and not (writer.track and r.inserted and not writer.own(r.source))

        near: list[Any] = []
        for i in window:
            if ordered and runs[i].start > s:
                break
            near.append(runs[i])
        for r in near:
            if r.start <= s < r.end and ok(r):
                host = (r, s - r.start + r.source_offset)
                break
        else:
            for r in near:
                if r.end == s and r.end > r.start and ok(r):
                    host = (r, r.end - r.start + r.source_offset)
                    break
        if host is None:
            host = (None, s)
    return pieces, host


def _fallback_run(part: Paragraph, s: int, text: str) -> Any:
    """A new run for text at ``s`` where no text run can take it (after a footnote mark...)."""
    texts = [r for r in part.runs if r.source is not None and r.source.tag == _T and r.kind == "text"]
    before = [r for r in texts if r.end <= s]
    model = (before[-1] if before else texts[0]).source.getparent() if texts else None
    new = _new_run_like(model) if model is not None else etree.Element(_R)
    if model is not None:
        rpr = new.find(_RPR)
        if rpr is not None:
            for tag in ("vertAlign", "rStyle"):
                for el in rpr.findall(w(tag)):
                    rpr.remove(el)
            if len(rpr) == 0:
                new.remove(rpr)
    t = etree.SubElement(new, _T)
    t.text = text
    _preserve(t)
    return new


def _place_new(part: Paragraph, s: int, new: Any) -> None:
    """Put a new run-level element at offset ``s`` of ``part`` (no text run hosts it)."""
    for run in reversed(part.runs):
        if run.end == s and run.end > run.start and run.source is not None:
            insert_at(run.source, run.end - run.start + run.source_offset if run.source.tag == _T else 1, new)
            return
    for run in part.runs:
        if run.start == s and run.end > run.start and run.source is not None:
            insert_at(run.source, run.source_offset if run.source.tag == _T else 0, new)
            return
    part.element.append(new)


def apply_edit(part: Paragraph, edit: Edit, pieces: list[_Piece], host: tuple[Any, int] | None,
               writer: Writer) -> None:
    """Apply one checked edit (edits of a paragraph are applied from right to left)."""
    last_del = None
    for piece in reversed(pieces):
        el = piece.el
        if not writer.track or writer.own(el):
            if el.tag == _T:
                text = el.text or ""
                el.text = text[:piece.a] + text[piece.b:]
                _preserve(el)
            else:
                el.getparent().remove(el)
            continue
        r = isolate(el, piece.a, piece.b)
        for t in r.iter(_T):
            t.tag = _DELTEXT
            _preserve(t)
        d = writer.rev("del")
        r.addprevious(d)
        d.append(r)
        if last_del is None:
            last_del = d
    if host is not None:
        run, off = host
        repl = edit.replacement
        if run is not None and (not writer.track or writer.own(run.source)):
            t = run.source
            text = t.text or ""
            t.text = text[:off] + repl + text[off:]
            _preserve(t)
        elif run is not None:
            new = _new_run_like(run.source.getparent())
            t = etree.SubElement(new, _T)
            t.text = repl
            _preserve(t)
            ins = writer.rev("ins")
            ins.append(new)
            if last_del is not None:
                last_del.addnext(ins)
            else:
                insert_at(run.source, off, ins)
        else:
            new = _fallback_run(part, edit.start, repl)
            if writer.track:
                ins = writer.rev("ins")
                ins.append(new)
                new = ins
            if last_del is not None:
                last_del.addnext(new)
            else:
                _place_new(part, edit.start, new)
    writer.changed.add(id(part.element.getroottree().getroot()))


def _conflict(a: Edit, b: Edit) -> bool:
    if a.paragraph != b.paragraph:
        return False
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


class _Taken:
    """The edits chosen so far in a pass, by paragraph and in offset order: a new edit is
    compared with its neighbours only (chosen edits never conflict with each other, so
    their ends grow with their starts)."""

    def __init__(self) -> None:
        self._by_paragraph: dict[int, list[tuple[int, int]]] = {}

    def conflicts(self, edit: Edit) -> bool:
        spans = self._by_paragraph.get(edit.paragraph)
        if not spans:
            return False
        i = bisect.bisect_right(spans, (edit.end, edit.end))
        j = i - 1
        while j >= 0 and spans[j][1] >= edit.start:
            if _conflict(edit, Edit(edit.paragraph, spans[j][0], spans[j][1], "")):
                return True
            j -= 1
        # an empty span at the query's end sorts after it
        while i < len(spans) and spans[i][0] <= edit.end:
            if _conflict(edit, Edit(edit.paragraph, spans[i][0], spans[i][1], "")):
                return True
            i += 1
        return False

    def add(self, edit: Edit) -> None:
        bisect.insort(self._by_paragraph.setdefault(edit.paragraph, []), (edit.start, edit.end))


@dataclass
class PassResult:
    applied: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    deferred: int = 0


def fixable(finding: Finding, unsafe: bool) -> bool:
    fix = finding.fix
    if fix is None or not fix.edits:
        return False
    return fix.safety is FixSafety.SAFE or (unsafe and fix.safety is FixSafety.UNSAFE)


def apply_fixes(doc: Resolution, findings: list[Finding], writer: Writer, unsafe: bool = False) -> PassResult:
    """Apply the fixes of ``findings`` to the document's XML (one pass)."""
    out = PassResult()
    parts = {p.index: p for p in doc.all_parts()}
    main, notes = story_roots(doc)
    writer.fields = field_results(main) | field_results(notes)
    chosen: list[tuple[Edit, list[_Piece], tuple[Any, int] | None]] = []
    taken = _Taken()
    for f in findings:
        if not fixable(f, unsafe):
            continue
        edits = f.fix.edits  # type: ignore[union-attr]
        if any(taken.conflicts(e) for e in edits) or (len(edits) > 1 and any(
                _conflict(e1, e2) for i, e1 in enumerate(edits) for e2 in edits[i + 1:])):
            out.deferred += 1
            continue
        planned = []
        try:
            for e in edits:
                part = parts.get(e.paragraph)
                if part is None or part.element is None:
                    raise Skip("its paragraph is not in the document XML")
                planned.append((e, *plan_edit(part, e, writer)))
        except Skip as why:
            out.skipped.append(f"{f.code} [{f.label}] fix not applied: {why}")
            continue
        chosen.extend(planned)
        for e in edits:
            taken.add(e)
        out.applied.append(f)
    chosen.sort(key=lambda item: (item[0].paragraph, item[0].start, item[0].end), reverse=True)
    for e, pieces, host in chosen:
        apply_edit(parts[e.paragraph], e, pieces, host, writer)
    for root in (main, notes):
        if root is not None and id(root) in writer.changed:
            for t in list(root.iter(_T)):
                if not t.text and t.getparent() is not None:
                    t.getparent().remove(t)
    return out


# -- the fix loop -----------------------------------------------------------------------------------
@dataclass
class FixOutcome:
    """Result of fixing one file: its new bytes, the last lint, what was fixed or skipped."""

    data: bytes
    document: Resolution
    findings: list[Finding]
    fixed: int = 0
    passes: int = 0
    changed: bool = False
    notes: list[str] = field(default_factory=list)


Lint = Callable[[Path], tuple[Resolution, list[Finding]]]


def write_changes(data: bytes, doc: Resolution, writer: Writer) -> bytes:
    """``data`` with the changed story parts of ``doc`` serialised again."""
    view = PackageView.from_bytes(data)
    main, notes = story_roots(doc)
    if main is not None and id(main) in writer.changed:
        view.put(view.main, serialize(main))
    if notes is not None and view.footnotes and id(notes) in writer.changed:
        view.put(view.footnotes, serialize(notes))
    return view.to_bytes()


def fix_data(data: bytes, path: str | Path, lint: Lint, *, unsafe: bool = False, track: bool = False,
             author: str = "resolint", date: str = "1980-01-01T00:00:00Z") -> FixOutcome:
    """Fix a document given as bytes, pass after pass; ``lint(path)`` loads and checks a file.

    Each pass's bytes are pinned under ``path`` (:func:`resolint.snapshot.pinned`): the
    loader reads them from memory, so nothing is written anywhere until the caller writes
    the result. Passes stop when no fix applies, when a pass gives bytes already seen (fixes
    that undo each other), or after :data:`MAX_PASSES`.
    """
    from .snapshot import pinned

    notes: list[str] = []
    fixed = passes = 0
    changed = False
    seen = {hashlib.sha256(data).digest()}
    with pinned(path, data):
        doc, findings = lint(Path(path))
    while passes < MAX_PASSES:
        if not any(fixable(f, unsafe) for f in findings):
            break
        main, notes_root = story_roots(doc)
        writer = Writer(track, author, date, max_id(main, notes_root) + 1)
        result = apply_fixes(doc, findings, writer, unsafe)
        for msg in result.skipped:
            if msg not in notes:
                notes.append(msg)
        if not result.applied:
            break
        passes += 1
        fixed += len(result.applied)
        new = write_changes(data, doc, writer)
        digest = hashlib.sha256(new).digest()
        if digest in seen:
            notes.append("fixes undo each other; stopped before repeating a version")
            break
        seen.add(digest)
        data = new
        changed = True
        with pinned(path, data):
            doc, findings = lint(Path(path))
    else:
        if any(fixable(f, unsafe) for f in findings):
            notes.append(f"fixes remain after {MAX_PASSES} passes; run --fix again")
    return FixOutcome(data, doc, findings, fixed, passes, changed, notes)
