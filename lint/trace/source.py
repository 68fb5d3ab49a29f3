"""Reading adopted resolutions into :class:`Adopted` records: symbol, organ, date, labelled paragraphs.

A Word file is read through the document model (:func:`resolint.loader.load_document`): its
paragraphs with their labels, and :attr:`Resolution.masthead` for the symbol and the date.
A plain-text file in the corpus notation (``../shared/corpus/README.md``) is parsed by
:mod:`resolint.testing.notation` and its paragraphs are classified by the same
:class:`~resolint.structure.Classifier` and masthead reader as a loaded document, without
the round trip through a .docx (a library of thousands of texts is built in seconds).
When the text does not say its symbol, the header or the file name does.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

from ..errors import InputError
from ..model import MARK, Kind, Paragraph, Resolution, Run

#: The parts of a resolution that are traced: preambular, operative and sub-paragraphs.
TRACED = (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH)
#: Suffixes read as adopted resolutions.
SUFFIXES = (".docx", ".docm", ".txt")
#: "S_RES_0894_1994_EN_GOLD": the file name of an adopted Security Council resolution.
_SC_NAME = regex.compile(r"S_RES_0*(\d+)_(\d{4})")


@dataclass
class Adopted:
    """One adopted resolution as the library keeps it."""

    symbol: str
    organ: str | None
    date: str | None  # ISO date, or the year alone when only the year is known
    language: str
    source: str
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (label, text)


def _symbol(doc: Resolution, path: Path, header: str | None) -> str:
    m = doc.masthead
    if header:
        return header
    if m.symbol:
        return m.symbol
    if m.resolution and doc.organ == "SC":
        return f"S/RES/{m.resolution[0]} ({m.resolution[1]})"
    if (found := _SC_NAME.search(path.stem)):
        return f"S/RES/{int(found.group(1))} ({found.group(2)})"
    return path.stem


def _date(doc: Resolution) -> str | None:
    m = doc.masthead
    if isinstance(m.date, datetime.date):
        return m.date.isoformat()
    return str(m.year) if m.year else None


def plain(p: Paragraph) -> str:
    """The paragraph's text without its footnote marks (a mark is not a word of the paragraph)."""
    return p.scan_text.replace(MARK, "") if p.footnote_refs else p.text


def from_document(doc: Resolution, path: Path, header_symbol: str | None = None) -> Adopted:
    """The record of a resolution read into the model."""
    paras = [(p.label, plain(p)) for p in doc.paragraphs if p.kind in TRACED and p.text.strip()]
    return Adopted(_symbol(doc, path, header_symbol), doc.organ, _date(doc), doc.language, str(path), paras)


def classify_texts(texts: list[str], language: str | None = None) -> Resolution:
    """A :class:`Resolution` made of plain paragraphs, classified and labelled as the loader does."""
    from .. import masthead
    from ..language import detect_language
    from ..loader import _default_packs
    from ..structure import Classifier, typed_number

    packs = _default_packs()
    code = language if language in packs else detect_language(texts[:400], packs, [], None)
    pack = packs[code]
    paras: list[Paragraph] = []
    numbers = []
    prev_letter: str | None = None
    for i, raw in enumerate(texts, 1):
        number = typed_number(raw, prev_letter)
        text = raw[number.length:] if number else raw
        p = Paragraph(index=i, kind=Kind.EMPTY, text=text, runs=[Run(text, 0, len(text))], original_text=raw)
        if number is not None:
            p.number, p.number_source, p.prefix_len = number.shown, number.source, number.length
            prev_letter = number.value if number.style == "letter" else None if number.style == "decimal" else prev_letter
        paras.append(p)
        numbers.append(number)
    classifier = Classifier(pack, packs)
    facts = classifier.classify(paras, numbers)
    organ = facts.get("organ") if isinstance(facts.get("organ"), dict) else None
    doc = Resolution("", paras, [], code, organ=organ.get("code") if organ else None)  # type: ignore[union-attr]
    doc.facts["masthead"] = masthead.read(paras, pack, classifier.is_sponsors)
    return doc


def read_text(path: Path) -> Adopted:
    """A plain-text resolution in the corpus notation."""
    from ..testing import notation

    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the text ({exc.__class__.__name__})") from None
    parsed = notation.parse(raw)
    texts = [regex.sub(r"\[\^\w+\]", "", p).replace("*", "") for p in parsed.paragraphs]
    if not any(t.strip() for t in texts):
        raise InputError(f"{path}: no paragraph of text")
    doc = classify_texts(texts, parsed.fields.get("LANG", "").split("-")[0].lower() or None)
    return from_document(doc, path, parsed.symbol or None)


def read_word(path: Path) -> Adopted:
    """A Word file read into the document model."""
    from ..loader import load_document

    try:
        doc = load_document(path)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file: one line, never a traceback
        raise InputError(f"{path}: cannot read the document ({type(exc).__name__}: {exc})") from None
    return from_document(doc, path)


def read(path: Path) -> Adopted:
    """An adopted resolution from a .docx or a plain-text file."""
    return read_text(path) if path.suffix.lower() == ".txt" else read_word(path)


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and every .docx, .docm and .txt under the folders named, in order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in SUFFIXES and not found.name.startswith(("~$", ".")):
                    yield found
        elif path.is_file():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")
